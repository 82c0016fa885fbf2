"""Newcomer (housing association, session 10) fault P2: P-0007 said yes in sprint 1's sheet and
no in sprints 2-4; neither check nor index warned, and sprint 1 still published their words. The
kind: when one participant (the same id, or the same email) has different consent in the studies
of one repository, ``index`` (and ``check`` of a study inside it) warns with both locations, and
the most restrictive consent wins where the repository is read (index, search)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kit.consent_repository import consent_conflicts, study_consent_conflicts
from kit.discovery.index import update_index

REPO = Path(__file__).parent / "data" / "newcomer-housing" / "privacy" / "repo"  # three sprints of the newcomer's programme


@pytest.fixture
def repo(tmp_path):
    return Path(shutil.copytree(REPO, tmp_path / "repo"))


def _consent(repo: Path) -> dict:
    con = sqlite3.connect(repo / ".interview-kit" / "index.sqlite")
    try:
        return {(s, p): c for s, p, c in con.execute("SELECT DISTINCT study, participant, consent_quote FROM docs")}
    finally:
        con.close()


def _set(sheet: Path, pid: str, column: str, value: str) -> None:
    import csv

    rows = list(csv.reader(sheet.open(encoding="utf-8", newline="")))
    at = rows[0].index(column)
    for row in rows[1:]:
        if row[0] == pid:
            row[at] = value
    with sheet.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def test_index_warns_at_both_rows_and_withholds_the_words_in_every_study(repo):
    report = update_index(repo)
    where = {(Path(p.path).parent.name, p.line) for p in report.consent}
    assert where == {("2026-S1", 8), ("2026-S2", 8), ("2026-S3", 8)}
    first = next(p for p in report.consent if Path(p.path).parent.name == "2026-S1")
    assert first.level == "warning" and "P-0007" in first.message and "yes here" in first.message
    assert "2026-S2/participants.csv:8" in first.message and "2026-S3/participants.csv:8" in first.message
    consent = _consent(repo)
    assert consent[("2026-S1", "P-0007")] == 0  # sprint 1's own sheet says yes: the most restrictive wins
    assert consent[("2026-S3", "P-0007")] == 0 and consent[("2026-S2", "P-0008")] == 1


def test_search_reads_the_most_restrictive_consent(repo):
    from kit.discovery.search import search

    hits = search(repo, "radiator")  # words P-0007 said in sprint 1
    mine = hits[hits["participant"] == "P-0007"]
    assert len(mine) and not mine["consent_quote"].any()


def test_the_index_cli_prints_the_warnings(repo, capsys):
    from kit.cli import main

    code = main(["index", str(repo)])
    out = capsys.readouterr()
    text = out.out + out.err
    assert code == 0
    assert f"{repo / '2026-S1' / 'participants.csv'}:8: warning: P-0007's consent" in text


def test_consent_given_again_is_restored(repo):
    update_index(repo)
    for sprint in ("2026-S2", "2026-S3"):
        _set(repo / sprint / "participants.csv", "P-0007", "consent_quote", "Y")
    report = update_index(repo)
    assert not report.consent
    assert _consent(repo)[("2026-S1", "P-0007")] == 1


def test_the_same_email_under_another_id_is_the_same_person(repo):
    _set(repo / "2026-S2" / "participants.csv", "P-0007", "id", "P-9007")
    _set(repo / "2026-S3" / "participants.csv", "P-0007", "consent_quote", "TRUE")
    problems, withdrawn = consent_conflicts(sorted(p for p in repo.iterdir() if p.is_dir()))
    assert {(Path(p.path).parent.name, p.line) for p in problems} == {("2026-S1", 8), ("2026-S2", 8), ("2026-S3", 8)}
    assert all("the same email" in p.message for p in problems if "2026-S2" in p.path)
    assert "tenant7@example.org" not in " ".join(p.message for p in problems)  # the email is never printed
    assert {(f.name, pid) for f, pid in withdrawn} == {("2026-S1", "P-0007"), ("2026-S3", "P-0007")}


def test_check_of_a_study_inside_the_repository_warns(repo):
    from kit.study import load_study

    found = study_consent_conflicts(load_study(repo / "2026-S1", strict=False))
    assert [(Path(p.path).parent.name, p.line) for p in found] == [("2026-S1", 8)]
    assert str(repo / "2026-S2" / "participants.csv") + ":8" in found[0].message


def test_a_study_alone_has_nothing_to_compare(tmp_path):
    from kit.study import load_study

    alone = shutil.copytree(REPO / "2026-S1", tmp_path / "alone" / "2026-S1")
    assert study_consent_conflicts(load_study(alone, strict=False)) == []


def test_agreeing_sheets_give_no_warning(repo):
    for sprint in ("2026-S2", "2026-S3"):
        _set(repo / sprint / "participants.csv", "P-0007", "consent_quote", "yes")
    assert consent_conflicts(sorted(p for p in repo.iterdir() if p.is_dir())) == ([], set())
