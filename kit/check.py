"""`interview-kit check`: validate every file of a study without changing any."""
from __future__ import annotations

from pathlib import Path

from kit.errors import Problem

__all__ = ["CROSS_CHECKS", "check_study", "cross_checks", "format_problems", "formula_cells", "not_a_study"]

#: What ``check`` adds to the problems found in reading a study's files (``load_study``):
#: the research repository's index stores only the latter (the language checks cost seconds
#: a study), so ``interview-kit index`` names these when it counts warnings.
CROSS_CHECKS = ("languages, codebook keywords that match no passage, spreadsheet formulas in participants.csv, "
                "participants' names and unquotable words in study.yml and guide.yml, the identifier columns of "
                "participants.csv, a participant's consent differing between the "
                "repository's studies, the columns study.yml declares not_identifying, interview dates that "
                "differ between a note and participants.csv or lie in the future, a decision citing an interview "
                "held after it, a note's interviewer or note_taker not on study.yml's team")


def check_study(path) -> list[Problem]:
    """Every problem in the study's files, errors and warnings, sorted by file and line."""
    from kit.study import load_study

    path = Path(path)
    if not path.exists():
        return [Problem(str(path), 0, "no such study folder")]
    if not path.is_dir():
        return [Problem(str(path), 0, "not a folder: give the study folder")]

    missing = not_a_study(path)
    if missing:
        return [missing]
    study = load_study(path, strict=False)
    from kit.third_speaker_names import remember  # its printer hides the third speakers' labels (s15 F8)

    remember(path, study)
    problems = study.problems + cross_checks(study)
    if not (path / "study.yml").is_file():  # a study of transcripts only: no study.yml to point at
        problems = [Problem(str(path), 0, p.message, p.level) if Path(p.path) == path / "study.yml" else p
                    for p in problems]
    return problems


def not_a_study(path) -> Problem | None:
    """An error when ``path`` is no study folder, naming what is missing: a folder without
    study.yml inside a study (``study/transcripts``: check the study itself), or a folder
    with none of a study's files (no study.yml, interviews/, transcripts/ nor transcript
    files); None for a study, also one that is only a folder of transcripts."""
    from kit.safety import shell_path
    from kit.scaffold import enclosing_study
    from kit.study import TRANSCRIPT_SUFFIXES

    path = Path(path)
    if (path / "study.yml").is_file():
        return None
    parent = enclosing_study(path.parent)
    if parent is not None:
        return Problem(str(path), 0, f"not a study folder: it has no study.yml, and it is inside the study "
                                     f"{parent} (which has one): check that folder instead "
                                     f"(interview-kit check {shell_path(parent)})")
    try:
        found = any(p.name in ("interviews", "transcripts", "participants.csv") or
                    (p.suffix.lower() in TRANSCRIPT_SUFFIXES and p.is_file()) for p in path.iterdir())
    except OSError as exc:
        return Problem(str(path), 0, f"cannot read the folder: {exc.strerror or exc}")
    if not found:
        return Problem(str(path), 0, "not a study folder: it has no study.yml, no interviews/ or transcripts/ "
                                     "folder and no transcript files (.vtt, .srt, .txt, .docx); start a "
                                     "study with: interview-kit new DIR")
    return None


def cross_checks(study) -> list[Problem]:
    """The problems ``check`` finds beyond reading the files (:data:`CROSS_CHECKS`): the
    language findings (:func:`kit.languages.check_languages`), codebook keywords that match
    no passage (:func:`kit.codebook.unmatched_keywords`) and formula cells in participants.csv."""
    from kit.codebook import unmatched_keywords
    from kit.languages import check_languages

    from kit.study_check_names import code_name_secrets, published_secrets  # privacy8: what run would refuse to publish

    keywords = unmatched_keywords(study.codebook, study.segments()["text"].tolist()) if len(study.codebook) else []
    from kit.consent_repository import study_consent_conflicts  # fix10p: consent across the repository
    from kit.privacy_ids import identifier_notes  # fix10p: what it hides, and why
    from kit.check_columns import not_identifying_problems  # newcomer F20: study.yml's not_identifying
    from kit.check_dates import date_problems, decision_problems  # newcomer F23, s17 F1: dates
    from kit.check_team import team_problems  # newcomer s14 F7: a note's interviewer not on the team
    from kit.coder_ids import coder_name_secrets  # attacker s16 A12: a coder named after a participant
    from kit.privacy_terms import not_names_problems  # newcomer s16 F10: study.yml's not_names

    return (check_languages(study) + keywords + formula_cells(Path(study.path) / "participants.csv")
            + published_secrets(study) + code_name_secrets(study) + identifier_notes(study)
            + study_consent_conflicts(study) + not_identifying_problems(study) + date_problems(study)
            + decision_problems(study) + team_problems(study) + coder_name_secrets(study) + not_names_problems(study))


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
    return [Problem(str(path), row["_line"], f"{found}: " + "; ".join(
        (["a spreadsheet would run it when the file is opened; put the value right, or start it with an "
          "apostrophe (')"] if "a formula in" in found else []) +
        (["the value spans two lines of the file: put it on one line"] if "a line break in" in found else [])),
        "warning") for row in rows if (found := unsafe_cells(row, columns))]


def format_problems(problems) -> str:
    """The problems as ``path:line: message`` lines, one a problem."""
    return "\n".join(str(p) for p in problems)
