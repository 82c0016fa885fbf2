"""recruit --apply appends in participants.csv's own delimiter, encoding, byte-order mark and
line ends (an attacker's semicolon- and tab-separated files were appended to with commas,
losing id, name and email), sees the people already listed in such a file, and refuses,
writing nothing, a file it cannot append to faithfully."""
from __future__ import annotations

import codecs

import pytest

import kit
from kit.cli.recruit import recruit_command
from kit.csvio import read_rows
from kit.recruit import RecruitError, recruit
from conftest import write

TODAY = "2026-11-30"
COLUMNS = ["id", "name", "email", "segment", "region", "channel", "status", "invited_on", "scheduled_on",
           "interviewed_on", "consent_record", "consent_quote"]
ROWS = [["P-001", "Jordan Example", "jordan@example.com", "new", "north", "in-app", "completed", "2026-01-05",
         "2026-01-12", "2026-01-12", "yes", "yes"],
        ["P-002", "René Müller", "rene@example.org", "established", "south", "email", "invited", "2026-01-06",
         "", "", "no", "no"]]


def _study(tmp_path, delimiter=";", encoding="utf-8", bom=b"", newline="\n", columns=COLUMNS, rows=ROWS):
    root = tmp_path / "study"
    write(root / "study.yml", """
        research_question: How do customers export their data?
        segments:
          attribute: segment
          quotas: {new: 3, established: 3}
    """)
    width = len(columns)
    text = newline.join(delimiter.join(r[:width]) for r in [columns] + rows) + newline
    (root / "participants.csv").write_bytes(bom + text.encode(encoding))
    pool = write(tmp_path / "pool.csv", """
        id,name,email,segment,region
        C-1,Ann One,ann@example.com,new,north
        C-2,"Bo; Two, Jr",bo@example.com,established,east
        C-3,Jordan Example,JORDAN@EXAMPLE.COM,new,north
    """)
    return root, pool


CASES = {
    "semicolon": dict(delimiter=";"),
    "tab": dict(delimiter="\t"),
    "semicolon-crlf-bom": dict(delimiter=";", bom=codecs.BOM_UTF8, newline="\r\n"),
    "tab-cp1252-crlf": dict(delimiter="\t", encoding="cp1252", newline="\r\n"),
    "semicolon-utf16": dict(delimiter=";", encoding="utf-16-le", bom=codecs.BOM_UTF16_LE),
    "comma-cr": dict(delimiter=",", newline="\r"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_append_keeps_the_files_own_format(tmp_path, name):
    opts = CASES[name]
    root, pool = _study(tmp_path, **opts)
    path = root / "participants.csv"
    before = path.read_bytes()
    table = recruit(pool, root, 2, seed=0, today=TODAY, dry_run=False)
    after = path.read_bytes()
    assert after.startswith(before)  # every existing byte kept
    added = after[len(before):].decode(opts.get("encoding", "utf-8"))
    newline, delimiter = opts.get("newline", "\n"), opts["delimiter"]
    assert added.endswith(newline) and added.count(newline) == 2
    # the person already listed (same email, other case) is seen in a file of any delimiter
    screened = table.attrs["screened"]
    assert screened.set_index("id").loc["C-3", "rule"] == "already listed"
    assert sorted(table["id"]) == ["C-1", "C-2"]
    assert all(line.count(delimiter) >= len(COLUMNS) - 1 for line in added.split(newline) if line)
    rows, columns, problems = read_rows(path)
    assert columns == COLUMNS
    assert not [p for p in problems if p.is_error]
    by_id = {r["id"]: r for r in rows}
    assert by_id["C-2"]["name"] == "Bo; Two, Jr" and by_id["C-2"]["email"] == "bo@example.com"
    assert by_id["C-1"]["status"] == "invited" and by_id["C-1"]["invited_on"] == TODAY
    assert by_id["P-002"]["name"] == "René Müller"
    study = kit.load_study(root, strict=False)
    assert sorted(study.participants["id"]) == ["C-1", "C-2", "P-001", "P-002"]
    assert not [p for p in study.errors if p.path.endswith("participants.csv")]


def test_older_file_gets_its_new_columns_in_its_own_delimiter(tmp_path):
    columns = ["id", "name", "email", "segment"]
    root, pool = _study(tmp_path, delimiter="\t", newline="\r\n", columns=columns)
    recruit(pool, root, 1, seed=0, today=TODAY, dry_run=False)
    lines = (root / "participants.csv").read_bytes().decode().split("\r\n")
    assert lines[0] == "id\tname\temail\tsegment\tstatus\tinvited_on"
    assert lines[1] == "P-001\tJordan Example\tjordan@example.com\tnew"
    assert lines[3].endswith(f"\tinvited\t{TODAY}") and lines[3].count("\t") == 5


def test_a_header_that_mixes_delimiters_is_refused_and_nothing_written(tmp_path):
    root, pool = _study(tmp_path, delimiter=";")
    path = root / "participants.csv"
    text = path.read_text(encoding="utf-8").replace("consent_quote", "consent_quote,status,invited_on", 1)
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    out, code = recruit_command(str(pool), str(root), 1, dry_run=False, today=TODAY)
    assert code != 0 and "Traceback" not in out
    assert f"{path}:1:" in out and "mixes delimiters" in out
    assert path.read_bytes() == before


def test_a_name_the_files_encoding_cannot_hold_is_refused(tmp_path):
    root, pool = _study(tmp_path, delimiter=";", encoding="cp1252")
    pool.write_text("id,name,email,segment\nC-7,Zhāng 张伟,zw@example.com,new\n", encoding="utf-8")
    path = root / "participants.csv"
    before = path.read_bytes()
    with pytest.raises(RecruitError, match="cp1252"):
        recruit(pool, root, 1, seed=0, today=TODAY, dry_run=False)
    assert path.read_bytes() == before


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_pool_in_another_delimiter_is_read_by_its_columns(tmp_path, delimiter):
    root, _ = _study(tmp_path, delimiter=",")
    pool = tmp_path / "pool2.csv"
    pool.write_text(delimiter.join(["id", "name", "email", "segment"]) + "\n"
                    + delimiter.join(["C-5", "Eve Five", "eve@example.com", "established"]) + "\n"
                    + delimiter.join(["C-3", "Jordan", "jordan@example.com", "new"]) + "\n", encoding="utf-8")
    table = recruit(pool, root, 2, seed=0, today=TODAY, dry_run=False)
    assert table["id"].tolist() == ["C-5"]
    rows, _, _ = read_rows(root / "participants.csv")
    assert rows[-1]["email"] == "eve@example.com" and rows[-1]["segment"] == "established"


def test_a_file_mixing_utf8_and_windows_1252_lines_gets_utf8_rows(tmp_path):
    root, pool = _study(tmp_path, delimiter=";")
    path = root / "participants.csv"
    path.write_bytes(path.read_bytes() + "P-003;Zoë Café;z@example.com;new;north;email;invited;2026-01-02;;;no;no\n"
                     .encode("cp1252"))
    pool.write_text("id,name,email,segment\nC-8,Łukasz Nowak,lk@example.com,new\n", encoding="utf-8")
    before = path.read_bytes()
    recruit(pool, root, 1, seed=0, today=TODAY, dry_run=False)
    after = path.read_bytes()
    assert after.startswith(before) and after[len(before):].decode("utf-8").startswith("C-8;Łukasz Nowak;")
    rows, _, problems = read_rows(path)
    assert [r["name"] for r in rows] == ["Jordan Example", "René Müller", "Zoë Café", "Łukasz Nowak"]
