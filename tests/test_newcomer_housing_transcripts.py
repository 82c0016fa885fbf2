"""Transcripts and speakers of the session-10 newcomer's housing study (faults T1-T4).

T1: a speaker whose name is also a word (``Will``, ``Said``, ``Can``, ``Sunday``...) is a
speaker in the header position of every format, and a header line that recurs is never folded
into the text above unreported. T2: a label used once that names a relative or a helper
(``Daughter:``) is a third speaker's turn, counting for nobody, with a warning at its line.
T3: a third speaker's turns say so in turns' ``role``, and messages never call a role a name.
T4: a paragraph in another script inside a turn is judged on its own.
Nothing is lost: every line said is in a turn or in a located warning."""
import shutil
from pathlib import Path

import pytest

from kit.speaker_roles import third_role
from kit.study import load_study
from kit.transcripts import parse_transcript, read_transcript
from transcript_helpers import every_format

DATA = Path(__file__).resolve().parent / "data" / "newcomer-housing" / "transcripts"

# names that are also words: modals, verbs, months, weekdays, virtues, flowers, seasons
WORD_NAMES = ["Will", "May", "June", "Grace", "Hope", "Bill", "Rose", "Summer", "Mark", "Sunday", "Said", "Can",
              "So", "Do", "March", "April", "Faith", "Joy", "Guy", "Will Smith", "Said Ahmed", "Can Yilmaz"]


CASES = [(name, fmt, text) for name in WORD_NAMES for fmt, text in every_format(name)]


@pytest.mark.parametrize("name, fmt, text", CASES, ids=[f"{c[1]}-{c[0]}" for c in CASES])
def test_a_name_that_is_a_word_is_a_speaker_in_every_header_position(name, fmt, text):
    turns = parse_transcript(text, "t.txt")
    assert list(turns["speaker"]) == ["Priya Shah", name, "Priya Shah", name], fmt
    assert list(turns["text"]) == ["Tell me about it.", "The boiler broke.", "What next?", "Nobody came."]


@pytest.mark.parametrize("name", ["Will", "Mark"])
def test_the_newcomers_otter_files_read_alike(name):
    """otter-will.txt lost the tenant's turns into the interviewer's ("Will 0:05 ..." in the text)."""
    turns = read_transcript(DATA / f"otter-{name.lower()}.txt")
    assert list(turns["speaker"]) == ["Priya Shah", name, "Priya Shah", name]
    assert list(turns["start"]) == [0.0, 5.0, 12.0, 15.0]
    assert not any("0:0" in t or "0:1" in t for t in turns["text"])
    assert turns.attrs["problems"] == []


def test_a_recurring_header_that_fails_the_name_test_is_read_as_a_header_with_a_warning():
    """A header whose name holds a function word (``The Boss``) that heads several lines is a
    speaker (warned); the same line once stays text, warned at its line: never silently folded."""
    text = ("Priya Shah  0:00\nTell me about it.\n\nThe Boss  0:05\nThe boiler broke.\n\n"
            "Priya Shah  0:12\nWhat next?\n\nThe Boss  0:15\nNobody came.\n")
    turns = parse_transcript(text, "t.txt")
    assert list(turns["speaker"]) == ["Priya Shah", "The Boss", "Priya Shah", "The Boss"]
    warned = [p for p in turns.attrs["problems"] if "heads 2 lines" in p.message]
    assert len(warned) == 1 and warned[0].line == 4
    once = parse_transcript("Priya Shah  0:00\nTell me about it.\n\nThe Boss  0:05\nThe boiler broke.\n\n"
                            "Priya Shah  0:12\nWhat next?\n\nDana  0:15\nNobody came.\n", "t.txt")
    assert "The Boss 0:05" in once["text"][0]
    assert [p.line for p in once.attrs["problems"] if "looks like a speaker's header" in p.message] == [4]


@pytest.mark.parametrize("fmt", ["plain", "plain-paragraphs", "vtt-label", "srt"])
def test_a_recurring_label_that_is_no_name_is_never_folded_unreported(fmt):
    """``The Boss:`` on two lines does not look like a name: its lines stay text, with a warning."""
    text = dict(every_format("The Boss"))[fmt]
    turns = parse_transcript(text, "t.txt")
    said = " ".join(turns["text"])
    assert "The boiler broke." in said and "Nobody came." in said
    assert "The Boss" not in set(turns["speaker"]) and "The Boss:" in said
    assert [p for p in turns.attrs["problems"] if "starts 2 lines" in p.message]


def test_a_heading_word_once_is_still_no_speaker():
    """``Monday: it failed.`` once inside an answer stays the answer's text (documented)."""
    turns = parse_transcript("Priya Shah: What happened?\nDana: A lot.\nMonday: it failed.\nPriya Shah: And?\n"
                             "Dana: Nothing.\n", "t.txt")
    assert list(turns["speaker"]) == ["Priya Shah", "Dana", "Priya Shah", "Dana"]
    assert "Monday: it failed." in turns["text"][1]


# -- T2: a relative or helper speaking once --------------------------------------------------
ROLES = ["Daughter", "Son", "Wife", "Husband", "Partner", "Mother", "Father", "Mum", "Dad", "Carer",
         "Support worker", "Support Worker", "Interpreter", "Friend", "Neighbour", "Neighbor", "Advocate",
         "Social worker", "Grandson", "Granddaughter", "Sister", "Brother", "Aunt", "Uncle", "Nephew", "Niece",
         "Key worker", "Flatmate", "My daughter", "Her son", "His carer", "The interpreter", "Daughter (Anna's)"]


def _once(label, fmt):
    said = "She means I used the app. My daughter did it for me."
    if fmt == "plain":
        return (f"Interviewer: Tell me about the repair.\nAnna: The lift was fixed after I used the app.\n"
                f"{label}: {said}\nAnna: Yes, that is right.\nInterviewer: What happened next?\nAnna: A text came.\n")
    if fmt == "vtt":
        cues = [("Interviewer", "Tell me about the repair."), ("Anna", "The lift was fixed after I used the app."),
                (label, said), ("Anna", "Yes, that is right."), ("Interviewer", "What happened next?"),
                ("Anna", "A text came.")]
        return "WEBVTT\n\n" + "".join(f"00:00:{2 * k:02d}.000 --> 00:00:{2 * k + 1:02d}.000\n{who}: {what}\n\n"
                                      for k, (who, what) in enumerate(cues))
    return ("Interviewer  0:00\nTell me about the repair.\n\nAnna  0:03\nThe lift was fixed after I used the app.\n\n"
            f"{label}  0:09\n{said}\n\nAnna  0:15\nYes, that is right.\n\nInterviewer  0:20\nWhat happened next?\n\n"
            "Anna  0:24\nA text came.\n")


@pytest.mark.parametrize("fmt", ["plain", "vtt", "otter"])
@pytest.mark.parametrize("label", ROLES)
def test_a_relative_or_helper_speaking_once_is_a_third_speakers_turn(label, fmt):
    assert third_role(label)
    turns = parse_transcript(_once(label, fmt), "t.txt")
    assert list(turns["speaker"])[:4] == ["Interviewer", "Anna", label, "Anna"]
    assert turns["text"][2] == "She means I used the app. My daughter did it for me."
    assert "daughter did it" not in " ".join(turns["text"][[1, 3]])
    if fmt == "plain":
        warned = [p for p in turns.attrs["problems"] if "names someone else's role" in p.message]
        assert [p.line for p in warned] == [3]


def test_a_named_role_in_the_note_is_never_re_judged():
    """``speakers: {Daughter: participant}``: the note says these are the participant's words."""
    turns = parse_transcript(_once("Daughter", "plain"), "t.txt", speakers=["Daughter"])
    assert "names someone else's role" not in " ".join(p.message for p in turns.attrs["problems"])


def test_words_that_are_not_roles_are_no_third_role():
    for label in ("Anna", "Mark", "Will", "Priya Shah", "Grace Kowalski", "Sonia", "Fran", "Mason", "Dadi"):
        assert not third_role(label), label


# -- the newcomer's study ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def study(tmp_path_factory):
    root = tmp_path_factory.mktemp("housing") / "study"
    shutil.copytree(DATA / "study", root)
    return load_study(root, strict=False)


def _turns(study, iid):
    turns = study.turns
    return turns[turns["interview_id"] == iid].reset_index(drop=True)


def test_the_daughters_words_count_for_nobody(study):
    turns = _turns(study, "INT-007")
    daughter = turns[turns["speaker"] == "Daughter"]
    assert len(daughter) == 1 and daughter["participant"].iloc[0] == ""
    assert daughter["text"].iloc[0].startswith("She means I used the app.")
    anna = turns[turns["participant"] == "P-007"]
    assert not anna["text"].str.contains("She means").any()
    lines = sorted(p.line for p in study.problems if p.path.endswith("INT-007.txt"))
    assert lines and set(lines) == {3}


def test_every_line_of_the_newcomers_transcripts_is_in_a_turn_or_a_warning(study):
    """Nothing silently lost: each non-blank line's words are in the turns or a warning names its line."""
    for path in sorted((DATA / "study" / "transcripts").iterdir()):
        iid = {"Bill Nowak call 06-11 (1).txt": "INT-003"}.get(path.name, path.stem)
        said = " ".join(_turns(study, iid)["text"])
        warned = {p.line for p in study.problems if Path(p.path).name == path.name}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            words = line.split(":", 1)[-1].strip() if ":" in line and "-->" not in line else line.strip()
            if not words or line.strip().isdigit() or "-->" in line or line.startswith("WEBVTT") \
                    or _header(line):
                continue
            words = words.replace("<v ", "").split(">", 1)[-1].replace("</v", "").rstrip(">").strip()
            assert words in said or n in warned, (path.name, n, line)


def _header(line):
    import re

    return re.fullmatch(r"[\w .]+?\s+\d+:\d\d", line.strip()) is not None or re.fullmatch(
        r"[\w .]+\(\d\d:\d\d\):", line.strip()) is not None


# -- T3: a third speaker's role ---------------------------------------------------------------
def test_a_third_speakers_turns_carry_the_role_other(study):
    turns = study.turns
    third = turns[turns["speaker"].isin(["Interpreter", "Jane (support worker)", "Daughter"])]
    assert set(third["interview_id"]) == {"INT-002", "INT-006", "INT-007"}
    assert set(third["role"]) == {"other"} and set(third["participant"]) == {""}
    # the participants keep theirs
    assert set(turns.loc[turns["speaker"].isin(["Hope", "Mohamed Ali", "Anna"]), "role"]) == {"participant"}
    # still analysable text, counting for nobody
    seg = study.segments()
    assert seg.loc[seg["kind"] == "turn"].merge(third[["segment_id"]]).shape[0] == len(third)


def test_no_message_calls_a_role_a_name(study):
    """`speakers: {Interpreter: interpreter}` made 'interpreter' an alias (a name) and warned that
    the speaker 'interpreter' was neither the team nor the participant."""
    said = [p.message for p in study.problems if "INT-002" in p.path or "INT-006" in p.path]
    assert not [m for m in said if "'interpreter'" in m or "'support worker'" in m or "neither the team" in m], said


@pytest.mark.parametrize("value, role", [("interpreter", "other"), ("Interpreter", "other"), ("support worker", "other"),
                                         ("Daughter", "other"), ("other", "other"), ("social  worker", "other"),
                                         ("observer", "observer"), ("Participant", "participant"),
                                         ("interviewer", "interviewer"), ("P-002", None), ("Priya Shah", None),
                                         ("Jane Doe", None)])
def test_a_speakers_value_naming_a_role_is_that_role(value, role):
    from kit.study_config import speaker_role, transcript_args

    assert speaker_role(value) == role
    aliases, roles, _known = transcript_args({}, {"participant": "P-002", "speakers": {"Jo": value}})
    mapped = "participant" if value == "P-002" else role  # a participant id: that participant's label
    assert roles.get("jo") == mapped and ("Jo" in aliases) == (mapped is None)


def test_shared_outputs_name_a_third_speaker_by_role_not_label():
    import pandas as pd

    from kit.analyze import public_speakers
    from kit.qdpx import _speakers

    turns = pd.DataFrame({"speaker": ["Priya Shah", "Hope", "Jane (support worker)"],
                          "role": ["interviewer", "participant", "other"], "participant": ["", "P-002", ""]})
    assert list(public_speakers(turns)) == ["Priya Shah", "P-002", "other speaker"]
    assert list(_speakers(turns, False)) == ["Priya Shah", "P-002", "other speaker"]


# -- T4: a passage in another script inside a turn ----------------------------------------------
URDU = "میں نے تین بار فون کیا لیکن کسی نے جواب نہیں دیا۔"
OTHER_SCRIPTS = [URDU, "Я звонила три раза, но никто не ответил.", "Τηλεφώνησα τρεις φορές αλλά κανείς δεν απάντησε.",
                 "मैंने तीन बार फ़ोन किया लेकिन किसी ने जवाब नहीं दिया।", "התקשרתי שלוש פעמים ואף אחד לא ענה."]


@pytest.mark.parametrize("other", OTHER_SCRIPTS)
@pytest.mark.parametrize("layout", ["label-after-blank", "continuation", "same-line", "vtt-cues"])
def test_a_passage_in_another_script_is_a_turn_of_its_own(other, layout):
    english = "The officer never called me back about the noise."
    if layout == "label-after-blank":
        text = f"Priya Shah: What happened?\nRose: {english}\n\nRose: {other}\nPriya Shah: And then?\nRose: Nothing.\n"
    elif layout == "continuation":
        text = f"Priya Shah: What happened?\nRose: {english}\n{other}\nPriya Shah: And then?\nRose: Nothing.\n"
    elif layout == "same-line":
        text = f"Priya Shah: What happened?\nRose: {english} {other}\nPriya Shah: And then?\nRose: Nothing.\n"
    else:
        cues = [("Priya Shah", "What happened?"), ("Rose", english), ("Rose", other), ("Priya Shah", "And then?"),
                ("Rose", "Nothing.")]
        text = "WEBVTT\n\n" + "".join(f"00:00:{2 * k:02d}.000 --> 00:00:{2 * k + 1:02d}.000\n{who}: {what}\n\n"
                                      for k, (who, what) in enumerate(cues))
    turns = parse_transcript(text, "t.txt")
    assert list(turns["speaker"]) == ["Priya Shah", "Rose", "Rose", "Priya Shah", "Rose"]
    assert list(turns["text"][1:3]) == [english, other]
    assert [p for p in turns.attrs["problems"] if "another script" in p.message or "script inside" in p.message]


@pytest.mark.parametrize("text", ["I went to the مسجد near my flat.", "Grace Kowalski said Tak, córka mi pomogła.",
                                  "My name is Грейс, I called twice."])
def test_a_word_or_two_in_another_script_stays_in_the_turn(text):
    turns = parse_transcript(f"Priya Shah: What happened?\nRose: {text}\n", "t.txt")
    assert list(turns["text"]) == ["What happened?", text]


def test_the_newcomers_urdu_paragraph_is_its_own_turn(study):
    turns = _turns(study, "INT-004")
    urdu = turns[turns["text"].str.startswith("میں نے")]
    assert len(urdu) == 1 and urdu["participant"].iloc[0] == "P-004"
    assert not turns.loc[turns["text"].str.startswith("The officer"), "text"].iloc[0].count("میں")
    assert [p.line for p in study.problems if p.path.endswith("INT-004.txt") and "script" in p.message] == [6]
