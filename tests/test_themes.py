"""kit.themes and kit.coding's auto-vs-manual comparison, checked against numbers worked out
by hand on small tables (the comments show the sums)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

import kit
from kit import themes as th
from kit.codebook import Code, Codebook
from kit.coding import (AutoCoder, auto_manual_cases, auto_manual_summary, autocode, compare_auto_manual,
                        comparison_universe, shared_universe)

# Three interviews, three participants (a fourth, D, was interviewed and said nothing coded).
SEGMENTS = pd.DataFrame(
    [("A#t2", "A", "P1", "turn", "We waited sixty days. Sixty days!"),
     ("A#t4", "A", "P1", "turn", "I rang them twice."),
     ("A#q1", "A", "P1", "quote", "I felt like I was begging."),
     ("B#t2", "B", "P2", "turn", "They paid late and I said sorry for asking."),
     ("B#i1", "B", "P2", "insight", "She keeps invoices in a spreadsheet."),
     ("C#t2", "C", "P3", "turn", "The app crashes on site.")],
    columns=["segment_id", "interview_id", "participant", "kind", "text"])

INTERVIEWS = pd.DataFrame(
    [("A", "2026-01-03", "P1", "small"), ("B", "2026-01-01", "P2", "large"),
     ("C", "2026-01-02", "P3", "large"), ("D", None, "P4", "small")],
    columns=["interview_id", "date", "participant", "segment"])

# late: A#t2 A#t4 B#t2 | cash: A#t2 | awkward: A#q1 B#t2 | tools: B#i1 C#t2
CODINGS = pd.DataFrame(
    [("A#t2", "late", "m1"), ("A#t2", "cash", "m1"), ("A#t4", "late", "m2"), ("A#t2", "late", "m2"),
     ("A#q1", "awkward", "m1"), ("B#t2", "late", "m1"), ("B#t2", "awkward", "m2"),
     ("B#i1", "tools", "m1"), ("C#t2", "tools", "m2")],
    columns=["segment", "code", "coder"])

SCORES = pd.DataFrame({"segment_id": ["A#t2", "A#t4", "A#q1", "B#t2", "B#i1", "C#t2"],
                       "compound": [-0.8, 0.4, -0.6, 0.2, 0.9, -0.5]})
CODES = ["late", "cash", "awkward", "tools"]


@pytest.fixture
def coded():
    return th.coded_segments(CODINGS, SEGMENTS)


def test_coded_segments_is_the_union_of_coders_with_segment_details(coded):
    assert len(coded) == 8  # A#t2 late coded by both coders counts once
    assert list(coded.columns) == th.CODED_COLUMNS
    row = coded[(coded["segment_id"] == "C#t2")].iloc[0]
    assert (row["participant"], row["kind"], row["code"]) == ("P3", "turn", "tools")
    only_m2 = th.coded_segments(CODINGS, SEGMENTS, coder="m2")
    assert sorted(zip(only_m2["segment_id"], only_m2["code"])) == [
        ("A#t2", "late"), ("A#t4", "late"), ("B#t2", "awkward"), ("C#t2", "tools")]


def test_frequency_counts_participants_share_and_mentions(coded):
    table = th.frequency(coded, n_participants=5, codes=CODES).set_index("code")
    # late: P1 (A#t2, A#t4), P2 (B#t2) -> 2 people, 3 segments; cash: P1 only
    assert table.loc["late", ["participants", "mentions"]].tolist() == [2, 3]
    assert table.loc["late", "share"] == pytest.approx(2 / 5)
    assert table.loc["cash", ["participants", "mentions"]].tolist() == [1, 1]
    assert table.loc["awkward", ["participants", "mentions"]].tolist() == [2, 2]
    assert table.loc["tools", ["participants", "mentions"]].tolist() == [2, 2]
    assert list(table.index)[:1] == ["late"]  # most participants, then most mentions first


def test_frequency_lists_codes_nobody_used():
    table = th.frequency(th.coded_segments(CODINGS, SEGMENTS), n_participants=4, codes=CODES + ["unused"])
    assert table.set_index("code").loc["unused", ["participants", "mentions"]].tolist() == [0, 0]


def test_intensity_uses_participants_words_and_weights_by_share(coded):
    table = th.intensity(coded, scores=SCORES, n_participants=5, codes=CODES).set_index("code")
    # late: |-0.8|, |0.4|, |0.2| -> 1.4 / 3; share 2/5
    assert table.loc["late", "voiced"] == 3
    assert table.loc["late", "mean_abs_compound"] == pytest.approx(1.4 / 3)
    assert table.loc["late", "mean_compound"] == pytest.approx(-0.2 / 3)
    assert table.loc["late", "intensity"] == pytest.approx(1.4 / 3 * 2 / 5)
    assert table.loc["cash", "intensity"] == pytest.approx(0.8 * 1 / 5)
    assert table.loc["awkward", "mean_abs_compound"] == pytest.approx((0.6 + 0.2) / 2)
    # tools: the insight B#i1 (0.9) is the team's words and is left out: only C#t2 (-0.5)
    assert table.loc["tools", "mentions"] == 2
    assert table.loc["tools", "voiced"] == 1
    assert table.loc["tools", "mean_abs_compound"] == pytest.approx(0.5)


def test_intensity_emphasis_columns(coded):
    table = th.intensity(coded, scores=SCORES, n_participants=5, codes=CODES).set_index("code")
    # A#t2 has one "!" and "sixty days" twice (not three times): late's 3 segments -> 1/3 "!"
    assert table.loc["late", "exclamations"] == pytest.approx(1 / 3)
    assert table.loc["late", "repetition"] == 0
    assert table.loc["late", "emphasis"] == pytest.approx(1 / 3)
    assert table.loc["cash", "exclamations"] == 1


def test_intensity_computes_vader_scores_when_not_given(coded):
    table = th.intensity(coded, n_participants=5, codes=CODES).set_index("code")
    expected = abs(kit.compound(["The app crashes on site."])[0])
    assert table.loc["tools", "mean_abs_compound"] == pytest.approx(expected)


def test_emphasis_cues_hand_counted():
    cues = th.emphasis("It was REALLY late!! So so slow. PO number, VAT. I rang, rang and rang again, rang.")
    assert cues["exclamations"] == 2
    assert cues["caps_words"] == 1  # REALLY; PO and VAT are acronyms, "I" is one letter
    # "really", and the second "so" (before "slow"); the first "So" starts a clause
    assert cues["intensifiers"] == 2
    assert cues["repeated"] == ["rang"]  # four times; "late" once


@pytest.mark.parametrize("text, expected", [
    ("It was slow, so I rang.", 0),          # "so" opens a clause
    ("It was slow and so we rang.", 0),      # "so" before a pronoun
    ("It was so slow.", 1),
    ("Absolutely. Totally fine, very very fine.", 4),
])
def test_intensifiers(text, expected):
    assert th.emphasis(text)["intensifiers"] == expected


def test_repetition_compares_stems_and_skips_stopwords():
    assert th.emphasis("Chase, chasing, chased. The the the the.")["repeated"] == ["chase"]
    assert th.emphasis("")["repeated"] == []
    table = th.emphasis_table(["Wait wait wait!", None])
    assert table.loc[0, ["exclamations", "repeated"]].tolist() == [1, 1]
    assert table.loc[0, "repeated_words"] == "wait"
    assert table.loc[1, ["exclamations", "caps_words", "intensifiers", "repeated"]].tolist() == [0, 0, 0, 0]


def test_cooccurrence_by_segment(coded):
    counts = th.cooccurrence(coded, by="segment", codes=CODES)
    assert [counts.loc[c, c] for c in CODES] == [3, 1, 2, 2]
    assert counts.loc["late", "cash"] == counts.loc["cash", "late"] == 1   # A#t2
    assert counts.loc["late", "awkward"] == 1                               # B#t2
    assert counts.loc["late", "tools"] == counts.loc["cash", "awkward"] == 0
    coef = th.cooccurrence_coefficient(counts)
    assert coef.loc["late", "cash"] == pytest.approx(1 / (3 + 1 - 1))
    assert coef.loc["late", "awkward"] == pytest.approx(1 / (3 + 2 - 1))
    assert coef.loc["late", "tools"] == 0
    assert coef.loc["late", "late"] == 1


def test_cooccurrence_by_interview(coded):
    # A: late cash awkward | B: late awkward tools | C: tools
    counts = th.cooccurrence(coded, by="interview", codes=CODES)
    assert [counts.loc[c, c] for c in CODES] == [2, 1, 2, 2]
    assert counts.loc["late", "awkward"] == 2
    assert counts.loc["late", "tools"] == 1
    assert counts.loc["cash", "tools"] == 0
    coef = th.cooccurrence_coefficient(counts)
    assert coef.loc["late", "awkward"] == pytest.approx(2 / (2 + 2 - 2))
    assert coef.loc["late", "tools"] == pytest.approx(1 / 3)
    assert coef.loc["cash", "awkward"] == pytest.approx(1 / (1 + 2 - 1))
    pairs = th.cooccurrence_pairs(counts)
    assert pairs.iloc[0][["code_a", "code_b", "n12"]].tolist() == ["late", "awkward", 2]
    assert pairs.iloc[0]["coefficient"] == pytest.approx(1.0)
    assert len(pairs) == 5  # every pair but cash-tools


def test_cooccurrence_rejects_an_unknown_unit(coded):
    with pytest.raises(ValueError, match="by must be"):
        th.cooccurrence(coded, by="sentence")


def test_cooccurrence_of_codes_never_used_is_zero():
    empty = th.coded_segments(CODINGS.iloc[0:0], SEGMENTS)
    counts = th.cooccurrence(empty, codes=["late", "cash"])
    assert counts.to_numpy().sum() == 0
    assert th.cooccurrence_coefficient(counts).to_numpy().sum() == 0


def test_code_by_attribute_counts_participants(coded):
    table = th.code_by_attribute(coded, INTERVIEWS, "segment", codes=CODES)
    assert list(table.columns) == ["large", "small"]
    assert table.loc["late"].tolist() == [1, 1]      # P2 large, P1 small
    assert table.loc["cash"].tolist() == [0, 1]
    assert table.loc["tools"].tolist() == [2, 0]     # P2 and P3, both large
    shares = th.code_by_attribute(coded, INTERVIEWS, "segment", codes=CODES, share=True)
    # two people interviewed per value (small: P1, P4; large: P2, P3)
    assert shares.loc["late", "small"] == pytest.approx(0.5)
    assert shares.loc["tools", "large"] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="no participant attribute"):
        th.code_by_attribute(coded, INTERVIEWS, "region")


def test_rare_intense_picks_rare_codes_in_the_top_third(coded):
    table = th.intensity(coded, scores=SCORES, n_participants=5, codes=CODES)
    # mean |compound|: cash .8, tools .5, late .467, awkward .4 -> top third = 2 codes;
    # only cash is mentioned by <= 20% (1 of 5)
    rare = th.rare_intense(table)
    assert rare["code"].tolist() == ["cash"]
    assert rare["rank"].tolist() == [1]
    assert th.rare_intense(table, max_share=0.4)["code"].tolist() == ["cash", "tools"]
    assert th.rare_intense(table, max_share=0.1).empty


def test_rare_intense_never_returns_unmentioned_codes():
    table = pd.DataFrame({"code": ["a", "b", "c"], "participants": [0, 1, 5], "share": [0.0, 0.1, 0.5],
                          "mean_abs_compound": [float("nan"), 0.9, 0.1]})
    assert th.rare_intense(table)["code"].tolist() == ["b"]


def test_quotes_come_only_from_consenting_participants(coded):
    quotes = th.quotes_per_code(coded, consenting={"P1", "P3"}, scores=SCORES, codes=CODES)
    assert set(quotes["participant"]) <= {"P1", "P3"}
    assert "B#t2" not in set(quotes["segment_id"])          # P2 did not consent
    assert "B#i1" not in set(quotes["segment_id"])          # an insight is not a quote
    late = quotes[quotes["code"] == "late"]
    assert late["segment_id"].tolist() == ["A#t2", "A#t4"]  # strongest first
    assert quotes[quotes["code"] == "tools"]["segment_id"].tolist() == ["C#t2"]
    assert quotes["code"].drop_duplicates().tolist() == ["late", "cash", "awkward", "tools"]
    one = th.quotes_per_code(coded, consenting={"P1"}, per_code=1, scores=SCORES)
    assert one.groupby("code").size().max() == 1
    assert th.quotes_per_code(coded, consenting=set()).empty


def test_key_quotes_come_before_turns():
    coded = th.coded_segments(pd.DataFrame({"segment": ["A#t4", "A#q1"], "code": ["x", "x"],
                                            "coder": ["m", "m"]}), SEGMENTS)
    assert th.quotes_per_code(coded, {"P1"})["kind"].tolist() == ["quote", "turn"]


def test_codes_per_interview_in_the_order_held(coded):
    codes = th.codes_per_interview(coded, INTERVIEWS)
    assert list(codes) == ["B", "C", "A", "D"]  # by date; undated last
    assert codes["A"] == {"late", "cash", "awkward"}
    assert codes["D"] == set()
    from kit.thematic_saturation import saturation

    result = saturation(codes, base=2, run=1, threshold=0.5)
    assert result["curve"] == [3, 3, 4, 4]


def test_n_participants_counts_people_interviewed():
    assert th.n_participants(INTERVIEWS) == 4
    extra = pd.concat([INTERVIEWS, pd.DataFrame([{"interview_id": "E", "participant": ""},
                                                 {"interview_id": "F", "participant": "P1"}])])
    assert th.n_participants(extra) == 5  # E has nobody named; F is P1 again


# --------------------------------------------------------------------------- the study fixture

def test_consent_filter_on_a_study(study_dir):
    study = kit.load_study(study_dir)
    segments = study.segments()
    coded = th.coded_segments(study.codings, segments)
    quotes = th.quotes_per_code(coded, study.consenting())
    assert study.consenting() == {"P-1"}
    assert set(quotes["participant"]) == {"P-1"}
    assert "INT-002#q1" in set(coded["segment_id"])       # coded: P-2 said it...
    assert "INT-002#q1" not in set(quotes["segment_id"])  # ...but did not consent to quoting


def test_combine_codings_keeps_manual_where_coded(study_dir):
    study = kit.load_study(study_dir)
    segments = study.segments()
    auto = autocode(segments, study.codebook)
    combined = th.combine_codings(auto, study.codings, segments)
    by_hand = set(comparison_universe(study.codings, segments))
    assert by_hand == {"INT-001#t2", "INT-001#t4", "INT-002#q1"}
    manual = combined[combined["source"] == "manual"]
    assert set(zip(manual["segment_id"], manual["code"])) == {
        ("INT-001#t2", "workaround"), ("INT-001#t4", "invite-trouble"), ("INT-002#q1", "invite-trouble")}
    assert not (combined[combined["source"] == "auto"]["segment_id"].isin(by_hand)).any()
    assert "INT-001#q1" in set(combined["segment_id"])  # not coded by hand: the rules' codes


# --------------------------------------------------------------------------- auto vs manual

# m1: A#t2 late, A#t2 cash, B#t2 awkward | m2: A#t4 late, B#t2 late
MANUAL = pd.DataFrame([("A#t2", "late", "m1"), ("A#t2", "cash", "m1"), ("B#t2", "awkward", "m1"),
                       ("A#t4", "late", "m2"), ("B#t2", "late", "m2")],
                      columns=["segment", "code", "coder"])
AUTO = pd.DataFrame([("A#t2", "late", "late"), ("A#t4", "cash", "paid"), ("A#q1", "awkward", "begging"),
                     ("B#t2", "awkward", "sorry"), ("C#t2", "tools", "app")],
                    columns=["segment_id", "code", "evidence"])


def test_universe_is_the_coded_kinds_of_the_coded_interviews():
    # coders coded turns of A and B: A#q1 (a quote), B#i1 (an insight) and C are out
    assert comparison_universe(MANUAL, SEGMENTS) == ["A#t2", "A#t4", "B#t2"]
    assert comparison_universe(MANUAL) == ["A#t2", "B#t2", "A#t4"]
    with_quote = pd.concat([MANUAL, pd.DataFrame([{"segment": "A#q1", "code": "late", "coder": "m1"}])])
    assert comparison_universe(with_quote, SEGMENTS) == ["A#t2", "A#t4", "A#q1", "B#t2"]
    assert comparison_universe(MANUAL, ["A#t2", "A#t2", "C#t2"]) == ["A#t2", "C#t2"]
    assert shared_universe(MANUAL, SEGMENTS) == ["A#t2", "A#t4", "B#t2"]


def test_compare_auto_manual_hand_computed():
    table = compare_auto_manual(AUTO, MANUAL, SEGMENTS, codes=["late", "cash", "awkward", "tools"])
    t = table.set_index("code")
    # late: manual {A#t2, A#t4, B#t2}, auto {A#t2} -> tp 1, fp 0, fn 2
    assert t.loc["late", ["manual", "auto", "tp", "fp", "fn"]].tolist() == [3, 1, 1, 0, 2]
    assert t.loc["late", "precision"] == 1
    assert t.loc["late", "recall"] == pytest.approx(1 / 3)
    assert t.loc["late", "f1"] == pytest.approx(2 * 1 / (2 * 1 + 0 + 2))
    # cash: manual {A#t2}, auto {A#t4} -> tp 0, fp 1, fn 1
    assert t.loc["cash", ["tp", "fp", "fn"]].tolist() == [0, 1, 1]
    assert t.loc["cash", ["precision", "recall", "f1"]].tolist() == [0, 0, 0]
    # awkward: B#t2 both (A#q1 is outside the universe)
    assert t.loc["awkward", ["tp", "fp", "fn"]].tolist() == [1, 0, 0]
    assert t.loc["awkward", "f1"] == 1
    # tools: only in C, which nobody coded by hand
    assert t.loc["tools", ["manual", "auto", "tp", "fp", "fn"]].tolist() == [0, 0, 0, 0, 0]
    assert math.isnan(t.loc["tools", "precision"]) and math.isnan(t.loc["tools", "f1"])
    assert t.loc["late", "verdict"] == "check"  # f1 .5, 3 manual codings
    assert t.loc["cash", "verdict"] == "too few to tell"
    summary = auto_manual_summary(table)
    assert (summary["tp"], summary["fp"], summary["fn"]) == (2, 1, 3)
    assert summary["precision"] == pytest.approx(2 / 3)
    assert summary["recall"] == pytest.approx(2 / 5)
    assert summary["f1"] == pytest.approx(4 / 8)


def test_compare_auto_manual_for_one_coder():
    t = compare_auto_manual(AUTO, MANUAL, SEGMENTS, coder="m2").set_index("code")
    # m2: late {A#t4, B#t2}; auto late {A#t2} -> tp 0, fp 1, fn 2
    assert t.loc["late", ["tp", "fp", "fn"]].tolist() == [0, 1, 2]
    assert t.loc["late", "f1"] == 0
    # cash: m2 never applied it: recall undefined, precision 0
    assert t.loc["cash", ["tp", "fp", "fn"]].tolist() == [0, 1, 0]
    assert math.isnan(t.loc["cash", "recall"]) and t.loc["cash", "precision"] == 0
    with pytest.raises(ValueError, match="no codings"):
        compare_auto_manual(AUTO, MANUAL, SEGMENTS, coder="nobody")


def test_auto_manual_cases_list_what_to_read():
    cases = auto_manual_cases(AUTO, MANUAL, SEGMENTS)
    assert list(zip(cases["segment"], cases["code"], cases["found_by"])) == [
        ("A#t2", "cash", "manual"), ("A#t4", "cash", "auto"), ("A#t4", "late", "manual"),
        ("B#t2", "late", "manual")]
    assert cases.set_index(["segment", "code"]).loc[("A#t4", "cash"), "evidence"] == "paid"


# --------------------------------------------------------------------------- the rules

CODEBOOK = Codebook([
    Code(name="chasing", keywords=["chase", "rang"]),
    Code(name="late", parent="chasing", keywords=["late", "overdue"], patterns=[r"\b\d+ days? late\b"]),
    Code(name="po", keywords=["PO"], patterns=[r"\bPOs?\b"]),
])


@pytest.mark.parametrize("text, codes", [
    ("They were not late.", []),
    ("They were never really late.", []),
    ("It wasn't late, honestly.", []),
    ("No, it was late.", ["late"]),                 # the comma ends the negation's scope
    ("It wasn't cheap but it was late.", ["late"]),  # so does "but"
    ("Not that I mind, but they paid 40 days late.", ["late"]),
    ("There was no PO number on it.", ["po"]),      # patterns are applied as written
    ("I rang them and it was overdue.", ["late"]),  # the parent gives way to its child
    ("I rang them.", ["chasing"]),
])
def test_auto_coder_negation_and_specificity(text, codes):
    assert sorted(c for c, _ in AutoCoder(CODEBOOK).code_text(text)) == codes


def test_auto_coder_keeps_evidence_and_can_keep_parents():
    coder = AutoCoder(CODEBOOK, most_specific=False)
    assert dict(coder.code_text("I rang, it was 12 days late")) == {"chasing": "rang", "late": "late"}
    assert dict(AutoCoder(CODEBOOK, negation=False).code_text("not late")) == {"late": "late"}
    assert dict(AutoCoder(CODEBOOK).code_text("not late, but 30 days late")) == {"late": "late"}


# --------------------------------------------------------------------------- reports in words

def test_agreement_report_compares_on_the_shared_universe():
    from kit.coding import agreement_report

    report = agreement_report(MANUAL, SEGMENTS)
    assert report["coders"] == ["m1", "m2"]
    assert report["segments"] == ["A#t2", "A#t4", "B#t2"]
    per_code = report["per_code"].set_index("code")
    # late: m1 {A#t2}, m2 {A#t4, B#t2} over 3 segments -> none both, 3 disagreements
    assert per_code.loc["late", ["a_only", "b_only", "both", "neither"]].tolist() == [1, 2, 0, 0]
    assert per_code.loc["cash", ["a_only", "b_only", "both", "neither"]].tolist() == [1, 0, 0, 2]
    summary = report["summary"]
    assert summary["n_segments"] == 3 and summary["coders"] == ["m1", "m2"]
    assert summary["kappa_min"] <= summary["mean_kappa"] <= summary["kappa_max"]
    assert len(report["disagreements"]) == 5   # late x3, cash, awkward
    import json

    json.dumps(summary, allow_nan=False)       # JSON-safe


def test_agreement_report_with_one_coder_says_why():
    from kit.coding import agreement_lines, agreement_report

    report = agreement_report(MANUAL[MANUAL["coder"] == "m1"], SEGMENTS)
    assert report["per_code"].empty and report["disagreements"].empty
    assert agreement_lines(report["summary"]) == "agreement needs two coders; the codings have 1 (m1)"
    lines = agreement_lines(agreement_report(MANUAL, SEGMENTS)["summary"])
    assert lines.startswith("m1 and m2 on 3 segments and 3 codes:")
    assert "Krippendorff's alpha" in lines


def test_saturation_answer_is_computed():
    from kit.thematic_saturation import saturation

    interviews = [{"a", "b"}, {"c"}, {"a"}, {"b"}, {"a"}, {"b"}]
    answer = th.saturation_answer(saturation(interviews, base=2, run=2, threshold=0.05))
    # base: the first 2 interviews, {a, b, c}; the runs after it add nothing new
    assert answer.startswith("Yes: saturation was reached at interview 4 of 6")
    assert "interviews 5 to 6 added 0 new codes" in answer
    late = th.saturation_answer(saturation([{"a"}, {"b"}, {"c"}, {"d"}], base=2, run=2))
    assert late.startswith("Not yet: no run of 2 interviews")
    short = th.saturation_answer(saturation([{"a"}] * 7))
    assert short.startswith("Not yet: too few interviews") and "100% by interview 6" in short


def test_rare_intense_answer(coded):
    table = th.intensity(coded, scores=SCORES, n_participants=5, codes=CODES)
    assert th.rare_intense_answer(table, th.rare_intense(table)) == "1 rare but intense theme: cash"
    none = th.rare_intense(table, max_share=0.1)
    assert th.rare_intense_answer(table, none, max_share=0.1).startswith(
        "No rare but intense theme: every code was raised by more than 10%")
    weak_cash = {"late": 0.9, "awkward": 0.9, "tools": 0.1, "cash": 0.1}
    widespread = table.assign(mean_abs_compound=table["code"].map(weak_cash))
    assert "(cash) is not in the top third" in th.rare_intense_answer(widespread, th.rare_intense(widespread))


# --------------------------------------------------------------------------- figures

@pytest.fixture
def pilot_tables():
    from kit.coding import agreement_report
    from kit.paths import pilot_path
    from kit.thematic_saturation import saturation

    study = kit.load_study(pilot_path())
    segments = study.segments()
    auto = autocode(segments, study.codebook)
    coded = th.combine_codings(auto, study.codings, segments)
    codes = study.codebook.names
    return {
        "study": study, "codes": codes,
        "strength": th.intensity(coded, th.segment_scores(segments), n_participants=th.n_participants(study),
                                 codes=codes),
        "counts": th.cooccurrence(coded, codes=codes),
        "quotes": th.quotes_per_code(coded, study.consenting(), per_code=2, codes=codes),
        "agreement": agreement_report(study.codings, segments),
        "versus": compare_auto_manual(auto, study.codings, segments, codes=codes),
        "saturation": saturation(th.codes_per_interview(coded, study.interviews)),
    }


def _labelled(fig):
    import matplotlib.pyplot as plt

    texts = [ax.get_title() for ax in fig.axes] + [fig._suptitle.get_text() if fig._suptitle else ""]
    texts += [t.get_text() for ax in fig.axes for t in ax.texts]
    plt.close(fig)
    return texts


@pytest.mark.slow  # over 2 s (tests/README.md)
def test_figures_build_with_titles_and_axis_labels(pilot_tables, tmp_path):
    import matplotlib.pyplot as plt

    from kit import coding_plots as cp
    from kit.plots import save

    t = pilot_tables
    figures = {
        "frequency": cp.frequency_bars(t["strength"], t["study"].codebook, n_participants=18),
        "intensity": cp.intensity_chart(t["strength"]),
        "heatmap": cp.cooccurrence_heatmap(t["counts"]),
        "agreement": cp.agreement_bars(t["agreement"]["per_code"], coders=("maya", "tom")),
        "versus": cp.auto_manual_chart(t["versus"]),
        "saturation": cp.saturation_curve(t["saturation"]),
    }
    for name, fig in figures.items():
        ax = fig.axes[0]
        assert ax.get_title(), name
        assert ax.get_xlabel() and ax.get_ylabel(), name
        width, height = fig.get_size_inches()
        assert width >= 6 and height >= 3, name
        save(fig, tmp_path / f"{name}.png")
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000, name
        plt.close(fig)
    network = cp.cooccurrence_network(t["counts"])
    assert network.axes[0].get_title().startswith("Co-occurrence network")
    node_labels = [x.get_text().split("\n")[0] for x in network.axes[0].texts]
    assert set(t["codes"]) <= set(node_labels)
    plt.close(network)


def test_heatmap_writes_every_count(pilot_tables):
    from kit import coding_plots as cp

    counts = pilot_tables["counts"]
    texts = _labelled(cp.cooccurrence_heatmap(counts))
    written = sum(1 for x in texts if x.isdigit())
    nonzero_off = int((counts.to_numpy() > 0).sum() - (counts.to_numpy().diagonal() > 0).sum())
    assert written == nonzero_off + len(counts)  # every non-zero pair, and the whole diagonal


def test_affinity_map_shows_only_the_quotes_given(pilot_tables):
    from kit import coding_plots as cp

    quotes = pilot_tables["quotes"]
    consenting = pilot_tables["study"].consenting()
    assert set(quotes["participant"]) <= consenting
    texts = _labelled(cp.affinity_map(quotes, pilot_tables["study"].codebook, per_code=2))
    signatures = [x for x in texts if x.startswith("\u2014 ")]
    assert len(signatures) == len(quotes)
    assert {s[2:] for s in signatures} == set(quotes["participant"])
    assert "Affinity map" in " ".join(texts)


def test_saturation_curve_marks_the_point(pilot_tables):
    from kit import coding_plots as cp

    result = pilot_tables["saturation"]
    texts = " ".join(_labelled(cp.saturation_curve(result)))
    assert "6 interviews" in texts and "12 interviews" in texts
    if result["saturated_at"]:
        assert f"saturation at {result['saturated_at']} interviews" in texts
    unsaturated = dict(result, saturated_at=None, reason="no run under the threshold")
    assert "not saturated" in " ".join(_labelled(cp.saturation_curve(unsaturated)))


def test_figures_of_empty_tables_say_so():
    from kit import coding_plots as cp

    empty = pd.DataFrame(columns=["code", "participants", "share", "mentions", "mean_abs_compound"])
    assert "No codings yet." in _labelled(cp.frequency_bars(empty))
    assert any("consented" in x for x in _labelled(cp.affinity_map(pd.DataFrame(columns=["code"]))))
    assert any("both coders" in x for x in _labelled(cp.agreement_bars(pd.DataFrame(columns=["code", "kappa"]))))


def _backing_table(rule_status):
    """A themes table (theme_counts columns) where code b rests on a keyword rule only."""
    return pd.DataFrame({"code": ["a", "b", "c"], "participants": [3, 2, 1], "participants_manual": [3, 0, 1],
                         "participants_rule": [0, 2, 0], "rule_status": ["", rule_status, ""]})


def test_saturation_answer_is_inconclusive_on_unchecked_rules():
    from kit.thematic_saturation import saturation, saturation_backing

    result = saturation([{"a", "b"}, {"c"}, {"a"}, {"b"}, {"a"}, {"b"}], base=2, run=2, threshold=0.05)
    for backing in (_backing_table("unvalidated"), saturation_backing(_backing_table("unvalidated"))):
        answer = th.saturation_answer(result, backing)
        assert answer.startswith("Inconclusive: rests on unchecked rules (codes b)"), answer
        assert "Yes" not in answer and "interview 4 of 6" in answer
    checked = th.saturation_answer(result, _backing_table("validated"))
    assert checked.startswith("Yes: saturation was reached at interview 4 of 6")
    assert "keyword rules checked against them" in checked
    unknown = th.saturation_answer(result, saturation_backing(None))
    assert unknown.startswith("Inconclusive: what the codes rest on is not recorded")
    late = th.saturation_answer(saturation([{"a"}, {"b"}, {"c"}, {"d"}], base=2, run=2), _backing_table("unvalidated"))
    assert late.startswith("Not yet")


def test_saturation_answer_backing_from_theme_counts(coded):
    from kit.thematic_saturation import saturation

    result = saturation([{"a", "b"}, {"c"}, {"a"}, {"b"}, {"a"}, {"b"}], base=2, run=2, threshold=0.05)
    table = th.theme_counts(coded, 5, codes=CODES)
    assert {"participants_manual", "participants_rule", "rule_status"} <= set(table.columns)
    answer = th.saturation_answer(result, table)  # coders' codes only: conclusive
    assert answer.startswith("Yes: saturation was reached") and "counted from the coders' codes" in answer
