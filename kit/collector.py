"""Python's cyclic garbage collector paused while a study is read or an index built.

Reading a study makes hundreds of thousands of small objects that live as long as the
study (parsed notes, turns, rows); each of the collector's passes walks all of them, so
its full passes cost a large share of the CPU of a large load (issue 20). Reference
counting still frees almost everything at once; the little cyclic garbage a load leaves
(pandas' frames) is collected when the collector runs again: the peak memory of a
10,000-interview index build is the same with it paused (110 MiB).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

__all__ = ["cyclic_gc_paused"]


@contextmanager
def cyclic_gc_paused():
    """Context manager and decorator: the cyclic collector off inside, and afterwards as it
    was before (still off when the caller had paused it, so nested uses are safe)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
