"""Session 16: rewrites that keep one grammatical story ask, never a person's name as the topic
(newcomer session 15 F4, attacker session 15 A5; docs/design.md "Sixteenth pass").

- :func:`person_names`: the words of a question that name a person: a capitalised word that is
  not sentence-initial (nor after a dash, colon or quote that starts a clipped note) and not
  product-like (no capital inside, not all capitals, no digit, not after an article, a
  possessive, a verb of use or a preposition of place: "the Hub", "our Portal", "used Turnitin", "on Teams";
  not a day or a month), plus the parts of a study's
  roster (:func:`kit.privacy.roster`) when linting inside a study.
- :func:`finish`: the last step of :func:`kit.guide.lint.lint_question`: a double-barreled
  reason that quotes names as its "two things" is told again from the question with the names
  read as one person ("they"); a rewrite that names a person, or spells an adjective as a
  thing ("dealt with the wrong to pay"), is made again from the question with the names taken
  out; a story ask with a second ask spliced in after "and" ("the last time you booked online
  and was it easy") keeps the first ask only; a question about recommending something is
  rewritten as the last time the participant told someone about it (:func:`recommend_story`),
  or not at all when the thing is only a pronoun.
"""
from __future__ import annotations

import re

__all__ = ["finish", "judged_act_story", "person_names", "recommend_story", "spliced_ask"]

_CAP = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-z]+(?:['\u2019-][A-Z][a-z]+)?(?!['\u2019]?[A-Za-z0-9])")
_DETERMINERS = {"the", "a", "an", "our", "your", "my", "their", "this", "that", "these", "those", "its", "his", "her"}
_NOT_NAMES = {"i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "ok", "okay", "mr", "mrs", "ms", "dr", "miss", "god"}
_USE_VERBS = {"use", "used", "uses", "using", "install", "installed", "download", "downloaded", "open", "opened",
              "via", "on", "in", "into", "at"}
# where a clipped note or a new sentence starts: the next capital is no name
_STARTS = re.compile(r"(?:^|[.?!:;\"\u201c(\u2014\u2013]|\s[-+/]|\n)\s*$")


def person_names(text: str, roster_parts=()) -> frozenset[str]:
    """The lower-cased words of ``text`` that name a person (see the module docstring)."""
    text = str(text)
    out = set()
    for m in _CAP.finditer(text):
        word = m.group(0)
        before = text[:m.start()]
        if _STARTS.search(before) or word.lower() in _NOT_NAMES:
            continue
        prev = re.findall(r"[A-Za-z']+", before[-40:])
        if prev and prev[-1].lower() in _DETERMINERS | _USE_VERBS:
            continue  # "the Hub", "our Portal", "used Turnitin": a product or a place
        out.add(word.lower())
    lowered = text.lower()
    for part in roster_parts:
        p = str(part).strip().lower()
        if len(p) >= 2 and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", lowered):
            out.update(p.split())
    return frozenset(out)


def _name_spans(text: str, names: frozenset[str]) -> str:
    """``text`` with each run of names (joined by "and", "or", "&" or a comma) read as "they"."""
    if not names:
        return text
    word = r"(?:%s)" % "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    run = rf"\b{word}(?:\s+{word})*\b(?:\s*(?:,|and|or|&)\s*\b{word}(?:\s+{word})*\b)*"
    return re.sub(run, "they", text, flags=re.I)


_SPLICED = re.compile(r"\s+(?:and|or|but)\s+(?:was|is|were|are|did|does|do|has|have|had|would|will|can|could|should)"
                      r"\s+(?:it|they|that|this|there|you|u|we|he|she)\b[^.?!]*", re.I)


def spliced_ask(suggestion: str) -> str:
    """A story ask with a second question spliced in after "and" keeps its first ask: "Tell me
    about the last time you booked online and was it easy. What happened?" -> "Tell me about the
    last time you booked online. What happened?"; other suggestions unchanged."""
    main, sep, then = suggestion.partition(" Then ask separately: ")
    if not re.match(r"(?:tell me about|walk me through|describe)\b", main, re.I):
        return suggestion
    fixed = _SPLICED.sub("", main, count=1)
    return fixed + sep + then if fixed != main else suggestion


_RECOMMEND = re.compile(r"\b(?:you|u)\b(?:'d|\u2019d| would| will| ever| to| be likely to| be willing to)?"
                        r"(?: (?:still|actually|ever|likely|happily|really|definitely))?"
                        r" (?:recommend(?:ed)?|suggest(?:ed)?|refer(?:red)?)\s+(?P<obj>[^?.!,;]+?)"
                        r"(?:\s+to\s+(?:a |an |other |your |any |some )?[^?.!,;]+)?\s*(?:[?.!,;]|$)", re.I)
_PRONOUNS = {"it", "this", "that", "them", "us", "one", "him", "her", "these", "those"}


def recommend_story(question: str) -> str | None:
    """"Would you recommend PawsPortal to other pet owners?" -> "Tell me about the last time you
    told someone about PawsPortal. What did you say?"; ``""`` when the thing is a pronoun with
    nothing to refer to ("Would you recommend it?"); None when the question asks no recommendation."""
    m = _RECOMMEND.search(str(question))
    if not m:
        return None
    obj = m.group("obj").strip()
    if obj.lower() in _PRONOUNS or not re.search(r"[A-Za-z]", obj) or len(obj.split()) > 6:
        return ""
    if obj.lower().startswith(("us ", "me ")):
        return ""
    return f"Tell me about the last time you told someone about {obj}. What did you say?"


_JUDGED_ACT = re.compile(r"\b(?:think|feel|reckon|agree|believe|say)(?: that)? (?P<subj>[\w' ]+?) (?:was|were|is|are) "
                         r"(?:\w+ )?(?:wrong|right|silly|stupid|mistaken|foolish|unfair|fair|smart|clever|lazy|"
                         r"careless|unreasonable|reasonable) to (?P<verb>[a-z]+)(?P<rest>[^?.!]*)", re.I)


def judged_act_story(question: str, names: frozenset[str]) -> str | None:
    """"Don't you think Jordan Example was wrong to pay late?" -> "Tell me about the last time
    someone paid late. What happened?" (the act told as a story, no judgement, no name)."""
    from kit.guide.lexicon import past_tense

    m = _JUDGED_ACT.search(str(question))
    if not m:
        return None
    subj = m.group("subj").strip()
    if set(subj.lower().split()) & names or subj.lower() in {"he", "she", "they", "he or she"}:
        subj = "someone"
    elif not subj.lower().startswith(("the ", "your ", "their ", "our ", "a ", "an ")):
        return None
    return f"Tell me about the last time {subj} {past_tense(m.group('verb').lower())}{m.group('rest')}. What happened?"


# an adjective spelled as the thing dealt with: "the last time you dealt with the wrong to pay"
_ADJ_THING = re.compile(r"\b(?:dealt with|used|went to|went through) (?:the|a|an) (?:wrong|right|best|worst|easy|hard|"
                        r"good|bad|quick|slow|fair|unfair|silly|stupid) to \w+|\bdealt with [^.?!]*\b(?:well|badly)\.", re.I)


_TOPIC_SLOT = re.compile(r"\b(?:dealt with|went to|went through|experience with|needed help with|about|when|"
                         r"with|for|of)\s+(?:(?:the|a|an|your|their|our)\s+)?(?:[a-z]+\s+)?([A-Za-z][\w'-]*)|"
                         r"\b(?:the|a|an)\s+([A-Za-z][\w'-]*)", re.I)


def _names_in(text: str, names: frozenset[str]) -> bool:
    """A name as a rewrite's topic: after "dealt with", "used", "about", ... or an article (a name
    that receives the act, "the last time you told Priya about the outage", is no topic)."""
    return any((m.group(1) or m.group(2) or "").lower() in names for m in _TOPIC_SLOT.finditer(text))


def _ok(cand: str, flags_of, grammar_problems) -> bool:
    return bool(cand) and not any(flags_of(part) for part in cand.split(" Then ask separately: ")) and \
        not grammar_problems(cand)


def finish(read: str, flags: list[str], reasons: dict[str, str], suggestion: str, *, rewrite, reasons_of, flags_of,
           grammar_problems, roster_parts=()) -> tuple[str, dict[str, str]]:
    """``(suggestion, reasons)`` after the session-16 fixes (see the module docstring);
    ``rewrite(question, flags)`` makes a rewrite, ``reasons_of(question)`` gives the linter's reasons,
    ``flags_of`` and ``grammar_problems`` check a rewrite."""
    names = person_names(read, roster_parts)
    why = reasons.get("double-barreled", "")
    quoted = re.findall(r"'([^']+)'", why.partition(";")[0]) if why.startswith("two things asked about") else []
    if names and quoted and any(set(q.lower().split()) & names for q in quoted):
        masked = _name_spans(read, names)
        again = reasons_of(masked).get("double-barreled", "")
        again_quoted = re.findall(r"'([^']+)'", again.partition(";")[0])
        if again and not any(set(q.lower().split()) & names for q in again_quoted):
            reasons = {**reasons, "double-barreled": again.partition(";")[0] + why[len(why.partition(";")[0]):]}
        else:
            rest = why.partition(";")[2]
            reasons = {**reasons, "double-barreled": "two people's accounts asked for at once" + (";" + rest if rest else "")}
    if not suggestion:
        return suggestion, reasons
    if (story := recommend_story(read)) is not None and ("hypothetical" in flags or "closed" in flags):
        if story == "" or _ok(story, flags_of, grammar_problems):
            return story, reasons
    fixed = spliced_ask(suggestion)
    if fixed != suggestion and not grammar_problems(fixed):
        suggestion = fixed
    if _names_in(suggestion, names) or _ADJ_THING.search(suggestion):
        own = judged_act_story(read, names)
        if own and _ok(own, flags_of, grammar_problems):
            return own, reasons
        masked = _name_spans(read, names)
        again = spliced_ask(rewrite(masked, flags)) if masked != read else ""
        if again and not _names_in(again, names) and not _ADJ_THING.search(again) and _ok(again, flags_of, grammar_problems):
            return again, reasons
        return "", reasons  # no rewrite rather than a person's name or an adjective as the topic
    return suggestion, reasons
