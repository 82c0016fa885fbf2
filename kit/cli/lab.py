"""`interview-kit lab`: a researcher's own working copy of the notebooks, bound to a study,
and the command that opens JupyterLab on it."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kit.paths import pilot_path
from kit.scaffold import ScaffoldError

__all__ = ["LAB_OUTPUT", "LabError", "default_lab_dir", "bind_parameters", "lab_copy", "lab_command", "serve_lab"]

LAB_OUTPUT = "output"  # the working copy's own folder for tables and figures


class LabError(ScaffoldError):
    """A working copy that cannot be made where asked (inside the study, over a file)."""


def default_lab_dir(study: Path | None) -> Path:
    """Where `interview-kit lab` puts the working copy: ``<study>-notebooks`` beside the study,
    or ``./interview-kit-notebooks`` for the bundled pilot."""
    if study is None:
        return Path("interview-kit-notebooks").resolve()
    study = Path(study).expanduser().resolve()
    return study.parent / f"{study.name}-notebooks"


def _check_outside(target: Path, study: Path) -> None:
    if target == study or target.is_relative_to(study) or study.is_relative_to(target):
        raise LabError(f"{target}: the working copy must not be, contain or lie inside the study "
                       f"{study}; choose another folder with --out")


def bind_parameters(source: str, values: dict) -> str:
    """The source of a ``parameters`` cell with the plain values of the names in ``values``
    replaced (comments and every other line kept). Raises ``LabError`` when a name is missing."""
    import ast
    import json

    lines = source.splitlines(keepends=True)
    found = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and node.targets[0].id in values and node.value.lineno == node.value.end_lineno:
            name = node.targets[0].id
            i = node.value.lineno - 1
            line = lines[i]
            # col offsets are in UTF-8 bytes
            raw = line.encode("utf-8")
            raw = raw[:node.value.col_offset] + json.dumps(values[name]).encode("utf-8") + raw[node.value.end_col_offset:]
            lines[i] = raw.decode("utf-8")
            found.add(name)
    missing = set(values) - found
    if missing:
        raise LabError(f"the parameters cell has no {', '.join(sorted(missing))}")
    return "".join(lines)


def lab_copy(study=None, target=None) -> tuple[Path, list[Path]]:
    """Make (or complete) a working copy of the workflow and training notebooks at ``target``,
    bound to ``study``: each ``parameters`` cell gets ``study_dir`` (empty for the bundled pilot)
    and ``out_dir`` (``target/output``); stored outputs are cleared. Notebooks already in the copy
    are left as the researcher edited them; the kit's own notebooks are never written.

    Returns ``(target, notebooks written)``. Raises ``LabError`` when ``target`` is, contains or
    lies inside the study, or is not a folder; ``FileNotFoundError`` when the study is missing.
    """
    import nbformat

    from kit.paths import notebooks_path

    study_path = None if study is None or str(study).strip() == "" else Path(study).expanduser().resolve()
    if study_path is not None and not study_path.is_dir():
        raise FileNotFoundError(f"{study_path}: no such study folder (create one with: interview-kit new DIR)")
    target = Path(target).expanduser().resolve() if target else default_lab_dir(study_path)
    _check_outside(target, study_path or pilot_path().resolve())
    if target.exists() and not target.is_dir():
        raise LabError(f"{target}: exists and is not a folder")
    source = notebooks_path()
    values = {"study_dir": "" if study_path is None else str(study_path), "out_dir": str(target / LAB_OUTPUT)}
    originals = sorted(p for p in source.glob("[0-9][0-9]-*.ipynb")) + sorted((source / "training").glob("*.ipynb"))
    written = []
    target.mkdir(parents=True, exist_ok=True)
    for original in originals:
        copy = target / original.relative_to(source)
        if copy.exists():
            continue
        nb = nbformat.read(original, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
                if "parameters" in cell.metadata.get("tags", []):
                    cell.source = bind_parameters(cell.source, values)
        nb.metadata.pop("widgets", None)
        nb.metadata.pop("papermill", None)
        copy.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".ipynb", dir=copy.parent)
        os.close(fd)
        try:
            nbformat.write(nb, tmp)
            os.replace(tmp, copy)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(copy)
    return target, written


def lab_command(target: Path, open_browser: bool = True, as_root: bool | None = None) -> list[str]:
    """The command that opens JupyterLab on the working copy ``target``.

    Run as root (``as_root``; default: the current user is root, as in many containers),
    JupyterLab refuses to start unless given ``--allow-root``: the command carries it."""
    import os
    import sys

    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={target}"]
    if not open_browser:
        command.append("--no-browser")
    if as_root is None:
        as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if as_root:
        command.append("--allow-root")
    return command


_STOP_SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")
_SERVER_STOP_GRACE = 15.0  # seconds JupyterLab gets to stop its kernels before it is killed


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the server gets SIGTERM when ``interview-kit lab`` dies, even by SIGKILL."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def serve_lab(command: list[str], cwd, clean=None) -> tuple[int, list[str]]:
    """Run JupyterLab (``command``), passing its messages through to standard error, and
    stop it with this process: SIGTERM, SIGHUP or SIGINT (Ctrl-C) sent to ``interview-kit lab``
    are passed on as SIGTERM, on which JupyterLab shuts its kernels down and exits (killed
    after 15 s if it has not); on Linux the server also gets SIGTERM when this process is
    killed outright. Returns ``(exit code of the server, its last 12 non-blank lines)``:
    0, or minus the signal's number when stopped that way. ``clean`` (a function of a line, e.g. a
    working output's ``clean``: roster names, emails and phones replaced) is applied to every line
    passed through and kept: a notebook's error carries a participant's words or its file's name.
    Raises ``OSError`` when it cannot start."""
    import collections
    import signal
    import subprocess
    import sys
    import threading

    linux = sys.platform.startswith("linux")
    server = subprocess.Popen(command, cwd=cwd, stderr=subprocess.PIPE, text=True, errors="replace",
                              preexec_fn=_die_with_parent if linux else None)
    stopped = []

    def stop(signum, frame):
        stopped.append(signum)
        if server.poll() is None:
            server.terminate()
            timer = threading.Timer(_SERVER_STOP_GRACE, lambda: server.poll() is None and server.kill())
            timer.daemon = True
            timer.start()

    previous = {}
    for name in _STOP_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None and threading.current_thread() is threading.main_thread():
            previous[number] = signal.signal(number, stop)
    tail = collections.deque(maxlen=12)
    try:
        for line in server.stderr:
            if clean is not None:
                line = clean(line)
            sys.stderr.write(line)
            sys.stderr.flush()
            if line.strip():
                tail.append(line.rstrip())
        code = server.wait()
    finally:
        if server.poll() is None:  # an exception on the way: never leave the server behind
            server.terminate()
            try:
                server.wait(timeout=_SERVER_STOP_GRACE)
            except subprocess.TimeoutExpired:
                server.kill()
        for number, handler in previous.items():
            signal.signal(number, handler)
    return (-stopped[0] if stopped else code), list(tail)
