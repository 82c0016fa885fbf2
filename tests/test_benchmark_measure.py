"""benchmarks/measure.run_measured measures one run: the peak of that run's process, not the
largest since the benchmark started, and output larger than a pipe holds does not stall it."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
measure = pytest.importorskip("measure")


def test_peak_belongs_to_the_run_measured_not_an_earlier_one(tmp_path):
    # the child holds its memory a moment: the peak is sampled every 20 ms, and a child that
    # exits right after touching its last page can end between two samples (a loaded machine)
    big = measure.run_measured([sys.executable, "-c", "import time; x = bytearray(150 * 2**20); "
                                "x[::4096] = b'1' * len(x[::4096]); time.sleep(0.3)"], tmp_path)
    small = measure.run_measured([sys.executable, "-c", "pass"], tmp_path)
    assert big["peak"] > 150 * 2**20
    assert small["peak"] < 100 * 2**20
    assert big["code"] == small["code"] == 0


def test_output_beyond_a_pipe_buffer_and_the_exit_code_come_back(tmp_path):
    r = measure.run_measured([sys.executable, "-c", "import sys; print('x' * 300000); print('e' * 90000, file=sys.stderr); sys.exit(3)"], tmp_path)
    assert r["code"] == 3
    assert len(r["out"].strip()) == 300000 and len(r["err"].strip()) == 90000
    assert r["cpu"] > 0 and r["wall"] > 0
