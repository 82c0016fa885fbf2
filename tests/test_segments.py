"""kit.segments: every statistic checked against scipy and a published example, then the
tables built on them checked against hand counts."""
from __future__ import annotations

import math

import pandas as pd
import pytest
from scipy import stats
from scipy.stats.contingency import association

import kit
from kit import feelings, segments, themes
from kit.coding import autocode


# --------------------------------------------------------------------------- published examples

def test_fisher_lady_tasting_tea():
    # Fisher (1935), The Design of Experiments: 8 cups, 4 milk-first; she names 3 of them right.
    # P(3 or 4 right) = (16 + 1) / 70 = 0.2429; two-sided (3+ right or 1- right) = 34 / 70 = 0.4857.
    one = segments.fisher_2x2(3, 1, 1, 3, alternative="greater")
    two = segments.fisher_2x2(3, 1, 1, 3)
    assert one["p_value"] == pytest.approx(17 / 70) and round(one["p_value"], 4) == 0.2429
    assert two["p_value"] == pytest.approx(34 / 70) and round(two["p_value"], 4) == 0.4857
    assert two["odds_ratio"] == 9.0
    ref = stats.fisher_exact([[3, 1], [1, 3]])
    assert (two["odds_ratio"], two["p_value"]) == pytest.approx((ref.statistic, ref.pvalue))


def test_odds_ratio_edges_match_scipy():
    for table in ([[5, 0], [2, 3]], [[0, 4], [3, 1]], [[2, 3], [4, 6]]):
        (a, b), (c, d) = table
        assert segments.odds_ratio(a, b, c, d) == stats.fisher_exact(table).statistic
    assert math.isnan(segments.odds_ratio(0, 0, 3, 4))


def test_chi_square_party_identification_by_gender():
    # Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed., Table 2.5:
    # X2 = 30.07 on 2 df, P < .001. Cramer's V = sqrt(30.07 / 2757) = 0.1044.
    table = [[762, 327, 468], [484, 239, 477]]
    res = segments.chi_square(table)
    assert res["chi2"] == pytest.approx(30.07, abs=0.005)
    assert res["dof"] == 2 and res["p_value"] < 0.001
    assert res["cramers_v"] == pytest.approx(math.sqrt(30.070149 / 2757), rel=1e-6)
    assert round(res["cramers_v"], 4) == 0.1044
    assert res["cramers_v"] == pytest.approx(association(table, method="cramer"))
    ref = stats.chi2_contingency(table, correction=False)
    assert (res["chi2"], res["p_value"]) == pytest.approx((ref.statistic, ref.pvalue))
    assert res["small_expected"] == 0


def test_chi_square_by_hand_and_small_expected_counts():
    # [[3, 1], [1, 3]]: every expected count is 2, X2 = 4 x (1^2 / 2) = 2, V = sqrt(2 / 8) = 0.5
    res = segments.chi_square([[3, 1], [1, 3]])
    assert res["chi2"] == pytest.approx(2.0)
    assert res["cramers_v"] == pytest.approx(0.5)
    assert res["min_expected"] == 2.0 and res["small_expected"] == 4
    # an empty column is dropped rather than dividing by zero
    assert segments.chi_square([[3, 0, 1], [1, 0, 3]])["chi2"] == pytest.approx(2.0)
    assert math.isnan(segments.chi_square([[3], [1]])["chi2"])


def test_mann_whitney_shier_diabetes_example():
    # Shier (2004), Statistics: 2.3 The Mann-Whitney U test (Mathematics Learning Support
    # Centre): ages at diagnosis, U_M = 17, U_F = 3, exact two-sided p = 0.11.
    males, females = [19, 22, 16, 29, 24], [20, 11, 17, 12]
    res = segments.mann_whitney(males, females)
    assert res["u"] == 17.0
    assert res["p_value"] == pytest.approx(1 / 9) and round(res["p_value"], 2) == 0.11
    assert segments.mann_whitney(females, males)["u"] == 3.0
    ref = stats.mannwhitneyu(males, females)
    assert (res["u"], res["p_value"]) == pytest.approx((ref.statistic, ref.pvalue))
    # rank-biserial r = 2 U / (n1 n2) - 1 = 34 / 20 - 1 = 0.7 (Kerby 2014: f - u = 17/20 - 3/20)
    assert res["rank_biserial"] == pytest.approx(0.7)
    assert segments.mann_whitney(females, males)["rank_biserial"] == pytest.approx(-0.7)


def test_rank_biserial_extremes_and_missing():
    assert segments.mann_whitney([5, 6, 7], [1, 2])["rank_biserial"] == 1.0
    assert segments.mann_whitney([1, 2], [5, 6, 7])["rank_biserial"] == -1.0
    assert math.isnan(segments.mann_whitney([], [1.0])["p_value"])
    assert segments.mann_whitney([1.0, float("nan"), 3.0], [2.0])["u"] == 1.0


def test_benjamini_hochberg_by_hand():
    # sorted p 0.01, 0.03, 0.04 (m = 3): 0.03, 0.045, 0.04 -> monotone: 0.03, 0.04, 0.04
    q = segments._bh(pd.Series([0.01, 0.04, 0.03, float("nan")]))
    assert q.iloc[:3].tolist() == pytest.approx([0.03, 0.04, 0.04])
    assert math.isnan(q.iloc[3])


# --------------------------------------------------------------------------- tables

def _interviews(groups: dict[str, int]) -> pd.DataFrame:
    rows, n = [], 0
    for value, size in groups.items():
        for _ in range(size):
            n += 1
            rows.append({"interview_id": f"INT-{n:03d}", "participant": f"P-{n:03d}", "segment": value})
    return pd.DataFrame(rows)


def _coded(pairs) -> pd.DataFrame:
    return pd.DataFrame([{"segment_id": f"INT-{p:03d}#t{i}", "interview_id": f"INT-{p:03d}",
                          "participant": f"P-{p:03d}", "kind": "turn", "code": code, "text": ""}
                         for i, (p, code) in enumerate(pairs, start=1)])


def test_prevalence_counts_people_and_tests_each_value_against_the_rest():
    interviews = _interviews({"a": 4, "b": 4})  # P-001..004 in a, P-005..008 in b
    # "late": 3 of a (one of them twice), 1 of b; "fees": only in b
    coded = _coded([(1, "late"), (1, "late"), (2, "late"), (3, "late"), (5, "late"), (6, "fees")])
    table = segments.prevalence(coded, interviews, codes=["late", "fees"])
    late_a = table[(table["code"] == "late") & (table["segment"] == "a")].iloc[0]
    assert (late_a.with_code, late_a.n, late_a.rest_with_code, late_a.rest_n) == (3, 4, 1, 4)
    assert late_a.share == 0.75 and late_a.rest_share == 0.25
    assert late_a.odds_ratio == 9.0 and late_a.p_value == pytest.approx(34 / 70)  # the tea table
    fees_a = table[(table["code"] == "fees") & (table["segment"] == "a")].iloc[0]
    assert fees_a.with_code == 0 and fees_a.odds_ratio == 0.0 and fees_a.p_value == 1.0
    assert "small sample" in late_a.warning
    assert table["q_value"].notna().all() and (table["q_value"] >= table["p_value"] - 1e-12).all()


def test_prevalence_no_warning_for_large_groups():
    interviews = _interviews({"a": 10, "b": 12})
    coded = _coded([(i, "late") for i in range(1, 9)] + [(i, "late") for i in range(11, 14)])
    table = segments.prevalence(coded, interviews)
    row = table[table["segment"] == "a"].iloc[0]
    assert row.warning == ""
    ref = stats.fisher_exact([[8, 2], [3, 9]])
    assert (row.odds_ratio, row.p_value) == pytest.approx((ref.statistic, ref.pvalue))


def test_prevalence_tests_fisher_for_two_values_chi_square_for_more():
    two = segments.prevalence_tests(_coded([(1, "late"), (2, "late"), (3, "late"), (5, "late")]),
                                    _interviews({"a": 4, "b": 4}))
    row = two.iloc[0]
    assert row.test == "fisher" and row.statistic == 9.0 and row.p_value == pytest.approx(34 / 70)
    assert row.effect == "odds_ratio" and "small groups" in row.warning

    three = segments.prevalence_tests(_coded([(1, "late"), (2, "late"), (3, "late"), (7, "late")]),
                                      _interviews({"a": 3, "b": 3, "c": 3}))
    row = three.iloc[0]
    table = [[3, 0], [0, 3], [1, 2]]
    ref = stats.chi2_contingency(table, correction=False)
    # every expected count is below 5: the exact (Freeman-Halton) test, not chi-square
    assert row.test == "fisher-freeman-halton" and row.dof == 2
    assert row.statistic == pytest.approx(ref.statistic)
    assert row.p_value == pytest.approx(freeman_halton(table))
    assert row.p_value > ref.pvalue  # chi-square is too optimistic here
    assert row.effect_size == pytest.approx(association(table, method="cramer"))
    assert row.small_expected == 6 and "expected counts < 5" in row.warning and "exact test" in row.warning
    assert row.people_with_code == 4 and row.n == 9


def freeman_halton(table):
    """Brute force: every r x 2 table with the observed margins, probability by the
    multivariate hypergeometric law, p = total probability of tables no more probable."""
    from itertools import product
    from math import comb

    sizes = [a + b for a, b in table]
    k = sum(a for a, _ in table)
    n = sum(sizes)

    def prob(col):
        out = 1
        for x, s in zip(col, sizes):
            out *= comb(s, x)
        return out / comb(n, k)

    observed = prob([a for a, _ in table])
    total = 0.0
    for col in product(*(range(s + 1) for s in sizes)):
        if sum(col) == k:
            q = prob(col)
            if q <= observed * (1 + 1e-7):
                total += q
    return total


def test_exact_independence_matches_brute_force_and_fisher():
    for table in ([[3, 0], [0, 3], [1, 2]], [[4, 1], [1, 5], [2, 2], [0, 3]], [[5, 1], [0, 2]]):
        assert segments.exact_independence(table)["p_value"] == pytest.approx(freeman_halton(table))
    assert segments.exact_independence([[5, 1], [0, 2]])["p_value"] == pytest.approx(
        stats.fisher_exact([[5, 1], [0, 2]]).pvalue)


def test_one_mann_whitney_exact_when_small():
    from itertools import combinations

    # 10 against 10 without ties: the exact p, not the normal approximation
    x = [0.1, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.62, 0.7]
    y = [0.52, 0.65, 0.72, 0.75, 0.8, 0.85, 0.9, 0.92, 0.95, 0.99]
    res = segments.mann_whitney(x, y)
    assert res["method"] == "exact"
    assert res["p_value"] == pytest.approx(stats.mannwhitneyu(x, y, method="exact").pvalue)
    assert res["p_value"] != pytest.approx(stats.mannwhitneyu(x, y, method="asymptotic").pvalue, rel=0.05)
    # with ties: every split of the pooled values, p = 2 x the smaller tail of U
    tx, ty = [0.1, 0.2, 0.2, 0.5, 0.5, 0.9], [0.2, 0.5, 0.6, 0.6, 0.9, 0.9, 1.0]
    pooled = tx + ty

    def u_of(first):
        return sum((a > b) + 0.5 * (a == b) for a in first for b in (pooled[i] for i in range(len(pooled))
                                                                      if i not in chosen))

    us = []
    for chosen in map(set, combinations(range(len(pooled)), len(tx))):
        us.append(u_of([pooled[i] for i in chosen]))
    chosen = set(range(len(tx)))
    observed = u_of(tx)
    tail = min(sum(u <= observed + 1e-9 for u in us), sum(u >= observed - 1e-9 for u in us)) / len(us)
    tied = segments.mann_whitney(tx, ty)
    assert tied["method"] == "permutation" and tied["u"] == observed
    assert tied["p_value"] == pytest.approx(min(1.0, 2 * tail))


def test_sentiment_comparison_by_participant_and_by_turn():
    scored = pd.DataFrame({
        "segment_id": [f"s{i}" for i in range(9)],
        "interview_id": ["I1", "I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"],
        "participant": ["P1", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"],
        "segment": ["a", "a", "a", "a", "a", "b", "b", "b", "b"],
        "compound": [0.9, 0.1, 0.6, 0.7, 0.8, -0.1, -0.2, 0.65, -0.4],
    })
    table = segments.sentiment_comparison(scored)
    a = table[table["segment"] == "a"].iloc[0]
    # people: a = P1 (mean 0.5), P2 .6, P3 .7, P4 .8; b = -.1, -.2, .65, -.4
    ref = stats.mannwhitneyu([0.5, 0.6, 0.7, 0.8], [-0.1, -0.2, 0.65, -0.4])
    assert (a.n, a.people, a.rest_n) == (4, 4, 4)
    assert (a.u, a.p_value) == pytest.approx((ref.statistic, ref.pvalue))
    assert a.u == 14.0 and a.rank_biserial == pytest.approx(2 * 14 / 16 - 1)
    assert a.median_compound == pytest.approx(0.65)
    b = table[table["segment"] == "b"].iloc[0]
    assert b.rank_biserial == pytest.approx(-a.rank_biserial)
    turns = segments.sentiment_comparison(scored, unit="turn")
    assert turns[turns["segment"] == "a"].iloc[0].n == 5
    with pytest.raises(ValueError):
        segments.sentiment_comparison(scored, unit="word")


def test_pilot_prevalence_adds_up():
    study = kit.load_study(kit.paths.pilot_path())
    segs = study.segments()
    coded = themes.combine_codings(autocode(segs, study.codebook), study.codings, segs)
    table = segments.prevalence(coded, study.interviews, codes=study.codebook.names)
    assert len(table) == 3 * len(study.codebook)
    by_code = table.groupby("code")["with_code"].sum()
    freq = themes.frequency(coded, codes=study.codebook.names).set_index("code")["participants"]
    assert by_code.to_dict() == freq.to_dict()
    assert set(table["n"]) == {6}
    scored = feelings.score(study)
    comparison = segments.sentiment_comparison(scored)
    assert comparison["people"].sum() == scored["participant"].nunique()
