"""Session 18 (docs/design.md "Eighteenth pass"): the linter's kinds written from grammar (kit/guide/cues23.py),
each on phrasings written for these tests (none copied from a labelled set), with hard negatives; the follow-up of a
split double question asked open; no "a" before a mass noun in a rewrite."""
from __future__ import annotations

import pytest

from kit.guide import grammar_problems, lint_question
from kit.guide.cues23 import asked_clause, mass_article, tense


def _flags(q: str) -> list[str]:
    return lint_question(q)["flags"]


# ------------------------------------------------------------------ leading: a superlative with a valence


@pytest.mark.parametrize("question", [
    "What's the most irritating thing about renewing a parking permit?",
    "What is the most exhausting part of a wedding weekend at the hotel?",
    "what's the worst bit of closing the shop at night",
    "What's the best thing about the new allotment rules?",
    "What's the biggest headache with ordering seed potatoes?",
])
def test_superlative_with_valence_is_leading(question):
    assert "leading" in _flags(question)


@pytest.mark.parametrize("question", [
    "What's the hardest part of closing the shop at night?",   # effort, not a judgement
    "What's the most common reason a booking gets moved?",     # frequency
    "What was the most recent order you placed with them?",    # time
    "Tell me about the best route you found to the depot.",    # a request, not a superlative asked for
])
def test_superlative_without_valence_is_not_leading(question):
    assert "leading" not in _flags(question)


# ------------------------------------------------------------------ leading: a preamble asserting a judgement


@pytest.mark.parametrize("question", [
    "Sure the parking charges are a scandal, how do you feel about them?",
    "Landlords round here are often not reliable - what happened with yours?",
])
def test_judging_preamble_is_leading(question):
    assert "leading" in _flags(question)


@pytest.mark.parametrize("question", [
    "The clinic moved to the high street in May - how did you get there the first time?",
    "There are no wrong answers here, so what happened the last time you renewed your permit?",
])
def test_neutral_preamble_is_not_leading(question):
    assert "leading" not in _flags(question)


# ------------------------------------------------------------------ generalizing: tense of the asked clause


@pytest.mark.parametrize("question", [
    "How has the new loyalty scheme changed your shopping?",          # a cumulative effect, present perfect
    "you prefer to pay at the till or in the app?",                   # a preference stated to "you"
    "You order the flour online or from the wholesaler?",
    "Do you lock the bike shed at night?",                            # a present-simple habit to "you"
    "Do you still keep the paper rota in the kitchen?",
    "Which notebook do you carry on site visits?",
])
def test_present_habit_or_effect_is_generalizing(question):
    assert "generalizing" in _flags(question)


@pytest.mark.parametrize("question", [
    "How did the new loyalty scheme change your shopping last month?",   # a past occasion
    "Do you have a loyalty card with them?",                             # a state, not a habit
    "Do you remember the day the shed was broken into?",                 # memory, a story opener
    "Tell me about the last time you locked up the bike shed.",
    "Did you lock the bike shed that night?",
])
def test_past_occasion_or_state_is_not_generalizing(question):
    assert "generalizing" not in _flags(question)


def test_asked_clause_drops_preamble_and_tag():
    assert asked_clause(["Sure the fee is steep, how do you feel about it?"])[:3] == ["how", "do", "you"]
    assert asked_clause(["The queue is long, isn't it?"]) == ["the", "queue", "is", "long"]
    assert tense(["how", "has", "it", "changed", "things"]) == "present"
    assert tense(["how", "did", "it", "change", "things"]) == "past"
    assert tense(["would", "you", "use", "it"]) == "modal"


# ------------------------------------------------------------------ rewrites


def test_split_double_follow_up_is_open():
    """The follow-up of "... and what shift you're on" is asked open, never the one fact "What shift are you on?"."""
    sug = lint_question("Tell me a bit about the warehouse and what aisle you're in.")["suggestion"]
    main, sep, then = sug.partition(" Then ask separately: ")
    assert sep and then == "Tell me about the aisle you're in."
    assert "closed" not in _flags(then) and not grammar_problems(then)


@pytest.mark.parametrize("text,bad", [
    ("Tell me about the last time you dealt with a kitchen staff.", True),
    ("Tell me about the last time you bought an office furniture.", True),
    ("Tell me about the last time a staff member helped you.", False),   # "staff" modifies "member"
    ("Tell me about the last time you installed a software update.", False),
    ("Tell me about the last time you used a service like that.", False),
])
def test_mass_article(text, bad):
    assert bool(mass_article(text)) is bad
    assert bool(grammar_problems(text)) is bad


def test_rewrite_has_no_article_before_a_mass_noun():
    sug = lint_question("How pleased are you with our kitchen staff on a scale of 1-5?")["suggestion"]
    assert sug and not mass_article(sug) and "kitchen staff" in sug
