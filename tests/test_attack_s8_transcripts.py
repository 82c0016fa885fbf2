"""Transcript faults of the eighth attack (/work/atk8-faults.md, "transcripts"): each kind of input
that lost a speaker's turn, or a line, without a warning. Every case is read both ways (the short
paths of kit.transcript_fast and the general path, as tests/test_speed_s8_parse.py compares them)
and every spoken line must end in a turn of the right speaker or in a located warning."""
from __future__ import annotations

from pathlib import Path

import pytest

from kit.transcripts import parse_transcript, read_transcript
from tests.test_speed_s8_parse import _both

DATA = Path(__file__).parent / "data" / "attack-s8-transcripts"


def _turns(df) -> list[tuple[str, str]]:
    return list(zip(df["speaker"], df["text"]))


def _same_both_ways(text: str, monkeypatch, **kw):
    fast, slow = _both(text, monkeypatch, **kw)
    assert fast == slow
    return fast


# -- 1. labels whose last word is a common word, bracketed roles, initials, emoji, phone numbers --------
LABELS = sorted(p.stem.split("-")[1] for p in (DATA / "labels").glob("teams-*.vtt"))


@pytest.mark.parametrize("n", LABELS)
def test_plain_and_zoom_labels_give_the_turns_teams_gives(n, monkeypatch):
    teams = _turns(read_transcript(DATA / "labels" / f"teams-{n}.vtt"))
    assert len(teams) == 3 and teams[1][1] == "one"
    for name in (f"plain-{n}.txt", f"zoom-{n}.vtt"):
        path = DATA / "labels" / name
        assert _turns(read_transcript(path)) == teams, name
        _same_both_ways(path.read_text(encoding="utf-8"), monkeypatch)


def test_a_name_ending_in_a_heading_word_is_a_speaker_and_headings_stay_text(monkeypatch):
    text = ("Alex Morgan: Tell me about it.\nJordan Example: It was Monday.\nAlex Morgan: And then?\n"
            "Jordan Example: Next Steps: I wrote it down.\nKey Point: it failed.\nNote: twice.\n")
    df = parse_transcript(text)
    assert _turns(df) == [("Alex Morgan", "Tell me about it."), ("Jordan Example", "It was Monday."),
                          ("Alex Morgan", "And then?"),
                          ("Jordan Example", "Next Steps: I wrote it down. Key Point: it failed. Note: twice.")]
    _same_both_ways(text, monkeypatch)


def test_a_heading_shaped_name_used_once_beside_two_speakers_is_warned_at_its_line():
    text = "Maya: Why?\nDana: Cost.\nAnn Note: can I add one thing?\nMaya: Sure.\nDana: Yes.\n"
    df = parse_transcript(text)
    assert list(df["speaker"]) == ["Maya", "Dana", "Maya", "Dana"]
    assert any(p.line == 3 and "used only once" in p.message for p in df.attrs["problems"])
