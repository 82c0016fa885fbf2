"""Sentiment compared by segment leaves a third speaker's turns out whichever the unit
(session 12: by turn, an interpreter's turns were compared as the participant's segment's)."""
from __future__ import annotations

import pandas as pd

from kit.segments import sentiment_comparison


def _scored(with_third: bool) -> pd.DataFrame:
    rows = [("INT-1#t2", "INT-1", "P-1", "a", 0.5), ("INT-1#t4", "INT-1", "P-1", "a", 0.4),
            ("INT-2#t2", "INT-2", "P-2", "a", 0.3), ("INT-3#t2", "INT-3", "P-3", "b", -0.2),
            ("INT-4#t2", "INT-4", "P-4", "b", -0.1), ("INT-4#t4", "INT-4", "P-4", "b", 0.0)]
    if with_third:  # the interpreter in INT-3, a participant's interview: nobody's words
        rows += [("INT-3#t3", "INT-3", "", "b", 0.9), ("INT-3#t5", "INT-3", "", "b", 0.8)]
    return pd.DataFrame(rows, columns=["segment_id", "interview_id", "participant", "segment", "compound"])


def test_turn_unit_leaves_third_speakers_out():
    plain = sentiment_comparison(_scored(False), "segment", unit="turn")
    third = sentiment_comparison(_scored(True), "segment", unit="turn")
    pd.testing.assert_frame_equal(plain, third)
    b = third[third["segment"] == "b"].iloc[0]
    assert b["n"] == 3 and b["people"] == 2 and b["mean_compound"] < 0


def test_participant_unit_unchanged_by_third_speakers():
    pd.testing.assert_frame_equal(sentiment_comparison(_scored(False), "segment"),
                                  sentiment_comparison(_scored(True), "segment"))
