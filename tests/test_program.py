"""kit.program: every number of the pilot plan and the program's ROI against values worked
out by hand on a small synthetic study, the diversity index against an independent
computation, and bad input reported as located errors, never as a silent zero."""
from __future__ import annotations

import json
import math
import shutil
from datetime import date

import numpy as np
import pandas as pd
import pytest

import kit
from kit import capture, program
from kit import roi as program_roi
from kit.check import check_study
from kit.errors import StudyError
from conftest import write

AS_OF = date(2026, 3, 18)

STUDY = """
title: Synthetic
research_question: How do people do the thing?
sprint: 2026-S10
segments:
  attribute: segment
  quotas: {a: 4, b: 2, c: 2}
  attributes: [segment, region]
costs: {hourly_rate: 100, currency: EUR}
survey_baseline_response_rate: 0.1
cadence_days: 7
target_interviews: 8
"""

# 10 invited; completed P-1, P-2, P-3 (a), P-4, P-10 (b); c has one scheduled, one no-show.
PARTICIPANTS = """
id,segment,region,channel,status,invited_on,scheduled_on,interviewed_on,consent_record,consent_quote
P-1,a,north,email,completed,2026-02-20,2026-02-25,2026-03-02,yes,yes
P-2,a,north,email,completed,2026-02-20,2026-02-25,2026-03-03,yes,yes
P-3,a,south,in-app,completed,2026-02-20,2026-02-26,2026-03-04,yes,no
P-4,b,south,in-app,completed,2026-02-21,2026-03-10,2026-03-16,yes,yes
P-5,b,north,in-app,declined,2026-02-21,,,no,no
P-6,c,north,email,no-show,2026-02-22,2026-03-05,,yes,yes
P-7,c,south,email,scheduled,2026-02-22,2026-03-25,,yes,yes
P-8,a,north,referral,invited,2026-03-01,,,no,no
P-9,a,south,referral,declined,2026-03-01,,,no,no
P-10,b,north,in-app,completed,2026-02-23,2026-03-12,2026-03-17,yes,yes
"""


def note(iid, day, participant, thank="", debrief="", notes="", insights=1, actions=()):
    front = [f"id: {iid}", f"date: {day}", f"participant: {participant}", "interviewer: Ana Silva"]
    for key, value in (("thank_you_sent", thank), ("debriefed", debrief), ("notes_written", notes)):
        if value:
            front.append(f"{key}: {value}")
    body = ["## Key Quotes", f'- "Quote from {participant}."']
    body += ["", "## Insights"] + [f"- Insight {n} from {participant}." for n in range(1, insights + 1)]
    if actions:
        body += ["", "## Action Items", "| Owner | Action | Due Date | Status |", "|---|---|---|---|"]
        body += [f"| {o} | {a} | {d} | {s} |" for o, a, d, s in actions]
    return "---\n" + "\n".join(front) + "\n---\n\n" + "\n".join(body) + "\n"


NOTES = {
    # all on time; one action overdue on AS_OF, one in progress not yet due
    "INT-001": note("INT-001", "2026-03-02", "P-1", "2026-03-02", "2026-03-03", "2026-03-02", insights=2,
                    actions=[("Ana Silva", "A1", "2026-03-10", "open"),
                             ("Ben Okafor", "A2", "2026-03-20", "in progress")]),
    # thank-you two days later (late); debrief at 48 hours (on time)
    "INT-002": note("INT-002", "2026-03-03", "P-2", "2026-03-05", "2026-03-05", "2026-03-03",
                    actions=[("Ana Silva", "A3", "2026-03-05", "done"),
                             ("Ben Okafor", "A4", "2026-03-05", "dropped")]),
    # no thank-you (overdue), debrief after 3 days and notes the next day (late);
    # an action due on AS_OF itself is not overdue yet
    "INT-003": note("INT-003", "2026-03-04", "P-3", "", "2026-03-07", "2026-03-05",
                    actions=[("Ana Silva", "A5", "2026-03-18", "open")]),
    "INT-004": note("INT-004", "2026-03-16", "P-4", "2026-03-17", "2026-03-18", "2026-03-16"),
    # nothing recorded yet: on AS_OF the thank-you and debrief windows are open, notes overdue
    "INT-005": note("INT-005", "2026-03-17", "P-10"),
}

COSTS = """
date,category,description,hours,rate,amount
2026-03-01,recruiting,screener,2,,
2026-03-02,interviewer_time,INT-001,0.5,80,
2026-03-02,incentive,gift card,,,25
2026-03-03,incentive,gift card,,,25
2026-03-05,tool,transcription,,,60
2026-03-20,analysis_time,synthesis,3,,150
"""

DECISIONS = """
id,date,decision,evidence,estimated_value,value_kind,outcome_metric,outcome_baseline,outcome_reading,reading_date
D-1,2026-03-10,Ship A,INT-001; INT-002#q1,2000,revenue,conversion,0.2,0.25,2026-04-10
D-2,2026-03-20,Ship B,INT-005#i1; INT-003,1000,cost_saving,tickets,100,80,2026-04-01
D-3,2026-03-25,Ship C,INT-004,,risk_avoided,,,,
"""


def make_study(root, study_yml=STUDY, sprint=None):
    write(root / "study.yml", study_yml if sprint is None else study_yml.replace("2026-S10", sprint))
    write(root / "participants.csv", PARTICIPANTS)
    for iid, text in NOTES.items():
        (root / "interviews").mkdir(parents=True, exist_ok=True)
        (root / "interviews" / f"{iid}.md").write_text(text, encoding="utf-8")
    write(root / "costs.csv", COSTS)
    write(root / "decisions.csv", DECISIONS)
    return root


@pytest.fixture
def synth(tmp_path):
    return kit.load_study(make_study(tmp_path / "synth"))


def test_synthetic_study_is_clean(tmp_path):
    root = make_study(tmp_path / "synth")
    assert [str(p) for p in check_study(root)] == []


# -- pilot plan -------------------------------------------------------------------------------
def test_target_outside_15_to_20_warns(synth):
    target = program.pilot_target(synth)
    assert target["target"] == 8 and target["completed"] == 5 and target["remaining"] == 3
    assert target["progress"] == pytest.approx(5 / 8, abs=1e-4)
    assert target["within_range"] is False
    assert "15-20" in target["warning"]


@pytest.mark.parametrize("yml, target, warns", [
    ("", 18, False), ("target_interviews: 15\n", 15, False), ("target_interviews: 20\n", 20, False),
    ("target_interviews: 21\n", 21, True), ("target_interviews: 14\n", 14, True),
])
def test_target_default_and_range(tmp_path, yml, target, warns):
    root = make_study(tmp_path / "s", STUDY.replace("target_interviews: 8\n", yml))
    result = program.pilot_target(root)
    assert result["target"] == target
    assert result["within_range"] is not warns
    assert (result["warning"] is not None) is warns


def test_target_that_is_not_a_number(tmp_path):
    root = make_study(tmp_path / "s", STUDY.replace("target_interviews: 8", "target_interviews: lots"))
    study = kit.load_study(root, strict=False)
    result = program.pilot_target(study)
    assert result["target"] == 18
    # said once, either by the loader (a located error) or by the plan
    flagged = [p for p in study.errors if "target_interviews" in p.message]
    assert bool(flagged) or "not a whole number" in (result["warning"] or "")


def test_quota_coverage(synth):
    table = program.quota_coverage(synth).set_index("segment")
    assert list(table.index) == ["a", "b", "c"]
    assert table["quota"].tolist() == [4, 2, 2]
    assert table["completed"].tolist() == [3, 2, 0]
    assert table["scheduled"].tolist() == [0, 0, 1]
    assert table["gap"].tolist() == [1, 0, 2]
    assert table["coverage"].tolist() == pytest.approx([0.75, 1.0, 0.0])
    assert table["under_represented"].tolist() == [False, False, True]


def test_recruitment_funnel(synth):
    funnel = program.recruitment_funnel(synth).set_index("stage")
    assert funnel["participants"].to_dict() == {"invited": 10, "scheduled": 7, "completed": 5, "declined": 2,
                                                "no-show": 1, "awaiting reply": 1, "upcoming": 1}
    assert funnel.loc["scheduled", "rate"] == pytest.approx(7 / 10)
    assert funnel.loc["completed", "rate"] == pytest.approx(5 / 7)
    assert funnel.loc["declined", "rate"] == pytest.approx(2 / 10)
    assert funnel.loc["no-show", "rate"] == pytest.approx(1 / 7)
    assert funnel.loc["completed", "share_of_invited"] == pytest.approx(0.5)
    assert math.isnan(funnel.loc["invited", "rate"])


def test_participation_against_survey_baseline(synth):
    # 10 invited: 5 completed, 2 declined, 1 no-show have an outcome; 1 awaiting a reply and 1
    # scheduled are pending and stay out of the denominator: 5 / 8.
    assert program.participation(synth) == {"invited": 10, "completed": 5, "pending": 2, "with_outcome": 8,
                                             "participation_rate": 0.625,
                                             "definition": program.PARTICIPATION_DEFINITION,
                                             "survey_baseline_response_rate": 0.1, "times_survey_rate": 6.25}


def test_participation_without_statuses_is_unknown_not_zero(tmp_path):
    root = make_study(tmp_path / "s")
    write(root / "participants.csv", "id,segment,region\n" + "\n".join(
        f"P-{n},a,north" for n in (1, 2, 3, 4, 10)) + "\n")
    result = program.participation(root)
    assert result["invited"] == 5 and result["participation_rate"] is None and result["times_survey_rate"] is None
    # the completed participants are then the ones the notes name
    assert len(program.completed_participants(root)) == 5


def test_channel_performance(synth):
    table = program.channel_performance(synth)
    assert table["channel"].tolist() == ["in-app", "email", "referral"]
    rows = table.set_index("channel")
    assert rows.loc["in-app", ["invited", "scheduled", "completed", "declined", "no_show"]].tolist() == [4, 3, 3, 1, 0]
    assert rows.loc["email", ["invited", "scheduled", "completed", "declined", "no_show"]].tolist() == [4, 4, 2, 0, 1]
    assert rows.loc["referral", ["invited", "scheduled", "completed", "declined", "no_show"]].tolist() == [2, 0, 0, 1, 0]
    assert rows["participation_rate"].tolist() == pytest.approx([0.75, 0.5, 0.0])


# -- representativeness ---------------------------------------------------------------------------
def independent_entropy(counts):
    p = np.asarray(counts, dtype=float)
    p = p[p > 0] / p.sum()
    return float(-(p * np.log2(p)).sum())  # in bits: the normalised index does not depend on the base


def test_shannon_entropy_against_independent_computation():
    for counts in ([3, 2], [1, 1, 1, 1], [5, 0, 1], [7], [2, 3, 5, 8, 13]):
        bits = independent_entropy(counts)
        assert program.shannon_entropy(counts) == pytest.approx(bits * math.log(2), rel=1e-12)
        k = len(counts)
        expected = bits / math.log2(k) if k > 1 else None
        got = program.normalised_entropy(counts, k)
        assert got == pytest.approx(expected, rel=1e-12) if expected is not None else got is None
    # published value: H(0.6, 0.4) = 0.673011667 nats
    assert program.shannon_entropy([3, 2]) == pytest.approx(0.6730116670092565, abs=1e-12)
    assert program.normalised_entropy([4, 4, 4], 3) == pytest.approx(1.0)
    assert program.normalised_entropy([9, 0, 0], 3) == 0.0
    assert program.normalised_entropy([], 3) is None
    with pytest.raises(ValueError):
        program.normalised_entropy([1, 1, 1], 2)


def test_representativeness_and_diversity(synth):
    table = program.representativeness(synth).set_index("attribute")
    h = -(0.6 * math.log(0.6) + 0.4 * math.log(0.4))
    # segment: k = 3 (quotas a, b, c), completed a 3, b 2
    assert table.loc["segment", ["interviews", "categories", "observed"]].tolist() == [5, 3, 2]
    assert table.loc["segment", "entropy"] == pytest.approx(h)
    assert table.loc["segment", "diversity"] == pytest.approx(h / math.log(3))
    # region: k = 2 (north, south among everyone recruited), completed north 3, south 2
    assert table.loc["region", ["interviews", "categories", "observed"]].tolist() == [5, 2, 2]
    assert table.loc["region", "diversity"] == pytest.approx(h / math.log(2))
    assert program.diversity(synth) == pytest.approx((h / math.log(3) + h / math.log(2)) / 2)


def test_composition_flags_under_represented(synth):
    table = program.composition(synth)
    seg = table[table["attribute"] == "segment"].set_index("category")
    assert seg["completed"].tolist() == [3, 2, 0]
    assert seg["share"].tolist() == pytest.approx([0.6, 0.4, 0.0])
    assert seg["expected_share"].tolist() == pytest.approx([0.5, 0.25, 0.25])
    assert seg["under_represented"].tolist() == [False, False, True]
    region = table[table["attribute"] == "region"].set_index("category")
    assert region["expected_share"].to_dict() == pytest.approx({"north": 0.6, "south": 0.4})
    assert not region["under_represented"].any()


def test_under_represented_below_its_share(tmp_path):
    # region "east" is 3 of 10 recruited (30%) but 0 of the completed interviews
    root = make_study(tmp_path / "s")
    text = (root / "participants.csv").read_text().replace("P-5,b,north", "P-5,b,east") \
        .replace("P-6,c,north", "P-6,c,east").replace("P-8,a,north", "P-8,a,east")
    (root / "participants.csv").write_text(text)
    region = program.composition(root).query("attribute == 'region'").set_index("category")
    assert region.loc["east", "expected_share"] == pytest.approx(0.3)
    assert bool(region.loc["east", "under_represented"]) is True
    assert any("region 'east' is under-represented" in w for w in program.plan_warnings(root))
    assert program.representativeness(root).set_index("attribute").loc["region", "categories"] == 3


def test_weekly_cadence_and_gaps(synth):
    weekly = program.weekly_cadence(synth)
    assert weekly["week"].tolist() == ["2026-W10", "2026-W11", "2026-W12"]
    assert weekly["interviews"].tolist() == [3, 0, 2]
    assert weekly["week_start"].tolist() == [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]
    gaps = program.cadence_gaps(synth)
    assert gaps.to_dict("records") == [{"after": date(2026, 3, 4), "before": date(2026, 3, 16), "days": 12,
                                        "over_by": 5.0}]


def test_plan_warnings(synth):
    warnings = program.plan_warnings(synth)
    assert len(warnings) == 3, warnings
    assert "target_interviews is 8" in warnings[0]
    assert "segment 'c' is under-represented: 0 completed interviews, quota 2" in warnings[1]
    assert "no interview for 12 days between 2026-03-04 and 2026-03-16" in warnings[2]


def test_missing_diversity_attribute_is_reported(tmp_path):
    root = make_study(tmp_path / "s", STUDY.replace("[segment, region]", "[segment, sector]"))
    table = program.representativeness(root).set_index("attribute")
    assert math.isnan(table.loc["sector", "diversity"])
    assert "not a column" in table.loc["sector", "note"]
    assert any("'sector' is not a column" in w for w in program.plan_warnings(root))
    # the index averages the attributes that have one
    assert program.diversity(root) == pytest.approx(table.loc["segment", "diversity"])


# -- discipline and actions ------------------------------------------------------------------------
def test_follow_up_discipline(synth):
    table = program.follow_up_discipline(synth, AS_OF).set_index("step")
    assert table[["interviews", "on_time", "late", "overdue", "pending"]].values.tolist() == [
        [5, 2, 1, 1, 1],   # thank-you
        [5, 3, 1, 0, 1],   # debrief
        [5, 3, 1, 1, 0],   # notes
    ]
    assert table["on_time_share"].tolist() == pytest.approx([2 / 4, 3 / 4, 3 / 5])


def test_follow_up_overdue_list(synth):
    table = program.follow_up_overdue(synth, "2026-03-18")
    got = [(r.interview_id, r.step.split()[0], r.state, r.due) for r in table.itertuples()]
    assert got == [("INT-002", "thank-you", "late", date(2026, 3, 4)),
                   ("INT-003", "thank-you", "overdue", date(2026, 3, 5)),
                   ("INT-003", "team", "late", date(2026, 3, 6)),
                   ("INT-003", "notes", "late", date(2026, 3, 4)),
                   ("INT-005", "notes", "overdue", date(2026, 3, 17))]
    # a week later the thank-you and debrief of INT-005 are overdue too
    later = program.follow_up_overdue(synth, "2026-03-25")
    assert (later["interview_id"] == "INT-005").sum() == 3


def test_action_items(synth):
    table = program.action_items(synth, AS_OF).set_index("action")
    assert table["state"].to_dict() == {"A1": "overdue", "A2": "open", "A3": "done", "A4": "dropped", "A5": "open"}
    assert table.loc["A1", "days_overdue"] == 8
    assert program.action_counts(synth, AS_OF) == {"total": 5, "open": 3, "overdue": 1, "done": 1, "dropped": 1}
    by_owner = program.actions_by_owner(synth, AS_OF).set_index("owner")
    assert by_owner.loc["Ana Silva", ["done", "open", "overdue", "dropped", "total"]].tolist() == [1, 1, 1, 0, 3]
    assert by_owner.loc["Ben Okafor", ["done", "open", "overdue", "dropped", "total"]].tolist() == [0, 1, 0, 1, 2]


def test_action_counts_agree_with_capture_follow_up(synth):
    for as_of in (date(2026, 3, 1), AS_OF, date(2026, 4, 1)):
        followup = capture.follow_up(synth, as_of)
        counts = program.action_counts(synth, as_of)
        assert counts["open"] == followup["open_actions"].sum()
        assert counts["overdue"] == followup["overdue_actions"].sum()
    assert program.action_counts(synth, date(2026, 4, 1))["overdue"] == 3


def test_insight_to_action_lead_time(synth):
    table = program.insight_to_action(synth).set_index("decision_id")
    assert table["first_interview"].to_dict() == {"D-1": "INT-001", "D-2": "INT-003", "D-3": "INT-004"}
    assert table["interviews_cited"].tolist() == [2, 2, 1]
    assert table["days"].tolist() == [8, 16, 9]
    assert program.median_insight_to_action(synth) == 9.0


# -- costs, value, ROI -------------------------------------------------------------------------------
def test_cost_breakdown(synth):
    table = program.cost_breakdown(synth)
    assert table["category"].tolist() == ["recruiting", "analysis_time", "tool", "incentive", "interviewer_time"]
    assert table["amount"].tolist() == pytest.approx([200, 150, 60, 50, 40])
    assert table["entries"].tolist() == [1, 1, 1, 2, 1]
    assert table["hours"].tolist() == pytest.approx([2, 3, 0, 0, 0.5])
    assert table["share"].tolist() == pytest.approx([0.4, 0.3, 0.12, 0.1, 0.08])


def test_value_and_roi(synth):
    values = program.value_breakdown(synth).set_index("value_kind")
    assert values["decisions"].to_dict() == {"revenue": 1, "cost_saving": 1, "risk_avoided": 1}
    assert values["valued"].to_dict() == {"revenue": 1, "cost_saving": 1, "risk_avoided": 0}
    assert values["estimated_value"].to_dict() == pytest.approx({"revenue": 2000, "cost_saving": 1000,
                                                                 "risk_avoided": 0})
    assert program.roi(synth) == {
        "currency": "EUR", "total_cost": 500.0, "interviews_completed": 5, "cost_per_interview": 100.0,
        "insights": 6, "cost_per_insight": 83.33, "decisions": 3, "decisions_valued": 2,
        "total_value": 3000.0, "net_value": 2500.0, "roi": 5.0,
        # no attribution in decisions.csv: the default 10%-50% of 2000 + 1000 -> 300..1500,
        # ROI (300 - 500) / 500 = -0.4 .. (1500 - 500) / 500 = 2.0
        "value_low": 300.0, "value_high": 1500.0, "roi_low": -0.4, "roi_high": 2.0,
        "attribution_default": [0.1, 0.5], "decisions_with_attribution": 0,
        # both valued decisions have an outcome reading; none cites an interview held after it
        "value_basis": "measured", "decisions_measured": 2, "decisions_left_out": 0, "left_out_ids": [],
    }


def test_attribution_per_decision_makes_roi_a_range(tmp_path):
    assert program.attribution("") == program.DEFAULT_ATTRIBUTION
    assert program.attribution("0.4") == (0.4, 0.4)
    assert program.attribution("25%") == (0.25, 0.25)
    assert program.attribution("0.2-0.6") == (0.2, 0.6)
    assert program.attribution("1.5") is None and program.attribution("much") is None
    root = make_study(tmp_path / "s")
    text = (root / "decisions.csv").read_text()
    text = text.replace("reading_date\n", "reading_date,attribution\n", 1)
    text = text.replace("2026-04-10\n", "2026-04-10,0.5\n").replace("2026-04-01\n", "2026-04-01,0.2-0.4\n")
    (root / "decisions.csv").write_text(text)
    money = program.roi(root)
    # D-1: 2000 x .5 = 1000; D-2: 1000 x .2 .. .4 = 200 .. 400; D-3 has no value
    assert (money["value_low"], money["value_high"]) == (1200.0, 1400.0)
    assert (money["roi_low"], money["roi_high"]) == pytest.approx(((1200 - 500) / 500, (1400 - 500) / 500))
    assert money["decisions_with_attribution"] == 2
    bad = (root / "decisions.csv").read_text().replace(",0.5\n", ",lots\n")
    (root / "decisions.csv").write_text(bad)
    # an unreadable share is a located error (s6), not the default used silently
    errors = kit.load_study(root, strict=False).errors
    assert [(p.line, "attribution 'lots'" in p.message) for p in errors] == [(2, True)]


def test_decisions_citing_later_interviews_are_warnings(pilot_dir):
    # the pilot: D-001 (2026-10-19) cites INT-012 (2026-10-20); D-002 (10-21) cites INT-014
    # (10-22) and INT-017 (10-28); D-003 (10-23) cites INT-018 (10-29): 3 of 5 decisions
    study = kit.load_study(pilot_dir, strict=False)
    later = program.later_evidence(study)
    assert list(zip(later["decision_id"], later["interview_id"])) == [
        ("D-001", "INT-012"), ("D-002", "INT-014"), ("D-002", "INT-017"), ("D-003", "INT-018")]
    assert later["days_after"].tolist() == [1, 1, 7, 6]
    warnings = program.program_warnings(study, AS_OF)
    assert sum("held later" in w for w in warnings) == 4
    assert program.program_summary(study, AS_OF)["decisions_citing_later_interviews"] == 3


def test_roi_without_costs_is_undefined(tmp_path):
    root = make_study(tmp_path / "s")
    (root / "costs.csv").unlink()
    result = program.roi(root)
    assert result["total_cost"] == 0.0 and result["roi"] is None and result["cost_per_interview"] == 0.0
    assert any("costs.csv is missing" in w for w in program.program_warnings(root, AS_OF))


def test_lagging_indicators(synth):
    table = program.lagging_indicators(synth).set_index("decision_id")
    assert list(table.index) == ["D-1", "D-2"]
    assert table["change"].tolist() == pytest.approx([0.05, -20.0])
    assert table["relative_change"].tolist() == pytest.approx([0.25, -0.2])
    assert table["days_after_decision"].tolist() == [31, 12]


def test_program_warnings(synth):
    warnings = program.program_warnings(synth, AS_OF)
    assert "decision D-3 has no estimated_value: it adds nothing to the value total" in warnings
    assert "2 follow-up step(s) not recorded past their window" in warnings
    assert "1 action item(s) open past their due date as of 2026-03-18" in warnings
    assert len(warnings) == 3


def test_decision_before_its_evidence_is_flagged(tmp_path):
    root = make_study(tmp_path / "s")
    text = (root / "decisions.csv").read_text().replace("D-3,2026-03-25", "D-3,2026-03-01")
    (root / "decisions.csv").write_text(text)
    assert program.insight_to_action(root).set_index("decision_id").loc["D-3", "days"] == -15
    assert any("D-3 is dated 2026-03-01, before INT-004" in w for w in program.program_warnings(root, AS_OF))


def test_program_summary(synth):
    summary = program.program_summary(synth, as_of=AS_OF)
    h = -(0.6 * math.log(0.6) + 0.4 * math.log(0.4))
    expected = {
        "title": "Synthetic", "sprint": "2026-S10", "as_of": "2026-03-18", "target_interviews": 8,
        "interviews_completed": 5, "invited": 10, "participants_completed": 5, "pending_invitations": 2,
        "invitations_with_outcome": 8, "participation_rate": 0.625,
        "participation_definition": program.PARTICIPATION_DEFINITION,
        "survey_baseline_response_rate": 0.1, "times_survey_rate": 6.25,
        "diversity": round((h / math.log(3) + h / math.log(2)) / 2, 4),
        "diversity_by_attribute": {"segment": round(h / math.log(3), 4), "region": round(h / math.log(2), 4)},
        "under_represented_segments": ["c"], "currency": "EUR", "total_cost": 500.0,
        "cost_per_interview": 100.0, "insights": 6, "cost_per_insight": 83.33, "decisions": 3,
        "total_value": 3000.0, "net_value": 2500.0, "roi": 5.0, "value_low": 300.0, "value_high": 1500.0,
        "roi_low": -0.4, "roi_high": 2.0, "attribution_default": [0.1, 0.5], "decisions_with_attribution": 0,
        "decisions_citing_later_interviews": 0, "median_days_insight_to_action": 9.0,
        "follow_up_on_time": round(8 / 13, 4), "open_actions": 3, "overdue_actions": 1, "done_actions": 1,
        "decisions_with_readings": 2,
        "value_basis": "measured", "decisions_measured": 2, "decisions_left_out": 0, "left_out_ids": [],
    }
    assert summary == expected
    assert json.loads(json.dumps(summary)) == summary  # plain JSON values, no default= needed
    for key in ("participation_rate", "interviews_completed", "diversity", "total_cost", "total_value", "roi",
                "median_days_insight_to_action", "open_actions", "overdue_actions"):
        assert type(summary[key]) in (int, float), key


def test_summary_depends_on_as_of_only_through_dates(synth):
    early = program.program_summary(synth, as_of="2026-03-05")
    assert early["as_of"] == "2026-03-05" and early["overdue_actions"] == 0
    assert program.program_summary(synth, as_of=date(2026, 3, 5)) == early
    today = program.program_summary(synth)
    assert today["as_of"] == date.today().isoformat()
    with pytest.raises(ValueError, match="as_of 'soon' is not a date"):
        program.program_summary(synth, as_of="soon")


def test_leading_indicators(synth):
    table = program.leading_indicators(synth, AS_OF).set_index("indicator")["value"]
    assert table["participation rate"] == 0.625
    assert table["median days insight to action"] == 9.0
    assert table["overdue action items"] == 1


def test_program_json(synth, tmp_path):
    path = program.program_json(synth, tmp_path / "out", as_of=AS_OF)
    assert path == tmp_path / "out" / "program.json"
    assert json.loads(path.read_text()) == program.program_summary(synth, AS_OF)
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_program_trends(tmp_path):
    later = make_study(tmp_path / "later")
    earlier = make_study(tmp_path / "earlier", sprint="2026-S09")
    write(earlier / "costs.csv", "date,category,description,hours,rate,amount\n2026-03-01,tool,x,,,1000\n")
    table = program.program_trends([later, kit.load_study(earlier)], as_of=AS_OF)
    assert table["sprint"].tolist() == ["2026-S09", "2026-S10"]
    assert table["total_cost"].tolist() == [1000.0, 500.0]
    assert table["roi"].tolist() == pytest.approx([2.0, 5.0])
    assert table["participation_rate"].tolist() == [0.625, 0.625]
    assert table["pending_invitations"].tolist() == [2, 2]


def test_functions_accept_a_path(synth):
    assert program.participation(synth.path) == program.participation(synth)
    pd.testing.assert_frame_equal(program.quota_coverage(synth.path), program.quota_coverage(synth))


def test_empty_ledgers_and_study_without_participants(tmp_path):
    root = tmp_path / "bare"
    write(root / "study.yml", "research_question: q?\n")
    write(root / "interviews" / "INT-001.md", "---\nid: INT-001\ndate: 2026-03-02\n---\n\n## Insights\n- x\n")
    study = kit.load_study(root)
    summary = program.program_summary(study, AS_OF)
    assert summary["interviews_completed"] == 1 and summary["invited"] == 0
    assert summary["participation_rate"] is None and summary["diversity"] is None
    assert summary["roi"] is None and summary["median_days_insight_to_action"] is None
    assert summary["open_actions"] == 0
    assert len(program.recruitment_funnel(study)) == 7
    assert program.channel_performance(study).empty
    assert program.quota_coverage(study).empty
    assert program.cost_breakdown(study).empty and program.value_breakdown(study).empty
    assert program.lagging_indicators(study).empty and program.insight_to_action(study).empty


# -- bad input: located errors from check, never a silent zero ---------------------------------------
def located(root):
    return [(p.path.rsplit("/", 1)[-1], p.line, p.message) for p in check_study(root) if p.is_error]


@pytest.mark.parametrize("name, old, new, file, line, words", [
    # unknown statuses
    ("participants.csv", "P-5,b,north,in-app,declined", "P-5,b,north,in-app,ghosted", "participants.csv", 6,
     "unknown status 'ghosted'"),
    ("interviews/INT-001.md", "| open |", "| pending |", "INT-001.md", 21, "action item status 'pending'"),
    # negative costs
    ("costs.csv", "gift card,,,25\n2026-03-03", "gift card,,,-25\n2026-03-03", "costs.csv", 4, "amount is negative"),
    ("costs.csv", "recruiting,screener,2,,", "recruiting,screener,-2,,", "costs.csv", 2, "hours is negative"),
    ("costs.csv", "INT-001,0.5,80,", "INT-001,0.5,-80,", "costs.csv", 3, "rate is negative"),
    ("decisions.csv", "Ship B,INT-005#i1; INT-003,1000", "Ship B,INT-005#i1; INT-003,-1000", "decisions.csv", 3,
     "estimated_value is negative"),
    # decisions citing interviews that do not exist
    ("decisions.csv", "INT-001; INT-002#q1", "INT-001; INT-404", "decisions.csv", 2, "evidence 'INT-404'"),
    ("decisions.csv", "INT-001; INT-002#q1", "INT-001; INT-404#q1", "decisions.csv", 2, "evidence 'INT-404#q1'"),
    ("decisions.csv", "INT-001; INT-002#q1", "INT-001; INT-002#q9", "decisions.csv", 2, "evidence 'INT-002#q9'"),
    # dates that do not parse
    ("participants.csv", "P-4,b,south,in-app,completed,2026-02-21", "P-4,b,south,in-app,completed,21/02/2026",
     "participants.csv", 5, "invited_on '21/02/2026' is not a date"),
    ("costs.csv", "2026-03-05,tool", "March 5,tool", "costs.csv", 6, "date 'March 5' is not a date"),
    ("decisions.csv", "D-1,2026-03-10", "D-1,next week", "decisions.csv", 2, "date 'next week' is not a date"),
    ("decisions.csv", "0.25,2026-04-10", "0.25,2026-04-31", "decisions.csv", 2, "reading_date '2026-04-31'"),
    ("interviews/INT-002.md", "thank_you_sent: 2026-03-05", "thank_you_sent: soon", "INT-002.md", 6,
     "'thank_you_sent' is 'soon', not a date"),
    ("interviews/INT-001.md", "| 2026-03-10 |", "| 10 March |", "INT-001.md", 21, "due date '10 March'"),
    # numbers that are not numbers
    ("costs.csv", "transcription,,,60", "transcription,,,sixty", "costs.csv", 6, "amount 'sixty' is not a number"),
    ("decisions.csv", "Ship B,INT-005#i1; INT-003,1000", "Ship B,INT-005#i1; INT-003,1k", "decisions.csv", 3,
     "estimated_value '1k' is not a number"),
])
def test_bad_input_is_a_located_error(tmp_path, name, old, new, file, line, words):
    root = make_study(tmp_path / "s")
    path = root / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    errors = located(root)
    assert any(f == file and ln == line and words in msg for f, ln, msg in errors), errors
    # the program never computes silently from a study known to be wrong
    with pytest.raises(StudyError):
        program.program_summary(root, AS_OF)


def test_pilot_program_numbers(pilot_dir):
    study = kit.load_study(pilot_dir)
    summary = program.program_summary(study, as_of="2026-11-23")
    assert summary["interviews_completed"] == len(study.interviews) == summary["participants_completed"]
    assert TARGET_RANGE_OK(summary["target_interviews"])
    # 27 listed: 18 completed, 2 declined, 2 no-show; 3 awaiting a reply and 2 scheduled are pending
    assert summary["pending_invitations"] == 5 and summary["invitations_with_outcome"] == 22
    assert summary["participation_rate"] == pytest.approx(18 / 22, abs=1e-4)
    assert summary["total_cost"] == pytest.approx(float(study.costs["amount"].sum()))
    # a decision citing an interview held after it is left out of the value (kit.roi.value_basis)
    basis = program_roi.value_basis(study)
    assert summary["left_out_ids"] == list(basis.loc[~basis["counted"], "decision_id"])
    assert summary["total_value"] == pytest.approx(float(basis.loc[basis["counted"], "estimated_value"].sum()))
    assert summary["roi"] == pytest.approx((summary["total_value"] - summary["total_cost"]) / summary["total_cost"],
                                           abs=1e-4)
    assert 0 < summary["diversity"] <= 1
    assert program.plan_warnings(study) == []


def TARGET_RANGE_OK(n):
    return program.TARGET_RANGE[0] <= n <= program.TARGET_RANGE[1]


def test_figures(synth, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from kit import plots, program_plots

    figures = {
        "coverage": program_plots.quota_coverage_chart(program.quota_coverage(synth)),
        "funnel": program_plots.funnel_chart(program.recruitment_funnel(synth)),
        "cadence": program_plots.cadence_chart(program.weekly_cadence(synth), program.cadence_days(synth)),
        "roi": program_plots.roi_chart(program.cost_breakdown(synth), program.value_breakdown(synth), "EUR", 5.0),
        "actions": program_plots.action_status_chart(program.actions_by_owner(synth, AS_OF), AS_OF),
    }
    for name, fig in figures.items():
        axes = [ax for ax in fig.axes if ax.get_visible()]
        assert axes and (fig.get_suptitle() or all(ax.get_title() for ax in axes)), name
        assert all(ax.get_xlabel() and ax.get_ylabel() for ax in axes), name
        width, height = fig.get_size_inches()
        assert width >= 6 and height >= 2.5, name
        plots.save(fig, tmp_path / f"{name}.png")
        assert (tmp_path / f"{name}.png").stat().st_size > 5000
    empty = program_plots.funnel_chart(program.recruitment_funnel(synth).iloc[0:0])
    assert empty.axes[0].get_title() == "Recruitment funnel"


def test_pilot_copy_is_untouched(pilot_dir, tmp_path):
    from conftest import tree_snapshot

    copy = tmp_path / "pilot"
    shutil.copytree(pilot_dir, copy)
    before = tree_snapshot(copy)
    program.program_json(copy, tmp_path / "out", as_of="2026-11-23")
    assert tree_snapshot(copy) == before


@pytest.mark.slow
def test_notebooks_write_the_program_tables_and_json(pilot_dir, tmp_path):
    import papermill as pm

    from conftest import REPO
    from kit.pipeline import own_kernel

    out = tmp_path / "out"
    earlier = make_study(tmp_path / "earlier", sprint="2026-S09")
    with own_kernel() as kernel:
        for name, extra in (("02-pilot-plan", {}),
                            ("07-program-roi", {"as_of": "2026-11-01", "earlier_studies": [str(earlier)]})):
            pm.execute_notebook(str(REPO / "notebooks" / f"{name}.ipynb"), str(tmp_path / f"{name}.ipynb"),
                                kernel_name=kernel, progress_bar=False, cwd=str(REPO / "notebooks"),
                                parameters={"study_dir": str(pilot_dir), "out_dir": str(out), **extra})
    study = kit.load_study(pilot_dir)
    summary = json.loads((out / "program.json").read_text())
    assert summary == program.program_summary(study, as_of="2026-11-01")
    coverage = pd.read_csv(out / "tables" / "quota_coverage.csv")
    assert coverage["completed"].sum() == summary["participants_completed"]
    funnel = pd.read_csv(out / "tables" / "recruitment_funnel.csv").set_index("stage")
    assert funnel.loc["invited", "participants"] == summary["invited"]
    costs = pd.read_csv(out / "tables" / "costs_by_category.csv")
    assert costs["amount"].sum() == pytest.approx(summary["total_cost"])
    trends = pd.read_csv(out / "tables" / "program_trends.csv", dtype={"sprint": str})
    assert trends["sprint"].tolist() == ["2026-S09", study.sprint]
    for figure in ("quota_coverage", "recruitment_funnel", "weekly_cadence", "roi", "action_items"):
        assert (out / "figures" / f"{figure}.png").stat().st_size > 5000
