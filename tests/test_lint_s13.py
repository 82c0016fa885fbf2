"""Session 13's rules of the question linter (``kit/guide/cues18.py``) and the noun-phrase check of
the "something like" rewrite (``kit/guide/retell10.py``, newcomer F5). Questions written for
these tests in domains other than the labelled sets, with hard negatives that must stay clean."""
from __future__ import annotations

import pytest

from kit.guide import cues18, lint_question
from kit.guide.checks import grammar_problems
from kit.guide.lint import flags_of


# --- leading (and closed): a statement closed by an agreement tag --------------------------------------------
@pytest.mark.parametrize("q", [
    "The new kennel booking page is far quicker, you agree?",
    "The caretaker sorted the boiler straight away, or?",
    "The ferry timetable works much better than the old one, you would say so too?",
    "The locum vet was very thorough, I imagine?",
    "the new cycle lane is loads safer than the old road right",
    "you still keep the seed orders in a notebook yeah",
    "you don't sharpen the blades yourself do you",
    "u def booked the van early right",
])
def test_a_statement_closed_by_an_agreement_tag_is_leading_and_closed(q):
    flags = flags_of(q)
    assert "leading" in flags and "closed" in flags, (q, flags)
    assert cues18.agreement_tag([q]), q


@pytest.mark.parametrize("q", [
    "Tell me about the last time the ferry ran late, right from the start.",  # a request, then a phrase
    "You said you usually buy seed online - tell me about the last time you did that.",  # "did that" is a verb
    "If we printed the timetable, would you use it?",  # a condition, not a statement
    "Did the move go all right?",  # a question, "all right" not a tag
    "what happened after you turned right",  # a question word first
    "When the kiln cracked, who did you call first?",
])
def test_what_only_looks_like_a_tag_is_not_an_agreement_tag(q):
    assert not cues18.agreement_tag([q]), q


# --- leading: "how" + a quality, found by its position -----------------------------------------------------
@pytest.mark.parametrize("q", [
    "How dodgy was the scaffolding the firm put up?",
    "How noticeable was the change in your hearing after the fitting?",
    "How accurate was the stock count at the depot?",
    "How practical were the folding crates on the market stall?",
    "So, how rough was the crossing the night you sailed?",
    "Tell me about the last storm at the marina - how scary was it?",
])
def test_how_and_a_quality_before_its_verb_is_leading(q):
    assert "leading" in flags_of(q), q
    assert cues18.degree_judgement([q]), q


@pytest.mark.parametrize("q", [
    "How long was the wait at the depot?",  # a measure
    "How heavy were the crates you lifted?",  # a measure
    "How likely is it that the ferry runs late?",  # a hedge the conventions leave alone
    "How safe would you feel cycling there at night?",  # imagined: hypothetical
    "how safe do you feel cycling to the depot",  # a present feeling: generalizing
    "On a scale of 1 to 10, how tidy was the pitch?",  # a rating
    "How reliable and quick was the courier?",  # a pair, left to the rounds that read pairs
    "I want to say how grateful we are. Tell me about the day you joined.",  # "how" inside a clause
    "How did the fitting go?",
    "How come you left the allotment society?",
])
def test_a_measure_hedge_or_imagined_state_after_how_is_not_a_degree_judgement(q):
    assert not cues18.degree_judgement([q]), q


# --- rewrites: the topic a hypothetical brings about must be a noun phrase (newcomer F5) -------------------
@pytest.mark.parametrize("q", [
    "Wouldn't it be easier if we invoiced per cost centre?",
    "Wouldn't it be quicker if we shipped via the depot?",
])
def test_the_something_like_rewrite_never_takes_a_prepositional_phrase_as_its_thing(q):
    sug = lint_question(q)["suggestion"]
    assert sug, q
    assert "something like per" not in sug and "something like via" not in sug, sug
    assert not grammar_problems(sug), (q, sug)


def test_the_something_like_rewrite_still_takes_a_noun_phrase():
    sug = lint_question("Would you use it if we added online payments?")["suggestion"]
    assert "something like online payments" in sug, sug


def test_the_grammar_check_catches_a_preposition_where_the_topic_should_be():
    bad = "Tell me about the last time you needed something like per cost centre. What did you do?"
    assert grammar_problems(bad)
    assert not grammar_problems("Tell me about the last time you needed something like a cost report. What did you do?")
