"""Speaker labels in every script (session-10 attacker fault A4).

Labels whose letters carry combining marks (Devanagari ``राहुल:``, ``प्रिया शर्मा:``, Bengali,
Tamil, Thai, Arabic or Hebrew with vowel points) were not labels: Python's ``\\w`` does not match a
mark, so the label pattern failed in the middle of the name and the line was merged into the
previous speaker's turn, unreported. Every label pattern of the readers (plain, VTT ``Name:``
cues and ``<v>``, SRT, Otter and Rev headers, Teams' name lines; fast paths and general reader)
now accepts a name's letters with their marks (kit.transcript_letters), and a label in any
script is a label, or a located warning, exactly as a Latin one is. The script-passage split
(kit.transcript_scripts) never warns about a passage of the turn's own script and never cuts a
label from its text."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import kit.transcript_lines as transcript_lines
import kit.transcripts as transcripts
from kit.speaker_roles import participant_label, plain_label
from kit.transcript_letters import MARKS, NOT_WORD, WORD, starts_like_name
from kit.transcript_scripts import own_script, split_by_script
from kit.transcripts import parse_transcript, read_transcript
from transcript_helpers import every_format

DATA = Path(__file__).resolve().parent / "data" / "attack-s10-labels"

# the case's labels, in file order, and a Latin name standing for each
CASE = ["Interviewer", "राहुल", "प्रिया शर्मा", "محمد", "דוד", "สมชาย", "王伟", "Дмитрий", "Ελένη", "김민준", "Kwame"]
LATIN = ["Interviewer", "Rahul", "Priya Sharma", "Mohammed", "David", "Somchai", "Wang Wei", "Dmitry", "Eleni",
         "Minjun", "Kwame"]
# more names written with combining marks: Bengali, Tamil, Thai (tone and vowel marks), Arabic and
# Hebrew with vowel points, Gurmukhi, Kannada, Sinhala, Telugu, Malayalam, Vietnamese, a decomposed é
MARKED = ["সৌমিত্র", "முருகன்", "สมศักดิ์", "مُحَمَّد", "דָּוִד", "ਹਰਪ੍ਰੀਤ", "ಕಾವ್ಯಾ", "සුනිල්", "వెంకట్", "ശ്രീദേവി",
          "Nguyễn Thị", "Jose\u0301 Pen\u0303a", "ジョン・スミス", "علی\u200cرضا",
          "𑄌𑄋𑄴𑄟𑄳𑄠"]  # Japanese with its middle dot, Persian with a zero-width non-joiner, Chakma (marks beyond U+FFFF)
NAMES = CASE[1:10] + MARKED


def _script_warnings(problems):
    return [p for p in problems if "script inside a turn" in p.message]


# -- the attacker's files -------------------------------------------------------------------------
@pytest.mark.parametrize("ext", ["vtt", "srt"])
def test_every_caption_label_of_the_case_is_its_speakers_turn(ext):
    turns = read_transcript(DATA / "transcripts" / f"labels.{ext}")
    assert list(turns["speaker"]) == CASE
    assert list(turns["text"]) == [f"line {k} spoken by {name}." for k, name in enumerate(CASE)]
    assert turns.attrs["problems"] == []


def test_the_plain_case_reads_as_its_latin_twin():
    """labels.txt uses every label once: as with Latin labels, the first line's label and the
    first name used (two speakers at least) are speakers, every other label is a speaker of its
    own (session 11: never folded into the turn above) with a warning at its line; no
    script-passage warning, no cut."""
    path = DATA / "transcripts" / "labels.txt"
    turns = read_transcript(path)
    text = path.read_text(encoding="utf-8")
    for name, latin in zip(CASE, LATIN):
        text = text.replace(name, latin)
    twin = parse_transcript(text, str(path))

    def latinised(value):
        for name, latin in zip(CASE, LATIN):
            value = value.replace(name, latin)
        return value

    assert [latinised(s) for s in turns["speaker"]] == list(twin["speaker"]) == LATIN
    assert [latinised(t) for t in turns["text"]] == list(twin["text"])
    assert list(turns["text"]) == [f"line {k} spoken by {name}." for k, name in enumerate(CASE)]
    problems = turns.attrs["problems"]
    assert [(p.line, p.level, latinised(p.message)) for p in problems] == [
        (p.line, p.level, p.message) for p in twin.attrs["problems"]]
    assert [p.line for p in problems] == list(range(3, 12))
    for p, name in zip(problems, CASE[2:]):
        assert p.message.startswith(f"'{name}:' looks like a speaker label but is used only once")
    assert not _script_warnings(problems)


def test_the_plain_case_with_every_label_used_twice_gives_each_line_its_speaker():
    lines = (DATA / "transcripts" / "labels.txt").read_text(encoding="utf-8").splitlines()
    turns = parse_transcript("\n".join(lines + lines) + "\n", "t.txt")
    assert list(turns["speaker"]) == CASE + CASE
    assert list(turns["text"]) == 2 * [f"line {k} spoken by {name}." for k, name in enumerate(CASE)]
    assert turns.attrs["problems"] == []


@pytest.mark.parametrize("name", ["devanagari", "hebrew", "arabic", "latin"])
def test_the_named_files_participants_are_speakers(name):
    label = {"devanagari": "प्रिया शर्मा", "hebrew": "דוד", "arabic": "محمد", "latin": "Siobhán"}[name]
    turns = read_transcript(DATA / "name-filenames" / "transcripts" / f"{name}.vtt")
    assert list(turns["speaker"]) == ["Interviewer", label]
    assert turns["text"].iloc[1].startswith("It was late")
    assert [(p.line, "timing line" in p.message) for p in turns.attrs["problems"]] == [(4, True)]


# -- every format, every script ---------------------------------------------------------------------
class _Forgetful(dict):
    def __setitem__(self, key, value):
        pass


def _general(m):
    """Every short path off (as tests/test_speed_s9_parse.py): every line read one by one."""
    m.setattr(transcripts, "paragraph_turns", lambda text, forced, aliases: None)
    m.setattr(transcripts, "known_format", lambda text: None)
    m.setattr(transcripts, "header_lines", lambda lines, fmt: [bool(s) for s in lines])
    m.setattr(transcripts, "_STAMPS", _Forgetful())
    m.setattr(transcript_lines, "boilerplate_found", transcript_lines.found_one_by_one)
    m.setattr(transcript_lines, "has_marker", lambda text: True)
    m.setattr(transcripts, "quick_text", lambda text: False)
    m.setattr(transcripts, "caption_items", lambda text, fmt: None)
    m.setattr(transcripts, "plain_lines_only", lambda text: False)


def _outcome(text):
    columns, fmt, problems = transcripts.parse_turns(text, "t.txt", None)
    return fmt, {k: [repr(x) for x in v] for k, v in columns.items()}, [str(p) for p in problems]


@pytest.mark.parametrize("name", NAMES)
def test_a_label_in_any_script_is_a_speaker_in_every_format(name, monkeypatch):
    for layout, text in every_format(name):
        turns = parse_transcript(text, "t.txt")
        shown = plain_label(name)
        assert list(turns["speaker"]) == ["Priya Shah", shown, "Priya Shah", shown], layout
        assert list(turns["text"]) == ["Tell me about it.", "The boiler broke.", "What next?", "Nobody came."], layout
        fast = _outcome(text)
        with monkeypatch.context() as m:
            _general(m)
            assert _outcome(text) == fast, layout


@pytest.mark.parametrize("name", NAMES)
def test_a_label_used_once_is_warned_at_its_line_as_a_latin_one_is(name, monkeypatch):
    def interview(n):
        return (f"Priya Shah: What happened?\nDana Okafor: The boiler broke.\nPriya Shah: And then?\n"
                f"Dana Okafor: Nobody came.\n{n}: I was there too.\n")

    turns, latin = parse_transcript(interview(name), "t.txt"), parse_transcript(interview("Tom"), "t.txt")
    assert [s.replace(plain_label(name), "Tom") for s in turns["speaker"]] == list(latin["speaker"]) == [
        "Priya Shah", "Dana Okafor", "Priya Shah", "Dana Okafor", "Tom"]  # its own turn (session 11)
    assert list(turns["text"][-2:]) == ["Nobody came.", "I was there too."]
    assert [(p.line, p.message.replace(plain_label(name), "Tom")) for p in turns.attrs["problems"]
            if not p.message.startswith("speaker label ")] == [(p.line, p.message) for p in latin.attrs["problems"]]
    # a turn of its own: a label written with a joiner (Persian's ZWNJ) is also warned as a spelling
    assert {p.line for p in turns.attrs["problems"]} == {5}
    fast = _outcome(interview(name))
    with monkeypatch.context() as m:
        _general(m)
        assert _outcome(interview(name)) == fast


@pytest.mark.parametrize("full,short", [("प्रिया शर्मा", "प्रिया"), ("মৌমিতা দাস", "মৌমিতা"), ("Priya Sharma", "Priya")])
def test_a_label_used_once_sharing_a_speakers_name_is_their_turn(full, short):
    text = (f"Dana Okafor: What happened?\n{full}: The boiler broke.\nDana Okafor: And then?\n{full}: Nobody came.\n"
            f"Dana Okafor: Did anyone help?\n{short}: No one.\n")
    turns = parse_transcript(text, "t.txt")
    assert list(turns["speaker"]) == ["Dana Okafor", full, "Dana Okafor", full, "Dana Okafor", short]
    assert [p.line for p in turns.attrs["problems"] if "shares a name" in p.message] == [6]


@pytest.mark.parametrize("name,label,other", [("प्रिया शर्मा", "प्रिया", "राहुल"), ("সৌমিত্র দাস", "সৌমিত্র", "রাহুল"),
                                              ("Priya Sharma", "Priya", "Rahul")])
def test_the_participant_is_the_label_naming_them(name, label, other):
    # the other label spoke more: by words spoken it would be theirs
    assert participant_label({other: 50, label: 3}, name) == ({label}, "name")


# -- the script-passage split -------------------------------------------------------------------------
ENGLISH = "The officer never called me back about the noise."
HINDI = "मैंने तीन बार फ़ोन किया लेकिन किसी ने जवाब नहीं दिया।"
URDU = "میں نے تین بار فون کیا لیکن کسی نے جواب نہیں دیا۔"


@pytest.mark.parametrize("label", ["प्रिया शर्मा", "Dana", "محمد"])
@pytest.mark.parametrize("other", [HINDI, URDU])
def test_a_label_inside_a_turn_goes_with_its_passage(label, other):
    text = f"Priya Shah: What happened?\nRose: {ENGLISH}\n{label}: {other}\nPriya Shah: And then?\nRose: Nothing.\n"
    turns = parse_transcript(text, "t.txt")
    # used once, the label is a speaker of its own (session 11): its passage is its turn, not Rose's
    assert list(turns["speaker"]) == ["Priya Shah", "Rose", label, "Priya Shah", "Rose"]
    assert list(turns["text"][1:3]) == [ENGLISH, other]
    assert not _script_warnings(turns.attrs["problems"])
    assert [p.line for p in turns.attrs["problems"] if "used only once" in p.message] == [3]
    assert split_by_script(f"{ENGLISH} Rahul. {label}: {other}")[-1].endswith(f"{label}: {other}")


def test_the_passage_after_a_foreign_one_is_the_turns_own_script_and_not_warned():
    text = f"Priya Shah: What happened?\nRose: {ENGLISH}\n{URDU}\n{ENGLISH}\nPriya Shah: And then?\nRose: Nothing.\n"
    turns = parse_transcript(text, "t.txt")
    assert list(turns["text"][1:4]) == [ENGLISH, URDU, ENGLISH]
    assert [(p.line, p.message.split(":")[0]) for p in _script_warnings(turns.attrs["problems"])] == [
        (3, "a passage in Arabic script inside a turn otherwise in Latin script")]


@pytest.mark.parametrize("text,expected", [
    (f"Priya Shah: What happened?\nRose: {ENGLISH} {HINDI} {ENGLISH} {URDU}\nPriya Shah: Ok.\nRose: Bye.\n",
     [(2, "Devanagari", "Latin"), (2, "Arabic", "Latin")]),
    (f"Priya Shah: What happened?\nRose: {HINDI}\n{ENGLISH}\n{HINDI}\nPriya Shah: Ok.\nRose: Bye.\n",
     [(3, "Latin", "Devanagari")]),
    (f"Priya Shah: What happened?\nRose: {ENGLISH}\n\nRose: {URDU} {URDU}\nPriya Shah: Ok.\nRose: Bye.\n",
     [(4, "Arabic", "Latin")]),  # the turn's own script is its first passage's, not its longest's
    ((DATA / "transcripts" / "labels.txt").read_text(encoding="utf-8"), []),
])
def test_a_warned_passage_is_never_in_the_turns_own_script(text, expected):
    turns = parse_transcript(text, "t.txt")
    warned = [(p.line, *re.match(r"a passage in (\w+) script inside a turn otherwise in (\w+) script", p.message).groups())
              for p in _script_warnings(turns.attrs["problems"])]
    assert warned == expected
    assert all(passage != own for _line, passage, own in warned)


def test_a_warning_names_the_line_of_its_passage_not_an_earlier_use_of_its_words():
    text = (f"Priya Shah: You wrote {URDU}\nRose: Yes.\nPriya Shah: Tell me more.\nRose: {ENGLISH}\n{URDU}\n"
            "Priya Shah: Thanks.\nRose: Bye.\n")
    turns = parse_transcript(text, "t.txt")
    assert list(turns["text"][3:5]) == [ENGLISH, URDU]
    assert [p.line for p in _script_warnings(turns.attrs["problems"])] == [5]


def test_own_script_is_the_script_of_most_words():
    assert own_script(f"{ENGLISH} {URDU}") == "Arabic"  # 10 words to 9
    assert own_script(f"{ENGLISH} Rahul. प्रिया शर्मा: {ENGLISH}") == "Latin"  # a label's words count for none


# -- the letters -----------------------------------------------------------------------------------
def test_marks_are_every_combining_mark_and_words_keep_them():
    marks = re.compile(f"[{MARKS}]")
    found = [c for c in map(chr, range(0x110000)) if marks.match(c)]
    assert found == [c for c in map(chr, range(0x110000)) if unicodedata.category(c)[0] == "M"]
    for name in [n for n in NAMES if "・" not in n and "\u200c" not in n]:  # a middle dot or a ZWNJ parts words
        assert WORD.findall(unicodedata.normalize("NFC", name)) == unicodedata.normalize("NFC", name).split()
        assert NOT_WORD.split(name) == name.split()
    assert all(map(starts_like_name, ["Maya", "राहुल", "محمد", "王伟", "김민준", "Ελένη"]))
    assert not any(map(starts_like_name, ["maya", "ελένη", "1st", "_x", ""]))


@pytest.mark.parametrize("text", ["राहुल ने कहा", "𑄌𑄋𑄴𑄟𑄳𑄠 said so", "The boiler broke."])
def test_quote_words_keep_their_marks(text):
    from kit.study_turns import _plain, _plain_transcript

    words = [w.casefold() for w in re.findall(r"\S+", text.replace(".", ""))]
    assert _plain(text) == " " + " ".join(words) + " "
    assert _plain_transcript([text, "ok"]) == " " + " ".join(words) + " \x01 ok "
