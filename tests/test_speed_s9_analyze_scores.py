"""kit.language_scores.unscored_counts counted from lists (issue 20, ninth pass) against the
left merge it replaced, on generated tables with repeated pairs, repeated and missing score
rows, unscored passages and missing codes."""
from __future__ import annotations

import math
import random

import pandas as pd
import pytest

from kit.language_scores import unscored_counts


def _merged(codes: pd.DataFrame, scores: pd.DataFrame) -> pd.Series:
    """The definition: distinct (segment, code) pairs left-merged with the scores, NaN
    compounds counted per code."""
    merged = codes[["segment_id", "code"]].drop_duplicates().merge(
        scores[["segment_id", "compound"]], on="segment_id", how="left")
    return merged["compound"].isna().groupby(merged["code"]).sum().astype("int64")


@pytest.mark.parametrize("seed", range(6))
def test_unscored_counts_match_the_merge(seed):
    rng = random.Random(seed)
    ids = [f"iv{k}#t{j}" for k in range(30) for j in range(8)]
    codes_pool = ["late-payment", "fees", "chasing", "b-code", "Zeta"] + ([None] if seed % 2 else [])
    codes = pd.DataFrame({"segment_id": [rng.choice(ids) for _ in range(600)],
                          "code": [rng.choice(codes_pool) for _ in range(600)]})
    scored = rng.sample(ids, 200) + (rng.sample(ids, 20) if seed % 3 else [])  # some twice, some missing
    scores = pd.DataFrame({"segment_id": scored,
                           "compound": [math.nan if rng.random() < 0.3 else round(rng.uniform(-1, 1), 4)
                                        for _ in scored]})
    got, want = unscored_counts(codes, scores), _merged(codes, scores)
    assert got.to_dict() == want.to_dict()
    assert list(got.index) == list(want.index) and got.dtype == want.dtype
    assert got.sum() > 0


def test_no_codes_no_counts():
    empty = pd.DataFrame({"segment_id": [], "code": []})
    assert unscored_counts(empty, pd.DataFrame({"segment_id": [], "compound": []})).empty
