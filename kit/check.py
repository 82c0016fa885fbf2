"""`interview-kit check`: validate every file of a study without changing any."""
from __future__ import annotations

from pathlib import Path

from kit.errors import Problem

__all__ = ["check_study", "format_problems"]


def check_study(path) -> list[Problem]:
    """Every problem in the study's files, errors and warnings, sorted by file and line."""
    from kit.study import load_study

    path = Path(path)
    if not path.exists():
        return [Problem(str(path), 0, "no such study folder")]
    if not path.is_dir():
        return [Problem(str(path), 0, "not a folder: give the study folder")]
    from kit.languages import check_languages

    study = load_study(path, strict=False)
    return study.problems + check_languages(study)


def format_problems(problems) -> str:
    """The problems as ``path:line: message`` lines, one a problem."""
    return "\n".join(str(p) for p in problems)
