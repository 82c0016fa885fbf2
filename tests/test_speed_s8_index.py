"""The index's eighth speed pass (issue 20, item 4): rows zipped from columns in C, each
distinct text scored and redacted once, and the codes of a segment joined from the sorted
code list must write the same rows as the row-by-row way they replace."""
from __future__ import annotations

import math
import shutil
import sqlite3

import pytest

from kit.discovery import repository as repo_mod
from kit.discovery.index import index_path, update_index
from kit.paths import pilot_path
from kit.privacy import redact_both, roster
from kit.sentiment import as_published, compound
from conftest import write


class _Label(str):
    """A ``str`` subclass, as a cell of an object column may be."""


def test_text_column_is_texts_of_every_kind_of_cell():
    import pandas as pd

    frame = pd.DataFrame({"a": pd.Series(["x", None, math.nan, "y", 3], dtype=object),
                          "b": ["p", "q", "r", "s", "t"],
                          "c": pd.Series([_Label("z"), "w", "v", "u", "s"], dtype=object)})
    for name in frame.columns:
        got = repo_mod._text_column(frame, name)
        assert got == repo_mod._texts(frame[name].tolist())
        assert all(type(v) is str for v in got)
    assert repo_mod._text_column(frame, "a") == ["x", "", "", "y", "3"]


def _study_with_odd_codings(root):
    """The pilot with a manual coding of a segment the study does not have and one coded
    twice by two coders."""
    folder = root / "odd"
    shutil.copytree(pilot_path(), folder)
    write(folder / "codings" / "zed.csv",
          "segment,code,coder\nINT-999#q1,late-payment,zed\nINT-001#q1,late-payment,zed\nINT-001#q1,late-payment,zed\n")
    return folder


def _expected_docs(study):
    """The docs rows as the row-by-row code of the seventh pass built them."""
    rows = repo_mod._study_rows(study)
    seg, codes = rows["columns"], rows["codes"]
    on_roster = roster(study)
    codes_of: dict = {}
    for s, c, _, _ in codes:
        codes_of.setdefault(s, []).append(c)
    joined = {s: " ".join(sorted(c)) for s, c in codes_of.items()}
    # scored as published (session 13: a roster name that is a word, or an acronym VADER knows only as
    # slang, "PO", moves no score), as analyze scores them
    scores = [None if x is None or x != x else float(x) for x in compound(as_published(list(seg["text"]), on_roster))]
    out = []
    for n, (sid, iid, kind, who, day, segment, consent, context, text, score) in enumerate(zip(
            seg["segment_id"], seg["interview_id"], seg["kind"], seg["participant"], seg["date"], seg["segment"],
            seg["consent_quote"], seg["context"], seg["text"], scores), start=1):
        c, t = redact_both(context, on_roster), redact_both(text, on_roster)
        out.append((n, study.path.name, sid, iid, kind, who, day, segment, joined.get(sid, ""), score,
                    int(bool(consent)), c[0], t[0], c[1], t[1]))
    rowid_of = {r[2]: r[0] for r in out}
    doc_codes = [(rowid_of[s], c, src, int(k)) for s, c, src, k in codes if s in rowid_of]
    return out, doc_codes


def test_docs_and_doc_codes_are_the_rows_built_one_by_one(tmp_path):
    from kit.study import load_study

    folder = _study_with_odd_codings(tmp_path)
    update_index(tmp_path)
    study = load_study(folder, strict=False)
    docs, doc_codes = _expected_docs(study)
    con = sqlite3.connect(index_path(tmp_path))
    try:
        got = con.execute("SELECT rowid, study, id, interview_id, kind, participant, date, segment, codes, compound, "
                          "consent_quote, context, text, named_context, named_text FROM docs ORDER BY rowid").fetchall()
        got_codes = con.execute("SELECT doc, code, source, counted FROM doc_codes ORDER BY rowid").fetchall()
        types = con.execute("SELECT DISTINCT typeof(consent_quote), typeof(counted) FROM docs, doc_codes "
                            "WHERE doc_codes.doc = docs.rowid").fetchall()
    finally:
        con.close()
    assert got == docs
    assert got_codes == doc_codes and len(doc_codes) > 20
    assert types == [("integer", "integer")]
    assert any(r[8] and " " in r[8] for r in got)  # some segment has several codes, joined in order


def test_an_incremental_update_writes_the_same_rows(tmp_path):
    """A study re-indexed alone (full-text rows inserted with the rows) gives the rows of a
    full build."""
    folder = _study_with_odd_codings(tmp_path)
    update_index(tmp_path)
    con = sqlite3.connect(index_path(tmp_path))
    full = con.execute("SELECT * FROM docs ORDER BY rowid").fetchall()
    full_codes = con.execute("SELECT * FROM doc_codes ORDER BY rowid").fetchall()
    con.close()
    note = folder / "interviews" / "INT-001.md"
    write(note, note.read_text(encoding="utf-8") + "\n")  # new content, same rows
    report = update_index(tmp_path)
    assert report.indexed == ["odd"] and not report.rebuilt
    con = sqlite3.connect(index_path(tmp_path))
    try:
        again = con.execute("SELECT * FROM docs ORDER BY rowid").fetchall()
        again_codes = con.execute("SELECT doc, code, source, counted FROM doc_codes ORDER BY rowid").fetchall()
        hits = con.execute("SELECT count(*) FROM docs_fts WHERE docs_fts MATCH 'invoice'").fetchone()[0]
    finally:
        con.close()
    assert again == full  # the only study's rows were deleted first: the same rowids again
    assert again_codes == [tuple(r) for r in full_codes]
    assert hits > 0


def test_a_coding_of_a_segment_the_study_lacks_is_left_out(tmp_path):
    """A (segment, code) whose segment has no row (loading already leaves such manual
    codings out; the index does not rely on it) writes no doc_codes row."""
    from kit.discovery import index as kit_index
    from kit.study import load_study

    study = load_study(pilot_path(), strict=False)
    parts = repo_mod._study_parts(study)
    parts["codes"] = sorted(parts["codes"] + [("INT-000#q9", "late-payment", "manual", True)])
    con = kit_index._open_temp(str(tmp_path / "i.sqlite"))
    try:
        kit_index._create_schema(con, indexes=False)
        kit_index._insert_study(con, study, {}, False)
        got = con.execute("SELECT doc, code, source, counted FROM doc_codes ORDER BY rowid").fetchall()
    finally:
        con.close()
    assert got == _expected_docs(study)[1] and len(got) == len(parts["codes"]) - 1


# -- notes: the plain body's loop and the front matter's plain values -------------------------

_MARKED = ["## Insights", "### Sub", "#tag", "  ## Key Quotes", "\t# Opportunities", "**Key Quotes:**", "__Insights__",
           "*not a heading*", "_x_", "- item", '- "Quote" (1:02)', "", "text", "# Notes", "## Unknown thing",
           "\u00a0## Insights", "#", "##", "**"]


def _note_variants():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    paths = [p for folder in ("tests", "templates", "kit/data") for p in (root / folder).rglob("*.md")]
    rng = __import__("random").Random(8)
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        yield path, text
        lines = text.split("\n")
        for _ in range(3):
            changed = list(lines)
            for _ in range(4):
                changed.insert(rng.randrange(len(changed) + 1), rng.choice(_MARKED))
            yield path, "\n".join(changed)


@pytest.mark.slow  # parses every note variant twice: over 2 s (tests/README.md)
def test_plain_body_loop_reads_notes_as_the_line_by_line_loop(monkeypatch):
    from kit import notes

    cases = list(_note_variants())
    fast = [repr(notes.parse_note_text(text, str(path))) for path, text in cases]
    plain_seen = []
    original = notes._plain
    monkeypatch.setattr(notes, "_plain", lambda marks: plain_seen.append(original(marks)) or False)
    slow = [repr(notes.parse_note_text(text, str(path))) for path, text in cases]
    assert fast == slow
    assert sum(plain_seen) > 100 and not all(plain_seen)  # both kinds of body were read


def test_plain_values_are_what_the_resolver_gives():
    from kit import yamlio

    values = ["INT-001", "Maya Chen", "P-00001", "2026-03-02", "5", "4:30", "1e3", ".5", "-3", "+7", "0x1F", "0o17",
              "true", "True", "TRUE", "false", "yes", "no", "on", "off", "y", "n", "null", "Null", "~", "nope", "Nan",
              ".nan", ".inf", "-.inf", "tomorrow", "Friday", "~x", "_id", "x", "Ünïcode", "2026-3-2", "12:30"]
    for value in values:
        assert repr(yamlio._plain_value(value)) == repr(yamlio._plain_scalar(value)), value  # nan too
        assert type(yamlio._plain_value(value)) is type(yamlio._plain_scalar(value)), value
