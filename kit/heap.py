"""Memory the process freed handed back to the system (glibc's ``malloc_trim``).

glibc keeps the heap pages a program frees for its own reuse; after work that allocates
many small blocks outside Python's allocator (lxml parsing a Word file: python-docx reads
every part of it), the pages stay with the process although nothing uses them, and the
next file's blocks do not fit the holes: 100 Teams .docx transcripts of 37 KB each grew a
process by 464 MB (session 18's newcomer F8, `check`, `analyze` and `run` at 2,000
interviews). :func:`trim` returns what is free at the top and in the middle of the heap.
"""
from __future__ import annotations

import ctypes
import ctypes.util

__all__ = ["trim"]

_LIBC: list = []


def trim() -> bool:
    """Hand the heap's free pages back to the system; False where the C library has no
    ``malloc_trim`` (not glibc: musl, macOS, Windows), which changes nothing there."""
    if not _LIBC:
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            _LIBC.append(libc.malloc_trim)
        except (OSError, AttributeError):
            _LIBC.append(None)
    malloc_trim = _LIBC[0]
    if malloc_trim is None:
        return False
    malloc_trim(0)
    return True
