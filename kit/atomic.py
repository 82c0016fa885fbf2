"""One atomic write: every file the kit writes goes to a temporary file beside its target
and is renamed into place, so a reader never sees half a file and a failed write leaves the
old file untouched (docs/design.md: "outputs are written to a temp path and moved into place").

``atomic_open(path, "w")`` is the one implementation; ``atomic_write_text``,
``atomic_write_bytes`` and ``atomic_write_csv`` are the common cases. The temporary file is
``.<name>.<random>.tmp`` in the target's folder (same file system, so ``os.replace`` is
atomic) and is removed when writing fails.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_open", "atomic_write_bytes", "atomic_write_csv", "atomic_write_text"]


@contextmanager
def atomic_open(path, mode: str = "w", permissions: int | None = None, suffix: str = ".tmp"):
    """Open a temporary file beside ``path`` for writing (``mode`` ``"w"``: UTF-8 text with
    line ends as written; ``"wb"``: bytes) and rename it onto ``path`` when the block ends
    without an exception; otherwise delete it and re-raise. Parent folders are created.
    ``permissions`` (e.g. ``0o644``) is set before the rename; by default the file keeps the
    owner-only mode ``tempfile.mkstemp`` gives it."""
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open writes ('w' or 'wb'), not {mode!r}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    try:
        if mode == "wb":
            fh = os.fdopen(fd, "wb")
        else:
            fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with fh:
            yield fh
        if permissions is not None:
            os.chmod(tmp, permissions)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_write_text(path, text: str, permissions: int | None = None) -> None:
    """Write ``text`` (UTF-8, line ends as given) to ``path`` atomically."""
    with atomic_open(path, "w", permissions) as fh:
        fh.write(text)


def atomic_write_bytes(path, data: bytes, permissions: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_open(path, "wb", permissions) as fh:
        fh.write(data)


def atomic_write_csv(path, frame, permissions: int | None = None) -> None:
    """Write ``frame`` as CSV (no index, ``\\n`` line ends) to ``path`` atomically, streamed
    in chunks rather than built as one string."""
    with atomic_open(path, "w", permissions) as fh:
        frame.to_csv(fh, index=False, lineterminator="\n")
