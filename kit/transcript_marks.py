"""What decorates a transcript's lines without being anyone's words (split out of kit.transcripts).

* Terminal colour codes (``\\x1b[32m``) and their debris once the escape character is lost
  (``[32mJordan[0m:``), as :data:`kit.privacy_text.BROKEN_WORD` knows them: removed, with a warning.
* A speaker label's decoration: invisible characters before it (:func:`kit.privacy_text.invisible_pattern`),
  Markdown emphasis (``**Jordan:**``, ``__Jordan__:``, ``*Jordan*:``) and a caption's
  speaker-change mark (``- Jordan: ...``, ``>> JORDAN: ...``): :func:`undecorate` gives the line as
  ``Jordan: ...``.
* Dash cues: a caption cue with two ``- ...`` lines holds two speakers; a dash line naming nobody
  is reported at its line (:func:`dash_cues`).
* Clock times: a chat log stamps its lines with the time of day (``[19:02] ana.r: hey``); read as
  elapsed time from the first stamp, with a warning (:func:`clock_starts`).
* Bots: a line by a bot (``GemDropBot: Recording started``) is nobody's words (:func:`drop_bots`).
"""
from __future__ import annotations

import re
import unicodedata

from kit.errors import Problem
from kit.privacy_text import BROKEN_WORD, invisible_pattern

#: A time stamp as transcripts write one beside a speaker or a line ("[19:02]", "(0:21)",
#: "1:02:03:04", "7:03 PM"), its time captured: the one pattern of the parsers and of
#: :func:`kit.speaker_lines.label_candidates`.
STAMP = r"[\[(]?(\d{1,2}:\d{2}(?::\d{2}){0,2}(?:[.,]\d{1,3})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?)[\])]?"

__all__ = ["STAMP", "as_written", "strip_colour", "undecorate", "dash_cues", "clock_starts", "twenty_four", "drop_bots", "is_bot", "may_have_bots", "CUE_MARK"]

_RESET = re.compile(r"\[0m")  # the reset code: colour codes' debris is on its line


def _not_hyphen(match: re.Match) -> str:
    found = match.group()
    return found if found[0] == "-" else ""  # BROKEN_WORD's hyphen breaks are words: kept here


def strip_colour(text: str, source: str, problems: list) -> str:
    """``text`` without terminal colour codes: escape sequences everywhere, their debris
    (``[32m``) on lines that hold an escape sequence or a reset (``[0m``). One warning lists
    the lines changed."""
    if "\x1b" not in text and _RESET.search(text) is None:
        return text
    lines = text.split("\n")
    changed = []
    for n, line in enumerate(lines):
        if "\x1b" in line or "[" in line and _RESET.search(line):
            new = BROKEN_WORD.sub(_not_hyphen, line)
            if new != line:
                lines[n] = new
                changed.append(n + 1)
    if changed:
        shown = ", ".join(map(str, changed[:10])) + (" ..." if len(changed) > 10 else "")
        problems.append(Problem(source, changed[0], f"{len(changed)} line(s) hold terminal colour codes (such as "
                                f"`[32m`), removed: they are nobody's words (line(s) {shown})", "warning"))
    return "\n".join(lines)


CUE_MARK = re.compile(r"^(?:-|–|—|>+|[•*](?=[ \t]))[ \t]*(?=\S)")  # a caption's dash or >>, a bullet, a quote
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)([^*_:\n]{1,40}?)[ \t]*(:?)\1(:?)[ \t]*(.*)$")
_HTML_LABEL = re.compile(r"^<(b|i|u|strong|em|span|font)\b[^>\n]*>([^<:\n]{1,40}?)[ \t]*(:?)</\1>(:?)[ \t]*(.*)$", re.I)


def undecorate(line: str) -> str | None:
    """``line`` as ``Label: text`` without the decoration before or around its label: a run
    of invisible characters, a caption's speaker-change mark (``-``, ``>>``), a bullet or quote mark
    (``•``, ``* ``, ``>``), Markdown or HTML emphasis around the label (``**Jordan:**``,
    ``**Jordan**:``, ``__Jordan__:``, ``<b>Jordan:</b>``); None when there is none."""
    text = line
    for _ in range(3):
        before = text
        if not text[:1].isascii() and (m := invisible_pattern().match(text)):
            text = text[m.end():]
        if (m := CUE_MARK.match(text)) is not None:
            text = text[m.end():]
        m = _EMPHASIS.match(text) if text[:1] in "*_" else _HTML_LABEL.match(text) if text[:1] == "<" else None
        if m is not None and (m.group(3) == ":") != (m.group(4) == ":"):
            text = f"{m.group(2).strip()}: {m.group(5)}"
        if text == before:
            break
    return text if text != line else None


def as_written(written: str, label: str) -> str:
    """A speaker label as written, for its line's warning: ``label`` (kit.speaker_roles.plain_label
    of ``written``) unless ``written`` holds invisible characters or look-alike letters (``Jоrdan``
    with a Cyrillic о); composed or decomposed accents and spaces are no difference."""
    shown = " ".join(unicodedata.normalize("NFKC", written).split())
    return label if shown == label else shown


_NAMED = re.compile(r"^[^\W\d_][^:\n]{0,39}?[ \t]*:")


def dash_cues(cues: list, source: str, problems: list) -> None:
    """Warn at each dash line of a two-speaker cue (``- Where?`` / ``- At home.``) that names
    no speaker: its words are read as the turn above's. ``cues``: (start, end, [(line, text, first)])."""
    for _start, _end, payload in cues:
        if len(payload) < 2:
            continue
        dashed = [(i, s) for i, s, _ in payload if CUE_MARK.match(s) and s[:2] != "--"]
        if len(dashed) < 2:
            continue
        for i, s in dashed[1:]:
            if _NAMED.match(undecorate(s) or s) is None:
                problems.append(Problem(source, i, "a dash in this cue starts another speaker's line but names "
                                        "nobody: read as part of the turn above; write `- Name: text`", "warning"))


def clock_starts(stamps: list, line: int, source: str, problems: list) -> dict | None:
    """When a chat log's stamps are times of day, the start (seconds from the first stamp) of
    each stamp: {key: seconds}; None when they read as elapsed time. ``stamps``: [(key, written,
    seconds as elapsed, written on a 12-hour clock)], the first written on ``line``. Times of day:
    any written ``7:03 PM``; else two-part stamps (``19:02``, hours and minutes) from 1:00 on, two
    lines sharing one; three-part stamps from 1:00:00 on. A stamp before the one above is taken to
    be past midnight. One warning at the first stamp says so."""
    written = [w for _i, w, _s, _h in stamps]
    if any(not w.replace(":", "").isdigit() or w.count(":") > 2 for w in written):
        return None
    values = []
    for w in written:
        fields = [int(f) for f in w.split(":")]
        values.append(fields[0] * 3600 + fields[1] * 60 + (fields[2] if len(fields) == 3 else 0))
    if not any(h for *_, h in stamps):
        parts = {w.count(":") + 1 for w in written}
        if len(parts) != 1 or len(stamps) < 2 or values[0] < 3600:
            return None
        if parts == {2} and len(set(written)) == len(written):
            return None
    starts, day, last = {}, 0, values[0]
    for (i, *_), value in zip(stamps, values):
        if value < last:
            day += 86400
        last = value
        starts[i] = float(value + day - values[0])
    problems.append(Problem(source, line, f"the times such as {stamps[0][1]!r} are times of day (a chat "
                            f"log): each turn's start is counted from the first, {stamps[0][1]}", "warning"))
    return starts


def twenty_four(value: str) -> str:
    """``7:03 PM`` as ``19:03``, ``12:05 am`` as ``00:05`` (a time of day on a 12-hour clock); any
    other value unchanged."""
    if value[-1:] not in "mM.":
        return value
    m = re.match(r"(\d{1,2})(:[\d:]*)[ \t]?([AaPp])\.?[Mm]\.?$", value)
    if m is None:
        return value
    return f"{int(m.group(1)) % 12 + (12 if m.group(3) in 'Pp' else 0):02d}{m.group(2)}"


_BOT_CAMEL = re.compile(r"[a-z0-9]Bot$")  # GemDropBot (not Talbot)
_BOT_WORD = re.compile(r"(?:^|[\s_.\-])bot$|[\[(]bot[\])]$", re.I)  # Craig bot, notes_bot, Notes [BOT]


def is_bot(label: str) -> bool:
    """Whether a speaker label is a bot's (``GemDropBot``, ``Craig bot``, ``Notes [BOT]``)."""
    label = label.strip()
    return _BOT_CAMEL.search(label) is not None or _BOT_WORD.search(label) is not None


_BOT_ENDS = ("ot:", "OT:", "ot]:", "OT]:", "ot):", "OT):", "ot :", "OT :")  # a quick look before the lines


def may_have_bots(text: str) -> bool:
    """Whether a line of ``text`` may be a bot's (:func:`drop_bots` gives its items back
    unchanged when not): a label ending in ``bot`` (any case) somewhere."""
    return any(end in text for end in _BOT_ENDS)


def drop_bots(items: list, text: str, label: re.Pattern, source: str, problems: list) -> list:
    """``items`` without the lines written by a bot (a label ``GemDropBot``, ``Craig bot``,
    ``Notes [BOT]``): a bot's lines are nobody's words. One warning lists them."""
    if not may_have_bots(text):
        return items
    kept, dropped = [], []
    for item in items:
        m = label.match(item[1]) if item[2] is None else None
        if m is not None and is_bot(m.group(1)):
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        lines = ", ".join(str(item[0]) for item in dropped[:10]) + (" ..." if len(dropped) > 10 else "")
        problems.append(Problem(source, dropped[0][0], f"{len(dropped)} line(s) written by a bot (such as "
                                f"{dropped[0][1][:50]!r}) are nobody's words: kept out of the turns "
                                f"(line(s) {lines})", "warning"))
    return kept
