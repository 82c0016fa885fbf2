"""What the scale benchmarks measure beside time: CPU of waited-for children and the
resident memory of a process tree (psutil). Imported by analyze_scale.py, repository_scale.py
and run_speed.py, which are run as scripts from this folder."""
from __future__ import annotations

import resource

__all__ = ["children_cpu", "run_measured", "tree_rss"]


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


def run_measured(cmd, cwd, env=None) -> dict:
    """Run ``cmd`` as a subprocess and measure it: wall and CPU seconds of the process tree
    (``RUSAGE_CHILDREN``), the peak resident bytes of the largest process (``ru_maxrss``) and
    of the whole tree (psutil, every 20 ms), the 1-minute load average at the start. Returns
    a dict: wall, cpu, peak, tree_peak, load, code, out, err (text)."""
    import os
    import subprocess
    import sys
    import time

    import psutil

    load = os.getloadavg()[0]
    cpu0 = children_cpu()
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(cwd), env=env)
    tree_peak = 0
    while proc.poll() is None:
        tree_peak = max(tree_peak, tree_rss(proc))
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    stdout, stderr = proc.communicate()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return {"wall": wall, "cpu": children_cpu() - cpu0, "peak": peak, "tree_peak": tree_peak, "load": load,
            "code": proc.returncode, "out": stdout.decode(errors="replace"), "err": stderr.decode(errors="replace")}
