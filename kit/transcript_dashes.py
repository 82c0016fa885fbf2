"""A speaker's label written with a dash instead of a colon (``Huw - told her we'd look into it``)
in a transcript whose speakers are written ``Huw:``: read as that speaker's turn, with a warning at
its line, never as more words of the turn before it (newcomer s17 F10: a depot manager's own closing
line, typed from memory, became the participant's words in turns.csv and the QDA export).

Only a label the transcript uses with a colon at least twice (an established speaker) or one the
study names (``forced``: the note's speakers and aliases) is read so: ``Kids - they were crying``
stays the words of whoever said it."""
from __future__ import annotations

import re

from kit.errors import Problem
from kit.speaker_roles import label_key

__all__ = ["dash_labels"]

_DASHES = ("-", "\u2013", "\u2014")  # hyphen-minus, en dash, em dash
_COLON_LABEL = re.compile(r"^[ \t]*([^\W\d_][^:\n]{0,39}?)[ \t]*:", re.M)
_DASH_LABEL = re.compile(r"^([ \t]*)([^\W\d_][^:\n]{0,39}?)[ \t]*[-\u2013\u2014][ \t]+(?=\S)", re.M)


def dash_labels(text: str, source: str, problems: list, forced=()) -> str:
    """``text`` with each ``Label - words`` line whose label is an established speaker's (see the
    module) written ``Label: words``, a warning at its line in ``problems``; ``text`` unchanged
    (the same object) when there is none."""
    if not any(f"{d} " in text or f"{d}\t" in text for d in _DASHES):
        return text
    counts: dict[str, int] = {}
    for m in _COLON_LABEL.finditer(text):
        key = label_key(" ".join(m.group(1).split()))
        counts[key] = counts.get(key, 0) + 1
    known = {k for k, n in counts.items() if n >= 2} | {label_key(str(f)) for f in forced or ()}
    if not known:
        return text

    def colon(m: re.Match) -> str:
        label = " ".join(m.group(2).split())
        if label_key(label) not in known:
            return m.group(0)
        line = text.count("\n", 0, m.start()) + 1
        problems.append(Problem(source, line, f"{label + ' -'!r} is read as the speaker label {label + ':'!r} (a dash "
                                "for a colon): the line is their turn, not more words of the turn before it; write "
                                f"{label + ':'!r}", "warning"))
        return f"{m.group(1)}{m.group(2)}: "

    return _DASH_LABEL.sub(colon, text)
