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
    *_, ptc, pc, _labels = languages._tables(codes)  # session 11: the automaton's arrays, then the model's
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
    from kit.langid_model import encoded  # moved there in session 11

    assert encoded(text) == ident._encode(text)


# --------------------------------------------------------------------------- redaction in batches

def _texts(rng: random.Random, names: list[str]) -> list[str]:
    """Generated cells: plain sentences, ids, amounts, and the things redaction replaces or
    reads closely (emails plain and written out, phone numbers, roster names and parts in any
    case, names broken at a line's end or coloured, escapes, marks, non-ASCII letters)."""
    words = ("the client paid late again and I chased them twice about the invoice at last "
             "week Tuesday fine net 30 terms bank transfer reference euros dot com").split()
    extras = ["jo.bell@example.org", "jo at example dot com", "jo (at) example.com", "+44 20 7946 0958",
              "020 7946 0958", "2026-11-06", "12345678", "123456789", "INT-00042#t3", "Wata-\nnabe",
              "\x1b[31mDana\x1b[0m", "Jo\\u200bsé", "[email]", "[phone]", "Müller", "Zoë", "MARIA", "at",
              "willpower", "O'Neill", "7850 euros", "1 2 3 4 5 6 7 8 9", "a-\nb", "-", "[1m"]
    for name in names:
        extras += [name, name.lower(), name.upper(), name.split()[0], name.split()[-1], name.replace(" ", "_")]
        first = name.split()[0]  # the forms a name can hide in (kit.privacy_decode)
        extras += [] if len(first) < 4 else [first[:2] + "&#" + str(ord(first[2])) + ";" + first[3:], first[:3] + "%" + format(ord(first[3]), "02X")
                   + first[4:], "**" + first[:3] + "**" + first[3:], first[:3] + "<b>" + first[3:] + "</b>",
                   " ".join(first.lower()), first[:2] + "\\u00" + format(ord(first[2]), "02x") + first[3:]]
    out = []
    for _ in range(3000):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 12))]
        for _ in range(rng.choice([0, 0, 0, 1, 2])):
            parts.insert(rng.randint(0, len(parts)), rng.choice(extras))
        out.append(rng.choice(["", " ", ", ", "-", "\n"]).join(parts))
    return out + extras + ["", "x"]


ROSTERS = {
    "none": [],
    "small": ["Dana Okafor", "Maria Lopez", "Will Power", "Jo Bell", "Sean O'Neill", "Hans Müller"],
    "a mark's word": ["Email Phone", "Dana Okafor"],
    "large": [f"{first} {last}" for first in ("Dana", "Gary", "Hannah", "Sven", "Oliver", "Ines", "Marcus", "Kwame")
              for last in ("Okafor", "Mulligan", "Weiss", "Lindqvist", "Grant", "Carvalho", "Bell", "Asante")],
}


@pytest.mark.parametrize("kind", sorted(ROSTERS))
def test_texts_found_unredacted_come_back_unchanged(kind, monkeypatch):
    from kit import privacy_batch
    from kit.outputs import redact_shown
    from kit.privacy import Roster, _name_parts

    names = ROSTERS[kind]
    people = Roster(names=tuple(names), parts=tuple(dict.fromkeys(_name_parts(names))),
                    emails=("jo.bell@example.org",) if names else ())
    texts = _texts(random.Random(kind), names)
    monkeypatch.setattr(privacy_batch, "BATCH_CHARS", 5_000)  # several batches
    quiet = privacy_batch.unredacted(texts + [None, 3.0], people if names else None)
    changed = {t for t in texts if redact_shown(t, people) != t}
    assert quiet <= set(texts) and not quiet & changed and changed
    if kind != "a mark's word":  # most of what does not change is found so
        plain = {t for t in texts if t.isascii() and t not in changed}
        assert len(quiet) >= 0.3 * len(plain)
    else:
        assert quiet == set()  # a mark's word is a name: every text is redacted one by one


def test_many_roster_words_in_a_batch_are_looked_for_text_by_text():
    from kit.outputs import redact_shown
    from kit.privacy import Roster, _name_parts
    from kit.privacy_batch import _FEW_WORDS, unredacted

    names = ROSTERS["large"]
    people = Roster(names=tuple(names), parts=tuple(dict.fromkeys(_name_parts(names))))
    texts = [f"I met {name.replace(' ', '')} at noon" for name in names] + [f"I met {name.split()[0]}" for name in names]
    texts += ["nothing to see here", "a plain remark"]
    assert len({w for t in texts for w in t.lower().split()} & people.matcher.root.keys()) > _FEW_WORDS
    assert unredacted(texts, people) == {t for t in texts if redact_shown(t, people) == t} == set(texts[-2:])


def test_a_working_table_is_redacted_as_before(tmp_path):
    """Outputs.frame with the batch look-up writes what asking each cell gave."""
    import pandas as pd

    from kit.outputs import WORKING, Outputs
    from kit.privacy import Roster, _name_parts

    names = ROSTERS["small"]
    people = Roster(names=tuple(names), parts=tuple(dict.fromkeys(_name_parts(names))), emails=("jo.bell@example.org",))
    texts = _texts(random.Random(3), names)
    frame = pd.DataFrame({"text": texts, "n": range(len(texts)), "id": [f"INT-{i % 7}" for i in range(len(texts))]})
    writer = Outputs(tmp_path, None, WORKING, people=people)
    got = writer.frame(frame)
    assert got["text"].tolist() == [writer.clean(t) for t in texts]
    assert got["text"].tolist() != texts  # something was redacted

