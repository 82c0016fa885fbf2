"""Names, ids and words written with look-alike letters of other scripts (Cyrillic "А" for
Latin "A", Cyrillic "о" for "o", Greek "Ο"): Unicode TR39 confusables fold to the Latin
letter, so they are redacted, withheld and found by the leak scan like the plain spelling."""
from __future__ import annotations

import pandas as pd
import pytest

from conftest import write
from kit.outputs import PUBLISHED, Outputs
from kit.privacy import Roster, Unquotable, _name_parts, find_leaks, fold, redact, unquotable
from kit.study import load_study

NAMES = ("Anna Kowalski", "John Park")
PEOPLE = Roster(names=NAMES, parts=tuple(_name_parts(NAMES)), emails=())
CYR_A, CYR_O, CYR_E, CYR_P, GREEK_O = "\u0410", "\u043e", "\u0435", "\u0420", "\u039f"


def test_fold_reads_look_alike_letters_as_latin_one_character_for_one():
    for text, folded in [(f"{CYR_A}nna", "anna"), (f"J{CYR_O}hn", "john"), (f"{GREEK_O}liver", "oliver"),
                         ("\u0399oannis", "ioannis"), ("José", "jose")]:
        assert fold(text) == folded
        assert len(fold(text)) == len(text)
    # letters that look like no Latin letter in either case stay as they are (ж, и, з); a letter
    # whose capital looks like one reads so in both cases (Н/н as h, Ь/ь as b: session 7, so that
    # "НИНА" and "нина" are one name); digits are never a letter
    assert fold("Жизнь 2") == fold("ЖИЗНЬ 2") == "жизhb 2"


@pytest.mark.parametrize("text, expected", [
    (f"Thanks {CYR_A}nna, see you", "Thanks [name], see you"),
    (f"J{CYR_O}hn said so", "[name] said so"),
    (f"{CYR_A}nn{CYR_A} K{CYR_O}walski called", "[name] called"),
    (f"file j{CYR_O}hn_park.txt", "file [name].txt"),
    (f"{GREEK_O}K then", f"{GREEK_O}K then"),  # no name: kept as written
])
def test_a_name_written_with_look_alike_letters_is_redacted(text, expected):
    assert redact(text, PEOPLE) == expected


def test_plain_cyrillic_words_that_are_no_name_are_kept():
    text = "Привет, как дела?"
    assert redact(text, PEOPLE) == text


def test_the_leak_scan_finds_a_name_written_with_look_alike_letters(tmp_path):
    (tmp_path / "report.html").write_text(f"<p>{CYR_A}nna Kowalski said it</p>", encoding="utf-8")
    (tmp_path / "fine.csv").write_text("interview_id\nINT-001\n", encoding="utf-8")
    assert find_leaks(tmp_path, PEOPLE) == ["report.html"]


def test_words_retyped_with_look_alike_letters_are_still_withheld():
    words = Unquotable(["Our IT team blocked the invite links for a week."], ids=["P-2"])
    retyped = f"Our IT t{CYR_E}am bl{CYR_O}cked the invit{CYR_E} links for a week."
    assert words.withhold(retyped) == "[not quoted]."
    assert words.withhold("Our team liked the invite links a lot.") == "Our team liked the invite links a lot."


def test_an_id_written_with_look_alike_letters_is_the_same_participant():
    words = Unquotable(["Our IT team blocked the invite links for a week."], ids=["P-2"])
    assert words.owns(f"{CYR_P}-2") and words.owns("p-2") and words.owns("P-2")
    assert not words.owns("P-1") and not words.owns("") and not words.owns(None)


def test_a_published_table_withholds_rows_of_a_look_alike_id():
    words = Unquotable(["Our IT team blocked the invite links for a week."], ids=["P-2"])
    frame = pd.DataFrame({"participant": [f"{CYR_P}-2", "P-1"], "text": ["they said yes", "fine by me"]})
    out = Outputs(None, None, kind=PUBLISHED, people=PEOPLE, words=words).frame(frame)
    assert out["text"].tolist()[1] == "fine by me"
    assert out["text"].tolist()[0] != "they said yes"


def test_a_non_consenting_participant_labelled_with_look_alike_letters_is_withheld(study_dir):
    # P-2 (Lee Grant) did not consent to being quoted; the transcript labels them with a
    # Cyrillic "е" and "а", and a report repeats their words with a Cyrillic "о" in them
    write(study_dir / "transcripts" / "INT-002.txt", f"""
        Ben Okafor: What happened with the invites?
        L{CYR_E}e Gr\u0430nt: Our IT department blocked every single invite link for a whole week.
        Ben Okafor: Thanks.
    """)
    words = unquotable(load_study(study_dir, strict=False))
    assert words.owns("P-2") and not words.owns("P-1")
    retyped = f"Our IT department bl{CYR_O}cked every single invite link for a whole week."
    assert "[not quoted]" in words.withhold(retyped)
    shown = Outputs(None, study_dir, kind=PUBLISHED).clean(f"as L{CYR_E}e Grant put it")
    assert shown == "as [name] put it"
