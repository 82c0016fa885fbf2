"""The phrase-level rewrite rules of the question linter: each rule is a small function that
adds story-based candidates ("Tell me about the last time you ...") for one shape of question;
:func:`_candidates` tries them in order. The clean, grammatical candidate that keeps the most of
the question's topic is chosen by :func:`kit.guide.rewrites._rewrite`."""
from __future__ import annotations

import re
from types import SimpleNamespace

from kit.guide.kinds import _EPISODE
from kit.guide.lexicon import (AUX_BASE, DETERMINERS, DISCOURSE, NEG_AUX, NOUNISH, PREPOSITIONS, WH,
    _base, _contains, _expand, _tokens, _verb_forms, past_tense)
from kit.guide.rewrites import (_CUT_WORDS, _DROP_ADVERBS, _IMAGINED_HEADS, _SERVING_VERBS, _clean_vp,
    _first_ask, _np, _np_story, _options, _reduced_relative, _relative_vp, _story, _subject_verb,
    _topic, _vp_past, _w)

__all__ = ["candidates"]


class _Question(SimpleNamespace):
    """The parts of one question the rules read (``m`` the main clause, ``W``/``L`` its words
    and their lower case, ``head``/``body``/``bl`` from the clause opener on) and ``out``, the
    candidates found so far, in order."""


def _prepare(main: str, context: str, flags: list[str]) -> "_Question":
    """The question taken apart for the rewrite rules: its main clause without tags, fillers,
    inner statements and conditions, its words, the topic of a preamble or condition."""
    # (the rules below add candidates)
    m = _expand(main).strip()
    m = re.sub(r",\s*(right|correct|yeah|yes|no|true|agreed|ok|okay)\s*\?\s*$", "?", m, flags=re.I)
    m = re.sub(r",\s*(\w+ not|\w+n't|do|did|does|is|are|was|were|would|will|can|could|have|has) "
               r"(not )?(you|it|they|we|he|she|there|that)\s*\?\s*$", "?", m, flags=re.I)
    for _ in range(3):
        m = re.sub(r"^(of course|obviously|clearly|surely|so|and|okay|ok|now|well|just to check|"
                   r"naturally|then|but|also)\b[, ]*", "", m, flags=re.I)
    m = m.strip().rstrip(" ?.!")
    opts = _options(m + "?")
    options: list[str] = []
    if opts and re.search(r"\bor\b", m):
        stripped, options = opts
        if _tokens(stripped):
            m = stripped
    if "double-barreled" in flags:
        m = _first_ask(m)
    # an inner statement: "Don't you think S", "Wouldn't you agree that S", "You would agree S"
    mi = re.match(r"^(?:do not you|do you not|do you|would not you|would you not|would you|you would|"
                  r"does not everyone|is it not true|is not it true|is it true)\s*(?:think|agree|say|feel|find|)"
                  r"(?: that)?\s+(.+)$", m, flags=re.I)
    if mi and not re.match(r"^(you|that|so)\b", mi.group(1), flags=re.I) and len(_w(mi.group(1))) >= 3 \
            and re.search(r"\b(think|agree|say|feel|find|true)\b", m[:mi.start(1)], flags=re.I):
        m = mi.group(1)
    # a condition: "If we built X, would you use it?" / "... if it were cheaper"
    cond = None
    mc = re.match(r"^(?:if|when|once|suppose|imagine|say) (.+?), (.+)$", m, flags=re.I)
    if mc:
        cond, m = mc.group(1), mc.group(2)
    else:
        mc = re.match(r"^(.+?),? (?:if|unless) (.+)$", m, flags=re.I)
        if mc:
            m, cond = mc.group(1), mc.group(2)
    W = _w(m)
    L = [w.lower() for w in W]
    hypothetical = "hypothetical" in flags
    # the topic of a priming statement, scenario or condition (for "it", "that")
    topic, imagined_topic = _topic(cond, context)
    pronoun_in_main = any(w in {"it", "them", "that", "this", "one"} and (k == len(L) - 1 or L[k + 1] not in
                          DETERMINERS | {"is", "was"} or w in {"it", "them"}) for k, w in enumerate(L) if k > 0)

    head_i = 0
    while head_i < len(L) and L[head_i] in DISCOURSE:
        head_i += 1
    head = L[head_i] if head_i < len(L) else ""
    return _Question(m=m, W=W, L=L, cond=cond, context=context, topic=topic, imagined_topic=imagined_topic,
                     hypothetical=hypothetical, options=options, pronoun_in_main=pronoun_in_main,
                     head=head, body=W[head_i:], bl=L[head_i:])


def _tail_after(W: list[str], L: list[str], *phrases: str) -> list[str] | None:
    for ph in phrases:
        k = _contains(L, ph)
        if k >= 0:
            return W[k + len(ph.split()):]
    return None


def _remembered(q: _Question) -> None:
    """'Do you remember the last time X?' -> 'Tell me about the last time X.'"""
    out = q.out
    m = q.m
    # "Do you remember the last time X?" -> "Tell me about the last time X."
    mm = re.search(r"\b(?:remember|recall|think of|think about)\s+((?:the last|the most recent|a|the first) time\b.+)$",
                   m, flags=re.I)
    if mm:
        out.append(f"Tell me about {mm.group(1)}. What happened?")


def _scenario_topic(q: _Question) -> None:
    """The scenario carries the topic when the question only points at it."""
    out = q.out
    topic = q.topic
    imagined_topic = q.imagined_topic
    context = q.context
    pronoun_in_main = q.pronoun_in_main
    # 0. the scenario carries the topic when the question only points at it ("How would that ...")
    if context and (pronoun_in_main or imagined_topic):
        mm = re.search(r"\b(?:you|it|the \w+|we|they) (?:could|can|had|would|will) (.+?)"
                       r"(?:\b(?:by|with|via|through|using|without|automatically|for you)\b|[.?!]|$)",
                       _expand(context), flags=re.I)
        if mm and _base(_w(mm.group(1))[0] if _w(mm.group(1)) else "") not in _SERVING_VERBS:
            out.append(_story(_vp_past(_w(mm.group(1))), "How did you do it?"))
        if topic:
            out.append(_np_story(topic, imagined_topic))


def _choice(q: _Question) -> None:
    """"Do you prefer X or Y": the last time they chose between them."""
    out = q.out
    m = q.m
    L = q.L
    options = q.options
    # "Do you prefer X or Y" -> choose between them
    mm = re.search(r"\b(?:prefer|rather have|rather use|choose|pick) (.+?) or (.+)$", m, flags=re.I)
    if mm:
        a_, b_ = _np(_w(mm.group(1))) or mm.group(1), _np(_w(mm.group(2))) or mm.group(2)
        out.append(f"Tell me about the last time you had to choose between {a_} and {b_}. What did you pick?")
    if options and not any(L[k] == "you" and k + 1 < len(L) and (_base(L[k + 1]) or L[k + 1] in _DROP_ADVERBS)
                           for k in range(len(L))):
        out.append(f"Tell me about the last time you had to choose between {options[0]} and {options[1]}. "
                   "What did you pick?")


def _price(q: _Question) -> None:
    """"How much would you pay for X": the last time they paid for it."""
    out = q.out
    W = q.W
    L = q.L
    topic = q.topic
    # 1. prices
    rest = _tail_after(W, L, "how much would you be willing to pay for", "how much would you pay for",
                      "how much would you expect to pay for", "what would you expect to pay for",
                      "what would you pay for", "most you would pay for", "how much are you willing to pay for",
                      "how much would you be willing to spend on", "how much would you spend on",
                      "willing to pay for", "pay more for", "pay extra for", "spend on")
    if rest is not None:
        np_ = _np(rest) or topic
        if np_:
            like = np_ if np_.split()[0].lower() not in {"a", "an"} else f"something like {np_}"
            out.append(f"Tell me about the last time you paid for {like}. How much did it cost?")
        out.append("Tell me about the last time you paid for something like this. How much did it cost?")


_FACT_AUX = {"did", "do", "does", "was", "were"}
_LAST_FRAME = re.compile(r"\s(?:last (?:week|month|year|time|night|summer|winter|season|term)|in the end)\b", re.I)


def _one_fact(q: _Question) -> None:
    """"How many tattoos did you book last month?", "Which van did you hire?": the last time the
    event happened, with the counted or picked thing kept as its object."""
    L, W = q.bl, q.body
    while L and L[0] in {"roughly", "exactly", "approximately", "about", "so", "and", "um", "er", ","}:
        L, W = L[1:], W[1:]
    if len(L) < 4 or L[0] not in {"how", "what", "which"}:
        return
    k = next((i for i in range(1, min(len(L) - 1, 7)) if L[i] in _FACT_AUX), -1)
    if k < 0 or not (L[0] == "how" and L[1] in {"many", "much", "long", "far", "old"} or
                     L[0] == "what" and L[1] in {"year", "date", "time", "day", "month"} or L[0] == "which"):
        return
    np_ = W[2:k] if L[0] == "how" and L[1] in {"many", "much"} else W[1:k] if L[0] == "which" else []
    if L[0] == "which" and np_[:2] and np_[0].lower() == "of":
        np_ = np_[2:]
    after = W[k + 1:]
    if L[k] in {"was", "were"}:
        if after[:1] and after[0].lower() == "you" and len(after) > 1:
            phrase = _LAST_FRAME.sub("", " ".join(["were"] + after[1:]))
            out = _story(phrase)
            q.out.append(out)
        return
    if after[:1] and after[0].lower() == "you":
        subj, vp = ["you"], after[1:]
    else:
        sv = _subject_verb(after, {"base"})
        if not sv:
            return
        subj, vp = list(sv[0]), list(sv[1])
        if len(vp) > 1 and vp[0].lower() in {"last", "first", "ever", "just", "actually", "finally", "really"}:
            vp = vp[1:]  # "did the window cleaner last come round"
        elif len(vp) > 1 and "base" in _verb_forms(vp[1]) and vp[1].lower() not in DETERMINERS | PREPOSITIONS:
            subj, vp = subj + vp[:1], vp[1:]  # "did the solar install take": a noun read as a verb
    pw = list(vp)
    if np_:
        pos = 1
        while pos < len(pw) and pw[pos].lower() in {"up", "out"}:
            pos += 1
        if pos > 1 and pos < len(pw) and pw[pos].endswith("ing"):
            pos += 1
        if pos < len(pw) and pw[pos].lower() in {"you", "me", "us", "them", "him", "her"}:
            pos += 1
        thing = ("the " if L[0] == "which" else "") + " ".join(np_)
        pw = pw[:pos] + thing.split() + pw[pos:]
    phrase = _vp_past(pw, q.topic)
    if not phrase:
        return
    pw = phrase.split()
    phrase = _LAST_FRAME.sub("", " ".join(pw))
    subject = " ".join(subj)
    q.out.append(_story(phrase, "What happened?", subject[:1].lower() + subject[1:] if subject != "I" else "I"))


def _it_to(q: _Question) -> None:
    """"How hard is it to VP": the last time they did it."""
    out = q.out
    W = q.W
    L = q.L
    topic = q.topic
    # 2. "How <adj> is it to VP" / "Is it hard to VP"
    k = _contains(L, "it to")
    if k < 0:
        k = _contains(L, "it for you to")
        k = k + 2 if k >= 0 else -1
    if k >= 0:
        out.append(_story(_vp_past(W[k + 2:], topic), "How did it go?"))


def _episode_clause(q: _Question) -> None:
    """The episode in a when/if clause."""
    out = q.out
    W = q.W
    L = q.L
    hypothetical = q.hypothetical
    cond = q.cond
    # 3. the episode in a "when"/"if" clause: "Isn't it annoying when the app logs you out?"
    for src in ([" ".join(W[L.index("when") + 1:])] if "when" in L[1:] else []) + ([cond] if cond else []):
        sw = _w(src)
        if not sw:
            continue
        if sw[0].lower() == "you":
            p = _vp_past(sw[1:])
            out.append(_story(p, "What did you do?"))
        elif sw[0].lower() not in {"we", "it", "there", "i"}:
            sv = _subject_verb(sw, {"base", "s", "past", "pp"})
            if sv and hypothetical and sv[0][-1].lower() in _IMAGINED_HEADS:
                vl2 = [w.lower() for w in sv[1]]
                if "to" in vl2 and "you" in vl2[:3]:
                    p = _vp_past(sv[1][vl2.index("to") + 1:])
                    if p:
                        out.append(f"Tell me about the last time you had to {' '.join(_clean_vp(sv[1][vl2.index('to') + 1:]))}. "
                                   "What happened?")
                continue
            if sv and any(w.lower() not in DETERMINERS for w in sv[0]):
                p = _vp_past(sv[1])
                subj = " ".join(sv[0])
                if p:
                    subj = subj[:1].lower() + subj[1:] if subj.split()[0].lower() in DETERMINERS else subj
                    out.append(f"Tell me about the last time {subj} {p}. What did you do?")


def _imagined_product(q: _Question) -> None:
    """An imagined product described by a relative clause."""
    out = q.out
    W = q.W
    hypothetical = q.hypothetical
    cond = q.cond
    context = q.context
    # 4. an imagined product described by a relative clause: "a tool that reconciles invoices"
    for src in ([cond] if cond else []) + ([" ".join(W)] if hypothetical else []) + ([context] if context else []):
        rv = _relative_vp(_w(src))
        if rv:
            out.append(_story(rv, "How did you do it?"))


def _wh_heads(q: _Question) -> None:
    """A wh-question: a gerund after a preposition, a prediction after "would"."""
    out = q.out
    W = q.W
    L = q.L
    topic = q.topic
    body = q.body
    bl = q.bl
    for prep in ("about", "of", "with", "when", "in"):
        if prep in bl:
            r = body[bl.index(prep) + 1:]
            while r and r[0].lower() in {"most", "least", "the", "really"}:
                r = r[1:]
            if r and r[0].lower().endswith("ing") and _base(r[0]):
                out.append(_story(_vp_past(r, topic)))
    r = _tail_after(W, L, "would make you", "would get you to", "would convince you to", "would it take for you to",
                   "would need to happen for you to", "likely are you to", "likely would you be to",
                   "often would you", "would you ever", "will you next", "will you ever",
                   "is it that you would", "is it that you will", "that you would", "that you will")
    if r:
        out.append(_story(_vp_past(r, topic)))


def _wh_you(q: _Question, aux_k: int, after: list, kind_aux: str) -> None:
    """A wh-question about the participant: "What do you like about X"."""
    out = q.out
    topic = q.topic
    hypothetical = q.hypothetical
    body = q.body
    bl = q.bl
    vp = after[1:]
    vl = [w.lower() for w in vp]
    while vl and (vl[0] in _DROP_ADVERBS or vl[0] in {"think", "be", "going", "willing", "able",
                                                       "want", "like", "need", "have", "to", "not"}
                  and not (vl[0] in {"like", "want", "need", "have"} and len(vl) > 1 and vl[1] not in {"to"})):
        if vl[0] == "think" and len(vl) > 1 and vl[1] in {"you", "that"}:
            vp, vl = vp[1:], vl[1:]
            while vl and vl[0] in {"that", "you", "would", "will", "might", "could"}:
                vp, vl = vp[1:], vl[1:]
            continue
        vp, vl = vp[1:], vl[1:]
    if kind_aux == "be" and vl and vl[0] in {"happy", "satisfied", "worried", "pleased", "unhappy",
                                              "interested", "frustrated", "annoyed", "concerned"}:
        out.append(_np_story(_np(vp[1:]), hypothetical))
    if kind_aux == "be" and vl and vl[0] in {"with", "about", "by", "of", "in"}:
        out.append(_np_story(_np(vp[1:]), hypothetical))
    if vl and (vl[0] in {"like", "enjoy", "love", "hate", "think", "feel"} or
               (vl[0] in {"find", "rate"} and bl[0] == "how" and bl[1] not in AUX_BASE)) and len(vp) > 1:
        k2 = 1
        while k2 < len(vl) - 1 and vl[k2] in {"most", "least", "best", "about", "really", "so", "much"}:
            k2 += 1
        if vl[0] in {"think", "feel"} and len(vl) > 1 and vl[1] in {"about", "of"}:
            k2 = 2
        g = vp[k2].lower() if k2 < len(vp) else ""
        if g.endswith("ing"):
            out.append(_story(_vp_past(vp[k2:], topic)))
        out.append(_np_story(_np(vp[k2:]) or topic, hypothetical))
    if vl and vl[0] in {"use", "try", "download", "install"}:
        rv = _relative_vp(vp)
        if rv:
            out.append(_story(rv, "How did you do it?"))
        np_ = _np(vp[1:])
        if hypothetical and np_:
            out.append(_np_story(np_, True))
    if aux_k > 1 and vl and _base(vl[0]) and not vl[1:2]:
        # "What tools do you use" -> "used one of your tools"
        nouns = [w for w in body[1:aux_k] if w.lower() not in DETERMINERS]
        if nouns and nouns[-1].lower().endswith("s"):
            out.append(_story(f"{past_tense(_base(vl[0]))} one of your {' '.join(nouns)}"))
        elif nouns:
            out.append(_story(f"{past_tense(_base(vl[0]))} your {' '.join(nouns)}"))
    out.append(_story(_vp_past(vp, topic), "How did you do it?" if bl[0] == "how" else "What happened?"))
    if bl[0] == "what" and aux_k == 1 and vl and _base(vl[0]) and (len(vl) == 1 or vl[1] in PREPOSITIONS) \
            and _base(vl[0]) not in {"like", "love", "enjoy", "hate", "think", "feel", "mean", "dislike",
                                     "prefer", "want", "need", "say"}:
        tail = " ".join(_clean_vp(vp[1:])) if len(vl) > 1 else ""
        out.insert(0 if len(vl) > 1 else len(out),
                   _story(f"{past_tense(_base(vl[0]))} something {tail}".strip(), "What was it?"))


def _wh_other_subject(q: _Question, after: list, kind_aux: str) -> None:
    """A wh-question about someone or something else."""
    out = q.out
    topic = q.topic
    hypothetical = q.hypothetical
    if kind_aux == "be":
        rr = _reduced_relative(after)
        if rr:
            out.append(_story(rr))
        out.append(_np_story(_np(after) or topic, hypothetical))
    else:
        exp = {"base"} if kind_aux in {"do", "modal"} else {"pp", "past"}
        sv = _subject_verb(after, exp)
        if sv and hypothetical and sv[0][0].lower() in {"a", "an"}:
            out.append(_np_story(_np(sv[0]), True))
        if sv:
            subj = " ".join(sv[0])
            p = _vp_past(sv[1], topic)
            if p and subj.lower() not in {"it", "that", "this"}:
                if subj.split()[0].lower() in DETERMINERS:
                    subj = subj[:1].lower() + subj[1:]
                out.append(f"Tell me about the last time {subj} {p}. What happened?")
        if sv:
            out.append(_np_story(_np(sv[0]), hypothetical))


def _wh_who(q: _Question) -> None:
    """"Who VP": the last time someone VP."""
    out = q.out
    topic = q.topic
    body = q.body
    p = _vp_past(body[1:], topic)
    out.append(f"Tell me about the last time someone {p}. Who was involved?" if p else None)


def _wh_about(q: _Question) -> None:
    """"What did you love about X": the story of X."""
    out = q.out
    topic = q.topic
    hypothetical = q.hypothetical
    body = q.body
    bl = q.bl
    # "What did you love about X", "the most frustrating part of switching banks"
    for prep in ("about", "of", "with", "in"):
        if prep in bl:
            r = body[bl.index(prep) + 1:]
            if r and r[0].lower().endswith("ing") and _base(r[0]):
                out.append(_story(_vp_past(r, topic)))
            out.append(_np_story(_np(r), hypothetical))


def _aux_you_and(q: _Question, after: list, kind_aux: str) -> None:
    """"Did you and your partner VP"."""
    out = q.out
    topic = q.topic
    al = [w.lower() for w in after]
    if al[:2] == ["you", "and"] and kind_aux != "be":
        sv = _subject_verb(after, {"base"} if kind_aux in {"do", "modal"} else {"pp", "past"})
        if sv:
            p = _vp_past(sv[1], topic)
            if p:
                out.append(f"Tell me about the last time {' '.join(sv[0])} {p}. What happened?")


def _aux_you(q: _Question, after: list, kind_aux: str) -> None:
    """A yes/no question about the participant: "Do you think you would VP"."""
    out = q.out
    topic = q.topic
    hypothetical = q.hypothetical
    options = q.options
    vp = after[1:]
    vl = [w.lower() for w in vp]
    # "Do you think you would VP", "Are you going to VP", "be able to"
    while vl and (vl[0] in _DROP_ADVERBS or vl[0] in {"not"}):
        vp, vl = vp[1:], vl[1:]
    if vl[:1] == ["think"]:
        k = 1
        while k < len(vl) and vl[k] in {"that", "you", "would", "will", "might", "could", "ever"}:
            k += 1
        vp, vl = vp[k:], vl[k:]
    for pre in (["going", "to"], ["planning", "to"], ["able", "to"], ["willing", "to"],
                ["be", "willing", "to"], ["be", "able", "to"], ["have", "to"], ["need", "to"],
                ["want", "to"], ["see", "yourself"], ["ever"], ["end", "up"], ["ended", "up"]):
        if vl[:len(pre)] == pre:
            vp, vl = vp[len(pre):], vl[len(pre):]
    if vl[:2] and vl[0] in {"be", "been"} and len(vl) > 1 and vl[1].endswith("ing") and _base(vl[1]):
        out.append(_story(_vp_past(vp[1:], topic)))
    if vl[:2] and vl[0] == "been" and len(vl) > 1 and "pp" in _verb_forms(vl[1]):
        tail = _clean_vp(vp[1:])
        out.append(f"Tell me about the last time you were {' '.join(tail)}. What happened?" if tail else None)
    if vl[:1] and vl[0] in {"be", "interested", "happy", "satisfied", "worried", "pleased", "keen",
                             "open", "concerned", "frustrated", "annoyed", "aware"}:
        k = 1 if vl[0] != "be" else 2
        r = vp[k:]
        rl = [w.lower() for w in r]
        if rl[:1] and rl[0] in {"in", "about", "with", "by", "of", "for"}:
            r = r[1:]
        if r and r[0].lower().endswith("ing"):
            out.append(_story(_vp_past(r, topic)))
        if vl[0] in {"interested", "keen", "open"} or (vl[0] == "be" and len(vl) > 1 and vl[1] in {"interested", "keen", "open"}):
            np_ = _np(r)
            out.append(f"Tell me about the last time you needed {np_}. What did you do?" if np_ else None)
        else:
            out.append(_np_story(_np(r) or topic, False))
    if kind_aux == "be" and vl[:2] in (["the", "one"], ["the", "person"]) or vl[:1] == ["someone"]:
        rv = _relative_vp(vp)
        out.append(_story(rv))
    if vl[:1] and vl[0] in {"prefer", "choose", "pick"} and options:
        out.append(f"Tell me about the last time you had to choose between {options[0]} and {options[1]}. "
                   "What did you pick?")
    if vl[:1] and vl[0] in {"use", "try", "download", "install"}:
        rv = _relative_vp(vp)
        if rv:
            out.append(_story(rv, "How did you do it?"))
        np_ = _np(vp[1:])
        if hypothetical and np_ and vl[1:2] and vl[1] in {"a", "an", "something", "some"}:
            out.append(_np_story(np_, True))
    if kind_aux == "be" and vl and vl[0].endswith("ing"):
        out.append(_story(_vp_past(vp, topic)))
    out.append(_story(_vp_past(vp, topic), "How did it go?"))


def _aux_there(q: _Question, after: list, kind_aux: str) -> None:
    """"Is there a time when ..."."""
    out = q.out
    hypothetical = q.hypothetical
    al = [w.lower() for w in after]
    r = after[1:]
    rr = _reduced_relative(r)
    out.append(_story(rr))
    if _EPISODE.search(" ".join(al)):
        np_ = " ".join(_clean_vp(r)) if r else None
        if np_:
            np_ = re.sub(r"^(any|some) ", "", " ".join(r), flags=re.I)
            out.append(f"Tell me about {np_}. What happened?")
    out.append(_np_story(_np(r), hypothetical))


def _aux_it(q: _Question, after: list, kind_aux: str) -> None:
    """"Was it hard switching ..."."""
    out = q.out
    topic = q.topic
    hypothetical = q.hypothetical
    r = after[1:]
    rl = [w.lower() for w in r]
    if "made" in rl and rl.index("made") + 2 < len(rl) and rl[rl.index("made") + 1] == "you":
        out.append(_story(_vp_past(r[rl.index("made") + 2:])))
    for k, w in enumerate(rl):
        if w.endswith("ing") and _base(w) and k > 0:
            out.append(_story(_vp_past(r[k:], topic)))
            break
    out.append(_np_story(_np(r), hypothetical))


def _aux_other_subject(q: _Question, after: list, kind_aux: str) -> None:
    """A yes/no question about someone or something else."""
    out = q.out
    topic = q.topic
    hypothetical = q.hypothetical
    al = [w.lower() for w in after]
    if kind_aux == "be":
        np_ = _np(after)
        if np_ and "who" in al:
            k = al.index("who")
            p = _vp_past(after[k + 1:], topic)
            if p:
                out.append(f"Tell me about the last time {np_} {p}. What happened?")
        if np_:
            n = len(np_.split())
            k = next((i for i in range(1, len(al)) if ("pp" in _verb_forms(al[i]) or al[i].endswith("ed"))
                      and al[i] not in NOUNISH and al[i - 1] not in DETERMINERS), None)
            if k is not None and k >= n - 1:
                tail = []
                for w in after[k:]:
                    if w.lower() in _CUT_WORDS | {"before", "after", "when", "and", "or", "by"}:
                        break
                    tail.append(w)
                be = "were" if np_.split()[-1].lower().endswith("s") and not np_.split()[-1].lower().endswith("ss") else "was"
                out.append(f"Tell me about the last time {np_} {be} {' '.join(tail)}. What happened?")
        rr = _reduced_relative(after)
        out.append(_story(rr))
        out.append(_np_story(np_, hypothetical))
    else:
        exp = {"base"} if kind_aux in {"do", "modal"} else {"pp", "past"}
        sv = _subject_verb(after, exp)
        if sv:
            subj = " ".join(sv[0])
            vp = sv[1]
            vl = [w.lower() for w in vp]
            for pre in (["be", "able", "to"], ["need", "to"], ["have", "to"], ["ever"]):
                if vl[:len(pre)] == pre:
                    vp = vp[len(pre):]
            if vl[:1] == ["help"] and len(vl) > 2 and vl[1] == "you":
                r = _clean_vp(vp[2:])
                if r and _base(r[0]):
                    out.append(f"Tell me about the last time you tried to {' '.join(r)}. What happened?")
            p = _vp_past(vp, topic)
            if p and subj.lower() not in {"it", "that", "this"}:
                if subj.split()[0].lower() in DETERMINERS | {"students", "teachers", "people", "customers"}:
                    subj = subj[:1].lower() + subj[1:]
                if hypothetical and subj.split()[0].lower() in {"a", "an"}:
                    out.append(_np_story(_np(sv[0]), True))
                else:
                    out.append(f"Tell me about the last time {subj} {p}. What happened?")
        out.append(_np_story(_np(after), hypothetical))


def _statement(q: _Question) -> None:
    """A statement with a question mark or a tag."""
    out = q.out
    topic = q.topic
    hypothetical = q.hypothetical
    body = q.body
    bl = q.bl
    # a statement with a question mark or a tag: "You check your bank balance every day"
    sw, sl = body, bl
    if sl[:1] == ["you"]:
        vp, vl = sw[1:], sl[1:]
        while vl and (vl[0] in _DROP_ADVERBS or vl[0] in {"would", "will", "could", "might", "do", "not"}):
            vp, vl = vp[1:], vl[1:]
        out.append(_story(_vp_past(vp, topic)))
    elif sl:
        sv = _subject_verb(sw, {"s", "past", "base"})
        if sv and _base(sv[1][0]) in {"love", "like", "hate", "enjoy", "prefer", "appreciate", "adore"}:
            out.append(_np_story(_np(sv[1][1:]), hypothetical))
        if sv and sv[0][0].lower() in DETERMINERS and not (sv[1] and _base(sv[1][0]) in {"be", "have"}):
            p = _vp_past(sv[1])
            if p:
                out.append(f"Tell me about the last time {' '.join(sv[0]).lower()} {p}. What happened?")
        out.append(_np_story(_np(sw), hypothetical))


def _preamble(q: _Question) -> None:
    """The statement before the question: 'Most people find X hard to VP. Do you?'"""
    out = q.out
    W = q.W
    topic = q.topic
    hypothetical = q.hypothetical
    context = q.context
    # 6. the statement before the question: "Most people find X hard to VP. Do you?"
    if context:
        mm = re.search(r"\b(?:find|found|say|think) (.+?) (?:is |are |was )?(?:too |really |very |so )?(?:hard|difficult|easy|"
                       r"confusing|annoying|painful|frustrating|slow|tricky|quick|simple) to (\w+(?: up| out| in)?)",
                       context, flags=re.I)
        if mm:
            obj = _np(_w(mm.group(1)))
            if obj:
                out.append(_story(f"{past_tense(_base(mm.group(2).split()[0]) or mm.group(2).split()[0])} "
                                  f"{' '.join(mm.group(2).split()[1:])} {obj}".replace("  ", " ")))
        mm = re.search(r"\b(?:would|will) (.+?)[.?!]?$", _expand(context), flags=re.I)
        if mm:
            out.append(_story(_vp_past(_w(mm.group(1)))))
        if topic:
            vl = [w.lower() for w in W]
            k = vl.index("you") if "you" in vl else -1
            if k >= 0:
                vp = [w for w in W[k + 1:]]
                while vp and vp[0].lower() in _DROP_ADVERBS | {"think"}:
                    vp = vp[1:]
                if vp and vp[0].lower() not in {"think", "feel"}:
                    out.append(_story(_vp_past(vp, topic)))
            out.append(_np_story(topic, hypothetical))


def _fallbacks(q: _Question) -> None:
    """The options, then the fallback the linter promises."""
    out = q.out
    W = q.W
    L = q.L
    topic = q.topic
    options = q.options
    # 7. the options, then the fallback the linter promises
    if options:
        out.append(f"Tell me about the last time you had to choose between {options[0]} and {options[1]}. "
                   "What did you pick?")
    for prep in ("about", "with", "for", "on", "of"):
        if prep in L:
            np_ = _np(W[L.index(prep) + 1:])
            if np_:
                out.append(f"Tell me about the last time you dealt with {np_}. What happened?")
    if topic:
        out.append(f"Tell me about the last time you dealt with {topic}. What happened?")


def _wh_shape(q: _Question) -> None:
    body, bl = q.body, q.bl
    _wh_heads(q)
    aux_k = next((k for k, w in enumerate(bl) if w in AUX_BASE), None)
    if aux_k is not None and aux_k + 1 < len(bl):
        after = body[aux_k + 1:]
        kind_aux = AUX_BASE[bl[aux_k]]
        if after and after[0].lower() == "not":
            after = after[1:]
        first = after[0].lower() if after else ""
        if first == "you":
            _wh_you(q, aux_k, after, kind_aux)
        elif first != "it" and after:
            _wh_other_subject(q, after, kind_aux)
    elif aux_k is None and len(bl) > 1 and bl[0] == "who" and _base(bl[1]):
        _wh_who(q)
    _wh_about(q)


def _aux_shape(q: _Question) -> None:
    after = q.body[1:]
    if after and after[0].lower() == "not":
        after = after[1:]
    kind_aux = AUX_BASE.get(q.head, "do")
    first = after[0].lower() if after else ""
    _aux_you_and(q, after, kind_aux)
    if first == "you":
        _aux_you(q, after, kind_aux)
    elif first == "there":
        _aux_there(q, after, kind_aux)
    elif first in {"it", "this", "that"}:
        _aux_it(q, after, kind_aux)
    elif after:
        _aux_other_subject(q, after, kind_aux)


def _by_shape(q: _Question) -> None:
    """By the shape of the question: a wh-question, a yes/no question or a statement."""
    if q.head in WH:
        _wh_shape(q)
    elif q.head in AUX_BASE or q.head in NEG_AUX:
        _aux_shape(q)
    else:
        _statement(q)


# the rules, tried in order
RULES = (_remembered, _scenario_topic, _choice, _price, _one_fact, _it_to, _episode_clause, _imagined_product,
         _by_shape, _preamble, _fallbacks)


def candidates(main: str, context: str, flags: list[str]) -> list[str]:
    """Story-based rewrites of the question ``main`` (after the statements ``context``), most
    specific first; a list of strings, possibly empty."""
    q = _prepare(main, context, flags)
    q.out = []
    for rule in RULES:
        rule(q)
    return [c for c in q.out if c]
