"""Moved to :mod:`kit.discovery`: studies and cross-sprint tables in ``repository``, the index in
``index``, search and prior interactions in ``search``, trends in ``trends``; the figure
``trends_chart`` to :mod:`kit.viz.discovery`; the ``index``/``search`` command front ends to
:mod:`kit.cli.discovery`. This module re-exports them for one release."""
from kit.cli.discovery import index_command, search_command
from kit.discovery.index import (
    INDEX_DIR,
    INDEX_NAME,
    INDEXES,
    SCHEMA,
    SCHEMA_VERSION,
    TABLES,
    IndexReport,
    build_index,
    email_hash,
    index_path,
    query_index,
    update_index,
)
from kit.discovery.repository import (
    CODE_COLUMNS,
    KINDS,
    PARTICIPANT_WORDS,
    REPO_FILES,
    SEGMENT_COLUMNS,
    RepositoryError,
    coded_table,
    example_repository,
    find_studies,
    interviews_table,
    is_repository,
    is_study_folder,
    load_studies,
    pick_study,
    resolve_repository,
    segments_table,
    sprint_label,
    sprints_path,
    study_label,
    study_order_key,
)
from kit.discovery.search import (
    HIT_CLOSE,
    HIT_OPEN,
    PRIOR_COLUMNS,
    SEARCH_COLUMNS,
    fts_query,
    prior_interactions,
    search,
)
from kit.discovery.trends import TREND_COLUMNS, leading_codes, trends, wilson_interval

__all__ = [
    "CODE_COLUMNS",
    "HIT_CLOSE",
    "HIT_OPEN",
    "INDEXES",
    "INDEX_DIR",
    "INDEX_NAME",
    "KINDS",
    "PARTICIPANT_WORDS",
    "PRIOR_COLUMNS",
    "REPO_FILES",
    "SCHEMA",
    "SCHEMA_VERSION",
    "SEARCH_COLUMNS",
    "SEGMENT_COLUMNS",
    "TABLES",
    "TREND_COLUMNS",
    "IndexReport",
    "RepositoryError",
    "build_index",
    "coded_table",
    "email_hash",
    "example_repository",
    "find_studies",
    "fts_query",
    "index_command",
    "index_path",
    "interviews_table",
    "is_repository",
    "is_study_folder",
    "leading_codes",
    "load_studies",
    "pick_study",
    "prior_interactions",
    "query_index",
    "resolve_repository",
    "search",
    "search_command",
    "segments_table",
    "sprint_label",
    "sprints_path",
    "study_label",
    "study_order_key",
    "trends",
    "update_index",
    "wilson_interval",
]


def __getattr__(name):
    # The figure lives at the edge (kit.viz): importing this module never imports matplotlib;
    # only asking for ``trends_chart`` through the old path does.
    if name == "trends_chart":
        from importlib import import_module

        return import_module("kit.viz.discovery").trends_chart
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
