"""Grammar-level cues of the seventh round of the question linter (issue 16), read after
:mod:`kit.guide.cues6` through :func:`revise`.

=================  =========================================================================
cue                what it finds
=================  =========================================================================
pitch preamble     a statement before the question in the interviewer's (or the product's)
                   voice -- "our X", "we", "us" -- that claims a quality or a benefit: a
                   quality adjective ("cheap and reliable"), a superlative or comparison
                   ("the most comprehensive in the country", "faster than any"), a verb of
                   benefit or change ("saves", "has transformed", "lets you ... in
                   seconds"), others' praise ("runners rave about our ..."), an idiom of
                   merit ("go above and beyond", "a game-changer") (leading)
general claim      a statement before the question that tells the participant what is
                   generally true: a universal subject ("everyone in the industry is
                   switching ..."), "always / never / notoriously" + a judgement, a degree
                   noun phrase ("a total rip-off", "an absolute nightmare"), a superlative
                   in the present ("are the worst payers") (leading). Not an echo of the
                   participant ("you said ..."), a statement of the research purpose ("we
                   are trying to understand ...") or a past fact ("the best seats were sold out")
presupposed        the question takes the liking or the benefit for granted: "what did you
benefit            like / love / enjoy / appreciate about", "what did you find helpful",
                   "which of our X helped most", "how much did our X help / save /
                   improve", "how did the new X make it easier", "what made it so easy"
                   (leading). Not a balanced question ("what did you like and dislike")
habitual present   the present simple of an action verb with no past anchor: a wh-subject
                   ("who keeps it up to date", "which sells better", "what goes wrong with");
                   a plural or generic subject ("do customers use ...", "how do drivers
                   ..."); an embedded "how / what you <verb>" after a story request ("...,
                   and how you price the fitting"); "your process / routine / approach for";
                   "what do you love most about", "what do you find hardest"; "what kinds
                   of X do you"; "tend(s) to", "whenever", "each / every time you" + a present
                   verb, "nowadays", "day to day", "most of the time", "a typical <noun>"
                   (generalizing)
one pick           a single-clause "which ... best / most / fastest" question (closed)
echoed habit       a habit word only inside an echo of the participant ("You said you
                   normally water at dawn -- tell me about the morning the timer failed")
                   while the question asks for one occasion: not generalizing
=================  =========================================================================

Each detector takes the sentences of one question (strings) and returns a reason or ``""``.
"""
from __future__ import annotations

import re

from kit.guide.lexicon import QUALITY_ADJ
from kit.guide.words import is_past_verb, lemma, tags, valence, words

__all__ = ["closed", "disclaimer_only", "echoed_habit", "generalizing", "habit_in_preamble", "leading", "past_inference", "revise"]

_LEAD = r"^(?:(?:so|and|ok|okay|well|now|then|right|but|um|erm|er|uh|like|alright|yeah|honestly)\s,?\s?|,\s)*"
_ASK_HEAD = r"(?:so\s|and\s|now\s)?(?:how|what|why|when|where|which|who|tell|walk|talk|take|describe|did|do|does|was|were|" \
            r"can|could|have|has|is|are)\b"
_ECHO = re.compile(_LEAD + r"(?:you (?:said|mentioned|told|described|were saying|talked|brought up|noted|have said|"
                   r"have mentioned|have told)|if i (?:remember|recall|heard)|earlier(?: on)?,? you|as you (?:said|put it)|"
                   r"i heard you|i think you said|thanks|thank you|before we (?:start|begin)|just so you know|"
                   r"(?:we|i) am (?:not|trying|talking|here|looking|hoping|doing|speaking|researching|learning|curious|"
                   r"interested|a researcher|from|working|studying|collecting)|"
                   r"(?:me and my|my) (?:team|colleagues?)(?: and i)? (?:are|am|is)|"
                   r"our (?:team|research|study|goal|aim|project|job|interest|conversation|chat|interview)s? "
                   r"(?:is|are) (?:trying|looking|hoping|to|about|just|simply|only)|"
                   r"there (?:are|is) no (?:right|wrong)|let us (?!say|imagine|suppose|pretend)\w+|"
                   r"(?:for |on to |onto |to )?our (?:final|last|next|first|second|third|closing|opening) (?:question|topic|"
                   r"section|part|area|theme))")
_OWN = {"our", "we", "us", "ours"}
_SCENARIO = re.compile(_LEAD + r"(?:let us (?:say|imagine|suppose|pretend)|say|suppose|supposing|imagine|picture|pretend|"
                       r"if|what if|assume|assuming|given)\b")
_BENEFIT_VERBS = {"save", "cut", "transform", "revolutionise", "revolutionize", "let", "help", "improve", "speed",
                  "simplify", "boost", "reduce", "eliminate", "halve", "rave", "love", "adore", "praise", "beat",
                  "outperform", "ease", "streamline", "guarantee", "double", "triple", "delight", "impress",
                  "empower", "free", "solve", "fix", "protect", "keep", "win"}
_MERIT = re.compile(r"\b(?:above and beyond|the extra mile|game[ -]changer|(?:a|huge|real|big) hit|sets? (?:us|it|them) "
                    r"apart|in (?:seconds|minutes|no time)|loads of|a fortune|hours (?:every|a|each|of)|second to none|"
                    r"like no other|than (?:any|anyone|anything|ever)|in the (?:country|town|city|region|world|market|"
                    r"industry|business|area|county|uk|sector)|on the market|award[ -]winning|industry[ -]leading|"
                    r"best[ -]in[ -]class|state[ -]of[ -]the[ -]art|five[ -]star|loved by|trusted by)\b")
# nouns after "a total / complete ..." that are a quantity or a plain thing, not a judgement
_NOT_JUDGED = (r"(?!(?:number|amount|lot|list|change|count|range|mix|set|refit|rebuild|overhaul|record|history|"
               r"picture|guide|stranger|beginner|novice)\b)[\w-]+")
_BARE_DEGREE = re.compile(r"\b(?:a|an) (?:total|complete|absolute|utter) " + _NOT_JUDGED)
_DEGREE_NP = re.compile(r"\b(?:a|an) (?:total|complete|absolute|utter|real|huge|massive|proper|right) " + _NOT_JUDGED)
_UNIVERSAL = re.compile(_LEAD + r"(?:everyone|everybody|all (?:the )?[\w-]+|most [\w-]+|every [\w-]+|no one|nobody|"
                        r"people|anyone who|whoever)\b|\b(?:everywhere|all over the (?:country|world|place)|across the "
                        r"(?:country|industry|sector|board|trade)|nationwide|up and down the country)\b")
_JUDGE_ADV = re.compile(r"\b(?:always|never|notoriously|famously|obviously|clearly|of course|everyone knows|"
                        r"let us face it|let us be honest)\b")
_PRESENT = re.compile(r"\b(?:is|are|am|has|have|do|does|can|will)\b|\b[\w-]+s\b")
_PAST_FACT = re.compile(r"\b(?:was|were|did|had|went|got|came|ago|yesterday|last)\b")
_INTENS = {"really", "so", "truly", "honestly", "incredibly", "super", "totally", "hugely", "massively",
           "genuinely", "seriously", "amazingly", "remarkably", "extremely", "very", "much", "way", "far"}


def _sub(s: str) -> str:
    return " ".join(words(s))


def _split(sentences: list[str]) -> tuple[str, str]:
    """(preamble, asked part) of a question, both normalised; the preamble is the statements
    before the last asked sentence, or in one sentence the clause before a dash, semicolon or
    colon that a question or request follows."""
    if not sentences:
        return "", ""
    if len(sentences) > 1:
        asked = [i for i, s in enumerate(sentences) if s.rstrip().endswith("?") or
                 re.match(_LEAD + r"(?:tell|walk|talk|take|describe|share|run)\b", _sub(s))]
        last = asked[-1] if asked else len(sentences) - 1
        if last > 0:
            return " ".join(_sub(s) for s in sentences[:last]), " ".join(_sub(s) for s in sentences[last:])
    s = sentences[-1]
    m = re.match(r"(.{12,}?),\s+so\s+(?=(?:how|what|why|when|where|which|who|tell|walk|did|do|does)\b)", s, re.I)
    if m and not _SCENARIO.match(_sub(m.group(1))):
        return _sub(m.group(1)), _sub(s[m.end():])
    if not re.search(r"[\u2014\u2013;:]|\s-\s|--", s):
        return "", " ".join(_sub(x) for x in sentences)
    low = _sub(re.sub(r"[;:]|--", " \u2014 ", s))
    parts = re.split(r"\s,\s(?=" + _ASK_HEAD + ")", low, maxsplit=1)
    if len(parts) == 2 and len(parts[0].split()) >= 3:
        return parts[0], parts[1]
    return "", low


def _quality(w: str) -> bool:
    return (w in QUALITY_ADJ and w not in {"available", "complete", "ok", "okay", "correct", "relevant", "hard",
                                           "difficult", "challenging", "modern", "fresh", "sufficient"}) or \
        abs(valence(w)) >= 1.0


def _superlative(toks: list[str]) -> bool:
    for i, w in enumerate(toks):
        if w in {"most", "least"} and i > 0 and toks[i - 1] == "the" and i + 1 < len(toks) and \
                "ADJ" in tags(toks[i + 1]):
            return True
        if w.endswith("est") and len(w) > 4 and "ADJ" in tags(w) and lemma(w, "ADJ") != w:
            return True
        if w in {"best", "worst"}:
            return True
    return False


def _pitch(pre: str) -> str:
    toks = pre.split()
    if not toks or _ECHO.match(pre) or not set(toks) & _OWN or _SCENARIO.match(pre):
        return ""
    if re.search(r"\b(?:our|the) (?:records?|notes?|data|logs?|system|files?|diary|calendar|survey|form)s? "
                 r"(?:show|shows|say|says|suggest|suggests)\b", pre):
        return ""  # "Our records show you cancelled twice": a fact about the participant
    if any(_quality(w) for w in toks) or _superlative(toks) or _MERIT.search(pre) or _DEGREE_NP.search(pre):
        return "the preamble praises the thing asked about (a pitch)"
    perfect_or_present = not _PAST_FACT.search(pre) or re.search(r"\b(?:has|have)\b", pre)
    if perfect_or_present and any(lemma(w, "VERB") in _BENEFIT_VERBS for w in toks if "VERB" in tags(w)):
        return "the preamble claims a benefit for the thing asked about (a pitch)"
    if any(w in _INTENS and nxt not in {"there", "that", "the", "we", "you", "it", "i", "they", "a", "an"} and
           tags(nxt) & {"ADJ", "ADV"} for w, nxt in zip(toks, toks[1:])):
        return "the preamble praises the thing asked about (a pitch)"
    return ""


def _general_claim(pre: str) -> str:
    toks = pre.split()
    if not toks or _ECHO.match(pre) or re.match(_LEAD + r"(?:i|we) (?:know|understand|realise|realize|appreciate) "
                                                 r"(?:you|that you|this|it is|your)\b", pre):
        return ""
    if _PAST_FACT.search(pre) or not _PRESENT.search(pre) or re.search(r"\b(?:if|would|could|might|imagine|suppose|"
                                                                        r"say|picture)\b", pre):
        return ""
    if _UNIVERSAL.search(pre) and re.search(r"\b(?:is|are|has|have|[\w-]+s)\b", " ".join(toks[1:])):
        return "the preamble tells the participant what everyone does or thinks"
    if _JUDGE_ADV.search(pre) and (any(_quality(w) for w in toks) or _superlative(toks) or _DEGREE_NP.search(pre)):
        return "the preamble states a judgement as a general truth"
    if _BARE_DEGREE.search(pre):
        return "the preamble judges the thing asked about"
    if _DEGREE_NP.search(pre) and any(abs(valence(w)) >= 1.0 or w in {"rip-off", "scam", "joke", "mess",
                                                                        "nightmare", "disaster", "con", "farce"}
                                      for w in toks):
        return "the preamble judges the thing asked about"
    if re.search(r"\b(?:is|are) (?:always |usually |often )?the (?:worst|best|most \w+|\w+est)\b", pre):
        return "the preamble judges the thing asked about"
    return ""


_LIKING = re.compile(r"\b(?:what|which(?: \w+){0,2}) (?:did|do|does|have|has) (?:you|they|your [\w-]+|people|"
                     r"customers|clients) (?:\w+ )?(like|love|enjoy|appreciate|value|admire|prefer)(?: most| best)? "
                     r"(?:about|in|with|of)\b")
_FOUND = re.compile(r"\bwhat (?:did|do|have) (?:you|they) (?:find|found) (?:most |so |really |particularly |especially |"
                    r"the most )?([\w-]+)")
_OUR_BENEFIT = (
    re.compile(r"\b(?:which|what) (?:of |part of |bit of |feature of )?(?:our|the new|your new) (?:[\w-]+ ){0,4}"
               r"(?:helped|saved|improved|worked|made|changed|mattered|paid off)(?: you| your [\w-]+)?"
               r"(?: (?:the )?(?:most|best|more))\b"),
    re.compile(r"\bhow (?:much|far|many)(?: [\w-]+)? (?:did|has|have|does|do) (?:our|the new|your new|us|we) (?:[\w-]+ ){0,4}?"
               r"(?:help|improve|save|ease|simplify|speed|cut|reduce|boost|change|benefit)\b"),
    re.compile(r"\bhow (?:did|has|have|does) (?:our|the new|us|we) (?:[\w-]+ ){0,4}?(?:help|helped|improve|improved|"
               r"made (?:\w+ ){0,3}(?:easier|better|simpler|faster|smoother|quicker|safer))\b"),
    re.compile(r"\bwhat (?:made|makes) (?:it|this|that|our [\w-]+|the [\w-]+|[\w-]+ing)(?: [\w-]+)? (?:so|that|such a) "
               r"(?:easy|simple|smooth|quick|fast|good|great|enjoyable|pleasant|painless|successful|effective|helpful|"
               r"useful|convenient|popular|special)\b"),
    re.compile(r"\b(?:our|we) (?:[\w-]+ ){0,3}?(?:saved|helped|improved|transformed|simplified|sped up|made (?:\w+ ){0,3}"
               r"(?:easier|better|simpler|faster|quicker|smoother))\b"),
    re.compile(r"\bhow (?:quickly|fast|easily|smoothly|well|promptly|efficiently|kindly|carefully|much (?:easier|better|"
               r"faster|quicker|simpler)) (?:(?:did|do|does|has|have|had|was|were|is|are) )?(?:we|our|us)\b"),
    re.compile(r"\bwhy (?:did|do|would) you (?:\w+ )?(?:choose|pick|prefer|trust|love|go with|stick with|switch to|"
               r"come back to|recommend) (?:us|our|we)\b"),
)


_EFFORT = re.compile(r"\b(?:we|i|our team|the team) (?:have |has |had )?(?:spent|put|invested|poured|worked) (?:in |on )?"
                     r"(?:a (?:whole |full )?(?:year|month|week)|(?:\w+ )?(?:years|months|weeks|ages|hours|so long|a lot|"
                     r"a fortune|so much|everything|our hearts?))\b")
_SUGGESTED = re.compile(_LEAD + r"(?:was|is|were) it (?:the|your|because|that|those|these|their|his|her) (?:[\w-]+ ){1,4}?"
                        r"(?:that|which|who) ")
_MUST = re.compile(_LEAD + r"(?!(?:what|how|why|who|which|where|when)\b)(?:[\w-]+ ){0,4}?must (?:have (?:[\w-]+)|be "
                   r"(?:so|really|very|pretty|such|a|an|the)?\s?[\w-]+)")


def _presupposed(asked: str) -> str:
    if _SUGGESTED.match(asked) and not re.search(r"\bor\b", asked):
        return "'was it X that ...' offers the participant an answer"
    if (m := _MUST.match(asked)) and (re.search(r"\b(?:a lot|so much|really|our|us|we)\b", asked) or
                                      any(abs(valence(w)) >= 1.0 for w in m.group(0).split())):
        return "'... must have ...' presupposes the answer"
    m = _LIKING.search(asked)
    if m and re.search(r"\b(?:our|us|we)\b", asked) and not re.search(r"\b(?:dislike|disliked|not like|not enjoy|not love|hate|hated|least|worst|less|or not|"
                           r"frustrat\w*|annoy\w*|wrong)\b", asked) and not re.search(r"\b(?:like|love|prefer) to\b",
                                                                                   asked[m.start():m.end() + 3]):
        return f"'what did you {m.group(1)} about' presupposes the liking"
    m = _FOUND.search(asked)
    if m and valence(m.group(1)) >= 1.0 and not re.search(r"\b(?:or|and) (?:what|which)\b|\bleast\b|\bunhelpful\b", asked):
        return f"'what did you find {m.group(1)}' presupposes the benefit"
    for pattern in _OUR_BENEFIT:
        if pattern.search(asked):
            return "the question takes the benefit of the thing for granted"
    return ""


def leading(sentences: list[str]) -> str:
    """The leading cues of the table above."""
    pre, asked = _split(sentences)
    if pre and (r := _pitch(pre) or _general_claim(pre)):
        return r
    if pre and _EFFORT.search(pre) and not _SCENARIO.match(pre):
        return "the preamble tells the participant how much work went into it"
    return _presupposed(asked) if asked else ""


# --------------------------------------------------------------------------------------
# Generalizing
# --------------------------------------------------------------------------------------
_PAST = re.compile(r"(?<![\w-])(?:last|yesterday|ago|recent|recently|that day|that time|this morning|this time|"
                   r"that week|that night|that one|was|were|did|had|went|happened|first|then|earlier|today|"
                   r"tonight)(?![\w-])")
_STATIVE = {"is", "was", "has", "does", "means", "matters", "seems", "looks", "sounds", "feels", "knows", "needs",
            "wants", "comes", "stands", "happens", "remains", "belongs", "depends", "includes", "contains", "counts",
            "worries", "bothers", "frustrates", "annoys", "excites", "surprises", "strikes", "springs", "pops",
            "makes", "gets", "says", "thinks", "likes", "loves", "hates", "helps", "interests", "appeals", "concerns",
            "applies", "exists", "fits", "suits", "lies", "holds"}
_OPINION = {"trust", "feel", "think", "find", "rate", "like", "see", "view", "compare", "know", "mean", "say", "describe",
            "define", "spell", "pronounce", "want", "explain", "measure", "judge", "rank", "score", "help", "affect",
            "need", "hope", "expect", "reckon", "imagine", "picture", "remember", "recall", "believe", "call", "consider",
            "wish", "prefer", "love", "hate", "enjoy", "mind", "care", "understand", "notice", "hear", "have", "be",
            "get", "make", "wonder", "suppose", "guess", "agree", "look", "sound", "seem", "remind", "recommend",
            "suggest", "would", "could", "should", "might", "will", "can", "must", "do", "did", "does"} - {"get"}
_GENERAL_NOUN = re.compile(r"\b(?:what|how) (?:is|are) your (?:usual |normal |general |typical |standard |overall |"
                           r"current |everyday |day-to-day )?(?:process|routine|approach|system|method|strategy|"
                           r"workflow|procedure|technique|rule of thumb|go-to|ritual|habit|set-?up|way of working|"
                           r"policy|practice)e?s?\b")
_HABIT = re.compile(r"\btends? to\b|\bnowadays\b|\bthese days\b|\bday[ -]to[ -]day\b|\bmost of the time\b|\bas a rule\b|"
                    r"\bon the whole\b|\bfrom week to week\b|\bmonth to month\b|\bweek in,? week out\b|"
                    r"\b(?:a|your|the) (?:typical|usual|average) [\w-]+")


def _action(verb: str) -> bool:
    return "VERB" in tags(verb) and verb not in _OPINION and lemma(verb, "VERB") not in _OPINION and \
        not is_past_verb(verb) and not verb.endswith("ed")


def _clauses(low: str) -> list[str]:
    return [c.strip() for c in re.split(r"\s,\s|\s(?:and|but)\s(?=how|what|who|which|where|do|does|when)", low) if c.strip()]


def _habitual_clause(c: str, prior: str) -> str:
    """A habit in one clause; ``prior`` is the text of the question before the clause (a
    clause in the present after a past-anchored one switches from the instance to the habit)."""
    if _PAST.search(c) or re.search(r"\b(?:would|could|will|might|if|now|currently|still)\b", c):
        return ""
    m = re.match(_LEAD + r"(?:and |or )?(?:who|what|which(?: one| of [\w-]+| [\w-]+)?) ([\w-]+s) ([\w-]+)?(.*)", c + " ")
    if m and m.group(1) not in _STATIVE and "VERB" in tags(m.group(1)) and lemma(m.group(1), "VERB") != m.group(1) \
            and m.group(2) not in {"do", "does", "did", "are", "is", "have", "has", "were", "was", "would", "will"} \
            and re.search(r"\b(?:better|best|more|most|worse|worst|less|least|first|fastest|quickest)\b",
                          f"{m.group(2)} {m.group(3)}"):
        return f"'{m.group(1)}' in the present asks what generally happens; ask about the last time"
    m = re.match(_LEAD + r"(?:and |or )?(?:(?:how|what|where|when|why|who|which) )?(?:do|does) (?!you\b|i\b|we\b)"
                 r"((?:the |your |most |our |their )?[\w-]+s|they|people|folks) ([\w-]+)\b(.*)", c)
    if m and m.group(1) not in {"this", "is", "its", "has", "was", "does"} and _action(m.group(2)) and \
            ("NOUN" in tags(m.group(1).split()[-1]) or m.group(1) in {"they", "people", "folks"}):
        return "the present simple about a group asks what generally happens; ask about the last time"
    m = re.search(r"(?:^|\b(?:tell me|walk me through|talk me through|describe|explain|show me|,|and) )(?:a bit about |"
                  r"more about |about )?(?:how|what|where|when|why|which [\w-]+) (?:you|they|your [\w-]+) (?:usually |normally |"
                  r"typically |generally |actually )?([\w-]+)\b(.*)", c)
    switched = bool(prior and _PAST.search(prior))  # "the last time you ordered stock, and how you price ..."
    if m and switched and _action(m.group(1)) and m.group(1) not in {"do", "did"} and not m.group(1).endswith("s") \
            and not re.search(r"\b\w+ed\b", m.group(2)):
        return f"'how you {m.group(1)}' in the present after a past occasion asks about a habit; ask about the last time"
    m = re.search(r"\bhow (?:do|does) (?:you|they) (?:usually |normally |typically |generally |actually )?([\w-]+)", c)
    if m and switched and _action(m.group(1)):
        return f"'how do you {m.group(1)}' in the present after a past occasion asks about a habit; ask about the last time"
    return ""


def generalizing(sentences: list[str]) -> str:
    """The generalizing cues of the table above."""
    pre, asked = _split(sentences)
    low = asked or _sub(" ".join(sentences))
    if not low:
        return ""
    whole_past = bool(_PAST.search(low))
    if m := _GENERAL_NOUN.search(low):
        return f"'{m.group(0)}' asks for the general case; ask about the last time"
    if not whole_past and (m := _HABIT.search(low)) and not re.search(r"\b(?:would|could|if)\b", low):
        return f"'{m.group(0)}' asks for the general case; ask about the last time"
    if re.search(r"\bwhat do (?:you|they) (?:\w+ )?(?:love|like|enjoy|hate|dislike) (?:the )?(?:most|least|best) "
                 r"about [\w-]+ing\b(?!.*\b(?:us|our)\b)", low) or \
            re.search(r"\bwhat do (?:you|they) (?:\w+ )?find (?:the )?(?:most \w+|least \w+|hardest|easiest|trickiest|"
                      r"\w+est) (?:about|in|with|when)\b", low) or \
            re.search(r"\bwhat (?:kinds?|types?|sorts?) of [\w-]+ (?:\w+ )?(?:do|does) (?:you|they|your [\w-]+)\b", low):
        return "a present-tense question about the general case; ask about the last time"
    if re.search(r"\b(?:whenever|each time|every time)\b", low) and \
            not re.search(r"\b(?:whenever|each time|every time) (?:[\w-]+ ){0,4}?(?:[\w-]+ed|was|were|did|had|went|got|"
                          r"came|made|took|said)\b", low) and not whole_past:
        return "'whenever / every time' asks for the general case; ask about the last time"
    if re.search(r"\bwhat goes (?:wrong|well|right|badly)\b", low) and not whole_past:
        return "'what goes wrong' asks for the general case; ask about the last time"
    m = re.search(r"\bwhen(?:ever)? (?:you|they|people|customers|clients|[\w-]+s) (?:first )?([\w-]+)\b", low)
    if m and re.match(_LEAD + r"(?:(?:what|how|which|who|where|why) (?:is|are)|whats)\b", low) and not whole_past and \
            _action(m.group(1)) and not m.group(1).endswith("s") and not re.search(r"\b(?:would|could|will|if)\b", low):
        return "a present-tense when-clause asks about what generally happens; ask about the last time"
    prior = []
    for c in _clauses(low):
        if r := _habitual_clause(c, " ".join(prior)):
            return r
        prior.append(c)
    return ""


def echoed_habit(sentences: list[str]) -> bool:
    """A habit word only in an echo of the participant while the question asks for one
    occasion ("You said you normally ... -- tell me about the morning the timer failed")."""
    pre, asked = _split(sentences)
    if not pre or not _ECHO.match(pre) or not re.match(_LEAD + r"you (?:said|mentioned|told)", pre):
        return False
    return bool(re.search(r"\b(?:the|that|one) (?:[\w-]+ ){0,2}(?:time|day|morning|night|evening|week|visit|job|"
                          r"occasion|moment)\b|\blast\b", asked)) and not re.search(
        r"\b(?:usually|normally|typically|generally|often|always|tend|tends)\b", asked)


_ONE_OCCASION = re.compile(r"\b(?:last|yesterday|ago|that (?:day|time|night|morning|week)|the (?:morning|day|night|time|"
                           r"week|evening|moment) (?:you|when|that|the|your|a|an|it|we|they)|on (?:monday|tuesday|wednesday|"
                           r"thursday|friday|saturday|sunday))\b")
_HABIT_WORD = re.compile(r"\b(?:usually|normally|typically|generally|often|always|never|tends?|every|each|whenever|"
                         r"in general|routinely|regularly|typical|usual)\b")


def habit_in_preamble(sentences: list[str]) -> bool:
    """A habit or a general claim only in the statement before the question, while the
    question asks for one occasion ("Couriers are always late; tell me about your last late
    parcel."): the question itself does not generalize."""
    pre, asked = _split(sentences)
    return bool(pre and asked and _HABIT_WORD.search(pre) or pre and asked and re.search(r"\bmust\b", pre)) and \
        bool(_ONE_OCCASION.search(asked)) and not _HABIT_WORD.search(asked) and not generalizing([asked])


def past_inference(sentences: list[str]) -> bool:
    """"... must have made it easier": an inference about one past change, not a general claim."""
    low = _sub(" ".join(sentences))
    return bool(re.search(r"\bmust have (?!to\b)[\w-]+", low)) and not _HABIT_WORD.search(low) and \
        not re.search(r"\bmust (?:be|get|see|deal|run|struggle)\b", low)


def closed(sentences: list[str]) -> str:
    """"Which fabric sells fastest?", "Which of our formats worked best?": a single-clause
    "which" question with a superlative or comparative asks for one pick (closed)."""
    if len(sentences) != 1:
        return ""
    low = _sub(sentences[0])
    if re.search(r"\b(?:and|why|how|but)\b", low):
        return ""
    if re.match(_LEAD + r"which\b(?: of)?(?: [\w'-]+){0,4}? [\w-]+ (?:the )?(?:best|most|fastest|quickest|first|better|more|"
                r"worst|least|slowest|cheapest)\b", low):
        return "'which ... best / most' asks for one pick"
    return ""


_DISCLAIMER = re.compile(r"\bno (?:right|wrong|bad|silly|stupid)(?: or (?:right|wrong|good))? answers?\b|\bnothing you "
                         r"(?:say|tell me) (?:is|will be|can be) (?:wrong|bad)\b|\bno (?:answer|opinion) is (?:wrong|bad)\b")


def disclaimer_only(sentences: list[str]) -> bool:
    """The statement before the question only says that any answer is welcome ("there are no
    wrong answers"), with no pitch or claim: it invites criticism rather than leading."""
    pre, _ = _split(sentences)
    return bool(pre and _DISCLAIMER.search(pre)) and not _pitch(pre) and not _general_claim(pre) and \
        not leading([s for s in sentences if not _DISCLAIMER.search(_sub(s))] or [""])


def revise(sentences: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """The reasons of the earlier rounds with this round's cues added (leading, generalizing)
    and its exception applied (an echoed habit is not generalizing). Returns a new dict."""
    out = dict(reasons)
    if not sentences:
        return out
    if "leading" not in out and (r := leading(sentences)):
        out["leading"] = r
    if "leading" in out and disclaimer_only(sentences):
        del out["leading"]
    if "closed" not in out and (r := closed(sentences)):
        out["closed"] = r
    if "generalizing" not in out and (r := generalizing(sentences)):
        out["generalizing"] = r
    if "generalizing" in out and (echoed_habit(sentences) or habit_in_preamble(sentences) or
                                  (out["generalizing"].startswith("a general claim") and past_inference(sentences))):
        del out["generalizing"]
    return out
