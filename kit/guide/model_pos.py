"""Part-of-speech features of a question for the linter's trained model (issue 16, session 10,
an experiment, reported to the lead; the shipped model: docs/design.md, "Question linter",
"Trained model, session 9").

The word model (:mod:`kit.guide.model`) sees words and word pairs; these features see the
grammar: Penn Treebank tags from TextBlob's ``PatternTagger`` (a Brill-style lexicon and
context rules shipped inside the ``textblob`` package as ``en-lexicon.txt`` / ``en-context.txt``;
nothing downloaded, no NLTK data: De Smedt & Daelemans 2012, "Pattern for Python", JMLR 13).
Each sentence is tagged as the rules read it (:func:`kit.guide.words.words`: contractions
expanded, fillers out, common typos corrected). Evaluated by ``tools/lint_model_pos.py``
(leave-one-author-out).
"""
from __future__ import annotations

from functools import lru_cache

from kit.guide.cues import normalise
from kit.guide.lexicon import _sentences
from kit.guide.words import words

__all__ = ["CLOSED_CLASS", "pos_features", "tag"]

#: Tags whose words are few and grammatical: their word is kept with the tag (``wt:would/MD``).
CLOSED_CLASS = frozenset({"CC", "DT", "EX", "IN", "MD", "PDT", "PRP", "PRP$", "RP", "TO", "WDT", "WP", "WP$", "WRB"})
_PUNCT = {",", ".", ";", ":", "!", "?", "(", ")", "\u2014", "-", "\u2013", "'", '"'}
_VERB = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD")
_ADJ = ("JJ", "JJR", "JJS", "RBR", "RBS")
_AUX = {"do", "does", "did", "is", "are", "was", "were", "am", "be", "been", "have", "has", "had"}


@lru_cache(maxsize=1)
def _tagger():
    from textblob.en.taggers import PatternTagger  # package data only (en-lexicon.txt), no NLTK corpora
    return PatternTagger()


def tag(tokens: list[str]) -> list[tuple[str, str]]:
    """``(token, Penn tag)`` for each of ``tokens`` (one sentence, already split), in order;
    an empty list for no tokens. Raises nothing on any text."""
    if not tokens:
        return []
    tagged = _tagger().tag(" ".join(tokens), tokenize=False)
    return [(w, t or "NN") for w, t in tagged]


def pos_features(question: str) -> list[str]:
    """The part-of-speech features of one question, sorted, unique (binary features, names
    prefixed so that they never collide with :func:`kit.guide.model.features`):

    - ``g1:`` / ``g2:`` / ``g3:`` tags, tag pairs and triples of the asked (last) sentence,
      ``<s>`` at its start, ``</s>`` at its end; ``G1:`` / ``G2:`` the same for any earlier
      sentence (the preamble);
    - ``go:`` the first one, two and three tags of the asked sentence;
    - ``wt:`` word/tag of the closed-class words (:data:`CLOSED_CLASS`) of every sentence;
    - ``h:`` the tag of the word after "how" and, for an adjective or adverb, of the one after;
    - ``m:`` a modal's pattern (``m:would>PRP>VB``, ``m:MD>VB``, ``m:MD>have>VBN``);
    - ``v:`` the tense of the asked sentence's first verb (its tag; ``v:aux:did``, ``v:none``);
    - ``has:`` presence of JJ, JJR, JJS, RBR, RBS (``has:JJ2`` for two or more adjectives),
      ``cc:`` the tags either side of "and" / "or" (``cc:NN_and_NN``).

    ``question`` is the text as :func:`kit.guide.lint.question_text` gives it."""
    return list(_pos_features(str(question)))


def _sentence_tags(question: str) -> list[list[tuple[str, str]]]:
    sents = _sentences(normalise(question.replace("\u2019", "'").replace("\u2018", "'")))
    out = []
    for s in sents:
        toks = [t for t in words(s) if t not in _PUNCT]
        if toks:
            out.append(tag(toks))
    return out


def _ngrams(prefix: str, tags: list[str], n: int) -> set[str]:
    seq = ["<s>", *tags, "</s>"]
    return {f"{prefix}{n}:" + " ".join(seq[i:i + n]) for i in range(len(seq) - n + 1)} if n > 1 else \
        {f"{prefix}1:" + t for t in tags}


@lru_cache(maxsize=16384)
def _pos_features(question: str) -> tuple[str, ...]:
    feats: set[str] = set()
    sents = _sentence_tags(question)
    if not sents:
        return ("v:none",)
    asked, pre = sents[-1], sents[:-1]
    tags = [t for _, t in asked]
    for n in (1, 2, 3):
        feats |= _ngrams("g", tags, n)
        if n <= len(tags):
            feats.add("go:" + " ".join(tags[:n]))
    for s in pre:
        feats |= _ngrams("G", [t for _, t in s], 1) | _ngrams("G", [t for _, t in s], 2)
    every = [wt for s in sents for wt in s]
    feats |= {f"wt:{w}/{t}" for w, t in every if t in CLOSED_CLASS}
    feats |= _how(asked) | _modal(asked) | _coordination(every)
    feats.add(_tense(asked))
    adj = [t for _, t in every if t in _ADJ]
    feats |= {"has:" + t for t in adj}
    if sum(t == "JJ" for t in adj) >= 2:
        feats.add("has:JJ2")
    return tuple(sorted(feats))


def _how(sent: list[tuple[str, str]]) -> set[str]:
    out = set()
    for i, (w, _) in enumerate(sent[:-1]):
        if w == "how":
            nxt = sent[i + 1][1]
            out.add("h:" + nxt)
            if nxt in ("JJ", "RB", "JJR", "RBR") and i + 2 < len(sent):
                out.add(f"h:{nxt}>{sent[i + 2][1]}")
    return out


def _modal(sent: list[tuple[str, str]]) -> set[str]:
    out = set()
    for i, (w, t) in enumerate(sent):
        if t != "MD":
            continue
        rest = sent[i + 1:i + 4]
        nxt = [x for _, x in rest]
        if nxt[:1] == ["VB"]:
            out.add("m:MD>VB")
        if nxt[:2] == ["PRP", "VB"]:
            out.update({"m:MD>PRP>VB", f"m:{w}>PRP>VB"})
        if rest[:1] and rest[0][0] == "have" or [x for x, _ in rest[1:2]] == ["have"]:
            out.add("m:MD>have")
        out.add(f"m:{w}")
    return out


def _tense(sent: list[tuple[str, str]]) -> str:
    for w, t in sent:
        if t in _VERB:
            return f"v:aux:{w}" if w in _AUX or t == "MD" else f"v:{t}"
    return "v:none"


def _coordination(every: list[tuple[str, str]]) -> set[str]:
    out = set()
    for i in range(1, len(every) - 1):
        w = every[i][0]
        if w in ("and", "or"):
            out.add(f"cc:{every[i - 1][1]}_{w}_{every[i + 1][1]}")
    return out
