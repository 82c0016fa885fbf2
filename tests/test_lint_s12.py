"""Session 12's rules of the question linter (``kit/guide/cues17.py``, the formal request and the
chat words read in ``kit/guide/lint.py`` and ``kit/guide/cues.py``, the "-free" valence in
``kit/guide/words.py``). Questions written for these tests in domains other than the labelled
sets, with hard negatives that must stay clean."""
from __future__ import annotations

import pytest

from kit.guide import cues17
from kit.guide.lint import flags_of
from kit.guide.words import valence


# --- double-barreled: a pair joined by another coordinator than "and" ---------------------------------------
@pytest.mark.parametrize("q", [
    "Tell me about the last allotment inspection, as well as the letter you got afterwards.",
    "I'd like to understand how you found the choir, as well as how you chose your voice part.",
    "Walk me through the last time you renewed the boat licence as well as the mooring permit.",
    "how's the night shift getting on with the new handheld scanners & the shift rota",
    "why'd you leave the gym + where do you train now",
    "How many covers are you doing at the moment versus this time last year?",
    "what's it like booking a pitch now vs before the council took over",
])
def test_a_pair_joined_by_as_well_as_vs_plus_or_ampersand_is_double_barreled(q):
    assert "double-barreled" in flags_of(q), q


@pytest.mark.parametrize("q", [
    "Did the school play go as well as you hoped?",  # a comparison after a verb, not a pair
    "Tell me about the last time the roof repair worked as well as the old one.",
    "How do you feel about paying by card vs cash at the market?",  # two options compared, no time frame
    "Tell me about the last time you used the Q&A board.",  # "&" inside a word
    "What did you pay for the salt & pepper grinder?",
])
def test_a_comparison_or_one_thing_is_not_double_barreled_by_the_other_coordinators(q):
    assert not cues17.other_coordinator([q]), q


# --- hypothetical: a formal request is a request, an imagined change is still imagined -------------------
@pytest.mark.parametrize("q", [
    "It would help us to understand what happened when the parking meter took your coin.",
    "It would really help me to know how you chose the nursery for your daughter.",
    "I'd be grateful if you could tell me about the last time you visited the tip.",
    "We would be grateful if you could tell us how you found out about the bursary.",
])
def test_a_formal_request_is_not_hypothetical(q):
    assert "hypothetical" not in flags_of(q), q


@pytest.mark.parametrize("q", [
    "It would help us to understand how the bin collection leaflet could be made clearer.",
    "It would help us to know how the surgery could communicate better about test results.",
    "It would help us to understand what you would change about the permit scheme.",
])
def test_an_imagined_change_inside_a_formal_request_stays_hypothetical(q):
    assert "hypothetical" in flags_of(q), q


# --- leading: a judging word in a pair after "how"; a benefit taken as given ---------------------------------
@pytest.mark.parametrize("q", [
    "How quick and effortless was renewing your fishing licence?",
    "how simple and hassle-free was the move to the new GP?",
    "How fast and easy is the new ticket machine for you?",
])
def test_how_with_a_judging_word_in_a_pair_is_leading(q):
    assert "leading" in flags_of(q), q


@pytest.mark.parametrize("q", [
    "How safe and comfortable did you feel on the ferry?",  # the person's own state (labelled sets)
    "How fast and accurate was the stock count on Monday?",  # no judging word
    "How long and how often did you practise last week?",
])
def test_a_pair_without_a_judging_word_or_a_felt_state_is_not_leading_by_it(q):
    assert not cues17.paired_judgement([q]), q


@pytest.mark.parametrize("q", [
    "how much did the route planner save you in the first month",
    "How much footfall did the new signage add last winter?",
    "With all the time the self-service kiosk saves, what did the front desk do instead?",
    "since the new rota took the weekend cover off your plate, what did you do with your Saturdays?",
    "After the backup generator saved your open day, how did the committee feel about the quote?",
])
def test_a_benefit_taken_as_given_is_leading(q):
    assert "leading" in flags_of(q), q


@pytest.mark.parametrize("q", [
    "How much did you save on the boiler last year?",  # the participant's own saving: other rounds' business
    "How much did the repair cost you?",
    "After the engineer left, how did you feel?",
    "Since the café closed, where do you meet?",
    "If the app booked the pitch for you, how much time would that save?",  # imagined
])
def test_no_benefit_of_a_thing_taken_as_given_is_not_leading_by_it(q):
    assert not cues17.taken_benefit([q]), q


def test_a_privative_free_word_of_a_bad_thing_is_praise():
    assert valence("stress-free") > 1.0 and valence("error-free") > 1.0
    assert valence("sugar-free") == 0.0  # a neutral thing left out is a fact


# --- generalizing: a habit through a present when-clause; a present degree; chat words ------------------------
@pytest.mark.parametrize("q", [
    "what does the front desk do when a parcel has no name on it",
    "when a tenant reports a leak what happens on your side",
    "When volunteers miss a shift and nobody covers, how do you handle it?",
    "who gets the call when the freezer alarm goes off",
    "To what extent is the mud on the towpath a problem for you?",
    "to what extent do the new bus times suit your shifts?",
    "how r u finding the new allotment rules tbh",
])
def test_a_habit_through_a_present_when_clause_or_a_present_degree_is_generalizing(q):
    assert "generalizing" in flags_of(q), q


@pytest.mark.parametrize("q", [
    "What did the front desk do when the parcel had no name on it?",  # one past occasion
    "When the freezer alarm went off last night, who got the call?",
    "What decides when you reach for the ladder versus the scaffold?",  # an embedded question
    "When you finally get the keys, how will you feel?",  # still to come
    "To what extent did the leaflet explain the new bin days?",  # past
])
def test_one_occasion_an_embedded_when_or_the_future_is_not_generalizing_by_it(q):
    assert not cues17.ongoing_judgement([q]), q


# --- double-barreled: a second yes/no question, the same preposition again, separate accounts ---------------
@pytest.mark.parametrize("q", [
    "Did the plumber turn up on time, and was the boiler working afterwards?",
    "Did you collect the prescription in person, and was anything missing?",
    "What did you think of the tasting menu, and of the way the waiter explained the wines?",
    "What did you think of the noise from the extractor fan during Friday service, and of how the manager "
    "handled the complaints afterwards?",
    "how did payroll and facilities each handle the office move",
    "how did sales and support each react to the price change",
    "Which rooms do you and your flatmate each clean?",
])
def test_a_second_yes_no_question_the_same_preposition_again_or_separate_accounts_are_double_barreled(q):
    assert "double-barreled" in flags_of(q), q


@pytest.mark.parametrize("q", [
    "Okay, and was the landlord the one who rang the plumber?",  # a follow-up, one question
    "How did you and your sister split the rent between you each month?",  # "each month", "between"
    "What did you think of the tasting menu and the wine pairing together?",  # no repeated preposition
    "Did you and the tenants each other's numbers?",
])
def test_one_follow_up_a_shared_act_or_one_pair_is_not_double_barreled_by_it(q):
    assert not cues17.two_questions([q]), q
