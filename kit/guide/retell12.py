"""Rewrites of the twelfth round (issue 16, item 3): the kinds of rewrite a newcomer and an
attacker found broken (session 7), fixed by kind.

Builders (:func:`preferred`), tried before the other candidates, each for one shape of question:

- a closed question about a state or a judgement of a thing ("Was the tutorial clear?", "Do you
  think the game is too easy?", "Don't you think invoicing is hard?") becomes a story about the
  occasion where the participant met the thing, with the verb for meeting it ("... the last time
  you went through the tutorial", "... played the game", "... did your invoicing"); the
  predicate is never glued to the thing;
- a question about who the participant is ("Are you a paying player?") becomes the last time
  they did what the role names ("... the last time you paid for something as a player");
- a closing question ("Anything else?", "Is there anything we should have asked but didn't?")
  becomes its open form ("What else do you want to tell us?", "What should we have asked that we
  didn't?");
- a yes-or-no choice between options ("Was that on iOS or Android?") becomes the open wh-question
  ("Which device was that on?");
- a hypothetical, likelihood or "would make you" question is never told as a past event: it asks
  about the last real occasion of the need behind it ("What would make you spend more?" -> "...
  the last time you spent money", "How likely are you to keep playing next month?" -> "... the
  last time you played", "Wouldn't it be great if you could trade gems with friends?" -> "... the
  last time you wanted to trade gems with friends", "If we added a pvp mode, would you play it?"
  -> "... the last time you needed something like a pvp mode"), and a question about a future
  interview asks about real plans ("How should we get in touch with you about a future
  interview?");
- a habit with a when-clause keeps the clause as the episode ("What do you usually do when a
  level is too hard?" -> "Tell me about the last time a level felt too hard. What did you do?");
- a pitch before a feeling question about "it" asks about using the pitched thing ("Our new
  Booster Pack makes levels way easier, how much do you like it?" -> "... the last time you used
  the Booster Pack");
- two things under one willingness question ("Would you pay for automatic reconciliation and
  faster payouts?") keep the second as "Then ask separately: ...".

:func:`faults` (part of the grammar check, against the question) fails a rewrite that glues the
question's predicate or clause to the thing ("dealt with the tutorial clear", "dealt with
anything we", "dealt with the new Booster Pack makes levels way"), keeps "make you", tells a
future thing as past ("kept playing next month", "used a future interview") or an imagined thing
as met ("played a pvp mode" for "If we added a pvp mode, ..."; "paid for X" for "Would you pay
for X?").
"""
from __future__ import annotations

import re

from kit.guide.retell16 import second_verb

__all__ = ["faults", "meet", "misses_first", "preferred"]

_DET = r"(?:the|your|our|this|that|these|those|a|an|my|their)"
_NP = rf"({_DET} [\w'-]+(?: [\w'-]+){{0,3}}?)"
_DEGREE = r"(?:(?:too|very|really|so|quite|pretty|a bit|a little|way|always|ever|generally|usually|actually|" \
          r"still|fairly|rather|overly|super|enough) )*"
_COPULA = r"(?:is|was|are|were|isn't|wasn't|aren't|weren't|'s)"
_OPINION = r"(?:do|don't|did|didn't) you (?:really |honestly |actually )?(?:think|feel|find|reckon|agree|believe)(?: that)?"
_NOT_NP = r"(?:to|for|enough|too|very|really|so|quite|pretty|way|always|ever|a|an|at|in|on|when|if|with|as|and|or)"
_NP_GREEDY = rf"({_DET} [\w'-]+(?: (?!{_NOT_NP}\b)[\w'-]+){{0,3}})"
_PRED_TAIL = r"(?: enough)?(?: (?:for you|to you|for me|to (?:use|read|follow|find|play|do|learn|understand)))?"
_STATE = re.compile(rf"^(?:{_COPULA}) {_NP_GREEDY} ({_DEGREE})([\w'-]+){_PRED_TAIL}$", re.I)
_OPINION_STATE = re.compile(rf"^(?:{_OPINION} )({_NP_GREEDY[1:-1]}|[a-z]+ing) {_COPULA} ({_DEGREE})"
                            rf"([\w'-]+){_PRED_TAIL}$", re.I)
_VP_OPTIONS = re.compile(r"^(?:do|did|would) you (?:usually |normally |typically |generally |often |always |mostly )?"
                         r"([a-z]+)\b ?(.*?) (?:by|on|in|at|with|through|via|from) [\w'-]+ or (?:(?:by|on|in|at|with|"
                         r"through|via|from) )?[\w'-]+$", re.I)
_HOW_WAS = re.compile(rf"^how (?:was|is|were|are) {_NP_GREEDY}(?: for you)?$", re.I)
_ROLE = re.compile(r"^(?:are|were) you (?:a|an) (?:([\w-]+) )?([\w-]+)$", re.I)
_ANYTHING = re.compile(r"^(?:is there |was there |do you have |have you got )?anything( else)?(?: (?:that )?(.*))?$", re.I)
# a wrap-up ask for "any other" of something: "Any other feedback for the practice", "any other comments on the app"
_ANY_OTHER = re.compile(r"^(?:(?:is there|are there|do you have|have you got) )?any other (feedback|comments?|thoughts|"
                        r"ideas|suggestions|questions|points|issues|concerns|remarks)\b ?((?:for|about|on|regarding) [\w' -]+)?$",
                        re.I)
_OPTIONS = re.compile(r"^(?:was|is|were|are) (that|it|this) (on|in|at|with|by|from|through) (?:an? |the )?"
                      r"([\w'-]+) or (?:an? |the )?([\w'-]+)$", re.I)
_MAKE_MORE = re.compile(r"^what (?:would|could|might|will) (?:ever |really )?(?:make|get|encourage|persuade) you"
                        r"(?: to)? ([a-z]+)\b ?(.*?) ?(?:more|more often|again|less)?$", re.I)
_LIKELY = re.compile(r"^how likely (?:are|is|would|will) you (?:be )?to ([a-z]+)\b ?(.*)$", re.I)
_KEEP_ING = re.compile(r"^(?:keep|continue|carry on|start|stop|go on) ([a-z]+ing)\b ?(.*)$", re.I)
_IF_ADDED = re.compile(rf"^(?:if|suppose|imagine|say) (?:that )?(?:(?:we|they|the app|the game|you) (?:added|built|"
                       rf"offered|launched|made|introduced|released|had|brought (?:in|out)|created|got)|there (?:was|were|"
                       rf"is|are)) ({_DET} [\w'-]+(?: [\w'-]+){{0,3}}?)(?: online| here| for you)?((?: (?:to|in|for|on|at|that|which)"
                       r" [^,]+)?),\s*(?:would|will|could|might) you (\w+(?: \w+)?)\b ?(.*)$", re.I)
_ITSELF = re.compile(r"^(?:(?:it|them|that|one|there|here|in|more|more often|again|often|this)\b ?)*$", re.I)
_WISH = re.compile(r"^(?:wouldn't|would|isn't|is|won't) it be (?:great|nice|good|cool|useful|helpful|better|easier|"
                   r"amazing|awesome|handy|fun) if (?:you|u) could ([a-z]+)\b ?(.*)$", re.I)
_WISH_THEY = re.compile(r"^(?:wouldn't|would|isn't|is|won't) it be (?:great|nice|good|cool|useful|helpful|better|easier|"
                        r"amazing|awesome|handy|fun) if ((?:the |your |our )?[\w'-]+) ([a-z]+ed|could [a-z]+|would [a-z]+|"
                        r"did [a-z]+) ?(.*)$", re.I)
_USE_THAT = re.compile(rf"^would you (?:use|try|want|buy|get|pay for|sign up for) ({_DET} [\w'-]+(?: [\w'-]+)?) "
                       r"(?:that|which|to) (?:would |could |can |will )?([a-z]+)\b ?(.*)$", re.I)
_ONE_THING = re.compile(r"^if you could (?:only )?([a-z]+) (?:one|any|a single) (?:thing|change|feature|part)\b ?"
                        r"((?:about|in|at|on|with|for) [^,?]+?)?(?: next [a-z]+| tomorrow| today)?,\s*what (?:would|will) "
                        r"(?:it|that) be$", re.I)
_FUTURE_CLOSER = re.compile(rf"^would you (?:like|want|be (?:willing|interested|happy|open)) (?:to )?(?:be in|join|"
                            rf"take part in|do|come to|participate in|be part of|be involved in) {_NP}$", re.I)
_PAY_FOR = re.compile(r"^would you (?:pay|spend money|pay extra|pay more) (?:for|on) (.+)$", re.I)
_WHEN_DO = re.compile(r"^what do you (?:usually |normally |typically |generally |tend to )?do (?:when|if|whenever) "
                      r"((?:the |a |an |your |my )?[\w'-]+(?: [\w'-]+)?) (is|are|gets|get|feels|feel|seems|seem) "
                      rf"({_DEGREE})([\w'-]+)$", re.I)
_PITCH_FEEL = re.compile(r"(?:,|-|–|—|\.)\s*(?:so\s+)?(?:how much do you (?:like|love|enjoy)|do you (?:like|love|enjoy)|"
                         r"what do you think (?:of|about)|how do you feel about|how are you finding|are you enjoying)"
                         r" (it|them)\s*\??$", re.I)

_PLAY = {"game", "games", "level", "levels", "match", "puzzle", "puzzles", "round", "quest", "mode", "map", "stage",
         "raid", "campaign", "season", "event"}
_GO_THROUGH = {"tutorial", "onboarding", "course", "process", "checkout", "setup", "set-up", "sign-up", "signup",
               "induction", "training", "application", "registration", "walkthrough", "questionnaire", "survey",
               "form", "claim", "review", "interview", "assessment"}
_TAKE = {"quiz", "test", "exam", "survey", "poll", "bus", "train", "ferry", "flight", "taxi", "course", "lesson"}
_BE_IN = {"room", "lounge", "ward", "queue", "area", "zone", "foyer", "lobby", "reception", "changing-room"}
_PEOPLE = {"manager", "team", "staff", "nurse", "doctor", "teacher", "coach", "agent", "tutor", "landlord", "boss",
           "colleague", "colleagues", "driver", "advisor", "adviser", "support"}
_GLUE_VERBS = {"is", "are", "was", "were", "makes", "make", "has", "have", "gets", "takes", "seems", "looks", "feels",
               "works", "lets", "helps", "needs", "keeps", "goes", "made", "got", "should", "would", "could"}
_SUBJECT_PRONOUNS = {"we", "you", "they", "i", "he", "she"}
_DETS = {"the", "a", "an", "your", "our", "their", "my", "this", "that", "these", "those", "his", "her", "its"}
_PREPS = {"of", "for", "to", "with", "in", "on", "at", "from", "by", "about", "into", "over", "under", "like", "and", "or",
          "before", "after", "during", "since", "until", "without", "within", "around", "near", "across", "through",
          "behind", "between", "per", "towards", "toward", "off", "onto", "inside", "outside", "beside", "up",
          "than", "as"}
_HEADS = {"android", "iphone", "ios", "mac", "pc", "online", "offline", "mobile", "desktop"}
_STORY_FRAME = re.compile(r"\bthe last time (?:you|they|we) (?:dealt with|used|went to|went through|played|worked with|"
                          r"needed help with|needed something like|took|were in) ([^.?!]+)[.?!]", re.I)


def _lemma_verb(word: str) -> str | None:
    """The base form of a verb ('cycled' -> 'cycle'), from the lexicon or the tagger's data; None
    for a word that is no verb."""
    from kit.guide.lexicon import _base
    from kit.guide.words import lemma, tags
    base = _base(word)
    if base:
        return base
    return lemma(word.lower(), "VERB") if "VERB" in tags(word.lower()) else None


def _past(verb: str) -> str:
    """The past of a base verb, irregular ones too ('swim' -> 'swam')."""
    from kit.guide.lexicon import past_tense
    from kit.guide.retell9 import _past_vp
    return (_past_vp(verb) or past_tense(verb)).split()[0]


def _neutral(np_text: str) -> str:
    from kit.guide.rewrites import _neutral_np
    from kit.guide.retell import without_judgements
    return without_judgements(" ".join(_neutral_np(np_text.split())))


def meet(np_text: str) -> str | None:
    """The verb phrase for meeting a thing, in the past: 'the game' -> 'played the game',
    'the tutorial' -> 'went through the tutorial', 'invoicing' -> 'did your invoicing', 'the
    app' -> 'used the app'; None when no verb fits better than 'dealt with'."""
    from kit.guide.rewrites import _EVENT_NOUNS, _PLACE_NOUNS, _PROCESS_NOUNS, _PRODUCT_NOUNS
    words = np_text.split()
    if len(words) <= 2 and words[0].lower().endswith("ing") and words[0].lower() not in {"nothing", "anything",
                                                                                         "something", "everything"}:
        return f"did your {np_text.lower()}"
    head = words[-1].lower()
    if head in _TAKE:
        return f"took {np_text}"
    if head in _BE_IN:
        return f"were in {np_text}"
    if head in _PLAY:
        return f"played {np_text}"
    if head in _GO_THROUGH or head in _PROCESS_NOUNS:
        return f"went through {np_text}"
    if head in _PEOPLE:
        return f"worked with {np_text}"
    if head in (_EVENT_NOUNS | _PLACE_NOUNS) - {"game", "match", "show"}:
        return f"went to {np_text}"
    if head in _PRODUCT_NOUNS or head.rstrip("s") in _PRODUCT_NOUNS or head.endswith("app") or \
            (len(words) > 1 and words[-1][:1].isupper()):
        return f"used {np_text}"
    return None


def _tell(phrase: str | None, follow: str = "What happened?", subject: str = "you") -> str | None:
    return f"Tell me about the last time {subject} {phrase}. {follow}" if phrase else None


def _vp(verb: str, rest: str) -> str | None:
    """'spend', '' -> 'spent money'; 'trade', 'gems with friends' -> 'traded gems with friends'."""
    from kit.guide.rewrites import _TIME_TAILS
    base = _lemma_verb(verb)
    if not base or base in {"be", "have", "do", "think", "feel", "know", "like", "want"}:
        return None
    rest = _TIME_TAILS.sub(" ", rest)
    rest = re.split(r"\b(?:instead of|rather than|instead)\b", rest, flags=re.I)[0]
    rest = re.sub(r"\b(?:more often|more|less often|less|often|again|anymore|any more|in future)\b", " ", rest,
                  flags=re.I)
    rest = " ".join(rest.split()).strip(" ,")
    if not rest:
        rest = {"spend": "money", "pay": "for something", "buy": "something", "invest": "money",
                "donate": "money", "upgrade": "your plan", "order": "something", "subscribe": ""}.get(base, "")
    k = _KEEP_ING.match(f"{verb} {rest}".strip())
    if k:
        return _vp(_lemma_verb(k.group(1)) or k.group(1), k.group(2))
    return " ".join([_past(base)] + ([rest] if rest else []))


def _predicate(word: str) -> bool:
    """True for a word that can be a predicate adjective ('clear', 'confusing', 'satisfied'), not
    a plain noun ('workshop', 'designer')."""
    from kit.guide.words import tags
    low = word.lower()
    t = tags(low)
    if "NOUN" in t and "ADJ" not in t:
        return False
    return "ADJ" in t or low.endswith(("ing", "ed", "ful", "less", "ive", "ous", "able", "ible"))


def _head_noun(np_text: str) -> str:
    """The last word of a noun phrase tagged as a noun ('the training online' -> 'training')."""
    from kit.guide.words import tags
    words = np_text.lower().split()
    return next((w for w in reversed(words[1:]) if "NOUN" in tags(w)), words[-1])


def _state(q: str) -> list[str | None]:
    out: list[str | None] = []
    m = _STATE.match(q) or _OPINION_STATE.match(q)
    if m and not _predicate(m.group(3)):
        m = None
    m = m or _HOW_WAS.match(q)  # "How was the parking?" (the first of two asks): the occasion too
    if m:
        thing = m.group(1)
        verb = meet(_neutral(thing)) if not thing.lower().endswith("ing") or " " in thing else meet(thing)
        words = thing.lower().split()
        if len(words) == 2 and words[1].endswith("ing") and _lemma_verb(words[1]) not in {None, words[1]}:
            out.append(_tell(_past(_lemma_verb(words[1]))))  # "Was the parking easy?" -> "... you parked"
        out.append(_tell(verb or f"dealt with {_neutral(thing)}"))
        np_ = _neutral(thing)
        out.append(f"What was {np_} like the last time you {(verb or 'used ' + np_).split(' ', 1)[0]} "
                   f"{'it' if not np_.endswith('s') else 'them'}?" if verb and not verb.startswith("did ") else None)
    r = _ROLE.match(q)
    if r:
        agent = r.group(2).lower()
        base = next((b for b in (agent[:-2], agent[:-1], agent[:-3]) if agent.endswith(("er", "or")) and len(b) > 2
                     and _lemma_verb(b) == b), None)
        base = base or {"flyer": "fly", "flier": "fly"}.get(agent)
        if r.group(1) and r.group(1).lower().endswith("ing") and _lemma_verb(r.group(1)):
            did = _vp(r.group(1), "")
            out.append(_tell(f"{did} as a {agent}" if did else None))
        if base:
            out.append(_tell(_past(base)))
    return out


def _closers(q: str) -> list[str | None]:
    if (o := _ANY_OTHER.match(q)):  # "Any other feedback for the practice?" (newcomer session 15 F4)
        return [f"What other {o.group(1)} do you have{' ' + o.group(2) if o.group(2) else ''}?",
                "What else would you like to tell us?"]
    m = _ANYTHING.match(q)
    if not m:
        return []
    other = "else " if m.group(1) else ""
    rest = (m.group(2) or "").strip()
    rest = re.sub(r"\b(you|we|they|I)'d\b", r"\1 would", rest, flags=re.I)
    rest = re.sub(r"\b(you|we|they|I)'ll\b", r"\1 will", rest, flags=re.I)
    if not rest:
        return ["What else would you like to tell us?", "What else do you want to tell us?"]
    c = re.match(r"^(we|you|they|I) (should|could|would|can|might|must|will|did|have|had) (.*?)(?:,? but (?:we |you )?"
                 r"(didn't|haven't|did not|have not|hadn't))?$", rest, re.I)
    if c:
        tail = f" that {c.group(1)} {c.group(4)}" if c.group(4) else ""
        extra = " you" if c.group(1).lower() == "we" and c.group(3).rstrip().endswith("asked") else ""
        return [f"What {other}{c.group(2)} {c.group(1)} {c.group(3)}{extra}{tail}?", f"What {other}{c.group(2)} "
                f"{c.group(1)} {c.group(3)}{tail}?", "What else would you like to tell us?"]
    about = re.match(r"^(about [\w' -]+?) ((?:you|we|they|I) .*)$", rest, re.I)
    tail = ""
    if about:  # "anything else about that day you want to tell me" -> "... tell me about that day?"
        rest, tail = about.group(2), " " + about.group(1)
    c = re.match(r"^(you|we|they|I) ([a-z]+)\b(.*)$", rest, re.I)
    base = _lemma_verb(c.group(2)) if c else None
    if c and tail:
        c = re.match(r"^(you|we|they|I) ([a-z]+)\b(.*)$", rest + tail, re.I)
    if c and base == c.group(2).lower():
        return [f"What {other}do {c.group(1)} {c.group(2)}{c.group(3)}?"] + \
            (["What should we have asked you?"] if re.search(r"\basked\b", rest) else []) + \
            ["What else would you like to tell us?"]
    if c and base and _past(base) == c.group(2).lower():  # "anything we missed" -> "What did we miss?"
        return [f"What {other}did {c.group(1)} {base}{c.group(3)}?", "What else would you like to tell us?"]
    return ([f"What {other}do {c.group(1)} {c.group(2)}{c.group(3)}?"] if c and base else []) + \
        (["What should we have asked you?"] if re.search(r"\bask", rest) else []) + ["What else would you like to tell us?"]


def _hypotheticals(q: str) -> list[str | None]:
    out: list[str | None] = []
    m = _MAKE_MORE.match(q)
    if m:
        first, _, second = m.group(2).partition(" and ")
        two = re.match(r"^([a-z]+)\b ?(.*)$", second)
        one = _tell(_vp(m.group(1), first))
        if two and _lemma_verb(two.group(1)) == two.group(1).lower() and one:  # two asks: the second kept
            then = _tell(_vp(two.group(1), two.group(2)))
            out.append(f"{one} Then ask separately: {then}" if then else None)
        elif not second:
            out.append(one)
    m = _LIKELY.match(q)
    if m:
        out.append(_tell(_vp(m.group(1), m.group(2))))
    m = _IF_ADDED.match(q)
    if m and _ITSELF.match(m.group(4)) and not re.match(r"^ (?:to|that|which) [a-z]+", m.group(2) or ""):
        # "..., would you use it?": the need for the imagined thing (one that does something: the other builders)
        out.append(_tell(f"needed something like {_neutral(m.group(1))}", "What did you do?"))
    m = _WISH.match(q)
    if m and _lemma_verb(m.group(1)) == m.group(1).lower():
        rest = " ".join(m.group(2).split())
        out.append(_tell(f"wanted to {m.group(1)}{' ' + rest if rest else ''}", "What did you do?"))
    m = _WISH_THEY.match(q)
    if m and m.group(1).lower() not in {"you", "u", "we", "i", "they", "it"}:  # "if Xero synced with Stripe"
        verb = m.group(2).split()[-1]
        base = _lemma_verb(verb)
        if base:
            rest = " ".join(m.group(3).split())
            out.append(_tell(f"needed {m.group(1)} to {base}{' ' + rest if rest else ''}", "What did you do?"))
    m = _USE_THAT.match(q)
    if m:  # "Would you use a tool that sends payment reminders?": the last time you sent them yourself
        base = _lemma_verb(m.group(2))
        if base and base not in {"be", "have", "do", "make", "let", "help", "give", "show", "tell", "allow"} and m.group(3):
            rest = " ".join(m.group(3).split())
            two = second_verb(rest, m.group(2), base, _lemma_verb)  # session 11: "... to book X and get Y"
            then = two and _tell(f"{_past(two[1])} {two[2]}".strip())
            out.append(f"{_tell(f'{_past(base)} {two[0]}')} Then ask separately: {then}" if then else
                       _tell(f"{_past(base)} {rest}"))  # else the other builders
    m = _ONE_THING.match(q)
    if m and _lemma_verb(m.group(1)) == m.group(1).lower():  # a wish: the last time the participant wanted it
        about = f" {m.group(2).strip()}" if m.group(2) else ""
        out.append(_tell(f"wanted to {m.group(1).lower()} something{about}", "What did you do?"))
    m = _FUTURE_CLOSER.match(q)
    if m:
        out.append(f"How should we get in touch with you about {m.group(1)}?")
    m = _PAY_FOR.match(q)
    if m:
        things = [t.strip(" ,") for t in re.split(r",? and |, ", m.group(1)) if t.strip(" ,")]
        first = _tell(f"needed something like {things[0]}", "What did you do?")
        if len(things) == 2 and len(things[1].split()) <= 4:
            out.append(f"{first} Then ask separately: Tell me about the last time you needed something like "
                       f"{things[1]}. What did you do?")
        out.append(first)
    return out


def _episodes(q: str) -> list[str | None]:
    m = _WHEN_DO.match(q)
    if not m:
        return []
    subj, verb, degree, adj = m.group(1), m.group(2).lower(), m.group(3).strip(), m.group(4)
    if subj.split()[0].lower() not in {"the", "a", "an", "your", "my"}:
        subj = f"a {subj}" if not subj.endswith("s") else subj
    plural = verb in {"are", "get", "feel", "seem"}
    pred = f"{degree} {adj}".strip()
    out = [_tell(f"{'felt' if degree else 'was' if not plural else 'were'} {pred}", "What did you do?", subj),
           _tell(f"{'were' if plural else 'was'} {pred}", "What did you do?", subj)]
    return out


def _pitched(question: str) -> list[str | None]:
    m = _PITCH_FEEL.search(question)
    if not m:
        return []
    from kit.guide.rewrites import np_runs
    pitch = question[:m.start()]
    runs = np_runs(pitch, in_order=True)
    if not runs:
        return []
    run = runs[0]
    cut = next((k for k, w in enumerate(run) if k > 1 and (w.lower() in _GLUE_VERBS or (
        k + 1 < len(run) and w.lower().endswith("s") and _lemma_verb(w) not in {None, w.lower()}))), len(run))
    np_ = _neutral(_cased(pitch, run[:cut]))
    verb = meet(np_) or f"used {np_}"
    first, _, _ = verb.partition(" ")
    return [_tell(verb), f"What was {np_} like the last time you {first} {'them' if np_.endswith('s') else 'it'}?"
            if first in {"used", "played"} else None]


def _cased(text: str, run: list[str]) -> str:
    """The run of words as the text wrote them ('the new Booster Pack'), its determiner kept."""
    cased = {w.lower(): w for w in re.findall(r"[\w'-]+", text)}
    return " ".join([run[0]] + [cased.get(w.lower(), w) for w in run[1:]])


def preferred(question: str, main: str) -> list[str]:
    """Rewrites of the shapes above for the whole ``question`` and its asked sentence ``main``,
    best first (an empty list when no shape applies)."""
    out: list[str | None] = []
    for text in dict.fromkeys([main, question]):
        q = " ".join(text.strip().rstrip("?.! ").split())
        q = re.sub(r"^(?:so|and|okay|ok|right|now),?\s+", "", q, flags=re.I)
        out += _state(q) + _closers(q) + _hypotheticals(q) + _episodes(q)
        v = _VP_OPTIONS.match(q)  # "Do you send quotes by email or by WhatsApp?": the occasion, then how
        if v and _lemma_verb(v.group(1)) == v.group(1).lower() and not v.group(2) and v.group(1).lower() not in {
                "prefer", "like", "want", "choose", "pick", "need", "rather", "love", "enjoy", "think", "feel"}:
            out.append(f"How did you {v.group(1).lower()} last time?")  # "Do you book by phone or online?"
        elif v and _lemma_verb(v.group(1)) == v.group(1).lower() and v.group(1).lower() not in {
                "prefer", "like", "want", "choose", "pick", "need", "rather", "love", "enjoy", "think", "feel"}:
            obj = v.group(2).lower().split()
            them = "them" if obj and obj[-1].endswith("s") else "it" if obj and obj[0] in _DETS else ""
            out.append(_tell(_vp(v.group(1), v.group(2)), f"How did you {v.group(1).lower()} {them}?" if them
                             else "How did it go?"))
        o = _OPTIONS.match(q)
        if o:
            device = {o.group(3).lower(), o.group(4).lower()} & {"ios", "android", "iphone", "windows", "mac", "pc",
                                                                 "tablet", "laptop", "phone", "computer"}
            prep = o.group(2).lower()
            out.append(f"Which device was {o.group(1).lower()} {prep}?" if device else
                       "Where did that happen?" if prep in {"in", "at"} else f"Which one was {o.group(1).lower()} {prep}?")
    out += _pitched(question)
    seen = dict.fromkeys(c for c in out if c)
    return [c[:1].upper() + c[1:] for c in seen]


def faults(question: str, cand: str) -> list[str]:
    """The ways ``cand`` misreads ``question``: the predicate or a clause glued to the thing,
    "make you" kept, a future or imagined thing told as past."""
    main = cand.partition(" Then ask separately: ")[0]
    q = " ".join(question.lower().replace("’", "'").split())
    low = main.lower()
    out = []
    for m in _STORY_FRAME.finditer(main):
        obj = m.group(1).lower().split()
        if obj and (obj[-1] in _SUBJECT_PRONOUNS | {"as", "of", "than", "and", "or"} or
                    obj[0] in {"anything", "something", "everything", "nothing"} or
                    any(w in _DETS - {"that"} and obj[k - 1] not in _PREPS for k, w in enumerate(obj) if k > 0)):
            out.append(f"a clause taken as the thing: '{m.group(1)}'")
        elif len(obj) >= 3 and set(obj[1:]) & _GLUE_VERBS:
            out.append(f"a clause glued to the thing: '{m.group(1)}'")
        elif len(obj) >= 3 and _predicate(obj[-1]) and obj[-1] not in _HEADS and \
                re.search(rf"^(?:[\w' ]+ )?(?:is|was|are|were|isn't|wasn't|aren't|weren't|think|find) "
                          rf"{re.escape(' '.join(obj))}\s*(?:[?.!]|$)", q):
            out.append(f"the question's predicate glued to the thing: '{m.group(1)}'")
    for m in _STORY_FRAME.finditer(main):  # a subject and its past verb kept as the thing: "Xero synced with Stripe"
        obj = m.group(1).split()
        for k in range(1, len(obj)):
            w = obj[k].lower()
            if w.endswith("ed") and obj[k - 1].lower() not in _DETS and _lemma_verb(w) and \
                    re.search(rf"\b{re.escape(obj[k - 1].lower())} {re.escape(w)}\b", q):
                out.append(f"a clause glued to the thing: '{m.group(1)}'")
                break
    for m in re.finditer(r"\b(?:the|your|our|their|a|an) ([a-z]+ing) ([a-z]+)\b", q):  # "the onboarding emails"
        base = _lemma_verb(m.group(1))
        if base and re.search(rf"\b{re.escape(_past(base))} (?:the |your |a )?{re.escape(m.group(2))}\b", low):
            out.append(f"a modifier made the verb: '{m.group(1)} {m.group(2)}'")
    r = _ROLE.match(q.rstrip("?.! "))
    if r and re.search(rf"\b(?:dealt with|used|worked with) (?:a|an|the) (?:\w+ )?{re.escape(r.group(2).lower())}\b", low):
        out.append("who the participant is told as a thing they met")
    for o in re.finditer(r"\b(by|on|in|at|with|through|via|from) ([\w'-]+) or (?:(?:by|on|in|at|with|through|via|from) )?"
                         r"([\w'-]+)", q):
        story = re.split(r"[.?!]", low)[0]  # one of two options told as what happened: "sent quotes by email"
        if re.search(rf"\b{o.group(1)} {re.escape(o.group(2))}\b", story) and o.group(3) not in story:
            out.append(f"one option told as what happened: '{o.group(1)} {o.group(2)}'")
    if re.search(r"\bmake (?:you|them)\b", low):
        out.append("'make you' kept in a story")
    if re.search(r"\blast time\b[^.?!]*\b(?:next (?:month|year|week|time|season)|in the future|future [a-z]+)\b", low):
        out.append("a future thing told as past")
    m = _IF_ADDED.match(re.sub(r"^(?:so|and|okay|ok),?\s+", "", q.rstrip("?.! ")))
    if m and re.search(r"\b(?:it|them)\b", re.split(r"[.?!]", low)[0]):
        out.append("the imagined thing left as a pronoun")
    if m:
        head = _head_noun(m.group(1))
        if re.search(rf"\b{re.escape(head)}\b", low) and not re.search(rf"\b(?:something like|wanted to|needed)\b[^.?!]*"
                                                                       rf"\b{re.escape(head)}\b", low):
            out.append("an imagined thing told as met")
    p = _PAY_FOR.match(q.rstrip("?.! "))
    if p and re.search(rf"\bpaid for {re.escape(p.group(1).split(' and ')[0])}", low):
        out.append("a willingness to pay told as a payment")
    from kit.guide.retell14 import faults as faults14  # round 14 (session 8): gerunds, clauses, spliced options
    from kit.guide.retell15 import faults as faults15  # session 9: cut tails, "find", lost options, pitches
    return out + faults14(question, cand) + faults15(question, cand)


def misses_first(first: str, cand: str, overlap, second: str = "") -> bool:
    """True when a rewrite of a double-barreled question keeps nothing of its first ask
    (``first``, e.g. "How do you feel about the price?") while that ask has topic words of its
    own: the story must be the first ask, the second goes to "Then ask separately: ..."."""
    from kit.guide.checks import _lemmas
    if second:  # only two things in one frame ("... about the price?" / "... about the turnaround time?"), not two
        a, b = (re.findall(r"[\w'-]+", t.lower()) for t in (first, second))  # people asked about one thing
        k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        if not a or not b or a[-1] == b[-1] or len(b) - k > len(a) - k + 3 or k < 2 or a[k - 1] not in _DETS | _PREPS:
            return False  # the asks differ in the thing after a determiner or a preposition only
        own = [w for w in a[k:] if w not in _DETS and len(w) > 2]  # the first ask's own thing: "the parking"
        story = re.findall(r"[\w'-]+", cand.partition(" Then ask separately: ")[0].lower())
        if own:
            return not any(w[:4] == x[:4] for w in own for x in story)
    return bool(_lemmas(first)) and overlap(first, cand.partition(" Then ask separately: ")[0]) < 1e-9
