"""Grammar-level cues of the fourth round of the question linter (issue 16), read after the
rules of :mod:`kit.guide.flags`, :mod:`kit.guide.grammar` and :mod:`kit.guide.frames`.

=================  =========================================================================
cue                what it finds
=================  =========================================================================
loaded modifier    a degree adverb on an adjective before the noun asked about ("the painfully
                   slow pipeline", "the really tedious form"): the question judges the thing
                   even inside a story (leading)
judging yes/no     a yes-or-no question whose predicate is an evaluative adjective ("Was the
                   locksmith rude ...?") or that compares with what others think ("as striking
                   as everyone else did?") (leading)
presupposition     "given / considering / seeing how" + an adjective; "what made ... so" + an
                   adjective or adverb; "why ... always / never"; "actually" in a yes-or-no
                   question; a priming clause before a dash ("Everyone says ... - tell me")
                   (leading)
bare tag           a statement ending in a negative tag without punctuation ("you liked it
                   didn't you") (leading and closed)
inverted clause    a yes-or-no main clause after a when/if/after clause ("if the gym opened
                   on Sundays would you come") (closed); the price question "how much would
                   you pay / spend" (closed: one number); "which ... usually" (closed: one
                   choice)
two acts with or   "or" joining two verb phrases with different verbs ("did they explain the
                   fault or just tick the box") (double-barreled)
two subjects       two noun phrases reporting or judged together ("what did the optician and
                   the receptionist tell you", "how awful were the pool and the changing
                   rooms"); a fronted pair taken up by "those"/"them" (double-barreled); not
                   two agents doing one act ("how did the driver and the warehouse sort it out")
habit and group    "is it common / normal / usual for"; "most / many" + a plural noun as the
                   subject; "would" as a habitual past after a past anchor ("Back when you
                   started, what would you do") (generalizing, and not hypothetical)
=================  =========================================================================

Each detector takes the sentences of one question (strings) and returns a reason or ``""``;
:func:`normalise` rewrites text-speak ("u") and "'d" before a past participle ("you'd heard"
is "you had heard") before any rule reads the question.
"""
from __future__ import annotations

import re

from kit.guide.words import AUX, DETS, PRONOUNS, WH, is_base_verb, is_past_verb, lemma, tags, valence, words

__all__ = ["closed", "double_barreled", "generalizing", "habitual_past", "joint_act", "leading", "normalise",
           "one_story"]

_PARTICIPLES = {"heard", "seen", "been", "gone", "done", "known", "told", "thought", "found",
                "bought", "brought", "taken", "given", "written", "spoken", "met", "made", "paid", "left",
                "had", "got", "tried", "used", "visited", "booked"}


def normalise(text: str) -> str:
    """Text-speak "u" -> "you"; "you'd heard" -> "you had heard" (a past participle, or
    "already / never / just" + one, after "'d" is the past perfect, not "would")."""
    text = re.sub(r"(?<![\w'])u(?![\w'])", "you", str(text))
    # session 12: "how r u finding ...", "r you ok": "r" as "are" before a subject pronoun; a chat
    # "tbh" / "ngl" before or after the question is a filler
    text = re.sub(r"(?<![\w'])r(?= (?:you|they|we|the|your|ur)\b)", "are", text, flags=re.I)
    text = re.sub(r"^(?:tbh|ngl|honestly)\b,?\s+(?=\w)|[,\s]+(?:tbh|ngl)(?=\s*[?.!]*\s*$)", "", text, flags=re.I)
    text = re.sub(r"(?<![\w'])(?:thru)(?![\w'])", "through", text)

    def had(m: re.Match) -> str:
        nxt = m.group(3).lower()
        if m.group(2) or nxt in _PARTICIPLES or (is_past_verb(nxt) and nxt not in {"read"}):
            return f"{m.group(1)} had {m.group(2) or ''}{m.group(3)}"
        return m.group(0)
    return re.sub(r"\b(i|you|we|they|he|she)['\u2019]d,? (?:(?:um|er|uh),? )?((?:already|never|just|ever) )?([a-z]+)\b",
                  had, text, flags=re.I)


_DEGREE = {"really", "so", "incredibly", "terribly", "awfully", "horribly", "ridiculously", "painfully",
           "super", "utterly", "hopelessly", "insanely", "unbelievably", "dreadfully", "woefully",
           "frustratingly", "annoyingly", "impossibly", "wonderfully", "beautifully", "amazingly"}
_PLAIN = {"big", "small", "long", "short", "old", "new", "early", "late", "first", "last", "large",
          "little", "young", "recent", "same", "different", "local", "whole", "full"}
_SUBORDINATORS = {"when", "if", "after", "before", "once", "while", "as", "since", "whenever"}
_POLITE = {"tell", "walk", "describe", "talk", "take", "share", "explain", "mind", "say", "give", "show",
           "run", "go", "remember", "recall", "think", "help", "talk"}
_STARTERS = {"so", "and", "ok", "okay", "right", "well", "now", ",", "like", "yeah", "alright", "but"}


def _content(toks: list[str]) -> list[str]:
    k = 0
    while k < len(toks) and toks[k] in _STARTERS:
        k += 1
    return toks[k:]


def _noun(word: str) -> bool:
    return "NOUN" in tags(word) or word.endswith("ing")


def _loaded_modifier(toks: list[str]) -> str:
    for i in range(len(toks) - 3):
        if toks[i] not in DETS - {"a", "an", "your", "my"} or toks[i + 1] not in _DEGREE and not (
                toks[i + 1].endswith("ly") and abs(valence(toks[i + 1])) >= 1.5):
            continue
        adj = toks[i + 2]
        if adj in _PLAIN or not (tags(adj) & {"ADJ"} or adj.endswith(("ed", "ing"))):
            continue
        if _noun(toks[i + 3]) or (i + 4 < len(toks) and _noun(toks[i + 4])):
            return f"'{toks[i + 1]} {adj}' builds a judgement into the question"
    return ""


def _judging_yes_no(toks: list[str]) -> str:
    c = _content(toks)
    if not c or c[0] not in {"was", "were", "is", "are", "did", "do", "does"}:
        return ""
    for k, t in enumerate(c[1:], 1):
        if t in _SUBORDINATORS | {"about", "with", "for", "to", ",", "?"}:
            break
        if c[0] in {"was", "were", "is", "are"} and k >= 2 and (tags(t) & {"ADJ"} or t.endswith("ing")) and \
                ("VERB" not in tags(t) or t.endswith("ing")) and valence(t) <= -1.2 and t not in _PLAIN:
            return f"a yes-or-no question that proposes a judgement ('{t}')"
        if c[0] in {"was", "were", "is", "are"} and k >= 2 and t.startswith("un") and len(t) > 6 and \
                valence(t) <= -1.2:
            return f"a yes-or-no question that proposes a judgement ('{t}')"
    if re.search(r"\bas \w+ as (everyone|everybody|all|most|others|other|people|the others|your|they|"
                 r"we) ", " ".join(c) + " "):
        return "compares with what others think"
    if c[0] in {"did", "do", "does", "was", "were", "is", "are", "have", "has"} and "actually" in c:
        return "'actually' in a yes-or-no question doubts the participant"
    return ""


def _presupposition(toks: list[str]) -> str:
    low = " ".join(toks)
    m = re.search(r"\b(given|considering|seeing|since) (how|that) (\w+ )?(\w+)", low)
    if m:
        for w in (m.group(3) or "").split() + [m.group(4)]:
            if w not in _PLAIN | {"much", "many", "often", "far", "long", "busy", "the", "your", "a", "you",
                                  "it", "we", "they", "our"} and (tags(w) & {"ADJ"} or abs(valence(w)) >= 1):
                return f"'{m.group(1)} how {w}' presupposes the judgement"
    m = re.search(r"\b(what made|what makes|why|how come)\b.*\b(so much|so|such a|such) (\w+)", low)
    if m and m.group(2) == "so much" and not (m.group(3).endswith("er") or m.group(3) in {"better", "worse", "more"}):
        m = None
    if m and m.group(3) not in _PLAIN | {"much", "many", "often", "far", "long", "that", "far"} and \
            tags(m.group(3)) & {"ADJ", "ADV"}:
        return f"'{m.group(2)} {m.group(3)}' presupposes the judgement"
    if re.search(r"\bwhy (do|does|did|is|are|was|were|would) .*\b(always|never|constantly)\b", low):
        return "'why ... always' presupposes that it always happens"
    if re.search(r"\b(find|found|finds) (the )?(most|least) (\w+)", low):
        w = re.search(r"\b(most|least) (\w+)", low).group(2)
        if abs(valence(w)) >= 0.9:
            return f"'most {w}' presupposes the judgement"
    return ""


def _bare_tag(toks: list[str]) -> bool:
    t = [w for w in toks if w not in {"?", ".", "!"}]
    return len(t) >= 5 and t[-3] in AUX and t[-2] == "not" and t[-1] in PRONOUNS | {"there"} and \
        t[0] not in AUX and _content(t)[:1] != ["not"]


def leading(sentences: list[str]) -> str:
    """The leading cues of the table above."""
    from kit.guide.flags import _PRIMING_CUES
    from kit.guide.grammar import _preamble_leading
    for s in sentences:
        toks = words(s)
        for fn in (_loaded_modifier, _judging_yes_no, _presupposition):
            if (r := fn(toks)):
                return r
        if _bare_tag(toks):
            return "a tag ('..., didn't you') asks for agreement"
        parts = re.split(r"\s[-\u2013\u2014]\s|\u2014|:\s", str(s), maxsplit=1)
        if len(parts) == 2 and parts[1].strip():
            head = parts[0].lower()
            if _PRIMING_CUES.search(head) or _preamble_leading(words(parts[0])):
                return "a priming clause before the question suggests the answer"
    return ""


def _inverted_after_clause(toks: list[str]) -> bool:
    c = _content(toks)
    if not c or c[0] not in _SUBORDINATORS:
        return False
    for k in range(2, len(c) - 1):
        t = c[k]
        if t in WH:
            return False
        if t in AUX - {"be", "been", "am", "had"} | {"would", "will", "can", "could"} and \
                c[k + 1] in {"you", "they", "we", "it", "he", "she", "there", "anyone"} and \
                c[k - 1] not in PRONOUNS and c[k - 1] not in _SUBORDINATORS:
            nxt = [w for w in c[k + 2:k + 5] if w not in {"just", "ever", "usually", "normally"}]
            if nxt[:1] == ["go"]:
                return nxt[1:2] not in (["through"], ["over"])
            return not (nxt[:1] and nxt[0] in _POLITE)
    return False


def closed(sentences: list[str]) -> str:
    """The closed cues of the table above."""
    for s in sentences:
        toks = words(s)
        low = " ".join(toks)
        if _bare_tag(toks):
            return "a statement with a tag can be answered yes or no"
        if _inverted_after_clause(toks):
            return "a yes-or-no question after a when/if clause"
        if re.match(r"how much would (you|they|your \w+) (be willing to |expect to |want to )?(pay|spend)\b", low):
            return "'how much would you pay' asks for one number"
        if re.search(r"\bwhich\b.*\b(usually|normally|typically|generally|tend to)\b", low) and \
                " and " not in low and " or " not in low:
            return "'which ... usually' asks for one choice"
    return ""


_OR_SKIP = {"just", "simply", "even", "maybe", "perhaps", "did", "you", "they", "also"}


def _or_acts(toks: list[str]) -> str:
    c = _content(toks)
    if not c or c[0] not in AUX | {"would", "will", "can", "could"} or "or" not in c:
        return ""
    j = c.index("or")
    e = 2 if c[1] in PRONOUNS else _np(c, 1)
    while 0 < e < j and c[e] in {"actually", "ever", "really", "just", "already"}:
        e += 1
    verbs = [c[e]] if 0 < e < j and (c[e] not in AUX or (c[e] == "had" and c[0] in {"have", "has"})) and \
        c[e] not in DETS | PRONOUNS and "ADJ" not in tags(c[e]) else []
    k = j + 1
    while k < len(c) and c[k] in _OR_SKIP:
        k += 1
    if k + 1 >= len(c) or not verbs:
        return ""
    v2, obj = c[k], c[k + 1]
    if v2 in AUX or v2 == "not" or not (is_base_verb(v2) or is_past_verb(v2)):
        return ""
    if obj not in DETS | PRONOUNS | {"for", "to", "at", "on", "in", "up", "out", "back", "off"} and \
            not ("NOUN" in tags(obj) and is_past_verb(v2)):
        return ""
    if lemma(v2, "VERB") in {lemma(v, "VERB") for v in verbs}:
        return ""
    return f"two acts joined by 'or' ('{verbs[0]}' ... or '{v2}'); ask about each"


_REPORT = {"say", "tell", "explain", "think", "recommend", "suggest", "describe", "said", "told", "mention",
           "advise", "promise"}


def _np(c: list[str], k: int) -> int:
    """End of a determiner-led noun phrase starting at k (exclusive), or -1."""
    if k >= len(c) or c[k] not in DETS:
        return -1
    m = k + 1
    while m < len(c) and c[m] not in {"and", "or", ",", "?", "."} and c[m] not in AUX | _REPORT and \
            not (c[m] in {"last", "this", "next"} and m > k + 1) and \
            (tags(c[m]) & {"NOUN", "ADJ"} or c[m].endswith(("ing", "'s"))) and m - k <= 4:
        m += 1
    return m if m > k + 1 else -1


def _two_subjects(toks: list[str]) -> str:
    c = _content(toks)
    low = " ".join(c)
    if re.match(r"how \w+ (were|are)\b", low):
        e = _np(c, 3)
        if e > 0 and e < len(c) and c[e] == "and" and _np(c, e + 1) > 0:
            return f"two things judged at once ('{c[e - 1]}' and '{c[_np(c, e + 1) - 1]}')"
    for k, t in enumerate(c[:-1]):
        if t in {"did", "do", "does", "will", "would"} and k > 0 and c[k - 1] in WH:
            e = _np(c, k + 1)
            if e > 0 and e < len(c) and c[e] == "and":
                e2 = _np(c, e + 1)
                if e2 > 0 and e2 < len(c) and c[e2] in _REPORT:
                    return f"two people reporting ('{c[e - 1]}' and '{c[e2 - 1]}'); ask each"
    # two things asked about: "what did you change about the menu and the prices (last year)"
    for k, t in enumerate(c[:-1]):
        if t in {"about", "of"} and k > 2 and not set(c[:k]) & _PAIR_VERBS:
            e = _np(c, k + 1)
            if e > 0 and e < len(c) and c[e] == "and" and c[k + 1] not in {"a", "an"}:
                e2 = _np(c, e + 1)
                if e2 > 0 and (e2 == len(c) or c[e2] in {"?", ".", "last", "this", "in", "on", "during", "at"}):
                    return f"two things asked about at once ('{c[e - 1]}' and '{c[e2 - 1]}')"
    # a fronted pair taken up by a pronoun: "the delivery and the packaging, how did those go?"
    if "," in c:
        j = c.index(",")
        first = c[1:j] if c[:1] in (["and"], ["about"]) else c[:j]
        if first[:2] in (["what", "about"], ["how", "about"]):
            first = first[2:]
        e = _np(first, 0)
        if e > 0 and e < len(first) and first[e] == "and" and _np(first, e + 1) == len(first) and \
                set(c[j + 1:]) & {"those", "them", "they", "both", "these"}:
            return "two things fronted and asked about together; ask about each"
    return ""


_PAIR_VERBS = {"compare", "compared", "between", "balance", "balanced", "difference", "choose", "chose",
               "decide", "decided", "both"}
_MOTION = {"go", "went", "come", "came", "arrive", "arrived", "get", "got", "visit", "visited", "drive", "drove",
           "walk", "walked", "turn", "turned", "pop", "popped", "head", "headed", "stop", "stopped", "return",
           "returned", "move", "moved", "sit", "sat"}


def _two_acts_in_story(toks: list[str]) -> str:
    """"the last time you onboarded a starter and closed a leaver": two tasks, each with its
    object, in the clause of one episode (not a journey and what happened there)."""
    low = " ".join(toks)
    m = re.search(r"\b(?:(?:last|first) time|the day|the week|when) you (\w+) ", low)
    if not m:
        return ""
    c = toks[len(low[:m.end()].split()):]
    v1 = m.group(1)
    if v1 in _MOTION | AUX - {"had"} or not ("VERB" in tags(v1) or v1.endswith("ed") or v1 == "had"):
        return ""
    if "and" not in c:
        return ""
    j = c.index("and")
    if not c[:1] or c[0] not in DETS or j + 2 >= len(c):
        return ""
    v2, obj = c[j + 1], c[j + 2]
    if v2 in AUX or v2 in _MOTION or not ("VERB" in tags(v2) and (is_past_verb(v2) or v2.endswith("ed") or
                                                                 obj in {"up", "out", "off", "in"})):
        return ""
    if lemma(v2, "VERB") == lemma(v1, "VERB") or obj in {"it", "them", "that", "this"}:
        return ""
    if obj in DETS - {"that", "this"} or obj in {"up", "out", "off", "in", "for", "to"}:
        return f"two acts in one story ('{v1}' ... and '{v2}'); ask about each"
    return ""


def double_barreled(sentences: list[str]) -> str:
    """The double-barreled cues of the table above."""
    for s in sentences:
        toks = words(s)
        for fn in (_or_acts, _two_subjects, _two_acts_in_story):
            if (r := fn(toks)):
                return r
    return ""


_PAST_ANCHOR = re.compile(
    r"^(?:(?:so|and|ok|okay|well|now),? )*(back when|back in|in the early days|in those days|in your first "
    r"(?:year|month|week|season|job|term)|when you (?:were|first|started|used)|as a (?:kid|child|student|"
    r"teenager|beginner|newcomer)|before you (?:had|got|switched|moved|joined))\b")
_NOT_HABIT = {"have", "like", "want", "prefer", "love", "need", "be", "make", "help", "change", "improve",
              "choose", "pay", "recommend", "say"}


_CIRCUMSTANCE = re.compile(r"^(?:the|your|my|their|his|her|our) (?:(?!(?:i|you|we|they|he|she|it) )\w+ ){1,3}"
                          r"(?:was|were|is|are|had|has) (?:not |already |still )?")


def one_story(sentences: list[str]) -> bool:
    """True when every "and" joins parts of one event, not two asks: the circumstance of the
    event ("you got to the pool and the lanes were full"), a second verb on the same thing
    ("booked it and loved it"), a round trip ("there and back")."""
    seen = False
    for s in sentences:
        toks = words(s)
        for i, t in enumerate(toks):
            if t not in {"and", "or"}:
                continue
            seen = True
            rest = toks[i + 1:]
            tail = " ".join(rest)
            if t == "and" and toks[i - 1:i] == ["there"] and rest[:1] == ["back"]:
                continue
            if t == "and" and _CIRCUMSTANCE.match(tail) and rest[:1] not in (["you"], ["i"], ["we"]) and \
                    toks[i - 1] not in {"about", "of"} and "NOUN" in tags(rest[1] if rest[0] in DETS else rest[0]):
                continue
            if t == "and" and len(rest) >= 2 and "VERB" in tags(rest[0]) and valence(rest[0]) != 0 and \
                    rest[1] in {"it", "them", "that"} and \
                    (len(rest) == 2 or rest[2] in {",", "?", ".", "right"}):
                continue
            return False
    return seen


_ACCOUNT = _REPORT | {"feel", "felt", "find", "found", "rate", "like", "love", "hate", "react", "respond", "judge",
                      "see", "view", "think", "thought", "describe", "remember", "say", "said", "tell", "told",
                      "ask", "asked", "seem", "want", "need", "expect", "treat", "feel"}


def joint_act(sentences: list[str]) -> bool:
    """"How did the driver and the warehouse sort out the pallet?": two agents as the subject of
    one act on one thing is one question; two people's accounts ("what did X and Y say") are two."""
    from kit.guide.grammar import _person
    for s in sentences:
        c = _content(words(s))
        if len(c) < 7 or c[:1] != ["how"] or c[1] not in {"did", "do", "does"} or "and" not in c[2:5 + 2]:
            continue
        j = c.index("and")
        if c[2] not in DETS or j + 1 >= len(c) or c[j + 1] not in DETS:
            continue
        for m in range(j + 3, min(len(c) - 1, j + 6)):
            if "VERB" in tags(c[m]) and c[m + 1] in DETS | {"out", "up"}:
                if (_person(c[m - 1]) or _person(c[j - 1])) and c[m] not in _ACCOUNT and " and " not in " ".join(c[m:]):
                    return True
                break
    return False


def habitual_past(sentences: list[str]) -> bool:
    """"Back when you first joined, what would you do on match days?": "would" after a past
    anchor tells what used to happen (a habit in the past), not a hypothesis."""
    for s in sentences:
        low = " ".join(words(s))
        if not _PAST_ANCHOR.search(low):
            continue
        m = re.search(r"\b(would) (you|they|we) (\w+)", low)
        if m and m.group(3) not in _NOT_HABIT:
            return True
    return False


def generalizing(sentences: list[str]) -> str:
    """The generalizing cues of the table above."""
    if habitual_past(sentences):
        return "'would' after a past anchor asks what used to happen; ask about one occasion"
    for s in sentences:
        toks = words(s)
        low = " ".join(toks)
        if re.match(r"(do|does) (you|they|people|\w+s) ever\b", " ".join(_content(toks))):
            return "'do you ever' asks about a habit; ask about one occasion"
        if re.search(r"\b(do|does) (you|they|people|\w+s) (always|never|constantly)\b", low):
            return "'always / never' asks for a generalization"
        if re.search(r"\bis it (common|normal|usual|typical|standard|unusual|rare) (for|to)\b", low):
            return "'is it common' asks for a generalization"
        for i, t in enumerate(toks[:-2]):
            if t in {"most", "many"} and (i == 0 or toks[i - 1] not in {"how", "so", "too", "the", "of"}):
                m = i + 1
                while m < len(toks) - 1 and "NOUN" in tags(toks[m]) and not toks[m].endswith("s"):
                    m += 1
                head = toks[m]
                if head.endswith("s") and "NOUN" in tags(head) and m + 1 < len(toks) and \
                        (toks[m + 1] in AUX | {"would", "will"} or "VERB" in tags(toks[m + 1])) and \
                        i > 0 and toks[i - 1] in WH | AUX | {"would", "will", "do", "that"}:
                    return f"'{t} {head}' asks about people in general"
    return ""
