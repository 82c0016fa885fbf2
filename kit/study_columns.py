"""The standard columns of a study's CSV files (participants.csv, codings/*.csv) read whatever
their case and spacing.

People write ``Name``, ``EMAIL``, ``Consent Quote`` or `` consent_quote ``: each header that
folds (stripped, lower-cased, runs of spaces and hyphens made one ``_``) to one of
:data:`kit.schema.PARTICIPANT_COLUMNS` is read as that column. Two headers that fold to the
same standard name are a located warning (and likewise a coding file's ``Segment``, ``CODE``): the one written exactly so (else the first) is read
as the standard column, the other keeps its own header as an attribute column, so no cell is
lost. Split out of :mod:`kit.study` (at its line limit).
"""
from __future__ import annotations

import re
from pathlib import Path

from kit.csvio import read_rows
from kit.errors import Problem
from kit.schema import PARTICIPANT_COLUMNS

__all__ = ["STATUS_SPELLINGS", "WITHDRAWN", "fold_column", "fold_status", "long_cells", "read_participant_rows",
           "read_rows_folded", "sheet_frame"]

#: participants.csv's status of someone who withdrew from the study (newcomer s14 F9): their words
#: are withheld from every output as ``consent_quote: no`` withholds them, and they count as not
#: interviewed (:func:`kit.sample.withdrawn`).
WITHDRAWN = "withdrawn"

#: A status as written, folded (lower case, no spaces, hyphens or underscores), -> the status it
#: is read as: ``No Show``, ``no_show`` and ``noshow`` are ``no-show`` as ``Yes `` is a yes.
STATUS_SPELLINGS = {
    "invited": "invited", "scheduled": "scheduled", "completed": "completed", "declined": "declined",
    "noshow": "no-show", "withdrawn": WITHDRAWN, "withdrew": WITHDRAWN, "withdraw": WITHDRAWN,
    "withdrawal": WITHDRAWN, "withdrawnconsent": WITHDRAWN, "consentwithdrawn": WITHDRAWN,
}


def fold_column(header: str) -> str:
    """``' Consent Quote '`` -> ``'consent_quote'``: the name a header is compared by."""
    return re.sub(r"[\s\-]+", "_", header.strip().lower()).strip("_")


def fold_status(written) -> str | None:
    """participants.csv's ``status`` as written -> the status it is read as (one of
    :data:`kit.schema.PARTICIPANT_STATUSES`; ``""`` for an empty cell), folded as consent
    values are (case, spaces, hyphens: ``No Show`` is ``no-show``, ``Withdrew`` is
    ``withdrawn``), or in one of the docs' languages (``retirado``:
    :data:`kit.column_roles.STATUS_WORDS`); None for a value that is no status."""
    folded = re.sub(r"[\s\-_]+", "", str(written or "").lower())
    if not folded:
        return ""
    if folded in STATUS_SPELLINGS:
        return STATUS_SPELLINGS[folded]
    from kit.column_roles import localized_status  # `retirado`, `zurückgezogen` (newcomer s16 F14)

    return localized_status(written)


def read_participant_rows(path: Path):
    """:func:`read_rows_folded` of participants.csv (its columns :data:`PARTICIPANT_COLUMNS`,
    ``id`` required)."""
    from kit.study_check_ids import id_problems  # privacy8: ids one person written differently

    from kit.column_roles import read_participant_sheet  # one table of header forms (newcomer s16)

    rows, columns, problems = read_participant_sheet(path)
    if rows and "id" in columns and "consent_quote" not in columns:
        # fail closed, but not in silence: without the column nobody is quoted (newcomer, session 11)
        problems.append(Problem(str(path), 1, "no consent_quote column: nobody's words will be quoted "
                                f"(the header has: {', '.join(columns)})", "warning"))
    if rows and "id" in columns:  # one reader of column roles with recruit's pool (newcomer s15 F11)
        from kit.column_roles import read_person_roles

        rows, columns = read_person_roles(path, rows, columns, problems)
    return rows, columns, problems + id_problems(path, rows)


def _parts(header: str) -> list[str]:
    """The parts of a bilingual or annotated header (``'Caniatâd dyfynnu / consent_quote'``,
    ``'Enw | Name'``, ``'E-mail (work)'``), each folded."""
    return [fold_column(p) for p in re.split(r"[/|()]", header) if p.strip()]


def long_cells(path: Path, rows: list, problems: list) -> list:
    """``rows`` without those holding a cell longer than :data:`kit.transcript_lines.MAX_LINE_CHARS`
    (a 20 MB "name": attacker s15 A7's limit for a transcript's line, for a sheet's cell too), an
    error at each one's line: said at once, never matched against every text for minutes."""
    from kit.transcript_lines import MAX_LINE_CHARS

    kept = []
    for row in rows:
        long = [k for k, v in row.items() if isinstance(v, str) and len(v) > MAX_LINE_CHARS]
        if long:
            problems.append(Problem(str(path), row["_line"], f"the cell under {long[0]!r} is {len(row[long[0]]):,} "
                                    f"characters long (at most {MAX_LINE_CHARS:,}): no cell of this sheet is that "
                                    "long; this line is left out: shorten the cell"))
            continue
        kept.append(row)
    return kept


def read_rows_folded(path: Path, standard=PARTICIPANT_COLUMNS, required=()):
    """:func:`kit.csvio.read_rows` with each header that folds to one of ``standard`` renamed
    to it: ``(rows, columns, problems)``. A file with no column folding to a ``required`` one
    is an error on line 1 (the header), as ``read_rows(required=...)`` gives."""
    rows, columns, problems = read_rows(path)
    if not columns and not rows:
        return rows, columns, problems
    rows = long_cells(path, rows, problems)
    source = str(path)
    rename: dict[str, str] = {}
    for name in standard:
        written = [c for c in columns if fold_column(c) == name]
        if not written:
            continue
        chosen = name if name in written else written[0]
        if chosen != name:
            rename[chosen] = name
        others = [c for c in written if c != chosen]
        if others:
            problems.append(Problem(source, 1, f"columns {', '.join(repr(c) for c in written)} are all read as "
                                    f"{name!r}: {chosen!r} is the one read as {name!r}, "
                                    f"{', '.join(repr(c) for c in others)} kept as attribute column(s) under "
                                    "their own header; keep one", "warning"))
    for name in standard:  # a bilingual header ("Enw / Name"): one of its parts is the column
        if name in rename.values() or any(fold_column(c) == name for c in columns):
            continue
        written = [c for c in columns if c not in rename and len(_parts(c)) > 1 and name in _parts(c)]
        if len(written) == 1:
            rename[written[0]] = name
            problems.append(Problem(source, 1, f"column {written[0]!r} is read as {name!r}", "warning"))
    missing = [c for c in required if c not in {rename.get(h, h) for h in columns}]
    if missing:
        problems.append(Problem(source, 1, f"missing column(s): {', '.join(missing)} "
                                f"(the header has: {', '.join(columns) or 'nothing'})"))
    if rename:
        columns = [rename.get(c, c) for c in columns]
        rows = [{rename.get(k, k): v for k, v in row.items()} for row in rows]
    return rows, columns, problems


def sheet_frame(folder):
    """A study folder's participants.csv read alone, as a DataFrame of its cells as written (the
    roster's reader: :func:`kit.privacy.roster` of a path), with ``attrs["not_identifying"]``
    the columns study.yml declares identify nobody (:func:`kit.study_config.not_identifying`,
    which :func:`kit.privacy_columns.identifier_columns` honours; newcomer F20)."""
    import pandas as pd

    from kit.study_config import not_identifying

    rows, _, _ = read_rows(Path(folder) / "participants.csv")
    rows = long_cells(Path(folder) / "participants.csv", rows, [])  # the rows the study reads (check says why)
    columns = list(dict.fromkeys(c for r in rows for c in r))
    people = pd.DataFrame({c: [r.get(c, "") for r in rows] for c in columns})
    people.attrs["not_identifying"] = not_identifying(Path(folder))
    return people
