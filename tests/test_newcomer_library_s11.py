"""Faults a newcomer found in session 11 (a library service's UX researcher: members, staff and
volunteers; library-card numbers on the participant sheet and said aloud in transcripts)."""
from __future__ import annotations

import pytest

from kit.privacy import Roster, redact


CARD = "29000012345678"
ROSTER = Roster(names=("Margaret Jones",), parts=("Margaret", "Jones"), ids=(CARD, "s2139904"))


@pytest.mark.parametrize("said", [CARD, "2900 0012 3456 78", "2900-0012-3456-78", "(2900) 0012 345678"])
def test_a_card_number_said_aloud_is_an_identifier_not_a_phone(said):
    text = f"My card number is {said} and they still couldn't find it."
    for names in (True, False):
        out = redact(text, ROSTER, names=names)
        assert "[id]" in out and "[phone]" not in out, out
        assert "3456" not in out


def test_a_phone_number_is_still_a_phone_beside_a_roster_of_card_numbers():
    out = redact("Ring me on 01970 612345 or 29000012345679.", ROSTER)
    assert out == "Ring me on [phone] or [phone]."


def test_an_identifier_too_short_for_a_phone_is_left_to_the_name_matcher():
    assert redact("my id is s2139904", ROSTER) == "my id is [id]"
    assert redact("my id is s2139904", ROSTER, names=False) == "my id is s2139904"
