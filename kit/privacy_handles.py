"""User names and handles built from a roster name (attacker s17 A2: ``wangwei88`` for 王伟).

A handle is a token of letters, digits, dots, underscores and a leading ``@`` (``wangwei88``,
``j.smith_1990``, ``@kevin.obrien``). It names a roster person when its letters, the digits, dots,
underscores and ``@`` left out, are that person's full name in either order (``wangwei``,
``weiwang``, ``kevinobrien``, ``obrienkevin``) or their first initial and surname (``jsmith``), in
its Latin spellings too (:func:`kit.privacy_latin.latin_spellings`: ``Wang Wei`` for 王伟). Such a token
is ``[name]`` whole (a leading ``@`` kept: ``@[name]``). A key that is an everyday word (Oliver
Range: ``orange``) counts only in a token that has a digit, dot, underscore or ``@`` in it.

The keys are worked out once per roster (:func:`handle_keys`); a text is read with one
``bytes.translate`` and one split (ASCII) and looked up in a set, whatever the roster's size.
"""
from __future__ import annotations

import re

__all__ = ["HANDLE", "handle_keys", "handle_spans", "handle_words", "HANDLE_DROP", "HANDLE_FOLD", "keys_of"]

#: A handle-like token: letters and digits, joined by dots and underscores, a leading "@".
HANDLE = re.compile(r"(?<![\w@.])@?[^\W_]+(?:[._]*[^\W_]+)*")
#: ASCII bytes as :func:`handle_words` reads them: letters lower-cased, digits, dots, underscores
#: and "@" dropped (HANDLE_DROP), every other byte a space.
HANDLE_FOLD = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
HANDLE_DROP = b"0123456789._@"
_MIN_KEY = 5  # letters of a key: a shorter one (Al Li: "alli") is too often a word
_CACHE: dict = {}  # id(roster) -> (roster, (keys, everyday keys))


def handle_keys(people) -> tuple[frozenset, frozenset]:
    """``(keys, everyday)`` of a roster: the folded letters of each full name in either order and of
    its first initial with its surname, and those of them that are everyday words."""
    hit = _CACHE.get(id(people))
    if hit is not None and hit[0] is people:
        return hit[1]
    found = keys_of(people.names)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(people)] = (people, found)
    return found


def keys_of(names) -> tuple[frozenset, frozenset]:
    """:func:`handle_keys` of the full names ``names``."""
    import unicodedata

    from kit.privacy_latin import latin_spellings
    from kit.privacy_text import _WORD, _everyday, fold

    keys: set = set()
    for name in names:
        name = str(name)
        spellings = (name,) if name.isascii() else (name, *latin_spellings(unicodedata.normalize("NFC", name)))
        for spelling in spellings:  # as written, and 王伟 as Wang Wei, Дмитрий as Dmitrii
            words = [w for w in _WORD.findall(fold(spelling)) if w.isalpha()]
            if len(words) < 2:
                continue
            first, last, rest = words[0], words[-1], "".join(words[1:])
            keys.update(("".join(words), last + "".join(words[:-1]), rest + first, first + last, last + first, first[0] + last,
                         first[0] + rest))
    everyday = _everyday()
    keys = {k for k in keys if len(k) >= _MIN_KEY and k.isascii()}
    return frozenset(keys), frozenset(k for k in keys if k in everyday)


def handle_words(text: str) -> list:
    """The words of ``text`` (ASCII) as a handle's letters: digits, dots, underscores, "@" left out."""
    return text.encode("ascii").translate(HANDLE_FOLD, HANDLE_DROP).decode("ascii").split()


def handle_spans(text: str, keys: frozenset, everyday: frozenset, mark: str) -> list:
    """Spans ``(start, end, mark)`` of the handles of ``text`` that name a roster person (``keys``:
    :func:`handle_keys`); ``everyday`` keys only in a token with a digit, dot, underscore or "@"."""
    from kit.privacy_text import fold

    folded = fold(text) if not text.isascii() else text.lower()
    if len(folded) != len(text):
        return []
    spans = []
    for m in HANDLE.finditer(folded):
        token = m.group()
        letters = re.sub(r"[\d._@]", "", token)
        if letters in keys and (letters not in everyday or letters != token):
            start = m.start() + (token[0] == "@")
            spans.append((start, m.end(), mark))
    return spans
