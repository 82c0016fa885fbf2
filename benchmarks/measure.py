"""What the scale benchmarks measure beside time: CPU of waited-for children and the
resident memory of a process tree (psutil). Imported by analyze_scale.py, repository_scale.py
and run_speed.py, which are run as scripts from this folder."""
from __future__ import annotations

import resource

__all__ = ["children_cpu", "high_water", "run_measured", "tree_pss", "tree_rss"]


def children_cpu() -> float:
    """CPU seconds (user + system) of every child process waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tree(proc) -> list:
    """``proc`` (``psutil.Process``) and all its descendants; [] once it has ended."""
    import psutil

    try:
        return [proc] + proc.children(recursive=True)
    except psutil.Error:
        return []


def _own_peak(p) -> int:
    """One process's peak resident bytes: ``VmHWM`` from ``/proc/PID/status`` on Linux (a
    high-water mark that a sample cannot miss), its current RSS elsewhere."""
    try:
        with open(f"/proc/{p.pid}/status", encoding="ascii", errors="replace") as fh:
            hwm = next((line.split()[1] for line in fh if line.startswith("VmHWM:")), None)
        if hwm:
            return int(hwm) * 1024
    except (OSError, ValueError):
        pass
    return p.memory_info().rss


def _measure_each(proc, measure) -> list[int]:
    import psutil

    values = []
    for p in _tree(proc):
        try:
            values.append(measure(p))
        except psutil.Error:
            pass
    return values


def _pss(p) -> int:
    """One process's proportional set size (``Pss`` of ``/proc/PID/smaps_rollup``: each page
    shared with other processes, as a forked worker shares its parent's, counted once among
    them), its RSS where that cannot be read."""
    try:
        with open(f"/proc/{p.pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
            pss = next((line.split()[1] for line in fh if line.startswith("Pss:")), None)
        if pss:
            return int(pss) * 1024
    except (OSError, ValueError):
        pass
    return p.memory_info().rss


def tree_pss(proc) -> int:
    """Memory of a process (``psutil.Process``) and all its descendants now, each shared page
    counted once (the sum of their PSS; :func:`tree_rss` counts a page once per process
    sharing it); 0 once it has ended."""
    return sum(_measure_each(proc, _pss))


def tree_rss(proc) -> int:
    """Resident bytes of a process (``psutil.Process``) and all its descendants, now (0 once
    it has ended)."""
    return sum(_measure_each(proc, lambda p: p.memory_info().rss))


def high_water(proc) -> int:
    """Peak resident bytes so far of the largest process among ``proc`` (``psutil.Process``)
    and its descendants (each process's own high-water mark); 0 once it has ended."""
    return max(_measure_each(proc, _own_peak), default=0)


def run_measured(cmd, cwd, env=None) -> dict:
    """Run ``cmd`` as a subprocess and measure that one run: wall seconds, CPU seconds (user +
    system) of its process tree (``os.wait4``), the peak resident bytes of its largest process
    (each process's own high-water mark, sampled every 20 ms; not ``ru_maxrss``, which on
    Linux keeps the forking parent's size across ``exec``) and of the whole tree (psutil): as
    the sum of the processes' RSS (``tree_peak``, which counts the pages a forked worker shares
    with its parent twice) and as the sum of their PSS (``tree_pss``, each page once; sampled
    every 100 ms, reading it costs more), and the 1-minute load average at the start. Output
    goes to temporary files, not pipes, so a command printing more than a pipe holds cannot
    stall. Returns a dict: wall, cpu, peak, tree_peak, tree_pss, load, code, out, err (text)."""
    import os
    import subprocess
    import tempfile
    import time

    import psutil

    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=str(cwd), env=env)
        watched = psutil.Process(proc.pid)
        tree_peak = peak = pss = samples = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            tree_peak = max(tree_peak, tree_rss(watched))
            peak = max(peak, high_water(watched))
            if samples % 5 == 0:
                pss = max(pss, tree_pss(watched))
            samples += 1
            time.sleep(0.02)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak": peak, "tree_peak": tree_peak, "tree_pss": pss,
            "load": load, "code": proc.returncode, "out": stdout.decode(errors="replace"),
            "err": stderr.decode(errors="replace")}
