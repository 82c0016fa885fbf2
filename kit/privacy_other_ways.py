"""Contact details and names written other ways (attacker s17 A2, A12, A13), for :mod:`kit.privacy`.

* A phone number typed with the letter O for a zero (``077OO 9OO 123``, ``O7700 900123``, as hand
  typing and transcription produce): a run of digits and O's that, each O read as 0, is a phone
  number by the kit's own rule (:func:`kit.privacy_phone._phone`), with at least
  :data:`_MIN_REAL_DIGITS` real digits, is ``[phone]`` (:func:`o_phones`). A word is never one: the
  run starts and ends at a digit or an O that stands alone, and holds nine digits or more.
* A UK national insurance number with no word announcing it, in the format HMRC prints it (two
  letters, three pairs of digits, a letter A to D: ``QQ 12 34 56 C``, ``QQ123456C``) is ``[id]``
  (:func:`ni_spans`); capitals only, so no word of a sentence is one.
* A handle built from a roster name (``wangwei88``, ``j.smith_1990``): :mod:`kit.privacy_handles`.
* A Chinese surname with the prefix or title that makes it a person's name (``小王``, ``王先生``):
  :mod:`kit.privacy_chinese`.

:func:`other_spans` adds the spans of the last three to the roster matcher's. Each pattern is
compiled once (per roster for the names); a text pays one gate each (a digit count, a set look-up,
one search), whatever the roster's size.
"""
from __future__ import annotations

import re

from kit.privacy_chinese import chinese_spans
from kit.privacy_handles import handle_keys, handle_spans, handle_words
from kit.privacy_phone import _PHONE_CANDIDATE, _digits_at_least, _phone
from kit.privacy_text import ID_MARK, fold

__all__ = ["NI_NUMBER", "O_PHONE", "ni_spans", "o_phones", "other_spans"]

#: A run of digits and letter O's written like a phone number, holding an O and a digit.
# Lengths bounded (a phone is written in under 30 characters): unbounded look-aheads made a 200,000-character
# run of dashes quadratic in the text (attacker s11's long word: minutes, then the CI's timeout).
O_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?(?=[\d\s().-]{0,28}[Oo])(?=[Oo\s().-]{0,28}\d)[\dOo][\dOo\s().-]{6,28}[\dOo](?![\w])")
#: A national insurance number as printed on the card (HMRC's format), spaced or not.
NI_NUMBER = re.compile(r"(?<![\w-])[A-Z]{2}(?: ?\d{2}){3} ?[A-D](?![\w-])")
_MIN_REAL_DIGITS = 4


def _o_phone(match: re.Match) -> str:
    text = match.group(0)
    if sum(ch.isdigit() for ch in text) < _MIN_REAL_DIGITS:
        return text
    read = text.replace("O", "0").replace("o", "0")
    found = _PHONE_CANDIDATE.fullmatch(read)
    if found is None:
        return text
    shown = _phone(found)
    return shown if shown != read and "[" in shown else text


def o_phones(text: str) -> str:
    """``text`` with each phone number typed with the letter O for zero replaced by ``[phone]``."""
    if ("O" not in text and "o" not in text) or not _digits_at_least(text, _MIN_REAL_DIGITS):
        return text
    return O_PHONE.sub(_o_phone, text)


def ni_spans(text: str) -> list:
    """Spans ``(start, end, "[id]")`` of the national insurance numbers of ``text`` (no announcing word needed)."""
    if not _digits_at_least(text, 6):
        return []
    return [(m.start(), m.end(), ID_MARK) for m in NI_NUMBER.finditer(text)]


def other_spans(text: str, people, mark: str) -> list:
    """The spans of handles built from a roster name, the Chinese surname forms of a roster name
    (both ``mark``) and national insurance numbers (``[id]``) in ``text``."""
    spans = ni_spans(text)
    if people is None or not people.names:
        return spans
    keys, everyday = handle_keys(people)
    if keys:  # wangwei88, j.smith_1990: one translate and one split of the text, a set look-up
        shown = text if text.isascii() else fold(text).encode("ascii", "replace").decode("ascii")
        if not keys.isdisjoint(handle_words(shown)):
            spans += handle_spans(text, keys, everyday, mark)
    if not text.isascii():
        spans += chinese_spans(text, people, mark)
    return spans

