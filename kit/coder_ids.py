"""Who a coder is: one coder id however it is spelt, and never a participant's name.

A coder id is written by hand in each row of ``codings/*.csv`` (or is the file's name), so
``alice``, ``Alice `` and ``ALICE`` are one person typing their name three ways. Counted as
three coders, one person's codings "agree" with themselves and the report prints a reliable
inter-coder agreement that has no basis (attacker s16 A3/A5). :func:`coder_key` folds the
spellings (Unicode NFKC, case, surrounding and repeated whitespace) to one key;
:class:`CoderIds` gives every spelling the first one seen and a located warning, and
:func:`coder_name_secrets` warns at each row whose coder id holds a participant's name, email
or phone number (the id itself is never printed).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from kit.errors import Problem

__all__ = ["CoderIds", "coder_key", "coder_name_secrets", "FOLDED", "SECRET"]

FOLDED = ("this row's coder id differs from the coder id at {first} only in case, spaces or Unicode form: "
          "counted as that one coder (the same coder twice on a segment is not agreement); write it one way")
SECRET = ("the coder id of this row holds a participant's name, email or phone number (participants.csv): "
          "published outputs show it redacted and it cannot be told apart from other coders redacted the "
          "same way; name coders by their initials or a team alias")


def coder_key(value) -> str:
    """The folded form of a coder id: NFKC, case-folded, whitespace collapsed and stripped."""
    return " ".join(unicodedata.normalize("NFKC", str(value)).casefold().split())


class CoderIds:
    """Coder ids as read, folded to the first spelling seen; ``problems`` holds one located
    warning per other spelling (at its first row), naming neither spelling."""

    def __init__(self):
        self.first: dict[str, tuple[str, tuple]] = {}  # key -> (the spelling used, its place)
        self.warned: set = set()
        self.problems: list[Problem] = []

    def fold(self, value, path=None, line: int = 0):
        """The coder id ``value`` stands for (stripped; the first spelling of its key)."""
        shown = " ".join(str(value).split())
        key = coder_key(shown)
        if key not in self.first:
            self.first[key] = (shown, (str(path), line))
            return shown
        used, (where, at) = self.first[key]
        if shown != used and (key, shown) not in self.warned:
            self.warned.add((key, shown))
            self.problems.append(Problem(str(path), line, FOLDED.format(first=f"{where}:{at}"), "warning"))
        return used


def coder_name_secrets(study) -> list[Problem]:
    """A located warning (``codings/x.csv:line``) at the first row of each coder id that
    published outputs would show redacted (:func:`kit.outputs.redact_shown` with the study's
    roster): a participant's name, email or phone as a coder. The id is never printed."""
    from kit.outputs import redact_shown
    from kit.privacy import roster
    from kit.schema import MANUAL_CODING_COLUMNS
    from kit.study_columns import read_rows_folded

    folder = Path(study.path) / "codings"
    if not folder.is_dir():
        return []
    people = None
    problems, seen = [], set()
    for path in sorted(folder.glob("*.csv")):
        try:
            rows, _columns, _ = read_rows_folded(path, MANUAL_CODING_COLUMNS)
        except (OSError, ValueError):
            continue  # an unreadable file is the loader's problem, reported already
        for row in rows:
            coder = " ".join(str(row.get("coder") or path.stem).split())
            if not coder or (path, coder) in seen:
                continue
            seen.add((path, coder))
            people = roster(study) if people is None else people
            if redact_shown(coder, people) != coder:
                problems.append(Problem(str(path), row.get("_line", 0), SECRET, "warning"))
    return problems
