"""Session 13's analyze pass (issue 20): the quicker ways give what the long ways gave.

* ``kit.languages._sample`` joins only as many turn starts as its cut keeps;
* ``kit.languages._main_languages`` counts with plain dicts instead of ``Counter`` objects;
* ``kit.languages.detected`` and ``kit.language_passages.judged`` skip the cleaning of a
  list that is all strings, and ``passage_languages`` the interviews' main languages when
  no turn needs them;
* ``kit.language_scores.unscored_counts`` counts a study whose passages are all scored in C.

Each is compared with the code it replaced (copied here), on generated inputs that reach
the edges (ties, missing codes, unscored passages, texts longer than the detector reads).
"""
from __future__ import annotations

import math
import random
from collections import Counter
from itertools import compress

import pandas as pd
import pytest

from kit import languages
from kit.language_passages import MIXED, judged
from kit.language_scores import unscored_counts

__all__: list[str] = []


def _old_sample(texts):
    k = max(24, languages._HALF_CHARS // len(texts))
    return " ".join(t[:k] for t in texts)[:languages._HALF_CHARS + k]


def _old_main_languages(study, interview_ids, codes, skip=frozenset()):
    pairs = zip(interview_ids, codes)
    if skip:
        pairs = compress(pairs, [pos not in skip for pos in range(len(codes))])
    counts = {}
    for (iid, code), n in Counter(pairs).items():
        if code not in (languages.UNDETERMINED, MIXED):
            c = counts.get(iid)
            if c is None:
                c = counts[iid] = Counter()
            c[code] = n
    declared = (getattr(study, "config", None) or {}).get("languages")
    declared = ([declared] if isinstance(declared, str) else declared) or []
    study_language = languages.candidates(study)[0] if declared else None
    main = {iid: c.most_common(1)[0][0] for iid, c in counts.items()}
    if not study_language and counts:
        study_language = sum(counts.values(), Counter()).most_common(1)[0][0]
    if study_language:
        main.update({iid: study_language for iid in set(interview_ids) - set(main)})
    return main


def _old_unscored(codes, scores):
    if not len(codes):
        return pd.Series(dtype="int64")
    rows = {}
    for sid, value in zip(scores["segment_id"].tolist(), scores["compound"].tolist()):
        rows[sid] = rows.get(sid, 0) + (value is None or value != value)
    counts = {}
    for sid, code in dict.fromkeys(zip(codes["segment_id"].tolist(), codes["code"].tolist())):
        if not (code is None or code != code):
            counts[code] = counts.get(code, 0) + rows.get(sid, 1)
    out = pd.Series(dict(sorted(counts.items())), dtype="int64", name="compound")
    out.index.name = "code"
    return out


class _Study:
    def __init__(self, config=None):
        self.config = config or {}
        self.interviews = pd.DataFrame({"interview_id": []})


def _words(rng, n):
    pool = ["pay", "invoice", "late", "", "a", "the client", "Rechnung", "factura", "x" * 40, "ok."]
    return [" ".join(rng.choice(pool) for _ in range(rng.randint(0, 8))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(40))
def test_sample_is_the_start_of_every_turn_joined(seed):
    rng = random.Random(seed)
    texts = _words(rng, rng.choice([1, 2, 3, 5, 8, 40, 300]))
    assert languages._sample(texts) == _old_sample(texts)


@pytest.mark.parametrize("seed", range(60))
def test_main_languages_as_counted_with_counters(seed):
    rng = random.Random(seed)
    n = rng.randint(0, 80)
    ids = [f"INT-{rng.randint(1, 6)}" for _ in range(n)]
    codes = [rng.choice(["en", "es", "de", "und", MIXED, "fr"]) for _ in range(n)]  # ties often
    skip = {p for p in range(n) if rng.random() < 0.2}
    for config in ({}, {"languages": ["de", "en"]}, {"languages": "es"}):
        study = _Study(config)
        assert languages._main_languages(study, ids, codes, skip) == _old_main_languages(study, ids, codes, skip)
        assert languages._main_languages(study, ids, codes) == _old_main_languages(study, ids, codes)


def test_main_languages_tie_goes_to_the_first_seen():
    study = _Study()
    got = languages._main_languages(study, ["a", "a", "b", "b"], ["es", "en", "en", "es"])
    assert got == {"a": "es", "b": "en"}
    # the study's language (nothing declared): the tie of the sums goes to the first interview's first
    assert languages._main_languages(study, ["a", "b", "c"], ["es", "en", "und"])["c"] == "es"


@pytest.mark.parametrize("seed", range(40))
def test_unscored_counts_as_the_long_way(seed):
    rng = random.Random(seed)
    sids = [f"INT-1#t{i}" for i in range(rng.randint(1, 30))]
    scored = rng.random() < 0.5  # half the cases: every passage scored (the quick path)
    n = rng.randint(0, 40)
    scores = pd.DataFrame({"segment_id": [rng.choice(sids) for _ in range(n)],
                           "compound": pd.Series([rng.uniform(-1, 1) if scored or rng.random() < 0.6 else math.nan
                                                  for _ in range(n)], dtype="float64")})
    m = rng.randint(1, 60)
    codes = pd.DataFrame({"segment_id": [rng.choice(sids + ["INT-9#t1"]) for _ in range(m)],
                          "code": [rng.choice(["late", "terms", "po", None, math.nan]) for _ in range(m)]})
    got, want = unscored_counts(codes, scores), _old_unscored(codes, scores)
    pd.testing.assert_series_equal(got, want)
    assert got.to_dict() == want.to_dict()


def test_unscored_counts_of_an_object_column_with_none():
    scores = pd.DataFrame({"segment_id": ["a", "a", "b"], "compound": [0.5, None, 0.1]}, dtype=object)
    codes = pd.DataFrame({"segment_id": ["a", "b", "c", "a"], "code": ["x", "x", "y", "x"]})
    got = unscored_counts(codes, scores)
    assert got.to_dict() == _old_unscored(codes, scores).to_dict() == {"x": 1, "y": 1}


def test_unscored_counts_all_scored_counts_only_passages_without_a_row():
    scores = pd.DataFrame({"segment_id": ["a", "b"], "compound": [0.5, -0.2]})
    codes = pd.DataFrame({"segment_id": ["a", "b", "zz", "zz"], "code": ["x", "y", "y", "y"]})
    assert unscored_counts(codes, scores).to_dict() == {"x": 0, "y": 1}


def test_detected_reads_the_first_chars_and_cleans_what_is_not_a_string():
    long_text = "The client paid the invoice late again. " * 80 + "Der Kunde hat die Rechnung bezahlt. " * 80
    texts = ["The invoice was paid late.", math.nan, None, 42, long_text, "", "!!!"]
    codes, probs = languages.detected(texts)
    for text, code, prob in zip(texts, codes, probs):
        clean = "" if text is None or isinstance(text, float) else str(text)
        assert (code, prob) == languages.detect_one(clean[:languages.DETECT_CHARS])
    assert codes[4] == "en"  # its start decides, not the German that follows
    assert languages.detected([]) == ([], [])
    assert languages.detected(iter(["Yes."])) == languages.detected(["Yes."])


def test_judged_of_strings_and_of_cells():
    texts = ["I paid the supplier on time every single month.", None, 3.5, "Genau."]
    rows = judged(texts, languages.DEFAULT_CANDIDATES)
    assert rows[1] == rows[2] == judged([""], languages.DEFAULT_CANDIDATES)[0]
    assert rows[0][0] == "en" and rows[0][2] == "sure"
    assert judged(tuple(texts), languages.DEFAULT_CANDIDATES) == rows


def test_passage_languages_of_a_text_column_with_gaps():
    turns = pd.DataFrame({"interview_id": ["I1"] * 4, "role": ["participant"] * 4,
                          "text": ["We paid the invoice late because the portal rejected it.", math.nan,
                                   "The client paid at last after three reminders.", "Yes."]})
    got = languages.passage_languages(_Study(), turns)
    assert got.index.equals(turns.index)
    assert got["language"].tolist() == ["en"] * 4
    # an unsure speaker whose turns say nothing sure: the study's (declared) language
    short = pd.DataFrame({"interview_id": ["I2", "I2"], "role": ["participant"] * 2, "text": ["Ja.", "Yes."]})
    got = languages.passage_languages(_Study({"languages": ["de", "en"]}), short)
    assert got["language"].tolist() == ["de", "de"]
