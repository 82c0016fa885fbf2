"""One study's rows of the search index (:mod:`kit.discovery.index`) as plain lists, made
apart from writing them (issue 20, session 18).

:func:`study_rows` works out everything a loaded study puts in the index (the documents'
columns, their codes, its interviews, people and its ``studies`` row), touching no database:
a full build of a large repository makes them in worker processes, one study each
(:mod:`kit.discovery.index_workers`), and the parent writes them with :func:`write_rows` in
the studies' order, so the file is the same as a build in one process. Rows are built from
lists (zipped and mapped in C), never cell by cell with pandas.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from itertools import chain, groupby, repeat
from operator import itemgetter

import pandas as pd

from kit.discovery.email_key import email_hash
from kit.discovery.index_names import Redactor, cjk_spaced, shown_name, study_roster
from kit.discovery.repository import _first_date, _iso, _study_rows, _text, repository_paths, study_label

__all__ = ["DOC_COLUMNS", "StudyRows", "study_rows", "write_rows"]

#: The columns of ``docs`` after ``rowid`` and ``study``, in the order :class:`StudyRows` holds them.
DOC_COLUMNS = ("id", "interview_id", "kind", "participant", "date", "segment", "codes", "compound",
               "consent_quote", "context", "text", "named_context", "named_text")

_first, _second = itemgetter(0), itemgetter(1)


@dataclass
class StudyRows:
    """What one study writes into the index, as plain lists (picklable, no pandas):
    ``docs`` one list per :data:`DOC_COLUMNS` column, ``codes`` the ``doc_codes`` columns (each
    document as its position in ``docs``: the rowids are given when written; [] for none),
    ``interviews`` and ``people`` their tables' rows without the study, ``study`` the row of
    ``studies``."""

    label: str
    docs: list
    codes: list
    interviews: list
    people: list
    study: tuple

    def __len__(self) -> int:
        return len(self.docs[0])


def _columns(frame: pd.DataFrame, names) -> list[list]:
    """The columns ``names`` of ``frame`` as plain lists (None for a missing column): rows
    are built by zipping them, never with pandas element by element."""
    n = len(frame)
    return [frame[c].tolist() if c in frame.columns else [None] * n for c in names]


def study_rows(study, fingerprint: dict, label: str | None = None, people=None, key: bytes | None = None) -> StudyRows:
    """Everything one loaded study puts in the index (see :class:`StudyRows`). ``label``:
    the study's name in the index (:func:`kit.discovery.index_names.study_labels`);
    ``people``: the whole repository's roster, with which every stored field is
    pseudonymised (a name of another study's participant too); ``key``: the repository's key
    of the email hashes (none without it)."""
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
    scores = list(map(score_of.__getitem__, texts))
    languages = rows_of["languages"]
    if any(lang not in SENTIMENT_LANGUAGES for lang in set(languages)):
        scores = [x if lang in SENTIMENT_LANGUAGES else None for x, lang in zip(scores, languages)]
    position = dict(zip(sids, range(len(sids))))  # the last row of an id, as before
    docs = [red.ids(sids, seg["interview_id"]), red.column(seg["interview_id"]),
            *(seg[c] for c in ("kind", "participant", "date")), red.column(seg["segment"]),
            list(map(joined.get, sids, repeat(""))), scores, list(map(int, seg["consent_quote"])),
            *(list(map(table.__getitem__, column)) for table in (pseudo, named) for column in (contexts, texts))]
    # a manual coding may name a segment the study does not have: it is left out
    kept = codes if position.keys() >= set(map(_first, codes)) else [t for t in codes if t[0] in position]
    doc_codes = []
    if kept:
        coded, names, sources, counted = zip(*kept)
        doc_codes = [list(map(position.__getitem__, coded)), names, sources, list(map(int, counted))]
    attribute = study.segment_attribute
    # every text field redacted with the repository's roster, each distinct value once
    iids, days, whos, interviewers, takers, stages, segments, paths = _columns(study.interviews, (
        "interview_id", "date", "participant", "interviewer", "note_taker", "stage", attribute, "note_path"))
    paths = repository_paths(study.path, paths)  # attacker s13 A9
    interviews = list(zip(
        red.column(iids), map(_iso, days), [w or "" for w in whos], red.column(interviewers),
        red.column(takers), red.column(stages), red.column(map(_text, segments)), red.column(paths)))
    pids, emails, statuses, invited, scheduled, interviewed, segments = _columns(study.participants, (
        "id", "email", "status", "invited_on", "scheduled_on", "interviewed_on", attribute))
    people_rows = list(zip(
        [str(p or "") for p in pids], [email_hash(e, key) if key else "" for e in emails],
        red.column([str(x or "") for x in statuses]),
        map(_iso, invited), map(_iso, scheduled), map(_iso, interviewed), red.column(map(_text, segments))))
    problems = []
    if study.problems:
        from kit.outputs import redact_shown  # a message quotes values with repr: its escapes must not hide a name

        problems = [[redact_shown(shown_name(str(p.path), on_roster), on_roster), p.line,
                     redact_shown(shown_name(str(p.message)), on_roster), p.level] for p in study.problems]
    sprint = red(study.sprint) if study.sprint else label
    row = (label, sprint, red(shown_name(study.name)), _iso(_first_date(study)), json.dumps(fingerprint),
           len(study.errors), len(study.warnings), json.dumps(problems), datetime.now().isoformat(timespec="seconds"))
    return StudyRows(label, docs, doc_codes, interviews, people_rows, row)


def write_rows(con, rows: StudyRows, fts: bool = True) -> int:
    """Write one study's :class:`StudyRows` into the index after the documents already
    there; returns its number of documents. With ``fts=False`` the full-text tables are left
    for ``kit.discovery.index._fill_fts`` (a full build fills them once, from ``docs``,
    after every study)."""
    n = len(rows)
    start = (con.execute("SELECT COALESCE(MAX(rowid), 0) FROM docs").fetchone()[0] or 0) + 1
    rowids = range(start, start + n)
    con.executemany(f"INSERT INTO docs(rowid, study, {', '.join(DOC_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * (len(DOC_COLUMNS) + 2))})", zip(rowids, repeat(rows.label), *rows.docs))
    if fts:
        con.executemany("INSERT INTO docs_fts(rowid, text) VALUES (?, ?)", zip(rowids, rows.docs[10]))
        con.executemany("INSERT INTO named_fts(rowid, named_text) VALUES (?, ?)", zip(rowids, rows.docs[12]))
    if rows.codes:
        docs, names, sources, counted = rows.codes
        con.executemany("INSERT INTO doc_codes(doc, code, source, counted) VALUES (?,?,?,?)",
                        zip(map(start.__add__, docs), names, sources, counted))
    con.executemany("INSERT INTO interviews VALUES (?,?,?,?,?,?,?,?,?)",
                    ((rows.label, *r) for r in rows.interviews))
    con.executemany("INSERT INTO people VALUES (?,?,?,?,?,?,?,?)", ((rows.label, *r) for r in rows.people))
    con.execute("INSERT INTO studies VALUES (?,?,?,?,?,?,?,?,?)", rows.study)
    return n
