"""Attack s8, fault 16: ``lint-guide`` linted an interview note (its front matter lines as
questions) and transcripts (each turn as a question) and exited 1. A file that reads as a note
(front matter with the note template's keys) or a transcript (caption timing lines, speaker
labels on most lines) is now a problem at line 1, exit 2. Inputs:
tests/data/attack-s8/lint-wrong-kind (the attacker's note.md, transcript.txt, transcript.docx)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.cli import main
from kit.guide import lint_file
from kit.guide.guide_lines import wrong_kind

DATA = Path(__file__).parent / "data" / "attack-s8" / "lint-wrong-kind"
REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name, kind", [("note.md", "interview note"), ("transcript.txt", "interview transcript"),
                                        ("transcript.docx", "interview transcript")])
def test_the_attackers_files_are_refused_at_line_1(name, kind, capsys):
    result, problems = lint_file(DATA / name)
    assert result is None and [p.line for p in problems] == [1]
    assert f"looks like an {kind}" in problems[0].message
    assert main(["lint-guide", str(DATA / name)]) == 2
    err = capsys.readouterr().err
    assert f"{name}:1: this looks like an {kind}" in err


@pytest.mark.parametrize("text", [
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHow do you invoice?\n",
    "1\n00:00:01,000 --> 00:00:03,500\nKim: Tell me about the last time.\n",
    "Maya Chen (00:03):\nHow do you invoice?\n\nDana Ortiz (00:09):\nWith a spreadsheet.\n\nMaya Chen (00:15):\nWhy?\n",
    "Alex  0:00\nTell me about it.\nJordan  0:05\nIt was late.\n",
    "Interviewer: Tell me about the last time.\nParticipant: It was Monday.\nInterviewer: Then what?\n"
    "Participant: I gave up.\n",
    "---\nid: INT-002\ndate: 2026-01-12\nparticipant: P-002\n---\n\n## Insights\n- Late.\n",
])
def test_notes_and_transcripts_in_every_form(tmp_path, text):
    path = tmp_path / "guide.txt"
    path.write_text(text, encoding="utf-8")
    assert wrong_kind(text) is not None
    assert main(["lint-guide", str(path)]) == 2


@pytest.mark.parametrize("text", [
    "Opener: Tell me about the last time you sent an invoice.\nProbe: Why was that?\nProbe: What happened next?\n"
    "Closer: Looking ahead, what will you do differently?\n",
    "Q1: Tell me about the last time.\nQ2: What happened next?\nQ3: Why?\nQ4: What will you do next time?\n",
    "---\ntitle: Invoicing guide\nformat: micro\n---\nTell me about the last time you sent an invoice.\n",
    "Note: thank them.\nSay: we are recording.\nTell me about the last time.\nWhat happened next?\n",
    "Section 1: Warm-up (2 min)\nTell me about your role.\nSection 2: Core\nWalk me through the last invoice.\n",
])
def test_guides_with_labels_or_front_matter_are_still_linted(tmp_path, text):
    assert wrong_kind(text) is None
    path = tmp_path / "guide.txt"
    path.write_text(text, encoding="utf-8")
    result, problems = lint_file(path)
    assert result is not None and not any(p.line == 1 and "looks like" in p.message for p in problems)


def test_the_kits_own_guides_are_still_guides():
    for guide in [REPO / "templates" / "guide.yml", REPO / "kit" / "data" / "pilot" / "guide.yml"]:
        result, _ = lint_file(guide)
        assert result is not None and result["questions"], guide


def test_a_guide_yml_is_never_taken_for_a_note(tmp_path):
    shutil.copy(REPO / "templates" / "guide.yml", tmp_path / "guide.yml")
    text = (tmp_path / "guide.yml").read_text(encoding="utf-8")
    (tmp_path / "guide.yml").write_text("---\n" + text, encoding="utf-8")
    assert lint_file(tmp_path / "guide.yml")[0] is not None
