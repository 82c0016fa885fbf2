"""What every section of the report shares: the study, the tables, who may be named and quoted,
and the evidence behind a finding."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from kit.report.formatting import (_maybe, _missing, agreement_words, fmt_share,
                                   fmt_text)
from kit.report.tables import REPORT_NOTEBOOK, UPSTREAM, Tables

__all__ = ["REQUEST", "ReportBase"]

# A participant asking for something, in their own words.
REQUEST = re.compile(
    r"\b(i wish|i'd love|i would love|would love|if only|i'd pay|i would pay|i'd happily pay|"
    r"it would be (great|nice|good|brilliant|amazing|handy|useful)|would be (great|nice|brilliant|handy)|"
    r"if (it|you|the app|the tool|brightbill|the software) could|why can't|"
    r"what i (want|need) is|all i want|i just want|i'd want|i'd like (it|a|an|to be able)|"
    r"should (just )?(be able to|let me)|i need (it|something) to|give me a)\b",
    re.IGNORECASE)



class ReportBase:
    """Assembles the sections from the tables of ``out`` and the study."""

    def __init__(self, study, out: Path, sprint: str = "", include_names: bool = False):
        from kit.outputs import PUBLISHED, Outputs
        from kit.privacy import roster

        self.study = study
        self.out = Path(out)
        self.tables = Tables(self.out, Outputs(None, study, PUBLISHED, include_names=include_names))
        self.sprint = str(sprint or study.sprint or "")
        self.include_names = bool(include_names)
        self.roster = roster(study)
        self.consenting = study.consenting()
        people = study.participants
        self.segment_attribute = study.segment_attribute
        self.segment_of = dict(zip(people["id"], people[self.segment_attribute])) \
            if self.segment_attribute in people else {}
        self.name_of = dict(zip(people["id"], people["name"])) if "name" in people else {}
        self.currency = str((study.config.get("costs") or {}).get("currency") or "")
        self.ran = self._executed_notebooks()

    # -- helpers -----------------------------------------------------------------------------
    @property
    def costs_known(self) -> bool:
        """Whether the study records what the research cost (a costs.csv with rows)."""
        costs = getattr(self.study, "costs", None)
        return isinstance(costs, pd.DataFrame) and len(costs) > 0

    def _follow_up_sentence(self, program: dict) -> str:
        """Follow-up on time over the steps the team records; a step no note records at all
        (an optional field nobody fills in) is "not recorded", not a failure."""
        follow = self.tables.get("follow_up", "leadership")
        names = {"thank_you": "thank-yous", "debrief": "debriefs", "notes": "notes"}
        if not isinstance(follow, pd.DataFrame) or not len(follow):
            return _maybe("Follow-up on time: {} of due thank-yous, debriefs and notes.",
                          fmt_share(program.get("follow_up_on_time")))
        tracked = [c for c in names if c in follow and (follow[c].astype(str) != "missing").any()]
        untracked = [names[c] for c in names if c in follow and c not in tracked]
        if not tracked:
            return "Follow-up (thank-yous, debriefs, notes): not recorded in the notes."
        labels = pd.concat([follow[c].astype(str) for c in tracked])
        done = labels[labels != "missing"]
        text = (f"Follow-up on time: {fmt_share((labels.isin(['on time', 'same day'])).mean())} of "
                f"{', '.join(names[c] for c in tracked)} ({len(labels) - len(done)} not done yet)")
        return text + (f"; {', '.join(untracked)}: not recorded." if untracked else ".")

    def _executed_notebooks(self) -> list[str]:
        folder = self.out / "notebooks"
        if not folder.is_dir():
            return []
        stems = {p.stem for p in folder.glob("[0-9][0-9]-*.ipynb")}
        stems.add(REPORT_NOTEBOOK)
        return sorted(stems)

    def who(self, pid) -> str:
        pid = fmt_text(pid)
        if not pid:
            return "participant"
        if self.include_names and self.name_of.get(pid):
            return f"{pid} ({self.name_of[pid]})"
        return pid

    def redact(self, text) -> str:
        from kit.privacy import redact

        return redact(fmt_text(text), self.roster, names=not self.include_names)

    def needs(self, *keys: str) -> str:
        """What is missing, in a researcher's words: the table(s) and the notebook that writes them."""
        parts = []
        for key in keys:
            names, notebook = UPSTREAM[key]
            if notebook in self.ran:
                how = f"the {notebook} notebook ran but wrote no such table"
            elif self.ran:
                how = f"the {notebook} notebook was not part of this run"
            else:
                how = f"run the {notebook} notebook (or `interview-kit run`) first"
            parts.append(f"tables/{names[0]} ({how})")
        return "Not available yet: this part needs " + "; ".join(parts) + "."

    def _codebook(self, code) -> dict:
        entry = self.study.codebook.get(code) if hasattr(self.study.codebook, "get") else None
        if entry is None:
            return {"definition": "", "stage": ""}
        return {"definition": entry.definition or "", "stage": entry.stage or ""}

    # -- the report's own tables ---------------------------------------------------------------
    def quote_table(self) -> pd.DataFrame:
        """Shareable key quotes (consented, redacted) with the codes applied to them, if coded."""
        from kit.privacy import public_quotes

        quotes = public_quotes(self.study, include_names=self.include_names)
        coded = self.tables.get("coded")
        codes, hand = {}, None
        if isinstance(coded, pd.DataFrame) and {"code"} <= set(coded.columns):
            if "counted" in coded:  # a rejected rule's guess is not what the quote is about
                coded = coded[coded["counted"].astype(str).str.lower().isin(["true", "1"])]
            column = "segment_id" if "segment_id" in coded else "segment" if "segment" in coded else None
            if column:
                codes = coded.groupby(column)["code"].agg(lambda c: "; ".join(sorted(set(map(str, c))))).to_dict()
                if "source" in coded:  # codes a coder applied by hand (a keyword rule's can misfire)
                    by_hand = coded[coded["source"].astype(str) == "manual"]
                    hand = by_hand.groupby(column)["code"].agg(lambda c: "; ".join(sorted(set(map(str, c))))).to_dict()
        frame = quotes.assign(
            segment=[fmt_text(self.segment_of.get(p)) for p in quotes["participant"]],
            codes=[codes.get(s, "") for s in quotes["segment_id"]],
            hand_codes=[hand.get(s, "") for s in quotes["segment_id"]] if hand is not None
            else [codes.get(s, "") for s in quotes["segment_id"]])
        from kit.languages import study_compound  # NaN where VADER is not valid (not English)

        frame["compound"] = study_compound(self.study, frame).round(4).tolist() if len(frame) else []
        return frame[["segment_id", "interview_id", "participant", "segment", "codes", "hand_codes", "compound",
                      "text"]]

    def request_table(self) -> pd.DataFrame:
        """What participants asked for, in their own words (turns and key quotes), consented only."""
        segments = self.study.segments()
        own = segments[segments["kind"].isin(["turn", "quote"])]
        asks = own[own["text"].map(lambda t: bool(REQUEST.search(str(t))))].copy()
        quoted = asks[asks["kind"] == "quote"]
        def covered(row) -> bool:  # a turn whose words a key quote of the same interview already holds
            if row.kind != "turn":
                return False
            same = quoted[quoted["interview_id"] == row.interview_id]["text"]
            return any(str(q).strip(" .\"“”") in str(row.text) for q in same)
        asks = asks[pd.Series([not covered(r) for r in asks.itertuples()], index=asks.index, dtype=bool)]
        asks = asks.assign(_k=asks["kind"].map({"quote": 0, "turn": 1})).sort_values(["_k", "segment_id"]) \
            .drop(columns="_k")
        asks["consented"] = asks["participant"].isin(self.consenting)
        asks["segment"] = [fmt_text(self.segment_of.get(p)) for p in asks["participant"]]
        asks["text"] = [self.redact(t) if ok else "" for t, ok in zip(asks["text"], asks["consented"])]
        return asks[["segment_id", "interview_id", "participant", "segment", "kind", "consented", "text"]] \
            .reset_index(drop=True)

    def _decision_rows(self) -> list[dict]:
        rows = []
        for d in self.study.decisions.itertuples(index=False):
            evidence = [str(e) for e in (d.evidence if isinstance(d.evidence, list) else [])]
            interviews = sorted({e.split("#")[0] for e in evidence})
            rows.append({"decision_id": d.id, "date": d.date, "decision": d.decision,
                         "evidence": "; ".join(evidence), "interviews_cited": len(interviews),
                         "estimated_value": d.estimated_value, "value_kind": d.value_kind,
                         "outcome_metric": d.outcome_metric, "outcome_baseline": d.outcome_baseline,
                         "outcome_reading": d.outcome_reading, "reading_date": d.reading_date})
        return rows

    def decision_table(self) -> pd.DataFrame:
        columns = ["decision_id", "date", "decision", "evidence", "interviews_cited", "estimated_value",
                   "value_kind", "outcome_metric", "outcome_baseline", "outcome_reading", "reading_date"]
        return pd.DataFrame(self._decision_rows(), columns=columns)

    def opportunity_table(self) -> pd.DataFrame:
        """Each opportunity from the notes with its evidence: the interview's insights and
        shareable quotes, and the decisions that cite it or its interview."""
        opp = self.study.opportunities
        insights = self.study.insights.groupby("interview_id").size().to_dict() if len(self.study.insights) else {}
        quotes = self.study.quotes
        shareable = quotes[quotes["participant"].isin(self.consenting)] if len(quotes) else quotes
        quote_ids = shareable.groupby("interview_id")["segment_id"].agg(list).to_dict() if len(shareable) else {}
        stage = dict(zip(self.study.interviews["interview_id"], self.study.interviews.get("stage", [])))
        cites, cites_interview = {}, {}
        for d in self._decision_rows():
            for e in d["evidence"].split("; "):
                if e:
                    cites.setdefault(e, set()).add(d["decision_id"])
                    cites_interview.setdefault(e.split("#")[0], set()).add(d["decision_id"])
        rows = []
        for o in opp.itertuples(index=False):
            # "acted on" only when a decision cites this opportunity; a decision citing the
            # interview or another passage of it is evidence nearby, not action on this idea
            decided = sorted(cites.get(o.segment_id, set()))
            nearby = sorted(cites_interview.get(o.interview_id, set()) - set(decided))
            rows.append({"segment_id": o.segment_id, "interview_id": o.interview_id, "participant": o.participant,
                         "segment": fmt_text(self.segment_of.get(o.participant)),
                         "stage": fmt_text(stage.get(o.interview_id)),
                         "insights": int(insights.get(o.interview_id, 0)),
                         "quotes": "; ".join(quote_ids.get(o.interview_id, [])),
                         "decisions": "; ".join(decided), "interview_cited_by": "; ".join(nearby),
                         "text": self.redact(o.text)})
        columns = ["segment_id", "interview_id", "participant", "segment", "stage", "insights", "quotes",
                   "decisions", "interview_cited_by", "text"]
        return pd.DataFrame(rows, columns=columns)

    def sample_table(self) -> pd.DataFrame:
        """Recruitment by segment: quota, invited, completed, declined or no-show, consented to quoting."""
        people = self.study.participants
        quotas = (self.study.config.get("segments") or {}).get("quotas") or {}
        attr = self.segment_attribute
        groups = sorted(set(map(str, people[attr].dropna())) | set(map(str, quotas))) if attr in people \
            else sorted(map(str, quotas))
        rows = []
        for g in groups:
            mine = people[people[attr].astype(str) == g] if attr in people else people.iloc[0:0]
            status = mine["status"] if "status" in mine else pd.Series(dtype=str)
            rows.append({"segment": g, "quota": quotas.get(g), "recruited": len(mine),
                         "completed": int((status == "completed").sum()),
                         "scheduled": int((status == "scheduled").sum()),
                         "declined_or_no_show": int(status.isin(["declined", "no-show"]).sum()),
                         "consented_to_quote": int(((status == "completed") & (mine["consent_quote"] == True)).sum())})  # noqa: E712
        return pd.DataFrame(rows, columns=["segment", "quota", "recruited", "completed", "scheduled",
                                           "declined_or_no_show", "consented_to_quote"])

    # -- sections --------------------------------------------------------------------------------
    def _themes(self, section: str) -> pd.DataFrame | None:
        themes = self.tables.get("themes", section)
        if not isinstance(themes, pd.DataFrame) or "code" not in themes:
            return None
        themes = themes.copy()
        if "participants" in themes:
            themes = themes[pd.to_numeric(themes["participants"], errors="coerce").fillna(0) > 0]
        info = [self._codebook(c) for c in themes["code"]]
        themes["definition"] = [i["definition"] for i in info]
        if "stage" not in themes:
            themes["stage"] = [i["stage"] for i in info]
        return themes

    def _quotes_for(self, quotes: pd.DataFrame, code: str, n: int = 1, feeling: str = "") -> list[dict]:
        """Up to ``n`` shareable quotes coded ``code``, strongest first; with a ``feeling``
        ("negative" or "positive") only quotes that read that way, so the passages shown
        agree with the label beside them."""
        if not len(quotes):
            return []
        mine = quotes[quotes["codes"].fillna("").map(lambda c: code in str(c).split("; "))]
        if "hand_codes" in mine:  # a quote a coder coded by hand speaks for the theme first
            by_hand = mine[mine["hand_codes"].fillna("").map(lambda c: code in str(c).split("; "))]
            mine = by_hand if len(by_hand) else mine
        tone = pd.to_numeric(mine["compound"], errors="coerce")
        if feeling == "negative":
            mine = mine[tone <= -0.05]
        elif feeling == "positive":
            mine = mine[tone >= 0.05]
        mine = mine.assign(_strength=-mine["compound"].abs()).sort_values(["_strength", "segment_id"])
        return [self._quote(q) for q in mine.head(n).to_dict("records")]

    def _feeling_of(self, themes: pd.DataFrame | None, code: str) -> str:
        if themes is None or "feeling" not in themes:
            return ""
        row = themes[themes["code"] == code]
        return str(row["feeling"].iloc[0]) if len(row) else ""

    def _quote(self, q: dict) -> dict:
        meta = [self.who(q.get("participant"))]
        if fmt_text(q.get("segment")):
            meta.append(fmt_text(q.get("segment")))
        meta.append(fmt_text(q.get("segment_id")))
        return {"text": fmt_text(q.get("text")), "who": " · ".join(meta), "codes": fmt_text(q.get("codes")),
                "id": fmt_text(q.get("segment_id"))}

    # -- evidence behind a finding ---------------------------------------------------------------
    def _agreement_of(self) -> dict:
        """Per code, how far the coders agree, in words: "coders' kappa 0.80", "too few uses
        to tell", or, with one coder, "one coder: agreement not measured"."""
        overall = self.tables.get("agreement")
        per_code = self.tables.get("code_agreement")
        if isinstance(overall, dict) and overall.get("reason"):
            return {"": "one coder, so agreement between coders is not measured"}
        out = {}
        if isinstance(per_code, pd.DataFrame) and {"code", "kappa"} <= set(per_code.columns):
            for r in per_code.to_dict("records"):
                if str(r.get("band")) == "too few to tell":
                    out[str(r["code"])] = "coders' agreement: too few uses to tell"
                elif _missing(r.get("kappa")):
                    out[str(r["code"])] = "coders' agreement cannot be measured"
                else:
                    out[str(r["code"])] = agreement_words(float(r["kappa"]))
        return out

    def _evidence(self, row: dict, agreement: dict) -> str:
        """Where a theme's count comes from, in plain words, with the coders' agreement."""
        parts = []
        manual, rule = row.get("participants_manual"), row.get("participants_rule")
        status = fmt_text(row.get("rule_status"))
        if not _missing(manual) and int(manual):
            parts.append(f"{int(manual)} coded by hand")
        if not _missing(rule) and int(rule):
            how = {"validated": "a keyword rule checked against the coders",
                   "unvalidated": "a keyword rule not yet checked against the coders"}.get(status, "a keyword rule")
            parts.append(f"{int(rule)} found by {how}")
        if _missing(manual) and _missing(rule):
            parts.append("source not recorded")
        code = str(row.get("code"))
        if "" in agreement:  # one coder: said once, in a finding of its own
            agreed = ""
        else:
            agreed = agreement.get(code) or ("not coded by two coders" if not _missing(manual) and int(manual) else "")
        return "; ".join(p for p in (", ".join(parts), agreed) if p)

    @staticmethod
    def _headline_ready(themes: pd.DataFrame) -> pd.DataFrame:
        """Themes that may headline: raised by someone, not flagged ubiquitous, and resting on
        the coders' codings or a validated rule (an unvalidated rule alone is not enough)."""
        ok = pd.to_numeric(themes["participants"], errors="coerce").fillna(0) > 0
        if "ubiquitous" in themes:
            ok &= ~themes["ubiquitous"].astype(str).str.lower().eq("true")
        if "participants_manual" in themes and "rule_status" in themes:
            by_hand = pd.to_numeric(themes["participants_manual"], errors="coerce").fillna(0) > 0
            ok &= by_hand | themes["rule_status"].fillna("").eq("validated")
        return themes[ok]

    def _rule_notes(self, themes: pd.DataFrame | None) -> list[str]:
        """What is kept out of the findings, and why: rejected, unvalidated and ubiquitous rules."""
        rules = self.tables.get("rules")
        notes = []
        from kit.themes import RULE_MIN_EXAMPLES, RULE_MIN_PRECISION, UBIQUITOUS_SHARE

        if isinstance(rules, pd.DataFrame) and {"code", "rule_status"} <= set(rules.columns):
            rejected = rules.loc[rules["rule_status"] == "rejected", "code"].tolist()
            unvalidated = rules.loc[rules["rule_status"] == "unvalidated", "code"].tolist()
            if rejected:
                notes.append(f"Keyword rules not used (fewer than {RULE_MIN_PRECISION:.0%} of their matches agree "
                             f"with the coders, judged on at least {RULE_MIN_EXAMPLES} examples): "
                             f"{', '.join(rejected)}; these themes count only what the coders coded.")
            if unvalidated:
                notes.append(f"Keyword rules not yet checked against the coders (fewer than {RULE_MIN_EXAMPLES} "
                             f"examples): {', '.join(unvalidated)}; a theme resting only on them is not a key finding.")
        if isinstance(themes, pd.DataFrame) and "ubiquitous" in themes:
            everywhere = themes.loc[themes["ubiquitous"].astype(str).str.lower().eq("true"), "code"].tolist()
            if everywhere:
                its = "their keyword rules match" if len(everywhere) > 1 else "its keyword rule matches"
                notes.append(f"Not a finding: {', '.join(everywhere)} — {its} at least "
                             f"{UBIQUITOUS_SHARE:.0%} of participants, so {'they mark' if len(everywhere) > 1 else 'it marks'} "
                             "the study's topic rather than telling interviews apart.")
        return notes


    @staticmethod
    def _negative(themes: pd.DataFrame) -> pd.DataFrame:
        """Themes whose passages read negative: by the majority of passages (``feeling``) when
        the table has it, else by the mean compound (at or below -0.05)."""
        if "feeling" in themes:
            return themes[themes["feeling"] == "negative"]
        if "mean_compound" in themes:
            return themes[pd.to_numeric(themes["mean_compound"], errors="coerce") <= -0.05]
        return themes.iloc[0:0]

