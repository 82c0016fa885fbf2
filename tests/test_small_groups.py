"""Groups too small to test (0, 1 or 2 people) in every comparison the kit runs: no crash,
no p-value made up, an honest "too few to test" verdict (newcomer report, fault 1: `run`
failed in 06-patterns on a segment with one participant)."""
from __future__ import annotations

import math

import pandas as pd
import pytest
from scipy import stats

from kit import assumptions as A
from kit import segments


@pytest.mark.parametrize("x", [[], [0.4], [0.4, 0.4]])
@pytest.mark.parametrize("y", [[0.4], [0.4, 0.7], [0.1, 0.4, 0.4]])
def test_mann_whitney_any_small_group(x, y):
    res = segments.mann_whitney(x, y)  # ties included: the case SciPy's permutation test refused
    if len(x) < 2 or len(y) < 2:
        assert math.isnan(res["p_value"])
        assert res["method"] == segments.TOO_FEW
    else:
        assert 0 < res["p_value"] <= 1
    if x and y:  # U by hand: pairs where x is above y, ties count a half
        u = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in x for b in y)
        assert res["u"] == u


def test_mann_whitney_two_against_two_is_tested_like_scipy():
    x, y = [0.1, 0.2], [0.5, 0.9]
    ref = stats.mannwhitneyu(x, y, method="exact")
    res = segments.mann_whitney(x, y)
    assert res["p_value"] == pytest.approx(ref.pvalue)  # 1/3: never below 0.05 at this size


@pytest.mark.parametrize("group,rest", [(0, 5), (1, 5), (5, 1), (1, 1), (0, 0)])
def test_fisher_not_run_on_a_group_of_one(group, rest):
    res = segments.fisher_2x2(min(group, 1), group - min(group, 1), 1 if rest else 0, max(rest - 1, 0))
    assert math.isnan(res["p_value"]) and res["note"].startswith(segments.TOO_FEW)
    assert math.isnan(A.fisher_p(min(group, 1), group, 1 if rest else 0, rest))


def test_fisher_two_and_two_matches_scipy():
    res = segments.fisher_2x2(2, 0, 0, 2)
    assert res["p_value"] == pytest.approx(stats.fisher_exact([[2, 0], [0, 2]]).pvalue) and res["note"] == ""


def _study(sizes: dict[str, int]):
    """Interviews, codings and scored turns of a minimal study with the given segment sizes."""
    rows, coded, scored = [], [], []
    i = 0
    for value, n in sizes.items():
        for _ in range(n):
            i += 1
            who = f"P-{i:03d}"
            rows.append({"interview_id": f"INT-{i:03d}", "participant": who, "segment": value})
            if i % 2:
                coded.append({"interview_id": f"INT-{i:03d}", "participant": who, "code": "fees"})
            for t in range(2):  # two turns each, tied scores: the permutation-test case
                scored.append({"interview_id": f"INT-{i:03d}", "participant": who, "segment": value,
                               "compound": 0.5 if t else -0.2})
    return pd.DataFrame(rows), pd.DataFrame(coded), pd.DataFrame(scored)


@pytest.mark.parametrize("small", [1, 2])
def test_segment_tables_with_a_tiny_segment(small):
    interviews, coded, scored = _study({"cat": 4, "dog": 3, "exotic": small})
    prev = segments.prevalence(coded, interviews, codes=["fees"]).set_index("segment")
    tests = segments.prevalence_tests(coded, interviews, codes=["fees"]).iloc[0]
    turns = segments.sentiment_comparison(scored, unit="turn").set_index("segment")
    people = segments.sentiment_comparison(scored, unit="participant").set_index("segment")
    if small == 1:
        assert math.isnan(prev.loc["exotic", "p_value"]) and segments.TOO_FEW in prev.loc["exotic", "warning"]
        assert math.isnan(people.loc["exotic", "p_value"]) and segments.TOO_FEW in people.loc["exotic", "warning"]
        # the exotic person is left out of the segment test, said in the warning
        assert "left out of the test" in tests["warning"] and "exotic n = 1" in tests["warning"]
        with_code = [1 if (j % 2) else 0 for j in range(1, 8)]  # cat 1..4, dog 5..7
        table = [[sum(with_code[:4]), 4 - sum(with_code[:4])], [sum(with_code[4:]), 3 - sum(with_code[4:])]]
        assert tests["p_value"] == pytest.approx(stats.fisher_exact(table).pvalue)
    else:
        assert not math.isnan(prev.loc["exotic", "p_value"])
        assert not math.isnan(people.loc["exotic", "p_value"])
        assert "left out" not in tests["warning"]
    # by turn: one person's two turns are still one person, too few to test; two people are tested
    assert math.isnan(turns.loc["exotic", "p_value"]) == (small == 1)
    assert prev["q_value"].notna().sum() == prev["p_value"].notna().sum()


def test_segment_test_with_only_one_testable_group():
    interviews, coded, _ = _study({"cat": 3, "exotic": 1})
    row = segments.prevalence_tests(coded, interviews, codes=["fees"]).iloc[0]
    assert row["test"] == "" and math.isnan(row["p_value"]) and row["warning"].startswith(segments.TOO_FEW)


def test_segment_with_no_scored_turns_and_one_turn():
    _, _, scored = _study({"cat": 3, "exotic": 1})
    one_turn = scored.drop(scored.index[-1])  # the exotic person has a single scored turn
    turns = segments.sentiment_comparison(one_turn, unit="turn").set_index("segment")
    assert math.isnan(turns.loc["exotic", "p_value"]) and turns.loc["exotic", "n"] == 1
    assert segments.TOO_FEW in turns.loc["exotic", "warning"]


@pytest.mark.slow
def test_patterns_notebook_runs_on_a_segment_of_one(tmp_path):
    """The tester's study: the exotic segment has one participant (P-005); notebook 06 used
    to stop with SciPy's "each sample must contain two or more observations"."""
    from pathlib import Path

    import nbformat
    import papermill as pm
    from kit.pipeline import own_kernel

    import kit

    study_dir = Path(__file__).parent / "data" / "newcomer" / "vet-booking"
    assert (kit.load_study(study_dir, strict=False).interviews["segment"] == "exotic").sum() == 1
    notebook = kit.paths.notebooks_path() / "06-patterns.ipynb"
    out = tmp_path / "out"
    with own_kernel() as kernel:
        pm.execute_notebook(str(notebook), str(tmp_path / notebook.name), kernel_name=kernel, progress_bar=False,
                            cwd=str(notebook.parent), parameters={"study_dir": str(study_dir), "out_dir": str(out)})
    executed = nbformat.read(tmp_path / notebook.name, as_version=4)
    assert not any(o.get("output_type") == "error" for c in executed.cells for o in c.get("outputs", []))
    turns = pd.read_csv(out / "tables" / "sentiment_comparison_turns.csv").set_index("segment")
    assert math.isnan(turns.loc["exotic", "p_value"]) and segments.TOO_FEW in turns.loc["exotic", "warning"]


@pytest.mark.parametrize("n", [0, 1, 2])
def test_agreement_saturation_feelings_at_tiny_sizes(n):
    """The other statistics of the kit at 0, 1 and 2 units: an honest undefined or "too few",
    never an exception or a made-up value."""
    from kit import agreement, feelings
    from kit import thematic_saturation as ts

    segs = [f"s{i}" for i in range(n)]
    codings = pd.DataFrame({"segment": segs * 2, "code": ["x"] * 2 * n, "coder": ["A"] * n + ["B"] * n})
    overall = agreement.overall_agreement(codings)
    assert math.isnan(overall["alpha"]) and overall["band"] == "undefined"  # one category: undefined
    if n:
        per_code = agreement.code_agreement(codings, "A", "B").iloc[0]
        assert per_code["band"] == "too few to tell" and math.isnan(per_code["kappa"])
        assert math.isnan(agreement.cohen_kappa(["x"] * n, ["x"] * n))
    result = ts.saturation([{"a"}] * n)
    assert result["saturated_at"] is None and result["reason"].startswith("too few interviews")
    scored = pd.DataFrame({"compound": [0.5] * n, "participant": [f"P{i}" for i in range(n)],
                           "interview_id": [f"I{i}" for i in range(n)], "segment": ["a"] * n})
    table = feelings.summarize(scored, by="segment")
    assert len(table) == (1 if n else 0)
    if n:
        assert table["n"].iloc[0] == n and table["share_positive"].iloc[0] == 1.0


@pytest.mark.parametrize("n", [0, 1, 2])
def test_assumption_helpers_at_tiny_sizes(n):
    lo, hi = A.bootstrap_mean_difference([0.1] * n, [0.1, 0.3])
    assert math.isnan(lo) == (n < 2) and math.isnan(hi) == (n < 2)
    assert math.isnan(A.fisher_p(min(n, 1), n, 1, 2)) == (n < 2)
    u, p = A.mann_whitney([0.1] * n, [0.1, 0.3])
    assert math.isnan(p) == (n < 2)
    low, high = A.wilson_interval(n, n)
    assert math.isnan(low) == (n == 0)
