"""Session 5 attacker's inputs: a huge --limit, a decomposed or full-width search query, and a
time budget that was redacted as a phone number."""
import json
import subprocess
import sys

import pytest

from kit.discovery.search import fts_query


def _kit(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kit", *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.mark.slow  # a fresh interpreter running `search`: over 1 s (tests/README.md)
def test_a_huge_limit_is_a_usage_error_not_an_internal_one(tmp_path):
    done = _kit("search", tmp_path, "late", "--limit", "99999999999999999999")
    assert done.returncode == 2 and "must be at most 1,000,000,000" in done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


def test_a_query_is_read_whatever_its_unicode_form():
    assert fts_query("nai\u0308ve") == fts_query("na\u00efve")
    assert fts_query("pay\u200bment") == fts_query("payment")
    assert fts_query("\uff50\uff41\uff59\uff4d\uff45\uff4e\uff54") == fts_query("payment")


@pytest.mark.slow  # lints 4,002 questions twice
def test_a_long_guides_time_budget_is_not_taken_for_a_phone_number(tmp_path):
    guide = tmp_path / "probes.txt"
    guide.write_text("What happened next?\n" * 4002, encoding="utf-8")
    done = _kit("lint-guide", guide, "--json")
    assert "[phone]" not in done.stdout + done.stderr
    text = _kit("lint-guide", guide)
    assert "[phone]" not in text.stdout + text.stderr
    # linted up to 200 questions since session 15 (attacker A8): the rest is one located problem
    assert "probes.txt:201: questions 201-4,002 (lines 201-4,002) were not linted" in text.stdout + text.stderr
    json.loads(done.stdout)


def test_a_sprint_report_of_a_study_without_sprint_labels_keeps_its_rows():
    # run --sprint S1 on a study.yml without `sprint:` failed in notebook 08 (a missing label)
    from types import SimpleNamespace

    import pandas as pd

    from kit.report.leadership import LeadershipSections

    frame = pd.DataFrame({"sprint": pd.array([None, "S2", "S0"], dtype="str"), "n": [1, 2, 3]})
    kept, later = LeadershipSections._up_to_this_sprint(SimpleNamespace(sprint="S1"), frame)
    assert kept["n"].tolist() == [1, 3] and later == ["S2"]
    frame["order"] = [1, 3, 0]
    kept, later = LeadershipSections._up_to_this_sprint(SimpleNamespace(sprint="S1"), frame)
    assert later == ["S2"] and 1 in kept["n"].tolist()
