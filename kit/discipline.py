"""Moved to :mod:`kit.discovery.discipline`; this module re-exports it for one release."""
from kit.discovery.discipline import (
                                      DEFAULT_CADENCE_DAYS,
                                      cadence_of,
                                      discipline_warnings,
                                      repository_discipline,
                                      warnings_table,
)

__all__ = ["DEFAULT_CADENCE_DAYS", "cadence_of", "discipline_warnings", "repository_discipline",
           "warnings_table"]
