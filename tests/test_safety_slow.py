"""Safe against interrupted runs and hostile study text (issue 19), the slow cases: runs
killed by SIGTERM, SIGINT and SIGKILL, two runs on one OUT, one whole run on a hostile study
opened in headless Chromium, a real 3 GiB zip bomb, large inputs and fuzzing the parsers."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, tree_snapshot, write
from kit.safety import OUTPUT_MARKER, mark_output

pytestmark = pytest.mark.slow

# A run of the CLI whose workflow is the notebooks named on the command line after "--".
CLI_WITH_NOTEBOOKS = """
import sys
from pathlib import Path
import kit.pipeline
cut = sys.argv.index("--")
notebooks = [Path(p) for p in sys.argv[cut + 1:]]
kit.pipeline.workflow_notebooks = lambda folder=None: notebooks
from kit.cli import main
sys.exit(main(sys.argv[1:cut]))
"""


def _notebook(path: Path, code: str) -> Path:
    import nbformat
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('study_dir = ""\nout_dir = ""\nsprint = ""\ninclude_names = False',
                                  metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _start(study: Path, out: Path, notebooks: list[Path], tmp: Path, *extra) -> subprocess.Popen:
    tmp.mkdir(exist_ok=True)
    env = dict(os.environ, TMPDIR=str(tmp), PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", CLI_WITH_NOTEBOOKS, "run", str(study), "--out", str(out),
                             "--quiet", "--jobs", "1", *extra, "--", *map(str, notebooks)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_ctrl_c_default)


def _ctrl_c_default() -> None:
    """The run starts with Ctrl-C's default disposition, as from a terminal: a test suite
    started in the background (``cmd &`` in a script, as CI may run it) ignores SIGINT, and
    its children inherit that, so they would rightly not stop on it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for(path: Path, proc: subprocess.Popen, seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the run ended early: {proc.communicate()}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("the notebook never started")
        time.sleep(0.2)


def _kernel_pids(tmp: Path) -> list[int]:
    return [int(p.name) for p in tmp.glob("interview-kit-kernel-*/pids/*")]


def _running(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _gone(pids, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    return not any(_running(pid) for pid in pids)


def _old_report(out: Path) -> dict:
    write(out / "index.html", "the last good report")
    mark_output(out)
    return tree_snapshot(out)


def _busy_notebook(tmp_path: Path) -> tuple[Path, Path]:
    """A notebook that signals it started, then backtracks in C holding the GIL (what hung
    the kit with a codebook pattern ``(a+)+$``): its kernel cannot notice its parent died."""
    flag = tmp_path / "started"
    code = (f"open({str(flag)!r}, 'w').close()\n"
            "import re\nre.match(r'(a+)+$', 'a' * 60 + 'b')")
    return _notebook(tmp_path / "nbs" / "01-busy.ipynb", code), flag


@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stopped_run_stops_its_kernels_and_cleans_up(tmp_path, study_dir, sig, code):
    out, tmp = tmp_path / "report", tmp_path / "tmp"
    before = _old_report(out)
    nb, flag = _busy_notebook(tmp_path)
    proc = _start(study_dir, out, [nb], tmp, "--log", str(tmp_path / "cron.log"))
    _wait_for(flag, proc)
    kernels = _kernel_pids(tmp)
    assert kernels and all(_running(pid) for pid in kernels)
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    assert f"stopped by {sig.name}" in stderr and "previous report is unchanged" in stderr
    assert "Traceback" not in stderr and "bug" not in stderr
    assert _gone(kernels), "a kernel outlived its run"
    assert tree_snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cron.log", "nbs", "report", "started",
                                                          "study", "tmp"]
    assert not list(tmp.glob("interview-kit-*"))
    assert (tmp_path / "cron.log").read_text().splitlines()[-1].endswith(f"exit={code}")  # the log says the exit the process gives


def test_a_killed_run_leaves_the_report_and_the_next_run_sweeps(tmp_path, study_dir):
    out, tmp = tmp_path / "report", tmp_path / "tmp"
    before = _old_report(out)
    nb, flag = _busy_notebook(tmp_path)
    proc = _start(study_dir, out, [nb], tmp)
    _wait_for(flag, proc)
    kernels = _kernel_pids(tmp)
    proc.kill()
    proc.communicate(timeout=30)
    assert _gone(kernels), "a kernel outlived its killed run (PR_SET_PDEATHSIG)"
    assert tree_snapshot(out) == before
    left = [p for p in tmp_path.iterdir() if ".building-" in p.name] + list(tmp.glob("interview-kit-kernel-*"))
    # the build, the private drafts' build beside it (moved into OUT-private only on success)
    # and the kernel's temp folder
    assert len(left) == 3 and sum("-private-" in p.name for p in left) == 1
    quick = _notebook(tmp_path / "nbs2" / "01-quick.ipynb", "import pathlib\n"
                      "pathlib.Path(out_dir, 'index.html').write_text('the new report')")
    proc = _start(study_dir, out, [quick], tmp)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert (out / "index.html").read_text() == "the new report" and (out / OUTPUT_MARKER).is_file()
    assert not any(p.exists() for p in left)
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name or ".old-" in p.name]


def test_two_plain_runs_on_one_out_both_publish(tmp_path, study_dir):
    out, tmp = tmp_path / "report", tmp_path / "tmp"
    nbs = [_notebook(tmp_path / f"nbs{i}" / "01-quick.ipynb", "import pathlib, time\ntime.sleep(2)\n"
                     f"pathlib.Path(out_dir, 'index.html').write_text('run {i}')") for i in (1, 2)]
    procs = [_start(study_dir, out, [nb], tmp) for nb in nbs]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert (out / "index.html").read_text() in ("run 1", "run 2")
    assert sorted(p.name for p in out.iterdir()) == [OUTPUT_MARKER, "index.html", "notebooks", "run.log"]
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name or ".old-" in p.name]
    assert not list(tmp.glob("interview-kit-*"))


# -- one whole run on a hostile study --------------------------------------------------------------
PAYLOADS = {  # no quotes inside: they go into YAML, notes and tables as they are
    "script": "<script>window.pwned=(window.pwned||[]).concat(1)</script>",
    "img": "<img src=x onerror=window.pwned=(window.pwned||[]).concat(2)>",
    "svg": "<svg onload=window.pwned=(window.pwned||[]).concat(3)></svg>",
}
FORMULA = "=HYPERLINK(evil.example) is what I clicked"


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """The conftest study with script in its title, research question, objectives, a guide
    question and a quote, and a spreadsheet formula in a quote: run once, --jobs 1."""
    from conftest import CODEBOOK, CODINGS, NOTE_1, NOTE_2, PARTICIPANTS, STUDY_YML, TRANSCRIPT_1

    root = tmp_path_factory.mktemp("hostile")
    study = root / "study"
    yml = STUDY_YML.replace("title: Onboarding", f"title: {json.dumps('Onboarding ' + PAYLOADS['script'])}")
    yml = yml.replace("research_question: How do new team leads set up their first project?",
                      f"research_question: {json.dumps('How do leads start ' + PAYLOADS['img'])}")
    yml += f"objectives:\n  - {json.dumps('See the setup ' + PAYLOADS['svg'])}\n  - {json.dumps(PAYLOADS['script'])}\n"
    write(study / "study.yml", yml)
    opener = json.dumps("Tell me about the last time you set up a project " + PAYLOADS["img"])
    write(study / "guide.yml", "format: micro\nquestions:\n"
                               f"  - text: {opener}\n"
                               "    kind: opener\n"
                               f"  - text: {json.dumps('Walk me through what happened next ' + PAYLOADS['svg'])}\n"
                               "    kind: targeted\n"
                               "  - text: 'Looking ahead, what will you do next time?'\n    kind: future\n")
    write(study / "participants.csv", PARTICIPANTS)
    note = NOTE_1.replace("## Key Quotes\n", f'## Key Quotes\n- "{FORMULA}" (0:20)\n'
                                            f'- "It broke {PAYLOADS["script"]} {PAYLOADS["img"]}" (0:30)\n')
    write(study / "interviews" / "INT-001.md", note)
    write(study / "interviews" / "INT-002.md", NOTE_2)
    write(study / "transcripts" / "INT-001.txt", TRANSCRIPT_1)
    write(study / "codebook.yml", CODEBOOK)
    write(study / "codings" / "ana.csv", CODINGS)
    out, tmp = root / "report", root / "tmp"
    tmp.mkdir()
    proc = subprocess.run([sys.executable, "-m", "kit", "run", str(study), "--out", str(out), "--quiet",
                           "--jobs", "1"], capture_output=True, text=True, timeout=1500,
                          env=dict(os.environ, PYTHONPATH=str(REPO), TMPDIR=str(tmp)))
    assert proc.returncode == 0, proc.stderr[-3000:]
    analyzed = root / "analyzed"
    subprocess.run([sys.executable, "-m", "kit", "analyze", str(study), "--out", str(analyzed), "--quiet"],
                   check=True, capture_output=True, env=dict(os.environ, PYTHONPATH=str(REPO)))
    return study, out, analyzed


def test_published_tables_and_working_outputs_neutralise_formulas(hostile_run):
    import csv

    study, out, analyzed = hostile_run
    cells = {}
    for table in (out / "tables").rglob("*.csv"):
        with open(table, newline="", encoding="utf-8") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    cells.setdefault(cell, table.name)
    assert "'" + FORMULA in cells  # the quote reached a published table, neutralised
    executable = {c: t for c, t in cells.items() if c[:1] in ("=", "+", "@", "\t", "\r")
                  or (c.startswith("-") and not c.lstrip("-").replace(".", "", 1).replace("e-", "", 1).isdigit())}
    assert not executable
    import pandas as pd

    turns = pd.read_csv(analyzed / "turns.csv", dtype=str, keep_default_na=False)
    assert len(turns)  # analyze's working tables follow the same rule (a spreadsheet opens them too)
    texts = turns["text"].tolist()
    assert not [t for t in texts if t[:1] in ("=", "+", "@")]
    assert any(t.startswith("'=") for t in texts) == any(FORMULA in t for t in texts)


def test_no_injected_script_runs_in_any_published_page(hostile_run, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="the Python package playwright is not installed")
    from test_browser import CHROMIUM_ARGS, _chromium

    chromium = _chromium()
    if chromium is None:
        pytest.skip("Chromium not found at /usr/bin/chromium (apt-get install chromium)")
    study, out, _ = hostile_run
    pages = sorted(out.rglob("*.html"))
    names = {p.relative_to(out).as_posix() for p in pages}
    assert {"index.html", "notebooks/01-guide-design.html", "notebooks/03-capture.html"} <= names
    guide_page = (out / "notebooks" / "01-guide-design.html").read_text()
    assert "Tell me about the last time you set up a project" in guide_page  # the guide is shown, as text
    ran = {}
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                       else route.abort())  # offline: the CDN scripts of nbconvert's pages are not fetched
            dialogs = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for path in pages:
                page.goto(path.as_uri(), wait_until="load")
                page.wait_for_timeout(300)
                ran[path.name] = page.evaluate("window.pwned || []") + dialogs
        finally:
            browser.close()
    assert ran and not any(ran.values()), ran


def test_the_hostile_run_left_nothing_behind(hostile_run):
    study, out, _ = hostile_run
    assert (out / OUTPUT_MARKER).is_file()
    # OUT-private holds the drafts addressed to participants (private outputs, kit.outputs)
    assert sorted(p.name for p in out.parent.iterdir()) == ["analyzed", "report", "report-private",
                                                            "study", "tmp"]
    assert not list((out.parent / "tmp").iterdir())  # no kernel folder, no demo copy of the study


# -- archives and inputs ------------------------------------------------------------------------------
def test_a_real_3_gib_zip_bomb_is_refused_without_memory_error(tmp_path):
    from kit import qdpx

    bomb = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("project.qde", "w", force_zip64=True) as fh:
            chunk = b"\0" * (16 << 20)
            for _ in range(3 * 64):
                fh.write(chunk)
    assert bomb.stat().st_size < 20 * 1024 * 1024
    frame, problems = qdpx.import_qdpx(bomb)
    assert len(frame) == 0 and [p.line for p in problems] == [0]
    assert "refused to unpack" in problems[0].message and "3,221,225,472" in problems[0].message


def test_a_50_mb_transcript_is_read_or_reported(capsys, study_dir):
    from kit import cli

    line = "Jo: we copied the spreadsheet again because the template did not fit what we needed\n"
    (study_dir / "transcripts" / "INT-001.txt").write_text(line * (50 * 1024 * 1024 // len(line)))
    code = cli.main(["check", str(study_dir)])
    captured = capsys.readouterr()
    assert code in (0, 1) and "Traceback" not in captured.out + captured.err


# -- fuzzing -----------------------------------------------------------------------------------------
def test_fuzz_the_transcript_and_note_parsers():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from kit.errors import StudyError
    from kit.notes import parse_note_text
    from kit.transcripts import parse_transcript

    pieces = st.sampled_from(["WEBVTT\n", "\n", "00:00:01.000 --> 00:00:02.000\n", "1\n", "<v Ana>", "</v>",
                              "Ana: ", "Jo (00:03): ", "Ana  0:03\n", "---\n", "id: INT-1\n", "## Key Quotes\n",
                              "- \"quote\" (0:40)\n", "| Owner | Action | Due Date | Status |\n", "&", "\r",
                              "\x00", "\ufeff", "x: &a [*a]\n", "!!python/object:os.system\n", ": ", "#"])
    texts = st.one_of(st.text(max_size=400), st.lists(st.one_of(pieces, st.text(max_size=20)), max_size=40)
                      .map("".join))

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
    @given(texts)
    def fuzz(text):
        try:
            frame = parse_transcript(text, "fuzz.txt")
            assert {"speaker", "start", "end", "text"} <= set(frame.columns)
        except StudyError as exc:
            assert exc.problems and all(str(p).startswith("fuzz.txt:") for p in exc.problems)
        note = parse_note_text(text, "fuzz.md")
        assert all(str(p).startswith("fuzz.md:") for p in note.errors)

    fuzz()
