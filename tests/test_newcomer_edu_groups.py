"""Group interviews and third speakers (session-9 newcomer, faults A 1, 2, 4, 6, 7, 13b).

Every speaker of a transcript counts for the person they are, in every transcript format: the
interviewer, each participant of a group interview (``participant: [P-006, P-007]``), an
observer, and a third person (a parent, an adviser, an interpreter) whose words count for no
participant, with a warning at their first line. A key quote counts for whoever said it, so a
non-consenting speaker's words never reach the shareable quotes. A study with a third speaker
never crashes ``themes`` (pandas 3 keeps ``None`` missing through ``astype(str)``)."""
import json
import shutil
from pathlib import Path

import pytest

from kit.speaker_roles import participant_label, speaker_listing
from kit.study import load_study
from kit.study_config import note_participants, speaker_owners, transcript_args

DATA = Path(__file__).resolve().parent / "data" / "newcomer-edu" / "groups"
PILOT = Path(__file__).resolve().parents[1] / "kit" / "data" / "pilot"

# interview -> (third speaker's label, the line of their first turn, the participant's label, id)
THIRD = {
    "INT-007": ("Mrs Carter", 7, "Ben Carter", "P-008"),      # Rev
    "INT-010": ("Mrs Rossi", 17, "Sofia Rossi", "P-010"),     # Teams .vtt (<v>)
    "INT-011": ("Dr Law", 17, "Omar Khan", "P-011"),          # Zoom .vtt (Label: text)
    "INT-012": ("Dr Law", 15, "Lucy Law", "P-012"),           # .srt, the adviser shares the surname
    "INT-013": ("Amira Haddad", 10, "Hannah Jones", "P-013"),  # Otter, an interpreter
    "INT-014": ("Mr Smith", 4, "Zara Smith", "P-014"),        # .docx
}


@pytest.fixture(scope="module")
def study_dir(tmp_path_factory):
    import docx

    root = tmp_path_factory.mktemp("groups") / "study"
    shutil.copytree(DATA / "study", root)
    document = docx.Document()
    for line in (DATA / "INT-014.docx.lines").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(root / "transcripts" / "INT-014.docx")
    return root


@pytest.fixture(scope="module")
def study(study_dir):
    return load_study(study_dir, strict=False)


def _turns(study, iid):
    turns = study.turns
    return turns[turns["interview_id"] == iid]


def _warnings_at(study, name):
    return [p for p in study.problems if Path(p.path).name == name]


# -- fault 1: the crash ------------------------------------------------------------------------
def test_themes_with_an_unmapped_third_speaker_does_not_crash(tmp_path):
    from kit.theme_discovery import discover_themes

    study = load_study(DATA / "repro", strict=False)
    chloe = _turns(study, "INT-006")
    assert set(chloe.loc[chloe["speaker"] == "Chloe", "participant"]) == {""}
    result = discover_themes(study)
    assert result.settings["n_passages"] > 0
    # the third speaker makes no person: every theme's voices are participants of the study
    assert set(result.passages.get("participant", [])) <= {"P-006", ""}


def test_themes_cli_on_the_repro_exits_0_and_a_bug_exits_4(tmp_path, monkeypatch, capsys):
    from kit.cli import main

    repro = tmp_path / "repro"
    shutil.copytree(DATA / "repro", repro)
    assert main(["themes", str(repro), "--out", str(tmp_path / "t")]) == 0
    assert (tmp_path / "t" / "suggested_codebook.yml").is_file()

    import kit.theme_discovery

    def broken(*args, **kwargs):
        raise ValueError("negative axis 0 index: -1")

    monkeypatch.setattr(kit.theme_discovery, "discover_themes", broken)
    capsys.readouterr()
    assert main(["themes", str(repro), "--out", str(tmp_path / "t2")]) == 4
    assert "internal error" in capsys.readouterr().err


# -- fault 4: a third person in every format ---------------------------------------------------
@pytest.mark.parametrize("iid", sorted(THIRD))
def test_a_third_person_counts_for_nobody_with_a_located_warning(study, iid):
    label, line, theirs, pid = THIRD[iid]
    turns = _turns(study, iid)
    assert set(turns.loc[turns["speaker"] == label, "participant"]) == {""}
    assert set(turns.loc[turns["speaker"] == theirs, "participant"]) == {pid}
    name = Path(study.interviews.set_index("interview_id").loc[iid, "transcript_path"]).name
    said = [p for p in _warnings_at(study, name) if repr(label) in p.message and "neither the team" in p.message]
    assert len(said) == 1 and said[0].line == line, _warnings_at(study, name)


def test_a_parent_sharing_the_surname_is_not_the_participant():
    words = {"Ben Carter": 30, "Mrs Carter": 40}
    assert participant_label(words, "Ben Carter") == ({"Ben Carter"}, "name")
    # alone, the family name still names the participant (as before)
    assert participant_label({"Mrs Okafor": 10, "Speaker 2": 50}, "Dana Okafor") == ({"Mrs Okafor"}, "name")
    assert participant_label({"Dana": 5, "Dana O.": 8, "Guest": 40}, "Dana Okafor")[0] == {"Dana", "Dana O."}


# -- fault 6: observers named in speakers: -----------------------------------------------------
def test_an_observer_named_in_speakers_is_their_own_turn(study):
    turns = _turns(study, "INT-006")
    ravi = turns[turns["speaker"] == "Ravi"]
    assert len(ravi) == 1 and ravi["text"].iloc[0].startswith("For me the worst part")
    assert set(ravi["role"]) == {"observer"} and set(ravi["participant"]) == {""}
    assert not any("Ravi:" in t for t in turns["text"])
    assert not any("looks like a speaker label" in p.message for p in _warnings_at(study, "INT-006.txt"))


def test_speakers_labels_and_roster_names_are_known_to_the_reader():
    front = {"participant": ["P-006", "P-007"], "speakers": {"Ravi": "observer", "Chloe": "P-007", "S1": "Dana"}}
    aliases, roles, known = transcript_args({}, front, {"P-006": "Ahmed Hassan", "P-007": "Chloe Martin"})
    assert {"Ravi", "Chloe", "S1", "Ahmed Hassan", "Ahmed", "Chloe Martin"} <= set(known)
    assert roles == {"ravi": "observer", "chloe": "participant"} and aliases == {"S1": "Dana"}


# -- fault 2: a key quote is whoever said it ---------------------------------------------------
def test_an_observers_words_never_reach_the_shareable_quotes(study):
    from kit.quotes import shareable_quotes

    quotes = study.quotes.set_index("segment_id")
    assert quotes.loc["INT-006#q2", "participant"] == ""  # Chloe's, an observer's
    assert quotes.loc["INT-006#q1", "participant"] == "P-006"
    assert quotes.loc["INT-007#q2", "participant"] == ""  # Mrs Carter's
    shared = shareable_quotes(study)
    assert not shared["text"].str.contains("timed out twice|he thought he'd failed").any()
    assert "INT-006#q1" in set(shared["segment_id"])
    located = [p for p in _warnings_at(study, "INT-006.md") if "key quote is the words of" in p.message]
    assert [p.line for p in located] == [12]


# -- fault 7: group interviews -----------------------------------------------------------------
def test_a_group_note_names_several_participants(study):
    assert not any("single value" in p.message for p in study.problems)
    turns = _turns(study, "INT-020")
    owner = dict(zip(turns["speaker"], turns["participant"]))
    assert owner == {"Priya Natarajan": "", "Ahmed": "P-006", "Chloe": "P-007", "Ravi": ""}
    quotes = study.quotes.set_index("segment_id")
    assert quotes.loc["INT-020#q1", "participant"] == "P-006"
    assert quotes.loc["INT-020#q2", "participant"] == "P-007"
    assert not bool(quotes.loc["INT-020#q2", "consent_quote"])  # P-007 gave no consent


def test_consent_is_per_person_in_a_group(study):
    from kit.privacy import unquotable
    from kit.quotes import shareable_quotes

    shared = shareable_quotes(study)
    assert "INT-020#q1" in set(shared["segment_id"]) and "INT-020#q2" not in set(shared["segment_id"])
    words = unquotable(study)
    chloe = _turns(study, "INT-020")
    said = chloe.loc[chloe["speaker"] == "Chloe", "text"].iloc[0]
    assert "[not quoted]" in words.withhold(said)
    ahmed = chloe.loc[chloe["speaker"] == "Ahmed", "text"].iloc[0]
    assert words.withhold(ahmed) == ahmed


def test_a_group_by_roster_names_and_a_relative_in_the_room(study):
    turns = _turns(study, "INT-021")
    owner = dict(zip(turns["speaker"], turns["participant"]))
    assert owner == {"Priya Natarajan": "", "Chloe Martin": "P-007", "Ahmed Hassan": "P-006", "Mr Hassan": ""}
    said = [p for p in _warnings_at(study, "INT-021.vtt") if "'Mr Hassan'" in p.message]
    assert len(said) == 1 and said[0].line == 13
    quotes = study.quotes.set_index("segment_id")
    assert list(quotes.loc[["INT-021#q1", "INT-021#q2"], "participant"]) == ["P-006", "P-007"]
    # the group's people: both participants count, the relative does not
    from kit.schema import person

    people = set(person(turns)) - {None}
    assert people == {"P-006", "P-007"}


def test_a_speaker_mapped_to_another_participant_id_counts_for_them(tmp_path):
    root = tmp_path / "study"
    shutil.copytree(DATA / "study", root)
    note = root / "interviews" / "INT-006.md"
    note.write_text(note.read_text(encoding="utf-8").replace("Chloe: observer", "Chloe: P-007"), encoding="utf-8")
    study = load_study(root, strict=False)
    turns = _turns(study, "INT-006")
    assert set(turns.loc[turns["speaker"] == "Chloe", "participant"]) == {"P-007"}
    assert study.quotes.set_index("segment_id").loc["INT-006#q2", "participant"] == "P-007"
    assert speaker_owners({"participant": "P-006", "speakers": {"Chloe": "P-007", "S1": "Dana"}}) == {"chloe": "P-007"}


def test_a_group_quote_found_in_no_turn_counts_for_nobody(tmp_path):
    root = tmp_path / "study"
    shutil.copytree(DATA / "study", root)
    note = root / "interviews" / "INT-020.md"
    note.write_text(note.read_text(encoding="utf-8").replace("Only one person can upload for the group",
                                                             "One of us uploads for everyone"), encoding="utf-8")
    study = load_study(root, strict=False)
    assert study.quotes.set_index("segment_id").loc["INT-020#q1", "participant"] == ""
    said = [p for p in _warnings_at(study, "INT-020.md") if "not found in the transcript" in p.message]
    assert [p.line for p in said] == [11]


def test_note_participants_reads_one_or_several():
    assert note_participants({"participant": "P-004"}) == ["P-004"]
    assert note_participants({"participant": ["P-006", "P-007", "P-006"]}) == ["P-006", "P-007"]
    assert note_participants({}) == []


def test_single_participant_notes_keep_every_quote_and_turn_as_before():
    study = load_study(PILOT, strict=False)
    of = dict(zip(study.interviews["interview_id"], study.interviews["participant"]))
    assert all(of[i] == p for i, p in zip(study.quotes["interview_id"], study.quotes["participant"]))
    turns = study.turns[study.turns["role"] == "participant"]
    assert (turns["participant"] == turns["interview_id"].map(of)).all()
    assert not any("key quote" in p.message for p in study.problems)


# -- fault 13b: review lists speakers by role and participant id -------------------------------
def test_review_lists_speakers_by_role_and_id(study_dir):
    from kit.cli.review import review_command

    text, code = review_command([study_dir / "transcripts"], as_json=True)
    results = {Path(r["path"]).stem: r for r in json.loads(text) if "participants" in r}
    assert results["INT-006"]["participants"] == ["P-006", "observer", "observer 2"]
    assert results["INT-007"]["participants"] == ["P-008", "other speaker (no participant)"]
    assert results["INT-020"]["participants"] == ["P-006", "P-007", "observer"]
    assert not any("(2)" in s for r in results.values() for s in r["participants"])


def test_speaker_listing_names_nobody():
    turns = {"speaker": ["I", "Ana", "Bo", "Cy", "Ana"], "role": ["interviewer", "participant", "observer",
                                                                 "participant", "participant"],
             "participant": ["", "P-1", "", "", "P-1"]}
    assert speaker_listing(turns) == {"I": "interviewer", "Ana": "P-1", "Bo": "observer",
                                      "Cy": "other speaker (no participant)"}


def test_a_label_read_as_text_is_hidden_in_published_problem_tables(tmp_path):
    from kit.capture import problem_table

    root = tmp_path / "study"
    shutil.copytree(DATA / "study", root)
    note = root / "interviews" / "INT-006.md"
    note.write_text(note.read_text(encoding="utf-8").replace("speakers: {Ahmed: participant, Chloe: observer, "
                                                             "Ravi: observer}\n", ""), encoding="utf-8")
    study = load_study(root, strict=False)
    raw = problem_table(study, include_names=True)
    assert raw["message"].str.contains("'Ravi:' looks like a speaker label").any()
    shown = problem_table(study)
    assert not shown["message"].str.contains("Ravi").any()
    assert shown["message"].str.contains("looks like a speaker label").any()


def test_a_group_participant_is_one_of_the_people_interviewed(study):
    from kit.themes import n_participants

    # 8 on the roster, every one interviewed; P-007 is named only by the group notes (not the interviews' row)
    assert "P-007" not in set(study.interviews["participant"])
    assert n_participants(study) == 8


def test_a_guessed_interviewer_is_located_at_their_first_turn(tmp_path):
    root = tmp_path / "study"
    shutil.copytree(DATA / "repro", root)
    note = root / "interviews" / "INT-006.md"
    note.write_text(note.read_text(encoding="utf-8").replace("interviewer: Priya\n", ""), encoding="utf-8")
    study = load_study(root, strict=False)
    guessed = [p for p in study.problems if "no speaker is a known interviewer" in p.message]
    assert len(guessed) == 1 and guessed[0].line == 1  # "Priya: Tell me about..." is line 1


@pytest.mark.slow
def test_run_with_groups_and_third_speakers_publishes_no_observers_words(tmp_path):
    import csv

    from kit.cli import main

    root = tmp_path / "study"
    shutil.copytree(DATA / "study", root)
    assert main(["run", str(root), "--out", str(tmp_path / "report")]) == 0
    with open(tmp_path / "report" / "tables" / "shareable_quotes.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["segment_id"] for r in rows} >= {"INT-006#q1", "INT-020#q1", "INT-021#q1"}
    assert not {"INT-006#q2", "INT-007#q2", "INT-020#q2", "INT-021#q2"} & {r["segment_id"] for r in rows}
    assert {r["participant"] for r in rows if r["segment_id"].startswith("INT-02")} == {"P-006"}


def test_a_speaker_labelled_by_another_persons_role_is_not_the_participant(tmp_path):
    root = tmp_path / "study"
    shutil.copytree(DATA / "repro", root)
    (root / "transcripts" / "INT-006.txt").write_text(
        "Priya: Tell me about the last time you submitted group coursework.\n"
        "Student: I uploaded it at midnight and it failed.\n"
        "Parent: I was there, and honestly the whole household was up until two in the morning trying to "
        "get the upload to work on three different laptops while the portal kept timing out.\n"
        "Priya: What happened next?\n"
        "Student: I emailed it to my tutor.\n", encoding="utf-8")
    study = load_study(root, strict=False)
    owner = dict(zip(study.turns["speaker"], study.turns["participant"]))
    assert owner["Student"] == "P-006" and owner["Parent"] == ""
    said = [p for p in study.problems if "'Parent'" in p.message and "neither the team" in p.message]
    assert len(said) == 1 and said[0].line == 3


def test_when_every_other_label_names_someone_elses_role_none_is_the_participant(tmp_path):
    root = tmp_path / "study"
    shutil.copytree(DATA / "repro", root)
    (root / "transcripts" / "INT-006.txt").write_text(
        "Priya: Tell me about the last time you submitted group coursework.\n"
        "Parent: She uploaded it at midnight and it failed.\n"
        "Interpreter: She says she emailed it to her tutor afterwards, and the tutor accepted it late.\n",
        encoding="utf-8")
    study = load_study(root, strict=False)
    assert set(study.turns["participant"]) == {""}
    said = sorted(p.line for p in study.problems if "neither the team" in p.message)
    assert said == [2, 3]
    assert participant_label({"Parent": 10, "Interpreter": 50}, "") == (set(), "roles")


def test_a_speakers_label_in_other_capitals_is_still_known(tmp_path):
    root = tmp_path / "study"
    shutil.copytree(DATA / "study", root)
    note = root / "interviews" / "INT-006.md"
    note.write_text(note.read_text(encoding="utf-8").replace("Ravi: observer", "ravi: observer"), encoding="utf-8")
    turns = _turns(load_study(root, strict=False), "INT-006")
    assert list(turns.loc[turns["speaker"] == "Ravi", "role"]) == ["observer"]
