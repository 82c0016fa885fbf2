"""The command line: new, analyze, and the contracts scripts rely on."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import kit
from kit.cli import main
from conftest import tree_snapshot, write


def test_new_from_templates_is_a_valid_study(tmp_path, capsys):
    target = tmp_path / "my-study"
    assert main(["new", str(target)]) == 0
    for name in ("study.yml", "guide.yml", "participants.csv", "codebook.yml", "costs.csv", "decisions.csv"):
        assert (target / name).is_file(), name
    assert len(list((target / "interviews").glob("*.md"))) == 1
    assert len(list((target / "transcripts").iterdir())) == 1
    assert (target / "codings").is_dir()
    assert main(["check", str(target)]) == 0
    study = kit.load_study(target)
    assert len(study.interviews) == 1 and len(study.turns) >= 2


def test_new_example_pilot_copies_the_pilot(tmp_path):
    target = tmp_path / "pilot"
    assert main(["new", str(target), "--example", "pilot"]) == 0
    assert tree_snapshot(target) == {k: v for k, v in tree_snapshot(kit.paths.pilot_path()).items()}


def test_new_refuses_a_non_empty_folder(tmp_path, capsys):
    target = tmp_path / "busy"
    write(target / "keep.txt", "mine")
    assert main(["new", str(target)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert tree_snapshot(target) == {"keep.txt": b"mine"}
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["new", str(empty)]) == 0


def test_analyze_writes_the_contract_tables(study_dir, tmp_path, capsys):
    out = tmp_path / "out"
    before = tree_snapshot(study_dir)
    assert main(["analyze", str(study_dir), "--out", str(out)]) == 0
    assert tree_snapshot(study_dir) == before
    turns = pd.read_csv(out / "turns.csv")
    assert list(turns.columns) == ["interview_id", "turn", "speaker", "role", "start", "end", "text", "compound"]
    # participants appear by pseudonymous id, not by the label in the transcript
    assert list(turns["speaker"]) == ["Ana Silva", "P-1", "Ana Silva", "P-1"]
    from nltk.sentiment.vader import SentimentIntensityAnalyzer
    from kit.nltkdata import nltk_analyzer

    sia = nltk_analyzer()
    assert turns["compound"].tolist() == pytest.approx([sia.polarity_scores(t)["compound"] for t in turns["text"]])
    themes = pd.read_csv(out / "themes.csv")
    assert list(themes.columns) == ["code", "participants", "share", "mentions", "mean_compound"]
    row = themes.set_index("code").loc["invite-trouble"]
    # INT-001: turn 4, quote 2 ("spam"); INT-002: quote 1, insight 1 ("invite links", "blocked")
    assert row["participants"] == 2 and row["share"] == 1.0
    work = themes.set_index("code").loc["workaround"]
    assert work["participants"] == 1 and work["share"] == 0.5


def test_analyze_stops_on_bad_input_with_check_messages(study_dir, tmp_path, capsys):
    write(study_dir / "codebook.yml", "codes:\n  - name: a\n    definition: d\n    patterns: ['(']\n")
    assert main(["analyze", str(study_dir), "--out", str(tmp_path / "o")]) == 1
    assert "codebook.yml:4: code 'a': invalid regular expression" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_python_m_kit_and_help():
    proc = subprocess.run([sys.executable, "-m", "kit", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "lint-guide" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "kit"], capture_output=True, text=True)
    assert proc.returncode == 2
