"""Letters of other scripts that look like Latin letters (Unicode TR39 confusables).

Unicode Technical Standard #39 ("Unicode Security Mechanisms", section 4, ``confusables.txt``)
lists the characters that are visually confusable; the table shipped in the
``confusable_homoglyphs`` package is read once, the first time a character is asked about.
One home for the three readers of it: the privacy fold (names, ids and withheld words written
with look-alike letters, :mod:`kit.privacy_text`), speaker labels (:mod:`kit.speaker_roles`)
and the question linter (:func:`kit.guide.cues10.fold_confusables`).
"""
from __future__ import annotations

from functools import lru_cache

__all__ = ["latin_look_alike"]


@lru_cache(maxsize=8192)
def latin_look_alike(ch: str) -> str | None:
    """The ASCII letter, in ``ch``'s case, that the single non-ASCII character ``ch`` looks
    like (Cyrillic "А" -> "A", Greek "ο" -> "o", Cyrillic "Н" -> "H"), or None (ASCII, not a
    letter's look-alike, or more than one character). Of several look-alikes the one of the
    same case comes first; a capital whose TR39 prototype is "l" is an "I" (Greek "Ι")."""
    if len(ch) != 1 or ch.isascii():
        return None
    try:
        from confusable_homoglyphs.confusables import confusables_data
    except ImportError:  # pragma: no cover - a dependency of the kit
        return None
    letters = [g["c"] for g in confusables_data.get(ch, ()) if len(g["c"]) == 1 and g["c"].isascii()
               and g["c"].isalpha()]
    if not letters:
        return None
    same = [c for c in letters if c.isupper() == ch.isupper()]
    letter = (same or letters)[0]
    if letter == "l" and ch.isupper():
        return "I"
    return letter.upper() if ch.isupper() else letter.lower()
