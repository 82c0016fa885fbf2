"""Attacker s17: values read as what they are.

A4: ``sprint: [a, {b: c}]`` passed `check` and was published as a Python repr in program.json and
the report. A16: an Otter or Rev header whose speaker is an email address or a dial-in number was
read as words of the turn above, silently (the participant's words counted as the interviewer's)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kit.study import load_study
from kit.transcripts import read_transcript

DATA = Path(__file__).resolve().parent / "data" / "attack-s17-lead"


@pytest.mark.parametrize("value, kind", [("[a, {b: c}]", "list"), ("{b: c}", "mapping")])
def test_a_list_or_mapping_where_text_is_wanted_is_an_error_at_its_line(tmp_path, value, kind):
    study = tmp_path / "s"
    study.mkdir()
    (study / "study.yml").write_text(f"research_question: How do workshops get paid?\nsprint: {value}\n"
                                     "stages: [quote, {fit: 1}, invoice]\n", encoding="utf-8")
    loaded = load_study(study, strict=False)
    config = loaded.config
    errors = [p for p in loaded.problems if p.is_error and p.path.endswith("study.yml")]
    assert [p.line for p in errors] == [2, 3] and errors[0].message.startswith("sprint:")
    assert f"a {kind} is not text" in errors[0].message
    assert config.get("sprint") is None


@pytest.mark.parametrize("name, fmt", [("loose-call.txt", "otter"), ("loose-rev.txt", "rev")])
def test_a_header_naming_an_email_or_a_phone_is_a_speaker(name, fmt):
    turns = read_transcript(DATA / name)
    assert turns.attrs["format"] == fmt
    speakers = list(dict.fromkeys(turns["speaker"]))
    assert speakers == ["Alex Morgan", "jane.doe@example.com", "+44 20 7946 0958"]
    assert not turns.loc[turns["speaker"] == "Alex Morgan", "text"].str.contains("late|bank|dialled").any()
    warned = [p for p in turns.attrs["problems"] if "names an email address or a phone number" in p.message]
    assert len(warned) == 2 and all("@" not in p.message and "7946" not in p.message for p in warned)
