"""Eleventh round of the question linter (issue 16): spoken and typed voices read as clean text,
the asked clause judged apart from a pitch before it, and the grammar of the faults the
independent sets blind13-17 missed (kit.guide.cues11). Questions written for these tests, in
domains of their own (bike couriers, opticians, allotments, ferries, choirs, dog groomers,
libraries, ski hire, print shops), with hard negatives that must stay unflagged."""
import pytest

from kit.guide import cues11
from kit.guide.lint import lint_question


def _flags(text):
    return set(lint_question(text)["flags"])


# -- 1. voices: capitals, text-speak, fillers ---------------------------------------------
@pytest.mark.parametrize("text, clean", [
    ("WHAT DO YOU USUALLY ORDER AT THE PRINT SHOP", "what do you usually order at the print shop"),
    ("whats the hardest bit of ur week", "what's the hardest bit of your week"),
    ("Um, so, like, what happened next?", "So what happened next?"),
    ("Erm, sorry, just going back - who fitted the lenses?", "Who fitted the lenses?"),
    ("Uh, sorry, so, just going back - who fitted the lenses?", "Who fitted the lenses?"),
    ("as u prob know the ferry moved berth", "as u probably know the ferry moved berth"),
])
def test_voices_are_read_as_clean_text(text, clean):
    assert cues11.normalise(text).lower() == clean.lower()


@pytest.mark.parametrize("text", [
    "Tell me about the last time you hired skis.",
    "The ID card reader - when did it last fail?",   # capitals inside a normal sentence stay
    "Like I said, the ferry was late.",
    "What did the ER nurse tell you about the ski injury?",  # "ER" in capitals is an acronym
    "whats the main prob with the library app".replace("whats", "what's"),  # "prob" as a problem stays
])
def test_clean_text_is_left_alone(text):
    assert cues11.normalise(text) == text


@pytest.mark.parametrize("text, flag", [
    ("HOW DO YOU USUALLY BOOK A GROOMING SLOT", "generalizing"),
    ("whats the worst bit of ur commute", "generalizing"),
    ("so um how much did the ferry ticket end up costing you", "closed"),
    ("Sooo, uh, how are you finding the late library hours?", "generalizing"),
])
def test_voices_get_the_flags_of_their_clean_form(text, flag):
    assert flag in _flags(text), lint_question(text)


# -- 2. the asked clause after a pitch or an aside ------------------------------------------
@pytest.mark.parametrize("text, flag", [
    ("Our couriers have had brilliant reviews this year, how are you finding the new app?", "generalizing"),
    ("We rebuilt the choir's booking page from scratch, which singers are raving about, would you "
     "consider booking online?", "closed"),
    ("What do you usually do when the ski lockers are full - which I gather is a real pain?", "generalizing"),
])
def test_the_asked_clause_is_judged_alone(text, flag):
    assert flag in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "You said the lenses came back scratched - how did the shop put it right?",  # one past occasion
    "When you last hired skis, how did you choose the length?",                 # a subordinate clause
    "We've just put new lights on the allotment paths, how reassuring is that for you?",  # "that"
])
def test_the_asked_clause_keeps_its_anchor(text):
    assert "generalizing" not in _flags(text), lint_question(text)


# -- 3. one fact -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "In a scale from 1 to 5, how clear was the eye test?",
    "How would you score the grooming out of ten?",
    "How tidy was the print shop? (1 = very messy, 5 = very tidy)",
    "Please rate the following from 1 to 5: price, speed, friendliness.",
    "Describe the choir leader in three words.",
    "How much did the puncture end up costing you?",
    "If the ferry had been cancelled, how much would a refund have been worth to you?",
    "Since when do you use the library app?",
    "What's the longest you've ever waited for a courier?",
    "What's the best paint you've ever bought from us?",
    "How do you normally pay for grooming - cash, card, bank transfer?",
    "Tell me how you book the hall each week, phone or email?",
    "If the ferry left at nine, you could make the connection?",
    "When you collected the skis, was necessary to sign a waiver?",
    "How soon did the courier turn up and how long did the delivery take?",  # each clause one fact
])
def test_one_fact_is_closed(text):
    assert "closed" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "Is there anything else you'd like to tell me?",
    "is there anything else you would like to add",
    "Before we finish, is there anything else you want to share?",
    "How did you choose the courier, and how much did you pay?",  # an open first clause
    "How much easier was the second booking?",                    # a degree, not an amount
    "Who fitted the new lenses?",                                  # "who" is open in the sets
    "How likely are you to come back to the choir next term?",     # no scale: not closed in the sets
    "Describe the fall in a few words, and then we'll go through it step by step.",
])
def test_not_one_fact(text):
    assert "closed" not in _flags(text), lint_question(text)


def test_closer_with_a_topic_stays_closed():
    assert "closed" in _flags("Is there anything else about the ferry trip you want to tell me?")


# -- 4. the general case ---------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "What problems are you facing with the allotment water supply?",
    "You are enjoying the Thursday rehearsals, yes?",
    "How has joining the choir changed your weekends?",
    "How much has the new till cut your queue times?",
    "How many prints a week does the shop run?",
    "How confident do you feel riding in traffic?",
    "Do you feel more relaxed since moving your dog to us?",
    "What keeps you coming to the library on Saturdays?",
    "What did you borrow last week, and how do you feel about the library overall?",
    "How much time does the route planner save your riders?",
    "Which of our frames do you find most comfortable?",
])
def test_present_habits_and_opinions_are_generalizing(text):
    assert "generalizing" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "What are you planning to grow next season?",            # a plan, not a habit
    "How has the way you book classes changed over the years?",  # the subject changed, no object
    "How many rides a week do you think you'd do with an e-bike?",  # an estimate
    "How did you feel when the grooming was finished?",      # one past occasion
    "How did the first week go, and what did you learn?",
    "How much time do you think a booking app would save you?",
    "You are coming from the ferry terminal, is that right?",     # a place, not a habit
    "How has the storm changed your plans for this weekend?",     # one occasion
])
def test_not_generalizing(text):
    assert "generalizing" not in _flags(text), lint_question(text)


def test_change_taken_for_granted_is_leading_too():
    assert {"leading", "generalizing"} <= _flags("How has having a locker changed your commute?")


# -- 5. leading ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Given how much time our courier app saves, what do you do with the extra hour?",
    "Now that the new till saves you the queue, how did you spend your lunch break?",
    "We've launched a premium grooming package, which owners absolutely love, would you try it?",
    "The library's new self-checkout makes borrowing painless - how did you get on with it?",
    "How did you feel when the ferry finally left?",
    "How much of a relief was the new allotment gate?",
])
def test_benefit_or_delay_taken_for_granted_is_leading(text):
    assert "leading" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "Tell me about the last time a courier delivered late.",      # a problem in a story: the sets say not leading
    "When the ferry was cancelled, what did you do?",
    "What usually goes wrong with ski bindings?",                 # generalizing, not leading
    "Since you joined the choir, how have your Thursdays changed?",
    "The shop opens at nine - what time did you arrive?",
    "The app makes it easy to forget a payment - tell me about the last time that happened.",
])
def test_not_leading(text):
    assert "leading" not in _flags(text), lint_question(text)


# -- 6. double-barreled ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Did you renew online, and did anyone help you?",
    "Tell me how the groomer handled it, and whether you'd go back.",
    "How do your librarian and your volunteer each use the booking sheet?",
    "Tell me about measuring the window and ordering the blinds.",
    "Please rate these: the lenses, the frames, the fitting.",
])
def test_two_asks_are_double_barreled(text):
    assert "double-barreled" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "Tell me about the last time you rode through town - where were you and what happened?",
    "Can you think of a time the ferry was full? What happened then?",
    "If you could wave a magic wand and fix one thing about the allotments, what would it be?",
    "Tell me about the last time you had to find a toilet while you were out and about.",
    "What happened when the kennel and the van both broke down?",
])
def test_one_ask_stays_single(text):
    assert "double-barreled" not in _flags(text), lint_question(text)


def test_a_second_question_after_why_stays_double():
    assert "double-barreled" in _flags("Why did you switch groomers and what happened?")
