"""The leadership section and the key findings: top themes, trends, ROI, decisions."""
from __future__ import annotations

import pandas as pd

from kit.report.formatting import (
    Block,
    _maybe,
    _missing,
    _outcome,
    _plain_reading,
    fmt_money,
    fmt_num,
    fmt_range,
    fmt_ratio,
    fmt_ratio_range,
    fmt_share,
    fmt_text,
    plural,
    table_of,
)
from kit.report.key_findings import backed, no_finding, tied_with, top_with_ties
from kit.report.tables import FIGURES, data_uri
from kit.roi import value_basis_words

__all__ = ["LeadershipSections"]


def _basis_words(program) -> str:
    """What the program's value rests on, in the words :func:`kit.roi.value_basis_words`
    gives (a program.json of an older version, without ``value_basis``, counts as estimated
    unless it records outcome readings)."""
    if not isinstance(program, dict):
        return ""
    if "value_basis" in program:
        return value_basis_words(program.get("value_basis"))
    return value_basis_words("estimated" if not program.get("decisions_with_readings") else "mixed")


def _left_out_words(program) -> str:
    """", left out of the value and the ROI (D-001)" for the decisions roi() left out."""
    ids = program.get("left_out_ids") if isinstance(program, dict) else None
    if not ids:
        return ""
    return f", so {'it is' if len(ids) == 1 else 'they are'} left out of the value and the ROI ({', '.join(ids)})"


class LeadershipSections:
    """The leadership section and the key findings: top themes, trends, ROI, decisions."""

    def leadership(self) -> list[Block]:
        blocks = []
        themes = self._themes("leadership")
        top = Block("Top themes", "What most participants talked about, how it felt to them (what most of "
                                  "their passages on it sound like), and what each count rests on.")
        if themes is not None:
            top.sources.append(self.tables.source("themes"))
            agreement = self._agreement_of()
            shown = themes.head(6).copy()
            if "participants_manual" in shown:
                shown["evidence"] = [self._evidence(r, agreement) for r in shown.to_dict("records")]
            shown["valence"] = self._valence(shown)  # the one rule every section uses
            columns = {"code": ("Theme", fmt_text), "definition": ("What it means", fmt_text),
                       "participants": ("Participants", fmt_num), "share": ("Share of people interviewed", fmt_share),
                       "valence": ("Feeling", fmt_text)}
            if "evidence" in shown:
                columns["evidence"] = ("Counted from", fmt_text)
            top.table = table_of(shown, columns, numeric=("participants", "share"))
            top.table["more"] = max(0, len(themes) - len(shown))
            notes = self._rule_notes(themes)
            if notes:
                top.bullets = notes
            top.add_figure(self._theme_figure(themes))
        else:
            top.missing = self.needs("themes")
        blocks.append(top)

        blocks.append(self._trends())

        program = self.tables.get("program", "leadership")
        roi = Block("Program ROI", "What the research cost and what it is worth. A decision has many "
                                   "parents, so the research is credited with a share of each decision's "
                                   "estimated value (decisions.csv's attribution, else a tenth to a half): "
                                   "the return is a range, ROI = (credited value − cost) / cost.")
        if isinstance(program, dict):
            roi.sources.append(self.tables.source("program"))
            cur = program.get("currency") or self.currency
            ranged = not _missing(program.get("roi_low"))
            unknown = "not computed (no costs.csv)"
            roi.metrics = [
                {"value": fmt_money(program.get("total_cost"), cur) if self.costs_known else unknown,
                 "label": "program cost"},
                {"value": fmt_money(program.get("total_value"), cur),
                 "label": "value of the decisions counted" + (f" ({_basis_words(program)})" if _basis_words(program) else "")},
                {"value": (fmt_range(fmt_money(program.get('value_low'), cur), fmt_money(program.get('value_high'), cur))
                           if ranged else "–"), "label": "credited to the research"},
                {"value": (fmt_ratio_range(program.get('roi_low'), program.get('roi_high')) if ranged
                           else fmt_ratio(program.get("roi"))),
                 "label": "return on investment" + ("" if ranged else " (full credit)" if not program.get("left_out_ids")
                                                     else " (no decision counted)")
                 + (f", {_basis_words(program)}" if _basis_words(program) else "")},
                {"value": fmt_money(program.get("cost_per_interview"), cur) if self.costs_known else unknown,
                 "label": "cost per interview"},
            ]
            if not self.costs_known:
                roi.metrics[3]["value"] = unknown
            pending = program.get("pending_invitations")
            roi.bullets = [b for b in (
                _maybe("Participation: {} of the people whose invitation has an answer took part ({}× the survey "
                       "response rate)" + (f"; {plural(pending, 'invitation')} still pending {'is' if int(pending) == 1 else 'are'} not counted."
                                           if not _missing(pending) and int(pending) else "."),
                       fmt_share(program.get("participation_rate")), fmt_num(program.get("times_survey_rate"), 1)),
                _maybe("{} held after the decision was taken" + _left_out_words(program) + ": check their dates "
                       "and evidence.", plural(program.get("decisions_citing_later_interviews"), "decision cites interviews",
                                               "decisions cite interviews")
                       if program.get("decisions_citing_later_interviews") else ""),
                self._follow_up_sentence(program),
                _maybe("Median {} days from the first interview cited to the decision.",
                       fmt_num(program.get("median_days_insight_to_action"), 0)),
                _maybe("Action items: {} done, {} open, of which {} overdue.", fmt_num(program.get("done_actions")),
                       fmt_num(program.get("open_actions")), fmt_num(program.get("overdue_actions"))),
            ) if b]
            if self.tables.get("costs_by_category", "leadership") is not None:
                roi.add_figure(self.tables.figure("costs_by_category", also=("value_by_kind",)))
        else:
            roi.missing = self.needs("program")
        blocks.append(roi)

        decisions = self.tables.get("decisions", "leadership")
        block = Block("Decisions", "What the team decided on the strength of these interviews, how many "
                                   "interviews each decision cites, and the outcome measured so far.")
        if not isinstance(decisions, pd.DataFrame):
            block.missing = self.needs("decisions")
        elif len(decisions):
            block.sources.append(self.tables.source("decisions"))
            block.table = table_of(decisions, {
                "decision_id": ("", fmt_text), "decision": ("Decision", fmt_text),
                "interviews_cited": ("Interviews cited", fmt_num),
                "estimated_value": ("Estimated value", lambda v: fmt_money(v, self.currency)),
                "outcome_metric": ("Outcome metric", fmt_text),
                "outcome_baseline": ("Baseline", _outcome), "outcome_reading": ("Reading", _outcome)},
                numeric=("interviews_cited", "estimated_value", "outcome_baseline", "outcome_reading"))
        else:
            block.sources.append(self.tables.source("decisions"))
            block.bullets = ["No decision is recorded yet in the study's decisions.csv."]
        open_questions = list(self.study.config.get("decisions") or [])
        if open_questions:
            block.note = "Decisions this study set out to inform: " + " · ".join(open_questions)
        blocks.append(block)
        blocks.append(self._follow_up_readings())
        return blocks

    def _follow_up_readings(self) -> Block:
        block = Block("Did the decisions work?", "Later sprints heard the same segments again: how often the "
                                                 "theme a decision targeted came up before and after it, and "
                                                 "how it felt.")
        experiments = self.tables.get("experiments", "leadership")
        if isinstance(experiments, pd.DataFrame) and {"decision", "reading"} <= set(experiments.columns):
            block.sources.append(self.tables.source("experiments"))
            later = set()
            if "follow_up" in experiments and self.sprint:
                sprints = [str(v).split("; ") if not _missing(v) else [] for v in experiments["follow_up"]]
                after = [any(x and x > self.sprint for x in xs) for xs in sprints]
                later = {x for xs, late in zip(sprints, after) if late for x in xs if x and x > self.sprint}
                experiments = experiments.loc[[not late for late in after]]
            elif self.sprint:  # readings of unknown sprints: not this sprint's to show
                later = {"later sprints"}
                experiments = experiments.iloc[0:0]
            for row in experiments.dropna(subset=["reading"]).head(8).to_dict("records"):
                what = " · ".join(fmt_text(row.get(k)) for k in ("decision", "segment", "code") if fmt_text(row.get(k)))
                block.bullets.append(f"{what}: {_plain_reading(row)}")
            if later:
                block.note = (f"Follow-up readings from later sprints ({', '.join(sorted(later))}) are left out of "
                              f"this sprint's report; they appear in the reports of those sprints.")
            if not block.bullets:
                block.bullets = ["No decision has a follow-up reading in this sprint."]
        else:
            block.missing = self.needs("experiments")
        return block

    def _up_to_this_sprint(self, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
        """The rows of sprints up to and including this report's sprint (by the table's
        ``order`` when it has one, else by label), and the later sprints left out."""
        if "sprint" not in frame or not self.sprint:
            return frame, []
        # a row without a sprint label (a study.yml without `sprint:`) is this report's own
        labels = frame["sprint"].fillna("").astype(str)
        if "order" in frame and (labels == self.sprint).any():
            mine = frame.loc[labels == self.sprint, "order"].min()
            keep = pd.to_numeric(frame["order"], errors="coerce") <= mine
        else:
            keep = labels <= self.sprint
        keep = keep | (labels == "")
        later = sorted(set(labels[~keep]))
        return frame[keep], later

    def _trends(self) -> Block:
        trend = Block("Trends", f"How themes and the program moved over the sprints up to this one"
                                f"{f' ({self.sprint})' if self.sprint else ''}, and how the mood moved within "
                                "this sprint.")
        themes = self.tables.get("trends", "leadership")
        left_out = set()
        if isinstance(themes, pd.DataFrame) and len(themes):
            themes, later = self._up_to_this_sprint(themes)
            left_out |= set(later)
        if isinstance(themes, pd.DataFrame) and len(themes):
            if not left_out:  # the stored figure shows every sprint: only when none is later
                trend.add_figure(self.tables.figure("trends"))
            trend.sources.append(self.tables.source("trends")) if not trend.figures else None
            if {"sprint", "code", "share"} <= set(themes.columns) and themes["sprint"].nunique() > 1:
                order = list(dict.fromkeys(themes["sprint"]))
                first, last = order[0], order[-1]
                wide = themes.pivot_table(index="code", columns="sprint", values="share", aggfunc="first")
                if first in wide and last in wide:
                    change = (wide[last] - wide[first]).dropna().sort_values()
                    if len(change):
                        down, up = change.index[0], change.index[-1]
                        trend.bullets.append(
                            f"From {first} to {last}: {up} rose most ({fmt_share(wide.loc[up, first])} → "
                            f"{fmt_share(wide.loc[up, last])} of participants), {down} fell most "
                            f"({fmt_share(wide.loc[down, first])} → {fmt_share(wide.loc[down, last])}).")
        program = self.tables.get("program_trends", "leadership")
        if isinstance(program, pd.DataFrame) and len(program):
            program, later = self._up_to_this_sprint(program)
            left_out |= set(later)
            trend.sources.append(self.tables.source("program_trends"))
            cur = self.currency
            ranged = "roi_low" in program
            program = program.assign(_roi=[fmt_ratio_range(lo, hi) for lo, hi in
                                           zip(program["roi_low"], program["roi_high"])] if ranged
                                     else program["roi"].map(fmt_ratio))
            trend.table = table_of(program, {
                "sprint": ("Sprint", fmt_text), "interviews_completed": ("Interviews", fmt_num),
                "participation_rate": ("Took part", fmt_share),
                "total_cost": ("Cost", (lambda v: fmt_money(v, cur)) if self.costs_known else (lambda v: "not computed")),
                "total_value": ("Estimated value", lambda v: fmt_money(v, cur)),
                "_roi": ("Return on investment" if ranged else "Return (full credit)",
                         fmt_text if self.costs_known else (lambda v: "not computed")),
                "median_days_insight_to_action": ("Days from interview to decision", lambda v: fmt_num(v, 0)),
                "overdue_actions": ("Overdue actions", fmt_num)},
                numeric=("interviews_completed", "participation_rate", "total_cost", "total_value", "_roi",
                         "median_days_insight_to_action", "overdue_actions"))
        mood = self.tables.get("sentiment_trend", "leadership")
        if isinstance(mood, pd.DataFrame) and len(mood):
            trend.add_figure(self.tables.figure("sentiment_trend"))
            if "sentiment_trend.csv" not in " ".join(trend.sources):
                trend.sources.append(self.tables.source("sentiment_trend"))
        elif isinstance(self.tables.get("weekly_cadence", "leadership"), pd.DataFrame):
            trend.add_figure(self.tables.figure("weekly_cadence"))
        if left_out:
            trend.bullets.append(f"Later sprints ({', '.join(sorted(left_out))}) are left out: this is the report "
                                 f"of {self.sprint}.")
        if not trend.sources:
            trend.missing = self.needs("trends", "program_trends", "sentiment_trend")
        return trend

    def _theme_figure(self, themes: pd.DataFrame) -> dict | None:
        existing = self.tables.figure("themes")
        if existing:
            return existing
        if not {"participants", "code"} <= set(themes.columns) or not len(themes):
            return None
        import matplotlib.pyplot as plt

        from kit import plots
        from kit.viz.report import report_theme_chart

        fig = report_theme_chart(themes.head(10))
        path = self.out / FIGURES / "report_themes.png"
        plots.save(fig, path)
        plt.close(fig)
        return {"src": data_uri(path), "name": f"{FIGURES}/report_themes.png", "tables": [self.tables.source("themes")]}

    # -- the page --------------------------------------------------------------------------------
    def _shareable_label(self, shared: int) -> str:
        """The headline's label of the shareable quotes' count, saying how many quotes of
        consenting participants are withheld too (their reasons: "Quotes you may use")."""
        agreed = shared
        quotes = self.study.quotes
        if "consent_quote" in quotes:
            agreed = max(int(quotes["consent_quote"].fillna(False).astype(bool).sum()), shared)
        if agreed == shared:
            return "shareable quotes"
        return (f"shareable quotes ({agreed - shared} of the {agreed} of consenting participants withheld: "
                "see Quotes you may use)")

    def headline(self, quotes: pd.DataFrame) -> tuple[list[dict], list[str]]:
        study = self.study
        themes = self.tables.get("themes")
        program = self.tables.get("program")
        from kit.themes import n_participants

        participants = n_participants(study)  # the one denominator of every share (kit.themes)
        metrics = [{"value": str(len(study.interviews)), "label": "interviews"},
                   {"value": str(participants), "label": "people interviewed (every share is of them)"},
                   {"value": str(len(quotes)), "label": self._shareable_label(len(quotes))},
                   {"value": str(len(study.decisions)), "label": "decisions informed"}]
        basis = _basis_words(program)
        if isinstance(program, dict) and not _missing(program.get("roi_low")):
            metrics.append({"value": fmt_ratio_range(program.get('roi_low'), program.get('roi_high')),
                            "label": f"program ROI (research's share of each decision; {basis})"})
        elif isinstance(program, dict) and not _missing(program.get("roi")):
            metrics.append({"value": fmt_ratio(program.get("roi")), "label": f"program ROI (full credit; {basis})"})
        findings = []
        if isinstance(themes, pd.DataFrame) and {"code", "participants"} <= set(themes.columns) and len(themes):
            agreement = self._agreement_of()
            total = participants or 1
            ready = self._headline_ready(themes)
            lead, tied = top_with_ties(ready)  # kit.report.key_findings: a minimum backing, ties said
            if not len(ready) and (pd.to_numeric(themes["participants"], errors="coerce").fillna(0) > 0).any():
                findings.append("No theme is a key finding yet: every count rests on keyword rules no coder has "
                                "checked, or on rules that fire for nearly everyone. Code a few interviews by hand "
                                "(codings/NAME.csv) to validate them.")
            if len(lead) or len(tied):
                findings.append("Most talked about: " + "; ".join(
                    [f"{r['code']}, {int(r['participants'])} of the {total} people interviewed "
                     f"({self._evidence(r, agreement)})" for r in lead.to_dict("records")]
                    + ([f"tied at {int(tied['participants'].iloc[0])} of the {total} people: "
                        + ", ".join(map(str, tied["code"]))] if len(tied) else [])) + ".")
            findings += [no_finding(ready, total)] if no_finding(ready, total) else []
            negative = backed(self._negative(ready))
            if len(negative):
                worst = negative.sort_values(["participants", "mean_compound"], ascending=[False, True]).iloc[0]
                tone = (f"{fmt_share(worst['share_negative'])} of what they said about it reads negative, "
                        f"{fmt_share(worst.get('share_positive'))} positive"
                        if "share_negative" in worst and not _missing(worst["share_negative"])
                        else f"negative in tone ({float(worst['mean_compound']):+.2f})")
                left = pd.to_numeric(pd.Series([worst.get("unscored")]), errors="coerce").fillna(0).iloc[0]
                if left > 0:  # passages in a language without a scorer: counted, their tone not read
                    tone += (f" ({int(left)} more coded passage{'s' if left != 1 else ''}, in other languages, "
                             "not scored)")
                ties = tied_with(negative, worst)
                tone += (f" (tied with {ties} other negative theme{'s' if ties != 1 else ''} raised by as many "
                         "people; the most negative in tone is named)") if ties else ""
                findings.append(f"Biggest friction: {worst['code']}, raised by {int(worst['participants'])} of the "
                                f"{total} people interviewed ({self._evidence(worst.to_dict(), agreement)}); {tone}.")
            findings += self._rule_notes(themes)
            if "" in agreement:
                coders = (self.tables.get("agreement") or {}).get("coders") or []
                findings.append(f"These counts rest on {len(coders) or 'no'} coder's reading "
                                f"({', '.join(map(str, coders))}): " if coders else "These counts rest on no "
                                "second coder's reading: ")
                findings[-1] += "agreement between coders is not measured; a second coder on a few interviews " \
                                "would show how far the codes can be trusted."
        decisions = self.tables.get("decisions")
        if isinstance(decisions, pd.DataFrame) and len(decisions):
            value = pd.to_numeric(decisions["estimated_value"], errors="coerce").sum()
            findings.append(f"{plural(len(decisions), 'decision cites', 'decisions cite')} these interviews as evidence, "
                            "with an estimated "
                            f"value of {fmt_money(value, self.currency)} in all.")
        if isinstance(program, dict) and not self.costs_known:
            findings.append("What the research cost, and so its return on investment, is not computed: the study "
                            "has no costs.csv.")
        elif isinstance(program, dict) and not _missing(program.get("total_cost")):
            cur = program.get("currency") or self.currency
            if not _missing(program.get("roi_low")):
                low, high = program.get("attribution_default") or [None, None]
                default = (f" ({fmt_range(fmt_share(low), fmt_share(high))} of each decision's value unless decisions.csv "
                           "says otherwise)" if low is not None else "")
                returned = "it returned" if program.get("value_basis") == "measured" else "it would return"
                findings.append(
                    f"The research cost {fmt_money(program.get('total_cost'), cur)}; credited with its share of the "
                    f"decisions{default}, {returned} "
                    f"{fmt_range(fmt_money(program.get('value_low'), cur), fmt_money(program.get('value_high'), cur))}, "
                    "a return on investment of "
                    f"{fmt_ratio_range(program.get('roi_low'), program.get('roi_high'))} ({basis}).")
            else:
                findings.append(f"The research cost {fmt_money(program.get('total_cost'), cur)}"
                                + (f"; the decisions it informed are valued at "
                                   f"{fmt_money(program.get('total_value'), cur)}, a return on investment of "
                                   f"{fmt_ratio(program.get('roi'))} if the research gets full credit ({basis})."
                                   if not _missing(program.get("roi")) else "."))
            later = program.get("decisions_citing_later_interviews")
            if not _missing(later) and int(later):
                findings.append(f"Check the ledger: {plural(later, 'decision cites', 'decisions cite')} interviews held after the "
                                "decision was taken" + _left_out_words(program) + ".")
        return metrics, findings

