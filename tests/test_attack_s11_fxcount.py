"""Attacker session 11, A2: a roster name that is a sentiment word (Grant, Rich, Joy, Hope) never
moves a score: two turns that read the same once redacted get the same score, in analyze and in
the report's sentiment; a text naming nobody is scored exactly as before."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.privacy import Roster, redact, roster
from kit.sentiment import as_published, compound, compound_published

NAMES = Path(__file__).parent / "data" / "attack-s11" / "names-score"
PEOPLE = Roster(names=("Grant Rich", "Joy Little", "Hope Long", "Bill de la Cruz"),
                parts=("Grant", "Rich", "Joy", "Little", "Hope", "Long", "Bill", "de la Cruz"))


def test_analyze_gives_turns_that_read_the_same_the_same_score(tmp_path):
    from kit.analyze import analyze

    analyze(NAMES, tmp_path)
    turns = pd.read_csv(tmp_path / "turns.csv")
    sixth = turns[(turns["turn"] == 6) & (turns["role"] == "participant")]
    assert sixth["text"].nunique() == 1 and sixth["text"].iloc[0].startswith("[name] never replied")
    assert sixth["compound"].nunique() == 1
    assert sixth["compound"].iloc[0] == compound([sixth["text"].iloc[0]])[0] < 0  # a lost afternoon
    # every score is the score of the text as published
    study = kit.load_study(NAMES, strict=False)
    published = [redact(t, roster(study)) for t in study.turns["text"]]
    assert turns["compound"].tolist() == pytest.approx(compound(published), nan_ok=True)


def test_the_reports_sentiment_reads_the_published_text_too():
    from kit import feelings

    study = kit.load_study(NAMES, strict=False)
    scored = feelings.score(study).set_index("segment_id")
    assert scored.loc["INT-0001#t6", "compound"] == scored.loc["INT-0002#t6", "compound"]
    segments = study.segments()
    values = dict(zip(segments["segment_id"], kit.languages.study_compound(study, segments)))
    assert values["INT-0001#t6"] == values["INT-0002#t6"]
    scores = kit.themes.segment_scores(segments, roster(study)).set_index("segment_id")["compound"]
    assert scores["INT-0001#t6"] == scores["INT-0002#t6"]


@pytest.mark.parametrize("name", ["Grant Rich", "GRANT RICH", "Joy", "Hope Long"])
def test_a_name_that_is_a_sentiment_word_does_not_move_the_score(name):
    plain = "[name] never replied and I lost the whole afternoon."
    named = plain.replace("[name]", name)
    assert compound([named])[0] != compound([plain])[0] or name == "Hope Long"  # the attack: VADER reads it
    assert compound_published([named], PEOPLE) == compound([plain])


def test_texts_naming_nobody_are_scored_as_they_are():
    texts = ["Great service, ring me on 07700 900222.", "Hope it works, said the rich uncle.",
             "joy@example.com was fine", None, float("nan"), "", "Ça marche très bien, merci."]
    out = as_published(texts, PEOPLE)
    assert all(a is b for a, b in zip(out, texts))  # the same objects: the same scores, byte for byte
    assert compound_published(texts, PEOPLE) == pytest.approx(compound(texts), nan_ok=True)
    assert as_published(["Grant Rich was great"], Roster()) == ["Grant Rich was great"]  # no roster
