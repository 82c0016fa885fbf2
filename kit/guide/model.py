"""A trained model that adds a flag where the linter's rules found none and none of their guards
cleared the question (issue 16, session 9; docs/design.md, "Question linter", "Trained model,
session 9").

Per flag, a logistic regression over binary features of the question (:func:`features`: the
words and word pairs of each sentence as the rules read them, the opening words of the asked
sentence, whether a preamble comes first, tense and modal patterns), fitted by
``tools/lint_model_train.py`` (scikit-learn, at training only) and shipped as JSON in
``kit/guide/data/lint_model.json``; applied here by a pure-Python scorer (a sum of weights and
a logistic function), nothing downloaded, no scikit-learn at run time.

The model only adds: a flag a rule gave is kept as it is, and the model is asked only for the
flags in the file's ``flags`` (the ones whose "rules OR gated model" raised recall on the
development hold-out without a false-flag rate over 0.05). Its gate (:func:`gated`) keeps it
away from questions a rule's guard cleared (a flag a rule raised and a later round removed),
probes, one-story pairs, joint acts, fixed pairs and pairs the rules read as one thing.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from kit.guide.cues import normalise
from kit.guide.lexicon import _sentences
from kit.guide.words import words

__all__ = ["MODEL_PATH", "Model", "evaluative_cue", "features", "gated", "load", "model_reasons"]

#: The shipped weights (written by ``tools/lint_model_train.py --write``).
MODEL_PATH = Path(__file__).resolve().parent / "data" / "lint_model.json"

_PUNCT = {",", ".", ";", ":", "!", "(", ")", "\u2014", "-", "\u2013"}
_MODALS = {"would", "could", "might", "should", "will", "can", "may", "shall"}
_PAST = {"did", "was", "were", "had", "last", "ago", "yesterday", "happened", "went", "got", "told"}
_HABIT = {"do", "does", "usually", "normally", "typically", "often", "always", "tend", "generally", "ever"}


def features(question: str) -> list[str]:
    """The binary features of one question, sorted, unique: ``w:`` words and ``b:`` word pairs
    of each sentence (``<s>`` marks a sentence start), ``o:`` the first one, two and three words
    of the last sentence (the asked one), ``p:pre`` when a sentence comes before it, ``t:``
    tense and modal patterns (a modal, a past marker, a habit word, their mixes). ``question``
    is the text as :func:`kit.guide.lint.question_text` gives it."""
    return list(_features(str(question)))


@lru_cache(maxsize=16384)
def _features(question: str) -> tuple[str, ...]:
    feats: set[str] = set()
    sents = _sentences(normalise(question.replace("\u2019", "'").replace("\u2018", "'")))
    last: list[str] = []
    for sent in sents:
        toks = [t for t in words(sent) if t not in _PUNCT]
        if toks:
            last = toks
        feats.update("w:" + t for t in toks)
        feats.update("b:" + a + " " + b for a, b in zip(["<s>", *toks], toks))
    if len([s for s in sents if words(s)]) > 1:
        feats.add("p:pre")
    for n in (1, 2, 3):
        if len(last) >= n:
            feats.add("o:" + " ".join(last[:n]))
    every = set().union(*(words(s) for s in sents)) if sents else set()
    kinds = [name for name, vocab in (("modal", _MODALS), ("past", _PAST), ("habit", _HABIT)) if every & vocab]
    feats.update("t:" + k for k in kinds)
    feats.add("t:" + "+".join(kinds) if kinds else "t:none")
    return tuple(sorted(feats))


class Model:
    """One flag's logistic regression: ``weights`` (feature -> coefficient), ``intercept`` and
    ``threshold`` (the probability, 0..1, from which the model flags)."""

    def __init__(self, weights: dict[str, float], intercept: float, threshold: float):
        self.weights = weights
        self.intercept = intercept
        self.threshold = threshold

    def probability(self, question: str) -> float:
        """The model's probability (0..1) that ``question`` has the flag."""
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in _features(str(question)))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def cues(self, question: str, k: int = 3) -> list[str]:
        """The ``k`` words or word pairs of ``question`` that push it most towards the flag."""
        scored = sorted(((self.weights.get(f, 0.0), f) for f in _features(str(question)) if f[0] in "wbo"),
                        key=lambda wf: (-wf[0], wf[1]))
        out: list[str] = []
        for w, f in scored:
            cue = f[2:].replace("<s> ", "")
            if w <= 0 or len(out) == k:
                break
            if cue not in out and any(ch.isalnum() for ch in cue):
                out.append(cue)
        return out


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> dict[str, Model]:
    """Flag -> :class:`Model` for the flags the shipped file enables (``flags`` of the JSON);
    empty when the file is absent."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {flag: Model(m["weights"], m["intercept"], m["threshold"])
            for flag, m in data["models"].items() if flag in data["flags"]}


_COORDINATOR = re.compile(r"\b(?:and|or|plus|as well as|nor|vs|versus)\b|&|/", re.I)


def gated(flag: str, raw: list[str], cleared: set[str], kind: str) -> bool:
    """True when the model may not add ``flag``: a rule raised it and a guard of a later round
    removed it (``cleared``); the question is a probe ("How do you feel about that?", "Why
    was that?"); closed, generalizing or hypothetical on a logistics request
    (:func:`kit.guide.cues15.logistics`); for double-barreled, no coordinator, or a pair the rules read as one thing
    (:func:`kit.guide.cues.one_story`, :func:`~kit.guide.cues.joint_act`,
    :func:`kit.guide.cues5.not_double`, a fixed pair such as "terms and conditions")."""
    from kit.guide import cues, cues5
    from kit.guide.lexicon import FIXED_PAIRS

    if flag in cleared or kind == "probe":
        return True
    if flag in ("closed", "generalizing", "hypothetical"):
        from kit.guide.cues15 import logistics

        # a request about the session ("Would it be ok if we followed up by email?"): fine to ask as
        # it is, as kit.guide.cues15.revise clears the rules' flags (session 13: the retrained model read it as closed)
        return bool(logistics(" ".join(raw)))
    if flag != "double-barreled":
        return False
    text = " ".join(raw)
    if not _COORDINATOR.search(text):
        return True
    toks = [t for s in raw for t in words(s)]
    if any((a, c) in FIXED_PAIRS for a, b, c in zip(toks, toks[1:], toks[2:]) if b in {"and", "or"}):
        return True
    return cues.one_story(raw) or cues.joint_act(raw) or cues5.not_double(raw)


_GRADE = {"so", "really", "very", "super", "extremely", "incredibly", "totally", "truly", "honestly", "such", "way",
          "absolutely", "genuinely", "seriously", "literally", "lowkey", "quite", "pretty", "much", "most", "least",
          "even", "actually", "ever", "amazing", "awesome", "great", "best", "worst", "better", "worse"}


def evaluative_cue(raw: list[str]) -> bool:
    """True when a rule's evaluative or claim cue is present though no rule flagged leading (the
    leading model's gate, session 15): a word with a valence (:func:`kit.guide.words.valence`, at
    least 1.0 either way), a degree, emphasis or comparison word, or a statement before the ask
    (two sentences, a dash, a tag)."""
    from kit.guide.words import valence

    toks = [t.lower() for s in raw for t in words(s)]
    if len([s for s in raw if words(s)]) > 1 or any(t in {"-", "\u2014", "\u2013"} for t in toks):
        return True
    return any(t in _GRADE or abs(valence(t)) >= 1.0 for t in toks)


def model_reasons(question: str, raw: list[str], reasons: dict[str, str], cleared: set[str], kind: str,
                  models: dict[str, Model] | None = None) -> dict[str, str]:
    """The reasons the model adds to the rules' ``reasons`` (flag -> cue), for the flags no rule
    gave and no guard closed (:func:`gated`); ``question`` as the linter reads it, ``raw`` its
    sentences, ``cleared`` the flags a rule raised and a guard removed, ``kind`` the question's
    kind. Empty without the shipped file."""
    from kit.guide.cues21 import inverted_condition

    models = load() if models is None else models
    out: dict[str, str] = {}
    for flag, m in models.items():
        if flag in reasons or gated(flag, raw, cleared, kind):
            continue
        if flag == "closed" and inverted_condition(question) != question:
            continue  # session 16: "Were you to have ..., how ...": an inverted condition, no yes/no opener
        if m.probability(question) >= m.threshold:
            named = ", ".join(f"'{c}'" for c in m.cues(question))
            out[flag] = f"the trained model reads it as {flag} (words: {named})"
    return out
