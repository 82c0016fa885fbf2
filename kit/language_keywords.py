"""Words of another language in a code's plain keyword list (newcomer session 16 F17).

A plain ``keywords: [...]`` list applies to English passages only (docs/study-format.md), so a
codebook that lists ``depósito``, ``sucursal`` and ``tseke`` beside English words codes no Spanish
or Tagalog passage, and check said the codes "have no keywords in Spanish". :func:`plain_words_said`
finds, per language whose passages some code could not be applied to, the words of those codes'
plain lists that the passages in that language hold (a word, or the start of one: ``depósito`` in
"depósitos"), so that the warning names them and says where to move them.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["plain_words_said"]

_MAX_SHOWN = 8


def plain_words_said(codebook, segments, coverage) -> dict:
    """``{language: [keyword, ...]}``: for each language of ``coverage`` (:func:`kit.languages.coding_coverage`
    rows) with a code not applied, the words of those codes' plain keyword lists found in the
    ``segments`` (columns ``language``, ``text``) in that language, in the lists' order, at most 8."""
    if not len(coverage) or segments is None or "language" not in segments or "text" not in segments:
        return {}
    missing = coverage[~coverage["applied"]]
    if not len(missing):
        return {}
    by_name = {code.name: code for code in codebook}
    out = {}
    for lang, group in missing.groupby("language", sort=True):
        if lang == "en":
            continue
        words = []
        for name in group["code"]:
            code = by_name.get(name)
            if code is None or getattr(code, "keywords_by_language", None):
                continue
            words += [str(w) for w in code.keywords if str(w).strip() and str(w) not in words]
        if not words:
            continue
        texts = segments.loc[segments["language"] == lang, "text"].astype(str)
        said = unicodedata.normalize("NFC", "\n".join(texts)).casefold()
        found = [w for w in words
                 if re.search(r"(?<!\w)" + re.escape(unicodedata.normalize("NFC", w).casefold()), said)]
        if found:
            out[lang] = found[:_MAX_SHOWN] + ([f"and {len(found) - _MAX_SHOWN} more"] if len(found) > _MAX_SHOWN else [])
    return out
