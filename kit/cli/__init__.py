"""The `interview-kit` command line.

Exit codes: 0 success; 1 problems found in the user's files (or a flagged guide); 2 a usage
error, a file that cannot be read, a write target refused (see :mod:`kit.safety`) or a full
disk (also SQLite's "database or disk is full" and an ``OSError`` behind another exception:
:func:`kit.discovery.index.write_failure`); 3 a notebook failed; 4 an internal error (a bug: please report it); 130 and 143 stopped
by SIGINT and SIGTERM; 141 the reader of the output stopped reading (``| head``: quiet, as a
shell reports a command stopped by SIGPIPE). A bad option value (``--as-of 2026-02-30``,
``--jobs 0``), a missing study folder or a file given for one is exit 2 with a message.
Problems are printed as ``path:line: message``; no traceback reaches the user.

Every write target (``--out``, ``--qdpx``, ``--qdc``, ``--log``, ``new DIR``) goes through
:func:`kit.safety.check_output` before anything is read or written.

The package: :mod:`kit.cli.exits` (exit codes), :mod:`kit.cli.parsing` (the parser, option
types, the study argument), :mod:`kit.cli.printing` (problems and a command's text as a
working output), :mod:`kit.cli.commands` (one function per sub-command), and the front-ends
of single method modules (:mod:`kit.cli.review`, :mod:`kit.cli.recruit`). :func:`main` is
the entry point (``interview-kit = "kit.cli:main"``).
"""
from __future__ import annotations

import sys

from kit.cli import commands
from kit.cli.commands import *  # noqa: F403 - kit.cli.cmd_check and the others stay importable
from kit.cli.exits import (EXIT_BROKEN_PIPE, EXIT_INTERNAL, EXIT_NOTEBOOK, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE,
                           UsageError)
from kit.cli.parsing import _inputs, _int_range, _iso_date, _label, _study_arg, build_parser  # noqa: F401
from kit.cli.printing import _broken_pipe, _emit, _internal_error, _print_problems, _say  # noqa: F401

__all__ = ["main", "build_parser", "UsageError", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "EXIT_NOTEBOOK",
           "EXIT_INTERNAL", "EXIT_BROKEN_PIPE", *commands.__all__]


def main(argv=None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["search"]:  # kit.cli.discovery imports the index (pandas, sqlite3): only for search
        from kit.cli.discovery import search_argv

        argv = search_argv(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from kit.safety import UnsafeTarget, is_disk_full

    try:
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:  # `interview-kit ... | head`: the reader stopped; stop quietly
        return _broken_pipe()
    except (UsageError, UnsafeTarget) as exc:
        _message(args, f"interview-kit {args.command}: {exc}")
        return EXIT_USAGE
    except OSError as exc:
        if not is_disk_full(exc):  # permission denied, a file that vanished, ...: the environment, not a bug
            where = f": {exc.filename}" if exc.filename else ""
            _message(args, f"interview-kit {args.command}: {exc.strerror or exc}{where}")
            return EXIT_USAGE
        where = f" writing {exc.filename}" if exc.filename else ""
        _message(args, f"interview-kit {args.command}: no space left on device{where}: free some space and run again")
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interview-kit: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in the kit, not in the user's files
        from kit.discovery.index import write_failure

        reason = write_failure(exc)  # SQLite's "database or disk is full", an OSError raised from: the user's
        if reason is not None:
            _message(args, f"interview-kit {args.command}: {reason}")
            return EXIT_USAGE
        return _internal_error(exc, args)


def _message(args, text: str) -> None:
    """An error message on standard error as every message of the command is printed: a
    working output (participant names, emails and phones redacted as in the command's normal
    output, :func:`kit.cli.printing._say`) on one line (control characters of a path escaped)."""
    from kit.safety import escape_controls

    try:
        text = _say(args).clean(text)
    except Exception:  # noqa: BLE001 - a roster that cannot be read: the message is printed anyway
        pass
    print(escape_controls(text, backslash=False), file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
