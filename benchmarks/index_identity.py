"""Whether two kit trees build the same search index of a repository.

    python benchmarks/index_identity.py --old /work/main --new . REPO [REPO ...]
    python benchmarks/index_identity.py --compare A.sqlite B.sqlite

Each tree builds ``REPO/.interview-kit/index.sqlite`` from scratch (``python -m kit index
REPO`` with the tree first on ``PYTHONPATH``); the two files are then compared table by
table, in rowid order:

* every ordinary table (meta, studies, docs, doc_codes, interviews, people), every column;
  ``studies.indexed_at`` (the time of the build) is left out;
* each full-text table's logical contents: every (term, row, column, offset) of its
  ``fts5vocab`` instance view, and its ``docsize`` and ``config`` tables (what the ranking
  reads). How FTS5 cuts its index into b-tree segments (``*_data``, ``*_idx``) may differ
  between two builds of the same rows and is not compared;
* the schema (``sqlite_master``) and ``PRAGMA integrity_check`` of both.

The repository's email key (random, made by the first build) is kept for the second build, so
the emails' keyed hashes of the ``people`` table are comparable.

Prints one line per table (rows, SHA-256 of its rows, same or not, the first differing row)
and exits 1 when anything differs.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

INDEX = Path(".interview-kit") / "index.sqlite"
KEY_FILE = "email-key"  # kit.discovery.email_key.KEY_FILE (either tree's kit may be older)
FTS_TABLES = ("docs_fts", "named_fts")
SKIP_COLUMNS = {("studies", "indexed_at")}


#: ``--workers N``: the new tree's build made to use N worker processes whatever the load (its
#: kit.discovery.index_workers told N cores are free and any repository is large enough); a tree
#: without that module builds as it always does.
FORCED_WORKERS = """import sys
try:
    import kit.discovery.index_workers as w
    w.free_cores, w.PARALLEL_FILES = (lambda most=4: int(sys.argv[1])), 0
except ImportError:
    pass
from kit.cli import main
sys.exit(main(["index", sys.argv[2]]))
"""


def build(tree: Path, repo: Path, out: Path, key: Path | None = None, workers: int = 0) -> None:
    """Build the index of ``repo`` from scratch with the kit of ``tree``; copy it to ``out``.

    ``key``: where the repository's email key (``kit.discovery.email_key``, 32 random bytes made
    by the first build) is kept between the two builds: the first build's key is saved there and
    put back before the second, so both index the emails' keyed hashes with one key and the
    ``people`` table and ``meta.email_key`` can be compared (two keys differ by design)."""
    shutil.rmtree(repo / INDEX.parent, ignore_errors=True)
    key_file = repo / INDEX.parent / KEY_FILE
    if key is not None and key.exists():
        key_file.parent.mkdir()
        shutil.copyfile(key, key_file)
        os.chmod(key_file, 0o600)
    env = dict(os.environ, PYTHONPATH=str(tree))
    command = ["-c", FORCED_WORKERS, str(workers)] if workers else ["-m", "kit", "index"]
    done = subprocess.run([sys.executable, *command, str(repo)], env=env, cwd=tree,
                          capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: built, but some study has errors
        raise SystemExit(f"{tree}: kit index {repo} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    shutil.copyfile(repo / INDEX, out)
    if key is not None and not key.exists() and key_file.exists():
        shutil.copyfile(key_file, key)


def _queries(con) -> dict[str, str]:
    """name -> SELECT giving the table's logical contents in a fixed order."""
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    shadow = {f"{f}_{s}" for f in FTS_TABLES for s in ("data", "idx", "content", "docsize", "config")}
    out = {"sqlite_master": "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"}
    for name in names:
        if name in FTS_TABLES or (name in shadow and not name.endswith(("_docsize", "_config"))):
            continue
        columns = [r[1] for r in con.execute(f"PRAGMA table_info({name})") if (name, r[1]) not in SKIP_COLUMNS]
        order = "rowid" if name not in shadow or name.endswith("_docsize") else "k"
        out[name] = f"SELECT {', '.join(columns)} FROM {name} ORDER BY {order}"
    for fts in FTS_TABLES:
        if fts in names:
            con.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{fts}_v USING fts5vocab(main, {fts}, instance)")
            out[f"{fts} (fts5vocab instance)"] = f"SELECT term, doc, col, offset FROM temp.{fts}_v"
    return out


def digest(path: Path) -> dict[str, tuple[int, str]]:
    """table -> (rows, SHA-256 of the rows in order)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {"integrity_check": (1, con.execute("PRAGMA integrity_check").fetchone()[0])}
        for name, sql in _queries(con).items():
            h, n = hashlib.sha256(), 0
            for row in con.execute(sql):
                h.update(repr(row).encode("utf-8", "surrogatepass"))
                n += 1
            out[name] = (n, h.hexdigest())
        return out
    finally:
        con.close()


def first_difference(a: Path, b: Path, name: str):
    cons = [sqlite3.connect(f"file:{p}?mode=ro", uri=True) for p in (a, b)]
    try:
        sqls = [_queries(c).get(name) for c in cons]
        if None in sqls:
            return "table missing on one side"
        for n, (x, y) in enumerate(zip(cons[0].execute(sqls[0]), cons[1].execute(sqls[1]))):
            if x != y:
                return f"row {n}: {x!r} != {y!r}"
        return "one side has more rows"
    finally:
        for c in cons:
            c.close()


def compare(a: Path, b: Path) -> bool:
    da, db = digest(a), digest(b)
    same = True
    for name in sorted(set(da) | set(db)):
        x, y = da.get(name), db.get(name)
        ok = x == y
        same &= ok
        rows = x[0] if x else "-"
        print(f"  {'same' if ok else 'DIFF'}  {name:34s} {rows!s:>9} rows  {(x or ('', ''))[1][:16]}")
        if not ok and name != "integrity_check":
            print(f"        {first_difference(a, b, name)}")
    return same


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("repos", nargs="*", type=Path)
    parser.add_argument("--old", type=Path, help="kit tree building the reference index")
    parser.add_argument("--new", type=Path, help="kit tree building the index compared with it")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"), help="compare two index files")
    parser.add_argument("--workers", type=int, default=0,
                        help="the new tree's build with this many worker processes whatever the load (0: as it chooses)")
    args = parser.parse_args(argv)
    if args.compare:
        return 0 if compare(*args.compare) else 1
    if not (args.old and args.new and args.repos):
        parser.error("give --old TREE --new TREE REPO..., or --compare A B")
    same = True
    with tempfile.TemporaryDirectory(prefix="interview-kit-identity-") as tmp:
        for k, repo in enumerate(args.repos):
            a, b = Path(tmp) / f"{k}-old.sqlite", Path(tmp) / f"{k}-new.sqlite"
            key = Path(tmp) / f"{k}-email-key"  # one key for both builds (see build)
            build(args.old.resolve(), repo.resolve(), a, key)
            build(args.new.resolve(), repo.resolve(), b, key, args.workers)
            print(f"{repo}: {args.old} vs {args.new}{f' ({args.workers} workers)' if args.workers else ''}")
            same &= compare(a, b)
    print("identical" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
