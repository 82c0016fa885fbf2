"""The product section: friction, the journey, strong feelings, feature requests, opportunities."""
from __future__ import annotations

import pandas as pd

from kit.report.formatting import (
    Block,
    _missing,
    fmt_num,
    fmt_share,
    fmt_signed,
    fmt_text,
    plural,
    table_of,
)

__all__ = ["PAIN_QUOTE", "ProductSections"]

#: A passage is shown as a stage's most negative only at compound <= -PAIN_QUOTE: the score of a
#: lone word VADER rates -1 (the mildest negative rating, on its -4..+4 scale); a sentence that reads
#: nearly neutral is no stage's pain (newcomer s12 F6).
PAIN_QUOTE = 0.25


def _stages(names: list) -> str:
    """ "stage renew", "stages unlock and renew", "stages a, b and c"."""
    if len(names) == 1:
        return f"stage {names[0]}"
    return f"stages {', '.join(names[:-1])} and {names[-1]}"


class ProductSections:
    """The product section: friction, the journey, strong feelings, feature requests, opportunities."""

    def product(self, quotes: pd.DataFrame) -> list[Block]:
        blocks = []
        themes = self._themes("product")
        friction = Block("Friction: where getting the job done hurts",
                         "Themes whose passages read negative on average, by how many participants "
                         "raised them.")
        if themes is not None and ("feeling" in themes or "mean_compound" in themes):
            if "feeling" in themes:
                friction.intro = ("Themes where most of the participants' own words on them read negative and "
                                  "few read positive, by how many participants raised them (how the tone is "
                                  "read: method appendix).")
            # every theme that reads negative by the one rule (ReportBase._valence), as the top
            # themes table labels it; those that may not headline are said so, not hidden
            neg = self._negative(themes)
            neg = neg.sort_values(["participants", "mean_compound"], ascending=[False, True]) \
                if "participants" in neg else neg
            friction.sources.append(self.tables.source("themes"))
            if len(neg):
                columns = {
                    "code": ("Theme", fmt_text), "definition": ("What it means", fmt_text),
                    "stage": ("Journey stage", fmt_text), "participants": ("Participants", fmt_num),
                    "share": ("Share of people interviewed", fmt_share), "mean_compound": ("Sentiment", fmt_signed)}
                if "share_negative" in neg:
                    columns["share_negative"] = ("Negative passages", fmt_share)
                if "source" in neg:
                    columns["source"] = ("Counted from", fmt_text)
                friction.table = table_of(neg, columns, limit=8,
                                          numeric=("participants", "share", "mean_compound", "share_negative"))
                if "participants" in neg:
                    ready = set(self._headline_ready(neg)["code"])
                    weak = [str(c) for c in neg["code"] if c not in ready]
                    if weak:
                        friction.bullets = [
                            f"Not a key finding yet: {', '.join(weak)} — "
                            f"{'its count rests' if len(weak) == 1 else 'their counts rest'} on keyword rules no "
                            "coder has checked, or on rules that fire for nearly everyone (see Top themes)."]
                top = neg.iloc[0]
                friction.quotes = self._quotes_for(quotes, str(top["code"]), 2, feeling="negative")
                if friction.quotes:
                    friction.note = f"In participants' words, on “{top['code']}”:"
                    friction.sources.append(self.tables.source("shareable_quotes"))
            else:
                friction.bullets = ["No theme reads negative in this sprint."]
            left_out = self._unscored_note(themes)
            if left_out:
                friction.bullets.append(left_out)
        else:
            friction.missing = self.needs("themes")
        blocks.append(friction)
        blocks.append(self._journey())

        rare = self.tables.get("rare_intense", "product")
        strong = Block("Strong feelings, few voices",
                       "Themes few participants raised but with unusual intensity (strong sentiment, "
                       "emphasis, repetition): easy to miss in a frequency count.")
        if isinstance(rare, pd.DataFrame):
            strong.sources.append(self.tables.source("rare_intense"))
            if len(rare):
                strong.table = table_of(rare, {"code": ("Theme", fmt_text), "participants": ("Participants", fmt_num),
                                               "intensity": ("Intensity", lambda v: fmt_num(v, 2)),
                                               "mean_compound": ("Sentiment", fmt_signed)},
                                        limit=6, numeric=("participants", "intensity", "mean_compound"))
            else:
                strong.bullets = ["No theme raised by few participants stands out for its intensity in this sprint."]
            strong.add_figure(self.tables.figure("rare_intense", also=("themes",)) if
                              self.tables.path("themes") and self.tables.figure("rare_intense") else None)
        else:
            strong.missing = self.needs("rare_intense")
        blocks.append(strong)

        asks = Block("Feature requests, in participants' words",
                     "Key quotes and turns where a participant asks for something (“I'd love…”, "
                     "“I'd pay for…”, “if it could…”). A request is a clue to the job behind it, "
                     "not a specification.")
        requests = self.tables.get("feature_requests", "product")
        if isinstance(requests, pd.DataFrame):
            asks.sources.append(self.tables.source("feature_requests"))
            requests = requests.astype(object).where(requests.notna(), "")
            consented = requests["consented"].astype(str).str.lower().isin(["true", "1"])
            asks.quotes = [self._quote(r) for r in requests[consented].to_dict("records")][:8]
            hidden = int((~consented).sum())
            if not len(requests):
                asks.bullets = ["No participant asked for a feature in so many words in this sprint."]
            if hidden:
                asks.note = (f"{hidden} more request(s) came from participants who did not consent to being "
                             "quoted; they are counted, not shown.")
        else:
            asks.missing = self.needs("feature_requests")
        blocks.append(asks)
        blocks.append(self._opportunities(quotes))
        return blocks

    def _journey(self) -> Block:
        block = Block("Pain along the journey",
                      "How participants' own words read at each stage of the journey: where the share of "
                      "negative passages is highest, and the most negative passages that may be quoted.")
        stages = self.tables.get("sentiment_by_stage", "product")
        if not isinstance(stages, pd.DataFrame):
            block.missing = self.needs("sentiment_by_stage")
            return block
        block.sources.append(self.tables.source("sentiment_by_stage"))
        if not len(stages):  # the table has a row per stage of the study: none defined
            from kit.journey import NO_STAGES

            block.bullets = [NO_STAGES]
            return block
        frame = stages.copy()
        if "share_negative" in frame:
            frame = frame.sort_values("share_negative", ascending=False, kind="stable")
        block.table = table_of(frame, {
            "stage": ("Stage", fmt_text), "n": ("Passages", fmt_num), "share_negative": ("Negative", fmt_share),
            "share_positive": ("Positive", fmt_share), "mean_compound": ("Mean sentiment", fmt_signed)},
            numeric=("n", "share_negative", "share_positive", "mean_compound"))
        if self.tables.get("stage_sentiment_counts", "product") is not None:
            block.add_figure(self.tables.figure("stage_sentiment_counts"))
        pains = self.tables.get("pain_points", "product")
        if isinstance(pains, pd.DataFrame) and {"text", "participant"} <= set(pains.columns):
            shareable = pains[pains["participant"].isin(self.consenting)]
            if "kind" in shareable:  # participants' own words only, not the team's insights
                shareable = shareable[shareable["kind"].isin(["turn", "quote"])]
            if "compound" in shareable:  # a near-neutral passage is no stage's "most negative"
                tone = pd.to_numeric(shareable["compound"], errors="coerce")
                shareable = shareable[tone <= -PAIN_QUOTE].sort_values("compound", kind="stable")
            from kit.quotes import mostly_withheld

            shown = [self.redact(t) for t in shareable["text"]]
            keep = [not mostly_withheld(t) for t in shown]  # a row of marks is not a passage to show
            shareable = shareable.assign(text=shown)[keep] if len(shareable) else shareable
            for row in shareable.drop_duplicates("stage" if "stage" in shareable else "text").to_dict("records"):
                q = self._quote({**row, "text": row["text"],
                                 "segment": self.segment_of.get(row["participant"])})
                q["theme"] = f"stage: {row.get('stage')}" if row.get("stage") else ""
                block.quotes.append(q)
            if block.quotes:
                block.note = "The most negative shareable passage at each stage:"
                block.sources.append(self.tables.source("pain_points"))
            if "stage" in frame and "n" in frame:
                quoted = set(shareable["stage"]) if "stage" in shareable else set()
                scored = pd.to_numeric(frame["n"], errors="coerce").fillna(0) > 0
                none = [str(s) for s in frame.sort_index()["stage"][scored.sort_index()] if s not in quoted]
                if none:
                    block.bullets.append(
                        f"Most negative passage at {_stages(none)}: none. No passage there that may be quoted "
                        f"reads clearly negative (a sentiment score of {-PAIN_QUOTE:+.2f} or below, the weight "
                        "of one mildly negative word).")
        return block

    def _opportunities(self, quotes: pd.DataFrame) -> Block:
        block = Block("Opportunities and their evidence",
                      "The team's interpretation after each interview, with what it rests on: the "
                      "interview's insights and a shareable quote, and the decisions that cite it. "
                      "Interviews whose opportunities a decision already acts on come first.")
        opps = self.tables.get("opportunity_notes", "product")
        if not isinstance(opps, pd.DataFrame):
            block.missing = self.needs("opportunity_notes")
            return block
        rel = self.tables.source("opportunity_notes")
        block.sources.append(rel)
        opps = opps.astype(object).where(opps.notna(), "")
        if not len(opps):
            block.bullets = ["The interview notes record no opportunities yet (the ## Opportunities section)."]
            return block
        quote_text = dict(zip(quotes["segment_id"], quotes["text"])) if len(quotes) else {}
        ranked = self.tables.get("opportunities", "product")
        if isinstance(ranked, pd.DataFrame) and len(ranked) and {"opportunity_id", "rank"} <= set(ranked.columns):
            return self._ranked_opportunities(block, opps, ranked, quote_text)
        order = {iid: i for i, iid in enumerate(opps["interview_id"].drop_duplicates())}
        groups = []
        for iid, group in opps.groupby("interview_id", sort=False):
            decided = sorted({d for ds in group["decisions"] for d in str(ds).split("; ") if d})
            groups.append((-len(decided), order[iid], iid, group, decided))
        groups.sort(key=lambda g: g[:2])
        for _, _, iid, group, decided in groups[:8]:
            first = group.iloc[0]
            qids = [q for q in str(first["quotes"]).split("; ") if q and q in quote_text]
            block.cards.append({
                "title": iid, "items": list(group["text"]),
                "meta": " · ".join(x for x in (self.who(first["participant"]), first["segment"],
                                                 f"stage: {first['stage']}" if first["stage"] else "") if x),
                "evidence": [f"{first['insights']} insight(s) in the note"] + (
                    [f"{len(qids)} shareable quote(s)"] if qids else []),
                "quote": quote_text[qids[0]] if qids else "", "quote_id": qids[0] if qids else "",
                "decisions": ", ".join(decided)})
        rest = len(groups) - len(block.cards)
        if rest > 0:
            block.note = (f"{len(opps)} opportunities from {len(groups)} interviews; the other {rest} "
                          f"interviews' opportunities are in {rel}.")
        return block

    def _ranked_opportunities(self, block: Block, opps: pd.DataFrame, ranked: pd.DataFrame,
                              quote_text: dict) -> Block:
        """Opportunities in the order the patterns step ranked them (how many participants
        share the codes they rest on, and how strongly), with the report's evidence."""
        block.intro = ("The team's interpretations after each interview (the team's words, so shown in full), "
                       "ranked by how many of the people interviewed raised the themes they rest on in their "
                       "own words, with the evidence behind each and the decisions that act on it.")
        block.sources.insert(0, self.tables.source("opportunities"))
        mine = opps.set_index("segment_id")
        evidence = self.tables.get("opportunity_evidence", "product")
        top = ranked.sort_values("rank", kind="stable").head(8)
        used: set[str] = set()  # a quote speaks once, on the first card it fits
        for row in top.to_dict("records"):
            oid = str(row["opportunity_id"])
            own = mine.loc[oid] if oid in mine.index else None
            decided = str(own["decisions"]).replace("; ", ", ") if own is not None and fmt_text(own["decisions"]) else ""
            nearby = fmt_text(own.get("interview_cited_by")) if own is not None else ""
            quote, quote_id = "", ""
            if isinstance(evidence, pd.DataFrame) and {"opportunity_id", "evidence_id", "kind"} <= set(evidence.columns):
                mine_ev = evidence[(evidence["opportunity_id"] == oid) & (evidence["kind"] == "quote")]
                if "shares_code" in mine_ev:
                    # only a quote coded with one of the opportunity's themes speaks for it
                    mine_ev = mine_ev[mine_ev["shares_code"].astype(str).str.lower() == "true"]
                for ev in mine_ev["evidence_id"]:
                    if ev in quote_text and ev not in used:
                        quote, quote_id = quote_text[ev], ev
                        used.add(ev)
                        break
            share = row.get("share")
            # the team's own words, from the notes (a published table withholds nothing of theirs,
            # but read them from the study so an older table's withheld cell never shows)
            text = own["text"] if own is not None and fmt_text(own.get("text")) else self.redact(row.get("text"))
            people, passages = row.get("participants"), row.get("evidence")
            said = (f"{plural(people, 'participant')} ({fmt_share(share)}) raised these themes in their own words"
                    if not _missing(people) and int(people) else
                    "no participant raised these themes in their own words yet" if fmt_text(row.get("codes")) else
                    "not coded: no theme links it to what participants said")
            backing = (f"{plural(passages, 'quote or insight', 'quotes or insights')} of its interview "
                       f"{'shares' if int(passages) == 1 else 'share'} a theme"
                       if not _missing(passages) and int(passages) else
                       "no quote or insight of its interview shares a theme" if not _missing(passages) else "")
            meta = [oid, self.who(row.get("participant")), fmt_text(row.get("segment"))]
            block.cards.append({
                "title": f"#{int(row['rank'])}", "items": [text],
                "meta": " · ".join(x for x in meta if x),
                "evidence": [x for x in (
                    f"themes: {row['codes']}" if fmt_text(row.get("codes")) else "",
                    said, backing,
                    f"its interview is cited by {nearby.replace('; ', ', ')}" if nearby else "")
                    if x],
                "quote": quote, "quote_id": quote_id, "decisions": decided})
        if len(ranked) > len(top):
            block.note = (f"{len(ranked) - len(top)} more opportunities in {self.tables.source('opportunities')}; "
                          f"the evidence behind each in {self.tables.source('opportunity_evidence')} and "
                          f"{block.sources[-1]}.")
        if self.tables.path("opportunity_evidence"):
            block.sources.insert(1, self.tables.source("opportunity_evidence"))
        return block

