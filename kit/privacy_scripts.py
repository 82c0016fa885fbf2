"""Name matching in scripts other than Latin, for :mod:`kit.privacy`'s roster matcher.

Arabic and Hebrew write conjunctions, prepositions and the article onto the word after them
(``ومحمد`` "and Muhammad", ``לדוד`` "to David"); Tamil, Bengali, Georgian, Armenian and Russian
add case endings to a name (``ராஜாவிடம்``, ``সুমনের``, ``გიორგიმ``, ``Արամին``, ``Иванову``):
:func:`affixed` finds a one-word roster entry inside such a word. :func:`particle_parts` gives
the name parts a full name holds beyond its capitalised words: a surname with small particles
(``de la Cruz``, matched also as ``Delacruz``) and the given name of a Chinese or Korean name
written as one word (``김민준``: ``민준``).
"""
from __future__ import annotations

import operator
import re

__all__ = ["ARABIC_BEFORE", "BEFORE", "HEBREW_BEFORE", "SENTENCE_END", "STEM", "affixed", "affixed_in", "declinable",
           "particle_parts", "sentence_pieces"]

#: Letters written onto the word after them (conjunctions, prepositions, the article).
ARABIC_BEFORE, HEBREW_BEFORE = frozenset("وفبلكا"), frozenset("והבלמשכ")
BEFORE = ARABIC_BEFORE | HEBREW_BEFORE
#: A name takes an ending when it has at least STEM characters; an ending has at most five (vowel signs counted).
STEM = _MIN_STEM = 4
_MAX_ENDING = 5
_CYRILLIC_GREEK = re.compile("[\u0370-\u03ff\u0400-\u04ff]")
_FOUR, _FIRST = operator.itemgetter(slice(None, STEM)), operator.itemgetter(0)


def _anywhere(node: dict, end_key: str):
    return next((mark for mark, capital in node.get(end_key, ()) if not capital), None)


def declinable(root: dict, end_key: str) -> dict:
    """The one-word entries of ``root`` written in Cyrillic or Greek letters, of five letters or
    more, by their stem (the word without its last letter): Russian and Greek decline a name by
    its ending (Дмитрий: Дмитрию, Дмитрием; Αλέξανδρος: Αλέξανδρου)."""
    return {key[:-1]: node for key, node in root.items()
            if len(key) >= _MIN_STEM + 1 and _CYRILLIC_GREEK.search(key) and _anywhere(node, end_key)}


def affixed(root: dict, end_key: str, token: str, declined: dict | None = None):
    """The mark of the one-word entry of the trie ``root`` (entries ending at ``end_key``, as
    :class:`kit.privacy.NameMatcher` builds them; only those matched in any case) that ``token``,
    a folded word that is not ASCII, holds with an ending after it (a name of at least
    four characters, then at most five) or, in Arabic or Hebrew, one to three letters written
    onto it before (the rest at least three letters); ``declined`` (:func:`declinable`): a
    Cyrillic or Greek name with another ending in place of its last letter. None when it holds
    none. A short name takes no ending: Arabic علي (Ali) is not عليه ("on him")."""
    n = len(token)
    for cut in range(n - 1, max(_MIN_STEM - 1, n - _MAX_ENDING - 1), -1):
        node = root.get(token[:cut])
        if node is None and declined:
            node = declined.get(token[:cut])
        if node is not None and (mark := _anywhere(node, end_key)):
            return mark
    for letters in (ARABIC_BEFORE, HEBREW_BEFORE):
        k = 0
        while k < 3 and k < n - 3 and token[k] in letters:
            k += 1
            node = root.get(token[k:])
            if node is not None and (mark := _anywhere(node, end_key)):
                return mark
    return None


def affixed_in(root: dict, end_key: str, stems: frozenset, tokens, declined: dict | None = None) -> bool:
    """Whether a word of ``tokens`` (folded words) holds a one-word entry of ``root`` with
    letters written onto it (:func:`affixed`). ``stems``: the first :data:`STEM` characters of
    ``root``'s words; first, in C, whether any word starts as one of them or with a letter
    written onto a word (most texts: neither)."""
    if stems.isdisjoint(map(_FOUR, tokens)) and BEFORE.isdisjoint(map(_FIRST, tokens)):
        return False
    return any(affixed(root, end_key, t, declined) for t in tokens if not t.isascii())


def particle_parts(words: list[str]) -> list[str]:
    """Name parts of a full name (``words``: split at spaces) beyond its capitalised words:
    small particles with the surname after them (``Ana María de la Cruz``: ``de la Cruz``,
    ``la Cruz``), and the given name of a Chinese or Korean name of three or four syllables
    written as one word (a one-syllable surname, ``김민준``: ``민준``; four, two and two:
    ``欧阳娜娜``: ``欧阳``, ``娜娜``)."""
    parts = []
    for k, word in enumerate(words):
        if 0 < k < len(words) - 1 and word[:1].islower() and len(word) <= 4 and word.isalpha():
            end = next((m for m in range(k + 1, len(words)) if not words[m][:1].islower()), None)
            if end is not None and all(len(w) <= 4 and w.isalpha() for w in words[k:end]):
                parts.append(" ".join(words[k:end + 1]))
    if len(words) == 1 and 3 <= len(words[0]) <= 4 and all(_han_or_hangul(ch) for ch in words[0]):
        word = words[0]
        parts += [word[1:]] if len(word) == 3 else [word[:2], word[2:]]
    return parts


def _han_or_hangul(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uac00" <= ch <= "\ud7a3"


def sentence_pieces(folded: str, words, first: int, last: int, mark: str, cut: bool):
    """The span of words ``first``..``last`` matched as one name, cut where a sentence ends
    between two of them ("I asked Grace. Okafor came.": ``[name]. [name] came``, the full stop
    kept; session 10), each piece with ``mark``. Cut only when ``cut`` (a name): an email spelt
    out in words with spaced dots ("s i o b h a n . o n e i l l @ example . com") stays one span."""
    start = first
    for k in range(first, last if cut else first):
        if SENTENCE_END.search(folded, words[k].end(), words[k + 1].start()):
            yield words[start].start(), words[k].end(), mark
            start = k + 1
    yield words[start].start(), words[last].end(), mark


SENTENCE_END = re.compile(r"[.!?]\s")
