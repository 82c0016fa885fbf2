"""Train the question linter's model (issue 16, sessions 9 and 10) and write the shipped weights.

    python tools/lint_model_train.py --search            # grouped CV of the features on the training sets
    python tools/lint_model_train.py --write [OUT]       # the weights (default kit/guide/data/lint_model.json)
    python tools/lint_model_train.py --corpus            # rules vs rules OR gated model, real interviews

docs/design.md, "Question linter", "Trained model, session 9" and "session 10" (session 7's attempt and why it was
not shipped: "Trained model, session 7"). Per flag, a logistic regression (scikit-learn
``LogisticRegression``, L2, liblinear, seeded) over the binary features of
:func:`kit.guide.model.features`, fitted on the labelled question sets in ``tests/data``: every
``questions*.csv``, ``blind-linter-*/questions.csv`` except ``blind-linter-2`` (blind2 again)
and the final hold-out ``HOLD_OUT`` (session 18's, blind-linter-45 and -46; session 17's, 43 and 44, were released to session 18 and are
trained on; session 16's, blind-linter-41 and -42, were released to session 17
and are trained on, as session 15's, 39 and 40, since session 16, session 14's, 37 and 38, since session 15;
session 13's, 35 and 36, since session 14, as sessions 11 and 12's, 31 to 34, since session 13, session 10's
28 to 30 since session 11 and session 9's 22 to 27 since session 10),
and ``lint_pinned.csv``, the questions the fast tests pin, labelled by ``tools/lint_model_pinned.py``.
A question in two sets is used once (its first set). Features seen in fewer than ``MIN_DF`` training questions are dropped; after a first fit only the
``KEEP`` features of largest absolute weight are kept and the model is fitted again; weights
are rounded to ``DIGITS`` decimals (what is written is what is scored, by the pure-Python
:class:`kit.guide.model.Model`).

The model only adds a flag where the rules gave none and no guard cleared the question
(:func:`kit.guide.model.gated`). Threshold of a flag: the lowest of 0.05, 0.06, ... 0.99 at
which the gated model, out of fold (``GroupKFold``, group = labelled set, so no set is split
between training and scoring), adds the flag to at most ``MAX_FFR`` of the training questions
without it; then raised, when the corpus of real interviews is present (``../shared/corpora``),
until the gated model adds the flag to at most ``CORPUS_CAP`` of its interviewer questions and
the hand-labelled sample (``tests/data/corpus_labels.csv``) keeps a false-flag rate of at most
``SAMPLE_FFR`` (rules OR model). The flags written as enabled (``SHIPPED``) are those whose
"rules OR gated model" raised recall leaving each author out in turn (``tools/lint_model_loao.py``,
docs/design.md "Trained model, session 10"). Deterministic: ``--write`` gives the same bytes on every
run with the same corpus.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kit.guide.kinds import _kind  # noqa: E402
from kit.guide.lexicon import FLAGS  # noqa: E402
from kit.guide.model import MODEL_PATH, Model, features, gated  # noqa: E402

DATA = REPO / "tests" / "data"
PINNED = DATA / "lint_pinned.csv"
CORPUS = REPO.parent / "shared" / "corpora" / "anthropic-interviewer"
CORPUS_LABELS = DATA / "corpus_labels.csv"
COLUMN = {"leading": "leading", "closed": "closed", "hypothetical": "hypothetical",
          "double-barreled": "double_barreled", "generalizing": "generalizing"}
# the final hold-out (empty: session 15's 39, 40 were released to session 16 and are trained on, as 37, 38 since
# session 15; the lead names session 16's final hold-outs at its end)
HOLD_OUT: tuple[str, ...] = ("blind-linter-45", "blind-linter-46")  # session 18's final hold-outs (43, 44 released to it)
SKIPPED = ("blind-linter-2",)
SHIPPED = ("closed", "generalizing")  # measured leaving each author out: docs/design.md, sessions 10 and 14
SEED = 16
C = 1.0
KEEP = 1000
KINDS = "wbopt"  # feature kinds: w(ord), b(igram), o(pening of the asked sentence), p(reamble), t(ense)
MIN_DF = 2
DIGITS = 4
MAX_FFR = 0.03
CORPUS_CAP = 0.01
SAMPLE_FFR = 0.05
FOLDS = 5
GRID = tuple(round(0.05 + 0.01 * i, 2) for i in range(95))


def set_name(path: Path) -> str:
    return path.parent.name if path.parent.name.startswith("blind-linter-") else path.stem


def load_sets() -> dict[str, list[dict]]:
    """Set name -> rows of every labelled set used for training (the hold-out and the duplicate
    left out; ``lint_pinned`` last)."""
    paths = sorted(DATA.glob("questions*.csv")) + sorted(DATA.glob("blind-linter-*/questions.csv"),
                                                         key=lambda p: int(p.parent.name.rsplit("-", 1)[1]))
    out = {}
    for p in [*paths, PINNED]:
        name = set_name(p)
        if name in SKIPPED or name in HOLD_OUT:
            continue
        with open(p, newline="", encoding="utf-8") as fh:
            out[name] = list(csv.DictReader(fh))
    return out


def read_set(name: str) -> list[dict]:
    """The rows of ``tests/data/<name>/questions.csv``; none when the set is not there (yet)."""
    if not (DATA / name / "questions.csv").is_file():
        return []
    with open(DATA / name / "questions.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def text(question: str) -> str:
    from kit.guide.lint import question_text
    return question_text(question).strip()


_RULES: dict[str, tuple] = {}


def ruled(q: str) -> tuple[set[str], set[str], list[str]]:
    """The rules on one question: ``(flags, flags a guard cleared, raw sentences)``, plus the
    flags the gate closes to the model, as ``(flags, closed, raw)``."""
    if q not in _RULES:
        from kit.guide.lint import rules
        sents, raw, reasons, cleared = rules(q)
        kind = _kind(sents, "closed" in reasons, "hypothetical" in reasons)
        closed = {f for f in FLAGS if not raw or gated(f, raw, cleared, kind)}
        _RULES[q] = (set(reasons), closed)
    return _RULES[q]


def held_out_questions() -> frozenset[str]:
    return frozenset(text(r["question"]) for name in HOLD_OUT for r in read_set(name))


def examples(sets: dict[str, list[dict]], flag: str, exclude=frozenset()):
    """(questions, labels, groups) for ``flag`` over the sets with its column, each question once."""
    seen, qs, ys, gs = set(), [], [], []
    for name, rows in sets.items():
        if not rows or COLUMN[flag] not in rows[0]:
            continue
        for r in rows:
            q = text(r["question"])
            if q in seen or q in exclude or not q:
                continue
            seen.add(q)
            qs.append(q)
            ys.append(int(r[COLUMN[flag]].strip() == "1"))
            gs.append(name)
    return qs, np.array(ys), np.array(gs)


def open_to_model(qs, flag: str) -> np.ndarray:
    """Per question: True when the rules do not give ``flag`` and the gate is open to the model."""
    out = []
    for q in qs:
        flags, closed = ruled(q)
        out.append(flag not in flags and flag not in closed)
    return np.array(out, dtype=bool)


def fit(qs, ys, c: float = C, keep: int = KEEP, kinds: str = KINDS) -> Model:
    """A :class:`Model` (threshold 1.0) fitted on ``qs`` / ``ys``: min-df, fit, keep, refit, round."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    docs = [[f for f in features(q) if f[0] in kinds] for q in qs]
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


def threshold(p: np.ndarray, ys: np.ndarray, open_: np.ndarray | None = None) -> float:
    """The lowest threshold of GRID at which the model, where its gate is open (``open_``, all
    when None), adds the flag to at most MAX_FFR of the negatives."""
    neg = ys == 0
    open_ = np.ones(len(ys), dtype=bool) if open_ is None else open_
    for t in GRID:
        if ((p >= t) & neg & open_).sum() / max(neg.sum(), 1) <= MAX_FFR:
            return t
    return 1.0


def corpus_data(folder: Path = CORPUS):
    """(questions, rules' flags and gate per question, hand-labelled rows) of the real interviews;
    ``None`` when the corpus is absent."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from lint_benchmark import corpus_questions, load

    qs = dict(corpus_questions(folder))
    if not qs:
        return None
    qs = {k: text(q) for k, q in qs.items()}
    labels = [r for r in load(CORPUS_LABELS) if r["id"] in qs]
    return qs, labels


def corpus_threshold(flag: str, m: Model, t: float, data) -> float:
    """``t`` raised until the gated model adds ``flag`` to at most CORPUS_CAP of the corpus
    questions and the hand-labelled sample's false-flag rate (rules OR model) is <= SAMPLE_FFR."""
    if data is None:
        return t
    qs, labels = data
    p = {k: (m.probability(q) if open_to_model([q], flag)[0] else 0.0) for k, q in qs.items()}
    neg = [r["id"] for r in labels if r[COLUMN[flag]].strip() != "1"]
    rule_ff = sum(flag in ruled(qs[k])[0] for k in neg)
    for u in GRID:
        if u < t:
            continue
        added = sum(v >= u for v in p.values()) / len(qs)
        ffr = (rule_ff + sum(p[k] >= u for k in neg)) / max(len(neg), 1)
        if added <= CORPUS_CAP and ffr <= SAMPLE_FFR:
            return u
    return 1.0


def train(sets, c: float = C, keep: int = KEEP, kinds: str = KINDS, flags=FLAGS, corpus=None,
          log=None) -> dict[str, Model]:
    exclude = held_out_questions()
    models = {}
    for flag in flags:
        qs, ys, gs = examples(sets, flag, exclude)
        p = out_of_fold(qs, ys, gs, c, keep, kinds)
        open_ = open_to_model(qs, flag)
        t = threshold(p, ys, open_)
        m = fit(qs, ys, c, keep, kinds)
        m.threshold = corpus_threshold(flag, m, t, corpus)
        if log is not None:
            pos, neg = ys == 1, ys == 0
            rule = ~open_ & np.array([flag in ruled(q)[0] for q in qs])
            add = open_ & (p >= m.threshold)
            log.append({"flag": flag, "cv_threshold": t, "threshold": m.threshold,
                        "rules_recall": (rule & pos).sum() / pos.sum(), "both_recall": ((rule | add) & pos).sum() / pos.sum(),
                        "rules_ffr": (rule & neg).sum() / neg.sum(), "both_ffr": ((rule | add) & neg).sum() / neg.sum()})
        models[flag] = m
    return models


def to_json(models: dict[str, Model], sets) -> str:
    data = {"about": "question linter model (issue 16, sessions 9 and 10), written by tools/lint_model_train.py --write: "
                     "docs/design.md, Question linter, Trained model, sessions 9 and 10",
            "params": {"C": C, "keep": KEEP, "kinds": KINDS, "min_df": MIN_DF, "max_ffr": MAX_FFR, "folds": FOLDS,
                       "seed": SEED, "corpus_cap": CORPUS_CAP, "sample_ffr": SAMPLE_FFR},
            "trained_on": sorted(sets), "flags": [f for f in FLAGS if f in SHIPPED],
            "models": {f: {"intercept": m.intercept, "threshold": m.threshold, "weights": m.weights}
                       for f, m in models.items()}}
    return json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n"


def search(sets) -> None:
    """Grouped CV over the training sets: rules and rules OR gated model out of fold, per flag,
    at the threshold for MAX_FFR (corpus not used)."""
    for kinds, c in (("wb", 1.0), ("wbopt", 1.0), ("wbopt", 0.3)):
        log: list[dict] = []
        train(sets, c, KEEP, kinds, log=log)
        for row in log:
            print(f"{kinds:>6}{c:>5} {row['flag']:<16} thr {row['threshold']:.2f}  recall {row['rules_recall']:.3f} -> "
                  f"{row['both_recall']:.3f}  FFR {row['rules_ffr']:.3f} -> {row['both_ffr']:.3f}", flush=True)
        print(f"{kinds:>6}{c:>5} mean recall {np.mean([r['both_recall'] for r in log]):.3f}", flush=True)


def corpus_report(models: dict[str, Model], data) -> None:
    """Share of the real interviewer questions flagged, and the hand-labelled sample's false-flag
    rate and recall, rules alone and rules OR gated model."""
    if data is None:
        print("corpus: absent, skipped")
        return
    qs, labels = data
    rule = {k: ruled(q)[0] for k, q in qs.items()}
    both = {k: rule[k] | {f for f, m in models.items() if open_to_model([q], f)[0] and m.probability(q) >= m.threshold}
            for k, q in qs.items()}
    share = [sum(bool(v) for v in d.values()) / len(qs) for d in (rule, both)]
    shipped = sum(bool(rule[k] | (both[k] & set(SHIPPED))) for k in qs) / len(qs)
    print(f"corpus: {len(qs)} interviewer questions, flagged {share[0]:.3f} -> {shipped:.3f} with the shipped "
          f"flags ({', '.join(SHIPPED)}), {share[1]:.3f} with all five")
    print(f"{'flag':<17}{'share':>16}{'sample rec':>16}{'sample FFR':>16}   ({len(labels)} hand-labelled)")
    for flag in models:
        cells = [f"{sum(flag in d[k] for k in qs) / len(qs):.3f}" for d in (rule, both)]
        y = np.array([int(r[COLUMN[flag]].strip() == "1") for r in labels])
        for d in (rule, both):
            cells.append(f"{sum(flag in d[r['id']] for r, t in zip(labels, y) if t) / y.sum():.3f}" if y.sum() else "n/a")
        for d in (rule, both):
            cells.append(f"{sum(flag in d[r['id']] for r, t in zip(labels, y) if not t) / max((y == 0).sum(), 1):.3f}")
        print(f"{flag:<17}{cells[0] + ' -> ' + cells[1]:>16}{cells[2] + ' -> ' + cells[3]:>16}"
              f"{cells[4] + ' -> ' + cells[5]:>16}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--search", action="store_true", help="grouped CV of the features on the training sets")
    ap.add_argument("--write", nargs="?", type=Path, const=MODEL_PATH, metavar="OUT",
                    help=f"write the weights as JSON to OUT (default {MODEL_PATH})")
    ap.add_argument("--corpus", action="store_true", help="rules vs rules OR gated model on the real interviews")
    ap.add_argument("--corpus-dir", type=Path, default=CORPUS, help=f"the corpus folder (default {CORPUS})")
    args = ap.parse_args(argv)
    sets = load_sets()
    if args.search:
        search(sets)
    if args.write or args.corpus:
        data = corpus_data(args.corpus_dir)
        log: list[dict] = []
        models = train(sets, corpus=data, log=log)
        for row in log:
            print(f"{row['flag']:<16} thr {row['cv_threshold']:.2f} -> {row['threshold']:.2f}  out-of-fold recall "
                  f"{row['rules_recall']:.3f} -> {row['both_recall']:.3f}  FFR {row['rules_ffr']:.3f} -> {row['both_ffr']:.3f}")
        if args.corpus:
            corpus_report(models, data)
        if args.write:
            args.write.parent.mkdir(parents=True, exist_ok=True)
            tmp = args.write.with_name(args.write.name + ".tmp")
            tmp.write_text(to_json(models, sets), encoding="utf-8")
            tmp.replace(args.write)
            print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
