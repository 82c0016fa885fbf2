"""Session 14 (after blind-linter-35 and -36 were released): leading and generalizing questions the
earlier rounds read only in some of their phrasings, found from the clause structure (docs/design.md,
"Question linter", "Fourteenth pass").

- :func:`judged_preamble`: a statement before the ask that judges the thing asked about, where the
  judgement is marked by the grammar rather than by a valence lexicon (which misses plain and chat
  adjectives): a degree word on a predicate ("The fee is very reasonable", "which is very
  convenient", "Those kiosks are so slow", "takes fly-tipping extremely seriously", "holds up way
  better"), an emphasis adverb on the predicate ("our albums are honestly magic", "which ppl have
  honestly loved"), an evaluative noun after the copula ("is lowkey a scam", "a lifesaver"), or a
  stock phrase of praise or comparison ("top notch", "best in class", "100% the same", "instead of
  weeks"). Praise and blame both lead (the issue: "praise or blame built into the question or its
  preamble"). The statement comes before the ask: its own sentence, a dash, an emoji, ", so", the
  last comma before a question word or an auxiliary, or a parenthesised relative clause. Not an
  echo of the participant, research framing, a condition or plan, a request, a thanks, an
  utterance about the interviewer ("I", "you") or a discourse "so" ("so after you'd dropped it
  off").
- :func:`offered_cause`: a yes/no question that names the reason it expects ("Is it that you chose
  the assembler because it was cheaper?", "Was it because of the back problems?"): the
  participant can only agree or disagree with the interviewer's reason.
- :func:`periodic_habit`: a present-tense question about the participant with an adverb of period
  ("Do you test your alarms monthly ...", "Are you taking the tablets daily ..."): a habit, as
  "usually" and "every week" are (generalizing); not the adjective before a noun ("the monthly
  fee", "the daily picks").
"""
from __future__ import annotations

import re

from kit.guide import cues16
from kit.guide.cues16 import with_flag
from kit.guide.words import AUX, WH, tags, valence, words

__all__ = ["judged_preamble", "offered_cause", "periodic_habit", "revise"]

# degree words on a predicate: the speaker grades the thing
_DEGREE = {"very", "so", "super", "really", "extremely", "incredibly", "totally", "absolutely", "way", "lowkey",
           "highly", "truly", "hugely", "massively", "insanely", "remarkably", "exceptionally", "amazingly", "too"}
# emphasis adverbs: the speaker vouches for the predicate
_EMPHASIS = {"honestly", "lowkey", "genuinely", "literally", "basically", "truly", "seriously"}
_COPULA = {"is", "are", "was", "were", "'s", "s", "be", "been", "looks", "look", "feels", "feel", "sounds", "seems",
           "becomes", "became", "gets", "got", "stays", "remains"}
_BEFORE_NOUN = {"just", "honestly", "lowkey", "basically", "literally", "actually", "such", "a", "an", "total", "real",
                "complete", "absolute", "bit", "of"}
# words after "so" / "way" / "really" that are not a graded predicate
_NOT_GRADED = {"honestly", "actually", "basically", "literally", "then", "now", "after", "far", "much", "well", "that",
               "many", "often", "long", "little", "few", "late", "early", "the", "to", "we", "i", "you", "it"}
_STOCK = re.compile(r"\b(?:top[- ]notch|best[- ]in[- ]class|world[- ]class|second to none|game[- ]changer|"
                    r"no[- ]brainer|a hundred per ?cent|instead of (?:weeks|days|hours|months|years))\b|\b100 ?%", re.I)
_NOT_A_CLAIM_START = {"you", "u", "i", "i'm", "i've", "tell", "describe", "walk", "please", "thanks", "thank", "when",
                      "after", "before", "if", "since", "as", "kindly", "that", "this"}

_THEIR_VIEW = re.compile(r"\b(?:you|u)\s+(?:\w+\s+)?(?:found|find|finds|felt|feel|thought|think|said|say|called|call|"
                         r"described|describe|told|rated|consider|considered)\b", re.I)


def _preambles(raw: list[str]) -> list[str]:
    """The statements said before the ask (module docstring)."""
    text = " ".join(raw)
    parts = cues16._parts(raw)
    pre = parts[:-1]
    toks = words(parts[-1]) if parts else []
    for j in range(len(toks) - 1, -1, -1):  # the last comma before the asked clause
        if toks[j] != ",":
            continue
        k = j + 1
        while k < len(toks) and toks[k] in {"so", "and", "but", "then", "now", "well"}:
            k += 1
        if k < len(toks) and (toks[k] in WH or toks[k] in AUX or toks[k] in {"tell", "walk", "describe"}):
            pre.append(" ".join(toks[:j]))
            break
    pre.extend(m.group(1) for m in re.finditer(r"\(((?:which|that|who)\b[^()]*)\)", text, re.I))
    return pre


def _judgement(part: str) -> str:
    """The graded or vouched-for predicate of one statement, or ``""``."""
    if "?" in part or cues16._ECHO.search(part) or cues16._FRAMING.search(part) or cues16._CONDITION.search(part):
        return ""
    if _THEIR_VIEW.search(part):
        return ""  # "the task where you found AI really helpful": the participant's judgement, echoed
    toks = [t.lower() for t in words(part)]
    if len(toks) < 3 or toks[0] in _NOT_A_CLAIM_START:
        return ""
    for i, t in enumerate(toks[1:-1], 1):
        if t not in _DEGREE:
            continue
        w = toks[i + 1]
        if w in _DEGREE | {"a", "an"} and i + 2 < len(toks):
            w = toks[i + 2]
        if w in _NOT_GRADED:
            continue
        tg = tags(w)
        if "ADJ" in tg or (w.endswith("ly") and "ADV" in tg) or abs(valence(w)) >= 1.0:
            return f"{t} {w}"
    if (m := _STOCK.search(part)):
        return m.group(0).lower()
    for i, t in enumerate(toks[2:-1], 2):
        if t in _EMPHASIS and toks[i - 1] in _COPULA | {"have", "has", "had"} and \
                tags(toks[i + 1]) & {"ADJ", "NOUN", "VERB"}:
            return f"{t} {toks[i + 1]}"
    for i, t in enumerate(toks):
        if t in _COPULA:
            k = i + 1
            while k < len(toks) and toks[k] in _BEFORE_NOUN:
                k += 1
            if i + 1 < k < len(toks) and abs(valence(toks[k])) >= 1.5:
                return " ".join(toks[i:k + 1])
    return ""


def judged_preamble(raw: list[str]) -> str:
    """A statement before the ask that grades the thing asked about: the leading reason, or ``""``."""
    for part in _preambles(raw):
        if (w := _judgement(part)):
            return f"the preamble judges the thing asked about ('{w}')"
    return ""


_OFFERED_CAUSE = re.compile(r"^(?:so,? |and |but )?(?:is|was|are|were)(?:n't)? it (?:(?:that|because|cos|cause)\b)"
                            r"(?:[^?]*\bbecause\b|)", re.I)


def offered_cause(raw: list[str]) -> str:
    """A yes/no question naming the reason it expects: the leading reason, or ``""``."""
    for sent in raw:
        s = sent.strip()
        if s.endswith("?") and _OFFERED_CAUSE.match(s) and re.search(r"\bbecause\b", s, re.I) and \
                not re.search(r"\bor\b", s, re.I):
            return "the question offers the reason to agree with ('because ...')"
    return ""


_PERIOD = re.compile(r"\b(daily|weekly|monthly|nightly|yearly|fortnightly)\b(?!\s+(?:[a-z]+))|"
                     r"\b(daily|weekly|monthly|nightly|yearly|fortnightly)\b(?=\s+(?:in|at|on|like|before|after|with|"
                     r"for|from|to|when|because|as|during|by)\b)", re.I)
_PRESENT_YOU = re.compile(r"^(?:so,? |and |ok,? |now,? )?(?:do|are|am|does)(?:n't)? (?:you|u|your \w+)\b", re.I)


def periodic_habit(raw: list[str]) -> str:
    """A present question about the participant with an adverb of period: the generalizing reason."""
    if not raw:
        return ""
    asked = raw[-1].strip()
    if _PRESENT_YOU.match(asked) and (m := _PERIOD.search(asked)):
        return f"'{(m.group(1) or m.group(2)).lower()}' asks about a habit; ask about the last time instead"
    return ""


def revise(raw: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """Session 14's changes to the flags of a question (its sentences ``raw``)."""
    reasons = with_flag(reasons, "leading", raw, judged_preamble, offered_cause, first=True)
    return with_flag(reasons, "generalizing", raw, periodic_habit)
