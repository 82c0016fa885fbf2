"""Session 17 (the `lint17` developer; docs/design.md "Seventeenth pass"): kinds of leading and
generalizing questions the released sets 3 to 42 missed, found by clause structure and read after cues21.

- :func:`past_worst` (leading): "What was the worst / most <negative> part / thing / bit of X" asks a
  past occasion through a judgement the participant did not give; the present one ("What's the worst
  thing about ...") stays generalizing only, as the conventions say.
- :func:`present_judgement` (generalizing): a yes/no question in the present ("is / are / do / does")
  whose predicate is a judgement -- an adjective or adverb of judgement, alone or in a pair ("fast and
  easy", "too hard or too easy"), or a verb of trust or liking -- about something ongoing asks for the
  general case ("Is the ferry timetable reliable and clear?", "Do you trust the readings on the
  gauge?"); not a question about a past occasion, a modal, a condition, "is there", "is it that ...".
- :func:`present_walkthrough` (generalizing): a request for a process ("tell me / help me understand /
  share / describe / explain how ...") whose "how" clause is in the present ("Help me understand how you
  restock the bar", "Tell me how the samples get labelled") asks for the usual way, not one occasion;
  one in the past ("how you restocked it on Friday") or with a modal ("how you'd want it to go") is not,
  nor "walk me through how you ..." (one process by the conventions: a settled label conflict).
- :func:`preposed_when` (generalizing): a present "when / whenever" clause before a present-simple
  "what / how do you ..." ("When a tenant calls after hours, what do you do?") holds whenever it
  happens.
- :func:`two_details` (double-barreled): a request for the participant's own details that coordinates
  two noun phrases ("What's your postcode and phone number?", "your member number and best phone
  number, e.g. ...") asks two things (newcomer session 16 F11).
- Rewrites (newcomer session 16 F7, F11): :func:`plan_question` asks a plan ("Do you plan to keep banking
  with us next year?") as the guide's own future kind ("What, if anything, are you already doing about
  keeping banking with us?"), never as "the last time you planned to ..."; :func:`feature_story` tells a
  feature offered only in a condition ("Would you use X in our app if we added it?") as the last time the
  participant needed something like it, never as a use of it; :func:`unscaled` leaves a rating scale, a
  number or a range out of what a rewrite may take for its topic ("on a scale of 1-10").
"What went wrong with X?" and "What usually goes wrong ...?" are not made leading: the project's own sets and the
pinned questions label them not leading (tried: 7 false flags on questions_dev, holdout3, holdout5, tune3, blind2).
"Over the years, how has ... changed?" stays a change, not the general case (a settled disagreement, docs/design.md
"Left as disagreements", session 13).
"""
from __future__ import annotations

import re

from kit.guide.words import is_base_verb, is_past_verb, lemma, tags, valence, words

__all__ = ["past_worst", "present_walkthrough", "preposed_when", "present_judgement", "revise", "two_details",
           "plan_question", "feature_story", "unscaled"]

_FILLERS = {"so", "and", "ok", "okay", "well", "now", "right", "but", "um", "erm", "er", "uh", "like", "yeah",
            "honestly", "just", "then", "alright", ",", "-", "\u2014", "\u2013", ":"}
_MODALS = {"would", "could", "might", "should", "will", "can", "may", "wd", "'d", "'ll"}
_HABIT = {"usually", "typically", "generally", "normally", "often", "always", "commonly", "mostly", "tend", "tends"}
_PAST_WORDS = {"did", "was", "were", "had", "last", "ago", "yesterday", "first", "once", "that", "then"}
_PUNCT = {",", ".", "?", "!", ";", ":", "-", "\u2014", "\u2013", "(", ")"}


def _asked(raw: list[str]) -> list[str]:
    """The tokens of the asked sentence (the last one with a question mark, else the last), lower
    case, its leading fillers dropped."""
    sents = [s for s in raw if s.strip()]
    if not sents:
        return []
    asked = next((s for s in reversed(sents) if "?" in s), sents[-1])
    toks = [t.lower() for t in words(asked)]
    while toks and toks[0] in _FILLERS:
        toks = toks[1:]
    return toks


def _clause(toks: list[str]) -> list[str]:
    """``toks`` up to the first punctuation or coordinated clause ("..., and who ...")."""
    out = []
    for t in toks:
        if t in _PUNCT:
            break
        out.append(t)
    return out


def _conditional(toks: list[str]) -> bool:
    return bool(set(toks) & (_MODALS | {"if", "imagine", "suppose", "wish"}))


def _negative_head(toks: list[str], i: int) -> bool:
    """``toks[i:]`` is "worst" or "most / biggest" + a negative word (VADER's valence below zero)."""
    w = toks[i]
    if w == "worst":
        return True
    return w in {"most", "biggest"} and i + 1 < len(toks) and valence(toks[i + 1]) <= -0.5


def past_worst(raw: list[str]) -> str:
    """"What was the worst / most annoying part of X" in the past (see the module docstring)."""
    toks = _clause(_asked(raw))
    if len(toks) < 5 or toks[0] != "what" or toks[1] not in {"was", "were"} or toks[2] != "the":
        return ""
    if not _negative_head(toks, 3):
        return ""
    rest = toks[4:8] if toks[3] == "worst" else toks[5:9]
    if rest[:1] and rest[0] in {"part", "parts", "thing", "things", "bit", "bits", "aspect", "moment"}:
        return f"'the {' '.join(toks[3:5 if toks[3] == 'worst' else 6])}' judges the occasion for the participant"
    return ""


_TRUST = {"trust", "like", "love", "enjoy", "hate", "rely", "mind", "prefer"}
# the subject: a determiner's noun phrase, "you" or "it" (not "there", "that", "this", a bare plural, nor "isn't
# it ...": a negative question, a tag's kind)
_JUDGED = {"the", "your", "our", "their", "its", "you", "u", "it"}


def present_judgement(raw: list[str]) -> str:
    """A present yes/no question whose predicate is a judgement (see the module docstring)."""
    toks = _clause(_asked(raw))
    if len(toks) < 3 or toks[0] not in {"is", "are", "do", "does"} or toks[1] not in _JUDGED or _conditional(toks):
        return ""
    if "or" in toks and "too" not in toks:
        return ""  # "Is your contract permanent or fixed-term?", "Is the bus reliable or not?": a pick, not a judgement
    if set(toks) & _PAST_WORDS or any(is_past_verb(t) and "ADJ" not in tags(t) for t in toks[2:]):
        return ""
    from kit.guide.cues9 import _judgement

    if toks[0] in {"do", "does"}:
        # "do you trust the readings", "does your team like the rota": a verb of trust or liking
        for k, t in enumerate(toks[2:5], 2):
            if toks[k + 1:] in (["it"], ["them"], ["this"], ["that"], []):
                continue  # "Do you like it?": a follow-up about the thing just told, not a judgement of a product
            if lemma(t, "VERB") in _TRUST and "VERB" in tags(t):
                return f"'{toks[0]} ... {t}' in the present judges the general case"
        return ""
    # "is / are" + a subject (a determiner and its noun, or a pronoun) + a judgement
    for k, t in enumerate(toks[2:], 2):
        if t in {"and", "or"}:
            break
        if _judgement(t) and ("ADJ" in tags(t) or "ADV" in tags(t)) and t not in {"available", "open", "ready", "able"} \
                and toks[k - 1] not in {"the", "a", "an", "your", "our", "their"}:
            return f"'{toks[0]} ... {t}' in the present judges the general case"
    return ""


_SUBJECTS = {"you", "u", "they", "we", "it", "he", "she"}


def preposed_when(raw: list[str]) -> str:
    """A present "when" clause before a present-simple "what / how do you" (see the module docstring)."""
    toks = _asked(raw)
    if toks[:1] == ["see"]:
        toks = toks[1:]  # spoken "See when ...": the same clause
    if not toks or toks[0] not in {"when", "whenever"} or "," not in toks or _conditional(toks):
        return ""
    comma = toks.index(",")
    when, main = toks[1:comma], toks[comma + 1:]
    if not when or set(when) & _PAST_WORDS or any(is_past_verb(t) and "ADJ" not in tags(t) for t in when):
        return ""
    if len(main) >= 3 and main[0] in {"what", "how", "who", "where"} and main[1] in {"do", "does"} and main[2] in _SUBJECTS:
        return f"'{toks[0]} ..., {' '.join(main[:3])} ...' holds whenever it happens: the general case"
    return ""


def two_details(raw: list[str]) -> str:
    """A request for two of the participant's own details (see the module docstring)."""
    from kit.guide.cues15 import identifier_request

    if not identifier_request(" ".join(raw)):
        return ""
    toks = _clause([t.lower() for t in words(" ".join(raw))])  # "..., e.g. 555-...": the splitter ends a sentence at "e.g."
    for j, t in enumerate(toks):
        if t != "and" or not 0 < j < len(toks) - 1 or "your" not in toks[max(0, j - 4):j]:
            continue
        nouns = [k for k in range(j + 1, min(j + 5, len(toks))) if "NOUN" in tags(toks[k])]
        if "NOUN" in tags(toks[j - 1]) and nouns:
            start = max(i for i in range(max(0, j - 4), j) if toks[i] == "your") + 1
            left, right = " ".join(toks[start:j]), " ".join(toks[j + 1:nouns[-1] + 1])
            return f"two personal details asked at once ('{left}' and '{right}')"
    return ""


# not "walk me through how you <present verb>": one process, not a habit, by the labelled sets and the pinned
# questions (docs/design.md, "Label conflicts, not chased", session 14)
_PROCESS_ASK = {("tell", "how"), ("understand", "how"), ("share", "how"), ("describe", "how"),
                ("explain", "how"), ("show", "how")}
_PRESENT_AUX = {"is", "are", "am", "do", "does", "get", "gets", "'s", "'re", "go", "goes"}
_PLURAL_SUBJECTS = {"you", "u", "they", "we", "ya", "yall"}


def _finite(clause: list[str]) -> tuple[str, int]:
    """The finite verb of a clause (its first verb or auxiliary after the subject) and its index."""
    for k, t in enumerate(clause):
        if k == 0 and t in {"you", "u", "they", "we", "it", "he", "she"}:
            continue
        if t in _PRESENT_AUX | {"was", "were", "did", "had", "has", "have"} | _MODALS:
            return t, k
        if k and "VERB" in tags(t) and clause[k - 1] not in {"the", "a", "an", "your", "their", "our", "my"}:
            return t, k
    return "", -1


def _same_past(verb: str) -> bool:
    """A verb whose past is its base form ("put", "set", "cut", "read"): its tense is not shown."""
    from kit.guide.words import _lemma_api

    _, inflect = _lemma_api()
    return bool(inflect) and verb in (inflect(lemma(verb, "VERB"), "VBD") or ())


def present_walkthrough(raw: list[str]) -> str:
    """A request for a process told in the present (see the module docstring)."""
    toks = _clause(_asked(raw))
    for i in range(len(toks) - 2):
        if toks[i] != "how" or not any((a, b) in _PROCESS_ASK for a in toks[max(0, i - 3):i] for b in toks[i - 2:i + 1]):
            continue
        clause = toks[i + 1:]
        if set(clause) & (_PAST_WORDS | _MODALS | {"ago", "yesterday", "if", "recently", "most", "latest"}):
            return ""
        verb, k = _finite(clause)
        if not verb or verb in {"was", "were", "did", "had", "has", "have"} or verb in _MODALS:
            return ""
        subject = clause[:k]
        if verb in _PRESENT_AUX or (is_base_verb(verb) and subject and subject[-1] in _PLURAL_SUBJECTS) or \
                (verb.endswith("s") and lemma(verb, "VERB") != verb):
            if verb not in _PRESENT_AUX and (is_past_verb(verb) or _same_past(verb)):
                return ""  # "how you put it together": past or present, read as the occasion it may be
            return f"'{' '.join(toks[max(0, i - 3):i + 1])} {' '.join(clause[:min(k + 1, 4)])}' in the present asks for " \
                   "the usual way"
        return ""
    return ""


def revise(raw: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """The rules' reasons with this pass's leading and generalizing kinds added (never a flag removed)."""
    if "leading" not in reasons and (why := past_worst(raw)):
        reasons = {"leading": why, **reasons}
    if "generalizing" not in reasons and "hypothetical" not in reasons and \
            (why := present_judgement(raw) or present_walkthrough(raw) or preposed_when(raw)):
        reasons = {**reasons, "generalizing": why}
    if "double-barreled" not in reasons and (why := two_details(raw)):
        reasons = {**reasons, "double-barreled": why}
    return reasons


_SCALE = re.compile(r"[,;]?\s*\b(?:on|using|with)?\s*(?:a|the)\s+scale\s+(?:of|from)\s+\d+\s*(?:-|\u2013|to)\s*\d+"
                    r"(?:\s*,?\s*(?:where|with)\s+\d+[^?.!]*?(?=[?.!]|$))?|[,;]?\s*\b(?:from|between)\s+\d+\s+(?:to|and)\s+\d+\b"
                    r"|[,;]?\s*\bout\s+of\s+\d+\b|[,;]?\s*\b\d+\s*(?:-|\u2013|/)\s*\d+\b", re.I)


def unscaled(question: str) -> str:
    """``question`` without a rating scale, a number range or "out of 10" (never a topic), or ``""`` when
    it has none."""
    out = _SCALE.sub("", str(question))
    if out == str(question):
        return ""
    return re.sub(r"\s+([?.!,])", r"\1", " ".join(out.split()))


_PLAN = re.compile(r"^(?:(?:so|and|ok|okay|now),?\s+)?(?:do|are|will) (?:you|u) (?:plan|planning|intend|intending|"
                   r"going|expect|expecting|think you(?:'ll| will)) (?:on )?to ([^?.!]+?)\s*[?.!]*$", re.I)
_WHEN = re.compile(r"\s+(?:next|this coming|in the (?:next|coming)|over the next|within the next)\b.*$|\s+(?:soon|again|"
                   r"later|in future|in the future|anytime soon|any time soon)$", re.I)


def _gerund(verb: str) -> str:
    from kit.guide.words import _lemma_api

    _, inflect = _lemma_api()
    forms = inflect(verb.lower(), "VBG") if inflect else ()
    return forms[0] if forms else verb + "ing"


def plan_question(question: str) -> str:
    """A plan asked as the guide's future kind (see the module docstring), or ``""``."""
    m = _PLAN.match(" ".join(str(question).split()))
    if not m:
        return ""
    act = _WHEN.sub("", m.group(1)).strip(" ,")
    toks = act.split()
    if not toks or "VERB" not in tags(toks[0].lower()) or lemma(toks[0].lower(), "VERB") != toks[0].lower():
        return ""
    return f"What, if anything, are you already doing about {' '.join([_gerund(toks[0]), *toks[1:]])}?"


_OFFERED = re.compile(r"^(?:(?:so|and|ok|okay|now),?\s+)?(?:would|will|could|might) (?:you|u) (?:ever )?(?:use|try|pay for|"
                      r"sign up for|switch to|want|turn on|buy) (?!(?:it|them|this|that|one)\b)((?:a |an |the )?[\w'-]+(?: [\w'-]+){0,3}?)"
                      r"(?: (?:in|on|with|through|from|at) (?:our|the|your) [\w'-]+)?,? if (?:we|they|the bank|the app|it) "
                      r"(?:added|built|launched|offered|introduced|released|made|brought in|had|got|created|provided|"
                      r"started offering|put)\b[^?.!]*[?.!]*$", re.I)


def feature_story(question: str) -> str:
    """A feature offered only in a condition told as the last time the participant needed something like it
    (see the module docstring), or ``""``."""
    m = _OFFERED.match(" ".join(str(question).split()))
    if not m:
        return ""
    thing = re.sub(r"^the ", "a ", m.group(1))  # "the feature" does not exist yet: "a feature", "Zelle" as written
    return f"Tell me about the last time you needed something like {thing}. What did you do?"
