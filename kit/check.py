"""`interview-kit check`: validate every file of a study without changing any."""
from __future__ import annotations

from pathlib import Path

from kit.errors import Problem

__all__ = ["CROSS_CHECKS", "check_study", "cross_checks", "format_problems", "formula_cells"]

#: What ``check`` adds to the problems found in reading a study's files (``load_study``):
#: the research repository's index stores only the latter (the language checks cost seconds
#: a study), so ``interview-kit index`` names these when it counts warnings.
CROSS_CHECKS = "languages, codebook keywords that match no passage, spreadsheet formulas in participants.csv"


def check_study(path) -> list[Problem]:
    """Every problem in the study's files, errors and warnings, sorted by file and line."""
    from kit.study import load_study

    path = Path(path)
    if not path.exists():
        return [Problem(str(path), 0, "no such study folder")]
    if not path.is_dir():
        return [Problem(str(path), 0, "not a folder: give the study folder")]

    study = load_study(path, strict=False)
    return study.problems + cross_checks(study)


def cross_checks(study) -> list[Problem]:
    """The problems ``check`` finds beyond reading the files (:data:`CROSS_CHECKS`): the
    language findings (:func:`kit.languages.check_languages`), codebook keywords that match
    no passage (:func:`kit.codebook.unmatched_keywords`) and formula cells in participants.csv."""
    from kit.codebook import unmatched_keywords
    from kit.languages import check_languages

    keywords = unmatched_keywords(study.codebook, study.segments()["text"].tolist()) if len(study.codebook) else []
    return check_languages(study) + keywords + formula_cells(Path(study.path) / "participants.csv")


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
