"""load_study: tidy tables with stable segment ids, roles, consent and located problems."""
from __future__ import annotations

import math

import pandas as pd
import pytest

import kit
from kit.errors import StudyError
from conftest import write


def test_tables_and_stable_ids(study_dir):
    study = kit.load_study(study_dir)
    assert list(study.interviews["interview_id"]) == ["INT-001", "INT-002"]
    turns = study.turns
    assert list(turns["segment_id"]) == ["INT-001#t1", "INT-001#t2", "INT-001#t3", "INT-001#t4"]
    assert list(turns["role"]) == ["interviewer", "participant", "interviewer", "participant"]
    assert list(turns["participant"]) == ["", "P-1", "", "P-1"]
    # consecutive lines of one speaker are one turn
    assert turns.loc[1, "text"] == ("It was in March. I gave up on the template and copied last "
                                    "year's spreadsheet. It was quicker.")
    assert list(study.quotes["segment_id"]) == ["INT-001#q1", "INT-001#q2", "INT-002#q1"]
    assert study.quotes.loc[0, "time"] == 40.0
    assert math.isnan(study.quotes.loc[2, "time"]) or study.quotes.loc[2, "time"] is None
    assert list(study.insights["segment_id"]) == ["INT-001#i1", "INT-002#i1"]
    assert list(study.opportunities["segment_id"]) == ["INT-001#o1", "INT-002#o1"]
    assert study.actions.loc[0, "owner"] == "Ana Silva"
    assert str(study.actions.loc[0, "due"]) == "2026-01-09"
    assert study.actions.loc[0, "status"] == "open"


def test_consent_and_segments(study_dir):
    study = kit.load_study(study_dir)
    assert study.consenting() == {"P-1"}
    assert list(study.quotes["consent_quote"]) == [True, True, False]
    assert list(study.interviews["segment"]) == ["small", "large"]
    segments = study.segments()
    # participant turns, quotes, insights and opportunities; interviewer turns are not segments
    assert set(segments["kind"]) == {"turn", "quote", "insight", "opportunity"}
    assert "INT-001#t1" not in set(segments["segment_id"])
    assert len(segments) == 2 + 3 + 2 + 2


def test_talk_ratio_is_interviewer_share_of_words(study_dir):
    study = kit.load_study(study_dir)
    turns = study.turns
    words = turns["text"].str.split().str.len()
    expected = words[turns["role"] == "interviewer"].sum() / words.sum()
    ratio = study.interviews.set_index("interview_id").loc["INT-001", "talk_ratio"]
    assert ratio == pytest.approx(expected)
    assert 0 < ratio < 0.5


def test_codings_costs_decisions(study_dir):
    study = kit.load_study(study_dir)
    assert list(study.codings["segment"]) == ["INT-001#t2", "INT-001#t4", "INT-002#q1"]
    assert set(study.codings["coder"]) == {"ana"}
    # hours x the study's default rate when the row has no amount
    assert list(study.costs["amount"]) == [25.0, 25.0]
    assert study.decisions.loc[0, "evidence"] == ["INT-001", "INT-001#q1"]


def test_only_a_folder_of_transcripts(tmp_path):
    write(tmp_path / "call-a.vtt", """
        WEBVTT

        00:00:01.000 --> 00:00:04.000
        Interviewer: Tell me about your week.

        00:00:04.500 --> 00:00:09.000
        Dana: It was long, we shipped late.
    """)
    write(tmp_path / "call-b.txt", "Interviewer: Walk me through Monday.\nRobin: I missed the bus.\n")
    study = kit.load_study(tmp_path)
    assert list(study.interviews["interview_id"]) == ["call-a", "call-b"]
    assert list(study.turns["role"]) == ["interviewer", "participant"] * 2
    assert study.turns.loc[1, "start"] == 4.5


def test_interviewer_inferred_with_a_warning(tmp_path):
    write(tmp_path / "x.txt", "Kim: What happened next?\nAlex: We called the bank.\n"
                               "Kim: How did that go?\nAlex: Badly.\n")
    study = kit.load_study(tmp_path)
    assert list(study.turns["role"]) == ["interviewer", "participant"] * 2
    assert any("took 'Kim' as the interviewer" in p.message for p in study.warnings)


def test_aliases_merge_labels(study_dir):
    write(study_dir / "transcripts" / "INT-001.txt", """
        Ana S.: Tell me about the last time you set up a project.
        Jo: I copied last year's spreadsheet.
    """)
    write(study_dir / "codings" / "ana.csv", "segment,code\nINT-001#t2,workaround\n")
    text = (study_dir / "study.yml").read_text() + 'aliases: {"Ana S.": Ana Silva}\n'
    (study_dir / "study.yml").write_text(text)
    study = kit.load_study(study_dir)
    assert list(study.turns["speaker"]) == ["Ana Silva", "Jo"]
    assert list(study.turns["role"]) == ["interviewer", "participant"]


def test_note_speakers_map_roles(study_dir):
    write(study_dir / "transcripts" / "INT-001.txt", """
        Host person: Tell me about the last time you set up a project.
        Jo: I copied last year's spreadsheet.
    """)
    write(study_dir / "codings" / "ana.csv", "segment,code\nINT-001#t2,workaround\n")
    note = (study_dir / "interviews" / "INT-001.md").read_text()
    note = note.replace("duration: 5\n", "duration: 5\nspeakers: {Host person: interviewer}\n")
    (study_dir / "interviews" / "INT-001.md").write_text(note)
    study = kit.load_study(study_dir)
    assert list(study.turns["role"]) == ["interviewer", "participant"]


def test_strict_raises_with_every_problem(study_dir):
    write(study_dir / "codings" / "ana.csv", "segment,code\nINT-001#t2,nope\nINT-009#t1,workaround\n")
    with pytest.raises(StudyError) as err:
        kit.load_study(study_dir)
    messages = [str(p) for p in err.value.problems]
    assert any("ana.csv:2: unknown code 'nope'" in m for m in messages)
    assert any("ana.csv:3: unknown segment 'INT-009#t1'" in m for m in messages)
    partial = kit.load_study(study_dir, strict=False)
    assert len(partial.codings) == 0 and len(partial.errors) == 2


def test_pilot_loads_cleanly(pilot_dir):
    study = kit.load_study(pilot_dir)
    assert study.errors == []
    assert len(study.interviews) == 18
    segments = set(study.participants.loc[study.participants["status"] == "completed", "segment"])
    assert len(segments) >= 3
    assert set(study.participants["status"]) >= {"completed", "declined", "no-show", "invited"}
    transcribed = study.interviews[study.interviews["n_turns"] > 0]
    assert len(transcribed) >= 6
    assert set(study.turns["role"]) == {"interviewer", "participant"}
    # every interview in the pilot lasts 3-7 minutes
    assert study.interviews["duration"].between(3, 7).all()
    assert 10 <= len(study.codebook) <= 15
    assert set(study.codings["coder"]) >= {"maya", "tom"}
    coded = study.codings.groupby("coder")["interview_id"].nunique()
    assert (coded >= 6).all()
    assert len(study.costs) and len(study.decisions)


def test_pilot_quotes_are_verbatim_in_transcripts(pilot_dir):
    """Key quotes of transcribed interviews appear in that participant's own turns."""
    study = kit.load_study(pilot_dir)
    participant_text = study.turns[study.turns["role"] == "participant"].groupby("interview_id")["text"] \
        .apply(" ".join)
    norm = lambda s: " ".join(str(s).replace("’", "'").split())  # noqa: E731
    checked = 0
    for q in study.quotes.itertuples():
        if q.interview_id in participant_text.index:
            assert norm(q.text) in norm(participant_text[q.interview_id]), q.segment_id
            checked += 1
    assert checked >= 12


def test_parallel_parsing_gives_the_same_study(study_dir, monkeypatch):
    """Large studies parse transcripts in worker processes; the tables must not change."""
    import kit.study as study_mod

    for i in range(6):
        write(study_dir / "transcripts" / f"extra-{i}.txt",
              f"Interviewer: Tell me about invoice {i}.\nKim: It was paid {i} days late.\n")
    (study_dir / "transcripts" / "broken.vtt").write_bytes(b"WEBVTT\n\n")
    serial = kit.load_study(study_dir, strict=False)
    monkeypatch.setattr(study_mod, "PARALLEL_TRANSCRIPTS", 2)
    monkeypatch.setattr(study_mod, "free_cores", lambda most=4: 2)  # even on a busy machine
    parallel = kit.load_study(study_dir, strict=False)
    pd.testing.assert_frame_equal(serial.turns, parallel.turns)
    pd.testing.assert_frame_equal(serial.interviews, parallel.interviews)
    assert [str(p) for p in serial.problems] == [str(p) for p in parallel.problems]
    assert any("broken.vtt" in str(p) for p in parallel.errors)


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_pauses_the_cyclic_collector_and_restores_it(study_dir, monkeypatch, enabled):
    """load_study reads with Python's cyclic collector paused (issue 20: its passes over a
    large study's objects) and leaves it as it found it, after a load and after a load that
    raises."""
    import gc

    import kit.notes

    seen = []
    original = kit.notes.parse_note

    def watched(path):
        seen.append(gc.isenabled())
        return original(path)

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        monkeypatch.setattr(kit.notes, "parse_note", watched)
        study = kit.load_study(study_dir)
        assert gc.isenabled() is enabled
        assert list(study.interviews["interview_id"]) == ["INT-001", "INT-002"]
        write(study_dir / "study.yml", "name: [unclosed\n")
        with pytest.raises(StudyError):
            kit.load_study(study_dir)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen and not any(seen)
