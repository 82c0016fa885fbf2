"""The report page: the sections, in order, from the declarative list, rendered with jinja2."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from kit.paths import templates_path
from kit.registry import TABLES as REGISTRY
from kit.report.appendix import AppendixSections
from kit.report.base import ReportBase
from kit.report.formatting import fmt_text
from kit.report.leadership import LeadershipSections
from kit.report.marketing import MarketingSections
from kit.report.product import ProductSections
from kit.report.sections import SECTIONS
from kit.report.tables import REPORT_NOTEBOOK, TABLES

__all__ = ["Built", "Report", "build_report", "render", "write_index"]


class Report(ProductSections, MarketingSections, LeadershipSections, AppendixSections, ReportBase):
    """Assembles the sections from the tables of ``out`` and the study."""

    def context(self) -> dict:
        from kit import __version__

        quotes = self.quote_table()
        sections = [{"id": s.id, "title": s.title, "audience": s.audience, "lead": s.lead,
                     "blocks": s.render(self, quotes)} for s in SECTIONS]
        metrics, findings = self.headline(quotes)
        study = self.study
        return {
            "title": study.name,
            "sprint": self.sprint,
            "research_question": fmt_text(study.config.get("research_question")),
            "objectives": list(study.config.get("objectives") or []),
            "metrics": metrics,
            "findings": findings,
            "sections": [{**s, "blocks": [asdict(b) | {"status": b.status} for b in s["blocks"]]}
                         for s in sections],
            "notebooks": self.notebook_links(),
            "tables": self.table_list(),
            "include_names": self.include_names,
            "withheld": len(study.quotes) - len(quotes) if self.tables.path("shareable_quotes") else 0,
            "version": __version__,
        }

    def notebook_links(self) -> list[dict]:
        links = []
        for stem in self.ran:
            links.append({"name": f"{stem}.ipynb", "stem": stem,
                          "title": stem.split("-", 1)[-1].replace("-", " ").capitalize(),
                          "step": stem.split("-", 1)[0]})
        return links

    def table_list(self) -> list[dict]:
        folder = self.out / TABLES
        rows = []
        steps = {e.path: e.step for e in REGISTRY.values()}
        paths = sorted(folder.glob("*")) if folder.is_dir() else []
        paths += sorted(p for p in self.out.glob("*.json"))
        for path in paths:
            if path.suffix not in (".csv", ".json") or path.name.startswith("."):
                continue
            rel = self.tables.rel(path)
            if path.suffix == ".csv":
                try:
                    size = f"{len(pd.read_csv(path))} rows"
                except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError):
                    size = "unreadable"
            else:
                size = "summary"
            if rel in steps:  # a registered table, written by its notebook when that ran
                producer = steps[rel] if steps[rel] in self.ran else "–"
            else:
                producer = REPORT_NOTEBOOK if path.name.startswith("report_") else "–"
            rows.append({"path": rel, "size": size, "producer": producer,
                         "used_in": ", ".join(self.tables.used.get(rel, [])) or "not shown"})
        return rows



@dataclass
class Built:
    """What ``build_report`` made: the page, and an outline of what it shows and lacks."""

    path: Path
    outline: pd.DataFrame

    def _repr_html_(self):  # pragma: no cover - shown in the notebook
        return self.outline.to_html(index=False)


def render(context: dict) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(templates_path() / "report"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    return env.get_template("index.html.j2").render(**context)


def build_report(study, out_dir, sprint: str = "", include_names: bool = False) -> Built:
    """Write OUT/index.html (and the report's own tables) from the tables in ``out_dir``."""
    from kit.study import as_study

    study = as_study(study, strict=False)
    out = Path(out_dir)
    (out / TABLES).mkdir(parents=True, exist_ok=True)
    report = Report(study, out, sprint=sprint, include_names=include_names)
    context = report.context()
    path = out / "index.html"
    # A published output: written through kit.outputs like every other (second line behind
    # the report's own consent handling).
    from kit.outputs import PUBLISHED, Outputs

    Outputs(None, study, PUBLISHED, include_names=include_names).text(path, render(context), markup=True)
    rows = [{"section": s["title"], "part": b["title"], "status": b["status"],
             "source": ", ".join(b["sources"]) if b["sources"] else b["missing"]}
            for s in context["sections"] for b in s["blocks"]]
    return Built(path, pd.DataFrame(rows, columns=["section", "part", "status", "source"]))


def write_index(out: Path, study_path: Path, notebooks=None, include_names: bool = False) -> Path:
    """Write OUT/index.html from the tables in OUT (kept for callers of the first version)."""
    return build_report(study_path, out, include_names=include_names).path
