"""Newcomer session 17 (bus operator), fixed in session 17: F2, one definition of "interviewed".
A no-show (participants.csv status ``no-show``) whose note names an empty transcript (a failed
recording) has no words in the study: not one of the people interviewed in the report's headline,
the denominator of its shares, the sample table and program.json alike (it was 10 against 9).
Inputs: tests/data/newcomer-bus/bus-fixed."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from kit.roi import program_summary
from kit.sample import not_interviewed, sample_table
from kit.study import load_study
from kit.themes import n_participants, study_themes

DATA = Path(__file__).parent / "data" / "newcomer-bus" / "bus-fixed"


@pytest.fixture(scope="module")
def study():
    return load_study(DATA)


def test_f2_a_no_show_with_an_empty_transcript_is_not_interviewed(study):
    assert "P-008" in not_interviewed(study)
    completed = int(sample_table(study)["completed"].sum())
    assert n_participants(study) == completed == program_summary(study, as_of="2026-12-02")["participants_completed"] == 9


def test_f2_every_share_is_of_the_people_interviewed(study):
    found = study_themes(study)
    counts = found["counts"]
    assert found["n_participants"] == 9
    assert len(counts) and (counts["share"] - counts["participants"] / 9).abs().max() < 1e-9


def test_f2_a_no_show_with_words_in_a_transcript_is_interviewed(tmp_path):
    """The transcript, not the status, says who was heard: a no-show whose recording has turns counts."""
    shutil.copytree(DATA, tmp_path / "bus")
    (tmp_path / "bus" / "transcripts" / "INT-008.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Interviewer>Tell me about the last time you caught the bus.\n\n"
        "00:00:05.000 --> 00:00:12.000\n<v Participant>It came late again, so I waited in the rain for half an hour.\n",
        encoding="utf-8")
    again = load_study(tmp_path / "bus")
    assert "P-008" not in not_interviewed(again) and n_participants(again) == 10


@pytest.mark.slow
def test_f2_run_headline_shares_sample_and_program_agree(tmp_path):
    from kit.pipeline import run

    run(DATA, tmp_path / "rep", progress=False)
    page = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    headline = int(re.search(r"<b>(\d+)</b><span>people interviewed \(every share", page).group(1))
    import pandas as pd

    themes = pd.read_csv(tmp_path / "rep" / "tables" / "themes.csv")
    sample = pd.read_csv(tmp_path / "rep" / "tables" / "sample.csv")
    program = json.loads((tmp_path / "rep" / "program.json").read_text(encoding="utf-8"))
    assert headline == int(sample["completed"].sum()) == program["participants_completed"] == 9
    assert (themes["share"] - themes["participants"] / 9).abs().max() < 1e-9
