"""List the flagged questions whose suggested rewrite keeps the least of the question's topic.

    PYTHONPATH=. python tools/rewrite_topic.py tests/data/blind-linter-1*/questions.csv [--below 0.5]

One line per flagged question below the threshold, lowest first: the topic kept
(:func:`kit.guide.topic_overlap`), the grammar problems (:func:`kit.guide.grammar_problems`),
the question and its rewrite. A reading aid for issue 16 item 3 (rewrites keep the topic).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kit.guide import grammar_problems, lint_question, topic_overlap  # noqa: E402

__all__ = ["main"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="+", help="question sets with a 'question' column")
    ap.add_argument("--below", type=float, default=0.5, help="show rewrites keeping less than this share")
    args = ap.parse_args(argv)
    rows = []
    for path in args.csv:
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                r = lint_question(row["question"])
                if not r["flags"]:
                    continue
                ov = topic_overlap(row["question"], r["suggestion"])
                if ov < args.below:
                    rows.append((ov, "; ".join(grammar_problems(r["suggestion"])) or "ok",
                                 row["question"], r["suggestion"]))
    for ov, probs, q, sug in sorted(rows, key=lambda r: r[0]):
        print(f"{ov:.2f} {probs:<20} {q}  ->  {sug}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
