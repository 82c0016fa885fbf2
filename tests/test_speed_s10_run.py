"""benchmarks/run_speed.py tells the truth (issue 20, item 5): the floor's whole process tree's
peak memory is sampled and the sampling's CPU kept out of the floor's; a run's leftovers in its
own $TMPDIR are counted, its CPU is its process tree's."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


@pytest.fixture(scope="module")
def run_speed():
    # imported by the tests, not at collection: run_speed imports papermill and nbformat (seconds
    # in every worker that collects this file)
    return pytest.importorskip("run_speed")


def test_the_floors_watch_sees_a_child_process_and_counts_its_own_cpu(run_speed):
    watch = run_speed._TreeWatch(every=0.05)
    watch.start()
    child = subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(120 * 2**20); "
                              "x[::4096] = b'1' * len(x[::4096]); time.sleep(0.5)"])
    child.wait()
    time.sleep(0.05)
    watch.done.set()
    watch.join()
    assert watch.tree_peak > 120 * 2**20  # this process and the child, together
    assert watch.peak > 120 * 2**20  # the child's own high-water mark
    assert 0 < watch.cpu < 1.0
    assert watch.tree_pss > 120 * 2**20


@pytest.mark.slow
def test_a_runs_leftovers_in_its_tmpdir_are_counted(tmp_path, run_speed):
    """A stand-in kit whose `run` leaves a folder in $TMPDIR and burns some CPU: the benchmark
    names the folder and charges the CPU to the run."""
    tree = tmp_path / "tree"
    (tree / "kit").mkdir(parents=True)
    (tree / "kit" / "__init__.py").write_text("", encoding="utf-8")
    (tree / "kit" / "__main__.py").write_text(
        "import tempfile, time\n"
        "tempfile.mkdtemp(prefix='interview-kit-left-')\n"
        "t = time.process_time()\n"
        "while time.process_time() - t < 0.3:\n    pass\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    run = run_speed.measure_run(work, tree)
    assert run["code"] == 0
    assert len(run["left"]) == 1 and run["left"][0].startswith("interview-kit-left-")
    assert run["cpu"] >= 0.25 and run["wall"] >= run["cpu"] * 0.5
    assert "LEFT in $TMPDIR: interview-kit-left-" in run_speed._pair_line(
        "run", {"wall": 1.0, "cpu": 1.0}, run)


@pytest.mark.slow
def test_a_forked_workers_shared_pages_count_once_in_the_trees_pss(tmp_path):
    """A parent holding 150 MiB forks a worker that shares them: the sum of RSS counts them
    twice, the sum of PSS once."""
    measure = pytest.importorskip("measure")
    if not Path("/proc/self/smaps_rollup").is_file():
        pytest.skip("no /proc/PID/smaps_rollup here")
    r = measure.run_measured([sys.executable, "-c", "import os, time; x = bytearray(150 * 2**20); "
                              "x[::4096] = b'1' * len(x[::4096]); pid = os.fork(); time.sleep(1.0); "
                              "pid and os.waitpid(pid, 0)"], tmp_path)
    assert r["code"] == 0
    assert r["tree_peak"] > 280 * 2**20
    assert 140 * 2**20 < r["tree_pss"] < 230 * 2**20
