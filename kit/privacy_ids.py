"""What ``check`` says about the participant sheet's identifiers (:func:`identifier_notes`).

Every column of participants.csv that identifies a participant (:func:`kit.privacy_columns.
identifier_columns`: a ``tenancy_ref``, a ``student_number``, or a column whose values are
code-like and differ per participant) has its values replaced by ``[id]`` in every output. A
column the kit treats so is named by ``check``, so that the person who keeps the sheet knows
which values are hidden and why (and can see a column the rule missed, or took wrongly).

A first name or surname that is also an everyday word (Grace, Hope, Summer, Bill, Will) is
redacted where it names a person, capitalised, and kept in a common phrase ("Grace period",
"Summer holidays": :func:`kit.privacy_text.names_a_person`). When unsure it is redacted:
``search`` says when a word of the query is one (:func:`name_word_note`), so that a word missing
from a search is explained, not silently gone. (A ``check`` warning naming the lines of
participants.csv with such names was tried in session 10 and taken out: every roster holding a
Lee, a Grant or a Bell got it, on the pilot and on a study made from the template too.)"""
from __future__ import annotations

from pathlib import Path

from kit.errors import Problem

__all__ = ["everyday_name_words", "identifier_notes", "name_word_note"]


def identifier_notes(study) -> list[Problem]:
    """One warning at ``participants.csv:1`` for each column holding participants'
    identifiers (:func:`kit.privacy_columns.identifier_columns`), naming the column, the rule
    that found it and how many of its values are redacted as ``[id]``; none without such a
    column. ``study`` is a loaded ``Study``."""
    from kit.privacy_columns import identifier_columns, is_identifier_value

    people = study.participants
    if not len(people):
        return []
    path = Path(study.path) / "participants.csv"
    out = []
    for column, why in identifier_columns(people).items():
        values = {str(v).strip() for v in people[column].tolist() if isinstance(v, str)}
        hidden = sum(1 for v in values if v and is_identifier_value(v))
        if not hidden:
            continue
        rule = ("its header names an identifier" if why == "its header" else
                "its values are code-like (letters and digits, or long numbers) and differ from one participant to the "
                "next")
        out.append(Problem(str(path), 1, f"column {column!r} holds participants' identifiers ({rule}): its "
                                         f"{hidden} value(s) are replaced as identifiers (the id mark) in every output, "
                                         "also where said in a transcript (kept only with --include-names)"
                                         + ("" if why == "its header" else "; if its values identify nobody (a "
                                            "station, route or depot id), list the column in study.yml's "
                                            "`not_identifying`"), "warning"))
    return out


def everyday_name_words(people) -> dict[str, str]:
    """``{folded word: as written}``: the roster's (:class:`kit.privacy.Roster`) one-word name
    parts that are also everyday words (:func:`kit.privacy_text._everyday`)."""
    from kit.privacy_text import _everyday, fold

    if people is None:
        return {}
    everyday = _everyday()
    return {fold(p): p for p in people.parts if " " not in p and fold(p) in everyday}


def name_word_note(query, people) -> str:
    """A note for ``search``: the words of ``query`` that are also roster names and everyday
    words, typed in lower case (the word, not the person: "summer damp"), and why the index
    may not find them (where the text names a person with them,
    they are replaced as names); "" when there is none, or when the query also holds a roster
    name that is no everyday word (a person searched for: "Grace Okonkwo" confirms nothing)."""
    import re

    from kit.privacy_text import fold

    words = everyday_name_words(people)
    raw = re.findall(r"[^\W\d_]+", str(query or ""))
    typed = [fold(w) for w in raw]
    # a word typed in lower case ("summer damp") is the word searched for; capitalised ("Bell")
    # it may be the person, and a search for a person confirms nothing
    found = list(dict.fromkeys(f for w, f in zip(raw, typed) if f in words and w.islower()))
    parts = {fold(p) for p in people.parts}
    if not found or any(w in parts and w not in words for w in typed):
        return ""  # none, or the query names a person (a surname that is no word: "Grace Okonkwo")
    shown = ", ".join(repr(w) for w in found)
    return (f"note: {shown} {'is' if len(found) == 1 else 'are'} also a participant's name (participants.csv): "
            "where a passage names a person with it (capitalised, not in a common phrase like "
            "'Summer holidays') it is replaced as a name in the index and not found; --include-names "
            "searches the text with names kept")
