"""Session 5 attacker's inputs: a huge --limit, a decomposed or full-width search query, and a
time budget that was redacted as a phone number."""
import json
import subprocess
import sys

import pytest

from kit.discovery.search import fts_query


def _kit(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kit", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_a_huge_limit_is_a_usage_error_not_an_internal_one(tmp_path):
    done = _kit("search", tmp_path, "late", "--limit", "99999999999999999999")
    assert done.returncode == 2 and "must be from 1 to 1,000,000,000" in done.stderr
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
    assert "[phone]" not in text.stdout + text.stderr and "1000.5 to 2001" in text.stdout
    json.loads(done.stdout)
