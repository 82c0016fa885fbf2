"""Would a small trained model raise the question linter's recall on unseen authors' sets?

    python tools/lint_model_train.py --search            # grouped CV over the training sets
    python tools/lint_model_train.py --measure           # rules vs rules OR model on blind15-17
    python tools/lint_model_train.py --write OUT [--final]   # the weights as JSON
    python tools/lint_model_train.py --corpus [--final]  # rules vs rules OR model, real interviews

An experiment of issue 16, session 7 (its result and why the model is not shipped:
docs/design.md, "Question linter", "Trained model, session 7"). Per flag, a logistic regression
(scikit-learn ``LogisticRegression``, L2, liblinear, seeded) over the binary features of
:func:`features` (the words and word pairs of each sentence as the linter reads them;
character 3-5-grams were tried and lowered the cross-validated recall), fitted on the labelled
question sets in ``tests/data``: every ``questions*.csv`` and ``blind-linter-*/questions.csv``
except ``blind-linter-2`` (blind2 again, with another column format) and, unless ``--final``,
the held-out sets ``HELD_OUT`` (blind-linter-15, -16, -17). A question in two sets is used once
(its first set). Features seen in fewer than ``MIN_DF`` training questions are dropped; after a
first fit only the ``KEEP`` features with the largest absolute weight are kept and the model is
fitted again on them; weights are rounded to ``DIGITS`` decimals (what is written is what was
scored, by the pure-Python :class:`Model`).

Threshold of a flag: the lowest of 0.05, 0.06, ... 0.99 at which the model alone, out of fold
(``GroupKFold`` with the labelled set as group: no set is split between training and scoring),
flags at most ``MAX_FFR`` of the training questions without the flag. The rules play no part in
training (they were tuned on these sets, so a model that leaned on them would learn that they
are never wrong); ``--measure`` combines the two as "rule OR model".

Hyper-parameters (``C``, ``KEEP``, ``KINDS``) were chosen with ``--search``: grouped CV on the
training sets only, the mean over flags of the out-of-fold recall at the threshold above.
Deterministic: ``--write`` gives the same bytes on every run. Takes about 5 minutes per
``--search`` row and 3 for ``--measure`` on a shared machine.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kit.guide.cues import normalise  # noqa: E402
from kit.guide.lexicon import FLAGS, _sentences  # noqa: E402
from kit.guide.words import words  # noqa: E402

DATA = REPO / "tests" / "data"
COLUMN = {"leading": "leading", "closed": "closed", "hypothetical": "hypothetical",
          "double-barreled": "double_barreled", "generalizing": "generalizing"}
HELD_OUT = ("blind-linter-15", "blind-linter-16", "blind-linter-17")
SKIPPED = ("blind-linter-2",)
SEED = 16
C = 1.0
KEEP = 1000
KINDS = "wb"  # feature kinds: w(ord), b(igram), c(haracter n-gram)
MIN_DF = 2
DIGITS = 4
MAX_FFR = 0.03
FOLDS = 5
GRID = tuple(round(0.05 + 0.01 * i, 2) for i in range(95))


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_PUNCT = {",", ".", ";", ":", "!", "(", ")", "\u2014"}
_CHAR_N = (3, 4, 5)


def features(question: str, chars: bool = False) -> list[str]:
    """The binary features of one question (``w:`` and ``b:`` strings, and ``c:`` ones when
    ``chars``), sorted, unique. ``question`` is the text as
    :func:`kit.guide.lint.question_text` gives it.
    """
    return list(_features(str(question), chars))


@lru_cache(maxsize=16384)
def _features(question: str, chars: bool = False) -> tuple[str, ...]:
    feats: set[str] = set()
    for sent in _sentences(normalise(question.replace("\u2019", "'").replace("\u2018", "'"))):
        toks = [t for t in words(sent) if t not in _PUNCT]
        feats.update("w:" + t for t in toks)
        feats.update("b:" + a + " " + b for a, b in zip(["<s>", *toks], toks))
    if not chars:
        return tuple(sorted(feats))
    low = question.lower().replace("\u2019", "'").replace("\u2018", "'")
    for w in set(_WORD.findall(low)):
        padded = f" {w} "
        for n in _CHAR_N:
            feats.update("c:" + padded[i:i + n] for i in range(len(padded) - n + 1))
    return tuple(sorted(feats))


class Model:
    """One flag's logistic regression: ``weights`` (feature -> coefficient), ``intercept``
    and ``threshold`` (the probability from which the model flags)."""

    def __init__(self, weights: dict[str, float], intercept: float, threshold: float):
        self.weights = weights
        self.intercept = intercept
        self.threshold = threshold

    def logit(self, feats) -> float:
        return self.intercept + sum(self.weights.get(f, 0.0) for f in feats)

    def probability(self, question: str) -> float:
        """The model's probability (0..1) that ``question`` has the flag."""
        z = self.logit(_features(str(question)))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def cues(self, question: str, k: int = 3) -> list[str]:
        """The ``k`` word or word-pair features that push ``question`` most towards the flag,
        as the words they stand for (character n-grams are not named)."""
        scored = sorted(((self.weights.get(f, 0.0), f) for f in _features(str(question)) if f[0] in "wb"),
                        key=lambda wf: (-wf[0], wf[1]))
        out: list[str] = []
        for w, f in scored:
            cue = f[2:].replace("<s> ", "")
            if w <= 0 or len(out) == k:
                break
            if cue not in out:
                out.append(cue)
        return out


def set_name(path: Path) -> str:
    return path.parent.name if path.parent.name.startswith("blind-linter-") else path.stem


def load_sets(final: bool = False) -> dict[str, list[dict]]:
    """Set name -> rows of every labelled set used for training (``final``: the held-out too)."""
    paths = sorted(DATA.glob("questions*.csv")) + sorted(DATA.glob("blind-linter-*/questions.csv"),
                                                         key=lambda p: int(p.parent.name.rsplit("-", 1)[1]))
    out = {}
    for p in paths:
        name = set_name(p)
        if name in SKIPPED or (name in HELD_OUT and not final):
            continue
        with open(p, newline="", encoding="utf-8") as fh:
            out[name] = list(csv.DictReader(fh))
    return out


def read_set(name: str) -> list[dict]:
    with open(DATA / name / "questions.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def text(question: str) -> str:
    from kit.guide.lint import question_text
    return question_text(question).strip()


def examples(sets: dict[str, list[dict]], flag: str, exclude=frozenset()):
    """(questions, labels, groups) for ``flag`` over the sets with its column, each question once."""
    seen, qs, ys, gs = set(), [], [], []
    for name, rows in sets.items():
        if not rows or COLUMN[flag] not in rows[0]:
            continue
        for r in rows:
            q = text(r["question"])
            if q in seen or q in exclude:
                continue
            seen.add(q)
            qs.append(q)
            ys.append(int(r[COLUMN[flag]].strip() == "1"))
            gs.append(name)
    return qs, np.array(ys), np.array(gs)


def fit(qs, ys, c: float = C, keep: int = KEEP, kinds: str = KINDS) -> Model:
    """A :class:`Model` (threshold 1.0) fitted on ``qs`` / ``ys``: min-df, fit, keep, refit, round."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    docs = [[f for f in features(q, "c" in kinds) if f[0] in kinds] for q in qs]
    df: dict[str, int] = {}
    for d in docs:
        for f in d:
            df[f] = df.get(f, 0) + 1
    vocab = {f for f, n in df.items() if n >= MIN_DF}
    weights = {}
    intercept = 0.0
    for _ in range(2):
        vec = DictVectorizer(sort=True)
        X = vec.fit_transform([{f: 1 for f in d if f in vocab} for d in docs]).tocsr()
        X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)  # liblinear's index type
        clf = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=1000)
        clf.fit(X, ys)
        names = vec.get_feature_names_out()
        coef = clf.coef_[0]
        order = sorted(range(len(names)), key=lambda i: (-abs(coef[i]), names[i]))[:keep]
        vocab = {names[i] for i in order}
        weights = {names[i]: round(float(coef[i]), DIGITS) for i in order}
        intercept = round(float(clf.intercept_[0]), DIGITS)
    return Model({f: w for f, w in sorted(weights.items()) if w != 0.0}, intercept, 1.0)


def out_of_fold(qs, ys, gs, c: float = C, keep: int = KEEP, kinds: str = KINDS) -> np.ndarray:
    """Each question's probability from a model fitted without its set (GroupKFold by set)."""
    from sklearn.model_selection import GroupKFold

    p = np.zeros(len(qs))
    for tr, te in GroupKFold(n_splits=FOLDS).split(np.zeros(len(ys)), ys, gs):
        m = fit([qs[i] for i in tr], ys[tr], c, keep, kinds)
        p[te] = [m.probability(qs[i]) for i in te]
    return p


def threshold(p: np.ndarray, ys: np.ndarray) -> float:
    """The lowest threshold of GRID at which the model alone flags <= MAX_FFR of the negatives."""
    neg = ys == 0
    for t in GRID:
        if ((p >= t) & neg).sum() / max(neg.sum(), 1) <= MAX_FFR:
            return t
    return 1.0


def train(sets, c: float = C, keep: int = KEEP, exclude=frozenset(), flags=FLAGS) -> dict[str, Model]:
    models = {}
    for flag in flags:
        qs, ys, gs = examples(sets, flag, exclude)
        t = threshold(out_of_fold(qs, ys, gs, c, keep), ys)
        m = fit(qs, ys, c, keep)
        m.threshold = t
        models[flag] = m
    return models


def to_json(models: dict[str, Model], sets) -> str:
    data = {"about": "question linter model (issue 16), written by tools/lint_model_train.py --write; "
                     "not shipped: docs/design.md, Question linter, Trained model, session 7",
            "params": {"C": C, "keep": KEEP, "kinds": KINDS, "min_df": MIN_DF, "max_ffr": MAX_FFR, "folds": FOLDS, "seed": SEED},
            "trained_on": sorted(sets),
            "flags": {f: {"intercept": m.intercept, "threshold": m.threshold, "weights": m.weights}
                      for f, m in models.items()}}
    return json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n"


def search(sets) -> None:
    """Grouped CV over the training sets: out-of-fold recall at the chosen threshold, per flag."""
    print(f"{'kinds':>6}{'C':>6}{'keep':>6}" + "".join(f"{f[:12]:>14}" for f in FLAGS) + f"{'mean':>8}")
    data = {flag: examples(sets, flag) for flag in FLAGS}
    for kinds, c, keep in (("wbc", 1.0, 1000), ("wbc", 0.3, 1000), ("wbc", 1.0, 3000), ("wb", 1.0, 1000)):
        recs = []
        cells = []
        for flag in FLAGS:
            qs, ys, gs = data[flag]
            p = out_of_fold(qs, ys, gs, c, keep, kinds)
            t = threshold(p, ys)
            rec = ((p >= t) & (ys == 1)).sum() / (ys == 1).sum()
            recs.append(rec)
            cells.append(f"{rec:>8.3f}@{t:.2f}")
        print(f"{kinds:>6}{c:>6}{keep:>6}" + "".join(f"{x:>14}" for x in cells) + f"{np.mean(recs):>8.3f}", flush=True)


def measure(models: dict[str, Model]) -> None:
    """Per held-out set and flag: recall and false-flag rate of the rules and of rules OR model."""
    from kit.guide.lint import judge_question

    print(f"{'set':<17}{'flag':<17}{'pos':>5}{'neg':>5}{'rules rec':>10}{'rules FFR':>10}"
          f"{'+model rec':>11}{'+model FFR':>11}{'thr':>6}")
    for name in HELD_OUT:
        rows = read_set(name)
        qs = [text(r["question"]) for r in rows]
        ruled = [set(judge_question(r["question"], model=False)["flags"]) for r in rows]
        for flag, m in models.items():
            y = np.array([int(r[COLUMN[flag]].strip() == "1") for r in rows])
            rule = np.array([flag in f for f in ruled])
            both = rule | np.array([m.probability(q) >= m.threshold for q in qs])
            pos, neg = y == 1, y == 0
            print(f"{name:<17}{flag:<17}{pos.sum():>5}{neg.sum():>5}{(rule & pos).sum() / pos.sum():>10.3f}"
                  f"{(rule & neg).sum() / neg.sum():>10.3f}{(both & pos).sum() / pos.sum():>11.3f}"
                  f"{(both & neg).sum() / neg.sum():>11.3f}{m.threshold:>6.2f}")


def corpus(models: dict[str, Model], folder: Path) -> None:
    """Share of the real interviewer questions flagged, and the hand-labelled sample's false-flag
    rate and recall (``tests/data/corpus_labels.csv``), rules alone and rules OR model."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from lint_benchmark import CORPUS_LABELS, corpus_questions, load

    from kit.guide.lint import judge_question

    qs = dict(corpus_questions(folder))
    if not qs:
        print(f"corpus: {folder} absent, skipped")
        return
    ruled = {k: set(judge_question(q)["flags"]) for k, q in qs.items()}
    both = {k: ruled[k] | {f for f, m in models.items() if m.probability(text(q)) >= m.threshold}
            for k, q in qs.items()}
    share = [sum(bool(v) for v in d.values()) / len(qs) for d in (ruled, both)]
    print(f"corpus: {len(qs)} interviewer questions, flagged {share[0]:.3f} -> {share[1]:.3f}")
    labels = [r for r in load(CORPUS_LABELS) if r["id"] in qs]
    print(f"{'flag':<17}{'share':>16}{'sample rec':>16}{'sample FFR':>16}   ({len(labels)} hand-labelled)")
    for flag in models:
        cells = [f"{sum(flag in d[k] for k in qs) / len(qs):.3f}" for d in (ruled, both)]
        y = np.array([int(r[COLUMN[flag]].strip() == "1") for r in labels])
        for d in (ruled, both):
            cells.append(f"{sum(flag in d[r['id']] for r, t in zip(labels, y) if t) / y.sum():.3f}" if y.sum() else "n/a")
        for d in (ruled, both):
            cells.append(f"{sum(flag in d[r['id']] for r, t in zip(labels, y) if not t) / max((y == 0).sum(), 1):.3f}")
        print(f"{flag:<17}{cells[0] + ' -> ' + cells[1]:>16}{cells[2] + ' -> ' + cells[3]:>16}"
              f"{cells[4] + ' -> ' + cells[5]:>16}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--search", action="store_true", help="grouped CV of C, KEEP and KINDS on the training sets")
    ap.add_argument("--measure", action="store_true", help="train without HELD_OUT, score HELD_OUT")
    ap.add_argument("--write", type=Path, metavar="OUT", help="write the weights as JSON to OUT")
    ap.add_argument("--final", action="store_true", help="with --write or --corpus: train on HELD_OUT too")
    ap.add_argument("--corpus", nargs="?", type=Path, const=REPO.parent / "shared" / "corpora" / "anthropic-interviewer",
                    metavar="DIR", help="score the real interviews (default ../shared/corpora/anthropic-interviewer)")
    args = ap.parse_args(argv)
    if args.search:
        search(load_sets())
    if args.measure:
        held = {text(r["question"]) for name in HELD_OUT for r in read_set(name)}
        measure(train(load_sets(), exclude=frozenset(held)))
    if args.corpus:
        corpus(train(load_sets(final=args.final)), args.corpus)
    if args.write:
        sets = load_sets(final=args.final)
        tmp = args.write.with_name(args.write.name + ".tmp")
        tmp.write_text(to_json(train(sets), sets), encoding="utf-8")
        tmp.replace(args.write)
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
