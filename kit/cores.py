"""How many worker processes pay off now (moved out of kit.study, which is at its size limit)."""
from __future__ import annotations

import os

__all__ = ["free_cores"]


def free_cores(most: int = 4) -> int:
    """How many worker processes pay off now: the cores this process may run on
    (``os.sched_getaffinity``) less the load already on them (the one-minute load average,
    ``os.getloadavg``), at least 1 and at most ``most``. On a busy shared machine extra
    workers only add CPU time (issue 20: wall 1.08x serial, +10% CPU at 2 cores, load 4)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):
        busy = 0.0
    return max(1, min(most, int(cores - busy + 0.5)))
