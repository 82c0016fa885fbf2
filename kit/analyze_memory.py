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

With worker processes (``kit.analyze._score_and_code``) the parent sends each worker small
chunks of only the columns it reads (:data:`CODED_COLUMNS`, :data:`CHUNK_ITEMS` a chunk), a
few at a time (:func:`in_flight`): sent all at once, every text and every segment's row was
pickled into the pool's queue beside the loaded study, and the tree of two workers at 20,000
transcripts held 1,031 MiB (PSS).
"""
from __future__ import annotations

import sys

__all__ = ["CHUNK_ITEMS", "CODED_COLUMNS", "HEAP_PAD", "HEAP_TRIM", "MMAP_THRESHOLD", "in_flight",
           "keep_freed_memory"]

#: The columns of a segment that auto-coding reads (``language`` when the segments carry one):
#: only these go to a worker process.
CODED_COLUMNS = ("segment_id", "interview_id", "participant", "kind", "text", "language")
#: Texts or segments in one worker's chunk.
CHUNK_ITEMS = 20_000

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


def in_flight(jobs: list, chunk, workers: int) -> list:
    """The results of ``fn(*chunk(job))`` for each ``(fn, ...)`` of ``jobs``, in order, from
    ``workers`` worker processes with at most ``workers + 1`` chunks sent and not yet done."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    results: list = [None] * len(jobs)
    pending: dict = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for n, job in enumerate(jobs):
            while len(pending) > workers:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    results[pending.pop(future)] = future.result()
            pending[pool.submit(job[0], *chunk(job))] = n
        for future, n in pending.items():
            results[n] = future.result()
    return results
