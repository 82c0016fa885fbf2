"""The batched language classifier (kit.languages._classify_many, issue 20, eleventh pass):
many texts stepped together must give each text exactly what it gets alone, and what
py3langid's own classifier gives it, whatever its neighbours in the batch."""
from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from kit import languages
from kit.study import load_study

ROOT = Path(__file__).resolve().parents[1]


def _varied_texts() -> list[str]:
    with open(ROOT / "benchmarks" / "data" / "language_passages.tsv", encoding="utf-8", newline="") as handle:
        base = [r["text"] for r in csv.DictReader(handle, delimiter="\t")]
    for folder in (ROOT / "tests" / "data" / "langs_s7" / "study", ROOT / "kit" / "data" / "multilingual"):
        base += load_study(folder).turns["text"].tolist()
    rng = random.Random(11)
    odd = ["", "ok", "x", "ß", "—", "¿Qué?", "ÉCRIT EN MAJUSCULES", "a" * 700, "日本語のテキストです",
           "Привет, как дела?", "مرحبا بكم في المقابلة", "Ναι, φυσικά.", "12 34", "e\u0301te\u0301 (NFD)",
           "Bro level 212 had me hardstuck for like four days. Fiquei preso muito tempo, sério."]
    mixed = []
    for _ in range(150):  # pieces of two texts glued: lengths and scripts the batch must keep apart
        a, b = rng.sample(base, 2)
        mixed.append(a[:rng.randint(0, 90)] + rng.choice([" ", "\n", ". ", ""]) + b[rng.randint(0, 50):])
    texts = list(dict.fromkeys(base + odd + mixed))
    rng.shuffle(texts)
    return [t for t in texts if languages._LETTER.search(t)] + [""]


# about 2 s a candidate set: the default set in the fast gate, the others in the slow tier (tests/README.md)
@pytest.mark.parametrize("langs", [languages.DEFAULT_CANDIDATES,
                                   pytest.param(("en", "es"), marks=pytest.mark.slow),
                                   pytest.param(("tl", "en", "de"), marks=pytest.mark.slow)])
def test_a_batch_gives_each_text_what_it_gets_alone(langs):
    texts = _varied_texts()
    batch = languages._classify_many(texts, langs)
    alone = [languages._classify_many([t], langs)[0] for t in texts]
    assert len(batch) == len(texts)
    assert batch == alone  # exactly: same code, same float
    # and in batches cut anywhere, in another order
    shuffled = texts[::-1]
    chunks = [x for s in range(0, len(shuffled), 37) for x in languages._classify_many(shuffled[s:s + 37], langs)]
    assert chunks == batch[::-1]


def test_the_whole_model_batch_agrees_with_one_text_at_a_time():
    """The whole model (its 142 columns, used for doubtful passages) is read only on the
    features a batch has: a text's answer must not depend on the others' features."""
    texts = _varied_texts()[:120]
    whole = languages._known_codes()
    batch = languages._classify_many(texts, whole)
    assert batch == [languages._classify_many([t], whole)[0] for t in texts]
    assert {code for code, _ in batch} - set(whole) == set()


def test_the_batch_agrees_with_py3langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    oracle = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    oracle.set_languages(list(languages.DEFAULT_CANDIDATES))
    texts = [t for t in _varied_texts() if t]
    for text, (code, prob) in zip(texts, languages._classify_many(texts, languages.DEFAULT_CANDIDATES)):
        want_code, want_prob = oracle.classify(text)
        assert code == want_code and prob == pytest.approx(want_prob, abs=1e-4), text


def test_a_text_without_features_is_uniform_and_the_empty_batch_is_empty():
    assert languages._classify_many([], languages.DEFAULT_CANDIDATES) == []
    (code, prob), = languages._classify_many(["\x00"], languages.DEFAULT_CANDIDATES)
    assert prob == pytest.approx(1 / len(languages.DEFAULT_CANDIDATES))


def test_the_tables_slice_the_model_as_py3langid_does():
    import numpy as np

    for langs in (languages.DEFAULT_CANDIDATES, languages._known_codes()):
        ident = languages._identifier(langs)
        *_, ptc, pc, labels = languages._tables(langs)
        assert labels == [str(c) for c in ident.nb_classes]
        assert np.array_equal(np.asarray(ptc, dtype=np.float32), np.asarray(ident.nb_ptc, dtype=np.float32))
        assert np.array_equal(pc, np.asarray(ident.nb_pc, dtype=np.float32))
    with pytest.raises(ValueError):
        languages._tables(("en", "zz"))
