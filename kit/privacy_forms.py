"""A roster person written another way: short forms, spelling variants, Welsh mutations.

Attacker and newcomer, session 17 (A1, A3, A11, A20, F18): a roster's ``Elizabeth O'Brien`` is
``Liz`` or ``Lizzie`` to the people who talk about her, ``Elisabeth`` to her sister's spelling
and ``Zoës`` where ``Zoë's`` loses its apostrophe; ``Kevin`` is ``Kev``; a study that declares
Welsh (``cy``) writes ``Bethan`` as ``Fethan`` after ``gyda`` and ``Dai`` as ``Ddai`` after ``i``.
:func:`other_forms` gives these forms of one roster name part, for :class:`kit.privacy.Roster`
to add to its matcher once per roster (the text is still read once: each form is one more
word of the trie, not a loop over the roster).

Sources: short forms and the full names they stand for from the ``nicknames`` package (a
maintained, hand-curated list of English given names and their nicknames: ``liz``, ``lizzie``,
``beth`` for ``elizabeth``; ``kev`` for ``kevin``), for a name's first word only. Spelling
variants by a few rules that change one sound's letters (``s``/``z`` between vowels:
Elisabeth; ``ph``/``f``; a final ``a``/``ah``: Fatimah; a possessive ``s`` without its
apostrophe). Welsh initial mutations by the standard table (soft, nasal and aspirate: ``p``
-> ``b``, ``mh``, ``ph``; ``t`` -> ``d``, ``nh``, ``th``; ``c`` -> ``g``, ``ngh``, ``ch``; ``b`` ->
``f``, ``m``; ``d`` -> ``dd``, ``n``; ``g`` -> dropped, ``ng``; ``m`` -> ``f``; ``ll`` -> ``l``;
``rh`` -> ``r``). A form that is an everyday English word (``Will``, ``Bill``, ``Bell``) is never
added: the roster's own part rules decide those (fail closed is the leak scan's job there).
"""
from __future__ import annotations

from functools import lru_cache

from kit.privacy_diminutives import declined, diminutives

__all__ = ["MUTATIONS", "form_entries", "nicknames", "other_forms", "spelling_variants", "typo_forms", "welsh_mutations"]

#: Welsh initial mutations of a (folded) word's first consonant(s): soft, nasal, aspirate.
MUTATIONS = (("ll", ("l",)), ("rh", ("r",)), ("p", ("b", "mh", "ph")), ("t", ("d", "nh", "th")),
             ("c", ("g", "ngh", "ch")), ("b", ("f", "m")), ("d", ("dd", "n")), ("g", ("", "ng")), ("m", ("f",)))
#: Short forms that are also everyday Russian words: "glory", "faith", "dear", "volumes", "dear".
_EVERYDAY_SHORT = ("слава", "вера", "мила", "тома", "люба")
_MIN_TYPO = 5  # letters of a name part whose one-letter-off spellings are looked for (kit.speaker_names.near_name's)
_MIN_LETTERS = 3  # a form shorter than this is too often a word or an initial (Al, Jo)


@lru_cache(maxsize=1)
def _namer():
    try:
        from nicknames import NickNamer
    except ImportError:  # pragma: no cover - a declared dependency; without it only the other rules apply
        return None
    return NickNamer()


@lru_cache(maxsize=1 << 14)
def nicknames(word: str) -> tuple[str, ...]:
    """The short forms of the folded given name ``word`` and the full names a short form stands
    for (``nicknames`` package), sorted: ``("beth", "bess", ...)`` for ``elizabeth``."""
    namer = _namer()
    if namer is None or not word.isascii() or not word.isalpha():
        return ()
    return tuple(sorted(namer.nicknames_of(word) | namer.canonicals_of(word)))


@lru_cache(maxsize=1 << 14)
def spelling_variants(word: str) -> tuple[str, ...]:
    """Spellings of the folded name part ``word`` one sound apart (five letters or more):
    ``elisabeth`` for ``elizabeth``, ``fatimah`` for ``fatima``, ``stefan`` for ``stephan``."""
    if len(word) < 5 or not word.isascii() or not word.isalpha():
        return ()
    out = []
    vowels = "aeiouy"
    for k in range(1, len(word) - 1):
        if word[k] in "sz" and word[k - 1] in vowels and word[k + 1] in vowels:
            out.append(word[:k] + ("z" if word[k] == "s" else "s") + word[k + 1:])
    if "ph" in word:
        out.append(word.replace("ph", "f"))
    if word.endswith("ah"):
        out.append(word[:-1])
    elif word.endswith("a"):
        out.append(word + "h")
    return tuple(dict.fromkeys(v for v in out if v != word))


@lru_cache(maxsize=1)
def _known_names() -> frozenset:
    """Every given name and short form the ``nicknames`` package knows (another person's name)."""
    namer = _namer()
    if namer is None:  # pragma: no cover - a declared dependency
        return frozenset()
    return frozenset(namer.nickname_lookup) | frozenset(namer._canonical_lookup)


_VOWELS = "aeiouy"


def typo_forms(word: str, everyday=frozenset()) -> tuple[str, ...]:
    """The spellings of the folded name part ``word`` (:data:`_MIN_TYPO` letters or more) one
    letter off as hands and ears get it wrong: a letter left out (``Elizbeth``), two letters
    swapped (``Elizabteh``), a letter doubled (``Kevvin``), a vowel for another (``Elizebeth``), a
    final vowel kept.
    Never an everyday word of ``everyday``, a given name someone else has (``nicknames``: ``Mario``
    is not a misspelt ``Maria``) or a form under four letters."""
    if len(word) < _MIN_TYPO or not word.isascii() or not word.isalpha():
        return ()
    # a final vowel is left as it is (Maria: not Mario, Marie or Mari, the names of others)
    last = len(word) - 1 if word[-1] in _VOWELS else len(word)
    # the last letter is never the one left out: a name cut short is a word or a stem in too many
    # languages (Nowak -> Polish "nowa" "new", Grant -> "gran", Brown -> "brow"; session 18)
    out = {word[:k] + word[k + 1:] for k in range(min(last, len(word) - 1))}
    out.update(word[:k] + word[k + 1] + word[k] + word[k + 2:] for k in range(len(word) - 1))
    out.update(word[:k + 1] + word[k:] for k in range(len(word)))
    out.update(word[:k] + v + word[k + 1:] for k, ch in enumerate(word[:last]) if ch in _VOWELS for v in _VOWELS)
    known = _known_names()
    return tuple(sorted(f for f in out if f != word and len(f) >= 4 and f not in everyday and f not in known))


def welsh_mutations(word: str) -> tuple[str, ...]:
    """The soft, nasal and aspirate mutations of the folded Welsh name part ``word``
    (:data:`MUTATIONS`): ``fethan``, ``methan`` for ``bethan``; ``ddai``, ``nai`` for ``dai``."""
    for start, into in MUTATIONS:
        if word.startswith(start) and len(word) > len(start):
            return tuple(m + word[len(start):] for m in into)
    return ()


def other_forms(word: str, given: bool, languages=(), everyday=frozenset()) -> tuple[str, ...]:
    """The other forms of the folded name part ``word`` (one word): its short forms and the
    names it is short for when ``given`` (a name's first word), its spelling variants, each of
    these with a possessive ``s`` written without the apostrophe, and, when ``languages`` holds
    ``cy``, the Welsh mutations of all of them. Never ``word`` itself, an everyday word of
    ``everyday`` or a form shorter than three letters."""
    if not word.isascii() or not word.isalpha():
        return ()
    forms = list(nicknames(word)) if given else []
    forms += [v for f in [word, *forms] for v in spelling_variants(f)]
    forms += [f + "s" for f in [word, *forms] if not f.endswith("s")]
    if "cy" in languages:
        forms += [m for f in [word, *forms] for m in welsh_mutations(f)]
    return tuple(dict.fromkeys(f for f in forms if f != word and len(f) >= _MIN_LETTERS and f not in everyday))


def form_entries(parts, names, languages, everyday, variants, mark) -> list:
    """:class:`kit.privacy.NameMatcher` entries ``(words, mark, capitalised_only, is_email)`` for
    the other forms of the roster's one-word name parts (``variants``: :func:`kit.privacy.name_variants`):
    short forms of a first name (Liz, Kev) and spelling variants (Elisabeth, Fatimah, Zoës) in any
    case; Welsh mutations (Fethan, Ddai) where ``languages`` holds ``cy``, capitalised only."""
    from kit.privacy_text import fold

    given = {fold(w) for name in names for first in str(name).split()[:1] for w in [first, *first.split("-")]}
    welsh = ("cy",) if "cy" in languages else ()
    seen, entries, short, typos = set(), [], set(), set()
    for part in parts:
        first = fold(part) in given
        for words in variants(part):
            if first and len(words) == 1:  # Дмитрий, Dmitri: Дима, Dima (kit.privacy_diminutives)
                short.update(diminutives(words[0]))
            if len(words) != 1 or words[0] in seen:
                continue
            seen.add(words[0])
            if words[0] not in everyday:  # Smith, Grace: a part that is a word is matched only where it names a person
                typos.update(typo_forms(words[0], everyday))
            plain = other_forms(words[0], words[0] in given, (), everyday)
            entries += [([form], mark, False, False) for form in plain]
            if welsh:
                entries += [([form], mark, True, False)
                            for form in other_forms(words[0], words[0] in given, welsh, everyday) if form not in plain]
    plain_ru = {fold(f) for w in _EVERYDAY_SHORT for f in (w, *declined(w))}
    # a short form that is also a word (Ira, Слава "glory") only capitalised, where a person is named
    entries += [([form], mark, "person" if form in everyday or form in plain_ru else False, False)
                for form in sorted(short - seen) if len(form) >= _MIN_LETTERS]
    # one letter off a roster name part (Elizbeth, Kevvin): only capitalised and where a person is named, as an
    # everyday word is (a sentence-initial Polish "Nowa" is no misspelt Nowak; attacker s17 A3)
    entries += [([form], mark, "person", False) for form in sorted(typos - seen - short)]
    return entries
