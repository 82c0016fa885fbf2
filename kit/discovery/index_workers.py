"""A full index build's studies loaded and made into rows in worker processes (issue 20,
session 18).

The studies of a repository are independent until their rows are written: each is loaded,
fingerprinted, annotated, auto-coded, scored and pseudonymised on its own
(:func:`kit.discovery.index_rows.study_rows`). When the repository is large enough
(:data:`PARALLEL_FILES`) and cores are free (:func:`kit.cores.free_cores`, as ``analyze``
chooses its workers), :func:`prepared_studies` does that in worker processes, one study a
task, and hands back each study's plain row lists in the studies' order; the parent writes
them into the one transaction of the build in that order, so the file is the same as a
build in one process. At most one study more than the workers is in flight, so the parent
never holds more than a few studies' rows. Where no worker process can be started (a
sandbox), the build goes on in one process.
"""
from __future__ import annotations

from collections import deque

from kit.cores import free_cores

__all__ = ["PARALLEL_FILES", "build_workers", "prepared_studies"]

#: Below this many files in the repository's studies (and with fewer than two studies),
#: starting worker processes costs more than it saves (``kit.study.PARALLEL_TRANSCRIPTS``).
PARALLEL_FILES = 400
_SHARED: dict = {}


def build_workers(walks: list) -> int:
    """How many worker processes a full build of studies with these walks
    (``(stats, problems, ids)`` of ``kit.discovery.index._file_stats``, one per study) uses:
    0 (build in this process) for one study, fewer than :data:`PARALLEL_FILES` files, or
    fewer than two free cores; else the free cores, at most one a study."""
    import multiprocessing

    if len(walks) < 2 or sum(len(w[0]) for w in walks) < PARALLEL_FILES \
            or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    workers = min(free_cores(4), len(walks))
    return workers if workers >= 2 else 0


def _start(people, key) -> None:
    """A worker's start: the repository's roster and key (inherited, not pickled, from the
    forking parent); a study's transcripts are parsed in the worker itself (the cores are
    the pool's: no pool inside a worker)."""
    import kit.study

    _SHARED.update(people=people, key=key)
    kit.study.free_cores = lambda most=4: 1


def _in_worker(folder, label: str, walk: tuple):
    return _prepare(folder, label, walk, _SHARED.get("people"), _SHARED.get("key"))


def _prepare(folder, label: str, walk: tuple, people, key):
    """One study loaded (each file it reads hashed from that read), its walk's problems
    added, and its rows made (:func:`kit.discovery.index_rows.study_rows`)."""
    from kit.discovery import index
    from kit.discovery.index_files import hashing_reads
    from kit.discovery.index_rows import study_rows
    from kit.study import load_study

    stats, problems, ids = walk
    with hashing_reads() as read:
        study = load_study(folder, strict=False)
    fingerprint = index._fingerprint(folder, stats, None, read, ids, key or b"")
    index._with_walk_problems(study, problems)
    return study_rows(study, fingerprint, label, people, key)


def prepared_studies(folders: list, walks: list, labels: dict, people, key, workers: int):
    """Yield each study's :class:`kit.discovery.index_rows.StudyRows`, in the order of
    ``folders``, made by ``workers`` worker processes; an error of a study is raised here,
    as the build in one process raises it. When the workers cannot be started (no processes
    may be made here), each study is made in this process instead."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if people is not None:  # its matcher built once, here, for every worker (a fork inherits it)
        people.matcher  # noqa: B018
    # fork: the workers share the parent's imported modules and its roster (no pickling)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start, initargs=(people, key))
    try:
        jobs = iter(zip(folders, walks))
        pending: deque = deque()

        def send():
            job = next(jobs, None)
            if job is not None:
                pending.append(pool.submit(_in_worker, job[0], labels[job[0]], job[1]))

        try:
            for _ in range(workers + 1):
                send()
        except (OSError, RuntimeError):  # no worker processes here: every study in this one
            pool.shutdown(wait=True, cancel_futures=True)
            for folder, walk in zip(folders, walks):
                yield _prepare(folder, labels[folder], walk, people, key)
            return
        while pending:
            rows = pending.popleft().result()
            send()
            yield rows
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
