"""Speed of kit.sentiment.compound against NLTK's VADER analyzer, with a parity check.

    python benchmarks/sentiment_speed.py            # 20,000 texts
    python benchmarks/sentiment_speed.py --n 5000 --seed 7 --repeat 5

Texts are interview-like sentences generated deterministically from a seeded
vocabulary (lexicon words, negations, boosters, ALL CAPS, "but", idioms,
emoticons and "!"/"?" runs), with some short turns ("yes", "okay") repeated the
way they are in transcripts. Every compound score is checked against NLTK's.

Rows reported (texts per second, best of --repeat runs):

* nltk                 -- SentimentIntensityAnalyzer.polarity_scores(t)["compound"]
* kit, cold, no cache  -- kit.sentiment.compound(texts, cache=False) after clearing
                          every cache, token lookups included (the honest ratio)
* kit, warm, no cache  -- the same with the per-token lookups already built
* kit, text cache      -- compound(texts) with the repeated-text cache: a first pass
                          (only repeated turns hit) and a second pass (all hits)
"""
from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kit import nltkdata, sentiment  # noqa: E402

SUBJECTS = [
    "the invoice", "the payment", "our accountant", "the dashboard", "the export",
    "support", "the reminder email", "the bank transfer", "the refund", "the app",
    "my manager", "the client", "the pricing page", "onboarding", "the tax report",
    "I", "we", "they", "it", "this",
]
VERBS = [
    "is", "was", "feels", "looks", "seems", "has been", "became", "stays", "gets",
    "made me", "makes us", "kept being",
]
POSITIVE = [
    "good", "great", "excellent", "helpful", "easy", "happy", "love", "nice", "fine",
    "perfect", "smooth", "amazing", "clear", "useful", "fantastic", "relief", "awesome",
    "glad", "satisfied", "impressive",
]
NEGATIVE = [
    "bad", "terrible", "awful", "slow", "confusing", "angry", "hate", "broken", "wrong",
    "painful", "annoying", "frustrating", "useless", "worst", "stress", "late", "problem",
    "disappointed", "expensive", "fail",
]
NEUTRAL = [
    "invoice", "quarter", "email", "portal", "spreadsheet", "number", "client", "month",
    "button", "report", "team", "account", "fee", "tool", "week", "bookkeeper", "form",
]
NEGATIONS = ["not", "never", "isn't", "don't", "without", "can't", "no", "nothing", "wasn't"]
BOOSTERS = [
    "very", "extremely", "really", "so", "barely", "kind of", "sort of", "slightly",
    "totally", "absolutely", "hardly", "quite", "most", "somewhat",
]
FILLERS = ["um,", "honestly", "like", "I mean", "to be fair", "you know", "actually", "well,"]
IDIOMS = ["the bomb", "yeah right", "cut the mustard", "kiss of death", "hand to mouth", "the shit"]
EMOTICONS = [":)", ":(", ":D", ":-/", "<3", "😀", "😡", "👍", ";)"]
ENDINGS = [".", ".", ".", "!", "!!!", "?", "???", "?!?", "...", ""]
SHORT_TURNS = ["yes", "no", "okay", "sure", "yeah", "right", "fine", "good", "mm-hm", "not really"]


def _clause(rng: random.Random) -> str:
    words = []
    if rng.random() < 0.15:
        words.append(rng.choice(FILLERS))
    words.append(rng.choice(SUBJECTS))
    words.append(rng.choice(VERBS))
    if rng.random() < 0.3:
        words.append(rng.choice(NEGATIONS))
    if rng.random() < 0.35:
        words.append(rng.choice(BOOSTERS))
    pool = rng.choice((POSITIVE, NEGATIVE, NEUTRAL, POSITIVE, NEGATIVE))
    words.append(rng.choice(pool))
    if rng.random() < 0.3:
        words.append(rng.choice(["with the", "for the", "about the", "on every"]))
        words.append(rng.choice(NEUTRAL))
    if rng.random() < 0.05:
        words.append(rng.choice(IDIOMS))
    if rng.random() < 0.15:
        i = rng.randrange(len(words))
        words[i] = words[i].upper()
    return " ".join(words)


def make_texts(n: int, seed: int = 20240501) -> list[str]:
    """*n* interview-like texts, the same for the same seed."""
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        r = rng.random()
        if r < 0.1:
            texts.append(rng.choice(SHORT_TURNS) + rng.choice(ENDINGS))
            continue
        parts = [_clause(rng)]
        while rng.random() < 0.45:
            parts.append(rng.choice([",", ", but", " and", ". But", ";", ". Also"]))
            parts.append(" " + _clause(rng))
        text = "".join(parts) + rng.choice(ENDINGS)
        if rng.random() < 0.1:
            text += " " + rng.choice(EMOTICONS)
        if rng.random() < 0.5:
            text = text[0].upper() + text[1:]
        texts.append(text)
    return texts


def _best(fn, repeat: int) -> tuple[float, object]:
    best = math.inf
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20_000, help="number of texts (default 20000)")
    ap.add_argument("--seed", type=int, default=20240501, help="random seed")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    args = ap.parse_args(argv)

    texts = make_texts(args.n, args.seed)
    distinct = len(set(texts))
    sia = nltkdata.nltk_analyzer()
    sentiment.compound(["warm up the lexicon"], cache=False)

    t_nltk, ref = _best(lambda: [sia.polarity_scores(t)["compound"] for t in texts], args.repeat)

    def cold():
        sentiment.clear_cache(tokens=True)
        return sentiment.compound(texts, cache=False)

    t_cold, got_cold = _best(cold, args.repeat)
    t_warm, got_warm = _best(lambda: sentiment.compound(texts, cache=False), args.repeat)

    def cached():
        sentiment.clear_cache()
        return sentiment.compound(texts, cache=True)

    t_cache, got_cache = _best(cached, args.repeat)
    t_hit, got_hit = _best(lambda: sentiment.compound(texts, cache=True), args.repeat)

    max_diff = 0.0
    mismatches = 0
    for got in (got_cold, got_warm, got_cache, got_hit):
        for a, b in zip(ref, got):
            d = abs(a - b)
            max_diff = max(max_diff, d)
            mismatches += a != b
    n = len(texts)
    print(f"{n} texts ({distinct} distinct), seed {args.seed}, best of {args.repeat}")
    rows = [
        ("nltk SentimentIntensityAnalyzer", t_nltk),
        ("kit.compound, cold, no text cache", t_cold),
        ("kit.compound, warm, no text cache", t_warm),
        ("kit.compound, text cache, 1st pass", t_cache),
        ("kit.compound, text cache, 2nd pass", t_hit),
    ]
    for name, t in rows:
        print(f"  {name:36s} {n / t:>12,.0f} texts/s   ({t:.3f} s)   x{t_nltk / t:5.1f}")
    print(f"speed ratio (cold, no text cache): {t_nltk / t_cold:.1f}x")
    print(f"parity: {n} texts x 4 runs, {mismatches} mismatches, max |diff| = {max_diff:.3g}")
    assert mismatches == 0 and max_diff <= 1e-9, "kit.compound differs from NLTK"
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
