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
                                         "also where said in a transcript (these values kept with --include-names, as names are; a number that "
                                         "only looks like an identifier may still be replaced)"
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


def name_word_note(query, people=None) -> str:
    """A note for ``search``: the words of ``query`` typed in lower case that are everyday
    words and also common names (:data:`kit.privacy_text._EVERYDAY`: may, grace, bell, rose,
    hope; the word, not the person: "summer damp"), and why the index may not find them
    where a participant is called so; "" when there is none. It depends on the query alone,
    never on the roster (``people`` is not read): a note given only for the roster's names
    would confirm, one word at a time, who took part (attacker s13 A12)."""
    import re

    from kit.privacy_text import _EVERYDAY, fold

    raw = re.findall(r"[^\W\d_]+", str(query or ""))
    # a word typed in lower case ("summer damp") is the word searched for
    found = list(dict.fromkeys(fold(w) for w in raw if w.islower() and fold(w) in _EVERYDAY))
    if not found:
        return ""
    shown = ", ".join(repr(w) for w in found)
    return (f"note: {shown} {'is also a name' if len(found) == 1 else 'are also names'} people have: where a "
            "participant is called so and a passage names them with it (capitalised, not in a common phrase like "
            "'Summer holidays') it is replaced as a name in the index and not found; --include-names "
            "searches the text with names kept")
