"""How fast is `interview-kit run` against the floor of starting its kernels?

The floor is N kernel starts, one after the other, each executing through papermill a
one-cell notebook that only imports the kit's stack (kit, pandas, matplotlib, ipywidgets),
N being the number of workflow notebooks. The run is `interview-kit run` on the bundled pilot
in a fresh process (its interpreter start and imports included). Both are measured in this
one invocation, after one untimed kernel start to warm the disk caches, in CPU seconds
(``resource.getrusage``: for the floor this process, which drives papermill as the run's own
process does, and its kernels; for the run its whole process tree, waited for) and wall
seconds, with the load average; the ratio run / floor is printed (medians of ``--repeat``
pairs, default 3), with the peak resident memory of the run's whole process tree (sampled
with psutil every 50 ms by this process; that sampling, about 2 ms of CPU a sample, is
printed apart and is not the run's). The target is a CPU ratio of at most 1.5 (issue 20);
on a shared machine wall time follows the other load.

``--against DIR`` also runs the kit of another checkout (DIR holds its ``kit`` package: the
code before a change) in every pair, right after this one, so old and new code are measured
side by side under the same load.

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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import papermill as pm

from kit.pipeline import LOG_NAME, own_kernel, workflow_notebooks

from measure import tree_rss as _tree_rss  # run from benchmarks/ (measure.py beside it)

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


def measure_floor(n: int, folder: Path) -> tuple[list[float], float]:
    """Wall seconds of each kernel start, and the CPU seconds of all of them."""
    nb = floor_notebook(folder)
    with own_kernel() as kernel:
        kernel_start(nb, kernel)  # warm-up, not timed
        cpu = _cpu()
        walls = [kernel_start(nb, kernel) for _ in range(n)]
        return walls, _cpu() - cpu



def measure_run(folder: Path, tree: Path | None = None) -> tuple[float, float, str, int, int, float]:
    """Wall and CPU seconds (the whole process tree) of `interview-kit run` on the pilot, its
    log, exit code, the peak resident memory of the whole process tree (the run and its
    kernels together, sampled every 50 ms with psutil) and the CPU seconds this process spent
    sampling it (not the run's: it grows with the run's wall time, about 2 ms a sample).
    ``tree``: the folder whose ``kit`` is run (default: the one this script imports)."""
    import psutil

    out = folder / "report"
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    if tree is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(tree)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    cpu, sampling = _children_cpu(), _own_cpu()
    started = time.perf_counter()
    with open(folder / "run.stderr", "w+", encoding="utf-8") as err:  # a file: a full pipe cannot block the run
        proc = psutil.Popen([sys.executable, "-m", "kit", "run", "--out", str(out), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=err, text=True, env=env)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc))
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        err.seek(0)
        stderr = err.read()
    log = (out / LOG_NAME).read_text() if (out / LOG_NAME).is_file() else stderr[-2000:]
    return seconds, _children_cpu() - cpu, log, proc.returncode, peak, _own_cpu() - sampling


def _pair_line(name: str, floor: float, floor_cpu: float, run: tuple) -> str:
    run_wall, run_cpu, _, code, peak, sampling = run
    return (f"{name} {run_wall:.1f}s wall / {run_cpu:.1f}s CPU (exit {code}; sampling {sampling:.1f}s CPU apart), "
            f"tree peak {peak / 2 ** 20:.0f} MiB; ratio wall {run_wall / floor:.2f}, CPU {run_cpu / floor_cpu:.2f}")


def _summary(name: str, pairs: list, runs: list, repeat: int, target: float) -> float:
    cpu_ratio = statistics.median(r[1] / p[1] for p, r in zip(pairs, runs))
    wall_ratio = statistics.median(r[0] / p[0] for p, r in zip(pairs, runs))
    print(f"{name}: run CPU {statistics.median(r[1] for r in runs):.1f} s, wall "
          f"{statistics.median(r[0] for r in runs):.1f} s; peak memory of the run's whole tree "
          f"{max(r[4] for r in runs) / 2 ** 20:.0f} MiB; ratio run / floor, medians of {repeat}: "
          f"CPU {cpu_ratio:.2f} (target: at most {target:g}; pairs "
          f"{', '.join(f'{r[1] / p[1]:.2f}' for p, r in zip(pairs, runs))}), wall {wall_ratio:.2f}")
    return cpu_ratio


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the CPU ratio is above --target")
    parser.add_argument("--target", type=float, default=1.5)
    parser.add_argument("--repeat", type=int, default=3, help="paired floor and run measurements (medians; default 3)")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="a folder holding another kit (the code before a change), run in every pair too")
    args = parser.parse_args(argv)
    if args.against is not None and not (args.against / "kit" / "__init__.py").is_file():
        parser.error(f"{args.against} holds no kit/__init__.py")
    n = len(workflow_notebooks())
    print(f"cores: {os.cpu_count()}, workflow notebooks: {n}, "
          f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    pairs, runs, others, code, log = [], [], [], 0, ""
    with tempfile.TemporaryDirectory(prefix="interview-kit-speed-") as tmp:
        tmp = Path(tmp)
        for i in range(args.repeat):
            load = os.getloadavg()[0]
            starts, floor_cpu = measure_floor(n, tmp)
            floor = sum(starts)
            pairs.append((floor, floor_cpu))
            runs.append(measure_run(tmp))
            log, code = runs[-1][2], runs[-1][3]
            print(f"pair {i + 1}: floor {floor:.1f}s wall / {floor_cpu:.1f}s CPU ({floor / n:.2f}s per start); "
                  + _pair_line("run", floor, floor_cpu, runs[-1]))
            if args.against is not None:
                others.append(measure_run(tmp, args.against))
                code = code or others[-1][3]
                print("        " + _pair_line(f"run of {args.against}", floor, floor_cpu, others[-1]))
            print(f"        load {load:.1f} at start, {os.getloadavg()[0]:.1f} at end")
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    print("per notebook of the last run (run.log: name, seconds, status):")
    print("  " + log.strip().replace("\n", "\n  "))
    print(f"medians of {args.repeat}: floor CPU {statistics.median(p[1] for p in pairs):.1f} s, wall "
          f"{statistics.median(p[0] for p in pairs):.1f} s (largest single process {largest / 2 ** 20:.0f} MiB)")
    cpu_ratio = _summary("this kit", pairs, runs, args.repeat, args.target)
    if args.against is not None:
        _summary(str(args.against), pairs, others, args.repeat, args.target)
    if code != 0:
        return 2
    return 1 if args.check and cpu_ratio > args.target else 0


if __name__ == "__main__":
    raise SystemExit(main())
