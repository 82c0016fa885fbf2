"""Each passage judged alone: is its language one the kit can name surely, one outside the
study's candidate languages, several at once, or too short to tell? (:mod:`kit.languages`)

py3langid (Lui & Baldwin 2012) answers among a few *candidate* languages (study.yml
``languages``, else :data:`kit.languages.DEFAULT_CANDIDATES`), which makes short turns more
accurate but forces every text into one of them: a Tagalog answer ("Nag-YouTube ako tapos
natigil ako sa level na yun ulit.") comes out English with probability 0.71. So a passage
whose candidate answer is not sure (probability < :data:`kit.languages.SURE`) is asked
again of the *whole* model (its 97 languages, the same naive Bayes scores):

* ``sure`` -- at least :data:`kit.languages.SHORT_TURN` words and a candidate language with
  probability >= SURE;
* ``foreign`` -- not sure among the candidates and the whole model's best guess is another
  language: that language when its probability is >= SURE (``tl``), else, for a passage of
  at least :data:`UNKNOWN_WORDS` words, ``und`` (a language the kit cannot name reliably;
  a shorter one is ``unsure``: "Yes, yes, no problem." is Kabyle at 0.10);
* ``mixed`` -- two of its sentences (NLTK's Punkt, :mod:`kit.language_mixed`) are each surely
  in a different candidate language (a code-switched line: "Bro level 212 had me hardstuck
  for like four days. Fiquei preso muito tempo, sério."): ``mul`` (ISO 639-2, several
  languages). Asked of a turn not sure among the candidates, and of a sure one that could be
  mixed (:func:`kit.language_mixed.could_be_mixed`: English at 0.96 with a closing Welsh
  sentence);
* ``unsure`` -- too short (fewer than SHORT_TURN words) or not sure, with nothing else to
  say: its candidate guess, which :func:`kit.languages.passage_languages` replaces by the
  speaker's, the interview's or the study's language, else ``und``;
* ``empty`` -- no letters: ``und``.

:func:`judge` gives the verdict of many texts at once (all detections batched).
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

__all__ = ["MIXED", "UNKNOWN_WORDS", "VERDICT_COLUMNS", "judge", "judged", "named", "language_label"]

#: ISO 639-2 "multiple languages": a passage that switches between two languages the kit
#: names surely, sentence by sentence.
MIXED = "mul"
#: Columns of :func:`judge`.
VERDICT_COLUMNS = ["language", "probability", "verdict"]
#: Words a passage needs before a weak guess of a language outside the candidates makes it
#: ``und``: in the anthropic-interviewer corpus's English answers, every one of 6 words or
#: more is sure among the candidates; of 4-5 words, 14 are not, all English in the whole model.
UNKNOWN_WORDS = 8


@lru_cache(maxsize=4)
def _at_least(n: int):
    """A pattern found in a text of at least ``n`` words (as ``kit.languages._WORD`` counts
    them), searched only as far as the ``n``-th word. A match starts only where a word starts
    and its runs are possessive, so a text of one long unbroken word (a pasted blob) is read
    once, not once per character (a 16 KB word took 12 s; attacker, session 11)."""
    return re.compile(r"(?<![^\W_])[^\W_]++(?:[\W_]++[^\W_]++){%d}" % (n - 1))


def named(code: str) -> bool:
    """True for a language the kit names (not ``und``, not ``mul``)."""
    from kit.languages import UNDETERMINED

    return bool(code) and code not in (UNDETERMINED, MIXED)


def judge(texts, languages) -> pd.DataFrame:
    """The verdict on each of ``texts`` judged alone among the candidate ``languages``
    (ISO 639-1 codes): columns ``language`` (a code, ``und`` or ``mul``), ``probability``
    (of that language among the candidates, or in the whole model for a ``foreign`` one)
    and ``verdict`` (``sure``, ``foreign``, ``mixed``, ``unsure``, ``empty``; see the module
    docstring), one row per text, in order."""
    return pd.DataFrame(judged(texts, languages), columns=VERDICT_COLUMNS)


def judged(texts, languages) -> list[tuple[str, float, str]]:
    """:func:`judge`'s rows as ``(language, probability, verdict)`` tuples; each distinct
    text is judged once (a verdict depends on the text alone)."""
    if not isinstance(texts, list) or not all(map(str.__instancecheck__, texts)):  # (checked in C)
        texts = ["" if not isinstance(t, str) else t for t in texts]
    distinct = list(dict.fromkeys(texts))
    rows = _judged(distinct, tuple(languages))
    if len(distinct) == len(texts):
        return rows
    return list(map(dict(zip(distinct, rows)).__getitem__, texts))


def _judged(texts: list[str], languages: tuple[str, ...]) -> list[tuple[str, float, str]]:
    from kit.languages import SHORT_TURN, SURE, UNDETERMINED, _known_codes, detected

    codes, probs = detected(texts, languages)
    enough = _at_least(SHORT_TURN)
    out: list[tuple[str, float, str]] = []
    doubt = []
    for i, (text, code, prob) in enumerate(zip(texts, codes, probs)):
        if code == UNDETERMINED:
            out.append((UNDETERMINED, 0.0, "empty"))
        elif not enough.search(text):
            out.append((code, prob, "unsure"))
        elif prob >= SURE:
            out.append((code, prob, "sure"))
        else:
            out.append((code, prob, "unsure"))
            doubt.append(i)
    if doubt:
        whole_codes, whole_probs = detected([texts[i] for i in doubt], _known_codes())
        candidates = set(languages)
        mixed_check = []
        for i, code, prob in zip(doubt, whole_codes, whole_probs):
            if code not in candidates and prob >= SURE:
                out[i] = (code, prob, "foreign")
            elif code not in candidates:
                if _at_least(UNKNOWN_WORDS).search(texts[i]):
                    out[i] = (UNDETERMINED, prob, "foreign")
            else:
                mixed_check.append(i)
        split = mixed_check
    else:
        split = []
    # a sure turn split too when it could hold sentences in two languages (kit.language_mixed)
    from kit.language_mixed import screened, sentence_languages

    split += [i for i in screened(texts, probs) if out[i][2] == "sure"]
    if split:  # (on the characters detection reads)
        from kit.languages import DETECT_CHARS

        for i, said in zip(split, sentence_languages([texts[i][:DETECT_CHARS] for i in split], languages)):
            if len({code for _, code in said if code}) >= 2:
                out[i] = (MIXED, out[i][1], "mixed")
    return out


def language_label(code: str) -> str:
    """The English name of a language code (Babel's CLDR names: ``tl`` -> "Tagalog"), the
    kit's words for ``und`` and ``mul``, else the code itself."""
    from kit.languages import UNDETERMINED

    if code == UNDETERMINED:
        return "a language the kit cannot name"
    if code == MIXED:
        return "several languages"
    try:
        from babel import Locale

        return Locale("en").languages.get(code) or code
    except (ImportError, ValueError):
        return code
