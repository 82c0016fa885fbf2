"""The kind of a question: story, open, probe, future or closed."""
from __future__ import annotations

import re

from kit.guide import cues12
from kit.guide.flags import _ASPIRATION, _closed_sentence
from kit.guide.lexicon import (AUX_BASE, IRREGULAR_PARTICIPLE, PREPOSITIONS, WH, _Sentence,
    _verb_forms)

__all__ = []

# --------------------------------------------------------------------------------------
# Kinds
# --------------------------------------------------------------------------------------
_EPISODE = re.compile(
    r"\b(the last time|last time|the most recent|most recent|a time when|a time you|a time that|"
    r"the first time|the last (?!minute|moment|resort|step|word|bit|few|thing you)\w+|your last (?!minute|resort)\w+|last (week|month|year|night|weekend|shift|"
    r"quarter|term|semester|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"summer|winter|spring|autumn|fall|visit|order|trip|project|sprint)|yesterday|this morning|"
    r"a recent time|a recent|recently|the other day|the time (when|you)|a moment when|"
    r"an occasion|a situation where|a situation when|an example of a time|last year's|"
    r"last month's|last week's|the most recent time|earlier today|this week|"
    r"(?:your|my|our|their|his|her) (?:very )?(?:first|latest|most recent|previous) (?!name|language|choice|"
    r"priority|thought|step|impression|instinct)\w+|"
    r"when (?:you|they|we|i|he|she) (?:first|last)\b|(?:you|they|we) (?:first|last) \w+ed)\b")
_STORY_REQUEST = re.compile(
    r"^(?:(?:so|ok|okay|now|and|first|to start|to begin|let's start)[, ]+)*(?:(?:can|could|would|will)"
    r" you (?:please |just )?)?(tell me|talk me|walk me|take me|run me|talk us|walk us|take us|"
    r"tell us|describe|think back|think about|think of|recall|remember|go back|share|recount|"
    r"i would (?:love|like) to hear about|i want to hear about|i am curious about|"
    r"paint me a picture|give me a (?:blow-by-blow|play-by-play))\b")
_PROBE = re.compile(
    r"^(?:(?:and|so|ok|okay|then|right|interesting)[, ]+)*(say more|tell me more|go on|how so|how come|"
    r"why( not)?\s*\??$|why (was|is|did|do|does|would|were) (that|this|it)\b|why (do|did) you think (that|it|this|so)\b|"
    r"what happened (next|then|after that|afterwards)"
    r"|what happened\s*\??$|(and )?then what|what did you do (next|then|after that|afterwards|about (that|it))"
    r"|what did you (try|say|do) (next|then|after that|afterwards)|what came next|what do you mean|"
    r"what did you mean|what makes you say|what made you say|(can|could|would) you (say|tell me|talk|explain)"
    r" (a (bit|little) )?more|(can|could|would) you (give me|think of|share) an example|for example|"
    r"(can|could|would) you (unpack|expand on|elaborate on|clarify|go into|explain) (that|this|it|what you)|"
    r"such as|like what|an example|how did (that|it|this) (go|feel|make you feel|work out|turn out|end)"
    r"|what was (that|it) like\s*\??$|what else|anything else|meaning\b|in what way|how do you mean|"
    r"what (did|do) you (mean|think) by|who else was|what do you think (caused|made) (that|it)|"
    r"why do you think (that|it))")
_FUTURE = re.compile(
    r"\b(worr(y|ies|ied)|concern(s|ed)?|looking forward|look forward|looking ahead|look ahead|"
    r"plans? (to|for|on)|your plans?|planning (to|for|on|ahead)|hope|hoping|hopes|goals?|"
    r"would (you )?(change|fix|improve|remove|redesign|do differently)|one thing you would|next (year|quarter|month|week|term|season|"
    r"semester|harvest|sprint|release|cycle|few|big|step|steps|phase|stage|invoice)|"
    r"in (five|ten|two|three|\d+|a few|the coming|the next) (years?|months?)|future|ideal|"
    r"magic wand|if you could|wish|aspire|aspiration|coming (year|months|weeks)|upcoming|"
    r"keeps? you up at night|on your mind|what is next|expecting|ahead|changing|nervous|anxious|afraid|"
    r"scared|risks?|coming up)\b")
_PAST_MARKERS = re.compile(r"\b(did|was|were|had|last|ago|yesterday|happened)\b")


def _kind(sents: list[_Sentence], closed: bool, hypothetical: bool) -> str:
    if not sents:
        return "open"
    first = sents[0]
    main = next((s for s in reversed(sents) if s.question), sents[-1])
    probe_text = first.low.strip()
    if closed:
        if _PROBE.match(probe_text) or _PROBE.match(main.low.strip()):
            return "probe" if not _closed_sentence(main) else "closed"
        return "closed"
    for s in sents:
        low = cues12.request_body(s.low.strip())  # round 12: "Honestly, tell me about ..."
        if _STORY_REQUEST.match(low):
            if _EPISODE.search(low) or (re.search(r"\b(think back|recall|remember|think of|go back)\b", low)) \
                    or re.search(r"\b(what happened|did|went|was|were|had|happened)\b", low) \
                    or re.search(r"\byou \w+ed\b", low) or _ends_in_past_verb(s):
                return "story"
        elif (s.head in WH or s.question) and _EPISODE.search(low) and not re.search(
                r"^(how (much|many|often|long)|what is your)\b", low):
            return "story"
    if _PROBE.match(probe_text):
        return "probe"
    if hypothetical:
        return "future"
    if _probe_by_shape(first):
        return "probe"
    qi = next((i for i, s in enumerate(sents) if s.question), len(sents) - 1)
    full = " ".join(s.low for s in sents[:qi + 1])
    if hypothetical:
        return "future"
    if _ASPIRATION.search(full) or (_FUTURE.search(full) and not _PAST_MARKERS.search(full)):
        return "future"
    return "open"


def _ends_in_past_verb(s: _Sentence) -> bool:
    for t in s.toks:
        if t in IRREGULAR_PARTICIPLE and t not in {"run", "come", "become", "set", "cut", "put", "read", "left"}:
            f = _verb_forms(t)
            if "past" in f:
                return True
    return False


def _probe_by_shape(s: _Sentence) -> bool:
    words = [t for t in s.toks if re.match(r"[a-z]", t)]
    if not words or len(words) > 7 or not s.question:
        return False
    if words[0] not in WH:
        return False
    if {"then", "afterwards", "mentioned", "said"} & set(words[1:]):
        return True
    toks = s.toks
    for k, t in enumerate(toks):
        if t in {"that", "this"} and k > 0:
            nxt = toks[k + 1] if k + 1 < len(toks) else "?"
            if nxt in {"?", ".", ","} or nxt in PREPOSITIONS or nxt in AUX_BASE or nxt in {
                    "mean", "means", "make", "made", "happen", "happened", "go", "went", "feel", "felt",
                    "affect", "affected", "matter", "mattered", "important", "work", "worked", "come",
                    "lead", "led", "change", "changed", "like"}:
                return True
    return False


