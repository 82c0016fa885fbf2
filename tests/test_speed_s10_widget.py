"""The coding widget's context of each segment (the turn before it) is looked up in a table
made once (session 10); it must be what filtering the turns for each segment gives."""
from __future__ import annotations

import pytest

from kit.paths import pilot_path
from kit.study import load_study
from kit.widgets.coding import _SEGMENT_NUMBER, _ordered_segments


def reference(study, row) -> str:
    if row.kind != "turn":
        label = {"quote": "Key quote", "insight": "Insight", "opportunity": "Opportunity"}[row.kind]
        return f"{label} from the note of {row.interview_id}"
    turns = study.turns
    n = int(_SEGMENT_NUMBER.search(row.segment_id).group(1))
    before = turns[(turns["interview_id"] == row.interview_id) & (turns["turn"] == n - 1)]
    if not len(before):
        return "(start of the interview)"
    prev = before.iloc[0]
    who = prev["speaker"] if prev["role"] == "interviewer" else (prev["participant"] or "participant")
    return f"{who}: {prev['text']}"


@pytest.fixture(scope="module")
def pilot():
    return load_study(pilot_path())


def test_each_segments_context_is_the_turn_before_it(pilot):
    table = _ordered_segments(pilot, ("turn", "quote", "insight", "opportunity"))
    assert len(table) > 200
    expected = [reference(pilot, row) for row in table.itertuples(index=False)]
    assert table["context"].tolist() == expected
    assert sum(c.startswith("Key quote") for c in expected) >= 1
    assert sum(": " in c and not c.startswith(("Key quote", "Insight", "Opportunity")) for c in expected) >= 80
