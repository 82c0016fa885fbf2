"""The file formats each command reads, in one place for every ``--help`` (and the tests).

The lists are the readers' own: transcripts are :data:`kit.study.TRANSCRIPT_SUFFIXES` (what a
study folder and ``review`` read); a guide with a suffix in :data:`GUIDE_YAML_SUFFIXES` is read
as YAML (``kit.guide``), any other file as text with one question a line."""
from __future__ import annotations

from kit.study import TRANSCRIPT_SUFFIXES

__all__ = ["GUIDE_YAML_SUFFIXES", "POOL_SUFFIXES", "TRANSCRIPT_SUFFIXES", "guide_help", "pool_help",
           "study_help", "transcripts_help"]

GUIDE_YAML_SUFFIXES = (".yml", ".yaml")  # kit.guide.structure reads these as YAML, the rest as text
POOL_SUFFIXES = (".csv",)


def _listed(suffixes) -> str:
    return " ".join(suffixes)


def transcripts_help() -> str:
    """``review``'s argument: the transcript formats it reads."""
    return f"transcript files ({_listed(TRANSCRIPT_SUFFIXES)}) or folders of them"


def study_help() -> str:
    """A study-folder argument: what it holds and the transcript formats read from it."""
    return ("the study folder (default: the current folder if it holds a study.yml, else the bundled pilot): study.yml, guide.yml, participants.csv, "
            f"codebook.yml, interviews/*.md, transcripts ({_listed(TRANSCRIPT_SUFFIXES)})")


def guide_help() -> str:
    """``lint-guide``'s argument."""
    return (f"guide.yml ({_listed(GUIDE_YAML_SUFFIXES)}), a text file (.txt .md) with one question a line, "
            "or a Word document (.docx) with one question a paragraph")


def pool_help() -> str:
    """``recruit``'s pool argument."""
    return f"the pool ({_listed(POOL_SUFFIXES)}: id or email, name, email, segment attributes, ...)"
