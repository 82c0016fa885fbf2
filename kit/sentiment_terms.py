"""An acronym in capitals is a term of the trade, not internet slang, to a sentiment score.

VADER's lexicon (Hutto & Gilbert 2014) opens with a section of emoticons and internet
initialisms rated for social-media posts ("po" = pissed off -2.6, "gl" = good luck, "wtf",
"tx"), before its word list (which begins at "abandon"). In an interview written in
capitals those letters are far more often the speaker's own term -- a purchase order (PO),
the general ledger (GL), a transaction (TX) -- and the kit cannot tell which is meant. So, as
a roster name that is also a word never moves a score (``kit.sentiment.as_published``), a
token in capitals whose lower-case form the lexicon holds *only* in that slang section does
not move one either: it is read as a plain word VADER does not know. Everything else about
the text is scored as before (the token still counts as a word in capitals for VADER's
emphasis rule, and keeps its place for negation and "but"), and a token written in lower
case ("lol", "po") is the slang VADER rates.

Not covered: a slang entry the word list also holds ("ok", "lol", "sob": a word, scored as
VADER scores it), English words the slang section happens to hold (:data:`ENGLISH_WORDS`),
and emoticons. This is used only for scoring: the published text keeps the token as written.

* :func:`slang_only` -- the lexicon's initialisms that no rule of the word list scores;
* :func:`as_terms` -- texts with each such token in capitals masked for scoring.
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["ENGLISH_WORDS", "MASK", "WORD_LIST_START", "as_terms", "slang_only"]

#: The first entry of the lexicon's word list: every entry before it is an emoticon or slang.
WORD_LIST_START = "abandon"
#: English words in the slang section: in capitals they are emphasis, as any word is.
ENGLISH_WORDS = frozenset("hand heart hearts true slap slaw wag".split())
#: Appended to a masked token: the token stays a word in capitals that the lexicon lacks.
MASK = "_"
# An initialism: letters and digits (with "&" or "/": "r&r", "j/k"), at least one letter.
_INITIALISM = re.compile(r"[a-z0-9][a-z0-9&/]*\Z")
# A run of capitals (with digits, "&", "/") from a capital on: in a token whose word is a slang
# entry in capitals that starts with a letter, the word itself (VADER strips at most one
# punctuation mark, never one of these characters).
_CAPS_RUN = re.compile(r"[A-Z][A-Z0-9&/]+")


@lru_cache(maxsize=1)
def slang_only() -> frozenset:
    """The initialisms of VADER's slang section that its word list does not hold, less
    :data:`ENGLISH_WORDS` (lower case, as the lexicon writes them)."""
    from kit import nltkdata

    keys = [line.split("\t", 1)[0] for line in nltkdata.lexicon_text().split("\n")]
    if WORD_LIST_START not in keys:  # another lexicon: no section to read
        return frozenset()
    start = keys.index(WORD_LIST_START)
    words = set(keys[start:])
    return frozenset(k for k in keys[:start]
                     if k not in words and k not in ENGLISH_WORDS and _INITIALISM.match(k)
                     and any(c.isalpha() for c in k))


def _masked(raw: str):
    """The token to score in place of the whitespace token ``raw``, or None to keep it."""
    from kit.sentiment import _word

    if len(raw) <= 1:
        return None
    word = _word(raw)
    if not word.isupper() or word.lower() not in slang_only():
        return None
    at = raw.index(word)
    return raw[:at + len(word)] + MASK + raw[at + len(word):]


@lru_cache(maxsize=1)
def _digit_led() -> tuple:
    """The slang entries that start with a digit ("4q", "8d"), in capitals: looked for as they are."""
    return tuple(k.upper() for k in slang_only() if k[0].isdigit())


def as_terms(texts: list) -> list:
    """``texts`` (a list) with every token in capitals that VADER knows only as slang masked
    (``PO`` -> ``PO_``), so it moves no score; a text without one is returned as it is (the
    same object), and so is any item that is not a string. The texts are read together for
    candidates first, so a study without any costs one scan; then only the distinct texts
    holding a candidate as a substring are searched and masked, each once (every token the
    search can find holds a candidate: a study's 240,000 turns are not each searched)."""
    strings = dict.fromkeys(t for t in texts if type(t) is str)  # each distinct text once
    if not strings:
        return texts
    # no candidate holds a line break, so one found in the joined texts lies inside one of them
    joined = "\n".join(strings)
    slang = slang_only()
    cores = {c for c in set(_CAPS_RUN.findall(joined)) if c.lower() in slang}
    cores.update(c for c in _digit_led() if c in joined)
    if not cores:
        return texts
    # the whole whitespace token around a candidate, with at most one mark before or after it
    found = re.compile(r"(?<!\S)\S?(?:" + "|".join(map(re.escape, sorted(cores, key=len, reverse=True)))
                       + r")\S?(?!\S)")

    def one(m):
        shown = _masked(m.group())
        return m.group() if shown is None else shown

    ordered = sorted(cores)
    masked: dict = {}
    for t in strings:
        if any(map(t.__contains__, ordered)) and found.search(t):
            shown = found.sub(one, t)
            if shown != t:
                masked[t] = shown
    if not masked:
        return list(texts)
    return [masked.get(t, t) if type(t) is str else t for t in texts]
