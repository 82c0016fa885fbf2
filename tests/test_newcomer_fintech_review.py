"""9. A transcript two interviewers ran gives each interviewer their own scorecard, so that a
trainee's own score can be read apart from their mentor's."""
import json
from pathlib import Path

import pytest

from kit import review
from kit.cli.review import review_command

VTT = Path(__file__).parent / "data" / "newcomer-fintech" / "Pickering Plumbing call (Teams) 03-11-2026.vtt"


@pytest.fixture(scope="module")
def both():
    return review.review_transcript(VTT)


def test_two_interviewers_are_found(both):
    assert len(both["interviewer"]) == 2


def test_each_interviewer_gets_their_own_review(both):
    own = review.per_interviewer(both)
    assert [o["interviewer"] for o in own] == [[label] for label in both["interviewer"]]
    # the parts add up to the whole: nothing counted twice, nothing lost
    assert sum(o["n_questions"] for o in own) == both["n_questions"]
    assert sum(o["n_flagged"] for o in own) == both["n_flagged"]
    assert sum(o["probes"]["count"] for o in own) == both["probes"]["count"]
    assert sum(o["words"]["interviewer"] for o in own) == both["words"]["interviewer"]
    assert sum(o["talk_ratio"] for o in own) == pytest.approx(both["talk_ratio"], abs=1e-3)
    for o in own:
        assert {q["speaker"] for q in o["questions"]} <= set(o["interviewer"])
    scores = [review.scorecard(o)["score"] for o in own]
    assert len(set(scores)) == 2  # their habits differ, so do their scores


def test_one_interviewer_is_reviewed_as_before(both):
    one = review.review_transcript(VTT, both["interviewer"][0])
    assert review.per_interviewer(one) == [one]


def test_the_cohort_has_a_row_per_interviewer(both):
    table = review.cohort([both])
    assert list(table["interviewer"]) == both["interviewer"]
    own = review.per_interviewer(both)
    assert list(table["score"]) == [review.scorecard(o)["score"] for o in own]


def test_the_command_prints_and_returns_each_score(both):
    text, code = review_command([str(VTT)], include_names=True)
    assert code == 0
    for o in review.per_interviewer(both):
        assert f"{o['interviewer'][0]}'s own score {review.scorecard(o)['score']}/100" in text
    data = json.loads(review_command([str(VTT)], as_json=True, include_names=True)[0])
    assert [b["interviewer"] for b in data["by_interviewer"]] == both["interviewer"]
