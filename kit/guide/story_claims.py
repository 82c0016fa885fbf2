"""A story frame does not launder what follows it (attacker session 17 A5-A8).

"Tell me about the last time ..." asks for one real episode; what the clause after it takes as given
is still taken as given. This module reads that clause:

=================  ==========================================================================
check              fires on
=================  ==========================================================================
leading            (:func:`revise`) a feeling the participant is said to have had about a
                   definite thing ("the last time you loved the checkout page", "... that you
                   hated it"); an outcome or benefit taken as given ("the new dashboard saved
                   you hours", "made reporting so much easier for you", "helped you"); a
                   judgement stated as the episode's fact ("booking a room was really
                   frustrating and annoying", "the app was so slow and unreliable").
generalizing       (:func:`revise`) a habit word right in the one-time clause ("the last time
                   you usually pay your bills"): one time cannot be usual.
notes              (:func:`notes`, for the question-craft score and lint-guide's row) the story
                   phrase repeated ("the last time, the last time, walk me through the last
                   time"), a frame with no verb after it ("the last time automatic invoicing"),
                   two story asks where one question is wanted.
=================  ==========================================================================

Each check reads the question's sentences as :func:`kit.guide.lint.rules` gives them. The words are
the kit's own lists (:data:`kit.guide.frames.EVALUATIVE`) and VADER's valence (:func:`kit.guide.words.valence`).
"""
from __future__ import annotations

import re

from kit.guide.frames import EVALUATIVE
from kit.guide.words import tags, valence

__all__ = ["FRAME", "finish", "flagged", "frame_clauses", "notes", "revise"]

#: A story frame and the one-time phrase it asks about; group "clause": what follows.
FRAME = re.compile(
    r"\b(?:tell (?:me|us) (?:a (?:bit|little) )?about|walk (?:me|us) through|talk (?:me|us) through|"
    r"describe|take (?:me|us) (?:back )?(?:through|to)|share)\s+(?:the|a|your|that)?\s*(?:last|most recent|latest|"
    r"recent|specific|one)?\s*(?:time|occasion|day)\b(?:,)?\s*(?P<clause>[^.?!]*)", re.I)
_FEELING_VERBS = {"loved", "hated", "enjoyed", "liked", "disliked", "adored", "appreciated", "despised",
                  "detested", "loathed", "resented", "admired", "valued"}
_BENEFIT = re.compile(
    r"\b(?P<subject>\w+)\s+(?:really |actually |finally |just )?(?:saved|spared|helped|freed) (?:you|your|them|us)\b"
    r"|\b(?P<subject2>\w+)\s+(?:really |actually |finally |just )?made (?:[\w']+ ){1,4}?(?:(?:so |much |a lot |far |way |"
    r"even |really )*(?:easier|faster|simpler|quicker|better|smoother|cheaper|clearer|nicer|harder|worse|slower)|"
    r"(?:so |much |a lot |far |way )+(?:more|less) \w+)\b", re.I)
_DEGREE = re.compile(r"\b(?:so|really|very|too|extremely|incredibly|super|totally|utterly|such an?|so much|much)\s+"
                     r"(?P<word>[a-z][\w-]*)", re.I)
_PREDICATE = re.compile(r"\b(?:was|were|is|felt|seemed|got|became|looked|sounded)\s+(?:(?:so|really|very|too|extremely|"
                        r"incredibly|super|totally|quite|pretty|a bit|a little|rather|[a-z]+ly)\s+)*(?P<word>[a-z][\w-]*)", re.I)
_HABIT = re.compile(r"^(?:that\s+|when\s+)?(?:you|we|they|he|she|your \w+|the \w+)\s+(?:would\s+)?"
                    r"(?P<word>usually|normally|typically|generally|always|often|regularly|habitually|routinely|"
                    r"tend to|tended to)\b", re.I)
_DEFINITE = {"the", "our", "your", "this", "that", "my", "their", "its", "it", "them"}
# a feeling verb whose object is the episode's own matter ("the last time you enjoyed a meal out"): a
# definite object or a pronoun makes it a feeling about the thing asked about


def frame_clauses(sentences: list[str]) -> list[str]:
    """The clause after each story frame of the question (lower case)."""
    return [m.group("clause").strip().lower() for s in sentences for m in FRAME.finditer(s)]


def _judging(word: str) -> bool:
    """A word that judges the thing: the evaluative list, or an adjective (never a past participle: "was
    rejected", "got hurt" tell an event) whose VADER valence is strong."""
    word = word.lower()
    return word in EVALUATIVE or (abs(valence(word)) >= 1.5 and "ADJ" in tags(word) and not word.endswith("ed"))


def _about_person(clause: str, start: int) -> bool:
    """Whether the words before ``start`` end with a person ("a customer was unhappy"): their feeling is
    the episode asked about, not a judgement of the product."""
    from kit.guide.grammar import _person
    from kit.guide.words import PERSONAL

    before = re.findall(r"[a-z][\w'-]*", clause[:start])
    return bool(before) and (before[-1] in PERSONAL | _PEOPLE or _person(before[-1]))


_PEOPLE = {"customer", "customers", "client", "clients", "guest", "guests", "patient", "patients", "user", "users",
           "member", "members", "child", "children", "kid", "kids", "parent", "parents", "friend", "friends",
           "someone", "somebody", "anyone", "anybody", "people", "person", "staff", "colleague", "colleagues",
           "boss", "family", "partner", "team", "neighbour", "neighbor"}


def _leading(clause: str) -> str:
    words = re.findall(r"[a-z][\w'-]*", clause)
    for k, w in enumerate(words):
        if w in _FEELING_VERBS and k + 1 < len(words) and (words[k + 1] in _DEFINITE or (
                k + 2 < len(words) and words[k + 1] == "using")):
            return (f"a feeling taken as given inside the story frame ('{w} {words[k + 1]}'): ask for the last "
                    "time they used it and let them say how it felt")
    if (m := _BENEFIT.search(clause)) and (m.group("subject") or m.group("subject2") or "").lower() not in {
            "you", "i", "we"}:
        return (f"an outcome taken as given inside the story frame ('{m.group(0).strip()}'): ask for the last "
                "time they did the task, not the time it paid off")
    for pattern in (_DEGREE, _PREDICATE):
        for m in pattern.finditer(clause):
            if _judging(m.group("word")) and not (pattern is _PREDICATE and _about_person(clause, m.start())):
                return (f"a judgement taken as given inside the story frame ('{m.group(0).strip()}'): ask "
                        "what happened and let them judge it")
    return ""


def revise(raw: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """``reasons`` with ``leading`` and ``generalizing`` added for what a story frame's clause takes as
    given or calls a habit (the module docstring's table); flags already raised are kept as they are."""
    clauses = frame_clauses(raw)
    if not clauses:
        return reasons
    reasons = dict(reasons)
    if "leading" not in reasons and (why := next(filter(None, map(_leading, clauses)), "")):
        reasons["leading"] = why
    if "generalizing" not in reasons and (m := next(filter(None, (_HABIT.match(c) for c in clauses)), None)):
        reasons["generalizing"] = (f"a habit inside the story frame ('the last time ... {m.group('word')}'): one "
                                   f"time cannot be usual; drop '{m.group('word')}'")
    return reasons


_STORY_PHRASE = re.compile(r"\b(?:the|a) (?:last|most recent|specific) time\b|\bthe story of\b", re.I)


def notes(text: str) -> list[str]:
    """What keeps a story question from being one usable question, as short notes (empty when none):
    the story phrase repeated, a frame with no verb after it, two story asks."""
    found = []
    if len(_STORY_PHRASE.findall(str(text))) >= 2 and len(re.findall(r"[?.!](?:\s|$)", str(text).strip())) <= 1:
        found.append("the story phrase is repeated: say it once")
    frames = list(FRAME.finditer(str(text)))
    if len(frames) >= 2 and all(m.group("clause").strip() for m in frames):
        found.append("two story questions: ask one, then the other")
    for m in frames:
        clause = m.group("clause").strip().lower()
        toks = re.findall(r"[a-z][\w'-]*", clause)
        if not toks and len(frames) == 1 and not re.sub(r"[\W_]+", "", str(text)[m.end():]):
            found.append("nothing after the story frame: say the last time they did what")
            break
        if toks and not any(_verb(t) for t in toks):
            found.append(f"no verb after the story frame ('{clause}'): not a sentence; say what they did")
            break
    return found


def _verb(word: str) -> bool:
    if word in {"is", "was", "were", "are", "am", "be", "been", "had", "has", "have", "did", "do", "does", "got",
                "went", "came", "made", "took", "saw", "felt", "found"} or word.endswith(("ed", "n't")):
        return True
    return "VERB" in tags(word) and not word.endswith("ing")


_SUBJECT = re.compile(r"\b((?:the|our|your|this|that|their|its)\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:really |actually |"
                      r"finally |just )?(?:saved|spared|helped|freed|made)\b", re.I)


def _own_rewrite(read: str, reasons: dict[str, str]) -> str:
    """The question's own story without what the frame took as given: the habit word dropped and the verb
    put in the past ("the last time you usually pay your bills" -> "... you paid your bills"); for an outcome
    taken as given, the last time they used the thing that was to bring it about."""
    from kit.guide.lexicon import past_tense
    from kit.guide.words import is_base_verb

    if reasons.get("generalizing", "").startswith("a habit inside the story frame"):
        m = re.search(r"\b(usually|normally|typically|generally|always|often|regularly|habitually|routinely|"
                      r"tend to|tended to)\s+([a-z]+)\b", read, re.I)
        if m:
            verb = past_tense(m.group(2)) if is_base_verb(m.group(2).lower()) else m.group(2)
            return " ".join((read[:m.start()] + verb + read[m.end():]).split())
    clause = next((c for c in frame_clauses([read]) if _BENEFIT.search(c)), "")
    if "leading" in reasons and clause and (m := _SUBJECT.search(clause)):
        words = [w for w in m.group(1).split() if not _judging(w)]
        if len(words) >= 2:
            det = "the" if words[0].lower() in {"our", "your", "their", "its", "this", "that"} else words[0].lower()
            return f"Tell me about the last time you used {det} {' '.join(words[1:])}. What happened?"
    return ""


def flagged(suggestion: str, flags_of) -> list[str]:
    """The flags the linter raises on a rewrite it suggests: every flag of its story, and of a second ask to
    put separately (" Then ask separately: ...") every flag but ``closed`` (a one-fact follow-up such as "What
    year are you in?" is asked on its own, as the facts of a double-barreled question are)."""
    story, *rest = suggestion.split(" Then ask separately: ")
    found = list(flags_of(story)) if story else []
    for part in rest:
        found += [f for f in flags_of(part) if f != "closed" and f not in found]
    return found


def finish(read: str, flags: list[str], reasons: dict[str, str], suggestion: str, *, flags_of,
           grammar_problems) -> str:
    """The rewrite to show (session 17, attacker A6): the question's own story without the habit or outcome
    a story frame took as given (:func:`_own_rewrite`), when clean; and never a rewrite that is itself
    flagged (:func:`flagged`): one that is becomes the safe topic template
    (:func:`kit.guide.retell10.topic_story`) when that is clean, else no rewrite."""
    def clean(text: str) -> bool:
        return bool(text) and not flagged(text, flags_of) and not grammar_problems(text)

    if (own := _own_rewrite(read, reasons)) and clean(own):
        return own
    if not suggestion or not flagged(suggestion, flags_of):
        return suggestion
    from kit.guide.retell10 import topic_story

    safe = topic_story(read)
    return safe if safe and clean(safe) else ""
