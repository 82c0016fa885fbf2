"""Rewrites of the thirteenth round (issue 16, item 3, session 8): what the topic measure
reads as a question's topic, and the kinds of topic a rewrite lost on the study sets.

The topic (:func:`topic_only`, applied by :func:`kit.guide.retell11.topic_words` and so by
:func:`kit.guide.topic_overlap`) leaves out words that are the question's machinery, not what
it is about, each a reading error of the earlier measure (examples in
``tests/test_guide_rewrites13.py``):

- adverbs of time, place and degree and determiner-like adjectives the word tables also list
  as nouns or adjectives ("there", "now", "tomorrow", "just", "still", "back", "other",
  "same", "own"): "Would you still come back tomorrow?" is about coming, not about tomorrow;
- number words ("ten more people"), and units of time besides "day" and "week", which were
  already left out ("per hour", "a month", "next year", "every morning");
- the measure word of a "how long / far / soon / old / late / early" question, which asks for
  one figure as "how many" does ("How long did the repair take?" is about the repair);
- "look" of "look like", "let" of "let's say" / "let me", "scale" of "on a scale of", "likely" of
  "how likely", "sense" of "make sense", "come" of "when it comes to", "point" of "at any point",
  "follow" of "the following", "forward" of "going forward" (as "in future");
- reflexive and indefinite pronouns the tables list as nouns ("yourself", "itself", "nothing"),
  conjunctions ("whether", "while"), "please", "well" ("as well") and "super" (an intensifier);
- the judging words "good", "great", "better", "best", "bad", "worse", "worst", which the
  table of nouns also lists ("goods"), so that the judgement a rewrite must drop is not
  counted as topic;
- an irregular past form is compared by its lemma ("came" / "come", "ran" / "run").

Machinery is left out only when the question has other topic words: "What does a typical week
look like?" keeps "look", so the generic story does not count as keeping its topic.
"""
from __future__ import annotations

import re

__all__ = ["NOT_TOPIC", "invariant_past", "topic_only"]

_ADVERBS = {"there", "here", "now", "then", "today", "tonight", "tomorrow", "yesterday", "just", "still",
            "only", "back", "down", "up", "out", "off", "away", "far", "soon", "already", "even", "also",
            "else", "anymore", "ever", "never", "later", "earlier", "ago", "again", "yet", "instead",
            "together", "enough", "too", "very", "quite", "rather", "pretty", "so", "maybe", "perhaps",
            "probably", "actually", "currently", "lately", "nowadays", "anyway", "overall", "sooner", "ahead",
            "afterwards", "beforehand"}
_DETERMINERS = {"other", "others", "another", "same", "own", "such", "whole", "certain", "various",
                "several", "few", "more", "less", "each", "every", "all", "both", "either", "neither",
                "extra", "else"}
_NUMBERS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "half",
            "dozen", "couple", "second", "third", "once", "twice"}
_UNITS = {"minute", "hour", "month", "year", "morning", "afternoon", "evening", "night", "fortnight",
          "weekend", "minutes", "hours", "months", "years", "nights", "weekends", "mornings", "evenings"}
_JUDGING = {"good", "great", "better", "best", "bad", "worse", "worst"}
#: Words never counted as the topic of a question.
NOT_TOPIC = frozenset(_ADVERBS | _DETERMINERS | _NUMBERS | _UNITS | _JUDGING | {
    "myself", "yourself", "yourselves", "himself", "herself", "itself", "ourselves", "themselves", "nothing",
    "nobody", "anybody", "somebody", "everybody", "none", "well", "super", "please", "whether", "while",
    "although", "though", "unless"})
_PHRASE_MACHINERY = ((re.compile(r"\bon a scale\b", re.I), "scale"), (re.compile(r"\bhow likely\b", re.I), "likely"),
                     (re.compile(r"\bmakes? sense\b", re.I), "sense"), (re.compile(r"\bas well\b", re.I), "well"),
                     (re.compile(r"\bwhen it comes to\b", re.I), "come"), (re.compile(r"\bat any point\b", re.I), "point"),
                     (re.compile(r"\bthe following\b", re.I), "follow"), (re.compile(r"\bgoing forward\b", re.I), "forward"))
_HOW_MEASURE = re.compile(r"\bhow (long|far|soon|old|late|early)\b", re.I)


def topic_only(original: str, topic: list[str]) -> list[str]:
    """``topic`` (the measure's words of ``original``) without the words that are the
    question's machinery (module docstring), irregular past forms as their lemma."""
    from kit.guide.words import lemma, words

    said = words(original)
    measure = {m.group(1).lower() for m in _HOW_MEASURE.finditer(original)}
    measure = {w for w in measure if sum(x == w for x in said) == 1}  # "how long ... a long queue" keeps it
    machinery = set(measure)
    if re.search(r"\blooks? like\b|\blooked like\b", original, re.I) and \
            sum(x in {"look", "looks", "looked"} for x in said) == 1:
        machinery.add("look")
    if re.search(r"\blet(?:'s| us| me)\b", original, re.I):
        machinery.add("let")
    machinery |= {word for rx, word in _PHRASE_MACHINERY if rx.search(original)}
    out = []
    for t in topic:
        verb = lemma(t, "VERB")
        if verb and verb != t and len(verb) >= 3 and not t.endswith(("ing", "ed", "s")):
            t = verb  # an irregular past ("came", "ran"): its lemma, which every form of the rewrite gives
        out.append(t)
    # machinery left out, unless it is all the question has ("What does a typical week look like?"
    # keeps "look": a question with no topic word would count any rewrite as keeping its topic)
    return [t for t in out if t not in NOT_TOPIC and t not in machinery] or out


def invariant_past(word: str) -> bool:
    """True for a verb whose past tense is its base form ("reset", "split", "upset", "shed"),
    by lemminflect's inflection tables: "the last time you reset the router" is past."""
    from lemminflect import getInflection

    return word in (getInflection(word, "VBD") or ())


# --------------------------------------------------------------------------------------
# Two asks: a rewrite that keeps one of them says how to ask the other
# --------------------------------------------------------------------------------------
_SECOND_CLAUSE = re.compile(
    r"^(?P<first>.+?\w)\s*(?:,\s*|\s+)(?:[-\u2013\u2014]\s*)?(?:and|but)\s+(?:also\s+|then\s+|separately,?\s+)?"
    r"(?P<second>(?:how|what|why|who|which|when|where|was|were|did|do|does|is|are|would|could|have|has|had)\b.+)$",
    re.I)
_SECOND_ONE = re.compile(r"^(?P<first>.*?\bthe (?:(?:last|first) )?(?P<head>[a-z]+) (?:you|who|that|which|we|they)\b.+?),?"
                         r"\s+and (?:also |about )?(?P<second>the (?:(?:last|first) )?one\b.+)$", re.I)
_SECOND_ABOUT = re.compile(r"^(?P<first>(?P<opener>(?:tell me|talk me through|walk me through) about|tell me about|describe) .+?),?"
                           r"\s+and (?:also )?(?:about )?(?P<second>(?:the|your|that) .+)$", re.I)
_SAID_ALONE = re.compile(r"^(?:and|but|also|then)\b", re.I)


def two_asks(question: str) -> tuple[str, str] | None:
    """``(first ask, second ask)`` of ``question``, each a question of its own (see
    :func:`second_ask`), or None."""
    text = " ".join(str(question or "").split()).rstrip(" ?.!")
    second = second_ask(question)
    if not second:
        return None
    m = _SECOND_CLAUSE.match(text) or _SECOND_ONE.match(text) or _SECOND_ABOUT.match(text)
    first = m.group("first").rstrip(" ,-\u2013\u2014")
    request = re.match(r"(?:tell me|describe|walk me|talk me|share)\b", first, re.I)
    first = first[:1].upper() + first[1:] + ("." if request else "?")
    return first, second


def second_ask(question: str) -> str | None:
    """The second of two asks of ``question`` as a question of its own, in the question's own
    words: "How long did the repair take and how much did you charge?" -> "How much did you
    charge?"; "Tell me about the last customer who paid late, and the last one who asked for a
    discount" -> "Tell me about the last customer who asked for a discount."; None when the
    question does not join two asks that way."""
    text = " ".join(str(question or "").split()).rstrip(" ?.!")
    m = _SECOND_CLAUSE.match(text)
    if m and len(m.group("second").split()) >= 3 and len(m.group("first").split()) >= 3:
        second = m.group("second")
        if re.match(r"(?:how|what|why|who|which|when|where)\s+(?:about|else|so|come)\b", second, re.I):
            return None  # "and what else?", "and how come?": a probe on the same thing
        if re.match(r"(?:how|what|why|who|which|when|where)\s+(?:you|they|we|i|he|she|the|your|our|their|it)\b",
                    second, re.I):  # an embedded question after a request: "and also what you think of X"
            return None if not re.match(r"(?:tell me|describe|walk me|talk me)\b", text, re.I) else \
                f"Tell me {second[:1].lower()}{second[1:]}."
        return second[:1].upper() + second[1:] + "?"
    m = _SECOND_ONE.match(text)
    if m:
        opener = re.match(r"^(.*?)\bthe (?:(?:last|first) )?[a-z]+ (?:you|who|that|which|we|they)\b", m.group("first"),
                          re.I).group(1)
        second = re.sub(r"\b(the(?: last| first)?) one\b", rf"\1 {m.group('head')}", m.group("second"), count=1,
                        flags=re.I)
        ask = (opener + second).strip()
        return ask[:1].upper() + ask[1:] + "."
    m = _SECOND_ABOUT.match(text)  # "Tell me about your first appointment and about the phone follow-up"
    if m and len(m.group("second").split()) >= 2:
        ask = f"{m.group('opener')} {m.group('second')}".strip()
        return ask[:1].upper() + ask[1:] + "."
    return None


def complete(question: str, flags: list[str], rewrite: str, rewrite_text, flags_of, grammar_problems) -> str:
    """``rewrite`` of a double-barreled ``question`` with its second ask as a follow-up ("Then ask
    separately: ...") when the rewrite keeps one ask and says nothing of the other; the second
    ask is rewritten when it is flagged on its own (``rewrite_text(text, flags)``) and added only
    when it is clean and grammatical. Else ``rewrite`` unchanged."""
    if "double-barreled" not in flags or "Then ask separately:" in rewrite or not rewrite:
        return rewrite
    asks = two_asks(question)
    if not asks:
        return rewrite
    first, second = asks
    from kit.guide.checks import topic_overlap

    if topic_overlap(first, rewrite) < 0.999 and not flags_of(first) and not grammar_problems(first):
        rewrite = first  # the first ask is a good question on its own: asked in its own words
    own = flags_of(second)
    then = rewrite_text(second, own) if own else second
    if not then or re.search(r"came up|a recent experience with", then) or flags_of(then) or grammar_problems(then):
        return rewrite
    if own:  # a rewritten second ask: the same checks as every rewrite ("the brands break down" as a thing)
        from kit.guide import retell10, retell12
        from kit.guide.rewrites import broken

        if broken(then) or retell10.question_faults(second, then) or retell12.faults(second, then):
            return rewrite
    if topic_overlap(second, rewrite) >= 0.999:  # the story already asks it
        return rewrite
    return f"{rewrite} Then ask separately: {then}"


# --------------------------------------------------------------------------------------
# The story's own clause: its "for you" and the tense of its when-clause
# --------------------------------------------------------------------------------------
_PP_YOU = re.compile(r"\b([\w'-]+) (for|to|with) you\b(?! (?:to|and|or)\b)", re.I)
_STORY_SUBJECT = re.compile(r"\bthe (?:last|first) time (?!you\b|I\b)([\w'-]+(?: [\w'-]+)?)", re.I)
_CLAUSE_VERB = re.compile(r"\b(when|while|because|after|before|until|once) (she|he|it|they|we|you|I|"
                          r"(?:the|your|their|our|a|an) [\w'-]+) ([a-z]+)\b")


def restore_you(question: str, rewrite: str) -> str:
    """The question's "for you" / "to you" / "with you" put back after the story's verb phrase
    when the story's subject is someone else ("Does your manager ever cover shifts for you?" ->
    "... the last time your manager covered shifts for you."): it says whom the act was for."""
    story, dot, rest = rewrite.partition(".")
    if not dot or not _STORY_SUBJECT.search(story) or re.search(r"\b(?:for|to|with) you\b", story, re.I):
        return rewrite
    for m in _PP_YOU.finditer(question):
        word, prep = m.group(1), m.group(2).lower()
        if word.lower() in {"it", "this", "that", "them", "like", "thank", "than", "and", "or"}:
            continue
        if re.search(rf"\b{re.escape(word)}$", story, re.I):
            return f"{story} {prep} you.{rest}"
    return rewrite


def agree(rewrite: str) -> str:
    """A present tense inside the when-clause of a past story put in the past ("the last time
    you thanked your manager when she covers shifts" -> "... when she covered shifts")."""
    from kit.guide.lexicon import past_tense
    from kit.guide.words import lemma, tags

    story, dot, rest = rewrite.partition(".")
    if not dot or not re.search(r"\bthe (?:last|first) time\b", story, re.I):
        return rewrite

    def past(m: re.Match) -> str:
        verb = m.group(3)
        base = lemma(verb, "VERB")
        third = verb.endswith("s") and base != verb and "VERB" in tags(verb) and m.group(2).lower() not in {
            "they", "we", "you", "i"}
        plain = base == verb and "VERB" in tags(verb) and "NOUN" not in tags(verb) and m.group(2).lower() in {
            "they", "we", "you", "i"}
        if not (third or plain) or verb in {"is", "are", "has", "have", "does", "do"}:
            return m.group(0)
        return f"{m.group(1)} {m.group(2)} {past_tense(base)}"

    return _CLAUSE_VERB.sub(past, story) + dot + rest


def tidy(question: str, rewrite: str, flags_of, grammar_problems) -> str:
    """:func:`agree` and :func:`restore_you` applied to ``rewrite`` when the result is clean
    and grammatical; else ``rewrite``."""
    out = restore_you(question, agree(rewrite))
    if out != rewrite and not flags_of(out.partition(" Then ask separately: ")[0]) and not grammar_problems(out):
        return out
    return rewrite


# --------------------------------------------------------------------------------------
# A phrase of the question the story dropped: its place, occasion, tool or thing
# --------------------------------------------------------------------------------------
_ATTACH_PREPS = {"on", "at", "in", "during", "with", "from", "for", "over", "through", "after", "before", "by",
                 "about", "into", "onto", "without", "across"}
_NP_DETS = {"the", "a", "an", "your", "our", "their", "his", "her", "my", "this", "that", "these", "those"}
_IMAGINED = re.compile(r"\b(?:if|imagine|imagining|suppose|supposing|say|what if|ideal|dream|would|could|wish|"
                       r"going forward|in future|in the future|next|tomorrow|unless|instead of|rather than)\b"
                       r"[^,;:.?!\u2013\u2014]*", re.I)
_HABIT = {"typical", "normal", "usual", "average", "general", "regular", "weekends", "weekdays", "mornings",
          "evenings", "nights", "sundays", "saturdays", "mondays", "tuesdays", "wednesdays", "thursdays",
          "fridays", "future", "moment", "whole", "most", "least", "best", "worst", "way", "first", "place",
          "end", "day", "week", "month", "year", "time", "times", "days", "weeks", "months", "years", "now",
          "today", "bit", "lot", "part", "kind", "sort", "type", "fact", "case", "terms", "respect"}


_CLAUSE_END = re.compile(r"[,;:?!.\u2013\u2014]|\s-\s|\b(?:and|or|but|so|whether|who|which|that|than)\b", re.I)


def _phrases(question: str, story: str = "") -> list[str]:
    """The question's prepositional phrases with a noun phrase ("on a hot bank holiday", "with
    the online booking"), outside a hypothetical or future clause, a possessive "our" made
    "the"; each at most six words. With ``story``, only those in a clause of the question that
    shares a content word with it, and not after an adjective ("happy with the new rota",
    "the fastest in the region": the phrase belongs to the judgement)."""
    from kit.guide.checks import _lemmas
    from kit.guide.words import tags

    told = {w for w in _lemmas(story)} - {"tell", "last", "time", "deal", "use", "need"} if story else set()

    text = " ".join(str(question).split())
    for m in _IMAGINED.finditer(text):  # what is only imagined is never told as met
        text = text[:m.start()] + " | " + " " * (m.end() - m.start() - 3) + text[m.end():]
    toks = re.findall(r"[\w'-]+|[^\w\s]", text)
    out = []
    for k, t in enumerate(toks):
        if t.lower() not in _ATTACH_PREPS:
            continue
        j = k + 1
        np_ = []
        if j < len(toks) and toks[j].lower() in _NP_DETS:
            np_.append("the" if toks[j].lower() in {"our", "this", "that", "these", "those"} else toks[j].lower())
            j += 1
        while j < len(toks) and len(np_) < 6:
            w = toks[j]
            tg = tags(w.lower())
            if not re.match(r"[\w'-]+$", w) or not tg & {"NOUN", "ADJ"} or tg & {"PRON", "AUX", "WH", "PREP", "CONJ", "DET"} \
                    or ("VERB" in tg and "NOUN" not in tg and "ADJ" not in tg):
                break
            np_.append(w)
            j += 1
        while np_ and "NOUN" not in tags(np_[-1].lower()):
            np_.pop()
        if (k and toks[k - 1].lower() in {"or", "and"}) or (j < len(toks) and toks[j].lower() in {"or", "and"}):
            continue  # one of two options or one of a pair: "by card or by transfer"
        while np_ and "ADJ" in tags(np_[-1].lower()) and len(np_) > 1 and "NOUN" in tags(np_[-2].lower()):
            np_.pop()  # "in the box clear": the state after the noun phrase
        if story:
            prev = toks[k - 1].lower() if k else ""
            if prev.endswith("est") or prev in {"more", "most", "less", "least"} or (
                    "ADJ" in tags(prev) and "NOUN" not in tags(prev) and "VERB" not in tags(prev)):
                continue
            before, after = " ".join(toks[:k]), " ".join(toks[j:])
            start = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
            end = next((m.start() for m in _CLAUSE_END.finditer(after)), len(after))
            if not told & set(_lemmas(before[start:] + " " + after[:end])):
                continue  # another clause's phrase: "thinking about your current set-up, ... keeping kit running"
        content = [w for w in np_ if w.lower() not in _NP_DETS]
        if not content or any(w.lower() in _HABIT or w.lower() in NOT_TOPIC for w in content):
            continue
        if np_[0].lower() not in _NP_DETS and len(content) == 1 and content[0].lower().endswith("s") and t.lower() in {
                "on", "at", "in"}:
            continue  # "at weekends", "on Sundays": a habit, not one occasion
        out.append(f"{t.lower()} {' '.join(np_)}")
    return out


def with_phrase(question: str, rewrite: str, usable, overlap) -> str:
    """``rewrite`` with the question's prepositional phrase that it dropped and that keeps the
    most topic put back at the end of its story ("What happens on a hot bank holiday when you
    run out of a flavour?" -> "Tell me about the last time you ran out of a flavour on a hot bank
    holiday."), when ``usable(candidate)`` and it keeps more topic; else ``rewrite``."""
    story, dot, rest = rewrite.partition(".")
    if not dot or not re.match(r"Tell me about the (?:last|first) time\b", story) or len(story.split()) > 16:
        return rewrite
    best, best_ov = rewrite, overlap(question, rewrite)
    low = story.lower()
    for phrase in _phrases(question, story):
        words = phrase.split()[1:]
        if all(w.lower() in low for w in words if w.lower() not in _NP_DETS) or \
                f" {phrase.split()[0]} {words[0].lower()} " in f" {low} ":
            continue
        cand = f"{story} {phrase}{dot}{rest}"
        ov = overlap(question, cand)
        if ov > best_ov + 1e-9 and usable(cand):
            best, best_ov = cand, ov
    return best


# --------------------------------------------------------------------------------------
# Builders: the question's own clause, told as the last time it happened
# --------------------------------------------------------------------------------------
_CONSEQUENCE = re.compile(r"\b(?:would|will|could|might|'d)\s+(?P<subj>you|u|your [\w'-]+|they)\s+"
                          r"(?:still |ever |definitely |probably |actually |then |also |be able to |want to |"
                          r"be likely to |consider )*(?P<vp>[a-z][^?,.;:!\u2013\u2014]*)", re.I)
_CONSEQUENCE_AFTER = re.compile(r"\b(?P<subj>you|they)(?:'d|\u2019d| would| will| might| could)\s+"
                                r"(?:still |ever |definitely |probably |actually |then |also |be able to |want to |"
                                r"be likely to |consider )*(?P<vp>[a-z][^?,.;:!\u2013\u2014]*)", re.I)
_CONDITION_THING = re.compile(r"\b(?:if|imagine|suppose|supposing|say|once|when)\b[^,?;:\u2013\u2014]*?\b(?:we|they|you|the \w+)"
                              r"\s+(?:could |did |were to )?(?:offered|offer|added|add|had|ran|run|introduced|launched|opened|"
                              r"built|made|gave you|provided|supplied|sold|started|stocked|brought in|set up|put on|"
                              r"released|created|installed)\s+(?P<np>[^,?;:.\u2013\u2014]+)", re.I)
_THERE_THING = re.compile(r"\bif there (?:was|were|is) (?P<np>[^,?;:.\u2013\u2014]+)", re.I)
_WHEN_CLAUSE = re.compile(r"\b(?:when|after|once|whenever)\s+(?P<subj>you|your [\w'-]+|the [\w'-]+|they|we|a [\w'-]+)\s+"
                          r"(?P<vp>[a-z][^?,.;:!\u2013\u2014]*)", re.I)
_DO_SUPPORT = re.compile(r"^(?:so,? |and |but |okay,? |ok,? )?(?P<wh>how|what|why|where|who|which [\w'-]+|what [\w'-]+)\s+"
                         r"(?:did|do|does|would|will|could|can|has|have)\s+(?P<subj>you|your [\w'-]+|the [\w'-]+|they)\s+"
                         r"(?P<vp>[a-z][^?,.;:!\u2013\u2014]*)", re.I)


# verbs that take the imagined thing with "for" / "to" and no object: "signed up for", "went to"
_FOR_VERBS = {"sign", "pay", "come", "go", "wait", "apply", "register", "queue", "shop", "ask", "vote", "subscribe",
              "enrol", "enroll", "opt", "switch", "look"}
# verbs that take "about" after them ("talked about"); any other verb before "about" has lost its object
_ABOUT_VERBS = {"talk", "think", "hear", "learn", "complain", "ask", "care", "worry", "forget", "know", "read",
                "write", "speak", "tell", "find", "chat", "argue", "laugh", "joke", "dream", "wonder", "read"}


def _story(subj: str, vp_words: list[str], topic: str | None = None, follow: str = "What happened?") -> str | None:
    from kit.guide.lexicon import _base
    from kit.guide.rewrites import _tidy, _vp_past

    if len(vp_words) >= 2 and vp_words[1].lower() == "about" and _base(vp_words[0]) not in _ABOUT_VERBS:
        return None  # "change about the way you book": the verb's object is missing

    vp = _vp_past(vp_words, topic)
    if not vp:
        return None
    subj = "you" if subj.lower() == "u" else subj
    return _tidy(f"Tell me about the last time {subj} {vp}. {follow}")


def _thing(question: str) -> str | None:
    """The imagined thing of a condition ("If we offered duck eggs" -> "duck eggs")."""
    from kit.guide.rewrites import _np, _w

    m = _CONDITION_THING.search(question) or _THERE_THING.search(question)
    if not m:
        return None
    np_ = _np(_w(m.group("np")))
    if not np_ or all(w.lower() in NOT_TOPIC | _NP_DETS for w in np_.split()):
        return None
    return np_


def candidates(question: str) -> list[str]:
    """Stories built from the question's own clause (each checked by the caller):

    - the consequence of a condition with the imagined thing as "something like" it ("If we
      offered duck eggs, would you put them on the menu?" -> "Tell me about the last time you
      put something like duck eggs on the menu.");
    - a when-clause as the event ("How did the kids react when you brought the play kitchen
      home?" -> "Tell me about the last time you brought the play kitchen home. How did the kids
      react?");
    - a wh-question's own verb phrase ("What did the technician tell you about the damage?" ->
      "Tell me about the last time the technician told you about the damage.").
    """
    from kit.guide.rewrites import _w

    text = " ".join(str(question or "").split())
    out: list[str | None] = []
    thing = _thing(text)
    for m in [*_CONSEQUENCE.finditer(text), *_CONSEQUENCE_AFTER.finditer(text)]:
        words = _w(m.group("vp"))
        if thing:
            out.append(_story(m.group("subj"), words, f"something like {thing}"))
            bare = [w for w in words if w.lower() not in {"more", "often", "less", "again", "then", "back"}]
            if 1 <= len(bare) <= 2 and bare[0].lower() in _FOR_VERBS and (
                    len(bare) == 1 or bare[1].lower() in {"up", "in", "out", "on", "back", "over"}):
                # "would you sign up?" -> "signed up for something like house calls"
                prep = "to" if bare[0].lower() in {"go", "come"} else "for"
                out.append(_story(m.group("subj"), bare + [prep, "something", "like", *thing.split()]))
        out.append(_story(m.group("subj"), words))
    for m in _WHEN_CLAUSE.finditer(text):
        if _IMAGINED.search(text[max(0, m.start() - 12):m.start()]):
            continue
        story = _story(m.group("subj"), _w(m.group("vp")))
        if story:
            asked = text[:m.start()].strip(" ,")
            ask = re.match(r"(?:how|what|who|why) (?:did|was|were)\b[^?]*$", asked, re.I)  # a past ask only
            if ask and 2 <= len(asked.split()) <= 8 and not re.search(r"\b(?:usually|normally|typically|generally|"
                                                                      r"would|often)\b", asked, re.I):
                story_ask = asked[:1].upper() + asked[1:] + "?"
                out.append(story.replace("What happened?", story_ask))
            out.append(story)
    m = _DO_SUPPORT.match(text)
    if m:
        words = _w(m.group("vp"))
        wh = m.group("wh").lower().split()
        if len(wh) == 2 and wh[1] not in NOT_TOPIC:  # "which march would you pick" -> "picked a march"
            words = words + ["the", wh[1]] if len(words) == 1 else words
        out.append(_story(m.group("subj"), words))
    return [c for c in dict.fromkeys(out) if c]


def better(question: str, rewrite: str, usable, overlap, flags_of, grammar_problems) -> str:
    """A story of :func:`candidates` instead of ``rewrite`` (its story part, a follow-up kept)
    when it is usable (its story sentence by ``usable``, its own question clean and
    grammatical) and keeps more of the topic."""
    story, sep, then = rewrite.partition(" Then ask separately: ")
    best, best_ov = story, overlap(question, rewrite)
    for cand in candidates(question):
        whole = cand + (sep + then if sep else "")
        ov = overlap(question, whole)
        told, _, asked = cand.partition(". ")
        if ov > best_ov + 1e-9 and usable(f"{told}. What happened?") and not flags_of(asked) and \
                not grammar_problems(cand):
            best, best_ov = cand, ov
    return best + (sep + then if sep else "") if best != story else rewrite
