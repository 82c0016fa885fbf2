"""Checks of the rows of codings/*.csv that need the study (newcomer s15 F9, F15), split out of
:mod:`kit.study` (at its line limit).

- A coding file whose header lacks ``segment`` or ``code`` (a Portuguese ``segmento,código``)
  used to give the header's error and then one "a coding needs both a segment and a code" per
  row, though every row had both: the header's error now says which rows are not read because of
  it, and the rows add nothing (:func:`unread_rows`).
- A coding of a turn that counts for no participant (the interviewer's question, a third
  speaker's turn: a first-time coder miscounting turns) was kept and then in no table, without a
  word: a located warning at the coding's line (:func:`coding_of_nobody`).
"""
from __future__ import annotations

from kit.errors import Problem

__all__ = ["coding_of_nobody", "unread_rows"]


def unread_rows(path, rows, columns, problems) -> tuple[list, list]:
    """``(rows, problems)`` of one coding file: no rows when its header lacks ``segment`` or
    ``code``, the header's error then naming the lines not read."""
    if not rows or ("segment" in columns and "code" in columns):
        return rows, problems
    lines = [int(r.get("_line") or 0) for r in rows]
    span = f"line {lines[0]}" if len(lines) == 1 else f"lines {lines[0]}-{lines[-1]}"
    said = []
    for problem in problems:
        if problem.line <= 1 and problem.is_error and problem.message.startswith("missing column(s):"):
            problem = Problem(problem.path, problem.line, f"{problem.message}: its rows ({span}) are not read "
                              "because of it; head the columns segment,code,coder,memo", problem.level)
        said.append(problem)
    return [], said


def _nobody_turns(study) -> dict:
    """``{segment id: whose turn}`` of the turns that count for no participant in interviews
    that name one (an interview no note names is warned about on its own)."""
    turns = study.turns
    if not len(turns) or "participant" not in turns.columns:
        return {}
    named = set(turns.loc[turns["participant"].fillna("").astype(str) != "", "interview_id"].tolist())
    out = {}
    for sid, iid, role, pid in zip(turns["segment_id"].tolist(), turns["interview_id"].tolist(),
                                   turns["role"].tolist(), turns["participant"].tolist()):
        if iid in named and not (isinstance(pid, str) and pid):
            out[sid] = {"interviewer": "the interviewer's turn",
                        "observer": "an observer's turn"}.get(role, "a third speaker's turn")
    return out


def coding_of_nobody(path, line: int, segment: str, study, seen: dict) -> list[Problem]:
    """A warning when the coded ``segment`` is a turn that counts for no participant (``seen``:
    a dict this function fills once per load with :func:`_nobody_turns`)."""
    if "turns" not in seen:
        seen["turns"] = _nobody_turns(study)
    whose = seen["turns"].get(segment)
    if not whose:
        return []
    return [Problem(str(path), line, f"segment {segment!r} is {whose}, not the participant's: this coding counts "
                    "for no participant and is in no theme or table; check the turn number (a third speaker "
                    "shifts the numbering)", "warning")]
