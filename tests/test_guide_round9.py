"""Ninth round of the question linter (issue 16): a present-tense overall opinion of something
ongoing is generalizing; presupposing a problem, benefit or feeling is leading; procedural
preambles, polite requests, choices, conditions, reciprocal acts and one occasion told in two
clauses carry no flag of their own (kit.guide.cues9). Questions written for these tests, in
domains of their own (harbour ferries, dog groomers, allotments, piano lessons, bin rounds ...)."""
import pytest

from kit.guide import cues9
from kit.guide.lint import lint_question


def _flags(text):
    return set(lint_question(text)["flags"])


@pytest.mark.parametrize("text", [
    "How do you find the new ferry timetable?",
    "What do you love about the allotment society?",
    "What do members think of the new grooming salon?",
    "How pleased are you with the piano teacher?",
    "How reliable is the bin collection on your street?",
    "How's the coffee and the wifi at the co-working space?",
    "What's it like sharing a kitchen with four lodgers?",
    "WHAT'S IT LIKE RUNNING A STALL IN JANUARY",
    "How much calmer does the clinic feel since the refit?",
    "How well does the booking page work for you?",
])
def test_present_overall_opinion_is_generalizing(text):
    assert "generalizing" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "Is the grooming app intuitive?",
    "Are the ferry cabins comfortable?",
    "Is the parking permit a hassle for you?",
    "Do the volunteers get enough support?",
])
def test_present_yes_no_judgement_is_closed_and_generalizing(text):
    assert {"closed", "generalizing"} <= _flags(text), lint_question(text)


def test_change_of_practice_is_leading_and_generalizing():
    flags = _flags("How has the shared calendar changed the way you plan lessons?")
    assert {"leading", "generalizing"} <= flags


@pytest.mark.parametrize("text", [
    "What happens at the stall when it starts to rain?",
    "What's the first thing you check when you open the workshop?",
    "Do you sweep the yard before the lorries arrive, and do you lock the gate yourself?",
])
def test_present_clause_with_when_or_before_is_generalizing(text):
    assert "generalizing" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "How did you find the new ferry timetable the first time you used it?",  # one past occasion
    "How do you feel about that?",  # a follow-up about what was just said
    "What did you think of the grooming salon last week?",
    "Is your lease fixed-term or rolling?",  # a fact, an either-or
    "What do you think would happen if the ferry stopped running?",
    "Tell me about the last time you used the booking page.",
    "How much quicker do you think a new kiosk would be?",  # an estimate, not an opinion of now
])
def test_not_an_overall_opinion(text):
    assert "generalizing" not in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "When did you first notice the damp in the spare room?",
    "When did the parents start complaining about the lesson times?",
    "How much time does the new rota save you?",
    "How long did the mower run before it broke down again?",
    "How much has your water bill come down since the meter went in?",
    "After all the upgrades we have made to the pontoon, how did the crossing go?",
    "How did you find our friendly, experienced groomers?",
    "I gather the teacher was very encouraging with your son. How did the first lesson go?",
    "Our kiosk is the industry standard for ticketing. What did you think when you first used it?",
    "Our yard has the only dry dock on this coast. How did the repair go?",
    "So the new rota fixed the weekend gaps?",
    "Tell me about the allotment rules you were given - what was confusing about them?",
])
def test_presupposition_is_leading(text):
    assert "leading" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "When did you first hear about the allotment society?",  # how they heard: no problem taken for granted
    "How much time do you think a new rota would save you?",  # an estimate: hypothetical, not a claim
    "So you went back the next morning?",  # a fact to confirm, no conclusion
    "Research shows groomers earn more in spring. How has spring been for you?",
])
def test_presupposition_hard_negatives(text):
    r = lint_question(text)
    if text.startswith("Research"):
        assert "leading" in r["flags"]  # a claim about research is no procedural preamble
    else:
        assert "leading" not in r["flags"], r


@pytest.mark.parametrize("text", [
    "Before we start, I should explain that this interview is recorded and the recording is deleted once it has "
    "been transcribed. With that in mind, could you tell me about the last time the ferry was cancelled?",
    "Thank you for agreeing to take part. I'm required to let you know that your answers are anonymised and that you "
    "can stop at any point. Now, can you take me back to the last time you renewed your plot?",
    "As part of the council's review of the bin rounds, and in line with the privacy notice, I would be grateful if "
    "you could tell me about the last collection that was missed.",
])
def test_procedural_preamble_and_polite_request_carry_no_flag(text):
    assert lint_question(text)["flags"] == [], lint_question(text)


def test_procedural_preamble_does_not_hide_praise():
    text = ("Before we start, I should explain that this session is recorded. Our award-winning groomers "
            "are the best in town. How did the last trim go?")
    assert "leading" in _flags(text)


@pytest.mark.parametrize("text", [
    "If the council had a complaints line, would you use it?",
    "Suppose the ferry broke down tomorrow. Who would you ring first?",
    "How quickly did the surgery call you back?",
    "Say you were choosing the next piece for the recital - which piece would you pick?",
    "How many groomers were on shift that day, and who trained them?",
])
def test_one_answer_is_closed(text):
    assert "closed" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "Would you prefer a morning or an evening lesson?",  # a choice: closed, one question
    "Do you usually pay by card or in cash?",
    "If we combined the permit form and the parking map into one leaflet, would that be easier?",
    "What happened when the skipper and the harbour master disagreed about the tide?",
    "Walk me through the day your mother was discharged and needed a lift home.",
    "Tell me about the time the ferry was cancelled and what the crew did.",
    "Describe a time when a dog bit a groomer and how you handled it.",
])
def test_one_question_despite_and_or(text):
    assert "double-barreled" not in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "Was the cabin clean and the bar well stocked when you boarded?",
    "Did your husband enjoy the recital as much as you did?",
    "Tell me about the last time you weeded the beds and watered the greenhouse.",  # two tasks
    "Tell me about the last time you booked a trim, and what you paid for it.",
    "What happened the last time the ferry was late, and what did you do the last time it was cancelled?",
    "Did you rebook the lesson or ask for a refund?",  # the project's convention for a past either-or
])
def test_still_double_barreled(text):
    assert "double-barreled" in _flags(text), lint_question(text)


def test_readable_core_drops_only_procedural_sentences():
    sents = ["Thank you for your time.", "Our groomers are the friendliest in town.", "How did the trim go?"]
    assert cues9.readable_core(sents) == sents[1:]
    assert cues9.readable_core(["How did the trim go?"]) == ["How did the trim go?"]
    assert cues9.readable_core(["Colleagues asked me to check: do owners book online?"]) == \
        ["Colleagues asked me to check.", "do owners book online?"]


@pytest.mark.parametrize("text", [
    "How are you finding the new allotment rota?",
    "What are your thoughts on the ferry's new booking rules?",
    "How would you describe the service at the grooming salon?",
    "How does the new bin round compare with the old one?",
    "Is the shared calendar working for you?",
])
def test_overall_opinion_in_other_clause_shapes(text):
    assert "generalizing" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "Why did the ticket machine keep freezing?",
    "When did the hinge start squeaking?",
    "When did you start to feel the lessons weren't enough?",
    "What benefits have you seen since the rota changed?",
    "How long have you been unhappy with the moorings?",
])
def test_more_presuppositions_are_leading(text):
    assert "leading" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "When you moved plots last spring, how did you find the new one?",  # one past time
    "When did you start using the booking page?",  # the participant's own act
    "What happened when the dog came back from the groomer?",  # "came back" is no problem
])
def test_past_frames_and_plain_events_are_neither(text):
    flags = _flags(text)
    assert "generalizing" not in flags and "leading" not in flags, lint_question(text)


@pytest.mark.parametrize("text", [
    "so how happy r u with the new ferry app",
    "whats it like working with the new harbour master",
    "Is it easy to book a plot?",
    "do you find the grooming app easy to use?",
    "Do you think the lesson fee is fair?",
])
def test_spoken_and_yes_no_opinions_are_generalizing(text):
    assert "generalizing" in _flags(text), lint_question(text)


def test_a_repeated_failure_in_a_before_clause_is_leading():
    assert "leading" in _flags("How long did the new brake pads last before they wore out again?")


@pytest.mark.parametrize("text", [
    "How do you feel about what happened at the allotment meeting?",  # one past event
    "Is the library open at weekends?",  # a fact, not a judgement
])
def test_past_event_or_fact_is_not_an_opinion(text):
    assert "generalizing" not in _flags(text), lint_question(text)
