"""Emails spelt out in the words of other languages, for :mod:`kit.privacy` (session 13,
newcomer F22).

People dictate their address in their own language: "ana ponto sousa arroba gmail ponto
com" (Portuguese), "tomek małpa gmail kropka com" (Polish), "jan zavináč seznam tečka cz"
(Czech). :data:`SPOKEN_AT` and :data:`SPOKEN_DOT` are the words said for ``@`` and ``.`` in
the languages the kit detects and declares (docs/languages.md: the default candidates en,
es, de, fr, it, pt, nl, and Polish, Czech, Slovak, Slovenian, Croatian, Russian and Ukrainian
written in Latin letters, Finnish, Hungarian, Swedish, Danish, Norwegian, Turkish, Romanian,
Catalan, Indonesian, Tagalog, Vietnamese, Greek in Latin letters), folded as the matcher
folds (``małpa``: ``malpa``). :func:`spoken_emails` replaces such an address by ``[email]``:
a local part (words joined by a dot, said or written), an "at" word, and a domain whose last
label is a real top-level domain (a country's code, ``com``, ``net``...): "Pierre et Marie
point barre" is no address. The English words alone ("at", "dot") are
``kit.privacy.EMAIL_OBFUSCATED``'s, as before; this pass runs only on a text holding a word
of another language's, so an English text is read exactly as before. The words also join the
words of a roster email (:data:`FILLER`): "t kropka wojcik małpa onet kropka pl" is the
roster's ``t.wojcik@onet.pl`` and is replaced whole.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["AT_WORDS", "FILLER", "GATE", "GATE_AT", "GATE_BYTES", "SPOKEN_AT", "SPOKEN_DOT", "spoken_emails", "top_level_domains"]

#: The words said for "@", by language (folded; a phrase's words apart by spaces).
SPOKEN_AT = {
    "en": ("at",), "es": ("arroba",), "pt": ("arroba",), "ca": ("arrova", "arroba"),
    "fr": ("arobase", "arobas", "arrobe", "a commercial"), "it": ("chiocciola", "chiocciolina"),
    "de": ("at", "klammeraffe"), "nl": ("apenstaartje", "apestaart"), "pl": ("malpa", "malpka"),
    "cs": ("zavinac",), "sk": ("zavinac",), "sl": ("afna",), "hr": ("et", "manki", "majmun"),
    "ru": ("sobaka", "sobachka"), "uk": ("ravlyk", "sobaka"), "fi": ("at", "miukumauku", "kissanhanta"),
    "hu": ("kukac",), "sv": ("snabel a", "snabela"), "da": ("snabel a", "snabela"), "no": ("krollalfa",),
    "tr": ("et",), "ro": ("a rond", "arond"), "id": ("et",), "tl": ("at",), "vi": ("a cong", "a moc"),
    "el": ("papaki",),
}
#: The words said for ".", by language (folded).
SPOKEN_DOT = {
    "en": ("dot",), "es": ("punto",), "pt": ("ponto",), "ca": ("punt",), "fr": ("point",), "it": ("punto",),
    "de": ("punkt",), "nl": ("punt",), "pl": ("kropka",), "cs": ("tecka",), "sk": ("bodka",), "sl": ("pika",),
    "hr": ("tocka", "tacka"), "ru": ("tochka", "tocka"), "uk": ("krapka",), "fi": ("piste",), "hu": ("pont",),
    "sv": ("punkt",), "da": ("punktum",), "no": ("punktum",), "tr": ("nokta",), "ro": ("punct",),
    "id": ("titik",), "tl": ("tuldok", "dot"), "vi": ("cham",), "el": ("teleia",),
}
_ENGLISH = frozenset({"at", "dot"})
_AT_PHRASES = sorted({w for ws in SPOKEN_AT.values() for w in ws}, key=len, reverse=True)
_DOT_WORDS = sorted({w for ws in SPOKEN_DOT.values() for w in ws}, key=len, reverse=True)
#: Every word of the phrases above: between the words of a roster email they are filler.
FILLER = frozenset(w for p in _AT_PHRASES + _DOT_WORDS for w in p.split())
#: The words of the phrases said for "@".
AT_WORDS = frozenset(w for p in _AT_PHRASES for w in p.split())
#: The words of another language than English (folded) that send a text to :func:`spoken_emails`.
GATE = frozenset(w for p in _AT_PHRASES + _DOT_WORDS for w in p.split() if len(w) > 1) - _ENGLISH
#: GATE's words as ``kit.privacy._ascii_words`` gives them (bytes), all and those said for "@".
GATE_BYTES = frozenset(w.encode("ascii") for w in GATE)
GATE_AT = frozenset(w.encode("ascii") for w in GATE & AT_WORDS)


def _words(phrases) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


# "at": the word between spaces, or bracketed, or "@" with spaces; "dot": the same, or ".".
_AT = rf"(?:\s*[(\[{{<]\s*(?:{_words(_AT_PHRASES)}|@)\s*[)\]}}>]\s*|\s+(?:{_words(_AT_PHRASES)})\s+|\s+@\s+|@)"
_DOT = rf"(?:\s*[(\[{{<]\s*(?:{_words(_DOT_WORDS)}|\.)\s*[)\]}}>]\s*|\s+(?:{_words(_DOT_WORDS)})\s+|\s+\.\s+|\.)"
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_ADDRESS = re.compile(rf"(?<![\w.+-])[\w+-]+(?:{_DOT}[\w+-]+)*(?P<at>{_AT})(?P<domain>(?:{_LABEL}{_DOT})+?)"
                      rf"(?P<tld>[a-z]{{2,6}})(?![\w-])", re.IGNORECASE)
# "at" is said for "@" in English, German, Finnish and Tagalog: with it, the domain's dots are
# said in one of those ("looked at it point by" is no address) or written.
_AT_DOTS = frozenset({"dot", "punkt", "piste", "tuldok"})
_SAID = re.compile(r"[^\W\d_]+")
_DOTS = frozenset(_DOT_WORDS)
# Generic top-level domains people say (the country codes are babel's territories).
_GENERIC = ("com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "app", "dev", "io",
            "ai", "co", "me", "tv", "xyz", "online", "site", "shop", "store", "tech", "blog", "email", "cloud", "art",
            "club", "live", "page", "uk", "eu", "gmail", "mail", "studio", "design", "agency", "family", "life")


@lru_cache(maxsize=1)
def top_level_domains() -> frozenset:
    """The top-level domains an address said aloud may end with: every country's code (ISO
    3166, as babel lists the territories; ``uk`` and ``eu`` too) and the common generic ones."""
    from babel import Locale

    codes = {code.lower() for code in Locale("en").territories if len(code) == 2 and code.isalpha()}
    return frozenset(codes | set(_GENERIC))


def spoken_emails(text: str, mark: str) -> str:
    """``text`` with each address spelt out in any language's words (:data:`SPOKEN_AT`,
    :data:`SPOKEN_DOT`) and ending in a real top-level domain replaced by ``mark``. The words
    are found in the folded text (``małpa``, ``zavináč``, ``tečka``), which has the composed
    text's positions; a text with a replacement comes back composed (NFC)."""
    from kit.privacy_text import fold

    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    folded = fold(text)
    if len(folded) != len(text):  # folding keeps one character for one; else read as written
        folded = text
    tlds = top_level_domains()
    pieces, last = [], 0
    for match in _ADDRESS.finditer(folded):
        if match.group("tld").lower() not in tlds:
            continue
        if _SAID.findall(match.group("at").lower()) == ["at"] and not _AT_DOTS.issuperset(
                w for w in _SAID.findall(match.group("domain").lower())[1:] if w in _DOTS):
            continue
        pieces += [text[last:match.start()], mark]
        last = match.end()
    if not pieces:
        return text
    return "".join(pieces) + text[last:]
