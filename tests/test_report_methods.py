"""The method steps taken out of the report (issue 15): feature requests (kit.feature_requests),
the sample (kit.sample), shareable quotes (kit.quotes), opportunity notes and the decision
ledger (kit.opportunities), each checked on a study written for the test."""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import write

import kit
from kit import opportunities
from kit.feature_requests import REQUEST, REQUEST_COLUMNS, feature_requests
from kit.quotes import QUOTE_COLUMNS, shareable_quotes
from kit.sample import SAMPLE_COLUMNS, sample_table
from kit.sentiment import compound


@pytest.fixture
def asking(study_dir):
    """The small study, where Jo (consented) and Lee (did not) ask for things."""
    note = study_dir / "interviews" / "INT-001.md"
    note.write_text(note.read_text().replace(
        '- "The invite email went to spam twice." (1:30)',
        '- "The invite email went to spam twice." (1:30)\n- "I wish it could import my spreadsheet." (2:10)'))
    write(study_dir / "transcripts" / "INT-001.txt", """
        Ana Silva: Tell me about the last time you set up a project.
        Jo: It was in March. I gave up on the template and copied last year's spreadsheet.
        Jo: Honestly, I wish it could import my spreadsheet.
        Ana Silva: What happened next?
        Jo: I'd pay for reminders that call jo@example.com out, Jo Park would love that.
    """)
    note2 = study_dir / "interviews" / "INT-002.md"
    note2.write_text(note2.read_text().replace('- "Our IT team blocked the invite links for a week."',
                                               '- "Our IT team blocked the invite links for a week."\n'
                                               '- "Why can\'t admins approve invites in advance?"'))
    return kit.load_study(study_dir)


def test_request_cues_are_generic():
    for said in ("I'd love a dark mode", "if the app could remember me", "Why can't it export?",
                 "It would be handy to see the total", "I would pay for that"):
        assert REQUEST.search(said), said
    for said in ("I love it", "The app could not load", "I paid last week"):
        assert not REQUEST.search(said), said


def test_feature_requests_in_participants_words(asking):
    asks = feature_requests(asking)
    assert list(asks.columns) == REQUEST_COLUMNS
    rows = {r.segment_id: r for r in asks.itertuples()}
    # key quotes first, then turns; the turn repeating a key quote is the same request
    assert list(asks["kind"]) == ["quote", "quote", "turn"]
    assert set(rows) == {"INT-001#q3", "INT-002#q2", "INT-001#t4"}
    assert rows["INT-001#q3"].text == "I wish it could import my spreadsheet." and rows["INT-001#q3"].consented
    assert rows["INT-001#q3"].segment == "small"
    # Lee did not consent: counted, never shown
    assert not rows["INT-002#q2"].consented and rows["INT-002#q2"].text == ""
    # redacted: names and contact details
    assert rows["INT-001#t4"].text == "I'd pay for reminders that call [email] out, [name] would love that."
    named = feature_requests(asking, include_names=True).set_index("segment_id")
    assert "Jo Park would love" in named.loc["INT-001#t4", "text"] and "[email]" in named.loc["INT-001#t4", "text"]


def test_sample_by_segment_against_quotas(study_dir):
    write(study_dir / "participants.csv", """
        id,name,email,segment,channel,status,invited_on,scheduled_on,interviewed_on,consent_record,consent_quote
        P-1,Jo Park,jo@example.com,small,email,completed,2026-01-02,2026-01-04,2026-01-05,yes,yes
        P-2,Lee Grant,lee@example.com,large,in-app,completed,2026-01-02,2026-01-05,2026-01-06,yes,no
        P-3,Sam Ruiz,sam@example.com,large,email,declined,2026-01-02,,,no,no
        P-4,Kai Moss,kai@example.com,large,email,no-show,2026-01-02,2026-01-07,,yes,yes
        P-5,Ida Berg,ida@example.com,small,email,scheduled,2026-01-02,2026-01-09,,yes,yes
        P-6,Oli Hart,oli@example.com,medium,email,completed,2026-01-02,2026-01-03,2026-01-04,yes,yes
    """)
    sample = sample_table(kit.load_study(study_dir, strict=False)).set_index("segment")
    assert list(sample.reset_index().columns) == SAMPLE_COLUMNS
    assert list(sample.index) == ["large", "medium", "small"]  # every segment met, sorted
    assert sample.loc["large"].to_dict() == {"quota": 1, "recruited": 3, "completed": 1, "scheduled": 0,
                                             "declined_or_no_show": 2, "consented_to_quote": 0}
    assert sample.loc["small", "scheduled"] == 1 and sample.loc["small", "consented_to_quote"] == 1
    assert pd.isna(sample.loc["medium", "quota"]) and sample.loc["medium", "consented_to_quote"] == 1


def test_shareable_quotes_carry_their_codes_and_tone(asking):
    coded = pd.DataFrame({"segment_id": ["INT-001#q1", "INT-001#q1", "INT-001#q2", "INT-002#q1"],
                          "code": ["workaround", "invite-trouble", "invite-trouble", "invite-trouble"],
                          "source": ["manual", "auto", "auto", "manual"],
                          "counted": [True, False, True, True]})
    quotes = shareable_quotes(asking, coded)
    assert list(quotes.columns) == QUOTE_COLUMNS
    assert list(quotes["segment_id"]) == ["INT-001#q1", "INT-001#q2", "INT-001#q3"]  # Lee did not consent
    rows = quotes.set_index("segment_id")
    assert rows.loc["INT-001#q1", "codes"] == "workaround"  # a coding that does not count is left out
    assert rows.loc["INT-001#q2", "codes"] == "invite-trouble" and rows.loc["INT-001#q2", "hand_codes"] == ""
    assert rows.loc["INT-001#q1", "hand_codes"] == "workaround"
    assert rows.loc["INT-001#q1", "segment"] == "small"
    expected = [round(v, 4) for v in compound(list(quotes["text"]))]
    assert quotes["compound"].tolist() == pytest.approx(expected, abs=1e-9)
    uncoded = shareable_quotes(asking)
    assert set(uncoded["codes"]) == {""} and len(uncoded) == 3


def test_decisions_and_opportunity_notes(study_dir):
    write(study_dir / "decisions.csv", """
        id,date,decision,evidence,estimated_value,value_kind,outcome_metric,outcome_baseline,outcome_reading,reading_date
        D-1,2026-01-20,Add spreadsheet import,INT-001#o1; INT-001#q1,5000,revenue,activation,0.4,,
        D-2,2026-01-21,Pre-approved invites,INT-002#q1; INT-001#q2; INT-001#i1,2000,cost_saving,,,,
    """)
    study = kit.load_study(study_dir)
    ledger = opportunities.decisions(study)
    assert list(ledger.columns) == opportunities.DECISION_COLUMNS
    assert ledger["interviews_cited"].tolist() == [1, 2]
    assert ledger.loc[1, "evidence"] == "INT-002#q1; INT-001#q2; INT-001#i1"
    notes = opportunities.notes(study).set_index("segment_id")
    assert list(notes.reset_index().columns) == opportunities.NOTE_COLUMNS
    # D-1 cites the opportunity itself: acted on; D-2 cites other passages of its interview: nearby
    assert notes.loc["INT-001#o1", "decisions"] == "D-1" and notes.loc["INT-001#o1", "interview_cited_by"] == "D-2"
    assert notes.loc["INT-002#o1", "decisions"] == "" and notes.loc["INT-002#o1", "interview_cited_by"] == "D-2"
    assert notes.loc["INT-001#o1", "insights"] == 1 and notes.loc["INT-001#o1", "stage"] == "setup"
    # only consenting participants' quotes are evidence that can be shown
    assert notes.loc["INT-001#o1", "quotes"] == "INT-001#q1; INT-001#q2" and notes.loc["INT-002#o1", "quotes"] == ""
    assert notes.loc["INT-002#o1", "text"] == "Admins could approve invites in advance."
