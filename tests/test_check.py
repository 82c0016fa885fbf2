"""`interview-kit check`: every fault located as path:line: message, exit codes, no
traceback, no file changed."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kit.check import check_study
from kit.cli import main
from conftest import tree_snapshot, write


def messages(root):
    return [str(p) for p in check_study(root) if p.is_error]


def test_clean_study_has_no_errors(study_dir):
    assert messages(study_dir) == []


def _has(msgs, path_end, line, words):
    return any(m.split(": ", 1)[0].endswith(f"{path_end}:{line}") and words in m for m in msgs)


@pytest.mark.parametrize("name, content, path_end, line, words", [
    ("study.yml", "title: x\nresearch_question: [unclosed\n", "study.yml", 3, "invalid YAML"),
    ("study.yml", "title: x\nformat: micro\n", "study.yml", 1, "missing `research_question`"),
    ("study.yml", "research_question: q\nformat: tiny\n", "study.yml", 2, "format must be micro or full"),
    ("study.yml", "research_question: q\nsegments:\n  quotas: {a: -1}\n", "study.yml", 3, "quota for 'a'"),
    ("participants.csv", "id,status\nP-1,completed\nP-2,maybe\nP-2,completed\n", "participants.csv", 3,
     "unknown status 'maybe'"),
    ("participants.csv", "id,status\nP-1,completed\nP-1,completed\n", "participants.csv", 3,
     "duplicate participant id 'P-1'"),
    ("participants.csv", "id,status,consent_quote\nP-1,completed,perhaps\n", "participants.csv", 2,
     "consent_quote must be yes or no"),
    ("participants.csv", "id,status,invited_on\nP-1,completed,5 Jan\n", "participants.csv", 2,
     "invited_on '5 Jan' is not a date"),
    ("participants.csv", 'id,status\nP-1,completed,extra\n', "participants.csv", 2, "3 fields but the header has 2"),
    ("participants.csv", 'name\nJo\n', "participants.csv", 1, "missing column(s): id"),
    ("codebook.yml", "codes:\n  - name: a\n    definition: d\n    patterns: ['(unclosed']\n",
     "codebook.yml", 4, "invalid regular expression"),
    ("codebook.yml", "codes:\n  - name: a\n    definition: d\n  - name: a\n    definition: e\n",
     "codebook.yml", 4, "duplicate code 'a'"),
    ("codebook.yml", "codes:\n  - name: a\n    definition: d\n    parent: ghost\n", "codebook.yml", 2,
     "parent 'ghost' is not a code"),
    ("codebook.yml", "codes:\n  - name: a\n    definition: d\n    stage: moon\n", "codebook.yml", 4,
     "stage 'moon' is not one of the study's stages"),
    ("codings/ana.csv", "segment,code\nINT-001#t2,ghost\n", "ana.csv", 2, "unknown code 'ghost'"),
    ("codings/ana.csv", "segment,code\nINT-001#t2,workaround\nINT-001#t99,workaround\n", "ana.csv", 3,
     "unknown segment 'INT-001#t99'"),
    ("codings/ana.csv", "segment,code\nturn two,workaround\n", "ana.csv", 2, "is not a segment id"),
    ("costs.csv", "date,category,description,hours,rate,amount\n2026-01-05,incentive,x,,,-25\n", "costs.csv", 2,
     "amount is negative"),
    ("costs.csv", "date,category,description,hours,rate,amount\n2026-01-05,snacks,x,,,25\n", "costs.csv", 2,
     "unknown cost category 'snacks'"),
    ("decisions.csv", "id,date,decision,evidence\nD-1,2026-01-20,Ship it,INT-404\n", "decisions.csv", 2,
     "evidence 'INT-404' is not an interview"),
    ("decisions.csv", "id,date,decision,evidence\nD-1,soon,Ship it,INT-001\n", "decisions.csv", 2,
     "date 'soon' is not a date"),
    ("guide.yml", "format: micro\nquestions:\n  - {text: Tell me about it, kind: warmup}\n", "guide.yml", 3,
     "question kind must be"),
])
def test_each_fault_is_located(study_dir, name, content, path_end, line, words):
    write(study_dir / name, content)
    msgs = messages(study_dir)
    assert _has(msgs, path_end, line, words), msgs


def test_note_faults(study_dir):
    note = study_dir / "interviews" / "INT-002.md"
    text = note.read_text().replace("date: 2026-01-06", "date: 2026-13-45").replace("participant: P-2", "participant: P-9")
    note.write_text(text)
    msgs = messages(study_dir)
    assert _has(msgs, "INT-002.md", 3, "date"), msgs
    assert _has(msgs, "INT-002.md", 4, "participant 'P-9' is not in participants.csv"), msgs


def test_duplicate_interview_ids(study_dir):
    text = (study_dir / "interviews" / "INT-002.md").read_text().replace("id: INT-002", "id: INT-001")
    (study_dir / "interviews" / "INT-002.md").write_text(text)
    msgs = messages(study_dir)
    assert _has(msgs, "INT-002.md", 2, "duplicate interview id 'INT-001'"), msgs


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"WEBVTT\n\n", b"\x00\x01\x02binary\x00"])
def test_unusable_transcripts(study_dir, content):
    (study_dir / "transcripts" / "INT-001.txt").unlink()
    (study_dir / "codings" / "ana.csv").write_text("segment,code\nINT-002#q1,invite-trouble\n")
    (study_dir / "transcripts" / "INT-001.vtt").write_bytes(content)
    if not content.strip():  # empty, and a note names it: a warning, the note is the interview (s15 F16)
        msgs = [str(p) for p in check_study(study_dir) if "INT-001.vtt" in p.path]
        assert msgs and all("warning: empty transcript" in m for m in msgs), msgs
        return
    msgs = messages(study_dir)
    assert any("INT-001.vtt:" in m for m in msgs), msgs


def test_missing_transcript_named_in_note(study_dir):
    note = study_dir / "interviews" / "INT-002.md"
    note.write_text(note.read_text().replace("duration: 4\n", "duration: 4\ntranscript: gone.vtt\n"))
    msgs = messages(study_dir)
    assert _has(msgs, "INT-002.md", 8, "transcript 'gone.vtt' not found"), msgs


def test_cli_check_exit_codes_and_no_changes(study_dir, capsys):
    before = tree_snapshot(study_dir)
    assert main(["check", str(study_dir)]) == 0
    write(study_dir / "codings" / "ana.csv", "segment,code\nINT-001#t2,ghost\n")
    before = tree_snapshot(study_dir)
    assert main(["check", str(study_dir)]) == 1
    out = capsys.readouterr().out
    assert "ana.csv:2: unknown code 'ghost'" in out
    assert tree_snapshot(study_dir) == before


def test_warnings_alone_do_not_fail(study_dir, capsys):
    # a code without a definition is a warning
    write(study_dir / "codebook.yml", "codes:\n  - name: workaround\n  - name: invite-trouble\n")
    assert main(["check", str(study_dir)]) == 0
    assert "warning: code 'workaround' has no definition" in capsys.readouterr().out


@pytest.mark.slow  # 1-1.7 s: keeps the fast gate under two minutes
def test_check_never_prints_a_traceback(tmp_path):
    bad = tmp_path / "s"
    write(bad / "study.yml", "research_question: [\n")
    write(bad / "participants.csv", "id,status\n\"P-1,completed\n")
    write(bad / "interviews" / "a.md", "no front matter here\n")
    (bad / "transcripts").mkdir()
    (bad / "transcripts" / "a.vtt").write_bytes(b"\xff\xfe\x00garbage")
    before = tree_snapshot(bad)
    proc = subprocess.run([sys.executable, "-m", "kit", "check", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "study.yml:" in proc.stdout and "a.md:1:" in proc.stdout
    assert tree_snapshot(bad) == before


def test_check_missing_folder(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope")]) == 2  # unreadable input (README: exit 2)
    err = capsys.readouterr().err
    assert "no such study folder" in err and ":0:" not in err


def test_pilot_is_clean(pilot_dir):
    assert messages(pilot_dir) == []
