"""kit.journey: stages from codes, then the note, then keywords; sentiment and pain points per stage."""
from __future__ import annotations

import textwrap

import pandas as pd
import pytest

import kit
from kit import feelings, journey
from conftest import write

STUDY = """
title: Journey
research_question: Where does setting up a project hurt?
stages: [setup, invite, first-use]
stage_keywords:
  setup: [set up, setup, install, configure, import, template]
  invite: [invite, invitation, add people, share link]
  first-use: [first time, first project, tried, started using]
team:
  - {name: Ana Silva, role: researcher}
"""

PEOPLE = """
id,segment,status,consent_record,consent_quote
P-1,small,completed,yes,yes
P-2,large,completed,yes,no
P-3,small,completed,yes,yes
"""

CODEBOOK = """
codes:
  - name: workaround
    definition: Routes around the product.
    keywords: [spreadsheet]
    stage: setup
  - name: invite-trouble
    definition: Invitations fail.
    keywords: [invite]
    stage: invite
  - name: spam
    parent: invite-trouble
    definition: Mail lands in spam.
    keywords: [spam]
  - name: praise
    definition: Says something good.
    keywords: [lovely]
"""


def note(iid, participant, stage=None):
    stage_line = f"stage: {stage}\n" if stage else ""
    return (f"---\nid: {iid}\ndate: 2026-01-0{iid[-1]}\nparticipant: {participant}\n"
            f"interviewer: Ana Silva\n{stage_line}---\n")


@pytest.fixture
def journey_dir(tmp_path):
    root = tmp_path / "study"
    write(root / "study.yml", STUDY)
    write(root / "participants.csv", PEOPLE)
    write(root / "codebook.yml", CODEBOOK)
    write(root / "interviews" / "INT-001.md", note("INT-001", "P-1", "invite"))
    write(root / "interviews" / "INT-002.md", note("INT-002", "P-2", "first-use") + textwrap.dedent("""
        ## Insights
        - Lee found the whole setup lovely.
        """))
    write(root / "interviews" / "INT-003.md", note("INT-003", "P-3"))
    write(root / "transcripts" / "INT-001.txt", """
        Ana Silva: Tell me about the last time you set up a project.
        Jo: I kept last year's spreadsheet.
        Ana Silva: And then?
        Jo: The weather was nice that day.
        Ana Silva: Go on.
        Jo: I kept the spreadsheet and the invite went to spam.
    """)
    write(root / "transcripts" / "INT-002.txt", """
        Ana Silva: Tell me about the last time.
        Lee: The spreadsheet broke and the invite went to spam, it was awful, I hate it.
    """)
    write(root / "transcripts" / "INT-003.txt", """
        Ana Silva: Tell me about the last time.
        Sam: The first time I tried it, it crashed.
        Ana Silva: What then?
        Sam: Nothing to report.
        Ana Silva: And the dashboard?
        Sam: The dashboard was empty.
    """)
    write(root / "codings" / "ana.csv", """
        segment,code,coder,memo
        INT-003#t4,invite-trouble,ana,
    """)
    return root


def by_id(frame):
    return {row.segment_id: (row.stage, row.source, row.evidence) for row in frame.itertuples()}


def test_stage_from_codes_then_note_then_keywords(journey_dir):
    mapped = by_id(journey.map_stages(kit.load_study(journey_dir)))
    assert mapped["INT-001#t2"] == ("setup", "code", "workaround")
    # no code: the note's stage
    assert mapped["INT-001#t4"] == ("invite", "note", "stage: invite")
    # a tie between setup and invite (spam inherits invite from its parent): the note's stage wins
    assert mapped["INT-001#t6"] == ("invite", "code", "spam")
    # a tie the note's stage is not part of: the earlier stage of the journey
    assert mapped["INT-002#t2"] == ("setup", "code", "workaround")
    # a code without a stage does not place a segment; the note does
    assert mapped["INT-002#i1"] == ("first-use", "note", "stage: first-use")
    # no code, no note stage: default keywords of "first-use"
    assert mapped["INT-003#t2"] == ("first-use", "keyword", "first time, tried")
    # a manual coding counts as much as the auto-coder's
    assert mapped["INT-003#t4"] == ("invite", "code", "invite-trouble")
    # nothing places it
    assert mapped["INT-003#t6"] == ("", "none", "")


def test_study_keywords_are_the_studys_own(journey_dir):
    path = journey_dir / "study.yml"
    path.write_text(path.read_text().replace("first-use: [first time, first project, tried, started using]",
                                             "first-use: [dashboard]"))
    study = kit.load_study(journey_dir)
    assert journey.stage_keywords(study)["first-use"] == ["dashboard"]
    assert journey.stage_keywords(study)["setup"] == ["set up", "setup", "install", "configure", "import", "template"]
    mapped = by_id(journey.map_stages(study))
    assert mapped["INT-003#t2"] == ("", "none", "")
    assert mapped["INT-003#t6"] == ("first-use", "keyword", "dashboard")


def test_without_study_keywords_a_stage_has_only_its_own_name(journey_dir):
    path = journey_dir / "study.yml"
    text = path.read_text()
    path.write_text(text[:text.index("stage_keywords:")] + text[text.index("team:"):])
    study = kit.load_study(journey_dir)
    assert journey.stage_keywords(study) == {"setup": ["setup"], "invite": ["invite"], "first-use": ["first", "use"]}
    # "first time" no longer places INT-003#t2 by a built-in list: the kit has no vocabulary of its own
    assert by_id(journey.map_stages(study))["INT-003#t2"] == ("first-use", "keyword", "first")


def test_a_study_without_stages_is_told_so(study_dir):
    path = study_dir / "study.yml"
    path.write_text(path.read_text().replace("stages: [setup, invite, first-use]\n", ""))
    write(study_dir / "codebook.yml", """
        codes:
          - name: workaround
            definition: Routes around the product.
            keywords: [spreadsheet]
          - name: invite-trouble
            definition: Invitations fail.
            keywords: [spam]
    """)
    note = study_dir / "interviews" / "INT-001.md"
    note.write_text(note.read_text().replace("stage: setup\n", ""))
    study = kit.load_study(study_dir)
    assert journey.journey_stages(study) == []
    mapped = journey.map_stages(study)
    assert len(mapped) and set(mapped["source"]) == {"none"} and set(mapped["stage"]) == {""}
    assert "No journey stages are defined" in journey.NO_STAGES and "study.yml" in journey.NO_STAGES


def test_unknown_stage_names_use_their_own_words(journey_dir):
    path = journey_dir / "study.yml"
    path.write_text(path.read_text().replace("stages: [setup, invite, first-use]",
                                             "stages: [setup, invite, first-use, data-export]"))
    assert journey.stage_keywords(kit.load_study(journey_dir))["data-export"] == ["data", "export"]


def test_code_stages_inherit_from_the_nearest_ancestor(journey_dir):
    study = kit.load_study(journey_dir)
    assert journey.code_stages(study.codebook) == {"workaround": "setup", "invite-trouble": "invite",
                                                   "spam": "invite"}


def test_applied_codes_union_of_manual_and_auto(study_dir):
    codes = journey.applied_codes(kit.load_study(study_dir))
    sources = {(r.segment_id, r.code): r.source for r in codes.itertuples()}
    assert sources[("INT-001#t2", "workaround")] == "both"
    assert sources[("INT-002#q1", "invite-trouble")] == "both"
    assert sources[("INT-001#i1", "workaround")] == "auto"


def test_stage_sentiment_heatmap_and_pain_points(journey_dir):
    study = kit.load_study(journey_dir)
    mapped = journey.map_stages(study)
    scored = feelings.score(study, kinds=("turn", "insight"))
    stages = journey.journey_stages(study)
    shares, counts = journey.stage_heatmap(mapped, scored, stages)
    assert list(counts.index) == ["setup", "invite", "first-use"]
    assert list(counts.columns) == ["negative", "neutral", "positive"]
    placed = mapped[mapped["stage"] != ""]
    assert counts.to_numpy().sum() == len(placed)
    labels = dict(zip(scored["segment_id"], scored["label"]))
    for stage in stages:
        ids = placed.loc[placed["stage"] == stage, "segment_id"]
        for label in ("negative", "neutral", "positive"):
            assert counts.loc[stage, label] == sum(labels[i] == label for i in ids)
    assert shares.loc["setup"].sum() == pytest.approx(1.0)
    table = journey.stage_sentiment(mapped, scored, stages)
    assert list(table["stage"]) == stages and list(table["n"]) == list(counts.sum(axis=1))

    pains = journey.pain_points(mapped, scored, study.consenting(), stages=stages)
    assert (pains["compound"] <= -0.05).all()
    lee = pains[pains["segment_id"] == "INT-002#t2"].iloc[0]
    # P-2 did not consent to being quoted: the pain counts, the words are not shown
    assert not lee.quotable and "no consent" in lee.text
    assert lee.stage == "setup"


def test_pain_points_keep_the_most_negative_per_stage():
    mapped = pd.DataFrame({"segment_id": ["a", "b", "c", "d"], "interview_id": ["I"] * 4,
                           "participant": ["P"] * 4, "kind": ["turn", "turn", "insight", "turn"],
                           "stage": ["s", "s", "s", "t"], "source": ["code"] * 4, "evidence": [""] * 4})
    scored = pd.DataFrame({"segment_id": ["a", "b", "c", "d"], "text": ["A", "B", "C", "D"],
                           "compound": [-0.2, -0.9, -0.5, 0.3]})
    pains = journey.pain_points(mapped, scored, {"P"}, per_stage=2, stages=["s", "t"])
    assert list(pains["segment_id"]) == ["b", "c"]
    assert list(pains["text"]) == ["B", "C"]


def test_pilot_every_segment_is_placed():
    study = kit.load_study(kit.paths.pilot_path())
    mapped = journey.map_stages(study)
    assert len(mapped) == int((study.turns["role"] == "participant").sum()) + len(study.insights)
    assert set(mapped["stage"]) <= set(study.stages)
    assert set(mapped["source"]) <= {"code", "note"}  # every pilot note names its stage
