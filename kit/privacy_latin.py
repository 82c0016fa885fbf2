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
variants (``olga``). The reverse, a name in Latin letters written in Cyrillic (``Уилл Белл``
for Will Bell), by :func:`cyrillic_spellings`.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["cyrillic_spellings", "latin_spellings", "other_script"]

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
        # -ий written -i, the usual English spelling (Dmitri Mendeleev, Yuri Gagarin; attacker s17 A1)
        found.append(iuliia.WIKIPEDIA.translate(_II_END.sub(r"\1", name)))
    found.append(anyascii(name))
    found += _han_orders(name, anyascii)
    if "ου" in name.lower():  # Greek ου is written ou (ELOT 743: Papadopoulos), anyascii gives oy
        found.append(anyascii(name.replace("ου", "ou").replace("Ου", "Ou").replace("ΟΥ", "OU")))
    out = []
    for spelling in found:
        spelling = spelling.replace("\u2019", "'").replace("\u02bc", "'")
        if spelling and spelling != name and not other_script(spelling) and spelling not in out:
            out.append(spelling)
    return tuple(out)


_II_END = re.compile(r"(?<=\w)([иИ])[йЙ](?!\w)")


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _han_orders(name: str, anyascii) -> list[str]:
    """A Chinese name of two to four Han characters in pinyin as people write it in English: the
    surname first and the given name written as one word (王小明: ``Wang Xiaoming``), and the
    given name first (``Xiaoming Wang``, how it is written in the West; attacker s17 A2). A name
    of four characters has a two-character surname (欧阳娜娜: ``Ouyang Nana``)."""
    if not 2 <= len(name) <= 4 or not all(_han(ch) for ch in name):
        return []
    cut = 2 if len(name) == 4 else 1
    surname = "".join(anyascii(ch) for ch in name[:cut]).capitalize()
    given = "".join(anyascii(ch) for ch in name[cut:]).capitalize()
    return [f"{surname} {given}", f"{given} {surname}"]


# -- the reverse: a name in Latin letters written in Cyrillic ------------------------------------
# A Russian or Ukrainian transcript writes the roster's Will Bell as Уилл Белл (or Вилл Белл), Grace
# May as Грейс Мэй (or Мей). English names are written by their sound (practical transcription), so
# each word is read by rules with a few alternatives where the usual spellings differ; a handful of
# spellings a word, the most usual first. Not a dictionary: a rare spelling may still be missed.
_CYR_START = {"e": ("э", "е"), "w": ("у", "в"), "y": ("й",), "j": ("дж", "й"), "h": ("х", "г")}
_CYR_MULTI = (("sch", ("ш",)), ("tch", ("ч",)), ("sh", ("ш",)), ("ch", ("ч", "к")), ("zh", ("ж",)),
              ("kh", ("х",)), ("ts", ("ц",)), ("tz", ("ц",)), ("th", ("т", "с")), ("ph", ("ф",)),
              ("ck", ("к",)), ("qu", ("кв",)), ("wh", ("у", "в")), ("ee", ("и",)), ("ea", ("и",)),
              ("oo", ("у",)), ("ay", ("эй", "ей")), ("ey", ("ей", "эй", "и")), ("ai", ("ей", "эй", "аи")),
              ("oy", ("ой",)), ("ow", ("оу", "ау")), ("ou", ("у", "ау")), ("ie", ("и", "ай")),
              ("ya", ("я",)), ("yu", ("ю",)), ("yo", ("йо", "ё")), ("ye", ("е", "йе")), ("aw", ("о",)),
              ("au", ("о", "ау")), ("x", ("кс",)), ("y", ("и", "й")))
_CYR_ONE = {"a": ("а",), "b": ("б",), "c": ("к",), "d": ("д",), "e": ("е",), "f": ("ф",), "g": ("г",),
            "h": ("х", ""), "i": ("и",), "j": ("дж",), "k": ("к",), "l": ("л",), "m": ("м",), "n": ("н",),
            "o": ("о",), "p": ("п",), "q": ("к",), "r": ("р",), "s": ("с",), "t": ("т",), "u": ("у", "а"),
            "v": ("в",), "w": ("у", "в"), "z": ("з",)}
_CYR_MAGIC = {"a": ("ей", "эй"), "i": ("ай",), "o": ("оу", "о"), "u": ("ю", "у"), "e": ("и",), "y": ("ай",)}
_CYR_VOWELS = frozenset("aeiouy")
_CYR_MAX = 6  # spellings a word


@lru_cache(maxsize=8192)
def _cyrillic_word(word: str) -> tuple[str, ...]:
    """The Cyrillic spellings of one word of Latin letters (folded, lower case), most usual first."""
    magic = len(word) >= 3 and word[-1] == "e" and word[-2] not in _CYR_VOWELS and word[-3] in _CYR_VOWELS \
        and (len(word) < 4 or word[-4] not in _CYR_VOWELS)  # Grace, Jane, Mike, Rose: the e is silent
    body = word[:-1] if magic else word
    pieces: list[tuple[str, ...]] = []
    i = 0
    while i < len(body):
        rest = body[i:]
        if magic and i == len(body) - 2 and body[i] in _CYR_MAGIC:
            pieces.append(_CYR_MAGIC[body[i]] + _CYR_ONE.get(body[i], ()))
            i += 1
            continue
        if i == 0 and rest[0] in _CYR_START and not any(rest.startswith(m) for m, _ in _CYR_MULTI[:-2] if len(m) > 1):
            pieces.append(_CYR_START[rest[0]])
            i += 1
            continue
        after = word[i + 1:i + 2]  # the silent e too: Grace, George
        if rest[0] == "c" and after in ("e", "i", "y"):
            pieces.append(("с",))
            i += 1
            continue
        if rest[0] == "g" and after in ("e", "i", "y"):
            pieces.append(("дж", "г"))
            i += 1
            continue
        if rest[0] == "s" and 0 < i and body[i - 1] in _CYR_VOWELS and after in _CYR_VOWELS:
            pieces.append(("з", "с"))  # Rose: Роуз
            i += 1
            continue
        for multi, out in _CYR_MULTI:
            if rest.startswith(multi):
                pieces.append(out)
                i += len(multi)
                break
        else:
            pieces.append(_CYR_ONE.get(rest[0], (rest[0],)))
            i += 1
    # the first choice everywhere, then one other choice at a time, left to right
    first = [choices[0] for choices in pieces]
    out = ["".join(first)]
    for k, choices in enumerate(pieces):
        for other in choices[1:]:
            spelling = "".join(first[:k]) + other + "".join(first[k + 1:])
            if spelling not in out:
                out.append(spelling)
    return tuple(out[:_CYR_MAX])


@lru_cache(maxsize=4096)
def cyrillic_spellings(name: str) -> tuple[str, ...]:
    """The Cyrillic spellings of ``name`` when it is written in Latin letters (the reverse of
    :func:`latin_spellings`): ``Уилл Белл``, ``Вилл Белл`` ... for ``Will Bell``, most usual first,
    at most :data:`_CYR_MAX` for one word, two for a full name (each word's n-th spelling
    together: each part of it is matched alone, in any of its spellings); ``()`` for a name in
    another script."""
    import re

    folded = name if name.isascii() else \
        "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    if not re.search(r"[A-Za-z]", folded) or (not folded.isascii() and other_script(folded)):
        return ()
    words = re.findall(r"[A-Za-z]+|[^A-Za-z]+", folded)
    each = [_cyrillic_word(w.lower()) if w[0].isascii() and w[0].isalpha() else (w,) for w in words]
    alone = len([w for w in words if w[0].isalpha()]) == 1
    out = []
    for k in range(_CYR_MAX if alone else 2):  # a full name: its two most usual (each part is matched alone too)
        spelling = "".join((w[k] if k < len(w) else w[0]) for w in each)
        spelling = "".join(part.capitalize() if part[:1].isalpha() else part
                           for part in re.split(r"(\W+)", spelling))
        if spelling not in out:
            out.append(spelling)
    if alone:  # a name part alone: never a short or everyday word
        common = _cyrillic_stop_words()
        out = [s for s in out if len(s) >= 3 and s.lower() not in common]
    return tuple(out)


@lru_cache(maxsize=1)
def _cyrillic_stop_words() -> frozenset:
    """The everyday words of Russian, Ukrainian and Bulgarian (the stop-words package): a
    name part spelt as one of them (Ли, Да) is not looked for."""
    from stop_words import get_stop_words

    words: set = set()
    for language in ("russian", "ukrainian", "bulgarian"):
        try:
            words.update(w.lower() for w in get_stop_words(language))
        except Exception:  # noqa: BLE001 - a missing list: the length rule still applies
            continue
    return frozenset(words)
