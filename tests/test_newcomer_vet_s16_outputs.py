"""Newcomer session 15 (a vet practice study), what reaches the outputs (session 16):
F6 (a "you said, we did" draft credits only a decision the report counts), F12 (an action owner
that is a team member's first name or alias counts under that member; any other owner is
warned), F8 in the search index (a third speaker's label is a name there too), F7 (a withdrawn
participant's words are in no working table and not indexed). Inputs: tests/data/newcomer-vet
(``study`` with the ``s16`` files copied over it)."""
from __future__ import annotations

import csv
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from kit.check_team import owner_member, owner_problems
from kit.discovery.loop import write_drafts, you_said_we_did
from kit.roi import actions_by_owner, value_basis
from kit.study import load_study
from kit.withdrawn_words import withdrawn_interviews, without_withdrawn

DATA = Path(__file__).parent / "data" / "newcomer-vet"


def _vet(target: Path) -> Path:
    shutil.copytree(DATA / "study", target)
    shutil.copytree(DATA / "s16", target, dirs_exist_ok=True)
    return target


@pytest.fixture()
def vet_dir(tmp_path):
    return _vet(tmp_path / "repo" / "vet")


@pytest.fixture(scope="module")
def vet(tmp_path_factory):
    return load_study(_vet(tmp_path_factory.mktemp("s16") / "vet"), strict=False)


# -- F6: one rule for the ROI and the drafts ------------------------------------------------------
def test_a_decision_the_report_leaves_out_is_credited_by_no_draft(vet):
    basis = value_basis(vet).set_index("decision_id")
    assert not basis.loc["D-002", "counted"] and basis.loc["D-001", "counted"]  # D-002 cites INT-010, held later
    drafts = you_said_we_did(vet).set_index("participant")
    assert "P-010" not in drafts.index  # INT-010 (18 Nov) cannot have shaped D-002 (15 Nov)
    assert drafts.loc["P-001", "decisions"] == "D-001"  # P-001's other decision still drafted
    assert "clinical record" not in drafts.loc["P-001", "text"]
    notes = {(n["id"], n["participant"]) for n in you_said_we_did(vet).attrs["notes"]}
    assert notes == {("D-002", "P-001"), ("D-002", "P-010")}


def test_drafts_csv_says_why_no_draft_was_written(vet, tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = write_drafts(vet, tmp_path / "out-private" / "drafts")
    rows = table[(table["kind"] == "no draft") & (table["id"] == "D-002")]
    assert set(rows["participant"]) == {"P-001", "P-010"}
    assert rows["status"].str.contains("held after the decision was taken").all()
    assert rows["status"].str.contains("leaves it out of the value and the ROI").all()
    said = [str(w.message) for w in caught if "D-002" in str(w.message)]
    assert len(said) == 1 and "decisions.csv:3: note:" in said[0]  # D-002 is line 3; one note for both drafts
    assert not (tmp_path / "out-private" / "drafts" / "you-said-we-did" / "P-010.md").exists()
    with open(tmp_path / "out-private" / "drafts" / "drafts.csv", encoding="utf-8") as f:
        assert any(r["kind"] == "no draft" and r["id"] == "D-002" for r in csv.DictReader(f))


# -- F12: one team member, one owner -------------------------------------------------------------
def test_an_owner_written_as_a_first_name_or_alias_counts_under_the_member(vet):
    owners = actions_by_owner(vet, as_of="2026-12-01").set_index("owner")
    assert "Tomasz" not in owners.index and "Tom W" not in owners.index
    assert owners.loc["Tomasz Wilk", "total"] == 3  # Tomasz Wilk (INT-001), Tomasz and Tom W (INT-010)
    assert owners.loc["Tomas Wilk", "total"] == 1  # a typo is not guessed: counted as written, and warned


def test_an_owner_not_on_the_team_is_a_located_warning(vet):
    found = owner_problems(vet)
    assert [(Path(p.path).name, p.line) for p in found] == [("INT-010.md", 22)]
    assert "did you mean Tomasz Wilk?" in found[0].message and not found[0].is_error


@pytest.mark.parametrize("owner, member", [
    ("Tomasz", ""), ("tomasz  wilk", "Tomasz Wilk"), ("Tom W", "Tomasz Wilk"),
    ("Wilk, Tomasz", "Tomasz Wilk"), ("Tomasz W.", "Tomasz Wilk"), ("Tomasz N.", "Tomasz Nowak"),
    ("Priya", "Priya Raman"), ("Tomas Wilk", ""), ("Design team", ""), ("", "")])
def test_owner_member_reads_owners_by_the_team_label_rule(owner, member):
    config = {"team": [{"name": "Tomasz Wilk"}, {"name": "Priya Raman"}, {"name": "Tomasz Nowak"}],
              "aliases": {"Tom W": "Tomasz Wilk"}}
    assert owner_member(owner, config) == member  # "Tomasz": two members are called Tomasz, so neither
    if owner == "Tomasz":
        assert owner_member(owner, {"team": config["team"][:2]}) == "Tomasz Wilk"  # one Tomasz: him


def test_an_owner_holding_a_participants_name_is_not_printed(vet_dir):
    note = vet_dir / "interviews" / "INT-001.md"
    note.write_text(note.read_text().replace("| Tomasz Wilk | Check", "| Helen Marsh | Check"))
    found = owner_problems(load_study(vet_dir, strict=False))
    mine = [p for p in found if p.path.endswith("INT-001.md")]
    assert mine and "Helen" not in mine[0].message and "Marsh" not in mine[0].message


# -- F8 in the index: a third speaker's label is a name there too ----------------------------------
def test_a_third_speakers_label_is_not_found_by_search(vet_dir):
    from kit.discovery.index import update_index
    from kit.discovery.search import search

    repo = vet_dir.parent
    update_index(repo)
    for name in ("Kerem", "Kelly"):
        assert search(repo, name, update=False).empty, name  # "[name]'s son Kerem", "Thanks Kelly."
        named = search(repo, name, update=False, include_names=True)
        assert len(named) and named["text"].str.contains(name).any()
    assert not search(repo, "translated", update=False)["text"].str.contains("Kerem").any()


# -- F7: a withdrawn participant's words are used nowhere ------------------------------------------
def test_a_withdrawn_participants_words_are_in_no_analyze_table(vet_dir, tmp_path, capsys):
    from kit.analyze import analyze

    study = load_study(vet_dir, strict=False)
    assert withdrawn_interviews(study) == {"INT-007"}
    paths = analyze(study, tmp_path / "an")
    assert "withdrawn: 1" in capsys.readouterr().err
    turns = pd.read_csv(paths["turns"], dtype=str)
    assert "INT-007" not in set(turns["interview_id"]) and len(turns)
    assert not turns["text"].str.contains("direct debit|chasing me").any()
    for name in ("autocodes", "languages", "coding_languages", "themes"):
        assert "INT-007" not in Path(paths[name]).read_text(encoding="utf-8")


def test_a_withdrawn_participants_words_are_not_indexed(vet_dir, capsys):
    from kit.cli import main
    from kit.discovery.search import search

    repo = vet_dir.parent
    assert main(["index", str(repo)]) == 0
    assert "withdrawn: 1 (their words are not indexed)" in capsys.readouterr().out
    for query in ("direct debit", "chasing", "desk payments"):  # a turn, a key quote, an insight of INT-007
        assert search(repo, query, update=False, include_names=True).empty, query
    import sqlite3

    from kit.discovery.index import index_path

    con = sqlite3.connect(index_path(repo))  # the others' words are indexed (searched where they consent)
    try:
        others = {r[0] for r in con.execute("SELECT DISTINCT interview_id FROM docs WHERE kind = 'turn'")}
    finally:
        con.close()
    assert others and "INT-007" not in others


def test_only_the_withdrawn_members_rows_leave_a_group_interview(vet):
    turns = pd.DataFrame({"interview_id": ["INT-050"] * 3 + ["INT-007"],
                          "participant": ["P-001", "P-007", "", ""], "text": ["a", "b", "c", "d"]})
    kept = without_withdrawn(vet, turns)
    assert kept["text"].tolist() == ["a", "c"]  # P-007's turn gone, the interviewer's kept; INT-007 whole gone


def test_a_study_nobody_withdrew_from_keeps_every_row(tmp_path):
    study = load_study(shutil.copytree(DATA / "study", tmp_path / "vet"), strict=False)
    assert without_withdrawn(study, study.turns) is study.turns
    assert withdrawn_interviews(study) == set()
