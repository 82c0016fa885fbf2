"""A roster name in Latin letters written in another script the study declares, for
:class:`kit.privacy.NameMatcher` (session 14 newcomer F1: ``أهلاً أحمد`` for Ahmed Al-Sayed,
``أنا فاطمة بن علي`` for Fatima Zahra Benali, in a study that declares ``ar``, stayed verbatim in
turns, search, the export and the published report, while the kit read ``فاطمة:`` as her label).

A word of the text in a script of a language the study declares (study.yml ``languages:`` and
participants.csv's ``language``; the script of a language by CLDR's likely subtags, from
``babel``: ``ar`` Arabic, ``ru`` Cyrillic, ``hi`` Devanagari) is a name when it is one of the
roster's words written in that script by :func:`kit.speaker_names.written_as`, the rule speaker
labels are read by: transliterated to Latin letters and compared by consonants in a script
written without its vowels (Arabic, Hebrew, the Indic scripts), by letters in any other. An
everyday word of the script's languages is never one, nor a key of fewer than three letters. So
is a short word (a particle such as ``بن``, "son of") with the word after it, written as one
(``بن علي``: ``bnly``, the consonants of Benali). Fail closed: a word whose key is a roster
name's is replaced whatever it means. Studies that declare no such language pay nothing.
"""
from __future__ import annotations

from functools import lru_cache

from kit.speaker_names import MIN_KEY, NO_VOWELS, name_keys, written_key

__all__ = ["WrittenNames", "declared_scripts"]

_PARTICLE = 3  # letters of a short word read with the word after it (بن, ابن, أبو, عبد)
_UNICODE_NAMES = {"BANGLA": "BENGALI", "ODIA": "ORIYA"}  # CLDR's English names where Unicode's differ


@lru_cache(maxsize=64)
def declared_scripts(languages: tuple) -> frozenset:
    """The scripts other than Latin that ``languages`` (codes: ``ar``, ``ru``, ``hi``) are written
    in, as the first word of their letters' Unicode names (``"ARABIC"``, ``"CYRILLIC"``)."""
    from babel import Locale
    from babel.core import get_global

    likely, english, out = get_global("likely_subtags"), Locale("en").scripts, set()
    for code in languages:
        tag = likely.get(str(code).replace("-", "_").split("_")[0].lower(), "")
        parts = tag.split("_")
        name = english.get(parts[1], "") if len(parts) > 2 else ""
        script = name.upper().split(" ")[0] if name else ""
        if script and script not in ("LATIN", "SIMPLIFIED", "TRADITIONAL", "JAPANESE", "KOREAN"):
            out.add(_UNICODE_NAMES.get(script, script))
    return frozenset(out)


class WrittenNames:
    """The keys of a roster's words (folded Latin words) for the scripts ``languages`` are
    written in; falsy when the study declares none of them or the roster has no such word."""

    def __init__(self, words, languages=()):
        self.scripts = declared_scripts(tuple(languages)) if languages else frozenset()
        self.keys: set = set()
        if self.scripts:
            for word in words:
                if word.isascii() and word.isalpha():
                    consonants, letters = name_keys(word)
                    self.keys.update(k for k in ((True, consonants), (False, letters)) if len(k[1]) >= MIN_KEY)

    def __bool__(self) -> bool:
        return bool(self.keys)

    def _is_name(self, word: str) -> bool:
        found = written_key(word)
        return found is not None and found[0] in self.scripts and (found[0] in NO_VOWELS, found[1]) in self.keys

    def any_in(self, words) -> bool:
        """Whether one of ``words`` (as written) is a roster name written in a declared script
        (alone, or joined to the word after it)."""
        words = [w for w in words if not w.isascii()]
        return any(self._is_name(w) for w in words) or any(
            len(a) <= _PARTICLE and self._is_name(a + b) for a, b in zip(words, words[1:]))

    def at(self, text: str, words: list, i: int) -> int | None:
        """The index of the last word of a roster name written in a declared script that starts
        at ``words[i]`` (regex matches in ``text``, whose letters are as written): ``i`` for the
        word alone, ``i + 1`` for a short word and the word after it, separated by spaces only,
        written as one (a short word: three letters or fewer); None for none."""
        word = text[words[i].start():words[i].end()]
        if word.isascii():
            return None
        if self._is_name(word):
            return i
        if i + 1 < len(words) and not text[words[i].end():words[i + 1].start()].strip():
            after = text[words[i + 1].start():words[i + 1].end()]
            if len(word) <= _PARTICLE and self._is_name(word + after):
                return i + 1
        return None
