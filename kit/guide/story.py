"""Topic-keeping rewrites for flagged questions (used by :mod:`kit.guide`).

A flagged question is rewritten in the story-based pattern ("Tell me about the last time
you ...") from its own words, so that the rewrite keeps the question's topic:

1. :func:`event_story`: a habit or reaction tied to an event ("What do you usually do
   when a prescription runs out?") -> "Tell me about the last time a prescription ran
   out. What did you do?"
2. :func:`verb_story`: the question's own verb phrase in the past tense ("How do you plan
   loads ...", "How often do you shop online for groceries?") -> "Tell me about the last
   time you planned loads." / "... you shopped online for groceries."
3. :func:`noun_story`: the question's content noun phrases, without judgements ("our
   friendly staff" -> "the staff"; "your ideal checkout" -> "the checkout") -> "Tell me
   about the last time you dealt with the staff. What happened?"; for an imagined
   product, the need behind it ("... the last time you needed help with the checkout").

Rules are small named functions tried in order (:data:`RULES`); :func:`candidates`
returns every rewrite they make. :mod:`kit.guide` keeps the first that lints clean,
passes :func:`kit.guide.grammar.grammar_problems` and keeps the most topic words
(:func:`kit.guide.grammar.topic_overlap`).
"""
from __future__ import annotations

import re

from kit.guide.grammar import _HABIT_ADVERBS
from kit.guide.words import AUX, DETS, PREPS, PRONOUNS, WH, _lemma_api, lemma, tags, valence, words

__all__ = ["RULES", "candidates", "event_story", "noun_story", "past", "second_ask", "verb_story"]

_GENERIC_NOUNS = {"thing", "things", "part", "way", "lot", "time", "times", "view", "opinion",
                  "experience", "world", "anything", "something", "everything", "kind", "sort",
                  "bit", "one", "feature", "features", "quoted", "difference", "idea", "sense",
                  "day", "week", "month", "year", "answer", "question", "moment", "case", "wand",
                  "magic", "wish", "dream", "ideal", "chance", "extent", "degree", "fact", "lots"}
_GENERIC_VERBS = {"think", "want", "need", "feel", "like", "say", "mean", "know", "find", "do",
                  "does", "did", "make", "makes", "get", "go", "view", "look", "use", "change",
                  "would", "handles", "handle", "general", "pick", "see"}
_DROP = _HABIT_ADVERBS | {"really", "actually", "honestly", "just", "ever", "still", "also",
                          "generally", "speaking", "even", "much", "very", "so", "quite",
                          "probably", "currently", "now", "again", "typical", "usual", "normal",
                          "average", "general", "tend", "tends", "like"}
_STOP_CLAUSE = {"?", ".", "!", ",", ";", "if", "because", "when", "whenever", "so", "while",
                "and", "or", "but", "than", "compared", "instead", "rather", "after", "before",
                "unless", "until", "since", "once", "where", "right"}
_IRREG_OK = {"put", "set", "cut", "read", "hit", "let", "shut", "quit", "spread", "cost", "hurt"}


def past(verb: str) -> str:
    """The simple past of a verb ("shop" -> "shopped", "run" -> "ran"), through the
    lemminflect lexicon; the word itself when it is not a verb it knows."""
    _, get_inflection = _lemma_api()
    base = lemma(verb, "VERB")
    if get_inflection is None:
        return verb
    forms = get_inflection(base, "VBD")
    return forms[0] if forms else verb


def _clean_np(toks: list[str]) -> list[str]:
    """Drop judgements and intensifiers from a noun phrase; "our" -> "the"."""
    out = []
    for w in toks:
        if w in _DROP or w in {"best", "worst", "most", "least", "favourite", "favorite", "ideal", "dream",
                               "perfect"}:
            continue
        if abs(valence(w)) >= 1.3 and "NOUN" not in tags(w):
            continue
        if "-" in w and abs(valence(w)) >= 1.3:
            continue
        out.append(w)
    if out and out[0] in {"our", "my"}:
        out[0] = "the"
    return out


def _np_at(toks: list[str], i: int) -> int:
    """End of a simple noun phrase starting at i (0 length when there is none)."""
    n = len(toks)
    j = i + 1 if i < n and toks[i] in DETS else i
    k = j
    while k < n and toks[k] not in _STOP_CLAUSE and toks[k] not in _GENERIC_VERBS and (
            (tags(toks[k]) & {"ADJ", "NOUN", "NUM"} and not tags(toks[k]) & {"AUX", "WH", "PREP", "PRON", "CONJ", "DET"})
            or (toks[k].endswith("ing") and k + 1 < n and "NOUN" in tags(toks[k + 1]))):
        k += 1
    while k > j and "NOUN" not in tags(toks[k - 1]):
        k -= 1
    return k if k > j else i


def _noun_phrases(toks: list[str]) -> list[list[str]]:
    """Content noun phrases in order: (determiner) (adjectives) nouns, with one attached
    prepositional phrase ("the move to online learning"); generic heads left out."""
    phrases: list[list[str]] = []
    i, n = 0, len(toks)
    while i < n:
        k = _np_at(toks, i)
        if k > i:
            if k + 1 < n and toks[k] in {"to", "for", "of", "in", "at", "with", "from", "on"}:
                k2 = _np_at(toks, k + 1)
                if k2 > k + 1:
                    k = k2
            np_ = _clean_np(toks[i:k])
            head = next((w for w in reversed(np_) if "NOUN" in tags(w) and w not in PREPS), "")
            if head and head not in _GENERIC_NOUNS and len(head) > 2 and head not in _GENERIC_VERBS:
                phrases.append(np_)
            i = k
            continue
        i += 1
    return phrases


def _asked(text: str) -> tuple[list[str], list[str]]:
    """(tokens of the asked sentence, tokens of the preamble)."""
    parts = [p for p in re.split(r"(?<=[.?!])\s+|\s+[-\u2014]\s+", str(text).strip()) if p.strip()]
    asked = [p for p in parts if p.rstrip().endswith("?")] or parts[-1:]
    pre = [p for p in parts if p not in asked]
    return words(asked[0]) if asked else [], [w for p in pre for w in words(p)]


def _phrase(toks: list[str]) -> str:
    s = " ".join(toks)
    s = re.sub(r"\s+([,.?!])", r"\1", s)
    s = re.sub(r"\bi\b", "I", s)
    s = s.replace(" 's", "'s")
    return s


def _subject_clause(toks: list[str]) -> tuple[int, int] | None:
    """(index of the main verb after "you", end of its verb phrase) in a question like
    "How do you (usually) plan loads?"."""
    for i, t in enumerate(toks):
        if t in {"you", "they"} and i > 0 and (toks[i - 1] in AUX or toks[i - 1] in WH or toks[i - 1] == "would"):
            j = i + 1
            while j < len(toks) and (toks[j] in _DROP or toks[j] in {"not", "to", "tend", "be"}):
                j += 1
            if j < len(toks) and "VERB" in tags(toks[j]) and toks[j] not in AUX | {"think", "feel", "like",
                                                                                  "want", "need", "say"}:
                k = j + 1
                while k < len(toks) and toks[k] not in _STOP_CLAUSE and toks[k] not in WH:
                    k += 1
                return j, k
    return None


def event_story(text: str, flags: list[str]) -> str | None:
    """"What do you (usually) do when X happens?" -> "Tell me about the last time X happened.
    What did you do?"."""
    toks, _ = _asked(text)
    if not ({"when", "whenever", "if"} & set(toks)):
        return None
    k = next(i for i, t in enumerate(toks) if t in {"when", "whenever", "if"})
    clause = [w for w in toks[k + 1:] if w not in {"?", ".", "!"} and w not in _DROP]
    if len(clause) < 2 or clause[0] in {"you", "they"} and len(clause) < 2:
        return None
    # first verb of the clause into the past
    for i, w in enumerate(clause):
        if i == 0 and w in DETS:
            continue
        if w in {"is", "are"}:
            clause[i] = "was" if w == "is" else "were"
            break
        if w in {"has", "have"}:
            clause[i] = "had"
            break
        if "VERB" in tags(w) and (i > 0 and (clause[i - 1] in PRONOUNS or "NOUN" in tags(clause[i - 1])
                                            or clause[i - 1] in {"it", "nobody", "someone"})):
            if w in {"do", "does"}:
                clause[i] = "did"
            else:
                clause[i] = past(w)
            break
    else:
        return None
    if clause[0] in {"you"}:
        pass
    ask = "What did you do?"
    if toks[:1] and toks[0] in {"how"}:
        ask = "How did you handle it?"
    return f"Tell me about the last time {_phrase(clause)}. {ask}"


def verb_story(text: str, flags: list[str]) -> str | None:
    """The question's own verb phrase in the past: "How do you plan loads?" -> "Tell me
    about the last time you planned loads. What happened?"."""
    toks, _ = _asked(text)
    if "double-barreled" in flags:
        toks = _first_conjunct(toks)
    found = _subject_clause(toks)
    if not found:
        return None
    j, k = found
    verb = toks[j]
    if "would" in toks[:j] or "will" in toks[:j] or "could" in toks[:j]:
        return None  # an imagined action: the need behind it is asked by noun_story
    vp = [past(verb) if verb not in _IRREG_OK else verb] + _clean_np(toks[j + 1:k])
    while vp and (vp[-1] in PREPS or vp[-1] in DETS or vp[-1] in {"it", "them"} and len(vp) == 2 and False):
        vp.pop()
    if len(vp) < 2 and verb in {"do", "go", "get", "make", "have"}:
        return None
    return f"Tell me about the last time you {_phrase(vp)}. What happened?"


def _first_conjunct(toks: list[str]) -> list[str]:
    """The question up to its first "and" (the first of two asks)."""
    for i, t in enumerate(toks):
        if t in {"and", "&"} and i > 2 and not (i + 1 < len(toks) and toks[i + 1] == "then"):
            return toks[:i] + ["?"]
    return toks


def _noun_stories(text: str, flags: list[str]) -> list[str]:
    toks, pre = _asked(text)
    if "double-barreled" in flags:
        toks = _first_conjunct(toks)
    nps = [p for p in _noun_phrases(toks) if p and p[0] not in PRONOUNS]
    nps += [p for p in _noun_phrases(pre) if p and p[0] not in PRONOUNS]
    out = []
    for np_ in nps[:4]:
        if np_[0] not in DETS and not np_[-1].endswith("s"):
            np_ = ["the"] + np_
        phrase = _phrase(np_)
        if "hypothetical" in flags:
            out.append(f"Tell me about the last time you used {phrase}. What happened?")
            out.append(f"Tell me about the last time you needed help with {phrase}. What did you do?")
        else:
            out.append(f"Tell me about the last time you dealt with {phrase}. What happened?")
    if len(nps) >= 2 and "double-barreled" not in flags and not any(w in PREPS for w in nps[0]):
        a, b = nps[0], nps[1]
        a = a if a[0] in DETS or a[-1].endswith("s") else ["the"] + a
        b = b if b[0] in DETS or b[-1].endswith("s") else ["the"] + b
        out.insert(0, f"Tell me about the last time you dealt with {_phrase(a)} for {_phrase(b)}. What happened?"
                   if "hypothetical" not in flags else
                   f"Tell me about the last time you needed help with {_phrase(a)} for {_phrase(b)}. What did you do?")
    return out


def noun_story(text: str, flags: list[str]) -> str | None:
    """The question's content noun phrases: "What do you think of our friendly staff?" ->
    "Tell me about the last time you dealt with the staff. What happened?"."""
    found = _noun_stories(text, flags)
    return found[0] if found else None


RULES = (event_story, verb_story, noun_story)


def candidates(text: str, flags: list[str]) -> list[str]:
    """Every rewrite the rules make, in rule order (None and duplicates left out)."""
    out: list[str] = []
    for rule in RULES:
        try:
            found = _noun_stories(text, flags) if rule is noun_story else [rule(text, flags)]
        except (IndexError, StopIteration, ValueError):
            found = []
        for cand in found:
            if cand and cand not in out:
                out.append(cand[:1].upper() + cand[1:])
    return out


def second_ask(text: str) -> str | None:
    """The second of two asks as a follow-up instruction ("Then ask about the packaging on
    its own."), or None when it is not a plain noun or verb phrase."""
    toks, _ = _asked(text)
    for i, t in enumerate(toks):
        if t in {"and", "&"} and i > 2 and not (i + 1 < len(toks) and toks[i + 1] == "then"):
            rest = [w for w in toks[i + 1:] if w not in {"?", ".", "!", ","}]
            if not rest or rest[0] in WH or rest[0] in AUX:
                return None
            if rest[0] in DETS or rest[0] in {"last", "this", "next"} or (tags(rest[0]) & {"NOUN", "ADJ"}
                                                                         and "VERB" not in tags(rest[0])):
                np_ = _clean_np(rest)
                return f"Then ask about {_phrase(np_)} on its own." if np_ else None
            if "VERB" in tags(rest[0]) and "you" in toks[:i]:
                return f"Then ask how you {_phrase(_clean_np(rest))} on its own."
            if "PREP" in tags(rest[0]) and "ADJ" not in tags(rest[0]):
                return f"Then ask about {_phrase(_clean_np(rest))} on its own."
            return None
    return None
