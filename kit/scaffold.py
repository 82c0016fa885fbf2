"""`interview-kit new`: start a study from the templates or from the bundled pilot."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from kit.paths import pilot_path, templates_path

STUDY_FILES = ("study.yml", "guide.yml", "participants.csv", "codebook.yml", "costs.csv",
               "decisions.csv", "interviews", "transcripts", "codings")


class ScaffoldError(Exception):
    pass


def new_study(target, example: str | None = None) -> Path:
    """Create a study folder at ``target``. Refuses to touch a folder that has files in it."""
    target = Path(target).expanduser()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target}: already exists and is not empty; choose a new folder")
    if example not in (None, "pilot"):
        raise ScaffoldError(f"unknown example {example!r}: the bundled example is 'pilot'")
    source = pilot_path() if example == "pilot" else templates_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for name in STUDY_FILES:
            src = source / name
            if src.is_dir():
                shutil.copytree(src, staging / name)
            elif src.is_file():
                shutil.copy2(src, staging / name)
        (staging / "codings").mkdir(exist_ok=True)
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
