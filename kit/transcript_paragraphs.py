"""The short path of :mod:`kit.transcripts` for plain transcripts whose turns run over several
lines and paragraphs (real interviews, ``Label: text`` with the text going on below it and
blank lines between paragraphs).

The general reader makes an item of every line and passes every item through the boilerplate,
transcriber's marker, wrapped-label, bot and label passes. Here a few looks at the text and its
lines' starts say which lines can matter to those passes:

* a line can be export boilerplate or a wrapped label (``[00:03] Maya: ...``) only when it
  starts, stripped, with a digit, a bracket, a dash or a character outside ASCII, or holds one
  of the boilerplate pattern's words in its first 90 characters (looked for in the lines'
  first characters joined, and in their first 90 characters joined and lowered); when any
  line may be, every line is tested as the general reader tests it, and when any is
  boilerplate or a wrapped label the text goes to the general reader;
* a transcriber's marker, a colon look-alike (``Jordan： text``), a line a bot may have written
  or a text that ``kit.transcripts.detect_format`` may read as Otter or Rev (a line with a
  colon ending in a digit, a ``):``) and does, sends the text to the general reader too;
* only the first line and the lines holding a colon can carry a label: the general reader's
  own label rules (``kit.transcripts._speaker_labels``, ``_canonical_spellings``) judge those
  lines alone, and a turn is the text from its speaker's line to the next speaker's line,
  its pieces the non-blank lines in between, joined as the general reader joins them. A text
  whose every line holds a colon tries :func:`kit.transcript_fast.quick_turns` first.

Otter's and Rev's layouts (``Name  0:03`` or ``Name (00:03):`` then the text) take the general
reader, which tries its header patterns only on the lines that can be headers and the
boilerplate pattern only on the lines that can be boilerplate (kit.transcript_lines.boilerplate_found).

:func:`paragraph_turns` gives exactly what the general reader gives (turns, format, the same warnings
at the same lines) or None, and the general reader then reads the text:
``tests/test_speed_s9_parse.py`` compares both on every transcript of the tests, on the real
interviews in ``../shared`` where present and on generated variants.
"""
from __future__ import annotations

import re
from itertools import compress, repeat
from operator import contains

from kit.transcript_fast import quick_text, quick_turns, single_spaced, turn_text
from kit.transcript_lines import _HINT_WORDS, has_marker, is_boilerplate
from kit.transcript_marks import STAMP

__all__ = ["BRACKET_LABEL", "LEADING_STAMP", "TIME_FIRST", "header_lines", "known_format", "may_be_header", "paragraph_turns"]

_NAN = float("nan")

#: ``[00:00:03] Maya: text``, ``00:03 Maya: text``: a time stamp before a label (kit.transcripts._unwrap_labels).
LEADING_STAMP = re.compile(rf"^{STAMP}[ \t]+(?=\S)(.*)$")
#: ``[SPEAKER_00]: text``, ``[Maya Chen] 10:02:33 text``: a label in brackets (kit.transcripts._unwrap_labels).
BRACKET_LABEL = re.compile(rf"^\[([^\]\d\n][^\]\n]{{0,39}})\](?::[ \t]*|[ \t]+{STAMP}[ \t]*:?[ \t]*)(.*)$")

#: ``Jordan: (0:30) text``, ``Jordan: [01:02] text``: a time in brackets just after a label is the
#: turn's start when the format has none (kit.transcripts._merge_turns; session 13).
TIME_FIRST = re.compile(r"[\[(](\d{1,2}:\d{2}(?::\d{2}){0,2}(?:[.,]\d{1,3})?)[\])][ \t]*")
_TIME_AFTER_LABEL = re.compile(r"^[ \t]*[^\W\d_][^:\n]{0,39}:[ \t]*[\[(]\d{1,2}:\d{2}", re.M)
_HINT = re.compile("|".join(map(re.escape, _HINT_WORDS)))  # kit.transcript_lines' words of boilerplate
_ODD_SPACES = ("\t", "\xa0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007",
               "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000")  # whitespace but " " (and line breaks)
_ODD_COLONS = ("\uff1a", "\ua789", "\u2236", "\ufe55", "\ufe13")  # kit.transcript_odd.ODD_COLON


def _unusual(text: str, lines: list) -> bool:
    """Whether a line of ``text`` (``lines``: its non-blank lines, stripped) may be export
    boilerplate, hold a marker, be a wrapped label (``[00:03] Maya: ...``) or hold a colon
    look-alike: then the general reader's passes for those may change or report something.
    A line is boilerplate only when it is at most 260 characters long, and the boilerplate
    pattern is tried only when the line starts as the general reader's test needs or holds
    one of its words in its first 90 characters."""
    if ("[" in text or "(" in text) and has_marker(text):
        return True
    if not text.isascii() and any(c in text for c in _ODD_COLONS):
        return True
    firsts = "".join([s[0] for s in lines])
    if firsts.isascii() and not any(c in firsts for c in "[(-0123456789") and _HINT.search(
            "\n".join([s[:90] for s in lines if len(s) <= 260]).lower()) is None:
        return False  # no line starts as the tests need, none holds a word of boilerplate
    for s in lines:
        c = s[0]
        if c in "[(0123456789" and (BRACKET_LABEL.match(s) is not None or LEADING_STAMP.match(s) is not None):
            return True
        if len(s) <= 260 and (c.isdigit() or c in "[(-" or _HINT.search(s[:90].lower()) is not None) and is_boilerplate(s):
            return True
    return False


def _surely_plain(text: str, first: str, colon_lines) -> bool:
    """Whether ``kit.transcripts.detect_format`` reads ``text`` as plain (``first``: its first
    non-blank line stripped; ``colon_lines``: its stripped lines holding a colon): no ``-->``, no
    ``WEBVTT`` start, no ``):`` (a Rev header) and no line with a colon ending in a digit (an
    Otter header); else ``detect_format`` decides. The caller has looked for ``-->`` and ``):``
    (and asked :func:`_format` when the text holds ``):``)."""
    if _FORMAT[0] is text:
        return _FORMAT[1] == "plain"
    if "WEBVTT" in first or any(map(str.isdigit, "".join([s[-1] for s in colon_lines]))):
        return _format(text) == "plain"
    return True


def _format(text: str) -> str:
    """``kit.transcripts.detect_format(text)``, kept for :func:`known_format`."""
    from kit.transcripts import detect_format  # imported here, as kit.transcripts imports this module

    _FORMAT[:] = [text, detect_format(text)]
    return _FORMAT[1]


_FORMAT: list = [None, None]  # the last text whose format _surely_plain asked for, and its format


def known_format(text: str) -> str | None:
    """The format ``kit.transcripts.detect_format`` gave for ``text`` when :func:`paragraph_turns`
    asked it last (it is not asked twice), else None."""
    return _FORMAT[1] if _FORMAT[0] is text else None


def _may_be_bots(heads: list) -> bool:
    """Whether a line's label may be a bot's (``GemDropBot:``, ``Notes [bot]:``; ``heads``: the
    text of each line before its first colon): kit.transcript_marks.drop_bots would drop it."""
    return "bot" in "\n".join(heads).lower() and any(h.rstrip().lower().endswith(("bot", "bot]", "bot)")) for h in heads)


def paragraph_turns(text: str, forced, aliases) -> tuple | None:
    """``(columns, skipped, variants)`` of a plain transcript (``kit.transcripts._build_turns``'
    results: the turns as lists, the numbers of the lines before the first turn, the label
    variants and labels used once), read as the general reader reads it, when ``text`` is
    surely plain and none of its lines is unusual (see the module doc); else None."""
    if "-->" in text:  # a caption's timing line
        return None
    if (":(" in text or ": (" in text or ":[" in text or ": [" in text) and _TIME_AFTER_LABEL.search(text):
        return None  # a time after a label: the general reader's turns start then
    stripped = list(map(str.strip, text.split("\n")))
    n = len(stripped)
    said = list(filter(None, stripped))
    if not said:
        return None
    every = all(map(contains, said, repeat(":")))
    if every and "WEBVTT" not in said[0] and quick_text(text) and (  # kit.transcript_fast, as before this pass
            columns := quick_turns(said, None, None, forced, aliases, False, single_spaced(text))):
        return columns, [], []  # (an Otter or Rev header is no `Label: text` line there: a digit after its colon)
    if "):" in text and _format(text) != "plain":  # a Rev header, maybe
        return None
    if every:
        if not _surely_plain(text, said[0], said):
            return None
        with_colon = list(compress(range(1, n + 1), stripped))
        colon_lines = said
    else:
        with_colon = list(compress(range(1, n + 1), map(contains, stripped, repeat(":"))))
        colon_lines = [stripped[i - 1] for i in with_colon]
        if not _surely_plain(text, said[0], colon_lines):
            return None
    if _unusual(text, said) or _may_be_bots([s[:s.index(":")] for s in colon_lines]):
        return None
    first = next(compress(range(1, n + 1), stripped))
    items = [] if with_colon and with_colon[0] == first else [(first, said[0], None, _NAN, _NAN)]
    items += [(i, s, None, _NAN, _NAN) for i, s in zip(with_colon, colon_lines)]
    from kit import transcripts  # its label rules; imported here, as it imports this module

    variants: list = []
    labels, speakers = transcripts._speaker_labels(items, forced, False, variants)
    canonical = transcripts._canonical_spellings(items, labels, speakers, True)
    heads = [(item[0], lab) for item, lab in zip(items, labels) if lab is not None and lab[2] in speakers]
    clean = "  " not in text and not any(c in text for c in _ODD_SPACES)  # words apart by single spaces
    merged = _merge(heads, stripped, canonical, aliases or {}, variants, clean) if heads else None
    if merged is None:
        return None  # no turns: the general reader raises the error
    return merged, list(compress(range(1, heads[0][0]), stripped)), variants


def _merge(heads: list, stripped: list, canonical: dict, alias: dict, variants: list, clean: bool) -> dict | None:
    """Turns from the speakers' lines (``heads``: (line, (label, rest, key))) as
    ``kit.transcripts._merge_turns`` merges the items: each speaker line's rest and the
    non-blank lines up to the next speaker line; a turn without text dropped. ``clean``: the
    text's words are apart by single spaces (a turn's lines joined need no other change unless
    they hold a bracket, kit.transcript_fast.turn_text)."""
    turns: list = []  # [speaker, [pieces]]
    cur = None
    n = len(stripped)
    for h, (i, (sp, rest, key)) in enumerate(heads):
        stop = heads[h + 1][0] - 1 if h + 1 < len(heads) else n
        same = canonical.get(key, sp)
        if same != sp and sp not in alias:
            variants.append((i, sp, same))
            sp = same
        sp = alias.get(sp, sp)
        if cur is None or cur[0] != sp:
            if cur is not None and not cur[1]:
                turns.pop()  # a label with no text: dropped
                cur = turns[-1] if turns else None
            if cur is None or cur[0] != sp:
                cur = [sp, []]
                turns.append(cur)
        if rest:
            cur[1].append(rest)
        if i < stop:
            cur[1] += filter(None, stripped[i:stop])
    if cur is not None and not cur[1]:
        turns.pop()
    if not turns:
        return None
    k = len(turns)
    texts = []
    for t in turns:
        joined = " ".join(t[1])
        texts.append(joined if clean and "[" not in joined and "(" not in joined else turn_text(t[1]))
    return {"speaker": [t[0] for t in turns], "start": [_NAN] * k, "end": [_NAN] * k, "text": texts}


def may_be_header(line: str, fmt: str) -> bool:
    """Whether ``line`` (stripped, not empty) may be a header of an Otter (``Name  0:03``) or Rev
    (``Name (00:03):``) transcript (``fmt``) for ``kit.transcripts._header_items``: a Rev header
    holds a bracket; an Otter header (its time written otherwise too, ``1m05s``) ends in a digit,
    ``s`` or ``m``, or in a character outside ASCII (an invisible one the header reader removes)."""
    if fmt == "rev":
        return "(" in line or "[" in line
    return line[-1] in _OTTER_ENDS or not line[-1].isascii()


_OTTER_ENDS = frozenset("0123456789smSM")


def header_lines(lines: list, fmt: str) -> list:
    """:func:`may_be_header` of each of ``lines`` (stripped; an empty line: False) in one pass."""
    if fmt == "rev":
        return ["(" in s or "[" in s for s in lines]
    ends = [s[-1:] for s in lines]
    return [e in _OTTER_ENDS or not e.isascii() for e in ends]
