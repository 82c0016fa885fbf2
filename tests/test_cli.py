"""The command line: new, analyze, and the contracts scripts rely on."""
from __future__ import annotations

import subprocess
from pathlib import Path
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
    assert list(turns.columns) == ["interview_id", "turn", "speaker", "role", "start", "end", "text", "language",
                                   "compound"]
    # participants appear by pseudonymous id, not by the label in the transcript
    assert list(turns["speaker"]) == ["Ana Silva", "P-1", "Ana Silva", "P-1"]
    from kit.nltkdata import nltk_analyzer

    sia = nltk_analyzer()
    assert turns["compound"].tolist() == pytest.approx([sia.polarity_scores(t)["compound"] for t in turns["text"]])
    themes = pd.read_csv(out / "themes.csv")
    # the contract's columns first, then where each count comes from (kit.themes.THEME_COLUMNS)
    assert list(themes.columns)[:5] == ["code", "participants", "share", "mentions", "mean_compound"]
    assert "unscored" in themes.columns  # mentions left out of the mean (no scorer for their language)
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


@pytest.mark.slow  # 1-1.7 s: keeps the fast gate under two minutes
def test_python_m_kit_and_help():
    proc = subprocess.run([sys.executable, "-m", "kit", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "lint-guide" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "kit"], capture_output=True, text=True)
    assert proc.returncode == 2


def test_export_writes_valid_refi_qda(study_dir, tmp_path, capsys):
    from kit.qdpx import import_qdpx, validate

    qdpx, qdc = tmp_path / "s.qdpx", tmp_path / "s.qdc"
    assert main(["export", str(study_dir), "--qdpx", str(qdpx), "--qdc", str(qdc)]) == 0
    assert validate(qdpx) == [] and validate(qdc) == []
    codings, problems = import_qdpx(qdpx, kit.load_study(study_dir))
    assert problems == []
    assert sorted(zip(codings["segment"], codings["code"])) == sorted(
        zip(kit.load_study(study_dir).codings["segment"], kit.load_study(study_dir).codings["code"]))
    assert main(["export", str(study_dir)]) == 2


def test_review_json_contract(pilot_dir, capsys):
    import json

    path = pilot_dir / "transcripts" / "INT-009.txt"
    assert main(["review", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["interviewer"] == ["Interviewer"]
    turns = kit.load_study(pilot_dir).turns
    mine = turns[turns["interview_id"] == "INT-009"]
    words = mine["text"].str.split().str.len()
    assert data["talk_ratio"] == pytest.approx(words[mine["role"] == "interviewer"].sum() / words.sum(), abs=5e-4)
    assert data["questions"] and all({"text", "start", "kind", "flags"} <= set(q) for q in data["questions"])
    assert data["questions"][0]["kind"] == "story"


def test_lint_guide_cli(tmp_path, capsys):
    import json

    guide = write(tmp_path / "g.txt", "Tell me about the last time you paid a supplier.\n"
                                      "Would you use an app to split bills?\n")
    assert main(["lint-guide", str(guide), "--json"]) == 1
    data = [d for d in json.loads(capsys.readouterr().out) if d["question"] is not None]  # then the findings
    assert [d["question"] for d in data] == ["Tell me about the last time you paid a supplier.",
                                             "Would you use an app to split bills?"]
    assert data[0]["flags"] == [] and "hypothetical" in data[1]["flags"] and data[1]["suggestion"]
    assert main(["lint-guide", str(tmp_path / "missing.yml")]) == 2


def test_analyze_in_parallel_writes_the_same_tables(study_dir, tmp_path, monkeypatch):
    import kit.analyze as analyze_mod
    from kit.analyze import analyze

    serial = analyze(study_dir, tmp_path / "serial")
    monkeypatch.setattr(analyze_mod, "PARALLEL_TEXTS", 1)
    monkeypatch.setattr(analyze_mod, "free_cores", lambda most=4: 2)  # even on a busy machine
    parallel = analyze(study_dir, tmp_path / "parallel")
    for name in serial:
        assert serial[name].read_bytes() == parallel[name].read_bytes(), name


def test_analyze_writes_program_json(pilot_dir, tmp_path, capsys):
    import json

    from kit.program import program_summary

    assert main(["analyze", str(pilot_dir), "--out", str(tmp_path), "--as-of", "2026-11-20", "--quiet"]) == 0
    program = json.loads((tmp_path / "program.json").read_text())
    for key in ("participation_rate", "interviews_completed", "diversity", "total_cost", "total_value", "roi",
                "median_days_insight_to_action", "open_actions", "overdue_actions"):
        assert key in program, key
    study = kit.load_study(pilot_dir)
    assert program["interviews_completed"] == 18
    # the pilot's ledgers, summed independently
    assert program["total_cost"] == pytest.approx(study.costs["amount"].sum())
    # a decision citing an interview held after it is left out of the value (kit.roi.value_basis)
    held = dict(zip(study.interviews["interview_id"], study.interviews["date"]))
    counted = [d.estimated_value for d in study.decisions.itertuples()
               if all(held.get(str(e).split("#")[0], d.date) <= d.date for e in d.evidence)]
    assert 0 < len(counted) < len(study.decisions)
    assert program["total_value"] == pytest.approx(sum(counted))
    assert program["roi"] == pytest.approx((program["total_value"] - program["total_cost"]) / program["total_cost"],
                                           abs=1e-4)  # rounded to 4 places
    assert program == json.loads(json.dumps(program_summary(study, "2026-11-20"), default=str))


def test_index_and_search_commands(tmp_path, capsys):
    import json

    from kit.repository import example_repository

    repo = example_repository(tmp_path / "repo")
    assert main(["index", str(repo)]) == 0
    assert (repo / ".interview-kit" / "index.sqlite").is_file()
    capsys.readouterr()
    assert main(["search", str(repo), "late payment", "--json", "--since", "2026-10-20"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all(str(h["date"]) >= "2026-10-20" for h in hits)
    assert all("late" in json.dumps(h).lower() for h in hits)


def test_recruit_dry_run_writes_nothing_and_apply_appends(tmp_path, capsys):
    study = tmp_path / "study"
    assert main(["new", str(study), "--example", "pilot"]) == 0
    yml = study / "study.yml"
    yml.write_text(yml.read_text().replace("quotas: {freelancer: 6,", "quotas: {freelancer: 15,"))
    pool = kit.paths.PACKAGE_DIR / "data" / "sprints" / "pool.csv"
    before = (study / "participants.csv").read_bytes()
    capsys.readouterr()
    assert main(["recruit", str(pool), "--study", str(study), "--n", "2", "--seed", "3"]) == 0
    dry = capsys.readouterr().out
    assert "fills quota freelancer" in dry
    assert (study / "participants.csv").read_bytes() == before
    assert main(["recruit", str(pool), "--study", str(study), "--n", "2", "--seed", "3", "--apply"]) == 0
    after = (study / "participants.csv").read_bytes()
    assert after.startswith(before) and after.count(b"\n") == before.count(b"\n") + 2
    assert main(["check", str(study)]) == 0


# -- printed problems name a redacted file so the user can find it (newcomer report #8) ------------
NEWCOMER = Path(__file__).resolve().parent / "data" / "newcomer" / "library-holds"


def test_check_names_a_file_with_a_participants_name_by_its_interview(tmp_path, capsys):
    import shutil

    study = tmp_path / "library-holds"
    shutil.copytree(NEWCOMER, study)
    with open(study / "transcripts" / "jo_bell.txt", "a", encoding="utf-8") as f:
        f.write("\nTranscribed by https://otter.ai\n")
    assert main(["check", str(study)]) == 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if "otter.ai" in ln)
    assert line.startswith(f"{study}/transcripts/[name].txt:13: warning:")
    assert "([name].txt is the transcript of LIB-1; --include-names shows the file name)" in line
    assert "jo_bell" not in out.lower()
    assert main(["check", str(study), "--include-names"]) == 0
    out = capsys.readouterr().out
    assert f"{study}/transcripts/jo_bell.txt:13: warning:" in out and "[name]" not in out


def test_review_command_line_hides_names_unless_asked(capsys):
    path = str(NEWCOMER / "transcripts" / "jo_bell.txt")
    assert main(["review", path, "--interviewer", "Kim Olsen", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"L-01"' in out and "jo_bell" not in out and "Jo Bell" not in out
    assert main(["review", path, "--interviewer", "Kim Olsen", "--json", "--include-names"]) == 0
    assert '"Jo Bell"' in capsys.readouterr().out


def test_every_printing_command_hides_roster_names(tmp_path, capsys):
    """lint-guide (a guide that greets a participant by name), recruit (a pool with names and
    emails) and the error lines of any command print as working outputs."""
    import shutil

    study = tmp_path / "library-holds"
    shutil.copytree(NEWCOMER, study)
    guide = study / "guide.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace(
        "Tell me about the last time you placed a hold.",
        "Hi Jo Bell, tell me about the last time you placed a hold."), encoding="utf-8")
    for extra in ([], ["--json"]):
        main(["lint-guide", str(guide), *extra])
        out = capsys.readouterr().out
        assert "tell me about the last time you placed a hold" in out.lower()
        assert "jo bell" not in out.lower() and "[name]" in out
    # an error message that quotes a file whose name holds a participant's name
    code = main(["themes", str(study), "--out", str(study / "transcripts" / "jo_bell_themes")])
    err = capsys.readouterr().err
    assert code == 2 and "jo_bell" not in err.lower()


def test_recruit_prints_no_name_or_email_of_the_pool(tmp_path):
    """The printer of `recruit` knows the pool's people as well as the study's roster, so a
    message quoting a pool line (or anything else) hides them."""
    import argparse

    from kit.cli import _say

    pool = tmp_path / "pool.csv"
    pool.write_text("id,name,email,segment\nC-9,Greta Lindqvist,greta.l@example.org,student\n", encoding="utf-8")
    args = argparse.Namespace(command="recruit", pool=str(pool), study=str(NEWCOMER), repo=None)
    text = _say(args).clean("pool.csv:2: Greta Lindqvist (greta l at example dot org) and Jo Bell, jo.bell@example.com")
    assert text == "pool.csv:2: [name] ([email]) and [name], [email]"
