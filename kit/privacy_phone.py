"""Phone numbers in a text: the candidates, the ones that are a phone number and the ones
whose digits are a roster identifier said aloud (``[id]``). Split out of :mod:`kit.privacy`
(at its line limit)."""
from __future__ import annotations

import re
from functools import lru_cache

from kit.privacy_text import ID_MARK

__all__ = ["PHONE_MARK", "id_spans"]

_DIGIT = re.compile(r"\d")

PHONE_MARK = "[phone]"
# A phone number: an optional +country code, then digits in groups separated by single
# spaces, dots, dashes or parentheses; 9 to 15 digits in all (E.164 allows 15). Dates
# (8 digits), times, amounts and years stay below the floor.
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{6,}\d(?![\w])")
_PHONE_MIN_DIGITS, _PHONE_MAX_DIGITS = 9, 15
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A calendar date written year first ("2026-11-06", "2026.11.06"): what follows it ("(1)" of a
# file's copy number, a time "14:30") makes no phone number of it; the rest is looked at alone.
_DATE_FIRST = re.compile(r"\(?(?:19|20)\d\d([-.])(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])(?!\d)")


def _phone(match: re.Match) -> str:
    text = match.group(0)
    date = _DATE_FIRST.match(text)
    if date:
        return text[:date.end()] + _PHONE_CANDIDATE.sub(_phone, text[date.end():])
    digits = sum(ch.isdigit() for ch in text)
    if _CARD_MIN <= digits <= _CARD_MAX and _card(text):  # a payment card number (attacker s17 A13): an id
        trailing = text[len(text.rstrip(" .-")):]
        return ID_MARK + trailing
    if not _PHONE_MIN_DIGITS <= digits <= _PHONE_MAX_DIGITS or _ISO_DATE.match(text.strip()):
        return text
    if _NOT_A_PHONE.match(text):  # 1000000000000, 99999999999999: an amount, not a phone (attacker s17 A19)
        return text
    if re.search(r"\s{2,}|[.]{2,}|--", text):  # two numbers side by side, not one phone number
        return text
    groups = re.findall(r"\d+", text)
    if all(len(g) == 4 and g[:2] in ("19", "20") for g in groups):  # a run of years
        return text
    trailing = text[len(text.rstrip(" .-")):]
    lead = "(" if text.startswith("(") and ")" not in text else ""  # "(07700 900888)": the "(" is the text's
    return lead + PHONE_MARK + trailing  # (newcomer s17 F12: it was swallowed, its ")" kept)


# A number with no phone shape: written unbroken, not starting with 0 (a trunk or international
# prefix), and one digit repeated or ending in six zeros (a budget, a limit typed in study.yml).
_NOT_A_PHONE = re.compile(r"^\s*(?:([1-9])\1+|[1-9]\d*0{6})\s*$")
# A payment card number (13 to 19 digits, in groups of four or unbroken) whose check digit is right (Luhn).
_CARD_MIN, _CARD_MAX = 13, 19
_CARD = re.compile(r"^\s*(?:\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?|\d{13,19})[\s.-]*$")


def _card(text: str) -> bool:
    """Whether ``text`` is written as a payment card number and passes the Luhn check."""
    if _CARD.match(text) is None:
        return False
    digits = [int(ch) for ch in text if ch.isdigit()][::-1]
    total = sum(d if k % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for k, d in enumerate(digits))
    return total % 10 == 0


@lru_cache(maxsize=6)
def _id_digits(ids: tuple) -> frozenset:
    """The digits of the roster's identifiers long enough to pass for a phone number (a
    library card 29000012345678), each as one string of digits."""
    return frozenset(d for d in ("".join(ch for ch in v if ch.isdigit()) for v in ids) if len(d) >= _PHONE_MIN_DIGITS)


def _phone_or_id(ids: frozenset, match: re.Match) -> str:
    """:func:`_phone`, except that a number whose digits are one of the roster's identifiers
    (``ids``: :func:`_id_digits`), however it is spaced, is left as written: :func:`id_spans`
    marks it ``[id]`` (a card number said aloud is a person's identifier, not a phone number;
    newcomer, session 11), a span that ``--include-names`` keeps as it keeps the roster's
    other identifier values (newcomer F8, session 14)."""
    text = match.group(0)
    if "".join(ch for ch in text if ch.isdigit()) in ids:
        return text
    return _phone(match)


def id_spans(text: str, ids: frozenset) -> list:
    """The spans ``(start, end, "[id]")`` of the numbers of ``text`` whose digits are one of
    the roster's identifiers (``ids``: :func:`_id_digits`), read as phone candidates are
    (a trailing space, dot or dash not in the span)."""
    return [(m.start(), m.start() + len(m.group(0).rstrip(" .-")), ID_MARK) for m in _PHONE_CANDIDATE.finditer(text)
            if "".join(ch for ch in m.group(0) if ch.isdigit()) in ids]


def _enough_digits(text: str) -> bool:
    """Whether ``text`` holds the digits of a phone number (_PHONE_MIN_DIGITS): with fewer, no
    candidate of _PHONE_CANDIDATE can be one, and the text is not searched."""
    return _digits_at_least(text, _PHONE_MIN_DIGITS)


def _digits_at_least(text: str, n: int) -> bool:
    if text.isascii():
        data = text.encode("ascii")
        return len(data) - len(data.translate(None, b"0123456789")) >= n
    return len(_DIGIT.findall(text)) >= n
