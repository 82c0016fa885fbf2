"""Thirteenth-round rewrites (issue 16 item 3, session 8): the topic measure reads the question's
topic, not its machinery, and rewrites keep the kinds of topic they lost (kit.guide.retell13).
Every question here was written for this test."""
from __future__ import annotations

import pytest

from kit.guide import grammar_problems, lint_question, topic_overlap
from kit.guide.checks import _lemmas
from kit.guide.retell11 import topic_words
from kit.guide.retell13 import agree, invariant_past, restore_you, second_ask, two_asks


def _topic(question: str) -> set[str]:
    return set(topic_words(question, _lemmas)[0])


# ------------------------------------------------------------------ the measure


@pytest.mark.parametrize("question,machinery,kept", [
    # adverbs of time, place and degree: the story is in the past, "tomorrow" and "now" go
    ("Would you still come back to the gym tomorrow?", {"still", "back", "tomorrow"}, {"gym"}),
    ("Is the queue shorter there now?", {"there", "now"}, {"queue"}),
    # determiner-like adjectives and number words
    ("Would you recommend our chemicals to other wash owners?", {"other"}, {"chemical", "owner"}),
    ("Suppose you hired ten more people next month, how would payroll change?", {"ten", "month"}, {"payroll"}),
    # units of time, as "day" and "week" already were
    ("How many picks per hour does your team hit?", {"hour"}, {"pick"}),
    # the measure word of a one-figure question, as "how many"
    ("How long did the repair take?", {"long"}, {"repair"}),
    ("How far did you drive to the depot?", {"far"}, {"drive", "depot"}),
    # "look like", "let's say"
    ("What does a normal Monday look like in the workshop?", {"look"}, {"workshop"}),
    ("Let's say the printer jams, who fixes it?", {"let"}, {"printer", "jam"}),
    # judging words that the noun table also lists ("goods")
    ("Was the jollof rice at the stall any good?", {"good"}, {"rice", "stall"}),
    # reflexive and indefinite pronouns, "as well", "on a scale of", "how likely", "make sense"
    ("Imagine the mill ran itself for a week, what would you do?", {"itself"}, {"mill"}),
    ("If we could supply a conductor as well, would you book one?", {"well"}, {"conductor", "book"}),
    ("On a scale of 1 to 10, how likely are you to renew the plan?", {"scale", "likely"}, {"renew", "plan"}),
    ("Wouldn't it make sense to consolidate your packaging?", {"sense"}, {"consolidate", "package"}),
    ("What does rostering look like when it comes to the guards?", {"come", "look"}, {"roster", "guard"}),
    ("Did you feel judged at any point during that appointment?", {"point"}, {"judge", "appointment"}),
    ("Going forward, what reports would you want from the portal?", {"forward"}, {"report", "portal"}),
])
def test_machinery_is_not_topic(question, machinery, kept):
    topic = _topic(question)
    assert not topic & machinery, topic
    assert kept <= topic, topic


def test_a_long_queue_keeps_long_when_how_long_is_also_asked():
    # "long" is machinery only when the question says it once, in "how long"
    assert "long" in _topic("How long did you wait in the long queue at the post office?")


def test_machinery_counts_when_it_is_all_the_question_has():
    # "What does a typical week look like?" keeps "look": the generic story does not keep its topic
    assert _topic("What does a typical week look like for you?") == {"look"}
    assert topic_overlap("What does a typical week look like for you?",
                         "Tell me about the last time this came up for you. What happened?") == 0.0


def test_an_irregular_past_is_kept_in_any_form():
    q = "What happened when the courier came late?"
    assert "come" in _topic(q)
    assert topic_overlap(q, "Tell me about the last time the courier came late. What happened?") == 1.0
    assert topic_overlap("Why did the pump run dry?", "Tell me about the last time the pump ran dry.") == 1.0


def test_the_measure_still_fails_an_unrelated_rewrite():
    q = "How long did the boiler repair take?"
    assert topic_overlap(q, "Tell me about the last time you went to the gym. What happened?") == 0.0
    assert topic_overlap(q, "Tell me about the last time you had the boiler repaired. What happened?") == 1.0


# ------------------------------------------------------------------ the grammar check


@pytest.mark.parametrize("verb", ["reset", "split", "upset", "shed", "spread"])
def test_an_invariant_past_is_a_past_tense(verb):
    assert invariant_past(verb)
    assert grammar_problems(f"Tell me about the last time you {verb} the rota. What happened?") == []


def test_a_base_form_is_still_not_a_past():
    assert not invariant_past("book")
    assert grammar_problems("Tell me about the last time you book the room. What happened?")


def test_generalizing_with_an_invariant_verb_keeps_the_verb():
    r = lint_question("How do you usually reset a room between groups?")
    assert r["suggestion"].startswith("Tell me about the last time you reset a room between groups.")


# ------------------------------------------------------------------ two asks


def test_second_ask_of_two_clauses():
    assert second_ask("How long did the repair take and how much did you charge?") == "How much did you charge?"
    assert second_ask("Tell me about the last time a grower disputed the yield - and separately, how did the "
                      "last inspection go?") == "How did the last inspection go?"
    assert second_ask("What did you order, and what else?") is None  # a probe on the same thing
    assert second_ask("How did you pick the venue?") is None


def test_second_ask_names_the_one():
    first, second = two_asks("tell me about the last customer who paid late, and the last one who asked for a discount")
    assert first == "Tell me about the last customer who paid late."
    assert second == "Tell me about the last customer who asked for a discount."


def test_two_occasions_and_two_things_asked_about():
    assert two_asks("Tell me about the bundle you got in March and the one you got in June") == (
        "Tell me about the bundle you got in March.", "Tell me about the bundle you got in June.")
    assert second_ask("Tell me about your first appointment and about the phone follow-up a month later.") == \
        "Tell me about the phone follow-up a month later."


def test_an_embedded_second_ask_becomes_a_request():
    assert second_ask("Tell me about a time the shelf was empty, and also what you think of our opening hours.") == \
        "Tell me what you think of our opening hours."


@pytest.mark.parametrize("question,first,then", [
    ("tell me about the last customer who paid late, and the last one who asked for a discount",
     "Tell me about the last customer who paid late.", "the last customer who asked for a discount"),
    ("Tell me about the last time a grower disputed the yield - and separately, how did the last inspection go?",
     "the last time a grower disputed the yield", "How did the last inspection go?"),
    ("What happened when the customer disputed the invoice, and how do you handle disputes in general?",
     "the last time the customer disputed the invoice", "the last time you handled disputes"),
])
def test_a_double_barreled_rewrite_says_how_to_ask_the_other_part(question, first, then):
    r = lint_question(question)
    assert "double-barreled" in r["flags"]
    story, sep, follow = r["suggestion"].partition(" Then ask separately: ")
    assert sep and first in story and then in follow
    assert not lint_question(story)["flags"] and not lint_question(follow)["flags"]
    assert grammar_problems(r["suggestion"]) == []


# ------------------------------------------------------------------ the story's own clause


def test_for_you_is_kept_when_someone_else_did_it():
    r = lint_question("How often does your manager cover shifts for you?")
    assert r["suggestion"].startswith("Tell me about the last time your manager covered shifts for you.")
    r = lint_question("Does the app usually send reminders to you?")
    assert "the app sent reminders to you." in r["suggestion"]
    # the participant's own act is not "for you"
    assert restore_you("How often do you cover shifts for you?",
                       "Tell me about the last time you covered shifts. What happened?") == \
        "Tell me about the last time you covered shifts. What happened?"


def test_a_when_clause_in_a_past_story_is_past():
    assert agree("Tell me about the last time you thanked your manager when she covers shifts. How did it go?") == \
        "Tell me about the last time you thanked your manager when she covered shifts. How did it go?"
    assert agree("Tell me about the last time you waited when they open late. What happened?") == \
        "Tell me about the last time you waited when they opened late. What happened?"
    same = "Tell me about the last time you called when the line is busy. What happened?"
    assert agree(same) == same  # "is" is left to the grammar check


# ------------------------------------------------------------------ the question's own clause


@pytest.mark.parametrize("question,story", [
    # the consequence of a condition, the imagined thing as "something like" it
    ("If we offered duck eggs, would you put them on the menu?",
     "Tell me about the last time you put something like duck eggs on the menu."),
    ("If the clinic offered house calls, would you sign up?",
     "Tell me about the last time you signed up for something like house calls."),
    # a when-clause as the event
    ("What happens on a hot bank holiday when you run out of a flavour?",
     "Tell me about the last time you ran out of a flavour on a hot bank holiday."),
])
def test_the_question_own_clause_is_the_story(question, story):
    r = lint_question(question)
    assert r["flags"] and r["suggestion"].startswith(story)
    assert topic_overlap(question, r["suggestion"]) >= 0.6
    assert not lint_question(r["suggestion"].partition(" Then ask separately: ")[0])["flags"]


def test_an_option_is_never_told_as_what_happened():
    # "by card or by transfer": neither option is put back as the story's phrase
    r = lint_question("Did you pay the deposit by card or by transfer?")
    assert "by transfer" not in r["suggestion"] and "by card" not in r["suggestion"]


def test_no_broken_consequence_story():
    # "bought for something like local produce", "changed about the way you book travel" are not English
    for question in ("Let's say the shop stocked local produce. What would you buy?",
                     "What's one thing you'd change about the way you book travel?"):
        got = lint_question(question)["suggestion"]
        assert "bought for something" not in got and "changed about" not in got
