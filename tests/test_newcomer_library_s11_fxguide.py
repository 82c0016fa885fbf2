"""Newcomer session 11 (library-service UX research), faults F1-F3 of lint-guide (fxguide)."""
from __future__ import annotations

import json
from pathlib import Path

from kit.guide import lint_question
from kit.guide.cues15 import notes
from kit.guide.structure import format_report, iter_problems, lint_file, to_json
from cli_helpers import run_cli

DATA = Path(__file__).parent / "data" / "newcomer-library"
NO_MARK = "no question mark"


def _by_line(result):
    return {q["line"]: q for q in result["questions"]}


def test_f1_a_question_after_a_fronted_phrase_gets_the_no_question_mark_note():
    result, problems = lint_file(DATA / "guide-library.yml")
    assert not problems
    assert any(NO_MARK in n for n in _by_line(result)[13].get("notes", []))  # "Looking ahead, what ..."
    result, _ = lint_file(DATA / "guide-noq2.txt")
    lines = _by_line(result)
    assert all(any(NO_MARK in n for n in lines[k].get("notes", [])) for k in (2, 3, 5))
    assert not any(NO_MARK in n for k in (1, 4) for n in lines[k].get("notes", []))
    # the JSON carries the note too
    assert any(NO_MARK in n for q in to_json(result) if q["line"] == 5 for n in q.get("notes", []))


def test_f1_the_asked_clause_is_read_past_fronted_phrases_and_subordinate_clauses():
    def noted(q):
        return any(NO_MARK in n for n in notes(q))

    for q in ("Looking ahead, what are you planning to do next time", "If you could change one thing, what would it be",
              "When you got home, what did you do", "Thinking about the holidays, how will you book",
              "In your last job, did you use the app", "When did you last go there", "What did you do next"):
        assert noted(q), q
    for q in ("Tell me about the last time you printed something at the library",  # a request
              "When you got home, tell me what you did",  # a request after a subordinate clause
              "When you got home and unpacked the books", "Thanks for coming, it was great",
              "Looking ahead, what are you planning?"):
        assert not noted(q), q
    result, _ = lint_file(DATA / "guide-noq.txt")
    assert not any(NO_MARK in n for n in _by_line(result)[2].get("notes", []))  # a request without "?"


def test_f2_a_double_barreled_hypothetical_becomes_two_separate_story_questions():
    result, _ = lint_file(DATA / "guide-library.yml")
    q = _by_line(result)[9]
    assert "double-barreled" in q["flags"]
    story, sep, then = q["suggestion"].partition(" Then ask separately: ")
    assert sep, q["suggestion"]
    assert "reading sessions" in story and "remind" not in story and " and get" not in story
    assert "reminders" in then and "the last time you got reminders" in then
    for text, first, second in (
            ("Would you use an app to book a table and get a reminder?", "table", "reminder"),
            ("Would you pay for a service to clean your gutters and fix your roof?", "gutters", "roof"),
            ("Would you use a tool to track invoices and send reminders?", "invoices", "reminders"),
            ("Would you try a service that delivers books and collects returns?", "books", "returns")):
        story, sep, then = lint_question(text)["suggestion"].partition(" Then ask separately: ")
        assert sep and first in story and second not in story and second in then, (text, story, then)


def test_f2_a_past_verb_joined_to_a_present_one_is_a_grammar_problem():
    from kit.guide.checks import grammar_problems

    bad = "Tell me about the last time you booked children's reading sessions and get reminders. What happened?"
    assert any("past verb joined" in p for p in grammar_problems(bad))
    assert any("past verb joined" in p for p in grammar_problems(
        "Tell me about the last time you cleaned your gutters and fix your roof. What happened?"))
    for good in ("Tell me about the last time you booked a table and paid. What happened?",
                 "Tell me about the last time you used an app to book sessions and get reminders. What happened?",
                 "Tell me about the last time you went to the bed and breakfast. What happened?"):
        assert not any("past verb joined" in p for p in grammar_problems(good)), good


def test_f2_a_single_hypothetical_and_a_pair_of_nouns_are_not_split():
    assert "Then ask separately" not in lint_question("Would you use an app to order food and drink?")["suggestion"]
    assert "Then ask separately" not in lint_question(
        "Would you use an app to book children's reading sessions?")["suggestion"]


def test_f3_too_few_targeted_questions_is_at_the_targeted_question_or_the_whole_file(tmp_path):
    result, _ = lint_file(DATA / "guide-noq.txt")
    found = [(p.line, p.message) for p in iter_problems(result) if "too few targeted" in p.message]
    assert [line for line, _ in found] == [4]  # the one targeted question, not the opener (line 2)
    result, _ = lint_file(DATA / "guide-noq2.txt")
    assert [p.line for p in iter_problems(result) if "too few targeted" in p.message] == [3]
    guide = tmp_path / "no-targeted.txt"
    guide.write_text("Tell me about the last time you printed something.\nWhat happened next?\n"
                     "Looking ahead, what are you planning to do next time?\n", encoding="utf-8")
    result, _ = lint_file(guide)
    assert [p.line for p in iter_problems(result) if "too few targeted" in p.message] == [0]
    assert f"{guide}: too few targeted" in format_report(result)  # a whole-file problem: `path: message`
    full = tmp_path / "full.txt"
    full.write_text("# format: full\nTell me about the last time you printed something.\n", encoding="utf-8")
    result, _ = lint_file(full)
    assert [p.line for p in iter_problems(result) if "too few core" in p.message] == [0]


def test_the_cli_json_has_the_f1_note():
    out = run_cli(["lint-guide", "--json", DATA / "guide-library.yml"])
    rows = json.loads(out.stdout)
    rows = rows if isinstance(rows, list) else rows.get("questions", rows)
    assert any(NO_MARK in n for q in rows if q["line"] == 13 for n in q.get("notes", []))
