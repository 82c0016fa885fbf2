"""Grammar-level rules of the question linter (used by :mod:`kit.guide`).

The rules look at the shape of a question, not at tuned phrasings. Each word gets its
possible parts of speech from a closed-class table (determiners, pronouns, prepositions,
auxiliaries, wh-words, spoken fillers) or, for open-class words, from the lexicon that ships
inside the ``lemminflect`` wheel (``getAllLemmas``: NOUN, VERB, ADJ, ADV); the evaluative
strength of a word is its valence in VADER's lexicon (the ``vader_lexicon.txt`` shipped in
the ``vaderSentiment`` wheel, Hutto & Gilbert 2014). Nothing is downloaded.

=================  =========================================================================
rule               fires on
=================  =========================================================================
coordination       two conjuncts of the same kind joined by *and* in the asked clause
(double-barreled)  (fillers such as "um", "you know" and commas inside the pair are skipped):
                   two noun phrases ("the price and the delivery"), two prepositional
                   phrases or purposes ("for budgeting and for reporting", "before and
                   after"), two predicative adjectives ("reliable and quick"), two verb
                   phrases ("price a job and chase the payment"), two time frames ("this
                   year and last year"), two occasions ("the last time you A and the last
                   time you B"), a second clause ("..., and how do you track them?").
                   Not: lexicalised binomials ("terms and conditions"), "between X and Y",
                   a pair of agents with a pronoun ("you and your partner"), a pair that
                   modifies one noun ("the housing and benefits team"), "and then",
                   coordination inside the description of one episode ("the last time you
                   bought bread and milk").
evaluation         praise or blame built into the question or its preamble (leading):
                   an evaluative adjective on the thing asked about ("our friendly staff"),
                   "how" + an evaluative adjective or adverb ("how badly", "how amazing"),
                   "how much" + a comparative ("how much easier"), an evaluative superlative
                   ("the best thing about", "the most annoying part"), a preamble in the
                   interviewer's voice that praises the thing or the effort behind it ("We
                   worked really hard on it."), "you must have ...".
irrealis           a question about something that does not exist (hypothetical): a
                   conditional or counterfactual modal ("would", "'d") in the asked clause
                   that is not reported speech ("what did you think would happen") nor a
                   request for a judgement ("would you say"); ideal-world and wish nouns
                   ("ideal", "dream", "perfect world", "magic wand"); "will you" + a
                   decision verb; scenario openers ("imagine", "suppose", "say we ...").
generalizing       a habitual or frequency question instead of a specific instance:
                   frequency adverbs and phrases ("usually", "typically", "in general",
                   "tend to"), "how often / how frequently / how regularly", "a typical /
                   an average / your usual / your normal" + noun. Not when the question is
                   anchored in one past episode ("last Tuesday, when the usual pharmacist
                   was away").
=================  =========================================================================

API: :func:`words`, :func:`tags`, :func:`valence`, :func:`double_barreled`,
:func:`leading`, :func:`hypothetical`, :func:`generalizing`. Each detector takes the list of
sentences of one question (strings) and returns a reason string, or ``""``.
"""
from __future__ import annotations

import re

from kit.guide.lexicon import FIXED_PAIRS
from kit.guide.words import (AUX, COORD, DETS, PERSONAL, PREPS, PRONOUNS, WH, _SEQUENCE,
    _SKIP_AFTER_AND, is_base_verb, is_past_verb, lemma, tags, valence, words)

__all__ = ["double_barreled", "generalizing", "hypothetical", "leading"]

# --------------------------------------------------------------------------------------
# Clauses
# --------------------------------------------------------------------------------------
def _question_parts(sentences: list[str]) -> tuple[list[list[str]], list[list[str]]]:
    """(asked clauses, preamble statements) as token lists. A sentence is asked when it
    ends with "?" or is a request ("tell me", "walk me through", "describe")."""
    asked, pre = [], []
    for s in sentences:
        toks = words(s)
        if not toks:
            continue
        if toks[-1] == "?" or _is_request(toks):
            asked.append(toks)
        else:
            pre.append(toks)
    if not asked and pre:
        asked, pre = [pre[-1]], pre[:-1]
    return asked, pre


_REQUEST_HEADS = {"tell", "walk", "describe", "talk", "take", "share", "explain", "run", "give",
                  "think", "recall", "remember", "imagine", "suppose", "picture", "paint"}

_DETERMINERS_BEFORE_NOUN = frozenset({"the", "a", "an", "this", "that", "these", "those", "your", "my", "our",
                                      "their", "his", "her", "its"})


def _is_request(toks: list[str]) -> bool:
    content = [t for t in toks if t not in {"so", "ok", "okay", "right", "now", "and", ",", "well",
                                            "please", "yeah", "alright"}]
    if not content:
        return False
    if content[0] in {"can", "could", "would", "will"} and len(content) > 2 and content[1] == "you":
        content = content[2:]
    return content[0] in _REQUEST_HEADS


def _head_index(toks: list[str]) -> int:
    for i, t in enumerate(toks):
        if t in WH or t in AUX or t in _REQUEST_HEADS:
            return i
    return 0


# --------------------------------------------------------------------------------------
# Double-barreled: coordination
# --------------------------------------------------------------------------------------
_EPISODE_NOUNS = {"time", "times", "day", "moment", "occasion", "visit", "week", "month", "year",
                  "shift", "trip", "order", "call", "appointment", "meeting", "lesson", "job",
                  "project", "interview", "night", "weekend", "session", "round"}
_EPISODE_FRAME = re.compile(
    r"\b(the|your|a|that|one) (last|first|most recent|recent|latest|previous)\b|"
    r"\ba (time|day|moment|case|situation|occasion) (when|where|that|you)\b|"
    r"\b(last|this|yesterday) (time|week|month|year|night|weekend|morning)\b")
_STOP_WORDS = {"?", ".", ",", "and", "or"}
_EPISODE_CLAUSE = re.compile(
    r"\b(the|your|a|that|one) (last|first|most recent|recent|latest|previous)\b|"
    r"\ba (time|day|moment|case|situation|occasion) (when|where|that|you)\b")
_TIME_WORDS = {"year", "month", "week", "term", "semester", "quarter", "season", "day", "time",
               "morning", "afternoon", "evening", "night", "weekend", "summer", "winter",
               "spring", "autumn"}


def _fixed_pairs() -> set:
    return FIXED_PAIRS


def _np_end(toks: list[str], j: int) -> int:
    """Index just past a noun phrase starting at j (determiners, adjectives, nouns)."""
    k = j
    n = len(toks)
    while k < n and toks[k] in DETS | {"last", "next", "first", "new", "old", "other"}:
        k += 1
    while k < n and (tags(toks[k]) & {"ADJ", "NOUN", "NUM"}) and not (tags(toks[k]) & {"AUX", "WH", "PREP", "CONJ", "PRON"}):
        k += 1
        if k < n and toks[k] == "'s":
            k += 1
    return k


def _conjuncts_kind(toks: list[str], i: int, j: int) -> str:
    """What a coordination at toks[i] joins: 'np', 'pp', 'adj', 'vp', 'clause' or ''."""
    prev, nxt = toks[i - 1], toks[j]
    tp, tn = tags(prev), tags(nxt)
    if i >= 2 and (toks[i - 2] in DETS or (toks[i - 2] in PREPS and prev.endswith("ing"))):
        tp = tp | {"NOUN"}  # "the parking", "for marking": a noun after a determiner or preposition
    if prev in {"in", "out", "up", "off", "down", "back", "over", "through", "on"} and i >= 2 and \
            tags(toks[i - 2]) & {"NOUN", "PRON"} and is_base_verb(nxt) and "you" in toks[:i]:
        return "vp"  # "book a patient in and chase their results": a particle ends the first verb phrase
    after = toks[j + 1] if j + 1 < len(toks) else "?"
    if nxt in WH:
        return "clause"
    if nxt in AUX and (after in PERSONAL or after in DETS or after == "there"):
        return "clause"
    if "PREP" in tp and "PREP" in tn:
        return "pp"  # "before and after"
    if nxt == "to" and "to" in toks[max(0, i - 5):i] and "VERB" in tags(after):
        return "pp"  # "to pay bills and to save": two purposes
    if "ADJ" in tn and after == "to" and any("ADJ" in tags(w) and toks[k + 1:k + 2] == ["to"]
                                             for k, w in enumerate(toks[:i])):
        return "adj"  # "easy to navigate and quick to load"
    if prev.endswith("ly") and nxt.endswith("ly") and "ADV" in tp and "ADV" in tn:
        return "adj"  # "how quickly and accurately"
    if "ADJ" in tp and "PREP" in tn and toks[:1] and toks[0] in AUX and prev not in PREPS:
        return "adj"  # "Was the parcel undamaged and on time?"
    if "PREP" in tn and nxt not in {"like", "than", "as", "of", "to"}:
        # "for budgeting and for reporting": the same role twice
        left = toks[:i]
        if any("PREP" in tags(w) for w in left[-6:]):
            return "pp"
        return ""
    if nxt in DETS or nxt in {"last", "next", "this", "first"}:
        if "NOUN" in tp or "ADJ" in tp or "NUM" in tp or prev in _TIME_WORDS:
            return "np"
        if "VERB" in tp and not tp & {"NOUN", "ADJ"}:
            return "vp-obj"  # "book a patient in and chase ..." handled by the verb check
        return ""
    if prev in {"well", "badly", "poorly"}:
        return ""
    if prev.endswith("ed") and "VERB" in tp and toks[:1] and toks[0] in AUX and (
            nxt in {"well", "badly", "poorly"} or ("ADJ" in tn and "NOUN" not in tn)):
        return "adj"  # "organised and well lit"
    if "ADJ" in tp and nxt in {"well", "badly", "poorly", "very", "really", "too"} and "VERB" in tags(after) | tags(lemma(after, "ADJ")):
        return "adj"  # "safe and well organised"
    if "ADJ" in tp and ("ADJ" in tn or nxt in {"well", "badly", "poorly"}) and not ("NOUN" in tn and after not in {"?", ",", "."}):
        return "adj"
    if "VERB" in tn and is_base_verb(nxt) and (after in DETS or after in PRONOUNS or "NOUN" in tags(after) or after in {"?", "."} or "ADJ" in tags(after)
                                                  or (after in PREPS and after not in {"of", "like", "than"})):
        # two verbs: "plan loads and schedule drivers", "recruit and train"
        if ("VERB" in tp or "NOUN" in tp or "PRON" in tp or "ADV" in tp) and not (
                i >= 3 and toks[i - 2] in DETS and "NOUN" in tags(after) and "NOUN" in tn
                and (toks[i - 3] in AUX | PREPS | WH or "VERB" not in tags(toks[i - 3]))):
            return "vp"  # not "the question and answer session": a noun after a determiner
    if is_past_verb(nxt) and (after in DETS or after in PRONOUNS or "NOUN" in tags(after)) and \
            any(is_past_verb(w) for w in toks[max(0, i - 6):i - 1]) and "you" in toks[:i]:
        return "vp"  # "how you applied for the permit and paid the fee"
    if "NOUN" in tp and ("NOUN" in tn or "ADJ" in tn):
        return "np"
    if "ADJ" in tp and "NOUN" in tn:
        return "np"
    return ""


_JUDGING = re.compile(r"\b(feel|felt|think|thought|find|found|opinion|view|views|satisfied|happy|"
                      r"rate|like|dislike|compare|impression|make of|take on|experience|reckon|"
                      r"how (is|was|were|are|is|has been)|how did .* go|works? for you|working for you)\b")


_PEOPLE = {"team", "teams", "staff", "coach", "physio", "mum", "dad", "mom", "partner", "family", "friend",
           "friends", "boss", "colleague", "colleagues", "people", "child", "children", "kids", "wife",
           "husband", "gp", "doctor", "doctors", "nurse", "nurses", "tutor", "tutors", "carer", "carers",
           "patient", "patients", "client", "clients", "parent", "parents", "student", "students", "pupils",
           "pupil", "head", "governors", "board", "neighbours", "neighbors", "sister", "brother", "son",
           "daughter", "agent", "landlord", "tenant", "officer", "vet", "dentist", "surgeon", "chef"}


def _person(noun: str) -> bool:
    """A noun for a person or a group of people: a short list, or an agent noun made from a
    verb ("manager", "teacher", "accountant", "physiotherapist")."""
    w = noun.lower()
    if w in _PEOPLE or lemma(w, "NOUN") in _PEOPLE:
        return True
    base = lemma(w, "NOUN")
    if base.endswith(("ist", "ian", "ee")) and len(base) > 5:
        return True
    for suffix in ("er", "or", "ant", "ent"):
        if base.endswith(suffix) and len(base) > len(suffix) + 3:
            stem = base[:-len(suffix)]
            if any("VERB" in tags(v) for v in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem)):
                return True
    return False


def _subject_pair(toks: list[str], i: int, j: int) -> bool:
    """A pair of agents with a pronoun: "you and your partner", "your sister and me"."""
    reflexive = {"yourself", "yourselves", "myself", "ourselves", "themselves", "himself", "herself"}
    return toks[i - 1] in PERSONAL | reflexive or toks[j] in PERSONAL | reflexive


_JOINT_VERBS = {"agree", "agreed", "meet", "met", "split", "share", "shared", "decide", "decided",
                "disagree", "disagreed", "argue", "argued", "work", "worked", "sort", "sorted",
                "collaborate", "collaborated", "divide", "divided", "compare", "compared", "get", "got",
                "talk", "talked", "communicate", "communicated", "coordinate", "coordinated"}


def _joint_agents(toks: list[str], start: int, k: int, j: int) -> bool:
    """Two people as the subject of one joint act: "How did your team and your manager agree
    on it" (a reciprocal verb), unlike "What did the vet and the nurse tell you" (two reports)."""
    if start <= 0 or toks[start - 1] not in AUX - {"is", "was", "are", "were", "am", "be", "been"}:
        return False
    if toks[k] in _TIME_WORDS or not any(_person(w) for w in toks[start:k + 1]):
        return False
    end = _np_end(toks, j)
    if not any(_person(w) for w in toks[j:end + 1]):
        return False
    verb = next((w for w in toks[end:end + 3] if "VERB" in tags(w)), "")
    return verb in _JOINT_VERBS or not verb


def _attribute_pair(toks: list[str], k: int, j: int) -> bool:
    """Two attributes of one thing: "the cost and timeline of the renovation", "the size and
    weight of the hearing aid" (a determiner, two nouns, then "of")."""
    start = k
    while start > 0 and "NOUN" in tags(toks[start - 1]) and toks[start - 1] not in DETS:
        start -= 1
    if start == 0 or toks[start - 1] not in DETS:
        return False
    end = _np_end(toks, j)
    return end < len(toks) and toks[end] == "of" and "NOUN" in tags(toks[k]) and "NOUN" in tags(toks[end - 1])


def _alternative_things(toks: list[str], h: int) -> str:
    """"What went wrong with the heater or the pump?": two things, each with its determiner,
    offered as alternatives in an open question (a closed "A or B?" is an offered choice)."""
    if not toks or toks[h] not in WH or toks[h] == "which":
        return ""
    fixed = _fixed_pairs()
    for i in range(h + 2, len(toks) - 2):
        if toks[i] != "or" or toks[i + 1] not in DETS - {"a", "an", "any", "some"}:
            continue
        prev, nxt = toks[i - 1], toks[max(_np_end(toks, i + 1) - 1, i + 2)]  # "the framing": a gerund
        k = i - 1
        while k > h and "NOUN" in tags(toks[k - 1]) and toks[k - 1] not in DETS:
            k -= 1
        nounish = "NOUN" in tags(prev) or (k < i - 1 and prev not in PREPS | AUX)  # "the foundation pour"
        if toks[k - 1] in DETS and nounish and ("NOUN" in tags(nxt) or nxt.endswith("ing")) and (prev, nxt) not in fixed \
                and not {"either", "whether", "between", ","} & set(toks[:i]):
            return f"two things asked about at once ('{prev}' or '{nxt}')"
    return ""


def _alternative_acts(toks: list[str], h: int) -> str:
    """"Have you ever switched providers or considered it?": two acts offered as one."""
    if not toks or toks[h] not in {"have", "has"}:
        return ""
    for i in range(h + 3, len(toks) - 1):
        nxt = toks[i + 1]
        if toks[i] == "or" and is_past_verb(nxt) and any(is_past_verb(w) for w in toks[h + 1:i]):
            return f"two actions joined by 'or' ('... or {nxt} ...')"
    return ""


def _np_pair_is_one_ask(toks: list[str], k: int, j: int) -> bool:
    """Two noun phrases joined at toks[k + 1] that still make one ask: one category ("invoices
    and receipts"), things done on one occasion, a paired modifier ("the question and answer
    session"), the people it was for, two people doing one joint act."""
    n, prev, nxt = len(toks), toks[k], toks[j]
    # a bare second noun lists one category ("invoices and receipts", "rent and
    # utilities") unless the question asks for a judgement of the pair
    marked = nxt in DETS or nxt in {"last", "next", "this", "first"} or prev in _TIME_WORDS
    judging = bool(_JUDGING.search(" ".join(toks)))
    if not marked and not judging and not _attribute_pair(toks, k, j):
        return True
    if not judging and not (prev in _TIME_WORDS or nxt in {"last", "next", "this"}) and \
            not _EPISODE_FRAME.match(" ".join(toks[j:j + 4])) and _EPISODE_ANCHOR.search(" ".join(toks)) \
            and not _attribute_pair(toks, k, j):
        return True  # two things bought or done on one occasion ("... last year")
    if not marked and j + 1 < n and "NOUN" in tags(toks[j + 1]) and toks[j + 1] not in _STOP_WORDS \
            and not _attribute_pair(toks, k, j):
        return True  # "the question and answer session": one noun with a paired modifier
    np_start = k
    while np_start > 0 and (toks[np_start - 1] in DETS or tags(toks[np_start - 1]) & {"ADJ"}):
        np_start -= 1
    if not judging and np_start > 0 and toks[np_start - 1] == "for" and _person(prev) and \
            any(_person(w) for w in toks[j:j + 3]):
        return True  # "for your son and his friends": the people it was for
    # a pair of agents before their verb: "How do your team and your manager agree"
    start = k
    while start > 0 and (tags(toks[start - 1]) & {"NOUN", "ADJ"} or toks[start - 1] in DETS) \
            and not tags(toks[start - 1]) & {"AUX", "WH", "PREP", "PRON"}:
        start -= 1
    end = _np_end(toks, j)
    if _joint_agents(toks, start, k, j):
        return True
    end = _np_end(toks, j)
    if nxt not in DETS and end - j >= 2 and "NOUN" in tags(toks[end - 1]) and end - j == 2 \
            and toks[j - 1] in COORD and prev not in _TIME_WORDS and not _attribute_pair(toks, k, j):
        left_det = toks[k - 1] if k >= 1 else ""
        if left_det in DETS or "ADJ" in tags(left_det):
            return True
    # a subject pair before its verb: "How did the build go" is fine, but
    # "How did the first week and the first month go?" asks about two periods
    return False


def _set_phrase_pair(toks: list[str], k: int, j: int) -> bool:
    """A conjunction that joins no two asks: a sequence ("and then"), a fixed pair ("terms and
    conditions"), a vague tail ("and so on"), "between/both/either ... and"."""
    n, prev, nxt, fixed = len(toks), toks[k], toks[j], _fixed_pairs()
    if nxt in _SEQUENCE or prev in {"then"} or (toks[j:j + 2] == ["what", "happened"] and (
            set(toks[j + 2:j + 4]) & {"next", "then", "after", "afterwards"} or _is_request(toks))):
        return True
    if (prev, nxt) in fixed or (lemma(prev, "NOUN"), lemma(nxt, "NOUN")) in fixed:
        return True
    if nxt in {"that", "so", "stuff", "things", "everything", "all", "whatnot", "more"} and (
            j + 1 >= n or toks[j + 1] in {"?", ".", ","}):
        return True  # "... and that?", "... and so on"
    window = toks[max(0, k - 8):k + 1]
    if {"between", "both", "either", "whether"} & set(window):
        return True
    return False


def double_barreled(sentences: list[str]) -> str:
    """Two asks joined in one question (see the module table)."""
    asked, _ = _question_parts(sentences)
    for toks in asked:
        if (alt := _alternative_things(toks, _head_index(toks)) or _alternative_acts(toks, _head_index(toks))):
            return alt
        n = len(toks)
        h = _head_index(toks)
        for i, t in enumerate(toks):
            if t not in COORD or i <= h or i + 1 >= n:
                continue
            j = i + 1
            while j < n and toks[j] in _SKIP_AFTER_AND | {","}:
                j += 1
            if j >= n or toks[j] in {"?", ".", "!"}:
                continue
            k = i - 1
            while k > 0 and toks[k] == ",":
                k -= 1
            prev, nxt = toks[k], toks[j]
            if _set_phrase_pair(toks, k, j):
                continue
            kind = _conjuncts_kind(toks[:k + 1] + toks[j:], k + 1, k + 1)
            left_region = toks[h:k + 1]
            if kind == "clause":
                if nxt in {"when", "where"} and prev in _EPISODE_NOUNS:
                    continue
                return f"'and {nxt}' adds a second question"
            if not kind:
                continue
            if kind in {"np", "vp-obj"} and _subject_pair(toks, k + 1, j):
                continue
            if kind == "np" and _np_pair_is_one_ask(toks, k, j):
                continue
            # inside one episode ("the last time you bought bread and milk"): one occasion
            frame = _EPISODE_CLAUSE.search(" ".join(left_region))
            if frame and not _EPISODE_FRAME.search(" ".join(toks[j:j + 4])):
                if kind in {"np", "adj"}:
                    continue
                if kind in {"vp", "vp-obj"} and not re.search(r"\bhow\b", " ".join(left_region)):
                    continue
            if kind == "vp-obj":
                continue
            # the asked clause must hold the pair, not a subordinate clause after it
            sub = [w for w in left_region[1:] if w in {"when", "if", "because", "while", "until",
                                                       "unless", "after", "since"}]
            if sub and kind in {"np", "adj"}:
                continue
            if kind == "vp":
                # the verb before "and" must sit in the asked clause after a subject/aux, and
                # the left conjunct must not be a list or the object of a preposition
                if not any(w in PERSONAL or w in AUX or w == "to" for w in left_region):
                    continue
                if (k >= 1 and toks[k - 1] == ",") or (prev.endswith("ing") and not nxt.endswith("ing")):
                    continue
                if k >= 1 and toks[k - 1] in _DETERMINERS_BEFORE_NOUN:
                    continue  # session 10: "the damp and mould form": after a determiner, a noun, not a verb
                return f"two actions joined by 'and' ('{prev}' ... and '{nxt} ...')"
            if kind == "adj":
                return f"two judgements joined by 'and' ('{prev}' and '{nxt}')"
            if kind == "pp":
                return f"two purposes or time frames joined by 'and' ('{prev}' and '{nxt} ...')"
            return f"two things asked about at once ('{prev}' and '{' '.join(toks[j:_np_end(toks, j) or j + 1])}')"
    return ""


# --------------------------------------------------------------------------------------
# Leading: evaluation and presupposition
# --------------------------------------------------------------------------------------
_MEASURE = {"long", "much", "many", "often", "far", "old", "soon", "big", "large", "small",
            "frequently", "regularly", "early", "late", "quickly", "fast", "well", "likely",
            "come", "so", "exactly", "else", "important", "sure", "confident", "different",
            "hard", "difficult", "do", "did", "does", "would", "could", "can", "is", "was",
            "are", "were", "has", "have", "had", "should", "will"}
_OWN = {"our", "we", "us"}
_EFFORT = re.compile(
    r"\b(we|i|our team)( have| had| are| were| really| just)* (worked|work|put|spent|invested|built|"
    r"designed|made|poured|tried|pushed|launched|redesigned|improved|created)\b.*\b(hard|effort|"
    r"months|weeks|years|heavily|love|care|lot|loads|so much|really|proud|best|effortless|easy|easier|"
    r"better|faster|simpler|work|hours|thought)\b|\b(we|i) (are|am|were|was|feel|felt) (really |so |very )?"
    r"(proud|excited|thrilled|delighted|pleased|happy)\b")
_PRIMING = re.compile(
    r"^(?:\w+ ){0,2}(most|many|lots of|a lot of|all|nearly all|almost all|plenty of|the majority of|"
    r"every|everyone|everybody|nobody|no one|other|our)\b(?: [\w'-]+){0,6} (say|says|said|tell|tells|told|"
    r"find|finds|found|think|thinks|love|loves|hate|hates|complain|complains|agree|agrees|prefer|"
    r"prefers|want|wants|struggle|struggles|rave|rate|rates|like|likes|enjoy|enjoys)\b")
_INTENSIFIERS = {"really", "so", "always", "truly", "extremely", "incredibly", "very",
                 "absolutely", "definitely", "super", "totally"}


_CLASSIFIERS = {"positive", "negative", "successful", "unsuccessful", "creative", "active", "natural",
                "strong", "weak", "special", "fresh", "happy", "sad"}
_DEFINITE = {"the", "this", "that", "these", "those", "your", "our", "its", "their"}


def _attributive(word: str) -> bool:
    """A word that can stand before a noun as a plain adjective or participle (not a
    comparative, not a noun used as a modifier: "welcome email")."""
    tg = tags(word)
    if word in {"best", "worst", "better", "worse"} or (word.endswith(("er", "est")) and lemma(word, "ADJ") != word):
        return False
    if "-" in word:
        return "ADJ" in tg
    if "ADJ" in tg and not ("NOUN" in tg and "VERB" in tg) and not ("VERB" in tg and not word.endswith(("ed", "ing"))):
        return True
    return "VERB" in tg and word.endswith(("ed", "ing")) and "NOUN" not in tg


def _adjectival(word: str) -> bool:
    """An adjective or a participle used as one ("disorganised", "disappointing"), or a negated
    adjective the tagger does not know ("unintuitive")."""
    tg = tags(word)
    if "ADJ" in tg or ("VERB" in tg and word.endswith(("ed", "ing"))):
        return True
    return any(word.startswith(p) and len(word) > len(p) + 3 and _adjectival(word[len(p):])
               for p in ("un", "dis", "non-", "non"))


_COPULA = {"is", "are", "was", "were", "gets", "got", "get", "seems", "seemed", "looks", "looked",
           "feels", "felt", "sounds", "sounded", "be", "been", "being", "remains", "stays"}
_ECHO = re.compile(r"\byou (mentioned|said|say|told|tell|wrote|described|describe|noted|raised|brought up|called|call)\b")


def _judging_clause(toks: list[str]) -> str:
    """A statement that judges the thing asked about: "The permit office is hopeless", "the
    room was brilliantly designed" (a copula, then an evaluative adjective or an evaluative
    adverb on a participle). Not an echo of the participant ("you said it was awful")."""
    if _ECHO.search(" ".join(toks)):
        return ""
    for i, t in enumerate(toks):
        if t not in _COPULA:
            continue
        k = i + 1
        while k < len(toks) and toks[k] in _INTENSIFIERS | {"just", "quite", "pretty", "a", "bit", "such",
                                                            "completely", "utterly", "far", "too"}:
            k += 1
        if k >= len(toks):
            break
        w = toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else ""
        if _evaluative(w, 1.2) and _adjectival(w):
            return w
        if w.endswith("ly") and _evaluative(w, 1.2) and nxt.endswith("ed") and "VERB" in tags(nxt):
            return f"{w} {nxt}"
    return ""


_CONDITION_OPENERS = frozenset({"if", "when", "once", "unless", "suppose", "supposing", "imagine", "whenever",
                                "after", "before", "until"})


def _event_condition(clause: list[str], word: str) -> bool:
    """Session 9: a condition or a time clause whose "judging" word is a passive participle
    ("If the extension was approved automatically, would you ...", "When the claim was
    rejected, what ..."): it sets up an event, it does not judge the thing."""
    return bool(clause) and clause[0] in _CONDITION_OPENERS and " " not in word and \
        word.endswith(("ed", "en")) and "VERB" in tags(word)


def _strong_judgement(toks: list[str], k: int) -> bool:
    """"the terrible parking": a strongly evaluative adjective (not a participle, not a
    feeling of a person: "the angry customer") on a thing, even inside an episode."""
    if k + 1 >= len(toks):
        return False
    adj, head = toks[k], toks[k + 1]
    return "ADJ" in tags(adj) and "VERB" not in tags(adj) and abs(valence(adj)) >= 2.0 and \
        ("NOUN" in tags(head) or head.endswith("ing")) and not _person(head)


def _pre_clause(toks: list[str]) -> list[str]:
    """The clause before the question in the same sentence: "The office is hopeless, so how
    did you ..." -> the tokens before the comma."""
    for j, t in enumerate(toks):
        if t != ",":
            continue
        k = j + 1
        while k < len(toks) and toks[k] in {"so", "and", "but", "then", "now", "well"}:
            k += 1
        if k < len(toks) and (toks[k] in WH or toks[k] in AUX):
            return toks[:j]
    return []


def _evaluative(word: str, threshold: float) -> bool:
    return abs(valence(word)) >= threshold


def _leading_at(toks: list[str], i: int, modal: bool) -> str:
    n = len(toks)
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < n else ""
    after = toks[i + 2] if i + 2 < n else ""
    # "how amazing", "how badly", "how much easier"
    if t == "how" and nxt and nxt not in _MEASURE:
        w = nxt
        if w in {"very", "really", "a", "so"} and after:
            w = after
        if w not in _MEASURE and _evaluative(w, 0.9) and (tags(w) & {"ADJ", "ADV"} or w.endswith(("ing", "ed"))):
            return f"'how {w}' presupposes the answer"
    if t == "how" and nxt == "much" and after in {"more", "less"} and i + 3 < n and not modal and \
            ("ADJ" in tags(toks[i + 3]) or toks[i + 3].endswith("ing")):
        return f"'how much {after} {toks[i + 3]}' presupposes the change"
    if t == "how" and nxt == "much" and after and not modal and \
            "ADJ" in tags(after) and (after.endswith("er") or after in {"better", "worse"}) and \
            lemma(after, "ADJ") != after:
        return f"'how much {after}' presupposes the change"
    # an evaluative adjective on the thing asked about: "our friendly staff"
    if t in _DEFINITE and nxt and "between" not in toks[max(0, i - 3):i] and (
            not _in_episode(toks, i) or (t == "the" and _strong_judgement(toks, i + 1))):
        k = i + 1
        while k < n and toks[k] in _INTENSIFIERS | {"new", "brand", "most"}:
            k += 1
        if k + 1 < n and _attributive(toks[k]):
            m = k + 1
            while m < n - 1 and (_attributive(toks[m]) or toks[m] in {"new", "little", "old", "big"}) \
                    and not (toks[m].endswith("ing") and not tags(toks[m + 1]) & {"NOUN", "ADJ"}):
                m += 1  # ("the terrible parking at ...": "parking" is the head)
            head = toks[m]
            # the interviewer praising their own thing ("our friendly staff") or a strong
            # judgement on "the" thing ("the fantastic guide"); the participant's own
            # things ("your creative work") are described, not praised
            threshold = 1.3 if t in _OWN else (2.0 if t in {"the", "this", "that", "these", "those"} else 99)
            if t in {"the", "this"} and toks[k].endswith("ed") and "VERB" in tags(toks[k]):
                threshold = 1.5  # "the improved collection" presupposes the improvement
            if _evaluative(toks[k], threshold) and ("NOUN" in tags(head) or head.endswith("ing")) \
                    and head not in {"?", ",", "."} \
                    and toks[k] not in _CLASSIFIERS:
                return f"'{t} {toks[k]} {head}' builds a judgement into the question"
    # superlative judgement: "the best thing about", "the most annoying part"
    if t in {"best", "greatest", "coolest", "nicest", "favourite", "favorite"} and i > 0 and (
            toks[i - 1] in {"like", "love", "enjoy", "liked", "loved", "enjoyed"} or
            (toks[i - 1] in {"the", "your", "our"} and nxt in {"thing", "things", "part", "parts", "feature",
                                                             "features", "aspect", "aspects", "bit", "about",
                                                             "benefit", "benefits"})) and not _in_episode(toks, i):
        return f"'{t}' presupposes a judgement"
    if t in {"most", "least"} and i > 0 and toks[i - 1] == "the" and nxt and _evaluative(nxt, 0.9) \
            and _adjectival(nxt) and not _in_episode(toks, i):
        return f"'{t} {nxt}' presupposes a judgement"
    if t in {"love", "loved", "enjoy", "enjoyed"} and i > 0 and toks[i - 1] in {"you", "they"} and \
            (nxt in {"most", "best", "about", "the"}) and \
            not _in_episode(toks, i):
        return f"'{t} {nxt}' presupposes the feeling"
    if t in {"so", "such"} and nxt and (_evaluative(nxt, 1.0) or (nxt == "a" and _evaluative(after, 1.0))) \
            and _adjectival(nxt if nxt != "a" else after) and not _in_episode(toks, i):
        return f"'{t} {nxt}' presupposes the judgement"
    if t == "must" and i > 0 and toks[i - 1] in {"you", "they"}:
        return "'you must ...' tells the participant what they felt"
    if t == "why" and re.search(r"\bwhy (do|did|does|would) (you|they|people)( \w+){0,2} (prefer|trust|"
                                r"choose|pick|like|love|recommend)\b.*\b(our|us)\b",
                                " ".join(toks[i:])):
        return "presupposes that the participant prefers it"
    return ""


def _preamble_leading(toks: list[str]) -> str:
    low = " ".join(toks)
    if _PRIMING.search(low):
        return "the preamble tells the participant what others think"
    if _EFFORT.search(low):
        return "the preamble tells the participant how much work went into it"
    own = bool(set(toks) & _OWN)
    if own:
        if any(_evaluative(w, 1.3) for w in toks) or set(toks) & _INTENSIFIERS or any(
                w.endswith("est") and "ADJ" in tags(w) and lemma(w, "ADJ") != w for w in toks):
            return "the preamble praises the thing asked about"
    if (w := _judging_clause(toks)):
        return f"the preamble judges the thing asked about ('{w}')"
    return ""


def leading(sentences: list[str]) -> str:
    """Praise or blame in the question or its preamble (see the module table)."""
    asked, pre = _question_parts(sentences)
    # the preamble speaks for the product: "Our tutors are really dedicated."
    for toks in pre:
        if (r := _preamble_leading(toks)):
            return r
    for toks in asked:
        low = " ".join(toks)
        if (w := _judging_clause(_pre_clause(toks))) and not _event_condition(_pre_clause(toks), w):
            return f"the clause before the question judges the thing asked about ('{w}')"
        if _EFFORT.search(low):
            return "the question tells the participant how much work went into it"
        m = re.search(r"\bwhy (is|are|was|were) .*\b(so|such a|such) (\w+)", low)
        if m and "ADJ" in tags(m.group(3)) and m.group(3) not in _MEASURE:
            return "'why ... so ...' presupposes the judgement"
        modal = bool(set(toks) & {"would", "will", "could", "might"})
        for i in range(len(toks)):
            if (r := _leading_at(toks, i, modal)):
                return r
    return ""


def _in_episode(toks: list[str], i: int) -> bool:
    """The word only describes the episode asked about ("the last time you felt great")."""
    before = toks[:i]
    return any(w in {"when", "whenever", "time", "times", "moment"} for w in before[1:]) and \
        bool(re.search(r"\b(the|a) (last |first )?(time|moment)\b|\bwhen(ever)? (you|they|it|we)\b",
                       " ".join(before)))


# --------------------------------------------------------------------------------------
# Hypothetical: irrealis
# --------------------------------------------------------------------------------------
_REPORTING = {"think", "thought", "say", "said", "tell", "told", "expect", "expected", "hope",
              "hoped", "know", "knew", "feel", "felt", "worry", "worried", "assume", "assumed",
              "decide", "decided", "promise", "promised", "believe", "believed", "guess", "guessed",
              "realise", "realised", "realize", "realized", "imagine", "imagined", "fear", "feared",
              "plan", "planned", "mean", "meant", "agree", "agreed", "suspect", "suspected", "wonder",
              "wondered", "was", "were"}
_REPORTING_ING = {"hoping", "expecting", "thinking", "wanting", "worrying", "planning", "assuming",
                  "wondering", "imagining", "afraid", "worried", "sure", "told"}
_REPORTING_PAST = {"thought", "said", "told", "expected", "hoped", "knew", "felt", "worried", "assumed",
                   "decided", "promised", "believed", "guessed", "realised", "realized", "imagined",
                   "feared", "planned", "meant", "agreed", "suspected", "wondered"}
_REQUEST_VERBS = {"go", "show", "give", "take", "tell", "walk", "share", "talk", "put"}
_JUDGEMENT = {"say", "describe", "rate", "call", "characterise", "characterize", "define", "explain",
              "mind", "agree", "summarise", "summarize", "tell", "walk", "share", "talk", "put",
              "score", "grade", "sum", "recommend_", "go", "show", "give", "take"}
_IDEAL = re.compile(r"\b(ideal|dream|perfect world|ideal world|magic wand|wave a wand|if you could|"
                    r"if you had|wish list|wishlist|in a perfect|utopia|no constraints|unlimited budget)\b")
_SCENARIO = {"imagine", "suppose", "supposing", "picture", "pretend", "hypothetically", "assume",
             "assuming", "envision"}
_DECISION = {"use", "buy", "pay", "try", "switch", "sign", "upgrade", "renew", "subscribe",
             "recommend", "cancel", "download", "install", "adopt", "order", "purchase", "join",
             "keep", "book", "choose", "be", "take", "come", "consider", "return", "stay", "leave"}


def hypothetical(sentences: list[str]) -> str:
    """A question about something that does not exist (see the module table)."""
    asked, pre = _question_parts(sentences)
    for toks in pre + asked:
        body = [t for t in toks if t not in {"so", "ok", "okay", ",", "right", "now", "and", "well"}]
        if body[:1] and body[0] in _SCENARIO:
            return f"'{body[0]}' asks about an imagined situation"
        if body[:3] in (["let", "us", "say"], ["let", "us", "imagine"], ["let", "us", "suppose"]) or \
                (body[:1] == ["say"] and len(body) > 2 and body[1] in {"we", "you", "there", "the", "your", "that"}
                 and body[2] not in {"more", "a", "something"}):
            return "'say ...' asks about an imagined situation"
    for toks in asked:
        low = " ".join(toks)
        if _IDEAL.search(low) and not re.search(r"\b(was|were|did) (your|the|it)\b.*\bideal\b", low):
            return f"'{_IDEAL.search(low).group(0)}' asks about an imagined ideal"
        n = len(toks)
        for i, t in enumerate(toks):
            if t in {"could", "might"} and i + 1 < n and toks[i + 1] in {"you", "we", "they", "it"} and \
                    re.search(r"\bif\b.*\b(were|was|had|could|\w+ed)\b", " ".join(toks[i:])):
                return f"'{t} {toks[i + 1]} ... if' asks about an imagined situation"
            if t not in {"would", "will"}:
                continue
            before = toks[:i]
            rest = toks[i + 1:]
            if not rest:
                continue
            neg = rest[:1] == ["not"]
            if neg:
                rest = rest[1:]
            # the first verb after the modal and its subject
            verb = next((w for w in rest[:5] if w not in DETS and w not in PRONOUNS and
                         "VERB" in tags(w) and w not in {"really", "actually", "still", "ever"}
                         and not ("NOUN" in tags(w) and rest.index(w) > 0 and rest[rest.index(w) - 1] in DETS)), "")
            vi = rest.index(verb) if verb in rest else -1
            polite = verb in _REQUEST_VERBS and vi >= 0 and rest[vi + 1:vi + 2] in (["me"], ["us"], ["it"])
            if (verb in _JUDGEMENT and verb not in _REQUEST_VERBS) or polite or \
                    rest[:2] in (["you", "say"], ["you", "describe"]) or \
                    re.match(r"(it )?(not )?be (fair|right|true|correct|accurate|safe) to say", " ".join(rest)):
                continue
            if before and before[-1] in {",", "you"} and not [w for w in rest if w not in {"you", "?", "it", "they"}]:
                continue  # a tag: "..., wouldn't you?"
            if (rest[:1] == ["you"] and len(rest) > 1 and rest[1] in {"like", "mind", "love"} and "to" in rest[2:4]) or \
                    (rest[:1] and rest[0] in {"like", "love"} and "to" in rest[1:3]):
                continue  # "would you like to add anything", "anything else you'd like to add"
            if before and before[-1] in {"i", "we"} and rest[:1] and rest[0] in {"like", "love"}:
                continue  # "we'd love to hear"
            if any(w in {"usually", "normally", "typically", "generally", "often", "always"} and
                   (k == 0 or rest[k - 1] not in {"more", "less", "as"}) for k, w in enumerate(rest[:4])):
                continue  # habitual "would" (not "would you order more often")
            if rest[:1] == ["have"] and t != "would":
                continue
            if re.match(r"(actually |really )?be (\w+ )?(important|valuable|useful|helpful|good|interesting|relevant|"
                        r"worth) (for us |for me )?to (know|understand|hear|add|share|mention|cover)", " ".join(rest)):
                continue  # "anything you think would be important for us to know"
            if re.search(r"\b(make sure|ensure|so that|in order that|check) \S+( \S+)?$", " ".join(before)):
                continue  # "to make sure they would work": a purpose
            if "that" in before and any(w in {"did", "was", "were", "had"} for w in before[:4]):
                continue  # "How did you check that the fix would work?": a past that-clause
            # reported speech or thought: "what did you think would happen"
            rep = [r for r in range(max(0, i - 5), i) if before[r] in _REPORTING or before[r] in _REPORTING_ING]
            if rep and (before[rep[-1]] in _REPORTING_PAST or
                        any(w in {"did", "was", "were", "had"} for w in before[max(0, rep[-1] - 3):rep[-1]])):
                continue
            if any(w in {"said", "told", "thought", "expected", "promised", "decided", "hoped", "worried"} for w in before):
                continue
            if t == "will":
                # "will you use/buy ...": a prediction; "will the payment go out": a fact
                subj = rest[0] if rest else ""
                if subj in {"you", "your"} and (verb in _DECISION or rest[1:3] == ["be", "using"] or
                                                (len(rest) > 2 and rest[1] == "be" and rest[2].endswith("ing"))):
                    return "'will you' asks for a prediction"
                continue
            return f"'{t} {' '.join(rest[:2])}' asks about something that does not exist yet"
    return ""


# --------------------------------------------------------------------------------------
# Generalizing: habits instead of an instance
# --------------------------------------------------------------------------------------
_HABIT_ADVERBS = {"usually", "normally", "typically", "generally", "commonly", "ordinarily",
                  "routinely", "regularly", "customarily", "habitually", "mostly", "always",
                  "often", "frequently", "ususally", "usualy", "normaly", "typicaly"}
_HABIT_PHRASES = re.compile(
    r"\b(in general|generally speaking|as a rule|on average|on the whole|most of the time|"
    r"by and large|tends? to|tended to|how (often|ofen|offten|frequently|regularly|many times a)|"
    r"(a|an|your|our|the) (typical|average|usual|normal|regular|standard) (day|week|month|year|shift|"
    r"morning|evening|routine|process|visit|order|customer|patient|client|student|pupil|case|job|"
    r"appointment|delivery|lesson|approach|way|workflow|practice|session|call|journey|\w+)|"
    r"on (a|an) (typical|average|normal|usual|ordinary) \w+|(every|each) (time|day|week|month) you)\b")
# a group instead of the participant: "how do most of your customers pay", "what do people like
# you look for", "how do the majority of visitors find us"
_GROUP_SUBJECT = re.compile(
    r"\b(do|does|are|is|have|has) (most|the majority|the bulk|nearly all|almost all|people|"
    r"[\w-]+s like you|people (of )?your age|everyone (in|at|on) your)\b(?! (your|our|it|this|that|the)\b)"
    r"(?:(?: [\w'-]+){0,5}?)(?: like you\b| your age\b| of (the|your|our)\b| [\w'-]+s\b)?")
_EPISODE_ANCHOR = re.compile(
    r"\b(last (time|week|month|year|night|weekend|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|term|shift)|yesterday|this morning|the other day|on (monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)|that (day|time|week|morning)|the last(?! minute)|a time when|"
    r"(when|after) (the|your|you|it|we|they) \w+ed)\b")


def _group_subject(phrase: str) -> bool:
    """"do most of your customers", "do people like you", "do the majority of visitors":
    a group as the subject, not "do people like the app" (people liking something)."""
    words = phrase.split()
    if words[1] == "people" and not re.search(r"\bpeople (like you|(of )?your age)\b", phrase):
        return False
    if words[1] == "most" and len(words) > 2 and "ADJ" in tags(words[2]) and "NOUN" not in tags(words[2]):
        return False  # "is most useful"
    return True


def generalizing(sentences: list[str]) -> str:
    """A habitual or frequency question instead of a specific instance (see the table)."""
    asked, _ = _question_parts(sentences)
    for toks in asked:
        low = " ".join(toks)
        cue = ""
        m = _HABIT_PHRASES.search(low)
        if m:
            cue = m.group(0)
            if re.search(r"(than|from|with|compared (with|to)) (your|the) (usual|normal|regular|typical)\b",
                         low[max(0, m.start() - 20):m.end()]):
                cue = ""
        if not cue and (g := _GROUP_SUBJECT.search(low)) and _group_subject(g.group(0)):
            cue = g.group(0)
            return f"'{cue}' asks about a group in general; ask about one specific, recent instance"
        if not cue:
            cue = next((w for k, w in enumerate(toks) if w in _HABIT_ADVERBS and not (
                w == "always" and set(toks[max(0, k - 2):k]) & {"have", "has", "had", "to", "not"})), "")
        if not cue:
            continue
        past = any(w in {"did", "was", "were", "had"} for w in toks[:_head_index(toks) + 3]) or \
            bool(_EPISODE_ANCHOR.search(low))
        if past and cue not in {"how often", "how frequently", "how regularly"}:
            continue
        if past and _EPISODE_ANCHOR.search(low):
            continue
        if set(toks) & {"would", "might"} or "could" in toks[2:]:
            continue  # "how often would you come": a prediction (hypothetical), not a habit
        return f"'{cue}' asks for a generalization; ask about one specific, recent instance"
    return ""


