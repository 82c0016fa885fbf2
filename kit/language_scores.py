"""Per code, the coded passages left without a sentiment score because their language has
no scorer (:mod:`kit.languages`; ``themes.csv``'s ``unscored`` column)."""
from __future__ import annotations

import pandas as pd

__all__ = ["unscored_counts", "with_unscored"]


def unscored_counts(codes: pd.DataFrame, scores: pd.DataFrame) -> pd.Series:
    """Per code: the coded segments without a sentiment score (NaN compound)."""
    if not len(codes):
        return pd.Series(dtype="int64")
    # the left merge of the distinct (segment, code) pairs with ``scores``, counted from lists:
    # a pair counts once per score row of its segment without a score, or once with no row
    rows: dict = {}  # segment_id -> score rows of it without a score
    for sid, value in zip(scores["segment_id"].tolist(), scores["compound"].tolist()):
        rows[sid] = rows.get(sid, 0) + (value is None or value != value)
    counts: dict = {}
    for sid, code in dict.fromkeys(zip(codes["segment_id"].tolist(), codes["code"].tolist())):
        if not (code is None or code != code):  # a missing code is no group, as groupby drops it
            counts[code] = counts.get(code, 0) + rows.get(sid, 1)
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
