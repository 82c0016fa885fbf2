"""The short paths of :mod:`kit.transcripts` for transcripts of the common, regular shapes.

Each function gives exactly what the general reader gives for such a text, or None when the
text is not of that shape (the general reader then reads it): ``tests/test_speed_s8_parse.py``
compares both on every transcript of the tests, on generated variants and on the real
interviews in ``../shared`` where present.

* :func:`regular_cues`: a WebVTT (bare ``WEBVTT`` header) or SubRip file whose every cue is a
  number, an ``hh:mm:ss.mmm --> hh:mm:ss.mmm`` line, one line of text and a blank line is read
  from its lines taken four at a time (the times of all its timing lines as one table of digits);
  :func:`caption_items` reads other standard cues (a cue number or none, cue settings, lines
  of text that each start with a letter, the first holding a colon, cues apart by blank lines)
  by one regular expression over the whole file instead of line by line. The cues' times must
  be possible and in order (else the general reader warns about them).
* :func:`quick_turns`: when every line is a ``Label: text`` line of a speaker, the labels are
  judged once per distinct spelling (and per study: :data:`_JUDGED`) instead of once per line,
  and the turns built from lists; :func:`quick_text` and :func:`single_spaced` say, from one
  look at the whole text, that no such line can be boilerplate or hold a transcriber's marker,
  and that its words need not be split and joined again.
* :func:`plain_lines_only`: whether no line of a text can be export boilerplate, a
  transcriber's marker or a label written after a time stamp or in brackets, so that the
  passes looking for those can be skipped.

Transcripts with lines that continue a turn without a label (most real interviews, whose
turns run over paragraphs) take :mod:`kit.transcript_paragraphs`, which calls :func:`quick_turns`
first when every line holds a colon.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from operator import eq, itemgetter

from kit.speaker_roles import plain_label
from kit.transcript_labels import choose_speakers, is_name, label_key, lone_roles
from kit.transcript_lines import MARKER, boilerplate_hints, extend_turn, has_marker
from kit.transcript_marks import as_written, is_bot

__all__ = ["caption_items", "plain_lines_only", "quick_turns", "quick_text", "regular_cues", "single_spaced",
           "turn_text"]

_SEPARATOR = itemgetter(1)
_FIRST_LETTER = re.compile(r"[^\W\d_]")  # how LABEL's label starts


def _ONE(piece: str) -> list:
    return [piece]

_NAN = float("nan")

_TIME = r"([0-9]{2}):([0-5][0-9]):([0-5][0-9])[.,]([0-9]{3})"  # kit.transcripts.parse_time's common form
_SETTING = r"(?:[ \t]+(?:vertical|line|position|size|align|region):[^\s]+)"  # no text: the general path warns
_CUE = (rf"(?:([0-9]+)\n)?{_TIME}[ \t]*-->[ \t]*{_TIME}{_SETTING}*[ \t]*\n"
        r"([^\W\d_][^\n:]*:[^\n]*(?:\n[^\W\d_][^\n]*)*)(\n\n+|\n?\Z)")
_CUES = re.compile(_CUE)
_VTT_HEAD = re.compile(r"WEBVTT(?:[ \t][^\n]*)?(?:\n[^\n]+)*\n\n+")
_VTT_WHOLE = re.compile(rf"{_VTT_HEAD.pattern}(?:{_CUE})+")
_SRT_WHOLE = re.compile(rf"(?:{_CUE})+")


def caption_items(text: str, fmt: str) -> list | None:
    """The items (``(line, text, None, start, end)``, one per line of a cue's text) that
    ``kit.transcripts`` reads from the cues of ``text`` (format ``fmt``, "vtt" or "srt"), when
    every cue is standard (see the module doc) and reading them reports nothing; else None.

    No item has a voice tag, a tag or an entity (the text holds no ``<``, ``&`` or ``{``), a
    caption's dash (each line starts with a letter), or a timing line (``-->`` is only in the
    timing lines); the first line of each cue holds a colon, so no cue has Teams' name line."""
    if "<" in text or "&" in text or "{" in text:
        return None
    if fmt in ("vtt", "srt") and (cues := _regular_cues(text, fmt)) is not None:
        first, said, starts, ends = cues
        n = len(said)
        return list(zip(range(first, first + 4 * n, 4), said, repeat(None, n), starts, ends))
    if fmt == "vtt":
        head = _VTT_HEAD.match(text)
        if head is None or _VTT_WHOLE.fullmatch(text) is None:
            return None
        start_at = head.end()
        line = text.count("\n", 0, start_at) + 1
    elif fmt == "srt":
        if _SRT_WHOLE.fullmatch(text) is None:
            return None
        start_at, line = 0, 1
    else:
        return None
    cues = _CUES.findall(text, start_at)
    if text.count("-->") != len(cues):
        return None  # a "-->" in a cue's text: the general reader reads it as a timing line
    items = []
    append = items.append
    last = -1.0
    for number, h1, m1, s1, f1, h2, m2, s2, f2, payload, gap in cues:
        start = (int(h1) * 3_600_000 + int(m1) * 60_000 + int(s1) * 1000 + int(f1)) / 1000
        end = (int(h2) * 3_600_000 + int(m2) * 60_000 + int(s2) * 1000 + int(f2)) / 1000
        if end < start or start < last:
            return None  # warned by the general reader
        last = start
        line += 2 if number else 1  # the cue number and the timing line
        if "\n" in payload:
            for s in payload.split("\n"):
                append((line, s.strip(), None, start, end))
                line += 1
            line += len(gap) - 1
        else:
            append((line, payload.strip(), None, start, end))
            line += len(gap)
    return items


_TIMINGS = re.compile(r"(?:[0-9]{2}:[0-5][0-9]:[0-5][0-9][.,][0-9]{3} --> [0-9]{2}:[0-5][0-9]:[0-5][0-9][.,][0-9]{3}\n)+")


def _regular_cues(text: str, fmt: str) -> tuple | None:
    """:func:`caption_items` for the most regular layout, as the captioning tools write it:
    (after a bare ``WEBVTT`` line and a blank line) every cue a number, a timing line written
    ``hh:mm:ss.mmm --> hh:mm:ss.mmm``, one line of text (starting with a letter, holding a
    colon) and one blank line; the file's lines taken four at a time: (the first text line's
    number, the stripped text lines, their starts, their ends). None for any other layout."""
    lines = text.split("\n")
    first = 2 if fmt == "vtt" else 0
    if fmt == "vtt" and (len(lines) < 3 or lines[0] != "WEBVTT" or lines[1] != ""):
        return None
    end = len(lines)
    while end > first and lines[end - 1] == "":
        end -= 1
    body = lines[first:end]
    if len(body) % 4 != 3:
        return None
    body.append("")
    numbers, timings, said = body[0::4], body[1::4], body[2::4]
    digits = "".join(numbers)
    if (any(body[3::4]) or not all(numbers) or not digits.isdigit() or not digits.isascii()
            or _TIMINGS.fullmatch(stamps := "\n".join(timings) + "\n") is None
            or text.count("-->") != len(timings)
            or not all(map(_FIRST_LETTER.match, said)) or not all(map(str.__contains__, said, repeat(":")))):
        return None
    # every timing line is 29 ASCII characters and its line break (matched above): its digits
    # as a table, each time's milliseconds a product with the digits' place values (exact integers)
    import numpy as np

    table = np.frombuffer(stamps.encode("ascii"), dtype=np.uint8).reshape(-1, 30).astype(np.int64) - 48
    place = _place_values()
    start_ms, end_ms = table[:, 0:12] @ place, table[:, 17:29] @ place
    if (start_ms > end_ms).any() or (start_ms[1:] < start_ms[:-1]).any():
        return None  # warned by the general reader
    return first + 3, list(map(str.strip, said)), (start_ms / 1000).tolist(), (end_ms / 1000).tolist()


@lru_cache(maxsize=1)
def _place_values():
    """What each character of ``hh:mm:ss.mmm`` is worth in milliseconds (0 for ``:`` and ``.``)."""
    import numpy as np

    return np.array([36_000_000, 3_600_000, 0, 600_000, 60_000, 0, 10_000, 1000, 0, 100, 10, 1], dtype=np.int64)


def regular_cues(text: str, fmt: str) -> tuple | None:
    """The lines of text of a caption file of the most regular layout (see :func:`_regular_cues`)
    as columns: ``(lines, starts, ends)``, the items :func:`caption_items` gives; else None."""
    if "<" in text or "&" in text or "{" in text or fmt not in ("vtt", "srt"):
        return None
    cues = _regular_cues(text, fmt)
    return None if cues is None else cues[1:]


_MAY_BE_MARKED = re.compile(r"^\s*(?:[\d\[(\-]|[^\x00-\x7f])", re.M)


def plain_lines_only(text: str) -> bool:
    """Whether no line of ``text`` starts (once stripped) with a digit, a bracket, a dash or a
    character outside ASCII, and none holds a transcriber's marker (``[inaudible]``): then
    :func:`kit.transcript_lines.drop_boilerplate` (called without ``hints``) and
    ``kit.transcripts._unwrap_labels`` give their items back unchanged."""
    return _MAY_BE_MARKED.search(text) is None and MARKER.search(text) is None


# A label line matching kit.transcript_lines' boilerplate pattern starts with one of these words, or
# holds "transcri" or "recording" (the pattern is matched in any case: in an ASCII text, in lower case)
_BOILER_STARTS = ("caption", "subtitle", "this", "powered", "generated", "exported", "created", "made",
                  "http", "www", "otter", "rev.", "temi.", "page", "transcri", "recording", "cloud", "live")


def quick_text(text: str) -> bool:
    """Whether ``text`` holds no transcriber's marker (``[inaudible]``) and, when ASCII, neither
    ``transcri`` nor ``recording`` in any case: then no line of it starting with a label that
    :func:`quick_turns` accepts can be export boilerplate (``Maya: stopped recording``, which
    kit.transcript_lines drops and reports). A non-ASCII text (the pattern's letters match
    ``ſ``, ``K`` and ``ı`` in any case) needs ``not boilerplate_hints(text)`` instead."""
    if ("[" in text or "(" in text) and has_marker(text):
        return False
    if not text.isascii():
        return not boilerplate_hints(text)
    low = text.lower()
    return "transcri" not in low and "recording" not in low


def single_spaced(text: str) -> bool:
    """Whether the only whitespace of ``text``'s lines is single spaces (an ASCII text without
    tabs, vertical tabs, form feeds or two spaces in a row): then a stripped line's words joined
    by one space are the line itself."""
    return text.isascii() and "  " not in text and "\t" not in text and "\x0b" not in text and "\x0c" not in text


_JUDGED: dict[str, tuple] = {}  # a label as written -> _judge(label): a study repeats a few labels


def _judge(written: str) -> tuple:
    """(label, key, label as shown, looks like a name, refused) of a label as written: refused
    when a bot's (kit.transcript_marks.drop_bots), not ASCII, or starting like a boilerplate line."""
    label = plain_label(written)
    got = (label, label_key(label), label if written.isascii() else as_written(written, label), is_name(label),
           is_bot(written) or not written.isascii() or written.lower().startswith(_BOILER_STARTS))
    if len(_JUDGED) > 100_000:
        _JUDGED.clear()
    _JUDGED[written] = got
    return got


def quick_turns(lines: list, starts: list | None, ends: list | None, forced, aliases, single_use: bool,
                spaced: bool = False) -> dict | None:
    """The turns (``{"speaker", "start", "end", "text"}`` lists) that ``kit.transcripts``
    builds from the items of ``lines`` (stripped, not empty; their cues' ``starts`` and ``ends``,
    or None: NaN) when every line is a ``Label: text`` line (kit.transcript_labels.LABEL, its
    text not starting with a digit or ``/``) whose label looks like a name (or is ``forced``),
    every label is a speaker's (rules 2a-2e), and each speaker's label is written one way (no
    capitals or accents read as another spelling): then nothing is skipped or reported, and
    the labels are judged once per distinct spelling instead of once per line. None otherwise
    (the general path reads the items). Consecutive lines of one speaker are merged as the
    general path merges them. ``spaced``: the text holds no transcriber's marker and is
    :func:`single_spaced` (a line's words need not be split and joined again)."""
    parts = [text.partition(":") for text in lines]
    if not parts or not all(map(_SEPARATOR, parts)):
        return None  # a line without a colon: no label
    heads = [part[0] for part in parts]
    written_as = {}
    for head in dict.fromkeys(heads):  # LABEL's groups, worked out once per distinct head
        label = head.rstrip(" \t")
        if not 0 < len(label) <= 40 or _FIRST_LETTER.match(label) is None:
            return None  # LABEL does not match (a line of text, or a label too long)
        written_as[head] = label
    rests = [part[2] for part in parts]
    if any(first.isdigit() or first == "/" for first in {rest[:1] for rest in rests}):
        return None  # `10:30`, `https://`: not a label (the general path reads the line as text)
    speaker = _speakers(heads, written_as, forced, aliases, single_use)
    if speaker is None or "" in (stripped := list(map(str.strip, rests))):
        return None  # a label with nothing after it
    n = len(speaker)
    starts = [_NAN] * n if starts is None else starts
    ends = [_NAN] * n if ends is None else ends
    if not any(map(eq, speaker, speaker[1:])):  # no two lines of one speaker in a row
        return {"speaker": speaker, "start": starts, "end": ends,
                "text": stripped if spaced else list(map(turn_text, map(_ONE, stripped)))}
    return _merged(speaker, starts, ends, stripped)


def _speakers(heads: list, written_as: dict, forced, aliases, single_use: bool) -> list | None:
    """The speaker of each line of :func:`quick_turns` from the text before its colon (``heads``;
    ``written_as``: each head's label as written), or None when the general path must read the
    lines."""
    judged = {}
    with_text: dict = {}  # lines with text per label key, in order of first use
    for head, label_as_written in written_as.items():  # in order of first use
        if (got := _JUDGED.get(label_as_written)) is None:
            got = _judge(label_as_written)
        label, key, _shown, name_like, refused = got
        if refused or not (name_like or label in forced):
            return None  # not a speaker's label, a bot's, or its line may be boilerplate (see quick_text)
        judged[label_as_written] = got[:3]
        with_text[key] = with_text.get(key, 0) + heads.count(head)
    first = judged[written_as[heads[0]]][1]
    spelling: dict = {}
    for label, key, _shown in judged.values():
        spelling.setdefault(key, label)
    speakers = choose_speakers(with_text, set(), first, spelling, forced, single_use)
    if len(speakers) != len(with_text):
        return None  # a label that is no speaker's: its line is text of the turn above, maybe reported
    if lone_roles(with_text, spelling, forced):
        return None  # `Daughter:` once: a third speaker's turn, reported by the general path
    canonical: dict = {}  # kit.transcripts._canonical_spellings, once per spelling
    for _label, key, shown in judged.values():
        if key not in canonical or (canonical[key] == canonical[key].lower() and shown != shown.lower()):
            canonical[key] = plain_label(shown)
    alias = aliases or {}
    named = {}
    for head, w in written_as.items():
        _label, key, shown = judged[w]
        if canonical[key] != shown and shown not in alias:
            return None  # read as another spelling: the general path reports the lines
        named[head] = alias.get(shown, shown)
    return list(map(named.__getitem__, heads))


def _merged(speaker: list, starts: list, ends: list, texts: list) -> dict:
    """Consecutive lines of one speaker merged into one turn (kit.transcripts._merge_turns)."""
    turns: list = []
    cur = None
    for sp, start, end, s in zip(speaker, starts, ends, texts):
        if cur is not None and cur[0] == sp:
            cur[3].append(s)
            extend_turn(cur, end)
        else:
            cur = [sp, start, end, [s]]
            turns.append(cur)
    return {"speaker": [t[0] for t in turns], "start": [t[1] for t in turns], "end": [t[2] for t in turns],
            "text": [turn_text(t[3]) for t in turns]}


def turn_text(pieces: list) -> str:
    """A turn's text from its lines: joined by one space, transcribers' markers removed (a turn
    that is only a marker keeps it: dropping it would merge the turns around it and renumber
    the rest), whitespace normalised."""
    said = " ".join(pieces)
    if "[" in said or "(" in said:
        without = MARKER.sub(" ", said)
        said = without if without.strip() else said
    return " ".join(said.split())
