"""A passage in another writing system inside a speaker's turn is a turn of its own (session-10
newcomer, fault T4): an Urdu paragraph after an English one (``Rose: ...`` / blank line /
``Rose: میں نے تین بار ...``) was merged into one turn, tagged English, and Urdu never reached the
language summary. Each passage of three words or more in another script (Unicode character names:
Latin, Arabic, Cyrillic, Greek, Hebrew, Devanagari, Chinese/Japanese/Korean...) becomes a turn of
the same speaker with the turn's times, so that every later step (language, sentiment, codes,
quotes) judges it on its own. A word or two in another script (a name, a place) stays where it
is. Texts that are ASCII cost one ``str.isascii`` per turn."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kit.errors import Problem

__all__ = ["MIN_WORDS", "script_passages", "split_by_script", "word_script"]

#: Words in a row in one script that make a passage of its own (a name in another script does not).
MIN_WORDS = 3

_FAMILY = {"LATIN": "Latin", "ARABIC": "Arabic", "CYRILLIC": "Cyrillic", "GREEK": "Greek", "HEBREW": "Hebrew",
           "DEVANAGARI": "Devanagari", "BENGALI": "Bengali", "GURMUKHI": "Gurmukhi", "GUJARATI": "Gujarati",
           "TAMIL": "Tamil", "TELUGU": "Telugu", "KANNADA": "Kannada", "MALAYALAM": "Malayalam", "THAI": "Thai",
           "ETHIOPIC": "Ethiopic", "ARMENIAN": "Armenian", "GEORGIAN": "Georgian", "SINHALA": "Sinhala",
           "CJK": "CJK", "HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "KHMER": "Khmer", "LAO": "Lao",
           "MYANMAR": "Myanmar", "TIBETAN": "Tibetan", "SYRIAC": "Syriac", "THAANA": "Thaana"}


# letters of the scripts above other than Latin: a text without any is one passage (curly quotes and
# dashes make most English turns non-ASCII: they are not split into words at all)
_NOT_LATIN = re.compile("[\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u0590-\u05ff\u0600-\u06ff\u0700-\u07bf"
                        "\u0900-\u0fff\u1000-\u10ff\u1100-\u11ff\u1200-\u137f\u1780-\u17ff\u3040-\u30ff"
                        "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\ufb50-\ufdff\ufe70-\ufeff]")


@lru_cache(maxsize=65536)
def word_script(word: str) -> str | None:
    """The writing system of ``word``'s first letter (``"Latin"``, ``"Arabic"``, ``"CJK"``...),
    None for a word without letters or of a script not listed."""
    if word.isascii():
        return "Latin" if any(c.isalpha() for c in word) else None
    for c in word:
        if c.isalpha():
            return _FAMILY.get(unicodedata.name(c, "").split(" ", 1)[0])
    return None


def split_by_script(text: str) -> list[str]:
    """``text`` cut where a run of :data:`MIN_WORDS` words or more in one script follows a
    passage of as many words in another; ``[text]`` when there is nothing to cut."""
    if text.isascii() or _NOT_LATIN.search(text) is None:
        return [text]
    words = text.split(" ")
    runs: list[list] = []  # [script, first word index, words of that script]
    for k, word in enumerate(words):
        script = word_script(word)
        if script is None:
            continue
        if runs and runs[-1][0] == script:
            runs[-1][2] += 1
        else:
            runs.append([script, k, 1])
    cuts, current, count = [], None, 0
    for script, first, n in runs:
        if current is None:
            current, count = script, n
        elif script == current:
            count += n
        elif n >= MIN_WORDS and count >= MIN_WORDS:
            cuts.append(first)
            current, count = script, n
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])]


def script_passages(columns: dict, text: str = "", source: str = "<text>", problems: list | None = None) -> dict:
    """Turns (``{"speaker", "start", "end", "text"}`` lists) with each turn holding passages in
    several scripts (:func:`split_by_script`) cut into consecutive turns of the same speaker,
    each with the turn's start and end; ``columns`` itself when no turn is cut. Each cut is a
    warning in ``problems`` at the line of ``text`` (the transcript) where its passage starts
    (the turns after it are numbered one more: codings of them name the new number)."""
    texts, source_text = columns["text"], text
    if all(map(str.isascii, texts)) or _NOT_LATIN.search("\n".join(texts)) is None:
        return columns
    out: dict = {"speaker": [], "start": [], "end": [], "text": []}
    cut = False
    for sp, st, en, text in zip(columns["speaker"], columns["start"], columns["end"], texts):
        parts = split_by_script(said := text)
        cut = cut or len(parts) > 1
        for k, part in enumerate(parts):
            if k and problems is not None:
                where = source_text.find(part.split(" ", 1)[0]) if source_text else -1
                problems.append(Problem(source, source_text.count("\n", 0, where) + 1 if where >= 0 else 0, (
                    f"a passage in {word_script(next(w for w in part.split(' ') if word_script(w)))} script inside a "
                    f"turn otherwise in {word_script(next(w for w in said.split(' ') if word_script(w)))} script: read "
                    "as a turn of its own by the same speaker, its language judged on its own"), "warning"))
            out["speaker"].append(sp)
            out["start"].append(st)
            out["end"].append(en)
            out["text"].append(part)
    return out if cut else columns
