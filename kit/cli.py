"""The `interview-kit` command line.

Exit codes: 0 success; 1 problems found in the user's files (or a flagged guide); 2 a usage
error or a file that cannot be read; 3 a notebook failed; 4 an internal error (a bug: please
report it). Problems are printed as ``path:line: message``; no traceback reaches the user.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_NOTEBOOK, EXIT_INTERNAL = 0, 1, 2, 3, 4


def _study_arg(value: str | None) -> Path:
    from kit.paths import resolve_study

    return resolve_study(value)


def _print_problems(problems, stream=None) -> None:
    for problem in problems:
        print(problem, file=stream or sys.stderr)


def cmd_new(args) -> int:
    from kit.scaffold import ScaffoldError, new_study

    try:
        path = new_study(args.dir, example=args.example)
    except ScaffoldError as exc:
        print(f"interview-kit new: {exc}", file=sys.stderr)
        return EXIT_USAGE
    what = "the bundled pilot" if args.example else "the templates"
    print(f"created {path} from {what}; next: interview-kit check {path}")
    return EXIT_OK


def cmd_check(args) -> int:
    from kit.check import check_study

    path = _study_arg(args.dir)
    problems = check_study(path)
    _print_problems(problems, sys.stdout)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    summary = f"{path}: {errors} error(s), {warnings} warning(s)"
    print(summary if problems else f"{path}: ok", file=sys.stderr)
    return EXIT_PROBLEMS if errors else EXIT_OK


def cmd_lint_guide(args) -> int:
    from kit.guide import format_report, lint_file, to_json

    result, problems = lint_file(args.file)
    if problems and result is None:
        _print_problems(problems)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(to_json(result), indent=2, ensure_ascii=False))
    else:
        print(format_report(result))
    _print_problems(problems)
    flagged = any(q["flags"] for q in result["questions"])
    broken = any(s.get("level") == "error" for s in result.get("structure", []))
    return EXIT_PROBLEMS if (flagged or broken or any(p.is_error for p in problems)) else EXIT_OK


def _load_or_report(path):
    from kit.errors import StudyError
    from kit.study import load_study

    try:
        return load_study(path, strict=True)
    except StudyError as exc:
        _print_problems(exc.problems)
        return None


def cmd_analyze(args) -> int:
    from kit.analyze import analyze

    study = _load_or_report(_study_arg(args.dir))
    if study is None:
        return EXIT_PROBLEMS
    paths = analyze(study, args.out, include_names=args.include_names)
    for path in paths.values():
        print(path)
    return EXIT_OK


def cmd_run(args) -> int:
    from kit.errors import StudyError
    from kit.pipeline import NotebookFailed, run

    def log(message):
        print(f"interview-kit run: {message}", file=sys.stderr)

    try:
        index = run(_study_arg(args.dir), args.out, sprint=args.sprint, include_names=args.include_names,
                    progress=not args.quiet, log=log)
    except StudyError as exc:
        _print_problems(exc.problems)
        log("the study has errors; no notebook was run and the previous report is unchanged")
        return EXIT_PROBLEMS
    except NotebookFailed as exc:
        log(str(exc))
        log("the previous report is unchanged")
        return EXIT_NOTEBOOK
    print(index)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from kit import __version__

    parser = argparse.ArgumentParser(
        prog="interview-kit",
        description="A research methods kit for customer and user micro-interviews.")
    parser.add_argument("--version", action="version", version=f"interview-kit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("new", help="start a study folder from the templates (or the bundled pilot)")
    p.add_argument("dir", help="the folder to create; must not exist or be empty")
    p.add_argument("--example", choices=["pilot"], help="copy the bundled pilot study instead")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("check", help="validate every file of a study; problems as path:line: message")
    p.add_argument("dir", nargs="?", help="the study folder (default: the bundled pilot)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("lint-guide", help="flag leading, closed, hypothetical and double-barreled questions")
    p.add_argument("file", help="guide.yml, or a .txt with one question a line")
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per question")
    p.set_defaults(func=cmd_lint_guide)

    p = sub.add_parser("analyze", help="write the analysis tables (no notebooks)")
    p.add_argument("dir", nargs="?", help="the study folder (default: the bundled pilot)")
    p.add_argument("--out", required=True, help="folder for the tables")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("run", help="run every workflow notebook and write OUT/index.html")
    p.add_argument("dir", nargs="?", help="the study folder (default: the bundled pilot)")
    p.add_argument("--out", default="report", help="output folder (default: ./report)")
    p.add_argument("--sprint", help="sprint label passed to the notebooks (default: study.yml's)")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_run)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interview-kit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug in the kit, not in the user's files
        print(f"interview-kit: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in interview-kit; please report it with the command you ran.",
              file=sys.stderr)
        if os.environ.get("INTERVIEW_KIT_DEBUG"):
            raise
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
