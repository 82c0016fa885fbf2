"""Grammar-level cues of the eighth round of the question linter (issue 16), read after
:mod:`kit.guide.cues7` through :func:`revise`.

=================  =========================================================================
cue                what it finds
=================  =========================================================================
habit choice       a yes/no or either-or question in the present simple about what the
                   respondent (or their customers, patients, clients ...) does or likes in
                   general, not on one occasion: a preference verb ("do you prefer morning or
                   evening classes", "which do customers prefer"), an action verb offering two
                   ways, places or times ("do you use a spreadsheet or our app for ...", "do
                   you run payroll weekly or monthly", "do you get your trousers hemmed here
                   or somewhere else"), "more / mostly" between two ("do you sell more at the
                   farm gate or at festivals") (closed and generalizing). Not a state of
                   possession, memory or opinion ("do you have", "do you remember the last
                   time ...", "do you think ..."), not "is there anything else ..."
general quality    "is X more <adjective> than Y (for you)", "is X the <superlative> <noun> of
                   the year / in your week", "is X too <adjective> in the evenings": a
                   comparison or a superlative about the general case in the present (closed
                   and generalizing)
negative           "what's the worst / most frustrating / most annoying thing / part / bit
superlative        about <X>" in the present asks for the general case (generalizing); by the
                   majority of the independent authors (blind6, 7, 9, 10, 12 against blind4,
                   5, 8, 11) it is not leading when nothing else in the question judges; a
                   story request about the worst one on a past occasion ("tell me about the
                   most annoying bit of paperwork you dealt with last month") is not leading
=================  =========================================================================

Each detector takes the sentences of one question (strings) and returns a reason or ``""``.
"""
from __future__ import annotations

import re

from kit.guide.words import is_past_verb, tags, valence, words

__all__ = ["closed", "double_barreled", "general_quality", "generalizing", "habit_choice", "leading",
           "negative_superlative", "revise"]

_LEAD = r"^(?:(?:so|and|ok|okay|well|now|then|right|but|um|erm|er|uh|like|alright|yeah|honestly|just)\s,?\s?|,\s)*"
_WHO = r"(?:you|u|your [\w-]+|customers|clients|patients|people|members|students|parents|guests|visitors|users|" \
       r"shoppers|buyers|drivers|staff|players|riders|owners|tenants|families|kids|diners|readers|donors|[\w-]+s)"
_NOT_HABIT = {"have", "know", "remember", "recall", "think", "feel", "believe", "mean", "want", "need", "agree",
              "understand", "see", "mind", "reckon", "expect", "hope", "wish", "guess", "suppose", "say", "find",
              "care", "like", "love", "hate", "ever", "still", "currently", "already", "both", "all", "even"}
_NEG_SUPER = r"(?:worst|(?:most|least) (?:frustrating|annoying|irritating|stressful|painful|tedious|aggravating|" \
             r"infuriating|exasperating|maddening|tiresome|draining|confusing|difficult|challenging)|biggest (?:pain|" \
             r"headache|hassle|frustration|nightmare))"


def _sub(s: str) -> str:
    return " ".join(words(s))


def _asked(sentences: list[str]) -> str:
    """The last sentence that asks (ends with "?"), or the last sentence."""
    asked = [s for s in sentences if s.rstrip().endswith("?")]
    return _sub((asked or sentences)[-1])


def habit_choice(sentences: list[str]) -> str:
    """"Do you prefer morning or evening classes", "Do you run payroll weekly or monthly",
    "Which do customers prefer, ...": a present-simple choice about a habit or a preference."""
    if not sentences:
        return ""
    low = _asked(sentences)
    if re.search(r"\b(?:last|yesterday|ago|this morning|today|tonight|right now|at the moment)\b", low):
        return ""
    if re.match(_LEAD + r"which (?:(?:one|[\w-]+) )?(?:do|does) " + _WHO + r" (?:usually |generally |mostly )?prefer\b", low):
        return "'which do ... prefer' asks for one pick about a general preference"
    m = re.match(_LEAD + r"(?:would you say )?(?:do|does) " + _WHO + r" (?:(?:usually|normally|generally|mostly|typically|tend to) )?"
                 r"([\w-]+)\b(.*)$", low)
    if not m:
        return ""
    verb, rest = m.group(1), m.group(2)
    if verb in _NOT_HABIT or "VERB" not in tags(verb):
        return ""
    if verb == "prefer" and (" or " in rest or " to " in rest or " over " in rest):
        return "a present-simple preference between two asks for one pick about the general case"
    if re.search(r"\bor\b(?! not\b| anything\b| something\b| anyone\b| someone\b| so\b)", rest) and \
            not re.search(r"\b(?:and|but|why|how|what|when|where)\b", rest):
        return "a present-simple either-or about a habit asks for one pick about the general case"
    if re.match(r" (?:more|mostly|most)\b", rest) and re.search(r"\bor\b", rest):
        return "'do you <verb> more X or Y' asks for one pick about the general case"
    return ""


def general_quality(sentences: list[str]) -> str:
    """"Is sealcoating more profitable than new paving for you?", "Is X the hardest job of the
    year?", "Is the gym too crowded in the evenings?": a comparison, superlative or excess about
    the general case in the present."""
    if len(sentences) != 1:
        return ""
    low = _sub(sentences[0])
    if not re.match(_LEAD + r"(?:is|are) (?!not\b|there\b|that\b|this\b|it\b|anything\b|anyone\b)", low) or \
            re.search(r"\b(?:last|yesterday|ago|today|this (?:morning|week|time)|now|true|and)\b", low):
        return ""
    if re.search(r"\bor\b.* (?:where|what|how|when) (?:you|your [\w-]+|customers|people) (?:[\w-]+ ){1,3}?(?:most|more)\b", low):
        return "'is X or Y where you ... most' asks for one pick about the general case"
    if re.search(r"\b(?:more [\w-]+|[\w-]+er)(?: for (?:you|them|your [\w-]+))? than\b", low):
        return "a present comparison asks about the general case"
    if re.search(r"\bthe (?:biggest|hardest|worst|best|busiest|most [\w-]+|[\w-]+est) [\w-]+ (?:of|in) (?:the|your|a) "
                 r"(?:year|week|month|day|season|job|business|trade)\b", low):
        return "a present superlative asks about the general case"
    if re.search(r"\btoo [\w-]+ (?:in|on|at|during) the (?:evenings|mornings|weekends|afternoons|holidays|summer|winter)\b",
                 low) or re.search(r"\btoo [\w-]+ on (?:weekends|mondays|fridays|saturdays|sundays)\b", low):
        return "a present judgement of a recurring time asks about the general case"
    return ""


_NEG_RE = re.compile(_LEAD + r"what(?: is|s| are)? (?:the|your) " + _NEG_SUPER +
                     r"(?: (?:single )?(?:thing|part|bit|aspect|step|task)s?)? (?:about|of|with|in|when) (.+)$")


def negative_superlative(sentences: list[str]) -> str:
    """"What's the worst thing about the night shift", "What's the most frustrating about
    managing the membership list": the general case, asked through its worst part."""
    if not sentences:
        return ""
    m = _NEG_RE.match(_asked(sentences))
    if not m or re.search(r"\b(?:was|were|did|had|last|yesterday|ago)\b", m.group(1)):
        return ""
    return "'the worst / most frustrating thing about' asks for the general case"


def _judges(sentences: list[str]) -> bool:
    """Anything besides the negative superlative that judges: a preamble, an evaluative word."""
    if len(sentences) > 1:
        return True
    m = _NEG_RE.match(_asked(sentences))
    rest = m.group(1) if m else ""
    return bool(re.search(r"\b(?:our|we|us|must|surely|always|everyone|really|so|such)\b", rest)) or \
        any(abs(valence(w)) >= 1.0 for w in rest.split())


_LEADING = (
    (re.compile(r"^(?:[\w-]+ ){0,2}(?:everyone|everybody|people|(?<!\bdid )(?<!\bdo )(?<!\bdoes )(?<!\bwill )(?<!\bwould )"
                r"(?<!\bcould )(?<!\bcan )(?<!\bhad )they|all [\w-]+) (?:says?|tells? me|knows?|agrees?)\b"),
     "the question opens with what everyone says"),
    (re.compile(r"(?:^|\s)(?:since|as|because|given that|seeing as) (?:[\w'-]+ ){1,5}(?:is|are|was|were) (?:such an?|so|"
                r"really|a real|a total|an absolute|a complete|notoriously)\b"), "a reason clause takes a judgement for granted"),
    (re.compile(r"^knowing how [\w-]+ you are\b"), "flattery before the question"),
    (re.compile(r"\b(?:you have probably|you probably|i bet|i am sure you|i am sure that you)\b(?=.*\s[\u2014\u2013,-]\s)"),
     "the preamble takes the answer for granted"),
    (re.compile(r"\bwould not (?:that|it|this|they) (?:make|help|save|be)\b"), "a negative question expects 'yes'"),
    (re.compile(r"\bhow much (?:has|have|did) (?:[\w'-]+ ){1,4}?(?:improved?|grown|grow|increased?|gone up|go up|risen|rise)\b"),
     "'how much has X improved' takes the improvement for granted"),
    (re.compile(r"\bwhat (?:good|great|useful|helpful|valuable) [\w-]+ (?:did|do|have|has)\b"),
     "'what good X did' takes the quality for granted"),
    (re.compile(r"^[\w-]+s always (?!been\b)[\w-]+ (?:something|things|everything|it)\b"), "a general claim about the trade"),
    (re.compile(r"^(?:is|are) (?!not\b)(?:[\w'-]+ ){1,4}the (?:biggest|hardest|worst) (?:headache|job|pain|problem|challenge|"
                r"hassle|chore)\b"), "the question offers its own answer"),
)
_TRAIL = re.compile(r"\b(?:way|much|so|far|a lot) (?:[\w-]+er|more [\w-]+|better) than\b")


def leading(sentences: list[str]) -> str:
    """Presuppositions the earlier rounds missed: "everyone says ...", "since X is such a
    nightmare", "knowing how careful you are", "you've probably ... -- how many", "wouldn't
    that make ...", "how much has X improved", "what good advice did they give", "movers always
    break something", "is X the biggest headache", a pitch after the question ("It's way
    quicker than the old one")."""
    low = " , ".join(_sub(s) for s in sentences)
    for pattern, reason in _LEADING:
        if pattern.search(low):
            return reason
    if len(sentences) > 1 and sentences[0].rstrip().endswith("?") and \
            any(not s.rstrip().endswith("?") and _TRAIL.search(_sub(s)) for s in sentences[1:]):
        return "a comparison after the question tells the answer"
    return ""


_ONE_NUMBER = (
    re.compile(r"\bhow much (?:more|extra|less) (?:would|will|do|did) you (?:pay|spend|charge)\b"),
    re.compile(_LEAD + r"what(?: is|s)? (?:your|the) (?:typical|usual|average|normal) (?:[\w-]+ ){0,2}(?:size|number|price|rate|"
               r"cost|budget|count|spend|wage|fee|turnover|headcount)\b"),
    re.compile(_LEAD + r"what do (?:[\w-]+ ){1,2}(?:usually |normally |typically )?(?:get paid|pay|charge|earn|cost) per\b"),
    re.compile(_LEAD + r"what (?:temperature|size|colour|color|percentage|price|age) (?:was|is|were|are|did)\b"),
)


def closed(sentences: list[str]) -> str:
    """One number or one pick: "how much more would you pay", "what's your typical crew size",
    "what do pickers usually get paid per bin", "what temperature was the mix"; a rating scale
    anywhere ("on a scale of 1 to 10, ..., and ..."); "would you <verb> ... if ..." (yes or no).
    Not an open clause followed by ", and how long did ..." (most authors: open, double-barreled)."""
    low = _asked(sentences)
    if re.search(r"\bon a scale (?:of|from)\b", low):
        return "a rating scale asks for one number"
    if re.match(_LEAD + r"would you (?!say\b|like\b|mind\b|rather\b)[\w-]+ (?:[\w'-]+ ){0,8}if\b", low) and \
            not re.search(r"\b(?:how|what|why|which|who|where|when)\b", low):
        return "'would you ... if ...' asks for yes or no"
    if re.search(r"\b(?:and|why|how (?!much))\b", low.split(" how much ")[0] if " how much " in low else low):
        return ""
    return "the answer is one number or one fact" if any(p.search(low) for p in _ONE_NUMBER) else ""


_APPENDED = re.compile(r"\s,\s+or (?!not\b|something\b|so\b|anything\b|what\b|both\b|neither\b|no\b|never\b|later\b|"
                       r"less\b|more\b|else\b|other\b|someone\b|anyone\b|somewhere\b)(?:the |your |a |an )?[\w-]+(?: [\w-]+)?"
                       r"(?: [?.!])?$")


def double_barreled(sentences: list[str]) -> str:
    """"Is the parking a problem for you, or the queues?" (a second topic appended), "did you try
    both the new wall and the cave section", "do coaches and parents both use ..." (two subjects, each to be answered for)."""
    low = _asked(sentences)
    if _APPENDED.search(low) and low.count(" , ") == 1 and not re.match(_LEAD + r"(?:was|is|were|are) (?:it|that)\b", low):
        return "a second topic appended with ', or ...'"
    if re.match(_LEAD + r"(?:[\w-]+ ){0,2},?\s?(?:did|do|does|have|has|was|were|is|are) ", low) and \
            (re.search(r"\bboth (?:the |your |a )?[\w-]+(?: [\w-]+){0,2} and\b", low) or
             re.search(r"\b[\w-]+s? and (?:the |your )?[\w-]+ both\b", low)):
        return "'both X and Y' asks two questions"
    return ""


def generalizing(sentences: list[str]) -> str:
    """The general case the earlier rounds missed: "would you say your patients mostly ...",
    "describe the last X, and also how you recruit ...", "what makes an inspection go smoothly",
    "how rewarding has volunteering been for you", "is that true for yours"."""
    low = " ".join(_sub(s) for s in sentences)
    if re.match(_LEAD + r"would you say (?:[\w-]+ ){0,3}(?:mostly|usually|generally|normally|typically)\b", low):
        return "'would you say ... mostly' asks about the general case"
    m = re.search(r"\band also how (?:you|they|your [\w-]+) ([\w-]+)", low)
    if m and not is_past_verb(m.group(1)) and m.group(1) not in {"did", "were", "had", "was"}:
        return "a second clause asks how it is usually done"
    if re.match(_LEAD + r"what makes (?:a |an |the )?(?:[\w-]+ ){1,3}(?:go|run|work) (?:smoothly|well|badly|wrong)\b", low):
        return "'what makes X go smoothly' asks about the general case"
    if re.match(_LEAD + r"how [\w-]+ (?:has|have) (?:[\w'-]+ ){1,3}been for (?:you|your [\w-]+)\b", low):
        return "'how ... has X been for you' sums up the whole period"
    if re.search(r"\bis that (?:true|the case|so) (?:for|at|in) (?:you|yours|your [\w-]+)\b", low):
        return "it asks whether a general claim holds for them"
    if re.search(r"\bwhats the worst (?:bit|part|thing)\s*\??$|\bwhat is the worst (?:bit|part|thing)\s*\??$", low) and \
            len(_sub(sentences[-1]).split()) > 8:
        return "'the worst bit' of a general chore"
    return ""


_ONE_PAST_WORST = re.compile(_LEAD + r"(?:tell me about|describe|walk me through|talk me through) the " + _NEG_SUPER +
                             r" (?:[\w-]+ ){1,4}?(?:you|that you|you have) (?:[\w-]+ ){0,4}?(?:last|yesterday|ago|this) "
                             r"(?:[\w-]+ ?)*[?.!]?$")


def revise(sentences: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """The reasons of the earlier rounds with this round's cues added (closed and generalizing
    for a habit choice or a general quality; generalizing for a present negative superlative,
    whose leading reason is dropped when nothing else judges). Returns a new dict."""
    out = dict(reasons)
    if not sentences:
        return out
    for flag, fn in (("leading", leading), ("closed", closed), ("double-barreled", double_barreled),
                     ("generalizing", generalizing)):
        if flag not in out and (r := fn(sentences)):
            out[flag] = r
    r = habit_choice(sentences) or general_quality(sentences)
    if r:
        out.setdefault("closed", r)
        out.setdefault("generalizing", r)
    if "leading" in out and len(sentences) == 1 and _ONE_PAST_WORST.match(_sub(sentences[0])):
        del out["leading"]  # "Tell me about the most annoying bit of paperwork you dealt with last month"
    if r := negative_superlative(sentences):
        out.setdefault("generalizing", r)
        if "leading" in out and not _judges(sentences):
            del out["leading"]
    return out
