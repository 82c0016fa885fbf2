"""Session 17's pass after loading (issue 20, the ``sp17run`` developer): each quicker way
gives what the long way gave.

* ``kit.sentiment_terms.as_terms`` searches and masks only the distinct texts holding a
  candidate slang core as a substring, each once, instead of searching every text;
* ``kit.sentiment.compound`` maps a list that is all plain strings through the scores of its
  distinct texts in C instead of one Python call a text;
* ``kit.languages.sentiment_problems`` makes the paths of the interviews it warns about only.

Each is compared with the code it replaced (copied here) on generated inputs that reach the
edges: byte order marks, CRLF and lone CR, other scripts, marks around a token, a slang
entry that starts with a digit, duplicates, items that are not strings.
"""
from __future__ import annotations

import math
import random
import re

import pandas as pd
import pytest

from kit import sentiment, sentiment_terms
from kit.sentiment_terms import _CAPS_RUN, _digit_led, _masked, as_terms, slang_only

__all__: list[str] = []


def _old_as_terms(texts):
    """``as_terms`` as it was before session 17 (every text searched)."""
    strings = [t for t in texts if type(t) is str]
    if not strings:
        return texts
    joined = "\n".join(strings)
    slang = slang_only()
    cores = {c for c in set(_CAPS_RUN.findall(joined)) if c.lower() in slang}
    cores.update(c for c in _digit_led() if c in joined)
    if not cores:
        return texts
    found = re.compile(r"(?<!\S)\S?(?:" + "|".join(map(re.escape, sorted(cores, key=len, reverse=True)))
                       + r")\S?(?!\S)")

    def one(m):
        shown = _masked(m.group())
        return m.group() if shown is None else shown

    def mask(t):
        if type(t) is not str or not found.search(t):
            return t
        shown = found.sub(one, t)
        return t if shown == t else shown

    return [mask(t) for t in texts]


class _Text(str):
    """A string subclass: passed through as it is, never masked (``type(t) is not str``)."""


_PIECES = ["PO", "POs", "PO.", "(PO)", "\"PO\"", "PO,", "po", "Po", "REPO", "POP", "4Q", "14AA41", "10Q",
           "x4Q", "4Qs", "GL", "FYI", "FYI!", "IDK?", "fyi", "TX", "WTF", "OK", "LOL", "A/B", "H&K", "J/K",
           "PO-number", "PO\u00a0", "\ufeffPO", "PO\r\n", "PO\r", "\tPO\t", "Zahlung", "платёж PO", "支払い",
           "don't", "the", "invoice", "paid", "late", "", " ", "\n", "ÉTÉ", "ÀB", "NDA", "ASAP", "KPI", "B2B"]


def _texts(rng, n):
    out = []
    for _ in range(n):
        words = [rng.choice(_PIECES) for _ in range(rng.randint(0, 9))]
        out.append(rng.choice([" ", "  ", "\n", "\r\n", " \t"]).join(words))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_as_terms_masks_what_searching_every_text_masked(seed):
    rng = random.Random(seed)
    texts = _texts(rng, 1500)
    texts += texts[:300]  # duplicates
    texts += [None, math.nan, 3, _Text("PO number"), b"PO"]
    rng.shuffle(texts)
    got, want = as_terms(texts), _old_as_terms(texts)
    assert len(got) == len(want) == len(texts)
    assert all(type(g) is type(w) for g, w in zip(got, want))
    assert [g for g in got if not isinstance(g, float)] == [w for w in want if not isinstance(w, float)]
    # a text left as it is is the same object (its score cannot change), as before
    assert [g is t for g, t in zip(got, texts)] == [w is t for w, t in zip(want, texts)]
    assert any(g is not t for g, t in zip(got, texts))  # something was masked: the test can fail


@pytest.mark.parametrize("texts", [
    [], ["no slang here"], [None, math.nan], ["po and fyi in lower case"], ["\ufeffFYI\r\n", "4Q\r"],
    [_Text("PO")], ["REPO", "POP", "x4Q"], ["PO"] * 3,
])
def test_as_terms_edges(texts):
    got, want = as_terms(texts), _old_as_terms(texts)
    assert [repr(g) for g in got] == [repr(w) for w in want]
    assert [g is t for g, t in zip(got, texts)] == [w is t for w, t in zip(want, texts)]
    if want is texts:  # nothing to mask in any text: the very list back, as before
        assert got is texts


def test_as_terms_masks_a_slang_token_in_capitals():
    got = as_terms(["The PO was missing.", "po", "FYI, the 4Q numbers."])
    assert got == ["The PO_ was missing.", "po", "FYI_, the 4Q_ numbers."]


def test_compound_of_plain_strings_is_each_text_scored_alone():
    rng = random.Random(5)
    words = ["good", "not", "bad", "PO", "great!", "never", "late", ":)", "VERY", "but", "kind of", "ok",
             "Zahlung", "ça", "😀", "?", "", "\r\n"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 8))) for _ in range(900)]
    texts += texts[:200]
    assert len(set(texts)) >= sentiment._BATCH_MIN
    want = [sentiment._compound_of(t) for t in texts]
    got = sentiment.compound(texts)
    assert [repr(x) for x in got] == [repr(x) for x in want]
    # the general path (items that are not plain strings) gives the same for the same texts
    mixed = texts + [None, math.nan, _Text("good")]
    general = sentiment.compound(mixed)
    assert [repr(x) for x in general[:len(texts)]] == [repr(x) for x in want]
    assert math.isnan(general[-3]) and math.isnan(general[-2])
    assert general[-1] == sentiment._compound_of("good")


def _old_sentiment_problems(study, segments):
    """``kit.languages.sentiment_problems`` before session 17: every interview's path made."""
    from kit.languages import SENTIMENT_LANGUAGES, Problem, language_name

    if "language" not in segments or not len(segments):
        return []
    out = []
    unscored = segments[~segments["language"].isin(SENTIMENT_LANGUAGES)]
    interviews = study.interviews
    paths = {}
    for iid, note, transcript in zip(interviews["interview_id"].tolist(), interviews["note_path"].tolist(),
                                     interviews["transcript_path"].tolist()):
        where = note or ""
        if not where and transcript:
            where = str(study.path / transcript)
        paths[iid] = where or str(study.path)
    for iid, group in unscored.groupby("interview_id", sort=True):
        counts = group["language"].value_counts()
        said = ", ".join(f"{n} in {language_name(code)}" for code, n in sorted(counts.items()))
        out.append(Problem(paths.get(iid, str(study.path)), 1,
                           f"interview {iid}: {len(group)} passage(s) have no sentiment score ({said}): "
                           "VADER is validated for English only; they are left out of every sentiment "
                           "figure", "warning"))
    return out


def test_sentiment_problems_name_the_same_paths(tmp_path):
    from types import SimpleNamespace

    from kit.languages import sentiment_problems

    interviews = pd.DataFrame({"interview_id": ["INT-1", "INT-2", "INT-3", "INT-4"],
                               "note_path": ["notes/INT-1.md", "", "", ""],
                               "transcript_path": ["transcripts/INT-1.txt", "transcripts/INT-2.vtt", "", ""]})
    study = SimpleNamespace(interviews=interviews, path=tmp_path)
    segments = pd.DataFrame({"interview_id": ["INT-1", "INT-1", "INT-2", "INT-3", "INT-9", "INT-4"],
                             "language": ["pl", "en", "und", "mul", "tl", "en"]})
    got = sentiment_problems(study, segments)
    assert [(p.path, p.line, p.message) for p in got] == \
        [(p.path, p.line, p.message) for p in _old_sentiment_problems(study, segments)]
    assert [p.path for p in got] == ["notes/INT-1.md", str(tmp_path / "transcripts/INT-2.vtt"), str(tmp_path),
                                     str(tmp_path)]
    all_english = segments.assign(language="en")
    assert sentiment_problems(study, all_english) == _old_sentiment_problems(study, all_english) == []


def test_as_terms_module_keeps_its_names():
    assert set(sentiment_terms.__all__) >= {"as_terms", "slang_only"}


def test_most_specific_of_many_is_each_worked_out_alone():
    """``AutoCoder._most_specific_all`` keeps, per set of codes found together, the codes no
    other code of the set descends from: the same pairs, in the same order, as
    ``_most_specific`` of each text's codes alone (deep parents, cycles, codes off the book)."""
    from types import SimpleNamespace

    from kit.coding import AutoCoder

    book = [SimpleNamespace(name=n, parent=p, keywords=[], patterns=[]) for n, p in [
        ("a", None), ("b", "a"), ("c", "b"), ("d", "a"), ("e", None), ("f", "g"), ("g", "f"), ("h", "e")]]
    rng = random.Random(3)
    names = [c.name for c in book] + ["zz"]
    found = []
    for _ in range(3000):
        codes = rng.sample(names, rng.randint(0, 5))
        found.append({c: f"{c}-{rng.randint(0, 9)}" for c in codes})
    for most_specific in (True, False):
        coder = AutoCoder(book, most_specific=most_specific)
        want = [coder._most_specific(dict(here)) for here in found]
        assert coder._most_specific_all(found) == want
        assert any(len(w) < len(h) for w, h in zip(want, found)) == most_specific
