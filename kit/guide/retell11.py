"""Rewrites of the eleventh round (issue 16, item 3): what the topic measure reads as the
question's topic, and builders for the flagged questions whose rewrite kept the least of it on
the independent sets blind-linter-10..17.

The topic of a question (:func:`asked_topic`, used by :func:`kit.guide.topic_overlap`):

- a *leading preamble* is the bias, not the topic. When a question is leading and its asked
  part alone is not (the preamble is what leads, the test :func:`kit.guide.retell6.without_preamble`
  applies), the topic is the asked part's words: "Our venue books up two years ahead, so you
  were lucky - how did you find out about us?" is asked about finding out, not about venues
  booking up. A pronoun of the asked part that names the preamble's thing ("What do you make of
  it?") counts as one topic word, kept when the rewrite keeps any topic word of the preamble
  (a pronoun stands for one noun phrase). An asked part without topic words of its own ("what do
  you think?") leaves the whole question as the topic.

Builders (:func:`candidates`): the question's own verb in the past with its subject and
object, for the shapes whose rewrite fell back to a thing or to the generic story:

- "Do customers usually bring the manual with them?" -> "Tell me about the last time customers
  brought the manual with them. What happened?";
- "How many days a week do you come in?" -> "Tell me about the last time you came in.";
- "What would make you dive more often?" -> "Tell me about the last time you dived.";
- "How rewarding has volunteering been for you?" -> "Tell me about the last time you volunteered.";
- "When did you first notice the masks fogging up?" -> "Tell me about the last time the masks
  fogged up.";
- "How long did your claim take?" -> "Tell me about your claim. What happened?";
- "Is the food always hot when it arrives?" -> "Tell me about the last time the food arrived.";
- "How did your tenants react when you raised the rent?" -> "Tell me about the time you raised the
  rent. How did your tenants react?".

Before building, spoken fillers are dropped (:func:`unfilled`) and typos corrected when sure
(:func:`kit.guide.spelling.sure_corrections`). :func:`faults` (part of the grammar check) fails a
frame word, a time, a price or a clause taken as the thing.
"""
from __future__ import annotations

import functools
import re

__all__ = ["asked_topic", "candidates", "faults", "topic_words", "unfilled"]

_REFERRING = {"it", "them", "they", "yours", "one", "ones"}
_DEMONSTRATIVES = {"this", "that", "these", "those"}
_NOW = {"time", "week", "year", "month", "morning", "evening", "weekend", "season", "term", "quarter"}


def _refers_back(asked: str) -> bool:
    """True when the asked part has a pronoun naming a thing said before it."""
    from kit.guide.words import words

    ws = words(asked)
    for k, w in enumerate(ws):
        if w in _REFERRING:
            return True
        if w in _DEMONSTRATIVES:  # "that", "that day" (not "this time", "this week": now)
            nxt = ws[k + 1] if k + 1 < len(ws) else ""
            if nxt not in _NOW or k and ws[k - 1] in {"think", "say", "know", "so"}:
                return k == 0 or ws[k - 1] not in {"think", "say", "know", "so", "feel", "felt"}
    return False


@functools.lru_cache(maxsize=4096)
def asked_topic(original: str) -> tuple[str, str] | None:
    """``(asked part, preamble)`` when ``original`` is leading only through a preamble (the
    question leads, its last part alone does not); else None (the whole question is the topic).
    """
    from kit.guide import lint
    from kit.guide.retell6 import _SPLIT

    text = str(original or "").strip()
    parts = [p for p in _SPLIT.split(text) if p and p.strip()]
    if len(parts) < 2:
        return None
    asked = parts[-1].strip()
    if len(asked.split()) < 3 or "leading" not in lint.flags_of(text) or "leading" in lint.flags_of(asked):
        return None
    preamble = text[:text.rfind(asked)].strip()
    return asked, preamble


def topic_words(original: str, lemmas) -> tuple[list[str], list[str] | None]:
    """``(topic words, preamble words)``: the words the rewrite must keep, and, when the asked
    part refers back with a pronoun, the preamble's words any one of which keeps that pronoun
    (None when there is no such pronoun). ``lemmas`` is the measure's word reader."""
    from kit.guide.retell13 import topic_only  # round 13: the question's machinery is not its topic

    parts = asked_topic(original)
    if parts is None:
        return topic_only(original, lemmas(original)), None
    asked, preamble = parts
    own = topic_only(asked, lemmas(asked))
    back = _refers_back(asked) and topic_only(preamble, lemmas(preamble))
    if not own and not back:
        return topic_only(original, lemmas(original)), None
    return own, (back or None)


def faults(cand: str) -> list[str]:
    """Broken shapes of a candidate the earlier checks let through: a frame word, a time, a
    price or a clause as the thing, a preposition without its object, "saved" a gerund."""
    from kit.guide.words import is_past_verb, tags

    low = cand.lower()
    out = []
    m = re.search(r"\b(?:something like|dealt with|used|needed help with|went to|went through) (?:the |a |an )?"
                  r"([^.?!]+)", low)
    if m:
        thing = m.group(1).split()
        if thing[0] in _NO_THING or thing[-1] in {"still", "down", "again", "then", "forward"}:
            out.append("a frame word as the thing")
    m = re.search(r"\b(?:last|first) time (?:you|they|we) [a-z]+ (?:a|one|per|each|every) (?:year|week|month|day|night)\b", low)
    m = m or re.search(r"\b(?:used|dealt with|needed help with|something like|experience with) (?:the |your )?(?:prices?|costs?|rates?|"
                       r"fees?|worth|value|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?|christmas|easter|"
                       r"new year|holidays)\b", low)
    if m:  # "the last time you booked a year": a span of time as the thing; "used the rates": a price
        out.append(f"a time or a price as the thing: '{m.group(0)}'")
    m = re.search(r"\bsaved (?:you |them |us )?[a-z]+ing\b|\bthe (?:christmas|easter)\b|\b(?:saved|spent) time (?:you|them|us)\b", low)
    if m:  # "the last time you saved planning a holiday": the time saved left out
        out.append(f"a verb needs an object: '{m.group(0)}'")
    m = re.search(r"\b(?:for|about|with|at) (?:in|on|at|with)\b", low)
    if m:  # "the last time you looked for in a package holiday": the thing looked for left out
        out.append(f"a preposition without its object: '{m.group(0)}'")
    m = re.search(r"\b(?:something like|dealt with|used|experience with|needed help with) (?:the|a|an|your) [\w'-]+ "
                  r"([a-z]+)\b", low)
    if m and is_past_verb(m.group(1)) and not tags(m.group(1)) & {"NOUN", "ADJ"}:
        out.append(f"a clause as the thing: '{m.group(0)}'")  # "something like the mill ran itself"
    m = re.search(r"\b(?:dealt with|experience with|used) the [a-z]+ing (?:to|from|of)\b", low)
    if m:  # "dealt with the switching to the online booking"
        out.append(f"a gerund as the thing: '{m.group(0)}'")
    for pattern, kind in _MORE_FAULTS:
        m = pattern.search(low)
        if m:
            out.append(f"{kind}: '{m.group(0)}'")
    return out


_FRAMES = r"(?:used|dealt with|experience with|needed help with|something like|time when)"
# round 11, read on blind10..17: kinds of rewrite that are no English or take a non-thing as the thing
_MORE_FAULTS = [
    (re.compile(rf"\b{_FRAMES} (?:the |a )?(?:doing|knowing|having|being|all year|scale)\b"),
     "no thing after the frame"),  # "used doing veg on Fridays", "dealt with a scale of 1"
    (re.compile(r"\bwhen the [a-z]+days came up\b|\b(?:year|week|month|day|night|season|term)'s(?: came up\b|[.?!])"),
     "a day or a possessive as the thing"),  # "the Sundays came up", "the last year's."
    (re.compile(r"\bwhen (?:it|they|he|she) (?:does|do|did)[.?!]"), "a clause with no verb of its own"),
    (re.compile(r"\b(?:used|needed help with|something like) (?:a|the|your) (?:client|customer|patient|member|guest|tenant|resident|colleague|"
                r"volunteer|driver|student|parent)s?(?=[.?!,])"), "a person used"),  # "the last time you used a client"
]


# words a preamble or a hypothetical starts with, never a thing ("needed something like given")
_NO_THING = {"given", "say", "going", "suppose", "supposing", "imagine", "if", "when", "so", "let's", "lets",
             "assuming", "since", "as", "now"}


_FILLERS = re.compile(r"\b(?:um+|uh+|erm+|er|like,|you know,?|i mean,?|basically|honestly|literally|"
                      r"kinda|sorta)\s+|^(?:ok(?:ay)?|right|so|and|well)\b,?\s+", re.I)
_HABIT = r"(?:usually |normally |typically |generally |often |always |ever |mostly |still |actually |really )?"
_ADVS = r"usually|normally|typically|generally|often|always|ever|mostly|still|actually|really"
_SUBJ = rf"((?:the |your |our |their |most |many |some |a |an )?[a-z][\w'-]*(?: (?!(?:{_ADVS})\b)[a-z][\w'-]*)??)"
# "Do customers usually bring the manual with them?"
_DO_THEY = re.compile(rf"^(?:do|does|did|will|would|can|could) {_SUBJ} {_HABIT}([a-z]+)\b ?([^?.!]*?)\s*[?.!]*$", re.I)
# "How many days a week do you come in?", "How many trays do you bake a week?"
_HOW_MANY = re.compile(rf"^how (?:many|much|often|long|far) (?:([a-z][\w'-]*(?: [a-z][\w'-]*){{0,2}}) )?(?:do|does|did|would) "
                       rf"{_SUBJ} {_HABIT}([a-z]+)\b ?([^?.!]*?)\s*[?.!]*$", re.I)
# "What would make you dive more often?", "What stops you from booking online?"
_MAKE_YOU = re.compile(r"^what (?:would|could|might|will|does|do|did) (?:ever |really |actually )?(?:make|get|encourage|persuade|stop|prevent|"
                       r"keep) (you|them|people|customers|clients|staff) (?:from )?([a-z]+)\b ?([^?.!]*?)\s*[?.!]*$", re.I)
# "How rewarding has volunteering been for you?"
_GERUND_BEEN = re.compile(r"^how [a-z]+ (?:has|have|is|was) ([a-z]+ing)\b ?([^?.!]*?) (?:been|be)\b(?: for you)?"
                          r"\s*[?.!]*$", re.I)
# "When did you first notice the masks fogging up?"
_NOTICE = re.compile(r"^when did you (?:first |last )?(?:notice|see|spot|realise|realize) "
                     r"((?:the|your|a|an|our) [\w'-]+(?: [\w'-]+)?) ([a-z]+ing)\b ?([^?.!]*?)\s*[?.!]*$", re.I)
# "You are renewing online only every year, correct?"
_TAG_STATEMENT = re.compile(r"^(you|they|we) (?:are|were|'re) ([a-z]+ing)\b ?([^?.!,]*?),?\s*"
                            r"(?:correct|right|yes|no|yeah|isn't it|aren't you)?\s*[?.!]*$", re.I)
# "How long did your claim take?", "How long did the battery last before it stopped again?"
_HOW_LONG_DID = re.compile(r"^how long did ((?:the|your|our) [\w'-]+(?: [\w'-]+)?) (?:take|last)\b(?: (?:you|for you))?"
                           r"(?: before (?:it|they) ()?([a-z]+)\b ?([^?.!]*?))?\s*[?.!]*$", re.I)
# "How did the kids react when you brought the play kitchen home, and ...?"
_STATE_WHEN = re.compile(rf"^(?:is|are|was|were) ((?:the|your|our) [\w'-]+(?: (?!(?:{_ADVS})\b)[\w'-]+)?) (?:(?:{_ADVS}) )?"
                         r"[a-z]+ when (?:it|they) ([a-z]+)\b ?([^?.!]*?)\s*[?.!]*$", re.I)
_REACT_WHEN = re.compile(r"^how did ((?:the|your) [\w'-]+(?: [\w'-]+)?) (?:react|respond) when (you|we) "
                         r"((?:[a-z]+ed|brought|told|gave|took|showed|got|made|sent|put|left|came|went) [^?.!]+?)\s*[?.!]*$", re.I)
# "How much time do you save planning a holiday?"
_SAVE_DOING = re.compile(r"^how much (?:time|effort|money) (?:do|does|did|has|have|would) (?:you|it|that|"
                         r"(?:the|your|our) [\w'-]+(?: [\w'-]+)?) (?:save|saved|spend|"
                         r"spent)(?: you)? (?:on )?([a-z]+ing)\b ?([^?.!]*?)\s*[?.!]*$", re.I)
# "Is it normal for your team to work on Saturdays?"
_NORMAL_FOR = re.compile(rf"^is it (?:normal|common|usual|typical|unusual|rare|ok|okay) for {_SUBJ} to ([a-z]+)\b ?"
                         r"([^?.!]*?)\s*[?.!]*$", re.I)
# "If you had to move again tomorrow, what would ...": "again" says it happened before
_AGAIN = re.compile(r"^if you (?:had to|have to|were to|needed to) ([a-z]+)\b ?([^,?]*?) again\b[^,?]*,", re.I)
_UNITS = {"days", "hours", "times", "minutes", "weeks", "months", "years", "nights", "mornings", "evenings",
          "shifts", "sessions", "visits", "miles", "km", "kilometres", "people", "staff"}
_NO_VERB = {"do", "have", "be", "get", "make", "think", "feel", "find", "want", "need", "like", "know",
            "say", "mean", "prefer", "agree"}


def unfilled(text: str) -> str:
    """``text`` without spoken fillers ("um", "basically", "you know,", a leading "okay so")."""
    prev = None
    while prev != text:
        prev, text = text, _FILLERS.sub("", text).strip()
    return text


def _story(subject: str, verb: str, rest: str, follow: str = "What happened?", verb_ok: bool = False) -> str | None:
    """"Tell me about the last time <subject> <verb in the past> <rest>." or None."""
    from kit.guide.retell9 import _past_vp
    from kit.guide.words import lemma, tags

    verb = verb.lower()
    if verb_ok:
        rest = re.split(r"\s+(?:when|if|because|and|or|but|instead|rather|so)\b|,", rest)[0].strip()
        return f"Tell me about the last time {subject.lower()} {verb} {rest}. {follow}"
    if "VERB" not in tags(verb) or lemma(verb, "VERB") in _NO_VERB:
        return None
    rest = re.split(r"\s+(?:when|if|because|and|or|but|instead|rather|so)\b|,", rest)[0].strip()
    rest = re.sub(r"\b(?:more|less) (?:often|regularly|than before)\b|\bmore\b$|\bon time\b|"
                  r"\b(?:every|each|a|per) (?:day|week|month|year|time)\b|\bat the moment\b|\bonly\b|"
                  r"\bthese days\b|\bnowadays\b|\bright now\b|\bin general\b", " ", rest, flags=re.I)
    rest = " ".join(rest.split())
    vp = _past_vp(f"{lemma(verb, 'VERB')} {rest}".strip())
    if not vp:
        return None
    subject = re.sub(r"^(?:our|most|many|some)\b", "the", subject.lower()).strip()
    return f"Tell me about the last time {subject} {vp}. {follow}"


def candidates(question: str) -> list[str]:
    """Story rewrites in the question's own verb (see the module docstring); may be empty."""
    from kit.guide.lexicon import _expand

    full = unfilled(_expand(str(question)).strip())
    out = []
    # the asked part after a preamble clause ("Given how competitive our rates are, what would ...")
    tail = re.split(r"\s*[\u2014\u2013]\s*|\s+-\s+|(?<=[.!])\s+|,\s+(?=(?:so\s+)?(?:how|what|do|does|did|would|"
                    r"when|you)\b)", full)[-1]
    for text in dict.fromkeys([full, tail[:1].upper() + tail[1:]]):
        out += _built(text)
    return [c for c in dict.fromkeys(out) if c]


def _built(text: str) -> list[str | None]:
    from kit.guide.words import lemma

    out = []
    m = _DO_THEY.match(text)
    if m and m.group(1).lower() not in {"it", "that", "this", "there", "they"}:
        out.append(_story(m.group(1), m.group(2), m.group(3)))
        if m.group(2).lower() == "have" and re.match(r"^(?:the |your |their )?[\w'-]+ [a-z]+ed\b", m.group(3)):
            # "have parcels delivered home": a thing had done, "the last time you had parcels delivered home"
            out.append(_story(m.group(1), "had", m.group(3), verb_ok=True))
    m = _HOW_LONG_DID.match(text)
    if m and m.group(3):  # "How long did the battery last before it stopped again?"
        out.append(_story(re.sub(r"^our\b", "the", m.group(1)), m.group(3), m.group(4) or ""))
    elif m:  # "How long did your claim take?" -> "Tell me about your claim. What happened?"
        thing = re.sub(r"^our\b", "the", m.group(1).lower())
        out.append(f"Tell me about {thing}. What happened?")
    m = _STATE_WHEN.match(text)
    if m:  # "Is the food always hot when it arrives?" -> "Tell me about the last time the food arrived."
        out.append(_story(re.sub(r"^our\b", "the", m.group(1).lower()), m.group(2), m.group(3)))
    m = _REACT_WHEN.match(text)
    if m:  # "How did the kids react when you brought the play kitchen home?": the episode, then the reaction
        clause = re.split(r"\s+(?:and|but|or|because)\b|,", m.group(3))[0].strip()
        out.append(f"Tell me about the time {m.group(2).lower()} {clause}. How did {m.group(1).lower()} react?")
    m = _SAVE_DOING.match(text)
    if m:  # "How much time do you save planning a holiday?" -> "... the last time you planned a holiday"
        out.append(_story("you", m.group(1)[:-3], m.group(2)) or _story("you", lemma(m.group(1).lower(), "VERB"),
                                                                       m.group(2)))
    m = _NORMAL_FOR.match(text)
    if m:  # "Is it normal for your team to work on Saturdays?" -> "... your team worked on Saturdays"
        out.append(_story(m.group(1), m.group(2), m.group(3)))
    m = _AGAIN.match(text)
    if m:  # "If you had to move again tomorrow, what would you do differently?": it happened before
        out.append(_story("you", m.group(1), m.group(2)))
    m = _HOW_MANY.match(text)
    if m:
        thing = (m.group(1) or "").lower()
        rest = m.group(4)
        if thing and thing.split()[0] not in _UNITS and "per" not in rest.split() and \
                text.lower().startswith(("how many", "how much")):
            out.append(_story(m.group(2), m.group(3), f"{rest} {thing}" if rest.split()[:1] in (["in"], ["out"])
                              else f"{thing} {rest}"))
        out.append(_story(m.group(2), m.group(3), rest if not thing or thing.split()[0] in _UNITS else ""))
    m = _MAKE_YOU.match(text)
    if m and not re.search(r"\b(?:stop|prevent|keep)\b", text, re.I):
        subj = "you" if m.group(1).lower() == "you" else m.group(1).lower()
        out.append(_story(subj, m.group(2), m.group(3)))
    m = _GERUND_BEEN.match(text)
    if m:
        out.append(_story("you", m.group(1)[:-3] if m.group(1).lower() != "being" else "", m.group(2)))
        from kit.guide.words import lemma
        out.append(_story("you", lemma(m.group(1).lower(), "VERB"), m.group(2)))
    m = _NOTICE.match(text)
    if m:
        out.append(_story(re.sub(r"^our\b", "the", m.group(1)), m.group(2), m.group(3)))
    m = _TAG_STATEMENT.match(text)
    if m:
        out.append(_story(m.group(1).lower(), m.group(2), m.group(3)))
    return out
