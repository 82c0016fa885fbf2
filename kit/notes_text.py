"""What a note's text holds that a reader may not see: characters some programs read as line
breaks inside a line, dates far from any interview's, and values shown as the user wrote them.
Split out of :mod:`kit.notes`."""
from __future__ import annotations

import datetime as dt
import re

from kit.errors import Problem
from kit.yamlio import YAML_ONLY_BREAKS

__all__ = ["EARLIEST_DATE", "ODD_BREAK", "far_date", "has_odd_break", "odd_break_problems", "written_value"]


# Characters YAML (NEL, U+2028, U+2029) or Python's str.splitlines (also VT, FF and the
# information separators U+001C-U+001E) read as line breaks, which an editor shows inside a line.
ODD_BREAK = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ASCII_BREAKS = tuple(c for c in "\x0b\x0c\x1c\x1d\x1e" if ODD_BREAK.match(c))


def has_odd_break(text: str) -> bool:
    """Whether :data:`ODD_BREAK` finds a character in ``text``: in an ASCII text (most notes)
    by a substring search for each of its ASCII characters, several times quicker than the
    regular expression's scan."""
    if text.isascii():
        return any(c in text for c in _ASCII_BREAKS)
    return ODD_BREAK.search(text) is not None


_BREAK_NAMES = {"\x0b": "VT, vertical tab", "\x0c": "FF, form feed", "\x1c": "file separator",
                "\x1d": "group separator", "\x1e": "record separator", "\x85": "NEL, next line",
                "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


def odd_break_problems(lines, body_start: int, source: str) -> list[Problem]:
    """A warning at each line (as an editor counts them) holding a character some programs
    read as a line break: in the front matter YAML splits the line there (the key lines and
    messages still count the file's lines, see :func:`kit.yamlio.file_lines`); in the body
    the line is read as one line."""
    found = []
    for index, line in enumerate(lines):
        chars = dict.fromkeys(ODD_BREAK.findall(line))
        if not chars:
            continue
        named = ", ".join(f"U+{ord(c):04X} ({_BREAK_NAMES[c]})" for c in chars)
        if index < body_start and any(c in YAML_ONLY_BREAKS for c in chars):
            effect = "YAML reads it as a line break, so this one line is read as several"
        elif index < body_start:
            effect = "YAML does not allow it"
        else:
            effect = "some programs read it as a line break; the kit reads this as one line"
        found.append(Problem(source, index + 1, f"this line holds {named}: {effect}; put a real line break "
                             "or a space in its place", "warning"))
    return found


EARLIEST_DATE = dt.date(1990, 1, 1)
"""A note's date before this is a typo in the year (the kit's interviews are recent)."""


def far_date(day: dt.date) -> str | None:
    """Why ``day`` is no date of an interview note (before :data:`EARLIEST_DATE`, or more than a
    year after today), else None."""
    if day < EARLIEST_DATE:
        return f"before {EARLIEST_DATE.year}"
    today = dt.date.today()
    if day > today + dt.timedelta(days=366):
        return f"more than a year after today ({today.isoformat()})"
    return None


def written_value(key: str, value, raw: dict) -> str:
    """A front-matter value as the user wrote it: its text in the file (:func:`kit.yamlio.raw_scalars`),
    else written back the YAML way (``[2026-01-12]``, not ``[datetime.date(2026, 1, 12)]``)."""
    if key in raw:
        return str(raw[key]).strip()
    return _as_yaml(value)


def _as_yaml(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, list):
        return "[" + ", ".join(map(_as_yaml, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_as_yaml(k)}: {_as_yaml(v)}" for k, v in value.items()) + "}"
    return str(value)
