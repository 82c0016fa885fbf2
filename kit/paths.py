"""Where the kit's own files live: the bundled pilot, templates and notebooks."""
from __future__ import annotations

import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def pilot_path() -> Path:
    """The bundled example study."""
    return PACKAGE_DIR / "data" / "pilot"


def _shipped(name: str) -> Path:
    # A checkout (editable install) keeps these at the top level, beside kit/.
    for candidate in (REPO_DIR / name, PACKAGE_DIR / "data" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"cannot find the kit's {name}/ folder; install interview-kit from a checkout "
        f"(pip install -e .) so {name}/ sits beside kit/"
    )


def templates_path() -> Path:
    return _shipped("templates")


def notebooks_path() -> Path:
    return _shipped("notebooks")


def resolve_study(study_dir) -> Path:
    """A notebook's ``study_dir`` parameter: empty means the bundled pilot."""
    if study_dir is None or str(study_dir).strip() == "":
        return pilot_path()
    return Path(study_dir).expanduser()


def resolve_out(out_dir) -> Path:
    """A notebook's ``out_dir`` parameter: empty means a fresh temporary folder."""
    if out_dir is None or str(out_dir).strip() == "":
        return Path(tempfile.mkdtemp(prefix="interview-kit-"))
    path = Path(out_dir).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path
