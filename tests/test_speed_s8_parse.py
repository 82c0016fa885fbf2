"""The short paths of transcript parsing and study loading (issue 20, eighth pass) give what the
general paths give: every transcript of the tests and generated variants are parsed both ways
(kit.transcript_fast switched off: every line read one by one, every boilerplate, marker and
label pass run) and must give the same turns, format and problems."""
from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

import kit.transcript_paragraphs as transcript_paragraphs
import kit.transcripts as transcripts
from kit.study_turns import turn_summary
from kit.transcript_docx import decode
from kit.transcript_fast import caption_items, quick_text, quick_turns, single_spaced, turn_text

ROOT = Path(__file__).resolve().parents[1]


def _fixture_texts() -> list[tuple[str, str]]:
    found = []
    for base in (ROOT / "tests" / "data", ROOT / "kit" / "data", ROOT / "templates"):
        for path in sorted(base.rglob("*")):
            if not path.is_file():
                continue
            suffix = path.suffix.lower()
            in_transcripts = any(part in ("transcripts", "captions_s7") for part in path.parts)
            if suffix in (".vtt", ".srt") or (suffix == ".txt" and in_transcripts):
                data = path.read_bytes()
                if data[:4] == b"PK\x03\x04":
                    continue
                try:
                    text, _ = decode(data, str(path))
                except Exception:  # noqa: BLE001 - undecodable fixtures are the reader's tests
                    continue
                found.append((str(path.relative_to(ROOT)), text))
    return found


FIXTURES = _fixture_texts()


def _general(monkeypatch):
    """Switch the short paths off: kit.transcripts reads every text line by line."""
    monkeypatch.setattr(transcripts, "quick_text", lambda text: False)
    monkeypatch.setattr(transcripts, "caption_items", lambda text, fmt: None)
    monkeypatch.setattr(transcripts, "plain_lines_only", lambda text: False)
    monkeypatch.setattr(transcripts, "paragraph_turns", lambda text, forced, aliases: None)  # ninth pass


def _outcome(text, source="t.txt", aliases=None, speakers=None):
    try:
        columns, fmt, problems = transcripts.parse_turns(text, source, aliases, speakers=speakers)
    except transcripts.TranscriptError as exc:
        return ("error", [str(p) for p in exc.problems])
    return (fmt, {k: [repr(x) for x in v] for k, v in columns.items()}, [str(p) for p in problems])


def _both(text, monkeypatch, **kw):
    fast = _outcome(text, **kw)
    with monkeypatch.context() as m:
        _general(m)
        slow = _outcome(text, **kw)
    return fast, slow


def test_the_fixtures_cover_every_format():
    formats = {transcripts.detect_format(text) for _, text in FIXTURES}
    assert {"vtt", "srt", "plain", "otter", "rev"} <= formats
    assert len(FIXTURES) >= 30


@pytest.mark.parametrize("name,text", FIXTURES, ids=[name for name, _ in FIXTURES])
def test_fixture_read_the_same_both_ways(name, text, monkeypatch):
    for kw in ({}, {"speakers": ["Maya Chen", "Interviewer"]}, {"aliases": {"Maya": "Maya Chen"}}):
        fast, slow = _both(text, monkeypatch, **kw)
        assert fast == slow, (name, kw)


# -- generated transcripts: the benchmark's shapes, then each a little off the standard ----------------
NAMES = ["Maya Chen", "Dana Okafor", "Interviewer", "Tom", "José Peña", "maya chen", "Ravi", "Note",
         "GemDropBot", "Transcript using", "Here's my last question", "P1", "Siobhan O'Neil", "Q"]
WORDS = ("we paid the invoice late again and the client said it was fine so I chased twice then "
         "the bank matched the payment to nothing").split()
ODD_TEXTS = ["[inaudible]", "(crosstalk)", "stopped recording", "Tuesday 10:30 works", "http://example.com/a",
             "10 days later", "/path", "", "  two  spaces", "tab\there", "ſubtitles by zoom", "nbsp\u00a0here",
             "Transcribed by otter.ai", "page 2 of 3", "[laughs] yes", "form\x0cfeed", "x" * 300, "ok [inaudible 00:01:02]"]


def _sentence(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 14))).capitalize() + rng.choice(".?!")


def _lines(rng, odd: float) -> list[tuple[str, str]]:
    """(label or None, text) per line: two speakers taking turns, some lines made odd."""
    people = ["Maya Chen", rng.choice(["Dana Okafor", "Ravi", "Siobhan O'Neil", "P1"])]
    out = []
    for i in range(rng.randint(1, 12)):
        label = people[i % 2] if rng.random() > 0.1 else people[(i + 1) % 2]  # some repeat: merged
        text = _sentence(rng)
        if rng.random() < odd:
            choice = rng.randrange(4)
            if choice == 0:
                label = rng.choice(NAMES)
            elif choice == 1:
                text = rng.choice(ODD_TEXTS)
            elif choice == 2:
                label = None  # a line without a label
            else:
                text = text + " " + rng.choice(ODD_TEXTS)
        out.append((label, text))
    return out


def _stamp(seconds: float) -> str:
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


def _render(rng, lines, fmt: str, odd: float) -> str:
    def line_of(label, text):
        if label is None:
            return text
        colon = rng.choice([": ", ":", " : ", ":  "]) if rng.random() < odd else ": "
        return f"{label}{colon}{text}"

    if fmt == "plain":
        body = [line_of(label, text) for label, text in lines]
        if rng.random() < odd:
            body.insert(rng.randrange(len(body) + 1), rng.choice(["", "   ", "Title of the call", "[00:00:03] Maya: hi",
                                                               "Recording started", "Maya Chen:", "- 3 -"]))
        return "\n".join(body) + rng.choice(["\n", "", "\n\n"])
    out = ["WEBVTT", ""] if fmt == "vtt" else []
    if fmt == "vtt" and rng.random() < odd:
        out[1:1] = ["Kind: captions"]
    clock = 1.0
    for n, (label, text) in enumerate(lines, start=1):
        end = clock + 1 + len(text) / 15
        start_s, end_s = _stamp(clock), _stamp(end)
        if rng.random() < odd:
            start_s, end_s = rng.choice([(end_s, start_s), ("00:00:60.000", end_s), (start_s[3:], end_s[3:]),
                                         (start_s, end_s + " align:start"), (start_s.replace(".", ","), end_s)])
        if fmt == "srt":
            start_s, end_s = start_s.replace(".", ","), end_s.replace(".", ",")
        number = [str(n)] if fmt == "srt" or rng.random() < 0.7 else []
        payload = [line_of(label, text)]
        if rng.random() < odd:
            payload.append(rng.choice(["and more words", "Dana Okafor: two speakers", "- a dash", "", "NOTE x"]))
        out += number + [f"{start_s} --> {end_s}"] + payload + [""] * (1 + (rng.random() < odd))
        clock = end + (0.4 if rng.random() > odd else -5)
    return "\n".join(out)


def test_generated_variants_read_the_same_both_ways(monkeypatch):
    _compare_generated(monkeypatch, 20261201, 900)


@pytest.mark.slow
def test_many_generated_variants_read_the_same_both_ways(monkeypatch):
    _compare_generated(monkeypatch, 7, 12_000)


def _compare_generated(monkeypatch, seed: int, n: int) -> None:
    rng = random.Random(seed)
    quick = general = 0
    for k in range(n):
        fmt = ("plain", "vtt", "srt")[k % 3]
        odd = (0.0, 0.05, 0.3)[k // 3 % 3]
        text = _render(rng, _lines(rng, odd), fmt, odd)
        kw = rng.choice([{}, {"speakers": ["Maya Chen"]}, {"aliases": {"maya chen": "Maya Chen", "Tom": "Tom B"}}])
        fast, slow = _both(text, monkeypatch, **kw)
        assert fast == slow, (text, kw)
        if odd == 0.0:
            quick += 1
        else:
            general += 1
    assert quick and general


def test_standard_files_take_the_short_path(monkeypatch):
    """The short path is used for the common shapes (else this comparison tests nothing)."""
    taken = []
    real = transcripts.quick_turns

    def counted(*args, **kwargs):
        result = real(*args, **kwargs)
        taken.append(result is not None)
        return result

    monkeypatch.setattr(transcripts, "quick_turns", counted)
    monkeypatch.setattr(transcript_paragraphs, "quick_turns", counted)  # a plain text's, since the ninth pass
    rng = random.Random(5)
    for fmt in ("plain", "vtt", "srt"):
        lines = [(("Maya Chen", "Dana Okafor")[i % 2], _sentence(rng)) for i in range(10)]
        transcripts.parse_turns(_render(rng, lines, fmt, 0.0), "t", None)
    assert taken == [True, True, True]


def test_caption_items_are_the_cue_reader_items():
    text = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nMaya: Hello there\nand more\n\n\n"
            "00:00:03.000 --> 00:00:04.000 align:start\nDana: Hi\n")
    items = caption_items(text, "vtt")
    assert items == [(5, "Maya: Hello there", None, 1.0, 2.5), (6, "and more", None, 1.0, 2.5),
                     (10, "Dana: Hi", None, 3.0, 4.0)]
    problems = []
    general = transcripts._payload_items(*_cues(text, problems))
    assert items == general and problems == []
    assert caption_items(text.replace("00:00:03.000", "00:00:00.500"), "vtt") is None  # times go backwards
    assert caption_items(text.replace("Dana: Hi", "Dana: <i>Hi</i>"), "vtt") is None
    assert caption_items("1\n00:00:01,000 --> 00:00:02,000\nMaya: hi\n", "srt") == [(3, "Maya: hi", None, 1.0, 2.0)]


def test_regular_layout_is_read_as_the_cue_pattern_reads_it(monkeypatch):
    """The four-lines-a-cue reading (kit.transcript_fast._regular_cues) against the cue pattern."""
    import kit.transcript_fast as fast

    rng = random.Random(11)
    regular = 0
    for k in range(300):
        fmt = ("vtt", "srt")[k % 2]
        lines = [(("Maya Chen", "Dana Okafor")[i % 2], _sentence(rng)) for i in range(rng.randint(1, 9))]
        text = _render(rng, lines, fmt, 0.0 if k % 3 else 0.2)
        got = caption_items(text, fmt)
        regular += fast._regular_cues(text, fmt) is not None
        if (cues := fast.regular_cues(text, fmt)) is not None:
            assert cues == ([c[1] for c in got], [c[3] for c in got], [c[4] for c in got])
        with monkeypatch.context() as m:
            m.setattr(fast, "_regular_cues", lambda text, fmt: None)
            assert caption_items(text, fmt) == got, text
    assert regular > 50


def _cues(text, problems):
    """The general cue reader's cues and outside lines (kit.transcripts._cue_items, unwrapped)."""
    captured = {}
    real = transcripts._payload_items

    def keep(cues, outside, fmt):
        captured["args"] = (cues, outside, fmt)
        return real(cues, outside, fmt)

    transcripts._payload_items = keep
    try:
        transcripts._cue_items(text.split("\n"), "vtt", "t", problems)
    finally:
        transcripts._payload_items = real
    return captured["args"]


def test_quick_text_and_single_spacing():
    assert quick_text("Maya: hi\nDana: yes")
    assert not quick_text("Maya: hi [inaudible]")
    assert not quick_text("Maya: she STOPPED Recording")
    assert not quick_text("José: transcribed by zoom")  # non-ASCII: the hints decide
    assert quick_text("José: tranſcribed by zoom")  # as they do for the general path (no line tested)
    assert single_spaced("Maya: one two\nDana: three")
    for odd in ("a  b", "a\tb", "a\x0bb", "a\x0cb", "caf\u00e9"):
        assert not single_spaced(odd)
    assert turn_text(["[inaudible]"]) == "[inaudible]" and turn_text(["a [crosstalk] b", "c"]) == "a b c"
    assert quick_turns(["10:30 works"], [0.0], [0.0], set(), None, False) is None


def test_turn_summary_counts_words_as_split_does():
    rng = random.Random(3)
    for _ in range(500):
        n = rng.randint(1, 8)
        texts = [" ".join(rng.choice(["a", "bb", "c-d", "é"]) for _ in range(rng.randint(0, 5))) for _ in range(n)]
        roles = [rng.choice(["interviewer", "participant", "observer"]) for _ in range(n)]
        got = turn_summary({"role": roles, "text": texts, "format": "plain"}, None, "/x")
        words = {"interviewer": 0, "participant": 0, "observer": 0}
        for role, text in zip(roles, texts):
            words[role] += len(text.split())
        total = sum(words.values())
        want = words["interviewer"] / total if total and "interviewer" in roles else math.nan
        assert got["n_turns"] == n
        assert got["talk_ratio"] == want or (math.isnan(got["talk_ratio"]) and math.isnan(want))


@pytest.mark.corpus
def test_real_interviews_read_the_same_both_ways(monkeypatch):
    """The real interviews in ../shared (skipped where they are absent), parsed both ways."""
    import pandas as pd

    from conftest import CORPUS

    folder = CORPUS
    if not folder.is_dir():
        pytest.skip(f"corpus not found at {folder}")
    for name in ("creatives_transcripts.csv", "scientists_transcripts.csv"):
        for n, text in enumerate(pd.read_csv(folder / name)["text"].tolist()):
            fast, slow = _both(text, monkeypatch)
            assert fast == slow, (name, n)
