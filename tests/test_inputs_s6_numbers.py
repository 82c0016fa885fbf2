"""Every numeric input of a study is checked for non-finite results and absurd magnitudes
(an attacker's costs.csv with hours 1e300 and rate 1e300 passed `check` and broke `run`),
and an unreadable ROI attribution is a located error, not a silent default share."""
from __future__ import annotations

import math
import warnings

import pytest

import kit
from kit.check import check_study
from kit.cli import main
from kit.errors import StudyError
from kit.roi import attributed_values, roi
from conftest import write

COST_HEADER = "date,category,description,hours,rate,amount\n"
DECISION_HEADER = ("id,date,decision,evidence,estimated_value,value_kind,outcome_metric,outcome_baseline,"
                   "outcome_reading,reading_date,attribution\n")


def _errors(root, name):
    return [p for p in check_study(root) if p.is_error and p.path.endswith(name)]


COSTS = {
    "product overflows": ("2026-01-12,interviewer_time,x,1e300,1e300,", "hours"),
    "rate too large": ("2026-01-12,interviewer_time,x,2,1e13,", "rate"),
    "amount too large": ("2026-01-12,incentive,x,,,1e200", "amount"),
    "hours too large": ("2026-01-12,interviewer_time,x,1e9,,", "hours"),
    "product above the limit": ("2026-01-12,interviewer_time,x,9000,1e9,", "hours x rate"),
    "amount tiny": ("2026-01-12,incentive,x,,,1e-300", "absurdly small"),
    "rate tiny": ("2026-01-12,interviewer_time,x,2,1e-9,", "absurdly small"),
}


@pytest.mark.parametrize("name", list(COSTS))
def test_absurd_costs_are_located_errors(study_dir, name):
    row, words = COSTS[name]
    (study_dir / "costs.csv").write_text(COST_HEADER + "2026-01-05,incentive,ok,,,25\n" + row + "\n",
                                         encoding="utf-8")
    errors = _errors(study_dir, "costs.csv")
    assert errors and {p.line for p in errors} == {3}
    assert any(words in p.message for p in errors)
    with pytest.raises(StudyError):  # so `run` stops before any notebook, as `check` says
        kit.load_study(study_dir, strict=True)
    study = kit.load_study(study_dir, strict=False)
    assert study.costs["amount"].tolist() == [25.0]
    assert roi(study)["total_cost"] == 25.0


def test_an_infinite_hourly_rate_in_study_yml_is_an_error(study_dir):
    text = (study_dir / "study.yml").read_text(encoding="utf-8").replace("hourly_rate: 50", "hourly_rate: .inf")
    (study_dir / "study.yml").write_text(text, encoding="utf-8")
    problems = [p for p in check_study(study_dir) if p.is_error]
    assert any(p.path.endswith("study.yml") and "hourly_rate" in p.message and p.line > 1 for p in problems)
    study = kit.load_study(study_dir, strict=False)
    assert all(math.isfinite(a) for a in study.costs["amount"])


DECISIONS = {
    "value 1e308": ("D-9,2026-01-20,b,INT-001,1e308,revenue,m,,,,", "estimated_value"),
    "baseline 1e300": ("D-9,2026-01-20,b,INT-001,10,revenue,m,1e300,1,2026-02-01,", "outcome_baseline"),
    "reading -1e300": ("D-9,2026-01-20,b,INT-001,10,revenue,m,1,-1e300,2026-02-01,", "outcome_reading"),
    "baseline subnormal": ("D-9,2026-01-20,b,INT-001,10,revenue,m,1e-320,5,2026-02-01,", "relative change"),
    "attribution 150%": ("D-9,2026-01-20,b,INT-001,1000,revenue,m,,,,150%", "attribution '150%'"),
    "attribution reversed": ("D-9,2026-01-20,b,INT-001,1000,revenue,m,,,,0.9-0.1", "attribution '0.9-0.1'"),
    "attribution negative": ("D-9,2026-01-20,b,INT-001,1000,revenue,m,,,,-0.5", "attribution '-0.5'"),
    "attribution a word": ("D-9,2026-01-20,b,INT-001,1000,revenue,m,,,,banana", "attribution 'banana'"),
    "attribution nan": ("D-9,2026-01-20,b,INT-001,1000,revenue,m,,,,nan", "attribution 'nan'"),
}


@pytest.mark.parametrize("name", list(DECISIONS))
def test_bad_decision_numbers_are_located_errors(study_dir, name):
    row, words = DECISIONS[name]
    (study_dir / "decisions.csv").write_text(
        DECISION_HEADER + "D-1,2026-01-20,a,INT-001,1000,revenue,m,,,,0.4\n" + row + "\n", encoding="utf-8")
    errors = _errors(study_dir, "decisions.csv")
    assert [p.line for p in errors] == [3] and words in errors[0].message
    study = kit.load_study(study_dir, strict=False)
    shares = attributed_values(study)
    assert shares["decision_id"].tolist() == ["D-1"]  # the bad decision is not silently valued at a default
    assert shares["attribution_source"].tolist() == ["decisions.csv"]
    assert roi(study)["value_high"] == 400.0


def test_good_attributions_still_read(study_dir):
    (study_dir / "decisions.csv").write_text(
        DECISION_HEADER + "D-1,2026-01-20,a,INT-001,1000,revenue,m,,,,40%\n"
        "D-2,2026-01-20,b,INT-001,1000,revenue,m,,,,0.2-0.5\nD-3,2026-01-20,c,INT-001,1000,revenue,m,,,,\n",
        encoding="utf-8")
    assert not _errors(study_dir, "decisions.csv")
    shares = attributed_values(kit.load_study(study_dir))
    assert shares["attribution_low"].tolist() == [0.4, 0.2, 0.1]
    assert shares["attribution_source"].tolist() == ["decisions.csv", "decisions.csv", "default"]


@pytest.mark.parametrize("duration", ["1e300", "100000"])
def test_an_absurd_duration_is_an_error(study_dir, duration):
    path = study_dir / "interviews" / "INT-002.md"
    path.write_text(path.read_text(encoding="utf-8").replace("duration: 4", f"duration: {duration}"),
                    encoding="utf-8")
    errors = [p for p in check_study(study_dir) if p.is_error]
    assert [(p.path.endswith("INT-002.md"), "duration" in p.message) for p in errors] == [(True, True)]


def test_analyze_refuses_big_costs_without_numpy_warnings(study_dir, tmp_path, capsys):
    (study_dir / "costs.csv").write_text(COST_HEADER + "2026-01-12,interviewer_time,x,1e300,1e300,\n",
                                         encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a numpy RuntimeWarning would fail the command
        code = main(["analyze", str(study_dir), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "costs.csv:2:" in err and "Warning" not in err and "Traceback" not in err


def test_large_but_real_figures_are_not_refused(study_dir):
    write(study_dir / "costs.csv", COST_HEADER + "2026-01-05,interviewer_time,a,9000,1000,\n"
          "2026-01-05,tool,b,,,999999999999\n")
    assert not _errors(study_dir, "costs.csv")
    assert roi(kit.load_study(study_dir))["total_cost"] == 9000 * 1000 + 999999999999


@pytest.mark.parametrize("old,new,key", [
    ("quotas: {small: 1, large: 1}", "quotas: {small: " + "9" * 400 + ", large: 1}", "quota for 'small'"),
    ("cadence_days: 7", "cadence_days: 7\ntarget_interviews: " + "9" * 400, "target_interviews"),
    ("cadence_days: 7", "cadence_days: .inf", "cadence_days"),
])
def test_huge_whole_numbers_in_study_yml_are_errors_not_an_overflow(study_dir, tmp_path, old, new, key):
    path = study_dir / "study.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    errors = [p for p in check_study(study_dir) if p.is_error]
    assert [(p.path.endswith("study.yml"), key in p.message, p.line > 1) for p in errors] == [(True, True, True)]
    assert len(errors[0].message) < 200  # the 400 digits are not echoed
