"""Moved to :mod:`kit.discovery.loop`; this module re-exports it for one release."""
from kit.discovery.loop import (
                                DRAFT_HEADER,
                                GUARD_MIN_WORDS,
                                MAX_LINES,
                                MIN_OVERLAP,
                                THANK_YOU_COLUMNS,
                                YOU_SAID_COLUMNS,
                                thank_you_drafts,
                                write_drafts,
                                you_said_we_did,
)

__all__ = ["DRAFT_HEADER", "GUARD_MIN_WORDS", "MAX_LINES", "MIN_OVERLAP", "THANK_YOU_COLUMNS",
           "YOU_SAID_COLUMNS", "thank_you_drafts", "write_drafts", "you_said_we_did"]
