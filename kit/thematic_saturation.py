"""Thematic saturation after Guest, Namey & Chen (2020).

Guest G, Namey E, Chen M (2020) "A simple method to assess and report thematic saturation in
qualitative research". PLoS ONE 15(5): e0232076.

The method has three parameters:

* **base size** - the first ``base`` interviews; the distinct codes found in them (``D``) are
  the yardstick;
* **run length** - a window of ``run`` consecutive interviews after the base, moved forward one
  interview at a time;
* **new-information threshold** - saturation is reached at the end of the first run whose new
  codes (codes not seen in any earlier interview), divided by ``D``, are at most ``threshold``.

It is reported as, e.g., "saturation at 8 interviews (base 6, run 2, <= 5% new information)".
The cumulative shares at interviews 6 and 12 are also given, as the marks used by Guest, Bunce
& Johnson (2006, "How many interviews are enough?", Field Methods 18(1)).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from numbers import Integral, Real

import pandas as pd

from kit.schema import is_missing

__all__ = ["saturation", "saturation_backing", "saturation_frame"]

_EPS = 1e-12  # so that e.g. 1/20 <= 0.05 holds whatever the float rounding


_is_missing = is_missing  # kit.schema: what counts as missing


def _interviews(codes_per_interview) -> tuple[list, list[set]]:
    """(ids, list of code sets) in the given order."""
    if isinstance(codes_per_interview, (str, bytes)):
        raise TypeError("codes_per_interview must be a sequence of code collections, not a string")
    if isinstance(codes_per_interview, (set, frozenset)):
        raise TypeError("codes_per_interview must be ordered (a list or a mapping), not a set")
    if isinstance(codes_per_interview, pd.Series):
        ids, groups = list(codes_per_interview.index), list(codes_per_interview.array)
    elif isinstance(codes_per_interview, Mapping):
        ids, groups = list(codes_per_interview.keys()), list(codes_per_interview.values())
    elif isinstance(codes_per_interview, Iterable):
        groups = list(codes_per_interview)
        ids = list(range(1, len(groups) + 1))
    else:
        raise TypeError("codes_per_interview must be a sequence or a mapping of code collections")
    sets = []
    for interview_id, codes in zip(ids, groups):
        if codes is None or (not isinstance(codes, Iterable) and _is_missing(codes)):
            sets.append(set())
            continue
        if isinstance(codes, (str, bytes)) or not isinstance(codes, Iterable):
            raise TypeError(
                f"interview {interview_id!r}: codes must be a collection of codes (a list or a "
                f"set), not {type(codes).__name__} {codes!r}")
        sets.append({c for c in codes if not _is_missing(c)})
    return ids, sets


def _check_params(base, run, threshold) -> None:
    for name, value in (("base", base), ("run", run)):
        if isinstance(value, bool) or not isinstance(value, Integral) or value < 1:
            raise ValueError(f"{name} must be a whole number >= 1 (got {value!r})")
    if (isinstance(threshold, bool) or not isinstance(threshold, Real)
            or not 0 <= float(threshold) < 1):
        raise ValueError(
            f"threshold must be a proportion from 0 (no new code at all) up to, not including, 1 "
            f"(got {threshold!r})")


#: The new-information thresholds Guest, Namey & Chen (2020) report side by side.
GUEST_2020_THRESHOLDS = (0.05, 0.0)


def saturation(codes_per_interview, base: int = 6, run: int = 2, threshold: float = 0.05) -> dict:
    """Assess thematic saturation (Guest, Namey & Chen 2020).

    ``codes_per_interview`` is an ordered sequence with one collection of codes per interview
    (in the order they were conducted or analysed), or a mapping ``interview_id -> codes``
    (order kept), or a pandas Series of the same. ``None``/NaN codes are ignored; an interview
    may have no codes.

    ``D`` is the number of distinct codes in the first ``base`` interviews. For each run start
    ``i = base .. N - run`` (0-based), ``new`` is the number of codes in interviews
    ``i .. i + run - 1`` that no interview before ``i`` had; the first run with
    ``new / D <= threshold`` gives ``saturated_at = i + run``, the 1-based number of the run's
    last interview.

    Returns a dict with:

    * ``saturated_at`` (int or None), ``saturated_at_id`` (the id of that interview), and
      ``reason`` (None when saturated, otherwise why not: too few interviews, no codes in the
      base, or no run under the threshold);
    * ``base_codes`` (``D``; None when there are fewer than ``base`` interviews);
    * ``runs``: a list of ``{"start", "end", "new", "ratio"}`` with 1-based interview numbers
      (``ratio`` is None when ``D`` is 0);
    * ``total_codes``, ``n_interviews``, ``interview_ids``;
    * ``curve``: cumulative distinct codes after each interview; ``new_per_interview``;
    * ``guest_2006``: ``{"by_6": share, "by_12": share}``, the share of all codes found by
      interviews 6 and 12 (None when there are fewer interviews or no codes);
    * ``criteria``: the same assessment at the two thresholds Guest, Namey & Chen (2020)
      report, at most 5% new information and none at all (0%), besides ``threshold`` itself:
      a list of ``{"threshold", "saturated_at", "saturated_at_id"}``, ``threshold`` first;
    * ``base``, ``run``, ``threshold``: the parameters.

    Raises ``ValueError`` unless ``base >= 1``, ``run >= 1`` (whole numbers) and
    ``0 <= threshold < 1`` (0: saturation only when a run adds no new code at all).
    """
    _check_params(base, run, threshold)
    base, run, threshold = int(base), int(run), float(threshold)
    ids, interviews = _interviews(codes_per_interview)
    n = len(interviews)

    seen: set = set()
    curve, new_per_interview = [], []
    for codes in interviews:
        new_per_interview.append(len(codes - seen))
        seen |= codes
        curve.append(len(seen))
    total = len(seen)

    def share_by(k: int):
        return curve[k - 1] / total if n >= k and total else None

    result = {
        "saturated_at": None,
        "saturated_at_id": None,
        "reason": None,
        "base_codes": curve[base - 1] if n >= base else None,
        "runs": [],
        "total_codes": total,
        "n_interviews": n,
        "interview_ids": ids,
        "curve": curve,
        "new_per_interview": new_per_interview,
        "guest_2006": {"by_6": share_by(6), "by_12": share_by(12)},
        "base": base,
        "run": run,
        "threshold": threshold,
    }
    if n < base + run:
        result["criteria"] = [{"threshold": level, "saturated_at": None, "saturated_at_id": None}
                              for level in dict.fromkeys([threshold] + list(GUEST_2020_THRESHOLDS))]
        result["reason"] = (
            f"too few interviews: {n}, the base of {base} and one run of {run} need "
            f"{base + run}")
        return result
    d = result["base_codes"]
    for i in range(base, n - run + 1):
        # A code is new in the run iff it first appears inside the run, so the run's new codes
        # are the sum of the per-interview new counts over the run.
        new = sum(new_per_interview[i:i + run])
        ratio = new / d if d else None
        result["runs"].append({"start": i + 1, "end": i + run, "new": new, "ratio": ratio})
        if result["saturated_at"] is None and ratio is not None and ratio <= threshold + _EPS:
            result["saturated_at"] = i + run
            result["saturated_at_id"] = ids[i + run - 1]
    result["criteria"] = []
    for level in dict.fromkeys([threshold] + list(GUEST_2020_THRESHOLDS)):
        hit = next((r for r in result["runs"] if r["ratio"] is not None and r["ratio"] <= level + _EPS), None)
        result["criteria"].append({"threshold": level, "saturated_at": hit["end"] if hit else None,
                                   "saturated_at_id": ids[hit["end"] - 1] if hit else None})
    if d == 0:
        result["reason"] = f"no codes in the first {base} interviews, so no base to compare with"
    elif result["saturated_at"] is None:
        result["reason"] = (
            f"no run of {run} interviews after the base added at most {threshold * 100:g}% "
            f"new codes (of {d} in the base)")
    return result


def saturation_frame(result: dict) -> pd.DataFrame:
    """One row per interview from a :func:`saturation` result, for plotting.

    Columns: ``interview`` (1-based number), ``interview_id``, ``new_codes``,
    ``cumulative_codes``, ``cumulative_share`` (of all codes; NaN when there are none),
    ``in_base`` (bool), ``run_new`` and ``run_ratio`` (the run ending at this interview; NaN
    where no run ends, floats so that plotting libraries accept them) and ``saturation_point``
    (True on the interview where saturation was reached).
    """
    n = result["n_interviews"]
    total = result["total_codes"]
    run_by_end = {r["end"]: r for r in result["runs"]}
    nan = float("nan")
    rows = []
    for k in range(1, n + 1):
        r = run_by_end.get(k)
        rows.append({
            "interview": k,
            "interview_id": result["interview_ids"][k - 1],
            "new_codes": result["new_per_interview"][k - 1],
            "cumulative_codes": result["curve"][k - 1],
            "cumulative_share": result["curve"][k - 1] / total if total else nan,
            "in_base": k <= result["base"],
            "run_new": float(r["new"]) if r else nan,
            "run_ratio": r["ratio"] if r and r["ratio"] is not None else nan,
            "saturation_point": k == result["saturated_at"],
        })
    columns = ["interview", "interview_id", "new_codes", "cumulative_codes", "cumulative_share",
               "in_base", "run_new", "run_ratio", "saturation_point"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"interview": "int64", "new_codes": "int64", "cumulative_codes": "int64",
                         "cumulative_share": float, "in_base": bool, "run_new": float,
                         "run_ratio": float, "saturation_point": bool})


def saturation_backing(themes: pd.DataFrame | None) -> dict:
    """What the codes counted for saturation rest on, from themes.csv (``kit.themes``:
    columns code, participants, participants_manual, participants_rule, rule_status).

    Returns ``{"backing": ..., "conclusive": bool, "unvalidated": [codes], "words": str}``:
    backing "manual codes" (every code was coded by hand), "manual codes and validated
    rules", "unvalidated rules" (some codes rest on keyword rules no coder has checked:
    their new codes may be the rules firing, not new things said, so a saturation point is
    inconclusive) or "not recorded" (no themes table with the evidence columns: not
    conclusive either). ``words`` says it in a clause for a report."""
    need = {"code", "participants_manual", "participants_rule", "rule_status"}
    if not isinstance(themes, pd.DataFrame) or not need <= set(themes.columns):
        return {"backing": "not recorded", "conclusive": False, "unvalidated": [],
                "words": "what the codes rest on is not recorded (no themes table), so it is not conclusive"}
    manual = pd.to_numeric(themes["participants_manual"], errors="coerce").fillna(0)
    rule = pd.to_numeric(themes["participants_rule"], errors="coerce").fillna(0)
    used = themes[(manual > 0) | (rule > 0)]
    manual, rule = manual[used.index], rule[used.index]
    checked = used["rule_status"].fillna("").astype(str).eq("validated")
    unvalidated = [str(c) for c in used.loc[(rule > 0) & ~checked, "code"]]
    if unvalidated:
        only = all(manual[used["code"].astype(str).isin(unvalidated)] == 0)
        return {"backing": "unvalidated rules", "conclusive": False, "unvalidated": unvalidated,
                "words": (f"{len(unvalidated)} of the {len(used)} codes ({', '.join(unvalidated)}) rest "
                          f"{'only' if only else 'partly'} on keyword rules no coder has checked, so new codes may be "
                          "the rules firing rather than new things said: inconclusive until a coder codes a few "
                          "interviews by hand")}
    if (rule > 0).any():
        return {"backing": "manual codes and validated rules", "conclusive": True, "unvalidated": [],
                "words": "counted from the coders' codes and keyword rules checked against them"}
    return {"backing": "manual codes", "conclusive": True, "unvalidated": [],
            "words": "counted from the coders' codes"}
