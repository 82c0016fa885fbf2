"""Search the research repository's index (SQLite FTS5, bm25) and review what it holds about
one person before talking to them again."""
from __future__ import annotations

import re
import sqlite3
import unicodedata
from pathlib import Path

import pandas as pd

from kit.csvio import parse_date
from kit.discovery.email_key import email_hash, email_key
from kit.discovery.index import IndexWriteError, index_path, query_index, write_failure
from kit.discovery.index_names import cjk_plain, cjk_spaced

__all__ = ["ELLIPSIS", "HIT_CLOSE", "HIT_OPEN", "PRIOR_COLUMNS", "SEARCH_COLUMNS", "UNSUPPORTED", "VERBATIM_KINDS",
           "QueryError", "fts_query", "prior_interactions", "query_terms", "search", "shown_hit", "whole_graphemes"]

SEARCH_COLUMNS = ["rank", "score", "id", "study", "sprint", "date", "kind", "interview_id", "participant",
                  "segment", "codes", "snippet", "context", "text", "consent_quote"]
PRIOR_COLUMNS = ["study", "sprint", "date", "kind", "interview_id", "participant", "interviewer", "stage",
                 "quotes", "summary", "note_path"]


# -- search ---------------------------------------------------------------------------------------
_QUERY_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_OPERATORS = {"AND", "OR", "NOT"}
# FTS5 syntax the kit does not hand to FTS5 (attacker s13 A8): ``NEAR(a b, 5)`` is read as its
# words (each in the same passage), a column filter (``text:``, ``{text named_text}:``) as
# nothing, parentheses as spaces; outside "quoted phrases" only
_NEAR = re.compile(r"\bNEAR\s*\(([^()\"]*?)(?:,\s*\d*\s*)?\)")
_COLUMN = re.compile(r"(?:^|(?<=[\s(]))-?(?:\{[^{}\"]*\}|named_text|text)\s*:", re.I)
UNSUPPORTED = ("note: NEAR(...) and column filters (text:) are not search syntax here: their words are searched "
               "as words, each anywhere in the same passage")


class QueryError(ValueError):
    """A query whose operators cannot mean what they say (a leading NOT: attacker s13 A7)."""


def _plain(query: str) -> tuple[str, bool]:
    """``query`` with the FTS5 syntax the kit does not support read as words (outside quoted
    phrases), and whether there was any."""
    pieces = re.split(r'("[^"]*")', query)
    changed = False
    for i in range(0, len(pieces), 2):
        piece = _COLUMN.sub(" ", _NEAR.sub(r" \1 ", pieces[i]))
        changed |= piece != pieces[i]
        pieces[i] = piece.replace("(", " ").replace(")", " ")
    return "".join(pieces), changed


def query_terms(query: str) -> tuple[list[str], bool]:
    """The terms of ``query`` as :func:`fts_query` reads them, each as it can be typed back
    (``word``, ``word*``, ``"a phrase"``, ``late-payment`` as ``"late payment"``; operators
    as they are), and whether it held ``NEAR(...)`` or a column filter, read as words
    (:data:`UNSUPPORTED`): what ``search``'s no-match hint counts and proposes."""
    import unicodedata

    from kit.privacy_text import _visible

    text, unsupported = _plain(unicodedata.normalize("NFKC", _visible(str(query or ""))[0]))
    terms = []
    for match in _QUERY_TOKEN.finditer(text):
        phrase, word = match.groups()
        if word in _OPERATORS:
            terms.append(word)
            continue
        words = re.findall(r"\w+", phrase if phrase is not None else word)
        if not words:
            continue
        star = "*" if phrase is None and word.endswith("*") and len(words) == 1 else ""
        terms.append(f'"{" ".join(words)}"' if phrase is not None or len(words) > 1 else words[0] + star)
    if not _OPERATORS & set(terms):  # all of them: a term typed twice is the same term (attacker s16 A16)
        terms = list(dict.fromkeys(terms))
    return terms, unsupported


#: The most different terms a search reads (after repeats are dropped, :func:`fts_query`); more
#: is a usage error (:class:`QueryError`), not minutes of CPU (attacker s16 A16).
MAX_TERMS = 64


def _distinct(items: list) -> list:
    """``items`` ((operator, part) in order; operator None, "AND", "OR" or "NOT") without the
    repeats that cannot change what matches. FTS5 binds NOT before AND before OR, so the query
    is an OR of groups, each (all its terms) without (any of its NOT terms): a term repeated
    within a group, or a group repeated, is dropped; the order of what is kept is unchanged."""
    groups: list[list] = []
    for op, part in items:
        if op == "OR" or not groups:
            groups.append([])
        groups[-1].append((op, part))
    kept, seen_groups = [], set()
    for group in groups:
        seen, mine = set(), []
        for op, part in group:
            key = ("NOT" if op == "NOT" else "", part)
            if key not in seen:
                seen.add(key)
                mine.append((op, part))
        shape = frozenset(("NOT" if op == "NOT" else "", part) for op, part in mine)
        if shape not in seen_groups:
            seen_groups.add(shape)
            kept += mine  # a group after the first starts with its OR
    return kept


def _operator(pending: list[str], first: bool) -> str | None:
    """The operator a run of operators typed between two terms stands for (None: the
    implicit AND); :class:`QueryError` for one whose meaning would be lost: a NOT before the
    first term (FTS5's NOT excludes from what comes before it: dropped, the query would find
    exactly what was to be left out), after OR, or twice."""
    if not pending:
        return None
    if "NOT" in pending:
        if first:
            raise QueryError("a search cannot start with NOT: NOT leaves out of the words before it what follows "
                             "(`invoice NOT currency`); give the words to find first")
        if pending not in (["NOT"], ["AND", "NOT"]):
            raise QueryError(f"{' '.join(pending)} is not a search operator: use `a NOT b` (a without b), "
                             "`a OR b` or `a AND b`")
        return "NOT"
    return None if first else pending[0]


def fts_query(query: str, expand=None) -> str:
    """Turn what a person types into a safe FTS5 query: words are matched on their stems
    (all of them, in any order), "quoted words" as a phrase, ``word*`` as a prefix, and
    the upper-case operators AND, OR, NOT are kept (``AND NOT`` is NOT). Punctuation never
    causes a syntax error; ``NEAR(...)``, column filters and parentheses are read as words
    (:data:`UNSUPPORTED`). A NOT with no term before it, or after OR, raises
    :class:`QueryError` (a ``ValueError``): dropped, it would find what was to be left out.

    The index is stemmed (Porter), so FTS5's own prefix query would look for the *stem* of
    what was typed among the stems (``pay*`` → ``pai*``: finds "paint", misses "payment").
    ``expand(prefix)`` -> the words of the indexed text that start with ``prefix``: a prefix
    becomes ``("payment" OR "paying" ...)`` (each then matched on its stem), and ``""`` (which
    matches nothing) when no word starts with it. Without ``expand`` it is FTS5's ``"pay"*``."""
    import unicodedata

    from kit.privacy_text import _visible

    # as typed or pasted: invisible format characters out, then NFKC (a decomposed "naïve",
    # full-width letters), so the words are those the index's tokenizer made of the text
    query = unicodedata.normalize("NFKC", _visible(str(query or ""))[0])
    query = _plain(query)[0]
    # a run of CJK characters as the index holds it: one token a character, so a word typed
    # is matched as the phrase of its characters (kit.discovery.index_names.cjk_spaced)
    query = cjk_spaced(query)
    items: list[tuple] = []  # (operator before it, part)
    pending: list[str] = []
    expanded: dict = {}  # a prefix typed again is looked up once (attacker s16 A16)

    def add(part: str) -> None:
        items.append((_operator(pending, not items), part))
        pending.clear()

    for match in _QUERY_TOKEN.finditer(query):
        phrase, word = match.groups()
        if phrase is not None:
            words = re.findall(r"\w+", phrase)
            if words:
                add('"' + " ".join(words) + '"')
            continue
        if word in _OPERATORS:
            pending.append(word)
            continue
        prefix = word.endswith("*")
        words = re.findall(r"\w+", word)
        if not words:
            continue
        if prefix and expand is not None:
            head = " ".join(words[:-1] + [""])
            if words[-1] not in expanded:
                expanded[words[-1]] = sorted(expand(words[-1]))
            found = expanded[words[-1]]
            add("(" + " OR ".join(f'"{head}{w}"' for w in found) + ")" if found else '""')
            continue
        add('"' + " ".join(words) + '"' + ("*" if prefix and len(words) == 1 else ""))
    items = _distinct(items)
    if len(items) > MAX_TERMS:
        raise QueryError(f"a search reads at most {MAX_TERMS} different terms ({len(items)} given, repeats "
                         "not counted): search for fewer words at a time")
    parts: list[str] = []
    for op, part in items:
        parts += [op, part] if op else [part]
    joined = []
    for part in parts:  # FTS5 has no implicit AND next to a (group): say it
        if joined and joined[-1] not in _OPERATORS and part not in _OPERATORS and "(" in (part[0], joined[-1][0]):
            joined.append("AND")
        joined.append(part)
    return " ".join(joined)


def _fold(text: str) -> str:
    """Lower case without diacritics, as the index's ``unicode61 remove_diacritics 2`` sees it."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


_ACCENTED = set("aeiouycnszgrltdkhjw")  # ASCII letters that have accented forms (a LIKE "_" for them)


def _prefix_words(con, column: str, prefix: str) -> set[str]:
    """The distinct words (lower case) of ``docs.<column>`` that start with ``prefix``
    (compared without case or diacritics). SQL's LIKE narrows the rows first."""
    want = _fold(prefix)
    pattern = "%" + "".join("_" if c in _ACCENTED or not c.isascii() else c for c in want) + "%"
    found = set()
    for (text,) in con.execute(f"SELECT DISTINCT {column} FROM docs WHERE {column} LIKE ?", (pattern,)):
        for w in re.findall(r"[^\W_]+", text or ""):
            if _fold(w).startswith(want):
                found.add(w.lower())
    return found


def _since(since):
    if since is None or (isinstance(since, str) and not since.strip()):
        return None
    try:
        value = parse_date(since)
    except ValueError:
        raise ValueError(f"--since {since!r} is not a date (YYYY-MM-DD)") from None
    return value.isoformat()


HIT_OPEN, HIT_CLOSE = "«", "»"  # a match in a snippet: never "[...]", which is a redaction marker
_HIT = re.compile(f"{HIT_OPEN}([^{HIT_OPEN}{HIT_CLOSE}]*){HIT_CLOSE}")


def whole_graphemes(snippet):
    """``snippet`` with each ``«match»`` widened to whole grapheme clusters (Unicode UAX #29,
    the ``regex`` module's ``\\X``): SQLite's tokenizer splits a word at its combining marks
    (a Devanagari, Bengali or Tamil vowel sign, a virama), so a match may end before the
    marks of its last letter (``«प्रिय»ा``); shown as ``«प्रिया»``. Anything but a string with a
    match in it is returned as it is."""
    if not isinstance(snippet, str) or snippet.isascii() or HIT_OPEN not in snippet \
            or snippet.count(HIT_OPEN) != snippet.count(HIT_CLOSE):  # guillemets of the text itself: as it is
        return snippet
    import regex

    text, hits = _unmarked(snippet)
    bounds = sorted({0, len(text)} | {m.end() for m in regex.finditer(r"\X", text)})
    widened = []
    for start, end in hits:
        start = max(b for b in bounds if b <= start)
        end = min(b for b in bounds if b >= end)
        if widened and start <= widened[-1][1]:  # two matches in one cluster: one
            widened[-1] = (widened[-1][0], max(end, widened[-1][1]))
        else:
            widened.append((start, end))
    pieces, last = [], 0
    for start, end in widened:
        pieces += [text[last:start], HIT_OPEN, text[start:end], HIT_CLOSE]
        last = end
    return "".join(pieces + [text[last:]])


def _unmarked(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """``marked`` without its ``«»`` marks, and the (start, end) of each marked run in it."""
    plain, hits, last, size = [], [], 0, 0
    for match in _HIT.finditer(marked):
        before = marked[last:match.start()]
        plain += [before, match.group(1)]
        size += len(before)
        hits.append((size, size + len(match.group(1))))
        size += len(match.group(1))
        last = match.end()
    plain.append(marked[last:])
    return "".join(plain), hits


_TOKEN = re.compile(r"\w+|\W", re.S)
ELLIPSIS = " … "  # what FTS5's snippet() puts where the window does not reach the text's start or end


def _window_shown(source: str, cleaned: str, start: int, end: int, hits) -> tuple[str, int]:
    """The part of ``cleaned`` (``source`` as an output shows it: :func:`kit.privacy.redact`
    replaces whole words) that stands for ``source[start:end]``, with ``«»`` around each of
    ``hits`` (offsets in ``source``) that the cleaning left as it was; and how many it left.
    The two texts are aligned word by word (``difflib``); a hit that touches a replaced word
    (a name redacted) loses its marks, and a replacement that reaches into the window is
    shown whole."""
    a = [m.span() for m in _TOKEN.finditer(source)]
    if cleaned == source:
        b, ops = a, [("equal", 0, len(a), 0, len(a))]
    else:
        from difflib import SequenceMatcher

        b = [m.span() for m in _TOKEN.finditer(cleaned)]
        ops = SequenceMatcher(None, [source[i:j] for i, j in a], [cleaned[i:j] for i, j in b],
                              autojunk=False).get_opcodes()

    def bounds(spans, lo, hi, size):
        first = spans[lo][0] if lo < len(spans) else size
        return first, spans[hi - 1][1] if hi > lo else first

    kept, pieces = [], []
    for tag, i1, i2, j1, j2 in ops:
        s0, s1 = bounds(a, i1, i2, len(source))
        c0, c1 = bounds(b, j1, j2, len(cleaned))
        if tag == "equal":
            inside = [(h0, h1) for h0, h1 in hits if s0 <= h0 and h1 <= s1 and h0 < h1]
            kept += inside
            lo, hi = max(s0, start), min(s1, end)
            if lo >= hi:
                continue
            cuts = sorted({lo, hi} | {x for h in inside for x in h if lo <= x <= hi})
            opens, closes = {h0 for h0, _ in inside}, {h1 for _, h1 in inside}
            for x, y in zip(cuts, cuts[1:]):
                pieces += [HIT_OPEN if x in opens else "", source[x:y], HIT_CLOSE if y in closes else ""]
        elif (s0 < end and s1 > start) or (s0 == s1 and start < s0 < end):
            pieces.append(cleaned[c0:c1])  # a redaction (or a deletion: nothing) reaching into the window
    return "".join(pieces), len(kept)


def shown_hit(snippet, marked, text, clean) -> tuple:
    """A search hit as an output cleaned by ``clean`` (a text -> the text as shown, e.g.
    :meth:`kit.outputs.Outputs.clean`) may show it: (the snippet, how many matches of the
    whole text are left once cleaned). ``snippet`` is FTS5's window of ``text`` with the
    matches between ``«»``, ``marked`` the whole ``text`` with them (FTS5's highlight()).

    What is redacted is decided on the whole text, never on the snippet with its marks: a
    mark cut "Grace period" into "«Grace» period" and "In May" into "In «May»", so the
    name rules (a name that is also a word is kept in a common phrase or after a
    preposition) no longer saw the phrase, and the hit showed «[name]» where analyze keeps
    the words (newcomer s12 F15). A match on a word the cleaning replaces is no match: it
    keeps no marks, and a hit with none left is not a hit (a search for a name never says
    where that name was redacted; ``search REPO name`` still finds the ``[name]`` marks, as
    documented). When the index's text is already as the output shows it
    (the usual case: the index is pseudonymised with the same roster), the snippet is
    returned as it is."""
    if not isinstance(snippet, str) or not isinstance(text, str):
        return snippet, 1
    cleaned = clean(text)
    if cleaned == text:
        return snippet, 1
    plain, hits = _unmarked(snippet)
    whole, all_hits = _unmarked(marked) if isinstance(marked, str) else (text, [])
    left = _window_shown(text, cleaned, 0, len(text), all_hits)[1] if whole == text else 0
    before = ELLIPSIS if plain.startswith(ELLIPSIS) and not text.startswith(ELLIPSIS) else ""
    after = ELLIPSIS if plain.endswith(ELLIPSIS) and len(plain) > len(before) + len(ELLIPSIS) \
        and not text.endswith(ELLIPSIS) else ""
    core = plain[len(before):len(plain) - len(after)]
    at = text.find(core)
    if at < 0 or snippet.count(HIT_OPEN) != len(hits) or snippet.count(HIT_CLOSE) != len(hits):
        # the window is not found in the text, or the text has guillemets of its own: the
        # window alone, cleaned, without marks (fail closed)
        return clean(plain), left
    moved = [(h0 - len(before) + at, h1 - len(before) + at) for h0, h1 in hits]
    shown, _ = _window_shown(text, cleaned, at, at + len(core), moved)
    return before + shown + after, left


def search(repo, query, code=None, segment=None, since=None, limit: int = 20, update: bool = True,
           include_names: bool = False, shown=None) -> pd.DataFrame:
    """Segments of every study matching ``query``, best first (SQLite FTS5 bm25).

    The index holds pseudonymised text only (``kit.privacy.redact``: roster names ``[name]``,
    emails ``[email]``, phones ``[phone]``), and that is what is searched and shown: searching
    a participant's name finds nothing and confirms nothing. ``include_names`` searches and
    shows the text with names kept (contact details are never in the index).

    ``code`` keeps segments carrying that code (or any of a list), manual or auto;
    ``segment`` the participants' segment (e.g. ``trades``, case-insensitive); both are
    matched against the values as the index stores them, pseudonymised like the text (a
    code ``[name]-complaint``, a segment ``[email]``): a name or email given as a filter
    matches nothing; ``since`` the
    interviews on or after a date. Columns: rank, score (higher is better), id (stable
    segment id), study, sprint, date, kind (quote, insight, opportunity, turn),
    interview_id, participant (pseudonymous id), segment, codes, snippet (the words matched
    between ``«`` and ``»``), context (for a turn: the question before it), text, consent_quote.
    ``frame.attrs["total"]`` is the number of matches before ``limit``.

    ``shown`` (a text -> the text as the output shows it, e.g. ``Outputs.clean``): the
    snippets are given as that output shows them, redacted on their whole text rather than
    on the marked window (:func:`shown_hit`), and a segment whose every match is a word the
    cleaning replaces is no hit (left out, and out of the total)."""
    if not fts_query(query):
        raise ValueError("give some words to search for")
    if not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a positive whole number, not {limit!r}")
    fts, context, text = ("named_fts", "d.named_context", "d.named_text") if include_names else \
        ("docs_fts", "d.context", "d.text")
    sql = ["SELECT d.id, d.study, s.sprint, d.date, d.kind, d.interview_id, d.participant, d.segment, d.codes,",
           f"{context} AS context, {text} AS text, d.consent_quote, bm25({fts}) AS bm25,",
           f"snippet({fts}, 0, '{HIT_OPEN}', '{HIT_CLOSE}', '{ELLIPSIS}', 16) AS snippet,",
           f"highlight({fts}, 0, '{HIT_OPEN}', '{HIT_CLOSE}') AS marked",
           f"FROM {fts} JOIN docs d ON d.rowid = {fts}.rowid LEFT JOIN studies s ON s.study = d.study",
           f"WHERE {fts} MATCH ?",
           # the own words of one who did not consent to being quoted, or withdrew, are no hit: a hit
           # with their words withheld still confirmed what they said (attacker s16 A2)
           "AND NOT (d.consent_quote = 0 AND d.kind IN ('turn', 'quote'))"]
    args: list = [None]  # the MATCH expression: its prefixes are expanded on the index (fts_query)
    if code:
        codes = [code] if isinstance(code, str) else list(code)
        sql.append(f"AND EXISTS (SELECT 1 FROM doc_codes c WHERE c.doc = d.rowid AND c.code IN "
                   f"({','.join('?' * len(codes))}))")
        args += codes
    if segment:
        sql.append("AND lower(d.segment) = lower(?)")
        args.append(str(segment).strip())
    day = _since(since)
    if day:
        sql.append("AND d.date >= ?")
        args.append(day)
    where = sql[sql.index(f"WHERE {fts} MATCH ?"):]
    count_sql = "\n".join([f"SELECT COUNT(*) FROM {fts} JOIN docs d ON d.rowid = {fts}.rowid"] + where)
    sql.append("ORDER BY bm25, d.study, d.id LIMIT ?")
    # past the rows read: the team's notes in an interview whose words somebody may not quote
    suspect_sql = ["SELECT * FROM ("] + sql[:-1] + [
        "ORDER BY bm25, d.study, d.id LIMIT -1 OFFSET ?) q WHERE q.kind NOT IN ('turn', 'quote') AND EXISTS",
        "(SELECT 1 FROM docs o WHERE o.study = q.study AND o.interview_id = q.interview_id",
        "AND o.consent_quote = 0 AND o.kind IN ('turn', 'quote'))"]

    def both(con):
        args[0] = fts_query(query, expand=lambda prefix: _prefix_words(con, text[2:], prefix))
        total = con.execute(count_sql, args).fetchone()[0]
        n = limit
        while True:  # more rows when some turn out to be no hit (``shown``, words nobody may quote)
            rows = con.execute("\n".join(sql), args + [n]).fetchall()
            hits = _shown_hits(con, rows, shown, text[2:])
            if len(hits) >= limit or len(rows) < n:
                dropped = len(rows) - len(hits)
                if total > len(rows):  # matches beyond those read: none is counted that is no hit
                    beyond = con.execute("\n".join(suspect_sql), args + [len(rows)]).fetchall()
                    dropped += len(beyond) - len(_shown_hits(con, beyond, None, text[2:]))
                return hits[:limit], total, dropped
            n *= 4

    def with_words(con):  # and the words of the hits' interviews nobody may quote (attacker s13 A1)
        found, total, dropped = both(con)
        return found, total, dropped, _their_words(con, [r for r, _ in found], text[2:])

    notes: list = [UNSUPPORTED] if query_terms(query)[1] else []
    try:
        rows, total, dropped, words = query_index(repo, update, with_words, notes)
    except sqlite3.OperationalError as exc:
        reason = write_failure(exc)  # a full disk while a search updates the index: the user's to fix
        if reason:
            raise IndexWriteError(f"{index_path(repo)}: cannot search: {reason}") from None
        raise ValueError(f"cannot search for {query!r}: {exc}") from None
    records = [{"rank": i, "score": round(-r["bm25"], 4), "id": r["id"], "study": r["study"], "sprint": r["sprint"],
                "date": r["date"], "kind": r["kind"], "interview_id": r["interview_id"],
                "participant": r["participant"], "segment": r["segment"], "codes": r["codes"],
                "snippet": whole_graphemes(snippet), "context": cjk_plain(r["context"]), "text": cjk_plain(r["text"]),
                "consent_quote": bool(r["consent_quote"])} for i, (r, snippet) in enumerate(rows, start=1)]
    _withhold(records, words)
    frame = pd.DataFrame(records, columns=SEARCH_COLUMNS)
    frame.attrs["total"] = int(total) - dropped  # all matches, before the limit
    frame.attrs["notes"] = notes  # the index could not be updated: the last complete one was read
    return frame


# -- words of participants who did not consent to being quoted (attacker s13 A1) -------------------
#: The kinds of segment that are a participant's own words (a team note is not: it is shown,
#: less any run of their words it repeats).
VERBATIM_KINDS = ("turn", "quote")


def _shown_hits(con, rows, shown, column: str) -> list[tuple]:
    """The rows of a search that are hits, each with its snippet: ``(row, snippet)``. A match
    inside the words of a participant who may not be quoted (a team note repeating them:
    attacker s17 A15, newcomer s17 F7), or on a word ``shown`` replaces, is no match, and a
    row with no match left is no hit: a hit with its words withheld still said where and by
    whom they were said. ``column`` is the docs column searched (``text`` or ``named_text``)."""
    from kit.privacy import Unquotable

    words = _their_words(con, rows, column)
    theirs = Unquotable(own_texts=words, other_texts=[
        cjk_plain(r["text"]) for r in rows if r["kind"] in VERBATIM_KINDS and r["consent_quote"]]) if words else None
    if theirs is None and shown is None:
        return [(r, cjk_plain(r["snippet"])) for r in rows]

    def clean(value):
        value = theirs.withhold(value) if theirs is not None else value
        return shown(value) if shown is not None else value

    hits = []
    for r in rows:
        snippet, left = shown_hit(cjk_plain(r["snippet"]), cjk_plain(r["marked"]), cjk_plain(r["text"]), clean)
        if left:
            hits.append((r, snippet))
    return hits


def _their_words(con, rows, column: str) -> list[str]:
    """The texts (``docs.<column>``) of the participants who did not consent to being quoted
    (``consent_quote = 0``: their own sheet, or withdrawn in another study of the
    repository) in the interviews of ``rows`` (a search's hits): the words no hit may show."""
    keys = sorted({(r["study"], r["interview_id"]) for r in rows if r["interview_id"]})
    if not keys:
        return []
    found = []
    for start in range(0, len(keys), 400):  # SQLite's limit on variables: in batches
        batch = keys[start:start + 400]
        where = " OR ".join("(study = ? AND interview_id = ?)" for _ in batch)
        found += [t for (t,) in con.execute(
            f"SELECT {column} FROM docs WHERE consent_quote = 0 AND kind IN ('turn', 'quote') AND ({where})",
            [x for key in batch for x in key])]
    return [cjk_plain(t) for t in dict.fromkeys(found) if t]


def _withhold(records: list[dict], words: list[str]) -> None:
    """Withhold, in place, the words of participants who did not consent to being quoted, as
    published outputs do (``kit.outputs``): the text and snippet of their own segments
    (:data:`VERBATIM_KINDS`) become ``(not quoted: no consent to quote)`` (their id, codes and
    score stay), and a run of ``kit.privacy.SHINGLE`` of their words in any other field shown
    (the question before a turn, a team note, another hit) ``[not quoted]``. A phrase a
    consenting participant among the hits also said is common (not theirs), as in published
    outputs; others' texts beyond the hits are not read (fail closed)."""
    from kit.privacy import NO_CONSENT, Unquotable

    if not records:
        return
    gone = [not r["consent_quote"] and r["kind"] in VERBATIM_KINDS for r in records]
    if not any(gone) and not words:
        return
    others = [r["text"] for r, g in zip(records, gone) if not g and r["kind"] in VERBATIM_KINDS]
    theirs = Unquotable(own_texts=words + [r["text"] for r, g in zip(records, gone) if g], other_texts=others)
    for record, withheld in zip(records, gone):
        if withheld:
            record["text"] = record["snippet"] = NO_CONSENT
        else:
            record["text"], snippet = theirs.withhold(record["text"]), theirs.withhold(record["snippet"])
            if HIT_OPEN in str(record["snippet"]) and HIT_OPEN not in str(snippet):  # newcomer s16 F16: say why
                snippet = f"{snippet} (the match is inside words withheld: not shown)"
            record["snippet"] = snippet
        record["context"] = theirs.withhold(record["context"])


# -- prior interactions ---------------------------------------------------------------------------
def prior_interactions(repo, who, update: bool = True) -> pd.DataFrame:
    """Everything the repository holds about one person, to review before talking to them
    again (the template's "review prior interactions"): one row per interview (with the
    note's insights as a summary) and per invitation that did not lead to one (declined,
    no-show, invited, scheduled), oldest first. ``who`` is a participant id or an email
    address; people are linked across studies by id and by email (the index keeps only a
    keyed hash of the address: kit.discovery.email_key). Names and emails never appear in the
    result; ``note_path`` is the note's path in ``repo`` (the index keeps it relative to the
    repository)."""
    key = str(who or "").strip()
    if not key:
        raise ValueError("give a participant id or an email address")
    table = query_index(repo, update, lambda con: _prior(con, key, email_key(index_path(repo).parent)))
    table["note_path"] = [str(Path(repo) / p) if p else p for p in table["note_path"]]
    return table


def _prior(con, key: str, secret: bytes) -> pd.DataFrame:
    ids, hashes = (set(), {email_hash(key, secret)}) if "@" in key else ({key}, set())
    people = []
    for _ in range(5):  # follow id <-> email links until nothing new turns up
        people = con.execute(
            f"SELECT * FROM people WHERE id IN ({','.join('?' * len(ids))}) "
            f"OR email_hash IN ({','.join('?' * len(hashes))})", list(ids) + list(hashes)).fetchall()
        new_ids = ids | {r["id"] for r in people if r["id"]}
        new_hashes = hashes | {r["email_hash"] for r in people if r["email_hash"]}
        if new_ids == ids and new_hashes == hashes:
            break
        ids, hashes = new_ids, new_hashes
    sprint = dict(con.execute("SELECT study, sprint FROM studies").fetchall())
    interviews = con.execute(
        f"SELECT * FROM interviews WHERE participant IN ({','.join('?' * len(ids))})", list(ids)).fetchall() \
        if ids else []
    rows = []
    interviewed = set()
    for iv in interviews:
        items = con.execute("SELECT kind, text FROM docs WHERE study = ? AND interview_id = ? AND kind IN "
                            "('insight', 'quote') ORDER BY rowid", (iv["study"], iv["interview_id"])).fetchall()
        insights = [cjk_plain(r["text"]) for r in items if r["kind"] == "insight"]
        theirs = _their_words(con, [iv], "text")  # a note repeating unconsented words: those withheld
        if theirs:
            from kit.privacy import Unquotable

            insights = list(map(Unquotable(own_texts=theirs).withhold, insights))
        rows.append({"study": iv["study"], "sprint": sprint.get(iv["study"], ""), "date": iv["date"],
                     "kind": "interview", "interview_id": iv["interview_id"], "participant": iv["participant"],
                     "interviewer": iv["interviewer"], "stage": iv["stage"],
                     "quotes": sum(r["kind"] == "quote" for r in items),
                     "summary": " / ".join(insights), "note_path": iv["note_path"]})
        interviewed.add((iv["study"], iv["participant"]))
    for p in people:
        if (p["study"], p["id"]) in interviewed or p["status"] == "completed":
            continue
        when = p["scheduled_on"] or p["invited_on"] if p["status"] in ("scheduled", "no-show") else p["invited_on"]
        rows.append({"study": p["study"], "sprint": sprint.get(p["study"], ""), "date": when,
                     "kind": p["status"] or "listed", "interview_id": "", "participant": p["id"],
                     "interviewer": "", "stage": "", "quotes": 0,
                     "summary": _STATUS_SUMMARY.get(p["status"], ""), "note_path": ""})
    table = pd.DataFrame(rows, columns=PRIOR_COLUMNS)
    return table.sort_values(["date", "study", "interview_id"], kind="stable").reset_index(drop=True)


_STATUS_SUMMARY = {"declined": "declined the invitation", "no-show": "did not come to the booked slot",
                   "invited": "invited, no answer recorded", "scheduled": "interview booked",
                   "withdrawn": "withdrew from the study"}


