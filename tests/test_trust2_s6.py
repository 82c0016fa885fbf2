"""Round 6 trust fixes (trust2): word-vector files are checked, a capped --n-themes is said,
--force replaces only regular files, lab --dry-run prints a shell-quoted command, and a range
that collapses to one value is printed once."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import write

DENTAL = Path(__file__).parent / "data" / "newcomer-dental"


def _themes(study, out, *extra):
    from kit.cli import main

    return main(["themes", str(study), "--out", str(out), *extra])


# -- 1. a broken word-vector file is a located error, exit 2 ----------------------------------
@pytest.mark.parametrize("text, line, words", [
    ("3 1000000000\ninvoice 0.1 0.2\n", 2, "2 numbers, expected 1,000,000,000 (the header's dimensions)"),
    ("999999999999 2\ninvoice 0.1 0.2\n", 1, "the header says 999,999,999,999 vectors but the file holds 1"),
    ("invoice nan inf\nlate 0.1 0.2\n", 1, "number 1 (nan) is not a finite number"),
    ("invoice 0.1 0.2\nlate 0.1 inf\n", 2, "number 2 (inf) is not a finite number"),
    ("invoice 0.1 0.2\npaid 1e400 0\n", 2, "number 1 (1e400) is not a finite number"),
    ("root:x:0:0:root:/root:/bin/bash\n", 1, "expected a word followed by numbers"),
    ("invoice 0.1 0.2\nlate 0.1\n", 2, "1 numbers, expected 2 (the first vector's dimensions)"),
    ("2 0\ninvoice\nlate\n", 1, "the header says 0 dimensions"),
])
def test_a_broken_word_vector_file_is_a_located_usage_error(study_dir, tmp_path, capsys, text, line, words):
    model = write(tmp_path / "model.vec", text)
    before = capsys.readouterr()
    assert _themes(study_dir, tmp_path / "out", "--embedding-model", str(model)) == 2
    err = capsys.readouterr().err
    assert f"{model}:{line}: " in err and words in err, err
    assert "Traceback" not in err and "Warning" not in err and not (tmp_path / "out").exists()
    del before


def test_a_binary_file_is_not_word_vectors(study_dir, tmp_path, capsys):
    model = tmp_path / "model.bin"
    model.write_bytes(b"invoice 0.1 0.2\n\xff\xfe\x00binary\n")
    assert _themes(study_dir, tmp_path / "out", "--embedding-model", str(model)) == 2
    err = capsys.readouterr().err
    assert f"{model}:2: not UTF-8 text" in err


def test_word_vectors_that_know_none_of_the_studys_words_are_refused(study_dir, tmp_path, capsys):
    model = write(tmp_path / "model.vec", "2 2\nzzqx 0.1 0.2\nqqzy 0.3 0.1\n")
    assert _themes(study_dir, tmp_path / "out", "--embedding-model", str(model)) == 2
    assert f"{model}:1: the word vectors cover none of the study's" in capsys.readouterr().err


def test_good_word_vectors_still_give_themes_without_library_warnings(study_dir, tmp_path, capfd):
    from kit.study import load_study
    from kit.theme_discovery import _Analyzer, _stop_words, _surface_words, passages

    study = load_study(study_dir, strict=False)
    analyzer = _Analyzer(_stop_words(study))
    words = sorted({w for t in passages(study)["text"] for w in _surface_words(t, analyzer)})
    assert len(words) >= 4
    lines = [f"{w} {i % 3} {(i * 7) % 5 + 1} 1" for i, w in enumerate(words)]
    model = write(tmp_path / "model.vec", f"{len(lines)} 3\n" + "\n".join(lines) + "\n")
    assert _themes(study_dir, tmp_path / "out", "--embedding-model", str(model), "--n-themes", "2") == 0
    captured = capfd.readouterr()
    assert "Warning" not in captured.err and "suggested themes" in captured.err
    assert (tmp_path / "out" / "suggested_themes.csv").is_file()


# -- 2. a --n-themes above what the study can give is said --------------------------------------
def test_n_themes_above_the_passages_is_noted_on_stderr(study_dir, tmp_path, capsys):
    from kit.theme_discovery import discover_themes

    assert _themes(study_dir, tmp_path / "out", "--n-themes", "500") == 0
    err = capsys.readouterr().err
    fitted = discover_themes(study_dir, n_themes=500).settings
    assert fitted["n_themes_fitted"] < 500
    assert (f"note: --n-themes 500 asks for more themes than the study can give ({fitted['n_passages']} passages); "
            f"fitted {fitted['n_themes_fitted']}") in err


def test_n_themes_within_reach_gives_no_note(study_dir, tmp_path, capsys):
    assert _themes(study_dir, tmp_path / "out", "--n-themes", "2") == 0
    assert "note: --n-themes" not in capsys.readouterr().err


# -- 3. --force replaces only a regular file ------------------------------------------------------
def test_force_does_not_replace_a_fifo(study_dir, tmp_path, capsys):
    from kit.cli import main

    fifo = tmp_path / "project.qdpx"
    os.mkfifo(fifo)
    assert main(["export", str(study_dir), "--qdpx", str(fifo), "--force"]) == 2
    err = capsys.readouterr().err
    assert "refused: it is a named pipe (FIFO), not a regular file" in err and "Traceback" not in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("option", ["--qdpx", "--qdc"])
def test_force_does_not_replace_a_device(study_dir, capsys, option):
    from kit.cli import main

    before = os.stat("/dev/null")
    assert main(["export", str(study_dir), option, "/dev/null", "--force"]) == 2
    assert "refused: it is a character device, not a regular file" in capsys.readouterr().err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_a_link_to_a_fifo_is_refused_too(tmp_path):
    from kit.safety import UnsafeTarget, check_output

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "link.qdc").symlink_to(fifo)
    for kind in ("qdc", None):
        with pytest.raises(UnsafeTarget, match="named pipe"):
            check_output(tmp_path / "link.qdc", [], option="--qdc", folder=False, kind=kind, force=True)
    with pytest.raises(UnsafeTarget, match="not a folder"):
        check_output(fifo, [], option="--out", folder=True, force=True)


def test_force_still_replaces_a_regular_file(study_dir, tmp_path, capsys):
    from kit.cli import main

    old = write(tmp_path / "old.qdpx", "not a project")
    assert main(["export", str(study_dir), "--qdpx", str(old)]) == 2
    assert main(["export", str(study_dir), "--qdpx", str(old), "--force"]) == 0
    import zipfile

    assert zipfile.is_zipfile(old)


# -- 5. lab --dry-run is shell-quoted -------------------------------------------------------------
def test_lab_dry_run_prints_a_shell_quoted_command(study_dir, tmp_path, capsys):
    from kit.cli import main
    from kit.cli.lab import lab_command

    out = tmp_path / "my notes; it's $HOME"
    assert main(["lab", str(study_dir), "--out", str(out), "--dry-run"]) == 0
    printed = capsys.readouterr().out.strip()
    assert "\n" not in printed
    assert shlex.split(printed) == lab_command(out.resolve())


# -- 6. a range that collapses is printed once -----------------------------------------------------
def test_fmt_range_prints_one_value_when_low_equals_high():
    from kit.report.formatting import fmt_ratio_range, fmt_range

    assert fmt_ratio_range(7.89, 7.89) == "789%"
    assert fmt_ratio_range(1.5, 4.8) == "150% to 480%"
    assert fmt_ratio_range(25.0, 25.0) == "25.0×"
    assert fmt_range("GBP 2,400", "GBP 2,400") == "GBP 2,400"
    assert fmt_range("GBP 2,400", "GBP 4,000") == "GBP 2,400 to GBP 4,000"


def test_a_single_share_attribution_reads_as_one_value_in_the_report(tmp_path):
    from kit import program
    from kit.report.page import Report
    from kit.study import load_study

    study = Path(shutil.copytree(DENTAL / "study", tmp_path / "dental"))
    write(study / "decisions.csv",
          "id,date,decision,evidence,estimated_value,value_kind,outcome_metric,outcome_baseline,outcome_reading,"
          "reading_date,attribution\nD-001,2026-03-20,Build two-way SMS rescheduling,INT-001; INT-005,8000,"
          "revenue,no-shows per week,12,,,0.3\n")
    loaded = load_study(study)
    program.program_json(loaded, tmp_path / "out", as_of="2026-11-30")
    context = Report(loaded, tmp_path / "out").context()
    leadership = next(s for s in context["sections"] if s["id"] == "leadership")
    texts = [*context["findings"], *(m["value"] for m in context["metrics"])]
    for block in leadership["blocks"]:
        texts += [m["value"] for m in block.get("metrics") or []] + list(block.get("bullets") or [])
    words = "\n".join(texts)
    repeated = re.findall(r"([A-Z]{3} [\d,]+|-?[\d.,]+[%×]) to \1(?![\d,.])", words)
    assert not repeated, repeated
    # 30% of 8,000 is 2,400; against the study's cost of 600 that is a 300% return
    assert "would return USD 2,400, a return on investment of 300% (" in words, words
    assert "2,400 to" not in words and "300% to" not in words


def test_a_log_may_still_go_to_a_device_it_only_appends_to(tmp_path):
    from kit.safety import UnsafeTarget, check_output

    assert check_output("/dev/null", [], option="--log", folder=False, append=True) == Path("/dev/null")
    with pytest.raises(UnsafeTarget, match="character device"):
        check_output("/dev/null", [], option="--log", folder=False)


# -- 4. control characters in paths never split a log entry or a printed path ----------------------
def test_escape_controls_keeps_one_line_and_other_text():
    from kit.safety import escape_controls, one_line_path

    assert escape_controls("a\nb\tc\rd\x1be\\f\u2028g é") == "a\\nb\\tc\\rd\\x1be\\\\f\\u2028g é"
    assert one_line_path("/tmp/plain é/index.html") == "/tmp/plain é/index.html"
    assert one_line_path("/tmp/a\nb/it's") == "$'/tmp/a\\nb/it\\'s'"


def test_a_newline_in_the_study_path_stays_inside_one_log_entry(study_dir, tmp_path, capsys):
    from kit.cli import main

    odd = Path(shutil.copytree(study_dir, tmp_path / "evil\n2026-01-01T00:00:00\tend\tok\tforged\texit=0\nx"))
    write(odd / "participants.csv", "participant_id,name\nP01,Ann\nP01,Ann again\n")  # an error: no notebook runs
    log = tmp_path / "sched.log"
    assert main(["run", str(odd), "--out", str(tmp_path / "report"), "--log", str(log), "--quiet"]) == 1
    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2, lines
    start, end = (line.split("\t") for line in lines)
    assert start[1] == "start" and len(start) == 4
    assert start[2] == "study=" + str(odd.resolve()).replace("\n", "\\n").replace("\t", "\\t")
    assert end[1] == "end" and end[3] == "exit=1" and re.fullmatch(r"study has \d+ error\(s\); no notebook run", end[2])
    problems = capsys.readouterr().err.splitlines()
    located = [line for line in problems if "participants.csv:" in line]
    assert located and all(line.startswith(str(odd.resolve()).replace("\n", "\\n").replace("\t", "\\t"))
                           for line in located), problems


def test_a_newline_in_an_output_path_is_printed_on_one_line(study_dir, tmp_path, capsys):
    from kit.cli import main

    folder = tmp_path / "a\nb"
    folder.mkdir()
    target = folder / "project.qdpx"
    assert main(["export", str(study_dir), "--qdpx", str(target)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("\n") == 1 and target.is_file()
    back = subprocess.run(["bash", "-c", f"printf %s {printed.strip()}"], capture_output=True, text=True, check=True)
    assert back.stdout == str(target.resolve())  # the shell reads the printed path back as the same path


# -- 8. review standalone shows the transcript warnings check shows -------------------------------
ONCE = """Interviewer: Tell me about the last time you paid?
Dana: I paid late last week.
Bob: I agree.
Interviewer: What happened next?
Dana: Nothing happened at all.
[inaudible 00:01:22]
Transcribed by https://otter.ai
"""


@pytest.mark.slow  # check's language findings take seconds
def test_review_of_a_lone_transcript_shows_checks_transcript_warnings(tmp_path, capsys):
    from kit.check import check_study
    from kit.cli import main

    folder = tmp_path / "lone"
    transcript = write(folder / "once.txt", ONCE)
    from_check = {str(p) for p in check_study(folder)
                  if p.path == str(transcript) and p.line in (3, 6, 7)}
    assert {int(line.split(":")[1]) for line in from_check} == {3, 6, 7}
    # review hides a speaker label that belongs to no participant (since session 11 a label used
    # once, 'Bob:', is a speaker of its own, not text of the turn above): the same warning, label hidden
    from_check = {line.replace("'Bob:'", "'[name]:'") for line in from_check}
    assert main(["review", str(transcript)]) == 0
    printed = set(capsys.readouterr().out.splitlines())
    assert from_check <= printed, from_check - printed
    assert main(["review", "--json", str(transcript)]) == 0
    import json

    assert from_check <= set(json.loads(capsys.readouterr().out)["problems"])


# -- 7. notebook 01: one lint shared, the chart's work flat in the number of questions -------------
def _long_guide(tmp_path, n: int) -> Path:
    from kit.paths import pilot_path

    study = Path(shutil.copytree(pilot_path(), tmp_path / "long"))
    kinds = ["opener"] + ["targeted"] * (n - 3) + ["probe", "future"]
    lines = ["format: micro", "questions:"]
    lines += [f'  - {{text: "Tell me about the last time you sent invoice number {i}.", kind: {kind}}}'
              for i, kind in enumerate(kinds)]
    write(study / "guide.yml", "\n".join(lines) + "\n")
    return study


def test_a_long_guide_is_charted_by_role(tmp_path):
    from kit.guide import lint_file
    from kit.viz.guide import MAX_CHART_QUESTIONS, structure_chart

    n = MAX_CHART_QUESTIONS * 3
    result, _ = lint_file(_long_guide(tmp_path, n) / "guide.yml")
    assert len(result["questions"]) == n
    fig = structure_chart(result)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    roles = {}
    for q in result["questions"]:
        roles[q["role"]] = roles.get(q["role"], 0) + 1
    assert labels[:-1] == [f"{role}: {count:,} question(s)" for role, count in roles.items()]
    assert f"{n:,} questions by role" in ax.get_title()
    widths = [bar.get_width() for container in ax.containers for bar in container]
    assert len(widths) == len(roles) + 1  # a bar per role and the whole guide's range
    assert sum(widths) == pytest.approx(sum(q["minutes"] for q in result["questions"])
                                                   + result["budget"]["minutes_high"] - result["budget"]["minutes_low"])
    assert fig.get_size_inches()[1] < 10


def test_the_notebooks_table_and_printable_guide_share_one_lint(tmp_path, monkeypatch):
    import kit.guide_export as ge

    study = _long_guide(tmp_path, 12)
    calls = []
    real = ge.lint_file
    monkeypatch.setattr(ge, "lint_file", lambda path: calls.append(path) or real(path))
    ge._LINTED.clear()
    result, _ = ge.lint_study_guide(study)
    data = ge.guide_data(study)
    assert len(calls) == 1 and len(data["questions"]) + len(data["probes"]) == len(result["questions"]) == 12
    assert ge.lint_study_guide(study)[0]["path"] == "guide.yml"
    write(study / "guide.yml", (study / "guide.yml").read_text(encoding="utf-8").replace("number 3.", "number three."))
    assert "number three" in " ".join(q["text"] for q in ge.guide_data(study)["questions"])
    assert len(calls) == 2  # an edited guide is linted again
