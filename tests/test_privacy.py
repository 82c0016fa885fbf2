"""kit.privacy: roster names, emails and phone numbers never reach a shared quote."""
from __future__ import annotations

import pandas as pd
import pytest

import kit
from kit.privacy import EMAIL_MARK, NAME_MARK, PHONE_MARK, Roster, find_leaks, public_quotes, redact, roster
from conftest import write


@pytest.fixture(scope="module")
def pilot_roster():
    return roster(kit.paths.pilot_path())


def test_roster_holds_full_names_first_names_surnames_and_emails(pilot_roster):
    assert "Gary Mulligan" in pilot_roster.names
    assert {"Gary", "Mulligan", "Hannah", "Weiss"} <= set(pilot_roster.parts)
    assert "hannah.weiss@example.com" in pilot_roster.emails
    assert len(pilot_roster.secrets) == 2 * 27


@pytest.mark.parametrize("text, expected", [
    ("So now I put my mobile on every invoice in big letters, 07700 900123, and I tell them",
     "So now I put my mobile on every invoice in big letters, [phone], and I tell them"),
    ("ring +44 7700 900123 or (020) 7946-0958.", "ring [phone] or [phone]."),
    ("ring 07700900123.", "ring [phone]."),
    ("Every invoice has to go to accounts@example.com with the PO", "Every invoice has to go to [email] with the PO"),
    ("mail first.last+tag@mail.example.co.uk now", "mail [email] now"),
])
def test_contact_details_are_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "A EUR 2,100 boiler swap was paid 20 days late.",
    "Paid on 2026-10-19, thirty-four days late; 12000 EUR; 1 500 000 users.",
    "Sprints 2019 2020 2021 2022 went the same way.",
    "INT-003#q1 at 1:23, a run of 12345678901234567890",  # (after "reference" it is an [id]: session 10)
    "email me at accounts@ if you like",
])
def test_amounts_dates_ids_and_years_stay(text):
    assert redact(text) == text


def test_roster_names_are_redacted_whole_and_as_written(pilot_roster):
    text = "Gary's van. Mr Mulligan rang a bell, then Marcus Bell; Hannah Weiss said hannah.weiss@example.com"
    assert redact(text, pilot_roster) == (
        f"{NAME_MARK}'s van. Mr {NAME_MARK} rang a bell, then {NAME_MARK}; {NAME_MARK} said {EMAIL_MARK}")
    # a word that is only a name when capitalised stays as it is
    assert redact("we grant a discount", pilot_roster) == "we grant a discount"
    assert redact("Grant me that", pilot_roster) == f"{NAME_MARK} me that"
    # names kept for an internal copy, contact details never
    assert redact("Gary: 07700 900123", pilot_roster, names=False) == f"Gary: {PHONE_MARK}"


def test_public_quotes_are_consented_and_redacted():
    study = kit.load_study(kit.paths.pilot_path())
    quotes = public_quotes(study)
    assert set(quotes["participant"]) <= study.consenting()
    refused = study.quotes[~study.quotes["consent_quote"]]
    assert len(refused) and not set(refused["segment_id"]) & set(quotes["segment_id"])
    text = dict(zip(quotes["segment_id"], quotes["text"]))
    assert "07700 900123" not in text["INT-003#q1"] and PHONE_MARK in text["INT-003#q1"]
    assert "accounts@example.com" not in text["INT-004#q1"] and EMAIL_MARK in text["INT-004#q1"]


def test_first_names_inside_quotes_are_redacted(study_dir):
    note = study_dir / "interviews" / "INT-001.md"
    note.write_text(note.read_text().replace(
        '- "The invite email went to spam twice." (1:30)',
        '- "Lee said the invite email went to spam twice; ask Lee Grant or lee@example.com." (1:30)'))
    quotes = public_quotes(kit.load_study(study_dir))
    said = quotes.set_index("segment_id").loc["INT-001#q2", "text"]
    assert said == f"{NAME_MARK} said the invite email went to spam twice; ask {NAME_MARK} or {EMAIL_MARK}."
    assert "Lee" not in " ".join(quotes["text"])
    kept = public_quotes(kit.load_study(study_dir), include_names=True)
    assert "Lee Grant" in kept.set_index("segment_id").loc["INT-001#q2", "text"]


def test_find_leaks_names_files_not_secrets(tmp_path, pilot_roster):
    write(tmp_path / "tables" / "ok.csv", "participant,text\nP-004,fine\n")
    write(tmp_path / "tables" / "bad.csv", "speaker,text\nGary Mulligan,hello\n")
    write(tmp_path / "notes.json", '{"to": "HANNAH.WEISS@example.com"}')
    write(tmp_path / "figures" / "x.png", "Gary Mulligan")  # not a text output
    assert find_leaks(tmp_path, pilot_roster) == ["notes.json", "tables/bad.csv"]
    assert find_leaks(tmp_path, Roster()) == []


def test_a_study_without_names_has_an_empty_roster(tmp_path):
    write(tmp_path / "participants.csv", "id,status\nP-1,completed\n")
    people = roster(kit.load_study(tmp_path, strict=False))
    assert people.secrets == () and people.name_pattern() is None
    assert redact("call 07700 900123", people) == "call [phone]"
    assert isinstance(redact(pd.NA, people), type(pd.NA))


# -- emails spelt out in words (newcomer report #3) ------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Write to me at jo dot bell at example dot com", "Write to me at [email]"),
    ("Write to me at jo dot bell at example dot com.", "Write to me at [email]."),
    ("mail jo.bell at example dot com please", "mail [email] please"),
    ("reach jo (dot) bell (at) example (dot) com now", "reach [email] now"),
    ("JO DOT BELL AT EXAMPLE DOT COM", "[email]"),
    ("x at example.com and y at foo dot org", "[email] and [email]"),
])
def test_an_email_spelt_out_in_words_is_replaced_whole(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("names", [True, False])
def test_a_roster_email_spelt_out_with_spaces_is_replaced_whole(names):
    people = Roster(names=("Jo Bell",), parts=("Jo", "Bell"), emails=("jo.bell@example.com",))
    for text in ("jo bell at example dot com", "Jo Bell at example dot com", "jo_bell at example.com"):
        out = redact(text, people, names=names)
        assert out == EMAIL_MARK, (text, out)
    assert redact("Jo Bell said hi", people, names=names) == ("[name] said hi" if names else "Jo Bell said hi")


def test_the_newcomers_spelt_out_email_never_reaches_analyze_or_export(tmp_path):
    """The tester's study: analyze's turns.csv and the REFI-QDA export hold no part of the
    address (not "example dot com", not "bell")."""
    import zipfile

    from kit.analyze import analyze
    from kit.qdpx import export_qdpx
    from kit.study import load_study
    from conftest import REPO

    study = load_study(REPO / "tests" / "data" / "newcomer" / "library-holds", strict=False)
    paths = analyze(study, tmp_path / "out", progress=False)
    turns = (tmp_path / "out" / "turns.csv").read_text(encoding="utf-8")
    assert "Write to me at [email]" in turns
    qdpx = export_qdpx(study, tmp_path / "x.qdpx")
    with zipfile.ZipFile(qdpx) as z:
        exported = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if not n.endswith("/"))
    for text in (turns, exported):
        low = text.lower()
        assert "example dot com" not in low and "dot bell" not in low and "555" not in low
        assert "jo bell" not in low and "jo_bell" not in low
    assert paths


def test_runs_of_function_words_are_nobodys_words():
    """A run of five words that is almost all function words ("at the end of the") is in
    every text: it must not make the kit's own method text unquotable, while a run with
    content words still is."""
    from kit.privacy import Unquotable

    words = Unquotable(["So at the end of the month I chased the bakery for the invoice."], [], {"P-1"})
    assert words.withhold("Saturation is reached at the end of the first run.") == \
        "Saturation is reached at the end of the first run."
    assert "[not quoted]" in words.withhold("She said: I chased the bakery for the invoice.")


# -- the quick look at ASCII texts (issue 20: one fold and word split per text) ------------------
@pytest.mark.parametrize("text", [
    "jo_at_example_dot_com wrote", "mail jo -at- example -dot- com", "JO [AT] EXAMPLE [DOT] COM",
    "reach me @ example . com", "Jo Bell phoned from 020 7946 0958 at noon", "nobody here at all",
    "Call Maria_Lopez on +44 20 7946 0958.", "MARIALOPEZ and jo.bell@example.com", "Grant me that, Grant",
])
def test_ascii_texts_redact_as_their_accented_twin(text):
    # A trailing "é" sends the text down the general (non-ASCII) path: both must agree.
    people = Roster(names=("Jo Bell", "María López", "Grant Page"), parts=("Jo", "Bell", "María", "López",
                                                                            "Grant", "Page"),
                    emails=("jo.bell@example.com",))
    for names in (True, False):
        assert redact(text + " é", people, names=names) == redact(text, people, names=names) + " é"


def test_contact_details_are_found_the_same_with_and_without_a_roster():
    # Without a roster the word "at" and the count of digits are read without splitting the
    # text into words (a shortcut); a roster that names nobody in these texts reads them
    # word by word. Both must replace the same emails and phone numbers.
    nobody = Roster(names=("Zebulon Quark",), parts=("Zebulon", "Quark"), emails=())
    texts = ["write to jo at example dot com", "jo (AT) example [dot] com please", "meet at 5 at the cafe",
             "call 555 123 4567 today", "call 555 123 45", "+44 20 7946 0958", "1999 2000 2001 2002",
             "2024-01-02 and 12345678", "jo.bell@example.com", "that was late", "Cat at5 5at AT", "ring 0044207946095"]
    for text in texts:
        assert redact(text) == redact(text, nobody), text
    assert redact("call 555 123 4567 today") == "call [phone] today"
    assert redact("call 555 123 45") == "call 555 123 45"  # eight digits: not a phone number
    assert redact("write to jo at example dot com") == "write to [email]"
