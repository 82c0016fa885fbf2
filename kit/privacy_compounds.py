"""A first name that is also an everyday word, before a noun: the thing, not the person.

A roster first name that is a word ("Bill", "Grace", "Mark", "Rose") is written capitalised at
the start of a note's sentence before the noun it names a thing with: "Bill pay payee
disappeared", "Grace period", "Rose garden". :func:`names_a_thing` is the one rule for it
(newcomer session 16 F10, where "Bill pay" was redacted to "[name] pay" while "Bill payment"
was kept because only the latter was on a list): the word after the name is a noun in the
English lexicon shipped with ``lemminflect``, and it is no word a person's name stands before as
the subject: not a verb inflected for a subject ("pays", "paid", "saw", "read" as a past, "works",
"paying"), not an auxiliary ("can", "will"), not a pronoun or a determiner. A noun that is also a
verb's bare form ("pay", "call") reads as a verb after a word that takes one ("Did Bill pay",
"Let Bill pay", "you and Bill pay"), and a name after a verb or a pronoun may be its object ("gave
Bill money", "saw Bill yesterday", "uses Bill pay"): a person there (fail closed). Two short fixed phrases whose
second word is no noun ("Mark as read") are listed (:data:`TWO_WORD_PHRASES`).
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache

__all__ = ["TWO_WORD_PHRASES", "names_a_thing"]

#: Phrases of an everyday-word name and two more words that name an action, not the person
#: (an app's "Mark as read"); the name before "as" alone stays a name (fail closed).
TWO_WORD_PHRASES = frozenset({("mark", "as", "read"), ("mark", "as", "unread"), ("mark", "as", "spam"),
                              ("mark", "as", "paid"), ("mark", "as", "done"), ("mark", "as", "complete")})

# Words before the name after which a verb's bare form follows the name as its verb: "did Bill pay",
# "let Bill pay", "make Bill pay", "will Bill call", "to ask Bill call" (not grammatical, fail closed),
# "you and Bill pay" (a plural subject).
_BARE_VERB_BEFORE = frozenset("""do does did don't doesn't didn't dont doesnt didnt let lets make makes made help helps
    helped have has had will would can could should shall may might must to and or nor & watch watched hear heard see saw
    ll won't wont can't cant couldn't couldnt wouldn't wouldnt shouldn't shouldnt isn't""".split())
_DETERMINERS = frozenset("my your our their its a an the this that these those some any no every each".split())
_NOT_NOUNS = frozenset("""i you he she it we they me him her us them my your his its our their this that these those
    a an the some any no every each all both either neither who whom whose which what there here""".split())


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """``(nouns, verbs, inflected, not_nouns)`` of the lexicon shipped with ``lemminflect``: the
    lower-case words with a noun entry; every verb form (bare and inflected); the inflected verb
    forms alone (past, participles, -ing, -s: lemminflect's inflection table); the words that are
    also an auxiliary or an adverb ("can", "today", "home": a subject's verb or an adverb after an
    object). Empty sets when the lexicon cannot be read (then no word is a noun: every such name
    is redacted, as before)."""
    nouns, verbs, inflected, other = set(), set(), set(), set()
    try:
        from importlib.resources import files

        root = files("lemminflect") / "resources"
        lemmas = gzip.decompress((root / "lemma_lu.csv.gz").read_bytes()).decode("utf-8", "replace")
        forms = gzip.decompress((root / "infl_lu.csv.gz").read_bytes()).decode("utf-8", "replace")
    except (ImportError, OSError, ValueError, EOFError):
        return frozenset(), frozenset(), frozenset(), frozenset()
    for word, pos in re.findall(r"(?m)^([a-z][a-z'-]*),(noun|aux|adv|verb)\b", lemmas):
        (nouns if pos == "noun" else verbs if pos == "verb" else other).add(word)
    for lemma, rest in re.findall(r"(?m)^([a-z][a-z'-]*),verb,(.*)$", forms):
        verbs.add(lemma)
        inflected.update(w for w in re.split(r"[,/]", rest) if w and w != lemma)
    # a past that is written as the bare form ("read", "put", "cut", "hit"): inflected too
    inflected.update(lemma for lemma, rest in re.findall(r"(?m)^([a-z][a-z'-]*),verb,(.*)$", forms)
                     if lemma in re.split(r"[,/]", rest))
    verbs |= inflected
    return frozenset(nouns), frozenset(verbs), frozenset(inflected), frozenset(other)


def names_a_thing(before: str | None, word: str) -> bool:
    """Whether an everyday-word first name followed (one space) by the lower-case ``word`` names a
    thing with it (see the module's rule); ``before`` is the word right before the name (None at
    the start of a sentence or after punctuation). False when unsure (fail closed)."""
    word = str(word or "").lower()
    if not word or word in _NOT_NOUNS or not word.isalpha():
        return False
    nouns, verbs, inflected, other = _lexicon()
    if word not in nouns or word in other or word in inflected:
        return False  # "Bill pays", "Bill saw", "Mark read", "Grace can", "Bill today": a person's
    if before is not None:
        before = str(before).lower()
        if before in _BARE_VERB_BEFORE or before in _NOT_NOUNS - _DETERMINERS or before in verbs:
            return False  # "Did Bill pay", "you and Bill pay", "saw Bill yesterday", "gave Bill money", "uses Bill pay"
    return True
