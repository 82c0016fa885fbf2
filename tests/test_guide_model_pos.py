"""Tests for the experiment with part-of-speech features for the linter's model (issue 16,
session 10; ``tools/lint_model_pos.py``, whose result was negative, so nothing of it is in
``kit``): the tags come from package data only, the features read the grammar the flags are
about, and the leave-one-author-out tool never trains on the author it scores nor reads the
final hold-out. The questions are written for these tests (none is in tests/data)."""
from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kit.guide import model



@pytest.fixture(autouse=True, scope="module")
def _textblob():
    # the experiment's tagger (pip install textblob); not a dependency of the kit. Asked for by the
    # tests, not at collection, where every worker would import it
    pytest.importorskip("textblob")


REPO = Path(__file__).resolve().parents[1]


def _tool():
    return _load()


def _load():
    spec = importlib.util.spec_from_file_location("lint_model_pos", REPO / "tools" / "lint_model_pos.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


model_pos = _load()


def f(question: str) -> set[str]:
    return set(model_pos.pos_features(question))


def test_tagging_asks_nltk_for_no_data(monkeypatch):
    import nltk.data

    def boom(*a, **k):
        raise AssertionError(f"NLTK data asked for: {a}")

    monkeypatch.setattr(nltk.data, "find", boom)
    monkeypatch.setattr(nltk.data, "load", boom)
    model_pos._tagger.cache_clear()
    assert model_pos.tag(["how", "often", "do", "you", "restock"])[:2] == [("how", "WRB"), ("often", "RB")]


@pytest.mark.slow  # a fresh interpreter: the lexicon loaded without NLTK's data
def test_tagging_needs_no_nltk_data(tmp_path):
    code = ("import nltk.data\n"
            "def boom(*a, **k): raise RuntimeError('NLTK data asked for')\n"
            "nltk.data.find = nltk.data.load = boom\n"
            "import importlib.util\n"
            f"spec = importlib.util.spec_from_file_location('t', {str(REPO / 'tools' / 'lint_model_pos.py')!r})\n"
            "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); tag = m.tag\n"
            "print(tag(['would', 'you', 'pay', 'for', 'faster', 'delivery']))\n")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "('would', 'MD')" in out.stdout and "('pay', 'VB')" in out.stdout


def test_tags_are_penn_tags_one_per_token():
    tagged = model_pos.tag(["what", "is", "the", "best", "thing", "about", "our", "new", "van"])
    assert [w for w, _ in tagged] == ["what", "is", "the", "best", "thing", "about", "our", "new", "van"]
    assert dict(tagged)["best"] == "JJS" and dict(tagged)["our"] == "PRP$" and dict(tagged)["is"] == "VBZ"
    assert model_pos.tag([]) == []


def test_features_are_sorted_unique_and_apart_from_the_word_features():
    q = "We rebuilt the booking page last spring. How easy was it to find a slot and pay?"
    feats = model_pos.pos_features(q)
    assert feats == sorted(set(feats)) and feats
    assert not set(feats) & set(model.features(q))
    assert {"G1:PRP", "G2:<s> PRP"} <= set(feats)  # the preamble's tags
    assert "go:WRB JJ" in feats and "h:JJ" in feats  # "how easy"
    assert not any(x.startswith("G") for x in model_pos.pos_features("How easy was it to find a slot?"))


def test_modal_patterns_mark_the_conditional_and_the_tense_the_habit():
    would = f("Would you pay more for faster delivery?")
    assert {"m:MD>PRP>VB", "m:would>PRP>VB", "v:aux:would", "wt:would/MD"} <= would
    assert "m:MD>PRP>VB" not in f("Did you switch to a cheaper courier?")
    assert "v:aux:did" in f("Did you switch to a cheaper courier?")
    assert "v:aux:do" in f("How often do you restock the freezer?")
    assert "m:MD>have" in f("What would have made the move easier?")


def test_evaluative_grammar_superlatives_and_how_plus_adverb():
    assert {"has:JJS", "g2:DT JJS"} <= f("What is the best part of our loyalty scheme?")
    assert "has:JJS" not in f("What part of the loyalty scheme did you use last week?")
    assert {"h:RB", "h:RB>VBD"} <= f("How badly did the ward handle your discharge?")
    assert "has:JJ2" in f("What do you think of our quick, friendly drivers?")


def test_coordination_is_read_with_the_tags_either_side():
    assert "cc:JJ_and_JJ" in f("Was the checkout quick and easy?")
    assert "cc:NN_and_DT" in f("How do you feel about the rota and the pay?")
    assert not any(x.startswith("cc:") for x in f("Tell me about the last rota you worked."))


def test_features_read_words_as_the_rules_do_and_never_fail():
    assert "wt:you/PRP" in f("how do u book the van")  # text-speak "u" read as "you"
    assert not any("um" in x for x in f("how did you, um, book the van?"))
    for odd in ["", "?", "...", "¿Qué tal?", "a " * 400, "Ｄo you like it？"]:
        assert model_pos.pos_features(odd)
    assert model_pos.pos_features("") == ["v:none"]


def _write(path: Path, rows: list[dict], fields: list[str]):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)


def test_the_tool_reads_authors_but_never_the_final_hold_out(tmp_path, monkeypatch):
    T = _tool()
    cols = ["id", "question", "leading", "closed", "hypothetical", "double_barreled", "generalizing"]
    row = dict.fromkeys(cols, "0")
    for n in (2, 3, 27, 28, 31):
        _write(tmp_path / f"blind-linter-{n}" / "questions.csv", [{**row, "question": f"Q{n}?"}], cols)
    for name in ("questions", "questions_blind1", "questions_blind2"):
        _write(tmp_path / f"{name}.csv", [{**row, "question": f"{name}?"}], cols)
    _write(tmp_path / "lint_pinned.csv", [{**row, "question": "pinned?"}], cols)
    monkeypatch.setattr(T.lint_model_train, "DATA", tmp_path)  # the sets are the trainer's (load_sets)
    monkeypatch.setattr(T.lint_model_train, "PINNED", tmp_path / "lint_pinned.csv")
    sets, authors = T.load_sets()
    assert authors == ["blind-linter-3", "blind-linter-27", "questions_blind1", "questions_blind2"]
    assert set(sets) == {*authors, "questions", "lint_pinned"}  # the project's own: training only


def test_threshold_keeps_rules_or_model_within_the_budget():
    T = _tool()
    rng = np.random.default_rng(0)
    y = (rng.random(2000) < 0.3).astype(int)
    p = np.clip(y * 0.5 + rng.random(2000) * 0.6, 0, 1)
    rule = (y == 1) & (rng.random(2000) < 0.5) | (y == 0) & (rng.random(2000) < 0.01)
    open_ = ~rule
    counted = np.ones(2000, dtype=bool)
    t = T.choose_threshold(p, y, rule, open_, counted)
    flagged = rule | (open_ & (p >= t))
    assert flagged[y == 0].mean() <= T.BUDGET
    lower = round(t - 0.01, 2)
    assert lower < 0.05 or (rule | (open_ & (p >= lower)))[y == 0].mean() > T.BUDGET  # the lowest such


def test_leave_one_author_out_never_trains_on_the_held_out_questions(monkeypatch):
    T = _tool()
    seen = []

    def spy(X, y, train, test):
        seen.append((set(train), set(test)))
        return y[test] * 0.9 + 0.05  # a perfect model

    monkeypatch.setattr(T, "fit_predict", spy)

    class D:
        q = ["a?", "b?", "c?", "a?", "d?", "e?", "f?", "g?"]  # "a?" is in two sets
        group = np.array(["A1", "A1", "A2", "T", "T", "A2", "T", "A1"])
        y = {"leading": np.array([1, 0, 1, 1, 0, 0, 1, 0])}
        rule = {"leading": np.zeros(8, dtype=bool)}
        open = {"leading": np.ones(8, dtype=bool)}

    monkeypatch.setattr(T, "INNER_FOLDS", 2)
    out = T.evaluate(D, ["A1", "A2"], None, "leading")
    assert set(out) == {"A1", "A2"}
    assert len(seen) == 2 * 3  # per author: two inner fits (the threshold), then the scoring fit
    a1 = seen[:3]  # A1's: no row of A1 trained on, nor "a?" where set T repeats it
    assert all(not (train & {0, 1, 3, 7}) for train, _ in a1) and a1[2][1] == {0, 1, 7}
    assert all(not (train & {2, 5}) for train, _ in seen[3:]) and seen[5][1] == {2, 5}
    assert out["A1"]["recall"] == 1.0 and out["A1"]["n_pos"] == 1 and out["A1"]["threshold"] == 0.06


@pytest.mark.parametrize("question", ["What would your ideal clinic look like?", "How often do you shop online?"])
def test_features_are_cached_and_deterministic(question):
    assert model_pos.pos_features(question) == model_pos.pos_features(question)
