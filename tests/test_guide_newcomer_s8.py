"""The eighth newcomer's lint-guide findings (items 4-6 of the session-8 newcomer's report) and
the attacker's fault 17, each fixed by kind (kit.guide.retell14 for the rewrites). The
newcomer's own questions come first in each table, then new ones of the same kind written for
this test, then hard negatives."""
from __future__ import annotations

import pytest

from kit.guide import grammar_problems, lint_question
from kit.guide.retell14 import faults, repair


def _story(question: str) -> str:
    return lint_question(question)["suggestion"].partition(" Then ask separately: ")[0]


# ------------------------------------------------------------------ item 4: rewrites


@pytest.mark.parametrize("question,bad,good", [
    # a gerund as the object of "used" / "dealt with"
    ("Don't you find chasing unpaid invoices really stressful?", "used chasing", "chased unpaid invoices"),
    ("Don't you find restocking the freezer aisle exhausting?", "used restocking", "restocked the freezer aisle"),
    # a verb kept with its subject ("the app chase")
    ("Wouldn't you rather have the app chase them for you?", "app chase", "chased them"),
    ("Wouldn't you rather let the robot mop the floors?", "robot mop", "mopped the floors"),
    # one option's verb with the other option's thing ("called a text")
    ("Did you call them or send a text?", "called a text", "called them"),
    ("Did you ring the landlord or write an email?", "rang an email", "rang the landlord"),
    # a clause as the thing: "dealt with a payment bounces", "the chases payments"
    ("What do you usually do when a payment bounces, and who do you tell?", "payment bounces", "payment bounced"),
    ("Would you use a tool that chases payments?", "the chases", "chased payments"),
    # an opinion of what someone should do: the last time they did it, not "dealt with customers"
    ("Don't you think customers should pay within 14 days?", "dealt with customers", "customers paid within 14 days"),
    ("Don't you think tenants should report leaks straight away?", "dealt with tenants",
     "tenants reported leaks straight away"),
    # "about the way you <verb> ...": the last time you did
    ("What do you like and dislike about the way you send invoices today?", "the dislike", "you sent invoices"),
    ("What do you like and dislike about the way you book rooms?", "the dislike", "you booked rooms"),
])
def test_a_rewrite_keeps_grammar_and_topic(question, bad, good):
    story = _story(question)
    assert bad not in story and good in story, story
    assert not grammar_problems(story)


@pytest.mark.parametrize("question,sign", [
    ("Would you pay £5 a month for automatic reminders?", "£5"),
    ("Would you pay $12 a year for cloud backups?", "$12"),
    ("Would you pay €3 per parcel for tracking?", "€3"),
])
def test_a_currency_sign_is_kept(question, sign):
    assert sign in _story(question)


@pytest.mark.parametrize("question,rate", [
    ("How many invoices do you send per week on average?", "per week"),
    ("How many deliveries do you take each day on average?", "on average"),
])
def test_a_rate_leaves_a_one_occasion_story(question, rate):
    story = _story(question)
    assert rate not in story and "last time" in story


@pytest.mark.parametrize("question,kept", [
    # session 9: "Can we contact you again?" and "Could we call you next week?" are logistics
    # requests (kit.guide.cues15.logistics), left unflagged with no story; the kind kept here
    ("Did we contact you again after the repair?", "we contacted you"),
    ("Did we call you back after your complaint?", "we called you"),
])
def test_a_dropped_pronoun_object_is_put_back(question, kept):
    assert kept in _story(question)


def test_repair_touches_nothing_it_has_no_reason_to():
    text = "Tell me about the last time you paid 5 pounds for delivery. What happened?"
    assert repair("Would you pay 5 pounds for delivery?", text) == text
    # a price's "a month" / "per month" is no rate of a habit
    assert "per month" in repair("Would you pay £4 per month?", "Tell me about the last time you paid 4 per month. "
                                 "What happened?")


@pytest.mark.parametrize("question,cand", [
    # hard negatives: a noun in -ing, a relative clause the story tells as its own, options kept apart
    ("How did the onboarding emails land?", "Tell me about the last time you dealt with the onboarding emails. "
                                           "What happened?"),
    ("Which app did you use to send that invoice?", "Tell me about the last time you used the app to send that "
                                                    "invoice. What happened?"),
    ("Did you call them or send a text?", "Tell me about the last time you sent a text. What happened?"),
    ("Tell me about the billing you did last week.", "Tell me about the last time you dealt with billing. "
                                                     "What happened?"),
])
def test_no_fault_on_sound_rewrites(question, cand):
    assert faults(question, cand) == []


@pytest.mark.parametrize("question,cand", [
    ("Don't you find chasing unpaid invoices really stressful?",
     "Tell me about the last time you used chasing unpaid invoices. What happened?"),
    ("Did you call them or send a text?", "Tell me about the last time you called a text. What happened?"),
    ("Wouldn't you rather have the app chase them for you?",
     "Tell me about the last time you used the app chase. What happened?"),
    ("What do you do when a payment bounces?",
     "Tell me about the last time you dealt with a payment bounces. What happened?"),
    ("Would you use a tool that chases payments?",
     "Tell me about a recent experience with the chases payments. What happened?"),
])
def test_faults_of_the_attackers_and_newcomers_rewrites(question, cand):
    assert faults(question, cand)


def test_a_gerund_without_its_complement_is_no_topic():
    story = _story("Whats the worst thing about getting paid?")
    assert "got paid" in story and "when getting came up" not in story


# ------------------------------------------------------------------ item 6: wrong flags


@pytest.mark.parametrize("question", [
    "How easy or hard was it to send your last invoice?",
    "How good or bad was the handover between shifts?",
    "How quick or slow was the refund, from your side?",
    "How helpful or unhelpful was the tenant portal?",
])
def test_not_leading(question):
    assert "leading" not in lint_question(question)["flags"]


@pytest.mark.parametrize("question", [
    "Wasn't it a relief when the customer finally paid?",  # asks for agreement
    "How easy was it to send your last invoice?",  # one side of the pair only
    "How great or amazing was the new portal?",  # both sides praise
    "Will you feel better when customers finally pay on time?",
])
def test_still_leading(question):
    assert "leading" in lint_question(question)["flags"]


@pytest.mark.parametrize("question", [
    "How did you feel when the customer finally paid?",
    "What did you do when the parts finally arrived?",
])
def test_finally_in_a_past_episode_stays_leading_and_says_why(question):
    # the newcomer read it as not leading; the labelled sets (questions_dev, blind sets) mark it
    # leading, so the flag stays and the reason says so
    r = lint_question(question)
    assert "leading" in r["flags"] and "independent labellers" in r["reasons"]["leading"]


def test_a_which_question_says_why_it_is_closed():
    r = lint_question("Which app did you use to send that invoice?")
    assert r["flags"] == ["closed"] and "independent labellers" in r["reasons"]["closed"]


# ------------------------------------------------------------------ item 5: missed faults


@pytest.mark.parametrize("question", [
    "We're launching InvoiceNow Reminders next month. Tell me about the last time a client paid you late.",
    "We are about to release a new rota app. How did you plan last week's shifts?",
    "Our new card reader goes live in March. Tell me about the last time a card payment failed.",
])
def test_a_launch_pitch_before_the_question_is_leading(question):
    assert "leading" in lint_question(question)["flags"]


@pytest.mark.parametrize("question", [
    "We're launching a survey of growers next month. Tell me about the last time you sold at a market.",
    "Tell me about the last time a client paid you late.",
    "When did you last launch a product?",
])
def test_no_pitch_no_leading(question):
    assert "leading" not in lint_question(question)["flags"]


@pytest.mark.parametrize("question", [
    "Explain how you chase a late payer.",
    "Describe what you do when a card payment fails.",
    "Describe how you handle a customer who disputes an invoice.",
])
def test_a_request_about_a_habit_is_generalizing(question):
    assert "generalizing" in lint_question(question)["flags"]


@pytest.mark.parametrize("question", [
    "Describe what you did when the card payment failed.",
    "Explain how you chased the late payer last week.",
    "Walk me through the last time you prepared the payroll.",
    "Explain how you would set up the new reminder.",
    "Walk me through how you take an order and arrange delivery.",  # the labelled sets leave these alone
    "Describe how you chose the kennel.",
])
def test_a_request_about_one_occasion_is_not_generalizing(question):
    assert "generalizing" not in lint_question(question)["flags"]


@pytest.mark.parametrize("line", [
    "Whats the worst thing about getting paid.",
    "Hows the new invoicing tool working for you.",
    "Wheres the first place you look for unpaid bills",
])
def test_a_wh_start_without_apostrophe_or_question_mark_is_a_question(line):
    from kit.guide.guide_lines import classify
    assert classify(line)[0] == "question"


def test_a_statement_stays_a_note():
    from kit.guide.guide_lines import classify
    assert classify("Thanks for joining, our new app makes invoicing easy.")[0] == "note"
