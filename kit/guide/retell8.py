"""Rewrites of the eighth round (issue 16, item 3: keep the question's topic, stay grammatical),
used by :mod:`kit.guide.rewrites`:

- :func:`preamble_story`: a question leading only through a pitch before it, whose asked part
  is already an open or story question, is rewritten as that part alone, with "it"/"them"
  replaced by the thing the pitch named ("We spent months on the booking page - tell me about
  the last time you used it." -> "Tell me about the last time you used the booking page.");
- :func:`spoken`: chat spellings made words ("do u ever" -> "do you ever");
- :func:`noun_made_verb`: a candidate that put a noun or an adjective of the question in the
  past tense ("stale issues" -> "stale issued", "the portal slow" -> "the portal slowed");
- :func:`bare_follow_up`: a "What about X?" follow-up whose X is no noun phrase ("What about
  slow?", "What about turn up and what do you do ...?");
- :func:`weekdays`: day and month names capitalised ("on monday" -> "on Monday").
"""
from __future__ import annotations

import re

from kit.guide.words import DETS, tags

__all__ = ["bare_follow_up", "noun_made_verb", "own_story", "preamble_story", "spoken", "weekdays"]

_SPLIT = re.compile(r"\s*[\u2014\u2013]\s*|\s+-\s+|(?<=[.!])\s+|,\s+(?=(?:so\s+|and\s+)?(?:how|what|why|tell|walk|"
                    r"talk|take|describe|when|did)\b)", re.I)
_OPEN = re.compile(r"^(?:so,?\s+)?(?:tell me|walk me through|talk me through|take me through|describe|"
                   r"what happened|how did|what did|what was|what were)\b", re.I)
_PRONOUN = re.compile(r"\b(it|them)\b(?!\s+(?:up|out|in|off|back|down|on|over)\b)", re.I)
_DAYS = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                   r"april|june|july|august|september|october|november|december)(s?)\b")


def spoken(text: str) -> str:
    """``text`` with "u"/"ur" as "you"/"your" (other words unchanged)."""
    text = re.sub(r"\bu\b", "you", str(text))
    return re.sub(r"\bur\b", "your", text)


def weekdays(text: str) -> str:
    """``text`` with day and month names capitalised ("a monday" -> "a Monday"); "may" and
    "march" only after "in"/"on"/"last"/"this"/"next" are left out on purpose ("march" is a verb)."""
    def cap(m: re.Match) -> str:
        if m.group(1) == "march" and not re.search(r"\b(?:in|on|last|this|next|since|until)\s+$",
                                                   m.string[:m.start()]):
            return m.group(0)
        return m.group(1).capitalize() + m.group(2)
    return _DAYS.sub(cap, str(text))


def _parts(question: str) -> tuple[str, str]:
    parts = [p for p in _SPLIT.split(str(question).strip()) if p and p.strip()]
    if len(parts) < 2:
        return "", ""
    return " ".join(parts[:-1]), parts[-1].strip()


def preamble_story(question: str, flags: list[str], flags_of) -> str:
    """The asked part of a question leading only through its pitch (see the module docstring),
    or ``""`` when the question has no pitch, the asked part is not an open or story question,
    or the asked part is still flagged or ungrammatical. ``flags_of`` lints a candidate."""
    from kit.guide.checks import grammar_problems
    from kit.guide.retell import without_judgements
    from kit.guide.rewrites import broken, np_runs

    if flags != ["leading"]:
        return ""
    pre, asked = _parts(question)
    if not pre or len(asked.split()) < 4 or not _OPEN.match(asked):
        return ""
    if _PRONOUN.search(asked):
        runs = np_runs(pre, in_order=True)
        if not runs:
            return ""
        thing = without_judgements(" ".join(runs[0]))
        asked = _PRONOUN.sub(thing, asked, count=1)
        if _PRONOUN.search(asked):
            return ""
    asked = re.sub(r"^so,?\s+", "", asked, flags=re.I)
    asked = asked[0].upper() + asked[1:]
    if not asked.endswith((".", "?", "!")):
        asked += "?" if asked.split()[0].lower() in {"how", "what", "why", "when", "where", "who", "which"} else "."
    if flags_of(asked) or grammar_problems(asked) or broken(asked):
        return ""
    return asked


def own_story(question: str) -> list[str]:
    """The question itself, without its praise or blame, when it is already a story request
    ("Tell me about the last time you got lost because of the confusing floor map." -> "Tell
    me about the last time you got lost because of the floor map."); else ``[]``."""
    from kit.guide.retell import without_judgements

    text = str(question).strip()
    if not re.match(r"(?:tell me about|walk me through|talk me through|describe)\b", text, re.I):
        return []
    text = without_judgements(text)
    return [text[0].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")]


def noun_made_verb(question: str, cand: str) -> bool:
    """True when ``cand`` has a past-tense word that the question had as a noun or an adjective
    ("stale issues" -> "stale issued", "the claims portal slow" -> "the claims portal
    slowed"): a word right after an adjective or a determiner, or a base form right after a
    singular noun (a verb there would take "-s")."""
    from kit.guide.story import past
    from kit.guide.words import lemma

    q = re.findall(r"[\w'-]+", str(question).lower())
    got = set(re.findall(r"[\w'-]+", str(cand).lower()))
    for k in range(1, len(q)):
        w, prev = q[k], q[k - 1]
        base = lemma(w, "VERB") or w
        made = past(base) if base else None
        if not made or made == w or made not in got or made in q:
            continue
        ptags = tags(prev)
        if (prev in DETS and prev not in {"that", "which", "who", "it"}) or (ptags & {"ADJ"} and not ptags & {"NOUN", "VERB", "PRON"}) or \
                (prev in {"stale", "old", "new", "open", "closed"}):
            return True
        if w == "last":
            return True  # "did the cleaner last come round" -> "the cleaner lasted come round"
        if w == base and "NOUN" in ptags and not prev.endswith("s") and prev not in _PLURALS and \
                not _after_aux(q, k - 1):
            return True
    return False


_PLURALS = {"you", "they", "we", "i", "people", "staff", "police", "children", "kids", "folk", "team", "crew"}
_AUX = {"did", "do", "does", "didn't", "don't", "doesn't", "will", "would", "can", "could", "should", "might",
        "may", "must", "won't", "wouldn't", "can't", "couldn't", "shall", "to", "let", "make", "help", "watch", "see"}


def _after_aux(q: list[str], k: int) -> bool:
    """The noun phrase ending at ``q[k]`` is the subject of an auxiliary ("did the carer")."""
    j = k
    while j >= 0 and (q[j] in DETS or tags(q[j]) & {"NOUN", "ADJ"}) and q[j] not in _AUX and k - j < 6:
        j -= 1
    return j >= 0 and q[j] in _AUX


def bare_follow_up(then: str) -> bool:
    """True for a "What about X?" follow-up whose X does not end in a noun or holds a second
    question ("What about slow?", "What about quick last time?")."""
    m = re.search(r"What about (.+?)\?*$", str(then))
    if not m:
        return False
    ws = re.findall(r"[\w'-]+", m.group(1).lower())
    ws = [w for w in ws if w not in {"last", "time", "this", "next", "week", "month", "year", "season"}] or ws
    if not ws or {"what", "how", "why", "when", "who", "do", "did"} & set(ws):
        return True
    return "NOUN" not in tags(ws[-1]) or (ws[0] not in DETS and "VERB" in tags(ws[0]) and "NOUN" not in tags(ws[0]))
