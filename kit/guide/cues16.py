"""Session 11 (leading, after blind-linter-28 to -30 were released): claims said before the ask
and answers offered inside a yes/no question, read from the shape of the question.

- :func:`claim`: a statement before the ask, in its own sentence or split from it by a dash, an
  emoji or ", so", that speaks well of the thing asked about without being the asker's own
  ("Generic medicines are just as good as branded and much cheaper, so what made you switch?",
  "spaced repetition is proven to work - what results have you seen?", "our waitlist feature
  basically kills the queue 🙌 how long did you wait?", "Joining the group must have given you a
  lot of confidence."). Not an echo of the participant ("You said the packet is sometimes not
  there."), research framing ("please be frank"), a condition or a plan, or a plain fact.
- :func:`offered_answer`: a yes/no question that names the feeling or the effect it expects
  ("did you feel guilty after?", "did the streak reminder help you get back on track?", "did
  the confetti animation motivate you?", "did the delivery fee put you off?"): the participant
  can only agree or disagree with the interviewer's word for it.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["claim", "fact_tail", "offered_answer", "revise", "two_asks", "with_flag"]

_ECHO = re.compile(r"\b(?:you|u) (?:said|mentioned|told|wrote|described|explained|spoke|talked|noted|shared|"
                   r"brought up|raised)\b|\b(?:earlier|before) you\b|\bas you (?:said|put it)\b", re.I)
_FRAMING = re.compile(r"\b(?:research|study|interview|survey|feedback|frank|honest|honestly tell|no right|"
                      r"wrong answers?|record|recording|confidential|anonymous|trying to understand|"
                      r"want to (?:understand|learn|hear)|like to (?:understand|learn|hear|know)|"
                      r"interested in|curious)\b", re.I)
_CONDITION = re.compile(r"\b(?:if|would|could|might|imagine|suppose|supposing|picture|say we|let's say|"
                        r"plan|planning|going to|will|considering|thinking about)\b", re.I)
# benefits claimed as facts: comparisons, proofs, savings
_BENEFIT = re.compile(r"\b(?:as good as|(?:much|way|far|so much|a lot|lots) (?:more|less|better|cheaper|faster|"
                      r"easier|safer)|cheaper|more affordable|proven|rock solid|kills? the|saves? (?:you |people |"
                      r"families |them )?(?:time|money|hours|lakhs|a lot)|saving (?:lakhs|money|time|hours)|"
                      r"\d+(?:x|\s*times) (?:more|faster|less)|must have (?:given|made|helped|brought)|"
                      r"written by award|everyone (?:loves|raves)|raves? about|builds? (?:so much )?trust)\b", re.I)
_SPLIT = re.compile(r"\s+[-\u2013\u2014]+\s+|,\s+so\s+(?=(?:what|how|why|when|where|who|which|did|do|does|is|are|"
                    r"was|were|have|has|tell|describe|walk)\b)", re.I)


def _emoji_split(text: str) -> list[str]:
    """Split at pictographs (a spoken or chat-style line uses them as full stops)."""
    out, cur = [], []
    for ch in text:
        if unicodedata.category(ch) == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF:
            if "".join(cur).strip():
                out.append("".join(cur).strip())
            cur = []
        elif ord(ch) not in (0xFE0F, 0x200D):
            cur.append(ch)
    if "".join(cur).strip():
        out.append("".join(cur).strip())
    return out


def _parts(raw: list[str]) -> list[str]:
    parts = []
    for sent in raw:
        for piece in _emoji_split(sent):
            parts.extend(p.strip() for p in _SPLIT.split(piece) if p.strip())
    return parts


_CLAIM_VERBS = {"is", "are", "was", "were", "'s", "it's", "makes", "make", "made", "has", "have", "gives", "give",
                "keeps", "keep", "lets", "let", "feels", "feel", "looks", "look", "works", "work", "been"}


def _praises(part: str) -> str:
    from kit.guide.grammar import _CLASSIFIERS
    from kit.guide.lexicon import _tokens
    from kit.guide.words import valence

    if "?" in part or _ECHO.search(part) or _FRAMING.search(part) or _CONDITION.search(part):
        return ""
    toks = [t.lower() for t in _tokens(part)]
    if len(toks) < 3 or toks[0] in {"you", "u", "i", "i'm", "i've", "thanks", "thank", "tell", "describe", "walk",
                                    "please", "so", "ok", "okay", "and", "when", "after", "before", "since"} \
            and not _BENEFIT.search(part):
        return ""
    if toks[0] in {"tell", "describe", "walk", "please", "when", "after", "before", "kindly", "i'd", "take", "say",
                   "as", "whether", "for", "great", "brilliant", "ha", "lovely", "perfect", "wonderful", "awesome", "seventh"}:
        return ""  # a request, a thanks or an interjection, not a claim
    if (m := _BENEFIT.search(part)):
        return f"the preamble claims a benefit ('{m.group(0).lower()}')"
    good = [w for i, w in enumerate(toks) if valence(w) >= 1.5 and (i == 0 or toks[i - 1] != "the")
            and w not in _CLASSIFIERS]
    if good and not set(toks) & {"you", "your", "u", "ur"} and not set(toks) & {"not", "never", "no", "n't", "didn't", "don't", "wasn't", "isn't"} and \
            not any(valence(w) <= -1.0 for w in toks) and set(toks) & _CLAIM_VERBS and \
            not re.search(r"\bto (?:forget|lose|miss|skip|overlook|overspend|ignore)\b", part, re.I):
        return f"the preamble praises the thing asked about ('{good[0]}')"
    return ""


def claim(raw: list[str]) -> str:
    """A statement before the ask that speaks well of the thing asked about: the leading reason,
    or ``""`` (module docstring)."""
    parts = _parts(raw)
    for part in parts[:-1]:
        if (r := _praises(part)):
            return r
    return ""


_AUX_START = re.compile(r"^(?:and |so |but |ok |okay )?(?:did|do|does|was|were|is|are|has|have|had)(?:n't)? ", re.I)
_FEEL = re.compile(r"\b(?:feel|felt|feeling)\s+(?:\w+\s+){0,2}?(\w+)", re.I)
_EFFECT = re.compile(r"\b(?:motivate|motivated|encourage|encouraged|reassure|reassured|annoy|annoyed|"
                     r"frustrate|frustrated|bother|bothered|put (?:you|u) off|scare|scared|stress|stressed|"
                     r"inspire|inspired|convince|convinced|persuade|persuaded)\b", re.I)


def offered_answer(raw: list[str]) -> str:
    """A yes/no question naming the feeling or effect it expects: the leading reason, or ``""``."""
    from kit.guide.words import _vader, valence

    if not raw:
        return ""
    asked = raw[-1].strip()
    if not _AUX_START.match(asked) or re.search(r"\bor\b", asked, re.I):
        return ""  # "did you feel better or worse?" offers both
    low = asked.lower()
    past = re.match(r"^(?:and |so |but |ok |okay )?(?:did|was|were|had|has|have)\b", low)
    if past and (m := _FEEL.search(low)) and max(abs(valence(m.group(1))), abs(_vader().get(m.group(1), 0.0))) >= 1.0:
        return f"'feel {m.group(1)}' offers the feeling to agree with"
    if (m := _EFFECT.search(low)) and not re.search(r"\b(?:you|u) (?:help|helped|encourage|motivate)", low):
        return f"'{m.group(0)}' offers the effect to agree with"
    return ""


def with_flag(reasons: dict[str, str], flag: str, raw: list[str], *rules, first: bool = False) -> dict[str, str]:
    """``reasons`` with ``flag`` given the reason of the first of ``rules`` (each ``raw -> str``) that
    fires on the sentences ``raw``, unless the flag is there already; put before the other reasons
    when ``first`` (the order a verdict gives them in). The revise step of sessions 11 to 14."""
    if flag in reasons or not raw:
        return reasons
    for rule in rules:
        if (r := rule(raw)):
            return {flag: r, **reasons} if first else {**reasons, flag: r}
    return reasons


def revise(raw: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """Session 11's changes to the flags of a question (its sentences ``raw``)."""
    reasons = with_flag(reasons, "leading", raw, claim, offered_answer, first=True)
    reasons = with_flag(reasons, "double-barreled", raw, two_asks)
    return with_flag(reasons, "closed", raw, fact_tail)


_TWO_TIMES = re.compile(
    r"\b(?:the|a) (?:(?:last|first|most recent|next) )?(?:time|day|occasion)\b[^?.]*?,?\s+and (?:also |separately |then )?"
    r"(?:about |describe |tell me about )?(?:the|a) (?:(?:last|first|most recent|other|next) )?(?:time|day|occasion)"
    r"(?: before| after)?\b", re.I)
_WH_TAIL = re.compile(r"\b(?:did|do|does|was|were|is|are|have|has)\b[^?]*?\w,?\s+and (?:with whom|where|"
                      r"(?:in|at|from|with) (?:which|what) \w+|who with)\s*\??\s*$", re.I)


def two_asks(raw: list[str]) -> str:
    """Two occasions asked for at once ("the last time you took a loan and the time you repaid
    it", "... and also the time before"), or a second question word tacked on after a full
    question ("Which brand did you buy last time and in which shop?", "How often ..., and with
    whom?"): the double-barreled reason, or ``""``."""
    text = " ".join(raw)
    if (m := _TWO_TIMES.search(text)) and not re.search(r"\bbetween\b", m.group(0), re.I):
        return "two occasions asked for at once"
    if raw and (m := _WH_TAIL.search(raw[-1])):
        return f"a second question tacked on ('{m.group(0).split(' and ')[-1].strip(' ?')}')"
    return ""


def fact_tail(raw: list[str]) -> str:
    """A one-fact question word tacked on after the question ("..., and with whom?", "and
    where?", "and at which temperature?"): the closed reason, or ``""``."""
    if raw and (m := _WH_TAIL.search(raw[-1])):
        return f"'{m.group(0).split(' and ')[-1].strip(' ?')}' asks for one fact"
    return ""
