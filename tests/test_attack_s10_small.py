"""Session 10's attacker: smaller faults, by kind (inputs in tests/data/attack-s10)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kit.notes import _ordinal
from kit.recruit import unsafe_cells
from kit.review import infer_interviewers
from kit.transcripts import read_transcript

DATA = Path(__file__).parent / "data" / "attack-s10"


@pytest.mark.parametrize("n, said", [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
                                     (13, "13th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (111, "111th")])
def test_ordinals_in_messages(n, said):
    assert _ordinal(n) == said


@pytest.mark.parametrize("phone", ["+44 20 7946 0958", "+1 (555) 010-9999", "-0.42", "+353 1 234/5678"])
def test_a_phone_number_is_not_reported_as_a_formula(phone):
    assert unsafe_cells({"phone": phone}, ["phone"]) == ""


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "+44 20 7946 ext 3",
                                   "-2+3+cmd|x"])
def test_a_formula_that_can_call_something_is_still_reported(value):
    assert unsafe_cells({"phone": value}, ["phone"]) == "a formula in phone"


def test_a_label_that_says_interviewer_is_the_interviewer_whoever_asks_more():
    turns = read_transcript(DATA / "review-interviewer-label.txt")
    assert infer_interviewers(turns) == ["Interviewer"]


def test_without_such_a_label_the_one_who_asks_most_is_the_interviewer(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Maya: Tell me about the last time you were paid late?\nDana: It was March.\n"
                    "Maya: What happened next?\nDana: I chased them.\n", encoding="utf-8")
    assert infer_interviewers(read_transcript(path)) == ["Maya"]


@pytest.mark.parametrize("text, said", [
    ("I asked Hope. Bell said so.", "I asked [name]. [name] said so."),
    ("I asked Grace. Okafor came.", "I asked [name]. [name] came."),
    ("Was it Grace? Okafor said no.", "Was it [name]? [name] said no."),
    ("Hope Bell called, then Grace Okafor.", "[name] called, then [name]."),
    ("I asked Hope, Bell said so.", "I asked [name], [name] said so."),
])
def test_a_full_stop_between_two_names_stays(text, said):
    from kit.privacy import Roster, redact

    people = Roster(names=("Hope Bell", "Grace Okafor"), parts=("Hope", "Bell", "Grace", "Okafor"))
    assert redact(text, people) == said
