"""Tests for kit.transcripts: every format, the heading-vs-speaker rule, errors, talk ratio."""
from __future__ import annotations

import codecs
import math
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.errors import Problem, StudyError, TranscriptError
from kit.transcripts import (
    COLUMNS,
    detect_format,
    infer_interviewer,
    parse_time,
    parse_transcript,
    read_transcript,
    talk_ratio,
)

DATA = Path(__file__).resolve().parent / "data" / "transcripts"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "anthropic-interviewer"
NAN = float("nan")


def rows(df: pd.DataFrame) -> list[tuple]:
    """Turns as tuples, with NaN times as None so that they compare equal."""
    out = []
    for sp, start, end, text in df[COLUMNS].itertuples(index=False, name=None):
        out.append((sp, None if math.isnan(start) else start,
                    None if math.isnan(end) else end, text))
    return out


def problem_of(excinfo) -> Problem:
    assert isinstance(excinfo.value, StudyError)
    assert len(excinfo.value.problems) == 1
    return excinfo.value.problems[0]


# --------------------------------------------------------------------------- time parsing
@pytest.mark.parametrize("value, seconds", [
    ("01:02:03.500", 3723.5),
    ("01:02:03,500", 3723.5),
    ("00:00:01.000", 1.0),
    ("00:00:00.001", 0.001),
    ("00:01.250", 1.25),
    ("1:05", 65.0),
    ("0:03", 3.0),
    ("1:02:03", 3723.0),
    ("10:00:00.1", 36000.1),
])
def test_parse_time_exact(value, seconds):
    assert parse_time(value) == seconds


# --------------------------------------------------------------------------- WebVTT, Zoom
ZOOM_TURNS = [
    ("Maya Chen", 1.0, 4.5,
     "Thanks for joining. Tell me about the last time a client paid you late."),
    ("Dana Ortiz", 5.0, 12.0,
     "It was in March. I sent the invoice on the first. "
     "And I was still chasing it at the end of the month."),
    ("Maya Chen", 12.5, 14.0, "What did you do then?"),
    ("Dana Ortiz", 62.0, 65.75, "I sent a text message."),
]


def test_zoom_vtt_file():
    df = read_transcript(DATA / "zoom.vtt")
    assert list(df.columns) == ["speaker", "start", "end", "text"]
    assert df["start"].dtype == "float64" and df["end"].dtype == "float64"
    assert rows(df) == ZOOM_TURNS
    assert df.attrs["format"] == "vtt"
    assert df.attrs["problems"] == []


def test_zoom_vtt_bom_and_crlf(tmp_path):
    raw = (DATA / "zoom.vtt").read_bytes().replace(b"\n", b"\r\n")
    path = tmp_path / "INT-001.vtt"
    path.write_bytes(codecs.BOM_UTF8 + raw)
    assert rows(read_transcript(path)) == ZOOM_TURNS
    assert detect_format("\ufeffWEBVTT\r\n\r\n") == "vtt"


def test_zoom_vtt_title_short_times_and_settings():
    text = ("WEBVTT - Pilot interview 3\nKind: captions\n\n"
            "00:01.000 --> 00:04.000 line:0 align:left\nMaya: Hello.\n\n"
            "00:04.500 --> 01:00.250\nDana: Hi Maya.\n")
    assert rows(parse_transcript(text)) == [("Maya", 1.0, 4.0, "Hello."),
                                            ("Dana", 4.5, 60.25, "Hi Maya.")]


def test_vtt_region_and_note_on_one_line_skipped():
    text = ("WEBVTT\n\nREGION\nid:fred\nwidth:40%\n\nNOTE one-line note: Maya: not a cue\n\n"
            "00:00:01.000 --> 00:00:02.000\nMaya: Only this.\n\n"
            "NOTE\nDana: still a note\n\n"
            "NOTE mis-timed cue, kept for reference\n00:00:09.000 --> 00:00:10.000\nTom: fake\n\n"
            "00:00:03.000 --> 00:00:04.000\nDana: And this.\n")
    assert rows(parse_transcript(text)) == [("Maya", 1.0, 2.0, "Only this."),
                                            ("Dana", 3.0, 4.0, "And this.")]


def test_vtt_unlabelled_cues_before_first_speaker_are_skipped_with_warning():
    text = ("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n(music)\n\n"
            "00:00:01.000 --> 00:00:02.000\nMaya: Welcome.\n\n"
            "00:00:02.000 --> 00:00:03.000\nDana: Thanks.\n")
    df = parse_transcript(text, source="x.vtt")
    assert rows(df) == [("Maya", 1.0, 2.0, "Welcome."), ("Dana", 2.0, 3.0, "Thanks.")]
    (warning,) = df.attrs["problems"]
    assert (warning.path, warning.line, warning.level) == ("x.vtt", 4, "warning")


def test_zoom_heading_inside_cue_is_not_a_speaker():
    text = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nMaya: How do you start?\n\n"
            "2\n00:00:02.000 --> 00:00:03.000\nDana: Two things.\n\n"
            "3\n00:00:03.000 --> 00:00:04.000\nStep 1: I open the sheet.\n\n"
            "4\n00:00:04.000 --> 00:00:05.000\nStep 2: I send it.\n\n"
            "5\n00:00:05.000 --> 00:00:06.000\nMaya: Thanks.\n")
    assert rows(parse_transcript(text)) == [
        ("Maya", 1.0, 2.0, "How do you start?"),
        ("Dana", 2.0, 5.0, "Two things. Step 1: I open the sheet. Step 2: I send it."),
        ("Maya", 5.0, 6.0, "Thanks."),
    ]


# --------------------------------------------------------------------------- WebVTT, Teams
def test_teams_vtt_file():
    df = read_transcript(DATA / "teams.vtt")
    assert rows(df) == [
        ("Maya Chen", 0.5, 3.0, "How do you send invoices today?"),
        ("Dana Ortiz", 3.2, 8.0,
         "Mostly by email, sometimes by post. It depends on the client & the amount."),
        ("Maya Chen", 8.5, 10.0, "Why by post?"),
    ]
    assert detect_format((DATA / "teams.vtt").read_text()) == "vtt"


def test_teams_two_voices_in_one_cue_and_multiline_voice():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Maya>Ready?</v> <v Dana>Yes.</v>\n\n"
            "00:00:03.000 --> 00:00:05.000\n<v Dana>Let me\nfinish this.\n")
    assert rows(parse_transcript(text)) == [("Maya", 1.0, 3.0, "Ready?"),
                                            ("Dana", 1.0, 5.0, "Yes. Let me finish this.")]


# --------------------------------------------------------------------------- SRT
def test_srt_file():
    df = read_transcript(DATA / "interview.srt")
    assert df.attrs["format"] == "srt"
    assert rows(df) == [
        ("Interviewer", 1.0, 4.0, "When did you last chase a payment?"),
        ("Participant", 4.5, 9.0, "Last week. It took three emails. And a phone call."),
        ("Interviewer", 3723.5, 3725.0, "Thank you."),
    ]


def test_srt_without_blank_lines_between_cues():
    text = ("1\n00:00:01,000 --> 00:00:02,000\nMaya: One.\n"
            "2\n00:00:02,000 --> 00:00:03,000\nDana: Two.\n")
    assert rows(parse_transcript(text)) == [("Maya", 1.0, 2.0, "One."),
                                            ("Dana", 2.0, 3.0, "Two.")]


# --------------------------------------------------------------------------- Otter, Rev
def test_otter_file_mss_and_hmmss():
    df = read_transcript(DATA / "otter.txt")
    assert df.attrs["format"] == "otter"
    assert rows(df) == [
        ("Maya Chen", 3.0, None, "Thanks for joining. How do you invoice?"),
        ("Dana Ortiz", 9.0, None, "With a spreadsheet. I copy last month's row."),
        ("Maya Chen", 3723.0, None, "Anything else?"),
        ("Dana Ortiz", 3730.0, None, "No."),
    ]


def test_otter_label_like_line_in_text_stays_text():
    text = "Maya  0:01\nWhat happened?\n\nDana  0:04\nNote: it was late.\n\nMaya  0:09\nOK.\n"
    assert rows(parse_transcript(text)) == [("Maya", 1.0, None, "What happened?"),
                                            ("Dana", 4.0, None, "Note: it was late."),
                                            ("Maya", 9.0, None, "OK.")]


def test_rev_file_same_line_and_next_line():
    df = read_transcript(DATA / "rev.txt")
    assert df.attrs["format"] == "rev"
    assert rows(df) == [
        ("Maya Chen", 3.0, None, "How do you invoice?"),
        ("Dana Ortiz", 9.0, None, "With a spreadsheet. Every month."),
        ("Maya Chen", 3723.0, None, "Why?"),
    ]


# --------------------------------------------------------------------------- plain
def test_plain_file_continuations_headings_times_urls():
    df = read_transcript(DATA / "plain.txt")
    assert df.attrs["format"] == "plain"
    assert rows(df) == [
        ("Maya", None, None, "How do you get paid?"),
        ("Dana", None, None, "Mostly by bank transfer. Some clients still send cheques."),
        ("Maya", None, None, "Walk me through the last invoice."),
        ("Dana", None, None,
         "Sure. Initial Steps: I open the spreadsheet and copy the row. Step 2: I export "
         "it as a PDF. Note: the PDF goes out by email, around 10:30 most mornings. "
         "See https://example.com/invoices for the template. 10:30 is when I do it."),
        ("Maya", None, None, "Here's my last question: what would you change?"),
        ("Dana", None, None, "Nothing: it works."),
    ]
    (warning,) = df.attrs["problems"]
    assert warning.line == 1 and warning.level == "warning"
    assert "skipped" in warning.message


def test_plain_blank_lines_and_whitespace_normalised():
    text = "\n\n  Maya:   How   do\tyou invoice?  \n\n\n   \nDana:\u00a0By  email.\n\n"
    assert rows(parse_transcript(text)) == [("Maya", None, None, "How do you invoice?"),
                                            ("Dana", None, None, "By email.")]


def test_assistant_style_transcript_headings_and_bare_labels():
    # Invented text shaped like the AI-interviewer corpus (speakers Assistant, AI, User).
    text = "\n".join([
        "Assistant: Hello, thanks for joining. Shall we begin?",
        "",
        "User: Sure.",
        "",
        "AI: Walk me through a recent project.",
        "",
        "User: We cleaned a sensor data set.",
        "",
        "Initial Steps:",
        "We read the documentation.",
        "",
        "Handling Outliers:",
        "We flagged odd readings.",
        "",
        "As for the write-up: it took a week.",
        "",
        "AI:",
        "",
        "That sounds careful. How did you check the results?",
        "",
        "User: By hand.",
        "",
        "AI:",
        "",
        "User: Also with a second model.",
        "",
        "Here's my closing question: what would you change?",
        "",
        "For the closing question: anything else?",
        "",
        "AI: Thank you!",
    ])
    df = parse_transcript(text)
    assert detect_format(text) == "plain"
    assert rows(df) == [
        ("Assistant", None, None, "Hello, thanks for joining. Shall we begin?"),
        ("User", None, None, "Sure."),
        ("AI", None, None, "Walk me through a recent project."),
        ("User", None, None,
         "We cleaned a sensor data set. Initial Steps: We read the documentation. "
         "Handling Outliers: We flagged odd readings. As for the write-up: it took a week."),
        ("AI", None, None, "That sounds careful. How did you check the results?"),
        # the empty `AI:` turn is dropped, so the two User segments merge
        ("User", None, None,
         "By hand. Also with a second model. Here's my closing question: what would you "
         "change? For the closing question: anything else?"),
        ("AI", None, None, "Thank you!"),
    ]


def test_repeated_heading_words_and_phrases_are_not_speakers():
    text = "\n".join([
        "Maya: What do you weigh up?",
        "Dana: Two options.",
        "Note: one is cheaper.",
        "for example: the bank.",
        "Note: the other is faster.",
        "for example: the app.",
        "Option A: bank.",
        "Option B: app.",
        "Maya: Thanks.",
        "Dana: Welcome.",
    ])
    df = parse_transcript(text)
    assert list(df["speaker"]) == ["Maya", "Dana", "Maya", "Dana"]
    assert df["text"][1] == ("Two options. Note: one is cheaper. for example: the bank. "
                             "Note: the other is faster. for example: the app. "
                             "Option A: bank. Option B: app.")


def test_single_use_label_mid_answer_is_not_a_speaker_unless_named():
    text = "Maya: Why?\nDana: Cost.\nKey Point: it adds up.\nMaya: I see.\nDana: Yes.\n"
    assert list(parse_transcript(text)["speaker"]) == ["Maya", "Dana", "Maya", "Dana"]
    text = "Maya: Why?\nDana: Cost.\nTom: Can I add one thing?\nMaya: Sure.\nDana: Yes.\n"
    # a name used once is a speaker of its own (session 11: never glued to the turn above), warned
    assert list(parse_transcript(text)["speaker"]) == ["Maya", "Dana", "Tom", "Maya", "Dana"]
    df = parse_transcript(text, speakers=["Tom"])
    assert list(df["speaker"]) == ["Maya", "Dana", "Tom", "Maya", "Dana"]


def test_two_line_exchange_and_first_line_speaker():
    assert rows(parse_transcript("Maya: How?\nDana: By email.")) == [
        ("Maya", None, None, "How?"), ("Dana", None, None, "By email.")]
    text = "Maya: Hi, I'm Maya.\nDana: Hi.\nDana: Hello again.\nTom: Hey.\nTom: Hey again.\n"
    assert list(parse_transcript(text)["speaker"]) == ["Maya", "Dana", "Tom"]


def test_role_labels_are_speakers_even_when_used_once_or_bare():
    text = "Interviewer:\nHow do you invoice?\nParticipant: By email.\nSpeaker 3: Me too.\n"
    assert rows(parse_transcript(text)) == [
        ("Interviewer", None, None, "How do you invoice?"),
        ("Participant", None, None, "By email."),
        ("Speaker 3", None, None, "Me too."),
    ]


def test_time_and_url_lines_are_not_labels():
    text = "Maya: When?\nDana: Monday.\n10:30 we met.\nhttps://example.com/x\nMaya: OK.\n"
    assert rows(parse_transcript(text)) == [
        ("Maya", None, None, "When?"),
        ("Dana", None, None, "Monday. 10:30 we met. https://example.com/x"),
        ("Maya", None, None, "OK."),
    ]
    assert detect_format(text) == "plain"


def test_time_and_url_cues_are_not_one_off_speakers_in_vtt():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMaya: When works?\n\n"
            "00:00:02.000 --> 00:00:03.000\nDana: Let me check.\n\n"
            "00:00:03.000 --> 00:00:04.000\nTuesday 10:30 works for me.\n\n"
            "00:00:04.000 --> 00:00:05.000\nDocs http://example.com/a\n")
    assert rows(parse_transcript(text)) == [
        ("Maya", 1.0, 2.0, "When works?"),
        ("Dana", 2.0, 5.0, "Let me check. Tuesday 10:30 works for me. Docs http://example.com/a"),
    ]


# --------------------------------------------------------------------------- merging, aliases
def test_consecutive_segments_merge_start_of_first_end_of_last():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMaya: One.\n\n"
            "00:00:02.500 --> 00:00:03.000\nMaya: Two.\n\n"
            "00:00:03.000 --> 00:00:04.000\nMaya: Three.\n\n"
            "00:00:05.000 --> 00:00:06.000\nDana: Four.\n")
    assert rows(parse_transcript(text)) == [("Maya", 1.0, 4.0, "One. Two. Three."),
                                            ("Dana", 5.0, 6.0, "Four.")]


def test_aliases_merge_labels_into_one_speaker():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMaya C.: First part.\n\n"
            "00:00:02.000 --> 00:00:03.000\nMaya Chen: Second part.\n\n"
            "00:00:03.000 --> 00:00:04.000\nDana: Answer.\n")
    no_alias = parse_transcript(text)
    assert list(no_alias["speaker"]) == ["Maya C.", "Maya Chen", "Dana"]
    df = parse_transcript(text, aliases={"Maya C.": "Maya Chen"})
    assert rows(df) == [("Maya Chen", 1.0, 3.0, "First part. Second part."),
                        ("Dana", 3.0, 4.0, "Answer.")]


def test_timed_formats_keep_a_one_off_speaker():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMaya: Why?\n\n"
            "00:00:02.000 --> 00:00:03.000\nDana: Cost.\n\n"
            "00:00:03.000 --> 00:00:04.000\nTom Becker: One thing to add.\n\n"
            "00:00:04.000 --> 00:00:05.000\nMaya: Go on.\n\n"
            "00:00:05.000 --> 00:00:06.000\nDana: Yes.\n")
    assert list(parse_transcript(text)["speaker"]) == ["Maya", "Dana", "Tom Becker",
                                                       "Maya", "Dana"]


def test_aliases_apply_to_plain_single_use_labels_and_teams_voices(tmp_path):
    text = "Maya: A?\nDana: B.\nMC: And C?\nDana: D.\n"
    df = parse_transcript(text, aliases={"MC": "Maya"})
    assert rows(df) == [("Maya", None, None, "A?"), ("Dana", None, None, "B."),
                        ("Maya", None, None, "And C?"), ("Dana", None, None, "D.")]
    df = read_transcript(DATA / "teams.vtt", aliases={"Dana Ortiz": "P-004"})
    assert list(df["speaker"]) == ["Maya Chen", "P-004", "Maya Chen"]


# --------------------------------------------------------------------------- detection
@pytest.mark.parametrize("name, fmt", [
    ("zoom.vtt", "vtt"), ("teams.vtt", "vtt"), ("interview.srt", "srt"),
    ("otter.txt", "otter"), ("rev.txt", "rev"), ("plain.txt", "plain"),
])
def test_detect_format_from_content_not_extension(tmp_path, name, fmt):
    text = (DATA / name).read_text(encoding="utf-8")
    assert detect_format(text) == fmt
    renamed = tmp_path / "transcript.dat"
    renamed.write_text(text, encoding="utf-8")
    assert read_transcript(renamed).attrs["format"] == fmt


# --------------------------------------------------------------------------- decoding
def test_cp1252_fallback(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes(b"Maya: Caf\xe9 or \x93tea\x94?\r\nDana: Tea \x96 always.\r\n")
    assert rows(read_transcript(path)) == [("Maya", None, None, "Café or “tea”?"),
                                           ("Dana", None, None, "Tea – always.")]


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes("Maya: Ça va?\nDana: Oui.\n".encode("utf-16"))
    assert rows(read_transcript(path)) == [("Maya", None, None, "Ça va?"),
                                           ("Dana", None, None, "Oui.")]


# --------------------------------------------------------------------------- errors
@pytest.mark.parametrize("content, line, words", [
    (b"", 0, "empty transcript"),
    (b"   \n\t\n  \r\n", 0, "empty transcript"),
    (codecs.BOM_UTF8, 0, "empty transcript"),
    (b"WEBVTT\n\n", 1, "no cues"),
    (b"\n\nWEBVTT - Title\n\nNOTE nothing else here\n", 3, "no cues"),
    (b"Maya: hi\nDa\x00na: hello\n", 2, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, "binary"),
    (b"Maya: hi\nDana: \x81\x8d\x90\n", 2, "cannot decode"),
    (b"\n\nWe talked about invoices.\nIt went well.\n", 3, "no speaker turns"),
    (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nno names here\n", 1, "no speaker turns"),
])
def test_bad_files_raise_transcript_error(tmp_path, content, line, words):
    path = tmp_path / "INT-009.txt"
    path.write_bytes(content)
    with pytest.raises(TranscriptError) as excinfo:
        read_transcript(path)
    problem = problem_of(excinfo)
    assert problem.path == str(path)
    assert problem.line == line
    assert problem.level == "error"
    assert words in problem.message
    assert str(problem).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(TranscriptError) as excinfo:
        read_transcript(tmp_path / "nope.vtt")
    problem = problem_of(excinfo)
    assert (problem.path, problem.line) == (str(tmp_path / "nope.vtt"), 0)
    assert "not found" in problem.message
    with pytest.raises(TranscriptError) as excinfo:
        read_transcript(tmp_path)
    assert "folder" in problem_of(excinfo).message


def test_parse_transcript_errors_name_the_source():
    with pytest.raises(TranscriptError) as excinfo:
        parse_transcript("  \n ", source="INT-002.txt")
    assert problem_of(excinfo) == Problem("INT-002.txt", 0,
                                          "empty transcript: add the text or remove the file")
    with pytest.raises(TypeError):
        parse_transcript(b"Maya: hi")


# --------------------------------------------------------------------------- talk ratio
def test_talk_ratio_hand_computed():
    turns = pd.DataFrame({
        "speaker": ["Maya", "Dana", "Maya", "Dana", "Tom"],
        "start": [NAN] * 5, "end": [NAN] * 5,
        "text": ["How do you invoice?",              # 4 words
                 "With a spreadsheet, every month.",  # 5
                 "Why?",                              # 1
                 "Habit, mostly. It  works.",         # 4
                 "Agreed."],                          # 1
    })
    assert talk_ratio(turns, "Maya") == 5 / 15
    assert talk_ratio(turns, ["Maya", "Tom"]) == 6 / 15
    assert talk_ratio(turns, {"Nobody"}) == 0.0
    assert talk_ratio(turns, ("Maya", "Dana", "Tom")) == 1.0
    empty = pd.DataFrame({c: [] for c in COLUMNS})
    assert math.isnan(talk_ratio(empty, "Maya"))


def test_infer_interviewer():
    df = read_transcript(DATA / "zoom.vtt")
    assert infer_interviewer(df) == "Maya Chen"
    tie = parse_transcript("Dana: Is it? Maybe.\nMaya: Why? Really?\nDana: Who knows?\n")
    assert infer_interviewer(tie) == "Dana"
    none = parse_transcript("Dana: Hello.\nMaya: Hi.\n")
    assert infer_interviewer(none) == "Dana"
    with pytest.raises(ValueError):
        infer_interviewer(pd.DataFrame({c: [] for c in COLUMNS}))


# --------------------------------------------------------------------------- properties
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_UTTERANCE = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
_SEGMENTS = st.lists(st.tuples(st.sampled_from(["Maya Chen", "Dana"]), _UTTERANCE),
                     min_size=1, max_size=30)


def _merged(segments):
    out = []
    for speaker, text in segments:
        if out and out[-1][0] == speaker:
            out[-1][1] += " " + text
        else:
            out.append([speaker, text])
    return [tuple(x) for x in out]


@settings(max_examples=60, deadline=None)
@given(_SEGMENTS)
def test_plain_round_trip(segments):
    text = "\n".join(f"{s}: {t}" for s, t in segments)
    df = parse_transcript(text)
    assert list(zip(df["speaker"], df["text"])) == _merged(segments)


@settings(max_examples=60, deadline=None)
@given(_SEGMENTS, st.booleans())
def test_vtt_and_srt_round_trip(segments, srt):
    blocks = []
    for k, (s, t) in enumerate(segments):
        a, b = f"00:00:{k:02d}", f"00:00:{k:02d}"
        sep = "," if srt else "."
        blocks.append(f"{k + 1}\n{a}{sep}000 --> {b}{sep}900\n{s}: {t}\n")
    text = ("" if srt else "WEBVTT\n\n") + "\n".join(blocks)
    df = parse_transcript(text)
    assert list(zip(df["speaker"], df["text"])) == _merged(segments)
    assert df["start"].iloc[0] == 0.0
    assert df["end"].iloc[-1] == len(segments) - 1 + 0.9


# --------------------------------------------------------------------------- real corpus
def _corpus_texts():
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (only present in the development workspace)")
    texts = []
    for name in ("creatives_transcripts.csv", "scientists_transcripts.csv"):
        path = CORPUS / name
        if not path.is_file():
            pytest.skip(f"corpus file missing: {path}")
        texts.extend(pd.read_csv(path)["text"].tolist())
    return texts


@pytest.mark.slow  # parses the whole real corpus: over 1 s (tests/README.md)
@pytest.mark.corpus
def test_corpus_parses_cleanly():
    texts = _corpus_texts()
    assert len(texts) == 250
    interviewer = {"Assistant", "AI"}
    for n, text in enumerate(texts):
        assert detect_format(text) == "plain", n
        df = parse_transcript(text, source=f"corpus#{n}")
        assert list(df.columns) == COLUMNS
        assert set(df["speaker"]) <= {"Assistant", "AI", "User"}, n
        assert len(df) >= 2, n
        assert df["start"].isna().all() and df["end"].isna().all()
        assert (df["text"].str.len() > 0).all()
        roles = [s in interviewer for s in df["speaker"]]
        changes = sum(a != b for a, b in zip(roles, roles[1:]))
        assert changes >= 0.9 * (len(roles) - 1), n
        ratio = talk_ratio(df, interviewer)
        assert 0 < ratio < 1, n
        assert infer_interviewer(df) in interviewer, n
        # nothing lost: every word is in a turn, except the speaker labels themselves
        labels = len(re.findall(r"^(?:Assistant|AI|User):", text, flags=re.M))
        kept = sum(len(t.split()) for t in df["text"])
        assert len(text.split()) - kept == labels, n


def test_boilerplate_hidden_behind_caption_markup_is_still_dropped():
    """Lines are tested for boilerplate words only when the file holds one (one search of the
    whole text); a caption's tags and entities are removed before its lines are tested, so a
    word they split or encode still counts."""
    vtt = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nMaya: How do you send invoices?\n\n"
           "2\n00:00:02.500 --> 00:00:04.000\nJo: By email, mostly.\n\n"
           "3\n00:00:04.500 --> 00:00:05.000\n&#116;ran<i>scribed</i> by Descript\n")
    df = parse_transcript(vtt)
    assert df["text"].tolist() == ["How do you send invoices?", "By email, mostly."]
    assert any("transcription service" in p.message and p.line == 13 for p in df.attrs["problems"])
    plain = "Maya: How do you send invoices?\nJo: By email, mostly.\n"
    assert parse_transcript(plain)["text"].tolist() == ["How do you send invoices?", "By email, mostly."]
    assert parse_transcript(plain + "Page 2 of 2\n").attrs["problems"][0].line == 3  # no hint word, a digit: tested


def test_control_character_check_agrees_with_the_pattern():
    # has_c0 (a pass over the UTF-8 bytes) decides as the _C0 pattern does, for every
    # character of the first planes, surrogates and astral characters included
    from kit.transcript_lines import has_c0
    from kit.transcripts import _C0

    for code in [*range(0, 0x3000), 0xD800, 0xDFFF, 0xFEFF, 0x1F600, 0x10FFFF]:
        text = f"Maya: a{chr(code)}b"
        assert has_c0(text) == (_C0.search(text) is not None), hex(code)
