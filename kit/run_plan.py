"""The plan of `interview-kit run` (:mod:`kit.pipeline`): which notebooks wait for which, and
how long each is expected to take, from the notebook files read once."""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["REPORT_NOTEBOOK", "dependencies", "estimates", "notebook_source"]

REPORT_NOTEBOOK = "08-sprint-report"

_SOURCES: dict[str, tuple] = {}  # path -> (modification time, size, notebook)


def notebook_source(nb: Path):
    """The notebook file ``nb`` as ``nbformat.read(nb, as_version=4)`` gives it (not to be
    changed), read once while the file is unchanged: the run's plan (:func:`dependencies`,
    :func:`estimates`) and each notebook's parameters (``kit.pipeline._accepts``) looked at every
    workflow notebook, stored outputs included, three times (issue 20). Raises what
    ``nbformat.read`` raises."""
    import nbformat

    stat = os.stat(nb)
    got = _SOURCES.get(str(nb))
    if got is None or got[:2] != (stat.st_mtime_ns, stat.st_size):
        got = _SOURCES[str(nb)] = (stat.st_mtime_ns, stat.st_size, nbformat.read(nb, as_version=4))
    return got[2]


def dependencies(notebooks: list[Path]) -> dict[str, set[str]]:
    """For each notebook (by stem), the notebooks of this run it must wait for: those named
    in its ``interview_kit.after`` metadata (``*``: all others), the report notebook
    waiting for all others by default."""
    stems = [nb.stem for nb in notebooks]
    plan = {}
    for nb in notebooks:
        after = None
        try:
            meta = notebook_source(nb).metadata.get("interview_kit") or {}
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


def estimates(notebooks: list[Path], previous_log: Path | None = None) -> dict[str, float]:
    """How long each notebook is expected to take, to start the longest first: the seconds
    of the previous run's log when there is one, else the length of its code."""
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
            code = [c.source for c in notebook_source(nb).cells if c.cell_type == "code"]
            guess[nb.stem] = 1.0 + sum(map(len, code)) / 1000  # about a second per 1,000 characters
        except Exception:
            guess[nb.stem] = 1.0
    return guess
