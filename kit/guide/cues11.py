"""Grammar-level cues of the eleventh round of the question linter (issue 16), read after
:mod:`kit.guide.cues10` through :func:`revise`, and the spoken and typed voices read as clean
text first (:func:`normalise`).

=================  =========================================================================
cue                what it finds
=================  =========================================================================
voices             a question typed in capitals ("HOW OFTEN IS THE DRIVER LATE") is read in
                   lower case; text-speak without apostrophes ("whats", "whens", "theyre",
                   "youre", "im") and short forms ("prob", "pls", "ur", "cuz") as written
                   out; spoken fillers ("um", "uh", "erm", "sooo", ", like,", ", you know,")
                   and a false start ("sorry, so, just going back -") are left out. The rules
                   then read the question as if it had been written cleanly
the asked part     a statement before the question (a pitch, a claim, an aside after a
                   comma or a dash: "We've had loads of great feedback on our bottles, how
                   are you finding them?") hides the asked clause from the rules that read
                   a question from its start; the asked clause is judged on its own as well
                   and its closed, generalizing and hypothetical flags are kept -- not when
                   the statement before it anchors one past occasion of the participant
                   ("you said the knife came back chipped - ..."), nor when it is a
                   subordinate clause ("when you last ..., how ..."). A relative aside
                   after a dash ("... - which I know is a nightmare") is read apart too
=================  =========================================================================

Each detector takes the sentences of one question (strings) and returns a reason or ``""``.
"""
from __future__ import annotations

import re

__all__ = ["asked_part", "normalise", "revise"]

# --------------------------------------------------------------------------------------
# Voices: capitals, text-speak and fillers read as clean text
# --------------------------------------------------------------------------------------
_TEXT_SPEAK = {
    "whats": "what's", "whens": "when's", "wheres": "where's", "hows": "how's", "thats": "that's",
    "theyre": "they're", "youre": "you're", "im": "I'm", "ive": "I've", "youve": "you've",
    "weve": "we've", "theyve": "they've", "youd": "you'd", "youll": "you'll", "theres": "there's",
    "pls": "please", "plz": "please", "ur": "your",
    "cuz": "because", "coz": "because", "bc": "because", "tho": "though", "abt": "about",
    "gonna": "going to", "wanna": "want to", "ya": "you", "yr": "your", "thru": "through",
    # session 16: a ward manager's clipped modals ("what wd it look like")
    "wd": "would", "wld": "would", "shd": "should", "cld": "could",
}
_SPEAK = re.compile(r"(?<![\w'])(" + "|".join(sorted(_TEXT_SPEAK, key=len, reverse=True)) + r")(?![\w'])", re.I)
_PROBABLY = re.compile(r"(?<![\w'])probs?(?= (?:know|not|be|have|had|did|do|will|would|should|need|want|get|got|just|"
                       r"heard|seen|noticed|use|used|think|thought)\b)", re.I)
# in lower case or capitalised only: "ER" and "AH" in capitals are acronyms (the ER nurse)
_FILLER_WORD = r"(?:[Uu]m+|[Uu]h+|[Ee]rm+|[Ee]r|[Hh]mm+|[Aa]h+)"
# a false start or hesitation before the question: "Uh, sorry, so, just going back -"
_LEAD_IN = re.compile(r"^(?:(?:" + _FILLER_WORD + r"|(?i:sooo*|so(?=, (?:just going back|going back|um|uh|erm|like,))|"
                      r"sorry|okay|ok|right|well|like(?=,)|yeah|alright|anyway|"
                      r"just going back|going back|coming back to that|one more thing))[,.]?\s+(?:[-\u2013\u2014]\s+)?)+")
_INNER_FILLER = re.compile(r",\s*(?:" + _FILLER_WORD + r"|(?i:like|you know|i mean|kind of|sort of))\s*,\s*|"
                           r"(?<![\w'])" + _FILLER_WORD + r"(?![\w'])[,.]?\s*")
_HAS_FILLER = re.compile(r"(?<![\w'])" + _FILLER_WORD + r"(?![\w'])|(?i:^(?:(?:so+|sorry|yeah|anyway|going back|"
                         r"just going back)\b|like,)|, (?:like|you know|i mean),)")


def normalise(text: str) -> str:
    """A question in a spoken or typed voice as clean text (see the module table): capitals
    (a text with at least three words and no lower-case letter) in lower case, text-speak and
    short forms written out, fillers and a false start left out. A text with nothing to change
    is returned as it is."""
    text = str(text)
    letters = [c for c in text if c.isalpha()]
    if len(text.split()) >= 3 and letters and not any(c.islower() for c in letters):
        text = re.sub(r"\bi\b", "I", text.lower())
    text = _PROBABLY.sub("probably", text)  # "as u prob know"; "the main prob with it" is a problem
    text = _SPEAK.sub(lambda m: _TEXT_SPEAK[m.group(1).lower()], text)
    if _HAS_FILLER.search(text):
        stripped = _INNER_FILLER.sub(" ", text)
        stripped = _LEAD_IN.sub("", " ".join(stripped.split()).strip(" ,"))
        stripped = re.sub(r"\s+([,?.!])", r"\1", stripped)
        if len(stripped.split()) >= 3:
            text = stripped[:1].upper() + stripped[1:]
    return text


# --------------------------------------------------------------------------------------
# The asked part: a statement before the question, an aside after it
# --------------------------------------------------------------------------------------
_ASK = (r"(?:what|what's|how|how's|which|who|where|why|when|do|does|did|is|are|was|were|have|has|can|could|"
        r"would|will|tell|talk|walk|describe)\b")
_JOIN = re.compile(r"(?:,|\s-|:|;)\s+(?:(?:so|and|but|then|now|honestly|tell me),?\s+)?(?=" + _ASK + ")", re.I)
_SUBORDINATE = re.compile(r"^(?:so,? |and,? |but,? |now,? )?(?:when|whenever|if|since|after|before|once|while|as|"
                          r"given|considering|now that|thinking|looking|going|back|during|in|on|at|over|"
                          r"for|from|with|without|the last|the first|last|this|next|apart|besides|other than|"
                          r"compared|unlike|like|say|suppose|imagine|picture|let's|lets|what|how|which|who|why|"
                          r"where|do|does|did|is|are|was|were|can|could|would|will|tell|talk|walk|describe)\b", re.I)
# the participant's own past occasion in the statement: the asked clause is about it
_PAST_ANCHOR = re.compile(r"\b(?:you|your)\b.*\b(?:said|mentioned|told|described|had|went|came|was|were|did|got|"
                          r"[a-z]+ed)\b|\b(?:last|yesterday|ago|that day|that time|earlier)\b", re.I)
_FINITE = re.compile(r"\b(?:is|are|was|were|am|'s|'re|has|have|had|'ve|do|does|did|can|will|must|"
                     r"[a-z]{3,}(?:s|ed))\b", re.I)
_ASIDE = re.compile(r"^(.*\S)\s+-\s+(?:which|who|and all|as you know|I know)\b[^?]*(\?)?\s*$", re.I)


def asked_part(sentences: list[str]) -> str:
    """The asked clause of a question read without the statement before it or the aside after
    it, or ``""`` when there is none to leave out (see the module table)."""
    if not sentences:
        return ""
    last = sentences[-1].strip()
    if len(sentences) >= 2 and re.match(r"(?:which|who)\b", last, re.I) and _ASK_START.match(sentences[-2]) \
            and not re.search(r"[.?!]$", sentences[-2].strip()):
        return sentences[-2].strip().rstrip("?,; ") + "?"  # "... taken - which I know is a nightmare?"
    if (m := _ASIDE.match(last)) and _ASK_START.match(m.group(1)):
        return m.group(1).rstrip("?,; ") + "?"
    for m in _JOIN.finditer(last):
        before, after = last[:m.start()].strip(), last[m.end():].strip()
        if re.match(r"(?:which|who)\b(?![^,?]*\?)", after, re.I) and "," in after:
            continue  # "..., which customers rave about, would you ...": a relative clause, not the ask
        if len(before.split()) < 4 or len(after.split()) < 3 or \
                (_SUBORDINATE.match(before) and not re.match(r"(?:so,? )?as (?:you|u) (?:\w+ )?know\b", before, re.I)) or \
                re.search(r"[?.!]", before):
            continue
        if not _FINITE.search(before) or _PAST_ANCHOR.search(before):
            return ""
        return after
    return ""


_ASK_START = re.compile(r"^(?:so,? )?" + _ASK, re.I)
# "how reassuring is that for you?": "that" points back at the statement, the asked clause is no question alone
_DEICTIC = re.compile(r"\b(?:is|was|are|about|of|with|by|for) (?:that|this)(?=\s*(?:[?,.!]|$| for you| to you| for your| to your))",
                      re.I)
# --------------------------------------------------------------------------------------
# One fact: a scale, an amount paid or worth, a starting date, a record, a list of picks
# --------------------------------------------------------------------------------------
_LEAD = r"^(?:(?:so|and|ok|okay|right|well|now|just|honestly|as a [\w' -]+|kindly|please)[,]? )*"
_COND = r"(?:(?:if|when|once|suppose|say)\b[^,?]*, )?"
_SCALE = re.compile(r"\b(?:in|on) a scale\b|\bout of (?:five|ten|\d+)\b|\(\s*\d+\s*=|\brate\b[^?]*?\b\d+\s*(?:-|to)\s*\d+\b|"
                    r"\bin (?:one|two|three|four|five) words\b", re.I)
_AMOUNT = re.compile(_LEAD + _COND + r"how much\b(?! (?:more|less|better|worse|easier|harder|time|of)\b)[^,?;]*?"
                     r"\b(?:cost|costs|costing|worth|charge|charged|paid|pay|spend|spent|set you back)\b", re.I)
_SINCE = re.compile(_LEAD + r"since (?:when|how long)\b", re.I)
_RECORD = re.compile(_LEAD + r"what(?:'s| is| was) the (?:longest|shortest|furthest|farthest|biggest|highest|lowest|"
                     r"earliest|latest|most expensive|cheapest|most|least|best|worst|favourite)\b[^,?]*\b(?:you've|you have|you had|they've) ever\b",
                     re.I)
_OPTION = r"(?!(?:and|but|or|like)\b)[\w'-]+(?: [\w'-]+){0,2}"
_PICKS = re.compile(r"^(?:how|what|where|which|kindly explain how|tell me how|explain how)\b[^?]*?(?:,| -|:) "
                    rf"(?:(?:{_OPTION}, ){{2,}}{_OPTION}|(?:{_OPTION}, )*{_OPTION},? or {_OPTION})\s*[?.]?$", re.I)


def closed(sentences: list[str]) -> str:
    """A question whose answer is one fact, in the shapes the earlier rounds did not read:
    a rating scale in any wording ("in a scale from 1 to 10", "out of five", "(1 = very
    unsatisfied, 5 = very satisfied)", "rate ... from 1-5", "in three words"); "how much"
    + a verb of paying or worth ("how much did that delay end up costing you", "how much would
    it have been worth to you"), alone in its clause; "since when / since how long"; a record
    ("what's the longest you have ever waited"); options listed after the question ("how do
    you normally get baby things - friends, shops, Facebook groups?")."""
    last = sentences[-1].strip()
    text = " ".join(s.strip() for s in sentences)
    if _SCALE.search(text):
        return "a rating scale asks for one number"
    if (m := _AMOUNT.match(last)) and " and " not in last[:m.start() + 1 + last[m.start():].lower().find("how much")]:
        return "'how much' + a verb of paying or worth asks for one amount"
    if _SINCE.match(last):
        return "'since when' asks for one date"
    if _RECORD.match(last):
        return "a record ('the longest ... ever') is one fact"
    if _PICKS.match(last):
        return "the options listed after the question ask for one pick"
    return ""


# --------------------------------------------------------------------------------------
# The general case: an ongoing experience, a change taken for granted, a rate, a feeling now
# --------------------------------------------------------------------------------------
_NO_ANCHOR = re.compile(r"'d\b|\bthis (?:week|morning|afternoon|evening|time|weekend)\b|"
                        r"\b(?:today|tonight|think|reckon|since|when|after|before|last|first|ago|yesterday|did|was|were|had|that day|"
                        r"that time|would|could|if|imagine|suppose)\b", re.I)
_ONGOING = re.compile(r"\b(?:you are|are you|you're)(?: each| all| still| currently| now)? (finding|enjoying|facing|using|"
                      r"coming (?:to|in|here|along)|communicating|deciding|managing|coping|handling|getting on|dealing|struggling|liking|"
                      r"doing|keeping|tracking|choosing)\b", re.I)
_CHANGE = re.compile(_LEAD + r"how(?: much)? (?:has|have) (?!(?:it|that|this|these|those|they|he|she|you|we|things)\b)"
                     r"(?:[\w'-]+ ){1,5}?(?:changed|helped|improved|cut|reduced|saved|transformed|affected|boosted|"
                     r"lowered|raised)\b(?! (?:over|in|during|since|at|after|before|from|much|a lot)\b)(?=\s+\w)", re.I)
_RATE = re.compile(_LEAD + r"how (?:many|much|often)\b[^?]*?\b(?:a|per|each|every) (?:day|week|month|year|shift|night)\b"
                   r"[^?]*?\b(?:do|does)\b|" + _LEAD + r"how (?:many|much)\b[^?]*?\b(?:do|does)\b[^?]*?\b(?:a|per|each|every) "
                   r"(?:day|week|month|year|shift|night)\b", re.I)
_FEEL_NOW = re.compile(r"(?:^|, )(?:" + _LEAD[1:] + r")how (?:[\w'-]+ ){1,2}do (?:you|u) feel\b(?! about (?:that|it|this)\b)|"
                       r"^(?:so,? )?do you feel (?:more|less) [\w'-]+\b", re.I)
_SAVES_NOW = re.compile(_LEAD + r"(?:since [^,]+, )?how much (?:time|money|effort|hassle)(?: do you| does (?!it\b|that\b)[\w' -]+?) save\b",
                        re.I)
_FIND_MOST = re.compile(r"\b(?:which|what) [\w' -]+ do (?:you|u|they) find (?:the )?(?:most|least|more) [\w'-]+", re.I)
_KEEPS = re.compile(r"\bwhat keeps (?:you|them|people)\b|\bwhat(?:'s| is) stopping (?:you|them|people)\b", re.I)


def generalizing(sentences: list[str]) -> str:
    """The general case in the shapes the earlier rounds did not read (see the module table):
    an ongoing experience in the present progressive ("how are you finding them", "what
    challenges are you facing", "you are enjoying the club, yes?"); a change taken for granted
    by a noun-phrase subject ("how has having a mentor changed things for you", "how much has
    the thermostat cut your bill"; leading too); a rate in the present simple ("how many days
    a week do you come in"); a feeling now ("how safe do you feel sleeping there", "do you feel
    more confident since ..."); "what keeps you ...", "what's stopping you ...". Not with a
    past anchor or a condition."""
    last = sentences[-1].strip()
    if _ONGOING.search(last) and not re.search(r"\b(?:last|yesterday|ago|that day|right now|today|would|if|did)\b", last, re.I):
        return "an experience in the present progressive asks about the general case"
    if _CHANGE.match(last) and not _NO_ANCHOR.search(last):
        return "'how has <it> changed ...' asks about the general case (and takes the change for granted)"
    if _RATE.match(last) and not _NO_ANCHOR.search(last):
        return "a rate ('a day', 'a week') asks for the usual number"
    if _FEEL_NOW.search(last) and not re.search(r"\b(?:when|after|last|first|ago|did|was|were|would|if)\b", last, re.I):
        return "a feeling in the present asks about the general case"
    if _SAVES_NOW.match(last) and not re.search(r"'d\b|\b(?:would|think|reckon|did|last)\b", last, re.I):
        return "'how much time does it save' asks for the usual saving (and takes it for granted)"
    if _FIND_MOST.search(last) and not _NO_ANCHOR.search(last):
        return "'which do you find most ...' asks for a present judgement of the general case"
    if _KEEPS.search(last) and not _NO_ANCHOR.search(last):
        return "'what keeps you / what's stopping you' asks about the general case"
    return ""


# --------------------------------------------------------------------------------------
# Leading: a benefit or a delay taken for granted, praise in a relative clause or by others
# --------------------------------------------------------------------------------------
_BENEFIT_CLAUSE = re.compile(r"\b(?:given how much|now that|seeing as|since|considering how much)\b[^,?]*?\b(?:saves?|saved|cuts?|"
                             r"makes? [\w' -]*?(?:easier|faster|quicker|simpler|smoother|painless|effortless)|lets? you|"
                             r"frees? up|spares?)\b[^,?]*,", re.I)
_RELATIVE_PRAISE = re.compile(r", (?:which|that|who) [^,?]*\b(?:raving|rave|raves|loves?|adores?|swear by|"
                              r"(?:massively|hugely|dramatically|really) (?:cut|cuts|reduced|improved|boosted|transformed)|"
                              r"game.changer)\b", re.I)
_MAKES_EASY = re.compile(r"^(?!(?:if|when|imagine|suppose|say|would|could)\b)[^?]*?\b(?:makes?|made|has made) [\w' -]*?\b(?:"
                         r"painless|effortless|easy|easier|so much (?:easier|smoother|simpler|quicker|faster)|"
                         r"a breeze|a doddle|hassle-free|stress-free|seamless)\b(?! to (?:forget|miss|lose|overlook|skip|mess|overspend|"
                         r"make (?:a )?mistakes?|get (?:lost|it wrong))\b)[^?]*?(?:\s-\s|[.:;]\s)", re.I)
_FINALLY = re.compile(r"\b(?:when|once|after|until)\b(?:(?!\b(?:do|does|will|'ll|would)\b)[^?,])*\bfinally\b", re.I)
_DEGREE_NOUN = re.compile(r"\bhow much of a (?!difference\b)[\w'-]+", re.I)


def leading(sentences: list[str]) -> str:
    """A benefit, a delay or praise taken for granted, in the shapes the earlier rounds did not
    read: a reason clause claiming a benefit ("given how much downtime our service saves", "now
    that the catalogue saves you the trip"); praise in a relative clause ("our VIP range, which
    customers are raving about,"); a statement that the thing makes the task easy, whoever owns
    it ("The council's new portal makes renewing painless - ..."); "finally" in a time clause
    (a delay); "how much of a lifesaver ..." (a degree of a judging noun)."""
    text = " ".join(s.strip() for s in sentences)
    if _BENEFIT_CLAUSE.search(text):
        return "the clause before the question takes a benefit for granted"
    if _RELATIVE_PRAISE.search(text):
        return "a relative clause praises the thing asked about"
    if _MAKES_EASY.match(sentences[0].strip().rstrip(".!;:") + ". " if len(sentences) > 1 else text):
        return "the statement before the question says the thing makes it easy"
    if _FINALLY.search(text):
        return "'finally' takes a delay for granted"
    if _DEGREE_NOUN.search(text):
        return "'how much of a ...' takes the judgement for granted"
    return ""


# --------------------------------------------------------------------------------------
# Double-barreled: a second yes/no clause, "and whether", subjects answering each, two tasks
# --------------------------------------------------------------------------------------
_AUX = r"(?:do|does|did|is|are|was|were|has|have|can|could|would|will)"
_SECOND_YES_NO = re.compile(r"^(?:[^,?]*, )?(?:so,? )?(?:" + _AUX + r"|how|what|which|where|when|why|who)\b[^?]*?, and " + _AUX +
                            r" (?:you|anyone|anybody|somebody|someone|they|it|he|she|the|your|there)\b", re.I)
_WHETHER = re.compile(r"\b(?:tell me|ask|know|say)\b[^?]*?, and whether\b", re.I)
_EACH = re.compile(r"\b(?:you|the [\w'-]+|your [\w'-]+(?: [\w'-]+)?) and (?:the |your |our |his |her |their )?[\w'-]+"
                   r"(?: [\w'-]+)? (?:(?:are|were|do|did|have) )?each [a-z]+|\byou and (?:your|the) [\w'-]+(?: [\w'-]+)? both [a-z]+", re.I)
_TWO_TASKS = re.compile(r"^(?:so,? )?(?:tell me|talk me|walk me)(?: a bit| more)? (?:about|through) ([a-z]+ing)\b[^?]*? and "
                        r"(?!then\b)([a-z]+ing)\b", re.I)
_RATE_LIST = re.compile(r"^(?!.* or )[^?]*\brate\b[^?:]*: (?:[\w' -]+, ){2,}(?:and )?[\w' -]+[.?]?$", re.I)


def double_barreled(sentences: list[str]) -> str:
    """Two asks in shapes the earlier rounds did not read: a second yes/no clause after the
    first ("do you practise at home, and does anyone help you?"); "tell me how ..., and
    whether ..."; two subjects answering each ("how do your planner and your manager each use
    the reports?"); two tasks told as gerunds in a story request ("tell me about moving your
    feed and setting up ads"); a list of three or more to rate ("rate the following: taste,
    portion size, temperature")."""
    last = sentences[-1].strip()
    if _SECOND_YES_NO.match(last):
        return "a second yes/no clause after ', and' adds a second question"
    if _WHETHER.search(last):
        return "', and whether ...' adds a second question"
    if _EACH.search(last):
        return "two people answering each: two accounts in one question"
    if (m := _TWO_TASKS.match(last)) and m.group(1).lower() != m.group(2).lower() and \
            m.group(1).lower() not in {"something", "anything", "nothing", "thing", "morning", "evening", "everything"}:
        return f"two tasks in one story ('{m.group(1)}' and '{m.group(2)}')"
    if _RATE_LIST.search(last):
        return "a list of things to rate: one question each"
    return ""


# one story, not two asks: a probe for what happened, an idiom, a fixed pair said as one
_ONE_ASK = ((re.compile(r"(?:\s*[,;:-]\s*|\s+)(?:and )?(?:where were you,? and )?what happened(?: then| next| after(?: that)?)?"
                        r"\s*[.?]?\s*$", re.I), "?"),
            (re.compile(r"\bwave a magic wand and\b", re.I), "wave a magic wand to"),
            (re.compile(r"\bout and about\b", re.I), "out"))


_STORY = re.compile(r"^(?:so,? )?(?:tell me|talk me|walk me|describe|can you (?:think of|remember|tell me))\b", re.I)


def one_ask(sentences: list[str]) -> bool:
    """The question read as one ask once a closing probe ("- where were you and what
    happened?", a second sentence "What happened then?"), an idiom ("wave a magic wand and
    change ...") or a fixed pair ("out and about") is read as such."""
    from kit.guide.lint import _analyse

    text = " ".join(s.strip() for s in sentences)
    if len(sentences) >= 2 and re.match(r"(?:and )?what happened(?: then| next| after(?: that)?)?\s*[.?]?$",
                                        sentences[-1].strip(), re.I):
        text = " ".join(s.strip() for s in sentences[:-1])
    else:
        for k, (rx, repl) in enumerate(_ONE_ASK):
            if k or _STORY.match(text):  # the closing probe only after a story request
                text = rx.sub(repl, text).strip()
    if text == " ".join(s.strip() for s in sentences) or len(text.split()) < 4:
        return False
    return "double-barreled" not in _analyse(text)[1]


# a question of two clauses: each judged alone for the general case
_CLAUSE_JOIN = re.compile(r",? and (?=(?:how|what|who|which|where|why|do|does|is|are|has|have)\b)", re.I)
# a statement asked as a question after a condition: "If the class is in the evening, you can come?"
_DECLARATIVE = re.compile(r"^(?:if|suppose|say|imagine)\b[^,?]+, (?:then )?(?:you|they|we) (?:can|could|will|would|'ll)\b[^?]*\?$",
                          re.I)
_COPULA_NO_SUBJECT = re.compile(r"^(?:[^,?]+, )?(?:is|was) (?:necessary|possible|needed|required|easy|hard|ok|okay|fine)\b"
                                r"[^?]*\?$", re.I)


_ONE_FACT_REASON = re.compile(r"\bone (?:amount|number|duration|date|time|fact|figure|pick|name|place)\b|'how (?:long|many|much|quickly|soon)", re.I)


def clause_flags(sentences: list[str]) -> dict[str, str]:
    """Flags found in the clauses of a two-clause question judged one at a time: the
    general case ("generalizing") in either clause holds for the question ("what did you talk
    about on Thursday, and how do you feel about the scheme overall?"); a declarative question
    after a condition ("if the class is in the evening, you can come more often?") or a copula
    without its subject ("was necessary to take photos ...?") is yes or no ("closed")."""
    from kit.guide.lint import _analyse

    last = sentences[-1].strip()
    out: dict[str, str] = {}
    parts = [p.strip(" ,") for p in _CLAUSE_JOIN.split(last)]
    if len(parts) == 2 and all(len(p.split()) >= 3 for p in parts):
        facts = [_analyse(p if p.endswith("?") else p + "?")[1].get("closed", "") for p in parts]
        if all(_ONE_FACT_REASON.search(f) for f in facts) and all(re.match(r"(?:how|what|which|when)\b", p, re.I) for p in parts):
            out["closed"] = f"each clause asks for one fact ({facts[0]}; {facts[1]})"
        for k, part in enumerate(parts):
            part = part if part.endswith("?") else part + "?"
            if _DEICTIC.search(part) or k and re.search(r"\b(?:it|that|them|they|this)\b", part, re.I) or \
                    re.match(r"(?:is|are|was|were)\b", part, re.I):  # a judgement by copula: left to its own rules
                continue  # a second clause about "it" follows up the first
            if "generalizing" in (alone := _analyse(part)[1]):
                out["generalizing"] = f"one clause asks about the general case ('{part}'): {alone['generalizing']}"
                break
    if _DECLARATIVE.match(last):
        out["closed"] = "a statement with a question mark after a condition asks for yes or no"
        out["hypothetical"] = "a condition, then what would happen: asks about an imagined situation"
    elif _COPULA_NO_SUBJECT.match(last):
        out["closed"] = "'was it necessary ...' asks for yes or no"
    return out


# the interview's closer: an open invitation to add anything, not a yes/no question
_CLOSER = re.compile(r"^(?:(?:so|and|ok|okay|right|well|finally|lastly|before we (?:finish|wrap up|end|stop)),? )*"
                     r"(?:is there |was there |have you got |do you have )?anything else (?:at all )?(?:that )?(?:you'd|you would|you|you'd "
                     r"maybe) (?:like|want|wish|care)? ?to (?:tell me|add|share|mention|say|ask|raise)(?: with me| before we finish)?"
                     r"(?: at all)?\s*[?.]?$", re.I)


def closer(sentences: list[str]) -> bool:
    """"Is there anything else you'd like to tell me?": the closer invites whatever the
    participant wants to add, about no topic in particular (with a topic, "anything else about
    the trip?", it stays a yes/no question)."""
    return bool(sentences) and bool(_CLOSER.match(" ".join(s.strip() for s in sentences)))


_KEPT = ("closed", "generalizing", "hypothetical")


def revise(sentences: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """The reasons of the earlier rounds with this round's cues (see the module table).
    Returns a new dict."""
    out = dict(reasons)
    if not sentences:
        return out
    if "closed" not in out and (r := closed(sentences)):
        out["closed"] = r
    if "leading" not in out and (r := leading(sentences)):
        out["leading"] = r
    if "double-barreled" in out and one_ask(sentences):
        del out["double-barreled"]
    if "double-barreled" not in out and (r := double_barreled(sentences)):
        out["double-barreled"] = r
    if "generalizing" not in out and (r := generalizing(sentences)):
        out["generalizing"] = r
        if _CHANGE.match(sentences[-1].strip()):
            out.setdefault("leading", "'how has <it> changed ...' takes the change for granted")
    if "closed" in out and closer(sentences):
        del out["closed"]  # the closer is an open invitation
    for flag, r in clause_flags(sentences).items():
        out.setdefault(flag, r)
    asked = asked_part(sentences)
    if asked and asked != sentences[-1].strip() and not _DEICTIC.search(asked):
        from kit.guide.lint import _analyse  # the asked clause judged on its own

        alone = _analyse(asked)[1]
        for flag in _KEPT:
            if flag in alone and flag not in out:
                out[flag] = f"the asked clause ('{asked}'): {alone[flag]}"
    return out
