"""The sprint report, OUT/index.html, rendered from templates/report/.

The report reads the tables the workflow notebooks wrote to ``OUT/tables/`` (and their
figures in ``OUT/figures/``) and assembles four sections: product (friction, feature
requests, opportunities with their evidence), marketing (customer language, consented
quotes), leadership (top themes, trends, program ROI, decisions) and a method appendix
(sample and recruitment, capture, saturation, agreement between coders). Every table and
figure names the file in ``OUT/tables/`` it comes from; a part whose table no notebook wrote
says which table it needs and which notebook writes it.

What the report shows that no other step computes (the evidence behind opportunities and
decisions, feature requests in participants' words, the shareable quotes, the sample) it
writes as tables of its own, ``OUT/tables/report_*.csv``, from the study, so those are
traceable too. Figures are embedded as data URIs: index.html is one file that can be mailed.
Participants appear by pseudonymous id, quotes only from those who consented, redacted by
``kit.privacy``. Nothing in the page depends on the clock: the same tables give the same page.
"""
from __future__ import annotations

import base64
import json
import math
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from kit.paths import templates_path

REPORT_NOTEBOOK = "08-sprint-report"
TABLES, FIGURES = "tables", "figures"

# What the report reads, by the notebook that writes it. Each entry lists the file names
# accepted (the first that exists wins), so the report picks up a table under either name.
UPSTREAM = {
    "interviews": (["interviews.csv"], "03-capture"),
    "talk_ratio": (["talk_ratio.csv"], "03-capture"),
    "quotes": (["quotes.csv"], "03-capture"),
    "follow_up": (["follow_up.csv"], "03-capture"),
    "guide": (["guide_lint.csv"], "01-guide-design"),
    "funnel": (["recruitment_funnel.csv", "funnel.csv"], "02-pilot-plan"),
    "quota": (["quota_coverage.csv", "quotas.csv"], "02-pilot-plan"),
    "themes": (["frequency_intensity.csv", "themes.csv", "frequency.csv", "intensity.csv"], "04-coding"),
    "rare_intense": (["rare_intense.csv"], "04-coding"),
    "coded": (["codings_combined.csv", "coded_segments.csv", "autocodes.csv"], "04-coding"),
    "agreement": (["agreement.json"], "04-coding"),
    "rules": (["rule_validation.csv"], "04-coding"),
    "code_agreement": (["agreement_per_code.csv", "agreement.csv", "code_agreement.csv"], "04-coding"),
    "saturation": (["saturation.csv"], "04-coding"),
    "saturation_summary": (["saturation.json"], "04-coding"),
    "segment_patterns": (["codes_by_segment_share.csv", "codes_by_segment.csv", "code_by_segment.csv"],
                         "04-coding"),
    "stage_sentiment": (["sentiment_by_stage.csv", "stage_sentiment.csv"], "05-sentiment"),
    "stage_counts": (["stage_sentiment_counts.csv"], "05-sentiment"),
    "pain_points": (["pain_points.csv"], "05-sentiment"),
    "sentiment_trend": (["sentiment_trend.csv"], "05-sentiment"),
    "segment_sentiment": (["sentiment_by_segment.csv"], "05-sentiment"),
    "language": (["phrases.csv", "customer_language.csv"], "06-patterns"),
    "phrase_quotes": (["phrase_quotes.csv"], "06-patterns"),
    "keyness": (["keyness_by_segment.csv"], "06-patterns"),
    "theme_tests": (["theme_tests.csv"], "06-patterns"),
    "opportunities": (["opportunities.csv"], "06-patterns"),
    "opportunity_evidence": (["opportunity_evidence.csv"], "06-patterns"),
    "theme_trends": (["trends.csv"], "09-continuous-discovery"),
    "experiments": (["experiments.csv"], "09-continuous-discovery"),
    "program": (["program.json"], "07-program-roi"),
    "trends": (["program_trends.csv"], "07-program-roi"),
    "weekly": (["weekly_cadence.csv"], "07-program-roi"),
    "cost_breakdown": (["costs_by_category.csv", "cost_breakdown.csv"], "07-program-roi"),
    "value_breakdown": (["value_by_kind.csv"], "07-program-roi"),
    "suggested_themes": (["suggested_themes.csv"], "04-coding"),
}
# Figures the report embeds, by the table they are drawn from (a figure NAME.png beside a
# table NAME.csv needs no entry: the same name says where it comes from).
FIGURE_SOURCES = {
    "themes": ["frequency.png", "themes.png", "theme_frequency.png"],
    "rare_intense": ["intensity.png"],
    "stage_counts": ["stage_sentiment_heatmap.png"],
    "sentiment_trend": ["sentiment_trend.png"],
    "segment_sentiment": ["sentiment_by_segment.png"],
    "theme_trends": ["trends.png"],
    "segment_patterns": ["codes_by_segment.png", "code_by_segment.png"],
    "saturation": ["saturation.png", "saturation_curve.png"],
    "code_agreement": ["agreement.png", "code_agreement.png"],
    "funnel": ["recruitment_funnel.png", "funnel.png"],
    "quota": ["quota_coverage.png", "quotas.png"],
    "talk_ratio": ["talk_ratio.png"],
    "cost_breakdown": ["roi.png", "costs.png", "cost_breakdown.png"],
    "weekly": ["weekly_cadence.png", "cadence.png"],
    "trends": ["program_trends.png"],
    "guide": ["guide_structure.png"],
}

# A participant asking for something, in their own words.
REQUEST = re.compile(
    r"\b(i wish|i'd love|i would love|would love|if only|i'd pay|i would pay|i'd happily pay|"
    r"it would be (great|nice|good|brilliant|amazing|handy|useful)|would be (great|nice|brilliant|handy)|"
    r"if (it|you|the app|the tool|brightbill|the software) could|why can't|"
    r"what i (want|need) is|all i want|i just want|i'd want|i'd like (it|a|an|to be able)|"
    r"should (just )?(be able to|let me)|i need (it|something) to|give me a)\b",
    re.IGNORECASE)


# -- reading the tables ----------------------------------------------------------------------------
class Tables:
    """The tables and figures of one output folder, read once, with what was used where."""

    def __init__(self, out: Path, writer=None):
        self.out = Path(out)
        self.used: dict[str, list[str]] = {}
        self._cache: dict[str, object] = {}
        self.writer = writer  # kit.outputs.Outputs for the report's own tables (published)

    def path(self, key: str) -> Path | None:
        names, _ = UPSTREAM[key]
        for name in names:
            candidates = [self.out / TABLES / name] + ([self.out / name] if name.endswith(".json") else [])
            for candidate in candidates:
                if candidate.is_file():
                    return candidate
        return None

    def rel(self, path: Path) -> str:
        return path.relative_to(self.out).as_posix()

    def get(self, key: str, section: str | None = None):
        """The table (DataFrame; dict for .json) for ``key``, or None when no notebook wrote it."""
        path = self.path(key)
        if path is None:
            return None
        if section:
            self.used.setdefault(self.rel(path), [])
            if section not in self.used[self.rel(path)]:
                self.used[self.rel(path)].append(section)
        if key not in self._cache:
            try:
                if path.suffix == ".json":
                    self._cache[key] = json.loads(path.read_text(encoding="utf-8"))
                else:
                    self._cache[key] = pd.read_csv(path, keep_default_na=True)
            except (ValueError, OSError, pd.errors.ParserError):
                self._cache[key] = None
        return self._cache[key]

    def source(self, key: str) -> str:
        path = self.path(key)
        return self.rel(path) if path else f"{TABLES}/{UPSTREAM[key][0][0]}"

    def figure(self, key: str, also: tuple[str, ...] = ()) -> dict | None:
        """The figure drawn from ``key``'s table as {"src": data URI, "name", "tables"}, or None.
        A figure is only shown beside the table it is drawn from."""
        table = self.path(key)
        if table is None:
            return None
        names = [table.stem + ".png"] + list(FIGURE_SOURCES.get(key, []))
        for name in names:
            path = self.out / FIGURES / name
            if path.is_file():
                tables = [self.rel(table)] + [self.source(k) for k in also if self.path(k) is not None]
                return {"src": data_uri(path), "name": f"{FIGURES}/{name}", "tables": tables}
        return None

    def own(self, name: str, frame: pd.DataFrame, section: str) -> str:
        """Write one of the report's own tables and note where it is used."""
        from kit.csvio import atomic_write_csv

        path = self.out / TABLES / name
        if self.writer is not None:  # the rules of a published output (kit.outputs), as every table
            self.writer.table(path, frame)
        else:
            atomic_write_csv(path, frame)
        rel = self.rel(path)
        self.used.setdefault(rel, [])
        if section not in self.used[rel]:
            self.used[rel].append(section)
        return rel


def data_uri(path: Path) -> str:
    kind = {".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
    mime = kind.get(Path(path).suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


# -- formatting ------------------------------------------------------------------------------------
def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or (
        isinstance(value, str) and not value.strip())


def fmt_share(value) -> str:
    return "–" if _missing(value) else f"{float(value):.0%}"


def fmt_num(value, digits: int = 0) -> str:
    if _missing(value):
        return "–"
    value = float(value)
    if digits == 0:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def fmt_signed(value, digits: int = 2) -> str:
    return "–" if _missing(value) else f"{float(value):+.{digits}f}"


def fmt_ratio(value) -> str:
    """An ROI: a share below 10 (250%), a multiple from there on (24×)."""
    if _missing(value):
        return "–"
    value = float(value)
    return f"{value:.0%}" if abs(value) < 10 else f"{value:,.0f}×"


def _auto_columns(frame: pd.DataFrame, n: int) -> dict:
    columns = {}
    for c in list(frame.columns)[:n]:
        kind = frame[c].dtype.kind
        columns[c] = (str(c).replace("_", " ").capitalize(),
                      (lambda v: fmt_num(v, 2)) if kind == "f" else fmt_num if kind in "iu" else fmt_text)
    return columns


def fmt_ratio_range(low, high) -> str:
    """Two ROIs in one format: shares (151% to 480%) when both are below 10, else multiples
    with one decimal (1.5× to 11.6×)."""
    if _missing(low) or _missing(high):
        return "–"
    low, high = float(low), float(high)
    if max(abs(low), abs(high)) < 10:
        return f"{low:.0%} to {high:.0%}"
    return f"{low:,.1f}× to {high:,.1f}×"


def fmt_money(value, currency: str = "") -> str:
    if _missing(value):
        return "–"
    text = f"{float(value):,.0f}"
    return f"{currency} {text}".strip()


def fmt_text(value) -> str:
    if _missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def agreement_words(kappa: float) -> str:
    """How far two coders agreed on a code, in plain words (the Landis & Koch bands behind
    them are in the method appendix)."""
    if kappa > 0.80:
        return "two coders agreed very well"
    if kappa > 0.60:
        return "two coders agreed well"
    if kappa > 0.40:
        return "two coders agreed moderately"
    if kappa > 0.20:
        return "two coders agreed only fairly"
    return "two coders barely agreed"


def on_time_share(labels: pd.Series) -> str:
    """Share of the recorded follow-ups done on time, or "not recorded" when none is recorded
    (an optional field left empty is not a failure)."""
    labels = labels.astype(str)
    if not (labels != "missing").any():
        return "not recorded"
    return fmt_share(labels.isin(["on time", "same day"]).mean())


def plural(n, word: str, many: str | None = None) -> str:
    """``"1 passage"``, ``"2 passages"``: a count with its noun in the right number."""
    try:
        one = int(n) == 1
    except (TypeError, ValueError):
        one = False
    return f"{fmt_num(n)} {word if one else (many or word + 's')}"


def sentiment_word(value) -> str:
    if _missing(value):
        return "–"
    value = float(value)
    return "negative" if value <= -0.05 else "positive" if value >= 0.05 else "neutral"


# -- the blocks of the page --------------------------------------------------------------------------
@dataclass
class Block:
    """One part of a section: a table, a figure, quotes, cards or a note of what is missing."""

    title: str
    intro: str = ""
    sources: list[str] = field(default_factory=list)
    metrics: list[dict] = field(default_factory=list)
    table: dict | None = None
    figures: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    cards: list[dict] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    missing: str = ""
    note: str = ""

    @property
    def status(self) -> str:
        return "missing" if self.missing and not (self.table or self.figures or self.quotes or self.cards
                                                  or self.metrics or self.bullets) else "shown"

    def add_figure(self, figure: dict | None) -> None:
        if figure and figure["name"] not in [f["name"] for f in self.figures]:
            self.figures.append(figure)
            for table in figure["tables"]:
                if table not in self.sources:
                    self.sources.append(table)


def table_of(frame: pd.DataFrame, columns: dict, limit: int | None = None, numeric=()) -> dict:
    """A table for the template: ``columns`` maps a column to (heading, formatter)."""
    shown = frame if limit is None else frame.head(limit)
    rows = []
    for record in shown.to_dict("records"):
        rows.append([fmt(record.get(col)) for col, (_, fmt) in columns.items()])
    return {"headings": [h for h, _ in columns.values()],
            "numeric": [col in numeric for col in columns],
            "rows": rows, "more": max(0, len(frame) - len(shown))}


class Report:
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
            neg = self._negative(self._headline_ready(themes) if "participants" in themes else themes)
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
                top = neg.iloc[0]
                friction.quotes = self._quotes_for(quotes, str(top["code"]), 2, feeling="negative")
                if friction.quotes:
                    friction.note = f"In participants' words, on “{top['code']}”:"
                    friction.sources.append("tables/report_quotes.csv")
            else:
                friction.bullets = ["No theme reads negative on average in this sprint."]
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

        requests = self.request_table()
        rel = self.tables.own("report_requests.csv", requests, "product")
        asks = Block("Feature requests, in participants' words",
                     "Key quotes and turns where a participant asks for something (“I'd love…”, "
                     "“I'd pay for…”, “if it could…”). A request is a clue to the job behind it, "
                     "not a specification.", sources=[rel])
        shown = requests[requests["consented"]]
        asks.quotes = [self._quote(r) for r in shown.to_dict("records")][:8]
        hidden = int((~requests["consented"]).sum())
        if not len(requests):
            asks.bullets = ["No participant asked for a feature in so many words in this sprint."]
        if hidden:
            asks.note = (f"{hidden} more request(s) came from participants who did not consent to being "
                         "quoted; they are counted, not shown.")
        blocks.append(asks)
        blocks.append(self._opportunities(quotes))
        return blocks

    def _journey(self) -> Block:
        block = Block("Pain along the journey",
                      "How participants' own words read at each stage of the journey: where the share of "
                      "negative passages is highest, and the most negative passages that may be quoted.")
        stages = self.tables.get("stage_sentiment", "product")
        if not isinstance(stages, pd.DataFrame) or not len(stages):
            block.missing = self.needs("stage_sentiment")
            return block
        block.sources.append(self.tables.source("stage_sentiment"))
        frame = stages.copy()
        if "share_negative" in frame:
            frame = frame.sort_values("share_negative", ascending=False, kind="stable")
        block.table = table_of(frame, {
            "stage": ("Stage", fmt_text), "n": ("Passages", fmt_num), "share_negative": ("Negative", fmt_share),
            "share_positive": ("Positive", fmt_share), "mean_compound": ("Mean sentiment", fmt_signed)},
            numeric=("n", "share_negative", "share_positive", "mean_compound"))
        if self.tables.get("stage_counts", "product") is not None:
            block.add_figure(self.tables.figure("stage_counts"))
        pains = self.tables.get("pain_points", "product")
        if isinstance(pains, pd.DataFrame) and len(pains) and {"text", "participant"} <= set(pains.columns):
            shareable = pains[pains["participant"].isin(self.consenting)]
            if "kind" in shareable:  # participants' own words only, not the team's insights
                shareable = shareable[shareable["kind"].isin(["turn", "quote"])]
            if "compound" in shareable:
                shareable = shareable.sort_values("compound", kind="stable")
            for row in shareable.drop_duplicates("stage" if "stage" in shareable else "text").head(4).to_dict("records"):
                q = self._quote({**row, "text": self.redact(row["text"]),
                                 "segment": self.segment_of.get(row["participant"])})
                q["theme"] = f"stage: {row.get('stage')}" if row.get("stage") else ""
                block.quotes.append(q)
            if block.quotes:
                block.note = "The most negative shareable passage at each stage:"
                block.sources.append(self.tables.source("pain_points"))
        return block

    def _opportunities(self, quotes: pd.DataFrame) -> Block:
        opps = self.opportunity_table()
        rel = self.tables.own("report_opportunities.csv", opps, "product")
        block = Block("Opportunities and their evidence",
                      "The team's interpretation after each interview, with what it rests on: the "
                      "interview's insights and a shareable quote, and the decisions that cite it. "
                      "Interviews whose opportunities a decision already acts on come first.", sources=[rel])
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

    def marketing(self, quotes: pd.DataFrame) -> list[Block]:
        blocks = []
        blocks.append(self._language())

        patterns = self.tables.get("segment_patterns", "marketing")
        seg = Block("How segments differ", f"Share of each {self.segment_attribute} that raised each theme: "
                                           "who to talk to about what.")
        if isinstance(patterns, pd.DataFrame) and len(patterns):
            seg.sources.append(self.tables.source("segment_patterns"))
            columns = {c: (str(c).replace("_", " ").capitalize() if c == "code" else str(c),
                           fmt_share if pd.api.types.is_float_dtype(patterns[c]) and patterns[c].max() <= 1
                           else fmt_text) for c in patterns.columns[:8]}
            if "code" in columns:
                columns["code"] = ("Theme", fmt_text)
            seg.table = table_of(patterns, columns, limit=15,
                                 numeric=[c for c in patterns.columns[:8] if pd.api.types.is_numeric_dtype(patterns[c])])
            seg.add_figure(self.tables.figure("segment_patterns"))
            tests = self.tables.get("theme_tests", "marketing")
            if isinstance(tests, pd.DataFrame) and {"code", "q_value"} <= set(tests.columns):
                seg.sources.append(self.tables.source("theme_tests"))
                clear = tests[pd.to_numeric(tests["q_value"], errors="coerce") < 0.05]
                seg.bullets.append(
                    "Differences that hold after correcting for testing many themes (q < 0.05): "
                    + ", ".join(map(str, clear["code"])) + "." if len(clear) else
                    "No difference between segments holds after correcting for testing many themes "
                    "(all q ≥ 0.05): with groups this small, read the table as hints for the next sprint.")
        else:
            seg.missing = self.needs("segment_patterns")
        if isinstance(self.tables.get("segment_sentiment", "marketing"), pd.DataFrame):
            seg.add_figure(self.tables.figure("segment_sentiment"))
        blocks.append(seg)

        rel = "tables/report_quotes.csv"
        total = len(self.study.quotes)
        withheld = total - len(quotes)
        block = Block("Quotes you may use",
                      f"{len(quotes)} of {total} key quotes come from participants who consented to being "
                      f"quoted ({withheld} withheld). Email addresses, phone numbers and names inside "
                      "quotes are redacted.", sources=[rel])
        if len(quotes):
            themes = self._themes("marketing")
            if themes is not None and quotes["codes"].astype(bool).any():
                used = set()
                for code in self._headline_ready(themes)["code"].head(8) if "participants" in themes \
                        else themes["code"].head(8):
                    feeling = self._feeling_of(themes, str(code))
                    picked = [q for q in self._quotes_for(quotes, str(code), 3, feeling=feeling)
                              if q["id"] not in used][:1]
                    for q in picked:
                        q["theme"] = f"theme: {code}" + (f" ({feeling})" if feeling in ("negative", "positive") else "")
                        used.add(q["id"])
                    block.quotes += picked
                block.sources.append(self.tables.source("themes"))
            if not block.quotes:
                best = quotes.assign(_s=-quotes["compound"].abs()).sort_values(["interview_id", "_s"])
                block.quotes = [self._quote(q) for q in best.drop_duplicates("interview_id").head(8).to_dict("records")]
            block.note = f"All {len(quotes)} shareable quotes, with their themes, are in {rel}."
        else:
            block.bullets = ["No key quote may be shared: no participant with a key quote consented to quoting."]
        blocks.append(block)
        return blocks

    def _language(self) -> Block:
        lang = Block("Customer language",
                     "The phrases customers use for their situation, and the words each segment uses more "
                     "than the others: use them in copy, onboarding and sales conversations instead of our "
                     "own vocabulary.")
        phrases = self.tables.get("language", "marketing")
        keyness = self.tables.get("keyness", "marketing")
        if isinstance(phrases, pd.DataFrame) and len(phrases):
            lang.sources.append(self.tables.source("language"))
            lang.table = table_of(phrases, {"phrase": ("Phrase", fmt_text), "freq": ("Times said", fmt_num),
                                            "people": ("People", fmt_num)} if "phrase" in phrases else
                                  _auto_columns(phrases, 4), limit=10, numeric=("freq", "people"))
            said = self.tables.get("phrase_quotes", "marketing")
            if isinstance(said, pd.DataFrame) and {"phrase", "participant", "text"} <= set(said.columns):
                ok = said[said["participant"].isin(self.consenting)].drop_duplicates("phrase").head(4)
                for row in ok.to_dict("records"):
                    q = self._quote({**row, "text": self.redact(row["text"]),
                                     "segment": self.segment_of.get(row["participant"])})
                    q["theme"] = f"“{row['phrase']}”"
                    lang.quotes.append(q)
                if lang.quotes:
                    lang.sources.append(self.tables.source("phrase_quotes"))
                    lang.note = "Phrases in context:"
        if isinstance(keyness, pd.DataFrame) and {"segment", "word"} <= set(keyness.columns):
            lang.sources.append(self.tables.source("keyness"))
            over = keyness[keyness["use"] == "over"] if "use" in keyness else keyness
            for seg, group in over.groupby("segment", sort=True):
                words = ", ".join(map(str, group["word"].head(8)))
                lang.bullets.append(f"{seg}: {words}")
        if not lang.sources:
            lang.missing = self.needs("language", "keyness")
        elif lang.bullets:
            lang.bullets.insert(0, "Words each segment uses clearly more often than the rest:")
        return lang

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
            columns = {"code": ("Theme", fmt_text), "definition": ("What it means", fmt_text),
                       "participants": ("Participants", fmt_num), "share": ("Share of people interviewed", fmt_share),
                       "feeling" if "feeling" in shown else "mean_compound":
                           ("Feeling", fmt_text if "feeling" in shown else sentiment_word)}
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
                {"value": fmt_money(program.get("total_value"), cur), "label": "estimated value of the decisions"},
                {"value": (f"{fmt_money(program.get('value_low'), cur)} to {fmt_money(program.get('value_high'), cur)}"
                           if ranged else "–"), "label": "credited to the research"},
                {"value": (fmt_ratio_range(program.get('roi_low'), program.get('roi_high')) if ranged
                           else fmt_ratio(program.get("roi"))),
                 "label": "return on investment" + ("" if ranged else " (full credit)")},
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
                _maybe("{} held after the decision was taken: check their dates and "
                       "evidence.", plural(program.get("decisions_citing_later_interviews"), "decision cites interviews",
                                           "decisions cite interviews")
                       if program.get("decisions_citing_later_interviews") else ""),
                self._follow_up_sentence(program),
                _maybe("Median {} days from the first interview cited to the decision.",
                       fmt_num(program.get("median_days_insight_to_action"), 0)),
                _maybe("Action items: {} done, {} open, of which {} overdue.", fmt_num(program.get("done_actions")),
                       fmt_num(program.get("open_actions")), fmt_num(program.get("overdue_actions"))),
            ) if b]
            if self.tables.get("cost_breakdown", "leadership") is not None:
                roi.add_figure(self.tables.figure("cost_breakdown", also=("value_breakdown",)))
        else:
            roi.missing = self.needs("program")
        blocks.append(roi)

        decisions = self.decision_table()
        rel = self.tables.own("report_decisions.csv", decisions, "leadership")
        block = Block("Decisions", "What the team decided on the strength of these interviews, how many "
                                   "interviews each decision cites, and the outcome measured so far.",
                      sources=[rel])
        if len(decisions):
            block.table = table_of(decisions, {
                "decision_id": ("", fmt_text), "decision": ("Decision", fmt_text),
                "interviews_cited": ("Interviews cited", fmt_num),
                "estimated_value": ("Estimated value", lambda v: fmt_money(v, self.currency)),
                "outcome_metric": ("Outcome metric", fmt_text),
                "outcome_baseline": ("Baseline", _outcome), "outcome_reading": ("Reading", _outcome)},
                numeric=("interviews_cited", "estimated_value", "outcome_baseline", "outcome_reading"))
        else:
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
        labels = frame["sprint"].astype(str)
        if "order" in frame and (labels == self.sprint).any():
            mine = frame.loc[labels == self.sprint, "order"].min()
            keep = pd.to_numeric(frame["order"], errors="coerce") <= mine
        else:
            keep = labels <= self.sprint
        later = sorted(set(labels[~keep]))
        return frame[keep], later

    def _trends(self) -> Block:
        trend = Block("Trends", f"How themes and the program moved over the sprints up to this one"
                                f"{f' ({self.sprint})' if self.sprint else ''}, and how the mood moved within "
                                "this sprint.")
        themes = self.tables.get("theme_trends", "leadership")
        left_out = set()
        if isinstance(themes, pd.DataFrame) and len(themes):
            themes, later = self._up_to_this_sprint(themes)
            left_out |= set(later)
        if isinstance(themes, pd.DataFrame) and len(themes):
            if not left_out:  # the stored figure shows every sprint: only when none is later
                trend.add_figure(self.tables.figure("theme_trends"))
            trend.sources.append(self.tables.source("theme_trends")) if not trend.figures else None
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
        program = self.tables.get("trends", "leadership")
        if isinstance(program, pd.DataFrame) and len(program):
            program, later = self._up_to_this_sprint(program)
            left_out |= set(later)
            trend.sources.append(self.tables.source("trends"))
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
        elif isinstance(self.tables.get("weekly", "leadership"), pd.DataFrame):
            trend.add_figure(self.tables.figure("weekly"))
        if left_out:
            trend.bullets.append(f"Later sprints ({', '.join(sorted(left_out))}) are left out: this is the report "
                                 f"of {self.sprint}.")
        if not trend.sources:
            trend.missing = self.needs("theme_trends", "trends", "sentiment_trend")
        return trend

    def appendix(self) -> list[Block]:
        blocks = []
        sample = self.sample_table()
        rel = self.tables.own("report_sample.csv", sample, "appendix")
        study = self.study
        dates = pd.to_datetime(study.interviews["date"], errors="coerce").dropna()
        fmt = str(study.config.get("format") or "micro")
        block = Block("Sample and recruitment", sources=[rel])
        block.intro = (f"{len(study.interviews)} {fmt} interviews"
                       + (f" between {dates.min():%-d %B} and {dates.max():%-d %B %Y}" if len(dates) else "")
                       + f"; participants recruited by {self.segment_attribute} against quotas.")
        block.table = table_of(sample, {
            "segment": (self.segment_attribute.capitalize(), fmt_text), "quota": ("Quota", fmt_num),
            "recruited": ("Recruited", fmt_num), "completed": ("Interviewed", fmt_num),
            "scheduled": ("Scheduled", fmt_num), "declined_or_no_show": ("Declined or no-show", fmt_num),
            "consented_to_quote": ("Consented to quoting", fmt_num)},
            numeric=("quota", "recruited", "completed", "scheduled", "declined_or_no_show", "consented_to_quote"))
        for key in ("funnel", "quota"):
            if self.tables.get(key, "appendix") is not None:
                block.add_figure(self.tables.figure(key))
        block.bullets.extend(study.lacks())  # what a smaller study lacks, and what is skipped
        blocks.append(block)

        from kit.languages import report_block  # the language mix per segment, when not all English

        blocks += report_block(self)
        guide = Block("Discussion guide", "The questions asked, checked for leading, closed, hypothetical and "
                                          "double-barreled wording.")
        lint = self.tables.get("guide", "appendix")
        if isinstance(lint, pd.DataFrame) and "question" in lint:
            guide.sources.append(self.tables.source("guide"))
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
            guide.missing = self.needs("guide")
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

        sat = Block("Saturation", "Whether new interviews still add new codes (Guest, Namey & Chen 2020: "
                                  "saturation when a run of two interviews after a base of six adds at most "
                                  "5% new codes).")
        frame = self.tables.get("saturation", "appendix")
        summary = self.tables.get("saturation_summary", "appendix")
        if isinstance(summary, dict):
            sat.sources.append(self.tables.source("saturation_summary"))
            n = summary.get("n_interviews")
            if summary.get("saturated_at"):
                sat.bullets.append(f"Saturation was reached at interview {summary['saturated_at']}"
                                   + (f" ({summary['saturated_at_id']})" if summary.get("saturated_at_id") else "")
                                   + (f" of {n}" if n else "")
                                   + (f", with {summary['total_codes']} codes in all." if summary.get("total_codes") is not None else "."))
            else:
                sat.bullets.append(f"Saturation was not reached: {summary.get('reason') or 'no run under the threshold'}.")
            for c in summary.get("criteria") or []:
                where = (f"at interview {c['saturated_at']}" + (f" ({c['saturated_at_id']})" if c.get("saturated_at_id") else "")
                         if c.get("saturated_at") else "not reached")
                sat.bullets.append(f"With at most {fmt_share(c['threshold'])} new codes in a run: {where}.")
        elif isinstance(frame, pd.DataFrame) and len(frame) and "saturation_point" in frame:
            point = frame[frame["saturation_point"].astype(str).str.lower() == "true"]
            sat.bullets.append(f"Saturation was reached at interview {int(point.iloc[0]['interview'])} of {len(frame)}."
                               if len(point) else f"Saturation was not reached in {len(frame)} interviews.")
        if isinstance(frame, pd.DataFrame) and len(frame):
            sat.sources.append(self.tables.source("saturation"))
            sat.add_figure(self.tables.figure("saturation"))
        if not sat.sources:
            sat.missing = self.needs("saturation")
        blocks.append(sat)

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
                      "In interviews the team coded by hand, only the coders' codings count. Elsewhere a "
                      "keyword rule's codings count unless the rule was checked against the coders and fewer than "
                      f"{RULE_MIN_PRECISION:.0%} of its matches agreed with them (judged on at least "
                      f"{RULE_MIN_EXAMPLES} examples). A participant counts once per theme. The same count is used "
                      "by every table, the trends across sprints and the key findings.")
        rules = self.tables.get("rules", "appendix")
        if isinstance(rules, pd.DataFrame) and len(rules):
            block.sources.append(self.tables.source("rules"))
            block.table = table_of(rules, {
                "code": ("Theme", fmt_text), "manual": ("Coded by hand", fmt_num), "auto": ("Rule matches", fmt_num),
                "tp": ("Both", fmt_num), "precision": ("Rule precision", fmt_share),
                "rule_status": ("Rule", fmt_text), "rule_reach": ("Rule reaches", fmt_share)},
                numeric=("manual", "auto", "tp", "precision", "rule_reach"))
            block.note = (f"A rule that reaches {UBIQUITOUS_SHARE:.0%} of participants or more marks the study's "
                          "topic and is never a key finding.")
        else:
            block.missing = self.needs("rules")
        return block

    def _theme_figure(self, themes: pd.DataFrame) -> dict | None:
        existing = self.tables.figure("themes")
        if existing:
            return existing
        if not {"participants", "code"} <= set(themes.columns) or not len(themes):
            return None
        import matplotlib.pyplot as plt

        from kit import plots

        fig = report_theme_chart(themes.head(10))
        path = self.out / FIGURES / "report_themes.png"
        plots.save(fig, path)
        plt.close(fig)
        return {"src": data_uri(path), "name": f"{FIGURES}/report_themes.png", "tables": [self.tables.source("themes")]}

    # -- the page --------------------------------------------------------------------------------
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

    # -- the page --------------------------------------------------------------------------------
    def headline(self, quotes: pd.DataFrame) -> tuple[list[dict], list[str]]:
        study = self.study
        themes = self.tables.get("themes")
        program = self.tables.get("program")
        from kit.themes import n_participants

        participants = n_participants(study)  # the one denominator of every share (kit.themes)
        metrics = [{"value": str(len(study.interviews)), "label": "interviews"},
                   {"value": str(participants), "label": "people interviewed (every share is of them)"},
                   {"value": str(len(quotes)), "label": "shareable quotes"},
                   {"value": str(len(study.decisions)), "label": "decisions informed"}]
        if isinstance(program, dict) and not _missing(program.get("roi_low")):
            metrics.append({"value": fmt_ratio_range(program.get('roi_low'), program.get('roi_high')),
                            "label": "program ROI (research's share of each decision)"})
        elif isinstance(program, dict) and not _missing(program.get("roi")):
            metrics.append({"value": fmt_ratio(program.get("roi")), "label": "program ROI (full credit)"})
        findings = []
        if isinstance(themes, pd.DataFrame) and {"code", "participants"} <= set(themes.columns) and len(themes):
            agreement = self._agreement_of()
            total = participants or 1
            ready = self._headline_ready(themes)
            lead = ready.sort_values("participants", ascending=False, kind="stable").head(3)
            if not len(lead) and (pd.to_numeric(themes["participants"], errors="coerce").fillna(0) > 0).any():
                findings.append("No theme is a key finding yet: every count rests on keyword rules no coder has "
                                "checked, or on rules that fire for nearly everyone. Code a few interviews by hand "
                                "(codings/NAME.csv) to validate them.")
            if len(lead):
                findings.append("Most talked about: " + "; ".join(
                    f"{r['code']}, {int(r['participants'])} of the {total} people interviewed "
                    f"({self._evidence(r, agreement)})"
                    for r in lead.to_dict("records")) + ".")
            negative = self._negative(ready)
            if len(negative):
                worst = negative.sort_values(["participants", "mean_compound"], ascending=[False, True]).iloc[0]
                tone = (f"{fmt_share(worst['share_negative'])} of what they said about it reads negative, "
                        f"{fmt_share(worst.get('share_positive'))} positive"
                        if "share_negative" in worst and not _missing(worst["share_negative"])
                        else f"negative in tone ({float(worst['mean_compound']):+.2f})")
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
        decisions = self.decision_table()
        if len(decisions):
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
                default = (f" ({fmt_share(low)} to {fmt_share(high)} of each decision's value unless decisions.csv "
                           "says otherwise)" if low is not None else "")
                findings.append(
                    f"The research cost {fmt_money(program.get('total_cost'), cur)}; credited with its share of the "
                    f"decisions{default}, it returned {fmt_money(program.get('value_low'), cur)} to "
                    f"{fmt_money(program.get('value_high'), cur)}, a return on investment of "
                    f"{fmt_ratio_range(program.get('roi_low'), program.get('roi_high'))}.")
            else:
                findings.append(f"The research cost {fmt_money(program.get('total_cost'), cur)}"
                                + (f"; the decisions it informed are estimated at "
                                   f"{fmt_money(program.get('total_value'), cur)}, a return on investment of "
                                   f"{fmt_ratio(program.get('roi'))} if the research gets full credit."
                                   if not _missing(program.get("roi")) else "."))
            later = program.get("decisions_citing_later_interviews")
            if not _missing(later) and int(later):
                findings.append(f"Check the ledger: {plural(later, 'decision cites', 'decisions cite')} interviews held after the "
                                "decision was taken.")
        return metrics, findings

    @staticmethod
    def _negative(themes: pd.DataFrame) -> pd.DataFrame:
        """Themes whose passages read negative: by the majority of passages (``feeling``) when
        the table has it, else by the mean compound (at or below -0.05)."""
        if "feeling" in themes:
            return themes[themes["feeling"] == "negative"]
        if "mean_compound" in themes:
            return themes[pd.to_numeric(themes["mean_compound"], errors="coerce") <= -0.05]
        return themes.iloc[0:0]

    def context(self) -> dict:
        from kit import __version__

        quotes = self.quote_table()
        self.tables.own("report_quotes.csv", quotes, "marketing")
        sections = [
            {"id": "product", "title": "Product", "audience": "for product managers and designers",
             "lead": "Where the job breaks down for participants, what they ask for, and what we could build.",
             "blocks": self.product(quotes)},
            {"id": "marketing", "title": "Marketing", "audience": "for marketing and sales",
             "lead": "How customers describe their situation, and quotes cleared for use.",
             "blocks": self.marketing(quotes)},
            {"id": "leadership", "title": "Leadership", "audience": "for leadership",
             "lead": "The themes that matter most, how the program is trending, what it is worth and what was decided.",
             "blocks": self.leadership()},
            {"id": "appendix", "title": "Method appendix", "audience": "for researchers",
             "lead": "How the evidence was gathered and how far it can be trusted.",
             "blocks": self.appendix()},
        ]
        metrics, findings = self.headline(quotes)
        study = self.study
        return {
            "title": study.name,
            "sprint": self.sprint,
            "research_question": fmt_text(study.config.get("research_question")),
            "objectives": list(study.config.get("objectives") or []),
            "metrics": metrics,
            "findings": findings,
            "sections": [{**s, "blocks": [asdict(b) | {"status": b.status} for b in s["blocks"]]}
                         for s in sections],
            "notebooks": self.notebook_links(),
            "tables": self.table_list(),
            "include_names": self.include_names,
            "withheld": len(study.quotes) - len(quotes),
            "version": __version__,
        }

    def notebook_links(self) -> list[dict]:
        links = []
        for stem in self.ran:
            links.append({"name": f"{stem}.ipynb", "stem": stem,
                          "title": stem.split("-", 1)[-1].replace("-", " ").capitalize(),
                          "step": stem.split("-", 1)[0]})
        return links

    def _writers(self) -> dict[str, list[str]]:
        """Which executed notebook names which file: the notebooks' code, searched for file names."""
        import nbformat

        sources = {}
        folder = self.out / "notebooks"
        for path in sorted(folder.glob("[0-9][0-9]-*.ipynb")) if folder.is_dir() else []:
            try:
                nb = nbformat.read(path, as_version=4)
            except Exception:
                continue
            sources[path.stem] = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        return sources

    def table_list(self) -> list[dict]:
        folder = self.out / TABLES
        rows = []
        writers = self._writers()
        paths = sorted(folder.glob("*")) if folder.is_dir() else []
        paths += sorted(p for p in self.out.glob("*.json"))
        for path in paths:
            if path.suffix not in (".csv", ".json") or path.name.startswith("."):
                continue
            rel = self.tables.rel(path)
            if path.suffix == ".csv":
                try:
                    size = f"{len(pd.read_csv(path))} rows"
                except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError):
                    size = "unreadable"
            else:
                size = "summary"
            if path.name.startswith("report_"):
                producer = REPORT_NOTEBOOK
            else:
                named = [nb for nb, code in writers.items() if path.stem in code]
                producer = ", ".join(named) if named else "–"
            rows.append({"path": rel, "size": size, "producer": producer,
                         "used_in": ", ".join(self.tables.used.get(rel, [])) or "not shown"})
        return rows


def _plain_reading(row: dict) -> str:
    """A follow-up reading in plain words for leadership: counts and the verdict, no statistics."""
    change = fmt_text(row.get("change"))
    if not change or _missing(row.get("before_k")):
        return fmt_text(row.get("reading"))
    said = (f"raised by {int(row['before_k'])} of {int(row['before_n'])} before and "
            f"{int(row['after_k'])} of {int(row['after_n'])} after")
    if change in ("fell", "rose"):
        return f"{said}: it {change}, and the difference is larger than chance would give"
    if change == "inconclusive":
        need = row.get("needed_per_group")
        more = (f"; about {int(need)} people before and after would be needed to tell" if not _missing(need) else "")
        return f"{said}: too few people to tell whether it changed{more}"
    return f"{said}: {change}"


def _maybe(template: str, *values) -> str:
    return "" if any(v in ("–", "") for v in values) else template.format(*values)


def _outcome(value) -> str:
    if _missing(value):
        return "–"
    value = float(value)
    return f"{value:.0%}" if 0 < abs(value) < 1 else fmt_num(value, 1).removesuffix(".0")


def report_theme_chart(themes: pd.DataFrame):
    """Horizontal bars: participants per theme; negative themes hatched and labelled."""
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    from kit.plots import FIGSIZE

    frame = themes.iloc[::-1]
    tone = pd.to_numeric(frame.get("mean_compound", pd.Series([float("nan")] * len(frame))), errors="coerce")
    negative = (tone <= -0.05).tolist()
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], max(2.5, 0.38 * len(frame) + 1.3)))
    bars = ax.barh(frame["code"].astype(str), frame["participants"],
                   color=["#c0392b" if n else "#2e86c1" for n in negative])
    for bar, neg, value in zip(bars, negative, frame["participants"]):
        if neg:
            bar.set_hatch("//")
        ax.annotate(f"{int(value)}" + ("  negative" if neg else ""), (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlabel("Participants who raised the theme")
    ax.set_ylabel("Theme")
    ax.set_xlim(0, float(frame["participants"].max()) * 1.3 + 0.5)
    ax.set_title("Top themes by participants (hatched: negative in tone)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


# -- entry points ------------------------------------------------------------------------------------
@dataclass
class Built:
    """What ``build_report`` made: the page, and an outline of what it shows and lacks."""

    path: Path
    outline: pd.DataFrame

    def _repr_html_(self):  # pragma: no cover - shown in the notebook
        return self.outline.to_html(index=False)


def render(context: dict) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(templates_path() / "report"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    return env.get_template("index.html.j2").render(**context)


def build_report(study, out_dir, sprint: str = "", include_names: bool = False) -> Built:
    """Write OUT/index.html (and the report's own tables) from the tables in ``out_dir``."""
    from kit.study import as_study

    study = as_study(study, strict=False)
    out = Path(out_dir)
    (out / TABLES).mkdir(parents=True, exist_ok=True)
    report = Report(study, out, sprint=sprint, include_names=include_names)
    context = report.context()
    path = out / "index.html"
    # A published output: written through kit.outputs like every other (second line behind
    # the report's own consent handling).
    from kit.outputs import PUBLISHED, Outputs

    Outputs(None, study, PUBLISHED, include_names=include_names).text(path, render(context), markup=True)
    rows = [{"section": s["title"], "part": b["title"], "status": b["status"],
             "source": ", ".join(b["sources"]) if b["sources"] else b["missing"]}
            for s in context["sections"] for b in s["blocks"]]
    return Built(path, pd.DataFrame(rows, columns=["section", "part", "status", "source"]))


def write_index(out: Path, study_path: Path, notebooks=None, include_names: bool = False) -> Path:
    """Write OUT/index.html from the tables in OUT (kept for callers of the first version)."""
    return build_report(study_path, out, include_names=include_names).path
