"""`interview-kit check`: validate every file of a study without changing any."""
from __future__ import annotations

from pathlib import Path

from kit.errors import Problem

__all__ = ["check_study", "format_problems", "formula_cells"]


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
    from kit.codebook import unmatched_keywords

    keywords = unmatched_keywords(study.codebook, study.segments()["text"].tolist()) if len(study.codebook) else []
    return study.problems + check_languages(study) + keywords + formula_cells(path / "participants.csv")


def formula_cells(path) -> list[Problem]:
    """A warning at each row of a CSV file with a cell a spreadsheet would run as a formula
    or that holds a line break (:func:`kit.recruit.unsafe_cells`, the rule ``recruit
    --apply`` refuses): opening participants.csv in Excel would run it."""
    from kit.csvio import read_rows
    from kit.recruit import unsafe_cells

    path = Path(path)
    if not path.is_file():
        return []
    rows, columns, _ = read_rows(path)  # (its own problems are the study's, reported already)
    return [Problem(str(path), row["_line"], f"{found}: a spreadsheet would run it when the file "
                    "is opened; put the value right, or start it with an apostrophe (')", "warning")
            for row in rows if (found := unsafe_cells(row, columns))]


def format_problems(problems) -> str:
    """The problems as ``path:line: message`` lines, one a problem."""
    return "\n".join(str(p) for p in problems)
