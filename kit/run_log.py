"""The log a scheduler keeps across runs (``interview-kit run --log FILE``): a ``start`` line,
one line per notebook, and an ``end`` line with the exit code on every way out of a started
run (a full disk, a failed notebook, study errors, a signal, a bug)."""
from __future__ import annotations

import threading
from pathlib import Path

__all__ = ["RunLog", "exit_code", "log_failure"]


class RunLog:
    """Appends timestamped lines to a log file a scheduler keeps across runs (``--log``): the
    time and the fields, tab-separated, each field with its control characters escaped
    (:func:`kit.safety.escape_controls`), so a newline or a tab in a path never splits an entry."""

    def __init__(self, path):
        # not resolved again: kit.safety.check_output resolved it, except /dev/stderr on a pipe (claims17 C3)
        self.path = Path(path).expanduser().absolute() if path else None
        self.lock = threading.Lock()
        self.ended = False

    def write(self, *fields) -> None:
        if fields[:1] == ("end",):
            self.ended = True
        if self.path is None:
            return
        from datetime import datetime

        from kit.safety import escape_controls

        line = "\t".join(escape_controls(field) for field in fields)

        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        with self.lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(f"{stamp}\t{line}\n")


def exit_code(exc: BaseException) -> int:
    """The exit code ``interview-kit run`` gives for an exception out of :func:`run` (see
    :mod:`kit.cli`): 1 study errors, 2 a full disk or another ``OSError`` (also behind a
    failed notebook), 3 a failed notebook, 4 a bug, 128+N a signal."""
    from kit.errors import StudyError
    from kit.safety import is_disk_full

    if isinstance(exc, KeyboardInterrupt):  # kit.pipeline.Interrupted carries its signal
        return 128 + exc.signal if isinstance(getattr(exc, "signal", None), int) else 130
    if isinstance(exc, StudyError):
        return 1
    if _notebook_failed(exc):
        return 2 if _disk_full_text(str(exc.detail)) else 3
    if is_disk_full(exc) or isinstance(exc, OSError):
        return 2
    from kit.discovery.index import write_failure

    return 2 if write_failure(exc) is not None else 4


def _disk_full_text(detail: str) -> bool:
    return "No space left on device" in detail or "Disk quota exceeded" in detail


def _notebook_failed(exc: BaseException) -> bool:
    """A kit.pipeline.NotebookFailed (known by its fields: this module is no edge's importer)."""
    return isinstance(exc, Exception) and hasattr(exc, "notebook") and hasattr(exc, "detail")


def _reason(exc: BaseException) -> str:
    from kit.safety import is_disk_full

    if is_disk_full(exc) or (_notebook_failed(exc) and _disk_full_text(str(exc.detail))):
        where = getattr(exc, "filename", None) or getattr(exc, "notebook", None)
        return f"no space left on device{f' ({where})' if where else ''}"
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}"
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:300]


def log_failure(log: RunLog, exc: BaseException) -> None:
    """Write the ``end`` line for ``exc`` unless the run already wrote one; a log whose own
    disk is full is left as it is (the command line still says why the run ended)."""
    if log.ended:
        return
    try:
        log.write("end", f"failed: {_reason(exc)}; the previous report is unchanged", f"exit={exit_code(exc)}")
    except OSError:
        pass
