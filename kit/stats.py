"""One home for the kit's statistics: intervals, exact and asymptotic tests, effect sizes,
sample sizes, keyness and diversity. Agreement (Cohen's kappa, Krippendorff's alpha) stays in
:mod:`kit.agreement`; saturation in :mod:`kit.thematic_saturation`.

Every function takes plain counts or lists, so each can be checked against a published
example: the doctests below reproduce values printed in the cited sources (run by
``tests/test_stats.py``). scipy does the distribution work where it has the test.

* proportions: :func:`wilson_interval` (Wilson 1927; Newcombe 1998a, method 3),
  :func:`newcombe_interval` (Newcombe 1998b, method 10);
* 2x2 and r x c tables: :func:`odds_ratio`, :func:`fisher_2x2` / :func:`fisher_p` (Fisher
  1935), :func:`exact_independence` (Freeman & Halton 1951), :func:`chi_square` with
  :func:`cramers_v` (Agresti 2007), :func:`benjamini_hochberg` (Benjamini & Hochberg 1995);
* two samples: :func:`mann_whitney` with :func:`rank_biserial` (Kerby 2014),
  :func:`bootstrap_mean_difference`;
* sample sizes: :func:`needed_per_group`, :func:`needed_one_sample` (Fleiss, Levin & Paik 2003);
* keyness: :func:`g2` (log-likelihood, Rayson & Garside 2000), :func:`log_ratio` (Hardie 2014);
* diversity: :func:`shannon_entropy`, :func:`normalised_entropy` (Shannon 1948; Pielou 1966).

Moved here from kit.segments, kit.assumptions, kit.language, kit.program and
kit.repository; the old names remain importable where they were.
"""
from __future__ import annotations

import math
import random

import numpy as np
import pandas as pd

__all__ = ["EXACT_LIMIT", "MIN_EXPECTED", "MIN_TEST_N", "TOO_FEW", "Z95", "benjamini_hochberg",
           "bootstrap_mean_difference", "chi_square", "cramers_v", "exact_independence", "fisher_2x2",
           "fisher_p", "g2", "log_ratio", "mann_whitney", "needed_one_sample", "needed_per_group",
           "newcombe_interval", "normalised_entropy", "odds_ratio", "rank_biserial", "shannon_entropy",
           "too_few", "wilson_interval"]

#: The two-sided 95% normal quantile, z = Phi^-1(0.975).
Z95 = 1.959963984540054
#: Fewer values than this in a group: no test is run (a group of 0 or 1 has no spread to
#: compare, and permutation tests need two values per sample); the row says :data:`TOO_FEW`.
MIN_TEST_N = 2
#: The verdict of a comparison with a group too small to test.
TOO_FEW = "too few to test"
#: Chi-square's approximation is poor when an expected count is below this.
MIN_EXPECTED = 5


# --------------------------------------------------------------------------- proportions
def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion k/n (NaN, NaN when n is 0).

    Newcombe (1998a, Table I, method 3) prints 0.2553 to 0.3662 for 81/263, 0.0624 to 0.1605
    for 15/148 and 0 to 0.1611 for 0/20:

    >>> [round(x, 4) for x in wilson_interval(81, 263)]
    [0.2553, 0.3662]
    >>> [round(x, 4) for x in wilson_interval(15, 148)]
    [0.0624, 0.1605]
    >>> [round(x, 4) for x in wilson_interval(0, 20)]
    [0.0, 0.1611]

    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
    inference. JASA 22, 209-212. Newcombe, R. G. (1998a). Two-sided confidence intervals for
    the single proportion. Statistics in Medicine 17, 857-872.
    """
    if n <= 0:
        return float("nan"), float("nan")
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / denom
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    # exact bounds at the ends (rounding would otherwise leave 1e-17 instead of 0)
    return (0.0 if k == 0 else low), (1.0 if k == n else high)


def newcombe_interval(k1: int, n1: int, k2: int, n2: int, z: float = Z95) -> tuple[float, float]:
    """95% interval for the difference of two independent proportions p1 - p2 = k1/n1 -
    k2/n2 by Newcombe's hybrid score method (Newcombe 1998, method 10), built from the two
    Wilson intervals. NaN when either group is empty.

    Newcombe (1998b, Table II, method 10) prints +0.0524 to +0.3339 for 56/70 - 48/80 and
    +0.1705 to +0.8090 for 9/10 - 3/10:

    >>> [round(x, 4) for x in newcombe_interval(56, 70, 48, 80)]
    [0.0524, 0.3339]
    >>> [round(x, 4) for x in newcombe_interval(9, 10, 3, 10)]
    [0.1705, 0.809]

    Newcombe, R. G. (1998b). Interval estimation for the difference between independent
    proportions: comparison of eleven methods. Statistics in Medicine 17, 873-890.
    """
    if n1 <= 0 or n2 <= 0:
        return float("nan"), float("nan")
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson_interval(k1, n1, z)
    l2, u2 = wilson_interval(k2, n2, z)
    d = p1 - p2
    low = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return low, high


def fisher_p(k1: int, n1: int, k2: int, n2: int) -> float:
    """Two-sided Fisher exact p for k1 of n1 against k2 of n2 (scipy.stats.fisher_exact).

    Fisher's (1935) lady tasting tea, 3 of 4 cups right: two-sided p = 0.4857.

    >>> round(fisher_p(3, 4, 1, 4), 4)
    0.4857
    """
    if n1 <= 0 or n2 <= 0:
        return float("nan")
    return float(fisher_2x2(k1, n1 - k1, k2, n2 - k2)["p_value"])


# --------------------------------------------------------------------------- tables and two samples
def too_few(**groups) -> str:
    """The honest verdict when a group is too small to test: ``"too few to test (rest n = 1
    < 2)"`` naming every group of fewer than :data:`MIN_TEST_N` values, else ``""``.
    Keywords are group labels, values their sizes."""
    small = [f"{label} n = {int(n)}" for label, n in groups.items() if n < MIN_TEST_N]
    return f"{TOO_FEW} ({', '.join(small)} < {MIN_TEST_N})" if small else ""


def odds_ratio(a, b, c, d) -> float:
    """Sample odds ratio (a d) / (b c) of the 2x2 table [[a, b], [c, d]] (inf when b c = 0
    and a d > 0; NaN when both are 0), as scipy's ``fisher_exact`` reports it.

    >>> odds_ratio(3, 1, 1, 3)
    9.0
    """
    num, den = a * d, b * c
    if den == 0:
        return math.inf if num > 0 else math.nan
    return num / den


def fisher_2x2(a, b, c, d, alternative: str = "two-sided") -> dict:
    """Fisher's exact test of [[a, b], [c, d]] (rows: this group, the rest; columns: with,
    without): ``odds_ratio`` and ``p_value`` (scipy.stats.fisher_exact). When a row has
    fewer than :data:`MIN_TEST_N` people the test is not run: ``p_value`` is NaN and
    ``note`` says :data:`TOO_FEW` (``note`` is "" otherwise).

    Fisher (1935, The Design of Experiments, section 2), the lady tasting tea: two-sided
    p = 0.4857 (one-sided 0.2429), odds ratio 9.

    >>> res = fisher_2x2(3, 1, 1, 3)
    >>> round(res["p_value"], 4), res["odds_ratio"]
    (0.4857, 9.0)
    >>> round(fisher_2x2(3, 1, 1, 3, alternative="greater")["p_value"], 4)
    0.2429
    """
    from scipy.stats import fisher_exact

    note = too_few(group=a + b, rest=c + d)
    if note:
        return {"odds_ratio": odds_ratio(a, b, c, d), "p_value": math.nan, "note": note}
    _, p = fisher_exact([[a, b], [c, d]], alternative=alternative)
    return {"odds_ratio": odds_ratio(a, b, c, d), "p_value": float(p), "note": ""}


def cramers_v(chi2: float, n: int, shape) -> float:
    """Cramér's V = sqrt(chi2 / (n (min(r, k) - 1))), without bias correction.

    >>> round(cramers_v(30.07, 2757, (2, 3)), 3)
    0.104
    """
    r, k = shape
    m = min(r, k) - 1
    if n <= 0 or m <= 0:
        return math.nan
    return math.sqrt(chi2 / (n * m))


def chi_square(table) -> dict:
    """Pearson's chi-square test of independence of a contingency table (no continuity
    correction): ``chi2``, ``dof``, ``p_value``, ``cramers_v``, ``min_expected`` and
    ``small_expected`` (cells with an expected count below :data:`MIN_EXPECTED`). Rows or
    columns that are all zero are dropped first.

    Agresti (2007, An Introduction to Categorical Data Analysis, 2nd ed., Table 2.5): party
    identification by gender, X² = 30.07 with df = 2.

    >>> res = chi_square([[762, 327, 468], [484, 239, 477]])
    >>> round(res["chi2"], 2), res["dof"], round(res["cramers_v"], 3)
    (30.07, 2, 0.104)
    """
    from scipy.stats import chi2_contingency

    t = np.asarray(table, dtype=float)
    t = t[t.sum(axis=1) > 0][:, t.sum(axis=0) > 0]
    n = int(t.sum())
    if t.ndim != 2 or min(t.shape) < 2:
        return {"chi2": math.nan, "dof": 0, "p_value": math.nan, "cramers_v": math.nan,
                "min_expected": math.nan, "small_expected": 0, "n": n}
    res = chi2_contingency(t, correction=False)
    expected = np.asarray(res.expected_freq)
    return {"chi2": float(res.statistic), "dof": int(res.dof), "p_value": float(res.pvalue),
            "cramers_v": cramers_v(float(res.statistic), n, t.shape),
            "min_expected": float(expected.min()), "small_expected": int((expected < MIN_EXPECTED).sum()),
            "n": n}


def rank_biserial(u1: float, n1: int, n2: int) -> float:
    """Rank-biserial correlation of a Mann-Whitney U: 2 U1 / (n1 n2) - 1, from -1 (every
    value of group 1 below every value of group 2) to +1 (every one above) (Kerby 2014).

    Kerby (2014): U1 = 17 of n1 n2 = 20 pairs gives r = 2 * 17 / 20 - 1 = 0.7.

    >>> round(rank_biserial(17, 5, 4), 4)
    0.7

    Kerby, D. S. (2014). The simple difference formula: an approach to teaching
    nonparametric correlation. Comprehensive Psychology 3, 11.IT.3.1.
    """
    if n1 == 0 or n2 == 0:
        return math.nan
    return 2 * u1 / (n1 * n2) - 1


#: Up to this many values in all, Mann-Whitney's p is exact (no ties) or a permutation p (ties).
EXACT_LIMIT = 40


def mann_whitney(x, y, alternative: str = "two-sided") -> dict:
    """Mann-Whitney U test of ``x`` against ``y``, the kit's one implementation
    (scipy.stats.mannwhitneyu): with at most ``EXACT_LIMIT`` values in all, the exact
    distribution of U when there are no ties and an exact permutation distribution when
    there are (both exact at this size, not the normal approximation, which is off by a
    factor of three on 10 against 10); above that, the normal approximation with tie and
    continuity corrections. Returns ``u`` (U of ``x``), ``p_value``, ``rank_biserial`` and
    ``method`` ("exact", "permutation" or "asymptotic"). A group of fewer than
    :data:`MIN_TEST_N` values is not tested: ``p_value`` is NaN and ``method`` is
    :data:`TOO_FEW` (U and the rank-biserial correlation are still given when both groups
    have a value).

    The example of scipy's ``mannwhitneyu`` documentation (ages at diagnosis, 5 against 4
    people): U = 17, exact two-sided p = 0.1111 (= 14 of the 126 splits).

    >>> res = mann_whitney([19, 22, 16, 29, 24], [20, 11, 17, 12])
    >>> res["u"], round(res["p_value"], 4), res["method"], round(res["rank_biserial"], 2)
    (17.0, 0.1111, 'exact', 0.7)
    """
    from scipy.stats import PermutationMethod, mannwhitneyu

    x = [float(v) for v in x if v == v]  # noqa: PLR0124 - drops NaN
    y = [float(v) for v in y if v == v]  # noqa: PLR0124
    if len(x) < MIN_TEST_N or len(y) < MIN_TEST_N:
        u = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in x for b in y) if x and y else math.nan
        return {"u": u, "p_value": math.nan, "rank_biserial": rank_biserial(u, len(x), len(y)) if x and y else math.nan,
                "method": TOO_FEW}
    ties = len(set(x + y)) < len(x) + len(y)
    if len(x) + len(y) > EXACT_LIMIT:
        method, how = "asymptotic", "asymptotic"
    elif not ties:
        method, how = "exact", "exact"
    else:
        # every split of the pooled values when there are at most 200,000, else 99,999 seeded ones
        splits = math.comb(len(x) + len(y), len(x))
        method = PermutationMethod(n_resamples=splits if splits <= 200_000 else 99_999, rng=0)
        how = "permutation"
    res = mannwhitneyu(x, y, alternative=alternative, method=method)
    return {"u": float(res.statistic), "p_value": float(min(1.0, res.pvalue)),
            "rank_biserial": rank_biserial(float(res.statistic), len(x), len(y)), "method": how}


def exact_independence(table, max_tables: int = 2_000_000) -> dict:
    """Fisher's exact test of independence for a contingency table (Freeman & Halton 1951
    beyond 2x2): the p-value sums the probabilities, under fixed margins, of every table no
    more probable than the one observed (a relative tolerance of 1e-7, as scipy's
    ``fisher_exact``). Rows or columns that are all zero are dropped first. A table of
    groups x (with, without) is enumerated exactly (multivariate hypergeometric law); other
    shapes, or more than ``max_tables`` tables, use scipy's seeded Monte Carlo estimate of
    the same p-value (99,999 tables). Returns ``p_value`` and ``method`` ("exact" or
    "monte carlo").

    A 2x2 table gives Fisher's p (the tea example, 0.4857); an r x 2 table is enumerated
    exactly (checked against a brute-force enumeration in tests/test_stats.py):

    >>> round(exact_independence([[3, 1], [1, 3]])["p_value"], 4)
    0.4857
    >>> res = exact_independence([[1, 4], [3, 2], [5, 0]])
    >>> round(res["p_value"], 4), res["method"]
    (0.0659, 'exact')

    Freeman, G. H. & Halton, J. H. (1951). Note on an exact treatment of contingency,
    goodness of fit and other problems of significance. Biometrika 38, 141-149.
    """
    from scipy.stats import MonteCarloMethod, fisher_exact

    t = np.asarray(table, dtype=int)
    t = t[t.sum(axis=1) > 0][:, t.sum(axis=0) > 0]
    if t.ndim != 2 or min(t.shape) < 2:
        return {"p_value": math.nan, "method": ""}
    if t.shape == (2, 2):
        return {"p_value": float(fisher_exact(t).pvalue), "method": "exact"}
    if t.shape[1] == 2 and math.prod(int(s) + 1 for s in t.sum(axis=1)[:-1]) <= max_tables:
        return {"p_value": _exact_r_by_2(t), "method": "exact"}
    res = fisher_exact(t, method=MonteCarloMethod(n_resamples=99_999, rng=0))
    return {"p_value": float(res.pvalue), "method": "monte carlo"}


def _exact_r_by_2(t: np.ndarray) -> float:
    """Freeman-Halton p of an r x 2 table by enumerating the first column under fixed
    margins, in log space (lgamma) for large counts."""
    sizes = [int(s) for s in t.sum(axis=1)]
    k = int(t[:, 0].sum())
    n = sum(sizes)
    log_comb = [[math.lgamma(s + 1) - math.lgamma(x + 1) - math.lgamma(s - x + 1) for x in range(s + 1)]
                for s in sizes]
    log_total = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
    observed = sum(log_comb[i][int(x)] for i, x in enumerate(t[:, 0])) - log_total
    limit = observed + math.log1p(1e-7)
    room = [sum(sizes[i:]) for i in range(len(sizes))] + [0]
    total = 0.0

    def walk(i: int, left: int, logp: float) -> None:
        nonlocal total
        if i == len(sizes) - 1:
            if left <= sizes[i]:
                value = logp + log_comb[i][left] - log_total
                if value <= limit:
                    total += math.exp(value)
            return
        for x in range(max(0, left - room[i + 1]), min(sizes[i], left) + 1):
            walk(i + 1, left - x, logp + log_comb[i][x])

    walk(0, k, 0.0)
    return min(1.0, total)


def benjamini_hochberg(p: pd.Series) -> pd.Series:
    """Benjamini-Hochberg adjusted p-values (q-values) of the non-missing p-values.

    Benjamini & Hochberg (1995): q_(i) = min over j >= i of p_(j) m / j.

    >>> benjamini_hochberg(pd.Series([0.01, 0.04, 0.03, None])).round(3).tolist()
    [0.03, 0.04, 0.04, nan]
    """
    from scipy.stats import false_discovery_control

    out = pd.Series(np.nan, index=p.index)
    ok = p.notna()
    if ok.any():
        out[ok] = false_discovery_control(p[ok].to_numpy(dtype=float), method="bh")
    return out


# --------------------------------------------------------------------------- sample sizes
def needed_per_group(p1: float, p2: float, power: float = 0.8, level: float = 0.95) -> float:
    """People needed in each of two equal groups to tell proportions ``p1`` and ``p2`` apart
    with the given power by a two-sided test at 1 - ``level`` (normal approximation,
    Fleiss, Levin & Paik 2003, eq. 4.14 without continuity correction):
    n = (z_a sqrt(2 p q) + z_b sqrt(p1 q1 + p2 q2))² / (p1 - p2)², p the mean of p1 and p2.
    Rounded up; NaN when p1 == p2 (no difference to detect).

    p1 = 0.6 against p2 = 0.4, 80% power, two-sided 5%: 96.9, so 97 per group (as
    statsmodels' ``samplesize_proportions_2indep_onetail`` computes, 96.92).

    >>> needed_per_group(0.6, 0.4)
    97.0
    """
    from statistics import NormalDist

    if p1 == p2 or any(pd.isna(v) for v in (p1, p2)):
        return float("nan")
    z_a = NormalDist().inv_cdf(1 - (1 - level) / 2)
    z_b = NormalDist().inv_cdf(power)
    p = (p1 + p2) / 2
    root = z_a * math.sqrt(2 * p * (1 - p)) + z_b * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return float(math.ceil((root / (p1 - p2)) ** 2 - 1e-9))


def needed_one_sample(p0: float, p1: float, power: float = 0.8, level: float = 0.95) -> float:
    """People needed to tell a true share ``p1`` from a threshold ``p0`` with the given power
    by a two-sided test at 1 - ``level`` (normal approximation, Fleiss, Levin & Paik 2003,
    eq. 2.5 without continuity correction): n = (z_a sqrt(p0 q0) + z_b sqrt(p1 q1))² /
    (p1 - p0)². Rounded up; NaN when p1 == p0.

    >>> needed_one_sample(0.5, 0.7)
    47.0
    """
    from statistics import NormalDist

    if p1 == p0 or any(pd.isna(v) for v in (p0, p1)):
        return float("nan")
    z_a = NormalDist().inv_cdf(1 - (1 - level) / 2)
    z_b = NormalDist().inv_cdf(power)
    root = z_a * math.sqrt(p0 * (1 - p0)) + z_b * math.sqrt(p1 * (1 - p1))
    return float(math.ceil((root / (p1 - p0)) ** 2 - 1e-9))


def bootstrap_mean_difference(x, y, seed: int = 0, n_boot: int = 2000, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval for mean(y) - mean(x), resampling each group with
    replacement (seeded, so the same data give the same interval). NaN when a group has
    fewer than two values.

    Efron & Tibshirani (1993, ch. 13), the percentile interval: seeded, so repeatable, and
    around the observed difference of means (here 2).

    >>> low, high = bootstrap_mean_difference([1, 2, 3, 4], [3, 4, 5, 6])
    >>> low < 2.0 < high, (low, high) == bootstrap_mean_difference([1, 2, 3, 4], [3, 4, 5, 6])
    (True, True)

    Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
    """
    x, y = [float(v) for v in x], [float(v) for v in y]
    if len(x) < 2 or len(y) < 2:
        return float("nan"), float("nan")
    rng = random.Random(seed)
    diffs = []
    for _ in range(n_boot):
        bx = [x[rng.randrange(len(x))] for _ in x]
        by = [y[rng.randrange(len(y))] for _ in y]
        diffs.append(sum(by) / len(by) - sum(bx) / len(bx))
    diffs.sort()
    alpha = (1 - level) / 2
    lo = diffs[int(math.floor(alpha * (n_boot - 1)))]
    hi = diffs[int(math.ceil((1 - alpha) * (n_boot - 1)))]
    return lo, hi


# --------------------------------------------------------------------------- keyness
def g2(a, b, c, d):
    """Log-likelihood G2 of a word seen ``a`` times in a corpus of ``c`` words and ``b``
    times in one of ``d`` words (Rayson & Garside 2000):
    E1 = c (a + b) / (c + d), E2 = d (a + b) / (c + d),
    G2 = 2 (a ln(a / E1) + b ln(b / E2)), a term with a zero count being 0.
    Takes numbers or arrays.

    A word seen 10 times in 1,000 words and 5 times in 2,000: E1 = 5, E2 = 10, so
    G2 = 2 (10 ln 2 + 5 ln 0.5) = 10 ln 2 = 6.931 (as scipy's ``power_divergence`` with
    ``lambda_="log-likelihood"`` gives for observed (10, 5) against expected (5, 10)).

    >>> round(g2(10, 5, 1000, 2000), 4)
    6.9315

    Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling.
    Workshop on Comparing Corpora, ACL 2000, 1-6.
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(np.where(a > 0, a, 1) / np.where(e1 > 0, e1, 1)), 0.0)
        t2 = np.where(b > 0, b * np.log(np.where(b > 0, b, 1) / np.where(e2 > 0, e2, 1)), 0.0)
    out = 2 * (t1 + t2)
    return float(out) if out.ndim == 0 else out


def log_ratio(a, b, c, d):
    """Binary log of the ratio of relative frequencies (a / c) / (b / d) (Hardie 2014): +1
    means twice as frequent in the target. A zero count is taken as 0.5.

    >>> log_ratio(10, 5, 1000, 2000)
    2.0

    Hardie, A. (2014). Log Ratio: an informal introduction. CASS, Lancaster University.
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    a = np.where(a > 0, a, 0.5)
    b = np.where(b > 0, b, 0.5)
    out = np.log2((a / c) / (b / d))
    return float(out) if out.ndim == 0 else out


# --------------------------------------------------------------------------- diversity
def shannon_entropy(counts) -> float:
    """Shannon entropy H = -sum(p ln p) of category counts, in nats (zeros are skipped).

    Two equally common categories carry ln 2 nats; counts 1, 1, 2 carry 1.5 ln 2:

    >>> round(shannon_entropy([5, 5]), 4), round(shannon_entropy([1, 1, 2]), 4)
    (0.6931, 1.0397)

    Shannon, C. E. (1948). A mathematical theory of communication. Bell System Technical
    Journal 27, 379-423.
    """
    counts = [float(c) for c in counts if c and c > 0]
    total = sum(counts)
    if total <= 0:
        return 0.0
    return -sum((c / total) * math.log(c / total) for c in counts)


def normalised_entropy(counts, k: int | None = None) -> float | None:
    """H / ln(k): 1 when the completed interviews are spread evenly over all k categories,
    0 when they all fall in one. ``k`` defaults to the number of non-zero counts. None when
    undefined (no interviews, or fewer than two categories).

    Pielou's (1966) evenness J' = H / ln k: 1 for an even spread, lower when one category
    dominates, None for a single category.

    >>> normalised_entropy([5, 5]), round(normalised_entropy([8, 1, 1]), 4), normalised_entropy([10])
    (1.0, 0.5817, None)

    Pielou, E. C. (1966). The measurement of diversity in different types of biological
    collections. Journal of Theoretical Biology 13, 131-144.
    """
    counts = [c for c in counts if c and c > 0]
    k = len(counts) if k is None else int(k)
    if not counts or k < 2:
        return None
    if len(counts) > k:
        raise ValueError(f"{len(counts)} categories observed but k = {k}")
    return shannon_entropy(counts) / math.log(k)
