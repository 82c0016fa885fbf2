"""Faults a newcomer found in session 6, kept as tests: a notebook's display of a frame cut
a non-consenting participant's words short enough to pass the word check, and a run's
private drafts could be committed with ``git add .``."""
from __future__ import annotations

import shutil
import subprocess

import pandas as pd
import pytest

IPython = pytest.importorskip("IPython")


@pytest.fixture
def shell():
    from IPython.core.interactiveshell import InteractiveShell

    InteractiveShell.clear_instance()
    instance = InteractiveShell.instance()
    yield instance
    InteractiveShell.clear_instance()


def _their_turns(study, who: str) -> pd.DataFrame:
    turns = study.turns
    return turns[(turns["participant"] == who) & (turns["role"] == "participant")]


def test_a_notebook_shows_frames_as_it_publishes_them(shell, pilot_dir, tmp_path):
    from kit.outputs import publish_to
    from kit.study import load_study

    study = load_study(pilot_dir)
    assert "P-019" not in study.consenting()
    theirs = _their_turns(study, "P-019")
    assert len(theirs)
    shown = pd.concat([theirs, _their_turns(study, "P-002")])[["interview_id", "participant", "speaker", "text"]]
    # Before a published writer exists, the display is pandas' own: the words are there.
    before = shell.display_formatter.format(shown)[0]["text/plain"]
    assert any(t[:30] in before for t in theirs["text"].tolist())

    publish_to(tmp_path / "out", study)
    for kind in ("text/plain", "text/html"):
        after = shell.display_formatter.format(shown)[0][kind]
        for text in theirs["text"].tolist():
            assert text[:30] not in after, kind  # not even the first words a display keeps
        assert "(not quoted: no consent to quote)" in after
        # A consenting participant's words stay.
        assert _their_turns(study, "P-002")["text"].tolist()[0][:30] in after.replace("&#x27;", "'")
    # A series of texts alone (no participant column) loses the runs of their words.
    series = shell.display_formatter.format(pd.Series(theirs["text"].tolist(), name="text"))[0]["text/plain"]
    assert "[not quoted]" in series


def test_outside_a_kernel_nothing_is_registered(tmp_path, monkeypatch):
    import sys

    from kit.outputs import _show_through, publish_to

    monkeypatch.delitem(sys.modules, "IPython", raising=False)
    writer = publish_to(tmp_path / "out")
    assert _show_through(writer) is False


def test_private_drafts_are_never_staged_by_git(tmp_path):
    from kit.pipeline import _publish_private

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    staged = tmp_path / "staged"
    (staged / "thank-you").mkdir(parents=True)
    (staged / "thank-you" / "P-001.md").write_text("Thank you for telling us about the boiler.\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    final = repo / "report-private"
    _publish_private(staged, final)
    assert (final / "thank-you" / "P-001.md").exists()
    import stat

    assert stat.S_IMODE(final.stat().st_mode) == 0o700  # private, whatever the umask gives a folder
    marker = (final / ".gitignore").read_text(encoding="utf-8")
    assert marker.splitlines()[-1] == "*"
    listed = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=all"],
                            capture_output=True, text=True, check=True).stdout
    assert "P-001.md" not in listed and ".gitignore" not in listed
    # A second run's drafts replace the first's; the marker stays.
    (staged / "thank-you").mkdir(parents=True)
    (staged / "thank-you" / "P-002.md").write_text("Thank you.\n", encoding="utf-8")
    _publish_private(staged, final)
    assert (final / ".gitignore").exists() and (final / "thank-you" / "P-002.md").exists()


def test_a_new_study_and_a_report_folder_get_the_umask_mode(tmp_path):
    import os
    import stat

    from kit.atomic import staging_folder
    from kit.scaffold import new_study

    old = os.umask(0o022)
    try:
        study = new_study(tmp_path / "study")
        assert stat.S_IMODE(study.stat().st_mode) == 0o755  # mkdtemp's 0o700 would lock the team out
        assert stat.S_IMODE(staging_folder(".report.building-", tmp_path).stat().st_mode) == 0o755
        os.umask(0o077)
        assert stat.S_IMODE(new_study(tmp_path / "private-study").stat().st_mode) == 0o700
    finally:
        os.umask(old)


def test_the_schedule_readme_lists_every_exit_code_run_gives():
    import re
    import signal

    from kit.cli import exits
    from kit.paths import templates_path

    table = (templates_path() / "schedule" / "README.md").read_text(encoding="utf-8")
    listed = {int(n) for row in re.findall(r"^\| ([\d, ]+) \|", table, flags=re.M) for n in row.split(",")}
    given = {exits.EXIT_OK, exits.EXIT_PROBLEMS, exits.EXIT_USAGE, exits.EXIT_NOTEBOOK, exits.EXIT_INTERNAL,
             exits.EXIT_BROKEN_PIPE} | {128 + int(s) for s in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM)}
    assert listed == given


@pytest.mark.parametrize("text", ["Call with Sam 2026-11-06 (1).txt", "met on 2026-11-06 14:30 at the depot",
                                  "export 2026.11.06 (2).vtt", "(2026-11-06) 3 visits"])
def test_a_date_written_year_first_is_no_phone_number(text):
    from kit.privacy import redact

    assert redact(text) == text  # a newcomer's file name became "Call with [name] [phone]).txt"


@pytest.mark.parametrize("text, expected", [
    ("2026-11-06 07700 900123", "2026-11-06 [phone]"),
    ("on 2026-11-06 ring +44 20 7946 0958.", "on 2026-11-06 ring [phone]."),
    ("ring 07700 900123", "ring [phone]"),
])
def test_a_phone_number_after_a_date_is_still_redacted(text, expected):
    from kit.privacy import redact

    assert redact(text) == expected


def test_lint_guide_reads_a_word_guide_from_the_command_line(tmp_path):
    """The README says lint-guide reads a Word .docx; an attacker found the command refused
    every .docx (a check of the file's kind that listed .docx among files no guide is in)."""
    import io
    import json

    from cli_helpers import run_cli

    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("Part 1: Warm-up", "Tell me about the last time you hired a van.",
                 "Do you usually hire on weekends?"):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "van hire guide.docx"
    path.write_bytes(buffer.getvalue())
    cli = run_cli(["lint-guide", str(path), "--json"])
    assert cli.returncode == 1, cli.stderr  # a flagged question, not a refused file (exit 2)
    found = json.loads(cli.stdout)
    questions = [q for q in (found if isinstance(found, list) else found.get("questions", []))
                 if q.get("question")]
    assert [q["question"] for q in questions][-1] == "Do you usually hire on weekends?"
    assert "generalizing" in questions[-1]["flags"]


_NOTE = """---
id: INT-001
date: 2026-11-20
participant: P-001
interviewer: Dana Okafor
duration: 5
---

## Key Quotes
- 'The van was late twice.' (0:30)
-"Cheaper than the old depot." (0:31)
- "We rang the office." (0:40)
  and they said to wait
-5 degrees in the yard that morning

## Insights
- Late vans cost a morning.
"""


def test_an_item_glued_to_its_dash_is_a_warning_at_its_line():
    """An attacker's note: a quote written `-"…"` (no space after the dash) was read as part of the
    quote above without a word; Markdown reads it so, and now the line says so."""
    from kit.notes import parse_note_text

    note = parse_note_text(_NOTE, "INT-001.md")
    glued = [p for p in note.problems if "needs a space after" in p.message]
    assert [p.line for p in glued] == [11]
    assert "item on line 10" in glued[0].message and not glued[0].is_error
    # An indented continuation and a negative number are no glued items.
    assert not [p for p in note.problems if p.line in (13, 14) and "space after" in p.message]
