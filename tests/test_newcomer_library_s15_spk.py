"""Newcomer session 14 (city library), faults F5, F6, F7, F12: team display names, free role
words in a note's ``speakers:``, a note's interviewer not on the team, a transcript's name
written in other capitals. Inputs: tests/data/newcomer-library/s15-spk (README.md there)."""
from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from kit.check import check_study
from kit.check_team import team_problems
from kit.speaker_roles import name_form, participant_label
from kit.study import load_study
from kit.study_config import role_word, team_keys, transcript_args

DATA = Path(__file__).parent / "data" / "newcomer-library" / "s15-spk"


def _study(tmp_path, note="INT-008.md", transcript="INT-008-teams-comma.vtt", as_name="INT-008.vtt",
           aliases=True, edit=None) -> Path:
    root = tmp_path / "study"
    (root / "interviews").mkdir(parents=True)
    (root / "transcripts").mkdir()
    yml = (DATA / "study.yml").read_text(encoding="utf-8")
    if not aliases:  # the team's names only: no alias per display form
        yml = yml.replace('  "Anna N.": Anna Nowak\n', "").replace('  "Karim H": Karim Haddad\n', "")
    (root / "study.yml").write_text(yml, encoding="utf-8")
    shutil.copy(DATA / "participants.csv", root / "participants.csv")
    text = (DATA / note).read_text(encoding="utf-8")
    (root / "interviews" / (note.split("-")[0] + "-" + note.split("-")[1].split(".")[0] + ".md")).write_text(
        edit(text) if edit else text, encoding="utf-8")
    if transcript:
        shutil.copy(DATA / transcript, root / "transcripts" / as_name)
    return root


def _relabel(root, old, new, name="INT-008.vtt"):
    path = root / "transcripts" / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


# -- F5: the team's display names, by the rule roster labels are read by ----------------------

@pytest.mark.parametrize("label, form", [
    ("Nowak, Anna", "Anna Nowak"), ("Anna Nowak (Central Library)", "Anna Nowak"),
    ("Anna Nowak | Library", "Anna Nowak"), ("anna.nowak", "anna nowak"), ("anna_nowak@library.org", "anna nowak"),
    ("Anna Nowak [Guest]", "Anna Nowak"), ("Smith, Jr.", "Smith, Jr."), ("Speaker 1", "Speaker 1"), ("Dana", "Dana")])
def test_name_form_reads_the_display_forms_of_meeting_tools(label, form):
    assert name_form(label) == form


@pytest.mark.parametrize("label", ["Nowak, Anna", "Anna Nowak (Central Library)", "Anna Nowak | Library",
                                   "anna.nowak", "Anna N.", "A. Nowak"])
def test_a_team_members_display_name_is_the_interviewer_without_an_alias(tmp_path, label):
    root = _study(tmp_path, aliases=False)
    _relabel(root, "<v Nowak, Anna>", f"<v {label}>")
    study = load_study(root)
    turns = study.turns
    assert not study.guessed_interviewers, [p.message for p in study.problems]
    assert not [p for p in study.problems if "known interviewer" in p.message]
    assert set(turns.loc[turns["speaker"] == label, "role"]) == {"interviewer"}
    assert set(turns.loc[turns["speaker"] == "Bell, Grant", "participant"]) == {"P-008"}


def test_a_team_affiliation_label_in_a_plain_cue_is_the_interviewer(tmp_path):
    root = _study(tmp_path, note="INT-001.md", transcript="INT-001-affiliation.vtt", as_name="INT-001.vtt",
                  aliases=False)
    study = load_study(root)
    roles = dict(zip(study.turns["speaker"], study.turns["role"]))
    assert roles["Anna Nowak (Central Library)"] == "interviewer"
    assert not study.guessed_interviewers


def test_an_unmatched_interviewer_label_is_given_the_exact_aliases_line(tmp_path):
    root = _study(tmp_path, aliases=False)
    _relabel(root, "<v Nowak, Anna>", "<v Ania z biblioteki>")
    study = load_study(root)
    said = [p for p in study.problems if "known interviewer" in p.message]
    assert len(said) == 1 and said[0].line == 5, [str(p) for p in study.problems]
    assert 'add to study.yml `aliases:` the line `"Ania z biblioteki": Anna Nowak`' in said[0].message


def test_a_generic_label_guessed_as_interviewer_is_named_in_the_note_not_aliased(tmp_path):
    root = _study(tmp_path, note="INT-009-typo.md", transcript="INT-009.txt", as_name="INT-009.txt")
    _relabel(root, "Zoe  0:", "Speaker 1  0:", "INT-009.txt")  # as t-probe's INT-009.txt
    _relabel(root, "Sunday Okafor  0:", "Speaker 2  0:", "INT-009.txt")
    said = [p.message for p in load_study(root).problems if "known interviewer" in p.message]
    assert said and '`speakers:` ("Speaker 1": interviewer)' in said[0] and "aliases:" not in said[0]


def test_a_relative_sharing_the_family_name_in_comma_form_is_not_the_participant():
    # "Bell, Mary" and "Bell, Grant" both began with the family name: both were read as P-008
    chosen, how = participant_label({"Bell, Grant": 20, "Bell, Mary": 40}, "Grant Bell")
    assert chosen == {"Bell, Grant"} and how == "name"


def test_a_team_form_that_also_fits_the_participant_is_not_taken_for_the_team():
    config = {"team": [{"name": "Anna Nowak"}]}
    keys = team_keys(config, {"participant": "P-001"}, {"P-001": "Anna Nowicka"})
    assert "nowak, anna" in keys and "anna nowak (library)" in keys
    assert "anna n." not in keys  # Anna Nowicka too: not surely the team (her words stay hers)
    assert "anna's carer" not in keys and "anna nowak (carer)" not in keys


# -- F6: a free role word in `speakers:` ---------------------------------------------------------

def test_a_free_role_word_makes_a_third_speaker_with_no_warning(tmp_path):
    root = _study(tmp_path, note="INT-008-role-word.md", transcript="INT-008-teams-comma.vtt")
    _relabel(root, "<v Nowak, Anna>", "<v Anna Nowak>")
    _relabel(root, "<v Bell, Grant>", "<v Grant Bell>")
    study = load_study(root)
    assert not [p for p in study.problems if "neither the team" in p.message], [str(p) for p in study.problems]
    turns = study.turns.set_index("turn")
    assert turns.loc[3, "role"] == "other" and turns.loc[3, "participant"] == ""
    assert turns.loc[3, "speaker"] == "branch manager"  # the role the note gives, never the name
    assert set(turns.loc[[2, 4], "participant"]) == {"P-008"}


@pytest.mark.parametrize("value, role", [("branch manager", True), ("head of lending", True), ("volunteer", True),
                                         ("Branch Manager", False), ("Dana", False), ("P-007", False),
                                         ("anna nowak", False), ("support worker", False), ("observer", False)])
def test_role_word(value, role):
    assert role_word(value, frozenset({"anna nowak", "anna"})) is role


def test_the_docs_example_and_a_free_role_word_are_both_other():
    front = {"participant": "P-002", "speakers": {"Jane (support worker)": "support worker",
                                                   "Helen Price (Branch Manager)": "branch manager", "S1": "Dana"}}
    aliases, roles, _known = transcript_args({}, front)
    assert roles["jane (support worker)"] == "other" and roles["branch manager"] == "other"
    assert aliases["S1"] == "Dana" and "s1" not in roles  # a capitalised value is still a name


def test_a_speaker_warning_for_a_renamed_label_keeps_its_line(tmp_path):
    def helen(text):
        return text.replace(": branch manager}", ": Helen}")

    root = _study(tmp_path, note="INT-008-role-word.md", edit=helen)
    said = [p for p in load_study(root).problems if "neither the team" in p.message]
    assert len(said) == 1 and said[0].path.endswith("INT-008.vtt") and said[0].line == 13, [str(p) for p in said]


# -- F7: a note's interviewer or note_taker not on the team --------------------------------------

def test_a_note_taker_typo_and_a_stranger_are_warned_at_their_lines(tmp_path):
    root = _study(tmp_path, note="INT-009-typo.md", transcript="INT-009.txt", as_name="INT-009.txt")
    said = {p.line: p.message for p in team_problems(load_study(root)) if "study.yml's team" in p.message}
    assert "did you mean Zoe Bright?" in said[6] and "note_taker 'Zoe Brigth'" in said[6]
    assert "interviewer 'Kasia Zielinska'" in said[5] and "Anna Nowak, Karim Haddad, Zoe Bright" in said[5]


def test_a_participant_written_as_note_taker_is_said_without_the_name(tmp_path):
    def grant(text):
        return text.replace("note_taker: Zoe Brigth", "note_taker: Grant Bell").replace(
            "interviewer: Kasia Zielinska", "interviewer: Nowak, Anna")
    root = _study(tmp_path, note="INT-009-typo.md", transcript="INT-009.txt", as_name="INT-009.txt", edit=grant)
    said = [p for p in team_problems(load_study(root)) if "study.yml's team" in p.message]
    assert len(said) == 1 and said[0].line == 6 and "participant's name" in said[0].message
    assert "Grant" not in said[0].message and "Bell" not in said[0].message


# -- F12: a transcript's name written otherwise --------------------------------------------------

def _one_interview(study, iid="INT-008"):
    rows = study.interviews
    assert list(rows["interview_id"]) == [iid], list(rows["interview_id"])
    assert len(study.turns) == 4 and set(study.turns["participant"]) >= {"P-008"}
    assert not [p for p in study.problems if "no note in interviews/" in p.message]


@pytest.mark.parametrize("as_name, written, how", [
    ("int-008.VTT", "INT-008.vtt", "capitals"), ("INT-008.txt", "INT-008.vtt", "extension"),
    (unicodedata.normalize("NFD", "INT-008-café.vtt"), unicodedata.normalize("NFC", "INT-008-café.vtt"), "Unicode"),
    ("INT-008.vtt", '"INT-008.vtt "', "spaces"), ("INT-008.vtt", "transcripts\\\\INT-008.vtt", "backslash")])
def test_a_transcript_named_otherwise_is_read_once_with_a_warning(tmp_path, as_name, written, how):
    def name(text):
        return text.replace("transcript: INT-008.vtt", f"transcript: {written}")
    root = _study(tmp_path, as_name=as_name, edit=name)
    study = load_study(root)
    _one_interview(study)
    said = [p for p in study.problems if "is read from" in p.message]
    assert len(said) == 1 and said[0].line == 8 and how in said[0].message, [str(p) for p in study.problems]
    assert f"transcripts/{as_name}" in said[0].message and not [p for p in study.problems if p.is_error]


def test_two_files_that_fit_are_an_error_naming_both_and_no_second_interview(tmp_path):
    root = _study(tmp_path, as_name="int-008.VTT")
    shutil.copy(root / "transcripts" / "int-008.VTT", root / "transcripts" / "Int-008.vtt")
    study = load_study(root, strict=False)
    errors = [p for p in study.problems if p.is_error and "not found" in p.message]
    assert len(errors) == 1 and "transcripts/Int-008.vtt" in errors[0].message
    assert "transcripts/int-008.VTT" in errors[0].message
    assert list(study.interviews["interview_id"]) == ["INT-008"]


def test_a_note_without_transcript_line_finds_its_id_in_other_capitals(tmp_path):
    def bare(text):
        return text.replace("transcript: INT-008.vtt\n", "")
    root = _study(tmp_path, as_name="int-008.vtt", edit=bare)
    study = load_study(root)
    _one_interview(study)
    said = [p for p in study.problems if "no `transcript:` line" in p.message]
    assert len(said) == 1 and said[0].line == 2


@pytest.mark.slow
def test_check_says_it(tmp_path):
    root = _study(tmp_path, note="INT-009-typo.md", transcript="INT-009.txt", as_name="INT-009.txt")
    said = [str(p) for p in check_study(root) if "study.yml's team" in p.message]
    assert any(s.endswith("did you mean Zoe Bright?): tables/interviews.csv and the per-interviewer counts read "
                          "it as written; correct it, or add them to study.yml's `team`") and ":6:" in s for s in said)


def test_review_finds_the_note_of_a_transcript_named_in_other_capitals(tmp_path):
    from kit.review import _study_reading

    root = _study(tmp_path, as_name="int-008.VTT")
    _aliases, _roles, known, _team = _study_reading(root / "transcripts" / "int-008.VTT")
    assert "Grant Bell" in known  # the note's participant, read from INT-008.md
