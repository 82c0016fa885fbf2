"""The forms a text can hide a name in, decoded for :class:`kit.privacy.NameMatcher`.

A name may reach a text written so that a plain reading misses it: HTML character references
(``O&#39;Neill``, ``Siob&aacute;n``), percent-escapes (``Siobh%C3%A1n``), backslash escapes as
``repr`` and JSON write them (``Siobh\\u00e1n``, ``Siobh\\xe1n``), Markdown or HTML emphasis
inside a word (``**Sio**bhán``, ``Sio<b>bhán</b>``) and letter-spacing (``s i o b h a n``).
:func:`decoded` gives the text with each of these read as what it shows, and for every
character of it the span of the text as written that it came from, so that a name found in
the decoded text is replaced whole in the text as written.

:func:`hides` is the quick test (one search): only a text holding an ``&``, ``%``, backslash,
``*``, ``<`` or three single letters separated by spaces is decoded; every other text takes
the plain path unchanged.

Also here: :func:`readable`, the text a reader of a published file sees (for
:func:`kit.privacy.find_leaks`), and :func:`across_tags`, names split by tags inside a word.
"""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote_to_bytes

from kit.privacy_text import invisible_pattern

__all__ = ["style_blocks", "TAG_IN_WORD", "across_tags", "decoded", "decoded_text", "hides", "longest", "readable"]

# Three single letters (or digits) separated by single spaces: "s i o b h a n".
_SPACED = r"(?<![^\W_])[^\W_](?: [^\W_](?![^\W_])){2,}"
HIDING = re.compile(r"[&%\\*<]|" + _SPACED)

# Elements written inside a word for emphasis: left out (``Sio<b>bhán</b>`` is ``Siobhán``);
# any other tag reads as a space.
_INLINE = frozenset("a abbr b big cite code del em font i ins kbd mark q s samp small span strong sub sup "
                    "tt u var".split())

_FORMS = re.compile(
    r"(?=[&%\\<*~]|[^\W_] [^\W_] )"  # a quick look at each position first (about 3 times faster)
    r"(?:(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)"
    r"|(?P<percent>(?:%[0-9A-Fa-f]{2})+)"
    r"|(?P<escape>\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|N\{[A-Za-z0-9 -]{1,60}\}))"
    r"|(?P<tag></?(?P<element>[A-Za-z][A-Za-z0-9]*)\b[^<>]{0,200}>)"
    r"|(?P<emphasis>\*+|~~)"
    r"|(?P<spaced>" + _SPACED + "))")


# An ASCII text's characters by class, for hides(): letters and digits "a", the hiding
# characters "!", anything else a space.
_CLASSES = bytes(97 if chr(c).isalnum() else 33 if chr(c) in "&%\\*<" else 32 for c in range(128)) + bytes(32 for _ in range(128))


def hides(text: str) -> bool:
    """Whether ``text`` may hide a name in one of the forms :func:`decoded` reads. An ASCII
    text is read as classes of characters and searched in C (a fraction of a regular
    expression's cost: most texts hold none)."""
    if text.isascii():
        classes = b" " + text.encode("ascii").translate(_CLASSES) + b" "
        return b"!" in classes or b" a a a " in classes
    return HIDING.search(text) is not None


def _escape(value: str) -> str:
    kind = value[1]
    if kind == "N":
        try:
            return unicodedata.lookup(value[3:-1])
        except KeyError:
            return value
    code = int(value[2:], 16)
    return chr(code) if code <= 0x10FFFF else value


def _percent(value: str) -> str:
    data = unquote_to_bytes(value)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _reading(match: re.Match) -> str | None:
    """What one hiding form shows (None: read it as written, letter for letter)."""
    kind = match.lastgroup
    value = match.group()
    if kind == "entity":
        shown = html.unescape(value)
        return None if shown == value else shown
    if kind == "percent":
        return _percent(value)
    if kind == "escape":
        return _escape(value)
    if kind in ("tag", "element"):
        return "" if match.group("element").lower() in _INLINE else " "
    if kind == "emphasis":
        return ""
    return None


def _shown(match: re.Match) -> str:
    if match.lastgroup == "spaced":
        return match.group()[::2]
    shown = _reading(match)
    if shown is None:
        return match.group()
    if not shown.isascii():
        shown = invisible_pattern().sub("", unicodedata.normalize("NFC", shown))
        shown = "".join(c for c in shown if not unicodedata.combining(c))
    return shown


def decoded_text(text: str) -> str | None:
    """:func:`decoded`'s text alone (no positions: one substitution in C, for a quick look
    whether the decoded text names anyone); None when ``text`` holds no hiding form."""
    if not hides(text):
        return None
    shown = _FORMS.sub(_shown, text)
    return None if shown == text else shown


def decoded(text: str) -> tuple[str, list[int], list[int]] | None:
    """``text`` with every hiding form read as what it shows (entities and escapes decoded,
    emphasis inside words and letter-spacing left out, other tags a space, invisible
    characters dropped), and for each character of it the start and end of the span of
    ``text`` it came from; None when ``text`` holds no such form (the text as written is
    all there is to read)."""
    if not hides(text):
        return None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last, changed = 0, False
    invisible = invisible_pattern()
    for match in _FORMS.finditer(text):
        start, end = match.span()
        if match.lastgroup == "spaced":
            piece = text[last:start]
            pieces.append(piece)
            starts.extend(range(last, start))
            ends.extend(range(last + 1, start + 1))
            for i in range(start, end, 2):  # the letters, without the spaces
                pieces.append(text[i])
                starts.append(i)
                ends.append(i + 1)
            last, changed = end, True
            continue
        shown = _reading(match)
        if shown is None:
            continue
        if not shown.isascii():
            shown = invisible.sub("", unicodedata.normalize("NFC", shown))
            shown = "".join(c for c in shown if not unicodedata.combining(c))  # a lone accent
        pieces.append(text[last:start])
        starts.extend(range(last, start))
        ends.extend(range(last + 1, start + 1))
        pieces.append(shown)
        starts.extend([start] * len(shown))
        ends.extend([end] * len(shown))
        last, changed = end, True
    if not changed:
        return None
    pieces.append(text[last:])
    starts.extend(range(last, len(text)))
    ends.extend(range(last + 1, len(text) + 1))
    return "".join(pieces), starts, ends


def longest(spans) -> list:
    """Spans in order, the longest of overlapping ones kept."""
    merged, end = [], -1
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[0] >= end:
            merged.append(span)
            end = span[1]
    return merged


# A tag with a letter on either side: emphasis inside a word.
TAG_IN_WORD = re.compile(r"[^\W\d_]</?[A-Za-z][^<>]{0,200}>[^\W\d_]")


def across_tags(text: str, matcher) -> list:
    """The spans ``(start, end, mark)`` of ``matcher`` (a :class:`kit.privacy.NameMatcher`)
    in HTML ``text`` that run across a tag (``Sio<b>bhán</b>``): the ones that redacting the
    text between tags piece by piece cannot see."""
    return [s for s in matcher.find(text) if "<" in text[s[0]:s[1]]]


_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+")


def readable(path: Path, text: str) -> str:
    """The text a reader of ``path`` sees: notebook strings (not images), HTML unescaped,
    embedded images left out."""
    import html as _html
    import json as _json

    if path.suffix.lower() == ".ipynb":
        try:
            strings = []

            def walk(value, key=""):
                if isinstance(value, dict):
                    for k, v in value.items():
                        if not str(k).startswith("image/"):
                            walk(v, str(k))
                elif isinstance(value, list):
                    for v in value:
                        walk(v, key)
                elif isinstance(value, str):
                    strings.append(value)

            walk(_json.loads(text))
            text = "".join(strings)
        except ValueError:
            pass
    text = _DATA_URI.sub(" ", text)
    if path.suffix.lower() in (".html", ".ipynb", ".md"):
        text = _html.unescape(text)
    return text


_STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.IGNORECASE | re.DOTALL)


def style_blocks(text: str) -> tuple[str, list[str]]:
    """``(text with each <style> element replaced by a space, the elements)``: a report's
    pages each carry the same 276 KB style sheet of nbconvert, which a scan for secrets reads
    once for all pages instead of once per page (session 11; the scan of a run's nine pages
    took 4 s of CPU)."""
    if "<style" not in text and "<STYLE" not in text:
        return text, []
    blocks = _STYLE_BLOCK.findall(text)
    return (_STYLE_BLOCK.sub(" ", text), blocks) if blocks else (text, [])
