"""An attacker's questions typed with tabs, no-break or thin spaces, or full-width signs:
the same flags and the same rewrite as with plain spaces (kit.guide.lint.readable)."""
import pytest

from kit.guide import lint_question

PLAIN = ["Do you prefer email or text reminders?",
         "How do you use the café's invoicing feature?",
         "Is the new intake software better than the old paper forms?"]


SPACES = ["\t", "\u00a0", "\u2009", "  ", "\u3000", "\n"]


@pytest.mark.parametrize("question", PLAIN)
def test_the_kind_of_space_changes_nothing(question):
    plain = lint_question(question)
    # each kind of space once, in turn, so that every question meets every kind
    for n, space in enumerate(SPACES[PLAIN.index(question)::len(PLAIN)] + ["\t\u00a0 "]):
        odd = lint_question(question.replace(" ", space))
        assert (odd["flags"], odd["suggestion"], odd["question"]) == (
            plain["flags"], plain["suggestion"], plain["question"]), (n, repr(space))


def test_a_full_width_question_mark_is_a_question_mark():
    wide, plain = lint_question("Do you prefer email or text reminders\uff1f"), lint_question(
        "Do you prefer email or text reminders?")
    assert wide["question"] == "Do you prefer email or text reminders\uff1f"  # shown as written (session 15 F2)
    assert {**wide, "question": None} == {**plain, "question": None}  # read alike: same flags, kind and rewrite
