"""Email addresses written so that a program would not see them, for :mod:`kit.privacy` (split
out of it, at its line limit): ``jose at example dot com``, ``jose (at) example.com``."""
from __future__ import annotations

import re

__all__ = ["EMAIL_OBFUSCATED", "PERCENT_EMAIL", "obfuscated_emails"]

# An email written so that a program would not see it: ``jose at example dot com``,
# ``jose (at) example.com``, ``jose[at]example[dot]com``, ``jose {at} example {dot} com``,
# ``jose AT example DOT com``, ``jose @ example . com``. The "at" and the dots may be words,
# bracketed words or symbols; at least one of them is not the plain symbol (plain emails are
# EMAIL's).
_AT = r"(?:\s*[(\[{<]\s*(?:at|@)\s*[)\]}>]\s*|\s+at\s+|\s+@\s+|_at_|-at-|@)"
_DOT = r"(?:\s*[(\[{<]\s*(?:dot|\.)\s*[)\]}>]\s*|\s+dot\s+|\s+\.\s+|_dot_|-dot-|\.)"
# A local part: words joined by dots, written as symbols or words (``jo.bell``, ``jo dot bell``,
# ``jo(dot)bell``), so that ``jo dot bell at example dot com`` is one address.
_LOCAL_DOT = r"(?:\.|\s+dot\s+|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|-dot-)"
EMAIL_OBFUSCATED = re.compile(
    rf"(?<![\w.+-])[\w+-]+(?:{_LOCAL_DOT}[\w+-]+)*{_AT}[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*{_DOT}[a-z]{{2,6}}(?![\w-])",
    re.IGNORECASE)
# The same, found from its "at" on (a scan that fails fast on letters), the local part then
# looked for just before it: EMAIL_OBFUSCATED's matches at a fraction of its cost.
# (a domain said as two words before a spoken "dot": "bob dot smith at acme accounts dot co dot uk", attacker s17 A13)
_AT_DOMAIN = re.compile(rf"(?=[\s(\[{{<_@-]){_AT}[a-z0-9-]+(?:\s[a-z0-9-]{{3,}}(?=\s+dot\s))?(?:{_DOT}[a-z0-9-]+)*{_DOT}[a-z]{{2,6}}(?![\w-])", re.IGNORECASE)
_LOCAL_PART = re.compile(rf"(?<![\w.+-])[\w+-]+(?:{_LOCAL_DOT}[\w+-]+)*$", re.IGNORECASE)

#: An address whose "@" is %-escaped, as in a mailto: link (``jane.doe%40example.com``; attacker s17 A13).
PERCENT_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+%40[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")


def obfuscated_emails(text: str, mark: str) -> str:
    """``text`` with each address written so (:data:`EMAIL_OBFUSCATED`) replaced by ``mark``."""
    spans = []
    for match in _AT_DOMAIN.finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue
        local = _LOCAL_PART.search(text, max(0, match.start() - 96), match.start())
        if local is None:
            continue
        if spans and local.start() < spans[-1][1]:
            # "me at jo dot bell at example dot com": what looked like the previous address's
            # domain is this address's local part; the address is the later one, whole.
            if local.start() > spans[-1][0]:
                spans[-1] = (local.start(), match.end(), mark)
            continue
        spans.append((local.start(), match.end(), mark))
    pieces, last = [], 0
    for start, end, mark in spans:
        pieces += (text[last:start], mark)
        last = end
    return "".join(pieces) + text[last:] if pieces else text
