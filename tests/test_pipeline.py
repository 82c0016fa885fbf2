"""`interview-kit run`: notebooks executed, report written, failures named and harmless,
and no participant's name or email in anything shared."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kit
from kit.errors import StudyError
from kit.pipeline import LOG_NAME, NotebookFailed, PrivacyLeak, dependencies, estimates, run, workflow_notebooks
from kit.safety import mark_output
from conftest import REPO, tree_snapshot, write

@pytest.fixture
def pilot_report(pilot_run):
    # the pilot is run once per test session (conftest.pilot_run), shared with test_notebooks
    return pilot_run, pilot_run / "index.html"


@pytest.mark.slow
def test_run_writes_report_and_executed_notebooks(pilot_report):
    import nbformat
    out, index = pilot_report
    assert index == out / "index.html" and index.is_file()
    for nb in workflow_notebooks():
        executed = out / "notebooks" / nb.name
        assert executed.is_file() and (out / "notebooks" / f"{nb.stem}.html").is_file()
        cells = nbformat.read(executed, as_version=4).cells
        assert not any(o.get("output_type") == "error" for c in cells for o in c.get("outputs", []))
    html = index.read_text()
    study = kit.load_study(kit.paths.pilot_path())
    assert study.name in html and f"<b>{len(study.interviews)}</b>" in html
    assert (out / "tables" / "talk_ratio.csv").is_file()


@pytest.mark.slow
def test_shared_outputs_hold_no_names_or_emails(pilot_report):
    out, _ = pilot_report
    people = kit.load_study(kit.paths.pilot_path()).participants
    secrets = [s for s in list(people["name"]) + list(people["email"]) if s]
    assert len(secrets) >= 30
    for path in out.rglob("*"):
        if path.suffix in (".html", ".csv", ".ipynb", ".json"):
            text = path.read_text(encoding="utf-8")
            leaked = [s for s in secrets if s in text]
            assert not leaked, f"{path.name} shows {leaked[:3]}"


@pytest.mark.slow
def test_first_names_contacts_absent_from_the_report(pilot_report):
    import pandas as pd

    out, index = pilot_report
    people = kit.load_study(kit.paths.pilot_path()).participants
    firsts = {n.split()[0] for n in people["name"] if n}
    report_files = [index] + sorted((out / "tables").glob("report_*.csv"))
    for path in report_files:
        text = path.read_text(encoding="utf-8")
        assert "07700 900123" not in text and "accounts@example.com" not in text, path.name
    for path in sorted((out / "tables").glob("*quote*.csv")):
        quotes = pd.read_csv(path)
        if "text" in quotes:
            said = set(re.findall(r"\b[A-Z][a-z]+\b", " ".join(quotes["text"].astype(str))))
            assert not said & firsts, f"{path.name} quotes {sorted(said & firsts)[:3]}"
    html = index.read_text(encoding="utf-8")
    # the passages with the pilot's phone and email are published redacted (since session 13 the
    # page shows a stage's most negative passage only at -0.25 or below, so they may be in the tables alone)
    shared = html + " ".join(p.read_text(encoding="utf-8") for p in sorted((out / "tables").glob("*.csv")))
    assert "[phone]" in shared and "[email]" in shared
    assert "07700 900123" not in shared and "accounts@example.com" not in shared


@pytest.mark.slow
def test_contact_details_in_quotes_redacted_in_every_table(pilot_report):
    out, _ = pilot_report
    files = [p for p in sorted(out.rglob("*")) if p.suffix in (".csv", ".html", ".ipynb", ".json", ".md")]
    leaks = [p.name for p in files
             if "07700 900123" in p.read_text(encoding="utf-8") or "accounts@example.com" in p.read_text(encoding="utf-8")]
    assert len(files) > 20 and not leaks, leaks


@pytest.mark.slow
def test_first_names_of_participants_are_redacted_in_published_notebooks(pilot_report):
    import re

    out, _ = pilot_report
    people = kit.load_study(kit.paths.pilot_path()).participants
    firsts = {n.split()[0] for n in people["name"] if n}
    published = list((out / "notebooks").glob("*.html")) + [out / "index.html"]
    for path in published:
        text = path.read_text(encoding="utf-8")
        shown = sorted(f for f in firsts if re.search(rf"(?<![\w@.]){re.escape(f)}(?![\w@])", text))
        assert not shown, f"{path.name} shows {shown}"


@pytest.mark.slow
def test_run_log_has_one_line_per_notebook(pilot_report):
    out, _ = pilot_report
    lines = (out / LOG_NAME).read_text().splitlines()
    assert [line.split("\t")[0] for line in lines] == [nb.name for nb in workflow_notebooks()]
    for line in lines:
        name, seconds, status = line.split("\t")
        assert float(seconds) > 0 and status == "ok"


@pytest.mark.slow
def test_tables_are_the_same_on_a_second_run(pilot_report, tmp_path):
    out, _ = pilot_report
    some = [nb for nb in workflow_notebooks() if nb.stem in ("03-capture", "08-sprint-report")]
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        run(None, folder, progress=False, notebooks=some)
    tables = sorted(p.name for p in (first / "tables").glob("*.csv"))
    assert tables == sorted(p.name for p in (second / "tables").glob("*.csv"))
    for name in tables:
        assert (first / "tables" / name).read_bytes() == (second / "tables" / name).read_bytes(), name
    assert (first / "index.html").read_bytes() == (second / "index.html").read_bytes()
    for name in ("interviews.csv", "talk_ratio.csv", "quotes.csv", "follow_up.csv"):  # what 03 writes
        assert (first / "tables" / name).read_bytes() == (out / "tables" / name).read_bytes(), name


@pytest.mark.slow
def test_quotes_only_from_consenting_participants(pilot_report):
    import pandas as pd

    out, _ = pilot_report
    study = kit.load_study(kit.paths.pilot_path())
    quotes = pd.read_csv(out / "tables" / "quotes.csv")
    assert set(quotes["participant"]) <= study.consenting()
    refused = study.quotes[~study.quotes["consent_quote"]]
    assert len(refused) > 0 and not set(refused["segment_id"]) & set(quotes["segment_id"])


def _broken_notebooks(tmp_path) -> list[Path]:
    import nbformat
    folder = tmp_path / "nbs"
    folder.mkdir()
    good = folder / "01-good.ipynb"
    shutil.copy(REPO / "notebooks" / "03-capture.ipynb", good)
    nb = nbformat.read(good, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise ValueError('the codebook exploded')"))
    bad = folder / "02-bad.ipynb"
    nbformat.write(nb, bad)
    return [good, bad]


@pytest.mark.slow
def test_failed_notebook_is_named_and_previous_report_kept(tmp_path):
    import nbformat
    out = tmp_path / "report"
    write(out / "index.html", "the last good report")
    mark_output(out)  # a report the kit wrote
    before = tree_snapshot(out)
    with pytest.raises(NotebookFailed) as err:
        # two workers: with one (a busy machine) the longer, failing notebook starts first and
        # the good one never runs
        run(None, out, notebooks=_broken_notebooks(tmp_path), progress=False, jobs=2)
    code_cells = sum(c.cell_type == "code" for c in nbformat.read(REPO / "notebooks" / "03-capture.ipynb", as_version=4).cells)
    assert err.value.notebook == "02-bad.ipynb"
    assert err.value.cell == code_cells + 1
    assert "the codebook exploded" in str(err.value)
    assert tree_snapshot(out) == before
    partial = tmp_path / "report.failed" / "notebooks" / "02-bad.ipynb"
    assert partial.is_file() and err.value.partial == partial
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name]
    log = (tmp_path / "report.failed" / LOG_NAME).read_text().splitlines()
    assert log[0].startswith("01-good.ipynb\t") and log[0].endswith("\tok")
    assert log[1].startswith("02-bad.ipynb\t") and f"failed at cell {code_cells + 1}: ValueError" in log[1]


def test_study_errors_stop_before_any_notebook(study_dir, tmp_path):
    write(study_dir / "codings" / "ana.csv", "segment,code\nINT-001#t2,ghost\n")
    out = tmp_path / "out"
    with pytest.raises(StudyError):
        run(study_dir, out, progress=False)
    assert not out.exists()


@pytest.mark.slow
def test_cli_run_prints_the_report_path(tmp_path, study_dir):
    out = tmp_path / "r"
    proc = subprocess.run([sys.executable, "-m", "kit", "run", str(study_dir), "--out", str(out), "--quiet"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == str(out / "index.html")
    assert "Onboarding" in (out / "index.html").read_text()
    # a scheduler's log gets one line per notebook, not the kernels' start-up chatter
    assert "WARNING" not in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow  # `interview-kit run` in a fresh interpreter (tests/README.md)
def test_cli_run_on_a_broken_study_exits_1_without_traceback(tmp_path, study_dir):
    write(study_dir / "participants.csv", "id,status\nP-1,maybe\n")
    proc = subprocess.run([sys.executable, "-m", "kit", "run", str(study_dir), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1
    assert "participants.csv:2: unknown status 'maybe'" in proc.stderr
    assert "Traceback" not in proc.stderr


def _notebook(path: Path, code: str, after=None) -> Path:
    import nbformat
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('study_dir = ""\nout_dir = ""\nsprint = ""\ninclude_names = False',
                                  metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    if after is not None:
        nb.metadata["interview_kit"] = {"after": after}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def test_dependencies_and_estimates_plan_the_run(tmp_path):
    a = _notebook(tmp_path / "01-a.ipynb", "x = 1")
    b = _notebook(tmp_path / "02-b.ipynb", "x = 2", after=["01-a"])
    c = _notebook(tmp_path / "03-c.ipynb", "x = 3" * 2000)
    report = _notebook(tmp_path / "08-sprint-report.ipynb", "x = 4")
    last = _notebook(tmp_path / "09-z.ipynb", "x = 5", after="*")
    plan = dependencies([a, b, c, report, last])
    assert plan == {"01-a": set(), "02-b": {"01-a"}, "03-c": set(),
                    "08-sprint-report": {"01-a", "02-b", "03-c", "09-z"},
                    "09-z": {"01-a", "02-b", "03-c", "08-sprint-report"}}
    guess = estimates([a, c])
    assert guess["03-c"] > guess["01-a"]
    write(tmp_path / "run.log", "01-a.ipynb\t30.0\tok\n03-c.ipynb\t2.5\tok\n")
    assert estimates([a, c], tmp_path / "run.log") == {"01-a": 30.0, "03-c": 2.5}


@pytest.mark.slow
def test_independent_notebooks_run_side_by_side_and_the_report_last(tmp_path):
    import nbformat
    folder = tmp_path / "nbs"
    slow = "import time\ntime.sleep(3)"
    nbs = [_notebook(folder / "01-one.ipynb", slow), _notebook(folder / "02-two.ipynb", slow),
           _notebook(folder / "08-sprint-report.ipynb",
                     "from kit.report import build_report\nbuild_report(study_dir, out_dir)")]
    out = tmp_path / "out"
    log = tmp_path / "scheduler.log"
    index = run(None, out, notebooks=nbs, progress=False, jobs=2, log_file=log)
    assert index.is_file()
    times = {}
    for nb in nbs:
        meta = nbformat.read(out / "notebooks" / nb.name, as_version=4).metadata["papermill"]
        times[nb.stem] = (meta["start_time"], meta["end_time"])
    one, two, report = times["01-one"], times["02-two"], times["08-sprint-report"]
    assert one[0] < two[1] and two[0] < one[1], "the two notebooks did not overlap"
    assert report[0] >= max(one[1], two[1]), "the report started before the notebooks it reads"
    kept = log.read_text().splitlines()
    assert kept[0].split("\t")[1] == "start" and kept[-1].split("\t")[1:3] == ["end", "ok"]
    assert kept[-1].endswith("exit=0") and len(kept) == 2 + len(nbs)
    html = index.read_text()
    assert 'href="notebooks/01-one.html"' in html and (out / "notebooks" / "01-one.html").is_file()


@pytest.mark.slow
def test_names_shown_by_a_notebook_are_redacted(study_dir, tmp_path):
    nb = _notebook(tmp_path / "nbs" / "01-shows.ipynb",
                   "import kit\nkit.load_study(study_dir).participants[['id', 'name', 'email']]")
    out = tmp_path / "out"
    run(study_dir, out, notebooks=[nb], progress=False)
    published = (out / "notebooks" / "01-shows.ipynb").read_text() + (out / "notebooks" / "01-shows.html").read_text()
    assert "Jo Park" not in published and "jo@example.com" not in published
    assert "[name]" in published and "[email]" in published
    run(study_dir, out, notebooks=[nb], progress=False, include_names=True)
    assert "Jo Park" in (out / "notebooks" / "01-shows.ipynb").read_text()


@pytest.mark.slow
def test_a_notebook_that_writes_names_fails_the_run(study_dir, tmp_path):
    nb = _notebook(tmp_path / "nbs" / "01-leaky.ipynb",
                   "import kit, pathlib\n"
                   "kit.load_study(study_dir).participants[['id', 'name']].to_csv(pathlib.Path(out_dir) / 'people.csv')")
    out = tmp_path / "out"
    write(out / "index.html", "the last good report")
    mark_output(out)
    with pytest.raises(PrivacyLeak) as err:
        run(study_dir, out, notebooks=[nb], progress=False)
    assert isinstance(err.value, NotebookFailed)
    assert "people.csv" in err.value.files
    assert "Jo Park" not in str(err.value) and "--include-names" in str(err.value)
    assert (out / "index.html").read_text() == "the last good report"
    assert (tmp_path / "out.failed" / "notebooks" / "01-leaky.ipynb").is_file()
    index = run(study_dir, out, notebooks=[nb], progress=False, include_names=True)
    assert "Jo Park" in (out / "people.csv").read_text() and index.is_file()
    assert not (tmp_path / "out.failed").exists()


def test_study_errors_are_logged_for_the_scheduler(study_dir, tmp_path):
    write(study_dir / "participants.csv", "id,status\nP-1,maybe\n")
    log = tmp_path / "logs" / "run.log"
    with pytest.raises(StudyError):
        run(study_dir, tmp_path / "out", progress=False, log_file=log)
    last = log.read_text().splitlines()[-1]
    assert "no notebook run" in last and last.endswith("exit=1")


def _drafting_notebook(path: Path, fail: bool) -> Path:
    import nbformat
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('study_dir = ""\nout_dir = ""\nsprint = ""\ninclude_names = False\nprivate_dir = ""',
                                  metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(
            "import pathlib\nd = pathlib.Path(private_dir) / 'drafts'\nd.mkdir(parents=True, exist_ok=True)\n"
            "(d / 'INT-001.md').write_text('Thank you')\n"
            "(d / 'drafts.csv').write_text('kind,path\\nthank-you,' + str(d / 'INT-001.md') + '\\n')\n"
            + ("raise ValueError('late failure')\n" if fail else ""))])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


@pytest.mark.slow
def test_a_failed_run_leaves_no_private_drafts_and_a_good_run_moves_them_in_place(study_dir, tmp_path):
    """Newcomer #19: drafts are staged with the build and moved to OUT-private only on success."""
    out, private = tmp_path / "out", tmp_path / "out-private"
    with pytest.raises(NotebookFailed):
        run(study_dir, out, notebooks=[_drafting_notebook(tmp_path / "nbs" / "01-fails.ipynb", True)], progress=False)
    assert not private.exists()
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name]
    run(study_dir, out, notebooks=[_drafting_notebook(tmp_path / "nbs2" / "01-drafts.ipynb", False)], progress=False)
    assert (private / "drafts" / "INT-001.md").read_text() == "Thank you"
    listing = (private / "drafts" / "drafts.csv").read_text()
    assert str(private / "drafts" / "INT-001.md") in listing and ".building-" not in listing
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name]


@pytest.mark.slow
def test_a_reused_kernel_shows_each_notebook_what_a_fresh_one_would(tmp_path):
    # one worker: the three notebooks run one after the other in the same kernel process
    import nbformat
    folder = tmp_path / "nbs"
    first = ("import os, warnings\nimport matplotlib.pyplot as plt\nleft_over = 1\nplt.figure()\n"
             "warnings.simplefilter('ignore', UserWarning)\nos.chdir(os.path.expanduser('~'))\n"
             "print('pid', os.getpid())")
    later = ("import os, warnings\nimport matplotlib.pyplot as plt\n"
             "print('pid', os.getpid(), 'cwd', os.getcwd() == {folder!r})\n"
             "print('left over', 'left_over' in globals(), 'figures', len(plt.get_fignums()))\n"
             "warnings.warn('shown in every notebook')\nleft_over = 2")
    nbs = [_notebook(folder / "01-a.ipynb", first),
           _notebook(folder / "02-b.ipynb", later.format(folder=str(folder))),
           _notebook(folder / "03-c.ipynb", later.format(folder=str(folder)))]
    out = tmp_path / "out"
    run(None, out, notebooks=nbs, progress=False, jobs=1)
    pids, shown = set(), []
    for nb in nbs:
        cells = [c for c in nbformat.read(out / "notebooks" / nb.name, as_version=4).cells if c.cell_type == "code"]
        assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1)), nb.name
        text = "".join(o.get("text", "") for o in cells[-1].outputs if o.get("output_type") == "stream")
        pids.add(re.search(r"pid (\d+)", text)[1])
        if nb.stem != "01-a":
            assert "cwd True" in text and "left over False figures 0" in text, text
            shown.append("shown in every notebook" in text)
    assert len(pids) == 1, "the notebooks did not share their kernel"
    assert shown == [True, True], "a warning filter or a warning already shown leaked into the next notebook"


@pytest.mark.slow  # over 2 s (tests/README.md)
def test_the_run_imports_its_notebook_tools_without_jsonschemas_iri_grammars():
    # rfc3987_syntax builds 38 lark grammars when imported (about 2 s of CPU per run); the
    # notebooks' schema has no "iri" format, and the module stays importable for others
    code = ("import sys\nfrom kit.pipeline import _import_notebook_tools\n_import_notebook_tools()\n"
            "import nbformat\nprint('rfc3987_syntax' in sys.modules)\n"
            f"nbformat.validate(nbformat.read({str(REPO / 'notebooks' / '04-coding.ipynb')!r}, as_version=4))\n"
            "import rfc3987_syntax\nprint(rfc3987_syntax.is_valid_syntax('iri', 'https://example.org/é'))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "True"]


@pytest.mark.slow  # a fresh interpreter with IPython, over 2 s on a busy machine
def test_a_reset_kernel_keeps_its_modules_out_of_the_garbage_collector():
    # after the first reset, what stays (the modules) is frozen (gc.freeze): the next
    # collections walk only what the next notebook makes; its garbage is still collected
    code = ("import gc, weakref\nfrom IPython.core.interactiveshell import InteractiveShell\n"
            "shell = InteractiveShell.instance()\nreset = 'import kit.kernel_reuse as k; k.reset_kernel_state(\".\")'\n"
            "shell.run_cell(reset)\nprint(gc.get_freeze_count() > 0)\n"
            "shell.run_cell('class Cycle: pass\\nc = Cycle(); c.me = c')\n"
            "shell.run_cell(reset)\nprint(gc.get_freeze_count() > 0)\n"
            "shell.run_cell('class Cycle: pass\\nc = Cycle(); c.me = c')\n"
            "print(any(type(o).__name__ == 'Cycle' for o in gc.get_objects()))\n"
            "shell.run_cell(reset)\nprint(any(type(o).__name__ == 'Cycle' for o in gc.get_objects()))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=str(REPO), env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "True", "True", "False"]


@pytest.mark.slow  # a fresh interpreter, over 2 s on a busy machine
def test_the_run_exports_notebooks_to_html_without_importing_matplotlib():
    # `run`'s own process only sanitizes and exports the executed notebooks: the report's
    # theme chart (matplotlib, about 1 s of CPU) is imported when first asked for
    code = ("import sys\nfrom kit.report.notebook_html import sanitize_notebook\n"
            "print('matplotlib' in sys.modules)\nfrom kit.report import report_theme_chart\n"
            "from kit.viz.report import report_theme_chart as chart\nprint(report_theme_chart is chart)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=str(REPO), env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "True"]


def test_the_run_uses_a_second_kernel_only_when_a_core_is_free(monkeypatch):
    import os

    from kit.pipeline import _worker_count

    monkeypatch.delenv("INTERVIEW_KIT_JOBS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.1, 0.0, 0.0))
    assert _worker_count(None) == 2
    monkeypatch.setattr(os, "getloadavg", lambda: (5.0, 0.0, 0.0))
    assert _worker_count(None) == 1
    assert _worker_count(3) == 3  # asked for: --jobs
    monkeypatch.setenv("INTERVIEW_KIT_JOBS", "2")
    assert _worker_count(None) == 2


@pytest.mark.parametrize("fails", [False, True])
def test_the_run_writes_an_executed_notebook_once_when_it_ends(monkeypatch, tmp_path, fails):
    # papermill's own engine writes the whole notebook at every cell's start and end; the
    # run's engine writes it only when the execution raised (a dead kernel): a finished
    # notebook is given to the thread's finish (the redaction) and written by papermill once
    import nbformat
    import papermill.engines as engines

    from kit.pipeline import _THREAD, _engine

    writes = []
    monkeypatch.setattr(engines, "write_ipynb", lambda nb, path: writes.append(
        [c.metadata.papermill["status"] for c in nb.cells]))

    class Cells(engines.papermill_engines.get_engine(_engine())):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
            for i, cell in enumerate(nb_man.nb.cells):
                nb_man.cell_start(cell, i)
                if fails and i == 1:
                    raise RuntimeError("the kernel died")
                nb_man.cell_complete(cell, i)

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"x = {i}") for i in range(3)])
    nb.metadata.papermill = {}
    for cell in nb.cells:
        cell.metadata.papermill = {}
    if fails:
        with pytest.raises(RuntimeError):
            Cells.execute_notebook(nb, "python3", output_path=str(tmp_path / "out.ipynb"), progress_bar=False)
        assert len(writes) == 1 and writes[0][:2] == ["completed", "running"]  # the partial notebook, kept
    else:
        finished = []
        monkeypatch.setattr(_THREAD, "finish", lambda nb: finished.append(
            [c.metadata.papermill["status"] for c in nb.cells]), raising=False)
        Cells.execute_notebook(nb, "python3", output_path=str(tmp_path / "out.ipynb"), progress_bar=False)
        assert writes == [] and finished == [["completed"] * 3]
