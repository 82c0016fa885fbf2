"""Every column of participants.csv that names a person is part of the roster, not only
``name`` and ``email``: a newcomer's ``parent_name`` column (a teenager interviewed with a
parent's consent) put the parent's first name into analyze's tables, search results and the
QDPX export."""
from __future__ import annotations

import pandas as pd
import pytest

from conftest import write
from kit.cli import main
from kit.privacy import redact, roster
from kit.privacy_columns import person_cells, person_columns

SHEET = """
id,name,parent_name,Parent Email,company_name,first_name,Last Name,segment,status,interviewed_on,consent_record,consent_quote
P-1,Jo Park,Dana Brooks,dana.b@example.org,Acme Tiles,Jo,Park,small,completed,2026-01-05,yes,yes
P-2,Lee Grant,,,Northwind,Lee,Grant,large,completed,2026-01-06,yes,no
P-3,Sam Ruiz,,,,Sam,Ruiz,large,declined,,no,no
"""


def test_which_columns_name_a_person():
    names, emails = person_columns(["id", "name", "email", "parent_name", "Parent Email", "company_name",
                                    "first_name", "Last Name", "username", "segment", "team_name", "guardian",
                                    "consent_quote", "status", "Participant Name", "channel"])
    assert names == ["name", "parent_name", "first_name", "Last Name", "username", "guardian", "Participant Name"]
    assert emails == ["email", "Parent Email"]


def test_columns_of_people_who_sit_in_name_a_person():
    """A newcomer's sheet named the interpreter and a disability adviser who sat in on calls."""
    names, _ = person_columns(["Interpreter", "interpreter_phone", "Translator", "disability_adviser",
                               "Advisor", "chaperone", "support worker", "relative", "interpreter_language",
                               "interviewer", "advisory_board", "relatives_count"])
    assert names == ["Interpreter", "Translator", "disability_adviser", "Advisor", "chaperone", "support worker",
                     "relative"]


def test_first_and_last_name_columns_make_a_full_name():
    people = pd.DataFrame({"given_name": ["Ada", ""], "surname": ["Okafor", "Byrne"]})
    names, _ = person_cells(people)
    assert "Ada Okafor" in names and "Byrne" in names


@pytest.fixture
def parent_study(study_dir):
    write(study_dir / "participants.csv", SHEET)
    with (study_dir / "transcripts" / "INT-001.txt").open("a", encoding="utf-8") as f:
        f.write("Jo: My mom Dana made me stop, she said write to dana.b@example.org first.\n")
    return study_dir


def test_the_roster_holds_the_parent(parent_study):
    people = roster(parent_study)
    assert "Dana Brooks" in people.names and "dana.b@example.org" in people.emails
    assert "Acme Tiles" not in people.names
    assert redact("My mom Dana made me stop", people) == "My mom [name] made me stop"


def test_no_table_of_analyze_names_the_parent(parent_study, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["analyze", str(parent_study), "--out", str(out), "--quiet"]) == 0, capsys.readouterr().err
    written = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.suffix in (".csv", ".json", ".md"))
    assert "made me stop" in written
    assert "Dana" not in written and "dana.b" not in written and "Brooks" not in written
