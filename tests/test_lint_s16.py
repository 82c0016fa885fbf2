"""Session 16 (the `lint16` developer; docs/design.md "Sixteenth pass"): inverted conditions, clipped
modals, paired topics of clipped notes, two tasks after "how did you"; rewrites that keep one story
ask, tell a recommendation as a story and never take a person's name as the topic (newcomer session 15
F4, attacker session 15 A5). Questions written for these tests (bakeries, lidos, ferries, allotments,
choirs, a print shop), none taken from a labelled set."""
from __future__ import annotations

import pytest

from kit.guide import grammar_problems, lint_question
from kit.guide.cues21 import inverted_condition, paired_topic, two_acts
from kit.guide.lint import flags_of, judge_question
from kit.guide.retell17 import person_names, recommend_story, spliced_ask


def flags(q: str) -> list[str]:
    return judge_question(q)["flags"]


# ----------------------------------------------------------------------------- inverted conditions
@pytest.mark.parametrize("q", [
    "Were the lido to open at six, what would you do differently on weekdays?",
    "Were you to get a reminder the night before, how might that change your bakery order?",
    "Had the ferry left on time, what would you have done with the afternoon?",
])
def test_an_inverted_condition_is_hypothetical_and_no_yes_no_opener(q):
    got = flags(q)
    assert "hypothetical" in got
    assert "closed" not in got


@pytest.mark.parametrize("q", ["Were you happy with the lane swim?", "Had you used the allotment app before?"])
def test_an_inverted_auxiliary_that_asks_yes_or_no_stays_closed(q):
    assert inverted_condition(q) == q
    assert "closed" in flags(q) and "hypothetical" not in flags(q)


def test_were_to_reads_as_the_past_in_an_if_clause():
    assert inverted_condition("Were choirs to share one rota, what would you want from it?") == \
        "If choirs shared one rota, what would you want from it?"


def test_a_clipped_modal_is_read_as_would():
    assert "hypothetical" in flags("New allotment rota - what wd you change?")


# ----------------------------------------------------------------------------- paired topics, two tasks
@pytest.mark.parametrize("q", ["Lockers + showers - thoughts", "The proofing room & the oven rota - how did each work last week",
                               "Ticket desk and kiosk: what did the volunteers say"])
def test_a_clipped_topic_that_pairs_two_things_is_double_barreled(q):
    assert "double-barreled" in flags(q)
    assert paired_topic([q]) or "double-barreled" in flags(q)


@pytest.mark.parametrize("q", ["Terms and conditions - what did you make of them?",
                               "If you booked and paid - what happened next?",
                               "Opening hours - what did you find last Sunday?",
                               "Our choir leaders go above and beyond - tell me about the last time one helped you."])
def test_a_clipped_topic_with_one_thing_is_not(q):
    assert not paired_topic([q])


def test_two_tasks_after_how_did_you_are_double_barreled():
    q = "How did you price the banner and order the vinyl for it?"
    assert two_acts([q]).startswith("two tasks asked about at once ('price the banner'")
    assert "double-barreled" in flags(q)


@pytest.mark.parametrize("q", ["How did you open the app and then what happened?",
                               "How did you price the banner and the flyers?"])
def test_one_verb_or_a_follow_on_is_no_pair_of_tasks(q):
    assert not two_acts([q])


# ----------------------------------------------------------------------------- rewrites (F4)
def test_a_spliced_second_ask_is_cut_from_the_story():
    assert spliced_ask("Tell me about the last time you renewed the permit and was it quick. What happened?") == \
        "Tell me about the last time you renewed the permit. What happened?"
    assert spliced_ask("Tell me about the last time you and your sister baked. What happened?") == \
        "Tell me about the last time you and your sister baked. What happened?"


def test_a_double_barreled_one_fact_question_keeps_one_grammatical_story_ask():
    r = lint_question("When did you last top up your ferry card and was it easy?")
    assert "double-barreled" in r["flags"]
    main = r["suggestion"].partition(" Then ask separately: ")[0]
    assert main.startswith("Tell me about the last time you topped up your ferry card")
    assert " and was it" not in r["suggestion"] and not grammar_problems(r["suggestion"])
    assert not flags_of(main)


def test_a_recommendation_is_told_as_the_last_time_they_told_someone():
    r = lint_question("Would you recommend CrumbClub to other bakers?")
    assert r["suggestion"] == "Tell me about the last time you told someone about CrumbClub. What did you say?"
    assert not flags_of(r["suggestion"])
    assert recommend_story("How likely are you to recommend the print shop to a friend?") == \
        "Tell me about the last time you told someone about the print shop. What did you say?"


def test_a_recommendation_of_a_bare_pronoun_gets_no_rewrite():
    assert recommend_story("Would you recommend it?") == ""
    assert lint_question("Would you recommend it to your neighbours?")["suggestion"] == ""


# ----------------------------------------------------------------------------- names (A5)
def test_person_names_are_capitalised_inside_and_not_product_like():
    text = "Did Ana Testwell and Theo use the Hub, WhatsApp and the IVR on Monday?"
    assert person_names(text) == {"ana", "testwell", "theo"}
    assert person_names("Ana, how did the bake go?") == set()  # sentence-initial
    assert person_names("did ren like the stall?", roster_parts=("Ren",)) == {"ren"}


def test_a_double_barreled_reason_never_quotes_names_as_its_two_things():
    r = lint_question("Did Morgan Testperson and Riley enjoy the quiz and the raffle?")
    why = r["reasons"]["double-barreled"].lower()
    assert "morgan" not in why and "riley" not in why and "testperson" not in why
    assert "quiz" in why and "raffle" in why
    assert "Morgan" not in r["suggestion"] and "Riley" not in r["suggestion"]


def test_a_judged_act_of_a_named_person_is_told_as_the_act():
    r = lint_question("Don't you think Riley Sample was silly to cancel early?")
    assert "leading" in r["flags"]
    assert r["suggestion"] == "Tell me about the last time someone cancelled early. What happened?"
    assert not flags_of(r["suggestion"]) and not grammar_problems(r["suggestion"])


def test_a_roster_name_in_lower_case_is_never_the_topic():
    r = lint_question("Do you think hollis handled the plot swap well?", names=("Hollis",))
    assert "hollis" not in r["suggestion"].lower()


def test_a_reputation_adverb_before_a_quality_is_leading():
    assert "leading" in flags("How do you get on with the notoriously fussy festival inspectors?")
    assert "leading" not in flags("How do you get on with the festival inspectors?")
