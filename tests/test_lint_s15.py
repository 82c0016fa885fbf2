"""Session 15 (issue 16): leading and double-barreled kinds read from the clause structure
(kit/guide/cues20.py; docs/design.md "Question linter", "Fifteenth pass"). The questions are written
for these tests, in domains the labelled sets do not use (kennels, lidos, observatories, print shops,
tram depots, saunas, bike hire), with hard negatives beside them; and session 14 newcomer F3."""
from __future__ import annotations

import pytest

from kit.guide import cues20
from kit.guide.checks import grammar_problems, topic_overlap
from kit.guide.lexicon import _sentences
from kit.guide.lint import judge_question, lint_question


def flags(question: str) -> list[str]:
    return judge_question(question)["flags"]


@pytest.mark.parametrize("question", [
    # "what all" + a problem: every item of a list of problems, taken as given
    "What all issues you faced when booking the kennel, please share",
    "wat all problems u had with the sauna app",
    "Kindly tell me what all went wrong at the lido on the reopening day.",
    # a question word over plural problems with a past or perfect auxiliary
    "What problems did the new observatory booking page cause you?",
    "Which issues have you had with the print shop's upload tool?",
])
def test_problems_taken_as_given_are_leading(question):
    assert cues20.presupposed_problem(_sentences(question))
    assert "leading" in flags(question)


@pytest.mark.parametrize("question", [
    "What all did you pack for the kennel stay?",  # "what all" without a problem: a list
    "What happened at the lido on the reopening day?",
    "What problems are you facing with the tram depot rota?",  # present: labelled both ways, left alone
    "Which problems have you solved with the new print queue?",
    "What did you do when the sauna heater stopped?",
])
def test_lists_and_plain_events_are_not_problems_taken_as_given(question):
    assert cues20.presupposed_problem(_sentences(question)) == ""
    assert "leading" not in flags(question)


@pytest.mark.parametrize("question", [
    "why was the kennel check-in such a hassle",
    "Why do you think the e-bike is better than the tram for your commute?",
    "Isn't it true that the lido is always overcrowded in August?",
    "How nerve-wracking was your first night at the observatory?",
    "Bike hire schemes never have enough bikes, abi? So what did you do last Friday?",
    "The sauna is always packed, innit? What happened when you went on Sunday?",
])
def test_judging_phrases_and_tagged_claims_are_leading(question):
    assert "leading" in flags(question)


@pytest.mark.parametrize("question", [
    "Have you ever been to such a place before?",  # "such a" + a plain noun
    "Is it so that you had to book the kennel a month ahead?",  # a plain fact asked, not negated
    "Why did you pick the e-bike over the tram last week?",  # a choice, no comparison taken as given
    "How long-term was the kennel booking?",  # a measure
    "How far was the observatory from the station?",
    "We moved the print shop in June. What happened the first time you came?",
])
def test_plain_words_and_facts_are_not_leading(question):
    assert "leading" not in flags(question)


@pytest.mark.parametrize("question", [
    # session 14 newcomer F3: two predicates of one subject in a condition
    "Would you use the app more if downloads worked offline and were faster?",
    "If the lido opened earlier and was heated, would you swim there more?",
    "If the tram were cheaper and more reliable, would you leave the car at home?",
    "Would you book more kennel stays if the rooms were bigger and quieter?",
])
def test_two_conditions_in_one_clause_are_double_barreled(question):
    assert cues20.two_predicates(_sentences(question)).startswith("two conditions in one clause")
    assert "double-barreled" in flags(question)


@pytest.mark.parametrize("question", [
    "If the lido opened earlier, would you swim there more?",
    "If you could book a lane online and pay at the door, would you use it?",  # one scenario, labelled one thing
    "Would you pay more for bike hire that was nice and quick?",
    "If the forecast was safe and sound, would you go out on the water?",
    "Who's making the creative and technical decisions at the print shop?",
    "Would you keep a sauna that is heated by wood?",
])
def test_one_condition_one_scenario_or_a_pair_before_a_noun_is_not_two_conditions(question):
    assert cues20.two_predicates(_sentences(question)) == ""


def test_the_rewrite_of_two_conditions_keeps_both_topics_and_asks_them_one_at_a_time():
    q = "Would you use the app more if downloads worked offline and were faster?"
    r = lint_question(q)
    assert "double-barreled" in r["flags"]
    first, _, then = r["suggestion"].partition(" Then ask separately: ")
    assert "downloads" in first and "offline" in first and "faster" in then
    assert judge_question(first)["flags"] == [] and judge_question(then)["flags"] == []
    assert grammar_problems(r["suggestion"]) == []
    assert topic_overlap(q, r["suggestion"]) > topic_overlap(q, "Tell me about the last time you used the app.")


def test_the_rewrite_of_two_conditions_in_a_relative_or_fronted_clause():
    r = lint_question("If the tram were cheaper and more reliable, would you leave the car at home?")
    assert "the tram to be cheaper" in r["suggestion"] and "the tram to be more reliable" in r["suggestion"]


@pytest.mark.parametrize(("question", "thing"), [
    ("What all issues you faced at the kennel, kindly share", "the kennel"),
    ("What problems did the new lido timetable cause you?", "the new lido timetable"),
    ("wat all problems u had with ur bike hire account", "your bike hire account"),
])
def test_the_rewrite_of_problems_taken_as_given_is_the_last_time_with_the_thing(question, thing):
    r = lint_question(question)
    assert r["suggestion"] == f"Tell me about the last time you dealt with {thing}. What happened?"
    assert judge_question(r["suggestion"])["flags"] == []
