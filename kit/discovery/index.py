"""The research repository's search index: an embedded SQLite FTS5 database of every quote,
insight, opportunity and participant turn, with its stable id, study, date, segment and codes
(manual codings and auto-codes) in ``REPO/.interview-kit/index.sqlite``.

The study files stay the source of truth: the index is a cache that can be deleted at any
time. It is updated incrementally (a study is re-indexed only when one of its files changed:
sizes and modification times first, then a SHA-256 of the files whose times changed), and
rebuilt from scratch, into a temporary file that is then renamed into place, when it is
missing, unreadable, fails ``PRAGMA integrity_check`` or was written by another version of
the kit. Nothing raw is stored: searched text is pseudonymised (``kit.privacy``), emails are
kept as keyed hashes (:mod:`kit.discovery.email_key`), file names and rosters' fingerprints as
keyed hashes too, and note paths relative to the repository.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import threading
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from kit.consent_repository import apply_to_index
from kit.discovery.repository import (
    INDEX_DIR,
    find_studies,
)
from kit.collector import cyclic_gc_paused
from kit.discovery.email_key import email_hash, email_key, key_check, keyed_hash  # keyed: attacker s13 A11, s16 A14
from kit.discovery.index_files import hashing_reads as _hashing_reads
from kit.discovery.index_rows import study_rows, write_rows
from kit.discovery.index_workers import build_workers, prepared_studies
from kit.discovery.index_names import (
    LOCK_WAIT,
    SEARCH_WAIT,
    IndexBusyError,
    index_lock,
    repository_roster,
    study_labels,
)
from kit.errors import Problem
from kit.study import Study, load_study

__all__ = [
    "INDEXES",
    "INDEX_DIR",
    "INDEX_NAME",
    "PAGE_SIZE",
    "SCHEMA",
    "SCHEMA_VERSION",
    "TABLES",
    "IndexBusyError",
    "IndexLocationError",
    "IndexReport",
    "IndexWriteError",
    "STALE_SECONDS",
    "build_index",
    "email_hash",
    "index_path",
    "query_index",
    "remove_stale_temp_files",
    "update_index",
    "write_failure",
]

INDEX_NAME = "index.sqlite"
SCHEMA_VERSION = "9"  # 2: doc_codes.counted (kit.themes' count of a theme); 3: pseudonymised text;
# 4: every field pseudonymised with the whole repository's roster (ids as [id]), CJK runs split (kit.discovery.index_names);
# 5: the repository's roster carries the participants' identifiers too (4 kept them raw where no word announced them);
# 6: compound as analyze scores it (NULL in a language without a scorer), no segment for a third speaker's passage
# 7: emails as keyed hashes (kit.discovery.email_key), note paths relative to the repository (attacker s13 A9, A11)
# 8: file paths and roster fingerprints as keyed hashes too (attacker s16 A14); 9: third speakers' labels as names (s15 F8)


# -- the index file ---------------------------------------------------------------------------------
def index_path(repo) -> Path:
    return Path(repo) / INDEX_DIR / INDEX_NAME


#: A temporary index file of an earlier run is removed once its process is gone, or once it
#: is this old (seconds) whatever its process: a build takes minutes, not a day.
STALE_SECONDS = 24 * 3600


class IndexLocationError(OSError):
    """The index cannot be written where it belongs (``REPO/.interview-kit/index.sqlite``):
    that path, or its folder, is something else (a folder, a file)."""


class IndexWriteError(OSError):
    """The index could not be written: the disk (or the quota) is full, its folder is
    read-only or not the user's (attacker, session 11: a full disk was an internal error)."""


#: SQLite's messages for a write the environment refused, and what the user is told.
_SQLITE_REFUSED = (("disk is full", "no space left on device: free some space and run again"),
                   ("readonly database", "the index's folder is read-only: make it writable, or give a repository "
                                         "you may write to"),
                   ("unable to open database", "the index file cannot be opened: check that its folder exists and "
                                               "is writable"),
                   ("disk i/o error", "the disk reported an error writing it: check the disk and free space"),
                   ("database is locked", "another process holds the index: run again when it has finished"))


def write_failure(exc: BaseException) -> str | None:
    """What to tell the user when writing a file or the index failed for a reason of the
    environment, not a bug (a full disk, a read-only folder, no permission): a SQLite
    ``OperationalError`` with one of :data:`_SQLITE_REFUSED`'s messages, or an ``OSError``
    (any, an :class:`IndexLocationError` aside, which says so itself), looked for in the
    exception and in the ones it was raised from; ``None`` for anything else."""
    import errno

    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, sqlite3.OperationalError):
            text = str(exc).lower()
            for words, advice in _SQLITE_REFUSED:
                if words in text:
                    return f"{exc}: {advice}"
        elif isinstance(exc, OSError) and not isinstance(exc, (IndexLocationError, IndexWriteError)):
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                return "no space left on device: free some space and run again"
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                return f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}: check the permissions"
        exc = exc.__cause__ or exc.__context__
    return None


def _check_destination(path: Path) -> None:
    """Raise :class:`IndexLocationError` naming the index's path when the index cannot be
    written there, before any work is done."""
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise IndexLocationError(f"{folder}: not a folder: the kit keeps the search index in it; move that file away")
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise IndexLocationError(f"{path}: not a file: the search index is written there; remove or rename it "
                                 "(the index is a cache, rebuilt from the study files)")


def _temp_prefix(pid: int | None = None) -> str:
    return f".{INDEX_NAME}.{os.getpid() if pid is None else pid}."


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists (another user's process)
        return False
    return False


def remove_stale_temp_files(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary index files (``.index.sqlite.<pid>.<random>.tmp``) that an
    earlier, stopped run left in ``folder``: those whose process is gone, those without a
    process id (older versions of the kit) and any older than :data:`STALE_SECONDS`. A file
    of a build still running (its process alive, the file recent) is kept. Returns the
    files removed."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(f".{INDEX_NAME}.") and name.endswith(".tmp")):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        pid_text = name[len(f".{INDEX_NAME}."):].split(".", 1)[0]
        pid = int(pid_text) if pid_text.isdigit() else None
        if pid == os.getpid() and age < STALE_SECONDS:
            continue
        if age >= STALE_SECONDS or pid is None or _process_gone(pid):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


class _StopOnSignal:
    """While a build runs in the main thread, SIGTERM raises ``SystemExit(143)`` (SIGINT
    already raises ``KeyboardInterrupt``), so the ``finally`` that removes the temporary file
    runs when the build is stopped."""

    def __enter__(self):
        self.previous = None
        if threading.current_thread() is threading.main_thread():
            try:
                self.previous = signal.signal(signal.SIGTERM, self._stop)
            except (ValueError, OSError):
                self.previous = None
        return self

    @staticmethod
    def _stop(signum, frame):
        raise SystemExit(128 + signum)

    def __exit__(self, *exc):
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)
        return False


TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE studies(study TEXT PRIMARY KEY, sprint TEXT, title TEXT, first_date TEXT, files TEXT NOT NULL,
                     errors INTEGER, warnings INTEGER, problems TEXT, indexed_at TEXT);
CREATE TABLE docs(rowid INTEGER PRIMARY KEY, study TEXT NOT NULL, id TEXT NOT NULL, interview_id TEXT,
                  kind TEXT, participant TEXT, date TEXT, segment TEXT, codes TEXT, compound REAL,
                  consent_quote INTEGER, context TEXT, text TEXT, named_context TEXT, named_text TEXT);
CREATE TABLE doc_codes(doc INTEGER NOT NULL, code TEXT NOT NULL, source TEXT, counted INTEGER NOT NULL DEFAULT 1);
CREATE TABLE interviews(study TEXT NOT NULL, interview_id TEXT, date TEXT, participant TEXT, interviewer TEXT,
                        note_taker TEXT, stage TEXT, segment TEXT, note_path TEXT);
CREATE TABLE people(study TEXT NOT NULL, id TEXT, email_hash TEXT, status TEXT, invited_on TEXT,
                    scheduled_on TEXT, interviewed_on TEXT, segment TEXT);
CREATE VIRTUAL TABLE docs_fts USING fts5(text, content='docs', content_rowid='rowid',
                                         tokenize='porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE named_fts USING fts5(named_text, content='docs', content_rowid='rowid',
                                          tokenize='porter unicode61 remove_diacritics 2');
"""
#: The secondary indexes: a full rebuild creates them after the rows are in (faster than
#: keeping them up to date row by row).
INDEXES = """
CREATE INDEX docs_study ON docs(study);
CREATE INDEX docs_interview ON docs(study, interview_id);
CREATE INDEX doc_codes_code ON doc_codes(code, doc);
CREATE INDEX doc_codes_doc ON doc_codes(doc);
CREATE INDEX interviews_participant ON interviews(participant);
CREATE INDEX people_id ON people(id);
CREATE INDEX people_email ON people(email_hash);
"""
SCHEMA = TABLES + INDEXES


def _file_stats(folder: Path, problems: list | None = None, ids: dict | None = None) -> dict[str, list]:
    """relative path -> [mtime_ns, size, ctime_ns] for every file of a study (hidden files
    skipped); ``ids`` (when given) gets each file's (st_dev, st_ino).

    The walk follows the rule of :func:`kit.study.load_study`: a symbolic link whose target
    lies outside the study, or that never reaches a file (a loop), is not followed; it is
    reported in ``problems`` (``path:0: message``, an error) and left out. A folder reached
    twice (a link to a folder of the study) is walked once."""
    stats = {}
    if problems is not None and not Path(folder).name.isascii():
        _name_problem(str(folder), problems)
    root = os.path.realpath(folder)
    inside = root.rstrip(os.sep) + os.sep
    seen = {root}
    stack = [(str(folder), "")]
    while stack:
        where, prefix = stack.pop()
        try:
            entries = list(os.scandir(where))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = prefix + entry.name
            if problems is not None and not entry.name.isascii():
                _name_problem(entry.path, problems)
            try:
                if entry.is_symlink():
                    real = os.path.realpath(entry.path)
                    if not os.path.exists(real) or not (real == root or real.startswith(inside)):
                        _link_problem(entry.path, real, problems)
                        continue
                    if entry.is_dir():
                        if real in seen:  # a loop, or a second way into a folder already walked
                            continue
                        seen.add(real)
                        stack.append((entry.path, rel + "/"))
                        continue
                if entry.is_dir(follow_symlinks=False):
                    seen.add(os.path.realpath(entry.path))
                    stack.append((entry.path, rel + "/"))
                elif entry.is_file():
                    st = entry.stat()
                    # st_ctime_ns: an edit that keeps size and modification time (cp -p,
                    # rsync -t, touch -d) still changes it, and no user can set it
                    stats[rel] = [st.st_mtime_ns, st.st_size, st.st_ctime_ns]
                    if ids is not None:
                        ids[rel] = (st.st_dev, st.st_ino)
            except OSError:
                continue
    return stats


def _name_problem(path: str, problems: list) -> None:
    """Warn of a file or folder name that is not valid UTF-8 (bytes of another encoding):
    the index stores and prints it escaped (kit.discovery.index_names.shown_name)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        problems.append(Problem(path, 0, "this name is not valid UTF-8 (bytes of another encoding, e.g. Latin-1): "
                                "it is stored and shown escaped (\\xNN); rename it in UTF-8", "warning"))


def _link_problem(path: str, real: str, problems: list | None) -> None:
    """Report a symbolic link of a study that the index does not follow."""
    if problems is None:
        return
    from kit.csvio import is_link_loop

    name = os.path.basename(path)
    if is_link_loop(Path(path)):
        message = f"{name} is a symbolic link loop (it never reaches a file): replace it with the file itself"
    elif not os.path.exists(real):
        message = f"{name} is a link to a file that does not exist"
    else:
        message = (f"{name} lies outside the study folder (a link out of it): the kit reads only files inside "
                   "the study; copy the file in instead")
    problems.append(Problem(path, 0, message, "error"))


def _with_walk_problems(study: Study, walk: list) -> None:
    """Add the walk's problems to the study's, leaving out those it already reports."""
    known = {(p.path, p.message) for p in study.problems}
    study.problems.extend(p for p in walk if (p.path, p.message) not in known)


def _sha256(path, size: int = -1) -> str:
    """The file's SHA-256; a file of at most 1 MiB by its ``size`` (a study's notes and
    transcripts) in one unbuffered read, a larger one in blocks."""
    if 0 <= size <= 1 << 20:
        with open(path, "rb", buffering=0) as fh:
            data = fh.read(size + 1)
            if len(data) <= size:  # the whole file (it did not grow since its stat)
                return hashlib.sha256(data).hexdigest()
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _file_key(rel: str, key: bytes) -> str:
    """How the index names a study's file: a keyed hash of its relative path
    (:func:`kit.discovery.email_key.keyed_hash`, 24 hex digits), since a file name may hold a
    participant's name (``transcripts/maria_lopez.vtt``) and a plain hash of it could be
    confirmed by anyone guessing the name (attacker s16 A14)."""
    return keyed_hash(key, rel, 24)


def _fingerprint(folder: Path, stats: dict, stored: dict | None, read: dict | None = None,
                 ids: dict | None = None, key: bytes = b"") -> dict[str, list]:
    """:func:`_file_key` of each relative path -> [mtime_ns, size, sha256, ctime_ns]; hashes
    are reused from ``stored`` for files whose size and times did not change, and taken from
    ``read`` (:func:`_hashing_reads`) for the files the study's loading read whole with the
    same device, inode, size and times as ``stats`` and ``ids`` (:func:`_file_stats`) hold:
    the same bytes, not read a second time."""
    stored = stored or {}
    read = read or {}
    ids = ids or {}
    out = {}
    for rel, (mtime, size, ctime) in stats.items():
        name = _file_key(rel, key)
        old = stored.get(name)
        seen = read.get((*ids[rel], mtime, size, ctime)) if read and rel in ids else None
        if old and old[0] == mtime and old[1] == size and len(old) > 3 and old[3] == ctime:
            out[name] = [mtime, size, old[2], ctime]
        elif seen is not None:
            out[name] = [mtime, size, seen, ctime]
        else:
            try:
                out[name] = [mtime, size, _sha256(f"{folder}/{rel}", size), ctime]
            except OSError:
                continue
    return out


@dataclass
class IndexReport:
    """What :func:`update_index` did."""

    path: Path
    rebuilt: bool = False
    reason: str = ""
    indexed: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    touched: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    problems: dict = field(default_factory=dict)
    documents: int = 0
    seconds: float = 0.0
    consent: list = field(default_factory=list)  # fix10p: consent differing across studies (warnings)


def _corrupt(exc: BaseException) -> bool:
    """A damaged database file (not a bad query, a locked database or a missing table)."""
    return type(exc) is sqlite3.DatabaseError


def _open_valid(path: Path, verify: bool = True):
    """A connection to a usable index, or (None, reason) when it must be rebuilt. With
    ``verify`` the whole file is checked (``PRAGMA integrity_check``); without, only that it
    opens as an index of this version (the quick check done before every search; a
    damaged page found later makes the search rebuild the index and try again)."""
    if not path.exists():
        return None, "no index yet"
    con = None
    try:
        con = sqlite3.connect(path)
        if verify:
            check = con.execute("PRAGMA integrity_check").fetchall()
            if check != [("ok",)]:
                raise sqlite3.DatabaseError("; ".join(str(r[0]) for r in check[:3]))
        version = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if not version or version[0] != SCHEMA_VERSION:
            con.close()
            return None, "written by another version of the kit"
        con.execute("SELECT count(*) FROM docs_fts WHERE docs_fts MATCH 'x'").fetchone()
        return con, ""
    except sqlite3.DatabaseError as exc:
        if con is not None:
            con.close()
        return None, f"unreadable ({exc})"


def _create_schema(con, indexes: bool = True, signatures=None, key=None) -> None:
    con.executescript(TABLES + (INDEXES if indexes else ""))
    con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    if signatures is not None:  # no name: a keyed hash of each study's whole roster's SHA-256
        con.execute("INSERT INTO meta VALUES ('rosters', ?)", (json.dumps(_keyed_rosters(signatures, key)),))
    if key is not None:  # not the key: an HMAC of a fixed text with it
        con.execute("INSERT INTO meta VALUES ('email_key', ?)", (key_check(key),))
    con.execute("INSERT INTO meta VALUES ('kit', ?)", (_kit_version(),))


def _keyed_rosters(signatures, key) -> list[str]:
    """What the index keeps of its rosters' fingerprints: each keyed with the repository's key
    (a plain SHA-256 of a small roster could be confirmed by guessing it; attacker s16 A14)."""
    return sorted(keyed_hash(key or b"", s) for s in signatures)


def _kit_version() -> str:
    from kit import __version__

    return __version__


def _delete_study(con, label: str) -> None:
    con.execute("INSERT INTO docs_fts(docs_fts, rowid, text) SELECT 'delete', rowid, text FROM docs WHERE study = ?",
                (label,))
    con.execute("INSERT INTO named_fts(named_fts, rowid, named_text) SELECT 'delete', rowid, named_text FROM docs "
                "WHERE study = ?", (label,))
    con.execute("DELETE FROM doc_codes WHERE doc IN (SELECT rowid FROM docs WHERE study = ?)", (label,))
    for table in ("docs", "interviews", "people", "studies"):
        con.execute(f"DELETE FROM {table} WHERE study = ?", (label,))


def _insert_study(con, study: Study, fingerprint: dict, fts: bool = True, label: str | None = None,
                  people=None, key: bytes | None = None) -> int:
    """Write one loaded study into the index; returns its number of documents
    (:func:`kit.discovery.index_rows.study_rows`, then :func:`~kit.discovery.index_rows.write_rows`).
    With ``fts=False`` the full-text tables are left for :func:`_fill_fts` (a full build fills
    them once, from ``docs``, after every study). ``label``: the study's name in the index
    (:func:`kit.discovery.index_names.study_labels`); ``people``: the whole repository's
    roster, with which every stored field is pseudonymised (a name of another study's
    participant too); ``key``: the repository's key of the email hashes (none without it)."""
    return write_rows(con, study_rows(study, fingerprint, label, people, key), fts)


def _fill_fts(con) -> bool:
    """Both full-text tables of a full build from every row of ``docs``: ``docs_fts`` by
    FTS5's ``rebuild`` (SQLite reads the texts itself, no row passes through Python; the
    same contents as inserting the rows one by one), ``named_fts`` copied from it
    (:func:`_copy_named_fts`) or, when too many rows differ, rebuilt too. Returns whether it
    was copied: then the caller commits, opens a new connection and calls
    :func:`_named_differences`."""
    con.execute("INSERT INTO docs_fts(docs_fts) VALUES ('rebuild')")
    if _copy_named_fts(con):
        return True
    con.execute("INSERT INTO named_fts(named_fts) VALUES ('rebuild')")
    return False


#: A full build copies ``docs_fts`` into ``named_fts`` when at most this share of the rows
#: has a ``named_text`` other than its ``text`` (a study without names on its roster: none).
COPY_NAMED_SHARE = 0.2
_NAMED_SHADOWS = ("data", "idx", "docsize")


def _copy_named_fts(con) -> bool:
    """Fill ``named_fts`` in a full build from ``docs_fts`` (already built) where the two
    index the same texts: ``named_text`` differs from ``text`` only where a roster name was
    kept, usually in few rows or none. Both tables use the same tokenizer and rowids, so
    FTS5's shadow tables of ``docs_fts`` (its index, sizes and totals) are what a rebuild
    of ``named_fts`` over the same texts writes; they are copied row for row. Returns False
    (nothing done) when too many rows differ: rebuild it then. The rows that differ are
    put right by :func:`_named_differences`, on a new connection: the FTS5 module of this
    one has read ``named_fts``'s empty index and would not see the copy."""
    total, differ = con.execute("SELECT count(*), count(*) FILTER (WHERE named_text IS NOT text) "
                                "FROM docs").fetchone()
    if differ > COPY_NAMED_SHARE * total:
        return False
    for shadow in _NAMED_SHADOWS:
        con.execute(f"DELETE FROM named_fts_{shadow}")
        con.execute(f"INSERT INTO named_fts_{shadow} SELECT * FROM docs_fts_{shadow}")
    return True


def _named_differences(con) -> None:
    """After :func:`_copy_named_fts`: each row whose ``named_text`` is not its ``text``
    taken out of ``named_fts`` (as the copy holds it, with ``text``) and put in again with
    ``named_text`` (FTS5's own ``delete`` and insert)."""
    con.execute("INSERT INTO named_fts(named_fts, rowid, named_text) SELECT 'delete', rowid, text FROM docs "
                "WHERE named_text IS NOT text")
    con.execute("INSERT INTO named_fts(rowid, named_text) SELECT rowid, named_text FROM docs "
                "WHERE named_text IS NOT text")


def _problems_from(text: str) -> list[Problem]:
    try:
        return [Problem(str(a), int(b), str(c), str(d)) for a, b, c, d in json.loads(text or "[]")]
    except (ValueError, TypeError):
        return []


@cyclic_gc_paused()  # its full passes cost about a fifth of a build (kit.collector)
def update_index(repo, verify: bool = True, wait: float | None = None, fallback: bool = False) -> IndexReport:
    """Bring ``REPO/.interview-kit/index.sqlite`` up to date with the study files and say
    what was done (see :func:`build_index`). ``verify=False`` skips the full integrity
    check of the file (searches use it; :func:`build_index` does not).

    One run at a time (a ``flock`` on ``REPO/.interview-kit``): another run is waited for up
    to ``wait`` seconds (default :data:`LOCK_WAIT`), then :class:`IndexBusyError` or, with
    ``fallback``, the last complete index is used; with ``wait=0`` and an index
    already there, nothing is done while another run updates it (the report says so in
    ``reason``) and the last complete index is used."""
    root = Path(repo)
    path = index_path(root)
    _check_destination(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        exists = path.exists()
        wait = LOCK_WAIT if wait is None or not exists else wait
        with index_lock(path.parent, wait, fallback and exists) as held:
            if not held:
                return IndexReport(path=path, reason="another index run is updating it: the last complete index "
                                                     "was used")
            return _update_locked(root, path, verify)
    except (sqlite3.OperationalError, OSError) as exc:  # a full disk, a read-only folder: the user's to fix
        reason = None if isinstance(exc, (IndexLocationError, IndexBusyError)) else write_failure(exc)
        if reason is None:
            raise
        kept = " (the last complete index is unchanged)" if path.is_file() else ""
        raise IndexWriteError(f"{path}: cannot write the index: {reason}{kept}") from exc


def _update_locked(root: Path, path: Path, verify: bool) -> IndexReport:
    started = time.perf_counter()
    folders = find_studies(root)
    from kit.discovery.rosters import check_rosters  # a roster read in part: nothing written (attacker s13 A2)

    check_rosters(folders, path.is_file())
    remove_stale_temp_files(path.parent)
    report = IndexReport(path=path)
    people, signatures = repository_roster(folders)
    labels = study_labels(folders, people)
    con, reason = _open_valid(path, verify)
    key = email_key(path.parent)
    if con is not None and con.execute("SELECT value FROM meta WHERE key = 'email_key'").fetchone() != (key_check(key),):
        con.close()  # its email hashes were made with another key (the key file deleted or replaced)
        con, reason = None, "the key of its email hashes changed"
    if con is not None and not set(_keyed_rosters(signatures, key)) <= set(_stored_rosters(con)):
        con.close()  # a name to hide the index was not written with: every study pseudonymised again
        con, reason = None, "the participants' names to hide changed (a participants.csv was added or edited)"
    if con is not None:
        try:
            _incremental(con, root, folders, report, labels, people, key)
        except sqlite3.DatabaseError as exc:
            if not _corrupt(exc):
                raise
            report = IndexReport(path=path)
            con.close()
            con, reason = None, f"unreadable ({exc})"
        finally:
            if con is not None:
                con.close()
    if con is None:
        report.rebuilt, report.reason = True, reason
        _rebuild(root, folders, path, report, labels, (people, signatures), key)
    report.consent = apply_to_index(path, folders, labels)  # fix10p: the most restrictive consent wins
    report.seconds = time.perf_counter() - started
    return report


def _stored_rosters(con) -> list:
    """The keyed :func:`roster_signature` of each study roster the index was written with."""
    row = con.execute("SELECT value FROM meta WHERE key = 'rosters'").fetchone()
    try:
        return json.loads(row[0]) if row else []
    except ValueError:
        return []


def _rebuild(root: Path, folders, path: Path, report: IndexReport, labels=None, people=None, key=None) -> None:
    with _StopOnSignal():
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(), suffix=".tmp", dir=path.parent)
        os.close(fd)
        _build_into(tmp, folders, path, report, labels, people, key)


def _build_into(tmp: str, folders, path: Path, report: IndexReport, labels=None, people=None, key=None) -> None:
    """Build the index into ``tmp`` and move it to ``path``; ``tmp`` is removed whatever
    happens (an error, Ctrl-C, SIGTERM)."""
    try:
        con = _open_temp(tmp)
        try:
            people, signatures = repository_roster(folders) if people is None else people
            labels = labels or study_labels(folders, people)
            _create_schema(con, indexes=False, signatures=signatures, key=key)
            # One transaction: every study's rows, then the full-text tables. A large repository's
            # studies are loaded and made into rows in worker processes (kit.discovery.index_workers),
            # written here in the studies' order.
            walks = []
            for folder in folders:
                walk: list = []
                ids: dict = {}
                walks.append((_file_stats(folder, walk, ids), walk, ids))
            workers = build_workers(walks)
            made = prepared_studies(folders, walks, labels, people, key, workers) if workers else None
            try:
                for folder, (stats, walk, ids) in zip(folders, walks):
                    label = labels[folder]
                    if made is not None:
                        report.documents += write_rows(con, next(made), fts=False)
                    else:
                        with _hashing_reads() as read:  # each file read once: its hash from the loading's read
                            study = load_study(folder, strict=False)
                        fingerprint = _fingerprint(folder, stats, None, read, ids, key or b"")
                        _with_walk_problems(study, walk)
                        report.documents += _insert_study(con, study, fingerprint, False, label, people, key)  # FTS below
                    report.indexed.append(label)
                    report.problems[label] = _stored_problems(con, label)
            finally:  # the workers stopped, whatever happened
                if made is not None:
                    made.close()
            copied = _fill_fts(con)
            con.commit()
        finally:
            con.close()
        con = _open_temp(tmp)  # a new connection: its FTS5 module reads the copied index
        try:
            if copied:
                _named_differences(con)
            for statement in INDEXES.split(";"):  # the secondary indexes after the rows
                if statement.strip():
                    con.execute(statement)
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


#: SQLite page size (bytes) of a fully rebuilt index file.
PAGE_SIZE = 16384


def _open_temp(tmp: str):
    """A connection to the temporary file of a full build: no journal and no syncing (the
    file is moved into place only once it is complete, and removed otherwise)."""
    con = sqlite3.connect(tmp)
    # Larger pages for a new file (no effect on one already written): fewer b-tree pages
    # to fill for the same rows (about 5% of SQLite's part of a build at 120,000 segments)
    con.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("PRAGMA synchronous = OFF")
    return con


def _stored_problems(con, label: str) -> list[Problem]:
    """A study's problems as the index stores them (paths and messages redacted, names that
    are not UTF-8 escaped): what ``index`` prints."""
    row = con.execute("SELECT problems FROM studies WHERE study = ?", (label,)).fetchone()
    return _problems_from(row[0]) if row else []


def _incremental(con, root: Path, folders, report: IndexReport, labels=None, people=None, key=None) -> None:
    stored = {row[0]: (json.loads(row[1]), row[2]) for row in con.execute("SELECT study, files, problems FROM studies")}
    labels = labels or {f: f.name for f in folders}
    changed, touched = [], []
    for folder in folders:
        label = labels[folder]
        walk: list = []
        stats = _file_stats(folder, walk)
        old = stored.get(label)
        old_files = old[0] if old else None
        if old_files is not None and {k: v[:2] + v[3:4] for k, v in old_files.items()} == \
                {_file_key(k, key or b""): v for k, v in stats.items()}:
            report.unchanged.append(label)
            report.problems[label] = _problems_from(old[1])
            continue
        fingerprint = _fingerprint(folder, stats, old_files, key=key or b"")
        if old_files is not None and {k: v[2] for k, v in old_files.items()} == {k: v[2] for k, v in fingerprint.items()}:
            touched.append((label, fingerprint))  # times changed, content did not
            report.problems[label] = _problems_from(old[1])
            continue
        study = load_study(folder, strict=False)
        _with_walk_problems(study, walk)
        changed.append((label, fingerprint, study))
    gone = sorted(set(stored) - set(labels.values()))
    with con:
        for label in gone:
            _delete_study(con, label)
            report.removed.append(label)
        for label, fingerprint in touched:
            con.execute("UPDATE studies SET files = ? WHERE study = ?", (json.dumps(fingerprint), label))
            report.touched.append(label)
        for label, fingerprint, study in changed:
            _delete_study(con, label)
            report.documents += _insert_study(con, study, fingerprint, label=label, people=people, key=key)
            report.indexed.append(label)
            report.problems[label] = _stored_problems(con, label)
    report.unchanged += report.touched


def build_index(repo) -> Path:
    """Build or update the repository's search index; return its path
    (``REPO/.interview-kit/index.sqlite``). Only studies whose files changed are
    re-indexed; a missing, corrupt or outdated index is rebuilt from the study files."""
    return update_index(repo).path


def query_index(repo, update: bool, run, notes: list | None = None):
    """Run ``run(connection)`` on an up-to-date index; when the file turns out to be
    damaged, rebuild it from the study files and run again once. When the index cannot be
    updated (a full disk: :class:`IndexWriteError`) and a complete one is there, that one is
    read and ``notes`` gets a line saying so."""
    for attempt in (1, 2):
        # a search waits briefly for another index run, then reads the last complete index
        try:
            path = update_index(repo, verify=attempt == 2, wait=SEARCH_WAIT, fallback=True).path \
                if update or attempt == 2 else index_path(repo)
        except IndexWriteError as exc:
            if attempt == 2 or not index_path(repo).is_file() or notes is None:
                raise
            notes.append(f"note: {exc}: the results are from the last complete index, which may miss the latest "
                         "changes to the studies")
            path = index_path(repo)
        if not path.exists():
            path = update_index(repo).path
        con = sqlite3.connect(path, timeout=60)  # waits while another run commits
        con.row_factory = sqlite3.Row
        try:
            return run(con)
        except sqlite3.DatabaseError as exc:
            if attempt == 2 or not _corrupt(exc):
                raise
        finally:
            con.close()
    raise AssertionError("unreachable")  # pragma: no cover



_query = query_index
