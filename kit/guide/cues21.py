"""Session 16 (the `lint16` developer; docs/design.md "Sixteenth pass"): two kinds of the released
blind-linter-39 and -40 found by clause structure, read after cues20.

- :func:`inverted_condition` (a normalisation before the rules): a condition told by inversion, with
  no "if" ("Were the council to open on Sundays, what would change for you?", "Had you known the fee,
  ...", "Should the lift break, who ..."), is read as its "if" clause ("If the council were to open
  ..."), so the rules see the hypothetical and do not read the inverted auxiliary as a yes/no opener.
- :func:`paired_topic` (in :func:`revise`): a clipped note whose verbless topic before a dash or a colon
  coordinates two things ("Locker keys + wristbands - thoughts", "The rota and the handover: what did
  each change") asks about both: double-barreled; not a fixed pair ("terms and conditions"), nor a
  topic with a verb or a subject ("If you booked and paid - ..."), nor a claim whose first part is longer
  than a short noun phrase ("Our tutors go above and beyond - tell me ...").
- :func:`reputation` (in :func:`revise`): a reputation adverb before a quality ("the famously fussy
  inspectors", "a notoriously slow process") is leading.
- :func:`two_acts` (in :func:`revise`): two verb phrases with their own objects after "how / what" + an
  auxiliary and a subject ("How did you price the job and source the parts?") are two tasks.
"""
from __future__ import annotations

import re

from kit.guide.words import words

__all__ = ["inverted_condition", "paired_topic", "reputation", "revise", "two_acts"]

_DETS = {"the", "your", "their", "our", "a", "an", "this", "that", "these", "those"}
_INVERTED = re.compile(r"^(?P<pre>(?:so|and|but|now|ok|okay)?,?\s*)(?P<aux>were|had|should)\s+(?P<body>[^,?;]{5,160}?),\s*"
                       r"(?P<main>(?:how|what|which|who|where|when|why|would|will|could|might|do|does|is|are|can|tell|"
                       r"walk|describe)\b[^\n]*)$", re.I)
_WERE_PREDICATE = re.compile(r"to\b|(?:\w+ly )?(?:\w+ed|\w+en|able|available|free|open|closed|cheaper|faster|easier|"
                             r"better|worse|more|less|in|on|at|out)\b", re.I)


def _predicate(aux: str, rest: str) -> bool:
    from kit.guide.words import is_past_verb

    if aux == "were":
        return bool(_WERE_PREDICATE.match(rest))
    verb = re.match(r"(?:\w+ly |never |already |just )?([a-z]+)\b", rest, re.I)
    if aux == "had":
        return bool(verb) and (is_past_verb(verb.group(1).lower()) or verb.group(1).lower() in {"been", "come", "run",
                                                                                              "known"})
    return bool(verb)  # "should the lift break": any verb


def inverted_condition(text: str) -> str:
    """``text`` with a sentence-initial inverted condition read as its "if" clause (see the module
    docstring); unchanged otherwise."""
    m = _INVERTED.match(str(text))
    if not m:
        return text
    aux, toks = m.group("aux").lower(), m.group("body").split()
    for n in (1, 2, 3, 4):  # the subject: a pronoun or a plural noun, or a determiner and up to three words
        subj, rest = " ".join(toks[:n]), " ".join(toks[n:])
        first = toks[0].lower()
        if not rest or (n == 1 and first not in {"you", "we", "they", "he", "she", "it"} and not first.endswith("s")) or \
                (n > 1 and first not in _DETS) or first in {"there"}:
            continue
        if _predicate(aux, rest):
            break
    else:
        return text
    if aux == "were" and (to := re.match(r"to ([a-z]+)\b", rest)):  # "were you to have" -> "if you had"
        from kit.guide.lexicon import past_tense

        aux, rest = past_tense(to.group(1)), rest[to.end():].lstrip()
    return f"{m.group('pre')}{'If' if not m.group('pre').strip() else 'if'} {subj} {aux} {rest}, {m.group('main')}"


_DASH = re.compile(r"^(?P<topic>[^?\-\u2013\u2014:]{3,80}?)(?:\s+[-\u2013\u2014]|\s*:)\s+(?P<ask>\S.*)$")
_COORD = re.compile(r"\s(?:\+|&|and)\s")
_VERBISH = re.compile(r"\b(?:is|are|was|were|be|been|do|does|did|have|has|had|can|could|would|will|should|you|i|we|"
                      r"they|he|she|if|when|since|because|imagine|suppose|say|let's|what|how|why|who|which|where)\b",
                      re.I)


def paired_topic(raw: list[str]) -> str:
    """The reason when the question is a clipped note whose verbless topic pairs two things (see the
    module docstring), else ""."""
    from kit.guide.lexicon import FIXED_PAIRS

    if len(raw) == 2 and not raw[0].rstrip().endswith((".", "?", "!")):  # split at the dash by the sentence reader
        topic, ask = raw[0].strip(), raw[1]
    elif len(raw) == 1 and (m := _DASH.match(raw[0].strip())):
        topic, ask = m.group("topic"), m.group("ask")
    else:
        return ""
    if not _COORD.search(topic) or _VERBISH.search(topic) or len(words(topic)) > 9 or not words(ask):
        return ""
    left, _, right = _COORD.split(topic, maxsplit=1)[0], None, _COORD.split(topic, maxsplit=1)[1]
    lw, rw = words(left), words(right)
    if not lw or not rw or len(lw) > 4 or (lw[-1].lower(), rw[0].lower()) in FIXED_PAIRS:  # a short noun phrase each
        return ""
    return f"two things asked about at once ('{left.strip()}' and '{right.strip()}')"


_DET = r"(?:the|a|an|your|their|our|these|those|its|his|her)"
_TWO_ACTS = re.compile(rf"\b(?:how|what) (?:do|did|does|would|will|can) (?:you|they|we|he|she|your \w+|the \w+) "
                       rf"(?P<v1>[a-z]+) (?:{_DET} )?(?P<np1>[\w'-]+(?: [\w'-]+){{0,2}}?) and "
                       rf"(?:then )?(?P<v2>[a-z]+) (?P<prep>(?:with|to|for|about|up|out|on|off|through|into) )?"
                       rf"(?:{_DET}|them|it)\b", re.I)


def two_acts(raw: list[str]) -> str:
    """"How do you plan the pickups and deal with the customs holds?": two verb phrases, each with its own
    object, after "how / what" + an auxiliary and a subject: two tasks asked about at once; not one verb
    ("plan the pickups and the holds", the rules' pairs of objects), not an act and its result told as one
    story (:func:`kit.guide.cues.one_story`, :func:`~kit.guide.cues.joint_act`)."""
    from kit.guide import cues
    from kit.guide.words import is_base_verb, is_past_verb

    if not raw:
        return ""
    m = _TWO_ACTS.search(raw[-1])
    if not m:
        return ""
    v1, v2 = m.group("v1").lower(), m.group("v2").lower()
    if v1 == v2 or not (is_base_verb(v1) or is_past_verb(v1)) or not (is_base_verb(v2) or is_past_verb(v2)):
        return ""
    if cues.one_story(raw) or cues.joint_act(raw):
        return ""
    first = raw[-1][m.start("v1"):m.end("np1")]
    second = raw[-1][m.start("v2"):].rstrip(" ?.!")
    return f"two tasks asked about at once ('{first}' and '{second}'); ask about each"


_REPUTATION = re.compile(r"\b(?:famously|notoriously|infamously|proverbially|legendarily)\s+(?:[a-z-]+)\b", re.I)


def reputation(raw: list[str]) -> str:
    """"... the famously pedantic clerks", "a notoriously long process": a reputation adverb before a
    quality tells the participant what to think of the thing (leading), whatever the quality's valence."""
    m = _REPUTATION.search(" ".join(raw))
    return f"'{m.group(0)}' builds a judgement into the question" if m else ""


def revise(raw: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """The rules' reasons with this pass's leading and double-barreled kinds added (never a flag removed)."""
    if "leading" not in reasons and (why := reputation(raw)):
        reasons = {"leading": why, **reasons}
    if "double-barreled" not in reasons and (why := paired_topic(raw) or two_acts(raw)):
        return {**reasons, "double-barreled": why}
    return reasons
