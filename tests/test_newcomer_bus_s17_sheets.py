"""Newcomer session 17 (bus operator), fixed in session 17: participant sheets.
F15 (`recruit --apply` into a sheet headed in another language writes the name and email into the
columns `check` reads as name and email), F8 (two people sharing a name with different emails are
two people). Inputs: tests/data/newcomer-bus."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from kit.cli.recruit import recruit_command
from kit.recruit import RecruitError, recruit
from kit.study_columns import read_participant_rows

DATA = Path(__file__).parent / "data" / "newcomer-bus"
POOL = "Client Name,Client Email,rider_type,route_area,age_band\nMegan Parry,megan.parry@example.com,access,rural,65+\n"


@pytest.fixture()
def study(tmp_path):
    shutil.copytree(DATA / "bus-fixed", tmp_path / "bus")
    return tmp_path / "bus"


def _rename(path: Path, names: dict) -> None:
    rows = list(csv.reader(path.open(encoding="utf-8-sig", newline="")))
    rows[0] = [names.get(c, c) for c in rows[0]]
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def _added(study: Path) -> list[dict]:
    rows, columns, _ = read_participant_rows(study / "participants.csv")
    return [r for r in rows if r.get("status") == "invited"]


def test_f15_recruit_into_welsh_headers_writes_name_and_email(study):
    text, code = recruit_command(str(DATA / "pool.csv"), str(study), 3, today="2026-12-02", dry_run=False)
    assert code == 0, text
    added = _added(study)
    assert [r["name"] for r in added] == ["Megan Parry", "Rhys Powell"]
    assert [r["email"] for r in added] == ["megan.parry@example.com", "rhys.p@example.com"]
    header = (study / "participants.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("id,Enw,e-bost,") and header.count("name") == 0  # no column added


@pytest.mark.parametrize("name, email", [
    ("Enw", "e-bost"), ("Enw llawn", "E-bost"), ("Nombre completo", "Correo electrónico"), ("Nom complet", "Courriel"),
    ("Vollständiger Name", "E-Mail-Adresse"), ("Nome completo", "Correio eletrónico"), ("Imię i nazwisko", "E-mail"),
    ("Buong pangalan", "Email"), ("Client Name", "Client Email"), ("Full Name", "Email address")])
def test_f15_every_language_of_the_role_table(study, tmp_path, name, email):
    _rename(study / "participants.csv", {"Enw": name, "e-bost": email})
    (tmp_path / "pool.csv").write_text(POOL, encoding="utf-8")
    table = recruit(tmp_path / "pool.csv", study, 1, today="2026-12-02", dry_run=False)
    assert table.attrs["written"]
    added = _added(study)
    assert [(r["name"], r["email"]) for r in added] == [("Megan Parry", "megan.parry@example.com")], (name, email)


def test_f15_first_and_last_name_columns_refuse_and_write_nothing(study, tmp_path):
    path = study / "participants.csv"
    rows = list(csv.reader(path.open(encoding="utf-8-sig", newline="")))
    rows = [[r[0], *(r[1].split(" ", 1) if i else ["First Name", "Last Name"]), *r[2:]] for i, r in enumerate(rows)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    before = path.read_bytes()
    (tmp_path / "pool.csv").write_text(POOL, encoding="utf-8")
    with pytest.raises(RecruitError) as err:
        recruit(tmp_path / "pool.csv", study, 1, today="2026-12-02", dry_run=False)
    assert "Nothing was written" in str(err.value.problems[0].message) and err.value.problems[0].line == 1
    assert path.read_bytes() == before


# -- F8: one name, two emails: two people ------------------------------------------------------------

@pytest.fixture()
def sheet(tmp_path):
    """A study of the sheet alone (no interviews): what its loader reads of each row."""
    root = tmp_path / "sheet"
    root.mkdir()
    (root / "study.yml").write_text("title: Same names\nresearch_question: Who is who?\n", encoding="utf-8")
    shutil.copy(DATA / "participants-same-name.csv", root / "participants.csv")
    return root


def _quote_of(study: Path) -> dict:
    from kit.study import load_study

    loaded = load_study(study, strict=False)
    return dict(zip(loaded.participants["id"], loaded.participants["consent_quote"]))


def test_f8_one_name_with_two_emails_is_two_people(sheet):
    from kit.check import check_study

    assert _quote_of(sheet) == {"P-0013": True, "P-0127": False}
    assert not [p for p in check_study(sheet) if "is the same person as" in p.message]


@pytest.mark.parametrize("first, second, merged", [
    ("will.davies13@example.com", "", True),  # no email to tell them apart: fail closed, as documented
    ("", "", True),
    ("Will.Davies13@example.com", "will.davies13@example.com.", True),  # one address written two ways
    ("will.davies13@example.com", "will.davies127@example.com", False)])
def test_f8_the_same_name_is_one_person_only_without_two_emails(sheet, first, second, merged):
    path = sheet / "participants.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("will.davies13@example.com", first)
    lines[2] = lines[2].replace("will.davies127@example.com", second)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert bool(_quote_of(sheet)["P-0013"]) is (not merged)
