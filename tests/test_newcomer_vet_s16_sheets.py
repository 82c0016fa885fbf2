"""Newcomer session 15, fixed in session 16: participant sheets as people really export them.
F11 (`recruit` reads a practice-management export's `Client No`, `Client Name`, `Client Email`,
`Opted Out` by the same column roles as participants.csv), a `Client Email` column read as the
email and a lone `First Name` as the name, withdrawn people never recruited, a sheet's cell of
a million characters a located error, F10 (a `Pet Name` column: every value redacted, said at
participants.csv:1). Inputs: tests/data/newcomer-vet."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from kit.cli.recruit import recruit_command
from kit.privacy import redact, roster
from kit.recruit import read_pool
from kit.study import load_study

DATA = Path(__file__).parent / "data" / "newcomer-vet"
QUOTAS = "segments:\n  attribute: segment\n  quotas: {single-pet: 5, multi-pet: 5, breeder: 2}\n"
PRIVATE = ("Zeynep", "Arslan", "João", "Sarah", "Fox", "Helen", "Marsh", "Amy", "Chen", "@", "CL-0", "Elif", "Gareth")


@pytest.fixture()
def repo(tmp_path):
    """A repository folder holding the vet study (with quotas) and the newcomer's pool."""
    root = tmp_path / "repo"
    shutil.copytree(DATA / "study", root / "vet")
    with open(root / "vet" / "study.yml", "a", encoding="utf-8") as fh:
        fh.write(QUOTAS)
    shutil.copy(DATA / "pool.csv", tmp_path / "pool.csv")
    return root


def _sheet(path: Path, edit) -> None:
    """Rewrite a CSV file's rows through ``edit(rows)`` (a list of lists, the header first)."""
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def _at_line_1(problems, name="participants.csv") -> list[str]:
    return [p.message for p in problems if Path(p.path).name == name and p.line == 1]


# -- F11: the pool is read by the column roles of participants.csv ---------------------------------

def test_f11_a_practice_management_export_is_a_pool(repo):
    text, code = recruit_command(str(repo.parent / "pool.csv"), str(repo / "vet"), 3, today="2026-12-01")
    assert code == 0, text
    assert "column 'Client Email' is read as 'email'" in text
    assert "column 'Client Name' is read as 'name'" in text
    assert "column 'Client No' is read as the people's identifier" in text
    assert "skipped 2 of 5 in the pool: " in text and "opted out (1)" in text and "already listed (1)" in text
    assert text.count("P-0") == 3 and "pool line 4" not in text  # line 4 said Y under Opted Out
    assert not [w for w in PRIVATE if w in text], text  # ids, segments and counts only


def test_f11_the_same_header_gives_the_same_warning_in_both(repo):
    """`Client Name` and `Client Email` mean the same role in the study's sheet and in the pool, said alike."""
    _, problems = read_pool(repo.parent / "pool.csv", "segment")
    pool = set(_at_line_1(problems, "pool.csv"))
    sheet = set(_at_line_1(load_study(repo / "vet", strict=False).problems))
    shared = {m for m in pool & sheet if "'Client Name'" in m or "'Client Email'" in m}
    assert len(shared) == 2, (pool, sheet)


def test_f11_apply_writes_the_sheets_own_name_and_email_columns(repo):
    text, code = recruit_command(str(repo.parent / "pool.csv"), str(repo / "vet"), 3, dry_run=False,
                                 today="2026-12-01")
    assert code == 0, text
    rows = list(csv.DictReader((repo / "vet" / "participants.csv").open(encoding="utf-8")))
    assert "name" not in rows[0] and "email" not in rows[0]  # no new column beside Client Name, Client Email
    added = [r for r in rows if r["status"] == "invited"]
    assert {r["Client Email"] for r in added} == {"zeynep@example.com", "joao.p@example.com", "amy.chen@example.com"}
    assert all(r["Client Name"] for r in added)
    assert not any(r["id"].startswith("CL-") for r in added)  # the client number is no study id


def test_f11_the_client_number_matches_the_same_person_in_a_sheet(repo):
    """Helen Marsh with another email in the pool is still the study's P-001, by her client number."""
    _sheet(repo / "vet" / "participants.csv",
           lambda rows: [r.append("Client No" if k == 0 else f"CL-{4417 + k - 1:06d}") for k, r in enumerate(rows)])
    _sheet(repo.parent / "pool.csv", lambda rows: rows[4].__setitem__(2, "helen.new@example.org"))
    text, code = recruit_command(str(repo.parent / "pool.csv"), str(repo / "vet"), 3, today="2026-12-01")
    assert code == 0 and "already listed (1)" in text, text


def test_f11_do_not_contact_is_an_opt_out_and_an_unknown_look_alike_stops(repo):
    pool = repo.parent / "pool.csv"
    _sheet(pool, lambda rows: (rows[0].__setitem__(8, "Do not contact"), rows[1].__setitem__(8, "x")))
    text, code = recruit_command(str(pool), str(repo / "vet"), 3, today="2026-12-01")
    assert code == 0 and "opted out (2)" in text and "column 'Do not contact' is read as an opt-out" in text, text
    _sheet(pool, lambda rows: rows[0].__setitem__(8, "Suppressed"))
    text, code = recruit_command(str(pool), str(repo / "vet"), 3, today="2026-12-01")
    assert code == 1 and "pool.csv:1: column 'Suppressed' look like opt-out or contact columns" in text, text


def test_f11_an_opt_out_in_a_studys_sheet_keeps_the_person_out(repo):
    _sheet(repo / "vet" / "participants.csv",
           lambda rows: [r.append("Opted Out" if k == 0 else "no") for k, r in enumerate(rows)])
    shutil.copytree(repo / "vet", repo / "old")  # the same people in another study of the repository
    (repo / "old" / "participants.csv").write_text(
        "id,name,email,segment,status,Opted Out\nP-001,Zeynep Arslan,zeynep@example.com,multi-pet,declined,yes\n",
        encoding="utf-8")
    assert any("column 'Opted Out' is read as an opt-out" in m
               for m in _at_line_1(load_study(repo / "vet", strict=False).problems))
    text, code = recruit_command(str(repo.parent / "pool.csv"), str(repo / "vet"), 3, repo=str(repo),
                                 today="2026-12-01")
    assert code == 0 and "opted out (2)" in text, text  # Sarah (the pool's Y) and Zeynep (the old sheet's yes)


# -- withdrawn people are never recruited -------------------------------------------------------------

def test_withdrawn_in_a_sheet_or_remembered_by_the_repository_is_not_recruited(repo):
    shutil.copytree(repo / "vet", repo / "old")
    (repo / "old" / "participants.csv").write_text(
        "id,Client Name,Client Email,segment,status,consent_quote\n"
        "P-001,Zeynep Arslan,zeynep@example.com,multi-pet,withdrawn,no\n"
        "P-002,Amy Chen,amy.chen@example.com,breeder,completed,yes\n", encoding="utf-8")
    (repo / ".interview-kit").mkdir()
    (repo / ".interview-kit" / "consent-withdrawn.csv").write_text(
        "study,participant,withdrawn_in\nold,P-002,archived\n", encoding="utf-8")
    text, code = recruit_command(str(repo.parent / "pool.csv"), str(repo / "vet"), 3, repo=str(repo),
                                 today="2026-12-01")
    assert code == 0 and "withdrew (2)" in text, text  # counted, never named
    assert not [w for w in PRIVATE if w in text], text
    assert "pool line 2" not in text and "pool line 6" not in text


# -- participants.csv: a `Client Email` is the email, a lone `First Name` the roster ------------------

def test_client_email_is_read_as_the_email():
    vet = load_study(DATA / "study", strict=False)
    assert vet.participants.set_index("id").loc["P-010", "email"] == "elif.yilmaz@example.com"
    assert any(m.startswith("column 'Client Email' is read as 'email'") for m in _at_line_1(vet.problems))


def test_a_lone_first_name_column_is_the_roster(tmp_path):
    target = tmp_path / "vet"
    shutil.copytree(DATA / "study", target)
    shutil.copy(DATA / "participants-first-name.csv", target / "participants.csv")
    study = load_study(target, strict=False)
    people = study.participants.set_index("id")
    assert people.loc["P-010", "name"] == "Elif" and people.loc["P-004", "email"] == "gareth@example.net"
    said = _at_line_1(study.problems)
    assert any(m.startswith("column 'First Name' is read as 'name'") for m in said), said
    assert any(m.startswith("column 'E-mail' is read as 'email'") for m in said), said
    turns = study.turns[study.turns["interview_id"] == "INT-010"]
    assert dict(zip(turns["speaker"], turns["participant"].fillna("")))["Elif Yılmaz"] == "P-010"


def test_an_empty_roster_name_beside_a_label_in_another_script_is_no_crash(tmp_path):
    """P-010's name cell left empty, her label `Elif Yılmaz` (non-ASCII): check crashed (IndexError)."""
    target = tmp_path / "vet"
    shutil.copytree(DATA / "study", target)
    _sheet(target / "participants.csv", lambda rows: rows[4].__setitem__(1, ""))
    study = load_study(target, strict=False)
    assert "INT-010" in set(study.turns["interview_id"])


# -- a cell of a million characters is a located error, in a sheet and in a pool ---------------------

def test_a_sheets_overlong_cell_is_a_located_error(repo):
    _sheet(repo / "vet" / "participants.csv", lambda rows: rows[2].__setitem__(3, "Mabel " * 200_001))
    study = load_study(repo / "vet", strict=False)
    said = [p for p in study.errors if Path(p.path).name == "participants.csv"]
    assert [(p.line, "under 'Pet Name' is 1,200,005 characters long" in p.message) for p in said] == [(3, True)]
    assert "P-004" not in set(study.participants["id"])  # the line left out, said so
    shutil.copy(DATA / "study" / "participants.csv", repo / "vet" / "participants.csv")
    _sheet(repo.parent / "pool.csv", lambda rows: rows[1].__setitem__(1, "Zeynep " * 200_000))
    text, code = recruit_command(str(repo.parent / "pool.csv"), str(repo / "vet"), 3, today="2026-12-01")
    assert code == 1 and "pool.csv:2: the cell under 'Client Name' is 1,399,999 characters long" in text, text[:300]


@pytest.mark.slow
def test_a_twenty_megabyte_cell_in_a_pool_is_a_located_error(repo):
    _sheet(repo.parent / "pool.csv", lambda rows: rows[1].__setitem__(1, "Zeynep " * 3_000_000))
    text, code = recruit_command(str(repo.parent / "pool.csv"), str(repo / "vet"), 3, today="2026-12-01")
    assert code == 1 and text.startswith(f"{repo.parent / 'pool.csv'}:2: "), text[:300]


# -- F10: a pet's name column: one rule, said at participants.csv:1 ----------------------------------

def test_f10_every_pet_name_is_redacted_and_check_says_so():
    vet = load_study(DATA / "study", strict=False)
    said = [m for m in _at_line_1(vet.problems) if m.startswith("column 'Pet Name' names someone other than")]
    assert len(said) == 1 and "redacted as a name" in said[0]
    text = "Biscuit was limping; Mabel had pups; Pepper and Zeytin too. A bit of pepper."
    assert redact(text, roster(vet)) == "[name] was limping; [name] had pups; [name] and [name] too. A bit of pepper."
    assert vet.participants.set_index("id").loc["P-001", "name"] == "Helen Marsh"  # Client Name, not Pet Name


def test_f10_a_cell_naming_two_pets_redacts_each(tmp_path):
    target = tmp_path / "vet"
    shutil.copytree(DATA / "study", target)
    _sheet(target / "participants.csv", lambda rows: rows[1].__setitem__(3, "Nala;Simba"))
    assert redact("Nala and Simba", roster(target)) == "[name] and [name]"
