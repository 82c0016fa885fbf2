"""How fast is `interview-kit run` against the floor of starting its kernels?

The floor is N kernel starts, one after the other, each executing through papermill a
one-cell notebook that only imports the kit's stack (kit, pandas, matplotlib, ipywidgets),
N being the number of workflow notebooks. The run is `interview-kit run` on the bundled pilot
in a fresh process (its interpreter start and imports included). Both are measured in this
one invocation, after one untimed kernel start to warm the disk caches, in CPU seconds
(``resource.getrusage``: for the floor this process, which drives papermill as the run's own
process does, and its kernels; for the run its whole process tree, ``os.wait4``) and wall
seconds, each with the load average at its start; the ratio run / floor is printed (medians
of ``--repeat`` pairs, default 3, and every pair's ratio). Both sides report the peak resident
memory of their largest process (its own high-water mark) and of their whole process tree
(sampled with psutil: every 20 ms for the run, by ``measure.run_measured``; every 250 ms for
the floor, by a thread of this process whose own CPU is taken out of the floor's). The run
gets a temporary folder of its own as ``$TMPDIR``: what it leaves there is counted and
printed (the target is nothing). The target is a CPU ratio of at most 1.5 (issue 20); on a
shared machine wall time follows the other load.

``--against DIR`` (repeatable) also runs the kit of another checkout (DIR holds its ``kit``
package: the code before a change) in every pair, the order of the kits turning round from
pair to pair (this kit first, then second...), so old and new code are measured side by side
under the same load.

    python benchmarks/run_speed.py            # print floor, run and ratio
    python benchmarks/run_speed.py --check    # exit 1 when the ratio is above --target
    python benchmarks/run_speed.py --against /tmp/before   # old and new code alternated
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import papermill as pm

from kit.pipeline import LOG_NAME, own_kernel, workflow_notebooks

from measure import high_water, run_measured, tree_pss, tree_rss  # run from benchmarks/ (measure.py beside it)

IMPORTS = "import kit, kit.study, pandas, matplotlib, matplotlib.pyplot, ipywidgets"


def floor_notebook(folder: Path) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(IMPORTS)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "floor.ipynb"
    nbformat.write(nb, path)
    return path


def kernel_start(nb: Path, kernel: str) -> float:
    started = time.perf_counter()
    pm.execute_notebook(str(nb), str(nb.with_name("floor-out.ipynb")), kernel_name=kernel, progress_bar=False,
                        cwd=str(nb.parent))
    return time.perf_counter() - started


def _own_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _children_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def _cpu() -> float:
    """CPU seconds of this process and of every child process waited for (the kernels)."""
    return _own_cpu() + _children_cpu()


class _TreeWatch(threading.Thread):
    """Samples the peak resident memory of this process and its descendants (the floor's
    kernels) every ``every`` seconds until stopped; ``cpu`` is the CPU seconds it spent."""

    def __init__(self, every: float = 0.25):
        super().__init__(daemon=True)
        import psutil

        self.me, self.every, self.done = psutil.Process(), every, threading.Event()
        self.tree_peak = self.peak = self.tree_pss = 0
        self.cpu = 0.0

    def run(self):
        started = time.thread_time()
        while not self.done.is_set():
            self.tree_peak = max(self.tree_peak, tree_rss(self.me))
            self.peak = max(self.peak, high_water(self.me))
            self.tree_pss = max(self.tree_pss, tree_pss(self.me))
            self.done.wait(self.every)
        self.cpu = time.thread_time() - started


def measure_floor(n: int, folder: Path) -> dict:
    """The floor: wall seconds of each kernel start (``starts``) and their sum (``wall``), the
    CPU seconds of all of them (``cpu``: this process and its kernels, less the memory
    sampling), the peak memory of the largest process and of the tree, the load at the start."""
    nb = floor_notebook(folder)
    with own_kernel() as kernel:
        kernel_start(nb, kernel)  # warm-up, not timed
        load, watch = os.getloadavg()[0], _TreeWatch()
        watch.start()
        cpu = _cpu()
        starts = [kernel_start(nb, kernel) for _ in range(n)]
        cpu = _cpu() - cpu
        watch.done.set()
        watch.join()
    return {"starts": starts, "wall": sum(starts), "cpu": cpu - watch.cpu, "peak": watch.peak,
            "tree_peak": watch.tree_peak, "tree_pss": watch.tree_pss, "load": load, "sampling": watch.cpu}


def measure_run(folder: Path, tree: Path | None = None) -> dict:
    """`interview-kit run` on the pilot in a fresh process (``tree``: the folder whose ``kit``
    is run; default the one this script imports, whichever PYTHONPATH or the installed one), measured by ``measure.run_measured``: wall,
    cpu (the whole process tree), peak (largest process), tree_peak, load, code; with ``log``
    (run.log, or the end of stderr) and ``left`` (what it left in its own ``$TMPDIR``)."""
    tree = tree if tree is not None else Path(sys.modules["kit.pipeline"].__file__).resolve().parents[1]
    out, scratch = folder / "report", folder / "run-tmp"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    env = dict(os.environ, PYTHONWARNINGS="ignore", TMPDIR=str(scratch))
    env["PYTHONPATH"] = os.pathsep.join([str(tree)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    # started in ``folder``: ``python -m`` puts its working folder first on the path, so started
    # in a checkout it would run that checkout's kit whatever PYTHONPATH says
    run = run_measured([sys.executable, "-m", "kit", "run", "--out", str(out), "--quiet"], folder, env)
    run["log"] = (out / LOG_NAME).read_text() if (out / LOG_NAME).is_file() else run["err"][-2000:]
    run["left"] = sorted(p.name for p in scratch.iterdir())
    return run


def _mib(value: int) -> str:
    return f"{value / 2 ** 20:.0f} MiB"


def _pair_line(name: str, floor: dict, run: dict) -> str:
    left = f"; LEFT in $TMPDIR: {', '.join(run['left'])}" if run["left"] else "; nothing left in $TMPDIR"
    return (f"{name} {run['wall']:.1f}s wall / {run['cpu']:.1f}s CPU (exit {run['code']}, load {run['load']:.1f}), "
            f"peak {_mib(run['peak'])} largest process / {_mib(run['tree_peak'])} tree RSS / {_mib(run['tree_pss'])} "
            f"tree PSS; "
            f"ratio wall {run['wall'] / floor['wall']:.2f}, CPU {run['cpu'] / floor['cpu']:.2f}{left}")


def _summary(name: str, pairs: list, runs: list, repeat: int, target: float) -> float:
    cpu_ratio = statistics.median(r["cpu"] / p["cpu"] for p, r in zip(pairs, runs))
    wall_ratio = statistics.median(r["wall"] / p["wall"] for p, r in zip(pairs, runs))
    each = ", ".join(f"{r['cpu'] / p['cpu']:.2f}" for p, r in zip(pairs, runs))
    print(f"{name}: run CPU {statistics.median(r['cpu'] for r in runs):.1f} s, wall "
          f"{statistics.median(r['wall'] for r in runs):.1f} s; peak memory {_mib(max(r['peak'] for r in runs))} "
          f"largest process, {_mib(max(r['tree_peak'] for r in runs))} whole tree RSS, "
          f"{_mib(max(r['tree_pss'] for r in runs))} PSS; ratio run / floor, medians of "
          f"{repeat}: CPU {cpu_ratio:.2f} (target: at most {target:g}; pairs "
          f"{each}), wall {wall_ratio:.2f}; "
          f"left in $TMPDIR: {sum(len(r['left']) for r in runs)} entries")
    return cpu_ratio


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the CPU ratio is above --target")
    parser.add_argument("--target", type=float, default=1.5)
    parser.add_argument("--repeat", type=int, default=3, help="paired floor and run measurements (medians; default 3)")
    parser.add_argument("--against", type=Path, metavar="DIR", action="append", default=[],
                        help="a folder holding another kit (the code before a change), run in every pair too")
    args = parser.parse_args(argv)
    for other in args.against:
        if not (other / "kit" / "__init__.py").is_file():
            parser.error(f"{other} holds no kit/__init__.py")
    n = len(workflow_notebooks())
    print(f"cores: {os.cpu_count()}, workflow notebooks: {n}, "
          f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    pairs, runs, others, code, log = [], [], {}, 0, ""
    with tempfile.TemporaryDirectory(prefix="interview-kit-speed-") as tmp:
        tmp = Path(tmp)
        for i in range(args.repeat):
            floor = measure_floor(n, tmp)
            pairs.append(floor)
            print(f"pair {i + 1}: floor {floor['wall']:.1f}s wall / {floor['cpu']:.1f}s CPU "
                  f"({floor['wall'] / n:.2f}s per start; load {floor['load']:.1f}; sampling {floor['sampling']:.2f}s "
                  f"CPU taken out), peak {_mib(floor['peak'])} largest process / {_mib(floor['tree_peak'])} tree RSS / "
                  f"{_mib(floor['tree_pss'])} tree PSS")
            sides = [None] + args.against
            for tree in sides[i % len(sides):] + sides[:i % len(sides)]:  # each kit first in turn
                run = measure_run(tmp, tree)
                (runs if tree is None else others.setdefault(tree, [])).append(run)
                code = code or run["code"]
                log = run["log"] if tree is None else log
                print("        " + _pair_line("run" if tree is None else f"run of {tree}", floor, run))
            print(f"        load {os.getloadavg()[0]:.1f} at the pair's end")
    print("per notebook of the last run (run.log: name, seconds, status):")
    print("  " + log.strip().replace("\n", "\n  "))
    print(f"medians of {args.repeat}: floor CPU {statistics.median(p['cpu'] for p in pairs):.1f} s, wall "
          f"{statistics.median(p['wall'] for p in pairs):.1f} s; peak memory {_mib(max(p['peak'] for p in pairs))} "
          f"largest process, {_mib(max(p['tree_peak'] for p in pairs))} whole tree RSS, "
          f"{_mib(max(p['tree_pss'] for p in pairs))} PSS")
    cpu_ratio = _summary("this kit", pairs, runs, args.repeat, args.target)
    for other, theirs in others.items():
        _summary(str(other), pairs, theirs, args.repeat, args.target)
    if code != 0:
        return 2
    return 1 if args.check and cpu_ratio > args.target else 0


if __name__ == "__main__":
    raise SystemExit(main())
