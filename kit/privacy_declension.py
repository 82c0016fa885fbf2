"""Names declined in the languages a study declares, for :mod:`kit.privacy`'s roster matcher
(session 13, newcomer F9).

Every roster's matcher reads the Slavic endings of names of five letters or more
(:func:`kit.privacy_scripts.slavic_aliases`). A study that declares a language
(``study.yml`` ``languages:``, or a participant's ``language`` in participants.csv) gets
that language's declined forms of every first name and surname alone too, read as the name
where written capitalised (fail closed: a capitalised word that may be a declined name is
one):

- Polish, Czech, Slovak, Slovenian, Croatian, Serbian, Bosnian (``pl cs sk sl hr sr bs``):
  short names too (``Ewa``: ``Ewy``, ``Ewie``; ``Jiří``: ``Jiřího``), the vowel a name loses
  when it declines (``Marek``: ``Marka``, ``Markiem``; ``Paweł``: ``Pawła``; ``Karel``:
  ``Karla``) and the consonant that changes before ``-e`` (``Piotr``: ``Piotrze``, ``Petr``:
  ``Petře``, ``Paweł``: ``Pawle``, ``Monika``: ``Monice``, ``Olga``: ``Oldze``, ``Marta``:
  ``Marcie``);
- Russian and Ukrainian written in Latin letters (``ru uk be``): ``Dmitriy``: ``Dmitriya``,
  ``Dmitriyu``, ``Dmitriyem``; ``Ivanov``: ``Ivanova``, ``Ivanovym``; ``Olga``: ``Olgoy``;
  ``Natalya``: ``Natalyi``;
- Finnish (``fi``): the case endings on the name, its weak grade (``Pekka``: ``Pekan``,
  ``Pekalle``; ``Satu``: ``Sadun``), ``-nen`` names (``Virtanen``: ``Virtasen``,
  ``Virtasta``), ``-e`` names (``Laine``: ``Laineen``) and a name ending in a consonant
  (``Peter``: ``Peterin``);
- Hungarian (``hu``): the case endings (``Péternek``, ``Pétert``, ``Annának``), ``-val``/
  ``-vel`` after a doubled consonant (``Péterrel``, ``Kováccsal``) and a family's or a
  possessive ``-é``/``-ék`` with an ending after it (``Kovácséknál``).

Forms are folded as the matcher folds (``ł``: l, ``ř``: r, ``á``: a, ``ő``: o), so
``Pawle`` is ``pawle`` and ``Péterrel`` ``peterrel``.
"""
from __future__ import annotations

from functools import lru_cache

from kit.privacy_scripts import SLAVIC_ENDINGS

__all__ = ["DECLINING", "declared_languages", "declension_aliases", "declined_forms", "study_yml"]

#: The languages whose declined names a study that declares them gets, by family.
DECLINING = {"slavic": frozenset({"pl", "cs", "sk", "sl", "hr", "sr", "bs"}), "russian": frozenset({"ru", "uk", "be"}),
             "finnish": frozenset({"fi"}), "hungarian": frozenset({"hu"})}
_VOWELS = frozenset("aeiouy")

# Slavic: a vowel dropped before an ending (Marek: Mark-, Paweł: Pawł-, Karel: Karl-, Němec: Němc-)
_FLEETING = ("ek", "el", "ec", "et")
# Slavic locative/dative/vocative in -e with the consonant before it changed (folded letters)
_SOFTENED = {"r": ("rze", "re"), "l": ("le",), "t": ("cie", "te"), "d": ("dzie", "de"), "k": ("ce", "ku"),
             "g": ("dze", "ze"), "ch": ("sze", "se"), "n": ("nie", "ne"), "s": ("sie", "se"), "z": ("zie", "ze"),
             "m": ("mie", "me"), "w": ("wie",), "b": ("bie",), "p": ("pie",), "h": ("ze",)}

_RU_CONSONANT = ("a", "u", "om", "e", "ym", "im", "em", "y", "ym", "oy", "ovi")
_RU_SOFT = ("ya", "yu", "yem", "em", "ye", "e", "i", "ia", "iu", "ie", "ii", "yom", "ey", "eya", "eyu", "eyem")
_RU_A = ("y", "i", "e", "u", "oy", "oi", "oj", "oyu", "ou", "ey", "ei", "ye", "yu", "yi", "ii", "iey", "ei")

_FI = ("n", "a", "ta", "lle", "lla", "lta", "ssa", "sta", "ksi", "na", "kin", "kaan", "ineen", "lleen", "nsa",
       "mme", "nne", "ni", "si")
_FI_WEAK = (("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("mp", "mm"), ("nt", "nn"), ("lt", "ll"),
            ("rt", "rr"), ("t", "d"), ("k", ""), ("p", "v"))

_HU = ("nak", "nek", "t", "ot", "et", "at", "ot", "val", "vel", "ban", "ben", "ba", "be", "bol", "rol", "tol", "hoz",
       "hez", "nal", "nel", "on", "en", "n", "ra", "re", "ig", "ert", "kent", "ul", "ul", "nal", "tal", "tel")
_HU_AFTER = ("e", "ek", "eke", "eket")  # Péteré (Péter's), Kovácsék (the Kovács family): then an ending
_HU_DIGRAPHS = ("cs", "dz", "gy", "ly", "ny", "sz", "ty", "zs")


def _slavic(word: str) -> set:
    forms = set()
    last = word[-1]
    stems = [word[:-1]] if last in _VOWELS else [word]
    if last not in _VOWELS:
        stems += [word[:-2] + word[-1] for end in _FLEETING if word.endswith(end) and len(word) >= 4]
    endings = SLAVIC_ENDINGS.get(last if last in _VOWELS else "", SLAVIC_ENDINGS[""])
    for stem in stems:
        if len(stem) < 2:
            continue
        forms.update(stem + e for ends in endings.values() for e in ends)
        forms.update(stem + e for ends in SLAVIC_ENDINGS[""].values() for e in ends)  # -owi, -em, -iem, -u...
        for consonant, softer in _SOFTENED.items():
            if stem.endswith(consonant):
                forms.update(stem[:-len(consonant)] + s for s in softer)
    if last == "i":  # Jiří: Jiřího, Jiřímu, Jiřím
        forms.update(word[:-1] + e for ends in SLAVIC_ENDINGS["i"].values() for e in ends)
    return forms


def _russian(word: str) -> set:
    if word.endswith(("iy", "yi", "ij", "ei", "ey", "ay", "oy")) or word[-1] in "iy":
        stem = word[:-1]
        return {stem + e for e in _RU_SOFT} | {word + e for e in ("a", "u", "em", "om")}
    if word.endswith(("ya", "ia")):
        return {word[:-2] + e for e in _RU_SOFT + _RU_A} | {word[:-1] + e for e in _RU_A}
    if word.endswith("a"):
        return {word[:-1] + e for e in _RU_A}
    if word[-1] in _VOWELS:
        return set()
    return {word + e for e in _RU_CONSONANT}


def _finnish(word: str) -> set:
    stems = {word}
    if word.endswith("nen"):
        stems |= {word[:-3] + "se", word[:-3] + "s"}
    elif word[-1] == "e":
        stems.add(word + "e")  # Laine: Laineen, Laineelle
    elif word[-1] not in _VOWELS:
        stems.add(word + "i")  # Peter: Peterin
    if word[-1] in _VOWELS and len(word) >= 3:
        body, vowel = word[:-1], word[-1]
        for strong, weak in _FI_WEAK:
            if body.endswith(strong) and (len(strong) == 2 or body[-2:-1] in _VOWELS):
                stems.add(body[:-len(strong)] + weak + vowel)
                break
    forms = {stem + e for stem in stems for e in _FI}
    if word[-1] in _VOWELS:
        forms.add(word + word[-1] + "n")  # illative: Ainoon, Pekkaan
    return forms


def _hungarian(word: str) -> set:
    stems = {word}
    forms = set()
    doubled = next((word[:-2] + word[-2] + d for d in _HU_DIGRAPHS if word.endswith(d)), None)
    if doubled is None and word[-1] not in _VOWELS:
        doubled = word + word[-1]
    for stem in stems:
        forms.update(stem + e for e in _HU)
        forms.update(stem + a + e for a in _HU_AFTER for e in ("", *_HU))
    if doubled:
        forms.update(doubled + e for e in ("al", "el", "a", "e"))  # Péterrel, Kováccsal; Péterré (translative)
    return forms


_FAMILY = {"slavic": _slavic, "russian": _russian, "finnish": _finnish, "hungarian": _hungarian}


@lru_cache(maxsize=1 << 16)
def declined_forms(word: str, families: frozenset) -> frozenset:
    """The declined forms of a folded name part ``word`` (Latin letters, two or more) in the
    language ``families`` (keys of :data:`DECLINING`), without ``word`` itself."""
    if not (word.isascii() and word.isalpha()) or len(word) < 3:
        return frozenset()
    forms = set()
    for family in families:
        forms |= _FAMILY[family](word)
    forms.discard(word)
    return frozenset(f for f in forms if len(f) > len(word) - 2 and len(f) >= 3)


def declension_aliases(words, root: dict, everyday: frozenset, languages) -> dict:
    """Each declined form (:func:`declined_forms`) of ``words`` (the folded words of the names
    a matcher matches in any case) in the declared ``languages`` (ISO 639-1 codes), mapped to
    its word, leaving out everyday English words, the everyday words of the Slavic languages
    (:func:`kit.privacy_scripts.slavic_stop_words`) and forms that are themselves words of the
    trie ``root``. {} when no declared language declines names."""
    families = frozenset(f for f, codes in DECLINING.items() if codes & set(languages))
    if not families:
        return {}
    from kit.privacy_scripts import slavic_stop_words

    common = slavic_stop_words() | _stop_words(families)
    aliases: dict = {}
    for word in sorted(words):
        for form in sorted(declined_forms(word, families)):
            if form not in root and form not in everyday and form not in common:
                aliases.setdefault(form, word)
    return aliases


@lru_cache(maxsize=4)
def _stop_words(families: frozenset) -> frozenset:
    """The everyday words of Finnish and Hungarian (the stop-words package), folded, when
    declared: ``Annak`` ("to that") is not Anna's dative."""
    from stop_words import get_stop_words

    from kit.privacy_text import fold

    words: set = set()
    for family, language in (("finnish", "finnish"), ("hungarian", "hungarian")):
        if family in families:
            try:
                words.update(fold(w) for w in get_stop_words(language))
            except Exception:  # noqa: BLE001 - a missing list: the other checks still apply
                continue
    return frozenset(words)


def declared_languages(config, people) -> tuple:
    """The languages a study declares: ``config`` (study.yml: ``languages:``) and the values of
    participants.csv's ``language`` column (``people``: a DataFrame), as lower-case codes."""
    declared = (config or {}).get("languages") if isinstance(config, dict) else None
    codes = [str(c) for c in declared] if isinstance(declared, (list, tuple)) else []
    if people is not None and "language" in getattr(people, "columns", ()):
        codes += [str(v) for v in people["language"].tolist() if isinstance(v, str)]
    return tuple(sorted({c.strip().lower() for c in codes if c.strip()}))


def study_yml(path) -> dict:
    """study.yml at ``path`` read as a mapping ({} when it is missing or not one): what
    :func:`declared_languages` reads of it."""
    from pathlib import Path

    from kit.yamlio import load_yaml

    try:
        data = load_yaml(Path(path))[0] if Path(path).is_file() else {}
    except Exception:  # noqa: BLE001 - an unreadable study.yml declares nothing here; check reports it
        return {}
    return data if isinstance(data, dict) else {}
