"""Which Windows code page a file that is not UTF-8 was saved in (session 12, newcomer F13/F19).

Excel and Notepad on Windows save "ANSI" text in the code page of the user's language:
Windows-1252 in Western Europe and the Americas, Windows-1250 in Central Europe (Polish,
Czech, Slovak, Hungarian, Slovenian, Croatian), Windows-1251 for Cyrillic, 1253 Greek, 1254
Turkish, 1257 Baltic. Read as Windows-1252, a Polish ``Łucja`` is ``£ucja`` and ``Rafał``
``Rafa³``: a speaker label or a roster name no longer reads as one.

:func:`code_page` decides one code page for the whole file from the lines that are not UTF-8,
by a measured rule: each candidate's reading is scored by the characters no language writes
inside a word (a symbol or a superscript touching a letter, ``£ucja``; letters of two scripts
in one word, ``Chloщ``; a word of accented letters only, ``Îëüãà``; a capital after a small
letter, ``ОльгА``). The candidate with the fewest wins, by two points at least
(one odd word is no evidence); Windows-1252 (the kit's reading until
now) wins every tie, so a file that reads the same in several code pages (German ``Müller``,
French ``Chloé``) is read exactly as before. Between readings that score the same but differ
(Turkish ``Ayşe`` or ``Ayþe``), charset-normalizer's letter-frequency coherence decides, and
Windows-1252 keeps the file unless another page is clearly more coherent. A short text gives
few words to score (session 13): when Windows-1252 reads its accented letters as no one
language's together (``Matiæ: Veæ sam èekao``, ``Szûcs Elõd``) and another page, no worse by
the words, reads them as one language's and py3langid detects a language of that page in
it (:data:`LANGUAGES`), that page is taken (``Matić: Već sam čekao``).
"""
from __future__ import annotations

import unicodedata

__all__ = ["ALPHABETS", "CODE_PAGES", "LANGUAGES", "NAMES", "code_page", "implausible"]

#: The candidates, Windows-1252 first (the default and the winner of ties).
CODE_PAGES = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257")
#: How a warning names each.
NAMES = {"cp1252": "Windows-1252", "cp1250": "Windows-1250 (Central European)",
         "cp1251": "Windows-1251 (Cyrillic)", "cp1253": "Windows-1253 (Greek)",
         "cp1254": "Windows-1254 (Turkish)", "cp1257": "Windows-1257 (Baltic)"}

# Punctuation that touches letters in ordinary writing (apostrophes, quotes, dashes, the euro).
_TYPOGRAPHIC = frozenset("’‘‚„“”«»‹›–—…•·€\u00a0\u00ad")
_OPENING = frozenset("¿¡")  # Spanish: opens a question, never inside a word
# How much clearer charset-normalizer's coherence must be for another page to beat Windows-1252
# in a tie (measured: Turkish 0.71 against 0.62; French and German samples 0.00 to 0.04 the
# other way).
_MARGIN = 0.05

# The accented Latin letters of each language the six code pages serve (lower case): a word
# whose accented letters no one language has together (``Jiøí``, ``pìšky``: Czech read as
# Windows-1252; ``ręvčrent``: French read as Windows-1250) is a misreading.
ALPHABETS = tuple(frozenset(a) for a in (
    "àâçéèêëîïôœùûüÿ",  # French (æ only in Latin words: "Matiæ", "Veæ" are Croatian ć read as Windows-1252)
    "äöüß", "áéíñóúüï", "áâãàçéêíóôõúü", "àèéìíîòóùú", "áéëèïöüóíú",  # German, Spanish, Portuguese, Italian, Dutch
    "àçèéíïòóúü·", "æøåéóô", "åäöéü", "áðéíóúýþæö", "äöåšž",  # Catalan, Danish/Norwegian, Swedish, Icelandic, Finnish
    "ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž", "čšžćđ", "áéíóöőúüű",  # Polish, Czech, Slovak, Slovenian/Croatian, Hungarian
    "ăâîșțşţ", "äëçéôüš", "âçğıöşüîû",  # Romanian, Albanian, Turkish
    "ąčęėįšųūž", "āčēģīķļņšūž", "äöõüšž",  # Lithuanian, Latvian, Estonian
))


# How many points (a symbol inside a word: two; an odd word: one) fewer another code page must
# score for a file to leave Windows-1252.
_EVIDENCE = 2


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def implausible(text: str) -> int:
    """How many characters or words of ``text`` no language writes so (see the module's doc):
    two points for a symbol inside a word, one for an odd word."""
    count = 0
    n = len(text)
    for i, ch in enumerate(text):
        if ch.isascii() or ch.isalpha() or unicodedata.combining(ch) or ch in _TYPOGRAPHIC or ch.isspace():
            continue
        before = i > 0 and text[i - 1].isalpha()
        after = i + 1 < n and text[i + 1].isalpha()
        if ch in _OPENING:
            count += 2 * before
        elif before or after:
            count += 2  # a symbol inside a word (£ucja, Rafa³) is a misreading, surely
    word: list[str] = []
    for ch in text + " ":
        if ch.isalpha():
            word.append(ch)
            continue
        if word:
            wide = [c for c in word if not c.isascii()]
            if wide:
                scripts = {_script(c) for c in word}
                if len(scripts) > 1:
                    count += 1
                elif len({c.lower() for c in word}) >= 2 and len(wide) == len(word) and scripts == {"LATIN"}:
                    count += 1
                elif scripts == {"LATIN"} and not _one_alphabet(wide):
                    count += 1
                elif any(word[k].isupper() and word[k - 1].islower() and not word[k].isascii()
                         for k in range(1, len(word))):
                    count += 1
            word = []
    return count


def _one_alphabet(letters) -> bool:
    wanted = {c.lower() for c in letters} - {"i"}  # "İ" lowers to "i" and a dot
    wanted = {unicodedata.normalize("NFC", c) for c in wanted if len(c) == 1}
    return any(wanted <= alphabet for alphabet in ALPHABETS)


#: The languages each code page (but Windows-1252) serves, as py3langid names them.
LANGUAGES = {"cp1250": {"pl", "cs", "sk", "sl", "hr", "bs", "sr", "hu", "ro", "sq"},
             "cp1251": {"ru", "uk", "bg", "be", "mk", "sr"}, "cp1253": {"el"}, "cp1254": {"tr", "az"},
             "cp1257": {"lt", "lv", "et"}}


def _in_its_language(text: str, page: str) -> bool:
    """Whether ``text`` (read in ``page``) is detected as a language ``page`` serves ("Chloé et
    Sřren: trčs bien" is French, not a Central European text)."""
    from kit.languages import _whole_identifier

    return _whole_identifier().classify(text)[0] in LANGUAGES.get(page, ())


def _wide(text: str) -> set:
    """The letters of ``text`` outside ASCII."""
    return {c for c in text if not c.isascii() and c.isalpha()}


def _coherence(data: bytes, pages) -> dict:
    """charset-normalizer's coherence of ``data`` read in each of ``pages`` (0 when it drops one)."""
    from charset_normalizer import from_bytes

    found = {}
    for match in from_bytes(data, cp_isolation=list(pages)):
        for page in [match.encoding, *match.could_be_from_charset]:
            found.setdefault(page, match.coherence)
    return {page: found.get(page, 0.0) for page in pages}


def code_page(lines: list[bytes]) -> str:
    """The Windows code page ``lines`` (the lines of one file that are not UTF-8) read best in:
    one of :data:`CODE_PAGES`, ``cp1252`` when in doubt."""
    scores, readings = {}, {}
    # Bytes Windows-1252 does not define (81 8D 8F 90 9D) with no letter of the upper half
    # (A0-FF) beside them are not a code page's text (a binary file): the caller reports them.
    letters = any(b >= 0xA0 for line in lines for b in line)
    for page in CODE_PAGES if letters else ("cp1252",):
        try:
            reading = "\n".join(line.decode(page) for line in lines)
        except UnicodeDecodeError:
            continue
        if any("\x80" <= c <= "\x9f" for c in reading):
            continue
        readings[page] = reading
        scores[page] = implausible(reading)
    if not scores:
        return "cp1252"  # no code page reads them: the caller reports the bytes as it did
    best = min(scores.values())
    if scores.get("cp1252", best + _EVIDENCE) < best + _EVIDENCE:
        best = scores["cp1252"]  # one odd word ("éé") is no evidence against Windows-1252
    tied = [p for p in scores if scores[p] == best and readings[p] != readings.get("cp1252")]
    if scores.get("cp1252") == best:
        # A short text has few words to score (session 13: "Matiæ: Veæ sam èekao.", "Szûcs Elõd"):
        # the accented letters of a whole reading that no one language has together are a
        # misreading when another page, no worse by the words, reads them as one language's.
        close = [p for p in scores if scores[p] <= best and readings[p] != readings.get("cp1252")]
        if close and not _one_alphabet(_wide(readings["cp1252"])):
            fits = [p for p in close if _one_alphabet(_wide(readings[p])) and _in_its_language(readings[p], p)]
            if fits:
                return fits[0] if len(fits) == 1 else max(fits, key=_coherence(b"\n".join(lines), fits).get)
        if not tied:
            return "cp1252"
        coherence = _coherence(b"\n".join(lines), ["cp1252", *tied])
        top = max(tied, key=lambda p: coherence[p])
        return top if coherence[top] >= coherence["cp1252"] + _MARGIN else "cp1252"
    if len(tied) == 1:
        return tied[0]
    coherence = _coherence(b"\n".join(lines), tied)
    return max(tied, key=lambda p: (coherence[p], -CODE_PAGES.index(p)))
