"""Newcomer (housing association, session 10) fault P3: first names that are everyday words
redacted ordinary words ("Grace period or not" -> "[name] period or not", 199 times in a
published report), and ``search "summer damp"`` said "summer matches none" without saying the
word is a roster name. The kind: an everyday-word name before a word it forms a common phrase
with is not a name unless the text says a person there; when unsure it is redacted and the kit
says so (check names the lines, search names the query word)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.privacy import NAME_MARK, Roster, _name_parts, redact, roster
from kit.privacy_batch import unredacted
from kit.privacy_ids import name_word_note

TENANTS = Path(__file__).parent / "data" / "newcomer-housing" / "privacy" / "tenants-s1"
NAMES = ["Grace Kowalski", "Hope Ahmed", "Bill Nowak", "Rose Hussain", "Summer Smith", "Will Jones", "May Lee",
         "Mark Evans", "Faith Obi", "Frank Moore"]
PEOPLE = Roster(names=tuple(NAMES), parts=tuple(_name_parts(NAMES)))


@pytest.mark.parametrize("text", [
    "Grace period or not, they charge the fee.",      # the newcomer's sentence
    "Summer holidays are when the damp is worst.",
    "Hope that helps. Hope so anyway.",
    "The rent Rose by ten percent.",
    "Will be fixed next week, they said.",
    "May be the boiler, may be the pipes.",
    "Bill payment went out twice.",
    "Mark down the date you called.",
    "Faith in the repairs team is gone.",
    "Frank discussion with the officer helped.",
])
def test_an_everyday_name_in_a_common_phrase_is_the_word(text):
    assert redact(text, PEOPLE) == text


@pytest.mark.parametrize("text, left", [
    ("Grace said the wall is wet.", "said the wall"),              # "said" after it: a person
    ("I asked Grace period questions.", "period questions"),       # "asked" before it
    ("Grace Kowalski called about the period.", "called"),         # the full name
    ("Grace's period of notice ended.", "period of notice"),       # a possessive
    ("Will Jones will be there.", "will be there"),
    ("Bill was round yesterday.", "was round"),                    # no phrase: fail closed
    ("Summer rang me.", "rang me"),
])
def test_a_person_is_still_redacted(text, left):
    shown = redact(text, PEOPLE)
    assert shown.startswith(NAME_MARK) or f" {NAME_MARK}" in shown
    assert left in shown and not any(n.split()[0] in shown.split() for n in NAMES if n.split()[0] in text.split()[:1])


def test_the_batch_path_agrees_with_redaction():
    texts = ["Grace period or not.", "Grace said so.", "Hope that helps.", "Summer rang me.", "nothing here at all"]
    quiet = unredacted(texts, PEOPLE)
    assert all(redact(t, PEOPLE) == t for t in quiet)  # what the quick path keeps, redaction keeps


def test_the_newcomers_roster_and_sentence():
    people = roster(TENANTS)
    assert redact("Grace period or not, the bill is the bill.", people) == "Grace period or not, the bill is the bill."
    assert redact("Grace called twice.", people) == f"{NAME_MARK} called twice."


@pytest.mark.slow  # builds an index (about 15 s)
def test_search_says_a_query_word_is_a_roster_name(tmp_path):
    from kit.cli.discovery import search_command

    repo = tmp_path / "repo"
    shutil.copytree(TENANTS, repo / "tenants-s1")
    text, code = search_command(repo, "summer damp")
    assert code == 0 and "'summer' is also a name people have" in text and "--include-names" in text
    for person in ("Grace Kowalski", "Summer"):  # a person searched for: confirms nothing
        text, _ = search_command(repo, person)
        assert "a name people have" not in text
    assert name_word_note("summer damp", roster(TENANTS)).startswith("note: 'summer'")
    text, _ = search_command(repo, "summer damp", include_names=True)
    assert "a name people have" not in text
