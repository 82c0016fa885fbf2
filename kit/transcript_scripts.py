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

__all__ = ["MIN_WORDS", "own_script", "script_passages", "split_by_script", "word_script"]

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


# the end of a sentence (or of a clause) before a label written inside a turn (``... Rahul. Priya Sharma: ...``)
_ENDS = (".", "!", "?", ";", "।", "॥", "۔", "。", "！", "？", ":", "：")


def _label_words(words: list) -> set:
    """Indices of the words of ``Label:`` written inside a turn (a label used once, kept in the
    turn above): the word ending with a colon and up to three words before it, from the turn's
    start or the end of a sentence. They belong to the text after them, in whatever script."""
    found: set = set()
    for j, word in enumerate(words):
        if word[-1:] not in (":", "：") or len(word) < 2:
            continue
        for i in range(j, max(j - 4, -1), -1):
            if i == 0 or words[i - 1][-1:] in _ENDS:
                found.update(range(i, j + 1))
                break
    return found


def _runs(words: list) -> list:
    """[script, first word index, words of that script] of the runs of words in one script (a
    label's words and words without letters in none)."""
    labels = _label_words(words) if any(w[-1:] in (":", "：") for w in words) else ()
    runs: list[list] = []
    for k, word in enumerate(words):
        script = None if k in labels else word_script(word)
        if script is None:
            continue
        if runs and runs[-1][0] == script:
            runs[-1][2] += 1
        else:
            runs.append([script, k, 1])
    for run in runs:  # a label just before a run is the start of its text, never cut from it
        while run[1] > 0 and run[1] - 1 in labels:
            run[1] -= 1
    return runs


def own_script(text: str) -> str | None:
    """The writing system holding most of ``text``'s words (the first of equals), None for none."""
    counts: dict = {}
    for script, _first, n in _runs(text.split(" ")):
        counts[script] = counts.get(script, 0) + n
    return max(counts, key=counts.__getitem__) if counts else None


def split_by_script(text: str) -> list[str]:
    """``text`` cut where a run of :data:`MIN_WORDS` words or more in one script follows a
    passage of as many words in another; ``[text]`` when there is nothing to cut. A label
    written inside the text (``Priya Sharma: ...``) stays with the words after it."""
    if text.isascii() or _NOT_LATIN.search(text) is None:
        return [text]
    words = text.split(" ")
    cuts, current, count = [], None, 0
    for script, first, n in _runs(words):
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


def _line_of(source_text: str, before: str, part: str, cursor: int) -> tuple[int, int]:
    """(line, position) in ``source_text`` where ``part`` starts, found from ``cursor`` on (turns
    and their passages are in the file's order) by its first words after the last words of the
    passage ``before`` it (any white space between words: a passage's words may be quoted
    earlier in the file, not after the same words); (0, cursor) when not found."""
    words, context = part.split(" ")[:6], before.split(" ")[-3:]
    for head, tail in ((context, words), ([], words), ([], words[:1])):
        pattern = r"\s+".join(map(re.escape, head)) + (r"\s+(" if head else "(") + r"\s+".join(map(re.escape, tail)) + ")"
        found = re.compile(pattern).search(source_text, cursor)
        if found is not None:
            return source_text.count("\n", 0, found.start(1)) + 1, found.start(1)
    return 0, cursor


def script_passages(columns: dict, text: str = "", source: str = "<text>", problems: list | None = None) -> dict:
    """Turns (``{"speaker", "start", "end", "text"}`` lists) with each turn holding passages in
    several scripts (:func:`split_by_script`) cut into consecutive turns of the same speaker,
    each with the turn's start and end; ``columns`` itself when no turn is cut. Each passage in
    a script other than the turn's own (:func:`own_script` of its first passage, the one after
    its label) is a warning in ``problems`` at the line of ``text`` (the transcript) where it
    starts (the turns after it are numbered one or two more: codings of them name the new
    numbers); a passage in the turn's own script after it (the turn going on) is cut from it,
    without a warning."""
    texts, source_text = columns["text"], text
    if all(map(str.isascii, texts)) or _NOT_LATIN.search("\n".join(texts)) is None:
        return columns
    out: dict = {"speaker": [], "start": [], "end": [], "text": []}
    cut, cursor = False, 0
    for sp, st, en, said in zip(columns["speaker"], columns["start"], columns["end"], texts):
        parts = split_by_script(said)
        if len(parts) > 1:
            cut, own = True, own_script(parts[0])
            for before, part in zip(parts, parts[1:]):
                script = own_script(part)
                if script != own and problems is not None:
                    line, cursor = _line_of(source_text, before, part, cursor)
                    problems.append(Problem(source, line, (
                        f"a passage in {script} script inside a turn otherwise in {own} script: read as a turn of its "
                        "own by the same speaker, its language judged on its own"), "warning"))
        out["speaker"].extend([sp] * len(parts))
        out["start"].extend([st] * len(parts))
        out["end"].extend([en] * len(parts))
        out["text"].extend(parts)
    return out if cut else columns
