"""Discipline checks of continuous discovery, as located warnings.

The customer-interview template asks for a second person to take notes so the interviewer
can listen, for the participant's exact words in every note, and for interviews to keep
coming at a steady cadence. :func:`discipline_warnings` checks one study and
:func:`repository_discipline` every study of a repository (and the gaps between sprints).
Each finding is a :class:`~kit.errors.Problem` with level ``warning`` and the path and line of
the note to look at (or of study.yml for a cadence that has lapsed up to today), printed as
``path:line: warning: message``.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from kit.errors import Problem
from kit.schema import DEFAULT_CADENCE_DAYS, cadence_days

__all__ = ["DEFAULT_CADENCE_DAYS", "cadence_of", "discipline_warnings", "repository_discipline",
           "warnings_table"]

def cadence_of(study) -> float:
    """study.yml ``cadence_days`` (interviews are expected at least this often), default 7:
    :func:`kit.schema.cadence_days`, the one home of the rule."""
    return cadence_days(study)


def _canonical(study, name) -> str:
    aliases = {str(k).casefold(): str(v) for k, v in (study.config.get("aliases") or {}).items()}
    text = str(name or "").strip()
    return aliases.get(text.casefold(), text).casefold()


def _note_lines(path: str) -> tuple[dict, dict]:
    from kit.notes import parse_note

    try:
        note = parse_note(path)
    except Exception:  # pragma: no cover - parse_note reports problems instead of raising
        return {}, {}
    return dict(note.front_lines or {}), dict(note.headings or {})


def _where(iv) -> str:
    return iv.note_path or iv.transcript_path or ""


def _dated(study) -> list:
    iv = study.interviews
    rows = [r for r in iv.itertuples(index=False) if r.date is not None and not pd.isna(r.date)]
    return sorted(rows, key=lambda r: (r.date, r.interview_id))


def discipline_warnings(study, as_of=None) -> list[Problem]:
    """Warnings for one study (a path or a loaded study):

    * the interviewer also took the notes (``interviewer`` equals ``note_taker``);
    * a note has no key quotes;
    * more than ``cadence_days`` (study.yml, default 7) between two consecutive interviews;
    * with ``as_of`` (a date, e.g. today): no interview for more than ``cadence_days`` up to
      that date.
    """
    from kit.study import as_study

    study = as_study(study, strict=False)
    problems: list[Problem] = []
    quoted = set(study.quotes["interview_id"]) if len(study.quotes) else set()
    for iv in study.interviews.itertuples(index=False):
        if not iv.note_path:
            continue
        front, headings = _note_lines(iv.note_path)
        interviewer, taker = _canonical(study, iv.interviewer), _canonical(study, iv.note_taker)
        if interviewer and interviewer == taker:
            problems.append(Problem(iv.note_path, front.get("note_taker", front.get("interviewer", 1)),
                                    f"{iv.interview_id}: the interviewer ({iv.interviewer}) also took the notes: "
                                    "ask a second person to take notes so the interviewer can listen", "warning"))
        if iv.interview_id not in quoted:
            problems.append(Problem(iv.note_path, headings.get("quotes", front.get("id", 1)),
                                    f"{iv.interview_id}: the note has no key quotes: write down at least one of the "
                                    "participant's exact sentences while it is fresh", "warning"))
    problems += _gaps(study, _dated(study), cadence_of(study))
    if as_of is not None:
        problems += _lapsed(study, as_of)
    return sorted(problems, key=lambda p: (p.path, p.line, p.message))


def _gaps(study, dated, limit) -> list[Problem]:
    out = []
    for before, after in zip(dated, dated[1:]):
        days = (after.date - before.date).days
        if days <= limit:
            continue
        path = _where(after)
        line = _note_lines(path)[0].get("date", 1) if after.note_path else 0
        out.append(Problem(path or str(study.path), line,
                           f"{after.interview_id}: {days} days since the previous interview ({before.interview_id} "
                           f"on {before.date.isoformat()}): interviews stopped for longer than the cadence of "
                           f"{limit:g} days in study.yml", "warning"))
    return out


def _lapsed(study, as_of) -> list[Problem]:
    from kit.csvio import parse_date

    as_of = parse_date(as_of) if not isinstance(as_of, date) else as_of
    dated = _dated(study)
    limit = cadence_of(study)
    yml = Path(study.path) / "study.yml"
    line = 1
    if yml.exists():
        for n, text in enumerate(yml.read_text(encoding="utf-8-sig").splitlines(), start=1):
            if text.startswith("cadence_days"):
                line = n
                break
    if not dated:
        return []
    last = dated[-1]
    days = (as_of - last.date).days
    if days > limit:
        return [Problem(str(yml), line, f"no interview for {days} days (the last was {last.interview_id} on "
                                        f"{last.date.isoformat()}): the cadence in study.yml is every {limit:g} days",
                        "warning")]
    return []


def repository_discipline(studies, as_of=None) -> list[Problem]:
    """:func:`discipline_warnings` for every study of a repository (a path or a list of
    studies), plus the gaps between sprints: more days between the last interview of one
    study and the first of the next than the later study's cadence. With ``as_of`` only the
    latest study is checked for a lapsed cadence."""
    from kit.discovery.repository import load_studies

    studies = load_studies(studies)
    problems: list[Problem] = []
    for i, s in enumerate(studies):
        problems += discipline_warnings(s, as_of=as_of if i == len(studies) - 1 else None)
    for a, b in zip(studies, studies[1:]):
        da, db = _dated(a), _dated(b)
        if not da or not db:
            continue
        last, first = da[-1], db[0]
        days = (first.date - last.date).days
        limit = cadence_of(b)
        if days > limit:
            path = _where(first)
            line = _note_lines(path)[0].get("date", 1) if first.note_path else 0
            problems.append(Problem(path or str(b.path), line,
                                    f"{first.interview_id}: {days} days since the last interview of the previous "
                                    f"sprint ({last.interview_id} in {a.path.name} on {last.date.isoformat()}): "
                                    f"continuous discovery paused for longer than the cadence of {limit:g} days",
                                    "warning"))
    return problems


def warnings_table(problems, root=None) -> pd.DataFrame:
    """The warnings as a table (file, line, message), paths relative to ``root`` when given."""
    rows = []
    for p in problems:
        path = p.path
        if root is not None:
            try:
                path = str(Path(p.path).resolve().relative_to(Path(root).resolve()))
            except ValueError:
                path = Path(p.path).name
        rows.append({"file": path, "line": p.line, "level": p.level, "message": p.message})
    return pd.DataFrame(rows, columns=["file", "line", "level", "message"])
