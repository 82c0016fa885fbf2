"""How fast is `interview-kit run` against the floor of starting its kernels?

The floor is N kernel starts, one after the other, each executing through papermill a
one-cell notebook that only imports the kit's stack (kit, pandas, matplotlib, ipywidgets),
N being the number of workflow notebooks. The run is `interview-kit run` on the bundled pilot
in a fresh process (its interpreter start and imports included). Both are measured in this
one invocation, after one untimed kernel start to warm the disk caches, and the ratio
run / floor is printed; the target is at most 2.

    python benchmarks/run_speed.py            # print floor, run and ratio
    python benchmarks/run_speed.py --check    # exit 1 when the ratio is above --target
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import papermill as pm

from kit.pipeline import LOG_NAME, own_kernel, workflow_notebooks

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


def measure_floor(n: int, folder: Path) -> list[float]:
    nb = floor_notebook(folder)
    with own_kernel() as kernel:
        kernel_start(nb, kernel)  # warm-up, not timed
        return [kernel_start(nb, kernel) for _ in range(n)]


def measure_run(folder: Path) -> tuple[float, str, int]:
    out = folder / "report"
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "kit", "run", "--out", str(out), "--quiet"],
                          capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    log = (out / LOG_NAME).read_text() if (out / LOG_NAME).is_file() else proc.stderr[-2000:]
    return seconds, log, proc.returncode


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the ratio is above --target")
    parser.add_argument("--target", type=float, default=2.0)
    args = parser.parse_args(argv)
    n = len(workflow_notebooks())
    with tempfile.TemporaryDirectory(prefix="interview-kit-speed-") as tmp:
        tmp = Path(tmp)
        starts = measure_floor(n, tmp)
        floor = sum(starts)
        run_seconds, log, code = measure_run(tmp)
    ratio = run_seconds / floor
    print(f"cores: {os.cpu_count()}, workflow notebooks: {n}")
    print(f"floor: {n} kernel starts importing the kit's stack: {floor:.1f}s "
          f"({floor / n:.2f}s each, min {min(starts):.2f}s, max {max(starts):.2f}s)")
    print(f"run:   interview-kit run on the bundled pilot: {run_seconds:.1f}s (exit {code})")
    print("per notebook (run.log: name, seconds, status):")
    print("  " + log.strip().replace("\n", "\n  "))
    print(f"ratio run / floor: {ratio:.2f} (target: at most {args.target:g})")
    if code != 0:
        return 2
    return 1 if args.check and ratio > args.target else 0


if __name__ == "__main__":
    raise SystemExit(main())
