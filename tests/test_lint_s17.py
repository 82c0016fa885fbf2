"""Session 17 (the `lint17` developer; docs/design.md "Seventeenth pass"): the kinds of kit/guide/cues22.py
and the newcomer session 16 faults F7 and F11, on phrasings written for these tests (no labelled set's item),
each with hard negatives."""
from __future__ import annotations

import pytest

from kit.guide import cues22
from kit.guide.lint import flags_of, lint_question


@pytest.mark.parametrize("question", [
    "What went wrong with the flower delivery?",  # the project's own sets label these not leading
    "What usually goes wrong when the ferry is cancelled?",  # a habit: generalizing only (the pinned conventions)
    "What was the hardest part of moving the workshop?",  # "hard" is no blame (the conventions)
])
def test_no_fault_taken_for_granted(question):
    assert "leading" not in flags_of(question)


def test_the_worst_part_of_a_past_occasion_is_leading_the_present_one_is_not():
    assert "leading" in flags_of("What was the worst part of the kitchen refit?")
    assert "leading" in flags_of("What was the most stressful bit of the audit last spring?")
    # session 18: the present one is leading too (a superlative with a valence; docs/design.md "Eighteenth pass")
    assert "leading" in flags_of("What's the worst thing about the night bus?")
    assert "generalizing" in flags_of("What's the worst thing about the night bus?")


@pytest.mark.parametrize("question", [
    "Is the tram timetable reliable and clear?",
    "Are the changing rooms comfortable for you?",
    "Do you trust the readings on the new scales?",
    "Is the kiln too hot or too slow for your glazes these days?",
])
def test_a_present_yes_no_judgement_is_generalizing(question):
    assert "generalizing" in flags_of(question)


@pytest.mark.parametrize("question", [
    "Is there a car park at the depot?",
    "Did you trust the readings on the scales that morning?",
    "Was the tram on time last Tuesday?",
    "Isn't the new tram stop handy?",  # a negative question: a tag's kind, left to the leading rules
    "Is the form available at the front desk?",
    "Is your lease monthly or yearly?",  # a pick between two facts
    "Are volunteers happy with the new rota?",  # other people's state, a bare plural subject
    "Do you like it?",  # a follow-up about the thing just told
])
def test_no_present_yes_no_judgement(question):
    assert "generalizing" not in flags_of(question)


@pytest.mark.parametrize("question", [
    "Help me understand how you restock the bar.",
    "Tell me how the samples get labelled in the lab.",
    "Help me understand how your drivers plan the school run.",
    "When a tenant rings after hours, what do you do?",
])
def test_a_usual_way_is_generalizing(question):
    assert "generalizing" in flags_of(question)


@pytest.mark.parametrize("question", [
    "Help me understand how you restocked the bar on Friday.",
    "Walk me through how you restock the bar.",  # one process by the conventions (a settled label conflict)
    "Walk me through how you put the rota together.",  # "put": its tense is not shown
    "Tell me how the samples got labelled that week.",
    "Walk me through how you'd want the handover to go.",
    "When the tenant rang last night, what did you do?",
    "Over the years, how has your allotment changed?",  # a change, not the general case (a settled disagreement)
])
def test_one_occasion_is_not_generalizing(question):
    assert "generalizing" not in flags_of(question)


def test_two_personal_details_are_double_barreled_and_a_single_one_is_not():
    assert "double-barreled" in flags_of("What's your loyalty card number and your postcode?")
    assert "double-barreled" in flags_of("What's your client number and best email, e.g. someone@example.org?")
    assert "double-barreled" not in flags_of("What's your loyalty card number?")


def test_f7_a_feature_offered_in_a_condition_is_never_told_as_used():
    r = lint_question("Would you use a budgeting tab in our app if we built it?")
    assert r["suggestion"] == "Tell me about the last time you needed something like a budgeting tab. What did you do?"
    assert "the last time you used" not in r["suggestion"]


def test_f7_a_plan_gets_the_future_kind_rewrite():
    r = lint_question("Are you planning to renew your gym membership next spring?")
    assert r["suggestion"] == "What, if anything, are you already doing about renewing your gym membership?"
    assert cues22.plan_question("Do you plan to visit the library more?") == \
        "What, if anything, are you already doing about visiting the library more?"
    assert cues22.plan_question("Did you plan the trip?") == ""


def test_f11_a_scale_is_never_the_topic_of_a_rewrite():
    r = lint_question("How pleased are you with the reception team on a scale of 1-5?")
    assert r["flags"] and "1-5" not in r["suggestion"] and "reception team" in r["suggestion"]
    assert cues22.unscaled("Rate the bus from 1 to 10, please.") == "Rate the bus, please."
    assert cues22.unscaled("How was the bus?") == ""


def _guide(tmp_path, lines: list[str]) -> dict:
    from kit.guide import lint_file

    path = tmp_path / "guide.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, problems = lint_file(path)
    assert result is not None, problems
    return result


def test_f11_an_intro_line_praising_the_organisation_is_linted(tmp_path):
    result = _guide(tmp_path, ["Intro: Thanks for shopping with Hillside Hardware, the friendliest store in the county!",
                               "Tell me about the last time you bought paint.",
                               "Looking ahead to your next project, what are you planning to do?"])
    said = [q for q in result["questions"] if q["line"] == 1]
    assert said and said[0]["flags"] == ["leading"] and "leave it out" in said[0]["reasons"]["leading"]
    assert said[0]["kind"] == "pitch"  # no question: not a closed one (F7's pitch line)


def test_f11_an_ordinary_intro_line_stays_a_note(tmp_path):
    result = _guide(tmp_path, ["Intro: Thanks for joining, this takes about ten minutes.",
                               "Tell me about the last time you bought paint."])
    assert all(q["line"] != 1 for q in result["questions"])


def test_f11_the_kit_never_makes_a_request_for_details_the_opener_nor_warns_against_its_own_choice(tmp_path):
    result = _guide(tmp_path, ["How happy are you with our paint counter?",
                               "What's your loyalty card number and your postcode?",
                               "Tell me about the last time you bought paint.",
                               "Looking ahead to your next project, what are you planning to do?"])
    roles = {q["line"]: q["role"] for q in result["questions"]}
    assert roles[2] != "opener" and roles[3] == "opener"
    assert not any("opener should be the first" in s["message"] for s in result["structure"])
