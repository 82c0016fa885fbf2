"""Rewrites of the ninth round (issue 16, item 3): the kinds of broken rewrite found by reading
every rewrite of the flagged questions of three independent sets by hand, each caught by the
grammar check (:func:`faults`, called by :func:`kit.guide.checks.grammar_problems`), and the
builders that make a grammatical rewrite keeping the question's object in their place
(:func:`candidates`).

Kinds of broken rewrite (a fault names its kind):

- ``do without its object``: "the last time you did when a pot cracks", "you did in a month";
- ``determiner without its noun``: "a recent experience with the there anything", "saved your
  much", "used the comes to your house";
- ``adjective left dangling``: "dealt with the damp for the long", "the compost was got back
  in spring good";
- ``passive of get``: "was got back";
- ``count left from 'how many'``: "used times the gym";
- ``verb after a past verb``: "the lab resulted come back", "you bested about";
- ``verb after its noun phrase``: "dealt with the module saves parishes hours", "used the system
  goes down";
- ``a clause without its complement``: "the last time the regatta went.", "got wrong.";
- ``an amount is missing``: "the last time it took you to clean a suite";
- ``a question without its verb``: "How do visitors?";
- ``an empty choice``: "had to choose between and ...";
- ``the verb said twice``: "anything damaged was damaged";
- ``a quantity missing before 'of'``: "the last time you had booked of them";
- ``a possessive without its noun``: "dealt with the members'."; a verb that needs an object
  left without one: "the last time you hit.";
- ``a past verb after a modal``: "the owner could not paid"; ``'last' without its determiner``:
  "you entered last dog show"; ``a time where the thing is needed``: "dealt with every Monday".
"""
from __future__ import annotations

import re

from kit.guide.words import DETS, is_base_verb, is_past_verb, lemma, tags

__all__ = ["candidates", "faults", "pitched", "verb_glued"]

_FRAME = r"(?:dealt with|used|went to|went through|needed help with|needed something like|experience with)"
_FUNCTION = {"dont", "isnt", "doesnt", "wont", "whats", "there", "anything", "something", "nothing", "everything", "it", "you", "they", "we", "is", "are",
             "was", "were", "do", "does", "did", "what", "how", "when", "which", "who", "why", "and", "or", "of",
             "to", "for", "with", "about", "much", "many", "if", "than", "not", "would", "could", "will", "can",
             "should", "has", "have", "had", "been", "be", "very", "so", "too", "i", "he", "she", "me", "him",
             "her", "us", "them"}
_DET_HEADS = {"the", "a", "an", "your", "their", "our"}
_LINKING = {"was", "were", "is", "are", "be", "been", "being", "kept", "keep", "made", "make", "got", "get", "left",
            "found", "find", "felt", "feel", "seemed", "looked", "stayed", "became", "turned", "went", "came",
            "painted", "pushed", "pulled", "held", "set", "proved", "sounded", "ran", "tasted", "smelled",
            "smelt", "appeared", "remained", "grew", "stays", "stay"}
_INTENSIFIERS = {"very", "so", "too", "really", "quite", "more", "most", "less", "least", "as", "and", "or", "not",
                 "fully", "almost", "nearly", "pretty", "enough", "just"}
_VERB_THEN_BASE_OK = {"helped", "let", "made", "had", "saw", "heard", "watched", "felt", "noticed", "dared",
                      "bade", "got", "went", "come", "came", "used"}
_UNITS = {"times", "hours", "minutes", "days", "weeks", "months", "years", "nights", "visits", "trips", "rounds",
          "sessions", "lessons", "orders", "calls"}


def _words(sent: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9'-]*", sent.lower())


# adjectives the lexicon also knows as nouns, never the head of a rewrite's noun phrase
_ADJ_NOUNS = {"long", "short", "good", "bad", "best", "worst", "most", "least", "new", "old", "same", "whole",
              "general", "usual", "free", "extra", "nice", "great", "fine", "better", "worse", "easy", "hard"}
# third-person verb forms that are never a noun after a determiner ("used the comes to your house")
_VERB_S = {"goes", "does", "says", "seems", "happens", "comes", "becomes", "means", "tends", "struggles", "trusts"}


def _adjective(word: str, dangling: bool = False) -> bool:
    """``word`` reads as an adjective, not a noun ("good", "fresh"; not "damp" at the end of a
    noun phrase); with ``dangling``, not an adverb either ("arrived late")."""
    tg = tags(word)
    if "ADJ" not in tg or (dangling and "ADV" in tg) or word.endswith(("ed", "ing")):
        return False
    return "NOUN" not in tg or word in _ADJ_NOUNS


def _only(word: str, upos: str) -> bool:
    """``word`` is known only as ``upos`` among noun, verb and adjective."""
    tg = tags(word) & {"NOUN", "VERB", "ADJ"}
    return tg == {upos}


def _dangling_adjective(ws: list[str]) -> str | None:
    """The sentence ends in an adjective that no linking verb or noun takes: "... back in spring
    good" (but "kept the room clean", "the floor was wet", "came back damaged")."""
    last = ws[-1]
    if len(ws) < 3 or not _adjective(last, dangling=True):
        return None
    prev = ws[-2]
    if is_past_verb(prev) or (prev in {"in", "out", "up", "back", "off", "down", "over"} and is_past_verb(ws[-3])):
        return None  # "arrived late", "came in short", "turned out fine"
    if prev in _INTENSIFIERS or prev in _LINKING or prev in DETS or "ADV" in tags(prev) - {"NOUN"} and \
            "NOUN" not in tags(prev):
        return None
    # a small clause "<linking verb> (det) (adj|noun){0,3} <adjective>": "kept the room clean"
    k = len(ws) - 2
    while k >= 0 and len(ws) - 2 - k < 4 and (ws[k] in DETS or tags(ws[k]) & {"NOUN", "ADJ"}) and \
            ws[k] not in _LINKING:
        k -= 1
    if k >= 0 and (ws[k] in _LINKING or lemma(ws[k], "VERB") in {"keep", "make", "get", "leave", "find", "want",
                                                                   "like", "need", "prefer", "have"}):
        return None
    return last


# faults that are one pattern each: (pattern on the lower-case words, message)
_PATTERNS = [
    (re.compile(r"\b(?:was|were|is|are|been|being) got\b"), "passive of get: 'was got'"),
    (re.compile(r"\b(?:bested|mosted|worsted|lasted come|leasted)\b"), "verb made of an adjective"),
    (re.compile(rf"\b{_FRAME} (?:the|a|an|your|their) [\w'-]+ (?:saves|goes|runs|makes|takes|gets|comes|works|"
                r"struggle|struggles|trust|trusts|compare|compares)\b"), "verb after its noun phrase"),
    (re.compile(rf"\b{_FRAME} (?:a|an) [a-z'-]+[^s\W] [a-z'-]+[^s\W]s (?:on|in|at|into|during|after|over)\b"),
     "verb after its noun phrase"),
    (re.compile(r"\bthe (?:last|first) time (?:you|they|we|i) (?:hit|had|found|chose|picked|reached|spent|made|brought|"
                r"gave|took|sent|bought|added|put|did (?:\w+ly|differently|better|more))$"), "a verb needs an object"),
    (re.compile(rf"\b{_FRAME} (?:[\w'-]+ ){{1,4}}like for\b"), "a stray 'like for'"),
    (re.compile(rf"\b{_FRAME} (?:whats|thats|whos|hows|wheres|whens|theres|heres|its|dont|isnt|doesnt|wont)\b"),
     "a question word where a noun phrase is needed"),
    (re.compile(rf"\b{_FRAME} (?:this|that) (?:people|[\w'-]+[^s\W]s)\b"), "'that' before a plural"),
    (re.compile(r"\bthe (?:last|first) time it took (?:you|them|us) to\b"), "an amount is missing: 'it took you to'"),
    (re.compile(r"\bbetween (?:and|or|did|do|the and)\b"), "an empty choice: 'between and'"),
    (re.compile(r"\b(?:you|they|we|i) (?:had )?\w+ed of (?:them|it|those|these)\b"), "a quantity missing before 'of'"),
    (re.compile(r"\b(\w+ed) (?:was|were) \1\b"), "the verb said twice"),
    (re.compile(r"\b(?:you|they|we|i) [a-z]+ed (?:last|first|next) (?!(?:week|month|year|time|night|term|season|"
                r"weekend|summer|winter|spring|autumn|fall|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
                r"[a-z]+(?: [a-z]+)?$"), "'last' without its determiner"),
    (re.compile(rf"\b{_FRAME} (?:(?:every|each) (?:day|week|month|year|monday|tuesday|wednesday|thursday|friday|"
                r"saturday|sunday|morning|evening|night|weekend)|days|weeks|months|years)$"),
     "a time where the thing is needed"),
]


def _word_faults(ws: list[str], low: str) -> list[str]:
    """Faults read word by word: a determiner before a function word, a verb after a past verb,
    a present tense after "the last time", a verb after a frame's noun phrase."""
    out = []
    for a, b in zip(ws, ws[1:]):
        if a in _DET_HEADS and (b in _FUNCTION or b in _VERB_S):
            out.append(f"determiner without its noun: '{a} {b}'")
            break
    for a, b, c in zip(ws, ws[1:], ws[2:] + [""]):
        verb = c if b in {"not", "never"} else b
        if a in {"could", "would", "can", "will", "should", "might", "must", "did", "does"} and verb and \
                is_past_verb(verb) and not is_base_verb(verb) and "NOUN" not in tags(verb) and "ADJ" not in tags(verb):
            out.append(f"a past verb after a modal: '{a} {b}'")
            break
    for a, b in zip(ws, ws[1:]):
        if is_past_verb(a) and a.endswith("ed") and a not in _VERB_THEN_BASE_OK and _only(b, "VERB") and \
                is_base_verb(b) and b not in {"back", "out", "up", "down", "off"}:
            out.append(f"verb after a past verb: '{a} {b}'")
            break
    m = re.search(r"\bthe (?:last|first) time (?:the |a |an |your |their )?((?:[\w'-]+ ){0,2}[\w'-]+s) ([a-z]+)\b", low)
    if m and _only(m.group(2), "VERB") and is_base_verb(m.group(2)) and "NOUN" in tags(m.group(1).split()[-1]):
        out.append(f"a present tense after 'the last time': '{m.group(1)} {m.group(2)}'")
    m = re.search(rf"\b{_FRAME} (?:(?:the|a|an|your|their) )?(?:[\w'-]+ ){{0,3}}?([a-z'-]+s) (?:[\w'-]+ )*[\w'-]+$",
                  low)
    if m and (_only(m.group(1), "VERB") or m.group(1) in _VERB_S) and not m.group(1).endswith("ss"):
        out.append(f"verb after its noun phrase: '{m.group(1)}'")
    m = re.search(rf"\b(?:you|they|we|i) \w+ ({'|'.join(sorted(_UNITS))}) (?:the|a|an|your|their|our)\b", low)
    if m:
        out.append(f"count left from 'how many': '{m.group(0)}'")
    return out


def _sentence_faults(sent: str) -> list[str]:
    ws = _words(sent)
    if not ws:
        return []
    low = " ".join(ws)
    ended = sent.rstrip().endswith((".", "?", "!"))
    out = [f"{message}: '{m.group(0)}'" for pattern, message in _PATTERNS if (m := pattern.search(low))]
    m = re.search(r"\b(?:you|they|we|i|he|she) (?:did|do|does) (when|where|how|why|if|whenever|while|in|on|at|"
                  r"for|with|after|before|during|about|to|by)\b", low)
    if m and not re.search(r"\b(?:did|do|does) (?:to|with|about|for) (?:it|them|him|her|this|that)\b", low[m.start():]):
        out.append(f"do without its object: '{m.group(0)}'")
    if (adj := _dangling_adjective(ws)) and ended:
        out.append(f"adjective left dangling: '{adj}'")
    m = re.search(rf"\b{_FRAME} (?:(?:the|a|an|your|their) )?(?:[\w'-]+ ){{0,4}}?(?:for|with|in|of|at) (?:the|a|an) "
                  r"([\w'-]+)$", low)
    if m and _adjective(m.group(1)):
        out.append(f"adjective left dangling: '{m.group(1)}'")
    out += _word_faults(ws, low)
    if re.search(r"\bthe (?:last|first) time (?:the|a|an|your|their|our) (?:[\w'-]+ ){1,4}went$|\bgot (?:wrong|right)$",
                 low) and sent.rstrip().endswith("."):
        out.append("a clause without its complement")
    if re.fullmatch(r"(?:how|what|why|when|where|who) (?:do|does|did|is|are|was|were) (?:the )?[\w'-]+", low) and \
            sent.rstrip().endswith("?") and not re.search(r" (?:it|you|they|that|this|he|she|we)$", low):
        out.append("a question without its verb")
    if re.search(r"\b\w+s'[.?!]?$", sent.strip()):
        out.append("a possessive without its noun")
    return out


def faults(text: str) -> list[str]:
    """The broken kinds of the module docstring found in ``text`` (a rewrite, one or more
    sentences), as messages naming the kind; ``[]`` when none."""
    out: list[str] = []
    for sent in re.split(r"(?<=[.?!])\s+", str(text or "").strip()):
        out += _sentence_faults(sent)
    from kit.guide.retell10 import faults as faults10  # the kinds of round 10
    from kit.guide.retell11 import faults as faults11  # and of round 11
    return out + faults10(text) + faults11(str(text or "").partition(" Then ask separately: ")[0])


_SPLIT = re.compile(r"\s*[\u2014\u2013]\s*|\s+-\s+|(?<=[.!;])\s+|,\s+(?=(?:so\s+|and\s+)?(?:how|what|why|tell|walk|"
                    r"talk|describe|when|did|do)\b)", re.I)
# the asked part after a pitch: "How was your stay?", "What was your visit like?", "How did your call go?"
_YOUR_THING = re.compile(r"^(?:so,?\s+)?(?:how|what) (?:was|were|did|has|have) (your (?:[\w'-]+ ){0,3}?[\w'-]+)"
                         r"(?: like| go| been| gone| turn out)?\s*[?.!]*$", re.I)
# the asked part says nothing of its own: "What do you think?", "What's your view?"
_BARE_ASK = re.compile(r"^(?:so,?\s+)?(?:what do you think(?: of (?:it|that|them))?|what(?:'s| is) your (?:honest )?"
                       r"(?:view|take|opinion)|what do you reckon|how do you feel about (?:it|that|them)(?: now)?|"
                       r"how has (?:it|that) (?:worked|gone) for you|how has (?:it|that) (?:affected|helped) you)\s*[?.!]*$",
                       re.I)


def _pitch_thing(pre: str) -> str | None:
    """The noun phrase of a pitch that holds most topic words, without its praise ("Our drivers
    are always polite" -> "the drivers")."""
    from kit.guide.retell import without_judgements
    from kit.guide.rewrites import np_runs

    for run in np_runs(pre, in_order=True) + np_runs(pre):
        ws = [w for k, w in enumerate(run) if not (k and w.lower() in {"most", "many", "all", "some", "every", "new"})]
        cut = next((k for k, w in enumerate(ws) if 2 <= k < len(ws) - 1 and w.lower().endswith("s") and
                    "VERB" in tags(w.lower()) and lemma(w.lower(), "VERB") != w.lower()), len(ws))
        thing = without_judgements(" ".join(ws[:cut])).strip()  # "the app makes plot swaps" -> "the app"
        ws = thing.lower().split()
        if len(ws) >= 2 and ws[-1] not in {"lot", "way", "work", "time", "months", "years", "region", "market",
                                         "city", "world", "everyone", "people", "love", "effort", "loads"}:
            return thing
    return None


def pitched(question: str) -> list[str]:
    """A question leading through its pitch, asked about the episode with the pitch's thing kept
    neutrally: "Our drivers are always polite. How was your delivery?" -> "Tell me about your
    last delivery. What did you notice about the drivers?"; "We invested heavily in the new
    sorting line. What's your view?" -> "Tell me about the last time you dealt with the sorting
    line. What happened?" (may be empty)."""
    from kit.guide.rewrites import _np_story

    parts = [p for p in _SPLIT.split(str(question).strip()) if p and p.strip()]
    if len(parts) < 2:
        return []
    pre, asked = " ".join(parts[:-1]), parts[-1].strip()
    thing = _pitch_thing(pre)
    if not thing:
        return []
    out = []
    m = _YOUR_THING.match(asked)
    if m:
        yours = m.group(1)
        last = yours if re.match(r"your (?:last|first|recent|latest)\b", yours, re.I) else \
            re.sub(r"^your ", "your last ", yours, flags=re.I)
        for own in (last, yours):
            out.append(f"Tell me about {own}. What did you notice about {thing}?")
    elif _BARE_ASK.match(asked):
        story = _np_story(thing)
        if story:
            out.append(story)
    return out


_TAKE = re.compile(r"^how (?:long|much time|many (?:hours|minutes|days|weeks)) (?:does|did|do|would) it (?:usually |"
                   r"normally |typically |generally )?take (?:you |your (?:[\w'-]+ ){0,2}?[\w'-]+ )?to ([^?.!]+)[?.!]*$",
                   re.I)
_COUNT = re.compile(r"^how (?:many|much|often) (?:times |hours |minutes |days |weeks )?(?:do|did|would|have) you "
                    r"(?:usually |normally |typically |generally )?(\w+) ([^?.!]+?)(?: in (?:a|an|the|one|each|every) "
                    r"(?:typical |normal |average )?(?:day|week|month|year|term|season|shift))?[?.!]*$", re.I)


def _past_vp(vp: str) -> str | None:
    from kit.guide.rewrites import _vp_past
    from kit.guide.story import past

    ws = vp.split()
    got = _vp_past(ws)
    if got or not ws or "VERB" not in tags(ws[0].lower()) or lemma(ws[0].lower(), "VERB") != ws[0].lower():
        return got
    return " ".join([past(ws[0].lower())] + ws[1:])  # a verb the phrase builder does not know as one: "groom"


_HABIT = r"(?:usually |normally |typically |generally |often |always |tend to |mostly )?"
# "How do students tend to use the library?", "What do people usually complain about at the front desk?"
_THEIR_HABIT = re.compile(rf"^(how|what|when|where|why) (?:do|does) ((?:the |your |our |most |many )?[a-z][\w'-]*) "
                          rf"{_HABIT}([a-z]+)\b ?([^?.!]*?)\s*[?.!]*$", re.I)
# "What usually causes a failed delivery?", "In general, what slows down deliveries in the city?"
_WHAT_DOES = re.compile(rf"^(?:in general,? |generally,? |typically,? )?what {_HABIT}([a-z]+s) ([^?.!]+?)\s*[?.!]*$",
                        re.I)
# "How long does a typical appointment take?", "What does a normal working day look like for you?"
_TYPICAL = re.compile(r"^how long does (?:a|an|your) (?:typical|normal|average|usual|regular) ((?:[\w'-]+ ){0,2}?[\w'-]+) "
                      r"(?:take|last)(?: (?:for )?you)?\s*[?.!]*$", re.I)
# "Would you shop here more if parking were free?", "If the lessons had been cheaper, would you ...?"
_IF_CLAUSE = re.compile(r"\bif ((?:(?:the|your|a|an) )?[\w'-]+(?: [\w'-]+){0,2}?) (?:were|was|had|could|did|would|"
                        r"got|went|came|cost|took)\b", re.I)


def _third_person(asked: str) -> list[str]:
    """Stories of a third party's habit, a subject "what" and the length of a typical occasion (see
    :func:`candidates`)."""
    from kit.guide.words import PRONOUNS

    out = []
    m = _THEIR_HABIT.match(asked)
    if m and m.group(2).split()[0].lower() not in PRONOUNS | {"it", "that", "this"} and \
            "NOUN" in tags(m.group(2).split()[-1].lower()) and "VERB" in tags(m.group(3).lower()):
        wh, subject, rest = m.group(1).lower(), m.group(2), m.group(4).strip()
        if wh == "what":  # the gap of "what": "complain about ___ at the desk" -> "complained at the desk"
            rest = re.sub(r"^(?:about|with|for|of|on|to)\b\s*", "", rest)
        rest = re.split(r"\s+(?:when|if|because|and|or|but)\b", rest)[0]
        vp = _past_vp(f"{m.group(3)} {rest}".strip()) if rest or wh == "how" else None
        if vp is None and not rest:
            from kit.guide.story import past
            vp = past(m.group(3).lower())
        if vp and not (wh == "what" and lemma(m.group(3).lower(), "VERB") in {"do", "get", "make", "find", "want",
                                                                               "need", "like", "say", "think"}):
            out.append(f"Tell me about the last time {subject.lower()} {vp}. What happened?")
    m = _WHAT_DOES.match(asked)
    if m and "VERB" in tags(m.group(1).lower()) and lemma(m.group(1).lower(), "VERB") != m.group(1).lower():
        from kit.guide.story import past
        rest = re.split(r"\s+(?:when|if|because|and|or|but)\b", m.group(2))[0]
        vp = _past_vp(f"{lemma(m.group(1).lower(), 'VERB')} {rest}") or \
            f"{past(lemma(m.group(1).lower(), 'VERB'))} {rest}"
        if vp:
            out.append(f"Tell me about the last time something {vp}. What happened?")
    m = _TYPICAL.match(asked)
    if m and ("NOUN" in tags(m.group(1).split()[-1].lower()) or m.group(1).lower().endswith("ing")):
        out.append(f"Walk me through your last {m.group(1).lower()}. What happened?")
    return out


_WHEN = re.compile(rf"^(?:what|how) (?:do|would) you {_HABIT}(?:do|handle it|deal with it|react) (?:when|if|whenever) "
                   r"((?:a|an|the|your|one of your|someone|somebody|something|nobody|no one)\b(?: [\w'-]+){0,3}?) "
                   r"([a-z]+s|is|are|has|have|breaks|goes|runs) ?([^?.!]*?)\s*[?.!]*$", re.I)


def _regular_past(word: str) -> str:
    """A verb's past ("capsizes" -> "capsized"), through the lexicon when it knows the verb, by
    the regular spelling rule when it does not."""
    from kit.guide.story import past

    w = word.lower()
    special = {"is": "was", "are": "were", "has": "had", "have": "had", "goes": "went", "does": "did"}
    if w in special:
        return special[w]
    if "VERB" in tags(w):
        return past(lemma(w, "VERB"))
    stem = w[:-2] if re.search(r"(?:ss|sh|ch|x|z)es$", w) else w[:-1]
    if stem.endswith("e"):
        return stem + "d"
    if stem.endswith("y") and stem[-2:-1] not in "aeiou":
        return stem[:-1] + "ied"
    return stem + "ed"


def _episode(asked: str) -> list[str]:
    """"What do you usually do when a kayak capsizes on the lake?" -> "Tell me about the last
    time a kayak capsized on the lake. What did you do?" (a verb the lexicon lacks too)."""
    m = _WHEN.match(asked)
    if not m:
        return []
    rest = re.split(r"\s+(?:and|or|but|because)\b", m.group(3))[0].strip()
    clause = " ".join(x for x in (m.group(1).lower(), _regular_past(m.group(2)), rest) if x)
    return [f"Tell me about the last time {clause}. What did you do?"]


def _with_condition(text: str, stories: list[str]) -> list[str]:
    """The imagined condition's thing asked after the story ("Tell me about the last time you
    shopped here. What happened with parking?")."""
    m = _IF_CLAUSE.search(text)
    if not m:
        return []
    from kit.guide.retell import without_judgements

    thing = without_judgements(m.group(1)).strip()
    if thing.split()[0].lower() in {"we", "you", "i", "they", "it", "he", "she", "there", "this", "that"} or \
            len(thing.split()) > 4 or ("NOUN" not in tags(thing.split()[-1].lower()) and
                                       not thing.lower().endswith("ing")):
        return []
    return [re.sub(r"(What happened|How did it go|What did you do)\?$", f"What happened with {thing}?", s)
            for s in stories if s.endswith("?")]


_FRAME_NP = re.compile(rf"\b{_FRAME} ((?:[\w'-]+ ){{1,5}}?[\w'-]+)(?=[.?!,]| (?:for|on|at|in|to|with|from|of|about)\b)")


def verb_glued(question: str, cand: str) -> bool:
    """True when a frame's object in ``cand`` ("dealt with X") glues a noun to the verb that
    follows it in ``question``: "Don't you think the caddy smells bad?" -> "dealt with the caddy
    smells", "most people forget bin day" -> "dealt with people forget bin day"."""
    q = re.findall(r"[\w'-]+", str(question).lower())
    copula = bool(q) and q[0] in {"is", "isn't", "was", "wasn't", "are", "aren't", "were", "weren't"}
    for m in _FRAME_NP.finditer(str(cand).partition(" Then ask separately: ")[0].lower()):
        np_ = m.group(1).split()
        for a, b in zip(np_, np_[1:]):
            if "NOUN" not in tags(a) or "VERB" not in tags(b) or (copula and "NOUN" in tags(b)):
                continue  # session 9: after "Isn't ..." the copula is the verb: "the search bar" is a noun
            for k in range(len(q) - 1):
                if q[k] != a or q[k + 1] != b:
                    continue
                c = q[k + 2] if k + 2 < len(q) else ""
                ctags = tags(c) if c else frozenset()
                if (c and ctags & {"ADJ", "ADV", "DET"} and "NOUN" not in ctags) or \
                        (is_base_verb(b) and a.endswith("s") and "NOUN" not in tags(b) - {"VERB"}) or \
                        (a in {"people", "staff", "customers", "users", "members", "clients", "patients"} and
                         is_base_verb(b)):
                    return True
    return False


def candidates(question: str) -> list[str]:
    """Story rewrites that keep the question's object (may be empty): the pitch's thing kept
    (:func:`pitched`), the task of "how long does it take you to <task>" ("... the last time you
    cleaned a suite"), the act of "how many times did you <act>" ("... the last time you used
    the gym")."""
    text = str(question).strip()
    out = pitched(text)
    asked = _SPLIT.split(text)[-1].strip() if text else ""
    m = _TAKE.match(asked)
    if m and (vp := _past_vp(m.group(1))):
        out.append(f"Tell me about the last time you {vp}. How did it go?")
    m = _COUNT.match(asked)
    if m and (vp := _past_vp(f"{m.group(1)} {m.group(2)}")):
        out.append(f"Tell me about the last time you {vp}. What happened?")
    out += _episode(asked) + _third_person(asked)
    m = re.match(r"^(?:if [^,]+, )?(?:would|will) you ([^?]+?)(?: if [^?]+)?\s*\?*$", asked, re.I)
    act = re.sub(r"^have |\b(?:more|fewer|less|any) of |\b(?:more|again|still|ever|often)\b", "", m.group(1)) if m else ""
    if m and (vp := _past_vp(" ".join(act.split()))):
        out += _with_condition(text, [f"Tell me about the last time you {vp}. What happened?"])
    return out
