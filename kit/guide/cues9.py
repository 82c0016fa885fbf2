"""Grammar-level cues of the ninth round of the question linter (issue 16), read after
:mod:`kit.guide.cues8` through :func:`revise`.

The round follows two conventions the project settled (docs/design.md, "Question linter",
ninth round): a present-tense overall opinion of an ongoing product, service or situation asks
for the general case (**generalizing**); presupposing a problem, benefit or feeling the
participant has not mentioned is **leading**, even without an evaluative word.

=================  =========================================================================
cue                what it finds
=================  =========================================================================
overall opinion    a present-tense opinion of something ongoing, in four clause shapes: a
                   wh-question whose verb is one of opinion in the present simple ("how do
                   you find the new app", "what do you love about ...", "what do members
                   think of ..."); "how" + an adjective of judgement + a present copula ("how
                   happy are you with ...", "how reliable is the portal"); "how is / how's
                   <noun phrase>" ("how's the food and the trolley service"); "what's it like
                   to / living with ..."; a present yes/no judgement of a noun phrase ("is the
                   interface intuitive?", "does the app work well?", "do officers get enough
                   training?", closed too); "how has X changed the way you ..." (leading too:
                   it takes the change for granted). Not with a past anchor ("the first time
                   you used it", "last week", "did", "was"), not of a bare pronoun ("how do
                   you feel about that?" follows up what was said)
presupposition     the question takes for granted an event the participant has not reported:
                   "when did you (first) notice / realise / spot ...", "when did customers
                   start mentioning / complaining ...", "how much time / money does it save
                   you", "before it stopped again" (a failure verb + "again"), "how much has
                   your premium come down", "after all the improvements we have made"; praise
                   inside the noun phrase ("our friendly, expert consultants"); a hearsay
                   preamble that judges ("I gather the notary was very patient with you"); a
                   claim of standing ("our software is the industry standard"); a statement
                   with a question mark drawing a conclusion ("so the visit sorted everything
                   out?")
one answer         "how quickly / how soon did ..." (one duration), "who would you ring
                   first" (one name), a yes/no main clause after a condition ("if excursions
                   were included, would you take more of them?") (closed)
procedural         a preamble about the interview itself (recording, consent, data
preamble           protection, the research project, thanks for the time) neither praises nor
                   judges: the question is read without it. "I would be grateful if you could
                   tell me about ..." is a polite request, read as "could you tell me about
                   ..."; "Colleagues asked me to check: do patients ..." is read as two
                   sentences
one story          not double-barreled: a choice between two ways ("would you prefer a walk-in
                   or booked appointments", "do you usually phone or visit") -- closed
                   instead; a pair inside a condition ("if we merged the form and the
                   checklist into one page, would ..."); two parties of one reciprocal act
                   ("when the vet and the insurer disagreed"); the occasion of a story told in
                   two clauses ("the day your father was discharged and needed a lift home",
                   "the time your flight was cancelled and what the agent did")
=================  =========================================================================

Each detector takes the sentences of one question (strings) and returns a reason or ``""``.
"""
from __future__ import annotations

import re

from kit.guide.lexicon import QUALITY_ADJ
from kit.guide.words import is_past_verb, tags, valence, words

__all__ = ["closed", "double_barreled", "generalizing", "leading", "not_double", "overall_opinion", "presupposition", "readable_core",
           "revise"]

_LEAD = r"^(?:(?:so|and|ok|okay|well|now|then|right|but|um|erm|er|uh|like|alright|yeah|honestly|just|overall|" \
        r"generally|in general|these days|nowadays)\s,?\s?|,\s)*"
_WHO = r"(?:you|u|you all|you guys|your [\w-]+(?: [\w-]+)?|the [\w-]+(?: [\w-]+)?|our [\w-]+|people|customers|clients|" \
       r"patients|members|students|parents|guests|visitors|users|staff|residents|tenants|families|[\w-]+s)"
# a past anchor: the question is about one occasion, not the general case
_PAST = re.compile(r"\b(?:last|yesterday|ago|first time|the first|that (?:day|night|time|week|morning|evening|trip|visit)|"
                   r"on the day|this morning|the time (?:you|when|that)|when (?:you|it|they|we) [\w-]+ed|did|was|were|had|"
                   r"used to|back then|at the time|before|after)\b")
_PAST_CORE = re.compile(_PAST.pattern.replace("|before|after", ""))  # "before the cleaners arrive" is no past
_PAST_FRAME = re.compile(r"\b(?:when|while|as|after|before|once) (?:you|u|they|we|it|he|she) (?:were|was|did|had|first [\w-]+|"
                         r"[\w-]+ed)\b|\b(?:last time|yesterday|ago|that day|that night|the other day)\b")
_OPINION = r"(love|like|enjoy|hate|dislike|value|appreciate|think|feel|find|rate|make|miss|rely)"
_PRONOUN_END = re.compile(r"^(?:(?:about|of|on) )?(?:that|this|those|these|it|them|him|her|so)(?: now| then| so far)?\s?[?.!]?$")
_NOT_JUDGEMENT = {"long", "many", "much", "old", "often", "far", "big", "tall", "soon", "early", "late", "come",
                  "exactly", "else", "far", "wide", "deep", "high", "heavy", "large", "small", "frequently"}


def _sub(s: str) -> str:
    return " ".join(words(s))


def _asked(sentences: list[str]) -> str:
    asked = [s for s in sentences if s.rstrip().endswith("?")]
    return _sub((asked or sentences)[-1])


def _judgement(adj: str) -> bool:
    """An adjective (or adverb) of judgement: VADER gives it a valence, the lexicon lists it as a
    quality, or its form is one of judgement (-able, -ible, -ive, -ful, -ous) and it is an adjective."""
    if adj in _NOT_JUDGEMENT:
        return False
    if adj in QUALITY_ADJ or abs(valence(adj)) >= 1.0 or adj in {"well", "satisfied", "pleased", "happy", "comfortable"}:
        return True
    return "ADJ" in tags(adj) and adj.endswith(("able", "ible", "ive", "ful", "ous", "ient", "ent"))


def overall_opinion(sentences: list[str]) -> str:
    """A present-tense opinion of something ongoing (see the module table): the general case."""
    if not sentences:
        return ""
    whole = " ".join(_sub(s) for s in sentences)
    if _PAST_FRAME.search(whole):
        return ""  # "When you were working through that process - how would you describe ...": one past time
    low = _asked(sentences)
    m = re.match(_LEAD + r"(?:what|how|which|why)(?: [\w-]+)? (?:do|does) " + _WHO + r"(?: (?:really|honestly|generally|"
                 r"usually|most|personally))? " + _OPINION + r"\b ?(.*)$", low)
    if m:
        verb, rest = m.group(1), m.group(2)
        ok = {"think": rest.startswith(("of ", "about ")), "feel": rest.startswith("about "),
              "make": rest.startswith("of "), "rely": rest.startswith("on "),
              "find": low.startswith(("how", "what")) and not rest.startswith(("out", "that", "yourself"))}.get(verb, True)
        past_clause = re.match(r"(?:(?:about|of|on) )?(?:what|how|who|when) ([\w-]+)", rest)
        if past_clause and (is_past_verb(past_clause.group(1)) or past_clause.group(1) in {"was", "were", "did", "had"}):
            ok = False  # "how do you feel about what happened at the meeting": one past event
        if ok and not _PAST.search(rest) and not _PRONOUN_END.match(rest) and rest.strip(" ?.!"):
            return f"'{verb}' in the present asks for an overall opinion (the general case)"
    m = re.match(_LEAD + r"how ([\w-]+) (?:are|is|r) (?!there\b)([\w-]+)\b(.*)$", low)
    if m and _judgement(m.group(1)) and not _PAST.search(m.group(3)) and \
            not (m.group(2) in {"that", "this", "it"} and not m.group(3).strip(" ?.!")):
        return f"'how {m.group(1)} is ...' in the present asks for an overall judgement (the general case)"
    m = re.match(_LEAD + r"how (?:is|are) (?!there\b|that\b|this\b|it\b|you\b|they\b|he\b|she\b)((?:the|your|our|their|"
                 r"things|business|work|life)\b.*)$", low)
    if m and not _PAST.search(m.group(1)) and not re.search(r"\b[\w-]+ed (?:by|with|from|in|on|for)\b|\bdifferent\b",
                                                              m.group(1)):
        return "'how is <it>' in the present asks for an overall judgement (the general case)"
    if re.match(_LEAD + r"what(?: is|s)? it like (?:to|for|with|when|in|at|on|[\w-]+ing)\b", low):
        return "'what's it like' asks about the general case"
    if re.match(_LEAD + r"how (?:has|have) (?:[\w'-]+ ){1,5}?(?:changed|transformed|shaped|affected) (?:the way|how|what)\b", low):
        return "'how has X changed the way you ...' sums up the whole period (and takes the change for granted)"
    m = re.match(_LEAD + r"(?:[\w-]+ ){0,6}?how much (?:more [\w-]+|[\w-]+er|better|worse) (?:is|are|does|do) ([\w-]+)\b(.*)$", low)
    if m and not _PAST.search(m.group(2).replace(" used before", "")) and \
            not re.search(r"\b(?:would|could|will|might)\b", m.group(2)):
        return "a present comparison sums up the general case"
    return _judged_state(low) or _opinion_phrase(low) or _generic_clause(low)


def _opinion_phrase(low: str) -> str:
    """"How are you finding the new rota?", "What are your thoughts on ...", "How would you describe
    ...", "How does X compare with Y": an overall opinion asked in another clause shape."""
    if _PAST.search(low) or re.search(r"\bif\b", low):
        return ""
    if re.match(_LEAD + r"how (?:are|is) (?:you|u|your [\w-]+|the [\w-]+|[\w-]+s) (?:[\w-]+ )?(?:finding|getting on|liking|"
                r"enjoying|coping|managing|settling|working out|working)\b", low) or \
            re.match(_LEAD + r"(?:is|are) (?:the|your|our|this|it|that) (?:[\w-]+ ){0,3}?working (?:out |well )?(?:for you|so far)\b",
                     low):
        return "an opinion in the present progressive asks about the general case so far"
    if re.match(_LEAD + r"what (?:is|are) (?:your|people's|customers') (?:overall |general |honest |first )?(?:opinion|opinions|"
                r"thoughts|view|views|impression|impressions|feelings|verdict|take) (?:of|on|about)\b", low):
        return "'what's your opinion of' asks for an overall opinion (the general case)"
    if re.match(_LEAD + r"how would (?:you|u) (?:describe|rate|sum up|summarise|summarize|characterise|characterize) "
                r"(?!what\b|how\b|that\b|it\b)", low):
        return "'how would you describe X' asks for an overall opinion (the general case)"
    if re.match(_LEAD + r"how (?:does|do) (?:the |your |our )?(?:[\w-]+ ){1,3}?compare (?:with|to|against)\b", low):
        return "'how does X compare with Y' asks about the general case"
    if re.match(_LEAD + r"(?:does|do) (?:the|your|our|this) (?:[\w-]+ ){1,3}?(?:make|help|save|suit|meet)\b", low):
        return "a present yes/no judgement of what a product does for them asks about the general case"
    return ""


_SUBORD = r"(?:when|whenever|before|after|once|while|as soon as|if)"


def _generic_clause(low: str) -> str:
    """"What happens when you run out of a flavour?", "What's the first thing you do when you get
    to the shop?", "Do you vacuum before the cleaners arrive?": a present-simple main clause with
    a present-simple adverbial clause, which holds whenever it happens: the general case."""
    if _PAST_CORE.search(re.sub(r"\bthe (?:first|last|next) (?:thing|step)s?\b", "", low)) or \
            re.search(r"\b(?:would|could|will|might|should|ago|today|tomorrow|now|next)\b", low):
        return ""
    if re.match(_LEAD + r"(?:[\w-]+ ){0,6}?how much (?:time|money) (?:do|does) (?:you|u|they|your [\w-]+) (?:save|spend|lose|waste)\b", low):
        return "'how much time do you save' in the present simple sums up the general case"
    main = re.match(_LEAD + r"(?:what happens|what (?:is|are) the (?:first|last|next) (?:thing|step)s? (?:you|they|your [\w-]+) "
                    r"(?:do|check|say|see)|(?:what|how|who|where) (?:do|does) (?:you|u|they|[\w-]+s|your [\w-]+)(?: [\w-]+){1,3}|"
                    r"(?:do|does) (?:you|u|they|your [\w-]+) (?!have\b|know\b|remember\b|think\b|mind\b|want\b|need\b)[\w-]+)"
                    r"(?: [\w'-]+){0,8}? " + _SUBORD + r" (?:you|u|they|we|it|the [\w-]+|a [\w-]+|your [\w-]+|customers|[\w-]+s) "
                    r"(?:[\w-]+ )?([\w-]+)\b", low)
    if main and not is_past_verb(main.group(1)) and main.group(1) not in {"did", "was", "were", "had", "last", "first"}:
        return "a present-simple clause with 'when / before ...' holds whenever it happens: the general case"
    m = re.match(_LEAD + r"when (?:the |a |your |our )?[\w-]+ (?:come|comes|arrive|arrives|start|starts|open|opens|get|gets)\b"
                 r"(?: [\w'-]+)* (?:what|how) (?:does|do|is|are) ", low)
    if m and re.search(r"\bon a (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|weekend|busy)\b", low):
        return "'when X comes in on a Monday' describes any such day: the general case"
    return ""


def _judged_state(low: str) -> str:
    m = re.match(_LEAD + r"(?:is|are) (?:the|your|our|this|these|its|their) ((?:[\w-]+ ){1,4}?)([\w-]+)"
                 r"((?: enough)?(?: to use| for you| overall| these days| now| at the moment)?) \?$", low + " ?"
                 if not low.endswith("?") else low)
    if m and _judgement(m.group(2)) and "ADJ" in tags(m.group(2)) and not _PAST.search(low) and " or " not in low:
        return "a present yes/no judgement of a product or service asks about the general case"
    m = re.match(_LEAD + r"(?:(?:is|are) it|(?:do|does) (?:you|u|your [\w-]+|[\w-]+s) find (?:it|the [\w-]+(?: [\w-]+)??|"
                 r"your [\w-]+|[\w-]+s)|(?:do|does) (?:you|u) think (?:the|your|our|it|this) (?:[\w-]+ ){0,3}?(?:is|are)) "
                 r"(?:too |really |very |quite |fairly )?([\w-]+)\b", low)
    if m and _judgement(m.group(1)) and not _PAST.search(low) and " or " not in low:
        return "a present yes/no judgement ('is it easy to ...', 'do you find it ...') asks about the general case"
    m = re.match(_LEAD + r"(?:do|does) (?:you|u|your [\w-]+|[\w-]+s) find (?!out\b|that\b)(.+)$", low)
    if m and not _PAST.search(low) and " or " not in low and \
            any(_judgement(w) and "ADJ" in tags(w) for w in m.group(1).split()[1:5]):
        return "a present yes/no judgement ('do you find the app easy ...') asks about the general case"
    if re.match(_LEAD + r"(?:is|are) (?:the|your|our|this|these) (?:[\w-]+ ){1,4}?(?:a|an) (?:(?:real|big|good|bad|[\w-]+) )?"
                r"(?:problem|issue|worry|concern|hassle|help|pain|nuisance|colour|color|size|fit|price|deal|value)\b", low) \
            and not _PAST.search(low) and " or " not in low:
        return "a present yes/no judgement of a product or service asks about the general case"
    if re.match(_LEAD + r"(?:do|does) (?:the|your|our|this|[\w-]+s)(?: [\w-]+){0,3} (?:get|have|give|offer|receive) enough\b",
                low) and not _PAST.search(low):
        return "'do they get enough ...' judges the general case"
    if re.match(_LEAD + r"(?:do|does) (?:the|your|our|this|it)(?: [\w-]+){0,3} work (?:well|properly|ok|okay|for you)\b",
                low):
        return "'does it work well' judges the general case"
    if re.match(_LEAD + r"how well (?:does|do) ", low) and not _PAST.search(low):
        return "'how well does it work' judges the general case"
    return ""


_PRESUPPOSE = (
    (re.compile(r"\bwhen did " + _WHO + r"(?: first)? (?:notice|realise|realize|spot|discover|become aware|"
                r"(?:start|begin) (?:to )?(?:notice|noticing|mention|mentioning|complain|complaining|comment|commenting|"
                r"report|reporting|worry|worrying|struggle|struggling|ask|asking about|raise|raising)|"
                r"(?:start|begin) (?:to )?(?:have|having|get|getting) (?:problems|trouble|issues|complaints))\b"),
     "'when did you notice ...' takes the problem for granted"),
    (re.compile(r"\bhow much (?:time|money|effort|hassle|stress|work|paperwork|admin|energy)(?: and [\w-]+)? (?:does|did|has|"
                r"have|do) (?:(?!would |could |will |might )[\w'-]+ ){1,5}?(?:save|saved|cut|spare|free up)\b"),
     "'how much time does it save' takes the benefit for granted"),
    (re.compile(r"\b(?:stopped|broke|failed|crashed|died|leaked|froze|jammed|went wrong|broke down|went down|cut out|"
                r"played up|went off|tripped) (?:working )?again\b|\b(?:before|until|till) (?:it|they|the [\w-]+|your [\w-]+) "
                r"(?:[\w-]+ ){1,2}?again\b"), "'... again' takes a repeated failure for granted"),
    (re.compile(r"\bwhy (?:did|does|do|has|have) (?:[\w'-]+ ){1,4}?keep (?:on )?[\w-]+ing\b"),
     "'why did it keep ...' takes the repeated problem for granted"),
    (re.compile(r"\bwhen did (?!you\b|u\b)(?:the |your |a |their |our )?[\w-]+(?: [\w-]+){0,3} (?:first )?(?:start|begin|began)\b"),
     "'when did X start' takes the change for granted"),
    (re.compile(r"\bwhen did (?:you|u) (?:first )?(?:start|begin) (?:to )?(?:feel|feeling|worry|worrying|think|thinking|doubt|"
                r"doubting|lose|losing|dread|dreading)\b"), "'when did you start to feel ...' takes the feeling for granted"),
    (re.compile(r"\bwhat (?:benefits|improvements|savings|gains|advantages|difference|differences|problems|issues) (?:have|has|did|"
                r"does|do) (?:you|u|it|they|the [\w-]+|your [\w-]+) (?:[\w-]+ )?(?:seen|made|noticed|brought|had|got|make|bring|see|"
                r"notice|get)\b"), "'what benefits have you seen' takes the benefit for granted"),
    (re.compile(r"\bhow much (?:has|have|did) (?:[\w'-]+ ){1,4}?(?:come down|gone down|dropped|fallen|fall|drop|decreased|"
                r"reduced|shrunk|shrink|gone|come)\b(?! up\b)"), "'how much has X come down' takes the change for granted"),
    (re.compile(r"\b(?:after|with|given|despite) all the (?:[\w-]+ )?(?:improvements|changes|upgrades|investment|work|effort|"
                r"care|training)(?: that)? (?:we|our [\w-]+)\b"), "the preamble claims the work put in"),
    (re.compile(r"\bwhat (?:was|were|is|are|did you find) (?:so |most |particularly |really )?(?:confusing|difficult|hard|tricky|"
                r"frustrating|annoying|stressful|helpful|useful|great|good|bad|wrong|special|magical|fun|enjoyable|easy|"
                r"awkward|painful|unclear|reassuring|exciting) (?:about|with|in)\b"), "'what was confusing about it' takes the feeling for granted"),
    (re.compile(r"\bthe (?:most|least) (?:fun|enjoyable|magical|exciting|memorable|rewarding|special|delightful|relaxing) "
                r"(?:part|bit|thing|moment|aspect)\b"), "'the most fun part' takes the feeling for granted"),
    (re.compile(r"\bhow (?:magical|wonderful|amazing|fun|exciting|delightful|lovely|stunning|special|beautiful|relaxing|"
                r"memorable|spectacular|breathtaking|awful|terrible|horrible|dreadful|painful) (?:was|were|is|are|did)\b"),
     "'how magical was it' takes the feeling for granted"),
    (re.compile(r"\bour [\w ,-]{0,40}(?:is|are|has|have) (?:the|an?) (?:only|first|largest|biggest|fastest|cheapest|"
                r"newest|longest|oldest)\b"), "the preamble claims the product's standing"),
    (re.compile(r"\bour [\w ,-]{0,40}(?:is|are) (?:the|an?) (?:industry|market|sector|gold) (?:standard|leader|leading|benchmark)"),
     "the preamble claims the product's standing"),
    (re.compile(r"^(?:i|we) (?:gather|hear|heard|understand|am told|was told|were told|believe|know) (?:that )?(?:[\w'-]+ ){1,5}?"
                r"(?:was|were|is|are|has been|have been) (?:very|so|really|extremely|incredibly|super|ever so) [\w-]+"),
     "the preamble tells the participant how it went"),
)


def presupposition(sentences: list[str]) -> str:
    """A problem, benefit or feeling taken for granted (see the module table)."""
    text = [_sub(s) for s in sentences]
    for pattern, reason in _PRESUPPOSE:
        if any(pattern.search(t) for t in text):
            return reason
    low = _asked(sentences)
    for m in re.finditer(r"\bour ((?:[\w-]+ ,? (?:and )?){1,3})[\w-]+", low):
        adjs = [w for w in m.group(1).split() if w not in {",", "and"}]
        if adjs and any(a not in {"new", "old", "own", "latest", "local"} and "ADJ" in tags(a) and
                        (valence(a) >= 1.0 or a in QUALITY_ADJ or a in {"expert", "skilled", "experienced", "qualified",
                                                                       "trained", "dedicated", "award-winning"})
                        for a in adjs):
            return "praise inside the noun phrase ('our <adjective> ...') tells the answer"
    return ""


def leading(sentences: list[str]) -> str:
    """The leading cues of this round: a presupposition or a concluding statement with "?"."""
    if r := presupposition(sentences):
        return r
    low = _asked(sentences)
    m = re.match(_LEAD + r"how long (?:have|has) (?:you|u|[\w-]+s|your [\w-]+) (?:been|felt) ([\w-]+)\b", low)
    if m and abs(valence(m.group(1))) >= 1.0:
        return f"'how long have you been {m.group(1)}' takes the feeling for granted"
    if re.match(r"^(?:[\w'-]+ ){0,12}?(?:so|,\s?so) (?:you|the|your|it|that|they)\b", low) and \
            not re.search(r"\b(?:what|how|why|who|where|when|which|did|do|does|is|are|was|were|would|could|can|will)\b",
                          low.split(" so ", 1)[-1] if " so " in low else low.split("so ", 1)[-1]) and \
            re.search(r"\b(?:felt|sorted|worked out|helped|fixed|solved|saved|liked|loved|enjoyed|improved|resolved|"
                      r"happy|pleased|satisfied|safe|easier|better|quicker|faster)\b", low):
        return "a statement with a question mark asks to confirm the speaker's conclusion"
    if re.search(r"\bhow (?:has|have) (?:[\w'-]+ ){1,5}?(?:changed|transformed|improved) (?:the way|how)\b", low):
        return "'how has X changed the way you ...' takes the change for granted"
    return ""


def closed(sentences: list[str]) -> str:
    """One duration, one name, or yes or no after a condition (see the module table)."""
    low = _asked(sentences)
    if re.match(_LEAD + r"(?:[\w-]+ ){0,3}?how (?:quickly|soon) (?:did|was|were|do|does|is|are|will|can|could|would)\b", low) \
            and not re.search(r"\band\b", low):
        return "'how quickly' asks for one duration"
    if re.match(_LEAD + r"who (?:would|will) (?:you|u) (?!say\b)(?:[\w-]+ ){1,2}first\b", low):
        return "'who would you ring first' asks for one name"
    if re.match(r"^(?:since|after|now that|with|given) [^,?]+ , how (?:much|many|long)\b"
                r"(?! more\b| less\b| better\b| worse\b| [\w-]+er\b)", low) and " and " not in low:
        return "'how much' asks for one amount"
    if re.match(_LEAD + r"how much (?:has|have|did) (?:[\w'-]+ ){1,4}?(?:come down|gone down|dropped|fallen|risen|gone up|increased|"
                r"decreased|improved|grown|boosted|boost|cut|reduced)\b", low):
        return "'how much has X come down' asks for one amount"
    if re.match(_LEAD + r"how (?:many|much|long) (?:[\w'-]+ ){1,10}?(?:, )?and (?:who|what|how|where|when|which) "
                r"(?:did|was|were|is|are|do|does|[\w-]+ed)\b", low):
        return "the first question asks for one number"
    if re.search(r"\bwhich (?:[\w-]+ ){1,2}(?:would|will) (?:you|u) (?:pick|choose|go for|select|take|buy|order|play)\b", low):
        return "'which X would you pick' asks for one pick"
    m = re.match(r"^(?:if|when|once|suppose|supposing|say) [^,?]+ , (?:then )?(would|will|could|do|did|is|are|can|should) "
                 r"(?:you|u|it|that|this|they|we)\b(.*)$", low)
    if m and not re.search(r"\b(?:what|how|why|which|who|where|when|and|or)\b", m.group(2)) and \
            not re.match(r" (?:please )?(?:give|describe|tell|walk|talk|share|explain|say more|take me)\b", m.group(2)):
        return f"'..., {m.group(1)} you ...' after a condition can be answered yes or no"
    return ""


def double_barreled(sentences: list[str]) -> str:
    """Two states of two things under one copula ("Was the boat clean and the galley well stocked
    ...?"), two people's feelings compared ("did your partner enjoy it as much as you did?")."""
    low = _asked(sentences)
    m = re.match(_LEAD + r"(?:was|were|is|are) (?:the|your|our) (?:[\w-]+ ){1,3}?([\w-]+) and (?:the|your|our) [\w-]+"
                 r"(?: [\w-]+)? (?:(?:a |an |well |too |very |really )?[\w-]+)(?: [\w-]+)?(?: when\b.*| [?.!])?$", low)
    if m and not re.search(r"\b(?:or|both)\b", low):
        tail = low.split(" and ", 1)[1].split()
        if any(_judgement(w) or "ADJ" in tags(w) and w not in {"same", "other"} or w.endswith("ed") for w in tail[2:4]):
            return "two states of two things under one question"
    if re.search(r"\b(?:enjoy|like|love|mind|notice|feel|find) (?:it|them|that|the [\w-]+) as much as (?:you|i|they|we|he|she) "
                 r"(?:did|do)\b", low):
        return "two people's feelings compared: ask about each"
    return ""


def generalizing(sentences: list[str]) -> str:
    return overall_opinion(sentences)


_STORY = r"(?:tell me about|walk me through|talk me through|take me back to|describe|what happened)(?: what happened| how it went)?" \
         r"(?: on| during| at| in)?"
_RECIPROCAL = r"(?:disagreed|argued|clashed|fell out|met|talked|spoke|negotiated|fought|collided|split up|worked together|" \
              r"disagree|argue|clash|came to an agreement|sorted it out|compared notes)"


def not_double(sentences: list[str]) -> str:
    """One question in spite of its 'and' or 'or' (see the module table): the reason or ``""``."""
    low = _asked(sentences)
    if re.match(_LEAD + r"(?:do|does|would|will|is|are|can|could|should) (?:you|u|they|[\w-]+s)\b", low) and \
            " , or " not in low and " and " not in low and low.count(" or ") == 1 and \
            not re.search(r"\bor (?:not|something|anything|so|both)\b", low):
        return "a choice between two (closed), not two questions"
    m = re.match(r"^(?:if|suppose|supposing|imagine) ([^?]+?) , ((?:would|will|could|does|do|is|are) (?:that|it|this|you|they)\b[^,]*)$",
                 low)
    if m and " and " in m.group(1) and " and " not in m.group(2) and " or " not in m.group(2):
        return "the pair is inside the condition: one change, one question"
    if re.search(r"\b[\w-]+ and (?:the |your |a |his |her |their |my )?[\w-]+(?: [\w-]+)? " + _RECIPROCAL + r"\b", low) and \
            low.count(" and ") == 1:
        return "two parties of one reciprocal act"
    m = re.match(_LEAD + r"(?:could you |can you |please )?" + _STORY + r" (?:the|a|that) (?:day|time|night|morning|"
                 r"afternoon|evening|moment|occasion|last time|week)\b(.*)$", low)
    if m and m.group(1).count(" and ") == 1 and " , and " not in m.group(1):
        after = m.group(1).split(" and ", 1)[1].split() + ["", ""]
        if after[0] in {"needed", "had", "wanted", "was", "were", "could"} or \
                (after[0] in {"what", "how", "who"} and not set(after) & {"time", "last", "compared", "cost", "paid", "would"}
                 and (after[1] in {"the", "they", "he", "she", "his", "her", "their", "happened"} or
                      (after[1] == "you" and after[2] in {"handled", "dealt", "responded", "reacted", "coped", "did"}))):
            return "one occasion told in two clauses"
    return ""


_FRAME = re.compile(r"\b(?:conversation|interview|session|recording|recorded|recordings|transcription|transcribed|transcript|"
                    r"research|study|project|consent|privacy|confidential|confidentiality|anonymous|anonymised|anonymized|"
                    r"data protection|personal details|your details|your responses|your answers|feedback session|ethics|"
                    r"take part|taking part|participate|participating|your time|inspectors|enforcement|identified|"
                    r"this call|these questions|a few questions)\b")
_SPEAKER_ACT = re.compile(r"^(?:[\w',-]+ ){0,20}?(?:i|we) (?:should|must|want to|would like to|need to|am required to|are required to|"
                          r"have to|will)? ?(?:explain|mention|stress|reassure|let you know|say|point out|remind|note)\b")
_COURTESY = {"appreciate", "grateful", "reassure", "securely", "agreeing", "glad", "thank", "thanks", "pleased", "happy",
             "value", "valued", "kind", "kindly", "welcome", "help", "helpful", "love", "like"}
_PRAISE_FRAME = re.compile(r"\b(?:(?:research|studies|study|data|surveys?|figures|evidence) (?:shows?|suggests?|found|"
                           r"proves?|says?)|more [\w-]+ than|[\w-]+er than|award|proud|best|leading|standard|improvements|we never|"
                           r"never leave|everyone|most people|"
                           r"customers (?:say|tell)|love (?:it|our|the))\b")


def _procedural(sentence: str) -> bool:
    """A sentence about the interview itself (recording, consent, data, research, thanks)."""
    low = _sub(sentence)
    if sentence.rstrip().endswith("?") or _PRAISE_FRAME.search(low):
        return False
    frames = len(_FRAME.findall(low))
    if frames and (_SPEAKER_ACT.match(low) or frames >= 2):
        return True  # the speaker explains the interview: whatever it says, it says of the interview
    if not (frames or low.startswith(("thank you", "thanks"))):
        return False
    return not any(abs(valence(w)) >= 1.0 and w not in _COURTESY for w in low.split())


_POLITE_IF = re.compile(r"\b(?:I|we) (?:would|'d|\u2019d) (?:be )?(?:very |really |most |so )?(?:grateful|glad|pleased|thankful|"
                        r"appreciate it|like it|love it) if you (?:could|would|might)(?: (?:please|kindly))?\s", re.I)
_IF_YOU_COULD = re.compile(r"(?:^|(?<=[,.]\s))if you (?:could|would)(?: please| kindly)? (?=(?:tell|describe|walk|talk|take|"
                           r"share|explain|say|give)\b)", re.I)
_COLON = re.compile(r"^([^:?]{12,}):\s+(?=(?:do|does|did|is|are|was|were|how|what|why|when|where|who|which|would|could|can|"
                    r"have|has)\b)", re.I)


def readable_core(sentences: list[str]) -> list[str]:
    """The question without what carries no flag: preamble sentences about the interview itself
    (:func:`_procedural`), a polite "I would be grateful if you could" read as "could you", a
    preamble before a colon read as its own sentence. The same list when nothing changes."""
    if not sentences:
        return sentences
    out = list(sentences)
    if len(out) > 1:
        kept = [s for s in out[:-1] if not _procedural(s)]
        if len(kept) < len(out) - 1:
            out = kept + out[-1:]
    out = [_IF_YOU_COULD.sub("could you ", _POLITE_IF.sub("could you ", s)) for s in out]
    last = out[-1]
    if (m := _COLON.match(last)) and not m.group(1).lower().startswith(("tell me", "walk me", "describe", "question")):
        out[-1:] = [m.group(1) + ".", last[m.end():]]
    return out


def revise(sentences: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """The reasons of the earlier rounds with this round's cues (see the module table). When a
    procedural preamble, a polite "if you could" or a colon changes what is read, the question
    is judged again without them. Returns a new dict."""
    if not sentences:
        return dict(reasons)
    core = readable_core(sentences)
    if core != sentences and core:
        from kit.guide.lint import _analyse  # the whole rule set once more, on what is left

        reasons = _analyse(" ".join(core))[1]
        return reasons  # the nested call has applied this round already
    out = dict(reasons)
    for flag, fn in (("leading", leading), ("closed", closed), ("double-barreled", double_barreled)):
        if flag not in out and (r := fn(sentences)):
            out[flag] = r
    if r := overall_opinion(sentences):
        out.setdefault("generalizing", r)
        if "changed" in r:
            out.setdefault("leading", r)
        if r.startswith(("a present yes/no", "'do they get", "'does it work")) and not r.startswith("'how"):
            out.setdefault("closed", "a yes/no judgement can be answered yes or no")
    if "double-barreled" in out and not out["double-barreled"].startswith(("a second topic appended", "'both")) and \
            (r := not_double(sentences)):
        del out["double-barreled"]
        if r.startswith("a choice"):
            out.setdefault("closed", r)
    return out
