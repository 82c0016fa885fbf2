"""One definition of an invisible character for the whole kit (``kit.privacy_text.invisible_pattern``):
redaction read format characters (category Cf) while speaker labels and printed lines read
Unicode's Default_Ignorable_Code_Point, so a name written with a variation selector or a
combining grapheme joiner inside ("Jo\\ufe0fsé") was one speaker yet reached a table unredacted."""
from __future__ import annotations

import unicodedata

import pytest

from kit.guide.lint import question_text
from kit.outputs import Outputs
from kit.privacy import Roster, _name_parts, redact
from kit.speaker_roles import label_key, plain_label

PEOPLE = Roster(names=("José Ñúñez",), parts=tuple(_name_parts(["José Ñúñez"])), emails=())

# (character, what it is): Cf and not default-ignorable, default-ignorable and not Cf, both
INVISIBLE = [
    ("\u200b", "zero-width space (both)"),
    ("\u00ad", "soft hyphen (both)"),
    ("\u2060", "word joiner (both)"),
    ("\u202e", "right-to-left override (both)"),
    ("\ufe0f", "variation selector-16 (default-ignorable, Mn)"),
    ("\u034f", "combining grapheme joiner (default-ignorable, Mn)"),
    ("\u3164", "Hangul filler (default-ignorable, Lo)"),
    ("\U000e0041", "tag latin capital A (both)"),
]


@pytest.mark.parametrize("ch, what", INVISIBLE)
def test_an_invisible_character_hides_a_name_from_nothing(ch, what):
    written = f"I spoke to Jo{ch}sé Ñú{ch}ñez yesterday"
    assert redact(written, PEOPLE) == "I spoke to [name] yesterday", what
    assert plain_label(f"Jo{ch}sé Ñúñez") == "José Ñúñez", what
    assert label_key(f"Jo{ch}sé") == label_key("José"), what
    printed = Outputs(None, None, people=PEOPLE).clean(f"unknown code 'Jo{ch}sé Ñúñez'")
    assert "jose" not in unicodedata.normalize("NFKD", printed).encode("ascii", "ignore").decode().lower()


@pytest.mark.parametrize("ch, what", INVISIBLE)
def test_the_linter_reads_a_question_without_them(ch, what):
    assert question_text(f"What do you usu{ch}ally do?") == "What do you usually do?", what


def test_visible_characters_are_kept():
    for text in ("José Ñúñez", "naïve café", "Ωmega", "١٢٣"):
        assert plain_label(text) == text
        assert question_text(text) == unicodedata.normalize("NFC", text)
