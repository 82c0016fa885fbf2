"""Reading the tables and figures of one output folder for the report."""
from __future__ import annotations

import base64
import json
from pathlib import Path

import pandas as pd

__all__ = ["FIGURES", "FIGURE_SOURCES", "REPORT_NOTEBOOK", "TABLES", "UPSTREAM", "Tables", "data_uri"]

REPORT_NOTEBOOK = "08-sprint-report"
TABLES, FIGURES = "tables", "figures"

# What the report reads, by the notebook that writes it. Each entry lists the file names
# accepted (the first that exists wins), so the report picks up a table under either name.
UPSTREAM = {
    "interviews": (["interviews.csv"], "03-capture"),
    "talk_ratio": (["talk_ratio.csv"], "03-capture"),
    "quotes": (["quotes.csv"], "03-capture"),
    "follow_up": (["follow_up.csv"], "03-capture"),
    "guide": (["guide_lint.csv"], "01-guide-design"),
    "funnel": (["recruitment_funnel.csv", "funnel.csv"], "02-pilot-plan"),
    "quota": (["quota_coverage.csv", "quotas.csv"], "02-pilot-plan"),
    "themes": (["frequency_intensity.csv", "themes.csv", "frequency.csv", "intensity.csv"], "04-coding"),
    "rare_intense": (["rare_intense.csv"], "04-coding"),
    "coded": (["codings_combined.csv", "coded_segments.csv", "autocodes.csv"], "04-coding"),
    "agreement": (["agreement.json"], "04-coding"),
    "rules": (["rule_validation.csv"], "04-coding"),
    "code_agreement": (["agreement_per_code.csv", "agreement.csv", "code_agreement.csv"], "04-coding"),
    "saturation": (["saturation.csv"], "04-coding"),
    "saturation_summary": (["saturation.json"], "04-coding"),
    "segment_patterns": (["codes_by_segment_share.csv", "codes_by_segment.csv", "code_by_segment.csv"],
                         "04-coding"),
    "stage_sentiment": (["sentiment_by_stage.csv", "stage_sentiment.csv"], "05-sentiment"),
    "stage_counts": (["stage_sentiment_counts.csv"], "05-sentiment"),
    "pain_points": (["pain_points.csv"], "05-sentiment"),
    "sentiment_trend": (["sentiment_trend.csv"], "05-sentiment"),
    "segment_sentiment": (["sentiment_by_segment.csv"], "05-sentiment"),
    "language": (["phrases.csv", "customer_language.csv"], "06-patterns"),
    "phrase_quotes": (["phrase_quotes.csv"], "06-patterns"),
    "keyness": (["keyness_by_segment.csv"], "06-patterns"),
    "theme_tests": (["theme_tests.csv"], "06-patterns"),
    "opportunities": (["opportunities.csv"], "06-patterns"),
    "opportunity_evidence": (["opportunity_evidence.csv"], "06-patterns"),
    "theme_trends": (["trends.csv"], "09-continuous-discovery"),
    "experiments": (["experiments.csv"], "09-continuous-discovery"),
    "program": (["program.json"], "07-program-roi"),
    "trends": (["program_trends.csv"], "07-program-roi"),
    "weekly": (["weekly_cadence.csv"], "07-program-roi"),
    "cost_breakdown": (["costs_by_category.csv", "cost_breakdown.csv"], "07-program-roi"),
    "value_breakdown": (["value_by_kind.csv"], "07-program-roi"),
    "suggested_themes": (["suggested_themes.csv"], "04-coding"),
}
# Figures the report embeds, by the table they are drawn from (a figure NAME.png beside a
# table NAME.csv needs no entry: the same name says where it comes from).
FIGURE_SOURCES = {
    "themes": ["frequency.png", "themes.png", "theme_frequency.png"],
    "rare_intense": ["intensity.png"],
    "stage_counts": ["stage_sentiment_heatmap.png"],
    "sentiment_trend": ["sentiment_trend.png"],
    "segment_sentiment": ["sentiment_by_segment.png"],
    "theme_trends": ["trends.png"],
    "segment_patterns": ["codes_by_segment.png", "code_by_segment.png"],
    "saturation": ["saturation.png", "saturation_curve.png"],
    "code_agreement": ["agreement.png", "code_agreement.png"],
    "funnel": ["recruitment_funnel.png", "funnel.png"],
    "quota": ["quota_coverage.png", "quotas.png"],
    "talk_ratio": ["talk_ratio.png"],
    "cost_breakdown": ["roi.png", "costs.png", "cost_breakdown.png"],
    "weekly": ["weekly_cadence.png", "cadence.png"],
    "trends": ["program_trends.png"],
    "guide": ["guide_structure.png"],
}



# -- reading the tables ----------------------------------------------------------------------------
class Tables:
    """The tables and figures of one output folder, read once, with what was used where."""

    def __init__(self, out: Path, writer=None):
        self.out = Path(out)
        self.used: dict[str, list[str]] = {}
        self._cache: dict[str, object] = {}
        self.writer = writer  # kit.outputs.Outputs for the report's own tables (published)

    def path(self, key: str) -> Path | None:
        names, _ = UPSTREAM[key]
        for name in names:
            candidates = [self.out / TABLES / name] + ([self.out / name] if name.endswith(".json") else [])
            for candidate in candidates:
                if candidate.is_file():
                    return candidate
        return None

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
        return self.rel(path) if path else f"{TABLES}/{UPSTREAM[key][0][0]}"

    def figure(self, key: str, also: tuple[str, ...] = ()) -> dict | None:
        """The figure drawn from ``key``'s table as {"src": data URI, "name", "tables"}, or None.
        A figure is only shown beside the table it is drawn from."""
        table = self.path(key)
        if table is None:
            return None
        names = [table.stem + ".png"] + list(FIGURE_SOURCES.get(key, []))
        for name in names:
            path = self.out / FIGURES / name
            if path.is_file():
                tables = [self.rel(table)] + [self.source(k) for k in also if self.path(k) is not None]
                return {"src": data_uri(path), "name": f"{FIGURES}/{name}", "tables": tables}
        return None

    def own(self, name: str, frame: pd.DataFrame, section: str) -> str:
        """Write one of the report's own tables and note where it is used."""
        from kit.csvio import atomic_write_csv

        path = self.out / TABLES / name
        if self.writer is not None:  # the rules of a published output (kit.outputs), as every table
            self.writer.table(path, frame)
        else:
            atomic_write_csv(path, frame)
        rel = self.rel(path)
        self.used.setdefault(rel, [])
        if section not in self.used[rel]:
            self.used[rel].append(section)
        return rel


def data_uri(path: Path) -> str:
    kind = {".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
    mime = kind.get(Path(path).suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")

