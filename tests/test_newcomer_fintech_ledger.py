"""6. Every problem of a ledger line is reported at once: fixing the date must not reveal that
the amount was wrong too."""
import shutil
from pathlib import Path

import pytest

from kit.study import load_study

STUDY = Path(__file__).parent / "data" / "newcomer-fintech" / "study"
COSTS = """date,category,description,hours,rate,amount
2026-11-03,interviewer_time,INT-003,0.5,45,
2026-13-01,incentive,voucher,,,1e300
2026-11-05,snacks,biscuits,,,-4
2026-02-30,other,interpreter,1,1e-9,
"""
DECISIONS = """id,date,decision,evidence,estimated_value,value_kind,outcome_metric,outcome_baseline,outcome_reading,reading_date,attribution
D-001,2026-11-31,Prototype SMS reminders,INT-004,5000,revenue,days sales outstanding,,30,2026-11-01,
D-002,2026-11-20,Tabs with a limit,INT-004,abc,income,,,,,
"""


@pytest.fixture
def problems(tmp_path):
    path = Path(shutil.copytree(STUDY, tmp_path / "study"))
    (path / "costs.csv").write_text(COSTS, encoding="utf-8")
    (path / "decisions.csv").write_text(DECISIONS, encoding="utf-8")
    study = load_study(path, strict=False)
    by_line = {}
    for p in study.problems:
        if Path(p.path).name in ("costs.csv", "decisions.csv"):
            by_line.setdefault((Path(p.path).name, p.line), []).append(p.message)
    return study, by_line


def test_a_cost_line_reports_its_date_and_its_amount(problems):
    study, by_line = problems
    messages = by_line[("costs.csv", 3)]
    assert any(m.startswith("date '2026-13-01'") for m in messages)
    assert any(m.startswith("amount 1e300 is absurdly large") for m in messages)
    assert len(study.costs) == 1  # only the good line is counted


def test_a_cost_line_reports_its_category_and_its_amount(problems):
    _, by_line = problems
    messages = by_line[("costs.csv", 4)]
    assert any("unknown cost category 'snacks'" in m for m in messages)
    assert any(m.startswith("amount is negative") for m in messages)
    messages = by_line[("costs.csv", 5)]
    assert any(m.startswith("date '2026-02-30'") for m in messages)
    assert any(m.startswith("rate 1e-9 is absurdly small") for m in messages)


def test_a_decision_line_reports_everything(problems):
    study, by_line = problems
    first = by_line[("decisions.csv", 2)]
    assert any(m.startswith("date '2026-11-31'") for m in first)
    assert any(m.startswith("outcome_reading without an outcome_baseline") for m in first)
    second = by_line[("decisions.csv", 3)]
    assert any(m.startswith("estimated_value 'abc'") for m in second)
    assert any(m.startswith("unknown value_kind 'income'") for m in second)
    assert len(study.decisions) == 0
