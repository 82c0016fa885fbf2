"""Auto-coding all texts at once (issue 20, session 11): ``AutoCoder.code_texts`` and
``autocode`` give exactly what coding each text alone gives (``AutoCoder.code_text``), on
generated texts full of the cases that could tell them apart: negations just before a keyword
or in the text before, clause breaks, phrases cut by a text's end, repeated codes, parent and
child codes, patterns with and without literals, apostrophes, non-ASCII, NUL characters,
empty texts, missing values."""
from __future__ import annotations

import math
import random

import pandas as pd
import pytest

from kit import coding
from kit.codebook import Code, Codebook
from coding_helpers import random_text

WORDS = ("the invoice was late and the client paid by bank transfer after three reminders "
         "i copied the spreadsheet template because the portal rejected it twice "
         "payment terms sixty days net 30 net30 po pos number purchase orders purchase order supplier "
         "but although however whereas not no never without hardly nobody nothing neither nor "
         "don't didn't isn't can't won't it's i'm they're o'neil's 'cause dogs' rock'n'roll it's2 "
         "a1'b 9'x 12% 3.5 per cent payment link pay now report "
         "paying payments invoicing invoiced reminding chasing chased café naïve paid\u00a0late").split()
PUNCT = ["", "", "", ",", ".", ";", "!", "?", " -", " (", ")", ":", '"', "\x00", "’"]


def _codebook() -> Codebook:
    return Codebook([
        Code(name="getting-paid", keywords=["paid", "pay", "payment", "transfer"]),
        Code(name="payment-terms", parent="getting-paid", keywords=["terms", "sixty days", "net 30", "payment terms"],
             patterns=[r"\b(net ?\d{2}|\d{2}[- ]day terms)\b"]),
        Code(name="purchase-orders", parent="getting-paid", keywords=["PO", "purchase order", "portal", "rejected"],
             patterns=[r"\bPOs?\b", r"\bpurchase[- ]orders?\b"]),
        Code(name="fast-pay", parent="payment-terms", patterns=[r"\bpayment links?\b", r"\bpay now\b"]),
        Code(name="amounts", patterns=[r"\b\d+(\.\d+)? ?(%|per ?cent)\b", r"invoic\w+"]),
        Code(name="chasing", keywords=["reminder", "chase", "don't pay", "'cause", "late"]),
        Code(name="workaround", keywords=["spreadsheet", "copied", "template", "rock'n'roll", "o'neil"]),
    ])


def _text(rng: random.Random) -> str:
    return random_text(rng, WORDS, PUNCT)


def _texts(seed: int, n: int = 3000) -> list:
    rng = random.Random(seed)
    texts = [_text(rng) for _ in range(n)]
    return texts + ["", " ", "'", "not paid", "no, paid", "paid", "never so late", "net", "net 30", "PO",
                    "purchase", "not the payment terms", "payment", "paid " * 50, "İnvoice paid", "\x00paid"]


@pytest.mark.parametrize("negation", [True, False])
@pytest.mark.parametrize("most_specific", [True, False])
def test_code_texts_codes_each_text_as_code_text(negation, most_specific):
    texts = _texts(11)
    batch = coding.AutoCoder(_codebook(), negation=negation, most_specific=most_specific)
    alone = coding.AutoCoder(_codebook(), negation=negation, most_specific=most_specific)
    got = batch.code_texts(texts)
    assert len(got) == len(texts)
    differ = [(t, g, alone.code_text(t)) for t, g in zip(texts, got) if g != alone.code_text(t)]
    assert not differ, differ[:3]
    # the cases that matter did occur: negated keywords, a parent giving way, both kinds of rule
    assert sum(bool(g) for g in got) > len(texts) // 2
    evidence = {e for g in got for _, e in g}
    assert "payment terms" in evidence and any(e.lower().startswith("po") for e in evidence)


def test_a_negated_keyword_counts_later_in_the_text_and_not_across_texts():
    coder = coding.AutoCoder(_codebook())
    texts = ["not paid, but then we paid", "we did not", "paid on time", "nothing. paid", "not paid"]
    assert coder.code_texts(texts) == [[("getting-paid", "paid")], [], [("getting-paid", "paid")],
                                       [("getting-paid", "paid")], []]


def test_code_texts_of_a_subclass_uses_its_code_text():
    class Upper(coding.AutoCoder):
        def code_text(self, text):
            return [("upper", text.upper())]

    assert Upper(_codebook()).code_texts(["a", "b"]) == [[("upper", "A")], [("upper", "B")]]


def _autocode_one_by_one(segments, codebook):
    coder = coding.AutoCoder(codebook)
    columns = ["segment_id", "interview_id", "participant", "kind"]
    records = [(*row[:-1], code, evidence)
               for row in zip(*(segments[c].tolist() for c in columns + ["text"]))
               for code, evidence in coder.code_text(row[-1])]
    return pd.DataFrame(records, columns=columns + ["code", "evidence"])


def test_autocode_rows_follow_the_segments_with_repeated_and_missing_texts():
    rng = random.Random(5)
    texts = _texts(12, 800)
    texts = [rng.choice(texts) for _ in range(2500)] + [math.nan, None, "paid", math.nan]
    segments = pd.DataFrame({"segment_id": [f"iv{i // 20}#t{i}" for i in range(len(texts))],
                             "interview_id": [f"iv{i // 20}" for i in range(len(texts))],
                             "participant": [f"P{i % 7}" if i % 9 else "" for i in range(len(texts))],
                             "kind": ["turn"] * len(texts), "text": texts})
    got = coding.autocode(segments, _codebook())
    pd.testing.assert_frame_equal(got, _autocode_one_by_one(segments, _codebook()))
    assert len(got) > len(segments)
    empty = coding.autocode(segments.iloc[:0], _codebook())
    pd.testing.assert_frame_equal(empty, _autocode_one_by_one(segments.iloc[:0], _codebook()))
    nothing = coding.autocode(segments.assign(text="zzz"), _codebook())
    pd.testing.assert_frame_equal(nothing, _autocode_one_by_one(segments.assign(text="zzz"), _codebook()))


# --------------------------------------------------------------------------- sentiment, all texts at once

FEELING = ("good great love happy bad terrible hate awful fine okay nice horrible relief rude boring "
           "not never no isn't don't didn't without nothing nor hardly very really extremely so this "
           "kind of sort just enough barely slightly somewhat least at the shit bomb bad ass yeah right "
           "cut mustard kiss death hand to mouth but BUT GREAT Terrible LOVE :) :( :-) <3 😀 😡 ❤️ café "
           "naïve Ünïcode ok!! wow!!! why?? what??? ?!? ! ? , . - ' \" no. yes").split()


def _feeling(rng: random.Random) -> str:
    words = [rng.choice(FEELING) + rng.choice(["", "", "", ",", ".", "!", "?", "'", "!!"])
             for _ in range(rng.randint(0, 25))]
    return rng.choice([" ", " ", "  ", "\t", "\n"]).join(words)


def _feelings(seed: int, n: int = 4000) -> list[str]:
    rng = random.Random(seed)
    texts = list(dict.fromkeys(_feeling(rng) for _ in range(n)))
    return texts + ["", " ", "!", "good", "GOOD", "good good bad good", "not good", "never so good", "at least good",
                    "the least good", "least good", "kind of good", "good kind of", "cut the mustard good",
                    "it was the bomb, yeah right", "just enough good fun", "good but bad", "bad but good!!!",
                    "good\x00bad", "\x00", "a b c good", "😀", "good?? bad???"]


def test_compound_of_many_texts_is_each_texts_score():
    from kit import sentiment

    texts = _feelings(7)
    got = sentiment._compound_many(texts)
    alone = [sentiment._compound_of(t) for t in texts]
    differ = [(t, g, a) for t, g, a in zip(texts, got, alone) if g != a or type(g) is not float]
    assert not differ, differ[:3]
    assert len({round(g, 2) for g in got}) > 50  # varied scores, not a constant
    # through compound(): repeated texts, a missing one and a str subclass keep their places
    class Text(str):
        pass

    many = texts + texts[:100] + [None, Text("good"), math.nan]
    scores = sentiment.compound(many)
    assert scores[:len(texts) + 100] == alone + alone[:100]
    assert math.isnan(scores[-3]) and scores[-2] == sentiment._compound_of("good") and math.isnan(scores[-1])


def test_compound_of_many_texts_is_nltks():
    from kit import nltkdata, sentiment

    analyzer = nltkdata.nltk_analyzer()
    texts = _feelings(8, 1500)
    assert sentiment._compound_many(texts) == [analyzer.polarity_scores(t)["compound"] for t in texts]


def test_slices_of_texts_give_what_all_texts_at_once_give(monkeypatch):
    """The lead's memory fix: ``autocode`` and ``compound`` work in slices of distinct texts
    (all of a 20k study's at once took 1.2 GiB at the peak); a slice boundary changes nothing."""
    from kit import sentiment

    rng = random.Random(9)
    texts = _texts(21, 900)
    texts = [rng.choice(texts) for _ in range(2000)]
    segments = pd.DataFrame({"segment_id": [f"iv{i // 20}#t{i}" for i in range(len(texts))],
                             "interview_id": [f"iv{i // 20}" for i in range(len(texts))],
                             "participant": [f"P{i % 7}" for i in range(len(texts))],
                             "kind": ["turn"] * len(texts), "text": texts})
    whole = coding.autocode(segments, _codebook())
    feelings = _feelings(3, 1500)
    scores = sentiment.compound(feelings, cache=False)
    monkeypatch.setattr(coding, "BATCH_TEXTS", 97)
    monkeypatch.setattr(sentiment, "_BATCH_MAX", 89)
    pd.testing.assert_frame_equal(coding.autocode(segments, _codebook()), whole)
    assert sentiment.compound(feelings, cache=False) == scores
    assert len(whole) > len(segments) // 2
