"""`run` leaves no lock file beside its output (round2-faults.md E1), and the lock still
serialises runs on one OUT although each holder removes the file when it is done."""
from __future__ import annotations

import threading
import time

from kit import pipeline


def test_the_lock_file_is_gone_when_the_lock_is_released(tmp_path):
    out = tmp_path / "cron-report"
    with pipeline._out_lock(out):
        assert (tmp_path / ".cron-report.lock").exists()
    assert list(tmp_path.iterdir()) == []


def test_a_killed_runs_lock_file_is_taken_over_and_removed(tmp_path):
    out = tmp_path / "report"
    (tmp_path / ".report.lock").write_text("")  # what a killed run leaves
    with pipeline._out_lock(out):
        pass
    assert list(tmp_path.iterdir()) == []


def test_holders_never_overlap_although_each_removes_the_file(tmp_path):
    out = tmp_path / "report"
    inside, overlaps, rounds = [0], [], 40

    def worker():
        for _ in range(rounds):
            with pipeline._out_lock(out):
                inside[0] += 1
                if inside[0] != 1:
                    overlaps.append(inside[0])
                time.sleep(0.0005)
                inside[0] -= 1

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == []
    assert list(tmp_path.iterdir()) == []
