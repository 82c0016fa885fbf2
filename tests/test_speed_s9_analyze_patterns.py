"""A pattern that needs its literal at the start of a word (``\\bPOs?\\b``) is searched only in
ASCII texts holding the literal there (issue 20, ninth pass): the same codes and evidence as
searching every text that holds the literal anywhere."""
from __future__ import annotations

import random

import pytest

from kit import coding
from kit.codebook import Code, Codebook

PIECES = ("po", "PO", "POs", "Po's", "report", "spot", "_po", "9po", "po9", "(po)", "-po", "purchase orders",
          "purchase-order", "repurchase order", "pay now", "repay now", "payment link", "payment links",
          "prepayment link", "net 30", "internet 30", "45-day terms", "3%", "ten per cent", "cafépo", "Kpo",
          "\u212apo", "po\u00e9", "the", "client", "paid", "late", ",", ".", "!", "'")


def _codebook(anywhere: bool) -> Codebook:
    codes = [
        Code(name="orders", patterns=[r"\bPOs?\b", r"\bpurchase[- ]orders?\b"]),
        Code(name="instant", patterns=[r"\bpay now\b", r"\bpayment links?\b"]),
        Code(name="terms", patterns=[r"\b(net ?\d{2}|\d{2}[- ]day terms)\b"]),
        Code(name="fees", patterns=[r"\b\d+(\.\d+)? ?(%|per ?cent)\b"]),
        Code(name="verbose", patterns=[r"(?x) \b re port"]),
    ]
    if anywhere:  # "po" also needed inside a word, or on one side of an alternation
        codes += [Code(name="suffix", patterns=[r"po\b", r"\bPO|xyz"])]
    return Codebook(codes)


def test_which_literals_must_start_a_word():
    assert coding._starts_word(r"\bPOs?\b", "po")
    assert coding._starts_word(r"\bpay now\b", "pay now")
    assert not coding._starts_word(r"\bPO|xyz", "po")  # an alternation: either side
    assert not coding._starts_word(r"po\b", "po")
    assert not coding._starts_word(r"\b\d+(\.\d+)? ?(%|per ?cent)\b", "cent")
    assert not coding._starts_word(r"\bpay", "pay now")


@pytest.mark.parametrize("seed", range(4))
def test_word_start_prefilter_changes_no_coding(seed):
    rng = random.Random(seed)
    anywhere = bool(seed % 2)
    quick = coding.AutoCoder(_codebook(anywhere))
    plain = coding.AutoCoder(_codebook(anywhere))
    plain.word_start = {}
    # with "po\b" the literal is needed anywhere: no prefilter for it
    assert ("po" in quick.word_start) is not anywhere
    assert "pay now" in quick.word_start and "purchase" in quick.word_start
    texts = [" ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    texts += [p for p in PIECES] + ["".join(rng.sample(PIECES, 3)) for _ in range(500)]
    found = 0
    for text in texts:
        got = quick.code_text(text)
        assert got == plain.code_text(text), text
        found += bool(got)
    assert found > 1000
