"""Is a guide question in English? The linter's rules are English; a question in another
language gets a note instead of flags and a rewrite (:func:`not_english`).

The language is told by the kit's own detector (:func:`kit.languages.detect_one`, py3langid,
Lui & Baldwin 2012), as ``analyze`` tells a passage's (:mod:`kit.language_passages`): first
among the candidate languages (:data:`kit.languages.DEFAULT_CANDIDATES`), and, when that
answer is not a sure English, among all 97 languages of the model, so that a Tagalog,
Indonesian, Swedish or Turkish question is not forced into one of the candidates ("Gusto mo
ba ang app namin?" is English at 0.31 among them, Tagalog at 0.96 in the whole model).
Questions are short, where detectors err, so English wins every doubt:

* fewer than two words: English (nothing can be told);
* two or more English function words that no candidate language shares ("the", "you",
  "did", "what", "about": :data:`ENGLISH_MARKERS`), or one in a question of at most four
  words, in the question or in one of its sentences: English, whatever the detector says ("What did you think of the pão de queijo at
  Padaria Brasil?" is Portuguese at 0.57 among the candidates);
* the question without its names (capitalised words after the first) read as English with
  probability >= 0.5: English ("Was the Schnitzel at Zum Goldenen Hirschen good?");
* otherwise not English when a candidate language other than English is sure (>= 0.9, or the
  question opens with "¿" / "¡"), or, for a question of at least four words, the whole model
  names another language with probability >= :data:`WHOLE_MODEL_SURE`.

Measured on every question of ``tests/data/questions*.csv`` and
``tests/data/blind-linter-*/questions.csv`` (6,981, all English): none is declared not
English (``tests/test_guide_language_s8.py``).
"""
from __future__ import annotations

import re

__all__ = ["ENGLISH_MARKERS", "WHOLE_MODEL_SURE", "not_english", "question_language"]

#: English function words that none of the candidate languages (es, de, fr, it, pt, nl) nor
#: Tagalog, Indonesian or the Scandinavian languages use as words of their own ("do", "a",
#: "me", "is", "was", "of", "at", "on", "in", "to", "we", "my", "for" are left out: Portuguese
#: "do", Spanish "me", Dutch "is" / "of" / "we", German "was", Tagalog "at", French "on",
#: Polish "my", Danish "for").
ENGLISH_MARKERS = frozenset({
    "the", "you", "your", "yours", "you're", "you've", "you'd", "what", "what's", "how", "why", "when",
    "where", "who", "which", "did", "does", "didn't", "don't", "doesn't", "would", "could", "should",
    "about", "with", "tell", "have", "were", "they", "their", "there", "this", "that", "these",
    "those", "think", "from", "been", "any", "anything", "something", "it", "it's", "and", "or",
    "our", "us", "can", "last", "time", "will", "if", "be", "are", "not", "just", "some", "ever",
    "walk", "through", "happened", "else", "more", "much", "many", "often", "usually", "else",
    "thanks", "please", "anyone", "everything", "because", "into", "like", "get", "got", "used",
})
#: Probability of another language, in the whole model, that makes a question of four
#: words or more not English (lower than :data:`kit.languages.SURE` because a short
#: question spreads its probability over related languages: Indonesian / Malay).
WHOLE_MODEL_SURE = 0.75
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
_NAME = re.compile(r"(?<=[\w,;:] )[A-Z\u00c0-\u00de][\w'\u2019-]*")


def question_language(question: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` of a guide question by the rules above: ``("en",
    1.0)`` whenever English wins a doubt, else the detected language and its probability."""
    from kit.languages import DEFAULT_CANDIDATES, SURE, _known_codes, detect_one

    text = str(question or "").strip()
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]
    if len(words) < 2:
        return "en", 1.0
    for sentence in [text, *_SENTENCE.split(text)]:  # a whole English sentence beside another language
        said = [w.lower().replace("\u2019", "'") for w in _WORD.findall(sentence)]
        markers = sum(w in ENGLISH_MARKERS for w in said)
        if markers >= 2 or (markers and len(said) <= 4):
            return "en", 1.0
    denamed = _NAME.sub(" ", text)
    if denamed != text and _WORD.search(denamed):
        lang, prob = detect_one(denamed, DEFAULT_CANDIDATES)
        if lang == "en" and prob >= 0.5:
            return "en", 1.0
    lang, prob = detect_one(text, DEFAULT_CANDIDATES)
    if text[:1] in "¿¡" and lang != "en":
        return lang, 1.0
    if lang != "en" and prob >= SURE:
        return lang, prob
    if len(words) >= 4 and not (lang == "en" and prob >= SURE):
        whole, p = detect_one(text, _known_codes())
        if whole != "en" and p >= WHOLE_MODEL_SURE:
            return whole, p
    return "en", 1.0


def not_english(question: str) -> dict | None:
    """The linter's answer for a question not in English, or None for one its rules judge:
    ``{question, flags: [], kind: "unsupported", suggestion: "", reasons: {}, language,
    verdict}``, the verdict saying plainly why ("language not supported (Tagalog (tl)): the rules
    are English, not linted")."""
    from kit.languages import language_name

    text = "" if question is None else str(question).strip()
    lang, _ = question_language(text)
    if lang == "en":
        return None
    return {"question": text, "flags": [], "kind": "unsupported", "suggestion": "", "reasons": {},
            "language": lang,
            "verdict": f"language not supported ({language_name(lang)}): the rules are English, not linted"}
