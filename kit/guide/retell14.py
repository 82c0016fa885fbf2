"""Fourteenth-round rewrites (session 8): the kinds of broken rewrite the eighth newcomer and
attacker found, each fixed by kind (docs/design.md, "Question linter", "Fourteenth-round
rewrites").

Faults (:func:`faults`, read by :func:`kit.guide.retell12.faults`, so every candidate that has one
is passed over for the next):

- ``a gerund as the thing``: "Don't you find chasing unpaid invoices stressful?" -> "used chasing
  unpaid invoices" (a verb's -ing form with its object, not a noun: "the onboarding emails" is);
- ``a verb kept with its subject``: "have the app chase them" -> "used the app chase"; "when a
  payment bounces" -> "dealt with a payment bounces"; "a tool that chases payments" -> "the chases
  payments" (a word the question uses as a verb after a noun or a relative word);
- ``two options spliced``: "Did you call them or send a text?" -> "called a text" (the verb of one
  option with the thing of the other).

Repairs (:func:`repair`, after the rewrite is chosen, kept only when no new grammar problem and no
flag comes with them): a currency sign the words dropped put back ("paid 5 a month" -> "paid £5 a
month"); a pronoun object the story dropped put back ("we contacted." -> "we contacted you."); a
rate or an average left in a one-occasion story taken out ("sent invoices per week on average" ->
"sent invoices").

Builders (:func:`candidates`): an opinion of what someone should do told as the last time they did
it ("Don't you think customers should pay within 14 days?" -> "... the last time customers paid
within 14 days"), "the way you <verb> ..." told as the last time you did ("What do you like about
the way you send invoices today?" -> "... the last time you sent invoices").
"""
from __future__ import annotations

import re

__all__ = ["candidates", "faults", "repair"]

_DET = r"(?:the|a|an|your|my|our|their|his|her|its|this|that|these|those)"
_DETS = {"the", "a", "an", "your", "my", "our", "their", "his", "her", "its", "this", "that", "these", "those"}
_FRAME = re.compile(r"\b(?:dealt with|used|needed help with|went through|experience with|worked with|"
                    r"time when) ([^.?!]+?)(?: came up)?(?=[.?!]|$)", re.I)
_CAUSE = [re.compile(rf"\b(?:rather|to|would|could|can|will|'d|you|just) (?:have|let|help|get) ((?:{_DET} )?"
                     rf"{words}[\w'-]+) ([a-z]+)\b") for words in ("", r"[\w'-]+ ")]
_RATE = re.compile(r"(?<![\d£$€¥])(?<![\d£$€¥] )\s+(?:per|each|every) (?:day|week|month|year|hour|shift|quarter)\b|"
                   r"\s+on (?:an? )?average\b|\s+(?:in|on) (?:a|an) (?:typical|normal|usual|average) "
                   r"(?:day|week|month|year|shift)\b")
_OBJ_PRONOUN = r"(?:you|them|him|her|us|me)"


def _verb(word: str) -> str | None:
    from kit.guide.retell12 import _lemma_verb
    return _lemma_verb(word)


def _past(verb: str) -> str:
    from kit.guide.retell12 import _past
    return _past(verb)


def _norm(text: str) -> str:
    return " ".join(str(text).lower().replace("\u2019", "'").split())


def faults(question: str, cand: str) -> list[str]:
    """The kinds of broken rewrite of this round found in ``cand`` (the story before any
    follow-up) for ``question``; empty when none."""
    q = _norm(question)
    main = cand.partition(" Then ask separately: ")[0]
    out = []
    for m in _FRAME.finditer(main):
        obj = m.group(1).lower().split()
        if len(obj) == 1 and obj[0].endswith("ing") and _verb(obj[0]) and \
                not re.search(rf"\b{_DET} {re.escape(obj[0])}\b", q) and \
                re.search(rf"\b{re.escape(obj[0])} (?:paid|done|sorted|started|fixed|finished|hired|caught|stuck|"
                          rf"ready|\w+ed)\b", q):
            out.append(f"a gerund without its complement: '{obj[0]}'")  # "getting" of "getting paid"
        k = 1 if obj and obj[0] in _DETS else 0
        if len(obj) > k + 1 and obj[k].endswith("ing") and _verb(obj[k]) and main.lower()[m.start():].startswith(
                ("used", "needed help with")) and \
                re.search(rf"\b(?:find|finds|found|like|enjoy|hate|mind|love|dislike|prefer|consider|about|start|stop|"
                          rf"keep|avoid|try) {re.escape(obj[k])} {re.escape(obj[k + 1])}\b", q):
            out.append(f"a gerund as the thing: '{m.group(1)}'")
        for j in range(1, len(obj)):
            w = obj[j]
            if w in _DETS or not _verb(w):
                continue
            prev = re.escape(obj[j - 1])
            if obj[j - 1] in _DETS and re.search(r"(?:s|ed)$", w) and \
                    re.search(rf"\b(?:that|who|which) {re.escape(w)}\b", q) and \
                    not re.search(rf"\b{_DET.replace('|that|', '|')} {re.escape(w)}\b", q):
                out.append(f"a verb kept as the thing: '{m.group(1)}'")  # "the chases payments"
                break
            if w.endswith("s") and re.search(rf"\b(?:when|whenever|if|once|after|before|because|until|that) "
                                             rf"(?:{_DET} )?(?:[\w'-]+ )?{prev} {re.escape(w)}"
                                             rf"(?:$|[,.?!]| (?:and|or|but|the|a|an|your|on|in|at|to|for|with)\b)", q):
                out.append(f"a clause kept as the thing: '{m.group(1)}'")  # "a payment bounces"
                break
    for cause in _CAUSE:
        for c in cause.finditer(q):
            verb = c.group(2)
            if _verb(verb) == verb and re.search(rf"\b{re.escape(c.group(1))} {verb}\b", main.lower()) and \
                    _FRAME.search(main):
                out.append(f"a verb kept with its subject: '{c.group(1)} {verb}'")
    for o in re.finditer(r"\b(?:you|they|we) ([a-z]+)\b([\w' ]{0,30}?) or ([a-z]+) ([\w' ]+)", q):
        left, right = o.group(1), o.group(4).split()
        base = _verb(left)
        if not base or not _verb(o.group(3)):
            continue
        s = re.search(rf"\b{re.escape(_past(base))} (?:{_DET} )?([\w'-]+)", main.lower())
        if s and s.group(1) in right and s.group(1) not in o.group(2).split():
            out.append(f"two options spliced: '{s.group(0)}'")
    return out


def repair(question: str, text: str) -> str:
    """``text`` (a chosen rewrite) with a dropped currency sign or pronoun object put back and a
    rate or average taken out of a one-occasion story; unchanged when nothing applies."""
    q = str(question).replace("\u2019", "'")
    out = text
    for m in re.finditer(r"([£$€¥])\s?(\d[\d,.]*)", q):
        out = re.sub(rf"(?<![£$€¥\d.,]){re.escape(m.group(2))}(?![\d])", f"{m.group(1)}{m.group(2)}", out, count=1) \
            if m.group(1) + m.group(2) not in out else out
    story, sep, rest = out.partition(". ")
    if "last time" in story:
        head = story[:story.index("last time")]
        body = story[len(head):]
        if re.search(r"\b(?:how many|how much|how often|on average|usually|typically|normally)\b", _norm(q)) and \
                " or " not in _norm(q):
            body = _RATE.sub("", body)
        m = re.search(r"\b(?:we|they|you|someone) ([a-z]+ed)$", body)
        if m:
            base = _verb(m.group(1))
            o = base and re.search(rf"\b(?:{re.escape(base)}|{re.escape(m.group(1))}) ({_OBJ_PRONOUN})\b", _norm(q))
            if o:
                body = f"{body} {o.group(1)}"
        out = head + body + sep + rest
    return out


_SHOULD = re.compile(r"^(?:do|don't|dont|would|wouldn't|isn't|is)?\s*(?:you|it)?\s*(?:not )?(?:think|believe|feel|agree|"
                     r"say) (?:that )?((?:[\w'-]+ ){0,3}?[\w'-]+) (?:should|ought to|must|need to|have to) "
                     r"([a-z]+)((?: [\w'-]+)*)$")
_EITHER = re.compile(r"^(?:did|do|would|will|could|can) you ([a-z]+) ((?:[\w'-]+ ){0,3}?[\w'-]+) or ([a-z]+) ([\w' -]+)$")
_HAVE_DO = re.compile(rf"\b(?:have|let) {_DET} [\w'-]+(?: [\w'-]+)?? ([a-z]+)((?: (?!for\b)[\w'-]+){{0,5}})"
                      r"(?: for (?:you|yourself))?$")
_GERUND = re.compile(r"^(?:do|don't|dont|doesn't|did|didn't|would|wouldn't)?\s*you (?:\w+ )?(?:find|like|enjoy|hate|mind|"
                     r"love|dislike|prefer|consider) ([a-z]+ing) ((?:[\w'-]+ ?)+)$")
_ABOUT_DOING = re.compile(r"\babout ([a-z]+ing) ((?:[\w'-]+ ){0,3}[\w'-]+)$")
_THE_WAY = re.compile(r"\babout (?:the way|how) (you|they|we) ([a-z]+)((?: [\w'-]+){0,6})")


def candidates(question: str) -> list[str]:
    """Story rewrites of this round's builders (module docstring); may be empty."""
    q = _norm(question).rstrip("?.! ")
    out = []
    m = _SHOULD.match(q)
    if m and m.group(1) not in {"you", "i", "we"} and _verb(m.group(2)) == m.group(2):
        rest = _RATE.sub("", m.group(3))
        out.append(f"Tell me about the last time {m.group(1)} {_past(m.group(2))}{rest}. What happened?")
    o = _EITHER.match(q)
    if o and _verb(o.group(1)) == o.group(1) and _verb(o.group(3)) == o.group(3):
        out.append(f"Tell me about the last time you {_past(o.group(1))} {o.group(2)}. What happened?")
    c = _HAVE_DO.search(q)
    if c and _verb(c.group(1)) == c.group(1):  # what a tool would do for you told as the last time you did it
        out.append(f"Tell me about the last time you {_past(c.group(1))}{c.group(2)}. What happened?")
    g = _GERUND.search(q)
    if g and _verb(g.group(1)):  # "find chasing unpaid invoices stressful" -> "chased unpaid invoices"
        from kit.guide.words import tags
        obj = g.group(2).split()
        obj = obj[:next((k for k, x in enumerate(obj) if x in {"or", "and"} or (k and x in {"a", "an", "the", "so", "really", "too",
                                                                         "very"})),
                        len(obj))]
        end = 0 if " or " in g.group(2) else max((k + 1 for k, x in enumerate(obj[:5]) if "NOUN" in tags(x) and
                   not any("ADV" in tags(y) and "NOUN" not in tags(y) for y in obj[:k])), default=0)
        if end:
            out.append(f"Tell me about the last time you {_past(_verb(g.group(1)))} {' '.join(obj[:end])}. "
                       "What happened?")
    a = _ABOUT_DOING.search(q)
    if a and _verb(a.group(1)) and not g:  # "the worst thing about getting paid" -> "the last time you got paid"
        out.append(f"Tell me about the last time you {_past(_verb(a.group(1)))} {a.group(2)}. What happened?")
    w = _THE_WAY.search(q)
    if w and _verb(w.group(2)) == w.group(2):
        rest = re.sub(r"\s+(?:today|now|nowadays|these days|at the moment|currently)$", "", _RATE.sub("", w.group(3)))
        out.append(f"Tell me about the last time {w.group(1)} {_past(w.group(2))}{rest}. What happened?")
    return out
