"""``recruit --apply`` appends rows in the sheet's own line ends: those between rows, not those
inside a quoted cell. A sheet saved with CR line ends (classic Mac, some exports) holding a
note of two lines ("two\\nlines") got its new rows ended with "\\n"."""
from __future__ import annotations

import pytest

import kit
from conftest import write
from kit.recruit import recruit

TODAY = "2026-12-01"


@pytest.fixture
def study(tmp_path):
    root = tmp_path / "study"
    write(root / "study.yml", "research_question: Who pays late?\nsegments:\n  attribute: segment\n"
                              "  quotas: {a: 3, b: 1}\n")
    pool = write(tmp_path / "pool.csv", "email,name,segment\na1@example.com,Ann One,a\na2@example.com,Ann Two,a\n")
    return root, pool


@pytest.mark.parametrize("end, inside", [("\r", "\n"), ("\r", "\r\n"), ("\r\n", "\n"), ("\n", "\r\n"), ("\r\n", "\r")])
def test_rows_are_appended_with_the_line_end_between_rows(study, end, inside):
    root, pool = study
    sheet = f'id,segment,status,invited_on,notes{end}P-007,a,completed,2026-01-02,"two{inside}lines"{end}'
    (root / "participants.csv").write_bytes(sheet.encode())
    recruit(pool, root, 1, seed=1, today=TODAY, dry_run=False)
    data = (root / "participants.csv").read_bytes().decode()
    assert data == sheet + f"P-008,a,invited,{TODAY},{end}"
    people = kit.load_study(root, strict=False).participants
    assert people["id"].tolist() == ["P-007", "P-008"]
    assert people["notes"].tolist()[0].splitlines() == ["two", "lines"]


def test_an_older_sheet_with_cr_line_ends_gets_its_columns_in_the_header(study):
    root, pool = study
    (root / "participants.csv").write_bytes(b'id,segment\rP-001,b\r')
    recruit(pool, root, 1, seed=0, today=TODAY, dry_run=False)
    assert (root / "participants.csv").read_bytes().decode() == \
        f"id,segment,status,invited_on\rP-001,b\rP-002,a,invited,{TODAY}\r"


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_a_sheet_declaring_its_delimiter_gets_rows_in_that_delimiter(study, end):
    """Excel's "sep=;" first line: the rows go in the declared delimiter and the header after the
    declaration gets the missing columns (the declaration was read as the header)."""
    root, pool = study
    sheet = f"sep=;{end}id;segment;notes{end}P-001;b;a, b{end}"
    (root / "participants.csv").write_bytes(sheet.encode())
    recruit(pool, root, 1, seed=0, today=TODAY, dry_run=False)
    data = (root / "participants.csv").read_bytes().decode()
    assert data == f"sep=;{end}id;segment;notes;status;invited_on{end}P-001;b;a, b{end}P-002;a;;invited;{TODAY}{end}"
    people = kit.load_study(root, strict=False).participants
    assert people["id"].tolist() == ["P-001", "P-002"] and people["notes"].tolist()[0] == "a, b"
