"""The drafts' privacy guard finds another participant's words by an index of word pairs
(issue 20: a 620-interview study's thank-you drafts took minutes). It must give the same
answer as comparing every folded text with every folded draft, whatever the texts."""
from __future__ import annotations

import random

import pandas as pd
import pytest

from kit.discovery import loop

WORDS = ("the app lift broke again and i rang them on monday but nobody came so we waited "
         "nine days then my neighbour helped, call me on 07700 900123 or a.b@example.org").split()


def brute(segments, participant, own, body):
    """The guard as it was: every text of every other participant, and each of its sentences."""
    texts = []
    for seg in segments:
        others = seg[seg["participant"] != participant]
        for text in others["text"].tolist():
            text = str(text).strip()
            if len(text.split()) >= loop.GUARD_MIN_WORDS and text not in own:
                texts.append(text)
                texts.extend(p.strip() for p in loop._SENTENCE.split(text) if len(p.split()) >= loop.GUARD_MIN_WORDS)
    return any(loop._as_quoted(t) in body for t in texts)


def sentence(rng, n):
    if not n:
        return ""
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.3:
        words[rng.randrange(n)] += rng.choice([".", "!", "?"])
    if rng.random() < 0.3:
        words[0] = words[0].capitalize()
    return " ".join(words)


@pytest.mark.parametrize("seed", range(3))
def test_the_indexed_guard_answers_as_comparing_every_text(seed):
    rng = random.Random(seed)
    people = ["P-1", "P-2", "P-3", None, float("nan"), ""]
    segments = [pd.DataFrame({"participant": [rng.choice(people) for _ in range(40)],
                              "text": [sentence(rng, rng.randint(2, 12)) for _ in range(40)]})
                for _ in range(2)]
    guard = loop._Guard(segments)
    all_texts = [t for seg in segments for t in seg["text"]]
    hits = 0
    for _ in range(150):
        participant = rng.choice(["P-1", "P-2", "P-3", ""])
        own = set(rng.sample(all_texts, 5))
        # drafts that hold a text of someone, a part of one starting inside a word, or new words
        pick = rng.choice(all_texts)
        cut = rng.randrange(len(pick)) if rng.random() < 0.3 else 0
        glue = rng.choice(["", " "]), rng.choice(["", " "])  # a text may start or end inside a word of the draft
        draft = sentence(rng, rng.randint(0, 8)) + glue[0] + pick[cut:] + glue[1] + sentence(rng, rng.randint(0, 8))
        body = loop._normalise(draft)
        expected = brute(segments, participant, own, body)
        found = guard.others(participant, own).found(body)
        assert (found is not None) == expected, (participant, draft)
        hits += expected
    assert 15 < hits < 135  # both answers are exercised


def test_a_text_folded_to_fewer_than_three_words_is_still_compared():
    # contact details shrink a text when quoted: "call me on 07700 900123" -> "call me on [phone]"
    seg = pd.DataFrame({"participant": ["P-2"], "text": ["07700 900123 07700 900124 07700 900125"]})
    guard = loop._Guard([seg])
    body = loop._normalise("Hi, here it is: " + loop._as_quoted("07700 900123 07700 900124 07700 900125"))
    assert guard.others("P-1", set()).found(body) is not None
    assert guard.others("P-2", set()).found(body) is None
