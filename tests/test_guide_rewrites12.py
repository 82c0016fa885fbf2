"""Round-12 rewrites (issue 16, item 3): the kinds of rewrite a newcomer and an attacker found
broken, fixed by kind. A closed question about a state becomes the occasion the participant met
the thing (never the predicate glued to it); a hypothetical, likelihood or "would make you"
question asks about the last real occasion of the need (never the imagined thing as past); a
closer asks its open form; a generic fallback gives way to the question's own clause; a second
ask is kept as "Then ask separately: ...". Questions written for this file."""
from __future__ import annotations

import pytest

from kit.guide import flags_of, grammar_problems, lint_question, topic_overlap
from kit.guide.retell12 import faults, meet


def _clean(question: str) -> str:
    r = lint_question(question)
    assert r["flags"], question
    sug = r["suggestion"]
    assert not grammar_problems(sug), (sug, grammar_problems(sug))
    for part in sug.split(" Then ask separately: "):
        assert not flags_of(part), (part, flags_of(part))
    assert "came up for you" not in sug, sug  # never the generic story
    assert not faults(question, sug), (sug, faults(question, sug))
    return sug


# (a) a closed question about a state or a judgement: the occasion, never the predicate glued on
@pytest.mark.parametrize("question,kept,glued", [
    ("Was the parking easy?", "the last time you parked.", "easy"),
    ("Is the waiting room comfortable?", "the last time you were in the waiting room.", "comfortable"),
    ("Do you think the quiz is too short?", "the last time you took the quiz.", "short"),
    ("Was the workshop useful for you?", "the last time you went to the workshop.", "useful"),
    ("Don't you think scheduling is tedious?", "the last time you did your scheduling.", "tedious"),
    ("Is the match exciting?", "the last time you played the match.", "exciting"),
    ("Are you a frequent flyer?", "the last time you flew.", "frequent"),
    ("Are you a practising nurse?", "the last time you practised as a nurse.", "dealt with"),
    ("Our new loyalty scheme saves families a fortune - how much do you like it?",
     "the last time you used the loyalty scheme.", "saves"),
])
def test_state_question_becomes_the_occasion(question, kept, glued):
    sug = _clean(question)
    assert kept in sug, sug
    assert glued not in sug.lower(), sug


# (a) closers and option questions: the open form
@pytest.mark.parametrize("question,expected", [
    ("Is there anything you wish we had asked?", "What should we have asked you?"),
    ("Was that in store or online?", "Where did that happen?"),
])
def test_closers_and_options_ask_the_open_form(question, expected):
    assert _clean(question) == expected


def test_an_option_question_is_rewritten_to_an_open_one_on_its_topic():
    # "Which device was it on?" was the rewrite until session 13; the retrained model reads it as
    # closed (one pick from options, as the labelling convention has "Which store did you use?"),
    # so the rewrite falls back to the story form on the question's topic
    sug = _clean("Was it on Windows or a Mac?")
    assert "Windows" in sug and sug.endswith("What happened?")
    assert lint_question(sug)["flags"] == []


@pytest.mark.parametrize("question", ["Is there anything else we should know?", "Anything we missed?"])
def test_a_standard_closer_is_not_flagged_so_needs_no_rewrite(question):
    """The twelfth round (kit.guide.cues12) reads a closer that invites anything left unsaid as
    a good closer, not a closed question."""
    from kit.guide import lint_question

    result = lint_question(question)
    assert result["flags"] == [] and not result["suggestion"]


# (b) hypothetical, likelihood, "would make you": the last real occasion of the need
@pytest.mark.parametrize("question,kept,imagined", [
    ("What would make you donate more?", "the last time you donated money.", "make you"),
    ("What would encourage you to cycle to work?", "the last time you cycled to work.", "encourage"),
    ("How likely are you to keep coming to the club next season?", "the last time you came to the club.",
     "next season"),
    ("How likely are you to switch banks this year?", "the last time you switched banks.", "this year"),
    ("If we added a loyalty card, would you use it?", "the last time you needed something like a loyalty card.",
     "used a loyalty card"),
    ("Suppose there was a night bus, would you take it?", "the last time you needed something like a night bus.",
     "took"),
    ("Wouldn't it be handy if you could pause your subscription?",
     "the last time you wanted to pause your subscription.", "paused"),
    ("Wouldn't it be great if the portal remembered your address?",
     "the last time you needed the portal to remember your address.", "dealt with"),
    ("Would you use an app that tracks your water intake?", "the last time you tracked your water intake.",
     "used an app"),
    ("Would you pay for offline maps?", "the last time you needed something like offline maps.", "paid for"),
])
def test_hypothetical_asks_about_the_real_need(question, kept, imagined):
    sug = _clean(question)
    assert kept in sug, sug
    assert imagined not in sug, sug


def test_future_closer_asks_about_real_plans():
    sug = _clean("Would you be willing to join a follow-up call?")
    assert sug == "How should we get in touch with you about a follow-up call?"


# (c) habits and judgements of a task: the question's own clause, never the generic story
@pytest.mark.parametrize("question,kept", [
    ("What do you usually do when the lift is broken?", "Tell me about the last time the lift was broken."),
    ("What do you normally do when the kids are bored?", "Tell me about the last time the kids were bored."),
    ("Don't you think marking is exhausting?", "Tell me about the last time you did your marking."),
])
def test_habit_keeps_its_clause(question, kept):
    sug = _clean(question)
    assert sug.startswith(kept), sug
    assert topic_overlap(question, sug) >= 0.5, (sug, topic_overlap(question, sug))


# (d) two things under one willingness question: the second ask kept
def test_second_thing_kept_as_its_own_ask():
    sug = _clean("Would you pay for same-day delivery and gift wrapping?")
    first, then = sug.split(" Then ask separately: ")
    assert "same-day delivery" in first and "gift wrapping" not in first
    assert "gift wrapping" in then
    assert "paid" not in sug


def test_two_asks_after_would_make_you_keep_the_second():
    sug = _clean("What would make you shop here more often and tell your neighbours?")
    first, then = sug.split(" Then ask separately: ")
    assert "the last time you shopped here" in first
    assert "told your neighbours" in then


@pytest.mark.parametrize("question,cand", [
    ("Is the menu clear?", "Tell me about the last time you dealt with the menu clear. What happened?"),
    ("Is there anything we forgot?", "Tell me about the last time you dealt with anything we. What happened?"),
    ("Our app makes saving easy, do you like it?",
     "Tell me about the last time you used the app makes saving. What happened?"),
    ("What would make you train more?", "Tell me about the last time make you trained. What happened?"),
    ("How likely are you to rebook next month?", "Tell me about the last time you rebooked next month. What happened?"),
    ("If we added a chat button, would you use it?",
     "Tell me about the last time you used a chat button. What happened?"),
    ("Would you pay for faster refunds?", "Tell me about the last time you paid for faster refunds. What happened?"),
    ("Are you a keen gardener?", "Tell me about the last time you dealt with a keen gardener. What happened?"),
    ("Wouldn't it be nice if the till printed receipts?",
     "Tell me about the last time you dealt with the till printed receipts. What happened?"),
])
def test_faults_catch_the_broken_kinds(question, cand):
    assert faults(question, cand), cand


@pytest.mark.parametrize("question,cand", [
    ("How was the glazing class, and how was the kiln?", "Tell me about the last time you went to the glazing class."
                                                          " What happened?"),
    ("How helpful was the surveyor?", "Tell me about the last time you dealt with the surveyor. What happened?"),
    ("How do you find the new booking form?", "Tell me about the last time you used the new booking form. "
                                              "What happened?"),
])
def test_faults_leave_a_plain_thing_alone(question, cand):
    assert not faults(question, cand), faults(question, cand)


@pytest.mark.parametrize("thing,verb", [
    ("the game", "played the game"), ("the onboarding", "went through the onboarding"),
    ("invoicing", "did your invoicing"), ("the quiz", "took the quiz"), ("the app", "used the app"),
    ("the weather", None),
])
def test_meet_names_the_verb_for_the_thing(thing, verb):
    assert meet(thing) == verb


def test_one_thing_wish_asks_when_the_participant_wanted_it():
    sug = _clean("If you could improve one thing about the checkout, what would it be?")
    assert sug.startswith("Tell me about the last time you wanted to improve something about the checkout."), sug


@pytest.mark.parametrize("question,first,second", [
    ("How do you feel about the menu and the waiting time?", "menu", "waiting time"),
    ("What do you think of the rent and the service charge?", "rent", "service charge"),
])
def test_double_story_is_the_first_ask_and_the_second_follows(question, first, second):
    sug = _clean(question)
    story, then = sug.split(" Then ask separately: ")
    assert first in story and second not in story, sug
    assert second in then, sug


def test_a_clean_second_ask_is_never_lost():
    sug = _clean("How was the parking and the signage?")
    story, then = sug.split(" Then ask separately: ")
    assert "parked" in story and "signage" not in story and "signage" in then, sug


def test_two_people_about_one_thing_keep_the_thing_as_the_story():
    sug = _clean("How do the cooks and the waiters each feel about the new till?")
    assert sug.partition(" Then ask separately: ")[0].find("till") > 0, sug


@pytest.mark.parametrize("question,expected", [
    ("Did you pay the deposit by card or by transfer?",
     "Tell me about the last time you paid the deposit. How did you pay it?"),
    ("Do you usually order spare parts by phone or by email?",
     "Tell me about the last time you ordered spare parts. How did you order them?"),
])
def test_options_inside_a_verb_phrase_are_not_told_as_what_happened(question, expected):
    assert _clean(question) == expected
    assert faults(question, "Tell me about the last time you paid the deposit by card. What happened?" if "deposit" in
                  question else "Tell me about the last time you ordered spare parts by phone. What happened?")


def test_options_after_a_bare_verb_ask_how_it_was_done():
    assert _clean("Do you usually renew by post or online?") == "How did you renew last time?"


@pytest.mark.parametrize("question,expected", [
    ("Would you use a tool that chased late payments for you?", "the last time you chased late payments."),
    ("Would you use an app that booked the gym for you?", "the last time you booked the gym."),
])
def test_a_tools_work_for_you_becomes_your_own_act(question, expected):
    """Notebook 01's example read "the last time you chased late payments for you"."""
    sug = lint_question(question)["suggestion"]
    assert expected in sug and "for you" not in sug, sug
