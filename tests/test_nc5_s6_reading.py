"""Newcomer round 5 (housing repairs): review reads a study's transcript as analyze does,
misspelt note keys are reported."""
from __future__ import annotations

from kit.notes import parse_note_text
from kit.review import _words, review_transcript
from kit.study import load_study
from tests.conftest import write

STUDY = """
title: Housing repairs
research_question: How do tenants get a repair reported and fixed today?
team:
  - {name: Priya Shah, role: researcher}
  - {name: Tom Reed, role: service designer}
aliases:
  "Priya S.": Priya Shah
"""
NOTE = """
---
id: INT-007
date: 2026-11-06
participant: P-007
interviewer: Priya Shah
note_taker: Tom Reed
transcript: Call with Sarah Khan 2026-11-06 (1).txt
---

## Key Quotes
- "We can see the ticket but not where the contractor is."

## Insights
- Contractors are invisible to the call centre.
"""
CALL = """
Priya S.: Tell me about the last call you took about a repair.
Sarah Khan: A tenant rang about damp for the fourth time. We can see the ticket but not where the contractor is.
Priya Shah: What did you tell them?
Sarah Khan: I told her the truth, I don't know. It is stressful, I feel like I'm lying to people every day.
Tom Reed: Can I ask, how many of those calls do you get?
Sarah Khan: Maybe thirty a day are chasing calls.
"""


def _study(tmp_path):
    root = tmp_path / "study"
    write(root / "study.yml", STUDY)
    write(root / "participants.csv", "id,segment,consent_quote\nP-007,call centre,yes\n")
    write(root / "interviews" / "INT-007.md", NOTE)
    return root, write(root / "transcripts" / "Call with Sarah Khan 2026-11-06 (1).txt", CALL)


def test_review_in_a_study_keeps_the_note_takers_single_question_as_analyze_does(tmp_path):
    root, path = _study(tmp_path)
    review = review_transcript(path)
    assert not [p for p in review["problems"] if "used only once" in str(p)]
    assert set(review["interviewer"]) == {"Priya Shah", "Tom Reed"}
    assert "how many of those calls" in " ".join(q["text"] for q in review["questions"])
    turns = load_study(root, strict=False).turns
    mine = turns[turns["role"] == "interviewer"]
    assert set(mine["speaker"]) == set(review["interviewer"])
    words = sum(_words(t) for t in turns["text"])
    assert review["words"]["interviewer"] == sum(_words(t) for t in mine["text"])
    assert review["words"]["interviewer"] + review["words"]["participant"] == words


def test_review_outside_a_study_still_reads_a_single_label_as_part_of_the_turn_above(tmp_path):
    path = write(tmp_path / "call.txt", CALL)
    review = review_transcript(path)
    assert any("'Tom Reed:'" in str(p) and ":5:" in str(p) for p in review["problems"])


def test_a_misspelt_front_matter_key_is_a_located_warning_naming_the_key_meant():
    note = parse_note_text("---\nid: INT-008\ndate: 2026-11-30\nduraton: 5\nnote_takr: Tom\n"
                           "mood: calm\n---\n## Key Quotes\n- \"x\"\n## Insights\n- y\n", "n.md")
    found = {p.line: p for p in note.problems if "unknown key" in p.message}
    assert set(found) == {4, 5}
    assert "'duration'" in found[4].message and found[4].level == "warning"
    assert "'note_taker'" in found[5].message
    assert note.front.get("duration") is None


VISIT = """
Priya Shah: Tell me about the last time a contractor came to your home.
Hodan Warsame: They gave me a slot, eight till six. The man never came, I waited all day.
Priya Shah: What did you do then?
Hodan: I called the number again and told them again.
Priya Shah: How did that feel?
Hodan Warsame: I was very upset and worried about the damp in the kids room.
"""


def test_a_once_used_short_name_says_whose_turn_it_is_read_as_and_the_study_agrees(tmp_path):
    root, _ = _study(tmp_path)
    write(root / "participants.csv", "id,name,segment,consent_quote\nP-007,Hodan Warsame,tenant,yes\n")
    write(root / "transcripts" / "Call with Sarah Khan 2026-11-06 (1).txt", VISIT)
    study = load_study(root, strict=False)
    # session 9: the roster's names are known to the transcript reader, so "Hodan:" (the roster's
    # first name of Hodan Warsame) is her turn without a guess to report
    assert not [p for p in study.problems if "used only once" in p.message or "of its own" in p.message]
    turn = study.turns[study.turns["text"].str.startswith("I called the number")].iloc[0]
    assert (turn["speaker"], turn["role"], turn["participant"]) == ("Hodan", "participant", "P-007")


def test_a_transcript_whose_content_does_not_match_its_extension_is_a_located_error(tmp_path):
    import io

    import docx

    from kit.transcripts import read_turns

    columns, _fmt, problems = read_turns(write(tmp_path / "INT-008.docx", VISIT))
    assert len(columns["speaker"]) == 6  # still read, by its content
    found = [p for p in problems if "holds plain text" in p.message]
    assert len(found) == 1 and found[0].level == "error" and found[0].line == 1
    assert "rename the file to .txt" in found[0].message
    document = docx.Document()
    for line in VISIT.strip().splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    (tmp_path / "word.docx").write_bytes(buffer.getvalue())
    (tmp_path / "word.txt").write_bytes(buffer.getvalue())
    assert not [p for p in read_turns(tmp_path / "word.docx")[2] if p.level == "error"]
    columns, _fmt, problems = read_turns(tmp_path / "word.txt")
    assert len(columns["speaker"]) == 6
    assert [p.message for p in problems if p.level == "error"] == [
        "named .txt but is a Word document (.docx), not text: save the transcript as text (.txt, .vtt or .srt) "
        "or as a Word document (.docx)"]


def test_check_reports_the_mismatch_at_the_transcript(tmp_path):
    root, _ = _study(tmp_path)
    (root / "transcripts" / "Call with Sarah Khan 2026-11-06 (1).txt").unlink()
    write(root / "transcripts" / "INT-007.docx", CALL)
    write(root / "interviews" / "INT-007.md", NOTE.replace("transcript: Call with Sarah Khan 2026-11-06 (1).txt\n", ""))
    study = load_study(root, strict=False)
    assert any(p.path.endswith("INT-007.docx") and p.level == "error" and "holds plain text" in p.message
               for p in study.problems)
    assert len(study.turns) == 6
