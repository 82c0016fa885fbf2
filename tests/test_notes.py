"""Interview notes (kit.notes) and the YAML helper they use (kit.yamlio)."""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from kit.errors import Problem
from kit.notes import Action, Item, Quote, canonical_section, parse_note, parse_note_text
from kit.yamlio import duplicate_keys, key_lines, load_yaml, raw_scalars

DATA = Path(__file__).parent / "data" / "notes"
COMPLETE = DATA / "INT-003.md"

FRONT = "---\nid: INT-001\ndate: 2026-10-06\n---\n"  # body starts on line 5


def note(text: str, source: str = "n.md"):
    return parse_note_text(textwrap.dedent(text).lstrip("\n"), source)


def located(n):
    """Problems as (line, level, start of message) for exact comparison."""
    return [(p.line, p.level, p.message) for p in n.problems]


def lines_of(n, level=None):
    return [p.line for p in n.problems if level is None or p.level == level]


def find(n, words):
    hits = [p for p in n.problems if words in p.message]
    assert len(hits) == 1, f"expected one problem with {words!r}, got {n.problems}"
    return hits[0]


# --- a complete note -----------------------------------------------------------------

def test_complete_note_front_matter():
    n = parse_note(COMPLETE)
    assert n.problems == []
    assert n.path == str(COMPLETE)
    assert n.id == "INT-003"
    assert n.date == dt.date(2026, 10, 6)
    assert n.participant == "P-004"
    assert n.interviewer == "Maya Chen"
    assert n.note_taker == "Tom Becker"
    assert n.duration == 5.0
    assert n.transcript == "INT-003.vtt"
    assert n.stage == "chase"
    assert n.speakers == {"Dana": "participant", "Maya C.": "interviewer"}
    assert n.front["thank_you_sent"] == dt.date(2026, 10, 6)
    assert n.front["debriefed"] == dt.date(2026, 10, 7)
    assert n.front["notes_written"] == dt.date(2026, 10, 6)
    assert n.body_line == 15
    assert n.front_lines["id"] == 2 and n.front_lines["speakers"] == 13
    assert n.ok


def test_complete_note_sections():
    n = parse_note(COMPLETE)
    assert list(n.sections) == ["goals", "questions", "quotes", "insights", "opportunities",
                                "actions", "followup"]
    assert n.headings == {"goals": 16, "questions": 20, "quotes": 24, "insights": 30,
                          "opportunities": 35, "actions": 38, "followup": 46}
    assert n.sections["goals"] == [
        Item('Learn how Dana decides when an invoice is "late".', 17),
        Item("See which tools she uses to chase.", 18),
    ]
    assert n.sections["questions"] == [
        Item("Tell me about the last time a client paid you late.", 21),
        Item("What did you do next?", 22),
    ]
    assert n.quotes == [
        Quote("I sent the invoice on the first and I was still chasing it on the thirtieth.",
              25, time=72.0),
        Quote("Texts get answered. Emails get archived.", 26, time=185.0, speaker="Dana"),
        Quote("I keep a spreadsheet of who owes me what, and I look at it every Friday.",
              27, time=3723.0),
    ]
    assert n.insights == [
        Item("She chases by text message, not email, because clients answer texts.", 31),
        Item("She considers an invoice late after two weeks, even though her terms say 30 days.",
             32),
    ]
    assert n.opportunities == [
        Item("Reminders sent as text messages could shorten the chase.", 36)]
    assert n.sections["followup"] == [
        Item("Send the thank-you note with the promised template.", 47)]


def test_complete_note_actions():
    n = parse_note(COMPLETE)
    assert n.actions == [
        Action("Luis Ortega", "Check SMS reminder cost per message", dt.date(2026, 10, 13),
               "open", 41),
        Action("Maya Chen", "Share the chase spreadsheet with the team", dt.date(2026, 10, 9),
               "in progress", 42),
        Action("Tom Becker", 'Add "late" definition to the codebook', None, "done", 43),
    ]  # the all-empty placeholder row on line 44 is ignored
    assert [i.text for i in n.sections["actions"]] == [a.action for a in n.actions]


def test_segment_ids():
    n = parse_note(COMPLETE)
    rows = n.segments()
    assert [r["segment"] for r in rows] == [
        "INT-003#q1", "INT-003#q2", "INT-003#q3", "INT-003#i1", "INT-003#i2", "INT-003#o1"]
    assert rows[1] == {"segment": "INT-003#q2", "interview_id": "INT-003", "kind": "quote",
                       "n": 2, "text": "Texts get answered. Emails get archived.", "line": 26,
                       "time": 185.0, "speaker": "Dana"}
    assert rows[3]["time"] is None and rows[3]["kind"] == "insight"


def test_segment_ids_fall_back_to_file_stem():
    n = parse_note_text("## Insights\n- a\n", "interviews/INT-009.md")
    assert n.id is None
    assert [r["segment"] for r in n.segments()] == ["INT-009#i1"]


# --- headings ------------------------------------------------------------------------

def test_heading_variations_and_order():
    n = note(FRONT + textwrap.dedent("""\
        ##Key quotes:
        - "One." (0:05)
        ###   INSIGHTS   ###
        - Two.
        # action items
        | owner | ACTION | Due | status |
        |:--|:--|:--:|--:|
        | Ana | Call back | 2026-11-01 | todo |
          ##  Follow up:
        - Three.
        ## next steps
        - Four.
        ## Opportunities:
        - Five.
        ##goals
        - Six.
        ## QUESTIONS
        - Seven?
        **Key Quotes:**
        - "Eight."
        """))
    assert n.headings == {"quotes": 5, "insights": 7, "actions": 9, "followup": 13,
                          "opportunities": 17, "goals": 19, "questions": 21}
    assert [(q.text, q.line, q.time) for q in n.quotes] == [
        ("One.", 6, 5.0), ("Eight.", 24, None)]
    assert n.insights == [Item("Two.", 8)]
    assert n.actions == [Action("Ana", "Call back", dt.date(2026, 11, 1), "open", 12)]
    assert n.sections["followup"] == [Item("Three.", 14), Item("Four.", 16)]
    assert n.opportunities == [Item("Five.", 18)]
    assert n.sections["goals"] == [Item("Six.", 20)]
    assert n.sections["questions"] == [Item("Seven?", 22)]
    # Follow-up, Key Quotes given twice: merged, with a warning on the second heading
    assert located(n) == [
        (12, "warning", "action item status 'todo' read as 'open': write one of open, in progress, "
                        "done, dropped"),
        (15, "warning", "a second Follow-up section (the first is on line 13): their items "
                        "are joined"),
        (23, "warning", "a second Key Quotes section (the first is on line 5): their items "
                        "are joined"),
    ]


@pytest.mark.parametrize("heading, name", [
    ("Key Quotes", "quotes"), ("key quotes", "quotes"), ("Quotes", "quotes"),
    ("Key  Quotes:", "quotes"), ("**Key Quotes**", "quotes"), ("Action Items", "actions"),
    ("Actions", "actions"), ("Follow-up", "followup"), ("Follow up", "followup"),
    ("Followup", "followup"), ("Next steps", "followup"), ("Insights:", "insights"),
    ("Context & Setup", "context-setup"), ("Dana's workflow", "dana-s-workflow"),
])
def test_canonical_section(heading, name):
    assert canonical_section(heading) == name


def test_unknown_sections_kept_and_reported_at_their_line():
    n = note(FRONT + textwrap.dedent("""\
        ## Context & Setup
        Dana runs a two-person studio.
        ## Key Quotes
        - "x"
        ## Insights
        - y
        ## Random thoughts
        - z
        """))
    assert [(p.line, p.level) for p in n.problems] == [(5, "warning"), (11, "warning")]
    assert all("unknown heading" in p.message for p in n.problems)
    assert n.sections["context-setup"] == [Item("Dana runs a two-person studio.", 6)]
    assert n.sections["random-thoughts"] == [Item("z", 12)]


def test_sub_headings_stay_in_their_section():
    n = note(FRONT + textwrap.dedent("""\
        ## Insights
        ### Pricing
        - a
        ### Chasing
        - b
        ## Key Quotes
        - "c"
        """))
    assert n.insights == [Item("a", 7), Item("b", 9)]
    # The sub-headings' own words are not analysed: a located warning each, not silence.
    assert "pricing" not in n.sections
    assert [(p.line, p.level) for p in n.problems] == [(6, "warning"), (8, "warning")]
    assert "'Pricing' inside Insights" in n.problems[0].message


def test_hashtag_paragraph_is_not_a_heading():
    n = note(FRONT + "## Insights\n#pricing came up twice\n## Key Quotes\n- \"x\"\n")
    assert n.insights == [Item("#pricing came up twice", 6)]


# --- items ---------------------------------------------------------------------------

def test_list_items_continuations_and_paragraphs():
    n = note(FRONT + textwrap.dedent("""\
        ## Insights
        - first item
          continues indented
        - second item
        continues lazily
        * star item
        + plus item

          after a blank line, indented: same item
        1. numbered
        2) numbered with paren
        - [x] checkbox done
        -
        - 

        A paragraph that
        spans two lines.

        Another paragraph.
        ---
        Not joined across a rule.
        > a block quote
        > on two lines
        ## Key Quotes
        - "q"
        """))
    assert n.insights == [
        Item("first item continues indented", 6),
        Item("second item continues lazily", 8),
        Item("star item", 10),
        Item("plus item after a blank line, indented: same item", 11),
        Item("numbered", 14),
        Item("numbered with paren", 15),
        Item("checkbox done", 16),
        Item("A paragraph that spans two lines.", 20),
        Item("Another paragraph.", 23),
        Item("Not joined across a rule.", 25),
        Item("a block quote on two lines", 26),
    ]
    assert n.problems == []


def test_html_comments_are_ignored_and_lines_kept():
    n = note(FRONT + textwrap.dedent("""\
        ## Key Quotes
        <!-- Quote verbatim,
             with the time. -->
        - "kept" <!-- inline -->
        ## Insights
        <!-- observations only -->
        - seen
        """))
    assert n.quotes == [Quote("kept", 8)]
    assert n.insights == [Item("seen", 11)]
    assert n.problems == []


def test_text_before_first_heading_is_a_preamble():
    n = note(FRONT + "Dana was late to the call.\n## Insights\n- a\n## Quotes\n- \"b\"\n")
    assert n.sections["preamble"] == [Item("Dana was late to the call.", 5)]
    assert "preamble" not in n.headings


# --- quotes --------------------------------------------------------------------------

@pytest.mark.parametrize("line, text, time, speaker", [
    ('"Plain straight quote."', "Plain straight quote.", None, None),
    ('"With time." (1:12)', "With time.", 72.0, None),
    ('"Hours." (1:02:03)', "Hours.", 3723.0, None),
    ('"Brackets." [0:45]', "Brackets.", 45.0, None),
    ('"Padded." ( 01:02 )', "Padded.", 62.0, None),
    ('“Curly quotes.” (2:00)', "Curly quotes.", 120.0, None),
    ('“Curly, attributed.” — Dana (2:00)', "Curly, attributed.", 120.0, "Dana"),
    ('"Time first, then name." (0:09) – Dana K.', "Time first, then name.", 9.0, "Dana K."),
    ('"Hyphen attribution." - Dana', "Hyphen attribution.", None, "Dana"),
    ('[3:05] "Leading time."', "Leading time.", 185.0, None),
    ('Dana: "Labelled." (0:30)', "Labelled.", 30.0, "Dana"),
    ('"She said "no" twice." (0:10)', 'She said "no" twice.', 10.0, None),
    ('"At time." (at 4:00)', "At time.", 240.0, None),
])
def test_quote_forms(line, text, time, speaker):
    n = note(FRONT + f"## Key Quotes\n- {line}\n## Insights\n- x\n")
    assert n.quotes == [Quote(text, 6, time=time, speaker=speaker)]
    assert n.problems == []


def test_quote_without_quotation_marks_warns():
    n = note(FRONT + "## Key Quotes\n- \"ok\"\n- I chase by text (0:20)\n## Insights\n- x\n")
    assert n.quotes[1] == Quote("I chase by text", 7, time=20.0)
    assert located(n) == [(7, "warning", "key quote is not in quotation marks: quote verbatim")]


def test_quote_other_problems():
    n = note(FRONT + textwrap.dedent("""\
        ## Key Quotes
        - "no closing mark (0:10)
        - "bad time" (1:75)
        - "with a remark" (laughs)
        ## Insights
        - x
        """))
    assert n.quotes == [Quote("no closing mark", 6, time=10.0), Quote("bad time", 7),
                        Quote("with a remark", 8, note="(laughs)")]
    assert located(n) == [
        (6, "warning", "key quote has no closing quotation mark"),
        (7, "warning", "time (1:75) is not a time (m:ss or h:mm:ss): it is ignored"),
    ]


def test_multiline_quote_with_curly_marks():
    n = note(FRONT + "## Key Quotes\n* “First line\n  second line.” (10:00)\n"
             "## Insights\n- x\n")
    assert n.quotes == [Quote("First line second line.", 6, time=600.0)]


# --- action items --------------------------------------------------------------------

ACTIONS = FRONT + textwrap.dedent("""\
    ## Key Quotes
    - "q"
    ## Insights
    - i
    ## Action Items
    | Status | Due | Action | Owner |
    |---|---|---|---|
    | In-Progress | 2026-10-13 | Price SMS reminders | Luis |
    | TODO |  | Ask finance | Maya |
    | complete | 2026-10-01 | Send template | Tom |
    | dropped | 2026-10-02 | Call bank | Tom |
    | blocked | 2026-10-03 | Wait for legal | Ana |
    | done | next week | Draft survey | Ana |
    | open | 2026-02-30 | Book room |  |
    |  |  |  |  |
    | in progress | 2026-10-20 | Share \\| split cells | Luis |
    """)


def test_action_items_columns_in_any_order_and_statuses():
    n = note(ACTIONS)
    assert n.actions == [
        Action("Luis", "Price SMS reminders", dt.date(2026, 10, 13), "in progress", 12),
        Action("Maya", "Ask finance", None, "open", 13),
        Action("Tom", "Send template", dt.date(2026, 10, 1), "done", 14),
        Action("Tom", "Call bank", dt.date(2026, 10, 2), "dropped", 15),
        Action("Ana", "Wait for legal", dt.date(2026, 10, 3), "blocked", 16),
        Action("Ana", "Draft survey", None, "done", 17),
        Action("", "Book room", None, "open", 18),
        Action("Luis", "Share | split cells", dt.date(2026, 10, 20), "in progress", 20),
    ]


def test_action_item_problems_are_located():
    n = note(ACTIONS)
    assert located(n) == [
        (13, "warning", "action item status 'TODO' read as 'open': write one of open, in progress, "
                        "done, dropped"),
        (14, "warning", "action item status 'complete' read as 'done': write one of open, "
                        "in progress, done, dropped"),
        (16, "error", "action item status 'blocked' is not one of open, in progress, done, "
                      "dropped"),
        (17, "error", "due date 'next week' is not a date: write it as YYYY-MM-DD"),
        (18, "warning", "action item has no owner"),
        (18, "error", "due date '2026-02-30' is not a date: write it as YYYY-MM-DD"),
    ]


def test_action_table_without_header_or_with_missing_columns():
    n = note(FRONT + "## Insights\n- i\n## Quotes\n- \"q\"\n## Actions\n"
             "| Luis | Price SMS | 2026-10-13 | open |\n")
    assert n.actions == [Action("Luis", "Price SMS", dt.date(2026, 10, 13), "open", 10)]
    assert lines_of(n) == [10]
    assert find(n, "no header row").level == "warning"

    n = note(FRONT + "## Insights\n- i\n## Quotes\n- \"q\"\n## Actions\n"
             "| Owner | Due |\n|---|---|\n| Luis | 2026-10-13 |\n")
    assert n.actions == []
    assert located(n) == [(10, "error", "the Action Items table has no Action column: use the "
                                        "header | Owner | Action | Due Date | Status |")]

    n = note(FRONT + "## Insights\n- i\n## Quotes\n- \"q\"\n## Actions\n"
             "| Action | Due date |\n|---|---|\n| Price SMS | 2026-10-13 |\n")
    assert n.actions == [Action("", "Price SMS", dt.date(2026, 10, 13), "open", 12)]
    assert [(p.line, p.level) for p in n.problems] == [(10, "warning"), (10, "warning")]


def test_action_list_items_are_kept_with_a_warning():
    n = note(FRONT + "## Insights\n- i\n## Quotes\n- \"q\"\n## Action Items\n"
             "- [ ] Price SMS reminders\n- [x] Send thanks\n\nNone else.\n")
    assert n.actions == [Action("", "Price SMS reminders", None, "open", 10),
                         Action("", "Send thanks", None, "done", 11)]
    # "None else." is neither a row nor a list item: reported, never silently dropped
    assert lines_of(n, "warning") == [10, 11, 13]


# --- front matter problems -----------------------------------------------------------

BODY = "## Key Quotes\n- \"q\"\n## Insights\n- i\n"


def test_missing_front_matter():
    n = note("## Key Quotes\n- \"q\"\n## Insights\n- i\n")
    assert located(n) == [(1, "error", "no front matter: start the note with a '---' line, "
                                       "then 'id:' and 'date:' lines, then another '---' line")]
    assert n.front == {} and n.body_line == 1
    assert n.quotes == [Quote("q", 2)]


def test_unterminated_front_matter_recovers_at_first_heading():
    n = note("---\nid: INT-001\ndate: 2026-10-06\n\n" + BODY)
    assert located(n) == [(1, "error", "the front matter opened on line 1 is never closed: "
                                       "add a '---' line after its last key")]
    assert n.id == "INT-001" and n.date == dt.date(2026, 10, 6)
    assert n.body_line == 5
    assert n.quotes == [Quote("q", 6)]


def test_yaml_syntax_error_is_on_its_file_line():
    n = note("---\nid: INT-001\ndate: 2026-10-06\ninterviewer: Maya: Chen\n---\n" + BODY)
    assert lines_of(n) == [4]
    assert n.problems[0].message.startswith("invalid YAML: mapping values are not allowed here")
    # the simple lines are salvaged
    assert n.id == "INT-001" and n.date == dt.date(2026, 10, 6)


def test_yaml_tab_indentation_error():
    n = note("---\nid: INT-001\ndate: 2026-10-06\nspeakers:\n\tDana: participant\n---\n" + BODY)
    assert lines_of(n) == [5]
    assert "indent with spaces, not tabs" in n.problems[0].message


@pytest.mark.parametrize("front, what", [
    ("- a\n- b\n", "a list"), ("just a sentence\n", "text"), ("42\n", "a number")])
def test_front_matter_not_a_mapping(front, what):
    n = note(f"---\n{front}---\n" + BODY)
    assert located(n) == [(2, "error", f"the front matter must be 'key: value' lines, not {what}")]
    assert n.front == {}


def test_missing_id_and_date():
    n = note("---\nparticipant: P-001\n---\n" + BODY)
    assert located(n) == [
        (1, "error", "the front matter has no 'id': add 'id: INT-001'"),
        (1, "error", "the front matter has no 'date': add 'date: YYYY-MM-DD'"),
    ]


def test_empty_id_and_date_point_at_their_keys():
    n = note("---\nparticipant: P-001\nid:\ndate: ''\n---\n" + BODY)
    assert [(p.line, p.message[:26]) for p in n.problems] == [
        (3, "the front matter has no 'i"), (4, "the front matter has no 'd")]


def test_empty_front_matter():
    n = note("---\n---\n" + BODY)
    assert lines_of(n) == [1, 1]


@pytest.mark.parametrize("key", ["date", "thank_you_sent", "debriefed", "notes_written"])
@pytest.mark.parametrize("value", ["2026-13-45", "next tuesday", "2026-02-30", "06/10/2026"])
def test_bad_dates_at_their_line(key, value):
    lines = {"id": "INT-001", "date": "2026-10-06", "participant": "P-001",
             "thank_you_sent": "2026-10-06", "debriefed": "2026-10-07",
             "notes_written": "2026-10-06"}
    lines[key] = value
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in lines.items()) + "---\n" + BODY
    n = note(text)
    expected_line = list(lines).index(key) + 2
    assert located(n) == [(expected_line, "error",
                           f"'{key}' is '{value}', not a date: write it as YYYY-MM-DD")]
    if key == "date":
        assert n.date is None


def test_dates_given_as_strings_or_datetimes_are_parsed():
    n = note("---\nid: A\ndate: '2026-10-06'\ndebriefed: 2026-10-07 09:30:00\n"
             "notes_written:\n---\n" + BODY)
    assert n.problems == []
    assert n.date == dt.date(2026, 10, 6)
    assert n.front["debriefed"] == dt.date(2026, 10, 7)
    assert n.front["notes_written"] is None


@pytest.mark.parametrize("value, minutes", [
    ("5", 5.0), ("7.5", 7.5), ("'6 min'", 6.0), ("4:30", 4.5), ("'12 minutes'", 12.0)])
def test_duration_forms(value, minutes):
    n = note(f"---\nid: A\ndate: 2026-10-06\nduration: {value}\n---\n" + BODY)
    assert n.problems == []
    assert n.duration == minutes


@pytest.mark.parametrize("value", ["0", "-3", "five", "true", "[5]"])
def test_bad_duration(value):
    n = note(f"---\nid: A\ndate: 2026-10-06\nduration: {value}\n---\n" + BODY)
    assert lines_of(n) == [4]
    assert "give the length in minutes as a positive number" in n.problems[0].message
    assert n.duration is None


def test_ids_keep_what_was_written():
    n = note("---\nid: 007\ndate: 2026-10-06\nparticipant: 0042\n---\n" + BODY)
    assert n.id == "007" and n.participant == "0042"
    assert n.problems == []


def test_other_front_matter_problems():
    n = note("---\nid: INT#1\ndate: 2026-10-06\ninterviewer: [Maya, Tom]\nspeakers: Dana\n"
             "date: 2026-10-07\n---\n" + BODY)
    assert [(p.line, p.level) for p in n.problems] == [
        (2, "error"), (4, "error"), (5, "error"), (6, "error")]  # a key given twice: an error (kit.yamlio)
    assert "must not contain '#'" in n.problems[0].message
    assert n.problems[3].message == "'date' is given twice (line 3): the first is ignored and this one used; keep one"
    assert n.date == dt.date(2026, 10, 7)


def test_leading_blank_lines_before_front_matter():
    n = parse_note_text("\n \n---\nid: A\ndate: 2026-10-06\nduration: x\n---\n" + BODY, "n.md")
    assert lines_of(n) == [6]
    assert n.body_line == 8


# --- missing sections ----------------------------------------------------------------

def test_missing_and_empty_sections_warn():
    n = note(FRONT + "## Goals\n- g\n")
    assert located(n) == [(0, "warning", "no Key Quotes section: add '## Key Quotes'"),
                          (0, "warning", "no Insights section: add '## Insights'")]
    n = note(FRONT + "## Key Quotes\n-\n## Insights\n<!-- observations -->\n")
    assert located(n) == [(5, "warning", "the Key Quotes section is empty"),
                          (7, "warning", "the Insights section is empty")]
    assert n.ok  # warnings only


# --- encodings and unreadable files --------------------------------------------------

def test_crlf_and_bom(tmp_path):
    text = COMPLETE.read_text(encoding="utf-8")
    path = tmp_path / "INT-003.md"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    n = parse_note(path)
    reference = parse_note(COMPLETE)
    assert n.problems == []
    assert (n.front, n.sections, n.actions, n.body_line) == (
        reference.front, reference.sections, reference.actions, reference.body_line)


def test_bom_in_text_and_old_mac_newlines():
    n = parse_note_text("\ufeff" + (FRONT + BODY).replace("\n", "\r"), "n.md")
    assert n.problems == [] and n.id == "INT-001" and n.quotes == [Quote("q", 6)]


def test_curly_quotes_in_utf8_file(tmp_path):
    path = tmp_path / "n.md"
    path.write_text(FRONT + "## Key Quotes\n- “Ça coûte cher.” — Zoë (0:07)\n"
                    "## Insights\n- i\n",
                    encoding="utf-8")
    assert parse_note(path).quotes == [Quote("Ça coûte cher.", 6, time=7.0, speaker="Zoë")]


def test_missing_file():
    n = parse_note("/nonexistent/INT-404.md")
    assert n.front == {} and n.sections == {} and n.actions == []
    assert [(p.path, p.line, p.level) for p in n.problems] == [
        ("/nonexistent/INT-404.md", 0, "error")]
    assert n.problems[0].message.startswith("cannot read file")


def test_binary_file(tmp_path):
    path = tmp_path / "n.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    n = parse_note(path)
    assert n.front == {}
    assert [(p.line, p.level) for p in n.problems] == [(3, "error")]
    assert "binary file" in n.problems[0].message


def test_windows_1252_line_is_decoded_alone_and_reported(tmp_path):
    path = tmp_path / "n.md"
    # Windows-1252 curly quotes on one line, as pasted from some editors; UTF-8 elsewhere.
    path.write_bytes((FRONT + "## Key Quotes\n- René: ").encode() + b"\x93late\x94\n")
    n = parse_note(path)
    assert n.front["id"]
    assert [q.text for q in n.quotes] == ["René: “late”"] or "“late”" in n.quotes[0].text
    assert [(p.line, p.level) for p in n.problems if "Windows-1252" in p.message] == [(6, "warning")]


def test_directory_is_not_a_note(tmp_path):
    n = parse_note(tmp_path)
    assert lines_of(n) == [0] and not n.ok


def test_parse_note_never_raises_on_garbage():
    for text in ["---", "---\n---", "---\n:\n---", "|", "## Action Items\n|", "##",
                 "## Key Quotes\n- \"", "## Key Quotes\n- (1:00)", "---\n[\n---\n",
                 "---\nid: !!python/object:os.system x\n---\n", "\x00", "# \n#\n"]:
        n = parse_note_text(text, "g.md")
        assert all(isinstance(p, Problem) for p in n.problems)


# --- kit.yamlio ----------------------------------------------------------------------

def test_load_yaml_text_and_dates():
    data, problems = load_yaml("a: 1\nb: 2026-10-06\nc: 2026-13-45\n", "s.yml")
    assert problems == []
    assert data == {"a": 1, "b": dt.date(2026, 10, 6), "c": "2026-13-45"}


def test_load_yaml_syntax_error_line():
    data, problems = load_yaml("title: x\nobjectives: [a, b\nsprint: 1\n", "study.yml")
    assert data is None
    assert [(p.path, p.line) for p in problems] == [("study.yml", 3)]
    assert problems[0].message.startswith("invalid YAML: expected ',' or ']'")
    assert "while parsing a flow sequence on line 2" in problems[0].message


def test_load_yaml_offset_and_control_character():
    _, problems = load_yaml("a: 1\nb: x: y\n", "n.md", line_offset=10)
    assert [p.line for p in problems] == [12]
    _, problems = load_yaml("a: 1\nb: \x07\n", "s.yml")
    assert [p.line for p in problems] == [2]


def test_load_yaml_from_path(tmp_path):
    path = tmp_path / "study.yml"
    path.write_bytes(b"\xef\xbb\xbfresearch_question: Why?\r\nsprint: S1\r\n")
    assert load_yaml(path) == ({"research_question": "Why?", "sprint": "S1"}, [])
    data, problems = load_yaml(tmp_path / "missing.yml")
    assert data is None and [(p.path, p.line) for p in problems] == [
        (str(tmp_path / "missing.yml"), 0)]
    assert load_yaml("", "e.yml") == (None, [])


def test_key_lines_and_helpers():
    text = "# comment\ntitle: x\nsegments:\n  attribute: segment\n'quoted key': 1\n"
    assert key_lines(text) == {"title": 2, "segments": 3, "quoted key": 5}
    assert key_lines(text, line_offset=1) == {"title": 3, "segments": 4, "quoted key": 6}
    # broken YAML: still the lines of the keys that can be seen
    assert key_lines("title: x\nbad: a: b\n  nested: 1\nlast: 2\n") == {
        "title": 1, "bad": 2, "last": 4}
    assert raw_scalars("id: 007\nd: 2026-10-06\nl: [1]\n") == {"id": "007", "d": "2026-10-06"}
    assert [(p.line, p.level) for p in duplicate_keys("a: 1\nb:\n  c: 1\n  c: 2\n", "s")] == [
        (4, "error")]


@pytest.mark.parametrize("heading", ["Oportunities", "opportunity", "OPPORTUNITIES:", "Oppurtunities",
                                     "  opportunities  "])
def test_misspelt_heading_is_matched_and_reported(heading):
    n = note(FRONT + f"## Key Quotes\n- \"x\"\n## Insights\n- y\n## {heading}\n- Offer a payment link\n")
    assert [i.text for i in n.opportunities] == ["Offer a payment link"]
    exact = heading.strip().rstrip(":").lower() in ("opportunities", "opportunity")
    assert [p.line for p in n.problems] == ([] if exact else [9])


# --- the front matter's fast path against libyaml ------------------------------------

from kit import yamlio  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _typed(value):
    """A value with every type spelled out, so 7 and SpelledInt('007'), a date and its text,
    or True and 1 never compare equal."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    if isinstance(value, Problem):
        return ("Problem", value.path, value.line, value.message, value.level)
    return (type(value).__name__, repr(value), str(value))


def _front_texts(text):
    """The front-matter text of a note, cut out as kit.notes does (None without one)."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].rstrip() != "---":
        return None
    close = next((i for i in range(first + 1, len(lines)) if lines[i].rstrip() in ("---", "...")),
                 len(lines))
    return "\n".join(lines[first + 1:close]), first + 1


def _both_ways(text, line_offset=1):
    """(fast path or None, the libyaml path) of one front matter."""
    fast = yamlio._flat_front_matter(text, "n.md", line_offset)
    return fast, yamlio._front_matter_parsed(text, "n.md", line_offset)


def test_front_matter_fast_path_matches_libyaml_on_every_note_fixture():
    paths = [p for folder in ("tests", "templates", "kit/data") for p in (ROOT / folder).rglob("*.md")]
    taken = 0
    for path in paths:
        cut = _front_texts(path.read_text(encoding="utf-8", errors="replace"))
        if cut is None:
            continue
        fast, full = _both_ways(*cut)
        if fast is not None:
            taken += 1
            assert _typed(list(fast)) == _typed(list(full)), path
    assert taken >= 20  # the template, the pilot's and the tests' notes take the fast path


_KEYS = ["id", "date", "participant", "duration", "stage", "y", "no", "true", "null", "True", "NULL",
         "on", "_x", "a-b", "k" * 100, "k" * 101, "Id", "1d", "<<", "ключ"]
# Values the fast path reads (plain scalars of every resolved type), then values it leaves to libyaml.
_PLAIN = ["INT-001", "007", "0x1F", "0o17", "0b11", "1_000", "12e3", "1e999", ".5", "-.5", "+1",
          "-0", ".inf", "-.INF", ".nan", "2026-03-02", "2026-13-45", "2026-1-5", "2026-02-30",
          "yes", "True", "FALSE", "~", "null", "Null", "", "Dana O'Brien", "a  b", "José Ñúñez",
          "x,y", "a/b", "9" * 5000, "1.", "1.0", "01.10", "2026.10", "0.1e-3", "-5", "+.5", "_",
          "Ü", "a -", "...", "a (b)", "-x", "+", "5 - 3", "ab'", "P-01608"]
_HOSTILE = ["4:30", "a: b", "a #c", "a#c", "'quoted'", '"dq"', "[1, 2]", "{a: 1}", "*alias",
            "&anchor x", "!tag x", "!!str 5", "|", ">", "%x", "@x", "`x", "-", "- x", "(x)",
            "12:30", "x\u2028y", "x\x85y", "x\ty", "x\u00a0y", "x\ufeffy", "x\x07y"]
_COMMENTS = ["", "", "", "  # a comment", " #", "   # c: d, [e] 'f' \"g\" é", "#x"]
_SEPARATORS = [": ", ": ", ":  ", ":", ":    "]
_TRAILING = ["", "", "   "]
_ODD = [":\t", "\t# tab", " # \x07", " # \u2028", " # \x85", "\t", " \t", "\ufeff", "\x0c"]
_EXTRA = ["", "   ", "# a comment line", "  # indented: comment", "  continuation", "- item",
          "key", "  nested: 1", "\t", "%YAML 1.2", "#", "? k", ": v"]


@pytest.mark.slow  # over 2 s (tests/README.md)
def test_front_matter_fast_path_matches_libyaml_on_generated_variants():
    import random

    rng = random.Random(20)
    taken = twice = 0
    for _ in range(4000):
        lines = []
        for _ in range(rng.randint(1, 7)):
            if rng.random() < 0.05:
                lines.append(rng.choice(_EXTRA))
            else:
                parts = [rng.choice(_KEYS[:7] if rng.random() < 0.8 else _KEYS),
                         ": " if rng.random() < 0.8 else rng.choice(_SEPARATORS),
                         rng.choice(_PLAIN if rng.random() < 0.95 else _HOSTILE),
                         rng.choice(_COMMENTS), rng.choice(_TRAILING)]
                if rng.random() < 0.03:  # a tab, a control character, a line break YAML 1.1 knows
                    parts.insert(rng.randint(0, 5), rng.choice(_ODD))
                lines.append("".join(parts))
        text = "\n".join(lines)
        fast, full = _both_ways(text, rng.randint(0, 3))
        if fast is not None:
            taken += 1
            assert _typed(list(fast)) == _typed(list(full)), text
            twice += bool(fast[2])  # duplicate keys reported the same way
    assert taken > 700 and twice > 150
