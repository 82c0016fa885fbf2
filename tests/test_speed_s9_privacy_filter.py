"""The quick test before identifiers said aloud are looked for (kit.privacy_text.ANNOUNCER)
reads whole words: "no" inside "not" and "id" inside "paid" sent most texts with three digits
through the full redaction (analyze's CPU at 10,000 interviews rose by 3-5 s), and it still
holds every text the full pattern can match."""
from __future__ import annotations

import random

from kit.privacy import Roster, redact
from kit.privacy_batch import unredacted
from kit.privacy_text import ANNOUNCED_ID, ANNOUNCER

ORDINARY = ["The agency part paid the invoice and left 3950 euros open. Not great, not terrible.",
            "Nothing came in for 120 days, I did not know what to do.",
            "My accountant still has not paid the 25100 euros; no clue why."]
SAID = ["My student number is s2139904, I think.", "employee ID 44-1093", "account no. 12345678",
        "Her NHS number 943 476 5919 was on the letter.", "ID12345 on the badge", "passport 123456789"]


def test_ordinary_texts_with_numbers_are_left_to_the_quick_path():
    assert unredacted(ORDINARY, Roster()) == set(ORDINARY)
    assert all(redact(text) == text for text in ORDINARY)


def test_announced_identifiers_still_go_to_redaction():
    assert not unredacted(SAID, Roster()) & set(SAID)
    assert all("[id]" in redact(text) or "[phone]" in redact(text) for text in SAID)


def test_the_quick_test_holds_every_text_the_full_pattern_matches():
    rng = random.Random(9)
    words = ["student", "number", "no.", "id", "ID", "account", "paid", "did", "not", "nr", "#", "code", "is",
             "s2139904", "44-1093", "12345678", "ssn", "card", "membership", "42", "3950", "idea", "-", ":"]
    for _ in range(20000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 8)))
        if ANNOUNCED_ID.search(text):
            assert ANNOUNCER.search(text), text
