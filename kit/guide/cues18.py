"""Session 13 (after blind-linter-31 to -34 were released): leading questions the earlier
rounds read only in some of their phrasings, found from the clause structure rather than a word
list (docs/design.md, "Question linter", "Thirteenth pass").

- :func:`agreement_tag`: a statement closed by a tag that asks the participant to agree, by the
  settled convention ("A tag makes a statement leading and closed") in every form the
  independent authors wrote: after a comma ("The new system is much better, you agree?", "...,
  or?", "..., I imagine?", "..., you would say so too?") or spoken without one ("the new park
  is way better than the old one right", "you don't do any trimming yourself do you", "you're
  still on spreadsheets though yeah"). The body must be a declarative clause (a subject, then a
  finite verb), not a question ("Did it go all right?"), a request ("Tell me about it, right?")
  or a phrase ("on the right").
- :func:`degree_judgement`: "how" + an adjective or adverb asking the degree of a quality
  ("How dodgy was the accommodation?", "How noticeable is the difference?", "How practical are
  the pouches for you?", "how accurate was their count?"), found from its position -- "how",
  one word, then the clause's auxiliary or copula -- rather than from a valence lexicon, which
  misses spoken and plain adjectives. Not a measure ("how long / heavy / busy / high"), not a
  hedge the conventions leave alone ("how sure / likely / important / different"), not imagined
  ("How safe would you feel ...": hypothetical), not a present feeling or habit ("how safe do u feel
  sleeping there": an ongoing overall opinion, generalizing by the settled convention), not a pair ("how reliable and fast", left to
  the rounds that read pairs), not a rating ("on a scale of 1 to 10, how busy ...") and not a
  present general judgement ("these days", "in general": generalizing).
"""
from __future__ import annotations

import re

from kit.guide.lexicon import WH
from kit.guide.words import tags, words

__all__ = ["agreement_tag", "degree_judgement", "revise"]

_FILLERS = {"so", "and", "ok", "okay", "well", "but", "now", "alright", "right", "oh", "yeah", "then"}
_COPULA_AUX = {"is", "was", "are", "were", "am", "do", "does", "did", "has", "have", "had", "will", "would", "can",
               "could", "should", "wo", "ca", "must", "might", "may", "shall"}
_PRON = {"you", "u", "he", "she", "they", "it", "we", "i", "there", "that", "ya", "ye"}
_SUBJECT_START = {"you", "u", "he", "she", "they", "it", "we", "i", "there", "that", "this", "these", "those", "the",
                  "your", "ur", "our", "their", "his", "her", "its", "my", "a", "an", "everyone", "everybody",
                  "nobody", "people", "most", "all", "some", "so", "and", "but", "def", "definitely", "surely"}
# a tag after a comma: the participant is asked to agree with what came before
_COMMA_TAGS = (("you", "agree"), ("agree",), ("or",), ("i", "imagine"), ("i", "suppose"), ("i", "assume"),
               ("i", "guess"), ("i", "bet"), ("i", "take", "it"), ("you", "would", "say"), ("would", "you", "agree"),
               ("do", "not", "you", "agree"), ("do", "not", "you", "think"), ("would", "not", "you", "say"),
               ("you", "would", "say", "so"), ("you", "would", "say", "so", "too"), ("would", "you", "say", "so"),
               ("is", "not", "that", "so"), ("is", "that", "not", "so"), ("no",), ("eh",), ("innit",), ("surely",),
               ("right",), ("yeah",), ("yes",), ("correct",), ("true",), ("yeah", "right"), ("am", "i", "right"),
               ("is", "that", "right"), ("is", "not", "it"), ("is", "that", "correct"), ("is", "that", "true"),
               ("or", "not"), ("or", "no"))
# a tag spoken without a comma, after a declarative clause
_BARE_TAGS = (("right",), ("yeah",), ("yes",), ("innit",), ("eh",), ("you", "agree"), ("i", "imagine"),
              ("i", "suppose"), ("or", "what"))
_SUBORDINATE = {"if", "when", "whenever", "since", "because", "although", "though", "while", "once", "unless", "before",
                "after", "suppose", "supposing", "imagine", "say", "let", "as"}
_NOT_TAG_BEFORE = {"all", "the", "turn", "turned", "turning", "that", "is", "was", "exactly", "just", "your", "my",
                   "on", "to", "of", "civil", "human", "legal", "a", "no", "say", "said", "oh"}
# the auxiliary and subject pronoun of a tag ("do you", "was it", "did they"), not a verb and its object ("do it")
_TAG_AUX = {"is", "was", "are", "were", "do", "does", "did", "has", "have", "had", "can", "could", "will", "wo", "ca"}
_TAG_PRON = {"you", "u", "he", "she", "they", "we", "i", "ya"}
_POLITE = {"tell", "walk", "describe", "talk", "take", "share", "explain", "give", "show", "run", "go", "please",
           "kindly", "let", "help", "think", "imagine", "picture", "suppose", "say", "remind", "thank", "thanks"}


def _body_is_statement(body: list[str]) -> bool:
    """A declarative clause: not opened by a question word, an auxiliary or a request, and with a
    finite verb after its first word."""
    toks = [t for t in body if t not in {",", "-", "\u2014", "\u2013"}]
    while toks and toks[0] in {"so", "and", "but", "ok", "okay", "well", "oh"}:
        toks = toks[1:]
    if len(toks) < 3 or toks[0] in WH or toks[0] in _COPULA_AUX or toks[0] in _POLITE or toks[0] in _SUBORDINATE:
        return False
    if set(toks) & (_POLITE | {"if", "whether"}) or any(
            t in WH and (k == 0 or toks[k - 1] in {"and", "so", "but", "-", "\u2014"}) for k, t in enumerate(toks)):
        return False  # a request, condition or question inside ("tell me about the last time you did that"), not a
        # relative clause ("the officer who visited you was very helpful")
    if toks[0] not in _SUBJECT_START and "NOUN" not in tags(toks[0]):
        return False
    return any(t in _COPULA_AUX or ("VERB" in tags(t) and t not in _PRON) for t in toks[1:])


def agreement_tag(raw: list[str]) -> str:
    """The leading reason when the asked sentence is a statement closed by an agreement tag, else
    ``""``."""
    if not raw:
        return ""
    toks = [t for t in words(raw[-1]) if t not in {"?", ".", "!", "\u2026"}]
    while toks and toks[-1] in {",", "-", "\u2014", "\u2013"}:
        toks.pop()
    if len(toks) < 4:
        return ""
    if "," in toks:
        j = len(toks) - 1 - toks[::-1].index(",")
        tail = tuple(toks[j + 1:])
        if tail in _COMMA_TAGS and _body_is_statement(toks[:j]):
            return f"a statement closed by '{' '.join(tail)}' asks the participant to agree"
    for tag in _BARE_TAGS:
        n = len(tag)
        if tuple(toks[-n:]) == tag and toks[-n - 1] not in _NOT_TAG_BEFORE and _body_is_statement(toks[:-n]):
            return f"a statement closed by '{' '.join(tag)}' asks the participant to agree"
    # "you don't do any trimming yourself do you": an auxiliary and a pronoun after a statement
    if toks[-2] in _TAG_AUX and toks[-1] in _TAG_PRON and toks[-3] not in _COPULA_AUX | WH | {","} and \
            _body_is_statement(toks[:-2]) and toks[0] not in WH:
        return f"a statement closed by '{toks[-2]} {toks[-1]}' asks the participant to agree"
    return ""


# measures, hedges and words the settled conventions leave alone after "how"
_NOT_DEGREE = {"long", "much", "many", "often", "far", "old", "soon", "big", "large", "small", "frequently",
               "regularly", "early", "late", "quickly", "fast", "well", "likely", "come", "so", "exactly", "else",
               "important", "sure", "confident", "different", "hard", "difficult", "heavy", "high", "low", "tall",
               "short", "wide", "deep", "thick", "busy", "full", "expensive", "cheap", "close", "near", "recent",
               "recently", "last", "frequent", "young", "easily", "easy", "about", "exact", "precisely",
               "aware", "familiar", "involved", "ready", "prepared", "open", "willing", "free", "new", "old",
               "big", "quiet", "loud", "hot", "cold", "warm", "bright", "dark", "strong", "weak", "fresh",
               "the", "a", "you", "your", "it", "they", "we", "i", "he", "she", "to", "do", "did", "does", "is",
               "was", "are", "were", "has", "have", "had", "would", "could", "can", "should", "will", "and", "or",
               "come", "anyone", "people", "that", "this", "things", "long-term", "comfortable", "satisfied",
               "happy"}
_GENERAL = re.compile(r"\b(these days|in general|generally|usually|normally|typically|on average|overall|"
                      r"on a scale|out of (?:ten|10|five|5)|from 1|1 to|1-)\b", re.I)
_IMAGINED = {"would", "could", "will", "might", "wo", "should"}
_LEADING_OPEN = {"so", "and", "but", "ok", "okay", "well", "now", "then", "honestly", "overall"}


def degree_judgement(raw: list[str]) -> str:
    """The leading reason when a clause of the asked sentence opens with "how" + one word + its
    auxiliary or copula and that word names a quality (not a measure, hedge or imagined state),
    else ``""``."""
    if not raw or _GENERAL.search(" ".join(raw)):
        return ""
    toks = words(raw[-1])
    for i, t in enumerate(toks):
        if t != "how" or i + 2 >= len(toks):
            continue
        k = i - 1
        while k >= 0 and toks[k] in _LEADING_OPEN:
            k -= 1
        if k >= 0 and toks[k] not in {",", "-", "\u2014", "\u2013", ":", ";", "?"}:
            continue  # "I want to say how sorry I am": "how" inside a clause, not asking
        w, nxt = toks[i + 1], toks[i + 2]
        if w in {"very", "really"} and i + 3 < len(toks):
            w, nxt = nxt, toks[i + 3]
        if w in _NOT_DEGREE or not w.isalpha() or nxt not in _COPULA_AUX or nxt in _IMAGINED | {"do", "does"}:
            continue
        if i + 3 < len(toks) and toks[i + 3] in _IMAGINED:
            continue
        rest = toks[i + 2:]
        if "and" in rest[:1] or "how" in rest or any(a == "and" and b in _NOT_DEGREE | {"how"} for a, b in zip(rest, rest[1:])):
            continue  # a pair of qualities: left to the rounds that read pairs
        if "NOUN" in tags(w) and not (tags(w) & {"ADJ", "ADV"}) and not w.endswith(("y", "ble", "ful", "ous", "ive",
                                                                                        "al", "ic", "ish", "less")):
            continue  # "how people ..." is not a degree
        if w.endswith("ing") or "VERB" in tags(w) and not (tags(w) & {"ADJ", "ADV"}):
            continue
        return f"'how {w}' asks how much of a quality there was, which presupposes it"
    return ""


def revise(raw: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """Session 13's changes to the flags of a question (its sentences ``raw``)."""
    if not raw:
        return reasons
    if "leading" not in reasons and (r := agreement_tag(raw)):
        reasons = {"leading": r, **reasons}
        if "closed" not in reasons:
            reasons = {**reasons, "closed": "a statement with a tag can be answered yes or no"}
    if "leading" not in reasons and (r := degree_judgement(raw)):
        reasons = {"leading": r, **reasons}
    return reasons
