"""The speaker labels of third speakers (a parent, an interpreter, a vet nurse: neither the team
nor a participant) as names to hide, by the rule ``review`` follows (newcomer s15 F8).

``review`` redacted such labels (``speaker '[name]'``), while ``check`` printed them (``'Kerem'``,
``'Nurse Kelly'``) and the published report kept them in the team's notes ("[name]'s son Kerem
translated ...") and in shareable passages ("Thanks Kelly."). A third speaker's label
(:func:`kit.review_study.third_speakers` of each interview that names a participant: role
``other``, or a participant's role with no participant) is a person's name: :func:`kit.privacy.with_names` adds it to the roster of every
output of a loaded study (:func:`with_third_speakers`), and ``check`` remembers the labels of the
study it loaded (:func:`remember`) for the printer that reads the study's path. A label that only
names a role ("Mum", "Interpreter") and a team member's label are not names.
"""
from __future__ import annotations

import re
from pathlib import Path

__all__ = ["remember", "third_speaker_names", "with_third_speakers"]

_SEEN: dict[str, tuple[str, ...]] = {}


def _key(path) -> str:
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError, TypeError, ValueError):
        return str(path)


def third_speaker_names(study) -> list[str]:
    """The labels of a loaded study's third speakers that are names (not only a role, not a
    team member's), in order of speaking; [] for anything else (a path, a list)."""
    turns = getattr(study, "turns", None)
    if turns is None or not hasattr(turns, "columns") or not len(turns):
        return []
    from kit.review_study import third_speakers
    from kit.speaker_roles import _THIRD_ROLES

    team = set()
    for member in (getattr(study, "config", None) or {}).get("team") or []:
        name = member.get("name") if isinstance(member, dict) else member
        if isinstance(name, str) and name.strip():
            team |= {name.strip().casefold(), name.split()[0].casefold()}
    if "interview_id" in turns.columns and "participant" in turns.columns:  # review's rule, per interview
        named = turns["participant"].fillna("").astype(str) != ""
        turns = turns[turns["interview_id"].isin(set(turns.loc[named, "interview_id"].tolist()))]
    out = []
    for label in third_speakers(turns):
        text = str(label or "").strip()
        rest = re.sub(r"[\W\d_]+", " ", _THIRD_ROLES.sub(" ", text)).strip()
        if rest and any(c.isalpha() for c in rest) and text.casefold() not in team:
            out.append(text)
    return out


def remember(path, study) -> None:
    """Keep the third speakers' labels of ``study`` (loaded from ``path``) for the outputs this
    process writes about the path (``check``'s printer reads the study's path, not the study)."""
    _SEEN[_key(path)] = tuple(third_speaker_names(study))


def with_third_speakers(people, study):
    """``people`` (a :class:`kit.privacy.Roster`) with the third speakers' labels of ``study``
    (a loaded study, or a path :func:`remember` was given) as names."""
    if study is None or isinstance(study, (list, tuple)):
        return people
    labels = list(_SEEN.get(_key(study), ())) if isinstance(study, (str, Path)) else third_speaker_names(study)
    if not labels:
        return people
    from kit.privacy import with_names

    return with_names(people, labels)
