"""The ordinary install: the wheel built from the repository carries every file the commands
need, and installed without ``-e`` into a fresh virtual environment it works from an unrelated
folder; the shipped schedules (templates/schedule/: the cron line and the CI workflow) replayed
against that install publish a report.

Slow. The fresh venv gets the wheel (``--no-deps``); its dependencies come from the test's own
environment through a path file, so nothing is downloaded except what pip's build isolation
needs to build the wheel (setuptools, wheel; usually from pip's cache).
"""
from __future__ import annotations

import os
import shutil
import site
import stat
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import REPO

SCHEDULE = REPO / "templates" / "schedule"


# --- fast: the layout the install relies on --------------------------------------------------

def _quick_start() -> list[str]:
    text = (REPO / "README.md").read_text()
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```")
    return [line for line in blocks[1].splitlines()[1:] if line.strip()]


def test_quick_start_is_two_commands_and_ci_runs_both_tiers():
    commands = _quick_start()
    assert len(commands) == 2 and commands[0].endswith("interview-kit run") and "pip install . " in commands[0]
    assert commands[1].endswith("python -m pytest")
    ci = (REPO / ".ci" / "run").read_text().splitlines()
    assert commands[1] in ci, ".ci/run must run the README's test command verbatim"
    slow = [i for i, line in enumerate(ci) if "pytest -m slow" in line]
    assert slow and min(slow) > ci.index(commands[1])
    assert all("[ $? -eq 5 ]" in ci[i] for i in slow)  # a tier that selects nothing is no failure
    agg = [line for line in ci if line.startswith("MPLBACKEND=Agg ")]
    assert agg and "pytest -m \"\" notebooks" in agg[0] and "$?" not in agg[0]  # nbval under Agg, not skippable
    # the default run does not load nbval (pyproject: -p no:nbval): the lines that check notebooks load it
    nbval = "-p nbval --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg"
    assert all(nbval in ci[i] for i in slow) and nbval in agg[0]
    assert "nbval" not in commands[1]
    import tomllib

    addopts = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["addopts"]
    assert "-p no:nbval" in addopts and "--nbval" not in addopts


def test_every_package_of_the_kit_is_in_the_wheel():
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = set(config["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "kit").rglob("__init__.py")}
    assert found <= packages, sorted(found - packages)
    assert config["package-dir"] == {"kit.notebooks": "notebooks", "kit.templates": "templates"}


def test_paths_find_the_shipped_folders_installed_or_in_a_checkout(tmp_path, monkeypatch):
    import kit.paths as paths

    assert (paths.notebooks_path() / "04-coding.ipynb").is_file()
    assert (paths.templates_path() / "report" / "index.html.j2").is_file()
    site = tmp_path / "site-packages"  # an install: the folders inside the package
    (site / "kit" / "notebooks").mkdir(parents=True)
    (site / "kit" / "templates").mkdir()
    (site / "notebooks").mkdir()  # a stray folder of that name in site-packages is never used
    monkeypatch.setattr(paths, "PACKAGE_DIR", site / "kit")
    monkeypatch.setattr(paths, "REPO_DIR", site)
    assert paths.notebooks_path() == site / "kit" / "notebooks"
    assert paths.templates_path() == site / "kit" / "templates"
    checkout = tmp_path / "checkout"  # a checkout: beside kit/, next to pyproject.toml
    (checkout / "kit").mkdir(parents=True)
    (checkout / "notebooks").mkdir()
    monkeypatch.setattr(paths, "PACKAGE_DIR", checkout / "kit")
    monkeypatch.setattr(paths, "REPO_DIR", checkout)
    with pytest.raises(FileNotFoundError, match="reinstall"):
        paths.notebooks_path()
    (checkout / "pyproject.toml").write_text("")
    assert paths.notebooks_path() == checkout / "notebooks"
    with pytest.raises(FileNotFoundError, match="templates"):
        paths.templates_path()


def test_a_saved_figure_shows_as_its_png_on_any_backend(tmp_path, monkeypatch):
    import matplotlib.pyplot as plt
    import IPython
    import IPython.display

    from kit import plots

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: shown.append(obj))
    fig = plots.empty_figure("Nothing yet", "no interviews")
    plots.save(fig, tmp_path / "a.png")  # outside a kernel: saved, nothing shown
    assert shown == [] and plt.fignum_exists(fig.number)

    class Kernel:
        kernel = object()

    monkeypatch.setattr(IPython, "get_ipython", lambda: Kernel())
    plots.save(fig, tmp_path / "b.png")
    (image,) = shown
    assert isinstance(image, IPython.display.Image) and image.data == (tmp_path / "b.png").read_bytes()
    assert repr(image).startswith("<IPython.core.display.Image object")
    assert not plt.fignum_exists(fig.number)  # closed: no backend-specific figure output follows


# --- slow: build, install, run ----------------------------------------------------------------

def _sources(dest: Path) -> Path:
    """A clean copy of the repository's tracked files (no build/, egg-info or local junk)."""
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True)
    if listed.returncode == 0 and listed.stdout:
        for name in listed.stdout.decode().split("\0"):
            if name and (REPO / name).is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(REPO / name, dest / name)
    else:
        shutil.copytree(REPO, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", ".venv", "__pycache__", "test-artifacts", ".ipynb_checkpoints"))
    return dest


def _clean_env(home: Path, path_first: Path | None = None) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "JUPYTER", "PIP_REQUIRE_VIRTUALENV", "INTERVIEW_KIT"))}
    env.update(INTERVIEW_KIT_DATA=str(home / "kit-data"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    if path_first is not None:
        env["PATH"] = str(path_first) + os.pathsep + env.get("PATH", "")
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    src = _sources(root / "src")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(root / "dist"), str(src)],
                           capture_output=True, text=True, timeout=900, env=_clean_env(root))
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (path,) = (root / "dist").glob("interview_kit-*.whl")
    return path


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv holding the wheel (not editable); returns its bin/ folder."""
    env_dir = tmp_path_factory.mktemp("fresh") / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                             capture_output=True, text=True, timeout=600, env=_clean_env(env_dir))
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    # the dependencies: this environment's site-packages, appended after the venv's own (a plain
    # path line: the editable install of the checkout there is not activated)
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    ours = [p for p in dict.fromkeys(site.getsitepackages() + [sysconfig.get_paths()["purelib"]]) if Path(p).is_dir()]
    (Path(purelib) / "zz_test_dependencies.pth").write_text("\n".join(ours) + "\n")
    # and the data files those dependencies installed beside site-packages (nbconvert's
    # templates, JupyterLab's app folder, server extension config), as installing them would
    for data in ("share/jupyter", "etc/jupyter"):
        if (Path(sys.prefix) / data).is_dir():
            (env_dir / data).parent.mkdir(parents=True, exist_ok=True)
            (env_dir / data).symlink_to(Path(sys.prefix) / data, target_is_directory=True)
    return bindir


@pytest.mark.slow
def test_the_wheel_carries_what_the_commands_need(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, inside in (("notebooks", "kit/notebooks"), ("templates", "kit/templates"),
                           ("kit/data", "kit/data")):
        shipped = {f"{inside}/{p.relative_to(REPO / folder).as_posix()}" for p in (REPO / folder).rglob("*")
                   if p.is_file() and ".ipynb_checkpoints" not in p.parts and "__pycache__" not in p.parts}
        assert shipped and shipped <= names, sorted(shipped - names)[:5]
    for needed in ("kit/notebooks/04-coding.ipynb", "kit/notebooks/training/question-craft.ipynb",
                   "kit/templates/report/index.html.j2", "kit/templates/schedule/crontab",
                   "kit/templates/schedule/sprint-report.yml", "kit/templates/study.yml",
                   "kit/data/pilot/study.yml", "kit/data/sprints/README.md", "kit/data/refi-qda/Project.xsd"):
        assert needed in names
    assert not [n for n in names if n.endswith((".orig", ".pyc")) or "/build/" in n]
    print(f"wheel {wheel.name}: {len(names)} files")


def _run(bindir: Path, args, cwd: Path, **kw):
    return subprocess.run([str(bindir / "interview-kit"), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=900, env=_clean_env(cwd, bindir), **kw)


@pytest.mark.slow
def test_commands_work_from_an_unrelated_folder(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(installed / "python"), "-c", "import kit, kit.paths as p; "
                            "print(kit.__file__); print(p.notebooks_path()); print(p.templates_path())"],
                           cwd=elsewhere, capture_output=True, text=True, env=_clean_env(elsewhere))
    assert where.returncode == 0, where.stderr
    prefix = installed.parent.resolve()
    for line in where.stdout.split():
        assert Path(line).resolve().is_relative_to(prefix), f"{line} is not the installed wheel's"

    made = _run(installed, ["new", "my-study"], elsewhere)
    assert made.returncode == 0, made.stderr
    assert (elsewhere / "my-study" / "interviews" / "INT-001.md").is_file()
    assert _run(installed, ["new", "pilot", "--example", "pilot"], elsewhere).returncode == 0
    assert len(list((elsewhere / "pilot" / "interviews").glob("*.md"))) >= 15
    for study in ("my-study", "pilot"):
        checked = _run(installed, ["check", study], elsewhere)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    analyzed = _run(installed, ["analyze", "pilot", "--out", "tables", "--quiet"], elsewhere)
    assert analyzed.returncode == 0, analyzed.stderr
    assert (elsewhere / "tables" / "turns.csv").is_file() and (elsewhere / "tables" / "themes.csv").is_file()
    exported = _run(installed, ["export", "pilot", "--qdpx", "pilot.qdpx", "--qdc", "pilot.qdc"], elsewhere)
    assert exported.returncode == 0, exported.stderr
    assert "project.qde" in {n.lower() for n in zipfile.ZipFile(elsewhere / "pilot.qdpx").namelist()}
    lab = _run(installed, ["lab", "my-study", "--dry-run"], elsewhere)
    assert lab.returncode == 0, lab.stderr
    assert (elsewhere / "my-study-notebooks" / "04-coding.ipynb").is_file()
    ran = _run(installed, ["run", "my-study", "--out", "my-report", "--quiet"], elsewhere)
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert ran.stdout.strip().splitlines()[-1] == str((elsewhere / "my-report" / "index.html").resolve())
    assert "internal error" not in ran.stderr


def _cron_command() -> str:
    lines = [line for line in (SCHEDULE / "crontab").read_text().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert len(lines) == 1
    return lines[0].split(None, 5)[5]


@pytest.mark.slow
def test_the_cron_line_publishes_the_report(installed, tmp_path):
    research, reports, fake_bin = tmp_path / "srv" / "research", tmp_path / "srv" / "reports", tmp_path / "fake-bin"
    fake_bin.mkdir()
    mail = fake_bin / "mail"
    mail.write_text(f"#!/bin/sh\ncat >> {tmp_path / 'mailed.txt'}\n")
    mail.chmod(mail.stat().st_mode | stat.S_IEXEC)
    reports.mkdir(parents=True)
    (research / ".venv").mkdir(parents=True)
    (research / ".venv" / "bin").symlink_to(installed)
    assert _run(installed, ["new", "studies/current", "--example", "pilot"], research).returncode == 0
    command = _cron_command().replace("/srv/", f"{tmp_path}/srv/")
    # cron's bare environment: a minimal PATH (plus the stand-in for mail), HOME, a shell
    env = {"PATH": f"{fake_bin}:/usr/bin:/bin", "HOME": str(tmp_path), "SHELL": "/bin/sh",
           "INTERVIEW_KIT_DATA": str(tmp_path / "kit-data")}
    done = subprocess.run(["/bin/sh", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=1200)
    cron_out = (reports / "cron.out").read_text() if (reports / "cron.out").exists() else ""
    assert done.returncode == 0 and not (tmp_path / "mailed.txt").exists(), cron_out[-3000:]
    assert (reports / "current" / "index.html").is_file()
    log = (reports / "interview-kit.log").read_text().splitlines()
    assert "\tstart\t" in log[0] and log[-1].endswith("exit=0")


@pytest.mark.slow
def test_the_ci_workflow_publishes_the_report(installed, wheel, tmp_path):
    workflow = yaml.safe_load((SCHEDULE / "sprint-report.yml").read_text())
    env_block = workflow["env"]
    steps = [s for s in workflow["jobs"]["report"]["steps"] if "run" in s]
    assert [s["name"] for s in steps] == ["Install interview-kit", "Check the study",
                                          "Run the notebooks and write the report"]
    repo = tmp_path / "repo"  # the repository that holds the study, as actions/checkout leaves it
    repo.mkdir()
    assert _run(installed, ["new", env_block["STUDY"], "--example", "pilot"], repo).returncode == 0
    env = _clean_env(tmp_path, installed)  # setup-python puts its python first on PATH
    env.update({k: str(v) for k, v in env_block.items()})
    env["INTERVIEW_KIT"] = f"interview-kit @ {wheel.as_uri()}"  # instead of the git URL
    env.update(PIP_NO_DEPS="1", PIP_NO_INDEX="1")  # dependencies: the test's environment
    for step in steps:
        # a scheduled run has no inputs: GitHub renders the sprint expression as ''
        script = step["run"].replace(
            "${{ github.event.inputs.sprint && format('--sprint \"{0}\"', github.event.inputs.sprint) || '' }}", "")
        assert "${{" not in script, script
        done = subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True,
                              timeout=1200)
        assert done.returncode == 0, f"{step['name']}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
    report = repo / env_block["REPORT"]
    assert (report / "index.html").is_file() and (report / "run.log").is_file()
    assert (repo / f"{env_block['REPORT']}.log").read_text().splitlines()[-1].endswith("exit=0")
    assert not (repo / f"{env_block['REPORT']}.failed").exists()
