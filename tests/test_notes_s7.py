"""Session 7 faults in notes (round2-faults.md B1-B3): nothing a note holds is silently lost.
Every line ends in a table (a section's items) or a located problem."""
from __future__ import annotations

import textwrap
from pathlib import Path

from kit.notes import parse_note, parse_note_text

DATA = Path(__file__).parent / "data" / "notes2"
FRONT = "---\nid: INT-001\ndate: 2026-01-12\n---\n"


def _texts(note, section):
    return [item.text for item in note.sections.get(section, [])]


def test_an_unclosed_comment_is_an_error_at_its_line_and_hides_nothing():
    note = parse_note(DATA / "n1-unclosed-comment.md")
    errors = [p for p in note.problems if p.is_error]
    assert [(p.line, "never closed" in p.message) for p in errors] == [(11, True)]
    assert _texts(note, "insights") == ["The export failed three times."]
    assert _texts(note, "opportunities") == ["Run exports in the background."]


def test_a_closed_comment_still_hides_its_lines_and_a_later_unclosed_one_does_not():
    note = parse_note_text(FRONT + textwrap.dedent("""\
        ## Insights
        <!-- guidance
        spanning lines -->
        - kept <!-- inline --> too
        - also kept <!-- never closed
        - read after it
        """), "n.md")
    assert _texts(note, "insights") == ["kept  too", "also kept", "read after it"]
    assert [(p.line, p.level) for p in note.problems if "never closed" in p.message] == [(9, "error")]


def test_an_unclosed_code_fence_is_an_error_and_the_sections_after_it_are_read():
    note = parse_note_text(FRONT + "## Insights\n- one\n```\n- two\n## Opportunities\n- three\n", "n.md")
    assert [(p.line, p.level) for p in note.problems if "never closed" in p.message] == [(7, "error")]
    assert _texts(note, "insights") == ["one", "two"]
    assert _texts(note, "opportunities") == ["three"]


def test_markdown_the_kit_does_not_model_is_read_or_located():
    """The attacker's note: every fruit is in a table or in a located message."""
    note = parse_note(DATA / "n1-markdown.md")
    quotes = _texts(note, "quotes")
    # A setext heading is a heading: its quote is read.
    assert quotes[0] == "Setext heading quote says apples." and note.quotes[0].line == 16
    insights = _texts(note, "insights")
    # The code block and the table row are items of their own, not glued to insight 1.
    assert insights[:3] == ["Insight one says quince.", "code fence insight says raspberry",
                            "table in insights says strawberry | x"]
    assert "sub insight says ugli." in insights
    located = {p.line: p.message for p in note.problems}
    assert "header row (a | b)" in located[37]  # the table's header: not an item, said at its line
    assert "tangerine" in located[41] and "sub-heading" in located[41]
    assert "space after '-'" in located[27]  # the lemon glued to the kiwi block quote
    every = " ".join(quotes + insights + _texts(note, "opportunities") + [p.message for p in note.problems])
    for word in ("apples", "bananas", "cherries", "dates", "elderberry", "figs", "grapes", "honeydew", "kiwi",
                 "lemon", "mango", "nectarine", "papaya", "quince", "raspberry", "strawberry", "tangerine",
                 "ugli", "vanilla"):
        assert word in every, word


def test_a_code_block_is_not_read_as_headings_or_items():
    note = parse_note_text(FRONT + textwrap.dedent("""\
        ## Insights
        - before
        ```text
        ## Opportunities
        - not an item
        ```
        - after
        """), "n.md")
    assert _texts(note, "insights") == ["before", "## Opportunities - not an item", "after"]
    assert "opportunities" not in note.sections


def test_a_dash_underline_makes_a_heading_of_a_section_name_only():
    note = parse_note_text(FRONT + "Insights\n---\n- a\n\nJust a remark\n---\n- b\n", "n.md")
    assert _texts(note, "insights") == ["a", "Just a remark", "b"]


def test_a_tab_in_the_front_matter_does_not_hide_a_bad_date():
    """The newcomer's s3/INT-007 with a tab: both the tab and the impossible date are reported,
    and the tabbed key is still read."""
    note = parse_note(DATA / "s3-tab-and-bad-date.md")
    errors = {p.line: p.message for p in note.problems if p.is_error}
    assert "tab" in errors[4] and "not a date" in errors[3]
    assert note.participant == "P-009" and note.front_lines["participant"] == 4


def test_every_yaml_error_and_the_other_front_matter_problems_are_reported():
    note = parse_note_text("---\nid: INT-1\n\tparticipant: P-9\nspeakers:\n\tDana: participant\n  Sam: observer\n"
                           "duration: abc\ndate: 2026-02-30\n---\n## Insights\n- x\n", "n.md")
    errors = sorted(p.line for p in note.problems if p.is_error)
    assert errors == [3, 5, 7, 8]
    assert note.participant == "P-9" and note.speakers == {"Dana": "participant", "Sam": "observer"}


def test_an_unclosed_front_matter_ends_at_the_first_line_that_is_no_yaml():
    note = parse_note(DATA / "unclosed-front-matter-setext.md")
    assert [(p.line, p.level) for p in note.problems] == [(1, "error")]
    assert note.id == "INT-001" and _texts(note, "quotes") == ["apples"] and _texts(note, "insights") == ["pears"]


def test_many_unclosed_comments_and_fences_are_each_located():
    body = "## Insights\n" + "- a <!-- open\n" * 2000 + "```py\n- b\n" * 50
    note = parse_note_text(FRONT + body, "n.md")
    errors = [p for p in note.problems if p.is_error]
    assert len(errors) == 2050 and all("never closed" in p.message for p in errors)
    assert _texts(note, "insights") == ["a"] * 2000 + ["b"] * 50


def test_setext_headings_one_after_another():
    note = parse_note_text(FRONT + "Key Quotes\n===\n- \"q\"\n\nInsights\n===\n- i\n", "n.md")
    assert _texts(note, "quotes") == ["q"] and _texts(note, "insights") == ["i"]


def test_an_unclosed_front_matter_before_a_list_ends_at_the_blank_line():
    note = parse_note_text("---\nid: X\ndate: 2026-01-01\n\n- \"a quote\" (0:10)\n- another\n", "n.md")
    assert [(p.line, p.level) for p in note.problems if p.is_error] == [(1, "error")]
    assert note.id == "X" and _texts(note, "preamble") == ['"a quote" (0:10)', "another"]
