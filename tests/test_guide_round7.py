"""Seventh round of the question linter (issue 16, :mod:`kit.guide.cues7`): pitches and general
claims in a preamble, a presupposed liking or benefit, habits in the present simple. Every
question here was written for these tests (other domains and voices than the labelled sets);
each rule has positives and hard negatives (good story questions that must stay clean)."""
from __future__ import annotations

import pytest

from kit.guide import lint_question
from kit.guide.cues7 import echoed_habit, generalizing, leading


def flags(q: str) -> list[str]:
    return lint_question(q)["flags"]


# --- leading: a pitch in the preamble -------------------------------------------------
@pytest.mark.parametrize("q", [
    "Our parcel lockers are quick and convenient. Tell me about the last parcel you collected.",
    "Our swim timetable is the most flexible in the county — walk me through your last booking.",
    "Our grooming team has transformed nervous dogs. What happened at your dog's last appointment?",
    "Vets rave about our kibble; what did you feed your cat yesterday?",
    "Our meal kits let you cook dinner in minutes, so how did last Tuesday's dinner go?",
    "We spent a whole year rebuilding the donor portal. What happened when you last logged in?",
])
def test_pitch_preamble_is_leading(q):
    assert "leading" in flags(q)


@pytest.mark.parametrize("q", [
    "Everybody in the trade is moving to electric vans. Tell me about your last van purchase.",
    "Landlords are always the slowest to reply — tell me about the last repair you reported.",
    "Parking at the depot is an absolute nightmare. What happened the last time you drove in?",
])
def test_general_claim_preamble_is_leading(q):
    assert "leading" in flags(q)


@pytest.mark.parametrize("q", [
    "We're trying to understand how food banks plan deliveries. Tell me about last Friday's round.",
    "You said the boiler broke in January — what happened next?",
    "Our records show you moved plots in spring. How did the move go?",
    "Let's start with the basics - could you walk me through your last harvest?",
    "Let's say we opened on Sundays. What would you do differently?",
    "The best tables were gone by noon. What did you do then?",
    "Tell me about the last time you used our app.",
    "What happened when the delivery was late?",
])
def test_neutral_preamble_or_story_stays_clean_of_leading(q):
    assert "leading" not in flags(q)
    assert leading([q]) == ""


# --- leading: a presupposed liking or benefit ---------------------------------------------
@pytest.mark.parametrize("q", [
    "What did you enjoy about the cooking class you booked with us?",
    "Which of our new reminders helped you most last month?",
    "How much did our route planner save you on the Leeds run?",
    "Tell me about the last time our chatbot saved you a phone call.",
    "Tell me about how smoothly we handled your claim.",
    "Was it the waiting time that put you off?",
    "Your bills must have dropped a lot since you moved to our tariff?",
    "What made it so easy to sign up with us?",
])
def test_presupposed_benefit_is_leading(q):
    assert "leading" in flags(q)


@pytest.mark.parametrize("q", [
    "What did you like and dislike about the cooking class you booked with us?",
    "Was it the waiting time or the price that put you off?",
    "How did you decide which plan to pick?",
    "What did you do next?",
    "Tell me about the last time our chatbot could not answer you.",
    "How did our new booking form change the way you took orders last week?",
])
def test_balanced_or_neutral_question_is_not_leading(q):
    assert "leading" not in flags(q)


# --- generalizing: habitual present and the general case ---------------------------------
@pytest.mark.parametrize("q", [
    "What's your routine for opening the cafe?",
    "Which breed settles better in kennels, terriers or spaniels?",
    "Do tenants pay their deposit online?",
    "Tell me about the last shift you covered, and how you hand over to the night team.",
    "What tends to go wrong with a wedding cake order?",
    "Whenever a patient misses a dose, what do the carers write down?",
    "What kinds of repairs do you turn away?",
    "What goes wrong with supplier invoices?",
    "What's more stressful when you close the till, the cash or the card slips?",
    "What do you find hardest about coaching under-nines?",
])
def test_habit_is_generalizing(q):
    assert "generalizing" in flags(q)


@pytest.mark.parametrize("q", [
    "What did you do next?",
    "Tell me about the last time you used our app.",
    "What happened when the delivery was late?",
    "How did you decide which plan to pick?",
    "What was your process on the Henderson job?",
    "Every time you mentioned the landlord, you sighed — what happened with him last month?",
    "Who paid for the repair last time?",
    "Walk me through what you did when the freezer failed.",
])
def test_story_question_is_not_generalizing(q):
    assert "generalizing" not in flags(q)
    assert generalizing([q]) == ""


def test_echoed_habit_is_not_generalizing():
    q = "You said you usually cycle to work — tell me about the morning your tyre went flat."
    assert echoed_habit([q])
    assert "generalizing" not in flags(q)
    # the same habit asked, not echoed, stays flagged
    assert "generalizing" in flags("How do you usually get to work?")


def test_reasons_name_the_cue():
    r = lint_question("Our lockers are cheap and reliable. Tell me about your last collection.")
    assert "pitch" in r["reasons"]["leading"]
    r = lint_question("What's your routine for opening the cafe?")
    assert "routine" in r["reasons"]["generalizing"]


@pytest.mark.parametrize("q", [
    "Honestly the ferry booking site is a complete farce. What happened with your last booking?",
    "Cafes across the country are dropping oat milk surcharges. How did you price drinks last week?",
    "So, thinking about Friday, how quickly did our engineers get your broadband back?",
])
def test_degree_phrase_place_quantifier_and_service_speed_are_leading(q):
    assert "leading" in flags(q)


@pytest.mark.parametrize("q", [
    "We did a complete refit of the kitchen last year. What happened on the first night?",
    "Our last question is about your first week. What happened on day one?",
])
def test_factual_preamble_is_not_leading(q):
    assert "leading" not in flags(q)


def test_habit_only_in_the_preamble_is_not_generalizing():
    q = "Landlords are always useless at replying; tell me about the last repair you reported."
    assert "generalizing" not in flags(q)
    assert "leading" in flags(q)  # the claim before the question still leads


def test_must_have_is_an_inference_not_a_general_claim():
    q = "The new lifts must have made visits so much easier for you?"
    r = flags(q)
    assert "leading" in r and "generalizing" not in r
    assert "generalizing" in flags("Carers must deal with angry relatives all the time?")


@pytest.mark.parametrize("q", ["Which supplier delivered first last week?", "Which of the three vans broke down most?"])
def test_which_superlative_is_closed(q):
    assert "closed" in flags(q)


@pytest.mark.parametrize("q", ["Which shop did you try first and why?", "Which customers stayed longest, and how did you look after them?"])
def test_which_superlative_in_a_compound_is_not_closed_by_this_rule(q):
    from kit.guide.cues7 import closed
    assert closed([q]) == ""


def test_disclaimer_preamble_is_not_leading():
    q = "We're collecting stories from bakers, so there are no wrong answers. How did you find last week's flour delivery?"
    assert "leading" not in flags(q)
    # a disclaimer does not excuse a pitch next to it
    assert "leading" in flags("Our flour is the finest in the county and there are no wrong answers. "
                              "How did you find last week's delivery?")
