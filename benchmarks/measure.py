"""What the scale benchmarks measure beside time: CPU of waited-for children and the
resident memory of a process tree (psutil). Imported by analyze_scale.py, repository_scale.py
and run_speed.py, which are run as scripts from this folder."""
from __future__ import annotations

import resource

__all__ = ["children_cpu", "tree_rss"]


def children_cpu() -> float:
    """CPU seconds (user + system) of every child process waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tree_rss(proc) -> int:
    """Resident bytes of a process (``psutil.Process``) and all its descendants, now (0 once
    it has ended)."""
    import psutil

    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total
