"""The codebook: codes with hierarchy, definitions, guidance, keywords and patterns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kit import languages
from kit.csvio import read_text
from kit.errors import Problem
from kit.yamlio import load_yaml
from kit.yamllines import line_of, string_list_problems, value_lines

__all__ = ["unmatched_keywords", "distinct_shown", "CODE_KEYS", "PATTERN_TIMEOUT", "Code", "Codebook", "backtracking_risk",
           "compile_pattern", "fold_for_literals",
           "load_codebook", "misspelt_keys", "required_literals", "search_pattern"]

PATTERN_TIMEOUT = 0.5
"""Seconds one codebook pattern may spend on one text before it is given up as no match."""


def compile_pattern(pattern: str):
    """A codebook pattern compiled for matching with a time limit.

    Patterns are matched by the ``regex`` package (Python's ``re`` syntax and Unicode
    ``\\b``/``\\w``, case-insensitive), whose ``search(text, timeout=...)`` stops a
    pattern that backtracks without end, such as ``(a+)+$`` on a long line. RE2 (google-re2)
    was measured as the engine without backtracking: it reads ``\\b`` and ``\\w`` as ASCII
    only, so ``\\bRené\\b`` never matches, and it refuses look-behind; hence ``regex``.
    Raises ``regex.error`` for an invalid pattern.
    """
    import regex

    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)


def search_pattern(compiled, text: str):
    """``compiled.search(text)`` within :data:`PATTERN_TIMEOUT` seconds; None on timeout."""
    try:
        return compiled.search(text, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        return None


# Characters outside ASCII that a case-insensitive match takes for an ASCII letter (the
# Kelvin sign for k, the long s for s, the Turkish dotted and dotless i for i).
_ASCII_FOLDS = str.maketrans({"\u212a": "k", "\u017f": "s", "\u0130": "i", "\u0131": "i"})


def fold_for_literals(text: str) -> str:
    """``text`` lower-cased for :func:`required_literals`: every character a
    case-insensitive pattern could match with an ASCII letter becomes that letter; the
    length and the other characters stay as they are."""
    if not text.isascii():
        text = text.translate(_ASCII_FOLDS)
    return text.lower()


_NOT_A_COUNT = re.compile(r"\{(?!\d*,?\d*\})")


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains (ASCII, lower case), or
    None when no such strings can be told from the pattern.

    A prefilter (issue 20): a text whose :func:`fold_for_literals` holds none of them cannot
    match, whatever the case, so it is not searched. Worked out conservatively from the
    pattern's parse by Python's ``re``: a run of literal ASCII characters that every match
    passes through (not inside an optional part, a look-around or a repeat that may be
    absent), or one such run from each alternative of a branch; the longest is taken."""
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore[no-redef]
    if _NOT_A_COUNT.search(pattern):  # a fuzzy match such as (?:late){e<=1} needs no literal
        return None
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # regex-only syntax: no prefilter
        return None
    found = _required(list(parsed), sre_parse)
    if not found or any(not s for s in found):
        return None
    return tuple(sorted(set(found)))


def _required(items, sre) -> list[str] | None:
    c = sre._constants if hasattr(sre, "_constants") else sre
    candidates: list[list[str]] = []
    run: list[str] = []

    def flush():
        if run:
            candidates.append(["".join(run)])
            run.clear()

    for op, av in items:
        if op is c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        flush()
        got = None
        if op is c.SUBPATTERN:
            got = _required(list(av[-1]), sre)
        elif op is c.BRANCH:
            alternatives = [_required(list(alt), sre) for alt in av[1]]
            if alternatives and all(alternatives):
                got = [s for alt in alternatives for s in alt]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
            if av[0] >= 1:
                got = _required(list(av[2]), sre)
        elif op is getattr(c, "ATOMIC_GROUP", None):
            got = _required(list(av), sre)
        if got:
            candidates.append(got)
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda alts: (min(len(s) for s in alts), -len(alts)))


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` may take exponential time on some text, or None.

    Flags a repeated group holding another unbounded repeat (``(a+)+``, ``(\\w*\\s?)*``),
    the classic shape of catastrophic backtracking (Davis et al., "The impact of regular
    expression denial of service (ReDoS) in practice", ESEC/FSE 2018).
    """
    try:
        from re import _parser as parser, _constants as const
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_parse as parser
        import sre_constants as const
    try:
        tree = parser.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    repeats = (const.MAX_REPEAT, const.MIN_REPEAT)  # possessive repeats never backtrack

    def walk(items, inside_unbounded):
        for op, av in items:
            if op in repeats:
                low, high, sub = av
                unbounded = high == const.MAXREPEAT or high > 100
                if unbounded and inside_unbounded:
                    return "a repeated group contains another repeat, e.g. (a+)+"
                found = walk(sub, inside_unbounded or unbounded)
                if found:
                    return found
            elif op == getattr(const, "POSSESSIVE_REPEAT", None):
                found = walk(av[2], False)
                if found:
                    return found
            elif op == getattr(const, "ATOMIC_GROUP", None):  # (?>...) never backtracks either
                found = walk(av, False)
                if found:
                    return found
            elif op == const.SUBPATTERN:
                found = walk(av[-1], inside_unbounded)
                if found:
                    return found
            elif op == const.BRANCH:
                for branch in av[1]:
                    found = walk(branch, inside_unbounded)
                    if found:
                        return found
            elif op in (const.ASSERT, const.ASSERT_NOT):
                found = walk(av[1], inside_unbounded)
                if found:
                    return found
        return None

    try:
        return walk(tree, False)
    except RecursionError:
        return "groups nested too deeply to check"

CODE_KEYS = ("name", "definition", "parent", "include", "exclude", "examples", "keywords",
             "patterns", "colour", "color", "stage")


def misspelt_keys(mapping: dict, known, where: str) -> list[tuple[str, str, str]]:
    """``(key, meant, message)`` for each key of ``mapping`` that is not in ``known`` but
    close to a known key (difflib ratio >= 0.8: ``keyword``, ``defintion``), whose value
    the kit would otherwise never read."""
    import difflib

    found = []
    for key in mapping:
        if not isinstance(key, str) or key in known:
            continue
        close = difflib.get_close_matches(key.lower(), list(known), n=1, cutoff=0.8)
        if close:
            found.append((key, close[0], f"{where}: unknown key {key!r}, read as nothing: "
                                         f"did you mean {close[0]!r}?"))
    return found


_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
_NAME = re.compile(r"^[\w][\w .&/+-]*$")


@dataclass
class Code:
    name: str
    definition: str = ""
    parent: str | None = None
    include: str = ""
    exclude: str = ""
    examples: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    keywords_by_language: dict[str, list[str]] = field(default_factory=dict)  # kit.languages
    patterns: list[str] = field(default_factory=list)
    colour: str | None = None
    stage: str | None = None
    line: int = 0
    keyword_lines: list[int] = field(default_factory=list)  # the line of each of ``keywords``


@dataclass
class Codebook:
    codes: list[Code]
    path: str = ""

    def __iter__(self):
        return iter(self.codes)

    def __len__(self):
        return len(self.codes)

    def __contains__(self, name):
        return name in self.names

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.codes]

    def get(self, name: str) -> Code | None:
        return next((c for c in self.codes if c.name == name), None)

    def children(self, name: str | None) -> list[Code]:
        return [c for c in self.codes if c.parent == name]

    def frame(self):
        import pandas as pd

        return pd.DataFrame(
            [{"code": c.name, "parent": c.parent, "definition": c.definition,
              "keywords": ", ".join(c.keywords), "patterns": len(c.patterns),
              "stage": c.stage, "colour": c.colour} for c in self.codes],
            columns=["code", "parent", "definition", "keywords", "patterns", "stage", "colour"])


def distinct_shown(names, clean) -> dict[str, str]:
    """Code names as a redacted output shows them where two or more would read the same once
    ``clean`` (the output's redaction) is done (attacker A3, session 14: codes ``beata-kowalski``
    and ``Okafor`` were two identical ``[name]`` rows): ``{name folded: "[name] (code 1)"}``, each
    numbered by its place in ``names`` (the codebook's order, so the same in every table,
    figure and run) among those that read alike. Names that read apart are not in it."""
    groups: dict[str, list[str]] = {}
    for name in dict.fromkeys(n for n in names if isinstance(n, str) and n):
        groups.setdefault(clean(name), []).append(name)
    return {name.casefold(): f"{shown} (code {k})" for shown, group in groups.items() if len(group) > 1
            for k, name in enumerate(group, 1)}


def _function_word_keywords(code, by_language, path, lines, keys) -> list[Problem]:
    """A warning at each keyword that is an everyday function word (no, yes, on, in, it, so,
    okay, ...; the kit's stopword list, :data:`kit.themes.STOPWORDS`): as a keyword it marks
    nearly every passage ("hung up on me", "on hold", "no idea")."""
    from kit.themes import STOPWORDS

    found = []
    for j, keyword in enumerate(code.keywords):
        word = str(keyword).strip().lower()
        if word in STOPWORDS:
            where = ("keywords", "en", j) if by_language else ("keywords", j)
            found.append(Problem(path, line_of(lines, *keys, *where),
                                 f"code {code.name!r}: keyword {word!r} is an everyday word that matches far "
                                 f"more than intended (any passage with {word!r} in it): use a phrase of two or "
                                 "more words instead, a pattern, or remove it", "warning"))
    return found


def _str_list(value, where, path, lines, problems, keys):
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        problems.extend(Problem(path, line, message)
                        for line, message in string_list_problems(value, lines, *keys, where=where, numbers=True))
        return []
    for j, v in enumerate(value):
        if isinstance(v, bool):  # YAML 1.2 reads only true/false so; every other word is text
            problems.append(Problem(path, line_of(lines, *keys, j), f"{where}: {str(v).lower()} "
                                    f"is read as yes/no, not a word: put it in quotes "
                                    f"('{str(v).lower()}')", "warning"))
    # Numbers keep their spelling (012, 2026.10): see kit.yamlio.Spelled.
    return [str(v).lower() if isinstance(v, bool) else str(v) for v in value]


_PARSED: dict = {}
"""(codebook text, stages) -> (codes, problems, the path they name): the codebooks parsed so
far in this process (at most :data:`_PARSED_MAX`)."""
_PARSED_MAX = 32


def load_codebook(path, stages=None) -> tuple[Codebook, list[Problem]]:
    """Read and validate codebook.yml. Never raises for content problems.

    The file is read every time; a text parsed before in this process (the same codebook
    copied into every sprint of a repository, or one study loaded again) is not parsed again:
    its codes (copies) and problems (naming this ``path``) come from :data:`_PARSED`."""
    path = Path(path)
    spath = str(path)
    text, problems = read_text(path)
    if text is None:
        return Codebook([], spath), problems
    key = (text, tuple(stages) if isinstance(stages, (list, tuple)) else stages)
    try:
        hash(key)
    except TypeError:
        key = None  # odd stages: parse, do not remember
    known = _PARSED.get(key) if key is not None else None
    if known is None:
        codebook, found = _parse_codebook(text, spath, stages)
        if key is None or _PARSED_MAX <= 0:
            return codebook, problems + found
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[key] = known = (codebook.codes, found, spath)
    import copy

    codes, found, where = known
    found = [p if p.path != where else Problem(spath, p.line, p.message, p.level) for p in found]
    return Codebook(copy.deepcopy(codes), spath), problems + found


def _parse_codebook(text: str, spath: str, stages) -> tuple[Codebook, list[Problem]]:
    """:func:`load_codebook` of a codebook's text, its problems naming ``spath``."""
    problems: list[Problem] = []
    data, syntax = load_yaml(text, spath)
    problems = problems + syntax
    if syntax and (data is None or not all("is given twice" in p.message for p in syntax)):
        # (a key given twice is reported, the codes still read.) A syntax error: no code is
        # applied, but the rest of the file is read around it so its other problems show too.
        from kit.yamlio import load_yaml_around_errors

        rest, found, kept, set_aside = load_yaml_around_errors(text, spath)
        if rest is not None and set_aside:
            _, more = _parse_codebook(kept, spath, stages)
            problems = list(dict.fromkeys(problems + found + more))
        return Codebook([], spath), problems
    lines = value_lines(text)
    if data is None:
        return Codebook([], spath), problems + [Problem(spath, 1, "empty codebook: add a `codes:` list", "warning")]
    raw = data.get("codes") if isinstance(data, dict) else data
    if not isinstance(raw, list):
        return Codebook([], spath), [Problem(spath, 1, "codebook.yml needs a `codes:` list of codes")]
    codes: list[Code] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(raw):
        at = line_of(lines, "codes", i) if isinstance(data, dict) else line_of(lines, i)
        keys = ("codes", i) if isinstance(data, dict) else (i,)
        if not isinstance(entry, dict):
            problems.append(Problem(spath, at, "each code must be a mapping with at least `name` and `definition`"))
            continue
        for key, _meant, message in misspelt_keys(entry, CODE_KEYS, "code"):
            problems.append(Problem(spath, line_of(lines, *keys, key), message))
        name = entry.get("name")
        if isinstance(name, (int, float)) and not isinstance(name, bool):
            name = str(name)  # as spelled
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem(spath, at, "code without a `name`"))
            continue
        name = name.strip()
        if name in seen:
            problems.append(Problem(spath, at, f"duplicate code {name!r} (first defined on line {seen[name]})"))
            continue
        folded = next((other for other in seen if other.casefold() == name.casefold()), None)
        if folded is not None:  # both kept; REFI-QDA tools and spreadsheets may merge them
            problems.append(Problem(spath, at, f"code {name!r} differs from {folded!r} (line {seen[folded]}) only in "
                                               "capitals: both are kept as separate codes, which readers and other "
                                               "tools take for one; use one spelling", "warning"))
        seen[name] = at
        if not _NAME.match(name):
            problems.append(Problem(spath, at, f"code name {name!r} has characters that other tools cannot keep; use letters, digits, spaces, - and _"))
        definition = entry.get("definition")
        by_language = (languages.keywords_by_language(entry["keywords"], name, spath, line_of(lines, *keys, "keywords"),
                                                      problems) if isinstance(entry.get("keywords"), dict) else {})
        if not definition or not str(definition).strip():
            problems.append(Problem(spath, at, f"code {name!r} has no definition: say what the code means", "warning"))
        code = Code(
            name=name,
            definition=str(definition or "").strip(),
            parent=(str(entry["parent"]).strip() if entry.get("parent") else None),
            include=str(entry.get("include") or "").strip(),
            exclude=str(entry.get("exclude") or "").strip(),
            examples=_str_list(entry.get("examples"), f"{name}: examples", spath, lines, problems, keys + ("examples",)),
            keywords=_str_list(by_language.get("en") if by_language else entry.get("keywords"), f"{name}: keywords",
                               spath, lines, problems, keys + ("keywords",)),
            keywords_by_language=by_language,
            patterns=_str_list(entry.get("patterns"), f"{name}: patterns", spath, lines, problems, keys + ("patterns",)),
            colour=(str(entry.get("colour") or entry.get("color") or "").strip() or None),
            stage=(str(entry["stage"]).strip() if entry.get("stage") else None),
            line=at,
        )
        code.keyword_lines = [line_of(lines, *keys, *(("keywords", "en", j) if by_language else ("keywords", j)))
                              for j in range(len(code.keywords))]
        problems.extend(_function_word_keywords(code, by_language, spath, lines, keys))
        for j, pattern in enumerate(code.patterns):
            try:
                compile_pattern(pattern)
            except Exception as exc:  # regex.error, and OverflowError/RecursionError on odd input
                problems.append(Problem(spath, line_of(lines, *keys, "patterns", j),
                                        f"code {name!r}: invalid regular expression {pattern!r}: {exc}"))
                continue
            risk = backtracking_risk(pattern)
            if risk:
                problems.append(Problem(spath, line_of(lines, *keys, "patterns", j),
                                        f"code {name!r}: pattern {pattern!r} can take exponential "
                                        f"time on some text ({risk}): rewrite it without the "
                                        "nested repeat (e.g. a+ instead of (a+)+)"))
        if code.colour and not _HEX.match(code.colour):
            problems.append(Problem(spath, line_of(lines, *keys, "colour"),
                                    f"code {name!r}: colour {code.colour!r} is not a hex colour like #1f77b4"))
        if code.stage and stages and code.stage not in stages:
            problems.append(Problem(spath, line_of(lines, *keys, "stage"),
                                    f"code {name!r}: stage {code.stage!r} is not one of the study's stages ({', '.join(stages)})"))
        codes.append(code)
    names = {c.name for c in codes}
    for code in codes:
        if code.parent and code.parent not in names:
            problems.append(Problem(spath, code.line, f"code {code.name!r}: parent {code.parent!r} is not a code in this codebook"))
    parents = {c.name: c.parent for c in codes}
    for code in codes:
        seen_chain, node = set(), code.name
        while node in parents and parents[node]:
            if node in seen_chain:
                problems.append(Problem(spath, code.line, f"code {code.name!r}: its parents form a cycle"))
                break
            seen_chain.add(node)
            node = parents[node]
    return Codebook(codes, spath), problems


_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")  # the autocoder's words (kit.coding)


def _swapped(word: str, said) -> list[str]:
    """The words of ``said`` that are ``word`` with two neighbouring letters swapped (``lokc``
    for "lock", ``dcoks`` for "docks"): the commonest typo, which difflib's ratio misses in a
    short word (``lokc``/``lock`` is 0.75). Not a stop word (``form`` for "from")."""
    from kit.themes import STOPWORDS

    out = []
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            other = word[:i] + word[i + 1] + word[i] + word[i + 2:]
            if other in said and other not in STOPWORDS and other not in out:
                out.append(other)
    return out


def unmatched_keywords(codebook: Codebook, texts) -> list[Problem]:
    """A warning at each keyword that matches no passage of ``texts`` (the study's segments)
    while a word of the study is spelt nearly the same (a word of 5 letters or more, difflib
    ratio >= 0.85; any word of 3 letters or more with two neighbouring letters swapped,
    :func:`_swapped`: ``lokc``): a
    typo (``voicemial``, ``remindr``) codes nothing and says nothing. A keyword no one said
    and nothing resembles is left alone (a codebook is written before the interviews: the
    pilot's ``overdraft`` is a fair keyword that its 6 interviews never use). Matched as the
    autocoder matches (:func:`kit.coding.stems`, a phrase as consecutive stems). Nothing is
    reported when there are no passages at all."""
    import difflib

    from kit.coding import stems

    texts = [str(t) for t in texts]
    stemmed = [" " + " ".join(stems(t)) + " " for t in texts]
    known = {w for s in stemmed for w in s.split()}
    if not known:
        return []
    vocabulary = sorted({w for t in texts for w in _WORD.findall(t.lower())})
    said = frozenset(vocabulary)
    joined = "\n".join(stemmed)
    problems = []
    for code in codebook:
        for j, keyword in enumerate(code.keywords):
            key = stems(str(keyword))
            if not key or (key[0] in known if len(key) == 1 else " " + " ".join(key) + " " in joined):
                continue
            close = [w for word in _WORD.findall(str(keyword).lower()) if len(word) >= 3 and stems(word)
                     and stems(word)[0] not in known
                     for w in (_swapped(word, said) or
                               (difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.85) if len(word) >= 5
                                else []))[:1]]
            if not close:
                continue
            line = code.keyword_lines[j] if j < len(code.keyword_lines) else code.line
            problems.append(Problem(codebook.path, line, f"keyword {str(keyword)!r} of code {code.name!r} matches "
                                    f"no passage in this study (did you mean {close[0]!r}?): check its spelling",
                                    "warning"))
    return problems
