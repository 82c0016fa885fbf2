"""Loading a user's YAML (study.yml, codebook.yml, note front matter) without tracebacks.

Syntax errors become a :class:`~kit.errors.Problem` on the line where YAML noticed them,
and :func:`key_lines` says where each top-level key is written, so "missing" or "invalid"
messages can point at a line too.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from kit.csvio import read_text
from kit.errors import Problem


# libyaml's parser when PyYAML was built with it (much faster on thousands of notes).
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_BASE):
    """SafeLoader whose impossible dates (``2026-13-45``) stay strings instead of raising
    ValueError, so the caller can say which key holds a bad date."""


def _timestamp(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class _Loader(yaml.SafeLoader):
    """The pure-Python parser, for its clearer error messages once libyaml has failed."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

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
    try:
        return yaml.load(text, Loader=_FastLoader), []
    except yaml.YAMLError:
        pass  # parse again with the pure-Python parser, whose messages and marks are clearer
    try:
        return yaml.load(text, Loader=_Loader), []
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, source, line_offset)]
    except yaml.reader.ReaderError as exc:  # a control character, located by offset
        line = text.count("\n", 0, max(exc.position, 0)) + 1 + line_offset
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return None, [Problem(source, line, f"invalid YAML: character {ord(char):#06x} is not "
                              "allowed in YAML: delete it or retype the line")]
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error is one of the above
        return None, [Problem(source, 1 + line_offset, f"invalid YAML: {exc}")]


def _syntax_problem(exc: yaml.MarkedYAMLError, source: str, line_offset: int) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + 1 if mark is not None else 1) + line_offset
    what = (exc.problem or exc.context or "cannot be read").strip()
    message = f"invalid YAML: {what}"
    if mark is not None:
        message += f" (column {mark.column + 1})"
    if exc.context and exc.context_mark is not None and exc.problem_mark is not None:
        context_line = exc.context_mark.line + 1 + line_offset
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
    found: dict[str, int] = {}
    try:
        root = yaml.compose(text, Loader=_BASE)
    except yaml.YAMLError:
        root = None
    if isinstance(root, yaml.MappingNode):
        for key, _ in root.value:
            if isinstance(key, yaml.ScalarNode):
                found[key.value] = key.start_mark.line + 1
    else:
        for number, raw in enumerate(text.split("\n"), start=1):
            match = _TOP_KEY.match(raw)
            if match:
                found[next(g for g in match.groups() if g is not None).strip()] = number
    return {key: line + line_offset for key, line in found.items()}


def duplicate_keys(text: str, source: str, *, line_offset: int = 0) -> list[Problem]:
    """A warning for each key written twice in one mapping: YAML silently keeps the last."""
    try:
        root = yaml.compose(text.lstrip("\ufeff"), Loader=_BASE)
    except yaml.YAMLError:
        return []
    problems: list[Problem] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    line = key.start_mark.line + 1 + line_offset
                    if key.value in seen:
                        problems.append(Problem(
                            source, line, f"'{key.value}' is given twice (also on line "
                            f"{seen[key.value]}): only this one is used", "warning"))
                    seen[key.value] = line
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(problems, key=lambda p: p.line)


def raw_scalars(text: str) -> dict[str, str]:
    """Top-level keys whose value is a plain scalar, mapped to the characters as written
    (without quotes): ``id: 007`` gives ``"007"`` where YAML reads the number 7."""
    try:
        root = yaml.compose(text.lstrip("\ufeff"), Loader=_BASE)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {key.value: value.value for key, value in root.value
            if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)}
