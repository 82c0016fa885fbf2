"""Newcomer session 11 (library service), faults F16, F9, F10, F14, F8: a line that looks like a
speaker label but is used once, or a service or heading line in another language, was folded into
someone else's turn: a colleague's one line (``Carol:``) published as the participant's consented
quote; the participant's answer under her name in Gurmukhi counted as the interviewer's words;
Teams' Welsh "stopped transcription" line counted as the participant's; a Word table's Welsh
heading row read as a speaker and its Time column glued into every turn; and a check warning
printed a label one letter from a participant's roster name.

Fail closed: a name-like label used once is a turn of a speaker of its own (kit.transcript_once),
counted for the participant only when it is surely their roster name (one letter mistyped, or
written in an Indic script: kit.speaker_names), else for nobody, withheld."""
from __future__ import annotations

import io
import math
from pathlib import Path

import pytest

from kit.transcripts import parse_transcript, read_transcript

DATA = Path(__file__).resolve().parent / "data" / "newcomer-library"
GURMUKHI = "ਗੁਰਪ੍ਰੀਤ ਕੌਰ"


def _study(tmp_path, name: str, transcript: str, quotes: list[str], suffix: str = "txt", consent: str = "yes"):
    """A study of one interview (INT-001, participant P-001 named ``name``, interviewer Alex
    Morgan) with ``transcript`` and the note's key ``quotes``."""
    from kit.scaffold import new_study

    root = tmp_path / "study"
    new_study(root)
    (root / "participants.csv").write_text(
        "id,name,email,segment,status,consent_record,consent_quote\n"
        f"P-001,{name},p1@example.org,new,completed,yes,{consent}\n"
        "P-002,Margaret Jones,p2@example.org,new,completed,yes,yes\n", encoding="utf-8")
    for old in (root / "transcripts").iterdir():
        old.unlink()
    (root / "transcripts" / f"INT-001.{suffix}").write_text(transcript, encoding="utf-8")
    said = "\n".join(f'- "{q}" (0:{10 + k:02d})' for k, q in enumerate(quotes))
    (root / "interviews" / "INT-001.md").write_text(
        f"---\nid: INT-001\ndate: 2026-11-20\nparticipant: P-001\ninterviewer: Alex Morgan\n"
        f"transcript: INT-001.{suffix}\nstage: use\n---\n\n## Key Quotes\n{said}\n\n## Insights\n- One.\n",
        encoding="utf-8")
    return root


def _load(root):
    from kit.study import load_study

    return load_study(root, strict=False)


# -- F16: a colleague who speaks once ------------------------------------------------------------------
def test_a_colleague_speaking_once_is_a_turn_of_her_own_not_the_participants():
    turns = read_transcript(DATA / "INT-012-carol-once.txt")
    assert list(turns["speaker"]) == ["Rhian Pritchard", "Aled Jenkins", "Carol", "Aled Jenkins",
                                      "Rhian Pritchard", "Aled Jenkins"]
    assert not any("Carol:" in t or "trolley" in t for t in turns["text"][turns["speaker"] == "Aled Jenkins"])
    (warned,) = [p for p in turns.attrs["problems"] if "used only once" in p.message]
    assert warned.line == 3 and "not part of the turn above" in warned.message


def test_the_colleagues_line_is_never_published_as_the_participants_quote(tmp_path):
    text = (DATA / "INT-012-carol-once.txt").read_text(encoding="utf-8").replace("Rhian Pritchard", "Alex Morgan")
    carol = "I only had the addresses, not the lists, so I took whatever large print was on the trolley."
    root = _study(tmp_path, "Aled Jenkins", text, [carol, "Nobody pays my petrol for the second trip either."])
    study = _load(root)
    t = study.turns
    assert t.loc[t["speaker"] == "Carol", "participant"].fillna("").tolist() == [""]
    assert t.loc[t["speaker"] == "Carol", "role"].tolist() != ["interviewer"]
    quotes = study.quotes.set_index("text")["participant"].fillna("")
    assert quotes[carol] == "" and quotes["Nobody pays my petrol for the second trip either."] == "P-001"
    assert any(p.line == 3 and "neither the team nor the participant" in p.message for p in study.problems)


def test_a_label_used_once_after_the_interviewers_question_never_joins_her_turn():
    text = ("Interviewer: What happened?\nDana: The boiler broke.\nInterviewer: Say more about that.\n"
            "Tom Reed: It was me who called.\nDana: Nobody came.\n")
    turns = parse_transcript(text, "t.txt")
    assert list(turns["speaker"]) == ["Interviewer", "Dana", "Interviewer", "Tom Reed", "Dana"]
    assert list(turns["text"])[2] == "Say more about that."


def test_a_heading_used_once_still_stays_text():
    turns = parse_transcript("Maya: Why?\nDana: Cost.\nNext Steps: call them.\nMaya: I see.\nDana: Yes.\n")
    assert list(turns["speaker"]) == ["Maya", "Dana", "Maya", "Dana"]
    assert turns["text"][1] == "Cost. Next Steps: call them."


# -- F9: the participant's name in Gurmukhi, used once ------------------------------------------------
def test_a_gurmukhi_label_used_once_is_not_the_interviewers_turn():
    turns = read_transcript(DATA / "INT-005-gurmukhi-label.txt")
    asked = turns["text"][turns["speaker"] == "Interviewer"]
    assert not any(GURMUKHI in t or "ਸ਼ਰਮ" in t for t in asked)
    assert list(turns["speaker"]) == ["Interviewer", "Gurpreet Kaur", "Interviewer", GURMUKHI, "Gurpreet Kaur"]


@pytest.mark.parametrize("name, owner", [("Gurpreet Kaur", "P-001"), ("Amrit Gill", "")])
def test_a_roster_name_in_gurmukhi_is_the_participant_and_another_is_nobody(tmp_path, name, owner):
    text = (DATA / "INT-005-gurmukhi-label.txt").read_text(encoding="utf-8", errors="replace")
    text = text.replace("Gurpreet Kaur", name)
    study = _load(_study(tmp_path, name, text, []))
    t = study.turns
    mine = t[t["speaker"] == GURMUKHI]
    assert mine["participant"].fillna("").tolist() == [owner]
    assert mine["role"].tolist() != ["interviewer"]
    said = [p.message for p in study.problems if p.line == 6 and p.path.endswith("INT-001.txt")]
    if owner:  # said without the name it read
        assert any("roster name written in another script" in m and GURMUKHI not in m for m in said), said
    else:
        assert any("neither the team nor the participant" in m for m in said), said


def test_indic_and_typo_near_names_are_narrow():
    from kit.speaker_names import near_name

    assert near_name(GURMUKHI, "Gurpreet Kaur") == "script"
    assert near_name("प्रिया शर्मा", "Priya Sharma") == "script"
    assert near_name("Margret Jones", "Margaret Jones") == "typo"
    for label, name in [("ਸਿੰਘ ਕੌਰ", "Gurpreet Kaur"), ("Sian Jones", "Sean Jones"), ("Margret", "Margaret"),
                        ("Margret Jnes", "Margaret Jones"), ("Мария Иванова", "Maria Ivanova"),
                        ("Sian Jones", "Margaret Jones")]:
        assert near_name(label, name) == "", (label, name)


# -- F10: Teams' service line in Welsh -------------------------------------------------------------------
def test_teams_welsh_stop_line_is_no_ones_words():
    turns = read_transcript(DATA / "INT-005-gurmukhi-label.txt")
    assert not any("trawsgrifio" in t for t in turns["text"])
    assert turns["text"].iloc[-1] == "It was embarrassing, there was a queue behind me and my son was crying."
    (warned,) = [p for p in turns.attrs["problems"] if p.line == 8]
    assert "stopped the transcription" in warned.message and "Rhian" not in warned.message


@pytest.mark.parametrize("last", ["I asked Rhian Pritchard.", "and then Rhian Pritchard said no more about it",
                                  "Daeth Rhian Pritchard yn ôl"])
def test_a_last_line_that_is_someones_words_stays(last):
    text = f"Dechreuodd Rhian Pritchard drawsgrifio\nAlex Morgan: What then?\nDana Okafor: Nothing.\n{last}\n"
    if "Rhian" in last and "yn ôl" not in last:
        text = text.replace("Dechreuodd Rhian Pritchard drawsgrifio\n", "")  # no start line: no pair
    turns = parse_transcript(text, "t.txt")
    said = turns["text"].iloc[-1]
    if last.endswith("."):
        assert said.endswith(last)
    elif "yn ôl" in last:  # names the start line's person, no sentence end: a service line, warned
        assert said == "Nothing." and any(p.line == 4 for p in turns.attrs["problems"])
    else:
        assert said.endswith(last)


# -- F14: a Word table with a heading row in Welsh and a Time column --------------------------------------
@pytest.mark.parametrize("name", ["INT-008-welsh-table-header.docx", "INT-008-english-table-header.docx"])
def test_a_word_table_heading_row_is_no_speaker_and_its_times_are_starts(name):
    turns = read_transcript(DATA / name)
    assert list(turns["speaker"]) == ["Rhian Pritchard", "Owen O'Brien", "Rhian Pritchard", "Owen O'Brien"]
    assert list(turns["start"]) == [1.0, 5.0, 20.0, 25.0]
    assert turns["text"].iloc[1] == "The Saturday before half term, rhyme time had moved."
    assert not any(t[:1].isdigit() for t in turns["text"])
    (heading,) = [p for p in turns.attrs["problems"] if p.line == 1]
    assert "heading row" in heading.message and "Siaradwr" not in heading.message


def _docx(rows) -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_heading_row_without_times_is_known_by_shape_and_a_speaker_row_is_kept(tmp_path):
    rows = [["Siaradwr", "Testun"], ["Rhian Pritchard", "Tell me more."], ["Owen O'Brien", "It moved."],
            ["Rhian Pritchard", "Then?"], ["Owen O'Brien", "We left."]]
    path = tmp_path / "a.docx"
    path.write_bytes(_docx(rows))
    turns = read_transcript(path)
    assert "Siaradwr" not in set(turns["speaker"]) and len(turns) == 4
    # a first row that is someone's sentence is theirs, not a heading
    path.write_bytes(_docx([["Carol", "Hello, I am joining."], *rows[1:]]))
    turns = read_transcript(path)
    assert turns["speaker"].iloc[0] == "Carol" and turns["text"].iloc[0] == "Hello, I am joining."


def test_a_time_column_is_the_start_and_a_row_without_a_time_is_warned_not_lost(tmp_path):
    rows = [["Speaker", "Time", "Text"], ["Rhian Pritchard", "[00:01:02]", "Tell me."], ["Owen O'Brien", "1:05:10",
                                                                                          "It moved."]]
    path = tmp_path / "b.docx"
    path.write_bytes(_docx(rows))
    turns = read_transcript(path)
    assert list(turns["start"]) == [62.0, 3910.0] and list(turns["text"]) == ["Tell me.", "It moved."]
    rows[2][1] = "later"  # no time column: the cells are the words, as before
    path.write_bytes(_docx(rows))
    turns = read_transcript(path)
    # the first row reads "Rhian Pritchard: [00:01:02] Tell me.": a time after the label is the start (session 13)
    assert turns["start"].iloc[0] == 62.0 and math.isnan(turns["start"].iloc[1])
    assert turns["text"].iloc[1] == "later It moved."


# -- F8: a one-letter typo of a participant's name -----------------------------------------------------
VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Alex Morgan>Tell me about the last time you used the van.</v>

00:00:05.000 --> 00:00:09.000
<v Margaret Jones>It came late again.</v>

00:00:10.000 --> 00:00:14.000
<v Alex Morgan>What then?</v>

00:00:15.000 --> 00:00:19.000
<v Margret Jones>I rang the library and they said the list is on paper.</v>
"""


def test_a_one_letter_typo_of_the_participants_name_is_theirs_and_never_printed(tmp_path):
    study = _load(_study(tmp_path, "Margaret Jones", VTT, ["I rang the library and they said the list is on paper."],
                         suffix="vtt"))
    t = study.turns
    assert t.loc[t["speaker"] == "Margret Jones", "participant"].tolist() == ["P-001"]
    assert study.quotes["participant"].tolist() == ["P-001"]
    said = [p.message for p in study.problems if p.path.endswith("INT-001.vtt")]
    assert any("roster name with one letter different" in m for m in said), said
    assert not any("Margret" in m for m in said), said


def test_a_typo_of_another_participants_name_is_withheld_and_not_printed(tmp_path):
    text = VTT.replace("Margaret Jones", "Aled Jenkins")  # P-001 is Aled; Margret is one letter from P-002
    study = _load(_study(tmp_path, "Aled Jenkins", text, []))
    t = study.turns
    assert t.loc[t["speaker"] == "Margret Jones", "participant"].fillna("").tolist() == [""]
    said = [p.message for p in study.problems if "neither the team" in p.message]
    assert said and not any("Margret" in m for m in said) and any("did you mean P-002" in m for m in said), said
