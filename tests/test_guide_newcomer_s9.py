"""The ninth newcomer's linter findings (faults C 8-11 of session 9), each fixed by kind: the
newcomer's own questions (tests/data/newcomer-edu/guides, copied from their study) come first
in each table, then new ones of the same kind in other domains, then hard negatives."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kit.guide import grammar_problems, lint_guide, lint_question
from kit.guide.cues15 import logistics, notes
from kit.guide.retell15 import faults, still_double

GUIDES = Path(__file__).parent / "data" / "newcomer-edu" / "guides"
ROOT = Path(__file__).resolve().parents[1]


def _rewrite(question: str) -> str:
    return lint_question(question)["suggestion"]


# ------------------------------------------------------------------ item 8: rewrites, by kind


@pytest.mark.parametrize("question,bad,good", [
    # a clause's tail cut mid-phrase ("the year you're"): the embedded question asked on its own, open (session 18:
    # "What year are you in?" was a one-fact closed question, a fault of its own)
    ("Tell me a bit about your course and what year you're in.", "year you're.", "Tell me about the year you're in."),
    ("Tell me a bit about your job and what shift you're on.", "shift you're.", "Tell me about the shift you're on."),
    # "find" (judge) read as "locate"; "easy to find" told as looking for it
    ("How did you find the marking rubric and the feedback comments?", "found the feedback", "used the feedback comments"),
    ("Was the extension form easy to find?", "went it", "looked for the extension form"),
    ("Is the booking page hard to find?", "went it", "looked for the booking page"),
    ("Don't you think the progress bar is really helpful?", "went it", "used the progress bar"),
    # a choice's options lost
    ("Would you prefer a deadline at 5pm or at midnight?", "a deadline and at midnight",
     "a deadline at 5pm and one at midnight"),
    ("Would you prefer a delivery slot in the morning or in the evening?", "slot and in the evening",
     "a delivery slot in the morning and one in the evening"),
    # a noun made a verb
    ("Would a bulk-download button help you?", "buttoned", "needed something like a bulk-download button"),
    ("Would a price-alert button help you?", "buttoned", "needed something like a price-alert button"),
    # a pitch's clause left in
    ("Our new marking view saves you hours - what do you think of it?", "view saves", "used the marking view"),
    ("Our new booking app saves you minutes every visit - what do you think of it?", "app saves",
     "used the booking app"),
    # the object dropped (the question word was the object)
    ("Who did you contact, and how quickly did they reply?", "you contacted.", "contacted someone"),
    ("Who did you call, and how long did they take to answer?", "you called.", "called someone"),
    # a language list dropped
    ("Do you ever write assignments in Mandarin or Arabic first and then translate them?", "experience with",
     "wrote assignments in Mandarin or Arabic first and then translated them"),
    ("Do you ever fill in the form in Polish or Urdu first and then copy it across?", "dealt with",
     "filled in the form in Polish or Urdu first"),
    # the generic fallback when the question names the act (two "last"s avoided)
    ("Do you always submit on the last day?", "this came up for you", "submitted on the last day"),
    ("Do you usually pay on the last day of the month?", "experience with the pay", "paid on the last day of the month"),
    # a name given "the", a feeling of trust told as the thing used
    ("Do you trust Turnitin?", "the Turnitin", "used Turnitin"),
    ("Do you trust Monzo?", "the Monzo", "used Monzo"),
    # an imagined thing told as met
    ("If we added a mobile app, how likely would you be to use it?", "used a mobile app",
     "needed something like a mobile app"),
    ("If we launched a loyalty card, how often would you use it?", "used a loyalty card",
     "needed something like a loyalty card"),
    # the second ask's verb lost to "dealt with"
    ("Did you understand the feedback and did you use it in your next essay?", "dealt with your next essay",
     "used the feedback in your next essay"),
    # a duration dropped ("the last time it took to hear back")
    ("How long did it take to hear back, and what did the email say?", "took to hear", "heard back"),
])
def test_rewrite_kinds(question, bad, good):
    got = _rewrite(question)
    assert bad not in got and good in got, got
    story = got.partition(" Then ask separately: ")[0]
    assert not grammar_problems(story) and not faults(question, story)


@pytest.mark.parametrize("question,cand", [
    ("Tell me a bit about your course and what year you're in.",
     "Tell me about a recent experience with the year you're. What happened?"),
    ("Would you prefer a deadline at 5pm or at midnight?",
     "Tell me about the last time you had to choose between a deadline and at midnight. What did you pick?"),
    ("Would a bulk-download button help you?", "Tell me about the last time a bulk-download buttoned help you."),
    ("Our new marking view saves you hours - what do you think of it?",
     "Tell me about the last time you used the marking view saves. What happened?"),
    ("Who did you contact, and how quickly did they reply?", "Tell me about the last time you contacted. What happened?"),
    ("Do you trust Turnitin?", "Tell me about a recent time when the Turnitin came up. What happened?"),
    ("If we added a mobile app, how likely would you be to use it?",
     "Tell me about the last time you used a mobile app. What happened?"),
    ("Was the extension form easy to find?", "What was the extension form like the last time you went it?"),
    ("Isn't a 40% similarity score scary?", "Tell me about the last time you dealt with a 40 similarity score."),
    ("Don't you think the progress bar is really helpful?", "Tell me about the last time you went to the progress bar."),
    ("Picture this: your bank texts you before every outage. How would your day change?",
     "Tell me about the last time you used every outage. What happened?"),
])
def test_the_newcomers_bad_rewrites_are_faults(question, cand):
    assert faults(question, cand)


@pytest.mark.parametrize("question,cand", [
    ("How often do you check your feedback after marks are released?",
     "Tell me about the last time you checked your feedback after marks are released. What happened?"),
    ("How do you normally moderate marks with the module leader?",
     "Tell me about the last time you moderated marks with the module leader. What happened?"),
    ("Who did you contact first when the boiler broke?", "Tell me about the last time you contacted someone."),
    ("Would you use a translated interface?",
     "Tell me about the last time you needed something like a translated interface. What did you do?"),
    ("Do you trust the NHS app?", "Tell me about the last time you used the NHS app. What happened?"),
    ("Our Deliveroo page is really easy to set up - how did you get on with it?",
     "How did you get on with the Deliveroo page?"),  # a name after "our" may take "the"
    ("How often do you normally get them cleaned?", "Tell me about the last time you got them cleaned."),
    ("What did you love about the rooftop bar?", "Tell me about the last time you went to the rooftop bar."),
])
def test_good_rewrites_are_not_faults(question, cand):
    assert faults(question, cand) == []


def test_every_rewrite_of_the_newcomers_guides_is_grammatical():
    for name in ("guide-small.txt", "guide-large.yml"):
        for q in lint_guide(str(GUIDES / name))["questions"]:
            if q["suggestion"]:
                story = q["suggestion"].partition(" Then ask separately: ")[0]
                assert not grammar_problems(story), (q["question"], q["suggestion"])
                assert not faults(q["question"], q["suggestion"]), (q["question"], q["suggestion"])
                assert "this came up for you" not in q["suggestion"]


# ------------------------------------------------------------------ item 9: wrong flags


@pytest.mark.parametrize("question", [
    "If the extension was approved automatically, would you ask for more extensions?",
    "If the refund was processed automatically, would you return more items?",
    "When your claim was rejected, what did you do?",
])
def test_an_event_in_a_condition_is_not_leading(question):
    assert "leading" not in lint_question(question)["flags"]


@pytest.mark.parametrize("question", [
    "The office is hopeless, so how did you cope?",  # a judgement before the question stays leading
    "If the app was beautifully designed, would you pay for it?",
])
def test_a_judging_clause_stays_leading(question):
    assert "leading" in lint_question(question)["flags"]


@pytest.mark.parametrize("question", [
    "Sorry, could you say that in English for the notes?",
    "Can we contact you again?",
    "Is it OK if I record?",
    "Could you spell that for the notes?",
    "Sorry, can you repeat that for the recording?",
    "Would it be ok if we followed up by email?",
    "Do you mind if I take notes?",
    "Shall we take a short break?",
])
def test_logistics_requests_are_not_research_questions(question):
    r = lint_question(question)
    assert logistics(question)
    assert r["flags"] == [] and r["suggestion"] == ""


@pytest.mark.parametrize("question", [
    "How do you keep records of your contacts?",
    "Who did you contact first when the boiler broke?",
    "Did you record the meter reading?",
    "Can you remember the last time you contacted support?",
    "Could you say more about that?",
    "Do you ever write in English for your notes?",
])
def test_questions_about_the_persons_own_records_and_contacts_are_not_logistics(question):
    assert not logistics(question)


def test_review_lists_a_logistics_request_as_housekeeping():
    from kit.review import is_housekeeping

    assert is_housekeeping("Sorry, could you say that in English for the notes?")
    assert not is_housekeeping("Who did you contact, and how quickly did they reply?")


# ------------------------------------------------------------------ item 10: missed


@pytest.mark.parametrize("question", [
    "Our new assessment platform makes submitting coursework faster and easier than ever, and we'd love your thoughts on it.",
    "Our new booking app makes paying for parking quicker than ever, so tell me how it went.",
])
def test_a_pitch_in_one_sentence_with_its_ask_is_leading(question):
    r = lint_question(question)
    assert "leading" in r["flags"]
    assert not re.search(r"faster|quicker|than ever", r["suggestion"])


@pytest.mark.parametrize("question", [
    "We redesigned the checkout last month, and I'd love to hear how your last visit went.",
    "Our team is small, so tell me about the last time you called us.",
])
def test_a_plain_fact_of_ours_before_the_ask_is_not_leading(question):
    assert "leading" not in lint_question(question)["flags"]


def test_the_small_guide_lints_the_spoken_pitch_and_notes_typos_and_a_missing_question_mark():
    result = lint_guide(str(GUIDES / "guide-small.txt"))
    by_line = {q["line"]: q for q in result["questions"]}
    assert "leading" in by_line[3]["flags"]  # "Say: Our new assessment platform makes ..."
    assert by_line[3]["role"] == "probe"  # said in passing: not a second opener
    assert not any("more than one opener" in s["message"] for s in result["structure"])
    assert any("'extention' (extension?)" in n for n in by_line[11]["notes"])
    assert any("'plagarism' (plagiarism?)" in n for n in by_line[12]["notes"])
    assert any("no question mark" in n for n in by_line[14]["notes"])
    assert by_line[14]["flags"] == []  # a note, not a flag
    assert "notes" not in by_line[4]  # "Tell me about the last time you submitted ..." (a request)
    assert {n["line"] for n in result["notes"]} == {1, 2, 16, 17}  # "[Thank them ...]" stays a note


def test_the_large_guide_notes_a_typo_and_a_missing_question_mark():
    result = lint_guide(str(GUIDES / "guide-large.yml"))
    by_text = {q["question"]: q for q in result["questions"]}
    assert any("'feeback' (feedback?)" in n for n in by_text["What would you change about the feeback page?"]["notes"])
    assert any("no question mark" in n for n in by_text["What evidence were you asked for"]["notes"])
    noted = [q for q in result["questions"] if q.get("notes")]
    assert len(noted) == 2, [(q["question"], q["notes"]) for q in noted]


def test_a_plain_script_line_stays_a_note(tmp_path):
    guide = tmp_path / "guide.txt"
    guide.write_text("Say: Thanks for joining, we are recording this call.\n"
                     "Tell me about the last time you booked a table.\n", encoding="utf-8")
    result = lint_guide(str(guide))
    assert [q["line"] for q in result["questions"]] == [2]
    assert result["notes"][0]["line"] == 1


@pytest.mark.parametrize("question,note", [
    ("Walk me through the last time you asked for an extention", "'extention' (extension?)"),
    ("How ofen do you renew your permit?", "'ofen'"),
    ("did the plumber turn up on time", "no question mark"),
])
def test_notes(question, note):
    assert any(note in n for n in notes(question))


@pytest.mark.parametrize("question", [
    "Tell me about the last time you used the parking app.",
    "Walk me through how you onboarded the last new hire.",
    "How did you find the café near the office?",
    "What'd you make of the co-op's new rota?",
    "Tell me about the last time you paid with the contactless reader.",
    "Tell me about the last time you had to change a mark after release",
])
def test_no_notes_on_ordinary_questions(question):
    assert notes(question) == []


@pytest.mark.slow  # a fresh interpreter running `lint-guide`: over 2 s (tests/README.md)
def test_lint_guide_json_carries_the_notes():
    out = subprocess.run([sys.executable, "-m", "kit", "lint-guide", str(GUIDES / "guide-small.txt"), "--json"],
                         capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    rows = json.loads(out.stdout)
    noted = {r["line"]: r["notes"] for r in rows if r.get("notes")}
    assert set(noted) == {11, 12, 14}
    assert out.returncode == 1


# ------------------------------------------------------------------ item 11: question-craft scoring


@pytest.mark.parametrize("original,rewrite", [
    ("How did you find the marking rubric and the feedback comments?",
     "Tell me about the last time you used the rubric and read the feedback comments."),
    ("Did you understand the feedback and did you use it in your next essay?",
     "Tell me about the last time you read feedback and used it in your next essay."),
    ("How do you rate the food and the service?", "Tell me about the last time you ate the food and rated the service."),
])
def test_a_rewrite_still_asking_both_parts_is_not_clean(original, rewrite):
    from kit.widgets.guide import score_rewrite

    s = score_rewrite(original, rewrite)
    assert "double-barreled" in s["flags"] and s["score"] <= 70 and "clean" not in s["verdict"]
    assert still_double(original, rewrite)


@pytest.mark.parametrize("original,rewrite", [
    ("How did you find the marking rubric and the feedback comments?",
     "Tell me about the last time you used the marking rubric. What happened? Then ask separately: "
     "Tell me about the last time you read the feedback comments. What happened?"),
    ("How did you find the marking rubric and the feedback comments?",
     "Tell me about the last time you used the marking rubric. What happened?"),
    ("Tell me about the last time you went to the pool.",  # not double-barreled: circumstances are one story
     "Tell me about the last time you got to the pool and the lanes were full."),
])
def test_one_ask_per_story_scores_clean(original, rewrite):
    from kit.widgets.guide import score_rewrite

    assert score_rewrite(original, rewrite)["flags"] == []
    assert not still_double(original, rewrite)
