"""A roster name with one part mistyped, beside the part written right (newcomer s13 F8).

A transcriber types ``Kevn Lam:`` for roster ``Kevin Lam``: the roster matcher finds ``Lam`` (a
name part) and leaves ``Kevn``, so a printed line read ``Kevn [name]``: half a name, and the
half that says who. :func:`typo_spans` adds a span for a word next to a matched name part when
that word is, one letter off (:func:`kit.speaker_names.one_edit`, five letters or more, the rule
:func:`kit.speaker_names.near_name` judges "surely the participant's name misspelt" by), another
part of a roster name holding the matched part. Only next to a part the roster matched: an
everyday word one letter from a first name elsewhere is left alone.
"""
from __future__ import annotations

import re

from kit.privacy_text import fold
from kit.speaker_names import one_edit

__all__ = ["typo_spans"]

_BEFORE = re.compile(r"([^\W\d_]{4,})[ \t]+$")
_AFTER = re.compile(r"^[ \t]+([^\W\d_]{4,})")
_CACHE: dict = {}  # id(roster) -> (roster, {folded part: folded other parts of its names})
_MIN_LETTERS = 5  # as kit.speaker_names.near_name: a shorter name one letter off is too often a word


def _others(people) -> dict:
    hit = _CACHE.get(id(people))
    if hit is not None and hit[0] is people:
        return hit[1]
    found: dict = {}
    for name in people.names:
        parts = [w for w in fold(str(name)).split() if len(w) >= 2]
        for p in parts:
            found.setdefault(p, set()).update(q for q in parts if q != p and len(q) >= _MIN_LETTERS)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(people)] = (people, found)
    return found


def typo_spans(text: str, spans: list, people, mark: str) -> list:
    """``spans`` (start, end, mark) of ``text`` with, beside each span whose words are one part of
    a roster name, the neighbouring word that is another part of that name one letter off."""
    if people is None or not people.names or not spans:
        return spans
    others = _others(people)
    extra = []
    for start, end, m in spans:
        if m != mark:
            continue
        near = others.get(fold(text[start:end]).strip())
        if not near:
            continue
        for found, at in ((_BEFORE.search(text[max(0, start - 40):start]), max(0, start - 40)),
                          (_AFTER.search(text[end:end + 40]), end)):
            if found is not None:
                word = fold(found.group(1))
                if any(one_edit(word, q) for q in near if q != word):
                    extra.append((at + found.start(1), at + found.end(1), mark))
    if not extra:
        return spans
    taken = [(s, e) for s, e, _ in spans]
    extra = [x for x in dict.fromkeys(extra) if not any(s < x[1] and x[0] < e for s, e in taken)]
    return sorted(spans + extra)
