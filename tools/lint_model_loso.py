"""Would a small trained model raise the question linter's recall on an unseen author's set?

    python tools/lint_model_loso.py [--rules-cache FILE]

An experiment of issue 16 (its result decided that no model ships; docs/design.md, "Question
linter"). For each independent set (blind1, blind2, blind-linter-3, -4, -5, -7, -8) it fits, per
flag, a logistic regression (scikit-learn ``LogisticRegression``, L2, C=1, lbfgs, seeded) on all
the other labelled sets in ``tests/data`` (no question of the left-out set; a question in two
sets used once) and prints recall and false-flag rate on the left-out set of the rules alone and
of "rule OR model above its threshold". Features: the question's lower-cased word unigrams and
bigrams (``<s>`` marks a sentence start) and the flags the rules raised, all binary. The
threshold of a flag is the lowest of ``GRID`` at which the model alone, out of fold (5-fold,
seeded) on the training sets, adds false flags on at most ``MAX_ADDED_FFR`` of the negatives.
Deterministic. Takes a few minutes (the rules run once on every question; ``--rules-cache``
keeps their flags in a JSON file between runs).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kit.guide.lexicon import FLAGS  # noqa: E402

DATA = REPO / "tests" / "data"
COLUMN = {"leading": "leading", "closed": "closed", "hypothetical": "hypothetical",
          "double-barreled": "double_barreled", "generalizing": "generalizing"}
INDEPENDENT = {"blind1": DATA / "questions_blind1.csv", "blind2": DATA / "questions_blind2.csv",
               "blind3": DATA / "blind-linter-3" / "questions.csv", "blind4": DATA / "blind-linter-4" / "questions.csv",
               "blind5": DATA / "blind-linter-5" / "questions.csv", "blind7": DATA / "blind-linter-7" / "questions.csv",
               "blind8": DATA / "blind-linter-8" / "questions.csv"}
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
C = 1.0
SEED = 16
GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
MAX_ADDED_FFR = 0.01


def features(question: str, rule_flags=()) -> list[str]:
    """Binary features: ``w:<word>``, ``b:<word> <word>`` and ``rule:<flag>``. Sorted, unique."""
    text = str(question).lower().replace("\u2019", "'").replace("\u2018", "'")
    feats = set()
    for sent in re.split(r"[.?!\u2014\u2013;]+|\s-\s", text):
        toks = _TOKEN.findall(sent)
        feats.update("w:" + t for t in toks)
        feats.update("b:" + a + " " + b for a, b in zip(["<s>"] + toks, toks))
    feats.update("rule:" + f for f in rule_flags)
    return sorted(feats)


def set_paths() -> list[Path]:
    """Every labelled set (blind-linter-2/questions.csv is blind2 with other columns: skipped)."""
    paths = sorted(DATA.glob("questions*.csv")) + sorted(DATA.glob("blind-linter-*/questions.csv"))
    return [p for p in paths if p.parent.name != "blind-linter-2"]


def load_sets() -> dict[Path, list[dict]]:
    out = {}
    for p in set_paths():
        with open(p, newline="", encoding="utf-8") as fh:
            out[p] = list(csv.DictReader(fh))
    return out


def rule_flags(questions, cache: Path | None = None) -> dict[str, list[str]]:
    """The rules' flags of every question (read from / written to ``cache`` when given)."""
    known = json.loads(cache.read_text()) if cache and cache.exists() else {}
    missing = [q for q in questions if q not in known]
    if missing:
        from kit.guide.lint import _analyse
        for q in missing:
            reasons = _analyse(q)[1]
            known[q] = [f for f in FLAGS if f in reasons]
        if cache:
            cache.write_text(json.dumps(known))
    return known


def examples(sets: dict[Path, list[dict]], flag: str, exclude=frozenset()):
    """(question, label) for ``flag`` over the sets with its column, each question once."""
    seen, out = set(), []
    for rows in sets.values():
        if not rows or COLUMN[flag] not in rows[0]:
            continue
        for r in rows:
            q = r["question"]
            if q in seen or q in exclude:
                continue
            seen.add(q)
            out.append((q, int(r[COLUMN[flag]].strip() == "1")))
    return out


def fit(qs, ys, rules):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(features(q, rules[q]), 1) for q in qs])
    clf = LogisticRegression(C=C, solver="lbfgs", random_state=SEED, max_iter=2000)
    clf.fit(X, ys)
    return vec, clf


def predict(vec, clf, qs, rules):
    X = vec.transform([dict.fromkeys(features(q, rules[q]), 1) for q in qs])
    return clf.predict_proba(X)[:, 1]


def threshold(qs, ys, rules, flag) -> float:
    """The lowest threshold of GRID whose out-of-fold added false-flag rate is <= MAX_ADDED_FFR."""
    from sklearn.model_selection import StratifiedKFold
    ys = np.asarray(ys)
    p = np.zeros(len(qs))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(np.zeros(len(ys)), ys):
        vec, clf = fit([qs[i] for i in tr], ys[tr], rules)
        p[te] = predict(vec, clf, [qs[i] for i in te], rules)
    ruled = np.array([flag in rules[q] for q in qs])
    neg = ys == 0
    for t in GRID:
        added = (p >= t) & ~ruled & neg
        if added.sum() / max(neg.sum(), 1) <= MAX_ADDED_FFR:
            return t
    return 1.01


def loso(sets, rules) -> None:
    print(f"{'left out':<8}{'flag':<17}{'support':>8}{'rules rec':>10}{'rules FFR':>10}{'+model rec':>11}"
          f"{'+model FFR':>11}{'thr':>6}")
    for name, path in INDEPENDENT.items():
        test = sets[path]
        exclude = frozenset(r["question"] for r in test)
        train_sets = {p: rows for p, rows in sets.items() if p != path}
        for flag in FLAGS:
            if COLUMN[flag] not in test[0]:
                continue
            ex = examples(train_sets, flag, exclude)
            qs, ys = [q for q, _ in ex], [y for _, y in ex]
            vec, clf = fit(qs, ys, rules)
            t = threshold(qs, ys, rules, flag)
            tq = [r["question"] for r in test]
            ty = np.array([int(r[COLUMN[flag]].strip() == "1") for r in test])
            ruled = np.array([flag in rules[q] for q in tq])
            both = ruled | (predict(vec, clf, tq, rules) >= t)
            pos, neg = ty == 1, ty == 0
            print(f"{name:<8}{flag:<17}{pos.sum():>8}{(ruled & pos).sum() / pos.sum():>10.3f}"
                  f"{(ruled & neg).sum() / neg.sum():>10.3f}{(both & pos).sum() / pos.sum():>11.3f}"
                  f"{(both & neg).sum() / neg.sum():>11.3f}{t:>6.2f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rules-cache", type=Path, help="JSON cache of the rules' flags per question")
    args = ap.parse_args(argv)
    sets = load_sets()
    rules = rule_flags(sorted({r["question"] for rows in sets.values() for r in rows}), args.rules_cache)
    loso(sets, rules)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
