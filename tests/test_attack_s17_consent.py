"""Session 17: a withdrawn participant is in no table, count or review; search is no oracle
through a team note.

Attacker s17 A15 / newcomer s17 F7: a team insight repeating the words of a participant who did
not consent to quoting was a hit ("the match is inside words withheld"), confirming what they
said, in which interview and when. A14 / F17: `review` scored a withdrawn participant's interview
from their words. A18: a withdrawn man's turn under a short form of his name (`Kev:`) stayed in
analyze's turns.csv as "other speaker". F13: the report counted and measured the interview only a
withdrawn participant was in ("12 interviews", its turns, talk ratio, action items)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kit.cli.discovery import search_command
from kit.discovery.index import update_index
from kit.discovery.search import search
from kit.study import load_study

DATA = Path(__file__).resolve().parent / "data" / "attack-s17-lead" / "study"


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("s17c") / "repo"
    shutil.copytree(DATA, root / "S1")
    update_index(root)
    return root


def test_a_team_note_repeating_unquotable_words_is_no_hit_for_them(repo):
    for query in ("sprocket", "freezes", "Friday afternoon", "portal"):
        frame = search(repo, query, update=False)
        assert not len(frame) and frame.attrs["total"] == 0, (query, frame[["id", "text"]])
        text, code = search_command(repo, query)
        assert code == 0 and text.startswith("no matches for"), text
        assert "INT-002" not in text and "withheld" not in text
    # a word of the team's own in the same note is still found, their words in it withheld
    frame = search(repo, "said", update=False)
    note = frame[frame["id"] == "INT-002#i1"]
    assert len(note) == 1 and "[not quoted]" in note["text"].iloc[0] and "sprocket" not in note["text"].iloc[0]


def test_the_total_counts_no_match_inside_withheld_words_past_the_limit(repo):
    every = search(repo, "invoice OR monday OR ledger", limit=50, update=False)
    assert "INT-002#i1" not in set(every["id"])
    first = search(repo, "invoice OR monday OR ledger", limit=1, update=False)
    assert len(first) == 1 and first.attrs["total"] == len(every)  # the withheld note is not counted either


def test_a_withdrawn_participants_own_interview_is_no_row_and_no_count():
    study = load_study(DATA, strict=False)
    assert "INT-003" not in set(study.interviews["interview_id"])
    assert list(study.withdrawn_rows["interview_id"]) == ["INT-003"]
    assert "INT-003" not in set(study.actions["interview_id"])
    assert "INT-004" in set(study.interviews["interview_id"])  # the group interview stays, without him
    for frame in (study.turns, study.quotes, study.insights, study.segments()):
        assert "P-003" not in set(frame["participant"]) and "INT-003" not in set(frame["interview_id"])
        assert not frame["text"].str.contains("tangerine|marmalade", case=False).any()


def test_a_short_form_of_a_group_members_name_is_their_label():
    study = load_study(DATA, strict=False)
    turns = study.turns[study.turns["interview_id"] == "INT-004"]
    assert list(turns["speaker"]) == ["Alex Morgan", "Ruth", "Alex Morgan", "Ruth"]  # Kevin's and Kev's left out


def test_review_says_a_withdrawn_participants_interview_is_not_reviewed(tmp_path, capsys):
    from kit.cli import main

    study = tmp_path / "S1"
    shutil.copytree(DATA, study)
    code = main(["review", str(study / "transcripts" / "INT-003.txt"), "--json"])
    out = capsys.readouterr()
    assert code == 0 and "tangerine" not in out.out + out.err  # not a failure: as check reads it, a warning
    problems = json.loads(out.out)["problems"]
    assert problems == [f"{study / 'transcripts' / 'INT-003.txt'}: warning: P-003 withdrew from the study "
                        "(participants.csv status withdrawn): their words are used nowhere, so this interview is "
                        "not reviewed"]
    assert main(["review", str(study / "transcripts")]) == 0
    out = capsys.readouterr()
    assert "INT-003.txt: warning: P-003 withdrew" in out.out + out.err and "INT-001.txt: score" in out.out
    assert "tangerine" not in out.out + out.err and "marmalade" not in out.out + out.err


def test_a_decision_citing_a_withdrawn_participants_interview_is_not_an_unknown_reference(tmp_path):
    """claims17 C2: once the interview only a withdrawn participant was in left the tables, a
    decision citing it was an error ("not an interview of this study") and `run` stopped."""
    study = tmp_path / "S1"
    shutil.copytree(DATA, study)
    (study / "decisions.csv").write_text(
        "id,date,decision,evidence\n"
        "D-1,2026-03-10,Chase council invoices weekly,INT-003;INT-004\n"
        "D-2,2026-03-10,Drop the tangerine export,INT-003#t2\n", encoding="utf-8")
    loaded = load_study(study, strict=False)
    at = [p for p in loaded.problems if p.path.endswith("decisions.csv")]
    assert not [p for p in at if p.is_error], at
    assert sorted(p.line for p in at if "withdrawn participant" in p.message) == [2, 3]
    assert list(loaded.decisions["evidence"]) == [["INT-004"], []]
