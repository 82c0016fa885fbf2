"""A study's own terms that hold a participant's first name: study.yml ``not_names`` (newcomer s16 F10).

The rule for a roster first name that is also an everyday word (``Bill``, ``Mark``, ``Will``,
``Grace``, ``Rose``, ``April``: :func:`kit.privacy_text.names_a_person`) is one for every study:
it is replaced only capitalised, and not where it names a thing (a common phrase, ``Bill
payment``; before a noun of the English lexicon at a sentence's start, ``Bill pay payee
disappeared``); where neither a person nor a thing is said it is replaced (fail closed), so a
credit union's "I use Bill pay" reads "I use [name] pay". A study names its own products and
terms in study.yml::

    not_names: [Bill pay, Grace period plus]

and a name part inside one of them, written so (any case), is kept in every output, except
where the text says a person there: a title, "with", "by", "asked", "told"... right before the
term, or a possessive right after it (``Bill pay's`` is not read as the product). A term of one
word, or one that is or holds a participant's full name, is not taken (``check`` says so at its
line of study.yml), so the list cannot un-redact a participant.
"""
from __future__ import annotations

import re
import unicodedata

from kit.errors import Problem

__all__ = ["NOT_NAMES", "kept_terms", "not_names_problems", "terms_of"]

NOT_NAMES = "not_names"
_POSSESSIVE = re.compile(r"['’]s\b")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", " ".join(str(text).split())).casefold()
    return "".join(c for c in text if not unicodedata.combining(c))


def _written(config) -> list[str]:
    value = config.get(NOT_NAMES) if isinstance(config, dict) else None
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(" ".join(v.split()) for v in value if isinstance(v, str) and v.strip()))


def _refused(term: str, names) -> str | None:
    """Why ``term`` is not taken (None when it is): one word, or a participant's full name in it."""
    if len(term.split()) < 2:
        return "a single word is no term (it would keep every capitalised use of the name)"
    folded = f" {_fold(term)} "
    if any(f" {_fold(n)} " in folded for n in names if len(str(n).split()) >= 2):
        return "it holds a participant's full name"
    return None


def terms_of(config, names) -> tuple[str, ...]:
    """The terms of study.yml's ``not_names`` (``config``) that :func:`kept_terms` keeps, given
    the roster's full ``names``: two words or more, none holding a participant's full name."""
    return tuple(t for t in _written(config) if _refused(t, names) is None)


_PATTERNS: dict = {}


def _pattern(terms: tuple) -> re.Pattern:
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w@.])(?:{alternatives})(?![\w@])", re.IGNORECASE)


def _says_a_person(text: str, start: int, end: int) -> bool:
    """Whether the text says a person at a term found at ``[start, end)``: a title or a word that
    names a person after it right before it, or a possessive right after it."""
    from kit.privacy_text import _PERSON_BEFORE, TITLES

    if _POSSESSIVE.match(text, end):
        return True
    before = re.search(r"([^\W\d_]+)\.?[\s,]{1,3}$", text[max(0, start - 40):start])
    return before is not None and before.group(1).lower() in (TITLES | _PERSON_BEFORE)


def kept_terms(text: str, spans: list, terms: tuple, mark: str) -> list:
    """``spans`` (start, end, mark) without the name spans (``mark``) that lie inside one of the
    study's ``terms`` (:func:`terms_of`) where the text says no person there."""
    if not terms or not spans:
        return spans
    pattern = _PATTERNS.get(terms)
    if pattern is None:
        pattern = _PATTERNS.setdefault(terms, _pattern(terms))
    places = [m.span() for m in pattern.finditer(text) if not _says_a_person(text, *m.span())]
    if not places:
        return spans
    return [s for s in spans if s[2] != mark or not any(a <= s[0] and s[1] <= b for a, b in places)]


def not_names_problems(study) -> list[Problem]:
    """A warning at its line of study.yml for each ``not_names`` entry that is not taken (one
    word; a participant's full name in it) or is no list of text; the entry is never printed
    when it holds a name."""
    from pathlib import Path

    from kit.privacy_columns import person_cells

    config = getattr(study, "config", None) or {}
    if NOT_NAMES not in config:
        return []
    path = Path(study.path) / "study.yml"
    lines = _lines(path)
    key_line = next((n for n, line in enumerate(lines, 1) if re.match(rf"^{NOT_NAMES}\s*:", line)), 1)
    value = config.get(NOT_NAMES)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return [Problem(str(path), key_line, f"{NOT_NAMES} is not a list of terms (not_names: [Bill pay]): no term is "
                        "kept, every name in them is replaced as before", "warning")]
    names = person_cells(study.participants)[0]
    out = []
    for number, term in enumerate(_written(config), start=1):
        why = _refused(term, names)
        if why is not None:
            line = next((n for n, text in enumerate(lines, 1) if n >= key_line and term in " ".join(text.split())),
                        key_line)
            out.append(Problem(str(path), line, f"{NOT_NAMES}: term {number} is not taken ({why}): the names in it "
                                                "are replaced as before", "warning"))
    return out


def _lines(path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return []
