"""Where the kit's own files live: the bundled pilot, templates and notebooks.

An installed kit (``pip install .`` or the wheel) carries the top-level ``notebooks/`` and
``templates/`` of the repository as ``kit/notebooks/`` and ``kit/templates/`` (mapped in
``pyproject.toml``, one source of truth). A checkout or an editable install uses the top-level
folders beside ``kit/`` directly.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

__all__ = ["PACKAGE_DIR", "REPO_DIR", "pilot_path", "templates_path", "notebooks_path", "scratch_folder",
           "resolve_study", "resolve_out"]

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def pilot_path() -> Path:
    """The bundled example study."""
    return PACKAGE_DIR / "data" / "pilot"


def _shipped(name: str) -> Path:
    # Installed: inside the package. Checkout (editable install): beside kit/, in the repository
    # that holds pyproject.toml (so a stray folder of that name in site-packages is never used).
    candidates = [PACKAGE_DIR / name]
    if (REPO_DIR / "pyproject.toml").is_file():
        candidates.append(REPO_DIR / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"cannot find the kit's {name}/ folder (looked in {', '.join(map(str, candidates))}); "
        f"reinstall interview-kit: pip install --force-reinstall interview-kit"
    )


def templates_path() -> Path:
    """The study templates, the report template and the schedule templates."""
    return _shipped("templates")


def notebooks_path() -> Path:
    """The workflow notebooks (``NN-*.ipynb``) and ``training/``."""
    return _shipped("notebooks")


def resolve_study(study_dir) -> Path:
    """A notebook's ``study_dir`` parameter: empty means the bundled pilot."""
    if study_dir is None or str(study_dir).strip() == "":
        return pilot_path()
    return Path(study_dir).expanduser()


def scratch_folder(prefix: str = "interview-kit-") -> Path:
    """A fresh temporary folder (``$TMPDIR/<prefix>*``) removed when this Python process
    ends (``atexit``): the kit leaves nothing behind in ``$TMPDIR``."""
    import atexit
    import shutil

    path = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, path, True)
    return path


def resolve_out(out_dir) -> Path:
    """A notebook's ``out_dir`` parameter: empty means a fresh temporary folder."""
    if out_dir is None or str(out_dir).strip() == "":
        return scratch_folder("interview-kit-")
    path = Path(out_dir).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path
