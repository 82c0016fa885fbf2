"""Rewrites of the tenth round (issue 16, item 3): the kinds of broken or off-topic rewrite a
by-hand reading of sampled rewrites still found after round 9, each caught by a check, and the
safe builders used in their place.

Kinds caught from the rewrite alone (:func:`faults`, called by :func:`kit.guide.retell9.faults`):

- ``a verb needs an object``: "the last time you added.", "the last time you put a quote.";
- ``a person used``: "the last time you used customers", "needed something like backpackers";
- ``a price used``: "the last time you used a fair price";
- ``a part of nothing``: "dealt with the part of having bloods";
- ``a time glued to the thing``: "dealt with the technician on time";
- ``a split contraction``: "did n't";
- ``the same story twice``: "Tell me about X. What happened? Then ask separately: Tell me about X.
  What happened?" (a duplicate follow-up).

Kinds caught against the question (:func:`question_faults`, called where the candidates are
chosen in :mod:`kit.guide.rewrites`):

- ``a verb as the thing``: "In general, how do clients prefer to book?" -> "dealt with book",
  "would u pay for it" -> "a recent experience with the pay";
- ``subject and verb kept as a thing``: "How often do clients no-show?" -> "dealt with the
  clients no-show"; "Our tool fixes double bookings" -> "handled the tool fixes double bookings";
- ``a hypothetical told as past``: "How would you feel if we removed the phone line?" -> "the
  last time we removed the phone line" (the if-clause says it has not happened);
  "Would you come back for a night game if we ran one?" -> "came back for a night game";
- ``a compound cut``: "dairy-free flavours" -> "free flavours";
- ``two nouns glued``: "the dermatologist and the nurse ... the cream" -> "the dermatologist cream".

Builders (:func:`candidates`): a third party's habit behind "in general" or "prefer to" ("In
general, how do clients prefer to book?" -> "Tell me about the last time a client booked. What
happened?"), a verb the lexicon lacks ("How often do clients no-show?" -> "... the last time a
client no-showed"); and the safe topic template "Tell me about a recent time when <noun phrase>
came up. What happened?" (:func:`topic_story`) used by the fallback before the generic one.
"""
from __future__ import annotations

import re

from kit.guide.words import is_base_verb, is_past_verb, lemma, tags
from kit.guide.lexicon import PREPOSITIONS

__all__ = ["candidates", "faults", "question_faults", "second_story", "topic_story"]

_FRAME = r"(?:dealt with|used|went to|went through|needed help with|needed something like|experience with)"
_NEEDS_OBJECT = r"(?:added|put|made|gave|took|sent|brought|bought|got|used|handled|needed|chose|picked|found|hit|" \
                r"placed|left|set|showed|told|fixed|changed|checked|booked|ordered|wrote|filled|planted|charged|spent|paid|" \
                r"dealt with)"
_PERSON = re.compile(r"^(?:people|staff|customers|clients|users|members|patients|owners|residents|parents|"
                     r"students|pupils|guests|visitors|tenants|drivers|riders|volunteers|[a-z]+(?:ers|ors|ists|"
                     r"ians|ants|ents))$")
_DETS = {"the", "a", "an", "your", "their", "our", "this", "that", "these", "those", "my", "his", "her", "its"}


# nouns that are no thing a person used or dealt with on an occasion: "used the evening", "dealt with hours"
_NOT_A_THING = {"life", "lives", "week", "weeks", "day", "days", "month", "months", "year", "years", "evening", "evenings",
                "morning", "mornings", "night", "nights", "weekend", "weekends", "hour", "hours", "minutes", "time", "times",
                "way", "quarter", "season", "future", "past"}
_NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
            "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "half", "dozen", "themselves", "yourself",
            "yourselves", "itself", "ourselves", "myself", "himself", "herself", "easier", "harder", "better", "worse"}
_NOT_USED = {"routes", "repair", "paperwork", "valuations", "week", "life"}


def _words(sent: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9'-]*", sent.lower())


def _sentence_faults(sent: str) -> list[str]:
    low = " ".join(_words(sent))
    out = []
    if not low:
        return out
    if re.search(r"\bthe (?:last|first) time (?:you|they|we|i) " + _NEEDS_OBJECT + r"$", low):
        out.append(f"a verb needs an object: '{low.split(' time ')[-1]}'")
    if re.search(r"\bthe (?:last|first) time (?:you|they|we|i) put (?:the|a|an|your|their|some) [\w'-]+$", low):
        out.append("a verb needs an object: 'put' without where")
    m = re.search(r"\b(?:used|needed something like|needed help with) ([\w'-]+)$", low)
    if m and _PERSON.match(m.group(1)) and m.group(1) not in {"computers", "printers", "scanners", "trackers",
                                                              "planners", "containers", "filters", "sensors"}:
        out.append(f"a person used: '{m.group(0)}'")
    if re.search(r"\b(?:used|needed something like|needed help with) (?:a|an|the|your) (?:[\w'-]+ )?(?:price|cost|fee|"
                 r"rate|rent|amount|sum|charge)$", low):
        out.append("a price used")
    if re.search(r"\bit (?:would|will|should|could|might|to|did|does|do) take$|\bit (?:took|takes)$", low):
        out.append("an amount is missing: 'it would take'")
    if re.search(rf"\b{_FRAME} (?:a |the )?(?:fair|reasonable|right|good|fairer|better) (?:price|cost|fee|rate|rent|amount)\b",
                 low):
        out.append("a price used")
    if re.search(rf"\b{_FRAME} having\b", low):
        out.append("a part of nothing: 'having'")
    m = re.search(rf"\b({_FRAME}) (?:the |a |an |your |their )?(?:last |next |this |past )?([\w'-]+)$", low)
    if m and (m.group(2) in _NOT_A_THING or (m.group(1) == "used" and m.group(2) in _NOT_USED)):
        out.append(f"a time or a life as the thing: '{m.group(0)}'")
    if re.search(rf"\b{_FRAME} (?:the|a|an) (?:[\w'-]+ )?(?:if|when|than|that|because)\b", low):
        out.append("a clause word inside the thing: 'the easier if'")
    if re.search(rf"\b{_FRAME} (?:the|a|an) (?:part|thing|bit|aspect|side) of\b", low):
        out.append("a part of nothing")
    if re.search(rf"\b{_FRAME} (?:the|a|an|your|their) [\w'-]+(?: [\w'-]+)? (?:on time|late|early|in time)$", low):
        out.append("a time glued to the thing")
    return out


def faults(text: str) -> list[str]:
    """The text-only kinds of the module docstring found in ``text`` (a rewrite), as messages
    naming the kind; ``[]`` when none."""
    s = str(text or "").strip()
    out = []
    if re.search(r"\b(?:last|first) time\b[^.?!]*\b\w+ (?:i am|i'm|we are|we're|i will|i'll)\b", s, re.I):
        out.append("a second sentence glued into the story")
    if re.search(r"\b(?:last|first) time (?:you|they|we) (?:came|went)\.", s, re.I):
        out.append("a verb needs a complement: 'came.'")
    if re.search(r"\b(?:last|first) time\b[^.?!]*\b(?:today|nowadays|these days|now|currently|at the moment)\b", s, re.I):
        out.append("a present time in a past story")
    if re.search(r"\w n't\b", s):
        out.append("a split contraction: \" n't\"")
    for sent in re.split(r"(?<=[.?!])\s+", s):
        out += _sentence_faults(sent)
    main, sep, then = s.partition(" Then ask separately: ")
    if sep and re.sub(r"\W+", " ", main).strip().lower() == re.sub(r"\W+", " ", then).strip().lower():
        out.append("the same story twice")
    return out


_FUNCTION_WORDS = {"one", "it", "them", "that", "this", "to", "for", "on", "in", "at", "by", "with", "and", "or", "would",
                   "could", "will", "what", "how", "you", "we", "they", "earlier", "later", "more", "less"}
_AUX = {"do", "does", "did", "will", "would", "can", "could", "should"}
# a word right after one of these is the question's verb: "would u pay", "don't you find", "they take calls"
_VERB_BEFORE = {"would", "will", "to", "you", "u", "could", "i", "we", "can", "they", "should", "he", "she"}


def _question_verbs(q: list[str]) -> set[tuple[str, str]]:
    """(subject head, verb) pairs the question uses as a clause: "do clients no-show", "our tool
    fixes double bookings", "what do pet owners struggle with"."""
    pairs = set()
    for k in range(1, len(q)):
        a, b = q[k - 1], q[k]
        if a in _DETS or b in _DETS or "NOUN" not in tags(a) and not _PERSON.match(a):
            continue
        after_aux = any(w in _AUX for w in q[max(0, k - 4):k - 1])
        nxt = q[k + 1] if k + 1 < len(q) else ""
        # "tool fixes double bookings": an object follows; never "rooms changed", "kids to", "pouches are"
        objectish = nxt in _DETS or (bool(tags(nxt) & {"NOUN", "ADJ"}) and not is_past_verb(nxt) and
                                     nxt not in {"to", "are", "is", "was", "were", "and", "or", "of", "in", "on",
                                                 "for", "with", "at", "from", "by", "have", "has", "do", "does"}) or \
            (nxt.endswith("ed") and k + 2 < len(q) and "NOUN" in tags(q[k + 2]))  # "catches damaged parcels"
        det_before = k == 1 or bool(set(q[max(0, k - 3):k - 1]) & _DETS)  # "our tool fixes", "the app flags"
        third = b.endswith("s") and not b.endswith("ss") and "VERB" in tags(b) and not a.endswith("s") and objectish and \
            det_before
        plural_base = a.endswith("s") and lemma(a, "NOUN") != a and (is_base_verb(b) or ("-" in b and "NOUN" in tags(b))) and after_aux and \
            not set(q[max(0, k - 3):k - 1]) & {"your", "their", "our", "my", "his", "her"} and \
            not (nxt and is_base_verb(nxt) and "VERB" in tags(nxt))  # "your expenses form look like"
        if third or plural_base:
            pairs.add((a, b))
    return pairs


_IF = re.compile(r"\bif (we|you|they|the [\w'-]+|your [\w'-]+|our [\w'-]+|it|there|[a-z][\w'-]*s) ([a-z]+(?:ed)?|ran|put|set|cut|made|took|"
                 r"gave|got|built|brought|sold|sent|began|shut|kept|let|moved|were|was|had|could|did)\b ?([\w' -]*)",
                 re.I)


def _is_preposition(word: str) -> bool:
    """A preposition by the lexicon's list or lemminflect's tags ("per", "via", "across")."""
    return word in PREPOSITIONS or "PREP" in tags(word)


def _hypothetical_events(question: str) -> tuple[set[str], list[str]]:
    """The verbs of the question's if-clauses (their lemmas) and the things they say do not yet
    exist ("a night game" of "... for a night game if we ran one")."""
    verbs, things = set(), []
    low = str(question).lower()
    for m in _IF.finditer(low):
        verb = m.group(2)
        if verb in {"were", "was", "could", "did", "had"}:
            nxt = (m.group(3).split() or [""])[0]
            if verb in {"could", "did"} and nxt:
                verbs.add(lemma(nxt, "VERB"))
            continue
        if is_past_verb(verb) or verb.endswith("ed"):
            verbs.add(lemma(verb, "VERB"))
        obj = m.group(3).split()
        kept = []  # the thing the if-clause brings about: "if we added online payments"
        for w in obj[:4]:
            if w in _FUNCTION_WORDS or (kept and not tags(w) & {"NOUN", "ADJ"}):
                break
            kept.append(w)
        # a noun phrase only: "if we invoiced per cost centre" brings about no thing (session 13, newcomer F5)
        if kept and kept[0] not in _DETS and not _is_preposition(kept[0]) and "NOUN" in tags(kept[-1]) and \
                m.group(1) in {"we", "you", "they"}:
            things.append(" ".join(kept))
        if obj and obj[0] in {"one", "it", "them", "that", "this"}:
            before = low[:m.start()]
            mm = re.findall(r"\b((?:a|an) (?:[\w'-]+ ){0,2}[\w'-]+)", before)
            if mm:
                things.append(mm[-1])
    return verbs, things


def question_faults(question: str, cand: str) -> list[str]:
    """The kinds of the module docstring that need the question to be seen ("subject and verb
    kept as a thing", "a hypothetical told as past", "a compound cut", "two nouns glued") in
    ``cand``, a rewrite of ``question``; ``[]`` when none."""
    q = _words(str(question))
    main = str(cand).partition(" Then ask separately: ")[0]
    c = _words(main)
    lowc = " ".join(c)
    out = []
    for a, b in _question_verbs(q):
        # the pair right after a verb of the rewrite: "dealt with the clients no-show", "handled the tool fixes"
        if re.search(rf"\b(?:{_FRAME}|[a-z]+ed|got|took|made|had|did|ran|saw|found|put|kept|held) (?:the |a |an |your |their )?(?:(?!the\b|a\b)[\w'-]+ )?"
                     rf"{re.escape(a)} {re.escape(b)}\b", lowc) and \
                not re.search(rf"\bway (?:the |a )?(?:[\w'-]+ )?{re.escape(a)} {re.escape(b)}\b", lowc):
            story = re.search(r"\b(?:last|first|recent) time\b|\bexperience with\b", lowc)
            if story:
                out.append(f"subject and verb kept as a thing: '{a} {b}'")
                break
    verbs, things = _hypothetical_events(question)
    m = re.search(r"\b(?:last|first) time (?:(?:the|your|our|a|an) )?[\w'-]+ ([a-z]+)", lowc)
    if m and verbs and lemma(m.group(1), "VERB") in verbs:
        out.append(f"a hypothetical told as past: '{m.group(0)}'")
    for thing in things:
        if re.search(rf"\b(?:(?:last|first|recent) time|experience with)\b.*(?<!something like )(?<!something like a )(?<!something like an )"
                     rf"\b{re.escape(thing)}\b", lowc):
            out.append(f"a hypothetical told as past: '{thing}'")
    for w in q:
        if "-" in w and not w.startswith("-"):
            head, _, tail = w.partition("-")
            if tail and len(tail) > 2 and re.search(rf"(?<![\w-]){re.escape(tail)}\b", lowc) and w not in lowc:
                out.append(f"a compound cut: '{tail}' of '{w}'")
    m = re.search(rf"\b{_FRAME} (?:the |a |an )?([\w'-]+)", lowc)
    if m and m.group(1) not in _DETS and any(q[k] == m.group(1) and q[k - 1] in _VERB_BEFORE and
                                             (k < 2 or q[k - 2] not in {"are", "is", "was", "were", "am"})
                                             for k in range(1, len(q))):
        out.append(f"a verb as the thing: '{m.group(0)}'")
    qpairs = set(zip(q, q[1:]))
    for k, (a, b) in enumerate(zip(c, c[1:])):
        if a == "time" and k and c[k - 1] in {"last", "first", "recent"}:
            continue  # the story's own "the last time", not the question's "on time" glued to a noun
        if k >= 2 and c[k - 2] == "time" and c[k - 1] in _DETS and "VERB" in tags(b):
            continue  # the story's subject and its verb: "the last time the generator cut out"
        if a in q and b in q and (a, b) not in qpairs and a not in _DETS and b not in _DETS and \
                "NOUN" in tags(a) and "NOUN" in tags(b) and not tags(a) & {"ADJ", "ADV"} and "ADV" not in tags(b) and \
                not a.endswith("ing"):
            out.append(f"two nouns glued: '{a} {b}'")
            break
    return out


_HABIT_LEAD = re.compile(r"^(?:in general|generally|typically|usually|normally|overall|on the whole),?\s+", re.I)
_PREFER = re.compile(r"^how (?:do|does) ((?:the |your |our |most |many )?[a-z][\w'-]*) (?:usually |normally |"
                     r"typically |generally )?(?:(?:prefer|like|want|tend|choose|need) to )?([a-z][\w'-]*)\b ?([^?.!]*?)"
                     r"\s*[?.!]*$", re.I)


def topic_story(question: str) -> str | None:
    """The safe topic template: "Tell me about a recent time when <noun phrase> came up. What
    happened?" with the noun phrase of ``question`` holding most of its topic words (None when it
    has none)."""
    from kit.guide.retell import without_judgements
    from kit.guide.retell9 import _FUNCTION
    from kit.guide.rewrites import _TIME_TAILS, np_runs

    low = str(question).lower()
    q = _words(low)
    pairs = _question_verbs(q)
    for run in np_runs(question):
        np_text = _TIME_TAILS.sub("", without_judgements(" ".join(run))).strip()
        ws = np_text.split()
        while len(ws) > 2 and ws[0].lower() in _DETS and (not tags(ws[1].lower()) & {"NOUN", "ADJ"} or any(
                q[k] == ws[1].lower() and q[k - 1] in _VERB_BEFORE for k in range(1, len(q)))):
            ws = ws[:1] + ws[2:]  # "the find paper intake forms" -> "the paper intake forms"
        cut = next((k for k in range(1, len(ws)) if "ADV" in tags(ws[k].lower()) or ws[k].lower() in _NOT_A_THING or
                    ws[k].lower() in _FUNCTION | _NUMBERS or "NUM" in tags(ws[k].lower()) or ws[k].isdigit() or
                    (k > 1 and (ws[k - 1].lower(), ws[k].lower()) in pairs)), len(ws))
        ws = ws[:cut]  # "the tool saves physios" -> "the tool", "the bike ten minutes" -> "the bike"
        while len(ws) > 1 and "NOUN" not in tags(ws[-1].lower()):
            ws = ws[:-1]
        if len(ws) < 2 or any(q[k] == w.lower() and q[k - 1] in _VERB_BEFORE for w in ws[1:] for k in range(1, len(q))):
            continue
        np_text = " ".join(ws)
        if len(ws) < 2 or any(not tags(w.lower()) & {"NOUN", "ADJ"} for w in ws[1:]) or \
                ws[-1].lower() in {"time", "thing", "things", "way", "anything", "something", "lot"}:
            continue
        cand = f"Tell me about a recent time when {np_text} came up. What happened?"
        from kit.guide.retell14 import faults as faults14
        if not faults14(question, cand):  # round 14: "the app chase", "the chases payments"
            return cand
    m = re.search(r"\babout ([a-z]+ing)\b", low)  # "tell me about scheduling", "think about booking"
    if m and "VERB" in tags(m.group(1)):
        cand = f"Tell me about a recent time when {m.group(1)} came up. What happened?"
        from kit.guide.retell14 import faults as faults14
        return None if faults14(question, cand) else cand  # round 14: "getting" of "getting paid"
    return None


def candidates(question: str) -> list[str]:
    """Rewrites of the builders of the module docstring (may be empty)."""
    from kit.guide.retell9 import _regular_past

    asked = re.split(r"(?<=[.!;])\s+|\s*;\s*", str(question).strip())[-1]
    asked = _HABIT_LEAD.sub("", asked.strip())
    out = []
    m = _PREFER.match(asked)
    if m and "VERB" in tags(m.group(2).lower()) and m.group(2).lower() not in {"you", "feel", "think", "find", "like",
                                                                                 "rate", "compare", "know"}:
        subject = re.sub(r"^(?:most|many) ", "", m.group(1).lower())
        rest = re.split(r"\s+(?:when|if|because|and|or|but)\b|\s+-|\s*[\u2014\u2013,:(]", m.group(3))[0].strip()
        subject = _one(subject)
        rest = re.sub(r"\s*\b(?:now|today|currently|these days|at the moment|nowadays)$", "", rest)
        clause = " ".join(x for x in (subject, _regular_past(m.group(2)), rest) if x)
        out.append(f"Tell me about the last time {clause}. What happened?")
    m = _NO_VERB.match(asked)  # a verb the lexicon lacks: "How often do clients no-show?"
    if m and "VERB" not in tags(m.group(2).lower()):
        subject = _one(m.group(1).lower())
        verb = m.group(2).lower()
        out.append(f"Tell me about the last time {subject} {verb + ('d' if verb.endswith('e') else 'ed')}. "
                   "What happened?")
    out += _pronoun_object(str(question))
    for thing in _hypothetical_events(str(question))[1]:  # "If we added online payments, ..." -> "something like"
        out.append(f"Tell me about the last time you needed something like {thing}. What did you do?")
    m = _FAIR_PRICE.search(asked)  # "What would a fair price be for an annual service?" -> "... paid for an annual service"
    if m:
        thing = re.split(r"\s+(?:and|or)\s+", m.group(1))[0].strip()
        out.append(f"Tell me about the last time you paid for {thing}. What happened?")
    return out


_FAIR_PRICE = re.compile(r"\b(?:what would (?:a|the) (?:fair|reasonable|good|right) (?:price|cost|fee) (?:be )?for|how much "
                         r"would you (?:pay|expect to pay|be willing to pay) for) ((?:a|an|the|your) [\w' -]+?)\s*[?.!]*$",
                         re.I)


_HANDLE = re.compile(r"^(?:so,?\s+)?how do you (?:usually |normally |currently )?(handle|deal with|manage|fix|avoid|track|"
                     r"sort out|cope with|spot|prevent) (them|it|this|that)(?: (?:today|now|at the moment|currently))?"
                     r"\s*[?.!]*$", re.I)


def _pronoun_object(question: str) -> list[str]:
    """"Our tool fixes double bookings automatically. How do you handle them today?" -> "Tell me
    about the last time you handled double bookings. What happened?": the pronoun stands for the
    preamble's last noun phrase of the same number, never for its clause."""
    from kit.guide.story import past

    parts = re.split(r"(?<=[.!;])\s+|\s*;\s*|\s+[\u2014\u2013-]\s+", question.strip())
    if len(parts) < 2:
        return []
    m = _HANDLE.match(parts[-1].strip())
    if not m:
        return []
    toks = re.findall(r"[\w'-]+", " ".join(parts[:-1]))
    runs, cur = [], []
    for t in toks + ["."]:
        tg = tags(t.lower())
        if cur and t.lower().endswith("s") and "VERB" in tg and not cur[-1].lower().endswith("s"):
            runs.append(cur)  # "tool fixes": a subject and its verb
            cur = []
            continue
        if t.lower() not in _DETS and tg & {"NOUN", "ADJ"} and not (tg & {"VERB"} and not tg & {"NOUN", "ADJ"}) and \
                t.lower() not in {"automatically", "really", "always"}:
            cur.append(t)
        else:
            while cur and "NOUN" not in tags(cur[-1].lower()):
                cur.pop()
            if cur:
                runs.append(cur)
            cur = []
    plural = m.group(2).lower() == "them"
    runs = [r for r in runs if (r[-1].lower().endswith("s") and not r[-1].lower().endswith("ss")) == plural]
    if not runs:
        return []
    np_ = " ".join(runs[-1]).lower()
    verb = m.group(1).lower().split()
    verb = " ".join([past(verb[0])] + verb[1:])
    return [f"Tell me about the last time you {verb} {np_ if plural else 'the ' + np_}. What happened?"]


_NO_VERB = re.compile(r"^how often (?:do|does) ((?:the |your |our |most |many )?[a-z][\w'-]*) ([a-z]+-[a-z]+)\s*[?.!]*$",
                      re.I)


def _one(subject: str) -> str:
    """"clients" -> "a client"; a subject with a determiner unchanged."""
    ws = subject.split()
    if ws[0] in _DETS or not ws[-1].endswith("s") or ws[-1].endswith("ss"):
        return subject
    single = lemma(ws[-1], "NOUN")
    if not single or single == ws[-1]:
        return subject
    return " ".join(ws[:-1] + [("an " if single[0] in "aeiou" else "a ") + single])


_SECOND = re.compile(r",?\s+and\s+(?=(?:do|did|does|is|was|were|are|have|has|can|could|would|will|what|how|why|when|"
                     r"where|who)\s)", re.I)


def second_story(question: str, pair, flags_of, rewrite) -> str | None:
    """The follow-up of a double-barreled question whose second ask is flagged on its own (so
    the rewrite would lose it): "Do you vacuum first, and do you move the furniture yourself?"
    -> "Then ask separately: Tell me about the last time you moved the furniture yourself. What
    happened?". ``pair`` is :func:`kit.guide.retell.split_pair`'s answer, ``flags_of`` the
    linter's flags of one question and ``rewrite(text, flags)`` the rewrite of one question;
    None when the second ask is not clean on its own."""
    from kit.guide.checks import grammar_problems

    asked = re.split(r"(?<=[.!])\s+", str(question).strip())[-1]
    parts = _SECOND.split(asked, maxsplit=1)
    seconds = []
    if len(parts) == 2 and len(parts[1].split()) >= 3:
        seconds.append(parts[1][:1].upper() + parts[1][1:].rstrip(" ?") + "?")
    if pair:
        seconds.append(pair[1])
    for second in seconds:
        if grammar_problems(second) or re.search(r"\b(\w+ \w+) \1\b", second.lower()):
            continue
        flags = flags_of(second)
        if "double-barreled" in flags:
            continue
        story = rewrite(second, flags) if flags else second
        if story and not grammar_problems(story) and not flags_of(story) and "this came up" not in story and \
                not question_faults(second, story):
            return f"Then ask separately: {story}"
    return None
