"""Session 18 (issue 20), the index's full build split in two: each study's rows made as plain
lists apart from writing them (:mod:`kit.discovery.index_rows`), in worker processes for a large
repository (:mod:`kit.discovery.index_workers`), written by the parent in the studies' order.

Checked against the long way: ``_old_insert_study`` is the session-17 ``_insert_study`` (rows
made and written in one go), put back with ``monkeypatch``; a repository of edge cases (a study
with withdrawn participants and non-consenting quotes, names in other scripts, passages in
other languages, an empty study, a study whose note fails to load, whose located problem must
be reported as before) is built the long way, in one process and with worker processes, and
every table, both full-text indexes and every study's problems are the same. Also the note
paths made relative by string (``repository_paths``) and interview ids primed before their
redaction (``Redactor.ids``) against the calls they replaced.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import datetime
from itertools import chain, groupby, repeat
from operator import itemgetter
from pathlib import Path

import pandas as pd
import pytest

import kit.discovery.index as kit_index
import kit.discovery.index_workers as workers_mod
from kit.discovery.email_key import email_hash
from kit.discovery.index_names import Redactor, cjk_spaced, shown_name, study_roster
from kit.discovery.repository import (_first_date, _iso, _study_rows, _text, repository_paths,
                                      study_label)
from kit.study import Study

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


# --------------------------------------------------------------------------- the long way (session 17)
_first, _second = itemgetter(0), itemgetter(1)


def _columns(frame: pd.DataFrame, names) -> list[list]:
    n = len(frame)
    return [frame[c].tolist() if c in frame.columns else [None] * n for c in names]


def _old_insert_study(con, study: Study, fingerprint: dict, fts: bool = True, label: str | None = None,
                  people=None, key: bytes | None = None) -> int:
    """Session 17's ``_insert_study`` (the rows made and written in one go). With
    ``fts=False`` the full-text tables are left for :func:`_fill_fts` (a full build fills
    them once, from ``docs``, after every study). ``label``: the study's name in the index
    (:func:`kit.discovery.index_names.study_labels`); ``people``: the whole repository's
    roster, with which every stored field is pseudonymised (a name of another study's
    participant too); ``key``: the repository's key of the email hashes (none without it)."""
    from kit.languages import SENTIMENT_LANGUAGES
    from kit.privacy import redact_both
    from kit.privacy_batch import unredacted
    from kit.sentiment import compound
    from kit.sentiment_terms import as_terms

    # the repository's roster carries names, parts and emails: a study's own is read for those alone
    on_roster = study_roster(study, people)  # its identifiers too: [id] in every field; third speakers' labels (s15 F8)
    label = shown_name(study_label(study), on_roster) if label is None else label
    red = Redactor(on_roster)  # segment values, code names, stages: each distinct value once
    rows_of = _study_rows(study)
    seg = rows_of["columns"]
    codes = rows_of["codes"]
    if codes:  # code names redacted, each distinct one once; the tuples rebuilt only when one changes
        names = list(dict.fromkeys(map(_second, codes)))
        shown = red.column(names)
        if shown != names:
            shown_of = dict(zip(names, shown))
            codes = [(s, shown_of[c], *rest) for s, c, *rest in codes]
    # A segment's codes, as the column holds them: ``codes`` is sorted by (segment, code), so
    # each segment's codes are adjacent and already in order.
    joined = {s: " ".join(map(_second, group)) for s, group in groupby(codes, key=_first)}
    sids, contexts, texts = seg["segment_id"], seg["context"], seg["text"]
    # Each distinct text is scored and redacted once (the interviewer's questions are the
    # context of many turns; a key quote often repeats a turn word for word), and the rows
    # are zipped from the columns in C, with no Python loop per row.
    distinct = list(dict.fromkeys(texts))
    # Nothing raw in the index: `text` and `context` (what is searched and shown) are
    # pseudonymised (roster names, emails, phones replaced); `named_text`/`named_context`
    # keep the names for ``search --include-names`` but never contact details. The roster's
    # matcher is compiled once per study; each text is read once for both versions.
    # Texts redaction provably leaves as they are (kit.privacy_batch.unredacted: ASCII, no
    # email or phone, no word that starts a roster entry) are found together, with numpy;
    # only the others go through redact_both, one by one.
    values = list(dict.fromkeys(chain(contexts, distinct)))
    quiet = unredacted(values, on_roster)
    pseudo = dict(zip(quiet, quiet))
    named = pseudo.copy()
    memo = Redactor.memo(on_roster)  # texts of earlier studies of this run, redacted with this roster
    published = {}  # a text naming someone, as a score reads it (kit.sentiment.as_published)
    for value in values:
        if value not in pseudo:
            done = memo.get(value)
            if done is None:
                hidden, kept = redact_both(value, on_roster)
                done = memo[value] = (cjk_spaced(hidden), cjk_spaced(kept), hidden if hidden != kept else value)
            pseudo[value], named[value], published[value] = done
    # A score as analyze gives it: of the text as published (a roster name that is also a word,
    # Grant or Joy, never moves it), and only in a language with a validated scorer
    # (kit.languages.where_valid): NULL, never 0.0, for a Polish or Portuguese passage (newcomer s12 F8).
    read = as_terms([published.get(t, t) for t in distinct])  # an acronym VADER knows only as slang ("PO") masked
    score_of = {t: None if x is None or x != x else float(x) for t, x in zip(distinct, compound(read))}
    scores = map(score_of.__getitem__, texts)
    languages = rows_of["languages"]
    if any(lang not in SENTIMENT_LANGUAGES for lang in set(languages)):
        scores = [x if lang in SENTIMENT_LANGUAGES else None for x, lang in zip(scores, languages)]
    start = (con.execute("SELECT COALESCE(MAX(rowid), 0) FROM docs").fetchone()[0] or 0) + 1
    rowids = range(start, start + len(sids))
    rowid_of = dict(zip(sids, rowids))  # the last row of an id, as before
    interview_ids = red.column(seg["interview_id"])
    rows = zip(rowids, repeat(label), red.ids(sids, seg["interview_id"]), interview_ids,
               *(seg[c] for c in ("kind", "participant", "date")), red.column(seg["segment"]),
               map(joined.get, sids, repeat("")), scores, map(int, seg["consent_quote"]),
               map(pseudo.__getitem__, contexts), map(pseudo.__getitem__, texts),
               map(named.__getitem__, contexts), map(named.__getitem__, texts))
    if fts:
        rows = list(rows)
    con.executemany("INSERT INTO docs(rowid, study, id, interview_id, kind, participant, date, segment, codes, "
                    "compound, consent_quote, context, text, named_context, named_text) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    if fts:
        con.executemany("INSERT INTO docs_fts(rowid, text) VALUES (?, ?)", [(r[0], r[12]) for r in rows])
        con.executemany("INSERT INTO named_fts(rowid, named_text) VALUES (?, ?)", [(r[0], r[14]) for r in rows])
    # a manual coding may name a segment the study does not have: it is left out
    kept = codes if rowid_of.keys() >= set(map(_first, codes)) else [t for t in codes if t[0] in rowid_of]
    if kept:
        coded, names, sources, counted = zip(*kept)
        con.executemany("INSERT INTO doc_codes(doc, code, source, counted) VALUES (?,?,?,?)",
                        zip(map(rowid_of.__getitem__, coded), names, sources, map(int, counted)))
    attribute = study.segment_attribute
    # every text field redacted with the repository's roster, each distinct value once
    iids, days, whos, interviewers, takers, stages, segments, paths = _columns(study.interviews, (
        "interview_id", "date", "participant", "interviewer", "note_taker", "stage", attribute, "note_path"))
    paths = repository_paths(study.path, paths)  # attacker s13 A9
    con.executemany("INSERT INTO interviews VALUES (?,?,?,?,?,?,?,?,?)", zip(
        repeat(label), red.column(iids), map(_iso, days), [w or "" for w in whos], red.column(interviewers),
        red.column(takers), red.column(stages), red.column(map(_text, segments)), red.column(paths)))
    pids, emails, statuses, invited, scheduled, interviewed, segments = _columns(study.participants, (
        "id", "email", "status", "invited_on", "scheduled_on", "interviewed_on", attribute))
    con.executemany("INSERT INTO people VALUES (?,?,?,?,?,?,?,?)", zip(
        repeat(label), [str(p or "") for p in pids], [email_hash(e, key) if key else "" for e in emails], red.column([str(x or "") for x in statuses]),
        map(_iso, invited), map(_iso, scheduled), map(_iso, interviewed), red.column(map(_text, segments))))
    problems = []
    if study.problems:
        from kit.outputs import redact_shown  # a message quotes values with repr: its escapes must not hide a name

        problems = [[redact_shown(shown_name(str(p.path), on_roster), on_roster), p.line,
                     redact_shown(shown_name(str(p.message)), on_roster), p.level] for p in study.problems]
    sprint = red(study.sprint) if study.sprint else label
    con.execute("INSERT INTO studies VALUES (?,?,?,?,?,?,?,?,?)",
                (label, sprint, red(shown_name(study.name)), _iso(_first_date(study)), json.dumps(fingerprint),
                 len(study.errors), len(study.warnings), json.dumps(problems),
                 datetime.now().isoformat(timespec="seconds")))
    return len(sids)


# --------------------------------------------------------------------------- the repository of edge cases
BROKEN_NOTE = "---\ninterview_id: broken-01\ndate: [2026-03-02\nparticipant: P-001\n---\n\n## Key quotes\n\n- \"x\"\n"


@pytest.fixture(scope="module")
def edge_repo(tmp_path_factory):
    """Studies with withdrawn participants and non-consenting quotes, names in other scripts,
    other languages, an empty study and a study whose note fails to load."""
    repo = tmp_path_factory.mktemp("edge") / "repo"
    repo.mkdir()
    shutil.copytree(DATA / "attack-s17-lead" / "study", repo / "a-withdrawn")
    shutil.copytree(DATA / "makerspace", repo / "b-consent")
    shutil.copytree(DATA / "attack-s10-names" / "name-scripts", repo / "c-scripts")
    shutil.copytree(DATA / "langs_s7" / "study", repo / "d-languages")
    (repo / "e-empty" / "interviews").mkdir(parents=True)
    (repo / "e-empty" / "study.yml").write_text("title: Nothing yet\n", encoding="utf-8")
    shutil.copytree(DATA / "attack-s17-lead" / "study", repo / "f-broken")
    (repo / "f-broken" / "interviews" / "broken-01.md").write_text(BROKEN_NOTE, encoding="utf-8")
    return repo


def _tables(path: Path) -> dict:
    """Every table of an index (``studies.indexed_at`` left out) and each full-text table's
    every (term, row, column, offset)."""
    con = sqlite3.connect(path)
    try:
        out = {}
        for table in ("meta", "studies", "docs", "doc_codes", "interviews", "people"):
            columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] != "indexed_at"]
            out[table] = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid").fetchall()
        for fts in ("docs_fts", "named_fts"):
            con.execute(f"CREATE VIRTUAL TABLE temp.v_{fts} USING fts5vocab(main, {fts}, instance)")
            out[fts] = con.execute(f"SELECT * FROM temp.v_{fts} ORDER BY 1, 2, 3, 4").fetchall()
        return out
    finally:
        con.close()


def _build(repo: Path) -> tuple[dict, dict]:
    """A full build (the index removed, the email key kept): its tables and its report's problems."""
    path = kit_index.index_path(repo)
    if path.exists():
        path.unlink()
    report = kit_index.update_index(repo)
    assert report.rebuilt
    problems = {label: [(p.path, p.line, p.message, p.level) for p in found] for label, found in report.problems.items()}
    return _tables(path), problems


def _in_workers(monkeypatch, n: int = 2) -> None:
    monkeypatch.setattr(workers_mod, "PARALLEL_FILES", 0)
    monkeypatch.setattr(workers_mod, "free_cores", lambda most=4: n)


@pytest.mark.slow
def test_a_build_in_workers_and_in_one_process_is_the_long_ways_index(edge_repo, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(kit_index, "_insert_study", _old_insert_study)
        old, old_problems = _build(edge_repo)
    new, new_problems = _build(edge_repo)  # the repository is small: one process
    with monkeypatch.context() as m:
        _in_workers(m)
        made = []
        real = workers_mod.prepared_studies
        m.setattr(kit_index, "prepared_studies", lambda *a: made.append(a[-1]) or real(*a))
        parallel, parallel_problems = _build(edge_repo)
    assert made == [2]  # the worker processes did build it
    assert len(old["docs"]) > 50 and len(old["studies"]) == 6 and old["doc_codes"] and old["people"]
    assert any(r[2] == "Nothing yet" for r in old["studies"])  # the empty study is a row of its own
    for name in old:
        assert new[name] == old[name], name
        assert parallel[name] == old[name], name
    assert new_problems == old_problems and parallel_problems == old_problems
    broken = [p for p in old_problems["f-broken"] if p[0].endswith("broken-01.md") and "invalid YAML" in p[2]]
    assert broken and broken[0][1] > 0 and broken[0][3] == "error"  # located: path, line, message


def _study_tables(repo: Path, insert) -> dict:
    path = repo / "one.sqlite"
    if path.exists():
        path.unlink()
    con = sqlite3.connect(path)
    kit_index._create_schema(con)
    for folder in kit_index.find_studies(repo):
        study = kit_index.load_study(folder, strict=False)
        insert(con, study, {"f": [1, 2, "h", 3]}, True, folder.name, None, b"key")
    con.commit()
    con.close()
    return _tables(path)


@pytest.mark.slow
def test_an_incremental_studys_rows_are_the_long_ways(edge_repo, tmp_path):
    """``_insert_study`` with its full-text rows written at once (the incremental path), on a
    second database: every table the same as the long way's."""
    repo = tmp_path / "r"
    shutil.copytree(edge_repo / "a-withdrawn", repo / "a-withdrawn")
    shutil.copytree(edge_repo / "f-broken", repo / "f-broken")
    old = _study_tables(repo, _old_insert_study)
    new = _study_tables(repo, kit_index._insert_study)
    for name in old:
        assert new[name] == old[name], name
    assert len(old["docs"]) > 20


def test_a_small_repository_is_built_in_one_process(tmp_path, monkeypatch):
    """No worker processes for one study, for fewer files than PARALLEL_FILES, or without
    two free cores; the free cores (at most one a study) otherwise."""
    walk = ({"f": 1}, [], {})
    monkeypatch.setattr(workers_mod, "free_cores", lambda most=4: 4)
    assert workers_mod.build_workers([walk]) == 0
    assert workers_mod.build_workers([walk] * 3) == 0  # 3 files
    big = ({str(i): i for i in range(workers_mod.PARALLEL_FILES)}, [], {})
    assert workers_mod.build_workers([big] * 3) == 3
    assert workers_mod.build_workers([big] * 9) == 4
    monkeypatch.setattr(workers_mod, "free_cores", lambda most=4: 1)
    assert workers_mod.build_workers([big] * 9) == 0


@pytest.mark.slow
def test_a_studys_error_in_a_worker_is_raised_and_nothing_is_left(edge_repo, tmp_path, monkeypatch):
    repo = tmp_path / "r"
    shutil.copytree(edge_repo, repo, ignore=shutil.ignore_patterns(".interview-kit"))
    import kit.study

    real = kit.study.load_study

    def failing(folder, strict=False):
        if Path(folder).name == "c-scripts":
            raise RuntimeError("disk full")
        return real(folder, strict=strict)

    _in_workers(monkeypatch)
    monkeypatch.setattr(kit.study, "load_study", failing)  # the forked workers load with it
    with pytest.raises(RuntimeError, match="disk full"):
        kit_index.update_index(repo)
    assert [p.name for p in kit_index.index_path(repo).parent.iterdir()] == ["email-key"]


@pytest.mark.slow
def test_without_worker_processes_each_study_is_made_here(edge_repo, monkeypatch):
    """A machine where no process can be started: the studies are made in this process, the
    index the same."""
    import concurrent.futures

    expected, problems = _build(edge_repo)

    def refused(self, *a, **k):
        raise OSError("no processes here")

    _in_workers(monkeypatch)
    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "submit", refused)
    got, got_problems = _build(edge_repo)
    for name in expected:
        assert got[name] == expected[name], name
    assert got_problems == problems


@pytest.mark.parametrize("folder", ["/a/b/s", "/a/b/s/", "s", "/s", "/", "/a/b/s/../s"])
def test_note_paths_relative_to_the_repository_as_relpath_gives_them(folder):
    paths = ["/a/b/s/interviews/x.md", "/a/b/other/y.md", "/a/b/s/../s/z.md", "rel/p.md", "/a/b", "/a/bx/q.md",
             "", None, "/a/b/s/./k.md", "/a/b//s/n.md", "/", os.getcwd() + "/w.md"]
    root = os.path.dirname(os.path.abspath(folder))
    long_way = [Path(os.path.relpath(os.path.abspath(p), root)).as_posix() if isinstance(p, str) and p else p
                for p in paths]
    assert repository_paths(folder, paths) == long_way


def test_interview_ids_primed_before_redaction_are_redacted_as_before():
    from kit.privacy import Roster

    people = Roster(names=("Maria Lopez", "Li Wei"), parts=("Maria", "Lopez", "Li", "Wei"), emails=("m@x.org",))
    iids = ["maria_lopez", "P-001", "P-001", "li-wei-2", "S\udce9tude", "m@x.org", "plain"]
    sids = [f"{i}#{n}" for n, i in enumerate(iids)]
    long_way = Redactor(people)
    shown = {i: long_way(i) for i in set(iids)}
    expected = [s if shown.get(i, i) == i or not s.startswith(i) else shown[i] + s[len(i):] for s, i in zip(sids, iids)]
    assert Redactor(people).ids(sids, iids) == expected
    assert expected != sids  # something was redacted
