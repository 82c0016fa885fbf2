"""Newcomer (housing association, session 10) fault P1: a participant-sheet column that
identifies a participant but is not on the README's list (``tenancy_ref``: TR-204881) was not
redacted, and said aloud ("my tenancy reference is TR-204881") it reached every output. The kind:
every column whose header names an identifier (ref, reference, number, id, account, case, ...)
or whose values are code-like and differ per participant has its values replaced by ``[id]``
everywhere; codes said after an announcing word (reference, account, case, tenancy, order,
booking, ...) are ``[id]``; check names the columns it treats so."""
from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from kit.privacy import ID_MARK, Roster, redact, roster
from kit.privacy_batch import unredacted
from kit.privacy_columns import id_cells, identifier_columns
from kit.privacy_ids import identifier_notes
from kit.privacy_text import ANNOUNCED_ID, ANNOUNCER

DATA = Path(__file__).parent / "data" / "newcomer-housing" / "privacy"
TENANTS = DATA / "tenants-s1"  # the newcomer's study, as they wrote it


def _sheet() -> pd.DataFrame:
    return pd.read_csv(TENANTS / "participants.csv", dtype=str, keep_default_na=False)


# -- the newcomer's study ----------------------------------------------------------------------

def test_the_tenancy_references_are_on_the_roster():
    sheet = _sheet()
    refs = [v for v in sheet["tenancy_ref"] if v]
    assert identifier_columns(sheet) == {"tenancy_ref": "its header"}
    assert set(roster(TENANTS).ids) == set(refs) and len(refs) == 7


def test_the_reference_said_in_a_transcript_is_redacted():
    from kit.study import load_study

    study = load_study(TENANTS, strict=False)
    people = roster(TENANTS)
    turns = study.turns if hasattr(study, "turns") else None
    texts = [t for t in (turns["text"].tolist() if turns is not None and len(turns) else []) if "tenancy" in t]
    if not texts:  # the turns table as the analysis reads it
        texts = [s for s in study.segments()["text"].tolist() if "tenancy" in s]
    assert texts, "the newcomer's transcript says the tenancy reference aloud"
    for text in texts:
        shown = redact(text, people)
        assert "TR-204881" in text and "TR-204881" not in shown and f"tenancy reference is {ID_MARK}" in shown
        assert "204881" not in redact(text.replace("TR-204881", "TR 204881"), people)
        assert "TR-204881" in redact(text, people, names=False)  # --include-names keeps it


def test_check_names_the_identifier_column():
    from kit.study import load_study

    notes = identifier_notes(load_study(TENANTS, strict=False))
    assert len(notes) == 1
    note = notes[0]
    assert note.level == "warning" and note.line == 1 and note.path.endswith("participants.csv")
    assert "'tenancy_ref'" in note.message and "7 value(s)" in note.message and "[" not in note.message
    assert "TR-" not in note.message  # the values themselves are never printed


# -- the kind: other headers, other code shapes ------------------------------------------------

@pytest.mark.parametrize("header", ["tenancy_ref", "Tenancy Ref", "tenancy reference", "case_number", "Case No",
                                    "customer_ref", "booking_reference", "rent_account_number", "Order ID",
                                    "claim_no", "uprn", "ref", "Reference", "policy_number", "contract_id",
                                    "Account", "tenancy", "Membership", "case", "NI"])
def test_headers_that_name_an_identifier(header):
    sheet = pd.DataFrame({"id": ["P-1", "P-2", "P-3"], header: ["AB-10001", "AB-10001", ""]})
    assert identifier_columns(sheet) == {header: "its header"}  # the header alone says so
    digits = pd.DataFrame({"id": ["P-1", "P-2"], header: ["40021877", "40021878"]})  # digits only: no letter
    assert id_cells(digits) == ["40021877", "40021878"]


@pytest.mark.parametrize("values", [["TR-204881", "TR-319002", "TR-100234"], ["AB123456C", "QQ123456A", "ZX998877B"],
                                    ["h-0041-22", "h-0042-22", "h-0107-23"], ["k9921x", "k9922x", "m1047z"]])
def test_code_like_values_that_differ_per_participant_identify(values):
    sheet = pd.DataFrame({"id": ["P-1", "P-2", "P-3"], "record": values, "segment": ["damp", "lift", "damp"]})
    assert identifier_columns(sheet) == {"record": "its values"}  # a header that says nothing
    assert id_cells(sheet) == values
    people = Roster(ids=tuple(id_cells(sheet)))
    assert redact(f"It is {values[1]}, I think", people) == f"It is {ID_MARK}, I think"


@pytest.mark.parametrize("column, values", [
    ("block", ["B12", "B12", "C3"]),                           # shared by participants: a category
    ("referred_by", ["P-2", "P-3", "P-1"]),                    # the study's own ids
    ("interview", ["INT-0001", "INT-0002", "INT-0003"]),      # the study's own interviews
    ("interviewed_on", ["2026-11-05", "2026-11-06", "2026-11-07"]),
    ("phone", ["07700 900123", "07700 900456", "07700 900789"]),
    ("address", ["Flat 5C, Birch House", "Flat 6A, Birch House", "2 Elm Road"]),  # not one code
    ("segment", ["damp", "lift", "asb"]),
])
def test_other_columns_are_not_identifiers(column, values):
    sheet = pd.DataFrame({"id": ["P-1", "P-2", "P-3"], column: values})
    assert identifier_columns(sheet) == {}


# -- identifiers said aloud --------------------------------------------------------------------

@pytest.mark.parametrize("said, code", [
    ("my tenancy reference is TR-204881, please", "TR-204881"),
    ("Tenancy TR-555120 on the letter", "TR-555120"),
    ("the case number is 40021877", "40021877"),
    ("they gave me case 40021 and hung up", "40021"),
    ("my ref is AB1234 I think", "AB1234"),
    ("booking ref XK9921", "XK9921"),
    ("the customer reference: CR-88120", "CR-88120"),
    ("order 99812 never came", "99812"),
    ("INT-003#q1 at 1:23, reference 12345678901234567890", "12345678901234567890"),
    ("my rent account is RA-99182", "RA-99182"),
    ("policy PL-88812 covers it", "PL-88812"),
    ("membership M448812", "M448812"),
])
def test_codes_after_an_announcing_word_are_ids_on_the_roster_or_not(said, code):
    shown = redact(said)
    assert code not in shown and ID_MARK in shown
    assert not unredacted([said], Roster())  # the batch's quick path sends it to redaction


@pytest.mark.parametrize("text", ["we ordered 300 bricks", "in case 300 people come", "order 300 bricks",
                                  "a number of 120 tenants", "he refused 300 pounds", "the 2019 case was closed",
                                  "my reference is in 2026"])
def test_ordinary_numbers_after_those_words_are_kept(text):
    assert redact(text) == text


def test_the_quick_test_holds_every_text_the_new_words_announce():
    rng = random.Random(10)
    words = ["tenancy", "reference", "ref", "ref.", "case", "order", "booking", "account", "number", "is", "my", ":",
             "TR-204881", "40021", "300", "AB1234", "refused", "showcase", "no.", "customer", "policy", "the"]
    texts = list({" ".join(rng.choice(words) for _ in range(rng.randint(2, 7))) for _ in range(4000)})
    quiet = unredacted(texts, Roster())  # one batch, as analyze reads a table
    for text in texts:
        if ANNOUNCED_ID.search(text):
            assert ANNOUNCER.search(text), text
        if redact(text) != text:
            assert text not in quiet, text
