"""The command line's exit codes and the usage error (exit 2).

0 success; 1 problems found in the user's files (or a flagged guide); 2 a usage error, a file
that cannot be read, a write target refused (see :mod:`kit.safety`) or a full disk; 3 a
notebook failed; 4 an internal error (a bug); 130 and 143 stopped by SIGINT and SIGTERM; 141
the reader of the output stopped reading (``| head``).
"""
from __future__ import annotations

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "EXIT_NOTEBOOK", "EXIT_INTERNAL", "EXIT_BROKEN_PIPE",
           "UsageError"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_NOTEBOOK, EXIT_INTERNAL = 0, 1, 2, 3, 4

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of the output (``| head``) stopped reading


class UsageError(Exception):
    """A user's mistake or an environment condition the user can fix: exit 2 with the message."""
