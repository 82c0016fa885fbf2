"""A participant's identifier as people type and say it: ``MB 44 821``, ``mb/44821``,
``MB–44821`` (an en dash), ``M-B-4-4-8-2-1``, ``D.P. 21201``, ``D P two one two zero one``
(attacker A3 and newcomer F7, session 13: each stayed in the outputs while ``MB-44821`` and
``mb44821`` became ``[id]``).

An identifier of the roster (:attr:`kit.privacy.Roster.ids`) is reduced to its letters and
digits, lower-cased (``mb44821``); a text is read as tokens (runs of letters or digits, and the
English digit words ``zero``/``oh`` .. ``nine``, each one digit) that follow one another with
at most three separating characters (spaces, dashes of any kind, slashes, dots, colons, ``#``);
where consecutive tokens spell an identifier exactly (whole tokens, in any case; its runs of letters
and digits in any order, ``44821-MB``, ``44821MB``), or one group
of digits, or digit words, spell a run of five digits or more of one (``ticket #21564`` for
TCK-21564), their span becomes ``[id]`` (a span, so ``--include-names`` keeps it as it keeps
the other identifiers). Identifiers with fewer than three digits or fewer than five characters
are left to the roster's word matcher (a short code is too often something else). Linear in the
text and flat in the roster: each token starts at most one look-up per identifier length.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from kit.privacy_spoken_digits import _DIGIT_BYTE  # one table of the ASCII digits
from kit.privacy_text import ID_MARK

__all__ = ["id_digit_texts", "id_form_spans", "id_keys", "identifying_value", "unread_key_problems"]

_DIGIT_WORDS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_TOKEN = re.compile(r"[^\W_]+")
_SEPARATORS = frozenset(" \t\u00a0-\u2010\u2011\u2012\u2013\u2014\u2015\u2212/\\.:#_")
_MIN_CHARS, _MIN_DIGITS = 5, 3


@lru_cache(maxsize=8)
def id_keys(ids: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], tuple[int, ...], frozenset[str]]:
    """The roster's identifiers as their lower-cased letters and digits (only those of five
    characters or more with three digits), also with their runs of letters and of digits
    in another order (``44821-MB`` for MB-44821; an identifier of two or three such runs), the
    runs of five digits or more inside them (said alone: ``ticket #21564`` for TCK-21564),
    the lengths they come in (longest first), and the reordered keys alone (matched as one
    token too: the roster's word matcher knows only the written order)."""
    from itertools import permutations

    keys, digits, reordered = set(), set(), set()
    for value in ids:
        key = "".join(ch for ch in str(value).lower() if ch.isalnum())
        if len(key) >= _MIN_CHARS and sum(ch.isdigit() for ch in key) >= _MIN_DIGITS and key.isascii():
            keys.add(key)
            digits.update(run for run in re.findall(r"\d{5,}", key) if run != key)
            runs = re.findall(r"[a-z]+|\d+", key)
            if 2 <= len(runs) <= 3:
                reordered.update("".join(order) for order in permutations(runs))
    reordered -= keys
    every = keys | digits | reordered
    return frozenset(keys | reordered), frozenset(digits), tuple(sorted({len(k) for k in every}, reverse=True)), \
        frozenset(reordered)


def id_form_spans(text: str, ids: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, "[id]")`` of ``text`` where an identifier of ``ids`` is written or
    said in pieces (see the module's doc), or its digits are said alone; [] when none is."""
    keys, digits, lengths, reordered = id_keys(tuple(ids))
    if not keys:
        return []
    tokens = [(m.start(), m.end(), _DIGIT_WORDS.get(m.group().lower(), m.group().lower()))
              for m in _TOKEN.finditer(text)]
    spans = []
    i, n = 0, len(tokens)
    while i < n:
        hit = None
        spelt, j = "", i
        while j < n and len(spelt) < lengths[0]:
            if j > i:
                gap = text[tokens[j - 1][1]:tokens[j][0]]
                if len(gap) > 3 or not set(gap) <= _SEPARATORS:
                    break
            spelt += tokens[j][2]
            # a whole identifier over two tokens or more (one alone is the word matcher's); its
            # digits alone as one group, or said as digit words ("two one two zero one")
            if (spelt in keys and (j > i or spelt in reordered)) or (spelt in digits and (j == i or tokens[j][2] != text[tokens[j][0]:tokens[j][1]].lower())):
                hit = j
            j += 1
        if hit is not None:
            spans.append((tokens[i][0], tokens[hit][1]))
            i = hit + 1
        else:
            i += 1
    return [(start, end, ID_MARK) for start, end in spans]


_LONGEST = 18  # digits of a key compared (an int64 holds 18): a longer key by its first 18


@lru_cache(maxsize=8)
def _digit_keys(ids: tuple[str, ...]) -> dict[int, np.ndarray]:
    """Per length, the digits of each identifier key (:func:`id_keys`) as one number."""
    by_length: dict[int, set[int]] = {}
    for key in id_keys(ids)[0]:
        digits = "".join(ch for ch in key if ch.isdigit())[:_LONGEST]
        by_length.setdefault(len(digits), set()).add(int(digits))
    return {n: np.array(sorted(v), dtype=np.int64) for n, v in by_length.items()}


def id_digit_texts(data: np.ndarray, starts: np.ndarray, ids: tuple[str, ...]) -> np.ndarray:
    """Indices of the texts of a batch (``data``: ASCII bytes of the texts joined by one byte,
    ``starts``: where each starts) whose digits, read one after another with everything else
    left out, hold the digits of an identifier of ``ids``: the only texts where
    :func:`id_form_spans` can find one written in digits (``2024-01-01`` holds no ``2139904``).
    Digits said as words are the caller's to look for."""
    keys = _digit_keys(tuple(ids))
    where = np.flatnonzero(_DIGIT_BYTE[data])
    if not keys or not len(where):
        return np.zeros(0, dtype=np.int64)
    digits = (data[where] - 48).astype(np.int64)
    owner = np.searchsorted(starts, where, side="right") - 1
    found = []
    for n, codes in keys.items():
        if len(digits) < n:
            continue
        value = np.zeros(len(digits) - n + 1, dtype=np.int64)
        for k in range(n):
            value = value * 10 + digits[k:len(digits) - n + 1 + k]
        hit = np.isin(value, codes) & (owner[:len(value)] == owner[n - 1:])
        found.append(owner[:len(value)][hit])
    return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


_EMAIL = re.compile(r"[^@\s]+(?:@|＠)[^@\s]+\.[^@\s]+")
_CODE = re.compile(r"[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*")
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")


def identifying_value(value) -> str:
    """What a value of a front-matter key the kit does not read looks like when it may identify
    a person (attacker s13 A10: ``member: MB-44821``, ``ticket: TCK-77120``, ``contact:
    zoe.obrien@example.com`` were read by nothing and reported by nothing): "an email", "a phone
    number", "an identifier" (a token of letters and digits, at least four digits:
    :func:`kit.privacy_columns.is_identifier_value`, or a number of eight digits or more), or
    "" (a date, a word, a small number).
    Lists and mappings are read value by value. The value itself is never part of the answer."""
    from kit.privacy_columns import is_identifier_value

    if isinstance(value, dict):
        values = list(value.values()) + list(value.keys())
    elif isinstance(value, (list, tuple, set)):
        values = list(value)
    else:
        values = [value]
    for item in values:
        if isinstance(item, (dict, list, tuple, set)):
            found = identifying_value(item)
            if found:
                return found
            continue
        if isinstance(item, bool) or item is None or not isinstance(item, (str, int)):
            continue  # a date, a time, a float (a duration)
        text = str(item).strip()
        if _DATE.fullmatch(text):
            continue
        if _EMAIL.search(text):
            return "an email"
        if _PHONE.search(text) and sum(ch.isdigit() for ch in text) >= 9:
            return "a phone number"
        if any(is_identifier_value(m.group()) and (re.search(r"[A-Za-z]", m.group()) or len(m.group()) >= 8)
               for m in _CODE.finditer(text) if not _DATE.fullmatch(m.group())):  # letters and digits, or a long number
            return "an identifier"
    return ""


def unread_key_problems(source, values: dict, at) -> list:
    """A warning at the line (``at(key)``) of each front-matter key the kit does not read (not a
    misspelling: ``values`` maps such keys to their values) whose value looks like a person's
    identifier, email or phone (:func:`identifying_value`); the key is named, the value never."""
    from kit.errors import Problem

    out = []
    for key, value in values.items():
        what = identifying_value(value)
        if what:
            out.append(Problem(source, at(key), f"{str(key)!r} is not read by interview-kit and its value looks like "
                               f"{what} (not shown): nothing uses it; keep a participant's identifier or contact "
                               "details in participants.csv (hidden in every output) and take it out of the note",
                               "warning"))
    return out
