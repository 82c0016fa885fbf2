"""`interview-kit index` and `interview-kit check` count a study's problems alike: index
counts the problems of reading the files (what it stores) and, for every study, says which
checks of `check` it does not run; a study without problems in its files gets the line too
(before, it got none, while check still warned about it)."""
from __future__ import annotations

import re
import shutil

import pytest

from kit.check import CROSS_CHECKS, check_study, cross_checks
from kit.cli.discovery import index_command
from kit.discovery.repository import example_repository
from kit.paths import pilot_path
from kit.study import load_study
from conftest import write


def _summary(text: str, label: str) -> tuple[int, int, str]:
    lines = [x for x in text.splitlines() if x.startswith(f"{label}: ")]
    assert len(lines) == 1, (label, text)
    found = re.match(rf"{re.escape(label)}: (\d+) error\(s\), (\d+) warning\(s\) in reading its files; ", lines[0])
    assert found, lines[0]
    return int(found.group(1)), int(found.group(2)), lines[0]


def _broken_copy(folder):
    """The pilot with broken lines: a participants.csv formula cell and an unknown status; a note with an impossible date and a line that is no key; codings
    of an unknown segment and a short row."""
    rows = (folder / "participants.csv").read_text(encoding="utf-8").splitlines()
    # (a row with too many cells is no longer among them: since session 13 a roster that cannot be
    # read whole stops `index`, which keeps the last good index: tests/test_attack_s13_fxidx.py)
    rows.append('P-100,=HYPERLINK("x"),a@b.c,trades,south,1,email,maybe,2026-13-01,,,yes,yes')
    write(folder / "participants.csv", "\n".join(rows) + "\n")
    note = folder / "interviews" / "INT-002.md"
    lines = note.read_text(encoding="utf-8").splitlines()
    lines[2:2] = ["date: 2026-02-30", "bad line without colon"]
    write(note, "\n".join(lines) + "\n")
    coding = sorted((folder / "codings").glob("*.csv"))[0]
    write(coding, coding.read_text(encoding="utf-8") + "INT-999#q1,nonexistent,me\nbroken\n")


@pytest.fixture
def problem_repo(tmp_path):
    """The example repository (a sprint whose files read cleanly but where check warns about a
    codebook keyword), the bundled pilot and a broken copy of it."""
    repo = example_repository(tmp_path / "repo")
    shutil.copytree(pilot_path(), repo / "pilot")
    shutil.copytree(pilot_path(), repo / "broken")
    _broken_copy(repo / "broken")
    return repo


@pytest.mark.slow
def test_index_counts_what_check_counts_less_the_cross_checks_for_every_study(problem_repo):
    text, code = index_command(problem_repo)
    assert code == 1  # the broken copy has errors
    labels = sorted(p.name for p in problem_repo.iterdir() if p.is_dir() and not p.name.startswith("."))
    clean_but_warned = 0
    for label in labels:
        folder = problem_repo / label
        checked = check_study(folder)
        extra = cross_checks(load_study(folder, strict=False))
        errors, warnings, line = _summary(text, label)
        read = [p for p in checked if p not in extra]
        assert len(read) == len(checked) - len(extra)
        assert errors == sum(p.is_error for p in read), (label, line)
        assert warnings == sum(not p.is_error for p in read), (label, line)
        # check's count is index's plus the cross-checks, which the line names
        assert errors + warnings + len(extra) == len(checked)
        assert f"interview-kit check {folder} lists them and also checks {CROSS_CHECKS}" in line
        clean_but_warned += not read and bool(extra)
    # the cases the fault was about: a study with broken lines, one whose files read cleanly
    # while check still warns (it got no line before)
    assert _summary(text, "broken")[0] > 0
    assert clean_but_warned >= 1


@pytest.mark.slow
def test_an_unchanged_study_keeps_its_counted_line(problem_repo):
    first, _ = index_command(problem_repo)
    again, _ = index_command(problem_repo)  # nothing changed: every study read from the index
    assert "unchanged broken" in again
    for label in ("2026-S49", "pilot", "broken"):
        assert _summary(again, label)[:2] == _summary(first, label)[:2]
