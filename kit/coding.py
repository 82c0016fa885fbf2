"""Auto-coding: apply the codebook's keywords (on word stems) and patterns to text segments.

Every coding keeps the evidence that triggered it, so a researcher can see why a code was
applied and judge which rules to trust. A keyword right after a negation in the same clause
does not count, and a parent code gives way to its child codes on the same segment.

* :func:`autocode` codes a segments table; :func:`themes` counts codes per participant.
* :func:`compare_auto_manual` scores each code's rules against the coders' manual codings
  (precision, recall, F1) on :func:`comparison_universe`, the segments the coders coded;
  :func:`auto_manual_cases` lists the disagreements to read.
* :func:`agreement_report` compares two coders (``kit.agreement``) on
  :func:`shared_universe`, the segments both coded.
"""
from __future__ import annotations

import re
from itertools import compress, count, repeat

import pandas as pd

from kit.codebook import PATTERN_TIMEOUT, compile_pattern, fold_for_literals, required_literals, search_pattern  # noqa: F401
from kit.schema import AUTOCODE_COMPARE_COLUMNS, SEGMENT_ID, person, segment_column

__all__ = [
    "CLAUSE_BREAKS",
    "COMPARE_COLUMNS",
    "KIND_OF_LETTER",
    "NEGATIONS",
    "NEGATION_WINDOW",
    "AutoCoder",
    "BATCH_TEXTS",
    "agreement_lines",
    "agreement_report",
    "auto_manual_cases",
    "auto_manual_summary",
    "autocode",
    "compare_auto_manual",
    "comparison_universe",
    "segment_kind",
    "shared_universe",
    "stem",
    "stems",
    "themes",
    "tokens",
    "words_and_clauses",
]

#: Distinct texts coded together in one slice by :func:`autocode` (memory, not results: each text
#: is coded alone).
BATCH_TEXTS = 20_000

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# NLTK's Snowball stemmer, made on first use and loaded without importing all of NLTK (and
# scipy.stats with it: about 1.7 s of CPU; kit.nltkdata.snowball_stemmer). Snowball's own packages
# (snowballstemmer 2.2 and 3.1) stem some English words differently, so codes would change.
_STEMMER = None
NEGATIONS = frozenset({"not", "no", "never", "without", "hardly", "nobody", "nothing", "neither", "nor"})
NEGATION_WINDOW = 3
CLAUSE_BREAKS = frozenset({"but", "although", "though", "however", "whereas"})
_CLAUSE_SPLIT = re.compile(r"[.!?;:,()\u2013\u2014\"“”]")


_STEMS: dict[str, str] = {}
# An ASCII text's words (``tokens``) are its runs of [a-z0-9'] when every apostrophe stands
# between a letter or digit and letters that end the run (``don't``, not ``'cause``, ``dogs'``,
# ``rock'n'roll`` or ``it's2``, where the pattern's words are not the runs).
_UNEVEN_APOSTROPHE = re.compile(r"(?<![a-z0-9])'|'(?![a-z])|'[a-z]+[0-9']")
_ASCII_WORD_BYTES = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 or c == 39 else 32 for c in range(256))
# as _ASCII_WORD_BYTES, keeping the NUL that separates texts joined for AutoCoder.code_texts
_BATCH_WORD_BYTES = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 or c in (0, 39) else 32 for c in range(256))
_NEGATION_BYTES = frozenset(w.encode("ascii") for w in NEGATIONS)


def stem(word: str) -> str:
    """The Snowball stem of a lower-case word (memoised: interviews reuse a small vocabulary)."""
    global _STEMMER
    got = _STEMS.get(word)
    if got is None:
        if _STEMMER is None:
            from kit.nltkdata import snowball_stemmer

            _STEMMER = snowball_stemmer("english")
        if len(_STEMS) > 500_000:
            _STEMS.clear()
        got = _STEMS[word] = _STEMMER.stem(word)
    return got


def tokens(text: str) -> list[str]:
    return _WORD.findall(str(text).lower())


def stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text)]


def _negated(words: list[str], at: int, start: int = 0) -> bool:
    """True when a negation word comes at most ``NEGATION_WINDOW`` words before ``words[at]``
    in the same clause (``start`` is the index of the clause's first word)."""
    for w in words[max(start, at - NEGATION_WINDOW):at]:
        if w in NEGATIONS or w.endswith("n't") or w.endswith("n’t"):
            return True
    return False


def words_and_clauses(text: str) -> tuple[list[str], list[int]]:
    """The words of ``text`` (as ``tokens``) and, for each, the index of the first word of its
    clause. Punctuation and contrast words ("but", "although") end a negation's scope: in
    "No, it was late" or "not cheap but late" the negation does not reach "late"."""
    words: list[str] = []
    starts: list[int] = []
    for chunk in _CLAUSE_SPLIT.split(str(text).lower()):
        found = _WORD.findall(chunk)
        if not found:
            continue
        start = len(words)
        if CLAUSE_BREAKS.isdisjoint(found):
            words += found
            starts += [start] * len(found)
            continue
        for word in found:
            words.append(word)
            starts.append(start)
            if word in CLAUSE_BREAKS:
                start = len(words)
    return words, starts


class AutoCoder:
    """Compiled matching rules for a codebook; ``code_text`` returns (code, evidence) pairs."""

    #: ASCII texts' words split as bytes (:meth:`_ascii_keywords`): the same codes, sooner.
    ascii_path = True

    def __init__(self, codebook, negation: bool = True, most_specific: bool = True):
        self.negation = negation
        # A parent code is dropped from a segment that one of its descendants matched
        # ("apply the most specific code that fits").
        parents = {c.name: c.parent for c in codebook}
        self.ancestors: dict[str, set[str]] = {}
        if most_specific:
            for name in parents:
                seen, node = set(), parents.get(name)
                while node and node not in seen and node != name:
                    seen.add(node)
                    node = parents.get(node)
                self.ancestors[name] = seen
        self.phrases: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self.patterns: list[tuple[re.Pattern, str]] = []
        for code in codebook:
            for keyword in code.keywords:
                key = tuple(stems(keyword))
                if key:
                    self.phrases.setdefault(key[0], []).append((key, code.name, keyword))
            for pattern in code.patterns:
                self.patterns.append((compile_pattern(pattern), code.name))
        self.first_stems = frozenset(self.phrases)
        # for ASCII texts: each word (bytes) with its stem, and the words that start a phrase
        self._stem_of: dict[bytes, str] = {}
        self._starts: set[bytes] = set()
        self._negating: set[bytes] = set()  # the words seen that are negations (or end in n't)
        # the codes with a parent code, which a more specific code may take the place of
        self._parented = frozenset(name for name, above in self.ancestors.items() if above)
        # Literal text each pattern needs (one of a few strings, lower case): a text holding
        # none of them cannot match, and is not searched (kit.codebook.required_literals).
        self.needs = [required_literals(r.pattern) for r, _ in self.patterns]
        self.literals = tuple(dict.fromkeys(n for needs in self.needs if needs for n in needs))
        # the patterns each literal lets through, and those searched in every text (in order)
        self.unfiltered = tuple(k for k, needs in enumerate(self.needs) if needs is None)
        self.needing = tuple((n, tuple(k for k, needs in enumerate(self.needs) if needs and n in needs))
                             for n in self.literals)
        # A literal every pattern needing it matches at the start of a word (``\bPOs?\b`` needs
        # "po" after a non-word character, not inside "report"): in an ASCII text it is looked
        # for there, so that such a pattern is not searched in every text holding the letters.
        # Written literal first (the literal, then a look back that it starts a word), so that
        # the regex engine skips to each occurrence of the literal instead of trying every place.
        self.word_start = {n: re.compile(rf"{re.escape(n)}(?<=(?<![a-z0-9_]){re.escape(n)})")
                           for n, needing in self.needing
                           if all(_starts_word(self.patterns[k][0].pattern, n) for k in needing)}
        # per first stem, its phrases as (key, code, number of words)
        self._phrases_n = {s: [(key, code, len(key)) for key, code, _ in phrases] for s, phrases in self.phrases.items()}
        self._general: dict[tuple[str, ...], frozenset] = {}  # the found codes -> their ancestors
        self._general_of = self.ancestors  # the ancestors ``_general`` was worked out from

    def code_text(self, text: str) -> list[tuple[str, str]]:
        """(code, evidence) for every code whose keywords (on stems, skipping negated
        mentions) or patterns (as written: a pattern is an explicit rule) match ``text``."""
        text = str(text)
        lower = text.lower()
        found: dict[str, str] = {}
        if self.ascii_path and lower.isascii() and ("'" not in lower or _UNEVEN_APOSTROPHE.search(lower) is None):
            self._ascii_keywords(text, lower, found)
        else:
            words = _WORD.findall(lower)
            try:
                stemmed = [_STEMS[w] for w in words]
            except KeyError:
                stemmed = [stem(w) for w in words]
            phrases = self.phrases
            hits = [i for i, s in enumerate(stemmed) if s in phrases]
            if hits:
                self._keywords(text, lower, words, stemmed, hits, found)
        if self.patterns:
            self._patterns(text, found, lower if text.isascii() else None)
        return self._most_specific(found)

    def _most_specific(self, found: dict[str, str]) -> list[tuple[str, str]]:
        """``found``'s (code, evidence) pairs, in order, without a parent code where one of
        its descendants was found in the same text."""
        if self._parented.isdisjoint(found):
            return list(found.items())
        if self._general_of is not self.ancestors:  # ancestors replaced (kit.languages: most_specific=False)
            self._general, self._general_of = {}, self.ancestors
        key = tuple(found)  # the same codes found together have the same ancestors
        general = self._general.get(key)
        if general is None:
            if len(self._general) > 100_000:
                self._general.clear()
            general = self._general[key] = frozenset().union(*(self.ancestors.get(code, ()) for code in found))
        return [(code, evidence) for code, evidence in found.items() if code not in general]

    def code_texts(self, texts: list) -> list[list[tuple[str, str]]]:
        """``[self.code_text(t) for t in texts]``, worked out for all the texts together:
        the ASCII texts that :meth:`code_text` splits as bytes (:meth:`_ascii_keywords`) are
        split in one pass, their words looked up as arrays (a keyword phrase's start, its
        following stems, a negation word among the three words before it), the clauses
        read only where a negation comes that close, and each pattern searched only in the
        texts holding one of its literals (found in one pass over all the texts)."""
        import numpy as np

        texts = [t if type(t) is str else str(t) for t in texts]
        if not self.ascii_path or type(self).code_text is not AutoCoder.code_text:
            return [self.code_text(t) for t in texts]
        out, batch, lowers = self._unbatched(texts)
        if not batch:
            return out
        lower_all = "\x00".join([lowers[k] for k in batch])
        words = lower_all.encode("ascii").replace(b"\x00", b" \x00 ").translate(_BATCH_WORD_BYTES).split()
        stem_of = self._stem_of
        vocab = list(set(words))
        for w in vocab:
            if w not in stem_of and w != b"\x00":
                s = stem_of[w] = stem(w.decode("ascii"))
                if s in self.phrases:
                    self._starts.add(w)
                if w in _NEGATION_BYTES or w.endswith(b"n't"):
                    self._negating.add(w)
        id_of = dict(zip(vocab, range(len(vocab))))
        ids = np.fromiter(map(id_of.__getitem__, words), dtype=np.int64, count=len(words))
        key_stems = {s: j for j, s in enumerate(dict.fromkeys(
            s for phrases in self._phrases_n.values() for key, _, _ in phrases for s in key))}
        stem_ids = np.array([-2 if w == b"\x00" else key_stems.get(stem_of[w], -1) for w in vocab] + [-3],
                            dtype=np.int64)
        sid = stem_ids[ids]
        is_sep = sid == -2
        # each word's text (its position in ``batch``) and the position of the text's first word
        text_of = np.cumsum(is_sep)
        first = np.flatnonzero(is_sep) + 1
        first = np.concatenate(([0], first))
        starting = np.fromiter(map(self._starts.__contains__, vocab), dtype=bool, count=len(vocab))
        hits = np.flatnonzero(starting[ids])
        longest = max((n for phrases in self._phrases_n.values() for _, _, n in phrases), default=1)
        padded = np.concatenate((sid, np.full(longest, -3, dtype=np.int64)))
        at, ranks, which = [], [], []
        phrase_list = []
        hit_stems = padded[hits]
        for first_stem, phrases in self._phrases_n.items():
            if first_stem not in key_stems:
                continue
            chosen_hits = hits[hit_stems == key_stems[first_stem]]
            for rank, (key, code, n) in enumerate(phrases):
                got = chosen_hits
                for d in range(1, n):
                    got = got[padded[got + d] == key_stems[key[d]]]
                if len(got):
                    at.append(got)
                    ranks.append(np.full(len(got), rank, dtype=np.int64))
                    which.append(np.full(len(got), len(phrase_list), dtype=np.int64))
                phrase_list.append((code, n))
        found: list = [{} for _ in batch]
        if at:
            at, ranks, which = np.concatenate(at), np.concatenate(ranks), np.concatenate(which)
            order = np.lexsort((ranks, at))  # as code_text meets them: by position, then codebook order
            at, which = at[order], which[order]
            texts_at = text_of[at].tolist()
            near = [False] * len(at)
            if self.negation:  # a negation word among the NEGATION_WINDOW words before (maybe another text's)
                negating = np.fromiter(map(self._negating.__contains__, vocab), dtype=bool, count=len(vocab))
                neg = np.concatenate((np.zeros(NEGATION_WINDOW, dtype=bool), negating[ids]))
                shadow = np.zeros(len(at), dtype=bool)
                for d in range(1, NEGATION_WINDOW + 1):  # neg[j + NEGATION_WINDOW] is word j's
                    shadow |= neg[at + NEGATION_WINDOW - d]
                near = shadow.tolist()
            vocab_text = np.array([w.decode("ascii") for w in vocab] + [""], dtype=object)
            evidence = vocab_text[ids[at]].tolist()
            codes = np.array([code for code, _ in phrase_list], dtype=object)[which].tolist()
            sizes = np.array([n for _, n in phrase_list], dtype=np.int64)[which].tolist()
            clauses: dict = {}
            for t, code, said, n, close, i in zip(texts_at, codes, evidence, sizes, near, at.tolist()):
                here = found[t]
                if code in here:
                    continue
                if close:  # read the text's clauses (code_text's words_and_clauses)
                    got = clauses.get(t)
                    if got is None:
                        start = int(first[t])
                        end = int(first[t + 1]) - 1 if t + 1 < len(first) else len(words)
                        got = clauses[t] = ([w.decode("ascii") for w in words[start:end]],
                                            words_and_clauses(texts[batch[t]])[1], start)
                    if _negated(got[0], i - got[2], got[1][i - got[2]]):
                        continue
                here[code] = said if n == 1 else b" ".join(words[i:i + n]).decode("ascii")
        if self.patterns:
            self._batch_patterns(lower_all, [texts[k] for k in batch], found)
        for k, pairs in zip(batch, self._most_specific_all(found)):
            out[k] = pairs
        return out

    def _most_specific_all(self, found: list[dict[str, str]]) -> list[list[tuple[str, str]]]:
        """:meth:`_most_specific` of each of ``found``, worked out once per set of codes."""
        parented = self._parented
        ancestors = self.ancestors
        kept_of: dict[tuple, tuple | None] = {}  # the codes found together -> those kept (None: all)
        out = []
        for here in found:
            if not parented.isdisjoint(here):
                key = tuple(here)
                if key in kept_of:
                    kept = kept_of[key]
                else:
                    general = frozenset().union(*(ancestors.get(code, ()) for code in key))
                    kept = tuple(code for code in key if code not in general)
                    kept = kept_of[key] = kept if len(kept) < len(key) else None
                if kept is not None:
                    out.append([(code, here[code]) for code in kept])
                    continue
            out.append(list(here.items()))
        return out

    def _unbatched(self, texts: list[str]) -> tuple[list, list[int], list[str]]:
        """The codes of the texts :meth:`code_texts` does not take together (``None`` for the
        others), the positions of those it does (ASCII, as :meth:`_ascii_keywords` takes them,
        without a NUL) and every text's lower case."""
        uneven = _UNEVEN_APOSTROPHE.search
        lowers = [t.lower() for t in texts]
        batch = [k for k, lo in enumerate(lowers)
                 if lo.isascii() and "\x00" not in lo and ("'" not in lo or uneven(lo) is None)]
        out: list = [None] * len(texts)
        if len(batch) < len(texts):
            chosen = set(batch)
            for k, text in enumerate(texts):
                if k not in chosen:
                    out[k] = self.code_text(text)
        return out, batch, lowers

    def _batch_patterns(self, lower_all: str, texts: list[str], found: list[dict]) -> None:
        """:meth:`_patterns` of each of ``texts`` (ASCII), whose lower case, joined by NUL
        characters, is ``lower_all``: each literal is looked for in all of them at once."""
        lowers = lower_all.split("\x00")
        everywhere = range(len(texts))
        holding: dict[int, set[int]] = {k: set(everywhere) for k in self.unfiltered}
        for literal, needing in self.needing:
            inside = list(compress(everywhere, map(str.__contains__, lowers, repeat(literal))))
            at_start = self.word_start.get(literal)
            if at_start is not None:
                inside = [t for t in inside if at_start.search(lowers[t]) is not None]
            for k in needing:
                holding.setdefault(k, set()).update(inside)
        for k in sorted(holding):
            regex, code = self.patterns[k]
            for t in sorted(holding[k]):
                here = found[t]
                if code not in here:
                    match = search_pattern(regex, texts[t])
                    if match:
                        here[code] = match.group(0)

    def _ascii_keywords(self, text: str, lower: str, found: dict[str, str]) -> None:
        """:meth:`_keywords` of an ASCII text whose apostrophes all stand inside a word
        (``don't``, ``it's``; :data:`_UNEVEN_APOSTROPHE` finds the others): its words, as
        ``tokens`` finds them, are then its runs of letters, digits and apostrophes, split
        in C as bytes. Each distinct word is stemmed once per coder (``self._stem_of``);
        the words that start a keyword phrase are found with one look-up each."""
        words = lower.encode("ascii").translate(_ASCII_WORD_BYTES).split()
        stem_of = self._stem_of
        if not all(map(stem_of.__contains__, words)):
            for w in set(words).difference(stem_of):
                s = stem_of[w] = stem(w.decode("ascii"))
                if s in self.phrases:
                    self._starts.add(w)
                if w in _NEGATION_BYTES or w.endswith(b"n't"):
                    self._negating.add(w)
        hits = list(compress(count(), map(self._starts.__contains__, words)))
        if not hits:
            return
        shadowed = plain = starts = None  # shadowed: the positions a negation word's window covers
        phrases = self._phrases_n
        for i in hits:
            for key, code, n in phrases[stem_of[words[i]]]:
                if code in found or (n > 1 and tuple(map(stem_of.__getitem__, words[i:i + n])) != key):
                    continue
                if self.negation:
                    if shadowed is None:  # a negation word among the NEGATION_WINDOW words before
                        shadowed = () if self._negating.isdisjoint(words) else {
                            j + d for j in compress(count(), map(self._negating.__contains__, words))
                            for d in range(1, NEGATION_WINDOW + 1)}
                    if i in shadowed:
                        if plain is None:
                            plain = [w.decode("ascii") for w in words]
                            starts = words_and_clauses(text)[1]
                        if _negated(plain, i, starts[i]):
                            continue
                found[code] = words[i].decode("ascii") if n == 1 else b" ".join(words[i:i + n]).decode("ascii")

    def _keywords(self, text: str, lower: str, words: list[str], stemmed: list[str], hits: list[int],
                  found: dict[str, str]) -> None:
        """Add to ``found`` the codes whose keyword phrases start at the word positions
        ``hits`` and are not negated (``lower``: ``text`` in lower case, whose words ``words``
        are; negation words are looked for once per text, and
        the clauses worked out only when one comes within the window before a keyword)."""
        negations = starts = None
        for i in hits:
            for key, code, _keyword in self.phrases[stemmed[i]]:
                n = len(key)
                if code in found or (n > 1 and tuple(stemmed[i:i + n]) != key):
                    continue
                if self.negation:
                    if negations is None:  # a word ending in n't holds n't: most texts need no scan
                        negations = not (NEGATIONS.isdisjoint(words) and "n't" not in lower and "n’t" not in lower)
                    # a negation word among the NEGATION_WINDOW words before the keyword
                    if negations and any(w in NEGATIONS or w.endswith(("n't", "n’t"))
                                         for w in words[max(0, i - NEGATION_WINDOW):i]):
                        if starts is None:
                            starts = words_and_clauses(text)[1]
                        if _negated(words, i, starts[i]):
                            continue
                found[code] = words[i] if n == 1 else " ".join(words[i:i + n])

    def _patterns(self, text: str, found: dict[str, str], folded: str | None = None) -> None:
        """Add to ``found`` the codes (not yet found) whose patterns match ``text``, searching
        only the patterns whose required literals occur in it (each literal looked for once),
        in the codebook's order. ``folded``: ``fold_for_literals(text)`` when known.
        Matched with a time limit (kit.codebook.search_pattern): a pattern that backtracks
        without end counts as no match instead of hanging the analysis."""
        word_start = self.word_start if folded is not None else {}  # given: an ASCII text's lower case
        if folded is None:
            folded = fold_for_literals(text)
        todo = set(self.unfiltered)
        for literal, needing in self.needing:
            if literal in folded:
                at_start = word_start.get(literal)
                if at_start is None or at_start.search(folded) is not None:
                    todo.update(needing)
        if not todo:
            return
        patterns = self.patterns
        for k in sorted(todo):
            regex, code = patterns[k]
            if code not in found:
                match = search_pattern(regex, text)
                if match:
                    found[code] = match.group(0)


_WORD_CHARACTER = re.compile(r"[a-z0-9_]")


def _starts_word(pattern: str, literal: str) -> bool:
    """True when every match of ``pattern`` starts with ``\\b`` followed by ``literal`` (case
    aside) and ``literal`` starts with an ASCII word character: in an ASCII text such a match
    starts where the literal follows the text's start or a character that is not ``[a-z0-9_]``.
    Read conservatively from the pattern's parse by Python's ``re`` (False when in doubt)."""
    try:
        from re import _constants as c, _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover
        return False
    if not _WORD_CHARACTER.match(literal[:1]):
        return False
    try:
        items = list(sre_parse.parse(pattern))
    except Exception:  # noqa: BLE001 - regex-only syntax: no such prefilter
        return False
    if not items or items[0] != (c.AT, c.AT_BOUNDARY):
        return False
    run = []
    for op, av in items[1:]:
        if op is not c.LITERAL or av >= 128:
            break
        run.append(chr(av).lower())
    return "".join(run).startswith(literal)


def autocode(segments: pd.DataFrame, codebook, negation: bool = True, most_specific: bool = True) -> pd.DataFrame:
    """One row per (segment, code) the rules apply to: segment_id, interview_id, participant,
    kind, code, evidence (the words or the pattern match that triggered it).

    ``negation``: a keyword preceded, within three words of the same clause, by a negation
    ("not", "never", "didn't", ...) does not count. ``most_specific``: a parent code is not
    applied where one of its child codes is."""
    coder = AutoCoder(codebook, negation=negation, most_specific=most_specific)
    columns = ["segment_id", "interview_id", "participant", "kind"]
    texts = segments["text"].tolist()
    # interviews repeat short turns ("Yes.", "Exactly."): each distinct text is coded once
    distinct: dict = {}
    which = [distinct.setdefault(text, len(distinct)) for text in texts]
    distinct_texts = list(distinct)
    # in slices: each text is coded alone, and the arrays of one slice stay small (all of a
    # 20k study's texts at once took 230 MiB more at the peak; session 11)
    found = [codes for i in range(0, len(distinct_texts), BATCH_TEXTS)
             for codes in coder.code_texts(distinct_texts[i:i + BATCH_TEXTS])]
    records = []
    if any(found):
        import numpy as np

        sizes = np.array([len(pairs) for pairs in found], dtype=np.int64)
        per_row = sizes[np.array(which, dtype=np.int64)]
        rows = np.repeat(np.arange(len(texts)), per_row)  # each coding's segment
        # each coding's place among all the distinct texts' (code, evidence) pairs
        first = np.cumsum(sizes) - sizes
        row_first = np.cumsum(per_row) - per_row
        at = np.repeat(first[which] - row_first, per_row) + np.arange(len(rows))
        codes = np.array([code for pairs in found for code, _ in pairs], dtype=object)
        evidence = np.array([text for pairs in found for _, text in pairs], dtype=object)
        records = list(zip(*(np.array(segments[c].tolist(), dtype=object)[rows].tolist() for c in columns),
                           codes[at].tolist(), evidence[at].tolist()))
    return pd.DataFrame(records, columns=columns + ["code", "evidence"])


def themes(codings: pd.DataFrame, scores: pd.DataFrame | None = None, n_participants: int | None = None,
           codes=None) -> pd.DataFrame:
    """Frequency of each code: participants mentioning it, their share of all participants,
    mentions (coded segments) and the mean VADER compound of those segments.

    ``codings`` has segment_id, code and participant (or interview_id when there is no
    participant); ``scores`` maps segment_id to compound."""
    who = person(codings) if len(codings) else pd.Series(dtype=object)  # kit.schema: a third speaker is nobody
    frame = codings.assign(who=who)
    if scores is not None and len(frame):
        frame = frame.merge(scores[["segment_id", "compound"]], on="segment_id", how="left")
    else:
        frame["compound"] = float("nan")
    grouped = frame.groupby("code").agg(participants=("who", "nunique"), mentions=("segment_id", "nunique"),
                                        mean_compound=("compound", "mean"))
    if codes is not None:
        grouped = grouped.reindex(list(codes)).fillna({"participants": 0, "mentions": 0})
    grouped["participants"] = grouped["participants"].astype(int)
    grouped["mentions"] = grouped["mentions"].astype(int)
    total = n_participants if n_participants else max(who.nunique(), 1)
    grouped["share"] = grouped["participants"] / total
    out = grouped.reset_index()[["code", "participants", "share", "mentions", "mean_compound"]]
    return out.sort_values(["participants", "mentions", "code"], ascending=[False, False, True]).reset_index(drop=True)


# --------------------------------------------------------------------------- auto vs manual

KIND_OF_LETTER = {"t": "turn", "q": "quote", "i": "insight", "o": "opportunity"}
COMPARE_COLUMNS = AUTOCODE_COMPARE_COLUMNS  # kit.schema
_SEGMENT_ID = SEGMENT_ID  # the one segment-id grammar (kit.schema): #t0 is not an id


def segment_kind(segment_id: str) -> str:
    """"turn", "quote", "insight" or "opportunity" from a stable segment id ("" if none)."""
    match = _SEGMENT_ID.match(str(segment_id))
    return KIND_OF_LETTER[match["letter"]] if match else ""


_segment_column = segment_column  # kit.schema: the one segment-column lookup


def _pairs(frame: pd.DataFrame) -> set[tuple[str, str]]:
    seg = _segment_column(frame)
    return {(segment, name) for segment, code in zip(frame[seg].tolist(), frame["code"].tolist())
            if isinstance(code, str) and isinstance(segment, str) and (name := code.strip())}


def comparison_universe(manual: pd.DataFrame, segments=None) -> list[str]:
    """The segments on which auto-coding is judged against manual coding.

    ``segments`` may be the study's segments table (``Study.segments()``): the universe is
    then every segment of each manually coded interview, of the kinds the coders coded in
    that interview (e.g. its participant turns and key quotes, not its insights), whether or
    not a coder applied a code to it: a segment the coders read and left uncoded is a true
    negative. It may also be an explicit collection of segment ids. With ``segments=None``
    the universe is the segments that appear in the manual codings.
    """
    seg = _segment_column(manual)
    coded = [s for s in manual[seg].tolist() if isinstance(s, str)]
    if segments is None:
        return list(dict.fromkeys(coded))
    if isinstance(segments, pd.DataFrame):
        read = {(m["interview"], KIND_OF_LETTER[m["letter"]]) for m in map(_SEGMENT_ID.match, coded) if m}
        ids = segments["segment_id"]
        kinds = segments["kind"] if "kind" in segments else ids.map(segment_kind)
        keep = [(iv, kind) in read for iv, kind in zip(segments["interview_id"].tolist(), kinds.tolist())]
        return list(dict.fromkeys(ids[keep].tolist()))
    if isinstance(segments, (str, bytes)):
        raise TypeError("segments must be the segments table or a collection of segment ids")
    return list(dict.fromkeys(segments))


def _ratio(num: int, den: int) -> float:
    return num / den if den else float("nan")


def _verdict(manual: int, precision: float, recall: float, f1: float, min_manual: int) -> str:
    if manual < min_manual:
        return "too few to tell"
    if f1 >= 0.8:
        return "trust"
    if f1 >= 0.5:
        return "check"
    return "revise rules"


def compare_auto_manual(auto: pd.DataFrame, manual: pd.DataFrame, segments=None, coder=None,
                        codes=None, min_manual: int = 3) -> pd.DataFrame:
    """How well auto-coding reproduces the manual codings, per code.

    ``auto`` is ``autocode(...)`` (segment_id, code); ``manual`` the study's codings
    (segment, code, coder). The reference is the union of all coders' codings, or only
    ``coder``'s. Both are compared on the universe of :func:`comparison_universe` (auto-codes
    outside it are ignored: nobody coded those segments by hand).

    One row per code (``codes`` gives the rows and their order; by default every code seen):
    ``manual`` and ``auto`` (segments each applied it to), ``tp`` (both), ``fp`` (auto
    only), ``fn`` (manual only), ``precision`` = tp/(tp+fp), ``recall`` = tp/(tp+fn),
    ``f1`` = 2 tp/(2 tp+fp+fn) (NaN where the denominator is 0), and a ``verdict``:
    "trust" (f1 >= .8), "check" (>= .5), "revise rules", or "too few to tell" when the
    coders applied the code fewer than ``min_manual`` times.
    """
    if coder is not None:
        if "coder" not in manual or coder not in set(manual["coder"]):
            known = ", ".join(sorted(map(str, set(manual.get("coder", []))))) or "none"
            raise ValueError(f"coder {coder!r} has no codings (coders: {known})")
        manual = manual[manual["coder"] == coder]
    universe = set(comparison_universe(manual, segments))
    reference = {p for p in _pairs(manual) if p[0] in universe}
    # nothing coded by hand (the usual large study): no auto-code lies in the universe
    predicted = {p for p in _pairs(auto) if p[0] in universe} if universe else set()
    names = list(codes) if codes is not None else sorted({c for _, c in reference | predicted})
    rows = []
    for code in names:
        ref = {s for s, c in reference if c == code}
        got = {s for s, c in predicted if c == code}
        tp, fp, fn = len(ref & got), len(got - ref), len(ref - got)
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = _ratio(2 * tp, 2 * tp + fp + fn)
        rows.append({"code": code, "manual": len(ref), "auto": len(got), "tp": tp, "fp": fp, "fn": fn,
                     "precision": precision, "recall": recall, "f1": f1,
                     "verdict": _verdict(len(ref), precision, recall, f1, min_manual)})
    frame = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    return frame.astype({c: "int64" for c in ("manual", "auto", "tp", "fp", "fn")}
                        | {c: float for c in ("precision", "recall", "f1")})


def auto_manual_summary(table: pd.DataFrame) -> dict:
    """Micro-averaged precision, recall and F1 over every code of a
    :func:`compare_auto_manual` table, with the counts they come from."""
    tp, fp, fn = (int(table[c].sum()) for c in ("tp", "fp", "fn"))
    return {"tp": tp, "fp": fp, "fn": fn, "precision": _ratio(tp, tp + fp),
            "recall": _ratio(tp, tp + fn), "f1": _ratio(2 * tp, 2 * tp + fp + fn)}


def auto_manual_cases(auto: pd.DataFrame, manual: pd.DataFrame, segments: pd.DataFrame,
                      coder=None) -> pd.DataFrame:
    """The disagreements behind :func:`compare_auto_manual`, to read before trusting a rule:
    one row per (segment, code) that only one side applied, with ``found_by`` ("auto" for a
    false positive, "manual" for a false negative), the auto-coder's ``evidence`` and the
    segment's ``text``."""
    if coder is not None:
        manual = manual[manual["coder"] == coder]
    universe = set(comparison_universe(manual, segments))
    reference = {p for p in _pairs(manual) if p[0] in universe}
    predicted = {p for p in _pairs(auto) if p[0] in universe}
    evidence = {(s, c): e for s, c, e in zip(auto["segment_id"], auto["code"], auto["evidence"])} \
        if "evidence" in auto else {}
    text = dict(zip(segments["segment_id"], segments["text"]))
    order = {s: i for i, s in enumerate(segments["segment_id"])}
    rows = [{"segment": s, "code": c, "found_by": "auto" if (s, c) in predicted else "manual",
             "evidence": evidence.get((s, c), ""), "text": text.get(s, "")}
            for s, c in (reference ^ predicted)]
    rows.sort(key=lambda r: (order.get(r["segment"], len(order)), r["segment"], r["code"]))
    return pd.DataFrame(rows, columns=["segment", "code", "found_by", "evidence", "text"])


def shared_universe(manual: pd.DataFrame, segments: pd.DataFrame, coders=None) -> list[str]:
    """The segments every one of ``coders`` (default: all coders in ``manual``) coded, by
    :func:`comparison_universe` applied to each coder: compare coders on it
    (``kit.agreement``'s ``segments=``) so that a segment one coder coded and the other
    read and left uncoded counts as a disagreement instead of dropping out."""
    coders = list(dict.fromkeys(manual["coder"])) if coders is None else list(coders)
    if not coders:
        return []
    shared = None
    for coder in coders:
        mine = comparison_universe(manual[manual["coder"] == coder], segments)
        mine_set = set(mine)  # once per coder, not once per segment (quadratic on a long transcript)
        shared = mine if shared is None else [s for s in shared if s in mine_set]
    return shared


def _plain(value):
    """A JSON-safe value: NaN becomes None, numpy numbers become Python numbers."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def agreement_report(manual: pd.DataFrame, segments: pd.DataFrame, coders=None) -> dict:
    """Inter-coder agreement of the study's manual codings, ready for a notebook.

    Two coders (``coders``, default the first two in the codings) are compared on
    :func:`shared_universe`: every segment of the kinds both coded in the interviews both
    coded, so a segment only one of them coded is a disagreement. Returns a dict with
    ``coders``, ``segments`` (the universe), ``overall`` (``kit.agreement.overall_agreement``),
    ``per_code`` (``code_agreement``), ``disagreements`` (the reconciliation table) and
    ``summary`` (the overall figures, JSON-safe, with the range of the per-code kappas).
    With fewer than two coders the tables are empty and ``summary["reason"]`` says why.
    """
    from kit import agreement

    from kit.coder_ids import coder_key

    if len(manual):  # one coder however spelt (`alice`, `ALICE `: attacker s16 A3), as the loader reads them
        manual = agreement.fold_coders(manual)
    known = list(dict.fromkeys(manual["coder"])) if len(manual) else []
    spelt = {coder_key(c): c for c in reversed(known) if isinstance(c, str)}
    chosen = list(dict.fromkeys(spelt.get(coder_key(c), c) if isinstance(c, str) else c for c in coders)) \
        if coders is not None else known[:2]
    if len(chosen) < 2:
        reason = (f"agreement needs two coders; the codings have {len(known)} "
                  f"({', '.join(map(str, known)) or 'none'})")
        return {"coders": chosen, "segments": [], "overall": None,
                "per_code": pd.DataFrame(columns=agreement.CODE_AGREEMENT_COLUMNS),
                "disagreements": pd.DataFrame(columns=agreement.DISAGREEMENT_COLUMNS),
                "summary": {"coders": chosen, "reason": reason}}
    a, b = chosen[:2]
    universe = shared_universe(manual, segments, [a, b])
    pair = manual[manual["coder"].isin([a, b])]
    overall = agreement.overall_agreement(pair, segments=universe)
    per_code = agreement.code_agreement(pair, a, b, segments=universe)
    kappas = per_code.loc[per_code["uses"] >= agreement.MIN_USES, "kappa"].dropna()
    summary = {"coders": [a, b], "n_segments": len(universe), "n_units": overall["n_units"],
               "n_codes": overall["n_codes"], "alpha": overall["alpha"], "band": overall["band"],
               "percent_agreement": overall["percent_agreement"],
               "chance_agreement": overall["chance_agreement"],
               "positive_agreement": overall["positive_agreement"],
               "agreement_when_applied": overall["agreement_when_applied"],
               "mean_kappa": overall["mean_kappa"], "kappa_band": overall["kappa_band"],
               "n_codes_too_few": overall["n_codes_too_few"], "min_uses": agreement.MIN_USES,
               "kappa_min": float(kappas.min()) if len(kappas) else None,
               "kappa_max": float(kappas.max()) if len(kappas) else None}
    return {"coders": [a, b], "segments": universe, "overall": overall, "per_code": per_code,
            "disagreements": agreement.disagreements(pair, a, b, segments=universe),
            "summary": _plain(summary)}


def _formatted(value, spec: str) -> str:
    return "undefined" if value is None else format(value, spec)


def agreement_lines(summary: dict) -> str:
    """The overall agreement figures of :func:`agreement_report`'s summary, in words."""
    if "reason" in summary:
        return summary["reason"]
    num = _formatted
    return "\n".join([
        f"{' and '.join(map(str, summary['coders']))} on {summary['n_segments']} segments and "
        f"{summary['n_codes']} codes:",
        f"  Krippendorff's alpha {num(summary['alpha'], '.3f')} ({summary['band']})",
        f"  percent agreement {num(summary['percent_agreement'], '.1%')} (by chance alone: "
        f"{num(summary.get('chance_agreement'), '.1%')}; most cells are codes neither coder applied)",
        f"  positive agreement {num(summary.get('positive_agreement'), '.1%')}; where at least one coder "
        f"applied a code, both did {num(summary.get('agreement_when_applied'), '.1%')} of the time",
        f"  Cohen's kappa per code from {num(summary['kappa_min'], '.2f')} to {num(summary['kappa_max'], '.2f')}, "
        f"mean {num(summary['mean_kappa'], '.2f')} ({summary['kappa_band']}); "
        f"{summary.get('n_codes_too_few', 0)} code(s) used fewer than {summary.get('min_uses', 3)} times "
        f"are too few to tell and left out of the mean"])
