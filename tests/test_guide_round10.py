"""Tenth round of the question linter (issue 16) and the question-craft feedback: two objects of
one process verb are double-barreled; a question for one figure is closed; an ideal word in an
imagined situation is hypothetical, not leading; look-alike letters (Cyrillic, Greek,
full-width) are read as Latin before any rule (kit.guide.cues10); a trainee's rewrite is
checked for spelling (kit.guide.spelling) and keeps its topic by stem. Questions written for
these tests, in domains of their own (kennels, tyre fitters, choirs, launderettes, ferries)."""
import pytest

from kit.guide import cues10
from kit.guide.checks import _stem, grammar_problems, topic_overlap
from kit.guide.lint import flags_of, lint_question
from kit.guide.spelling import misspellings, spelling_cut
from kit.widgets.guide import score_rewrite


def _flags(text):
    return set(lint_question(text)["flags"])


# -- 1. two objects of one process verb --------------------------------------------------
@pytest.mark.parametrize("text", [
    "How do you handle late pick-ups and sick dogs?",
    "How do you handle cancellations and reschedules?",
    "How do you normally manage puncture repairs and wheel alignments?",
    "How does your team deal with lost tickets and missed sailings?",
    "How do you schedule rehearsals and concerts?",
    "What did you think of the wash cycle and of the dryers?",
    "Was the rota easy to follow and fair?",
    "How did you find last summer's regatta and this summer's ferry race?",
])
def test_two_objects_are_double_barreled(text):
    assert "double-barreled" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "How do you handle terms and conditions?",
    "How do you handle refunds and returns?",
    "How do you balance kennel work and admin?",   # a relational verb takes the pair as one
    "How do you choose between the ferry and the bridge?",
    "How do you track income and expenses?",
    "How do you handle late pick-ups?",
    "How do you handle the salt and pepper pots?",
    "Was the kennel warm?",
    "How did this week's rota compare with last week's?",
])
def test_one_thing_pairs_stay_unflagged(text):
    assert "double-barreled" not in _flags(text), lint_question(text)


def test_two_objects_reason_names_both():
    reason = lint_question("How do you handle late pick-ups and sick dogs?")["reasons"]["double-barreled"]
    assert "late pick-ups" in reason and "sick dogs" in reason


# -- 2. one figure -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "What percentage of tyres are fitted on the same day?",
    "What proportion of your week goes on admin?",
    "Roughly what share of bookings come through the website?",
    "What number of dogs do you board at Christmas?",
    "What's the rate of no-shows at the launderette?",
])
def test_one_figure_is_closed(text):
    assert "closed" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "What happened to the rate card after the price rise?",
    "Tell me about the last time you changed the number of staff on a shift.",
])
def test_figure_words_elsewhere_are_not_closed(text):
    assert "closed" not in _flags(text), lint_question(text)


# -- 3. imagined ideals ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Imagine you had a perfect kennel booking system - what would it do?",
    "Picture your ideal ferry timetable. What would it look like?",
    "Suppose you had a dream rota, how would your week change?",
    "Pretend the launderette had a perfect app. What would you use it for?",
])
def test_imagined_ideal_is_hypothetical_not_leading(text):
    flags = _flags(text)
    assert "hypothetical" in flags and "leading" not in flags, lint_question(text)


def test_imagined_praise_of_our_product_stays_leading():
    flags = _flags("Imagine our perfect booking app in your kennel - what would it do for you?")
    assert {"leading", "hypothetical"} <= flags


# -- 4. look-alike letters ---------------------------------------------------------------
LATIN = ["Don't you think the tyre fitting is too slow?", "Would you use a faster booking tool?",
         "Do you always pay late and why?", "How do you handle cancellations and reschedules?"]
_CYR = str.maketrans({"o": "\u043e", "a": "\u0430", "e": "\u0435", "c": "\u0441", "p": "\u0440"})
_GREEK = str.maketrans({"o": "\u03bf", "u": "\u03c5", "i": "\u03b9", "T": "\u03a4"})


@pytest.mark.parametrize("text", LATIN)
@pytest.mark.parametrize("form", ["cyrillic", "greek", "fullwidth"])
def test_look_alike_letters_get_the_latin_flags(text, form):
    if form == "cyrillic":
        odd = text.translate(_CYR)
    elif form == "greek":
        odd = text.translate(_GREEK)
    else:
        odd = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    assert odd != text and flags_of(text)
    assert flags_of(odd) == flags_of(text), (odd, lint_question(odd))


def test_fold_leaves_other_scripts_alone():
    russian = "\u0412\u044b \u0437\u0430\u043f\u0438\u0441\u044b\u0432\u0430\u0435\u0442\u0435\u0441\u044c \u043e\u043d\u043b\u0430\u0439\u043d?"
    assert cues10.fold_confusables(russian) == russian
    assert cues10.fold_confusables("D\u043en't y\u043eu") == "Don't you"
    assert cues10.fold_confusables("caf\u00e9 na\u00efve") == "caf\u00e9 na\u00efve"  # accents stay


def test_rewrite_of_look_alike_question_is_latin():
    r = lint_question("W\u043euld y\u043eu use a faster b\u043e\u043eking t\u043e\u043el?")
    assert r["suggestion"] and r["suggestion"].isascii()


# -- 6. question-craft feedback ----------------------------------------------------------
def test_request_message_says_what_to_do():
    problems = grammar_problems("Tell me about the last time a dog was collected late?")
    assert any("full stop, not a question mark" in p for p in problems)
    assert not any("full stop" in p for p in grammar_problems("Tell me about the last time a dog was collected late."))


def test_misspellings_named_with_suggestions():
    got = misspellings("Tell me abot the last time a clinet missed there appointment.",
                       "How often do clients miss their appointments?")
    assert [m["word"] for m in got] == ["abot", "clinet"]
    assert [m["suggestion"] for m in got] == ["about", "client"]


@pytest.mark.parametrize("rewrite,original", [
    ("Tell me about the last time a client no-showed and Rosa rebooked them on WhatsApp.", ""),
    ("Walk me through the last time you organised the rota at the GP centre.", ""),
    ("Tell me about the last time the wiggly-pump jammed.", "Does the wiggly-pump jam?"),
    ("Tell me about the last time you travelled with the colour printer.", ""),
])
def test_names_original_words_and_british_spellings_are_not_misspellings(rewrite, original):
    assert misspellings(rewrite, original) == []


def test_misspelt_rewrite_loses_points_and_says_why():
    question = "How often do clients miss their appointments?"
    clean = score_rewrite(question, "Tell me about the last time a client missed their appointment.")
    typo = score_rewrite(question, "Tell me abot the last time a clinet missed there appointment.")
    assert clean["score"] == 100 and clean["spelling"] == []
    assert typo["spelling"] == ["abot", "clinet"]
    assert typo["score"] == 100 - spelling_cut([{}, {}]) < 100
    assert "'abot' (about?)" in typo["verdict"] and "'clinet' (client?)" in typo["verdict"]


def test_topic_kept_by_stem():
    assert _stem("no-showed") == _stem("no-show") == _stem("no-shows")
    assert _stem("booking") == _stem("book")
    assert topic_overlap("How often do clients no-show?", "Tell me about the last time a client no-showed.") == 1.0
    assert topic_overlap("Do you book the kennel online?", "Tell me about your last online booking for the kennel.") == 1.0
    assert topic_overlap("How often do clients no-show?", "Tell me about the last time you washed a duvet.") == 0.0


# -- 5. a figure, then a second closed question ------------------------------------------
@pytest.mark.parametrize("text", [
    "How often do you re-tread a tyre, and how much does it cost you?",
    "How many dogs do you board in August, and do you ever turn any away?",
    "How often does the choir meet and how long do rehearsals last?",
])
def test_figure_then_closed_clause_is_closed(text):
    assert "closed" in _flags(text), lint_question(text)


@pytest.mark.parametrize("text", [
    "How did you choose the tyre supplier and how much did the first order cost?",
    "What did you wash first, and how long did the dryer take?",
    "How often do you clean the kennels, and what do you use?",
])
def test_open_clause_keeps_the_question_open(text):
    assert "closed" not in _flags(text), lint_question(text)
