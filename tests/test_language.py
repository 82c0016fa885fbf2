"""kit.language: keyness G2 against a hand-computed value, collocations against NLTK's own
measures, and the consent rule for quotes."""
from __future__ import annotations

import math
from pathlib import Path

import nltk.data
import pandas as pd
import pytest
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from scipy import stats

import kit
from kit import language

KIT = Path(__file__).resolve().parents[1] / "kit"


def test_g2_by_hand():
    # 10 in 1,000 words against 5 in 2,000: E1 = 1000 x 15 / 3000 = 5, E2 = 10,
    # G2 = 2 (10 ln(10/5) + 5 ln(5/10)) = 2 (10 - 5) ln 2 = 10 ln 2 = 6.9315
    assert language.g2(10, 5, 1000, 2000) == pytest.approx(10 * math.log(2))
    assert round(language.g2(10, 5, 1000, 2000), 4) == 6.9315
    # a word absent from the reference: the zero term counts 0; E1 = 2.5, G2 = 2 x 5 ln 2
    assert language.g2(5, 0, 100, 100) == pytest.approx(10 * math.log(2))
    # the same frequency in both: no keyness
    assert language.g2(4, 8, 1000, 2000) == pytest.approx(0.0)


def test_g2_matches_scipy_log_likelihood():
    for a, b, c, d in [(10, 5, 1000, 2000), (3, 40, 500, 9000), (25, 1, 3000, 3100)]:
        e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
        ref = stats.power_divergence([a, b], [e1, e2], lambda_="log-likelihood").statistic
        assert language.g2(a, b, c, d) == pytest.approx(ref)
    arr = language.g2([10, 5], [5, 0], [1000, 100], [2000, 100])
    assert list(arr) == pytest.approx([10 * math.log(2)] * 2)


def test_log_ratio():
    assert language.log_ratio(10, 5, 1000, 2000) == pytest.approx(2.0)  # 4 times as frequent
    assert language.log_ratio(4, 8, 1000, 2000) == pytest.approx(0.0)
    assert language.log_ratio(1, 0, 100, 100) == pytest.approx(1.0)  # zero taken as 0.5


def test_keyness_counts_content_words():
    target = ["The invoice was late, late again.", "Invoice portal!"]
    reference = ["The quote was fine.", "A quote, a portal, a quote.", "Fine and late."]
    table = language.keyness(target, reference, min_freq=2, top=None, overused_only=False)
    # content words ("again" is a stopword): target invoice x2, late x2, portal -> 5;
    # reference quote x3, fine x2, portal, late -> 7
    rows = table.set_index("word")
    assert set(rows.index) == {"invoice", "late"}
    assert rows.loc["invoice", "g2"] == pytest.approx(language.g2(2, 0, 5, 7))
    # E1 = 5 x 2 / 12, G2 = 2 x 2 ln(2 / E1) = 4 ln 2.4
    assert rows.loc["invoice", "g2"] == pytest.approx(4 * math.log(2.4))
    assert rows.loc["late", "g2"] == pytest.approx(language.g2(2, 1, 5, 7))
    assert rows.loc["late", "target_per_1000"] == pytest.approx(1000 * 2 / 5)
    assert rows.loc["invoice", "p_value"] == pytest.approx(stats.chi2.sf(rows.loc["invoice", "g2"], 1))
    assert list(table["word"]) == ["invoice", "late"]  # largest G2 first
    assert set(table["use"]) == {"over"}


def test_keyness_marks_underused_words():
    table = language.keyness(["quote quote invoice"], ["quote invoice invoice invoice invoice invoice"],
                             min_freq=1, overused_only=False).set_index("word")
    assert table.loc["invoice", "use"] == "under" and table.loc["quote", "use"] == "over"
    assert table.loc["invoice", "log_ratio"] < 0


def test_collocations_match_nltk_and_respect_turn_boundaries():
    texts = ["the bank transfer came late", "another bank transfer, payment link sent",
             "payment link again", "I sent the bank", "transfer money"]
    who = ["P1", "P2", "P2", "P3", "P3"]
    table = language.collocations(texts, who, min_freq=2)
    assert list(table["phrase"]) == ["bank transfer", "payment link"] or \
        set(table["phrase"]) == {"bank transfer", "payment link"}
    rows = table.set_index("phrase")
    # "bank" ends one turn and "transfer" starts the next: not a third "bank transfer"
    assert rows.loc["bank transfer", "freq"] == 2
    assert rows.loc["bank transfer", "people"] == 2 and rows.loc["payment link", "people"] == 1
    finder = BigramCollocationFinder.from_documents([language.words(t) for t in texts])
    finder.apply_freq_filter(2)
    lr = dict(finder.score_ngrams(BigramAssocMeasures.likelihood_ratio))
    pmi = dict(finder.score_ngrams(BigramAssocMeasures.pmi))
    assert rows.loc["bank transfer", "likelihood_ratio"] == pytest.approx(lr[("bank", "transfer")])
    assert rows.loc["payment link", "pmi"] == pytest.approx(pmi[("payment", "link")])
    assert list(language.collocations(texts, who, min_freq=2, min_people=2)["phrase"]) == ["bank transfer"]


def test_collocations_leave_out_stopwords_and_numbers():
    texts = ["thirty days late, of the invoice"] * 3
    phrases = set(language.collocations(texts, min_freq=2)["phrase"])
    assert phrases == {"days late"}
    assert "thirty days" in set(language.collocations(texts, min_freq=2, numbers=True)["phrase"])


def test_words_need_no_nltk_data(monkeypatch):
    monkeypatch.setattr(nltk.data, "path", [])
    assert language.words("Didn’t PAY, the invoice’s 30 days late!") == ["didn't", "pay", "the", "invoice's",
                                                                          "days", "late"]
    assert language.content_words("Didn't pay the invoice, it's late") == ["pay", "invoice", "late"]
    language.collocations(["bank transfer", "bank transfer"], min_freq=2)


def test_kit_never_downloads_nltk_data():
    for path in KIT.rglob("*.py"):
        assert "nltk.download" not in path.read_text(encoding="utf-8"), path


def test_participant_words_use_each_text_once(study_dir):
    study = kit.load_study(study_dir)
    frame = language.participant_words(study)
    # INT-001 has a transcript: its turns, not its quotes; INT-002 has none: its quote
    assert list(frame["segment_id"]) == ["INT-001#t2", "INT-001#t4", "INT-002#q1"]
    assert list(frame["segment"]) == ["small", "small", "large"]


def test_keyness_by_and_theme_words(study_dir):
    study = kit.load_study(study_dir)
    frame = language.participant_words(study)
    table = language.keyness_by(frame, "segment", min_freq=1)
    large = table[table["segment"] == "large"].set_index("word")
    assert "blocked" in large.index and large.loc["blocked", "people"] == 1
    coded = pd.DataFrame({"segment_id": ["INT-001#t2"], "code": ["workaround"]})
    words = language.theme_words(coded, frame, min_freq=1, top=3)
    assert set(words["code"]) == {"workaround"}
    assert set(words["word"]) <= set(language.content_words(frame.loc[0, "text"]))


def test_phrase_quotes_only_from_consenting_participants(study_dir):
    study = kit.load_study(study_dir)
    frame = language.participant_words(study)
    quotes = language.phrase_quotes(["invite", "invite links", "spam"], frame, study.consenting())
    # P-2 ("Our IT team blocked the invite links") did not consent
    assert set(quotes["participant"]) == {"P-1"}
    assert list(quotes["phrase"]) == ["invite", "spam"]
    assert language.phrase_quotes(["invite"], frame, set()).empty


def test_pilot_customer_language():
    study = kit.load_study(kit.paths.pilot_path())
    frame = language.participant_words(study)
    who = frame["participant"]
    phrases = language.collocations(frame["text"], who, min_freq=2, min_people=2)
    assert "bank transfer" in set(phrases["phrase"])
    assert (phrases["people"] >= 2).all()
    keys = language.keyness_by(frame, "segment")
    agency = keys[keys["segment"] == "agency"]
    assert "supplier" in set(agency["word"]) and (agency["g2"].diff().dropna() <= 0).all()
