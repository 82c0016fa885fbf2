"""One rule for publishing a term (kit.language.publishable): a participant who consented to
being quoted used it, or at least two people did. A phrase only a non-consenting participant
used is their words: collocations, keyness_by and theme_words leave it out given ``consenting``."""
from __future__ import annotations

import numpy as np
import pandas as pd

from kit import language

# P-3 has not consented to being quoted; "gold crown" and "orthodontist" are theirs alone.
ROWS = [
    ("INT-001", "P-1", "front-desk", "The front desk phone rings and the front desk books the recall."),
    ("INT-001", "P-1", "front-desk", "Our front desk keeps the recall list on paper."),
    ("INT-002", "P-2", "front-desk", "The front desk calls each recall patient twice."),
    ("INT-002", "P-2", "front-desk", "A recall card goes out from the front desk."),
    ("INT-003", "P-3", "patient", "My gold crown cracked, the gold crown again, the orthodontist said."),
    ("INT-003", "P-3", "patient", "The gold crown cost a lot; the orthodontist orthodontist billed me."),
    ("INT-004", "P-4", "patient", "Waiting lists annoy me; waiting lists everywhere."),
    ("INT-005", "P-5", "patient", "Waiting lists again, the waiting lists at lunch."),
]
FRAME = pd.DataFrame(ROWS, columns=["interview_id", "participant", "segment", "text"])
FRAME.insert(0, "segment_id", [f"{r[0]}#t{i}" for i, r in enumerate(ROWS, start=1)])
CONSENTING = {"P-1", "P-2"}


def test_the_rule_has_one_home_for_scalars_and_arrays():
    assert language.publishable(False, 1) is False
    assert language.publishable(True, 1) is True
    assert language.publishable(False, language.MIN_PEOPLE_WITHOUT_CONSENT) is True
    got = language.publishable(np.array([False, True, False]), np.array([1, 1, 2]))
    assert got.tolist() == [False, True, True]


def test_publishable_terms_of_words_and_phrases():
    who = FRAME["participant"]
    terms = ["gold crown", "front desk", "waiting lists", "orthodontist", "recall", "crown"]
    assert language.publishable_terms(terms, FRAME["text"], who, CONSENTING) == [
        False, True, True, False, True, False]


def test_collocations_leave_out_a_non_consenting_persons_own_phrase():
    who = FRAME["participant"]
    everyone = language.collocations(FRAME["text"], who, min_freq=2, top=None)
    assert "gold crown" in set(everyone["phrase"])  # the bug: one person's phrase, published
    kept = language.collocations(FRAME["text"], who, min_freq=2, top=None, consenting=CONSENTING)
    assert "gold crown" not in set(kept["phrase"])
    assert {"front desk", "waiting lists"} <= set(kept["phrase"])


def test_keyness_by_leaves_out_a_non_consenting_persons_own_word():
    everyone = language.keyness_by(FRAME, "segment", min_freq=2, top=10)
    assert "orthodontist" in set(everyone.loc[everyone["segment"] == "patient", "word"])
    kept = language.keyness_by(FRAME, "segment", min_freq=2, top=10, consenting=CONSENTING)
    patient = set(kept.loc[kept["segment"] == "patient", "word"])
    assert "orthodontist" not in patient and "crown" not in patient
    assert {"waiting", "lists"} <= patient


def test_theme_words_leave_out_a_non_consenting_persons_own_word():
    coded = pd.DataFrame({"segment_id": FRAME["segment_id"][4:], "code": "cost"})
    everyone = language.theme_words(coded, FRAME, min_freq=2, top=10)
    assert "orthodontist" in set(everyone["word"])
    kept = language.theme_words(coded, FRAME, min_freq=2, top=10, consenting=CONSENTING)
    assert "orthodontist" not in set(kept["word"]) and "gold" not in set(kept["word"])
    assert "waiting" in set(kept["word"])


def test_a_consenting_persons_own_phrase_is_kept():
    who = FRAME["participant"]
    kept = language.collocations(FRAME["text"], who, min_freq=2, top=None, consenting={"P-3"})
    assert "gold crown" in set(kept["phrase"])
