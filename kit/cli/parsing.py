"""The command line's parser: sub-commands, options and their types, and the study argument.

A bad option value (``--as-of 2026-02-30``, ``--jobs 0``) is an argparse error (exit 2,
"invalid ... value"); a missing study folder or a file given for one is a
:class:`kit.cli.exits.UsageError` (exit 2). Each sub-command's function is in
:mod:`kit.cli.commands`.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from kit.cli.exits import UsageError

__all__ = ["build_parser", "enclosing_study", "study_here"]


_ANNOUNCED: set = set()


def study_here() -> Path | None:
    """The current folder when it is a study folder (it holds a study.yml), else None."""
    here = Path.cwd()
    return here if (here / "study.yml").is_file() else None


def enclosing_study() -> Path | None:
    """The study folder the current folder is or lies inside (the nearest folder up from it
    that holds a study.yml), else None."""
    here = Path.cwd()
    return next((folder for folder in (here, *here.parents) if (folder / "study.yml").is_file()), None)


def _study_arg(value: str | None) -> Path:
    """The study folder argument. When absent: the study folder the current folder is or lies
    in (the nearest folder up that holds a study.yml: ``transcripts/`` of a study means that
    study), else the bundled pilot; either is said once on stderr. A missing folder or a file
    is a :class:`UsageError` (exit 2, unreadable input), never a located ``path:0`` problem."""
    import sys

    from kit.paths import resolve_study

    if value is None or not str(value).strip():
        here = enclosing_study()
        if here is None:
            from kit.paths import pilot_path

            here = pilot_path()
            said = ("interview-kit: no study folder given and the current folder is not in one: using the "
                    f"bundled pilot ({here}); give your study's folder as DIR")
        elif here == Path.cwd():
            said = f"interview-kit: no study folder given: using the study in the current folder ({here})"
        else:
            said = f"interview-kit: no study folder given: using the study the current folder lies in ({here})"
        if here not in _ANNOUNCED:
            _ANNOUNCED.add(here)
            print(said, file=sys.stderr)
        return here
    path = resolve_study(value)
    if not path.exists():
        raise UsageError(f"{path}: no such study folder (unreadable input; create one with: interview-kit new DIR)")
    if not path.is_dir():
        hint = f" (the folder that holds it: {path.parent})" if path.name in _STUDY_FILES else ""
        raise UsageError(f"{path}: not a folder (unreadable input): give the study folder{hint}")
    return path

_STUDY_FILES = {"study.yml", "guide.yml", "participants.csv", "codebook.yml", "costs.csv", "decisions.csv"}

#: Files no guide is written in: tables, transcripts, exchange files, notebooks (``lint-guide``
#: reads a guide.yml, a text file of one question a line or a Word .docx; a file whose content
#: does not match its name is reported by the guide reader, :mod:`kit.guide.guide_lines`).
_NOT_GUIDES = {".csv", ".tsv", ".xlsx", ".xls", ".json", ".vtt", ".srt", ".pdf", ".qdpx", ".qdc",
               ".ipynb", ".html", ".zip"}
_NOT_GUIDE_NAMES = {"study.yml": "the study's settings", "codebook.yml": "the codebook",
                    "participants.csv": "the participants' roster", "costs.csv": "the cost ledger",
                    "decisions.csv": "the decision ledger"}


def _transcript_args(paths) -> list:
    """``review``'s inputs: a folder, or a transcript file (a suffix the kit reads,
    :data:`kit.study.TRANSCRIPT_SUFFIXES`); a file of another kind (an interview note ``.md``,
    a CSV table) is a :class:`UsageError` (exit 2), not read as if it were a transcript."""
    from kit.study import TRANSCRIPT_SUFFIXES

    for value in paths or []:
        path = Path(value)
        if path.is_dir() or path.suffix.lower() in TRANSCRIPT_SUFFIXES or not path.exists():
            continue  # folders are expanded, missing files reported by review itself
        what = ("an interview note: `check` and `analyze` read it with its study; review its transcript "
                "(the note's `transcript:`)") if path.suffix.lower() == ".md" else f"a {path.suffix or 'suffix-less'} file"
        raise UsageError(f"{path}: not a transcript ({what}); review reads {', '.join(TRANSCRIPT_SUFFIXES)} "
                         "files or a folder of them")
    return list(paths or [])


def _guide_arg(value):
    """``lint-guide``'s input: a guide.yml or a text file of questions; a study file of another
    kind (participants.csv, codebook.yml) or a table, transcript or exchange file is a
    :class:`UsageError` (exit 2), not linted line by line as if each row were a question."""
    path = Path(value)
    if path.is_dir() or not path.exists():
        return value  # reported by the linter
    kind = _NOT_GUIDE_NAMES.get(path.name.lower())
    if kind is None and path.suffix.lower() in _NOT_GUIDES:
        kind = f"a {path.suffix.lower()} file"
    if kind:
        raise UsageError(f"{path}: not a discussion guide ({kind}); lint-guide reads a guide.yml, a text "
                         "file with one question a line or a Word .docx")
    return value


def _inputs(study: Path) -> list[tuple[Path, str]]:
    """What no write target may be, contain or lie inside: the study (and the kit's own files);
    for the bundled pilot, also the study folder the current folder lies in, if any: the
    pilot's outputs are never written into a user's study."""
    from kit.paths import PACKAGE_DIR, pilot_path
    from kit.safety import shell_path

    inputs = [(study, "the study"), (PACKAGE_DIR, "the interview-kit package")]
    if Path(study).resolve() == pilot_path().resolve() and (yours := enclosing_study()) is not None:
        inputs.append((yours, "your study folder, which the bundled pilot's outputs never go into "
                              f"(to run on your study: interview-kit COMMAND {shell_path(yours)})"))
    return inputs


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

#: The largest whole number any option takes unless it says otherwise: a count, a day or a
#: number of jobs beyond it means nothing, and an unbounded one overflowed SQLite's integers
#: (``search --limit 99999999999999999999`` was an internal error).
MOST = 10**9


def _int_range(low: int, high: int | None = MOST, what: str = "a whole number"):
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not {what}") from None
        if number < low or (high is not None and number > high):
            if high in (None, MOST):  # the common ceiling is said only to a number above it
                bounds = f"at least {low}" if number < low else f"at most {MOST:,}"
            else:
                bounds = f"from {low} to {high}"
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


def build_parser() -> argparse.ArgumentParser:
    from kit import __version__
    from kit.cli import commands, formats

    parser = argparse.ArgumentParser(
        prog="interview-kit",
        description="A research methods kit for customer and user micro-interviews.")
    parser.add_argument("--version", action="version", version=f"interview-kit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("new", help="start a study folder from the templates (or the bundled pilot)")
    p.add_argument("dir", help="the folder to create; must not exist or be empty")
    p.add_argument("--example", choices=["pilot"], help="copy the bundled pilot study instead")
    p.set_defaults(func=commands.cmd_new)

    p = sub.add_parser("lab", help="a working copy of the notebooks bound to a study, opened in JupyterLab")
    p.add_argument("dir", nargs="?", help=formats.study_help())
    p.add_argument("--out", metavar="FOLDER",
                   help="where the working copy goes (default: DIR-notebooks beside the study); never inside it")
    p.add_argument("--no-browser", action="store_true", help="start JupyterLab without opening a browser")
    p.add_argument("--dry-run", action="store_true",
                   help="make the working copy and print the JupyterLab command instead of running it")
    p.add_argument("--force", action="store_true", help="write into an existing folder interview-kit did not write")
    p.set_defaults(func=commands.cmd_lab)

    p = sub.add_parser("check", help="validate every file of a study; problems as path:line: message")
    p.add_argument("dir", nargs="?", help=formats.study_help())
    p.add_argument("--include-names", action="store_true",
                   help="show participants' names in the problems, also in file names (internal use only)")
    p.set_defaults(func=commands.cmd_check)

    p = sub.add_parser("lint-guide", help="flag leading, closed, hypothetical, double-barreled and generalizing questions")
    p.add_argument("file", help=formats.guide_help())
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per question")
    p.set_defaults(func=commands.cmd_lint_guide)

    p = sub.add_parser("review", help="review transcripts for interviewer training: talk ratio, questions, "
                                      "probes, interruptions, time to the first story, a score")
    p.add_argument("transcripts", nargs="+", help=formats.transcripts_help())
    p.add_argument("--interviewer", action="append", metavar="LABEL",
                   help="the interviewer's label (repeat for several); default: inferred")
    p.add_argument("--json", action="store_true", help="one JSON object for one transcript, an array for several")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.set_defaults(func=commands.cmd_review)

    p = sub.add_parser("analyze", help="write the analysis tables (no notebooks)")
    p.add_argument("dir", nargs="?", help=formats.study_help())
    p.add_argument("--out", required=True, help="folder for the tables")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", type=_iso_date, help="date the program figures (overdue actions) as of this day "
                                                         "(default: today)")
    p.add_argument("--force", action="store_true",
                   help="write into an existing non-empty folder that interview-kit did not write")
    p.add_argument("--quiet", action="store_true", help="no progress bar (there is none when standard error is not a terminal)")
    p.set_defaults(func=commands.cmd_analyze)

    p = sub.add_parser("export", help="REFI-QDA exchange files for NVivo, ATLAS.ti, MAXQDA, QualCoder")
    p.add_argument("dir", nargs="?", help=formats.study_help())
    p.add_argument("--qdpx", metavar="FILE", help="write a REFI-QDA project (.qdpx)")
    p.add_argument("--qdc", metavar="FILE", help="write a REFI-QDA codebook (.qdc)")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing FILE that is not a .qdpx/.qdc file interview-kit wrote")
    p.set_defaults(func=commands.cmd_export)

    p = sub.add_parser("themes", help="suggest themes found without a codebook, with their evidence and a "
                                      "suggested codebook to review")
    p.add_argument("dir", nargs="?", help=formats.study_help())
    p.add_argument("--out", required=True, help="folder for the suggestions (outside the study)")
    p.add_argument("--n-themes", type=_int_range(1), metavar="K", help="how many themes (default: sqrt(passages / 2), 2 to 30)")
    p.add_argument("--seed", type=_SEED, default=0, help="random seed: the same seed gives the same themes")
    p.add_argument("--embedding-model", metavar="PATH",
                   help="local word vectors (word2vec/GloVe text format) to group passages by meaning")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.add_argument("--force", action="store_true", help="write into an existing folder interview-kit did not write")
    p.set_defaults(func=commands.cmd_themes)

    p = sub.add_parser("recruit", help="pick people from a CRM/analytics pool to fill the study's quotas")
    p.add_argument("pool", help=formats.pool_help())
    p.add_argument("--study", required=True, help="the study whose participants.csv receives the invitations")
    p.add_argument("--n", type=_int_range(1), required=True, help="how many people to invite")
    p.add_argument("--seed", type=_SEED, default=0, help="random seed: the same seed picks the same people")
    p.add_argument("--cooldown-days", type=_int_range(0), default=90,
                   help="skip anyone interviewed in the repository within this many days (default 90)")
    p.add_argument("--repo", help="the research repository holding every study (default: the study's parent)")
    p.add_argument("--apply", action="store_true",
                   help="append the picks to participants.csv as invited (without it: a dry run)")
    p.set_defaults(func=commands.cmd_recruit)

    p = sub.add_parser("index", help="build or update the research repository's full-text index")
    p.add_argument("repo", help="a folder of studies (one per sprint)")
    p.set_defaults(func=commands.cmd_index)

    p = sub.add_parser("search", help="search quotes, insights, opportunities and turns across studies")
    p.add_argument("repo", help="a folder of studies (one per sprint)")
    p.add_argument("query", help='words to find, e.g. "late payment"; a query starting with "-" is taken as the '
                   'query (search REPO -export), or put "--" before it (search REPO -- --export)')
    p.add_argument("--code", help="only segments with this code")
    p.add_argument("--segment", help="only participants of this segment")
    p.add_argument("--since", metavar="YYYY-MM-DD", type=_iso_date, help="only interviews on or after this date")
    p.add_argument("--limit", type=_int_range(1), default=20, help="how many hits (default 20)")
    p.add_argument("--json", action="store_true", help="hits as a JSON array")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.set_defaults(func=commands.cmd_search)

    p = sub.add_parser("run", help="run every workflow notebook and write OUT/index.html")
    p.add_argument("dir", nargs="?", help=formats.study_help())
    p.add_argument("--out", help="output folder (default: ./report; run inside a study folder: "
                                 "STUDY-report beside it)")
    p.add_argument("--sprint", type=_label, help="sprint label passed to the notebooks (default: study.yml's)")
    p.add_argument("--include-names", action="store_true", help="keep participants' names (internal use only)")
    p.add_argument("--log", metavar="FILE",
                   help="append timestamped lines (start, one per notebook, end with the exit code) to FILE")
    p.add_argument("--jobs", type=_int_range(1), metavar="N", help="notebooks run at once (default: 2, or 1 when the machine is busy)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing non-empty folder that interview-kit did not write")
    p.add_argument("--quiet", action="store_true", help="no progress bar (there is none when standard error is not a terminal)")
    p.set_defaults(func=commands.cmd_run)
    return parser
