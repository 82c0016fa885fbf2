"""The short (diminutive) forms of a Slavic given name, for the roster's matcher (session 18).

Attacker s17 A1: a roster's ``Дмитрий Волков`` is ``Дима`` or ``Dima`` to his friends, and both stayed
in the published report while ``Dmitrii`` was redacted. The ``nicknames`` package
(:mod:`kit.privacy_forms`) knows English given names only; no maintained package lists the familiar
forms of Russian, Ukrainian, Polish or Czech names, so the kit ships a small table,
``kit/data/privacy/slavic_diminutives.tsv`` (its sources are named in its header: Wikipedia's
"Russian name" and Wiktionary's appendices of Russian, Ukrainian, Polish and Czech given names).

:func:`diminutives` gives the folded short forms of a folded first name, in the script of the table
and, for a name in Cyrillic, in the Latin letters people write it with (:func:`kit.privacy_latin.latin_spellings`:
``Дима``: ``dima``; ``Катя``: ``katya``, ``katia``), and in Cyrillic declined (:func:`declined`: ``Диму``,
``Кате``: a four-letter name takes no ending the matcher's own stem rule reads). A roster first name is looked up as written and by
each Latin spelling of the table's names (``Dmitri``, ``Dmitry``, ``Aleksandr``, ``Alexander``,
``Yekaterina``, ``Ekaterina`` all find their Cyrillic row), so a roster in either script gets the forms
in both. Built once per roster (:func:`kit.privacy_forms.form_entries`); a form is one more word of
the matcher's trie, so a text is still read once.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

__all__ = ["TABLE", "declined", "diminutives"]

#: The table's path inside the package.
TABLE = "data/privacy/slavic_diminutives.tsv"


# Russian and Ukrainian decline a short form in -а/-я as a noun of the first declension (Дима: Диму,
# Димы, Диме, Димой; Катя: Катю, Кати, Кате, Катей): the five case endings in place of its last letter.
_ENDINGS = {"а": ("у", "ы", "е", "ой", "ою"), "я": ("ю", "и", "е", "ей", "ею")}


def declined(form: str) -> tuple[str, ...]:
    """The declined forms of a short form in Cyrillic ending in -а or -я, as written (``Диму``)."""
    endings = _ENDINGS.get(form[-1:].lower(), ()) if len(form) >= 3 else ()
    return tuple(form[:-1] + e for e in endings)


def _fold(text: str) -> str:
    from kit.privacy_text import fold

    return fold(text).strip()


@lru_cache(maxsize=1)
def _rows() -> dict:
    """{folded key: set of folded forms}: the table's names, and each Latin spelling of a
    Cyrillic one, mapped to the short forms (as written and in Latin letters)."""
    from kit.privacy_latin import latin_spellings

    rows: dict = {}
    text = (files("kit") / TABLE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        name, forms = line.split("\t", 1)
        shorts = [f.strip() for f in forms.split(",") if f.strip()]
        folded = {_fold(f) for f in shorts} | {_fold(d) for f in shorts for d in declined(f)}
        for short in shorts:
            folded.update(_fold(s) for s in latin_spellings(short))
        folded = {f.replace("'", "") for f in folded if f}
        keys = {_fold(name), *(_fold(s) for s in latin_spellings(name))}
        for key in list(keys):
            if "ks" in key:  # Aleksandr, Aleksei: also Alexandr, Alexei (as English writes them)
                keys.add(key.replace("ks", "x"))
        if keys & {"aleksandr", "alexandr"}:
            keys.add("alexander")
        for key in keys:
            rows.setdefault(key.replace("'", ""), set()).update(folded)
    return rows


@lru_cache(maxsize=1 << 14)
def diminutives(word: str) -> tuple[str, ...]:
    """The folded short forms of the folded first name ``word`` (``дмитрии`` or ``dmitri``:
    ``dima``, ``dimka``, ``mitia``, ``mitya``, ``дима`` ...), sorted; ``()`` for a name the table
    does not hold."""
    return tuple(sorted(f for f in _rows().get(word, ()) if f != word))
