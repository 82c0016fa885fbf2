"""Interviewer turns of a review in a language the question rules do not cover, in an interview
the reviewer reads as English (newcomer s17 F14: a bilingual interviewer's Welsh opener "Dywedwch
wrtha i am y tro diwethaf i chi ddal y bws." was neither listed nor measured, and story first
scored 0/15 "no story found" though the participant answered with a story).

:func:`asked_in` lists such a turn's sentences that are not English among the questions (kind
``unsupported``, never linted); :func:`unmeasured_story` makes story first ``n/a`` (not measured)
when such a turn comes before the first story the English rules found, or none was found."""
from __future__ import annotations

__all__ = ["asked_in", "unmeasured_story"]


def asked_in(sentences: list, lang: str, is_question) -> tuple[list, dict]:
    """``(asked, foreign)``: the sentences of an interviewer turn listed as questions (those
    ``is_question`` finds; and, in an interview read as English (``lang`` ""), every sentence of
    a turn surely in a language the rules do not cover that is not English) and ``{sentence:
    language code}`` of the latter."""
    from kit.review import _in_english, _language

    asked = [s for s in sentences if is_question(s)]
    if lang or not sentences:
        return asked, {}
    other = _language(sentences)[0]
    if not other:
        return asked, {}
    foreign = {s: other for s in sentences if not _in_english(s, other)}
    return [s for s in sentences if s in foreign or s in asked], foreign


def unmeasured_story(review: dict) -> str:
    """The scorecard's words for story first when it cannot be measured (see the module), else ""."""
    from kit.languages import language_name

    other = [q for q in review.get("questions") or [] if q.get("kind") == "unsupported" and q.get("language")]
    story = review.get("first_story")
    if not other or review.get("language") or (story is not None and story["turn"] < other[0]["turn"]):
        return ""
    first = other[0]
    return f"not measured (turn {first['turn']} in {language_name(first['language'])}: the rules are English)"
