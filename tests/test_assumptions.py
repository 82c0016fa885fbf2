"""Assumption tests and experiments: reading and validating the files, evidence for and against,
intervals checked against published values and an independent implementation, and the
before/after comparison of the example repository."""
from __future__ import annotations

import math
import random

import pytest

from kit.discovery import assumptions as A
from kit.discovery.repository import example_repository, load_studies
from conftest import write


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return example_repository(tmp_path_factory.mktemp("assume") / "repo")


@pytest.fixture(scope="module")
def studies(repo):
    return load_studies(repo)


@pytest.fixture(scope="module")
def loaded(repo, studies):
    assumption_list, problems = A.load_assumptions(repo, studies)
    experiment_list, more = A.load_experiments(repo, studies, assumption_list)
    assert problems == [] and more == []
    return assumption_list, experiment_list


# -- statistics ------------------------------------------------------------------------------------
def test_newcombe_interval_published_values():
    # Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10
    assert A.newcombe_interval(56, 70, 48, 80) == pytest.approx((0.0524, 0.3339), abs=5e-5)
    assert A.newcombe_interval(9, 10, 3, 10) == pytest.approx((0.1705, 0.8090), abs=5e-5)
    assert A.newcombe_interval(6, 7, 2, 7) == pytest.approx((0.0582, 0.8062), abs=5e-5)
    assert A.newcombe_interval(5, 56, 0, 29) == pytest.approx((-0.0381, 0.1926), abs=5e-5)
    assert A.newcombe_interval(0, 10, 0, 20) == pytest.approx((-0.1611, 0.2775), abs=5e-5)
    assert A.newcombe_interval(10, 10, 0, 20) == pytest.approx((0.6791, 1.0), abs=5e-5)
    assert all(math.isnan(x) for x in A.newcombe_interval(1, 0, 1, 3))


def test_mann_whitney_exact_small_sample():
    # x entirely below y: U = 0, two-sided exact p = 2 / C(6, 3) = 0.1
    assert A.mann_whitney([1, 2, 3], [4, 5, 6]) == (0.0, pytest.approx(0.1))
    assert A.mann_whitney([4, 5, 6], [1, 2, 3]) == (9.0, pytest.approx(0.1))
    u, p = A.mann_whitney([1, 3], [2])  # a group of one: U counted, no test run
    assert u == 1.0 and math.isnan(p)
    assert all(math.isnan(v) for v in A.mann_whitney([], [1.0]))


def test_mann_whitney_agrees_with_scipy():
    stats = pytest.importorskip("scipy.stats")
    rng = random.Random(11)
    for n1, n2 in [(3, 4), (5, 7), (8, 8), (12, 10), (30, 25)]:
        x = [rng.random() for _ in range(n1)]
        y = [rng.random() + 0.2 for _ in range(n2)]
        method = "exact" if n1 + n2 <= 40 else "asymptotic"
        ref = stats.mannwhitneyu(x, y, alternative="two-sided", method=method)
        assert A.mann_whitney(x, y) == pytest.approx((ref.statistic, ref.pvalue), rel=1e-9)
    # with ties and few values: the permutation p of the kit's one implementation
    from kit.segments import mann_whitney as the_one

    ties_x, ties_y = [0.1, 0.2, 0.2, 0.5, 0.5, 0.9], [0.2, 0.5, 0.6, 0.6, 0.9, 0.9, 1.0]
    assert A.mann_whitney(ties_x, ties_y) == (the_one(ties_x, ties_y)["u"], the_one(ties_x, ties_y)["p_value"])


def test_needed_sample_sizes_match_statsmodels():
    from statsmodels.stats.proportion import samplesize_proportions_2indep_onetail

    for p1, p2 in [(5 / 6, 0.0), (0.4, 0.2), (0.3, 0.5)]:
        ref = samplesize_proportions_2indep_onetail(diff=p2 - p1, prop2=p1, power=0.8, alpha=0.05,
                                                    alternative="two-sided")
        assert A.needed_per_group(p1, p2) == math.ceil(ref)
    assert math.isnan(A.needed_per_group(0.3, 0.3))
    # one sample, hand-worked: p0 = .2, p1 = .4: ((1.96 x .4 + .8416 x .4899) / .2)² = 35.8 -> 36
    assert A.needed_one_sample(0.2, 0.4) == 36


def test_bootstrap_interval_is_seeded_and_sensible():
    x = [0.1, 0.2, 0.15, 0.05, 0.2, 0.1]
    y = [0.6, 0.7, 0.65, 0.8, 0.55, 0.75]
    low, high = A.bootstrap_mean_difference(x, y, seed=4)
    assert (low, high) == A.bootstrap_mean_difference(x, y, seed=4)
    assert low > 0.4 and high < 0.7 and low < 0.55 < high  # the true difference is 0.55
    assert all(math.isnan(v) for v in A.bootstrap_mean_difference([0.1], y))


def test_parse_threshold():
    rule = A.parse_threshold("share of participants mentioning code chasing-awkward drops below 0.2")
    assert (rule.code, rule.direction, rule.value) == ("chasing-awkward", "below", 0.2)
    rule = A.parse_threshold("Share of interviews mentioning `late-payment` rises above 35%")
    assert (rule.code, rule.direction, rule.value) == ("late-payment", "above", 0.35)
    assert A.parse_threshold("share of participants mentioning x stays above .5").direction == "above"
    assert A.parse_threshold("fewer complaints") is None
    assert A.parse_threshold("share of participants mentioning x drops below 2") is None


# -- the files ---------------------------------------------------------------------------------------
def test_example_files_load_clean(loaded):
    assumption_list, experiment_list = loaded
    assert [a.id for a in assumption_list] == ["A-1", "A-2", "A-3"]
    a1 = assumption_list[0]
    assert (a1.opportunity, a1.segment, a1.codes_for, a1.codes_against) == \
        ("INT-001#o1", "freelancer", ["reminders-automation"], ["chasing-awkward"])
    assert (a1.rule.code, a1.rule.direction, a1.rule.value) == ("chasing-awkward", "below", 0.2)
    e1 = experiment_list[0]
    assert (e1.id, e1.decision, e1.segment, e1.date.isoformat(), e1.follow_up, e1.assumption) == \
        ("E-1", "D-002", "freelancer", "2026-11-02", ["2026-S45", "2026-S49"], "A-1")
    assert e1.decision_text.startswith("Rewrite payment reminders in three tones")


def test_bad_assumptions_are_located(tmp_path, studies):
    path = write(tmp_path / "assumptions.yml", """
        assumptions:
          - id: A-1
            assumption: Owners want SMS.
            test: Ask them.
            threshold: share of participants mentioning no-such-code drops below 0.2
            codes_for: [reminders-automation]
          - id: A-1
            assumption: Again.
          - id: A-3
            assumption: Something.
            test: Try it.
            threshold: fewer complaints
            codes_for: reminders
            codes_against: {x: 1}
            opportunity: INT-999#o1
          - just a string
          - assumption: no id
    """)
    items, problems = A.load_assumptions(path, studies)
    assert [a.id for a in items] == ["A-1", "A-3"]
    got = [(p.line, p.level, p.message) for p in problems]
    assert got == [
        (5, "error", "A-1: unknown code 'no-such-code': not in the codebook of any study"),
        (7, "error", "duplicate assumption id 'A-1' (first on line 2)"),
        (12, "error", "A-3: threshold 'fewer complaints' is not understood: " + A.THRESHOLD_HINT),
        (13, "error", "A-3: unknown code 'reminders': not in the codebook of any study"),
        (14, "error", "A-3: codes_against must be a list of code names"),
        (15, "error", "A-3: opportunity 'INT-999#o1' is not a segment of any study"),
        (16, "error", "each assumption must be a mapping with id, assumption, test, threshold, codes_for and "
                      "codes_against"),
        (17, "error", "assumption without an `id`"),
    ]
    assert str(problems[0]).startswith(f"{path}:5: A-1: unknown code")


def test_assumption_warnings(tmp_path):
    path = write(tmp_path / "assumptions.yml", """
        - id: A-9
          assumption: Nobody reads invoices sent by email.
    """)
    items, problems = A.load_assumptions(path)
    assert [a.id for a in items] == ["A-9"]
    assert [(p.line, p.level, p.message.split(":")[1].strip()) for p in problems] == [
        (1, "warning", "no `test`"), (1, "warning", "no `threshold`"),
        (1, "warning", "no codes_for or codes_against")]
    assert A.load_assumptions(tmp_path / "elsewhere") == ([], [])
    bad = write(tmp_path / "broken.yml", "assumptions: [\n")
    items, problems = A.load_assumptions(bad)
    assert items == [] and problems[0].message.startswith("invalid YAML")


def test_bad_experiments_are_located(tmp_path, studies, loaded):
    assumption_list, _ = loaded
    path = write(tmp_path / "experiments.yml", """
        experiments:
          - id: E-1
            decision: D-404
            follow_up: [2026-S45]
          - id: E-2
            decision: D-002
            date: 2026-13-45
            follow_up: [2026-S99]
            codes: [late-payment, nonsense]
            assumption: A-7
            segment: robots
          - id: E-3
            decision: D-006
            follow_up: 2026-S49
    """)
    items, problems = A.load_experiments(path, studies, assumption_list)
    assert [e.id for e in items] == ["E-3"]
    assert items[0].date.isoformat() == "2026-11-16"  # no date: the decision's date
    assert items[0].follow_up == ["2026-S49"]
    got = [(p.line, p.level, p.message) for p in problems]
    assert got[0][:2] == (3, "error") and got[0][2].startswith("E-1: decision 'D-404' is not in any study's "
                                                              "decisions.csv (known: D-001, D-002")
    assert got[1:] == [
        (7, "error", "E-2: date '2026-13-45' is not a date (YYYY-MM-DD)"),
        (8, "error", "E-2: follow-up '2026-S99' is not a study of the repository (studies: 2026-S41, 2026-S45, "
                     "2026-S49)"),
        (9, "error", "E-2: unknown code 'nonsense': not in the codebook of any study"),
        (10, "error", "E-2: assumption 'A-7' is not in assumptions.yml"),
        (11, "warning", "E-2: no interview in the repository is with a participant of segment 'robots'"),
    ]


# -- evidence ---------------------------------------------------------------------------------------
@pytest.mark.slow  # about 3 s
def test_evidence_for_and_against(loaded, studies):
    assumption_list, _ = loaded
    table = A.evidence(assumption_list[:1], studies)
    assert set(table["stance"]) == {"for", "against"}
    assert set(table.loc[table["stance"] == "for", "code"]) == {"reminders-automation"}
    assert set(table.loc[table["stance"] == "against", "code"]) == {"chasing-awkward"}
    assert (table["segment"] == "freelancer").all()
    against = table[table["stance"] == "against"]
    assert sorted(against["interview_id"].unique()) == ["INT-001", "INT-011", "INT-103"]
    summary = A.evidence_summary(assumption_list[:1], studies)
    assert summary[["sprint", "participants", "for_participants", "against_participants"]].values.tolist() == \
        [["2026-S41", 6, 3, 2], ["2026-S45", 4, 3, 1], ["2026-S49", 3, 2, 0]]


def test_evidence_hides_the_words_of_people_who_did_not_consent(studies):
    rule = A.Assumption("A-x", "Agencies wait", codes_against=["late-payment"], segment="agency")
    table = A.evidence([rule], studies)
    own = table[table["kind"].isin(["turn", "quote"])]
    hidden = own[own["participant"] == "P-019"]  # consent_quote: no
    assert len(hidden) == 3 and (hidden["text"] == A.NOT_QUOTED).all()
    shown = own[own["participant"] != "P-019"]
    assert len(shown) and (shown["text"] != A.NOT_QUOTED).all()
    notes = table[(table["participant"] == "P-019") & ~table["kind"].isin(["turn", "quote"])]
    assert len(notes) and (notes["text"] != A.NOT_QUOTED).all()  # the team's insights stay readable


# -- experiments ------------------------------------------------------------------------------------
def test_compare_experiment_counts_and_intervals(loaded, studies):
    _, experiment_list = loaded
    table = A.compare_experiment(experiment_list[0], studies)
    assert list(table.columns) == A.COMPARE_COLUMNS
    assert table["code"].tolist() == ["chasing-awkward", "reminders-automation", "late-payment", A.ALL_WORDS]
    rows = table.set_index("code")
    # freelancers: 6 interviewed in the pilot before 2026-11-02, 7 in the follow-up sprints
    assert rows.loc["chasing-awkward", ["before_k", "before_n", "after_k", "after_n"]].tolist() == [2, 6, 1, 7]
    assert rows.loc["reminders-automation", ["before_k", "before_n", "after_k", "after_n"]].tolist() == [3, 6, 5, 7]
    ca = rows.loc["chasing-awkward"]
    assert ca["diff"] == pytest.approx(1 / 7 - 2 / 6)
    assert (ca["diff_low"], ca["diff_high"]) == pytest.approx(A.newcombe_interval(1, 7, 2, 6))
    assert ca["change"] == "inconclusive"
    assert ca["fisher_p"] == pytest.approx(stats_fisher(1, 7, 2, 6))
    assert ca["reading"].startswith("mentioned by 2/6 before and 1/7 after (-19 points, 95% CI -58 to +25, "
                                    "Fisher exact p = ")
    assert "inconclusive (to see a change this size would take about" in ca["reading"]
    ra = rows.loc["reminders-automation"]
    assert ra["compound_low"] < ra["compound_diff"] < ra["compound_high"]
    assert 0 <= ra["mw_p"] <= 1
    assert rows.loc[A.ALL_WORDS, "before_n"] == 6 and math.isnan(rows.loc[A.ALL_WORDS, "diff"])
    again = A.compare_experiment(experiment_list[0], studies)
    assert again.equals(table)  # the bootstrap is seeded


def test_a_clear_change_is_called_one(loaded, studies):
    _, experiment_list = loaded
    rows = A.compare_experiment(experiment_list[1], studies).set_index("code")
    chasing = rows.loc["chasing"]
    # counted in the participants' own words only (the team's notes said "chasing" in 5 of 6)
    assert chasing[["before_k", "before_n", "after_k", "after_n"]].tolist() == [1, 6, 0, 2]
    assert chasing["change"] == "inconclusive"
    assert chasing["fisher_p"] == pytest.approx(stats_fisher(0, 2, 1, 6))
    # 5/6 before, 0/2 after: the Newcombe interval excludes 0 but Fisher's exact test does
    # not reject (p = 0.107): such a table must read inconclusive, not "fell"
    assert A.newcombe_interval(0, 2, 5, 6)[1] < 0 and A.fisher_p(0, 2, 5, 6) == pytest.approx(stats_fisher(0, 2, 5, 6))
    assert A.fisher_p(0, 2, 5, 6) > 0.05
    assert A.needed_per_group(5 / 6, 0.0) == 5
    assert rows.loc["late-payment", "change"] == "inconclusive"  # 3/6 -> 0/2: too few to be sure


def test_assess_against_thresholds(loaded, studies):
    assumption_list, experiment_list = loaded
    table = A.assess(assumption_list, studies, experiment_list)
    assert table[["assumption", "code", "rule", "n", "k", "verdict"]].values.tolist() == [
        ["A-1", "chasing-awkward", "share below 0.2", 7, 1, "inconclusive"],
        ["A-2", "late-payment", "share below 0.3", 2, 0, "inconclusive"],
        ["A-3", "purchase-orders", "share above 0.5", 1, 1, "too few to test"],  # one person
    ]
    assert table["evaluated_on"].tolist() == ["E-1 follow-up (2026-S45, 2026-S49)",
                                              "E-2 follow-up (2026-S45, 2026-S49)", "latest sprint (2026-S49)"]
    assert (table.loc[0, "share_low"], table.loc[0, "share_high"]) == pytest.approx(A.wilson_interval(1, 7))


def test_assess_verdicts_on_either_side(studies):
    met = A.Assumption("A-m", "x", threshold="t", rule=A.Threshold("purchase-orders", "below", 0.99, "t"))
    not_met = A.Assumption("A-n", "x", threshold="t", rule=A.Threshold("cash-flow-stress", "above", 0.9, "t"))
    above = A.Assumption("A-a", "x", threshold="t", rule=A.Threshold("purchase-orders", "above", 0.001, "t"))
    unsure = A.Assumption("A-u", "x", threshold="t", rule=A.Threshold("purchase-orders", "below", 0.5, "t"))
    none = A.Assumption("A-0", "x")
    table = A.assess([met, not_met, above, unsure, none], studies)
    # the latest sprint (2026-S49, 5 participants): purchase-orders 1 of 5, cash-flow-stress 0 of 5
    # (the getting-paid rule is rejected against the coders, so it counts for nobody).
    # 1 of 5 below .5: Wilson (.04, .62) straddles .5 -> inconclusive whatever the test says
    assert table[["assumption", "n", "k", "verdict"]].values.tolist() == [
        ["A-m", 5, 1, "met"], ["A-n", 5, 0, "not met"], ["A-a", 5, 1, "met"], ["A-u", 5, 1, "inconclusive"],
        ["A-0", 0, 0, "no rule"]]
    from scipy.stats import binomtest

    assert table.loc[1, "binomial_p"] == pytest.approx(binomtest(0, 5, 0.9).pvalue)
    assert table.loc[3, "needed"] == A.needed_one_sample(0.5, 0.2)


def stats_fisher(k1, n1, k2, n2):
    from scipy.stats import fisher_exact

    return fisher_exact([[k1, n1 - k1], [k2, n2 - k2]]).pvalue


def test_assumption_met_needs_the_exact_test_too():
    # 0 of 12 against "below 0.3": Wilson (0, .24) is under .3 and the binomial test
    # P(X = 0 | n = 12, p = .3) = .7^12 = .0138 agrees (two-sided p = .0138 + P(X >= 8) ...)
    from scipy.stats import binomtest

    assert binomtest(0, 12, 0.3).pvalue < 0.05 and A.wilson_interval(0, 12)[1] < 0.3
    # 0 of 7: Wilson (0, .35) straddles .3, so inconclusive whatever the test says
    assert A.wilson_interval(0, 7)[1] > 0.3
