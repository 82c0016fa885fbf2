"""Session 11 (issue 20), the index's own work: the shortcuts stay proofs.

* kit.privacy_batch.unredacted: a text with nine digits or more is only sent to redaction when
  nine of them stand in one run of a phone number's characters (a note's path, dates, sums
  spared); every text it names comes back unchanged from redaction, on many generated texts.
* kit.consent_repository.apply_to_index reads each participants.csv once and gives what
  consent_conflicts gives.
"""
from __future__ import annotations

import random

import pytest

from kit.outputs import redact_shown
from kit.privacy import PHONE_MARK, Roster, redact
from kit.privacy_batch import _PHONE_RUN, unredacted

PEOPLE = Roster(names=("Ann Lee", "Bo Ng"), parts=("Ann", "Lee", "Ng"), emails=("ann@example.com",),
                ids=("s2139904",))

PIECES = ["/work/bench/repo10k/sprint-01/interviews/INT-00001.md", "2024-01-01", "2026-11-06", "INT-00042",
          "020 7946 0958", "+44 20 7946 0958", "(020) 7946-0958", "943.476.5919", "00 44 20 7946 0958",
          "1234", "12345", "123 456 789", "12-34-56-78-9", "1 2 3 4 5 6 7 8 9", "9\t8\t7\t6\t5\t4\t3\t2\t1",
          "12\x1c34\x1d56\x1e78\x1f9", "12/34/56/78/9", "12,34,56,78,9", "v1.2.3.4.5.6.7.8.9", "a1b2c3d4e5f6g7h8i9",
          "student number 12345678", "my ID is 55512", "room 204", "page 123", "account no. 987654321",
          "Ann Lee", "Lee's", "ann at example dot com", "2019 2020 2021", "sprint-2026-10-S41", "x" * 3,
          "the invoice", "paid 300", "on 3 May", "call me", "(0)", "+", "-", "."]


def _texts(rng: random.Random, n: int = 4000) -> list[str]:
    out = []
    for _ in range(n):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 6))]
        glue = rng.choice([" ", "/", "", " and ", "-", ", ", "\n"])
        out.append(glue.join(parts))
    return out + PIECES


@pytest.mark.parametrize("people", [PEOPLE, None])
def test_texts_named_unredacted_come_back_unchanged(people):
    texts = _texts(random.Random(11))
    quiet = unredacted(texts, people)
    assert quiet
    for text in quiet:
        assert redact_shown(text, people) == text, text
        assert redact(text, people) == text and redact(text, people, names=False) == text, text
    changed = [t for t in texts if redact(t, people) != t]
    assert any(PHONE_MARK in redact(t, people) for t in changed)
    assert not quiet.intersection(changed)


def test_many_digits_apart_are_no_phone_number():
    """A note's path (nine digits or more, none of them a phone number) is spared; nine digits
    in one run of a phone's characters are not."""
    apart = ["/work/bench/repo10k/sprint-01/interviews/INT-00001.md", "2024-01-01 and 2024-02-03",
             "12/34/56/78/9", "a1b2c3d4e5f6g7h8i9"]
    phones = ["call 020 7946 0958", "(020) 7946-0958", "943.476.5919", "9\t8\t7\t6\t5\t4\t3\t2\t1",
              "12\x1c34\x1d56\x1e78\x1f9", "+44 20 7946 0958 now"]
    assert set(unredacted(apart + phones, PEOPLE)) == set(apart)
    for text in apart:
        assert redact(text, PEOPLE) == text
    for text in phones:
        assert _PHONE_RUN.search(text)
        assert PHONE_MARK in redact(text, PEOPLE), text


def test_an_email_or_escape_keeps_a_text_with_many_digits_loud():
    texts = ["ann@example.com 2024-01-01 2024-02-03", "C:\\x41 2024-01-01 2024-02-03"]
    assert not unredacted(texts, PEOPLE)
