"""The registry of published tables: every table a workflow notebook writes to ``OUT``.

One entry per table: its registry ``name`` (what a notebook passes to
``kit.outputs.Outputs.table`` / ``.json`` and what the report asks for), the ``file`` it is
written to (relative to ``OUT``), the ``step`` (notebook) that writes it, the ``columns`` a
reader relies on (a subset of what the table holds; empty when nothing is fixed), the
``readers`` (steps that read it: ``08-sprint-report`` is the report) and the ``figures``
(in ``OUT/figures/``) drawn from it. A figure named like its table (``NAME.png`` beside
``NAME.csv``) needs no entry.

A table is written by exactly one step (``tests/test_registry.py`` scans the notebooks'
sources); a name no entry registers cannot be written by name (:func:`entry` raises
``KeyError``).
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["REPORT", "TABLES", "Entry", "entry", "names_read_by", "names_written_by"]

REPORT = "08-sprint-report"


@dataclass(frozen=True)
class Entry:
    """One published table (see the module's docstring for the fields)."""

    name: str
    step: str
    columns: tuple[str, ...] = ()
    readers: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    file: str = ""

    @property
    def path(self) -> str:
        """Where the table is written, relative to ``OUT`` (``tables/NAME.csv`` unless ``file``)."""
        return self.file or f"tables/{self.name}.csv"


def _e(name, step, columns=(), readers=(), figures=(), file=""):
    return Entry(name, step, tuple(columns), tuple(readers), tuple(figures), file)


_R = (REPORT,)
_ENTRIES = (
    # 01 guide design
    _e("guide_lint", "01-guide-design", ["question", "kind", "flags"], _R, ["guide_structure.png"]),
    # 02 pilot plan
    _e("quota_coverage", "02-pilot-plan", (), _R),
    _e("recruitment_funnel", "02-pilot-plan", (), _R),
    _e("channels", "02-pilot-plan"),
    _e("diversity", "02-pilot-plan"),
    _e("composition", "02-pilot-plan"),
    _e("weekly_cadence", "02-pilot-plan", (), _R),
    _e("cadence_gaps", "02-pilot-plan"),
    _e("sample", "02-pilot-plan", ["segment", "quota", "recruited", "completed", "scheduled",
                                   "declined_or_no_show", "consented_to_quote"], _R),
    # 03 capture
    _e("interviews", "03-capture"),
    _e("talk_ratio", "03-capture", ["talk_ratio"], _R),
    _e("quotes", "03-capture", (), _R),
    _e("follow_up", "03-capture", (), _R),
    # 04 coding
    _e("codebook", "04-coding"),
    _e("autocodes", "04-coding"),
    _e("auto_vs_manual", "04-coding"),
    _e("rule_validation", "04-coding", ["code", "rule_status"], _R),
    _e("auto_vs_manual_cases", "04-coding"),
    _e("agreement", "04-coding", (), _R, file="tables/agreement.json"),
    _e("code_agreement", "04-coding", ["code", "kappa"], _R, ["agreement.png"]),
    _e("disagreements", "04-coding"),
    _e("coded_segments", "04-coding", ["segment_id", "code"]),
    _e("saturation", "04-coding", (), _R),
    _e("saturation_summary", "04-coding", (), _R, file="tables/saturation.json"),
    _e("themes", "04-coding", ["code", "participants", "share", "mean_compound"], _R, ["frequency.png"]),
    _e("rare_intense", "04-coding", ["code", "participants"], _R, ["intensity.png"]),
    _e("cooccurrence_segment", "04-coding"),
    _e("cooccurrence_interview", "04-coding"),
    _e("cooccurrence_pairs", "04-coding"),
    _e("codes_by_segment", "04-coding"),
    _e("codes_by_segment_share", "04-coding", ["code"], _R),
    _e("quotes_per_code", "04-coding"),
    _e("shareable_quotes", "04-coding", ["segment_id", "interview_id", "participant", "segment", "codes",
                                         "hand_codes", "compound", "text"], _R),
    _e("suggested_themes", "04-coding", ["theme", "label", "participants", "passages"], _R),
    _e("suggested_theme_passages", "04-coding"),
    _e("suggested_themes_by_segment", "04-coding"),
    _e("suggested_theme_examples", "04-coding"),
    # 05 sentiment
    _e("turn_sentiment", "05-sentiment"),
    _e("sentiment_overall", "05-sentiment"),
    _e("language_mix", "05-sentiment", ["segment", "language", "passages", "interviews", "unscored"], _R),
    _e("language_coverage", "05-sentiment", ["code", "language"], _R),
    _e("sentiment_by_participant", "05-sentiment"),
    _e("sentiment_by_segment", "05-sentiment", (), _R),
    _e("sentiment_trend", "05-sentiment", (), _R),
    _e("journey_stages", "05-sentiment"),
    _e("sentiment_by_stage", "05-sentiment", ["stage"], _R),
    _e("stage_sentiment_counts", "05-sentiment", (), _R, ["stage_sentiment_heatmap.png"]),
    _e("stage_by_segment", "05-sentiment"),
    _e("pain_points", "05-sentiment", (), _R),
    # 06 patterns
    _e("theme_prevalence_by_segment", "06-patterns"),
    _e("theme_tests", "06-patterns", ["code", "q_value"], _R),
    _e("sentiment_comparison", "06-patterns"),
    _e("sentiment_comparison_turns", "06-patterns"),
    _e("phrases", "06-patterns", ["phrase"], _R),
    _e("phrase_quotes", "06-patterns", ["phrase", "participant", "text"], _R),
    _e("keyness_by_segment", "06-patterns", ["segment", "word"], _R),
    _e("theme_words", "06-patterns"),
    _e("opportunities", "06-patterns", ["opportunity_id", "rank"], _R),
    _e("opportunity_evidence", "06-patterns", ["opportunity_id", "evidence_id", "kind"], _R),
    _e("opportunity_notes", "06-patterns", ["segment_id", "interview_id", "participant", "segment", "stage",
                                            "insights", "quotes", "decisions", "interview_cited_by", "text"], _R),
    _e("feature_requests", "06-patterns", ["segment_id", "interview_id", "participant", "segment", "kind",
                                           "consented", "text"], _R),
    # 07 program and ROI
    _e("follow_up_discipline", "07-program-roi"),
    _e("follow_up_overdue", "07-program-roi"),
    _e("action_items", "07-program-roi"),
    _e("actions_by_owner", "07-program-roi"),
    _e("insight_to_action", "07-program-roi"),
    _e("costs_by_category", "07-program-roi", (), _R, ["roi.png"]),
    _e("value_by_kind", "07-program-roi", (), _R),
    _e("leading_indicators", "07-program-roi"),
    _e("lagging_indicators", "07-program-roi"),
    _e("program_trends", "07-program-roi", ["sprint"], _R),
    _e("decisions", "07-program-roi", ["decision_id", "date", "decision", "evidence", "interviews_cited",
                                       "estimated_value", "value_kind", "outcome_metric", "outcome_baseline",
                                       "outcome_reading", "reading_date"], _R),
    _e("program", "07-program-roi", (), _R, file="program.json"),
    # 09 continuous discovery
    _e("search", "09-continuous-discovery"),
    _e("trends", "09-continuous-discovery", ["sprint", "code", "share"], _R),
    _e("experiments", "09-continuous-discovery", ["decision", "reading"], _R),
    _e("assumptions", "09-continuous-discovery"),
)
TABLES: dict[str, Entry] = {e.name: e for e in _ENTRIES}


def entry(name: str) -> Entry:
    """The registry entry of ``name``; ``KeyError`` naming the registry when it has none."""
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"{name!r} is not a registered table (kit.registry.TABLES); register it first") from None


def names_written_by(step: str) -> list[str]:
    """The registered tables ``step`` (a notebook stem such as ``04-coding``) writes."""
    return [e.name for e in _ENTRIES if e.step == step]


def names_read_by(step: str) -> list[str]:
    """The registered tables ``step`` reads."""
    return [e.name for e in _ENTRIES if step in e.readers]
