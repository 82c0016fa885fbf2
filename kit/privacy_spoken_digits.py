"""Phone numbers said in words: ``plus forty four seven seven double oh nine hundred one two
three`` is ``+44 7700 900 123`` and becomes ``[phone]`` as the same number in digits does
(attacker, session 13, A5: the spelt-out number stayed in the index while spelt-out emails were
replaced). Split out of :mod:`kit.privacy_phone` (English number words; the digits rule there); emails said
in words are :mod:`kit.privacy_spoken`'s.

A run of number words (``zero``, ``oh``, ``nought``, ``one`` .. ``nineteen``, ``twenty``
.. ``ninety`` with an optional unit, ``hundred`` after a digit, ``double``/``triple`` before
one) and digit groups, separated by spaces, commas, dots or dashes and optionally opened by
``plus``, is read as the digits it says; when it says 9 to 15 digits (the floor and ceiling
of :data:`kit.privacy_phone._PHONE_MIN_DIGITS` / ``_MAX``) and at least four of them are said
as words, the run is a phone number. Fewer digits (``twenty twenty five``, ``one or two``) are left alone.
Linear in the text: one regular-expression scan, run only when the text holds two different
number words.
"""
from __future__ import annotations

import re

import numpy as np

from kit.privacy_phone import _PHONE_MAX_DIGITS, _PHONE_MIN_DIGITS, PHONE_MARK

__all__ = ["NUMBER_WORDS", "said_digits", "spoken_phones", "spoken_texts"]

_UNITS = {"zero": "0", "oh": "0", "nought": "0", "nil": "0", "one": "1", "two": "2", "three": "3",
          "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
          "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19"}
_TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fourty": "4", "fifty": "5", "sixty": "6", "seventy": "7",
         "eighty": "8", "ninety": "9"}
_REPEAT = {"double": 2, "triple": 3}
# at least four of the digits said as words: a date or a sum in digits followed by "thirty-four
# days" is not a phone number said aloud
_WORDED_DIGITS = 4
NUMBER_WORDS = frozenset([*_UNITS, *_TEENS, *_TENS, *_REPEAT, "hundred"])  # what a run may hold besides digits
_WORD = "|".join(sorted([*_UNITS, *_TEENS, *_TENS, *_REPEAT, "hundred"], key=len, reverse=True))
_TOKEN = rf"(?:{_WORD}|\d+)"
# "plus" may open the run; tokens are joined by a space, comma, dot or dash (one or a few)
_RUN = re.compile(rf"(?<![\w+])(?:plus[\s,]+)?{_TOKEN}(?:[\s,.\-]{{1,3}}{_TOKEN}){{3,}}(?![\w])", re.IGNORECASE)
# a digit word must be present before the scan is worth it
_GATE = re.compile(r"(?<![a-z])(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                   r"|teen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|double|triple)",
                   re.IGNORECASE)


def _digits(run: str) -> tuple[str, int] | None:
    """The digits ``run`` says and how many of them were said as words; None when a word
    cannot be read as digits in that place (``hundred`` first, ``double`` at the end)."""
    tokens = re.findall(rf"{_TOKEN}|plus", run, re.IGNORECASE)
    out: list[str] = []
    worded = 0
    i = 0
    while i < len(tokens):
        t = tokens[i].lower()
        if t == "plus":
            i += 1
            continue
        if t.isdigit():
            out.append(t)
        elif t in _REPEAT:
            if i + 1 >= len(tokens) or tokens[i + 1].lower() not in _UNITS:
                return None
            out.append(_UNITS[tokens[i + 1].lower()] * _REPEAT[t])
            worded += _REPEAT[t]
            i += 1
        elif t == "hundred":
            if not out or len(out[-1]) != 1:
                return None
            out.append("00")
            worded += 2
        elif t in _TENS:
            nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
            if nxt in _UNITS and nxt not in ("zero", "oh", "nought", "nil"):
                out.append(_TENS[t] + _UNITS[nxt])
                i += 1
            else:
                out.append(_TENS[t] + "0")
            worded += 2
        else:
            out.append(_TEENS.get(t) or _UNITS[t])
            worded += len(out[-1])
        i += 1
    return "".join(out), worded


def _said(run: str) -> bool:
    read = _digits(run)
    return read is not None and read[1] >= _WORDED_DIGITS and _PHONE_MIN_DIGITS <= len(read[0]) <= _PHONE_MAX_DIGITS


# Where a run that is not one phone number may be several side by side (attacker s17 A12: "020 7946
# 0958, two oh two five five five ...", a list of numbers): at a comma, and between digits and words.
_PIECES = re.compile(r"(\s*,\s*|(?<=\d)[\s.\-]+(?=[a-z])|(?<=[a-z])[\s.\-]+(?=\d))", re.IGNORECASE)


def _replace(match: re.Match) -> str:
    run = match.group(0)
    if _said(run):
        return PHONE_MARK
    # not one number: each piece said in words (digits are the written-number rule's) that is one
    pieces = _PIECES.split(run)
    if len(pieces) == 1:
        return run
    out, k = [], 0
    while k < len(pieces):  # the longest run of pieces from k (a piece, not a separator) said aloud
        for last in range(len(pieces) - 1 if k % 2 == 0 else -1, k - 1, -2):
            chunk = "".join(pieces[k:last + 1])
            if not chunk[:1].isdigit() and _said(chunk):
                out.append(PHONE_MARK)
                k = last + 1
                break
        else:
            out.append(pieces[k])
            k += 1
    return "".join(out)


_NUMBER_BYTES = frozenset(w.encode("ascii") for w in NUMBER_WORDS)


def said_digits(text: str, words: list[bytes] | None = None) -> bool:
    """Whether ``text`` holds two different number words (``words``: its folded ASCII words,
    when the caller has them): digits said aloud may be there."""
    if words is not None:
        return len(_NUMBER_BYTES.intersection(words)) >= 2
    return _GATE.search(text) is not None


def spoken_phones(text: str, words: list[bytes] | None = None) -> str:
    """``text`` with every phone number said in words replaced by ``[phone]`` (see the module's
    doc). ``words``: the text's folded ASCII words when the caller has them
    (:func:`kit.privacy._ascii_words`); a text with fewer than two different number words (a
    phone number said in words has more) is returned as it is, unscanned."""
    if words is not None:
        if len(_NUMBER_BYTES.intersection(words)) < 2:
            return text
    elif _GATE.search(text) is None:
        return text
    return _RUN.sub(_replace, text)


# -- many texts at once (kit.privacy_batch): which may hold a run ------------------------------
_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[list(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")] = True
_DIGIT_BYTE = np.zeros(256, dtype=bool)
_DIGIT_BYTE[list(b"0123456789")] = True
_LOWER_BYTE = np.array([c + 32 if 65 <= c <= 90 else c for c in range(256)], dtype=np.uint64)
_CUT = 8  # a word's first eight letters, read as one number (seventeen: its first eight and nine letters)
_MASKS = np.array([((1 << 8 * n) - 1) << 8 * (_CUT - n) for n in range(_CUT + 1)], dtype=np.uint64)
_CODES = np.array(sorted({int.from_bytes(w[:_CUT].encode("ascii").ljust(_CUT, b"\0"), "big") for w in NUMBER_WORDS}),
                  dtype=np.uint64)
_LONGEST = max(map(len, NUMBER_WORDS))


# a word that may be a number word or a digit group, by its first two characters (any case)
_START2 = np.zeros((256, 256), dtype=bool)
for _w in NUMBER_WORDS:
    for _a in (_w[0], _w[0].upper()):
        for _b in (_w[1], _w[1].upper()):
            _START2[ord(_a), ord(_b)] = True
_START2[list(b"0123456789"), :] = True


def word_starts(data: np.ndarray) -> np.ndarray:
    """Where the words (runs of ASCII letters and digits) of ``data`` start."""
    word = _WORD_BYTE[data]
    at = np.flatnonzero(word[1:] & ~word[:-1]) + 1
    return np.concatenate(([0], at)) if len(word) and word[0] else at


def spoken_texts(data: np.ndarray, starts: np.ndarray, at: np.ndarray | None = None) -> np.ndarray:
    """Indices of the texts of a batch (``data``: the ASCII bytes of the texts joined by one
    separator byte, ``starts``: where each text starts; ``at``: :func:`word_starts` of
    ``data`` when the caller has them) that may hold a phone number said in words: four words
    in a row, each a number word or starting with a digit, one of them a number word, each
    starting at most ``_LONGEST + 3`` characters after the one before, in one text. A superset
    of the texts :func:`spoken_phones` changes (its run is four tokens or more joined by at
    most three characters), found with numpy from the batch's word starts."""
    if at is None:
        at = word_starts(data)
    if len(at) < 4:
        return np.zeros(0, dtype=np.int64)
    maybe = _START2[data[at], np.take(data, at + 1, mode="clip")]
    # only four such words in a row are looked at further (rare: "the one that two" is not)
    four = np.flatnonzero(maybe[:-3] & maybe[1:-2] & maybe[2:-1] & maybe[3:])
    if not len(four):
        return np.zeros(0, dtype=np.int64)
    window = np.zeros(len(at), dtype=bool)
    for k in range(4):
        window[four + k] = True
    maybe = np.flatnonzero(window)
    pos = at[maybe]
    padded = np.concatenate((data[pos.min():pos.max() + _CUT + 1], np.zeros(_CUT + 1, dtype=np.uint8)))
    pos_in = pos - pos.min()
    digit = _DIGIT_BYTE[padded[pos_in]]
    code = np.zeros(len(pos), dtype=np.uint64)
    length = np.full(len(pos), _CUT + 1)
    for d in range(_CUT + 1):  # the word's first eight letters, and where it ends (within nine)
        byte = padded[pos_in + d]
        ends = ~_WORD_BYTE[byte] & (length > d)
        length[ends] = d
        if d < _CUT:
            code = (code << np.uint64(8)) | _LOWER_BYTE[byte]
    code &= _MASKS[np.minimum(length, _CUT)]
    number = np.isin(code, _CODES) & ~digit
    keep = number | digit
    maybe, pos, number = maybe[keep], pos[keep], number[keep]
    if len(maybe) < 4:
        return np.zeros(0, dtype=np.int64)
    owner = np.searchsorted(starts, pos, side="right") - 1
    link = (maybe[1:] == maybe[:-1] + 1) & (pos[1:] - pos[:-1] <= _LONGEST + 3) & (owner[1:] == owner[:-1])
    run = link[:-2] & link[1:-1] & link[2:]
    worded = number[:-3] | number[1:-2] | number[2:-1] | number[3:]
    found = owner[:-3][run & worded]  # ascending
    return found[np.append(True, found[1:] != found[:-1])] if len(found) else found
