"""Session 18 (the `lint18` developer; docs/design.md "Eighteenth pass"): rules written from the GRAMMAR
of the kinds that the released sets 3 to 44 miss, not from their phrasings, read after cues22.

- :func:`asked_clause` finds the clause a question asks: the asked sentence without its fillers, a
  preamble ended by a dash, a colon or a comma before a question word ("Sure the fee is steep, how do
  you ...") and an agreement tag after the claim ("..., isn't it?", "..., right?", "..., wouldn't you
  agree?"); "don't you think / find X ..." asks X.
- :func:`tense` reads the finite verb of that clause: a question word, a subject or nothing before it;
  ``present`` (simple, copula, progressive or perfect), ``past``, ``modal`` or ``""``.
- The tense alone does not decide: an asked clause in the present with no occasion (measured as one rule,
  "present_general") fired on 76 generalizing misses of sets 3..44 and on 97 questions their authors did not
  label generalizing (agreement tags, "don't you think", counts, states, pitches with "what do you think"), so it
  is not shipped; its narrower kinds are, each measured on its own (docs/design.md "Eighteenth pass"):
- :func:`effect_perfect` (generalizing): "how has X changed / helped / made ..." -- a question word, a present
  perfect and a thing's effect on the participant, with no occasion: the cumulative effect.
- :func:`you_declarative` (generalizing): "you prefer X or Y?", "you share it with ...?" -- a present statement
  about the participant asked with a question mark and no tag: a habit or preference.
- :func:`present_habit` (generalizing): "do you <dynamic verb> ...?", "which X do you <verb> ...?" in the present
  with no occasion ("at night" is any night; "that night", "the same day" one): a habit. Not a state ("have", "know", "need",
  "live", "work"), an opinion or liking (the rules of earlier rounds read those), a count ("how many"), nor what a
  business offers ("do you take bookings", "do you deliver on Sundays").
- :func:`judging_preamble` (leading): a declarative preamble in the present about a third party whose predicate
  carries a valence or is negated ("Sure the fee is robbery, how ...", "Dealers are often not honest - what ...").
- :func:`evaluative_superlative` (leading): "the most / -est <word> <thing>" whose superlative carries
  a valence (VADER: "most annoying", "worst", "best", "most stressful"), or whose head is a judging noun
  ("the biggest headache", "the biggest waste of time"), presupposes the judgement; a superlative without
  a valence ("the hardest part", "the most common", "the biggest challenge") does not. A settled convention
  reversed by the data: sets 3 to 14 label "the worst / most annoying thing about" not leading (21 items), sets
  15 to 44 (written under the ninth round's "a presupposed feeling is leading") leading (31 of 35).
- :func:`mass_article` (the rewrites' grammar check): "a" / "an" before a mass or collective noun heading its
  phrase ("dealt with a branch staff").
"""
from __future__ import annotations

from kit.guide.words import is_base_verb, is_past_verb, lemma, tags, valence, words

__all__ = ["asked_clause", "effect_perfect", "evaluative_superlative", "judging_preamble", "mass_article", "present_habit",
           "revise", "tense", "you_declarative"]

_FILLERS = {"so", "and", "ok", "okay", "well", "now", "right", "but", "um", "erm", "er", "uh", "like", "yeah",
            "honestly", "just", "then", "alright", "sure", "oh", "hey", "quick", "question", "also", "lastly",
            "finally", "first", "firstly", "next", "ngl", "lowkey", "tbh", "please", "kindly", "and", "see"}
_SEPARATORS = {"-", "\u2014", "\u2013", ":", ";", "."}
_WH = {"what", "how", "why", "who", "which", "where", "when", "whats", "hows", "whose", "whom"}
_MODALS = {"would", "could", "might", "should", "will", "can", "may", "wd", "shall", "must"}
_PRESENT_AUX = {"is", "are", "am", "do", "does", "has", "have", "'s", "'re", "'ve"}
_PAST_AUX = {"did", "was", "were", "had"}
_PRONOUNS = {"you", "u", "ya", "they", "we", "it", "he", "she", "i", "yall", "that", "this", "those", "these"}
_TAG_WORDS = {"right", "no", "yeah", "yes", "eh", "innit", "correct", "surely", "ok", "okay", "true", "yah", "na",
              "huh", "lah", "ne", "yea"}
# a specific occasion anywhere in the question: not the general case
_OCCASION = {"last", "ago", "yesterday", "recent", "recently", "once", "time", "times", "tonight", "today", "when",
             "whenever", "after", "before",
             "since", "during", "first", "then", "ever", "already", "remember", "recall", "story", "example",
             "moment", "occasion", "episode", "incident", "if", "imagine", "suppose", "wish", "ideal", "future",
             "next", "plan", "planning"}
_OPINION = {"think", "find", "feel", "reckon", "believe", "say", "agree"}


def _tokens(sentence: str) -> list[str]:
    return [t.lower() for t in words(sentence)]


def asked_clause(raw: list[str]) -> list[str]:
    """The tokens of the clause the question asks (see the module docstring), lower case."""
    sents = [s for s in raw if s.strip()]
    if not sents:
        return []
    toks = _tokens(next((s for s in reversed(sents) if "?" in s), sents[-1]))
    while toks and toks[-1] in {"?", "!", ".", "?!"}:
        toks = toks[:-1]
    # a tag after the claim: "..., isn't it", "..., right", "..., wouldn't you agree", "..., no"
    if "," in toks:
        cut = len(toks) - 1 - toks[::-1].index(",")
        tail = toks[cut + 1:]
        if tail and (set(tail) <= _TAG_WORDS or (len(tail) <= 4 and "not" in tail and tail[0] in
                                                   _PRESENT_AUX | _PAST_AUX | _MODALS | {"do"})):
            toks = toks[:cut]
    # a preamble ended by a separator, or by a comma before a question word or an auxiliary
    for k in range(len(toks) - 1, 0, -1):
        t = toks[k - 1]
        if t in _SEPARATORS or (t == "," and (toks[k] in _WH or toks[k] in _PRESENT_AUX | _PAST_AUX | _MODALS | {
                "do", "does"}) and k >= 3):
            if len(toks) - k >= 2:
                toks = toks[k:]
            break
    while toks and (toks[0] in _FILLERS or toks[0] == ","):
        toks = toks[1:]
    # "don't you think / find / agree X ...": X is asked
    if len(toks) > 4 and toks[0] in {"do", "does"} and toks[1] == "not" and toks[2] == "you" and toks[3] in _OPINION:
        rest = toks[4:]
        return rest[1:] if rest[:1] == ["that"] else rest
    return toks


def _finite(toks: list[str]) -> tuple[str, int]:
    """The finite verb of a clause and its index (``("", -1)`` when none is read)."""
    for k, t in enumerate(toks[:7]):
        if t in _PRESENT_AUX | _PAST_AUX | _MODALS:
            return t, k
        if t in {",", "?", "or", "and"}:
            return "", -1
        if k == 0 and (t in _WH or t in _PRONOUNS):
            continue
        prev = toks[k - 1] if k else ""
        if "VERB" in tags(t) and prev not in {"the", "a", "an", "your", "their", "our", "my", "his", "her", "its",
                                               "this", "that", "these", "those", "of", "to", "for", "most", "each"}:
            if k and prev in _PRONOUNS | {"people", "customers", "staff", "team"} and (
                    is_base_verb(t) or (t.endswith("s") and lemma(t, "VERB") != t)):
                return t, k
            if k == 1 and toks[0] in _WH and t.endswith("s") and lemma(t, "VERB") != t:
                return t, k  # "who signs off ...", "what motivates you ...": a subject question
            if is_past_verb(t) and "ADJ" not in tags(t):
                return t, k
    return "", -1


def tense(toks: list[str]) -> str:
    """``present``, ``past``, ``modal`` or ``""`` for the finite verb of ``toks``."""
    verb, _ = _finite(toks)
    if not verb:
        return ""
    if verb in _MODALS:
        return "modal"
    if verb in _PAST_AUX or (verb not in _PRESENT_AUX and is_past_verb(verb)):
        return "past"
    return "present"


_SUPERLATIVE_HEADS = {"part", "parts", "thing", "things", "bit", "bits", "aspect", "aspects", "moment", "moments",
                      "feature", "features", "step", "steps", "day", "days", "time", "times", "one", "about", "of",
                      "with", "in", "for", "when"}


# ranks of frequency, time and effort, not judgements: "the most recent", "the hardest part", "the most difficult"
_NOT_JUDGED = {"recent", "latest", "last", "first", "common", "likely", "important", "often", "frequent", "next",
               "least", "difficult", "challenging", "complicated", "complex", "time-consuming", "expensive", "popular"}


def _judging_noun(word: str) -> bool:
    from kit.guide.cues20 import _JUDGING_NOUNS

    return word in _JUDGING_NOUNS or lemma(word, "NOUN") in _JUDGING_NOUNS


def evaluative_superlative(raw: list[str]) -> str:
    """"the most <valenced word> / -est <thing>" presupposing a judgement (see the module docstring)."""
    toks = asked_clause(raw)
    for i, t in enumerate(toks[:-1]):
        if t not in {"the", "your", "ur"}:
            continue
        nxt = toks[i + 1]
        if nxt in {"most", "least"} and i + 2 < len(toks):
            word, head_at = toks[i + 2], i + 3
        elif nxt.endswith("est") or nxt in {"best", "worst"}:
            word, head_at = nxt, i + 2
        else:
            continue
        if word in _NOT_JUDGED or word.startswith(("trick", "tough", "hard", "eas", "simpl")):
            continue
        if not (nxt in {"most", "least", "best", "worst"} or lemma(nxt, "ADJ") != nxt):
            continue  # "the protest", "the rest": no superlative
        # the superlative is what the question asks for: "what / which is / was the ...", "which ... the most"
        if not (toks[0] in {"what", "which", "whats"} and set(toks[1:i]) & {"is", "was", "'s", "are", "were"}):
            continue
        head = toks[head_at] if head_at < len(toks) else ""
        judged = valence(word) != 0 or (word in {"biggest", "greatest", "main"} and _judging_noun(head))
        if judged and (not head or head in _SUPERLATIVE_HEADS or _judging_noun(head) or "NOUN" in tags(head)):
            return f"'the {' '.join(toks[i + 1:head_at + 1])}' presupposes the judgement for the participant"
    return ""




_EFFECT_VERBS = {"change", "help", "make", "affect", "improve", "cut", "save", "ease", "simplify", "shape", "keep",
                 "transform", "reduce", "impact", "alter", "influence", "benefit", "hurt", "shift", "speed"}
_PARTICIPANT = {"you", "u", "ya", "yall"}
_STATIVE = {"have", "got", "own", "know", "need", "want", "mean", "owe", "belong", "cost", "contain", "include",
            "remember", "recall", "understand", "agree", "mind", "think", "reckon", "believe", "see", "hear", "live",
            "work", "get", "be"}


_PERIODS = {"day", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend", "season", "shift"}


# what a business offers ("do you take bookings", "do you deliver on Sundays", "do you sell direct"): a service's
# terms, asked of the firm, not a person's habit
_OFFER = {"take", "sell", "offer", "deliver", "accept", "provide", "do", "rent", "run", "open", "ship", "supply", "charge",
          "stock", "cover", "serve", "hire", "employ"}


def _no_occasion(raw: list[str]) -> bool:
    """No specific occasion in the question: no occasion word, modal or past form, and no period named as one
    ("that night", "this week", "one morning"; "at night" is any night)."""
    toks = _tokens(" ".join(raw))
    every = set(toks)
    if any(t in _PERIODS and toks[i - 1] in {"that", "this", "one", "the", "yesterday", "same"} for i, t in enumerate(toks) if i):
        return False
    return not (every & (_OCCASION | _MODALS | _PAST_AUX) or any(
        is_past_verb(t) and "ADJ" not in tags(t) and t.endswith("ed") for t in every))


def effect_perfect(raw: list[str]) -> str:
    """"How has X changed / helped / made ..." -- a present perfect of a thing's effect, asked with a
    question word and no occasion: the cumulative effect, the general case."""
    toks = asked_clause(raw)
    if len(toks) < 4 or toks[0] not in _WH or not _no_occasion(raw):
        return ""
    verb, k = _finite(toks)
    if verb not in {"has", "have", "'s", "'ve"}:
        return ""
    rest = toks[k + 1:]
    for j, t in enumerate(rest[:6]):
        if t in _PARTICIPANT | {"i", "we"}:
            return ""  # "how have you used ...": the participant's acts, not a thing's effect
        if lemma(t, "VERB") in _EFFECT_VERBS and j:
            return f"'{' '.join(toks[:k + 2 + j])}' asks the cumulative effect: the general case, not one occasion"
    return ""


def you_declarative(raw: list[str]) -> str:
    """"You prefer X or Y?", "You share the list with ...?", "You are checking it daily?" -- a statement in
    the present about the participant asked with a question mark and no tag: their habit or preference."""
    sents = [s for s in raw if s.strip()]
    if not sents or "?" not in sents[-1] or not _no_occasion(raw):
        return ""
    toks = asked_clause(raw)
    full = [t for t in _tokens(sents[-1]) if t not in _FILLERS]
    if len(toks) < 3 or toks[0] not in _PARTICIPANT or full[-2:-1] == [","] or "not" in toks[:3]:
        return ""  # "you're buying there, right?" -- a tag asks for agreement, not a habit
    verb, k = _finite(toks)
    if k != 1 or verb in _MODALS | _PAST_AUX or verb in {"have", "'ve"} or lemma(verb, "VERB") in _STATIVE - {"get"}:
        return ""
    if verb in {"are", "'re"} and not (len(toks) > 2 and toks[2].endswith("ing")):
        return ""  # "you're still on spreadsheets": a state
    return f"'{' '.join(toks[:3])}' in the present asks for the participant's habit or preference"


def present_habit(raw: list[str]) -> str:
    """A present-simple question to the participant with a dynamic verb and no occasion: their habit."""
    return habit_yes_no(raw) or wh_habit(raw)


def habit_yes_no(raw: list[str]) -> str:
    """"Do you <dynamic verb> ...?" in the present with no occasion: the participant's habit."""
    toks = asked_clause(raw)
    if len(toks) < 3 or toks[0] not in {"do", "does"} or toks[1] not in _PARTICIPANT or not _no_occasion(raw):
        return ""
    rest = toks[2:]
    while rest and rest[0] in {"still", "usually", "ever", "also", "actually", "really", "both", "all"}:
        rest = rest[1:]
    if not rest or not is_base_verb(rest[0]) or lemma(rest[0], "VERB") in _STATIVE | _OFFER | {
            "feel", "find", "like", "prefer", "trust", "enjoy", "love"}:
        return ""
    return f"'{' '.join(toks[:3])}' in the present asks for a habit, not one occasion"


def wh_habit(raw: list[str]) -> str:
    """"What / which <noun> do you <dynamic verb> ...?" in the present with no occasion ("how do you ..." is read by
    the rules of earlier rounds, which leave it alone after a preamble: a label conflict in questions_tune3)."""
    toks = asked_clause(raw)
    if len(toks) < 4 or toks[0] not in {"what", "which", "who", "where"} or not _no_occasion(raw):
        return ""
    if toks[1] in {"many", "much", "long", "old", "likely", "often"}:
        return ""
    verb, k = _finite(toks)
    if verb not in {"do", "does"} or k + 2 >= len(toks) or toks[k + 1] not in _PARTICIPANT:
        return ""
    main = toks[k + 2]
    if not is_base_verb(main) or lemma(main, "VERB") in _STATIVE | _OFFER | {"feel", "find", "like", "prefer", "mean", "call",
                                                                              "make"}:
        return ""
    return f"'{' '.join(toks[:k + 3])}' in the present asks for the usual way, not one occasion"


def opinion_after_preamble(raw: list[str]) -> str:
    """"<claim> - what do you think of it?", "Sure X is Y, how do you feel about it?": a present opinion asked
    after a preamble (the rules read the opinion when it stands alone)."""
    toks = asked_clause(raw)
    full = _tokens(" ".join(raw))
    if len(toks) < 4 or len(full) <= len(toks) + 2 or not _no_occasion(raw):
        return ""
    if toks[0] not in {"what", "how"} or toks[1] not in {"do", "does"} or toks[2] not in _PARTICIPANT:
        return ""
    if lemma(toks[3], "VERB") not in {"think", "feel", "find", "make", "reckon"}:
        return ""
    return f"'{' '.join(toks[:4])}' in the present asks for a general opinion"


_SELF = {"i", "we", "me", "us", "my", "our"}
_THIRD = {"the", "they", "their", "them", "he", "she", "his", "her", "it", "its", "those", "these", "most", "many",
          "some", "all", "every", "everyone", "everybody", "people", "nobody", "no"}


def judging_preamble(raw: list[str]) -> str:
    """A preamble that asserts a judgement before the question ("Sure the fee is robbery, how do you feel about
    it?", "Dealers are often not honest - what happened with yours?"): a declarative clause in the present whose
    subject is a third party (not "I" or "we": the kit's pitch rules read those) and whose predicate carries a
    valence (VADER) or is negated, ended by a sentence end, a dash or a comma before the question word."""
    sents = [s for s in raw if s.strip()]
    if not sents:
        return ""
    whole = _tokens(" ".join(sents))
    asked = asked_clause(raw)
    if len(asked) < 3 or len(whole) < len(asked) + 4:
        return ""
    start = next((i for i in range(len(whole) - len(asked), -1, -1) if whole[i:i + len(asked)] == asked), 0)
    pre = whole[:start]
    while pre and pre[-1] in _SEPARATORS | {",", "so", "and", "but", "?", "!"}:
        pre = pre[:-1]
    while pre and pre[0] in _FILLERS | {","}:
        pre = pre[1:]
    if len(pre) < 3 or pre[0] in _WH or pre[0] in _PRESENT_AUX | _PAST_AUX | _MODALS or "?" in pre:
        return ""
    if set(pre) & (_SELF | {"if", "when", "thanks", "thank", "welcome", "sorry", "wrong", "answers", "please", "being"}):
        return ""
    verb, k = _finite(pre)
    if k < 1 or verb in _PAST_AUX | _MODALS or is_past_verb(verb) or not set(pre[:k]) & _THIRD | {
            w for w in pre[:k] if "NOUN" in tags(w)}:
        return ""
    predicate = [w for w in pre[k + 1:] if w not in {"often", "always", "usually", "really", "just", "so", "very"}]
    judged = [w for w in predicate if abs(valence(w)) >= 1.5 or _judging_noun(w)]
    if judged or (predicate[:1] == ["not"] and len(predicate) > 1):
        what = judged[0] if judged else "not " + predicate[1]
        return f"the preamble asserts a judgement ('{what}') before the question"
    return ""


def revise(raw: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """The rules' reasons with this pass's kinds added (never a flag removed)."""
    if "leading" not in reasons and (why := evaluative_superlative(raw) or judging_preamble(raw)):
        reasons = {"leading": why, **reasons}
    if "generalizing" not in reasons and "hypothetical" not in reasons and \
            (why := effect_perfect(raw) or you_declarative(raw) or present_habit(raw)):
        reasons = {**reasons, "generalizing": why}
    return reasons


# collective and mass nouns whose lexicon entry also lists a count plural ("staffs", "equipments"); a noun whose only
# plural is itself ("furniture", "luggage", "paperwork") is read from lemminflect's lexicon
_MASS = {"staff", "equipment", "information", "advice", "feedback", "software", "hardware", "machinery", "stuff",
         "personnel", "furniture", "luggage", "baggage", "paperwork", "homework", "research", "knowledge", "news"}


def _mass_noun(word: str) -> bool:
    w = word.lower()
    if w in _MASS:
        return True
    import lemminflect

    forms = lemminflect.getAllInflections(w, upos="NOUN")
    return forms.get("NNS") == (w,) and forms.get("NN") == (w,) and not w.endswith("s")


def mass_article(text: str) -> str:
    """"a" / "an" before a mass or collective noun as the head of its phrase ("dealt with a branch staff",
    "an equipment"), or ``""``; "a staff member", "a software update" (the noun modifies another) are fine."""
    toks = words(str(text))
    for i, t in enumerate(toks):
        if t not in {"a", "an"}:
            continue
        for j in range(i + 1, min(i + 4, len(toks))):
            w = toks[j]
            if not w[:1].isalpha():
                break
            nxt = toks[j + 1] if j + 1 < len(toks) else ""
            if _mass_noun(w) and not (nxt[:1].isalpha() and "NOUN" in tags(nxt) and not tags(nxt) & {
                    "PREP", "DET", "AUX", "CONJ", "PRON", "WH"}):
                return f"'{' '.join(toks[i:j + 1])}': 'a' before a mass noun"
            if "NOUN" not in tags(w) and "ADJ" not in tags(w):
                break
    return ""
