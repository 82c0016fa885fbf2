"""Session 8 attacker, fault 20: a study folder whose name holds a newline (or another
control character) was printed raw by `index`, `search` and `new`, so one study looked like
two lines (and an escape sequence reached the terminal). Such names are printed escaped:
``2026\\nS02`` in a report line, shell-quoted (``$'...'``) where the line is a command to type."""
import shutil

import pytest

from kit.cli import main

ODD = "2026\nS02\x1b[31m"


def _repo(study_dir, tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(study_dir, repo / "2026-S01")
    shutil.copytree(study_dir, repo / ODD)
    return repo


def _no_raw_controls(text: str) -> None:
    assert "\x1b" not in text
    for line in text.splitlines():
        assert line.strip() != "S02\\x1b[31m" and not line.startswith("S02")  # no line starts mid-name


@pytest.mark.slow  # indexes two studies twice
def test_index_prints_an_odd_study_name_escaped(study_dir, tmp_path, capsys):
    repo = _repo(study_dir, tmp_path)
    assert main(["index", str(repo)]) in (0, 1)
    out = capsys.readouterr()
    text = out.out + out.err
    _no_raw_controls(text)
    assert "indexed   2026\\nS02\\x1b[31m" in text
    assert "interview-kit check $'" in text  # the command to type reads the name back in the shell
    assert main(["index", str(repo)]) in (0, 1)  # unchanged studies are named on one line too
    again = capsys.readouterr()
    _no_raw_controls(again.out + again.err)
    assert "unchanged 2026\\nS02\\x1b[31m" in again.out + again.err


@pytest.mark.slow  # builds the index of two studies
def test_search_prints_an_odd_study_name_escaped(study_dir, tmp_path, capsys):
    repo = _repo(study_dir, tmp_path)
    assert main(["search", str(repo), "spreadsheet"]) == 0
    out = capsys.readouterr()
    _no_raw_controls(out.out + out.err)
    assert "2026\\nS02\\x1b[31m" in out.out


def test_new_prints_an_odd_folder_name_shell_quoted(tmp_path, capsys):
    target = tmp_path / "nl\nname"
    assert main(["new", str(target)]) == 0
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == 1 and "$'" in out and "nl\\nname" in out
    assert target.is_dir()


def test_an_error_naming_an_odd_folder_stays_on_one_line(tmp_path, capsys):
    missing = tmp_path / "no\nsuch"
    assert main(["check", str(missing)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "no\\nsuch" in err
    assert main(["index", str(missing)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "no\\nsuch" in err


@pytest.mark.slow  # runs analyze
def test_check_and_analyze_print_an_odd_folder_on_one_line(study_dir, tmp_path, capsys):
    odd = tmp_path / "study\nS02"
    shutil.copytree(study_dir, odd)
    assert main(["check", str(odd)]) in (0, 1)
    out = capsys.readouterr()
    summary = out.err.strip().splitlines()
    assert len(summary) == 1 and "study\\nS02: " in summary[0]
    assert main(["analyze", str(odd), "--out", str(tmp_path / "tables\nA"), "--quiet"]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert printed and all(line.startswith("$'") and "tables\\nA" in line for line in printed)
