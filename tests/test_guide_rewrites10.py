"""Round-10 rewrites (issue 16, item 3): each kind of broken rewrite is rejected by the check
and the builder makes a grammatical, topic-keeping story instead. Items written for this file."""
from __future__ import annotations

import pytest

from kit.guide import grammar_problems, lint_question, topic_overlap
from kit.guide.retell10 import faults, question_faults, topic_story


@pytest.mark.parametrize("text", [
    "Tell me about the last time you added. What happened?",
    "Tell me about the last time you put a label. What happened?",
    "Tell me about the last time you used shoppers. What happened?",
    "Tell me about the last time you needed something like cyclists. What did you do?",
    "Tell me about the last time you used a fair rent. What happened?",
    "Tell me about the last time you dealt with the part of renewing permits. What happened?",
    "Tell me about the last time you dealt with the plumber on time. What happened?",
    "Tell me about the last time the kiln did n't fire. What happened?",
    "Tell me about the last time you sorted parcels today. What happened?",
    "Tell me about the last time you used the kiosk. What happened? Then ask separately: Tell me about "
    "the last time you used the kiosk. What happened?",
])
def test_each_text_kind_fails_the_grammar_check(text):
    assert faults(text), text
    assert grammar_problems(text), text


@pytest.mark.parametrize("text", [
    "Tell me about the last time you added a new supplier. What happened?",
    "Tell me about the last time you put a label on a parcel. What happened?",
    "Tell me about the last time you dealt with roofers in winter. What happened?",
    "Tell me about the last time you used the printers. What happened?",
    "Tell me about the last time you dealt with paperwork. What happened?",
    "Tell me about the last time the kiln didn't fire. What happened?",
])
def test_sound_rewrites_pass(text):
    assert not faults(text), faults(text)


@pytest.mark.parametrize("question,cand", [
    ("How often do tenants no-pay?", "Tell me about the last time you dealt with the tenants no-pay. What happened?"),
    ("Our app flags late invoices for you. How do you chase them now?",
     "Tell me about the last time you chased the app flags late invoices. What happened?"),
    ("How would you feel if we closed the Saturday clinic?",
     "Tell me about the last time we closed the Saturday clinic. What happened?"),
    ("Would you join a sketching club if we started one?",
     "Tell me about the last time you joined a sketching club. What happened?"),
    ("Would you rather we sold gluten-free loaves or more rolls?",
     "Tell me about the last time you had to choose between free loaves and more rolls. What did you pick?"),
    ("How do guests prefer to order?", "Tell me about the last time you dealt with order. What happened?"),
    ("What did the landlord and the agent each say about the deposit?",
     "Tell me about the last time you dealt with the landlord deposit. What happened?"),
])
def test_each_question_kind_is_rejected(question, cand):
    assert question_faults(question, cand), cand


@pytest.mark.parametrize("question,cand", [
    ("How have the new practice rooms changed the way the choir rehearses?",
     "Tell me about the last time the new practice rooms changed the way the choir rehearses. What happened?"),
    ("Bulk sacks are better value than small tubs, aren't they",
     "Tell me about the last time you used bulk sacks. What happened?"),
    ("Are you VAT registered?", "Tell me about the last time you dealt with the vat. What happened?"),
    ("What's the hardest thing about getting two dogs to the groomer?",
     "Tell me about the last time you got two dogs to the groomer. What happened?"),
])
def test_question_checks_leave_sound_rewrites_alone(question, cand):
    assert not question_faults(question, cand), question_faults(question, cand)


@pytest.mark.parametrize("question,must,must_not", [
    ("How often do tenants no-pay?", ["tenant"], ["dealt with the tenants"]),
    ("In general, how do members prefer to pay?", ["member", "paid"], ["dealt with pay"]),
    ("Our scanner catches damaged parcels automatically. How do you handle them today?",
     ["handled", "parcels"], ["scanner catches", "today"]),
    ("How would you feel if we closed the Saturday clinic?", ["saturday clinic"], ["we closed"]),
    ("Is there anything else you'd like to tell me about invoicing?", ["invoicing"], ["the there"]),
])
def test_rewrites_keep_the_topic_without_the_broken_kind(question, must, must_not):
    sug = lint_question(question)["suggestion"]
    low = sug.lower()
    assert not grammar_problems(sug), (sug, grammar_problems(sug))
    assert all(m in low for m in must), sug
    assert not any(m in low for m in must_not), sug
    assert topic_overlap(question, sug) > 0, sug


def test_topic_story_is_the_safe_template():
    assert topic_story("Is there anything else you'd like to tell me about rostering?") == \
        "Tell me about a recent time when rostering came up. What happened?"
    story = topic_story("What do you think of the parking permit scheme?")
    assert story and story.startswith("Tell me about a recent time when") and "permit" in story


@pytest.mark.parametrize("text", [
    "Tell me about the last time you were told it would take. What happened?",
    "Tell me about the last time you needed something like a price. What did you do?",
    "Tell me about the last time you needed help with a fair rent. What did you do?",
    "Tell me about the last time you dealt with having stitches. What happened?",
])
def test_more_text_kinds_fail(text):
    assert faults(text), text


def test_a_second_ask_flagged_on_its_own_is_kept_as_its_own_story():
    sug = lint_question("Do you sweep the yard before the market opens, and do you stack the crates yourself?")["suggestion"]
    main, sep, then = sug.partition(" Then ask separately: ")
    assert sep and "swept" in main and "stacked the crates" in then, sug
    assert not grammar_problems(sug), grammar_problems(sug)
    sug = lint_question("What would you change about our menu and our opening hours if you could?")["suggestion"]
    assert "menu" in sug and "opening hours" in sug.partition(" Then ask separately: ")[2], sug


def test_a_fair_price_becomes_the_last_payment():
    sug = lint_question("How much would you pay for a gutter clean?")["suggestion"]
    assert sug == "Tell me about the last time you paid for a gutter clean. What happened?", sug


@pytest.mark.parametrize("text", [
    "Tell me about the last time you used the evening. What happened?",
    "Tell me about a recent experience with the last year. What happened?",
    "Tell me about the last time you came. How did it go?",
    "Tell me about the last time you booked a table now. What happened?",
    "Tell me about the last time you toured the barns I am trying to understand. What happened?",
])
def test_round10_times_and_glued_sentences_fail(text):
    assert faults(text), text


def test_the_safe_template_cuts_its_noun_phrase_at_a_verb_a_number_or_a_time():
    assert topic_story("Our booking widget saves florists hours a week. What's the best thing about it?") == \
        "Tell me about a recent time when the booking widget came up. What happened?"
    assert topic_story("Wouldn't it be great if you could hire a kayak ten minutes ahead?") == \
        "Tell me about a recent time when the kayak came up. What happened?"
    story = topic_story("Don't you find paper permit forms a total waste of time?")
    assert story == "Tell me about a recent time when the paper permit forms came up. What happened?", story


def test_something_like_an_imagined_thing_is_not_told_as_past():
    q = "would u use a parcel locker if we built it"
    assert not question_faults(q, "Tell me about the last time you needed something like a parcel locker. What did you do?")
    assert question_faults(q, "Tell me about the last time you used a parcel locker. What happened?")


def test_an_if_clause_with_a_plural_subject_or_its_own_object_is_not_told_as_past():
    q = "Wouldn't it be simpler if patients booked online?"
    assert question_faults(q, "Tell me about the last time patients booked online. What did you do?")
    q = "If we added card payments, would you use them?"
    assert question_faults(q, "Tell me about the last time you used card payments. How did it go?")
    sug = lint_question(q)["suggestion"]
    assert sug == "Tell me about the last time you needed something like card payments. What did you do?", sug
    assert faults("Tell me about a recent experience with the simpler if patients. What happened?")
