"""Whether a speaker label is surely a roster name written otherwise (:mod:`kit.speaker_roles`):
the participant's full name with one letter mistyped (``Margret Jones`` for Margaret Jones), or
written in another script (``ਗੁਰਪ੍ਰੀਤ ਕੌਰ`` for Gurpreet Kaur, compared by consonants). A label
used once in a transcript is a speaker of its own (kit.transcript_once); it counts for the
participant only when :func:`near_name` says it is surely their name, else for nobody.

"Surely" is narrow on purpose (fail closed): both names have two words or more, the same
number of them; a typo is one letter added, dropped, changed or two swapped, in one word of
five letters or more, the other words the same; in a script written without its vowels (Arabic,
Hebrew, the Indic ones) every word is the name's word as :func:`written_as` says (the rule
:mod:`kit.privacy_written` redacts by too), or, in an Indic script, its letters' Unicode names give
the word's consonants. Cyrillic, Greek, Chinese, or a first name alone, is not sure (as a label;
redaction reads those scripts by :func:`written_as` too).

:func:`written_as` is the one rule by which a word in another script is a Latin roster name written
in it (session 14 F1: ``فاطمة`` for Fatima, ``أحمد`` for Ahmed, ``Фатима``, ``अहमद``): the word
transliterated to Latin letters (``anyascii``) and the name compared as :func:`name_keys` reduces
both: in a script written without its short vowels (Arabic, Hebrew, Syriac, Thaana; the Indic
scripts, whose inherent vowel is not written) by their consonant skeletons (``ahmd`` and
``ahmed``: ``hmd``), in any other (Cyrillic, Greek, Georgian, Armenian...) with their vowels; a
key of fewer than :data:`MIN_KEY` letters, one of just three consonants with no vowel written (a
bare Arabic root: ``درس`` "lesson" is not Darius), or a word on the stop-word list of a language
written in that script, is never a name.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kit.transcript_letters import WORD

__all__ = ["MIN_KEY", "NO_VOWELS", "name_keys", "near_name", "one_edit", "script_of", "written_as", "written_key"]

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


#: Scripts written without their short vowels (or, Indic, without the inherent one): compared by consonants.
NO_VOWELS = frozenset({"ARABIC", "HEBREW", "SYRIAC", "THAANA", *_INDIC})
#: The fewest letters a key has to be compared at all (``bn``, ``ly``: too many words).
MIN_KEY = 3
# Spellings that differ between transliterations of one sound, each to one of them.
_DIGRAPHS = (("ph", "f"), ("kh", "h"), ("gh", "g"), ("dh", "d"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("sz", "sh"),
             ("cz", "ch"))
_STOP_LISTS = {"ARABIC": ("arabic", "persian"), "HEBREW": ("hebrew",), "CYRILLIC": ("russian", "ukrainian", "bulgarian"),
               "GREEK": ("greek",), "DEVANAGARI": ("hindi",), "GUJARATI": ("gujarati",)}


@lru_cache(maxsize=65536)
def script_of(word: str) -> str:
    """The first word of the Unicode name of ``word``'s first letter that is not Latin
    (``"ARABIC"``, ``"CYRILLIC"``, ``"DEVANAGARI"``), ``""`` for a word of Latin letters."""
    for ch in word:
        if ch.isalpha() and not ch.isascii():
            script = unicodedata.name(ch, "").split(" ", 1)[0]
            if script != "LATIN":
                return script
    return ""


@lru_cache(maxsize=65536)
def name_keys(latin: str) -> tuple[str, str]:
    """``(consonants, letters)``: a word in Latin letters as :func:`written_as` compares it,
    lower case, letters only, one spelling for sounds transliterations spell differently
    (``kh``: ``h``, ``ph``: ``f``), doubled letters single; ``consonants`` without the vowels
    (``a e i o u``, and ``y`` and ``w``, which Arabic and Hebrew write for long vowels) nor a
    final ``h`` (Arabic ``ة``: ``فاطمة`` is ``ftmh``), ``letters`` with ``y`` and ``j`` as
    ``i`` and ``w`` as ``v``."""
    text = "".join(ch for ch in latin.lower() if "a" <= ch <= "z")
    for spelt, one in _DIGRAPHS:
        text = text.replace(spelt, one)
    consonants = re.sub(r"(.)\1+", r"\1", re.sub("[aeiouyw]+", "", text)).removesuffix("h")
    letters = re.sub(r"(.)\1+", r"\1", text.translate(str.maketrans("yjw", "iiv")))
    return consonants, letters


@lru_cache(maxsize=1)
def _stop_words() -> dict:
    from stop_words import get_stop_words

    from kit.privacy_text import unmarked

    out: dict = {}
    for script, languages in _STOP_LISTS.items():
        words: set = set()
        for language in languages:
            try:
                words.update(unmarked(unicodedata.normalize("NFC", w).lower()) for w in get_stop_words(language))
            except Exception:  # noqa: BLE001 - a missing list: the length rule still applies
                continue
        out[script] = frozenset(words)
    return out


@lru_cache(maxsize=65536)
def written_key(word: str) -> tuple[str, str] | None:
    """``(script, key)`` of a word in another script, as written (not folded: folding reads a
    Cyrillic ``р`` as the Latin ``p`` it looks like): its script (:func:`script_of`) and its Latin
    transliteration reduced as :func:`name_keys` reduces a name, the consonants in a script of
    :data:`NO_VOWELS`, the letters in any other; None for a Latin word, one of fewer than
    :data:`MIN_KEY` letters so reduced, or an everyday word of its script's languages."""
    script = script_of(word)
    if not script or script in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL"):
        return None  # written without spaces between words, or by syllables: not compared
    from kit.privacy_text import unmarked

    word = unmarked(unicodedata.normalize("NFC", word).lower())
    if word in _stop_words().get(script, ()):
        return None
    from anyascii import anyascii

    consonants, letters = name_keys(anyascii(word))
    key = consonants if script in NO_VOWELS else letters
    if len(key) < MIN_KEY or (script in NO_VOWELS and len(key) == MIN_KEY and not any(map(_vowel, word))):
        return None  # three consonants and no vowel written: a bare root (درس "lesson", حمد "praise"), not Darius, Ahmed
    return script, key


_VOWEL_LETTERS = frozenset("اأإآىويءئؤאויע")  # Arabic and Hebrew letters written for a vowel (or its glottal onset)
_INDIC_VOWEL = re.compile(r" (?:VOWEL SIGN|LETTER (?:A|AA|I|II|U|UU|E|EE|AI|O|OO|AU))")


def _vowel(ch: str) -> bool:
    return ch in _VOWEL_LETTERS or (ch > "\u08ff" and _INDIC_VOWEL.search(unicodedata.name(ch, "")) is not None)


def written_as(word: str, name: str) -> bool:
    """Whether ``word`` (a word in another script, as written) is ``name`` (a folded word in Latin
    letters) written in that script (:func:`written_key` against :func:`name_keys`)."""
    found = written_key(word)
    if found is None or not name.isascii():
        return False
    script, key = found
    return key == name_keys(name)[0 if script in NO_VOWELS else 1]


def _latin_consonants(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", word))


@lru_cache(maxsize=4096)
def near_name(label: str, name: str) -> str:
    """``"typo"`` when ``label`` is roster ``name`` with one letter mistyped, ``"script"`` when it
    is ``name`` written in another script, else ``""`` (see the module doc)."""
    from kit.privacy_text import fold

    wanted = [w for w in WORD.findall(fold(str(name or ""))) if len(w) > 1]
    words = [w for w in WORD.findall(fold(str(label or ""))) if len(w) > 1]
    if len(wanted) < 2 or len(words) != len(wanted):
        return ""
    if all(w.isascii() for w in words):
        differ = [(w, n) for w, n in zip(words, wanted) if w != n]
        return "typo" if len(differ) == 1 and len(differ[0][1]) >= 5 and one_edit(*differ[0]) else ""
    written = [w for w in WORD.findall(unicodedata.normalize("NFC", str(label))) if len(w) > 1]  # not folded
    for w, n, as_written in zip(words, wanted, written if len(written) == len(words) else words):
        got = _indic_consonants(w)
        if not n.isascii() or not ((script_of(as_written) in NO_VOWELS and written_as(as_written, n)) or (
                got and re.sub(r"(.)\1+", r"\1", got) == _latin_consonants(n))):
            return ""
    return "script"
