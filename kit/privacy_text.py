"""Text helpers of :mod:`kit.privacy`: folding (lower case, no accents, look-alike letters of
other scripts as the Latin letter (Unicode TR39 confusables), character for character),
invisible format characters, a text's words, and the everyday words that are also names."""
from __future__ import annotations

import re
import unicodedata

from kit.look_alikes import latin_look_alike

__all__ = ["fold", "invisible_pattern"]  # the rest is kit.privacy's own (imported there)


# -- folding: the same length, lower case, no accents ------------------------------------------
class _Fold(dict):
    """``str.translate`` table: each character to its lower-case letter without accents,
    one character for one (so positions in the folded text are positions in the text)."""

    def __missing__(self, code: int):
        ch = chr(code)
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c)).lower() or ch
        value = base if len(base) == 1 else ch.lower() if len(ch.lower()) == 1 else ch
        if not value.isascii():
            # a letter with a stroke that has no decomposition (Ł, Ø, Đ): its base letter
            value = _STROKED.get(value, value)
        if not value.isascii():
            # a look-alike of a Latin letter (Cyrillic а, Greek ο) reads as that letter, in both
            # cases alike: Greek Β and β both read "b", so "ΒΑΣΙΛΗΣ" is "Βασίλης"
            folded = value.casefold() if len(value.casefold()) == 1 else value  # final ς as σ
            upper = folded.upper() if len(folded.upper()) == 1 else ch
            value = (_latin_look_alike(folded) or _latin_look_alike(upper) or folded)
        self[code] = value
        return value


# -- confusables: letters of other scripts that look like Latin letters ------------------------
# Unicode TR39's table (:mod:`kit.look_alikes`): a character one of whose homoglyphs is a
# single Latin letter folds to that letter in lower case (Cyrillic "А" and Greek "Α" to "a",
# Cyrillic "о" to "o", Cyrillic "Н" to "h"), so that "Аnna" with a Cyrillic А is the roster's
# Anna and a quote retyped with look-alike letters is still its speaker's words. One character
# for one, as folding is; digits and punctuation are never a letter's look-alike.
def _latin_look_alike(ch: str) -> str | None:
    """The Latin letter (lower case) that ``ch`` is confusable with per Unicode TR39, or None."""
    letter = latin_look_alike(ch)
    return letter.lower() if letter else None


_FOLD = _Fold()

# Letters with a stroke or bar that Unicode does not decompose into a base letter and a mark.
_STROKED = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ƚ": "l", "ɨ": "i", "ƀ": "b",
            "ƶ": "z", "ǥ": "g", "ɍ": "r", "ȿ": "s", "ɇ": "e", "ꝁ": "k"}


# Characters a reader does not see: Unicode's Default_Ignorable_Code_Point (zero-width spaces and
# joiners, U+FEFF, U+2060, bidi marks and overrides, soft hyphens, variation selectors, the
# combining grapheme joiner, Hangul fillers, tag characters) and the format characters
# (category Cf). The kit's one definition of invisible: a name written with them in it
# ("Jo\u200bsé", "Jo\ufe0fsé") reads as the name, in redaction (:func:`_visible`: the
# positions found map back to the text as written), in speaker labels
# (:func:`kit.speaker_roles.plain_label`) and in printed lines (:mod:`kit.outputs`).
_INVISIBLE: list = []


def invisible_pattern():
    """The compiled pattern (the ``regex`` module) of a run of invisible characters."""
    if not _INVISIBLE:
        import regex

        _INVISIBLE.append(regex.compile(r"[\p{Default_Ignorable_Code_Point}\p{Cf}]+"))
    return _INVISIBLE[0]


def _format_in(text: str) -> set[str]:
    """The invisible characters ``text`` holds, read from its set of characters: no table of
    all of Unicode to build (0.6 s of CPU in every process that redacted), no search of a page
    with the class of all of them (about 20 times slower, issue 20)."""
    pattern = invisible_pattern()
    return {ch for ch in set(text) if not ch.isascii() and pattern.match(ch)}


def _visible(text: str) -> tuple[str, list[int] | None]:
    """``text`` without invisible characters (:func:`invisible_pattern`), and for each character left the
    position it had in ``text`` (None when there were none: positions are unchanged)."""
    if text.isascii():
        return text, None
    present = _format_in(text)
    if not present:
        return text, None
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(present)) + "]")
    kept, start = [], 0
    for match in pattern.finditer(text):  # a few format characters in a long text (a page)
        kept.extend(range(start, match.start()))
        start = match.end()
    kept.extend(range(start, len(text)))
    return pattern.sub("", text), kept


# What splits a name in a text without being seen as part of it: a word broken at a line's end
# with a hyphen ("Wata-" / "nabe": captions and PDFs break long names so), and a terminal's
# colour codes ("\x1b[1mKenji\x1b[0m", or their debris "[1mKenji[0m" when the escape character
# was lost in a copy).
BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-\s+(?=[^\W\d_])|\x1b\[[0-9;?]*[A-Za-z]|\[[0-9;]{1,12}m")


def rejoined(text: str) -> tuple[str, list[int]] | None:
    """``text`` with every word broken by a hyphen at a line's end written whole
    (``"Wata-\nnabe"`` -> ``"Watanabe"``) and colour codes left out, and for each character
    left the position it had in ``text``; None when it holds neither (most texts: one search)."""
    if ("-" not in text and "[" not in text) or BROKEN_WORD.search(text) is None:
        return None
    kept, start = [], 0
    for match in BROKEN_WORD.finditer(text):
        kept.extend(range(start, match.start()))
        start = match.end()
    kept.extend(range(start, len(text)))
    return BROKEN_WORD.sub("", text), kept


def _unmap(spans, kept):
    """Spans found in a text without format characters as positions in the text as written."""
    if kept is None:
        return spans
    return [(kept[s], kept[e - 1] + 1, *rest) for s, e, *rest in spans]


def fold(text: str) -> str:
    """``text`` in lower case without accents, character for character
    (``fold("José GARCÍA") == "jose garcia"``); decomposed accents are composed first, and a
    letter of another script that looks like a Latin letter (Unicode TR39 confusables:
    Cyrillic "А", Greek "ο") is that letter (``fold("Аnnа") == "anna"``)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        return text.translate(_FOLD)
    return text.lower()


# Words: runs of letters and digits (an underscore, dash, dot or apostrophe separates them,
# so ``maria_lopez.vtt`` is the words maria, lopez, vtt). HTML character references are
# matched so that they can be skipped (``don&#x27;t`` reads as don, t).
_WORD = re.compile(r"&#?[0-9a-z]+;|[^\W_]+")
_PLAIN_WORD = re.compile(r"[^\W_]+")

# Everyday English words that are also first names or surnames: such a name part is a name
# only when capitalised as a name is ("Grant me that" vs "we grant a discount"); every
# other part of a name is matched in any case ("thanks, dana").
_EVERYDAY = frozenset(re.findall(r"[a-z]+", """
    will may june april august summer grace hope faith joy rose lily ivy ruby pearl holly
    mark bill pat sue ray jack frank guy rich drew gene art chase lane miles norman earl rob
    dawn sky rain river stone wood hill fields brown green white black young king bell
    grant page hunter cook baker carter fisher miller mason parker porter walker ward
    long short little small rice banks price lake moss marsh field north west south
    sterling pierce wade rusty sandy terry don dean hall court major long best love
    penny daisy violet hazel olive ginger amber crystal dusty sunny storm
"""))


def _everyday_words() -> frozenset:
    """Lower-case words that are also names: the list above, the English words of the
    lexicon shipped in the ``lemminflect`` wheel (nouns, verbs, adjectives, adverbs: email,
    date, quote, line, hope) and VADER's lexicon."""
    words = set(_EVERYDAY)
    try:
        import gzip
        from importlib.resources import files

        data = gzip.decompress((files("lemminflect") / "resources" / "lemma_lu.csv.gz").read_bytes())
        words.update(w.decode("ascii") for w in re.findall(rb"(?m)^([a-z]+),", data))  # lower-case entries only
    except (ImportError, OSError, ValueError, EOFError):
        pass
    try:
        from importlib.resources import files

        lexicon = files("vaderSentiment") / "vader_lexicon.txt"
        for line in lexicon.read_text(encoding="utf-8", errors="replace").splitlines():
            word = line.split("\t", 1)[0]
            if word.isalpha():
                words.add(word.lower())
    except (ImportError, OSError, FileNotFoundError, ModuleNotFoundError):
        pass
    return frozenset(words)


_EVERYDAY_CACHE: list = []


def _everyday() -> frozenset:
    if not _EVERYDAY_CACHE:
        _EVERYDAY_CACHE.append(_everyday_words())
    return _EVERYDAY_CACHE[0]


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(_visible(text)[0])) if not w.startswith("&")]
