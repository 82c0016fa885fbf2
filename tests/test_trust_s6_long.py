"""One very long transcript: the steps of notebook 04 that were super-linear in its segments
give the same answers, with work that grows with the input (not with its square)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from kit import theme_discovery
from kit.coding import comparison_universe, shared_universe
from kit.privacy import Unquotable
from kit.study import load_study


def _segments(n_interviews: int, per: int) -> pd.DataFrame:
    ids = [f"INT-{i:03d}#t{j}" for i in range(1, n_interviews + 1) for j in range(1, per + 1)]
    return pd.DataFrame({"segment_id": ids, "interview_id": [s.split("#")[0] for s in ids],
                         "kind": "turn", "text": "x"})


def test_shared_universe_is_the_ordered_intersection_of_every_coders_universe():
    segments = _segments(4, 30)
    rows = [("INT-001#t1", "a", "ana"), ("INT-002#t3", "a", "ana"), ("INT-003#t2", "b", "ana"),
            ("INT-002#t5", "a", "ben"), ("INT-003#t7", "b", "ben"), ("INT-004#t1", "a", "ben"),
            ("INT-003#t9", "a", "cy"), ("INT-002#t1", "b", "cy")]
    manual = pd.DataFrame(rows, columns=["segment", "code", "coder"])
    got = shared_universe(manual, segments)
    each = [comparison_universe(manual[manual["coder"] == c], segments) for c in ("ana", "ben", "cy")]
    expected = [s for s in each[0] if all(s in set(u) for u in each[1:])]
    assert got == expected
    assert set(got) == {s for s in segments["segment_id"] if s.startswith(("INT-002#", "INT-003#"))}


def test_shared_universe_of_one_long_interview_costs_one_set_per_coder(monkeypatch):
    # 20,000 segments of one interview, two coders: the universe of each coder is turned into
    # a set once (it was once per segment: 20,000 sets of 20,000 ids)
    segments = _segments(1, 20_000)
    manual = pd.DataFrame([("INT-001#t1", "a", "ana"), ("INT-001#t2", "a", "ben")],
                          columns=["segment", "code", "coder"])
    built = []

    class CountingSet(set):
        def __init__(self, *args):
            built.append(1)
            super().__init__(*args)

    import kit.coding

    monkeypatch.setattr(kit.coding, "set", CountingSet, raising=False)
    got = shared_universe(manual, segments)
    assert len(got) == 20_000
    assert len(built) <= 4


def _links(n: int, k: int, rng) -> pd.DataFrame:
    return pd.DataFrame({"index": np.arange(n), "k": rng.integers(-1, k, n), "weight": rng.random(n),
                         "fit": rng.random(n)})


def test_examples_are_the_best_passages_without_unconsented_words_looked_at_lazily(study_dir, monkeypatch):
    study = load_study(study_dir, strict=False)  # P-1 consents to being quoted, P-2 does not
    rng = np.random.default_rng(3)
    n = 3000
    secret = "our it team blocked the invite links for a whole week"
    texts = [secret if i % 7 == 0 else f"passage {i} about spreadsheets" for i in range(n)]
    frame = pd.DataFrame({"segment_id": [f"INT-001#t{i}" for i in range(n)], "participant": "P-1", "text": texts})
    links = _links(n, 4, rng)
    name_of = {k: f"T{k + 1:02d}" for k in range(4)}
    links["theme"] = links["k"].map(lambda k: name_of.get(k, "unassigned"))
    words = Unquotable([secret], ids=["P-2"])
    calls = []

    class Counting(Unquotable):
        def holds(self, text):
            calls.append(text)
            return super().holds(text)

    counting = Counting([secret], ids=["P-2"])
    monkeypatch.setattr("kit.privacy.unquotable", lambda study: counting)
    got = theme_discovery._examples(study, frame, links, name_of, include_names=True)

    # the exhaustive answer: every member filtered first, then the best N per theme
    clean = np.array([not words.holds(t) for t in frame["text"].to_numpy()[links["index"]]])
    members = links[(links["k"] >= 0).to_numpy() & clean]
    members = members.assign(score=members["weight"] * members["fit"])
    best = (members.sort_values(["k", "score", "index"], ascending=[True, False, True])
            .groupby("k").head(theme_discovery.N_EXAMPLES))
    assert got["segment_id"].tolist() == frame["segment_id"].to_numpy()[best["index"]].tolist()
    assert got["rank"].tolist() == [1, 2, 3] * 4
    assert not any(secret in t for t in got["text"])
    # only the passages ranked above each theme's last example were looked at, not all 3000
    assert len(calls) < 60
