"""Real-world inputs (issue 12) and bounded, contained reading (issue 19): every example
of the issues with its right value or a located problem, and round-trip properties for
every transcript format with the quirks of real exports."""
from __future__ import annotations

import codecs
import math
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings, example
from hypothesis import strategies as st

from conftest import write
from kit.check import check_study
from kit.codebook import backtracking_risk, load_codebook
from kit.coding import AutoCoder
from kit.csvio import decode_text, parse_number, read_rows, sniff_delimiter
from kit.errors import TranscriptError
from kit.notes import parse_note_text
from kit.study import load_study
from kit.transcripts import parse_time, parse_transcript, read_transcript
from kit.yamlio import MAX_DEPTH, load_yaml


def turns(df) -> list[tuple[str, str]]:
    return list(zip(df["speaker"], df["text"]))


def located(problems, fragment: str) -> list[tuple[int, str]]:
    """(line, level) of the problems whose message holds ``fragment``."""
    return [(p.line, p.level) for p in problems if fragment in p.message]


def minimal_study(root: Path, files: dict[str, str] | None = None) -> Path:
    """A study folder with a study.yml and ``files`` (relative path -> text)."""
    write(root / "study.yml", 'research_question: "How do freelancers chase late payments?"\n')
    for name, text in (files or {}).items():
        write(root / name, text)
    return root


HELLO = {"transcripts/INT-001.txt": "Maya: Hi?\nDana: Hello.\n"}


# --------------------------------------------------------------------------- example 1: captions
SRT_BLANK_IN_CUE = """\
1
00:00:01,000 --> 00:00:04,000
Maya: When did the last invoice get paid?

2
00:00:04,500 --> 00:00:09,000
Dana: Six weeks after the due date,

I had to call them three times.

3
00:00:09,500 --> 00:00:11,000
Maya: Why three?
"""

VTT_BLANK_AFTER_TIMING = """\
WEBVTT

00:00:01.000 --> 00:00:03.500
Maya: What do you do when a payment is late?

00:00:04.000 --> 00:00:07.000 line:90% align:center

Dana: I text the client first,
then I email the accounts team.

00:00:07.500 --> 00:00:09.000
Maya: And if that does not work?
"""


def test_srt_blank_line_inside_a_cue_keeps_the_whole_answer():
    df = parse_transcript(SRT_BLANK_IN_CUE)
    assert turns(df) == [("Maya", "When did the last invoice get paid?"),
                         ("Dana", "Six weeks after the due date, I had to call them three times."),
                         ("Maya", "Why three?")]
    assert list(df["start"]) == [1.0, 4.5, 9.5] and list(df["end"]) == [4.0, 9.0, 11.0]
    assert df.attrs["problems"] == []


def test_vtt_blank_line_after_timing_with_cue_settings_keeps_the_answer_and_both_questions():
    df = parse_transcript(VTT_BLANK_AFTER_TIMING)
    assert turns(df) == [("Maya", "What do you do when a payment is late?"),
                         ("Dana", "I text the client first, then I email the accounts team."),
                         ("Maya", "And if that does not work?")]
    assert df.loc[1, "start"] == 4.0 and df.loc[1, "end"] == 7.0


@pytest.mark.parametrize("timing, start, end", [
    ("00:01.000 --> 00:04.000", 1.0, 4.0),                 # missing hours
    ("00:00:01.5 --> 00:00:04.25", 1.5, 4.25),             # 1 and 2 digit fractions
    ("00:00:01.2345 --> 00:00:04.0001", 1.235, 4.0),       # 4 digit fractions
    ("00:00:01.000-->00:00:04.000", 1.0, 4.0),             # no spaces around the arrow
    ("00:00:01:500 --> 00:00:04:250", 1.5, 4.25),          # a colon before the fraction
    ("00:00:01,000 --> 00:00:04,000 position:10% size:80%", 1.0, 4.0),  # cue settings
    ("1:00:01.000 --> 1:00:04.000", 3601.0, 3604.0),       # one-digit hours
])
def test_timing_lines_read_as_players_read_them(timing, start, end):
    df = parse_transcript(f"WEBVTT\n\n{timing}\nMaya: Hello there.\n\n00:01:00.000 --> 00:01:02.000\n"
                          "Dana: Hi.\n")
    assert (df.loc[0, "start"], df.loc[0, "end"]) == (start, end)
    assert turns(df) == [("Maya", "Hello there."), ("Dana", "Hi.")]


def test_unreadable_timing_line_is_reported_and_its_text_kept_so_turn_ids_stay():
    good = parse_transcript(SRT_BLANK_IN_CUE)
    broken = SRT_BLANK_IN_CUE.replace("00:00:04,500 --> 00:00:09,000", "00:00:04,500 -> 00:00:09,000")
    df = parse_transcript(broken)
    assert turns(df) == turns(good)  # the third turn is still the third turn
    assert math.isnan(df.loc[1, "start"]) and math.isnan(df.loc[1, "end"])
    assert located(df.attrs["problems"], "cannot read this timing line") == [(6, "warning")]


@pytest.mark.parametrize("first, second, fragment, line", [
    ("00:00:05,000 --> 00:00:02,000", "00:00:06,000 --> 00:00:07,000", "ends", 2),
    ("00:00:05,000 --> 00:00:06,000", "00:00:01,000 --> 00:00:02,000", "go backwards", 6),
    ("00:00:75,000 --> 00:00:80,000", "00:01:30,000 --> 00:01:31,000", "impossible cue time", 2),
])
def test_impossible_cue_times_are_reported(first, second, fragment, line):
    df = parse_transcript(f"1\n{first}\nMaya: One?\n\n2\n{second}\nDana: Two.\n")
    assert turns(df) == [("Maya", "One?"), ("Dana", "Two.")]
    assert located(df.attrs["problems"], fragment) == [(line, "warning")]


def test_parse_time_refuses_impossible_times():
    assert parse_time("00:00:04:500") == 4.5
    with pytest.raises(ValueError):
        parse_time("00:75:00")
    with pytest.raises(ValueError):
        parse_time("later")


# --------------------------------------------------------------------------- example 2: encodings
def test_one_windows_1252_line_in_utf8_is_decoded_alone(tmp_path):
    path = tmp_path / "INT-001.txt"
    path.write_bytes("Maya: Could you tell me, René, what happens next?\n".encode()
                     + "René: I don’t chase them, I wait.\n".encode("cp1252")
                     + "Maya: Why wait, René?\nRené: Because it’s awkward.\n".encode())
    df = read_transcript(path)
    assert turns(df) == [("Maya", "Could you tell me, René, what happens next?"),
                         ("René", "I don’t chase them, I wait."),
                         ("Maya", "Why wait, René?"), ("René", "Because it’s awkward.")]
    assert located(df.attrs["problems"], "Windows-1252") == [(2, "warning")]
    assert "line(s) 2)" in df.attrs["problems"][0].message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    path = tmp_path / "t.txt"
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    path.write_bytes(bom + "Maya: Ça va, René?\nRené: Oui.\n".encode(codec))
    assert turns(read_transcript(path)) == [("Maya", "Ça va, René?"), ("René", "Oui.")]


def test_decode_text_lists_every_fallback_line_and_refuses_binary():
    text, problems = decode_text("a é\n".encode("cp1252") * 3 + b"ok\n", "f.txt")
    assert text == "a é\na é\na é\nok\n"
    assert "(line(s) 1, 2, 3)" in problems[0].message
    text, problems = decode_text(b"abc\x00def", "f.bin")
    assert text is None and problems[0].level == "error"


# --------------------------------------------------------------------------- export boilerplate
def test_export_boilerplate_is_kept_out_of_turns_and_reported():
    text = ("Maya Chen  0:03\nHow do you send invoices? [crosstalk]\n\nDana  0:10\n"
            "By email. [inaudible 00:00:12] Mostly by email.\n00:00:15\nPage 2 of 5\n"
            "Maya Chen  0:20\nThanks.\n\nTranscribed by https://otter.ai\n")
    df = parse_transcript(text)
    assert turns(df) == [("Maya Chen", "How do you send invoices?"),
                         ("Dana", "By email. Mostly by email."), ("Maya Chen", "Thanks.")]
    problems = df.attrs["problems"]
    service = [p for p in problems if "transcription service" in p.message]
    assert len(service) == 1 and "line(s) 6, 7, 11" in service[0].message
    assert located(problems, "[inaudible]") == [(2, "warning")]


def test_rev_footer_is_boilerplate():
    df = parse_transcript("Maya (00:03):\nHi?\n\nDana (00:05):\nHello.\n\nThis transcript was exported "
                          "on Oct 4, 2026 - view latest version here.\n")
    assert turns(df) == [("Maya", "Hi?"), ("Dana", "Hello.")]
    assert any("transcription service" in p.message and p.line == 7 for p in df.attrs["problems"])


@pytest.mark.parametrize("a, b, c", [("SPEAKER_00", "SPEAKER_01", "SPEAKER_02"),
                                     ("Speaker 1", "Speaker 2", "Unknown Speaker")])
def test_diarization_labels_are_speakers_even_when_used_once(a, b, c):
    df = parse_transcript(f"{a}: How do you chase?\n{b}: By phone.\n{a}: Always?\n{b}: Mostly.\n"
                          f"{c}: Sorry, wrong room.\n{a}: No problem.\n")
    assert list(df["speaker"]) == [a, b, a, b, c, a]


def test_docx_transcript(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ["Invoice interview", "Maya Chen  0:03", "How do you send invoices?",
                 "Dana Ruiz  0:10", "By email, mostly.", "Page 1 of 1"]:
        document.add_paragraph(line)
    path = tmp_path / "INT-001.docx"
    document.save(path)
    df = read_transcript(path)
    assert turns(df) == [("Maya Chen", "How do you send invoices?"), ("Dana Ruiz", "By email, mostly.")]
    assert list(df["start"]) == [3.0, 10.0]
    assert located(df.attrs["problems"], "before the first speaker turn") == [(1, "warning")]
    assert located(df.attrs["problems"], "transcription service") == [(6, "warning")]


def test_a_zip_that_is_not_a_word_file(tmp_path):
    import zipfile

    path = tmp_path / "t.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(TranscriptError) as info:
        read_transcript(path)
    assert "not a Word" in info.value.problems[0].message


# --------------------------------------------------------------------------- properties
_WORD = st.sampled_from(["invoice", "late", "René", "don’t", "paid", "client", "twice", "email",
                         "weeks", "ça", "reminder", "awkward", "ok", "Friday"])
_TEXT = st.lists(_WORD, min_size=1, max_size=7).map(" ".join)
_SPEAKERS = ["Maya Chen", "René Dubois", "SPEAKER_00", "Speaker 1"]
_TURNS = st.lists(st.tuples(st.sampled_from(_SPEAKERS), _TEXT, st.booleans()), min_size=2, max_size=12)


def _expected(segments):
    out = []
    for speaker, text, _ in segments:
        if out and out[-1][0] == speaker:
            out[-1] = (speaker, out[-1][1] + " " + text)
        else:
            out.append((speaker, text))
    return out


def _clock(seconds: float, style: int) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    whole, frac = int(s), round((s - int(s)) * 1000)
    return [f"{int(h):02d}:{int(m):02d}:{whole:02d}.{frac:03d}",      # standard
            f"{int(m):02d}:{whole:02d}.{frac:03d}",                   # missing hours
            f"{int(h):02d}:{int(m):02d}:{whole:02d}:{frac:03d}",      # colon before fraction
            f"{int(h)}:{int(m):02d}:{whole:02d}.{frac // 100}"][style]  # 1-digit fraction


def _caption(segments, srt: bool, style: int) -> str:
    blocks = [] if srt else ["WEBVTT\n"]
    for k, (speaker, text, split) in enumerate(segments):
        start, end = 2.0 * k + 0.5, 2.0 * k + 1.5
        arrow = "-->" if k % 2 else " --> "
        a, b = _clock(start, 0 if style == 1 and srt else style), _clock(end, 0 if style == 1 and srt else style)
        if srt:
            a, b = a.replace(".", ","), b.replace(".", ",")
        body = f"{speaker}: {text}"
        if split and " " in text:  # a blank line inside the cue
            first, rest = text.split(" ", 1)
            body = f"{speaker}: {first}\n\n{rest}"
        settings_ = "" if srt else " align:center" * (k % 3 == 0)
        blocks.append((f"{k + 1}\n" if srt or k % 2 else "") + f"{a}{arrow}{b}{settings_}\n{body}\n")
    return "\n".join(blocks)


def _otter(segments, rev: bool) -> str:
    lines = []
    for k, (speaker, text, split) in enumerate(segments):
        m, s = divmod(3 * k, 60)
        lines.append(f"{speaker} ({m:02d}:{s:02d}):" if rev else f"{speaker}  {m}:{s:02d}")
        lines.append(text)
        lines.append("")
    return "\n".join(lines)


def _plain(segments) -> str:
    return "\n".join(f"{speaker}: {text}" for speaker, text, _ in segments)


_QUIRKS = ["Transcribed by https://otter.ai", "Page 3 of 9", "[00:01:02]", "[inaudible]"]


def _read_bytes(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"t{suffix}"
        path.write_bytes(data)
        return read_transcript(path)


def _encode(text: str, cp1252_line: int) -> bytes:
    """UTF-8, with one line (when it can be) in Windows-1252, as after pasting."""
    lines = text.split("\n")
    k = cp1252_line % len(lines)
    out = [line.encode("cp1252") if i == k else line.encode("utf-8") for i, line in enumerate(lines)]
    return b"\n".join(out)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TURNS, st.sampled_from(["vtt", "srt", "otter", "rev", "plain"]), st.integers(0, 3),
       st.integers(0, 50), st.sampled_from(_QUIRKS))
def test_every_format_reads_back_the_same_turns(segments, fmt, style, cp1252_line, quirk):
    if fmt in ("vtt", "srt"):
        text = _caption(segments, fmt == "srt", style)
    elif fmt in ("otter", "rev"):
        text = _otter(segments, fmt == "rev")
    else:
        # In plain text a label used once among three or more people stays in the turn
        # before it (a heading such as "Next steps:" looks the same): everyone speaks twice.
        segments = segments + segments
        text = _plain(segments)
    text = text.rstrip("\n") + "\n\n" + quirk + "\n"  # an export footer or a marker at the end
    df = _read_bytes(_encode(text, cp1252_line), ".txt")
    assert turns(df) == _expected(segments)
    problems = df.attrs["problems"]
    # nothing silently lost: the quirk line is reported at its line number
    quirk_line = text.split("\n").index(quirk) + 1
    assert any(str(quirk_line) in p.message or p.line == quirk_line for p in problems)
    if fmt in ("vtt", "srt"):
        times = [round(2.0 * k + 0.5, 3) for k, _ in enumerate(segments)]
        firsts = [times[k] for k, seg in enumerate(segments) if k == 0 or segments[k - 1][0] != seg[0]]
        assert list(df["start"]) == pytest.approx(firsts, abs=0.1 if style == 3 else 0.001)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TURNS)
def test_docx_reads_back_the_same_turns(segments):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in _otter(segments, rev=False).split("\n"):
        if line:
            document.add_paragraph(line)
    document.add_paragraph("Transcribed by https://otter.ai")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.docx"
        document.save(path)
        df = read_transcript(path)
    assert turns(df) == _expected(segments)


# --------------------------------------------------------------------------- example 3: YAML
def test_yaml_keeps_what_was_written():
    data, problems = load_yaml("keywords: [no, nope, 'no thanks', yes, sure]\nNO: 3\nsprint: 2026.10\n"
                               "x: [012, 12:30, On, off, y]\nwhen: 2026-03-02\n")
    assert problems == []
    assert data["keywords"] == ["no", "nope", "no thanks", "yes", "sure"]
    assert data["NO"] == 3 and "NO" in data
    assert str(data["sprint"]) == "2026.10" and f"{data['sprint']}" == "2026.10"
    assert data["sprint"] == pytest.approx(2026.1)
    assert [str(v) for v in data["x"]] == ["012", "12:30", "On", "off", "y"]
    assert str(data["when"]) == "2026-03-02"


def test_codebook_keywords_no_and_yes_stay_words(tmp_path):
    path = write(tmp_path / "codebook.yml", """
        codes:
          - name: refusal
            definition: The participant turns an idea down.
            keywords: [no, nope, "no thanks"]
          - name: agreement
            definition: The participant agrees.
            keywords: [yes, sure]
    """)
    codebook, problems = load_codebook(path)
    # read as words (not yes/no values); as single keywords they are everyday words: a warning each
    assert [(p.line, p.level) for p in problems] == [(4, "warning"), (7, "warning")], problems
    assert all("everyday word" in p.message for p in problems)
    coder = AutoCoder(codebook)
    assert [c for c, _ in coder.code_text("No, my clients would find that pushy.")] == ["refusal"]
    assert coder.code_text("That is true of most of them.") == []


def test_codebook_boolean_keyword_is_reported(tmp_path):
    path = write(tmp_path / "codebook.yml", "codes:\n  - name: a\n    definition: d\n    keywords: [true]\n")
    codebook, problems = load_codebook(path)
    assert codebook.codes[0].keywords == ["true"]
    assert located(problems, "put it in quotes") == [(4, "warning")]


def test_study_yml_quota_key_sprint_and_stages_keep_their_spelling(tmp_path):
    root = minimal_study(tmp_path / "s", HELLO)
    write(root / "study.yml", """
        research_question: How do freelancers chase late payments?
        sprint: 2026.10
        segments:
          attribute: country
          quotas: {NO: 2, SE: 1}
        stages: [012, 12:30, On]
    """)
    study = load_study(root, strict=False)
    assert study.sprint == "2026.10"
    assert study.config["segments"]["quotas"] == {"NO": 2, "SE": 1}
    assert study.stages == ["012", "12:30", "On"]


@pytest.mark.parametrize("name", ["study.yml", "codebook.yml", "guide.yml"])
def test_templates_read_as_written(name):
    """The templates quote what YAML would otherwise change: every scalar the kit reads as
    text comes back exactly as written in the file."""
    import yaml

    path = Path(__file__).resolve().parents[1] / "templates" / name
    text = path.read_text(encoding="utf-8")
    data, problems = load_yaml(text, name)
    assert problems == []

    def scalars(node, value):
        if isinstance(node, yaml.MappingNode):
            for (k, v) in node.value:
                yield from scalars(v, value[next(key for key in value if str(key) == k.value)])
        elif isinstance(node, yaml.SequenceNode):
            for n, v in zip(node.value, value):
                yield from scalars(n, v)
        elif node.style is None and not isinstance(value, (int, float)) or isinstance(value, str):
            yield node.value, value

    for written, read in scalars(yaml.compose(text), data):
        if isinstance(read, (str, bool)) or read is None:
            assert str(read) == written or read is None and written in ("", "~", "null"), (written, read)


@pytest.mark.parametrize("text, line", [
    ("x: &a [*a]\n", 1),
    ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
     + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
               for i in range(20)), 2),
])
def test_yaml_aliases_are_refused_at_their_line(text, line):
    data, problems = load_yaml(text, "study.yml")
    assert data is None
    assert [(p.line, p.level) for p in problems] == [(line, "error")]
    assert "alias" in problems[0].message


@pytest.mark.parametrize("text", ["x: " + "[" * 1000 + "]" * 1000,
                                  "".join("  " * i + f"k{i}:\n" for i in range(1000)) + "  " * 1000 + "v\n"])
def test_yaml_deep_nesting_is_a_located_problem(text):
    data, problems = load_yaml(text, "study.yml")
    assert data is None and len(problems) == 1
    assert problems[0].is_error and str(MAX_DEPTH) in problems[0].message


def test_yaml_python_tags_stay_refused():
    data, problems = load_yaml("x: !!python/object/apply:os.system ['echo hacked']\n")
    assert data is None and problems[0].line == 1


@pytest.mark.parametrize("name, text", [
    ("study.yml", "research_question: &q [*q]\n"),
    ("codebook.yml", "codes: &c [*c]\n"),
    ("interviews/INT-001.md", "---\nid: INT-001\ndate: 2026-03-02\nx: &a [*a]\n---\n## Key Quotes\n"),
    ("study.yml", "research_question: x\nd: " + "[" * 1000 + "]" * 1000 + "\n"),
])
def test_check_reports_unsafe_yaml_in_every_file(tmp_path, name, text):
    root = minimal_study(tmp_path / "s", HELLO)
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")
    problems = check_study(root)
    assert any(p.path.endswith(name) and p.is_error and ("alias" in p.message or "nested" in p.message)
               for p in problems), problems


# --------------------------------------------------------------------------- example 4: notes
def test_misspelt_opportunities_heading_keeps_the_items():
    note = parse_note_text("---\nid: INT-001\ndate: 2026-03-02\n---\n## Key Quotes\n- \"x\"\n"
                           "## Insights\n- y\n## Oportunities\n- Offer a payment link\n", "n.md")
    assert [i.text for i in note.opportunities] == ["Offer a payment link"]
    assert located(note.problems, "read as 'Opportunities'") == [(9, "warning")]


# --------------------------------------------------------------------------- example 5: CSV etc.
DECISIONS_HEADER = ("id,date,decision,evidence,estimated_value,value_kind,outcome_metric,"
                    "outcome_baseline,outcome_reading,reading_date\n")


def test_unterminated_quote_is_reported_and_later_rows_kept(tmp_path):
    path = tmp_path / "decisions.csv"
    path.write_text(DECISIONS_HEADER + 'D-1,2026-01-20,"Add import,,1,revenue,,,,\n'
                    "D-2,2026-01-21,Second,,2,revenue,,,,\nD-3,2026-01-22,Third,,3,revenue,,,,\n",
                    encoding="utf-8")
    rows, _, problems = read_rows(path)
    assert [r["id"] for r in rows] == ["D-1", "D-2", "D-3"]
    assert [r["_line"] for r in rows] == [2, 3, 4]
    assert located(problems, "never closed") == [(2, "error")]


@pytest.mark.parametrize("sep, name", [(";", "semicolon"), ("\t", "tab")])
def test_csv_dialect_is_detected_and_named(tmp_path, sep, name):
    path = tmp_path / "costs.csv"
    path.write_bytes(codecs.BOM_UTF8 + sep.join(["date", "category", "description", "amount"]).encode()
                     + b"\n" + sep.join(["2026-01-05", "tool", "Caf\xe9 r\xe9sum\xe9", "12,50"]).encode("latin-1")
                     + b"\n")
    rows, columns, problems = read_rows(path)
    assert columns == ["date", "category", "description", "amount"]
    assert rows[0]["description"] == "Café résumé"
    assert located(problems, f"{name}-separated") == [(1, "warning")]
    assert located(problems, "Windows-1252") == [(2, "warning")]
    assert parse_number(rows[0]["amount"]) == 12.5


def test_sniff_delimiter_defaults_to_comma():
    assert sniff_delimiter("id\nP-1\n") == ","
    assert sniff_delimiter('id,note\nP-1,"a; b; c"\n') == ","


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "Infinity", "NaN", "twelve"])
def test_parse_number_refuses_non_finite(value):
    with pytest.raises(ValueError):
        parse_number(value)


def test_costs_nan_inf_and_negative_are_located_errors(tmp_path):
    root = minimal_study(tmp_path / "s", {**HELLO, "costs.csv": "date,category,description,hours,rate,amount\n"
                                           "2026-01-05,tool,a,,,nan\n2026-01-05,tool,b,,,inf\n"
                                           "2026-01-05,tool,c,,,-5\n2026-01-05,tool,d,,,5\n"
                                           "2026-01-05,snacks,e,,,5\n"})
    problems = [p for p in check_study(root) if p.path.endswith("costs.csv")]
    assert [(p.line, p.level) for p in problems] == [(2, "error"), (3, "error"), (4, "error"), (6, "error")]
    assert "interviewer_time" in problems[-1].message  # the allowed values are named
    study = load_study(root, strict=False)
    assert list(study.costs["amount"]) == [5.0]


def test_ambiguous_transcripts_for_one_interview_are_reported(tmp_path):
    root = minimal_study(tmp_path / "s")
    for suffix in ("txt", "vtt", "srt"):
        text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMaya: Hi?\n" if suffix == "vtt" else
                "1\n00:00:01,000 --> 00:00:02,000\nMaya: Hi?\n" if suffix == "srt" else "Maya: Hi?\n")
        write(root / "transcripts" / f"INT-003.{suffix}", text + "Dana: Hello.\n" * (suffix == "txt"))
    problems = [p for p in check_study(root) if "transcript files for interview" in p.message]
    assert len(problems) == 1 and problems[0].is_error
    assert "INT-003.srt, INT-003.txt, INT-003.vtt" in problems[0].message


@pytest.mark.parametrize("text", ["", "\n\n", "# nothing yet\n"])
def test_empty_study_yml_is_missing_its_research_question(tmp_path, text):
    root = minimal_study(tmp_path / "s", HELLO)
    (root / "study.yml").write_text(text, encoding="utf-8")
    problems = check_study(root)
    assert located(problems, "research_question") == [(1, "error")]


# --------------------------------------------------------------------------- inputs stay inside
NOTE = "---\nid: INT-001\ndate: 2026-03-02\ntranscript: {}\n---\n## Key Quotes\n- \"x\"\n## Insights\n- y\n"


@pytest.mark.parametrize("target", ["../../secret.txt", "{secret}", "transcripts/../../../secret.txt"])
def test_transcript_paths_leaving_the_study_are_located_errors(tmp_path, target):
    secret = write(tmp_path / "secret.txt", "Boss: the salary list is confidential\nHR: ok\n")
    root = minimal_study(tmp_path / "a" / "s", {"transcripts/INT-002.txt": "Maya: Hi?\nDana: Hello.\n"})
    write(root / "interviews" / "INT-001.md", NOTE.format(target.format(secret=secret)))
    problems = check_study(root)
    assert located(problems, "outside the study") == [(4, "error")]
    study = load_study(root, strict=False)
    assert "salary" not in " ".join(study.turns["text"])


def test_symlinks_out_of_the_study_are_not_followed(tmp_path):
    secret = write(tmp_path / "secret.txt", "Boss: the salary list is confidential\nHR: ok\n")
    outside_note = write(tmp_path / "note.md", NOTE.format("INT-001.txt"))
    root = minimal_study(tmp_path / "s", {"transcripts/INT-002.txt": "Maya: Hi?\nDana: Hello.\n"})
    (root / "interviews").mkdir()
    try:
        os.symlink(secret, root / "transcripts" / "INT-001.txt")
        os.symlink(outside_note, root / "interviews" / "INT-009.md")
    except (OSError, NotImplementedError):
        pytest.skip("no symbolic links on this system")
    problems = check_study(root)
    assert sorted(Path(p.path).name for p in problems if "outside the study" in p.message) == \
        ["INT-001.txt", "INT-009.md"]
    study = load_study(root, strict=False)
    assert "salary" not in " ".join(study.turns["text"])
    assert list(study.interviews["interview_id"]) == ["INT-002"]


def test_relative_path_inside_the_study_is_fine(tmp_path):
    root = minimal_study(tmp_path / "s", {"transcripts/calls/first.txt": "Maya: Hi?\nDana: Hello.\n"})
    write(root / "interviews" / "INT-001.md", NOTE.format("calls/../calls/first.txt"))
    study = load_study(root, strict=False)
    assert list(study.turns["text"]) == ["Hi?", "Hello."]


# --------------------------------------------------------------------------- bounded patterns
@pytest.mark.parametrize("pattern, risky", [
    ("(a+)+$", True), (r"(\w*\s?)*x", True), ("((late))*+", False), (r"\bnet ?\d{2}\b", False),
    ("(a|b)*c", False), ("a+b+", False), ("(?:x+y?)+z", True), ("(?>a+)+", False), ("(a+)++", False),
])
def test_backtracking_risk(pattern, risky):
    assert (backtracking_risk(pattern) is not None) == risky


def test_check_reports_a_catastrophic_pattern_at_its_line(tmp_path):
    root = minimal_study(tmp_path / "s", {**HELLO, "codebook.yml": "codes:\n  - name: a\n    definition: d\n"
                                           "    patterns:\n      - 'late'\n      - '(a+)+$'\n"})
    problems = check_study(root)
    assert located(problems, "exponential time") == [(6, "error")]


def test_a_backtracking_pattern_cannot_hang_autocoding(tmp_path, monkeypatch):
    # check reports (x+x+)+y, but analyze must not hang when the report is ignored
    import kit.codebook
    import kit.coding

    monkeypatch.setattr(kit.codebook, "PATTERN_TIMEOUT", 0.05)
    monkeypatch.setattr(kit.coding, "PATTERN_TIMEOUT", 0.05)
    path = write(tmp_path / "codebook.yml", "codes:\n  - name: a\n    definition: d\n    patterns: ['(x+x+)+y']\n"
                                           "  - name: b\n    definition: d\n    patterns: ['late']\n")
    codebook, _ = load_codebook(path)
    coder = AutoCoder(codebook)
    assert coder.code_text("x" * 5000 + " paid late") == [("b", "late")]


def test_patterns_keep_unicode_word_boundaries(tmp_path):
    path = write(tmp_path / "codebook.yml", "codes:\n  - name: rene\n    definition: d\n    patterns: ['\\bRené\\b']\n")
    codebook, problems = load_codebook(path)
    assert problems == []
    assert AutoCoder(codebook).code_text("so RENÉ said") == [("rene", "RENÉ")]


# --------------------------------------------------------------------------- smaller studies
def test_transcripts_only_study_loads_with_an_empty_segment_column(tmp_path):
    root = tmp_path / "s"
    write(root / "INT-001.txt", "Maya: How do you chase?\nDana: By phone.\n")
    write(root / "INT-002.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMaya: Hi?\n\n"
                                "00:00:02.000 --> 00:00:03.000\nDana: Hello.\n")
    study = load_study(root, strict=False)
    assert list(study.interviews["interview_id"]) == ["INT-001", "INT-002"]
    assert "segment" in study.interviews and study.interviews["segment"].isna().all()
    assert study.quotes["consent_quote"].dtype == bool
    assert located(study.problems, "no participant attribute 'segment'") == [(0, "warning")]
    lacks = study.lacks()
    assert [line.split(":")[0] for line in lacks] == ["No study.yml", "No participants.csv",
                                                      "No interview notes", "No codebook.yml",
                                                      "No guide.yml", "No costs.csv or decisions.csv"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["transcripts-only", "no-participants"])
def test_smaller_studies_run_end_to_end(tmp_path, kind):
    import subprocess
    import sys

    from kit.paths import pilot_path

    root = tmp_path / "s"
    if kind == "transcripts-only":
        for source in sorted((pilot_path() / "transcripts").iterdir())[:4]:
            write(root / source.name, source.read_text(encoding="utf-8"))
    else:
        import shutil

        shutil.copytree(pilot_path(), root)
        (root / "participants.csv").unlink()
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    done = subprocess.run([sys.executable, "-m", "kit", "run", str(root), "--out", str(out)],
                          capture_output=True, text=True, env=env, timeout=1800)
    assert done.returncode == 0, done.stderr[-2000:]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "No participants.csv: results by segment" in page  # the report says what is skipped
    assert (out / "tables" / "codes_by_segment.csv").is_file()


# --------------------------------------------------------------------------- misspelt keys
def test_misspelt_keys_are_located(tmp_path):
    root = minimal_study(tmp_path / "s", {**HELLO, "codebook.yml": "codes:\n  - name: a\n    definition: d\n"
                                          "    keyword: [late]\n"})
    (root / "study.yml").write_text("research_question: How?\nsprnt: S1\ncustom_field: kept quietly\n",
                                    encoding="utf-8")
    problems = check_study(root)
    assert sorted((Path(p.path).name, p.line) for p in problems if "unknown key" in p.message) == \
        [("codebook.yml", 4), ("study.yml", 2)]
    assert any("did you mean 'keywords'" in p.message for p in problems)


def test_docx_in_a_study_and_unknown_files_in_transcripts(tmp_path):
    docx = pytest.importorskip("docx")
    root = minimal_study(tmp_path / "s", {"transcripts/notes.pdf.md": "# not a transcript\n"})
    document = docx.Document()
    for line in ["Maya: How do you chase?", "Dana: By phone."]:
        document.add_paragraph(line)
    document.save(root / "transcripts" / "INT-001.docx")
    study = load_study(root, strict=False)
    assert list(study.turns["text"]) == ["How do you chase?", "By phone."]
    assert located(study.problems, "not a transcript format") == [(0, "warning")]


@pytest.mark.parametrize("text", [
    "Maya: First question?\nDana: [inaudible]\nMaya: Second question?\nDana: Fine.\n",
    "Maya  0:01\nFirst question?\n\nDana  0:04\n[inaudible 00:00:04]\n\nMaya  0:07\nSecond question?\n\n"
    "Dana  0:09\nFine.\n",
    "1\n00:00:01,000 --> 00:00:02,000\nMaya: First question?\n\n2\n00:00:03,000 --> 00:00:04,000\n"
    "Dana: [crosstalk]\n\n3\n00:00:05,000 --> 00:00:06,000\nMaya: Second question?\n\n4\n"
    "00:00:07,000 --> 00:00:08,000\nDana: Fine.\n",
])
def test_a_turn_that_is_only_a_marker_stays_so_turn_ids_do_not_shift(text):
    df = parse_transcript(text)
    assert list(df["speaker"]) == ["Maya", "Dana", "Maya", "Dana"]
    assert df.loc[2, "text"] == "Second question?" and df.loc[3, "text"] == "Fine."
    assert re.fullmatch(r"\[(inaudible|crosstalk)[^\]]*\]", df.loc[1, "text"])
    assert located(df.attrs["problems"], "[inaudible]")


def test_action_items_text_is_never_merged_or_dropped_silently():
    note = parse_note_text("---\nid: INT-001\ndate: 2026-03-02\n---\n## Key Quotes\n- \"x\"\n## Insights\n- y\n"
                           "## Action Items\n- Maya: call Dana back\n| Owner | Action | Due Date | Status |\n"
                           "|---|---|---|---|\n| Maya | Send template | 2026-03-09 | open |\n"
                           "A line after the table\n", "n.md")
    assert [a.action for a in note.actions] == ["Maya: call Dana back", "Send template"]
    assert located(note.problems, "neither a table row nor a list item") == [(14, "warning")]


# --------------------------------------------------------------------------- more properties
_TRICKY = st.sampled_from(["no", "No", "NO", "yes", "on", "On", "off", "y", "n", "012", "2026.10", "12:30",
                           "1e3", ".5", "+12", "-0", "0o17", "0x1F", ".inf", ".NaN", "1_000", "2026-S01",
                           "late", "René", "don’t"])


@settings(max_examples=40, deadline=None)
@given(st.lists(_TRICKY, min_size=1, max_size=8, unique=True))
def test_unquoted_keywords_read_back_as_written(tmp_path_factory, words):
    folder = tmp_path_factory.mktemp("cb")
    path = folder / "codebook.yml"
    path.write_text("codes:\n  - name: c\n    definition: d\n    keywords: [" + ", ".join(words) + "]\n"
                    "    examples:\n" + "".join(f"      - {w}\n" for w in words), encoding="utf-8")
    codebook, problems = load_codebook(path)
    from kit.themes import STOPWORDS

    # only the everyday-word warning (a keyword such as 'no' or 'on'), never a misreading
    assert sorted(p.message.split("keyword ")[1].split(" ")[0] for p in problems) == \
        sorted(repr(w.lower()) for w in words if w.lower() in STOPWORDS)
    assert codebook.codes[0].keywords == words
    assert codebook.codes[0].examples == words


_CELL = st.text(alphabet="abc é’;,\t\"", min_size=0, max_size=8).map(str.strip)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_CELL, _CELL, _CELL), min_size=1, max_size=8), st.sampled_from([",", ";", "\t"]),
       st.booleans(), st.integers(0, 20))
@example(rows=[("", "é’’", "")], delimiter=",", bom=False, cp1252_row=0)  # also valid UTF-8: skipped
@example(rows=[("", "é’", "a;b")], delimiter=";", bom=True, cp1252_row=0)
def test_csv_rows_read_back_with_any_dialect(tmp_path_factory, rows, delimiter, bom, cp1252_row):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["id", "segment", "note"])
    rows = [(f"P-{k}",) + row[1:] for k, row in enumerate(rows)]
    writer.writerows(rows)
    lines = buffer.getvalue().split("\n")
    k = 1 + cp1252_row % len(rows)  # one data line in Windows-1252, as pasted from Excel
    pasted = lines[k].encode("cp1252")
    try:  # bytes that are also UTF-8 ("é’’" is E9 92 92, "钒") are UTF-8 by any reading: no test of a paste
        assume(pasted.decode("utf-8") == lines[k])
    except UnicodeDecodeError:
        pass
    data = b"\n".join(line.encode("cp1252") if i == k else line.encode() for i, line in enumerate(lines))
    path = tmp_path_factory.mktemp("csv") / "participants.csv"
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data)
    got, columns, problems = read_rows(path)
    assert columns == ["id", "segment", "note"]
    assert [(r["id"], r["segment"], r["note"]) for r in got] == [tuple(c.strip() for c in row) for row in rows]
    assert not [p for p in problems if p.is_error]


def test_a_second_transcript_for_a_noted_interview_is_reported(tmp_path):
    root = minimal_study(tmp_path / "s", {"transcripts/call-1.txt": "Maya: Hi?\nDana: Hello.\n",
                                          "transcripts/INT-001.txt": "Maya: Other?\nDana: Other.\n"})
    write(root / "interviews" / "INT-001.md", NOTE.format("call-1.txt"))
    study = load_study(root, strict=False)
    assert list(study.turns["text"]) == ["Hi?", "Hello."]
    assert [(Path(p.path).name, p.is_error) for p in study.problems if "already has a transcript" in p.message] == \
        [("INT-001.txt", True)]


@pytest.mark.parametrize("text, speakers, starts", [
    ("[SPEAKER_00]: How do you chase?\n[SPEAKER_01]: By phone.\n[SPEAKER_00]: Always?\n",
     ["SPEAKER_00", "SPEAKER_01", "SPEAKER_00"], [None, None, None]),
    ("[00:00:03] Maya: How do you chase?\n[00:00:07] Dana: By phone. [laughs] yes\n[laughs] really\n",
     ["Maya", "Dana"], [3.0, 7.0]),
    ("[Maya Chen] 0:03 How do you chase?\n[Dana] 0:07 By phone.\n", ["Maya Chen", "Dana"], [3.0, 7.0]),
    ("1\n00:00:01,000 --> 00:00:02,000\n<v Maya>Hi?\n\n2\n00:00:03,000 --> 00:00:04,000\n<v Dana>Hello.\n",
     ["Maya", "Dana"], [1.0, 3.0]),
])
def test_labels_as_other_tools_write_them(text, speakers, starts):
    df = parse_transcript(text)
    assert list(df["speaker"]) == speakers
    assert [None if math.isnan(s) else s for s in df["start"]] == starts
    assert "[laughs]" not in " ".join(df["speaker"])


@pytest.mark.parametrize("name", ["study.yml", "participants.csv", "codebook.yml", "costs.csv", "decisions.csv",
                                  "codings/ana.csv", "guide.yml"])
def test_every_input_that_links_out_of_the_study_is_an_error_and_unread(tmp_path, name):
    outside = write(tmp_path / "elsewhere" / "x", "research_question: leaked salary list\n")
    root = minimal_study(tmp_path / "s", HELLO)
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).unlink(missing_ok=True)
    try:
        os.symlink(outside, root / name)
    except (OSError, NotImplementedError):
        pytest.skip("no symbolic links on this system")
    study = load_study(root, strict=False)
    assert [Path(p.path).name for p in study.problems if "outside the study" in p.message] == [Path(name).name]
    assert "leaked" not in str(study.config)


def test_a_stray_quote_inside_a_field_is_a_warning_read_as_spreadsheets_do(tmp_path):
    path = tmp_path / "participants.csv"
    path.write_text('id,company\nP-1,"Acme" Inc\nP-2,Beta\n', encoding="utf-8")
    rows, _, problems = read_rows(path)
    assert [(r["id"], r["company"]) for r in rows] == [("P-1", "Acme Inc"), ("P-2", "Beta")]
    assert located(problems, "a quote inside a field") == [(2, "warning")]


def test_teams_word_export_with_names_under_the_timing_lines(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ["Invoice interview-20261006_100212-Meeting Recording", "October 6, 2026, 10:02AM", "",
                 "0:0:0.0 --> 0:0:3.510", "Maya Chen", "How do you chase late invoices?", "",
                 "0:0:4.0 --> 0:0:9.20", "Dana Ruiz", "By phone, mostly.", "Then email.", "",
                 "0:0:10.0 --> 0:0:12.0", "Maya Chen", "Why by phone?",
                 "Maya Chen stopped transcription"]:
        document.add_paragraph(line)
    path = tmp_path / "INT-002.docx"
    document.save(path)
    df = read_transcript(path)
    assert turns(df) == [("Maya Chen", "How do you chase late invoices?"),
                         ("Dana Ruiz", "By phone, mostly. Then email."), ("Maya Chen", "Why by phone?")]
    assert list(df["start"]) == [0.0, 4.0, 10.0] and list(df["end"]) == [3.51, 9.2, 12.0]
    problems = df.attrs["problems"]
    assert located(problems, "before the first speaker turn") == [(1, "warning")]
    assert located(problems, "transcription service") == [(16, "warning")]


_HEADINGS = st.sampled_from(["Goals", "questions", "Key Quotes", "Insigths", "Oportunities", "Follow up",
                             "Context & Setup", "Observer notes", "KEY QUOTES:", "Next Steps"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_HEADINGS, st.lists(_TEXT, min_size=1, max_size=4)), min_size=1, max_size=7))
def test_every_note_line_is_used_or_reported(sections):
    """The accounting rule for notes: each body line ends up in an item or a problem."""
    lines = ["---", "id: INT-001", "date: 2026-03-02", "---"]
    for heading, items in sections:
        lines.append(f"## {heading}")
        quote = heading.lower().startswith("key quotes")
        lines += [f'- "{t}"' if quote else f"- {t}" for t in items]
    note = parse_note_text("\n".join(lines) + "\n", "n.md")
    used = {item.line for items in note.sections.values() for item in items}
    reported = {p.line for p in note.problems}
    for number, line in enumerate(lines, start=1):
        if number > 4 and line.startswith("- "):
            assert number in used, (number, line)
        elif number > 4 and line.startswith("## "):
            known = line[3:].lower().rstrip(":") in ("goals", "questions", "key quotes", "follow up",
                                                      "next steps")
            assert known or number in reported, (number, line)
