"""Session 8 attacker's note faults (docs: /work/atk8-faults.md 14, 18, 22): line separators in a
note's front matter, empty headings in its body, and dates far from any interview's."""
from __future__ import annotations

from pathlib import Path

from kit import notes
from kit.notes import parse_note, parse_note_text

DATA = Path(__file__).resolve().parent / "data" / "attack-s8-notes"


def _items(note, section):
    return [(item.line, item.text) for item in note.sections.get(section, [])]


# --- 18: empty headings ----------------------------------------------------------------

def test_empty_headings_are_located_warnings_and_never_item_text():
    note = parse_note(DATA / "empty-headings.md")
    assert _items(note, "opportunities") == [(19, "opportunity B"), (21, "item after empty h1")]
    assert (16, "item under empty heading") in _items(note, "insights")
    assert not any("#" in text for s in note.sections for _, text in _items(note, s))
    empty = [(p.line, p.level) for p in note.problems if "empty heading" in p.message]
    assert empty == [(15, "warning"), (20, "warning")]


def test_every_form_of_empty_heading_ends_the_item_above(monkeypatch):
    for mark in ("#", "##", "###", "## ##", "#  ", "   ##"):
        text = f"---\nid: INT-1\ndate: 2026-01-12\n---\n## Insights\n- one\n{mark}\n- two\n"
        for plain in (True, False):  # the plain body loop and the line-by-line one
            monkeypatch.setattr(notes, "_plain", (lambda marks: True) if plain else (lambda marks: False))
            note = parse_note_text(text, "n.md")
            assert _items(note, "insights") == [(6, "one"), (8, "two")], (mark, plain)
            assert [p.line for p in note.problems if "empty heading" in p.message] == [7], (mark, plain)
    # a hashtag and a seventh '#' are not empty headings
    note = parse_note_text("---\nid: INT-1\ndate: 2026-01-12\n---\n## Insights\n- one\n#5 stars\n", "n.md")
    assert _items(note, "insights") == [(6, "one #5 stars")]

