"""The ninth pass's short path for plain transcripts whose turns run over lines and paragraphs
(kit.transcript_paragraphs) gives what the general reader gives: every transcript fixture of
the tests, the real interviews in ../shared (skipped where absent) and generated variants of
the layouts real exports write (continuation lines, blank lines, titles, headings that look
like labels, boilerplate, markers, odd spaces) are parsed both ways and must give the same
turns, format and problems (path:line warnings)."""
from __future__ import annotations

import random

import pytest
from test_speed_s8_parse import FIXTURES, WORDS

import kit.transcript_lines as transcript_lines
import kit.transcript_paragraphs as paragraphs
import kit.transcripts as transcripts


class _Forgetful(dict):
    """A cache that keeps nothing (kit.transcripts._STAMPS switched off)."""

    def __setitem__(self, key, value):
        pass


def _general(m):
    """Every short path off: kit.transcripts reads every text line by line (every header pattern
    tried on every line, the boilerplate pattern's lines found one by one, no cache of times)."""
    m.setattr(transcripts, "paragraph_turns", lambda text, forced, aliases: None)
    m.setattr(transcripts, "known_format", lambda text: None)
    m.setattr(transcripts, "header_lines", lambda lines, fmt: [bool(s) for s in lines])
    m.setattr(transcripts, "_STAMPS", _Forgetful())
    m.setattr(transcript_lines, "boilerplate_found", transcript_lines.found_one_by_one)
    m.setattr(transcript_lines, "has_marker", lambda text: True)  # drop_boilerplate goes through every line
    m.setattr(transcripts, "quick_text", lambda text: False)
    m.setattr(transcripts, "caption_items", lambda text, fmt: None)
    m.setattr(transcripts, "plain_lines_only", lambda text: False)


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


KWARGS = ({}, {"speakers": ["Maya Chen", "Interviewer"]}, {"aliases": {"Maya": "Maya Chen", "AI": "Claude"}})


@pytest.mark.parametrize("name,text", FIXTURES, ids=[name for name, _ in FIXTURES])
def test_fixture_read_the_same_both_ways(name, text, monkeypatch):
    for kw in KWARGS:
        fast, slow = _both(text, monkeypatch, **kw)
        assert fast == slow, (name, kw)


# -- generated transcripts in the layouts of real exports ----------------------------------------
PEOPLE = [("AI", "User"), ("Assistant", "User"), ("Maya Chen", "Dana Okafor"), ("Interviewer", "P1"),
          ("Q", "A"), ("Maya", "Siobhan O'Neil"), ("José Peña", "Ravi")]
ODD_LINES = ["Initial Steps:", "Here's my last question: why?", "Note: this matters", "Tom: I said no",
             "maya chen: lower case", "MAYA CHEN: upper case", "[inaudible]", "(crosstalk) anyway",
             "Transcribed by https://otter.ai", "Page 2 of 3", "- 3 -", "10:30 works for me", "00:12",
             "[00:00:03] Maya Chen: hi", "[SPEAKER_00]: hello", "GemDropBot: joined", "Notes bot: saved",
             "Recording stopped", "Maya Chen started transcription", "we met at 10:30", "see https://example.com",
             "1. First step", "2) then the second", "— an aside", "“quoted” words", "tab\there", "two  spaces",
             "nbsp\u00a0here", "ideographic\u3000space", "Jordan： full-width colon", "Talbot: a name ending in bot",
             "WEBVTT", "Maya Chen  0:03", "Maya Chen (00:03): rev", "page 4", "our webpage: the one", "AI:",
             "User:", "Dana Okafor:", "Ravi: once", "Ann Note: a name", "Step 2: do it", "Jose Pena: no accents",
             "José Peña: accents", "text with a ) bracket):", "x" * 300, "ſubtitles by zoom", "the end.  "]


def _paragraph(rng) -> str:
    sentences = []
    for _ in range(rng.randint(1, 4)):
        sentences.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 16))).capitalize() + rng.choice(".?!"))
    return " ".join(sentences)


def real_like(rng, odd: float) -> str:
    """A transcript as real interviews and plain exports write it: a label starts a turn, its text
    runs over paragraphs apart by blank lines; with probability ``odd`` per turn, something unusual."""
    asker, person = rng.choice(PEOPLE)
    out = []
    if rng.random() < odd:
        out += [rng.choice(["Interview 12 - billing", "Customer call", "Transcript", "Date: 2026-11-03",
                            "Transcribed by Otter.ai", "[00:00:00]"]), ""]
    for k in range(rng.randint(1, 14)):
        label = (asker, person)[k % 2]
        if k and label == "AI" and rng.random() < 0.3:
            label = "Assistant"
        sep = rng.choice([": ", ":", " : ", ":\n", ":  "]) if rng.random() < odd else ": "
        lines = [f"{label}{sep}{_paragraph(rng)}"]
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            lines += [""] * rng.choice([0, 1, 1, 2]) + [_paragraph(rng)]
        if rng.random() < odd:
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(ODD_LINES))
        if rng.random() < odd / 2:
            lines[-1] += rng.choice([" [inaudible]", " (laughs)", "  ", "\t", " ok"])
        out += lines + [""] * rng.choice([1, 1, 2])
    if rng.random() < odd:
        out += [rng.choice(["Transcribed by https://otter.ai", "Recording stopped", "Thanks!", "- 4 -", ""])]
    text = "\n".join(out)
    return text.replace("\n", "\r\n") if rng.random() < odd / 3 else text


def _stamp(rng, seconds: float) -> str:
    h, rest = divmod(int(seconds), 3600)
    m, sec = divmod(rest, 60)
    return rng.choice([f"{m}:{sec:02d}" if not h else f"{h}:{m:02d}:{sec:02d}", f"{h:02d}:{m:02d}:{sec:02d}"])


def timed_like(rng, odd: float) -> str:
    """Otter (``Name  0:03``, Teams' text alike) or Rev (``Name (00:03):``) exports: a header line, the
    text below over paragraphs, Otter's title block and footer; with probability ``odd``, something unusual."""
    asker, person = rng.choice(PEOPLE[2:])
    rev = rng.random() < 0.5
    out = []
    if not rev and rng.random() < 0.5:
        out += ["Interview about invoices", "Tue, Nov 3, 2026 10:02AM • 11:04", "", "SPEAKERS", f"{asker}, {person}", ""]
    clock = rng.uniform(0, 5)
    for k in range(rng.randint(1, 12)):
        name = (asker, person)[k % 2] if rng.random() > odd else rng.choice([asker.lower(), "Tom", person + "\u200b"])
        time = _stamp(rng, clock) if rng.random() > odd else rng.choice(["0:99", "1:02:03:04", "1m05s", "00:03.5", "5"])
        if rev:
            header = f"{name} ({time}):" if rng.random() > odd else rng.choice([f"{name} [{time}]", f"{name} ({time})"])
            out.append(header + (" " + _paragraph(rng) if rng.random() < 0.3 else ""))
        else:
            out.append(f"{name}{rng.choice(['  ', ' ', '   ', chr(9)])}{time}")
        for _ in range(rng.choice([1, 1, 2, 3])):
            out += [_paragraph(rng)] + [""] * rng.choice([0, 1])
        if rng.random() < odd:
            out.insert(rng.randrange(len(out) + 1), rng.choice(ODD_LINES))
        out.append("")
        clock += rng.uniform(-20 * odd, 60)
    if not rev and rng.random() < 0.7:
        out.append("Transcribed by https://otter.ai")
    return "\n".join(out)


def _compare_generated(monkeypatch, seed: int, n: int, make=None) -> tuple[int, int]:
    rng = random.Random(seed)
    taken = []
    real = paragraphs.paragraph_turns

    def counted(*args):
        result = real(*args)
        taken.append(result is not None)
        return result

    for k in range(n):
        odd = (0.0, 0.05, 0.3)[k % 3]
        text = (make or real_like)(rng, odd)
        kw = rng.choice(KWARGS)
        with monkeypatch.context() as m:
            m.setattr(transcripts, "paragraph_turns", counted)
            fast = _outcome(text, **kw)
        with monkeypatch.context() as m:
            _general(m)
            slow = _outcome(text, **kw)
        assert fast == slow, (text, kw)
    return sum(taken), len(taken) - sum(taken)


def test_generated_real_layouts_read_the_same_both_ways(monkeypatch):
    short, general = _compare_generated(monkeypatch, 20261201, 450)
    assert short > 200 and general > 20  # both paths exercised


@pytest.mark.slow
def test_many_generated_real_layouts_read_the_same_both_ways(monkeypatch):
    short, general = _compare_generated(monkeypatch, 9, 15_000)
    assert short > 5_000 and general > 500


def test_generated_otter_and_rev_exports_read_the_same_both_ways(monkeypatch):
    formats = set()
    rng = random.Random(3)
    for k in range(60):
        formats.add(transcripts.detect_format(timed_like(rng, (0.0, 0.3)[k % 2])))
    assert {"otter", "rev"} <= formats
    _compare_generated(monkeypatch, 20261202, 300, timed_like)


@pytest.mark.slow
def test_many_generated_otter_and_rev_exports_read_the_same_both_ways(monkeypatch):
    _compare_generated(monkeypatch, 10, 8_000, timed_like)


def test_boilerplate_lines_are_found_as_one_by_one():
    """kit.transcript_lines.boilerplate_found against the rule line by line, on generated lines
    and every line of the fixtures, with and without the hint words."""
    rng = random.Random(8)
    starts = ["", " ", "1", "٣", "²", "[", "(", "-", "—", "x", "İ", "K"]
    middles = ["Transcribed by otter.ai", "page 2 of 3", "Recording stopped", "TRANSCRİBED BY ZOOM", "- 3 -",
               "00:12", "powered by Rev.com", "Maya Chen started transcription", "hello", "webpage"]
    for _ in range(3000):
        lines = [(rng.choice(starts) + rng.choice(middles) + rng.choice(["", ".", " x" * rng.randint(0, 200)]))[:300]
                 for _ in range(rng.randint(0, 8))]
        lines = [line.strip() for line in lines]
        for hints in (False, True):
            assert transcript_lines.boilerplate_found(lines, hints) == transcript_lines.found_one_by_one(lines, hints), lines
    for _name, text in FIXTURES:
        lines = [line.strip() for line in text.split("\n")]
        for hints in (False, True):
            assert transcript_lines.boilerplate_found(lines, hints) == transcript_lines.found_one_by_one(lines, hints)


def test_header_lines_are_the_lines_that_may_be_headers():
    """The lines kit.transcripts._header_items tries its header patterns on: every header (and
    no line is missed whose patterns could match) is among them."""
    rng = random.Random(6)
    lines = ["", "Maya Chen  0:03", "Maya Chen (00:03):", "Maya [00:03]", "Jordan\u200b  0:09\u200b", "text.",
             "ends in s", "ends in m", "1m05s", "5", "José  0:03", "no time", "(aside)", "x" * 3 + "\u00e9"]
    for fmt in ("otter", "rev"):
        for _ in range(200):
            chosen = [rng.choice(lines) for _ in range(rng.randint(0, 10))]
            assert paragraphs.header_lines(chosen, fmt) == [bool(s) and paragraphs.may_be_header(s, fmt) for s in chosen]
        for _name, text in FIXTURES:
            for raw in text.split("\n"):
                s = raw.strip()
                if s and not paragraphs.may_be_header(s, fmt):
                    items = transcripts._header_items([s], fmt, "t", [])
                    assert items == [(1, s, None, items[0][3], items[0][4])] and items[0][3] != items[0][3], s


def test_unusual_lines_go_to_the_general_reader():
    """Each kind of unusual line sends the text to the general reader (None), a plain one does not."""
    plain = "AI: How do you invoice?\n\nI mean each month.\nUser: With a sheet.\n\nEvery month: the same.\n"
    assert paragraphs.paragraph_turns(plain, set(), None) is not None
    for odd in ("Transcribed by https://otter.ai", "[inaudible]", "[00:00:03] AI: hi", "GemDropBot: hi",
                "Jordan： hi", "00:00:01.000 --> 00:00:02.000", "Page 2"):
        assert paragraphs.paragraph_turns(plain + odd + "\n", set(), None) is None, odd
    assert paragraphs.paragraph_turns("Title only\n\n", set(), None) is None  # no turn: the reader's error
    for timed in ("Maya Chen (00:03):\nhi\n\nDana (00:09): yes\n", "Maya Chen  0:03\nhi: there\n\nDana  0:09\nyes\n"):
        assert paragraphs.paragraph_turns(timed, set(), None) is None  # Rev, Otter


def test_has_marker_is_the_pattern_search():
    rng = random.Random(4)
    pieces = ["[", "(", ")", "]", "inaudible", "crosstalk", " ", "x", "\n", "blank_audio", "no speech"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert transcript_lines.has_marker(text) == (transcripts._MARKER.search(text) is not None), text


@pytest.mark.corpus
def test_real_interviews_read_the_same_both_ways_and_take_the_short_path(monkeypatch):
    """The real interviews in ../shared (skipped where absent): the same both ways, and the short
    path reads them (else the speed measured on them would not be this path's)."""
    import pandas as pd

    from conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    short = 0
    for name in ("creatives_transcripts.csv", "scientists_transcripts.csv"):
        for n, text in enumerate(pd.read_csv(CORPUS / name)["text"].tolist()):
            fast, slow = _both(text, monkeypatch)
            assert fast == slow, (name, n)
            short += paragraphs.paragraph_turns(text.replace("\r\n", "\n"), set(), None) is not None
    assert short >= 240
