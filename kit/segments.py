"""Comparing segments of participants (freelancers, trades, agencies, ...): how many in each
raised a theme, and how each feels, with a test, an effect size and the counts side by side.

With a handful of interviews per segment, tests have little power and p-values mislead on
their own: every row carries the counts it came from, an effect size and a plain warning
when the sample is small.

* :func:`people` -- one row per participant interviewed, with their attribute value;
* :func:`prevalence` -- per (code, segment value): people in the value who raised the code
  against the rest, Fisher's exact test of that 2x2 table and its odds ratio;
* :func:`prevalence_tests` -- per code, the whole code x value table: Fisher's exact test
  for two values, else Pearson's chi-square with Cramér's V;
* :func:`sentiment_comparison` -- per value: compound scores of the value against the rest,
  Mann-Whitney U with the rank-biserial correlation.

The statistics (:func:`fisher_2x2`, :func:`chi_square`, :func:`mann_whitney`) take plain
counts and lists, so they can be checked against published examples.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from kit.schema import NONE_LABEL as NONE
from kit.schema import PREVALENCE_COLUMNS, SENTIMENT_COLUMNS, TEST_COLUMNS, named_interviews, person
from kit.stats import (
    EXACT_LIMIT,
    MIN_EXPECTED,
    MIN_TEST_N,
    TOO_FEW,
    benjamini_hochberg,
    chi_square,
    cramers_v,
    exact_independence,
    fisher_2x2,
    mann_whitney,
    odds_ratio,
    rank_biserial,
    too_few,
)

__all__ = ["MIN_N", "MIN_TEST_N", "TOO_FEW", "too_few", "MIN_EXPECTED", "EXACT_LIMIT", "exact_independence",
           "fisher_2x2", "odds_ratio", "chi_square", "cramers_v",
           "mann_whitney", "rank_biserial", "people", "prevalence", "prevalence_tests",
           "sentiment_comparison", "NONE"]

#: Fewer people than this in a group: the comparison cannot show much.
MIN_N = 10


# --------------------------------------------------------------------------- people and themes
_bh = benjamini_hochberg  # the q-values' one home is kit.stats
_who = person  # who counts as a person: kit.schema


def people(interviews: pd.DataFrame, attribute: str = "segment") -> pd.DataFrame:
    """One row per person interviewed (``who``: participant id, or the interview id when
    the interview names none) with their ``attribute`` value (``(none)`` when missing)."""
    if attribute not in interviews.columns:
        raise ValueError(f"no participant attribute {attribute!r} (the interviews have: "
                         f"{', '.join(map(str, interviews.columns))})")
    value = interviews[attribute].fillna("").astype(str).replace("", NONE)
    frame = pd.DataFrame({"who": _who(interviews).to_numpy(), "interview_id": interviews["interview_id"].to_numpy(),
                          "value": value.to_numpy()})
    return frame.drop_duplicates("who").reset_index(drop=True)


def _warn(n_group: int, n_rest: int, min_n: int = MIN_N) -> str:
    small = [f"{label} n = {n}" for label, n in (("group", n_group), ("rest", n_rest)) if n < min_n]
    return f"small sample ({', '.join(small)} < {min_n}): read as a hint, not a finding" if small else ""




def _raised(coded: pd.DataFrame, interviews: pd.DataFrame, attribute: str, codes):
    """``(who, raised, names, counts)`` for the prevalence tables: the people and their
    ``attribute`` value (:func:`people`); each (person, code) they raised once, with its value (a
    third speaker's codings count for nobody); the codes to report (``codes`` or those raised);
    the number of people per (code, value)."""
    who = people(interviews, attribute)
    value_of = dict(zip(who["who"], who["value"]))
    raised = pd.DataFrame({"who": _who(coded, named_interviews(interviews)).to_numpy(),  # a third speaker: nobody
                           "code": coded["code"].to_numpy()}).drop_duplicates()
    raised = raised[raised["who"].isin(value_of)]
    raised["value"] = raised["who"].map(value_of)
    names = list(codes) if codes is not None else sorted(set(raised["code"]))
    return who, raised, names, raised.groupby(["code", "value"]).size()


def prevalence(coded: pd.DataFrame, interviews: pd.DataFrame, attribute: str = "segment",
               codes=None, min_n: int = MIN_N) -> pd.DataFrame:
    """For every code and every value of ``attribute``: ``with_code`` of the ``n`` people
    of that value raised the code (``share``), against ``rest_with_code`` of the
    ``rest_n`` other people; Fisher's exact test (two-sided) of that 2x2 table with its
    ``odds_ratio`` (> 1: more common in this value), the Benjamini-Hochberg ``q_value``
    over every row (many tests are run at once), and a ``warning`` when a group has fewer
    than ``min_n`` people. A group or rest of fewer than :data:`MIN_TEST_N` people is not
    tested: ``p_value`` is NaN and ``warning`` says :data:`TOO_FEW`.

    ``coded`` has one row per (segment, code) with interview_id and participant
    (``kit.themes.coded_segments`` or ``combine_codings``); ``interviews`` is the study's
    interviews table."""
    who, raised, names, counts = _raised(coded, interviews, attribute, codes)
    sizes = who["value"].value_counts()
    total = len(who)
    code_totals = raised.groupby("code").size()
    rows = []
    for code in names:
        k_all = int(code_totals.get(code, 0))
        for value in sorted(sizes.index):
            n = int(sizes[value])
            a = int(counts.get((code, value), 0))
            rest_n = total - n
            c = k_all - a
            test = fisher_2x2(a, n - a, c, rest_n - c)
            rows.append({"code": code, "value": value, "with_code": a, "n": n, "share": a / n if n else math.nan,
                         "rest_with_code": c, "rest_n": rest_n,
                         "rest_share": c / rest_n if rest_n else math.nan,
                         "odds_ratio": test["odds_ratio"], "p_value": test["p_value"],
                         "warning": test["note"] or _warn(n, rest_n, min_n)})
    table = pd.DataFrame(rows, columns=[c for c in PREVALENCE_COLUMNS if c != "q_value"])
    table.insert(table.columns.get_loc("p_value") + 1, "q_value", _bh(table["p_value"]) if len(table) else [])
    return table.rename(columns={"value": attribute})




def prevalence_tests(coded: pd.DataFrame, interviews: pd.DataFrame, attribute: str = "segment",
                     codes=None, min_n: int = MIN_N) -> pd.DataFrame:
    """One test per code of whether raising it depends on the ``attribute`` value, over
    the whole value x (with, without) table of people: Fisher's exact test (``statistic``
    = the odds ratio) when there are two values; with more values Pearson's chi-square
    (Cramér's V as the effect size) when every expected count is at least 5, else the exact
    test of :func:`exact_independence` (Freeman-Halton; ``test`` "fisher-freeman-halton",
    ``statistic`` still the chi-square for reference), because the chi-square p-value is
    not to be trusted with small expected counts (Cochran 1954). ``warning`` flags small
    expected counts and groups of fewer than ``min_n`` people. Groups of fewer than
    :data:`MIN_TEST_N` people are left out of the test (said in ``warning``); with fewer
    than two groups left the row is not tested (``p_value`` NaN, ``warning`` starting with
    :data:`TOO_FEW`). ``q_value``: Benjamini-Hochberg over the codes."""
    who, _, names, counts = _raised(coded, interviews, attribute, codes)
    values = sorted(set(who["value"]))
    sizes = who["value"].value_counts().reindex(values).to_numpy()
    rows = []
    for code in names:
        with_code = np.array([int(counts.get((code, v), 0)) for v in values])
        table = np.column_stack([with_code, sizes - with_code])
        notes = []
        if len(values) < 2:
            rows.append({"code": code, "people_with_code": int(with_code.sum()), "n": int(sizes.sum()),
                         "test": "", "statistic": math.nan, "dof": 0, "p_value": math.nan,
                         "effect": "", "effect_size": math.nan, "min_expected": math.nan,
                         "small_expected": 0, "warning": "only one group: nothing to compare"})
            continue
        tested = sizes >= MIN_TEST_N  # groups too small to test are left out of the test
        left_out = [f"{v} n = {int(s)}" for v, s, ok in zip(values, sizes, tested) if not ok]
        if tested.sum() < 2:
            rows.append({"code": code, "people_with_code": int(with_code.sum()), "n": int(sizes.sum()),
                         "test": "", "statistic": math.nan, "dof": 0, "p_value": math.nan,
                         "effect": "", "effect_size": math.nan, "min_expected": math.nan,
                         "small_expected": 0,
                         "warning": f"{TOO_FEW}: fewer than two groups of {MIN_TEST_N} or more people"
                                    + (f" ({', '.join(left_out)})" if left_out else "")})
            continue
        if left_out:
            notes.append(f"left out of the test, {TOO_FEW}: {', '.join(left_out)} (< {MIN_TEST_N})")
        table, kept = table[tested], [v for v, ok in zip(values, tested) if ok]
        chi = chi_square(table)
        if len(kept) == 2:
            (a, b), (c, d) = table.tolist()
            fisher = fisher_2x2(a, b, c, d)
            test, stat, dof, p = "fisher", fisher["odds_ratio"], 1, fisher["p_value"]
            effect, size = "odds_ratio", fisher["odds_ratio"]
        else:
            test, stat, dof, p = "chi-square", chi["chi2"], chi["dof"], chi["p_value"]
            effect, size = "cramers_v", chi["cramers_v"]
            if chi["small_expected"]:
                cells = 2 * len(kept)
                exact = exact_independence(table)
                test, p = "fisher-freeman-halton", exact["p_value"]
                notes.append(f"{chi['small_expected']} of {cells} expected counts < {MIN_EXPECTED}: "
                             f"exact test ({exact['method']}) instead of chi-square")
        small = [f"{v} n = {int(s)}" for v, s, ok in zip(values, sizes, tested) if ok and s < min_n]
        if small:
            notes.append(f"small groups ({', '.join(small)})")
        if table[:, 0].sum() == 0 or table[:, 1].sum() == 0:
            notes.append("raised by nobody or by everyone: nothing to compare")
            if p != p:  # no test could be run (chi-square of a table with an empty column)
                test = ""
        rows.append({"code": code, "people_with_code": int(with_code.sum()), "n": int(sizes.sum()),
                     "test": test, "statistic": stat, "dof": dof, "p_value": p, "effect": effect,
                     "effect_size": size, "min_expected": chi["min_expected"],
                     "small_expected": chi["small_expected"], "warning": "; ".join(notes)})
    frame = pd.DataFrame(rows, columns=[c for c in TEST_COLUMNS if c != "q_value"])
    frame.insert(frame.columns.get_loc("p_value") + 1, "q_value", _bh(frame["p_value"]) if len(frame) else [])
    return frame


# --------------------------------------------------------------------------- sentiment



def sentiment_comparison(scored: pd.DataFrame, attribute: str = "segment", unit: str = "participant",
                         min_n: int = MIN_N) -> pd.DataFrame:
    """Sentiment of each ``attribute`` value against the rest: Mann-Whitney U (two-sided)
    with the rank-biserial correlation (> 0: this value's scores tend to be higher).

    ``scored`` is ``kit.feelings.score`` (with the ``attribute`` column). ``unit``:
    "participant" (default) compares each person's mean compound, so a talkative person
    counts once and the observations are independent; "turn" compares the turns
    themselves (more of them, but turns of one person are not independent). ``n`` and
    ``rest_n`` count the units compared; ``people`` the persons behind them. A value or rest
    with fewer than :data:`MIN_TEST_N` units or people (one person's turns are not a
    sample) is not tested (``p_value`` NaN, ``warning``
    says :data:`TOO_FEW`)."""
    if attribute not in scored.columns:
        raise ValueError(f"the scored table has no column {attribute!r}")
    if unit not in ("participant", "turn"):
        raise ValueError(f"unit must be 'participant' or 'turn', not {unit!r}")
    frame = scored[scored["compound"].notna()]  # a third speaker counts for nobody, even beside unscored turns
    frame = frame.assign(who=_who(frame, named_interviews(scored)), value=frame[attribute].fillna("").astype(str).replace("", NONE))
    frame = frame[frame["who"].notna()]  # a third speaker's turns are nobody's: not compared by turn either
    if unit == "participant":
        units = frame.groupby(["who", "value"], as_index=False)["compound"].mean()
    else:
        units = frame[["who", "value", "compound"]]
    rows = []
    for value in sorted(set(units["value"])):
        mine = units[units["value"] == value]
        rest = units[units["value"] != value]
        # a group of one person is too few to test, however many turns they took
        note = too_few(group=min(len(mine), mine["who"].nunique()), rest=min(len(rest), rest["who"].nunique()))
        test = mann_whitney(mine["compound"].tolist(), rest["compound"].tolist())
        if note:
            test["p_value"] = math.nan
        rows.append({"value": value, "n": len(mine), "people": mine["who"].nunique(),
                     "median_compound": float(mine["compound"].median()),
                     "mean_compound": float(mine["compound"].mean()),
                     "rest_n": len(rest), "rest_people": rest["who"].nunique(),
                     "rest_median_compound": float(rest["compound"].median()) if len(rest) else math.nan,
                     "u": test["u"], "p_value": test["p_value"], "rank_biserial": test["rank_biserial"],
                     "warning": note or _warn(mine["who"].nunique(), rest["who"].nunique(), min_n)})
    return pd.DataFrame(rows, columns=SENTIMENT_COLUMNS).rename(columns={"value": attribute})
