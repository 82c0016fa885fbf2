"""Session 8's speed paths of `analyze` give what the general paths give (issue 20)."""
from __future__ import annotations

import csv
import random
from pathlib import Path

import numpy as np
import pytest

from kit import languages

ROOT = Path(__file__).resolve().parents[1]


def _passages() -> list[str]:
    with open(ROOT / "benchmarks" / "data" / "language_passages.tsv", encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle, delimiter="\t")]


EDGE_TEXTS = ["ÉCRIT EN MAJUSCULES", "SHOUTING IN ASCII", "ok", "¿Qué?", "a" * 700, "—", "Cafe\u0301 au lait",
              "ＡＢＣ", "İSTANBUL", "x", "...", "Ünïcödé ünd ASCII mixed", "1234 5678"]


def _scipy_reference(texts: list[str], codes: tuple[str, ...]) -> list[tuple[str, float]]:
    """The batch classifier as it was: py3langid's own automaton walk of each text
    (``visit_counts``), the counts put in a matrix by scipy's conversion (duplicates summed,
    indices sorted), then the same naive Bayes sum and normalisation."""
    from py3langid.langid import visit_counts
    from scipy.sparse import csr_matrix

    ident = languages._identifier(codes)
    _, _, _, ptc, pc = languages._tables(codes)
    rows, feats, lengths = [], [], []
    for i, text in enumerate(texts):
        data = ident._encode(text)
        lengths.append(len(data))
        for feature, count in (visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data) or {}).items():
            rows += [i] * count
            feats += [feature] * count
    lengths = np.asarray(lengths, dtype=np.int64)
    counts = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, feats)), shape=(len(texts), ptc.shape[0]))
    counts.sum_duplicates()
    counts.data = np.log1p(counts.data)
    scores = np.asarray(counts @ ptc, dtype=np.float32) + pc
    scores[np.diff(counts.indptr) == 0] = 0.0
    scores *= (1.0 / np.sqrt(np.maximum(lengths, 1))).astype(np.float32)[:, None]
    scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    scores /= scores.sum(axis=1, keepdims=True)
    best = scores.argmax(axis=1)
    return [(str(ident.nb_classes[b]), float(scores[i, b])) for i, b in enumerate(best)]


@pytest.mark.parametrize("codes", [languages.DEFAULT_CANDIDATES, ("en", "de"), "all"])
def test_batch_classifier_is_the_scipy_reference_to_the_bit(codes):
    codes = languages._known_codes() if codes == "all" else codes
    texts = _passages()[:150] + EDGE_TEXTS
    rng = random.Random(8)
    texts += [" ".join(rng.sample(texts[:150], 3))[:rng.randint(5, 400)] for _ in range(60)]
    assert languages._classify_many(texts, codes) == _scipy_reference(texts, codes)


def test_batch_classifier_of_no_texts_and_of_texts_without_features():
    assert languages._classify_many([], languages.DEFAULT_CANDIDATES) == []
    got = languages._classify_many(["...", "a"], languages.DEFAULT_CANDIDATES)
    assert got == _scipy_reference(["...", "a"], languages.DEFAULT_CANDIDATES)


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_the_bytes_read_are_py3langids(text):
    ident = languages._identifier(languages.DEFAULT_CANDIDATES)
    assert languages._encoded(ident, text) == ident._encode(text)
