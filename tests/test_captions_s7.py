"""Session 7's attacker and newcomer transcripts (tests/data/captions_s7, written for this project
by testers who never saw the code): every line in a turn of the right speaker, or a located warning.

Faults fixed by kind: a speaker label however decorated (terminal colour codes and their debris,
invisible characters, Markdown emphasis, look-alike letters, ``<V ...>``, hh:mm:ss:ff frames, dash
cues holding two speakers) was glued into the turn above; a caption cue with no timing line gave
its number to the turn above as speech and took the previous cue's times; impossible header times
(``Jordan  0:99``) were dropped silently; a chat log's times of day were read as elapsed time and a
recording bot's lines as someone's words."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from kit.transcript_marks import clock_starts, strip_colour, twenty_four, undecorate
from kit.transcripts import parse_transcript, read_transcript

DATA = Path(__file__).parent / "data" / "captions_s7"
TEAM = ["Alex Morgan", "Sam Lee"]


def _read(name):
    turns = read_transcript(DATA / name, speakers=TEAM)
    return turns, turns.attrs["problems"]


def _turn_with(turns, words):
    found = turns[turns["text"].str.contains(words, regex=False)]
    assert len(found) == 1, (words, turns.to_dict("records"))
    return found.iloc[0]


def _warned(problems, line, *words):
    return [p for p in problems if p.line == line and p.level == "warning" and all(w in p.message for w in words)]


@pytest.mark.parametrize("name, words, speaker", [
    ("a2-labels.txt", "secret salary", "Jordan"),      # \e[32mJordan\e[0m:
    ("a2-labels.txt", "says kiwi", "Jordan"),          # zero-width space before the label
    ("a2-labels.txt", "says papaya", "Jordan"),        # **Jordan:**
    ("a1-labels.txt", "coloured label line", "Jordan"),
    ("a1-labels.txt", "Cyrillic o line", "Jordan"),
    ("a3.vtt", "dash style says elderberry", "Alex Morgan"),  # - Alex Morgan: / - Jordan: in one cue
    ("a3.vtt", "second dash says figs", "Jordan"),
    ("a3.vtt", "chevron caps says kumquat", "Jordan"),         # >> JORDAN:
    ("a8-teams.vtt", "uppercase V tag says bananas", "Alex Morgan"),
    ("a8-teams.vtt", "tab in voice says cherries", "Jordan"),
    ("a5-otter.txt", "four part time says elderberry", "Jordan"),  # Jordan  1:02:03:04
    ("a6-rev.txt", "four part time says dates", "Alex Morgan"),    # Alex Morgan (01:02:03:04):
    ("a6-rev.txt", "square bracket time says cherries", "Jordan"),  # Jordan [00:20]:
    ("a6-rev.txt", "missing colon says elderberry", "Jordan"),      # Jordan (00:30)
])
def test_a_decorated_label_starts_its_own_turn(name, words, speaker):
    turns, _ = _read(name)
    turn = _turn_with(turns, words)
    assert turn["speaker"] == speaker
    text = turn["text"]  # the label is not left in the words, decorated or not
    assert not any(mark in text for mark in ("Jordan", "JORDAN", "Alex", "**", "[", "- ", ">>")), text


def test_colour_codes_and_their_debris_are_nobodys_words():
    for name, lines in (("a1-labels.txt", [7]), ("a2-labels.txt", [4]), ("a7-ansi.txt", [2, 4, 6])):
        turns, problems = _read(name)
        assert not turns["text"].str.contains(r"\[\d+m|\x1b", regex=True).any(), name
        warning = _warned(problems, lines[0], "colour codes")
        assert warning and f"line(s) {', '.join(map(str, lines))})" in warning[0].message
    turns, problems = _read("a7-ansi.txt")
    assert _turn_with(turns, "it was slow")["text"].startswith("Kenji copied")
    assert _warned(problems, 6, "'Kenji Watanabe:'", "used only once")  # a one-off label: warned at its line


def test_look_alike_letters_in_a_label_are_warned_at_their_line():
    turns, problems = _read("a1-labels.txt")
    assert set(turns["speaker"]) == {"Alex Morgan", "Jordan", "Sam Lee", "Priya"}  # Priya: once, her own turn
    assert any("look-alike letters on line(s) 6" in p.message for p in problems)
    # Cyrillic р reads as p: "Jорdan" is not Jordan, and its line is warned, not silently glued
    turns, problems = _read("a2-labels.txt")
    assert _warned(problems, 6, "used only once")


@pytest.mark.parametrize("name, line, words, speaker, after", [
    ("a9-srt-no-timing.srt", 9, "What happened next?", "Alex Morgan", "It was Monday and the export failed."),
    ("a4.srt", 9, "no timing line says apples.", "Alex Morgan", "It was Monday and the export failed."),
    ("a3.vtt", 22, "No timing line here, cue three.", "Alex Morgan", "It was Monday and the export failed."),
])
def test_a_cue_without_a_timing_line_is_warned_and_kept_without_times(name, line, words, speaker, after):
    turns, problems = _read(name)
    turn = _turn_with(turns, words)
    assert turn["speaker"] == speaker and turn["text"] == words
    assert math.isnan(turn["start"]) and math.isnan(turn["end"])
    assert _turn_with(turns, after)["text"] == after  # the cue number is not speech
    assert _warned(problems, line, "no timing line")


def test_impossible_header_times_are_warned_at_their_line():
    for name, line in (("a5-otter.txt", 13), ("a6-rev.txt", 9)):
        turns, problems = _read(name)
        assert _warned(problems, line, "impossible time '0:99'"), name
    turns, _ = _read("a5-otter.txt")
    assert _turn_with(turns, "four part time")["start"] == 3723.0  # 1:02:03:04 read to the second
    turns, _ = _read("a6-rev.txt")
    assert _turn_with(turns, "missing colon")["start"] == 30.0


def test_a_chat_log_reads_times_of_day_from_the_first_and_leaves_out_the_bot():
    turns, problems = _read("chat-log.txt")
    assert list(turns["speaker"]) == ["ana.r", "xXpuzzlerXx", "ana.r", "xXpuzzlerXx"]
    assert list(turns["start"]) == [0.0, 60.0, 60.0, 120.0]
    assert _warned(problems, 1, "times of day")
    assert _warned(problems, 1, "bot", "line(s) 1, 6")


def test_elapsed_stamps_stay_elapsed_and_talbot_is_no_bot():
    turns = parse_transcript("[01:05] Maya: one\n[01:09] Talbot: two\n[01:15] Maya: three\n")
    assert list(turns["start"]) == [65.0, 69.0, 75.0]
    assert list(turns["speaker"]) == ["Maya", "Talbot", "Maya"]
    assert not turns.attrs["problems"]
    turns = parse_transcript("[10:02:03] Maya: one\n[10:02:09] Dana: two\n[10:03:00] Maya: three\n")
    assert list(turns["start"]) == [0.0, 6.0, 57.0]  # a three-part time of day: counted from the first


def test_clock_times_going_past_midnight_keep_counting():
    problems = []
    stamps = [(0, "23:59", math.nan, False), (1, "23:59", math.nan, False), (2, "00:01", math.nan, False)]
    assert clock_starts(stamps, 1, "x", problems) == {0: 0.0, 1: 0.0, 2: 120.0} and problems


def test_a_twelve_hour_clock_is_a_time_of_day():
    turns = parse_transcript("[19:02] bot: Recording started\n[19:02] ana.r: hey\n[7:03 PM] xXpuzzlerXx: ok so\n"
                             "[7:05 p.m.] ana.r: and?\n")
    assert list(turns["speaker"]) == ["ana.r", "xXpuzzlerXx", "ana.r"]
    assert list(turns["start"]) == [0.0, 60.0, 180.0]
    turns = parse_transcript("[9:58 AM] Maya: one\n[10:01 AM] Dana: two\n")
    assert list(turns["start"]) == [0.0, 180.0]
    assert twenty_four("12:05 am") == "00:05" and twenty_four("12:05 PM") == "12:05" and twenty_four("1:02") == "1:02"


@pytest.mark.parametrize("line, read", [
    ("**Jordan:** text", "Jordan: text"), ("**Jordan**: text", "Jordan: text"), ("__Jordan__: text", "Jordan: text"),
    ("*Jordan*: text", "Jordan: text"), ("- Jordan: text", "Jordan: text"), (">> JORDAN: text", "JORDAN: text"),
    ("\u200bJordan: text", "Jordan: text"), ("- **Jordan:** text", "Jordan: text"),
    ("Jordan: text", None), ("**bold** words", None), ("-- Jordan", "Jordan"), ("<b>Jordan:</b> text", "Jordan: text"),
    ("<strong>Jordan</strong>: text", "Jordan: text"), ("• Jordan: text", "Jordan: text"), ("> Jordan: text", "Jordan: text"),
    ("* Jordan: text", "Jordan: text"), ("*emphasis* only: here", None), ("<b>bold</b> words", None),
])
def test_undecorate(line, read):
    assert undecorate(line) == read


def test_well_formed_brackets_are_not_colour_debris():
    problems = []
    text = "Maya: it took [10m] to load\nDana: [5min] later\n"
    assert strip_colour(text, "x", problems) == text and not problems


def test_a_dash_line_naming_nobody_in_a_two_speaker_cue_is_warned():
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nMaya: Where?\n\n00:00:04.000 --> 00:00:06.000\n- Dana: At home.\n- And you?\n"
    turns = parse_transcript(text)
    assert list(turns["speaker"]) == ["Maya", "Dana"]
    assert [p.line for p in turns.attrs["problems"] if "dash" in p.message] == [8]


def test_a_cue_number_above_a_broken_timing_line_is_no_cue_without_timing():
    text = ("1\n00:00:01,000 --> 00:00:03,000\nMaya: Where?\n\n2\n00:00:04,000 -> 00:00:06,000\nDana: At home.\n\n"
            "3\n00:00:07,000 --> 00:00:09,000\nMaya: And then?\n")
    turns = parse_transcript(text)
    assert list(turns["text"]) == ["Where?", "At home.", "And then?"]
    assert [p.line for p in turns.attrs["problems"]] == [6]  # the timing line, not "no timing line" at line 5
    assert "cannot read this timing line" in turns.attrs["problems"][0].message


def test_debris_is_removed_only_beside_a_reset_code():
    problems = []
    text = "Maya: [music] it took [10m] to load\nDana: [32mJordan[0m said so\n"
    assert strip_colour(text, "x", problems) == "Maya: [music] it took [10m] to load\nDana: Jordan said so\n"
    assert [p.line for p in problems] == [2]


def test_a_decorated_label_is_found_at_its_first_line(tmp_path):
    from kit.speaker_lines import first_lines_of

    path = tmp_path / "t.txt"
    path.write_text("Alex: hi\n**Jordan:** one\n\x1b[32mSam\x1b[0m: two\n\u200bPriya: three\n<V Kim>four\n"
                    "Lee [00:20]: five\n", encoding="utf-8")
    assert first_lines_of(path, ["Jordan", "Sam", "Priya", "Kim", "Lee"]) == {
        "Jordan": 2, "Sam": 3, "Priya": 4, "Kim": 5, "Lee": 6}


def test_a_voice_block_without_a_timing_line_is_its_own_cue_without_times():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Maya>Where?\n\n00:00:04.000 --> 00:00:06.000\n"
            "<v Dana>At home.\n\n<v Maya>And then?\n\n00:00:09.000 --> 00:00:11.000\n<v Dana>I left.\n")
    turns = parse_transcript(text)
    assert list(turns["speaker"]) == ["Maya", "Dana", "Maya", "Dana"]
    assert math.isnan(turns["start"][2]) and turns["end"][1] == 6.0
    assert [p.line for p in turns.attrs["problems"]] == [9]


def test_decomposed_accents_are_no_look_alike():
    import unicodedata

    nfd = unicodedata.normalize("NFD", "José Peña")
    turns = parse_transcript(f"Maya: hi\n{nfd}: one\nMaya: ok\nJosé Peña\u00a0: two\n")
    assert list(turns["speaker"]) == ["Maya", "José Peña", "Maya", "José Peña"]
    assert not turns.attrs["problems"]
