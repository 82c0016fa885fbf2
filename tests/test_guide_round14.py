"""Fourteenth round of the question linter (issue 16, session 8): leading questions without an
evaluative word, read from what they take as given (kit/guide/cues14.py). The questions are
written for these tests, in domains of their own; the hard negatives are the kinds the
labelled sets leave unflagged."""
from __future__ import annotations

import pytest

from kit.guide import cues14
from kit.guide.checks import grammar_problems, topic_overlap
from kit.guide.lint import flags_of, lint_question


@pytest.mark.parametrize("q", [
    "Our vans carry 400 fittings, which means most jobs are finished in one visit. Tell me about the last time we "
    "came out.",
    "We deliver seven days a week. How did your last order go?",
    "The new app lets you book a court in two taps. When did you last book one?",
    "Our groomers have twenty years between them - walk me through Biscuit's last trim.",
    "Because our pharmacists check every order twice, how did you feel collecting your last prescription?",
    "We've added a live chat. How did you last get in touch with us?",
])
def test_a_claim_for_the_product_before_the_question_is_leading(q):
    assert "leading" in flags_of(q)
    assert "preamble" in lint_question(q)["reasons"]["leading"]


@pytest.mark.parametrize("q", [
    "We did a complete refit of the kitchen last year. What happened on the first night?",
    "We're talking to a few allotment holders about water. Tell me about the last time you watered.",
    "We're recording this so I can take notes. Tell me about your last shift.",
    "Our records show you renewed in May - what made you decide to renew then?",
    "Our last question is about your first week. What happened on day one?",
    "We make software for kennels, but I'm not here to sell you anything. Tell me about your last booking.",
    "We're thinking about opening on Sundays. Tell me about the last time you needed us at a weekend.",
])
def test_framing_and_past_events_before_the_question_are_not_leading(q):
    assert "leading" not in flags_of(q)


@pytest.mark.parametrize("q", [
    "What made you switch to us?",
    "Why did you decide to upgrade to the family plan?",
    "What convinced you to sign up with us?",
    "What made you stay with us after the price rise?",
    "so what made u move over to our app",
])
def test_a_presupposed_choice_of_the_product_is_leading(q):
    assert "leading" in flags_of(q)


@pytest.mark.parametrize("q", [
    "What made you pick that supplier in the end?",
    "Why did you decide to drop the evening classes?",
    "How did you hear about the trial, and why did you sign up?",
    "Would you switch to us if we matched your current price?",
    "What would it take for you to switch to our scheduling app?",
    "I'm curious what made you pick us over the bakery down the road.",
])
def test_an_ordinary_choice_or_an_imagined_switch_is_not_leading(q):
    assert "leading" not in flags_of(q)


@pytest.mark.parametrize("q", [
    "What problems has the new till solved for you?",
    "How has the booking system freed up your evenings?",
    "What has the scanner let you do that you couldn't before?",
    "How did the app make your mornings easier?",
    "What do you do with the time the rota tool saves you?",
    "Which deliveries got quicker once you had the new van?",
])
def test_a_presupposed_benefit_is_leading(q):
    assert "leading" in flags_of(q)


@pytest.mark.parametrize("q", [
    "What would you do with the time saved if invoices approved themselves?",
    "How much time do you think a digital snag list would save you?",
    "How does the budgeting tool fit into your week?",
    "Did the new till help on Saturday?",
    "What happened the last time the scanner froze?",
    "What made things harder that week?",
])
def test_an_imagined_benefit_a_plain_question_or_a_problem_is_not_leading_here(q):
    assert "leading" not in flags_of(q)


@pytest.mark.parametrize("q, kept", [
    ("What made you switch to us?", "switching to us"),
    ("Why did you decide to upgrade to the family plan?", "the family plan"),
    ("What problems has the new till solved for you?", "the new till"),
    ("How did the app make your mornings easier?", "the app"),
])
def test_rewrite_drops_the_premise_and_keeps_the_topic(q, kept):
    r = lint_question(q)
    assert r["flags"] == ["leading"]
    assert kept in r["suggestion"] and r["suggestion"].startswith("Tell me about the last time")
    assert not flags_of(r["suggestion"]) and not grammar_problems(r["suggestion"])
    assert topic_overlap(q, r["suggestion"]) >= 0.3


def test_rewrite_helper_leaves_other_questions_alone():
    assert cues14.rewrite("Tell me about your last order.") == ""
    assert cues14.rewrite("We deliver seven days a week. How did your last order go?") == ""


@pytest.mark.parametrize("q", [
    "how often do you water them, like twice a week",
    "what made you look for a new vet, was she limping or",
    "why did you go for the annual pass, was it the parking or",
    "I'm curious - was speed the main reason you went with the courier",
    "is the warranty the main thing you want from us",
])
def test_an_answer_suggested_after_the_question_is_leading(q):
    assert "leading" in flags_of(q)


@pytest.mark.parametrize("q", [
    "How do you usually pay for the allotment, cash or card?",
    "How do you normally get seedlings - friends, markets, garden centres?",
    "How many deliveries do you get a week, roughly?",
    "What happened next, after the surveyor left?",
    "What was your process on the loft conversion, step by step?",
    "what'd you want the app to do for you, ideally?",
    "Um, so, the fitting, like... how did that go, the last time?",
    "Tell me more about that - what was it like when you saw those odd, careful notes come back from the tutor?",
])
def test_options_hedges_and_time_after_the_question_are_not_suggested_answers(q):
    assert "leading" not in flags_of(q)


@pytest.mark.parametrize("q", [
    "the new app is, like, really confusing for most people, how did you get on with it",
    "i mean our fitters are all certified and really careful so how did the install go",
    "the online form is loads quicker than paper, right, so how did Monday go with it",
])
def test_a_statement_spoken_into_the_question_is_read_as_its_preamble(q):
    assert "leading" in flags_of(q)


@pytest.mark.parametrize("q", [
    "Most weeks, how do you decide what to bake?",
    "Every time a new member joins, what do you show them?",
    "To start us off, could you walk me through a recent project you've worked on?",
    "ok so say we added a chat button, what would you ask it?",
])
def test_time_frames_and_openers_before_the_question_are_not_preambles(q):
    assert "leading" not in flags_of(q)


@pytest.mark.parametrize("q", [
    "Suppose parking permits came by email, which would save you a trip to the town hall. Walk me through how you "
    "renew.",
    "Imagine the exams were online, without the stress of a packed hall. Walk me through your revision.",
    "Picture a dentist's chair that reclines fully, so you no longer feel cramped. How does your next check-up go?",
])
def test_an_imagined_scenario_told_with_its_benefit_is_leading(q):
    assert "leading" in flags_of(q)


def test_an_imagined_scenario_without_its_benefit_is_not_leading():
    assert "leading" not in flags_of("Imagine the exams were online. Walk me through your revision.")


@pytest.mark.parametrize("q", [
    "How did the librarian help you find the records?",
    "How did the nurses put you at ease before the operation?",
])
def test_help_taken_as_given_is_leading(q):
    assert "leading" in flags_of(q)


@pytest.mark.parametrize("q", [
    "what made you look for a new vet, was she limping or",
    "is the warranty the main thing you want from us",
    "i mean our fitters are all certified and really careful so how did the install go",
])
def test_rewrite_of_a_suggested_answer_or_spoken_preamble_is_clean(q):
    r = lint_question(q)
    assert r["suggestion"] and not flags_of(r["suggestion"]) and not grammar_problems(r["suggestion"])
    assert topic_overlap(q, r["suggestion"]) > 0
