"""Tests for the question linter's trained model (issue 16, session 9; ``kit/guide/model.py``,
``tools/lint_model_train.py``, ``tools/lint_model_pinned.py``; docs/design.md "Trained model,
session 9"): its features read a question as the rules do, its pure-Python scorer agrees with
scikit-learn's, it only adds flags where no rule's guard cleared the question, its threshold and
training sets are what the design records, and the shipped weights are a retrain. The questions
are written for these tests (none is in tests/data)."""
from __future__ import annotations

import csv
import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kit.guide import model
from kit.guide.lint import judge_question, lint_question, rules

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "anthropic-interviewer"


def _tool(name):
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def T():
    return _tool("lint_model_train")


HABITS = ["How do you usually pay the window cleaner?", "What do you normally do when the lift breaks?",
          "How often do you top up the gas meter?", "What does a typical Saturday at the stall look like?",
          "Generally, how do you pick a plumber?", "What do you tend to order at the canteen?",
          "In general, how are refunds handled at the desk?", "How do you typically plan the school run?"]
STORIES = ["Tell me about the last time you paid the window cleaner.", "What happened when the lift broke on Monday?",
           "Walk me through the last time you topped up the gas meter.", "Describe last Saturday at the stall.",
           "How did you pick the plumber who fixed the boiler?", "What did you order at the canteen yesterday?",
           "Tell me about the refund you asked for at the desk.", "What happened on the school run this morning?"]


def test_features_read_the_question_as_the_rules_do():
    f = model.features("How do u usualy, um, book the van?")
    assert {"w:you", "w:usually", "b:you usually", "b:<s> how", "w:van", "o:how do you", "t:habit"} <= set(f)
    assert "w:um" not in f and "w:u" not in f  # filler out, text-speak "u" read as "you"
    assert f == sorted(set(f)) and "p:pre" not in f
    g = set(model.features("We built it for you. Would you like it?"))  # two sentences, each with <s>
    assert {"b:<s> we", "b:<s> would", "p:pre", "o:would you like", "t:modal"} <= g and "b:you would" not in g
    assert "o:we built it" not in g  # the opening is the asked sentence's
    assert "t:modal+past" in model.features("If it had broken, would you have called?")


def test_probability_is_the_logistic_of_the_summed_weights():
    m = model.Model({"w:would": 2.0, "b:<s> if": 1.5, "w:ever": -0.25}, -3.0, 0.5)
    assert m.probability("If it broke, would you ever call us?") == pytest.approx(
        1 / (1 + math.exp(-(-3.0 + 2.0 + 1.5 - 0.25))))
    assert m.probability("Tell me about it.") == pytest.approx(1 / (1 + math.exp(3.0)))
    assert m.cues("If it broke, would you ever call us?") == ["would", "if"]


def test_the_gate_keeps_the_model_from_questions_a_guard_cleared():
    raw = ["How do you split the rent and the bills?"]
    assert not model.gated("double-barreled", raw, set(), "open")
    assert model.gated("double-barreled", raw, {"double-barreled"}, "open")  # a guard removed it
    assert model.gated("generalizing", raw, set(), "probe")  # probes are never flagged by the model
    assert model.gated("double-barreled", ["How do you read the terms and conditions?"], set(), "open")  # fixed pair
    assert model.gated("double-barreled", ["What happened at the bank?"], set(), "open")  # nothing coordinated
    assert not model.gated("leading", ["What happened at the bank?"], set(), "open")
    # a rule's flag a later round removed is reported as cleared
    sents, raw2, reasons, cleared = rules("What happened when the skipper and the harbour master disagreed?")
    assert "double-barreled" not in reasons and model.gated("double-barreled", raw2, cleared, "story")


def test_the_model_only_adds_flags_and_names_its_words():
    always = {"generalizing": model.Model({"w:paid": 5.0}, 0.0, 0.9), "leading": model.Model({"w:paid": 5.0}, 0.0, 0.9)}
    q = "Tell me about the last time you paid the window cleaner."
    sents, raw, reasons, cleared = rules(q)
    added = model.model_reasons(q, raw, reasons, cleared, "story", always)
    assert set(added) == {"generalizing", "leading"} and "'paid'" in added["generalizing"]
    q2 = "Don't you love our new app?"
    sents, raw, reasons, cleared = rules(q2)
    assert "leading" in reasons and "leading" not in model.model_reasons(q2, raw, reasons, cleared, "closed", always)
    assert not model.model_reasons(q, raw, {}, set(), "probe", always)  # a probe: nothing added


def test_shipped_file_lists_enabled_flags_with_their_models():
    data = json.loads(model.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(data["flags"]) <= set(data["models"]) and set(data["models"]) <= {
        "leading", "closed", "hypothetical", "double-barreled", "generalizing"}
    assert set(model.load()) == set(data["flags"])
    assert all(0.05 <= m["threshold"] <= 1.0 for m in data["models"].values())
    assert {"blind-linter-28", "blind-linter-30"} <= set(data["trained_on"])  # session 10's hold-out, released in session 11
    assert {"blind-linter-22", "blind-linter-27"} <= set(data["trained_on"])  # released after session 9
    assert "lint_pinned" in data["trained_on"]


@pytest.mark.slow  # starts a Python: several seconds on a shared machine
def test_linting_needs_no_scikit_learn():
    code = ("import sys; from kit.guide.lint import lint_question; lint_question('How do you usually pay rent?'); "
            "print('sklearn' in sys.modules, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True,
                         env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert out.stdout.split()[0] == "False"


@pytest.mark.slow  # lints 1,600 questions: half a minute
def test_the_linter_keeps_the_pinned_questions_as_the_tests_pin_them():
    """Every question the fast tests pin (``tests/data/lint_pinned.csv``) keeps its flags with the
    model wired in, but where the model adds one to a question no test asserts about."""
    with open(REPO / "tests" / "data" / "lint_pinned.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 1000
    added = 0
    for r in rows:
        want = {f for f in ("leading", "closed", "hypothetical", "double-barreled", "generalizing")
                if r[f.replace("-", "_")] == "1"}
        got = set(judge_question(r["question"])["flags"])
        assert want <= got  # the model never removes a flag
        added += len(got - want)
    assert added <= 0.03 * len(rows)


def test_threshold_keeps_the_false_flag_rate_under_the_cap(T):
    p = np.array([i / 100 for i in range(100)] + [0.99] * 10)
    ys = np.array([0] * 100 + [1] * 10)
    t = T.threshold(p, ys)
    assert ((p >= t) & (ys == 0)).sum() / 100 <= T.MAX_FFR
    assert ((p >= round(t - 0.01, 2)) & (ys == 0)).sum() / 100 > T.MAX_FFR
    closed = np.array([True] * 50 + [False] * 50 + [True] * 10)  # the gate shuts half the negatives
    assert T.threshold(p, ys, closed) < t


def test_training_sets_leave_out_the_hold_out_and_the_duplicate(T):
    train = T.load_sets()
    assert not set(T.HOLD_OUT) & set(train) and "blind-linter-2" not in train
    assert {"questions_dev", "questions_blind1", "blind-linter-21", "lint_pinned"} <= set(train)
    qs, ys, gs = T.examples(train, "generalizing")
    assert len(qs) == len(set(qs)) == len(ys) == len(gs)
    assert "questions" not in set(gs)  # the first set has no generalizing column


@pytest.mark.slow  # imports and fits scikit-learn: a few seconds on a shared machine
def test_fitted_model_scores_as_scikit_learn_does(T):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    m = T.fit(HABITS + STORIES, np.array([1] * len(HABITS) + [0] * len(STORIES)), keep=40)
    assert 0 < len(m.weights) <= 40
    docs = [set(model.features(q)) for q in HABITS + STORIES]
    assert all(sum(f in d for d in docs) >= T.MIN_DF for f in m.weights)  # rare features dropped
    assert all(round(w, T.DIGITS) == w for w in m.weights.values())
    vec = DictVectorizer(sort=True).fit([dict.fromkeys(m.weights, 1)])
    clf = LogisticRegression()
    clf.classes_ = np.array([0, 1])
    clf.coef_ = np.array([[m.weights[f] for f in vec.get_feature_names_out()]])
    clf.intercept_ = np.array([m.intercept])
    new = ["How do you normally chase a late invoice?", "Tell me about the invoice you chased last week."]
    want = clf.predict_proba(vec.transform([dict.fromkeys(model.features(q), 1) for q in new]))[:, 1]
    assert [m.probability(q) for q in new] == pytest.approx(want, abs=1e-12)
    assert want[0] > want[1]  # the habit scores above the story


@pytest.mark.slow  # lints every string of the linter's tests: several seconds
def test_pinned_set_is_what_the_script_writes(tmp_path):
    out = tmp_path / "pinned.csv"
    _tool("lint_model_pinned").main(["--out", str(out)])
    assert out.read_bytes() == (REPO / "tests" / "data" / "lint_pinned.csv").read_bytes()


@pytest.mark.slow  # trains five models with grouped cross-validation: minutes
@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus of real interviews is absent (its questions set thresholds)")
def test_shipped_weights_are_a_retrain(T, tmp_path):
    out = tmp_path / "lint_model.json"
    T.main(["--write", str(out)])
    assert out.read_bytes() == model.MODEL_PATH.read_bytes()


def test_a_flag_the_model_adds_is_reasoned_and_rewritten():
    """Options offered without a verb ("Card or cheque ...?") are closed to the model, not to the
    rules; the flag comes with the model's words and a story-based rewrite."""
    assert "closed" in model.load()
    got = [lint_question(q) for q in ("Card or cheque for the deposit?", "Cash or card at the market stall?")]
    assert all(not rules(r["question"])[2] for r in got)  # no rule flags them
    flagged = [r for r in got if r["flags"] == ["closed"]]
    assert flagged and all(r["reasons"]["closed"].startswith("the trained model reads it as closed (words: 'or'")
                           and r["suggestion"].startswith("Tell me about") for r in flagged)
    assert lint_question("Tell me about the last time you paid the window cleaner.")["flags"] == []


def test_leave_one_author_out_lists_each_author_once_and_never_the_hold_out(T):
    loao = _tool("lint_model_loao")
    who = loao.authors(T.load_sets())
    assert who[:2] == ["questions_blind1", "questions_blind2"] and len(who) == len(set(who))
    assert {"blind-linter-3", "blind-linter-22", "blind-linter-27", "blind-linter-30"} <= set(who)  # 28-30 released
    assert not set(T.HOLD_OUT) & set(who) and "blind-linter-2" not in who and "lint_pinned" not in who
    assert who.index("blind-linter-9") < who.index("blind-linter-10")  # by number, not by text


@pytest.mark.slow  # fits scikit-learn twice: a few seconds
def test_leave_one_author_out_fits_as_the_training_script_does(T):
    loao = _tool("lint_model_loao")
    qs = HABITS + STORIES
    ys = np.array([1] * len(HABITS) + [0] * len(STORIES))
    mat = loao._Matrix(qs, T.KINDS)
    w, b = mat.fit(list(range(len(qs))), ys)
    m = T.fit(qs, ys)
    assert {mat.names[i]: w[i] for i in np.flatnonzero(w)} == m.weights and b == m.intercept
    assert list(mat.proba(w, b, STORIES[:2])) == pytest.approx([m.probability(q) for q in STORIES[:2]], abs=1e-12)
