"""Test helper: the method tables the report reads, written as notebooks 02, 04, 06 and 07 write them."""
from __future__ import annotations

from pathlib import Path

__all__ = ["write_method_tables"]


def write_method_tables(study, out: Path, include_names: bool = False) -> Path:
    """Write sample, shareable_quotes, opportunity_notes, feature_requests and decisions
    to ``out/tables`` through the published writer, as the notebooks do."""
    from kit import opportunities, themes
    from kit.feature_requests import feature_requests
    from kit.outputs import publish_to
    from kit.quotes import shareable_quotes
    from kit.sample import sample_table

    published = publish_to(out, study, include_names=include_names)
    published.table("sample", sample_table(study))
    coded = themes.study_themes(study)["coded"]  # notebook 04's coded_segments
    published.table("shareable_quotes", shareable_quotes(study, coded, include_names=include_names))
    published.table("opportunity_notes", opportunities.notes(study, include_names=include_names))
    published.table("feature_requests", feature_requests(study, include_names=include_names))
    published.table("decisions", opportunities.decisions(study))
    return out
