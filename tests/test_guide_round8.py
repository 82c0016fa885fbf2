"""Eighth round of the question linter (issue 16): habit choices and general qualities in the
present are closed and generalizing; a present negative superlative is generalizing, not
leading (kit.guide.cues8). Questions written for these tests, in domains of their own."""
import pytest

from kit.guide.lint import lint_question


@pytest.mark.parametrize("text", [
    "Do you prefer weekday or weekend appointments at the vet?",
    "Do you order seed by catalogue or online?",
    "Do your tenants pay rent by standing order or by card?",
    "Which do passengers prefer, the window seats or the aisle?",
    "Do you sell more hanging baskets in spring or in summer?",
    "Is the allotment waiting list longer than the council says for you?",
    "Is lambing the busiest week of the year?",
    "Is the swimming pool too busy in the mornings?",
    "Is the bakery counter or the cafe where you make most of your money?",
])
def test_habit_choice_and_general_quality_are_closed_and_generalizing(text):
    flags = set(lint_question(text)["flags"])
    assert {"closed", "generalizing"} <= flags, lint_question(text)


@pytest.mark.parametrize("text", [
    "Do you remember the last time the boiler broke down?",  # memory of one occasion
    "Is there anything else you'd like to add?",
    "Did you prefer the morning or the evening session last Tuesday?",  # one past occasion
    "Are you on the monthly or the annual membership?",  # a state, not a habit
    "Isn't the new kiosk much quicker than the counter?",  # a leading tag, not a habit
])
def test_not_a_habit_choice(text):
    assert "generalizing" not in lint_question(text)["flags"], lint_question(text)


@pytest.mark.parametrize("text", [
    "What's the worst thing about the school run?",
    "whats the most annoying part of renewing a fishing licence",
    "What's the most frustrating about booking a squash court",
    "What is the most stressful part of harvest week?",
])
def test_present_negative_superlative_is_generalizing_not_leading(text):
    flags = set(lint_question(text)["flags"])
    assert "generalizing" in flags and "leading" not in flags, lint_question(text)


@pytest.mark.parametrize("text", [
    "Our refunds are painfully slow. What's the most frustrating part of them?",  # a blaming preamble
])
def test_negative_superlative_with_another_judgement_stays_leading(text):
    assert "leading" in lint_question(text)["flags"], lint_question(text)
