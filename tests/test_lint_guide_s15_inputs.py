"""``lint-guide`` on what trainees paste (session 15): the attacker's hostile guides (A1-A5, A13) and
the newcomer's receptionist guide (F2-F4, F13, F14). Each test fails on session 14's code."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kit.cli.guide_output import lint_json
from kit.guide import format_report, lint_file, lint_question
from kit.guide.cues15 import identifier_request, spoken_pitch
from kit.guide.lint import masked, shown_text

DATA = Path(__file__).parent / "data"
ATTACK, VET = DATA / "attack-s15-lint", DATA / "newcomer-vet-guide"


def _lint(path):
    result, problems = lint_file(path)
    assert result is not None, problems
    return result


def _report(path) -> str:
    """What ``lint-guide PATH`` prints for the questions (the command prints this report)."""
    return format_report(_lint(path))


def _json(path) -> list:
    result, problems = lint_file(path)
    return json.loads(json.dumps(lint_json(result, problems)))


@pytest.mark.slow
def test_the_command_prints_no_terminal_code_and_no_address():
    out = subprocess.run([sys.executable, "-m", "kit", "lint-guide", str(ATTACK / "ansi.txt")], capture_output=True,
                         text=True, timeout=300).stdout
    assert "\x1b" not in out and "\\x1b[2J" in out
    out = subprocess.run([sys.executable, "-m", "kit", "lint-guide", str(ATTACK / "names.txt")], capture_output=True,
                         text=True, timeout=300).stdout
    assert "jordan@example.com" not in out and "jordan example com" not in out


def test_rewrites_never_spell_out_an_email_a_link_or_a_phone():
    """A1: the rewrite was built from the unredacted question with its punctuation stripped
    ("... you wrote to maria lopez acme co uk")."""
    result = _lint(ATTACK / "contact.txt")
    texts = " ".join(q["suggestion"] + " ".join(q.get("notes", [])) for q in result["questions"])
    for leaked in ("maria", "lopez", "acme", "7700", "900123", "https", "example com"):
        assert leaked not in texts.lower()
    by_line = {q["line"]: q["suggestion"] for q in result["questions"]}
    assert "wrote to the address" in by_line[2]
    assert "the link" in by_line[3]
    assert "the number" in by_line[1]


def test_the_printed_report_and_json_hold_no_contact_detail():
    out = _report(ATTACK / "names.txt")
    assert "jordan example com" not in out
    data = _json(ATTACK / "contact.txt")
    rewrites = [q["suggestion"].lower() for q in data if isinstance(q, dict) and q.get("suggestion")]
    assert len(rewrites) == 4 and not any("maria" in r or "900123" in r for r in rewrites)


def test_a_markdown_table_is_read_by_its_cells():
    """A2: the separator row was an "ok" opener and the pipes stayed in the questions."""
    result = _lint(ATTACK / "mdtable.txt")
    questions = {q["line"]: q["question"] for q in result["questions"]}
    assert 2 not in questions  # |---|---|
    assert questions[3] == "Would you use an app for invoices?"
    assert questions[4] == "Tell me about the last time you sent an invoice."
    assert {n["line"] for n in result["notes"]} == {1, 2}


def test_lines_without_words_are_no_questions():
    """A3: emoji-only lines were graded "ok" and timed."""
    result = _lint(ATTACK / "emoji.txt")
    assert result["questions"] == []
    assert [n["line"] for n in result["notes"]] == [1, 2, 3]
    assert any("no questions" in s["message"] for s in result["structure"])


def test_markup_is_left_out_of_what_is_linted_and_rewritten():
    """A4: "Tell me about the last time you needed something like script alert 1 script"."""
    result = _lint(ATTACK / "html.txt")
    for q in result["questions"]:
        assert not any(w in q["suggestion"].lower() for w in ("script", "alert", "img", "onerror", "src"))
        assert not any("spelling" in n for n in q.get("notes", []))
    assert masked("<b>Did you</b> like <i>it</i>?") == "Did you like it?"


def test_terminal_codes_are_shown_escaped_with_a_note():
    """A13: ESC[2J ESC[31m were echoed raw, clearing the trainee's screen."""
    out = _report(ATTACK / "ansi.txt")
    assert "\x1b" not in out
    assert "\\x1b[2J" in out
    assert "control characters" in out
    assert "\x1b" not in masked("you paid.\x1b[2J\x1b[31mRED")


@pytest.mark.parametrize("text", ["Portalı ne sıklıkla kullanıyorsunuz?", "Você costuma marcar consultas?"])
def test_a_question_is_shown_as_written(text):
    """F2: Turkish dotless ı and ş were printed as i and s."""
    assert lint_question(text)["question"] == text
    assert shown_text(text) == text


def test_turkish_lines_of_a_text_and_a_word_guide_keep_their_letters():
    shown = [q["question"] for q in _lint(VET / "guide-gemma.txt")["questions"]]
    assert "Portalı ne sıklıkla kullanıyorsunuz?" in shown
    shown = [q["question"] for q in _lint(VET / "guide-gemma.docx")["questions"]]
    assert "Portalı kullanmak kolay mı?" in shown


def test_a_spoken_pitch_is_leading_and_gets_no_rewrite():
    """F3: "Say: remember you can download the PawsPortal app for free!" passed as a note."""
    result = _lint(VET / "say.txt")
    said = next(q for q in result["questions"] if q["line"] == 1)
    assert said["flags"] == ["leading"] and said["suggestion"] == ""
    gemma = {q["line"]: q for q in _lint(VET / "guide-gemma.txt")["questions"]}
    assert gemma[11]["flags"] == ["leading"]  # Say: remember you can download ... for free!
    assert "leading" in gemma[2]["flags"]  # Intro: ... Our new portal is brilliant by the way!
    assert "leave it out" in _report(VET / "say.txt")


@pytest.mark.parametrize("said", ["Thanks for joining, this takes five minutes.", "We are recording so I can take notes.",
                                  "We really appreciate your time.", "Our research team will keep your answers private.",
                                  "I want to reassure you that this session is confidential."])
def test_courtesy_and_logistics_said_to_the_participant_are_no_pitch(said):
    assert spoken_pitch(said) == ""


def test_a_pitch_before_a_polite_ask_is_leading_and_not_an_ok_opener():
    """F13: "Hi! Thanks for popping in. Our portal makes booking so much easier, we'd love your thoughts."."""
    word = {q["line"]: q for q in _lint(VET / "guide-gemma.docx")["questions"]}
    assert "leading" in word[2]["flags"]
    assert "leading" in word[11]["flags"]  # F14: Why don't you use the app more?
    assert lint_question("Why didn't you renew your membership?")["flags"] == []


def test_rewrites_a_first_time_interviewer_can_copy():
    """F4: rewrites that made no sense ("the last time you dealt with other feedback for the practise",
    "the last time you told me your pet's name", "the last time you read them")."""
    assert lint_question("Any other feedback for the practise?")["suggestion"] == \
        "What other feedback do you have for the practise?"
    split = lint_question("How often do you normally get vaccination reminders and do you read them?")["suggestion"]
    assert "read the vaccination reminders" in split and "read them" not in split
    ask = "Can you tell me your pet's name and your client number so I can look you up?"
    assert identifier_request(ask) and lint_question(ask)["suggestion"] == ""
    assert not identifier_request("What name did you give the account?")
    result = _lint(VET / "guide-gemma.txt")
    assert "Why don't you" not in result["questions"][0]["question"]
    assert "anymore" not in lint_question("Why don't you book online anymore?")["suggestion"]
