"""The report's figures agree with each other and read plainly (newcomer report, faults 6 and
17): one denominator for shares, no cost claimed without costs.csv, an optional follow-up
step nobody records is "not recorded", plurals right, no statistical jargon outside the
method appendix, the team's opportunity text never withheld as a participant's words, a
quote used once, and a theme's feeling that agrees with its passages."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import kit
from kit import opportunities, program
from kit import themes as th
from kit.analyze import analyze
from kit.capture import save_table
from kit.report import Report
from report_helpers import write_method_tables

VET = Path(__file__).parent / "data" / "newcomer" / "vet-booking"
JARGON = re.compile(r"kappa|vader|jaccard|log-likelihood|krippendorff|validated rule|compound|"
                    r"precision|p-value|q-value", re.I)
BAD_PLURAL = re.compile(r"\b1 (participants|passages|quotes|decisions|invitations|people)\b")


def _tables(study, out: Path) -> Path:
    """The tables the report reads, written as the notebooks write them (published)."""
    analyze(study, out / "tables")
    program.program_json(study, out, as_of="2026-11-30")
    applied = th.study_themes(study)["applied"][["segment_id", "code", "source"]]
    save_table(opportunities.rank(study, codes=applied), out / "tables" / "opportunities.csv", study=study)
    save_table(opportunities.evidence(study, codes=applied), out / "tables" / "opportunity_evidence.csv",
               study=study)
    save_table(program.follow_up(study, "2026-11-30"), out / "tables" / "follow_up.csv", study=study)
    from kit import guide_export, guide_widgets

    result, _ = guide_export.lint_study_guide(study)
    save_table(guide_widgets.lint_table(result), out / "tables" / "guide_lint.csv", study=study)
    return write_method_tables(study, out)


@pytest.fixture(scope="module")
def vet(tmp_path_factory):
    study = kit.load_study(VET, strict=False)
    out = _tables(study, tmp_path_factory.mktemp("vet"))
    return study, out, Report(study, out).context()


def _texts(section: dict) -> list[str]:
    out = [section.get("lead", "")]
    for b in section["blocks"]:
        out += [b["title"], b["intro"], b["note"], *b["bullets"]]
        out += [str(m["label"]) + " " + str(m["value"]) for m in b["metrics"]]
        if b["table"]:
            out += [str(c) for c in (b["table"].get("headings") or [])]
        for c in b["cards"]:
            out += [*c["items"], *c["evidence"]]
    return out


def test_one_denominator_stated_and_used(vet):
    study, _, ctx = vet
    people = th.n_participants(study)
    metric = [m for m in ctx["metrics"] if "people interviewed" in m["label"]]
    assert metric and metric[0]["value"] == str(people)
    for finding in ctx["findings"]:
        for _, total in re.findall(r"(\d+) of the (\d+) people interviewed", finding):
            assert int(total) == people


def test_no_cost_claimed_without_costs_csv(vet):
    study, _, ctx = vet
    assert not len(study.costs)
    text = " ".join(ctx["findings"])
    assert "research cost" not in text.lower() or "not computed" in text
    assert not re.search(r"cost (GBP|EUR|USD|£|€|\$) ?0\b", text)
    roi = next(b for s in ctx["sections"] for b in s["blocks"] if b["title"] == "Program ROI")
    cost = next(m for m in roi["metrics"] if m["label"] == "program cost")
    assert "not computed" in cost["value"]


def test_follow_up_step_nobody_records_is_not_a_failure(vet):
    _, out, ctx = vet
    capture = next(b for s in ctx["sections"] for b in s["blocks"] if b["title"] == "Capture quality")
    debriefs = next(m for m in capture["metrics"] if "debriefs" in m["label"])
    assert debriefs["value"] == "not recorded"  # no note of this study records a debrief
    roi = next(b for s in ctx["sections"] for b in s["blocks"] if b["title"] == "Program ROI")
    follow = [b for b in roi["bullets"] if b.startswith("Follow-up")]
    assert follow and "debriefs" in follow[0] and "not recorded" in follow[0]


def test_plain_language_outside_the_appendix(vet):
    _, _, ctx = vet
    texts = list(ctx["findings"])
    for section in ctx["sections"]:
        if section["id"] != "appendix":
            texts += _texts(section)
    bad = [t for t in texts if JARGON.search(str(t))]
    assert not bad, bad
    everything = " ".join(map(str, texts))
    assert not BAD_PLURAL.search(everything), BAD_PLURAL.search(everything)


def test_several_ubiquitous_rules_read_their_rules():
    from kit.report import agreement_words, plural

    assert plural(1, "passage") == "1 passage" and plural(2, "passage") == "2 passages"
    assert agreement_words(0.65) == "two coders agreed well"  # Landis & Koch "substantial" (0.61-0.80)
    assert agreement_words(0.85) == "two coders agreed very well"


def test_opportunity_cards_show_the_teams_words_and_honest_evidence(vet):
    study, _, ctx = vet
    block = next(b for s in ctx["sections"] for b in s["blocks"] if b["title"] == "Opportunities and their evidence")
    assert block["cards"]
    texts = set(study.opportunities["text"])
    quote_ids = [c["quote_id"] for c in block["cards"] if c["quote_id"]]
    assert len(quote_ids) == len(set(quote_ids))  # a quote speaks once
    for card in block["cards"]:
        assert card["items"][0] in texts  # P-003 did not consent to quoting; the team's text still shows
        assert "not quoted" not in card["items"][0]
        for line in card["evidence"]:
            assert not re.search(r"\b0 passages\b", line)
    # P-003's opportunity is among the cards, in the team's words
    p3 = study.opportunities[study.opportunities["participant"] == "P-003"]["text"]
    assert any(card["items"][0] in set(p3) for card in block["cards"]) or len(block["cards"]) == 8


def test_guide_table_shows_the_guides_kinds(vet):
    study, _, ctx = vet
    guide = next(b for s in ctx["sections"] for b in s["blocks"] if b["title"] == "Discussion guide")
    table = guide["table"]
    header = table["headings"]
    assert "Kind" in header and "Reads as" in header
    kinds = {row[header.index("Kind")] for row in table["rows"]}
    declared = {str(q.get("kind", "")) for q in study.guide_questions} if hasattr(study, "guide_questions") else kinds
    assert kinds <= {"opener", "targeted", "future", "probe", "closer", "warm-up", "–", ""} | declared
    assert "opener" in kinds


def test_pilot_feeling_agrees_with_its_passages():
    """late-payment, chasing and cash-flow-stress were "positive" on the pilot: VADER reads
    "fair play, he paid" as positive, and a bare majority of positive passages made the label."""
    from kit.paths import pilot_path

    study = kit.load_study(pilot_path(), strict=False)
    counts = th.study_themes(study, scores=th.segment_scores(study.segments()))["counts"].set_index("code")
    for code in ("late-payment", "chasing", "cash-flow-stress"):
        assert counts.loc[code, "feeling"] != "positive", (code, counts.loc[code].to_dict())
    for row in counts.itertuples():
        if row.feeling == "negative":
            assert row.share_negative > 0.5
        if row.feeling == "positive":
            assert row.share_positive > 0.5 and row.share_negative < th.FEELING_OTHER_SIDE * row.share_positive


def test_published_opportunities_keep_the_teams_words(vet):
    """opportunities.csv has a participant column and the segment attribute: the team's text
    of a non-consenting participant's interview is still published; their quotes are not."""
    import pandas as pd

    study, out, _ = vet
    ranked = pd.read_csv(out / "tables" / "opportunities.csv")
    assert "segment" in ranked and (ranked["participant"] == "P-003").any()
    assert not ranked["text"].str.contains("not quoted").any()
    assert set(ranked["text"]) <= set(study.opportunities["text"])
    ev = pd.read_csv(out / "tables" / "opportunity_evidence.csv")
    theirs = ev[(ev["participant"] == "P-003") & (ev["kind"] == "quote")]
    assert len(theirs) and theirs["text"].str.contains("not quoted").all()
