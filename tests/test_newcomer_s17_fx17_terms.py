"""Newcomer s16 F10: a roster first name that is also an everyday word ("Bill", Bill Hart on the
roster) in a credit union's product name "Bill pay". One rule (kit.privacy_text.names_a_person,
kit.privacy_compounds): replaced where it reads as a name, kept where it names a thing, replaced
when unsure (fail closed); a study lists its own terms in study.yml ``not_names`` (kit.privacy_terms)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.privacy import redact, roster

DATA = Path(__file__).parent / "data" / "newcomer-credit-union" / "cu-small"


@pytest.fixture
def study(tmp_path):
    root = tmp_path / "cu"
    shutil.copytree(DATA, root)
    return root


def _with_terms(root: Path, terms: str) -> Path:
    path = root / "study.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"not_names: {terms}\n", encoding="utf-8")
    return root


# the name side: where it reads as a name it is replaced, with or without the study's terms
NAMES = ["Thanks Bill. Tell me more.", "Bill paid the fee.", "Bill said Bill pay failed.", "I asked Bill about it.",
         "Bill Hart called.", "Bill's card", "Dr Bill pay", "I asked Bill pay attention"]
# the term side: where it names a thing it is kept
THINGS = ["Bill pay payee disappeared; 25 min hold.", "Bill payment day", "bill pay", "Grace period ended"]


@pytest.mark.parametrize("terms", [None, "[Bill pay]"])
def test_a_name_is_still_replaced_where_it_reads_as_one(study, terms):
    people = roster(str(_with_terms(study, terms) if terms else study))
    for text in NAMES:
        shown = redact(text, people)
        assert "[name]" in shown and not shown.startswith("Bill"), (text, shown)
    assert redact("Bill said Bill pay failed.", people).startswith("[name] said")


@pytest.mark.parametrize("terms", [None, "[Bill pay]"])
def test_a_thing_is_kept(study, terms):
    people = roster(str(_with_terms(study, terms) if terms else study))
    for text in THINGS:
        assert redact(text, people) == text


def test_the_studys_own_term_is_kept_where_the_rule_alone_fails_closed(study):
    text = "I use Bill pay every month, and Bill Pay froze again."
    assert redact(text, roster(str(study))) == "I use [name] pay every month, and [name] Pay froze again."
    people = roster(str(_with_terms(study, "[Bill pay]")))
    assert people.not_names == ("Bill pay",)
    assert redact(text, people) == text
    assert redact("Thanks Bill. I use Bill pay.", people) == "Thanks [name]. I use Bill pay."


def test_a_term_of_one_word_or_holding_a_full_name_is_not_taken_and_check_says_where(study):
    from kit.check import cross_checks
    from kit.study import load_study

    root = _with_terms(study, "\n  - Bill\n  - Bill Hart pay\n  - Bill pay")
    people = roster(str(root))
    assert people.not_names == ("Bill pay",)
    assert redact("Bill went home.", people) == "[name] went home."
    assert redact("Bill Hart pay", people) == "[name] pay"
    found = [p for p in cross_checks(load_study(root, strict=False)) if "not_names" in p.message]
    lines = (root / "study.yml").read_text(encoding="utf-8").splitlines()
    assert sorted(p.line for p in found) == [lines.index("  - Bill") + 1, lines.index("  - Bill Hart pay") + 1]
    assert not any("Hart" in p.message for p in found)


def test_not_names_is_a_known_key_and_no_list_is_said(study):
    from kit.check import cross_checks
    from kit.study import load_study

    root = _with_terms(study, "Bill pay")
    loaded = load_study(root, strict=False)
    assert not any("not_names" in p.message and "did you mean" in p.message for p in loaded.problems)
    assert any("not a list" in p.message for p in cross_checks(loaded))
    assert roster(str(root)).not_names == ()
