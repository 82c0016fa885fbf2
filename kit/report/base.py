"""What every section of the report shares: the study, the tables, who may be named and quoted,
and the evidence behind a finding."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kit.registry import entry
from kit.report.formatting import _maybe, _missing, agreement_words, fmt_share, fmt_text, sentiment_word
from kit.report.tables import REPORT_NOTEBOOK, Tables

__all__ = ["ReportBase"]

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
            notebook = entry(key).step
            if notebook in self.ran:
                how = f"the {notebook} notebook ran but wrote no such table"
            elif self.ran:
                how = f"the {notebook} notebook was not part of this run"
            else:
                how = f"run the {notebook} notebook (or `interview-kit run`) first"
            parts.append(f"{entry(key).path} ({how})")
        return "Not available yet: this part needs " + "; ".join(parts) + "."

    def quote_table(self) -> pd.DataFrame:
        """The shareable quotes (notebook 04's ``shareable_quotes`` table) but those mostly
        withheld or redacted (:func:`kit.quotes.mostly_withheld`), blanks as ""; an
        empty table with its columns when no notebook wrote it (the parts that show quotes
        then say what is missing)."""
        from kit.registry import entry

        quotes = self.tables.get("shareable_quotes")
        if not isinstance(quotes, pd.DataFrame):
            return pd.DataFrame(columns=list(entry("shareable_quotes").columns))
        quotes = quotes.copy()
        for column in ("codes", "hand_codes", "segment", "text", "participant", "segment_id"):
            if column in quotes:
                quotes[column] = quotes[column].astype(object).where(quotes[column].notna(), "")
        quotes["compound"] = pd.to_numeric(quotes.get("compound"), errors="coerce")
        if "text" in quotes and len(quotes):  # mostly marks: withheld, not a quote (kit.quotes)
            from kit.quotes import mostly_withheld

            quotes = quotes[[not mostly_withheld(t) for t in quotes["text"]]]
        return quotes

    def _codebook(self, code) -> dict:
        entry = self.study.codebook.get(code) if hasattr(self.study.codebook, "get") else None
        if entry is None:
            return {"definition": "", "stage": ""}
        return {"definition": entry.definition or "", "stage": entry.stage or ""}

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
        """How the theme ``code`` reads, by :meth:`_valence` ("" when not known)."""
        if themes is None or "code" not in themes:
            return ""
        row = themes[themes["code"] == code]
        return str(self._valence(row).iloc[0]) if len(row) else ""

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
        rules = self.tables.get("rule_validation")
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
                # the reach as measured (kit.themes.rule_validation): the share of the people interviewed
                # (the table's denominator) whose own words the rule matches
                reach = {}
                if isinstance(rules, pd.DataFrame) and {"code", "rule_reach"} <= set(rules.columns):
                    reach = dict(zip(rules["code"].astype(str), pd.to_numeric(rules["rule_reach"], errors="coerce")))
                named = ", ".join(f"{c} ({fmt_share(reach[c])})" if not _missing(reach.get(c)) else str(c)
                                  for c in map(str, everywhere))
                its = "their keyword rules match" if len(everywhere) > 1 else "its keyword rule matches"
                notes.append(f"Not a finding: {named} — {its} the own words of at least "
                             f"{UBIQUITOUS_SHARE:.0%} of the people interviewed without being validated against the coders, "
                             f"so {'they mark' if len(everywhere) > 1 else 'it marks'} "
                             "the study's topic rather than telling interviews apart.")
        return notes


    @staticmethod
    def _valence(themes: pd.DataFrame) -> pd.Series:
        """The one rule by which every section calls a theme negative, positive, mixed or
        neutral: the ``feeling`` column of themes.csv (the majority of the theme's passages,
        :func:`kit.themes.feeling_word`) when the table has it, else the word for the mean
        compound (:func:`kit.report.formatting.sentiment_word`, at or beyond ±0.05). One label
        per row of ``themes``, indexed like it."""
        if "feeling" in themes:
            return themes["feeling"].fillna("–").astype(str)
        if "mean_compound" in themes:
            return themes["mean_compound"].map(sentiment_word)
        return pd.Series("", index=themes.index, dtype=str)

    @staticmethod
    def _unscored_note(themes: pd.DataFrame) -> str:
        """A sentence on the coded passages left out of the themes' tone because their language
        has no validated sentiment scorer (themes.csv ``unscored``, as ``analyze`` counts them),
        or "" when none is (newcomer s12 F16: the count left out is said, never hidden)."""
        if "unscored" not in themes or "code" not in themes:
            return ""
        left = pd.to_numeric(themes["unscored"], errors="coerce").fillna(0).astype(int)
        mine = [(str(c), n) for c, n in zip(themes["code"], left) if n > 0]
        if not mine:
            return ""
        total = sum(n for _, n in mine)
        return (f"Tone not read for {total} coded passage{'s' if total != 1 else ''} in languages the "
                "sentiment scoring does not cover (it reads English only), left out of these figures: "
                + ", ".join(f"{c} ({n})" for c, n in mine) + ".")

    @classmethod
    def _negative(cls, themes: pd.DataFrame) -> pd.DataFrame:
        """Themes whose passages read negative by :meth:`_valence` (the one rule)."""
        return themes[cls._valence(themes) == "negative"]
