"""Read interview transcripts into a table of speaker turns.

A transcript becomes a DataFrame with exactly the columns ``speaker, start, end, text``:
one row per speaker turn, consecutive segments of one speaker merged (start of the first,
end of the last, texts joined with a single space), whitespace normalised. ``start`` and
``end`` are seconds as floats, NaN where the format has no times.

Formats are recognised from the content, never from the file extension:

========  ==========================================================================
format    looks like
========  ==========================================================================
vtt       ``WEBVTT`` header. Zoom: cue text ``Name: text``, a cue without a label
          continues the previous speaker. Teams: ``<v Name>text</v>`` (closing tag
          optional, ``<v.class Name>`` too), GUID cue ids. NOTE, STYLE and REGION
          blocks are skipped, inline tags (``<c>``, ``<i>``, ``<00:00:01.000>``) removed.
srt       numbered cues, ``00:00:01,000 --> 00:00:04,000``, cue text ``Name: text``.
otter     a header line ``Name  0:03`` (or ``Name 1:02:03``; any Unicode space), the text on the
          following lines. ``start`` is the header's time; ``end`` is NaN (Otter gives no end).
rev       ``Name (00:03):`` or ``Name (01:02:03):`` then the text, on the same line or
          the following ones. ``start`` is the time; ``end`` is NaN.
plain     ``Name: text`` lines; lines without a label continue the previous turn; a time in
          brackets after the label (``Name: (0:30) text``) is the turn's start.
========  ==========================================================================

A Word file (``.docx``, as Teams, Otter and Rev export) is read with python-docx, one line
per paragraph and per line, page or column break, a table row ``Speaker | text`` as ``Speaker:
text`` (other rows warned), then recognised as above. Bytes are decoded line by line (UTF-8, a line that
is not falls back to Windows-1252 with a warning listing it; UTF-16 with a BOM). A vertical
tab, form feed, NEL, U+2028 or U+2029 ends a line as a line feed does (one warning lists them).

Captions are read as players read hand-edited files: a cue runs from its timing line to the
next one, so a blank line inside a cue does not lose its text; times may omit the hours, have
1-4 fraction digits after ``.``, ``,`` or ``:``, no spaces around ``-->``, and cue settings;
other text after the times is the cue's first line, with a warning.
An unreadable or impossible timing line is a warning and its text is kept (NaN times), so
later turns keep their numbers; ends before starts (text kept, times not) and times going
backwards are warnings, and a merged turn never ends before it starts.

A label is read whatever decorates it (kit.transcript_marks): terminal colour codes and their
debris (removed from every line, with a warning), invisible characters, Markdown emphasis
(``**Jordan:**``), caption speaker-change marks (``- Jordan:``, ``>> JORDAN:``), ``<V Name>``,
header times with frames (``Jordan  1:02:03:04``, read to the second); a look-alike spelling is
warned. A cue number followed by text, not a timing line, is a warning and a cue without times;
an impossible header time (``Jordan  0:99``) a warning, the turn kept without a time; other forms
(``100:00:00``, ``1:02:03.5``, ``0:00:05;12``, ``(1h02m03s)``) are read (kit.transcript_odd). A chat
log's times of day (``[19:02] ana.r:``) count from the first stamp; bots' lines are left out.

Lines nobody said (service footers such as ``Transcribed by https://otter.ai``, page
numbers, timestamps alone on a line) are kept out of the turns and reported (a service's sentence
with more said after it, ``My manager stopped the recording.``, only at the file's start or end
or between turns: inside a turn it is someone's words; the file's last line, when it names a
speaker in full and has no sentence end, as Teams writes "... stopped transcription" in any
language, with a warning); markers such as
``[inaudible 00:01:02]`` and ``[crosstalk]`` are removed from the words (a turn that is only
a marker keeps it, so turn numbers stay). Labels written ``[SPEAKER_00]:``, ``[Name] 0:03``
or after a timestamp (``[00:00:03] Name:``) are read as ``Name:``.

Labels that are not speakers
----------------------------
In ``Name: text`` formats (plain, Zoom VTT, SRT) a line such as ``Initial Steps:`` or
``Here's my last question: ...`` inside an answer is a heading or a sentence, not a new
speaker. A line ``Label: rest`` starts a new turn only when ``Label`` is a *speaker label*:

1. It looks like a name: starts with a letter, at most 4 words and 40 characters, only
   letters in any script with their combining marks (``प्रिया शर्मा``: kit.transcript_letters), digits,
   spaces, emoji and ``. ' - _ & ( ) [ ] / , + @`` (``Jordan [Guest]``), no common function word
   (``my``, ``our``, ``for``, ``the``, ``here's`` ...; one that is also a name, ``Will``,
   ``Said``, ``Can``, counts as a name written with a capital; ``My daughter`` is a role), and
   the colon is not followed by a digit or ``/`` (so ``10:30`` and ``https://`` never count);
   or a dial-in caller's phone number (``+44 20 7946 0958:``).
2. And it is *established*, one of:

   a. forced: a key of ``aliases``, a name in ``speakers``, or a usual role label
      (Interviewer, Moderator, Researcher, Participant, Respondent, Assistant, AI, User,
      Q, A, Speaker 1, P1 ...);
   b. used with text after the colon on at least two lines of the transcript, and not a
      heading (``Note``, ``Step 2``, ``Next Steps``: a label starting with a heading word or
      made of heading words and qualifiers; ``Ann Note``, ``Jordan Example`` are names);
   c. used once with text after the colon, on the very first line of the transcript;
   d. used once with text after the colon while the rules above found fewer than two
      speakers (a two-line exchange ``Maya: ...`` / ``Dana: ...``);
   e. in VTT and SRT only, used once with text after the colon: captioning tools label
      every speaker, so someone who speaks once is still a speaker there.

   f. used once with text after the colon, not a heading word: that speaker's turn when it shares
      a name word with one (``MJ Hope:`` beside ``Mary-Jane Hope:``), else a speaker of its own
      (``Carol:``: never the turn above's words); reported as a warning.
   g. used once and naming someone else's role or a relative (``Daughter:``, ``Support worker:``:
      kit.speaker_roles.third_role): a third speaker's turn, reported as a warning; and a lone
      capitalised weekday or month (``Sunday:``) used with text on two lines or more.
      An Otter or Rev header that fails rule 1 is a header when it recurs (kit.transcript_once).
      In Otter and Rev, lines without a time follow these rules with the timed headers' speakers
      established (a bare ``Name:`` takes the line below as its text); a transcriber's ``Note:``
      line, an empty header and labels kept as text are reported (kit.transcript_timed).

Labels are compared in lower case without accents (``Jose Pena:`` is ``José Peña:``, with
a warning). A label with nothing after the colon (``Initial Steps:``) starts a turn only if
established by the rules above (``AI:`` on its own line, the text below it). Every other
``Label: ...`` line stays in the current turn, verbatim, so no text is lost; a name-like
label used once (``Tom: ...`` in a transcript of Maya and Dana) is a turn of its own, reported
at its line.

Text before the first speaker turn (a title line, unlabelled cues) is skipped; the
returned frame's ``attrs["problems"]`` holds a warning listing its lines (with every other
warning above), and ``attrs["format"]`` the detected format. Every non-blank line is thus
used or reported. Segments with no text (``AI:`` followed directly by the next
speaker) are dropped before merging.
"""
from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from kit.errors import Problem, TranscriptError
from kit.privacy_text import invisible_pattern
from kit.speaker_roles import plain_label, variants_problem
from kit.transcript_docx import decode as _decode, docx_text
from kit.transcript_fast import caption_items, plain_lines_only, quick_text, quick_turns, regular_cues, single_spaced
from kit.transcript_fast import turn_text
from kit.transcript_dashes import dash_labels
from kit.transcript_labels import LABEL as _LABEL, choose_speakers
from kit.transcript_labels import is_name as _is_name, label_key as _label_key
from kit.transcript_lines import MARKER as _MARKER
from kit.transcript_lines import boilerplate_hints, content_mismatch, drop_boilerplate, extend_turn, is_boilerplate
from kit.transcript_lines import has_c0 as _has_c0, long_lines, normalise_newlines as _normalise_newlines, other_line_breaks
from kit.transcript_paragraphs import BRACKET_LABEL as _BRACKET_LABEL, LEADING_STAMP as _LEADING_STAMP, TIME_FIRST as _TIME_FIRST
from kit.transcript_paragraphs import header_lines, known_format, paragraph_turns
from kit.transcript_once import once_used, recurring_headers, service_tail, unnamed_labels
from kit.transcript_timed import loose_headers, timed_items, timed_warnings, unspaced
from kit.transcript_letters import MARKS
from kit.transcript_scripts import script_passages
from kit.transcript_uses import label_uses as _label_uses
from kit.transcript_odd import SETTINGS as _SETTINGS, in_order, odd_headers, odd_time
from kit.transcript_marks import clock_starts, dash_cues, drop_bots, strip_colour
from kit.transcript_marks import twenty_four

__all__ = [
    "COLUMNS",
    "FORMATS",
    "read_transcript",
    "parse_transcript",
    "detect_format",
    "talk_ratio",
    "infer_interviewer",
    "parse_time",
]

COLUMNS = ["speaker", "start", "end", "text"]
FORMATS = ("vtt", "srt", "otter", "rev", "plain")

_NAN = float("nan")
MAX_SECONDS = 100 * 3600  # no recording is longer: a later time is a typing error
_SAMPLE = 8_000  # characters of a transcript that detect_format looks at

# ---------------------------------------------------------------------------------------
# compiled patterns
# ---------------------------------------------------------------------------------------
# Players accept more than the specifications: missing hours, 1-4 digit fractions after
# `.`, `,` or `:`, no spaces around the arrow, cue settings after the end time.
_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,:]\d{1,4})?"  # Teams' Word export writes 0:0:3.510
_TIMING = re.compile(rf"^({_TIME})[ \t]*-->[ \t]*({_TIME})(?:[ \t]+(.*))?$")
_TIMING_ANY = re.compile(rf"^[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}", re.M)
_ARROW = re.compile(r"-->|->|—>|→")
_AFTER_TIMES = re.compile(r"^\S*?[ \t]*(?:-->|->|—>|→)[ \t]*\S*(?:[ \t]+(.*))?$")  # two times, then text
_VTT_HEADER = re.compile(r"^\s*WEBVTT(?:[ \t].*)?$")
_SPECIAL_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t]|$)")

# a name's letters with their marks (kit.transcript_letters), its middle dots (``ジョン・スミス``)
_NAME = rf"[^\W\d_][\w{MARKS}.'’\-&\u00b7\u30fb]*(?:[ \t]+[\w{MARKS}.'’\-&()\u00b7\u30fb]+){{0,3}}"
_OTTER = re.compile(rf"^({_NAME})[ \t]+(\d{{1,2}}:\d{{2}}(?::\d{{2}}){{0,2}})[ \t]*$")
_REV = re.compile(rf"^({_NAME})[ \t]*\((\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:[.,]\d{{1,3}})?)\):[ \t]*(.*)$")
_ODD_OTTER, _ODD_REV = odd_headers(_NAME)  # header times written otherwise (kit.transcript_odd)
_REV_HEADER = re.compile(rf"^({_NAME})[ \t]*[(\[](\d{{1,2}}:\d{{2}}(?::\d{{2}}){{0,2}}(?:[.,]\d{{1,3}})?)[)\]]"
                         r"([ \t]*:)?[ \t]*(.*)$")  # Rev's header as written by hand: [00:20], frames, no colon
_V_TAG = re.compile(r"<[vV](?:\.[^\s>]*)?[ \t]+([^>]*)>")
_V_SPAN = re.compile(rf"{_V_TAG.pattern}|</[vV][ \t]*>")  # a voice tag or its end
_TAG = re.compile(r"<[^>\n]*>")
_SRT_TAG = re.compile(r"</?(?:i|b|u|s|font)\b[^>\n]*>|\{\\[^}\n]*\}", re.I)
_CUE_ID = re.compile(r"^(?:\d+|[0-9a-fA-F]{8}-[0-9a-fA-F-]{27,}(?:/[\w-]+)?)$")
_C0 = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_QUESTION = re.compile(r"\?+(?=[\s\"'”’)\]]|$)")


# ---------------------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------------------
def read_transcript(path, aliases: Mapping[str, str] | None = None, *,
                    speakers: Iterable[str] | None = None) -> pd.DataFrame:
    """Read a transcript file into a DataFrame of speaker turns (see the module doc).

    ``aliases`` maps a label to the canonical speaker name (``{"Maya C.": "Maya Chen"}``)
    and is applied before merging. ``speakers`` names labels that are always speakers,
    even when used only once. Raises :class:`TranscriptError` for a missing, unreadable,
    empty, binary or undecodable file, and for a file with no speaker turns.
    """
    return _frame(*read_turns(path, aliases, speakers=speakers))


def read_turns(path, aliases: Mapping[str, str] | None = None, *,
               speakers: Iterable[str] | None = None) -> tuple[dict, str, list[Problem]]:
    """Like :func:`read_transcript`, but the turns come back as plain lists
    (``{"speaker": [...], "start": [...], "end": [...], "text": [...]}``) with the format
    and the warnings, without building a DataFrame: for loading thousands of transcripts."""
    source = str(path)
    from kit.csvio import read_bytes  # the one home for opening a study's files

    data, unreadable = read_bytes(path)
    if data is None:
        message = unreadable[0].message
        if not os.path.lexists(path):
            message = "transcript not found: check the file name, or the note's `transcript:` field"
        elif message.startswith("a folder"):
            message = "this is a folder, not a transcript file"
        elif message.startswith("cannot read"):
            message = f"cannot read the transcript ({message.partition(': ')[2]}): check the file's permissions"
        raise _error(source, 0, message)
    if data[:4] == b"PK\x03\x04":
        text, warnings = docx_text(data, source)
    else:
        text, warnings = _decode(data, source)
    warnings = content_mismatch(source, os.path.splitext(source)[1], data) + warnings
    columns, fmt, problems = parse_turns(text, source=source, aliases=aliases, speakers=speakers)
    return columns, fmt, warnings + problems


def parse_transcript(text: str, source: str = "<text>",
                     aliases: Mapping[str, str] | None = None, *,
                     speakers: Iterable[str] | None = None) -> pd.DataFrame:
    """Parse transcript text (any supported format) into a DataFrame of speaker turns."""
    return _frame(*parse_turns(text, source, aliases, speakers=speakers))


def _frame(columns: dict, fmt: str, problems: list) -> pd.DataFrame:
    df = pd.DataFrame({"speaker": columns["speaker"], "start": np.array(columns["start"], dtype="float64"),
                       "end": np.array(columns["end"], dtype="float64"), "text": columns["text"]})
    df.attrs["format"] = fmt
    df.attrs["problems"] = problems
    return df


def parse_turns(text: str, source: str = "<text>",
                aliases: Mapping[str, str] | None = None, *,
                speakers: Iterable[str] | None = None) -> tuple[dict, str, list[Problem]]:
    """Parse transcript text into turns as plain lists; see :func:`read_turns`. A passage in
    another script inside a turn is a turn of its own (kit.transcript_scripts)."""
    columns, fmt, problems = _parse_turns(text, source, aliases, speakers)
    service_tail(columns, text, source, problems)  # "Daeth Rhian Pritchard â'r trawsgrifio i ben"
    return script_passages(columns, text, source, problems), fmt, problems


def _parse_turns(text, source, aliases, speakers) -> tuple[dict, str, list[Problem]]:
    if not isinstance(text, str):
        raise TypeError(f"parse_transcript expects text (str), not {type(text).__name__}")
    text = _normalise_newlines(text)
    if not text.strip():
        raise _error(source, 0, "empty transcript: add the text or remove the file")
    if "\x00" in text:
        raise _error(source, text.count("\n", 0, text.index("\x00")) + 1,
                     "this looks like a binary file, not a transcript: save the "
                     "transcript as text (.vtt, .srt or .txt)")
    problems: list[Problem] = []
    text = long_lines(text, source, problems, "turn")  # a 20 MB line: said at its line at once, left out
    if "\x1b" in text or "[0m" in text:
        text = strip_colour(text, source, problems)
    text = other_line_breaks(text, source, problems)  # U+2028, NEL, VT, FF: a line break each
    if _has_c0(text):
        text = _C0.sub(" ", text)
    forced = set(aliases or ()) | set(speakers or ())
    text = dash_labels(text, source, problems, forced)  # `Huw - ...`: Huw's turn (kit.transcript_dashes)
    if (paragraphs := paragraph_turns(text, forced, aliases)) is not None:  # plain text (kit.transcript_paragraphs)
        return _finish(*paragraphs, "plain", source, problems)
    fmt = known_format(text) or detect_format(text)
    quick = fmt in ("vtt", "srt") and quick_text(text)  # the captions' short paths (kit.transcript_fast)
    spaced = quick and single_spaced(text)
    if quick and (cues := regular_cues(text, fmt)) is not None \
            and (columns := quick_turns(*cues, forced, aliases, True, spaced)):
        return columns, fmt, problems
    captions = caption_items(text, fmt) if fmt in ("vtt", "srt") else None  # standard cues in one pass
    if quick and captions is not None and (columns := quick_turns(
            [c[1] for c in captions], [c[3] for c in captions], [c[4] for c in captions],
            forced, aliases, True, spaced)):
        return columns, fmt, problems
    lines = text.split("\n")
    if fmt == "plain":
        items = [(i, s, None, _NAN, _NAN) for i, s in enumerate(map(str.strip, lines), 1) if s]
    # captions' tags and entities are removed from a line before it is tested: then any line may
    hints = boilerplate_hints(text) or fmt in ("vtt", "srt") and any(c in text for c in "<&{")
    variants: list = []
    if fmt in ("vtt", "srt"):
        items = _cue_items(lines, fmt, source, problems) if captions is None else captions
        if hints or not plain_lines_only(text):  # else no line is boilerplate, marked or a wrapped label
            items = _unwrap_labels(drop_boilerplate(items, source, problems, hints), source, problems)
        items = drop_bots(items, text, _LABEL, source, problems)
        turns, skipped = _build_turns(items, forced, aliases, single_use=True, variants=variants)
    elif fmt in ("otter", "rev"):
        items = drop_boilerplate(_header_items(lines, fmt, source, problems), source, problems, hints)
        items = recurring_headers(items, _REV_HEADER if fmt == "rev" else _OTTER, _stamp, source, problems)
        items = timed_items(loose_headers(items, _stamp, source, problems) if fmt == "otter" else items, source, problems)
        timed = {_label_key(sp): sp for _i, _s, sp, _st, _en in items if sp is not None}  # established speakers
        notes = ([], [], [], {})  # lines read as a speaker without a time, kept as text, empty turns; spellings' lines
        turns, skipped = _build_turns(items, set(forced) | set(timed.values()), aliases, variants=variants,
                                      timed=(timed, *notes, set(forced)))
        timed_warnings(*notes[:3], source, problems)
        where = notes[3]
    else:
        if hints or not plain_lines_only(text):
            items = _unwrap_labels(drop_boilerplate(items, source, problems, hints), source, problems)
        items = drop_bots(items, text, _LABEL, source, problems)
        turns, skipped = _build_turns(items, forced, aliases, variants=variants)
    if not turns:
        line = next((i for i, s in enumerate(lines, 1) if s.strip()), 1)
        raise _error(source, line, _no_turns_message(fmt))
    columns = {"speaker": [t[0] for t in turns], "start": [t[1] for t in turns], "end": [t[2] for t in turns],
               "text": []}
    columns["text"] = [turn_text(pieces) for *_, pieces in turns]  # markers out, unless a turn is only one
    return _finish(columns, skipped, variants, fmt, source, problems, where if fmt in ("otter", "rev") else None)


def _finish(columns: dict, skipped: list, variants: list, fmt: str, source: str, problems: list, where=None) -> tuple:
    """(columns, fmt, problems) with the warnings about labels used once or spelt otherwise and
    about the lines before the first turn."""
    once = [v for v in variants if v[1] is None]
    variants = [v for v in variants if v[1] is not None]
    for line, _, message in once:
        problems.append(Problem(source, line, message, "warning"))
    if variants:  # how each line's label differs, said without the name (a printed line hides it)
        by_speaker: dict = {}  # one warning per speaker: its lines are listed under its own name
        for v in variants:
            by_speaker.setdefault(v[2], []).append(v)
        problems += [variants_problem(source, group, where) for group in by_speaker.values()]
    if skipped:
        shown = ", ".join(map(str, skipped[:10])) + (" ..." if len(skipped) > 10 else "")
        problems.append(Problem(source, skipped[0], f"{len(skipped)} line(s) before the first "
                                f"speaker turn were skipped (line(s) {shown}: a title, or text "
                                "with no speaker label)", "warning"))
    return columns, fmt, problems


def detect_format(text: str) -> str:
    """The transcript format of ``text``: one of "vtt", "srt", "otter", "rev", "plain"."""
    head = text.lstrip("\ufeff").lstrip()
    first = head.split("\n", 1)[0].rstrip("\r")
    if _VTT_HEADER.match(first):
        return "vtt"
    if len(head) > _SAMPLE:  # formats are uniform: the start of the text is enough
        cut = head.find("\n", _SAMPLE)
        head = head if cut < 0 else head[:cut]
    if "-->" in head and _TIMING_ANY.search(head):
        return "srt"
    rev = otter = plain = 0
    rest = []  # lines that may hold a plain label: counted only when they could outnumber a timed format
    timed = set()  # the timed headers' speakers: their `Name:` lines are untimed headers, not plain labels
    for line in head.split("\n"):
        colon = line.find(":")
        if colon < 0 or colon > 60:
            continue
        line = unspaced(line.strip())  # `Alex Morgan\u00a0(0:15):` is a header
        if "):" in line and (m := _REV.match(line)):
            rev += 1
        elif line[-1:].isdigit() and (m := _OTTER.match(line)):
            otter += 1
        else:
            rest.append(line)
            continue
        timed.add(_label_key(" ".join(m.group(1).split())))
    if not rev and not otter:
        return "plain"
    if rev + otter >= 2 and sum(map(_is_name, timed)) >= min(2, len(timed)):  # timed headers stay timed, whatever
        return "rev" if rev >= otter else "otter"  # the plain labels (read by the same rules within the timed format)
    for line in rest:
        m = _LABEL.match(line)
        if m is not None and not m.group(2)[:1].isdigit() and m.group(2)[:1] != "/" and \
                _label_key(" ".join(m.group(1).split())) not in timed:
            plain += 1
    best = max(rev, otter, plain)
    if best == 0:
        return "plain"
    if rev == best:
        return "rev"
    return "plain" if plain == best else "otter"


_COMMON_TIME = re.compile(r"([0-9]{2}):([0-5][0-9]):([0-5][0-9])[.,]([0-9]{3})")


def parse_time(value: str) -> float:
    """Seconds as a float from ``h:mm:ss.mmm``, ``mm:ss.mmm``, ``m:ss``.

    The fraction may have 1 to 4 digits and follow ``.``, ``,`` or ``:`` (``00:00:04:500``,
    as some caption tools write it): a fraction is read as a decimal fraction of a second and
    rounded to milliseconds. Raises ``ValueError`` for text that is not a time, for
    minutes or seconds of 60 or more after the first field (``00:75:00``) and for a time
    beyond :data:`MAX_SECONDS` (``99999999999999999999:00:00.000``).
    """
    m = _COMMON_TIME.fullmatch(value)
    if m is not None:  # hh:mm:ss.mmm, as nearly every caption file writes it: the same result, sooner
        h, mi, se, ms = m.groups()
        return (((int(h) * 60 + int(mi)) * 60 + int(se)) * 1000 + int(ms)) / 1000
    value = value.strip().replace(",", ".")
    whole, dot, frac = value.partition(".")
    parts = whole.split(":")
    if not dot and len(parts) >= 3 and (len(parts) == 4 or len(parts[-1]) != 2):
        frac = parts.pop()
    if not 2 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or (frac and not frac.isdigit()):
        raise ValueError(f"{value!r} is not a time such as 00:01:02.500")
    if len(parts[0]) > 6:
        raise ValueError(f"{value[:40]!r} is not a possible time: more than {MAX_SECONDS // 3600} hours")
    seconds = 0
    for k, part in enumerate(parts):
        n = int(part)
        if k > 0 and n >= 60:
            raise ValueError(f"{value!r} is not a possible time: {part} is 60 or more")
        seconds = seconds * 60 + n
    if seconds > MAX_SECONDS:
        raise ValueError(f"{value[:40]!r} is not a possible time: more than {MAX_SECONDS // 3600} hours")
    millis = int(frac[:3].ljust(3, "0")) + (len(frac) > 3 and frac[3] >= "5") if frac else 0
    return (seconds * 1000 + millis) / 1000


def talk_ratio(turns: pd.DataFrame, interviewer) -> float:
    """The interviewer's share of all words spoken (0–1); NaN when nobody said a word.

    ``interviewer`` is a speaker label or a collection of labels.
    """
    labels = {interviewer} if isinstance(interviewer, str) else set(interviewer)
    mine = total = 0
    for speaker, text in zip(turns["speaker"], turns["text"]):
        n = len(str(text).split()) if isinstance(text, str) else 0
        total += n
        if speaker in labels:
            mine += n
    return mine / total if total else _NAN


def infer_interviewer(turns: pd.DataFrame) -> str:
    """The speaker who asks the most questions (sentences ending in ``?``).

    Ties are broken by who speaks first. Raises ``ValueError`` for a table with no turns.
    """
    if len(turns) == 0:
        raise ValueError("no turns: cannot tell who the interviewer is")
    counts: dict[str, int] = {}
    for speaker, text in zip(turns["speaker"], turns["text"]):
        n = len(_QUESTION.findall(text)) if isinstance(text, str) else 0
        counts[speaker] = counts.get(speaker, 0) + n
    best = max(counts.values())
    return next(s for s, n in counts.items() if n == best)  # dict keeps first-seen order


# ---------------------------------------------------------------------------------------
# reading bytes
# ---------------------------------------------------------------------------------------
def _error(source: str, line: int, message: str) -> TranscriptError:
    return TranscriptError([Problem(source, line, message)])


def _no_turns_message(fmt: str) -> str:
    if fmt == "vtt":
        return ("no speaker turns found in this WebVTT file: its cues need speaker names "
                "(`Name: text` or `<v Name>text`); turn on speaker names when exporting")
    if fmt == "srt":
        return ("no speaker turns found in this SRT file: its cues need speaker names "
                "(`Name: text`); turn on speaker names when exporting")
    return ("no speaker turns found: start each turn with the speaker's name and a colon, "
            "e.g. `Maya: How do you send invoices?`")


# ---------------------------------------------------------------------------------------
# parsing
# ---------------------------------------------------------------------------------------
# An item is (line number, text, forced speaker or None, start, end). Text of an item
# with a forced speaker is that speaker's; other items may start with a `Label:`.


def _cue_items(lines: list[str], fmt: str, source: str, problems: list) -> list[tuple]:
    """Items of a caption file, read as players read hand-edited captions.

    A cue runs from its timing line to the next timing line: text after a blank line inside
    a cue (common in hand-edited and converted captions) stays in that cue instead of being
    dropped. The line just before a timing line is the cue's identifier when it is a number
    or GUID, or (WebVTT) the first line of its block. NOTE, STYLE and REGION blocks and the
    WebVTT header block are read as such. A timing line that cannot be read, or gives
    impossible times, is reported; its cue's text is kept (with NaN times when unreadable).
    Lines before the first cue become items without times (reported later if they carry
    no speaker label).
    """
    cues = []  # (start, end, [(line number, payload line), ...])
    payload = None
    outside: list = []  # (line, text) before the first cue
    skip_block = False
    block_start = True
    in_header = False
    header_line = 0
    last_start = None
    for i, raw in enumerate(lines, 1):
        s = raw.strip()
        if not s:
            skip_block = False
            in_header = False
            block_start = True
            continue
        first_of_block, block_start = block_start, False
        if skip_block or in_header:
            continue
        if first_of_block and fmt == "vtt" and s[0] in "NSR" and _SPECIAL_BLOCK.match(s):
            skip_block = True
            continue
        if fmt == "vtt" and not header_line and not cues and _VTT_HEADER.match(s):
            header_line = i
            in_header = True
            continue
        m = _TIMING.match(s) if s[:1].isdigit() else None
        if m is None and (untimed := _untimed(lines, i, first_of_block and bool(payload), source, problems)) is not None:
            payload = untimed
            cues.append((_NAN, _NAN, payload))
            continue
        if m is None:
            # "-->" never belongs to a cue's text (WebVTT forbids it; SubRip players read it
            # as a timing line): a line holding it that cannot be read starts a cue without times
            if "-->" in s or (s[:1].isdigit() and _ARROW.search(s) and _looks_like_timing(s)):
                problems.append(Problem(source, i, f"cannot read this timing line {s[:60]!r}: "
                                        "write it as 00:01:02.500 --> 00:01:05.000; the cue's "
                                        "text is kept without times", "warning"))
                start = end = _NAN
                after = _AFTER_TIMES.match(s) if s[:1].isdigit() else None  # its own text too
                said = (after.group(1) or "").strip() if after else ""
            else:
                target = payload if payload is not None else outside
                target.append((i, s, first_of_block))
                continue
        else:
            try:
                start, end = parse_time(m.group(1)), parse_time(m.group(2))
            except ValueError as exc:
                problems.append(Problem(source, i, f"impossible cue time: {exc}; the cue's text "
                                        "is kept without times", "warning"))
                start = end = _NAN
            else:
                if end < start:
                    problems.append(Problem(source, i, f"this cue ends ({m.group(2)}) before it "
                                            f"starts ({m.group(1)}): its text is kept without times", "warning"))
                    start = end = _NAN
                if last_start is not None and start < last_start:
                    problems.append(Problem(source, i, f"cue times go backwards: this cue starts at "
                                            f"{m.group(1)}, before the cue above", "warning"))
                last_start = start if start == start else last_start
        target = payload if payload is not None else outside
        # a service line (Teams' "... started transcription") above a timing line is no cue number
        if target and not first_of_block and _is_cue_id(target[-1], fmt):
            target.pop()  # the identifier of this cue
        elif (fmt == "srt" and target and not first_of_block and target[-1][2] and target[-1][0] == i - 1
              and not is_boilerplate(target[-1][1])):
            # SubRip: the line above a timing line, first of its block, is the cue's number
            j, bad, _ = target.pop()
            problems.append(Problem(source, j, f"cannot read this cue number {bad[:60]!r} (SubRip numbers "
                                    "its cues 1, 2, 3, ...): read as the number of the cue below", "warning"))
        payload = []
        if m is not None and (said := (m.group(3) or "").strip()) and not _SETTINGS.fullmatch(said):
            problems.append(Problem(source, i, "text after this cue's times is read as the cue's first line (only "
                                    "cue settings such as align:start belong there): put it on the next line", "warning"))
            payload.append((i, said, False))
        elif m is None and said and not _SETTINGS.fullmatch(said):
            payload.append((i, said, False))  # an unreadable timing line's text (warned above)
        cues.append((start, end, payload))
    if fmt == "vtt" and not cues:
        raise _error(source, header_line or 1, "this WebVTT file has a header but no cues "
                     "(no `00:00:01.000 --> 00:00:05.000` lines): export the transcript "
                     "again or remove the file")
    dash_cues(cues, source, problems)
    return _payload_items(cues, outside, fmt)


def _payload_items(cues: list, outside: list, fmt: str) -> list[tuple]:
    """The items of the cues' text lines (voice tags read, tags removed), after the lines outside any cue."""
    items = [(i, s, None, _NAN, _NAN) for i, s, _ in outside]
    vtt = fmt == "vtt"
    named = _name_lines(cues)
    for start, end, payload in cues:
        if named and len(payload) >= 2 and _name_line(payload[0][1]):
            # Teams' Word export: the speaker's name alone on the line after the timing line
            i, s, _ = payload[0]
            items.append((i, "", " ".join(s.split()), start, end))
            payload = payload[1:]
        for i, s, _ in payload:
            if vtt or "<v" in s or "<V" in s:
                m = _V_TAG.search(s) if "<v" in s or "<V" in s else None
                if m is not None:
                    if m.start() > 0:
                        rest = _clean_vtt(s[:m.start()])
                        if rest:
                            items.append((i, rest, None, start, end))
                    items.extend(_voices(s, m.start(), i, start, end))
                    continue
                s = _clean_vtt(s) if "<" in s or "&" in s else s  # else _clean_vtt gives s back
            elif "<" in s or "{" in s:
                s = _SRT_TAG.sub("", s)
            if s:
                items.append((i, s, None, start, end))
    return items


def _voices(s: str, at: int, i: int, start, end) -> list[tuple]:
    """The items of a cue line's voice spans from ``at`` (a ``<v Name>``): the voices are a
    stack, so the words after a nested ``</v>`` are the outer voice's again
    (``<v Jordan>Outer <v Alex>nested</v> still Jordan``); an item per voice tag as before, and
    one for the words after a nested ``</v>``. Words after the outermost ``</v>`` stay with
    the span before them, as they always were."""
    spans, voices = [], []  # [name, raw text]
    tokens = list(_V_SPAN.finditer(s, at))
    for k, t in enumerate(tokens):
        raw = s[t.end(): tokens[k + 1].start() if k + 1 < len(tokens) else len(s)]
        if t.group(1) is not None:
            voices.append(" ".join(_clean_vtt(t.group(1)).split()) or None)
            spans.append([voices[-1], raw])
            continue
        if voices:
            voices.pop()
        if voices and _clean_vtt(raw):
            spans.append([voices[-1], raw])
        else:
            spans[-1][1] += raw
    return [(i, _clean_vtt(raw), name, start, end) for name, raw in spans]


def _untimed(lines: list[str], i: int, in_cues: bool, source: str, problems: list) -> list | None:
    """The payload of a cue without a timing line, reported at its line (its text is kept without
    times), when line ``i`` (1-based), first of its block after a cue, is a cue number followed by
    text (``[]``: the number is no speech) or a voice tag (``<v Name>``: its line); else None."""
    if not in_cues:
        return None
    s = lines[i - 1].strip()
    if s[:2] in ("<v", "<V") and _V_TAG.match(s):
        problems.append(Problem(source, i, "this cue has no timing line (such as 00:00:01.000 --> 00:00:04.000): "
                                "its text is kept without times", "warning"))
        return [(i, s, True)]
    if not _CUE_ID.match(s):
        return None
    following = lines[i].strip() if i < len(lines) else ""
    if not following or "-->" in following or _ARROW.search(following) and _looks_like_timing(following):
        return None  # a timing line, maybe one that cannot be read (warned as such)
    problems.append(Problem(source, i, f"cue {s[:40]!r} has no timing line (such as 00:00:01.000 --> "
                            "00:00:04.000): its text is kept without times", "warning"))
    return []


def _name_line(s: str) -> bool:
    return ":" not in s and "<" not in s and _is_name(s) and not _ROLE_WORDLESS.match(s) and not is_boilerplate(s)


_ROLE_WORDLESS = re.compile(r"^(?:ok(?:ay)?|yes|yeah|no|right|sure|hmm+|mm+|uh+|um+|thanks?|"
                            r"thank you|hello|hi|great|good|cool|wow)[.!?,]*$", re.I)


def _name_lines(cues) -> bool:
    """Whether the cues carry the speaker's name alone on their first line (Teams' Word
    export: ``0:0:0.0 --> 0:0:3.510`` / ``Maya Chen`` / the text): at least two cues of text,
    and the first lines of most of them look like names, without a colon."""
    with_text = [p for _s, _e, p in cues if p]
    if len(with_text) < 2:
        return False
    names = [p[0][1] for p in with_text if len(p) >= 2 and _name_line(p[0][1])]
    return len(names) >= 0.6 * len(with_text) and len(set(names)) <= max(2, len(names) // 2)


_TIMING_LIKE = re.compile(r"^[\d:.,;\s]+(?:-->|->|—>|→)[\s\d:.,;]*(?:\s.*)?$")


def _looks_like_timing(s: str) -> bool:
    return _TIMING_LIKE.match(s) is not None


def _is_cue_id(row, fmt: str) -> bool:
    _i, s, first_of_block = row
    if _CUE_ID.match(s):
        return True
    return fmt == "vtt" and first_of_block and "-->" not in s and not is_boilerplate(s)


def _clean_vtt(s: str) -> str:
    if "<" in s:
        s = _TAG.sub("", s)
    if "&" in s:
        s = html.unescape(s)
    return s.strip()


def _header_items(lines: list[str], fmt: str, source: str, problems: list) -> list[tuple]:
    items, last = [], float("-inf")
    header = _REV_HEADER if fmt == "rev" else _OTTER
    stripped = list(map(str.strip, lines))
    for i, s, maybe in zip(range(1, len(lines) + 1), stripped, header_lines(stripped, fmt)):
        if not maybe:
            if s:
                items.append((i, s, None, _NAN, _NAN))
            continue
        seen = s if s.isascii() else invisible_pattern().sub("", unspaced(s))  # `Jordan\u200b  0:09` is a header
        m = header.match(seen)
        if m is None or not _is_name(m.group(1)):
            m = (_ODD_REV.match(seen) if "(" in s or "[" in s else None) if fmt == "rev" else \
                _ODD_OTTER.match(seen) if s[-1:] in "0123456789smSM" else None
            if m is not None and _is_name(m.group(1)):  # a header time in another form: the turn is kept
                value = odd_time(m.group(2), i, source, problems)  # None: negative, warned
                start = _NAN if value is None else _stamp(value, i, source, problems)
            else:
                items.append((i, s, None, _NAN, _NAN))
                continue
        else:
            start = _stamp(m.group(2), i, source, problems)
            _odd_rev(m, i, fmt, source, problems)
        last = in_order(start, last, m.group(2), i, source, problems)
        text = (m.group(m.re.groups) or "").strip() if fmt == "rev" else ""
        name = m.group(1) if seen is s or m.group(2) not in s else s[:s.rfind(m.group(2))].rstrip(" \t([")
        items.append((i, text, " ".join(name.split()), start, _NAN))  # as written: its invisible characters warned
    return items


def _odd_rev(m, line: int, fmt: str, source: str, problems: list) -> None:
    """A warning at ``line`` for a Rev header written without the colon after its time (``Alex
    Morgan (0:15) What then?``) or with a time of four parts (read as h:mm:ss:frames)."""
    if fmt != "rev":
        return
    if m.group(3) is None and m.group(4):
        problems.append(Problem(source, line, "a speaker's header without the colon after its time: read as a "
                                "header, the rest of the line as the turn's words; write it as `Name (0:15): text`",
                                "warning"))
    if m.group(2).count(":") == 3:
        problems.append(Problem(source, line, f"a time of four parts {m.group(2)!r} (Rev writes 0:15 or 1:02:03): read as "
                                "hours, minutes, seconds and frames, to the second; correct it if it means "
                                "something else", "warning"))




def _unwrap_labels(items: list, source: str, problems: list) -> list:
    """Labels as diarization and captioning tools write them, turned into ``Name: text``:
    ``[SPEAKER_00]: text`` (WhisperX), ``[Maya Chen] 10:02:33 text`` (Zoom captions) and a
    timestamp before the label, ``[00:00:03] Maya: text`` or ``00:03 Maya: text``. The time
    becomes the turn's start when the format has none (a chat log's times of day counted from
    the first: kit.transcript_marks.clock_starts). ``[laughs] yes`` is left alone."""
    out, stamps = [], []
    for item in items:
        i, s, sp, st, en = item
        if sp is None and s[:1] in "[(0123456789":
            m = _BRACKET_LABEL.match(s)
            if m and not _MARKER.match(s):
                s = f"{m.group(1).strip()}: {m.group(3)}"
                if m.group(2) and st != st:
                    st = _stamp(value := twenty_four(m.group(2)), i, source, problems)
                    stamps.append((len(out), value, st, value != m.group(2)))
                item = (i, s, sp, st, en)
            else:
                m = _LEADING_STAMP.match(s)
                if m:
                    rest = m.group(2)
                    lab = _LABEL.match(rest)
                    if lab and not lab.group(2)[:1].isdigit() and _is_name(" ".join(lab.group(1).split())):
                        if st != st:
                            st = _stamp(value := twenty_four(m.group(1)), i, source, problems)
                            stamps.append((len(out), value, st, value != m.group(1)))
                        item = (i, rest, sp, st, en)
        out.append(item)
    if stamps and (starts := clock_starts(stamps, out[stamps[0][0]][0], source, problems)) is not None:
        for k, start in starts.items():
            i, s, sp, _st, en = out[k]
            out[k] = (i, s, sp, start, en)
    return out


def _stamp(value: str, line: int, source: str, problems: list) -> float:
    """Seconds of a turn's time stamp; a time with frames (``1:02:03:04``, hh:mm:ss:ff) is read
    to the second. An impossible time (``0:99``) is a warning at its line and NaN."""
    if (seconds := _STAMPS.get(value)) is not None:  # a study's headers repeat their times
        return seconds
    try:
        seconds = parse_time(value.rsplit(":", 1)[0] if value.count(":") == 3 else value)
    except ValueError as exc:
        problems.append(Problem(source, line, f"impossible time {value!r} ({exc}): the turn is kept without "
                                "a time; write it as 1:02 or 1:02:03", "warning"))
        return _NAN
    if len(_STAMPS) > 100_000:
        _STAMPS.clear()
    _STAMPS[value] = seconds
    return seconds


_STAMPS: dict[str, float] = {}  # a header's time as written -> its seconds


def _build_turns(items, forced, aliases, colon_labels=True, single_use=False, variants=None, timed=None):
    """Turn items into merged turns ``[speaker, start, end, pieces]``; (turns, skipped).

    ``single_use``: a name-like label used once with text is a speaker (rule 2e).
    Labels that differ only in capitals (``ravi shah:`` and ``Ravi Shah:``) are one speaker,
    named as first written with a capital letter; ``variants`` (a list) receives
    ``(line, label, read_as)`` for each line whose label was so read, and ``(line, None,
    message)`` for each label used once (rule 2f of the module doc). ``timed``: for an Otter or
    Rev transcript, (the timed headers' speaker keys, established; lists receiving the lines of
    labels read as speakers, of labels kept as text and of empty headers; a dict receiving the
    line of each speaker's spelling; the study's names, whose spelling is preferred).
    """
    # pass 1: find `Label: rest` candidates and decide which labels are speakers
    labels, speakers = (_speaker_labels(items, forced, single_use, variants, timed and timed[0]) if colon_labels
                        else ([None] * len(items), set()))
    canonical = _canonical_spellings(items, labels, speakers, colon_labels, *((timed[5], timed[4]) if timed else ()))
    return _merge_turns(items, labels, speakers, canonical, aliases, colon_labels, variants, timed and timed[1:4])


def _speaker_labels(items, forced, single_use: bool, notes=None, established=None) -> tuple[list, set]:
    """(labels per item, the label keys that are speakers): rules 2a-2f of the module doc;
    ``established``: speakers known otherwise, key -> name (an Otter or Rev transcript's timed headers)."""
    labels, with_text, bare, first_label, spelling = _label_uses(items, forced)
    for key, name in (established or {}).items():
        spelling.setdefault(key, name)
    speakers = choose_speakers(with_text, bare, first_label, spelling, forced, single_use, established)
    once_used(items, labels, with_text, speakers, spelling, notes, forced)
    unnamed_labels(items, labels, notes)  # `The Boss:` on two lines: warned (kit.transcript_once)
    return labels, speakers


def _canonical_spellings(items, labels, speakers, colon_labels, prefer=(), where=None) -> dict[str, str]:
    """One spelling per speaker whatever the capitals (the first with a capital letter, or one
    in ``prefer``: a team member's name as the study writes it); ``where`` receives its line."""
    canonical: dict[str, str] = {}
    for k, item in enumerate(items):
        sp = item[2]
        if sp is None:
            lab = labels[k] if colon_labels else None
            if lab is None or lab[2] not in speakers:
                continue
            sp, key = lab[0], lab[2]
        else:
            key = _label_key(sp)
        if key not in canonical or (canonical[key] == canonical[key].lower() and sp != sp.lower()) or (
                prefer and sp in prefer and canonical[key] not in prefer):
            canonical[key] = plain_label(sp)  # a caption's <v Jo\u200bsé> is read as José, with a warning
        if where is not None and canonical[key] == sp:
            where.setdefault(sp, item[0])  # the first line written so
    return canonical


def _merge_turns(items, labels, speakers, canonical, aliases, colon_labels, variants, timed=None):
    """Consecutive items of one speaker merged into turns; (turns, skipped lines). ``timed``:
    lists receiving the lines of labels read as a speaker, of labels kept as text, of empty
    headers (an Otter or Rev transcript)."""
    turns: list[list] = []
    skipped: list[int] = []
    cur, alias, line = None, aliases or {}, 0
    untimed, kept, dropped = timed or (None, None, None)
    for k, (i, s, sp, st, en) in enumerate(items):
        key = None
        if sp is None and colon_labels:
            lab = labels[k]
            if lab is not None and lab[2] in speakers:
                sp, s, key = lab
                if st != st and s[:1] in "[(" and (m := _TIME_FIRST.match(s)) and (t := _stamp(m[1], i, "", [])) == t:
                    st, s = t, s[m.end():]  # "Jordan: (0:30) text": the turn starts at 0:30
                if untimed is not None:
                    untimed.append(i)
            elif lab is not None and kept is not None and cur is not None:
                kept.append(i)
        if sp is not None:
            same = canonical.get(_label_key(sp) if key is None else key, sp)
            if same != sp and sp not in alias:
                if variants is not None:
                    variants.append((i, sp, same))
                sp = same
            sp = alias.get(sp, sp)
            if cur is not None and cur[0] == sp:
                extend_turn(cur, en)
            else:
                if cur is not None and not cur[3]:
                    turns.pop()  # a label with no text: drop it
                    if dropped is not None:
                        dropped.append(line)
                    cur = turns[-1] if turns else None
                if cur is not None and cur[0] == sp:
                    extend_turn(cur, en)
                else:
                    cur, line = [sp, st, en, []], i
                    turns.append(cur)
            if s:
                cur[3].append(s)
        elif cur is None:
            skipped.append(i)
        else:
            cur[3].append(s)
            extend_turn(cur, en)
    if cur is not None and not cur[3]:
        turns.pop()
        if dropped is not None:
            dropped.append(line)
    return turns, skipped
