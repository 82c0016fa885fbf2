"""Problems found in a user's files, reported as ``path:line: message``."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "StudyError", "TranscriptError"]


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in a study file. ``line`` is 1-based; 0 means the whole file,
    printed ``path: message`` (no line)."""

    path: str
    line: int
    message: str
    level: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        prefix = "warning: " if self.level == "warning" else ""
        where = f"{self.path}:{self.line}" if self.line else self.path  # line 0: the whole file
        return f"{where}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.level == "error"


class StudyError(Exception):
    """Raised when a study cannot be used; carries every problem found."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class TranscriptError(StudyError):
    """A transcript file that cannot be read (empty, binary, undecodable)."""
