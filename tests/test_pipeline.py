"""`interview-kit run`: notebooks executed, report written, failures named and harmless,
and no participant's name or email in anything shared."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import kit
from kit.errors import StudyError
from kit.pipeline import NotebookFailed, run, workflow_notebooks
from conftest import REPO, tree_snapshot, write

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pilot_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "report"
    index = run(None, out, progress=False)
    return out, index


def test_run_writes_report_and_executed_notebooks(pilot_report):
    out, index = pilot_report
    assert index == out / "index.html" and index.is_file()
    for nb in workflow_notebooks():
        executed = out / "notebooks" / nb.name
        assert executed.is_file() and (out / "notebooks" / f"{nb.stem}.html").is_file()
        cells = nbformat.read(executed, as_version=4).cells
        assert not any(o.get("output_type") == "error" for c in cells for o in c.get("outputs", []))
    html = index.read_text()
    study = kit.load_study(kit.paths.pilot_path())
    assert study.name in html and f"<b>{len(study.interviews)}</b>" in html
    assert (out / "tables" / "talk_ratio.csv").is_file()


def test_shared_outputs_hold_no_names_or_emails(pilot_report):
    out, _ = pilot_report
    people = kit.load_study(kit.paths.pilot_path()).participants
    secrets = [s for s in list(people["name"]) + list(people["email"]) if s]
    assert len(secrets) >= 30
    for path in out.rglob("*"):
        if path.suffix in (".html", ".csv", ".ipynb", ".json"):
            text = path.read_text(encoding="utf-8")
            leaked = [s for s in secrets if s in text]
            assert not leaked, f"{path.name} shows {leaked[:3]}"


def test_quotes_only_from_consenting_participants(pilot_report):
    import pandas as pd

    out, _ = pilot_report
    study = kit.load_study(kit.paths.pilot_path())
    quotes = pd.read_csv(out / "tables" / "quotes.csv")
    assert set(quotes["participant"]) <= study.consenting()
    refused = study.quotes[~study.quotes["consent_quote"]]
    assert len(refused) > 0 and not set(refused["segment_id"]) & set(quotes["segment_id"])


def _broken_notebooks(tmp_path) -> list[Path]:
    folder = tmp_path / "nbs"
    folder.mkdir()
    good = folder / "01-good.ipynb"
    shutil.copy(REPO / "notebooks" / "03-capture.ipynb", good)
    nb = nbformat.read(good, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise ValueError('the codebook exploded')"))
    bad = folder / "02-bad.ipynb"
    nbformat.write(nb, bad)
    return [good, bad]


def test_failed_notebook_is_named_and_previous_report_kept(tmp_path):
    out = tmp_path / "report"
    write(out / "index.html", "the last good report")
    before = tree_snapshot(out)
    with pytest.raises(NotebookFailed) as err:
        run(None, out, notebooks=_broken_notebooks(tmp_path), progress=False)
    code_cells = sum(c.cell_type == "code" for c in nbformat.read(REPO / "notebooks" / "03-capture.ipynb", as_version=4).cells)
    assert err.value.notebook == "02-bad.ipynb"
    assert err.value.cell == code_cells + 1
    assert "the codebook exploded" in str(err.value)
    assert tree_snapshot(out) == before
    partial = tmp_path / "report.failed" / "notebooks" / "02-bad.ipynb"
    assert partial.is_file() and err.value.partial == partial
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name]


def test_study_errors_stop_before_any_notebook(study_dir, tmp_path):
    write(study_dir / "codings" / "ana.csv", "segment,code\nINT-001#t2,ghost\n")
    out = tmp_path / "out"
    with pytest.raises(StudyError):
        run(study_dir, out, progress=False)
    assert not out.exists()


def test_cli_run_prints_the_report_path(tmp_path, study_dir):
    out = tmp_path / "r"
    proc = subprocess.run([sys.executable, "-m", "kit", "run", str(study_dir), "--out", str(out), "--quiet"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == str(out / "index.html")
    assert "Onboarding" in (out / "index.html").read_text()


def test_cli_run_on_a_broken_study_exits_1_without_traceback(tmp_path, study_dir):
    write(study_dir / "participants.csv", "id,status\nP-1,maybe\n")
    proc = subprocess.run([sys.executable, "-m", "kit", "run", str(study_dir), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1
    assert "participants.csv:2: unknown status 'maybe'" in proc.stderr
    assert "Traceback" not in proc.stderr
