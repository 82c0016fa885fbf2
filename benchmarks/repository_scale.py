"""Scale of the research repository: index 10,000 interviews, search them, re-index one sprint.

    python benchmarks/repository_scale.py                      # 10,000 interviews in 20 studies
    python benchmarks/repository_scale.py --interviews 2000 --studies 5 --seed 3 --keep /tmp/big-repo

A repository of ``--studies`` study folders is generated deterministically from ``--seed``:
each interview has a note in the customer-interview template (3 key quotes, 4 insights,
2 opportunities) written from the sentences of the bundled studies, and every other
interview a plain-text transcript of 6 participant and 6 interviewer turns; participants
recur across studies (ids and emails), with the bundled codebook and a few manual codings
per study.

Figures printed (seconds, wall clock; the builds also in CPU seconds, each with the load average
of the machine when it started, since on a shared machine wall time says as much about the
neighbours as about the kit):

* index (CLI)           -- ``python -m kit index REPO`` in a subprocess on a repository without
                           an index, start-up included: medians of ``--repeat`` runs (default 3)
                           of wall and CPU seconds (user + system of the whole process tree),
                           the peak resident memory of the largest process and of the process
                           tree together (sampled every 20 ms with psutil). Target (issue 20):
                           5 s at 10,000 interviews (120,000 segments).
* build (library)       -- ``update_index`` in this process (imports excluded), medians
* floor: bare FTS5      -- the same texts into one bare FTS5 table in one transaction
* search, fresh check   -- median of the queries with ``search()`` as it is used (it first
                           checks every study's files for changes: a stat of each file)
* search, index only    -- median of the same queries with ``update=False``
* no change             -- ``build_index`` again, nothing changed
* touch one study       -- one file's time changed, content not: re-hashed, not re-indexed
* edit one study        -- one note changed: that study alone is re-indexed
* rebuild after damage  -- the index overwritten with garbage, rebuilt from the files

* SQLite alone          -- every row the build wrote, read back as lists, into a fresh index
                           of the same schema (two FTS5 tables, indexes) in one transaction:
                           what is left of a build once the Python work is gone

``--against TREE`` pairs each CLI build with one by another kit tree (say the main branch's
checkout), alternated on the same repository, and prints both medians and their ratio:
on a shared machine only paired runs tell a change from the neighbours' load.

``--repository PATH`` times the CLI builds of an existing repository instead (paired with
``--against``; its ``.interview-kit`` is removed before each build, so give a copy), and
``--cli-only`` stops a generated repository's run after the CLI builds.

``--workers N`` makes this tree's CLI builds use N worker processes whatever the load
(``kit.discovery.index_workers`` told N cores are free; by default the build uses the cores
free when it starts, none on a busy machine): the CPU of the whole process tree is reported
either way, so the workers' cost shows beside the wall time they save.

``--profile FILE`` also runs the CLI build once under cProfile and prints the top functions by
cumulative and by own time. cProfile sees one process: a study with at least
``kit.study.PARALLEL_TRANSCRIPTS`` (400) transcripts has them parsed in worker processes when
cores are free, and that work is then missing from the profile (the CPU figures above include
it); the default repository (500 interviews, 250 transcripts a study) is parsed in one process.
cProfile also inflates code that makes many small calls several times over: read its shares,
not its seconds.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kit import repository  # noqa: E402
from kit.paths import pilot_path  # noqa: E402
from kit.study import load_study  # noqa: E402

from measure import run_measured  # noqa: E402

QUERIES = ["late payment", "reminder tone", "PO number", "bank transfer reference", "card fee",
           '"debt collector"', "deposit", "part payments", "spreadsheet", "text message"]
SEGMENTS = ["freelancer", "trades", "agency"]
REGIONS = ["north", "south", "east", "west"]
BUILD_TARGET = 5.0  # seconds for `interview-kit index` of 10,000 interviews (issue 20)
REPO = Path(__file__).resolve().parents[1]
TEAM = ["Maya Chen", "Luis Ortega", "Priya Natarajan", "Tom Becker"]


def sentences():
    """Participant sentences (quotes, turns) and team sentences (insights, opportunities)
    of the bundled studies, to write realistic notes from."""
    said, noted, opps = set(), set(), set()
    folders = [pilot_path()] + sorted(p for p in repository.sprints_path().iterdir() if p.is_dir())
    for folder in folders:
        s = load_study(folder, strict=False)
        said |= set(s.quotes["text"]) | set(s.turns.loc[s.turns["role"] == "participant", "text"])
        noted |= set(s.insights["text"])
        opps |= set(s.opportunities["text"])
    return sorted(said), sorted(noted), sorted(opps)


def generate(root: Path, n_interviews: int, n_studies: int, seed: int) -> None:
    rng = random.Random(seed)
    said, noted, opps = sentences()
    codebook = (pilot_path() / "codebook.yml").read_text(encoding="utf-8")
    people = [(f"P-{i:05d}", f"person{i}@example.com", rng.choice(SEGMENTS), rng.choice(REGIONS))
              for i in range(1, n_interviews // 2 + 1)]
    per_study = [n_interviews // n_studies + (1 if i < n_interviews % n_studies else 0) for i in range(n_studies)]
    start = date(2024, 1, 1)
    number = 0
    for k, count in enumerate(per_study):
        folder = root / f"sprint-{k + 1:02d}"
        (folder / "interviews").mkdir(parents=True)
        (folder / "transcripts").mkdir()
        (folder / "codings").mkdir()
        (folder / "study.yml").write_text(
            f"title: Sprint {k + 1}\nresearch_question: How do owners get paid?\nsprint: S{k + 1:02d}\n"
            f"segments:\n  attribute: segment\n  quotas: {{freelancer: {count}, trades: {count}, agency: {count}}}\n"
            f"cadence_days: 7\n", encoding="utf-8")
        (folder / "codebook.yml").write_text(codebook, encoding="utf-8")
        rows = ["id,email,segment,region,status,invited_on,interviewed_on,consent_record,consent_quote"]
        codings = ["segment,code,coder"]
        seen = set()
        day0 = start + timedelta(days=28 * k)
        for j in range(count):
            number += 1
            iid = f"INT-{number:05d}"
            pid, email, segment, region = rng.choice(people)
            when = day0 + timedelta(days=j * 21 // max(count, 1))
            if pid not in seen:
                seen.add(pid)
                rows.append(f"{pid},{email},{segment},{region},completed,{(when - timedelta(days=5)).isoformat()},"
                            f"{when.isoformat()},yes,yes")
            interviewer, taker = rng.sample(TEAM, 2)
            quotes = rng.sample(said, 3)
            note = ["---", f"id: {iid}", f"date: {when.isoformat()}", f"participant: {pid}",
                    f"interviewer: {interviewer}", f"note_taker: {taker}", "duration: 5", "---", "",
                    "## Key Quotes"] + [f'- "{q.replace(chr(34), chr(39))}"' for q in quotes] + \
                   ["", "## Insights"] + [f"- {t}" for t in rng.sample(noted, 4)] + \
                   ["", "## Opportunities"] + [f"- {t}" for t in rng.sample(opps, 2)] + [""]
            (folder / "interviews" / f"{iid}.md").write_text("\n".join(note), encoding="utf-8")
            if j % 2 == 0:
                lines = []
                for t in range(6):
                    lines.append(f"{interviewer}: {rng.choice(['Tell me more.', 'What happened next?', 'How did that feel?'])}")
                    lines.append(f"Participant: {rng.choice(said)}")
                (folder / "transcripts" / f"{iid}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            codings.append(f"{iid}#q1,{rng.choice(['late-payment', 'chasing-awkward', 'reminders-automation'])},bench")
        (folder / "participants.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        (folder / "codings" / "bench.csv").write_text("\n".join(codings) + "\n", encoding="utf-8")


def timed(fn, *args, **kwargs):
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t, result


def timed_cpu(fn, *args, **kwargs):
    """(wall seconds, CPU seconds of this process, result): CPU is the steadier figure on
    a shared machine."""
    t, c = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t, time.process_time() - c, result




def _paired_builds(root: Path, args):
    """``--repeat`` CLI builds of this tree, each followed by one of ``--against`` (when
    given): (runs, others), or (None, None) when a build failed (its output printed)."""
    runs, others = [], []
    for _ in range(args.repeat):
        runs.append(run_index(root, workers=args.workers))
        if args.against:
            others.append(run_index(root, tree=Path(args.against).resolve()))
    for r in runs + others:
        if r["code"] not in (0, 1):  # 1: built, some study has errors
            print(r["out"] + r["err"], file=sys.stderr)
            return None, None
    return runs, others


def _each(runs, key: str, form: str) -> str:
    return ", ".join(format(r[key], form) for r in runs)


def _pairs(runs, others) -> str:
    """Each pair's CPU ratio, this tree's build over the other's right after it."""
    return ", ".join(f"{a['cpu'] / b['cpu']:.2f}" for a, b in zip(runs, others))


def _existing(root: Path, args) -> int:
    """``--repository``: the CLI builds of an existing repository alone (its ``.interview-kit``
    removed before each), paired with ``--against``'s when given."""
    if not root.is_dir():
        print(f"{root} is not a folder", file=sys.stderr)
        return 2
    runs, others = _paired_builds(root, args)
    if runs is None:
        return 1

    def line(which):
        cpu = statistics.median(r["cpu"] for r in which)
        wall = statistics.median(r["wall"] for r in which)
        peak = statistics.median(r["peak"] for r in which) / 2**20
        return (f"{wall:.2f} s wall, {cpu:.2f} s CPU, peak {peak:.0f} MiB (medians of {len(which)}; CPU "
                f"{_each(which, 'cpu', '.2f')}; load at start {_each(which, 'load', '.1f')})")

    print(f"index (CLI) of {root}, this tree: {line(runs)}")
    if others:
        ratio = statistics.median(r["cpu"] for r in runs) / statistics.median(r["cpu"] for r in others)
        print(f"index (CLI), {args.against}: {line(others)}")
        print(f"this tree / that one, CPU: {ratio:.3f} (pairs {_pairs(runs, others)})")
    print(f"  {runs[-1]['out'].strip().splitlines()[-1]}")
    return 0


FORCED_WORKERS = """import sys
import kit.discovery.index_workers as w
w.free_cores, w.PARALLEL_FILES = (lambda most=4: int(sys.argv[1])), 0
from kit.cli import main
sys.exit(main(["index", sys.argv[2]]))
"""


def run_index(root: Path, profile: Path | None = None, tree: Path = REPO, workers: int = 0) -> dict:
    """One ``python -m kit index ROOT`` from scratch (the index removed first) in a
    subprocess, with the kit of ``tree`` (this checkout by default): wall and CPU seconds of
    the process tree (``RUSAGE_CHILDREN``), the peak resident memory of the largest process
    (``ru_maxrss``) and of the tree (psutil, 20 ms)."""

    shutil.rmtree(root / repository.INDEX_DIR, ignore_errors=True)
    cmd = [sys.executable] + (["-m", "cProfile", "-o", str(profile)] if profile else []) + (
        ["-c", FORCED_WORKERS, str(workers)] if workers and not profile else ["-m", "kit", "index"]) + [str(root)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tree)] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    return run_measured(cmd, tree, env)


def bare_fts(root: Path) -> tuple[float, float]:
    """The floor: the index's texts into one bare FTS5 table (same tokenizer), one transaction
    (wall, CPU seconds)."""
    con = sqlite3.connect(repository.index_path(root))
    texts = con.execute("SELECT rowid, text FROM docs ORDER BY rowid").fetchall()
    con.close()
    t, c = time.perf_counter(), time.process_time()
    mem = sqlite3.connect(":memory:")
    mem.execute("CREATE VIRTUAL TABLE f USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')")
    with mem:
        mem.executemany("INSERT INTO f(rowid, text) VALUES (?, ?)", texts)
    mem.close()
    return time.perf_counter() - t, time.process_time() - c


def sqlite_only(root: Path) -> tuple[float, float]:
    """What SQLite alone costs for this index: every row the build wrote (docs, doc_codes,
    interviews, people, studies), read back as lists, into a fresh index of the same schema
    (both FTS5 tables filled from docs as a build fills them, the secondary indexes, the same
    PRAGMAs) in one transaction, on a
    temporary file (wall, CPU seconds). The rest of a build is Python: reading the studies,
    the cross-sprint tables, redaction."""
    from kit.discovery import index as kit_index

    con = sqlite3.connect(repository.index_path(root))
    tables = {t: con.execute(f"SELECT * FROM {t}").fetchall()  # docs: rowid is its first column
              for t in ("docs", "doc_codes", "interviews", "people", "studies")}
    con.close()
    folder = Path(tempfile.mkdtemp(prefix="interview-kit-bench-sqlite-"))
    try:
        t, c = time.perf_counter(), time.process_time()
        out = kit_index._open_temp(str(folder / "index.sqlite"))
        out.executescript(kit_index.TABLES)
        for name, rows in tables.items():
            if rows:
                out.executemany(f"INSERT INTO {name} VALUES ({','.join('?' * len(rows[0]))})", rows)
        copied = kit_index._fill_fts(out)  # as a full build fills them (named_fts copied when it can be)
        out.commit()
        out.close()
        out = kit_index._open_temp(str(folder / "index.sqlite"))
        if copied:
            kit_index._named_differences(out)
        out.executescript(kit_index.INDEXES)
        out.commit()
        out.close()
        return time.perf_counter() - t, time.process_time() - c
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def print_profile(path: Path, top: int = 25) -> None:
    import io
    import pstats

    for key in ("cumulative", "tottime"):
        buffer = io.StringIO()
        pstats.Stats(str(path), stream=buffer).strip_dirs().sort_stats(key).print_stats(top)
        text = buffer.getvalue()
        print(f"\n-- interview-kit index under cProfile, top {top} by {key} --")
        print(text[text.find("   ncalls"):].rstrip())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interviews", type=int, default=10_000)
    parser.add_argument("--studies", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="full builds to time (medians reported)")
    parser.add_argument("--against", help="another kit tree: its CLI builds alternate with this one's (paired)")
    parser.add_argument("--profile", help="also profile one CLI build into this file and print its top functions")
    parser.add_argument("--keep", help="write the repository here and keep it (default: a temporary folder)")
    parser.add_argument("--repository", help="time the CLI builds of this existing repository alone, no other "
                        "figure (its .interview-kit is removed before each build: give a copy, e.g. of "
                        "/work/bench/repo10k)")
    parser.add_argument("--workers", type=int, default=0, help="this tree's CLI builds with this many worker "
                        "processes whatever the load (default: as the build chooses)")
    parser.add_argument("--cli-only", action="store_true", help="stop after the CLI builds (with --against: the "
                        "paired figures alone)")
    args = parser.parse_args(argv)
    if args.repository:
        return _existing(Path(args.repository), args)

    # A year in the folder's name, as a dated research folder has: every note path then holds
    # nine digits or more and takes the full redaction (kit.privacy_batch), whatever digits the
    # random part draws (before, 0 to 2 of them decided whether 10,000 paths were redacted).
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="interview-kit-bench-2026-"))
    if root.exists() and any(root.iterdir()):
        print(f"{root} is not empty", file=sys.stderr)
        return 2
    root.mkdir(parents=True, exist_ok=True)
    try:
        t_gen, _ = timed(generate, root, args.interviews, args.studies, args.seed)
        files = sum(1 for _ in root.rglob("*") if _.is_file())
        print(f"repository: {args.interviews:,} interviews in {args.studies} studies, {files:,} files "
              f"(generated in {t_gen:.1f} s, seed {args.seed})")

        runs, others = _paired_builds(root, args)
        if runs is None:
            return 1
        med = {k: statistics.median(r[k] for r in runs) for k in ("wall", "cpu", "peak", "tree_peak")}
        def each_of(which, key):
            return ", ".join(f"{r[key]:.2f}" for r in which)

        def each(key):
            return each_of(runs, key)

        print(f"index (CLI)           {med['wall']:8.2f} s   wall, {med['cpu']:.2f} s CPU (medians of {len(runs)}: wall "
              f"{each('wall')}; CPU {each('cpu')}; load at start {each('load')}; target <= {BUILD_TARGET:g} s)")
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            print("  (PYTHONDONTWRITEBYTECODE is set: each CLI run compiles the kit's sources unless a "
                  "__pycache__ exists, about 0.3 s CPU of the figures above)")
        print(f"peak memory           {med['peak'] / 2**20:8.0f} MiB largest process, {med['tree_peak'] / 2**20:.0f} MiB "
              f"process tree (medians)")
        print(f"  {runs[-1]['out'].strip().splitlines()[-1]}")
        if others:
            other = {k: statistics.median(r[k] for r in others) for k in ("wall", "cpu")}
            print(f"index (CLI), {args.against}: {other['wall']:.2f} s wall, {other['cpu']:.2f} s CPU (medians of "
                  f"{len(others)}, each run right after one of this tree's: CPU {each_of(others, 'cpu')}; load at "
                  f"start {each_of(others, 'load')}); this tree / that one: CPU {med['cpu'] / other['cpu']:.2f}, "
                  f"wall {med['wall'] / other['wall']:.2f}; pairs (CPU) "
                  f"{_pairs(runs, others)}")
        if args.cli_only:
            return 0

        import kit.coding  # noqa: F401  (imports are the CLI's start-up, not the library build)
        import kit.sentiment  # noqa: F401

        builds = []
        for i in range(args.repeat):
            shutil.rmtree(root / repository.INDEX_DIR, ignore_errors=True)
            load = os.getloadavg()[0]
            t_build, c_build, report = timed_cpu(repository.update_index, root)
            builds.append((t_build, c_build, load))
        size = repository.index_path(root).stat().st_size
        t_build = statistics.median(b[0] for b in builds)
        c_build = statistics.median(b[1] for b in builds)
        print(f"build (library)       {t_build:8.2f} s   wall, {c_build:.2f} s CPU (medians of {args.repeat}; load at "
              f"start {', '.join(f'{b[2]:.2f}' for b in builds)}); {report.documents:,} segments, index "
              f"{size / 1e6:.1f} MB")
        t_fts, c_fts = bare_fts(root)
        print(f"floor: bare FTS5      {t_fts:8.2f} s   wall, {c_fts:.2f} s CPU (the same texts, one table, one "
              f"transaction)")
        t_sql, c_sql = sqlite_only(root)
        print(f"SQLite alone          {t_sql:8.2f} s   wall, {c_sql:.2f} s CPU (every row of the index, as lists, into "
              f"the same schema: two FTS5 tables, indexes; the rest of a build is Python)")
        if args.profile:
            from kit.study import PARALLEL_TRANSCRIPTS

            run_index(root, profile=Path(args.profile))
            print_profile(Path(args.profile))
            largest = max(sum(1 for _ in (p / "transcripts").glob("*")) for p in repository.find_studies(root))
            print(f"(profile of the main process; the largest study has {largest} transcripts"
                  + (f", at least {PARALLEL_TRANSCRIPTS}: with free cores they are parsed in worker processes "
                     "the profile does not see)" if largest >= PARALLEL_TRANSCRIPTS else ": all parsed in it)"))
            shutil.rmtree(root / repository.INDEX_DIR, ignore_errors=True)
            repository.update_index(root)

        fresh, cold, hits = [], [], []
        for q in QUERIES:
            t, h = timed(repository.search, root, q, limit=20)
            fresh.append(t)
            hits.append(len(h))
            t, _ = timed(repository.search, root, q, limit=20, update=False)
            cold.append(t)
        print(f"search, fresh check   {statistics.median(fresh):8.3f} s   median of {len(QUERIES)} queries "
              f"(min {min(fresh):.3f}, max {max(fresh):.3f})")
        print(f"search, index only    {statistics.median(cold):8.4f} s   median (min {min(cold):.4f}, "
              f"max {max(cold):.4f}); hits per query {min(hits)}-{max(hits)}")
        t, _ = timed(repository.search, root, "reminder", code="reminders-automation", segment="freelancer",
                     since="2024-06-01", update=False)
        print(f"search with filters   {t:8.4f} s   (--code, --segment, --since)")

        t, report = timed(repository.update_index, root)
        print(f"no change             {t:8.3f} s   unchanged {len(report.unchanged)}, re-indexed {len(report.indexed)}")

        target = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))[len(report.unchanged) // 2]
        some_note = sorted((target / "interviews").glob("*.md"))[0]
        st = some_note.stat()
        os.utime(some_note, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
        t, report = timed(repository.update_index, root)
        print(f"touch one study       {t:8.3f} s   touched {report.touched}, re-indexed {report.indexed}")

        some_note.write_text(some_note.read_text(encoding="utf-8").replace(
            "## Opportunities", "- A benchmark edit mentions a zeppelin.\n\n## Opportunities"), encoding="utf-8")
        t, report = timed(repository.update_index, root)
        print(f"edit one study        {t:8.3f} s   re-indexed {report.indexed} ({report.documents:,} segments)")
        assert repository.search(root, "zeppelin", update=False)["id"].tolist() == [f"{some_note.stem}#i5"]

        repository.index_path(root).write_bytes(b"garbage" * 1000)
        t, report = timed(repository.update_index, root)
        print(f"rebuild after damage  {t:8.2f} s   ({report.reason.split(' (')[0]})")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
