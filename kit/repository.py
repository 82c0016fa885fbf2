"""A research repository: several studies (research sprints) in one folder, searchable.

```
REPO/
  2026-S41/              a study folder (study.yml, interviews/, transcripts/, ...)
  2026-S45/
  2026-S49/
  assumptions.yml        optional, see kit.assumptions
  experiments.yml        optional, see kit.assumptions
  ost.yml                optional, see kit.ost
  .interview-kit/        the kit's own cache (not a study): index.sqlite
```

A study of the repository is a direct subfolder with a ``study.yml``, an ``interviews/`` or a
``transcripts/`` folder; hidden folders (``.interview-kit``, ``.git``) are never studies.

:func:`build_index` keeps an embedded SQLite FTS5 index of every quote, insight, opportunity
and participant turn, with its stable id, study, date, segment and codes (manual codings and
auto-codes) in ``REPO/.interview-kit/index.sqlite``. The study files stay the source of
truth: the index is a cache that can be deleted at any time. It is updated incrementally
(a study is re-indexed only when one of its files changed: sizes and modification times
first, then a SHA-256 of the files whose times changed), and rebuilt from scratch, into a
temporary file that is then renamed into place, when it is missing, unreadable, fails
``PRAGMA integrity_check`` or was written by another version of the kit.

:func:`search`, :func:`prior_interactions` and :func:`trends` bring the index up to date
first, so they always answer from the files as they are.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from kit.csvio import parse_date
from kit.errors import Problem
from kit.study import Study, load_study

INDEX_DIR = ".interview-kit"
INDEX_NAME = "index.sqlite"
SCHEMA_VERSION = "3"  # 2: doc_codes.counted (kit.themes' count of a theme); 3: pseudonymised text
KINDS = ("quote", "insight", "opportunity", "turn")
#: Segments in the participant's own words (insights and opportunities are the team's).
PARTICIPANT_WORDS = ("turn", "quote")
REPO_FILES = ("assumptions.yml", "experiments.yml", "ost.yml", "pool.csv")

SEARCH_COLUMNS = ["rank", "score", "id", "study", "sprint", "date", "kind", "interview_id", "participant",
                  "segment", "codes", "snippet", "context", "text", "consent_quote"]
PRIOR_COLUMNS = ["study", "sprint", "date", "kind", "interview_id", "participant", "interviewer", "stage",
                 "quotes", "summary", "note_path"]
TREND_COLUMNS = ["order", "sprint", "study", "code", "participants", "mentioning", "share", "share_low",
                 "share_high", "mentions", "mean_compound", "scored_segments"]


class RepositoryError(ValueError):
    """A folder that cannot be used as a research repository (not a folder, no studies)."""


# -- finding and loading the studies ------------------------------------------------------------
def sprints_path() -> Path:
    """The two follow-up sprints bundled with the kit (2026-S45, 2026-S49) and the example
    repository files (assumptions.yml, experiments.yml, ost.yml, pool.csv)."""
    return Path(__file__).resolve().parent / "data" / "sprints"


def example_repository(target=None) -> Path:
    """Write the bundled example repository: the pilot as ``2026-S41``, the sprints
    ``2026-S45`` and ``2026-S49``, and the repository files. ``target`` must not exist or be
    empty; ``None`` (or "") makes a fresh temporary folder. Returns the folder."""
    from kit.paths import pilot_path, scratch_folder

    if target is None or str(target).strip() == "":
        root = scratch_folder("interview-kit-repo-")
    else:
        root = Path(target).expanduser()
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise RepositoryError(f"{root} exists and is not empty: give a new folder")
        root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(pilot_path(), root / "2026-S41")
    source = sprints_path()
    for folder in sorted(p for p in source.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        shutil.copytree(folder, root / folder.name)
    for name in REPO_FILES:
        if (source / name).is_file():
            shutil.copy2(source / name, root / name)
    return root


def is_repository(path) -> bool:
    """A folder the kit recognises as a research repository: it holds the kit's index or
    one of the repository files (assumptions.yml, experiments.yml, ost.yml)."""
    path = Path(path)
    return path.is_dir() and ((path / INDEX_DIR).is_dir()
                              or any((path / n).is_file() for n in ("assumptions.yml", "experiments.yml", "ost.yml")))


def resolve_repository(repo_dir, study_dir="") -> Path:
    """A notebook's ``repo_dir`` parameter. Given, it must be a folder. Empty: with no
    ``study_dir`` (or the bundled pilot as ``study_dir``) a temporary copy of the example
    repository (three sprints); with a study that sits in a repository (its parent folder
    is one, see :func:`is_repository`) that repository; otherwise a temporary repository
    holding a copy of just that study (the study itself is never written to)."""
    from kit.paths import pilot_path, scratch_folder

    if repo_dir is not None and str(repo_dir).strip():
        path = Path(repo_dir).expanduser()
        if not path.is_dir():
            raise RepositoryError(f"{path} is not a folder")
        return path
    if study_dir is None or not str(study_dir).strip():
        return example_repository()
    study = Path(study_dir).expanduser().resolve()
    if study == pilot_path().resolve():
        return example_repository()
    if is_repository(study.parent):
        return study.parent
    root = scratch_folder("interview-kit-repo-")
    shutil.copytree(study, root / study.name, ignore=shutil.ignore_patterns(".*"))
    return root


def is_study_folder(path: Path) -> bool:
    path = Path(path)
    return (path.is_dir() and not path.name.startswith((".", "_"))
            and ((path / "study.yml").is_file() or (path / "interviews").is_dir()
                 or (path / "transcripts").is_dir()))


def find_studies(repo) -> list[Path]:
    """The study folders of a repository (direct subfolders), sorted by name."""
    root = Path(repo)
    if not root.is_dir():
        raise RepositoryError(f"{root} is not a folder")
    return sorted(p for p in root.iterdir() if is_study_folder(p))


def _first_date(study: Study):
    dates = [d for d in study.interviews["date"] if d is not None and not pd.isna(d)] if len(study.interviews) else []
    return min(dates) if dates else None


def study_order_key(study: Study):
    """Studies are ordered by their first interview, then sprint label, then folder name."""
    first = _first_date(study)
    return (first is None, first or date.min, study.sprint, study.path.name)


def load_studies(repo_or_studies, strict: bool = False) -> list[Study]:
    """The repository's studies, loaded (``strict=False``: a study with errors is still
    loaded, its problems are in ``study.problems``), in sprint order. Also accepts a list
    of loaded studies or study folders, so notebooks load once and pass the list on."""
    if isinstance(repo_or_studies, (str, os.PathLike)):
        folders = find_studies(repo_or_studies)
        studies = [load_study(f, strict=strict) for f in folders]
    else:
        studies = [s if isinstance(s, Study) else load_study(s, strict=strict) for s in repo_or_studies]
    return sorted(studies, key=study_order_key)


def study_label(study: Study) -> str:
    """How a study is named in repository tables: its folder name."""
    return study.path.name


def sprint_label(study: Study) -> str:
    return study.sprint or study.path.name


def pick_study(studies, study_dir="", sprint=""):
    """The study a notebook works on: the one at ``study_dir`` (the repository's copy when
    the repository holds it, e.g. ``2026-S41`` for the bundled pilot), else the study whose
    sprint label (or folder name) is ``sprint``, else the latest sprint of the repository."""
    from kit.paths import pilot_path

    if study_dir is not None and str(study_dir).strip():
        path = Path(study_dir).expanduser().resolve()
        for s in studies:
            if s.path.resolve() == path:
                return s
        names = {s.path.name: s for s in studies}
        if path == pilot_path().resolve() and "2026-S41" in names:
            return names["2026-S41"]
        if path.name in names and names[path.name].config == load_study(path, strict=False).config:
            return names[path.name]
        return load_study(path, strict=False)
    if sprint is not None and str(sprint).strip():
        for s in studies:
            if str(sprint) in (s.sprint, s.path.name):
                return s
        raise RepositoryError(f"no study with sprint {sprint!r} (sprints: "
                              f"{', '.join(sprint_label(s) for s in studies)})")
    if not studies:
        raise RepositoryError("the repository has no studies")
    return studies[-1]


# -- segments and codes of a study, with their metadata -----------------------------------------
SEGMENT_COLUMNS = ["study", "sprint", "segment_id", "interview_id", "participant", "kind", "date", "segment",
                   "consent_quote", "context", "text"]
CODE_COLUMNS = ["study", "segment_id", "code", "source", "counted"]


def _text(value) -> str:
    """A table cell as text: "" for None and NaN."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _iso(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _study_frames(study: Study) -> dict:
    """Segments (with study, sprint, date, segment, context) and codes (manual and auto) of
    one study. Cached on the study object."""
    cached = study.__dict__.get("_repository_frames")
    if cached is not None:
        return cached
    from kit.coding import autocode

    label, sprint = study_label(study), sprint_label(study)
    segments = study.segments()
    iv = study.interviews.set_index("interview_id") if len(study.interviews) else pd.DataFrame()
    attribute = study.segment_attribute
    dates = {k: _iso(v) for k, v in iv["date"].items()} if len(iv) else {}
    seg_of = ({k: _text(v) for k, v in iv[attribute].items()} if len(iv) and attribute in iv else {})
    consent = study.consenting()
    # The question before each participant turn: the context a search hit needs.
    context = {}
    if len(study.turns):
        last_question = {}
        t = study.turns
        for iid, sid, role, text in zip(t["interview_id"].tolist(), t["segment_id"].tolist(),
                                        t["role"].tolist(), t["text"].tolist()):
            if role == "participant":
                context[sid] = last_question.get(iid, "")
            else:
                last_question[iid] = text
    # Columns built from plain lists: pandas element by element is many times slower.
    interview_ids = segments["interview_id"].tolist()
    participants = segments["participant"].tolist()
    segment_ids = segments["segment_id"].tolist()
    frame = pd.DataFrame({
        "study": label, "sprint": sprint,
        "segment_id": segments["segment_id"].astype(str), "interview_id": segments["interview_id"].astype(str),
        "participant": segments["participant"].fillna("").astype(str), "kind": segments["kind"].astype(str),
        "date": pd.Series([dates.get(i, "") for i in interview_ids], index=segments.index),
        "segment": pd.Series([seg_of.get(i, "") for i in interview_ids], index=segments.index),
        "consent_quote": pd.Series([p in consent for p in participants], index=segments.index),
        "context": pd.Series([context.get(s, "") for s in segment_ids], index=segments.index),
        "text": segments["text"].fillna("").astype(str),
    }, columns=SEGMENT_COLUMNS) if len(segments) else pd.DataFrame(columns=SEGMENT_COLUMNS)
    auto = autocode(segments, study.codebook) if len(segments) and len(study.codebook.names) else \
        pd.DataFrame(columns=["segment_id", "code"])
    pairs: dict[tuple[str, str], set] = {}
    for seg, code in zip(auto["segment_id"].tolist(), auto["code"].tolist()):
        pairs.setdefault((seg, code), set()).add("auto")
    for seg, code in zip(study.codings["segment"].tolist(), study.codings["code"].tolist()):
        pairs.setdefault((seg, code), set()).add("manual")
    # Which codings count toward a theme: the one definition of kit.themes.
    from kit.themes import study_themes

    counted_pairs = set()
    if len(segments) and len(study.codebook.names):
        kept = study_themes(study, auto=auto)["counted"]
        counted_pairs = set(zip(kept["segment_id"], kept["code"]))
    codes = pd.DataFrame([{"study": label, "segment_id": s, "code": c,
                           "source": "both" if len(src) == 2 else next(iter(src)),
                           "counted": (s, c) in counted_pairs or src == {"manual"}}
                          for (s, c), src in sorted(pairs.items())], columns=CODE_COLUMNS)
    frames = {"segments": frame, "codes": codes}
    study.__dict__["_repository_frames"] = frames
    return frames


def segments_table(studies) -> pd.DataFrame:
    """Every segment of every study, one row each, with study, sprint, date and segment."""
    parts = [_study_frames(s)["segments"] for s in load_studies(studies)]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=SEGMENT_COLUMNS)


def coded_table(studies) -> pd.DataFrame:
    """One row per (segment, code) across the studies, manual codings and auto-codes
    together (``source``: manual, auto or both; ``counted``: whether it counts toward a theme,
    ``kit.themes``), with the segment's metadata and text."""
    studies = load_studies(studies)
    parts = []
    for s in studies:
        frames = _study_frames(s)
        if len(frames["codes"]):
            parts.append(frames["codes"].merge(frames["segments"], on=["study", "segment_id"], how="inner"))
    columns = ["study", "sprint", "segment_id", "interview_id", "participant", "kind", "date", "segment", "code",
               "source", "counted", "consent_quote", "text"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def interviews_table(studies) -> pd.DataFrame:
    """One row per interview across the studies: study, sprint, order, interview_id, date,
    participant, who (participant, or the interview id when it names none), segment."""
    rows = []
    for order, s in enumerate(load_studies(studies), start=1):
        attribute = s.segment_attribute
        for d in s.interviews.to_dict("records"):
            rows.append({"study": study_label(s), "sprint": sprint_label(s), "order": order,
                         "interview_id": d["interview_id"], "date": d["date"], "participant": d["participant"] or "",
                         "who": d["participant"] or d["interview_id"], "segment": _text(d.get(attribute)),
                         "interviewer": d["interviewer"], "note_path": d["note_path"]})
    return pd.DataFrame(rows, columns=["study", "sprint", "order", "interview_id", "date", "participant", "who",
                                       "segment", "interviewer", "note_path"])


# -- the index ------------------------------------------------------------------------------------
def index_path(repo) -> Path:
    return Path(repo) / INDEX_DIR / INDEX_NAME


SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE studies(study TEXT PRIMARY KEY, sprint TEXT, title TEXT, first_date TEXT, files TEXT NOT NULL,
                     errors INTEGER, warnings INTEGER, problems TEXT, indexed_at TEXT);
CREATE TABLE docs(rowid INTEGER PRIMARY KEY, study TEXT NOT NULL, id TEXT NOT NULL, interview_id TEXT,
                  kind TEXT, participant TEXT, date TEXT, segment TEXT, codes TEXT, compound REAL,
                  consent_quote INTEGER, context TEXT, text TEXT, named_context TEXT, named_text TEXT);
CREATE INDEX docs_study ON docs(study);
CREATE INDEX docs_interview ON docs(study, interview_id);
CREATE TABLE doc_codes(doc INTEGER NOT NULL, code TEXT NOT NULL, source TEXT, counted INTEGER NOT NULL DEFAULT 1);
CREATE INDEX doc_codes_code ON doc_codes(code, doc);
CREATE INDEX doc_codes_doc ON doc_codes(doc);
CREATE TABLE interviews(study TEXT NOT NULL, interview_id TEXT, date TEXT, participant TEXT, interviewer TEXT,
                        note_taker TEXT, stage TEXT, segment TEXT, note_path TEXT);
CREATE INDEX interviews_participant ON interviews(participant);
CREATE TABLE people(study TEXT NOT NULL, id TEXT, email_hash TEXT, status TEXT, invited_on TEXT,
                    scheduled_on TEXT, interviewed_on TEXT, segment TEXT);
CREATE INDEX people_id ON people(id);
CREATE INDEX people_email ON people(email_hash);
CREATE VIRTUAL TABLE docs_fts USING fts5(text, content='docs', content_rowid='rowid',
                                         tokenize='porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE named_fts USING fts5(named_text, content='docs', content_rowid='rowid',
                                          tokenize='porter unicode61 remove_diacritics 2');
"""


def email_hash(email) -> str:
    """How the index keeps an email: a SHA-256 of the trimmed, lower-cased address, so the
    cache can link people across studies without holding their addresses."""
    text = str(email or "").strip().casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else ""


def _file_stats(folder: Path) -> dict[str, list]:
    """relative path -> [mtime_ns, size] for every file of a study (hidden files skipped)."""
    stats = {}
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
            try:
                if entry.is_dir():
                    stack.append((entry.path, rel + "/"))
                elif entry.is_file():
                    st = entry.stat()
                    stats[rel] = [st.st_mtime_ns, st.st_size]
            except OSError:
                continue
    return stats


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _file_key(rel: str) -> str:
    """How the index names a study's file: a hash of its relative path, since a file name
    may hold a participant's name (``transcripts/maria_lopez.vtt``)."""
    return hashlib.sha256(rel.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _fingerprint(folder: Path, stats: dict, stored: dict | None) -> dict[str, list]:
    """:func:`_file_key` of each relative path -> [mtime_ns, size, sha256]; hashes are
    reused from ``stored`` for files whose size and time did not change."""
    stored = stored or {}
    out = {}
    for rel, (mtime, size) in stats.items():
        key = _file_key(rel)
        old = stored.get(key)
        if old and old[0] == mtime and old[1] == size and len(old) > 2:
            out[key] = [mtime, size, old[2]]
        else:
            try:
                out[key] = [mtime, size, _sha256(folder / rel)]
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


def _create_schema(con) -> None:
    con.executescript(SCHEMA)
    con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    con.execute("INSERT INTO meta VALUES ('kit', ?)", (_kit_version(),))


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


def _insert_study(con, study: Study, fingerprint: dict) -> int:
    """Write one loaded study into the index; returns its number of documents."""
    from kit.sentiment import compound

    from kit.privacy import redact, roster

    label = study_label(study)
    frames = _study_frames(study)
    seg = frames["segments"]
    # Nothing raw in the index: `text` and `context` (what is searched and shown) are
    # pseudonymised (roster names, emails, phones replaced); `named_text`/`named_context`
    # keep the names for ``search --include-names`` but never contact details.
    on_roster = roster(study)

    def pseudonymous(value):
        return redact(value, on_roster) if isinstance(value, str) else value

    def named(value):
        return redact(value, on_roster, names=False) if isinstance(value, str) else value

    codes = frames["codes"]
    codes_of: dict[str, list[str]] = {}
    for s, c in zip(codes["segment_id"].tolist(), codes["code"].tolist()):
        codes_of.setdefault(s, []).append(c)
    texts = seg["text"].tolist()
    scores = compound(texts) if len(seg) else []
    start = (con.execute("SELECT COALESCE(MAX(rowid), 0) FROM docs").fetchone()[0] or 0) + 1
    rowid_of = {}
    rows = []
    # Rows from plain lists (pandas element by element is many times slower).
    columns = [seg[c].tolist() for c in ("segment_id", "interview_id", "kind", "participant", "date", "segment",
                                         "consent_quote", "context")]
    for i, (sid, iid, kind, who, day, segment, consent, context, text, score) in enumerate(
            zip(*columns, texts, scores)):
        rowid = start + i
        rowid_of[sid] = rowid
        rows.append((rowid, label, sid, iid, kind, who, day, segment,
                     " ".join(sorted(codes_of.get(sid, []))), None if pd.isna(score) else float(score),
                     int(bool(consent)), pseudonymous(context), pseudonymous(text),
                     named(context), named(text)))
    con.executemany("INSERT INTO docs(rowid, study, id, interview_id, kind, participant, date, segment, codes, "
                    "compound, consent_quote, context, text, named_context, named_text) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.execute("INSERT INTO docs_fts(rowid, text) SELECT rowid, text FROM docs WHERE study = ?", (label,))
    con.execute("INSERT INTO named_fts(rowid, named_text) SELECT rowid, named_text FROM docs WHERE study = ?",
                (label,))
    con.executemany("INSERT INTO doc_codes(doc, code, source, counted) VALUES (?,?,?,?)",
                    [(rowid_of[s], c, src, int(k)) for s, c, src, k in zip(*(codes[c].tolist() for c in (
                        "segment_id", "code", "source", "counted"))) if s in rowid_of])
    attribute = study.segment_attribute
    iv_rows = []
    for d in study.interviews.to_dict("records"):
        iv_rows.append((label, d["interview_id"], _iso(d["date"]), d["participant"] or "", d["interviewer"] or "",
                        d["note_taker"] or "", d["stage"] or "", _text(d.get(attribute)),
                        pseudonymous(d["note_path"] or "")))
    con.executemany("INSERT INTO interviews VALUES (?,?,?,?,?,?,?,?,?)", iv_rows)
    p = study.participants
    people = []
    for row in p.to_dict("records"):
        segment = row.get(attribute, "")
        people.append((label, str(row.get("id") or ""), email_hash(row.get("email")),
                       str(row.get("status") or ""), _iso(row.get("invited_on")), _iso(row.get("scheduled_on")),
                       _iso(row.get("interviewed_on")),
                       _text(segment)))
    con.executemany("INSERT INTO people VALUES (?,?,?,?,?,?,?,?)", people)
    problems = [[pseudonymous(p.path), p.line, pseudonymous(p.message), p.level] for p in study.problems]
    con.execute("INSERT INTO studies VALUES (?,?,?,?,?,?,?,?,?)",
                (label, sprint_label(study), study.name, _iso(_first_date(study)), json.dumps(fingerprint),
                 len(study.errors), len(study.warnings), json.dumps(problems),
                 datetime.now().isoformat(timespec="seconds")))
    return len(rows)


def _problems_from(text: str) -> list[Problem]:
    try:
        return [Problem(str(a), int(b), str(c), str(d)) for a, b, c, d in json.loads(text or "[]")]
    except (ValueError, TypeError):
        return []


def update_index(repo, verify: bool = True) -> IndexReport:
    """Bring ``REPO/.interview-kit/index.sqlite`` up to date with the study files and say
    what was done (see :func:`build_index`). ``verify=False`` skips the full integrity
    check of the file (searches use it; :func:`build_index` does not)."""
    started = time.perf_counter()
    root = Path(repo)
    folders = find_studies(root)
    path = index_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    report = IndexReport(path=path)
    con, reason = _open_valid(path, verify)
    if con is not None:
        try:
            _incremental(con, root, folders, report)
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
        _rebuild(root, folders, path, report)
    report.seconds = time.perf_counter() - started
    return report


def _rebuild(root: Path, folders, path: Path, report: IndexReport) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{INDEX_NAME}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            _create_schema(con)
            for folder in folders:
                fingerprint = _fingerprint(folder, _file_stats(folder), None)
                study = load_study(folder, strict=False)
                report.documents += _insert_study(con, study, fingerprint)
                report.indexed.append(folder.name)
                report.problems[folder.name] = list(study.problems)
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _incremental(con, root: Path, folders, report: IndexReport) -> None:
    stored = {row[0]: (json.loads(row[1]), row[2]) for row in con.execute("SELECT study, files, problems FROM studies")}
    changed, touched = [], []
    for folder in folders:
        stats = _file_stats(folder)
        old = stored.get(folder.name)
        old_files = old[0] if old else None
        if old_files is not None and {k: v[:2] for k, v in old_files.items()} == \
                {_file_key(k): v for k, v in stats.items()}:
            report.unchanged.append(folder.name)
            report.problems[folder.name] = _problems_from(old[1])
            continue
        fingerprint = _fingerprint(folder, stats, old_files)
        if old_files is not None and {k: v[2] for k, v in old_files.items()} == {k: v[2] for k, v in fingerprint.items()}:
            touched.append((folder, fingerprint))  # times changed, content did not
            report.problems[folder.name] = _problems_from(old[1])
            continue
        changed.append((folder, fingerprint, load_study(folder, strict=False)))
    gone = sorted(set(stored) - {f.name for f in folders})
    with con:
        for label in gone:
            _delete_study(con, label)
            report.removed.append(label)
        for folder, fingerprint in touched:
            con.execute("UPDATE studies SET files = ? WHERE study = ?", (json.dumps(fingerprint), folder.name))
            report.touched.append(folder.name)
        for folder, fingerprint, study in changed:
            _delete_study(con, folder.name)
            report.documents += _insert_study(con, study, fingerprint)
            report.indexed.append(folder.name)
            report.problems[folder.name] = list(study.problems)
    report.unchanged += report.touched


def build_index(repo) -> Path:
    """Build or update the repository's search index; return its path
    (``REPO/.interview-kit/index.sqlite``). Only studies whose files changed are
    re-indexed; a missing, corrupt or outdated index is rebuilt from the study files."""
    return update_index(repo).path


def _query(repo, update: bool, run):
    """Run ``run(connection)`` on an up-to-date index; when the file turns out to be
    damaged, rebuild it from the study files and run again once."""
    for attempt in (1, 2):
        path = update_index(repo, verify=attempt == 2).path if update or attempt == 2 else index_path(repo)
        if not path.exists():
            path = update_index(repo).path
        con = sqlite3.connect(path)
        con.row_factory = sqlite3.Row
        try:
            return run(con)
        except sqlite3.DatabaseError as exc:
            if attempt == 2 or not _corrupt(exc):
                raise
        finally:
            con.close()
    raise AssertionError("unreachable")  # pragma: no cover


# -- search ---------------------------------------------------------------------------------------
_QUERY_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_OPERATORS = {"AND", "OR", "NOT"}


def fts_query(query: str) -> str:
    """Turn what a person types into a safe FTS5 query: words are matched on their stems
    (all of them, in any order), "quoted words" as a phrase, ``word*`` as a prefix, and
    the upper-case operators AND, OR, NOT are kept. Punctuation never causes a syntax error."""
    parts = []
    for match in _QUERY_TOKEN.finditer(str(query or "")):
        phrase, word = match.groups()
        if phrase is not None:
            words = re.findall(r"\w+", phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        if word in _OPERATORS:
            if parts and parts[-1] not in _OPERATORS:
                parts.append(word)
            continue
        prefix = word.endswith("*")
        words = re.findall(r"\w+", word)
        if not words:
            continue
        parts.append('"' + " ".join(words) + '"' + ("*" if prefix and len(words) == 1 else ""))
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    return " ".join(parts)


def _since(since):
    if since is None or (isinstance(since, str) and not since.strip()):
        return None
    try:
        value = parse_date(since)
    except ValueError:
        raise ValueError(f"--since {since!r} is not a date (YYYY-MM-DD)") from None
    return value.isoformat()


HIT_OPEN, HIT_CLOSE = "«", "»"  # a match in a snippet: never "[...]", which is a redaction marker


def search(repo, query, code=None, segment=None, since=None, limit: int = 20, update: bool = True,
           include_names: bool = False) -> pd.DataFrame:
    """Segments of every study matching ``query``, best first (SQLite FTS5 bm25).

    The index holds pseudonymised text only (``kit.privacy.redact``: roster names ``[name]``,
    emails ``[email]``, phones ``[phone]``), and that is what is searched and shown: searching
    a participant's name finds nothing and confirms nothing. ``include_names`` searches and
    shows the text with names kept (contact details are never in the index).

    ``code`` keeps segments carrying that code (or any of a list), manual or auto;
    ``segment`` the participants' segment (e.g. ``trades``, case-insensitive); ``since`` the
    interviews on or after a date. Columns: rank, score (higher is better), id (stable
    segment id), study, sprint, date, kind (quote, insight, opportunity, turn),
    interview_id, participant (pseudonymous id), segment, codes, snippet (the words matched
    between ``«`` and ``»``), context (for a turn: the question before it), text, consent_quote.
    ``frame.attrs["total"]`` is the number of matches before ``limit``."""
    match = fts_query(query)
    if not match:
        raise ValueError("give some words to search for")
    if not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a positive whole number, not {limit!r}")
    fts, context, text = ("named_fts", "d.named_context", "d.named_text") if include_names else \
        ("docs_fts", "d.context", "d.text")
    sql = ["SELECT d.id, d.study, s.sprint, d.date, d.kind, d.interview_id, d.participant, d.segment, d.codes,",
           f"{context} AS context, {text} AS text, d.consent_quote, bm25({fts}) AS bm25,",
           f"snippet({fts}, 0, '{HIT_OPEN}', '{HIT_CLOSE}', ' … ', 16) AS snippet",
           f"FROM {fts} JOIN docs d ON d.rowid = {fts}.rowid LEFT JOIN studies s ON s.study = d.study",
           f"WHERE {fts} MATCH ?"]
    args: list = [match]
    if code:
        codes = [code] if isinstance(code, str) else list(code)
        sql.append(f"AND EXISTS (SELECT 1 FROM doc_codes c WHERE c.doc = d.rowid AND c.code IN "
                   f"({','.join('?' * len(codes))}))")
        args += codes
    if segment:
        sql.append("AND lower(d.segment) = lower(?)")
        args.append(str(segment).strip())
    day = _since(since)
    if day:
        sql.append("AND d.date >= ?")
        args.append(day)
    where = sql[sql.index(f"WHERE {fts} MATCH ?"):]
    count_sql = "\n".join([f"SELECT COUNT(*) FROM {fts} JOIN docs d ON d.rowid = {fts}.rowid"] + where)
    sql.append("ORDER BY bm25, d.study, d.id LIMIT ?")

    def both(con):
        return (con.execute("\n".join(sql), args + [limit]).fetchall(),
                con.execute(count_sql, args).fetchone()[0])

    try:
        rows, total = _query(repo, update, both)
    except sqlite3.OperationalError as exc:
        raise ValueError(f"cannot search for {query!r}: {exc}") from None
    records = [{"rank": i, "score": round(-r["bm25"], 4), "id": r["id"], "study": r["study"], "sprint": r["sprint"],
                "date": r["date"], "kind": r["kind"], "interview_id": r["interview_id"],
                "participant": r["participant"], "segment": r["segment"], "codes": r["codes"],
                "snippet": r["snippet"], "context": r["context"], "text": r["text"],
                "consent_quote": bool(r["consent_quote"])} for i, r in enumerate(rows, start=1)]
    frame = pd.DataFrame(records, columns=SEARCH_COLUMNS)
    frame.attrs["total"] = int(total)  # all matches, before the limit
    return frame


# -- prior interactions ---------------------------------------------------------------------------
def prior_interactions(repo, who, update: bool = True) -> pd.DataFrame:
    """Everything the repository holds about one person, to review before talking to them
    again (the template's "review prior interactions"): one row per interview (with the
    note's insights as a summary) and per invitation that did not lead to one (declined,
    no-show, invited, scheduled), oldest first. ``who`` is a participant id or an email
    address; people are linked across studies by id and by email (the index keeps only a
    hash of the address). Names and emails never appear in the result."""
    key = str(who or "").strip()
    if not key:
        raise ValueError("give a participant id or an email address")
    return _query(repo, update, lambda con: _prior(con, key))


def _prior(con, key: str) -> pd.DataFrame:
    ids, hashes = (set(), {email_hash(key)}) if "@" in key else ({key}, set())
    people = []
    for _ in range(5):  # follow id <-> email links until nothing new turns up
        people = con.execute(
            f"SELECT * FROM people WHERE id IN ({','.join('?' * len(ids))}) "
            f"OR email_hash IN ({','.join('?' * len(hashes))})", list(ids) + list(hashes)).fetchall()
        new_ids = ids | {r["id"] for r in people if r["id"]}
        new_hashes = hashes | {r["email_hash"] for r in people if r["email_hash"]}
        if new_ids == ids and new_hashes == hashes:
            break
        ids, hashes = new_ids, new_hashes
    sprint = dict(con.execute("SELECT study, sprint FROM studies").fetchall())
    interviews = con.execute(
        f"SELECT * FROM interviews WHERE participant IN ({','.join('?' * len(ids))})", list(ids)).fetchall() \
        if ids else []
    rows = []
    interviewed = set()
    for iv in interviews:
        items = con.execute("SELECT kind, text FROM docs WHERE study = ? AND interview_id = ? AND kind IN "
                            "('insight', 'quote') ORDER BY rowid", (iv["study"], iv["interview_id"])).fetchall()
        insights = [r["text"] for r in items if r["kind"] == "insight"]
        rows.append({"study": iv["study"], "sprint": sprint.get(iv["study"], ""), "date": iv["date"],
                     "kind": "interview", "interview_id": iv["interview_id"], "participant": iv["participant"],
                     "interviewer": iv["interviewer"], "stage": iv["stage"],
                     "quotes": sum(r["kind"] == "quote" for r in items),
                     "summary": " / ".join(insights), "note_path": iv["note_path"]})
        interviewed.add((iv["study"], iv["participant"]))
    for p in people:
        if (p["study"], p["id"]) in interviewed or p["status"] == "completed":
            continue
        when = p["scheduled_on"] or p["invited_on"] if p["status"] in ("scheduled", "no-show") else p["invited_on"]
        rows.append({"study": p["study"], "sprint": sprint.get(p["study"], ""), "date": when,
                     "kind": p["status"] or "listed", "interview_id": "", "participant": p["id"],
                     "interviewer": "", "stage": "", "quotes": 0,
                     "summary": _STATUS_SUMMARY.get(p["status"], ""), "note_path": ""})
    table = pd.DataFrame(rows, columns=PRIOR_COLUMNS)
    return table.sort_values(["date", "study", "interview_id"], kind="stable").reset_index(drop=True)


_STATUS_SUMMARY = {"declined": "declined the invitation", "no-show": "did not come to the booked slot",
                   "invited": "invited, no answer recorded", "scheduled": "interview booked"}


# -- trends across sprints --------------------------------------------------------------------------
def wilson_interval(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """Wilson score interval for a proportion k/n (NaN, NaN when n is 0)."""
    if n <= 0:
        return float("nan"), float("nan")
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / denom
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    # exact bounds at the ends (rounding would otherwise leave 1e-17 instead of 0)
    return (0.0 if k == 0 else low), (1.0 if k == n else high)


def leading_codes(trend: pd.DataFrame, n: int = 4) -> list[str]:
    """The ``n`` codes with the most participants over all sprints of a ``trends`` table
    (columns code, participants), most first and ties by name; ``[]`` for an empty table.
    What notebook 09 follows across sprints when no codes are given."""
    if trend is None or not len(trend) or "code" not in trend:
        return []
    totals = pd.to_numeric(trend["participants"], errors="coerce").fillna(0).groupby(trend["code"]).sum()
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return [str(code) for code, _ in ranked[:n]]


def trends(repo, codes=None, update: bool = True) -> pd.DataFrame:
    """Theme prevalence and sentiment across sprints, from the index: one row per (sprint,
    code). ``participants`` interviewed in the sprint (or interviews where no participant
    is named), ``mentioning`` those with at least one segment carrying the code (manual or
    auto), ``share`` with its 95% Wilson interval, ``mentions`` (coded segments), and
    ``mean_compound``: the mean VADER compound of the coded segments in the participants'
    own words (turns and quotes; ``scored_segments`` of them). Sprints in the order they
    were held; ``codes`` limits and orders the codes (default: every code seen)."""
    def read(con):
        return (pd.read_sql_query("SELECT study, sprint, first_date FROM studies", con),
                pd.read_sql_query("SELECT study, interview_id, participant FROM interviews", con),
                pd.read_sql_query("SELECT d.study, d.id, d.interview_id, d.participant, d.kind, d.compound, c.code "
                                  "FROM doc_codes c JOIN docs d ON d.rowid = c.doc WHERE c.counted = 1", con))

    studies, interviews, coded = _query(repo, update, read)
    studies = studies.assign(first=studies["first_date"].replace("", None)) \
        .sort_values(["first", "sprint", "study"], na_position="last", kind="stable").reset_index(drop=True)
    interviews["who"] = interviews["participant"].where(interviews["participant"] != "", interviews["interview_id"])
    who_of = {(s, i): w for s, i, w in zip(interviews["study"], interviews["interview_id"], interviews["who"])}
    coded["who"] = [who_of.get((s, i), p or i) for s, i, p in zip(coded["study"], coded["interview_id"],
                                                                    coded["participant"])]
    names = list(codes) if codes is not None else sorted(set(coded["code"]))
    rows = []
    for order, st in enumerate(studies.itertuples(index=False), start=1):
        people = set(interviews.loc[interviews["study"] == st.study, "who"])
        mine = coded[coded["study"] == st.study]
        for code in names:
            c = mine[mine["code"] == code]
            k, n = c["who"].nunique(), len(people)
            low, high = wilson_interval(k, n)
            words = c[c["kind"].isin(PARTICIPANT_WORDS)].drop_duplicates("id")["compound"].dropna()
            rows.append({"order": order, "sprint": st.sprint, "study": st.study, "code": code, "participants": n,
                         "mentioning": k, "share": k / n if n else float("nan"), "share_low": low,
                         "share_high": high, "mentions": c["id"].nunique(),
                         "mean_compound": float(words.mean()) if len(words) else float("nan"),
                         "scored_segments": len(words)})
    return pd.DataFrame(rows, columns=TREND_COLUMNS)


def trends_chart(table: pd.DataFrame, codes=None, title: str = "Theme prevalence across sprints"):
    """Share of participants mentioning each code per sprint, with its Wilson interval as
    error bars; each code has its own marker and line style (colour is never the only
    cue), and each sprint shows how many participants it had. ``codes`` picks the codes (default: the five most prevalent)."""
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    if codes is None:
        codes = (table.groupby("code")["share"].mean().sort_values(ascending=False).head(5).index.tolist()
                 if len(table) else [])
    firsts = table.drop_duplicates("order").sort_values("order")
    sprints = [f"{s}\n(n = {n})" for s, n in zip(firsts["sprint"], firsts["participants"])]
    fig, ax = plt.subplots(figsize=(8, 4.8))
    markers = "osD^v<>PX*"
    styles = ["-", "--", "-.", ":"]
    for i, code in enumerate(codes):
        t = table[table["code"] == code].sort_values("order")
        x = [v + (i - (len(codes) - 1) / 2) * 0.06 for v in range(len(t))]
        err = [(t["share"] - t["share_low"]).clip(lower=0), (t["share_high"] - t["share"]).clip(lower=0)]
        ax.errorbar(x, t["share"], yerr=err, marker=markers[i % len(markers)], capsize=3, linewidth=1.5,
                    linestyle=styles[i % len(styles)], label=code)
    ax.set_xticks(range(len(sprints)))
    ax.set_xticklabels(sprints)
    ax.set_xlim(-0.4, len(sprints) - 0.6)
    ax.set_ylim(0, 1.05)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel("Sprint")
    ax.set_ylabel("Participants mentioning the theme")
    ax.set_title(title)
    ax.legend(fontsize=8, loc="upper left", framealpha=0.9)
    fig.tight_layout()
    return fig


# -- command-line front ends ------------------------------------------------------------------------
def _repo_problem(repo) -> str | None:
    root = Path(repo)
    if not root.exists():
        return f"{root}: no such folder"
    if not root.is_dir():
        return f"{root}: not a folder: give the repository folder that holds the studies"
    if not find_studies(root):
        return (f"{root}: no studies here: a repository holds study folders (each with study.yml, "
                f"interviews/ or transcripts/)")
    return None


def index_command(repo) -> tuple[str, int]:
    """``interview-kit index REPO``: build or update the index. Returns (text, exit code):
    0 done, 1 done but some study has errors (listed as path:line: message), 2 not a
    repository."""
    problem = _repo_problem(repo)
    if problem:
        return f"interview-kit index: {problem}", 2
    report = update_index(repo)
    lines = []
    if report.rebuilt:
        lines.append(f"rebuilt the index ({report.reason})")
    for label in report.indexed:
        lines.append(f"indexed   {label}")
    for label in sorted(set(report.unchanged)):
        lines.append(f"unchanged {label}")
    for label in report.removed:
        lines.append(f"removed   {label} (no longer in the repository)")
    errors = 0
    for label, problems in sorted(report.problems.items()):
        for p in problems:
            if p.is_error:
                lines.append(str(p))
                errors += 1
        warnings = sum(not p.is_error for p in problems)
        if warnings:
            lines.append(f"{label}: {warnings} warning(s); see interview-kit check {Path(repo) / label}")
    con = sqlite3.connect(report.path)
    try:
        docs, n_studies = con.execute("SELECT count(*), count(DISTINCT study) FROM docs").fetchone()
    finally:
        con.close()
    lines.append(f"{report.path}: {n_studies} studies, {docs} segments")
    return "\n".join(lines), (1 if errors else 0)


def search_command(repo, query, code=None, segment=None, since=None, as_json: bool = False,
                   limit: int = 20, include_names: bool = False) -> tuple[str, int]:
    """``interview-kit search REPO QUERY [--code X] [--segment Y] [--since D] [--json]``.
    Returns (text, exit code): 0 (also when nothing matches), 2 for a usage error. With
    ``as_json`` the text is a JSON array of hits (codes as a list). Search results are a
    working output (``kit.outputs``): the names, emails and phone numbers of every study's
    roster are replaced unless ``include_names`` (contact details are replaced anyway)."""
    problem = _repo_problem(repo)
    if problem:
        return f"interview-kit search: {problem}", 2
    try:
        hits = search(repo, query, code=code, segment=segment, since=since, limit=limit,
                      include_names=include_names)
    except ValueError as exc:
        return f"interview-kit search: {exc}", 2
    from kit.outputs import WORKING, Outputs
    from kit.privacy import roster

    writer = Outputs(None, None, WORKING, include_names=include_names,
                     people=roster(find_studies(repo)))
    if as_json:
        records = []
        for row in hits.to_dict("records"):
            row["codes"] = row["codes"].split() if row["codes"] else []
            records.append(writer.clean_value(row))
        return json.dumps(records, indent=2, ensure_ascii=False), 0
    if not len(hits):
        return f"no matches for {query!r}", 0
    lines = []
    for r in hits.itertuples(index=False):
        meta = "  ".join(x for x in (r.kind, r.sprint, r.date, r.segment) if x)
        codes = f"  [{', '.join(r.codes.split())}]" if r.codes else ""
        lines.append(f"{r.rank:>2}. {r.id}  {meta}{codes}")
        lines.append(f"    {r.snippet}")
        if r.context:
            lines.append(f"    asked: {r.context}")
    total = int(hits.attrs.get("total", len(hits)))
    lines.append(f"showing {len(hits)} of {total} matches (--limit {limit}: give a larger --limit to see more)"
                 if total > len(hits) else f"{len(hits)} match(es)")
    return writer.clean("\n".join(lines)), 0
