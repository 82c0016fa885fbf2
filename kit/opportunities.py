"""Opportunities: every note's ``## Opportunities``, linked to the evidence behind it and
ranked by how many participants that evidence speaks for and how strongly they spoke.

* :func:`gather` -- one row per opportunity with its interview, participant and attribute;
* :func:`evidence` -- one row per (opportunity, evidence): the key quotes and insights of
  the same interview, with the codes applied to each and whether it shares a code with the
  opportunity. Quotes of participants who did not consent to being quoted keep their id
  and codes but not their text;
* :func:`rank` -- per opportunity: its ``codes`` (those applied to the opportunity itself,
  by a coder or the auto-coder; a parent code, the codebook's catch-all for its branch, is
  dropped when a code without children is there too, so a broad parent code does not
  swamp its specific children), ``participants``: the
  people anywhere in the study whose own words (turns, key quotes) carry one of those codes
  (their ``share`` of everyone interviewed; the opportunity, an insight or another note of
  the team never counts a participant, so an opportunity without codes has 0), and the strength of what they said in their own words (turns and
  quotes): ``mean_abs_compound``, ``share_negative``, and ``intensity`` = share x mean
  |compound|. ``coded_as`` is "specific" (a code without children), "catch-all" (only
  parent codes, applied where no more specific code fits: nearly everyone says something
  the broad code covers) or "uncoded". Ranked by that, then participants, then intensity, so a
  broad catch-all code does not push the specific opportunities down.
"""
from __future__ import annotations

import pandas as pd

from kit.schema import NO_CONSENT, named_interviews, person
from kit.sentiment import POSITIVE_THRESHOLD
from kit.study import as_study
from kit.themes import code_descendants

__all__ = ["DECISION_COLUMNS", "EVIDENCE_COLUMNS", "NOTE_COLUMNS", "RANK_COLUMNS", "decisions", "evidence", "gather",
           "notes", "rank"]

OWN_WORDS = ("turn", "quote")



def gather(study, attribute: str | None = None) -> pd.DataFrame:
    """One row per opportunity: opportunity_id (its segment id, ``INT-003#o1``),
    interview_id, participant, date, the participant ``attribute`` (default the study's
    segment attribute) and text."""
    study = as_study(study)
    attribute = attribute or study.segment_attribute
    opp = study.opportunities.rename(columns={"segment_id": "opportunity_id"})
    interviews = study.interviews.set_index("interview_id")
    frame = opp[["opportunity_id", "interview_id", "participant"]].copy()
    frame["participant"] = frame["participant"].fillna("").astype(str)
    frame["date"] = frame["interview_id"].map(interviews["date"]) if len(frame) else []
    columns = ["opportunity_id", "interview_id", "participant", "date", "text"]
    if attribute in interviews.columns:
        frame[attribute] = frame["interview_id"].map(interviews[attribute]).fillna("").astype(str) \
            if len(frame) else pd.Series(dtype=str)
        columns.insert(4, attribute)
    frame["text"] = opp["text"]
    return frame[columns].reset_index(drop=True)


def _codes(study, codes):
    if codes is None:
        from kit.journey import applied_codes

        codes = applied_codes(study)
    return codes.groupby("segment_id")["code"].agg(lambda s: sorted(set(s))).to_dict() if len(codes) else {}


def _specific(own, general):
    """The opportunity's codes without the catch-all parents, unless it has nothing else."""
    return [c for c in own if not general.get(c)] or list(own)


EVIDENCE_COLUMNS = ["opportunity_id", "evidence_id", "kind", "participant", "codes", "shares_code", "text"]


def evidence(study, codes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The evidence of each opportunity: the key quotes and insights of its interview,
    with the ``codes`` applied to each (``codes``: ``kit.journey.applied_codes``, computed
    when omitted) and ``shares_code``: whether one of them is one of the opportunity's
    codes (as :func:`rank` chooses them). A quote's text is shown only if its participant
    consented to being quoted."""
    study = as_study(study)
    codes_of = _codes(study, codes)
    general = code_descendants(study.codebook)
    consenting = study.consenting()
    items = pd.concat([study.quotes.assign(kind="quote"), study.insights.assign(kind="insight")],
                      ignore_index=True)
    by_interview = {iid: group for iid, group in items.groupby("interview_id", sort=False)} if len(items) else {}
    rows = []
    for opp in study.opportunities.itertuples(index=False):
        own = set(_specific(codes_of.get(opp.segment_id, []), general))
        group = by_interview.get(opp.interview_id)
        if group is None:
            continue
        for item in group.itertuples(index=False):
            applied = codes_of.get(item.segment_id, [])
            # a child code's passage backs its parent's theme (themes roll up: kit.themes)
            rolled = set(applied) | {p for p, below in general.items() if below & set(applied)}
            participant = str(item.participant or "")
            quotable = item.kind != "quote" or participant in consenting
            rows.append({"opportunity_id": opp.segment_id, "evidence_id": item.segment_id, "kind": item.kind,
                         "participant": participant, "codes": ", ".join(applied),
                         "shares_code": bool(own & rolled),
                         "text": item.text if quotable else NO_CONSENT})
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


CODED_AS = ("specific", "catch-all", "uncoded")
RANK_COLUMNS = ["rank", "opportunity_id", "interview_id", "participant", "text", "codes", "coded_as",
                "evidence", "participants", "share", "voiced", "mean_abs_compound", "share_negative",
                "intensity"]


def rank(study, codes: pd.DataFrame | None = None, scores: pd.DataFrame | None = None,
         attribute: str | None = None, threshold: float = POSITIVE_THRESHOLD) -> pd.DataFrame:
    """Opportunities ranked by how they are coded (``coded_as``: specific codes first, then
    catch-all parent codes only, then uncoded), frequency (``participants`` whose own words,
    turns and key quotes, carry one of the opportunity's codes) and then intensity (``share`` x mean |compound| of those
    participants' own words carrying the codes). ``evidence`` counts the quotes and
    insights of its interview that share one of its codes.

    ``codes``: ``kit.journey.applied_codes`` (computed when omitted); ``scores``: segment_id,
    compound (computed for the participants' own words when omitted)."""
    from kit.themes import n_participants

    study = as_study(study)
    attribute = attribute or study.segment_attribute
    if codes is None:
        from kit.journey import applied_codes

        codes = applied_codes(study)
    codes_of = _codes(study, codes)
    opps = gather(study, attribute)
    segments = study.segments()
    if scores is None:
        from kit.languages import (
            study_compound,  # NaN where VADER is not valid (not English)
        )

        own = segments[segments["kind"].isin(OWN_WORDS)]
        scores = pd.DataFrame({"segment_id": own["segment_id"].tolist(),
                               "compound": study_compound(study, own).to_numpy() if len(own) else []})
    info = segments[["segment_id", "interview_id", "participant", "kind"]].drop_duplicates("segment_id")
    coded = codes[["segment_id", "code"]].drop_duplicates().merge(info, on="segment_id", how="inner")
    coded["who"] = person(coded, named_interviews(segments)) if len(coded) else pd.Series(dtype=str)
    if len(coded):  # a no-show's note: nobody interviewed (kit.sample), as n_participants counts
        from kit.sample import not_interviewed

        coded["who"] = coded["who"].where(~coded["participant"].isin(not_interviewed(study)), None)
    coded = coded.merge(scores[["segment_id", "compound"]].drop_duplicates("segment_id"), on="segment_id", how="left")
    n_people = n_participants(study) or 1
    ev = evidence(study, codes)
    support = ev[ev["shares_code"]].groupby("opportunity_id").size() if len(ev) else pd.Series(dtype=int)
    general = code_descendants(study.codebook)
    rows = []
    for opp in opps.itertuples(index=False):
        specific = _specific(codes_of.get(opp.opportunity_id, []), general)
        mine = coded[coded["code"].isin(specific)]
        voiced = mine[mine["kind"].isin(OWN_WORDS) & mine["compound"].notna()].drop_duplicates("segment_id")
        # people who said it in their own words; the opportunity itself is the team's
        people = mine.loc[mine["kind"].isin(OWN_WORDS), "who"].nunique() if specific else 0
        mean_abs = float(voiced["compound"].abs().mean()) if len(voiced) else float("nan")
        negative = float((voiced["compound"] <= -threshold).mean()) if len(voiced) else float("nan")
        rows.append({"opportunity_id": opp.opportunity_id, "interview_id": opp.interview_id,
                     "participant": opp.participant, "text": opp.text, "codes": ", ".join(specific),
                     "coded_as": ("uncoded" if not specific else
                                  "catch-all" if all(general.get(c) for c in specific) else "specific"),
                     "evidence": int(support.get(opp.opportunity_id, 0)),
                     "participants": int(people), "share": people / n_people, "voiced": len(voiced),
                     "mean_abs_compound": mean_abs,
                     "share_negative": negative,
                     "intensity": people / n_people * mean_abs})
    table = pd.DataFrame(rows, columns=[c for c in RANK_COLUMNS if c != "rank"])
    if attribute in opps.columns:
        table.insert(3, attribute, opps[attribute].to_numpy() if len(opps) else [])
    table["_coded"] = table["coded_as"].map({k: i for i, k in enumerate(CODED_AS)})
    table = table.sort_values(["_coded", "participants", "intensity", "opportunity_id"],
                              ascending=[True, False, False, True], na_position="last")
    table = table.drop(columns="_coded").reset_index(drop=True)
    table.insert(0, "rank", range(1, len(table) + 1))
    return table


DECISION_COLUMNS = ["decision_id", "date", "decision", "evidence", "interviews_cited", "estimated_value",
                    "value_kind", "outcome_metric", "outcome_baseline", "outcome_reading", "reading_date"]
NOTE_COLUMNS = ["segment_id", "interview_id", "participant", "segment", "stage", "insights", "quotes",
                "decisions", "interview_cited_by", "text"]


def decisions(study) -> pd.DataFrame:
    """The decision ledger with what each cites (columns :data:`DECISION_COLUMNS`): one row
    per row of decisions.csv, ``evidence`` its cited segment ids joined by ``"; "`` and
    ``interviews_cited`` the number of distinct interviews among them."""
    study = as_study(study, strict=False)
    rows = []
    for d in study.decisions.itertuples(index=False):
        cited = [str(e) for e in (d.evidence if isinstance(d.evidence, list) else [])]
        rows.append({"decision_id": d.id, "date": d.date, "decision": d.decision,
                     "evidence": "; ".join(cited), "interviews_cited": len({e.split("#")[0] for e in cited}),
                     "estimated_value": d.estimated_value, "value_kind": d.value_kind,
                     "outcome_metric": d.outcome_metric, "outcome_baseline": d.outcome_baseline,
                     "outcome_reading": d.outcome_reading, "reading_date": d.reading_date})
    return pd.DataFrame(rows, columns=DECISION_COLUMNS)


def _citations(ledger: pd.DataFrame) -> tuple[dict, dict]:
    """Segment id -> decisions citing it, and interview id -> decisions citing any of its passages."""
    by_segment, by_interview = {}, {}
    for decision, cited in zip(ledger["decision_id"], ledger["evidence"]):
        for e in str(cited).split("; "):
            if e:
                by_segment.setdefault(e, set()).add(decision)
                by_interview.setdefault(e.split("#")[0], set()).add(decision)
    return by_segment, by_interview


def notes(study, include_names: bool = False) -> pd.DataFrame:
    """Each opportunity of the notes with the evidence of its interview (columns
    :data:`NOTE_COLUMNS`): ``insights`` (how many the note records), ``quotes`` (the key
    quotes of consenting participants, ids joined by ``"; "``), ``decisions`` (those citing
    this opportunity's own id: acted on) and ``interview_cited_by`` (decisions citing
    another passage of its interview: evidence nearby, not action on this idea), ``stage``
    (the interview's journey stage) and ``text`` (the team's words, redacted)."""
    from kit.privacy import redact, roster
    from kit.sample import cell_text, segment_of

    study = as_study(study, strict=False)
    insights = study.insights.groupby("interview_id").size().to_dict() if len(study.insights) else {}
    quotes = study.quotes
    shareable = quotes[quotes["participant"].isin(study.consenting())] if len(quotes) else quotes
    quote_ids = shareable.groupby("interview_id")["segment_id"].agg(list).to_dict() if len(shareable) else {}
    stage = dict(zip(study.interviews["interview_id"], study.interviews.get("stage", [])))
    cites, cites_interview = _citations(decisions(study))
    who, names = segment_of(study), roster(study)
    rows = []
    for o in study.opportunities.itertuples(index=False):
        decided = sorted(cites.get(o.segment_id, set()))
        nearby = sorted(cites_interview.get(o.interview_id, set()) - set(decided))
        rows.append({"segment_id": o.segment_id, "interview_id": o.interview_id, "participant": o.participant,
                     "segment": cell_text(who.get(o.participant)), "stage": cell_text(stage.get(o.interview_id)),
                     "insights": int(insights.get(o.interview_id, 0)),
                     "quotes": "; ".join(quote_ids.get(o.interview_id, [])),
                     "decisions": "; ".join(decided), "interview_cited_by": "; ".join(nearby),
                     "text": redact(cell_text(o.text), names, names=not include_names)})
    return pd.DataFrame(rows, columns=NOTE_COLUMNS)
