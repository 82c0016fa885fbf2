"""Grammar-level cues of the sixth round of the question linter (issue 16), read after
:mod:`kit.guide.cues5`.

=================  =========================================================================
cue                what it finds
=================  =========================================================================
present habit      "how do / does <subject> <action verb> ..." in the present simple with no
                   past anchor ("How do you price a job?"; not a verb of opinion: "how do
                   you feel / find / rate"); a present when/if clause before "what happens",
                   "what's the routine"; "what goes through your head when" + a present
                   clause; "a typical / normal / average <noun>" anywhere; "routine";
                   "the best / most common / most annoying <thing / part / problem / way>"
                   about anything, with no past anchor; a rate ("a month", "per week",
                   "before every hire"); "these days", "in your experience"; a general claim
                   ("X must be crazy", "you must get loads of", "isn't it frustrating that
                   suppliers never", "don't you find that customers ..."); "what do
                   <plural noun> <verb>" (generalizing)
presupposition     "must" + a judgement or a benefit in a statement ("our app must save you
                   loads of time", "you must hate the permit process"); "I'm guessing / I
                   imagine / I bet" + a judgement; "what was it that made ... so"; "how
                   much time / money did our / the new X save you"; a preamble that praises, pitches or blames the thing or
                   a group ("Our booking system gets you to jobs faster than any competitor.",
                   "Agencies are notoriously bad at ...", "After all the hard work the
                   volunteers put in, ...") (leading); a preamble that echoes the participant
                   ("You said the choir usually struggles ...") is not
all-fact compound  a compound whose every part asks for one number or pick ("How many panels
                   did you fit, and how long did it take?"), "which would you use", "how much
                   of your work would you" (closed)
two accounts       "X and Y each react / feel / say", "how did X and Y react", "the X ... and
                   the one from ...", "this year compared to last year" (double-barreled, read after the exceptions of the earlier rounds)
imagined           "how <adjective> would you be if ...", "say <a situation>, who would you
                   call?" (hypothetical); "the last lesson where a kid wouldn't ..." is a past
                   refusal, not a hypothesis
=================  =========================================================================

Each detector takes the sentences of one question (strings) and returns a reason or ``""``.
"""
from __future__ import annotations

import re

from kit.guide.cues5 import _one_fact
from kit.guide.words import tags, valence, words

__all__ = ["closed", "double_barreled", "generalizing", "hypothetical", "leading", "past_refusal"]

_LEAD = r"^(?:(?:so|and|ok|okay|well|now|then|right|but|um|erm|er|like|in general|generally|roughly)\s,?\s?)*"
_PAST = re.compile(r"(?<![\w-])(?:last|yesterday|ago|recent|recently|that day|that time|this morning|this time|on your|"
                   r"was|were|did|had|went|happened|first|then|that one|in june|in may)(?![\w-])|\b\w+ed\b")
_OPINION = {"feel", "think", "find", "rate", "like", "see", "view", "compare", "know", "mean", "say", "describe",
            "define", "spell", "pronounce", "want", "explain", "measure", "judge", "rank", "score", "help", "affect",
            "need", "hope", "expect", "reckon", "imagine", "picture"}
_FIND_JUDGED = {"the", "our", "your", "this", "that", "it", "them", "working", "using", "being", "having", "his", "her",
                "their", "these", "those", "my"}
_SUBJECT = r"(?:you|they|people|we|your \w+|the \w+|you and your \w+|your \w+ and your \w+)"


def _sub(s: str) -> str:
    return " ".join(words(s))


def _present_how(low: str) -> str:
    m = re.match(_LEAD + r"how (?:do|does) " + _SUBJECT + r" (\w+)\b(.*)", low)
    if not m:
        return ""
    verb, rest = m.group(1), m.group(2)
    if "ADV" in tags(verb) and "VERB" not in tags(verb) and rest.split():  # "how do you actually price ..."
        verb, rest = rest.split()[0], " ".join(rest.split()[1:])
    if verb == "find" and rest.split()[:1] and rest.split()[0] not in _FIND_JUDGED:
        verb = "locate"  # "how do you find guests": finding things, not judging them
    if verb in _OPINION or set(rest.split()[:1]) & _OPINION or "VERB" not in tags(verb) or re.search(r"\b(?:this|that) (?:time|one|case)\b", rest):
        return ""
    if _PAST.search(rest) or re.search(r"\b(?:would|could|if)\b", low):
        return ""
    return "'how do you <do something>' in the present asks about a habit; ask about the last time"


_WHEN_PRESENT = re.compile(r"^(?:when|whenever|if|once) ((?:[\w'&-]+ ){1,9}?), (?:so )?(?:what|how) (?:happens|is the "
                           r"routine|is it like|goes)\b")
_SUPERLATIVE = re.compile(r"what (?:is|are) (?:the|your) ((?:most|least) \w+|\w+est|best|worst|main) (?:single )?"
                          r"(part|parts|thing|things|bit|bits|problem|problems|way|ways|headache|headaches|"
                          r"challenge|challenges|issue|issues|fault|faults|mistake|mistakes|complaint|complaints|request|requests)\b(.*)")
_RATE = re.compile(r"\b(?:do|does) (?:you|they) \w+ .*\b(?:a|per|each|every) (?:day|week|month|year|season|shift|term)\b|"
                   r"\b(?:do|does) (?:you|they) .*\b(?:before|after|at the end of|at the start of) (?:every|each) \w+|\bthese days\b|"
                   r"^(?:so )?in your experience\b")
_CLAIM = re.compile(r"\b(?:must|always|never) (?:be|get|have|see|deal|run|struggle)\b(?! been)|"
                    r"\bis not it \w+ that (?:\w+ ){0,3}(?:never|always)\b|\bis not it \w+ (?:\w+ ){0,4}when (?:there are|there is|you have|you get)\b|"
                    r"^(?:so )?do not you (?:find|think|feel) that (?:\w+ ){0,2}(?:\w+s)\b")


def generalizing(sentences: list[str]) -> str:
    """The generalizing cues of the table above."""
    for s in sentences:
        low = re.sub(_LEAD, "", _sub(s))
        if r := _present_how(low):
            return r
        m = _WHEN_PRESENT.match(low)
        if m and not _PAST.search(m.group(1)) and not re.search(r"\b(?:would|could|will)\b", low):
            return "a present-tense when-clause asks about what generally happens; ask about the last time"
        if re.search(r"\bwhat goes (?:through|on in) your (?:head|mind) when (?:you|a|an|the) (?!\w+ed\b)\w+", low) and \
                not _PAST.search(re.sub(r"\b\w+ed\b", "", low)):
            return "'what goes through your head when ...' asks about a habit; ask about the last time"
        if re.search(r"\b(?:a|your|the) (?:typical|normal|average|usual|regular|ordinary) (?:\w+ )?(?:day|week|month|"
                     r"term|shift|service|night|evening|morning|weekend|season|visit|job|session|year|monday|tuesday|wednesday|"
                     r"thursday|friday|saturday|sunday)\b", low) \
                and not _PAST.search(re.sub(r"\bif\b.*?(?:,|$)", "", low)):
            return "'a typical ...' asks for a generalization; ask about the last one"
        if re.search(r"\b(?:the|your|a) (?:\w+ )?routine\b", low) and not _PAST.search(low) and \
                not re.search(r"\b(?:would|could|might)\b", low):
            return "'the routine' asks for a generalization; ask about the last time"
        m = _SUPERLATIVE.match(re.sub(r"^.*\s,\s(?=what )", "", low))
        if m and not _PAST.search(m.group(3)) and m.group(1) != "last":
            return f"'the {m.group(1)} {m.group(2)}' asks for a general judgement; ask about one occasion"
        if _RATE.search(low) and not _PAST.search(low) and not re.search(r"\b(?:would|could|might|reckon|think)\b", low):
            return "a rate or 'these days' asks about a habit; ask about one occasion"
        if _CLAIM.search(low) and not _PAST.search(low):
            return "a general claim asks about what usually happens; ask about one occasion"
        if re.match(r"what (?:do|does) (?!you\b|they\b|we\b|i\b|it\b|he\b|she\b|your\b|the\b|this\b|that\b)"
                    r"(\w+s) (?:\w+ ){0,2}?(?!think|feel|mean)\w+\b", low) and not _PAST.search(low):
            return "a group as the subject in the present asks for a generalization; ask about one occasion"
    return ""


_JUDGED = re.compile(r"\b(?:so much|such an?|super|really|honestly|notoriously|faster|quicker|cheaper|better|"
                     r"easier|than any|a real hit|game.changer|let down|hard work|love|loves|appreciate|"
                     r"appreciates|best|worst|known for)\b")
_PREAMBLE_SUBJECT = re.compile(r"^(?:(?:so|and|well|ok|okay|now|honestly)\s,?\s?)*(?:our|the new|the \w+ \w+ has|"
                               r"the \w+ has|\w+s (?:are|have|really|always|never|tell)|after all|everyone|"
                               r"a lot of|most|people)\b")
_ECHO = re.compile(r"^(?:(?:so|and|well|ok|okay|now)\s,?\s?)*(?:you (?:said|mentioned|told|wrote|were saying)|"
                   r"if i remember|earlier you|i heard you|i know you said)\b")


def _preamble(sentences: list[str]) -> str:
    if len(sentences) > 1:
        return " ".join(_sub(s) for s in sentences[:-1])
    low = _sub(sentences[0])
    parts = re.split(r"\s,\s(?=(?:so\s|and\s)?(?:how|what|why|tell|walk|when|did|do|talk|take|describe)\b)", low,
                     maxsplit=1)
    return parts[0] if len(parts) == 2 else ""


def leading(sentences: list[str]) -> str:
    """The leading cues of the table above."""
    pre = _preamble(sentences)
    if pre and not pre.endswith("?") and _PREAMBLE_SUBJECT.search(pre) and not _ECHO.search(pre):
        if _JUDGED.search(pre) or any(abs(valence(w)) >= 1.5 for w in pre.split()):
            return "the preamble praises, pitches or blames; ask without it"
    for s in sentences:
        low = _sub(s)
        if re.search(r"\bmust (?:save|cut|make|help|hate|love|be (?:so |really |pretty )?\w+|have been (?:so |very |"
                     r"really |pretty )?\w+)\b", low) and not re.match(_LEAD + r"(?:what|how|why|who|where|which)\b", low):
            return "'must ...' presupposes the judgement"
        m = re.search(r"\b(?:i am guessing|i imagine|i bet|i assume|i suppose|i guess|i expect)\b(.*)", low)
        if m and (any(abs(valence(w)) >= 1.5 for w in m.group(1).split()) or
                  re.search(r"\b(?:pretty|really|so|very) \w+", m.group(1))):
            return "a guess about the judgement presupposes it"
        if re.search(r"\bwhat (?:was|is) it that made (?:\w+ ){1,5}so\b", low):
            return "'what made ... so' presupposes the judgement"
        if re.search(r"\bhow much (?:time|money|effort|work) did (?:our|the new|your new) (?:\w+ ){1,3}save\b", low):
            return "'how much did our new X save you' presupposes the benefit"
    return ""


def closed(sentences: list[str]) -> str:
    """The closed cues of the table above."""
    if len(sentences) != 1:
        return ""
    low = re.sub(_LEAD, "", _sub(sentences[0])).rstrip(" ?")
    parts = [p for p in re.split(r"\s(?:,\s)?and\s(?=how|what|which)", low) if p.strip()]
    if len(parts) == 2 and all(_one_fact(p) for p in parts):
        return "every part asks for one number or pick"
    if re.search(r"\bwhich (?:one )?would (?:you|they) (?:use|pick|choose|prefer|go for)\b(?: (?:more|most|first))?$", low):
        return "'which would you ...' asks for one pick"
    if _one_fact(low):
        return "one fact asked after 'in general'"
    if re.search(r"\bhow much of (?:your|the) \w+ would\b", low):
        return "'how much of ...' asks for one amount"
    return ""


_DOUBLE = (
    (re.compile(r"\b(?:you|the [\w-]+|your [\w-]+|[\w-]+) and (?:your|the|his|her|their) (?:[\w-]+ ){1,2}each "
                r"(?:react|reacted|respond|responded|feel|felt|think|thought|say|said|take|took|handle|handled)\b"),
     "two people's separate reactions ('... each'); ask about each in turn"),
    (re.compile(r"^(?:(?:so|and|ok|okay|um|erm)\s,?\s?)*how did (?:the|your) (?:[\w-]+ ){1,2}and (?:the|your) "
                r"(?:[\w-]+ ){1,2}(?:react|respond|take it|take the news)\b"),
     "two people's separate reactions; ask about each in turn"),
    (re.compile(r"^(?:(?:so|and|ok|okay|um|erm)\s,?\s?)*(?:tell me about|walk me through|talk me through|what|how)\b"
                r".*\b(?:the|your) [\w-]+ .*\band the one (?:from|you|at|with|for|before|after|they|we)\b"),
     "two occasions or offers ('... and the one ...'); ask about each"),
    (re.compile(r"\b(?:this|last) (year|month|week|season|term|summer|winter|spring|autumn)(?:'s)? (?:\w+ )?compared "
                r"(?:to|with) (?:last|this|the previous) \w+"),
     "two time frames compared; ask about each"),
)


def double_barreled(sentences: list[str]) -> str:
    """Two people's separate reactions, "... and the one from ...", two time frames compared
    ("A versus B" is not: in real interviews it asks about one distinction); read after the
    exceptions of the other rounds (a pair of people who each react is never one story)."""
    for s in sentences:
        low = _sub(s)
        for pattern, reason in _DOUBLE:
            if pattern.search(low):
                return reason
    return ""


def hypothetical(sentences: list[str]) -> str:
    """"How worried would you be if ...", "Say a machine went down, who would you call?"."""
    for s in sentences:
        low = _sub(s)
        if re.search(r"\bhow \w+ would (?:you|they|your \w+) be (?:if|when)\b", low):
            return "'how ... would you be if' asks about a situation that has not happened"
        if re.match(r"(?:(?:so|and|ok|okay|um|erm)\s,?\s?)*(?:say|suppose|imagine) (?:a|an|the|you|your|we|they) "
                    r"[^,]+ , (?:what|who|how|where|which) would (?:you|they)\b", low):
            return "'say ..., what would you' asks about an imagined situation"
    return ""


def past_refusal(sentences: list[str]) -> bool:
    """"the last lesson where a kid just wouldn't get on the lift": a past refusal inside a
    story about one past occasion, not a hypothesis."""
    for s in sentences:
        low = _sub(s)
        if re.search(r"\b(?:last|first) [\w-]+ (?:(?:you|we|they) \w+ )?(?:where|when|that) (?:[\w-]+ ){1,3}"
                     r"(?:just |simply )?would not \w+", low) and not re.search(r"\bwhat would|\bwould you\b|\bif\b",
                                                                               low):
            return True
    return False
