"""Recruiting the next participants from a pool exported from a CRM or product analytics.

The pool is a CSV with one row per person: ``id`` and/or ``email`` (at least one of them per
row), optionally ``name``, the segment attributes the study uses (``segment``, ``region``,
...), and optionally ``last_contacted`` (a date) and ``opted_out`` (yes/no), each also read under
a CRM's usual names (:data:`OPT_OUT_COLUMNS`: ``declined``, ``do_not_contact``, ...;
:data:`CONTACT_COLUMNS`: ``last_interviewed``, ``last_invited``, ...). A column that looks like an
opt-out or contact column under another name stops recruiting with a problem naming it (fail
closed). Its columns are read by the roles of participants.csv's (:mod:`kit.column_roles`: ``Client
Name``, ``Client Email``; ``Client No`` a person's identifier that tells people apart, matched with
the same values in the studies' sheets). Other columns are ignored.

:func:`recruit` fills the study's open segment quotas (study.yml ``segments.quotas`` minus
the participants already ``completed``, ``scheduled`` or ``invited``) with people drawn at
random, reproducibly (``seed``), from the eligible part of the pool. A person is not
eligible when they:

* opted out (``opted_out`` in the pool, or an opt-out column of a study's participants.csv);
* withdrew from a study (status ``withdrawn``, or a withdrawal the repository remembers:
  :mod:`kit.consent_repository`), counted as ``withdrew`` and never named;
* declined an invitation to any study of the repository;
* are already listed in this study's participants.csv;
* were interviewed (participants.csv ``interviewed_on``, or a note's date) less than
  ``cooldown_days`` ago in any study of the repository ``repo``, were contacted
  (``last_contacted``) less than ``cooldown_days`` ago, or have an invitation still open
  (``invited``/``scheduled`` less than ``cooldown_days`` ago) in another study.

People are matched across studies by id or by email (case-insensitive). Each pick carries a
``reason`` ("fills quota trades (2 of 4 open)": the second of the four open trades places).
A dry run (the default) only shows the choice; ``dry_run=False`` appends the picks to the
study's participants.csv as ``invited`` with ``invited_on`` = today, keeping every existing
line as it was and writing the new rows in the file's own delimiter (comma, semicolon, tab:
:func:`kit.csvio.sniff_delimiter`), encoding, byte-order mark and line ends, to a temporary
file renamed into place; a header mixing delimiters, or a name the encoding cannot hold, is
refused (:class:`RecruitError`) with nothing written. It is the one command
that writes participants.csv. A person already known in the repository keeps their id; a
person without one gets the next free ``P-NNN``.
"""
from __future__ import annotations

import csv
import io
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from kit.atomic import atomic_write_bytes
from kit.csvio import _is_utf8 as _utf8, parse_date
from kit.errors import Problem, StudyError
from kit.schema import NO, PARTICIPANT_COLUMNS, SCREEN_COLUMNS
from kit.column_roles import CONTACT_COLUMNS, OPT_OUT_COLUMNS, TICKED, opt_out_columns, read_person_roles, unread_opt_outs
from kit.study_columns import WITHDRAWN, fold_column, fold_status, read_rows_folded

__all__ = ["CONTACT_COLUMNS", "DEFAULT_CHANNEL", "FALSE", "OPT_OUT_COLUMNS", "SCREEN_COLUMNS", "STANDARD_COLUMNS", "TAKEN", "TRUE", "Person", "Record",
           "RecruitError", "open_quotas", "read_pool", "recruit", "screen_pool", "unsafe_cells"]

#: Yes/no cells of a pool: the study's yes/no values (kit.schema), and a tick mark "x" for yes.
TRUE = set(TICKED)
FALSE = set(NO)
TAKEN = ("completed", "scheduled", "invited")
DEFAULT_CHANNEL = "pool"
POOL_COLUMNS = ("id", "email", "name", "last_contacted", "opted_out", "channel")  # a pool's own columns
# OPT_OUT_COLUMNS, CONTACT_COLUMNS: kit.column_roles, the one reader of column roles of participants.csv and a pool
STANDARD_COLUMNS = PARTICIPANT_COLUMNS  # kit.schema: participants.csv's standard columns
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PID = re.compile(r"^P-(\d+)$")


class RecruitError(StudyError):
    """The pool or the study cannot be used for recruiting; carries located problems."""


@dataclass
class Person:
    line: int
    id: str
    email: str
    name: str
    attrs: dict
    channel: str = ""
    last_contacted: date | None = None
    opted_out: bool = False
    idents: tuple = ()  # the values of its identifier columns (Client No), folded: matched across sheets


@dataclass
class Record:
    """Someone in a study's participants.csv (or named by one of its notes)."""

    study: str
    id: str
    email: str
    status: str
    invited_on: date | None = None
    interviewed: list = field(default_factory=list)
    idents: tuple = ()  # the values of the sheet's identifier columns (Client No), folded
    opted_out: bool = False  # a yes in one of the sheet's opt-out columns (kit.column_roles)


def _norm_email(value) -> str:
    return str(value or "").strip().casefold()


def _today(today) -> date:
    if today is None or (isinstance(today, str) and not today.strip()):
        return date.today()
    if isinstance(today, date):
        return today
    try:
        value = parse_date(today)
    except ValueError:
        raise ValueError(f"today {today!r} is not a date (YYYY-MM-DD)") from None
    return value


# -- the pool ------------------------------------------------------------------------------------
def read_pool(pool_csv, attribute: str) -> tuple[list[Person], list[Problem]]:
    """The people of a pool CSV and the problems found (errors for unusable rows,
    warnings for repeated people, who are kept once)."""
    path = Path(pool_csv)
    # Headers are read whatever their case and spacing (``Email``, ``Opted Out``, ``Segment``),
    # as participants.csv's are: a pool exported from a spreadsheet is the usual source.
    # (opt-out and contact columns are found by their folded header, and named as written)
    standard = tuple(dict.fromkeys(tuple(c for c in POOL_COLUMNS if c not in ("opted_out", "last_contacted"))
                                   + (fold_column(attribute),)))
    rows, columns, problems = read_rows_folded(path, standard)
    if columns:  # the roles participants.csv's columns are read by (Client Name, Client Email): newcomer s15 F11
        from kit.column_roles import read_roles as read_header_roles  # the header table

        rows, columns = read_header_roles(path, rows, columns, problems, only=("name", "email"))  # said alike
        rows, columns = read_person_roles(path, rows, columns, problems, sheet=False)
    if attribute != fold_column(attribute) and attribute not in columns and fold_column(attribute) in columns:
        columns = [attribute if c == fold_column(attribute) else c for c in columns]
        rows = [{(attribute if k == fold_column(attribute) else k): v for k, v in row.items()} for row in rows]
    src = str(path)
    if not columns:
        return [], problems
    opt_cols = opt_out_columns(columns)
    contact_cols = [c for c in columns if fold_column(c) in CONTACT_COLUMNS]
    odd = [c for c in unread_opt_outs(columns) if c not in contact_cols and c != attribute and c not in POOL_COLUMNS]
    ident_cols = [c for c in _ident_columns(columns) if c != attribute]
    for col in ident_cols:
        problems.append(Problem(src, 1, f"column {col!r} is read as the people's identifier (its header names an "
                                "identifier): it tells people apart and is matched with the same values in the "
                                "studies' participants.csv; it is not the study's id (a person picked gets a "
                                "P-NNN) and its values are never printed", "warning"))
    if odd:  # fail closed: a column the kit cannot read may say who must not be invited
        problems.append(Problem(src, 1, f"{'columns' if len(odd) > 1 else 'column'} {', '.join(repr(c) for c in odd)} "
                                "look like opt-out or contact columns but the kit does not read them: rename "
                                "one saying who must not be invited to `opted_out` (yes/no), one holding the date "
                                "of the last contact to `last_contacted`, or remove it from the pool; nobody "
                                "is invited until then"))
    if "id" not in columns and "email" not in columns and not ident_cols:
        problems.append(Problem(src, 1, "the pool needs an `id` or an `email` column to tell people apart (or a "
                                "header naming an email: `Client Email`, `E-mail`; or a person's identifier: "
                                f"`Client No`, `Customer ID`, `Member number`); the header has: {', '.join(columns)}"))
    if attribute not in columns:
        problems.append(Problem(src, 1, f"no `{attribute}` column: study.yml segments.attribute groups participants "
                                        f"by {attribute!r}, so the pool must say each person's {attribute}"))
    if any(p.is_error for p in problems):
        return [], problems
    people: list[Person] = []
    seen: dict[str, int] = {}
    for row in rows:
        line = row["_line"]
        pid, email = row.get("id", ""), row.get("email", "")
        idents = tuple(dict.fromkeys(_fold_ident(row.get(c)) for c in ident_cols if _fold_ident(row.get(c))))
        if not pid and not email and not idents:
            problems.append(Problem(src, line, "a person needs an id or an email" + (" or an identifier" if ident_cols
                                                                                       else "")))
            continue
        ok = True
        unsafe = unsafe_cells(row, columns)
        if unsafe:
            problems.append(Problem(src, line, f"{unsafe}: a spreadsheet would run or split it, so this row "
                                    "is not added to the study (a cell may not start with = + - @, a tab "
                                    "or a carriage return, nor hold a line break): fix the pool"))
            continue
        if email and not _EMAIL.match(email):
            problems.append(Problem(src, line, f"email {email!r} is not an email address"))
            ok = False
        contacted = None
        for col in contact_cols:  # the latest of every contact column
            try:
                when = parse_date(row.get(col))
            except ValueError:
                problems.append(Problem(src, line, f"{col} {row.get(col)!r} is not a date (YYYY-MM-DD)"))
                ok = False
                continue
            contacted = max(contacted, when) if contacted and when else contacted or when
        opted = False
        for col in opt_cols:  # a yes in any opt-out column
            said = row.get(col, "").strip().casefold()
            if said not in TRUE | FALSE:
                problems.append(Problem(src, line, f"{col} must be yes or no, not {row.get(col)!r}"))
                ok = False
            opted = opted or said in TRUE
        if not row.get(attribute, ""):
            problems.append(Problem(src, line, f"no {attribute}: the person cannot fill a quota", "warning"))
        if not ok:
            continue
        keys = [k for k in (f"id:{pid}" if pid else "", f"email:{_norm_email(email)}" if email else "") if k] + \
            [f"ident:{v}" for v in idents]
        first = next((seen[k] for k in keys if k in seen), None)
        if first is not None:
            problems.append(Problem(src, line, f"the same person as on line {first} (same id or email): kept once",
                                    "warning"))
            continue
        for k in keys:
            seen[k] = line
        attrs = {c: row.get(c, "") for c in columns if c not in POOL_COLUMNS + tuple(opt_cols + contact_cols)}
        people.append(Person(line, pid, email, row.get("name", ""), attrs, row.get("channel", ""), contacted, opted,
                             idents))
    return people, problems


def _ident_columns(columns) -> list[str]:
    """The columns holding a person's identifier (``Client No``, ``Customer ID``: the rule that
    redacts them as ``[id]`` in a study, :func:`kit.privacy_columns.id_columns`)."""
    from kit.privacy_columns import id_columns

    return [c for c in id_columns(columns) if c not in POOL_COLUMNS]


def _fold_ident(value) -> str:
    return re.sub(r"[\s\-./]+", "", str(value or "")).casefold()


# digits, spaces and + - ( ) . / only ("+44 20 7946 0958"): a spreadsheet may compute it, but it can
# call nothing, so it is not reported (session 10: a sheet's phone numbers gave 1,000 warnings)
_DIGITS_ONLY = re.compile(r"[+\-]?[\d\s().+\-/]*\d[\d\s().+\-/]*\Z")


def unsafe_cells(row: dict, columns) -> str:
    """Which cells of a CSV row a spreadsheet would execute (a formula: starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return, as :func:`kit.safety.neutralise_cell`
    decides; plain numbers such as ``-0.42`` are fine) or that hold a line break; ``""`` when
    none. The one rule for cells copied into a study (``recruit --apply``, which refuses the
    person rather than changing an id or an email) and checked there (``check``). Values are
    not echoed (they may be names): ``"a formula in id, channel and a line break in name"``."""
    from kit.safety import neutralise_cell

    formulas, breaks = [], []
    for column in columns:
        value = row.get(column, "")
        if not isinstance(value, str) or not value:
            continue
        if "\n" in value or "\r" in value:
            breaks.append(column)
        elif neutralise_cell(value) != value and not _DIGITS_ONLY.match(value):
            formulas.append(column)
    found = ([f"a formula in {', '.join(formulas)}"] if formulas else []) + \
        ([f"a line break in {', '.join(breaks)}"] if breaks else [])
    return " and ".join(found)


# -- who has been contacted before -----------------------------------------------------------------
def _records(study) -> list[Record]:
    from kit.repository import study_label

    label = study_label(study)
    p = study.participants
    out: dict[str, Record] = {}
    idents = [c for c in _ident_columns(p.columns)] if len(p) else []
    opted = opt_out_columns(p.columns) if len(p) else []
    for row in p.to_dict("records") if len(p) else []:
        pid = str(row.get("id") or "")
        interviewed = [row["interviewed_on"]] if row.get("interviewed_on") else []
        status = str(row.get("status") or "")
        out[pid] = Record(label, pid, _norm_email(row.get("email")), fold_status(status) or status,
                          row.get("invited_on") or None, interviewed,
                          tuple(v for v in (_fold_ident(row.get(c)) for c in idents) if v),
                          any(str(row.get(c) or "").strip().casefold() in TICKED for c in opted))
    for iv in study.interviews.itertuples(index=False):
        if not iv.participant or iv.date is None or pd.isna(iv.date):
            continue
        rec = out.setdefault(iv.participant, Record(label, iv.participant, "", "completed"))
        rec.interviewed.append(iv.date)
    return list(out.values())


def _history(study, repo) -> list[Record]:
    from kit.repository import find_studies
    from kit.study import load_study

    records = _records(study)
    if repo is not None:
        mine = Path(study.path).resolve()
        for folder in find_studies(repo):
            if folder.resolve() != mine:
                records += _records(load_study(folder, strict=False))
    return _remembered(records, Path(repo) if repo is not None else Path(study.path).parent)


def _remembered(records: list[Record], repo: Path) -> list[Record]:
    """``records`` with the withdrawals the repository remembers (a study's sheet said no and the
    study was archived or deleted since: :func:`kit.consent_repository.remembered_withdrawals`)
    read as withdrawn, and one more record for each such person no sheet lists any more."""
    from kit.consent_repository import WITHDRAWN_FILE, _read_withdrawn
    from kit.discovery.repository import INDEX_DIR

    gone = {(r["study"], r["participant"]) for r in _read_withdrawn(repo / INDEX_DIR)} \
        if (repo / INDEX_DIR / WITHDRAWN_FILE).is_file() else set()
    for record in records:
        if (record.study, record.id) in gone:
            record.status = WITHDRAWN
    known = {(r.study, r.id) for r in records}
    return records + [Record(study, pid, "", WITHDRAWN) for study, pid in sorted(gone - known)]


def open_quotas(study) -> pd.DataFrame:
    """Per segment of study.yml ``segments.quotas``: the quota, the participants already
    taking a place (completed, scheduled or invited) and the places still open."""
    quotas = (study.config.get("segments") or {}).get("quotas") or {}
    attribute = study.segment_attribute
    p = study.participants
    taken = {}
    if len(p) and attribute in p:
        busy = p[p["status"].isin(TAKEN)]
        taken = busy[attribute].astype(str).str.strip().str.casefold().value_counts().to_dict()
    rows = []
    for seg, quota in quotas.items() if isinstance(quotas, dict) else []:
        if not isinstance(quota, int) or isinstance(quota, bool):
            continue
        t = int(taken.get(str(seg).casefold(), 0))
        rows.append({"segment": str(seg), "quota": quota, "taken": t, "open": max(quota - t, 0)})
    return pd.DataFrame(rows, columns=["segment", "quota", "taken", "open"])




def _screen(people, records, study, cooldown_days: int, today: date, attribute: str):
    by_id: dict[str, list[Record]] = {}
    by_email: dict[str, list[Record]] = {}
    by_ident: dict[str, list[Record]] = {}
    for r in records:
        if r.id:
            by_id.setdefault(r.id, []).append(r)
        if r.email:
            by_email.setdefault(r.email, []).append(r)
        for value in r.idents:
            by_ident.setdefault(value, []).append(r)
    from kit.repository import study_label

    here = study_label(study)
    quotas = {s.casefold() for s in open_quotas(study)["segment"]}
    since = today - timedelta(days=cooldown_days)
    rows, problems = [], []
    for person in people:
        mine = list(by_id.get(person.id, [])) if person.id else []
        mine += [r for r in by_email.get(_norm_email(person.email), []) if r not in mine] if person.email else []
        mine += [r for v in person.idents for r in by_ident.get(v, []) if r not in mine]
        if person.id and person.email:
            for r in mine:
                if r.id == person.id and r.email and r.email != _norm_email(person.email):
                    problems.append(Problem("", person.line, f"id {person.id} belongs to another email in {r.study}'s "
                                                             "participants.csv: fix the id or the email"))
        known = next((r.id for r in mine if r.id), "")
        segment = str(person.attrs.get(attribute, "")).strip()
        last_interview = max((d for r in mine for d in r.interviewed), default=None)
        declined = [r for r in mine if r.status == "declined"]
        withdrew = [r for r in mine if r.status == WITHDRAWN]
        pending = [r for r in mine if r.status in ("invited", "scheduled") and r.study != here
                   and (r.invited_on is None or r.invited_on > since)]
        rule, reason = "", ""
        if person.opted_out or any(r.opted_out for r in mine):
            rule, reason = "opted out", "opted out" if person.opted_out else \
                f"opted out in {next(r.study for r in mine if r.opted_out)}'s participants.csv"
        elif withdrew:  # withdrew from a study (its sheet, or the repository's memory): never asked again
            rule, reason = "withdrew", f"withdrew from {withdrew[0].study}"
        elif declined:
            rule, reason = "declined before", f"declined an invitation to {declined[0].study}"
        elif any(r.study == here for r in mine):
            status = next(r.status for r in mine if r.study == here)
            rule, reason = "already listed", f"already in participants.csv ({status or 'no status'})"
        elif last_interview is not None and last_interview > since:
            rule = "interviewed recently"
            reason = (f"interviewed on {last_interview.isoformat()}, {(today - last_interview).days} days ago "
                      f"(cooldown {cooldown_days} days)")
        elif person.last_contacted is not None and person.last_contacted > since:
            rule = "contacted recently"
            reason = (f"contacted on {person.last_contacted.isoformat()}, {(today - person.last_contacted).days} "
                      f"days ago (cooldown {cooldown_days} days)")
        elif pending:
            rule, reason = "invited elsewhere", f"already invited to {pending[0].study}"
        elif not segment:
            rule, reason = f"no {attribute}", f"no {attribute}"
        elif segment.casefold() not in quotas:
            rule, reason = "no quota", f"no quota for {attribute} {segment!r} in study.yml"
        rows.append({"pool_line": person.line, "id": person.id, "known_as": known, "segment": segment,
                     "eligible": not rule, "rule": rule or "eligible", "reason": reason or "eligible",
                     "_person": person})
    return rows, problems


def screen_pool(pool_csv, study_dir, cooldown_days: int = 90, repo=None, today=None) -> pd.DataFrame:
    """Every person of the pool with whether they may be invited and, if not, why
    (columns pool_line, id, known_as (their id in the repository), segment, eligible,
    reason). Raises :class:`RecruitError` for a pool or study that cannot be used."""
    rows, _, _, _ = _prepare(pool_csv, study_dir, cooldown_days, repo, today)
    return pd.DataFrame([{k: v for k, v in r.items() if k != "_person"} for r in rows], columns=SCREEN_COLUMNS)


def _prepare(pool_csv, study_dir, cooldown_days, repo, today):
    from kit.study import as_study

    if not isinstance(cooldown_days, int) or isinstance(cooldown_days, bool) or cooldown_days < 0:
        raise ValueError(f"cooldown_days must be a whole number of days >= 0, not {cooldown_days!r}")
    pool = Path(pool_csv)
    if not pool.is_file():
        raise FileNotFoundError(f"{pool}: no such pool file")
    study = as_study(study_dir, strict=False)
    fatal = [p for p in study.errors if Path(p.path).name in ("participants.csv", "study.yml")]
    if fatal:
        raise RecruitError(fatal)
    quotas = (study.config.get("segments") or {}).get("quotas")
    if not quotas:
        raise RecruitError([Problem(str(Path(study.path) / "study.yml"), 1,
                                    "no segments.quotas in study.yml: recruiting fills the quota of each segment, "
                                    "e.g. segments: {attribute: segment, quotas: {trades: 6, agency: 6}}")])
    today = _today(today)
    people, problems = read_pool(pool, study.segment_attribute)
    records = _history(study, repo)
    rows, more = _screen(people, records, study, cooldown_days, today, study.segment_attribute)
    problems += [Problem(str(pool), p.line, p.message, p.level) for p in more]
    errors = [p for p in problems if p.is_error]
    if errors:
        raise RecruitError(sorted(errors, key=lambda p: p.line))
    return rows, study, today, (records, [p for p in problems if not p.is_error])


# -- picking ---------------------------------------------------------------------------------------
def _next_ids(records, study, count: int) -> list[str]:
    ids = {r.id for r in records} | set(study.participants.get("id", []))
    numbers = [int(m.group(1)) for m in map(_PID.match, ids) if m]
    width = max([3] + [len(m.group(1)) for m in map(_PID.match, ids) if m])
    start = max(numbers, default=0) + 1
    return [f"P-{n:0{width}d}" for n in range(start, start + count)]


def recruit(pool_csv, study_dir, n, seed=0, cooldown_days=90, repo=None, today=None, dry_run=True) -> pd.DataFrame:
    """Pick up to ``n`` people from the pool to fill the study's open quotas (see the
    module's documentation for who is eligible). Returns one row per pick: id, name, email,
    the segment attributes, channel, status (``invited``), invited_on, reason, pool_line.
    ``attrs``: ``open`` (the quota table before picking), ``screened`` (every pool row with
    its reason), ``warnings`` (located problems that did not stop the run), ``written`` (the
    participants.csv path, or None for a dry run).

    The picks are random but reproducible: the same pool, study, ``seed`` and ``today``
    give the same people, in a dry run and when applied. Slots go first to the segment
    with the most open places (ties in the order of study.yml), one at a time."""
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a whole number >= 1, not {n!r}")
    rows, study, today, (records, warnings) = _prepare(pool_csv, study_dir, cooldown_days, repo, today)
    attribute = study.segment_attribute
    quotas = open_quotas(study)
    rng = random.Random(seed)
    candidates: dict[str, list] = {}
    for seg in quotas["segment"]:
        group = sorted((r for r in rows if r["eligible"] and r["segment"].casefold() == seg.casefold()),
                       key=lambda r: r["pool_line"])
        rng.shuffle(group)
        candidates[seg] = group
    remaining = dict(zip(quotas["segment"], quotas["open"]))
    opened = dict(remaining)
    order = {seg: i for i, seg in enumerate(quotas["segment"])}
    picks = []
    while len(picks) < n:
        ready = [s for s in remaining if remaining[s] > 0 and candidates[s]]
        if not ready:
            break
        seg = min(ready, key=lambda s: (-remaining[s], order[s]))
        row = candidates[seg].pop(0)
        remaining[seg] -= 1
        filled = opened[seg] - remaining[seg]
        picks.append((seg, row, f"fills quota {seg} ({filled} of {opened[seg]} open)"))
    new_ids = iter(_next_ids(records, study, len(picks)))
    header = _header(study)
    roles, combined = _sheet_roles(study, header)  # the sheet's name and email columns, as `check` reads them
    out = []
    for seg, row, reason in picks:
        person = row["_person"]
        pid = person.id or row["known_as"] or next(new_ids)
        rec = {"id": pid, "name": person.name, "email": person.email}
        for col, value in person.attrs.items():
            if col in header or col == attribute:
                rec[col] = value
        rec.update({col: rec[role] for col, role in roles.items() if role in ("name", "email") and col != role})
        rec[attribute] = person.attrs.get(attribute, seg)
        rec.update(channel=person.channel or DEFAULT_CHANNEL, status="invited", invited_on=today.isoformat(),
                   reason=reason, pool_line=person.line)
        out.append(rec)
    columns = ["id", "name", "email"] + [c for c in header if c not in STANDARD_COLUMNS] + \
        [attribute] + ["channel", "status", "invited_on", "reason", "pool_line"]
    columns = list(dict.fromkeys(columns))
    table = pd.DataFrame([{c: rec.get(c, "") for c in columns} for rec in out], columns=columns)
    table.attrs.update(open=quotas, warnings=warnings, written=None, attribute=attribute, asked=n,
                       capped=_capped_reason(n, len(picks), opened, remaining),
                       screened=pd.DataFrame([{k: v for k, v in r.items() if k != "_person"} for r in rows],
                                             columns=SCREEN_COLUMNS))
    table.attrs["roles"] = roles
    if not dry_run and len(table):
        if combined:  # First Name + Last Name: a whole name has no one column to go to (fail closed)
            raise RecruitError([Problem(str(Path(study.path) / "participants.csv"), 1, f"the sheet's {combined} "
                                        "is read from several columns together: `recruit` cannot tell which part of "
                                        f"a picked person's {combined} goes where; add a '{combined}' column and "
                                        "recruit again. Nothing was written")])
        table.attrs["written"] = _append(study, table)
    return table


def _sheet_roles(study, header: list) -> tuple[dict, str]:
    """``({column as written: role}, combined)``: participants.csv's columns that `check` reads as
    the participant's ``name`` and ``email`` (:func:`kit.study_columns.read_participant_rows`: a
    Welsh ``Enw``, ``e-bost``, a CRM's ``Client Name``, a column of names under any header), so a
    picked person's name and email are written where they are read (newcomer s17 F15: under
    ``Enw``/``e-bost`` both were left empty); ``combined`` names a role read only from several
    columns together (``First Name`` + ``Last Name``), or is ""."""
    from kit.study_columns import read_participant_rows

    path = Path(study.path) / "participants.csv"
    if not path.exists():
        return {}, ""
    columns = read_participant_rows(path)[1]  # (an empty sheet: no column read as anything)
    roles = {col: role for col, role in zip(header, columns) if role in ("name", "email") and col != role}
    written = set(roles.values()) | {c for c in header if c in ("name", "email")}
    combined = next((role for role in ("name", "email") if role in columns and role not in written), "")
    return roles, combined


def _capped_reason(asked: int, picked: int, opened: dict, remaining: dict) -> str:
    """Why fewer people were picked than asked for ("" when not): every open place is
    filled, or the pool has nobody eligible left for the places still open."""
    if picked >= asked:
        return ""
    total = sum(int(v) for v in opened.values())
    if not any(v > 0 for v in remaining.values()):
        why = f"the study has only {total} open place{'s' if total != 1 else ''} (quotas in study.yml)"
    else:
        why = ("the pool has nobody eligible left for the places still open: "
               + ", ".join(f"{seg} {left}" for seg, left in remaining.items() if left > 0))
    return f"picked {picked} of the {asked} asked for (--n {asked}): capped because {why}"


# -- writing participants.csv ----------------------------------------------------------------------
@dataclass
class _Layout:
    """How participants.csv is written, so an append matches it: its delimiter (comma,
    semicolon or tab, as :func:`kit.csvio.sniff_delimiter` reads it), encoding, byte-order
    mark and line end; ``header`` its columns, ``text`` the decoded text, ``raw`` the bytes."""

    path: Path
    raw: bytes = b""
    text: str = ""
    delimiter: str = ","
    encoding: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"
    header: list = field(default_factory=list)
    first_line: str = ""
    declaration: str = ""  # Excel's "sep=;" line before the header, kept as it is


def _layout(path: Path) -> _Layout:
    """The layout of an existing participants.csv, read through the kit's one reading and
    decoding home (:mod:`kit.csvio`); :class:`RecruitError` when it cannot be read or its
    header mixes delimiters (an earlier append in another delimiter), so nothing is written."""
    import codecs

    from kit.csvio import _SEP_LINE, decode_text, read_bytes, sniff_delimiter

    raw, problems = read_bytes(path)
    text = None
    if raw is not None:
        text, problems = decode_text(raw, str(path))
    if text is None:
        raise RecruitError(problems)
    text = text.lstrip("\ufeff")
    boms = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF8, "utf-8"))
    bom, encoding = next(((b, e) for b, e in boms if raw.startswith(b)), (b"", ""))
    if not encoding:
        try:
            raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:  # Excel's Windows code page (the one read); a file mixing both lines gets UTF-8 rows
            from kit.codepages import code_page

            encoding = "utf-8" if any(not line.isascii() and _utf8(line) for line in raw.split(b"\n")) \
                else code_page([line for line in raw.split(b"\n") if not _utf8(line)])
    # the line ends between rows, not those inside a quoted cell (a note of two lines)
    # (the file as written: the text read above has its line ends made "\n")
    between = re.sub(r'"(?:[^"]|"")*"', "", raw[len(bom):].decode(encoding or "utf-8", errors="replace"))
    if "\r\n" in between:
        newline = "\r\n"
    elif "\r" in between and "\n" not in between:
        newline = "\r"
    else:
        newline = "\n"
    layout = _Layout(path, raw, text, encoding=encoding, bom=bom, newline=newline)
    if not text.strip():
        return layout
    declared = _SEP_LINE.match(text)  # Excel's "sep=;" line: the delimiter it names, the header after it
    layout.declaration = declared.group() if declared else ""
    layout.delimiter = declared.group(1) if declared else sniff_delimiter(text[len(layout.declaration):])
    layout.first_line = text[len(layout.declaration):].split("\n", 1)[0]
    first = next(csv.reader(io.StringIO(layout.first_line), delimiter=layout.delimiter), [])
    layout.header = [h.strip().lstrip("\ufeff") for h in first]
    others = [d for d in ",;\t" if d != layout.delimiter and any(d in h for h in layout.header)]
    if others:
        names = {",": "comma", ";": "semicolon", "\t": "tab"}
        raise RecruitError([Problem(str(path), 1, f"the header mixes delimiters ({names[layout.delimiter]} and "
                                    f"{', '.join(names[d] for d in others)}): an earlier edit or append used "
                                    "another delimiter; fix the header (and the rows added with it) so every "
                                    "line uses one delimiter, then recruit again. Nothing was written")])
    return layout


def _header(study) -> list[str]:
    path = Path(study.path) / "participants.csv"
    if path.exists():
        header = _layout(path).header
        if header:
            return header
    attrs = list((study.config.get("segments") or {}).get("attributes") or [study.segment_attribute])
    if study.segment_attribute not in attrs:
        attrs.insert(0, study.segment_attribute)
    return ["id", "name", "email"] + attrs + STANDARD_COLUMNS[3:]


def _line(values, layout: _Layout) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=layout.delimiter, lineterminator=layout.newline).writerow(values)
    return buffer.getvalue()


def _encode(text: str, layout: _Layout, what: str) -> bytes:
    try:
        return text.encode(layout.encoding)
    except UnicodeEncodeError:
        raise RecruitError([Problem(str(layout.path), 0, f"{what} cannot be written in participants.csv's "
                                    f"encoding ({layout.encoding}): save participants.csv as UTF-8 and "
                                    "recruit again. Nothing was written")]) from None


def _prefix(layout: _Layout, header: list, missing: list) -> bytes:
    """The bytes of participants.csv kept before the appended rows: the file as it was,
    its header extended by ``missing`` columns (an older file), ending with a line end."""
    if not layout.text.strip() or layout.text.strip() == layout.declaration.strip():
        return layout.bom + _encode(layout.declaration.replace("\n", layout.newline) + _line(header + missing, layout),
                                    layout, "the header")
    body = layout.raw[len(layout.bom):]
    if missing:  # an older participants.csv: extend the header, older rows read the new columns as empty
        extra = layout.delimiter + layout.delimiter.join(missing)
        first = layout.first_line + extra
        if layout.encoding.startswith("utf-16"):
            rest = layout.text[len(layout.declaration) + len(layout.first_line):].replace("\n", layout.newline)
            body = _encode(layout.declaration.replace("\n", layout.newline) + first + rest, layout, "the header")
        else:
            start = len(_encode(layout.declaration, layout, "the header")) if layout.declaration else 0
            if layout.declaration and layout.newline == "\r\n" and not layout.declaration.endswith("\r\n"):
                start += 1  # the declaration's line end was read as "\n"
            ends = [i for i in (body.find(b"\r", start), body.find(b"\n", start)) if i >= 0]
            cut = min(ends, default=len(body))
            body = body[:cut].rstrip() + _encode(extra, layout, "the header") + body[cut:]
    if not layout.text.endswith("\n"):
        body += _encode(layout.newline, layout, "a line end")
    return layout.bom + body


def _append(study, table: pd.DataFrame) -> Path:
    """Append the picks to participants.csv in the file's own delimiter, encoding, byte-order
    mark and line ends, every existing byte kept; atomically, and only when the file did not
    change since it was read."""
    from kit.csvio import read_bytes

    path = Path(study.path) / "participants.csv"
    layout = _layout(path) if path.exists() else _Layout(path)
    header = layout.header or _header(study)
    missing = [c for c in ("status", "invited_on") if c not in header]
    prefix = _prefix(layout, header if layout.header else [], missing if layout.header else header)
    header = header + missing if layout.header else header
    values = {"consent_record": "no", "consent_quote": "no"}
    rows = "".join(_line([str(rec.get(col, values.get(col, "")) or values.get(col, "")) for col in header], layout)
                   for rec in table.to_dict("records"))
    data = prefix + _encode(rows, layout, "a picked person's row")
    current = (read_bytes(path)[0] or b"") if path.exists() else b""
    if current != layout.raw:
        raise RecruitError([Problem(str(path), 0, "participants.csv changed while recruiting: nothing was written; "
                                                  "run the command again")])
    atomic_write_bytes(path, data)
    return path


def __getattr__(name):
    """``recruit_command`` moved to :mod:`kit.cli.recruit` (the command's front-end); this
    module re-exports it for one release."""
    if name == "recruit_command":
        from kit.cli.recruit import recruit_command

        return recruit_command
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
