"""Per code, the coded passages left without a sentiment score because their language has
no scorer (:mod:`kit.languages`; ``themes.csv``'s ``unscored`` column)."""
from __future__ import annotations

from collections import Counter
from itertools import compress, repeat

import pandas as pd

__all__ = ["unscored_counts", "with_unscored"]


def unscored_counts(codes: pd.DataFrame, scores: pd.DataFrame) -> pd.Series:
    """Per code: the coded segments without a sentiment score (NaN compound)."""
    if not len(codes):
        return pd.Series(dtype="int64")
    # the left merge of the distinct (segment, code) pairs with ``scores``, counted from lists:
    # a pair counts once per score row of its segment without a score, or once with no row
    rows: dict = {}  # segment_id -> score rows of it without a score
    compound = scores["compound"]
    if compound.dtype == "float64" and not compound.isna().any():  # every row scored (all English)
        rows = dict.fromkeys(scores["segment_id"].tolist(), 0)
    else:
        for sid, value in zip(scores["segment_id"].tolist(), compound.tolist()):
            rows[sid] = rows.get(sid, 0) + (value is None or value != value)
    pairs = dict.fromkeys(zip(codes["segment_id"].tolist(), codes["code"].tolist()))
    counts: dict = {}
    if pairs:
        sids, names = zip(*pairs)
        weights = list(map(rows.get, sids, repeat(1)))
        if max(weights) <= 1:  # each pair adds 0 or 1: counted in C
            hits = Counter(compress(names, weights))
            counts = {code: hits.get(code, 0) for code in set(names)}
        else:
            for code, weight in zip(names, weights):
                counts[code] = counts.get(code, 0) + weight
    # a missing code is no group, as groupby drops it
    counts = {code: n for code, n in counts.items() if not (code is None or code != code)}
    out = pd.Series(dict(sorted(counts.items())), dtype="int64", name="compound")
    out.index.name = "code"
    return out


def with_unscored(table: pd.DataFrame, codes: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """The themes table with ``unscored`` beside ``mean_compound``: the mentions left out of
    the mean because their language has no sentiment scorer."""
    counts = unscored_counts(codes, scores)
    table = table.copy()
    at = list(table.columns).index("mean_compound") + 1 if "mean_compound" in table else len(table.columns)
    table.insert(at, "unscored", table["code"].map(counts).fillna(0).astype("int64"))
    return table
