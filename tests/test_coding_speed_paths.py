"""Auto-coding's quick path for ASCII texts (issue 20) gives the codes of the general one:
the words of an ASCII text whose apostrophes stand inside words are split as bytes, each
distinct word stemmed once; the tests compare both paths on generated texts full of the
cases where splitting on runs of letters, digits and apostrophes would differ from
``kit.coding.tokens`` (``'cause``, ``dogs'``, ``rock'n'roll``, ``it's2``)."""
from __future__ import annotations

import random

import pytest

from kit import coding
from kit.codebook import Code, Codebook
from coding_helpers import random_text

WORDS = ("the invoice was late and the client paid by bank transfer after three reminders "
         "i copied the spreadsheet template because the portal rejected it twice "
         "payment terms sixty days net 30 po number purchase orders supplier onboarding "
         "but although however whereas not no never without hardly nobody nothing neither nor "
         "don't didn't isn't can't won't it's i'm they're o'neil's 'cause dogs' rock'n'roll it's2 "
         "a1'b 9'x x'9 ' '' paying payments invoicing invoiced reminding chasing chased").split()
PUNCT = ["", "", "", ",", ".", ";", "!", "?", " -", " (", ")", ":", '"']


def _codebook() -> Codebook:
    return Codebook([
        Code(name="getting-paid", keywords=["paid", "pay", "payment", "transfer"]),
        Code(name="payment-terms", parent="getting-paid", keywords=["terms", "sixty days", "net 30", "payment terms"],
             patterns=[r"\b(net ?\d{2}|\d{2}[- ]day terms)\b"]),
        Code(name="purchase-orders", parent="getting-paid", keywords=["PO", "purchase order", "portal", "rejected"],
             patterns=[r"\bPOs?\b"]),
        Code(name="chasing", keywords=["reminder", "chase", "don't pay", "'cause"]),
        Code(name="workaround", keywords=["spreadsheet", "copied", "template", "rock'n'roll", "o'neil"]),
    ])


def _text(rng: random.Random) -> str:
    return random_text(rng, WORDS, PUNCT)


@pytest.mark.parametrize("negation", [True, False])
def test_ascii_path_codes_as_the_general_path(negation):
    rng = random.Random(20)
    quick = coding.AutoCoder(_codebook(), negation=negation)
    general = coding.AutoCoder(_codebook(), negation=negation)
    general.ascii_path = False
    texts = [_text(rng) for _ in range(4000)] + ["", "'", "don't pay", "not paid", "no, paid", "PO's", "net 30"]
    took = 0
    for text in texts:
        lower = text.lower()
        took += lower.isascii() and ("'" not in lower or coding._UNEVEN_APOSTROPHE.search(lower) is None)
        assert quick.code_text(text) == general.code_text(text), text
    assert took > 1000 and took < len(texts)  # both paths were taken


def test_ascii_words_are_the_tokens_where_the_quick_path_applies():
    rng = random.Random(3)
    alphabet = "ab0 '.,-_\n\t’é"
    checked = 0
    for _ in range(20000):
        lower = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        if not lower.isascii() or ("'" in lower and coding._UNEVEN_APOSTROPHE.search(lower)):
            continue
        words = [w.decode() for w in lower.encode("ascii").translate(coding._ASCII_WORD_BYTES).split()]
        assert words == coding.tokens(lower), repr(lower)
        checked += 1
    assert checked > 2000
