"""``interview-kit lint-guide`` on large guide files: does the time grow with the file?

    python benchmarks/lint_scale.py                       # 250, 500, 1,000 and 2,000 questions
    python benchmarks/lint_scale.py --sizes 250 4000      # other sizes
    python benchmarks/lint_scale.py --profile 1000        # also a cProfile of one size

Builds, for each size, a ``.txt`` guide (one question a line) by cycling the questions of the
labelled sets (``tests/data/questions*.csv`` then ``tests/data/blind-linter-*/questions.csv``,
in that order; no duplicate before 4,000 questions) in a temporary folder, and lints it in
this process the way ``interview-kit lint-guide FILE --json`` does (``kit.guide.lint_file``,
then the JSON array of :func:`kit.cli.guide_output.lint_json`), ``--repeat`` times (default 1,
the lowest kept). It prints CPU seconds (``time.process_time``: a shared machine's other load
does not count) and CPU milliseconds per question. Target (issue 16): per-question time flat
within 1.5x from the smallest to the largest size; the exit code is 1 when missed.

With ``--profile N`` the N-question file is linted once more under cProfile (CPU clock) and
the functions with the most cumulative and own time are printed.
"""
from __future__ import annotations

import argparse
import cProfile
import csv
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

FLAT_TARGET = 1.5  # largest per-question time / smallest per-question time

__all__ = ["build_guide", "main", "questions", "time_lint"]


def questions() -> list[str]:
    """Every question of the labelled sets, in a fixed order, blank ones left out."""
    data = REPO / "tests" / "data"
    paths = sorted(data.glob("questions*.csv")) + sorted(data.glob("blind-linter-*/questions.csv"))
    out: list[str] = []
    for path in paths:
        with open(path, newline="", encoding="utf-8") as fh:
            out += [r["question"].replace("\n", " ").strip() for r in csv.DictReader(fh)
                    if (r.get("question") or "").strip()]
    return out


def build_guide(n: int, folder: Path, pool: list[str]) -> Path:
    """A .txt guide of ``n`` questions cycling ``pool``."""
    path = folder / f"guide-{n}.txt"
    path.write_text("\n".join(pool[i % len(pool)] for i in range(n)) + "\n", encoding="utf-8")
    return path


def _lint(path: Path) -> list[dict]:
    from kit.cli.guide_output import lint_json
    from kit.guide import lint_file

    result, problems = lint_file(path)
    return lint_json(result, problems)


def time_lint(path: Path, repeat: int = 1) -> float:
    """The lowest CPU seconds of ``repeat`` lints of ``path``."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        _lint(path)
        best = min(best, time.process_time() - t0)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--profile", type=int, metavar="N", help="profile the N-question file")
    args = ap.parse_args(argv)
    pool = questions()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _lint(build_guide(20, folder, pool))  # imports, tagger and lexicon loads out of the timing
        per = {}
        print(f"{'questions':>10}{'CPU s':>10}{'ms/question':>14}")
        for n in args.sizes:
            cpu = time_lint(build_guide(n, folder, pool), args.repeat)
            per[n] = 1000 * cpu / n
            print(f"{n:>10}{cpu:>10.2f}{per[n]:>14.2f}", flush=True)
        ratio = max(per.values()) / min(per.values())
        print(f"per-question time, largest / smallest: {ratio:.2f} (target <= {FLAT_TARGET})")
        if args.profile:
            path = build_guide(args.profile, folder, pool)
            prof = cProfile.Profile(time.process_time)
            prof.runcall(_lint, path)
            for key in ("cumulative", "tottime"):
                out = io.StringIO()
                pstats.Stats(prof, stream=out).sort_stats(key).print_stats(25)
                print(out.getvalue())
    return 0 if ratio <= FLAT_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
