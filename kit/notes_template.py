"""A note's body in the template's own shape, read without the general rules (:mod:`kit.notes`).

Most notes of a large study are the customer-interview template filled in: ``## Key Quotes``,
``## Insights``, ``## Opportunities`` (and the other template headings), each followed by
one-line ``- text`` items and blank lines. :func:`template_body` reads such a body in one pass
over its lines; any other body (a comment, a code fence, a table, a setext heading, a heading
written another way, a paragraph, a continued item, text before the first heading, a section
twice, the Action Items table) gives None and goes the general way
(``kit.notes._body``), which gives the same result for the bodies read here
(tests/test_speed_s9_index.py compares both on every note fixture and on generated variants).
"""
from __future__ import annotations

from functools import lru_cache, partial

from kit.errors import Problem
from kit.notes_blocks import _SIMPLE_START, Item

__all__ = ["template_body"]


@lru_cache(maxsize=1)
def _headings() -> dict[str, str]:
    """The template's heading lines (``## Key Quotes``) -> their section, for the headings the
    general reader takes as known sections without a warning (Action Items left out: a table)."""
    from kit.notes import _ALIASES, SECTION_TITLES, _heading, _name_key, canonical_section

    out = {}
    for title in SECTION_TITLES.values():
        line = f"## {title}"
        found = _heading(line)
        if found == (2, title, True) and _name_key(title) in _ALIASES and canonical_section(title) != "actions":
            out[line] = canonical_section(title)
    return out


def _blocks(lines, start: int):
    """[(section, heading line, rows)] of a body of template headings, ``- text`` items and
    blank lines (``rows``: each (line number, text) under the heading); None for any other."""
    headings = _headings()
    blocks: list = []
    rows = None
    for index in range(start, len(lines)):
        line = lines[index]
        if line[:2] == "- ":
            if rows is None or not (line[2:3].isalnum() or line[2:3] in _SIMPLE_START) or "|" in line \
                    or "<!--" in line:
                return None
            rows.append((index + 1, line))
        elif line[:1] == "#":
            name = headings.get(line)
            if name is None:
                return None
            rows = []
            blocks.append((name, index + 1, rows))
        elif line and not line.isspace():
            return None
        elif rows is not None:
            rows.append((index + 1, line))
    if not blocks or len({name for name, _, _ in blocks}) < len(blocks):
        return None
    return blocks


def template_body(lines, start: int, source: str, problems: list):
    """``kit.notes._body(lines, start, source, problems)`` -- ``(sections, headings,
    actions)`` -- for a body in the template's shape (see the module docstring), problems
    appended in the same order; None (nothing appended) for any other body."""
    blocks = _blocks(lines, start)
    if blocks is None:
        return None
    from kit.notes import EXPECTED_SECTIONS, _quote, _span, _title

    sections: dict[str, list[Item]] = {}
    headings: dict[str, int] = {}
    for name, heading_line, rows in blocks:
        headings[name] = heading_line
        items = [Item(line[2:].strip(), number) for number, line in rows if line[:1] == "-"]
        if name == "quotes":
            ends = [item.line for item in items[1:]] + [len(lines) + 1]
            items = [_quote(item, source, problems, partial(_span, rows, item.line, end))
                     for item, end in zip(items, ends)]
        sections[name] = items
        if name in EXPECTED_SECTIONS and not items:
            problems.append(Problem(source, heading_line, f"the {_title(name)} section is empty", "warning"))
    return sections, headings, []
