"""Newcomer round 5: the lead time from interview to decision leaves out the decisions the
ROI leaves out (dated before the interviews they cite), so no negative day count is shown."""
from __future__ import annotations

from kit.roi import insight_to_action, median_insight_to_action, program_warnings, roi
from tests.conftest import write

HEADER = "id,date,decision,evidence,estimated_value,value_kind\n"


def test_a_decision_dated_before_its_interviews_is_left_out_of_the_lead_time(study_dir):
    write(study_dir / "decisions.csv", HEADER + "D-001,2025-03-20,Text tenants the window,INT-001,5000,time_saved\n")
    assert int(insight_to_action(study_dir)["days"].iloc[0]) < 0  # the row itself is kept, and warned about
    assert any("D-001" in w and "before INT-001" in w for w in program_warnings(study_dir))
    assert roi(study_dir)["left_out_ids"] == ["D-001"]
    assert median_insight_to_action(study_dir) is None


def test_the_lead_time_is_the_median_over_the_decisions_the_roi_counts(study_dir):
    write(study_dir / "decisions.csv", HEADER
          + "D-001,2025-03-20,Too early,INT-001,5000,time_saved\n"
          + "D-002,2026-01-15,Later,INT-001,100,time_saved\n"
          + "D-003,2026-01-26,Later still,INT-002; INT-001,100,time_saved\n"
          + "D-004,2026-01-05,Cites a later one too,INT-001; INT-002,100,time_saved\n")
    # D-002: 10 days, D-003: 21 days (earliest cited, INT-001); D-004 cites INT-002 held after it
    assert median_insight_to_action(study_dir) == 15.5
