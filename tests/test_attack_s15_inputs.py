"""Session-15 attacker's hostile inputs (faults A6-A12, /work/faults-s15-attacker.md): every
way out of `run` ends its --log with the exit code; tables and comments in .docx transcripts;
nested VTT voices; over-long lines; huge guides; duplicate and over-wide participants.csv."""
from __future__ import annotations

import errno
from pathlib import Path

import pytest

import kit.pipeline as pipeline
from kit.cli import main

DATA = Path(__file__).parent / "data" / "attack-s15"


# -- A6: every exit path of `run` writes `end ... exit=N` to --log ----------------------------
def _fail_with(exc):
    def fail(*args, **kwargs):
        raise exc
    return fail


@pytest.mark.parametrize("where", ["_run_all", "sweep"])
def test_a_run_on_a_full_disk_ends_its_log_with_exit_2(monkeypatch, study_dir, tmp_path, where):
    monkeypatch.setattr(pipeline, "_import_notebook_tools", lambda: None)
    monkeypatch.setattr(pipeline, where, _fail_with(OSError(errno.ENOSPC, "No space left on device", "/x/OUT")))
    log = tmp_path / "logs" / "sched.log"
    code = main(["run", str(study_dir), "--out", str(tmp_path / "out"), "--log", str(log)])
    assert code == 2
    lines = log.read_text().splitlines()
    assert "\tstart\t" in lines[0]
    assert "\tend\t" in lines[-1] and "no space left on device" in lines[-1] and lines[-1].endswith("exit=2")


def test_a_bug_in_a_run_ends_its_log_with_exit_4(monkeypatch, study_dir, tmp_path):
    monkeypatch.setattr(pipeline, "_import_notebook_tools", lambda: None)
    monkeypatch.setattr(pipeline, "_run_all", _fail_with(RuntimeError("boom")))
    log = tmp_path / "sched.log"
    code = main(["run", str(study_dir), "--out", str(tmp_path / "out"), "--log", str(log)])
    assert code == 4
    last = log.read_text().splitlines()[-1]
    assert "\tend\t" in last and "RuntimeError" in last and last.endswith("exit=4")


def test_a_notebook_failing_on_a_full_disk_logs_the_exit_the_command_gives(monkeypatch, study_dir, tmp_path):
    monkeypatch.setattr(pipeline, "_import_notebook_tools", lambda: None)
    failed = pipeline.NotebookFailed("04-coding.ipynb", 3, "OSError: [Errno 28] No space left on device", tmp_path)
    monkeypatch.setattr(pipeline, "_run_all", _fail_with(failed))
    log = tmp_path / "sched.log"
    code = main(["run", str(study_dir), "--out", str(tmp_path / "out"), "--log", str(log)])
    last = log.read_text().splitlines()[-1]
    assert code == 2 and last.endswith("exit=2") and "\tend\t" in last
    assert sum("\tend\t" in line for line in log.read_text().splitlines()) == 1


# -- A8: a guide of 50,000 questions: the first N are linted, the rest said at line N+1 ----------
def test_a_guide_longer_than_the_limit_is_linted_up_to_it_and_says_the_rest(monkeypatch, tmp_path, capsys):
    import kit.guide.structure as structure

    monkeypatch.setattr(structure, "MAX_QUESTIONS", 3)
    guide = tmp_path / "q.txt"
    guide.write_text("".join(line for line in (DATA / "q205.txt").open().readlines()[:7]))
    code = main(["lint-guide", str(guide)])
    out = capsys.readouterr()
    text = out.out + out.err
    assert code != 0
    assert f"{guide}:4: questions 4-7 (lines 4-7) were not linted" in text
    assert text.count("Would you use feature") <= 3 + 1  # the first three questions, no more


# -- A10: nested voice spans: the words after </v> are the outer voice's again ---------------------
@pytest.mark.parametrize("name", ["overlap.vtt", "nested.srt"])
def test_the_words_after_a_nested_voice_go_back_to_the_outer_voice(name, tmp_path):
    from kit.transcripts import parse_transcript

    if name == "nested.srt":  # the same kind in a SubRip file (Teams/Zoom exports carry <v> in either)
        text = ("1\n00:00:01,000 --> 00:00:02,000\n<v Alex Morgan>What happened?</v>\n\n2\n00:00:03,000 --> "
                "00:00:05,000\n<v Jordan>Outer cue <v Alex Morgan>nested voice</v> still Jordan</v>\n")
    else:
        text = (DATA / name).read_text()
    df = parse_transcript(text, name)
    rows = list(zip(df["speaker"], df["text"]))
    assert ("Alex Morgan", "nested voice") in rows
    jordan = " ".join(t for s, t in rows if s == "Jordan")
    assert "still Jordan" in jordan and "Outer cue" in jordan
    assert not any("still" in t for s, t in rows if s == "Alex Morgan")


def test_ordinary_voice_spans_read_as_before():
    from kit.transcripts import parse_transcript

    df = parse_transcript("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Alex>Hi</v> there\n\n"
                          "00:00:03.000 --> 00:00:04.000\n<v Jo>One</v><v Alex>Two</v>\n", "x.vtt")
    assert list(zip(df["speaker"], df["text"])) == [("Alex", "Hi there"), ("Jo", "One"), ("Alex", "Two")]


# -- A9: a .docx table row of `Name: text` cells is a turn per cell; comments are said not read --------
def test_a_docx_table_row_of_labelled_cells_is_a_turn_per_cell_and_comments_are_warned():
    from kit.transcripts import read_transcript

    df = read_transcript(DATA / "hostile.docx")
    rows = list(zip(df["speaker"], df["text"]))
    assert ("Alex Morgan", "TABLECELL question what next?") in rows
    assert any(s == "Jordan" and "TABLECELL answer I called them." in t for s, t in rows)
    assert not any("Jordan" in t or "[name]" in t for _s, t in rows)
    warned = [p for p in df.attrs["problems"] if "comment(s) are not read" in p.message]
    assert len(warned) == 1 and warned[0].line == 2 and "COMMENTWORDS" not in warned[0].message


# -- A12: a participants.csv whose header is too wide: the whole file is said left out, lines 1-N ----
def test_a_too_wide_header_says_the_whole_file_is_left_out(tmp_path):
    from kit.csvio import MAX_COLUMNS, read_rows

    usual = "id,name,email,segment,consent_quote"
    extra = ",".join(f"c{i}" for i in range(MAX_COLUMNS + 10))
    sheet = tmp_path / "participants.csv"
    sheet.write_text(f"{usual},{extra}\nP-001,A B,,smb,yes\nP-002,C D,,smb,no\n\n", encoding="utf-8")
    rows, columns, problems = read_rows(sheet)
    assert (rows, columns) == ([], [])
    assert len(problems) == 1 and problems[0].line == 1
    assert "the whole file (lines 1-3) is left out" in problems[0].message and "this line" not in problems[0].message


# -- A7: a line longer than MAX_LINE_CHARS is an error at its line, left out, in one pass -----------
def test_a_line_too_long_for_a_turn_is_an_error_at_its_line(tmp_path):
    from kit.notes import parse_note_text
    from kit.transcript_lines import MAX_LINE_CHARS
    from kit.transcripts import parse_transcript

    huge = "invoice late again " * (MAX_LINE_CHARS // 19 + 2)
    df = parse_transcript(f"Alex Morgan: What happened?\nJordan: {huge}\nJordan: I called them.\n", "t.txt")
    assert list(df["text"]) == ["What happened?", "I called them."]
    [problem] = [p for p in df.attrs["problems"] if "characters long" in p.message]
    assert problem.line == 2 and problem.level == "error" and "invoice" not in problem.message
    note = parse_note_text(f"---\nparticipant: P-001\n---\n## Summary\n{huge}\nok\n", "n.md")
    assert [p.line for p in note.problems if "characters long" in p.message] == [5]
    assert huge.strip() not in str(note.sections)


def test_a_line_at_the_limit_is_read():
    from kit.transcript_lines import MAX_LINE_CHARS
    from kit.transcripts import parse_transcript

    said = ("word " * MAX_LINE_CHARS)[: MAX_LINE_CHARS - len("Jordan: ")]
    df = parse_transcript(f"Alex Morgan: What happened?\nJordan: {said}\n", "t.txt")
    assert not [p for p in df.attrs["problems"] if "characters long" in p.message]
    assert len(df) == 2


# -- A11 (part): a line break in a participants.csv cell is said as such, not as a formula ----------
def test_a_line_break_in_a_participants_cell_is_said_to_span_two_lines(tmp_path):
    import shutil

    from kit.check import formula_cells

    study = tmp_path / "h_pnl"
    study.mkdir()
    shutil.copy(DATA / "participants_nl.csv", study / "participants.csv")
    [warning] = formula_cells(study / "participants.csv")
    assert warning.line == 2 and "spans two lines" in warning.message and "would run it" not in warning.message
    assert "Jordan" not in warning.message


def test_an_ignored_duplicate_row_takes_no_part_in_the_consent_comparison(tmp_path):
    """A11: the row check says is ignored (a second P-002, consent_quote yes) drove the repository's
    consent warnings ("no here, yes at participants.csv:5")."""
    from kit.consent_repository import consent_rows

    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "participants.csv").write_text("id,name,consent_quote\nP-001,Ann Lee,yes\nP-002,Bo Chan,no\n"
                                             "P-002,Bo Chan,yes\n", encoding="utf-8")
    rows = consent_rows(folder)
    assert [(r.participant, r.line, r.consent) for r in rows] == [("P-001", 2, True), ("P-002", 3, False)]
