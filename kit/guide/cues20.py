"""Session 15 (after blind-linter-37 and -38 were released): leading and double-barreled questions the
earlier rounds read only in some of their phrasings, found from the clause structure (docs/design.md,
"Question linter", "Fifteenth pass").

- :func:`presupposed_problem`: a question word that takes the problems as given and asks for a list
  of them: "what all" + a problem ("what all issues you faced at the centre", "what all went wrong in
  the drill"; the Indian-English "what all" asks for every item of a list, so the list of problems is
  presupposed), or a question word over a plural problem noun with a past or perfect auxiliary ("What
  problems did the consultation period cause you?", "What issues have you had with ..."). Not a
  present "What problems are you facing ..." and not a plain "What went wrong?" (the independent
  authors label those both ways; docs/design.md "Labelling conventions").
- :func:`judging_phrase`: "such a" + an evaluative noun ("why was time entry such a pain", "such a
  hassle"), "why" over a comparison it takes as given ("Why do you think crypto is better than ..."),
  "is it not so that / isn't it true that" + a claim, and "how" + a hyphenated quality with its copula
  ("How nerve-wracking was ...").
- :func:`tagged_claim`: a statement before the ask closed by an agreement tag ("Insurance companies
  never pay out, abi? So what stopped you ...": the Nigerian-English "abi" and the other tags of
  :mod:`kit.guide.cues18`), which the session-13 rule reads only in the asked sentence.
- :func:`two_predicates`: two predicates of one subject coordinated inside a condition, a relative
  clause or a comparison ("Would you use the app more if downloads worked offline and were faster?",
  "if the app were cheaper and more reliable", "a tool that is quicker and easier than ..."): two
  conditions the participant may answer differently (double-barreled; session 14 newcomer F3). Not a
  fixed pair ("safe and sound"), "nice and quick", a single act with its manner, or two acts of one
  scenario ("if you could order by 10pm and have it on the doorstep by 7am", which the sets label as
  one thing): the second predicate must be a copula with a quality, or a quality after a first one.
"""
from __future__ import annotations

import re

from kit.guide import cues18
from kit.guide.cues16 import with_flag
from kit.guide.lexicon import FIXED_PAIRS, _sentences
from kit.guide.words import lemma, tags, valence, words

__all__ = ["condition_story", "judging_phrase", "presupposed_problem", "problem_story", "revise", "tagged_claim",
           "two_predicates"]

_PROBLEM = r"(?:problems?|issues?|pain ?points?|challenges?|difficult(?:y|ies)|troubles?|mistakes?|complaints?|" \
           r"headaches?|hassles?|glitch(?:es)?|errors?|delays?|hurdles?|obstacles?)"
_WHAT_ALL = re.compile(rf"\b(?:what|wat|wht) all (?:(?:the|kind of|kinds of|sort of|sorts of) )?(?:{_PROBLEM}|"
                       r"(?:things |stuff )?(?:went|goes|go|has gone|had gone) wrong)\b", re.I)
_WH_PROBLEMS = re.compile(rf"\b(?:what|which) (?:(?:kind of|kinds of|sort of|sorts of|other|main|specific) )?"
                          rf"{_PROBLEM} (?:did|have|has|had)\b(?! (?:you|u) (?:solved|fixed|avoided))", re.I)


def presupposed_problem(raw: list[str]) -> str:
    """A question word that takes the problems asked about as given: the leading reason, or ``""``."""
    text = " ".join(raw)
    if (m := _WHAT_ALL.search(text)) or (m := _WH_PROBLEMS.search(text)):
        return f"'{m.group(0).lower()}' takes the problems as given; ask what happened instead"
    return ""


_PROBLEM_THING = re.compile(r"\b(?:faced|had|hit|met|got|face|have|facing|having|went wrong|go wrong|goes wrong|wrong)\b,? "
                            r"(?:(?:at|with|in|during|on|from|for|about) )((?:the|your|ur|our|their|this|that|a|an) "
                            r"[^,.?!;]+?)(?=\s*(?:[,.?!;]|\band\b|\bwhen\b|\bplease\b|\bkindly\b|$))"
                            r"|\b(?:did|have|has|had) ((?:the|your|ur|our|their|this|that) [^,.?!;]+?) "
                            r"(?:cause|caused|give|given|create|created|bring|brought)\b", re.I)


def problem_story(question: str) -> str:
    """The rewrite of problems taken as given: the last time the participant dealt with the thing the
    problems were about ("what all issues you faced at the visa centre" -> "Tell me about the last time
    you dealt with the visa centre. What happened?"), or ``""``."""
    if not presupposed_problem([question]) or not (m := _PROBLEM_THING.search(question)):
        return ""
    thing = (m.group(1) or m.group(2)).strip()
    thing = re.sub(r"^ur\b", "your", thing, flags=re.I)
    return f"Tell me about the last time you dealt with {thing}. What happened?"


# nouns that judge what they name ("such a pain"); VADER's descriptive words ("pain", "hassle") included
_JUDGING_NOUNS = {"pain", "hassle", "faff", "drag", "nightmare", "mess", "headache", "chore", "joke", "scam",
                  "disaster", "shambles", "rip-off", "lottery", "struggle", "success", "relief", "treat", "bargain",
                  "godsend", "lifesaver", "gamechanger", "breeze", "joy", "waste", "letdown", "let-down", "palaver"}
_SUCH = re.compile(r"\bsuch an? ([a-z-]+)\b", re.I)
_WHY_COMPARED = re.compile(r"^(?:so,? |and |but )?why\b[^?]*\b(?:better|worse|cheaper|safer|easier|faster|nicer|"
                           r"more \w+|less \w+) than\b", re.I)
# negated: "Is it so that you had to pay first?" asks a plain fact (blind17, blind30 label it not leading)
_NOT_SO_THAT = re.compile(r"\b(?:is|was)(?:n't it| it not) (?:so|true|the case) that\b|\bis it not so\b", re.I)
_COPULA = {"was", "were", "is", "are"}
_MEASURE_PARTS = {"long", "term", "time", "year", "day", "week", "month", "old", "hour", "minute", "size", "scale",
                  "wide", "high", "full", "part", "self", "first", "last"}


def judging_phrase(raw: list[str]) -> str:
    """A judging phrase in the asked sentence (module docstring): the leading reason, or ``""``."""
    if not raw:
        return ""
    asked = raw[-1].strip()
    for m in _SUCH.finditer(asked):
        w = m.group(1).lower()
        if w in _JUDGING_NOUNS or ("NOUN" in tags(w) and "ADJ" not in tags(w) and abs(valence(w)) >= 1.5):
            return f"'{m.group(0).lower()}' judges the thing asked about"
    if (m := _WHY_COMPARED.match(asked)):
        return "'why' takes the comparison as given"
    if (m := _NOT_SO_THAT.search(asked)):
        return f"'{m.group(0).lower()}' asks the participant to agree with a claim"
    toks = words(asked)
    for i, t in enumerate(toks[:-2]):
        w = toks[i + 1]
        if t == "how" and (i == 0 or toks[i - 1] in {",", "so", "and", "but"}) and "-" in w.strip("-") and \
                toks[i + 2] in _COPULA and not set(w.split("-")) & _MEASURE_PARTS and \
                w.rsplit("-", 1)[1].endswith(("ing", "ed", "y", "ful", "ous", "ive", "ic", "able", "ible")):
            return f"'how {w}' asks how much of a quality there was, which presupposes it"
    return ""


_EXTRA_TAGS = {"abi", "abi na", "shey", "sha", "na", "ehn", "isn't it", "no be so", "innit", "eh", "right", "yeah",
               "yes", "no", "or not"}


def tagged_claim(raw: list[str]) -> str:
    """A statement before the ask closed by an agreement tag: the leading reason, or ``""``."""
    parts = [s for r in raw for s in _sentences(r)] if len(raw) == 1 else list(raw)
    for part in parts[:-1]:
        p = part.strip()
        if not p.endswith("?"):
            continue
        if (r := cues18.agreement_tag([p])):
            return r.replace("a statement", "a statement before the question")
        body, sep, tail = p.rstrip("?").rpartition(",")
        tail = tail.strip().lower()
        if sep and tail in _EXTRA_TAGS and cues18._body_is_statement(words(body)):
            return f"a statement before the question closed by '{tail}' asks the participant to agree"
    return ""


_CONDITION = re.compile(r"\b(?:if|unless|once|provided|as long as|so that)\b|\b(?:that|which|who)\b|\bthan\b", re.I)
_BE = {"was", "were", "is", "are", "be", "been", "being", "got", "get", "became", "become", "seemed", "felt", "looked"}
_NOT_QUALITY = {"the", "a", "an", "able", "going", "there", "not", "also", "then", "still", "already", "just",
                "your", "my", "our", "their", "his", "her", "its", "to", "in", "on", "at", "done", "used", "made"}
_NICE_AND = {"nice", "good", "lovely", "fine"}  # "nice and quick": one quality, intensified
_END = {",", "?", ".", "!", ";", ":", "would", "could", "will", "what", "how", "why", "do", "does", "did", "-",
        "\u2014", "\u2013", "or", "but"}


def _quality(w: str) -> bool:
    """An adjective or a comparative naming a quality (not a participle used as a verb)."""
    if w in _NOT_QUALITY or not w.isalpha():
        return False
    tg = tags(w)
    return "ADJ" in tg and not ("VERB" in tg and w.endswith(("ed", "ing")))


def _pairs(raw: list[str]):
    """Each ``(subject, first predicate, second predicate)`` (token lists) of two predicates of one
    subject coordinated inside a condition, relative clause or comparison."""
    for sent in raw:
        toks = [t.lower() for t in words(sent)]
        for m in _CONDITION.finditer(sent):
            start = len(words(sent[:m.start()]))
            if m.group(0).lower() in {"that", "which", "who"} and (start == 0 or not toks[start - 1].isalpha()):
                continue  # "Who's making ...": a question word, not a relative clause
            clause: list[str] = []
            for t in toks[start + 1:]:
                if t in _END:
                    break
                clause.append(t)
            for j, t in enumerate(clause):
                if t != "and" or j == 0 or j + 1 >= len(clause):
                    continue
                before, after = clause[:j], clause[j + 1:]
                k = 0
                while k < len(after) and after[k] in _GRADE:
                    k += 1
                second_be = after[0] in _BE and len(after) > 1
                q2 = after[1 + (after[1] in _GRADE)] if second_be and len(after) > 2 else \
                    (after[1] if second_be else after[k] if k < len(after) else "")
                state = second_be and q2.endswith("ed") and "VERB" in tags(q2) and q2 not in _NOT_QUALITY  # "was heated"
                if not (_quality(q2) or state) or (before and (before[-1], q2) in FIXED_PAIRS) or \
                        (before and before[-1] in _NICE_AND):
                    continue
                nxt = after[after.index(q2) + 1:after.index(q2) + 2]
                if nxt and "NOUN" in tags(nxt[0]) and not tags(nxt[0]) & {"ADJ", "ADV", "ADP"}:
                    continue  # "the creative and technical decisions": a pair before one noun
                # the first predicate: a quality after a copula ("were cheaper and faster") or a finite verb
                # of the clause's subject ("downloads worked offline and were faster")
                b = [w for w in before if w not in _GRADE | {"really", "very"}]
                be = next((i for i, w in enumerate(before) if w in _BE), None)
                verb = next((i for i, w in enumerate(before) if i > 0 and "VERB" in tags(w) and w.endswith("ed")), None)
                if bool(b) and _quality(b[-1]) and be is not None:
                    head = be
                elif second_be and verb is not None:
                    head = verb
                else:
                    continue
                subject = before[:head]
                if not subject and m.group(0).lower() in {"that", "which", "who"}:
                    subject = _np_before(toks[:start])
                yield subject, before[head:], after if second_be else ["be", *after]
                break


def _np_before(toks: list[str]) -> list[str]:
    """The noun phrase a relative clause is about ("a bank" of "switch to a bank that ...")."""
    for i in range(len(toks) - 1, -1, -1):
        if toks[i] in {"a", "an", "the", "your", "our", "their", "my", "his", "her", "its", "this", "that", "another"}:
            return toks[i:]
    return toks[-1:]


_GRADE = {"also", "much", "a", "bit", "lot", "way", "more", "less", "far"}


def two_predicates(raw: list[str]) -> str:
    """Two predicates of one subject coordinated inside a condition, relative clause or comparison:
    the double-barreled reason, or ``""``."""
    for subject, first, second in _pairs(raw):
        return (f"two conditions in one clause ('{' '.join(subject + first)}' and '{' '.join(second)}'); "
                "ask about each on its own")
    return ""


def _base(pred: list[str]) -> str:
    """A predicate with its verb in the base form ("worked offline" -> "work offline", "were faster" ->
    "be faster")."""
    head, rest = pred[0], pred[1:]
    verb = "be" if head in _BE else lemma(head, "VERB")
    return " ".join([verb, *rest])


def condition_story(question: str) -> str:
    """The rewrite of two conditions in one clause: the participant's last need of each, in the
    question's own words ("Would you use the app more if downloads worked offline and were faster?" ->
    "Tell me about the last time you needed downloads to work offline. What happened? Then ask
    separately: Tell me about the last time you needed downloads to be faster. What happened?"), or
    ``""``."""
    from kit.guide.lexicon import _sentences as sentences

    for subject, first, second in _pairs(sentences(question)):
        if not subject or subject[0] in {"you", "u", "i", "we"}:
            return ""
        thing = " ".join(subject)
        one = f"Tell me about the last time you needed {thing} to {_base(first)}. What happened?"
        two = f"Tell me about the last time you needed {thing} to {_base(second)}. What happened?"
        return f"{one} Then ask separately: {two}"
    return ""


def revise(raw: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """Session 15's changes to the flags of a question (its sentences ``raw``)."""
    reasons = with_flag(reasons, "leading", raw, presupposed_problem, judging_phrase, tagged_claim, first=True)
    return with_flag(reasons, "double-barreled", raw, two_predicates)
