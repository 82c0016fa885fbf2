"""Faults a newcomer found running the kit on a fintech invoicing study (tests/data/newcomer-fintech).

1. A third speaker (an interpreter, an accountant) belongs to no participant: they count for
   nobody in every count, not as one more person.
"""
from pathlib import Path

import pandas as pd
import pytest

from kit import themes
from kit.coding import themes as code_frequency
from kit.feelings import by_segment
from kit.schema import named_interviews, person
from kit.study import load_study

STUDY = Path(__file__).parent / "data" / "newcomer-fintech" / "study"


@pytest.fixture(scope="module")
def study():
    return load_study(STUDY)


@pytest.fixture(scope="module")
def result(study):
    return themes.study_themes(study)


def _third_speakers(study):
    seg = study.segments()
    return seg[(seg["participant"].fillna("") == "") & seg["interview_id"].isin(named_interviews(study.interviews))]


def test_the_data_has_third_speakers(study):
    third = _third_speakers(study)
    assert set(third["interview_id"]) == {"INT-003", "INT-004"}
    assert any("accountant" in t for t in third["text"])


def test_person_counts_a_third_speaker_for_nobody():
    frame = pd.DataFrame({"interview_id": ["A", "A", "B", "C"], "participant": ["P-1", "", "", "P-2"]})
    who = person(frame)
    assert who.tolist()[0] == "P-1" and who.tolist()[3] == "P-2"
    assert who.iloc[1] is None  # A names P-1: its other speaker is nobody
    assert who.iloc[2] == "B"   # B names nobody: the interview is one person
    assert who.nunique() == 3
    # a part of the study (one code's rows) may hold the third speaker's row alone: named says
    alone = frame.iloc[[1]]
    assert person(alone).iloc[0] == "A"
    assert person(alone, named={"A"}).iloc[0] is None


def _true_people(result, study):
    """Participants (named ones only) whose own counted words carry each code."""
    counted = result["counted"]
    own = counted[counted["kind"].isin(("turn", "quote")) & (counted["participant"].fillna("") != "")]
    return own.groupby("code")["participant"].nunique()


def test_theme_counts_leave_third_speakers_out(result, study):
    truth = _true_people(result, study)
    counts = result["counts"].set_index("code")
    people = result["n_participants"]
    for code, row in counts.iterrows():
        assert row["participants"] == int(truth.get(code, 0)), code
        assert row["share"] <= 1
    # the accountant's own words are the only ones about her work: nobody raised it
    third_codes = set(result["counted"].loc[result["counted"]["segment_id"].isin(_third_speakers(study)["segment_id"]),
                                            "code"])
    assert "accountant" in third_codes
    assert counts.loc["accountant", "participants"] == 0
    assert people == 2


def test_frequency_reach_and_table_agree(result, study):
    truth = _true_people(result, study)
    freq = themes.frequency(result["counted"], n_participants=2).set_index("code")
    for code, n in freq["participants"].items():
        assert n == int(truth.get(code, 0)), code
    table = themes.theme_table(result["coded"], None, n_participants=2).set_index("code")
    for code, n in table["participants"].items():
        assert n == int(truth.get(code, 0)), code
    plain = code_frequency(result["counted"]).set_index("code")
    assert plain.loc["accountant", "participants"] == 0
    reach = result["rules"].set_index("code")["rule_reach"]
    assert reach.max() <= 1
    assert reach["accountant"] == 0 or pd.isna(reach["accountant"])


def test_segment_comparison_shares_are_shares(result, study):
    share = themes.code_by_attribute(result["counted"], study.interviews, "segment", share=True)
    assert (share.to_numpy() <= 1).all()
    counts = themes.code_by_attribute(result["counted"], study.interviews, "segment")
    assert counts.loc["accountant"].sum() == 0
    co = themes.cooccurrence(result["counted"], by="participant")
    assert co.loc["accountant", "accountant"] == 0


def test_saturation_input_leaves_third_speakers_out(result, study):
    per = themes.codes_per_interview(result["counted"], study.interviews)
    assert "accountant" not in per["INT-004"]
    assert "family-help" not in per["INT-003"]


def test_sentiment_people_per_segment(study):
    from kit.feelings import score

    scored = score(study)
    table = by_segment(scored).set_index("segment")
    assert table["participants"].max() <= 1  # one person per segment value in this study


def test_assumption_evidence_counts_people_not_third_speakers(study):
    from kit.discovery.assumptions import Assumption, evidence, evidence_summary

    a = Assumption(id="A1", assumption="Owners lean on their accountant", codes_for=["accountant"],
                   codes_against=["family-help"])
    ev = evidence([a], [study])
    named = ev[ev["participant"].fillna("") != ""]
    assert len(named) < len(ev)  # a third speaker's words are evidence, but nobody's
    row = evidence_summary([a], [study]).iloc[0]
    assert row["for_segments"] >= 1 and row["against_segments"] >= 1
    for stance in ("for", "against"):  # the insight of INT-003 is its participant's
        assert row[f"{stance}_participants"] == named.loc[named["stance"] == stance, "participant"].nunique()
    assert row["for_participants"] == 0  # only the accountant spoke of accountants
    assert row["participants"] == 2


def test_trends_across_sprints_count_people_not_third_speakers(result, tmp_path):
    import shutil

    from kit.discovery.trends import trends

    repo = tmp_path / "research"
    shutil.copytree(STUDY, repo / "2026-S48")
    table = trends(repo).set_index("code")
    truth = _true_people(result, None)
    for code, row in table.iterrows():
        assert row["mentioning"] == int(truth.get(code, 0)), code
        assert row["participants"] == 2
    assert table.loc["accountant", "mentioning"] == 0
