"""Closing the loop: thank-you and "you said, we did" drafts, written to an out folder, never
sent, never holding another participant's words."""
from __future__ import annotations

import re

import pandas as pd
import pytest

import kit
from kit.discovery import loop
from kit.discovery.repository import example_repository, load_studies
from conftest import tree_snapshot


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return example_repository(tmp_path_factory.mktemp("loop") / "repo")


@pytest.fixture(scope="module")
def studies(repo):
    return load_studies(repo)


def quoted_lines(text):
    return re.findall(r"“([^”]+)”", text)


def own_words(study, participant):
    """The participant's words as a draft may quote them: contact details removed."""
    from kit.privacy import redact

    ids = set(study.interviews.loc[study.interviews["participant"] == participant, "interview_id"])
    seg = study.segments()
    return [redact(t, names=False)
            for t in seg.loc[seg["interview_id"].isin(ids) & seg["kind"].isin(["quote", "turn"]), "text"]]


def others_words(studies, participant):
    words = []
    for s in studies:
        seg = s.segments()
        words += [t for t in seg.loc[seg["participant"] != participant, "text"] if len(t.split()) >= 4]
    return words


# -- thank-you drafts -----------------------------------------------------------------------------
def test_one_thank_you_per_note(studies):
    pilot = studies[0]
    drafts = loop.thank_you_drafts(pilot)
    assert drafts["interview_id"].tolist() == sorted(pilot.interviews["interview_id"])
    row = drafts.set_index("interview_id").loc["INT-001"]
    assert row["participant"] == "P-002"
    assert row["send_by"].isoformat() == "2026-10-06"
    assert row["status"] == "sent 2026-10-05 (within 24 hours)"
    statuses = drafts.set_index("interview_id")["status"]
    assert statuses["INT-005"] == "sent 2026-10-15 (late)"
    assert statuses["INT-014"] == "to send"
    text = row["text"]
    assert text.startswith(loop.DRAFT_HEADER)
    assert "Send by: 2026-10-06 (within 24 hours of the interview)" in text
    assert "Thank you for taking the time to talk with us on 5 October 2026." in text
    assert text.rstrip().endswith("With thanks,\nMaya Chen")


def test_thank_you_reflects_the_insights_in_the_participants_own_words(studies):
    s45 = studies[1]
    text = loop.thank_you_drafts(s45).set_index("interview_id").loc["INT-101", "text"]
    assert quoted_lines(text) == [
        "The day the new reminder settings came out I switched the reminders back on.",
        "I picked the friendly one and changed two words, and then I just let it go out.",
        "It was paid four days after the due date, which for that client is a miracle.",
    ]
    # no insight is copied in the team's words ("She switched ...")
    for insight in s45.insights.loc[s45.insights["interview_id"] == "INT-101", "text"]:
        assert insight not in text


def test_a_note_without_quotes_or_transcript_gets_a_plain_thank_you(studies):
    row = loop.thank_you_drafts(studies[1]).set_index("interview_id").loc["INT-106"]
    assert row["lines"] == 0 and quoted_lines(row["text"]) == []
    assert "What stayed with us" not in row["text"]
    assert row["status"] == "sent 2026-11-16 (late)"


@pytest.mark.slow  # over 2 s (tests/README.md)
def test_drafts_never_hold_another_participants_words(studies):
    for study in studies:
        drafts = loop.thank_you_drafts(study, others_from=studies)
        for row in drafts.itertuples(index=False):
            mine = own_words(study, row.participant)
            for line in quoted_lines(row.text):
                assert any(line in w for w in mine), (row.interview_id, line)
            for other in others_words(studies, row.participant):
                if other not in mine:
                    assert other not in row.text, (row.interview_id, other)
    said = loop.you_said_we_did(studies)
    for row in said.itertuples(index=False):
        mine = [w for s in studies for w in own_words(s, row.participant)]
        for line in quoted_lines(row.text):
            assert any(line in w for w in mine), (row.participant, line)
        for other in others_words(studies, row.participant):
            if other not in mine:
                assert other not in row.text, (row.participant, other)


def test_the_guard_stops_a_leak(studies, monkeypatch):
    pilot = studies[0]
    someone_else = pilot.quotes.loc[pilot.quotes["participant"] == "P-004", "text"].iloc[0]
    real = loop._own_words

    def leaky(study, interview_id):
        return real(study, interview_id) + [("quote", someone_else)]

    monkeypatch.setattr(loop, "_own_words", leaky)
    monkeypatch.setattr(loop, "_echo", lambda insights, own, limit=3: [own[-1][1]])
    monkeypatch.setattr(loop, "_unleaked", lambda lines, others: lines)  # the filter before it failing too
    with pytest.raises(RuntimeError, match="another participant's words"):
        loop.thank_you_drafts(pilot)


def test_names_only_when_asked(studies):
    pilot = studies[0]
    plain = loop.thank_you_drafts(pilot)
    for text in plain["text"]:
        assert "Hi [first name]," in text
        for name, email in zip(pilot.participants["name"], pilot.participants["email"]):
            assert name not in text and email not in text
    named = loop.thank_you_drafts(pilot, include_names=True).set_index("interview_id")
    assert "Hi Dana,\n" in named.loc["INT-001", "text"]


# -- you said, we did --------------------------------------------------------------------------------
def test_only_participants_a_decision_cites(studies):
    from kit.roi import value_basis

    said = loop.you_said_we_did(studies)
    cited, left_out = set(), set()
    for s in studies:
        who = dict(zip(s.interviews["interview_id"], s.interviews["participant"]))
        counted = dict(zip(value_basis(s)["decision_id"], value_basis(s)["counted"]))
        for d, evidence in zip(s.decisions["id"], s.decisions["evidence"]):
            # a decision the report leaves out of the value and the ROI credits nobody (newcomer s15 F6)
            (cited if counted[d] else left_out).update({(who[e.split("#")[0]], d) for e in evidence})
    assert set(said["participant"]) == {p for p, _ in cited}
    assert {(n["participant"], n["id"]) for n in said.attrs["notes"]} == left_out
    assert len(said) == 12 and len(left_out) == 10  # the pilot's D-001..D-003 cite interviews held after them


def test_you_said_we_did_for_a_re_interviewed_participant(studies):
    from dataclasses import replace

    pilot = studies[0]  # D-002 (21 October) cites INT-014 and INT-017, held later: moved after them, it counts
    dated = pilot.decisions.assign(date=[pd.Timestamp("2026-10-30").date() if d == "D-002" else x
                                         for d, x in zip(pilot.decisions["id"], pilot.decisions["date"])])
    said = loop.you_said_we_did([replace(pilot, decisions=dated)] + list(studies[1:])).set_index("participant")
    row = said.loc["P-002"]
    assert row["decisions"] == "D-002; D-006" and row["interviews"] == "INT-001; INT-101"
    assert loop.you_said_we_did(studies).set_index("participant").loc["P-002", "decisions"] == "D-006"
    text = row["text"]
    assert "## 30 October 2026 (from our conversation on 5 October 2026)\n" \
           "You said: “They felt too cold, like a debt collector.”\n" \
           "We did: Rewrite payment reminders in three tones and let owners edit the first reminder before it is sent.\n" \
           "What we have seen since: share of new freelancer accounts with reminders on after 30 days went from " \
           "0.41 to 0.52 (9 November 2026).\n" \
           "Your interview was one of 4 that shaped this decision.\n" in text
    assert "You said: “I picked the friendly one and changed two words, and then I just let it go out.”" in text
    assert text.index("30 October 2026") < text.index("16 November 2026")
    # a decision without an outcome reading yet
    assert "We will tell you what we see once it has been running for a while." in said.loc["P-034", "text"]


@pytest.mark.slow  # 1-1.7 s: keeps the fast gate under two minutes
def test_write_drafts_to_the_out_folder_only(repo, studies, tmp_path):
    before = tree_snapshot(repo)
    out = tmp_path / "out"
    listing = loop.write_drafts(studies, out)
    assert listing["kind"].value_counts().to_dict() == {"thank-you": 29, "you-said-we-did": 12, "no draft": 10}
    assert (out / "thank-you" / "INT-101.md").read_text(encoding="utf-8") == \
        loop.thank_you_drafts(studies[1], others_from=studies).set_index("interview_id").loc["INT-101", "text"]
    assert (out / "you-said-we-did" / "P-002.md").is_file()
    saved = pd.read_csv(out / "drafts.csv")
    assert list(saved.columns) == ["kind", "id", "participant", "status", "path"]
    assert len(saved) == 51
    assert tree_snapshot(repo) == before
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_a_single_study(study_dir):
    study = kit.load_study(study_dir)
    drafts = loop.thank_you_drafts(study)
    assert drafts["interview_id"].tolist() == ["INT-001", "INT-002"]
    said = loop.you_said_we_did(study)
    assert said["participant"].tolist() == ["P-1"]
    assert "You said: “I gave up on the template and copied last year's spreadsheet.”" in said["text"].iloc[0]
