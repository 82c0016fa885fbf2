"""Line numbers of YAML values, so problems in study.yml or codebook.yml can be located."""
from __future__ import annotations

import yaml


def value_lines(text: str) -> dict[tuple, int]:
    """Map each path of keys and list indices, e.g. ``("codes", 3, "patterns", 0)``, to the
    1-based line where its value starts. Empty for text that is not valid YAML."""
    from kit.yamlio import bounds_problems

    if bounds_problems(text):
        return {}
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        return {}
    lines: dict[tuple, int] = {}

    def walk(node, path):
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else str(key.start_mark.line)
                lines[path + (name,)] = key.start_mark.line + 1
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
