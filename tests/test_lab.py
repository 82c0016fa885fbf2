"""`interview-kit lab`: a working copy of the notebooks bound to a study, opened in JupyterLab;
the kit's own notebooks never edited, nothing written into the study."""
from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from kit.cli import main
from kit.paths import notebooks_path
from kit.pipeline import own_kernel
from kit.cli.lab import LabError, bind_parameters, lab_command, lab_copy
from conftest import tree_snapshot


def _parameters(path):
    import nbformat
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    values = {}
    exec(cell.source, {}, values)
    return nb, cell, values


def test_bind_parameters_replaces_only_the_values():
    source = 'study_dir = ""  # the study\nout_dir = ""\nsprint = "S1"  # keep\ncount = 3'
    bound = bind_parameters(source, {"study_dir": '/data/my "odd" study', "out_dir": "/tmp/ö/out"})
    values = {}
    exec(bound, {}, values)
    assert values == {"study_dir": '/data/my "odd" study', "out_dir": "/tmp/ö/out", "sprint": "S1", "count": 3}
    assert bound.splitlines()[0].endswith("# the study") and bound.splitlines()[2] == 'sprint = "S1"  # keep'
    with pytest.raises(LabError, match="no out_dir"):
        bind_parameters('study_dir = ""', {"study_dir": "x", "out_dir": "y"})


def test_lab_copies_every_notebook_bound_to_the_study(study_dir, capsys):
    originals = tree_snapshot(notebooks_path())
    before = tree_snapshot(study_dir)
    assert main(["lab", str(study_dir), "--dry-run"]) == 0
    copy = study_dir.parent / "study-notebooks"
    command = capsys.readouterr().out.strip()
    assert command == " ".join(lab_command(copy)) and f"--ServerApp.root_dir={copy}" in command
    shipped = sorted(p.relative_to(notebooks_path()) for p in notebooks_path().rglob("*.ipynb"))
    assert sorted(p.relative_to(copy) for p in copy.rglob("*.ipynb")) == shipped
    for rel in shipped:
        nb, cell, values = _parameters(copy / rel)
        assert values["study_dir"] == str(study_dir.resolve()) and values["out_dir"] == str(copy / "output")
        assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")  # no pilot outputs
        _, original_cell, original = _parameters(notebooks_path() / rel)
        assert {k: v for k, v in values.items() if k not in ("study_dir", "out_dir")} == \
               {k: v for k, v in original.items() if k not in ("study_dir", "out_dir")}
    assert tree_snapshot(notebooks_path()) == originals
    assert tree_snapshot(study_dir) == before


def test_an_existing_copy_is_kept_and_completed(study_dir, tmp_path):
    target = tmp_path / "mine"
    lab_copy(study_dir, target)
    edited = target / "03-capture.ipynb"
    edited.write_text(edited.read_text().replace("study_dir", "study_dir", 1) + "\n")
    mine = edited.read_bytes()
    (target / "05-sentiment.ipynb").unlink()
    again, written = lab_copy(study_dir, target)
    assert again == target and written == [target / "05-sentiment.ipynb"]
    assert edited.read_bytes() == mine


def test_the_copy_never_goes_into_the_study(study_dir, tmp_path, capsys):
    for target in (study_dir, study_dir / "notebooks", study_dir.parent):
        assert main(["lab", str(study_dir), "--out", str(target), "--dry-run"]) == 2
        err = capsys.readouterr().err
        assert "refused" in err and "the study" in err
    assert not (study_dir / "notebooks").exists()
    assert main(["lab", str(tmp_path / "missing"), "--dry-run"]) == 2
    assert "no such study folder" in capsys.readouterr().err


def test_without_a_study_the_copy_uses_the_bundled_pilot(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target, written = lab_copy()
    assert target == tmp_path / "interview-kit-notebooks" and len(written) >= 12
    _, _, values = _parameters(target / "03-capture.ipynb")
    assert values["study_dir"] == ""


@pytest.mark.slow
def test_a_bound_notebook_runs_on_the_study_without_parameters(study_dir, tmp_path):
    import papermill as pm
    before = tree_snapshot(study_dir)
    target, _ = lab_copy(study_dir, tmp_path / "copy")
    with own_kernel() as kernel:
        pm.execute_notebook(str(target / "03-capture.ipynb"), str(tmp_path / "ran.ipynb"), kernel_name=kernel,
                            progress_bar=False, cwd=str(target))
    ratios = (target / "output" / "tables" / "talk_ratio.csv").read_text().splitlines()
    assert ratios[0].startswith("interview_id,") and ratios[1].startswith("INT-001,")  # the study's, not the pilot's
    assert len(ratios) == 2
    assert tree_snapshot(study_dir) == before


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_jupyterlab_serves_the_working_copy(study_dir, tmp_path):
    target, _ = lab_copy(study_dir, tmp_path / "copy")
    port, token = _free_port(), secrets.token_hex(8)
    command = lab_command(target, open_browser=False) + [
        f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", "--ServerApp.ip=127.0.0.1"]
    assert ("--allow-root" in command) == (os.geteuid() == 0)  # JupyterLab refuses root without it
    assert command[:3] == [sys.executable, "-m", "jupyterlab"] and "--no-browser" in command
    server = subprocess.Popen(command, cwd=target, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents?token={token}", timeout=5) as r:
                    listing = json.load(r)
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "JupyterLab did not answer"
                time.sleep(1)
        names = {item["name"] for item in listing["content"]}
        assert {"01-guide-design.ipynb", "08-sprint-report.ipynb", "training"} <= names
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=10) as r:
            assert r.status == 200 and b"JupyterLab" in r.read()
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.mark.parametrize("root", [True, False])
def test_the_lab_command_allows_root_only_as_root(tmp_path, monkeypatch, root):
    """Newcomer #15: as root JupyterLab refuses to start without --allow-root."""
    monkeypatch.setattr(os, "geteuid", lambda: 0 if root else 1000)
    assert ("--allow-root" in lab_command(tmp_path)) is root
    assert ("--allow-root" in lab_command(tmp_path, as_root=True)) and "--allow-root" not in \
        lab_command(tmp_path, as_root=False)


def test_a_jupyterlab_failure_is_exit_2_with_its_message(study_dir, tmp_path, monkeypatch, capsys):
    """Not exit 1 (problems in the study's files): exit 2 with the server's own message."""
    import kit.cli.lab

    script = ("import sys; print('[C 12:00:00 ServerApp] Running as root is not recommended. "
              "Use --allow-root to bypass.', file=sys.stderr); sys.exit(1)")
    monkeypatch.setattr(kit.cli.lab, "lab_command", lambda target, open_browser=True: [sys.executable, "-c", script])
    assert main(["lab", str(study_dir), "--out", str(tmp_path / "copy"), "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert "exit code 1" in err and "Running as root is not recommended" in err
    assert "--allow-root" in err.splitlines()[-1] and "ordinary user" in err.splitlines()[-1]


def test_a_jupyterlab_stopped_by_the_user_is_exit_0(study_dir, tmp_path, monkeypatch):
    import kit.cli.lab

    monkeypatch.setattr(kit.cli.lab, "lab_command",
                        lambda target, open_browser=True: [sys.executable, "-c", "print('Shutting down')"])
    assert main(["lab", str(study_dir), "--out", str(tmp_path / "copy"), "--no-browser"]) == 0
