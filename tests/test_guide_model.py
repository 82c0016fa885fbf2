"""Tests for the question-linter model experiment of session 7 (``tools/lint_model_train.py``,
issue 16; not shipped, docs/design.md "Trained model, session 7"): its features read a question
as the linter does, its pure-Python scorer agrees with scikit-learn's, its threshold and its
choice of training sets are what the design records. The questions are written for these
tests (none is in tests/data)."""
from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def T():
    spec = importlib.util.spec_from_file_location("lint_model_train", REPO / "tools" / "lint_model_train.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HABITS = ["How do you usually pay the window cleaner?", "What do you normally do when the lift breaks?",
          "How often do you top up the gas meter?", "What does a typical Saturday at the stall look like?",
          "Generally, how do you pick a plumber?", "What do you tend to order at the canteen?",
          "In general, how are refunds handled at the desk?", "How do you typically plan the school run?"]
STORIES = ["Tell me about the last time you paid the window cleaner.", "What happened when the lift broke on Monday?",
           "Walk me through the last time you topped up the gas meter.", "Describe last Saturday at the stall.",
           "How did you pick the plumber who fixed the boiler?", "What did you order at the canteen yesterday?",
           "Tell me about the refund you asked for at the desk.", "What happened on the school run this morning?"]


def test_features_read_the_question_as_the_rules_do(T):
    f = T.features("How do u usualy, um, book the van?")
    assert {"w:you", "w:usually", "b:you usually", "b:<s> how", "w:van"} <= set(f)
    assert "w:um" not in f and "w:u" not in f  # filler out, text-speak "u" read as "you"
    assert not any(x.startswith("c:") for x in f)  # character n-grams only on request
    c = T.features("How do u usualy, um, book the van?", chars=True)
    assert "c: usu" in c and "c:ualy " in c and set(f) < set(c)  # n-grams of the word as typed
    assert f == sorted(set(f))
    g = set(T.features("We built it for you. Do you like it?"))  # two sentences, each with <s>
    assert {"b:<s> we", "b:<s> do"} <= g and "b:you do" not in g


def test_probability_is_the_logistic_of_the_summed_weights(T):
    m = T.Model({"w:would": 2.0, "b:<s> if": 1.5, "w:ever": -0.25}, -3.0, 0.5)
    assert m.probability("If it broke, would you ever call us?") == pytest.approx(
        1 / (1 + math.exp(-(-3.0 + 2.0 + 1.5 - 0.25))))
    assert m.probability("Tell me about it.") == pytest.approx(1 / (1 + math.exp(3.0)))
    assert m.cues("If it broke, would you ever call us?") == ["would", "if"]


@pytest.mark.slow  # imports and fits scikit-learn: a few seconds on a shared machine
def test_fitted_model_scores_as_scikit_learn_does(T):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    m = T.fit(HABITS + STORIES, np.array([1] * len(HABITS) + [0] * len(STORIES)), keep=40)
    assert 0 < len(m.weights) <= 40
    docs = [set(T.features(q)) for q in HABITS + STORIES]
    assert all(sum(f in d for d in docs) >= T.MIN_DF for f in m.weights)  # rare features dropped
    assert all(round(w, T.DIGITS) == w for w in m.weights.values())
    vec = DictVectorizer(sort=True).fit([dict.fromkeys(m.weights, 1)])
    clf = LogisticRegression()
    clf.classes_ = np.array([0, 1])
    clf.coef_ = np.array([[m.weights[f] for f in vec.get_feature_names_out()]])
    clf.intercept_ = np.array([m.intercept])
    new = ["How do you normally chase a late invoice?", "Tell me about the invoice you chased last week."]
    want = clf.predict_proba(vec.transform([dict.fromkeys(T.features(q), 1) for q in new]))[:, 1]
    assert [m.probability(q) for q in new] == pytest.approx(want, abs=1e-12)
    assert want[0] > want[1]  # the habit scores above the story


def test_threshold_keeps_the_false_flag_rate_under_the_cap(T):
    p = np.array([i / 100 for i in range(100)] + [0.99] * 10)
    ys = np.array([0] * 100 + [1] * 10)
    t = T.threshold(p, ys)
    assert ((p >= t) & (ys == 0)).sum() / 100 <= T.MAX_FFR
    assert t == T.GRID[T.GRID.index(t)] and ((p >= round(t - 0.01, 2)) & (ys == 0)).sum() / 100 > T.MAX_FFR


def test_training_sets_leave_out_the_held_out_and_the_duplicate(T):
    train = T.load_sets()
    assert not set(T.HELD_OUT) & set(train) and "blind-linter-2" not in train
    assert {"questions_dev", "questions_blind1", "blind-linter-14"} <= set(train)
    assert set(T.HELD_OUT) <= set(T.load_sets(final=True))
    qs, ys, gs = T.examples(train, "generalizing")
    assert len(qs) == len(set(qs)) == len(ys) == len(gs)
    assert "questions" not in set(gs)  # the first set has no generalizing column
