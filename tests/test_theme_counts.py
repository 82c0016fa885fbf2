"""One count per theme (kit.themes "How a theme is counted"): worked by hand on a small
table, and the same numbers in every output that counts a theme."""
from __future__ import annotations

import pandas as pd
import pytest

import kit
from kit import themes as th
from kit.coding import compare_auto_manual

# Five people; A and B were coded by hand (coder m), C, D and E only by the rules.
SEGMENTS = pd.DataFrame(
    [("A#t1", "A", "P1", "turn", "a1"), ("A#t2", "A", "P1", "turn", "a2"),
     ("B#t1", "B", "P2", "turn", "b1"), ("C#t1", "C", "P3", "turn", "c1"),
     ("D#t1", "D", "P4", "turn", "d1"), ("E#t1", "E", "P5", "turn", "e1")],
    columns=["segment_id", "interview_id", "participant", "kind", "text"])
MANUAL = pd.DataFrame([("A#t1", "late", "m"), ("A#t2", "late", "m"), ("B#t1", "late", "m"),
                       ("B#t1", "fees", "m")], columns=["segment", "code", "coder"])


def _auto(rows):
    frame = pd.DataFrame(rows, columns=["segment_id", "code"])
    info = SEGMENTS.set_index("segment_id")
    return frame.assign(interview_id=frame["segment_id"].map(info["interview_id"]),
                        participant=frame["segment_id"].map(info["participant"]),
                        kind="turn", evidence="x")


# late: the rule agrees with the coder on A#t1, A#t2, B#t1 (3 examples, precision 1) -> validated,
#   and adds C#t1 (P3), D#t1 (P4) where nobody coded by hand.
# fees: the rule fires on A#t1, A#t2, B#t1, the coder applied it once (B#t1): 3 examples,
#   precision 1/3 < 0.5 -> rejected; its coding of E#t1 (P5) does not count.
# cash: no coding by hand; the rule fires once (C#t1) -> unvalidated, counted and marked.
AUTO = _auto([("A#t1", "late"), ("A#t2", "late"), ("B#t1", "late"), ("C#t1", "late"), ("D#t1", "late"),
              ("A#t1", "fees"), ("A#t2", "fees"), ("B#t1", "fees"), ("E#t1", "fees"), ("C#t1", "cash")])
CODES = ["late", "fees", "cash"]
SCORES = pd.DataFrame({"segment_id": ["A#t1", "A#t2", "B#t1", "C#t1", "D#t1", "E#t1"],
                       "compound": [-0.5, -0.3, 0.6, -0.2, 0.1, 0.0]})


@pytest.fixture
def rules():
    versus = compare_auto_manual(AUTO, MANUAL, SEGMENTS, codes=CODES)
    return th.rule_validation(versus, AUTO, n_participants=5)


def test_rule_validation_by_precision_and_examples(rules):
    table = rules.set_index("code")
    assert table["rule_status"].to_dict() == {"late": "validated", "fees": "rejected", "cash": "unvalidated"}
    assert table.loc["fees", "precision"] == pytest.approx(1 / 3)
    assert table["examples"].to_dict() == {"late": 3, "fees": 3, "cash": 0}
    # late's rule reaches P1..P4: 4 of 5 = 80%, but it is validated: a theme that really is
    # everywhere, not flagged; fees reaches P1, P2, P5: 60%
    assert table.loc["late", "rule_reach"] == pytest.approx(0.8)
    assert table["ubiquitous"].to_dict() == {"late": False, "fees": False, "cash": False}
    versus = compare_auto_manual(AUTO, MANUAL, SEGMENTS, codes=CODES)
    everywhere = th.rule_validation(versus, _auto([(s, "cash") for s in SEGMENTS["segment_id"]]), 5)
    assert everywhere.set_index("code").loc["cash", ["rule_reach", "ubiquitous"]].tolist() == [1.0, True]
    text = th.rules_answer(rules)
    assert "rejected, not counted: fees" in text and "unvalidated" in text and "50%" in text


def test_theme_counts_follow_the_one_definition(rules):
    coded = th.theme_codings(AUTO, MANUAL, SEGMENTS, rules)
    # inside A and B only the coder counts; the rule's A/B guesses are gone
    assert set(coded.loc[coded["source"] == "auto", "segment_id"]) == {"C#t1", "D#t1", "E#t1"}
    assert coded.loc[coded["segment_id"] == "E#t1", "counted"].tolist() == [False]
    table = th.theme_counts(coded, 5, codes=CODES, scores=SCORES, rules=rules).set_index("code")
    assert table.loc["late", ["participants", "participants_manual", "participants_rule"]].tolist() == [4, 2, 2]
    assert table.loc["late", "share"] == pytest.approx(4 / 5)
    assert table.loc["late", "mentions"] == 5
    assert table.loc["late", "source"] == "manual codings + validated rule"
    assert table.loc["fees", ["participants", "excluded_participants"]].tolist() == [1, 1]
    assert table.loc["fees", "source"] == "manual codings"
    assert table.loc["cash", ["participants", "participants_rule"]].tolist() == [1, 1]
    assert table.loc["cash", "source"] == "unvalidated rule"
    # late's passages: -0.5, -0.3, 0.6, -0.2, 0.1 -> 3 of 5 negative: "negative", mean -0.06
    assert table.loc["late", "share_negative"] == pytest.approx(0.6)
    assert table.loc["late", "mean_compound"] == pytest.approx(-0.06)
    assert table.loc["late", "feeling"] == "negative"
    # cash: one passage at -0.2 -> negative; fees: B#t1 at +0.6 -> positive
    assert table.loc["fees", "feeling"] == "positive"
    # the other functions on the coded table drop the rejected rule's coding too
    assert th.frequency(coded, 5, codes=CODES).set_index("code").loc["fees", "participants"] == 1
    assert th.codes_per_interview(coded, pd.DataFrame({"interview_id": list("ABCDE"), "date": None}))["E"] == set()


def test_feeling_word_majority():
    assert th.feeling_word(0.51, 0.1) == "negative"  # a majority of negative passages
    assert th.feeling_word(0.51, 0.3) == "negative"
    assert th.feeling_word(0.5, 0.5) == "mixed"
    assert th.feeling_word(0.3, 0.1) == "mixed"  # no majority either way
    assert th.feeling_word(0.0, 0.0) == "neutral"
    assert th.feeling_word(0.0, 0.43) == "neutral"  # most passages carry no tone
    assert th.feeling_word(0.1, 0.6) == "positive"  # 0.1 < 0.6 / 4
    assert th.feeling_word(0.2, 0.6) == "mixed"  # positive needs the negative side under a quarter of it
    # the pilot's late-payment: 4 of 21 passages negative, 12 positive: not "positive"
    assert th.feeling_word(4 / 21, 12 / 21) == "mixed"
    assert th.feeling_word(float("nan"), float("nan")) == "–"


@pytest.mark.slow
def test_every_output_counts_a_theme_the_same_way(tmp_path):
    """analyze's themes.csv, notebook 04's themes table (kit.themes.theme_table) and the
    trends across sprints give each theme of the pilot the same number of participants."""
    from kit.analyze import analyze
    from kit.paths import pilot_path
    from kit.repository import trends

    study = kit.load_study(pilot_path(), strict=False)
    paths = analyze(study, tmp_path / "out", as_of="2026-11-30")
    from_analyze = pd.read_csv(paths["themes"]).set_index("code")["participants"]
    everything = th.study_themes(study)
    notebook = th.theme_table(everything["coded"], th.segment_scores(study.segments()),
                              everything["n_participants"], codes=study.codebook.names,
                              rules=everything["rules"]).set_index("code")["participants"]
    repo = tmp_path / "repo"
    import shutil

    shutil.copytree(pilot_path(), repo / "pilot")
    trend = trends(repo).set_index("code")["mentioning"]
    assert from_analyze.to_dict() == notebook.to_dict()
    assert {c: trend.get(c, 0) for c in notebook.index} == notebook.to_dict()
    # the rejected rule of the pilot (getting-paid: precision 1/12 against the coders) adds nobody
    assert everything["rules"].set_index("code").loc["getting-paid", "rule_status"] == "rejected"
    assert from_analyze["getting-paid"] == everything["counts"].set_index("code").loc["getting-paid",
                                                                                        "participants_manual"]
