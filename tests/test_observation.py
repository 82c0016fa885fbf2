"""Tests for kit.observation: interpretation cues in insights, and key quotes found (or not)
verbatim in the transcript, on the pilot (whose quotes are verbatim) and on altered quotes."""
from __future__ import annotations

import textwrap

import pytest

import kit
from kit.notes import parse_note_text
from kit.observation import (
    CUES,
    FOUND_AT,
    check_insights,
    check_quotes,
    find_quote,
    insight_table,
    interpretation_cues,
    normalise,
    quote_table,
    review_note,
)
from kit.paths import pilot_path
from kit.transcripts import parse_transcript, read_transcript

PILOT = pilot_path()


@pytest.fixture(scope="module")
def study():
    return kit.load_study(PILOT)


# --------------------------------------------------------------------------- cues
@pytest.mark.parametrize("text, cue", [
    ("They want faster payouts.", "they want"),
    ("Owners want one place for every invoice.", "they want"),
    ("She needs a better way to chase.", "needs"),
    ("Trades need to be paid on the doorstep.", "needs"),
    ("Reminders should sound like the owner.", "should"),
    ("He would like reminders in his own words.", "would like"),
    ("She'd prefer text messages.", "would like"),
    ("She feels that reminders are rude.", "feels that"),
    ("He probably forgets to chase.", "probably"),
    ("It seems to be a trust problem.", "probably"),
    ("Clearly the matching is broken.", "clearly"),
    ("They avoid reminders because they think clients will be offended.", "because they think"),
    ("A big opportunity for deposits.", "opportunity"),
    ("We could add SMS invoices.", "we could"),
    ("Automatic matching would save her Sunday nights.", "would help"),
    ("Chasing is the main pain point.", "pain point"),
])
def test_interpretation_cues(text, cue):
    assert cue in [c["cue"] for c in interpretation_cues(text)]


@pytest.mark.parametrize("text", [
    "He sends the invoice from the van.",
    "She rewrote the first reminder email four times before sending it.",
    "She did not know Brightbill can send recurring invoices until support showed her.",
    "The landlord said the emailed invoice went to spam.",
    "She switched the automatic reminders off in her first week: \"too cold\".",
    "She said she \"would like\" to write the reminders herself.",  # her words, quoted
    "",
])
def test_observations_have_no_cues(text):
    assert interpretation_cues(text) == []


def test_cue_report_has_match_and_position():
    cues = interpretation_cues("They clearly want deposits, so we could ask up front.")
    assert [(c["cue"], c["match"]) for c in cues] == [("they want", "They clearly want"),
                                                      ("clearly", "clearly"), ("we could", "we could")]
    assert cues[0]["start"] == 0


def test_every_cue_in_the_brief_is_covered():
    names = {name for name, _ in CUES}
    assert {"they want", "needs", "should", "would like", "feels that", "probably", "clearly",
            "because they think", "opportunity", "we could"} <= names


def test_pilot_insights_are_observations(study):
    table = insight_table(study)
    assert len(table) == len(study.insights) == 100
    assert not table["interpretation"].any(), table[table["interpretation"]]


NOTE = """
---
id: INT-900
date: 2026-01-05
---

## Key Quotes
- "I sent the invoice on the first and I was still chasing it on the thirtieth." (0:05)
- "I hate chasing clients, it makes me feel like a beggar."

## Insights
- She chases by text message, not email.
- Clients clearly need reminders that feel personal.
- We could build an SMS reminder.

## Opportunities
- Reminders sent as text messages could shorten the chase.
"""


def test_check_insights_of_a_note():
    note = parse_note_text(textwrap.dedent(NOTE).lstrip(), "INT-900.md")
    rows = check_insights(note)
    assert [r["segment"] for r in rows] == ["INT-900#i1", "INT-900#i2", "INT-900#i3"]
    assert [r["interpretation"] for r in rows] == [False, True, True]
    assert rows[1]["cues"] == ["needs", "clearly"]  # "Clients clearly need", then "clearly"
    assert "Opportunities" in rows[1]["advice"] and rows[0]["advice"] == ""
    assert rows[2]["cues"] == ["we could"]
    assert rows[1]["line"] == 12


# --------------------------------------------------------------------------- quotes
def test_normalise():
    assert normalise("\u201cIt\u2019s  late\u2014again!\u201d") == "it's late again"
    assert normalise("thirty-four DAYS, late?") == "thirty four days late"


TRANSCRIPT = """
WEBVTT

00:00:01.000 --> 00:00:04.000
Interviewer: Tell me about the last time a client paid you late.

00:00:05.000 --> 00:00:15.000
Dana: Well, I sent the invoice on the first and I was still chasing it on the thirtieth. It was a bakery.

00:00:16.000 --> 00:00:18.000
Interviewer: I sent the invoice on the first, you said?

00:00:19.000 --> 00:00:30.000
Dana: Yes. Honestly I hate chasing people, it makes me feel small.
"""


@pytest.fixture
def turns():
    return parse_transcript(textwrap.dedent(TRANSCRIPT).strip())


def test_verbatim_quote_with_time(turns):
    r = find_quote("I sent the invoice on the first and I was still chasing it on the thirtieth.", turns)
    assert r["found"] is True and r["status"] == "verbatim" and r["similarity"] == 1.0
    assert r["turn"] == 2 and r["time"] == 5.0
    assert r["match"] == "i sent the invoice on the first and i was still chasing it on the thirtieth"


def test_quote_with_curly_quotes_and_different_case(turns):
    r = find_quote("\u201cHONESTLY I hate chasing people \u2014 it makes me feel small\u201d", turns)
    assert r["status"] == "verbatim" and r["turn"] == 4 and r["time"] == 19.0


def test_slightly_altered_quote_is_close(turns):
    r = find_quote("I sent the invoice on the 1st and was still chasing it on the thirtieth.", turns)
    assert r["status"] == "close" and FOUND_AT <= r["similarity"] < 1 and r["turn"] == 2


def test_paraphrase_is_not_found(turns):
    r = find_quote("I hate chasing clients, it makes me feel like a beggar.", turns)
    assert r["found"] is False and r["status"] == "not found" and r["similarity"] < FOUND_AT
    assert r["turn"] == 4  # still the closest


def test_interviewer_turns_are_not_searched(turns):
    # the interviewer repeated the words: only the participant's turn counts
    r = find_quote("I sent the invoice on the first, you said?", turns)
    assert r["turn"] == 2 and r["status"] != "verbatim"


def test_ellipsis_and_brackets_split_the_quote(turns):
    r = find_quote("I sent the invoice ... still chasing it on the thirtieth", turns)
    assert r["status"] == "verbatim" and r["turn"] == 2
    r = find_quote("[I] hate chasing people, it makes me feel small", turns)
    assert r["status"] == "verbatim" and r["turn"] == 4


def test_find_quote_with_explicit_speakers_and_empty_input(turns):
    assert find_quote("Tell me about the last time a client paid you late.", turns,
                      speakers=["Interviewer"])["status"] == "verbatim"
    assert find_quote("", turns)["status"] == "not found"
    assert find_quote("anything", turns.iloc[0:0])["turn"] is None


def test_check_quotes_of_a_note(turns):
    note = parse_note_text(textwrap.dedent(NOTE).lstrip(), "INT-900.md")
    rows = check_quotes(note, turns)
    assert [r["segment"] for r in rows] == ["INT-900#q1", "INT-900#q2"]
    assert rows[0]["status"] == "verbatim" and rows[0]["note_time"] == 5.0 and rows[0]["time"] == 5.0
    assert rows[1]["status"] == "not found"
    rows = check_quotes(note, None)
    assert {r["status"] for r in rows} == {"no transcript"}


def test_pilot_quotes_are_verbatim(study):
    table = quote_table(study, mask_unconsented=False)
    assert len(table) == 55
    with_transcript = table[table["status"] != "no transcript"]
    assert len(with_transcript) == 30  # 3 quotes in each of the 10 transcribed interviews
    assert (with_transcript["status"] == "verbatim").all()
    assert (with_transcript["similarity"] == 1.0).all()
    # INT-001: checked by hand against INT-001.vtt
    rows = table.set_index("segment_id")
    assert rows.loc["INT-001#q1", "turn"] == 2 and rows.loc["INT-001#q1", "time"] == pytest.approx(20.467)
    assert rows.loc["INT-001#q2", "turn"] == 6 and rows.loc["INT-001#q2", "time"] == pytest.approx(85.929)
    assert rows.loc["INT-001#q3", "turn"] == 12 and rows.loc["INT-001#q3", "note_time"] == 174.0
    assert rows.loc["INT-003#q1", "time"] == 83.0  # Otter: starts only


def test_altered_pilot_quotes_are_caught(study):
    turns = study.turns[study.turns["interview_id"] == "INT-001"]
    close = find_quote("The money arrived last Wednesday, the thirtieth. So it was, what, thirty-four days late?", turns)
    assert close["status"] == "close" and close["turn"] == 2
    gone = find_quote("Reminders are fine, I just never got round to setting them up.", turns)
    assert gone["status"] == "not found"


def test_quote_table_masks_quotes_without_consent(study):
    table = quote_table(study)
    consent = dict(zip(study.quotes["segment_id"], study.quotes["consent_quote"]))
    for row in table.itertuples():
        if consent[row.segment_id]:
            assert row.text != "(not shared: no consent to quote)"
        else:
            assert row.text == row.match == "(not shared: no consent to quote)"
    assert not all(consent.values())  # the pilot has participants who did not consent


def test_review_note_finds_the_transcript_beside_the_notes():
    r = review_note(PILOT / "interviews" / "INT-003.md")
    assert r["note"] == "INT-003"
    assert [q["status"] for q in r["quotes"]] == ["verbatim"] * 3
    assert [q["turn"] for q in r["quotes"]] == [8, 10, 14]
    assert not any(i["interpretation"] for i in r["insights"])
    r = review_note(PILOT / "interviews" / "INT-002.md")  # no transcript
    assert {q["status"] for q in r["quotes"]} == {"no transcript"}
    turns = read_transcript(PILOT / "transcripts" / "INT-003.txt")
    assert review_note(PILOT / "interviews" / "INT-003.md", turns)["quotes"][0]["time"] == 83.0
