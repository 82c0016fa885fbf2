"""How participants feel: VADER sentiment of their words, aggregated per turn, participant,
segment and week.

Every score is the VADER compound of one text (``kit.sentiment.compound``, identical to
NLTK's), labelled with the conventional thresholds: positive at >= +0.05, negative at
<= -0.05, neutral in between (Hutto & Gilbert 2014). Aggregates are group-bys over the
scored table, one row per segment, so every number can be traced to the turns behind it.

* :func:`score` -- one row per participant turn (or quote, insight, ...) with compound and label;
* :func:`summarize` -- counts and shares of positive / neutral / negative, mean and median
  compound, and intensity (how often and how strongly): strongly negative and strongly
  positive turns (|compound| >= 0.5), mean |compound|, and ``negative_intensity`` =
  share negative x mean |compound| of the negative turns (the same for positive);
* :func:`by_participant`, :func:`by_segment`: :func:`summarize` per group;
* :func:`trend`: per week (or month, or any column such as a sprint label) by interview date;
* :func:`distribution`: histogram counts of the compound scores.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from kit.schema import SCORED_COLUMNS, SUMMARY_COLUMNS, named_interviews, person
from kit.sentiment import POSITIVE_THRESHOLD
from kit.study import as_study

__all__ = ["STRONG", "LABELS", "SCORED_COLUMNS", "SUMMARY_COLUMNS", "score", "summarize",
           "by_participant", "by_segment", "trend", "distribution"]

#: |compound| at or above this is a strong feeling (VADER's compound is in [-1, 1]).
STRONG = 0.5
LABELS = ("negative", "neutral", "positive")


def _labels(values: np.ndarray, threshold: float) -> np.ndarray:
    out = np.full(values.shape, "neutral", dtype=object)
    out[values >= threshold] = "positive"
    out[values <= -threshold] = "negative"
    out[np.isnan(values)] = None
    return out


def score(study, kinds=("turn",), attribute: str | None = None,
          threshold: float = POSITIVE_THRESHOLD) -> pd.DataFrame:
    """One row per segment of ``kinds`` (default: participant turns; also "quote",
    "insight", "opportunity"), with the interview's date and the participant attribute
    ``attribute`` (default: the study's segment attribute, e.g. ``segment``), the VADER
    ``compound`` and its ``label``. Interviewers' turns are never included."""
    from kit.sentiment import compound

    study = as_study(study)
    attribute = attribute or study.segment_attribute
    segments = study.segments()
    segments = segments[segments["kind"].isin(list(kinds))].reset_index(drop=True)
    interviews = study.interviews.set_index("interview_id")
    frame = segments[["segment_id", "interview_id", "participant", "kind"]].copy()
    frame["participant"] = frame["participant"].fillna("").astype(str)
    frame["date"] = frame["interview_id"].map(interviews["date"]) if len(frame) else []
    columns = list(SCORED_COLUMNS)
    if attribute in interviews.columns:
        frame[attribute] = frame["interview_id"].map(interviews[attribute]).fillna("").astype(str) \
            if len(frame) else pd.Series(dtype=str)
        columns.insert(4, attribute)
    frame["text"] = segments["text"]
    from kit.privacy import roster  # a score reads the text as published (kit.sentiment.as_published)
    from kit.sentiment import as_published

    values = np.asarray(compound(as_published(segments["text"].tolist(), roster(study))), dtype=float) \
        if len(frame) else np.empty(0)
    from kit.languages import (  # NaN, not 0, where VADER is not valid
        annotate,
        where_valid,
    )

    values = where_valid(values, annotate(study, study.turns, segments)[1]["language"]).to_numpy()
    frame["compound"] = values
    frame["label"] = _labels(values, threshold)
    return frame[columns]


def summarize(scored: pd.DataFrame, by=None, threshold: float = POSITIVE_THRESHOLD,
              strong: float = STRONG) -> pd.DataFrame:
    """Sentiment of the scored segments, overall (``by=None``: one row) or per group
    (``by``: a column name or a list of them).

    ``n``, counts and shares of each label (``threshold``, default 0.05), mean, median and
    mean absolute compound; ``strong_negative`` / ``strong_positive``: how many have
    compound <= -``strong`` / >= ``strong`` (default 0.5); ``negative_intensity``: share
    negative x mean |compound| of the negative ones (= their summed |compound| / n), so it
    grows with how often *and* how strongly negative feeling is voiced
    (``positive_intensity`` likewise)."""
    frame = scored[scored["compound"].notna()]
    c = frame["compound"].astype(float)
    parts = pd.DataFrame({
        "n": 1,
        "n_negative": (c <= -threshold).astype(int),
        "n_neutral": ((c > -threshold) & (c < threshold)).astype(int),
        "n_positive": (c >= threshold).astype(int),
        "compound": c,
        "abs_compound": c.abs(),
        "strong_negative": (c <= -strong).astype(int),
        "strong_positive": (c >= strong).astype(int),
        "neg_strength": c.where(c <= -threshold, 0.0).abs(),
        "pos_strength": c.where(c >= threshold, 0.0),
    }, index=frame.index)
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    for key in keys:
        parts[key] = frame[key]
    if keys:
        grouped = parts.groupby(keys, sort=True, dropna=False)
        table = grouped[["n", "n_negative", "n_neutral", "n_positive", "strong_negative",
                         "strong_positive", "neg_strength", "pos_strength"]].sum()
        table["mean_compound"] = grouped["compound"].mean()
        table["median_compound"] = grouped["compound"].median()
        table["mean_abs_compound"] = grouped["abs_compound"].mean()
        table = table.reset_index()
    else:
        sums = parts[["n", "n_negative", "n_neutral", "n_positive", "strong_negative",
                      "strong_positive", "neg_strength", "pos_strength"]].sum()
        table = pd.DataFrame([sums.to_dict()])
        table["mean_compound"] = c.mean() if len(c) else np.nan
        table["median_compound"] = c.median() if len(c) else np.nan
        table["mean_abs_compound"] = c.abs().mean() if len(c) else np.nan
    n = table["n"].where(table["n"] > 0)
    for label in LABELS:
        table[f"share_{label}"] = table[f"n_{label}"] / n
    table["negative_intensity"] = table["neg_strength"] / n
    table["positive_intensity"] = table["pos_strength"] / n
    ints = ["n", "n_negative", "n_neutral", "n_positive", "strong_negative", "strong_positive"]
    table[ints] = table[ints].astype("int64")
    from kit.languages import summary_unscored  # the rows left out, beside the figures

    return summary_unscored(scored, table[keys + SUMMARY_COLUMNS], keys)


def by_participant(scored: pd.DataFrame, attribute: str | None = "segment", **kw) -> pd.DataFrame:
    """:func:`summarize` per participant (with their ``attribute`` value when the scored
    table has it); segments without a participant are left out. Most negative first."""
    frame = scored[scored["participant"].fillna("").astype(str) != ""]
    keys = ["participant"] + ([attribute] if attribute and attribute in frame.columns else [])
    table = summarize(frame, by=keys, **kw)
    return table.sort_values(["negative_intensity", "participant"], ascending=[False, True]).reset_index(drop=True)


def by_segment(scored: pd.DataFrame, attribute: str = "segment", **kw) -> pd.DataFrame:
    """:func:`summarize` per value of a participant attribute, with ``participants`` (people
    behind the turns) beside ``n`` (turns)."""
    if attribute not in scored.columns:
        raise ValueError(f"the scored table has no column {attribute!r}; score the study with "
                         f"score(study, attribute={attribute!r})")
    table = summarize(scored, by=attribute, **kw)
    voiced = scored[scored["compound"].notna()]
    people = voiced.assign(_who=person(voiced, named_interviews(scored))).groupby(attribute)["_who"].nunique()  # third speakers: nobody
    table.insert(1, "participants", table[attribute].map(people).fillna(0).astype("int64"))
    return table


def trend(scored: pd.DataFrame, by: str = "week", **kw) -> pd.DataFrame:
    """Sentiment over time by interview date: ``by="week"`` (weeks starting on Monday,
    ``period`` is that Monday), ``"month"``, or the name of a column such as a sprint label.
    ``interviews`` is how many interviews each period holds. Undated segments are left out."""
    frame = scored.copy()
    if by in ("week", "month"):
        dates = pd.to_datetime(frame["date"], errors="coerce")
        frame = frame[dates.notna()]
        dates = dates[dates.notna()]
        if by == "week":
            frame["period"] = (dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.date
        else:
            frame["period"] = dates.dt.to_period("M").dt.start_time.dt.date
    elif by in frame.columns:
        frame = frame.assign(period=frame[by])
    else:
        raise ValueError(f"trend by 'week', 'month' or a column of the scored table, not {by!r}")
    table = summarize(frame, by="period", **kw)
    interviews = frame.groupby("period")["interview_id"].nunique()
    table.insert(1, "interviews", table["period"].map(interviews).fillna(0).astype("int64"))
    return table.sort_values("period").reset_index(drop=True)


def distribution(scored: pd.DataFrame, bins: int = 20) -> pd.DataFrame:
    """Histogram of the compound scores over [-1, 1] in ``bins`` equal bins: bin_start,
    bin_end, count (bins are closed on the left, the last one on both sides)."""
    values = scored["compound"].dropna().astype(float).to_numpy()
    counts, edges = np.histogram(values, bins=bins, range=(-1.0, 1.0))
    return pd.DataFrame({"bin_start": edges[:-1], "bin_end": edges[1:], "count": counts.astype("int64")})
