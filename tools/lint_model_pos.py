"""Do part-of-speech features help the linter's model generalize to new authors? (issue 16,
session 10, an experiment, reported to the lead; the shipped model: docs/design.md, "Question linter",
"Trained model, session 9").

    python tools/lint_model_pos.py [--cache FILE] [--flags leading,generalizing] [--sets a,b,c]

Leave-one-AUTHOR-out: every ``tests/data/blind-linter-N/questions.csv`` (N = 3 ... 27;
``blind-linter-2`` is ``questions_blind2`` again; 28 and later are the final hold-out and never
read) and ``tests/data/questions_blind1.csv`` / ``questions_blind2.csv`` is one author, held out
in turn; the project's own ``questions*.csv`` and ``lint_pinned.csv`` are only trained on. A
question of the held-out author is never trained on (in any set). Per flag, per held-out author:
"rules OR gated model" as lint-guide runs it (the rules of :func:`kit.guide.lint.rules`; the
model adds the flag only where no rule gave it and :func:`kit.guide.model.gated` is open), with
a logistic regression (scikit-learn, L2, liblinear in its dual form: the same fit as the
shipped model's primal one within 0.001 in probability, 40 times faster with more features than
questions; C = 1, features in fewer than 2 training questions dropped) fitted on the other authors and the training-only sets, and its threshold
chosen on those training questions only: the lowest of 0.05 ... 0.99 at which "rules OR gated
model", out of fold (``GroupKFold`` by set, 3 folds, inside the training folds), flags at most
``BUDGET`` of the training questions without the flag (``lint_pinned`` not counted: its
labels are the rules' own).

Feature sets compared: ``words`` (:func:`kit.guide.model.features`, the shipped model's),
``words+pos`` (plus :func:`pos_features` below: tag n-grams, modal and tense patterns, "how" +
tag, adjective degree, coordination, word/tag of closed-class words) and ``pos`` (the tags alone).
Prints, per flag and feature set, the mean and the worst recall over held-out authors and the
mean and worst false-flag rate, for all authors and for the authors the rules were never tuned
on (``UNTUNED``: blind-linter-22 to -27), and the rules alone for comparison. Needs
``pip install textblob`` (not a dependency of the kit).

Result (session 10, at 20ec018; 27 authors, 6 of them untuned; recall mean / worst author,
false-flag rate mean / worst):

    flag          authors   rules          words          words+pos      pos
    leading       all       0.815 / 0.438  0.867 / 0.594  0.873 / 0.594  0.857 / 0.594
                            0.016 / 0.048  0.038 / 0.108  0.046 / 0.132  0.048 / 0.162
    leading       untuned   0.588 / 0.438  0.724 / 0.594  0.744 / 0.684  0.702 / 0.625
                            0.032 / 0.048  0.067 / 0.108  0.071 / 0.132  0.071 / 0.162
    generalizing  all       0.871 / 0.587  0.950 / 0.826  0.949 / 0.804  0.939 / 0.761
                            0.008 / 0.036  0.035 / 0.107  0.035 / 0.094  0.035 / 0.101
    generalizing  untuned   0.684 / 0.587  0.883 / 0.826  0.867 / 0.804  0.860 / 0.761
                            0.005 / 0.019  0.023 / 0.044  0.025 / 0.051  0.022 / 0.041

The tags add +0.006 (all) / +0.020 (untuned) leading recall at a higher false-flag rate and
-0.001 / -0.016 generalizing recall: not the +0.05 that would justify shipping a tagger
(closed, hypothetical, double-barreled: within +-0.011 of the words). Not shipped.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from functools import lru_cache  # noqa: E402

import lint_model_train  # noqa: E402
from kit.guide.cues import normalise  # noqa: E402
from kit.guide.lexicon import FLAGS, _sentences  # noqa: E402
from kit.guide.model import features  # noqa: E402
from kit.guide.words import words  # noqa: E402

COLUMN = {"leading": "leading", "closed": "closed", "hypothetical": "hypothetical",
          "double-barreled": "double_barreled", "generalizing": "generalizing"}
FIRST, LAST = 3, 27  # blind-linter-N authors used; 28 and later are the final hold-out
AUTHOR_FILES = ("questions_blind1", "questions_blind2")
UNTUNED = tuple(f"blind-linter-{n}" for n in range(22, 28))  # the rules were never tuned on them
BUDGET = 0.04
C = 1.0
MIN_DF = 2
SEED = 16
INNER_FOLDS = 3
GRID = tuple(round(0.05 + 0.01 * i, 2) for i in range(95))
FEATURE_SETS = {
    "words": lambda q: features(q),
    "words+pos": lambda q: features(q) + pos_features(q),
    "pos": lambda q: pos_features(q),
}


# --- the part-of-speech features ---------------------------------------------------------------
# Penn Treebank tags from TextBlob's PatternTagger (a Brill-style lexicon and context rules shipped
# inside the textblob package as en-lexicon.txt / en-context.txt; nothing downloaded, no NLTK data:
# De Smedt & Daelemans 2012, "Pattern for Python", JMLR 13). Each sentence is tagged as the rules
# read it (kit.guide.words.words: contractions expanded, fillers out, common typos corrected).

#: Tags whose words are few and grammatical: their word is kept with the tag (``wt:would/MD``).
CLOSED_CLASS = frozenset({"CC", "DT", "EX", "IN", "MD", "PDT", "PRP", "PRP$", "RP", "TO", "WDT", "WP", "WP$", "WRB"})
_PUNCT = {",", ".", ";", ":", "!", "?", "(", ")", "\u2014", "-", "\u2013", "'", '"'}
_VERB = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD")
_ADJ = ("JJ", "JJR", "JJS", "RBR", "RBS")
_AUX = {"do", "does", "did", "is", "are", "was", "were", "am", "be", "been", "have", "has", "had"}


@lru_cache(maxsize=1)
def _tagger():
    from textblob.en.taggers import PatternTagger  # package data only (en-lexicon.txt), no NLTK corpora
    return PatternTagger()


def tag(tokens: list[str]) -> list[tuple[str, str]]:
    """``(token, Penn tag)`` for each of ``tokens`` (one sentence, already split), in order;
    an empty list for no tokens. Raises nothing on any text."""
    if not tokens:
        return []
    tagged = _tagger().tag(" ".join(tokens), tokenize=False)
    return [(w, t or "NN") for w, t in tagged]


def pos_features(question: str) -> list[str]:
    """The part-of-speech features of one question, sorted, unique (binary features, names
    prefixed so that they never collide with :func:`kit.guide.model.features`):

    - ``g1:`` / ``g2:`` / ``g3:`` tags, tag pairs and triples of the asked (last) sentence,
      ``<s>`` at its start, ``</s>`` at its end; ``G1:`` / ``G2:`` the same for any earlier
      sentence (the preamble);
    - ``go:`` the first one, two and three tags of the asked sentence;
    - ``wt:`` word/tag of the closed-class words (:data:`CLOSED_CLASS`) of every sentence;
    - ``h:`` the tag of the word after "how" and, for an adjective or adverb, of the one after;
    - ``m:`` a modal's pattern (``m:would>PRP>VB``, ``m:MD>VB``, ``m:MD>have>VBN``);
    - ``v:`` the tense of the asked sentence's first verb (its tag; ``v:aux:did``, ``v:none``);
    - ``has:`` presence of JJ, JJR, JJS, RBR, RBS (``has:JJ2`` for two or more adjectives),
      ``cc:`` the tags either side of "and" / "or" (``cc:NN_and_NN``).

    ``question`` is the text as :func:`kit.guide.lint.question_text` gives it."""
    return list(_pos_features(str(question)))


def _sentence_tags(question: str) -> list[list[tuple[str, str]]]:
    sents = _sentences(normalise(question.replace("\u2019", "'").replace("\u2018", "'")))
    out = []
    for s in sents:
        toks = [t for t in words(s) if t not in _PUNCT]
        if toks:
            out.append(tag(toks))
    return out


def _ngrams(prefix: str, tags: list[str], n: int) -> set[str]:
    seq = ["<s>", *tags, "</s>"]
    return {f"{prefix}{n}:" + " ".join(seq[i:i + n]) for i in range(len(seq) - n + 1)} if n > 1 else \
        {f"{prefix}1:" + t for t in tags}


@lru_cache(maxsize=16384)
def _pos_features(question: str) -> tuple[str, ...]:
    feats: set[str] = set()
    sents = _sentence_tags(question)
    if not sents:
        return ("v:none",)
    asked, pre = sents[-1], sents[:-1]
    tags = [t for _, t in asked]
    for n in (1, 2, 3):
        feats |= _ngrams("g", tags, n)
        if n <= len(tags):
            feats.add("go:" + " ".join(tags[:n]))
    for s in pre:
        feats |= _ngrams("G", [t for _, t in s], 1) | _ngrams("G", [t for _, t in s], 2)
    every = [wt for s in sents for wt in s]
    feats |= {f"wt:{w}/{t}" for w, t in every if t in CLOSED_CLASS}
    feats |= _how(asked) | _modal(asked) | _coordination(every)
    feats.add(_tense(asked))
    adj = [t for _, t in every if t in _ADJ]
    feats |= {"has:" + t for t in adj}
    if sum(t == "JJ" for t in adj) >= 2:
        feats.add("has:JJ2")
    return tuple(sorted(feats))


def _how(sent: list[tuple[str, str]]) -> set[str]:
    out = set()
    for i, (w, _) in enumerate(sent[:-1]):
        if w == "how":
            nxt = sent[i + 1][1]
            out.add("h:" + nxt)
            if nxt in ("JJ", "RB", "JJR", "RBR") and i + 2 < len(sent):
                out.add(f"h:{nxt}>{sent[i + 2][1]}")
    return out


def _modal(sent: list[tuple[str, str]]) -> set[str]:
    out = set()
    for i, (w, t) in enumerate(sent):
        if t != "MD":
            continue
        rest = sent[i + 1:i + 4]
        nxt = [x for _, x in rest]
        if nxt[:1] == ["VB"]:
            out.add("m:MD>VB")
        if nxt[:2] == ["PRP", "VB"]:
            out.update({"m:MD>PRP>VB", f"m:{w}>PRP>VB"})
        if rest[:1] and rest[0][0] == "have" or [x for x, _ in rest[1:2]] == ["have"]:
            out.add("m:MD>have")
        out.add(f"m:{w}")
    return out


def _tense(sent: list[tuple[str, str]]) -> str:
    for w, t in sent:
        if t in _VERB:
            return f"v:aux:{w}" if w in _AUX or t == "MD" else f"v:{t}"
    return "v:none"


def _coordination(every: list[tuple[str, str]]) -> set[str]:
    out = set()
    for i in range(1, len(every) - 1):
        w = every[i][0]
        if w in ("and", "or"):
            out.add(f"cc:{every[i - 1][1]}_{w}_{every[i + 1][1]}")
    return out


def load_sets() -> tuple[dict[str, list[dict]], list[str]]:
    """``(set name -> rows, author set names)``: every labelled set the model trains on
    (:func:`lint_model_train.load_sets`), authors ``FIRST`` ... ``LAST`` and ``AUTHOR_FILES`` first."""
    every = lint_model_train.load_sets()
    authors = [name for n in range(FIRST, LAST + 1) if (name := f"blind-linter-{n}") in every]
    authors += list(AUTHOR_FILES)
    train_only = [name for name in every if not name.startswith("blind-linter-") and name not in AUTHOR_FILES]
    return {name: every[name] for name in authors + train_only}, authors


def text(question: str) -> str:
    from kit.guide.lint import question_text
    return question_text(question).strip()


def rules_table(questions: list[str], cache: Path | None) -> dict[str, tuple[list[str], list[str]]]:
    """Question -> (the rules' flags, the flags the gate closes to the model), cached in ``cache``
    (a JSON file, keyed by the repository's HEAD, so a change of the rules is never read stale)."""
    import subprocess

    from lint_model_train import ruled

    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    table: dict = {}
    if cache and cache.is_file():
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data.get("head") == head:
            table = {q: tuple(v) for q, v in data["rules"].items()}
    for i, q in enumerate(questions):
        if q not in table:
            flags, closed = ruled(q)
            table[q] = (sorted(flags), sorted(closed))
        if i % 2000 == 1999:
            print(f"  rules: {i + 1} / {len(questions)}", file=sys.stderr, flush=True)
    if cache:
        tmp = cache.with_name(cache.name + ".tmp")
        tmp.write_text(json.dumps({"head": head, "rules": table}), encoding="utf-8")
        tmp.replace(cache)
    return table


class Data:
    """Every question once per set: texts, set of each, per flag the label (-1 where the set
    has no column for it), the rules' flag and the gate."""

    def __init__(self, sets: dict[str, list[dict]], table):
        self.q, self.group, labels = [], [], []
        for name, rows in sets.items():
            seen = set()
            for r in rows:
                q = text(r["question"])
                if not q or q in seen:
                    continue
                seen.add(q)
                self.q.append(q)
                self.group.append(name)
                labels.append([int(r[COLUMN[f]].strip() == "1") if COLUMN[f] in r else -1 for f in FLAGS])
        self.group = np.array(self.group)
        self.y = {f: np.array([row[i] for row in labels]) for i, f in enumerate(FLAGS)}
        self.rule = {f: np.array([f in table[q][0] for q in self.q]) for f in FLAGS}
        self.open = {f: np.array([f not in table[q][0] and f not in table[q][1] for q in self.q]) for f in FLAGS}


def matrix(qs: list[str], featurize):
    """A CSR matrix (questions x features, binary) and the feature names."""
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([dict.fromkeys(featurize(q), 1) for q in qs]).tocsr()
    return X, vec.get_feature_names_out()


def fit_predict(X, y, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    """Probabilities on the ``test`` rows of a logistic regression fitted on the ``train`` rows,
    with the features of fewer than MIN_DF training rows dropped."""
    from sklearn.linear_model import LogisticRegression

    Xtr = X[train]
    keep = np.flatnonzero(np.asarray((Xtr > 0).sum(axis=0)).ravel() >= MIN_DF)
    Xtr = Xtr[:, keep]
    Xtr.indices, Xtr.indptr = Xtr.indices.astype(np.int32), Xtr.indptr.astype(np.int32)
    clf = LogisticRegression(C=C, solver="liblinear", dual=True, random_state=SEED, max_iter=1000)
    clf.fit(Xtr, y[train])
    return clf.predict_proba(X[test][:, keep])[:, 1]


def choose_threshold(p, y, rule, open_, counted) -> float:
    """The lowest of GRID at which "rules OR gated model" flags at most BUDGET of the counted
    negatives."""
    neg = (y == 0) & counted
    n = max(neg.sum(), 1)
    for t in GRID:
        if ((rule | (open_ & (p >= t))) & neg).sum() / n <= BUDGET:
            return t
    return 1.0


def evaluate(d: Data, authors: list[str], X, flag: str) -> dict[str, dict]:
    """Per held-out author: rules' and rules OR model's recall and false-flag rate, threshold."""
    from sklearn.model_selection import GroupKFold

    y, rule, open_ = d.y[flag], d.rule[flag], d.open[flag]
    labelled = y >= 0
    out = {}
    for a in authors:
        test = np.flatnonzero((d.group == a) & labelled)
        if not len(test):
            continue
        held = {d.q[i] for i in test}
        tr_mask = labelled & (d.group != a) & np.array([q not in held for q in d.q])
        train = np.flatnonzero(tr_mask)
        p_in = np.zeros(len(train))
        for itr, ite in GroupKFold(n_splits=INNER_FOLDS).split(train, y[train], d.group[train]):
            p_in[ite] = fit_predict(X, y, train[itr], train[ite])
        counted = d.group[train] != "lint_pinned"
        t = choose_threshold(p_in, y[train], rule[train], open_[train], counted)
        p = fit_predict(X, y, train, test)
        yt, rt = y[test], rule[test]
        both = rt | (open_[test] & (p >= t))
        pos, neg = yt == 1, yt == 0
        out[a] = {"threshold": t, "n_pos": int(pos.sum()), "n_neg": int(neg.sum()),
                  "rules_recall": float(rt[pos].mean()) if pos.any() else float("nan"),
                  "recall": float(both[pos].mean()) if pos.any() else float("nan"),
                  "rules_ffr": float(rt[neg].mean()), "ffr": float(both[neg].mean())}
    return out


def summary(rows: dict[str, dict], names, key: str) -> tuple[float, float]:
    vals = [rows[a][key] for a in names if a in rows and not np.isnan(rows[a][key])]
    if not vals:
        return float("nan"), float("nan")
    worst = min(vals) if "recall" in key else max(vals)
    return float(np.mean(vals)), float(worst)


def report(results: dict, authors: list[str]) -> None:
    groups = (("all", authors), ("untuned", [a for a in authors if a in UNTUNED]))
    print(f"{'flag':<16}{'features':<11}{'authors':<9}{'recall mean / worst':>22}{'FFR mean / worst':>20}")
    for flag, by_set in results.items():
        for label, names in groups:
            first = next(iter(by_set.values()))
            r, rw = summary(first, names, "rules_recall")
            f, fw = summary(first, names, "rules_ffr")
            print(f"{flag:<16}{'rules':<11}{label:<9}{r:>13.3f} / {rw:.3f}{f:>12.3f} / {fw:.3f}")
            for fs, rows in by_set.items():
                r, rw = summary(rows, names, "recall")
                f, fw = summary(rows, names, "ffr")
                print(f"{flag:<16}{fs:<11}{label:<9}{r:>13.3f} / {rw:.3f}{f:>12.3f} / {fw:.3f}")
        print(flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, help="a JSON file for the rules' flags of every question (keyed by HEAD)")
    ap.add_argument("--flags", default=",".join(FLAGS), help="comma-separated flags (default: all five)")
    ap.add_argument("--sets", default=",".join(FEATURE_SETS), help="comma-separated feature sets")
    ap.add_argument("--json", type=Path, help="write the per-author figures as JSON to this file")
    args = ap.parse_args(argv)
    sets, authors = load_sets()
    qs = list(dict.fromkeys(text(r["question"]) for rows in sets.values() for r in rows))
    d = Data(sets, rules_table(qs, args.cache))
    flags = [f for f in args.flags.split(",") if f]
    results: dict = {f: {} for f in flags}
    for fs in [s for s in args.sets.split(",") if s]:
        X, _ = matrix(d.q, FEATURE_SETS[fs])
        for flag in flags:
            results[flag][fs] = evaluate(d, authors, X, flag)
            print(f"  done {fs} {flag}", file=sys.stderr, flush=True)
    report(results, authors)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
