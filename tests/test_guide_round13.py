"""Round 13 of the question linter (issue 16): the question word and what it asks for.

Questions written for this round in domains of their own (not taken from any labelled set),
with the hard negatives the earlier rounds settled."""
from __future__ import annotations

import pytest

from kit.guide import grammar_problems, lint_question, topic_overlap
from kit.guide.cues13 import one_fact_story


def _flags(text: str) -> set[str]:
    return set(lint_question(text)["flags"])


@pytest.mark.parametrize("text", [
    "When did you last renew your insurance?",             # a point in time: the last occasion
    "so when did u last top up your travel card",           # spoken, unpunctuated
    "When was the last time you bled the radiators?",
    "When's your next check-up at the optician?",
    "Who did you book the removal van with?",               # a person: the participant chose
    "who did you end up going with for the roof",
    "Who was your contact at the letting agency?",
    "And which app did they send it through?",               # a pick, with a lead word
    "Which did you choose in the end?",
    "What brand of printer was it?",                        # a named fact
    "What bank are you with?",
    "What model of hearing aid do you wear?",
    "What was the total on the invoice?",
    "What's the name of the plugin you installed?",
    "What did the valuation cost?",                         # an amount
    "How big is your allotment plot?",                      # a figure
    "How much was the deposit on the flat?",
])
def test_the_question_word_asks_one_fact(text):
    assert "closed" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "Who fitted the new lenses?",                           # "who" + a verb: open in the sets (round 11)
    "Who else was involved when you moved the servers?",    # a list of people
    "Who did you call when the boiler flooded the kitchen?",  # a person inside an episode: a probe
    "When did you first notice the damp in the bedroom?",   # the start of a story, not a date
    "When the van broke down, what did you do?",            # a when-clause: judged by its main clause
    "Where did it all go wrong with the builder?",
    "Which part of the checkout did you find confusing?",   # a judgement, not a pick ("find")
    "What was the hardest part of moving the stock?",
    "What's your ideal class size?",                        # imagined: judged by the earlier rounds
    "How big a difference did the new boiler make?",        # a degree, not a figure
    "Who did you speak to about the refund, and what did they say?",  # a second, open ask
    "When did you last swap suppliers, and why?",
    "Tell me about the last time you renewed your insurance.",
])
def test_not_one_fact(text):
    assert "closed" not in _flags(text), lint_question(text)


@pytest.mark.parametrize("text, story", [
    ("When did you last renew your insurance?", "Tell me about the last time you renewed your insurance. What happened?"),
    ("When was the last time you bled the radiators?",
     "Tell me about the last time you bled the radiators. What happened?"),
    ("Who did you book it with?", "Tell me about the last time you booked it. What happened?"),
    ("Which supplier did you go with in the end?", "Tell me about the last time you went with the supplier. What happened?"),
    ("Which van did you end up hiring?", "Tell me about the last time you hired the van. What happened?"),
    ("Which kayak did you rent for the race?", "Tell me about the last time you rented the kayak for the race. What happened?"),
])
def test_the_rewrite_keeps_the_verb_phrase(text, story):
    assert one_fact_story(text) == story
    got = lint_question(text)
    assert got["suggestion"] == story, got
    assert not grammar_problems(story)
    assert topic_overlap(text, story) >= 0.5  # "end up", "in the end" are not the topic
    assert not lint_question(story)["flags"]


@pytest.mark.parametrize("text", [
    "Who fitted the new lenses?",        # no shape of this round
    "When did you last, honestly, check it?",
])
def test_no_story_without_a_plain_verb_phrase(text):
    assert one_fact_story(text) == "" or "," not in one_fact_story(text)


def test_every_new_flag_has_a_clean_rewrite_on_topic():
    for text in ["What brand of printer was it?", "What bank are you with?", "How big is your allotment plot?",
                 "What did the valuation cost?", "And which app did they send it through?"]:
        got = lint_question(text)
        assert "closed" in got["flags"]
        assert got["suggestion"] and not grammar_problems(got["suggestion"]), got
        assert not lint_question(got["suggestion"])["flags"], got
        assert topic_overlap(text, got["suggestion"]) >= 0.5, got


# --------------------------------------------------------------------------------------
# Final increment: prefaces and embedded questions, spoken proposals, "which is the most",
# "your process for" (questions written for this round; hard negatives from the real corpus's style)
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, plain", [
    ("Just to level-set, how many boxes does your depot ship a day?", "How many boxes does your depot ship a day?"),
    ("Help me understand your timeline - when do you need the scaffolding up?", "When do you need the scaffolding up?"),
    ("Help me understand what that outage cost you.", "What did that outage cost you?"),
    ("I'm curious whether you've ever had a claim refused.", "Have you ever had a claim refused?"),
    ("I'm curious how you feel about the new tariff.", "How do you feel about the new tariff?"),
    ("Help me understand how satisfied you are with the cleaners.", "How satisfied are you with the cleaners?"),
    ("Tell me about the last time you moved house.", "Tell me about the last time you moved house."),
])
def test_the_question_behind_a_preface(text, plain):
    from kit.guide.cues13 import unembed

    assert unembed(text) == plain


@pytest.mark.parametrize("text, flag", [
    ("Just to level-set, how many boxes does your depot ship a day?", "generalizing"),
    ("Help me understand what that outage cost you.", "closed"),
    ("I'm curious whether you've ever had a claim refused.", "closed"),
    ("I'm curious how you feel about the new tariff.", "generalizing"),
    ("and how often do you get the chimney swept is it like every year or", "closed"),   # trails off in "or"
    ("what do you think of estate agents in general like do you trust them", "closed"),
    ("how do you usually pay the window cleaner, is it cash or transfer", "closed"),
    ("how often do you go to the allotment, like once a week", "closed"),
    ("so the move went smoothly right", "closed"),
    ("Which is the most tiring part when you prepare the stall?", "generalizing"),      # "which" for "what"
    ("Talk me through your process for pricing a commission.", "generalizing"),
])
def test_final_increment_kinds(text, flag):
    assert flag in _flags(text), lint_question(text)


@pytest.mark.parametrize("text, flag", [
    ("What concerns, if any, do you have about the new rota?", "closed"),       # an aside, not a proposal
    ("What made the booking so painless, do you think?", "closed"),             # a parenthetical "do you think"
    ("Which is the most tiring part when you prepare the stall?", "closed"),    # a judgement, not a pick
    ("Walk me through how the AI fits into your creative process for a project like that.", "generalizing"),
    ("Has your approach to pricing changed at all?", "generalizing"),
    ("Help me understand what happened next.", "closed"),
])
def test_final_increment_hard_negatives(text, flag):
    assert flag not in _flags(text), lint_question(text)


def test_new_flags_get_a_clean_rewrite():
    for text in ["Help me understand what that outage cost you.", "how often do you go to the allotment, like once a week",
                 "Talk me through your process for pricing a commission."]:
        got = lint_question(text)
        assert got["suggestion"] and not grammar_problems(got["suggestion"]), got
        assert not lint_question(got["suggestion"])["flags"], got
