"""`interview-kit new`: start a study from the templates or from the bundled pilot.

(`interview-kit lab`, the working copy of the notebooks, is in :mod:`kit.cli.lab`.)"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from kit.atomic import staging_folder
from kit.paths import pilot_path, templates_path

__all__ = ["STUDY_FILES", "ScaffoldError", "enclosing_study", "new_study"]

STUDY_FILES = ("study.yml", "guide.yml", "participants.csv", "codebook.yml", "costs.csv",
               "decisions.csv", "interviews", "transcripts", "codings")


class ScaffoldError(Exception):
    """A study folder that cannot be made (a folder with files in it, a broken link, an
    unknown example): exit 2 with the message."""


def new_study(target, example: str | None = None) -> Path:
    """Create a study folder at ``target``. Refuses to touch a folder that has files in it,
    and a symbolic link to nothing (``ScaffoldError``)."""
    target = Path(target).expanduser()
    if target.is_symlink():
        if not target.exists():
            raise ScaffoldError(f"{target}: is a symbolic link to {os.readlink(target)}, which does not exist; "
                                "remove the link or choose a new folder")
        target = target.resolve()  # a link to a folder: the study goes where it points
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target}: already exists and is not empty; choose a new folder")
    study = enclosing_study(target)
    if study is not None:
        raise ScaffoldError(f"{target}: is inside the study {study} (it has {study / 'study.yml'}): a study "
                            "cannot hold another, and `check` would read the new folder as part of it; "
                            "choose a folder outside any study")
    if example not in (None, "pilot"):
        raise ScaffoldError(f"unknown example {example!r}: the bundled example is 'pilot'")
    source = pilot_path() if example == "pilot" else templates_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = staging_folder(f".{target.name}.", target.parent)
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


def enclosing_study(path) -> Path | None:
    """The nearest existing folder at or above ``path`` (absolute, links resolved) that holds
    a ``study.yml``, or None."""
    path = Path(path).expanduser().resolve()
    for folder in [path, *path.parents]:
        try:
            if (folder / "study.yml").is_file():
                return folder
        except OSError:
            continue
    return None


_LAB_NAMES = ("LAB_OUTPUT", "LabError", "default_lab_dir", "bind_parameters", "lab_copy", "lab_command")


def __getattr__(name):
    """The ``lab`` command's working copy moved to :mod:`kit.cli.lab`; this module re-exports
    its names for one release."""
    if name in _LAB_NAMES:
        from kit.cli import lab

        return getattr(lab, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
