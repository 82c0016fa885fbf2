"""Text helpers of :mod:`kit.privacy`: folding (lower case, no accents, look-alike letters of
other scripts as the Latin letter (Unicode TR39 confusables), character for character),
invisible format characters, a text's words, and the everyday words that are also names."""
from __future__ import annotations

import re
import unicodedata

from kit.look_alikes import latin_look_alike

__all__ = ["ANNOUNCED_ID", "ANNOUNCER", "ANNOUNCER_STARTS", "ID_MARK", "ID_MIN_DIGITS", "TITLES", "announced_ids", "announces", "fold", "invisible_pattern",
           "names_a_person", "png_texts", "whole_marks"]  # the rest is kit.privacy's own (imported there)


# -- folding: the same length, lower case, no accents ------------------------------------------
class _Fold(dict):
    """``str.translate`` table: each character to its lower-case letter without accents,
    one character for one (so positions in the folded text are positions in the text)."""

    def __missing__(self, code: int):
        ch = chr(code)
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c)).lower() or ch
        value = base if len(base) == 1 else ch.lower() if len(ch.lower()) == 1 else ch
        if not value.isascii():
            # a letter with a stroke that has no decomposition (Ł, Ø, Đ): its base letter
            value = _STROKED.get(value, value)
        if not value.isascii():
            # a look-alike of a Latin letter (Cyrillic а, Greek ο) reads as that letter, in both
            # cases alike: Greek Β and β both read "b", so "ΒΑΣΙΛΗΣ" is "Βασίλης"
            folded = value.casefold() if len(value.casefold()) == 1 else value  # final ς as σ
            upper = folded.upper() if len(folded.upper()) == 1 else ch
            value = (_latin_look_alike(folded) or _latin_look_alike(upper) or folded)
        self[code] = value
        return value


# -- confusables: letters of other scripts that look like Latin letters ------------------------
# Unicode TR39's table (:mod:`kit.look_alikes`): a character one of whose homoglyphs is a
# single Latin letter folds to that letter in lower case (Cyrillic "А" and Greek "Α" to "a",
# Cyrillic "о" to "o", Cyrillic "Н" to "h"), so that "Аnna" with a Cyrillic А is the roster's
# Anna and a quote retyped with look-alike letters is still its speaker's words. One character
# for one, as folding is; digits and punctuation are never a letter's look-alike.
def _latin_look_alike(ch: str) -> str | None:
    """The Latin letter (lower case) that ``ch`` is confusable with per Unicode TR39, or None."""
    letter = latin_look_alike(ch)
    return letter.lower() if letter else None


_FOLD = _Fold()

# Letters with a stroke or bar that Unicode does not decompose into a base letter and a mark.
_STROKED = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ƚ": "l", "ɨ": "i", "ƀ": "b",
            "ƶ": "z", "ǥ": "g", "ɍ": "r", "ȿ": "s", "ɇ": "e", "ꝁ": "k"}


# Characters a reader does not see: Unicode's Default_Ignorable_Code_Point (zero-width spaces and
# joiners, U+FEFF, U+2060, bidi marks and overrides, soft hyphens, variation selectors, the
# combining grapheme joiner, Hangul fillers, tag characters) and the format characters
# (category Cf). The kit's one definition of invisible: a name written with them in it
# ("Jo\u200bsé", "Jo\ufe0fsé") reads as the name, in redaction (:func:`_visible`: the
# positions found map back to the text as written), in speaker labels
# (:func:`kit.speaker_roles.plain_label`) and in printed lines (:mod:`kit.outputs`).
_INVISIBLE: list = []


def invisible_pattern():
    """The compiled pattern (the ``regex`` module) of a run of invisible characters."""
    if not _INVISIBLE:
        import regex

        _INVISIBLE.append(regex.compile(r"[\p{Default_Ignorable_Code_Point}\p{Cf}]+"))
    return _INVISIBLE[0]


def _format_in(text: str) -> set[str]:
    """The invisible characters ``text`` holds, read from its set of characters: no table of
    all of Unicode to build (0.6 s of CPU in every process that redacted), no search of a page
    with the class of all of them (about 20 times slower, issue 20)."""
    pattern = invisible_pattern()
    return {ch for ch in set(text) if not ch.isascii() and pattern.match(ch)}


def _visible(text: str) -> tuple[str, list[int] | None]:
    """``text`` without invisible characters (:func:`invisible_pattern`), and for each character left the
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


# What splits a name in a text without being seen as part of it: a word broken at a line's end
# with a hyphen ("Wata-" / "nabe": captions and PDFs break long names so), and a terminal's
# colour codes ("\x1b[1mKenji\x1b[0m", or their debris "[1mKenji[0m" when the escape character
# was lost in a copy).
# ... and a word broken by a filler said inside it ("Siob- um -hán", "Eliz- uh -abeth": attacker s17 A3)
BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-(?:[ \t]*(?:um+|uh+m?|erm|er|ah+|eh|hm+)[,.]?[ \t]*-|\s+)(?=[^\W\d_])|"
                         r"\x1b\[[0-9;?]*[A-Za-z]|\[[0-9;]{1,12}m")


def rejoined(text: str) -> tuple[str, list[int]] | None:
    """``text`` with every word broken by a hyphen at a line's end written whole
    (``"Wata-\nnabe"`` -> ``"Watanabe"``) and colour codes left out, and for each character
    left the position it had in ``text``; None when it holds neither (most texts: one search)."""
    if ("-" not in text and "[" not in text) or BROKEN_WORD.search(text) is None:
        return None
    kept, start = [], 0
    for match in BROKEN_WORD.finditer(text):
        kept.extend(range(start, match.start()))
        start = match.end()
    kept.extend(range(start, len(text)))
    return BROKEN_WORD.sub("", text), kept


def _unmap(spans, kept):
    """Spans found in a text without format characters as positions in the text as written."""
    if kept is None:
        return spans
    return [(kept[s], kept[e - 1] + 1, *rest) for s, e, *rest in spans]


def fold(text: str) -> str:
    """``text`` in lower case without accents, character for character
    (``fold("José GARCÍA") == "jose garcia"``); decomposed accents are composed first, and a
    letter of another script that looks like a Latin letter (Unicode TR39 confusables:
    Cyrillic "А", Greek "ο") is that letter (``fold("Аnnа") == "anna"``)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        return text.translate(_FOLD)
    return text.lower()


# Words: runs of letters and digits (an underscore, dash, dot or apostrophe separates them,
# so ``maria_lopez.vtt`` is the words maria, lopez, vtt). HTML character references are
# matched so that they can be skipped (``don&#x27;t`` reads as don, t).
#
# In a text that is not ASCII once folded, a word also holds the combining marks after its
# letters (Devanagari, Bengali, Tamil and Thai vowel signs, viramas: "प्रिया" is one word, not
# four), and a script written without spaces between words (Han, Kana, Hangul, Thai, Lao,
# Khmer, Myanmar, Tibetan...) has no word boundary: each of its letters (with its marks) is a
# word of its own, and a name is the run of them ("王伟告诉我" holds 王伟).
_ASCII_WORD = re.compile(r"&#?[0-9a-z]+;|[^\W_]+")
_ASCII_PLAIN_WORD = re.compile(r"[^\W_]+")
#: The scripts written without spaces between words (Unicode script property names).
UNSPACED_SCRIPTS = ("Han", "Hiragana", "Katakana", "Hangul", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan",
                    "Javanese", "Balinese", "Tai_Tham", "New_Tai_Lue", "Yi")
_UNSPACED = "".join(rf"\p{{{name}}}" for name in UNSPACED_SCRIPTS)
_LETTER = rf"[[\p{{L}}\p{{N}}]--[{_UNSPACED}]]"
_ANY_WORD = rf"[{_UNSPACED}]\p{{M}}*|{_LETTER}(?:{_LETTER}|\p{{M}})*"
_PATTERNS: dict = {}


def _pattern(key: str):
    if key not in _PATTERNS:
        import regex

        source = {"word": r"&#?[0-9a-z]+;|" + _ANY_WORD, "plain": _ANY_WORD, "unspaced": rf"[{_UNSPACED}]"}[key]
        _PATTERNS[key] = regex.compile("(?V1)" + source)
    return _PATTERNS[key]


class _Words:
    """``findall``/``finditer`` of a text's words: :data:`_ASCII_WORD`'s for an ASCII text, for any other
    the same with combining marks kept in their word and unspaced scripts one letter a word (above)."""

    def __init__(self, ascii_pattern, key: str):
        self.ascii, self.key = ascii_pattern, key

    def findall(self, text: str) -> list:
        """The words, as :func:`unmarked` keys."""
        if text.isascii():
            return self.ascii.findall(text)
        return _pattern(self.key).findall(text.translate(_UNMARK))  # the same words as unmarking each

    def finditer(self, text: str):
        return self.ascii.finditer(text) if text.isascii() else _pattern(self.key).finditer(text)


_WORD = _Words(_ASCII_WORD, "word")
_PLAIN_WORD = _Words(_ASCII_PLAIN_WORD, "plain")


class _Unmark(dict):
    """``str.translate`` table: marks that sit on a letter (canonical combining class above 0:
    Arabic harakat, Hebrew niqqud, viramas, tone marks) left out; the vowel signs that are
    letters of their own (class 0: Devanagari ि, Thai ี) kept."""

    def __missing__(self, code: int):
        value = None if unicodedata.combining(chr(code)) else chr(code)
        self[code] = value
        return value


_UNMARK = _Unmark()


def unmarked(word: str) -> str:
    """A word as it is looked up: without the marks that sit on its letters (:class:`_Unmark`),
    so that "مُحَمَّد" with its vowels is the roster's "محمد" (a match's span is the word as written)."""
    return word if word.isascii() else word.translate(_UNMARK)


def capitalised(ch: str) -> bool:
    """Whether the letter ``ch`` starts a word as a name does: an upper-case letter, or a letter
    of a script without case (Arabic, Hebrew, Devanagari, Thai, Han, Hangul... and Georgian,
    whose capitals are not used for names), where no capital is to be looked for."""
    if ch.isupper():
        return True
    if ch.isascii() or not ch.isalpha():
        return False
    return ch.lower() == ch.upper() or "\u10d0" <= ch <= "\u10ff" or "\u1c90" <= ch <= "\u1cbf"


def unspaced(ch: str) -> bool:
    """Whether ``ch`` is a letter of a script written without spaces between words."""
    return not ch.isascii() and _pattern("unspaced").match(ch) is not None

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


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(_visible(text)[0])) if not w.startswith("&")]


# -- a name part that is also an everyday word: a person, or a thing? ---------------------------
# A roster's first name or surname that is a common English word (:func:`_everyday`: "Law",
# "Mark", "Grace", "May", "Price") is written capitalised as a name, but also as a course or
# module ("Law 101"), a subject ("the Law faculty", "a degree in Law"), a month ("in May") or at
# the start of a question ("Will you...", "May I..."). The rule (:func:`names_a_person`): such a
# part, capitalised, is a name unless it stands where a thing does (followed by a number or a
# course code, after an article or a preposition of place or time, or a modal verb before a
# pronoun) and nowhere a person does (after a title, next to another name of the roster, with a
# possessive, after "with"/"by"/"asked"/"told", before "said"/"told"/"asked"). Fail closed:
# where neither is said, it is redacted as before.
TITLES = frozenset("""dr doctor prof professor mr mrs ms miss mx sir dame lord lady rev reverend fr father sister
    brother dean lecturer tutor coach nurse captain capt officer judge""".split())
_PERSON_BEFORE = frozenset("""with by asked ask asking told tell telling emailed email emailing messaged message
    texted called call phoned met meet thanks thank cheers hi hello hey dear cc contacted contact""".split())
_PERSON_AFTER = frozenset("""said says saying told tells asked asks replied replies explained explains emailed
    emails wrote writes thinks thought mentioned mentions suggested suggests agreed agrees messaged texted
    called answered""".split())
_THING_BEFORE = frozenset("""the a an this that these those in on of at for during until till since before
    after next last every each per module course unit study studies studying studied""".split())
_PRONOUNS = frozenset("i you we he she they it".split())  # subject pronouns
_MODALS = frozenset("will may can shall must might".split())
_MONTHS = frozenset("january february march april may june july august september october november december".split())
# An everyday-word name before a word it forms a common phrase with is the word, not the person
# ("Grace period or not", "Summer holidays", "Hope that helps", "Rent rose by 10%", "Will be
# fixed", "May need", "Bill payment", "Mark down"), unless the text says a person there (a
# title, another roster name next to it, a possessive, "with"/"asked" before it, "said" after
# it): newcomer housing P3, where "Grace period" was redacted 199 times in a published report.
_PHRASES = {word: frozenset(after.split()) for word, after in (
    ("grace", "period periods days day note"),
    ("hope", "that so this it you we they to for the everything things all"),
    ("summer", "holidays holiday term break months month time heat season house"),
    ("rose", "by up from to again sharply steadily"),
    ("bill", "payment payments payer due amount increase increases total"),
    ("mark", "down up"),
    ("faith", "in"),
    ("joy", "of"),
    ("frank", "discussion conversation answer"),
    ("ray", "of"),
    ("chase", "up"),
    ("miles", "away per"),
    ("sunny", "day days spells side"),
    ("storm", "damage"),
    ("amber", "light lights alert warning"),
    ("major", "works repairs repair problem problems issue issues"),
    ("grant", "application applications funding money"),
    ("long", "time term story wait waits"),
    ("penny", "dropped"),
    ("jack", "up"),
    ("sky", "high"),
    ("crystal", "clear"),
    ("dawn", "till until"),
    ("april", "fool fools showers"),
)}
# a modal verb that is also a name (Will, May, Might) before what follows a modal
_AFTER_MODAL = frozenset("""be have not also need get take come do go make help still never always
    probably just only well already take look""".split())
_SAME_WORD = re.compile(r"\s{1,3}")  # between two words of one phrase
_POSSESSIVE = ("'", "’")


def names_a_person(text: str, words, tokens: list[str], i: int, j: int, is_name) -> bool:
    """Whether the everyday word ``tokens[i..j]`` of ``text`` (capitalised, a roster name part;
    ``words`` the match objects of ``tokens`` in the folded text, positions as in ``text``)
    stands where a person does (see the rule above). ``is_name(k)`` says whether token ``k``
    starts a roster entry and is capitalised."""
    before = tokens[i - 1] if i > 0 else None
    gap_before = text[words[i - 1].end():words[i].start()] if i > 0 else ""
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    gap_after = text[words[j].end():words[j + 1].start()] if after is not None else ""
    next_to = before is not None and _SAME_WORD.fullmatch(gap_before)
    if next_to and before in TITLES:  # Dr Law, Professor Law
        return True
    if after is not None and gap_after in _POSSESSIVE and after == "s":  # Law's office
        return True
    if (before is not None and next_to and is_name(i - 1)) or (after is not None and _SAME_WORD.fullmatch(gap_after)
                                                               and is_name(j + 1)):
        return True  # Grace Law, Peter Law (another part of the roster next to it)
    if after is not None and (after[0].isdigit() or (len(after) <= 4 and after[-1].isdigit())) \
            and re.fullmatch(r"[\s-]{1,2}", gap_after):
        return False  # Law 101, Law-101, Law L101: a course or module
    month = tokens[i] in _MONTHS
    if month and before in ("by", "from", "to", "until", "till", "since", "early", "late", "mid", "end"):
        return False  # by May, from April to June: a date
    if before is not None and before in _PERSON_BEFORE and re.fullmatch(r"[\s,]{1,3}", gap_before) \
            and not (month and before == "by"):
        return True  # with Law, by Law, asked Law (not "by May": a date)
    if after is not None and after in _PERSON_AFTER and re.fullmatch(r"[\s,]{1,3}", gap_after):
        return True  # Law said, Grace told me
    if before is not None and before in _THING_BEFORE and _SAME_WORD.fullmatch(gap_before):
        return False  # the Law faculty, a degree in Law, in May, next May
    if i == j and after is not None and _SAME_WORD.fullmatch(gap_after) and \
            (after in _PHRASES.get(tokens[i], ()) or (tokens[i] in _MODALS and after in _AFTER_MODAL)):
        return False  # Grace period, Summer holidays, Hope that, Will be: a common phrase
    if i == j and after is not None and _SAME_WORD.fullmatch(gap_after):
        from kit.privacy_compounds import TWO_WORD_PHRASES, names_a_thing

        if names_a_thing(before if next_to else None, after) or tuple(tokens[i:i + 3]) in TWO_WORD_PHRASES:
            return False  # Bill pay, Rose garden, Mark as read: the name before a noun names a thing (newcomer s16 F10)
    if tokens[i] in _MODALS and after is not None and after in _PRONOUNS and _SAME_WORD.fullmatch(gap_after) \
            and (i == 0 or re.search(r"[.!?:\"]\s*$", gap_before)):
        return False  # Will you..., May I...: a verb starting a question
    return True  # said nowhere: a name (fail closed)


# -- identifiers said aloud ---------------------------------------------------------------------
# An identifier said next to the words that announce it ("my student number is s2139904",
# "employee ID 44-1093", "account no. 12345678", "NHS number 943 476 5919"), whether or not the
# roster holds it: the identifier (at least ID_MIN_DIGITS digits, starting with at most four
# letters) is redacted as ``[id]``, the words announcing it are kept.
ID_MIN_DIGITS = 3
_ID_OWNER = (r"student|staff|employee|employment|payroll|personnel|worker|patient|nhs|hospital|chi|medical\s+record|"
             r"account|acct|customer|client|member(?:ship)?|library(?:\s+card)?|matric(?:ulation)?|enrol?l?ment|"
             r"registration|candidate|national\s+insurance|ni|social\s+security|tax|passport|(?:driving\s+|driver'?s\s+)?"
             r"licen[cs]e|badge|loyalty(?:\s+card)?|card|policy|pupil|learner|applicant|user|membership|"
             r"tenancy|tenant|rent(?:\s+account)?|council\s+tax|case|claim|order|booking|reservation|contract|invoice|"
             r"property|housing|benefits?|pension|reference")
# Words that announce an identifier alone, without "number"/"ref" after them ("tenancy TR-204881",
# "case 40021", "my reference is TR-204881"): the identifier after them is one only when it is
# code-like (letters and digits, or at least BARE_MIN_DIGITS digits: not "order 300 bricks").
_BARE_OWNER = (r"tenancy|account|acct|membership|member|customer|client|case|claim|policy|order|booking|reservation|"
               r"contract|invoice|patient|student|employee|staff|payroll|number|ref\.?|reference")
BARE_MIN_DIGITS = 5
# (the look-ahead for a letter first: the alternation is tried at fewer places, which more than
# pays for the words added in session 10: about 0.2 s for 0.74 MB of transcripts, before and after)
_ANNOUNCING = (rf"(?=[A-Za-z])\b(?:(?:{_ID_OWNER})[\s-]*(?:number|no\.?|num\.?|nr\.?|\#|id|i\.d\.|code|identifier|ref\.?|reference)"
               r"|(?:ID|I\.D\.|Id)(?:\s+(?:number|no\.?|num\.?|\#))?|ssn|nino|mrn|passport"
               rf"|(?P<bare>(?:{_BARE_OWNER})(?![A-Za-z])))")
#: The words announcing an identifier, alone: a text :data:`ANNOUNCED_ID` can match holds them (its
#: quick test; "no" and "id" inside "not", "paid" and "did" sent most texts with three digits to
#: the full search and cost analyze 5 s at 10,000 interviews).
_ID_GAP = r"(?:\s*[:=#,-]?\s*(?:is|was|it's|it’s|it\s+is|being|reads|of)?\s*[:=#,-]?\s*)"
# (or two capitals and a space before the digits: a national insurance number as the card prints it,
# "QQ 12 34 56 C"; attacker s17 A13)
_ID_STARTS = r"(?=[A-Za-z]{0,4}[-/]?\d|(?-i:[A-Z]{2})\s\d)"
# (a word announcing an identifier alone, "case", "order", is announcing only before a token
# with a digit: "paid the invoice and left 3950" stays on the quick path)
ANNOUNCER = re.compile(_ANNOUNCING.replace("(?![A-Za-z])", "(?![A-Za-z])" + _ID_GAP + _ID_STARTS), re.IGNORECASE)


def _first_words(pattern: str) -> set[str]:
    """The literal runs (letters and escaped punctuation, lower-cased) each alternative of
    ``pattern`` can start with: a leading group is read inside, and past it when optional."""
    words: set[str] = set()
    depth, alt, start, klass = 0, [], 0, False
    for i, ch in enumerate(pattern + "|"):
        escaped = i > 0 and pattern[i - 1] == "\\" and (i < 2 or pattern[i - 2] != "\\")
        if escaped:
            continue
        klass = (klass or ch == "[") and ch != "]"
        if not klass and ch in "()":
            depth += 1 if ch == "(" else -1
        elif not klass and ch == "|" and depth == 0:
            alt.append(pattern[start:i])
            start = i + 1
    for branch in alt:
        group = re.match(r"\(\?(?::|P<\w+>)", branch)  # "(?:" or a named group "(?P<bare>"
        if group:
            depth, end = 0, 0
            for end, ch in enumerate(branch):
                if ch in "()" and (end == 0 or branch[end - 1] != "\\"):
                    depth += 1 if ch == "(" else -1
                    if depth == 0:
                        break
            words |= _first_words(branch[group.end():end])
            if branch[end + 1:end + 2] == "?":
                words |= _first_words(branch[end + 2:])
            continue
        run = re.match(r"(?:[A-Za-z]|\\[^A-Za-z0-9])+", branch)
        if run is None:
            raise ValueError(f"an announcing alternative without a literal start: {branch!r}")
        word = run.group().replace("\\", "").lower()
        words.add(word[:-1] if branch[run.end():run.end() + 1] in ("?", "*", "{") else word)  # the last may be left out
    return words


#: What every match of :data:`ANNOUNCER` starts with (lower-cased, at the start of a word): a
#: quicker test of many texts looks for these before asking the pattern (:mod:`kit.privacy_batch`).
ANNOUNCER_STARTS = frozenset(_first_words(_ANNOUNCING.removeprefix(r"(?=[A-Za-z])").removeprefix(r"\b")))
ANNOUNCED_ID = re.compile(
    _ANNOUNCING + _ID_GAP +
    r"(?P<id>(?-i:[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D])(?!\w)"  # QQ 12 34 56 C
    r"|(?=[A-Za-z]{0,4}[-/]?\d|(?-i:[A-Z]{2})\s\d)[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*(?:\s\d{2,}[A-Za-z0-9]*){0,3})",
    re.IGNORECASE)


def announced_ids(text: str) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, "[id]")`` of the identifiers ``text`` announces (:data:`ANNOUNCED_ID`):
    a token with at least :data:`ID_MIN_DIGITS` digits after "student number", "employee ID",
    "account no." and the like."""
    return [(match.start("id"), match.end("id"), ID_MARK) for match in ANNOUNCED_ID.finditer(text) if announces(match)]


def announces(match: re.Match) -> bool:
    """True when a match of :data:`ANNOUNCED_ID` is an identifier :func:`announced_ids` replaces."""
    token = match.group("id")
    digits = sum(ch.isdigit() for ch in token)
    return digits >= ID_MIN_DIGITS and (match.group("bare") is None or digits >= BARE_MIN_DIGITS
                                        or re.search(r"[A-Za-z]", token.split()[0]) is not None)


ID_MARK = "[id]"


def png_texts(path) -> str:
    """The text chunks of a PNG file (``tEXt``, ``zTXt``, ``iTXt``; a figure saved by
    :func:`kit.viz.base.save` into a published folder keeps every text it draws there), one per
    line; "" for a file Pillow cannot read as a PNG."""
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:  # pragma: no cover - Pillow comes with matplotlib
        return ""
    try:
        with Image.open(path) as image:
            chunks = getattr(image, "text", None) or {}
            return "\n".join(str(v) for v in chunks.values())
    except (OSError, ValueError, UnidentifiedImageError, SyntaxError):
        return ""


_BRACKETED = re.compile(r"\[[^\[\]\n]{1,24}\]")  # a mark put in ([name], [phone], [not quoted]) or a transcriber's


def whole_marks(text: str, spans: list) -> list:
    """``spans`` each widened to the whole of a bracketed mark it cuts, joined where they then touch."""
    marks = [m.span() for m in _BRACKETED.finditer(text)]
    out = []
    for start, end in spans:
        for a, b in marks:
            if a < start < b:
                start = a
            if a < end < b:
                end = b
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out
