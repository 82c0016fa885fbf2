"""The `interview-kit` command line.

Exit codes: 0 success; 1 problems found in the user's files (or a flagged guide); 2 a usage
error, a file that cannot be read, a write target refused (see :mod:`kit.safety`) or a full
disk; 3 a notebook failed; 4 an internal error (a bug: please report it); 130 and 143 stopped
by SIGINT and SIGTERM; 141 the reader of the output stopped reading (``| head``: quiet, as a
shell reports a command stopped by SIGPIPE). A bad option value (``--as-of 2026-02-30``,
``--jobs 0``), a missing study folder or a file given for one is exit 2 with a message. Problems are printed as ``path:line: message``; no traceback reaches
the user.

Every write target (``--out``, ``--qdpx``, ``--qdc``, ``--log``, ``new DIR``) goes through
:func:`kit.safety.check_output` before anything is read or written.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_NOTEBOOK, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of the output (``| head``) stopped reading


class UsageError(Exception):
    """A user's mistake or an environment condition the user can fix: exit 2 with the message."""


def _study_arg(value: str | None) -> Path:
    """The study folder argument: the bundled pilot when absent; a missing folder or a file
    is a :class:`UsageError` (exit 2, unreadable input), never a located ``path:0`` problem."""
    from kit.paths import resolve_study

    path = resolve_study(value)
    if not path.exists():
        raise UsageError(f"{path}: no such study folder (unreadable input; create one with: interview-kit new DIR)")
    if not path.is_dir():
        hint = f" (the folder that holds it: {path.parent})" if path.name in _STUDY_FILES else ""
        raise UsageError(f"{path}: not a folder (unreadable input): give the study folder{hint}")
    return path


_STUDY_FILES = {"study.yml", "guide.yml", "participants.csv", "codebook.yml", "costs.csv", "decisions.csv"}


# --- option types: a bad value is an argparse error (exit 2, "invalid ... value"), never exit 4 ---

def _iso_date(value: str) -> str:
    """A calendar date written YYYY-MM-DD (``2026-02-30`` is refused)."""
    import datetime as dt

    try:
        dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a calendar date: write it as YYYY-MM-DD, "
                                         "e.g. 2026-03-01") from None
    return value.strip()


def _int_range(low: int, high: int | None = None, what: str = "a whole number"):
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not {what}") from None
        if number < low or (high is not None and number > high):
            bounds = f"at least {low}" if high is None else f"from {low} to {high}"
            raise argparse.ArgumentTypeError(f"{value!r}: must be {bounds}")
        return number
    parse.__name__ = "integer"  # argparse names the type in its message
    return parse


_SEED = _int_range(0, 2**32 - 1, "a whole number (a random seed)")


def _label(value: str) -> str:
    """A one-line, non-blank label (the sprint name)."""
    if not value.strip() or any(c in value for c in "\r\n\t"):
        raise argparse.ArgumentTypeError(f"{value!r}: give a non-empty one-line label, e.g. 2026-S07")
    return value.strip()


def _inputs(study: Path) -> list[tuple[Path, str]]:
    """What no write target may be, contain or lie inside: the study (and the kit's own files)."""
    from kit.paths import PACKAGE_DIR

    return [(study, "the study"), (PACKAGE_DIR, "the interview-kit package")]


def _print_problems(problems, stream=None, study=None, include_names: bool = False) -> None:
    """Print problems as ``path:line: message``; given the study, as a working output
    (``kit.outputs``): roster names (also in file names), emails and phones replaced."""
    from kit.outputs import console

    from kit.outputs import file_roles, study_of

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
        print(say.problem(problem, roles), file=stream or sys.stderr)


def _say(args, include_names: bool | None = None):
    """The printer (``kit.outputs.console``, a working output) for a command's text: the
    roster of every study its arguments point into (a study folder, a file in one, the
    studies of a repository) and, for ``recruit``, the names and emails of the pool."""
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
                studies.append(_study_arg(None))
            if getattr(args, "repo", None):
                from kit.discovery.repository import find_studies

                studies += [s for s in find_studies(args.repo) if s not in studies]
        people = roster(studies) if studies else Roster()
        pool = getattr(args, "pool", None)
        if pool and Path(pool).is_file():
            from kit.csvio import read_rows

            rows, _, _ = read_rows(Path(pool))
            people = with_names(people, [r.get("name", "") for r in rows])
            emails = tuple(e for e in (str(r.get("email") or "").strip() for r in rows) if e)
            people = Roster(people.names, people.parts, tuple(dict.fromkeys(people.emails + emails)))
    except Exception:  # noqa: BLE001 - a roster that cannot be read: contact details still go
        people = Roster()
    return Outputs(None, None, WORKING, include_names=include_names, people=people)


def cmd_new(args) -> int:
    from kit.paths import PACKAGE_DIR, REPO_DIR
    from kit.safety import check_output
    from kit.scaffold import ScaffoldError, new_study

    # `new` refuses a non-empty folder itself; here: never inside (or around) the kit's files
    check_output(args.dir, [(PACKAGE_DIR, "the interview-kit package"), (REPO_DIR / "templates", "the templates"),
                            (REPO_DIR / "notebooks", "the kit's notebooks")], option="DIR", force=True)
    try:
        path = new_study(args.dir, example=args.example)
    except ScaffoldError as exc:
        print(f"interview-kit new: {exc}", file=sys.stderr)
        return EXIT_USAGE
    what = "the bundled pilot" if args.example else "the templates"
    print(f"created {path} from {what}; next: interview-kit check {path}")
    return EXIT_OK


def cmd_lab(args) -> int:
    import subprocess

    from kit.safety import check_output, mark_output
    from kit.scaffold import LabError, default_lab_dir, lab_command, lab_copy

    if args.dir is not None and str(args.dir).strip():
        study_path = Path(args.dir).expanduser()
        inputs = _inputs(study_path)
    else:
        from kit.paths import PACKAGE_DIR

        study_path, inputs = None, [(PACKAGE_DIR, "the interview-kit package")]
    out = args.out or default_lab_dir(study_path.resolve() if study_path is not None else None)
    check_output(out, inputs, option="--out", force=args.force, kind="lab",
                 legacy=("01-guide-design.ipynb", "training"))  # a copy an older kit made
    try:
        target, written = lab_copy(args.dir, out)
        mark_output(target, kind="lab")
    except (LabError, FileNotFoundError) as exc:
        _say(args).print(f"interview-kit lab: {exc}", file=sys.stderr)
        return EXIT_USAGE
    kept = "" if written else " (existing copy kept as it was)"
    print(f"working copy of the notebooks: {target}{kept}; {len(written)} notebook(s) written", file=sys.stderr)
    command = lab_command(target, open_browser=not args.no_browser)
    if args.dry_run:
        print(" ".join(command))
        return EXIT_OK
    return _serve_lab(command, target)


def _serve_lab(command: list[str], cwd: Path) -> int:
    """Run JupyterLab, passing its messages through to standard error. A JupyterLab that
    stops with an error is exit 2 with its last messages (never exit 1, which means problems
    in the study's files)."""
    import collections
    import subprocess

    try:
        server = subprocess.Popen(command, cwd=cwd, stderr=subprocess.PIPE, text=True, errors="replace")
    except OSError as exc:
        print(f"interview-kit lab: cannot start JupyterLab: {exc}", file=sys.stderr)
        return EXIT_USAGE
    tail = collections.deque(maxlen=12)
    while True:
        try:
            for line in server.stderr:
                sys.stderr.write(line)
                sys.stderr.flush()
                if line.strip():
                    tail.append(line.rstrip())
            break
        except KeyboardInterrupt:  # JupyterLab answers Ctrl-C itself (it asks to confirm)
            continue
    code = server.wait()
    if code == 0 or code in (-2, 130):  # stopped by the user
        return EXIT_OK
    errors = [line for line in tail if any(w in line.lower() for w in ("error", "running as root", "refus",
                                                                       "no module", "allow-root"))] or list(tail)[-3:]
    print(f"interview-kit lab: JupyterLab stopped with exit code {code}: " + " | ".join(errors[-3:]), file=sys.stderr)
    if any("allow-root" in line for line in tail):
        print("interview-kit lab: JupyterLab refuses to run as root: run interview-kit lab as an ordinary user, "
              f"or start it yourself with: {' '.join(command)} --allow-root", file=sys.stderr)
    return EXIT_USAGE


def cmd_check(args) -> int:
    from kit.check import check_study

    path = _study_arg(args.dir)
    problems = check_study(path)
    _print_problems(problems, sys.stdout, study=path, include_names=getattr(args, "include_names", False))
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    summary = f"{path}: {errors} error(s), {warnings} warning(s)"
    print(summary if problems else f"{path}: ok", file=sys.stderr)
    return EXIT_PROBLEMS if errors else EXIT_OK


def cmd_lint_guide(args) -> int:
    from kit.guide import format_report, lint_file, to_json

    result, problems = lint_file(args.file)
    if problems and result is None:  # unreadable: "PATH: message" (no line to point at)
        for problem in problems:
            where = f"{problem.path}:{problem.line}" if problem.line else problem.path
            print(f"interview-kit lint-guide: {where}: {problem.message}", file=sys.stderr)
        return EXIT_USAGE
    say = _say(args)  # a guide may name someone ("Hi Maria, ..."): printed, a working output
    if args.json:
        print(json.dumps(say.clean_value(to_json(result)), indent=2, ensure_ascii=False))
    else:
        say.print(format_report(result))
    _print_problems(problems)
    flagged = any(q["flags"] for q in result["questions"])
    broken = any(s.get("level") == "error" for s in result.get("structure", []))
    return EXIT_PROBLEMS if (flagged or broken or any(p.is_error for p in problems)) else EXIT_OK


def _load_or_report(path, progress: bool = False):
    from kit.errors import StudyError
    from kit.study import load_study

    try:
        return load_study(path, strict=True, progress=progress)
    except StudyError as exc:
        _print_problems(exc.problems, study=path)
        return None


def cmd_analyze(args) -> int:
    from kit.analyze import analyze
    from kit.safety import check_output, mark_output

    study_path = _study_arg(args.dir)
    check_output(args.out, _inputs(study_path), option="--out", force=args.force, legacy=("turns.csv", "themes.csv"),
                 kind="analyze")
    study = _load_or_report(study_path, progress=not args.quiet)
    if study is None:
        return EXIT_PROBLEMS
    mark_output(args.out, kind="analyze")
    paths = analyze(study, args.out, include_names=args.include_names, progress=not args.quiet,
                    as_of=args.as_of)
    for path in paths.values():
        print(path)
    return EXIT_OK


def cmd_run(args) -> int:
    from kit.errors import StudyError
    from kit.outputs import console
    from kit.pipeline import NotebookFailed, run

    say = console(_study_arg(args.dir), args.include_names)  # printed: a working output

    def log(message):
        say.print(f"interview-kit run: {message}", file=sys.stderr)

    try:
        index = run(_study_arg(args.dir), args.out, sprint=args.sprint, include_names=args.include_names,
                    progress=not args.quiet, log=log, log_file=args.log, jobs=args.jobs, force=args.force)
    except KeyboardInterrupt as exc:
        import signal

        number = getattr(exc, "signal", signal.SIGINT)
        log(f"stopped by {signal.Signals(number).name}: kernels stopped, the build removed, "
            "the previous report is unchanged")
        return 128 + int(number)
    except StudyError as exc:
        _print_problems(exc.problems, study=_study_arg(args.dir), include_names=args.include_names)
        log("the study has errors; no notebook was run and the previous report is unchanged")
        return EXIT_PROBLEMS
    except NotebookFailed as exc:
        if "No space left on device" in str(exc.detail) or "Disk quota exceeded" in str(exc.detail):
            log(f"no space left on device ({exc.notebook}): free some space and run again; "
                "the previous report is unchanged")
            return EXIT_USAGE
        log(str(exc))
        log("the previous report is unchanged")
        return EXIT_NOTEBOOK
    print(index)
    return EXIT_OK


def cmd_review(args) -> int:
    from kit.review import review_command

    text, code = review_command(args.transcripts, args.interviewer, args.json,
                                include_names=getattr(args, "include_names", False))
    print(text)
    return code


def _emit(text: str, code: int, args=None) -> int:
    """Print a command's text (a working output, see :func:`_say`): to standard error when it
    reports problems."""
    if text:
        if args is not None:
            text = _say(args).clean(text)
        print(text, file=sys.stderr if code != EXIT_OK else sys.stdout)
    return code


def cmd_recruit(args) -> int:
    from kit.recruit import recruit_command
    from kit.safety import check_output

    if args.apply:  # writes the study's participants.csv: never the pool it reads
        check_output(Path(args.study) / "participants.csv", [(args.pool, "the pool (an input)")], option="--apply",
                     folder=False)

    return _emit(*recruit_command(args.pool, args.study, args.n, seed=args.seed, cooldown=args.cooldown_days,
                                  repo=args.repo, dry_run=not args.apply), args=args)


def cmd_index(args) -> int:
    from kit.cli.discovery import index_command

    return _emit(*index_command(args.repo), args=args)


def cmd_search(args) -> int:
    from kit.cli.discovery import search_command

    return _emit(*search_command(args.repo, args.query, code=args.code, segment=args.segment, since=args.since,
                                 as_json=args.json, limit=args.limit, include_names=args.include_names), args=args)


def cmd_export(args) -> int:
    from kit.qdpx import export_qdc, export_qdpx
    from kit.safety import check_output

    if not args.qdpx and not args.qdc:
        print("interview-kit export: give --qdpx FILE and/or --qdc FILE", file=sys.stderr)
        return EXIT_USAGE
    study_path = _study_arg(args.dir)
    if args.qdpx:
        check_output(args.qdpx, _inputs(study_path), option="--qdpx", folder=False, kind="qdpx", force=args.force)
    if args.qdc:
        check_output(args.qdc, _inputs(study_path) + ([(args.qdpx, "the --qdpx file")] if args.qdpx else []),
                     option="--qdc", folder=False, kind="qdc", force=args.force)
    study = _load_or_report(study_path)
    if study is None:
        return EXIT_PROBLEMS
    if args.qdpx:
        print(export_qdpx(study, args.qdpx, include_names=args.include_names))
    if args.qdc:
        if not len(study.codebook) and not len(study.codings):
            print("interview-kit export: the study has no codebook.yml and no codings: no codes to export",
                  file=sys.stderr)
            return EXIT_PROBLEMS
        print(export_qdc(study, args.qdc))
    return EXIT_OK


def cmd_themes(args) -> int:
    from kit.safety import check_output, mark_output
    from kit.theme_discovery import discover_themes, write_suggestions

    path = _study_arg(args.dir)
    check_output(args.out, _inputs(path), option="--out", force=args.force, kind="themes",
                 legacy=("suggested_themes.csv", "suggested_codebook.yml"))
    study = _load_or_report(path)
    if study is None:
        return EXIT_PROBLEMS
    try:
        result = discover_themes(study, n_themes=args.n_themes, seed=args.seed, embedding_model=args.embedding_model,
                                 include_names=args.include_names)
    except (FileNotFoundError, ValueError) as exc:
        _say(args).print(f"interview-kit themes: {exc}", file=sys.stderr)
        return EXIT_USAGE
    mark_output(args.out, kind="themes")
    for path in write_suggestions(result, args.out).values():
        print(path)
    print(f"interview-kit themes: {len(result.themes)} suggested themes, {len(result.unassigned)} of "
          f"{result.settings['n_passages']} passages unassigned; review suggested_codebook.yml before merging "
          "anything into the study's codebook.yml", file=sys.stderr)
    if len(result.themes) and not len(result.examples):
        print("interview-kit themes: no example passages: no participant consented to being quoted "
              "(consent_quote in participants.csv)", file=sys.stderr)
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

    p = sub.add_parser("lab", help="a working copy of the notebooks bound to a study, opened in JupyterLab")
    p.add_argument("dir", nargs="?", help="the study folder (default: the bundled pilot)")
    p.add_argument("--out", metavar="FOLDER",
                   help="where the working copy goes (default: DIR-notebooks beside the study); never inside it")
    p.add_argument("--no-browser", action="store_true", help="start JupyterLab without opening a browser")
    p.add_argument("--dry-run", action="store_true",
                   help="make the working copy and print the JupyterLab command instead of running it")
    p.add_argument("--force", action="store_true", help="write into an existing folder interview-kit did not write")
    p.set_defaults(func=cmd_lab)

    p = sub.add_parser("check", help="validate every file of a study; problems as path:line: message")
    p.add_argument("dir", nargs="?", help="the study folder (default: the bundled pilot)")
    p.add_argument("--include-names", action="store_true",
                   help="show participants' names in the problems, also in file names (internal use only)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("lint-guide", help="flag leading, closed, hypothetical, double-barreled and generalizing questions")
    p.add_argument("file", help="guide.yml, or a .txt with one question a line")
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per question")
    p.set_defaults(func=cmd_lint_guide)

    p = sub.add_parser("review", help="review transcripts for interviewer training: talk ratio, questions, "
                                      "probes, interruptions, time to the first story, a score")
    p.add_argument("transcripts", nargs="+", help="transcript files (.vtt .srt .txt) or folders of them")
    p.add_argument("--interviewer", action="append", metavar="LABEL",
                   help="the interviewer's label (repeat for several); default: inferred")
    p.add_argument("--json", action="store_true", help="one JSON object for one transcript, an array for several")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("analyze", help="write the analysis tables (no notebooks)")
    p.add_argument("dir", nargs="?", help="the study folder (default: the bundled pilot)")
    p.add_argument("--out", required=True, help="folder for the tables")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", type=_iso_date, help="date the program figures (overdue actions) as of this day "
                                                         "(default: today)")
    p.add_argument("--force", action="store_true",
                   help="write into an existing non-empty folder that interview-kit did not write")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("export", help="REFI-QDA exchange files for NVivo, ATLAS.ti, MAXQDA, QualCoder")
    p.add_argument("dir", nargs="?", help="the study folder (default: the bundled pilot)")
    p.add_argument("--qdpx", metavar="FILE", help="write a REFI-QDA project (.qdpx)")
    p.add_argument("--qdc", metavar="FILE", help="write a REFI-QDA codebook (.qdc)")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing FILE that is not a .qdpx/.qdc file interview-kit wrote")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("themes", help="suggest themes found without a codebook, with their evidence and a "
                                      "suggested codebook to review")
    p.add_argument("dir", nargs="?", help="the study folder (default: the bundled pilot)")
    p.add_argument("--out", required=True, help="folder for the suggestions (outside the study)")
    p.add_argument("--n-themes", type=_int_range(1), metavar="K", help="how many themes (default: sqrt(passages / 2), 2 to 30)")
    p.add_argument("--seed", type=_SEED, default=0, help="random seed: the same seed gives the same themes")
    p.add_argument("--embedding-model", metavar="PATH",
                   help="local word vectors (word2vec/GloVe text format) to group passages by meaning")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.add_argument("--force", action="store_true", help="write into an existing folder interview-kit did not write")
    p.set_defaults(func=cmd_themes)

    p = sub.add_parser("recruit", help="pick people from a CRM/analytics pool to fill the study's quotas")
    p.add_argument("pool", help="the pool CSV (id or email, name, email, segment attributes, ...)")
    p.add_argument("--study", required=True, help="the study whose participants.csv receives the invitations")
    p.add_argument("--n", type=_int_range(1), required=True, help="how many people to invite")
    p.add_argument("--seed", type=_SEED, default=0, help="random seed: the same seed picks the same people")
    p.add_argument("--cooldown-days", type=_int_range(0), default=90,
                   help="skip anyone interviewed in the repository within this many days (default 90)")
    p.add_argument("--repo", help="the research repository holding every study (default: the study's parent)")
    p.add_argument("--apply", action="store_true",
                   help="append the picks to participants.csv as invited (without it: a dry run)")
    p.set_defaults(func=cmd_recruit)

    p = sub.add_parser("index", help="build or update the research repository's full-text index")
    p.add_argument("repo", help="a folder of studies (one per sprint)")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="search quotes, insights, opportunities and turns across studies")
    p.add_argument("repo", help="a folder of studies (one per sprint)")
    p.add_argument("query", help='words to find, e.g. "late payment"')
    p.add_argument("--code", help="only segments with this code")
    p.add_argument("--segment", help="only participants of this segment")
    p.add_argument("--since", metavar="YYYY-MM-DD", type=_iso_date, help="only interviews on or after this date")
    p.add_argument("--limit", type=_int_range(1), default=20, help="how many hits (default 20)")
    p.add_argument("--json", action="store_true", help="hits as a JSON array")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("run", help="run every workflow notebook and write OUT/index.html")
    p.add_argument("dir", nargs="?", help="the study folder (default: the bundled pilot)")
    p.add_argument("--out", default="report", help="output folder (default: ./report)")
    p.add_argument("--sprint", type=_label, help="sprint label passed to the notebooks (default: study.yml's)")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.add_argument("--log", metavar="FILE",
                   help="append timestamped lines (start, one per notebook, end with the exit code) to FILE")
    p.add_argument("--jobs", type=_int_range(1), metavar="N", help="notebooks run at once (default: 2)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing non-empty folder that interview-kit did not write")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_run)
    return parser


def main(argv=None) -> int:
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
    except UsageError as exc:
        print(f"interview-kit {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except UnsafeTarget as exc:
        _say(args).print(f"interview-kit {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        if not is_disk_full(exc):  # permission denied, a file that vanished, ...: the environment, not a bug
            where = f": {exc.filename}" if exc.filename else ""
            print(f"interview-kit {args.command}: {exc.strerror or exc}{where}", file=sys.stderr)
            return EXIT_USAGE
        where = f" writing {exc.filename}" if exc.filename else ""
        _say(args).print(f"interview-kit {args.command}: no space left on device{where}: free some space and run again",
              file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interview-kit: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in the kit, not in the user's files
        return _internal_error(exc, args)


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


if __name__ == "__main__":
    raise SystemExit(main())
