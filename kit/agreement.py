"""Inter-coder agreement: Cohen's kappa, Krippendorff's alpha and code-level tables.

Everything here is plain statistics on plain data (sequences, arrays, DataFrames); no widgets.

Choices worth knowing
---------------------
* **Missing values.** ``None``, ``NaN``, ``pd.NA`` and ``NaT`` are missing. :func:`cohen_kappa`
  and :func:`percent_agreement` drop every item where either coder is missing;
  :func:`krippendorff_alpha` keeps them as holes in the reliability data.
* **Degenerate kappa.** When both coders put every item in one identical category the chance
  agreement ``pe`` is 1 and kappa's formula is 0/0; :func:`cohen_kappa` returns NaN
  ("undefined"), as Krippendorff's alpha does for the same data (no variation) and as
  scikit-learn's ``cohen_kappa_score`` does: identical labels with one category say nothing
  about whether the coders could tell categories apart.
* **Rare codes.** A code applied fewer than ``MIN_USES`` (3) times by the two coders together
  gets ``band`` "too few to tell" in :func:`code_agreement`; its kappa is shown but left out of
  the mean kappa of :func:`overall_agreement` (``n_codes_too_few`` says how many).
* **Minimum evidence (one rule).** A verdict (a Landis & Koch band per code, Krippendorff's
  band overall) needs ``MIN_USES`` (3) uses of a code: per code in :func:`code_agreement`, and
  overall in :func:`overall_agreement`, whose ``band`` and ``kappa_band`` are "too few to
  tell" (``TOO_FEW``) when no code reaches it, though ``alpha`` is still computed (two segments
  give alpha -0.75 or 0.0: a number, not a finding). The threshold is the kit's own
  (``MIN_USES`` above), not a published cut-off; Krippendorff (2004, *Content Analysis*, 2nd ed.,
  sec. 11.4.4) warns that alpha needs enough pairable values of each category to be
  trusted, and Krippendorff (2011, "Computing Krippendorff's Alpha-Reliability") that it is
  undefined without variation. Coder ids are folded (:func:`kit.coder_ids.coder_key`: case,
  whitespace, Unicode form), so ``alice`` and ``ALICE `` are one coder and one coder's
  codings give ``ONE_CODER`` ("one coder: not measured"), never agreement with themself.
* **Beyond percent agreement.** With presence/absence codings most cells are "neither coder
  applied the code", so percent agreement is high by construction. Beside it come the
  agreement expected by chance, *positive agreement* ``2·both / (2·both + a_only + b_only)``
  (Fleiss 1975; Cicchetti & Feinstein 1990) and the agreement on cells where at least one
  coder applied the code, ``both / (both + a_only + b_only)``.
* **Undefined alpha.** :func:`krippendorff_alpha` returns NaN when no unit has two values
  (nothing is pairable) or when all pairable values are the same (no variation, expected
  disagreement 0): Krippendorff's alpha is undefined there.
* **Shared segments.** In the codings functions two coders are compared on the segments that
  appear in *both* coders' files (a row ``segment,,coder`` with an empty code records a segment
  the coder read and left uncoded). A code absent from a shared segment counts as "not
  applied". Pass ``segments=`` to compare on an explicit universe instead; then every coder is
  taken to have read every segment in it, and codings outside it are ignored.
"""
from __future__ import annotations

import math
from collections import Counter
from itertools import combinations
from typing import Hashable, Iterable, Sequence

import numpy as np
import pandas as pd

from kit.coder_ids import coder_key
from kit.schema import CODE_AGREEMENT_COLUMNS, DISAGREEMENT_COLUMNS, is_missing

__all__ = [
    "cohen_kappa",
    "percent_agreement",
    "krippendorff_alpha",
    "coincidence_matrix",
    "interpret_kappa",
    "interpret_alpha",
    "code_agreement",
    "overall_agreement",
    "disagreements",
    "fold_coders",
    "LEVELS",
    "MIN_USES",
    "ONE_CODER",
    "TOO_FEW",
    "positive_agreement",
]

#: Fewer uses than this (segments where either coder applied the code) and a code's agreement
#: is "too few to tell"; the overall alpha's band too when no code reaches it (the one
#: minimum-evidence rule, module docstring "Minimum evidence").
MIN_USES = 3
#: The verdict below the minimum evidence, per code and overall.
TOO_FEW = "too few to tell"
#: The overall verdict when the codings hold one coder (however their id is spelt).
ONE_CODER = "one coder: not measured"

LEVELS = ("nominal", "ordinal", "interval", "ratio")



# --------------------------------------------------------------------------- helpers

_is_missing = is_missing  # kit.schema: what counts as missing


def _paired_labels(a: Iterable[Hashable], b: Iterable[Hashable]) -> list[tuple[Hashable, Hashable]]:
    a = list(a)
    b = list(b)
    if len(a) != len(b):
        raise ValueError(f"the two coders rate different numbers of items ({len(a)} and {len(b)})")
    if not a:
        raise ValueError("no items to compare")
    pairs = [(x, y) for x, y in zip(a, b) if not (_is_missing(x) or _is_missing(y))]
    if not pairs:
        raise ValueError("no item was rated by both coders (all pairs have a missing value)")
    return pairs


def _kappa_from_counts(n: int, agree: int, chance: int) -> float:
    """Kappa from integer counts: ``n`` items, ``agree`` agreements, ``chance`` = sum of
    products of the coders' marginal counts (so ``po = agree / n`` and ``pe = chance / n**2``).
    Exact integer arithmetic up to the final division."""
    denom = n * n - chance
    if denom == 0:  # pe == 1: one category only, kappa (like alpha) is undefined
        return float("nan")
    return (n * agree - chance) / denom


def positive_agreement(both: int, a_only: int, b_only: int) -> float:
    """Specific positive agreement ``2·both / (2·both + a_only + b_only)`` (Fleiss 1975;
    Cicchetti & Feinstein 1990): how often one coder applying a code is matched by the other.
    NaN when neither coder applied it."""
    denom = 2 * both + a_only + b_only
    return 2 * both / denom if denom else float("nan")


# --------------------------------------------------------------------------- kappa

def cohen_kappa(a: Iterable[Hashable], b: Iterable[Hashable]) -> float:
    """Cohen's kappa for two coders' nominal labels (any hashable values).

    ``kappa = (po - pe) / (1 - pe)`` with ``po`` the observed share of agreements and ``pe``
    the agreement expected from each coder's own label frequencies (Cohen 1960).

    Items where either label is missing (None/NaN) are dropped. Raises ``ValueError`` for
    sequences of different lengths, empty input, or no complete pair. Returns NaN (undefined)
    when both coders use one identical single category (``pe == 1``), as Krippendorff's alpha
    and scikit-learn's ``cohen_kappa_score`` do.
    """
    pairs = _paired_labels(a, b)
    n = len(pairs)
    agree = sum(1 for x, y in pairs if x == y)
    ca = Counter(x for x, _ in pairs)
    cb = Counter(y for _, y in pairs)
    chance = sum(count * cb.get(label, 0) for label, count in ca.items())
    return _kappa_from_counts(n, agree, chance)


def percent_agreement(a: Iterable[Hashable], b: Iterable[Hashable]) -> float:
    """Share of items (0..1, not 0..100) on which two coders give the same label.

    Same input rules as :func:`cohen_kappa` (pairs with a missing label are dropped).
    """
    pairs = _paired_labels(a, b)
    return sum(1 for x, y in pairs if x == y) / len(pairs)


def interpret_kappa(k: float | None) -> str:
    """Landis & Koch (1977) band: "poor" (< 0), "slight" (0-.20), "fair" (.21-.40),
    "moderate" (.41-.60), "substantial" (.61-.80), "almost perfect" (.81-1).

    Upper bounds are inclusive (0.20 is slight, 0.2001 is fair). NaN/None give "undefined".
    """
    if k is None or _is_missing(k):
        return "undefined"
    k = float(k)
    if k > 1 + 1e-9:
        raise ValueError(f"kappa cannot exceed 1 (got {k})")
    if k < 0:
        return "poor"
    if k <= 0.20:
        return "slight"
    if k <= 0.40:
        return "fair"
    if k <= 0.60:
        return "moderate"
    if k <= 0.80:
        return "substantial"
    return "almost perfect"


def interpret_alpha(a: float | None) -> str:
    """Krippendorff's (2004) guideline: "reliable" (alpha >= .800), "tentative" (>= .667,
    fit for tentative conclusions only), otherwise "unreliable". NaN/None give "undefined"."""
    if a is None or _is_missing(a):
        return "undefined"
    a = float(a)
    if a >= 0.800:
        return "reliable"
    if a >= 0.667:
        return "tentative"
    return "unreliable"


# --------------------------------------------------------------------------- alpha

def _reliability_data(data) -> tuple[np.ndarray, np.ndarray]:
    """(values, mask) as 2-D arrays, coders x units; values is object or float dtype."""
    if isinstance(data, pd.DataFrame):
        arr = data.to_numpy(dtype=object)
    elif isinstance(data, np.ndarray):
        arr = data
    else:
        if isinstance(data, (str, bytes)):
            raise TypeError("reliability data must be coders x units, not a string")
        rows = [list(r) for r in data]
        widths = {len(r) for r in rows}
        if len(widths) > 1:
            raise ValueError(
                "reliability data rows (coders) have different lengths; pad with None for "
                "units a coder did not rate")
        arr = np.empty((len(rows), widths.pop() if widths else 0), dtype=object)
        for i, r in enumerate(rows):
            arr[i, :] = r
    if arr.ndim != 2:
        raise ValueError(f"reliability data must be 2-D (coders x units), got {arr.ndim}-D")
    if arr.dtype.kind == "f":
        mask = ~np.isnan(arr)
    elif arr.dtype.kind in "iub":
        mask = np.ones(arr.shape, dtype=bool)
    else:
        arr = arr.astype(object)
        mask = ~pd.isna(arr)
    return arr, np.asarray(mask, dtype=bool)


def _value_codes(arr: np.ndarray, mask: np.ndarray, level: str):
    """Integer code per present value (-1 where missing) and the distinct values."""
    present = arr[mask]
    if level == "nominal":
        codes, uniques = pd.factorize(present)
    else:
        try:
            numeric = np.asarray(present, dtype=float)
        except (TypeError, ValueError):
            raise ValueError(f"level {level!r} needs numeric values") from None
        if not np.all(np.isfinite(numeric)):
            raise ValueError(f"level {level!r} needs finite values")
        if level == "ratio" and numeric.size and numeric.min() < 0:
            raise ValueError("level 'ratio' needs non-negative values (a true zero)")
        uniques, codes = np.unique(numeric, return_inverse=True)
    full = np.full(arr.shape, -1, dtype=np.int64)
    full[mask] = codes
    return full, uniques


def _pairs(codes: np.ndarray):
    """Pairable values as ordered pairs (c, k, weight 1/(m_u - 1)), one entry per ordered pair
    of different coders within a unit; summing weights per (c, k) gives the coincidence matrix.

    Also returns the codes of all values in pairable units: their counts are the matrix
    margins n_c (each value is in m_u - 1 pairs of weight 1/(m_u - 1)).
    """
    present = codes >= 0
    m = present.sum(axis=0)
    keep = m >= 2
    codes = codes[:, keep]
    present = present[:, keep]
    w_unit = 1.0 / (m[keep] - 1)
    firsts, seconds, weights = [], [], []
    n_coders = codes.shape[0]
    for i, j in combinations(range(n_coders), 2):
        both = present[i] & present[j]
        if not both.any():
            continue
        ci, cj, w = codes[i, both], codes[j, both], w_unit[both]
        firsts += [ci, cj]
        seconds += [cj, ci]
        weights += [w, w]
    if firsts:
        c = np.concatenate(firsts)
        k = np.concatenate(seconds)
        w = np.concatenate(weights)
    else:
        c = k = np.empty(0, dtype=np.int64)
        w = np.empty(0, dtype=float)
    values_in_pairable = codes[present]
    return c, k, w, values_in_pairable


_RATIO_BLOCK = 1 << 21  # cells per block in the ratio expected term


def _ratio_expected(x: np.ndarray, nc: np.ndarray) -> float:
    """sum_c sum_k n_c n_k ((x_c - x_k) / (x_c + x_k))**2, in row blocks to bound memory.

    The sum is symmetric, so each block of rows is paired with itself (both orders) and with
    the columns after it (counted twice)."""
    total = 0.0
    size = x.size
    step = max(1, _RATIO_BLOCK // max(1, size))
    for start in range(0, size, step):
        stop = min(size, start + step)
        xs = x[start:stop, None]
        xr = x[None, start:]
        s = xs + xr
        d = np.subtract(xs, xr)
        np.divide(d, s, out=d, where=s != 0)
        d *= d
        d *= nc[None, start:]
        weights = np.full(size - start, 2.0)
        weights[: stop - start] = 1.0
        total += float(nc[start:stop] @ (d @ weights))
    return total


def krippendorff_alpha(data, level: str = "nominal") -> float:
    """Krippendorff's alpha for reliability data of coders x units.

    ``data`` is a list of lists (one list per coder, one entry per unit), a 2-D numpy array or
    a DataFrame with coders as rows and units as columns (transpose a one-row-per-unit frame
    with ``df.T``). ``None``/``NaN`` mark units a coder did not rate. ``level`` is
    "nominal", "ordinal", "interval" or "ratio"; all but nominal need numbers (ratio:
    non-negative).

    Computed with the coincidence-matrix method of Krippendorff (2011, "Computing
    Krippendorff's Alpha-Reliability"): units with fewer than two values are not pairable
    and are dropped; every ordered pair of values from different coders in a unit adds
    ``1/(m_u - 1)`` to the coincidence cell ``o_ck``; ``n_c`` are the margins, ``n`` their
    total, and ``alpha = 1 - (n - 1) * sum o_ck d_ck / sum n_c n_k d_ck`` with the squared
    difference function ``d`` of the level (ordinal: the difference of mid-ranks of the
    coincidence margins). The observed term is accumulated pair by pair and the expected term
    in closed form for nominal/ordinal/interval (vectorised; 10k units take milliseconds);
    ratio's expected term is O(distinct values^2). The coder-pair loop is O(coders^2).

    Returns NaN when nothing is pairable or there is no variation in the pairable values.
    """
    level = str(level).lower()
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    arr, mask = _reliability_data(data)
    if arr.size == 0 or not mask.any():
        return float("nan")
    codes, uniques = _value_codes(arr, mask, level)
    c, k, w, pooled = _pairs(codes)
    n = pooled.size
    if n < 2 or len(uniques) < 2:  # nothing pairable, or no variation: alpha is undefined
        return float("nan")
    nc = np.bincount(pooled, minlength=len(uniques)).astype(float)

    if level == "nominal":
        observed = float(w[c != k].sum())
        expected = float(n) * n - float((nc * nc).sum())
    else:
        if level == "ordinal":
            # Krippendorff's ordinal metric: (sum_{g=c..k} n_g - (n_c + n_k)/2)^2, which is the
            # squared difference of mid-ranks r_g = N_g - n_g / 2 (N_g cumulative margins).
            x = np.cumsum(nc) - nc / 2.0
        else:
            x = np.asarray(uniques, dtype=float)
        if level == "ratio":
            s = x[c] + x[k]
            d = np.divide(x[c] - x[k], s, out=np.zeros(s.shape), where=s != 0)
            observed = float((w * d * d).sum())
            expected = _ratio_expected(x, nc)
        else:
            d = x[c] - x[k]
            observed = float((w * d * d).sum())
            centred = x - (nc * x).sum() / n
            expected = 2.0 * n * float((nc * centred * centred).sum())
    if expected <= 0:
        return float("nan")
    return 1.0 - (n - 1) * observed / expected


def coincidence_matrix(data, level: str = "nominal") -> pd.DataFrame:
    """The coincidence matrix o_ck of reliability data (coders x units) as a DataFrame indexed
    by value on both axes (sorted for numeric levels, first-seen order for nominal). Its
    row sums are the margins n_c and its total is n, the number of pairable values. Dense:
    meant for showing small value sets, not for continuous data."""
    level = str(level).lower()
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    arr, mask = _reliability_data(data)
    if not mask.any():
        return pd.DataFrame()
    codes, uniques = _value_codes(arr, mask, level)
    c, k, w, _ = _pairs(codes)
    size = len(uniques)
    flat = np.bincount(c * size + k, weights=w, minlength=size * size)
    labels = list(uniques)
    return pd.DataFrame(flat.reshape(size, size), index=labels, columns=labels)


# --------------------------------------------------------------------------- codings tables

class _Codings:
    """A normalised codings table: which segments each coder read, which codes each applied."""

    def __init__(self, codings: pd.DataFrame):
        if not isinstance(codings, pd.DataFrame):
            raise TypeError("codings must be a DataFrame with columns segment, code, coder")
        missing = [col for col in ("segment", "code", "coder") if col not in codings.columns]
        if missing:
            raise ValueError(f"codings table lacks column(s): {', '.join(missing)}")
        self.coders: list = []
        self.segment_order: dict = {}  # segment -> position of first appearance
        self.seen: dict = {}  # coder -> set of segments in that coder's file
        self.applied: dict = {}  # coder -> {segment: set of codes}
        self.memo: dict = {}  # (segment, code, coder) -> first non-empty memo
        memos = codings["memo"] if "memo" in codings.columns else None
        self.spelling: dict = {}  # coder_key -> the first spelling (s16 A3: `alice`, `ALICE ` are one coder)
        for pos, (seg, code, coder) in enumerate(
                zip(codings["segment"], codings["code"], codings["coder"])):
            seg, code, coder = _clean(seg), _clean(code), _clean(coder)
            if seg is None or coder is None:
                continue
            coder = self.spelling.setdefault(_coder_key(coder), coder)
            if coder not in self.seen:
                self.coders.append(coder)
                self.seen[coder] = set()
                self.applied[coder] = {}
            self.segment_order.setdefault(seg, len(self.segment_order))
            self.seen[coder].add(seg)
            if code is None:  # the coder read the segment and applied no code
                continue
            self.applied[coder].setdefault(seg, set()).add(code)
            if memos is not None:
                memo = _clean(memos.iloc[pos])
                if memo is not None:
                    self.memo.setdefault((seg, code, coder), str(memo))

    def canonical(self, coder):
        """The coder id ``coder`` stands for (its first spelling in the codings)."""
        coder = _clean(coder)
        return self.spelling.get(_coder_key(coder), coder) if coder is not None else coder

    def check_coder(self, coder) -> None:
        if coder not in self.seen:
            known = ", ".join(map(str, self.coders)) or "none"
            raise ValueError(f"coder {coder!r} has no codings (coders: {known})")

    def universe(self, coders: Sequence, segments) -> list:
        """Segments to compare on: the given ``segments`` (deduplicated, in order), or the
        segments every one of ``coders`` read, in order of first appearance."""
        if segments is not None:
            if isinstance(segments, (str, bytes)):
                raise TypeError("segments must be a collection of segment ids, not a string")
            return list(dict.fromkeys(segments))
        shared = set.intersection(*(self.seen[c] for c in coders))
        return sorted(shared, key=self.segment_order.__getitem__)

    def codes_in(self, coders: Sequence, segs: Iterable) -> list:
        segs = set(segs)
        codes = set()
        for coder in coders:
            for seg, applied in self.applied[coder].items():
                if seg in segs:
                    codes |= applied
        return sorted(codes, key=str)

    def has(self, coder, seg, code) -> bool:
        return code in self.applied[coder].get(seg, ())


def _coder_key(coder):
    return coder_key(coder) if isinstance(coder, str) else coder


def _clean(value):
    if _is_missing(value):
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _resolve(codings, segments, coders=None):
    """(codings, segments as ids or None): a ``Study`` gives its codings and its segments
    table; a segments *table* (``Study.segments()``) becomes ``kit.coding.shared_universe``,
    the segments of the kinds every coder coded in the interviews every coder coded, so each
    entry point compares the same units and gives the same alpha."""
    if not isinstance(codings, pd.DataFrame) and hasattr(codings, "codings") and callable(
            getattr(codings, "segments", None)):
        study = codings
        codings = study.codings
        if segments is None:
            segments = study.segments()
    if isinstance(codings, pd.DataFrame) and "coder" in codings.columns and len(codings):
        codings = fold_coders(codings)
    if isinstance(segments, pd.DataFrame):
        from kit.coding import shared_universe

        if coders is None:
            coders = [c for c in dict.fromkeys(codings["coder"]) if not _is_missing(c)]
        segments = shared_universe(codings, segments, coders)
    return codings, segments


def fold_coders(codings: pd.DataFrame) -> pd.DataFrame:
    """``codings`` with each coder id as its first spelling (:func:`kit.coder_ids.coder_key`);
    the same frame when no two spellings fold together."""
    first: dict = {}
    folded = [first.setdefault(_coder_key(c), c) if not _is_missing(c) and _clean(c) is not None else c
              for c in (_clean(c) if isinstance(c, str) else c for c in codings["coder"])]
    if all(a is b or a == b for a, b in zip(folded, codings["coder"])):
        return codings
    return codings.assign(coder=folded)


def _pair(codings, segments, coder_a, coder_b):
    """(the codings as ``_Codings``, the segments both coders are compared on) for two coders;
    ``ValueError`` for an unknown coder or the same coder twice."""
    codings, segments = _resolve(codings, segments, [coder_a, coder_b])
    table = _Codings(codings)
    coder_a, coder_b = table.canonical(coder_a), table.canonical(coder_b)
    table.check_coder(coder_a)
    table.check_coder(coder_b)
    if coder_a == coder_b:
        raise ValueError("compare two different coders (coder ids that differ only in case, spaces or "
                         "Unicode form are one coder)")
    return table, (coder_a, coder_b), table.universe([coder_a, coder_b], segments)


def code_agreement(codings: pd.DataFrame, coder_a, coder_b, segments=None) -> pd.DataFrame:
    """Per-code agreement of two coders on the presence/absence of each code per segment.

    ``codings`` has columns segment, code, coder (one row per segment-code-coder; extra
    columns are ignored; an empty code marks a segment read and left uncoded). Segments
    compared (``n_segments``) are those in both coders' files, or the ``segments`` given.
    One row per code either coder applied in those segments (sorted by code): counts
    ``a_only``, ``b_only``, ``both``, ``neither``; Cohen's ``kappa`` on presence/absence
    (NaN, undefined, when both coders apply the code everywhere); ``percent_agreement``
    (0..1); the Landis & Koch ``band``, or "too few to tell" when ``uses`` (segments where
    either coder applied the code) is below ``MIN_USES``; ``positive_agreement``
    (:func:`positive_agreement`) and ``agreement_when_applied`` (``both / uses``). An empty
    frame when there is nothing to compare. ``codings`` may be a ``Study`` and ``segments`` the
    study's segments table (see :func:`overall_agreement`).
    """
    table, (coder_a, coder_b), segs = _pair(codings, segments, coder_a, coder_b)
    n = len(segs)
    rows = []
    for code in table.codes_in([coder_a, coder_b], segs):
        a_set = {s for s in segs if table.has(coder_a, s, code)}
        b_set = {s for s in segs if table.has(coder_b, s, code)}
        both = len(a_set & b_set)
        a_only = len(a_set) - both
        b_only = len(b_set) - both
        neither = n - both - a_only - b_only
        agree = both + neither
        chance = len(a_set) * len(b_set) + (n - len(a_set)) * (n - len(b_set))
        kappa = _kappa_from_counts(n, agree, chance)
        uses = both + a_only + b_only
        rows.append({
            "code": code, "n_segments": n, "a_only": a_only, "b_only": b_only,
            "both": both, "neither": neither, "kappa": kappa,
            "percent_agreement": agree / n,
            "band": interpret_kappa(kappa) if uses >= MIN_USES else TOO_FEW,
            "uses": uses, "positive_agreement": positive_agreement(both, a_only, b_only),
            "agreement_when_applied": both / uses if uses else float("nan"),
        })
    frame = pd.DataFrame(rows, columns=CODE_AGREEMENT_COLUMNS)
    if frame.empty:
        return frame.astype({c: "int64" for c in ("n_segments", "a_only", "b_only", "both",
                                                   "neither", "uses")}
                            | {c: float for c in ("kappa", "percent_agreement", "positive_agreement",
                                                  "agreement_when_applied")})
    return frame


def overall_agreement(codings: pd.DataFrame, segments=None) -> dict:
    """Agreement of all coders over every (segment, code) pair.

    Each unit is a (segment, code) pair; a coder's value is 1 if they applied the code to the
    segment, 0 if they read the segment (it is in their file, or in ``segments``) but did not,
    and missing if they did not read it. Units read by fewer than two coders are not pairable
    and are dropped, so with two coders this uses exactly their shared segments. Codes are the
    codes applied somewhere in the pairable segments.

    ``codings`` may also be a ``Study``, and ``segments`` the study's segments table: both
    compare on ``kit.coding.shared_universe`` (segments read and left uncoded count as
    agreement on absence), the universe ``kit.coding.agreement_report`` uses too, so the same
    codings give the same alpha whichever way they come in. Without ``segments`` only the
    segments in the coders' files are compared (``universe`` says which was used).

    Returns a dict: ``alpha`` (nominal Krippendorff's alpha over those units, coders x units),
    ``band`` (:func:`interpret_alpha`), ``percent_agreement`` (share of agreeing coder pairs
    over all coder pairs within units; inflated by the many units nobody coded),
    ``chance_agreement`` (the percent agreement expected by chance from the pooled share of
    applied cells, p² + (1 − p)²), ``positive_agreement`` (agreeing pairs on "applied" over
    all pairs involving an "applied", :func:`positive_agreement` pooled over units),
    ``agreement_when_applied`` (share of units where at least one coder applied the code on
    which every coder did), ``n_units``, ``n_segments``, ``n_codes``, ``n_coders``,
    ``coders``, ``mean_kappa`` (mean of the per-code kappas of :func:`code_agreement` over
    every pair of coders, NaN and codes with fewer than ``MIN_USES`` uses skipped),
    ``n_codes_too_few`` (codes left out of that mean), ``kappa_band`` and ``universe``.
    """
    universe = ("shared segments of the coded interviews" if isinstance(segments, pd.DataFrame) or (
        segments is None and not isinstance(codings, pd.DataFrame)) else
        "segments given" if segments is not None else "segments in the coders' files")
    codings, segments = _resolve(codings, segments)
    table = _Codings(codings)
    coders = list(table.coders)
    result = {
        "alpha": float("nan"), "band": "undefined", "percent_agreement": float("nan"),
        "n_units": 0, "n_segments": 0, "n_codes": 0, "n_coders": len(coders),
        "coders": coders, "mean_kappa": float("nan"), "kappa_band": "undefined",
        "chance_agreement": float("nan"), "positive_agreement": float("nan"),
        "agreement_when_applied": float("nan"), "n_codes_too_few": 0, "universe": universe,
    }
    if len(coders) < 2:
        return result | ({"band": ONE_CODER, "kappa_band": ONE_CODER} if coders else {})
    if segments is not None:
        segs = table.universe(coders, segments)
        seen = np.ones((len(coders), len(segs)), dtype=bool)
    else:
        segs = sorted(table.segment_order, key=table.segment_order.__getitem__)
        seen = np.array([[s in table.seen[c] for s in segs] for c in coders], dtype=bool)
        pairable = seen.sum(axis=0) >= 2
        segs = [s for s, keep in zip(segs, pairable) if keep]
        seen = seen[:, pairable]
    if len(segs) == 0:
        return result
    codes = table.codes_in(coders, segs)
    if not codes:
        return result | {"n_segments": len(segs)}
    seg_index = {s: i for i, s in enumerate(segs)}
    code_index = {code: i for i, code in enumerate(codes)}
    applied = np.zeros((len(coders), len(segs), len(codes)))
    for ci, coder in enumerate(coders):
        for seg, seg_codes in table.applied[coder].items():
            si = seg_index.get(seg)
            if si is not None:
                applied[ci, si, [code_index[code] for code in seg_codes]] = 1.0
    applied[~seen] = np.nan  # coder did not read the segment: missing for all its codes
    matrix = applied.reshape(len(coders), len(segs) * len(codes))

    present = ~np.isnan(matrix)
    m = present.sum(axis=0)
    ones = np.nansum(matrix, axis=0)
    zeros = m - ones
    usable = m >= 2
    pairs = (m * (m - 1) / 2)[usable].sum()
    agreeing = (ones * (ones - 1) / 2 + zeros * (zeros - 1) / 2)[usable].sum()

    kappas, too_few, told = [], set(), set()
    for a, b in combinations(coders, 2):
        frame = code_agreement(codings, a, b, segments=segments)
        enough = frame["uses"] >= MIN_USES
        too_few |= set(frame.loc[~enough, "code"])
        told |= set(frame.loc[enough, "code"])
        kappas += [k for k in frame.loc[enough, "kappa"] if not math.isnan(k)]
    mean_kappa = float(np.mean(kappas)) if kappas else float("nan")
    evidence = bool(told)  # the minimum-evidence rule: one code with MIN_USES uses, as per code

    on, off = ones[usable], zeros[usable]
    share_on = float(on.sum() / (on.sum() + off.sum())) if usable.any() else float("nan")
    positive_pairs = float((on * (on - 1)).sum())
    mixed_pairs = float((on * off).sum())
    applied_units = on >= 1
    alpha = krippendorff_alpha(matrix, "nominal")
    return result | {
        "alpha": alpha, "band": interpret_alpha(alpha) if evidence or math.isnan(alpha) else TOO_FEW,
        "percent_agreement": float(agreeing / pairs) if pairs else float("nan"),
        "chance_agreement": share_on ** 2 + (1 - share_on) ** 2,
        "positive_agreement": positive_pairs / (positive_pairs + mixed_pairs)
        if positive_pairs + mixed_pairs else float("nan"),
        "agreement_when_applied": float((off[applied_units] == 0).mean()) if applied_units.any() else float("nan"),
        "n_units": int(usable.sum()), "n_segments": len(segs), "n_codes": len(codes),
        "mean_kappa": mean_kappa, "kappa_band": interpret_kappa(mean_kappa) if evidence else TOO_FEW,
        "n_codes_too_few": len(too_few),
    }


def disagreements(codings: pd.DataFrame, coder_a, coder_b, segments=None) -> pd.DataFrame:
    """The reconciliation table: every (segment, code) in the compared segments (shared by
    both coders, or ``segments``) that exactly one of the two coders applied.

    Columns: segment, code, applied_by, not_applied_by, memo (the applying coder's memo, ""
    if none). Rows follow the order in which segments first appear in ``codings`` (or the
    order of ``segments``), then code.
    """
    table, (coder_a, coder_b), segs = _pair(codings, segments, coder_a, coder_b)
    rows = []
    for seg in segs:
        a_codes = table.applied[coder_a].get(seg, set())
        b_codes = table.applied[coder_b].get(seg, set())
        for code in sorted(a_codes ^ b_codes, key=str):
            by, not_by = (coder_a, coder_b) if code in a_codes else (coder_b, coder_a)
            rows.append({"segment": seg, "code": code, "applied_by": by,
                         "not_applied_by": not_by, "memo": table.memo.get((seg, code, by), "")})
    return pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)
