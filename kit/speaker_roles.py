"""Which speaker of a transcript is the interview's participant (:mod:`kit.study`).

A note names one participant, but a transcript may hold more than one speaker who is not on
the team: a colleague who joins the call, a partner in the room, a second "Speaker 3" of an
automatic transcript. Their consent is not the participant's, so their turns must not count
as the participant's words (which would publish them if the participant consented to being
quoted). :func:`participant_label` picks the label that is the participant; the turns of the
others belong to no participant (``participant`` empty), which every published output
withholds (:func:`kit.privacy.unquotable`: consent unknown) and which no participant count
includes. A label the note's ``speakers:`` names is never re-judged here.
"""
from __future__ import annotations

import re
from pathlib import Path

__all__ = ["participant_label", "participant_labels", "first_line_of", "lone_transcript"]

_WORD = re.compile(r"[^\W_]+")


def _name_words(text) -> set[str]:
    from kit.privacy_text import fold

    return {w for w in _WORD.findall(fold(str(text or ""))) if len(w) > 1}


def participant_label(words_by_label: dict, name: str = "") -> tuple[set, str]:
    """``(labels, how)``: the labels among ``words_by_label`` (label -> words spoken, the
    labels not on the team and not fixed by the note) that are the participant, and how they
    were chosen: ``"name"`` (every label sharing a word of the participant's roster ``name``,
    accent- and case-folded: "Dana" and "Dana O." for Dana Okafor), else ``"most words"`` (the
    one label that spoke the most words; ties go to the first label), ``"only"`` for a single
    label. ``(set(), "")`` for no label.
    """
    labels = list(words_by_label)
    if len(labels) < 2:
        return set(labels), "only" if labels else ""
    wanted = _name_words(name)
    named = {label for label in labels if _name_words(label) & wanted}
    if named:
        return named, "name"
    return {max(labels, key=lambda label: words_by_label[label])}, "most words"


def first_line_of(path, label: str) -> int:
    """The 1-based line of ``path`` where ``label`` first appears as a speaker (``label:``,
    ``<v label>`` or the label alone on a line), or 0 when it cannot be read or found."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for n, line in enumerate(handle, start=1):
                text = line.strip()
                if (text.startswith((label + ":", f"<v {label}>", f"<v {label} "))
                        or text == label or text.startswith(label + " (")):
                    return n
    except OSError:
        return 0
    return 0


def participant_labels(path, participant: str, columns: dict, role_of: dict, fixed_roles: dict, loader) -> set:
    """The labels of one transcript whose turns are the participant's.

    ``columns``: the parsed turns (speaker, text); ``role_of``: label -> role as the loader
    judged it; ``fixed_roles``: the note's ``speakers:`` (case-folded label -> role);
    ``loader``: gives ``names`` (participant id -> roster name) and ``problem(path, line,
    message, level)``. Labels the note calls participant are the participant; otherwise the
    one :func:`participant_label` picks among the labels judged participant. Every other such
    label is reported (a warning at its first line) and belongs to no participant. Without a
    participant id (a transcript with no note) every such label is returned.
    """
    loose = [label for label, role in role_of.items() if role == "participant"]
    fixed = {label for label in loose if str(label).casefold() in fixed_roles}
    loose = [label for label in loose if label not in fixed]
    if not participant or (not fixed and len(loose) < 2):
        return fixed | set(loose)
    if fixed:
        chosen, how = fixed, "the note's speakers:"
    else:
        words = dict.fromkeys(loose, 0)
        for label, text in zip(columns["speaker"], columns["text"]):
            if label in words:
                words[label] += len(str(text).split())
        chosen, how = participant_label(words, getattr(loader, "names", {}).get(participant, ""))
        how = "name" if how == "name" else "most words spoken"
    taken = ", ".join(repr(x) for x in sorted(chosen, key=str))
    from kit.speaker_lines import first_lines_of  # one pass for every label (issue s6 notes)

    first = first_lines_of(path, [label for label in loose if label not in chosen])
    for label in loose:
        if label not in chosen:
            loader.problem(path, first[label],
                           f"speaker {label!r} is neither the team nor the participant {participant} "
                           f"(taken to be {taken}, by {how}): their turns count for no participant "
                           "and published outputs withhold their words; name their role in the "
                           "note's `speakers:` (interviewer, participant or observer)", "warning")
    return chosen


def lone_transcript(loader, path, columns) -> None:
    """Report a transcript no note claims (an interview of its own, named after the file):
    nobody is its participant, so its words count for no participant and published outputs
    withhold them (consent unknown); a warning at line 1 says so and how to name them."""
    if columns and "participant" in columns.get("role", ()):
        loader.problem(path, 1, "no note in interviews/ names this transcript, so its speakers belong to no "
                       "participant: their words count for nobody and published outputs withhold them "
                       "(consent unknown); add a note with `participant:` and `transcript: "
                       f"{Path(path).name}`", "warning")
