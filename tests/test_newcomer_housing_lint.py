"""Session 10's newcomer (a housing association's tenant interviews): the linter's faults, by kind."""
from __future__ import annotations

from pathlib import Path

import pytest

from kit.guide import lint_guide, lint_question
from kit.guide.spelling import misspellings

GUIDES = Path(__file__).parent / "data" / "newcomer-housing" / "guides"


@pytest.mark.parametrize("word", ["mould", "mouldy", "paediatric", "anaemia", "oestrogen", "tyres", "manoeuvre",
                                  "cheques", "kerb", "grey", "colour", "programme"])
def test_british_spellings_are_not_misspellings(word):
    assert misspellings(f"Tell me about the {word} in the flat.") == []


@pytest.mark.parametrize("word", ["normaly", "recieve", "definately", "behavour"])
def test_misspellings_are_still_found(word):
    assert [m["word"] for m in misspellings(f"Tell me what {word} happens.")] == [word]


@pytest.mark.parametrize("question", ["What did they say?", "What did they tell you?", "What do they say when you call?",
                                      "What would they say about it?"])
def test_a_question_about_what_someone_said_is_not_leading(question):
    assert "leading" not in lint_question(question)["flags"]


@pytest.mark.parametrize("question", ["They say the app is the easiest way to report a repair, so how did you report it?",
                                      "Everyone says the new lift is better. What happened when you used it?"])
def test_what_everyone_says_before_the_question_is_still_leading(question):
    assert "leading" in lint_question(question)["flags"]


@pytest.mark.parametrize("question", ["Did you find the damp and mould form easy to use?",
                                      "Did you find the terms and conditions page easy to read?",
                                      "Was the health and safety form clear?"])
def test_a_thing_named_with_and_before_its_noun_is_one_thing(question):
    q = lint_question(question)
    assert "double-barreled" not in q["flags"]
    assert "closed" in q["flags"]
    assert " found the " not in (q.get("rewrite") or "")  # "find ... easy" is a judgement, not "locate"


@pytest.mark.parametrize("question", ["How did you find the form and fill it in?", "Did you call the office and book a slot?"])
def test_two_actions_are_still_double_barreled(question):
    assert "double-barreled" in lint_question(question)["flags"]


@pytest.mark.parametrize("name", ["guide-repairs.txt", "guide-repairs.yml"])
def test_a_say_line_is_never_the_opener(name):
    report = lint_guide(GUIDES / name)
    openers = [q for q in report["questions"] if q["role"] == "opener"]
    assert [q["question"] for q in openers] == ["Tell me about the last time you reported a repair in your home."]
    messages = [s["message"] for s in report["structure"]]
    assert not any("missing opener" in m or "more than one opener" in m for m in messages), messages
    say = [q for q in report["questions"] if q["question"].startswith("Thanks for joining") or "brilliant" in q["question"]]
    assert say and all(q["role"] == "probe" and "leading" in q["flags"] for q in say)
