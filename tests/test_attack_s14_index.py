"""Session-13 attacker's faults of search and the index fixed in session 14 (/work/faults-s13-attacker.md):
A7 (``search "NOT x"`` returned the passages holding x), A8 (the no-match hint built from FTS5
syntax), A9 (note paths of the index tied to the folder it was first built from), A10 (front-matter
keys holding identifiers and emails read by nothing, said by nothing), A11 (an unkeyed SHA-256 of
each email in the index), A12 (search's note confirmed whether a word is a roster name); and found
with them: identifiers typed with their parts reordered (``44821-MB``), a roster name in Latin
letters written in Cyrillic (``Уилл Белл``), the index's roster without the languages the studies
declare, and ``check`` blind to the withdrawals the index remembers. Inputs in
tests/data/attack-s13/ (fxidx/repo, r9-INT-008.txt)."""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from kit.cli.discovery import index_command, search_command
from kit.discovery.index import index_path, update_index
from kit.discovery.search import UNSUPPORTED, fts_query, prior_interactions, query_terms, search

DATA = Path(__file__).parent / "data" / "attack-s13"
REPO = DATA / "fxidx" / "repo"
S1_EMAILS = ("zoe.obrien@example.com", "will.bell@example.org", "grace.may@example.net")


def _copy(tmp_path, name="repo") -> Path:
    root = tmp_path / name
    shutil.copytree(REPO, root)
    return root


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """The attacker's repository, with a Cyrillic spelling of a Latin roster name in a transcript, indexed once."""
    root = _copy(tmp_path_factory.mktemp("s14"))
    with open(root / "S1-alpha" / "transcripts" / "INT-001.txt", "a", encoding="utf-8") as fh:
        fh.write("Zoë: Уилл Белл и Грейс Мэй тоже ждали ответа.\n")
    update_index(root)
    return root


def _ids(repo, query) -> set:
    return set(search(repo, query, limit=100, update=False)["id"])


# -- A7: NOT -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["NOT currency", "invoice OR NOT currency", "NOT NOT currency", "(NOT currency)"])
def test_a_not_that_cannot_exclude_is_a_usage_error(tmp_path, query):
    with pytest.raises(ValueError, match="NOT"):
        fts_query(query)
    text, code = search_command(_copy(tmp_path), query)
    assert code == 2 and "NOT" in text and "match" not in text, text


def test_not_excludes_and_and_not_is_not(indexed):
    # words of the consenting participants and the team's notes (a non-consenting participant's own words
    # are no hit: attacker s16 A2)
    ticket, were = _ids(indexed, "ticket"), _ids(indexed, "were")
    assert ticket & were and ticket - were  # the input has both kinds
    assert _ids(indexed, "ticket NOT were") == ticket - were
    assert _ids(indexed, "ticket AND NOT were") == ticket - were


# -- A8: FTS5 syntax in the hint ---------------------------------------------------------------------
def test_near_and_column_filters_are_read_as_their_words(indexed):
    assert query_terms("NEAR(invoice currency, 2)") == (["invoice", "currency"], True)
    assert query_terms("text:invoice late-payment") == (["invoice", '"late payment"'], True)
    assert query_terms("late-payment: (overdue)") == (['"late payment"', "overdue"], False)
    assert _ids(indexed, "NEAR(invoice currency, 2)") == _ids(indexed, "invoice currency")
    text, code = search_command(indexed, "NEAR(invoice currency, 2)")
    assert code == 0 and UNSUPPORTED in text


def test_the_no_match_hint_proposes_the_words_as_searched(indexed):
    text, code = search_command(indexed, "NEAR(ticket zebra, 2)")
    assert code == 0 and text.startswith("no matches for 'NEAR(ticket zebra, 2)'"), text
    hint, note = text.split("'NEAR(ticket zebra, 2)'", 1)[1].split("\n", 1)
    assert "ticket matches" in hint and "zebra matches none" in hint and "`ticket OR zebra`" in hint, hint
    assert "NEAR(" not in hint and "2)" not in hint and note == UNSUPPORTED


# -- A12: the note never depends on the roster -------------------------------------------------------
def test_the_name_note_reads_the_same_for_roster_names_and_other_names(indexed):
    from kit.privacy import Roster, roster
    from kit.privacy_ids import name_word_note

    people = roster(str(indexed / "S1-alpha"))
    assert "May" in people.parts and "Rose" not in people.parts
    for word in ("may", "bell", "grace", "rose", "hope"):
        note = name_word_note(word, people)
        assert note and note == name_word_note(word, Roster()), word
    # a surname on the roster (Smyth) or not: the same note, of the everyday word alone
    assert name_word_note("grace smyth", people) == name_word_note("grace okonkwo", people) == name_word_note("grace")
    notes = {}
    for word in ("may", "rose"):
        text, code = search_command(indexed, word)
        assert code == 0
        notes[word] = [line for line in text.splitlines() if line.startswith("note:")]
    assert notes["may"] == [n.replace("'rose'", "'may'") for n in notes["rose"]] and notes["may"], notes


# -- A11: keyed email hashes -------------------------------------------------------------------------
def test_the_index_keeps_no_unkeyed_hash_of_an_email(indexed):
    key_file = index_path(indexed).parent / "email-key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    con = sqlite3.connect(index_path(indexed))
    try:
        stored = {h for (h,) in con.execute("SELECT email_hash FROM people") if h}
    finally:
        con.close()
    assert len(stored) >= 3
    for email in S1_EMAILS:
        assert hashlib.sha256(email.encode()).hexdigest() not in stored
        assert key_file.read_text().strip() not in index_path(indexed).read_bytes().decode("latin-1")
    assert set(prior_interactions(indexed, " Grace.May@EXAMPLE.net ", update=False)["participant"]) == {"P-003"}


@pytest.mark.slow  # three index runs
def test_a_lost_key_rebuilds_the_index_and_a_readable_key_is_made_private(tmp_path):
    repo = _copy(tmp_path)
    update_index(repo)
    key_file = index_path(repo).parent / "email-key"
    key_file.unlink()
    report = update_index(repo)
    assert report.rebuilt and "key" in report.reason
    os.chmod(key_file, 0o644)
    assert not update_index(repo).rebuilt
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert set(prior_interactions(repo, "will.bell@example.org")["participant"]) == {"P-002"}


# -- A9: note paths relative to the repository ---------------------------------------------------------
def test_note_paths_lead_to_the_notes_after_the_repository_moves(tmp_path):
    repo = _copy(tmp_path, "first")
    update_index(repo)
    moved = tmp_path / "elsewhere" / "second"
    moved.parent.mkdir()
    shutil.move(str(repo), moved)
    (moved / "S1-alpha").rename(moved / "S1-renamed")
    update_index(moved)
    con = sqlite3.connect(index_path(moved))
    try:
        paths = [p for (p,) in con.execute("SELECT note_path FROM interviews")]
    finally:
        con.close()
    assert paths and all(not Path(p).is_absolute() and (moved / p).is_file() for p in paths), paths
    assert any(p.startswith("S2-beta/") for p in paths) and any(p.startswith("S1-renamed/") for p in paths)
    table = prior_interactions(moved, "P-003")
    assert len(table) and all(Path(p).is_file() for p in table["note_path"])


# -- A10: unread front-matter keys holding identifiers -------------------------------------------------
def test_unread_front_matter_keys_holding_identifiers_are_warned_at_their_lines():
    from kit.study import load_study

    study = load_study(REPO / "S1-alpha", strict=False)
    found = {(p.line, p.message.split("'")[1]) for p in study.problems
             if p.path.endswith("INT-001.md") and "is not read by interview-kit" in p.message}
    assert found == {(9, "member"), (10, "ticket"), (11, "contact")}
    for p in study.problems:
        assert "44821" not in p.message and "77120" not in p.message and "example.com" not in p.message


# -- identifiers reordered, names in Cyrillic ----------------------------------------------------------
def test_identifiers_typed_with_their_parts_reordered_are_replaced():
    from kit.privacy import redact, roster
    from kit.privacy_id_forms import id_form_spans

    people = roster(str(REPO / "S1-alpha"))
    text = (DATA / "r9-INT-008.txt").read_text(encoding="utf-8")
    shown = redact(text, people)
    for digits in ("44821", "4482", "77120", "771"):
        assert digits not in shown, shown
    for typed in ("44821-MB", "44821MB", "44821 mb", "77120/TCK"):
        assert id_form_spans(f"ref {typed} ok", people.ids) == [(4, 4 + len(typed), "[id]")], typed
    assert id_form_spans("ref 2024-MB ok", people.ids) == []


def test_a_latin_roster_name_written_in_cyrillic_is_replaced(indexed):
    from kit.privacy import redact, roster

    people = roster(str(REPO / "S1-alpha"))
    for written in ("Уилл Белл ждал.", "Вилл Белл ждал.", "Грейс Мэй ждала.", "Мы говорили с Белл."):
        assert redact(written, people).count("[name]") >= 1 and "Бел" not in redact(written, people), written
    plain = "Это было в мае, и да, ли это так? Дан ответ."
    assert redact(plain, people) == plain
    con = sqlite3.connect(index_path(indexed))
    try:
        texts = " ".join(t for (t,) in con.execute("SELECT text FROM docs"))
    finally:
        con.close()
    assert "ждали ответа" in texts and "Уилл" not in texts and "Белл" not in texts and "Грейс" not in texts
    assert _ids(indexed, "Белл") == set()


# -- the index's roster declines names in the languages the studies declare ----------------------------
def test_the_index_hides_names_declined_in_a_declared_language(tmp_path):
    from kit.discovery.index_names import repository_roster
    from kit.discovery.repository import find_studies

    repo = _copy(tmp_path)
    with open(repo / "S1-alpha" / "study.yml", "a", encoding="utf-8") as fh:
        fh.write("\nlanguages: [pl]\n")
    with open(repo / "S1-alpha" / "transcripts" / "INT-001.txt", "a", encoding="utf-8") as fh:
        fh.write("Zoë: Rozmawiałam z Bellem wczoraj.\n")
    assert repository_roster(find_studies(repo))[0].languages == ("pl",)
    update_index(repo)
    con = sqlite3.connect(index_path(repo))
    try:
        texts = " ".join(t for (t,) in con.execute("SELECT text FROM docs"))
    finally:
        con.close()
    assert "Rozmawiałam z [name] wczoraj" in texts and "Bellem" not in texts


# -- check warns of the withdrawals the index remembers ----------------------------------------------
def test_check_warns_of_a_remembered_withdrawal_without_writing(tmp_path):
    from kit.check import check_study

    repo = _copy(tmp_path)
    text, code = index_command(repo)
    assert code in (0, 1), text
    (repo / "S2-beta").rename(repo / "_S2-archived")
    saved = repo / ".interview-kit" / "consent-withdrawn.csv"
    before = saved.read_bytes()
    problems = check_study(repo / "S1-alpha")
    found = [p for p in problems if "withdrew their consent" in p.message]
    assert [(Path(p.path).name, p.line) for p in found] == [("participants.csv", 4)], problems
    assert saved.read_bytes() == before
