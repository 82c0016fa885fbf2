"""The C allocator told to keep the memory a large batch command frees (issue 20).

A large ``analyze`` makes and drops many column-sized arrays and lists (240,000 turns: a
column of numbers is 1.9 MB). glibc's ``malloc`` serves such a block from a fresh ``mmap``
and hands it back to the system when it is freed, and gives back the free top of its heap
too, so the next block of that size is faulted in again page by page: at 10,000
transcripts 270,000 page faults and 0.8-1.0 s of system CPU. With the thresholds raised
(``mallopt``: blocks up to 32 MiB from the heap, the heap's free top kept up to 1 GiB and
grown 256 MiB at a time) the same run takes 115,000 page faults and 0.5 s of system CPU,
and its peak resident memory is the same (593 against 595 MiB in one process): freed
memory is reused, not given back. Only for a command that ends when its batch is done;
elsewhere (a notebook's kernel) the defaults stay.
"""
from __future__ import annotations

import sys

__all__ = ["HEAP_PAD", "HEAP_TRIM", "MMAP_THRESHOLD", "keep_freed_memory"]

#: Bytes: a block below this comes from the heap, not its own ``mmap`` (glibc's maximum
#: is 32 MiB on 64-bit systems).
MMAP_THRESHOLD = 32 << 20
#: Bytes of free memory at the top of the heap kept instead of given back to the system.
HEAP_TRIM = 1 << 30
#: Bytes the heap grows by beyond what a request needs.
HEAP_PAD = 256 << 20

_M_TRIM_THRESHOLD, _M_TOP_PAD, _M_MMAP_THRESHOLD = -1, -2, -3  # glibc's malloc.h


def keep_freed_memory() -> bool:
    """Raise glibc's ``M_MMAP_THRESHOLD``, ``M_TRIM_THRESHOLD`` and ``M_TOP_PAD`` for the
    rest of this process (and the worker processes it forks) to :data:`MMAP_THRESHOLD`,
    :data:`HEAP_TRIM` and :data:`HEAP_PAD`. Returns True when all three were set; False
    (and nothing changed that matters) on a system without glibc's ``mallopt``. Never
    raises."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt  # the process's own C library
        mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        mallopt.restype = ctypes.c_int
    except (OSError, AttributeError, ImportError):  # musl and others: no mallopt
        return False
    ok = True
    for option, value in ((_M_MMAP_THRESHOLD, MMAP_THRESHOLD), (_M_TRIM_THRESHOLD, HEAP_TRIM),
                          (_M_TOP_PAD, HEAP_PAD)):
        ok = bool(mallopt(option, value)) and ok
    return ok
