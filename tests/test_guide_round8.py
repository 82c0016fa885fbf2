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
    # session 18: also leading -- the independent authors of sets 15 to 44 label a superlative with a valence
    # leading (31 of 35; sets 3 to 14, before the ninth round's conventions, 0 of 21): docs/design.md "Eighteenth pass"
    flags = set(lint_question(text)["flags"])
    assert "generalizing" in flags and "leading" in flags, lint_question(text)


def test_worst_of_one_past_occasion_not_leading():
    text = "Tell me about the most annoying phone call you took last week."
    assert lint_question(text)["flags"] == [], lint_question(text)


@pytest.mark.parametrize("text", [
    "Our refunds are painfully slow. What's the most frustrating part of them?",  # a blaming preamble
])
def test_negative_superlative_with_another_judgement_stays_leading(text):
    assert "leading" in lint_question(text)["flags"], lint_question(text)


@pytest.mark.parametrize("text", [
    "Everybody says the new rules are confusing. How did the last inspection go?",
    "Since the council portal is such a mess, tell me about the last permit you applied for.",
    "Knowing how thorough you are, how did the last audit go?",
    "You've probably renewed loads of times — how many renewals so far?",
    "We're the only firm doing this locally — wouldn't that save you a trip?",
    "How much has your lap time improved since you joined?",
    "Our guides are all qualified climbers, so what good tips did they give you?",
    "Builders always leave a mess — what did they leave behind at yours?",
    "Is the VAT return the biggest headache of your quarter?",
    "Did you try the new checkout this week? It's so much faster than the old one.",
])
def test_presuppositions_are_leading(text):
    assert "leading" in lint_question(text)["flags"], lint_question(text)


@pytest.mark.parametrize("text", [
    "Tell me about the last time the council portal went down.",
    "Since you moved house, how has the commute changed?",  # a neutral reason clause
    "Did you try the new checkout this week? What happened?",
])
def test_no_presupposition_not_leading(text):
    assert "leading" not in lint_question(text)["flags"], lint_question(text)


@pytest.mark.parametrize("text", [
    "If we opened on Sundays, how much more would you pay for a membership?",
    "What's your typical basket size at the farmers' market?",
    "what do cleaners usually get paid per room",
    "What colour was the van that collected it",
    "On a scale of 1 to 5, how clear were the instructions, and how was the delivery?",
    "Would you renew your allotment if the rent went up?",
])
def test_one_number_or_fact_is_closed(text):
    assert "closed" in lint_question(text)["flags"], lint_question(text)


def test_open_clause_then_amount_not_closed():
    text = "How did you choose the caterer, and how much did the buffet cost?"
    assert "closed" not in lint_question(text)["flags"], lint_question(text)


@pytest.mark.parametrize("text", [
    "Is the booking fee a problem for you, or the cancellation rules?",
    "Last term, did you use both the library and the study rooms?",
    "Do tutors and students both get the reminder texts?",
])
def test_two_topics_are_double_barreled(text):
    assert "double-barreled" in lint_question(text)["flags"], lint_question(text)


@pytest.mark.parametrize("text", [
    "Was it the price that put you off, or the wait?",  # one choice about one cause
    "Which would you pick: the bus, the train, or a taxi?",  # a list of picks
    "How did the landlord and the plumber fix the leak in the end?",  # a joint act
])
def test_one_topic_not_double_barreled(text):
    assert "double-barreled" not in lint_question(text)["flags"], lint_question(text)


@pytest.mark.parametrize("text", [
    "Would you say your tenants mostly pay on time, or not really?",
    "Tell me about your last open day, and also how you choose the speakers.",
    "What makes a wedding booking go smoothly?",
    "How useful has the newsletter been for you?",
    "Everyone says winter is the quiet season — is that true for yours?",
])
def test_general_case_is_generalizing(text):
    assert "generalizing" in lint_question(text)["flags"], lint_question(text)


def test_past_clause_after_story_not_generalizing():
    text = "Tell me about the day the roof leaked, and also how you found the roofer."
    assert "generalizing" not in lint_question(text)["flags"], lint_question(text)
