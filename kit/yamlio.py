"""Loading a user's YAML (study.yml, codebook.yml, note front matter) without tracebacks.

Syntax errors become a :class:`~kit.errors.Problem` on the line where YAML noticed them,
and :func:`key_lines` says where each top-level key is written, so "missing" or "invalid"
messages can point at a line too.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

from kit.csvio import read_text
from kit.errors import Problem

__all__ = ["MAX_DEPTH", "YAML_ONLY_BREAKS", "Spelled", "SpelledInt", "SpelledFloat", "bounds_problems", "file_lines",
           "load_front_matter", "load_yaml", "load_yaml_around_errors", "key_lines", "salvage_set_aside",
           "duplicate_keys", "raw_scalars"]


MAX_DEPTH = 50
"""Deepest nesting of mappings and lists accepted in a study's YAML (the kit's own files
use 4); deeper text is reported instead of exhausting Python's recursion limit."""


class Spelled:
    """A number whose text form is its spelling in the file: ``str(x)`` and ``f"{x}"`` give
    ``"2026.10"`` or ``"012"`` where YAML reads 2026.1 or 12, so a sprint label, keyword or
    quota key keeps what the researcher wrote, while arithmetic still sees the number."""

    raw: str

    def __str__(self):
        return self.raw

    def __format__(self, spec):
        return self.raw if not spec else super().__format__(spec)

    def __reduce__(self):
        return (type(self), (self.raw,))


class SpelledInt(Spelled, int):
    def __new__(cls, raw: str):
        obj = int.__new__(cls, _int_value(raw))
        obj.raw = raw
        return obj


class SpelledFloat(Spelled, float):
    def __new__(cls, raw: str):
        obj = float.__new__(cls, _float_value(raw))
        obj.raw = raw
        return obj


def _represent_spelled(dumper, value):
    tag = "tag:yaml.org,2002:int" if isinstance(value, int) else "tag:yaml.org,2002:float"
    return dumper.represent_scalar(tag, value.raw)


for _dumper in (yaml.SafeDumper, yaml.Dumper):  # yaml.safe_dump of a loaded file keeps the spelling
    for _cls in (SpelledInt, SpelledFloat):
        yaml.add_representer(_cls, _represent_spelled, Dumper=_dumper)


def _int_value(raw: str) -> int:
    text = raw.replace("_", "")
    if text[:2] in ("0o", "0O"):
        return int(text[2:], 8)
    if text[:2] in ("0x", "0X"):
        return int(text[2:], 16)
    return int(text, 10)


def _float_value(raw: str) -> float:
    text = raw.lower()
    if text.lstrip("+-") == ".inf":
        return float("-inf") if text[0] == "-" else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


class _Resolver12(yaml.resolver.BaseResolver):
    """The YAML 1.2 core schema (YAML 1.2.2 spec, section 10.3.2), plus dates.

    Unlike PyYAML's YAML 1.1 rules, ``yes``, ``no``, ``on``, ``off``, ``y`` and ``n`` stay
    text, ``12:30`` is not a number of minutes, and ``012`` is not octal. ISO dates
    (``2026-03-02``) still become dates, as the kit's dates are written that way.
    """


for _tag, _regexp, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+.0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp",
     r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
     r"(?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
     r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?)$", "0123456789"),
):
    _Resolver12.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))


def _timestamp(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def _int(loader, node):
    raw = loader.construct_scalar(node)
    try:
        value = _int_value(raw)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        raise yaml.constructor.ConstructorError(
            None, None, f"a number of {len(raw):,} digits: far too large for any "
            "setting; write the number you mean", node.start_mark) from None
    return value if str(value) == raw else SpelledInt(raw)


def _float(loader, node):
    raw = loader.construct_scalar(node)
    value = _float_value(raw)
    return value if repr(value) == raw else SpelledFloat(raw)


class _Constructor(yaml.constructor.SafeConstructor):
    """SafeConstructor with YAML 1.2 numbers that keep their spelling, and impossible dates
    (``2026-13-45``) kept as strings so the caller can say which key holds a bad date.
    Tags such as ``!!python/object`` stay refused, as in SafeConstructor."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Constructor.add_constructor("tag:yaml.org,2002:int", _int)
_Constructor.add_constructor("tag:yaml.org,2002:float", _float)
_SCALAR_BUILDER = _Constructor()  # builds single scalars (its constructors keep no state for them)

# libyaml's parser when PyYAML was built with it (much faster on thousands of notes).
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# (CParser is not among the names yaml exports: it lives in yaml.cyaml.)
_PARSER = getattr(yaml, "CParser", None) or getattr(getattr(yaml, "cyaml", None), "CParser", None)


if _PARSER is not None:
    class _FastLoader(_PARSER, _Constructor, _Resolver12):
        def __init__(self, stream):
            _PARSER.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver12.__init__(self)


class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
              yaml.composer.Composer, _Constructor, _Resolver12):
    """The pure-Python parser, for its clearer error messages once libyaml has failed."""

    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver12.__init__(self)


if _PARSER is None:  # pragma: no cover - PyYAML without libyaml: the pure-Python parser for both
    _FastLoader = _Loader


YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")
"""Characters YAML reads as line breaks (YAML 1.1 section 5.4, which PyYAML and libyaml
follow: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR) that an editor shows inside a line."""
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def file_lines(text: str, line_offset: int = 0):
    """A function from a YAML mark's 0-based line in ``text`` to the 1-based line of the file,
    as an editor counts lines (``\\n``, ``\\r\\n``, ``\\r``), plus ``line_offset``: YAML also
    breaks lines at :data:`YAML_ONLY_BREAKS`, so its line numbers run ahead of the file's
    after one of them."""
    if not any(c in text for c in YAML_ONLY_BREAKS):
        return lambda line: line + 1 + line_offset
    table, current = [1 + line_offset], 1 + line_offset
    for match in _YAML_BREAK.finditer(text):
        if match.group() not in YAML_ONLY_BREAKS:
            current += 1
        table.append(current)
    return lambda line: table[min(line, len(table) - 1)] + max(0, line - len(table) + 1)


def bounds_problems(text: str, source: str = "<string>", *, line_offset: int = 0) -> list[Problem]:
    """Problems that make YAML text unsafe to build: aliases and nesting deeper than
    :data:`MAX_DEPTH`. Aliases are refused outright: a study file never needs them, and a
    few bytes of them (``x: &a [*a]``, the "billion laughs") make a structure without end.
    Read from the parser's events, which need no recursion and build nothing. Syntax
    errors are left to :func:`load_yaml`."""
    if "*" not in text and sum(map(text.count, "-:?[{")) < MAX_DEPTH:
        return []  # no alias, and each collection opens with one of these: too few to nest deeper
    for loader in dict.fromkeys((_BASE, yaml.SafeLoader)):  # libyaml, then pure Python
        depth = 0
        try:
            for event in yaml.parse(text, Loader=loader):
                if isinstance(event, yaml.AliasEvent):
                    line = file_lines(text, line_offset)(event.start_mark.line)
                    return [Problem(source, line, f"YAML alias *{event.anchor} is not allowed in "
                                    "study files: write the value out in full")]
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        line = file_lines(text, line_offset)(event.start_mark.line)
                        return [Problem(source, line, f"YAML nested more than {MAX_DEPTH} levels "
                                        "deep: a study file never needs this")]
                elif isinstance(event, yaml.CollectionEndEvent):
                    depth -= 1
        except (yaml.YAMLError, RecursionError):
            continue  # libyaml stops at its own limits; the pure-Python parser goes on
        return []
    return []


def _compose(text: str):
    """The node tree of safe YAML text; None when it cannot be parsed or is unsafe."""
    if bounds_problems(text):
        return None
    try:
        return yaml.compose(text, Loader=_BASE)
    except (yaml.YAMLError, RecursionError):
        return None


_HINTS = (
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "put quotes around a value that contains ': '"),
    ("found undefined alias", "a value starting with '*' needs quotes"),
    ("expected <block end>, but found '<scalar>'", "check the indentation of this line "
     "and the one before it, or put quotes around a value that starts with a quote"),
)


def load_yaml(path_or_text, source: str | None = None, *, line_offset: int = 0):
    """Parse YAML; return ``(data, problems)`` and never raise for the file's content.

    ``path_or_text`` is a :class:`pathlib.Path` (or other ``os.PathLike``) to read, or a
    ``str`` holding the YAML text itself (a ``str`` is never taken as a file name).
    ``source`` names the file in problems (default: the path, or ``"<string>"``).
    ``line_offset`` is added to every line: the number of lines before the YAML text when it
    was cut out of a larger file, as with a note's front matter.

    ``data`` is None for an empty document and for a file that cannot be read or parsed.
    A key given twice in one mapping is an error at its second line (:func:`duplicate_keys`);
    ``data`` then holds the second value, as YAML reads it.
    Dates written ``YYYY-MM-DD`` come back as ``datetime.date``; an impossible date such as
    ``2026-13-45`` comes back as the string, for the caller to report.
    """
    if isinstance(path_or_text, os.PathLike):
        path = Path(path_or_text)
        source = source if source is not None else str(path)
        text, read_problems = read_text(path)
        read_problems = [Problem(source, p.line, p.message, p.level) for p in read_problems]
        if text is None:
            return None, read_problems
        data, problems = load_yaml(text, source, line_offset=line_offset)
        return data, read_problems + problems
    else:
        source = source if source is not None else "<string>"
        text = str(path_or_text)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    unsafe = bounds_problems(text, source, line_offset=line_offset)
    if unsafe:
        return None, unsafe
    try:
        return _load_checked(text, source, line_offset)
    except (yaml.YAMLError, RecursionError):
        pass  # parse again with the pure-Python parser, whose messages and marks are clearer
    try:
        return yaml.load(text, Loader=_Loader), []
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, source, file_lines(text, line_offset))]
    except yaml.reader.ReaderError as exc:  # a control character, located by offset
        line = text.count("\n", 0, max(exc.position, 0)) + 1 + line_offset
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return None, [Problem(source, line, f"invalid YAML: character {ord(char):#06x} is not "
                              "allowed in YAML: delete it or retype the line")]
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error is one of the above
        return None, [Problem(source, 1 + line_offset, f"invalid YAML: {exc}")]
    except RecursionError:  # pragma: no cover - bounds_problems stops deep nesting first
        return None, [Problem(source, 1 + line_offset, "YAML nested too deeply to be read")]


def _load_checked(text: str, source: str, line_offset: int):
    """``(data, problems)`` from one parse with libyaml: the node tree is checked for keys
    given twice in one mapping (:func:`_duplicate_keys`, an error) before it is built."""
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
        duplicates = _duplicate_keys(root, source, file_lines(text, line_offset))
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return data, duplicates


def _syntax_problem(exc: yaml.MarkedYAMLError, source: str, at) -> Problem:
    """The located error of a YAML syntax error; ``at`` maps a mark's line (:func:`file_lines`)."""
    mark = exc.problem_mark or exc.context_mark
    line = at(mark.line if mark is not None else 0)
    what = (exc.problem or exc.context or "cannot be read").strip()
    message = f"invalid YAML: {what}"
    if mark is not None:
        message += f" (column {mark.column + 1})"
    if exc.context and exc.context_mark is not None and exc.problem_mark is not None:
        context_line = at(exc.context_mark.line)
        if context_line != line:
            message += f", {exc.context} on line {context_line}"
    for needle, hint in _HINTS:
        if needle in str(exc):
            message += f": {hint}"
            break
    return Problem(source, line, message)


_TOP_KEY = re.compile(r"""^(?:"([^"]*)"|'([^']*)'|([^\s#'"?:\-[{][^:#]*?))\s*:(?:\s|$)""")


def key_lines(text: str, *, line_offset: int = 0) -> dict[str, int]:
    """Map each top-level key of a YAML mapping to the 1-based line where it is written.

    Works on broken YAML too (line by line), so a syntax error elsewhere does not lose the
    lines of the keys that are fine. A duplicated key maps to its last line, the one YAML
    keeps.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _key_lines(text, _compose(text), line_offset)


def _key_lines(text: str, root, line_offset: int) -> dict[str, int]:
    found: dict[str, int] = {}
    if isinstance(root, yaml.MappingNode):
        at = file_lines(text, line_offset)
        for key, _ in root.value:
            if isinstance(key, yaml.ScalarNode):
                found[key.value] = at(key.start_mark.line)
    else:
        for number, raw in enumerate(text.split("\n"), start=1 + line_offset):
            match = _TOP_KEY.match(raw)
            if match:
                found[next(g for g in match.groups() if g is not None).strip()] = number
    return found


def duplicate_keys(text: str, source: str, *, line_offset: int = 0) -> list[Problem]:
    """An error for each key written twice in one mapping, at its second line (YAML would
    silently keep the last): the one rule, applied by :func:`load_yaml` to study.yml,
    codebook.yml and guides, and by :func:`load_front_matter` to notes."""
    text = text.lstrip("\ufeff")
    return _duplicate_keys(_compose(text), source, file_lines(text, line_offset))


def _duplicate_keys(root, source: str, at) -> list[Problem]:
    """:func:`duplicate_keys` of a node tree; ``at`` maps a mark's line (:func:`file_lines`)."""
    problems: list[Problem] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    line = at(key.start_mark.line)
                    if key.value in seen:
                        problems.append(_twice(source, key.value, line, seen[key.value]))
                    seen[key.value] = line
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(problems, key=lambda p: p.line)


def _twice(source: str, key: str, line: int, first: int) -> Problem:
    return Problem(source, line, f"'{key}' is given twice (line {first}): "
                   "the first is ignored and this one used; keep one")


def raw_scalars(text: str) -> dict[str, str]:
    """Top-level keys whose value is a plain scalar, mapped to the characters as written
    (without quotes): ``id: 007`` gives ``"007"`` where YAML reads the number 7."""
    return _raw_scalars(_compose(text.lstrip("\ufeff")))


def _raw_scalars(root) -> dict[str, str]:
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {key.value: value.value for key, value in root.value
            if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)}


def _raw_flows(root, text: str) -> dict[str, str]:
    """Top-level keys whose value is a flow collection, mapped to its text as written
    (``date: [2026-01-12]`` gives ``"[2026-01-12]"``), so a message shows what the user wrote."""
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {key.value: text[value.start_mark.index:value.end_mark.index] for key, value in root.value
            if isinstance(key, yaml.ScalarNode) and not isinstance(value, yaml.ScalarNode) and value.flow_style
            and value.start_mark.index < value.end_mark.index <= len(text)}  # (marks count characters)


_STR, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map"


def _flat_mapping(loader, root):
    """``loader.construct_document(root)`` for the usual front matter, a mapping of plain
    keys to scalars (strings taken as they are, other scalars built by the loader); None
    for anything else (nested values, merge keys, tags), which goes the general way."""
    if not isinstance(root, yaml.MappingNode) or root.tag != _MAP:
        return None
    pairs = []
    for key, value in root.value:
        if not (isinstance(key, yaml.ScalarNode) and key.tag == _STR and isinstance(value, yaml.ScalarNode)):
            return None
        pairs.append((key.value, value))
    return {key: value.value if value.tag == _STR else loader.construct_object(value, deep=True)
            for key, value in pairs}


# The usual front matter, line by line: ``key: plain value`` (a trailing comment allowed),
# blank lines and comment lines. Everything else (quotes, flow or block collections, tags,
# anchors, ':' or '#' inside a value, tabs, continuation lines, characters YAML reads as line
# breaks) is left to libyaml. The printable characters of YAML 1.2 section 5.1, less the
# byte order mark and the characters YAML 1.1 reads as line breaks (U+0085, U+2028, U+2029).
_PRINTABLE = "\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff"
_FLAT_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,99}):(?: +([-+]?\.?\w[\w .,'()/+-]*))?"
                        rf"(?: +#[{_PRINTABLE}]*)? *")
_FLAT_SKIP = re.compile(rf" *(?:#[{_PRINTABLE}]*)?")
_SCALARS = _Resolver12()


@lru_cache(maxsize=2048)
def _plain_scalar(value: str):
    """The value YAML builds from a plain (unquoted) scalar: the tag the resolver gives it,
    then that tag's constructor (cached: dates, ids and names repeat across notes)."""
    tag = _SCALARS.resolve(yaml.ScalarNode, value, (True, False))
    if tag == _STR:
        return value
    return _Constructor.yaml_constructors[tag](_SCALAR_BUILDER, yaml.ScalarNode(tag, value))


#: First characters of a plain scalar some implicit resolver of :class:`_Resolver12` looks at;
#: a scalar starting with any other is text (``BaseResolver.resolve``: no resolver, no
#: wildcard and no path resolvers, so the default tag), with no look-up.
_RESOLVED_FIRST = frozenset(_Resolver12.yaml_implicit_resolvers)
assert None not in _RESOLVED_FIRST and not _Resolver12.yaml_path_resolvers


def _plain_value(value: str):
    """:func:`_plain_scalar`, a plain string at once when no resolver looks at its first
    character (ids, names: the values that make the cache miss)."""
    return value if value and value[0] not in _RESOLVED_FIRST else _plain_scalar(value)


def _flat_front_matter(text: str, source: str, line_offset: int):
    """:func:`load_front_matter` of normalised text that is only ``key: plain value`` lines
    (with comments and blank lines), read without libyaml; None for any other text, which
    goes the general way. tests/test_notes.py checks both ways agree on every note fixture
    and on generated variants."""
    pairs = []
    for number, line in enumerate(text.split("\n"), start=1 + line_offset):
        match = _FLAT_LINE.fullmatch(line)
        if match is None:
            if _FLAT_SKIP.fullmatch(line) is None:
                return None
            continue
        key, value = match.groups()
        pairs.append((key, (value or "").rstrip(" "), number))
    if not pairs:
        return None
    try:
        if any(type(_plain_value(key)) is not str for key, _, _ in pairs):
            return None  # a key YAML reads as true/false or null
        data = {key: _plain_value(value) for key, value, _ in pairs}
    except (yaml.YAMLError, ValueError, OverflowError):
        return None  # e.g. a number too long to convert: the general way reports it
    seen: dict[str, int] = {}
    duplicates = []
    for key, _, line in pairs:
        if key in seen:
            duplicates.append(_twice(source, key, line, seen[key]))
        seen[key] = line
    return data, [], duplicates, seen, {key: value for key, value, _ in pairs}


def load_front_matter(text: str, source: str = "<string>", *, line_offset: int = 0):
    """A note's front matter read once: ``(data, problems, duplicate-key warnings, key
    lines, raw scalars)``, the same as :func:`load_yaml`, :func:`duplicate_keys`,
    :func:`key_lines` and :func:`raw_scalars` one after the other (the raw scalars with each
    flow collection's text as written, for messages), from one parse of the
    text (the node tree is read before it is built into values). Front matter of plain
    ``key: value`` lines is read without libyaml (:func:`_flat_front_matter`); text that
    does not parse goes the long way, for the located messages of :func:`load_yaml`."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    flat = _flat_front_matter(text, source, line_offset)
    if flat is not None:
        return flat
    return _front_matter_parsed(text, source, line_offset)


def _front_matter_parsed(text: str, source: str, line_offset: int):
    """:func:`load_front_matter` of normalised text by libyaml's node tree (any YAML)."""
    unsafe = bounds_problems(text, source, line_offset=line_offset)
    if not unsafe:
        try:
            loader = _FastLoader(text)
            try:
                root = loader.get_single_node()
                lines = _key_lines(text, root, line_offset)
                duplicates = _duplicate_keys(root, source, file_lines(text, line_offset))
                raw = {**_raw_flows(root, text), **_raw_scalars(root)}
                data = _flat_mapping(loader, root)
                if data is None:
                    data = loader.construct_document(root) if root is not None else None
            finally:
                loader.dispose()
            return data, [], duplicates, lines, raw
        except (yaml.YAMLError, RecursionError):
            pass
    data, problems = load_yaml(text, source, line_offset=line_offset)
    return (data, problems, duplicate_keys(text, source, line_offset=line_offset),
            key_lines(text, line_offset=line_offset), raw_scalars(text))


_SIMPLE_PAIR = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def load_yaml_around_errors(text: str, source: str = "<string>", *, line_offset: int = 0, tries: int = 5):
    """:func:`load_yaml`, where a syntax error does not hide the rest of the file: the line each
    error points at (with the lines indented further under it, a tab as 8 columns) is set aside and the rest read again, up
    to ``tries`` times, so every syntax error and every problem of the rest can be reported.

    Returns ``(data, problems, kept_text, set_aside)``: ``problems`` holds every syntax error
    met (each at its line); ``kept_text`` is the text read, the set-aside lines blanked (line
    numbers kept); ``set_aside`` maps each set-aside line (0-based in ``text``) to its text.
    The ``key: value`` pairs of the set-aside lines are added to a mapping ``data`` as text
    (under the key above them when indented, e.g. a tab-indented ``Dana: participant`` under
    ``speakers:``), keys YAML did read winning. ``data`` is None, as from :func:`load_yaml`,
    when the rest does not read within ``tries``."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    data, problems = load_yaml(text, source, line_offset=line_offset)
    lines, set_aside, found = text.split("\n"), {}, list(problems)
    for _ in range(tries):
        syntax = [p for p in problems if p.is_error and "is given twice" not in p.message]
        if data is not None or not syntax:
            break
        index = syntax[0].line - line_offset - 1
        if not 0 <= index < len(lines) or index in set_aside:
            break
        end, depth = index + 1, _indent(lines[index])
        while end < len(lines) and lines[end].strip() and _indent(lines[end]) > depth:
            end += 1  # the lines under a set-aside key go with it
        for i in range(index, end):
            set_aside[i], lines[i] = lines[i], ""
        data, problems = load_yaml("\n".join(lines), source, line_offset=line_offset)
        found += [p for p in problems if p not in found]
    if data is None and set_aside and not any(p.is_error and "is given twice" not in p.message for p in problems):
        data = {}  # only the set-aside lines held anything
    if isinstance(data, dict):
        salvage_set_aside(data, set_aside, text.split("\n"))
    return data, found, "\n".join(lines), set_aside


def _indent(line: str) -> int:
    """The width of a line's indentation, a tab as 8 columns."""
    wide = line.expandtabs(8)
    return len(wide) - len(wide.lstrip())


def salvage_set_aside(data: dict, set_aside: dict, lines: list) -> dict:
    """Add the ``key: value`` pairs of the set-aside lines (0-based line -> text, of ``lines``)
    to ``data`` in place, as :func:`load_yaml_around_errors` does; return each top-level key
    added -> its 0-based line."""
    added = {}
    for i, text in sorted(set_aside.items()):
        match = _SIMPLE_PAIR.match(text.strip())
        if not match:
            continue
        key, value = match.group(1), re.sub(r"\s+#.*$", "", match.group(2)).strip().strip("'\"") or None
        parent = _parent_key(lines, i) if text[:1].isspace() else None
        if parent is not None and (data.get(parent) is None or isinstance(data[parent], dict)):
            data[parent] = {**(data.get(parent) or {}), key: value}  # under the open key above it
        elif key not in data:  # a stray indent before a top-level key (under a list, or no open key)
            data[key], added[key] = value, i
    return added


def _parent_key(lines, index) -> str | None:
    """The key of the nearest unindented ``key:`` line above ``lines[index]`` with no value."""
    for text in reversed(lines[:index]):
        if text.strip() and not text[:1].isspace():
            match = _SIMPLE_PAIR.match(text)
            return match.group(1) if match and not match.group(2) else None
    return None
