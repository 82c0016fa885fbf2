"""A wrap-up ("Is there anything else you'd like to tell me?") is a probe, not a targeted
question: it may follow the closer, and a guide that ends with one and has no future question
is told that the wrap-up does not replace the closer."""
from __future__ import annotations

import pytest

from kit.guide.structure import lint_guide

STORY = ["Tell me about the last time you booked a ferry crossing.",
         "What happened when the sailing was cancelled?",
         "Walk me through how you found another way across."]
CLOSER = "Looking ahead to your next crossing, what are you planning to do differently?"


@pytest.mark.parametrize("wrap", ["Anything else?", "Is there anything else you'd like to tell me?",
                                  "Finally, is there anything we didn't ask that we should have?",
                                  "Do you have any questions for us?"])
def test_a_wrap_up_after_the_closer_is_a_probe(wrap):
    result = lint_guide(STORY + [CLOSER, wrap])
    assert [q["role"] for q in result["questions"]] == ["opener", "targeted", "targeted", "future", "probe"]
    assert result["structure"] == []


def test_a_wrap_up_does_not_replace_the_closer():
    wrap = "Is there anything else you'd like to tell me?"
    result = lint_guide(STORY + [wrap])
    assert [q["role"] for q in result["questions"]] == ["opener", "targeted", "targeted", "probe"]
    messages = [s["message"] for s in result["structure"] if s["level"] == "error"]
    assert len(messages) == 1 and messages[0].startswith("missing closer")
    assert f"line 4, {wrap!r}, is a wrap-up" in messages[0]


def test_a_question_about_something_else_is_still_targeted():
    """Only the standard wrap-ups are probes: "Is there anything else that slowed you down?"
    asks about the story, so it stays a targeted question."""
    result = lint_guide(STORY + ["Is there anything else that slowed you down that day?", CLOSER])
    assert result["questions"][3]["role"] == "targeted"
