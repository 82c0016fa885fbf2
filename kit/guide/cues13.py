"""Grammar-level cues of the thirteenth round of the question linter (issue 16), read after
:mod:`kit.guide.cues12` through :func:`revise`: the question word and what it asks for (closed),
the question behind a preface, spoken proposals, and two shapes of the general case.

=================  =========================================================================
cue                what it finds
=================  =========================================================================
one fact asked     a wh-question whose question word asks for one fact and whose clause
by the question    asks nothing else: a person the participant dealt with ("Who did you
word               book it with?", "Who was your contact ...?"), the last or next occasion
                   ("When did you last renew your insurance?", "When was the last time ...",
                   "When's your next ..."), a pick ("Which did you choose?"), a named or
                   counted fact ("What brand of printer was it?", "What was the total?",
                   "What's the name of the app?", "What did it cost?", "How big is your
                   team?") (closed). Not "who" + a verb ("Who fitted the new lenses?"), "who
                   else", a person inside an episode ("Who did you call when ...?"), "when
                   did you first ...", a judgement ("which part did you find ..."), an
                   imagined thing ("your ideal ..."), a second or open ask. Rewritten with
                   the question's own verb phrase (:func:`one_fact_story`)
preface or         "Just to level-set, ...", "Help me understand your timeline - ...", "I'm
embedding          curious, ...", "Help me understand what that breakdown cost you": the
                   question behind it (:func:`unembed`) is judged alone and its closed and
                   generalizing flags kept
spoken proposal    a tail that offers the answer: a dangling "or", ", like do you trust
                   them", ", is it cash or transfer", "how often ..., like once a month", a
                   declarative ending in "right" (closed); not a parenthetical "do you
                   think" nor an aside ", if any,"
general case       "which is the most ... part" (a non-native "what": generalizing, not a
                   pick); "your process / routine for <doing something>" with no past
                   occasion (generalizing)
=================  =========================================================================

Each detector takes the sentences of one question (strings) and returns a reason or ``""``.
"""
from __future__ import annotations

import re

from kit.guide.cues11 import asked_part
from kit.guide.words import tags, words

__all__ = ["one_fact", "one_fact_story", "present_general", "revise", "spoken_closed", "unembed"]

_LEAD = r"^(?:(?:so|and|ok|okay|well|now|then|right|but|just|also|oh|yeah|alright|finally|lastly|sorry)\s,?\s?)*"
# a second ask or an open probe after the first one: not a single fact
_MORE = re.compile(r"\b(?:and|or|but|,)\s(?:then\s)?(?:how|what|why|who|where|when|which|did|do|does|was|were|is|are|"
                   r"have|has|would|will|tell|talk|walk)\b|\bwhy\b|\bhow come\b|\band what happened\b")
_PAST_ANCHOR = re.compile(r"(?<![\w-])(?:last|yesterday|ago|recent|recently|that day|that time|this morning|this time|"
                          r"was|were|did|had|went|happened|first|that one|earlier|previous|then)(?![\w-])")
_MODAL = re.compile(r"\b(?:would|could|might|should|will|if|imagine|suppose|ideally|wish)\b")
# nouns whose value is one fact
_FACT_NOUNS = {"name", "brand", "make", "model", "bank", "company", "provider", "supplier", "airline", "network",
               "carrier", "colour", "color", "size", "version", "postcode", "address", "number", "price", "fee",
               "fees", "cost", "total", "deposit", "budget", "score", "grade", "date", "deadline", "time", "day",
               "year", "month", "age", "percentage", "figure", "amount", "bill", "rent", "salary", "wage",
               "charge", "quote", "estimate", "rate", "fare", "balance", "postcode", "password", "store", "shop",
               "branch", "app", "website", "site", "platform", "software", "system", "tool", "vendor", "firm",
               "agency", "insurer", "lender", "dealer", "courier", "plan", "tariff", "package", "subscription",
               "policy", "currency", "language", "route", "train", "bus", "flight", "car", "van", "phone",
               "laptop", "printer", "card", "account", "deal", "option", "product", "service", "tier", "level",
               "school", "hospital", "clinic", "gp", "pharmacy", "gym", "venue",
               "hotel", "restaurant", "café", "cafe", "team", "department", "office", "ward", "unit",
               "title", "distance", "weight", "speed", "temperature", "length", "duration",
               "term", "limit", "target", "quota", "fine", "penalty", "refund", "discount", "tip", "wait"}
_COPULA = r"(?:is|was|are|were)"
_AUX = r"(?:did|do|does|was|were|is|are|had|has|have|will)"
_SUBJ = r"(?:you|u|they|he|she|we|it|i|your \w+|the \w+|our \w+|that|this|those|these)"
# "who": a person, not a list ("who else"), an opinion ("who do you think") or a habit ("who do you")
_WHO = re.compile(r"who (?!else\b|would\b|could\b|might\b|should\b|do (?:you|u) think\b|does\b|do\b)(\w+)")
_WHEN = re.compile(r"when (?:(?:did|do|does|will|have|had) (?:you|u|they|we|your \w+|the \w+) (?:last|next)\b|"
                   r"(?:was|is|were) (?:the|your) (?:last|next|most recent|latest)\b|(?:the last|the next) time\b)")
_WHICH = re.compile(r"which (?:(?:of (?:the|these|those|your|our|them) )?(?:\w+ ){0,3}?(?:" + _AUX + r"|came|went|"
                    r"ended|worked|won)\b|(?:one|ones|did|do|does)\b)")


def _asked(sentences: list[str]) -> str:
    """The asked clause, lower-cased words joined by spaces, without the leading markers."""
    asked = asked_part(sentences) or sentences[-1]
    low = " ".join(t for t in words(asked) if t not in {"?", "!", "."})
    low = re.sub(r"^(?:[^,]*\bquick(?:ly)?\b[^,]*|roughly|approximately|just out of interest|out of interest|"
                 r"for the record|remind me|just to check),\s", "", low)
    return re.sub(_LEAD, "", low).strip()


def one_fact(sentences: list[str]) -> str:
    """The question word asks for one fact and nothing else is asked (see the module table)."""
    asked = [s for s in sentences if str(s).rstrip().endswith("?")]
    if len(asked) > 1 or not sentences:
        return ""
    low = _asked(sentences)
    if _MORE.search(low) or " , " in low and not low.endswith(("roughly", "about", "approximately")):
        return ""
    if _WHO.match(low):
        if re.match(r"who (?:did|do) (?:you|u) (?:\w+ )?\w+\b|who (?:was|is|were|are) (?:your|the|their|his|her)\b", low):
            if not re.search(r"\b(?:involved|else|in the room|with you|there|helped|help|when|after|before|once|while|"
                             r"during)\b", low):  # a person inside an episode: a probe into the story
                return "'who' asks for one person"
        return ""
    if _WHEN.match(low) and not _MODAL.search(low):
        return "'when' asks for one point in time"
    if _WHICH.match(low) and not _MODAL.search(low) and not re.search(r"\b(?:was|is|were|are) (?:it|that|this)\b", low) \
            and not re.search(r"\bwhich (?:\w+ )?(?:do|does) (?:you|u|they) (?:think|feel|find)\b", low):
        return "'which ...' asks for one pick"
    if re.search(r"\b(?:ideal|dream|perfect|favourite|favorite|preferred)\b", low):
        return ""  # an imagined or preferred thing: judged by the earlier rounds
    m = re.match(r"what (?:\w+ )?(\w+) (?:of (?:\w+ ){1,2}?)?(?:" + _AUX + r")\b", low)
    if m and m.group(1) in _FACT_NOUNS and m.group(1) not in {"time", "day"} and not _MODAL.search(low):
        return f"'what {m.group(1)}' asks for one fact"
    m = re.match(r"what " + _COPULA + r" (?:the|your|its|their|his|her|our) (?:(?:\w+) ){0,2}?(\w+)(?: (?:of|on|for|at|in) [\w ]+)?$", low)
    if m and m.group(1) in _FACT_NOUNS - {"team", "job", "role", "plan", "system", "service", "option", "deal", "wait",
                                          "product", "level", "process"} and not _MODAL.search(low):
        return f"'what is the {m.group(1)}' asks for one fact"
    if re.match(r"what (?:did|does|do|will) (?:it|that|this|(?:the|that|this|your) [\w'-]+|they|you|u) (?:cost|pay|charge)\b", low):
        return "'what did it cost' asks for one amount"
    if re.match(r"how (?:big|large|much) " + _COPULA + r" (?:the|your|it|that)\b(?! \w+ (?:than|compared)\b)", low) \
            and not re.search(r"\b(?:a|an) (?:problem|issue|deal|difference|change|worry|pain|hassle)\b", low):
        return "'how big / how much is' asks for one figure"
    return ""


# --------------------------------------------------------------------------------------
# A preface before the question, and a question embedded after "help me understand"
# --------------------------------------------------------------------------------------
_PREFACE = re.compile(
    r"^(?:just )?(?:to level[- ]set|so (?:that )?i(?:'m| am) (?:clear|level[- ]set|on the same page)|so i understand|"
    r"so i(?:'m| am) sure i understand)(?: (?:on|about) [\w' -]+?)?(?:,|\s[-\u2013\u2014])\s+|"
    r"^(?:help me understand|i(?:'m| am) curious(?: to know)?|i(?:'d| would) like to understand|i want to understand)"
    r"(?:,\s+|(?: (?:your|the|this|that) [\w' -]+?)?\s[-\u2013\u2014]\s+)", re.I)
_EMBEDDER = re.compile(r"^(?:help me understand|i(?:'m| am) curious(?: to know)?|i(?:'d| would) like to understand|"
                       r"i want to understand)\s+(?=(?:what|how|who|when|where|why|which|whether|if)\b)", re.I)
_WH = r"(?:what|who|when|where|why|which \w+|how(?: much| many| often| long)?(?: (?!you\b|your\b|they\b|it\b|the\b)\w+)?)"
_EMB_SUBJ = r"(?:you|they|we|it|he|she|(?:your|the|that|this|our|their|these|those) (?:[\w'-]+ ){0,2}?[\w'-]+|that|this)"
_AUXES = {"are", "is", "was", "were", "have", "has", "had", "can", "could", "will", "would", "'ve", "'re"}


def unembed(text: str) -> str:
    """The question behind a preface or an embedding ("Just to level-set, how many ...", "Help me
    understand your timeline - when do you ...", "I'm curious, how happy are you ...", "Help me
    understand what that breakdown cost you" -> "what did that breakdown cost you?", "I'm curious
    whether you've ever had ..." -> "have you ever had ...?"), so that the rules read the
    question itself. Other text is returned unchanged."""
    out = _PREFACE.sub("", text.strip(), count=1)
    m = _EMBEDDER.match(out)
    if not m:
        return out[:1].upper() + out[1:] if out != text.strip() else text
    body = out[m.end():].rstrip(" .?!")
    inverted = _invert(body)
    return (inverted or body)[:1].upper() + (inverted or body)[1:] + "?"


def _invert(body: str) -> str:
    from kit.guide.words import lemma

    mw = re.match(r"(?:whether|if) (you|they|we|it|he|she)(?:'ve| have) (.*)", body, re.I)
    if mw:
        return f"have {mw.group(1)} {mw.group(2)}"
    mw = re.match(r"(?:whether|if) (you|they|we|it|he|she) (\w+) (.*)", body, re.I)
    if mw:
        verb = mw.group(2).lower()
        if verb in _AUXES:
            return f"{verb} {mw.group(1)} {mw.group(3)}"
        if "VERB" in tags(verb):
            aux = "did" if lemma(verb, "VERB") != verb and not verb.endswith("s") else "do"
            return f"{aux} {mw.group(1)} {lemma(verb, 'VERB')} {mw.group(3)}"
        return ""
    m = re.match(rf"({_WH}) ({_EMB_SUBJ}) (\w+)\b(.*)", body, re.I)
    if not m:
        return ""
    wh, subj, verb, rest = m.group(1), m.group(2), m.group(3).lower(), m.group(4)
    if verb in _AUXES:
        return f"{wh} {verb} {subj}{rest}"
    if "VERB" not in tags(verb):
        return ""
    base = lemma(verb, "VERB")
    if verb.endswith("ing"):
        return ""
    if base != verb and not verb.endswith("s") or verb in {"cost", "put", "set", "cut", "hit", "let", "hurt"} and \
            subj not in {"you", "they", "we"}:
        return f"{wh} did {subj} {base}{rest}"
    third = subj not in {"you", "they", "we"} and not subj.endswith("s")
    return f"{wh} {'does' if third else 'do'} {subj} {base}{rest}"


# --------------------------------------------------------------------------------------
# Spoken proposals, tagged present statements, "which is the most", "your process for"
# --------------------------------------------------------------------------------------
_PROPOSAL = re.compile(r"^(?:what|how|why|who|where|when|which)\b(?:(?!\s,\s).)*?\b(?:do|does|did|is|are|was|were|have|has|"
                       r"can|would|will|go|went)\b.*?(?:\s,|\blike|\bi mean)\s(?:is|was|did|do|does|are|were)"
                       r"\s(?:it|he|she|they|you|that)\b(?! (?:think|reckon|say|feel|suppose|guess|mean|know)\b)|"
                       r"^how often\b.*\blike (?:once|twice|every|one|two|three|\d+)\b")
_SUPERLATIVE_WHICH = re.compile(r"^which ((?:is|are|was|were) the (?:most|least|\w+est|best|worst|biggest|hardest)\b.*)")
_PROCESS_FOR = re.compile(r"\byour (?:\w+ )?(?:process|procedure|routine|method) for \w+ing\b")


def spoken_closed(sentences: list[str]) -> str:
    """A question that proposes its own answer in a spoken tail: a dangling "or" ("is it like
    every year or"), a yes/no clause after the open one ("what do you think of garages, like do
    you trust them", "how do you book car hire, is it through a comparison site or direct"), "how
    often ..., like once a month", a declarative ending in "right" ("so the install went smoothly
    right")."""
    last = " ".join(t for t in words(sentences[-1]))
    bare = re.sub(r"\s[?.!]+$", "", last).strip()
    if re.search(r"\sor$", bare) and len(bare.split()) >= 4:
        return "a spoken question that trails off in 'or' offers its own answers"
    if _PROPOSAL.search(re.sub(_LEAD, "", bare)):
        return "a yes/no or either/or tail proposes the answer"
    if re.search(r"\s(?:right|yeah)$", bare) and not re.match(r"(?:what|how|why|who|where|when|which|is|are|do|does|"
                                                               r"tell|walk)\b", re.sub(_LEAD, "", bare)) and "," not in bare:
        return "a statement with a tag can be answered yes or no"
    return ""


def present_general(sentences: list[str]) -> str:
    """"Talk me through your process for preparing samples": the participant's process for
    doing something, with no past occasion, asks about the general case."""
    low = _asked(sentences)
    if _PROCESS_FOR.search(low) and not _PAST_ANCHOR.search(low) and not _MODAL.search(low) and \
            not re.search(r"\b\w+ed\b", low):
        return "'your process for ...' asks about the general case; ask about the last time"
    m = _HABIT_REQUEST.search(low)
    from kit.guide.retell12 import _lemma_verb
    if m and _lemma_verb(m.group(3)) == m.group(3) and not _PAST_ANCHOR.search(low) and not _MODAL.search(low) and not re.search(
            r"\b(?:did|was|were|had|last|yesterday|ago|recently|this morning|today|just now|right now)\b", low):
        return f"'{m.group(1)} {m.group(2)} you {m.group(3)} ...' asks about a habit; ask about the last time"
    return ""


# session 8: a request about what the participant does as a rule ("Explain how you chase a late
# payer", "Describe what you do when a card payment fails"): a present verb, no occasion
_HABIT_REQUEST = re.compile(r"^(?:please |so |and |now )?(explain|describe)\s+(how|what|the way|the steps) (?:you|u) "
                            r"(?!(?:would|will|could|might|think|feel|mean|want|wish|hope|like|prefer)\b)"
                            r"((?!\w+ed\b)[a-z]+)\b")


def revise(sentences: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """The reasons of the earlier rounds with this round's cues (see the module table).
    Returns a new dict."""
    out = dict(reasons)
    if not sentences:
        return out
    if "closed" not in out and "double-barreled" not in out and (r := one_fact(sentences)):
        out["closed"] = r
    if "closed" not in out and (r := spoken_closed(sentences)):
        out["closed"] = r
    if "generalizing" not in out and (r := present_general(sentences)):
        out["generalizing"] = r
    if m := _SUPERLATIVE_WHICH.match(_asked(sentences)):
        from kit.guide.lint import _analyse  # "which is the most ..." read as "what is the most ..."

        alone = _analyse(f"What {m.group(1)}?")[1]
        if out.get("closed", "").startswith("'which") and "closed" not in alone:
            del out["closed"]
        if "generalizing" in alone:
            out.setdefault("generalizing", alone["generalizing"])
    if out.get("closed", "") == "'which ...' asks for one pick":  # session 8: say why, it surprises newcomers
        out["closed"] += (" (a one-fact answer: closed, as independent labellers mark it; fine as a follow-up "
                          "once the story is told)")
    text = " ".join(s.strip() for s in sentences)
    if (plain := unembed(text)) != text and ("closed" not in out or "generalizing" not in out):
        from kit.guide.lint import _analyse  # the question behind the preface, judged on its own

        alone = _analyse(plain)[1]
        for flag in ("closed", "generalizing"):
            if flag in alone and flag not in out:
                out[flag] = f"the question ('{plain}'): {alone[flag]}"
    return out


# --------------------------------------------------------------------------------------
# Rewrite: the occasion the one fact belongs to
# --------------------------------------------------------------------------------------
_STORY_SHAPES = (
    re.compile(r"when (?:did|do) (?:you|u) last (?P<verb>\w+)\b(?P<rest>.*)"),
    re.compile(r"when (?:was|is) the last time (?:you|u) (?P<verb>\w+)\b(?P<rest>.*)"),
    re.compile(r"who (?:did|do) (?:you|u) (?:end up |first )?(?P<verb>\w+)\b(?P<rest>.*)"),
    re.compile(r"which (?P<noun>(?:\w+ ){0,1}\w+) (?:did|do) (?:you|u) (?:end up |first )?(?P<verb>\w+)\b(?P<rest>.*)"),
)


def one_fact_story(question: str) -> str:
    """A story-based rewrite of a one-fact question that keeps its verb phrase: "When did you
    last renew your insurance?" -> "Tell me about the last time you renewed your insurance.
    What happened?"; "Who did you book it with?" -> "Tell me about the last time you booked
    it. What happened?". ``""`` when the question has none of these shapes or its verb phrase
    is not plain."""
    from kit.guide.story import past

    low = re.sub(_LEAD, "", " ".join(t for t in words(question) if t not in {"?", "!", "."})).strip()
    for shape in _STORY_SHAPES:
        m = shape.match(low)
        if not m:
            continue
        verb, rest = m.group("verb"), m.group("rest").split()
        if rest[-3:] == ["in", "the", "end"]:
            rest = rest[:-3]
        if "VERB" not in tags(verb) or "," in rest or verb in {"up", "going"}:
            return ""
        noun = m.groupdict().get("noun")
        if noun and noun.split()[0] in {"of", "one", "ones"}:
            return ""
        if noun and (not rest or "PREP" in tags(rest[-1])):
            rest = rest + ["the", *noun.split()]  # "which van did you go with" -> "went with the van"
        elif noun and "PREP" in tags(rest[0]) and not {"it", "them", "him", "her", "this", "that"} & set(rest):
            rest = ["the", *noun.split(), *rest]  # "which kayak did you rent for the race" -> "rented the kayak for ..."
        elif noun:
            return ""
        elif not noun and rest and "PREP" in tags(rest[-1]):
            rest = rest[:-1]  # "who did you book it with" -> "booked it"
        done = verb if shape.pattern.startswith("when (?:was|is)") else past(verb)
        phrase = " ".join([done] + rest).strip()
        return f"Tell me about the last time you {phrase}. What happened?"
    return ""
