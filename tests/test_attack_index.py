"""Faults an attacker found in ``index`` and ``search``: links out of a study followed by the
index's walk, temp files left by a stopped index, a folder at the index's path, and search
output that hides the study or takes a leading-dash query for an option."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit.cli.discovery import index_command, search_argv, search_command
from kit.discovery import index as kit_index
from kit.discovery.index import update_index
from kit.discovery.repository import example_repository


@pytest.fixture
def repo(tmp_path):
    return example_repository(tmp_path / "repo")


def test_index_walk_does_not_follow_a_link_out_of_the_study(repo):
    study = repo / "2026-S41"
    (study / "interviews" / "up").symlink_to("../..")  # back to the repository's parent
    (study / "transcripts" / "loop").symlink_to(".")   # a folder of the study again
    walk = []
    stats = kit_index._file_stats(study, walk)
    assert not any(rel.startswith(("interviews/up/", "transcripts/loop/")) for rel in stats)
    assert any(r.startswith("interviews/") and r.endswith(".md") for r in stats)
    assert [(p.path, p.line, p.is_error) for p in walk] == [(str(study / "interviews" / "up"), 0, True)]
    assert "outside the study" in walk[0].message

    text, code = index_command(repo)
    assert code == 1
    assert f"{study / 'interviews' / 'up'}: up lies outside" in text and "outside the study" in text
    # the problem is kept with the study: an unchanged second run still reports it
    text2, code2 = index_command(repo)
    assert code2 == 1 and "outside the study" in text2 and "unchanged 2026-S41" in text2


def test_index_walk_reports_a_link_loop(repo):
    study = repo / "2026-S45"
    (study / "transcripts" / "a").symlink_to("b")
    (study / "transcripts" / "b").symlink_to("a")
    walk = []
    kit_index._file_stats(study, walk)
    assert sorted(os.path.basename(p.path) for p in walk) == ["a", "b"]
    assert all("loop" in p.message for p in walk)


def test_index_path_that_is_a_folder_is_reported_before_building(repo, monkeypatch):
    path = kit_index.index_path(repo)
    path.mkdir(parents=True)
    built = []
    monkeypatch.setattr(kit_index, "_build_into", lambda *a: built.append(a))
    text, code = index_command(repo)
    assert code == 2 and built == []
    assert text.startswith(f"interview-kit index: {path}: not a file")
    assert ".tmp" not in text
    text, code = search_command(repo, "export")
    assert code == 2 and str(path) in text
    assert sorted(os.listdir(path.parent)) == ["index.sqlite"]


def test_stale_temp_files_of_stopped_runs_are_removed_and_a_running_build_kept(repo, tmp_path):
    folder = kit_index.index_path(repo).parent
    folder.mkdir(parents=True)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # a process that is gone
    gone = folder / f".index.sqlite.{child.pid}.abc123.tmp"
    old_style = folder / ".index.sqlite.oya7ajhr.tmp"  # an earlier version's name: no process id
    running = folder / f".index.sqlite.{os.getppid()}.xyz789.tmp"  # a live process, recent file
    ancient = folder / f".index.sqlite.{os.getppid()}.old000.tmp"
    other = folder / "notes.tmp"
    for f in (gone, old_style, running, ancient, other):
        f.write_bytes(b"x" * 10)
    day = kit_index.STALE_SECONDS + 60
    os.utime(ancient, (time.time() - day, time.time() - day))
    update_index(repo)
    assert sorted(p.name for p in folder.iterdir()) == sorted(["index.sqlite", "email-key", running.name, other.name])


def test_a_failed_build_removes_its_temp_file(repo, monkeypatch):
    def boom(*args):
        raise KeyboardInterrupt
    monkeypatch.setattr(kit_index, "_insert_study", boom)
    with pytest.raises(KeyboardInterrupt):
        update_index(repo)
    assert [p.name for p in kit_index.index_path(repo).parent.iterdir()] == ["email-key"]  # the key alone


@pytest.mark.slow
def test_sigterm_during_a_build_removes_its_temp_file(repo):
    code = ("import sys, time; from kit.discovery import index as i\n"
            "def slow(*a):\n    print('building', flush=True); time.sleep(60)\n"
            "i._insert_study = slow\ni.update_index(sys.argv[1])\n")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    proc = subprocess.Popen([sys.executable, "-c", code, str(repo)], stdout=subprocess.PIPE, env=env)
    assert proc.stdout.readline().strip() == b"building"
    folder = kit_index.index_path(repo).parent
    assert any(p.name.endswith(".tmp") for p in folder.iterdir())
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 143
    assert [p.name for p in folder.iterdir()] == ["email-key"]  # the key alone


def test_search_text_shows_the_study_of_each_hit(repo):
    import shutil

    twin = repo / "twin-study"
    shutil.copytree(repo / "2026-S41", twin)  # same sprint label, same ids: only the study tells them apart
    text, code = search_command(repo, "debt collector")
    assert code == 0
    hits = [line for line in text.splitlines() if re.match(r"\s*\d+\. ", line)]
    assert any("  2026-S41  " in line for line in hits)
    assert any("  twin-study (sprint 2026-S41)  " in line for line in hits)
    assert len(hits) == 2 * len([line for line in hits if "twin-study" in line])


def test_search_query_starting_with_a_dash(repo, capsys):
    from kit.cli import main

    assert main(["search", str(repo), "-export", "--json", "--limit", "3"]) == 0
    by_dash = json.loads(capsys.readouterr().out)
    assert by_dash and all("export" in h["snippet"].lower() for h in by_dash)
    assert main(["search", str(repo), "--limit", "3", "--json", "--", "-export"]) == 0  # the documented form
    assert json.loads(capsys.readouterr().out) == by_dash
    assert main(["search", "--json", str(repo), "--limit=3", "-export"]) == 0
    assert json.loads(capsys.readouterr().out) == by_dash
    assert search_argv(["search", "r", "--code", "-x", "-y"]) == ["search", "r", "--code", "-x", "--", "-y"]
    assert search_argv(["index", "-x"]) == ["index", "-x"]
