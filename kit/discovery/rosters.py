"""Fail closed when a study's roster cannot be read whole (attacker s13 A2).

The search index hides the names, emails and identifiers of every study's
``participants.csv`` (:func:`kit.discovery.index_names.repository_roster`). A sheet that
cannot be read (a NUL byte, UTF-16 without a byte-order mark, bytes of no encoding), or
whose rows are read only in part (a row with more fields than the header, an unterminated
quote, a header repeated or too wide, an empty file), gives a roster without some of its
names: an index built from it would store and show them. So ``index`` and ``search`` do not
write the index while any study's participants.csv has such an error
(:func:`unreadable_rosters`): :class:`RosterUnreadableError` names each ``path:line``, the
last complete index is kept as it is, ``index`` exits non-zero and ``search`` reads the last
complete index with a note (or refuses when there is none).
"""
from __future__ import annotations

from pathlib import Path

from kit.discovery.index import IndexWriteError
from kit.errors import Problem

__all__ = ["RosterUnreadableError", "check_rosters", "unreadable_rosters"]


class RosterUnreadableError(IndexWriteError):
    """A study's participants.csv could not be read whole: the index is not written."""

    def __init__(self, problems: list[Problem], kept: bool):
        self.problems = problems
        where = "; ".join(f"{p.path}:{p.line}: {p.message}" for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        tail = ("the last complete index is kept as it is" if kept else "no index is written")
        super().__init__(f"{where}{more}: a participants.csv that cannot be read whole could leave its "
                         f"participants' names unhidden in the index, so it was not updated ({tail}); fix the "
                         "sheet (save it as UTF-8 CSV) and run again")


def unreadable_rosters(folders) -> list[Problem]:
    """The errors of reading each study folder's ``participants.csv`` as the index's roster
    reads it (``kit.csvio.read_rows``): a file that could not be read, or rows left out.
    The study folder's name and the messages are redacted with what could be read of every
    study's roster; the repository's path is shown as given (the user's, typed on the command
    line: ``kit.cli.printing.typed_paths``)."""
    from kit.csvio import read_rows
    from kit.outputs import redact_shown
    from kit.privacy import roster

    found, people = [], None
    for folder in folders:
        path = Path(folder) / "participants.csv"
        if not path.is_file():
            continue
        _, _, problems = read_rows(path)
        errors = [p for p in problems if p.is_error]
        if errors:
            people = roster([str(f) for f in folders]) if people is None else people
            shown = str(Path(folder).parent / redact_shown(f"{Path(folder).name}/participants.csv", people))
            found += [Problem(shown, p.line, redact_shown(str(p.message), people), "error") for p in errors]
    return found


def check_rosters(folders, kept: bool) -> None:
    """Raise :class:`RosterUnreadableError` when a study's roster cannot be read whole
    (:func:`unreadable_rosters`); ``kept``: whether a complete index is there (said in the
    message)."""
    problems = unreadable_rosters(folders)
    if problems:
        raise RosterUnreadableError(problems, kept)
