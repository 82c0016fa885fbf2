"""Tests for kit.saturation (Guest, Namey & Chen 2020 base / run / threshold method).

The paper's own illustration is not reproduced: we do not have its per-interview code counts
exactly, so every expected value below is worked out by hand in the comments.
"""
from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.thematic_saturation import saturation, saturation_frame

# Nine interviews, hand-worked throughout this file.
#   interview  codes        new codes   cumulative distinct
#   1          a b c d      a b c d     4
#   2          c d e        e           5
#   3          a f g h      f g h       8
#   4          a i          i           9
#   5          b            -           9
#   6          j k          j k         11
#   7          a            -           11
#   8          b c          -           11
#   9          l            l           12
NINE = [set("abcd"), set("cde"), set("afgh"), set("ai"), set("b"), set("jk"), set("a"),
        set("bc"), set("l")]


def test_hand_worked_base3_run2():
    # base = 3 -> D = |{a..h}| = 8. Runs of 2 (0-based start i = 3 .. 7):
    #   i=3, interviews 4-5: new = 1 (i)   ratio 1/8 = .125 > .10
    #   i=4, interviews 5-6: new = 2 (j k) ratio .25
    #   i=5, interviews 6-7: new = 2 (j k) ratio .25
    #   i=6, interviews 7-8: new = 0       ratio 0 <= .10 -> saturated_at = 6 + 2 = 8
    #   i=7, interviews 8-9: new = 1 (l)   ratio .125
    r = saturation(NINE, base=3, run=2, threshold=0.10)
    assert r["base_codes"] == 8
    assert r["saturated_at"] == 8
    assert r["saturated_at_id"] == 8
    assert r["reason"] is None
    assert [(x["start"], x["end"], x["new"]) for x in r["runs"]] == [
        (4, 5, 1), (5, 6, 2), (6, 7, 2), (7, 8, 0), (8, 9, 1)]
    assert [x["ratio"] for x in r["runs"]] == pytest.approx([0.125, 0.25, 0.25, 0.0, 0.125])
    assert r["curve"] == [4, 5, 8, 9, 9, 11, 11, 11, 12]
    assert r["new_per_interview"] == [4, 1, 3, 1, 0, 2, 0, 0, 1]
    assert r["total_codes"] == 12
    assert r["n_interviews"] == 9
    assert (r["base"], r["run"], r["threshold"]) == (3, 2, 0.10)


def test_threshold_zero_and_both_guest_2020_criteria():
    # NINE, base 3 (D = 8): runs of 2 add 1, 2, 2, 0, 1 new codes. The first run with no new
    # code at all is interviews 7-8, so "0%" saturates at 8; "<= 5%" also first at 8
    # (1/8 = 12.5% > 5%); with a 12.5% threshold at 5.
    r = saturation(NINE, base=3, run=2, threshold=0)
    assert r["saturated_at"] == 8 and r["threshold"] == 0.0
    r = saturation(NINE, base=3, run=2, threshold=0.125)
    assert [(c["threshold"], c["saturated_at"]) for c in r["criteria"]] == [(0.125, 5), (0.05, 8), (0.0, 8)]
    # a run that adds 1 of 20 codes is saturated at <= 5% but not at 0%
    base = [{f"c{i}" for i in range(20)}]
    r = saturation(base + [{"new"}, set(), set(), set()], base=1, run=2)
    assert [(c["threshold"], c["saturated_at"]) for c in r["criteria"]] == [(0.05, 3), (0.0, 4)]
    short = saturation([{"a"}], base=3, run=2)
    assert [c["saturated_at"] for c in short["criteria"]] == [None, None]


def test_threshold_is_inclusive():
    # Run 4-5 has exactly 1/8 = .125 new information: saturation at interview 5.
    assert saturation(NINE, base=3, run=2, threshold=0.125)["saturated_at"] == 5
    # 1 / 20 == 0.05 must count as "<= 5%"
    base = [{f"c{i}" for i in range(20)}]
    assert saturation(base + [{"new"}, set()], base=1, run=2)["saturated_at"] == 3


def test_run_length_one():
    # run = 1: i=3 interview 4 new 1 (.125); i=4 interview 5 new 0 -> saturated_at 5.
    r = saturation(NINE, base=3, run=1, threshold=0.10)
    assert r["saturated_at"] == 5
    assert [x["new"] for x in r["runs"]] == [1, 0, 2, 0, 0, 1]
    assert [(x["start"], x["end"]) for x in r["runs"]][:2] == [(4, 4), (5, 5)]


def test_run_length_three():
    # run = 3: i=3 (4-6) new 3 (.375); i=4 (5-7) 2; i=5 (6-8) 2; i=6 (7-9) 1 (.125).
    r = saturation(NINE, base=3, run=3, threshold=0.10)
    assert [x["new"] for x in r["runs"]] == [3, 2, 2, 1]
    assert r["saturated_at"] is None  # never <= 10%
    assert "no run" in r["reason"]
    # with a 20% threshold the last run (7-9, 1/8) qualifies: saturated at interview 9
    assert saturation(NINE, base=3, run=3, threshold=0.20)["saturated_at"] == 9


def test_never_saturates():
    # every interview brings two new codes
    interviews = [{f"x{i}", f"y{i}"} for i in range(12)]
    r = saturation(interviews, base=6, run=2, threshold=0.05)
    assert r["base_codes"] == 12
    assert r["saturated_at"] is None
    assert r["saturated_at_id"] is None
    assert all(x["new"] == 4 for x in r["runs"])
    assert len(r["runs"]) == 12 - 6 - 2 + 1
    assert r["reason"]


def test_defaults_base6_run2():
    # Interviews 1-6 hold codes 0..9 (D = 10); 7 adds "n1", 8 adds nothing, 9 nothing.
    # Run 7-8: 1 new, 1/10 = 10% > 5%. Run 8-9: 0 new -> saturated at interview 9.
    first_six = [{0, 1, 2}, {3, 4}, {5}, {6, 7}, {8}, {9, 0}]
    r = saturation(first_six + [{"n1", 1}, {2}, {3}])
    assert r["base_codes"] == 10
    assert [x["ratio"] for x in r["runs"]] == pytest.approx([0.1, 0.0])
    assert r["saturated_at"] == 9


def test_fewer_interviews_than_base():
    r = saturation([{"a"}, {"b"}, {"a", "c"}], base=6, run=2)
    assert r["saturated_at"] is None
    assert r["base_codes"] is None
    assert r["runs"] == []
    assert "too few interviews" in r["reason"]
    assert r["curve"] == [1, 2, 3]
    assert r["guest_2006"] == {"by_6": None, "by_12": None}


def test_base_but_no_complete_run():
    r = saturation([{"a"}] * 7, base=6, run=2)
    assert r["saturated_at"] is None
    assert r["base_codes"] == 1
    assert r["runs"] == []
    assert "too few interviews" in r["reason"] and "8" in r["reason"]


def test_empty_input():
    r = saturation([])
    assert r["saturated_at"] is None and r["n_interviews"] == 0 and r["total_codes"] == 0
    assert r["reason"]


def test_no_codes_in_base():
    r = saturation([set(), set(), {"a"}, set()], base=2, run=1)
    assert r["base_codes"] == 0
    assert r["saturated_at"] is None
    assert [x["ratio"] for x in r["runs"]] == [None, None]
    assert "no codes" in r["reason"]


def test_guest_2006_shares():
    # 14 interviews, 10 codes: 7 by interview 6, 9 by interview 12, the last one at 14.
    interviews = [{1, 2}, {3}, {2, 4}, {5}, {6}, {7, 1}, set(), {8}, set(), {1}, set(), {9},
                  set(), {10}]
    r = saturation(interviews)
    assert r["total_codes"] == 10
    assert r["guest_2006"]["by_6"] == pytest.approx(0.7)
    assert r["guest_2006"]["by_12"] == pytest.approx(0.9)
    # 8 interviews: the 12-interview mark does not exist
    assert saturation(interviews[:8])["guest_2006"] == {"by_6": pytest.approx(7 / 8),
                                                        "by_12": None}


def test_mapping_keeps_order_and_ids():
    ids = ["INT-009", "INT-002", "INT-005", "INT-001", "INT-007", "INT-003", "INT-004",
           "INT-008", "INT-006"]
    mapping = dict(zip(ids, NINE))
    r = saturation(mapping, base=3, run=2, threshold=0.10)
    assert r["saturated_at"] == 8
    assert r["saturated_at_id"] == "INT-008"
    assert r["interview_ids"] == ids
    series = pd.Series([sorted(c) for c in NINE], index=ids)
    assert saturation(series, base=3, run=2, threshold=0.10)["saturated_at_id"] == "INT-008"


def test_codes_input_forms():
    # lists with duplicates, tuples, generators, None interviews and missing codes
    r = saturation([["a", "a", None], ("b",), (c for c in "ab"), None, [float("nan")]],
                   base=2, run=1, threshold=0.5)
    assert r["new_per_interview"] == [1, 1, 0, 0, 0]
    assert r["saturated_at"] == 3


@pytest.mark.parametrize("kwargs", [
    {"base": 0}, {"base": -1}, {"base": 2.5}, {"base": True}, {"run": 0}, {"run": "2"},
    {"threshold": 1}, {"threshold": 1.5}, {"threshold": -0.1},
    {"threshold": float("nan")}, {"threshold": "5%"},
])
def test_parameter_validation(kwargs):
    with pytest.raises(ValueError):
        saturation(NINE, **kwargs)


def test_input_validation():
    with pytest.raises(TypeError, match="not a string"):
        saturation("abc")
    with pytest.raises(TypeError, match="ordered"):
        saturation({frozenset("a"), frozenset("b")})
    with pytest.raises(TypeError, match="interview 2"):
        saturation([["a"], "pricing"])  # a bare string would be split into letters
    with pytest.raises(TypeError):
        saturation(42)


def test_saturation_frame():
    r = saturation(NINE, base=3, run=2, threshold=0.10)
    frame = saturation_frame(r)
    assert list(frame.columns) == ["interview", "interview_id", "new_codes", "cumulative_codes",
                                   "cumulative_share", "in_base", "run_new", "run_ratio",
                                   "saturation_point"]
    assert frame["interview"].tolist() == list(range(1, 10))
    assert frame["cumulative_codes"].tolist() == r["curve"]
    assert frame["new_codes"].tolist() == r["new_per_interview"]
    assert frame["cumulative_share"].iloc[-1] == 1.0
    assert frame["in_base"].tolist() == [True] * 3 + [False] * 6
    # runs end at interviews 5..9
    assert frame["run_new"].iloc[:4].isna().all()
    assert frame["run_new"].iloc[4:].tolist() == [1, 2, 2, 0, 1]
    assert frame["run_ratio"].iloc[4:].tolist() == pytest.approx([0.125, 0.25, 0.25, 0, 0.125])
    assert frame.loc[frame["saturation_point"], "interview"].tolist() == [8]
    assert frame["run_ratio"].dtype == float and frame["in_base"].dtype == bool


def test_saturation_frame_degenerate():
    frame = saturation_frame(saturation([set(), set()], base=1, run=1))
    assert len(frame) == 2
    assert frame["cumulative_share"].isna().all()
    assert frame["run_ratio"].isna().all()
    assert not frame["saturation_point"].any()
    assert saturation_frame(saturation([])).empty


def reference(interviews, base, run, threshold):
    """Literal reading of the method: recompute 'seen before the run' from scratch."""
    if len(interviews) < base + run:
        return None
    d = len(set().union(*interviews[:base]))
    for i in range(base, len(interviews) - run + 1):
        before = set().union(*interviews[:i])
        window = set().union(*interviews[i:i + run])
        if d and len(window - before) / d <= threshold + 1e-12:
            return i + run
    return None


@pytest.mark.slow  # 300 generated cases, about 2 s
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sets(st.integers(0, 25), max_size=6), max_size=25), st.integers(1, 8),
       st.integers(1, 4), st.sampled_from([0.01, 0.05, 0.1, 0.2, 0.5]))
def test_matches_literal_reference(interviews, base, run, threshold):
    r = saturation(interviews, base=base, run=run, threshold=threshold)
    assert r["saturated_at"] == reference(interviews, base, run, threshold)
    assert r["total_codes"] == len(set().union(*interviews)) if interviews else True
    assert r["curve"] == [len(set().union(*interviews[:k + 1])) for k in range(len(interviews))]
    assert sum(r["new_per_interview"]) == r["total_codes"]
    assert (r["reason"] is None) == (r["saturated_at"] is not None)
    if r["saturated_at"] is not None:
        assert base + run <= r["saturated_at"] <= len(interviews)
    for x in r["runs"]:
        assert x["end"] - x["start"] + 1 == run
        if x["ratio"] is not None:
            assert math.isclose(x["ratio"], x["new"] / r["base_codes"])


def test_public_name_is_the_function_even_after_the_module_is_imported():
    import kit
    import kit.thematic_saturation  # noqa: F401

    assert callable(kit.saturation)
    assert kit.saturation([["a"], ["b"]], base=1, run=1)["base_codes"] == 1
