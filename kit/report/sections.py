"""The sections of the sprint report, declared in order: what each shows, for whom, the
registered tables (:mod:`kit.registry`) it reads and the method of ``Report`` that renders it.

A renderer takes the report and the shareable quotes (the ``shareable_quotes`` table) and
returns its blocks; a block whose table no notebook wrote says which table and notebook it
needs (``ReportBase.needs``), never a blank.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["SECTIONS", "Section", "tables_read"]


@dataclass(frozen=True)
class Section:
    """One section of the page: ``id`` (the HTML anchor), ``title``, ``audience``, ``lead``
    (one sentence under the title), ``reads`` (registry names) and ``render``."""

    id: str
    title: str
    audience: str
    lead: str
    reads: tuple[str, ...]
    render: Callable


SECTIONS: tuple[Section, ...] = (
    Section("product", "Product", "for product managers and designers",
            "Where the job breaks down for participants, what they ask for, and what we could build.",
            ("themes", "sentiment_by_stage", "stage_sentiment_counts", "pain_points", "rare_intense",
             "feature_requests", "opportunities", "opportunity_evidence", "opportunity_notes", "shareable_quotes"),
            lambda report, quotes: report.product(quotes)),
    Section("marketing", "Marketing", "for marketing and sales",
            "How customers describe their situation, and quotes cleared for use.",
            ("phrases", "phrase_quotes", "keyness_by_segment", "codes_by_segment_share", "theme_tests",
             "sentiment_by_segment", "themes", "shareable_quotes", "quotes"),
            lambda report, quotes: report.marketing(quotes)),
    Section("leadership", "Leadership", "for leadership",
            "The themes that matter most, how the program is trending, what it is worth and what was decided.",
            ("themes", "agreement", "code_agreement", "rule_validation", "trends", "program_trends",
             "sentiment_trend", "weekly_cadence", "program", "follow_up", "costs_by_category", "value_by_kind",
             "decisions", "experiments"),
            lambda report, quotes: report.leadership()),
    Section("appendix", "Method appendix", "for researchers",
            "How the evidence was gathered and how far it can be trusted.",
            ("sample", "recruitment_funnel", "quota_coverage", "guide_lint", "talk_ratio", "follow_up", "saturation",
             "saturation_summary", "agreement", "code_agreement", "rule_validation", "suggested_themes"),
            lambda report, quotes: report.appendix()),
)


def tables_read() -> list[str]:
    """Every registry name some section reads, sorted."""
    return sorted({name for s in SECTIONS for name in s.reads})
