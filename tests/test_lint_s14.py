"""Session 14 (issue 16): leading and generalizing kinds read from the clause structure
(kit/guide/cues19.py; docs/design.md "Question linter", "Fourteenth pass"). The questions are
written for these tests, in domains the labelled sets do not use, with hard negatives beside them."""
from __future__ import annotations

import pytest

from kit.guide import cues19
from kit.guide.lexicon import _sentences
from kit.guide.lint import judge_question


def flags(question: str) -> list[str]:
    return judge_question(question)["flags"]


@pytest.mark.parametrize("question", [
    # a degree word on the predicate of a statement before the ask (praise or blame)
    "The new parking app is very handy. How did you pay for your spot last Tuesday?",
    "the old permit form was way too fiddly, what did you do when you filled it in",
    "Our courier vans are super punctual - what happened with your last parcel?",
    "The allotment waiting list is so unfair — how did you get your plot?",
    # an emphasis adverb or an evaluative noun after the copula
    "our ferry timetable is lowkey a lifesaver, how did you plan the crossing?",
    "The tram extension is honestly magic 🚋 when did you first ride it?",
    # a stock phrase of praise or comparison
    "Our framing shop is top notch, so what did you think of the mount you picked?",
    "Our kits ship in two days instead of weeks, so how did the wait go for you?",
    # a parenthesised relative clause that grades the thing
    "after we added the queue texts (which patients have honestly loved) what changed at your desk",
])
def test_graded_claim_before_the_ask_is_leading(question):
    assert cues19.judged_preamble(_sentences(question)).startswith("the preamble judges")
    assert "leading" in flags(question)


@pytest.mark.parametrize("question", [
    "So after you'd locked the kiln room, what happened then?",
    "Thanks so much for coming in. Tell me about the last time you renewed your fishing permit.",
    "For the audit where you found the checklist really useful, how did you start it?",
    "The clinic moved to the high street in May. How did you get there for your last visit?",
    "Tell me about the last time the tram was really late.",
    "We changed the opening hours in spring. What happened the first time you came after that?",
])
def test_plain_facts_echoes_and_thanks_are_not_graded_claims(question):
    assert cues19.judged_preamble(_sentences(question)) == ""
    assert "leading" not in flags(question)


@pytest.mark.parametrize("question", [
    "Is it that you cancelled the gym membership because of the fees?",
    "Why did you leave the choir? Was it because of the new rehearsal night?",
])
def test_a_yes_no_question_offering_its_reason_is_leading(question):
    assert "leading" in flags(question)


@pytest.mark.parametrize("question", [
    "Was it raining or sunny when you set off?",
    "Is it that time of year when the orders pile up?",
    "Was it the landlord or the agent who called you because of the leak?",
])
def test_reasons_offered_as_a_choice_or_no_reason_are_not_offered_causes(question):
    assert cues19.offered_cause([question]) == ""


@pytest.mark.parametrize("question", [
    "Do you water the seedlings daily before work?",
    "Are you checking the hive weekly in the summer?",
    "Do you back up the laptop monthly?",
])
def test_an_adverb_of_period_asks_for_a_habit(question):
    assert "generalizing" in flags(question)


@pytest.mark.parametrize("question", [
    "Are you on the monthly or the annual membership?",
    "Do you prefer the weekly veg box?",
    "Did you pay the monthly fee last spring?",
    "What did the daily report show on the day of the flood?",
])
def test_the_adjective_before_a_noun_or_a_past_question_is_not_a_periodic_habit(question):
    assert cues19.periodic_habit([question]) == ""
