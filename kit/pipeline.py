"""`interview-kit run`: execute the workflow notebooks with papermill and publish the report.

The study is checked before any notebook runs. The run builds in a temporary folder beside
the output and swaps it into place only when every notebook succeeded and no participant's
name or email shows in the build, so a failed run leaves the last good report as it was. A
failed build is kept at ``<out>.failed`` for debugging.

Notebooks that only read the study run side by side (two at a time on a two-core machine); a
notebook that reads another's tables says so in its metadata::

    "metadata": {"interview_kit": {"after": ["04-coding"]}}

and ``"after": ["*"]`` waits for every other notebook of the run (the sprint report does).
``OUT/run.log`` has one line per notebook: name, seconds, status, tab-separated.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kit.paths import notebooks_path, resolve_study

REPORT_NOTEBOOK = "08-sprint-report"
LOG_NAME = "run.log"


class NotebookFailed(Exception):
    def __init__(self, notebook: str, cell: int | None, detail: str, partial: Path):
        self.notebook, self.cell, self.detail, self.partial = notebook, cell, detail, partial
        where = f"cell {cell}" if cell is not None else "a cell"
        super().__init__(f"{notebook}: {where} failed: {detail} (executed notebook kept at {partial})")


class PrivacyLeak(NotebookFailed):
    """A file of the build shows a participant's full name or email (any case, with or without
    accents, in a file name, an email however obfuscated) or a run of words of a participant
    who did not consent to being quoted."""

    def __init__(self, files: list[str], failed: Path):
        self.files = files
        Exception.__init__(self, f"{', '.join(files[:5])} show(s) a participant's name or email from "
                                 f"participants.csv, or words of a participant who did not consent to "
                                 f"being quoted; nothing was published (the build is kept at {failed}; "
                                 "use --include-names only for an internal copy)")
        self.notebook, self.cell, self.detail, self.partial = files[0], None, "privacy check", failed


def workflow_notebooks(folder: Path | None = None) -> list[Path]:
    """The workflow notebooks in the order a researcher works: NN-name.ipynb."""
    folder = folder or notebooks_path()
    return sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))


@contextmanager
def own_kernel():
    """Make the kernelspec ``python3`` run this very interpreter while the block runs, so
    the notebooks see the kit that launched them whatever other kernels the machine has."""
    root = Path(tempfile.mkdtemp(prefix="interview-kit-kernel-"))
    spec = root / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        # log_level=ERROR: the kernel would warn on every start that it listens on loopback TCP
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                 "--IPKernelApp.log_level=ERROR"],
        "display_name": "Python 3 (interview-kit)", "language": "python",
        "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"},
    }))
    previous = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(root) + (os.pathsep + previous if previous else "")
    try:
        yield "python3"
    finally:
        if previous is None:
            os.environ.pop("JUPYTER_PATH", None)
        else:
            os.environ["JUPYTER_PATH"] = previous
        shutil.rmtree(root, ignore_errors=True)


def _failed_cell(nb_path: Path, exc) -> int | None:
    index = getattr(exc, "cell_index", None)
    if isinstance(index, int) and index >= 0:
        try:
            import nbformat

            nb = nbformat.read(nb_path, as_version=4)
            # papermill adds a banner cell at the top of a failed notebook; count code cells
            # of the original notebook, 1-based, as a researcher sees them.
            code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                    and "papermill-error-cell-tag" not in c.metadata.get("tags", [])]
            return code.index(index) + 1 if index in code else index + 1
        except Exception:
            return index + 1
    return None


# -- the plan: which notebook waits for which ---------------------------------------------------
def dependencies(notebooks: list[Path]) -> dict[str, set[str]]:
    """For each notebook (by stem), the notebooks of this run it must wait for: those named
    in its ``interview_kit.after`` metadata (``*``: all others), the report notebook
    waiting for all others by default."""
    import nbformat

    stems = [nb.stem for nb in notebooks]
    plan = {}
    for nb in notebooks:
        after = None
        try:
            meta = nbformat.read(nb, as_version=4).metadata.get("interview_kit") or {}
            after = meta.get("after")
        except Exception:
            after = None  # papermill reports an unreadable notebook when it runs it
        if after is None and nb.stem == REPORT_NOTEBOOK:
            after = ["*"]
        if isinstance(after, str):
            after = [after]
        wanted = set()
        for name in after or []:
            name = str(name).removesuffix(".ipynb")
            if name == "*":
                wanted |= set(stems) - {nb.stem}
            elif name in stems and name != nb.stem:
                wanted.add(name)
        plan[nb.stem] = wanted
    return plan


@dataclass
class _Outcome:
    notebook: Path
    seconds: float = 0.0
    status: str = "not run"
    error: NotebookFailed | None = None
    exception: BaseException | None = field(default=None, repr=False)


def _worker_count(jobs: int | None) -> int:
    if jobs:
        return max(1, int(jobs))
    env = os.environ.get("INTERVIEW_KIT_JOBS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(2, os.cpu_count() or 1))


def _accepts(nb: Path, name: str) -> bool:
    """Whether the notebook's parameters cell defines ``name`` (papermill warns otherwise)."""
    import nbformat

    try:
        cells = nbformat.read(nb, as_version=4).cells
    except Exception:
        return False
    return any("parameters" in c.metadata.get("tags", []) and f"{name} =" in c.source for c in cells)


def _execute_one(nb: Path, build: Path, parameters: dict, kernel: str, people, words=None) -> _Outcome:
    import nbformat
    import papermill as pm
    from nbconvert import HTMLExporter

    outcome = _Outcome(nb)
    target = build / "notebooks" / nb.name
    started = time.perf_counter()
    try:
        # The kernel starts in the notebook's folder through nbclient's resources, not
        # papermill's cwd=, which changes the working directory of this whole process: with
        # notebooks running in threads that is a race.
        if "private_dir" in parameters and not _accepts(nb, "private_dir"):
            parameters = {k: v for k, v in parameters.items() if k != "private_dir"}
        executed = pm.execute_notebook(str(nb), str(target), parameters=parameters, kernel_name=kernel,
                                       progress_bar=False, report_mode=False,
                                       resources={"metadata": {"path": str(nb.parent)}})
    except pm.PapermillExecutionError as exc:
        outcome.seconds = time.perf_counter() - started
        cell = _failed_cell(target, exc)
        outcome.status = f"failed at cell {cell}: {exc.ename}: {exc.evalue}" if cell else \
            f"failed: {exc.ename}: {exc.evalue}"
        outcome.error = NotebookFailed(nb.name, cell, f"{exc.ename}: {exc.evalue}", target)
        return outcome
    except Exception as exc:  # the kernel died, the notebook is unreadable, ...
        outcome.seconds = time.perf_counter() - started
        outcome.status = f"failed: {type(exc).__name__}: {exc}"
        outcome.error = NotebookFailed(nb.name, None, f"{type(exc).__name__}: {exc}", target)
        return outcome
    # An executed notebook is published with the report: its outputs get the rules of a
    # published output (kit.outputs): contact details always, roster names unless asked for,
    # and no run of words of a participant who did not consent to being quoted.
    from kit.privacy import redact_notebook

    if redact_notebook(executed, people, names=not parameters.get("include_names"), words=words):
        nbformat.write(executed, str(target))
    body, _ = HTMLExporter(exclude_input=True).from_notebook_node(executed)
    (build / "notebooks" / f"{nb.stem}.html").write_text(body, encoding="utf-8")
    outcome.seconds = time.perf_counter() - started
    outcome.status = "ok"
    return outcome


def estimates(notebooks: list[Path], previous_log: Path | None = None) -> dict[str, float]:
    """How long each notebook is expected to take, to start the longest first: the seconds
    of the previous run's log when there is one, else the length of its code."""
    import nbformat

    seconds = {}
    if previous_log is not None and previous_log.is_file():
        for line in previous_log.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and parts[2] == "ok":
                try:
                    seconds[parts[0].removesuffix(".ipynb")] = float(parts[1])
                except ValueError:
                    pass
    guess = {}
    for nb in notebooks:
        if nb.stem in seconds:
            guess[nb.stem] = seconds[nb.stem]
            continue
        try:
            code = [c.source for c in nbformat.read(nb, as_version=4).cells if c.cell_type == "code"]
            guess[nb.stem] = 1.0 + sum(map(len, code)) / 1000  # about a second per 1,000 characters
        except Exception:
            guess[nb.stem] = 1.0
    return guess


def _run_all(notebooks: list[Path], build: Path, parameters: dict, kernel: str, workers: int,
             on_done, previous_log: Path | None = None, people=None, words=None) -> list[_Outcome]:
    """Execute the notebooks, each as soon as the ones it waits for succeeded, at most
    ``workers`` at once, the longest expected first. After a failure no new notebook
    starts; running ones finish."""
    plan = dependencies(notebooks)
    cost = estimates(notebooks, previous_log)
    order = {nb.stem: i for i, nb in enumerate(notebooks)}
    outcomes = {nb.stem: _Outcome(nb) for nb in notebooks}
    pending = list(notebooks)
    running = {}
    failed = False
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="notebook") as pool:
        while pending or running:
            if not failed:
                for nb in sorted(pending, key=lambda n: (-cost[n.stem], order[n.stem])):
                    if len(running) >= workers:
                        break
                    if all(outcomes[d].status == "ok" for d in plan[nb.stem]):
                        pending.remove(nb)
                        outcomes[nb.stem].status = "running"
                        running[pool.submit(_execute_one, nb, build, parameters, kernel, people, words)] = nb
            if not running:
                break  # nothing can start: a dependency failed (or the plan has a cycle)
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                nb = running.pop(future)
                result = future.result()
                outcomes[nb.stem] = result
                failed = failed or result.error is not None
                on_done(result)
    for nb in pending:
        waits = sorted(plan[nb.stem])
        outcomes[nb.stem].status = ("not run: an earlier notebook failed" if failed else
                                    f"not run: waits for {', '.join(waits)} (a cycle?)")
    return [outcomes[nb.stem] for nb in notebooks]


# -- logs ---------------------------------------------------------------------------------------
def _log_lines(outcomes: list[_Outcome]) -> list[str]:
    return [f"{o.notebook.name}\t{o.seconds:.1f}\t{o.status}" for o in outcomes]


class _RunLog:
    """Appends timestamped lines to a log file a scheduler keeps across runs (``--log``)."""

    def __init__(self, path):
        self.path = Path(path).expanduser().resolve() if path else None
        self.lock = threading.Lock()

    def write(self, line: str) -> None:
        if self.path is None:
            return
        from datetime import datetime

        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        with self.lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(f"{stamp}\t{line}\n")


def run(study_dir=None, out_dir=None, sprint: str | None = None, include_names: bool = False,
        notebooks: list[Path] | None = None, progress: bool = True, log=None, log_file=None,
        jobs: int | None = None) -> Path:
    """Run the workflow notebooks on a study and return the path of OUT/index.html.

    ``log`` is called with one message per notebook; ``log_file`` (``--log FILE``) gets
    timestamped lines appended: the run's start, one line per notebook, and its end.
    ``jobs`` is how many notebooks run at once (default: 2, or ``$INTERVIEW_KIT_JOBS``).
    Raises ``StudyError`` before any notebook runs, ``NotebookFailed`` (``PrivacyLeak``)
    when the build fails; OUT is then untouched and the build kept at ``OUT.failed``.
    """
    from kit.errors import StudyError
    from kit.study import load_study

    study_path = resolve_study(study_dir).resolve()
    out = Path(out_dir or "report").expanduser().resolve()
    schedule_log = _RunLog(log_file)
    schedule_log.write(f"start\tstudy={study_path}\tout={out}")
    try:
        study = load_study(study_path, strict=True)  # raises StudyError before any notebook runs
    except StudyError as exc:
        schedule_log.write(f"end\tstudy has {len(exc.problems)} error(s); no notebook run\texit=1")
        raise
    notebooks = [Path(nb) for nb in (notebooks or workflow_notebooks())]
    if not notebooks:
        raise FileNotFoundError("no workflow notebooks found")
    import nbconvert  # noqa: F401  (imported once here, not by two threads at a time)
    import papermill  # noqa: F401

    out.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    say = log or (lambda message: None)
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(notebooks), desc="notebooks", unit="nb", file=sys.stderr)

    def done(outcome: _Outcome) -> None:
        say(f"{outcome.notebook.name}: {outcome.status} in {outcome.seconds:.1f}s")
        schedule_log.write(f"{outcome.notebook.name}\t{outcome.seconds:.1f}\t{outcome.status}")
        if bar:
            bar.update(1)

    try:
        (build / "notebooks").mkdir()
        from kit.outputs import private_folder
        from kit.privacy import roster, unquotable

        # Drafts addressed to participants are private: beside OUT, never in it (kit.outputs).
        parameters = {"study_dir": str(study_path), "out_dir": str(build), "sprint": sprint or "",
                      "include_names": bool(include_names),
                      "private_dir": str(private_folder(out, study=study))}
        people = roster(study)  # the study's roster, read once for every notebook's redaction
        words = unquotable(study)  # the words of participants who did not consent to quoting
        with own_kernel() as kernel:
            outcomes = _run_all(notebooks, build, parameters, kernel, _worker_count(jobs), done,
                                previous_log=out / LOG_NAME, people=people, words=words)
        from kit.csvio import atomic_write_text

        atomic_write_text(build / LOG_NAME, "\n".join(_log_lines(outcomes)) + "\n")
        failures = [o for o in outcomes if o.error is not None]
        if failures:
            first = failures[0].error
            kept = _keep_failed(build, out)
            error = NotebookFailed(first.notebook, first.cell, first.detail, kept / "notebooks" / first.notebook)
            schedule_log.write(f"end\t{first.notebook} failed\texit=3")
            raise error
        if not (build / "index.html").is_file():
            from kit.report import build_report

            build_report(study, build, sprint=sprint or "", include_names=include_names)
        # The second line behind kit.outputs: the same name variants, and unconsented words.
        from kit.privacy import Roster, find_leaks

        leaks = find_leaks(build, Roster(emails=people.emails) if include_names else people, words=words)
        if leaks:
            kept = _keep_failed(build, out)
            schedule_log.write(f"end\tprivacy check failed: {', '.join(leaks[:5])}\texit=3")
            raise PrivacyLeak(leaks, kept)
        _swap(build, out)
        schedule_log.write(f"end\tok\t{out / 'index.html'}\texit=0")
    except BaseException:
        if build.exists():
            shutil.rmtree(build, ignore_errors=True)
        raise
    finally:
        if bar:
            bar.close()
    return out / "index.html"


def _keep_failed(build: Path, out: Path) -> Path:
    failed = out.with_name(out.name + ".failed")
    if failed.exists():
        shutil.rmtree(failed)
    shutil.copytree(build, failed)
    return failed


def _swap(build: Path, out: Path) -> None:
    """Move the finished build into place; the old output is removed only after the swap."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    os.replace(build, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    failed = out.with_name(out.name + ".failed")
    if failed.exists():
        shutil.rmtree(failed, ignore_errors=True)
