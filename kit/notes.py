"""Interview notes: ``interviews/*.md`` in the customer-interview template.

A note is YAML front matter (``id``, ``date``, participant, interviewer, ...) followed by
the template's sections as Markdown headings: Goals, Questions, Key Quotes, Insights,
Opportunities, Action Items (a table), Follow-up. People write these by hand, so the parser
is forgiving about heading case, spacing, level and order, and it never raises for what a
note contains: everything it cannot use becomes a :class:`~kit.errors.Problem` with the line
to look at, in ``note.problems``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from kit.csvio import parse_date, read_text
from kit.errors import Problem
from kit.notes_blocks import (_BLOCKQUOTE, _CHECKBOX, _GLUED_ITEM, _LIST, _RULE, _RULE_MARKS,  # noqa: F401 (kit.notes' names)
                              Item, _cells, _is_separator, _items, _simple_items, _strip_comments, block_items,
                              mark_blocks)
from kit.schema import ACTION_STATUSES, make_segment_id
from kit.transcript_lines import long_lines
from kit.notes_template import template_body
from kit.notes_text import EARLIEST_DATE, far_date, has_odd_break, odd_break_problems, written_value
from kit.yamlio import load_front_matter, load_yaml_around_errors, salvage_set_aside

__all__ = ["DATE_KEYS", "EARLIEST_DATE", "EXPECTED_SECTIONS", "FRONT_KEYS", "REQUIRED_FRONT", "SECTION_TITLES", "STATUSES", "TEXT_KEYS", "Action",
           "Item", "Note", "Quote", "canonical_section", "note_id", "parse_note",
           "parse_note_text", "read_first", "why_read"]

SECTION_TITLES = {
    "goals": "Goals",
    "questions": "Questions",
    "quotes": "Key Quotes",
    "insights": "Insights",
    "opportunities": "Opportunities",
    "actions": "Action Items",
    "followup": "Follow-up",
}
"""Canonical section name -> the heading the template uses."""

_ALIASES = {
    "goals": "goals", "goal": "goals",
    "questions": "questions", "question": "questions",
    "key quotes": "quotes", "key quote": "quotes", "quotes": "quotes", "quote": "quotes",
    "insights": "insights", "insight": "insights", "key insights": "insights",
    "opportunities": "opportunities", "opportunity": "opportunities",
    "action items": "actions", "action item": "actions", "actions": "actions",
    "follow up": "followup", "follow ups": "followup", "followup": "followup",
    "followups": "followup", "next steps": "followup", "next step": "followup",
}

REQUIRED_FRONT = ("id", "date")
DATE_KEYS = ("date", "thank_you_sent", "debriefed", "notes_written")
TEXT_KEYS = ("id", "participant", "interviewer", "note_taker", "transcript", "stage")
FRONT_KEYS = (*TEXT_KEYS, *DATE_KEYS[1:], "duration", "speakers", "language")
_READ_KEYS = frozenset((*FRONT_KEYS, "date"))  # every key the kit reads
"""Every front-matter key the kit reads; a key close to one of them is a misspelling."""
EXPECTED_SECTIONS = ("quotes", "insights")
STATUSES = ACTION_STATUSES  # kit.schema: an action item's statuses

_STATUS_ALIASES = {
    "": "open", "open": "open", "todo": "open", "to do": "open", "not started": "open",
    "in progress": "in progress", "inprogress": "in progress", "doing": "in progress",
    "started": "in progress", "wip": "in progress", "ongoing": "in progress",
    "done": "done", "complete": "done", "completed": "done", "finished": "done",
    "dropped": "dropped", "cancelled": "dropped", "canceled": "dropped",
    "won't do": "dropped", "wont do": "dropped",
}

_COLUMN_ALIASES = {
    "owner": "owner", "owners": "owner", "who": "owner", "assignee": "owner",
    "assigned to": "owner", "responsible": "owner",
    "action": "action", "actions": "action", "action item": "action", "task": "action",
    "what": "action",
    "due date": "due", "due": "due", "deadline": "due", "due by": "due", "by when": "due",
    "status": "status", "state": "status",
}
_DEFAULT_COLUMNS = ("owner", "action", "due", "status")
_TABLE_HEADER = "| Owner | Action | Due Date | Status |"


@dataclass
class Quote(Item):
    """A key quote: ``text`` is the words inside the quotation marks.

    ``time`` is in seconds, from a ``(m:ss)``, ``(h:mm:ss)`` or ``[m:ss]`` written before or
    after the quote; ``speaker`` from an attribution after it (``— Dana``) or a label before
    it (``Dana: "..."``); ``note`` keeps any other words after the closing mark.
    """

    time: float | None = None
    speaker: str | None = None
    note: str | None = None


@dataclass
class Action:
    """One row of the Action Items table. ``status`` is one of :data:`STATUSES` when the
    note's status is understood, else the note's own word, lowercased (with a problem)."""

    owner: str
    action: str
    due: dt.date | None
    status: str
    line: int


@dataclass
class Note:
    path: str
    front: dict
    sections: dict[str, list[Item]]
    actions: list[Action]
    problems: list[Problem]
    body_line: int
    front_lines: dict[str, int] = field(default_factory=dict)
    """Top-level front-matter key -> its line, for locating problems found later."""
    headings: dict[str, int] = field(default_factory=dict)
    """Section name -> line of its (first) heading."""

    def _text(self, key: str) -> str | None:
        value = self.front.get(key)
        if value is None or isinstance(value, (dict, list)):
            return None
        return str(value).strip() or None

    @property
    def id(self) -> str | None:
        return self._text("id")

    @property
    def date(self) -> dt.date | None:
        value = self.front.get("date")
        return value if isinstance(value, dt.date) else None

    @property
    def participant(self) -> str | None:
        return self._text("participant")

    @property
    def interviewer(self) -> str | None:
        return self._text("interviewer")

    @property
    def note_taker(self) -> str | None:
        return self._text("note_taker")

    @property
    def duration(self) -> float | None:
        """Minutes, or None when not given or not a positive number."""
        value = self.front.get("duration")
        return float(value) if isinstance(value, float) else None

    @property
    def transcript(self) -> str | None:
        return self._text("transcript")

    @property
    def stage(self) -> str | None:
        return self._text("stage")

    @property
    def speakers(self) -> dict[str, str]:
        value = self.front.get("speakers")
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    @property
    def quotes(self) -> list[Quote]:
        return list(self.sections.get("quotes", []))

    @property
    def insights(self) -> list[Item]:
        return list(self.sections.get("insights", []))

    @property
    def opportunities(self) -> list[Item]:
        return list(self.sections.get("opportunities", []))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        """True when the note has no errors (warnings allowed)."""
        return not self.errors

    def segments(self, interview_id: str | None = None) -> list[dict]:
        """The note's analysable text with stable ids: ``INT-003#q1`` for the 1st key quote,
        ``#i`` insights, ``#o`` opportunities. ``interview_id`` defaults to the note's id,
        else the file's stem."""
        base = interview_id or self.id or Path(self.path).stem
        rows = []
        for section, kind, letter in (("quotes", "quote", "q"), ("insights", "insight", "i"),
                                      ("opportunities", "opportunity", "o")):
            for n, item in enumerate(self.sections.get(section, []), start=1):
                rows.append({
                    "segment": make_segment_id(base, letter, n), "interview_id": base, "kind": kind,
                    "n": n, "text": item.text, "line": item.line,
                    "time": getattr(item, "time", None), "speaker": getattr(item, "speaker", None),
                })
        return rows


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, ..."""
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def parse_note(path) -> Note:
    """Read and parse one note. Never raises for the file's content or for a file that
    cannot be read: those come back as problems, with an empty ``front``."""
    source = str(path)
    text, problems = read_text(path if isinstance(path, Path) else Path(path))
    if text is None:
        return Note(source, {}, {}, [], problems, 0)
    note = parse_note_text(text, source)
    note.problems[:0] = problems  # warnings from decoding (lines read as Windows-1252)
    return note


def parse_note_text(text: str, source: str = "<note>") -> Note:
    """Parse a note held in a string; ``source`` names it in problems."""
    lines = long_lines(text, source, problems := [], "line of a note").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front, front_lines, body_start = _front_matter(lines, source, problems)
    if has_odd_break(text):
        problems.extend(odd_break_problems(lines, body_start, source))
    sections, headings, actions = _body(lines, body_start, source, problems)
    for name in EXPECTED_SECTIONS:
        if name not in headings:
            problems.append(Problem(source, 0, f"no {SECTION_TITLES[name]} section: add "
                                    f"'## {SECTION_TITLES[name]}'", "warning"))
    problems.sort(key=lambda p: p.line)
    return Note(source, front, sections, actions, problems, body_start + 1, front_lines, headings)


# --- front matter ---------------------------------------------------------------------

def _is_fence(line: str, *marks: str) -> bool:
    return line.rstrip() in marks


def _front_matter(lines, source, problems):
    """Parse the front matter; return (front, key lines, 0-based index where the body starts)."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _is_fence(lines[first], "---"):
        problems.append(Problem(source, 1, "no front matter: start the note with a '---' line, "
                                "then 'id:' and 'date:' lines, then another '---' line"))
        return {}, {}, 0
    opened = first + 1  # 1-based line of the opening fence
    close = next((i for i in range(first + 1, len(lines)) if _is_fence(lines[i], "---", "...")),
                 None)
    if close is None:
        problems.append(Problem(source, opened, f"the front matter opened on line {opened} is "
                                "never closed: add a '---' line after its last key"))
        # Recover at the first heading or text that is no YAML, so the body is still read.
        close = next((i for i in range(first + 1, len(lines)) if _heading(lines[i], strict=True)
                      or (lines[i].strip() and not _YAML_LIKE.match(lines[i]))
                      or (lines[i][:2] == "- " and not lines[i - 1].strip())), len(lines))  # a list after a blank line
        body_start = close
    else:
        body_start = close + 1
    yaml_text = "\n".join(lines[first + 1:close])
    # One parse gives the values, the duplicate keys, each key's line and the raw scalars.
    data, yaml_problems, duplicates, key_line, raw = load_front_matter(yaml_text, source, line_offset=opened)
    problems.extend(yaml_problems)
    problems.extend(duplicates)
    checked = problems
    if yaml_problems:
        again = _without_bad_lines(lines[first + 1:close], yaml_problems, source, opened)
        if again is None:
            # Salvage the simple "key: value" lines so id and date still come through; the
            # values get converted but not reported on: the syntax error comes first.
            data, checked = _salvage(lines[first + 1:close]), []
        else:  # the rest read as YAML: its problems are reported too
            data, key_line, raw, more = again
            problems.extend(more)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        kind = ("a list" if isinstance(data, list) else "true/false" if isinstance(data, bool)
                else "a number" if isinstance(data, (int, float)) else "text")
        problems.append(Problem(source, opened + 1, f"the front matter must be 'key: value' "
                                f"lines, not {kind}"))
        return {}, key_line, body_start
    front = {str(k): v for k, v in data.items()}
    _check_front(front, key_line, raw, opened, source, checked)
    return front, key_line, body_start


def _without_bad_lines(yaml_lines, yaml_problems, source, opened):
    """The front matter read again without the lines its YAML errors point at
    (:func:`kit.yamlio.load_yaml_around_errors`), so that one error does not hide the others:
    ``(data, key lines, raw scalars, problems of the read)``, the set-aside lines' ``key: value``
    salvaged as text; None when the rest does not read as a mapping."""
    data, found, kept, set_aside = load_yaml_around_errors("\n".join(yaml_lines), source, line_offset=opened)
    if not set_aside or not isinstance(data, dict):
        return None
    data, _, duplicates, key_line, raw = load_front_matter(kept, source, line_offset=opened)
    data = dict(data) if isinstance(data, dict) else {}
    for key, i in salvage_set_aside(data, set_aside, list(yaml_lines)).items():
        key_line[key], raw[key] = opened + 1 + i, str(data[key] or "")
    return data, key_line, raw, [p for p in found if p not in yaml_problems] + duplicates


_YAML_LIKE = re.compile(r"^(?:\s|#|-(?:\s|$)|[\w\"'-][^:]*:(?:\s|$))")  # indented, comment, list, key
_SIMPLE_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def _salvage(lines) -> dict:
    front = {}
    for line in lines:
        match = _SIMPLE_LINE.match(line)
        if match:
            value = re.sub(r"\s+#.*$", "", match.group(2)).strip().strip("'\"")
            front[match.group(1)] = value or None
    return front


def _check_front(front, key_line, raw, opened, source, problems):
    def at(key):
        return key_line.get(key, opened)

    for key in REQUIRED_FRONT:
        value = front.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(Problem(source, at(key), f"the front matter has no '{key}': add "
                                    f"'{key}: {'INT-001' if key == 'id' else 'YYYY-MM-DD'}'"))
    for key in TEXT_KEYS:
        value = front.get(key)
        if value is None:
            continue
        if key == "participant" and isinstance(value, list) and value and not any(
                isinstance(v, (dict, list)) or v is None for v in value):
            front[key] = [str(v).strip() for v in value]  # a group interview (kit.study_config.note_participants)
        elif isinstance(value, (dict, list)):
            problems.append(Problem(source, at(key), f"'{key}' must be a single value, "
                                    f"not a {'list' if isinstance(value, list) else 'mapping'}"))
        elif not isinstance(value, str):
            # 007 -> 7, 2026-10-06 -> date: keep what the person wrote.
            front[key] = raw.get(key, str(value))
    note_id = front.get("id")
    if isinstance(note_id, str) and "#" in note_id:
        problems.append(Problem(source, at("id"), f"id '{note_id}' must not contain '#': "
                                "it separates the interview id from a segment number"))
    for key in DATE_KEYS:
        if key not in front or front[key] is None:
            continue
        value = front[key]
        try:
            parsed = parse_date(value)
        except ValueError:
            parsed = None
        if parsed is None and not (isinstance(value, str) and not value.strip()):
            problems.append(Problem(source, at(key), f"'{key}' is {written_value(key, value, raw)!r}, not a date: "
                                    "write it as YYYY-MM-DD"))
        elif parsed is not None:
            front[key] = parsed
            written = str(raw.get(key, "")).strip().strip("'\"")
            if written and written != parsed.isoformat() and not written.startswith(parsed.isoformat()):
                problems.append(Problem(source, at(key), f"'{key}' is {written!r}, read as {parsed.isoformat()}: "
                                        "write it as YYYY-MM-DD", "warning"))
            far = far_date(parsed)
            if far:
                problems.append(Problem(source, at(key), f"'{key}' is {written_value(key, value, raw)!r}, {far}: "
                                        "check the year", "warning"))
    if front.get("duration") is not None:
        # YAML 1.1 reads 4:30 as the number 270 (base 60): go by what was written.
        minutes = _minutes(raw.get("duration", front["duration"]))
        if minutes is None or minutes > 24 * 60:  # longer than a day: a typo or a stray exponent
            problems.append(Problem(source, at("duration"), f"'duration' is "
                                    f"{written_value('duration', front['duration'], raw)!r}: give the length in minutes "
                                    "as a positive number (at most a day, 1440)"))
            front["duration"] = None
        else:
            front["duration"] = minutes
    speakers = front.get("speakers")
    if speakers is not None and not isinstance(speakers, dict):
        problems.append(Problem(source, at("speakers"), "'speakers' must map transcript labels "
                                "to roles or names, e.g. {Dana: participant}"))
    # Only keys the kit does not read can be misspelt ones (no key of FRONT_KEYS is close to "date")
    unknown = [key for key in front if key not in _READ_KEYS]
    if unknown:
        from kit.codebook import misspelt_keys  # the one home for "did you mean" on keys
        from kit.privacy_id_forms import unread_key_problems  # attacker s13 A10: read by nothing, said by nothing
        found = misspelt_keys(dict.fromkeys(unknown), FRONT_KEYS, "the front matter")
        problems += [Problem(source, at(key), message, "warning") for key, _meant, message in found]
        problems += unread_key_problems(source, {k: front[k] for k in unknown if k not in {f[0] for f in found}}, at)


_CLOCK = re.compile(r"(?:(\d+):)?(\d+):([0-5]\d)")
_MINUTES = re.compile(r"(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes?)?")


def _minutes(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip()
        clock = _CLOCK.fullmatch(text)  # m:ss or h:mm:ss
        match = _MINUTES.fullmatch(text)
        if clock:
            hours, minutes, seconds = clock.groups()
            number = int(hours or 0) * 60 + int(minutes) + int(seconds) / 60
        elif match:
            number = float(match.group(1))
        else:
            return None
    return number if number > 0 and number == number and number != float("inf") else None


# --- body -----------------------------------------------------------------------------

_HEADING = re.compile(r"^ {0,3}(#{1,6})(.*)$")
_BOLD_HEADING = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
_HEADING_MARKS = ("#", "*", "_")  # the first characters _heading looks further at


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    name = name.strip().strip("*_").rstrip(":").strip().strip("*_").strip()
    return re.sub(r"[\s_-]+", " ", name.lower()).strip()


def _close_section(key: str) -> str | None:
    """The section a misspelt heading means (``oportunities``, ``Key Qoutes``, ``Insigths``),
    by difflib's similarity ratio of at least 0.8 to a known heading; None when unsure."""
    import difflib

    if len(key) < 4:
        return None
    match = difflib.get_close_matches(key, list(_ALIASES), n=1, cutoff=0.8)
    return _ALIASES[match[0]] if match else None


@lru_cache(maxsize=4096)
def canonical_section(name: str) -> str:
    """The canonical name of a heading: ``'Key Quotes:'`` -> ``'quotes'``, a misspelling
    such as ``'Oportunities'`` -> ``'opportunities'``; an unknown heading -> its slug
    (``'Context & Setup'`` -> ``'context-setup'``)."""
    key = _name_key(name)
    return (_ALIASES.get(key) or _close_section(key)
            or re.sub(r"[^\w]+", "-", key).strip("-_") or "untitled")


def _heading(line: str, strict: bool = False):
    """(level, name, known) for a heading line, else None.

    ``##Insights`` (no space) counts; a single ``#word`` only when the word is a section name,
    so a paragraph starting with a hashtag stays a paragraph. A line that is all bold and a
    section name (``**Key Quotes:**``) counts as a heading too. An empty heading (``#``,
    ``## ##``) is ``(level, "", False)``: it ends the item above it and names no section.
    ``strict`` (used to find where unterminated front matter ends) accepts only ``##``
    headings or known section names, never an empty one.
    """
    bare = line.lstrip()
    if not bare.startswith(("#", "**", "__")):
        return None  # neither pattern below can match: most lines of a note
    return _heading_of(line, strict)


@lru_cache(maxsize=4096)
def _heading_of(line: str, strict: bool):
    """:func:`_heading` of a line that may be one (memoised: notes repeat their headings)."""
    match = _HEADING.match(line)
    if match:
        hashes, rest = match.groups()
        name = re.sub(r"\s+#+\s*$", "", rest).strip()
        known = _name_key(name) in _ALIASES or _close_section(_name_key(name)) is not None
        spaced = rest[:1].isspace() or not rest
        if not name:  # '#', '## ##': an empty heading (structure only, reported by _body)
            return None if strict or not spaced else (len(hashes), "", False)
        if not spaced and len(hashes) == 1 and not known:
            return None
        if strict and len(hashes) == 1 and not known:
            return None
        return len(hashes), name, known
    match = _BOLD_HEADING.match(line)
    if match and _name_key(match.group(1)) in _ALIASES:
        return 7, match.group(1), True
    return None


def _plain(marks) -> bool:
    """Whether a body has neither fenced code nor setext headings (most notes): then
    :func:`_body` looks only at :func:`_heading_candidates`."""
    return not (marks.code or marks.underlines or marks.setext)


def _heading_candidates(body) -> list[int]:
    """The indexes of the lines :func:`_body` asks :func:`_heading` about: those whose first
    character, after any white space, is a heading mark."""
    return [i for i, line in enumerate(body)
            if line[:1] in _HEADING_MARKS or (line[:1].isspace() and line.lstrip()[:1] in _HEADING_MARKS)]


def _body(lines, start, source, problems):
    fast = template_body(lines, start, source, problems)  # the template's shape, in one pass
    if fast is not None:
        return fast
    body = _strip_comments(lines[start:], start + 1, source, problems)
    marks = mark_blocks(body, start + 1, source, problems, _heading,
                        lambda text: _name_key(text) in _ALIASES)
    # (section, [(line, text)]), the first row (line, None) when the block has a heading
    blocks: list[tuple[str, list]] = []
    current, level, known = "preamble", 0, True
    content: list = []
    plain = _plain(marks)
    # Without code blocks or setext headings only a line starting with a heading mark can
    # change anything: the others go to the block in runs (``taken``: lines already placed).
    lines_at = _heading_candidates(body) if plain else range(len(body))
    taken = 0
    for index in lines_at:
        line = body[index]
        number = start + 1 + index
        if plain:
            heading = _heading(line)
            if not heading:
                continue
            content.extend(zip(range(start + 1 + taken, number), body[taken:index]))
            taken = index + 1
        elif index in marks.code or index in marks.underlines:
            content.append((number, line if index in marks.code else ""))
            continue
        elif index in marks.setext:
            name = line.strip()
            heading = (marks.setext[index], name, _name_key(name) in _ALIASES or _close_section(_name_key(name)) is not None)
        else:
            mark = line[:1]  # most lines start with neither a mark nor a space: no lstrip
            heading = (_heading(line) if mark in _HEADING_MARKS or (mark.isspace() and line.lstrip()[:1] in _HEADING_MARKS)
                       else None)
        if heading:
            h_level, name, h_known = heading
            if not name:
                where = _title(current) if current != "preamble" else "the text before the first heading"
                problems.append(Problem(source, number, f"empty heading ({line.strip()!r}) names no section and is "
                                        f"not analysed: it ends the item above it, and the lines under it are read "
                                        f"as {where}; write the section's name after the '#' or remove the "
                                        "line", "warning"))
                content.append((number, ""))
                continue
            if not h_known and current != "preamble" and known and h_level > level:
                problems.append(Problem(source, number, f"sub-heading {name!r} inside {_title(current)}: the items "
                                        f"under it are read as {_title(current)}; the heading itself is not "
                                        "analysed", "warning"))
                content.append((number, ""))  # a sub-heading inside a section (structure only)
                continue
            key = _name_key(name)
            if h_known and key not in _ALIASES:
                problems.append(Problem(source, number, f"heading {name!r} read as "
                                        f"'{_title(canonical_section(name))}'", "warning"))
            elif not h_known:
                problems.append(Problem(source, number, f"unknown heading {name!r}: its content "
                                        "is kept but not analysed as one of the template's "
                                        f"sections ({', '.join(SECTION_TITLES.values())})",
                                        "warning"))
            blocks.append((current, content))
            current, level, known = canonical_section(name), h_level, h_known
            content = [(number, None)]  # marker: heading line
            continue
        content.append((number, line))
    if plain:
        content.extend(zip(range(start + 1 + taken, start + 1 + len(body)), body[taken:]))
    blocks.append((current, content))

    sections: dict[str, list[Item]] = {}
    headings: dict[str, int] = {}
    actions: list[Action] = []
    for name, block in blocks:
        heading_line = block[0][0] if block and block[0][1] is None else None
        rows = block[1:] if heading_line is not None else block  # a heading's marker is only ever first
        if heading_line is None and not any(text.strip() for _, text in rows):
            continue  # nothing before the first heading
        if heading_line is None:
            first = next(n for n, text in rows if text.strip())
            problems.append(Problem(source, first, "text before the first heading is in none of the "
                                    "template's sections and is not analysed: put it under a heading "
                                    f"({', '.join(SECTION_TITLES.values())})", "warning"))
        if heading_line is not None:
            if name in headings:
                problems.append(Problem(source, heading_line, f"a second {_title(name)} "
                                        f"section (the first is on line {headings[name]}): "
                                        "their items are joined", "warning"))
            else:
                headings[name] = heading_line
        if name == "actions":
            found = _actions(rows, source, problems)
            actions.extend(found)
            items = [Item(a.action, a.line) for a in found]
        else:
            items = block_items(rows, marks, start + 1, _title(name), source, problems)
            if name == "quotes":
                ends = [item.line for item in items[1:]] + [len(lines) + 1]
                # a quote's lines are needed only to place a problem: gathered then
                items = [_quote(item, source, problems, partial(_span, rows, item.line, end))
                         for item, end in zip(items, ends)]
        sections.setdefault(name, []).extend(items)
        if heading_line is not None and name in EXPECTED_SECTIONS and not items:
            problems.append(Problem(source, heading_line, f"the {_title(name)} section is "
                                    "empty", "warning"))
    return sections, headings, actions


def _title(name: str) -> str:
    return SECTION_TITLES.get(name, name)


# --- quotes ---------------------------------------------------------------------------

_TIME = r"(?:(\d{1,2}):)?(\d{1,3}):(\d{1,2})"
_LEADING_TIME = re.compile(r"^\s*[(\[]\s*" + _TIME + r"\s*[)\]]\s*[-—–:]?\s*")
_TRAILING_TIME = re.compile(r"\s*[(\[]\s*(?:at\s+)?" + _TIME + r"\s*[)\]]\s*[.,;]?\s*$")
_ANY_TIME = re.compile(r"[(\[]\s*(?:at\s+)?" + _TIME + r"\s*[)\]]")
_OPENING = "\"“”„«"
_CLOSING = "\"”“»"
# Other quotation marks and the marks that close them (newcomer, session 11: British typesetting
# and Word's autocorrect write ‘…’): single marks, whose closing one is also an apostrophe, close
# at the last one not inside a word ("‘It’ll help’"); the double marks above close as before.
_OTHER_MARKS = {"‘": "’", "'": "'", "‚": "‘’", "’": "’", "‹": "›", "›": "‹", "»": "«", "「": "」", "『": "』"}
_SINGLE = "‘’‚'"
_LABEL = re.compile(r"^([A-Z][\w.' -]{0,40}?)\s*:\s*(?=[" + _OPENING + "".join(_OTHER_MARKS) + "])")
_ATTRIBUTION = re.compile(r"^(?:[-—–~]+|,)\s*(.+?)[,;]?$")
_BRACKETS = ("(", "[")


def _closes_bracket(text: str) -> bool:
    """Whether ``text`` ends as :data:`_TRAILING_TIME` needs: ``)`` or ``]``, then at most
    one of ``.,;`` between spaces (a cheap test before the regex search)."""
    end = text.rstrip()
    if end[-1:] in (".", ",", ";"):
        end = end[:-1].rstrip()
    return end[-1:] in (")", "]")


def _seconds(match, source, line, problems) -> float | None:
    hours, minutes, seconds = match.group(1), int(match.group(2)), int(match.group(3))
    if seconds >= 60 or (hours is not None and minutes >= 60):
        problems.append(Problem(source, line, f"time {match.group(0).strip()} is not a time "
                                "(m:ss or h:mm:ss): it is ignored", "warning"))
        return None
    return float(int(hours or 0) * 3600 + minutes * 60 + seconds)


def _span(rows, start: int, end: int) -> list:
    """The non-blank (line, text) rows from line ``start`` up to (not including) ``end``."""
    return [(n, text) for n, text in rows if start <= n < end and text.strip()]


def _rows_of(span) -> list:
    return list(span() if callable(span) else span)


_BAD_TIME = re.compile(r"[(\[]\s*(?:at\s+)?\d+(?:\s*:\s*\d+)+\s*[)\]]")


_BARE_TIME = re.compile(r"(?<![\w:.])(?:at\s+)?" + _TIME + r"(?![\w:])")  # 0:55 in "David, 0:55"
_BARE_CLOCK = re.compile(r"\d\s*[:.]\s*\d|\d\s*(?:s|secs?|seconds?|m|mins?|minutes?)\b", re.I)


def _closing_mark(text: str) -> int:
    """The position of the mark closing a quote opened by ``text[0]``, one of
    :data:`_OTHER_MARKS`: its last closing mark, a single one not between two letters (an
    apostrophe: "‘It’ll help’"); -1 when there is none."""
    closers = _OTHER_MARKS[text[0]]
    for at in range(len(text) - 1, 0, -1):
        if text[at] in closers:
            inside_word = text[at] in _SINGLE and text[at - 1].isalpha() and text[at + 1:at + 2].isalpha()
            if not inside_word:
                return at
    return -1


_REMARK = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*[.,;]?\s*")


def _tail_line(span, tail: str, default: int) -> int:
    """The line where the words ``tail`` after a quote's closing mark begin: the line of the
    last closing mark when they follow it there, else the first later line holding them."""
    marked = [(n, text) for n, text in span if any(c in text for c in _CLOSING)]
    if not marked or not tail.split():
        return default
    number, text = marked[-1]
    word = tail.split()[0]
    if word in text[max(map(text.rfind, _CLOSING)) + 1:]:
        return number
    return next((n for n, text in span if n > number and word in text), number)


def _quote(item: Item, source, problems, span=()) -> Quote:
    """The key quote of a list item: its words, time, speaker and note. ``span`` is its
    non-blank (line, text) rows (:func:`_span`), or a function giving them when a problem
    needs its line."""
    text = item.text.strip()
    time = speaker = note = None
    match = _LEADING_TIME.match(text) if text[:1] in _BRACKETS else None
    if match:
        time = _seconds(match, source, item.line, problems)
        text = text[match.end():]
    match = _TRAILING_TIME.search(text) if _closes_bracket(text) else None
    if match:
        time = _seconds(match, source, item.line, problems)
        text = text[:match.start()].rstrip()
    label = _LABEL.match(text) if "A" <= text[:1] <= "Z" else None
    if label:
        speaker, text = label.group(1).strip(), text[label.end():]
    if not text or (text[0] not in _OPENING and text[0] not in _OTHER_MARKS):
        problems.append(Problem(source, item.line, "key quote is not in quotation marks: "
                                "quote verbatim", "warning"))
        return Quote(text.strip(), item.line, time, speaker)
    close = max(map(text.rfind, _CLOSING)) if text[0] in _OPENING else _closing_mark(text)
    if close <= 0:
        problems.append(Problem(source, item.line, "key quote has no closing quotation mark",
                                "warning"))
        return Quote(text[1:].strip(), item.line, time, speaker)
    words, tail = text[1:close].strip(), text[close + 1:].strip()
    match = _ANY_TIME.search(tail) if tail else None
    if match:
        time = _seconds(match, source, item.line, problems)
        tail = (tail[:match.start()] + " " + tail[match.end():]).strip()
    bad = _BAD_TIME.search(tail) if tail else None
    if bad:  # (99:99:99:99), (1:2:3:4): clock-like, but no time
        problems.append(Problem(source, _tail_line(_rows_of(span), tail, item.line), f"time {bad.group(0)} is not "
                                "a time (m:ss or h:mm:ss): it is ignored", "warning"))
        tail = (tail[:bad.start()] + " " + tail[bad.end():]).strip()
    attribution = _ATTRIBUTION.match(tail) if tail else None
    if attribution:
        who = attribution.group(1).strip()
        bare = _BARE_TIME.search(who) if time is None else None
        if bare:  # "— David, 0:55": the time after the attribution (newcomer, session 11)
            time = _seconds(bare, source, item.line, problems)
            who = (who[:bare.start()] + who[bare.end():]).strip(" ,;")
        elif _BARE_CLOCK.search(who):  # clock-like, not read: said, never dropped in the speaker
            problems.append(Problem(source, _tail_line(_rows_of(span), tail, item.line), "the time in the "
                                    f"attribution {who[:60]!r} was not read (write m:ss or h:mm:ss, as "
                                    "'— David, 0:55' or '(0:55)')", "warning"))
        speaker = re.sub(r"(?<=\w\w)\.$", "", who) or None  # keep "Dana K."
    elif tail.strip(" .,;"):
        note = tail
        if not _REMARK.fullmatch(tail):  # "(laughs)" stays the quote's note, unreported
            problems.append(Problem(source, _tail_line(_rows_of(span), tail, item.line), "words after the key "
                                    "quote's closing quotation mark are not part of the quote and are not "
                                    f"analysed: {tail[:60]!r}; leave a blank line before a paragraph, or write "
                                    "it under Insights", "warning"))
    return Quote(words, item.line, time, speaker, note)


# --- action items ---------------------------------------------------------------------

def _column(name: str) -> str | None:
    return _COLUMN_ALIASES.get(re.sub(r"[\s_-]+", " ", name.strip().strip("*_`").lower()).strip())


def _actions(rows, source, problems) -> list[Action]:
    actions: list[Action] = []
    columns = None
    previous_was_table = False
    other_rows = []
    for number, line in rows:
        if "|" not in line:
            previous_was_table = False
            other_rows.append((number, line))
            continue
        other_rows.append((number, ""))  # a table row ends the list item above it
        cells = _cells(line)
        if _is_separator(cells):
            previous_was_table = True
            continue
        named = [_column(c) for c in cells]
        if not previous_was_table and any(named):
            columns = named
            _check_columns(columns, number, source, problems)
            previous_was_table = True
            continue
        if columns is None:
            columns = list(_DEFAULT_COLUMNS)
            problems.append(Problem(source, number, f"the Action Items table has no header row: "
                                    f"start it with {_TABLE_HEADER}; columns are read in that "
                                    "order", "warning"))
        previous_was_table = True
        if "action" not in columns:
            continue
        values = {col: (cells[i] if i < len(cells) else "")
                  for i, col in enumerate(columns) if col}
        if not any(c.strip() for c in cells):
            continue  # the template's empty row
        if len(cells) != len(columns):
            problems.append(_cell_count(cells, columns, values, number, source))
        actions.append(_action(values, number, columns, source, problems))
    for item in _items(other_rows):
        written = _line_at(rows, item.line)
        if _LIST.match(written):
            done = bool(re.match(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\[[xX]\]", written))
            problems.append(Problem(source, item.line, "action item is a list item, not a table "
                                    f"row: give it an owner, due date and status in the "
                                    f"{_TABLE_HEADER} table", "warning"))
            actions.append(Action("", item.text, None, "done" if done else "open", item.line))
        else:
            problems.append(Problem(source, item.line, "text in Action Items that is neither a "
                                    f"table row nor a list item is not read as an action: "
                                    f"{item.text[:60]!r}", "warning"))
    actions.sort(key=lambda a: a.line)
    return actions


def _cell_count(cells, columns, values, line, source) -> Problem:
    """The warning for a table row whose cells do not match the header's columns."""
    if len(cells) > len(columns):
        extra = " | ".join(c for c in cells[len(columns):] if c)
        return Problem(source, line, f"this row has {len(cells)} cells, the table's header "
                       f"{len(columns)}: the cells after the {_ordinal(len(columns))} are not read "
                       f"({extra[:60]!r}); give every row one cell per column", "warning")
    titles = {"owner": "Owner", "action": "Action", "due": "Due Date", "status": "Status"}
    read = ", ".join(f"{titles[col]} {values[col]!r}" for col in columns[:len(cells)] if col)
    return Problem(source, line, f"this row has {len(cells)} cell(s), the table's header "
                   f"{len(columns)}: read as {read}, the rest empty; give every row one cell "
                   "per column", "warning")


def _line_at(rows, number) -> str:
    return next(text for n, text in rows if n == number)


def _check_columns(columns, line, source, problems):
    if "action" not in columns:
        problems.append(Problem(source, line, f"the Action Items table has no Action column: "
                                f"use the header {_TABLE_HEADER}"))
        return
    for col, word, effect in (("owner", "Owner", "no action item has an owner"),
                              ("status", "Status", "every action item is taken as open")):
        if col not in columns:
            problems.append(Problem(source, line, f"the Action Items table has no {word} "
                                    f"column: {effect}", "warning"))


def _action(values, line, columns, source, problems) -> Action:
    owner = values.get("owner", "").strip()
    text = values.get("action", "").strip()
    if not text:
        problems.append(Problem(source, line, "action item has no action", "warning"))
    if not owner and "owner" in columns:
        problems.append(Problem(source, line, "action item has no owner", "warning"))
    due = None
    due_text = values.get("due", "").strip().strip("`*_ ")
    if due_text:
        try:
            due = parse_date(due_text)
        except ValueError:
            problems.append(Problem(source, line, f"due date {due_text!r} is not a date: write "
                                    "it as YYYY-MM-DD"))
    written = values.get("status", "")
    key = re.sub(r"[\s_-]+", " ", written.strip().strip("`*_ .").lower()).strip()
    status = _STATUS_ALIASES.get(key)
    if status is not None and key and key != status:
        problems.append(Problem(source, line, f"action item status {written.strip()!r} read as "
                                f"{status!r}: write one of {', '.join(STATUSES)}", "warning"))
    if status is None:
        status = key
        problems.append(Problem(source, line, f"action item status {written.strip()!r} is not "
                                f"one of {', '.join(STATUSES)}"))
    return Action(owner, text, due, status, line)


def note_id(note) -> str:
    """The interview id of a parsed note (its front matter's `id`, stripped), else ''."""
    return str((note.front or {}).get("id") or "").strip()


def why_read(path, iid) -> str:
    """Why the note at ``path`` is the one read of several with the interview id ``iid``."""
    if Path(path).stem == iid:
        return "its file is named after the id"
    return "no file is named after the id, so the first by file name"


def read_first(notes: list) -> list:
    """Notes (sorted by file name) with, of several sharing an interview id, the one read first.

    The note read is the one whose file name is the id (``INT-009.md`` for ``id: INT-009``),
    else the first by file name; the others keep their places and are reported as duplicates."""
    groups: dict[str, list] = {}
    for note in notes:
        if note_id(note):
            groups.setdefault(note_id(note), []).append(note)
    chosen = {iid: next((n for n in group if Path(n.path).stem == iid), group[0])
              for iid, group in groups.items() if len(group) > 1}
    out = []
    for note in notes:
        iid = note_id(note)
        if iid in chosen:
            if note is groups[iid][0]:
                out.append(chosen[iid])  # the note read takes its group's first place
            if note is chosen[iid]:
                continue
        out.append(note)
    return out
