"""Otter and Rev transcripts as people edit them, split out of :mod:`kit.transcripts`: the lines
around the timed headers are read by the plain format's label rules (its module doc, rules 1-2g),
with the timed headers' speakers established, and nothing is folded into a turn unreported:

* a header in another form (``Name:  0:20``, text after the time on the header's line, an
  impossible time) is read as a header with a warning at its line (:func:`loose_headers`);
* a bare ``Name:`` line with the text below it is that label's line with its text, as in a
  timed header (:func:`timed_items`);
* a transcriber's note (``Note: ...``, ``Summary: ...``) on a line of its own, not the first below a
  header, is nobody's words:
  kept out of the turns, reported (:func:`timed_items`);
* labels read as speakers without a time, labels kept as text of the turn above, and timed
  headers with no text (an empty turn) are warned at their lines (:func:`timed_warnings`).
"""
from __future__ import annotations

import re

from kit.errors import Problem
from kit.transcript_labels import LABEL, is_heading, is_name, label_key

__all__ = ["SPACES", "loose_headers", "timed_items", "timed_warnings", "unspaced"]

_NAN = float("nan")
#: Unicode spaces (no-break, thin, ideographic ...) read as a space in a timed header.
SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_NAME = r"[^\W\d_][\w.'’\-&\u00b7\u30fb]*(?:[ \t]+[\w.'’\-&()\u00b7\u30fb]+){0,3}?"
# ``Name:  0:20``, ``Name  0:30 text``, ``Name  99999999:00``: an Otter header in a form the usual pattern refuses
_LOOSE_OTTER = re.compile(rf"^({_NAME})[ \t]*(:)?[ \t]+(\d+:\d{{2}}(?::\d{{2}}){{0,2}})(?:[ \t]+(\S.*))?$")
_NOTE_WORDS = frozenset("note notes nb ps summary tldr".split())


def unspaced(s: str) -> str:
    """``s`` with Unicode spaces as spaces (``Alex Morgan\\u00a00:15`` is a header)."""
    return s if s.isascii() else SPACES.sub(" ", s)


def _shown(lines: list) -> str:
    return ", ".join(map(str, lines[:10])) + (" ..." if len(lines) > 10 else "")


def loose_headers(items: list, stamp, source: str, problems: list) -> list:
    """``items`` of an Otter transcript with each text line that is a header in a looser form
    read as a header, with a warning at its line: ``Name:  0:20`` (a colon after the name), a
    header with its text on the same line (``Jordan  0:30 It was ...``, when ``Jordan`` heads
    other lines), a time the usual pattern refuses (``99999999:00``, reported by ``stamp`` as
    impossible). ``stamp(value, line, source, problems)`` reads a header's time."""
    timed = {label_key(sp) for _i, _s, sp, _st, _en in items if sp is not None}
    out = list(items)
    for k, (i, s, sp, _st, _en) in enumerate(items):
        if sp is not None or ":" not in s or not any(c.isdigit() for c in s[:80]):
            continue
        m = _LOOSE_OTTER.match(unspaced(s))
        if m is None or not is_name(name := " ".join(m.group(1).split())):
            continue
        colon, said = m.group(2), (m.group(4) or "").strip()
        if said and label_key(name) not in timed:
            continue  # `Alice arrived 10:30 sharp`: words, unless the name heads other lines
        how = ("a colon after the name" if colon else "") + (" and " if colon and said else "") + (
            "text after the time on the same line, read as the turn's first words" if said else "")
        warned = len(problems)
        out[k] = (i, said, name, stamp(m.group(3), i, source, problems), _NAN)  # an impossible time: warned
        if how or len(problems) == warned:
            problems.insert(warned, Problem(source, i, f"a speaker's header written with {how or 'a time in another form'}"
                                            ": read as a header; write it as `Name  0:20` with the text below", "warning"))
    return out


def _label(s: str):
    m = LABEL.match(s) if ":" in s[:41] else None
    if m is None or m.group(2)[:1].isdigit() or m.group(2)[:1] == "/":
        return None
    return " ".join(m.group(1).split()), m.group(2).strip()


def timed_items(items: list, source: str, problems: list) -> list:
    """``items`` of an Otter or Rev transcript with a bare ``Label:`` line (a name-like label,
    nothing after the colon) joined to the text line below it (``Dana Pike:`` / ``I joined
    late.``: one ``Label: text`` line, at the label's line) and each transcriber's note on a line
    of its own (``Note: ...``, ``Summary: ...``, a bare ``Note:``), not the first line below a header, left
    out, reported at its line."""
    out: list = []
    notes: list = []
    k, n = 0, len(items)
    while k < n:
        i, s, sp, st, en = items[k]
        lab = _label(s) if sp is None else None
        first = bool(out) and out[-1][2] is not None and not out[-1][1]  # the first line below a header: its words
        if lab is not None and not first and is_heading(lab[0]) and lab[0].split()[0].lower().strip(".") in _NOTE_WORDS:
            notes.append(i)
            if not lab[1] and k + 1 < n and items[k + 1][2] is None and _label(items[k + 1][1]) is None:
                k += 1  # a bare `Note:`: the note is the line below it
            k += 1
            continue
        if lab is not None and not lab[1] and is_name(lab[0]) and k + 1 < n and items[k + 1][2] is None \
                and _label(items[k + 1][1]) is None:
            out.append((i, f"{s} {items[k + 1][1]}", None, st, en))
            k += 2
            continue
        out.append(items[k])
        k += 1
    if notes:
        problems.append(Problem(source, notes[0], f"{len(notes)} line(s) are a transcriber's note (`Note:`, `Summary:`; "
                                f"line(s) {_shown(notes)}): nobody's words, left out of the turns; if someone said "
                                "it, put it under their header", "warning"))
    return out


def timed_warnings(untimed: list, kept: list, dropped: list, source: str, problems: list) -> None:
    """The warnings of an Otter or Rev transcript's lines read by the label rules: ``untimed``
    lines read as a speaker's turn without a time, ``kept`` lines starting like a label but read
    as text of the turn above, ``dropped`` timed headers with no text (empty turns, left out)."""
    if untimed:
        problems.append(Problem(source, untimed[0], f"{len(untimed)} line(s) start with a speaker's label but no "
                                f"time (line(s) {_shown(untimed)}): each read as that speaker's turn, without a start "
                                "time; add the time to keep the transcript's timing", "warning"))
    if kept:
        problems.append(Problem(source, kept[0], f"{len(kept)} line(s) start like a speaker label that is no speaker "
                                f"of this transcript (line(s) {_shown(kept)}: a heading, a date or words quoted): "
                                "kept as text of the turn above; if someone speaks there, give the line a "
                                "speaker's header", "warning"))
    for line in dropped:
        problems.append(Problem(source, line, "this speaker's header has no text (an empty turn): left out; if "
                                "the words are missing, add them below the header", "warning"))
