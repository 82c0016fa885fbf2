"""Twelfth round of the question linter (issue 16): the faults a newcomer and an outside tester
found by using the kit, fixed by kind (kit.guide.cues12). An address or a short preface before a
request is read as the request; the standard closers that invite anything left unsaid are not
closed and get no rewrite; a confirmation tag after a request is leading; two things under a
yes/no or hypothetical question are double-barreled; asking about other people's reasons is
generalizing (the third round's convention: a group as the subject); lint-guide --json keeps
headings and notes in line order; question-craft counts a misspelt topic word as its
correction. Questions written for these tests, in domains of their own (bike shops, dentists,
allotments, ferries, a food bank, a climbing wall, a tax app), plus hard negatives."""
import textwrap

import pytest

from kit.cli.guide_output import lint_json
from kit.guide import cues12
from kit.guide.lint import lint_question
from kit.guide.structure import lint_file
from kit.review import is_question, review_transcript
from kit.widgets.guide import score_rewrite


def _flags(text):
    return set(lint_question(text)["flags"])


# -- 1. an address or a preface before a request ------------------------------------------
@pytest.mark.parametrize("text", [
    "Priya, tell me about the last time you booked a bike service.",
    "So Dev, walk me through the last time you renewed your allotment plot.",
    "ok Marta - describe the last time you missed a ferry.",
    "hey folks, tell me about the last time you volunteered at the food bank.",
    "Right, Jonah: talk me through the last time you fell off the wall.",
    "Aoife tell me about the last time you filed your tax return.",
    "Thanks Sam. Renée, tell me about the last time you had a filling.",
    "Lastly, tell me about the last time you swapped seeds with a neighbour.",
    "Thinking back, walk me through the last time your chain snapped.",
    "[name], tell me about the last time you topped up your ferry card.",
])
def test_a_story_opener_after_an_address_or_a_preface_is_a_story(text):
    r = lint_question(text)
    assert r["kind"] == "story" and not r["flags"], r


@pytest.mark.parametrize("text, kind", [
    ("Kofi, what happened next?", "probe"),
    ("So Lena, why was that?", "probe"),
])
def test_a_probe_after_a_name_is_a_probe(text, kind):
    assert lint_question(text)["kind"] == kind


@pytest.mark.parametrize("text, flag", [
    ("Priya, how often do you service the bike?", "generalizing"),
    ("Dev, would you pay for a covered plot?", "hypothetical"),
    ("Marta, don't you think the ferry is too slow?", "leading"),
])
def test_the_name_hides_no_fault(text, flag):
    assert flag in _flags(text)


@pytest.mark.parametrize("text", [
    "Overall, how happy are you with the dentist?",  # "overall": an opinion in general
    "Generally, tell me how you plan your climbing week.",  # "generally": a habit
    "Imagine, tell me what your ideal tax app would do.",  # a scenario, not a name
])
def test_a_preface_that_carries_a_cue_is_kept(text):
    assert _flags(text) & {"generalizing", "hypothetical"}, lint_question(text)


def test_drop_address_keeps_questions_without_an_address():
    for text in ("Honestly, the ferry was late. What did you do?", "Tell me about the last time you swam.",
                 "If the ferry is late, what do you do?", "Mark the date: when did you last visit?"):
        assert cues12.drop_address(text).split("?")[0].endswith(text.split("?")[0][-8:])
    assert cues12.drop_address("If the ferry is late, what do you do?") == "If the ferry is late, what do you do?"


def test_review_reads_a_request_after_a_name_as_a_question_and_finds_the_story(tmp_path):
    assert is_question("Priya, tell me about the last time you booked a bike service.")
    path = tmp_path / "call.txt"
    path.write_text(textwrap.dedent("""\
        Ana Reyes: Priya, tell me about the last time you booked a bike service.
        Priya Shah: Last Saturday the gears were slipping so I booked it online and dropped it off before work.
        Ana Reyes: Priya, what happened when you picked it up?
        Priya Shah: They had changed the chain too, which I never asked for, and it cost forty pounds more.
        """), encoding="utf-8")
    r = review_transcript(path, "Ana Reyes")
    assert r["first_story"] is not None and r["first_story"]["turn"] == 2, r["first_story"]
    assert r["first_story"]["via"] == "answer to a story question"
    assert r["questions"][0]["kind"] == "story"


# -- 2. closers that invite anything left unsaid ------------------------------------------
@pytest.mark.parametrize("text", [
    "Anything else?",
    "Is there anything else you'd like to tell us?",
    "Is there anything else you want to share before we wrap up?",
    "Anything we didn't ask about that we should have?",
    "Is there anything I should have asked but didn't?",
    "Did we miss anything important?",
    "What else would you like to add?",
    "Would you like to add anything else?",
    "Finally, is there anything else on your mind?",
    "Great, thanks. Anything else you want to mention?",
    "Do you have any questions for us?",
    "Is there anything you think we should know?",
])
def test_standard_closers_are_not_flagged_and_get_no_rewrite(text):
    r = lint_question(text)
    assert r["flags"] == [] and r["suggestion"] == "" and r["kind"] != "story", r


@pytest.mark.parametrize("text, flag", [
    ("Is there anything else you'd change about the dentist's booking page?", "closed"),
    ("Did you buy anything else at the bike shop?", "closed"),
    ("Was there anything else that annoyed you at the climbing wall?", "closed"),
    ("Is there anything else you'd like to tell me about the new tax app?", "closed"),  # a topic: closed
    ("Did we miss anything when we packed your food parcel?", "closed"),
    ("Is there anything else you'd like to tell us about how brilliant the new ferry is?", "leading"),
    ("Is there anything else you'd like to tell us about the fares and the timetable?", "double-barreled"),
])
def test_questions_that_only_look_like_closers_keep_their_flags(text, flag):
    assert flag in _flags(text), lint_question(text)


# -- 3. a tag after a request or an open question -----------------------------------------
@pytest.mark.parametrize("text", [
    "Tell me about the last time you used the new climbing app, isn't it handy?",
    "Walk me through the last time you renewed the plot, wasn't it easy?",
    "Describe the last visit to the dentist, don't you think it was quicker?",
    "So Dev, tell me about the last ferry crossing, didn't you love it?",
    "How did the tax return go, wasn't it simple?",
    "Tell me about the last time you rode to work, right?",
])
def test_a_confirmation_tag_after_a_request_is_leading(text):
    assert "leading" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "Tell me about the last time you rode to work, would you?",
    "Walk me through the last time you filed a return, ok?",
    "Tell me about your last filling, please?",
])
def test_a_politeness_tag_is_not_leading(text):
    assert "leading" not in _flags(text), lint_question(text)


def test_question_craft_scores_a_tag_after_a_story_opener_below_a_clean_one():
    clean = score_rewrite("Isn't the new climbing app handy?", "Tell me about the last time you used the climbing app.")
    tagged = score_rewrite("Isn't the new climbing app handy?",
                           "Tell me about the last time you used the climbing app, isn't it handy?")
    assert "leading" in tagged["flags"] and tagged["score"] <= clean["score"] - 30


# -- 4. two things under a yes/no or hypothetical question --------------------------------
@pytest.mark.parametrize("text", [
    "Would you pay for automatic reminders and online check-in?",
    "Would you use bike tracking and theft insurance?",
    "Would you switch to paperless statements and direct debit?",
    "Do you need a covered shed and extra water butts?",
    "Would you be willing to pay for priority boarding and reserved seating?",
    "Could you see yourself using the route planner and the grade log?",
])
def test_two_things_under_a_yes_no_question_are_double_barreled(text):
    assert "double-barreled" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "Would you pay for health and safety training?",  # the pair modifies one noun
    "Would you pay for both plots together?",
    "Do you keep receipts and invoices?",  # one category
    "Would you prefer a morning or an evening crossing?",  # a choice
    "If we merged the form and the checklist into one page, would that be clearer?",
    "Could you walk me through the last time you collected tools from the shed and the polytunnel?",
    "Would you try the bread and butter pudding?",
])
def test_one_thing_or_one_scenario_is_not_double_barreled(text):
    assert "double-barreled" not in _flags(text), lint_question(text)


# -- 5. other people's reasons and behaviour ------------------------------------------------
@pytest.mark.parametrize("text", [
    "Why do you think people stop going to the climbing wall?",
    "What makes patients switch dentists?",
    "Why do volunteers leave the food bank?",
    "How do other allotment holders decide what to grow?",
    "What do you think makes riders choose a bike shop?",
    "Why do you reckon passengers miss the early ferry?",
])
def test_speculating_about_other_people_is_generalizing(text):
    r = lint_question(text)
    assert "generalizing" in r["flags"] and "leading" not in r["flags"] and "hypothetical" not in r["flags"], r
    assert r["suggestion"].startswith("Tell me about the last time you"), r


@pytest.mark.parametrize("text", [
    "Why did the volunteers leave early last Saturday?",  # one past occasion
    "Why do you use the tax app?",  # the participant's own reasons
    "Why do you think that happened?",  # a probe
    "What makes the ferry late?",  # a thing, not people
    "How many riders came to the bike clinic?",  # a number
    "How would you feel about riders booking online?",  # not a group's behaviour asked for
])
def test_not_speculation_about_people_in_general(text):
    r = lint_question(text)
    assert "speculate" not in r["reasons"].get("generalizing", ""), r


def test_the_rewrite_of_a_question_about_others_is_the_participants_own_last_time():
    r = lint_question("What makes patients switch dentists?")
    assert r["suggestion"] == "Tell me about the last time you switched dentists. What made you do it?"
    assert lint_question(r["suggestion"])["flags"] == []


# -- 6. question-craft: a misspelt topic word is still on the topic ------------------------
def test_a_misspelt_topic_word_counts_as_kept_and_is_named():
    typo = score_rewrite("Do you ride to work every day?", "Tell me about the last time you rdoe to work.")
    right = score_rewrite("Do you ride to work every day?", "Tell me about the last time you rode to work.")
    assert "rdoe" in typo["spelling"] and "off the question's topic" not in typo["verdict"], typo
    assert typo["topic"] == right["topic"] and typo["score"] == right["score"] - 5, (typo, right)
    unrelated = score_rewrite("Do you ride to work every day?", "Tell me about the last time you bougt a pizza.")
    assert unrelated["topic"] == 0.0 and unrelated["score"] <= 50, unrelated


# -- 7. lint-guide --json in line order ---------------------------------------------------------
def test_json_objects_are_in_line_order(tmp_path):
    path = tmp_path / "guide.txt"
    path.write_text(textwrap.dedent("""\
        # Warm-up
        Tell me about the last time you visited the allotment.
        Note: ask about the water butts if they come up
        Do you grow beans?
        ## Wrap-up
        Anything else?
        """), encoding="utf-8")
    result, problems = lint_file(path)
    items = [o for o in lint_json(result, problems) if o["kind"] not in {"structure", "file", "budget"}]
    assert [o["line"] for o in items] == [1, 2, 3, 4, 5, 6], [(o["line"], o["kind"]) for o in items]
    assert [o["question"] is None for o in items] == [True, False, True, False, True, False]
    last = lint_json(result, problems)[-1]
    assert last["kind"] == "budget"
