"""The method appendix: sample, guide, capture, saturation, agreement, counting, suggested themes."""
from __future__ import annotations

import pandas as pd

from kit.thematic_saturation import saturation_backing
from kit.report.formatting import (
    Block,
    _missing,
    fmt_num,
    fmt_share,
    fmt_signed,
    fmt_text,
    on_time_share,
    table_of,
)

__all__ = ["AppendixSections"]


class AppendixSections:
    """The method appendix: sample, guide, capture, saturation, agreement, counting, suggested themes."""

    def appendix(self) -> list[Block]:
        blocks = []
        sample = self.tables.get("sample", "appendix")
        study = self.study
        dates = pd.to_datetime(study.interviews["date"], errors="coerce").dropna()
        fmt = str(study.config.get("format") or "micro")
        block = Block("Sample and recruitment")
        block.intro = (f"{len(study.interviews)} {fmt} interviews"
                       + (f" between {dates.min():%-d %B} and {dates.max():%-d %B %Y}" if len(dates) else "")
                       + f"; participants recruited by {self.segment_attribute} against quotas.")
        if isinstance(sample, pd.DataFrame):
            block.sources.append(self.tables.source("sample"))
            shown = {
                "segment": (self.segment_attribute.capitalize(), fmt_text), "quota": ("Quota", fmt_num),
                "recruited": ("Recruited", fmt_num), "completed": ("Interviewed", fmt_num),
                "scheduled": ("Scheduled", fmt_num), "declined_or_no_show": ("Declined or no-show", fmt_num),
                "consented_to_quote": ("Consented to quoting", fmt_num)}
            if "withdrawn" in sample:  # only when someone withdrew from the study (newcomer s14 F9)
                shown["withdrawn"] = ("Withdrew", fmt_num)
            block.table = table_of(sample, shown, numeric=("quota", "recruited", "completed", "scheduled",
                                                           "declined_or_no_show", "consented_to_quote", "withdrawn"))
        else:
            block.missing = self.needs("sample")
        if self.tables.get("recruitment_funnel", "appendix") is not None:
            block.add_figure(self.tables.figure("recruitment_funnel"))
        if self.tables.get("quota_coverage", "appendix") is not None:
            block.add_figure(self.tables.figure("quota_coverage"))
        block.bullets.extend(study.lacks())  # what a smaller study lacks, and what is skipped
        blocks.append(block)

        blocks += self._languages()
        guide = Block("Discussion guide", "The questions asked, checked for leading, closed, hypothetical and "
                                          "double-barreled wording.")
        lint = self.tables.get("guide_lint", "appendix")
        if isinstance(lint, pd.DataFrame) and "question" in lint:
            guide.sources.append(self.tables.source("guide_lint"))
            flags = lint["flags"].fillna("").astype(str) if "flags" in lint else pd.Series([""] * len(lint))
            guide.bullets.append(f"{len(lint)} questions; {int((flags != '').sum())} flagged.")
            columns = {"n": ("#", fmt_text)}
            if "role" in lint:  # the guide's own kinds (opener, targeted, future, probe, ...)
                columns["role"] = ("Kind", fmt_text)
                columns["kind"] = ("Reads as", fmt_text)  # the linter's judgement of the wording
            else:
                columns["kind"] = ("Kind", fmt_text)
            columns |= {"question": ("Question", fmt_text), "flags": ("Flags", fmt_text)}
            guide.table = table_of(lint, columns)
        else:
            guide.missing = self.needs("guide_lint")
        blocks.append(guide)

        capture = Block("Capture quality", "How much the interviewer talked (aim: 20% or less of the "
                                           "words) and whether the follow-up discipline held.")
        ratios = self.tables.get("talk_ratio", "appendix")
        if isinstance(ratios, pd.DataFrame) and len(ratios):
            capture.sources.append(self.tables.source("talk_ratio"))
            over = int(ratios["over_target"].astype(str).str.lower().eq("true").sum()) if "over_target" in ratios else 0
            capture.metrics.append({"value": fmt_share(pd.to_numeric(ratios["talk_ratio"], errors="coerce").median()),
                                    "label": "median interviewer share of words"})
            capture.metrics.append({"value": f"{over} of {len(ratios)}", "label": "transcripts over the 20% target"})
        follow = self.tables.get("follow_up", "appendix")
        if isinstance(follow, pd.DataFrame) and len(follow) and "thank_you" in follow:
            capture.sources.append(self.tables.source("follow_up"))
            for column, label in (("thank_you", "thank-you notes within 24 hours"),
                                  ("debrief", "debriefs within 48 hours")):
                if column in follow:
                    capture.metrics.append({"value": on_time_share(follow[column]), "label": label})
        if isinstance(ratios, pd.DataFrame) and len(ratios):
            capture.add_figure(self.tables.figure("talk_ratio"))
        if not capture.sources:
            capture.missing = self.needs("talk_ratio", "follow_up")
        blocks.append(capture)

        blocks.append(self._saturation())

        agree = Block("Agreement between coders", "Coders coded the same segments independently. Percent "
                                                  "agreement is high by construction (most cells are codes neither "
                                                  "coder applied), so it is shown beside what chance alone would give, "
                                                  "positive agreement and agreement where at least one coder applied "
                                                  "the code; Krippendorff's alpha over all codes and Cohen's kappa "
                                                  "per code correct for chance.")
        overall = self.tables.get("agreement", "appendix")
        per_code = self.tables.get("code_agreement", "appendix")
        if isinstance(overall, dict):
            agree.sources.append(self.tables.source("agreement"))
            coders = [str(c) for c in overall.get("coders") or []]
            if overall.get("reason"):
                agree.bullets.append(f"Not measured: {overall['reason']}. Findings rest on "
                                     f"{'one coder' if len(coders) == 1 else 'no coder'}'s reading; a second coder "
                                     "on a few interviews would show how far it can be trusted.")
            else:
                band = overall.get("alpha_band") or overall.get("band") or ""
                kband = overall.get("mean_kappa_band") or overall.get("kappa_band") or ""
                agree.metrics = [
                    {"value": fmt_num(overall.get("alpha"), 2), "label": f"Krippendorff's alpha{f' ({band})' if band else ''}"},
                    {"value": fmt_num(overall.get("mean_kappa"), 2),
                     "label": f"mean Cohen's kappa per code{f' ({kband})' if kband else ''}"},
                    {"value": fmt_share(overall.get("percent_agreement")),
                     "label": f"percent agreement (chance alone: {fmt_share(overall.get('chance_agreement'))})"},
                    {"value": fmt_share(overall.get("positive_agreement")), "label": "positive agreement"},
                    {"value": fmt_share(overall.get("agreement_when_applied")),
                     "label": "agreement where at least one coder applied the code"},
                    {"value": fmt_num(overall.get("n_segments")), "label": "segments coded by both"},
                    {"value": " and ".join(coders) or "–", "label": "coders"},
                ]
                few = overall.get("n_codes_too_few")
                if not _missing(few) and int(few):
                    agree.bullets.append(f"{int(few)} code(s) used fewer than {overall.get('min_uses', 3)} times by the "
                                         "two coders together are too few to tell and are left out of the mean kappa.")
        if isinstance(per_code, pd.DataFrame) and len(per_code) and "kappa" in per_code:
            agree.sources.append(self.tables.source("code_agreement"))
            enough = per_code[per_code["band"].astype(str) != "too few to tell"] if "band" in per_code else per_code
            weak = enough[pd.to_numeric(enough["kappa"], errors="coerce") < 0.6]
            if len(weak):
                agree.bullets.append("Codes to discuss and define more sharply (kappa below 0.6): "
                                     + ", ".join(map(str, weak["code"])) + ".")
            rare = per_code[per_code["band"].astype(str) == "too few to tell"] if "band" in per_code else per_code.iloc[0:0]
            if len(rare):
                agree.bullets.append("Too few uses to tell: " + ", ".join(map(str, rare["code"])) + ".")
            agree.add_figure(self.tables.figure("code_agreement"))
        if not agree.sources:
            agree.missing = self.needs("agreement")
        blocks.append(agree)
        blocks.append(self._counting())
        blocks.append(self.suggested_themes_block())
        return blocks

    def suggested_themes_block(self) -> Block:
        """Theme discovery (kit.theme_discovery), read from the coding notebook's table."""
        block = Block("Themes suggested by the interviews",
                      "Participants' passages grouped without the codebook (TF-IDF and non-negative matrix "
                      "factorisation, labels by class-based TF-IDF); suggestions for the researcher to review, "
                      "not findings. See docs/theme-discovery.md for how well they match manual coding.")
        frame = self.tables.get("suggested_themes", "appendix")
        if isinstance(frame, pd.DataFrame) and len(frame) and "label" in frame:
            block.sources.append(self.tables.source("suggested_themes"))
            block.bullets.append(f"{len(frame)} suggested themes covering "
                                 f"{int(pd.to_numeric(frame['passages'], errors='coerce').sum())} passage memberships.")
            block.table = table_of(frame, {
                "theme": ("Theme", fmt_text), "label": ("Label", fmt_text), "participants": ("Participants", fmt_num),
                "passages": ("Passages", fmt_num), "mean_compound": ("Mean compound", fmt_signed),
                "overlapping_codes": ("Overlapping codes (Jaccard)", fmt_text)},
                numeric=("participants", "passages", "mean_compound"))
            block.add_figure(self.tables.figure("suggested_themes"))
        else:
            block.missing = self.needs("suggested_themes")
        return block

    def _counting(self) -> Block:
        """How a theme is counted, and which keyword rules the counts may use."""
        from kit.themes import RULE_MIN_EXAMPLES, RULE_MIN_PRECISION, UBIQUITOUS_SHARE

        block = Block("How themes are counted",
                      "Where the team coded by hand (in an interview they coded, the kinds of passage they "
                      "coded there: transcript turns, key quotes), only the coders' codings count. Elsewhere, "
                      "key quotes of an interview whose turns alone were coded included, a "
                      "keyword rule's codings count unless the rule was checked against the coders and fewer than "
                      f"{RULE_MIN_PRECISION:.0%} of its matches agreed with them (judged on at least "
                      f"{RULE_MIN_EXAMPLES} examples). A participant counts once per theme. The same count is used "
                      "by every table, the trends across sprints and the key findings.")
        rules = self.tables.get("rule_validation", "appendix")
        if isinstance(rules, pd.DataFrame) and len(rules):
            block.sources.append(self.tables.source("rule_validation"))
            block.table = table_of(rules, {
                "code": ("Theme", fmt_text), "manual": ("Coded by hand", fmt_num), "auto": ("Rule matches", fmt_num),
                "tp": ("Both", fmt_num), "precision": ("Rule precision", fmt_share),
                "rule_status": ("Rule", fmt_text), "rule_reach": ("Rule reaches", fmt_share)},
                numeric=("manual", "auto", "tp", "precision", "rule_reach"))
            block.note = (f"A rule that reaches {UBIQUITOUS_SHARE:.0%} of participants or more marks the study's "
                          "topic and is never a key finding.")
        else:
            block.missing = self.needs("rule_validation")
        return block

    def _saturation(self) -> Block:
        """Where saturation was reached, saying what the codes rest on: inconclusive when some
        codes rest only on unchecked keyword rules (kit.thematic_saturation.saturation_backing)."""
        sat = Block("Saturation", "Whether new interviews still add new codes (Guest, Namey & Chen 2020: "
                                  "saturation when a run of two interviews after a base of six adds at most "
                                  "5% new codes).")
        frame = self.tables.get("saturation", "appendix")
        summary = self.tables.get("saturation_summary", "appendix")
        backing = saturation_backing(self.tables.get("themes", "appendix"))  # what the codes rest on
        reached = "Saturation was reached" if backing["conclusive"] else \
            "Saturation is inconclusive: by the counts, no run added new codes after"
        if isinstance(summary, dict):
            sat.sources.append(self.tables.source("saturation_summary"))
            n = summary.get("n_interviews")
            if summary.get("saturated_at"):
                sat.bullets.append(f"{reached} {'at ' if backing['conclusive'] else ''}interview {summary['saturated_at']}"
                                   + (f" ({summary['saturated_at_id']})" if summary.get("saturated_at_id") else "")
                                   + (f" of {n}" if n else "")
                                   + (f", with {summary['total_codes']} codes in all" if summary.get("total_codes") is not None else "")
                                   + f"; {backing['words']}.")
            else:
                sat.bullets.append(f"Saturation was not reached: {summary.get('reason') or 'no run under the threshold'}.")
            for c in summary.get("criteria") or []:
                where = (f"at interview {c['saturated_at']}" + (f" ({c['saturated_at_id']})" if c.get("saturated_at_id") else "")
                         if c.get("saturated_at") else "not reached")
                if c.get("saturated_at") and not backing["conclusive"]:
                    where += " (inconclusive, as above)"
                sat.bullets.append(f"With at most {fmt_share(c['threshold'])} new codes in a run: {where}.")
        elif isinstance(frame, pd.DataFrame) and len(frame) and "saturation_point" in frame:
            point = frame[frame["saturation_point"].astype(str).str.lower() == "true"]
            sat.bullets.append(f"{reached} {'at ' if backing['conclusive'] else ''}interview "
                               f"{int(point.iloc[0]['interview'])} of {len(frame)}; {backing['words']}."
                               if len(point) else f"Saturation was not reached in {len(frame)} interviews.")
        if isinstance(frame, pd.DataFrame) and len(frame):
            sat.sources.append(self.tables.source("saturation"))
            sat.add_figure(self.tables.figure("saturation"))
        if not sat.sources:
            sat.missing = self.needs("saturation")
        return sat

    def _languages(self) -> list:
        """The "Languages" part, from notebook 05's ``language_mix`` and ``language_coverage``
        tables: shown only when the study is not all English (both tables are then written
        with rows)."""
        from kit.languages import language_name

        mix = self.tables.get("language_mix", "appendix")
        if not isinstance(mix, pd.DataFrame) or not len(mix):
            return []
        coverage = self.tables.get("language_coverage", "appendix")
        block = Block("Languages", f"Participant turns by {self.segment_attribute} and language "
                      "(detected per interview speaker, or as declared by the study).",
                      sources=[self.tables.source("language_mix")])
        block.table = table_of(mix.assign(language=mix["language"].map(language_name)), {
            "segment": (self.segment_attribute.capitalize(), fmt_text), "language": ("Language", fmt_text),
            "passages": ("Turns", fmt_num), "interviews": ("Interviews", fmt_num)},
            numeric=("passages", "interviews"))
        unscored = int(pd.to_numeric(mix.get("unscored", pd.Series(dtype=float)), errors="coerce").fillna(0).sum())
        block.bullets.append(f"{unscored} passage(s) in languages without a validated sentiment scorer are left "
                             "out of every sentiment figure (VADER is English).")
        if isinstance(coverage, pd.DataFrame) and len(coverage):
            block.sources.append(self.tables.source("language_coverage"))
            for lang, group in coverage.groupby("language", sort=True):
                block.bullets.append(f"Not applied to {language_name(lang)} passages (no keywords in that "
                                     "language): " + ", ".join(group["code"].astype(str)) + ".")
        return [block]
