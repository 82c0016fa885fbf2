"""A name written in another script, in the Latin letters people write it with.

A roster that holds ``Ольга Петрова`` or ``Дмитрий Иванов`` meets the same people in English
transcripts and notes as ``Olga Petrova`` and ``Dmitrii`` / ``Dmitriy`` / ``Dmitry Ivanov``
(attacker, session 13: the Latin spelling stayed in the index and a search for ``Petrova``
found it). :func:`latin_spellings` gives the usual Latin spellings of such a name, so that the
roster's matcher (:func:`kit.privacy.name_variants`) replaces them as it replaces the name.

Sources: Cyrillic by three of the systems in everyday use, from the ``iuliia`` package's
published schemas: ICAO Doc 9303 (machine-readable passports since 2013: ``Dmitrii``,
``Iuliia``), BGN/PCGN 1947 (English-language press and maps: ``Dmitriy``, ``Yuliya``) and
Wikipedia's English convention (``Dmitry``, ``Yulia``). Every other script (Greek, Georgian,
Armenian, Arabic, Hebrew, Devanagari, Thai, Hangul, kana, ...) by ``anyascii``'s
transliteration (Greek also with ου as ``ou``, ELOT 743: ``Papadopoulos``), which is also the fallback for Cyrillic letters of other languages.
Apostrophes standing for a soft or hard sign (``Ol'ga``) are dropped by the matcher's own
variants (``olga``). Names in Latin letters give nothing. The reverse (a Latin roster name
written in Cyrillic in a transcript) is not covered.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["latin_spellings", "other_script"]

# Transliterations: Müller is also written Mueller, Strauß Strauss, Kjærgaard Kjaergaard, Søren Soeren.
_TRANSLITERATE = str.maketrans({"ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss", "Ü": "Ue", "Ö": "Oe", "Ä": "Ae",
                                "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa",
                                "þ": "th", "Þ": "Th", "ẞ": "SS"})
# Ligatures written as their two letters, other letters left to folding (ø: o, å: a).
_LIGATURES = str.maketrans({"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ß": "ss", "ẞ": "SS"})


def other_script(text: str) -> bool:
    """Whether ``text`` holds a letter that is not a Latin one."""
    return any(ch.isalpha() and not unicodedata.name(ch, "LATIN").startswith("LATIN") for ch in text)


def _cyrillic(text: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


@lru_cache(maxsize=4096)
def latin_spellings(name: str) -> tuple[str, ...]:
    """The Latin spellings of ``name`` (NFC) when it is written in another script, most used
    first, without duplicates: ``("Olga Petrova", "Ol'ga Petrova")`` for ``Ольга Петрова``;
    ``()`` for a name in Latin letters. Imports ``anyascii`` (and ``iuliia`` for Cyrillic) on
    first use: a roster in Latin letters never loads them."""
    if not other_script(name):
        return ()
    from anyascii import anyascii

    found: list[str] = []
    if _cyrillic(name):
        import iuliia

        for schema in (iuliia.ICAO_DOC_9303, iuliia.BGN_PCGN, iuliia.WIKIPEDIA):
            found.append(schema.translate(name))
    found.append(anyascii(name))
    if "ου" in name.lower():  # Greek ου is written ou (ELOT 743: Papadopoulos), anyascii gives oy
        found.append(anyascii(name.replace("ου", "ou").replace("Ου", "Ou").replace("ΟΥ", "OU")))
    out = []
    for spelling in found:
        spelling = spelling.replace("\u2019", "'").replace("\u02bc", "'")
        if spelling and spelling != name and not other_script(spelling) and spelling not in out:
            out.append(spelling)
    return tuple(out)
