"""Attacker s16: one person, one answer to being quoted.

A8: one participants.csv listed the same person (the same email) twice, consent_quote no and yes,
and `run` published their words. A13: the same id with the name written surname-first was taken
for another person, so a withdrawal was ignored (fail open). A17: a row linked only by its email
was said to share "the same participant id"."""
from __future__ import annotations

import runpy
import shutil
import sys
from pathlib import Path

import pytest

from kit.consent_record import one_answer_per_person, person_email
from kit.consent_repository import _names_agree, consent_conflicts, consent_rows
from kit.study import load_study

DATA = Path(__file__).resolve().parent / "data" / "attack-s16"


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("a16") / "repo"
    argv = sys.argv
    sys.argv = ["gen_repo.py", str(root)]
    try:
        runpy.run_path(str(DATA / "gen_repo.py.txt"), run_name="__main__")
    finally:
        sys.argv = argv
    return root


def test_one_sheet_two_ids_one_email_the_no_wins_for_both(repo):
    study = load_study(repo / "S2", strict=False)
    consent = dict(zip(study.participants["id"], study.participants["consent_quote"]))
    assert consent == {"P-001": False, "P-010": False, "P-011": True}
    quotes = study.quotes
    assert set(quotes.loc[quotes["participant"] == "P-010", "consent_quote"]) == {False}
    warned = [p for p in study.problems if p.line == 3 and "same person as P-001 (line 2)" in p.message]
    assert len(warned) == 1 and "the same email" in warned[0].message and warned[0].level == "warning"
    assert "Quigley" not in warned[0].message and "@" not in warned[0].message
    # the repository's warning no longer says the study's own report still quotes them
    rows = consent_conflicts([repo / "S1", repo / "S2"])[0]
    at3 = [p.message for p in rows if p.path.endswith("S2/participants.csv") and p.line == 3]
    assert at3 and "own report withholds them too" in at3[0] and "still quotes them" not in at3[0]


def test_each_linked_row_is_named_with_its_own_reason(repo):
    warnings, _ = consent_conflicts([repo / "S1", repo / "S2"])
    first = next(p.message for p in warnings if p.path.endswith("S2/participants.csv") and p.line == 2)
    assert "S1/participants.csv:2 (the same participant id and email)" in first
    assert "S2/participants.csv:3 (the same email)" in first
    assert "(the same participant id)" not in first.replace("(the same participant id and email)", "")


def test_a_withdrawal_under_one_id_withdraws_the_persons_other_row():
    rows = [{"_line": 2, "id": "P-1", "email": "a@x.org", "status": "withdrawn", "consent_quote": False},
            {"_line": 3, "id": "P-2", "email": "mailto:A@X.ORG.", "status": "completed", "consent_quote": True},
            {"_line": 4, "id": "P-3", "email": "b@x.org", "status": "completed", "consent_quote": True}]
    problems: list = []
    one_answer_per_person("p.csv", rows, problems)
    assert [(r["status"], r["consent_quote"]) for r in rows] == [("withdrawn", False), ("withdrawn", False),
                                                               ("completed", True)]
    assert [p.line for p in problems] == [3] and "counted as withdrawn" in problems[0].message


def test_a_name_with_its_words_reordered_is_one_person_in_a_sheet_and_a_first_name_alone_is_not():
    rows = [{"_line": 2, "id": "P-1", "name": "Siobhán Quigley", "status": "completed", "consent_quote": False},
            {"_line": 3, "id": "P-2", "name": "QUIGLEY, Siobhan", "status": "completed", "consent_quote": True},
            {"_line": 4, "id": "P-3", "name": "Ana", "status": "completed", "consent_quote": False},
            {"_line": 5, "id": "P-4", "name": "ana", "status": "completed", "consent_quote": True}]
    problems: list = []
    one_answer_per_person("p.csv", rows, problems)
    assert [r["consent_quote"] for r in rows] == [False, False, False, True]
    assert [p.line for p in problems] == [3] and "the same name" in problems[0].message


@pytest.mark.parametrize(("value", "expected"), [("mailto:A@X.org", "a@x.org"), (" <a@x.org>. ", "a@x.org"),
                                                 ("A@X.ORG.", "a@x.org"), ("not an email", ""), ("", "")])
def test_an_email_is_compared_without_mailto_case_or_a_trailing_dot(value, expected):
    assert person_email(value) == expected


@pytest.mark.parametrize(("a", "b", "agree"), [("quigley siobhan", "quigley siobhan", True),
                                               ("quigley s", "quigley siobhan", None),
                                               ("quigley", "quigley siobhan", None),
                                               ("okafor dana", "quigley siobhan", False),
                                               ("quigley t", "quigley siobhan", False)])
def test_names_agree_unsure_or_differ(a, b, agree):
    assert _names_agree(a, b) is agree


def test_a_surname_first_name_under_the_same_id_is_the_same_person_across_studies(repo, tmp_path):
    root = tmp_path / "repoV"
    shutil.copytree(repo / "S1", root / "S1")
    shutil.copytree(repo / "S2", root / "S3")
    shutil.copy(DATA / "repoV_S3_participants.csv", root / "S3" / "participants.csv")
    rows = consent_rows(root / "S3")
    assert any(r.participant == "P-001" and r.name == "quigley siobhan" for r in rows)
    warnings, withdrawn = consent_conflicts([root / "S1", root / "S3"])
    assert (root / "S1", "P-001") in withdrawn  # S1's yes is withheld where the repository is read
    assert any(p.path.endswith("S3/participants.csv") and p.line == 3 and "differs" in p.message for p in warnings)


def test_a_withdrawal_follows_the_person_when_the_consenting_study_is_renamed(repo, tmp_path):
    """A1: S2 (where P-001 said no) archived, then S1 (where they said yes) renamed: the
    withdrawal was keyed by the old folder name and forgotten; search printed their words."""
    from kit.cli.discovery import index_command, search_command
    from kit.consent_repository import WITHDRAWN_FILE

    root = tmp_path / "repo"
    shutil.copytree(repo, root)
    index_command(root)
    (root / "S2").rename(root / "_S2")
    index_command(root)
    (root / "S1").rename(root / "S1-renamed")
    text, code = index_command(root)
    assert "S1-renamed/participants.csv:2: warning: P-001 withdrew their consent" in text, text
    record = (root / ".interview-kit" / WITHDRAWN_FILE).read_text(encoding="utf-8")
    assert "S1-renamed,P-001,S2," in record
    assert "quigley" not in record.lower() and "@" not in record  # keyed hashes, not the email or name
    out, _ = search_command(root, "xylophone")
    assert "xylophone invoice" not in out.lower() and "INT-001" not in out  # withheld: no hit (A2)
    # an old record (no person column) learns who it is while its study is still there
    (root / "S1-renamed").rename(root / "S1")
    (root / ".interview-kit" / WITHDRAWN_FILE).write_text("study,participant,withdrawn_in\nS1,P-001,S2\n",
                                                          encoding="utf-8")
    index_command(root)
    assert ",e:" in (root / ".interview-kit" / WITHDRAWN_FILE).read_text(encoding="utf-8")


def test_trends_count_one_person_under_two_ids_with_one_email_once(repo, tmp_path):
    """A7: S2 lists one person as P-001 and P-010 (one email in two cases): 1 of 2, not 2 of 3."""
    from kit.discovery.trends import trends

    root = tmp_path / "repo"
    shutil.copytree(repo, root)
    table = trends(root)
    s2 = table[(table["study"] == "S2") & (table["code"] == "pain-point")].iloc[0]
    assert (s2["participants"], s2["mentioning"]) == (2, 1)
    s1 = table[(table["study"] == "S1") & (table["code"] == "pain-point")].iloc[0]
    assert s1["participants"] == 3  # three people, three emails


def test_a_qdpx_export_leaves_out_a_withdrawn_participants_words_and_names_the_unquotable(repo, tmp_path):
    """A15: `export --qdpx` shipped a withdrawn participant's words and said nothing of the
    participants who did not consent to being quoted."""
    import zipfile

    from kit.qdpx import export_qdpx, export_summary

    folder = tmp_path / "S1"
    shutil.copytree(repo / "S1", folder)
    sheet = folder / "participants.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(",agency,completed,2026-01-02,2026-01-06,",
                                                               ",agency,withdrawn,2026-01-02,2026-01-06,"),
                     encoding="utf-8")
    study = load_study(folder, strict=False)
    path = export_qdpx(study, tmp_path / "s1.qdpx")
    with zipfile.ZipFile(path) as archive:
        texts = {n: archive.read(n).decode("utf-8") for n in archive.namelist()}
    sources = " ".join(t for n, t in texts.items() if n.startswith("sources/"))
    assert "quokka" not in sources.lower() and "INT-002" not in texts["project.qde"]  # P-002 withdrew
    assert "platypus" in sources  # P-003 did not consent to quoting: a working file keeps them, said so
    assert 'name="P-002"' not in texts["project.qde"] and 'name="P-003"' in texts["project.qde"]
    summary = export_summary(study)
    assert summary.startswith("2 sources") and "withdrawn: 1" in summary and "(P-003)" in summary
