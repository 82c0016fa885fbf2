"""Session 12 (after blind-linter-22 to -27 were released): kinds the independent authors flag
and the earlier rounds read only in some of their phrasings, each found from the shape of the
question rather than its words.

- :func:`other_coordinator`: a pair joined by a coordinator other than "and" -- "as well as",
  "vs" / "versus", "+", "&" ("Tell me about the report you sent, as well as the feedback you
  got", "how often do you order in on weeknights vs weekends") -- is read as the same pair
  joined by "and", and is double-barreled when that pair is (every earlier round's exceptions
  included). A comparison "as well as" after a verb ("it went as well as I hoped") is not a pair.
- :func:`paired_judgement`: "how <A> and <B>" where either adjective judges ("how quick and
  painless was ...", "how fast and easy is ...") is leading, as "how <A>" alone is.
- :func:`taken_benefit`: a benefit taken as given, the thing asked about the subject of a verb
  of benefit in the asked "how much" clause ("how much did the fuel reports save you", "how much
  revenue did the dynamic pricing add") or in a clause before the question ("with all the time
  the auto-scheduling saves, ...", "since auto-coding took the manual work off your plate, ...",
  "after the kill switch saved your launch, ...").
- :func:`ongoing_judgement`: the general case of something still going on -- a statement in the
  present tense turned into a question by a tag ("The booking tool is so slow, isn't it",
  "verification badges make everyone feel safer, right?"), a negative yes/no question in the
  present ("Don't you find the new floor map much easier ...?"), the effect something has had
  over a period up to now ("how has it changed your routine?", "how much better have you been
  sleeping since ...?") and a present habit kept up ("do you still use the paper job sheets")
  -- is generalizing, by the settled convention for present-tense overall opinions.
"""
from __future__ import annotations

import re

from kit.guide.cues16 import with_flag

__all__ = ["imagined_change", "ongoing_judgement", "other_coordinator", "paired_judgement", "revise", "taken_benefit",
           "two_questions"]

# "as well as" after a verb (or "just / not / quite") compares how well something went
_MANNER_VERBS = {"go", "goes", "went", "gone", "going", "do", "does", "did", "done", "doing", "work", "works", "worked",
                 "working", "perform", "performs", "performed", "run", "runs", "ran", "sell", "sells", "sold", "just",
                 "not", "quite", "nearly", "almost", "turn", "turned", "play", "played", "cope", "coped", "fit", "fits",
                 "known", "know", "knew", "see", "saw", "hear", "heard", "sleep", "slept"}
# a time frame on either side of "vs": two occasions compared ("now vs before the migration", "on weeknights vs
# weekends", "while commuting vs at home" is a place, and "self checkout vs the normal till" two options)
_TIME_FRAME = re.compile(r"\b(?:now|then|before|after|since|today|yesterday|(?:this|last|next|that) (?:time|week|month|year|"
                         r"season|summer|winter|spring|autumn|quarter|term)|at the moment|these days|(?:week|weekend|"
                         r"weekday|week)(?:night)?s?|mornings?|evenings?|nights?|days?|weekends?|(?:in|during) (?:the )?"
                         r"(?:week|winter|summer|peak|season))\b", re.I)
_OTHER = re.compile(r"\s+as well as\s+|\s+(?:vs\.?|versus)\s+|\s+[+&]\s+", re.I)


def other_coordinator(raw: list[str]) -> str:
    """A pair joined by "as well as", "vs", "+" or "&" that is double-barreled read with
    "and": the double-barreled reason, or ``""``."""
    text = " ".join(raw)
    if not _OTHER.search(text):
        return ""
    pieces: list[str] = []
    pos = 0
    for m in _OTHER.finditer(text):
        before = re.findall(r"[\w']+", text[pos:m.start()].lower())
        if "as well" in m.group(0).lower() and before and before[-1] in _MANNER_VERBS:
            continue  # "it went as well as I hoped": a comparison, not a pair
        if re.match(r"\s+(?:vs|versus)", m.group(0), re.I) and not (
                _TIME_FRAME.search(" ".join(before[-3:])) or _TIME_FRAME.match(text[m.end():])):
            continue  # "selling online vs in the shop": two options compared in one ask
        pieces.append(text[pos:m.start()])
        pieces.append(" and ")
        pos = m.end()
    if not pieces:
        return ""
    read = "".join(pieces) + text[pos:]
    from kit.guide.lint import rules
    reason = rules(read)[2].get("double-barreled", "")
    if not reason:
        return ""
    word = _OTHER.search(text).group(0).strip().lower()
    return f"two asks joined by '{word}' ({reason})"


_YES_NO = r"(?:did|do|does|was|were|is|are|has|have|had|can|could)"
# "Did you get your laptop on day one, and was everything installed?": a second yes/no question after a full one
_SECOND_YES_NO = re.compile(r"^(?:so |ok |okay )?" + _YES_NO + r" (?:[\w'-]+ ){2,}?[\w'-]+, and " + _YES_NO +
                            r" (?:the|it|he|she|they|there|everything|anything|anyone|everyone|your|ur|you|u|that|this)\b",
                            re.I)
# "What did you think of the price, and of the state they left it in?": the same preposition taken up again
_SAME_PREP = re.compile(r"\b(of|about|with|for|on) (?:the|your|ur|their|his|her|its|how|what|when|where|a|an)\b[^,?]{1,80}, "
                        r"and (?:also )?\1 (?:the|your|ur|their|his|her|its|how|what|when|where|a|an)\b", re.I)
# "how did finance and ops each react", "which features do you and your ex each use": separate accounts
_EACH = re.compile(r"\b[\w-]+ and (?:your |ur |the |their |his |her )?[\w-]+ each (?!other\b|(?:week|day|month|year|time|"
                   r"morning|evening|night|season|term|shift|visit|one|of)s?\b)[a-z]+", re.I)


def two_questions(raw: list[str]) -> str:
    """A second yes/no question after a full one, the same preposition taken up again after ", and",
    or two parties' separate accounts ("X and Y each ..."): the double-barreled reason, or ``""``."""
    if not raw:
        return ""
    asked = raw[-1].strip()
    if _SECOND_YES_NO.match(asked):
        return "a second yes/no question after ', and'; ask one at a time"
    if (m := _SAME_PREP.search(asked)):
        return f"two things taken up by the same '{m.group(1).lower()}'; ask about each"
    if (m := _EACH.search(asked)) and not re.search(r"\bbetween\b", asked, re.I):
        return f"two separate accounts ('{m.group(0).lower()}'); ask about each in turn"
    return ""


def paired_judgement(raw: list[str]) -> str:
    """"how <A> and <B>" with a judging adjective among the pair: the leading reason, or ``""``."""
    from kit.guide.lexicon import _tokens
    from kit.guide.words import tags, valence

    for sent in raw:
        toks = [t.lower() for t in _tokens(sent)]
        for i, t in enumerate(toks[:-3]):
            if t != "how" or toks[i + 2] != "and":
                continue
            pair = (toks[i + 1], toks[i + 3])
            if set(toks[i + 4:i + 8]) & {"feel", "felt", "feeling", "feels"}:
                continue  # "how safe and comfortable did you feel": the person's own state
            if all(tags(w) & {"ADJ", "ADV"} for w in pair) and (w := next(
                    (w for w in pair if abs(valence(w)) >= 0.9 and "VERB" not in tags(w)), "")):
                return f"'how {pair[0]} and {pair[1]}' presupposes the answer ('{w}')"
    return ""


_BENEFIT_VERB = r"(?:save[sd]?|saving|add(?:s|ed)?|earn(?:s|ed)?|cut|cuts|ease[sd]?|free[sd]? up|spare[sd]?|took|takes|take)"
_SUBJECT = r"(?:the|our|your|this|that|these|those|its|their|[\w-]+)(?: [\w-]+){0,3}?"
# the asked "how much" clause with a thing as the subject of a verb of benefit
_HOW_MUCH = re.compile(r"\bhow much (?:[\w-]+ ){0,2}?(?:did|does|has|have|do) (?!you\b|u\b|we\b|i\b)" + _SUBJECT +
                       r" (?:help (?:you |u )?)?" + _BENEFIT_VERB + r"\b(?! (?:you|u) (?:to|from)\b)", re.I)
# a clause before the question taking the benefit as given (read on the text before the first comma)
_BEFORE = re.compile(r"^(?:so |and |but |ok |okay )?(?:with all the (?:[\w-]+ ){1,2}" + _SUBJECT + r" " + _BENEFIT_VERB +
                     r"\b|(?:since|after|now that|seeing as|given that) (?!you\b|u\b|we\b|i\b)" + _SUBJECT +
                     r" (?:has |have )?(?:saved|took|cut|freed up|eased|spared|added|earned)\b[^,?]*?(?:\b(?:off|from) "
                     r"(?:your|ur|the team's|their) plate|\byour\b|\bur\b|\bthe team\b))", re.I)


def taken_benefit(raw: list[str]) -> str:
    """A benefit of the thing asked about taken as given: the leading reason, or ``""``."""
    if not raw:
        return ""
    asked = raw[-1]
    if re.search(r"\b(?:if|would|could|imagine|suppose)\b", asked, re.I):
        return ""  # imagined: the hypothetical rules' business
    if (m := _HOW_MUCH.search(asked)):
        return f"'{m.group(0).lower()}' takes the benefit for granted"
    clause, comma, _ = asked.strip().partition(",")
    if comma and (m := _BEFORE.match(clause)):
        return f"'{clause.lower()}' takes the benefit for granted"
    return ""


_PRESENT_AUX = r"(?:does|do|is|are|has|have)"
# "when a card charge has no receipt, what does finance do", "when a contract hits 60 days from expiry
# what happens", "who gets the ping when ...": a when-clause in the present simple with a present-simple
# question is a habit (a generic condition), whoever its subject
_PAST_WORDS = r"(?:was|were|did|had|went|got|came|took|made|broke|ran|saw|said|told|left|fell|found|felt|kept|lost|" \
              r"paid|sent|sold|bought|brought|thought|caught|began|became|gave|knew|wrote|spoke)"
_PAST = r"(?![\w-]+ed\b|" + _PAST_WORDS + r"\b)"
_WHEN_PRESENT = r"(?:when|whenever|once|if ever) (?:(?:a|an|the|your|ur|our|their|someone|somebody|anyone|[\w-]+s) " \
                r"(?:[\w'-]+ ){0,4}?(?:[\w-]+s|has|is|are|goes|gets|does)|(?:you|they|we|people|[\w-]+s) " + _PAST + \
                r"[\w-]+)\b"
_WH_PRESENT = r"(?:what|who|how|where|which [\w-]+) (?:(?:" + _PRESENT_AUX + r") (?:[\w'-]+ ){1,3}?[\w-]+|happens|gets|" \
              r"does|takes|handles|deals|decides|sees|calls|checks|pays|picks|signs)\b"
_GENERIC_WHEN = re.compile(r"^(?:so |and |ok |okay )?(?:" + _WHEN_PRESENT + r"[^?.]*?,?\s+" + _WH_PRESENT + r"|" +
                           _WH_PRESENT + r"[^?.,]*?\s+" + _WHEN_PRESENT + r")", re.I)
_EXTENT = re.compile(r"^(?:so |and )?to what (?:extent|degree) (?:is|are|do|does|has|have) ", re.I)


def ongoing_judgement(raw: list[str]) -> str:
    """A habit asked through a present-tense when-clause ("what does finance do when a card charge
    has no receipt") or a degree of a present state ("to what extent is the film a problem for
    you"): the generalizing reason, or ``""``."""
    if not raw:
        return ""
    asked = raw[-1].strip()
    if re.search(r"\b(?:the last time|last (?:week|month|year|night|time)|yesterday|that day|that time|back then|"
                 r"would|could|might|will|going to)\b|'ll\b", " ".join(raw), re.I):
        return ""  # one occasion, or imagined or still to come
    if (m := _GENERIC_WHEN.search(asked)) and not re.search(r"\b" + _PAST_WORDS + r"\b",
                                                            m.group(0), re.I) and \
            not re.search(r"\b(?:decides?|know|remember|tell|ask|explain|understand|mean|depends?) when\b", m.group(0), re.I):
        return f"'{m.group(0).strip().lower()}' in the present asks what usually happens"
    if _EXTENT.match(asked):
        return "'to what extent' in the present asks for an overall judgement (the general case)"
    return ""


_IMPROVED = re.compile(r"\b(?:how|what) (?!you\b|u\b)(?:the |your |our |their |this |that )?(?:[\w-]+ ){1,3}?"
                       r"(?:could|would|might) (?:be (?:made [\w-]+er|made (?:more|less) [\w-]+|improved|better|done better)|"
                       r"(?:communicate|work|do) better|improve)\b", re.I)


def imagined_change(raw: list[str]) -> str:
    """"how the guidance notes could be made clearer", "how the council could communicate
    better": a change that has not happened: the hypothetical reason, or ``""``."""
    text = " ".join(raw)
    if (m := _IMPROVED.search(text)):
        return f"'{m.group(0).lower()}' asks about an imagined change"
    return ""


def revise(raw: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """Session 12's changes to the flags of a question (its sentences ``raw``)."""
    reasons = with_flag(reasons, "leading", raw, paired_judgement, taken_benefit, first=True)
    reasons = with_flag(reasons, "double-barreled", raw, other_coordinator, two_questions)
    reasons = with_flag(reasons, "hypothetical", raw, imagined_change)
    return with_flag(reasons, "generalizing", raw, ongoing_judgement)
