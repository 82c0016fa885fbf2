"""Trends average participants' own words: a third speaker's turn carrying a code neither
counts as a mention by a participant nor moves the sprint's mean compound (session 12,
newcomer F8: a partner's turn was a sprint's only scored segment)."""
from __future__ import annotations

import pytest

from kit.discovery.repository import example_repository
from kit.discovery.trends import trends


@pytest.fixture(scope="module")
def repos(tmp_path_factory):
    plain = example_repository(tmp_path_factory.mktemp("plain") / "repo")
    third = example_repository(tmp_path_factory.mktemp("third") / "repo")
    path = third / "2026-S45" / "transcripts" / "INT-101.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    # her accountant, in the room, speaks once: a third speaker (kit.speaker_roles)
    lines.append("Accountant: The automatic reminders are wonderful, I love them, best thing ever.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    codings = third / "2026-S45" / "codings" / "maya.csv"  # and a coder coded it
    codings.write_text(codings.read_text(encoding="utf-8") + "INT-101#t11,reminders-automation,maya,\n", encoding="utf-8")
    return plain, third


def test_third_speaker_leaves_trends_unchanged(repos):
    plain, third = repos
    a = trends(plain, codes=["reminders-automation"])
    b = trends(third, codes=["reminders-automation"])
    cols = ["sprint", "participants", "mentioning", "scored_segments", "mean_compound"]
    assert a[cols[:4]].values.tolist() == b[cols[:4]].values.tolist()
    assert b["mean_compound"].tolist() == pytest.approx(a["mean_compound"].tolist())
    assert b["mentions"].tolist()[1] == a["mentions"].tolist()[1] + 1  # the coded segment is there, nobody's
