"""Notes lose nothing silently (attacker's round 4) and speaker lines are found in one pass."""
from __future__ import annotations

import textwrap

from kit import speaker_lines
from kit.notes import Action, Quote, parse_note_text
from kit.speaker_lines import first_lines_of
from kit.speaker_roles import first_line_of

FRONT = "---\nid: INT-002\ndate: 2026-01-13\n---\n"  # body starts on line 5

NOTE = FRONT + textwrap.dedent("""\
    free text before any heading
    ## Key Quotes
    - "quote one" (0:10)
    - "quote with bad time" (99:99:99:99)
    - “curly quote” (1:00)
    random paragraph line in quotes
    - "with a remark" (laughs)

    ## Insights
    - i
    ## Action Items
    | Owner | Action | Due Date | Status |
    |---|---|---|---|
    | Sam Lee | Do thing | 2026-01-20 | finished |
    | only two | cells |
    | Ana | Call | 2026-01-21 | done | surplus |
    | Ana | Write | 2026-01-22 | Done |
    """)


def _note():
    return parse_note_text(NOTE, "n.md")


def _at(n, line):
    return [p.message for p in n.problems if p.line == line]


def test_text_before_the_first_heading_is_a_located_warning():
    n = _note()
    (message,) = _at(n, 5)
    assert message.startswith("text before the first heading is in none of the template's sections")


def test_a_paragraph_run_on_after_a_quote_is_reported_at_its_own_line():
    n = _note()
    assert n.quotes[2] == Quote("curly quote", 9, time=60.0, note="random paragraph line in quotes")
    (message,) = _at(n, 10)
    assert "not part of the quote" in message and "'random paragraph line in quotes'" in message
    assert _at(n, 9) == []


def test_an_impossible_quote_time_is_reported():
    n = _note()
    assert n.quotes[1].time is None
    assert _at(n, 8) == ["time (99:99:99:99) is not a time (m:ss or h:mm:ss): it is ignored"]


def test_an_impossible_time_after_an_attribution_is_reported_not_taken_into_the_name():
    n = parse_note_text(FRONT + '## Key Quotes\n- "q" \u2014 Dana (1:2:3:4)\n## Insights\n- i\n', "n.md")
    assert n.quotes == [Quote("q", 6, speaker="Dana")]
    assert [(p.line, p.message) for p in n.problems] == [
        (6, "time (1:2:3:4) is not a time (m:ss or h:mm:ss): it is ignored")]


def test_a_bracketed_remark_stays_the_quotes_note_without_a_warning():
    n = _note()
    assert n.quotes[3] == Quote("with a remark", 11, note="(laughs)")
    assert _at(n, 11) == []


def test_a_status_synonym_is_read_with_a_warning_the_canonical_word_silently():
    n = _note()
    assert n.actions[0].status == "done"
    assert _at(n, 18) == ["action item status 'finished' read as 'done': write one of open, "
                          "in progress, done, dropped"]
    assert n.actions[-1] == Action("Ana", "Write", n.actions[-1].due, "done", 21)
    assert _at(n, 21) == []  # 'Done' is the template's word, whatever its case


def test_rows_with_too_few_or_too_many_cells_are_located():
    n = _note()
    short = next(a for a in n.actions if a.line == 19)
    assert (short.owner, short.action, short.status) == ("only two", "cells", "open")
    (message,) = _at(n, 19)
    assert "has 2 cell(s), the table's header 4: read as Owner 'only two', Action 'cells'" in message
    (message,) = _at(n, 20)
    assert "has 5 cells" in message and "'surplus'" in message


def test_every_nonblank_body_line_is_kept_or_located():
    """Each line of the body is an item's line, inside an item's span, a heading, a table
    line read as a row, or the line of a problem."""
    n = _note()
    lines = NOTE.split("\n")
    accounted = set(n.headings.values()) | {p.line for p in n.problems}
    accounted |= {a.line for a in n.actions} | {16, 17}  # table header and separator
    for items in n.sections.values():
        accounted |= {item.line for item in items}
    body = {i for i, text in enumerate(lines, start=1) if i > 4 and text.strip()}
    assert body - accounted == set()


# --- speakers' first lines: one pass ----------------------------------------------------

def test_first_lines_of_agrees_with_first_line_of(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Alex: hi\nDana (00:01): hello\n<v Sam Ortega>yes</v>\n<v Lee x>no</v>\n"
                    "Mo\nwords\nDr: Who: colon in label\nDana: again\n", encoding="utf-8")
    labels = ["Alex", "Dana", "Sam Ortega", "Lee", "Mo", "Dr: Who", "Nobody"]
    assert first_lines_of(path, labels) == {label: first_line_of(path, label) for label in labels}
    assert first_lines_of(path, labels)["Dana"] == 2 and first_lines_of(path, ["Nobody"]) == {"Nobody": 0}
    assert first_lines_of(tmp_path / "missing.txt", ["A"]) == {"A": 0}


def test_first_lines_of_work_grows_with_the_file_not_with_labels_times_lines(tmp_path, monkeypatch):
    """The quadratic cost (issue: check's time grew with the square of the speakers) is gone:
    the candidate labels looked at per line do not depend on how many labels are wanted."""
    calls = []
    original = speaker_lines.label_candidates
    monkeypatch.setattr(speaker_lines, "label_candidates", lambda text: calls.append(1) or original(text))
    for n in (100, 1000):
        path = tmp_path / f"t{n}.txt"
        path.write_text("".join(f"Guest{i}: words\nAlex: next?\n" for i in range(n)), encoding="utf-8")
        calls.clear()
        found = first_lines_of(path, [f"Guest{i}" for i in range(n)])
        assert found[f"Guest{n - 1}"] == 2 * n - 1
        assert len(calls) <= 2 * n  # one look per line, whatever the number of labels
