"""Cues of the twelfth round of the question linter (issue 16), from the faults a newcomer and
an outside tester found by using the kit (not from a labelled set). :func:`drop_address` is
applied to every question before any rule; :func:`revise` after :mod:`kit.guide.cues10`.

=================  =========================================================================
cue                what it finds
=================  =========================================================================
address before     a vocative or a short preface set off before a request or a question
a request          ("Tyler, tell me about ...", "So Maria, walk me through ...", "ok Sam -
                   describe ...", "yo Mikey, ...", "Finally, tell me ...", "Thinking back,
                   tell me ..."): read as the request it precedes, so the question gets the
                   kind and flags of the request (a story opener stays a story opener, in
                   the linter, in ``review``'s "story first" and in question-craft). A name is
                   a capitalised word the lexicon does not know ("Tyler", "Chloé"), a redacted
                   "[name]", any such word after a greeting ("yo mikey"), or before a request
                   a capitalised word it knows only as a noun ("Mark, tell me ..."); words
                   that carry a cue ("Overall", "Honestly", "Imagine", "Generally") are never
                   dropped
closer that        the standard closers that invite anything left unsaid ("Anything else?",
invites the        "Is there anything else you'd like to add / tell us?", "Anything we didn't
unsaid             ask that we should have?", "Did we miss anything?", "Any other comments
                   for us?"): not closed and not hypothetical ("you'd like to" is polite,
                   not imagined), so no rewrite is offered; a judgement or a pair inside one
                   is still flagged. Scoped to a topic ("anything else you'd like to tell me
                   about invoicing?") it stays closed, as the labelled sets have it
tag after a        a confirmation tag after a request or an open question ("Tell me about the
request            last time you used the Booster Pack, isn't it great?", "..., didn't you?",
                   "..., don't you think?", "..., right?"): it proposes the answer (leading);
                   a politeness tag ("..., ok?", "..., would you?", "..., please?") is not
two things in a    a pair of noun phrases as the object of a yes/no or hypothetical question
yes/no question    ("Would you pay for automatic reconciliation and faster payouts?", "Do you
                   need priority support and extra storage?"): each may get its own answer
                   (double-barreled). Not a fixed pair ("terms and conditions"), a pair that
                   modifies one noun ("health and safety training"), "both / either /
                   between / together", nor two bare nouns of one category in the present
                   or past ("Do you keep invoices and receipts?")
other people's     asking the participant to speculate about the reasons or behaviour of
reasons            people in general ("Why do you think people quit puzzle games?", "What
                   makes customers switch banks?", "How do other parents decide ...?"):
                   generalizing -- the third round's settled convention that a group as the
                   subject asks for the general case (docs/design.md, "Question linter"),
                   as the independent authors labelled it ("Why do you think people keep
                   dropping stuff by the bins?": generalizing only). Not leading (no answer
                   is proposed) and not hypothetical (nothing imagined). Not a past event
                   ("Why did customers complain last week?"), nor people the participant
                   names ("What do your kids think of it?")
=================  =========================================================================
"""
from __future__ import annotations

import re

from kit.guide.lexicon import FIXED_PAIRS
from kit.guide.words import DETS, PREPS, lemma, tags, words

__all__ = ["closer", "drop_address", "others_reasons", "others_story", "request_body", "request_tag", "revise",
           "two_things"]

# ----------------------------------------------------------------------------------------
# address or preface before a request
# ----------------------------------------------------------------------------------------
_MARKERS = {"so", "ok", "okay", "right", "alright", "now", "and", "hey", "hi", "hello", "yo", "well",
            "oh", "um", "umm", "uh", "erm", "er", "cool", "great", "thanks", "good", "perfect", "brilliant",
            "lovely", "ah", "sure", "awesome", "nice", "anyway", "anyways", "then", "right-o", "ya", "yeah"}
_GREETINGS = {"hey", "hi", "hello", "yo", "ok", "okay", "so", "right", "alright", "thanks", "morning"}
_SEQUENCERS = re.compile(
    r"(?:finally|lastly|firstly|secondly|first(?: of all| up| off)?|next|to (?:start|begin)(?: with)?|"
    r"to (?:wrap|finish) up|to finish|before we (?:finish|wrap up|end|go|close)|one (?:last|more|final) "
    r"(?:thing|question)|(?:my |the )?(?:last|final|next|first) question|thinking back|looking back|going back|"
    r"just quickly|quickly|thank you|all right)", re.I)
_ADDRESS = {"guys", "folks", "everyone", "everybody", "y'all", "mate", "buddy", "friend", "dude", "team",
            "sir", "madam", "ma'am", "pal", "love"}
# capitalised words that carry a cue of their own: never read as a name
_NOT_NAMES = {"imagine", "picture", "suppose", "say", "pretend", "assume", "assuming", "ideally", "honestly",
              "overall", "generally", "usually", "typically", "normally", "realistically", "personally",
              "today", "yesterday", "currently", "nowadays", "lately", "recently", "again", "also", "otherwise",
              "please", "just", "tell", "walk", "describe", "talk", "take", "share", "think", "recall",
              "remember", "hypothetically", "seriously", "basically", "obviously", "clearly", "surely",
              "weekends", "weekdays", "mornings", "evenings", "lastly", "finally", "briefly", "given",
              "considering", "besides", "instead", "still", "yet", "if", "when", "whenever", "because"}
_REQUEST_START = re.compile(
    r"(?:(?:can|could|would|will) you (?:please |just )?|please |just )?(?:tell|walk|talk|take|run|describe|"
    r"think back|think about|think of|recall|remember|go back|share|recount|paint|give me|i'?d (?:love|like)|"
    r"i would (?:love|like)|i want|we'?d (?:love|like)|let'?s)\b", re.I)
_QUESTION_START = re.compile(
    r"(?:what|how|why|when|where|who|which|do|did|does|is|are|was|were|have|has|had|can|could|would|will|"
    r"any|anything)\b", re.I)
_SEP = re.compile(r"\s*(?:,|:|;|\s[-\u2013\u2014]+|[\u2013\u2014]+)\s*")
_UNIT = re.compile(r"\[[^\W\d_]+\]|[^\W\d_][^\W\d_'\u2019]*(?:-[^\W\d_]+)?")  # a word, or "[name]" (redacted)


def _name(token: str, after_greeting: bool, before_request: bool = True) -> bool:
    if token.startswith("["):
        return True  # a name redacted as "[name]"
    low = token.lower().replace("\u2019", "'")
    if low in _ADDRESS:
        return True
    if low in _NOT_NAMES or low.endswith(("ly", "ing")):
        return False
    tg = tags(low)
    if not tg <= {"NOUN", "VERB"} or "NOUN" not in tg or lemma(low, "NOUN") != low:
        return False
    from kit.guide.words import _lemma_api

    get_all = _lemma_api()[0]
    if get_all is not None and get_all(low) and not before_request:
        return False  # "Money, how do you ...": a word of the lexicon, not a name, before a question
    return token[:1].isupper() or after_greeting


def _preface_units(chunk: str, *, named: bool, before_request: bool = True) -> bool:
    """Whether ``chunk`` (the text before a separator) is only discourse markers, sequencers
    and names; ``named``: at least one name is required (no separator after it)."""
    rest = chunk.strip()
    seen_name = False
    greeted = False
    while rest:
        m = _SEQUENCERS.match(rest)
        if m and (m.end() == len(rest) or not rest[m.end()].isalpha()):
            rest = rest[m.end():].lstrip(" ,")
            continue
        m = _UNIT.match(rest)
        if not m:
            return False
        tok = m.group(0)
        low = tok.lower()
        if low in _MARKERS and not (tok[:1].isupper() and seen_name):
            greeted = greeted or low in _GREETINGS
        elif _name(tok, greeted, before_request):
            seen_name = True
        else:
            return False
        rest = rest[m.end():].lstrip(" ,")
    return seen_name or not named


def drop_address(text: str) -> str:
    """``text`` without a vocative or a short preface before the request or question of each
    sentence ("Tyler, tell me about ..." -> "tell me about ..."; see the module table). A
    preface of up to five words set off by a comma, colon or dash, made only of discourse
    markers ("so", "ok", "yo"), sequencers ("finally", "to start", "thinking back") and names;
    or, with no separator, markers and at least one name right before a request verb or a
    wh-word ("So Maria walk me through ..."). Anything else is left as it is."""
    text = str(text)
    out, start = [], 0
    for m in re.finditer(r"(?:^|(?<=[.!?])\s+)(?=\S)", text):
        if m.end() < start:
            continue
        out.append(text[start:m.end()])
        start = m.end()
        start += _preface_length(text[start:])
    out.append(text[start:])
    return "".join(out)


def _preface_length(sentence: str) -> int:
    head = sentence[:80]
    total = 0
    while True:
        rest = head[total:]
        sep = _SEP.search(rest)
        after = rest[sep.end():] if sep else ""
        if sep and 0 < sep.start() and len(rest[:sep.start()].split()) <= 5 and \
                _preface_units(rest[:sep.start()], named=False, before_request=bool(_REQUEST_START.match(after))):
            if _REQUEST_START.match(after) or _QUESTION_START.match(after) or \
                    (sep.group(0).strip() in {",", ""} and _preface_length(after)):
                total += sep.end()
                continue
        # no separator: "Tyler tell me about ...", "So Maria walk me through ..."
        toks = list(re.finditer(r"\S+", rest[:60]))
        for k in range(1, min(4, len(toks))):
            chunk = rest[:toks[k - 1].end()]
            after = rest[toks[k].start():]
            if (_REQUEST_START.match(after) or re.match(r"(?:what|how|why)\b", after, re.I)) and \
                    _preface_units(chunk, named=True, before_request=bool(_REQUEST_START.match(after))):
                return total + toks[k].start()
        return total


_SHORT_PREFACE = re.compile(r"^(?:[a-z'\u2019-]+ ){0,2}[a-z'\u2019-]+\s*(?:,|:|\s[-\u2013\u2014]+)\s*")


def request_body(low: str) -> str:
    """For the kind of a question: the request after a short preface of up to three words
    set off by a comma or dash ("honestly, tell me about ..." -> "tell me about ..."), else
    ``low`` itself. Flags are judged on the whole text."""
    m = _SHORT_PREFACE.match(low)
    if m and _REQUEST_START.match(low[m.end():]) and not re.match(
            r"(?:if|when|whenever|imagine|suppose|say|picture|pretend|assuming|ideally|hypothetically|generally|"
            r"usually|typically|normally|in general)\b", low):
        return low[m.end():]
    return low


# ----------------------------------------------------------------------------------------
# closers that invite anything left unsaid
# ----------------------------------------------------------------------------------------
_SAY = (r"(?:add|say|tell(?: (?:me|us))?|share|mention|raise|cover|discuss|talk about|bring up|ask(?: (?:me|us))?|"
        r"know|flag|note|clarify|comment on|go back to|come back to|expand on|go over|get off your chest|"
        r"let (?:me|us) know|put on record|feed back|give feedback on)")
_TAIL = (r"(?:\s+(?:today|at all|before we (?:finish|wrap up|go|end|stop|close)|from your side|for now|"
         r"in (?:this|our|the) (?:interview|conversation|call|chat|session)|about (?:that|this|it|any of (?:this|that)|"
         r"anything|all (?:this|that)|what (?:we|you)(?:'ve| have)? (?:discussed|talked about|covered|told (?:me|us)|said|shared))|about|please))*")
_WANT = (r"(?:(?:you|you'd|you would|you'd like|you would like|you want|you wanted|you wish|you need|you care)"
         r"(?: really| also| still| maybe| perhaps| just)*(?: like)?(?: to)?)")
_UNSAID = (r"(?:(?:we|i) (?:didn't|did not|haven't|have not|failed to|forgot to|never|have yet to|haven't yet)"
           r"(?: (?:ask|asked|cover|covered|talk about|talked about|mention|mentioned|touch on|touched on|get to|"
           r"got to|discuss|discussed|cover off|raise|raised))?(?: about)?(?:,? (?:that|which|but) (?:we|i) "
           r"(?:should|ought to) have(?: asked| covered)?| but should have)?|(?:we|i) (?:should|ought to) "
           r"(?:have asked|have covered|know|ask|be asking|have talked about|hear)(?: about)?(?:,? but (?:didn't|did not))?|"
           r"(?:we|i)(?: have|'ve)? (?:missed|forgot|forgotten|overlooked|left out)|you (?:think|feel|reckon) "
           r"(?:we|i) should (?:know|have asked|hear|ask|be asking)(?: about)?|you (?:want|wanted|would like|'d like) "
           r"(?:me|us) to (?:know|hear)|(?:on your mind|to (?:add|say|share|mention|tell (?:me|us)))|you (?:think|feel) (?:would|might|could) be "
           r"(?:important|useful|helpful|worth (?:knowing|mentioning))(?: for (?:me|us))?(?: to (?:know|hear))?)")
_LEAD = (r"^(?:(?:and|so|ok|okay|finally|lastly|last(?:ly)?|great|thanks|thank you|brilliant|lovely|right|"
         r"well|perfect|before we (?:finish|wrap up|end|go|close)|to (?:wrap|finish) up|one last thing|"
         r"one (?:last|final) question|last question|that's (?:great|really helpful|all)(?: from me)?)[\s,.:!\u2014-]+)*")
_CLOSERS = [re.compile(_LEAD + p + r"\s*[?.!]*$") for p in (
    # "anything else?", "is there anything else you'd like to add?", "anything we didn't ask?"
    r"(?:(?:is|was) there |do you have |have you got |got )?(?:anything|something)(?: else| more| further)?"
    r"(?: at all| important| else)?(?: about (?:that|this|it))?(?:(?: that| which)? (?:" + _WANT + r" " + _SAY + _TAIL + r"|" + _UNSAID
    + _TAIL + r"))?",
    # "did we miss anything?", "have I forgotten anything important?"
    r"(?:did|have) (?:we|i) (?:miss|missed|forget|forgotten|leave out|left out|overlook|overlooked|skip|skipped)"
    r" (?:anything|something)(?: else)?(?: important| at all)?" + _TAIL,
    # "what else would you like to add?", "what haven't we asked that we should have?"
    r"what(?: else)? (?:would|do|did|should|could) you (?:like|want|wish|care)?(?: to)? " + _SAY + _TAIL,
    r"what (?:else )?(?:" + _UNSAID + r")" + _TAIL,
    r"what(?: else)? should (?:we|i) have asked(?: you)?(?: about)?",
    # "would you like to add anything (else)?"
    r"(?:would|do) you (?:like|want|wish|care) to " + _SAY + r" (?:anything|something)(?: else| more)?" + _TAIL,
    # "any other comments?", "do you have any questions for us?"
    r"(?:(?:do you have|have you got|are there|is there) )?any (?:other |final |last |more |further )?"
    r"(?:questions|comments|thoughts|points)(?: (?:for (?:me|us)|you(?:'d| would)? (?:like|want) to " + _SAY
    + r"))?(?: (?:before we (?:finish|wrap up|go|end|close)|at all))?",
)]


_ACKNOWLEDGEMENT = re.compile(
    r"(?:(?:great|thanks|thank you(?: so much| very much)?|brilliant|lovely|perfect|ok|okay|cool|right|super|"
    r"wonderful|fantastic|excellent|awesome|that's (?:great|really helpful|so helpful|very helpful|helpful|"
    r"brilliant|all really useful))[\s,.!]*)+")


def closer(text: str) -> bool:
    """Whether ``text`` is a standard closer that invites anything left unsaid (see the
    module table)."""
    low = " ".join(str(text).lower().replace("\u2019", "'").split())
    low = re.sub(r"\s+([?.!,])", r"\1", low)
    if len(low.split()) > 22:
        return False
    return any(p.match(low) for p in _CLOSERS)


# ----------------------------------------------------------------------------------------
# tag after a request or an open question
# ----------------------------------------------------------------------------------------
_NEG_TAG = re.compile(
    r",\s*(?:(?:is|was|are|were|do|does|did|will|would|have|has|had|can|could|should)n't|"
    r"(?:is|was|are|were|do|does|did|have|has|had|can|could|should) not) (?:it|that|this|they|you|he|she|we|"
    r"there|those|these)\b(?: (?:so )?[\w' -]{1,30})?\s*\?\s*$", re.I)
_PHRASE_TAG = re.compile(
    r",\s*(?:(?:don't|do not) you (?:think|agree|find|reckon)(?: so)?|(?:wouldn't|would not) you (?:say|agree)|"
    r"(?:isn't|is not) (?:that|it) (?:right|true|so)|right|correct|true|no|eh|innit|am i right)\s*\?\s*$", re.I)


_POLITE_TAG = re.compile(r",\s*(?:would|will|can|could) you(?: please)?\s*\??\s*$|,\s*(?:ok|okay|please)\s*\??\s*$", re.I)


def request_tag(sentences: list[str]) -> str:
    """A confirmation tag after a request or an open question (leading; see the table)."""
    if not sentences:
        return ""
    last = drop_address(sentences[-1]).strip()
    m = _NEG_TAG.search(last) or _PHRASE_TAG.search(last)
    if not m:
        return ""
    body = last[:m.start()].strip()
    if not (_REQUEST_START.match(body) or re.match(r"(?:what|how|why|when|where|who|which)\b", body, re.I)):
        return ""
    if len(body.split()) < 3:
        return ""
    return f"the tag '{m.group(0).strip(' ,?')}?' proposes the answer"


# ----------------------------------------------------------------------------------------
# two things as the object of a yes/no question
# ----------------------------------------------------------------------------------------
_MODALS = {"would", "could", "will", "might", "should"}
_YES_NO = {"do", "does", "did", "are", "is", "was", "were", "have", "has", "had", "can"} | _MODALS
_ONE_THING = {"both", "either", "between", "together", "bundle", "bundled", "package", "combined", "combo",
              "whether", "neither"}
_VERB_FILLERS = {"ever", "still", "also", "really", "actually", "consider", "considering", "be", "willing",
                 "able", "to", "like", "want", "prefer", "happy", "interested", "in", "keen", "on", "then",
                 "definitely", "probably", "maybe", "even", "now"}


def _content(w: str) -> bool:
    if w.endswith("ing") and len(w) > 5 and w not in _VERB_FILLERS:
        return True  # "paperless billing", "barcode scanning"
    tg = tags(w)
    return bool(tg & {"ADJ", "NOUN"}) and not tg & {"AUX", "WH", "PREP", "PRON", "CONJ", "DET", "PUNCT"} \
        and w not in {"and", "or", "also", "more", "less", "much", "many", "very", "too", "so", "?"}


def two_things(sentences: list[str]) -> str:
    """Two noun phrases as the object of a yes/no or hypothetical question (double-barreled;
    see the table)."""
    if not sentences:
        return ""
    toks = words(drop_address(sentences[-1]))
    if len(toks) < 6 or toks[0] not in _YES_NO or toks[1] != "you" or toks[-1] != "?" or \
            _REQUEST_START.match(" ".join(toks[:4])):
        return ""  # "Could you walk me through ...": a request, not a yes/no question
    if set(toks) & _ONE_THING or "or" in toks:
        return ""
    modal = toks[0] in _MODALS
    v = 2  # the main verb: the first word after "you" that is not a filler ("be willing to")
    while v < len(toks) and toks[v] in _VERB_FILLERS:
        v += 1
    for i, t in enumerate(toks):
        if t != "and" or i < 4 or i + 2 >= len(toks):
            continue
        # the left conjunct: a run of adjectives and nouns ending before "and"
        a = i
        while a > v + 1 and _content(toks[a - 1]) and toks[a - 1] not in _VERB_FILLERS:
            a -= 1
        left = toks[a:i]
        before = toks[a - 1] if a > 0 else ""
        if not left or not (before in PREPS or "VERB" in tags(before) or before in DETS):
            continue
        if before in DETS:
            a -= 1
            before = toks[a - 1]
        if not (before in PREPS or "VERB" in tags(before)) or before in {"and", "you"}:
            continue
        # the right conjunct: (determiner) adjectives and nouns, then the end of the clause
        j = i + 1
        if toks[j] in DETS:
            j += 1
        b = j
        while b < len(toks) and _content(toks[b]):
            b += 1
        right = toks[j:b]
        end = toks[b] if b < len(toks) else "?"
        if not right or not (end in {"?", ",", "."} or end in PREPS or end in {"if", "when", "instead", "each",
                                                                               "every", "again"}):
            continue
        if not all("NOUN" in tags(w) or w.endswith("ing") for w in (left[-1], right[-1])):
            continue
        heads = (left[-1], right[0])
        if heads in FIXED_PAIRS or (lemma(left[-1], "NOUN"), lemma(right[0], "NOUN")) in FIXED_PAIRS or \
                (left[-1], right[-1]) in FIXED_PAIRS or lemma(left[-1], "NOUN") == lemma(right[-1], "NOUN"):
            continue
        if not modal and len(left) < 2 and len(right) < 2:
            continue  # "Do you keep invoices and receipts?": one category
        return f"two things asked about at once ('{' '.join(left)}' and '{' '.join(toks[i + 1:b])}')"
    return ""


# ----------------------------------------------------------------------------------------
# other people's reasons and behaviour
# ----------------------------------------------------------------------------------------
_QUANT = r"(?:(?:other|most|many|some|all|a lot of|lots of|so many|most other|the other|certain|other)\s+)?"
_GROUP_WORDS = r"(?:people|folks|someone|somebody|anyone|anybody|everyone|everybody|others|other people)"
_WHY = re.compile(
    r"^(?:(?:so|and|ok|okay|now)[ ,]+)*(?:why|how come|what|how)(?: else)?"
    r"(?: (?:do|would) you (?:think|reckon|imagine|guess|suppose|feel)(?: that)?| in your (?:view|opinion|experience),?)?"
    r"(?: (?:do|does)| is it that)? ")
_MAKES = re.compile(
    r"^(?:(?:so|and|ok|okay|now)[ ,]+)*(?:what|who)(?: (?:do|would) you (?:think|reckon|guess|imagine))?"
    r" (?:makes|drives|causes|stops|keeps|gets|leads|pushes|motivates|encourages|prompts|puts off|turns off|"
    r"attracts|brings|convinces|persuades|pulls|scares off|puts) (" + _QUANT + r"[a-z'-]+(?: [a-z'-]+)?)")
_PAST = re.compile(r"\b(did|was|were|had|last|yesterday|ago|that day|that time|this morning|the other day)\b")


def _group(phrase: str) -> bool:
    """A group of people in general: "people", "customers", "other parents", "most users"."""
    toks = phrase.split()
    if not toks or toks[0] in DETS - {"other"} or toks[0] in {"you", "they", "we", "i", "he", "she", "it"}:
        return False
    quant = toks[0] in {"other", "most", "many", "some", "all", "certain", "lots", "a", "so"}
    head = [t for t in toks if t not in {"other", "most", "many", "some", "all", "certain", "lots", "of", "a", "lot",
                                         "so", "the"}]
    if not head:
        return False
    noun = head[0] if len(head) == 1 or "NOUN" not in tags(head[1]) or "VERB" in tags(head[1]) else head[1]
    if re.fullmatch(_GROUP_WORDS, noun) or (quant and noun == "people"):
        return True
    from kit.guide.grammar import _person

    plural = lemma(noun, "NOUN") != noun and noun.endswith("s")
    base = lemma(noun, "NOUN")
    agent = base.endswith(("er", "or")) and len(base) >= 5 and any(
        "VERB" in tags(v) for v in (base[:-1], base[:-2]))  # "riders", "voters": short agent nouns
    return plural and (_person(noun) or agent or base in _GROUP_NOUNS)


# people in general that the agent-noun test of :func:`kit.guide.grammar._person` misses
_GROUP_NOUNS = {"customer", "user", "player", "gamer", "buyer", "shopper", "visitor", "guest", "member", "fan",
                "consumer", "subscriber", "family", "kid", "teen", "teenager", "adult", "person", "human",
                "passenger", "commuter", "resident", "citizen", "voter", "homeowner", "tenant", "owner",
                "audience", "attendee", "participant", "volunteer", "donor", "customer", "guy", "woman", "man",
                "girl", "boy", "colleague", "peer", "friend", "neighbour", "neighbor", "local", "tourist",
                "traveller", "traveler", "learner", "applicant", "candidate", "patron", "diner", "fan"}


def _group_then_verb(rest: list[str]) -> str:
    """The group phrase at the start of ``rest`` when a verb follows it ("other parents
    decide", "people quit"), else ``""``."""
    k = 0
    while k < len(rest) and rest[k] in {"other", "most", "many", "some", "all", "certain", "a", "lot", "lots", "of",
                                        "so"}:
        k += 1
    if k >= len(rest) or "NOUN" not in tags(rest[k]) or tags(rest[k]) & {"PREP", "DET", "PRON", "AUX", "WH"} and \
            not re.fullmatch(_GROUP_WORDS, rest[k]):
        return ""
    end = k + 1
    if end < len(rest) and "NOUN" in tags(rest[end]) and "VERB" not in tags(rest[end]) and rest[end] not in {"?"}:
        end += 1  # "bank customers"
    if end >= len(rest):
        return ""
    verb = rest[end]
    if verb in {"?", "and", "or", ","} or not ("VERB" in tags(verb) or verb in {"look", "need", "want"}):
        return ""
    phrase = " ".join(rest[:end])
    return phrase if _group(phrase) else ""


def others_reasons(sentences: list[str]) -> str:
    """The participant asked to speculate about other people's reasons or behaviour in
    general (generalizing; see the table)."""
    if not sentences:
        return ""
    low = " ".join(words(drop_address(sentences[-1])))
    if _PAST.search(low):
        return ""
    m = _MAKES.match(low)
    if m and _group(m.group(1)):
        return f"'{m.group(0)}' asks you to speculate about people in general; ask about one specific, recent instance"
    m = _WHY.match(low)
    if not m or not (group := _group_then_verb(low[m.end():].split())):
        return ""
    if not m.group(0).startswith(("why", "how come")) and not re.search(r" (do|does|is it that) $", m.group(0)):
        return ""  # "what do ...", "how do ...", never "how many printers do you run"
    return (f"'{m.group(0).strip()} {group}' asks you to speculate about people in general; ask about one "
            "specific, recent instance")


def others_story(question: str) -> str:
    """A story-based rewrite of a question about other people's reasons (see the table): the
    participant's own last time ("Why do you think people quit puzzle games?" -> "Tell me about
    the last time you quit puzzle games. What made you do it?"), or ``""`` when the verb phrase
    has a gap ("What do shoppers look for ...?") or is not plain."""
    from kit.guide.story import past

    low = " ".join(words(drop_address(question)))
    m = _MAKES.match(low)
    if m and _group(m.group(1)):
        after = low[m.start(1):].split()
        group = _group_then_verb(after)
        if not group:
            return ""
        rest = after[len(group.split()):]
    else:
        m = _WHY.match(low)
        if not m or not m.group(0).startswith(("why", "how come", "how")):
            return ""
        rest = low[m.end():].split()
        group = _group_then_verb(rest)
        if not group:
            return ""
        rest = rest[len(group.split()):]
    rest = [w for w in rest if w not in {"?", ".", "!"}]
    if not rest or "VERB" not in tags(rest[0]) or any(w in {"they", "them", "?"} for w in rest):
        return ""
    own = {"their": "your", "themselves": "yourself", "theirs": "yours"}
    verb_phrase = " ".join([past(rest[0])] + [own.get(w, w) for w in rest[1:]])
    ask = "How did you decide?" if low.startswith("how") else "What made you do it?"
    return f"Tell me about the last time you {verb_phrase}. {ask}"


def revise(sentences: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """The reasons of the earlier rounds with this round's cues (see the module table).
    Returns a new dict."""
    out = dict(reasons)
    if not sentences:
        return out
    text = " ".join(sentences)
    if closer(drop_address(text)):
        out.pop("closed", None)
        if not re.search(r"\b(if|imagine|suppose|ideal|wish|pretend)\b", text, re.I):
            out.pop("hypothetical", None)
        out.pop("generalizing", None)
        if out.get("double-barreled", "").startswith("two question marks") and len(re.findall(r"\?+", text)) == 1:
            del out["double-barreled"]  # "anything else??": one question, typed with two marks
        if "leading" in out and len(sentences) > 1 and all(
                _ACKNOWLEDGEMENT.fullmatch(p.strip().lower()) for p in sentences[:-1]):
            del out["leading"]  # "Great, thanks. Anything else?": thanks for the answer, not a judgement
        return out
    if out.get("leading") == "tag question asks for agreement" and _POLITE_TAG.search(sentences[-1]) and \
            _REQUEST_START.match(drop_address(sentences[-1]).strip()):
        del out["leading"]  # "Tell me about the last time you cooked, would you?": a polite request
    if "leading" not in out and (r := request_tag(sentences)):
        out["leading"] = r
    if "double-barreled" not in out and (r := two_things(sentences)):
        out["double-barreled"] = r
    if "generalizing" not in out and (r := others_reasons(sentences)):
        out["generalizing"] = r
    return out
