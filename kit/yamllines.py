"""Line numbers of YAML values, so problems in study.yml or codebook.yml can be located."""
from __future__ import annotations

import re

import yaml

__all__ = ["value_lines", "line_of", "string_list_problems"]


def value_lines(text: str) -> dict[tuple, int]:
    """Map each path of keys and list indices, e.g. ``("codes", 3, "patterns", 0)``, to the
    1-based line where its value starts. Empty for text that is not valid YAML."""
    from kit.yamlio import bounds_problems, file_lines

    if bounds_problems(text):
        return {}
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        return {}
    lines: dict[tuple, int] = {}
    at = file_lines(text)  # the file's lines, not YAML's (which also break at U+2028, U+2029, NEL)

    def walk(node, path):
        lines[path] = at(node.start_mark.line)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else str(key.start_mark.line)
                lines[path + (name,)] = at(key.start_mark.line)
                walk_child(value, path + (name,))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, path + (i,))

    def walk_child(node, path):
        key_line = lines[path]
        walk(node, path)
        # Point a key's problems at the key, where people look, unless the value is a block.
        if isinstance(node, yaml.ScalarNode):
            lines[path] = key_line

    if root is not None:
        walk(root, ())
    return lines


def line_of(lines: dict[tuple, int], *path, default: int = 1) -> int:
    """The line of the deepest known prefix of ``path``."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return default


def _shown(value) -> str:
    """A YAML value as the user wrote it, roughly (for messages)."""
    if isinstance(value, dict) and len(value) == 1:
        (key, inner), = value.items()
        return f"{key}: {inner}" if not isinstance(inner, (dict, list)) else f"{key}: ..."
    return str(value)


_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")  # pt, tl, pt-BR


def string_list_problems(value, lines: dict[tuple, int], *keys, where: str | None = None,
                         numbers: bool = False) -> list[tuple[int, str]]:
    """``(line, message)`` for a value that must be a list of strings: each item that is not
    text, at the item's own line, with what to do. An item holding ': ' (``- Find where booking
    stalls: no slots``) is read by YAML as a mapping: the message says to quote the item.
    ``numbers`` accepts numbers as text (they keep their spelling, see ``kit.yamlio``)."""
    where = where or ".".join(str(k) for k in keys)
    if not isinstance(value, list):
        return [(line_of(lines, *keys), f"{where} must be a list of strings (one '- item' a line), "
                                        f"not {type(value).__name__ if value is not None else 'empty'}")]
    ok = (str, int, float) if numbers else (str,)
    found = []
    for i, item in enumerate(value):
        if isinstance(item, ok):  # (with numbers, true/false too: the caller warns about them)
            continue
        line = line_of(lines, *keys, i)
        if isinstance(item, dict) and item and all(isinstance(k, str) and _LANGUAGE_CODE.match(k)
                                                   and isinstance(v, list) for k, v in item.items()):
            codes = ", ".join(f"{k}: [...]" for k in item)
            found.append((line, f"{where} item {i + 1} is a mapping of languages to lists ({codes}) inside the "
                                f"list: words by language are one mapping instead of a list, e.g. "
                                f"{keys[-1] if keys else 'keywords'}: {{en: [...], {codes}}}"))
        elif isinstance(item, dict):
            found.append((line, f"{where} item {i + 1} is read as a key and a value because it holds "
                                f"': ' ({_shown(item)!r}): quote the item, e.g. - \"{_shown(item)}\""))
        elif isinstance(item, list):
            found.append((line, f"{where} item {i + 1} is a list, not text: write one item a line, "
                                "or quote it"))
        elif item is None:
            found.append((line, f"{where} item {i + 1} is empty: write the text after '- ' or remove the line"))
        else:
            found.append((line, f"{where} item {i + 1} ({str(item).lower() if isinstance(item, bool) else item}) "
                                f"is read as a {type(item).__name__}, not text: quote it"))
    return found
