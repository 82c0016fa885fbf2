"""Input faults found by the newcomer tester (items 7, 16, 18, 19 of the report), kept as tests:
each problem is located at the line to fix and says what to do."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write
from kit.check import check_study
from kit.codebook import load_codebook
from kit.study import load_study

NOTE = """---
id: {iid}
date: 2026-11-12
participant: {participant}
interviewer: Sam Patel
transcript: {transcript}
---
## Key Quotes
- "I rang three times."
## Insights
- Booking by phone stalls at lunch.
"""
TRANSCRIPT = "Sam Patel: Tell me about the last time you booked.\nOwner: I rang three times.\n"


def study(root: Path, files: dict[str, str]) -> Path:
    write(root / "study.yml", 'research_question: "How do owners book the vet?"\n')
    write(root / "participants.csv", "id,segment,status,consent_quote\nP-006,dog-owner,completed,yes\n"
                                     "L-02,dog-owner,completed,yes\n")
    for name, text in files.items():
        write(root / name, text)
    return root


def named(problems, name):
    return [(p.line, p.level, p.message) for p in problems if Path(p.path).name == name]


def test_a_wrong_transcript_path_is_an_error_at_the_note_line_not_a_refused_transcript(tmp_path):
    """vet-booking INT-006.md named INT-0066.txt; INT-006.txt was refused as a second transcript."""
    root = study(tmp_path / "s", {
        "interviews/INT-006.md": NOTE.format(iid="INT-006", participant="P-006", transcript="INT-0066.txt"),
        "transcripts/INT-006.txt": TRANSCRIPT})
    problems = check_study(root)
    note = named(problems, "INT-006.md")
    assert [(line, level) for line, level, m in note if "INT-0066.txt" in m] == [(6, "error")], note
    assert "not found" in note[0][2] and "transcripts/INT-006.txt" in note[0][2]
    assert not named(problems, "INT-006.txt"), "the matching transcript must not be refused"
    assert not [p for p in problems if "already has a transcript" in p.message]
    loaded = load_study(root, strict=False)
    assert list(loaded.turns["text"]) == ["Tell me about the last time you booked.", "I rang three times."]
    assert set(loaded.turns["interview_id"]) == {"INT-006"}


def test_duplicate_notes_are_reported_where_they_are_with_their_other_problems(tmp_path):
    """library-holds: LIB-2-copy.md (transcript ../LIB-2.srt) and LIB-2.md (participant L-2)."""
    root = study(tmp_path / "lib", {
        "interviews/LIB-2-copy.md": NOTE.format(iid="LIB-2", participant="L-02", transcript="../LIB-2.srt"),
        "interviews/LIB-2.md": NOTE.format(iid="LIB-2", participant="L-2", transcript="LIB-2.srt"),
        "transcripts/LIB-2.srt": "1\n00:00:01,000 --> 00:00:03,000\nKim: How did you place the hold?\n\n"
                                 "2\n00:00:04,000 --> 00:00:06,000\nReader: Online, on Monday.\n"})
    problems = check_study(root)
    copy, note = named(problems, "LIB-2-copy.md"), named(problems, "LIB-2.md")
    assert any(line == 6 and level == "error" and "../LIB-2.srt" in m for line, level, m in copy), copy
    # the note named after the id is read; the copy is the duplicate, reported at its id line
    assert any(line == 2 and level == "error" and "duplicate interview id 'LIB-2'" in m
               and "interviews/LIB-2-copy.md is ignored" in m for line, level, m in copy), copy
    assert any(line == 2 and level == "warning" and "LIB-2-copy.md" in m for line, level, m in note), note
    assert any(line == 4 and "participant 'L-2' is not in participants.csv" in m for line, _, m in note), note
    assert not [m for _, _, m in named(problems, "LIB-2.srt") if "not read" in m], "read, not refused"
    loaded = load_study(root, strict=False)
    assert list(loaded.interviews["interview_id"]) == ["LIB-2"]
    assert list(loaded.turns["text"]) == ["How did you place the hold?", "Online, on Monday."]


def test_a_second_transcript_is_refused_at_line_1_naming_the_note(tmp_path):
    root = study(tmp_path / "s", {
        "interviews/INT-006.md": NOTE.format(iid="INT-006", participant="P-006", transcript="call.txt"),
        "transcripts/call.txt": TRANSCRIPT, "transcripts/INT-006.txt": TRANSCRIPT})
    refused = named(check_study(root), "INT-006.txt")
    assert [(line, level) for line, level, _ in refused] == [(1, "error")]
    assert "INT-006.md" in refused[0][2] and "transcript:" in refused[0][2]


OBJECTIVES = """title: Booking the vet
research_question: How do pet owners book the vet?
objectives:
  - Map how owners book today (phone, app, walk-in).
  - Find where booking stalls: no slots, reminders, rescheduling.
  - 
decisions: Whether to build online rescheduling
"""


def test_a_colon_in_a_list_item_names_the_item_line_and_says_to_quote_it(tmp_path):
    root = study(tmp_path / "s", {"transcripts/INT-001.txt": TRANSCRIPT})
    write(root / "study.yml", OBJECTIVES)
    got = named(check_study(root), "study.yml")
    assert (5, "error") in [(line, level) for line, level, _ in got], got
    colon = next(m for line, _, m in got if line == 5)
    assert "quote the item" in colon and "Find where booking stalls: no slots" in colon
    assert any(line == 6 and "empty" in m for line, _, m in got), got
    assert any(line == 7 and "decisions must be a list" in m for line, _, m in got), got
    assert not any(line == 3 for line, _, _ in got), "the key's line is not the item's line"


def test_a_yaml_syntax_error_points_at_the_line_and_says_what_to_do(tmp_path):
    root = study(tmp_path / "s", {"transcripts/INT-001.txt": TRANSCRIPT})
    write(root / "study.yml", "title: Booking\nresearch_question: Where does booking stall: slots or reminders?\n")
    got = named(check_study(root), "study.yml")
    assert any(line == 2 and "quotes" in m for line, _, m in got), got


def test_a_codebook_list_item_with_a_colon_is_located(tmp_path):
    path = write(tmp_path / "codebook.yml", "codes:\n  - name: slots\n    definition: no slot free\n"
                                            "    examples:\n      - fine\n      - Owner: no slots at all\n")
    _, problems = load_codebook(path)
    assert [(p.line, p.level) for p in problems if "quote the item" in p.message] == [(6, "error")], problems


CODEBOOK = """codes:
  - name: no-slots
    definition: No appointment free when wanted.
    keywords: [no, "fully booked", waitlist, slot]
  - name: phone-booking
    definition: Booking by phone.
    keywords:
      - phone
      - "on hold"
      - On
  - name: reminders
    definition: Reminders before the visit.
    keywords: [reminder, sms, Yes, it, so]
"""


def test_function_word_keywords_get_a_warning_at_their_line(tmp_path):
    path = write(tmp_path / "codebook.yml", CODEBOOK)
    _, problems = load_codebook(path)
    warned = sorted((p.line, p.message.split("keyword ")[1].split(" ")[0]) for p in problems
                    if "everyday word" in p.message)
    assert warned == [(4, "'no'"), (10, "'on'"), (13, "'it'"), (13, "'so'"), (13, "'yes'")]
    assert all(p.level == "warning" for p in problems if "everyday word" in p.message)
    assert not any("'on hold'" in p.message or "'phone'" in p.message for p in problems)


@pytest.mark.parametrize("text", [
    "Ravi Shah: Tell me about the last booking.\nOwner: I rang.\nravi shah: And then?\nOwner: They hung up on me.\n",
    "ravi shah: Tell me about the last booking.\nOwner: I rang.\nRavi Shah: And then?\nOwner: They hung up on me.\n",
    "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nRavi Shah: Tell me about the last booking.\n\n"
    "00:00:04.000 --> 00:00:05.000\nOwner: I rang.\n\n00:00:06.000 --> 00:00:07.000\nravi shah: And then?\n\n"
    "00:00:08.000 --> 00:00:09.000\nOwner: They hung up on me.\n",
], ids=["plain", "lower-first", "vtt"])
def test_speaker_labels_differing_only_in_capitals_are_one_speaker(text):
    """Newcomer #19: "ravi shah:" and "Ravi Shah:" are the same person, with a warning at the line."""
    from kit.transcripts import parse_transcript

    df = parse_transcript(text)
    assert list(df["speaker"]) == ["Ravi Shah", "Owner", "Ravi Shah", "Owner"]
    assert list(df["text"]) == ["Tell me about the last booking.", "I rang.", "And then?", "They hung up on me."]
    warned = [p for p in df.attrs["problems"] if "other capitals" in p.message]
    assert len(warned) == 1 and warned[0].level == "warning" and "'ravi shah'" in warned[0].message
    lowercase_line = next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith("ravi shah:"))
    assert warned[0].line == lowercase_line


def test_a_lowercase_word_before_a_colon_is_not_made_a_speaker():
    from kit.transcripts import parse_transcript

    df = parse_transcript("Maya: How do you book?\nDana: by phone. note: they close at five.\nMaya: Always?\n"
                          "Dana: Mostly.\n")
    assert list(df["speaker"]) == ["Maya", "Dana", "Maya", "Dana"]


def test_a_guide_question_with_a_colon_says_to_quote_it(tmp_path):
    from kit.guide import lint_file

    path = write(tmp_path / "guide.yml", "format: micro\nquestions:\n  - text: Tell me about the last time you "
                                         "booked.\n    kind: opener\n  - Why: did it stall?\n")
    _, problems = lint_file(path)
    got = [(p.line, p.message) for p in problems if "quote the item" in p.message]
    assert len(got) == 1 and got[0][0] == 5 and '"Why: did it stall?"' in got[0][1]
