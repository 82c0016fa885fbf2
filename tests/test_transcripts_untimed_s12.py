"""Timed transcripts (Rev, Otter) edited by hand: a speaker's `Name:` line without a time is a
turn of that speaker, with a warning at its line -- never folded, label and all, into the
turn above, and never a reason to read the whole file as plain text (session 12)."""
from __future__ import annotations

from kit.transcripts import detect_format, read_turns

REV = ("Interviewer (0:01): Tell me about the last time you paid an invoice.\n"
       "Dana Pike (0:05): It was last Tuesday, the client paid late.\n"
       "Interviewer: And what happened next?\n"
       "Dana Pike (0:44): They paid on Friday.\n"
       "Note: the client was new.\n")

OTTER = ("Interviewer  0:01\nTell me about the last time you paid an invoice.\n\n"
         "Dana Pike  0:05\nIt was last Tuesday.\n"
         "Interviewer: And then?\n"
         "Dana Pike:\nThey paid on Friday.\n")


def _read(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    columns, fmt, problems = read_turns(path)
    return path, columns, fmt, problems


def test_rev_untimed_label_of_another_speaker_is_their_turn(tmp_path):
    path, columns, fmt, problems = _read(tmp_path, "rev.txt", REV)
    assert fmt == "rev"
    assert columns["speaker"] == ["Interviewer", "Dana Pike", "Interviewer", "Dana Pike"]
    assert columns["text"][1] == "It was last Tuesday, the client paid late."  # not the interviewer's words
    assert columns["text"][2] == "And what happened next?"
    assert columns["start"][2] != columns["start"][2]  # no time: NaN
    # a transcriber's note on a line of its own is nobody's words: left out, reported at its line (fxrev, A9)
    assert columns["text"][3] == "They paid on Friday."
    assert any(p.line == 5 and "transcriber's note" in p.message for p in problems)
    warned = [p for p in problems if "no time" in p.message]
    assert len(warned) == 1 and warned[0].line == 3 and warned[0].level == "warning"
    assert "Interviewer" not in warned[0].message and "Dana" not in warned[0].message


def test_rev_untimed_label_of_same_speaker_leaves_no_label_in_text(tmp_path):
    text = REV.replace("Interviewer: And what happened next?", "Dana Pike: I had to chase them twice.")
    _path, columns, _fmt, problems = _read(tmp_path, "rev.txt", text)
    assert all("Dana Pike:" not in t for t in columns["text"])
    assert "I had to chase them twice." in " ".join(columns["text"])
    assert any(p.line == 3 for p in problems)


def test_otter_with_untimed_labels_stays_otter_and_loses_nothing(tmp_path):
    assert detect_format(OTTER) == "otter"
    _path, columns, fmt, problems = _read(tmp_path, "otter.txt", OTTER)
    assert fmt == "otter"
    assert columns["speaker"] == ["Interviewer", "Dana Pike", "Interviewer", "Dana Pike"]
    assert columns["text"] == ["Tell me about the last time you paid an invoice.", "It was last Tuesday.",
                               "And then?", "They paid on Friday."]
    assert not any("skipped" in p.message for p in problems)
    assert [p.line for p in problems if "no time" in p.message] == [6]


def test_plain_labels_of_other_names_still_outvote_a_few_timed_lines():
    text = "Maya: Tell me about it.\nSam: Sure.\nMaya: Then?\nSam: Then it broke.\nRobin  0:05\n"
    assert detect_format(text) == "plain"


def test_untimed_label_that_is_a_forced_speaker(tmp_path):
    text = ("Maya (0:01): Tell me about the last delivery.\nSam (0:04): It was late.\n"
            "Robin: It came on the Friday.\n")
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    columns, _fmt, problems = read_turns(path, speakers=["Robin"])
    assert columns["speaker"] == ["Maya", "Sam", "Robin"]
    assert columns["text"][1] == "It was late."
