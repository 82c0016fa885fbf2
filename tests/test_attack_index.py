"""Faults an attacker found in ``index`` and ``search``: links out of a study followed by the
index's walk, temp files left by a stopped index, a folder at the index's path, and search
output that hides the study or takes a leading-dash query for an option."""
from __future__ import annotations

import os

import pytest

from kit.cli.discovery import index_command
from kit.discovery import index as kit_index
from kit.discovery.repository import example_repository


@pytest.fixture
def repo(tmp_path):
    return example_repository(tmp_path / "repo")


def test_index_walk_does_not_follow_a_link_out_of_the_study(repo):
    study = repo / "2026-S41"
    (study / "interviews" / "up").symlink_to("../..")  # back to the repository's parent
    (study / "transcripts" / "loop").symlink_to(".")   # a folder of the study again
    walk = []
    stats = kit_index._file_stats(study, walk)
    assert not any(rel.startswith(("interviews/up/", "transcripts/loop/")) for rel in stats)
    assert any(r.startswith("interviews/") and r.endswith(".md") for r in stats)
    assert [(p.path, p.line, p.is_error) for p in walk] == [(str(study / "interviews" / "up"), 0, True)]
    assert "outside the study" in walk[0].message

    text, code = index_command(repo)
    assert code == 1
    assert f"{study / 'interviews' / 'up'}: up lies outside" in text and "outside the study" in text
    # the problem is kept with the study: an unchanged second run still reports it
    text2, code2 = index_command(repo)
    assert code2 == 1 and "outside the study" in text2 and "unchanged 2026-S41" in text2


def test_index_walk_reports_a_link_loop(repo):
    study = repo / "2026-S45"
    (study / "transcripts" / "a").symlink_to("b")
    (study / "transcripts" / "b").symlink_to("a")
    walk = []
    kit_index._file_stats(study, walk)
    assert sorted(os.path.basename(p.path) for p in walk) == ["a", "b"]
    assert all("loop" in p.message for p in walk)
