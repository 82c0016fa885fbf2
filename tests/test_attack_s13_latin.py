"""A roster name written in another script is also hidden in the Latin letters people write it
with (session 13, attacker A4: the roster held Ольга Петрова and Дмитрий Иванов, an English
transcript said "Olga Petrova" and "Dmitrii Ivanov", the index stored them and `search Petrova`
found the passage), and a phone number said in words is ``[phone]`` (A5)."""
from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import pytest

from kit.cli import main
from kit.privacy import Roster, redact
from kit.privacy_latin import latin_spellings

STUDY = Path(__file__).parent / "data" / "newcomer-bike" / "study-ok"
SAID = ("Ana: My neighbour Olga Petrova had the same fine, and Dmitrii Ivanov from the depot told us "
        "the dock was broken. Olga says she will stop riding; Dmitry agreed.\n")


def test_cyrillic_names_get_the_passport_press_and_wikipedia_spellings():
    assert latin_spellings("Дмитрий Иванов")[:3] == ("Dmitrii Ivanov", "Dmitriy Ivanov", "Dmitry Ivanov")
    assert "Iuliia Shcherbakova" in latin_spellings("Юлия Щербакова")  # ICAO 9303
    assert "Yuliya Shcherbakova" in latin_spellings("Юлия Щербакова")  # BGN/PCGN
    assert "Nikos Papadopoulos" in latin_spellings("Νίκος Παπαδόπουλος")
    assert latin_spellings("José García") == () and latin_spellings("Łucja Kowalska") == ()


@pytest.mark.parametrize("text", ["I spoke to Olga Petrova yesterday.", "Olga waited for Dmitriy.",
                                  "DMITRY IVANOV signed it.", "We met Ol'ga at the depot.",
                                  "Nikos Papadopoulos and Nikos Papadopoylos both came."])
def test_a_latin_spelling_of_the_roster_name_is_hidden(text):
    people = Roster(names=("Ольга Петрова", "Дмитрий Иванов", "Νίκος Παπαδόπουλος"),
                    parts=("Ольга", "Петрова", "Дмитрий", "Иванов", "Νίκος", "Παπαδόπουλος"))
    out = redact(text, people)
    assert "[name]" in out
    for word in ("Olga", "Ol'ga", "Petrova", "Dmitriy", "Dmitry", "DMITRY", "Ivanov", "IVANOV", "Nikos", "Papadop"):
        assert word not in out


def test_the_same_words_stay_when_nobody_on_the_roster_has_that_name():
    people = Roster(names=("Ana Sousa",), parts=("Ana", "Sousa"))
    assert redact("Olga Petrova and Dmitry Ivanov came.", people) == "Olga Petrova and Dmitry Ivanov came."


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    root = tmp_path_factory.mktemp("latin") / "repo"
    shutil.copytree(STUDY, root / "2026-W48")
    sheet = root / "2026-W48" / "participants.csv"
    with open(sheet, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    fields = list(rows[0])
    for pid, name in (("P-016", "Ольга Петрова"), ("P-017", "Дмитрий Иванов")):
        rows.append({**dict.fromkeys(fields, ""), "id": pid, "name": name, "segment": "rider",
                     "status": "invited", "invited_on": "2026-11-10", "consent_record": "yes", "consent_quote": "no"})
    with open(sheet, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fields)
        w.writeheader()
        w.writerows(rows)
    path = root / "2026-W48" / "transcripts" / "INT-001.txt"
    text = path.read_text(encoding="utf-8").replace("\nTranscribed by https://otter.ai", "")
    path.write_text(text.rstrip("\n") + "\n" + SAID + "\nTranscribed by https://otter.ai\n", encoding="utf-8")
    return root


def test_analyze_hides_the_latin_spellings(study, tmp_path):
    out = tmp_path / "an"
    assert main(["analyze", str(study / "2026-W48"), "--out", str(out), "--quiet"]) in (0, 1)
    turns = (out / "turns.csv").read_text(encoding="utf-8")
    assert "same fine" in turns  # the turn is there
    for word in ("Olga", "Petrova", "Dmitrii", "Dmitry", "Ivanov"):
        assert word not in turns


def test_the_index_stores_no_latin_spelling_and_search_finds_none(study, capsys):
    assert main(["index", str(study)]) == 0
    con = sqlite3.connect(study / ".interview-kit" / "index.sqlite")
    try:
        stored = " ".join(str(v) for row in con.execute("SELECT text, context FROM docs") for v in row)
    finally:
        con.close()
    assert "same fine" in stored
    for word in ("Olga", "Petrova", "Dmitrii", "Dmitry", "Ivanov"):
        assert word not in stored
    capsys.readouterr()
    main(["search", str(study), "Petrova"])
    assert "no matches" in capsys.readouterr().out


# -- A5: a phone number said in words ------------------------------------------------------------
@pytest.mark.parametrize("said", ["call plus forty four seven seven zero zero nine zero zero one two three, thanks",
                                  "It's oh seven seven double oh nine hundred one two three.",
                                  "SEVEN SEVEN OH OH, NINE OH OH, ONE TWO THREE",
                                  "my mobile is 07700 nine zero zero one two three"])
def test_a_phone_number_said_in_words_is_a_phone(said):
    out = redact(said, None)
    assert "[phone]" in out
    assert not any(w in out.lower() for w in ("seven", "nine", "double", " oh "))


@pytest.mark.parametrize("text", ["I have one or two ideas, maybe three or four.", "in twenty twenty five we moved",
                                  "We had twenty, thirty, forty people at most.", "one, two, three, go!",
                                  "Seventeen, eighteen, nineteen, twenty."])
def test_counting_and_years_in_words_stay(text):
    assert redact(text, None) == text


def test_the_batch_screen_sends_a_spoken_phone_to_redaction():
    from kit.privacy_batch import unredacted

    people = Roster(names=("Jo Bell",), parts=("Jo", "Bell"))
    texts = ["call plus forty four seven seven zero zero nine zero zero one two three, thanks",
             "We had twenty, thirty, forty people at most.", "Nothing to see here."]
    quiet = unredacted(texts, people)
    assert texts[0] not in quiet
    assert {t for t in texts if redact(t, people) == t} <= quiet | {texts[1]}
    assert "Nothing to see here." in quiet


# -- A3 (attacker) and F7 (newcomer): an identifier typed or said in pieces ------------------------
IDS = Roster(names=("Jo Bell",), parts=("Jo", "Bell"), ids=("MB-44821", "TCK-21564", "DP-21201"))


@pytest.mark.parametrize("text", ["MB 44 821", "mb/44821", "MB\u201344821", "MB\u221244821", "M-B-4-4-8-2-1",
                                  "D.P. 21201", "D P two one two zero one", "ticket #21564", "mb 4482 1"])
def test_an_identifier_in_pieces_is_an_id(text):
    said = f"My number is {text}, I think."
    out = redact(said, IDS)
    assert "[id]" in out and out.startswith("My number is ") and out.endswith(", I think.")
    assert not any(ch.isdigit() for ch in out)
    assert redact(said, IDS, names=False) == said  # --include-names keeps identifiers, as it does the others


@pytest.mark.parametrize("text", ["I paid 44 822 pounds.", "Room 21 201 is upstairs.", "We sold 4 4 8 2 2 units."])
def test_other_numbers_stay(text):
    assert redact(text, IDS) == text


def test_the_batch_screen_sends_an_identifier_in_pieces_to_redaction():
    from kit.privacy_batch import unredacted

    texts = ["It was M-B-4-4-8-2-1 on the card.", "D P two one two zero one, yes.", "Nothing to see here."]
    quiet = unredacted(texts, IDS)
    assert texts[0] not in quiet and texts[1] not in quiet and texts[2] in quiet
