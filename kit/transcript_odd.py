"""Transcript lines written in forms the common patterns of :mod:`kit.transcripts` do not read,
so that they start a turn (or are warned) instead of becoming words of the speaker above:

* Otter and Rev header times written otherwise: 3-digit hours (``100:00:00``), a sign
  (``-0:10``), a fraction (``1:02:03.5``), drop-frame frames (``0:00:05;12``), ``1h02m03s``,
  spaces inside Rev's brackets (``( 00:05 )``): :func:`odd_headers`, :func:`odd_time`.
* What may follow a cue's times: WebVTT cue settings and SubRip's box (:data:`SETTINGS`); any
  other text there is the cue's first line.
* A label's colon written as a look-alike: fullwidth ``：`` (U+FF1A), ``꞉`` (U+A789), ``∶``
  (U+2236), ``﹕`` (U+FE55), ``︓`` (U+FE13) (:data:`ODD_COLON`).
* A dial-in caller labelled by phone number, as Zoom and Teams label one (:data:`PHONE_LABEL`).
"""
from __future__ import annotations

import re

from kit.errors import Problem

__all__ = ["ODD_COLON", "PHONE_LABEL", "SETTINGS", "in_order", "odd_headers", "odd_time"]

#: WebVTT cue settings (``align:start line:90%``) and SubRip's box (``X1:40 Y2:50``), the whole rest of a timing line.
SETTINGS = re.compile(r"(?:(?:vertical|line|position|size|align|region|[XY][12]):\S+(?:[ \t]+|$))+", re.I)
#: Characters that look like a colon and end a label as one (``Jordan： text``).
ODD_COLON = re.compile("[\uff1a\ua789\u2236\ufe55\ufe13]")
#: ``+44 20 7946 0958: text``: the number and the rest of the line.
PHONE_LABEL = re.compile(r"^(\+\d[\d \-().]{5,24}\d)[ \t]*:(.*)$")

_HMS_TIME = r"\d+[hH][ \t]?\d+[mM](?:[ \t]?\d+(?:[.,]\d+)?[sS])?|\d+[mM][ \t]?\d+(?:[.,]\d+)?[sS]"  # two units at least
_ODD_TIME = rf"[ \t]*(?:-?[\d:;.,]*\d[\d:;.,]*|{_HMS_TIME})[ \t]*"
_HMS = re.compile(r"(?:(\d+)h[ \t]?)?(?:(\d+)m[ \t]?)?(?:(\d+(?:[.,]\d+)?)s)?", re.I)


def odd_headers(name: str) -> tuple[re.Pattern, re.Pattern]:
    """(Otter header, Rev header) patterns with a header time in another form, ``name`` the
    speaker name's pattern: groups (name, time) and, for Rev, the text after the colon."""
    otter = re.compile(rf"^({name})[ \t]+(-?\d{{1,3}}(?::\d{{2}}){{1,2}}(?:[.,]\d{{1,3}}|;\d{{2}})?|{_HMS_TIME})[ \t]*$")
    rev = re.compile(rf"^({name})[ \t]*[(\[]({_ODD_TIME})[)\]](?::[ \t]*(.*)|[ \t]*)$")
    return otter, rev


def odd_time(written: str, line: int, source: str, problems: list) -> str | None:
    """A header time matched by :func:`odd_headers` written as ``h:mm:ss`` (``1h02m03s`` is
    ``1:02:03``; drop-frame ``0:00:05;12`` is ``0:00:05:12``, read to the second by the
    parser); None for a negative time, with a warning at ``line``."""
    value = written.strip()
    if (hms := _HMS.fullmatch(value)) is not None and value:
        h, m, sec = hms.groups()
        value = f"{int(h or 0)}:{int(m or 0):02d}:{sec or '00'}"
    elif ";" in value:
        value = value.replace(";", ":")
    if value.startswith("-"):
        problems.append(Problem(source, line, f"negative time {written.strip()!r}: the turn is kept without a time",
                                "warning"))
        return None
    return value


def in_order(start: float, last: float, written: str, line: int, source: str, problems: list) -> float:
    """The latest header time so far once a header at ``line`` starts at ``start`` (seconds, NaN
    for none) after ``last``; a warning at ``line`` when it is before ``last``."""
    if start != start:
        return last
    if start < last:
        problems.append(Problem(source, line, f"header times go backwards: this turn starts at {written.strip()!r}, "
                                "before the turn above", "warning"))
    return start
