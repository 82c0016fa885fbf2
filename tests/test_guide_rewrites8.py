"""Suggested rewrites keep the question's topic and read as English (issue 16, item 3, round
8). The kinds of bad rewrite found by reading the rewrites of every flagged question of three
labelled sets by hand: a pitch before a good story question kept in the rewrite's place of the
question itself; a noun or an adjective of the question put in the past tense ("stale
issued", "the portal slowed"); a "What about slow?" follow-up; a lower-case weekday; two noun
phrases glued by a "for" the question never said ("dealt with gardeners for slugs"); an
adjective or a verb of the question read as the thing ("used the pay", "dealt with the
long"). The questions below were written for this test in other domains and voices."""
from __future__ import annotations

import re

import pytest

from kit.guide import flags_of, grammar_problems, lint_question, topic_overlap
from kit.guide.retell8 import bad_object, bare_follow_up, noun_made_verb, own_story, spoken, weekdays
from kit.guide.rewrites import broken


def _main(suggestion: str) -> str:
    return suggestion.partition(" Then ask separately: ")[0]


def _sound(question: str, sug: str) -> None:
    main = _main(sug)
    assert not broken(sug), sug
    assert not grammar_problems(sug), sug
    assert not flags_of(main), sug
    assert not noun_made_verb(question, sug), sug
    assert not bad_object(question, sug), sug
    assert sug.rstrip()[-1] in "?.", sug


# a pitch, then a story question that is fine on its own: the rewrite is that question, with
# "it"/"them" named from the pitch; (question, words the rewrite must keep, pitch words it drops)
PITCHES = [
    ("Everyone in town raves about our bakers - tell me about your last order with them.",
     ["order", "bakers"], ["raves"]),
    ("We rebuilt the tenant portal from scratch, so I can't wait to hear about it - tell me about the last "
     "time you used it.", ["tenant portal", "last time you used"], ["rebuilt", "scratch"]),
    ("Given how hopeless most parcel lockers are, tell me about the last time you collected a parcel.",
     ["collected a parcel"], ["hopeless", "lockers"]),
    ("Our new ferry timetable is a big improvement — walk me through your last crossing.",
     ["crossing"], ["improvement"]),
]


@pytest.mark.parametrize("question,kept,dropped", PITCHES)
def test_a_pitch_before_a_good_question_is_left_out(question, kept, dropped):
    r = lint_question(question)
    assert "leading" in r["flags"], question
    sug = r["suggestion"]
    _sound(question, sug)
    for w in kept:
        assert w in sug, (sug, w)
    for w in dropped:
        assert w not in sug.lower(), (sug, w)
    assert not re.search(r"\b(?:it|them)\b", sug), sug  # the pronoun is named


# the story question itself is leading: its judgement is taken out, its own verb kept
@pytest.mark.parametrize("question,verb,judgement", [
    ("Tell me about the last time you missed a bus because of the useless departure board.",
     "missed a bus", "useless"),
    ("Walk me through the last time the clunky self-service till charged you twice.", "charged you twice",
     "clunky"),
])
def test_a_leading_story_question_keeps_its_own_verb(question, verb, judgement):
    r = lint_question(question)
    assert "leading" in r["flags"], question
    sug = r["suggestion"]
    _sound(question, sug)
    assert verb in sug and judgement not in sug.lower(), sug
    assert own_story(question) and judgement not in own_story(question)[0]


# no noun or adjective of the question comes back as a past-tense verb, nor a weekday in lower case,
# nor an adjective or a verb read as a thing, nor two noun phrases glued with "for"
BAD_KINDS = [
    "honestly wouldn't it be great if the forum just auto-archived stale threads",
    "Don't you find the tram app sluggish?",
    "Did you go to the fire drill briefing on wednesday?",
    "The ferry queue was dreadful on Sunday, wasn't it?",
    "The estimate the roofer sent was reasonable, wasn't it?",
    "Would you trust a robot lawnmower to cut your grass?",
    "If you could renew the permit through the app, would you?",
    "in general how long does a boiler service take",
    "What did the vet and the receptionist tell you about his diet?",
    "What date did the chimney sweep last come round?",
]


@pytest.mark.parametrize("question", BAD_KINDS)
def test_no_broken_kind_in_the_rewrite(question):
    r = lint_question(question)
    assert r["flags"], question
    sug = r["suggestion"]
    _sound(question, sug)
    assert not re.search(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", sug), sug
    assert not re.search(r"\b(?:threaded|sluggished|lasted)\b", sug), sug
    assert not re.search(r"\bwith (?:the |a )?[\w-]+ for (?:the|a|his|her) ", _main(sug)), sug
    assert topic_overlap(question, sug) > 0, sug


def test_double_barreled_follow_up_is_a_noun_phrase():
    q = "Don't you usually find the council tip busy and slow?"
    sug = lint_question(q)["suggestion"]
    _sound(q, sug)
    assert "What about slow" not in sug and "What about busy" not in sug, sug
    assert bare_follow_up("Then ask separately: What about slow?")
    assert bare_follow_up("Then ask separately: What about quick last time?")
    assert bare_follow_up("Then ask separately: What about turn up and what do you do when it rains?")
    assert not bare_follow_up("Then ask separately: What about the packaging?")
    assert not bare_follow_up("Then ask separately: How did you pay?")


@pytest.mark.parametrize("question,words", [
    ("do u ever swap books at the street library", ["swap", "books"]),
    ("would u switch to a cheaper broadband deal if it saved you money", ["switch", "broadband"]),
])
def test_chat_spelling_is_read_as_words(question, words):
    sug = lint_question(question)["suggestion"]
    _sound(question, sug)
    assert not re.search(r"\bu\b", sug), sug
    assert all(w in sug for w in words), sug
    assert topic_overlap(question, sug) >= 0.5, sug


def test_detectors_on_their_own():
    assert noun_made_verb("if the forum auto-archived stale threads", "the forum auto-archived stale threaded")
    assert noun_made_verb("Don't you find the tram app slow?", "the last time the tram app slowed")
    assert noun_made_verb("When did the sweep last visit?", "the last time the sweep lasted visit")
    assert not noun_made_verb("When a pipe bursts, what happens?", "the last time a pipe burst")
    assert not noun_made_verb("Did the plumber fix the tap?", "the last time the plumber fixed the tap")
    assert not noun_made_verb("If we built a tool that files receipts, would you use it?",
                              "the last time you filed receipts")
    assert bad_object("Did you attend the first aid and fire briefing?",
                      "Tell me about the last time you dealt with the first aid for the fire briefing.")
    assert not bad_object("Which caterer did you use for the retirement party?",
                          "Tell me about the last time you dealt with the caterer for the retirement party.")
    assert bad_object("Would you trust a robot to mow?", "Tell me about the last time you used the trust.")
    assert not bad_object("How often do you use the tram app?", "Tell me about the last time you used the tram app.")
    assert spoken("do u know ur balance") == "do you know your balance"
    assert weekdays("on tuesday, a friday and the march in march") == "on Tuesday, a Friday and the march in March"


@pytest.mark.parametrize("question,words", [
    ("How old was the boiler when you first serviced it?", ["serviced the boiler"]),
    ("How do you and your bandmates usually choose the setlist?", ["you and your bandmates chose the setlist"]),
])
def test_pronoun_and_shared_subject_keep_the_topic(question, words):
    r = lint_question(question)
    assert r["flags"], question
    sug = r["suggestion"]
    _sound(question, sug)
    assert all(w in sug for w in words), sug
    assert not re.search(r"\bfirst (?:serviced|chose)\b", sug), sug
    assert topic_overlap(question, sug) >= 0.5, sug


def test_a_comparison_keeps_its_more_and_its_article():
    q = "Do you usually arrive at the ferry more than an hour early?"
    sug = lint_question(q)["suggestion"]
    _sound(q, sug)
    assert "arrived at the ferry more than an hour early" in sug, sug


@pytest.mark.parametrize("question,word", [
    ("Frozen berries are better value than fresh ones, aren't they", "Frozen"),
    ("Refill pouches are better value than new bottles, aren't they", "Refill"),
])
def test_the_first_word_is_not_capitalised_inside_the_rewrite(question, word):
    sug = lint_question(question)["suggestion"]
    _sound(question, sug)
    assert not re.search(rf"(?<=[a-z] ){word}\b", sug), sug
    assert word.lower() in sug, sug


def test_a_time_word_is_no_object():
    assert bad_object("What do families ask the vicar first?", "Tell me about the last time you dealt with the vicar first.")
    assert bad_object("How long does a boiler service last?", "Tell me about the last time you dealt with a boiler service last.")
