"""Name matching in scripts other than Latin, for :mod:`kit.privacy`'s roster matcher.

Arabic and Hebrew write conjunctions, prepositions and the article onto the word after them
(``ومحمد`` "and Muhammad", ``לדוד`` "to David"); Tamil, Bengali, Georgian, Armenian and Russian
add case endings to a name (``ராஜாவிடம்``, ``সুমনের``, ``გიორგიმ``, ``Արամին``, ``Иванову``):
:func:`affixed` finds a one-word roster entry inside such a word. The Slavic languages written
in Latin letters (Polish, Czech, Slovak, Slovenian, Croatian) decline names too (``Łucji
Kowalskiej``, ``Tomaszowi Wójcikowi``, ``Jiřímu Novákovi``): :func:`slavic_forms` gives a folded
name part's declined forms, which the matcher reads as that part where written capitalised
(:func:`slavic_aliases`). :func:`particle_parts` gives
the name parts a full name holds beyond its capitalised words: a surname with small particles
(``de la Cruz``, matched also as ``Delacruz``) and the given name of a Chinese or Korean name
written as one word (``김민준``: ``민준``).
"""
from __future__ import annotations

import operator
import re
from functools import lru_cache

__all__ = ["ARABIC_BEFORE", "BEFORE", "HEBREW_BEFORE", "SENTENCE_END", "SLAVIC_ENDINGS", "STEM", "affixed", "affixed_in",
           "declinable", "particle_parts", "sentence_pieces", "slavic_aliases", "slavic_forms", "slavic_part", "slavic_stop_words"]

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


# The case endings of names in Polish, Czech, Slovak, Slovenian and Croatian, folded as the
# matcher folds (ą: a, ę: e, é: e, ý: y, ě: e), by the name's last letter and by case
# (genitive, dative, accusative, instrumental, locative, vocative): the endings that replace a
# final -a (Łucja: Łucji, Kowalska: Kowalskiej, Jana: Janě, Nováková: Novákovou), a final -i or
# -y (Zieliński: Zielińskiego, Černý: Černému, Jiří: Jiřím) or a final -o (Marko: Marka), and
# those added after a consonant (Tomasz: Tomaszowi, Novák: Novákem, Ivan: Ivanom).
SLAVIC_ENDINGS = {
    "a": {"gen": ("i", "y", "e", "ej", "iej"), "dat": ("i", "e", "ej", "iej", "ie", "owi", "ovi"),
          "acc": ("e", "a", "u", "ou"), "ins": ("a", "ou", "om", "oj"), "loc": ("i", "e", "ej", "iej", "ie", "owi", "ovi"),
          "voc": ("o", "e")},  # -owi, -ovi: a man's name in -a (Svoboda: Svobodovi)
    "i": {"gen": ("iego", "ego", "eho", "iho"), "dat": ("iemu", "emu", "imu"), "acc": ("iego", "ego", "eho", "iho"),
          "ins": ("im", "ym"), "loc": ("im", "ym", "em")},
    "y": {"gen": ("ego", "eho"), "dat": ("emu",), "acc": ("ego", "eho"), "ins": ("ym", "im"), "loc": ("ym", "em")},
    "o": {"gen": ("a",), "dat": ("u", "owi", "ovi"), "acc": ("a",), "ins": ("om", "em"), "loc": ("u", "ovi")},
    "": {"gen": ("a", "u"), "dat": ("owi", "ovi", "u"), "acc": ("a",), "ins": ("em", "iem", "om"),
         "loc": ("u", "e", "ie", "ovi", "owi"), "voc": ("u", "e", "ie")},
}
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1 << 16)  # a roster repeats its first names and surnames
def slavic_forms(word: str) -> dict[str, frozenset]:
    """The declined forms of a folded Latin name part (:data:`SLAVIC_ENDINGS`) by case; {} for
    a part too short to take an ending as :func:`affixed` allows (an ending after at least
    :data:`STEM` letters: a name ending in a consonant of four letters or more, one ending in a
    vowel of five or more, whose stem is then four) or not written in plain Latin letters."""
    if not (word.isascii() and word.isalpha()):
        return {}
    last = word[-1]
    if last in _VOWELS:
        if last not in SLAVIC_ENDINGS or len(word) < _MIN_STEM + 1:
            return {}
        stem, endings = word[:-1], SLAVIC_ENDINGS[last]
    else:
        if len(word) < _MIN_STEM:
            return {}
        stem, endings = word, SLAVIC_ENDINGS[""]
    return {case: frozenset(f for e in ends if (f := stem + e) != word) for case, ends in endings.items()}


@lru_cache(maxsize=1 << 16)
def slavic_part(word: str, everyday: frozenset) -> frozenset:
    """The declined forms of a folded name part (:func:`slavic_forms`) that are not everyday
    words of English (``everyday``), Polish, Czech or Slovak: the matcher holds them as names
    written capitalised (``Łucji``, ``Tomaszowi``)."""
    common = slavic_stop_words()
    return frozenset(f for fs in slavic_forms(word).values() for f in fs if f not in everyday and f not in common)


def slavic_aliases(words, root: dict, everyday: frozenset) -> dict:
    """Each declined form (:func:`slavic_part`) of ``words`` (the words of the names a
    :class:`kit.privacy.NameMatcher` matches in any case) mapped to its word: ``łucji``,
    ``łucję``, ``łucją`` -> ``łucja``. The matcher reads a capitalised word so (``Łucji
    Kowalskiej``: the full name ``łucja kowalska``). A form that is itself a word of the trie
    ``root`` is left to it."""
    aliases: dict = {}
    for word in sorted(words):
        for form in sorted(slavic_part(word, everyday)):
            if form not in root:
                aliases.setdefault(form, word)
    return aliases


@lru_cache(maxsize=1)
def slavic_stop_words() -> frozenset:
    """The everyday words of Polish, Czech and Slovak (the stop-words package), folded: a
    declined form that is one of them is not a name (a name never declines into ``tego``)."""
    from stop_words import get_stop_words

    from kit.privacy_text import fold

    words = set()
    for language in ("polish", "czech", "slovak"):
        try:
            words.update(fold(w) for w in get_stop_words(language))
        except Exception:  # noqa: BLE001 - a missing list: the other checks still apply
            continue
    return frozenset(words)
