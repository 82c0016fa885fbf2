"""Newcomer (education, session 9) faults B: 3. a participant's identifiers (a student number,
an employee id) are redacted as ``[id]`` like names, from participants.csv's identifier columns
and wherever one is said next to the words announcing it; 12. a roster name part that is also an
everyday word or a module's name ("Law" of Peter Law, "Law 101") hides the person without
destroying ordinary text; the user's own search query is echoed as typed."""
import random
import re
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from kit.cli import main
from kit.outputs import redact_shown
from kit.privacy import ID_MARK, NAME_MARK, Roster, _name_parts, find_leaks, redact, roster
from kit.privacy_columns import id_cells, id_columns

STUDY = Path(__file__).parent / "data" / "newcomer-edu" / "privacy" / "study"


def _ids() -> list[str]:
    people = pd.read_csv(STUDY / "participants.csv", dtype=str, keep_default_na=False)
    return [v for v in people["student_number"] if v]


# -- identifier columns ------------------------------------------------------------------------

@pytest.mark.parametrize("column", ["student_number", "Student No.", "Employee ID", "staff number", "NHS number",
                                    "patient_id", "hospital_number", "account_number", "customer_id",
                                    "Membership number", "member_no", "ni_number", "National Insurance number",
                                    "ssn", "passport_number", "driving_licence_number", "studentnumber"])
def test_identifier_columns_are_found(column):
    assert id_columns(["id", column, "name"]) == [column]


@pytest.mark.parametrize("column", ["id", "participant_id", "interview_id", "segment_id", "phone_number", "year",
                                    "member_count", "account_type", "role", "faculty", "number_of_modules"])
def test_other_columns_are_not_identifiers(column):
    assert id_columns([column]) == []


def test_the_roster_holds_the_student_numbers():
    people = roster(STUDY)
    assert set(people.ids) == set(_ids()) and len(people.ids) >= 7
    frame = pd.DataFrame({"employee_id": ["44-1093", "7", "", "2026", "E1234"], "id": ["P-1", "P-2", "P-3", "P-4", "P-5"]})
    assert id_cells(frame) == ["44-1093", "E1234"]  # "7" and "2026" are too short to be anyone's number


def test_identifiers_are_redacted_as_names_are_and_kept_with_names():
    people = roster(STUDY)
    text = "My name is Grace Okonkwo, student number s2139904. Li's is S2045871, or s2045871.csv"
    assert redact(text, people) == (f"My name is {NAME_MARK}, student number {ID_MARK}. {NAME_MARK}'s is {ID_MARK}, "
                                    f"or {ID_MARK}.csv")
    assert redact(text, people, names=False) == text
    assert set(people.ids) <= set(people.secrets)


@pytest.mark.parametrize("said, shown", [
    ("my student number is s2139904", f"my student number is {ID_MARK}"),
    ("employee ID 44-1093, yes", f"employee ID {ID_MARK}, yes"),
    ("account no. 12345678 was locked", f"account no. {ID_MARK} was locked"),
    ("Student No: AB123456", f"Student No: {ID_MARK}"),
    ("my NHS number: 943 476 5919", "my NHS number: [phone]"),  # ten digits: a phone's form, replaced first
    ("hospital number H4417721", f"hospital number {ID_MARK}"),
    ("membership number 0042 1187", f"membership number {ID_MARK}"),
    ("my ID is 55512", f"my ID is {ID_MARK}"),
])
def test_identifiers_said_aloud_are_redacted_off_the_roster(said, shown):
    assert redact(said, None) == shown
    assert redact(said, roster(STUDY)) == shown


@pytest.mark.parametrize("text", ["student number 1 of 30", "the ID badge", "Law 101 in room 204", "module code LAW",
                                  "I paid 300 pounds", "page 123", "no 3 of them", "we scored 12345 points"])
def test_numbers_not_announced_as_identifiers_stay(text):
    assert redact(text, None) == text


# -- the batch pre-filter stays a proof -------------------------------------------------------

def _cells(rng: random.Random, people: Roster) -> list[str]:
    words = ("the law module Law 101 marks released late in May by Friday a price rise student number employee "
             "ID account no. is my was with Dr Professor said 2026 12 300 room 204 code").split()
    extras = list(people.ids) + [i.upper() for i in people.ids] + ["s2999999", "44-1093", "12345678", "AB123456C",
                                                                   "943 476 5919"]
    extras += [w for n in people.names for w in (n, n.split()[0], n.split()[-1], n.split()[-1] + "'s")]
    out = []
    for _ in range(3000):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 10))]
        for _ in range(rng.choice([0, 1, 2])):
            parts.insert(rng.randint(0, len(parts)), rng.choice(extras))
        out.append(" ".join(parts))
    return out + extras


@pytest.mark.parametrize("with_roster", [True, False])
def test_texts_the_batch_finds_unredacted_come_back_unchanged(with_roster, monkeypatch):
    from kit import privacy_batch

    people = roster(STUDY)
    texts = _cells(random.Random(12), people)
    given = people if with_roster else None
    monkeypatch.setattr(privacy_batch, "BATCH_CHARS", 5_000)
    quiet = privacy_batch.unredacted(texts, given)
    changed = {t for t in texts if redact_shown(t, given) != t}
    assert changed and quiet and not quiet & changed
    assert any(ID_MARK in redact_shown(t, given) for t in changed)
    plain = {t for t in texts if t not in changed}
    assert len(quiet) >= 0.3 * len(plain)  # the pre-filter still spares most of them


# -- a name part that is also a word -----------------------------------------------------------

PEOPLE = ["Peter Law", "Grace Okonkwo", "Mark Price", "Hope Cook", "Rose Page", "May Bill", "Will Okafor"]
HIDDEN = [  # the person: every part of the roster name here must go
    "Peter Law", "Dr Law", "Professor Law", "Dr. Law", "Law's slides", "I met with Law", "marked by Law",
    "Law said it was fine", "Mark Price", "Mr Price", "asked Mark about it", "Hope told me", "thanks, Grace",
    "Rose Page", "Ms Page", "with May", "Will emailed me", "Grace Law", "Dr Cook's office", "I emailed Hope",
]
KEPT = [  # ordinary text: nothing to redact
    "Law 101", "the law", "in Law 101 and LAW 102", "a price rise", "in May", "by May", "next May", "May I ask?",
    "Will you send it?", "the Law faculty", "a degree in Law", "I study Law", "the Price of it", "page 4",
    "we will cook", "I hope so", "a rose", "the bill", "mark it", "module Law 101, Law-101", "the Cook Islands",
]


@pytest.fixture(scope="module")
def everyday():
    return Roster(names=tuple(PEOPLE), parts=tuple(dict.fromkeys(_name_parts(PEOPLE))))


@pytest.mark.parametrize("text", HIDDEN)
def test_the_person_is_hidden(text, everyday):
    shown = redact(text, everyday)
    assert NAME_MARK in shown
    words = {w for n in PEOPLE for w in n.split()}
    assert not words & set(re.findall(r"[A-Za-z]+", shown)), shown


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_text_stays(text, everyday):
    assert redact(text, everyday) == text


# -- the study's outputs -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("edu") / "tables"
    assert main(["analyze", str(STUDY), "--out", str(out), "--quiet"]) in (0, 1)
    return out


def _texts_of(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*")) if p.is_file())


def test_tables_hide_the_student_numbers(tables):
    text = _texts_of(tables)
    assert "student number" in text  # the turn that says it is in the tables
    for value in _ids():
        assert value.lower() not in text.lower(), value
    assert ID_MARK in text


def test_tables_keep_law_101_and_hide_the_lecturer(tables):
    text = _texts_of(tables)
    assert "Law 101" in text and f"{NAME_MARK} 101" not in text
    assert "Peter Law" not in text and "Dr Law" not in text and "Grace Okonkwo" not in text


def test_qdpx_hides_the_student_numbers(tmp_path):
    out = tmp_path / "study.qdpx"
    assert main(["export", str(STUDY), "--qdpx", str(out)]) in (0, 1)
    with zipfile.ZipFile(out) as z:
        text = "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if not n.endswith("/"))
    assert ID_MARK in text
    for value in _ids():
        assert value.lower() not in text.lower(), value


def test_check_prints_no_student_number(tmp_path, capsys):
    study = tmp_path / "study"
    shutil.copytree(STUDY, study)
    note = study / "interviews" / "INT-001.md"  # a problem that quotes the value: a student number as the participant
    note.write_text(re.sub(r"(?m)^participant: .*$", "participant: s2139904", note.read_text(encoding="utf-8")),
                    encoding="utf-8")
    capsys.readouterr()
    main(["check", str(study)])
    shown = capsys.readouterr()
    text = shown.out + shown.err
    assert f"participant '{ID_MARK}' is not in participants.csv" in text and "s2139904" not in text
    main(["check", str(study), "--include-names"])
    shown = capsys.readouterr()
    assert "participant 's2139904' is not in participants.csv" in shown.out + shown.err


# -- search: the results hidden, the query as typed --------------------------------------------

@pytest.fixture(scope="module")
def research(tmp_path_factory):
    root = tmp_path_factory.mktemp("repo") / "research"
    shutil.copytree(STUDY, root / "2026-T1")
    assert main(["index", str(root)]) in (0, 1)
    return root


def test_a_student_number_is_not_found(research, capsys):
    capsys.readouterr()
    assert main(["search", str(research), "s2139904"]) == 0
    assert capsys.readouterr().out.strip() == "no matches for 's2139904'"


def test_law_101_is_found_and_the_query_echoed_as_typed(research, capsys):
    capsys.readouterr()
    assert main(["search", str(research), '"Law 101"']) == 0
    out = capsys.readouterr().out
    assert "Law 101" in out and "match(es)" in out and f"{NAME_MARK} 101" not in out
    assert main(["search", str(research), "Law 101 zebra"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("no matches for 'Law 101 zebra'")
    assert "`Law OR 101 OR zebra`" in out and NAME_MARK not in out


def test_a_redacted_name_searched_for_reveals_nothing(research, capsys):
    capsys.readouterr()
    assert main(["search", str(research), "Okonkwo"]) == 0
    assert capsys.readouterr().out.strip() == "no matches for 'Okonkwo'"
    assert main(["search", str(research), "Grace Okonkwo"]) == 0  # neither word alone: no hint
    assert capsys.readouterr().out.strip() == "no matches for 'Grace Okonkwo'"


def test_a_working_table_shows_identifier_columns_as_ids(tmp_path):
    from kit.outputs import WORKING, Outputs

    people = pd.read_csv(STUDY / "participants.csv", dtype=str, keep_default_na=False)
    writer = Outputs(tmp_path, None, WORKING, people=roster(STUDY))
    shown = writer.frame(people[["id", "student_number", "faculty"]])
    numbers = [v for v in people["student_number"] if v]
    assert set(shown["student_number"]) - {""} == {ID_MARK} and len(numbers) >= 7
    assert shown["id"].tolist() == people["id"].tolist() and "Law" in shown["faculty"].tolist()
    named = Outputs(tmp_path, None, WORKING, people=roster(STUDY), include_names=True).frame(people[["student_number"]])
    assert named["student_number"].tolist() == people["student_number"].tolist()


def test_a_cell_that_is_only_a_category_of_the_study_is_that_category():
    people = roster(STUDY)
    assert "law" in people.categories  # the faculty column
    assert redact("Law", people) == "Law" and redact("Dr Law", people) == f"Dr {NAME_MARK}"
    bare = Roster(names=people.names, parts=people.parts)  # no category says otherwise: fail closed
    assert redact("Law", bare) == NAME_MARK


def test_the_quick_look_for_an_announced_id_misses_none():
    """kit.privacy's quick test (and so kit.privacy_batch's pre-filter) finds every text
    ANNOUNCED_ID finds: glued, spaced, any case."""
    from kit.privacy import _ANNOUNCER
    from kit.privacy_text import ANNOUNCED_ID, announced_ids

    rng = random.Random(3)
    owners = ["student", "Staff", "EMPLOYEE", "account", "NHS", "member", "national insurance", "", "passport"]
    words = ["number", "No.", "no", "num", "nr", "#", "ID", "Id", "I.D.", "code", "identifier", "SSN", "nino", "mrn", ""]
    glue = ["", " ", "-", ": ", " is ", ", it's "]
    tokens = ["s2139904", "44-1093", "12345678", "AB123456C", "E1234", "943 476 5919", "x12"]
    found = 0
    for _ in range(3000):
        text = rng.choice(owners) + rng.choice(["", " "]) + rng.choice(words) + rng.choice(glue) + rng.choice(tokens)
        if ANNOUNCED_ID.search(text) is not None:
            assert _ANNOUNCER.search(text) is not None, text
        if announced_ids(text):
            found += 1
            assert redact(text, None) != text, text
    assert found > 1000


def test_notebooks_pages_and_the_final_scan_hide_or_find_identifiers(tmp_path):
    from kit.privacy import redact_markup, redact_notebook

    people = roster(STUDY)
    # a notebook as nbformat reads it (plain mappings): importing nbformat costs seconds
    outputs = [{"output_type": "stream", "name": "stdout",
                "text": "Grace Okonkwo, student number s2139904, took Law 101\n"},
               {"output_type": "display_data", "metadata": {},
                "data": {"text/html": "<td>S2045871</td><td>Dr Law</td>"}}]
    nb = {"cells": [{"cell_type": "code", "source": "quotes", "outputs": outputs}], "metadata": {}}
    assert redact_notebook(nb, people) == 2
    assert outputs[0]["text"] == f"{NAME_MARK}, student number {ID_MARK}, took Law 101\n"
    assert outputs[1]["data"]["text/html"] == f"<td>{ID_MARK}</td><td>Dr {NAME_MARK}</td>"
    assert redact_markup("<p>employee ID 44-1093</p>") == f"<p>employee ID {ID_MARK}</p>"
    (tmp_path / "page.html").write_text("<p>Law 101 and the Law faculty</p>", encoding="utf-8")
    assert find_leaks(tmp_path, people) == []
    (tmp_path / "table.csv").write_text("id,student\nP-001,s2045871\n", encoding="utf-8")
    assert find_leaks(tmp_path, people) == ["table.csv"]


def test_an_identifier_column_is_no_case_variable_of_the_export(tmp_path):
    study = tmp_path / "study"
    shutil.copytree(STUDY, study)
    config = (study / "study.yml").read_text(encoding="utf-8")
    assert "  attributes: [role, faculty, year]\n" in config
    (study / "study.yml").write_text(config.replace("  attributes: [role, faculty, year]\n",
                                                    "  attributes: [role, faculty, year, student_number]\n"),
                                     encoding="utf-8")
    out = tmp_path / "s.qdpx"
    assert main(["export", str(study), "--qdpx", str(out)]) in (0, 1)
    with zipfile.ZipFile(out) as z:
        project = z.read("project.qde").decode("utf-8")
    assert "faculty" in project and "student_number" not in project
