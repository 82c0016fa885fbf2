"""A statement said to the participant that asks nothing ("Thanks for joining, our new booking
app makes life easier for everyone.") is recorded as a note of the guide, not read as its
opener: a newcomer's plain-text guide began with its pitch and lint-guide called the pitch an
"ok" opener. A line that asks ("Recount the last time you ...", "Our packaging is new. Take
me back to ...", a question without its question mark) is still a question."""
from __future__ import annotations

import json

import pytest

from kit.cli import main
from kit.guide.guide_lines import classify


@pytest.mark.parametrize("line", [
    "Thanks for joining, our new booking app makes life easier for everyone.",
    "Welcome! This chat is about how the clinic handles repeat prescriptions.",
    "Lovely to meet everyone. The session is recorded for the team only.",
])
def test_a_statement_that_asks_nothing_is_a_note(line):
    assert classify(line)[0] == "note"


@pytest.mark.parametrize("line", [
    "Recount the last time you chased a late delivery.",
    "Our packaging changed in May. Take me back to the last parcel you opened.",
    "what happened the last time the lift broke",
    "Biggest headache with invoicing right now, the last one you had",
    "I'd love to hear about the last time you booked a plumber.",
    "Our app saves you time.",
    "Describe the last shift swap.",
])
def test_a_line_that_asks_is_a_question(line):
    assert classify(line)[0] == "question"


def test_the_pitch_is_not_the_opener(tmp_path, capsys):
    guide = tmp_path / "guide.txt"
    guide.write_text("Thanks for joining, our new booking app makes life easier for everyone.\n"
                     "Tell me about the last time you booked a table.\n"
                     "What happened next?\n"
                     "How did you choose the time?\n"
                     "How did you pay on the night?\n"
                     "Looking ahead to your next booking, what are you already planning?\n", encoding="utf-8")
    main(["lint-guide", str(guide), "--json"])
    result = json.loads(capsys.readouterr().out)
    questions = [q for q in result if q.get("question")]
    assert questions[0]["question"].startswith("Tell me about") and questions[0]["role"] == "opener"
    assert [n["line"] for n in result if n["kind"] == "note"] == [1]


@pytest.mark.parametrize("line", ["Cuéntame la última vez que sacaste el cubo.", "Opowiedz mi o ostatniej naprawie."])
def test_a_question_in_another_language_is_a_question(line):
    assert classify(line)[0] == "question"


def test_lint_guide_help_names_every_kind_of_guide_it_reads(capsys):
    with pytest.raises(SystemExit):
        main(["lint-guide", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for kind in (".yml", ".txt", ".docx"):
        assert kind in shown


@pytest.mark.parametrize("line", ["um why did you pick that one", "uh and then", "erm how'd it go",
                                  "who's on the rota now", "like what then"])
def test_a_spoken_question_without_its_question_mark_is_a_question(line):
    """Spoken questions transcribed as said: a filler first, a contraction ("how's"), no
    question mark (three lines of an independent set were read as headings)."""
    assert classify(line)[0] == "question"
