"""Write the questions the question linter's fast tests pin as a labelled set of their own.

    python tools/lint_model_pinned.py            # writes tests/data/lint_pinned.csv

The hard negatives of the trained model (issue 16, session 9; docs/design.md, "Question
linter", "Trained model, session 9"): the tests of ``tests/test_guide*.py`` and
``tests/test_lint*.py`` (but the model's own ``test_guide_model*.py``) pin which flags the linter gives (one-thing pairs, joint acts, probes,
polite requests, rewrites that must lint clean, ...). Every string literal of those files that
reads as one interview question (one line of 3 to 60 words that
:func:`kit.guide.guide_lines.classify` takes as a question) is written with the flags the
linter's rules give it (``kit.guide.lint._analyse``, the model off): the fast tests pass, so on the
questions they assert about, the rules' flags are the flags the tests require. Questions of the
final hold-out sets (``HOLD_OUT``: session 18's, blind-linter-45 and -46; session 17's, 43 and 44, were released to session 18,
session 16's, blind-linter-41 and -42, to session 17) are left out. Columns: ``question, source, leading,
closed, hypothetical, double_barreled, generalizing`` (``source`` the test file). Deterministic;
written to a temporary file and moved into place.
"""
from __future__ import annotations

import argparse
import ast
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kit.guide.guide_lines import classify  # noqa: E402
from kit.guide.lexicon import FLAGS  # noqa: E402
from kit.guide.lint import _analyse, question_text  # noqa: E402

OUT = REPO / "tests" / "data" / "lint_pinned.csv"
# the final hold-outs (empty: session 15's, blind-linter-39 and -40, were released to session 16)
HOLD_OUT: tuple[str, ...] = ("blind-linter-45", "blind-linter-46")  # session 18's final hold-outs (43, 44 released to it)
COLUMNS = ["question", "source", "leading", "closed", "hypothetical", "double_barreled", "generalizing"]


def strings(path: Path) -> list[str]:
    """Every string literal of one Python file, in order of appearance."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [(n.lineno, n.col_offset, n.value) for n in ast.walk(tree)
             if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return [s for _, _, s in sorted(found)]


def is_question(s: str) -> bool:
    """One line of 3 to 60 words that a guide would read as a question."""
    s = s.strip()
    if not s or "\n" in s or not 3 <= len(s.split()) <= 60 or "{" in s or s.startswith(("-", "kit.", "tests/")):
        return False
    return classify(s)[0] == "question" and s[0].isalpha()


def held_out() -> set[str]:
    out = set()
    for name in HOLD_OUT:
        path = REPO / "tests" / "data" / name / "questions.csv"
        if path.is_file():
            with open(path, newline="", encoding="utf-8") as fh:
                out.update(question_text(r["question"]).strip() for r in csv.DictReader(fh))
    return out


def pinned_rows() -> list[dict]:
    files = [p for p in sorted(REPO.glob("tests/test_guide*.py")) + sorted(REPO.glob("tests/test_lint*.py"))
             if not p.name.startswith("test_guide_model")]  # the model's own tests are not its data
    skip, seen, rows = held_out(), set(), []
    for path in files:
        for s in strings(path):
            q = question_text(s).strip()
            if q in seen or q in skip or not is_question(q):
                continue
            seen.add(q)
            reasons = _analyse(q)[1]  # the rules alone (a rewrite's follow-up judged on its own)
            rows.append({"question": q, "source": path.name,
                         **{f.replace("-", "_"): int(f in reasons) for f in FLAGS}})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = pinned_rows()
    tmp = args.out.with_name(args.out.name + ".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    tmp.replace(args.out)
    print(f"wrote {args.out}: {len(rows)} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
