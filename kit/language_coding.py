"""Coding each passage in its own language (:mod:`kit.languages`): the codebook's keywords per
language (``keywords: {en: [...], es: [...]}``) matched on the stems of that language's Snowball
stemmer (``nltk.stem.SnowballStemmer``; Porter 2001) with that language's negation words,
:func:`autocode` and :func:`study_autocode` (the one auto-coding every path uses), and
:func:`coding_coverage` / :func:`coverage_problems` (which codes could not be applied to which
language). Moved out of :mod:`kit.languages` (session 18), whose names these still are; this
module imports kit.languages' constants where it uses them (kit.languages imports this one)."""
from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from types import SimpleNamespace

import pandas as pd

from kit.errors import Problem

__all__ = [
    "NEGATIONS",
    "autocode",
    "coding_coverage",
    "coverage_problems",
    "keywords_by_language",
    "stem",
    "study_autocode",
]

#: Negation words per language: a keyword within three words after one, in the same
#: clause, does not count (as kit.coding does for English).
NEGATIONS = {
    "es": {"no", "nunca", "jamás", "jamas", "ni", "sin", "nadie", "nada", "tampoco"},
    "de": {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "ohne",
           "weder", "noch", "nichts"},
    "fr": {"ne", "n", "pas", "jamais", "sans", "ni", "aucun", "aucune", "rien"},
    "pt": {"não", "nao", "nunca", "sem", "nem", "nada", "ninguém", "jamais"},
    "it": {"non", "mai", "senza", "né", "niente", "nessuno"},
    "nl": {"niet", "geen", "nooit", "zonder", "noch", "niets"},
}


def keywords_by_language(value, code: str, path: str, line: int, problems: list) -> dict[str, list[str]]:
    """Parse ``keywords: {en: [...], es: [...]}`` of one code; problems go to ``problems``.
    A language with a Snowball stemmer (:data:`STEMMER_NAMES`) is matched on stems; any other
    the detector knows (``tl``) on the words as written (lower-cased)."""
    from kit.languages import STEMMER_NAMES, _known_codes

    out: dict[str, list[str]] = {}
    for lang, words in (value or {}).items():
        lang_code = str(lang).strip().lower()
        if lang_code not in STEMMER_NAMES and (lang_code not in _known_codes() or lang_code == "zxx"):
            problems.append(Problem(path, line, f"code {code!r}: keywords for {lang!r}: not a language code the "
                                    f"kit knows; use an ISO 639-1 code (on Snowball stems: {', '.join(sorted(STEMMER_NAMES))}; "
                                    "any other the detector knows, such as tl, is matched as written)"))
            continue
        if isinstance(words, str):
            words = [words]
        if not isinstance(words, list) or not all(isinstance(w, (str, int, float)) for w in words):
            problems.append(Problem(path, line, f"code {code!r}: keywords.{lang_code} must be a list of strings"))
            continue
        out[lang_code] = [str(w) for w in words]
    return out


@cache
def _stemmer(lang: str):
    from kit.languages import STEMMER_NAMES

    from kit.nltkdata import snowball_stemmer  # NLTK's stemmers without importing all of NLTK

    return snowball_stemmer(STEMMER_NAMES[lang])


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """The Snowball stem of a lower-case ``word`` in language ``lang`` (ISO 639-1)."""
    return _stemmer(lang).stem(word)


def _keywords(code, lang: str) -> list[str]:
    by_language = getattr(code, "keywords_by_language", None) or {}
    if by_language:
        return by_language.get(lang, [])
    return list(code.keywords) if lang == "en" else []


def _coder(codebook, lang: str):
    from kit.languages import _CLAUSE, _WORD, STEMMER_NAMES
    from kit.codebook import fold_for_literals, search_pattern
    from kit.coding import AutoCoder

    class _LanguageCoder(AutoCoder):
        def code_text(self, text):
            text = str(text)
            words, starts = [], []
            # composed (NFC): a decomposed "ç" or "ã" would cut the word at its mark
            for chunk in _CLAUSE.split((text if text.isascii() else unicodedata.normalize("NFC", text)).lower()):
                found = _WORD.findall(chunk)
                starts += [len(words)] * len(found)
                words += found
            stemmed = [stem(w, lang) for w in words] if lang in STEMMER_NAMES else words
            negations = NEGATIONS.get(lang, set())
            found_codes: dict[str, str] = {}
            for i, s in enumerate(stemmed):
                for key, code, _keyword in self.phrases.get(s, ()):
                    if code in found_codes or tuple(stemmed[i:i + len(key)]) != key:
                        continue
                    if self.negation and any(w in negations for w in words[max(starts[i], i - 3):i]):
                        continue
                    found_codes[code] = " ".join(words[i:i + len(key)])
            if self.patterns:  # as kit.coding.AutoCoder: literals first, then a time-limited search
                folded = fold_for_literals(text)
                for (regex, code), needs in zip(self.patterns, self.needs):
                    if code not in found_codes and (needs is None or any(n in folded for n in needs)):
                        match = search_pattern(regex, text)
                        if match:
                            found_codes[code] = match.group(0)
            general = set().union(*(self.ancestors.get(c, set()) for c in found_codes)) if found_codes else set()
            return [(c, e) for c, e in found_codes.items() if c not in general]

    view = [SimpleNamespace(name=c.name, parent=c.parent, keywords=[], patterns=c.patterns) for c in codebook]
    coder = _LanguageCoder(view)
    for c in codebook:
        for keyword in _keywords(c, lang):
            key = tuple(stem(w, lang) if lang in STEMMER_NAMES else w
                        for w in _WORD.findall(unicodedata.normalize("NFC", keyword).lower()))
            if key:
                coder.phrases.setdefault(key[0], []).append((key, c.name, keyword))
    coder.first_stems = frozenset(coder.phrases)
    return coder


def autocode(segments: pd.DataFrame, codebook, negation: bool = True, most_specific: bool = True) -> pd.DataFrame:
    """:func:`kit.coding.autocode` in each segment's language (column ``language``; without
    it every segment is taken as English). English segments are coded by kit.coding with
    the codebook's English keywords; a segment in another language with that language's
    keywords on its Snowball stems, negation words of that language, and the patterns as
    written. Same columns as kit.coding.autocode, same order of segments."""
    from kit import coding

    if "language" not in segments or not len(segments) or segments["language"].isin({"en"}).all():
        return coding.autocode(segments, codebook, negation=negation, most_specific=most_specific)
    parts = []
    is_en = segments["language"].isin({"en"})
    if is_en.any():
        parts.append(coding.autocode(segments[is_en], codebook, negation=negation, most_specific=most_specific))
    columns = ["segment_id", "interview_id", "participant", "kind"]
    for lang, group in segments[~is_en].groupby("language", sort=True):
        coder = _coder(codebook, lang)  # without a stemmer for ``lang``: the patterns only
        coder.negation = negation
        if not most_specific:
            coder.ancestors = {}
        records = []
        for row in zip(*(group[c].tolist() for c in columns + ["text"])):
            for code, evidence in coder.code_text(row[-1]):
                records.append((*row[:-1], code, evidence))
        parts.append(pd.DataFrame(records, columns=columns + ["code", "evidence"]))
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns + ["code", "evidence"])
    order = {sid: i for i, sid in enumerate(segments["segment_id"])}
    return out.sort_values("segment_id", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


def study_autocode(study, segments: pd.DataFrame | None = None, negation: bool = True,
                   most_specific: bool = True) -> pd.DataFrame:
    """The one auto-coding of a study's segments that every path uses (analyze, run's report,
    the notebooks, themes, the journey, the repository's index): ``segments``
    (``study.segments()`` when omitted) get their ``language`` (:func:`annotate`) unless they
    carry one, then :func:`autocode` codes each passage in its own language, so an English
    keyword never codes a Spanish passage, and a turn in several languages (``mul``) is coded
    in the language of each of its passages (:func:`kit.language_mixed.passage_segments`).
    Same columns as :func:`kit.coding.autocode`."""
    from kit.language_mixed import coded_once, passage_segments
    from kit.languages import annotate

    if segments is None:
        segments = study.segments()
    if "language" not in segments and len(segments):
        segments = annotate(study, study.turns, segments)[1]
    coded = passage_segments(study, segments)  # a turn in several languages: each passage in its own
    return coded_once(autocode(coded, study.codebook, negation=negation, most_specific=most_specific),
                      coded is not segments)


def coding_coverage(codebook, segments: pd.DataFrame) -> pd.DataFrame:
    """One row per (code with keywords, language of some segment): code, language, passages
    (segments in that language), keywords (how many in that language), applied (False:
    the code's keywords could not be applied to those passages -- patterns still are)."""
    counts = segments["language"].value_counts() if "language" in segments and len(segments) else pd.Series(dtype=int)
    rows = []
    for code in codebook:
        has_any = bool(code.keywords) or bool(getattr(code, "keywords_by_language", None))
        if not has_any:
            continue
        for lang, n in sorted(counts.items()):
            k = len(_keywords(code, lang))
            rows.append({"code": code.name, "language": lang, "passages": int(n), "keywords": k,
                         "applied": bool(k)})
    frame = pd.DataFrame(rows, columns=["code", "language", "passages", "keywords", "applied"])
    from kit.language_keywords import plain_words_said

    frame.attrs["plain_words"] = plain_words_said(codebook, segments, frame)  # newcomer s16 F17
    return frame


def coverage_problems(codebook, coverage: pd.DataFrame) -> list[Problem]:
    """One warning per language whose passages some codes could not be applied to."""
    from kit.languages import UNDETERMINED, language_name

    out = []
    missing = coverage[~coverage["applied"]] if len(coverage) else coverage
    for lang, group in missing.groupby("language", sort=True):
        names = group["code"].tolist()
        shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
        n = int(group["passages"].iloc[0])
        found = (coverage.attrs.get("plain_words") or {}).get(lang)
        if lang not in (UNDETERMINED, "mul") and found:  # words of the language in a plain (English) list
            said = (f"{len(names)} code(s) have no `keywords: {{{lang}: [...]}}` list and were not applied to the "
                    f"{n} passage(s) in {language_name(lang)}: {shown}; a plain keyword list applies to English only, "
                    f"and theirs hold {', '.join(found)}, words of these passages: move them under "
                    f"`keywords: {{{lang}: [...]}}`")
        elif lang not in (UNDETERMINED, "mul"):
            said = (f"{len(names)} code(s) have no keywords in {language_name(lang)} and were not applied to "
                    f"its {n} passage(s): {shown}; add `keywords: {{{lang}: [...]}}`")
        else:  # und, mul: no language to give keywords in
            said = (f"{len(names)} code(s) were not applied to {n} passage(s) in {language_name(lang)}: {shown}; "
                    "keywords cannot be given for them (only patterns apply): code them by hand")
        out.append(Problem(codebook.path or "codebook.yml", 1, said, "warning"))
    return out
