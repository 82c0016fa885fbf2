"""Markdown blocks of a note's body: comments, fenced code, setext headings, tables, and
the list items and paragraphs of a section (:func:`_items`). Split out of :mod:`kit.notes`.

A construct that would swallow the lines after it (an unclosed ``<!--``, an unclosed code
fence) is an error at its opening line and the lines after it are read; Markdown the kit does
not model as a section's items (a code block, a table) is read as items of its own, never glued
to the item above.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kit.errors import Problem

__all__ = ["BlockMarks", "Item", "block_items", "mark_blocks"]


@dataclass
class Item:
    """A list item or paragraph of a section: its text (lines joined by a space) and the
    line where it starts."""

    text: str
    line: int


_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_LIST = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])(?:\s+(.*)|\s*$)")
# A dash or plus glued to a word or an opening quote mark: an item written without the space
# after its marker ("-\"Cheaper\" (0:31)"), not a number ("-5") nor a rule ("--").
_GLUED_ITEM = re.compile(r"^[-+][\"'\u201c\u2018A-Za-z]")
_CHECKBOX = re.compile(r"^\[[ xX]\]\s*")
_BLOCKQUOTE = re.compile(r"^\s{0,3}>\s?")
_RULE_MARKS = ("-", "*", "_")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")


def _strip_comments(lines, first: int = 1, source: str = "<note>", problems=None):
    """Blank out HTML comments (template guidance), keeping line numbers; ``first`` is the
    1-based number of ``lines[0]``. A ``<!--`` never closed by ``-->`` hides nothing: it is an
    error at its line (given ``problems``), the rest of that line is the comment, and the lines
    after it are read as they are (one pass: a comment closes when a ``-->`` follows it)."""
    joined = "\n".join(lines)
    if "<!--" not in joined:  # one search of the whole body, not one per line
        return list(lines)
    last = joined.rfind("-->")
    last_close = joined.count("\n", 0, last) if last >= 0 else -1  # the last line holding a "-->"
    out, inside = [], False
    for index, line in enumerate(lines):
        kept = ""
        while line:
            if inside:
                end = line.find("-->")
                if end < 0:
                    line = ""
                else:
                    line, inside = line[end + 3:], False
            else:
                start = line.find("<!--")
                if start < 0:
                    kept, line = kept + line, ""
                elif index < last_close or "-->" in line[start + 4:]:
                    kept, line, inside = kept + line[:start], line[start + 4:], True
                else:  # never closed: the rest of this line only
                    if problems is not None:
                        problems.append(Problem(source, first + index, "this comment ('<!--') is never closed: "
                                                "add '-->' where it ends; the lines after it are read as the "
                                                "note's text"))
                    kept, line = kept + line[:start], ""
        out.append(kept)
    return out


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)]


def _is_separator(cells) -> bool:
    return bool(cells) and all(re.fullmatch(r":?-+:?", c.replace(" ", "")) for c in cells if c) \
        and any(cells)


def _items(rows, source=None, problems=None, simple: bool = True) -> list[Item]:
    """List items and paragraphs. A line that follows an item without a blank line continues
    it; after a blank line, an indented line still continues a list item. Given ``problems``,
    a line that continues an item (a list item, a paragraph, a block quote) but looks like an
    item of its own written without the space Markdown needs after its dash
    (``-"Cheaper" (0:31)``) is a warning at its line.
    ``simple``: try :func:`_simple_items` first (False: the general rules alone)."""
    if simple and (found := _simple_items(rows)) is not None:
        return found
    items: list[Item] = []
    parts: list[str] = []
    first_line, is_list, blank_before, quoting = 0, False, False, False

    def close():
        text = " ".join([p for p in map(str.strip, parts) if p])
        if text:
            items.append(Item(text, first_line))
        parts.clear()

    # Each pattern is tried only on lines whose first character it can match (most lines
    # of a note are list items or plain text: one regex each instead of four).
    for number, line in rows:
        bare = line.strip()
        rule = bare[:1] in _RULE_MARKS and not bare.replace(bare[0], "").strip() and _RULE.match(line)
        if not bare or rule:
            if parts and (not is_list or rule):
                close()
            blank_before, quoting = True, False
            continue
        quoted = _BLOCKQUOTE.match(line) if bare[0] == ">" else None
        starts_quote = bool(quoted) and not quoting
        quoting = bool(quoted)
        if quoted:
            line = line[quoted.end():]
            bare = line.lstrip()
        first = bare[:1]
        match = _LIST.match(line) if first and (first in "-*+" or first.isdecimal()) else None
        if starts_quote and not match:  # a block quote interrupts a paragraph
            if parts:
                close()
            parts.append(line)
            first_line, is_list = number, False
        elif match:
            if parts:
                close()
            text = match.group(3) or ""
            parts.append(_CHECKBOX.sub("", text) if text[:1] == "[" else text)
            first_line, is_list = number, True
        elif parts and (not blank_before or (is_list and line[:2].isspace() and line.strip())):
            if problems is not None and _GLUED_ITEM.match(bare):
                problems.append(Problem(source, number, f"read as part of the item on line {first_line}: a list "
                                        f"item needs a space after {bare[0]!r} ('{bare[0]} {bare[1:12]}')", "warning"))
            elif problems is not None and is_list and bare[0] == "=" and _UNDERLINE.match(line):
                problems.append(Problem(source, number, f"read as part of the item on line {first_line}, as Markdown "
                                        "reads it: a heading's '===' underline cannot follow a list item; if "
                                        f"{parts[-1].strip()[:40]!r} is a heading, leave a blank line above it", "warning"))
            parts.append(line)
        else:
            if parts:
                close()
            parts.append(line)
            first_line, is_list = number, False
        blank_before = False
    if parts:
        close()
    return items


#: What may follow "- " in :func:`_simple_items`, besides a letter or digit (not a space, "[" nor a rule's mark).
_SIMPLE_START = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u201e(")


def _simple_items(rows) -> list[Item] | None:
    """:func:`_items` of a block of blank lines and one-line items ``- text`` (a note's usual block),
    one item a line; None for any other block (tests/test_speed_s7_index.py checks both ways agree)."""
    items = []
    for number, line in rows:
        if line[:2] == "- " and (line[2:3].isalnum() or line[2:3] in _SIMPLE_START):
            items.append(Item(line[2:].strip(), number))
        elif line and not line.isspace():
            return None
    return items


@dataclass
class BlockMarks:
    """What :func:`mark_blocks` found in a body (indexes into its lines, 0-based).

    ``code``: the lines of closed fenced code blocks, their fences included; ``fences``: each
    closed block's (opening, closing) index; ``setext``: a heading's text line -> its level
    (1 for ``===``, 2 for ``---``); ``underlines``: their underline lines and the lines of
    unclosed fences (syntax only, read as blank lines)."""

    code: set
    fences: list
    setext: dict
    underlines: set


def mark_blocks(lines, first: int, source: str, problems, is_heading, is_section) -> BlockMarks:
    """Find the fenced code blocks and setext headings of a body's ``lines`` (``first``: the
    1-based number of ``lines[0]``). An unclosed fence is an error at its line and does not
    hide the lines after it. ``is_heading(line)`` says whether a line is an ATX heading;
    ``is_section(text)`` whether a text names a template section: a ``---`` underline makes a
    heading of a section name only (elsewhere it stays a rule), ``===`` of any text."""
    code, fences, setext, underlines = set(), [], {}, set()
    candidates = _candidates(lines)  # index -> its line's fence or underline match, found in one search
    order = sorted(candidates)
    skip_to, dead = -1, {}  # dead: fence character -> a length no later line closes
    for position, index in enumerate(order):
        if index <= skip_to:
            continue
        line, found = lines[index], candidates[index]
        fence = _FENCE.match(line) if found[:1] in ("`", "~") else None
        if fence and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            mark = fence.group(1)
            close = None if len(mark) >= dead.get(mark[0], len(line) + 1) else next(
                (j for j in order[position + 1:] if (m := _FENCE.match(lines[j])) and m.group(1)[0] == mark[0]
                 and len(m.group(1)) >= len(mark) and not m.group(2).strip()), None)
            if close is None:
                dead[mark[0]] = min(len(mark), dead.get(mark[0], len(mark)))  # no closer this long from here on
                problems.append(Problem(source, first + index, f"this code block ({mark!r}) is never closed: "
                                        f"add a {mark!r} line where it ends; the lines after it are read as "
                                        "the note's text"))
                underlines.add(index)  # the fence itself is syntax, said in the error
            else:
                code.update(range(index, close + 1))
                fences.append((index, close))
                skip_to = close
            continue
        under = _UNDERLINE.match(line) if found[:1] in ("=", "-") else None
        if under and index and _setext_text(lines, index - 1, code | underlines, is_heading):
            text = lines[index - 1].strip()
            if under.group(1)[0] == "=" or is_section(text):
                setext[index - 1] = 1 if under.group(1)[0] == "=" else 2
                underlines.add(index)
    return BlockMarks(code, fences, setext, underlines)


_CANDIDATE = re.compile(r"^ {0,3}(`{3,}|~{3,}|=+[ \t]*$|-+[ \t]*$)", re.MULTILINE)


def _candidates(lines) -> dict:
    """Line index -> the mark that starts it, for every line that may open or close a fence
    or underline a setext heading (one regex search of the joined text)."""
    joined = "\n".join(lines)
    out, line, at = {}, 0, 0
    for match in _CANDIDATE.finditer(joined):
        line += joined.count("\n", at, match.start())
        at = match.start()
        out[line] = match.group(1)
    return out


def _setext_text(lines, index, code, is_heading) -> bool:
    """Whether ``lines[index]`` can be a setext heading's text: a one-line paragraph (after a
    blank line, a heading, a fence or an underline; ``code`` holds the last two)."""
    line = lines[index]
    bare = line.strip()
    if not bare or index in code or is_heading(line) or bare[0] in "|>" or _LIST.match(line) or line[:4].isspace():
        return False
    return index == 0 or not lines[index - 1].strip() or (index - 1) in code or bool(is_heading(lines[index - 1]))


def block_items(rows, marks: BlockMarks, first: int, where: str, source, problems) -> list[Item]:
    """:func:`_items` of a section's ``rows`` (line number, text), with each fenced code block
    an item of its own (its lines joined) and each table row an item of its own (its cells
    joined by ``" | "``; the header row is a warning, not an item). ``first`` is the number of
    the body's first line (for ``marks``); ``where`` names the section in messages."""
    piped = [n for n, text in rows if "|" in text]
    if not marks.fences and len(piped) < 2:  # most blocks: neither a code block nor a table
        return _items(rows, source, problems)
    code = {first + i for i in marks.code}
    fenced = {first + a: first + b for a, b in marks.fences}
    table = _table_lines(rows, code) if len(piped) > 1 else {}
    if not table and (not rows or not code.intersection(range(rows[0][0], rows[-1][0] + 1))):
        return _items(rows, source, problems)
    plain, extra = [], []
    for position, (number, line) in enumerate(rows):
        if number in fenced:
            inner = [text.strip() for n, text in rows[position + 1:position + 1 + fenced[number] - number]
                     if number < n < fenced[number] and text.strip()]
            if inner:
                extra.append(Item(" ".join(inner), number + 1))
        if number in code or number in table:
            plain.append((number, ""))
            kind = table.get(number)
            if kind == "header":
                problems.append(Problem(source, number, f"a table under {where}: each of its rows is read as "
                                        f"one item; its header row ({' | '.join(_cells(line))[:60]}) is not "
                                        "analysed", "warning"))
            elif kind == "row" and any(_cells(line)):
                extra.append(Item(" | ".join(c for c in _cells(line) if c), number))
        else:
            plain.append((number, line))
    return sorted(_items(plain, source, problems) + extra, key=lambda item: item.line)


def _table_lines(rows, code) -> dict:
    """Line -> "header", "separator" or "row" for the pipe tables among ``rows``."""
    out: dict = {}
    for (number, line), (next_number, below) in zip(rows, rows[1:]):
        if number in code or number in out or "|" not in line or "|" not in below:
            continue
        if _is_separator(_cells(below)) and not _is_separator(_cells(line)):
            out[number], out[next_number] = "header", "separator"
            for later, text in rows:
                if later > next_number:
                    if "|" not in text or not text.strip() or later in code:
                        break
                    out[later] = "row"
    return out
