"""Whether a speaker label is surely a roster name written otherwise (:mod:`kit.speaker_roles`):
the participant's full name with one letter mistyped (``Margret Jones`` for Margaret Jones), or
written in an Indic script (``ਗੁਰਪ੍ਰੀਤ ਕੌਰ`` for Gurpreet Kaur, compared by consonants). A label
used once in a transcript is a speaker of its own (kit.transcript_once); it counts for the
participant only when :func:`near_name` says it is surely their name, else for nobody.

"Surely" is narrow on purpose (fail closed): both names have two words or more, the same
number of them; a typo is one letter added, dropped, changed or two swapped, in one word of
five letters or more, the other words the same; another script is an Indic one (Devanagari,
Gurmukhi, Bengali, ...: its letters' Unicode names give their consonants) and every word's
consonants match. Anything else (Arabic, Cyrillic, Chinese, a first name alone) is not sure.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kit.transcript_letters import WORD

__all__ = ["near_name", "one_edit"]

_INDIC = ("DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA",
          "MALAYALAM", "SINHALA")
_NASAL = ("ANUSVARA", "BINDI", "TIPPI", "CANDRABINDU")
_VOWELS = re.compile(r"[aeiouh]+")  # 'h' too: aspirates (``GHA``) are written with and without it


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one letter added, dropped, changed, or two
    neighbours swapped (Damerau-Levenshtein distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _indic_consonants(word: str) -> str | None:
    """The consonants of a word in an Indic script, from its letters' Unicode names (``GURMUKHI
    LETTER GA`` is g; vowel signs and the virama are none; a nasal sign is n); None when a
    character is not such a letter or sign."""
    out = []
    for ch in word:
        name = unicodedata.name(ch, "")
        if not name.startswith(_INDIC):
            return None
        if any(n in name for n in _NASAL):
            out.append("n")
        elif " LETTER " in name and " VOWEL " not in name:
            out.append(name.rsplit(" ", 1)[-1].lower())
    return _VOWELS.sub("", "".join(out))


def _latin_consonants(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", word))


@lru_cache(maxsize=4096)
def near_name(label: str, name: str) -> str:
    """``"typo"`` when ``label`` is roster ``name`` with one letter mistyped, ``"script"`` when it
    is ``name`` written in an Indic script, else ``""`` (see the module doc)."""
    from kit.privacy_text import fold

    wanted = [w for w in WORD.findall(fold(str(name or ""))) if len(w) > 1]
    words = [w for w in WORD.findall(fold(str(label or ""))) if len(w) > 1]
    if len(wanted) < 2 or len(words) != len(wanted):
        return ""
    if all(w.isascii() for w in words):
        differ = [(w, n) for w, n in zip(words, wanted) if w != n]
        return "typo" if len(differ) == 1 and len(differ[0][1]) >= 5 and one_edit(*differ[0]) else ""
    for w, n in zip(words, wanted):
        got = _indic_consonants(w)
        if not got or not n.isascii() or re.sub(r"(.)\1+", r"\1", got) != _latin_consonants(n):
            return ""
    return "script"
