"""Spelling of a trainee's rewrite in the question-craft exercise.

:func:`misspellings` names the words of a rewrite that no English word list knows, with the
likeliest correction, using pyspellchecker (Peter Norvig's edit-distance corrector with the
word-frequency lists it ships; nothing is downloaded). It is a non-word check: a real word in
the wrong place ("there" for "their") is not found.

Not misspellings: words of the original question (the trainee keeps the question's own
terms), names and acronyms (a capitalised word inside a sentence, a word in capitals, a word
with a capital inside or a digit: "Rosa", "GP", "WhatsApp", "A4"), British spellings of a
known American one ("colour", "organise", "centre", "travelled"), a known word with a prefix
("rebooked", "unbooked") and each part of a hyphenated word ("no-showed", "walk-in").

A word longer than :data:`LONGEST_WORD` letters (a pasted code, a key held down) is no
English word: it is named misspelt without a correction, shown cut to that length with "...",
and never searched for corrections, compounds or prefixes, so the check takes time linear in
the text however long one of its words is (session 11: a 128 KB word took 10 s).
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["LONGEST_WORD", "SPELLING_PENALTY", "SPELLING_PENALTY_MAX", "misspellings", "spelling_cut", "spelling_note",
           "sure_corrections"]

SPELLING_PENALTY = 5  # points per misspelt word of a rewrite
SPELLING_PENALTY_MAX = 15  # at most, whatever the number of words
#: The longest word checked letter by letter (pyspellchecker's English list's longest word,
#: "pneumonoultramicroscopicsilicovolcanoconiosis", has 45 letters).
LONGEST_WORD = 45

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_PREFIXES = ("re", "un", "pre", "over", "under", "co", "de", "mis", "non", "self", "out", "sub", "multi")
# British spelling -> the American spelling pyspellchecker's English list holds
_BRITISH = ((r"our(s|ed|ing|ite|ites|able)?$", r"or\1"), (r"is(e|es|ed|ing|ation|ations)$", r"iz\1"),
            (r"ys(e|es|ed|ing)$", r"yz\1"), (r"tre(s)?$", r"ter\1"), (r"ogue(s)?$", r"og\1"),
            (r"ll(ed|ing|er|ers)$", r"l\1"), (r"ence$", r"ense"), (r"mme(s)?$", r"m\1"),
            (r"iser(s)?$", r"izer\1"))
# British spellings inside a word, each tried once at every place it stands (session 10: "mould",
# "paediatric", "tyres", "manoeuvre", "cheques", "kerb", "grey" were taken for misspellings)
_BRITISH_INSIDE = (("ould", "old"), ("oult", "olt"), ("ae", "e"), ("oe", "e"), ("yre", "ire"), ("que", "ck"),
                   ("kerb", "curb"), ("grey", "gray"), ("oeuvre", "euver"), ("ogue", "og"), ("our", "or"),
                   ("ise", "ize"), ("isa", "iza"), ("yse", "yze"), ("tre", "ter"), ("ence", "ense"),
                   ("ll", "l"), ("eable", "able"), ("amme", "am"), ("sation", "zation"))
# words of interviews the shipped list lacks (session 9: a guide's questions are checked too)
_COMMON = frozenset({"app", "apps", "onboard", "onboarding", "onboarded", "cafe", "cafes", "workflow", "workflows",
                     "erm", "um", "uh", "er", "u", "ur", "multi", "login", "logins", "signup", "checkout", "wifi",
                     "email", "emails", "emailed", "online", "offline", "dropdown", "chatbot", "podcast", "podcasts",
                     "timesheet", "timesheets", "rota", "rotas", "upload", "uploads", "uploaded", "download",
                     "downloads", "downloaded", "smartphone", "website", "websites", "postcode", "toolkit", "co-op",
                     "texted", "texting", "offsite", "onsite", "fermenter", "fermenters", "hotfix", "admin",
                     "inbox", "inboxes", "paywall", "barcode", "barcodes", "rollout", "robo", "mm", "hmm", "mhm"})


@lru_cache(maxsize=1)
def _checker():
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


def _known(word: str) -> bool:
    sc = _checker()
    w = word.lower().replace("\u2019", "'").strip("'")
    if not w or w in sc or w in _COMMON:
        return True
    if "-" in w:
        return all(_known(p) or p in _PREFIXES for p in w.split("-") if p)
    if len(w) > LONGEST_WORD:
        return False  # no English word: never split into compounds or prefixes (quadratic in its length)
    if len(w) >= 8 and any(len(w) - k >= 4 and w[:k] in sc and w[k:] in sc for k in range(2, len(w) - 3)):
        return True  # a compound of two known words: "contactless", "callouts", "microchipped"
    if "'" in w:  # a contraction said aloud: "what'd", "d'you", "y'know"
        head, _, tail = w.partition("'")
        if (len(tail) <= 2 and head in sc) or (len(head) <= 2 and tail in sc):
            return True
    if w.endswith("'s") or w.endswith("s'"):
        return _known(w[:-2] if w.endswith("'s") else w[:-1])
    for pattern, american in _BRITISH:
        if re.search(pattern, w) and re.sub(pattern, american, w) in sc:
            return True
    if _american_inside(w, sc):
        return True
    return any(w.startswith(p) and len(w) - len(p) >= 3 and _known(w[len(p):]) for p in _PREFIXES)


def _american_inside(w: str, sc) -> bool:
    """Whether one British spelling of ``_BRITISH_INSIDE``, wherever it stands in ``w``, makes
    an American word the list knows ("mouldy" -> "moldy", "paediatric" -> "pediatric")."""
    for british, american in _BRITISH_INSIDE:
        start = w.find(british)
        while start >= 0:
            if w[:start] + american + w[start + len(british):] in sc:
                return True
            start = w.find(british, start + 1)
    return False


def _name_or_acronym(token: str, sentence_start: bool) -> bool:
    if any(ch.isdigit() for ch in token) or (token.isupper() and len(token) > 1):
        return True
    if any(ch.isupper() for ch in token[1:]):
        return True  # "WhatsApp", "iPad"-like names
    return token[:1].isupper() and not sentence_start


def misspellings(rewrite: str, original: str = "") -> list[dict]:
    """The misspelt words of ``rewrite``, in order, each once: a list of ``{word,
    suggestion}`` (``suggestion`` the likeliest known word within one edit, or ``""``).
    Words of ``original`` and names/acronyms are skipped (see the module docstring). An empty
    list when every word is known. Source: P. Norvig, "How to Write a Spelling Corrector"
    (2007), as implemented by pyspellchecker."""
    text = str(rewrite or "")
    own = {w.lower().replace("\u2019", "'") for w in _WORD.findall(str(original or ""))}
    out, seen = [], set()
    end = 0  # the end of the word before: the text between the two read once (linear in the text)
    for m in _WORD.finditer(text):
        token = m.group(0).rstrip("'\u2019-")
        between = text[end:m.start()].rstrip()
        before = between[-1] if between else text[end - 1] if end else ""
        end = m.end()
        start = not before or before in ".?!:\"'(\u201c"
        low = token.lower().replace("\u2019", "'")
        glued = text[m.end():m.end() + 1] + text[max(0, m.start() - 1):m.start()]
        if any(ch.isalpha() and not ch.isascii() for ch in glued):
            continue  # a part of a word with a letter outside ASCII ("café"): not a word of its own
        if len(token) < 2 or low in own or low in seen or _name_or_acronym(token, start) or _known(token):
            continue
        seen.add(low)
        if len(low) > LONGEST_WORD:  # no word: no correction (quadratic in its length), shown cut
            out.append({"word": token[:LONGEST_WORD] + "...", "suggestion": ""})
            continue
        out.append({"word": token, "suggestion": _checker().correction(low) or ""})
    return out


def spelling_cut(misspelt: list[dict]) -> int:
    """Points a rewrite loses for its misspellings: :data:`SPELLING_PENALTY` each, at most
    :data:`SPELLING_PENALTY_MAX`."""
    return min(SPELLING_PENALTY_MAX, SPELLING_PENALTY * len(misspelt))


def spelling_note(misspelt: list[dict]) -> str:
    """The feedback for misspelt words ("check the spelling: 'abot' (about?), 'clinet'
    (client?)"), or ``""`` when there are none."""
    if not misspelt:
        return ""
    return "check the spelling: " + ", ".join(
        f"'{m['word']}'" + (f" ({m['suggestion']}?)" if m["suggestion"] and m["suggestion"] != m["word"].lower() else "")
        for m in misspelt)


def _sure_fix(low: str) -> str | None:
    """The one known word ``low`` becomes by adding a missing letter or by swapping two
    neighbouring letters ("happend" -> "happened", "recieve" -> "receive"), or None when there
    is none or more than one (a substitution, "refret" -> "regret", is never made: not sure)."""
    sc = _checker()
    letters = "abcdefghijklmnopqrstuvwxyz"
    inserted = {low[:i] + c + low[i:] for i in range(len(low) + 1) for c in letters}
    swapped = {low[:i] + low[i + 1] + low[i] + low[i + 2:] for i in range(len(low) - 1)}
    known = sorted(w for w in inserted | swapped if w in sc)
    return known[0] if len(known) == 1 else None


def sure_corrections(text: str) -> str:
    """``text`` with the typos corrected that can be corrected for sure (see :func:`_sure_fix`):
    only a lower-case word of five letters or more that no word list knows (names, acronyms and
    known words are never changed). Used before a rewrite is built from a typed question."""
    def fix(m: re.Match) -> str:
        token = m.group(0)
        if not 5 <= len(token) <= LONGEST_WORD or not token.isalpha() or not token.islower() or _known(token):
            return token
        return _sure_fix(token) or token
    return _WORD.sub(fix, str(text or ""))
