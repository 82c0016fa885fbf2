"""Leave-one-author-out measure of the question linter's "rules OR gated model" (issue 16, session 10).

    python tools/lint_model_loao.py [--corpus-dir DIR] [--kinds KINDS] [--no-gate] [--no-cap]
                                    [--max-ffr F] [--rules-cache FILE] [--flags F ...]

docs/design.md, "Question linter", "Trained model, session 10". Every independent author's set
(``questions_blind1``, ``questions_blind2``, ``blind-linter-3`` ... the last released one; not
``HOLD_OUT`` of ``tools/lint_model_train.py``) is left out in turn: per flag, the model of
``tools/lint_model_train.py`` (same ``fit``: min-df, fit, keep, refit, round) is fitted on every
other training set (no question of the left-out set, in any set), its threshold is the lowest of
``GRID`` at which the gated model adds the flag to at most ``--max-ffr`` of the other sets'
negatives, scored out of group (each set's probabilities from the model fitted without that set:
leave-one-set-out over all training sets, so the left-out author's labels touch its threshold
only through the other sets' models), then raised by the corpus cap (``corpus_threshold``) when
the corpus of real interviews is found. Printed per left-out set and flag: support, recall and
false-flag rate of the rules alone and of the rules OR the gated model, as the linter runs
(``lint._verdict``: the model only where no rule gave the flag and the gate is open).

``--no-gate`` lets the model add a flag the gate would close (not a flag the rules gave); ``--cue-gate``
(session 15) lets the leading model add the flag only where :func:`kit.guide.model.evaluative_cue` holds;
``--per-set-ffr F`` raises each threshold until no other set's false-flag rate (rules OR model, out of
group) is over F (or over the rules' own rate there);
``--no-cap`` skips the corpus cap. The rules' flags of every question are computed once
(minutes) and kept in ``--rules-cache`` (a pickle) between runs. Deterministic.
"""
from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

import lint_model_train as T  # noqa: E402

from kit.guide.lexicon import FLAGS  # noqa: E402

__all__ = ["authors", "loao", "main"]


def authors(sets) -> list[str]:
    """The independent authors' sets among the training sets, in order."""
    names = [n for n in sets if n.startswith("questions_blind")]
    return names + sorted((n for n in sets if n.startswith("blind-linter-")), key=lambda n: int(n.rsplit("-", 1)[1]))


class _Matrix:
    """Every question's features as one sparse matrix (columns sorted by name), so that a fit on
    a subset of rows is :func:`lint_model_train.fit` without building a vectorizer each time."""

    def __init__(self, qs, kinds):
        from scipy.sparse import csr_matrix

        from kit.guide.model import features
        docs = [[f for f in features(q) if f[0] in kinds] for q in qs]
        self.names = np.array(sorted({f for d in docs for f in d}))
        col = {f: i for i, f in enumerate(self.names)}
        ind = [col[f] for d in docs for f in d]
        ptr = np.cumsum([0] + [len(d) for d in docs])
        self.X = csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(qs), len(self.names)))
        self.row = {q: i for i, q in enumerate(qs)}

    def fit(self, rows, ys) -> tuple[np.ndarray, float]:
        """(weights over all columns, intercept), as ``T.fit`` rounds them."""
        from sklearn.linear_model import LogisticRegression

        X = self.X[rows]
        cols = np.flatnonzero(np.asarray((X > 0).sum(axis=0)).ravel() >= T.MIN_DF)
        w = np.zeros(len(self.names))
        b = 0.0
        for _ in range(2):
            Xs = X[:, cols].tocsr()
            Xs.indices, Xs.indptr = Xs.indices.astype(np.int32), Xs.indptr.astype(np.int32)
            clf = LogisticRegression(C=T.C, solver="liblinear", random_state=T.SEED, max_iter=1000).fit(Xs, ys)
            coef = clf.coef_[0]
            order = sorted(range(len(cols)), key=lambda i: (-abs(coef[i]), self.names[cols[i]]))[:T.KEEP]
            w = np.zeros(len(self.names))
            w[cols[order]] = np.round(coef[order], T.DIGITS)
            b = round(float(clf.intercept_[0]), T.DIGITS)
            cols = np.sort(cols[order])
        return w, b

    def proba(self, w, b, qs) -> np.ndarray:
        z = self.X[[self.row[q] for q in qs]] @ w + b
        return 1.0 / (1.0 + np.exp(-z))


class _Fitted:
    def __init__(self, mat, w, b):
        self.mat, self.w, self.b = mat, w, b

    def probability(self, q):
        if not hasattr(self, "_all"):
            self._all = 1.0 / (1.0 + np.exp(-(self.mat.X @ self.w + self.b)))
        return float(self._all[self.mat.row[q]])


def _rules_all(questions, cache: Path | None):
    known = pickle.loads(cache.read_bytes()) if cache and cache.is_file() else {}
    missing = [q for q in questions if q not in known]
    for q in missing:
        known[q] = T.ruled(q)
    if cache and missing:
        cache.write_bytes(pickle.dumps(known))
    T._RULES.update(known)
    return known


def _oos_threshold(p, ys, open_, keep, max_ffr) -> float:
    neg = (ys == 0) & keep
    for t in T.GRID:
        if ((p >= t) & neg & open_).sum() / max(neg.sum(), 1) <= max_ffr:
            return t
    return 1.0


def _per_set_threshold(p, ys, open_, ruled, gs, keep, cap) -> float:
    """The lowest of ``GRID`` at which every kept set's false-flag rate, rules OR gated model (out of
    group probabilities), stays within ``cap`` (or within the rules' own rate, where that is higher)."""
    names = [n for n in dict.fromkeys(gs[keep])]
    idx = {n: np.flatnonzero((gs == n) & (ys == 0)) for n in names}
    for t in T.GRID:
        add = (p >= t) & open_
        if all(not len(i) or (ruled[i] | add[i]).sum() / len(i) <= max(cap, ruled[i].sum() / len(i)) for i in idx.values()):
            return t
    return 1.0


def _cue_open(qs, flag) -> np.ndarray:
    """Session 15's leading gate: the model only where :func:`kit.guide.model.evaluative_cue` holds."""
    from kit.guide.lexicon import _sentences
    from kit.guide.model import evaluative_cue
    return np.array([evaluative_cue(_sentences(q)) for q in qs]) if flag == "leading" else np.ones(len(qs), bool)


def loao(sets, flags=FLAGS, corpus=None, gate=True, max_ffr=0.04, kinds=T.KINDS, out=print, cue_gate=False,
         per_set_ffr=None) -> dict:
    """Per (left-out set, flag): dict of support, rules/both recall and false-flag rate, threshold.
    ``cue_gate``: leading only where a rule's evaluative or claim cue is present; ``per_set_ffr``: the
    threshold is calibrated so that no other set's false-flag rate (rules OR model) goes over it."""
    who = authors(sets)
    res = {}
    for flag in flags:
        qs, ys, gs = T.examples(sets, flag)
        ruled = np.array([flag in T.ruled(q)[0] for q in qs])
        open_ = np.array([flag not in T.ruled(q)[0] and (not gate or flag not in T.ruled(q)[1]) for q in qs])
        if cue_gate:
            open_ &= _cue_open(qs, flag)
        names = list(dict.fromkeys(gs))
        by_set = {n: set(np.flatnonzero(gs == n)) for n in names}
        text_set = {n: {qs[i] for i in idx} for n, idx in by_set.items()}
        mat = _Matrix(qs + sorted(set(corpus[0].values()) - set(qs)) if corpus else qs, kinds)
        oos = np.zeros(len(qs))  # each set's probabilities from the model fitted without it
        models = {}
        for n in names:
            tr = [i for i in range(len(qs)) if gs[i] != n]
            m = _Fitted(mat, *mat.fit(tr, ys[tr]))
            models[n] = m
            idx = sorted(by_set[n])
            oos[idx] = mat.proba(m.w, m.b, [qs[i] for i in idx])
        for a in who:
            if a not in by_set:
                continue
            # the left-out author's questions are out of every training set (its model was fitted so:
            # a question in two sets is used once, in its first set; drop any copy elsewhere)
            dup = [i for i in range(len(qs)) if gs[i] != a and qs[i] in text_set[a]]
            m = models[a]
            m.threshold = 1.0
            if dup:
                tr = [i for i in range(len(qs)) if gs[i] != a and qs[i] not in text_set[a]]
                m = _Fitted(mat, *mat.fit(tr, ys[tr]))
            keep = gs != a
            t = _oos_threshold(oos, ys, open_, keep, max_ffr)
            if per_set_ffr is not None:
                t = max(t, _per_set_threshold(oos, ys, open_, ruled, gs, keep, per_set_ffr))
            if corpus is not None:
                t = T.corpus_threshold(flag, m, t, corpus) if gate else _corpus_threshold_nogate(flag, m, t, corpus)
            idx = sorted(by_set[a])
            y = ys[idx]
            r = ruled[idx]
            add = open_[idx] & (mat.proba(m.w, m.b, [qs[i] for i in idx]) >= t)
            both = r | add
            pos, neg = y == 1, y == 0
            row = {"support": int(pos.sum()), "threshold": t,
                   "rules_recall": (r & pos).sum() / max(pos.sum(), 1), "both_recall": (both & pos).sum() / max(pos.sum(), 1),
                   "rules_ffr": (r & neg).sum() / max(neg.sum(), 1), "both_ffr": (both & neg).sum() / max(neg.sum(), 1)}
            res[(a, flag)] = row
            out(f"{a:<18}{flag:<16}{row['support']:>4}  thr {t:.2f}  recall {row['rules_recall']:.2f} -> "
                f"{row['both_recall']:.2f}  FFR {row['rules_ffr']:.3f} -> {row['both_ffr']:.3f}")
    return res


def _corpus_threshold_nogate(flag, m, t, data):
    qs, labels = data
    p = {k: (m.probability(q) if flag not in T.ruled(q)[0] else 0.0) for k, q in qs.items()}
    neg = [r["id"] for r in labels if r[T.COLUMN[flag]].strip() != "1"]
    rule_ff = sum(flag in T.ruled(qs[k])[0] for k in neg)
    for u in T.GRID:
        if u < t:
            continue
        added = sum(v >= u for v in p.values()) / len(qs)
        if added <= T.CORPUS_CAP and (rule_ff + sum(p[k] >= u for k in neg)) / max(len(neg), 1) <= T.SAMPLE_FFR:
            return u
    return 1.0


def summary(res, flags, out=print) -> None:
    """Mean and minimum recall and the highest false-flag rate per flag over the left-out sets,
    and the same over the sets the rules were never tuned on (blind-linter-22 on)."""
    for label, pick in (("all authors", lambda a: True),
                        ("authors 22+", lambda a: a.startswith("blind-linter-") and int(a.rsplit("-", 1)[1]) >= 22)):
        for flag in flags:
            rows = [v for (a, f), v in res.items() if f == flag and pick(a)]
            if not rows:
                continue
            out(f"{label:<12} {flag:<16} recall mean {np.mean([r['rules_recall'] for r in rows]):.3f} -> "
                f"{np.mean([r['both_recall'] for r in rows]):.3f}  min {min(r['rules_recall'] for r in rows):.2f} -> "
                f"{min(r['both_recall'] for r in rows):.2f}  FFR max {max(r['rules_ffr'] for r in rows):.3f} -> "
                f"{max(r['both_ffr'] for r in rows):.3f}  sets over 0.05: {sum(r['both_ffr'] > 0.05 for r in rows)}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus-dir", type=Path, default=T.CORPUS)
    ap.add_argument("--no-cap", action="store_true", help="no corpus cap on the thresholds")
    ap.add_argument("--no-gate", action="store_true", help="the model may add a flag a guard cleared")
    ap.add_argument("--max-ffr", type=float, default=T.MAX_FFR)
    ap.add_argument("--kinds", default=T.KINDS)
    ap.add_argument("--flags", nargs="*", default=list(FLAGS))
    ap.add_argument("--rules-cache", type=Path)
    ap.add_argument("--cue-gate", action="store_true", help="leading only where an evaluative or claim cue is present")
    ap.add_argument("--per-set-ffr", type=float, help="raise each threshold until no other set's FFR exceeds this")
    args = ap.parse_args(argv)
    sets = T.load_sets()
    corpus = None if args.no_cap else T.corpus_data(args.corpus_dir)
    qs = {T.text(r["question"]) for rows in sets.values() for r in rows} - {""}
    if corpus is not None:
        qs |= set(corpus[0].values())
    _rules_all(sorted(qs), args.rules_cache)
    res = loao(sets, args.flags, corpus, not args.no_gate, args.max_ffr, args.kinds, cue_gate=args.cue_gate,
               per_set_ffr=args.per_set_ffr)
    summary(res, args.flags)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
