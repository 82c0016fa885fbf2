"""The review's scorecard and the cohort table (split out of :mod:`kit.review`, which still
exports :func:`scorecard`, :func:`per_interviewer`, :func:`cohort` and the tables).

``scorecard(review)`` turns a review (:func:`kit.review.review_transcript`) into a 0-100 score
with one line per habit, weighted by :data:`kit.review.WEIGHTS`; ``per_interviewer`` gives each
interviewer of a transcript two people ran their own; ``cohort(reviews)`` is the table a trainer
reads across many transcripts.
"""
from __future__ import annotations

import math
from collections import Counter

import pandas as pd

__all__ = ["COHORT_COLUMNS", "MONOLOGUE_WORDS", "TALK_RATIO_TARGET", "WEIGHTS", "cohort", "fmt_time",
           "per_interviewer", "questions_table", "scorecard", "scorecard_table"]

TALK_RATIO_TARGET = 0.20
MONOLOGUE_WORDS = 60

# Scorecard: (item, weight). The weights add up to 100.
WEIGHTS = {
    "listening": 30,
    "question quality": 20,
    "story first": 15,
    "probes": 10,
    "one question at a time": 5,
    "no interruptions": 10,
    "no monologues": 10,
}


def fmt_time(seconds) -> str:
    """``m:ss`` (``h:mm:ss`` past an hour); ``-`` for None."""
    if seconds is None or (isinstance(seconds, float) and math.isnan(seconds)):
        return "-"
    total = int(round(float(seconds)))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _linear(value: float, full: float, zero: float) -> float:
    """1 at or below ``full``, 0 at or above ``zero``, linear between."""
    if value <= full:
        return 1.0
    if value >= zero:
        return 0.0
    return (zero - value) / (zero - full)


def scorecard(review: dict) -> dict:
    """A 0-100 score and one item per habit: ``{transcript, score, items}``.

    Each item is ``{item, value, target, met, points, weight, advice}``. Points are scaled:

    - listening (30): full at a talk ratio of 20% or less, none at 50% or more;
    - question quality (20): the share of (non-housekeeping) questions with no flag;
    - story first (15): full when the first story starts within 60 s (none after 180 s),
      or, without times, by turn 4 (none from turn 10); none when no story was told; n/a after
      an opener in a language the rules do not cover (kit.review_languages);
    - probes (10): full for two or more, half for one;
    - one question at a time (5): full with no turn of stacked questions, half off for each;
    - no interruptions (10): half off for each interruption by the interviewer;
    - no monologues (10): half off for each interviewer turn over the word threshold.

    An item that cannot be measured (interruptions without end times) has ``met`` and
    ``points`` None (printed ``n/a``, never ``ok``) and leaves the total: the score is the points won over the weights measured.
    """
    items = []

    def add(item, value, target, met, share, advice):
        weight = WEIGHTS[item]
        points = None if share is None else round(weight * share, 1)
        items.append({"item": item, "value": value, "target": target, "met": met, "points": points,
                      "weight": weight, "advice": "" if met else advice})

    ratio = review.get("talk_ratio")
    target = review.get("listening", {}).get("target", TALK_RATIO_TARGET)
    add("listening", "n/a" if ratio is None else f"{ratio:.0%} of the words",
        f"{target:.0%} or less", bool(review.get("listening", {}).get("met")),
        0.0 if ratio is None else _linear(ratio, target, 0.5),
        "talk less: ask, then stay silent; let pauses run")

    if review.get("language"):
        # the rules that find questions, stories and probes are English: not measured, never 0
        said = f"not measured ({review.get('language_name') or review['language']}: the rules are English)"
        for item in ("question quality", "story first", "probes"):
            add(item, said, "n/a", None, None, "")
        _rest(review, add)
        return _total(review, items)

    n, flagged = review.get("n_questions", 0), review.get("n_flagged", 0)
    counts = review.get("flag_counts") or {}
    worst = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    add("question quality", f"{n - flagged} of {n} questions unflagged", "no leading, closed, "
        "hypothetical, double-barreled or generalizing questions", n > 0 and flagged == 0,
        (n - flagged) / n if n else 0.0,
        f"rewrite the flagged questions ({worst})" if n else "no questions found: ask open, story-based questions")

    story = review.get("first_story")
    from kit.review_languages import unmeasured_story

    if said := unmeasured_story(review):  # an opener in Welsh: n/a, never 0 (kit.review_languages)
        add("story first", said, "n/a", None, None, "")
    elif story is None:
        add("story first", "no story found", "a story in the first minute", False, 0.0,
            "open with 'Tell me about the last time you ...' and wait for the story")
    elif story.get("start") is not None:
        s = story["start"]
        add("story first", f"at {fmt_time(s)} (turn {story['turn']})", "within 1:00", s <= 60,
            _linear(s, 60, 180), "get to the story sooner: cut the preamble, ask for the last time")
    else:
        t = story["turn"]
        add("story first", f"turn {t}", "by turn 4", t <= 4, _linear(t, 4, 10),
            "get to the story sooner: cut the preamble, ask for the last time")

    probes = review.get("probes", {}).get("count", 0)
    add("probes", f"{probes} probe(s)", "2 or more", probes >= 2, min(probes, 2) / 2,
        "follow the story with probes: 'What happened next?', 'Say more about that.'")
    _rest(review, add)
    return _total(review, items)


def per_interviewer(review: dict) -> list[dict]:
    """One review per interviewer label of a transcript two or more interviewers ran (a
    trainee and their mentor), each as :func:`review_transcript` returns it, so that each
    gets their own :func:`scorecard`: ``interviewer`` is that label; ``talk_ratio`` is their
    words over all the words; the questions, probes, stacked turns, monologues and
    interruptions are theirs. The first story is the interview's, shared by all: a story one
    interviewer's question drew may follow the other's opener. A review of one interviewer
    is returned as it is, in a list of one; so is a review whose interviewer labels are, all
    but one at most, role words rather than people (``AI`` and ``Assistant``, ``Interviewer``:
    ``kit.study.DEFAULT_INTERVIEWER_LABELS``), which name one interviewer twice."""
    from kit.study import DEFAULT_INTERVIEWER_LABELS

    labels = list(review.get("interviewer") or [])
    people = [label for label in labels if str(label).strip().casefold() not in DEFAULT_INTERVIEWER_LABELS]
    if len(labels) < 2 or len(people) < 2:
        return [review]
    words = review.get("words") or {}
    total = (words.get("interviewer") or 0) + (words.get("participant") or 0)
    out = []
    for label in labels:
        mine = [q for q in review["questions"] if q["speaker"] == label]
        scored = [q for q in mine if not q["housekeeping"] and not q["not_linted"]]
        probes = [q for q in scored if q["kind"] == "probe"]
        said = (review.get("interviewer_words") or {}).get(label, 0)
        ratio = round(said / total, 4) if total else None
        inter = dict(review.get("interruptions") or {})
        if inter.get("measured"):
            inter["turns"] = [t for t in inter.get("turns", []) if t.get("speaker") == label]
            inter["by_interviewer"] = len(inter["turns"])
        theirs = {q["turn"] for q in mine}  # a stacked turn is the turn of its questions' speaker
        stacked = [t for t in review["stacked"]["turns"] if t["turn"] in theirs]
        mono = [t for t in review["monologues"]["turns"] if t.get("speaker") == label]
        out.append({**review, "interviewer": [label], "talk_ratio": ratio,
                    "words": {"interviewer": said, "participant": total - said},
                    "listening": {**review["listening"], "met": ratio is not None
                                  and ratio <= review["listening"]["target"]},
                    "questions": mine, "n_questions": len(scored), "n_flagged": sum(1 for q in scored if q["flags"]),
                    "flag_counts": dict(Counter(f for q in scored for f in q["flags"])),
                    "kind_counts": dict(Counter(q["kind"] for q in scored)),
                    "probes": {"count": len(probes), "questions": [{"turn": q["turn"], "start": q["start"],
                                                                    "text": q["text"]} for q in probes]},
                    "stacked": {"count": len(stacked), "turns": stacked}, "interruptions": inter,
                    "monologues": {**review["monologues"], "count": len(mono), "turns": mono}})
    return out


def _total(review: dict, items: list) -> dict:
    measured = [i for i in items if i["points"] is not None]
    total = sum(i["weight"] for i in measured)
    score = round(100 * sum(i["points"] for i in measured) / total) if total else 0
    return {"transcript": review.get("transcript"), "score": score, "items": items}


def _rest(review: dict, add) -> None:
    """The scorecard's items that do not depend on the language: stacked questions,
    interruptions, monologues."""
    stacked = review.get("stacked", {}).get("count", 0)
    add("one question at a time", f"{stacked} turn(s) with stacked questions", "none", stacked == 0,
        max(0.0, 1 - 0.5 * stacked), "ask one question, then stop: drop the second question")

    inter = review.get("interruptions") or {}
    if inter.get("measured"):
        k = inter.get("by_interviewer") or 0
        pairs, of = inter.get("pairs"), inter.get("of_pairs")
        part = f" (on {pairs} of {of} turn changes with times)" if pairs is not None and of and pairs < of else ""
        add("no interruptions", f"{k} by the interviewer{part}", "none", k == 0, max(0.0, 1 - 0.5 * k),
            "let the participant finish; count to three before speaking")
    else:
        add("no interruptions", "not measured (no end times)", "none", None, None, "")

    mono = review.get("monologues", {})
    m = mono.get("count", 0)
    add("no monologues", f"{m} turn(s) over {mono.get('threshold', MONOLOGUE_WORDS)} words", "none", m == 0,
        max(0.0, 1 - 0.5 * m), "keep turns short: no pitching or explaining the product")


def scorecard_table(card: dict) -> pd.DataFrame:
    """A scorecard's items as a table (one row per habit)."""
    return pd.DataFrame(card["items"], columns=["item", "value", "target", "met", "points", "weight", "advice"])


COHORT_COLUMNS = ["transcript", "interviewer", "inferred", "n_turns", "talk_ratio", "listening_met",
                  "questions", "flagged", "flagged_share", "probes", "stacked", "interruptions",
                  "monologues", "first_story_turn", "first_story_start", "score"]


def cohort(reviews) -> pd.DataFrame:
    """One row per reviewed transcript and interviewer (:func:`per_interviewer`: a transcript
    two interviewers ran gives each their own row), for a trainer looking across many
    interviews."""
    rows = []
    for r in (one for review in reviews for one in per_interviewer(review)):  # a row per interviewer
        card = scorecard(r)
        story = r.get("first_story") or {}
        n = r.get("n_questions", 0)
        rows.append({
            "transcript": r.get("transcript"),
            "interviewer": ", ".join(map(str, r.get("interviewer", []))),
            "inferred": bool(r.get("inferred")),
            "n_turns": r.get("n_turns"),
            "talk_ratio": r.get("talk_ratio"),
            "listening_met": bool(r.get("listening", {}).get("met")),
            "questions": n,
            "flagged": r.get("n_flagged", 0),
            "flagged_share": round(r.get("n_flagged", 0) / n, 3) if n else None,
            # probes are found by English rules: not counted in another language (NA, not 0)
            "probes": None if r.get("language") else r.get("probes", {}).get("count", 0),
            "stacked": r.get("stacked", {}).get("count", 0),
            "interruptions": (r.get("interruptions") or {}).get("by_interviewer"),
            "monologues": r.get("monologues", {}).get("count", 0),
            "first_story_turn": story.get("turn"),
            "first_story_start": story.get("start"),
            "score": card["score"],
        })
    frame = pd.DataFrame(rows, columns=COHORT_COLUMNS)
    for col in ("talk_ratio", "flagged_share", "first_story_start"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce")
    for col in ("interruptions", "first_story_turn", "probes"):
        frame[col] = frame[col].astype("Int64")
    return frame


def questions_table(review: dict) -> pd.DataFrame:
    """The interviewer's questions of one review, one row each."""
    rows = [{"turn": q["turn"], "time": fmt_time(q["start"]), "kind": q["kind"],
             "flags": ", ".join(q["flags"]), "question": q["text"], "suggestion": q["suggestion"],
             "housekeeping": q["housekeeping"]} for q in review["questions"]]
    return pd.DataFrame(rows, columns=["turn", "time", "kind", "flags", "question", "suggestion", "housekeeping"])
