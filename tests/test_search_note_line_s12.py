"""`search`'s note that a query word is also a participant's name is on a line of its own, not
after a literal backslash-n (session 12, newcomer F14), with matches and without."""
from __future__ import annotations

import shutil

import pytest

from test_newcomer_housing_privacy_names import TENANTS


@pytest.mark.slow  # builds an index
def test_name_note_on_its_own_line(tmp_path):
    from kit.cli.discovery import search_command

    repo = tmp_path / "repo"
    shutil.copytree(TENANTS, repo / "tenants-s1")
    for query in ("summer damp", "summer zzzznothing"):
        text, code = search_command(repo, query)
        assert code == 0
        assert "\\n" not in text
        assert any(line.startswith("note: 'summer' is also a name people have") for line in text.splitlines())
