"""A full build of the index fills ``named_fts`` by copying ``docs_fts`` where the two index
the same texts and puts right the rows whose ``named_text`` differs: the result must be
what FTS5's own rebuild of ``named_fts`` gives (every term, position, size, total and
ranking), on a study whose texts name people and on one where none do."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from kit.discovery import index as kit_index
from kit.discovery.index import index_path, update_index
from kit.paths import pilot_path
from conftest import write

QUERIES = ["okafor", "money", "late", "invoice", "dana", "kowalski OR reminder", "paid"]


def _contents(con, table: str) -> dict:
    con.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_v USING fts5vocab(main, {table}, instance)")
    return {
        "vocab": con.execute(f"SELECT term, doc, col, offset FROM temp.{table}_v").fetchall(),
        "docsize": con.execute(f"SELECT id, sz FROM {table}_docsize ORDER BY id").fetchall(),
        # bm25 reads the totals (rows, tokens) the index keeps beside its terms
        "ranks": [con.execute(f"SELECT rowid, round(bm25({table}), 9) FROM {table} WHERE {table} MATCH ? "
                              "ORDER BY rowid", (q,)).fetchall() for q in QUERIES],
    }


def _named_study(root):
    """The pilot with people named in a key quote and an insight (kept in ``named_text``,
    replaced in ``text``)."""
    folder = root / "named"
    shutil.copytree(pilot_path(), folder)
    note = folder / "interviews" / "INT-001.md"
    text = note.read_text(encoding="utf-8")
    text = text.replace('- "The money landed', '- "Dana Okafor said Beata Kowalski knew. The money landed', 1)
    text = text.replace("## Insights\n", "## Insights\n\n- Dana Okafor chases every invoice herself.\n", 1)
    write(note, text)
    return folder


@pytest.mark.parametrize("named", [True, False])
def test_named_fts_is_what_a_rebuild_gives(tmp_path, named):
    repo = tmp_path / "repo"
    repo.mkdir()
    if named:
        _named_study(repo)
    shutil.copytree(pilot_path(), repo / "pilot")
    report = update_index(repo)
    assert report.rebuilt
    built = index_path(repo)
    con = sqlite3.connect(built)
    try:
        differ = con.execute("SELECT count(*) FROM docs WHERE named_text IS NOT text").fetchone()[0]
        assert (differ >= 2) is named  # the quote and the insight keep their names
        for table in ("docs_fts", "named_fts"):
            con.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")  # raises if wrong
        got = _contents(con, "named_fts")
    finally:
        con.close()
    # the reference: FTS5 rebuilds named_fts from docs itself
    reference = tmp_path / "reference.sqlite"
    shutil.copyfile(built, reference)
    con = sqlite3.connect(reference)
    try:
        con.execute("INSERT INTO named_fts(named_fts) VALUES ('rebuild')")
        con.commit()
        expected = _contents(con, "named_fts")
    finally:
        con.close()
    assert got == expected
    assert any(expected["ranks"])  # the queries find something
    if named:
        assert expected["ranks"][0]  # a kept name is searchable in named_fts


def test_too_many_differing_rows_are_rebuilt_not_copied(tmp_path, monkeypatch):
    """Above COPY_NAMED_SHARE the copy is not made (FTS5 rebuilds named_fts); the index is
    the same either way."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _named_study(repo)
    update_index(repo)
    copied = sqlite3.connect(index_path(repo))
    try:
        first = _contents(copied, "named_fts")
    finally:
        copied.close()
    calls = []
    original = kit_index._copy_named_fts
    monkeypatch.setattr(kit_index, "COPY_NAMED_SHARE", -1.0)
    monkeypatch.setattr(kit_index, "_copy_named_fts", lambda con: calls.append(1) or original(con))
    index_path(repo).unlink()
    update_index(repo)
    assert calls
    con = sqlite3.connect(index_path(repo))
    try:
        assert con.execute("SELECT count(*) FROM named_fts_docsize").fetchone()[0] > 0
        assert _contents(con, "named_fts") == first
    finally:
        con.close()
