"""Session 11 (the newcomer's fault F2): the rewrite of a double-barreled question must be two
story questions, never the two asks glued into one past-tense story.

"Would you use an app to book children's reading sessions and get reminders?" was rewritten
"Tell me about the last time you booked children's reading sessions and get reminders. What
happened?": the first verb put in the past, the second left as it was, and both asks kept.

- :func:`faults` (part of :func:`kit.guide.checks.grammar_problems`): a story's past verb
  joined by "and" to a verb in its base form ("the last time you booked the sessions and get
  reminders", "... paid the invoice and send the receipt"); not after "to" or a modal, where
  the base form is right ("the last time you used an app to book and pay").
- :func:`second_verb`: the second of two verb phrases joined by "and" after a hypothetical's
  verb ("... to book the sessions and get reminders" -> "get", "reminders"), so that the
  rewrite tells the first as the story and asks the second separately.
- :func:`keeps_both`: a rewrite of a double-barreled question whose story keeps the words of
  both asks (:func:`kit.guide.retell.split_pair`): still double-barreled, so the first ask is
  the story and the second goes to "Then ask separately: ...".
"""
from __future__ import annotations

import re

__all__ = ["faults", "keeps_both", "named_object", "second_verb"]

_STORY = re.compile(r"\bthe (?:last|first) time (?:you|they|we|i) ([a-z']+)\b([^.?!]*?)\band ([a-z']+)\b(?: ([a-z']+))?",
                    re.I)
_OBJECT_START = {"the", "a", "an", "your", "their", "our", "my", "his", "her", "its", "them", "it", "him", "us",
                 "some", "any", "this", "that", "these", "those"}
# verbs whose past is their base form ("read", "put"): never a tense slip
_SAME_PAST = {"put", "set", "cut", "read", "hit", "let", "shut", "quit", "spread", "cost", "hurt", "bet", "reset",
              "upset", "split", "broadcast", "forecast", "upload", "run", "come", "become"}


def faults(text: str) -> list[str]:
    """Tense slips of a story rewrite (see the module docstring)."""
    from kit.guide.words import is_base_verb, is_past_verb, tags

    out = []
    for m in _STORY.finditer(str(text)):
        first, between, second, after = (m.group(k) and m.group(k).lower() for k in range(1, 5))
        words = between.lower().split()
        if not is_past_verb(first) or second in _SAME_PAST or is_past_verb(second) or not is_base_verb(second) or \
                set(words) & {"to", "could", "would", "can", "will", "should", "might", "must", "and", "or"}:
            continue
        if "NOUN" in tags(second) and after not in _OBJECT_START:
            continue  # "the last time you went to the bed and breakfast": a noun
        out.append(f"'{first} ... and {second}': a past verb joined to a present one")
    return out


def keeps_both(pair: tuple[str, str] | None, cand: str) -> bool:
    """Whether the story of ``cand`` (before any "Then ask separately: ...") keeps a topic word
    of each of the two asks ``pair`` that the other ask does not have."""
    if not pair:
        return False
    from kit.guide.checks import _lemmas, _stem

    first, second = ({_stem(w) for w in _lemmas(t)} for t in pair)
    story = {_stem(w) for w in _lemmas(cand.partition(" Then ask separately: ")[0])}
    return bool(first - second) and bool(second - first) and bool(story & (first - second)) and \
        bool(story & (second - first))


def second_verb(rest: str, said: str, base: str, lemma) -> tuple[str, str, str] | None:
    """``(first, verb, tail)`` when ``rest``, the words after the verb ``said`` (lemma ``base``),
    joins a second verb phrase with "and" in the same form ("book" ... "and get reminders",
    "delivers" ... "and collects returns"): ``first`` the first verb's words, ``verb`` the
    second verb's lemma, ``tail`` its words; None for a pair of nouns ("order food and drink":
    a word that is a noun too counts as a verb only before an object)."""
    from kit.guide.words import tags

    first, sep, second = str(rest).partition(" and ")
    m = re.match(r"^([a-z]+)\b ?(.*)$", second)
    if not sep or not first.strip() or not m:
        return None
    word, tail = m.group(1), m.group(2).strip()
    verb = lemma(word)
    same_form = word == verb if said.lower() == base else (word != verb and word.endswith("s") and said.endswith("s"))
    if not verb or not same_form or ("NOUN" in tags(word) and (tail.split() or [""])[0].lower() not in _OBJECT_START):
        return None
    return first.strip(), verb, tail


_FIRST_OBJECT = re.compile(r"\bthe (?:last|first) time you [a-z']+ ((?:(?:the|your|a|an) )?[a-z][a-z' -]*?)(?=[.?!])", re.I)
_BARE_PRONOUN = re.compile(r"\b(the (?:last|first) time you [a-z']+) (them|it)(?=[.?!])", re.I)
_DETERMINED = re.compile(r"^(?:the|your|a|an|my|our|their|this|that|these|those)\b", re.I)


def named_object(story: str, follow_up: str) -> str:
    """A follow-up story whose object is a bare pronoun with nothing to refer to ("Then ask
    separately: Tell me about the last time you read them.") given the first story's object
    instead ("... you read the vaccination reminders."): the two are asked apart, so "them" no
    longer follows the thing it named (newcomer session 15 F4). The object is taken when its
    number agrees ("them" a plural noun, "it" a singular one) and it is at most five words; else the
    follow-up is returned as it is."""
    first, bare = _FIRST_OBJECT.search(story), _BARE_PRONOUN.search(follow_up)
    if not first or not bare:
        return follow_up
    thing = first.group(1).strip()
    words = thing.split()
    if not words or len(words) > 5 or words[-1].lower() in {"it", "them", "this", "that", "there", "here"}:
        return follow_up
    plural = words[-1].lower().endswith("s") and not words[-1].lower().endswith("ss")
    if plural != (bare.group(2).lower() == "them"):
        return follow_up
    if not _DETERMINED.match(thing):
        thing = "the " + thing
    return follow_up[:bare.start(2)] + thing + follow_up[bare.end(2):]
