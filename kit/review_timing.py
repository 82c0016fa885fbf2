"""The timing lines of a transcript that the review could not use, each as a located problem.

``interview-kit review`` reads a transcript with :func:`kit.transcripts.read_transcript`,
which keeps every line's words (a time it cannot read leaves the turn without a time). What
it cannot say, this module says, line by line, so that no line of the file is silently lost
to a review (``path:line: warning: message``):

- a time at the start of a line (plain text: ``[00:61:00] Jo: ...``; Otter: ``Jo  0:61``;
  Rev: ``Jo (0:61): ...``) that is not a possible time (minutes or seconds of 60 or more)
  or not a time the reader reads (``1:2:3:4``): the turn is kept without a time, or the
  line is kept as words of the turn above;
- a time with no text after it (``[00:01:20]`` alone on its line), an Otter or Rev speaker line
  with no text after it, and a caption cue (WebVTT,
  SubRip) whose timing line has no text under it: nothing was said there, so nothing of the
  line is in a turn;
- a caption time not written as captions write it (``1:2:3:4 --> 1:2:3:5``), which the reader
  reads as hours, minutes, seconds and a fraction (1:02:03.400): said, so that it can be checked.

Lines that the reader already reported (its warnings, one line or a list of ``line(s) ...``)
are not reported twice.
"""
from __future__ import annotations

import re

from kit.errors import Problem

__all__ = ["timing_problems"]

# A time at the start of a line, as a transcriber writes it: digits joined by colons (and a
# fraction), bare or in brackets, then a space or the end of the line.
_LEADING_TIME = re.compile(r"^[\[(]?(\d+(?::\d+)+(?:[.,]\d+)?)[\])]?(?=[ \t]|$)[ \t]*(.*)$")
# The forms the reader reads as a time (kit.transcripts: _STAMP, _OTTER, _REV).
_READ_FORM = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?")
# Otter's and Rev's speaker lines: a label, then a time (in brackets and a colon for Rev).
_HEADER_TIME = re.compile(r"^(?P<label>[^\W\d_][^:()\n]{0,39}?)[ \t]+\(?(?P<time>\d+(?::\d+)+(?:[.,]\d+)?)\)?"
                          r"(?P<colon>:)?[ \t]*(?P<rest>.*)$")
_CUE_TIMING = re.compile(r"^\s*\S*\d\S*[ \t]*-->")
_LISTED_LINES = re.compile(r"line\(s\) ([\d, ]+)")


def _reported(problems) -> set[int]:
    """Line numbers the reader's problems name: each problem's line and its ``line(s) 3, 5``."""
    lines = set()
    for p in problems:
        lines.add(int(getattr(p, "line", 0) or 0))
        for listed in _LISTED_LINES.findall(getattr(p, "message", "") or ""):
            lines.update(int(n) for n in re.findall(r"\d+", listed))
    return lines


def _time_fault(value: str) -> str | None:
    """Why ``value`` is not a time the reader reads (None when it is one)."""
    from kit.transcripts import parse_time

    if not _READ_FORM.fullmatch(value):
        return f"{value!r} is not a time such as 01:02 or 01:02:03"
    try:
        parse_time(value)
    except ValueError as exc:
        return str(exc)
    return None


def _plain(lines, source: str) -> list[Problem]:
    out = []
    for i, raw in enumerate(lines, 1):
        m = _LEADING_TIME.match(raw.strip())
        if m is None:
            continue
        stamp, rest = m.group(1), m.group(2).strip()
        if not rest:
            out.append(Problem(source, i, f"a time ({stamp}) with no text: nothing said there is in any turn",
                               "warning"))
            continue
        fault = _time_fault(stamp)
        if fault is None:
            continue
        if _READ_FORM.fullmatch(stamp):
            how = "the line's words are kept in a turn without a time"
        else:
            how = "the line is not read as a new turn: its words are kept with the turn above"
        out.append(Problem(source, i, f"cannot read the time at the start of this line: {fault}; {how}", "warning"))
    return out


def _headers(lines, source: str) -> list[Problem]:
    out, last = [], None  # last: (line, label, time) of an Otter speaker line still without text
    for i, raw in enumerate(lines, 1):
        s = raw.strip()
        m = _HEADER_TIME.match(s) if s[-1:].isdigit() or "):" in s else None
        if s and last is not None and m is None:
            last = None  # text under the speaker line
        if m is None:
            continue
        if last is not None:
            out.append(Problem(source, last[0], f"a speaker line with no text ({last[1]} at {last[2]}): nothing "
                                                "said there is in any turn", "warning"))
        last = None if m.group("rest").strip() else (i, m.group("label"), m.group("time"))
        fault = _time_fault(m.group("time"))
        if fault is None:
            continue
        if _READ_FORM.fullmatch(m.group("time")):
            how = "the turn is kept without a time"
        else:
            how = "the line is not read as a speaker line: it is kept as words of the turn above"
        out.append(Problem(source, i, f"cannot read the time of this speaker line: {fault}; {how}", "warning"))
    if last is not None:
        out.append(Problem(source, last[0], f"a speaker line with no text ({last[1]} at {last[2]}): nothing "
                                            "said there is in any turn", "warning"))
    return out


# A caption time as players write it: (hh:)mm:ss.mmm, with a comma in SubRip.
_CUE_TIME = re.compile(r"(?:\d+:)?\d{2}:\d{2}[.,]\d{3}")
_CUE_TIMES = re.compile(r"^\s*(\S+)[ \t]*-->[ \t]*(\S+)")


def _odd_cue_times(lines, source: str) -> list[Problem]:
    """Caption timing lines the reader read although a time is not written as captions write
    it (``1:2:3:4``, read as 1:02:03.400): located, so that a wrong reading can be checked."""
    from kit.transcripts import parse_time

    out = []
    for i, raw in enumerate(lines, 1):
        m = _CUE_TIMES.match(raw) if "-->" in raw else None
        if m is None:
            continue
        for value in m.groups():
            if _CUE_TIME.fullmatch(value):
                continue
            try:
                seconds = parse_time(value)
            except ValueError:
                break  # the reader reports a time it cannot read
            h, rest = divmod(seconds, 3600)
            shown = f"{int(h)}:{int(rest // 60):02d}:{rest % 60:06.3f}"
            out.append(Problem(source, i, f"a cue time written {value!r} (not as 00:01:02.500) was read as "
                                          f"{shown}: check it", "warning"))
            break
    return out


def _empty_cues(lines, source: str) -> list[Problem]:
    """Caption timing lines with no text under them before the next timing line (the line just
    above the next timing line, its cue's number or identifier, is no text)."""
    timing = [i for i, raw in enumerate(lines) if _CUE_TIMING.match(raw) and "-->" in raw]
    out = []
    for k, t in enumerate(timing):
        stop = timing[k + 1] if k + 1 < len(timing) else len(lines)
        body = [j for j in range(t + 1, stop) if lines[j].strip()]
        if k + 1 < len(timing) and body and body[-1] == stop - 1:
            body = body[:-1]  # the identifier of the next cue
        if not body:
            out.append(Problem(source, t + 1, f"a cue with no text ({lines[t].strip()[:60]}): nothing said "
                                              "there is in any turn", "warning"))
    return out


def timing_problems(text: str, fmt: str, source: str, reported=()) -> list[Problem]:
    """Warnings for the timing lines of ``text`` (a transcript in format ``fmt``: "vtt",
    "srt", "otter", "rev" or "plain") that gave no time or no text to the turns, located at
    ``source:line``; lines named by the ``reported`` problems are left out."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    own: list[Problem] = []  # what the reader never reports: kept even on a line it named
    found: list[Problem] = []
    if fmt in ("vtt", "srt"):
        own = _empty_cues(lines, source)
        found = _odd_cue_times(lines, source)
    elif fmt in ("otter", "rev"):
        found = _headers(lines, source) + _plain(lines, source)
    else:
        found = _plain(lines, source)
    seen = _reported(reported)
    out, lines_out = [], set()
    for p in sorted(found, key=lambda p: p.line):
        if p.line not in seen and p.line not in lines_out:
            out.append(p)
            lines_out.add(p.line)
    return sorted(out + own, key=lambda p: p.line)
