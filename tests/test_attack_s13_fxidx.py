"""Session-13 attacker's faults of the repository index and search (/work/faults-s13-attacker.md):
A2 (a participants.csv that cannot be read whole turned name hiding off and replaced the last good
index), A1 (search showed the words of participants who did not consent to being quoted), A13 (a
withdrawal of consent was lost once the study that recorded it left the repository). Inputs in
tests/data/attack-s13/fxidx/."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from kit.cli.discovery import index_command, search_command
from kit.consent_repository import WITHDRAWN_FILE
from kit.discovery.index import IndexWriteError, index_path, update_index
from kit.discovery.rosters import RosterUnreadableError, unreadable_rosters
from kit.discovery.search import search
from kit.privacy import NO_CONSENT

DATA = Path(__file__).parent / "data" / "attack-s13" / "fxidx"
INVOICE_WORDS = "lost the whole afternoon rebuilding"  # P-002 (consent_quote no), S1-alpha INT-002
CURRENCY_WORDS = "went out in the wrong currency"     # P-003 (yes in S1-alpha, no in S2-beta), INT-003
BILLED_WORDS = "bounced back"                          # P-003 in S2-beta, INT-004


@pytest.fixture()
def repo(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(DATA / "repo", root)
    return root


def _consent(repo, participant):
    con = sqlite3.connect(index_path(repo))
    try:
        return {(s, c) for s, c in con.execute("SELECT study, consent_quote FROM docs WHERE participant = ?",
                                                (participant,))}
    finally:
        con.close()


def _index_bytes(repo) -> bytes:
    return index_path(repo).read_bytes()


# -- A2: a roster that cannot be read whole: fail closed ----------------------------------------------
@pytest.mark.parametrize("sheet", ["r13-S3-participants-nul.csv", "r14-S3-participants-utf16le-nobom.csv"])
def test_unreadable_roster_keeps_the_last_good_index_and_exits_non_zero(repo, sheet):
    text, code = index_command(repo)
    assert code in (0, 1), text
    good = _index_bytes(repo)
    shutil.copy(DATA / sheet, repo / "S3-gamma" / "participants.csv")
    text, code = index_command(repo)
    assert code != 0
    assert "S3-gamma/participants.csv:" in text and "not updated" in text, text
    assert "Ольга" not in text and "Петрова" not in text
    assert _index_bytes(repo) == good  # the last good index, byte for byte
    out, code = search_command(repo, "Ольга")
    assert code == 0 and "no matches" in out and "last complete index" in out, out
    assert "Петрова" not in out


def test_unreadable_roster_without_an_index_writes_none(repo):
    shutil.copy(DATA / "r13-S3-participants-nul.csv", repo / "S3-gamma" / "participants.csv")
    text, code = index_command(repo)
    assert code != 0 and "no index is written" in text, text
    assert not index_path(repo).exists()
    out, code = search_command(repo, "Ольга")
    assert code != 0 and "S3-gamma/participants.csv:" in out, out
    with pytest.raises(IndexWriteError):
        search(repo, "Ольга")


@pytest.mark.parametrize("damage", [
    b"P-009;Extra;Row;with;far;too;many;fields;for;this;header;really;so;many;more;than;it;has\r\n",  # left out
    b'P-010;"Unclosed quote;x\r\n',  # an unterminated quote
])
def test_rows_left_out_of_a_roster_are_an_unreadable_roster(repo, damage):
    sheet = repo / "S1-alpha" / "participants.csv"
    sheet.write_bytes(sheet.read_bytes() + damage)
    found = unreadable_rosters(sorted(p for p in repo.iterdir() if p.is_dir()))
    assert found and all(p.path.endswith("S1-alpha/participants.csv") for p in found)
    with pytest.raises(RosterUnreadableError):
        update_index(repo)


def test_readable_rosters_in_other_encodings_still_index(repo):
    assert unreadable_rosters(sorted(p for p in repo.iterdir() if p.is_dir())) == []
    report = update_index(repo)
    assert sorted(report.indexed) == ["S1-alpha", "S2-beta", "S3-gamma"]


# -- A1: search withholds the words of participants who did not consent ------------------------------
def test_search_text_withholds_unconsented_words(repo):
    out, code = search_command(repo, "invoice")
    assert code == 0
    # their own words are no hit at all: a hit with its words withheld confirmed what they said (attacker s16 A2)
    assert "INT-002#q1" not in out and "INT-002#t" not in out
    assert INVOICE_WORDS not in out and "bounced" not in out, out
    out, _ = search_command(repo, "currency")
    assert CURRENCY_WORDS not in out and "biggest client" not in out, out  # withdrawn in S2-beta


def test_search_json_withholds_unconsented_words(repo):
    out, code = search_command(repo, "invoice", as_json=True)
    hits = json.loads(out)
    # only they said "invoice": their turns and quotes are no hit (attacker s16 A2), nor the team note
    # whose "invoice" is inside a run of their words (attacker s17 A15)
    assert code == 0 and hits == []
    assert INVOICE_WORDS not in out and BILLED_WORDS not in out
    hits = json.loads(search_command(repo, "ticket", as_json=True)[0])
    mine = [h for h in hits if h["participant"] in ("P-002", "P-003") and h["kind"] in ("turn", "quote")]
    assert hits and mine == [] and all(h["consent_quote"] for h in hits if h["kind"] in ("turn", "quote"))


def test_search_include_names_withholds_them_too(repo):
    assert not len(search(repo, "invoice", include_names=True))  # only their words hold it (s16 A2, s17 A15)
    frame = search(repo, "ticket OR lost", include_names=True)
    own = frame[frame["kind"].isin(["turn", "quote"]) & ~frame["consent_quote"]]
    assert len(frame) and not len(own)  # no hit on their own words, names shown or not (attacker s16 A2)
    assert not frame["text"].str.contains("rebuilding the invoice").any()


def test_a_team_note_repeating_their_words_is_withheld_in_part(repo):
    frame = search(repo, "lost")  # a word of the team's own, beside a run of their words
    note = frame[frame["id"] == "INT-002#i1"]
    assert len(note) == 1 and "[not quoted]" in note["text"].iloc[0] and "invoice" not in note["text"].iloc[0]
    assert "INT-002#i1" not in set(search(repo, "invoice")["id"])  # a match inside their words: no hit (s17 A15)


def test_consenting_participants_words_are_shown(repo):
    frame = search(repo, "ticket")
    shown = frame[frame["consent_quote"] & frame["kind"].isin(["turn", "quote"])]
    assert len(shown) and NO_CONSENT not in set(shown["text"])


# -- A13: a withdrawal outlives the study that recorded it -------------------------------------------
@pytest.mark.parametrize("how", ["archive", "delete"])
def test_a_withdrawal_stays_when_its_study_leaves(repo, how):
    index_command(repo)
    assert _consent(repo, "P-003") == {("S1-alpha", 0), ("S2-beta", 0)}
    if how == "archive":
        (repo / "S2-beta").rename(repo / "_S2-archived")
    else:
        shutil.rmtree(repo / "S2-beta")
    text, code = index_command(repo)
    assert _consent(repo, "P-003") == {("S1-alpha", 0)}
    assert "S1-alpha/participants.csv:4: warning: P-003 withdrew their consent" in text, text
    index_path(repo).unlink()  # the index is a cache: the withdrawal is not kept in it
    index_command(repo)
    assert _consent(repo, "P-003") == {("S1-alpha", 0)}
    out, _ = search_command(repo, "currency")
    assert CURRENCY_WORDS not in out


def test_a_withdrawal_ends_when_consent_is_given_again_where_it_was_withdrawn(repo):
    index_command(repo)
    sheet = repo / "S2-beta" / "participants.csv"
    text = sheet.read_bytes().decode("utf-16")
    sheet.write_bytes(text.replace("2026-02-10,yes,no", "2026-02-10,yes,yes").encode("utf-16"))
    index_command(repo)
    assert _consent(repo, "P-003") == {("S1-alpha", 1), ("S2-beta", 1)}
    assert (repo / ".interview-kit" / WITHDRAWN_FILE).read_text().strip() == "study,participant,withdrawn_in,person"


def test_a_withdrawal_entry_deleted_by_hand_gives_consent_back(repo):
    index_command(repo)
    shutil.rmtree(repo / "S2-beta")
    index_command(repo)
    record = repo / ".interview-kit" / WITHDRAWN_FILE
    assert "S1-alpha,P-003,S2-beta" in record.read_text()
    assert "Grace" not in record.read_text() and "@" not in record.read_text()  # ids and study labels only
    record.write_text("study,participant,withdrawn_in\n")
    text, _ = index_command(repo)
    assert _consent(repo, "P-003") == {("S1-alpha", 1)}
    assert "withdrew" not in text


def test_no_withdrawal_no_file(repo):
    shutil.rmtree(repo / "S2-beta")
    index_command(repo)
    assert not (repo / ".interview-kit" / WITHDRAWN_FILE).exists()


def test_prior_interactions_summary_withholds_their_words_in_team_notes(repo):
    from kit.discovery.search import prior_interactions

    rows = prior_interactions(repo, "P-002")
    summary = " ".join(rows["summary"].astype(str))
    assert "[not quoted]" in summary and "rebuilding the invoice" not in summary
