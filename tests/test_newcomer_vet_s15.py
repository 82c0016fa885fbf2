"""Newcomer session 15 (a vet practice study): F1/F5 (a `Client Name` column is the roster for
speaker roles; the exact roster name wins), F8 (third speakers' labels are names), F16 (an empty
transcript with a note is a warning), F9 (a coding of the interviewer's turn is warned), F15 (a
coding header without segment/code: the header error alone). Inputs: tests/data/newcomer-vet."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.check import check_study
from kit.cli import main
from kit.outputs import PUBLISHED, Outputs
from kit.speaker_roles import participant_label
from kit.study import load_study

DATA = Path(__file__).parent / "data" / "newcomer-vet"


@pytest.fixture()
def study_dir(tmp_path):
    target = tmp_path / "vet"
    shutil.copytree(DATA / "study", target)
    return target


@pytest.fixture(scope="module")
def vet():
    return load_study(DATA / "study", strict=False)


def _speakers(study, iid):
    turns = study.turns[study.turns["interview_id"] == iid]
    return {s: p for s, p in zip(turns["speaker"], turns["participant"].fillna(""))}


# -- F1 / F5: the column the kit redacts as names is the roster for speaker roles ---------------

def test_client_name_is_the_roster_for_speaker_roles(vet):
    assert vet.participants.set_index("id").loc["P-010", "name"] == "Elif Yılmaz"
    who = _speakers(vet, "INT-010")
    assert who["Elif Yılmaz"] == "P-010"  # the mother, the participant
    assert who["Kerem"] == ""  # her son translating: a third speaker, not P-010
    said = [str(p) for p in vet.problems if p.path.endswith("participants.csv") and p.line == 1]
    assert any("'Client Name' is read as 'name'" in m for m in said), said


def test_a_drafted_or_shareable_quote_is_never_the_translators(vet):
    quotes = vet.quotes[vet.quotes["interview_id"] == "INT-010"].set_index("text")["participant"].fillna("")
    assert quotes["Türkçe olsa ben de yapabilirim."] == "P-010"
    assert quotes["She wants the reminders in Turkish."] == ""


def test_a_typo_and_the_exact_roster_name_in_one_file_are_one_participant(vet):
    who = _speakers(vet, "INT-001")
    assert who["Helen Marsh"] == "P-001" and who["Hellen Marsh"] == "P-001"
    assert any(p.path.endswith("INT-001.vtt") and p.level == "warning" and "one letter different" in p.message
               for p in vet.problems)
    assert not any(p.path.endswith("INT-001.vtt") and "neither the team" in p.message for p in vet.problems)


def test_the_exact_roster_name_wins_over_another_sharing_the_given_name():
    chosen, how = participant_label({"Elif Kaya": 200, "Elif Yılmaz": 10, "Kerem": 300}, "Elif Yılmaz")
    assert (chosen, how) == ({"Elif Yılmaz"}, "name")
    chosen, _ = participant_label({"Hellen Marsh": 200, "Helen Marsh": 10}, "Helen Marsh")
    assert chosen == {"Hellen Marsh", "Helen Marsh"}  # the near one is the same person (warned)


def test_first_and_last_name_columns_make_the_roster_name(study_dir):
    sheet = study_dir / "participants.csv"
    rows = sheet.read_text(encoding="utf-8").splitlines()
    out = ["id,First Name,Last Name,Client Email,Pet Name,segment,status,consent_record,consent_quote"]
    for row in rows[1:]:
        cells = row.split(",")
        first, last = cells[1].split(" ", 1)
        out.append(",".join([cells[0], first, last, *cells[2:]]))
    sheet.write_text("\n".join(out) + "\n", encoding="utf-8")
    study = load_study(study_dir, strict=False)
    assert _speakers(study, "INT-010")["Elif Yılmaz"] == "P-010"
    assert any(p.path.endswith("participants.csv") and p.line == 1 and "read together as 'name'" in p.message
               for p in study.problems)


def test_a_sheet_with_a_name_column_is_read_as_before(study_dir):
    sheet = study_dir / "participants.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("Client Name", "name", 1), encoding="utf-8")
    study = load_study(study_dir, strict=False)
    assert _speakers(study, "INT-010")["Elif Yılmaz"] == "P-010"
    assert not any("read as 'name'" in p.message for p in study.problems)


# -- F8: a third speaker's label is a person's name ---------------------------------------------

def test_check_prints_no_third_speakers_name(study_dir, capsys):
    main(["check", str(study_dir)])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "neither the team nor the participant P-010" in text  # the warning is still there
    assert "Kerem" not in text and "Kelly" not in text


def test_published_text_hides_third_speakers_names(vet):
    writer = Outputs(None, vet, PUBLISHED)
    assert writer.clean("Elif's son Kerem translated.") == "[name]'s son [name] translated."
    assert "Kelly" not in writer.clean("Thanks Kelly. Anyway, the invoice")
    assert writer.clean("The nurse said Priya was late.") == "The nurse said Priya was late."  # team, roles kept


def test_a_label_that_only_names_a_role_is_no_name():
    from types import SimpleNamespace

    import pandas as pd

    from kit.third_speaker_names import third_speaker_names

    turns = pd.DataFrame({"speaker": ["Priya Raman", "Mum", "Ann Lee", "Interpreter (Ahmed)", "Gemma Holt"],
                          "role": ["interviewer", "other", "participant", "other", "other"],
                          "participant": ["", "", "P-1", "", ""], "interview_id": ["I"] * 5})
    study = SimpleNamespace(turns=turns, config={"team": [{"name": "Gemma Holt"}]})
    assert third_speaker_names(study) == ["Interpreter (Ahmed)"]


# -- F16: an empty transcript with a note is a warning ------------------------------------------

def test_an_empty_transcript_with_a_note_is_a_located_warning(study_dir):
    problems = check_study(study_dir)
    empty = [p for p in problems if p.path.endswith("INT-009.txt")]
    assert [p.level for p in empty] == ["warning"] and "empty transcript" in empty[0].message
    assert not [p for p in problems if p.is_error]
    assert "INT-009" in set(load_study(study_dir, strict=True).interviews["interview_id"])


def test_an_empty_transcript_no_note_names_stays_an_error(study_dir):
    (study_dir / "transcripts" / "INT-020.txt").write_text("  \n", encoding="utf-8")
    errors = [p for p in check_study(study_dir) if p.is_error]
    assert [Path(p.path).name for p in errors] == ["INT-020.txt"] and "empty transcript" in errors[0].message


# -- F9: a coding of the interviewer's (a third speaker's) turn is warned -----------------------

def test_a_coding_of_a_turn_of_nobody_is_a_located_warning(vet):
    said = {p.line: p for p in vet.problems if p.path.endswith("gemma.csv") and "not the participant's" in p.message}
    assert set(said) == {2, 4}
    assert "the interviewer's turn" in said[2].message and "a third speaker's turn" in said[4].message
    assert all(p.level == "warning" for p in said.values())


# -- F15: a coding header without segment/code: the header error alone ----------------------------

def test_a_coding_header_without_segment_and_code_is_one_error(study_dir):
    shutil.copy(DATA / "codings-pt.csv", study_dir / "codings" / "pt.csv")
    said = [p for p in check_study(study_dir) if p.path.endswith("pt.csv")]
    assert len(said) == 1 and said[0].line == 1 and said[0].is_error
    assert "missing column(s): segment, code" in said[0].message and "lines 2-3" in said[0].message
