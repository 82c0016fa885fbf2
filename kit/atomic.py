"""One atomic write: every file the kit writes goes to a temporary file beside its target
and is renamed into place, so a reader never sees half a file and a failed write leaves the
old file untouched (docs/design.md: "outputs are written to a temp path and moved into place").

``atomic_open(path, "w")`` is the one implementation; ``atomic_write_text``,
``atomic_write_bytes`` and ``atomic_write_csv`` are the common cases. The temporary file is
``.<name>.<pid>.<random>.tmp`` in the target's folder (same file system, so ``os.replace`` is
atomic; the process id lets :func:`kit.safety.sweep_temp_files` remove what a killed process
left) and is removed when writing fails. A replaced file keeps its permission bits; a new one
gets those the umask gives (``0o644`` under the usual ``022``), unless ``permissions`` says.
"""
from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_open", "atomic_write_bytes", "atomic_write_csv", "atomic_write_text", "staging_folder"]


def _default_mode() -> int:
    return 0o666 & ~_umask()


def staging_folder(prefix: str, parent) -> Path:
    """A new folder in ``parent`` to build a folder in before it is renamed into place, with the
    mode a folder made by ``mkdir`` would get (``0o755`` under the usual umask ``022``):
    ``tempfile.mkdtemp`` makes it ``0o700``, which the renamed study or report would keep.
    Private outputs (drafts to participants) keep ``mkdtemp``'s ``0o700`` instead."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    os.chmod(folder, 0o777 & ~_umask())
    return folder


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


@contextmanager
def atomic_open(path, mode: str = "w", permissions: int | None = None, durable: bool = False):
    """Open a temporary file beside ``path`` for writing (``mode`` ``"w"``: UTF-8 text with
    line ends as written; ``"wb"``: bytes) and rename it onto ``path`` when the block ends
    without an exception; otherwise delete it and re-raise. Parent folders are created.
    ``permissions`` (e.g. ``0o644``) overrides the mode kept from the old file or given by the
    umask; ``durable`` flushes the data to disk (``os.fsync``) before the rename."""
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open writes ('w' or 'wb'), not {mode!r}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if permissions is None:
        try:
            permissions = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            permissions = _default_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        if mode == "wb":
            fh = os.fdopen(fd, "wb")
        else:
            fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with fh:
            yield fh
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), permissions)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_text(path, text: str, permissions: int | None = None) -> Path:
    """Write ``text`` (UTF-8, line ends as given) to ``path`` atomically; returns the path."""
    with atomic_open(path, "w", permissions) as fh:
        fh.write(text)
    return Path(path)


def atomic_write_bytes(path, data: bytes, permissions: int | None = None, durable: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; returns the path."""
    with atomic_open(path, "wb", permissions, durable) as fh:
        fh.write(data)
    return Path(path)


def atomic_write_csv(path, frame, permissions: int | None = None) -> Path:
    """Write ``frame`` as CSV (no index, ``\\n`` line ends) to ``path`` atomically, streamed
    in chunks rather than built as one string; returns the path."""
    with atomic_open(path, "w", permissions) as fh:
        frame.to_csv(fh, index=False, lineterminator="\n")
    return Path(path)
