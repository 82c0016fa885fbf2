"""A theme's participant count rests on participants' own words (transcript turns, key
quotes), never on the team's insights or opportunities (newcomer report, fault 5: the same
"Online rescheduling..." opportunity in every note made 6 of 8 people "raise" rescheduling)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

import kit
from kit import themes as th

VET = Path(__file__).parent / "data" / "newcomer" / "vet-booking"

SEGMENTS = pd.DataFrame(
    [("A#t1", "A", "P1", "turn", "I had to ring twice"), ("A#i1", "A", "P1", "insight", "Rescheduling is hard"),
     ("B#q1", "B", "P2", "quote", "I rescheduled online"), ("B#o1", "B", "P2", "opportunity", "Online rescheduling"),
     ("C#o1", "C", "P3", "opportunity", "Online rescheduling")],
    columns=["segment_id", "interview_id", "participant", "kind", "text"])


def test_team_passages_never_count_toward_a_theme():
    auto = SEGMENTS.assign(code="rescheduling", evidence="x")[
        ["segment_id", "code", "interview_id", "participant", "kind", "evidence"]]
    manual = pd.DataFrame(columns=["segment", "code", "coder"])
    coded = th.theme_codings(auto, manual, SEGMENTS)
    assert coded.loc[coded["counted"], "kind"].isin(th.PARTICIPANT_WORDS).all()
    counts = th.theme_counts(coded, 3).set_index("code")
    # P1 (a turn) and P2 (a key quote) said it; P3 only has the team's opportunity
    assert counts.loc["rescheduling", "participants"] == 2
    assert counts.loc["rescheduling", "mentions"] == 2
    assert counts.loc["rescheduling", "excluded_participants"] == 0  # not a rejected rule's loss
    # a table without a counted column still leaves the team's passages out
    plain = th.theme_counts(auto.assign(text=""), 3).set_index("code")
    assert plain.loc["rescheduling", "participants"] == 2


def test_tester_study_counts_only_participants_words():
    study = kit.load_study(VET, strict=False)
    segments = study.segments()
    result = th.study_themes(study)
    counts = result["counts"].set_index("code")
    # the same counts when the team's passages are not there at all
    own = segments[segments["kind"].isin(th.PARTICIPANT_WORDS)]
    from kit.coding import compare_auto_manual
    from kit.languages import study_autocode

    auto = study_autocode(study, own)  # the one auto-coding every path uses (language gate)

    rules = th.rule_validation(compare_auto_manual(auto, study.codings, own, codes=study.codebook.names),
                               auto, th.n_participants(study))
    alone = th.theme_counts(th.theme_codings(auto, study.codings, own, rules), th.n_participants(study),
                            codes=study.codebook.names, rules=rules).set_index("code")
    assert counts["participants"].to_dict() == alone["participants"].to_dict()
    # the opportunity copied into six notes no longer makes six people raise rescheduling
    said = own[own["text"].str.contains("reschedul", case=False)]
    assert counts.loc["rescheduling", "participants"] <= said["participant"].nunique()
    assert counts.loc["app-booking", "participants"] < 7


def test_suggested_themes_count_participants_by_their_own_words():
    from kit.theme_discovery import discover_themes, passages

    found = discover_themes(VET)
    frame = passages(VET).set_index("segment_id")
    assert not (frame["kind"] == "insight").any()  # the team's insights are no passages (newcomer s14 F11)
    links = found.passages[found.passages["theme"].isin(found.themes["theme"])]
    for theme, sub in links.groupby("theme"):
        mine = frame.loc[sub["segment_id"].drop_duplicates()]
        own = mine[mine["kind"].isin(th.PARTICIPANT_WORDS)]["who"].nunique()
        row = found.themes.set_index("theme").loc[theme]
        assert row["participants"] == own
        assert row["passages"] == len(mine)
    by_segment = found.by_segment.groupby("theme")["participants"].sum()
    assert (by_segment <= found.themes.set_index("theme")["participants"].reindex(by_segment.index)).all()
