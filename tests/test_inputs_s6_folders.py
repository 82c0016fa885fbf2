"""`new` refuses a folder inside a study (an attacker made ex/st/interviews/INT-099.md a study
folder inside a study, which `check` then failed on), a fresh study checks clean, and `check`
of a folder that is no study is an error naming what is missing (a newcomer checked
vetstudy/transcripts and got a warning at a study.yml that does not exist)."""
from __future__ import annotations

import pytest

from kit.check import check_study
from kit.cli import main
from kit.scaffold import ScaffoldError, new_study
from conftest import tree_snapshot, write


def test_a_new_study_checks_clean(tmp_path, capsys):
    assert main(["new", str(tmp_path / "fresh")]) == 0
    capsys.readouterr()
    assert main(["check", str(tmp_path / "fresh")]) == 0
    captured = capsys.readouterr()
    assert "warning" not in captured.out + captured.err
    assert check_study(tmp_path / "fresh") == []


@pytest.mark.parametrize("inside", ["interviews/INT-099.md", "transcripts/sub", "deeper/still/new", "."])
def test_new_inside_a_study_is_refused(tmp_path, capsys, inside):
    study = new_study(tmp_path / "st")
    before = tree_snapshot(study)
    dirs = sorted(p for p in study.rglob("*") if p.is_dir())
    assert main(["new", str(study / inside)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(study) in err
    assert "inside the study" in err or "not empty" in err
    assert tree_snapshot(study) == before and sorted(p for p in study.rglob("*") if p.is_dir()) == dirs
    assert check_study(study) == []


def test_new_inside_a_study_reached_through_a_link_is_refused(tmp_path):
    study = new_study(tmp_path / "st")
    (tmp_path / "link").symlink_to(study / "interviews")
    with pytest.raises(ScaffoldError, match="inside the study"):
        new_study(tmp_path / "link" / "nested")


def test_new_beside_a_study_still_works(tmp_path):
    new_study(tmp_path / "one")
    assert (new_study(tmp_path / "two") / "study.yml").is_file()


def test_check_of_a_subfolder_names_the_study(tmp_path, capsys):
    study = new_study(tmp_path / "vetstudy")
    write(study / "transcripts" / "INT-002.txt", "Rosa Martin: Tell me about last week.\nDana: It went fine.\n")
    assert main(["check", str(study / "transcripts")]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert f"{study / 'transcripts'}: not a study folder" in text and "no study.yml" in text
    assert f"interview-kit check {study}" in text
    assert "study.yml:1" not in text and "Traceback" not in text


def test_check_of_a_folder_with_nothing_of_a_study(tmp_path, capsys):
    (tmp_path / "notes").mkdir()
    write(tmp_path / "notes" / "todo.md", "# things\n")
    assert main(["check", str(tmp_path / "notes")]) == 1
    out = capsys.readouterr().out
    assert "not a study folder" in out and "no study.yml" in out and "interview-kit new" in out


def test_a_folder_of_transcripts_is_still_a_study_and_no_warning_points_at_a_missing_file(tmp_path):
    write(tmp_path / "loose" / "INT-001.txt",
          "Rosa Martin: Tell me about the last time you paid an invoice.\nDana: I paid it late again.\n")
    problems = check_study(tmp_path / "loose")
    assert not [p for p in problems if p.is_error]
    assert all(not p.path.endswith("study.yml") for p in problems)


def test_review_of_a_note_is_a_usage_error(study_dir, capsys):
    assert main(["review", str(study_dir / "interviews" / "INT-001.md")]) == 2
    err = capsys.readouterr().err
    assert "INT-001.md: not a transcript" in err and "an interview note" in err and "Traceback" not in err
    assert main(["review", str(study_dir / "participants.csv"), "--json"]) == 2
    assert "participants.csv: not a transcript" in capsys.readouterr().err
    # a transcript, and a folder of them, are still reviewed
    assert main(["review", str(study_dir / "transcripts" / "INT-001.txt")]) == 0
    assert main(["review", str(study_dir)]) == 0


@pytest.mark.parametrize("name", ["participants.csv", "codebook.yml", "study.yml", "costs.csv",
                                  "transcripts/INT-001.txt.vtt"])
def test_lint_guide_of_another_kind_of_file_is_a_usage_error(study_dir, capsys, name):
    path = study_dir / name
    if not path.exists():
        write(path, "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ana Silva>Tell me about it.\n")
    capsys.readouterr()
    assert main(["lint-guide", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: not a discussion guide" in err and "Traceback" not in err


def test_lint_guide_still_reads_guides(study_dir, tmp_path, capsys):
    guide = write(tmp_path / "questions.txt", "Tell me about the last time you set up a project.\n"
                  "What happened next?\nLooking ahead, what are you planning to do next month?\n")
    assert main(["lint-guide", str(guide)]) in (0, 1)
    assert "not a discussion guide" not in capsys.readouterr().err
