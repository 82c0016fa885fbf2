"""What ``check`` says about a note's ``interviewer:`` and ``note_taker:`` that are not on the team.

A note's ``interviewer:`` feeds tables/interviews.csv and the per-interviewer counts, and its
``interviewer:`` and ``note_taker:`` are the labels the transcript reader takes for the team. A
typo (``Zoe Brigth``) or a stranger made a fourth interviewer and passed unseen (newcomer s14 F7).
:func:`team_problems` warns at the key's line of the note, with the nearest team member
(:mod:`difflib`) when one is near. A value that holds a participant's roster name (a participant
written as the note-taker) is said to be one, never printed: the message names no participant.
Read with the rule the transcript reader uses (:class:`kit.study_config.TeamKeys`: ``Nowak, Anna``,
``Anna N.`` and ``Anna`` are Anna Nowak). A study whose study.yml lists no team is not checked.

An action item's owner is read by the same rule (:func:`owner_member`, newcomer s15 F12: ``Tomasz``
in one note and ``Tomasz Wilk`` in another were two owners): an owner that is a team member's
name, an ``aliases`` label of one, their first name or a display form of their name counts under
that member in the action tables (:func:`kit.roi.action_items`); any other owner is a warning at
the action's line (:func:`owner_problems`), with the nearest team member when one is near.
"""
from __future__ import annotations

import difflib

from kit.check_dates import key_line
from kit.errors import Problem

__all__ = ["owner_member", "owner_problems", "team_problems"]


def _roster_words(study) -> tuple[set, set]:
    """(the roster's full names, the words of its names), as :func:`kit.speaker_roles.label_key` folds them."""
    from kit.speaker_roles import label_key

    people = study.participants
    names = [str(n) for n in people["name"].tolist()] if "name" in people.columns else []
    names = [n for n in names if n.strip() and n.lower() != "nan"]
    full = {label_key(" ".join(n.split())) for n in names}
    return full, {w for n in full for w in n.split() if len(w) > 1}


def owner_member(owner, config) -> str:
    """The name of study.yml's team member an action's ``owner`` names, else ``""``: the name as
    written on the team (any case and spacing), an ``aliases`` label naming a member, or a form
    the team's speaker labels are read by (:meth:`kit.study_config.TeamKeys.member`: the first
    name, ``Wilk, Tomasz``, ``Tomasz W.``), when it fits one member only (two members called
    Tomasz: ``Tomasz`` is neither)."""
    from kit.study_config import TeamKeys, team_names

    team = team_names(config)
    value = " ".join(str(owner or "").split())
    if not team or not value:
        return ""
    folded = {t.casefold(): t for t in team}
    if value.casefold() in folded:
        return folded[value.casefold()]
    for label, target in ((config or {}).get("aliases") or {}).items():
        if " ".join(str(label).split()).casefold() == value.casefold():
            return folded.get(" ".join(str(target).split()).casefold(), "")
    fits = {t for t in team if TeamKeys((), (t,)).member(value)}
    return fits.pop() if len(fits) == 1 else ""


def owner_problems(study) -> list[Problem]:
    """A warning at the line of each action item whose owner is no member of study.yml's team
    (:func:`owner_member`): the action tables count it under the owner as written."""
    from kit.speaker_names import near_name
    from kit.speaker_roles import label_key, name_form
    from kit.study_config import team_names

    config = study.config or {}
    team = team_names(config)
    actions = getattr(study, "actions", None)
    if not team or actions is None or not len(actions) or "owner" not in actions.columns:
        return []
    full, words = _roster_words(study)
    folded = {t.casefold(): t for t in team}
    out = []
    for row in actions.itertuples(index=False):
        value = " ".join(str(row.owner or "").split())
        if not value or value.lower() == "nan" or owner_member(value, config):
            continue
        form = label_key(name_form(value))
        if form in full or any(near_name(value, n) for n in full) or set(form.split()) & words:
            shown = "a name (not shown: it holds a participant's name)"
        else:
            shown = repr(value)
        near = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.6)
        hint = f"did you mean {folded[near[0]]}?" if near else f"the team is {', '.join(team)}"
        line = int(row.line) if getattr(row, "line", None) is not None and str(row.line) != "nan" else 1
        out.append(Problem(str(row.note_path), line, f"action owner {shown} is not on study.yml's team ({hint}): "
                           "the action tables count it as written, apart from the team's; write the team "
                           "member's name, or add them to study.yml's `team` or `aliases`", "warning"))
    return out


def team_problems(study) -> list[Problem]:
    """A warning at the ``interviewer:`` or ``note_taker:`` line of each note whose value is not
    on study.yml's ``team`` (see the module doc)."""
    from kit.speaker_roles import label_key, name_form
    from kit.speaker_names import near_name
    from kit.study_config import team_keys, team_names

    config = study.config or {}
    team = team_names(config)
    interviews = study.interviews
    if not team or not len(interviews) or "note_path" not in interviews.columns:
        return []
    keys = team_keys({"team": config.get("team"), "aliases": config.get("aliases")})
    full, words = _roster_words(study)
    folded = {t.casefold(): t for t in team}
    out = []
    for row in interviews[["note_path", "interviewer", "note_taker"]].itertuples(index=False):
        if not row.note_path:
            continue
        for key, value in (("interviewer", row.interviewer), ("note_taker", row.note_taker)):
            value = " ".join(str(value or "").split())
            if not value or value.casefold() in keys:
                continue
            line = key_line(row.note_path, key)
            form = label_key(name_form(value))
            if form in full or any(near_name(value, n) for n in full):
                out.append(Problem(str(row.note_path), line, f"the note's {key} is a participant's name on "
                                   "participants.csv (not shown), not a member of study.yml's team: write the "
                                   "team member who took this role", "warning"))
                continue
            shown = "a name (not shown: it holds a participant's name)" if set(form.split()) & words else repr(value)
            near = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.6)
            hint = (f"did you mean {folded[near[0]]}?" if near
                    else f"the team is {', '.join(team)}")
            out.append(Problem(str(row.note_path), line, f"{key} {shown} is not on study.yml's team ({hint}): "
                               "tables/interviews.csv and the per-interviewer counts read it as written; correct "
                               "it, or add them to study.yml's `team`", "warning"))
    return out + owner_problems(study)
