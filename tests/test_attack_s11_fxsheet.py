"""Attacker session 11, faults A5 (a full disk while indexing: exit 2, not an internal error) and A6
(no progress bars when standard error is not a terminal)."""
from __future__ import annotations

import sqlite3
import shutil

import pytest

from kit.cli import main


@pytest.fixture
def repo(tmp_path, pilot_dir):
    root = tmp_path / "repo"
    shutil.copytree(pilot_dir, root / "S1")
    shutil.copytree(pilot_dir, root / "S2")
    return root


def _full(*args, **kwargs):
    raise sqlite3.OperationalError("database or disk is full")


def test_index_on_a_full_disk_is_a_user_error(repo, monkeypatch, capsys):
    import kit.discovery.index as index

    monkeypatch.setattr(index, "_rebuild", _full)
    assert main(["index", str(repo)]) == 2
    err = capsys.readouterr().err
    assert "no space left on device" in err and "index.sqlite" in err
    assert "internal error" not in err and "bug" not in err


def test_search_answers_from_the_last_complete_index_when_it_cannot_update(repo, monkeypatch, capsys):
    import kit.discovery.index as index

    assert main(["index", str(repo)]) == 0
    (repo / "S2" / "participants.csv").write_text((repo / "S2" / "participants.csv").read_text() + "\n")
    capsys.readouterr()
    monkeypatch.setattr(index, "_update_locked", _full)
    assert main(["search", str(repo), "invoice"]) == 0
    out = capsys.readouterr().out
    assert "match" in out and "last complete index" in out


def test_any_command_maps_sqlite_and_wrapped_disk_errors(monkeypatch, capsys, study_dir, tmp_path):
    import errno

    import kit.analyze as analyze

    def wrapped(*args, **kwargs):
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as exc:
            raise RuntimeError("writing failed") from exc

    monkeypatch.setattr(analyze, "analyze", wrapped)
    assert main(["analyze", str(study_dir), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "no space left on device" in err and "bug" not in err


def test_no_progress_bars_when_stderr_is_not_a_terminal(monkeypatch, study_dir, tmp_path):
    import kit.analyze as analyze
    import kit.cli.commands as commands

    seen = {}
    real = analyze.analyze

    def spy(study, out, **kwargs):
        seen["progress"] = kwargs.get("progress")
        return real(study, out, **kwargs)

    monkeypatch.setattr(analyze, "analyze", spy)
    assert main(["analyze", str(study_dir), "--out", str(tmp_path / "out")]) == 0  # pytest's stderr: no tty
    assert seen["progress"] is False

    class Tty:
        def isatty(self):
            return True

    class Args:
        quiet = False

    monkeypatch.setattr(commands.sys, "stderr", Tty())
    assert commands._progress(Args()) is True
    Args.quiet = True
    assert commands._progress(Args()) is False


@pytest.mark.parametrize("message, said", [("database or disk is full", "no space left"),
                                           ("attempt to write a readonly database", "read-only"),
                                           ("unable to open database file", "cannot be opened"),
                                           ("disk I/O error", "the disk reported an error")])
def test_sqlite_refusals_are_told_not_bugs(message, said):
    from kit.discovery.index import write_failure

    assert said in write_failure(sqlite3.OperationalError(message))
    assert write_failure(sqlite3.OperationalError("no such column: x")) is None  # a bug stays a bug
