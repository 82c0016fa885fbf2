"""3. A command given no study folder, run inside a study folder, uses that study (and says
so), and the bundled pilot's outputs are never written into a user's study."""
import shutil
from pathlib import Path

import pytest

from kit.cli import main
from kit.paths import pilot_path

STUDY = Path(__file__).parent / "data" / "newcomer-fintech" / "study"


@pytest.fixture
def study(tmp_path):
    return Path(shutil.copytree(STUDY, tmp_path / "getting-paid"))


@pytest.fixture
def fake_run(monkeypatch):
    """kit.pipeline.run without the notebooks: records what it was asked to run."""
    calls = []

    def run(study_dir=None, out_dir=None, **kw):
        calls.append((Path(study_dir).resolve(), Path(out_dir).resolve()))
        return Path(out_dir) / "index.html"

    monkeypatch.setattr("kit.pipeline.run", run)
    return calls


def test_run_in_a_study_folder_runs_that_study_beside_it(study, monkeypatch, capsys, fake_run):
    monkeypatch.chdir(study)
    assert main(["run", "--quiet"]) == 0
    assert fake_run == [(study.resolve(), (study.parent / "getting-paid-report").resolve())]
    err = capsys.readouterr().err
    assert err.count("using the study in the current folder") == 1 and str(study) in err
    assert not (study / "report").exists()


def test_analyze_in_a_study_folder_reads_that_study(study, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(study)
    assert main(["analyze", "--out", str(tmp_path / "tables"), "--quiet"]) == 0
    codes = (tmp_path / "tables" / "themes.csv").read_text(encoding="utf-8")
    assert "accountant" in codes and "family-help" in codes  # the fintech codebook, not the pilot's
    assert "using the study in the current folder" in capsys.readouterr().err


def test_check_in_a_study_folder_checks_that_study(study, monkeypatch, capsys):
    monkeypatch.chdir(study)
    main(["check"])
    captured = capsys.readouterr()
    assert "using the study in the current folder" in captured.err
    assert str(pilot_path()) not in captured.out + captured.err


def test_the_pilot_never_writes_into_a_study(study, monkeypatch, capsys, fake_run):
    inside = study / "interviews"  # no study.yml here, but inside a study
    monkeypatch.chdir(inside)
    assert main(["run", str(pilot_path()), "--quiet"]) == 2
    assert fake_run == [] and not (inside / "report").exists()
    assert "your study folder" in capsys.readouterr().err
    assert main(["analyze", str(pilot_path()), "--out", "tables", "--quiet"]) == 2
    assert not (inside / "tables").exists()


def test_a_subfolder_of_a_study_means_that_study(study, monkeypatch, capsys, fake_run):
    """A newcomer ran `check` in study/transcripts: it checked the bundled pilot and said
    "0 error(s)"; `analyze --out X` there wrote the pilot's tables."""
    inside = study / "interviews"
    monkeypatch.chdir(inside)
    main(["check"])
    captured = capsys.readouterr()
    assert "using the study the current folder lies in" in captured.err and str(study) in captured.err
    assert str(pilot_path()) not in captured.out + captured.err
    assert main(["run", "--quiet"]) == 0
    assert fake_run == [(study.resolve(), (study.parent / "getting-paid-report").resolve())]
    assert main(["analyze", "--out", "tables", "--quiet"]) == 2  # inside the study: refused
    assert not (inside / "tables").exists()


def test_outside_any_study_the_pilot_is_named(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    main(["check"])
    err = capsys.readouterr().err
    assert "not in one: using the bundled pilot" in err and str(pilot_path()) in err


def test_a_fresh_clone_still_runs_the_pilot(tmp_path, monkeypatch, capsys, fake_run):
    monkeypatch.chdir(tmp_path)  # the repository root of a fresh clone holds no study.yml
    assert main(["run", "--quiet"]) == 0
    assert fake_run == [(pilot_path().resolve(), (tmp_path / "report").resolve())]
    assert "using the study" not in capsys.readouterr().err
