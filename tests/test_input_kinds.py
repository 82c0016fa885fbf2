"""Faults found by trying the kit blind, fixed by kind (each in one home): files that are not
regular files, keys given twice in YAML, UTF-16 guides, whole-file problems without ``:0``,
review folders that skip transcripts, unmeasured review items, very wide CSV rows, formula
cells in a recruiting pool, codebook keywords that match nothing."""
from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from kit.check import check_study
from kit.csvio import read_bytes, read_rows, read_text
from kit.errors import Problem
from kit.yamlio import load_yaml

fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


@fifo
def test_a_fifo_is_reported_not_read(tmp_path):
    pipe = tmp_path / "INT-004.txt"
    os.mkfifo(pipe)  # no writer: a plain open() would block forever
    data, problems = read_bytes(pipe)
    assert data is None and [str(p) for p in problems] == [f"{pipe}: not a regular file"]
    assert read_text(pipe)[0] is None
    assert read_rows(pipe)[2][0].message == "not a regular file"


@fifo
def test_check_and_review_report_a_fifo_transcript(study_dir):
    from kit.cli.review import review_command

    os.mkfifo(study_dir / "transcripts" / "INT-004.txt")
    found = [str(p) for p in check_study(study_dir)]
    assert f"{study_dir / 'transcripts' / 'INT-004.txt'}: not a regular file" in found
    text, code = review_command([study_dir])
    assert f"{study_dir / 'transcripts' / 'INT-004.txt'}: not a regular file" in text and code == 2


def test_a_link_loop_is_named(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    problems = read_bytes(tmp_path / "a.txt")[1]
    assert "a symbolic link loop" in problems[0].message


def test_check_names_a_link_loop_in_a_study_not_a_link_out_of_it(study_dir):
    transcripts = study_dir / "transcripts"
    (transcripts / "loop1.txt").symlink_to("loop2.txt")
    (transcripts / "loop2.txt").symlink_to("loop1.txt")
    found = [str(p) for p in check_study(study_dir)]
    assert any(f.startswith(str(transcripts / "loop1.txt")) and "symbolic link loop" in f for f in found), found
    assert not any("loop1.txt lies outside" in f for f in found)


def test_a_whole_file_problem_has_no_line_zero():
    assert str(Problem("INT-013.docx", 0, "cannot read")) == "INT-013.docx: cannot read"
    assert str(Problem("guide.yml", 0, "time budget", "warning")) == "guide.yml: warning: time budget"
    assert str(Problem("a.csv", 3, "bad")) == "a.csv:3: bad"


@pytest.mark.parametrize("text, key, line, first", [
    ("research_question: First?\nresearch_question: Second?\nsprint: S1\n", "research_question", 2, 1),
    ("codes:\n  - name: pain\n    keywords: [export]\n    keywords: [zzzz]\n", "keywords", 4, 3),
])
def test_a_key_given_twice_is_an_error(tmp_path, text, key, line, first):
    path = tmp_path / "study.yml"
    path.write_text(text, encoding="utf-8")
    data, problems = load_yaml(path)
    assert [str(p) for p in problems] == [
        f"{path}:{line}: '{key}' is given twice (line {first}): the first is ignored and this one used; keep one"]
    assert problems[0].is_error


def test_a_study_yml_key_given_twice_fails_check(study_dir):
    yml = study_dir / "study.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "sprint: S9\nsprint: S10\n", encoding="utf-8")
    found = [p for p in check_study(study_dir) if "given twice" in p.message]
    assert found and found[0].path == str(yml) and found[0].is_error


def test_a_guide_key_given_twice_is_reported(tmp_path):
    from kit.guide.structure import lint_file

    guide = tmp_path / "weird-guide.yml"
    guide.write_text('questions:\n  - text: "Would you use it?"\n    text: "dup key"\n    kind: opener\n',
                     encoding="utf-8")
    problems = lint_file(guide)[1]
    assert any(f"{guide}:3: 'text' is given twice (line 2)" in str(p) for p in problems)


def test_a_utf16_guide_is_read(tmp_path):
    from kit.guide.structure import lint_file

    guide = tmp_path / "utf16.txt"
    guide.write_bytes(codecs.BOM_UTF16_LE + "Would you use it?\r\nHow often do you pay?\r\n".encode("utf-16-le"))
    result, problems = lint_file(guide)
    assert not any(p.is_error for p in problems), problems
    assert [q["question"] for q in result["questions"]] == ["Would you use it?", "How often do you pay?"]


def _docx(path: Path, lines: list[str]) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def test_review_of_a_folder_reads_docx_and_names_what_it_skips(tmp_path):
    from kit.cli.review import review_command

    folder = tmp_path / "transcripts"
    folder.mkdir()
    (folder / "INT-001.txt").write_text("Interviewer: Tell me about the last time you paid?\n"
                                        "P: I paid late last week because the reminder never came.\n",
                                        encoding="utf-8")
    _docx(folder / "INT-003.docx", ["Interviewer: Walk me through your last booking?",
                                    "P: Yesterday I booked online and it took me ten minutes."])
    (folder / "notes.md").write_text("not a transcript\n", encoding="utf-8")
    text, code = review_command([folder])
    assert "INT-003.docx: score" in text and "INT-001.txt: score" in text
    assert f"{folder / 'notes.md'}: warning: skipped: not a transcript" in text
    assert code == 0


def test_an_unmeasured_review_item_is_not_ok(tmp_path):
    from kit.review import format_review, review_transcript, scorecard

    path = tmp_path / "INT-001.txt"
    path.write_text("Interviewer: Tell me about the last time you paid?\n"
                    "P: I paid late last week because the reminder never came.\n", encoding="utf-8")
    review = review_transcript(path)
    card = scorecard(review)
    item = next(i for i in card["items"] if i["item"] == "no interruptions")
    assert item["met"] is None and item["points"] is None
    line = next(ln for ln in format_review(review, card).splitlines() if "no interruptions" in ln)
    assert line.split()[0] == "n/a" and " ok " not in line


def test_a_row_with_too_many_columns_is_reported_at_its_line(tmp_path):
    from kit.csvio import MAX_COLUMNS

    wide = tmp_path / "costs.csv"
    wide.write_text(",".join(f"c{i}" for i in range(20 * MAX_COLUMNS)) + "\n", encoding="utf-8")
    rows, columns, problems = read_rows(wide)
    assert (rows, columns) == ([], [])
    assert [str(p) for p in problems] == [f"{wide}:1: the header has too many columns ({20 * MAX_COLUMNS:,}; at "
                                          f"most {MAX_COLUMNS:,}): the whole file (lines 1-1) is left out; check "
                                          "the delimiter or split the file"]
    body = tmp_path / "b.csv"
    body.write_text("a,b\n1,2\n" + "x," * (MAX_COLUMNS + 5) + "\n3,4\n", encoding="utf-8")
    rows, _, problems = read_rows(body)
    assert [r["_line"] for r in rows] == [2, 4]
    assert [p.line for p in problems] == [3] and "too many columns" in problems[0].message


POOL = ("id,email,name,segment,channel\n"
        "=cmd|' /C calc'!A0,a@example.com,Eve Evil,a,\"=HYPERLINK(\"\"http://x\"\")\"\n"
        "P-900,b@example.com,\"Line\nBreak\",a,\"in-app\nP-999,evil\"\n"
        "@SUM(1),e@example.com,At Sign,a,-2+3\n"
        "P-903,f@example.com,Fine Person,a,email\n")


def _small_study(root: Path) -> Path:
    root.mkdir()
    (root / "study.yml").write_text("research_question: Who pays late?\nsegments:\n  attribute: segment\n"
                                    "  quotas: {a: 4}\n", encoding="utf-8")
    (root / "participants.csv").write_text("id,name,email,segment,channel,status,invited_on,scheduled_on,"
                                           "interviewed_on,consent_record,consent_quote\n", encoding="utf-8")
    return root


def test_recruit_apply_refuses_formula_and_multiline_pool_rows(tmp_path):
    from kit.recruit import RecruitError, read_pool, recruit

    pool = tmp_path / "pool.csv"
    pool.write_text(POOL, encoding="utf-8")
    people, problems = read_pool(pool, "segment")
    assert [p.email for p in people] == ["f@example.com"]
    assert [(p.line, p.is_error) for p in problems] == [(2, True), (3, True), (6, True)]
    assert "a formula in id, channel" in problems[0].message
    assert "a line break in name, channel" in problems[1].message and "Break" not in problems[1].message
    study = _small_study(tmp_path / "study")
    before = (study / "participants.csv").read_bytes()
    with pytest.raises(RecruitError):
        recruit(pool, study, 4, today="2026-03-01", dry_run=False)
    assert (study / "participants.csv").read_bytes() == before


def test_check_warns_about_formula_cells_in_participants(study_dir):
    csv = study_dir / "participants.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = ["=1+1" if h == "channel" else "" for h in header]
    cells[header.index("id")] = "P-777"
    csv.write_text("\n".join(lines + [",".join(cells)]) + "\n", encoding="utf-8")
    found = [p for p in check_study(study_dir) if "a formula in channel" in p.message]
    assert [(p.path, p.line, p.level) for p in found] == [(str(csv), len(lines) + 1, "warning")]


def test_check_warns_about_a_misspelt_keyword(study_dir):
    codebook = study_dir / "codebook.yml"
    text = codebook.read_text(encoding="utf-8")
    codebook.write_text(text.replace("keywords: [spreadsheet, copied]",
                                     "keywords:\n      - spreadsheet\n      - spredsheet\n      - payroll"),
                        encoding="utf-8")
    found = [str(p) for p in check_study(study_dir) if "matches no passage" in p.message]
    # the typo is named at its own line; 'payroll', said by no one and like no word, is a fair keyword
    assert found == [f"{codebook}:6: warning: keyword 'spredsheet' of code 'workaround' matches no passage in "
                     "this study (did you mean 'spreadsheet'?): check its spelling"]


def test_unmatched_keywords_match_as_the_autocoder_does(tmp_path):
    from kit.codebook import load_codebook, unmatched_keywords

    path = tmp_path / "codebook.yml"
    path.write_text("codes:\n  - name: friction\n    definition: x\n    keywords: [voicemails, phone tag, "
                    "voicemial, fone tag]\n", encoding="utf-8")
    codebook, problems = load_codebook(path)
    assert not problems
    found = unmatched_keywords(codebook, ["I left a voicemail.", "We played phone tag all week."])
    # 'voicemails' and 'phone tag' match on stems; 'fone' is too short to guess what was meant
    assert [p.message.split(" of code")[0] for p in found] == ["keyword 'voicemial'"]
    assert unmatched_keywords(codebook, []) == []


def test_a_codebook_key_given_twice_keeps_the_codes(tmp_path):
    from kit.codebook import load_codebook

    path = tmp_path / "codebook.yml"
    path.write_text("codes:\n  - name: pain\n    definition: first\n    keywords: [export]\n"
                    "    keywords: [zzzz]\n", encoding="utf-8")
    codebook, problems = load_codebook(path)
    assert codebook.names == ["pain"] and codebook.get("pain").keywords == ["zzzz"]
    assert [(p.line, p.is_error) for p in problems] == [(5, True)]


def test_a_question_too_long_to_lint_is_reported_not_linted(tmp_path):
    from kit.guide import lint_question
    from kit.guide.lint import MAX_QUESTION_CHARS
    from kit.guide.structure import format_report, lint_file

    text = "How do you like our " + "amazing and " * 20_000 + "product?"  # 240 KB, as an attacker sent
    result = lint_question(text)
    assert result["too_long"] and result["flags"] == [] and "240,028 characters" in result["verdict"]
    assert lint_question("a" * MAX_QUESTION_CHARS).get("too_long") is None
    guide = tmp_path / "long-line.txt"
    guide.write_text("Tell me about the last time you paid an invoice.\n" + text + "\n", encoding="utf-8")
    result, problems = lint_file(guide)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(2, "question 2")]
    assert ":0:" not in format_report(result)  # a whole-guide finding (the time budget) has no line


def test_review_lists_but_does_not_score_a_question_too_long_to_lint(tmp_path):
    from kit.review import review_transcript

    path = tmp_path / "huge.txt"
    path.write_text("Interviewer: " + "why " * 30_000 + "?\nP: " + "x" * 100_000 + "\n", encoding="utf-8")
    review = review_transcript(path)
    assert [q["not_linted"] for q in review["questions"]] == [True]
    assert review["n_questions"] == 0


def test_recruit_apply_reads_a_windows_1252_participants_file(tmp_path):
    from kit.recruit import recruit

    pool = tmp_path / "pool.csv"
    pool.write_text("email,name,segment\nf@example.com,Fine Person,a\n", encoding="utf-8")
    study = _small_study(tmp_path / "study")
    csv = study / "participants.csv"
    csv.write_bytes(csv.read_bytes() + "P-001,Zoë Café,z@example.com,a,email,invited,2026-01-02,,,no,no\n"
                    .encode("cp1252"))  # saved by Excel on Windows: once a UnicodeDecodeError traceback
    before = csv.read_bytes()
    recruit(pool, study, 1, today="2026-03-01", dry_run=False)
    # s6: appended in the file's own encoding, every existing byte kept (Excel reopens it as it was)
    assert csv.read_bytes().startswith(before)
    text = csv.read_bytes().decode("cp1252")
    assert "Zoë Café" in text and "f@example.com" in text


@fifo
def test_a_fifo_participants_file_is_reported_by_recruit(tmp_path):
    from kit.recruit import RecruitError, recruit

    pool = tmp_path / "pool.csv"
    pool.write_text("email,name,segment\nf@example.com,Fine Person,a\n", encoding="utf-8")
    study = _small_study(tmp_path / "study")
    (study / "participants.csv").unlink()
    os.mkfifo(study / "participants.csv")
    with pytest.raises(RecruitError) as caught:
        recruit(pool, study, 1, today="2026-03-01", dry_run=False)
    assert "not a regular file" in str(caught.value)


def test_a_study_yml_key_given_twice_keeps_the_rest_of_the_file(study_dir):
    from kit.study import load_study

    yml = study_dir / "study.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "sprint: S9\nsprint: S10\n", encoding="utf-8")
    study = load_study(study_dir, strict=False)
    assert study.config["sprint"] == "S10" and study.config.get("research_question")
