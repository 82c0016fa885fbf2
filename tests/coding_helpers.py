"""Test helper: random texts for comparing auto-coding's paths (each text alone, all at once,
the quick ASCII path and the general one) on the cases that could tell them apart."""
from __future__ import annotations

import random

__all__ = ["random_text"]


def random_text(rng: random.Random, words, punct, most: int = 30) -> str:
    """Up to ``most`` of ``words`` drawn by ``rng``, one in ten upper- or title-cased, each
    followed by one of ``punct`` (give ``""`` several times to make plain spaces likelier)."""
    out = []
    for _ in range(rng.randint(0, most)):
        w = rng.choice(words)
        if rng.random() < 0.1:
            w = w.upper() if rng.random() < 0.5 else w.title()
        out.append(w + rng.choice(punct))
    return " ".join(out)
