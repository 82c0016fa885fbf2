"""Private by default: the matchers behind every output of the kit (``kit.outputs``).

Participants appear by their pseudonymous id. In any text, email addresses (plain or written
out: ``jose at example dot com``, ``jose (at) example.com``, ``jose[at]example[dot]com``),
phone numbers (international forms too) and the names on the study's roster
(participants.csv: full names, first names and surnames; in any case, with or without accents,
joined by spaces, underscores, dashes or nothing, so inside file names too, invisible format
characters such as zero-width spaces or bidi marks inside them ignored) are replaced by
``[email]``, ``[phone]`` and ``[name]`` (:func:`redact`). One :class:`NameMatcher` per roster
reads a text once: the cost is linear in the text and flat in the roster's size.
``include_names=True`` is for internal copies: it keeps names; contact details are still
redacted.

Published outputs also withhold the verbatim words of participants who did not consent to
being quoted (:class:`Unquotable`, :func:`unquotable`), and of a speaker only guessed to be
the interviewer (fail closed: their consent is unknown). :func:`find_leaks` is the final scan
of ``interview-kit run``: the same name variants, obfuscated emails, file names, and
unconsented words.

The functions are pure: a study (or a roster) and DataFrames or strings in, the same out.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache, partial
from pathlib import Path

import numpy as np
import pandas as pd

from kit.privacy_columns import TERM_FIELDS, category_cells, id_cells, person_cells, term_leak as _term_leak
from kit.privacy_decode import TAG_IN_WORD, across_tags, decoded, decoded_text, hides, longest, style_blocks
from kit.privacy_decode import readable as _readable
from kit.privacy_team import kept_team, team_of
from kit.privacy_terms import NOT_NAMES, kept_terms, terms_of
from kit.privacy_declension import declared_languages, declension_aliases, study_yml as _study_yml
from kit.privacy_latin import _LIGATURES, _TRANSLITERATE, cyrillic_spellings, latin_spellings
from kit.privacy_phone import _PHONE_CANDIDATE, _PHONE_MIN_DIGITS, PHONE_MARK, _id_digits, _phone, _phone_or_id, id_spans  # noqa: F401
from kit.privacy_phone import _digits_at_least, _enough_digits  # noqa: F401
from kit.privacy_id_forms import id_form_spans
from kit.privacy_spoken_digits import said_digits, spoken_phones
from kit.privacy_typos import typo_spans
from kit.privacy_emails import EMAIL_OBFUSCATED, PERCENT_EMAIL, obfuscated_emails
from kit.privacy_forms import form_entries
from kit.privacy_other_ways import o_phones, other_spans
from kit.privacy_written import WrittenNames
from kit.privacy_scripts import STEM, affixed, affixed_in, declinable, particle_parts, sentence_pieces, slavic_aliases
from kit.privacy_spoken import FILLER, GATE as _SPOKEN, GATE_AT as _SPOKEN_AT, GATE_BYTES as _SPOKEN_ASCII, spoken_emails
from kit.privacy_text import (ANNOUNCER, ID_MARK, TITLES, announced_ids, capitalised, names_a_person, png_texts,
                              unmarked, unspaced, whole_marks)
from kit.privacy_text import BROKEN_WORD, rejoined, _EVERYDAY, _PLAIN_WORD, _WORD, _everyday, _unmap, _visible, _words, fold  # noqa: F401
from kit.schema import NO_CONSENT  # a whole cell withheld: the one wording

__all__ = ["EMAIL", "EMAIL_MARK", "EMAIL_OBFUSCATED", "ID_MARK", "MIN_CONTENT_WORDS", "NAME_MARK", "NO_CONSENT",
           "PHONE_MARK", "SHINGLE", "COMMON_PHRASE", "TERM_FIELDS", "WITHHELD_MARK", "NameMatcher", "Roster", "Unquotable",
           "consented", "find_leaks", "fold", "name_variants", "public_quotes", "redact", "redact_both",
           "redact_column", "redact_markup", "redact_notebook", "roster", "shareable", "unquotable",
           "with_names"]

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
EMAIL_MARK, NAME_MARK = "[email]", "[name]"
_PERSON = "person"  # a roster entry matched only capitalised and where a person is named (names_a_person)
# A quick test before kit.privacy_text.ANNOUNCED_ID (a text with three digits or more): a word that announces an id.
# Each of ANNOUNCED_ID's matches holds one of these (as a substring: "ID12345", "no.12345678").
_ANNOUNCER = ANNOUNCER  # the quick test before the identifiers said aloud are looked for
#: The words of the marks a text gains before names are looked for in it.
_MARK_WORDS = frozenset(w for m in (EMAIL_MARK, PHONE_MARK) for w in re.findall(r"[^\W_]+", m))
# An ASCII text's words as ``[^\W_]+`` finds them in ``fold(text)``, split in C: letters
# lower-cased, digits kept, every other byte a space.
_ASCII_FOLD = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


def _ascii_words(text: str) -> list[bytes]:
    return text.encode("ascii").translate(_ASCII_FOLD).split()


# Folding, format characters, words and everyday words are kit.privacy_text's.

# What may stand between the words of one name: spaces, file-name separators, apostrophes, the
# middle dots of Katakana (ジョン・スミス), Catalan (Gal·la) and the Tibetan syllable mark (་).
_JOINER = re.compile(r"[\s_.'’‘\u00b7\u30fb\uff65\u0f0b-]{1,3}")
_EMAIL_FILLER = FILLER  # "at" and "dot", as words, in any language (kit.privacy_spoken: "małpa", "kropka")
_EMAIL_JOINER = re.compile(r"[\s_.'’‘()\[\]{}<>@+-]{0,6}")


class NameMatcher:
    """One matcher for a whole roster: a trie of the (folded) words of every name, surname,
    first name and email. The text is read once, word by word, and each word costs a few
    dictionary look-ups whatever the roster's size, so redaction is linear in the text and
    flat in the roster (many people sharing a first name included).

    ``find(text)`` yields ``(start, end, mark)`` spans, longest match first, not overlapping.
    """

    _END, _EMAIL = "", "@"  # keys no word can be (words are runs of letters and digits)

    def __init__(self, entries, categories=(), declension=True, languages=()):
        # entries: (words, mark, capitalised_only, is_email); categories: folded words the study
        # uses as values of its other columns (a faculty "Law"): a text that is only one is a thing
        self.root: dict = {}
        self.categories = frozenset(categories)
        named: set = set()  # the words of names matched in any case
        for words, mark, capital, email in entries:
            if not words:
                continue
            node = self.root
            for word in words:
                node = node.setdefault(word, {})
                if email:
                    node[self._EMAIL] = True
            if mark == NAME_MARK and capital is False:
                named.update(words)
            ends = node.setdefault(self._END, [])
            if (mark, capital) not in ends:
                ends.append((mark, capital))
                ends.sort(key=lambda e: (e[1] is not False) + (e[1] == _PERSON))  # any case, capitalised, a person
        # Slavic declined forms of the name words matched in any case (Łucji: łucja), read as those words where written
        # capitalised (kit.privacy_scripts.slavic_aliases), and those of the languages the study declares (session 13)
        self.aliases = {**declension_aliases(named, self.root, _everyday(), languages),
                        **slavic_aliases(named, self.root, _everyday())} if declension else {}
        self.keys = self.root.keys() | self.aliases.keys() if self.aliases else self.root.keys()
        self.ascii_keys = frozenset(k.encode("ascii") for k in self.keys if k.isascii())
        self.names_a_mark = not self.root.keys().isdisjoint(_MARK_WORDS)
        self.stems = frozenset(k[:STEM] for k in self.root if len(k) >= STEM)  # see affixed_in
        self.declined = declinable(self.root, self._END)
        self.written = WrittenNames(named, languages)  # أحمد for Ahmed where the study declares ar (kit.privacy_written)

    def __bool__(self) -> bool:
        return bool(self.root)

    def affixed_in(self, tokens, written=()) -> bool:
        """Whether a word of ``tokens`` (folded) holds a one-word entry with letters written onto it,
        or one of ``written`` (the same words as written) is a roster name in a declared script."""
        return affixed_in(self.root, self._END, self.stems, tokens, self.declined) or (
            bool(self.written) and self.written.any_in(written))

    def find(self, text: str):
        """Spans ``(start, end, mark)`` in ``text`` (composed to NFC when not ASCII); format
        characters (category Cf) inside a name are part of its span."""
        if not self.root:
            return
        kept = None
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)  # spans are positions in the composed text
            text, kept = _visible(text)
        spans = list(self._find(text))
        broken = rejoined(text)  # a name broken at a line's end ("Wata-" / "nabe") or coloured is a name too
        if broken is not None:
            spans = longest(spans + _unmap(list(self._find(broken[0])), broken[1]))
        shown = decoded_text(text)  # O&#39;Neill, Siobh%C3%A1n, Siobh\u00e1n, **Sio**bhán, s i o b h a n
        if shown is not None and (hidden := list(self._find(shown))):
            _, starts, ends = decoded(text)  # positions only when a name is there (most pages: none)
            spans = longest(spans + [(starts[s], ends[e - 1], *rest) for s, e, *rest in hidden])
        yield from _unmap(spans, kept)

    def _find(self, text: str):
        folded = fold(text)
        ascii_folded = folded.isascii()
        if self.keys.isdisjoint(plain := _PLAIN_WORD.findall(folded)):  # most texts name nobody: done in C
            other = bool(self.written) and not text.isascii()  # a word in a declared script (kit.privacy_written)
            if (ascii_folded and not other) or not self.affixed_in(plain, _PLAIN_WORD.findall(text) if other else ()):
                return
        words = [m for m in _WORD.finditer(folded) if not m.group().startswith("&")]
        tokens = [m.group() for m in words] if ascii_folded else [unmarked(m.group()) for m in words]
        if self.aliases:  # Łucji Kowalskiej: łucja kowalska, when capitalised
            aliases = self.aliases
            tokens = [aliases[t] if t in aliases and capitalised(text[w.start()]) else t for t, w in zip(tokens, words)]
        root, end_key, email_key = self.root, self._END, self._EMAIL
        i, n = 0, len(tokens)
        while i < n:
            node = root.get(tokens[i])
            if node is None:
                if not ascii_folded and not tokens[i].isascii() and (mark := affixed(root, end_key, tokens[i], self.declined)):
                    yield words[i].start(), words[i].end(), mark  # the word whole, its ending too
                elif self.written and (last := self.written.at(text, words, i)) is not None:
                    yield words[i].start(), words[last].end(), NAME_MARK
                    i = last
                i += 1
                continue
            capital_ok = capitalised(text[words[i].start()])
            best, j = None, i
            while True:
                for mark, capital in node.get(end_key, ()):
                    if not capital or (capital_ok and (capital is True or (
                            not (n == 1 and tokens[0] in self.categories) and names_a_person(
                                text, words, tokens, i, j, lambda k: tokens[k] in root and capitalised(text[words[k].start()]))))):
                        best = (j, mark)
                        break
                k = j + 1
                if email_key in node:  # an email may be written with "at" and "dot" as words
                    while k < n and tokens[k] in _EMAIL_FILLER and tokens[k] not in node:
                        k += 1
                if k >= n:
                    break
                child = node.get(tokens[k])
                if child is None:
                    break
                gap = folded[words[j].end():words[k].start()]
                if k == j + 1:
                    # nothing between two words: letters of a script written without spaces (王伟)
                    if gap and not (_JOINER.fullmatch(gap) or (email_key in child and _EMAIL_JOINER.fullmatch(gap))):
                        break
                elif len(gap) > 24:
                    break
                node, j = child, k
            if best is None:
                i += 1
                continue
            yield from sentence_pieces(folded, words, i, best[0], best[1], best[1] == NAME_MARK)
            i = best[0] + 1


# A capital inside a word starts a name part: MacDonald, McDonald, DeLuca, O'Neill's Neill.
_INNER_CAPITAL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")


def name_variants(text: str) -> list[list[str]]:
    """The ways a name is written, each as its folded words: as written (accents dropped:
    ``muller``), with the parts an apostrophe, hyphen or space splits written together
    (``O'Neill``: ``o neill`` and ``oneill``; ``Mary-Jane``: ``maryjane``; ``Mac Donald``:
    ``macdonald``), split at a capital inside a word (``MacDonald``: ``mac donald``),
    when it has an umlaut or ß, transliterated (``mueller``) and, when it is written in another
    script, in Latin letters as people write it (:func:`kit.privacy_latin.latin_spellings`:
    ``Дмитрий``: ``dmitrii``, ``dmitriy``, ``dmitry``) and, in Latin letters, in Cyrillic
    (:func:`kit.privacy_latin.cyrillic_spellings`: ``Will``: ``уилл``, ``вилл``). At most a handful per name."""
    texts = [text]
    if not text.isascii():
        composed = unicodedata.normalize("NFC", text)
        # Kjærgaard: Kjaergaard; Søren: Soeren and Soren; Ольга Петрова: Olga Petrova
        for other in [composed.translate(_TRANSLITERATE), composed.translate(_LIGATURES), *latin_spellings(composed)]:
            if other != text and other not in texts:
                texts.append(other)
    variants: list[list[str]] = []

    def add(words):
        if words and words not in variants:
            variants.append(words)

    for written in texts:
        words = _words(written)
        add(words)
        # each whitespace-separated part with its apostrophes and hyphens left out (o'neill: oneill)
        add([w for part in written.split() if (w := "".join(_words(part)))])
        for i in range(len(words) - 1):  # two neighbouring words written as one (mac donald: macdonald)
            if len(words) <= 5:
                add(words[:i] + [words[i] + words[i + 1]] + words[i + 2:])
        if _INNER_CAPITAL.search(written):
            add(_words(_INNER_CAPITAL.sub(" ", written)))
    for written in cyrillic_spellings(text if text.isascii() else unicodedata.normalize("NFC", text)):
        add(_words(written))  # Will Bell written Уилл Белл (as written only)
    return variants


@dataclass(frozen=True)
class Roster:
    """The names and emails the study's participants.csv holds (the study's own PII)."""

    names: tuple[str, ...] = ()      # full names as written
    parts: tuple[str, ...] = ()      # first names and surnames, each at least 2 letters
    emails: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()        # a person's identifiers: student numbers, employee ids ([id])
    categories: tuple[str, ...] = ()  # one-word values of participants.csv's other columns (faculty: law)
    languages: tuple[str, ...] = ()  # declared (study.yml, participants.csv): names declined in them (kit.privacy_declension)
    team: tuple[str, ...] = ()  # study.yml's team full names, kept where a name part is inside one (kit.privacy_team)
    not_names: tuple[str, ...] = ()  # study.yml's not_names: terms a name part is kept inside (kit.privacy_terms)

    @property
    def secrets(self) -> tuple[str, ...]:
        """What must never appear in a shared output: full names, emails and identifiers."""
        return self.names + self.emails + self.ids

    def name_pattern(self) -> re.Pattern | None:
        """The roster's names as one regular expression (accent- and case-folded text is
        what :attr:`matcher` reads; this pattern is kept for callers that want a regex)."""
        words = sorted(set(self.names) | set(self.parts), key=len, reverse=True)
        if not words:
            return None
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        return re.compile(rf"(?<![\w@.])(?:{alternatives})(?![\w@])")

    @cached_property
    def matcher(self) -> NameMatcher:
        """Every name, name part and email of the roster in one :class:`NameMatcher` (built
        once for rosters that are equal: each ``roster(study)`` of one study shares it)."""
        return _built(self, "all")

    @cached_property
    def secret_matcher(self) -> NameMatcher:
        """Full names and emails only (what the final leak scan looks for), in any case,
        with or without accents, joined by spaces, underscores, dashes or nothing, emails
        however obfuscated."""
        return _built(self, "secret")

    @cached_property
    def email_matcher(self) -> NameMatcher:
        """The roster's emails only, however written (``jo bell at example dot com``)."""
        return _built(self, "email")

    def _entries(self, parts: bool, names: bool = True):
        everyday = _everyday()
        entries = []
        for name in self.names if names else ():
            for words in name_variants(name):
                # a name written as one word that is also a word (Will Power: willpower) only capitalised
                entries.append((words, NAME_MARK, len(words) == 1 and words[0] in everyday, False))
                if len(words) > 1:
                    joined = "".join(words)  # MariaLopez, marialopez
                    entries.append(([joined], NAME_MARK, joined in everyday, False))
                for later in words[2:]:  # José Müller-García is also "jose garcia"; "jose muller" below
                    if len(later) >= 3:
                        entries.append(([words[0], later], NAME_MARK, False, False))
                if len(words) > 2 and len(words[1]) >= 3:
                    entries.append((words[:2], NAME_MARK, False, False))
        if parts:
            for part in self.parts:
                for words in name_variants(part):
                    # an everyday word (Law, Grace, May) only capitalised, and where it names a person
                    capital = _PERSON if len(words) == 1 and words[0] in everyday else False
                    entries.append((words, NAME_MARK, capital, False))
                    if len(words) > 2 and not unspaced(part[-1]):  # de la Cruz: Delacruz, DeLaCruz
                        joined = "".join(words)
                        entries.append(([joined], NAME_MARK, joined in everyday, False))
            entries += form_entries(self.parts, self.names, self.languages, everyday, name_variants, NAME_MARK)
        for email in self.emails:
            words = _words(email)
            if len(words) >= 2:
                entries.append((words, EMAIL_MARK, False, True))
        for value in self.ids if names else ():  # s2139904, S2139904; 44-1093, 44 1093 and 441093
            words = _words(value)
            entries += [(words, ID_MARK, False, False)] + ([(["".join(words)], ID_MARK, False, False)]
                                                            if len(words) > 1 else [])
        return entries


def _built(people: Roster, kind: str) -> NameMatcher:
    """``people``'s matcher of ``kind`` ("all", "secret": full names, emails and ids, "email"),
    built once for equal rosters (a roster given lists, not tuples, is built each time)."""
    try:
        return _built_once(people, kind)
    except TypeError:  # unhashable: lists in the roster
        return _built_once.__wrapped__(people, kind)


@lru_cache(maxsize=6)
def _built_once(people: Roster, kind: str) -> NameMatcher:
    if kind == "all":
        return NameMatcher(people._entries(parts=True), people.categories, languages=people.languages)
    return NameMatcher(people._entries(parts=False, names=kind == "secret"), languages=people.languages)


def roster(study) -> Roster:
    """The roster of a study (a loaded ``Study`` or a path), or of several studies (a list):
    the names and emails of participants.csv, from ``name`` and ``email`` and from every other
    column that holds a person's name or email (``first_name`` with ``last_name`` as one full
    name too, ``surname``, ``parent_name``, ``guardian``, ``username``, ``parent_email``; not
    ``company_name`` or ``team_name``)."""
    from kit.study import as_study

    if isinstance(study, (list, tuple)):
        many = [roster(s) for s in study]
        return Roster(names=tuple(dict.fromkeys(n for r in many for n in r.names)),
                      parts=tuple(dict.fromkeys(n for r in many for n in r.parts)),
                      emails=tuple(dict.fromkeys(n for r in many for n in r.emails)),
                      ids=tuple(dict.fromkeys(n for r in many for n in r.ids)),
                      categories=tuple(dict.fromkeys(n for r in many for n in r.categories)),
                      languages=tuple(sorted({n for r in many for n in r.languages})),
                      team=team_of({"team": [n for r in many for n in r.team]}, [n for r in many for n in r.names]),
                      not_names=terms_of({NOT_NAMES: [n for r in many for n in r.not_names]},
                                         [n for r in many for n in r.names]))
    if isinstance(study, (str, Path)) and (Path(study) / "participants.csv").is_file():
        # Only participants.csv is needed (and study.yml's not_identifying): read it alone rather than the whole study,
        # worked out once while neither file's bytes change (kit.privacy_memo: index and its printer read the same).
        from kit.privacy_memo import remembered
        from kit.study_columns import sheet_frame

        return remembered(study, lambda: _sheet_roster(sheet_frame(study), _study_yml(Path(study) / "study.yml")))
    if isinstance(study, (str, Path)):
        return Roster()  # no participants.csv (or no such folder): nobody's names to hide
    study = as_study(study, strict=False)
    return _sheet_roster(study.participants, study.config)


def _sheet_roster(people, config) -> Roster:
    names, emails = person_cells(people)
    return Roster(names=tuple(dict.fromkeys(names)), parts=tuple(dict.fromkeys(_name_parts(names))),
                  emails=tuple(dict.fromkeys(emails)), ids=tuple(dict.fromkeys(id_cells(people))),
                  categories=tuple(dict.fromkeys(category_cells(people))), languages=declared_languages(config, people),
                  team=team_of(config, names), not_names=terms_of(config, names))


def _name_parts(names) -> list[str]:
    parts = []
    for name in names:
        words = [w.strip(".,()\"'") for w in re.split(r"[\s\u30fb\uff65]+", name)]
        for k, word in enumerate(words):
            # a capital, or a letter of a script without case (محمد, प्रिया, דוד, 太郎, 민준, გიორგი)
            if len(word) >= 2 and capitalised(word[0]) and word.lower().rstrip(".") not in TITLES:  # not Dr of Dr Law
                parts.append(word)
                if "-" in word:  # a double-barrelled name: each half is a name too
                    parts += [w for w in word.split("-") if len(w) >= 2]
            if 0 < k < len(words) - 1 and len(word) <= 3 and word[:1].isupper() and words[k + 1][:1].isupper():
                parts.append(f"{word} {words[k + 1]}")  # a surname with a particle: Mac Donald, Ó Briain
        parts += particle_parts(words)  # de la Cruz; 김민준: 민준
    return parts


def with_names(people: Roster | None, names) -> Roster:
    """``people`` with more names (and their first names and surnames): e.g. the speaker
    labels of a transcript's participants, which are names whether or not a roster lists
    them. Labels that are ids (``P-001``) or roles (``Participant``) are left out."""
    people = people or Roster()
    extra = [str(n).strip() for n in names if isinstance(n, str) and str(n).strip()
             and not _NOT_A_NAME.match(str(n).strip())]
    extra = [n for n in extra if n not in people.names]
    if not extra:
        return people
    return replace(people, names=people.names + tuple(dict.fromkeys(extra)),
                   parts=tuple(dict.fromkeys(people.parts + tuple(_name_parts(extra)))))


# Speaker labels that are not names: ids, roles, "Speaker 1".
_NOT_A_NAME = re.compile(r"^(?:[A-Z]{1,4}-?\d+|(?:participant|interviewer|speaker|customer|user|respondent|"
                         r"moderator|researcher|observer|unknown|guest)(?:\s*\d+)?)$", re.IGNORECASE)


def _replace(text: str, spans) -> str:
    pieces, last = [], 0
    for start, end, mark in spans:
        pieces += (text[last:start], mark)
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def redact(text, people: Roster | None = None, names: bool = True):
    """``text`` with emails (plain or obfuscated), phone numbers and (unless ``names`` is
    False) roster names replaced by ``[email]``, ``[phone]`` and ``[name]``. Roster names
    are matched whole, in any case and with or without accents (a name part that is also an
    everyday word only when capitalised); a roster email also when written in words.
    Non-strings are returned as they are. Linear in the text, flat in the roster size."""
    if not isinstance(text, str) or not text:
        return text
    text, spans = _contact_free(text, people)
    return _replace(text, spans if names else [s for s in spans if s[2] == EMAIL_MARK])


def redact_both(text, people: Roster | None = None) -> tuple:
    """``(redact(text, people), redact(text, people, names=False))`` in one pass: the work
    the two share (contact details, the roster matcher) is done once. Non-strings and ""
    are returned as they are, twice."""
    if not isinstance(text, str) or not text:
        return text, text
    text, spans = _contact_free(text, people)
    return _replace(text, spans), _replace(text, [s for s in spans if s[2] == EMAIL_MARK])


def _contact_free(text: str, people: Roster | None) -> tuple[str, list]:
    """``text`` with emails and phones replaced, and the spans the roster matcher finds in
    it (names and the roster's emails), for :func:`redact` to replace.

    The text is folded and split into words once: when none of its words (nor the words
    of the marks put in below) starts a roster entry, neither roster matcher is run."""
    matcher, words = (people.matcher if people is not None else None), None
    ascii_text = text.isascii()
    if matcher or not ascii_text:
        words = _ascii_words(text) if ascii_text else None
        # An obfuscated address has an "@" or the word "at" (``jo (at) example.com``).
        obfuscated = words is None or "@" in text or b"at" in words
    else:  # no roster to match
        words = _ascii_words(text)
        obfuscated = "@" in text or b"at" in words
    # an address said in another language's words ("arroba", "małpa", "kropka": kit.privacy_spoken)
    spoken = (not (_SPOKEN_ASCII if obfuscated else _SPOKEN_AT).isdisjoint(words) if words is not None
              else not _SPOKEN.isdisjoint(_PLAIN_WORD.findall(fold(text))))
    named = False
    if matcher:
        emails = people.email_matcher if people.emails else None
        if emails and words is None:
            text = unicodedata.normalize("NFC", text)
        if words is not None:
            named = (matcher.names_a_mark or not matcher.ascii_keys.isdisjoint(words)
                     or (("-" in text or "[" in text) and BROKEN_WORD.search(text) is not None) or hides(text))
        else:
            shown = _visible(text)[0]
            plain = _PLAIN_WORD.findall(fold(shown))
            named = (not matcher.keys.isdisjoint(_MARK_WORDS.union(plain)) or matcher.affixed_in(
                plain, _PLAIN_WORD.findall(shown) if matcher.written else ())
                     or BROKEN_WORD.search(text) is not None or hides(text))
        if named and emails:
            # the roster's own addresses first, however written ("jo bell at example dot com"),
            # before the generic patterns below could replace only their end
            text = _replace(text, list(emails.find(text)))
    if "@" in text:
        text = EMAIL.sub(EMAIL_MARK, text)
    if "%40" in text:
        text = PERCENT_EMAIL.sub(EMAIL_MARK, text)
    if spoken:
        text = spoken_emails(text, EMAIL_MARK)
    if obfuscated:
        text = obfuscated_emails(text, EMAIL_MARK)
    text = o_phones(spoken_phones(text, words if words is not None else _ascii_words(text) if ascii_text else None))
    ids = None
    if _enough_digits(text):  # a roster identifier's digits are left for id_spans below (kept with --include-names)
        ids = _id_digits(tuple(people.ids)) if people is not None and people.ids else None
        text = _PHONE_CANDIDATE.sub(partial(_phone_or_id, ids) if ids else _phone, text)
    spans = []
    if matcher:
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        if named:  # and a name part's mistyped other half beside it ("Kevn Lam": kit.privacy_typos)
            spans = kept_team(text, typo_spans(text, list(matcher.find(text)), people, NAME_MARK), people.team, NAME_MARK)
            spans = kept_terms(text, spans, people.not_names, NAME_MARK)  # study.yml not_names: Bill pay (s16 F10)
    if (extra := other_spans(text, people, NAME_MARK)):  # wangwei88, 王先生, QQ 12 34 56 C (kit.privacy_other_ways)
        spans = longest(spans + extra)
    if ids:
        spans = longest(spans + id_spans(text, ids))
    if _digits_at_least(text, 3) and _ANNOUNCER.search(text) is not None:  # "student number s2139904", on the roster or not
        spans = longest(spans + announced_ids(text))
    if people is not None and people.ids and (_digits_at_least(text, 3) or said_digits(text, words)):
        spans = longest(spans + id_form_spans(text, tuple(people.ids)))  # MB 44 821, D P two one two zero one
    return text, spans


def redact_column(frame: pd.DataFrame, column: str = "text", people: Roster | None = None,
                  names: bool = True) -> pd.DataFrame:
    """A copy of ``frame`` with ``column`` redacted."""
    frame = frame.copy()
    if column in frame and len(frame):
        frame[column] = [redact(v, people, names) for v in frame[column].tolist()]
    return frame


def consented(frame: pd.DataFrame, study, column: str = "participant") -> pd.DataFrame:
    """The rows of ``frame`` whose participant consented to being quoted."""
    from kit.study import as_study

    ok = as_study(study, strict=False).consenting()
    if column not in frame:
        return frame.iloc[0:0]
    return frame[frame[column].isin(ok)].reset_index(drop=True)


def shareable(frame: pd.DataFrame, study, column: str = "text", include_names: bool = False,
              people: Roster | None = None) -> pd.DataFrame:
    """Consented rows only, with ``column`` redacted: what a quote table in a shared report
    may hold. ``include_names`` keeps roster names (contact details are redacted anyway)."""
    people = people if people is not None else roster(study)
    return redact_column(consented(frame, study), column, people, names=not include_names)


def public_quotes(study, include_names: bool = False) -> pd.DataFrame:
    """The study's key quotes fit for a shared output: consenting participants only,
    redacted (columns segment_id, interview_id, participant, text, time)."""
    from kit.study import as_study

    study = as_study(study, strict=False)
    quotes = study.quotes
    cols = [c for c in ("segment_id", "interview_id", "participant", "text", "time") if c in quotes]
    return shareable(quotes[cols], study, include_names=include_names)


# -- words of participants who did not consent to being quoted -----------------------------------
WITHHELD_MARK = "[not quoted]"                      # a run of words withheld inside a text
SHINGLE = 5  # a run of this many words of a non-consenting participant is their verbatim words


class Unquotable:
    """The verbatim words of participants who did not consent to being quoted
    (``consent_quote`` not yes): their transcript turns and key quotes, as runs of
    ``SHINGLE`` words (accent- and case-folded), less the short common phrases (at most
    :data:`COMMON_PHRASE` words) that someone else also said in their own words, so that a
    common phrase never counts as theirs. Someone else is a consenting participant, or the
    interviewer in an earlier turn of the same interview (:func:`unquotable`): an
    interviewer repeating an answer back, or a sentence of theirs, never makes it common.
    The team's notes (insights, opportunities) never count as someone else: a note
    repeating their words verbatim holds their words.

    ``ids`` are the participant ids whose words are withheld (``owns(id)`` compares an id
    however written); ``participant_of`` maps an interview id to its participant; ``segments``
    are the ids of whole turns nobody consented to (a third speaker's). ``spans(text)`` finds their words in any text (HTML
    character references are skipped), ``withhold(text)`` replaces them by ``[not quoted]``.
    """

    def __init__(self, own_texts=(), other_texts=(), ids=(), participant_of=None, segments=()):
        """``own_texts``: their texts, each a string or ``(text, said, n)``: ``said`` maps each
        run of words others said in the same interview to the first turn number they said it
        at, ``n`` is this text's turn number; ``other_texts``: others' texts said anywhere."""
        self.ids = frozenset(ids)
        self._id_keys = frozenset(_id_key(i) for i in self.ids)
        self.participant_of = dict(participant_of or {})
        self.segments = frozenset(segments)
        common: set = set()
        for text in other_texts:
            if isinstance(text, str):
                common.update(_shingles(_words(text)))
        # A run of mostly function words ("at the end of the") identifies nobody and is in
        # every text: only runs with at least two content words count as someone's words.
        from kit.themes import STOPWORDS

        own = set()
        for text in own_texts:
            text, said, n = (text, None, 0) if not isinstance(text, tuple) else text
            if not isinstance(text, str):
                continue
            own.update(s for s in _own_runs(_words(text), common, said, n)
                       if sum(w not in STOPWORDS for w in s) >= MIN_CONTENT_WORDS)
        self.shingles = own
        self.firsts = frozenset(s[0] for s in own)

    def __bool__(self) -> bool:
        return bool(self.ids) or bool(self.segments)

    def owns(self, participant) -> bool:
        """Whether ``participant`` (an id) is one of :attr:`ids`, however written: in any case,
        format characters left out, look-alike letters of other scripts as the Latin letter
        (``"Р-2"`` with a Cyrillic Р is ``P-2``; :func:`fold`)."""
        return isinstance(participant, str) and bool(participant) and _id_key(participant) in self._id_keys

    def spans(self, text: str) -> list[tuple[int, int]]:
        if not self.shingles or not isinstance(text, str) or not text:
            return []
        text, kept = _visible(text)
        if kept is not None:
            return [(s, e) for s, e in _unmap(self.spans(text), kept)]
        folded = fold(text)
        # The words as strings first (a page of a report holds none of their runs, mostly);
        # their positions only when a run is found.
        found = self.runs_at([t for t in _WORD.findall(folded) if t[0] != "&"])
        if not found:
            return []
        words = [m for m in _WORD.finditer(folded) if not m.group().startswith("&")]
        marked_until, spans = -1, []
        for i in found:
            last = i + SHINGLE - 1
            if spans and i <= marked_until + 1:
                spans[-1] = (spans[-1][0], words[last].end())
            else:
                spans.append((words[i].start(), words[last].end()))
            marked_until = last
        return spans

    def runs_at(self, tokens: list[str]) -> list[int]:
        """Where in ``tokens`` (a folded text's words) a run of their words starts."""
        firsts, shingles = self.firsts, self.shingles
        return [i for i in range(len(tokens) - SHINGLE + 1)
                if tokens[i] in firsts and tuple(tokens[i:i + SHINGLE]) in shingles]

    def holds(self, text: str) -> bool:
        return bool(self.spans(text))

    def withhold(self, text):
        """``text`` with every run of a non-consenting participant's words replaced."""
        if not isinstance(text, str) or not self.shingles:
            return text
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)  # spans are positions in the composed text
        spans = self.spans(text)
        if not spans:
            return text
        if "[" in text:  # a run ending or starting inside a mark ("[phone]") covers it whole (newcomer s16 F16)
            spans = whole_marks(text, spans)
        return _replace(text, [(s, e, WITHHELD_MARK) for s, e in spans])




def _id_key(participant) -> str:
    """A participant id as :meth:`Unquotable.owns` compares it (:func:`fold`, no format characters)."""
    return fold(_visible(str(participant).strip())[0])


#: Content words (not in the kit's stopword list) a run of SHINGLE words needs to count as
#: someone's words.
MIN_CONTENT_WORDS = 2


#: The longest run of words someone else also said that counts as a common phrase: a longer
#: run is a sentence, and stays the non-consenting participant's words.
COMMON_PHRASE = 8


def _shingles(words: list[str]):
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _own_runs(words: list[str], common: set, said: dict | None = None, n: int = 0) -> set:
    """The runs of ``SHINGLE`` words of ``words`` that are theirs: all but the common ones (in
    ``common``, or in ``said`` before turn ``n``) that lie in a stretch of common runs at most
    :data:`COMMON_PHRASE` words long."""
    runs = [tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    if not common and not said:
        return set(runs)
    said = said or {}
    flags = [r in common or said.get(r, n) < n for r in runs]
    own, i, longest = set(), 0, COMMON_PHRASE - SHINGLE + 1
    while i < len(runs):
        if not flags[i]:
            own.add(runs[i])
            i += 1
            continue
        j = i
        while j < len(runs) and flags[j]:
            j += 1
        if j - i > longest:  # a whole sentence someone else also said: still theirs
            own.update(runs[i:j])
        i = j
    return own


def unquotable(study) -> Unquotable:
    """The :class:`Unquotable` words of a study (a loaded ``Study`` or a path) or of several."""
    from kit.study import as_study

    studies = list(study) if isinstance(study, (list, tuple)) else [study]
    own, other, ids, participant_of, third = [], [], set(), {}, set()
    for s in studies:
        s = as_study(s, strict=False)
        ok = s.consenting()
        turns = s.turns
        if len(s.interviews):
            participant_of.update(zip(s.interviews["interview_id"].tolist(),
                                      s.interviews["participant"].tolist()))
        spoken = turns["role"].isin(("participant", "other")) if len(turns) else pd.Series(dtype=bool)  # other: a third speaker
        if len(turns) and "segment_id" in turns:  # a third speaker consented to nothing: every turn withheld whole
            third.update(turns.loc[turns["role"] == "other", "segment_id"].tolist())
        for frame, theirs in ((turns, spoken), (s.quotes, None)):
            if not len(frame):
                continue
            mine = ~frame["participant"].isin(ok).to_numpy()
            if theirs is not None:
                mine = (mine & theirs.to_numpy()) | _guessed(s, frame)
                # other speakers (interviewers, observers) count only in earlier turns of the
                # same interview: an answer read back to them never makes it common
                consenting = spoken.to_numpy() & ~mine
                other += frame.loc[consenting, "text"].tolist()
                own += _with_earlier(frame, mine, ~spoken.to_numpy())
            else:
                own += frame.loc[mine, "text"].tolist()
                other += frame.loc[~mine, "text"].tolist()
            ids.update(p for p in frame.loc[mine, "participant"].tolist() if isinstance(p, str) and p)
        # Insights and opportunities are the team's notes: a note that repeats a
        # non-consenting participant's words verbatim repeats *their* words, so notes never
        # make a run of words common (only other people's own speech does).
    return Unquotable(own, other, ids, participant_of, third)


def _guessed(study, turns: pd.DataFrame):
    """True for the turns of a speaker only guessed to be the interviewer (no label of the note,
    team or ``interviewer_labels``): fail closed, their consent is unknown, so their words are
    withheld like a non-consenting participant's."""
    guessed = getattr(study, "guessed_interviewers", None) or {}
    if not guessed:
        return np.zeros(len(turns), dtype=bool)
    return np.array([guessed.get(i) == sp and role == "interviewer" for i, sp, role in
                     zip(turns["interview_id"].tolist(), turns["speaker"].tolist(), turns["role"].tolist())], dtype=bool)


def _with_earlier(turns: pd.DataFrame, mine, others) -> list:
    """``(text, said, n)`` for each turn in ``mine`` (see :class:`Unquotable`): ``said`` maps
    the runs of words of the turns in ``others`` of the same interview to the first turn
    (its position in ``turns``) that said them."""
    out, said, current = [], {}, None
    for n, (text, interview, is_mine, is_other) in enumerate(zip(turns["text"].tolist(),
                                                                 turns["interview_id"].tolist(), mine, others)):
        if interview != current:
            said, current = {}, interview
        if is_mine:
            out.append((text, said, n))
        elif is_other and isinstance(text, str):
            for run in _shingles(_words(text)):
                said.setdefault(run, n)
    return out


def _name_words(people: Roster) -> frozenset:
    """Every folded word of the roster's names and name parts (transliterations too), less
    everyday words (``will``, ``grant``) and words under 3 letters."""
    everyday = _everyday()
    found = set()
    for name in people.names + people.parts:
        for words in name_variants(name):
            found.update(w for w in words if len(w) >= 3 and w not in everyday)
    return frozenset(found)


def find_leaks(root, people: Roster, suffixes=(".html", ".csv", ".json", ".ipynb", ".txt", ".md", ".log",
                                               ".yml", ".yaml", ".tsv"),
               words: Unquotable | None = None):
    """The files under ``root`` (relative paths) that show a participant's full name or
    email (in any case, with or without accents or transliterated, joined by spaces,
    underscores or nothing, an email however obfuscated; also in file names), a term list
    (CSV columns, YAML keys of :data:`TERM_FIELDS`, YAML lists) holding a term made only of
    the roster's name words, or, given ``words``, a run of a non-consenting participant's
    verbatim words; a PNG figure by the texts it keeps (:func:`png_texts`). The secret itself is
    never returned, so the answer can be logged."""
    root = Path(root)
    leaks = []
    matcher = people.secret_matcher
    if not matcher and not words:
        return leaks
    names = _name_words(people)
    styles: dict[str, bool] = {}  # each distinct <style> element, read once: does it hold a secret?
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if matcher and any(True for _ in matcher.find(rel)):
            leaks.append(rel)
            continue
        if path.suffix.lower() == ".png" and path.is_file():  # a figure: the texts it draws
            if _holds_secret(png_texts(path), matcher, words):
                leaks.append(rel)
            continue
        if not path.is_file() or path.suffix.lower() not in suffixes:
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        text, blocks = style_blocks(text) if path.suffix.lower() == ".html" else (text, ())
        for block in blocks:
            if block not in styles:
                styles[block] = _holds_secret(_readable(path, block), matcher, words)
        text = _readable(path, text)
        if any(styles[b] for b in blocks) or _holds_secret(text, matcher, words):
            leaks.append(rel)
        elif path.suffix.lower() in (".csv", ".tsv", ".yml", ".yaml") and _term_leak(path, text, names):
            leaks.append(rel)
    return leaks


def _holds_secret(text: str, matcher: NameMatcher, words: Unquotable | None) -> bool:
    """Whether ``text`` names someone of ``matcher`` or holds a run of ``words``: the text is
    composed, freed of format characters and folded once for both, and a check runs only when
    a word it starts with is there (one pass over a page that holds neither)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    tokens = [t for t in _WORD.findall(fold(_visible(text)[0])) if t[0] != "&"]  # as find and spans read it
    if (matcher and (not matcher.keys.isdisjoint(tokens) or matcher.affixed_in(tokens)
                     or BROKEN_WORD.search(text) is not None or hides(text))
            and any(True for _ in matcher.find(text))):
        return True
    return bool(words) and bool(words.shingles) and bool(words.runs_at(tokens))


def redact_markup(text: str, people: Roster | None = None, names: bool = True,
                  words: Unquotable | None = None) -> str:
    """``redact`` for HTML or Markdown output: only the text between tags is redacted
    (embedded images, tags, style sheets and scripts are left whole); given ``words``, runs of
    a non-consenting participant's words are withheld too."""
    if not isinstance(text, str) or not text:
        return text

    def clean(piece):
        piece = redact(piece, people, names)
        return words.withhold(piece) if words else piece

    if people is not None and TAG_IN_WORD.search(text) is not None:  # Sio<b>bhán</b>: across the tags
        text = _replace(text, [s for s in across_tags(text, people.matcher) if names or s[2] == EMAIL_MARK])
    pieces, last = [], 0
    for match in _MARKUP.finditer(text):
        pieces.append(clean(text[last:match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(clean(text[last:]))
    return "".join(pieces)


# Left whole by redact_markup: embedded images, tags (names of elements and attributes),
# style sheets and scripts; only the text between tags is redacted.
_MARKUP = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+|<style\b.*?</style\s*>|<script\b.*?</script\s*>"
                     r"|<!--.*?-->|<[A-Za-z/!][^<>]*>", re.IGNORECASE | re.DOTALL)


def redact_notebook(nb, people: Roster | None = None, names: bool = True,
                    words: Unquotable | None = None) -> int:
    """Redact the text outputs of an executed notebook in place (streams, plain text, HTML,
    Markdown; images are left alone); given ``words``, withhold non-consenting participants'
    words too. Returns how many outputs changed."""
    changed = 0

    def fix(value):
        joined = "".join(value) if isinstance(value, list) else value
        new = redact_markup(joined, people, names, words)
        return new, new != joined

    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"], diff = fix(output["text"])
                changed += diff
            data = output.get("data", {})
            for key in [k for k in data if k.startswith("text/")]:
                data[key], diff = fix(data[key])
                changed += diff
    return changed
