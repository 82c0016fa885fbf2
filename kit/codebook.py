"""The codebook: codes with hierarchy, definitions, guidance, keywords and patterns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kit import languages
from kit.csvio import read_text
from kit.errors import Problem
from kit.yamlio import load_yaml
from kit.yamllines import line_of, value_lines

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


def _str_list(value, where, path, lines, problems, keys):
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        problems.append(Problem(path, line_of(lines, *keys), f"{where} must be a list of strings"))
        return []
    return [str(v) for v in value]


def load_codebook(path, stages=None) -> tuple[Codebook, list[Problem]]:
    """Read and validate codebook.yml. Never raises for content problems."""
    path = Path(path)
    spath = str(path)
    text, problems = read_text(path)
    if text is None:
        return Codebook([], spath), problems
    data, syntax = load_yaml(text, spath)
    if syntax:
        return Codebook([], spath), problems + syntax
    lines = value_lines(text)
    if data is None:
        return Codebook([], spath), [Problem(spath, 1, "empty codebook: add a `codes:` list", "warning")]
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
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem(spath, at, "code without a `name`"))
            continue
        name = name.strip()
        if name in seen:
            problems.append(Problem(spath, at, f"duplicate code {name!r} (first defined on line {seen[name]})"))
            continue
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
            keywords=_str_list(by_language.get("en") if by_language else entry.get("keywords"), f"{name}: keywords", spath, lines, problems, keys + ("keywords",)),
            keywords_by_language=by_language,
            patterns=_str_list(entry.get("patterns"), f"{name}: patterns", spath, lines, problems, keys + ("patterns",)),
            colour=(str(entry.get("colour") or entry.get("color") or "").strip() or None),
            stage=(str(entry["stage"]).strip() if entry.get("stage") else None),
            line=at,
        )
        for j, pattern in enumerate(code.patterns):
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append(Problem(spath, line_of(lines, *keys, "patterns", j),
                                        f"code {name!r}: invalid regular expression {pattern!r}: {exc}"))
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
