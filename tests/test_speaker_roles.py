"""A third speaker in an interview is not the participant (kit.speaker_roles): their turns
belong to no participant, published outputs withhold their words, and check reports them."""
import shutil
from pathlib import Path

from kit.speaker_roles import participant_label

PILOT = Path(__file__).resolve().parents[1] / "kit" / "data" / "pilot"
VISITOR = """
90
00:05:02.000 --> 00:05:10.000
Dave Brennan: Sorry to barge in, the accountant rang about the invoice that bounced in March.

91
00:05:11.000 --> 00:05:15.000
Dave Brennan: I'll tell her you're in a call, carry on with the lovely people.
"""


def _study_with_visitor(tmp_path, note_speakers=None):
    root = tmp_path / "study"
    shutil.copytree(PILOT, root)
    vtt = root / "transcripts" / "INT-001.vtt"
    vtt.write_text(vtt.read_text(encoding="utf-8") + VISITOR, encoding="utf-8")
    if note_speakers:
        note = root / "interviews" / "INT-001.md"
        text = note.read_text(encoding="utf-8")
        note.write_text(text.replace('speakers: {"Maya C.": interviewer}', note_speakers), encoding="utf-8")
    return root, vtt


def test_a_visitor_is_nobodys_participant_and_their_words_are_withheld(tmp_path):
    from kit.privacy import unquotable
    from kit.study import load_study

    root, vtt = _study_with_visitor(tmp_path)
    study = load_study(root, strict=False)
    turns = study.turns[study.turns["interview_id"] == "INT-001"]
    who = dict(zip(turns["speaker"], turns["participant"]))
    assert who["Dana Okafor"] == "P-002" and who["Dave Brennan"] == ""
    line = vtt.read_text(encoding="utf-8").splitlines().index(
        "Dave Brennan: Sorry to barge in, the accountant rang about the invoice that bounced in March.") + 1
    (problem,) = [p for p in study.problems if "Dave Brennan" in p.message]
    assert (Path(problem.path).name, problem.line, problem.level) == ("INT-001.vtt", line, "warning")
    assert "P-002 is read as 'Dana Okafor', the label that names them by their roster name" in problem.message
    assert unquotable(study).spans("the accountant rang about the invoice that bounced in March")
    # Dana consented: her own words are not withheld
    dana = turns[turns["speaker"] == "Dana Okafor"]["text"].iloc[1]
    assert not unquotable(study).spans(dana)


def test_the_notes_speakers_line_decides_and_the_rest_are_reported(tmp_path):
    from kit.study import load_study

    root, _ = _study_with_visitor(
        tmp_path, 'speakers: {"Maya C.": interviewer, "Dave Brennan": participant}')
    study = load_study(root, strict=False)
    turns = study.turns[study.turns["interview_id"] == "INT-001"]
    who = dict(zip(turns["speaker"], turns["participant"]))
    assert who["Dave Brennan"] == "P-002" and who["Dana Okafor"] == ""
    assert any("'Dana Okafor' is neither" in p.message
               and "P-002 is read as 'Dave Brennan', the label the note's `speakers:` names" in p.message
               for p in study.problems)


def test_participant_label_by_name_then_by_most_words():
    words = {"Speaker 2": 120, "Speaker 3": 15}
    assert participant_label(words, "") == ({"Speaker 2"}, "most words")
    assert participant_label({"Mary-Jane Hope": 40, "MJ Hope": 12, "Sam": 60}, "Mary-Jane Hope") == (
        {"Mary-Jane Hope", "MJ Hope"}, "name")
    # accents and case do not matter
    assert participant_label({"JOSE PENA": 3, "Ana": 90}, "José Peña") == ({"JOSE PENA"}, "name")
    assert participant_label({"Ana": 5}, "Bo") == ({"Ana"}, "only")
    assert participant_label({}, "Bo") == (set(), "")


def test_a_transcript_no_note_names_is_a_located_warning(tmp_path):
    from kit.check import check_study

    root = tmp_path / "study"
    shutil.copytree(PILOT, root)
    (root / "transcripts" / "walkin.txt").write_text(
        "Interviewer: Tell me about the last pallet you unloaded.\nVisitor: It tipped over at the ramp.\n",
        encoding="utf-8")
    (problem,) = [p for p in check_study(root) if p.path.endswith("walkin.txt")]
    assert (problem.line, problem.level) == (1, "warning") and "no note in interviews/ names" in problem.message
