"""Attacker session 16 A6: a key finding needs a minimum backing, and a tie is said as a tie."""
from __future__ import annotations

import pandas as pd

from kit.report.key_findings import MIN_BACKING, backed, no_finding, tied_with, top_with_ties


def _themes(counts: dict) -> pd.DataFrame:
    return pd.DataFrame({"code": list(counts), "participants": list(counts.values())})


def test_six_single_voices_make_no_finding():
    themes = _themes({c: 1 for c in ["couriers", "distraction", "printers", "staffing", "tax", "sched"]})
    lead, tied = top_with_ties(themes)
    assert lead.empty and tied.empty and backed(themes).empty
    said = no_finding(themes, 6)
    assert said.startswith("No theme stands out") and f"{MIN_BACKING} or more of the 6" in said


def test_a_tie_at_the_cut_is_said_not_broken():
    themes = _themes({"a": 5, "b": 3, "c": 2, "d": 2, "e": 2, "f": 1})
    lead, tied = top_with_ties(themes)
    assert list(lead["code"]) == ["a", "b"] and list(tied["code"]) == ["c", "d", "e"]
    assert no_finding(themes, 6) == ""
    assert tied_with(backed(themes), themes.iloc[2]) == 2


def test_no_tie_keeps_the_top_three():
    lead, tied = top_with_ties(_themes({"a": 5, "b": 4, "c": 3, "d": 2}))
    assert list(lead["code"]) == ["a", "b", "c"] and tied.empty

