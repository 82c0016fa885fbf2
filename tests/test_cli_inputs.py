"""User mistakes and environment conditions on the command line: exit 2 with a clear message,
never exit 4 ("internal error"), never ``path:0``; output piped into ``head`` stops quietly.

Kept from the newcomer tester's report (items 9, 10, 11): ``analyze --as-of 2026-02-30``,
``review --json | head``, ``lint-guide --json | head``, ``check /nonexistent``,
``check STUDY/study.yml``.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kit
from kit.cli import EXIT_BROKEN_PIPE, build_parser, main

PILOT = kit.paths.pilot_path()
REPO_DIR = Path(__file__).resolve().parent.parent


def _exit(argv) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse refuses a bad option value itself
        return exc.code


def _subparsers():
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices


def test_every_numeric_or_date_option_is_validated():
    """The kind of fault, not the instance: no option takes a bare int or free text for a date."""
    for name, sub in _subparsers().items():
        for action in sub._actions:
            assert action.type is not int, f"{name} {action.option_strings}: a bare int accepts 0 and negatives"
            if action.metavar == "YYYY-MM-DD":
                assert action.type is not None, f"{name} {action.option_strings}: a date taken as free text"


BAD_OPTIONS = [
    # (argv with {study} {out} {pilot} placeholders, words the message must contain)
    (["analyze", "{study}", "--out", "{out}", "--as-of", "2026-02-30"], "calendar date"),
    (["analyze", "{study}", "--out", "{out}", "--as-of", "tomorrow"], "calendar date"),
    (["search", "{out}", "late", "--since", "2026-13-01"], "calendar date"),
    (["search", "{out}", "late", "--since", "last week"], "calendar date"),
    (["search", "{out}", "late", "--limit", "0"], "at least 1"),
    (["search", "{out}", "late", "--limit", "-3"], "at least 1"),
    (["search", "{out}", "late", "--limit", "ten"], "not a whole number"),
    (["run", "{study}", "--out", "{out}", "--jobs", "0"], "at least 1"),
    (["run", "{study}", "--out", "{out}", "--jobs", "-1"], "at least 1"),
    (["run", "{study}", "--out", "{out}", "--sprint", "  "], "one-line label"),
    (["run", "{study}", "--out", "{out}", "--sprint", "S7\nS8"], "one-line label"),
    (["themes", "{study}", "--out", "{out}", "--n-themes", "0"], "at least 1"),
    (["themes", "{study}", "--out", "{out}", "--seed", "-1"], "from 0 to"),
    (["themes", "{study}", "--out", "{out}", "--seed", "1.5"], "not a whole number"),
    (["recruit", "{pool}", "--study", "{study}", "--n", "0"], "at least 1"),
    (["recruit", "{pool}", "--study", "{study}", "--n", "-2"], "at least 1"),
    (["recruit", "{pool}", "--study", "{study}", "--n", "3", "--seed", "-5"], "from 0 to"),
    (["recruit", "{pool}", "--study", "{study}", "--n", "3", "--cooldown-days", "-1"], "at least 0"),
]


@pytest.mark.parametrize("argv, says", BAD_OPTIONS, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_a_bad_option_value_is_a_usage_error(argv, says, tmp_path, capsys):
    pool = kit.paths.PACKAGE_DIR / "data" / "sprints" / "pool.csv"
    filled = [a.format(study=PILOT, out=tmp_path / "out", pool=pool) for a in argv]
    assert _exit(filled) == 2
    err = capsys.readouterr().err
    assert says in err and "internal error" not in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()  # nothing written


NOT_A_STUDY = [
    ["check", "{missing}"],
    ["check", "{file}"],
    ["analyze", "{missing}", "--out", "{out}"],
    ["analyze", "{file}", "--out", "{out}"],
    ["export", "{missing}", "--qdpx", "{out}.qdpx"],
    ["themes", "{file}", "--out", "{out}"],
    ["run", "{missing}", "--out", "{out}"],
    ["lab", "{missing}", "--dry-run", "--out", "{out}"],
    ["lint-guide", "{missing}"],
    ["review", "{missing}"],
    ["index", "{missing}"],
    ["search", "{missing}", "late"],
    ["recruit", "{missing}", "--study", "{file}", "--n", "2"],
]


@pytest.mark.parametrize("argv", NOT_A_STUDY, ids=" ".join)
def test_a_missing_folder_or_a_file_for_a_study_is_unreadable_input(argv, tmp_path, capsys):
    study = tmp_path / "study"
    study.mkdir()
    (study / "study.yml").write_text("title: x\n")
    filled = [a.format(missing=tmp_path / "nonexistent", file=study / "study.yml", out=tmp_path / "out")
              for a in argv]
    assert _exit(filled) == 2
    captured = capsys.readouterr()
    text = captured.err
    if argv[0] == "review":  # review prints its reviews and unreadable files together (stdout)
        text = captured.out
    else:
        assert not captured.out, "a message about unreadable input goes to standard error"
    assert ":0:" not in text and "internal error" not in text
    assert "nonexistent" in text or "study.yml" in text
    if "{file}" in argv:
        assert "not a folder" in text and str(study) in text  # says which folder to give instead
    assert not (tmp_path / "out").exists()


def test_an_environment_error_is_not_an_internal_error(tmp_path, capsys, monkeypatch):
    import kit.cli.commands

    def denied(args):
        raise PermissionError(13, "Permission denied", str(tmp_path / "locked"))

    monkeypatch.setattr(kit.cli.commands, "cmd_check", denied)  # the parser reads it there
    assert main(["check", str(PILOT)]) == 2
    err = capsys.readouterr().err
    assert "Permission denied" in err and "locked" in err and "internal error" not in err


@pytest.mark.slow  # a fresh interpreter each (about 3 s)
@pytest.mark.parametrize("argv", [
    ["review", *sorted(str(p) for p in (PILOT / "transcripts").iterdir()), "--json"],
    ["lint-guide", str(PILOT / "guide.yml"), "--json"],
    ["lint-guide", str(PILOT / "guide.yml")],
    ["--version"],
], ids=lambda v: v[0])
def test_output_piped_into_a_reader_that_stops_ends_quietly(argv):
    """``interview-kit review ... --json | head``: the reader is gone before anything is written."""
    env = dict(os.environ, PYTHONPATH=str(REPO_DIR))
    proc = subprocess.Popen([sys.executable, "-m", "kit", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=REPO_DIR)
    proc.stdout.close()  # what `head` does once it has its lines
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert "internal error" not in err and "Traceback" not in err and "BrokenPipe" not in err, err
    assert code in (EXIT_BROKEN_PIPE, 0) if argv == ["--version"] else code == EXIT_BROKEN_PIPE


def test_search_says_how_many_matches_it_leaves_out(tmp_path, capsys):
    """Newcomer #19: "20 match(es)" when only the first 20 of more were shown."""
    from kit.repository import example_repository, search

    repo = example_repository(tmp_path / "repo")
    everything = search(repo, "payment", limit=1000)
    total = len(everything)
    assert total > 3 and everything.attrs["total"] == total
    assert main(["search", str(repo), "payment", "--limit", "3"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith(f"showing 3 of {total} matches")
    assert main(["search", str(repo), "payment", "--limit", str(total)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == f"{total} match(es)"
