"""Auto-coding's ASCII path (issue 20, session 8) gives the codes of the general path: the
one-word keywords' (code, evidence) pairs are taken position by position in C, the longer
phrases worked out only where a word's next stem is their second, negation decided per
position from clause starts found as bytes (``kit.coding._ascii_clause_starts``), and the
most specific codes of a set found remembered per set. Each test compares both paths (or the
quick helper with the general function) on generated texts full of the cases that differ:
phrases sharing a first word with one-word keywords (in either order in the codebook), a
phrase cut by the end of the text, negation words just inside and just outside the window,
clause breaks by punctuation and by contrast words, parent and child codes."""
from __future__ import annotations

import random

import pytest

from kit import coding
from kit.codebook import Code, Codebook

WORDS = ("pay now paid payment run payments running up front fronts still not late day days late "
         "sixty ninety net 30 purchase orders order straight away bank charges charge card credit "
         "but although however whereas though not no never without hardly nobody nothing neither nor "
         "don't didn't isn't won't it's the a client invoice portal rejected supplier deposit terms "
         "a1'b x'9 dogs' 'cause follow-up follow ups tie tied ties up").split()
PUNCT = ["", "", "", "", ",", ".", ";", "!", "?", " -", " (", ")", ":", '"']


def _codebook(order: int) -> Codebook:
    codes = [
        Code(name="getting-paid", keywords=["paid", "pay", "payment", "card"]),
        Code(name="instant", parent="getting-paid", keywords=["pay now", "straight away", "card"],
             patterns=[r"\bpay now\b"]),
        Code(name="terms", parent="getting-paid",
             keywords=["payment run", "up front", "sixty days", "net 30", "terms", "deposit"],
             patterns=[r"\b(net ?\d{2}|\d{2}[- ]day terms)\b"]),
        Code(name="orders", parent="getting-paid", keywords=["purchase order", "portal", "rejected", "supplier"],
             patterns=[r"\bPOs?\b"]),
        Code(name="late", keywords=["days late", "late", "still not paid", "follow up"]),
        Code(name="fees", keywords=["bank charges", "charge", "credit card", "tie up"]),
        Code(name="ties", parent="fees", keywords=["tie", "up"]),
    ]
    if order:  # the same rules in another order: the codebook's order decides the evidence
        codes = codes[::-1]
        for c in codes:
            c.keywords = list(reversed(c.keywords))
    return Codebook(codes)


def _text(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(0, 24)):
        w = rng.choice(WORDS)
        if rng.random() < 0.1:
            w = w.upper() if rng.random() < 0.5 else w.title()
        words.append(w + rng.choice(PUNCT))
    return " ".join(words)


@pytest.mark.parametrize("order", [0, 1])
@pytest.mark.parametrize("negation,most_specific", [(True, True), (False, True), (True, False)])
def test_ascii_path_codes_as_the_general_path(order, negation, most_specific):
    rng = random.Random(8 + order)
    quick = coding.AutoCoder(_codebook(order), negation=negation, most_specific=most_specific)
    general = coding.AutoCoder(_codebook(order), negation=negation, most_specific=most_specific)
    general.ascii_path = False
    texts = [_text(rng) for _ in range(3000)] + [
        "", "pay", "pay now", "not pay now", "no, pay now", "not paid but pay now", "still not paid",
        "payment", "payment run", "up", "tie up", "tie", "credit card but not card", "days late pay now pay"]
    multi = negated = 0
    for text in texts:
        got = quick.code_text(text)
        assert got == general.code_text(text), text
        words = text.lower().split()
        multi += any(a in {"pay", "payment", "up", "bank", "tie"} for a in words)
        negated += not coding.NEGATIONS.isdisjoint(words)
    assert multi > 500 and negated > 500  # the cases the quick path works out differently


def test_clause_starts_as_bytes_are_words_and_clauses():
    rng = random.Random(5)
    checked = 0
    for _ in range(5000):
        lower = _text(rng).lower()
        if "'" in lower and coding._UNEVEN_APOSTROPHE.search(lower):
            continue
        words, starts = coding.words_and_clauses(lower)
        assert coding._ascii_clause_starts(lower) == starts, lower
        checked += 1
    assert checked > 1000


def test_most_specific_codes_follow_replaced_ancestors():
    coder = coding.AutoCoder(_codebook(0))
    assert [c for c, _ in coder.code_text("pay now")] == ["instant"]
    coder.ancestors = {}  # as kit.languages does for most_specific=False
    assert [c for c, _ in coder.code_text("pay now")] == ["getting-paid", "instant"]
