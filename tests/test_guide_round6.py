"""Sixth round of the question linter (issue 16, kit.guide.cues6): the kinds the independent
sets blind5, blind7 and blind8 missed, in questions written for these tests (not items of any
labelled set), with hard negatives."""
from __future__ import annotations

import pytest

from kit.guide import lint_question

FLAGGED = [
    # present habit without "usually": "how do you <action verb>"
    ("How do you schedule the night crew at the bakery?", {"generalizing"}),
    ("How does your team restock the vending machines?", {"generalizing"}),
    ("How do you find volunteers for the litter pick?", {"generalizing"}),
    # a present when-clause before "what happens" / "what's the routine"
    ("When a pipe bursts in a rental flat, what happens?", {"generalizing"}),
    ("When the school bus breaks down, what's the routine?", {"generalizing"}),
    ("What goes through your head when you open a flooded basement?", {"generalizing"}),
    # a typical X, even inside a hypothetical
    ("What would a normal Saturday look like if the car park were free?", {"generalizing", "hypothetical"}),
    ("What does your morning routine at the kennels look like?", {"generalizing"}),
    # a superlative part or thing about anything, with no past anchor
    ("What's the most frustrating thing about the parking app?", {"generalizing"}),
    ("What's the most common fault you see on second-hand mowers?", {"generalizing"}),
    # a rate, "these days", general claims
    ("How many parcels do you sort a shift, roughly?", {"generalizing"}),
    ("Are rents in the village affordable these days?", {"generalizing"}),
    ("Isn't it annoying that the council never answers the phone?", {"generalizing"}),
    ("Don't you find that tenants forget the bin days?", {"generalizing"}),
    # presuppositions and pitch preambles (leading)
    ("Our new rota tool must save you hours every week?", {"leading"}),
    ("I'm guessing the old kiln was really unreliable — tell me about the last firing.", {"leading"}),
    ("What was it that made the tasting so memorable?", {"leading"}),
    ("How much time did our new scanner save you on Monday?", {"leading", "closed"}),
    ("Our delivery vans get parcels out faster than any courier in town. Tell me about your last order.",
     {"leading"}),
    ("Landlords are notoriously slow with repairs. What happened when your boiler failed?", {"leading"}),
    # every part of a compound asks for one fact; one fact after "in general"
    ("How many lessons did you book, and how much did they cost?", {"closed"}),
    ("in general how long does a boiler service take", {"closed", "generalizing"}),
    # two accounts, two offers, two time frames compared (double-barreled)
    ("How did the landlord and the letting agent each respond to the leak?", {"double-barreled"}),
    ("How did the head chef and the waiters react when the menu changed?", {"double-barreled"}),
    ("Tell me about the quote from the first roofer and the one from the second.", {"double-barreled"}),
    ("How were sales this month compared to last month?", {"double-barreled"}),
    # imagined situations (hypothetical)
    ("How annoyed would you be if the gym closed at eight?", {"hypothetical"}),
    ("Say the ferry got cancelled on a Friday, who would you ring?", {"hypothetical"}),
]

CLEAN = [
    "How did you schedule the night crew last Friday?",  # a past instance
    # an opinion of one past occasion (round 9: an opinion of something ongoing, in the present, is
    # generalizing -- "How do you find the new parking app?" -- tests/test_guide_round9.py)
    "How did you feel about the new rota on its first week?",
    "How did you find the new parking app the first time you used it?",
    "When the pipe burst last winter, what happened?",  # a past when-clause
    "You said the vans usually run late — tell me about the last delivery that did.",  # an echo
    "Our team is small, so tell me about the last time you called us.",  # a neutral preamble
    "How many parcels did you sort on your last shift?",  # closed only
    "Tell me about the last time you went to the tasting and what happened there.",
]

# past refusals and one compared thing: neither hypothetical nor double-barreled
NOT_HYPOTHETICAL_OR_DOUBLE = [
    "Tell me about the last class where a pupil just wouldn't sit down.",
    "Tell me about the last repair you did where the screw wouldn't budge.",
    "What was different about this visit compared with your usual shop?",
    # a distinction asked about as one thing (the real interviews ask it often)
    "What decides when you reach for the template versus writing from scratch?",
]


@pytest.mark.parametrize(("text", "flags"), FLAGGED)
def test_sixth_round_cues_flag(text, flags):
    r = lint_question(text)
    assert flags <= set(r["flags"]), r
    for flag in flags:
        assert r["reasons"][flag], r


@pytest.mark.parametrize("text", CLEAN)
def test_sixth_round_hard_negatives(text):
    r = lint_question(text)
    assert "generalizing" not in r["flags"] and "leading" not in r["flags"], r


def test_a_past_superlative_is_not_generalizing():
    r = lint_question("What was the most frustrating thing about the delivery on Tuesday?")
    assert "generalizing" not in r["flags"], r  # anchored in the past (still leading: "most frustrating")


def test_closed_only_question_is_not_generalizing():
    assert lint_question("How many parcels did you sort on your last shift?")["flags"] == ["closed"]


@pytest.mark.parametrize(("text", "flags"), FLAGGED[:3])
def test_sixth_round_rewrites_keep_the_topic(text, flags):
    from kit.guide import grammar_problems, topic_overlap

    sug = lint_question(text)["suggestion"]
    assert sug.startswith("Tell me about the last time"), sug
    assert topic_overlap(text, sug) >= 0.5 and not grammar_problems(sug), sug


@pytest.mark.parametrize("text", NOT_HYPOTHETICAL_OR_DOUBLE)
def test_past_refusals_and_one_comparison_stay_clean(text):
    r = lint_question(text)
    assert "hypothetical" not in r["flags"] and "double-barreled" not in r["flags"], r
