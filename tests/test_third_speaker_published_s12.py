"""A third speaker's turn (an interpreter, a partner chiming in) is nobody's consented words:
in a published table its text is withheld whole whichever column names the row (session 12,
newcomer F1: auto_vs_manual_cases.csv printed a partner's words, only the run of a withheld
quote cut)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kit.outputs import PUBLISHED, WORKING, Outputs
from kit.schema import NO_CONSENT
from kit.study import load_study

LIBRARY = Path(__file__).parent / "data" / "newcomer-library" / "library-fixed"


def test_third_speaker_turns_withheld_in_a_published_table():
    study = load_study(LIBRARY)
    turns = study.turns
    third = turns[turns["role"] == "other"]
    theirs = third["segment_id"].iloc[0]
    own = turns[(turns["role"] == "participant")]
    consenting = own[own["participant"].isin(study.consenting())]["segment_id"].iloc[0]
    text = dict(zip(turns["segment_id"], turns["text"]))
    cases = pd.DataFrame({"segment": [theirs, consenting], "code": ["a", "b"], "found_by": ["auto", "auto"],
                          "evidence": ["x", "y"], "text": [text[theirs], text[consenting]]})
    shown = Outputs(None, study, PUBLISHED).frame(cases)
    assert shown["text"].tolist()[0] == NO_CONSENT
    assert shown["text"].tolist()[1] != NO_CONSENT  # a consenting participant's turn stays quoted
    # by segment_id with a participant column too (the participant column is empty for them)
    rows = pd.DataFrame({"segment_id": [theirs], "participant": [""], "text": [text[theirs]]})
    assert Outputs(None, study, PUBLISHED).frame(rows)["text"].tolist() == [NO_CONSENT]
    # working outputs keep the words (the team's own copy)
    assert Outputs(None, study, WORKING).frame(cases)["text"].tolist()[0] != NO_CONSENT
