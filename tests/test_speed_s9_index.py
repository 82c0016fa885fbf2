"""The index's ninth speed pass (issue 20, item 4): the one-pass reading of a note body in the
template's shape (kit.notes_template) gives the note of the general rules; the index redacts
what it must and leaves the rest as it is."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from kit import notes, notes_template
from kit.discovery import index as kit_index
from kit.privacy import Roster, redact_both

ROOT = Path(__file__).resolve().parents[1]


def _general(monkeypatch, texts, source="n.md"):
    with monkeypatch.context() as m:
        m.setattr(notes, "template_body", lambda *args: None)
        return [notes.parse_note_text(t, source) for t in texts]


def _taken(texts) -> int:
    """How many of ``texts`` the template path reads (not handed to the general rules)."""
    count = 0
    for text in texts:
        lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
        problems: list = []
        _, _, start = notes._front_matter(lines, "n.md", problems)
        count += notes_template.template_body(lines, start, "n.md", []) is not None
    return count


def test_every_note_fixture_reads_the_same_both_ways(monkeypatch):
    paths = [p for folder in ("tests", "templates", "kit/data") for p in (ROOT / folder).rglob("*.md")]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    fast = [notes.parse_note_text(t, "n.md") for t in texts]
    assert fast == _general(monkeypatch, texts)
    assert _taken(texts) >= 20  # the pilot's and the sprints' notes are in the template's shape


def test_the_template_headings_are_the_known_sections_but_action_items():
    lines = notes_template._headings()
    assert lines["## Key Quotes"] == "quotes" and lines["## Follow-up"] == "followup"
    assert "## Action Items" not in lines and len(lines) == 6


# Lines of a body: the template's shape, then lines that send a body the general way.
_HEADINGS = ["## Key Quotes", "## Insights", "## Opportunities", "## Goals", "## Questions", "## Follow-up"]
_ITEMS = ['- "A quote" (0:31)', "- Plain insight.", "- 3 invoices late", "- (aside) text", "- \u201cCurly\u201d - Dana",
          "- \u00abGuillemets\u00bb", "- 'single'", "- Trailing spaces   ", "- \u00c9t\u00e9 ici", "- No marks here",
          '- "Unclosed quote', '- Dana: "Labelled" (1:02)', '- "Bad time" (99:99:99:99)', '- [0:12] "Timed first"',
          "", "   ", "\t"]
_OTHER = ["## Action Items", "| Owner | Action | Due Date | Status |", "|---|---|---|---|", "- a | b",
          "## key quotes", "##Insights", "# Insights", "## Insigths", "## Notes", "### Sub", "**Key Quotes**",
          "-\"Glued\" (0:31)", "- [ ] task", "- - -", "---", "***", "Insights", "=====", "```", "~~~",
          "<!-- guidance -->", "- <!-- hidden --> text", "continuation line", "  - indented", "* star",
          "1. numbered", "> quoted", "- ", "-", "\u00a0", "- #tag", "- _x_"]


def _note(rng, k: int, other: float) -> str:
    body = []
    for title in rng.sample(_HEADINGS, rng.randint(0, 4)) + (["## Key Quotes"] if rng.random() < 0.1 else []):
        body += [rng.choice(["", "", "   "]), title]
        body += [rng.choice(_OTHER if rng.random() < other else _ITEMS) for _ in range(rng.randint(0, 5))]
    lead = [rng.choice(_ITEMS + _OTHER)] if rng.random() < 0.1 else []
    return "\n".join(["---", f"id: INT-{k:03d}", "date: 2026-03-02", "participant: P-1", "duration: 5", "---",
                      *lead, *body, *([""] if k % 2 else [])])


@pytest.mark.parametrize("other", [0.0, 0.05, 0.3])
def test_generated_notes_read_the_same_both_ways(monkeypatch, other):
    rng = random.Random(9 + int(other * 100))
    texts = [_note(rng, k, other) for k in range(400)]
    fast = [notes.parse_note_text(t, "n.md") for t in texts]
    assert fast == _general(monkeypatch, texts)
    taken = _taken(texts)
    assert taken >= (150 if other == 0.0 else 20)  # the template path is taken, and not only it
    assert other == 0.0 or taken < len(texts)


def test_the_index_redacts_names_emails_and_phones_of_its_rows_as_redact_both(tmp_path):
    """Every text of ``docs`` is what ``redact_both`` makes of it, the texts redaction leaves as
    they are (found together) and the others alike."""
    from kit.paths import pilot_path
    import shutil
    import sqlite3

    from kit.privacy import roster
    from kit.study import load_study

    study_dir = tmp_path / "repo" / "S1"
    shutil.copytree(pilot_path(), study_dir)
    kit_index.update_index(tmp_path / "repo")
    people = roster(load_study(study_dir, strict=False))
    assert people.names  # the pilot's roster names people
    con = sqlite3.connect(kit_index.index_path(tmp_path / "repo"))
    rows = con.execute("SELECT id, text, named_text FROM docs").fetchall()
    con.close()
    study = load_study(study_dir, strict=False)
    raw = dict(zip(study.segments()["segment_id"].tolist(), study.segments()["text"].tolist()))
    changed = 0
    for sid, text, named in rows:
        assert (text, named) == redact_both(raw[sid], people), sid
        changed += text != raw[sid]
    assert changed  # some texts held a name, an email or a phone


def test_redact_both_of_a_roster_free_text_is_the_text():
    assert redact_both("We paid in May.", Roster(names=("Dana Lee",))) == ("We paid in May.", "We paid in May.")


def test_the_quick_search_for_odd_line_breaks_is_the_regular_expression():
    from kit.notes_text import ODD_BREAK, has_odd_break

    rng = random.Random(11)
    pool = ["a", " ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028", "\u2029",
            "\u00e9", "\u00a0"]
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 6)))
        assert has_odd_break(text) == (ODD_BREAK.search(text) is not None), repr(text)
        found += has_odd_break(text) and text.isascii()
    assert found > 1000  # ASCII texts with a vertical tab, a form feed or a separator found
