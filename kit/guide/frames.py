"""Second round of grammar rules (issue 16, after an independent evaluation): faults that
sit inside a frame — a story opener ("Tell me about the last time ..."), a when-clause, a
fronted time frame — where the first round's rules looked only at the asked clause.

=================  =========================================================================
rule               fires on
=================  =========================================================================
leading            an evaluative modifier of the thing asked about anywhere in the question,
                   story openers included: a determiner ("our", "the", "this", "your") +
                   an adjective or participle whose VADER valence is strong, or a word of
                   the product-evaluation vocabulary VADER lacks (:data:`EVALUATIVE`:
                   "intuitive", "streamlined", "outdated") + a noun; presupposed liking
                   ("what did you like / appreciate / love about"); "what was so X about";
                   a presupposed feeling ("made you feel safe", "how delighted"); a
                   factive verb over a judgement ("realised our planner was better").
double-barreled    coordination ("and" or "or") inside a frame: two determiner noun phrases
                   ("a flight and a rental car", "the stock take in May and the supplier
                   audit in June"), two verb phrases each with its own object ("restocked
                   shelves and updated the price tags"), two clauses in a when-clause
                   ("when a guest complains or a booking is lost"), coordinated subjects
                   ("How did the launch and the rollout go?"), two time frames ("Last
                   month and last year"). Not: fixed pairs, "between", "both",
                   "together", pair verbs ("juggle rent and bills"), "and then", people
                   with a pronoun ("you and your partner"), two stative conditions in
                   the present ("when staff are off sick and deliveries are late").
generalizing       habitual frames: "whenever", "most weeks / days / times", "day to day",
                   "go-to", "every time / every Monday", "each time", "as a rule",
                   "tend to"; also next to "would" ("In general, what would you want",
                   "How often would you use"), where the question is both.
hypothetical       a wish about something that does not exist ("What do you wish the
                   portal could do?").
=================  =========================================================================

Each detector takes the sentences of one question (strings) and returns a reason, or "".
"""
from __future__ import annotations

import re

from kit.guide.grammar import _person
from kit.guide.lexicon import FIXED_PAIRS
from kit.guide.words import FILLERS, PERSONAL, PREPS, WH, is_base_verb, is_past_verb, tags, valence, words

__all__ = ["EVALUATIVE", "double_in_frame", "generalizing_frame", "leading_in_frame", "wish"]

# Product- and service-evaluation adjectives that VADER's lexicon does not score (VADER was
# built on social-media text): each one judges the thing it modifies rather than describing it.
EVALUATIVE = {
    "intuitive", "unintuitive", "seamless", "streamlined", "outdated", "clunky", "slick", "sleek",
    "effortless", "cumbersome", "convoluted", "antiquated", "obsolete", "archaic", "dated",
    "old-fashioned", "reliable", "unreliable", "buggy", "glitchy", "laggy", "bloated", "tedious",
    "painless", "hassle-free", "user-friendly", "cutting-edge", "state-of-the-art", "innovative",
    "convenient", "inconvenient", "clumsy", "flawless", "polished", "addictive", "handy",
    "powerful", "robust", "smooth", "frustrating", "confusing", "overpriced", "rip-off",
    "overcomplicated", "complicated", "pointless", "needless", "unhelpful", "incompetent",
    "rude", "lazy", "stunning", "gorgeous", "superb", "fantastic", "terrific", "dreadful",
    "horrible", "horrendous", "shoddy", "sloppy", "chaotic", "messy", "hopeless", "world-class",
    "award-winning", "top-notch", "first-class", "best-in-class", "market-leading", "revolutionary",
    "game-changing", "life-changing", "lightning-fast", "super-fast", "blazing", "speedy",
    "knowledgeable", "attentive", "dedicated", "caring", "friendly", "unfriendly", "welcoming",
    "trusted", "trustworthy", "transparent", "generous", "supportive", "inspiring", "clever",
    "brilliant", "wonderful", "amazing", "awesome", "excellent", "great", "terrible", "awful",
    "useless", "lousy", "nightmare", "disastrous", "wasteful", "painful", "annoying", "helpful",
}
# Adjectives that describe a fact about the thing ("new", "online") are never judgements.
_NEUTRAL = {"new", "old", "online", "late", "early", "express", "first", "last", "next", "main",
            "local", "digital", "mobile", "free", "big", "small", "long", "short", "annual",
            "monthly", "weekly", "daily", "own", "same", "other", "whole", "usual", "normal",
            "current", "previous", "latest", "recent", "front", "back", "public", "private",
            "good", "bad", "happy", "sad", "positive", "negative", "special", "fresh", "strong",
            "weak", "successful", "active", "natural", "creative", "safe", "clean", "clear",
            "quick", "slow", "cheap", "expensive", "busy", "quiet", "hard", "easy", "simple",
            "difficult", "best", "worst", "better", "worse", "most", "least", "elderly", "sick"}
_JUDGE_DETS = {"our", "the", "this", "that", "these", "those", "your", "their", "its", "his", "her"}
_PAIR_VERBS = {"balance", "balancing", "balanced", "juggle", "juggling", "juggled", "compare",
               "compared", "comparing", "choose", "chose", "choosing", "decide", "decided", "mix",
               "mixed", "combine", "combined", "split", "weigh", "weighed", "link", "linked",
               "match", "matched", "swap", "swapped", "switch", "switched", "move", "moved"}
_ONE_THING = {"both", "together", "between", "at once", "same"}


def _evaluative_modifier(word: str, strong: bool) -> bool:
    """An adjective or participle that judges what it modifies. ``strong``: the determiner is
    not the interviewer's own ("the", "your"), so weaker VADER words do not count."""
    w = word.lower()
    if w in _NEUTRAL:
        return False
    if w in EVALUATIVE:
        return True
    tg = tags(w)
    if w.endswith(("est", "er")) and "ADJ" in tg and not w.endswith(("ed", "ing")):
        return False  # "the strongest ones": a comparison, not praise
    if not (tg & {"ADJ"} or (w.endswith(("ed", "ing")) and "VERB" in tg) or "-" in w):
        return False
    return abs(valence(w)) >= (1.8 if strong else 1.2)


def _noun_follows(toks: list[str], k: int) -> bool:
    """toks[k] starts a noun phrase's head (after more modifiers)."""
    n = len(toks)
    m = k
    while m < n and m < k + 4:
        t = toks[m]
        if t in {"?", ",", ".", "and", "or"} or t in PREPS or t in WH:
            return m > k and "NOUN" in tags(toks[m - 1])
        if "NOUN" in tags(t) and not (tags(t) & {"AUX"}):
            if m + 1 >= n or toks[m + 1] in {"?", ",", ".", "and", "or", "'s"} or toks[m + 1] in PREPS \
                    or "NOUN" not in tags(toks[m + 1]) or m + 1 == k + 3:
                return True
        m += 1
    return m > k


def leading_in_frame(sentences: list[str]) -> str:
    """Evaluative or presupposing language about the thing asked about, in any frame."""
    toks = [t for s in sentences for t in words(s)]
    low = " ".join(toks)
    n = len(toks)
    for i, t in enumerate(toks[:-2]):
        if t not in _JUDGE_DETS:
            continue
        k = i + 1
        while k < n and toks[k] in {"really", "very", "so", "super", "truly", "brand", "new", "always", "most"}:
            k += 1
        if k >= n - 1:
            continue
        w = toks[k]
        if toks[k - 1] == "most" and w not in EVALUATIVE and abs(valence(w)) < 1.0:
            continue
        strong = t not in {"our"}
        if _evaluative_modifier(w, strong) and _noun_follows(toks, k + 1):
            # "the friendly staff", "our intuitive dashboard"; not "the sad news" in a story
            # about the participant's own feelings ("your happy place" is _NEUTRAL)
            return f"'{t} {w} {toks[k + 1]}' builds a judgement into the question"
    m = re.search(r"\bwhat (did|do|does|have|has) (you|they|people|your \w+) (really |most |especially |particularly )?"
                  r"(love|loved|appreciate|appreciated|value|valued|admire|admired|adore|adored)"
                  r"( most| best)? about\b", low)
    if m:
        return f"'what did you {m.group(4)} about' presupposes the liking"
    m = re.search(r"\b(was|is|were|are|'s) (it )?so (\w+)( about| in| with|\?)", low)
    if m and m.group(3) not in {"much", "many", "long", "far", "important", "different"} and (
            tags(m.group(3)) & {"ADJ"} or m.group(3).endswith(("ing", "ed"))):
        return f"'so {m.group(3)}' presupposes the judgement"
    m = re.search(r"\bmade (you|them|him|her|your \w+) (feel|feeling) (so |really |very |more |finally )?([\w-]+)", low)
    if m and m.group(4) not in {"that", "this", "way", "like", "about", "the", "a", "it"} and tags(m.group(4)) & {"ADJ", "VERB"}:
        return f"'made you feel {m.group(4)}' presupposes the feeling"
    m = re.search(r"\bhow (\w+) (\w+ ){0,3}(was|were|did|are|is|do|felt|feel)\b", low)
    if m:
        w = m.group(1)
        if w.endswith("ed") and "VERB" in tags(w) and abs(valence(w)) >= 1.0:
            return f"'how {w}' presupposes the feeling"
    m = re.search(r"\b(realised|realized|discovered|noticed|saw|learned|learnt|found out|knew) (that )?"
                  r"((?:[\w'-]+ ){0,6}?)(was|is|were|are|would be|had been) (so |much |a lot |far )?"
                  r"(better|easier|faster|simpler|cheaper|quicker|nicer|worse|slower|harder|best|worst|[\w-]+)", low)
    if m and (m.group(6) in {"better", "easier", "faster", "simpler", "cheaper", "quicker", "nicer", "worse",
                             "slower", "harder", "best", "worst"} or _evaluative_modifier(m.group(6), True)):
        return f"'{m.group(1)} ... {m.group(6)}' presupposes the judgement"
    m = re.search(r"\b(let (you|them|us|your \w+) down|ruined|wrecked|spoiled|spoilt)\b", low)
    if m and re.search(r"\b(the|our|your) ", low[:m.start()]):
        return f"'{m.group(1)}' builds blame into the question"
    return ""


# --------------------------------------------------------------------------------------
# Double-barreled inside frames
# --------------------------------------------------------------------------------------
_FRAME = re.compile(r"\b(last|first|most recent|latest|previous) (time|\w+ (you|that|when))|"
                    r"\b(tell me about|walk me through|describe|talk me through|take me through)\b|"
                    r"\bwhen(ever)?\b|\b(time|day|moment|week) (when|that|you)\b|^how (did|was|were|do|does|has|have)\b")
_TIME = {"year", "month", "week", "term", "semester", "quarter", "season", "summer", "winter",
         "spring", "autumn", "night", "weekend", "christmas", "easter", "time"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
           "saturday", "sunday"}
_NP_DETS = {"a", "an", "the", "your", "their", "his", "her", "our", "my", "this", "that", "another"}


def _clean(toks: list[str]) -> list[str]:
    out = []
    for t in toks:
        if t in FILLERS:
            continue
        if t == "like" and out and out[-1] in {",", "and", "or"}:
            continue
        if t == "," and out and out[-1] in {"and", "or"}:
            continue
        out.append(t)
    return out


def _left_np_has_det(toks: list[str], i: int) -> bool:
    """The noun phrase ending just before toks[i] starts with a determiner (within 6 words)."""
    k = i - 1
    while k >= 0 and i - k <= 7:
        t = toks[k]
        if t in _NP_DETS:
            return True
        if t in {",", "?", ".", "and", "or"} or t in WH:
            return False
        if t in PERSONAL and not (k > 0 and "NOUN" in tags(toks[k - 1])):
            return False  # "the last trip you organised": a relative clause goes on
        if t in PREPS and t not in {"of", "in", "on", "at", "for", "with", "after", "from", "to"}:
            return False
        k -= 1
    return False


def _vp_with_object(toks: list[str], j: int) -> bool:
    """toks[j] is a past or base verb followed by its own object or preposition phrase."""
    v = toks[j]
    after = toks[j + 1] if j + 1 < len(toks) else "?"
    if not (is_past_verb(v) or is_base_verb(v)) or v in {"then", "so", "what", "how"}:
        return False
    if "NOUN" in tags(v) and not is_past_verb(v):
        return False
    return after in _NP_DETS or (after in PREPS and after not in {"of", "than", "like"}) or \
        ("NOUN" in tags(after) and after not in {"?", "."}) or after in {"up", "off", "out", "down", "in"}


def double_in_frame(sentences: list[str]) -> str:
    """Two asks coordinated inside a story opener, a when-clause or a time frame."""
    for s in sentences:
        toks = _clean(words(s))
        low = " ".join(toks)
        n = len(toks)
        m = re.search(r"\b(last|this|next) (\w+) (and|or) (last|this|next|the) (\w+)", low)
        if m and m.group(2) in _TIME and m.group(5) in _TIME:
            return f"two time frames ('{m.group(0)}')"
        m = re.search(r"\bin (\w+) (and|or) (the \w+ |a \w+ )?.*\bin (\w+)\b", low)
        if m and m.group(1) in _MONTHS and m.group(4) in _MONTHS and m.group(3):
            return "two events in two time frames"
        if not _FRAME.search(low):
            continue
        for i, t in enumerate(toks):
            if t not in {"and", "or"} or i == 0 or i + 1 >= n:
                continue
            prev, nxt = toks[i - 1], toks[i + 1]
            after = toks[i + 2] if i + 2 < n else "?"
            window = " ".join(toks[max(0, i - 8):i + 8])
            if nxt in {"then", "what", "how", "why", "who", "where", "when", "so", "also", "afterwards",
                       "after", "back", "forth", "not", "about"}:
                continue
            if any(w in window.split() for w in _ONE_THING) or re.search(r"\bat (the same time|once)\b", window):
                continue
            if (prev, nxt) in FIXED_PAIRS:
                continue
            if set(toks[max(0, i - 7):i]) & _PAIR_VERBS:
                continue
            if prev in PERSONAL or nxt in PERSONAL:
                continue
            before = " ".join(toks[:i])
            in_frame = bool(re.search(r"\b(last|first|most recent|latest|previous)\b|\b(time|day|moment) "
                                      r"(when|that|you)\b|\bwhen(ever)?\b", before))
            request = bool(re.search(r"\b(tell me about|walk me through|describe|talk me through|take me through)\b",
                                     before))
            # two determiner noun phrases: "a flight and a rental car"
            if nxt in _NP_DETS and prev not in PREPS and _left_np_has_det(toks, i) and (in_frame or request) \
                    and not (t == "or" and not in_frame):
                if re.search(r"\b(between|from)\b", before.split(" when ")[-1]):
                    continue
                return f"two things in one frame ('... {prev} {t} {nxt} ...')"
            # coordinated subjects: "How did the launch and the rollout go?"
            if nxt in _NP_DETS and re.match(r"(how|what|when|why) (did|was|were|do|does|has|have|is|are) (the|your|our|a) ",
                                            low) and _left_np_has_det(toks, i) and t == "and" and \
                    not _person(prev) and not _person(after):
                return f"two subjects in one question ('... {prev} and {nxt} ...')"
            # two verb phrases, each with its own object, in an episode or a when-clause
            if (in_frame or request) and _vp_with_object(toks, i + 1) and is_past_verb(nxt) and \
                    any(is_past_verb(w) for w in toks[max(0, i - 7):i]):
                return f"two actions in one frame ('... {t} {nxt} ...')"
            # two clauses in a when-clause: "when a guest complains or a booking is lost"
            if re.search(r"\bwhen(ever)?\b", before) and nxt in _NP_DETS | PERSONAL and t == "or":
                return f"two situations in one when-clause ('... or {nxt} ...')"
            if in_frame and t == "or" and (is_past_verb(nxt) or is_base_verb(nxt)) and _vp_with_object(toks, i + 1) \
                    and prev not in {"to"} and "VERB" not in tags(prev) | set():
                return f"two actions in one frame ('... or {nxt} ...')"
    return ""


# --------------------------------------------------------------------------------------
# Generalizing frames
# --------------------------------------------------------------------------------------
_HABIT_FRAME = re.compile(
    r"\b(whenever|most (weeks|days|times|mornings|evenings|nights|months|shifts|of the time)|"
    r"day[ -]to[ -]day|go-to|go to (way|approach|method|tool|person|place|app)|every (time|morning|evening|"
    r"night|day|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|shift|"
    r"term|year)|each (time|morning|day|week|month|shift)|as a rule|on (a|an) (normal|typical|average|"
    r"usual|ordinary|regular) \w+|in general|generally|how (often|frequently|regularly)|usually|"
    r"normally|typically|tend to|tends to)\b")
_ANCHOR = re.compile(r"\b(last (time|week|month|year|night|weekend|monday|tuesday|wednesday|thursday|"
                     r"friday|saturday|sunday|term|shift)|yesterday|this morning|the other day|that (day|time)|"
                     r"the last|the first|a time when|one time)\b")


def generalizing_frame(sentences: list[str]) -> str:
    """A habitual frame (see the module table)."""
    low = " ".join(t for s in sentences for t in words(s))
    m = _HABIT_FRAME.search(low)
    if not m:
        return ""
    cue = m.group(0)
    if _ANCHOR.search(low) and not cue.startswith("how "):
        return ""
    modal = bool(re.search(r"\b(would|might|could|'d)\b", low))
    if cue in {"generally", "usually", "normally", "typically", "tend to", "tends to", "in general",
               "how often", "how frequently", "how regularly"}:
        if not modal:
            return ""  # the first round's rule decides plain habit questions
    elif modal:
        return ""  # "how much would you pay each month": a prediction, not a habit
    if re.search(r"\b(did|was|were|had)\b", low) and not cue.startswith("how ") and cue not in {"whenever"}:
        return ""
    if re.search(r"\b(than|from|with|compared to) (your|the) (usual|normal|typical)\b", low):
        return ""
    return f"'{cue}' asks for a generalization; ask about one specific, recent instance"


def wish(sentences: list[str]) -> str:
    """A wish about something that does not exist."""
    low = " ".join(t for s in sentences for t in words(s))
    m = re.search(r"\b(do|would|did) you (ever )?wish\b|\byou wish (the|that|it|your|they|there|you)\b", low)
    if m and re.search(r"\bwish\b.*\b(could|would|had|were|was able|'d)\b", low) and \
            not re.search(r"\bwhat did you wish for\b", low):
        return "a wish asks about something that does not exist"
    return ""
