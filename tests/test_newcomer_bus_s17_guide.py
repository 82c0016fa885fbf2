"""Newcomer session 17 (a bus operator's guides): a request for the participant's own card number
(F3), a guide's title line (F4), an instruction to the interviewer with contact details (F5) and a
guide.yml item's written kind (F6)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import run_cli
from kit.guide import lint_file, lint_question
from kit.guide.guide_lines import classify

DATA = Path(__file__).parent / "data" / "newcomer-bus"


@pytest.mark.parametrize("ask", [
    "Can you give me your Smartcard number so we can look up the journey?",
    "Could you tell me your loyalty card number?",
    "What's your frequent flyer number?",
    "Can you confirm your policy number before we start?",
])
def test_f3_a_request_for_the_participants_own_number_is_closed_with_the_personal_details_note(ask):
    q = lint_question(ask)
    assert "closed" in q["flags"] and q["kind"] == "closed" and q["suggestion"] == ""
    from kit.guide.cues15 import notes

    assert any("personal details" in n for n in notes(ask))


@pytest.mark.parametrize("fine", ["Can you tell me about your last order?", "What is your number one problem with it?",
                                  "Tell me about the last time you renewed your bus pass."])
def test_f3_an_open_request_about_an_order_is_not_a_details_request(fine):
    assert "closed" not in lint_question(fine)["flags"]


def test_f3_the_bus_guide_yml_smartcard_line():
    result, _ = lint_file(str(DATA / "guide.yml"))
    (q,) = [q for q in result["questions"] if "Smartcard" in q["question"]]
    assert q["flags"] == ["closed"] and any("personal details" in n for n in q["notes"])


@pytest.mark.parametrize("title", ["Rider interview guide \u2013 v3 (Tom Bevan, Marketing)",
                                   "Customer discovery guide, spring wave 2 (draft)",
                                   "Onboarding interviews - discussion guide for the pharmacy team"])
def test_f4_a_title_line_is_a_heading(title):
    assert classify(title)[0] == "heading"


@pytest.mark.parametrize("question", ["How do you get to work", "Tell me about the last time you caught a bus",
                                      "What happened next", "Anything else you'd like to add"])
def test_f4_a_question_without_its_mark_stays_a_question(question):
    assert classify(question)[0] == "question"


def test_f4_the_title_is_no_opener_and_no_minute_of_the_budget():
    result, _ = lint_file(str(DATA / "guide-marketing.txt"))
    assert 1 not in {q["line"] for q in result["questions"]}
    assert any(n["line"] == 1 and n["kind"] == "heading" for n in result["notes"])
    openers = [q["line"] for q in result["questions"] if q["role"] == "opener"]
    assert openers == [4]
    assert not any("more than one opener" in s["message"] for s in result["structure"])


@pytest.mark.parametrize("line", ["Q5. Call 01234 567890 or email feedback@bwscymru.example if they want to complain",
                                  "Call the office if they want a refund", "Give them the \u00a310 voucher",
                                  "Email the consent form to them afterwards"])
def test_f5_an_instruction_to_the_interviewer_is_a_note(line):
    assert classify(line)[0] == "note"


def test_f5_the_instruction_is_shown_as_a_note_with_its_contact_details_redacted():
    out = run_cli(["lint-guide", "--json", DATA / "guide-marketing.txt"])  # in-process, as python -m kit
    findings = json.loads(out.stdout)
    (note,) = [f for f in findings if f.get("line") == 10]
    assert "note" in note["message"] and "try" not in json.dumps(note)
    assert "01234" not in out.stdout and "feedback@" not in out.stdout and "[phone]" in note["text"]


def test_f6_a_say_item_written_as_an_opener_says_why_it_is_read_as_a_probe():
    result, problems = lint_file(str(DATA / "guide.yml"))
    (q,) = [q for q in result["questions"] if q["line"] == 4]
    assert q["role"] == "probe"
    assert "written 'kind: opener', read as a probe" in q["notes"][0]
    assert not any(n["line"] == 4 for n in result["notes"])  # a note on the row, not a line of its own
    from kit.guide import format_report

    assert "written 'kind: opener'" in format_report(result)
