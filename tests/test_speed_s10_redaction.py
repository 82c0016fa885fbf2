"""Redaction flat in the roster (issue 20, item 1): what a text becomes depends on the people
it mentions, not on how many others the roster holds; a roster's matchers are built once for
every equal roster, and the emails' matcher from the emails alone finds what it found before."""
from __future__ import annotations

import random

import pytest

from kit.privacy import EMAIL_MARK, NAME_MARK, PHONE_MARK, NameMatcher, Roster, redact, redact_both, roster

MENTIONED = [("José García", "jose.garcia@example.com"), ("María López", "maria.lopez@example.com"),
             ("Chloé Dubois", "chloe.dubois@example.com"), ("Law Grace", "law.grace@example.com")]
TEXTS = [
    "thanks jose, the invoice went out late",
    "Maria Lopez said the terms were ninety days",
    "ask CHLOÉ DUBOIS about the approval queue",
    "write to jose dot garcia at example dot com or call +44 20 7946 0958",
    "maria.lopez@example.com sent it back; Grace said no",
    "We studied law and grace under pressure; Law said it was fine.",
    "student number s2139904 was on the form",
    "Nobody here is on the roster, and nothing is private.",
]


def _roster(extra: int) -> Roster:
    rng = random.Random(3)
    syllables = ["ka", "lo", "vi", "ren", "mas", "tu", "bel", "dor", "quin", "zel"]
    names = [n for n, _ in MENTIONED]
    emails = [e for _, e in MENTIONED]
    for i in range(extra):
        first = "".join(rng.choice(syllables) for _ in range(3)).capitalize()
        last = "".join(rng.choice(syllables) for _ in range(4)).capitalize()
        names.append(f"{first} {last}")
        emails.append(f"{first.lower()}.{last.lower()}{i}@example.org")
    parts = [p for n in names for p in n.split()]
    return Roster(names=tuple(dict.fromkeys(names)), parts=tuple(dict.fromkeys(parts)),
                  emails=tuple(dict.fromkeys(emails)), ids=("s2139904",))


@pytest.mark.slow  # builds a 3,000-name roster: over 2 s (tests/README.md)
def test_a_text_is_redacted_alike_whatever_else_the_roster_holds():
    small, large = _roster(0), _roster(3000)
    assert len(large.names) > 3000
    got = [redact(t, small) for t in TEXTS]
    assert got == [redact(t, large) for t in TEXTS]
    assert [redact_both(t, small) for t in TEXTS] == [redact_both(t, large) for t in TEXTS]
    assert got[0] == f"thanks {NAME_MARK}, the invoice went out late"
    assert got[3] == f"write to {EMAIL_MARK} or call {PHONE_MARK}"
    assert "law and grace" in got[5] and f"; {NAME_MARK} said" in got[5]  # everyday words only where a person is
    assert got[-1] == TEXTS[-1]


def test_equal_rosters_share_their_matchers(tmp_path):
    (tmp_path / "participants.csv").write_text("participant_id,name,email\nP-1,José García,jose@example.com\n",
                                               encoding="utf-8")
    copy = tmp_path / "copy"  # the same sheet in another folder: an equal roster of its own
    copy.mkdir()
    (copy / "participants.csv").write_bytes((tmp_path / "participants.csv").read_bytes())
    first, second = roster(tmp_path), roster(copy)  # (one folder read twice is remembered: kit.privacy_memo)
    assert first is not second and first == second
    assert first.matcher is second.matcher and first.email_matcher is second.email_matcher
    other = roster([tmp_path, tmp_path])  # the same people merged: equal, so shared too
    assert other.matcher is first.matcher
    assert _roster(1).matcher is not _roster(2).matcher


def test_the_emails_matcher_is_the_full_entries_emails():
    """The emails' and the leak scan's matchers are built from fewer entries than before; their
    tries are the ones the old way (every entry built, then filtered) made."""
    people = _roster(200)
    everything = people._entries(parts=False)
    assert people.email_matcher.root == NameMatcher([e for e in everything if e[1] == EMAIL_MARK]).root
    assert people.secret_matcher.root == NameMatcher(everything).root
    assert people.matcher.root == NameMatcher(people._entries(parts=True), people.categories).root
    assert any(True for _ in people.email_matcher.find("jose dot garcia at example dot com"))
    assert not any(True for _ in people.email_matcher.find("José García"))


def test_a_roster_given_lists_still_redacts():
    people = Roster(names=["José García"], parts=["José", "García"], emails=["jose@example.com"])
    assert redact("thanks José, write to jose@example.com", people) == f"thanks {NAME_MARK}, write to {EMAIL_MARK}"
