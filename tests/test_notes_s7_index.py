"""`interview-kit index` given a single study folder says what to run (round2-faults.md B5)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.cli.discovery import index_command, search_command

PILOT = Path(__file__).resolve().parents[1] / "kit" / "data" / "pilot"


def test_index_on_a_study_folder_names_the_command_to_run_and_writes_nothing(tmp_path):
    study = tmp_path / "repo" / "pilot"
    shutil.copytree(PILOT, study)
    before = sorted(p.name for p in study.iterdir())
    text, code = index_command(study)
    assert code == 2
    assert "this is a study, not a repository" in text
    assert f"`interview-kit index {study.parent.resolve()}`" in text and "(1 study there)" in text
    assert f"interview-kit check {study}" in text
    assert sorted(p.name for p in study.iterdir()) == before  # nothing written into the study


@pytest.mark.slow  # builds an index of the pilot
def test_what_it_says_to_run_works(tmp_path):
    study = tmp_path / "repo" / "pilot"
    shutil.copytree(PILOT, study)
    text, _ = index_command(study)
    assert f"interview-kit index {study.parent.resolve()}" in text
    text, code = index_command(study.parent.resolve())
    assert code in (0, 1) and "indexed   pilot" in text


def test_search_on_a_study_folder_and_a_folder_of_repositories(tmp_path):
    study = tmp_path / "outer" / "repo" / "pilot"
    shutil.copytree(PILOT, study)
    text, code = search_command(study, "invoice")
    assert code == 2 and "search " in text and "QUERY" in text
    text, code = index_command(tmp_path / "outer")
    assert code == 2 and "no studies here" in text and str(tmp_path / "outer" / "repo") in text


def test_a_tab_in_one_assumption_does_not_hide_the_others(tmp_path):
    """B3 by kind: a syntax error in assumptions.yml sets that entry aside; the others are read
    and their problems reported."""
    from kit.discovery import assumptions as A

    path = tmp_path / "assumptions.yml"
    path.write_text("assumptions:\n"
                    "  - id: A-1\n"
                    "\tassumption: tabbed\n"
                    "  - id: A-2\n"
                    "    assumption: Nobody reads invoices sent by email.\n", encoding="utf-8")
    items, problems = A.load_assumptions(path)
    assert "A-2" in [a.id for a in items]
    assert [p.line for p in problems if p.is_error and "tab" in p.message] == [3]
    assert any(p.line == 4 and "no `test`" in p.message for p in problems)  # A-2's own problems still said
