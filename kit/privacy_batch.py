"""Which of many texts redaction leaves as they are, found together (:mod:`kit.privacy`).

A table of a large study has hundreds of thousands of distinct cells, and nearly all of them
hold nothing to redact; asking :func:`kit.privacy.redact` of each costs a few microseconds of
Python per cell (about 0.7 s of `analyze`'s 10,000 interviews). :func:`unredacted` reads the
ASCII texts of a batch joined, with numpy and one split into words, and names those that
provably come back unchanged; every other text (non-ASCII, or holding a backslash, an ``@``,
the word ``at``, nine digits or more in one run of a phone number's characters, four number words
or digit groups in a row (a phone number said in words: :func:`kit.privacy_spoken_digits.spoken_texts`), three digits and a
word announcing an identifier, a word that starts a roster entry, a line-broken or
coloured word, a form a name can hide in: :func:`kit.privacy_decode.hides`) still goes through :func:`kit.privacy.redact`, so what is redacted does not
change (a test compares both ways on generated texts and rosters).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import compress

import numpy as np

from kit.privacy import _ASCII_FOLD, _PHONE_MIN_DIGITS, Roster
from kit.privacy_decode import _CLASSES
from kit.privacy_handles import HANDLE_DROP, HANDLE_FOLD, handle_keys, handle_words
from kit.privacy_id_forms import id_digit_texts, id_keys
from kit.privacy_other_ways import NI_NUMBER, O_PHONE
from kit.privacy_spoken import GATE_AT  # "arroba", "malpa": an email said in another language
from kit.privacy_spoken_digits import spoken_texts
from kit.privacy_text import ANNOUNCED_ID, ANNOUNCER_STARTS, BROKEN_WORD, ID_MIN_DIGITS, announces

__all__ = ["BATCH_CHARS", "each_redacted", "published_words", "unredacted"]

#: Characters of text read together (bounds the memory of one batch to a few times this).
BATCH_CHARS = 4_000_000
_FEW_WORDS = 32  # roster words found in a batch up to which one alternation finds where they are
_AT, _BACKSLASH, _HYPHEN, _BRACKET = ord("@"), ord("\\"), ord("-"), ord("[")


def unredacted(texts, people: Roster | None = None) -> set[str]:
    """The strings of ``texts`` that :func:`kit.outputs.redact_shown` (and so
    :func:`kit.privacy.redact`, with or without names) returns as they are with the roster
    ``people`` and no unquotable words: ASCII texts without a backslash (an escape to read
    back), an ``@`` or a word said for it (``at``, ``arroba``: an email, plain or written out), no nine
    digits in one run of a phone number's characters (a phone number has 9 to 15), no word that starts a roster entry (name,
    name part or email) and no word broken at a line's end or coloured. A subset: a text
    left out may still come back unchanged."""
    matcher = people.matcher if people is not None else None
    if matcher and matcher.names_a_mark:  # a mark put in could start a name: redact each
        return set()
    keys = frozenset({b"at"}) | (GATE_AT if matcher else frozenset()) | (matcher.ascii_keys if matcher else frozenset())
    ids = tuple(people.ids) if people is not None and people.ids and id_keys(tuple(people.ids))[0] else ()  # MB 44 821
    handles = handle_keys(people)[0] if people is not None and people.names else frozenset()  # wangwei88
    texts = texts if isinstance(texts, (list, tuple, set, frozenset)) else list(texts)
    before = texts
    try:  # the ASCII strings, picked in C
        texts = list(filter(None, filter(str.isascii, texts)))
    except TypeError:  # not only strings
        texts = [t for t in texts if isinstance(t, str) and t and t.isascii()]
    if not isinstance(before, (set, frozenset)):  # a set's strings are distinct already
        texts = list(dict.fromkeys(texts))
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    ends = np.cumsum(lengths + 1)
    cuts = np.searchsorted(ends, np.arange(BATCH_CHARS, int(ends[-1]) if len(ends) else 0, BATCH_CHARS))
    quiet: set[str] = set()
    for lo, hi in zip([0, *cuts.tolist()], [*cuts.tolist(), len(texts)]):
        if hi > lo:
            quiet.update(_quiet(texts[lo:hi], keys, bool(matcher), lengths[lo:hi], ids, handles))
    return quiet


def _weights(*marked: tuple[bytes, int]) -> np.ndarray:
    table = np.zeros(256, dtype=np.uint8)
    for chars, weight in marked:
        table[list(chars)] = weight
    return table


# A text is sent to redaction when its bytes weigh _PHONE_MIN_DIGITS or more: a digit weighs 1
# (a phone number has 9 to 15), an "@" (an email) or a backslash (an escape) as much as nine.
_LOUD = _weights((b"0123456789", 1), (b"@\\", _PHONE_MIN_DIGITS))
# A word broken at a line's end (kit.privacy_text.BROKEN_WORD) has a hyphen and then whitespace
# (as a str pattern's \\s reads it in ASCII); a colour code has a "[".
_SPACE = _weights((bytes(c for c in range(128) if re.match(r"\s", chr(c))), 1)).astype(bool)
_DIGITS = _weights((b"0123456789", 1))  # a word broken at a line's end, or coloured, may be a name
# Nine digits in one run of the characters a match of kit.privacy._PHONE_CANDIDATE is made of
# (digits, whitespace as a str pattern's \\s reads it in ASCII, "+", "(", ")", ".", "-"): without
# such a run no candidate holds the nine digits of a phone number, and none is replaced
# (a file path, a list of dates or sums: digits apart, not one number).
_PHONE_RUN = re.compile(r"[0-9](?:[\t\n\x0b\x0c\r\x1c-\x1f +().-]*[0-9]){%d}" % (_PHONE_MIN_DIGITS - 1))
_CONTACT_MARKS = re.compile(r"[@\\]")


# Word characters as the pattern's \\b reads them in ASCII text, and ASCII lower case.
_WORD = _weights((b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_", 1)).astype(bool)
_LOWER_TABLE = np.array([c + 32 if 65 <= c <= 90 else c for c in range(256)], dtype=np.uint8)
_PREFIX = 8  # characters of a word compared with ANNOUNCER_STARTS (the longer ones: their first eight)


def _prefixes() -> list[tuple[np.uint64, np.ndarray]]:
    """Per length (1 to _PREFIX), the mask of a word's first characters (read as one number of
    _PREFIX bytes) and the numbers of the ANNOUNCER_STARTS of that length (cut to _PREFIX)."""
    by_length: dict[int, set[int]] = {}
    for w in ANNOUNCER_STARTS:
        cut = w[:_PREFIX].encode("ascii")
        by_length.setdefault(len(cut), set()).add(int.from_bytes(cut.ljust(_PREFIX, b"\0"), "big"))
    return [(np.uint64(((1 << 8 * n) - 1) << 8 * (_PREFIX - n)), np.array(sorted(codes), dtype=np.uint64))
            for n, codes in sorted(by_length.items())]


_PREFIXES = _prefixes()
_START2 = np.zeros(1 << 16, dtype=bool)  # the first two characters of ANNOUNCER_STARTS (two or more each)
_START2[[int.from_bytes(w[:2].encode("ascii"), "big") for w in ANNOUNCER_STARTS if len(w) >= 2]] = True
assert min(map(len, ANNOUNCER_STARTS)) >= 2
# What may stand between the start of ANNOUNCED_ID's match and its identifier's first digit,
# whitespace and hyphens aside (a run of them is unbounded: ``[\\s-]*``): the longest announcing
# words ("national insurance identifier", 27 characters), the gap (": it's :", 7) and an
# identifier's letters before its digit ("ABCD-", 5) are 39; twice that, to be safe.
_TO_DIGIT = 80
_GAP_BYTES = bytes(np.flatnonzero(_SPACE).tolist() + [_HYPHEN])


def _word_starts(data: np.ndarray) -> np.ndarray:
    """Where the words of ``data`` start (runs of the characters \\b reads as word characters)."""
    word = _WORD[data]
    at = np.flatnonzero(word[1:] & ~word[:-1]) + 1
    return np.concatenate(([0], at)) if len(word) and word[0] else at


def _announced(data: np.ndarray, starts: np.ndarray, digits: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Indices of the texts (among ``digits``) where ANNOUNCED_ID matches an identifier that
    :func:`kit.privacy_text.announced_ids` (and so :func:`kit.privacy.redact`) replaces. Each of
    its matches starts a word with one of ANNOUNCER_STARTS: only where a word of a text with
    digits starts so (its first eight characters, lower-cased, read as one number) is the
    pattern asked (over the whole batch, 1.3 s of CPU at 10k), and a match that announces no
    identifier does not send its text to redaction ("paid the invoice 35 days late": a bare
    word needs five digits or a code-like token; 2,705 texts of the 10k study, session 12)."""
    padded = np.concatenate((data, np.zeros(_PREFIX, dtype=np.uint8)))
    # the words starting as one of ANNOUNCER_STARTS does (its first two characters, one look-up)
    at = at[_START2[(_LOWER_TABLE[padded[at]].astype(np.int64) << 8) | _LOWER_TABLE[padded[at + 1]]]]
    at = at[digits[np.searchsorted(starts, at, side="right") - 1]]  # in a text with digits
    code = np.zeros(len(at), dtype=np.uint64)
    for d in range(_PREFIX):  # the word's first eight characters, lower-cased, as one number
        code = (code << np.uint64(8)) | _LOWER_TABLE[padded[at + d]].astype(np.uint64)
    hit = np.zeros(len(at), dtype=bool)
    for mask, prefixes in _PREFIXES:
        hit |= np.isin(code & mask, prefixes)
    at = at[hit]
    # and an identifier's first digit comes within _TO_DIGIT characters (whitespace and hyphens
    # aside) of the word's start, in the same text: the next digit does
    digit = np.flatnonzero(_DIGITS[data])
    nearest = np.searchsorted(digit, at)
    at = at[nearest < len(digit)]
    after = digit[nearest[nearest < len(digit)]]
    owner = np.searchsorted(starts, at, side="right") - 1
    same = after < np.append(starts[1:], len(data) + 1)[owner]
    near = same & (after - at <= _TO_DIGIT)
    cut = data.copy()
    cut[starts[1:] - 1] = 0  # a NUL between texts (not the newline): no match spans two
    raw = cut.tobytes()
    for k in np.flatnonzero(same & ~near).tolist():  # farther: count what is not whitespace or a hyphen
        near[k] = len(raw[at[k]:after[k]].translate(None, _GAP_BYTES)) <= _TO_DIGIT
    at, owner = at[near], owner[near]
    text = raw.decode("ascii")
    # announced_ids' matches (finditer) each start at one of these words and are the match there
    match = ANNOUNCED_ID.match
    found = [o for a, o in zip(at.tolist(), owner.tolist()) if (m := match(text, a)) is not None and announces(m)]
    return np.unique(np.asarray(found, dtype=np.int64))


# kit.privacy_spoken.GATE_AT's words ("arroba", "malpa": "@" said in another language) with the
# character after them, as numbers of _PREFIX folded characters (a longer word: its first eight),
# for a batch without a roster, whose words are not split (their first two characters: one look-up).
_ALNUM = _weights((b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 1)).astype(bool)
_SAID_AT: dict[int, set] = {}
for _w in GATE_AT:
    _cut = (_w + b" ")[:_PREFIX]
    _SAID_AT.setdefault(len(_cut), set()).add(int.from_bytes(_cut.ljust(_PREFIX, b"\0"), "big"))
_SAID_AT_CODES = [(np.uint64(((1 << 8 * n) - 1) << 8 * (_PREFIX - n)), np.array(sorted(c), dtype=np.uint64))
                  for n, c in sorted(_SAID_AT.items())]
_ALNUM_BYTES = _ALNUM.astype(np.uint8).tobytes()
_FOLDED = np.frombuffer(_ASCII_FOLD, dtype=np.uint8)
_SAID_AT2 = np.zeros(1 << 16, dtype=bool)
_SAID_AT2[[(a << 8) | b for w in GATE_AT for a in (w[0], w[0] - 32) for b in (w[1], w[1] - 32)]] = True  # either case


def _said_at(joined: bytes, data: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Indices of the texts holding a word of kit.privacy_spoken.GATE_AT (whole, or its first
    eight characters for a longer one): an email said in another language may be there."""
    word = np.frombuffer(joined.translate(_ALNUM_BYTES), dtype=bool)
    at = np.flatnonzero(word[1:] & ~word[:-1]) + 1
    if len(word) and word[0]:
        at = np.concatenate(([0], at))
    padded = np.concatenate((data, np.full(_PREFIX, 32, dtype=np.uint8)))  # folded where read: _FOLDED
    at = at[_SAID_AT2[(padded[at].astype(np.uint16) << 8) | padded[at + 1]]]  # GATE_AT's words: two letters or more
    code = np.zeros(len(at), dtype=np.uint64)
    for d in range(_PREFIX):
        code = (code << np.uint64(8)) | _FOLDED[padded[at + d]].astype(np.uint64)
    hit = np.zeros(len(at), dtype=bool)
    for mask, codes in _SAID_AT_CODES:
        hit |= np.isin(code & mask, codes)
    at = at[hit]
    return np.unique(np.searchsorted(starts, at, side="right") - 1)


# A national insurance number, or a phone typed with the letter O for zero (kit.privacy_other_ways), in the batch.
_NI_BYTES, _O_PHONE_BYTES = re.compile(NI_NUMBER.pattern.encode("ascii")), re.compile(O_PHONE.pattern.encode("ascii"))


def _quiet(texts: list[str], keys: frozenset, names: bool, lengths: np.ndarray, ids: tuple = (),
           handles: frozenset = frozenset()) -> Iterable[str]:
    joined = "\n".join(texts).encode("ascii")
    data = np.frombuffer(joined, dtype=np.uint8)
    starts = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    # each text's span of ``data`` (and the newline after it, which weighs nothing)
    weight = np.add.reduceat(_LOUD[data], starts, dtype=np.int64)
    loud = weight >= _PHONE_MIN_DIGITS
    # nine digits or more: without an "@" or a backslash (each weighs nine), a phone number is
    # only there if nine of them stand in one run of the characters a phone is written with
    for i in np.flatnonzero(loud).tolist():
        loud[i] = _CONTACT_MARKS.search(texts[i]) is not None or _PHONE_RUN.search(texts[i]) is not None
    # an identifier said aloud ("student number s2139904"): three digits and a word announcing it
    digits = (np.add.reduceat(_DIGITS[data], starts, dtype=np.int64) >= ID_MIN_DIGITS) & ~loud
    if ids:  # a roster identifier may be written in pieces (kit.privacy_id_forms): its digits in a row
        loud[id_digit_texts(data, starts, ids)] = True
    at = _word_starts(data)
    if digits.any():  # the announcing words found in one pass over the batch (a NUL between texts: no match spans two)
        loud[_announced(data, starts, digits, at)] = True
    loud[spoken_texts(data, starts, at)] = True  # a phone number said in words (kit.privacy_spoken_digits)
    for pattern in (_NI_BYTES, _O_PHONE_BYTES):  # QQ 12 34 56 C; 077OO 9OO 123
        found_at = [m.start() for m in pattern.finditer(joined)]
        if found_at:
            loud[np.searchsorted(starts, found_at, side="right") - 1] = True
    if handles and not handles.isdisjoint(joined.translate(HANDLE_FOLD, HANDLE_DROP).decode("ascii").split()):
        for i in np.flatnonzero(~loud).tolist():  # a handle built from a roster name: wangwei88, j.smith_1990
            loud[i] = not handles.isdisjoint(handle_words(texts[i]))
    if b"%40" in joined:  # an address whose "@" is %-escaped (kit.privacy_emails.PERCENT_EMAIL)
        loud[np.searchsorted(starts, [m.start() for m in re.finditer(rb"%40", joined)], side="right") - 1] = True
    if not names:  # "arroba", "malpa": with a roster, among the words split below
        loud[_said_at(joined, data, starts)] = True
    if names:
        after = np.append(data[1:], np.uint8(0))  # each byte's next (the newline between texts: a doubt more)
        marked = ((data == _HYPHEN) & _SPACE[after]) | (data == _BRACKET)
        for i in np.flatnonzero(np.logical_or.reduceat(marked, starts) & ~loud).tolist():
            loud[i] = BROKEN_WORD.search(texts[i]) is not None
        # a name may hide in a form kit.privacy_decode reads (an entity, a %-escape, emphasis or a
        # tag inside a word, letter-spacing): such a text goes through redaction, as
        # kit.privacy_decode.hides would send it (its classes: "!" a hiding character, "a" a letter)
        classes = joined.translate(_CLASSES)
        loud |= np.add.reduceat(np.frombuffer(classes, dtype=np.uint8) == 33, starts, dtype=np.int64) > 0
        spaced = b" " + classes + b" "
        if b" a a a " in spaced:
            at = np.fromiter((m.start() for m in re.finditer(rb"(?= a a a )", spaced)), dtype=np.int64)
            loud[np.searchsorted(starts, at, side="right") - 1] = True
    # words as kit.privacy._ascii_words splits them: runs of letters (folded) and digits
    folded = b" " + joined.translate(_ASCII_FOLD) + b" "
    found = keys.intersection(folded.split()) if names else {w for w in keys if b" " + w + b" " in folded}
    if len(found) > _FEW_WORDS:  # many roster words in the batch: each text's own words
        for i in np.flatnonzero(~loud).tolist():
            loud[i] = not found.isdisjoint(texts[i].encode("ascii").translate(_ASCII_FOLD).split())
    elif found:  # a few: where they stand in the joined text
        word = re.compile(rb"(?<![a-z0-9])(?:" + b"|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))
                          + rb")(?![a-z0-9])")
        at = np.fromiter((m.start() - 1 for m in word.finditer(folded)), dtype=np.int64)
        loud[np.searchsorted(starts, at, side="right") - 1] = True
    return compress(texts, (~loud).tolist())


_MARKS = re.compile(r"\[(?:name|email|phone|id)\]")


def published_words(texts, study) -> list:
    """``texts`` as the kit publishes them, for words to be counted from (suggested themes,
    attacker s17 A21: a theme label or keyword is never a name, nor part of an email said aloud):
    each text :func:`kit.privacy.redact` changes (names, emails, phones, ids of ``study``'s roster
    and any email or phone) is its redacted form with the marks left out (a mark is no word of
    the passage); every other text is returned as it is. Each distinct text is redacted once."""
    from kit.privacy import redact, roster

    people = roster(study)
    return each_redacted(list(texts), people, lambda t: _MARKS.sub(" ", redact(t, people)))


def each_redacted(texts: list, people, shown) -> list:
    """``texts`` with each string that may name someone of ``people`` (a roster: not
    :func:`unredacted`) replaced by ``shown(text)``, worked out once per distinct text; the
    other items as they are."""
    quiet = unredacted([t for t in texts if type(t) is str], people)
    seen: dict = {}
    out = []
    for t in texts:
        if type(t) is not str or t in quiet:
            out.append(t)
            continue
        value = seen.get(t)
        if value is None:
            value = seen[t] = shown(t)
        out.append(value)
    return out
