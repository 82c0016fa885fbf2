"""Test helper: the command line run in the test's own process, as ``python -m kit`` runs it
(:func:`kit.cli.main`), for tests that run it once per case: a fresh interpreter per case
costs seconds of imports each, and what the case asserts (exit code, output, no traceback)
is the same. Tests of what a fresh process imports or of ``python -m kit`` itself keep
``subprocess``."""
from __future__ import annotations

import contextlib
import io
import subprocess
import traceback

__all__ = ["run_cli"]


def run_cli(argv) -> subprocess.CompletedProcess:
    """``interview-kit ARGV`` in this process: its exit code and what it wrote to stdout and
    stderr (a ``SystemExit`` gives its code; an uncaught exception is written to stderr as the
    traceback ``python -m kit`` would print, with exit code 1)."""
    from kit.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except Exception:  # noqa: BLE001 - shown as python -m kit would show it
            traceback.print_exc()
            code = 1
    return subprocess.CompletedProcess(["interview-kit", *map(str, argv)], code, out.getvalue(), err.getvalue())
