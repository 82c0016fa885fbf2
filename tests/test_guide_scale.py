"""lint-guide stays linear in the number of questions (issue 16): the near-duplicate check
compares a question with difflib only when its token prefix or its character counts allow a
near-duplicate, and gives the same answer as comparing every pair. No timing: the test counts
calls of the pairwise comparison."""
from __future__ import annotations

import csv
import random
from pathlib import Path

from kit.guide import structure
from kit.guide.structure import _first_near_duplicates, _near_duplicate

DATA = Path(__file__).parent / "data"
_TOPICS = ["the pharmacy", "your last tax return", "the bike repair", "a school trip", "the dentist",
           "the night bus", "your allotment", "the fire drill", "a wedding cake", "the car wash",
           "your gym class", "the library fines", "a broken boiler", "the parcel locker", "a vet visit"]
_OPENERS = ["Tell me about the last time you dealt with", "Walk me through your most recent visit to",
            "What happened when you last thought about", "How did you choose", "Who helped you with"]
_TAILS = ["", " on a weekday", " after work", " in the rain", " with your kids", " last spring"]


def _questions(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(_OPENERS)} {rng.choice(_TOPICS)}{rng.choice(_TAILS)} (case {k})?" for k in range(n)]


def _brute(texts: list[str]) -> list[int | None]:
    return [next((j for j in range(i) if _near_duplicate(texts[i], texts[j])), None) for i in range(len(texts))]


def _mutate(text: str, rng: random.Random) -> str:
    words = text.split()
    k = rng.randrange(len(words))
    op = rng.randrange(4)
    if op == 0 and len(words) > 2:
        del words[k]
    elif op == 1:
        words[k] = words[k][:-1] or words[k]
    elif op == 2:
        words.insert(k, rng.choice(["um", "really", "the", "so"]))
    else:
        words[k] = words[k][::-1]
    return " ".join(words)


def test_same_answer_as_every_pair():
    rng = random.Random(3)
    base = ["How do you book a table?", "How did u book the table??", "Tell me about your last shift.",
            "tell me about ur last shift", "a", "ab", "a b", "b a", "", "?", "ok", "OK", "Why?"]
    base += _questions(60)
    texts = base + [_mutate(rng.choice(base[:20] + base[-20:]) or "x", rng) for _ in range(60)]
    rng.shuffle(texts)
    got = _first_near_duplicates(texts)
    assert got == _brute(texts)
    assert sum(j is not None for j in got) >= 10  # the set has near-duplicates to find


def test_pairwise_comparisons_grow_linearly(monkeypatch):
    calls = {"n": 0}

    def counted(a, b):
        calls["n"] += 1
        return _near_duplicate(a, b)

    monkeypatch.setattr(structure, "_near_duplicate", counted)
    with open(DATA / "questions_dev.csv", newline="", encoding="utf-8") as fh:
        pool = [r["question"] for r in csv.DictReader(fh)]
    counts = {}
    for n in (200, 800):
        calls["n"] = 0
        _first_near_duplicates(pool[:n])
        counts[n] = calls["n"]
    # every pair would be 19,900 and 319,600 comparisons (16x); the set's many near-duplicates
    # (one template in many domains) keep the checked candidates at a few per question
    assert 0 < counts[800] <= 10 * counts[200]
    assert counts[800] < 2 * 800


def test_guide_reports_each_near_duplicate_once():
    from kit.guide import lint_guide

    qs = ["Tell me about the last time you renewed your bus pass.",
          "How did you pick the route?",
          "Tell me about the last time you renewed ur bus pass",
          "Looking ahead to your next trip, what are you planning to do?",
          "tell me about the last time you renewed your bus pass?"]
    result = lint_guide(qs)
    dups = [s for s in result["structure"] if "near-duplicate" in s["message"]]
    assert [(s["line"], s["message"]) for s in dups] == [
        (3, "near-duplicate of the question on line 1"), (5, "near-duplicate of the question on line 1")]
