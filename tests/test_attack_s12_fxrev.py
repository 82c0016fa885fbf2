"""Session-12 attacker's faults A1-A14 (task fxrev): Rev and Otter transcripts edited by hand are
read as robustly as plain ones. Time-less `Label:` lines follow the plain format's label rules with
the timed headers' speakers established; headers in odd forms are headers (warned); nothing is
glued into another speaker's turn, nor a label left in the words, unreported."""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from kit.transcripts import detect_format, read_turns

DATA = Path(__file__).parent / "data" / "attack-s12"
TEAM = ["Alex Morgan", "Sam Lee", "Interviewer", "Moderator"]  # as the study passes its known labels
LABEL_IN_TEXT = re.compile(r"(?:^|\. )[A-Z][\w .'_]{0,30}:(?!\d)")


def _read(name):
    columns, fmt, problems = read_turns(DATA / name, {"Alex M.": "Alex Morgan"}, speakers=TEAM)
    return list(zip(columns["speaker"], columns["start"], columns["text"])), fmt, problems


def _lines(problems, words):
    return sorted(p.line for p in problems if words in p.message)


def _no_label_in_words(turns):
    for _sp, _st, text in turns:
        assert LABEL_IN_TEXT.search(text) is None, text


@pytest.mark.parametrize("name, speaker, words", [
    ("rev12-rev-dana.txt", "Dana Pike", "I am the office manager, I joined late. I handle the invoices."),  # A1 bare label
    ("rev12-rev-dana.txt", "Dana Pike", "Second time Dana speaks."),
    ("rev12-rev-newspeaker.txt", "Carol", "Sorry to interrupt, I am his colleague."),                    # A1 once
    ("rev12-bis8.txt", "Alex", "first."),                                                                # A2
    ("rev12-bis8.txt", "Alex", "d."),
    ("rev12-rev-team-first.txt", "Sam", "Which report?"),
    ("rev12-otter2.txt", "Participant", "It kept failing."),                                             # A3
    ("rev12-otter2.txt", "Interviewer", "Why?"),
    ("rev12-rev-leak.txt", "JordanExample", "joined."),
    ("rev12-rev-variants.txt", "Jordan", "variant 7 \\u200bJordan."),                                   # A6
])
def test_a_timeless_label_is_a_turn_of_its_own(name, speaker, words):
    turns, fmt, problems = _read(name)
    assert fmt in ("rev", "otter")
    assert (speaker, words) in [(sp, text) for sp, _st, text in turns]
    assert all(math.isnan(st) for sp, st, text in turns if text == words)  # no time of its own
    _no_label_in_words(turns)
    assert _lines(problems, "start with a speaker's label but no time")  # located


def test_a_once_used_third_speaker_is_warned_at_its_line():
    _turns, _fmt, problems = _read("rev12-rev-newspeaker.txt")
    assert _lines(problems, "used only once") == [3]
    assert not any("Carol" in p.message.replace("'Carol:'", "") for p in problems)


def test_interviewer_and_participant_labels_alternate_in_a_rev_file():  # A2, A4 (bisG)
    turns, fmt, problems = _read("rev12-bis8.txt")
    assert [sp for sp, _st, _t in turns] == ["Alex Morgan", "Jordan", "Alex", "Jordan", "Alex", "Jordan", "Alex",
                                            "Alex Morgan", "Jordan"]
    turns, fmt, problems = _read("rev12-bisG.txt")
    assert fmt == "rev"
    assert not _lines(problems, "skipped")  # no timed turn taken for a title
    assert turns[0] == ("Alex Morgan", 0.0, "Tell me about the last time.")
    assert turns[1] == ("Jordan", 5.0, "It was last Monday.")
    assert [sp for sp, _st, _t in turns[2:8]] == ["Interviewer", "Participant"] * 3
    assert turns[-2:] == [("Alex Morgan", 40.0, "Thanks."), ("Jordan", 45.0, "Bye.")]


def test_many_labels_keep_a_rev_file_timed_and_quoted_words_are_warned():  # A4
    text = (DATA / "rev12-rev-innerwords.txt").read_text(encoding="utf-8")
    assert detect_format(text) == "rev"
    turns, fmt, problems = _read("rev12-rev-innerwords.txt")
    assert turns[1][0] == "Jordan" and turns[1][1] == 5.0 and turns[1][2].startswith("Here is what happened.")
    assert turns[-1] == ("Alex Morgan", 30.0, "Thanks.")
    assert ("Jordan", "Then nothing.") in [(sp, t) for sp, _st, t in turns]
    assert _lines(problems, "no speaker of this transcript") == [3]  # `Monday:`, `Step 2:` kept as text, warned
    assert not _lines(problems, "skipped")


@pytest.mark.parametrize("name", ["rev12-otter-nbsp.txt", "rev12-rev-nbsp.txt"])
def test_a_no_break_space_in_a_header_is_a_space(name):  # A5
    turns, _fmt, _problems = _read(name)
    assert [(sp, st) for sp, st, _t in turns] == [("Alex Morgan", 0.0), ("Jordan", 5.0), ("Alex Morgan", 15.0),
                                                 ("Jordan", 20.0)]
    _no_label_in_words(turns)


def test_rev_header_without_colon_and_an_empty_header_are_read_and_warned():  # A7, A10
    turns, _fmt, problems = _read("rev12-rev-misc.txt")
    assert ("Alex Morgan", 15.0, "What then, no colon after time?") in turns
    assert not any("(0:15)" in t for _sp, _st, t in turns)
    assert _lines(problems, "without the colon after its time") == [5]
    assert _lines(problems, "has no text (an empty turn)") == [3]


def test_otter_headers_in_odd_forms_are_headers():  # A8, A11
    turns, _fmt, problems = _read("rev12-otter-badtimes.txt")
    assert [(sp, t) for sp, _st, t in turns] == [("Alex Morgan", "Tell me."), ("Jordan", "bad seconds."),
                                                ("Alex Morgan", "huge."), ("Jordan", "It was inline text after header."),
                                                ("Alex Morgan", "Thanks.")]
    assert math.isnan(turns[2][1]) and turns[3][1] == 30.0
    assert 7 in _lines(problems, "impossible time") and _lines(problems, "on the same line") == [10]
    turns, _fmt, problems = _read("rev12-otter4.txt")
    assert ("Alex Morgan", 20.0, "Colon header.") in turns
    assert _lines(problems, "a colon after the name") == [13]


def test_transcribers_notes_are_nobodys_words():  # A9
    for name, lines in (("rev12-rev-note.txt", [1, 4, 7]), ("rev12-rev-note-empty.txt", [1, 4])):
        turns, _fmt, problems = _read(name)
        assert not any("Note" in t or "Summary" in t for _sp, _st, t in turns)
        warned = [p for p in problems if "transcriber's note" in p.message]
        assert len(warned) == 1 and warned[0].line == lines[0]
        assert f"line(s) {', '.join(map(str, lines))})" in warned[0].message
    # the first line below an Otter header is the speaker's, whatever it starts with
    text = "Maya  0:01\nWhat happened?\n\nDana  0:04\nNote: it was late.\n\nMaya  0:09\nOK.\n"
    from kit.transcripts import parse_turns
    columns, _fmt, _p = parse_turns(text)
    assert columns["text"][1] == "Note: it was late."


def test_a_four_part_rev_time_is_warned():  # A12
    _turns, _fmt, problems = _read("rev12-rev-badtimes.txt")
    assert _lines(problems, "a time of four parts") == [5]


def test_the_team_members_spelling_wins_and_warnings_name_the_lines():  # A13, A14
    turns, _fmt, problems = _read("rev12-rev-accentmix.txt")
    assert {sp for sp, _st, _t in turns} == {"Alex Morgan", "Jordan"}
    turns, _fmt, problems = _read("rev12-rev-casemix.txt")
    assert {sp for sp, _st, _t in turns} == {"Alex Morgan", "JORDAN"}
    alex = [p for p in problems if "'alex morgan' read as 'Alex Morgan'" in p.message]
    assert alex and "as on line 3;" in alex[0].message and "line(s) 1, 5)" in alex[0].message
    jordan = [p for p in problems if "'jordan' read as 'JORDAN'" in p.message]
    assert jordan and "as on line 2;" in jordan[0].message and "line(s) 4, 6)" in jordan[0].message


def test_a_plain_transcript_with_one_timed_looking_line_stays_plain():  # K3 leaves plain files alone
    text = "Maya: Tell me about it.\nSam: Sure.\nMaya: Then?\nSam: Then it broke.\nRobin  0:05\n"
    assert detect_format(text) == "plain"
