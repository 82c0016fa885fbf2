"""A turn in several languages, sentence by sentence, and its passages (:mod:`kit.languages`).

A participant answers in English and closes in Welsh ("I checked the app but it still said
due, due, due, for twenty minutes. In the end I texted my boss that I'd be late. Mae'r ap yn
ddiwerth yn y bore, a dweud y gwir."): the turn as a whole reads English (0.96 among en and
cy), but its last sentence is surely Welsh. Such a turn is split into sentences (NLTK's
Punkt, :func:`sentences`) and each sentence of :data:`kit.languages.SHORT_TURN` words or more
is judged alone among the candidate languages: a turn with sentences surely
(:data:`kit.languages.SURE`) in two languages or more is ``mul``
(:func:`kit.language_passages.judge`), and its **passages** -- its sentences gathered by
language, a sentence too short or unsure to judge joining the language of the sentence
before it (else after it) -- are what sentiment and auto-coding read
(:func:`passage_segments`, :func:`scored_view`): the English passage is scored and coded
with the English keywords, the Welsh one is coded with the Welsh keywords and counted as
unscored in Welsh, so no English word of a mixed turn is lost.

Only a turn that could be mixed is split (:func:`could_be_mixed`, a cheap screen on what
the whole turn's detection already gave): at least two sentences' worth of words, a
sentence end inside it, and a candidate language no surer than :data:`SPLIT_BELOW`, or
with a margin over the others under :data:`MARGIN_PER_CHAR` per character.
Code-switching inside one sentence ("Fui al mall y compré un hoodie bien cute.") is not
split: the turn keeps its one language, as before.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd

__all__ = [
    "MARGIN_PER_CHAR",
    "SPLIT_BELOW",
    "coded_once",
    "could_be_mixed",
    "screened",
    "passage_segments",
    "passages",
    "scored_view",
    "sentence_languages",
    "sentences",
]

#: A turn is split when the whole turn's candidate language is no surer than this (the
#: probability at which a turn overrides a declared language, :data:`kit.languages.CONFIDENT`)...
SPLIT_BELOW = 0.99
#: ... or when the margin of that language over the others, ``log(p / (1 - p))`` per character
#: read, is below this. A longer turn is surer of its language, so a fixed probability would
#: never split a long one; an English turn whose last of three sentences is Welsh ("I checked
#: the app ...  Mae'r ap yn ddiwerth yn y bore, a dweud y gwir.") has 0.019, one closing in
#: German 0.038; in the 240,000 turns of the 10,000-interview benchmark study (English),
#: 68 of the 67,377 of 8 words or more with a sentence end inside are below 0.04, 385 below
#: 0.99 in probability; every other is not split.
MARGIN_PER_CHAR = 0.04
_END = re.compile(r"[.!?…]['\"’”)\]]*\s+\S")


@lru_cache(maxsize=1)
def _punkt():
    """NLTK's Punkt sentence tokenizer (untrained parameters: no language's abbreviation
    list, so it is the same for every language), loaded without running ``nltk/__init__.py``
    (:func:`kit.nltkdata.nltk_module`)."""
    from kit.nltkdata import nltk_module

    return nltk_module("nltk.tokenize.punkt", ("tokenize",)).PunktSentenceTokenizer()


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (Punkt's spans, each as written), none empty."""
    if not isinstance(text, str) or not text.strip():
        return []
    return [text[a:b] for a, b in _punkt().span_tokenize(text) if text[a:b].strip()]


def could_be_mixed(text: str, probability: float) -> bool:
    """The cheap screen: could a turn read as one candidate language with ``probability``
    hold sentences in two? Only then is it split (:func:`sentence_languages`)."""
    if probability >= SPLIT_BELOW and (probability >= 1.0 or math.log(probability / (1.0 - probability))
                                       >= MARGIN_PER_CHAR * min(len(text), _detect_chars())):
        return False
    return bool(_END.search(text)) and bool(_two_sentences().search(text))


def screened(texts: list[str], probabilities: list[float]) -> list[int]:
    """The positions of ``texts`` (their candidate languages' ``probabilities``) that could be
    mixed (:func:`could_be_mixed`), the probabilities tested for all at once (numpy): most
    turns of a large study are read as their language with probability 1.0 and cost nothing."""
    import numpy as np

    p = np.asarray(probabilities, dtype=np.float64)
    maybe = np.flatnonzero(p < 1.0)
    if not len(maybe):
        return []
    q = p[maybe]
    chars = np.fromiter((len(texts[i]) for i in maybe), dtype=np.float64, count=len(maybe))
    with np.errstate(divide="ignore"):
        margin = np.log(q) - np.log1p(-q)
    doubtful = maybe[(q < SPLIT_BELOW) | (margin < MARGIN_PER_CHAR * np.minimum(chars, _detect_chars()))]
    return [i for i in doubtful.tolist() if _END.search(texts[i]) and _two_sentences().search(texts[i])]


@lru_cache(maxsize=1)
def _detect_chars() -> int:
    from kit.languages import DETECT_CHARS

    return DETECT_CHARS


@lru_cache(maxsize=1)
def _two_sentences():
    from kit.language_passages import _at_least
    from kit.languages import SHORT_TURN

    return _at_least(2 * SHORT_TURN)


def sentence_languages(texts: list[str], languages) -> list[list[tuple[str, str | None]]]:
    """Each text's sentences with the language each is surely in among ``languages``
    (:data:`kit.languages.SURE`, :data:`kit.languages.SHORT_TURN` words or more), else None;
    every sentence of every text detected in one batch."""
    from kit.language_passages import _at_least
    from kit.languages import SHORT_TURN, SURE, detected

    split = [sentences(t) for t in texts]
    enough = _at_least(SHORT_TURN)
    judged = [s for said in split for s in said if enough.search(s)]
    codes, probs = detected(judged, tuple(languages)) if judged else ([], [])
    sure = {s: c for s, c, p in zip(judged, codes, probs) if p >= SURE}
    return [[(s, sure.get(s)) for s in said] for said in split]


def passages(said: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    """``(language, text)`` of each language of one turn's judged sentences
    (:func:`sentence_languages`), in the order each language first appears: its sentences
    joined by a space. A sentence without a sure language joins the one before it (the
    first, the next sure one); none sure at all: no passages."""
    first = next((code for _, code in said if code), None)
    if first is None:
        return []
    out: dict[str, list[str]] = {}
    last = first
    for text, code in said:
        last = code or last
        out.setdefault(last, []).append(text.strip())
    return [(code, " ".join(parts)) for code, parts in out.items()]


def _passages_of(study, texts: list[str]) -> list[list[tuple[str, str]]]:
    from kit.languages import candidates

    return [passages(said) for said in sentence_languages(texts, candidates(study))]


def passage_segments(study, segments: pd.DataFrame) -> pd.DataFrame:
    """``segments`` (with ``language``, :func:`kit.languages.annotate`) with each row in
    several languages (``mul``) replaced by one row per passage: the same segment_id,
    interview, participant and kind, the passage's ``text`` and ``language``. What
    auto-coding reads (a code found in two passages of a turn is the turn's once). The same
    frame when no row is ``mul``."""
    from kit.language_passages import MIXED

    if "language" not in segments or not len(segments):
        return segments
    mixed = segments["language"].eq(MIXED)
    if not mixed.any():
        return segments
    framed = segments.assign(_at=range(len(segments)), _k=0)
    rows = framed[mixed]
    found = _passages_of(study, ["" if not isinstance(t, str) else t for t in rows["text"].tolist()])
    records, labels = [], []
    for label, row, parts in zip(rows.index, rows.to_dict("records"), found):
        for k, (code, text) in enumerate(parts or [(MIXED, row["text"])]):
            records.append(row | {"text": text, "language": code, "_k": k})
            labels.append(label)
    expanded = pd.DataFrame(records, columns=framed.columns, index=labels)
    out = pd.concat([framed[~mixed], expanded])
    return out.sort_values(["_at", "_k"], kind="stable").drop(columns=["_at", "_k"])


def scored_view(study, texts: list, codes: list) -> tuple[list, list]:
    """The texts sentiment reads and the languages that say whether it may
    (:func:`kit.languages.where_valid`): a ``mul`` passage with an English passage is read
    as its English passage, in English; everything else as it is."""
    from kit.language_passages import MIXED
    from kit.languages import SENTIMENT_LANGUAGES

    at = [i for i, code in enumerate(codes) if code == MIXED]
    if not at:
        return texts, codes
    texts, codes = list(texts), list(codes)
    for i, parts in zip(at, _passages_of(study, ["" if not isinstance(texts[i], str) else texts[i] for i in at])):
        scored = [(code, text) for code, text in parts if code in SENTIMENT_LANGUAGES]
        if scored:
            codes[i], texts[i] = scored[0]
    return texts, codes


def coded_once(codes: pd.DataFrame, expanded: bool = True) -> pd.DataFrame:
    """Auto-codes of :func:`passage_segments` with each (segment, code) once: a code found in
    two passages of one turn is the turn's once, with the first passage's evidence."""
    if not expanded or not len(codes):
        return codes
    return codes.drop_duplicates(["segment_id", "code"]).reset_index(drop=True)
