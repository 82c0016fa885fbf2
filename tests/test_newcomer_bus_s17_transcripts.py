"""Newcomer session 17 (bus operator), fixed in session 17: transcripts.
F10: a speaker's label written with a dash (``Huw - told her we'd look into it``, the depot
manager's own line) is that speaker's turn with a warning at its line, never the participant's
words. F16: `review` of a transcripts folder holding an empty transcript that a note names (a
failed recording) warns at it, reviews the others and exits 0, as `check` reads it.
Inputs: tests/data/newcomer-bus/bus-fixed."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.check import check_study
from kit.cli.review import review_command
from kit.study import load_study
from kit.transcripts import parse_transcript, read_transcript

DATA = Path(__file__).parent / "data" / "newcomer-bus" / "bus-fixed"


def test_f10_the_managers_dash_line_is_his_turn():
    turns = read_transcript(DATA / "transcripts" / "INT-007.txt")
    assert list(turns["speaker"].tail(2)) == ["Rhian E", "Huw"]
    assert turns["text"].iloc[-1] == "told her we'd look into it"
    assert not turns.loc[turns["speaker"] == "Rhian E", "text"].str.contains("look into it").any()


def test_f10_check_warns_and_the_participant_has_none_of_it():
    problems = [p for p in check_study(DATA) if Path(p.path).name == "INT-007.txt" and "a dash for a colon" in p.message]
    assert [(p.line, p.level) for p in problems] == [(11, "warning")]
    study = load_study(DATA)
    theirs = study.turns[(study.turns["interview_id"] == "INT-007") & (study.turns["participant"] == "P-007")]
    assert len(theirs) and not theirs["text"].str.contains("look into it").any()


@pytest.mark.parametrize("dash", ["-", "\u2013", "\u2014"])
def test_f10_every_dash_and_only_an_established_label(dash):
    text = ("Huw: how did it go?\nRhian: badly, the ramp stuck.\nHuw: and then?\nRhian: I walked.\n"
            f"Kids {dash} they were crying all the way\nHuw {dash} told her we'd look into it\n")
    turns = parse_transcript(text, "t.txt")
    assert list(turns["speaker"]) == ["Huw", "Rhian", "Huw", "Rhian", "Huw"]
    assert turns["text"].iloc[3] == f"I walked. Kids {dash} they were crying all the way"  # no label: her words
    assert turns["text"].iloc[4] == "told her we'd look into it"


def test_f10_a_text_without_such_a_line_is_read_as_before():
    text = "Huw: how did it go?\nRhian: badly - the ramp stuck - again.\nHuw: and then?\nRhian: I walked.\n"
    assert list(parse_transcript(text, "t.txt")["text"])[1] == "badly - the ramp stuck - again."


def test_f16_review_of_the_folder_warns_at_the_empty_transcript_and_exits_0(tmp_path):
    shutil.copytree(DATA, tmp_path / "bus")
    (tmp_path / "bus" / "transcripts" / "INT-011.txt").unlink()  # a withdrawn participant's: exit 2 (attack s17 A14)
    text, code = review_command([str(tmp_path / "bus" / "transcripts")])
    assert code == 0, text
    assert "INT-008.vtt: warning: empty transcript" in text
    assert "cohort:" in text and "INT-012" in text


def test_f16_an_empty_transcript_no_note_names_is_still_an_error(tmp_path):
    shutil.copytree(DATA, tmp_path / "bus")
    (tmp_path / "bus" / "transcripts" / "INT-099.txt").write_text("", encoding="utf-8")
    text, code = review_command([str(tmp_path / "bus" / "transcripts" / "INT-099.txt")])
    assert code == 2 and "INT-099.txt: empty transcript" in text and "warning" not in text


# -- F14: an opener in a language the rules do not cover -----------------------------------------

def test_f14_a_welsh_opener_is_listed_and_story_first_not_measured():
    from kit.review import review_transcript, scorecard

    review = review_transcript(DATA / "transcripts" / "INT-003.txt")
    first = [q for q in review["questions"] if q["turn"] == 1]
    assert first and all(q["kind"] == "unsupported" and q["language"] == "cy" for q in first)
    assert any(q["text"].startswith("Dywedwch wrtha i") for q in first)
    items = {i["item"]: i for i in scorecard(review)["items"]}
    assert items["story first"]["points"] is None and items["story first"]["met"] is None
    assert "Welsh" in items["story first"]["value"]
    assert items["question quality"]["value"] == "2 of 2 questions unflagged"  # the Welsh ones are not scored


def test_f14_an_english_interview_is_scored_as_before():
    from kit.review import review_transcript, scorecard

    text = ("Interviewer: Tell me about the last time you caught the bus.\n"
            "Rider: Well, last Monday the eight o'clock bus was twenty minutes late and I waited in the rain.\n"
            "Interviewer: What happened next?\nRider: I texted my boss that I'd be late.\n")
    from kit.transcripts import parse_transcript

    review = review_transcript(parse_transcript(text, "t.txt"), "Interviewer")
    assert not [q for q in review["questions"] if q["kind"] == "unsupported"]
    items = {i["item"]: i for i in scorecard(review)["items"]}
    assert items["story first"]["points"] == 15
