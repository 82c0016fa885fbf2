"""participants.csv's standard columns read whatever their case and spacing.

People write ``Name``, ``EMAIL``, ``Consent Quote`` or `` consent_quote ``: each header that
folds (stripped, lower-cased, runs of spaces and hyphens made one ``_``) to one of
:data:`kit.schema.PARTICIPANT_COLUMNS` is read as that column. Two headers that fold to the
same standard name are a located warning: the one written exactly so (else the first) is read
as the standard column, the other keeps its own header as an attribute column, so no cell is
lost. Split out of :mod:`kit.study` (at its line limit).
"""
from __future__ import annotations

import re
from pathlib import Path

from kit.csvio import read_rows
from kit.errors import Problem
from kit.schema import PARTICIPANT_COLUMNS

__all__ = ["fold_column", "read_participant_rows"]


def fold_column(header: str) -> str:
    """``' Consent Quote '`` -> ``'consent_quote'``: the name a header is compared by."""
    return re.sub(r"[\s\-]+", "_", header.strip().lower()).strip("_")


def read_participant_rows(path: Path):
    """:func:`kit.csvio.read_rows` of participants.csv with its standard columns renamed to
    their standard names: ``(rows, columns, problems)``. A file with no column that folds to
    ``id`` is an error on line 1 (the header), as ``read_rows(required=("id",))`` gives."""
    rows, columns, problems = read_rows(path)
    if not columns and not rows:
        return rows, columns, problems
    source = str(path)
    rename: dict[str, str] = {}
    for standard in PARTICIPANT_COLUMNS:
        written = [c for c in columns if fold_column(c) == standard]
        if not written:
            continue
        chosen = standard if standard in written else written[0]
        if chosen != standard:
            rename[chosen] = standard
        others = [c for c in written if c != chosen]
        if others:
            problems.append(Problem(source, 1, f"columns {', '.join(repr(c) for c in written)} are all read as "
                                    f"{standard!r}: {chosen!r} is the one read as {standard!r}, "
                                    f"{', '.join(repr(c) for c in others)} kept as attribute column(s) under "
                                    "their own header; keep one", "warning"))
    if "id" not in {rename.get(c, c) for c in columns}:
        problems.append(Problem(source, 1, f"missing column(s): id (the header has: {', '.join(columns) or 'nothing'})"))
    if rename:
        columns = [rename.get(c, c) for c in columns]
        rows = [{rename.get(k, k): v for k, v in row.items()} for row in rows]
    return rows, columns, problems
