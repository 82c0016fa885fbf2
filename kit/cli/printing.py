"""What the command line prints: problems as ``path:line: message``, a command's text as a
working output (``kit.outputs``: roster names, emails and phones replaced), and the quiet
ends (a closed pipe, an internal error)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from kit.cli.exits import EXIT_BROKEN_PIPE, EXIT_INTERNAL, EXIT_OK

__all__ = ["PATH_ARGS", "emit", "print_problems", "printer", "typed_paths"]


def _print_problems(problems, stream=None, study=None, include_names: bool = False) -> None:
    """Print problems as ``path:line: message``; given the study, as a working output
    (``kit.outputs``): roster names (also in file names), emails and phones replaced."""
    from kit.outputs import console, file_roles, study_of
    from kit.safety import escape_controls

    if study is None and problems:  # a file's problems: the roster of the study it is in
        study = study_of(getattr(problems[0], "path", "") or ".")
    say = console(study, include_names) if study is not None else console(None, include_names)
    known: list = []

    def roles():  # which interview a redacted file belongs to: the study read once, only then
        if not known:
            try:
                known.append(file_roles(study) if study is not None else {})
            except Exception:  # noqa: BLE001 - a hint only: a study too broken to read gives none
                known.append({})
        return known[0]

    for problem in problems:
        print(escape_controls(say.problem(problem, roles), backslash=False), file=stream or sys.stderr)  # one line

def _say(args, include_names: bool | None = None):
    """The printer (``kit.outputs.console``, a working output) for a command's text: the
    roster of every study its arguments point into (a study folder, a file in one, the
    studies of a repository) and, for ``recruit``, the names and emails of the pool."""
    import dataclasses

    from kit.outputs import WORKING, Outputs, study_of
    from kit.privacy import Roster, roster, with_names

    if include_names is None:
        include_names = bool(getattr(args, "include_names", False))
    targets = [getattr(args, key, None) for key in ("dir", "study", "file", "pool")]
    targets += list(getattr(args, "transcripts", None) or [])
    studies: list = []
    try:
        if getattr(args, "command", "") != "new":
            for target in targets:
                if target:
                    found = study_of(target)
                    if found is not None and found not in studies:
                        studies.append(found)
            if getattr(args, "dir", None) is None and getattr(args, "command", "") in ("check", "analyze", "run",
                                                                                         "export", "themes", "lab"):
                from kit.cli.parsing import _study_arg

                studies.append(_study_arg(None))
            if getattr(args, "repo", None):
                from kit.discovery.repository import find_studies  # not kit.repository: it imports search and trends

                studies += [s for s in find_studies(args.repo) if s not in studies]
        people = roster(studies) if studies else Roster()
        pool = getattr(args, "pool", None)
        if pool and Path(pool).is_file():
            from kit.csvio import read_rows

            from kit.column_roles import read_person_roles

            rows, columns, _ = read_rows(Path(pool))
            rows = read_person_roles(Path(pool), rows, columns, [], sheet=False)[0]  # Client Name, Client Email: as recruit reads
            people = with_names(people, [r.get("name", "") for r in rows])
            emails = tuple(e for e in (str(r.get("email") or "").strip() for r in rows) if e)
            people = dataclasses.replace(people, emails=tuple(dict.fromkeys(people.emails + emails)))  # ids kept
    except Exception:  # noqa: BLE001 - a roster that cannot be read: contact details still go
        people = Roster()
    say = Outputs(None, None, WORKING, include_names=include_names, people=people)
    say.verbatim = typed_paths(args, studies)
    return say


#: The options and arguments of the commands that name a file or folder.
PATH_ARGS = ("dir", "out", "repo", "study", "file", "pool", "transcripts", "qdpx", "qdc", "log")


def typed_paths(args, studies=()) -> tuple[str, ...]:
    """The paths the user typed on the command line (``args``: the parsed arguments) outside
    every folder of ``studies``, longest first: a command's messages show them as typed, never
    redacted (a folder ``/home/will`` is the user's, not a participant called Will; the
    README's rule for ``search``'s query). A path inside a study (a transcript named after its
    participant) is study text and stays redacted."""
    inside = [Path(s).resolve() for s in studies if isinstance(s, (str, Path))]
    found = []
    for key in PATH_ARGS:
        value = getattr(args, key, None)
        for v in value if isinstance(value, (list, tuple)) else [value]:
            if v is None or len(str(v)) < 2:
                continue
            try:
                where = Path(v).expanduser().resolve()
            except (OSError, RuntimeError, ValueError):
                continue
            if not any(where == s or s in where.parents for s in inside):
                found.append(str(v))
    return tuple(sorted(set(found), key=len, reverse=True))


def _emit(text: str, code: int, args=None) -> int:
    """Print a command's text (a working output, see :func:`_say`): to standard error when it
    reports problems."""
    if text:
        if args is not None:
            text = _say(args).clean(text)
        print(text, file=sys.stderr if code != EXIT_OK else sys.stdout)
    return code

def _broken_pipe() -> int:
    """The reader of standard output went away (``| head``): no traceback, no "internal error".
    Standard output is pointed at /dev/null so Python's final flush cannot fail again; the exit
    code is 141 (128 + SIGPIPE), what a shell reports for a command stopped by a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE

def _internal_error(exc: BaseException, args=None) -> int:
    message = (f"interview-kit: internal error: {type(exc).__name__}: {exc}\n"
               "This is a bug in interview-kit; please report it with the command you ran.")
    try:  # a message that quotes a file (or its name) is printed like everything else
        message = _say(args).clean(message) if args is not None else message
    except Exception:  # noqa: BLE001 - the error is reported whatever happens
        pass
    print(message, file=sys.stderr)
    if os.environ.get("INTERVIEW_KIT_DEBUG"):
        raise exc
    return EXIT_INTERNAL


#: public names of the printers
print_problems, printer, emit = _print_problems, _say, _emit
