"""Rewrites for the kinds of the sixth round (issue 16, :mod:`kit.guide.cues6`).

- :func:`without_preamble`: a question that is leading only through its preamble ("Our new
  app has been a real hit. How did the last booking go for you?") is rewritten as its own
  asked part when that part lints clean ("How did the last booking go for you?").
- :func:`candidates`: the episode of a present when-clause put in the past ("When a storm hits,
  what happens next?" -> "Tell me about the last time a storm hit. What happened?") and the
  thing a superlative asks about ("What's the worst part of the booking system?" -> "Tell me
  about the last time you used the booking system. What happened?").
"""
from __future__ import annotations

import re

from kit.guide.lexicon import _base

__all__ = ["candidates", "without_preamble"]

_SPLIT = re.compile(r"\s*[\u2014\u2013]\s*|\s+-\s+|(?<=[.!])\s+|,\s+(?=(?:so\s+|and\s+)?(?:how|what|why|tell|walk|talk|take|"
                    r"describe|when|did)\b)", re.I)
_SUBJECTS = {"you", "they", "we", "he", "she", "it", "i"}


def without_preamble(question: str, flags: list[str], flags_of) -> str:
    """The asked part of ``question`` when it is leading only through its preamble, the asked
    part alone has no flag and keeps at least half of the question's topic words (so not "What
    do you think of it?", whose "it" is named only in the preamble); else ``""``. ``flags_of``
    lints a candidate."""
    from kit.guide.checks import topic_overlap

    if flags != ["leading"]:
        return ""
    parts = [p for p in _SPLIT.split(question.strip()) if p and p.strip()]
    if len(parts) < 2:
        return ""
    asked = parts[-1].strip()
    if len(asked.split()) < 4 or flags_of(asked) or topic_overlap(question, asked) < 0.5:
        return ""
    from kit.guide.retell11 import _refers_back
    if re.search(r"\b(?:it|them|they)\b", asked, re.I) and _refers_back(asked):
        return ""  # "... your last order with them": named from the pitch by retell8.preamble_story
    return asked[0].upper() + asked[1:]


def _past_clause(words: list[str]) -> str | None:
    """'a storm hits' -> 'a storm hit'; 'you take the kids skating' -> 'you took the kids skating'."""
    from kit.guide.rewrites import _vp_past  # it imports this module's callers

    for k in range(1, min(len(words), 5)):
        w = words[k].lower()
        b = _base(w)
        if b is None:
            continue
        if (w.endswith("s") and b != w) or (words[k - 1].lower() in _SUBJECTS and b == w):
            vp = _vp_past(words[k:])
            return " ".join(words[:k] + [vp]) if vp else None
    return None


def candidates(question: str) -> list[str]:
    """Story rewrites of a present when-clause and of a superlative's thing (may be empty)."""
    from kit.guide.rewrites import _np_story  # it imports this module's callers

    out = []
    low = question.strip().rstrip("?").strip()
    m = re.match(r"(?:so,?\s+)?(?:when|whenever|once)\s+([^,]+),", low, re.I) or \
        re.search(r"\bwhen\s+(you\s+[^,?]+)$", low, re.I)
    if m:
        past = _past_clause(m.group(1).split())
        if past:
            out.append(f"Tell me about the last time {past}. What happened?")
    m = re.match(r"what(?:'s| is| are)\s+(?:the|your)\s+(?:most \w+|\w+est|best|worst)\s+(?:part|thing|bit|problem|"
                 r"aspect)s?\s+(?:about|of|with)\s+(?:our|the|your)\s+([\w\s-]+)$", low, re.I)
    if m:  # after a determiner an -ing word is a modifier ("the booking system"), not a gerund
        story = _np_story("the " + m.group(1).strip())
        if story:
            out.append(story)
    return out
