"""One function per sub-command: each takes the parsed arguments and returns the exit code
(:mod:`kit.cli.exits`). Every write target (``--out``, ``--qdpx``, ``--qdc``, ``--log``,
``new DIR``) goes through :func:`kit.safety.check_output` before anything is read or written.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from kit.cli.exits import EXIT_NOTEBOOK, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from kit.cli.parsing import _guide_arg, _inputs, _study_arg, _transcript_args, enclosing_study
from kit.cli.printing import _emit, _print_problems, _say
from kit.safety import escape_controls, one_line_path, shell_path

__all__ = ["cmd_new", "cmd_lab", "cmd_check", "cmd_lint_guide", "cmd_analyze", "cmd_run", "cmd_review",
           "cmd_recruit", "cmd_index", "cmd_search", "cmd_export", "cmd_themes"]


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
        print(escape_controls(f"interview-kit new: {exc}", backslash=False), file=sys.stderr)
        return EXIT_USAGE
    what = "the bundled pilot" if args.example else "the templates"
    # one line whatever the folder's name (a newline in it: shell-quoted, as `check` reads it back)
    print(f"created {one_line_path(path)} from {what}; next: interview-kit check {shell_path(path)}")
    return EXIT_OK

def cmd_lab(args) -> int:
    from kit.safety import check_output, mark_output
    from kit.cli.lab import LabError, default_lab_dir, lab_command, lab_copy

    if not (args.dir is not None and str(args.dir).strip()) and enclosing_study() is not None:
        args.dir = str(_study_arg(None))  # inside a study folder: that study
    if args.dir is not None and str(args.dir).strip():
        study_path = Path(args.dir).expanduser()
        inputs = _inputs(study_path)
    else:
        from kit.paths import pilot_path

        study_path, inputs = None, _inputs(pilot_path())[1:]  # the kit's files; a study the folder is in
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
    _say(args).print(f"working copy of the notebooks: {one_line_path(target)}{kept}; {len(written)} notebook(s) "
                     "written", file=sys.stderr)
    command = lab_command(target, open_browser=not args.no_browser)
    if args.dry_run:  # shell-quoted: a path with spaces or quotes pastes back as one argument
        import shlex

        print(shlex.join(command))
        return EXIT_OK
    return _serve_lab(command, target, clean=_say(args).clean)

def _serve_lab(command: list[str], cwd: Path, clean=None) -> int:
    """Run JupyterLab (:func:`kit.cli.lab.serve_lab`: stopped with this process on SIGTERM,
    SIGHUP, SIGINT). A JupyterLab that stops with an error is exit 2 with its last messages
    (never exit 1, which means problems in the study's files)."""
    from kit.cli.lab import serve_lab

    try:
        code, tail = serve_lab(command, cwd, clean=clean)
    except OSError as exc:
        print(f"interview-kit lab: cannot start JupyterLab: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if code == 0 or code in (-2, -15, -1, 130, 143):  # stopped by the user or a signal
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
    shown = escape_controls(path, backslash=False)  # one line whatever the folder's name
    summary = f"{shown}: {errors} error(s), {warnings} warning(s)"
    _say(args).print(summary if problems else f"{shown}: ok", file=sys.stderr)
    return EXIT_PROBLEMS if errors else EXIT_OK

def cmd_lint_guide(args) -> int:
    from kit.guide import format_report, lint_file

    result, problems = lint_file(_guide_arg(args.file))
    if problems and result is None:  # unreadable: "PATH: message" (no line to point at)
        say = _say(args)  # a working output: a file named after a participant is redacted
        for problem in problems:
            where = f"{problem.path}:{problem.line}" if problem.line else problem.path
            say.print(f"interview-kit lint-guide: {where}: {problem.message}", file=sys.stderr)
        return EXIT_USAGE
    from kit.cli.guide_output import lint_exit_code, lint_json

    say = _say(args)  # a guide may name someone ("Hi Maria, ..."): printed, a working output
    if args.json:  # every finding the text shows (questions, file, structure, time budget)
        print(json.dumps(say.clean_value(lint_json(result, problems)), indent=2, ensure_ascii=False))
    else:
        say.print(format_report(result))
    _print_problems(problems)
    return lint_exit_code(result, problems)

def _progress(args) -> bool:
    """Whether a command shows progress bars: not with ``--quiet``, and only when standard error
    is a terminal (a file, a pipe, cron mail or a CI log gets the problems, one a line, not the
    bars' carriage-return frames: attacker, session 11)."""
    if getattr(args, "quiet", False):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False

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

    from kit.analyze_memory import keep_freed_memory

    study_path = _study_arg(args.dir)
    check_output(args.out, _inputs(study_path), option="--out", force=args.force, legacy=("turns.csv", "themes.csv"),
                 kind="analyze")
    keep_freed_memory()  # a batch that ends with the command: freed memory is reused, not faulted in again
    study = _load_or_report(study_path, progress=_progress(args))
    if study is None:
        return EXIT_PROBLEMS
    mark_output(args.out, kind="analyze")
    paths = analyze(study, args.out, include_names=args.include_names, progress=_progress(args),
                    as_of=args.as_of)
    for path in paths.values():
        print(one_line_path(path))
    return EXIT_OK

def cmd_run(args) -> int:
    from kit.errors import StudyError
    from kit.outputs import console
    from kit.pipeline import NotebookFailed, run

    say = console(_study_arg(args.dir), args.include_names)  # printed: a working output
    if args.out is None:  # inside a study folder the report goes beside it, never into it
        here = None if args.dir else enclosing_study()
        args.out = str(here.parent / f"{here.name}-report") if here is not None else "report"
    if extra := _inputs(_study_arg(args.dir))[2:]:  # the pilot, run inside a study: never into it
        from kit.safety import check_output

        check_output(args.out, extra, option="--out", force=True)

    def log(message):
        say.print(f"interview-kit run: {message}", file=sys.stderr)

    try:
        index = run(_study_arg(args.dir), args.out, sprint=args.sprint, include_names=args.include_names,
                    progress=_progress(args), log=log, log_file=args.log, jobs=args.jobs, force=args.force)
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
    print(one_line_path(index))  # one line even when the path holds a newline (shell-quoted then)
    return EXIT_OK

def cmd_review(args) -> int:
    from kit.cli.review import review_command

    text, code = review_command(_transcript_args(args.transcripts), args.interviewer, args.json,
                                include_names=getattr(args, "include_names", False))
    print(text)
    return code

def cmd_recruit(args) -> int:
    from kit.cli.recruit import recruit_command
    from kit.safety import check_output

    if args.apply:  # writes the study's participants.csv: never the pool it reads
        check_output(Path(args.study) / "participants.csv", [(args.pool, "the pool (an input)")], option="--apply", studies=False,
                     folder=False)

    return _emit(*recruit_command(args.pool, args.study, args.n, seed=args.seed, cooldown=args.cooldown_days,
                                  repo=args.repo, dry_run=not args.apply), args=args)

def cmd_index(args) -> int:
    from kit.cli.discovery import index_command  # not through kit.repository: it imports search and trends too

    return _emit(*index_command(args.repo), args=args)

def cmd_search(args) -> int:
    from kit.cli.discovery import search_command

    text, code = search_command(args.repo, args.query, code=args.code, segment=args.segment, since=args.since,
                                as_json=args.json, limit=args.limit, include_names=args.include_names)
    # results come redacted from search_command; the query it echoes is the user's own, as typed
    return _emit(text, code, args=args if code else None)

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
        print(one_line_path(export_qdpx(study, args.qdpx, include_names=args.include_names)))
        from kit.qdpx import export_summary
        _say(args).print(escape_controls(f"interview-kit export: {export_summary(study)}", backslash=False),
                         file=sys.stderr)
        from kit.consent_repository import study_consent_conflicts

        for problem in study_consent_conflicts(study):  # a consent withdrawn in another sprint (attacker s16 A15)
            _say(args).print(escape_controls(str(problem), backslash=False), file=sys.stderr)
    if args.qdc:
        if not len(study.codebook) and not len(study.codings):
            print("interview-kit export: the study has no codebook.yml and no codings: no codes to export",
                  file=sys.stderr)
            return EXIT_PROBLEMS
        print(one_line_path(export_qdc(study, args.qdc)))
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
        if args.embedding_model is None:  # only the word-vector file is the user's input: else a bug (exit 4)
            raise
        _say(args).print(f"interview-kit themes: {exc}", file=sys.stderr)
        return EXIT_USAGE
    fitted = result.settings.get("n_themes_fitted")
    if args.n_themes is not None and fitted is not None and fitted < args.n_themes:
        print(f"interview-kit themes: note: --n-themes {args.n_themes} asks for more themes than the study can "
              f"give ({result.settings['n_passages']} passages); fitted {fitted}", file=sys.stderr)
    mark_output(args.out, kind="themes")
    for path in write_suggestions(result, args.out).values():
        print(one_line_path(path))
    print(f"interview-kit themes: {len(result.themes)} suggested themes, {len(result.unassigned)} of "
          f"{result.settings['n_passages']} passages unassigned; review suggested_codebook.yml before merging "
          "anything into the study's codebook.yml", file=sys.stderr)
    if result.settings.get("third_speaker_passages"):
        print(f"interview-kit themes: note: {result.settings['third_speaker_passages']} turn(s) or key quote(s) of "
              "third speakers (no participant: `speakers:` in a note) left out: their words count for no "
              "participant and shape no theme (analyze's turns.csv keeps them)", file=sys.stderr)
    if len(result.themes) and not len(result.examples):
        print("interview-kit themes: no example passages: no participant consented to being quoted "
              "(consent_quote in participants.csv)", file=sys.stderr)
    return EXIT_OK
