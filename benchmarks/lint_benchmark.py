"""Benchmark the question linter against the hand-labelled question sets.

    python benchmarks/lint_benchmark.py [CSV ...]

For each flag prints support, TP, FP, FN, precision, recall and the false-flag rate
(FP / questions without the flag), then the kind accuracy. The labelled set
(tests/data/questions.csv) must reach the floors: recall >= 0.90 and a false-flag rate
<= 0.05 for every flag; the hold-out set (tests/data/questions_holdout.csv, written after
the linter and never tuned on) is reported separately. Exit code 1 when the labelled set
misses a floor (or, with --strict, when any set does).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kit.guide import FLAGS, lint_question  # noqa: E402

DATA = REPO / "tests" / "data"
LABELLED = DATA / "questions.csv"
HOLDOUT = DATA / "questions_holdout.csv"
MIN_RECALL = 0.90
MAX_FALSE_FLAG_RATE = 0.05
COLUMN = {"leading": "leading", "closed": "closed", "hypothetical": "hypothetical",
          "double-barreled": "double_barreled"}


def load(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def evaluate(rows: list[dict]) -> dict:
    """Per-flag confusion counts, the kind accuracy and the misses."""
    stats = {f: {"support": 0, "tp": 0, "fp": 0, "fn": 0, "negatives": 0} for f in FLAGS}
    kind_ok = 0
    misses = []
    for row in rows:
        got = lint_question(row["question"])
        for flag in FLAGS:
            want = row[COLUMN[flag]].strip() == "1"
            has = flag in got["flags"]
            s = stats[flag]
            s["support"] += want
            s["negatives"] += not want
            if want and has:
                s["tp"] += 1
            elif has and not want:
                s["fp"] += 1
                misses.append(("FP", flag, row["question"]))
            elif want and not has:
                s["fn"] += 1
                misses.append(("FN", flag, row["question"]))
        if got["kind"] == row["kind"].strip():
            kind_ok += 1
        else:
            misses.append(("KIND", f"{row['kind']}->{got['kind']}", row["question"]))
    for s in stats.values():
        s["precision"] = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        s["recall"] = s["tp"] / s["support"] if s["support"] else 1.0
        s["false_flag_rate"] = s["fp"] / s["negatives"] if s["negatives"] else 0.0
    return {"n": len(rows), "flags": stats, "kind_accuracy": kind_ok / len(rows) if rows else 0.0,
            "misses": misses}


def passes(result: dict) -> bool:
    return all(s["recall"] >= MIN_RECALL and s["false_flag_rate"] <= MAX_FALSE_FLAG_RATE
               for s in result["flags"].values())


def report(name: str, result: dict, show_misses: bool = False) -> str:
    lines = [f"{name}: {result['n']} questions",
             f"  {'flag':<16}{'support':>8}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}{'false-flag':>12}"]
    for flag, s in result["flags"].items():
        ok = s["recall"] >= MIN_RECALL and s["false_flag_rate"] <= MAX_FALSE_FLAG_RATE
        lines.append(f"  {flag:<16}{s['support']:>8}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}"
                     f"{s['precision']:>11.3f}{s['recall']:>8.3f}{s['false_flag_rate']:>12.3f}"
                     f"  {'ok' if ok else 'BELOW FLOOR'}")
    lines.append(f"  kind accuracy: {result['kind_accuracy']:.3f}")
    if show_misses:
        for kind, what, q in result["misses"]:
            lines.append(f"    {kind:<4} {what:<18} {q}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="*", help="labelled CSV files (default: the labelled and hold-out sets)")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--strict", action="store_true", help="also fail when the hold-out set misses a floor")
    args = ap.parse_args(argv)
    paths = [Path(p) for p in args.csv] or [p for p in (LABELLED, HOLDOUT) if p.exists()]
    failed = False
    print(f"floors: recall >= {MIN_RECALL:.2f}, false-flag rate <= {MAX_FALSE_FLAG_RATE:.2f} per flag")
    for path in paths:
        result = evaluate(load(path))
        print(report(path.name, result, args.misses))
        ok = passes(result)
        if not ok and (path == paths[0] or args.strict):
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
