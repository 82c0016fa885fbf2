"""Transcript faults of the eighth attack (/work/atk8-faults.md, "transcripts"): each kind of input
that lost a speaker's turn, or a line, without a warning. Every case is read both ways (the short
paths of kit.transcript_fast and the general path, as tests/test_speed_s8_parse.py compares them)
and every spoken line must end in a turn of the right speaker or in a located warning."""
from __future__ import annotations

from pathlib import Path

import pytest

from kit.transcripts import parse_transcript, read_transcript
from tests.test_speed_s8_parse import _both

DATA = Path(__file__).parent / "data" / "attack-s8-transcripts"


def _turns(df) -> list[tuple[str, str]]:
    return list(zip(df["speaker"], df["text"]))


def _same_both_ways(text: str, monkeypatch, **kw):
    fast, slow = _both(text, monkeypatch, **kw)
    assert fast == slow
    return fast


# -- 1. labels whose last word is a common word, bracketed roles, initials, emoji, phone numbers --------
LABELS = sorted(p.stem.split("-")[1] for p in (DATA / "labels").glob("teams-*.vtt"))


@pytest.mark.parametrize("n", LABELS)
def test_plain_and_zoom_labels_give_the_turns_teams_gives(n, monkeypatch):
    teams = _turns(read_transcript(DATA / "labels" / f"teams-{n}.vtt"))
    assert len(teams) == 3 and teams[1][1] == "one"
    for name in (f"plain-{n}.txt", f"zoom-{n}.vtt"):
        path = DATA / "labels" / name
        assert _turns(read_transcript(path)) == teams, name
        _same_both_ways(path.read_text(encoding="utf-8"), monkeypatch)


def test_a_name_ending_in_a_heading_word_is_a_speaker_and_headings_stay_text(monkeypatch):
    text = ("Alex Morgan: Tell me about it.\nJordan Example: It was Monday.\nAlex Morgan: And then?\n"
            "Jordan Example: Next Steps: I wrote it down.\nKey Point: it failed.\nNote: twice.\n")
    df = parse_transcript(text)
    assert _turns(df) == [("Alex Morgan", "Tell me about it."), ("Jordan Example", "It was Monday."),
                          ("Alex Morgan", "And then?"),
                          ("Jordan Example", "Next Steps: I wrote it down. Key Point: it failed. Note: twice.")]
    _same_both_ways(text, monkeypatch)


def test_a_heading_shaped_name_used_once_beside_two_speakers_is_warned_at_its_line():
    text = "Maya: Why?\nDana: Cost.\nAnn Note: can I add one thing?\nMaya: Sure.\nDana: Yes.\n"
    df = parse_transcript(text)
    assert list(df["speaker"]) == ["Maya", "Dana", "Ann Note", "Maya", "Dana"]  # its own turn (session 11)
    assert any(p.line == 3 and "used only once" in p.message for p in df.attrs["problems"])


# -- 3. U+2028, U+2029, NEL, vertical tab, form feed as line ends ------------------------------------------
@pytest.mark.parametrize("kind", ["ls", "nel"])
def test_a_conversation_with_other_line_ends_gives_the_same_turns_in_every_format(kind, monkeypatch):
    paths = sorted((DATA / "eol-all").glob(f"{kind}-*"))
    assert len(paths) == 6
    read = {p.name: read_transcript(p) for p in paths}
    turns = {name: [(sp, " ".join(t.split())) for sp, t in _turns(df)] for name, df in read.items()}
    first = turns[paths[0].name]
    assert [sp for sp, _ in first] == ["Alex Morgan", "Jordan", "Alex Morgan", "Jordan"]
    assert all(t == first for t in turns.values()), turns
    for p in paths:
        assert any("instead of a line feed" in x.message and x.level == "warning" for x in read[p.name].attrs["problems"])
        _same_both_ways(p.read_text(encoding="utf-8"), monkeypatch)


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "eol-one").glob("*")))
def test_one_odd_line_end_never_merges_the_next_speaker(name, monkeypatch):
    df = read_transcript(DATA / "eol-one" / name)
    said = dict(zip(df["text"], df["speaker"]))
    assert said.get("It was late.") == "Jordan", _turns(df)
    assert said.get("Why?") == "Alex Morgan", _turns(df)
    if not name.startswith("cr-"):
        (warned,) = [p for p in df.attrs["problems"] if "instead of a line feed" in p.message]
        assert warned.line >= 2 and warned.level == "warning"
    _same_both_ways((DATA / "eol-one" / name).read_text(encoding="utf-8"), monkeypatch)


# -- 4. a cue's text on its timing line -------------------------------------------------------------------------
def test_text_on_a_vtt_timing_line_is_the_cues_first_line_with_a_warning(monkeypatch):
    path = DATA / "text-on-timing-line.vtt"
    df = read_transcript(path)
    assert _turns(df) == [("Alex Morgan", "Tell me."), ("Jordan", "It was late."), ("Alex Morgan", "Why?")]
    (warned,) = [p for p in df.attrs["problems"] if "after this cue's times" in p.message]
    assert warned.line == 6 and warned.level == "warning"
    _same_both_ways(path.read_text(encoding="utf-8"), monkeypatch)


@pytest.mark.parametrize("tail,kept", [(" align:start position:10%", False), (" Jordan: It was late.", True),
                                       ("  It was late.", True), (" X1:40 X2:600 Y1:20 Y2:50", False)])
def test_srt_timing_line_settings_are_no_text_but_words_are(tail, kept, monkeypatch):
    text = ("1\n00:00:01,000 --> 00:00:03,000\nAlex Morgan: Tell me.\n\n"
            f"2\n00:00:04,000 --> 00:00:06,000{tail}\nJordan: Then?\n\n"
            "3\n00:00:07,000 --> 00:00:09,000\nAlex Morgan: Why?\n")
    fmt, columns, problems = _same_both_ways(text, monkeypatch)
    assert fmt == "srt"
    assert ("It was late." in " ".join(columns["text"])) is kept
    assert any("after this cue's times" in p for p in problems) is kept
    assert columns["speaker"] == ["'Alex Morgan'", "'Jordan'", "'Alex Morgan'"]


# -- 2. Otter and Rev header times in other forms ------------------------------------------------------------
HEADER_STARTS = {"100h": 360000.0, "back": 5.0, "dropframe": 5.0, "frac": 3723.5, "neg": None, "hms": 3723.0,
                 "spaces": 5.0}


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "header-times").glob("*.txt")))
def test_an_odd_header_time_still_starts_the_speakers_turn(name, monkeypatch):
    path = DATA / "header-times" / name
    df = read_transcript(path)
    assert df.attrs["format"] == ("otter" if name.startswith("o-") else "rev")
    assert list(df["speaker"]) == ["Alex Morgan", "Jordan"]
    assert "Jordan" not in df["text"][0] and df["text"][1] in ("two", "It was late.")
    expected = HEADER_STARTS[name[2:-4]]
    problems = df.attrs["problems"]
    if expected is None:
        assert df["start"][1] != df["start"][1]
        assert [(p.line, p.level) for p in problems] == [(4, "warning")] and "negative" in problems[0].message
    else:
        assert df["start"][1] == expected
        assert [p.line for p in problems] == ([4] if name == "o-back.txt" else [])
    _same_both_ways(path.read_text(encoding="utf-8"), monkeypatch)


def test_a_body_line_ending_in_a_duration_is_no_header():
    text = "Alex Morgan  0:01\nHow long?\n\nJordan  0:05\nWait 5m\nAbout 2h 30m\nMaybe 1:02;3\n"
    df = parse_transcript(text)
    assert _turns(df) == [("Alex Morgan", "How long?"), ("Jordan", "Wait 5m About 2h 30m Maybe 1:02;3")]


# -- 9. a colon look-alike after a label ------------------------------------------------------------------------
def test_a_label_with_a_colon_look_alike_is_a_label(monkeypatch):
    path = DATA / "fullwidth-colon.txt"
    df = read_transcript(path)
    assert _turns(df) == [("Alex Morgan", "Tell me."), ("Jordan", "one"), ("Alex Morgan", "more"), ("Jordan", "two"),
                          ("Alex Morgan", "more"), ("Jordan", "three"), ("Alex Morgan", "more"), ("Jordan", "four")]
    _same_both_ways(path.read_text(encoding="utf-8"), monkeypatch)


@pytest.mark.parametrize("colon", ["\uff1a", "\ua789", "\u2236", "\ufe55"])
def test_a_zoom_cue_with_a_colon_look_alike_is_the_speakers(colon, monkeypatch):
    text = (f"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAlex Morgan: Tell me.\n\n2\n00:00:03.000 --> 00:00:04.000\n"
            f"Jordan{colon} It was 10:30.\n\n3\n00:00:05.000 --> 00:00:06.000\nAlex Morgan: Why?\n")
    fmt, columns, _ = _same_both_ways(text, monkeypatch)
    assert columns["speaker"] == ["'Alex Morgan'", "'Jordan'", "'Alex Morgan'"]
    assert columns["text"][1] == "'It was 10:30.'"


# -- 10. Otter label variants: an invisible character after the name; one warning per speaker -------------------
def test_otter_headers_of_one_speaker_written_differently_are_that_speakers(monkeypatch):
    path = DATA / "otter-label-variants.txt"
    df = read_transcript(path)
    assert list(df["speaker"]) == ["Alex Morgan", "JORDAN", "Alex Morgan", "JORDAN"]
    assert list(df["text"]) == ["Tell me.", "one", "more", "two three four five"]
    variants = {p.line: p.message for p in df.attrs["problems"] if "read as" in p.message}
    assert set(variants) == {7, 10}
    assert "'Alex Morgan'" in variants[7] and "line(s) 7)" in variants[7] and "10" not in variants[7]
    assert "'JORDAN'" in variants[10] and "invisible characters on line(s) 10" in variants[10]
    assert "10, 13, 16, 19" in variants[10]
    _same_both_ways(path.read_text(encoding="utf-8"), monkeypatch)


# -- 12. speech that looks like export boilerplate ---------------------------------------------------------------
def test_speech_like_a_service_line_stays_the_participants_words(monkeypatch):
    path = DATA / "speech-like-boilerplate.txt"
    df = read_transcript(path)
    assert list(df["speaker"]) == ["Alex Morgan", "Jordan", "Alex Morgan", "Jordan"]
    for said in ("Then my manager stopped the recording.", "Recording in progress, she said, so I panicked.",
                 "Page 2 of 5 was missing from the invoice.", "Transcribed by https://otter.ai is what the footer said.",
                 "This transcript was exported on Monday, and nobody read it."):
        assert said in df["text"][1]
    assert df["text"][3] == "Jordan Example started transcription, like a robot."
    (dropped,) = [p for p in df.attrs["problems"] if "service or word processor" in p.message]
    assert dropped.line == 6 and "line(s) 6, 7," in dropped.message  # `- 3 -` and `[00:12:34]`: nobody says them
    _same_both_ways(path.read_text(encoding="utf-8"), monkeypatch)


@pytest.mark.parametrize("name", ["boilerplate-mid-turn-otter.txt", "boilerplate-mid-turn-teams.vtt"])
def test_service_lines_as_services_write_them_are_dropped_even_inside_a_turn(name, monkeypatch):
    path = DATA / name
    df = read_transcript(path)
    said = " ".join(df["text"])
    assert "otter.ai" not in said and "started transcription" not in said and "Page 2" not in said
    assert "It was late." in said and "Twice." in said
    _same_both_ways(path.read_text(encoding="utf-8"), monkeypatch)


def test_service_sentences_are_dropped_at_the_edges_and_between_turns_only(monkeypatch):
    text = ("This transcript was exported on 12 January 2026 from Otter.ai.\nAlex Morgan: What then?\n"
            "Jordan: My boss stopped the recording\nand we left.\nAlex Morgan stopped the recording\n"
            "Alex Morgan: Thanks.\nThis transcript was exported on Monday, and nobody read it.\n")
    df = parse_transcript(text)
    assert _turns(df) == [("Alex Morgan", "What then?"), ("Jordan", "My boss stopped the recording and we left."),
                          ("Alex Morgan", "Thanks. This transcript was exported on Monday, and nobody read it.")]
    (dropped,) = [p for p in df.attrs["problems"] if "service or word processor" in p.message]
    assert "line(s) 1, 5," in dropped.message
    _same_both_ways(text, monkeypatch)


# -- 5. .docx: a page break inside a paragraph, a table of speakers and their words ------------------------------
def test_a_word_transcript_gives_the_turns_of_the_same_text_file():
    docx_turns = _turns(read_transcript(DATA / "docx-odd.docx"))
    assert docx_turns == _turns(read_transcript(DATA / "docx-odd.txt"))
    assert len(docx_turns) == 8


def test_word_page_breaks_and_table_rows_never_join_two_speakers(tmp_path):
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    run = document.add_paragraph().add_run("Maya: Where do you keep them?")
    run.add_break(WD_BREAK.PAGE)
    document.paragraphs[-1].add_run("Dana: In a folder.")
    run = document.add_paragraph().add_run("Maya: Which one?")
    run.add_break(WD_BREAK.COLUMN)
    document.paragraphs[-1].add_run("Dana: The red one.")
    table = document.add_table(rows=4, cols=2)
    for row, cells in zip(table.rows, [("Speaker", "Text"), ("Maya", "And then?"), ("Dana", "I file it."),
                                       ("", "and forget it.")]):
        row.cells[0].text, row.cells[1].text = cells
    path = tmp_path / "t.docx"
    document.save(path)
    df = read_transcript(path)
    assert _turns(df) == [("Maya", "Where do you keep them?"), ("Dana", "In a folder."), ("Maya", "Which one?"),
                          ("Dana", "The red one."), ("Maya", "And then?"), ("Dana", "I file it. and forget it.")]
    warned = {p.line: p.message for p in df.attrs["problems"]}
    assert "heading row" in warned[5] and "no speaker" in warned[8]


# -- 21. `Monday: it failed.` inside an answer: the same turns in every format ----------------------------------
def test_a_calendar_word_before_a_colon_is_no_speaker_in_any_format(monkeypatch):
    paths = sorted((DATA / "colon-in-speech").glob("*.*"))
    read = {p.name: _turns(read_transcript(p)) for p in paths}
    expected = [("Alex Morgan", "Walk me through it."),
                ("Jordan", "I did three things. Step one: I opened the export. Monday: it failed. My boss: he was angry."),
                ("Alex Morgan", "And then?"), ("Jordan", "Done.")]
    assert read == {p.name: expected for p in paths}
    for p in paths:
        _same_both_ways(p.read_text(encoding="utf-8"), monkeypatch)


def test_an_unreadable_timing_line_keeps_the_text_written_on_it(monkeypatch):
    text = ("1\n00:00:01,000 --> 00:00:03,000\nAlex Morgan: Tell me.\n\n"
            "2\n00:00:04,000 --> 0O:00:06,000 Jordan: It was late.\n\n"
            "3\n00:00:07,000 --> 00:00:09,000\nAlex Morgan: Why?\n")
    fmt, columns, problems = _same_both_ways(text, monkeypatch)
    assert columns["speaker"] == ["'Alex Morgan'", "'Jordan'", "'Alex Morgan'"]
    assert columns["text"][1] == "'It was late.'"
    assert any(p.startswith("t.txt:6:") and "cannot read this timing line" in p for p in problems)


@pytest.mark.parametrize("heading", ["Pain Points", "Company Background", "Key Point", "Next Steps", "Action Items",
                                     "Meeting Notes", "Note", "Step 2"])
def test_a_heading_used_twice_inside_answers_is_still_no_speaker(heading, monkeypatch):
    text = (f"Maya: What hurts?\nDana: Two things.\n{heading}: the export.\nMaya: And?\nDana: Also this.\n"
            f"{heading}: the invoice.\n")
    df = parse_transcript(text)
    assert list(df["speaker"]) == ["Maya", "Dana", "Maya", "Dana"]
    assert df["text"][3] == f"Also this. {heading}: the invoice."
    _same_both_ways(text, monkeypatch)
