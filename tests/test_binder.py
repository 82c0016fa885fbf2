"""mybinder.org's install, reproduced: a fresh virtual environment, `pip install -r
requirements.txt` run from binder/ (so `-e ..` is the repository), then a notebook run there
with papermill. Slow (a few minutes: the whole stack is installed from the package index)."""
from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow

NOTEBOOK = REPO / "notebooks" / "03-capture.ipynb"


def _clean_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER", "PYTHON", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV"))}
    env.update(INTERVIEW_KIT_DATA=str(tmp_path / "kit-data"), PIP_DISABLE_PIP_VERSION_CHECK="1",
               HOME=os.environ.get("HOME", str(tmp_path)), MPLBACKEND="Agg")
    return env


def test_binder_requirements_install_and_run_a_notebook(tmp_path):
    import nbformat
    requirements = REPO / "binder" / "requirements.txt"
    lines = [line.strip() for line in requirements.read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert "-e .." in lines, "binder installs the kit from the repository"
    runtime = (REPO / "binder" / "runtime.txt").read_text().strip()
    assert runtime.startswith("python-3.")

    env_dir = tmp_path / "binder-venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    env = _clean_env(tmp_path)
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", "requirements.txt"],
                             cwd=REPO / "binder", env=env, capture_output=True, text=True, timeout=1500)
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]

    where = subprocess.run([str(python), "-c", "import kit, papermill, jupyterlab, ipywidgets; print(kit.__file__)"],
                           env=env, capture_output=True, text=True, timeout=300)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).resolve().is_relative_to(REPO / "kit"), "the kit is not the repository's"

    out_dir = tmp_path / "out"
    executed = tmp_path / NOTEBOOK.name
    run = subprocess.run([str(python), "-m", "papermill", str(NOTEBOOK), str(executed), "-k", "python3",
                          "--cwd", str(NOTEBOOK.parent), "-p", "out_dir", str(out_dir), "--no-progress-bar"],
                         env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    nb = nbformat.read(executed, as_version=4)
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
    assert (out_dir / "tables" / "interviews.csv").is_file()
    kernel_python = nb.metadata.get("language_info", {}).get("version", "")
    assert kernel_python.startswith(f"{sys.version_info.major}.")
