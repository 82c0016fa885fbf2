"""Session 14 newcomer faults F1 and F8 (session 15 fixes).

F1: a roster name in Latin letters (Ahmed Al-Sayed, Fatima Zahra Benali) written in Arabic script
(``أحمد``, ``فاطمة بن علي``) in a study that declares ``ar`` stayed verbatim in turns.csv, search,
the export and the published report. A Latin roster name written in any script the study declares
is ``[name]`` now, by the rule speaker labels are read by (kit.speaker_names.written_as).

F8: ``--include-names`` kept names but still replaced a roster library-card number said aloud by
``[id]``; README and check say a roster identifier's values are kept with --include-names.
"""
from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from kit.privacy import Roster, redact, roster
from kit.privacy_written import declared_scripts
from kit.speaker_names import near_name, written_as

STUDY = Path(__file__).parent / "data" / "newcomer-library" / "library-ar"


@pytest.fixture(scope="module")
def people():
    return roster(STUDY)


def test_the_study_declares_arabic_and_its_script_is_read(people):
    assert "ar" in people.languages
    assert declared_scripts(("ar", "ru", "hi", "el", "he", "en", "pl")) == {
        "ARABIC", "CYRILLIC", "DEVANAGARI", "GREEK", "HEBREW"}


@pytest.mark.parametrize("text, expected", [
    ("أهلاً أحمد. حدثني عن آخر مرة", "أهلاً [name]. حدثني عن آخر مرة"),  # INT-004.vtt line 4
    ("مرحباً فاطمة، حدثيني", "مرحباً [name]، حدثيني"),  # INT-005.txt line 1
    # the key quote run published (t-ar INT-005.md): her first name and her surname written as two words
    ("أنا فاطمة بن علي، وطلبت من أختي", "أنا [name] [name]، وطلبت من أختي"),
    ("السيد", "[name]"),  # Al-Sayed written with the article, as one word
])
def test_a_latin_roster_name_written_in_arabic_is_a_name(people, text, expected):
    assert redact(text, people) == expected
    assert redact(text, people, names=False) == text  # --include-names keeps it, as every name


def test_other_scripts_the_study_declares():
    people = Roster(names=("Fatima Zahra Benali", "Ahmed Al-Sayed", "Margaret O'Donnell"),
                    parts=("Fatima", "Zahra", "Benali", "Ahmed", "Al-Sayed", "Margaret", "O'Donnell"),
                    languages=("en", "ru", "el", "hi", "he", "bn"))
    for said in ("Фатима пришла", "Η Φατίμα ήρθε", "अहमद आया", "פטימה באה", "ফাতেমা এসেছে", "Маргарет пришла"):
        assert "[name]" in redact(said, people), said
    # a script the study does not declare is not read so (the rule is the declared languages')
    assert redact("مرحباً فاطمة", people) == "مرحباً فاطمة"


def test_ordinary_words_are_not_names(people):
    """Everyday Arabic words whose consonants are a roster name's (درس "lesson", حمد "praise", زهرة
    "flower", فطم) and ordinary Russian ones stay: a bare three-consonant root with no vowel
    written is not a name, nor a stop word, nor a key of two letters (بن, علي alone; together, بن علي is
    Benali: a name either way)."""
    wide = replace(people, languages=("ar", "ru", "en"),
                   names=people.names + ("Darius Rahimi",), parts=people.parts + ("Darius", "Rahimi"))
    ordinary = ("درس حمد زهرة زهر فطم الحمد لله كتاب المكتبة التطبيق انتظرت بن شهراً كاملاً على علي "
                "привет спасибо книга библиотека очередь месяц сестра телефон номер ответ вопрос")
    assert redact(ordinary, wide) == ordinary


def test_labels_and_redaction_share_one_rule(people):
    """The label rule (near_name, in the scripts written without vowels: every word of the label is the
    roster name's word) says "script"
    exactly where redaction finds each word a name."""
    assert written_as("فاطمة", "fatima") and written_as("أحمد", "ahmed")
    assert not written_as("درس", "darius")
    assert near_name("فاطمة زهراء", "Fatima Zahra") == "script"
    assert redact("فاطمة زهراء", people) == "[name] [name]"
    assert near_name("ਗੁਰਪ੍ਰੀਤ ਕੌਰ", "Gurpreet Kaur") == "script"  # the Indic rule as before
    assert near_name("فاطمة كريم", "Fatima Zahra") == ""


def test_analyze_hides_the_arabic_names_and_include_names_keeps_the_card(tmp_path):
    from kit.analyze import analyze

    out = tmp_path / "an"
    analyze(STUDY, out)
    text = (out / "turns.csv").read_text(encoding="utf-8")
    assert "أحمد" not in text and "فاطمة" not in text
    assert "أهلاً [name]." in text and "His card number is [id]" in text
    kept = tmp_path / "inc"
    analyze(STUDY, kept, include_names=True)
    rows = list(csv.DictReader((kept / "turns.csv").open(encoding="utf-8")))
    said = " ".join(r["text"] for r in rows)
    assert "أهلاً أحمد." in said and "Derek" in said
    assert "His card number is 29384756157" in said  # F8: the roster's identifier value, kept


@pytest.mark.parametrize("text, redacted, kept", [
    ("His card number is 29384756157 if you need it.", "His card number is [id] if you need it.",
     "His card number is 29384756157 if you need it."),
    ("card 2938 4756 157.", "card [id].", "card 2938 4756 157."),
    # a number of a phone's length that is no roster value: a phone number either way
    ("His card number is 11112222333", "His card number is [phone]", "His card number is [phone]"),
])
def test_include_names_keeps_the_rosters_identifier_values(people, text, redacted, kept):
    assert redact(text, people) == redacted
    assert redact(text, people, names=False) == kept
