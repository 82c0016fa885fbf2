"""Rewrites of a flagged question in the story-based pattern ("Tell me about the last time
you ..."): the phrase-level candidates and those of :mod:`kit.guide.story`; the clean,
grammatical one that keeps the most of the question's topic is used."""
from __future__ import annotations

import re

from kit.guide import retell, story
from kit.guide import lint as _lint  # a module import: lint imports this module
from kit.guide.checks import grammar_problems, topic_overlap
from kit.guide.flags import _OPTION_TAIL, _PRIMING_SUBJECTS, _double_detail
from kit.guide.kinds import _EPISODE
from kit.guide.lexicon import (AUX_BASE, DETERMINERS, DISCOURSE, EVALUATIVE, MEASURE_ADJ, NEG_AUX,
    NOUNISH, PREPOSITIONS, PRESUPPOSING_ADVERBS, QUALITY_ADJ, VERBS, WH, _Sentence, _base,
    _contains, _expand, _is_question, _normalise_quotes, _sentences, _strip_quoted, _tokens,
    _verb_forms, past_tense)

__all__ = []

# --------------------------------------------------------------------------------------
# Suggestions: rewrite a flagged question in the story-based pattern
# ("Tell me about the last time you <past-tense verb phrase>. What happened?"), reusing
# the question's own topic. Each candidate is linted and the first clean one is used.
# --------------------------------------------------------------------------------------
_DROP_ADVERBS = {"usually", "normally", "typically", "generally", "often", "always", "ever",
                 "regularly", "currently", "now", "still", "really", "actually", "automatically",
                 "instantly", "easily", "quickly", "daily", "weekly", "monthly", "next",
                 "probably", "definitely", "honestly", "obviously", "clearly", "surely",
                 "sometimes", "also", "just", "again", "already", "even", "more", "first",
                 "personally", "ever", "certainly", "possibly", "maybe", "perhaps", "together"}
_TIME_TAILS = re.compile(r"\b(every|each) (single )?(day|week|month|year|time|morning|evening|night|"
                         r"quarter|term)\b|\bmost (days|weeks|months|of the time)\b|\bthese days\b|"
                         r"\bnext (year|month|week|time|quarter|term)\b|\bin the future\b|\bfrom now on\b|"
                         r"\bright now\b|\bat the moment\b|\bon a regular basis\b|\bin general\b|"
                         r"\b(this|next|last|every) (winter|summer|spring|autumn|fall|season|year|month|week|"
                         r"term|quarter|weekend|morning|evening|time)\b", re.I)
_EVENT_NOUNS = {"session", "workshop", "meeting", "course", "class", "conference", "training",
                "event", "appointment", "webinar", "lesson", "seminar", "tour", "demo", "party",
                "fair", "show", "concert", "match", "game", "assembly", "briefing", "retreat"}
_PLACE_NOUNS = {"pharmacy", "clinic", "store", "shop", "office", "branch", "surgery", "gym",
                "hospital", "restaurant", "cafe", "café", "market", "school", "library", "warehouse",
                "hotel", "bar", "museum", "station", "airport", "practice", "dentist", "salon",
                "supermarket", "mall", "venue"}
_PROCESS_NOUNS = {"process", "procedure", "review", "checkout", "check-in", "onboarding",
                  "induction", "application", "claim", "handover", "move", "renewal", "approval",
                  "audit", "migration", "setup", "set-up", "sign-up", "signup", "registration",
                  "inspection", "interview", "appraisal", "enrolment", "enrollment", "refund",
                  "return", "delivery", "transfer", "installation", "trial", "rollout", "launch"}
_PRODUCT_NOUNS = {"app", "tool", "dashboard", "layout", "flow", "feature", "card", "system",
                  "portal", "service", "website", "site", "rubric", "form", "template",
                  "platform", "software", "page", "menu", "product", "spreadsheet", "report",
                  "calendar", "inbox", "account", "plan", "subscription", "device", "machine",
                  "kiosk", "program", "programme", "scheme", "guide", "manual", "rota",
                  "timesheet", "summary", "reminder", "newsletter", "interface", "screen",
                  "extension", "integration", "version", "update", "design", "booking",
                  "tutorial", "video", "instructions", "checklist", "chatbot", "bot", "api",
                  "editor", "tracker", "planner", "wallet", "voucher", "coupon", "label",
                  "packaging", "catalogue", "catalog", "search", "filter", "map", "widget",
                  "loyalty", "email", "emails", "notification", "alert", "policy", "contract",
                  "invoice", "receipt", "statement", "bill", "quote", "estimate", "budget",
                  "course", "curriculum", "textbook", "kit", "recipe", "bank", "insurer", "provider",
                  "supplier", "courier", "agency", "broker", "carrier", "network", "lender"}
_META_NOUNS = {"take", "opinion", "view", "views", "thoughts", "feeling", "feelings", "sense",
               "impression", "impressions", "experience", "reaction", "verdict", "answer", "guess",
               "side", "story", "idea", "ideas", "what", "team", "family", "life", "way",
               "day", "week", "business", "job", "work", "role", "company", "people", "friends",
               "part", "thing", "things", "aspect", "bit", "element", "stage", "step", "most", "least"}
_IMAGINED_HEADS = {"app", "tool", "feature", "product", "service", "system", "platform", "we", "it",
                   "dashboard", "bot", "chatbot", "website", "site", "portal", "option", "button",
                   "assistant", "version", "plan", "programme", "program", "kiosk", "device"}
_CUT_WORDS = {"if", "unless", "because", "instead", "rather", "so", "since", "although", "though",
              "whereas", "while"}
_PRONOUNS = {"it", "them", "this", "that", "these", "those", "one"}


def _w(text: str) -> list[str]:
    return [t for t in _tokens(_expand(text)) if t not in {",", ";", ":", "(", ")", ".", "?", "!"}]


def _clean_vp(words: list[str]) -> list[str]:
    text = " ".join(words)
    text = _TIME_TAILS.sub(" ", text)
    out = []
    for w in text.split():
        lw = w.lower()
        if lw in _CUT_WORDS or lw in {"and", "or", "&", "but"}:
            break
        if lw in _DROP_ADVERBS and out:
            continue
        out.append(w)
    while out and out[-1].lower() in (PREPOSITIONS | DETERMINERS | {"you"}) - {"it", "them", "us", "me", "him", "her"}:
        if len(out) >= 2 and out[-2].lower() in {"for", "to", "with"} and out[-1].lower() == "you":
            out = out[:-2]
            continue
        if out[-1].lower() in {"up", "out", "in", "off", "back", "down", "on", "over", "through"} \
                and len(out) >= 2 and (_base(out[-2]) or (len(out) >= 3 and out[-2].lower() in
                                                          {"you", "it", "them", "me", "us"} and _base(out[-3]))):
            break  # a particle: "set it up", "log in", "logs you out"
        out = out[:-1]
    if len(out) >= 2 and [w.lower() for w in out[-2:]] in (["for", "you"], ["to", "you"], ["with", "you"]):
        out = out[:-2]
    return out


def _resolve(words: list[str], topic: str | None) -> list[str] | None:
    """Replace a pronoun object by the topic ('cope with it' -> 'cope with the old system')."""
    out = []
    for k, w in enumerate(words):
        lw = w.lower()
        nxt = words[k + 1].lower() if k + 1 < len(words) else ""
        pronoun = lw in {"it", "them"} or (lw in {"this", "that", "these", "those"} and
                                             (not nxt or nxt in PREPOSITIONS or nxt in {"and", "or"}))
        if pronoun:
            if topic is None:
                if lw == "it" and nxt in {"up", "out", "in", "off", "back", "down", "on", "over"}:
                    out.append(w)
                    continue
                return None
            out.extend(topic.split())
            continue
        out.append(w)
    return out


def _vp_past(words: list[str], topic: str | None = None) -> str | None:
    """'split bills with friends' / 'splits ...' / 'splitting ...' -> 'split bills with friends'."""
    words = [w for w in words]
    while words and words[0].lower() in _DROP_ADVERBS | {"not", "to"}:
        words = words[1:]
    words = _clean_vp(words)
    if not words:
        return None
    b = _base(words[0])
    if b is None or b in {"be", "think", "know", "mind", "agree", "feel", "say", "mean", "have"}:
        if not (b == "have" and len(words) > 1 and words[1].lower() in {"to", "a", "an", "the", "your"}):
            return None
    rest = _resolve(words[1:], topic)
    if rest is None:
        return None
    phrase = " ".join([past_tense(b)] + rest)
    particles = {"up", "out", "in", "off", "back", "down", "on", "over", "through", "away"}
    bare = all(w.lower() in particles for w in rest)
    if bare and b in {"use", "pay", "buy", "try", "download", "install", "recommend", "keep", "do", "get",
                      "find", "need", "want", "choose", "pick", "make", "take", "like", "prefer",
                      "handle", "manage", "see", "send", "read", "write", "check", "set", "fill",
                      "back", "look", "figure", "sort", "put", "give", "hand", "bring", "carry",
                      "print", "think", "expect", "approve", "review", "track", "plan", "order", "shop"}:
        return None
    if rest and rest[0].lower() in PREPOSITIONS and b in {"want", "need", "like", "expect", "prefer", "love",
                                                           "hate", "enjoy", "value", "look"}:
        if not (b == "look" and rest[0].lower() in {"for", "at", "into", "up"}):
            return None
    return phrase


def _np(words: list[str]) -> str | None:
    """A noun phrase from the start of ``words``: 'the pharmacy close to where you live' ->
    'the pharmacy'; 'a feature that fills in invoices' -> 'a feature'."""
    words = list(words)
    while words and words[0].lower() in {"any", "some", "about", "with", "of", "for", "on", "in", "to",
                                         "really", "so", "very", "much", "a lot", "not", "most", "least",
                                         "best", "the most", "all", "ever", "more"}:
        words = words[1:]
    out: list[str] = []
    for k, w in enumerate(words):
        lw = w.lower()
        if out and all(x.lower() in DETERMINERS for x in out) and (
                lw in {"most", "least", "very", "really", "so", "quite", "more", "biggest", "main"} or lw in EVALUATIVE):
            continue
        if lw in {"and", "or", "&", "that", "which", "who", "than", "now", "too", "so", "very", "you",
                  "if", "when", "because", "while", "really", "right", "then", "quite", "much",
                  "enough", "ever", "at", "to", "by", "before", "after", "without", "from", "as"} \
                or lw in AUX_BASE or lw in NEG_AUX:
            if lw in {"from", "at", "to"} and out and k + 1 < len(words) and words[k + 1].lower() in DETERMINERS - {"it", "them"}:
                out.append(w)
                continue
            break
        if out and (lw in QUALITY_ADJ | MEASURE_ADJ | EVALUATIVE) and out[-1].lower() not in DETERMINERS | PREPOSITIONS:
            break
        if out and lw in DETERMINERS and out[-1].lower() not in PREPOSITIONS:
            break
        if len([x for x in out if x.lower() not in DETERMINERS]) >= 2 and lw in VERBS and lw not in NOUNISH:
            break  # "a live chat button make it easier"
        if out and lw.endswith("s") and _base(lw) and _base(lw) not in NOUNISH and "s" in _verb_forms(lw) \
                and out[-1].lower() not in DETERMINERS | PREPOSITIONS:
            break  # "marking takes too long", "the co-op charges"
        if out and (lw.endswith("ed") or "pp" in _verb_forms(lw) and lw not in NOUNISH) and len(out) >= 2 \
                and out[-1].lower() not in DETERMINERS:
            break
        if not out and lw in _PRONOUNS | {"you", "i", "we", "they", "he", "she"}:
            return None
        out.append(w)
        if len(out) >= 8:
            break
    while out and (out[-1].lower() in PREPOSITIONS | DETERMINERS or out[-1].lower() in QUALITY_ADJ | EVALUATIVE):
        out = out[:-1]
    if not out:
        return None
    if len(out) == 1 and out[0].lower() in DETERMINERS | _PRONOUNS:
        return None
    if out[-1].lower() in _META_NOUNS and len(out) <= 3:
        return None
    if out[0].lower() in DETERMINERS:
        out[0] = out[0].lower()
    return " ".join(_neutral_np(out))


def _neutral_np(words: list[str]) -> list[str]:
    """'our new app' -> 'an app', 'the new layout' -> 'the layout': do not sell the product."""
    fresh = {"new", "latest", "improved", "redesigned", "shiny", "great", "amazing", "updated"}
    out = [w for w in words if w.lower() not in fresh] or list(words)
    if out and out[0].lower() in {"our", "this", "my"} and len(out) > 1:
        rest = out[1:]
        last = rest[-1].lower()
        if last.endswith("s") and not last.endswith("ss"):
            return rest
        return ["an" if rest[0][:1].lower() in "aeiou" else "a"] + rest
    return out


def _np_story(np_text: str | None, imagined: bool = False) -> str | None:
    if not np_text:
        return None
    if imagined:
        return f"Tell me about the last time you needed something like {np_text}. What did you do?"
    words = np_text.split()
    for k, w in enumerate(words):
        if k > 0 and w.lower() in PREPOSITIONS:
            words = words[:k]
            break
    head = words[-1].lower().strip(",")
    for w in reversed(words[-1:]):
        lw = w.lower()
        if lw in _EVENT_NOUNS | _PLACE_NOUNS | _PROCESS_NOUNS | _PRODUCT_NOUNS or lw.rstrip("s") in _PRODUCT_NOUNS:
            head = lw
            break
    if head in _PROCESS_NOUNS:
        return f"Tell me about the last time you went through {np_text}. What happened?"
    if head in _EVENT_NOUNS or head in _PLACE_NOUNS:
        return f"Tell me about the last time you went to {np_text}. What happened?"
    if head in _PRODUCT_NOUNS or head.rstrip("s") in _PRODUCT_NOUNS or head.endswith("app"):
        return f"Tell me about the last time you used {np_text}. What happened?"
    return f"Tell me about the last time you dealt with {np_text}. What happened?"


def _story(phrase: str | None, follow: str = "What happened?", subject: str = "you") -> str | None:
    if not phrase:
        return None
    return f"Tell me about the last time {subject} {phrase}. {follow}"


def _subject_verb(words: list[str], expected: set[str]) -> tuple[list[str], list[str]] | None:
    """Split ['your', 'manager', 'review', ...] at the first verb of the expected form."""
    for k in range(1, len(words)):
        w = words[k].lower()
        prev = words[k - 1].lower()
        if prev in DETERMINERS | PREPOSITIONS:
            continue
        forms = _verb_forms(w)
        if forms & expected and not (w in NOUNISH and k + 1 < len(words) and _verb_forms(words[k + 1]) & expected):
            subj = [x for x in words[:k] if x.lower() not in _DROP_ADVERBS]
            while subj and subj[-1].lower() in set(AUX_BASE) | {"not", "to", "be", "able"}:
                subj = subj[:-1]
            if not subj:
                return None
            return subj, words[k:]
    return None


_SERVING_VERBS = {"show", "display", "let", "give", "tell", "remind", "notify", "alert", "send", "help",
                  "allow", "enable", "warn", "offer", "save", "cost", "take", "make", "be", "have",
                  "work", "come", "sit", "stand", "look", "seem", "appear"}


def _relative_vp(words: list[str]) -> str | None:
    """'a tool that reconciles invoices automatically' -> 'reconciled invoices';
    'an app for tracking symptoms' -> 'tracked symptoms'; 'an app to split bills' -> 'split bills'."""
    low = [w.lower() for w in words]
    for k, w in enumerate(low):
        if w in {"that", "which", "who"} and k > 0 and k + 1 < len(words):
            rest = words[k + 1:]
            if rest[0].lower() in {"would", "could", "will", "can", "might"}:
                rest = rest[1:]
            if len(rest) > 2 and rest[0].lower() in {"made", "makes", "make", "got", "gets", "helped", "helps",
                                                     "lets", "let"} and rest[1].lower() == "you":
                rest = rest[2:]
                if rest and rest[0].lower() == "to":
                    rest = rest[1:]
            elif rest and _base(rest[0]) in _SERVING_VERBS:
                continue
            p = _vp_past(rest)
            if p:
                return p
        if w == "to" and k > 0 and k + 1 < len(words) and _base(words[k + 1]) and \
                low[k - 1] not in VERBS | QUALITY_ADJ | MEASURE_ADJ | EVALUATIVE | {"able", "going", "willing", "have",
                                                                                   "has", "had", "want", "need", "like",
                                                                                   "used", "likely", "ready", "trying"} \
                and low[k - 1] not in DETERMINERS | PREPOSITIONS and _base(low[k - 1]) is None:
            p = _vp_past(words[k + 1:])
            if p:
                return p
        if w in {"for", "with", "about", "of"} and k + 1 < len(words) and words[k + 1].lower().endswith("ing"):
            p = _vp_past(words[k + 1:])
            if p:
                return p
    return None


def _reduced_relative(words: list[str]) -> str | None:
    """'the support you got from our team' -> 'got support from our team';
    'reports you export every week' -> 'exported reports'."""
    low = [w.lower() for w in words]
    if "you" not in low:
        return None
    k = low.index("you")
    if k == 0 or k + 1 >= len(words):
        return None
    noun = [w for w in words[:k] if w.lower() not in DETERMINERS | {"any", "some"}]
    if not noun or len(noun) > 3 or any(w.lower() in PREPOSITIONS | WH | QUALITY_ADJ | MEASURE_ADJ | set(AUX_BASE)
                                        for w in noun):
        return None
    b = _base(words[k + 1])
    if not b:
        return None
    rest = _clean_vp(words[k + 2:])
    obj = noun
    if b in {"get", "receive", "have", "use", "buy", "make", "send", "export", "write", "file",
             "read", "pay", "order", "book", "fill", "submit", "need", "want", "sign"} or True:
        return " ".join([past_tense(b)] + (["a"] if len(noun) == 1 and not noun[0].lower().endswith("s")
                                           and noun[0].lower() not in {"support", "help", "advice", "feedback", "training", "information", "money", "time", "work", "software"} else []) + obj + rest)
    return None


def _options(text: str) -> tuple[str, list[str]] | None:
    m = _OPTION_TAIL.search(text + "?") if not text.endswith("?") else _OPTION_TAIL.search(text)
    if not m:
        return None
    seg = m.group(0)
    opts = [o.strip(" ?,:;-") for o in re.split(r",|\bor\b", seg[1:])]
    opts = [o for o in opts if o]
    if len(opts) < 2:
        return None
    return text[:m.start()].strip(), opts


_SAY_VERBS = re.compile(r"\b(?:says?|said|thinks?|think|shows?|showed|tell us|told us|tells us|finds?|found|"
                        r"believes?|knows?|heard|noticed|suggests?|reckons?|agrees?) (?:that )?", re.I)
_FEEL_VERBS = re.compile(r"\b(?:love|loves|loved|hate|hates|hated|like|likes|enjoy|enjoys|prefer|prefers|"
                         r"adore|adores|rave about|complain about|use|uses|want|wants) ", re.I)
_SCENARIO = re.compile(r"\b(?:we|you|they) (?:offered|added|built|made|launched|created|released|had|"
                       r"introduced|gave you|provided|installed|could use|could have|got) |"
                       r"\bthere (?:was|were|is) |\b(?:imagine|picture|suppose) (?:that )?", re.I)


def _topic(cond: str | None, context: str) -> tuple[str | None, bool]:
    """The thing a priming statement, scenario or condition is about, and whether it is
    imagined (a feature the team has not built)."""
    for src in [c for c in (cond, context) if c]:
        src = _expand(src)
        for rx, imagined in ((_SCENARIO, True), (_FEEL_VERBS, False), (_SAY_VERBS, False)):
            m = rx.search(src)
            if m:
                np_ = _np(_w(src[m.end():]))
                if np_:
                    return np_, imagined
        words = _w(src)
        k = 0
        while k < len(words) and (words[k].lower() in _DROP_ADVERBS | PRESUPPOSING_ADVERBS | {"of", "course"}):
            k += 1
        np_ = _np(words[k:])
        if np_ and not _PRIMING_SUBJECTS.match(" ".join(words[k:]).lower()):
            return np_, False
    return None, False


def _candidates(main: str, context: str, flags: list[str]) -> list[str]:
    out: list[str | None] = []
    m = _expand(main).strip()
    m = re.sub(r",\s*(right|correct|yeah|yes|no|true|agreed|ok|okay)\s*\?\s*$", "?", m, flags=re.I)
    m = re.sub(r",\s*(\w+ not|\w+n't|do|did|does|is|are|was|were|would|will|can|could|have|has) "
               r"(not )?(you|it|they|we|he|she|there|that)\s*\?\s*$", "?", m, flags=re.I)
    for _ in range(3):
        m = re.sub(r"^(of course|obviously|clearly|surely|so|and|okay|ok|now|well|just to check|"
                   r"naturally|then|but|also)\b[, ]*", "", m, flags=re.I)
    m = m.strip().rstrip(" ?.!")
    opts = _options(m + "?")
    options: list[str] = []
    if opts and re.search(r"\bor\b", m):
        stripped, options = opts
        if _tokens(stripped):
            m = stripped
    if "double-barreled" in flags:
        m = _first_ask(m)
    # an inner statement: "Don't you think S", "Wouldn't you agree that S", "You would agree S"
    mi = re.match(r"^(?:do not you|do you not|do you|would not you|would you not|would you|you would|"
                  r"does not everyone|is it not true|is not it true|is it true)\s*(?:think|agree|say|feel|find|)"
                  r"(?: that)?\s+(.+)$", m, flags=re.I)
    if mi and not re.match(r"^(you|that|so)\b", mi.group(1), flags=re.I) and len(_w(mi.group(1))) >= 3 \
            and re.search(r"\b(think|agree|say|feel|find|true)\b", m[:mi.start(1)], flags=re.I):
        m = mi.group(1)
    # a condition: "If we built X, would you use it?" / "... if it were cheaper"
    cond = None
    mc = re.match(r"^(?:if|when|once|suppose|imagine|say) (.+?), (.+)$", m, flags=re.I)
    if mc:
        cond, m = mc.group(1), mc.group(2)
    else:
        mc = re.match(r"^(.+?),? (?:if|unless) (.+)$", m, flags=re.I)
        if mc:
            m, cond = mc.group(1), mc.group(2)
    W = _w(m)
    L = [w.lower() for w in W]
    hypothetical = "hypothetical" in flags
    # the topic of a priming statement, scenario or condition (for "it", "that")
    topic, imagined_topic = _topic(cond, context)
    pronoun_in_main = any(w in {"it", "them", "that", "this", "one"} and (k == len(L) - 1 or L[k + 1] not in
                          DETERMINERS | {"is", "was"} or w in {"it", "them"}) for k, w in enumerate(L) if k > 0)

    def tail_after(*phrases: str) -> list[str] | None:
        for ph in phrases:
            k = _contains(L, ph)
            if k >= 0:
                return W[k + len(ph.split()):]
        return None

    # "Do you remember the last time X?" -> "Tell me about the last time X."
    mm = re.search(r"\b(?:remember|recall|think of|think about)\s+((?:the last|the most recent|a|the first) time\b.+)$",
                   m, flags=re.I)
    if mm:
        out.append(f"Tell me about {mm.group(1)}. What happened?")
    # 0. the scenario carries the topic when the question only points at it ("How would that ...")
    if context and (pronoun_in_main or imagined_topic):
        mm = re.search(r"\b(?:you|it|the \w+|we|they) (?:could|can|had|would|will) (.+?)"
                       r"(?:\b(?:by|with|via|through|using|without|automatically|for you)\b|[.?!]|$)",
                       _expand(context), flags=re.I)
        if mm and _base(_w(mm.group(1))[0] if _w(mm.group(1)) else "") not in _SERVING_VERBS:
            out.append(_story(_vp_past(_w(mm.group(1))), "How did you do it?"))
        if topic:
            out.append(_np_story(topic, imagined_topic))
    # "Do you prefer X or Y" -> choose between them
    mm = re.search(r"\b(?:prefer|rather have|rather use|choose|pick) (.+?) or (.+)$", m, flags=re.I)
    if mm:
        a_, b_ = _np(_w(mm.group(1))) or mm.group(1), _np(_w(mm.group(2))) or mm.group(2)
        out.append(f"Tell me about the last time you had to choose between {a_} and {b_}. What did you pick?")
    if options and not any(L[k] == "you" and k + 1 < len(L) and (_base(L[k + 1]) or L[k + 1] in _DROP_ADVERBS)
                           for k in range(len(L))):
        out.append(f"Tell me about the last time you had to choose between {options[0]} and {options[1]}. "
                   "What did you pick?")
    # 1. prices
    rest = tail_after("how much would you be willing to pay for", "how much would you pay for",
                      "how much would you expect to pay for", "what would you expect to pay for",
                      "what would you pay for", "most you would pay for", "how much are you willing to pay for",
                      "how much would you be willing to spend on", "how much would you spend on",
                      "willing to pay for", "pay more for", "pay extra for", "spend on")
    if rest is not None:
        np_ = _np(rest) or topic
        if np_:
            like = np_ if np_.split()[0].lower() not in {"a", "an"} else f"something like {np_}"
            out.append(f"Tell me about the last time you paid for {like}. How much did it cost?")
        out.append("Tell me about the last time you paid for something like this. How much did it cost?")
    # 2. "How <adj> is it to VP" / "Is it hard to VP"
    k = _contains(L, "it to")
    if k < 0:
        k = _contains(L, "it for you to")
        k = k + 2 if k >= 0 else -1
    if k >= 0:
        out.append(_story(_vp_past(W[k + 2:], topic), "How did it go?"))
    # 3. the episode in a "when"/"if" clause: "Isn't it annoying when the app logs you out?"
    for src in ([" ".join(W[L.index("when") + 1:])] if "when" in L[1:] else []) + ([cond] if cond else []):
        sw = _w(src)
        if not sw:
            continue
        if sw[0].lower() == "you":
            p = _vp_past(sw[1:])
            out.append(_story(p, "What did you do?"))
        elif sw[0].lower() not in {"we", "it", "there", "i"}:
            sv = _subject_verb(sw, {"base", "s", "past", "pp"})
            if sv and hypothetical and sv[0][-1].lower() in _IMAGINED_HEADS:
                vl2 = [w.lower() for w in sv[1]]
                if "to" in vl2 and "you" in vl2[:3]:
                    p = _vp_past(sv[1][vl2.index("to") + 1:])
                    if p:
                        out.append(f"Tell me about the last time you had to {' '.join(_clean_vp(sv[1][vl2.index('to') + 1:]))}. "
                                   "What happened?")
                continue
            if sv and any(w.lower() not in DETERMINERS for w in sv[0]):
                p = _vp_past(sv[1])
                subj = " ".join(sv[0])
                if p:
                    subj = subj[:1].lower() + subj[1:] if subj.split()[0].lower() in DETERMINERS else subj
                    out.append(f"Tell me about the last time {subj} {p}. What did you do?")
    # 4. an imagined product described by a relative clause: "a tool that reconciles invoices"
    for src in ([cond] if cond else []) + ([" ".join(W)] if hypothetical else []) + ([context] if context else []):
        rv = _relative_vp(_w(src))
        if rv:
            out.append(_story(rv, "How did you do it?"))
    # 5. by the shape of the question
    head_i = 0
    while head_i < len(L) and L[head_i] in DISCOURSE:
        head_i += 1
    head = L[head_i] if head_i < len(L) else ""
    body, bl = W[head_i:], L[head_i:]
    if head in WH:
        for prep in ("about", "of", "with", "when", "in"):
            if prep in bl:
                r = body[bl.index(prep) + 1:]
                while r and r[0].lower() in {"most", "least", "the", "really"}:
                    r = r[1:]
                if r and r[0].lower().endswith("ing") and _base(r[0]):
                    out.append(_story(_vp_past(r, topic)))
        r = tail_after("would make you", "would get you to", "would convince you to", "would it take for you to",
                       "would need to happen for you to", "likely are you to", "likely would you be to",
                       "often would you", "would you ever", "will you next", "will you ever",
                       "is it that you would", "is it that you will", "that you would", "that you will")
        if r:
            out.append(_story(_vp_past(r, topic)))
        # wh + aux + subject + verb phrase
        aux_k = next((k for k, w in enumerate(bl) if w in AUX_BASE), None)
        if aux_k is not None and aux_k + 1 < len(bl):
            aux = bl[aux_k]
            after = body[aux_k + 1:]
            al = [w.lower() for w in after]
            kind_aux = AUX_BASE[aux]
            if al and al[0] == "not":
                after, al = after[1:], al[1:]
            if al[:1] == ["you"]:
                vp = after[1:]
                vl = [w.lower() for w in vp]
                while vl and (vl[0] in _DROP_ADVERBS or vl[0] in {"think", "be", "going", "willing", "able",
                                                                   "want", "like", "need", "have", "to", "not"}
                              and not (vl[0] in {"like", "want", "need", "have"} and len(vl) > 1 and vl[1] not in {"to"})):
                    if vl[0] == "think" and len(vl) > 1 and vl[1] in {"you", "that"}:
                        vp, vl = vp[1:], vl[1:]
                        while vl and vl[0] in {"that", "you", "would", "will", "might", "could"}:
                            vp, vl = vp[1:], vl[1:]
                        continue
                    vp, vl = vp[1:], vl[1:]
                if kind_aux == "be" and vl and vl[0] in {"happy", "satisfied", "worried", "pleased", "unhappy",
                                                          "interested", "frustrated", "annoyed", "concerned"}:
                    out.append(_np_story(_np(vp[1:]), hypothetical))
                if kind_aux == "be" and vl and vl[0] in {"with", "about", "by", "of", "in"}:
                    out.append(_np_story(_np(vp[1:]), hypothetical))
                if vl and (vl[0] in {"like", "enjoy", "love", "hate", "think", "feel"} or
                           (vl[0] in {"find", "rate"} and bl[0] == "how" and bl[1] not in AUX_BASE)) and len(vp) > 1:
                    k2 = 1
                    while k2 < len(vl) - 1 and vl[k2] in {"most", "least", "best", "about", "really", "so", "much"}:
                        k2 += 1
                    if vl[0] in {"think", "feel"} and len(vl) > 1 and vl[1] in {"about", "of"}:
                        k2 = 2
                    g = vp[k2].lower() if k2 < len(vp) else ""
                    if g.endswith("ing"):
                        out.append(_story(_vp_past(vp[k2:], topic)))
                    out.append(_np_story(_np(vp[k2:]) or topic, hypothetical))
                if vl and vl[0] in {"use", "try", "download", "install"}:
                    rv = _relative_vp(vp)
                    if rv:
                        out.append(_story(rv, "How did you do it?"))
                    np_ = _np(vp[1:])
                    if hypothetical and np_:
                        out.append(_np_story(np_, True))
                if aux_k > 1 and vl and _base(vl[0]) and not vl[1:2]:
                    # "What tools do you use" -> "used one of your tools"
                    nouns = [w for w in body[1:aux_k] if w.lower() not in DETERMINERS]
                    if nouns and nouns[-1].lower().endswith("s"):
                        out.append(_story(f"{past_tense(_base(vl[0]))} one of your {' '.join(nouns)}"))
                    elif nouns:
                        out.append(_story(f"{past_tense(_base(vl[0]))} your {' '.join(nouns)}"))
                out.append(_story(_vp_past(vp, topic), "How did you do it?" if bl[0] == "how" else "What happened?"))
                if bl[0] == "what" and aux_k == 1 and vl and _base(vl[0]) and (len(vl) == 1 or vl[1] in PREPOSITIONS) \
                        and _base(vl[0]) not in {"like", "love", "enjoy", "hate", "think", "feel", "mean", "dislike",
                                                 "prefer", "want", "need", "say"}:
                    tail = " ".join(_clean_vp(vp[1:])) if len(vl) > 1 else ""
                    out.insert(0 if len(vl) > 1 else len(out),
                               _story(f"{past_tense(_base(vl[0]))} something {tail}".strip(), "What was it?"))
            elif al[:1] == ["it"]:
                pass
            elif al:
                if kind_aux == "be":
                    rr = _reduced_relative(after)
                    if rr:
                        out.append(_story(rr))
                    out.append(_np_story(_np(after) or topic, hypothetical))
                else:
                    exp = {"base"} if kind_aux in {"do", "modal"} else {"pp", "past"}
                    sv = _subject_verb(after, exp)
                    if sv and hypothetical and sv[0][0].lower() in {"a", "an"}:
                        out.append(_np_story(_np(sv[0]), True))
                    if sv:
                        subj = " ".join(sv[0])
                        p = _vp_past(sv[1], topic)
                        if p and subj.lower() not in {"it", "that", "this"}:
                            if subj.split()[0].lower() in DETERMINERS:
                                subj = subj[:1].lower() + subj[1:]
                            out.append(f"Tell me about the last time {subj} {p}. What happened?")
                    if sv:
                        out.append(_np_story(_np(sv[0]), hypothetical))
        elif aux_k is None and len(bl) > 1 and bl[0] == "who" and _base(bl[1]):
            p = _vp_past(body[1:], topic)
            out.append(f"Tell me about the last time someone {p}. Who was involved?" if p else None)
        # "What did you love about X", "the most frustrating part of switching banks"
        for prep in ("about", "of", "with", "in"):
            if prep in bl:
                r = body[bl.index(prep) + 1:]
                if r and r[0].lower().endswith("ing") and _base(r[0]):
                    out.append(_story(_vp_past(r, topic)))
                out.append(_np_story(_np(r), hypothetical))
    elif head in AUX_BASE or (head in NEG_AUX):
        after = body[1:]
        al = [w.lower() for w in after]
        if al and al[0] == "not":
            after, al = after[1:], al[1:]
        kind_aux = AUX_BASE.get(head, "do")
        if al[:2] == ["you", "and"] and kind_aux != "be":
            sv = _subject_verb(after, {"base"} if kind_aux in {"do", "modal"} else {"pp", "past"})
            if sv:
                p = _vp_past(sv[1], topic)
                if p:
                    out.append(f"Tell me about the last time {' '.join(sv[0])} {p}. What happened?")
        if al[:1] == ["you"]:
            vp = after[1:]
            vl = [w.lower() for w in vp]
            # "Do you think you would VP", "Are you going to VP", "be able to"
            while vl and (vl[0] in _DROP_ADVERBS or vl[0] in {"not"}):
                vp, vl = vp[1:], vl[1:]
            if vl[:1] == ["think"]:
                k = 1
                while k < len(vl) and vl[k] in {"that", "you", "would", "will", "might", "could", "ever"}:
                    k += 1
                vp, vl = vp[k:], vl[k:]
            for pre in (["going", "to"], ["planning", "to"], ["able", "to"], ["willing", "to"],
                        ["be", "willing", "to"], ["be", "able", "to"], ["have", "to"], ["need", "to"],
                        ["want", "to"], ["see", "yourself"], ["ever"], ["end", "up"], ["ended", "up"]):
                if vl[:len(pre)] == pre:
                    vp, vl = vp[len(pre):], vl[len(pre):]
            if vl[:2] and vl[0] in {"be", "been"} and len(vl) > 1 and vl[1].endswith("ing") and _base(vl[1]):
                out.append(_story(_vp_past(vp[1:], topic)))
            if vl[:2] and vl[0] == "been" and len(vl) > 1 and "pp" in _verb_forms(vl[1]):
                tail = _clean_vp(vp[1:])
                out.append(f"Tell me about the last time you were {' '.join(tail)}. What happened?" if tail else None)
            if vl[:1] and vl[0] in {"be", "interested", "happy", "satisfied", "worried", "pleased", "keen",
                                     "open", "concerned", "frustrated", "annoyed", "aware"}:
                k = 1 if vl[0] != "be" else 2
                r = vp[k:]
                rl = [w.lower() for w in r]
                if rl[:1] and rl[0] in {"in", "about", "with", "by", "of", "for"}:
                    r = r[1:]
                if r and r[0].lower().endswith("ing"):
                    out.append(_story(_vp_past(r, topic)))
                if vl[0] in {"interested", "keen", "open"} or (vl[0] == "be" and len(vl) > 1 and vl[1] in {"interested", "keen", "open"}):
                    np_ = _np(r)
                    out.append(f"Tell me about the last time you needed {np_}. What did you do?" if np_ else None)
                else:
                    out.append(_np_story(_np(r) or topic, False))
            if kind_aux == "be" and vl[:2] in (["the", "one"], ["the", "person"]) or vl[:1] == ["someone"]:
                rv = _relative_vp(vp)
                out.append(_story(rv))
            if vl[:1] and vl[0] in {"prefer", "choose", "pick"} and options:
                out.append(f"Tell me about the last time you had to choose between {options[0]} and {options[1]}. "
                           "What did you pick?")
            if vl[:1] and vl[0] in {"use", "try", "download", "install"}:
                rv = _relative_vp(vp)
                if rv:
                    out.append(_story(rv, "How did you do it?"))
                np_ = _np(vp[1:])
                if hypothetical and np_ and vl[1:2] and vl[1] in {"a", "an", "something", "some"}:
                    out.append(_np_story(np_, True))
            if kind_aux == "be" and vl and vl[0].endswith("ing"):
                out.append(_story(_vp_past(vp, topic)))
            out.append(_story(_vp_past(vp, topic), "How did it go?"))
        elif al[:1] == ["there"]:
            r = after[1:]
            rr = _reduced_relative(r)
            out.append(_story(rr))
            if _EPISODE.search(" ".join(al)):
                np_ = " ".join(_clean_vp(r)) if r else None
                if np_:
                    np_ = re.sub(r"^(any|some) ", "", " ".join(r), flags=re.I)
                    out.append(f"Tell me about {np_}. What happened?")
            out.append(_np_story(_np(r), hypothetical))
        elif al[:1] in (["it"], ["this"], ["that"]):
            r = after[1:]
            rl = [w.lower() for w in r]
            if "made" in rl and rl.index("made") + 2 < len(rl) and rl[rl.index("made") + 1] == "you":
                out.append(_story(_vp_past(r[rl.index("made") + 2:])))
            for k, w in enumerate(rl):
                if w.endswith("ing") and _base(w) and k > 0:
                    out.append(_story(_vp_past(r[k:], topic)))
                    break
            out.append(_np_story(_np(r), hypothetical))
        elif al:
            if kind_aux == "be":
                np_ = _np(after)
                if np_ and "who" in al:
                    k = al.index("who")
                    p = _vp_past(after[k + 1:], topic)
                    if p:
                        out.append(f"Tell me about the last time {np_} {p}. What happened?")
                if np_:
                    n = len(np_.split())
                    k = next((i for i in range(1, len(al)) if ("pp" in _verb_forms(al[i]) or al[i].endswith("ed"))
                              and al[i] not in NOUNISH and al[i - 1] not in DETERMINERS), None)
                    if k is not None and k >= n - 1:
                        tail = []
                        for w in after[k:]:
                            if w.lower() in _CUT_WORDS | {"before", "after", "when", "and", "or", "by"}:
                                break
                            tail.append(w)
                        be = "were" if np_.split()[-1].lower().endswith("s") and not np_.split()[-1].lower().endswith("ss") else "was"
                        out.append(f"Tell me about the last time {np_} {be} {' '.join(tail)}. What happened?")
                rr = _reduced_relative(after)
                out.append(_story(rr))
                out.append(_np_story(np_, hypothetical))
            else:
                exp = {"base"} if kind_aux in {"do", "modal"} else {"pp", "past"}
                sv = _subject_verb(after, exp)
                if sv:
                    subj = " ".join(sv[0])
                    vp = sv[1]
                    vl = [w.lower() for w in vp]
                    for pre in (["be", "able", "to"], ["need", "to"], ["have", "to"], ["ever"]):
                        if vl[:len(pre)] == pre:
                            vp = vp[len(pre):]
                    if vl[:1] == ["help"] and len(vl) > 2 and vl[1] == "you":
                        r = _clean_vp(vp[2:])
                        if r and _base(r[0]):
                            out.append(f"Tell me about the last time you tried to {' '.join(r)}. What happened?")
                    p = _vp_past(vp, topic)
                    if p and subj.lower() not in {"it", "that", "this"}:
                        if subj.split()[0].lower() in DETERMINERS | {"students", "teachers", "people", "customers"}:
                            subj = subj[:1].lower() + subj[1:]
                        if hypothetical and subj.split()[0].lower() in {"a", "an"}:
                            out.append(_np_story(_np(sv[0]), True))
                        else:
                            out.append(f"Tell me about the last time {subj} {p}. What happened?")
                out.append(_np_story(_np(after), hypothetical))
    else:
        # a statement with a question mark or a tag: "You check your bank balance every day"
        sw, sl = body, bl
        if sl[:1] == ["you"]:
            vp, vl = sw[1:], sl[1:]
            while vl and (vl[0] in _DROP_ADVERBS or vl[0] in {"would", "will", "could", "might", "do", "not"}):
                vp, vl = vp[1:], vl[1:]
            out.append(_story(_vp_past(vp, topic)))
        elif sl:
            sv = _subject_verb(sw, {"s", "past", "base"})
            if sv and _base(sv[1][0]) in {"love", "like", "hate", "enjoy", "prefer", "appreciate", "adore"}:
                out.append(_np_story(_np(sv[1][1:]), hypothetical))
            if sv and sv[0][0].lower() in DETERMINERS and not (sv[1] and _base(sv[1][0]) in {"be", "have"}):
                p = _vp_past(sv[1])
                if p:
                    out.append(f"Tell me about the last time {' '.join(sv[0]).lower()} {p}. What happened?")
            out.append(_np_story(_np(sw), hypothetical))
    # 6. the statement before the question: "Most people find X hard to VP. Do you?"
    if context:
        mm = re.search(r"\b(?:find|found|say|think) (.+?) (?:is |are |was )?(?:too |really |very |so )?(?:hard|difficult|easy|"
                       r"confusing|annoying|painful|frustrating|slow|tricky|quick|simple) to (\w+(?: up| out| in)?)",
                       context, flags=re.I)
        if mm:
            obj = _np(_w(mm.group(1)))
            if obj:
                out.append(_story(f"{past_tense(_base(mm.group(2).split()[0]) or mm.group(2).split()[0])} "
                                  f"{' '.join(mm.group(2).split()[1:])} {obj}".replace("  ", " ")))
        mm = re.search(r"\b(?:would|will) (.+?)[.?!]?$", _expand(context), flags=re.I)
        if mm:
            out.append(_story(_vp_past(_w(mm.group(1)))))
        if topic:
            vl = [w.lower() for w in W]
            k = vl.index("you") if "you" in vl else -1
            if k >= 0:
                vp = [w for w in W[k + 1:]]
                while vp and vp[0].lower() in _DROP_ADVERBS | {"think"}:
                    vp = vp[1:]
                if vp and vp[0].lower() not in {"think", "feel"}:
                    out.append(_story(_vp_past(vp, topic)))
            out.append(_np_story(topic, hypothetical))
    # 7. the options, then the fallback the linter promises
    if options:
        out.append(f"Tell me about the last time you had to choose between {options[0]} and {options[1]}. "
                   "What did you pick?")
    for prep in ("about", "with", "for", "on", "of"):
        if prep in L:
            np_ = _np(W[L.index(prep) + 1:])
            if np_:
                out.append(f"Tell me about the last time you dealt with {np_}. What happened?")
    if topic:
        out.append(f"Tell me about the last time you dealt with {topic}. What happened?")
    return [c for c in out if c]


def _rewrite(question: str, flags: list[str]) -> str:
    text = _normalise_quotes(question).strip()
    sents = _sentences(text)
    if not sents:
        return ""
    statements = [s for s in sents if not _is_question(s)]
    questions = [s for s in sents if _is_question(s)]
    if "double-barreled" in flags and len(questions) >= 2:
        lead = [s for s in sents[:sents.index(questions[0])] if not _is_question(s)]
        first = " ".join(lead + [questions[0]])
        if lead and not _lint.flags_of(first):
            return first
        main = questions[0]
    else:
        main = questions[-1] if questions else sents[-1]
    context = " ".join(s for s in statements if sents.index(s) < sents.index(main))
    cands = _candidates(main, context, flags)
    if "double-barreled" in flags:
        first = _first_ask(_expand(main).rstrip(" ?")) + "?"
        cands.append(first)
    # the rule-based candidates first, then the question's own words (kit.guide.story);
    # keep the clean, grammatical one that keeps the most of the question's topic
    best, best_overlap = "", -1.0
    pair = retell.split_pair(question) if "double-barreled" in flags else None
    pool = ([_as_story(pair[0])] if pair else []) + [_tidy(c) for c in cands] + story.candidates(question, flags) + \
        [_tidy(c) for c in retell.frame_stories(question, flags)]
    pool = [c for cand in pool for c in dict.fromkeys([retell.without_judgements(cand), cand])]
    for cand in pool:
        if _lint.flags_of(cand) or grammar_problems(cand) or retell.keeps_judgement(cand):
            continue
        overlap = topic_overlap(question, cand)
        if overlap > best_overlap + 1e-9:
            best, best_overlap = cand, overlap
        if overlap >= 0.999:
            break
    best = best or "Tell me about the last time this came up for you. What happened?"
    if "double-barreled" in flags:
        then = retell.follow_up(question)
        if then:
            then = retell.FOLLOW_UP.strip() + " " + _as_story(then.split(": ", 1)[1])
        if then and not _lint.flags_of(best) and not grammar_problems(best + " " + then):
            best = best + " " + then
    return best


def _as_story(question: str) -> str:
    """A clean question as a story question in its own words when the rules can make one that
    keeps all its topic words ("How do you plan sprints?" -> "Tell me about the last time
    you planned sprints. What happened?"); else the question itself."""
    from kit.guide.kinds import _kind
    from kit.guide.lexicon import _Sentence, _sentences
    if _kind([_Sentence(s) for s in _sentences(question)], False, False) == "story":
        return question
    cased = {w.lower(): w for w in re.findall(r"[\w'-]+", question)[1:] if not w.islower()}
    for cand in retell.frame_stories(question, ["generalizing"]) + story.candidates(question, ["generalizing"]):
        cand = re.sub(r"[\w'-]+", lambda m: cased.get(m.group(0), m.group(0)), cand)  # "HR" stays "HR"
        if not _lint.flags_of(cand) and not grammar_problems(cand) and topic_overlap(question, cand) >= 0.999:
            return cand
    return question


def _tidy(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s+([,.?!])", r"\1", s)
    s = re.sub(r"\bi\b", "I", s)
    s = re.sub(r"\b(a) ([aeiou])", r"an \2", s)
    s = re.sub(r"\ba an\b|\ban a\b", "a", s)
    return s[:1].upper() + s[1:]


def _first_ask(text: str) -> str:
    """The first of two asks: 'How do you plan sprints and track bugs' -> 'How do you plan
    sprints'; 'What do you like and dislike about X' -> 'What do you like about X';
    'When and where do you bank' -> 'When do you bank'."""
    s = _Sentence(text + "?")
    reason, i, mode = _double_detail(s)
    toks = _tokens(_expand(_strip_quoted(text)))
    if not reason or i < 0 or len(toks) != len(s.toks) - 1:
        return text
    low = [t.lower() for t in toks]
    if mode == "adjacent":
        return " ".join(toks[:i] + toks[i + 2:])
    if mode == "clause" and i >= 1 and low[i - 1] in WH and i - 1 == s.head_index:
        return " ".join(toks[:i] + toks[i + 2:])
    first = toks[:i]
    if mode == "clause":
        # a shared tail: "What works and what doesn't work about teaching online"
        second = low[i + 1:]
        for k, w in enumerate(second):
            if w == "about" and w not in low[:i]:
                first = first + toks[i + 1 + k:]
                break
    return " ".join(first).rstrip(" ,")


