"""The index hides participants' identifiers (an identifier column of participants.csv, such as
a membership number) as ``[id]`` in every stored field, announced or not, in any language, and a
search for one finds nothing (session 12, newcomer F7: the index kept `CM-448812` raw where no
English word announced it, and `search 448812` confirmed where it was said)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kit.cli import main

STUDY = Path(__file__).parent / "data" / "newcomer-bike" / "study-ok"


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    root = tmp_path_factory.mktemp("ids") / "repo"
    shutil.copytree(STUDY, root / "2026-W48")
    path = root / "2026-W48" / "transcripts" / "INT-001.txt"
    path.write_text(path.read_text(encoding="utf-8") + "Ana: The card on my keyring says CM-448812 too.\n",
                    encoding="utf-8")
    assert main(["index", str(root)]) == 0
    return root


def test_no_identifier_stored_raw(repo):
    con = sqlite3.connect(repo / ".interview-kit" / "index.sqlite")
    try:
        rows = con.execute("SELECT text, context FROM docs").fetchall()
    finally:
        con.close()
    stored = " ".join(str(v) for row in rows for v in row)
    assert "448812" not in stored
    assert "[id]" in stored


def test_search_for_an_identifier_finds_nothing(repo, capsys):
    capsys.readouterr()
    main(["search", str(repo), "448812"])
    out = capsys.readouterr().out
    assert "448812" not in out.replace("'448812'", "")  # the query itself is echoed as typed
    assert "no matches" in out
