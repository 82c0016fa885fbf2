"""The index's seventh speed pass (issue 20, item 4): the cheap ways of reading a note agree
with the general ones they stand in for, on every note fixture and on generated variants."""
from __future__ import annotations

import random
from pathlib import Path

from kit import notes

ROOT = Path(__file__).resolve().parents[1]


def _blocks(text: str):
    """The (line, text) rows of every section block of a note, as ``kit.notes._body`` cuts
    them (comments blanked, headings out)."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    block, out = [], []
    for number, line in enumerate(notes._strip_comments(lines), start=1):
        if notes._heading(line):
            out.append(block)
            block = []
        else:
            block.append((number, line))
    return out + [block]


def _general(rows):
    problems: list = []
    return notes._items(rows, "n.md", problems, simple=False), problems


def test_simple_items_match_the_general_rules_on_every_note_fixture():
    paths = [p for folder in ("tests", "templates", "kit/data") for p in (ROOT / folder).rglob("*.md")]
    taken = 0
    for path in paths:
        for rows in _blocks(path.read_text(encoding="utf-8", errors="replace")):
            simple = notes._simple_items(rows)
            if simple is not None:
                taken += any(line.strip() for _, line in rows)
                assert (simple, []) == _general(rows), (path, rows[:3])
    assert taken >= 50  # the template's, the pilot's and the tests' quotes and insights


# Lines the fast path reads, then lines that send a block the general way.
_SIMPLE = ['- "A quote" (0:31)', "- Plain insight.", "- 3 invoices late", "- (aside) text", "- \u201cCurly\u201d",
           "- \u00abGuillemets\u00bb", "- 'single'", "- Trailing spaces   ", "- \u00c9t\u00e9 ici", "", "   ", "\t"]
_OTHER = ["-\"Glued\" (0:31)", "-glued", "- [ ] task", "- [x] done", "- - -", "- * *", "---", "***", "-  two spaces",
          "- ", "-", "  - indented", "* star item", "+ plus item", "1. numbered", "1) numbered",
          "continuation line", "  indented continuation", "> a block quote", "- \u2028x", "- \x0cx", "-\tx",
          "- _x_", "- *bold*", "- -5 degrees", "\u00a0", "- \u00a0x", "- #tag"]


def test_simple_items_match_the_general_rules_on_generated_blocks():
    rng = random.Random(20)
    taken = 0
    for _ in range(3000):
        pool = _SIMPLE if rng.random() < 0.6 else _SIMPLE + _OTHER
        rows = [(n, rng.choice(pool)) for n in range(10, 10 + rng.randint(0, 8))]
        simple = notes._simple_items(rows)
        if simple is not None:
            taken += 1
            assert (simple, []) == _general(rows), rows
        else:
            assert any(line in _OTHER for _, line in rows), rows
    assert taken > 1000


def test_a_note_parsed_by_the_fast_paths_is_the_note_of_the_general_rules(monkeypatch):
    """Whole notes (the template's shape, with comments, odd items and headings) come out the
    same with the fast path of items switched off."""
    rng = random.Random(7)
    texts = []
    for k in range(300):
        body = []
        for title in ("Key Quotes", "Insights", "Opportunities"):
            body += ["", f"## {title}"] + [rng.choice(_SIMPLE + _OTHER[:12]) for _ in range(rng.randint(0, 5))]
        comment = ["<!-- guidance -->"] if k % 3 == 0 else []
        texts.append("\n".join(["---", f"id: INT-{k:03d}", "date: 2026-03-02", "participant: P-1",
                                "duration: 5", "---", *comment, *body]))
    fast = [notes.parse_note_text(t, "n.md") for t in texts]
    monkeypatch.setattr(notes, "_simple_items", lambda rows: None)
    slow = [notes.parse_note_text(t, "n.md") for t in texts]
    assert fast == slow
    assert sum(bool(n.problems) for n in fast) > 30  # the odd lines are reported, the same way


def test_a_misspelt_front_matter_key_is_still_reported_and_a_known_one_never():
    note = notes.parse_note_text("---\nid: INT-1\ndate: 2026-03-02\nparticpant: P-1\ninterviewer: Dana\n---\n"
                                 "## Key Quotes\n- \"Yes.\"\n## Insights\n- One.\n", "n.md")
    assert [(p.line, p.level) for p in note.problems] == [(4, "warning")]
    assert "'participant'" in note.problems[0].message
