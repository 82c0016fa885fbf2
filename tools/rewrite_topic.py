"""List the flagged questions whose suggested rewrite keeps the least of the question's topic.

    PYTHONPATH=. python tools/rewrite_topic.py tests/data/blind-linter-1*/questions.csv [--below 0.5]

One line per flagged question below the threshold, lowest first: the topic kept
(:func:`kit.guide.topic_overlap`), the grammar problems (:func:`kit.guide.grammar_problems`),
the question and its rewrite; with ``--lost``, the topic words the rewrite lost, and at the end
the words lost most often (the kinds of topic loss to fix). A reading aid for issue 16 item 3
(rewrites keep the topic).
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kit.guide import grammar_problems, lint_question, topic_overlap  # noqa: E402

__all__ = ["main"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="+", help="question sets with a 'question' column")
    ap.add_argument("--below", type=float, default=0.5, help="show rewrites keeping less than this share")
    ap.add_argument("--lost", action="store_true", help="name the topic words each rewrite lost")
    args = ap.parse_args(argv)
    rows = []
    counts: Counter = Counter()
    for path in args.csv:
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                r = lint_question(row["question"])
                if not r["flags"]:
                    continue
                ov = topic_overlap(row["question"], r["suggestion"])
                if ov < args.below:
                    lost = _lost(row["question"], r["suggestion"]) if args.lost else []
                    counts.update(lost)
                    rows.append((ov, "; ".join(grammar_problems(r["suggestion"])) or "ok",
                                 row["question"], r["suggestion"], lost))
    for ov, probs, q, sug, lost in sorted(rows, key=lambda r: r[0]):
        print(f"{ov:.2f} {probs:<20} {q}  ->  {sug}" + (f"  [lost: {', '.join(lost)}]" if lost else ""))
    if args.lost:
        print("lost most often: " + ", ".join(f"{w} {n}" for w, n in counts.most_common(30)))
    return 0


def _lost(question: str, rewrite: str) -> list[str]:
    """The question's topic words (as the measure reads them) that ``rewrite`` does not keep."""
    from kit.guide.checks import _lemmas
    from kit.guide.retell11 import topic_words

    own, _ = topic_words(question, _lemmas)
    return sorted(t for t in set(own) if topic_overlap(t, rewrite) < 1.0)


if __name__ == "__main__":
    raise SystemExit(main())
