"""Fifth-round cues of the question linter (issue 16, kit.guide.cues5): one-fact answers,
tags, general judgements, separate accounts and two occasions, and the hard negatives that
must stay clean. Sentences written for this test (not taken from any labelled set)."""
from __future__ import annotations

import pytest

from kit.guide import lint_question

FLAGGED = [
    ("How many kayaks did you rent out on Sunday?", {"closed"}),
    ("What year did the bakery switch ovens?", {"closed"}),
    ("How much did the new hinges cost you?", {"closed"}),
    ("Which ferry did you catch this morning?", {"closed"}),
    ("On a scale of one to five, how would you rate the last delivery?", {"closed"}),
    ("What would you pay for a weekly meal box?", {"closed", "hypothetical"}),
    ("How much do you usually spend on stamps each month?", {"closed", "generalizing"}),
    ("so you took the early train, yeah", {"leading", "closed"}),
    ("The builder finished on time, did he?", {"leading", "closed"}),
    ("imagine the shop opened on Sundays, would you come in", {"closed"}),
    ("Walk me through a normal morning at the surgery.", {"generalizing"}),
    ("What's the hardest part about restoring old frames?", {"generalizing"}),
    ("What do you do when a supplier misses a delivery?", {"generalizing"}),
    ("When a parcel goes missing, who do you call?", {"generalizing"}),
    ("What happens when the lift breaks?", {"generalizing"}),
    ("Isn't it annoying when the printer jams?", {"leading", "closed", "generalizing"}),
    ("What did you and your manager each make of the audit?", {"double-barreled"}),
    ("Tell me about your first shift at the depot and your most recent one.", {"double-barreled"}),
    ("What happened to the stock and to the staff after the fire?", {"double-barreled"}),
    ("How pleased were you with the paint and the plastering?", {"leading", "double-barreled"}),
    ("What's the worst part about driving in the snow?", {"generalizing"}),  # round 8: not leading (majority)
    ("How much storage space did the backup use?", {"closed"}),
    ("Have you ever had a parcel left outside or a courier skip your flat?", {"closed", "double-barreled"}),
    ("Our new app saves families hours - what happened the last time you booked?", {"leading"}),
]

CLEAN = [
    "Tell me about the last time you handed something in at the lost and found.",
    "What did the chef and the manager agree on before service?",
    "so when you like got to the gate and er your boarding pass didn't scan what did you do",
    "You won't hurt my feelings, I didn't design it. Can you walk me through the last time you used it?",
    "How did you decide which ferry to take?",
    "Tell me about the last time your printer wouldn't connect.",  # a past refusal, not a hypothesis
    # (round 6: "What's the worst part of the booking system?" is now generalizing, the three
    # independent authors of blind5, blind7 and blind8 agreeing; see tests/test_guide_round6.py)
    "What happened the last time the printer jammed?",
    "When the boiler broke last week, what did you do?",
    "How much did you enjoy the class?",  # a degree: leading, not closed
]


@pytest.mark.parametrize(("text", "flags"), FLAGGED)
def test_fifth_round_cues_flag(text, flags):
    r = lint_question(text)
    assert flags <= set(r["flags"]), r
    for flag in flags:
        assert r["reasons"][flag], r


@pytest.mark.parametrize("text", CLEAN[:-1])
def test_fifth_round_hard_negatives_stay_clean(text):
    assert lint_question(text)["flags"] == [], lint_question(text)


def test_degree_how_much_is_leading_not_closed():
    r = lint_question(CLEAN[-1])
    assert "leading" in r["flags"] and "closed" not in r["flags"], r


def test_how_often_is_generalizing_only():
    r = lint_question("How often do you service the boiler?")
    assert r["flags"] == ["generalizing"], r


def test_one_part_of_a_compound_is_not_closed():
    r = lint_question("How did you pick the van and how much did it cost?")
    assert "double-barreled" in r["flags"] and "closed" not in r["flags"], r


@pytest.mark.parametrize(("text", "kept"), [
    ("Which kayak did you rent for the race?", "rented the kayak for the race"),
    ("How many candles did you sell at the fair?", "sold candles at the fair"),
    # session 17 (attacker A6): the benefit the question was flagged leading for is not kept in its rewrite
    ("How much time did the new scanner save you on Monday?", "the scanner on Monday"),
])
def test_one_fact_rewrite_tells_the_event_with_its_thing(text, kept):
    from kit.guide import grammar_problems, topic_overlap
    r = lint_question(text)
    assert "closed" in r["flags"], r
    assert kept in r["suggestion"], r
    assert not grammar_problems(r["suggestion"]) and topic_overlap(text, r["suggestion"]) >= 0.5
