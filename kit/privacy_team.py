"""The team's own names, kept where a participant's name part is inside one (newcomer session 16 F12).

An interviewer "Tom Reyes" in a study whose members include several people surnamed Reyes was
shown as "Tom [name]" in every output (8,000 turns), and check told the study's author to write a
participant's id instead of their own colleague's name. A team member's full name as study.yml's
``team:`` writes it (two words at least) is the team's: a roster name part inside it is not
replaced (:func:`kept_team`). Fail closed: a team name that is also exactly a participant's full
name (accent- and case-folded) is not kept, so it is redacted as the participant's.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["kept_team", "team_of"]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", " ".join(str(text).split())).casefold()
    return "".join(c for c in text if not unicodedata.combining(c))


def team_of(config, names) -> tuple[str, ...]:
    """The full names of study.yml's ``team`` (``config``) that :func:`kept_team` keeps: of two
    words or more, and none of them the full name of a participant (``names``, the roster's)."""
    from kit.study_config import team_names

    try:
        written = team_names(config if isinstance(config, dict) else {})
    except (AttributeError, TypeError):
        return ()
    roster = {_fold(n) for n in names}
    return tuple(n for n in written if len(n.split()) >= 2 and _fold(n) not in roster)


def _pattern(team: tuple) -> re.Pattern:
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(team, key=len, reverse=True))
    return re.compile(rf"(?<![\w@.])(?:{alternatives})(?![\w@])")


_PATTERNS: dict = {}


def kept_team(text: str, spans: list, team: tuple, mark: str) -> list:
    """``spans`` (start, end, mark) without the name spans (``mark``) that lie inside a team
    member's full name written as the team writes it (its capitals, any spaces between words)."""
    if not team or not spans:
        return spans
    pattern = _PATTERNS.get(team)
    if pattern is None:
        pattern = _PATTERNS.setdefault(team, _pattern(team))
    places = [m.span() for m in pattern.finditer(text)]
    if not places:
        return spans
    return [s for s in spans if s[2] != mark or not any(a <= s[0] and s[1] <= b for a, b in places)]
