"""Session 9 (the newcomer's findings, faults C 8): kinds of bad rewrite, read by
:func:`kit.guide.retell12.faults` so every candidate with one is passed over, and builders for
the questions whose every candidate had one.

Faults (:func:`faults`), each a kind seen in the newcomer's guides:

- *a clause's tail cut mid-phrase*: the story ends on a contracted or bare auxiliary ("a recent
  experience with the year you're"), or on a verb whose object was the question word ("Who did
  you contact ...?" -> "the last time you contacted.");
- *"find" read as "locate"*: "found X" when the question asked how the person found (judged)
  X; "went it" from a verb of going left without its place;
- *a choice's options lost*: "choose between a deadline and at midnight" (one option a noun
  phrase, the other a bare prepositional phrase);
- *a verb made of a noun*: "a bulk-download buttoned help you" (a noun of the question made a
  past tense, glued to the question's own verb);
- *a pitch clause left in*: "used the marking view saves" (the pitch's verb kept after its
  subject), "the platform made submitting coursework faster" (the claimed benefit told as what
  happened);
- *an imagined thing told as met*: "If we added a mobile app, ..." -> "the last time you used a
  mobile app";
- *a thing's name with "the"*: "when the Turnitin came up" (a name the question gave without an
  article).

Builders (:func:`candidates`): the need for an imagined thing ("needed something like a mobile
app"), "easy to <verb>" told as the last time the person did it ("Was the form easy to find?"
-> "the last time you looked for the form"), a choice between options that share their head
("a deadline at 5pm or at midnight" -> "a deadline at 5pm and one at midnight"), a feeling of
trust told as the last time the thing was used, a habit on a named day kept without two
"last"s ("the most recent time you submitted on the last day"), a language list kept ("wrote
assignments in Mandarin or Arabic first").
"""
from __future__ import annotations

import re

__all__ = ["candidates", "faults", "follow_up_fix", "pool_candidates", "still_double"]

_STORY = re.compile(r"\b(?:the (?:last|most recent|first) time|a recent (?:time|experience)(?: when| with)?)\b([^.?!]*)[.?!]",
                    re.I)
_CUT_END = re.compile(r"(?:\b(?:you|they|we|i|he|she|it)'(?:re|m|ve|ll|d|s)|\b(?:you|they|we|it) (?:are|is|were|was|have|"
                      r"has))$", re.I)
_GOING = re.compile(r"\b(?:went|came|headed|travelled|traveled) (?:it|them)\b", re.I)
_HOW_FIND = re.compile(r"\bhow (?:did|do|does|would) (?:you|they|patients|people|customers|students|staff) find\b|"
                       r"\b(?:did|do|does|didn't|don't) (?:you|they) find (?:the|your|our|this|that|it|them|a|an) "
                       r"(?:[\w'-]+ ){0,4}?(?:easy|hard|difficult|simple|useful|helpful|clear|confusing|quick|slow|"
                       r"easier|harder|better|worse|good|bad|ok|okay|fair|reasonable|expensive|cheap)\b", re.I)  # s10
_OBJECT_WH = re.compile(r"^(?:who|whom|what|which \w+)\s+(?:did|have|had) (?:you|they) ([a-z]+)\b(?:\s*[,?]|$)", re.I)
_IMAGINED = re.compile(r"^(?:so,? )?(?:if|suppose|imagine|say) (?:that )?(?:we|they|the \w+) (?:added|built|offered|launched|"
                       r"made|introduced|released|brought out|created|had) ((?:a|an|some) [\w'-]+(?: [\w'-]+){0,3}?)"
                       r"((?: (?:for|to) [^,]+)?),", re.I)
_EASY_TO = re.compile(r"^(?:was|is|were|are|(?:did|do|didn't|don't) you find) (?:it|(the|your|our|this|that) ([\w'-]+(?: [\w'-]+){0,3}?)) "
                      r"(?:(?:very|really|quite|fairly|pretty) )?(easy|hard|difficult|simple|quick|straightforward|"
                      r"easier|harder) to ([a-z]+)\b\s*(?:it|them)?\s*[?.]?$", re.I)
_CHOICE = re.compile(r"^(?:would|do|did) you (?:prefer|rather have|choose|pick|want) ((?:a|an|the) [\w'-]+(?: [\w'-]+)?) "
                     r"((?:at|on|in|by|before|after|with|for) [\w':-]+(?: [\w':-]+)?) or ((?:at|on|in|by|before|after|"
                     r"with|for) [\w':-]+(?: [\w':-]+)?)\s*\??$", re.I)
_TRUST = re.compile(r"^(?:do|did) you (?:really |still |fully )?(?:trust|rely on|believe in) ([\w'&-]+(?: [\w'&-]+){0,3}?)\s*\??$",
                    re.I)
_HABIT_DAY = re.compile(r"^do you (?:always|usually|normally|often|ever|tend to) ([a-z]+) ((?:on|at|in|before|after) "
                        r"(?:the|a) (?:last|final|first) [\w'-]+(?: [\w'-]+){0,3})\s*\??$", re.I)
_LANGUAGES = re.compile(r"^(?i:do you (?:ever |sometimes |often |usually )?)([a-z]+)((?: in| out| up)?) ((?:(?:the|a|an|your) )?"
                        r"[\w'-]+(?: [\w'-]+)?) (in [A-Z][a-z]+ or [A-Z][a-z]+)( first)?(?: and then ([a-z]+) (it|them)"
                        r"((?: across| over| out| up| back)?))?\s*\??$")
_PITCH_MAKES = re.compile(r"^(?:our|the|my) ((?:new|latest|improved|redesigned|updated) )?([\w'-]+(?: [\w'-]+){0,2}?) "
                          r"(?:makes|made|will make|has made) ([a-z]+ing) ([\w'-]+(?: [\w'-]+){0,2}?) (?:much |so |a lot )?"
                          r"(?:faster|easier|quicker|simpler|better|smoother|cheaper|more \w+)\b", re.I)
_USED_HEADS = frozenset({"app", "tool", "dashboard", "feature", "system", "portal", "website", "site", "form", "template",
                         "platform", "software", "page", "menu", "bar", "button", "view", "screen", "tab", "field",
                         "interface", "editor", "tracker", "planner", "checklist", "chatbot", "calendar", "inbox",
                         "report", "rubric", "widget", "filter", "search", "map", "kiosk", "machine", "device"})
_JUDGED = re.compile(r"^(?:(?:don't|do|didn't|did) you (?:think|agree|feel|find)|(?:isn't|is|wasn't|was|aren't|are) "
                     r"(?:the|your|our|this)\b|(?:our|my) )", re.I)
_GO_FIND = {"find": "looked for", "reach": "tried to reach", "read": "read", "use": "used", "follow": "followed",
            "fill": "filled in", "navigate": "found your way around", "get": "tried to get", "understand": "read"}


def _things(cand: str) -> list[str]:
    main = cand.partition(" Then ask separately: ")[0]
    return [m.group(1).strip() for m in _STORY.finditer(main)]


def faults(question: str, cand: str) -> list[str]:
    """The session-9 kinds of bad rewrite ``cand`` has for ``question`` (module docstring)."""
    from kit.guide.lexicon import _base, past_tense

    q = " ".join(str(question).replace("\u2019", "'").split())
    low_q = q.lower()
    main = cand.partition(" Then ask separately: ")[0]
    low = main.lower()
    out = []
    for thing in _things(cand):
        if _CUT_END.search(thing):
            out.append(f"a clause's tail cut mid-phrase: '{thing}'")
    if re.search(r"\b(?:took|take|takes) to \w+", main) and not re.search(r"\btook to (?:it|them|him|her|the|a)\b", main):
        out.append("a duration dropped: 'took to ...'")
    for n in re.findall(r"(\d+(?:\.\d+)?)\s?%", q):  # "a 40% similarity score" -> "a 40 similarity score"
        if re.search(rf"(?<![\d.]){re.escape(n)}(?![\d.]|\s?%|\s?per ?cent)", main):
            out.append(f"a percent sign dropped: '{n}'")
    if re.search(r"\bwent to (?:the|a|an|your) (?:[\w'-]+ ){0,3}(?:(?:progress|search|tool|menu|nav|navigation|status|"
                 r"scroll|address|side|task|title) bar|button|tab|field|form|feature|tool|view|filter|widget|"
                 r"rubric|report|menu|interface|score|template|checklist)\b", low):
        out.append("a thing one uses told as a place one went to")
    if re.search(r"\b(?:used|dealt with|went through) (?:every|each) ", low):
        out.append("a quantified time taken as the thing used")
    if _GOING.search(main):
        out.append("a verb of going without its place")
    if _HOW_FIND.search(q) and re.search(r"\b(?:you|they) found\b(?! out)", cand):
        out.append("'find' (judge) read as 'locate'")
    m = _OBJECT_WH.match(q)
    if m and (base := _base(m.group(1).lower())):
        past = past_tense(base)
        if past and re.search(rf"\b(?:you|they) {re.escape(past)}[.?!]", low):
            out.append(f"the object dropped: '{past}'")
    if re.search(r"\bbetween (?:a|an|the) [\w'-]+(?: [\w'-]+)? and (?:at|on|in|by|before|after) ", low):
        out.append("a choice's options lost")
    from kit.guide.words import tags

    toks = re.findall(r"[a-z][\w'-]*", low)
    for word, nxt in zip(toks, toks[1:]):
        if not word.endswith("ed") or len(word) < 5:
            continue
        stem = word[:-2]
        base_verb = "VERB" in tags(nxt) and _base(nxt) == nxt and not tags(nxt) & {"PRON", "DET", "PREP", "AUX"}
        used_as_noun = re.search(rf"(?:\b(?:a|an|the|your|our|their|this|that|my)|[\w]-[\w]+|\b[a-z]+er) "
                                 rf"{re.escape(stem)}e? {re.escape(nxt)}\b", low_q)
        if base_verb and used_as_noun and re.search(rf"\b{re.escape(stem)}e? {re.escape(nxt)}\b", low_q) and not re.search(
                rf"\b{re.escape(stem)}(?:ed|d) {re.escape(nxt)}\b", low_q):
            out.append(f"a noun made a verb: '{stem}'")
    for thing in _things(cand):  # the pitch's verb kept after its subject: "used the marking view saves"
        words = thing.lower().split()
        if len(words) >= 3 and words[-1].endswith("s") and not words[-1].endswith("ss") and \
                re.search(rf"\b{re.escape(words[-2])} {re.escape(words[-1])} (?:you|your|them|us|the|a|an|time|money|"
                          rf"hours|minutes|days)\b", low_q) and (b := _base(words[-1])) and b != words[-1]:
            out.append(f"a pitch's clause left in: '{words[-2]} {words[-1]}'")
    if re.search(r"\bmade\b[^.?!]*\b(?:faster|easier|quicker|simpler|better|smoother|cheaper|more \w+)\b", low) and \
            re.search(r"\bmakes?\b[^.?!]*\b(?:faster|easier|quicker|simpler|better|smoother|cheaper|than ever)\b", low_q):
        out.append("the pitch's claimed benefit told as what happened")
    m = _IMAGINED.match(low_q)
    if m:
        head = m.group(1).split()[-1]
        if re.search(rf"\b(?:used|dealt with|went to|tried|downloaded|installed|asked|\w+ed something like)\b[^.?!]*"
                     rf"\b{re.escape(head)}\b", low) and \
                not re.search(rf"\b(?:needed|wanted|looked for) (?:something like|a way to)\b[^.?!]*\b{re.escape(head)}\b", low):
            out.append("an imagined thing told as met")
    for name in re.findall(r"\bthe ([A-Z][a-z][\w-]*)\b", main):  # a name, not an acronym ("the GPS")
        if re.search(rf"(?<!the )(?<!our )(?<!your )(?<!their )(?<!my )(?<!this )(?<!a )(?<!an )(?<!new )"
                     rf"\b{re.escape(name)}\b", q, re.I) and \
                not re.search(rf"\b(?:the|our|your|their|my|this|a|an|new) {re.escape(name)}\b", q, re.I):
            out.append(f"a name given 'the': '{name}'")
    return out


def _tell(clause: str, follow: str = "What happened?") -> str:
    return f"Tell me about the last time {clause}. {follow}"


def candidates(question: str) -> list[str]:
    """Session 9's builders for ``question`` (module docstring), best first; [] when none fits."""
    from kit.guide.lexicon import _base, past_tense
    from kit.guide.retell12 import _neutral

    q = " ".join(str(question).replace("\u2019", "'").split())
    out: list[str] = []
    m = _IMAGINED.match(q)
    if m:
        out.append(_tell(f"you needed something like {_neutral(m.group(1))}{m.group(2)}", "What did you do?"))
    m = re.match(r"^(?:would|could|will) (a|an) ([\w'-]+(?: [\w'-]+){0,2}?) (?:help|save|work for|be useful to) you\b", q, re.I)
    if m:
        out.append(_tell(f"you needed something like {m.group(1).lower()} {m.group(2)}", "What did you do?"))
    m = _OBJECT_WH.match(q)  # "Who did you contact, ...?": the person or thing as "someone" / "something"
    if m and (base := _base(m.group(1).lower())) and (past := past_tense(base)):
        who = "someone" if q.lower().startswith(("who", "whom")) else "something"
        out.append(_tell(f"you {past} {who}"))
    m = re.match(r"^how long did it take (?:you |them |him |her )?to ([a-z]+)((?: [\w'-]+){0,4}?)\s*(?:,\s*and\b.*)?\??$", q, re.I)
    if m and (base := _base(m.group(1).lower())) and (past := past_tense(base)):
        out.append(_tell(f"you {past}{m.group(2)}"))  # "How long did it take to hear back" -> "... you heard back"
    m = _EASY_TO.match(q)
    if m and m.group(2):
        verb = m.group(4).lower()
        did = _GO_FIND.get(verb) or (past_tense(_base(verb)) if _base(verb) else None)
        if did:
            out.append(_tell(f"you {did} the {m.group(2)}", "How did it go?"))
    m = _CHOICE.match(q)
    if m:
        out.append(_tell(f"you had to choose between {m.group(1)} {m.group(2)} and one {m.group(3)}",
                         "What did you pick?"))
    m = _TRUST.match(q)
    if m:
        thing = m.group(1)
        out.append(_tell(f"you used {thing}" if thing[:1].isupper() or thing.lower().startswith(("the ", "your "))
                         else f"you used the {thing}"))
    m = _HABIT_DAY.match(q)
    if m and (base := _base(m.group(1).lower())) and (past := past_tense(base)):
        out.append(f"Tell me about the most recent time you {past} {m.group(2)}. What happened?")
    m = _LANGUAGES.match(q)
    if m and (base := _base(m.group(1).lower())) and (past := past_tense(base)):
        then = ""
        if m.group(6) and (b2 := _base(m.group(6).lower())) and (p2 := past_tense(b2)):
            then = f" and then {p2} {m.group(7)}{m.group(8) or ''}"
        out.append(_tell(f"you {past}{m.group(2)} {m.group(3)} {m.group(4)}{m.group(5) or ''}{then}"))
    return out


def pool_candidates(question: str) -> list[str]:
    """Session 9's builders whose rewrite competes with the others on the topic kept: a pitched
    act done on the thing ("Our new platform makes submitting coursework faster" -> "... you
    submitted coursework on the assessment platform"), a judged product told as used ("Don't you
    think the progress bar is really helpful?" -> "... you used the progress bar")."""
    from kit.guide.lexicon import _base, past_tense

    q = " ".join(str(question).replace("\u2019", "'").split())
    out: list[str] = []
    m = _PITCH_MAKES.match(q)  # "Our new platform makes submitting coursework faster ...": the act, on the thing
    if m and (base := _base(m.group(3).lower())) and \
            (past := past_tense(base)):
        head = m.group(2).split()[-1].lower()
        prep = "on" if head in {"platform", "app", "site", "website", "portal", "system", "page"} else "with"
        out.append(_tell(f"you {past} {m.group(4)} {prep} the {m.group(2)}"))
    m = _EASY_TO.match(q)
    if m and m.group(2) and re.match(r"(?:did|do|didn't|don't) you find ", q, re.I):
        # session 10: "Did you find the damp and mould form easy to use?": the last time it was used
        verb = m.group(4).lower()
        if did := _GO_FIND.get(verb) or (past_tense(_base(verb)) if _base(verb) else None):
            out.append(_tell(f"you {did} the {m.group(2)}", "How did it go?"))
    if not _EASY_TO.match(q) and _JUDGED.match(q):
        # a judgement of a product asked for (or a pitch for it): the last time it was used
        heads = "|".join(sorted(_USED_HEADS))
        m = re.search(rf"\b(?:the|your|our|this) ((?:[\w'-]+ ){{0,3}}?)((?:{heads})(?: (?:{heads}))*)\b", q, re.I)
        if m:
            words = [w for w in m.group(1).split() if w.lower() not in {"new", "latest", "improved", "redesigned",
                                                                         "updated", "very", "really"}]
            out.append(_tell(f"you used the {' '.join(words + [m.group(2)])}"))
    return out


_SECOND_VP = re.compile(r"\band (?:did|do|have|would) you ([a-z]+) (it|them) ((?:in|on|for|with|at|into) (?:the|your|a|an|my) "
                        r"[\w'-]+(?: [\w'-]+)?)\s*\??$", re.I)
_FIRST_THING = re.compile(r"^(?:did|do|have|would) you [a-z]+ ((?:the|your|a|an) [\w'-]+(?: [\w'-]+)?) and\b", re.I)
_EMBEDDED_BE = re.compile(r"\band (what|which|how many|how much|where|who)((?: [a-z]+)?) (you|they|we)(?:'re| are)"
                          r"((?: [a-z]+)?)\s*[.?]?$", re.I)


_SECOND_WH = re.compile(r",\s*and\s+((?:how (?:long|much|many|quickly|soon|often)|what|who|where|when|which)\b"
                        r"[^,?]{3,60})\?$", re.I)


def _flags(text: str) -> list[str]:
    from kit.guide.lint import flags_of

    return flags_of(text)


def follow_up_fix(question: str, text: str) -> str:
    """A rewrite's follow-up repaired: "found X" where the question asked how X was found
    (judged) becomes "used X"; a second ask whose verb was lost to "dealt with" keeps its own
    verb and the first ask's thing ("did you use it in your next essay" -> "the last time you
    used the feedback in your next essay"); a second ask that is an embedded question with
    "you're" is asked open ("and what year you're in" -> "Tell me about the year you're in.": session 18; it was
    "What year are you in?", a one-fact closed question)."""
    from kit.guide.checks import grammar_problems
    from kit.guide.lexicon import _base, past_tense

    q = " ".join(str(question).replace("\u2019", "'").split())
    head, sep, then = text.partition(" Then ask separately: ")
    if sep and _HOW_FIND.search(q):
        then = re.sub(r"\b(you|they) found\b(?! out)", r"\1 used", then)
    m, first = _SECOND_VP.search(q), _FIRST_THING.match(q)
    if sep and m and first and re.search(r"\bdealt with\b", then) and (base := _base(m.group(1).lower())) and \
            (past := past_tense(base)):
        then = f"Tell me about the last time you {past} {first.group(1)} {m.group(3)}. What happened?"
    w = _SECOND_WH.search(q)
    lost = bool(w) and bool(sep) and (how := re.match(r"how (\w+)", w.group(1), re.I)) is not None and \
        how.group(1).lower() not in then.lower()  # "how quickly did they reply" -> "... they replied": the measure lost
    second = (w.group(1)[:1].upper() + w.group(1)[1:].rstrip(" ?") + "?") if w else ""
    if w and (not sep or lost or re.search(r"came up|a recent experience", then)) and \
            re.search(r"\b(?:did|do|does|is|are|was|were|has|have|had|can|could)\b", second, re.I) and \
            set(_flags(second)) <= {"closed"} and not grammar_problems(second) and "double-barreled" in _flags(q):
        sep, then = " Then ask separately: ", second  # the second ask in its own words (one fact, not imagined)
    e = _EMBEDDED_BE.search(q)
    if e:  # session 18: asked open ("Tell me about the year you're in."), not as the one fact "What year are you in?"
        wh, noun, who, rest = e.group(1).lower(), e.group(2).strip().lower(), e.group(3).lower(), e.group(4)
        told = f"the {noun}" if noun and wh in {"what", "which", "how many", "how much"} else wh
        sep, then = " Then ask separately: ", f"Tell me about {told} {who}'re{rest}."
    return head + sep + then


def still_double(original: str, rewrite: str) -> str:
    """The reason a rewrite of a double-barreled question still asks both of its parts in one
    story ("How did you find the marking rubric and the feedback comments?" -> "Tell me about
    the last time you used the rubric and read the feedback comments."), or ``""``: the
    rewrite's story (before any "Then ask separately:") joins, with "and" or "or", two parts
    that each keep topic words of the question the other lacks. The linter leaves "two
    things done on one occasion" alone in a question of its own; a rewrite of a question the
    linter flagged double-barreled is read against that question."""
    from kit.guide.checks import _lemmas
    from kit.guide.lint import flags_of

    if "double-barreled" not in flags_of(original):
        return ""
    main = str(rewrite).partition(" Then ask separately: ")[0]
    story = re.split(r"(?<=[.?!])\s+", main.strip())[0]
    own = set(_lemmas(str(original)))
    parts = re.split(r",?\s+(?:and|or)\s+(?:then\s+)?", story)
    if len(parts) < 2:
        return ""
    kept = [set(_lemmas(p)) & own for p in parts]
    for i in range(len(parts) - 1):
        left, right = set().union(*kept[:i + 1]), set().union(*kept[i + 1:])
        if left - right and right - left:
            return "still asks both parts of the question in one story: ask one, then the other"
    return ""
