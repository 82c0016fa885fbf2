"""Tests for kit.agreement: published values, an independent reference implementation, the
`krippendorff` package as an oracle (test-only; it is GPL and never imported by kit/), and
hand-worked codings tables."""
from __future__ import annotations

import ast
import math
import time
from itertools import permutations
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kit import agreement
from kit.agreement import (
    code_agreement,
    cohen_kappa,
    coincidence_matrix,
    disagreements,
    interpret_alpha,
    interpret_kappa,
    krippendorff_alpha,
    overall_agreement,
    percent_agreement,
)

NAN = float("nan")

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x
# 12 units with missing values ('.' in the paper). Published: nominal .743, ordinal .815,
# interval .849 (all three also checked against the `krippendorff` package below).
K2011_C = [
    "1 2 3 3 2 1 4 1 2 . . .".split(),
    "1 2 3 3 2 2 4 1 2 5 . 3".split(),
    ". 3 3 3 2 3 4 2 2 5 1 .".split(),
    "1 2 3 3 2 4 4 1 2 5 1 .".split(),
]
K2011_C = [[None if v == "." else int(v) for v in row] for row in K2011_C]

# Section A: binary data, two observers, no missing data; published alpha = .095.
K2011_A = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
           [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]

# Section B: nominal data, two observers, no missing data; published alpha = .692.
K2011_B = ["a a b b d c c c e d d a".split(),
           "b a b b b c c c e d d d".split()]


def krippendorff_oracle():
    return pytest.importorskip("krippendorff")


# --------------------------------------------------------------------------- reference code

def ref_delta(level, pooled):
    """Squared difference function of each level, written from the definitions."""
    counts = {}
    for v in pooled:
        counts[v] = counts.get(v, 0) + 1
    ordered = sorted(counts) if level != "nominal" else None

    def delta(a, b):
        if level == "nominal":
            return 0.0 if a == b else 1.0
        if level == "interval":
            return float(a - b) ** 2
        if level == "ratio":
            return 0.0 if a + b == 0 else ((a - b) / (a + b)) ** 2
        # ordinal: (sum of n_g for g from a to b, minus (n_a + n_b) / 2) squared
        lo, hi = min(a, b), max(a, b)
        between = sum(counts[g] for g in ordered if lo <= g <= hi)
        return (between - (counts[a] + counts[b]) / 2) ** 2

    return delta


def ref_alpha(data, level="nominal"):
    """Krippendorff's alpha as 1 - D_o / D_e with pairwise disagreements, no coincidence
    matrix: D_o averages within-unit pair disagreements (each unit weighted by 1/(m_u - 1)),
    D_e averages the disagreement of all pairs of pooled pairable values."""
    n_units = len(data[0])
    units = []
    for u in range(n_units):
        vals = [row[u] for row in data if row[u] is not None and not
                (isinstance(row[u], float) and math.isnan(row[u]))]
        if len(vals) >= 2:
            units.append(vals)
    pooled = [v for vals in units for v in vals]
    n = len(pooled)
    if n < 2:
        return NAN
    delta = ref_delta(level, pooled)
    d_o = 0.0
    for vals in units:
        m = len(vals)
        d_o += sum(delta(vals[i], vals[j]) for i in range(m) for j in range(m) if i != j) / (m - 1)
    d_o /= n
    d_e = sum(delta(pooled[i], pooled[j]) for i in range(n) for j in range(n) if i != j)
    d_e /= n * (n - 1)
    if d_e == 0:
        return NAN
    return 1 - d_o / d_e


def ref_kappa(a, b):
    """Cohen's kappa from an explicit confusion matrix."""
    labels = sorted(set(a) | set(b), key=repr)
    index = {lab: i for i, lab in enumerate(labels)}
    table = np.zeros((len(labels), len(labels)))
    for x, y in zip(a, b):
        table[index[x], index[y]] += 1
    table /= table.sum()
    po = np.trace(table)
    pe = float(table.sum(axis=1) @ table.sum(axis=0))
    if pe == 1:
        return NAN
    return (po - pe) / (1 - pe)


def close(x, y, tol=1e-9):
    if isinstance(x, float) and math.isnan(x):
        return isinstance(y, float) and math.isnan(y)
    return math.isclose(x, y, rel_tol=tol, abs_tol=tol)


# --------------------------------------------------------------------------- published alpha

@pytest.mark.parametrize("level, published", [
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)])
def test_krippendorff_2011_worked_example(level, published):
    assert round(krippendorff_alpha(K2011_C, level), 3) == published
    assert close(krippendorff_alpha(K2011_C, level), ref_alpha(K2011_C, level))


def test_krippendorff_2011_nominal_exact():
    # Krippendorff's nominal formula on the coincidence matrix, n = 40:
    # alpha = 1 - (n - 1) * sum_{c!=k} o_ck / sum_{c!=k} n_c n_k.
    o = coincidence_matrix(K2011_C)
    n_c = o.sum(axis=1)
    off = o.to_numpy().sum() - np.trace(o.to_numpy())
    expected = 1 - 39 * off / (40 ** 2 - (n_c ** 2).sum())
    assert close(krippendorff_alpha(K2011_C), expected)
    assert close(krippendorff_alpha(K2011_C), 0.743421052631579)


def test_krippendorff_2011_coincidence_matrix():
    o = coincidence_matrix(K2011_C)
    assert list(o.index) == [1, 2, 3, 4, 5]
    # margins n_c and n = 40 pairable values (unit 12 has one value and is dropped)
    assert o.sum(axis=1).tolist() == pytest.approx([9, 13, 10, 5, 3])
    assert o.to_numpy().sum() == pytest.approx(40)
    third = 1 / 3
    assert o.to_numpy() == pytest.approx(np.array([
        [7, 4 * third, third, third, 0],
        [4 * third, 10, 4 * third, third, 0],
        [third, 4 * third, 8, third, 0],
        [third, third, third, 4, 0],
        [0, 0, 0, 0, 3],
    ]))
    assert np.allclose(o.to_numpy(), o.to_numpy().T)


def test_krippendorff_2011_binary_two_coders():
    assert round(krippendorff_alpha(K2011_A), 3) == 0.095
    # exact: o_01 = o_10 = 4, n_0 = 14, n_1 = 6, n = 20: 1 - 19 * 8 / (2 * 14 * 6) = 2/21
    assert close(krippendorff_alpha(K2011_A), 2 / 21)


def test_krippendorff_2011_nominal_two_coders_letters():
    assert round(krippendorff_alpha(K2011_B), 3) == 0.692


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_worked_example_matches_oracle(level):
    kd = krippendorff_oracle()
    data = np.array([[np.nan if v is None else v for v in row] for row in K2011_C], dtype=float)
    assert close(krippendorff_alpha(K2011_C, level),
                 kd.alpha(reliability_data=data, level_of_measurement=level))


def test_input_forms_agree():
    as_float = np.array([[np.nan if v is None else v for v in row] for row in K2011_C])
    frame = pd.DataFrame(K2011_C, index=list("ABCD"))
    strings = [[None if v is None else str(v) for v in row] for row in K2011_C]
    with_pd_na = pd.DataFrame(K2011_C).astype("Int64")
    expected = krippendorff_alpha(K2011_C)
    for data in (as_float, frame, with_pd_na, as_float.tolist(), strings):
        assert close(krippendorff_alpha(data), expected)
    # numeric levels accept the float array and the frame
    assert close(krippendorff_alpha(frame, "interval"), krippendorff_alpha(as_float, "interval"))


def test_alpha_undefined_cases():
    assert math.isnan(krippendorff_alpha([[1, 1, 1], [1, 1, 1]]))  # no variation
    assert math.isnan(krippendorff_alpha([[1, None], [None, 2]]))  # nothing pairable
    assert math.isnan(krippendorff_alpha([[None, None], [None, None]]))
    assert math.isnan(krippendorff_alpha(np.empty((2, 0))))
    # one unit with values 1 and 2: observed = expected disagreement, alpha = 0
    assert krippendorff_alpha([[1], [2], [None]], "interval") == 0.0


def test_alpha_input_errors():
    with pytest.raises(ValueError, match="level"):
        krippendorff_alpha(K2011_C, "cardinal")
    with pytest.raises(ValueError, match="numeric"):
        krippendorff_alpha([["a", "b"], ["a", "c"]], "interval")
    with pytest.raises(ValueError, match="non-negative"):
        krippendorff_alpha([[1, -2], [1, 3]], "ratio")
    with pytest.raises(ValueError, match="different lengths"):
        krippendorff_alpha([[1, 2, 3], [1, 2]])
    with pytest.raises(ValueError, match="2-D"):
        krippendorff_alpha(np.array([1, 2, 3]))
    with pytest.raises(TypeError):
        krippendorff_alpha("abc")


def test_level_names_case_insensitive():
    assert krippendorff_alpha(K2011_C, "Interval") == krippendorff_alpha(K2011_C, "interval")


def test_ratio_handles_zeros_like_reference():
    data = [[0, 0, 1, 3, None], [0, 1, 1, 4, 2], [None, 0, 2, 4, 2]]
    assert close(krippendorff_alpha(data, "ratio"), ref_alpha(data, "ratio"))


def test_ratio_blocked_expected_term(monkeypatch):
    rng = np.random.default_rng(7)
    data = rng.gamma(2.0, size=(3, 400))
    data[rng.random(data.shape) < 0.2] = np.nan
    whole = krippendorff_alpha(data, "ratio")
    monkeypatch.setattr(agreement, "_RATIO_BLOCK", 977)  # many uneven row blocks
    assert close(krippendorff_alpha(data, "ratio"), whole, 1e-12)
    kd = krippendorff_oracle()
    small = data[:, :60]
    assert close(krippendorff_alpha(small, "ratio"),
                 kd.alpha(reliability_data=small, level_of_measurement="ratio"))


def test_alpha_fast_for_10k_units():
    rng = np.random.default_rng(0)
    cats = rng.integers(1, 6, size=(3, 10_000)).astype(float)
    cats[rng.random(cats.shape) < 0.2] = np.nan
    cont = rng.normal(size=(3, 10_000))
    cont[rng.random(cont.shape) < 0.2] = np.nan
    start = time.perf_counter()
    krippendorff_alpha(cats, "nominal")
    krippendorff_alpha(cats, "ordinal")
    krippendorff_alpha(cont, "interval")
    krippendorff_alpha(cont, "ordinal")
    krippendorff_alpha(cats.tolist(), "nominal")  # list of lists with NaN, object path
    assert time.perf_counter() - start < 3.0
    kd = krippendorff_oracle()
    for level in ("nominal", "ordinal", "interval"):
        assert close(krippendorff_alpha(cats, level),
                     kd.alpha(reliability_data=cats, level_of_measurement=level))


@pytest.mark.slow  # over 2 s (tests/README.md)
def test_kit_never_imports_the_gpl_package():
    for path in Path(agreement.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "krippendorff" for n in names), path


# --------------------------------------------------------------------------- alpha properties

values_nominal = st.one_of(st.none(), st.sampled_from([1, 2, 3, "x"]))
values_numeric = st.one_of(st.none(), st.integers(0, 6))
values_float = st.one_of(st.none(), st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 3)))


def reliability(values, max_coders=4, max_units=15):
    return st.integers(2, max_coders).flatmap(
        lambda c: st.integers(1, max_units).flatmap(
            lambda u: st.lists(st.lists(values, min_size=u, max_size=u), min_size=c, max_size=c)))


def to_float_array(data):
    return np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)


def pairable(data):
    return sum(sum(row[u] is not None for row in data) >= 2 for u in range(len(data[0])))


@settings(max_examples=150, deadline=None)
@given(reliability(values_nominal))
def test_nominal_alpha_matches_reference(data):
    assert close(krippendorff_alpha(data, "nominal"), ref_alpha(data, "nominal"))


@settings(max_examples=150, deadline=None)
@given(reliability(values_numeric), st.sampled_from(["ordinal", "interval", "ratio"]))
def test_numeric_alpha_matches_reference(data, level):
    assert close(krippendorff_alpha(data, level), ref_alpha(data, level))


@settings(max_examples=100, deadline=None)
@given(reliability(values_float), st.sampled_from(["ordinal", "interval", "ratio"]))
def test_float_alpha_matches_reference(data, level):
    assert close(krippendorff_alpha(data, level), ref_alpha(data, level), 1e-7)


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(reliability(values_numeric, max_coders=5, max_units=25),
       st.sampled_from(["nominal", "ordinal", "interval", "ratio"]))
def test_alpha_matches_krippendorff_package(data, level):
    kd = krippendorff_oracle()
    assume(pairable(data) >= 1)
    ours = krippendorff_alpha(data, level)
    present = {v for row in data for v in row if v is not None}
    if len(present) < 2:  # the package refuses a one-value domain; alpha is undefined
        assert math.isnan(ours)
        return
    theirs = kd.alpha(reliability_data=to_float_array(data), level_of_measurement=level)
    assert close(ours, theirs)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=20), st.integers(2, 5),
       st.randoms(use_true_random=False), st.sampled_from(["nominal", "ordinal", "interval"]))
def test_alpha_is_one_for_perfect_agreement(truth, n_coders, rnd, level):
    assume(len(set(truth)) >= 2)
    data = [list(truth) for _ in range(n_coders)]
    for u in range(len(truth)):  # knock out values but keep at least two per unit
        for c in rnd.sample(range(n_coders), n_coders - 2):
            if rnd.random() < 0.5:
                data[c][u] = None
    assert krippendorff_alpha(data, level) == 1.0


@settings(max_examples=80, deadline=None)
@given(reliability(values_numeric), st.randoms(use_true_random=False),
       st.sampled_from(["nominal", "ordinal", "interval", "ratio"]))
def test_alpha_invariant_to_order_of_coders_and_units(data, rnd, level):
    coders = list(range(len(data)))
    units = list(range(len(data[0])))
    rnd.shuffle(coders)
    rnd.shuffle(units)
    shuffled = [[data[c][u] for u in units] for c in coders]
    assert close(krippendorff_alpha(shuffled, level), krippendorff_alpha(data, level))


@settings(max_examples=80, deadline=None)
@given(reliability(values_numeric), st.integers(-50, 50), st.integers(1, 9))
def test_interval_alpha_invariant_to_affine_and_ordinal_to_monotone(data, shift, scale):
    affine = [[None if v is None else scale * v + shift for v in row] for row in data]
    assert close(krippendorff_alpha(affine, "interval"), krippendorff_alpha(data, "interval"))
    monotone = [[None if v is None else v ** 3 + shift for v in row] for row in data]
    assert close(krippendorff_alpha(monotone, "ordinal"), krippendorff_alpha(data, "ordinal"))
    relabel = [[None if v is None else f"code-{v}" for v in row] for row in data]
    assert close(krippendorff_alpha(relabel, "nominal"), krippendorff_alpha(data, "nominal"))


# --------------------------------------------------------------------------- kappa

def table_to_labels(yy, yn, ny, nn):
    """Two coders' labels from a 2x2 table (rows coder A yes/no, columns coder B yes/no)."""
    a = ["yes"] * (yy + yn) + ["no"] * (ny + nn)
    b = ["yes"] * yy + ["no"] * yn + ["yes"] * ny + ["no"] * nn
    return a, b


def test_kappa_wikipedia_worked_example():
    # Wikipedia "Cohen's kappa", simple example: 50 proposals, both yes 20, A yes/B no 5,
    # A no/B yes 10, both no 15: po = .7, pe = .5, kappa = .4.
    a, b = table_to_labels(20, 5, 10, 15)
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert percent_agreement(a, b) == pytest.approx(0.7)


@pytest.mark.parametrize("table, published", [
    ((45, 15, 25, 15), 0.1304),  # Wikipedia, "same percentages but different numbers"
    ((25, 35, 5, 35), 0.2593),
])
def test_kappa_wikipedia_same_percentages(table, published):
    a, b = table_to_labels(*table)
    assert round(cohen_kappa(a, b), 4) == published
    assert percent_agreement(a, b) == pytest.approx(0.6)


def test_kappa_exact_fraction():
    # Three categories, by hand: 8 agreements of 10; marginals A (a 4, b 3, c 3),
    # B (a 4, b 2, c 4); chance = 4*4 + 3*2 + 3*4 = 34 (of 100);
    # kappa = (10 * 8 - 34) / (100 - 34) = 46/66.
    a = list("aaaabbbccc")
    b = list("aaacbbaccc")
    assert cohen_kappa(a, b) == pytest.approx(46 / 66)
    assert cohen_kappa(a, b) == pytest.approx(ref_kappa(a, b))
    assert percent_agreement(a, b) == pytest.approx(0.8)


def test_kappa_degenerate_and_missing():
    # pe == 1 and po == 1: one category only, undefined like alpha and scikit-learn's kappa
    assert math.isnan(cohen_kappa(["x"] * 5, ["x"] * 5))
    assert math.isnan(krippendorff_alpha([["x"] * 5, ["x"] * 5]))
    assert interpret_kappa(cohen_kappa(["x"] * 5, ["x"] * 5)) == "undefined"
    assert cohen_kappa([1, 2, None, 1], [1, 2, 2, float("nan")]) == 1.0  # pairs 3, 4 dropped
    assert percent_agreement([1, None, 2], [1, 3, 3]) == 0.5
    assert cohen_kappa([1, 2, 1, 2], [2, 1, 2, 1]) == -1.0
    assert cohen_kappa([("a", 1), ("b", 2)], [("a", 1), ("b", 2)]) == 1.0  # tuples are labels


def test_kappa_input_errors():
    with pytest.raises(ValueError, match="different numbers"):
        cohen_kappa([1, 2], [1])
    with pytest.raises(ValueError, match="no items"):
        cohen_kappa([], [])
    with pytest.raises(ValueError, match="both coders"):
        cohen_kappa([None, 1], [2, None])
    with pytest.raises(ValueError):
        percent_agreement([1, 2, 3], [1, 2])


labels = st.sampled_from(["a", "b", "c", 1, 2])


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 40).flatmap(
    lambda n: st.tuples(st.lists(labels, min_size=n, max_size=n),
                        st.lists(labels, min_size=n, max_size=n))))
@pytest.mark.slow  # 1-1.7 s: keeps the fast gate under two minutes
def test_kappa_matches_confusion_matrix_and_is_symmetric(ab):
    a, b = ab
    k = cohen_kappa(a, b)
    assert close(k, ref_kappa(a, b))
    assert close(k, cohen_kappa(b, a))
    assert math.isnan(k) or k <= 1.0
    assert percent_agreement(a, b) == pytest.approx(sum(x == y for x, y in zip(a, b)) / len(a))


# --------------------------------------------------------------------------- bands

@pytest.mark.parametrize("k, band", [
    (-0.01, "poor"), (0.0, "slight"), (0.20, "slight"), (0.21, "fair"), (0.40, "fair"),
    (0.41, "moderate"), (0.60, "moderate"), (0.61, "substantial"), (0.80, "substantial"),
    (0.81, "almost perfect"), (1.0, "almost perfect"), (NAN, "undefined"), (None, "undefined"),
])
def test_interpret_kappa(k, band):
    assert interpret_kappa(k) == band


def test_interpret_kappa_rejects_impossible():
    with pytest.raises(ValueError):
        interpret_kappa(1.5)


@pytest.mark.parametrize("a, band", [
    (0.8, "reliable"), (0.95, "reliable"), (0.7999, "tentative"), (0.667, "tentative"),
    (0.6669, "unreliable"), (-0.2, "unreliable"), (NAN, "undefined"), (None, "undefined"),
])
def test_interpret_alpha(a, band):
    assert interpret_alpha(a) == band


# --------------------------------------------------------------------------- codings tables

def codings_table(third_coder=False):
    rows = [
        # ana
        ("S1", "price", "ana", ""), ("S1", "trust", "ana", "mentions references"),
        ("S2", "price", "ana", ""), ("S3", "", "ana", ""),  # S3: read, no code
        ("S4", "trust", "ana", ""), ("S5", "onboarding", "ana", ""),
        ("S6", "price", "ana", ""),  # only ana read S6
        ("S2", "price", "ana", ""),  # duplicate row, ignored
        # ben
        ("S1", "price", "ben", ""), ("S2", "price", "ben", ""), ("S2", "trust", "ben", ""),
        ("S3", "trust", "ben", "hesitates"), ("S4", "trust", "ben", ""),
        ("S5", "onboarding", "ben", ""), ("S5", "price", "ben", ""),
        ("S7", "trust", "ben", ""),  # only ben read S7
    ]
    if third_coder:
        rows += [("S1", "price", "cy", None), ("S2", "price", "cy", None),
                 ("S2", "trust", "cy", None), ("S8", "onboarding", "cy", None)]
    return pd.DataFrame(rows, columns=["segment", "code", "coder", "memo"])


def test_code_agreement_hand_worked():
    # Shared segments S1..S5 (n = 5).
    # price:      ana {S1,S2}, ben {S1,S2,S5}: both 2, a_only 0, b_only 1, neither 2;
    #             po = 4/5, pe = (2*3 + 3*2)/25 = 12/25, kappa = (20 - 12)/(25 - 12) = 8/13.
    # trust:      ana {S1,S4}, ben {S2,S3,S4}: both 1, a_only 1, b_only 2, neither 1;
    #             po = 2/5, pe = 12/25, kappa = (10 - 12)/13 = -2/13.
    # onboarding: both {S5}: both 1, neither 4, kappa 1.
    table = code_agreement(codings_table(), "ana", "ben")
    assert list(table.columns) == ["code", "n_segments", "a_only", "b_only", "both", "neither",
                                   "kappa", "percent_agreement", "band", "uses", "positive_agreement",
                                   "agreement_when_applied"]
    rows = table.set_index("code")
    assert list(rows.index) == ["onboarding", "price", "trust"]
    assert rows.loc["price", ["n_segments", "a_only", "b_only", "both", "neither"]].tolist() == [
        5, 0, 1, 2, 2]
    assert rows.loc["trust", ["n_segments", "a_only", "b_only", "both", "neither"]].tolist() == [
        5, 1, 2, 1, 1]
    assert rows.loc["onboarding", ["a_only", "b_only", "both", "neither"]].tolist() == [0, 0, 1, 4]
    assert rows.loc["price", "kappa"] == pytest.approx(8 / 13)
    assert rows.loc["trust", "kappa"] == pytest.approx(-2 / 13)
    assert rows.loc["onboarding", "kappa"] == 1.0
    assert rows["percent_agreement"].tolist() == pytest.approx([1.0, 0.8, 0.4])
    # onboarding was applied once (uses 1 < MIN_USES): too few to tell, whatever its kappa
    assert rows["band"].tolist() == ["too few to tell", "substantial", "poor"]
    assert rows["uses"].tolist() == [1, 3, 4]
    # price: 2 both, 1 b_only -> positive agreement 4/5, when applied 2/3;
    # trust: 1 both, 1 a_only, 2 b_only -> 2/5 and 1/4
    assert rows["positive_agreement"].tolist() == pytest.approx([1.0, 4 / 5, 2 / 5])
    assert rows["agreement_when_applied"].tolist() == pytest.approx([1.0, 2 / 3, 1 / 4])
    # the same kappas from the generic function on presence vectors
    shared = ["S1", "S2", "S3", "S4", "S5"]
    ana_price = [s in {"S1", "S2"} for s in shared]
    ben_price = [s in {"S1", "S2", "S5"} for s in shared]
    assert cohen_kappa(ana_price, ben_price) == pytest.approx(8 / 13)
    # symmetric in the coders, with a_only/b_only swapped
    swapped = code_agreement(codings_table(), "ben", "ana").set_index("code")
    assert swapped["kappa"].tolist() == pytest.approx(rows["kappa"].tolist())
    assert swapped["a_only"].tolist() == rows["b_only"].tolist()


def test_code_agreement_explicit_universe():
    # Universe S1..S7: S6 counts as read-and-uncoded by ben, S7 by ana.
    # price: ana {S1,S2,S6}, ben {S1,S2,S5}: both 2, a_only 1, b_only 1, neither 3 (S3,S4,S7);
    # po = 5/7, pe = (3*3 + 4*4)/49 = 25/49, kappa = (35 - 25)/(49 - 25) = 5/12 (moderate).
    universe = [f"S{i}" for i in range(1, 8)]
    rows = code_agreement(codings_table(), "ana", "ben", segments=universe).set_index("code")
    assert rows.loc["price", ["n_segments", "a_only", "b_only", "both", "neither"]].tolist() == [
        7, 1, 1, 2, 3]
    assert rows.loc["price", "kappa"] == pytest.approx(5 / 12)
    assert rows.loc["price", "band"] == "moderate"
    # a universe with no codings gives an empty table with the right columns
    empty = code_agreement(codings_table(), "ana", "ben", segments=["S99"])
    assert empty.empty and "kappa" in empty.columns
    assert empty.empty and "band" in empty.columns


def test_code_agreement_errors():
    with pytest.raises(ValueError, match="zoe"):
        code_agreement(codings_table(), "ana", "zoe")
    with pytest.raises(ValueError, match="different"):
        code_agreement(codings_table(), "ana", "ana")
    with pytest.raises(ValueError, match="coder"):
        code_agreement(pd.DataFrame({"segment": ["S1"], "code": ["x"]}), "a", "b")
    with pytest.raises(TypeError):
        code_agreement(codings_table(), "ana", "ben", segments="S1")


def test_disagreements_hand_worked():
    table = disagreements(codings_table(), "ana", "ben")
    assert list(table.columns) == ["segment", "code", "applied_by", "not_applied_by", "memo"]
    assert table.values.tolist() == [
        ["S1", "trust", "ana", "ben", "mentions references"],
        ["S2", "trust", "ben", "ana", ""],
        ["S3", "trust", "ben", "ana", "hesitates"],
        ["S5", "price", "ben", "ana", ""],
    ]  # S6 (ana only) and S7 (ben only) were not read by both, so are not disagreements
    # agrees with code_agreement: a_only + b_only rows
    counts = code_agreement(codings_table(), "ana", "ben")
    assert len(table) == int((counts["a_only"] + counts["b_only"]).sum())


def test_overall_agreement_two_coders():
    # 15 units (S1..S5 x 3 codes). Coincidences: 4 disagreeing units -> o_01 = o_10 = 4;
    # 4 units both 1 -> o_11 = 8; 7 units both 0 -> o_00 = 14; n_0 = 18, n_1 = 12, n = 30.
    # alpha = 1 - 29 * 8 / (2 * 18 * 12) = 200/432. Percent agreement 11/15.
    # mean kappa over codes used at least 3 times (onboarding is used once):
    # (8/13 - 2/13) / 2 = 3/13.
    result = overall_agreement(codings_table())
    assert result["alpha"] == pytest.approx(200 / 432)
    assert result["percent_agreement"] == pytest.approx(11 / 15)
    assert result["n_units"] == 15
    assert result["n_coders"] == 2
    assert result["n_segments"] == 5 and result["n_codes"] == 3
    assert result["band"] == "unreliable"
    assert result["mean_kappa"] == pytest.approx(3 / 13)
    assert result["kappa_band"] == "fair"
    assert result["n_codes_too_few"] == 1
    # 4 units both applied, 4 one only: positive agreement 2*4/(2*4 + 4) = 2/3; where at
    # least one applied, both did 4/8. Pooled share applied 12/30 = .4: chance .4² + .6² = .52.
    assert result["positive_agreement"] == pytest.approx(2 / 3)
    assert result["agreement_when_applied"] == pytest.approx(1 / 2)
    assert result["chance_agreement"] == pytest.approx(0.52)


def test_overall_agreement_three_coders_with_missing():
    # cy read S1, S2 (and S8, which nobody else read). Units = S1..S5 x (onboarding, price,
    # trust), coders x units with None where a coder did not read the segment:
    matrix = [
        # S1       S2       S3       S4       S5
        [0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0],  # ana
        [0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0],  # ben
        [0, 1, 0, 0, 1, 1] + [None] * 9,  # cy
    ]
    # By hand: o_00 = 17, o_11 = 11, o_01 = o_10 = 4, n_0 = 21, n_1 = 15, n = 36,
    # alpha = 1 - 35 * 8 / (2 * 21 * 15) = 5/9. Agreeing coder pairs 21 of 27.
    # Kappas: ana-ben (1, 8/13, -2/13); ana-cy on S1,S2 (price 1, trust -1);
    # ben-cy (price 1, trust 1); only ana-ben's price and trust are used 3 times or more:
    # mean (8/13 - 2/13) / 2 = 3/13.
    result = overall_agreement(codings_table(third_coder=True))
    assert result["alpha"] == pytest.approx(5 / 9)
    assert krippendorff_alpha(matrix) == pytest.approx(5 / 9)
    assert result["alpha"] == pytest.approx(ref_alpha(matrix))
    assert result["percent_agreement"] == pytest.approx(21 / 27)
    assert result["n_units"] == 15 and result["n_coders"] == 3
    assert result["mean_kappa"] == pytest.approx(3 / 13)
    kd = krippendorff_oracle()
    assert result["alpha"] == pytest.approx(
        kd.alpha(reliability_data=to_float_array(matrix), level_of_measurement="nominal"))


def test_overall_agreement_degenerate():
    one = codings_table()
    one = one[one["coder"] == "ana"]
    result = overall_agreement(one)
    assert math.isnan(result["alpha"]) and result["n_coders"] == 1 and result["n_units"] == 0
    apart = pd.DataFrame({"segment": ["S1", "S2"], "code": ["x", "x"], "coder": ["a", "b"]})
    result = overall_agreement(apart)  # no segment read by both
    assert math.isnan(result["alpha"]) and result["n_units"] == 0


def test_overall_agreement_explicit_universe_matches_manual_matrix():
    universe = [f"S{i}" for i in range(1, 8)]
    result = overall_agreement(codings_table(), segments=universe)
    codes = ["onboarding", "price", "trust"]
    applied = {("ana", "S1", "price"), ("ana", "S1", "trust"), ("ana", "S2", "price"),
               ("ana", "S4", "trust"), ("ana", "S5", "onboarding"), ("ana", "S6", "price"),
               ("ben", "S1", "price"), ("ben", "S2", "price"), ("ben", "S2", "trust"),
               ("ben", "S3", "trust"), ("ben", "S4", "trust"), ("ben", "S5", "onboarding"),
               ("ben", "S5", "price"), ("ben", "S7", "trust")}
    matrix = [[int((c, s, k) in applied) for s in universe for k in codes] for c in ("ana", "ben")]
    assert result["n_units"] == 21
    assert result["alpha"] == pytest.approx(ref_alpha(matrix))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["S1", "S2", "S3", "S4"]),
                          st.sampled_from(["p", "q", "r", ""]),
                          st.sampled_from(["a", "b", "c"])), min_size=1, max_size=30))
@pytest.mark.slow  # 1-1.7 s: keeps the fast gate under two minutes
def test_codings_functions_agree_with_direct_computation(rows):
    codings = pd.DataFrame(rows, columns=["segment", "code", "coder"])
    coders = sorted(set(codings["coder"]))
    seen = {c: set(codings.loc[codings["coder"] == c, "segment"]) for c in coders}
    applied = {(s, k, c) for s, k, c in rows if k}
    for a, b in permutations(coders, 2):
        shared = sorted(seen[a] & seen[b])
        table = code_agreement(codings, a, b).set_index("code")
        codes = sorted({k for s, k, c in applied if c in (a, b) and s in shared})
        assert list(table.index) == codes
        for k in codes:
            va = [(s, k, a) in applied for s in shared]
            vb = [(s, k, b) in applied for s in shared]
            assert close(table.loc[k, "kappa"], ref_kappa(va, vb))
        dis = disagreements(codings, a, b)
        assert len(dis) == int((table["a_only"] + table["b_only"]).sum()) if codes else dis.empty
    result = overall_agreement(codings)
    if len(coders) >= 2:
        segs = sorted(s for s in set(codings["segment"])
                      if sum(s in seen[c] for c in coders) >= 2)
        codes = sorted({k for s, k, c in applied if s in segs})
        matrix = [[((s, k, c) in applied) * 1 if s in seen[c] else None
                   for s in segs for k in codes] for c in coders]
        if codes:
            assert close(result["alpha"], ref_alpha(matrix))


def test_kappa_matches_scikit_learn_including_one_category():
    from sklearn.metrics import cohen_kappa_score

    cases = [(["a", "b", "a", "a", "c"], ["a", "b", "b", "a", "c"]),
             ([1, 1, 0, 0, 1, 0], [1, 0, 0, 0, 1, 1]),
             (["x"] * 4, ["x"] * 4)]
    for a, b in cases:
        with np.errstate(all="ignore"):
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                expected = cohen_kappa_score(a, b)
        assert close(cohen_kappa(a, b), float(expected))


def test_one_alpha_whatever_the_entry_point(pilot_dir):
    import kit
    from kit.coding import agreement_report

    study = kit.load_study(pilot_dir, strict=False)
    report = agreement_report(study.codings, study.segments())
    from_study = overall_agreement(study)
    from_table = overall_agreement(study.codings, segments=study.segments())
    assert report["summary"]["alpha"] == pytest.approx(from_study["alpha"]) == pytest.approx(from_table["alpha"])
    per_code = code_agreement(study, "maya", "tom")
    assert per_code["kappa"].tolist() == pytest.approx(report["per_code"]["kappa"].tolist(), nan_ok=True)
    summary = report["summary"]
    assert summary["agreement_when_applied"] < summary["percent_agreement"]
