"""kit.opportunities: every note's opportunities, linked to their evidence and ranked by
frequency and intensity."""
from __future__ import annotations

import pytest

import kit
from kit import opportunities
from kit.sentiment import compound
from conftest import write

NOTE_3 = """
---
id: INT-003
date: 2026-01-07
participant: P-3
interviewer: Ana Silva
---

## Key Quotes
- "I hate retyping everything, so I use my own spreadsheet."

## Insights
- Sam keeps a spreadsheet of every project.

## Opportunities
- A spreadsheet import would save Sam an hour a week.
"""


@pytest.fixture
def study(study_dir):
    write(study_dir / "interviews" / "INT-003.md", NOTE_3)
    return kit.load_study(study_dir)


def test_gather_every_note(study):
    table = opportunities.gather(study)
    assert list(table["opportunity_id"]) == ["INT-001#o1", "INT-002#o1", "INT-003#o1"]
    assert list(table["segment"]) == ["small", "large", "large"]
    assert table.loc[0, "text"] == "Importing a spreadsheet could replace the template step."


def test_evidence_links_quotes_and_insights_of_the_interview(study):
    ev = opportunities.evidence(study)
    mine = ev[ev["opportunity_id"] == "INT-001#o1"].set_index("evidence_id")
    assert list(mine.index) == ["INT-001#q1", "INT-001#q2", "INT-001#i1"]
    assert mine.loc["INT-001#q1", "shares_code"] and mine.loc["INT-001#i1", "shares_code"]
    assert not mine.loc["INT-001#q2", "shares_code"]  # invite-trouble, not workaround
    assert mine.loc["INT-001#q2", "codes"] == "invite-trouble"
    # P-2 did not consent to being quoted: the quote is linked, its words are not shown
    theirs = ev[ev["opportunity_id"] == "INT-002#o1"].set_index("evidence_id")
    assert theirs.loc["INT-002#q1", "text"] == opportunities.NO_CONSENT
    assert theirs.loc["INT-002#i1", "text"].startswith("Lee waited")


def test_rank_by_people_sharing_the_codes_then_intensity(study):
    table = opportunities.rank(study)
    assert list(table["rank"]) == [1, 2, 3]
    first = table.iloc[0]
    # both spreadsheet opportunities are coded workaround, raised by P-1 and P-3: 2 of 3 people
    assert set(table.iloc[:2]["opportunity_id"]) == {"INT-001#o1", "INT-003#o1"}
    assert first.codes == "workaround" and first.participants == 2
    assert first.share == pytest.approx(2 / 3)
    # their own words carrying the code: P-1's turn t2 and quote q1, P-3's quote q1
    texts = [study.turns.set_index("segment_id").loc["INT-001#t2", "text"],
             study.quotes.set_index("segment_id").loc["INT-001#q1", "text"],
             study.quotes.set_index("segment_id").loc["INT-003#q1", "text"]]
    strengths = [abs(v) for v in compound(texts)]
    assert first.voiced == 3
    assert first.mean_abs_compound == pytest.approx(sum(strengths) / 3)
    assert first.intensity == pytest.approx(2 / 3 * sum(strengths) / 3)
    assert first.share_negative == pytest.approx(sum(v <= -0.05 for v in compound(texts)) / 3)
    # "Admins could approve invites in advance." has no code: the team's idea, no participant's words
    last = table.iloc[2]
    assert last.opportunity_id == "INT-002#o1" and last.codes == "" and last.participants == 0
    assert last.coded_as == "uncoded" and first.coded_as == "specific"
    assert last.evidence == 0


def test_evidence_count_in_rank(study):
    table = opportunities.rank(study).set_index("opportunity_id")
    assert table.loc["INT-001#o1", "evidence"] == 2  # q1 and i1 share workaround
    assert table.loc["INT-003#o1", "evidence"] == 2


def test_catch_all_parent_codes_give_way_to_specific_ones(study_dir):
    write(study_dir / "codebook.yml", """
        codes:
          - name: trouble
            definition: Any trouble, when nothing more specific fits.
            keywords: [template, import]
          - name: workaround
            parent: trouble
            definition: Routes around the product.
            keywords: [spreadsheet]
    """)
    # a coder applied the parent as well as the auto-coder's child
    write(study_dir / "codings" / "ana.csv", "segment,code,coder,memo\nINT-001#o1,trouble,ana,\n")
    study = kit.load_study(study_dir)
    table = opportunities.rank(study).set_index("opportunity_id")
    applied = kit.journey.applied_codes(study)
    assert set(applied.loc[applied["segment_id"] == "INT-001#o1", "code"]) == {"trouble", "workaround"}
    assert table.loc["INT-001#o1", "codes"] == "workaround"
    # only the parent: it stays
    write(study_dir / "codings" / "ana.csv", "segment,code,coder,memo\nINT-002#o1,trouble,ana,\n")
    table = opportunities.rank(kit.load_study(study_dir)).set_index("opportunity_id")
    assert table.loc["INT-002#o1", "codes"] == "trouble"
    assert table.loc["INT-002#o1", "coded_as"] == "catch-all"
    assert table.loc["INT-001#o1", "coded_as"] == "specific"


def test_pilot_ranking():
    study = kit.load_study(kit.paths.pilot_path())
    table = opportunities.rank(study)
    assert len(table) == len(study.opportunities) == 44
    assert list(table["rank"]) == list(range(1, 45))
    order = {k: i for i, k in enumerate(opportunities.CODED_AS)}
    keys = list(zip(table["coded_as"].map(order), table["participants"], table["intensity"].fillna(-1)))
    assert keys == sorted(keys, key=lambda k: (k[0], -k[1], -k[2]))
    # "getting-paid" is the codebook's catch-all: 14 people in their own words (16 with the team's notes), yet ranked after the
    # opportunities with a specific code
    catch_all = table[table["coded_as"] == "catch-all"]
    assert catch_all["participants"].max() == 14
    assert catch_all["rank"].min() > table.loc[table["coded_as"] == "specific", "rank"].max()
    assert (table["participants"] <= 18).all() and (table["participants"] >= 0).all()
    # participants are people whose own words carry the codes, never the team's notes
    assert (table.loc[table["coded_as"] == "uncoded", "participants"] == 0).all()
    ev = opportunities.evidence(study)
    no_consent = ev[(ev["kind"] == "quote") & ~ev["participant"].isin(study.consenting())]
    assert len(no_consent) and (no_consent["text"] == opportunities.NO_CONSENT).all()
