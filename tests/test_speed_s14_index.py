"""Session 14 (issue 20), the index's own work: a study folder's roster is worked out once.

``interview-kit index`` worked out the roster of every study's participants.csv twice: for the
index (kit.discovery.index_names.repository_roster) and again for the printer that redacts
what the command prints (kit.cli.printing). kit.privacy_memo keeps a folder's roster under the
SHA-256 of its participants.csv and study.yml: these tests check that what it gives is what
the long way gives, that an edit the file's size and times do not show is still seen, that a
link is never remembered, and that a whole ``index`` run reads each sheet for its roster once.
"""
from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

import kit.privacy as privacy
import kit.privacy_memo as memo
from kit.discovery.repository import example_repository

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SHEETS = sorted({Path(p).parent for p in glob.glob(str(DATA / "**" / "participants.csv"), recursive=True)})


def _long_way(folder) -> privacy.Roster:
    from kit.study_columns import sheet_frame

    return privacy._sheet_roster(sheet_frame(folder), privacy._study_yml(Path(folder) / "study.yml"))


@pytest.fixture(autouse=True)
def _empty_memo(monkeypatch):
    monkeypatch.setattr(memo, "_MEMO", {})


def _study(tmp_path, rows: str, yml: str = "") -> Path:
    folder = tmp_path / "study"
    folder.mkdir()
    (folder / "participants.csv").write_text(rows, encoding="utf-8")
    if yml:
        (folder / "study.yml").write_text(yml, encoding="utf-8")
    return folder


def test_every_sheet_of_the_tests_gives_the_long_ways_roster():
    assert len(SHEETS) >= 30
    for folder in SHEETS:
        first = privacy.roster(str(folder))
        assert first == _long_way(folder), folder
        assert privacy.roster(folder) is first or not memo._MEMO, folder  # str and Path: one folder


def test_a_remembered_roster_is_the_same_object_until_a_file_changes(tmp_path):
    folder = _study(tmp_path, "id,name,email\nP1,Ann Lee,ann@example.org\n")
    first = privacy.roster(folder)
    assert privacy.roster(str(folder)) is first
    (folder / "participants.csv").write_text("id,name,email\nP1,Ann Lee,ann@example.org\nP2,Bo Ng,bo@example.org\n",
                                             encoding="utf-8")
    second = privacy.roster(folder)
    assert "Bo Ng" in second.names and "bo@example.org" in second.emails
    assert second == _long_way(folder)


def test_an_edit_that_keeps_size_and_times_is_seen(tmp_path):
    """The same size and modification time (cp -p, touch -d, two writes in one clock tick):
    the bytes, not the stat, decide, so the new name is hidden."""
    sheet = _study(tmp_path, "id,name\nP1,Ann Lee\n") / "participants.csv"
    before = os.stat(sheet)
    assert privacy.roster(sheet.parent).names == ("Ann Lee",)
    sheet.write_text("id,name\nP1,Bob Ray\n", encoding="utf-8")
    os.utime(sheet, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(sheet)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert privacy.roster(sheet.parent).names == ("Bob Ray",)


def test_study_yml_is_part_of_the_key(tmp_path):
    """study.yml's not_identifying changes which columns hold identifiers: an edit of it alone
    gives the roster again."""
    rows = "id,name,locker\n" + "".join(f"P{i},Person{i} Surname{i},LK-{1000 + i}\n" for i in range(12))
    folder = _study(tmp_path, rows, "title: t\n")
    with_ids = privacy.roster(folder)
    assert with_ids == _long_way(folder)
    (folder / "study.yml").write_text("title: t\nnot_identifying: [locker]\n", encoding="utf-8")
    without = privacy.roster(folder)
    assert without == _long_way(folder)
    assert with_ids.ids != without.ids


def test_a_linked_sheet_is_never_remembered(tmp_path):
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("id,name\nP1,Ann Lee\n", encoding="utf-8")
    folder = tmp_path / "study"
    folder.mkdir()
    (folder / "participants.csv").symlink_to(elsewhere)
    first = privacy.roster(folder)
    assert first == _long_way(folder)
    assert memo._MEMO == {}
    assert privacy.roster(folder) is not first


def test_a_file_changed_while_read_is_not_remembered(tmp_path, monkeypatch):
    sheet = _study(tmp_path, "id,name\nP1,Ann Lee\n") / "participants.csv"
    import kit.study_columns as columns

    real = columns.sheet_frame

    def edited(folder):
        frame = real(folder)
        sheet.write_text("id,name\nP1,Bob Ray\n", encoding="utf-8")  # after it was read
        return frame

    monkeypatch.setattr(columns, "sheet_frame", edited)
    assert privacy.roster(sheet.parent).names == ("Ann Lee",)
    assert memo._MEMO == {}
    monkeypatch.setattr(columns, "sheet_frame", real)
    assert privacy.roster(sheet.parent).names == ("Bob Ray",)


def test_the_memo_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(memo, "MAX_ROSTERS", 3)
    for i in range(5):
        folder = tmp_path / f"s{i}"
        folder.mkdir()
        (folder / "participants.csv").write_text(f"id,name\nP1,Person{i} Lee\n", encoding="utf-8")
        privacy.roster(folder)
    assert len(memo._MEMO) == 3
    assert [k[0] for k in memo._MEMO] == [os.path.realpath(tmp_path / f"s{i}") for i in (2, 3, 4)]


@pytest.mark.slow  # a whole index run of the example repository (about 15 s on a busy machine)
def test_an_index_run_reads_each_sheet_for_its_roster_once(tmp_path, monkeypatch, capsys):
    """``interview-kit index``: the index's roster and the printer's come from one reading of
    each study's participants.csv (there were two)."""
    import kit.study_columns as columns
    from kit.cli import main

    repo = example_repository(tmp_path / "repo")
    read = []
    real = columns.sheet_frame
    monkeypatch.setattr(columns, "sheet_frame", lambda folder: read.append(Path(folder).name) or real(folder))
    code = main(["index", str(repo)])
    assert code in (0, 1)
    studies = sorted(p.name for p in repo.iterdir() if (p / "participants.csv").is_file())
    assert len(studies) == 3
    assert sorted(read) == studies
