"""kit.stats: the doctests (published values, cited in each docstring) and independent checks.

scipy and statsmodels serve as test oracles only; a brute-force enumeration checks the exact
r x 2 test.
"""
import doctest
import itertools
import math

import pytest

import kit.schema
from kit import stats


def test_every_statistic_has_a_passing_doctest():
    result = doctest.testmod(stats, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    with_examples = {t.name.rsplit(".", 1)[-1] for t in doctest.DocTestFinder().find(stats) if t.examples}
    public_functions = {n for n in stats.__all__ if callable(getattr(stats, n)) and n != "too_few"}
    assert public_functions <= with_examples, public_functions - with_examples


def test_schema_doctests_pass():
    result = doctest.testmod(kit.schema)
    assert result.failed == 0 and result.attempted >= 4


def test_old_homes_give_the_same_numbers():
    """Until the copies in other modules are swapped for imports, they must agree."""
    from kit import assumptions, language, program, repository, segments

    assert repository.wilson_interval(7, 19) == stats.wilson_interval(7, 19)
    assert assumptions.newcombe_interval(5, 12, 9, 11) == stats.newcombe_interval(5, 12, 9, 11)
    assert segments.fisher_2x2(4, 2, 1, 6) == stats.fisher_2x2(4, 2, 1, 6)
    assert segments.chi_square([[4, 2, 5], [1, 6, 3]]) == stats.chi_square([[4, 2, 5], [1, 6, 3]])
    assert language.g2(7, 2, 300, 900) == stats.g2(7, 2, 300, 900)
    assert program.normalised_entropy([3, 1, 2]) == stats.normalised_entropy([3, 1, 2])


@pytest.mark.parametrize("k1,n1,k2,n2", [(56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (0, 10, 0, 20),
                                         (10, 10, 0, 20)])
def test_newcombe_matches_statsmodels(k1, n1, k2, n2):
    from statsmodels.stats.proportion import confint_proportions_2indep

    low, high = confint_proportions_2indep(k1, n1, k2, n2, method="newcomb", compare="diff")
    mine = stats.newcombe_interval(k1, n1, k2, n2)
    assert mine == pytest.approx((low, high), abs=1e-9)


@pytest.mark.parametrize("k,n", [(0, 1), (1, 1), (3, 17), (50, 100), (99, 100)])
def test_wilson_matches_statsmodels(k, n):
    from statsmodels.stats.proportion import proportion_confint

    assert stats.wilson_interval(k, n) == pytest.approx(proportion_confint(k, n, method="wilson"), abs=1e-12)


def test_wilson_of_nobody_is_undefined():
    assert all(math.isnan(x) for x in stats.wilson_interval(0, 0))


def _brute_r_by_2(table):
    """Freeman-Halton p by listing every first column with the table's margins."""
    rows = [sum(r) for r in table]
    k = sum(r[0] for r in table)
    n = sum(rows)

    def prob(col):
        return math.prod(math.comb(s, x) for s, x in zip(rows, col)) / math.comb(n, k)

    observed = prob([r[0] for r in table])
    total = 0.0
    for col in itertools.product(*(range(s + 1) for s in rows)):
        if sum(col) == k:
            p = prob(col)
            if p <= observed * (1 + 1e-7):
                total += p
    return total


@pytest.mark.parametrize("table", [[[1, 4], [3, 2], [5, 0]], [[2, 2], [2, 2], [0, 4], [3, 1]], [[0, 3], [4, 1], [2, 2]]])
def test_exact_independence_matches_brute_force(table):
    assert stats.exact_independence(table)["p_value"] == pytest.approx(_brute_r_by_2(table), rel=1e-9)


def test_g2_matches_scipy_log_likelihood():
    from scipy.stats import power_divergence

    a, b, c, d = 23, 4, 5_000, 12_000
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    oracle = power_divergence([a, b], [e1, e2], lambda_="log-likelihood").statistic
    assert stats.g2(a, b, c, d) == pytest.approx(float(oracle))


def test_needed_per_group_matches_statsmodels():
    from statsmodels.stats.proportion import samplesize_proportions_2indep_onetail

    for p1, p2 in [(0.6, 0.4), (0.3, 0.1), (0.55, 0.5)]:
        oracle = samplesize_proportions_2indep_onetail(p1 - p2, p2, 0.8, alpha=0.05, alternative="two-sided")
        assert stats.needed_per_group(p1, p2) == math.ceil(oracle - 1e-9)


def test_benjamini_hochberg_matches_statsmodels():
    import pandas as pd
    from statsmodels.stats.multitest import multipletests

    p = [0.001, 0.2, 0.03, 0.04, 0.5, 0.012]
    assert stats.benjamini_hochberg(pd.Series(p)).tolist() == pytest.approx(
        multipletests(p, method="fdr_bh")[1].tolist())
