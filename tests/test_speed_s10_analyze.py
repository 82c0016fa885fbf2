"""Session 10, analyze's CPU (issue 20 item 2): the quicker paths give what the slower ones gave."""
from __future__ import annotations

import random
import re

import pytest

from kit.privacy_batch import unredacted
from kit.privacy import redact
from kit.privacy_text import ANNOUNCER, ANNOUNCER_STARTS, _first_words, announced_ids

_WORDS = ("student staff employee enrolment enroment no number no. nr # ID id Id I.D. i.d. paid did not nino NINO "
          "ssn card library loyalty driver's driving licence license user user# client code identifier national "
          "insurance medical record 123 4567 x9 s2139904 and the it is - -- _ ( ) : , \n").split(" ")


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 9))).replace(" -", rng.choice([" -", "-"]))
            for _ in range(n)]


def test_first_words_of_a_pattern():
    assert _first_words(r"ab|c(?:d)|(?:ef|gh)?ij|(?:kl)mn|op?q|r\.s\.|t*") == {"ab", "c", "ef", "gh", "ij", "kl", "o",
                                                                                 "r.s.", ""}
    with pytest.raises(ValueError):
        _first_words(r"[ab]c")


def test_every_announcing_match_starts_with_one_of_the_starts():
    for text in _texts(1, 5000):
        for match in ANNOUNCER.finditer(text):
            assert match.group().lower().startswith(tuple(ANNOUNCER_STARTS)), match.group()


def test_unredacted_keeps_exactly_the_texts_without_an_announced_identifier():
    # ASCII, no "@", backslash, "at", roster or nine digits: quiet unless three digits and an
    # announced identifier that redaction replaces (session 12: an announcing word alone, "invoice 35
    # days", is not enough)
    texts = [t for t in _texts(2, 20000) if sum(c.isdigit() for c in t) < 9]
    quiet = unredacted(texts)
    expected = {t for t in texts if t and not (sum(c.isdigit() for c in t) >= 3 and announced_ids(t))}
    assert all(redact(t) == t for t in quiet)
    assert quiet == expected
    assert len(expected) > 1000 and len(set(texts) - expected) > 500  # both kinds are there


def test_a_match_across_two_texts_does_not_count():
    # "student" ends one text and "no." starts the next: neither announces an identifier alone
    # ("number" alone announces one since session 10's faults P)
    texts = ["my 123 student", "no. 4567 was fine", "student no. 4567"]
    assert unredacted(texts) == set(texts[:2])
    assert re.search(ANNOUNCER, "\n".join(texts[:2]))  # as one text, it would
