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
being quoted (:class:`Unquotable`, :func:`unquotable`). :func:`find_leaks` is the final scan
of ``interview-kit run``: the same name variants, obfuscated emails, file names, and
unconsented words.

The functions are pure: a study (or a roster) and DataFrames or strings in, the same out.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from kit.schema import NO_CONSENT  # a whole cell withheld: the one wording

__all__ = ["EMAIL", "EMAIL_MARK", "EMAIL_OBFUSCATED", "MIN_CONTENT_WORDS", "NAME_MARK", "NO_CONSENT",
           "PHONE_MARK", "SHINGLE", "TERM_FIELDS", "WITHHELD_MARK", "NameMatcher", "Roster", "Unquotable",
           "consented", "find_leaks", "fold", "name_variants", "public_quotes", "redact", "redact_both",
           "redact_column", "redact_markup", "redact_notebook", "roster", "shareable", "unquotable",
           "with_names"]

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
# An email written so that a program would not see it: ``jose at example dot com``,
# ``jose (at) example.com``, ``jose[at]example[dot]com``, ``jose {at} example {dot} com``,
# ``jose AT example DOT com``, ``jose @ example . com``. The "at" and the dots may be words,
# bracketed words or symbols; at least one of them is not the plain symbol (plain emails are
# EMAIL's).
_AT = r"(?:\s*[(\[{<]\s*(?:at|@)\s*[)\]}>]\s*|\s+at\s+|\s+@\s+|_at_|-at-|@)"
_DOT = r"(?:\s*[(\[{<]\s*(?:dot|\.)\s*[)\]}>]\s*|\s+dot\s+|\s+\.\s+|_dot_|-dot-|\.)"
# A local part: words joined by dots, written as symbols or words (``jo.bell``, ``jo dot bell``,
# ``jo(dot)bell``), so that ``jo dot bell at example dot com`` is one address.
_LOCAL_DOT = r"(?:\.|\s+dot\s+|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|-dot-)"
EMAIL_OBFUSCATED = re.compile(
    rf"(?<![\w.+-])[\w+-]+(?:{_LOCAL_DOT}[\w+-]+)*{_AT}[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*?{_DOT}[a-z]{{2,6}}(?![\w-])",
    re.IGNORECASE)
# The same, found from its "at" on (a scan that fails fast on letters), the local part then
# looked for just before it: EMAIL_OBFUSCATED's matches at a fraction of its cost.
_AT_DOMAIN = re.compile(rf"(?=[\s(\[{{<_@-]){_AT}[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*?{_DOT}[a-z]{{2,6}}(?![\w-])", re.IGNORECASE)
_LOCAL_PART = re.compile(rf"(?<![\w.+-])[\w+-]+(?:{_LOCAL_DOT}[\w+-]+)*$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def _obfuscated_emails(text: str) -> str:
    spans = []
    for match in _AT_DOMAIN.finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue
        local = _LOCAL_PART.search(text, max(0, match.start() - 96), match.start())
        if local is None:
            continue
        if spans and local.start() < spans[-1][1]:
            # "me at jo dot bell at example dot com": what looked like the previous address's
            # domain is this address's local part; the address is the later one, whole.
            if local.start() > spans[-1][0]:
                spans[-1] = (local.start(), match.end(), EMAIL_MARK)
            continue
        spans.append((local.start(), match.end(), EMAIL_MARK))
    return _replace(text, spans)
# A phone number: an optional +country code, then digits in groups separated by single
# spaces, dots, dashes or parentheses; 9 to 15 digits in all (E.164 allows 15). Dates
# (8 digits), times, amounts and years stay below the floor.
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{6,}\d(?![\w])")
_PHONE_MIN_DIGITS, _PHONE_MAX_DIGITS = 9, 15
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

EMAIL_MARK, PHONE_MARK, NAME_MARK = "[email]", "[phone]", "[name]"
#: The words of the marks a text gains before names are looked for in it.
_MARK_WORDS = frozenset(w for m in (EMAIL_MARK, PHONE_MARK) for w in re.findall(r"[^\W_]+", m))
# An ASCII text's words as ``[^\W_]+`` finds them in ``fold(text)``, split in C: letters
# lower-cased, digits kept, every other byte a space.
_ASCII_FOLD = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


def _ascii_words(text: str) -> list[bytes]:
    return text.encode("ascii").translate(_ASCII_FOLD).split()


# -- folding: the same length, lower case, no accents ------------------------------------------
class _Fold(dict):
    """``str.translate`` table: each character to its lower-case letter without accents,
    one character for one (so positions in the folded text are positions in the text)."""

    def __missing__(self, code: int):
        ch = chr(code)
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c)).lower() or ch
        value = base if len(base) == 1 else ch.lower() if len(ch.lower()) == 1 else ch
        self[code] = value
        return value


_FOLD = _Fold()


# Unicode format characters (category Cf: zero-width spaces and joiners, U+FEFF, U+2060, bidi
# marks and overrides, soft hyphens): invisible, so a name written with them in it
# ("Jo\u200bsé") reads as the name. They are left out before a text is matched
# (:func:`_visible`); the positions found map back to the text as written.
def _format_in(text: str) -> set[str]:
    """The format characters (category Cf) ``text`` holds, read from its set of characters:
    no table of all of Unicode to build (0.6 s of CPU in every process that redacted), no
    search of a page with the class of all of them (about 20 times slower, issue 20)."""
    return {ch for ch in set(text) if unicodedata.category(ch) == "Cf"}


def _visible(text: str) -> tuple[str, list[int] | None]:
    """``text`` without format characters (category Cf), and for each character left the
    position it had in ``text`` (None when there were none: positions are unchanged)."""
    if text.isascii():
        return text, None
    present = _format_in(text)
    if not present:
        return text, None
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(present)) + "]")
    kept, start = [], 0
    for match in pattern.finditer(text):  # a few format characters in a long text (a page)
        kept.extend(range(start, match.start()))
        start = match.end()
    kept.extend(range(start, len(text)))
    return pattern.sub("", text), kept


def _unmap(spans, kept):
    """Spans found in a text without format characters as positions in the text as written."""
    if kept is None:
        return spans
    return [(kept[s], kept[e - 1] + 1, *rest) for s, e, *rest in spans]


def fold(text: str) -> str:
    """``text`` in lower case without accents, character for character
    (``fold("José GARCÍA") == "jose garcia"``); decomposed accents are composed first."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        return text.translate(_FOLD)
    return text.lower()


# Words: runs of letters and digits (an underscore, dash, dot or apostrophe separates them,
# so ``maria_lopez.vtt`` is the words maria, lopez, vtt). HTML character references are
# matched so that they can be skipped (``don&#x27;t`` reads as don, t).
_WORD = re.compile(r"&#?[0-9a-z]+;|[^\W_]+")
_PLAIN_WORD = re.compile(r"[^\W_]+")
# What may stand between the words of one name: spaces, file-name separators, apostrophes.
_JOINER = re.compile(r"[\s_.'’‘-]{1,3}")
_EMAIL_FILLER = {"at", "dot"}
_EMAIL_JOINER = re.compile(r"[\s_.'’‘()\[\]{}<>@+-]{0,6}")

# Everyday English words that are also first names or surnames: such a name part is a name
# only when capitalised as a name is ("Grant me that" vs "we grant a discount"); every
# other part of a name is matched in any case ("thanks, dana").
_EVERYDAY = frozenset(re.findall(r"[a-z]+", """
    will may june april august summer grace hope faith joy rose lily ivy ruby pearl holly
    mark bill pat sue ray jack frank guy rich drew gene art chase lane miles norman earl rob
    dawn sky rain river stone wood hill fields brown green white black young king bell
    grant page hunter cook baker carter fisher miller mason parker porter walker ward
    long short little small rice banks price lake moss marsh field north west south
    sterling pierce wade rusty sandy terry don dean hall court major long best love
    penny daisy violet hazel olive ginger amber crystal dusty sunny storm
"""))


def _everyday_words() -> frozenset:
    """Lower-case words that are also names: the list above, the English words of the
    lexicon shipped in the ``lemminflect`` wheel (nouns, verbs, adjectives, adverbs: email,
    date, quote, line, hope) and VADER's lexicon."""
    words = set(_EVERYDAY)
    try:
        import gzip
        from importlib.resources import files

        data = gzip.decompress((files("lemminflect") / "resources" / "lemma_lu.csv.gz").read_bytes())
        words.update(w.decode("ascii") for w in re.findall(rb"(?m)^([a-z]+),", data))  # lower-case entries only
    except (ImportError, OSError, ValueError, EOFError):
        pass
    try:
        from importlib.resources import files

        lexicon = files("vaderSentiment") / "vader_lexicon.txt"
        for line in lexicon.read_text(encoding="utf-8", errors="replace").splitlines():
            word = line.split("\t", 1)[0]
            if word.isalpha():
                words.add(word.lower())
    except (ImportError, OSError, FileNotFoundError, ModuleNotFoundError):
        pass
    return frozenset(words)


_EVERYDAY_CACHE: list = []


def _everyday() -> frozenset:
    if not _EVERYDAY_CACHE:
        _EVERYDAY_CACHE.append(_everyday_words())
    return _EVERYDAY_CACHE[0]


class NameMatcher:
    """One matcher for a whole roster: a trie of the (folded) words of every name, surname,
    first name and email. The text is read once, word by word, and each word costs a few
    dictionary look-ups whatever the roster's size, so redaction is linear in the text and
    flat in the roster (many people sharing a first name included).

    ``find(text)`` yields ``(start, end, mark)`` spans, longest match first, not overlapping.
    """

    _END, _EMAIL = "", "@"  # keys no word can be (words are runs of letters and digits)

    def __init__(self, entries):
        # entries: (words, mark, capitalised_only, is_email)
        self.root: dict = {}
        for words, mark, capital, email in entries:
            if not words:
                continue
            node = self.root
            for word in words:
                node = node.setdefault(word, {})
                if email:
                    node[self._EMAIL] = True
            ends = node.setdefault(self._END, [])
            if (mark, capital) not in ends:
                ends.append((mark, capital))
                ends.sort(key=lambda e: e[1])  # a match in any case first
        # for a quick look at ASCII texts (see _contact_free)
        self.ascii_keys = frozenset(k.encode("ascii") for k in self.root if k.isascii())
        self.names_a_mark = not self.root.keys().isdisjoint(_MARK_WORDS)

    def __bool__(self) -> bool:
        return bool(self.root)

    def find(self, text: str):
        """Spans ``(start, end, mark)`` in ``text`` (composed to NFC when not ASCII); format
        characters (category Cf) inside a name are part of its span."""
        if not self.root:
            return
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)  # spans are positions in the composed text
            text, kept = _visible(text)
            if kept is not None:
                yield from _unmap(list(self._find(text)), kept)
                return
        yield from self._find(text)

    def _find(self, text: str):
        folded = fold(text)
        if self.root.keys().isdisjoint(_PLAIN_WORD.findall(folded)):  # most texts name nobody: done in C
            return
        words = [m for m in _WORD.finditer(folded) if not m.group().startswith("&")]
        tokens = [m.group() for m in words]
        root, end_key, email_key = self.root, self._END, self._EMAIL
        i, n = 0, len(tokens)
        while i < n:
            node = root.get(tokens[i])
            if node is None:
                i += 1
                continue
            capital_ok = text[words[i].start()].isupper()
            best, j = None, i
            while True:
                for mark, capital in node.get(end_key, ()):
                    if capital_ok or not capital:
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
                    if not (_JOINER.fullmatch(gap) or (email_key in child and _EMAIL_JOINER.fullmatch(gap))):
                        break
                elif len(gap) > 24:
                    break
                node, j = child, k
            if best is None:
                i += 1
                continue
            yield words[i].start(), words[best[0]].end(), best[1]
            i = best[0] + 1


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(_visible(text)[0])) if not w.startswith("&")]


# German transliterations: Müller is also written Mueller, Strauß Strauss.
_TRANSLITERATE = str.maketrans({"ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss", "Ü": "Ue", "Ö": "Oe", "Ä": "Ae",
                                "ẞ": "SS"})


def name_variants(text: str) -> list[list[str]]:
    """The ways a name is written, each as its folded words: as written (accents dropped:
    ``muller``) and, when it has an umlaut or ß, transliterated (``mueller``)."""
    variants = [_words(text)]
    if not text.isascii():
        other = _words(unicodedata.normalize("NFC", text).translate(_TRANSLITERATE))
        if other and other != variants[0]:
            variants.append(other)
    return [v for v in variants if v]


@dataclass(frozen=True)
class Roster:
    """The names and emails the study's participants.csv holds (the study's own PII)."""

    names: tuple[str, ...] = ()      # full names as written
    parts: tuple[str, ...] = ()      # first names and surnames, each at least 2 letters
    emails: tuple[str, ...] = ()

    @property
    def secrets(self) -> tuple[str, ...]:
        """What must never appear in a shared output: full names and emails."""
        return self.names + self.emails

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
        """Every name, name part and email of the roster in one :class:`NameMatcher`."""
        return NameMatcher(self._entries(parts=True))

    @cached_property
    def secret_matcher(self) -> NameMatcher:
        """Full names and emails only (what the final leak scan looks for), in any case,
        with or without accents, joined by spaces, underscores, dashes or nothing, emails
        however obfuscated."""
        return NameMatcher(self._entries(parts=False))

    @cached_property
    def email_matcher(self) -> NameMatcher:
        """The roster's emails only, however written (``jo bell at example dot com``)."""
        return NameMatcher([e for e in self._entries(parts=False) if e[1] == EMAIL_MARK])

    def _entries(self, parts: bool):
        everyday = _everyday() if parts else frozenset()
        entries = []
        for name in self.names:
            for words in name_variants(name):
                entries.append((words, NAME_MARK, False, False))
                if len(words) > 1:
                    entries.append((["".join(words)], NAME_MARK, False, False))  # MariaLopez, marialopez
                for later in words[2:]:  # José Müller-García is also "jose garcia"; "jose muller" below
                    if len(later) >= 3:
                        entries.append(([words[0], later], NAME_MARK, False, False))
                if len(words) > 2 and len(words[1]) >= 3:
                    entries.append((words[:2], NAME_MARK, False, False))
        if parts:
            for part in self.parts:
                for words in name_variants(part):
                    capital = len(words) == 1 and words[0] in everyday
                    entries.append((words, NAME_MARK, capital, False))
        for email in self.emails:
            words = _words(email)
            if len(words) >= 2:
                entries.append((words, EMAIL_MARK, False, True))
        return entries


def _cells(frame: pd.DataFrame, column: str) -> list[str]:
    if column not in frame:
        return []
    return [str(v).strip() for v in frame[column].tolist() if isinstance(v, str) and str(v).strip()]


def roster(study) -> Roster:
    """The roster of a study (a loaded ``Study`` or a path), or of several studies (a list)."""
    from kit.study import as_study

    if isinstance(study, (list, tuple)):
        many = [roster(s) for s in study]
        return Roster(names=tuple(dict.fromkeys(n for r in many for n in r.names)),
                      parts=tuple(dict.fromkeys(n for r in many for n in r.parts)),
                      emails=tuple(dict.fromkeys(n for r in many for n in r.emails)))
    if isinstance(study, (str, Path)) and (Path(study) / "participants.csv").is_file():
        # Only participants.csv is needed: read it alone rather than the whole study.
        from kit.csvio import read_rows

        rows, _, _ = read_rows(Path(study) / "participants.csv")
        people = pd.DataFrame({c: [r.get(c, "") for r in rows] for c in ("name", "email")})
    elif isinstance(study, (str, Path)):
        return Roster()  # no participants.csv (or no such folder): nobody's names to hide
    else:
        people = as_study(study, strict=False).participants
    names = _cells(people, "name")
    return Roster(names=tuple(dict.fromkeys(names)), parts=tuple(dict.fromkeys(_name_parts(names))),
                  emails=tuple(dict.fromkeys(_cells(people, "email"))))


def _name_parts(names) -> list[str]:
    parts = []
    for name in names:
        for word in re.split(r"[\s]+", name):
            word = word.strip(".,()\"'")
            if len(word) >= 2 and word[0].isupper():
                parts.append(word)
                if "-" in word:  # a double-barrelled name: each half is a name too
                    parts += [w for w in word.split("-") if len(w) >= 2]
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
    return Roster(names=people.names + tuple(dict.fromkeys(extra)),
                  parts=tuple(dict.fromkeys(people.parts + tuple(_name_parts(extra)))), emails=people.emails)


# Speaker labels that are not names: ids, roles, "Speaker 1".
_NOT_A_NAME = re.compile(r"^(?:[A-Z]{1,4}-?\d+|(?:participant|interviewer|speaker|customer|user|respondent|"
                         r"moderator|researcher|observer|unknown|guest)(?:\s*\d+)?)$", re.IGNORECASE)


def _phone(match: re.Match) -> str:
    text = match.group(0)
    digits = sum(ch.isdigit() for ch in text)
    if not _PHONE_MIN_DIGITS <= digits <= _PHONE_MAX_DIGITS or _ISO_DATE.match(text.strip()):
        return text
    if re.search(r"\s{2,}|[.]{2,}|--", text):  # two numbers side by side, not one phone number
        return text
    groups = re.findall(r"\d+", text)
    if all(len(g) == 4 and g[:2] in ("19", "20") for g in groups):  # a run of years
        return text
    trailing = text[len(text.rstrip(" .-")):]
    return PHONE_MARK + trailing


def _replace(text: str, spans) -> str:
    pieces, last = [], 0
    for start, end, mark in spans:
        pieces.append(text[last:start])
        pieces.append(mark)
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
    matcher = people.matcher if people is not None else None
    words = _ascii_words(text) if text.isascii() else None
    # An obfuscated address has an "@" or the word "at" (``jo (at) example.com``).
    obfuscated = words is None or "@" in text or b"at" in words
    named = False
    if matcher:
        emails = people.email_matcher if people.emails else None
        if emails and words is None:
            text = unicodedata.normalize("NFC", text)
        if words is not None:
            named = matcher.names_a_mark or not matcher.ascii_keys.isdisjoint(words)
        else:
            named = not matcher.root.keys().isdisjoint(_MARK_WORDS.union(_PLAIN_WORD.findall(fold(_visible(text)[0]))))
        if named and emails:
            # the roster's own addresses first, however written ("jo bell at example dot com"),
            # before the generic patterns below could replace only their end
            text = _replace(text, list(emails.find(text)))
    if "@" in text:
        text = EMAIL.sub(EMAIL_MARK, text)
    if obfuscated:
        text = _obfuscated_emails(text)
    if _DIGIT.search(text):
        text = _PHONE_CANDIDATE.sub(_phone, text)
    spans = []
    if matcher:
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        if named:
            spans = list(matcher.find(text))
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
    ``SHINGLE`` words (accent- and case-folded), less every run that someone else also
    said in their own words (consenting participants' turns and quotes, interviewers), so
    that a common phrase never counts as theirs. The team's notes (insights,
    opportunities) never count as someone else: a note repeating their words verbatim
    holds their words.

    ``ids`` are the participant ids whose words are withheld; ``participant_of`` maps an
    interview id to its participant. ``spans(text)`` finds their words in any text (HTML
    character references are skipped), ``withhold(text)`` replaces them by ``[not quoted]``.
    """

    def __init__(self, own_texts=(), other_texts=(), ids=(), participant_of=None):
        self.ids = frozenset(ids)
        self.participant_of = dict(participant_of or {})
        own = set()
        for text in own_texts:
            own.update(_shingles(_words(text)) if isinstance(text, str) else ())
        # A run of mostly function words ("at the end of the") identifies nobody and is in
        # every text: only runs with at least two content words count as someone's words.
        from kit.themes import STOPWORDS

        own = {s for s in own if sum(w not in STOPWORDS for w in s) >= MIN_CONTENT_WORDS}
        for text in other_texts:
            if own and isinstance(text, str):
                own.difference_update(_shingles(_words(text)))
        self.shingles = own
        self.firsts = frozenset(s[0] for s in own)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def spans(self, text: str) -> list[tuple[int, int]]:
        if not self.shingles or not isinstance(text, str) or not text:
            return []
        text, kept = _visible(text)
        if kept is not None:
            return [(s, e) for s, e in _unmap(self.spans(text), kept)]
        folded = fold(text)
        # The words as strings first (a page of a report holds none of their runs, mostly);
        # their positions only when a run is found.
        tokens = [t for t in _WORD.findall(folded) if t[0] != "&"]
        firsts, shingles = self.firsts, self.shingles
        found = [i for i in range(len(tokens) - SHINGLE + 1)
                 if tokens[i] in firsts and tuple(tokens[i:i + SHINGLE]) in shingles]
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
        return _replace(text, [(s, e, WITHHELD_MARK) for s, e in spans])


#: Content words (not in the kit's stopword list) a run of SHINGLE words needs to count as
#: someone's words.
MIN_CONTENT_WORDS = 2


def _shingles(words: list[str]):
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def unquotable(study) -> Unquotable:
    """The :class:`Unquotable` words of a study (a loaded ``Study`` or a path) or of several."""
    from kit.study import as_study

    studies = list(study) if isinstance(study, (list, tuple)) else [study]
    own, other, ids, participant_of = [], [], set(), {}
    for s in studies:
        s = as_study(s, strict=False)
        ok = s.consenting()
        turns = s.turns
        if len(s.interviews):
            participant_of.update(zip(s.interviews["interview_id"].tolist(),
                                      s.interviews["participant"].tolist()))
        spoken = (turns["role"] == "participant") if len(turns) else pd.Series(dtype=bool)
        for frame, theirs in ((turns, spoken), (s.quotes, None)):
            if not len(frame):
                continue
            mine = ~frame["participant"].isin(ok).to_numpy()
            if theirs is not None:
                mine = mine & theirs.to_numpy()
            ids.update(p for p in frame.loc[mine, "participant"].tolist() if isinstance(p, str) and p)
            own += frame.loc[mine, "text"].tolist()
            other += frame.loc[~mine, "text"].tolist()
        # Insights and opportunities are the team's notes: a note that repeats a
        # non-consenting participant's words verbatim repeats *their* words, so notes never
        # make a run of words common (only other people's own speech does).
    return Unquotable(own, other, ids, participant_of)


def _readable(path: Path, text: str) -> str:
    """The text a reader of ``path`` sees: notebook strings (not images), HTML unescaped,
    embedded images left out."""
    import html as _html
    import json as _json

    if path.suffix.lower() == ".ipynb":
        try:
            strings = []

            def walk(value, key=""):
                if isinstance(value, dict):
                    for k, v in value.items():
                        if not str(k).startswith("image/"):
                            walk(v, str(k))
                elif isinstance(value, list):
                    for v in value:
                        walk(v, key)
                elif isinstance(value, str):
                    strings.append(value)

            walk(_json.loads(text))
            text = "".join(strings)
        except ValueError:
            pass
    text = _DATA_URI.sub(" ", text)
    if path.suffix.lower() in (".html", ".ipynb", ".md"):
        text = _html.unescape(text)
    return text


#: Columns (CSV) and keys (YAML) that hold lists of terms: a term that is only name words is a name.
TERM_FIELDS = ("term", "terms", "keyword", "keywords", "label", "feature", "top_terms")


def _name_words(people: Roster) -> frozenset:
    """Every folded word of the roster's names and name parts (transliterations too), less
    everyday words (``will``, ``grant``) and words under 3 letters."""
    everyday = _everyday()
    found = set()
    for name in people.names + people.parts:
        for words in name_variants(name):
            found.update(w for w in words if len(w) >= 3 and w not in everyday)
    return frozenset(found)


def _term_leak(path: Path, text: str, names: frozenset) -> bool:
    """True when a term list in ``path`` (a CSV column or a YAML key of :data:`TERM_FIELDS`)
    holds a term made only of roster name words (``jose``, ``jose muller``)."""
    if not names:
        return False
    terms: list[str] = []
    if path.suffix.lower() in (".csv", ".tsv"):
        import csv
        import io

        try:
            reader = csv.DictReader(io.StringIO(text), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
            fields = [f for f in (reader.fieldnames or []) if f and f.strip().lower() in TERM_FIELDS]
            if not fields:
                return False
            for row in reader:
                for field in fields:
                    value = row.get(field)
                    if isinstance(value, str):
                        terms += re.split(r"[;,|]", value)
        except (csv.Error, ValueError):
            return False
    else:
        for match in re.finditer(rf"^\s*-?\s*(?:{'|'.join(TERM_FIELDS)})\s*:\s*(.*)$|^\s*-\s+(.*)$", text, re.M | re.I):
            terms += re.split(r"[;,|\[\]]", match.group(1) or match.group(2) or "")
    for term in terms:
        words = _words(term.strip().strip("'\""))
        if words and all(w in names for w in words):
            return True
    return False


def find_leaks(root, people: Roster, suffixes=(".html", ".csv", ".json", ".ipynb", ".txt", ".md", ".log",
                                               ".yml", ".yaml", ".tsv"),
               words: Unquotable | None = None):
    """The files under ``root`` (relative paths) that show a participant's full name or
    email (in any case, with or without accents or transliterated, joined by spaces,
    underscores or nothing, an email however obfuscated; also in file names), a term list
    (CSV columns, YAML keys of :data:`TERM_FIELDS`, YAML lists) holding a term made only of
    the roster's name words, or, given ``words``, a run of a non-consenting participant's
    verbatim words. The secret itself is never returned, so the answer can be logged."""
    root = Path(root)
    leaks = []
    matcher = people.secret_matcher
    if not matcher and not words:
        return leaks
    names = _name_words(people)
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if matcher and any(True for _ in matcher.find(rel)):
            leaks.append(rel)
            continue
        if not path.is_file() or path.suffix.lower() not in suffixes:
            continue
        try:
            text = _readable(path, path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
        if (matcher and any(True for _ in matcher.find(text))) or (words and words.holds(text)):
            leaks.append(rel)
        elif path.suffix.lower() in (".csv", ".tsv", ".yml", ".yaml") and _term_leak(path, text, names):
            leaks.append(rel)
    return leaks


_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+")


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
