"""Session 11's rules of the question linter (``kit/guide/cues16.py``): claims said before the ask,
answers offered inside a yes/no question, two occasions at once, a one-fact question word tacked
on. Questions written for these tests in other domains than the labelled sets, with hard
negatives that must stay clean."""
from __future__ import annotations

import pytest

from kit.guide import cues16
from kit.guide.lint import flags_of


@pytest.mark.parametrize("q", [
    "Library e-books are just as good as paper and much cheaper, so what made you switch?",
    "batch cooking is proven to work \u2014 what savings have you seen?",
    "our booking page basically kills the phone queue \U0001F64C how long did you wait last time?",
    "Joining the allotment society must have given you a lot of confidence. Tell me about your first meeting.",
    "the recipes are written by award-winning chefs \u2014 what did you think of the last box?",
])
def test_a_claim_before_the_ask_is_leading(q):
    assert "leading" in flags_of(q), q


@pytest.mark.parametrize("q", [
    "You said the bus is sometimes late. Tell me about the last time that happened.",
    "I'd love to hear about the last time you repaired a bike. What happened?",
    "Kindly tell me about the day the boiler broke. What did you do first?",
    "The best pitches were taken by noon. What did you do then?",
    "The app makes it easy to forget a payment - tell me about the last time that happened.",
])
def test_an_echo_a_request_or_a_plain_fact_before_the_ask_is_not_a_claim(q):
    assert not cues16.claim([q]) and "leading" not in flags_of(q), q


@pytest.mark.parametrize("q", [
    "did you feel guilty after skipping the class?",
    "Did the reminder email motivate you to renew?",
    "did the parking charge put you off last time?",
])
def test_a_yes_no_question_offering_the_feeling_or_effect_is_leading(q):
    assert "leading" in flags_of(q), q


@pytest.mark.parametrize("q", [
    "Do you feel safe on the night bus and is the driver polite?",  # present: not offered (labelled sets)
    "Did the staff help you find the right size?",  # help asked about, not offered
    "Did you feel better or worse after the session?",  # both offered
])
def test_a_yes_no_question_without_an_offered_answer_is_not_leading_by_it(q):
    assert not cues16.offered_answer([q]), q


@pytest.mark.parametrize("q", [
    "Tell me about the last time you borrowed from the fund and the time you paid it back.",
    "Think about the last time you renewed your permit, and also the time before. What changed?",
    "Which garage did you use last time and in which town?",
])
def test_two_occasions_or_a_tacked_on_question_are_double_barreled(q):
    assert "double-barreled" in flags_of(q), q


def test_this_round_reads_what_and_why_as_one_answer_and_its_reason():
    assert not cues16.two_asks(["If you could change one thing about the rota, what would that be and why?"])


@pytest.mark.parametrize("q", ["How often do you buy compost and where?",
                               "How often do you wash the van, and with whom?"])
def test_a_one_fact_question_word_tacked_on_is_closed(q):
    assert "closed" in flags_of(q), q
