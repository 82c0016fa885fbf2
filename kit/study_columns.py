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

__all__ = ["STATUS_SPELLINGS", "WITHDRAWN", "fold_column", "fold_status", "read_participant_rows", "read_rows_folded",
           "sheet_frame"]

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
    if rows and "id" in columns and "name" not in columns:
        rows, columns = _header_named_roster(path, rows, columns, problems)
    if rows and "id" in columns:
        found = _unnamed_people(path, rows, columns)
        rename = {found_[0]: kind for kind, found_ in found if len(found_) == 1}
        if rename:  # the column the kit redacts as names is the roster's names too (newcomer s14 F4)
            columns = [rename.get(c, c) for c in columns]
            rows = [{rename.get(k, k): v for k, v in row.items()} for row in rows]
        problems += [_unnamed_problem(path, kind, found_) for kind, found_ in found]
    return rows, columns, problems + id_problems(path, rows)


def _unnamed_people(path: Path, rows, columns) -> list[tuple[str, list[str]]]:
    """``[(kind, columns)]`` (kind ``name`` or ``email``) when no column is read as that kind
    but the values of others look like people's names (or emails)
    (:func:`kit.privacy_columns.looks_like`). When one column does, it is read as ``name``
    (``email``): the speaker labels are matched to it and the consent rules know it, as the
    redaction did already (newcomer s11: Welsh headers ``Enw``, ``E-bost``; s14 F4: under a
    Polish header ``imię i nazwisko`` the names were redacted, yet a carer's label, which spoke
    the most words, was read as the participant and the participant as another speaker)."""
    from kit.privacy_columns import looks_like, person_columns

    named, mailed = person_columns(columns)
    if named and mailed:
        return []
    rest = [c for c in columns if c not in named and c not in mailed and c != "_line"]
    names, emails = looks_like(rest, lambda c: [str(r.get(c) or "").strip() for r in rows])
    return [(kind, list(found)) for kind, found, have in (("name", names, named), ("email", emails, mailed))
            if found and not have and kind not in columns]


# a header naming someone else's name (a parent's, an interpreter's) or a handle, not the participant's
_OTHER_NAME = re.compile(r"(?:^|_)(?:user_?name|screen_?name|gamertag|handle|nick_?name|middle_?name|maiden_?name|"
                         r"guardian|parent|carer|caregiver|spouse|partner|contact|next_of_kin|emergency|interpreter|"
                         r"translator|advis[eo]r|chaperone|companion|advocate|supporter|support_worker|relative|"
                         r"witness|mother|father|mum|dad|child|son|daughter|referr(?:er|ed_by)|vet|doctor|gp|"
                         r"staff|owner_of|manager|agent)(?:$|_)")
_FIRST = re.compile(r"^(?:first|given)_?name$|^forename$")
_LAST = re.compile(r"^(?:last|family)_?name$|^surname$")


def _header_named_roster(path: Path, rows, columns, problems):
    """``(rows, columns)`` with the participant's name column read as ``name`` when no column
    is headed so but the kit redacts one as names by its header (:func:`kit.privacy_columns.person_columns`:
    a practice-management export's ``Client Name``, ``Full Name``, ``Customer name``), with a
    warning at line 1 naming it; ``First Name`` with ``Last Name`` make one ``name`` (the
    columns kept). Headers naming someone else (``parent_name``, ``interpreter``) or a handle
    are not the participant's. Without it the speaker labels were matched to no roster name: a
    teenage translator who spoke the most words was read as his mother, the participant, and
    she as a third speaker (newcomer s15 F1/F5)."""
    from kit.privacy_columns import _column_key, person_columns

    named = [c for c in person_columns(columns)[0] if c != "_line" and not _OTHER_NAME.search(_column_key(c))]
    firsts = [c for c in named if _FIRST.match(_column_key(c))]
    lasts = [c for c in named if _LAST.match(_column_key(c))]
    whole = [c for c in named if c not in firsts and c not in lasts]
    say = "name the column 'name' (or '{} / name') to say so"
    if len(whole) == 1 and not (firsts and lasts):
        column = whole[0]
        problems.append(Problem(str(path), 1, f"column {column!r} is read as 'name': no column is headed 'name' "
                                f"and its header names people; {say.format(column)}", "warning"))
        columns = ["name" if c == column else c for c in columns]
        return [{("name" if k == column else k): v for k, v in row.items()} for row in rows], columns
    if not whole and len(firsts) == 1 and len(lasts) == 1:
        first, last = firsts[0], lasts[0]
        problems.append(Problem(str(path), 1, f"columns {first!r} and {last!r} are read together as 'name': "
                                "no column is headed 'name'; add a 'name' column to say otherwise", "warning"))
        rows = [row | {"name": " ".join(p for p in (str(row.get(first) or "").strip(),
                                                    str(row.get(last) or "").strip()) if p)} for row in rows]
        return rows, [*columns, "name"]
    return rows, columns


def _unnamed_problem(path: Path, kind: str, found: list[str]) -> Problem:
    if len(found) == 1:
        return Problem(str(path), 1, f"column {found[0]!r} is read as {kind!r}: no column is headed {kind!r} and "
                       f"its values look like people's {kind}s; name the column {kind!r} (or '{found[0]} / {kind}') "
                       "to say so", "warning")
    return Problem(str(path), 1, f"no column is read as {kind!r}, but the values of "
                   f"{', '.join(repr(c) for c in found)} look like people's {kind}s: they are redacted "
                   f"as {kind}s; name the column {kind!r} (or '{found[0]} / {kind}') so that check and "
                   "the consent rules know them too", "warning")


def _parts(header: str) -> list[str]:
    """The parts of a bilingual or annotated header (``'Caniatâd dyfynnu / consent_quote'``,
    ``'Enw | Name'``, ``'E-mail (work)'``), each folded."""
    return [fold_column(p) for p in re.split(r"[/|()]", header) if p.strip()]


def read_rows_folded(path: Path, standard=PARTICIPANT_COLUMNS, required=()):
    """:func:`kit.csvio.read_rows` with each header that folds to one of ``standard`` renamed
    to it: ``(rows, columns, problems)``. A file with no column folding to a ``required`` one
    is an error on line 1 (the header), as ``read_rows(required=...)`` gives."""
    rows, columns, problems = read_rows(path)
    if not columns and not rows:
        return rows, columns, problems
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
    columns = list(dict.fromkeys(c for r in rows for c in r))
    people = pd.DataFrame({c: [r.get(c, "") for r in rows] for c in columns})
    people.attrs["not_identifying"] = not_identifying(Path(folder))
    return people
