"""Which ``Label:`` of a transcript is a speaker's (rules 1 and 2 of :mod:`kit.transcripts`'
module doc), split out of :mod:`kit.transcripts` for its short paths (:mod:`kit.transcript_fast`):
whether a label looks like a name, is a heading word or a usual role label, and which of a
file's labels are speakers given how often each is used."""
from __future__ import annotations

import re

from kit.speaker_roles import label_key, third_role
from kit.transcript_letters import MARKS

__all__ = ["LABEL", "NAME_WORDS", "ROLE_LABEL", "choose_speakers", "is_calendar_name", "is_heading", "is_name", "is_role",
           "label_key", "lone_roles"]

#: A ``Label: rest`` line (stripped): the label as written and the rest of the line.
LABEL = re.compile(r"^([^\W\d_][^:\n]{0,39}?)[ \t]*:(.*)$")

# a name's letters with their combining marks in every script (kit.transcript_letters), its marks
# (apostrophes, hyphens, the middle dots of ``Jean·Paul`` and ``ジョン・スミス``, Hebrew geresh and
# gershayim, the zero-width non-joiner of Persian and Indic names), a bracketed role (``Jordan
# [Guest]``) and emoji (``Jordan 🙂``)
_LABEL_CHARS = re.compile(rf"[\w{MARKS} .'’\-&()\[\]/,+@\u00b7\u30fb\u05f3\u05f4\u200c"
                          r"\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+")
#: The usual role labels (rule 2a), matched whole, in any case.
ROLE_LABEL = re.compile(
    r"(?:interviewer|moderator|researcher|facilitator|participant|respondent|interviewee|"
    r"assistant|ai|user|customer|q|a|i|r|p|speaker|unknown speaker|guest|host)"
    r"(?:[ \t_]*[0-9]+|[ \t]+[A-Z])?",
    re.I,
)
_STOPWORDS = frozenset(
    """about after also although and as at because before but by can could did do does
    for from had has have he her here here's his how however if in into is it it's its
    just like my no not now of on once or our she so some such than that that's the their
    them then there there's these they this those though to too until very was we we're
    were what what's when where which while who why will with would yes you your
    said says asked asks replied told wrote thought
    i'm i've i'd let's""".split()
)
_HEADING_WORDS = frozenset(
    """note notes nb ps edit update updates example examples summary tldr step steps
    warning tip tips important source sources link links subject re pros cons result
    results conclusion conclusions background context outcome outcomes takeaway
    takeaways item items part phase option options stage stages section chapter point
    points goal goals agenda date time location attendees duration title topic topics
    interview transcript recording meeting project study task tasks todo
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
    january february march september october november december weekend morning afternoon evening
    total totals reason reasons problem problems fact facts""".split()
)

_QUALIFIERS = frozenset(
    """next key main final initial first second third last other further additional important quick
    short long general overall open action side top useful related extra new old my our your their
    follow-up follow up action of and on for the a an to in pain pains company product user users customer
    customers team business personal technical current future past previous recent relevant common more any
    weekly daily monthly meeting interview project study call session""".split()
)

#: Function words that are also given names or family names (Will, Said, Can, Do, So, An, He):
#: a label written with a capital (``Will:``, ``Will Smith``, ``Will  0:05``) may be a name.
NAME_WORDS = frozenset("will said can do so an he".split())
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
    september october november december""".split())  # heading words that are also names (Sunday, March)
# a possessive or article before a role (``My daughter:``, ``Her son:``, ``The interpreter:``)
_ROLE_DETERMINERS = frozenset("my her his their our the your a".split())

_name_cache: dict[str, bool] = {}


def _word_ok(word: str) -> bool:
    low = word.lower()
    return low not in _STOPWORDS or low in NAME_WORDS and word[:1].isupper()


def is_name(label: str) -> bool:
    """Whether ``label`` looks like a speaker name (rule 1 of kit.transcripts' module doc)."""
    ok = _name_cache.get(label)
    if ok is None:
        words = label.split()
        ok = (
            0 < len(words) <= 4
            and len(label) <= 40
            and _LABEL_CHARS.fullmatch(label) is not None
            and (all(map(_word_ok, words)) or _role_phrase(words))
        )
        if len(_name_cache) > 100_000:
            _name_cache.clear()
        _name_cache[label] = ok
    return ok


def _role_phrase(words: list) -> bool:
    """``My daughter``, ``Her son``, ``The interpreter``: a determiner, then someone else's role."""
    return (len(words) >= 2 and words[0].lower() in _ROLE_DETERMINERS
            and all(w.lower() not in _STOPWORDS for w in words[1:]) and third_role(" ".join(words[1:])))


def is_calendar_name(label: str) -> bool:
    """Whether ``label`` is one capitalised weekday or month (``Sunday``, ``March``): a heading
    word, and a name when a transcript uses it as a speaker label consistently."""
    return label[:1].isupper() and label.lower() in _CALENDAR


_heading_cache: dict[str, bool] = {}


def is_heading(label: str) -> bool:
    """Whether a word of ``label`` is a heading word (``Note``, ``Step 2``, ``Next Steps``)."""
    ok = _heading_cache.get(label)
    if ok is None:
        # a heading starts with a heading word (``Note``, ``Step 2``, ``Option A``) or is made only of
        # heading words and their usual qualifiers (``Next Steps``, ``Key Point``): ``Ann Note``,
        # ``Jordan Example`` and ``Mark Notes`` are names that end in one
        words = [w.lower().strip(".()[]") for w in label.split()]
        ok = bool(words) and (words[0] in _HEADING_WORDS or any(w in _HEADING_WORDS for w in words) and all(
            w in _HEADING_WORDS or w in _QUALIFIERS or w.isdigit() for w in words))
        if len(_heading_cache) > 100_000:
            _heading_cache.clear()
        _heading_cache[label] = ok
    return ok


_role_cache: dict[str, bool] = {}


def is_role(label: str) -> bool:
    """Whether ``label`` is a usual role label (:data:`ROLE_LABEL`, matched whole)."""
    ok = _role_cache.get(label)
    if ok is None:
        ok = ROLE_LABEL.fullmatch(label) is not None
        if len(_role_cache) > 100_000:
            _role_cache.clear()
        _role_cache[label] = ok
    return ok


def choose_speakers(with_text: dict, bare: set, first_label, spelling: dict, forced, single_use: bool,
                    established=()) -> set:
    """The label keys that are speakers (rules 2a-2e): ``with_text`` counts the lines of each
    key (a label in lower case, :func:`label_key`) with text after the colon, in order of first
    use; ``bare`` holds the keys used with nothing after it; ``first_label`` is the key of the
    file's first line when it is a label with text; ``spelling`` gives each key's label as first
    written; ``forced`` the labels that are always speakers, as are the usual role labels and
    the labels naming someone else's role (``Parent``, ``Interpreter``:
    :func:`kit.speaker_roles.third_role`); ``single_use`` for captions (2e); ``established``: the
    keys of speakers known otherwise (an Otter or Rev transcript's timed headers), counted as speakers."""
    speakers: set = set(established or ())
    forced_keys = {label_key(str(f)) for f in forced or ()}  # "ravi: observer" in a note is "Ravi:"
    for key in sorted(set(with_text) | bare, key=lambda c: c not in with_text):
        label = spelling[key]
        if label in forced or key in forced_keys or is_role(label):
            speakers.add(key)
        elif is_heading(label):
            if is_calendar_name(label) and with_text.get(key, 0) >= 2 and key not in bare:
                speakers.add(key)  # ``Sunday:`` on two lines or more: a name used as a label, not a heading
            continue
        elif (with_text.get(key, 0) >= 2 or key == first_label or third_role(label)  # "Parent:" once: theirs
              or single_use and key in with_text):
            speakers.add(key)
    if len(speakers) < 2:
        for key, n in with_text.items():  # in order of first use
            if len(speakers) >= 2:
                break
            if n == 1 and key not in speakers and not is_heading(spelling[key]):
                speakers.add(key)
    return speakers


def lone_roles(with_text: dict, spelling: dict, forced) -> list:
    """The label keys used with text only once whose label names someone else's role
    (``Daughter:``, ``My son:``, ``Interpreter:``; :func:`kit.speaker_roles.third_role`) and is
    not ``forced``: read as a third speaker's turn, each reported at its line."""
    forced_keys = {label_key(str(f)) for f in forced or ()}
    return [key for key, n in with_text.items() if n == 1 and key not in forced_keys and spelling[key] not in (forced or ())
            and not is_role(spelling[key]) and third_role(spelling[key])]
