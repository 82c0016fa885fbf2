"""Grammar-level cues of the fifth round of the question linter (issue 16), read after
:mod:`kit.guide.cues`.

=================  =========================================================================
cue                what it finds
=================  =========================================================================
one fact           a wh-phrase whose answer is one number, date, amount or pick: "how many /
                   how long / how old / how far", "how much" + a noun or a verb of money or
                   time ("how much did it cost / save you"), "what year / date / time",
                   "what would you (expect to) pay", "on a scale of", "which (of the) X did
                   you ..." (closed). Not a degree ("how much did you enjoy", "how much
                   easier"), not "how often" (generalizing), not one part of a compound
tag                a statement ending in a tag ("..., right", "..., yeah", "..., did he?",
                   "..., didn't you") with or without a question mark (leading and closed);
                   "imagine / suppose" + a clause, then "would you ..." (closed)
general judgement  "what's the hardest / best / most annoying part / thing about ...", "the
                   biggest challenges of ..." with no past anchor; "walk me through a typical /
                   normal / average ..."; "what do you do when/whenever" + a present clause;
                   a present when/if clause before "what / how / who do you ...", "what
                   happens when ..."; "isn't it <adjective> when" + a present clause
                   (generalizing)
separate accounts  "X and Y each ..." (two people's answers); two occasions ("your first X and
                   your most recent one", "this year's X and last year's"); a preposition
                   repeated across the pair ("to the lawn and to the beds"); "how <adjective>
                   were you with the A and the B"; "have you ever <verb>ed ... or had ..."
                   (double-barreled). Not a joint act with a reciprocal verb ("what did the
                   tuner and the owner agree on"), not a circumstance ("when you landed and
                   your bag didn't come out")
benefit preamble   "our X saves / cuts / speeds up ...", "our new X is much more reliable"
                   before the question (leading); a neutral preamble ("you won't hurt my
                   feelings", "no right or wrong answers") is not
=================  =========================================================================

Each detector takes the sentences of one question (strings) and returns a reason or ``""``
(or a bool for the exceptions).
"""
from __future__ import annotations

import re

from kit.guide.words import tags, valence, words

__all__ = ["closed", "double_barreled", "generalizing", "leading", "neutral_preamble", "not_double", "past_refusal"]

_LEAD = r"^(?:(?:so|and|ok|okay|well|now|then|right|but|exactly|roughly|just)\s,?\s?)*"
_MONEY_TIME = {"cost", "costs", "spend", "spent", "pay", "paid", "save", "saved", "saves", "charge", "charged",
               "earn", "earned", "lose", "lost", "owe", "owed", "waste", "wasted", "take", "took", "takes",
               "budget", "budgeted", "raise", "raised", "sell", "sold", "use", "used", "cut", "put", "get", "got",
               "weigh", "weighed", "drink", "eat", "order", "ordered"}
_DEGREE_VERBS = {"enjoy", "enjoyed", "love", "loved", "hate", "hated", "like", "liked", "appreciate", "appreciated",
                 "value", "valued", "care", "matter", "mattered", "help", "helped", "bother", "bothered",
                 "worry", "worried", "annoy", "annoyed", "motivate", "motivated", "trust", "trusted", "improve",
                 "improved", "change", "changed", "affect", "affected", "miss", "missed", "want", "wanted"}
_AMOUNT_NOUNS = {"time", "money", "cash", "admin", "work", "effort", "stock", "space", "data", "paper", "fuel",
                 "gas", "water", "food", "coffee", "storage", "overtime", "notice", "traffic", "interest"}
_PICK = r"(?:did|do|does|have|has|had|were|was|are|is)"
_COMPOUND = re.compile(r"\b(?:and|or|but)\s(?:then\s)?(?:how|what|why|who|where|when|which|did|do|does|was|were|"
                       r"is|are|have|has|would|will)\b")


def _clause(s: str) -> str:
    """The asked clause of a sentence: the part after a dash or the last comma before a wh-word."""
    low = " ".join(words(s))
    parts = re.split(r"\s,\s(?=(?:so\s|and\s|then\s)?(?:how|what|which|on a scale)\b)", low)
    return re.sub(_LEAD, "", parts[-1].strip())


def _one_fact(s: str) -> str:
    low = _clause(s)
    if _COMPOUND.search(low):
        return ""
    if re.search(r"\bon a scale (?:of|from)\b", " ".join(words(s))) and not _COMPOUND.search(" ".join(words(s))):
        return "a rating on a scale asks for one number"
    if re.match(r"how (many|long|old|far)\b", low):
        return f"'how {low.split()[1]}' asks for one number"
    m = re.match(r"how much (\w+)(?: (\w+))?(?: (\w+))?", low)
    if m:
        first, second = m.group(1), m.group(2) or ""
        rest = low.split()[2:]
        if first in {"more", "less", "better", "worse", "further"} or (first.endswith("er") and "ADJ" in tags(first)):
            return ""
        if set(rest) & _DEGREE_VERBS or any(w.endswith("er") and "ADJ" in tags(w) for w in rest[:2]):
            return ""
        if first in _AMOUNT_NOUNS or first in {"is", "was", "does", "did", "do", "would", "will", "has", "have",
                                                 "are", "were"} and set(rest) & _MONEY_TIME:
            return "'how much' asks for one amount"
        aux = {"did", "do", "does", "would", "will", "has", "have", "had", "can", "could"}
        if "NOUN" in tags(first) and "VERB" not in tags(first) and (
                second in aux or (m.group(3) in aux and "NOUN" in tags(second))):
            return "'how much' asks for one amount"
        return ""
    m = re.match(r"what (year|date|day|time|month|age|price|percentage|size|number)\b (?:\w+ )?" + _PICK, low)
    if m and not re.match(r"what (day|time)s? (?:of|in)\b", low):
        return f"'what {m.group(1)}' asks for one fact"
    if re.match(r"what would (you|they|your \w+) (?:\w+ )?(?:expect to |be willing to |want to )?(pay)\b", low):
        return "'what would you pay' asks for one number"
    if re.match(r"which (?:of (?:the|these|those|your|our) )?(?:\w+ ){1,3}" + _PICK + r" (?:you|they|we|he|she|your|the)\b",
                low):
        return "'which ...' asks for one pick"
    return ""


def closed(sentences: list[str]) -> str:
    """The closed cues of the table above."""
    asked = [s for s in sentences if str(s).rstrip().endswith("?")]
    for s in sentences:
        if len(asked) < 2 and (r := _one_fact(s)):
            return r
        if _tag(s) and s is sentences[-1]:
            return "a statement with a tag can be answered yes or no"
        low = " ".join(words(s))
        if re.match(_LEAD + r"(imagine|suppose|say|picture)\b[^?]*?\s,\s(would|will|could|do|did) (you|they|we)\b",
                    low):
            return "a yes-or-no question after an imagined situation"
    return ""


_POLITE_START = {"tell", "walk", "describe", "talk", "take", "share", "explain", "give", "show", "run", "go"}
_PRON = {"you", "he", "she", "they", "it", "we", "i", "there", "that"}
_TAG_AUX = {"did", "do", "does", "was", "were", "is", "are", "have", "has", "had", "would", "will", "could",
            "can", "should", "wo", "were", "is"}


def _tag(s: str) -> bool:
    toks = [t for t in words(s) if t not in {"?", ".", "!"}]
    if len(toks) < 5 or "," not in toks[:-1]:
        return False
    body = [t for t in toks if t not in {"so", "and", "um", "er", "like", ","}][:2]
    if not body or body[0] in _POLITE_START | _TAG_AUX | {"what", "how", "why", "who", "where", "when", "which",
                                                           "please", "could", "can", "would"}:
        return False
    j = len(toks) - 1 - toks[::-1].index(",")
    tail = toks[j + 1:]
    if tail in (["right"], ["yeah"], ["yes"], ["correct"], ["no"], ["true"], ["am", "i", "right"], ["is", "that", "right"],
                ["is", "not", "it"], ["yeah", "right"]):
        return True
    if len(tail) == 2 and tail[0] in _TAG_AUX and tail[1] in _PRON:
        return True
    return len(tail) == 3 and tail[0] in _TAG_AUX and tail[1] == "not" and tail[2] in _PRON


_PAST = re.compile(r"\b(last|yesterday|ago|recent|recently|that day|that time|this morning|on your|"
                   r"was|were|did|had|went|happened)\b")


def generalizing(sentences: list[str]) -> str:
    """The generalizing cues of the table above."""
    for s in sentences:
        low = _clause(s)
        full = " ".join(words(s))
        m = re.match(r"what (?:is|are|was|were) (?:the|your) ((?:most|least) \w+|\w+est|best|worst|biggest|"
                     r"main|toughest) (part|parts|thing|things|bit|bits|challenge|challenges|problem|problems|"
                     r"aspect|aspects|frustration|frustrations|struggle|struggles|headache|headaches) (?:about|of|with|in|when) "
                     r"(\w+ing)\b(.*)", low)
        if m and not _PAST.search(m.group(4)) and m.group(1) != "last" and not low.startswith(("what was", "what were")):
            return f"'the {m.group(1)} {m.group(2)}' asks for a general judgement; ask about one occasion"
        if re.match(r"(?:walk|talk|take) me through (?:a|an|your) (typical|normal|average|usual|regular|ordinary)\b",
                    low):
            return "'a typical ...' asks for a generalization; ask about the last one"
        if re.match(r"what do (?:you|they|your \w+) do (?:when|whenever|if)\b(?!.*\b(?:last|was|were|did|had)\b)", low):
            return "'what do you do when ...' asks about a habit; ask about the last time"
        if _present_habit(full):
            return "a present-tense when-clause asks about what generally happens; ask about the last time"
        if re.match(_LEAD + r"(?:is not|does not) it (?:\w+ ){1,2}when (?!you (?:were|did|had))\w+ (?:\w+ )?\w+", full) \
                and not _PAST.search(full.split(" when ", 1)[1]):
            return "'isn't it ... when' asks about a general situation; ask about one occasion"
    return ""


_WHEN = re.compile(r"\b(?:when|whenever|if|once)\b ((?:[\w'-]+ ){1,8}?)(?:,\s)?(?:what|how|who|where|why) "
                   r"(?:do|does) (?:you|they|people|your \w+|the \w+) \w+|\bwhat happens (?:when|if|after)\b")
_NOT_PRESENT = re.compile(r"\b(?:was|were|did|had|last|ago|yesterday|would|could|might|we|ever|usually|normally|"
                          r"typically|generally)\b|\w+ed\b")


def _present_habit(low: str) -> bool:
    """"When a parcel goes missing, what do you do?", "what happens when the lift breaks":
    a present-simple when-clause with a present-simple main clause."""
    m = _WHEN.search(low)
    if not m:
        return False
    clause = m.group(1) or low.split(" happens ", 1)[1]
    return not _NOT_PRESENT.search(clause) and not re.search(r"\b(?:would|could|will|might)\b", low)


_OCCASION = r"(?:first|last|latest|most recent|previous|next|best|worst|earliest|newest|oldest)"


def double_barreled(sentences: list[str]) -> str:
    """The double-barreled cues of the table above."""
    for s in sentences:
        low = " ".join(words(s))
        if re.search(r"\b(?:you|the \w+|your \w+|\w+) and (?:your|the|his|her|their) (?:[\w-]+ ){1,2}each\b", low):
            return "two people's separate accounts ('... each'); ask each in turn"
        if re.search(r"\b(?:your|the|my|this|that) " + _OCCASION + r" (?:\w+ ){1,5}and (?:your|the|my) (?:\w+ )?"
                     + _OCCASION + r" (?:one|time)\b", low) or \
                re.search(r"\b(?:your|the) " + _OCCASION + r" (?:\w+ ){1,5}and (?:the|your) one before\b", low):
            return "two occasions in one question; ask about each"
        if re.search(r"\bthis (year|month|week|season|term)'s \w+ and last \1's\b", low):
            return "two time frames in one question; ask about each"
        m = re.search(r"\b(to|for|with|on|in|at|about) (?:(?:the|your|our) )?(\w+) and \1 (?:(?:the|your|our) )?(\w+)", low)
        if m and m.group(2) != m.group(3) and re.match(r"(?:what|how|tell|walk|did|do|was|were)\b", _clause(s)):
            return f"two things asked about at once ('{m.group(2)}' and '{m.group(3)}'); ask about each"
        m = re.search(r"\bhow \w+ (?:were|was|are|is) (?:you|they) (?:with|about|by) (?:the|your|our) "
                      r"(?:[\w-]+ ){0,2}[\w-]+ and (?:the|your|our) ", low)
        if m:
            return "two things judged at once; ask about each"
        if re.search(r"\bhave (?:you|they) (?:ever )?\w+ (?:a|an|the|your|any) (?:\w+ ){0,2}(?:or|and) "
                     r"(?:had|been|got) ", low) or \
                re.search(r"\bhave (?:you|they) (?:ever )?had (?:a|an|the|your|any) (?:\w+ ){2,3}(?:or|and) "
                          r"(?:a|an|the|your|any) \w+ \w+", low):
            return "two events asked about at once ('... or ...'); ask about each"
    return ""


_RECIPROCAL = {"agree", "agreed", "disagree", "disagreed", "argue", "argued", "negotiate", "negotiated", "settle",
               "settled", "compromise", "decide", "decided", "discuss", "discussed", "fight", "fought", "clash",
               "clashed", "differ", "meet", "met", "share", "shared"}


def not_double(sentences: list[str]) -> bool:
    """True when the only pair is a joint act with a reciprocal verb ("what did the tuner and the
    owner agree on") or a circumstance of one event ("when you landed and your bag didn't come
    out, what did you do")."""
    for s in sentences:
        low = " ".join(words(s))
        if low.count(" and ") != 1 or " or " in low:
            return False
        m = re.search(r"\b(?:did|do|does) (?:the|your|my|you) (?:[\w-]+ )?[\w-]+ and (?:the|your|my|their|his|her) "
                      r"([\w-]+) ([\w-]+) ([\w-]+)", low)
        if m and (m.group(2) in _RECIPROCAL or m.group(3) in _RECIPROCAL):
            return True
        if re.search(r"\bwhen you (?:\w+ ){1,6}and (?:the|your|my|their) (?:[\w-]+ ){1,2}(?:did|was|were|had|could|would) not\b",
                     low):
            return True
    return False


_BENEFIT = re.compile(r"^(?:our|the new|we have|we ve|we've)\b[^,?]*?\b(saves|save|cuts|speeds|makes it easier|"
                      r"halves|helps|is (?:much |far |so |way )?(?:more \w+|\w+er)|are (?:much |far |so |way )?"
                      r"(?:more \w+|\w+er))\b")
_NEUTRAL = re.compile(r"\b(?:will not|would not|cannot|can not|do not) (?:hurt|offend|upset)\b|no (?:right|wrong) or "
                      r"(?:right|wrong)\b|not the (?:person|one|team|people) (?:who|that) (?:built|made|designed|"
                      r"wrote)|anything goes|be (?:totally |completely |brutally )?honest")


def leading(sentences: list[str]) -> str:
    """The leading cues of the table above: a tag, or a preamble that claims a benefit."""
    if any(_tag(s) for s in sentences):
        return "a tag ('..., right?') asks for agreement"
    for s in sentences:
        m = re.match(r"what (?:is|are) the (best|worst|(?:most|least) (\w+)) (?:part|parts|thing|things|bit|bits) "
                     r"(?:about|of|with|in) \w+ing\b",
                     _clause(s))
        if m and (m.group(2) is None or abs(valence(m.group(2))) >= 1.0):
            return f"'the {m.group(1)} part' presupposes the judgement"
    for s in sentences[:-1] if len(sentences) > 1 else sentences:
        low = " ".join(words(s))
        head = re.split(r"\s,\s(?=(?:so\s|and\s)?(?:how|what|why|tell|walk|when|did|do)\b)", low, maxsplit=1)
        if len(sentences) == 1 and len(head) == 1:
            continue
        if _BENEFIT.search(head[0]):
            return "the preamble claims a benefit for the thing asked about"
    return ""


def past_refusal(sentences: list[str]) -> bool:
    """True for "wouldn't" + a verb inside a past episode ("the last time your dog wouldn't
    settle"): a past refusal, not a hypothesis."""
    return any(re.search(r"\b(?:last|first) time\b.*\bwould not \w+", " ".join(words(s))) and
               not re.search(r"\bwhat would|\bwould you\b|\bif\b", " ".join(words(s))) for s in sentences)


def neutral_preamble(sentences: list[str]) -> bool:
    """True for a disclaimer that invites criticism ("you won't hurt my feelings")."""
    return any(_NEUTRAL.search(" ".join(words(s))) for s in sentences)
