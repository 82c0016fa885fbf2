"""participants.csv's standard columns whatever their case and spacing (round2-faults.md B4)."""
from __future__ import annotations

import shutil
from pathlib import Path

from kit.study import load_study
from kit.study_columns import fold_column, read_participant_rows

DATA = Path(__file__).parent / "data" / "notes2"
PILOT = Path(__file__).resolve().parents[1] / "kit" / "data" / "pilot"


def test_the_attackers_capitalised_header_is_read_as_the_standard_columns():
    rows, columns, problems = read_participant_rows(DATA / "f1-participants-capitalised-header.csv")
    assert columns[:3] == ["id", "name", "email"] and problems == []
    assert rows[0]["name"] == "Jordan Quixley" and rows[1]["email"] == "casey@example.org"


def test_folding_names():
    assert fold_column(" Consent Quote ") == "consent_quote"
    assert fold_column("EMAIL") == "email" and fold_column("interviewed-on") == "interviewed_on"


def _pilot_with_header(tmp_path, header):
    study = tmp_path / "pilot"
    shutil.copytree(PILOT, study)
    lines = (study / "participants.csv").read_text(encoding="utf-8").splitlines()
    (study / "participants.csv").write_text("\n".join([header] + lines[1:]) + "\n", encoding="utf-8")
    return study


def test_a_study_reads_consent_and_names_whatever_the_header_case(tmp_path):
    header = "ID,Name,EMAIL,segment,region,company_size,Channel,Status,invited_on,scheduled_on,Interviewed On, consent_record , Consent_Quote "
    odd = load_study(_pilot_with_header(tmp_path / "a", header))
    plain = load_study(PILOT)
    assert list(odd.participants["consent_quote"]) == list(plain.participants["consent_quote"])
    assert list(odd.participants["name"]) == list(plain.participants["name"])
    assert list(odd.participants["status"]) == list(plain.participants["status"])
    assert len(odd.quotes) == len(plain.quotes)
    assert [p for p in odd.problems if p.path.endswith("participants.csv")] == \
        [p for p in plain.problems if p.path.endswith("participants.csv")]


def test_two_columns_folding_to_one_name_are_a_warning_and_both_kept(tmp_path):
    header = "id,Name,email,segment,region,company_size,channel,status,invited_on,scheduled_on,interviewed_on,consent_record,name"
    study = load_study(_pilot_with_header(tmp_path, header))
    warned = [p for p in study.problems if p.path.endswith("participants.csv") and "'Name', 'name'" in p.message]
    assert [(p.line, p.level) for p in warned] == [(1, "warning")]
    assert "Name" in study.participants.columns  # kept under its own header
    # The exact 'name' column is the one read; here it holds the consent cells.
    assert set(study.participants["name"]) <= {"yes", "no"}


def test_no_id_column_is_still_an_error(tmp_path):
    (tmp_path / "participants.csv").write_text("Who,Email\nx,y\n", encoding="utf-8")
    _, _, problems = read_participant_rows(tmp_path / "participants.csv")
    assert [(p.line, p.is_error, "missing column(s): id" in p.message) for p in problems] == [(1, True, True)]


def test_a_syntax_error_in_study_yml_does_not_hide_its_other_problems(tmp_path):
    """B3 by kind: a tab in study.yml no longer leaves the whole file unread."""
    study = tmp_path / "pilot"
    shutil.copytree(PILOT, study)
    text = (study / "study.yml").read_text(encoding="utf-8")
    assert "\nformat: micro" in text
    lines = text.replace("\nformat: micro", "\nformat: huge").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("sprint:"))
    lines[at] = "\t" + lines[at]
    (study / "study.yml").write_text("\n".join(lines), encoding="utf-8")
    loaded = load_study(study, strict=False)
    mine = [p for p in loaded.problems if p.path.endswith("study.yml") and p.is_error]
    assert [p.line for p in mine if "tab" in p.message] == [at + 1]
    assert any("format must be micro or full, not 'huge'" in p.message for p in mine)
    assert loaded.config["research_question"] == load_study(PILOT).config["research_question"]
    assert str(loaded.config["sprint"]) == lines[at].split(":", 1)[1].strip()  # the tabbed key is still read


def test_a_coding_files_standard_columns_are_read_whatever_their_case(tmp_path):
    study = tmp_path / "pilot"
    shutil.copytree(PILOT, study)
    path = study / "codings" / "maya.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join([" Segment ,CODE,Coder,Memo"] + lines[1:]), encoding="utf-8")
    odd, plain = load_study(study, strict=False), load_study(PILOT)
    assert len(odd.codings) == len(plain.codings) > 0
    assert sorted(odd.codings["coder"].unique()) == sorted(plain.codings["coder"].unique())
    assert not [p for p in odd.problems if p.path.endswith("maya.csv")]
