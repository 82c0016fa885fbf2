"""What ``check`` says about the participant sheet's identifiers (:func:`identifier_notes`).

Every column of participants.csv that identifies a participant (:func:`kit.privacy_columns.
identifier_columns`: a ``tenancy_ref``, a ``student_number``, or a column whose values are
code-like and differ per participant) has its values replaced by ``[id]`` in every output. A
column the kit treats so is named by ``check``, so that the person who keeps the sheet knows
which values are hidden and why (and can see a column the rule missed, or took wrongly)."""
from __future__ import annotations

from pathlib import Path

from kit.errors import Problem

__all__ = ["identifier_notes"]


def identifier_notes(study) -> list[Problem]:
    """One warning at ``participants.csv:1`` for each column holding participants'
    identifiers (:func:`kit.privacy_columns.identifier_columns`), naming the column, the rule
    that found it and how many of its values are redacted as ``[id]``; none without such a
    column. ``study`` is a loaded ``Study``."""
    from kit.privacy_columns import identifier_columns, is_identifier_value

    people = study.participants
    if not len(people):
        return []
    path = Path(study.path) / "participants.csv"
    out = []
    for column, why in identifier_columns(people).items():
        values = {str(v).strip() for v in people[column].tolist() if isinstance(v, str)}
        hidden = sum(1 for v in values if v and is_identifier_value(v))
        if not hidden:
            continue
        rule = ("its header names an identifier" if why == "its header" else
                "its values are code-like (letters and digits) and differ from one participant to the next")
        out.append(Problem(str(path), 1, f"column {column!r} holds participants' identifiers ({rule}): its "
                                         f"{hidden} value(s) are replaced by [id] in every output, also where "
                                         "said in a transcript (kept only with --include-names)", "warning"))
    return out
