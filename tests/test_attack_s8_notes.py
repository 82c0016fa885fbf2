"""Session 8 attacker's note faults (docs: /work/atk8-faults.md 14, 18, 22): line separators in a
note's front matter, empty headings in its body, and dates far from any interview's."""
from __future__ import annotations

from pathlib import Path

from kit import notes, notes_blocks
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


# --- 14: characters YAML or str.splitlines read as line breaks --------------------------

def test_line_separators_in_front_matter_keep_the_files_line_numbers():
    note = parse_note(DATA / "line-separators.md")
    twice = sorted((p.line, p.message.split("'")[1]) for p in note.problems if "given twice" in p.message)
    assert twice == [(5, "participant"), (10, "stage")]  # the lines an editor shows
    assert "(line 8)" in next(p.message for p in note.problems if "'stage' is given twice" in p.message)
    assert note.front_lines["stage"] == 10 and note.front_lines["transcript"] == 9
    separators = [(p.line, p.level) for p in note.problems if "this line holds" in p.message]
    assert separators == [(5, "warning"), (8, "warning"), (20, "warning")]
    assert "U+2028" in note.problems[1].message or any("U+0085" in p.message for p in note.problems)


def test_every_yaml_line_break_maps_to_the_files_line():
    from kit.yamlio import file_lines, load_yaml, load_yaml_around_errors
    from kit.yamllines import value_lines

    for sep in ("\x85", "\u2028", "\u2029"):
        text = f"a: 1{sep}b: 2\r\nc: [3\r\nd: 4\n"
        data, problems = load_yaml(text, "s.yml")
        assert data is None and [p.line for p in problems] == [3], sep  # 'd: 4' is line 3, as the file counts
        _, found, _, set_aside = load_yaml_around_errors(text, "s.yml")
        assert set_aside[2] == "d: 4" and found[0].line == 3, sep  # the line set aside is the one reported
        lines = value_lines(f"a: 1{sep}b: [x,{sep}y]\nc: 3\n")
        assert (lines[("b",)], lines[("b", 1)], lines[("c",)]) == (1, 1, 2), sep
        assert [file_lines(f"x{sep}y\nz\rw", 10)(k) for k in range(5)] == [11, 11, 12, 13, 14]
    for sep in ("\x0b", "\x0c", "\x1c"):  # YAML refuses these: an error at the file's line
        data, problems = load_yaml(f"a: 1\nb: x{sep}y\n", "s.yml")
        assert [p.line for p in problems] == [2], sep


def test_line_breaks_python_reads_are_warned_at_their_line_in_front_matter_and_body():
    for sep in ("\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1d"):
        text = (f"---\nid: INT-1\ndate: 2026-01-12\nparticipant: P-1{sep}\n---\n## Key Quotes\n"
                f"- \"Yes.\" (0:10)\n## Insights\n- one{sep}two\n")
        note = parse_note_text(text, "n.md")
        held = [p for p in note.problems if "this line holds" in p.message]
        assert [(p.line, p.level) for p in held] == [(4, "warning"), (9, "warning")], sep
        assert f"U+{ord(sep):04X}" in held[0].message
        assert _items(note, "insights") == [(9, f"one{sep}two")]


# --- 22: dates far from any interview's, and values shown as written --------------------

def _front(lines: str):
    return parse_note_text(f"---\nid: INT-1\n{lines}\n---\n## Key Quotes\n- \"Yes.\" (0:10)\n## Insights\n- one\n",
                           "n.md")


def test_a_date_far_in_the_future_or_before_1990_is_a_located_warning():
    note = parse_note(DATA / "date-far-future.md")
    assert [(p.line, p.level) for p in note.problems] == [(3, "warning")]
    assert "'9999-12-31'" in note.problems[0].message and "after today" in note.problems[0].message
    for key in notes.DATE_KEYS:
        for day, why in (("9999-12-31", "after today"), ("2999-01-01", "after today"), ("1989-12-31", "before 1990"),
                         ("1026-01-12", "before 1990")):
            note = _front(f"date: 2026-01-12\n{key}: {day}" if key != "date" else f"date: {day}")
            found = [(p.line, p.level) for p in note.problems if why in p.message]
            assert found == [(4 if key != "date" else 3, "warning")], (key, day)
    assert _front("date: 2026-01-12\ndebriefed: 1990-01-01").problems == []  # within the range: nothing


def test_values_in_messages_are_shown_as_written():
    note = parse_note(DATA / "date-in-brackets.md")
    assert [p.line for p in note.problems] == [3]
    assert "'[2026-01-12]'" in note.problems[0].message and "datetime" not in note.problems[0].message
    for written in ("[2026-01-12]", "[2026-01-12, 2026-01-13]", "{day: 2026-01-12}", "[ 2026-01-12 ]"):
        note = _front(f"date: {written}")
        assert [p.line for p in note.problems] == [3], written
        assert f"'{written}'" in note.problems[0].message, (written, note.problems[0].message)
    note = _front("date: 2026-01-12\nduration: [2026-01-12, true]")
    assert "'[2026-01-12, true]'" in note.problems[0].message
    note = _front("date:\n  - 2026-01-12\n  - 2026-01-13")  # a block list: written back the YAML way
    assert "'[2026-01-12, 2026-01-13]'" in note.problems[0].message and "datetime" not in note.problems[0].message


def test_a_setext_underline_after_a_list_item_is_a_warning_not_silent_run_on():
    """(the attacker's note: 'Opportunities' over '===' straight under an insight runs on into it)"""
    note = parse_note(DATA / "empty-headings.md")
    assert (10, "insight one Opportunities =============") in _items(note, "insights")  # as Markdown reads it
    assert [p.line for p in note.problems if "underline cannot follow a list item" in p.message] == [12]
    note = parse_note_text("---\nid: INT-1\ndate: 2026-01-12\n---\n## Insights\n- one\n\nTwo\n===\n- three\n", "n.md")
    assert not any("underline" in p.message for p in note.problems)  # a setext heading after a blank line


def test_the_fast_paths_leave_line_separators_to_the_general_ones(monkeypatch):
    from kit import yamlio

    for sep in ("\x85", "\u2028", "\u2029"):
        assert yamlio._flat_front_matter(f"id: INT-1{sep}date: 2026-01-12", "n.md", 1) is None, sep
    text = (DATA / "line-separators.md").read_text(encoding="utf-8")
    fast = parse_note_text(text, "n.md")
    monkeypatch.setattr(notes, "_plain", lambda marks: False)
    monkeypatch.setattr(notes_blocks, "_simple_items", lambda rows: None)  # (read from kit.notes_blocks)
    assert parse_note_text(text, "n.md") == fast
