"""Session 13, newcomer faults F10, F11, F12, F20, F21, F23 (check and command messages).

F10: a keyword with two neighbouring letters swapped ('lokc') is warned about, however short.
F11: the third-speaker warning says which label was read as the participant and why.
F12: the cross-study consent warning quotes a value that is no yes/no as written.
F20: study.yml's `not_identifying` keeps a code-like column that identifies nobody (a docking
station) in every output, and `check` reports a declaration the kit does not take.
F21: a rule --force cannot lift is reported before one it can, for every command with --out.
F23: `check` warns at a note's date that differs from participants.csv, is before the
invitation, or lies in the future."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "newcomer-bike"
STUDY = DATA / "study-ok"


@pytest.fixture
def study(tmp_path) -> Path:
    root = tmp_path / "study-ok"
    shutil.copytree(STUDY, root)
    return root


def _messages(problems, text):
    return [str(p) for p in problems if text in p.message]


# ------------------------------------------------------------------ F10: short keywords
def test_a_short_keyword_with_swapped_letters_is_warned_at_its_line(study):
    from kit.check import check_study

    shutil.copy(DATA / "kt-codebook.yml", study / "codebook.yml")
    found = _messages(check_study(study), "matches no passage")
    assert f"{study / 'codebook.yml'}:23: warning: keyword 'lokc' of code 'broken-dock' matches no passage in this " \
           "study (did you mean 'lock'?): check its spelling" in found
    assert any(":42: warning: keyword 'lokc' of code 'typo-test'" in m for m in found)
    # the longer typos are still found, each once
    for typo, meant in (("invocie", "invoice"), ("renewl", "renewal"), ("cassetes", "cassettes"),
                        ("overtmie", "overtime")):
        assert len([m for m in found if f"'{typo}'" in m and f"did you mean '{meant}'" in m]) == 1


def test_swapped_letters_rule_is_for_typos_not_other_words():
    from kit.codebook import _swapped

    said = {"lock", "docks", "from", "bike", "form"}
    assert _swapped("lokc", said) == ["lock"]
    assert _swapped("dcoks", said) == ["docks"]  # 5 letters: difflib's ratio (0.8) missed it
    assert _swapped("rofm", said) == []          # letters moved further, not one swap
    assert _swapped("form", {"from"}) == []      # a stop word is never the meant word
    assert _swapped("bkie", said) == ["bike"]
    assert _swapped("lock", said) == []          # the word itself is no typo of itself


def test_a_short_keyword_nobody_said_and_nothing_resembles_is_left_alone(study):
    from kit.check import check_study

    text = (study / "codebook.yml").read_text(encoding="utf-8").replace("lokc", "pump")
    (study / "codebook.yml").write_text(text, encoding="utf-8")
    assert not [m for m in _messages(check_study(study), "matches no passage") if "'pump'" in m]


# ------------------------------------------------------------------ F11: third speaker
def test_third_speaker_warning_says_which_label_is_the_participant_and_why(study):
    from kit.check import check_study

    (found,) = _messages(check_study(study), "speaker 'Dave'")
    assert "taken to be" not in found and "a misspelt roster name" not in found
    assert "neither the team nor the participant P-003 (P-003 is read as the label that is their roster name " \
           "with one letter different, not shown)" in found
    assert "Conor" not in found  # the misspelt roster name stays hidden


def test_third_speaker_warning_names_a_label_picked_by_words_or_by_name():
    from kit.speaker_roles import _read_as

    assert _read_as("P-002", {"Rider"}, "Dana Okafor", "most words spoken") == \
        "P-002 is read as 'Rider', the label that spoke the most words"
    assert _read_as("P-002", {"Dana"}, "Dana Okafor", "name") == \
        "P-002 is read as 'Dana', the label that names them by their roster name"
    assert _read_as("P-002", set(), "Dana Okafor", "") == \
        "no label was read as P-002: the others name someone else's role"


# ------------------------------------------------------------------ F12: consent as written
def test_consent_warning_quotes_a_value_that_is_no_yes_or_no(tmp_path):
    from kit.consent_repository import consent_conflicts

    shutil.copytree(STUDY, tmp_path / "study-ok")
    shutil.copytree(STUDY, tmp_path / "study-bike")
    shutil.copy(DATA / "bike-participants.csv", tmp_path / "study-bike" / "participants.csv")
    warnings, withdrawn = consent_conflicts([tmp_path / "study-ok", tmp_path / "study-bike"])
    mine = [str(w) for w in warnings if "P-010" in w.message]
    ok = next(m for m in mine if m.startswith(str(tmp_path / "study-ok")))
    bike = next(m for m in mine if m.startswith(str(tmp_path / "study-bike")))
    assert "yes here, 'yes - but not my name' (not a yes/no value, read as no) at " \
           f"{tmp_path / 'study-bike' / 'participants.csv'}:11" in ok
    assert "'yes - but not my name' (not a yes/no value, read as no) here, yes at " in bike
    assert "no at" not in ok and "no here" not in bike
    assert (tmp_path / "study-ok", "P-010") in withdrawn  # still read as no: the most restrictive wins


def test_consent_warning_says_empty_and_keeps_plain_no():
    from kit.consent_repository import ConsentRow, _said

    def row(value):
        return ConsentRow(Path("."), "p.csv", 2, "P-1", "p-1", "", "", value.lower() in ("yes", "y"), value)

    assert _said(row("no")) == "no" and _said(row("N")) == "no" and _said(row("Y")) == "yes"
    assert _said(row("")) == "empty (read as no)"
    assert _said(row("sim")) == "'sim' (not a yes/no value, read as no)"


# ------------------------------------------------------------------ F20: not_identifying
def _dock_study(root: Path, declared: str | None) -> Path:
    shutil.copy(DATA / "dock-participants.csv", root / "participants.csv")
    if declared is not None:
        with open(root / "study.yml", "a", encoding="utf-8") as f:
            f.write(declared)
    return root


def _turn(out: Path, interview: str, n: str) -> str:
    with open(out / "turns.csv", encoding="utf-8", newline="") as f:
        return next(r["text"] for r in csv.DictReader(f) if r["interview_id"] == interview and r["turn"] == n)


def test_station_ids_are_redacted_until_study_yml_declares_the_column(study, tmp_path):
    from kit.cli import main
    from kit.privacy import roster

    _dock_study(study, None)
    assert "DS-0412" in roster(str(study)).ids
    assert main(["analyze", str(study), "--out", str(tmp_path / "before"), "--quiet"]) == 0
    assert _turn(tmp_path / "before", "INT-004", "2") .startswith("Last Wednesday. [id] had four jammed locks.")

    _dock_study(study, "not_identifying: [home_dock]\n")
    # every reader of the roster honours it: a loaded study, the sheet read alone (index, search)
    from kit.discovery.index_names import repository_roster
    from kit.study import load_study

    assert not [i for i in roster(str(study)).ids if i.startswith("DS-")]
    assert not [i for i in roster(load_study(study, strict=False)).ids if i.startswith("DS-")]
    assert not [i for i in repository_roster([study])[0].ids if i.startswith("DS-")]
    assert "CM-448812" in roster(str(study)).ids  # the membership number is still an identifier
    assert main(["analyze", str(study), "--out", str(tmp_path / "after"), "--quiet"]) == 0
    assert _turn(tmp_path / "after", "INT-004", "2").startswith("Last Wednesday. DS-0412 had four jammed locks.")


def test_check_names_the_way_out_and_warns_about_declarations_it_does_not_take(study):
    from kit.check import check_study

    _dock_study(study, None)
    (note,) = _messages(check_study(study), "column 'home_dock'")
    assert "list the column in study.yml's `not_identifying`" in note

    _dock_study(study, "not_identifying:\n  - home_dok\n  - membership_number\n  - email\n")
    lines = (study / "study.yml").read_text(encoding="utf-8").splitlines()
    at = {item: lines.index(f"  - {item}") + 1 for item in ("home_dok", "membership_number", "email")}
    found = _messages(check_study(study), "not_identifying")
    assert f"{study / 'study.yml'}:{at['home_dok']}: warning: not_identifying: participants.csv has no column " \
           "'home_dok' (did you mean 'home_dock'?): nothing is kept for it" in found
    assert any(m.startswith(f"{study / 'study.yml'}:{at['membership_number']}: warning: not_identifying: column "
                            "'membership_number' stays redacted") for m in found)
    assert any(m.startswith(f"{study / 'study.yml'}:{at['email']}: warning: not_identifying: column 'email' "
                            "stays redacted") for m in found)
    from kit.privacy import roster

    assert "CM-448812" in roster(str(study)).ids  # fail closed: a header naming an identifier wins


def test_a_declaration_that_is_no_list_is_an_error_and_keeps_nothing(study):
    from kit.check import check_study
    from kit.privacy import roster

    _dock_study(study, "not_identifying: home_dock\n")
    assert [p for p in check_study(study) if p.is_error and "not_identifying must be a list" in p.message]
    assert "DS-0412" in roster(str(study)).ids


# ------------------------------------------------------------------ F21: --force last
@pytest.mark.parametrize("argv", [["run"], ["analyze"], ["themes"], ["lab"], ["export", "--qdpx"]])
def test_a_target_inside_a_report_is_refused_without_suggesting_force(study, tmp_path, capsys, argv):
    from kit.cli import main
    from kit.safety import mark_output

    report = tmp_path / "study-ok-report"
    (report / "tables").mkdir(parents=True)
    (report / "tables" / "themes.csv").write_text("code\n", encoding="utf-8")
    mark_output(report, "run")
    target = report / ("x.qdpx" if argv[0] == "export" else "tables")
    args = [argv[0], str(study)] + (["--qdpx", str(target)] if argv[0] == "export" else ["--out", str(target)])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"refused: it lies inside {report}" in err and "--force" not in err
    assert main(args + ["--force"]) == 2
    assert f"refused: it lies inside {report}" in capsys.readouterr().err


def test_check_output_reports_the_rule_force_cannot_lift_first(tmp_path):
    from kit.safety import UnsafeTarget, check_output, mark_output

    report = tmp_path / "rep"
    (report / "tables").mkdir(parents=True)
    (report / "tables" / "a.csv").write_text("x\n", encoding="utf-8")
    mark_output(report, "run")
    with pytest.raises(UnsafeTarget, match="lies inside") as info:
        check_output(report / "tables", [])
    assert "--force" not in str(info.value)
    # outside a report, a busy folder still suggests --force, and --force lifts it
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UnsafeTarget, match="add --force"):
        check_output(busy, [])
    assert check_output(busy, [], force=True) == busy.resolve()


# ------------------------------------------------------------------ F23: note dates
@pytest.fixture
def dated(study) -> Path:
    shutil.copy(DATA / "dates-INT-004.md", study / "interviews" / "INT-004.md")
    shutil.copy(DATA / "dates-INT-006.md", study / "interviews" / "INT-006.md")
    return study


def test_note_dates_that_disagree_with_the_sheet_are_warned_at_the_date_line(dated):
    from kit.check_dates import date_problems
    from kit.study import load_study

    found = [str(p) for p in date_problems(load_study(dated, strict=False), today=dt.date(2026, 12, 1))]
    int4, int6 = dated / "interviews" / "INT-004.md", dated / "interviews" / "INT-006.md"
    assert f"{int4}:3: warning: the note's date 2026-10-01 differs from P-004's interviewed_on 2026-11-10 " \
           "(participants.csv:5): the report uses the note's date (sample period, cadence, days to a decision); put the " \
           "right date in both" in found
    assert f"{int4}:3: warning: the interview is dated 2026-10-01, before P-004 was invited (invited_on " \
           "2026-11-03, participants.csv:5): check the date" in found
    assert f"{int6}:3: warning: the interview is dated 2027-11-12, 346 days after today (2026-12-01): a completed " \
           "interview cannot be in the future; check the year" in found
    assert any(m.startswith(f"{int6}:3: warning: the note's date 2027-11-12 differs from P-006's") for m in found)
    assert len(found) == 4


def test_dates_that_agree_give_no_warning_and_check_runs_the_date_rules(study, dated):
    from kit.check import check_study
    from kit.check_dates import date_problems
    from kit.study import load_study

    assert date_problems(load_study(STUDY, strict=False), today=dt.date(2026, 12, 1)) == []
    found = _messages(check_study(dated), "the note's date")
    assert len(found) == 2 and all(":3: warning:" in m for m in found)


def test_a_completed_interview_far_ahead_in_the_sheet_is_warned(study):
    from kit.check_dates import date_problems
    from kit.study import load_study

    s = load_study(study, strict=False)
    assert date_problems(s, today=dt.date(2026, 11, 19)) == []  # the last interview is today: fine
    early = [str(p) for p in date_problems(s, today=dt.date(2026, 9, 1))]  # every date two months ahead
    assert f"{study / 'participants.csv'}:2: warning: interviewed_on 2026-11-05 is 65 days after today " \
           "(2026-09-01) for a completed interview: check the year" in early
