"""What ``check`` says about study.yml's ``not_identifying`` columns (newcomer F20).

A participants.csv column whose values are code-like and differ per participant (a home
docking station, ``DS-0412``) is read as a person's identifier and replaced by ``[id]`` in
every output (:func:`kit.privacy_columns.identifier_columns`). When the values name places or
things everyone talks about, study.yml can say so::

    not_identifying: [home_dock]

Every command that redacts identifiers (``analyze``, ``run`` and its leak scan, ``export``,
``themes``, ``index``/``search``, printed messages) then keeps that column's values.
:func:`not_identifying_problems` warns, at the item's line of study.yml, about a declared
column that does not exist in participants.csv (a typo keeps nothing), and about one the kit
still redacts: a column whose header names an identifier (``membership_number``) or that
holds names or emails (fail closed: rename the column if it really identifies nobody).
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from kit.errors import Problem

__all__ = ["not_identifying_problems"]


def _item_lines(path: Path, key: str, items) -> dict[str, int]:
    """The line of study.yml where each of ``items`` is written under ``key`` (the key's line
    when it cannot be told, 1 without the key)."""
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return {}
    start = next((n for n, line in enumerate(lines, 1) if re.match(rf"^{re.escape(key)}\s*:", line)), 0)
    out = {}
    for item in items:
        out[item] = start or 1
        for n in range(start, len(lines) + 1) if start else ():
            line = lines[n - 1]
            if n > start and line.strip() and not line[:1].isspace() and not line.lstrip().startswith("-"):
                break  # the next top-level key
            if re.search(rf"(?<![\w-]){re.escape(item)}(?![\w-])", line if n > start else line.split(":", 1)[1]):
                out[item] = n
                break
    return out


def not_identifying_problems(study) -> list[Problem]:
    """Warnings about the columns study.yml's ``not_identifying`` names (module docstring)."""
    from kit.privacy_columns import id_columns, person_columns
    from kit.study_config import NOT_IDENTIFYING, not_identifying

    declared = not_identifying(study.config or {})
    if not declared:
        return []
    path = Path(study.path) / "study.yml"
    columns = [c for c in study.participants.columns if c != "line"]
    at = _item_lines(path, NOT_IDENTIFYING, declared)
    names, emails = person_columns(columns)
    by_header = set(id_columns(columns))
    out = []
    for column in declared:
        line = at.get(column, 1)
        if column not in columns:
            close = difflib.get_close_matches(column, columns, n=1, cutoff=0.75)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            out.append(Problem(str(path), line, f"{NOT_IDENTIFYING}: participants.csv has no column {column!r}"
                                                f"{hint}: nothing is kept for it", "warning"))
        elif column in by_header or column in names or column in emails or column == "id":
            what = ("its header names a person's identifier" if column in by_header else
                    "it is the participant id" if column == "id" else "it holds names or emails")
            out.append(Problem(str(path), line, f"{NOT_IDENTIFYING}: column {column!r} stays redacted in every "
                                                f"output ({what}: the kit does not take a declaration for it); "
                                                "rename the column if it identifies nobody", "warning"))
    return out
