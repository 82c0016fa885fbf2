"""Newcomer session 11 (library study), faults F11, F12, F15: a sheet with Welsh headers, consent
compared across studies only for the same person, key quotes in single curly quotes and a time after
an attribution."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from kit.consent_repository import consent_conflicts, consent_rows
from kit.notes import parse_note, parse_note_text
from kit.privacy import roster
from kit.privacy_columns import identifier_columns
from kit.study_columns import read_participant_rows

DATA = Path(__file__).parent / "data" / "newcomer-library"


def _study(root: Path, sheet: str) -> Path:
    root.mkdir(parents=True)
    shutil.copy(DATA / sheet, root / "participants.csv")
    (root / "interviews").mkdir()
    return root


# -- F12: consent across studies --------------------------------------------------------------------
def test_the_same_id_for_other_people_is_not_compared(tmp_path):
    library, pilot = _study(tmp_path / "library", "participants-library.csv"), _study(tmp_path / "pilot",
                                                                                     "participants-pilot.csv")
    warnings, withdrawn = consent_conflicts([library, pilot])
    assert withdrawn == set()  # a consenting member is not withheld because a freelancer P-005 said no
    assert not [w for w in warnings if "differs across" in w.message]
    notes = [w for w in warnings if "participant id(s) here" in w.message]
    assert sorted(Path(w.path).parent.name for w in notes) == ["library", "pilot"]  # once a sheet
    names = [str(n) for n in pd.read_csv(DATA / "participants-library.csv")["name"]]
    names += [str(n) for n in pd.read_csv(DATA / "participants-pilot.csv")["name"]]
    assert not any(n.split()[0] in w.message for w in notes for n in names)  # no names in the message


def test_the_same_id_and_name_is_compared(tmp_path):
    first = _study(tmp_path / "sprint1", "participants-library.csv")
    second = _study(tmp_path / "sprint2", "participants-library.csv")
    sheet = pd.read_csv(second / "participants.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    sheet.loc[sheet["id"] == "P-003", "consent_quote"] = "no"  # P-003 withdraws in sprint 2
    sheet.to_csv(second / "participants.csv", index=False)
    rows = {r.participant: r for r in consent_rows(second)}
    assert rows["P-003"].consent is False
    warnings, withdrawn = consent_conflicts([first, second])
    assert (first, "P-003") in withdrawn
    assert any("P-003's consent" in w.message for w in warnings)


def test_rows_without_name_or_email_fall_back_to_the_id(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, answer in ((a, "yes"), (b, "no")):
        folder.mkdir()
        (folder / "participants.csv").write_text(f"id,segment,consent_quote\nP-001,x,{answer}\n", encoding="utf-8")
    _, withdrawn = consent_conflicts([a, b])
    assert withdrawn == {(a, "P-001")}  # fail closed: nothing says they are other people


# -- F11: a sheet with Welsh headers ----------------------------------------------------------------
def test_welsh_headers_are_warned_about_and_redacted(tmp_path):
    study = _study(tmp_path / "cy", "participants-welsh-headers.csv")
    _, _, problems = read_participant_rows(study / "participants.csv")
    header = [p for p in problems if p.line == 1]
    assert any("'name'" in p.message and "'Enw'" in p.message for p in header)
    assert any("'email'" in p.message and "'E-bost'" in p.message for p in header)
    people = roster(study)
    assert "Margaret Jones" in people.names and "m.jones58@example.org" in people.emails
    assert "29000012345678" in people.ids  # a library card number: an identifier by its values


def test_long_numbers_that_differ_per_person_are_identifiers():
    people = pd.read_csv(DATA / "participants-welsh-headers.csv", dtype=str, encoding="utf-8-sig")
    found = identifier_columns(people)
    assert found.get("Rhif cerdyn llyfrgell") == "its values"
    assert "Ffôn" not in found and "Enw" not in found and "segment" not in found


def test_a_sheet_with_a_name_column_gets_no_new_warning(tmp_path):
    study = _study(tmp_path / "en", "participants-library.csv")
    _, _, problems = read_participant_rows(study / "participants.csv")
    assert not [p for p in problems if "look like people's" in p.message]


# -- F15: key quotes ---------------------------------------------------------------------------------
def test_single_curly_quotes_and_a_time_after_the_attribution():
    note = parse_note(DATA / "INT-003-note-crlf-bom-quotes.md")
    quotes = {q.line: q for q in note.quotes}
    assert quotes[11].text == "The PIN resets are worse though" and quotes[11].time == 40
    assert quotes[12].time == 55 and quotes[12].speaker == "David"
    assert not [p for p in note.problems if p.line in (11, 12)]


def test_apostrophes_inside_a_single_quoted_quote_and_an_unread_time_is_warned():
    note = parse_note_text("---\nid: INT-001\n---\n## Key Quotes\n- ‘It’ll help, I think’ — Dana K.\n"
                           "- \"Fine\" — David, 0.55\n")
    first, second = note.quotes
    assert first.text == "It’ll help, I think" and first.speaker == "Dana K."
    assert [p.line for p in note.problems if "was not read" in p.message] == [6]
