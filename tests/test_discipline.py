"""Discipline checks: the interviewer taking their own notes, notes without quotes, and pauses
longer than the cadence, as located warnings."""
from __future__ import annotations

from datetime import date

import pytest

import kit
from kit.discovery import discipline
from kit.discovery.repository import example_repository, load_studies
from conftest import write


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return example_repository(tmp_path_factory.mktemp("discipline") / "repo")


@pytest.fixture(scope="module")
def studies(repo):
    return load_studies(repo)


def located(problems, root):
    return [(str(p.path).replace(str(root) + "/", ""), p.line, p.message.split(":")[0], p.level) for p in problems]


def test_pilot_interviewers_who_took_their_own_notes(studies, repo):
    problems = discipline.discipline_warnings(studies[0])
    assert located(problems, repo) == [
        ("2026-S41/interviews/INT-007.md", 6, "INT-007", "warning"),
        ("2026-S41/interviews/INT-010.md", 6, "INT-010", "warning"),
    ]
    assert problems[0].message == ("INT-007: the interviewer (Luis Ortega) also took the notes: ask a second "
                                   "person to take notes so the interviewer can listen")
    assert str(problems[0]) == f"{repo}/2026-S41/interviews/INT-007.md:6: warning: {problems[0].message}"


def test_a_note_without_quotes(studies, repo):
    problems = discipline.discipline_warnings(studies[1])
    assert located(problems, repo) == [
        ("2026-S45/interviews/INT-104.md", 6, "INT-104", "warning"),
        ("2026-S45/interviews/INT-106.md", 19, "INT-106", "warning"),  # the Key Quotes heading
    ]
    assert "the note has no key quotes" in problems[1].message


def test_a_pause_longer_than_the_cadence(studies, repo):
    problems = discipline.discipline_warnings(studies[2])
    assert located(problems, repo) == [("2026-S49/interviews/INT-204.md", 3, "INT-204", "warning")]
    assert problems[0].message == ("INT-204: 8 days since the previous interview (INT-203 on 2026-12-02): "
                                   "interviews stopped for longer than the cadence of 7 days in study.yml")


def test_interviews_that_stopped_up_to_today(studies, repo):
    s49 = studies[2]
    assert discipline.discipline_warnings(s49, as_of=date(2026, 12, 18)) == discipline.discipline_warnings(s49)
    problems = discipline.discipline_warnings(s49, as_of="2026-12-19")
    lapsed = [p for p in problems if p.path.endswith("study.yml")]
    assert [(p.line, p.message) for p in lapsed] == [
        (29, "no interview for 8 days (the last was INT-205 on 2026-12-11): the cadence in study.yml is every 7 days")]
    assert (repo / "2026-S49" / "study.yml").read_text().splitlines()[28].startswith("cadence_days: 7")


def test_pauses_between_sprints(studies, repo):
    problems = discipline.repository_discipline(studies)
    assert len(problems) == 6
    between = [p for p in problems if "previous sprint" in p.message]
    assert located(between, repo) == [("2026-S49/interviews/INT-201.md", 3, "INT-201", "warning")]
    assert between[0].message == ("INT-201: 17 days since the last interview of the previous sprint (INT-106 in "
                                  "2026-S45 on 2026-11-13): continuous discovery paused for longer than the cadence "
                                  "of 7 days")
    table = discipline.warnings_table(problems, repo)
    assert table["file"].tolist()[:2] == ["2026-S41/interviews/INT-007.md", "2026-S41/interviews/INT-010.md"]
    assert (table["level"] == "warning").all()


def test_cadence_from_study_yml_and_aliases(study_dir):
    # the conftest study: INT-001 on 2026-01-05 and INT-002 on 2026-01-06, cadence_days 7
    assert discipline.discipline_warnings(study_dir) == []
    note = study_dir / "interviews" / "INT-002.md"
    text = note.read_text()
    note.write_text(text.replace("date: 2026-01-06", "date: 2026-01-20")
                    .replace("note_taker: Ana Silva", "note_taker: Benny"), encoding="utf-8")
    yml = study_dir / "study.yml"
    yml.write_text(yml.read_text() + 'aliases: {"Benny": Ben Okafor}\n', encoding="utf-8")
    problems = discipline.discipline_warnings(study_dir)
    assert [(p.line, p.message.split(":")[1].strip()[:40]) for p in problems] == [
        (3, "15 days since the previous interview (IN"),
        (6, "the interviewer (Ben Okafor) also took t"),
    ]
    yml.write_text(yml.read_text().replace("cadence_days: 7", "cadence_days: 21"), encoding="utf-8")
    assert [p.line for p in discipline.discipline_warnings(study_dir)] == [6]
    assert discipline.cadence_of(kit.load_study(study_dir)) == 21


def test_default_cadence_and_transcript_only_studies(tmp_path):
    write(tmp_path / "t" / "INT-1.txt", "Interviewer: How do you get paid?\nSam: By transfer, mostly.\n")
    write(tmp_path / "t" / "INT-2.txt", "Interviewer: How do you get paid?\nKim: Cash.\n")
    study = kit.load_study(tmp_path / "t", strict=False)
    assert discipline.cadence_of(study) == 7
    assert discipline.discipline_warnings(study) == []  # no notes, no dates: nothing to check
