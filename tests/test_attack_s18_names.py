"""The ways of writing a roster person left open at the end of session 17 (attacker s17 A1-A3,
A12, A13, A20): a Slavic first name's short forms, a handle built from a roster name, a Chinese
surname with its prefix or title and a Latin roster name written in Chinese characters, a phone
typed with the letter O for zero, a national insurance number with no word announcing it, and a
name part one letter off. Each fails closed without redacting everyday words, and the batch
short cut (kit.privacy_batch.unredacted) never skips a text redaction changes."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kit.privacy import Roster, _name_parts, redact, roster
from kit.privacy_batch import unredacted

DATA = Path(__file__).parent / "data" / "attack-s17"


def _people(*names, languages=()) -> Roster:
    return Roster(names=names, parts=tuple(_name_parts(names)), languages=tuple(languages))


@pytest.fixture(scope="module")
def s1(tmp_path_factory):
    folder = tmp_path_factory.mktemp("s1") / "study"
    folder.mkdir()
    shutil.copy(DATA / "names-participants.csv", folder / "participants.csv")
    (folder / "study.yml").write_text("research_question: How do people pay invoices?\n", encoding="utf-8")
    return roster(folder)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text))


def _consistent(texts, people) -> None:
    """What the batch short cut calls unchanged, redaction leaves unchanged."""
    quiet = unredacted(texts, people)
    for text in texts:
        if text in quiet:
            assert redact(text, people) == text, text


# -- 1. Slavic diminutives -----------------------------------------------------------------------
def test_a_roster_dmitrii_is_dima_dimka_and_mitya_in_both_scripts(s1):
    said = redact((DATA / "names-INT-003.txt").read_text(encoding="utf-8"), s1)
    for word in ("Дима", "Dima", "Dimka"):
        assert word not in _words(said), word
    shown = redact("Митя said so, then I called Диму and Mitya.", s1)  # declined: Диму
    assert shown == "[name] said so, then I called [name] and [name].", shown


@pytest.mark.parametrize(("name", "forms"), [
    ("Aleksandr Petrov", ("Sasha", "Саша", "Shura", "Шура", "Sanya")),
    ("Alexander Petrov", ("Sasha", "Shura")),
    ("Yekaterina Ivanova", ("Katya", "Катя", "Katia")),
    ("Mikhail Orlov", ("Misha", "Миша")),
    ("Михаил Орлов", ("Misha", "Миша")),
    ("Katarzyna Nowak", ("Kasia",)),
])
def test_slavic_short_forms_of_a_roster_first_name_are_redacted(name, forms):
    people = _people(name)
    for form in forms:
        assert redact(f"Yesterday {form} sent the invoice.", people) == "Yesterday [name] sent the invoice.", form


def test_short_forms_are_looked_up_for_first_names_only_and_everyday_words_stay():
    people = _people("Vyacheslav Orlov", "Petrov Ivan")  # Ivan is a surname here: no Vanya
    assert redact("Слава said hi", people) == "[name] said hi"
    assert redact("слава богу, it worked", people) == "слава богу, it worked"  # "thank God"
    assert redact("Vanya paid", people) == "Vanya paid"


# -- 2. handles ----------------------------------------------------------------------------------
def test_handles_built_from_a_roster_name_are_redacted_whole(s1):
    said = redact((DATA / "names-INT-004.txt").read_text(encoding="utf-8"), s1)
    assert "wangwei88" not in said and "[name]" in said
    people = _people("John Smith", "Kevin O'Brien", "王伟")
    for handle in ("j.smith_1990", "jsmith", "smith.john", "john_smith", "kevin.obrien", "kobrien77", "weiwang",
                   "wang.wei_2020"):
        assert redact(f"find me as {handle} there", people) == "find me as [name] there", handle
    assert redact("ping @kevin.obrien now", people) == "ping @[name] now"


def test_a_handle_key_that_is_a_word_needs_a_digit_or_separator():
    people = _people("Oliver Range")  # first initial and surname: "orange"
    assert redact("an orange and a pear", people) == "an orange and a pear"
    assert redact("mail o.range or orange_88", people) == "mail [name] or [name]"


# -- 3. Chinese ----------------------------------------------------------------------------------
def test_a_roster_surname_with_its_prefix_or_title_is_redacted(s1):
    said = redact((DATA / "names-INT-004.txt").read_text(encoding="utf-8"), s1)
    for form in ("小王", "老王", "王先生"):
        assert form not in said, form
    for people in (s1, _people("Wang Wei"), _people("Wei Wang")):
        shown = redact("王女士、王老师和王总说好了。", people)
        assert shown == "[name]、[name]和[name]说好了。", shown


def test_chinese_everyday_words_that_hold_a_surname_stay():
    people = _people("王伟", "高明", "于丽", "马丁", "程杰", "史磊")
    for text in ("小于三个月。", "我们需要提高总体水平。", "历史老师来了。", "我买了一匹小马。", "工程总结写完了。", "他是老王"):
        expected = text.replace("老王", "[name]") if "王" in text else text
        assert redact(text, people) == expected, text


def test_a_latin_roster_name_written_in_chinese_characters_is_redacted():
    people = _people("Michael Brown", "Fatima Benali", "Elizabeth Smith", "Anna Williams")
    shown = redact("迈克尔说布朗的发票晚了，史密斯先生和威廉姆斯也是。", people)
    assert shown == "[name]说[name]的发票晚了，[name]先生和[name]也是。", shown
    said = (DATA / "scripts-INT-001.txt").read_text(encoding="utf-8")
    assert "法蒂玛" not in redact(said, people) and "贝纳利" not in redact(said, people)
    assert redact("伊丽莎白来了", people) == "[name]来了"


def test_chinese_everyday_words_and_place_names_stay_with_latin_names_on_the_roster():
    people = _people("Michael Brown", "Kevin Tanaka", "Dennis Mack", "Finn Land")
    text = "我去过波兰和丹麦，也去过芬兰。可能明天再说。这是一个很大的问题，我们需要提高效率。他是我们的老师。"
    assert redact(text, people) == text


# -- 4. contact details and a name one letter off -------------------------------------------------
def test_a_phone_typed_with_the_letter_o_is_a_phone_kept_as_such_with_names():
    said = (DATA / "contacts-phones.txt").read_text(encoding="utf-8")
    assert "077OO" not in redact(said) and "9OO" not in redact(said)
    for text in ("Call 077OO 9OO 123 now", "Call O7700 900123 now", "Call +44 77OO 9OO123 now"):
        assert redact(text) == "Call [phone] now", text
        assert redact(text, _people("Jane Doe"), names=False) == "Call [phone] now", text
    for text in ("OOO 123", "Route 66 or O2 and 4G", "in 2020 or so, 10 oo", "the 1990s, O 42"):
        assert redact(text) == text, text


def test_a_national_insurance_number_without_announcing_words_is_an_id():
    for text in ("It is QQ 12 34 56 C, ok", "It is QQ123456C, ok", "It is AB 12 34 56 D, ok"):
        assert redact(text) == "It is [id], ok", text
    for text in ("We ran AB 12 34 56 E and Qq 12 34 56 C", "QQ 12 34 5 C", "UK 2024 plan"):
        assert redact(text) == text, text


def test_a_name_part_one_letter_off_is_redacted_when_capitalised(s1):
    people = _people("Elizabeth O'Brien", "Kevin Tanaka", "Maria Lopez")
    for text in ("Elizbeth paid", "Elizabteh paid", "Elizebeth paid", "Kevvin paid", "Tanka paid"):
        assert redact(text, people) == "[name] paid", text
    for text in ("Mari paid", "Marta paid", "tanka paid", "the kevvin", "Grace paid"):  # another name, lower case
        assert redact(text, people) == text, text


def test_the_batch_short_cut_never_skips_a_text_these_rules_change(s1):
    people = _people("John Smith", "Oliver Range", "王伟", "Michael Brown", "Elizabeth O'Brien", "Dmitri Volkov")
    texts = ["find me as j.smith_1990", "orange_88 wrote", "an orange", "Call 077OO 9OO 123", "QQ 12 34 56 C",
             "Elizbeth paid", "Dima paid", "plain words only", "wangwei88", "nothing 12 34 56 here", "OOO 123 456 789"]
    _consistent(texts, people)
    assert "plain words only" in unredacted(texts, people)
    _consistent(texts, s1)


def test_a_written_table_redacts_the_new_forms_through_the_batch_path(s1):
    """The table writer (kit.outputs.Outputs.frame, which skips the texts kit.privacy_batch proves
    unchanged) shows none of the forms, and leaves a plain cell as it is."""
    import pandas as pd

    from kit.outputs import Outputs

    cells = ["Friends call me Дима or Dima or Dimka.", "My WeChat is wangwei88.", "People call me 小王 or 王先生.",
             "We paid 077OO 9OO 123.", "It is QQ 12 34 56 C.", "Elizbeth paid late.", "The invoice was late."]
    shown = Outputs(people=s1).frame(pd.DataFrame({"text": cells}))["text"].tolist()
    assert shown == ["Friends call me [name] or [name] or [name].", "My WeChat is [name].", "People call me [name] or [name].",
                     "We paid [phone].", "It is [id].", "[name] paid late.", "The invoice was late."], shown
