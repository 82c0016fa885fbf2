"""Faults of a dental-clinic newcomer study, by kind: an invalid value is not read as a missing
one by the rules that follow, duplicate ids keep the file named after the id, and an empty
yes/no cell that withholds someone's words is reported."""
from __future__ import annotations

from pathlib import Path

from conftest import write
from kit.check import check_study
from kit.study import load_study

NOTE = """---
id: {iid}
date: 2026-03-09
participant: {participant}
interviewer: Priya Raman
---
## Key Quotes
- "{quote}"
## Insights
- Booking stalls at lunch.
"""
HEADER = "id,segment,status,invited_on,scheduled_on,interviewed_on,consent_record,consent_quote\n"


def study(root: Path, participants: str, files: dict[str, str] | None = None) -> Path:
    write(root / "study.yml", 'research_question: "How do patients book a dental visit?"\n')
    write(root / "participants.csv", HEADER + participants)
    for name, text in (files or {"interviews/INT-001.md": NOTE.format(
            iid="INT-001", participant="P-001", quote="I rang twice.")}).items():
        write(root / name, text)
    return root


def at(problems, name, line=None):
    return [(p.level, p.message) for p in problems
            if Path(p.path).name == name and (line is None or p.line == line)]


def test_an_unreadable_interview_date_is_not_reported_as_empty(tmp_path):
    root = study(tmp_path / "s", "P-001,patient,completed,2026-03-02,03/09/2026,03/09/2026,yes,yes\n")
    row = at(check_study(root), "participants.csv", 2)
    assert any("interviewed_on '03/09/2026' is not a date" in m for _, m in row), row
    assert not [m for _, m in row if "empty" in m], row


def test_an_empty_interview_date_is_still_reported(tmp_path):
    root = study(tmp_path / "s", "P-001,patient,completed,2026-03-02,2026-03-05,,yes,yes\n")
    row = at(check_study(root), "participants.csv", 2)
    assert ("warning", "status is completed but interviewed_on is empty") in row, row


def test_an_unreadable_date_on_a_scheduled_participant_is_still_set(tmp_path):
    root = study(tmp_path / "s", "P-001,patient,scheduled,2026-03-02,2026-03-05,03/09/2026,yes,yes\n")
    row = at(check_study(root), "participants.csv", 2)
    assert any("interviewed_on is set but the status is 'scheduled'" in m for _, m in row), row


def test_an_unknown_status_is_not_read_again_at_the_note(tmp_path):
    root = study(tmp_path / "s", "P-001,patient,done,2026-03-02,2026-03-05,2026-03-05,yes,yes\n")
    problems = check_study(root)
    assert any("unknown status 'done'" in m for _, m in at(problems, "participants.csv", 2))
    assert not [m for _, m in at(problems, "INT-001.md") if "status" in m], at(problems, "INT-001.md")


def test_an_empty_consent_to_quote_is_read_as_no_and_said(tmp_path):
    root = study(tmp_path / "s", "P-001,patient,completed,2026-03-02,2026-03-05,2026-03-05,yes,yes\n"
                                 "P-009,patient,completed,2026-03-05,2026-03-12,2026-03-12,yes,\n"
                                 "P-010,patient,declined,2026-03-05,,,no,\n")
    problems = check_study(root)
    assert ("warning", "consent_quote is empty: read as no; P-009's words will not be quoted") \
        in at(problems, "participants.csv", 3)
    assert not at(problems, "participants.csv", 2)
    assert not at(problems, "participants.csv", 4), "a declined participant has no words to quote"
    assert load_study(root, strict=False).consenting() == {"P-001"}


def test_a_duplicate_note_id_keeps_the_file_named_after_the_id(tmp_path):
    root = study(tmp_path / "s", "P-009,patient,completed,2026-03-05,2026-03-12,2026-03-12,yes,yes\n", {
        "interviews/INT-009-followup.md": NOTE.format(iid="INT-009", participant="P-009", quote="Later words."),
        "interviews/INT-009.md": NOTE.format(iid="INT-009", participant="P-009", quote="First words.")})
    problems = check_study(root)
    ignored = at(problems, "INT-009-followup.md", 2)
    assert any(level == "error" and "duplicate interview id 'INT-009'" in m and
               "interviews/INT-009.md is read" in m and "interviews/INT-009-followup.md is ignored" in m
               for level, m in ignored), ignored
    assert not [m for _, m in at(problems, "INT-009.md", 2) if "duplicate" in m]
    loaded = load_study(root, strict=False)
    assert list(loaded.quotes["text"]) == ["First words."]


def test_a_duplicate_note_id_without_a_file_named_after_it_keeps_the_first_by_name(tmp_path):
    root = study(tmp_path / "s", "P-009,patient,completed,2026-03-05,2026-03-12,2026-03-12,yes,yes\n", {
        "interviews/b-visit.md": NOTE.format(iid="INT-009", participant="P-009", quote="B words."),
        "interviews/a-visit.md": NOTE.format(iid="INT-009", participant="P-009", quote="A words.")})
    problems = check_study(root)
    assert any("interviews/a-visit.md is read and interviews/b-visit.md is ignored" in m and "first by file name" in m
               for _, m in at(problems, "b-visit.md", 2)), problems
    assert list(load_study(root, strict=False).quotes["text"]) == ["A words."]


def test_a_duplicate_participant_says_which_line_is_read(tmp_path):
    root = study(tmp_path / "s", "P-001,patient,completed,2026-03-02,2026-03-05,2026-03-05,yes,yes\n"
                                 "P-001,patient,completed,2026-03-02,2026-03-05,2026-03-05,yes,no\n")
    row = at(check_study(root), "participants.csv", 3)
    assert any("duplicate participant id 'P-001': line 2 is the one read, this line is ignored" in m
               for _, m in row), row


def test_an_unreadable_hourly_rate_is_not_asked_for_again_and_does_not_crash(tmp_path):
    root = study(tmp_path / "s", "P-001,patient,completed,2026-03-02,2026-03-05,2026-03-05,yes,yes\n",
                 {"interviews/INT-001.md": NOTE.format(iid="INT-001", participant="P-001", quote="I rang twice."),
                  "costs.csv": "date,category,description,hours,rate,amount\n"
                               "2026-03-01,analysis_time,coding,2,,\n2026-03-01,analysis_time,coding,,,\n"})
    (root / "study.yml").write_text('research_question: "How do patients book?"\ncosts:\n  hourly_rate: abc\n')
    problems = check_study(root)
    assert any("costs.hourly_rate must be a number" in m for _, m in at(problems, "study.yml", 3))
    row = at(problems, "costs.csv", 2)
    assert row == [("warning", "not counted: `hours` without a `rate`, and costs.hourly_rate in study.yml "
                               "is not a number (reported there)")], row
    assert any(m.startswith("no amount") for _, m in at(problems, "costs.csv", 3))  # truly missing
    assert load_study(root, strict=False).costs.empty
