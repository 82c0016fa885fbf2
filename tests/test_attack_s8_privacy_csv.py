"""Attack s8, fault 23: Excel's ``sep=,`` first line (its delimiter declaration) in
participants.csv made every row an error ("header has 2 fields"). Any CSV the kit reads
(:func:`kit.csvio.read_rows`) now reads the line as the delimiter declaration, with one located
warning, then the header on line 2; line numbers stay the file's. The attacker's file is
tests/data/attack-s8/participants-odd/participants.sep-line.csv.txt."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.csvio import read_rows

DATA = Path(__file__).parent / "data" / "attack-s8"
SEP_FILE = DATA / "participants-odd" / "participants.sep-line.csv.txt"


def test_the_attackers_file_reads_as_its_version_without_the_line(tmp_path):
    plain = tmp_path / "plain.csv"
    plain.write_text(SEP_FILE.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    rows, columns, problems = read_rows(SEP_FILE)
    rows0, columns0, problems0 = read_rows(plain)
    assert columns == columns0 and "consent_quote" in columns
    assert [{k: v for k, v in r.items() if k != "_line"} for r in rows] == \
           [{k: v for k, v in r.items() if k != "_line"} for r in rows0]
    assert [r["_line"] for r in rows] == [r["_line"] + 1 for r in rows0]  # the file's own line numbers
    assert [(p.line, p.message) for p in problems[1:]] == [(p.line + 1, p.message) for p in problems0]
    first = problems[0]
    assert (first.line, first.level) == (1, "warning") and "sep=," in first.message


@pytest.mark.parametrize("first, delimiter", [("sep=;", ";"), ('"sep=;"', ";"), ("SEP=,", ","), ("sep=\t", "\t"),
                                              ("sep=|", "|")])
def test_declared_delimiters(tmp_path, first, delimiter):
    path = tmp_path / "costs.csv"
    body = delimiter.join(["date", "category", "amount"]) + "\n" + delimiter.join(["2026-01-05", "incentive", "25"])
    path.write_text(f"{first}\r\n{body}\r\n", encoding="utf-8")
    rows, columns, problems = read_rows(path, required=("category",))
    assert columns == ["date", "category", "amount"]
    assert rows == [{"date": "2026-01-05", "category": "incentive", "amount": "25", "_line": 3}]
    assert [(p.line, p.level) for p in problems] == [(1, "warning")]


def test_a_file_without_the_line_is_read_as_before(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("id,sep\nP-1,x\n", encoding="utf-8")
    rows, columns, problems = read_rows(path)
    assert columns == ["id", "sep"] and rows[0]["_line"] == 2 and problems == []


def test_check_reads_a_participants_file_with_the_line(tmp_path):
    from kit.check import check_study

    study = tmp_path / "s"
    shutil.copytree(DATA / "repo-priv" / "s1", study)
    shutil.copy(SEP_FILE, study / "participants.csv")
    problems = [p for p in check_study(study) if p.path.endswith("participants.csv")]
    assert not any("the header has 2" in p.message for p in problems)  # the line read as the header
    assert any(p.line == 1 and "sep=," in p.message for p in problems)
    assert any(p.line == 8 and "written differently" in p.message for p in problems)  # p-001, the file's line 8
