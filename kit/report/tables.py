"""Reading the tables and figures of one output folder for the report, by registry name.

The report reads only registered tables (:mod:`kit.registry`): ``Tables.get("themes")``
reads ``OUT/tables/themes.csv``, which notebook 04 writes. The report computes no table
of its own.
"""
from __future__ import annotations

import base64
import json
from pathlib import Path

import pandas as pd

from kit.registry import REPORT, entry, names_read_by
from kit.registry import TABLES as REGISTRY

__all__ = ["FIGURES", "FIGURE_SOURCES", "REPORT_NOTEBOOK", "TABLES", "UPSTREAM", "Tables", "data_uri", "read_table"]

REPORT_NOTEBOOK = REPORT
TABLES, FIGURES = "tables", "figures"

# What the report reads (registry name -> ([file name], the notebook that writes it)), kept
# for callers of the first version; kit.registry is the source.
UPSTREAM = {name: ([Path(REGISTRY[name].path).name], REGISTRY[name].step) for name in names_read_by(REPORT)}
# Figures the report embeds, by the table they are drawn from, beyond NAME.png beside NAME.csv.
FIGURE_SOURCES = {name: list(e.figures) for name, e in REGISTRY.items() if e.figures and REPORT in e.readers}


def read_table(out, name: str):
    """The registered table ``name`` of the run folder ``out``: a DataFrame (a dict for a
    JSON summary), or, when no notebook wrote it, an empty DataFrame with the registered
    columns (a JSON summary: an empty dict)."""
    table = Tables(out).get(name)
    if table is not None:
        return table
    return {} if entry(name).path.endswith(".json") else pd.DataFrame(columns=list(entry(name).columns))


class Tables:
    """The tables and figures of one output folder, read once, with what was used where."""

    def __init__(self, out: Path, writer=None):
        self.out = Path(out)
        self.used: dict[str, list[str]] = {}
        self._cache: dict[str, object] = {}
        self.writer = writer  # kit.outputs.Outputs (published); the report writes no table of its own

    def path(self, key: str) -> Path | None:
        """The file of the registered table ``key`` in ``out``, or None when none was written."""
        candidate = self.out / entry(key).path
        return candidate if candidate.is_file() else None

    def rel(self, path: Path) -> str:
        return path.relative_to(self.out).as_posix()

    def get(self, key: str, section: str | None = None):
        """The table (DataFrame; dict for .json) for ``key``, or None when no notebook wrote it."""
        path = self.path(key)
        if path is None:
            return None
        if section:
            self.used.setdefault(self.rel(path), [])
            if section not in self.used[self.rel(path)]:
                self.used[self.rel(path)].append(section)
        if key not in self._cache:
            try:
                if path.suffix == ".json":
                    self._cache[key] = json.loads(path.read_text(encoding="utf-8"))
                else:
                    self._cache[key] = pd.read_csv(path, keep_default_na=True)
            except (ValueError, OSError, pd.errors.ParserError):
                self._cache[key] = None
        return self._cache[key]

    def source(self, key: str) -> str:
        path = self.path(key)
        return self.rel(path) if path else entry(key).path

    def figure(self, key: str, also: tuple[str, ...] = ()) -> dict | None:
        """The figure drawn from ``key``'s table as {"src": data URI, "name", "tables"}, or None.
        A figure is only shown beside the table it is drawn from."""
        table = self.path(key)
        if table is None:
            return None
        names = [table.stem + ".png"] + list(entry(key).figures)
        for name in names:
            path = self.out / FIGURES / name
            if path.is_file():
                tables = [self.rel(table)] + [self.source(k) for k in also if self.path(k) is not None]
                return {"src": data_uri(path), "name": f"{FIGURES}/{name}", "tables": tables}
        return None

def data_uri(path: Path) -> str:
    kind = {".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
    mime = kind.get(Path(path).suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")
