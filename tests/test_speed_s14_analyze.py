"""Issue 20, fourteenth pass (analyze): each quicker path gives what the code it replaced gave.

* kit.langid_model.classify_many steps the texts' bytes straight from the joined bytes and
  takes a feature's weight from a table of ``log1p`` of the usual counts: the same verdicts and
  probabilities, to the bit, as py3langid's own classifier, counts beyond the table included;
* kit.coding's word-start prefilter is written literal first: it finds a literal at a word's
  start exactly where the look-back-first pattern did;
* kit.transcript_fast reads a regular caption file's times as one table of digits: the
  milliseconds written, ``.`` or ``,``, and None where they are out of order (the general
  reader warns about those).
"""
from __future__ import annotations

import random
import re

import numpy as np
import pytest

import kit.transcript_fast as transcript_fast
from kit import languages
from kit.codebook import Code, Codebook
from kit.coding import AutoCoder, autocode
from kit.langid_model import _log1p_table


# -- the language classifier ---------------------------------------------------------------------
def _py3langid(texts, langs):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    oracle = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    oracle.set_languages(list(langs))
    return [(str(code), float(prob)) for code, prob in map(oracle.classify, texts)]


def test_the_log1p_table_holds_what_numpy_gives_one_count_at_a_time():
    table = _log1p_table()
    assert table.dtype == np.float32 and len(table) == 4096
    for count in (0, 1, 2, 3, 7, 100, 4095):
        assert table[count] == np.log1p(np.array([count], dtype=np.float32))[0]
    rng = np.random.default_rng(14)
    counts = rng.integers(0, 4096, 10_001)
    assert np.array_equal(table[counts], np.log1p(counts.astype(np.float32)))


# about 2 s a candidate set: the default set in the fast gate, the other in the slow tier (tests/README.md)
@pytest.mark.parametrize("langs", [languages.DEFAULT_CANDIDATES, pytest.param(("en", "es"), marks=pytest.mark.slow)])
def test_counts_beyond_the_table_and_mixed_lengths_classify_as_py3langid(langs):
    texts = ["a" * 5000, "the " * 1200, "ok", "Die Rechnung wurde zu spät bezahlt, sagte sie.", "é" * 4100,
             "12 34 x", "The invoice was paid three weeks late. " * 3, "hola"]
    got = languages._classify_many(texts, langs)
    want = _py3langid(texts, langs)
    assert [g[0] for g in got] == [w[0] for w in want]
    assert [g[1] for g in got] == pytest.approx([w[1] for w in want], abs=1e-4)
    assert got == [languages._classify_many([t], langs)[0] for t in texts]  # whatever the batch


def test_a_text_without_features_beside_long_ones_is_uniform():
    texts = ["\x00", "The invoice was paid three weeks late", "\x00\x00"]
    got = languages._classify_many(texts, languages.DEFAULT_CANDIDATES)
    assert got[0] == got[2] and got[0][1] == pytest.approx(1 / len(languages.DEFAULT_CANDIDATES))
    assert got[1][0] == "en"


# -- the auto-coder's word-start prefilter ------------------------------------------------------------
WORD_START_TEXTS = ["po", "the po number", "report", "re-po", "1po", "_po", "xpo po", "p o", "PO", "po_x", "",
                    "import po.", "\x00po", "repo\npo", "ppo", "pop", "ipo", "a po", "tpo"]


@pytest.mark.parametrize("literal", ["po", "inv", "net", "a b", "x.y"])
def test_the_literal_first_prefilter_finds_what_the_look_back_first_one_found(literal):
    old = re.compile(r"(?<![a-z0-9_])" + re.escape(literal))
    book = Codebook([Code(name="c", definition="d", patterns=[r"\b" + re.escape(literal) + r"s?\b"])])
    new = AutoCoder(book).word_start.get(literal)
    assert new is not None
    rng = random.Random(literal)
    texts = WORD_START_TEXTS + [t.replace("po", literal) for t in WORD_START_TEXTS]
    texts += ["".join(rng.choice(literal + " _1-\n") for _ in range(rng.randint(0, 12))) for _ in range(400)]
    for text in texts:
        assert (new.search(text) is None) == (old.search(text) is None), (literal, text)


def test_pattern_codes_are_the_same_one_text_at_a_time_and_together():
    book = Codebook([Code(name="po", definition="d", patterns=[r"\bPOs?\b"]),
                     Code(name="terms", definition="d", patterns=[r"\b(net ?\d{2}|\d{2}[- ]day terms)\b"],
                          keywords=["terms"])])
    texts = WORD_START_TEXTS + ["Net 30 terms", "a 30-day terms deal", "the POs came", "reports of POS",
                                "no po", "pos", "net30", "Ünïcode po"]
    coder = AutoCoder(book)
    together = coder.code_texts(texts)
    assert together == [AutoCoder(book).code_text(t) for t in texts]
    assert together[1] == [("po", "po")] and together[2] == [] and together[10] == []
    import pandas as pd

    frame = pd.DataFrame({"segment_id": [f"I#t{i}" for i in range(len(texts))], "interview_id": "I",
                          "participant": "P", "kind": "turn", "text": texts})
    assert len(autocode(frame, book)) == sum(map(len, together))


# -- the times of a regular caption file, as one table of digits ------------------------------------
def _stamp(ms: int, comma: bool) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, f = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{',' if comma else '.'}{f:03d}"


@pytest.mark.parametrize("fmt", ["vtt", "srt"])
def test_regular_cue_times_are_the_milliseconds_written(fmt):
    rng = random.Random(fmt)
    for _ in range(200):
        clock, cues, want = rng.randrange(0, 90 * 3_600_000), [], []
        for n in range(1, rng.randint(2, 30)):
            end = clock + rng.choice([0, 1, 999, 1000, 61_001, rng.randrange(0, 400_000)])
            if rng.random() < 0.02:
                end = clock - 1  # ends before it starts: the general reader warns
            comma = fmt == "srt" or rng.random() < 0.1
            cues.append(f"{n}\n{_stamp(clock, comma)} --> {_stamp(end, comma)}\nAnn: line {n}\n")
            want.append((clock / 1000, end / 1000))
            clock = max(0, clock + rng.choice([0, 5, 1000, -1 if rng.random() < 0.02 else 7]))
        text = ("WEBVTT\n\n" if fmt == "vtt" else "") + "\n".join(cues)
        got = transcript_fast._regular_cues(text, fmt)
        ordered = all(a <= b for a, b in want) and all(x[0] <= y[0] for x, y in zip(want, want[1:]))
        if not ordered:
            assert got is None
            continue
        assert got is not None and got[2] == [a for a, _ in want] and got[3] == [b for _, b in want]
        assert all(type(x) is float for x in got[2] + got[3])
