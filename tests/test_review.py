"""Tests for kit.review: sentences and questions, who the interviewer is, the review of the
pilot's transcripts (expectations checked by hand against the files), interruptions on
synthetic transcripts with overlapping times, the scorecard, the cohort, the command line's
function, and the real AI-interviewer corpus."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from kit.errors import StudyError
from kit.guide import lint_question
from kit.paths import pilot_path
from kit.review import (
    WEIGHTS,
    cohort,
    format_review,
    infer_interviewers,
    is_housekeeping,
    is_question,
    questions_table,
    review_command,
    review_many,
    review_study,
    review_transcript,
    scorecard,
    scorecard_table,
    split_sentences,
)
from kit.transcripts import parse_transcript

PILOT = pilot_path() / "transcripts"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "anthropic-interviewer"


def turns(text: str) -> pd.DataFrame:
    return parse_transcript(textwrap.dedent(text).strip())


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- sentences
def test_split_sentences_on_end_marks_not_abbreviations_or_decimals():
    text = 'I use it e.g. for drafts. Dr. Smith said "Is it ok?" And then? 2.5 hours. He left... we stayed.'
    assert split_sentences(text) == [
        "I use it e.g. for drafts.", 'Dr. Smith said "Is it ok?"', "And then?", "2.5 hours.",
        "He left... we stayed."]


def test_split_sentences_empty_and_whitespace():
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []
    assert split_sentences("one line  \n  two words") == ["one line two words"]


@pytest.mark.parametrize("sentence", [
    "How did you find out?",
    "And the second rejection?",
    "Tell me about the last time a client paid you late.",
    "Walk me through everything you did after that invoice went out.",
    "To start, tell me about the last time you booked a room.",
    "Could you describe what happened next.",
    "Say more about that.",
    "I'd love to hear about the last project you shipped.",
    "I'm curious how you chose the supplier.",
    "So, walk me through it.",
])
def test_is_question(sentence):
    assert is_question(sentence)


@pytest.mark.parametrize("sentence", [
    "Thanks for making time, Dana.",
    "This is going to be short, five minutes or so.",
    "That's really helpful.",
    "Before we begin, just confirming you're happy for this to be recorded.",
    "I told them to walk me through it.",
    "",
])
def test_is_not_question(sentence):
    assert not is_question(sentence)


def test_housekeeping_questions():
    assert is_housekeeping("Before we start, are you still okay with me recording this?")
    assert is_housekeeping("Does that sound good to you?")
    assert is_housekeeping("Can I ask one quick thing?")
    assert is_housekeeping("Can you hear me okay?")
    assert not is_housekeeping("Tell me about the last time a client paid you late.")
    assert not is_housekeeping("What happened next?")


# --------------------------------------------------------------------------- interviewer
def test_infer_interviewers_takes_every_label_that_only_asks():
    t = turns("""
        Assistant: Hi, thanks for joining. Does that sound good?
        User: Sure, let's go.
        AI: Tell me about the last time you planned a trip.
        User: Last spring I booked a week in Porto for my parents and it took three evenings.
        AI: What happened next?
        User: The flights changed twice, so I rebooked the hotel both times.
        AI: How did you rebook it?
        User: By phone. The app kept timing out.
    """)
    assert infer_interviewers(t) == ["Assistant", "AI"]


def test_infer_interviewers_adds_a_note_taker_with_one_question():
    t = turns("""
        Maya: Tell me about the last time a client paid you late.
        Dana: In July. The bakery paid thirty-four days after the due date, and I chased twice.
        Maya: What happened next?
        Dana: They paid after the second email, and apologised.
        Tom: Can I ask who you emailed?
        Dana: The owner, directly.
        Tom: And who replied?
        Dana: Her bookkeeper, a week later.
    """)
    assert infer_interviewers(t) == ["Maya", "Tom"]


def test_infer_interviewers_keeps_the_participant_when_everyone_asks():
    t = turns("""
        Ana: How do you do it?
        Ben: Do you mean the invoices?
    """)
    assert infer_interviewers(t) == ["Ana"]


def test_given_interviewer_exact_or_ignoring_case():
    path = PILOT / "INT-001.vtt"
    # the pilot's aliases read "Maya C." as Maya Chen (as the study does); either label names her
    r = review_transcript(path, "Maya C.")
    assert r["interviewer"] == ["Maya Chen"] and r["inferred"] is False and r["message"] == ""
    assert review_transcript(path, ["maya chen"])["interviewer"] == ["Maya Chen"]


def test_given_interviewer_who_never_speaks_is_a_located_problem():
    with pytest.raises(StudyError) as exc:
        review_transcript(PILOT / "INT-001.vtt", "Nobody")
    problem = exc.value.problems[0]
    assert problem.path.endswith("INT-001.vtt")
    assert "Nobody" in problem.message and "Maya Chen" in problem.message and "Dana Okafor" in problem.message


def test_inferred_interviewer_says_so(tmp_path):
    import shutil

    assert review_transcript(PILOT / "INT-001.vtt")["inferred"] is False  # the study's team names her
    r = review_transcript(shutil.copy(PILOT / "INT-001.vtt", tmp_path / "INT-001.vtt"))  # outside a study
    assert r["inferred"] is True
    assert r["interviewer"] == ["Maya C."]  # without the study's aliases
    assert "inferred" in r["message"] and "Maya C." in r["message"]


# --------------------------------------------------------------------------- the pilot
# Word counts per turn were counted by hand from the files (whitespace-separated words).
def test_pilot_int001_vtt():
    r = review_transcript(PILOT / "INT-001.vtt")
    assert r["transcript"] == "INT-001" and r["format"] == "vtt" and r["n_turns"] == 16
    assert r["words"] == {"interviewer": 87, "participant": 293}  # 29+11+6+3+7+10+15+6 / the rest
    assert r["talk_ratio"] == pytest.approx(87 / 380, abs=1e-4)
    assert r["listening"] == {"target": 0.2, "met": False}
    assert [q["turn"] for q in r["questions"]] == [1, 3, 5, 7, 9, 11, 13]
    assert r["questions"][0]["text"] == "Tell me about the last time a client paid you later than you expected."
    assert r["questions"][0]["start"] == pytest.approx(2.906)
    assert r["questions"][0]["kind"] == "story" and r["questions"][0]["flags"] == []
    assert r["questions"][6]["text"].startswith("Looking ahead to your next big invoice")
    assert r["n_questions"] == 7 and r["n_flagged"] == 0
    probes = [p["text"] for p in r["probes"]["questions"]]
    assert "Say more about the soft email." in probes and "What happened next?" in probes
    assert r["first_story"]["turn"] == 2 and r["first_story"]["start"] == pytest.approx(20.467)
    assert r["first_story"]["via"] == "answer to a story question"
    assert r["interruptions"] == {"measured": True, "count": 0, "by_interviewer": 0, "turns": [],
                                  "pairs": 15, "of_pairs": 15}
    assert r["monologues"]["count"] == 0 and r["stacked"]["count"] == 0
    assert r["duration"] == pytest.approx(225.909)


def test_pilot_int004_teams_vtt_two_interviewers():
    r = review_transcript(PILOT / "INT-004.vtt")
    assert r["interviewer"] == ["Priya Natarajan", "Maya Chen"]  # Maya asks one question at the end
    assert r["words"] == {"interviewer": 118, "participant": 344}
    assert r["talk_ratio"] == pytest.approx(118 / 462, abs=1e-4)
    # "To start, tell me about ..." opens turn 1; turn 5 is a request and a question.
    assert [q["turn"] for q in r["questions"]] == [1, 3, 5, 5, 7, 9, 11, 13, 15, 18, 18]
    hk = [q["text"] for q in r["questions"] if q["housekeeping"]]
    assert hk == ["Can I ask one quick thing?"]
    assert r["n_questions"] == 10
    second = next(q for q in r["questions"] if q["text"] == "And the second rejection?")
    assert second["flags"] == ["closed"] and second["suggestion"]
    assert r["first_story"] == {"turn": 2, "start": pytest.approx(15.689), "via": "answer to a story question",
                                "cue": "To start, tell me about the last time a client paid you later than you expected."}
    assert r["stacked"]["count"] == 0  # a request plus one question, a housekeeping question plus one


def test_pilot_int003_otter_has_starts_but_no_ends():
    r = review_transcript(PILOT / "INT-003.txt")
    assert r["format"] == "otter" and r["has_times"] is True
    assert r["words"] == {"interviewer": 88, "participant": 310}
    first = r["questions"][0]
    assert first["housekeeping"] is True and first["turn"] == 1  # the recording question
    # Gary's "Yeah, go for it." (turn 2) answers the recording question, not a story one.
    assert r["first_story"]["turn"] == 4 and r["first_story"]["start"] == 27.0
    assert r["interruptions"]["measured"] is False and r["interruptions"]["count"] is None


def test_pilot_int009_plain_text_has_no_times():
    r = review_transcript(PILOT / "INT-009.txt")
    assert r["format"] == "plain" and r["has_times"] is False and r["duration"] is None
    assert r["interviewer"] == ["Interviewer"]
    assert r["words"] == {"interviewer": 67, "participant": 313}
    assert r["listening"]["met"] is True
    assert r["first_story"]["turn"] == 2 and r["first_story"]["start"] is None
    assert all(q["start"] is None for q in r["questions"])
    card = scorecard(r)
    story = next(i for i in card["items"] if i["item"] == "story first")
    assert story["value"] == "turn 2" and story["points"] == 15
    inter = next(i for i in card["items"] if i["item"] == "no interruptions")
    assert inter["points"] is None and inter["value"].startswith("not measured")


def test_question_kinds_and_flags_come_from_the_linter():
    r = review_transcript(PILOT / "INT-004.vtt")
    for q in r["questions"]:
        lint = lint_question(q["text"])
        assert (q["kind"], q["flags"], q["suggestion"]) == (lint["kind"], lint["flags"], lint["suggestion"])


def test_every_pilot_transcript_reviews():
    for path in sorted(PILOT.iterdir()):
        r = review_transcript(path)
        assert 0 < r["talk_ratio"] < 1
        assert r["n_questions"] >= 5
        assert r["first_story"] is not None and r["first_story"]["turn"] <= 4
        assert len(r["interviewer"]) >= 1 and r["participants"]


def test_review_study_uses_the_studys_roles():
    reviews = review_study(pilot_path())
    assert [r["transcript"] for r in reviews] == ["INT-001", "INT-003", "INT-004", "INT-006", "INT-008",
                                                  "INT-009", "INT-011", "INT-012", "INT-015", "INT-017"]
    assert not any(r["inferred"] for r in reviews)
    by_id = {r["transcript"]: r for r in reviews}
    assert by_id["INT-001"]["interviewer"] == ["Maya Chen"]  # the alias of "Maya C."
    assert by_id["INT-017"]["interviewer"] == ["Tom Becker"]
    assert by_id["INT-001"]["talk_ratio"] == pytest.approx(87 / 380, abs=1e-4)
    assert by_id["INT-001"]["format"] == "vtt"


def test_review_many_empty_means_the_pilot_and_bad_files_are_problems(tmp_path):
    reviews, problems = review_many("")
    assert len(reviews) == 10 and problems == []
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    reviews, problems = review_many([str(PILOT / "INT-001.vtt"), str(bad)])
    assert len(reviews) == 1 and len(problems) == 1 and problems[0].path == str(bad)


# --------------------------------------------------------------------------- synthetic
OVERLAP_VTT = """
WEBVTT

00:00:00.000 --> 00:00:05.000
Interviewer: Tell me about the last time you booked a trip.

00:00:05.500 --> 00:00:20.000
Sam: Last month I booked a train to Lyon for a wedding, and it took ages because

00:00:18.000 --> 00:00:22.000
Interviewer: Was it the website that was slow?

00:00:21.000 --> 00:00:30.000
Sam: No, the seat picker kept resetting every time I changed the date.

00:00:31.000 --> 00:00:33.000
Interviewer: What happened next?

00:00:33.500 --> 00:00:40.000
Sam: I gave up and called the station.
"""


def test_interruptions_from_overlapping_times(tmp_path):
    r = review_transcript(write(tmp_path / "trip.vtt", OVERLAP_VTT))
    inter = r["interruptions"]
    assert inter["measured"] is True and inter["count"] == 2 and inter["by_interviewer"] == 1
    first, second = inter["turns"]
    assert first == {"turn": 3, "start": 18.0, "previous_end": 20.0, "overlap": 2.0, "role": "interviewer",
                     "speaker": "Interviewer"}
    assert second["turn"] == 4 and second["role"] == "participant" and second["overlap"] == 1.0
    assert r["first_story"]["turn"] == 2 and r["first_story"]["start"] == 5.5
    slow = next(q for q in r["questions"] if q["turn"] == 3)
    assert "closed" in slow["flags"]
    card = scorecard(r)
    item = next(i for i in card["items"] if i["item"] == "no interruptions")
    assert item["met"] is False and item["points"] == 5.0 and item["value"] == "1 by the interviewer"


def test_touching_turns_are_not_interruptions(tmp_path):
    text = OVERLAP_VTT.replace("00:00:18.000 --> 00:00:22.000", "00:00:20.000 --> 00:00:22.000") \
                      .replace("00:00:21.000 --> 00:00:30.000", "00:00:22.000 --> 00:00:30.000")
    r = review_transcript(write(tmp_path / "trip.vtt", text))
    assert r["interruptions"]["count"] == 0


def test_monologue_stacked_questions_and_episode_markers():
    pitch = " ".join(["Our new dashboard shows every invoice, every reminder and every payment in one place,"] * 5)
    t = turns(f"""
        Interviewer: Thanks for joining. {pitch} Do you like it? Would you use it?
        Jo: Yesterday I sent four invoices from my phone while waiting for a bus.
        Interviewer: What happened next?
        Jo: Two paid the same day.
    """)
    r = review_transcript(t)
    assert r["monologues"]["count"] == 1 and r["monologues"]["turns"][0]["turn"] == 1
    assert r["monologues"]["turns"][0]["words"] > 60
    assert r["stacked"] == {"count": 1, "turns": [{"turn": 1, "start": None, "questions": 2}]}
    # not an answer to a story question, but it tells an episode
    assert r["first_story"] == {"turn": 2, "start": None, "via": "episode marker", "cue": "Yesterday"}
    assert r["n_flagged"] == 2
    r60 = review_transcript(t, monologue_words=1000)
    assert r60["monologues"]["count"] == 0


def test_no_story_found():
    t = turns("""
        Interviewer: Do you like invoicing?
        Jo: Not really.
        Interviewer: Is it hard?
        Jo: Sometimes.
    """)
    r = review_transcript(t)
    assert r["first_story"] is None
    card = scorecard(r)
    story = next(i for i in card["items"] if i["item"] == "story first")
    assert story["points"] == 0 and story["value"] == "no story found" and story["advice"]


def test_a_short_answer_to_a_story_question_is_not_yet_the_story():
    t = turns("""
        Interviewer: Tell me about the last time you booked a room.
        Jo: Hmm, let me think.
        Interviewer: Take your time.
        Jo: Okay, so on Friday I needed the big room for a client demo and it was double-booked by finance.
    """)
    r = review_transcript(t)
    assert r["first_story"]["turn"] == 4


# --------------------------------------------------------------------------- scorecard
def test_weights_add_up_to_100():
    assert sum(WEIGHTS.values()) == 100


def test_perfect_interview_scores_100():
    t = turns("""
        Interviewer: Tell me about the last time a client paid you late.
        Jo: Last month a bakery paid thirty days after the due date, and I had to move money around to pay
            my rent, which meant a week of juggling the credit card and my savings.
        Interviewer: What happened next?
        Jo: I sent a friendly email, waited four days, then called the owner, who was lovely about it and paid
            the same afternoon by bank transfer while we were still on the phone.
        Interviewer: Say more about the call.
        Jo: She was embarrassed; the invoice had gone to an old address that their bookkeeper never checks,
            so now I confirm the address and the person who pays before I send anything at all.
    """)
    r = review_transcript(t)
    card = scorecard(r)
    assert card["score"] == 100, scorecard_table(card)
    assert all(i["met"] is not False for i in card["items"]) and all(i["advice"] == "" for i in card["items"])


def test_scorecard_points_by_hand():
    r = review_transcript(PILOT / "INT-015.vtt")
    card = scorecard(r)
    items = {i["item"]: i for i in card["items"]}
    ratio = r["talk_ratio"]
    assert items["listening"]["points"] == round(30 * (0.5 - ratio) / 0.3, 1)
    assert items["story first"]["points"] == 15  # at 0:29
    expected_probes = min(r["probes"]["count"], 2) * 5
    assert items["probes"]["points"] == expected_probes
    won = sum(i["points"] for i in card["items"])
    assert card["score"] == round(won)


def test_scorecard_table_and_questions_table():
    r = review_transcript(PILOT / "INT-001.vtt")
    table = scorecard_table(scorecard(r))
    assert list(table["item"]) == list(WEIGHTS)
    q = questions_table(r)
    assert list(q.columns) == ["turn", "time", "kind", "flags", "question", "suggestion", "housekeeping"]
    assert q["time"].iloc[0] == "0:03" and len(q) == 7


def test_cohort_one_row_per_review():
    from kit.review import per_interviewer

    reviews = [review_transcript(p) for p in sorted(PILOT.iterdir())]
    table = cohort(reviews)
    assert len(reviews) == 10  # a row per interviewer: one transcript has two (tests/test_newcomer_fintech_review.py)
    assert len(table) == sum(len(per_interviewer(r)) for r in reviews) == 11
    assert list(table["transcript"])[:3] == ["INT-001", "INT-003", "INT-004"]
    row = table.set_index("transcript").loc["INT-009"]
    assert pd.isna(row["interruptions"]) and pd.isna(row["first_story_start"]) and row["first_story_turn"] == 2
    row = table.set_index("transcript").loc["INT-001"]
    assert row["interruptions"] == 0 and row["first_story_start"] == pytest.approx(20.467)
    assert row["score"] == scorecard(reviews[0])["score"]
    assert table["score"].between(0, 100).all()


def test_cohort_of_nothing_is_an_empty_table():
    table = cohort([])
    assert len(table) == 0 and "score" in table.columns


# --------------------------------------------------------------------------- command line
def test_review_command_text():
    text, code = review_command([str(PILOT / "INT-001.vtt")])
    assert code == 0
    assert text.splitlines()[0].endswith("INT-001.vtt: score " + str(scorecard(review_transcript(PILOT / "INT-001.vtt"))["score"]) + "/100")
    assert "interviewer: Maya Chen\n" in text  # the pilot study's team names her: not inferred
    assert "cohort:" not in text


def test_review_command_json_one_object_for_one_transcript():
    text, code = review_command([str(PILOT / "INT-001.vtt")], ["Maya C."], as_json=True)
    data = json.loads(text)
    assert code == 0 and isinstance(data, dict)
    assert data["interviewer"] == ["Maya Chen"] and data["inferred"] is False
    assert 0 <= data["score"] <= 100 and len(data["scorecard"]) == len(WEIGHTS)


def test_review_command_json_array_for_several_and_a_folder():
    text, code = review_command([str(PILOT)], None, as_json=True)
    data = json.loads(text)
    assert code == 0 and isinstance(data, list) and len(data) == 10
    text, code = review_command([str(pilot_path())])  # a study folder: its transcripts/
    assert code == 0 and text.count(": score ") == 10 and "cohort:" in text


def test_review_command_unreadable_file_exit_2(tmp_path):
    bad = write(tmp_path / "bad.txt", "just some words with no speakers\n")
    text, code = review_command([str(bad)])
    assert code == 2 and str(bad) in text and "no speaker turns" in text
    text, code = review_command([str(PILOT / "INT-001.vtt"), str(bad)], as_json=True)
    data = json.loads(text)
    assert code == 2 and len(data) == 2 and data[1]["path"] == str(bad) and data[1]["problems"]
    text, code = review_command([str(tmp_path / "missing.vtt")])
    assert code == 2 and "not found" in text


def test_review_command_unknown_interviewer_exit_2():
    text, code = review_command([str(PILOT / "INT-001.vtt")], ["Nobody"])
    assert code == 2 and "none of the interviewer labels" in text


def test_format_review_lists_questions_and_suggestions(tmp_path):
    r = review_transcript(write(tmp_path / "trip.vtt", OVERLAP_VTT))
    text = format_review(r)
    assert "Was it the website that was slow?" in text and "-> try:" in text
    assert "interruption: t3 (interviewer)" in text


# --------------------------------------------------------------------------- corpus
def _corpus():
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (only present in the development workspace)")
    files = sorted(CORPUS.glob("*.csv"))
    if not files:
        pytest.skip(f"no CSV files in {CORPUS}")
    for path in files:
        frame = pd.read_csv(path)
        for tid, text in zip(frame["transcript_id"], frame["text"]):
            yield f"{path.stem}#{tid}", text


@pytest.fixture(scope="module")
def corpus_reviews():
    return [(name, review_transcript(parse_transcript(text, source=name))) for name, text in _corpus()]


@pytest.mark.slow  # over 2 s (tests/README.md)
@pytest.mark.corpus
def test_corpus_interviewer_is_inferred_as_assistant_and_ai(corpus_reviews):
    n = right = 0
    for name, r in corpus_reviews:
        n += 1
        right += set(r["interviewer"]) == {"Assistant", "AI"}
        assert r["inferred"] is True
        assert 0 < r["talk_ratio"] < 1, name
        assert r["n_questions"] > 0, name
        assert r["interruptions"]["measured"] is False  # plain text: no times
    rate = right / n
    print(f"corpus: interviewer inferred as {{Assistant, AI}} in {right} of {n} transcripts ({rate:.1%})")
    assert n >= 200 and rate >= 0.95


@pytest.mark.slow  # its fixture reviews the 250 real interviews: over 2 s (tests/README.md)
@pytest.mark.corpus
def test_corpus_cohort(corpus_reviews):
    table = cohort([r for _, r in corpus_reviews])
    assert len(table) == len(corpus_reviews)
    assert table["score"].between(0, 100).all()
    assert table["talk_ratio"].between(0, 1, inclusive="neither").all()
    assert table["first_story_turn"].notna().mean() > 0.9


# --------------------------------------------------------------------------- story openers (issue 16)
@pytest.mark.parametrize("opener", [
    "Tell me about your first day in the new job.",
    "Walk me through your first week on the ward.",
    "Tell me about your last shift.",
    "Describe a time when a client paid you late.",
    "What happened the last time you sent an invoice?",
    "What happened when you last renewed your insurance?",
    "Can you walk me through the first time you used the app?",
    "Talk me through your most recent delivery.",
    "I'd love to hear about the last time you changed supplier.",
])
def test_story_openers_in_all_usual_forms_start_the_first_story(opener):
    t = turns(f"""
        Interviewer: {opener}
        Jo: Well, I got there at eight and nobody knew I was coming, so I sat in reception for an hour.
        Interviewer: What happened next?
        Jo: Then my manager turned up and we went through the induction pack together.
    """)
    r = review_transcript(t)
    assert r["questions"][0]["kind"] == "story", r["questions"][0]
    assert r["first_story"]["turn"] == 2
    assert r["first_story"]["via"] == "answer to a story question"


@pytest.mark.parametrize("question", [
    "Tell me about your role.",
    "Tell me about your experience with the app.",
    "What do you usually do when a client pays late?",
])
def test_open_and_habit_questions_are_not_story_openers(question):
    t = turns(f"""
        Interviewer: {question}
        Jo: I look after the invoicing and most of the admin for a small building firm, mostly on my own.
    """)
    r = review_transcript(t)
    assert r["questions"][0]["kind"] != "story"
    assert r["first_story"] is None


# -- privacy: review is a working output (newcomer report #2) -------------------------------------
NEWCOMER = Path(__file__).resolve().parent / "data" / "newcomer" / "library-holds"
_SECRETS = ("jo bell", "jo_bell", "jo.bell", "amy chen", "ravi", "example dot com", "555", "bell,")


def _assert_no_secret(text: str) -> None:
    low = text.lower()
    for secret in _SECRETS:
        assert secret not in low, secret


@pytest.mark.parametrize("as_json", [False, True])
def test_review_shows_participants_by_id_and_no_name_in_file_names(as_json):
    """The tester's study: jo_bell.txt (participant L-01, who says her email and phone) and
    LIB-3.vtt (speaker 'Amy Chen', not in any note)."""
    files = [str(NEWCOMER / "transcripts" / "jo_bell.txt"), str(NEWCOMER / "transcripts" / "LIB-3.vtt")]
    text, code = review_command(files, ["Kim Olsen"], as_json=as_json)
    assert code == 0
    _assert_no_secret(text)
    if as_json:
        results = json.loads(text)
        jo = next(r for r in results if r["path"].endswith(".txt"))
        assert jo["participants"] == ["L-01"] and jo["transcript"] == "LIB-1"
        assert jo["path"].endswith("transcripts/[name].txt")
        amy = next(r for r in results if r["path"].endswith(".vtt"))
        assert amy["participants"] == ["[name]"]
    else:
        assert "transcripts/[name].txt: score" in text
        assert "LIB-1" in text.split("cohort:")[1]  # the cohort row names the interview, not the file


def test_review_include_names_keeps_names_but_never_contact_details():
    text, code = review_command([str(NEWCOMER / "transcripts" / "jo_bell.txt")], ["Kim Olsen"], as_json=True,
                                include_names=True)
    result = json.loads(text)
    assert result["participants"] == ["Jo Bell"] and result["path"].endswith("jo_bell.txt")
    assert "555" not in text and "example dot com" not in text


def test_review_of_a_transcript_outside_any_study_hides_its_speakers_names(tmp_path):
    path = tmp_path / "dana_okafor.txt"
    path.write_text("Maya C.: Tell me about the last time you sent an invoice, Dana.\n"
                    "Dana Okafor: Last week. I sent it late because the client moved.\n"
                    "Maya C.: What happened next?\n"
                    "Dana Okafor: They paid on time for once.\n", encoding="utf-8")
    for as_json in (False, True):
        text, code = review_command([str(path)], ["Maya C."], as_json=as_json)
        assert code == 0
        assert "dana" not in text.lower() and "okafor" not in text.lower()
        assert "[name]" in text


def test_role_words_for_one_interviewer_are_not_two_interviewers():
    """The real interviews label their one AI interviewer both ``AI`` and ``Assistant``: role
    words, not people, so the transcript keeps one row (two named interviewers get one each:
    tests/test_newcomer_fintech_review.py)."""
    from kit.review import per_interviewer

    t = turns("""
        AI: Tell me about the last time you planned a research project.
        User: Last spring I planned a survey of river sediments with two colleagues.
        Assistant: What happened when the samples came back?
        User: Half of them were contaminated, so we went back out in June.
    """)
    review = review_transcript(t)
    assert set(review["interviewer"]) == {"AI", "Assistant"}
    assert per_interviewer(review) == [review] and len(cohort([review])) == 1
