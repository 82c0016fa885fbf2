"""Session 11, analyze's memory with worker processes (issue 20): the parallel path of
``kit.analyze._score_and_code`` sends few, small chunks of only the columns auto-coding reads,
scores each distinct text once, and gives what the serial path gives."""
from __future__ import annotations

import concurrent.futures
import threading
from pathlib import Path

import pandas as pd
import pytest

import kit.analyze as analyze_mod
import kit.analyze_memory as memory
import kit
from kit.codebook import Codebook, load_codebook

_TEXTS = ["I love the reminders but chasing late payments is awful.", "The invoice was paid on time.",
          "We never reconcile by hand any more, it is not bad at all.", "Cash flow keeps me up at night.",
          "Card fees are too high!", "Purchase orders slow everything down.", "No comment."]


class _Watched(concurrent.futures.ThreadPoolExecutor):
    """A pool of threads standing for the worker processes: records what each job got and
    the most jobs sent and not yet done at any time."""

    def __init__(self, max_workers=None, **kwargs):
        super().__init__(max_workers=max_workers)
        self.lock, self.open, self.sent = threading.Lock(), 0, []
        _Watched.last = self
        _Watched.most = 0

    def submit(self, fn, *args):
        with self.lock:
            self.open += 1
            _Watched.most = max(_Watched.most, self.open)
        self.sent.append((fn, args))
        future = super().submit(fn, *args)
        future.add_done_callback(self._done)
        return future

    def _done(self, _future):
        with self.lock:
            self.open -= 1


@pytest.fixture
def parallel(monkeypatch):
    monkeypatch.setattr(analyze_mod, "PARALLEL_TEXTS", 1)
    monkeypatch.setattr(analyze_mod, "free_cores", lambda most=4: 2)
    monkeypatch.setattr(memory, "CHUNK_ITEMS", 3)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _Watched)


def _segments(n: int) -> pd.DataFrame:
    return pd.DataFrame({
        "segment_id": [f"s{i}" for i in range(n)], "interview_id": [f"i{i // 5}" for i in range(n)],
        "participant": [f"p{i // 5}" for i in range(n)], "kind": ["turn"] * n,
        "text": [_TEXTS[i % len(_TEXTS)] for i in range(n)], "language": ["en"] * n,
        "speaker": ["Someone Private"] * n, "start": [float(i) for i in range(n)]})


def _codebook() -> Codebook:
    return load_codebook(Path(kit.__file__).parent / "data" / "pilot" / "codebook.yml")[0]


def test_parallel_scores_and_codes_are_the_serial_ones(parallel):
    from kit.languages import autocode
    from kit.sentiment import compound

    segments, codebook = _segments(40), _codebook()
    texts = segments["text"].tolist() + ["Awful, awful, awful.", "The invoice was paid on time."]
    scores, codes = analyze_mod._score_and_code(texts, segments, codebook)
    assert scores == compound(texts)
    serial = autocode(segments, codebook)
    assert len(serial) > 3  # the codebook codes these texts: chunks of codes to put back in order
    pd.testing.assert_frame_equal(codes, serial)


def test_workers_get_distinct_texts_and_only_the_columns_coding_reads(parallel):
    segments = _segments(40)
    analyze_mod._score_and_code(segments["text"].tolist(), segments, _codebook())
    sent = _Watched.last.sent
    scored = [t for fn, args in sent if fn is analyze_mod._compound_chunk for t in args[0]]
    assert sorted(scored) == sorted(set(_TEXTS))  # each distinct text once
    frames = [args[0] for fn, args in sent if fn is analyze_mod._autocode_chunk]
    assert sum(len(f) for f in frames) == 40 and max(len(f) for f in frames) <= 3
    for frame in frames:
        assert set(frame.columns) <= set(memory.CODED_COLUMNS) and "text" in frame and "language" in frame
        assert "speaker" not in frame  # a name never travels to a worker it is not needed by


def test_no_more_chunks_in_flight_than_workers_and_one(parallel):
    segments = _segments(60)
    analyze_mod._score_and_code(segments["text"].tolist() * 3, segments, _codebook())
    assert len(_Watched.last.sent) == 3 + 20  # 7 distinct texts in 3 chunks, 60 segments in 20
    assert _Watched.most <= 3


def test_in_flight_keeps_the_order_of_the_jobs(monkeypatch):
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _Watched)
    jobs = [(sorted, list(range(i, 0, -1))) for i in range(12)]
    got = memory.in_flight(jobs, lambda job: (job[1],), 2)
    assert got == [sorted(range(i, 0, -1)) for i in range(12)]
    assert _Watched.most <= 3
