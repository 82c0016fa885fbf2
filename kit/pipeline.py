"""`interview-kit run`: execute the workflow notebooks with papermill and publish the report.

The study is checked before any notebook runs, and OUT and the log are checked against the
study (:func:`check_targets`). The run builds in a temporary folder beside the output and
publishes it in one atomic step (:func:`publish`) only when every notebook succeeded and no
participant's name or email shows in the build, so a failed, stopped or killed run leaves
the last good report as it was. A failed build is kept at ``<out>.failed`` for debugging.
SIGTERM, SIGHUP and SIGINT stop the kernels and remove the build; kernels die with a killed
run, and the next run removes what it left (:func:`sweep`).

Notebooks that only read the study run side by side (two at a time on a two-core machine); a
notebook that reads another's tables says so in its metadata::

    "metadata": {"interview_kit": {"after": ["04-coding"]}}

and ``"after": ["*"]`` waits for every other notebook of the run (the sprint report does).
Each worker thread starts one kernel and runs its notebooks in it, reset between two
notebooks to what a fresh kernel shows (:mod:`kit.kernel_reuse`): a run starts two kernels,
not one per notebook.
``OUT/run.log`` has one line per notebook: name, seconds, status, tab-separated.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kit.atomic import staging_folder
from kit.kernel_reuse import kernel_for, stop_kernel_managers
from kit.paths import notebooks_path, resolve_study
from kit.run_log import RunLog as _RunLog
from kit.run_log import exit_code, log_failure
from kit.run_plan import REPORT_NOTEBOOK, dependencies, estimates, notebook_source

__all__ = [
    "KERNEL_PREFIX",
    "LOG_NAME",
    "REPORT_NOTEBOOK",
    "Interrupted",
    "NotebookFailed",
    "PrivacyLeak",
    "check_targets",
    "dependencies",
    "exit_code",
    "estimates",
    "own_kernel",
    "publish",
    "run",
    "stop_kernels",
    "sweep",
    "workflow_notebooks",
]

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

    def __init__(self, files: list[str], failed: Path, places: list[str] | None = None):
        self.files = files
        Exception.__init__(self, f"{', '.join(places or files[:5])} show(s) a participant's name or email from "
                                 f"participants.csv, or words of a participant who did not consent to "
                                 f"being quoted; nothing was published (the build is kept at {failed}; "
                                 "write the participant's id instead where the study names them (a folder, "
                                 "a file, study.yml); use --include-names only for an internal copy)")
        self.notebook, self.cell, self.detail, self.partial = files[0], None, "privacy check", failed


def workflow_notebooks(folder: Path | None = None) -> list[Path]:
    """The workflow notebooks in the order a researcher works: NN-name.ipynb."""
    folder = folder or notebooks_path()
    return sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))


# The kernel is started through this wrapper: it asks Linux to kill the kernel when the thread
# that started it (and so the run) dies, even by SIGKILL, and leaves its process id in the run's
# kernel folder, so an interrupted run can stop its kernels itself.
_KERNEL_WRAPPER = """
import os, sys
try:
    import ctypes, signal
    ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
except Exception:
    pass
root, parent = sys.argv[1], int(sys.argv[2])
if os.getppid() != parent:  # started by another process (a Jupyter server), or the run died
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        sys.exit(1)  # the run died before the kernel started
    except OSError:
        pass
try:
    open(os.path.join(root, "pids", str(os.getpid())), "w").close()
except OSError:
    pass  # the folder is gone: nobody is left to stop this kernel but its parent
# The kernel's own stderr is shutdown chatter (a ZMQ traceback when the run closes its
# sockets first), not the notebook's: cell output and errors reach the run as messages.
try:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
except OSError:
    pass
sys.argv = ["ipykernel_launcher"] + sys.argv[3:]
import runpy
runpy.run_module("ipykernel_launcher", run_name="__main__", alter_sys=True)
"""
KERNEL_PREFIX = "interview-kit-kernel-"


@contextmanager
def own_kernel():
    """Make the kernelspec ``python3`` run this very interpreter while the block runs, so
    the notebooks see the kit that launched them whatever other kernels the machine has.

    The kernels' spec, connection files, process ids and temporary files (their ``TMPDIR``)
    live in one temporary folder (``$TMPDIR/interview-kit-kernel-<pid>-*``), removed when the
    block ends; a kernel dies
    with the run even when the run is killed (``PR_SET_PDEATHSIG``), and
    :func:`stop_kernels` stops them all at once."""
    root = Path(tempfile.mkdtemp(prefix=f"{KERNEL_PREFIX}{os.getpid()}-"))
    spec = root / "kernels" / "python3"
    spec.mkdir(parents=True)
    for name in ("pids", "runtime", "tmp"):
        (root / name).mkdir()
    (spec / "kernel.json").write_text(json.dumps({
        # log_level=ERROR: the kernel would warn on every start that it listens on loopback TCP
        "argv": [sys.executable, "-c", _KERNEL_WRAPPER, str(root), str(os.getpid()), "-f", "{connection_file}",
                 "--IPKernelApp.log_level=ERROR"],
        "display_name": "Python 3 (interview-kit)", "language": "python",
        # TMPDIR: what the notebooks put in temporary folders (the coding widget's demo copy
        # of the study, say) goes with the run's kernel folder, never left in /tmp
        "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1", "TMPDIR": str(root / "tmp")},
    }))
    saved = {name: os.environ.get(name) for name in ("JUPYTER_PATH", "JUPYTER_RUNTIME_DIR")}
    os.environ["JUPYTER_PATH"] = str(root) + (os.pathsep + saved["JUPYTER_PATH"] if saved["JUPYTER_PATH"] else "")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(root / "runtime")
    _KERNEL_ROOTS.append(root)
    try:
        yield "python3"
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        _KERNEL_ROOTS.remove(root)
        stop_kernels(root)
        shutil.rmtree(root, ignore_errors=True)


_KERNEL_ROOTS: list[Path] = []


def stop_kernels(root: Path | None = None, timeout: float = 3.0) -> int:
    """Stop the kernels started under ``own_kernel`` (all of this process's when ``root`` is
    None), with their children: SIGTERM, then SIGKILL after ``timeout`` seconds. Returns
    how many processes were still running."""
    import psutil

    procs = []
    for folder in ([root] if root is not None else list(_KERNEL_ROOTS)):
        for entry in (Path(folder) / "pids").glob("*"):
            try:
                proc = psutil.Process(int(entry.name))
                procs += [proc] + proc.children(recursive=True)
            except (ValueError, psutil.Error):
                continue
    for proc in procs:
        try:
            proc.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(procs, timeout=timeout)
    for proc in alive:
        try:
            proc.kill()
        except psutil.Error:
            pass
    return len(procs)


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
    # Two at most, and only as many as there are free cores: each worker has a kernel of its
    # own, and on a busy machine a second one adds its start and imports (about 6 s of CPU on
    # the pilot) without shortening the run (issue 20).
    from kit.study import free_cores

    return free_cores(2)


def _accepts(nb: Path, name: str) -> bool:
    """Whether the notebook's parameters cell defines ``name`` (papermill warns otherwise)."""
    try:
        cells = notebook_source(nb).cells
    except Exception:
        return False
    return any("parameters" in c.metadata.get("tags", []) and f"{name} =" in c.source for c in cells)


_THREAD = threading.local()  # per worker thread: its HTML exporter
ENGINE = "interview-kit"  # papermill's nbclient engine, saving the executed notebook once (_engine)


def _engine() -> str:
    """Register (once) and name papermill's nbclient engine that writes each executed notebook
    once (issue 20). Papermill saved it after every cell to show progress (each save validated
    and re-encoded the whole notebook with its figures, about a sixth of the run's own CPU),
    then once more when the engine returned, and the run wrote it a third time after
    redacting it. Here the engine saves only when the execution itself raised (the kernel
    died, the run was stopped: the partial notebook is kept); otherwise it applies this
    thread's ``finish`` (the redaction, :func:`_execute_one`) to a notebook whose cells all
    succeeded, and papermill's own last write is the only one."""
    from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

    if _ENGINES:
        return ENGINE

    class SavedOnFailure(NotebookExecutionManager):
        ending = False

        def save(self, **kwargs):
            if self.ending:
                super().save(**kwargs)

    class Engine(NBClientEngine):
        @classmethod
        def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=True, log_output=False,
                             autosave_cell_every=30, **kwargs):
            # papermill's Engine.execute_notebook with the manager above
            nb_man = SavedOnFailure(nb, output_path=output_path, progress_bar=progress_bar, log_output=log_output,
                                    autosave_cell_every=autosave_cell_every)
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            except BaseException:
                nb_man.ending = True  # papermill writes nothing after this: the partial notebook is saved here
                raise
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()
            finish = getattr(_THREAD, "finish", None)
            if finish is not None and not nb_man.nb.metadata.get("papermill", {}).get("exception"):
                finish(nb_man.nb)  # before papermill writes it: the file is never unredacted
            return nb_man.nb

    papermill_engines.register(ENGINE, Engine)
    _ENGINES.append(Engine)
    return ENGINE


_ENGINES: list = []


def _execute_one(nb: Path, build: Path, parameters: dict, kernel: str, people, words=None,
                 kernels: dict | None = None) -> _Outcome:
    import papermill as pm
    from nbconvert import HTMLExporter

    from kit.privacy import redact_notebook
    from kit.privacy_params import publish_parameters

    outcome = _Outcome(nb)
    target = build / "notebooks" / nb.name
    started = time.perf_counter()

    def finish(executed) -> None:
        # An executed notebook is published with the report: its outputs get the rules of a
        # published output (kit.outputs): contact details always, roster names unless asked
        # for, and no run of words of a participant who did not consent to being quoted.
        # Saved widget state (a widget's view of the study, e.g. the coding widget's passage)
        # is not shown without a kernel and escapes the cleaning of outputs: published
        # without it.
        executed.metadata.pop("widgets", None)
        publish_parameters(executed, parameters, people)  # no machine path, no study folder's name (s17 A17)
        redact_notebook(executed, people, names=not parameters.get("include_names"), words=words)

    _THREAD.finish = finish  # applied by the engine (_engine) before the notebook is written
    try:
        reuse = {} if kernels is None else {"km": kernel_for(kernels, kernel, nb.parent)}
        # The kernel starts in the notebook's folder through nbclient's resources, not
        # papermill's cwd=, which changes the working directory of this whole process: with
        # notebooks running in threads that is a race.
        if "private_dir" in parameters and not _accepts(nb, "private_dir"):
            parameters = {k: v for k, v in parameters.items() if k != "private_dir"}
        executed = pm.execute_notebook(str(nb), str(target), parameters=parameters, kernel_name=kernel,
                                       engine_name=_engine(), progress_bar=False, report_mode=False,
                                       resources={"metadata": {"path": str(nb.parent)}}, **reuse)
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
    finally:
        _THREAD.finish = None
    # Study text shown by a cell (Markdown, HTML, a widget) cannot run a script in the page.
    # The executed notebook is written (redacted, by the engine): its page is made from it in place.
    from kit.report.notebook_html import sanitize_notebook

    page = sanitize_notebook(executed)
    exporter = getattr(_THREAD, "exporter", None)
    if exporter is None:  # one per thread: its templates are compiled once, not for every notebook
        exporter = _THREAD.exporter = HTMLExporter(exclude_input=True)
        # Only the preprocessors that do something: nbconvert validates the whole notebook
        # after each one, also after the eight disabled ones (same page, 15% less export CPU).
        exporter._preprocessors = [p for p in exporter._preprocessors if p.enabled]
    body, _ = exporter.from_notebook_node(page)
    (build / "notebooks" / f"{nb.stem}.html").write_text(body, encoding="utf-8")
    outcome.seconds = time.perf_counter() - started
    outcome.status = "ok"
    return outcome


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
    kernels: dict = {}  # one kernel per worker thread, reused by its next notebook
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="notebook")
    try:
        while pending or running:
            if not failed:
                for nb in sorted(pending, key=lambda n: (-cost[n.stem], order[n.stem])):
                    if len(running) >= workers:
                        break
                    if all(outcomes[d].status == "ok" for d in plan[nb.stem]):
                        pending.remove(nb)
                        outcomes[nb.stem].status = "running"
                        running[pool.submit(_execute_one, nb, build, parameters, kernel, people, words,
                                            kernels)] = nb
            if not running:
                break  # nothing can start: a dependency failed (or the plan has a cycle)
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                nb = running.pop(future)
                result = future.result()
                outcomes[nb.stem] = result
                failed = failed or result.error is not None
                on_done(result)
    except BaseException:
        # Interrupted (SIGINT, SIGTERM): stop the kernels so the running notebooks end now,
        # including one whose kernel was starting while we stopped the others.
        deadline = time.monotonic() + 30
        while running and time.monotonic() < deadline:
            stop_kernels(timeout=1.0)
            _, still = wait(running, timeout=0.5)
            running = {f: running[f] for f in still}
        stop_kernels(timeout=1.0)
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        if not running:
            stop_kernel_managers(kernels)
    for nb in pending:
        waits = sorted(plan[nb.stem])
        outcomes[nb.stem].status = ("not run: an earlier notebook failed" if failed else
                                    f"not run: waits for {', '.join(waits)} (a cycle?)")
    return [outcomes[nb.stem] for nb in notebooks]


# -- logs ---------------------------------------------------------------------------------------
def _log_lines(outcomes: list[_Outcome]) -> list[str]:
    return [f"{o.notebook.name}\t{o.seconds:.1f}\t{o.status}" for o in outcomes]


def run(study_dir=None, out_dir=None, sprint: str | None = None, include_names: bool = False,
        notebooks: list[Path] | None = None, progress: bool = True, log=None, log_file=None,
        jobs: int | None = None, force: bool = False) -> Path:
    """Run the workflow notebooks on a study and return the path of OUT/index.html.

    ``log`` is called with one message per notebook; ``log_file`` (``--log FILE``) gets
    timestamped lines appended: the run's start, one line per notebook, and its end.
    ``jobs`` is how many notebooks run at once (default: ``$INTERVIEW_KIT_JOBS``, else 2 or
    fewer: the cores free now, :func:`kit.study.free_cores`).
    Raises ``StudyError`` before any notebook runs, ``NotebookFailed`` (``PrivacyLeak``)
    when the build fails; OUT is then untouched and the build kept at ``OUT.failed``.
    Raises :class:`kit.safety.UnsafeTarget` before anything is written when OUT or the log
    is, contains or lies inside the study or the notebooks, or OUT is a non-empty folder the
    kit did not write (unless ``force``). SIGTERM and SIGINT stop the kernels, remove the
    build and raise :class:`Interrupted` (a ``KeyboardInterrupt``); OUT is never missing or
    half-written, even when the run is killed (see :func:`publish`).
    """

    study_path = resolve_study(study_dir).resolve()
    notebooks = [Path(nb) for nb in (notebooks or workflow_notebooks())]
    out, log_path = check_targets(study_path, out_dir, log_file, notebooks, force=force)
    schedule_log = _RunLog(log_path)
    try:
        with _terminate_as_interrupt():
            return _run(study_path, out, schedule_log, notebooks, sprint, include_names, progress, log, jobs)
    except BaseException as exc:  # every way out of a started run ends its log with the exit code
        log_failure(schedule_log, exc)
        raise


def check_targets(study_path: Path, out_dir, log_file, notebooks: list[Path], force: bool = False):
    """``(out, log)`` resolved, after :func:`kit.safety.check_output` on both: neither may
    be, contain or lie inside the study or the notebooks' folders, the log not inside OUT."""
    from kit.paths import PACKAGE_DIR
    from kit.safety import check_output

    folders = sorted({nb.resolve().parent for nb in notebooks})
    inputs = [(study_path, "the study"), (PACKAGE_DIR, "the interview-kit package")]
    inputs += [(folder, "the notebooks' folder") for folder in folders]
    out = check_output(out_dir or "report", inputs, option="--out", force=force, legacy=("index.html", LOG_NAME),
                       kind="run")
    log_path = None
    if log_file:
        log_path = check_output(log_file, inputs + [(out, "the report folder (--out), replaced on every run")],
                                option="--log", folder=False, append=True)
    return out, log_path


class Interrupted(KeyboardInterrupt):
    """The run received SIGTERM (or SIGHUP); ``signal`` is its number."""

    def __init__(self, signum: int):
        import signal

        self.signal = signum
        super().__init__(f"stopped by {signal.Signals(signum).name}")


@contextmanager
def _terminate_as_interrupt():
    """While the block runs (in the main thread), SIGTERM and SIGHUP raise
    :class:`Interrupted` like Ctrl-C (SIGINT) raises ``KeyboardInterrupt``, once: a second
    signal during the clean-up is ignored so the clean-up finishes, and a signal during the
    publish (:func:`_critical`) lets it finish."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    fired = []

    def handler(signum, frame):
        if fired:
            return
        fired.append(signum)
        if _CRITICAL:  # publishing: the new report goes in place and the run ends (see _critical)
            _DEFERRED.append(signum)
            return
        raise Interrupted(signum) if signum != signal.SIGINT else KeyboardInterrupt()

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGHUP, handler)
    if previous[signal.SIGINT] is signal.default_int_handler:
        signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _run(study_path: Path, out: Path, schedule_log: _RunLog, notebooks: list[Path], sprint, include_names, progress,
         log, jobs) -> Path:
    from kit.errors import StudyError
    from kit.study import load_study

    schedule_log.write("start", f"study={study_path}", f"out={out}")
    try:
        study = load_study(study_path, strict=True)  # raises StudyError before any notebook runs
    except StudyError as exc:
        schedule_log.write("end", f"study has {len(exc.problems)} error(s); no notebook run", "exit=1")
        raise
    if not notebooks:
        raise FileNotFoundError("no workflow notebooks found")
    _import_notebook_tools()

    out.parent.mkdir(parents=True, exist_ok=True)
    with _out_lock(out):
        sweep(out)  # what a killed run left: builds, a report moved aside, kernel folders
    build = staging_folder(f".{out.name}.building-{os.getpid()}-", out.parent)
    # Drafts to participants are staged beside the build (swept like it if the run is killed)
    # and moved to OUT-private only when the run succeeds: a failed run leaves no drafts.
    drafts = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-{os.getpid()}-private-", dir=out.parent))
    say = log or (lambda message: None)
    from kit.check_dates import decision_problems

    for problem in decision_problems(study, level="note"):  # said where it is (newcomer s17 F1)
        say(f"{problem.path}:{problem.line}: note: {problem.message}")
    bar = None
    if progress:
        from tqdm.auto import tqdm

        # leave=False: the bar is cleared at the end, not drawn a last time (the log lines and
        # the report's path say how the run ended); no bar when standard error is not a terminal
        bar = tqdm(total=len(notebooks), desc="notebooks", unit="nb", file=sys.stderr, leave=False, disable=None)

    def done(outcome: _Outcome) -> None:
        if bar is not None and not bar.disable:
            with bar.external_write_mode(file=sys.stderr):
                say(f"{outcome.notebook.name}: {outcome.status} in {outcome.seconds:.1f}s")
        else:
            say(f"{outcome.notebook.name}: {outcome.status} in {outcome.seconds:.1f}s")
        schedule_log.write(outcome.notebook.name, f"{outcome.seconds:.1f}", outcome.status)
        if bar:
            bar.update(1)

    try:
        (build / "notebooks").mkdir()
        from kit.outputs import private_folder
        from kit.privacy import roster, unquotable

        # Drafts addressed to participants are private: beside OUT, never in it (kit.outputs).
        parameters = {"study_dir": str(study_path), "out_dir": str(build), "sprint": sprint or "",
                      "include_names": bool(include_names),
                      "private_dir": str(drafts)}
        final_private = private_folder(out, study=study)  # checked before any notebook runs
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
            schedule_log.write("end", f"{first.notebook} failed" if exit_code(error) == 3 else
                               f"{first.notebook} failed: no space left on device", f"exit={exit_code(error)}")
            raise error
        if not (build / "index.html").is_file():
            from kit.report import build_report

            build_report(study, build, sprint=sprint or "", include_names=include_names)
        # The second line behind kit.outputs: the same name variants, and unconsented words.
        from kit.privacy import Roster, find_leaks

        leaks = find_leaks(build, Roster(emails=people.emails) if include_names else people, words=words)
        if leaks:
            kept = _keep_failed(build, out)
            schedule_log.write("end", f"privacy check failed: {', '.join(leaks[:5])}", "exit=3")
            from kit.privacy_params import leak_places

            raise PrivacyLeak(leaks, kept, leak_places(kept, leaks, people))
        publish(build, out)
        _publish_private(drafts, final_private)
        if _DEFERRED:
            import signal

            say(f"{signal.Signals(_DEFERRED[0]).name} received while publishing: the new report is in place")
            _DEFERRED.clear()
        schedule_log.write("end", "ok", out / "index.html", "exit=0")
    except BaseException as exc:
        if build.exists():
            shutil.rmtree(build, ignore_errors=True)
        shutil.rmtree(drafts, ignore_errors=True)
        if isinstance(exc, KeyboardInterrupt):  # the exit the CLI gives
            schedule_log.write("end", f"{exc or 'interrupted'}; the previous report is unchanged",
                               f"exit={exit_code(exc)}")
        raise
    finally:
        if bar:
            bar.close()
    return out / "index.html"


def _import_notebook_tools() -> None:
    """Import nbconvert and papermill once, here, not by two threads at a time.

    nbformat validates notebooks with jsonschema, which imports ``rfc3987_syntax`` when it is
    installed only to check the ``iri`` format of draft-7 and later schemas; that import
    builds 38 lark grammars, about 2 s of CPU, a tenth of a run. Notebook schemas are draft 4
    and have no such format, so while jsonschema is first imported here the module is
    hidden; this process then checks no ``iri`` format (which a validator is free to ignore)."""
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # import fails: jsonschema goes without the iri check
        try:
            import jsonschema  # noqa: F401
        finally:
            del sys.modules["rfc3987_syntax"]
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401


def _publish_private(staged: Path, final: Path) -> None:
    """Move the drafts a successful run staged into ``final`` (OUT-private): each top-level
    entry replaces the one of the same name (the previous run's drafts); nothing staged,
    nothing written. Listings (``*.csv``) that name the staged files are made to name them
    where they now are."""
    from kit.csvio import atomic_write_text

    try:
        for listing in staged.rglob("*.csv"):
            text = listing.read_text(encoding="utf-8")
            if str(staged) in text:
                atomic_write_text(listing, text.replace(str(staged), str(final)))
        entries = sorted(staged.iterdir())
        if entries:
            final.mkdir(parents=True, exist_ok=True)
            os.chmod(final, 0o700)  # drafts hold participants' words: the owner's alone
            _never_committed(final)
        for entry in entries:
            target = final / entry.name
            if os.path.lexists(target):
                old = final / f".{entry.name}.old-{os.getpid()}"
                os.rename(target, old)
                os.rename(entry, target)
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()
            else:
                os.rename(entry, target)
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def _never_committed(folder: Path) -> None:
    """A ``.gitignore`` of ``*`` in a private folder: ``git add .`` in a repository that holds
    it never stages a draft addressed to a participant (git reads the file in any folder)."""
    from kit.csvio import atomic_write_text

    marker = folder / ".gitignore"
    if not marker.exists():
        atomic_write_text(marker, "# drafts addressed to participants (interview-kit): private, never committed\n*\n")


def _keep_failed(build: Path, out: Path) -> Path:
    failed = out.with_name(out.name + ".failed")
    with _out_lock(out):
        if failed.exists():
            shutil.rmtree(failed)
        shutil.copytree(build, failed)
        # a refused or failed build holds what was not fit to publish, beside the folder that is
        # published (a web root, a synced share): the owner's alone, like OUT-private (attacker s14 A7)
        for folder, _dirs, _files in os.walk(failed):
            os.chmod(folder, 0o700)
        os.chmod(failed, 0o700)
    return failed


# -- publishing -----------------------------------------------------------------------------------
@contextmanager
def _out_lock(out: Path):
    """Hold an exclusive lock on ``.OUT.lock`` beside OUT: runs on one OUT publish (and sweep)
    one after the other. The lock goes with the process, even killed; the file is removed
    when the lock is released, so a finished run leaves nothing beside OUT (a killed run's
    empty file is taken over by the next run). A run that was waiting on a file another run
    removed locks the file now at the path instead (the inode is compared after locking)."""
    import fcntl

    path = out.with_name(f".{out.name}.lock")
    while True:
        fh = open(path, "a")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX)
            held = os.fstat(fh.fileno())
            try:
                now = os.stat(path)
            except FileNotFoundError:
                now = None
        except BaseException:
            fh.close()
            raise
        if now is not None and (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
            break
        fh.close()  # the holder before us removed this file: lock the one at the path now
    try:
        yield
    finally:
        try:
            os.unlink(path)  # while still holding the lock: a waiter sees the inode change
        except FileNotFoundError:
            pass
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()


_RENAME_EXCHANGE = 2
_CRITICAL: list[bool] = []
_DEFERRED: list[int] = []


@contextmanager
def _critical():
    """A block SIGTERM, SIGHUP and SIGINT do not interrupt (where :func:`_terminate_as_interrupt`
    handles them): a signal that arrives while the report is published lets the publish
    finish, and the run ends with the new report (only its last log line remains to write)."""
    _CRITICAL.append(True)
    try:
        yield
    finally:
        _CRITICAL.pop()


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False when
    the system or the file system cannot."""
    import ctypes
    import errno

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(b))


def publish(build: Path, out: Path) -> None:
    """Put the finished build in OUT's place in one atomic step, under the OUT lock.

    OUT is always the old report or the new one, whole, under its own name, whatever kills
    the process when: the two folders are exchanged with ``renameat2(RENAME_EXCHANGE)``;
    where the file system cannot, the old report is moved to ``.OUT.old-<pid>`` first and
    :func:`sweep` puts it back if the process dies before the new one is in place. The
    build's tables are published with spreadsheet formulas neutralised and the folder is
    marked as the kit's (:data:`kit.safety.OUTPUT_MARKER`)."""
    from kit.safety import mark_output, neutralise_csv_file

    for table in sorted((build / "tables").rglob("*.csv")):
        neutralise_csv_file(table)
    mark_output(build, kind="run")
    with _out_lock(out), _critical():
        if not os.path.lexists(out):
            os.rename(build, out)
        elif out.is_dir() and not out.is_symlink() and _exchange(build, out):
            shutil.rmtree(build, ignore_errors=True)  # the old report, now at the build's name
        else:
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            os.replace(out, old)
            os.replace(build, out)
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink()
        failed = out.with_name(out.name + ".failed")
        if failed.exists():
            shutil.rmtree(failed, ignore_errors=True)


_PID_TAG = re.compile(r"^(?P<pid>\d+)-")


def _tagged_pid(rest: str) -> int | None:
    match = _PID_TAG.match(rest)
    return int(match["pid"]) if match else None


def sweep(out: Path, tmpdir: str | None = None, legacy_age: float = 24 * 3600) -> list[Path]:
    """Remove what killed runs left, and put back a report moved aside: beside OUT, the
    builds ``.OUT.building-<pid>-*`` and ``.OUT.old-<pid>`` of processes no longer running;
    in ``$TMPDIR``, their kernel folders ``interview-kit-kernel-<pid>-*``. Folders of an
    older kit without a process id are removed once older than ``legacy_age`` seconds.
    Call it holding the OUT lock. Returns what was removed."""
    from kit.safety import pid_alive

    removed = []

    def dead(rest: str, path: Path) -> bool:
        pid = _tagged_pid(rest)
        if pid is not None:
            return pid != os.getpid() and not pid_alive(pid)
        try:
            return time.time() - path.stat().st_mtime > legacy_age
        except OSError:
            return False

    for old in sorted(out.parent.glob(f".{_glob_escape(out.name)}.old-*")):
        pid = old.name.rsplit("-", 1)[-1]
        if pid.isdigit() and (int(pid) == os.getpid() or pid_alive(int(pid))):
            continue
        if not os.path.lexists(out):
            os.rename(old, out)  # killed between the two renames: the old report goes back
        else:
            shutil.rmtree(old, ignore_errors=True)
            removed.append(old)
    prefix = f".{out.name}.building-"
    for build in out.parent.glob(f"{_glob_escape(prefix)}*"):
        if build.is_dir() and dead(build.name[len(prefix):], build):
            shutil.rmtree(build, ignore_errors=True)
            removed.append(build)
    for folder in Path(tmpdir or tempfile.gettempdir()).glob(f"{KERNEL_PREFIX}*"):
        if folder.is_dir() and dead(folder.name[len(KERNEL_PREFIX):], folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)
