"""Rewrites of the eighth round (issue 16, item 3: keep the question's topic, stay grammatical),
used by :mod:`kit.guide.rewrites`:

- :func:`preamble_story`: a question leading only through a pitch before it, whose asked part
  is already an open or story question, is rewritten as that part alone, with "it"/"them"
  replaced by the thing the pitch named ("We spent months on the booking page - tell me about
  the last time you used it." -> "Tell me about the last time you used the booking page.");
- :func:`spoken`: chat spellings made words ("do u ever" -> "do you ever");
- :func:`noun_made_verb`: a candidate that put a noun or an adjective of the question in the
  past tense ("stale issues" -> "stale issued", "the portal slow" -> "the portal slowed");
- :func:`bare_follow_up`: a "What about X?" follow-up whose X is no noun phrase ("What about
  slow?", "What about turn up and what do you do ...?");
- :func:`bad_object`: a frame ("dealt with", "used") whose object is no noun phrase of the
  question ("used the pay", "dealt with the long", "dealt with the health for the safety
  briefing": two noun phrases glued by a "for" the question never said);
- :func:`np_with_phrases`: story questions about a noun phrase of the question with the
  prepositional phrases that follow it in the question ("How did the queue for the chairlift
  move?" -> "Tell me about the last time you dealt with the queue for the chairlift.");
- :func:`named`: a candidate's "it"/"them" named from the question ("How old was the piano
  when you first tuned it?" -> "... the last time you tuned the piano.");
- :func:`shared_subject`: a habit of "you and your flatmates" as the last time you did it together;
- :func:`weekdays`: day and month names capitalised ("on monday" -> "on Monday").
"""
from __future__ import annotations

import re

from kit.guide.words import DETS, tags

__all__ = ["bad_object", "bare_follow_up", "named", "noun_made_verb", "np_with_phrases", "shared_subject", "own_story", "preamble_story", "spoken", "weekdays"]

_SPLIT = re.compile(r"\s*[\u2014\u2013]\s*|\s+-\s+|(?<=[.!])\s+|,\s+(?=(?:so\s+|and\s+)?(?:how|what|why|tell|walk|"
                    r"talk|take|describe|when|did)\b)", re.I)
_OPEN = re.compile(r"^(?:so,?\s+)?(?:tell me|walk me through|talk me through|take me through|describe|"
                   r"what happened|how did|what did|what was|what were)\b", re.I)
_PRONOUN = re.compile(r"\b(it|them)\b(?!\s+(?:up|out|in|off|back|down|on|over)\b)", re.I)
_DAYS = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                   r"april|june|july|august|september|october|november|december)(s?)\b")


def spoken(text: str) -> str:
    """``text`` with "u"/"ur" as "you"/"your" (other words unchanged)."""
    text = re.sub(r"\bu\b", "you", str(text))
    return re.sub(r"\bur\b", "your", text)


def weekdays(text: str) -> str:
    """``text`` with day and month names capitalised ("a monday" -> "a Monday"); "may" and
    "march" only after "in"/"on"/"last"/"this"/"next" are left out on purpose ("march" is a verb)."""
    def cap(m: re.Match) -> str:
        if m.group(1) == "march" and not re.search(r"\b(?:in|on|last|this|next|since|until)\s+$",
                                                   m.string[:m.start()]):
            return m.group(0)
        return m.group(1).capitalize() + m.group(2)
    return _DAYS.sub(cap, str(text))


def _parts(question: str) -> tuple[str, str]:
    parts = [p for p in _SPLIT.split(str(question).strip()) if p and p.strip()]
    if len(parts) < 2:
        return "", ""
    return " ".join(parts[:-1]), parts[-1].strip()


def preamble_story(question: str, flags: list[str], flags_of) -> str:
    """The asked part of a question leading only through its pitch (see the module docstring),
    or ``""`` when the question has no pitch, the asked part is not an open or story question,
    or the asked part is still flagged or ungrammatical. ``flags_of`` lints a candidate."""
    from kit.guide.checks import grammar_problems
    from kit.guide.retell import without_judgements
    from kit.guide.rewrites import broken, np_runs

    if flags != ["leading"]:
        return ""
    pre, asked = _parts(question)
    if not pre or len(asked.split()) < 4 or not _OPEN.match(asked):
        return ""
    if _PRONOUN.search(asked):
        runs = np_runs(pre, in_order=True)
        if not runs:
            return ""
        thing = without_judgements(" ".join(runs[0]))
        asked = _PRONOUN.sub(thing, asked, count=1)
        if _PRONOUN.search(asked):
            return ""
    asked = re.sub(r"^so,?\s+", "", asked, flags=re.I)
    asked = asked[0].upper() + asked[1:]
    if not asked.endswith((".", "?", "!")):
        asked += "?" if asked.split()[0].lower() in {"how", "what", "why", "when", "where", "who", "which"} else "."
    if flags_of(asked) or grammar_problems(asked) or broken(asked):
        return ""
    return asked


def own_story(question: str) -> list[str]:
    """The question itself, without its praise or blame, when it is already a story request
    ("Tell me about the last time you got lost because of the confusing floor map." -> "Tell
    me about the last time you got lost because of the floor map."); else ``[]``."""
    from kit.guide.retell import without_judgements

    text = str(question).strip()
    if not re.match(r"(?:tell me about|walk me through|talk me through|describe)\b", text, re.I):
        return []
    text = without_judgements(text)
    return [text[0].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")]


def noun_made_verb(question: str, cand: str) -> bool:
    """True when ``cand`` has a past-tense word that the question had as a noun or an adjective
    ("stale issues" -> "stale issued", "the claims portal slow" -> "the claims portal
    slowed"): a word right after an adjective or a determiner, or a base form right after a
    singular noun (a verb there would take "-s")."""
    from kit.guide.story import past
    from kit.guide.words import lemma

    q = re.findall(r"[\w'-]+", str(question).lower())
    got = set(re.findall(r"[\w'-]+", str(cand).lower()))
    for k in range(1, len(q)):
        w, prev = q[k], q[k - 1]
        base = lemma(w, "VERB") or w
        made = past(base) if base else None
        if not made or made == w or made not in got or made in q:
            continue
        ptags = tags(prev)
        if (prev in DETS and prev not in {"that", "which", "who", "it"}) or prev in _COUNTING or prev.isdigit() or \
                (ptags & {"ADJ"} and not ptags & {"NOUN", "VERB", "PRON"}) or \
                (prev in {"stale", "old", "new", "open", "closed"}):
            return True
        if w == "last":
            return True  # "did the cleaner last come round" -> "the cleaner lasted come round"
        if w == base and "NOUN" in ptags and not prev.endswith("s") and prev not in _PLURALS and \
                not _after_aux(q, k - 1):
            return True
    return False


_COUNTING = {"more", "fewer", "less", "many", "few", "several", "two", "three", "four", "five", "six", "ten", "extra"}
_PLURALS = {"you", "they", "we", "i", "people", "staff", "police", "children", "kids", "folk", "team", "crew"}
_AUX = {"did", "do", "does", "didn't", "don't", "doesn't", "will", "would", "can", "could", "should", "might",
        "may", "must", "won't", "wouldn't", "can't", "couldn't", "shall", "to", "let", "make", "help", "watch", "see"}


def _after_aux(q: list[str], k: int) -> bool:
    """The noun phrase ending at ``q[k]`` is the subject of an auxiliary ("did the carer")."""
    j = k
    while j >= 0 and q[j] not in _AUX and not tags(q[j]) & {"PRON", "PREP", "WH", "CONJ"} and k - j < 6:
        j -= 1
    return j >= 0 and q[j] in _AUX


def bare_follow_up(then: str) -> bool:
    """True for a "What about X?" follow-up whose X does not end in a noun or holds a second
    question ("What about slow?", "What about quick last time?")."""
    m = re.search(r"What about (.+?)\?*$", str(then))
    if not m:
        return False
    ws = re.findall(r"[\w'-]+", m.group(1).lower())
    ws = [w for w in ws if w not in {"last", "time", "this", "next", "week", "month", "year", "season"}] or ws
    if not ws or {"what", "how", "why", "when", "who", "do", "did"} & set(ws):
        return True
    if len(ws) == 1 and "ADJ" in tags(ws[0]):
        return True  # "What about quick?"
    return "NOUN" not in tags(ws[-1]) or (ws[0] not in DETS and "VERB" in tags(ws[0]) and "NOUN" not in tags(ws[0]))


_FRAMES = re.compile(r"\b(?:dealt with|used|went to|went through|needed help with|needed something like) "
                     r"((?:[\w'-]+ ){0,5}?[\w'-]+)(?= (?:for|on|at|in|to|with|from|of|about)\b|[.?!,]|$)")
_VERB_BEFORE = {"you", "to", "could", "would", "can", "will", "i", "we", "they", "did", "do", "does", "should", "might"}


def bad_object(question: str, cand: str) -> bool:
    """True when a frame of ``cand`` ("dealt with X", "used X") has an X that is no noun phrase
    of the question: its last word is not a noun ("the long", "free", "every item yourself"),
    or was a verb there ("if you could pay the fees" -> "used the pay"), or it is glued to the
    next noun phrase by a "for" the question does not have ("the quote for the fair")."""
    main = str(cand).partition(" Then ask separately: ")[0]
    q = " " + " ".join(re.findall(r"[\w'-]+", str(question).lower())) + " "
    for m in _FRAMES.finditer(main):
        np_ = m.group(1).lower().split()
        cut = next((i for i, w in enumerate(np_) if i and w in {"we", "you", "they", "i", "that", "who", "which"}),
                   len(np_))
        np_ = np_[:cut]  # "the quote we sent": the head is "quote"
        head = np_[-1]
        if head in {"last", "first", "next", "again", "ago", "ever"}:
            return True  # "dealt with a funeral service last"
        if not tags(head) & {"NOUN"} and not head[:1].isdigit() and "-" not in head and not re.search(
                rf"\b(?:the|a|an|your|our|their|this|that) (?:[\w-]+ )*{re.escape(head)}\b", q):
            return True
        if len(np_) <= 2 and np_[0] in DETS | {"the", "a", "an"} and re.search(rf" (?:{'|'.join(_VERB_BEFORE)}) {head} ", q) \
                and "VERB" in tags(head):
            return True
        tail = main[m.end():]
        g = re.match(r" for ((?:the|a|an|your|this|her|his|their) )?([\w'-]+)", tail)
        if g and f" for {(g.group(1) or '')}{g.group(2).lower()} " not in q:
            return True
    return False


_PP_PREPS = {"for", "on", "at", "in", "to", "with", "from", "of", "about", "after", "before", "during", "near", "outside",
             "inside", "round", "around", "under", "over", "between", "without", "into", "onto", "across"}
_NP_START = {"the", "a", "an", "your", "our", "this", "that", "these", "those", "their", "his", "her", "my"}


def _noun_run(toks: list[str], k: int) -> int:
    """End index (exclusive) of a determiner + adjective/noun run ending in a noun at ``k``, or -1."""
    j = k
    if j < len(toks) and toks[j].lower() in _NP_START:
        j += 1
    last_noun = -1
    while j < len(toks) and j - k < 6:
        w = toks[j].lower()
        tg = tags(w)
        if w in _NP_START or w in _PP_PREPS or tg & {"PRON", "AUX", "WH", "PREP", "CONJ", "DET"} or \
                not tg & {"NOUN", "ADJ"} or ("VERB" in tg and not tg & {"NOUN", "ADJ"}):
            break
        nxt = toks[j + 1].lower() if j + 1 < len(toks) else ""
        if "VERB" in tg and last_noun >= 0 and (not nxt or nxt in _PP_PREPS | _NP_START | {"out", "up", "off", "down",
                                                                                          "you", "it", "them"}):
            break  # a verb after the subject: "the food truck run out of", "your mum say about"
        if "NOUN" in tg:
            last_noun = j
        j += 1
    return last_noun + 1 if last_noun >= 0 else -1


_TIME = re.compile(r"\s+(?:at the moment|in the first place|in time|right now|these days|(?:last|this|next) "
                   r"(?:week|month|year|time|term|season|night|weekend))\b.*$", re.I)


def np_with_phrases(question: str) -> list[str]:
    """Story candidates about each noun phrase of ``question`` that opens with a determiner,
    extended by up to two prepositional phrases that follow it there (see the module docstring); may be empty."""
    from kit.guide.retell import without_judgements
    from kit.guide.rewrites import _np_story

    toks = re.findall(r"[\w'-]+|[^\w\s]", str(question))
    out = []
    for k, t in enumerate(toks):
        if t.lower() not in _NP_START or (k and toks[k - 1].lower() in _NP_START):
            continue
        end = _noun_run(toks, k)
        if end < 0 or end - k < 2:
            continue
        ext = end
        for _ in range(2):
            if ext >= len(toks) or toks[ext].lower() not in _PP_PREPS:
                break
            nxt = _noun_run(toks, ext + 1)
            if nxt < 0 or (toks[ext + 1].lower() not in _NP_START and "VERB" in tags(toks[ext + 1].lower())):
                break
            ext = nxt
        if ext == end:
            continue
        words = [w if w.lower() not in {"our", "this", "that", "these", "those"} or i else
                 {"these": "those"}.get(w.lower(), "the") for i, w in enumerate(toks[k:ext])]
        words[0] = words[0].lower()
        phrase = _TIME.sub("", " ".join(words)).strip()
        if len(phrase.split()) <= end - k:
            continue
        story = _np_story(without_judgements(phrase))
        if story:
            out.append(story)
    return out


def named(question: str, cand: str) -> str:
    """``cand`` with its object "it"/"them" (and a "first" before the verb) replaced by the
    question's noun phrase holding most topic words that ``cand`` does not already hold; ``cand``
    unchanged when there is none or it has no such pronoun."""
    from kit.guide.retell import without_judgements
    from kit.guide.rewrites import np_runs

    main, sep, then = str(cand).partition(". ")  # the story sentence only, not "How did you do it?"
    m = re.search(r"\b(?:you|they|we) (?:first )?\w+ (it|them)\b(?!\s+(?:up|out|in|off|back|down|on|over)\b)", main)
    if not m:
        return cand
    ql = str(question).lower()
    said = re.search(rf"\b{m.group(1)}\b", ql)
    for run in np_runs(question, in_order=True):
        thing = without_judgements(" ".join(run))
        at = ql.find(run[-1].lower())
        if said and at > said.start() and " or " in ql[said.start():at]:
            continue  # round 14: the thing of another option is no antecedent ("call them or send a text")
        if thing.split()[-1].lower() not in main.lower():
            head = main[:m.start()] + m.group(0)[:m.start(1) - m.start()].replace(" first ", " ") + thing
            return head + main[m.end():] + sep + then
    return cand


_SHARED = re.compile(r"^(?:how|when|where|why) do you and ((?:your|the) [\w-]+) (?:usually |normally |typically |"
                     r"generally |tend to )?([a-z]+) ([^?.!,]+?)\s*[?.!]*$", re.I)


def shared_subject(question: str) -> list[str]:
    """"How do you and your flatmates usually split the bills?" -> ["Tell me about the last
    time you and your flatmates split the bills. How did it go?"]; else ``[]``."""
    from kit.guide.story import past
    from kit.guide.words import lemma

    m = _SHARED.match(str(question).strip())
    if not m or "VERB" not in tags(m.group(2).lower()):
        return []
    base = lemma(m.group(2).lower(), "VERB") or m.group(2).lower()
    verb = base if base in {"put", "set", "cut", "split", "let", "shut", "hit", "read", "spread"} else past(base)
    if not verb:
        return []
    return [f"Tell me about the last time you and {m.group(1)} {verb} {m.group(3)}. How did it go?"]
