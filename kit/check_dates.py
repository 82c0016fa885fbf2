"""What ``check`` says about interview dates the two places that hold them disagree on.

An interview's date is in two places: its note's ``date:`` (what the report reads: the
sample period, the cadence, the days from interview to decision) and the participant's row
of participants.csv (``invited_on``, ``interviewed_on``). A typo in either (``2026-10-01`` for
``2026-11-10``, the year ``2027``) passed unseen (newcomer F23): :func:`date_problems` warns

- at a note's ``date:`` line when it differs from its participant's ``interviewed_on`` (and
  no other note of theirs has that date: a second interview keeps the sheet's first), or is
  before their ``invited_on``;
- at a note's ``date:`` line, or a completed participant's row, dated more than
  :data:`AHEAD_DAYS` after today (a completed interview cannot be in the future; a few days
  ahead is more often a note prepared for an interview soon, a year ahead a typo in the
  year; a note's date more than a year ahead is already a problem of the note's own, not
  repeated).

Warnings, not errors: the kit cannot tell which of the two is right, and says which one the
report uses. :func:`decision_problems`: a decision citing an interview held after its date is a
warning at its decisions.csv line (`check`; `run` prints it as a note), as docs/study-format.md
says (newcomer s17 F1: only the report and a drafts.csv row said so).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from kit.errors import Problem

__all__ = ["AHEAD_DAYS", "date_problems", "decision_problems", "key_line"]

#: A date more than this many days after today is no completed interview's.
AHEAD_DAYS = 31


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def key_line(path, key: str) -> int:
    """The line of a note's front-matter ``key`` (1 when it cannot be found)."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            for n, line in enumerate(handle, start=1):
                if re.match(rf"^{re.escape(key)}\s*:", line):
                    return n
    except OSError:
        pass
    return 1


def date_problems(study, today: dt.date | None = None) -> list[Problem]:
    """The warnings described in the module docstring for a loaded ``study``."""
    from kit.notes_text import far_date

    today = today or dt.date.today()
    ahead = today + dt.timedelta(days=AHEAD_DAYS)
    people = study.participants
    notes = study.interviews
    if not len(notes) or "date" not in notes.columns:
        return []
    sheet = Path(study.path) / "participants.csv"
    rows = {}
    if len(people) and "id" in people.columns:
        for _, row in people.iterrows():
            rows.setdefault(str(row["id"]).strip(), row)
    out = []
    dated = []  # (note path, date, participant ids)
    for _, note in notes.iterrows():
        day, path = _as_date(note.get("date")), note.get("note_path")
        if day is None or not isinstance(path, str) or not path:
            continue
        ids = [p for p in re.split(r"[,;|\s]+", str(note.get("participant") or "")) if p in rows]
        dated.append((path, day, ids))
    days_of: dict = {}
    for _, day, ids in dated:
        for pid in ids:
            days_of.setdefault(pid, set()).add(day)
    for path, day, ids in dated:
        line = key_line(path, "date")
        if day > ahead and far_date(day) is None:
            out.append(Problem(path, line, f"the interview is dated {day}, {(day - today).days} days after today "
                                           f"({today}): a completed interview cannot be in the future; check the "
                                           "year", "warning"))
        for pid in ids:
            row = rows[pid]
            where = f"participants.csv:{int(row['line'])}" if str(row.get("line", "")).isdigit() else "participants.csv"
            held = _as_date(row.get("interviewed_on"))
            invited = _as_date(row.get("invited_on"))
            if held is not None and held != day and held not in days_of.get(pid, ()):
                out.append(Problem(path, line, f"the note's date {day} differs from {pid}'s interviewed_on {held} "
                                               f"({where}): the report uses the note's date (sample period, "
                                               "cadence, days to a decision); put the right date in both",
                                   "warning"))
            if invited is not None and day < invited:
                out.append(Problem(path, line, f"the interview is dated {day}, before {pid} was invited "
                                               f"(invited_on {invited}, {where}): check the date", "warning"))
    if len(people) and {"interviewed_on", "status"} <= set(people.columns):
        for _, row in people.iterrows():
            held = _as_date(row.get("interviewed_on"))
            if held is not None and held > ahead and str(row.get("status") or "").strip().lower() == "completed":
                line = int(row["line"]) if str(row.get("line", "")).isdigit() else 1
                out.append(Problem(str(sheet), line, f"interviewed_on {held} is {(held - today).days} days after "
                                                     f"today ({today}) for a completed interview: check the year", "warning"))
    return out


def decision_problems(study, level: str = "warning") -> list[Problem]:
    """One located problem (``decisions.csv:line``) per decision that cites an interview held after
    the decision's date (:func:`kit.roi.later_evidence`): that interview cannot have informed it, so
    the report leaves the decision out of the value and the ROI, and no draft credits it."""
    from kit.roi import later_evidence

    decisions = getattr(study, "decisions", None)
    if decisions is None or not len(decisions) or not len(getattr(study, "interviews", ())):
        return []
    later = later_evidence(study)
    if not len(later):
        return []
    lines = dict(zip(decisions["id"].astype(str), decisions["line"])) if "line" in decisions else {}
    path = str(Path(study.path) / "decisions.csv")
    cited: dict = {}
    for row in later.itertuples(index=False):
        cited.setdefault(str(row.decision_id), []).append(f"{row.interview_id} (held {row.interview_date}, "
                                                          f"{row.days_after} day(s) after)")
    out = []
    for decision, what in cited.items():
        line = lines.get(decision)
        line = int(line) if str(line).isdigit() else 1
        out.append(Problem(path, line, f"decision {decision} cites {', '.join(what)}: an interview held after the "
                                       "decision cannot have informed it, so the report leaves the decision out of "
                                       "the value and the ROI and no draft credits it; check its date and evidence",
                           level))
    return out
