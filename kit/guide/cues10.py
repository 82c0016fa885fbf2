"""Grammar-level cues of the tenth round of the question linter (issue 16), read after
:mod:`kit.guide.cues9` through :func:`revise`, and the look-alike fold every question goes
through first (:func:`fold_confusables`).

=================  =========================================================================
cue                what it finds
=================  =========================================================================
look-alike         letters of another script that look like Latin ones (Cyrillic "о" in
letters            "Dоn't yоu think", Greek "ο", "Α"), and full-width or mathematical forms
                   (NFKC), read as their Latin skeleton (after Unicode TR39's confusables),
                   so a question in look-alike letters gets the flags of its Latin form. Only
                   in a text whose letters are mostly Latin: a question in Russian or Greek is
                   left as it is (and reported as not English)
two objects of     a present-tense manner question, "how do you <verb> X and Y", whose verb
one process        is not a relational one ("balance", "juggle", "compare", "choose
                   between") and whose pair is not a fixed one ("terms and conditions"): two
                   things, each handled its own way ("how do you handle double bookings and
                   walk-in emergencies", "cancellations and reschedules") (double-barreled)
                   A preposition said again ("what did you think of the price and of the
                   technician?"), two judgements under one copula in a yes/no question ("was
                   the report easy to read and worth the money?"), two occasions each
                   named by its time ("last year's pressing and this year's bottling"), not
                   when compared (double-barreled)
one number         "what percentage / proportion / share / fraction / number / rate / ratio
                   of ...": one figure; a figure question joined by "and" to a second closed
                   one ("how often do you hit a waitlist, and how long do you usually
                   wait?"), not after an open first clause (closed)
imagined ideal     an ideal word ("perfect", "ideal", "dream") inside the situation of
                   "imagine / picture / suppose / pretend" describes the imagined world, so
                   the question is hypothetical and not leading -- unless the imagined
                   clause praises the asker's own product ("imagine our perfect scheduler")
=================  =========================================================================

Each detector takes the sentences of one question (strings) and returns a reason or ``""``.
"""
from __future__ import annotations

import re
import unicodedata

from kit.guide.lexicon import FIXED_PAIRS
from kit.look_alikes import latin_look_alike
from kit.guide.words import DETS, is_past_verb, lemma, tags, words

__all__ = ["closed", "double_barreled", "fold_confusables", "imagined_ideal", "revise", "second_question", "two_objects"]

_latin = latin_look_alike  # the ASCII letter a non-ASCII letter looks like (Unicode TR39)


def fold_confusables(text: str) -> str:
    """``text`` with look-alike letters read as Latin: NFKC (full-width and mathematical
    letters, ligatures) and the Cyrillic and Greek letters that Unicode TR39's confusables
    table maps to a Latin one ("Dоn't" with a Cyrillic "о" -> "Don't"). Applied only when the
    text's other letters are mostly Latin (more ASCII letters than letters of other scripts
    that look like nothing Latin), so a question written in Russian or Greek is returned
    unchanged. Source: Unicode Technical Standard #39, section 4 (skeleton)."""
    text = str(text)
    if text.isascii():
        return text
    folded = unicodedata.normalize("NFKC", text)
    latin = sum(ch.isascii() and ch.isalpha() for ch in folded)
    foreign = sum(ch.isalpha() and not ch.isascii() and _latin(ch) is None and
                  not unicodedata.name(ch, "").startswith("LATIN") for ch in folded)
    if latin <= foreign:
        return text
    return "".join(ch if ch.isascii() else _latin(ch) or ch for ch in folded)


_FILLER = r"^(?:(?:so|and|ok|okay|right|well|now|um|er|just|roughly|approximately|about|honestly)[,]? )*"

# "what percentage of ...": a question whose answer is one figure
_ONE_FIGURE = re.compile(_FILLER + r"(?:what|which)(?: is| was|'s)?(?: the| your)?(?: rough| approximate| average)? "
                         r"(percentage|proportion|share|fraction|number|rate|ratio|percent|per cent)\b(?: of\b| do\b| does\b"
                         r"| did\b| are\b| is\b| would\b)", re.I)


def closed(sentences: list[str]) -> str:
    """A question for one figure ("What percentage of appointments are rebooked?")."""
    last = sentences[-1].strip() if sentences else ""
    if (m := _ONE_FIGURE.match(last)) and " and " not in last[m.end():].lower().replace(" and why", ""):
        return f"'what {m.group(1).lower()} ...' asks for one figure; ask about the last time instead"
    return ""


# verbs that take a pair as one thing: weighing, combining or choosing between two
_RELATIONAL = {"balance", "juggle", "compare", "combine", "split", "share", "mix", "match", "weigh",
               "choose", "coordinate", "integrate", "separate", "link", "connect", "distinguish", "divide",
               "reconcile", "pair", "swap", "switch", "alternate", "prioritise", "prioritize", "rank",
               "tell", "trade", "merge", "sync", "join", "bundle", "feel", "find", "think", "like", "rate"}
_MANNER = re.compile(_FILLER + r"how (?:do|does) (?:you|they|we|staff|people|[a-z]+s|your [a-z]+s?) ", re.I)
_STOP = {"?", ".", "!", ",", ";"}
_PLACE = {"at", "in", "on", "during", "across", "here", "there", "today", "now"}  # a place or time after the pair


def _plural(toks: list[str], k: int) -> bool:
    """A verb form in -s that ends a noun phrase is a plural noun ("reschedules", "refunds")."""
    return toks[k].endswith("s") and "VERB" in tags(toks[k]) and (k + 1 >= len(toks) or toks[k + 1] in _STOP)


def _participle(toks: list[str], k: int) -> bool:
    """A participle before a noun modifies it ("missed sailings", "rising costs")."""
    return (toks[k].endswith("ing") or is_past_verb(toks[k])) and k + 1 < len(toks) and "NOUN" in tags(toks[k + 1])


def _np(toks: list[str], i: int) -> int:
    """End (exclusive) of a bare noun phrase at toks[i]: an optional determiner, then words
    tagged noun or adjective (compounds "walk-in emergencies", "double bookings")."""
    k = i
    if k < len(toks) and toks[k] in DETS:
        k += 1
    start = k
    while k < len(toks) and toks[k] not in _STOP and toks[k] not in {"and", "or"} and \
            (tags(toks[k]) & {"NOUN", "ADJ"} or _plural(toks, k) or _participle(toks, k)) and not tags(toks[k]) & {"PREP", "AUX", "WH", "PRON", "CONJ"}:
        k += 1
    return k if k > start else i


def double_barreled(sentences: list[str]) -> str:
    """"How do you handle X and Y?": two objects of one process verb (see the module table)."""
    last = sentences[-1].strip() if sentences else ""
    m = _MANNER.match(last)
    if not m:
        return ""
    toks = words(last[m.end():])
    while toks and toks[0].endswith("ly") and "ADV" in tags(toks[0]):
        toks = toks[1:]  # "normally", "usually"
    if len(toks) < 4:
        return ""
    verb = toks[0]
    if lemma(verb, "VERB") in _RELATIONAL or verb in _RELATIONAL or "VERB" not in tags(verb):
        return ""
    rest = toks[1:]
    if rest and rest[0] in {"with", "to"}:  # "deal with", "respond to"
        rest = rest[1:]
    end1 = _np(rest, 0)
    if end1 == 0 or end1 >= len(rest) or rest[end1] != "and":
        return ""
    end2 = _np(rest, end1 + 1)
    if end2 == end1 + 1 or (end2 < len(rest) and rest[end2] not in _STOP and rest[end2] not in _PLACE):
        return ""
    first, second = rest[end1 - 1], rest[end2 - 1]
    heads = {(first, second), (lemma(first, "NOUN"), lemma(second, "NOUN"))}
    modifiers = {(rest[end1 - 1], rest[end1 + 1])}  # "salt and pepper mills"
    if heads & FIXED_PAIRS or modifiers & FIXED_PAIRS or lemma(first, "NOUN") == lemma(second, "NOUN") \
            or not ("NOUN" in tags(first) and ("NOUN" in tags(second) or _plural(rest, end2 - 1))):
        return ""
    a, b = " ".join(rest[:end1]), " ".join(rest[end1 + 1:end2])
    return f"two things handled in one question ('{a}' and '{b}')"


# "of the price and of the technician": the preposition said again before the second object
_REPEATED_PREP = re.compile(r"\b(of|about|with|for|on|to) (?:the|your|our|this|that|their|its|his|her) ([\w'-]+(?: [\w'-]+){0,3}?)"
                            r",? and (?:also )?\1 (?:the|your|our|this|that|their|its|his|her) ([\w'-]+)", re.I)
# "Was the report easy to read and worth the money?": two judgements of one thing
_COPULA_PAIR = re.compile(r"^(?:so,? )?(?:is|was|are|were) (?:the|your|our|this|that|it|they)\b(?: [\w'-]+){0,3}? "
                          r"([a-z]+)(?: to [a-z]+| enough)?,? and (?:also )?(?:really |very |quite )?([a-z]+)\b", re.I)
# "last year's pressing and this year's bottling": two occasions, each named by its time
_TIME_OWNER = r"(?:(?:last|this|next|that) (?:year|month|week|season|term|summer|winter|spring|autumn|quarter)|yesterday|today)'s"
_TWO_OCCASIONS = re.compile(rf"\b({_TIME_OWNER}) [\w'-]+(?: [\w'-]+)?,? and (?:the |your )?({_TIME_OWNER})", re.I)
_INTENSIFYING = {"nice", "good", "fine", "lovely", "well", "safe", "sound", "sick", "tired"}


def two_objects(sentences: list[str]) -> str:
    """Two objects each with its own preposition ("what did you think of the price and of the
    technician?") or two judgements of one thing in a yes/no question ("was the report easy to
    read and worth the money?")."""
    for s in sentences:
        low = " ".join(s.lower().replace("\u2019", "'").split())
        if (m := _TWO_OCCASIONS.search(low)) and m.group(1) != m.group(2) and \
                not re.search(r"\b(compare|compared|differ|differed|different|versus|vs)\b", low):
            return f"two occasions asked about at once ('{m.group(1)}' and '{m.group(2)}')"
        if (m := _REPEATED_PREP.search(low)) and (m.group(2).split()[-1], m.group(3)) not in FIXED_PAIRS:
            return f"two things asked about at once ('{m.group(1)} {m.group(2)}' and '{m.group(1)} {m.group(3)}')"
        if (m := _COPULA_PAIR.match(low)) and m.group(1) not in _INTENSIFYING and \
                (m.group(1), m.group(2)) not in FIXED_PAIRS and "ADJ" in tags(m.group(1)) and \
                (m.group(2) == "worth" or ("ADJ" in tags(m.group(2)) and "NOUN" not in tags(m.group(2)))):
            return f"two judgements joined by 'and' ('{m.group(1)}' and '{m.group(2)}')"
    return ""


# ", and how long ...", " and would you ...": a second question clause joined to the first
_SECOND_CLAUSE = re.compile(r",? and (?:(?:if so|then|also),? )?(?=(?:how|what|when|where|who|which|do|does|did|is|are|was|were|"
                            r"would|could|can|have|has|will)\b)", re.I)


def second_question(sentences: list[str]) -> str:
    """Closed when both clauses of a question joined by "and" ask for a figure or a yes/no:
    "How often do you hit a waitlist, and how long do you usually wait?" (a frequency, then a
    duration). An open first clause keeps the question open ("How did you choose the van and
    how much did it cost?"). Returns the reason or ``""``."""
    from kit.guide.lint import _analyse

    last = sentences[-1].strip() if sentences else ""
    parts = _SECOND_CLAUSE.split(last)
    if len(parts) < 2 or not _MEASURE.match(parts[0]):
        return ""
    for part in parts[1:]:
        part = part.strip().rstrip("?.! ")
        if len(part.split()) >= 2 and "closed" in (reasons := _analyse(part[:1].upper() + part[1:] + "?")[1]):
            return f"a figure, then a second question ('{part}?'): {reasons['closed']}"
    return ""


_MEASURE = re.compile(_FILLER + r"(?:if [^,]+, )?how (?:often|many|much|long|frequently)\b", re.I)
_IMAGINE = re.compile(_FILLER + r"(?:imagine|picture|suppose|pretend|say)\b(.*?)(?:\s[-\u2013\u2014]\s|[.?!;:,]|$)", re.I)
_IDEAL = re.compile(r"\b(perfect|ideal|dream|magic|flawless|best possible|effortless|seamless|amazing|"
                    r"wonderful|brilliant|great)\b", re.I)
_OWN = re.compile(r"\b(our|we|us|my)\b", re.I)


def imagined_ideal(sentences: list[str]) -> bool:
    """An ideal word inside an imagined situation ("Imagine you had a perfect scheduler"), not
    said of the asker's own product."""
    text = " ".join(sentences).strip()
    m = _IMAGINE.match(text)
    return bool(m and _IDEAL.search(m.group(1)) and not _OWN.search(m.group(1)))


def revise(sentences: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """The reasons of the earlier rounds with this round's cues (see the module table).
    Returns a new dict."""
    out = dict(reasons)
    if not sentences:
        return out
    if "closed" not in out and (r := closed(sentences)):
        out["closed"] = r
    if "double-barreled" not in out and (r := double_barreled(sentences) or two_objects(sentences)):
        out["double-barreled"] = r
    if "closed" not in out and _SECOND_CLAUSE.search(sentences[-1]) and (r := second_question(sentences)):
        out["closed"] = r
    if "leading" in out and imagined_ideal(sentences):
        from kit.guide.lint import _analyse  # judged again with the ideal word said plainly

        plain = _IDEAL.sub("new", " ".join(sentences))
        if "leading" not in _analyse(plain)[1]:
            del out["leading"]
            out.setdefault("hypothetical", "'imagine' asks about an imagined situation")
    return out
