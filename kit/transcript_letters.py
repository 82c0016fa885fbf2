"""A name's letters in every script, for the speaker-label patterns of the transcript readers
(session-10 attacker fault A4).

Python's ``\\w`` (and ``[^\\W\\d_]``) matches a character that ``str.isalnum`` accepts: letters and
digits, but not the combining marks that most scripts write their names with (Unicode general
categories Mn, Mc and Me: the vowel signs and virama of Devanagari, Bengali, Tamil, Thai...,
Arabic and Hebrew vowel points, the accents of a decomposed ``é``). A label pattern made of
``\\w`` stops in the middle of ``राहुल:`` (र, then the vowel sign ा) and the line was read as
part of the turn above. The patterns here accept a letter or digit with its marks:

* :data:`MARKS`: the body of a regular-expression character class holding every combining
  mark of the running Python's Unicode database (``unicodedata.category`` starting with "M"),
  as ranges;
* :data:`NAME_CHAR`: one character of a word (``\\w`` or a mark); :data:`WORD`: a word's
  letters and digits with their marks (``[^\\W_]+`` with marks); :data:`NOT_WORD`: what lies
  between words (``[\\W_]+`` without marks);
* :func:`starts_like_name`: whether a word starts with a capital or with a letter of a script
  without capitals (Devanagari, Arabic, Hebrew, Thai, Han, Hangul...), as a name does.

Working the marks out costs about 15 ms once, when the module is imported.
"""
from __future__ import annotations

import re
import unicodedata
from array import array

__all__ = ["BMP_MARKS", "MARKS", "NAME_CHAR", "NOT_WORD", "WORD", "beyond_bmp", "starts_like_name"]


# The code points that may hold a mark: none is below U+0300, in the blocks of Han ideographs,
# Hangul syllables, Yi, surrogates, private use, Tangut, or after the script blocks but for the
# variation selectors supplement.
_SPANS = ((0x300, 0x3400), (0x4DC0, 0x4E00), (0xA000, 0xAC00), (0xD7B0, 0xD800), (0xF900, 0x17000),
          (0x18D00, 0x1F000), (0xE0100, 0xE01F0))


def _mark_ranges() -> str:
    # re finds the candidates (neither word characters nor spaces) at C speed, unicodedata keeps
    # the marks among them
    points = array("I", (c for a, b in _SPANS for c in range(a, b))).tobytes().decode("utf-32-le")
    category = unicodedata.category
    marks = [ord(c) for c in re.findall(r"[^\w\s]", points) if category(c)[0] == "M"]
    ranges: list[list[int]] = []
    for code in marks:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])

    def written(code: int) -> str:
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"

    return "".join(written(a) if a == b else f"{written(a)}-{written(b)}" for a, b in ranges)


#: Every combining mark (Mn, Mc, Me), as the body of a character class (``[...]`` without brackets).
MARKS = _mark_ranges()
#: The marks of the Basic Multilingual Plane (every living script's but Adlam's, Chakma's, Hanifi
#: Rohingya's, Wancho's, Hmong's...): a class of these alone is a table lookup for ``re``, one
#: with the marks beyond U+FFFF a scan of their ranges (twice the time on a transcript's text).
BMP_MARKS = MARKS[:MARKS.index("\\U")] if "\\U" in MARKS else MARKS
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def beyond_bmp(text: str) -> bool:
    """Whether ``text`` holds a character beyond U+FFFF (so a pattern with :data:`BMP_MARKS`
    alone may miss a mark of it)."""
    return not text.isascii() and _ASTRAL.search(text) is not None
#: One character of a word: a letter, digit or ``_`` (``\w``) or a combining mark.
NAME_CHAR = rf"[\w{MARKS}]"
#: A word: letters and digits with their combining marks (``[^\W_]+`` that does not stop at a mark).
WORD = re.compile(rf"(?:[^\W_]|[{MARKS}])+")
#: What separates words: ``[\W_]+`` that does not take a combining mark for a separator.
NOT_WORD = re.compile(rf"[^\w{MARKS}]+|_+")


def starts_like_name(word: str) -> bool:
    """Whether ``word`` starts with a capital letter (``Maya``) or with a letter of a script that
    has no capitals (``राहुल``, ``محمد``, ``王伟``), as a name written as a name does."""
    first = word[:1]
    return first.isupper() or first.isalpha() and first == first.lower() == first.upper() and not first.isascii()
