"""A speaker label written in the participant's own script names them (newcomer session 14 F1): the
label ranks by the same rule redaction uses (:func:`kit.speaker_names.written_as`), so a relative who
spoke more is not taken for the participant."""
from __future__ import annotations

from kit.speaker_roles import _name_rank, participant_label


def test_an_arabic_given_name_is_the_participant_over_a_label_that_spoke_more():
    words = {"سارة": 400, "فاطمة": 120}  # her sister spoke more
    assert participant_label(words, "Fatima Zahra Benali") == ({"فاطمة"}, "name")


def test_the_rank_of_a_written_name():
    assert _name_rank("فاطمة", "Fatima Zahra Benali") == 2
    assert _name_rank("أحمد", "Ahmed Al-Sayed") == 2
    assert _name_rank("مرحبا", "Fatima Zahra Benali") == 0  # "hello"
    assert _name_rank("أحمد", "Fatima Zahra Benali") == 0
