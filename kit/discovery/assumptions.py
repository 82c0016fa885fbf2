"""Assumption tests and experiments across the sprints of a research repository.

``assumptions.yml`` (in a repository or a study folder) lists what must be true for a
solution to work, how it will be tested and what result would settle it::

    assumptions:
      - id: A-1
        assumption: Freelancers will let Brightbill send the first reminder once it sounds like them.
        opportunity: INT-001#o1          # a segment id of a note's opportunity, or plain text
        test: Ship editable reminder tones (D-002); re-interview freelancers in the next sprints.
        threshold: share of participants mentioning chasing-awkward drops below 0.2
        segment: freelancer              # optional: whose interviews count
        codes_for: [reminders-automation]
        codes_against: [chasing-awkward]

``threshold`` is read by the kit when it says ``share of participants mentioning CODE``
followed by ``drops below``, ``falls below``, ``stays below``, ``is below``, ``below``,
``rises above``, ``stays above``, ``is above``, ``above`` or ``exceeds``, and a share (``0.2``
or ``20%``).

``experiments.yml`` records what shipped because of a decision and which sprints listen for
its effect::

    experiments:
      - id: E-1
        decision: D-002                  # an id from a study's decisions.csv
        assumption: A-1                  # optional
        segment: freelancer              # optional: whose interviews are compared
        date: 2026-11-02                 # when it shipped (default: the decision's date)
        follow_up: [2026-S45, 2026-S49]  # sprint labels or study folder names
        codes: [chasing-awkward]         # optional (default: the assumption's codes, else all)

:func:`compare_experiment` compares the segment's interviews before ``date`` (in any study)
with the interviews of the follow-up sprints on or after it: for each code the share of
participants mentioning it before and after with the difference and its 95% Newcombe
(hybrid Wilson score) interval, and the participants' sentiment about it (mean VADER compound
of their coded turns and quotes, one value per participant) with a seeded bootstrap interval
for the difference and a Mann-Whitney test. Small sprints give wide intervals: the tables say
so instead of reporting a bare difference.

A verdict needs two things to agree: the 95% interval must exclude "no change" *and* an exact
test must reject it at 5% (Fisher's exact test for the shares, the exact or permutation
Mann-Whitney test for sentiment; for an assumption's threshold, the exact binomial test).
With a few people per group the interval alone misleads (a percentile bootstrap on 5 against
2 covers the true difference far less often than 95%), so anything less is "inconclusive",
with the number of people per group that would be needed to see the difference observed
(80% power, two-sided 5%; :func:`needed_per_group`, :func:`needed_one_sample`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from kit.csvio import parse_date, read_text
from kit.errors import Problem
from kit.schema import ASSESS_COLUMNS, ASSUMPTION_EVIDENCE_COLUMNS, EXPERIMENT_COMPARE_COLUMNS, is_segment_id
from kit.stats import (
    Z95,
    bootstrap_mean_difference,
    fisher_p,
    needed_one_sample,
    needed_per_group,
    newcombe_interval,
    wilson_interval,
)
from kit.stats import mann_whitney as _mann_whitney
from kit.yamlio import load_yaml_around_errors
from kit.yamllines import line_of, value_lines

__all__ = ["ALL_WORDS", "ASSESS_COLUMNS", "Assumption", "COMPARE_COLUMNS", "EVIDENCE_COLUMNS", "Experiment",
           "NOT_QUOTED", "THRESHOLD_HINT", "Threshold", "Z95", "assess", "assumptions_table",
           "bootstrap_mean_difference", "compare_experiment", "compare_experiments", "evidence",
           "evidence_summary", "fisher_p", "load_assumptions", "load_experiments", "mann_whitney",
           "needed_one_sample", "needed_per_group", "newcombe_interval", "parse_threshold", "wilson_interval"]

_THRESHOLD = re.compile(
    r"share of (?:participants|interviews|people)\s+(?:mentioning|with|coded)\s+(?:(?:the\s+)?code\s+)?"
    r"[`'\"]?(?P<code>[\w./-]+?)[`'\"]?\s+"
    r"(?P<verb>drops below|falls below|stays below|is below|below|under|rises above|stays above|is above|above|"
    r"exceeds|over)\s+(?P<value>\d*\.?\d+)\s*(?P<pct>%)?", re.IGNORECASE)
THRESHOLD_HINT = ("write it as 'share of participants mentioning CODE drops below 0.2' "
                  "(or rises above, stays below, stays above; a share such as 0.2 or 20%)")


@dataclass
class Threshold:
    code: str
    direction: str  # "below" or "above"
    value: float
    text: str


@dataclass
class Assumption:
    id: str
    assumption: str
    opportunity: str = ""
    test: str = ""
    threshold: str = ""
    rule: Threshold | None = None
    segment: str = ""
    codes_for: list = field(default_factory=list)
    codes_against: list = field(default_factory=list)
    path: str = ""
    line: int = 0


@dataclass
class Experiment:
    id: str
    decision: str
    segment: str = ""
    date: date | None = None
    follow_up: list = field(default_factory=list)
    codes: list = field(default_factory=list)
    assumption: str = ""
    decision_text: str = ""
    path: str = ""
    line: int = 0


def parse_threshold(text) -> Threshold | None:
    """The rule in a threshold such as "share of participants mentioning code X drops below
    0.2"; None when the kit cannot read it."""
    match = _THRESHOLD.search(str(text or ""))
    if not match:
        return None
    value = float(match["value"])
    if match["pct"]:
        value /= 100
    if not 0 <= value <= 1:
        return None
    verb = match["verb"].lower()
    direction = "below" if verb.endswith(("below", "under")) else "above"
    return Threshold(match["code"], direction, value, str(text))


# -- reading the files ------------------------------------------------------------------------
def _file(path_or_folder, name: str) -> Path:
    path = Path(path_or_folder)
    return path / name if path.is_dir() else path


def _items(path: Path, key: str):
    """(items, lines, prefix, problems) of a YAML file holding ``key: [...]`` or a bare list."""
    text, problems = read_text(path)
    if text is None:
        return [], {}, (), problems
    # A syntax error sets its line (an entry's, with the lines under it) aside: the other
    # entries are still read and checked.
    data, problems, kept, _ = load_yaml_around_errors(text, str(path))
    if data is None and problems:
        return [], {}, (), problems
    lines = value_lines(kept)
    if data is None:
        return [], lines, (), []
    if isinstance(data, dict) and key in data:
        data, prefix = data[key], (key,)
    else:
        prefix = ()
    if data is None:
        return [], lines, prefix, problems
    if not isinstance(data, list):
        return [], lines, prefix, problems + [Problem(str(path), line_of(lines, *prefix),
                                                      f"{path.name} must hold a list `{key}:` of entries, each a mapping")]
    return data, lines, prefix, problems


def _string_list(value) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
        return [str(v).strip() for v in value if str(v).strip()]
    return None


def _known_codes(studies) -> set[str] | None:
    if studies is None:
        return None
    names = set()
    for s in studies:
        names |= set(s.codebook.names)
    return names


def _segment_ids(studies) -> set[str]:
    ids = set()
    for s in studies or []:
        ids |= s.segment_ids()
    return ids


def _entries(items, lines, prefix, path, problems, what: str, keys: str):
    """The entries of a YAML list that are mappings with a new ``id``, as (item, id, line,
    where) with ``where(key)`` the line of one of its keys; the others become problems."""
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        at = line_of(lines, *prefix, i)

        def where(key, at=at, i=i):
            return line_of(lines, *prefix, i, key, default=at)

        if not isinstance(item, dict):
            problems.append(Problem(str(path), at, f"each {what} must be a mapping with {keys}"))
            continue
        ident = str(item.get("id") or "").strip()
        if not ident:
            problems.append(Problem(str(path), at, f"{what} without an `id`"))
            continue
        if ident in seen:
            problems.append(Problem(str(path), where("id"), f"duplicate {what} id {ident!r} (first on line {seen[ident]})"))
            continue
        seen[ident] = where("id")
        yield item, ident, at, where


def load_assumptions(path, studies=None) -> tuple[list[Assumption], list[Problem]]:
    """Read ``assumptions.yml`` (``path`` is the file, or a repository or study folder).
    With ``studies`` (a repository path or loaded studies) codes and opportunity ids are
    checked against them. A missing file is no assumptions and no problem."""
    from kit.discovery.repository import load_studies

    path = _file(path, "assumptions.yml")
    if not path.exists():
        return [], []
    studies = load_studies(studies) if studies is not None else None
    items, lines, prefix, problems = _items(path, "assumptions")
    known = _known_codes(studies)
    segment_ids = _segment_ids(studies)
    segment_values = _segment_values(studies)
    out = []
    for item, aid, at, where in _entries(items, lines, prefix, path, problems, "assumption",
                                         "id, assumption, test, threshold, codes_for and codes_against"):
        text = str(item.get("assumption") or "").strip()
        if not text:
            problems.append(Problem(str(path), at, f"{aid}: missing `assumption`: say what must be true, in one sentence"))
        test = str(item.get("test") or "").strip()
        if not test:
            problems.append(Problem(str(path), at, f"{aid}: no `test`: say how the assumption will be tested", "warning"))
        threshold = str(item.get("threshold") or "").strip()
        rule = parse_threshold(threshold) if threshold else None
        if not threshold:
            problems.append(Problem(str(path), at, f"{aid}: no `threshold`: without a success threshold the test "
                                                   "cannot be settled", "warning"))
        elif rule is None:
            problems.append(Problem(str(path), where("threshold"), f"{aid}: threshold {threshold!r} is not understood: "
                                                                   f"{THRESHOLD_HINT}"))
        codes = {}
        for key in ("codes_for", "codes_against"):
            value = _string_list(item.get(key))
            if value is None:
                problems.append(Problem(str(path), where(key), f"{aid}: {key} must be a list of code names"))
                value = []
            codes[key] = value
        checked = [(k, c) for k in ("codes_for", "codes_against") for c in codes[k]]
        if rule is not None:
            checked.append(("threshold", rule.code))
        if known is not None:
            for key, code in checked:
                if code not in known:
                    problems.append(Problem(str(path), where(key), f"{aid}: unknown code {code!r}: not in the codebook "
                                                                   "of any study"))
        if not codes["codes_for"] and not codes["codes_against"]:
            problems.append(Problem(str(path), at, f"{aid}: no codes_for or codes_against: no evidence can be "
                                                   "gathered for it", "warning"))
        opportunity = str(item.get("opportunity") or "").strip()
        if studies is not None and is_segment_id(opportunity) and opportunity not in segment_ids:
            problems.append(Problem(str(path), where("opportunity"), f"{aid}: opportunity {opportunity!r} is not a "
                                                                     "segment of any study"))
        segment = str(item.get("segment") or "").strip()
        if segment and segment_values is not None and segment.casefold() not in segment_values:
            problems.append(Problem(str(path), where("segment"), f"{aid}: no interview in the repository is with a "
                                                                 f"participant of segment {segment!r}", "warning"))
        out.append(Assumption(aid, text, opportunity, test, threshold, rule, segment, codes["codes_for"],
                              codes["codes_against"], str(path), at))
    return out, sorted(problems, key=lambda p: (p.line, p.message))


def _segment_values(studies) -> set[str] | None:
    if studies is None:
        return None
    from kit.discovery.repository import interviews_table

    return {str(v).casefold() for v in interviews_table(studies)["segment"] if str(v)}


def _decisions(studies) -> dict[str, dict]:
    out = {}
    for s in studies:
        for row in s.decisions.to_dict("records"):
            if row.get("id"):
                out.setdefault(str(row["id"]), {**row, "study": s.path.name})
    return out


def load_experiments(path, studies, assumptions=None) -> tuple[list[Experiment], list[Problem]]:
    """Read ``experiments.yml`` (the file, or a repository folder) and check it against the
    repository's ``studies``: decision ids, follow-up sprints, codes, assumption ids."""
    from kit.discovery.repository import load_studies, sprint_label, study_label

    path = _file(path, "experiments.yml")
    if not path.exists():
        return [], []
    studies = load_studies(studies)
    items, lines, prefix, problems = _items(path, "experiments")
    decisions = _decisions(studies)
    labels = {}
    for s in studies:
        labels[study_label(s)] = study_label(s)
        labels.setdefault(sprint_label(s), study_label(s))
    known = _known_codes(studies)
    segment_values = _segment_values(studies)
    assumption_ids = {a.id for a in assumptions} if assumptions is not None else None
    out = []
    for item, eid, at, where in _entries(items, lines, prefix, path, problems, "experiment",
                                         "id, decision, segment, date and follow_up"):
        ok = True
        decision = str(item.get("decision") or "").strip()
        if not decision:
            problems.append(Problem(str(path), at, f"{eid}: missing `decision`: the id of the decision (decisions.csv) "
                                                   "that shipped the change"))
            ok = False
        elif decision not in decisions:
            known_ids = ", ".join(sorted(decisions)) or "none"
            problems.append(Problem(str(path), where("decision"), f"{eid}: decision {decision!r} is not in any study's "
                                                                  f"decisions.csv (known: {known_ids})"))
            ok = False
        when = None
        try:
            when = parse_date(item.get("date"))
        except ValueError:
            problems.append(Problem(str(path), where("date"), f"{eid}: date {item.get('date')!r} is not a date (YYYY-MM-DD)"))
            ok = False
        if when is None and ok and decision in decisions:
            when = decisions[decision].get("date")
            if when is None:
                problems.append(Problem(str(path), at, f"{eid}: no `date` and decision {decision} has none: say when "
                                                       "the change shipped"))
                ok = False
        follow = _string_list(item.get("follow_up"))
        if follow is None or not follow:
            problems.append(Problem(str(path), where("follow_up"), f"{eid}: follow_up must list the sprints (or study "
                                                                   "folders) that listen for the change"))
            ok, follow = False, []
        resolved = []
        for label in follow:
            if label not in labels:
                problems.append(Problem(str(path), where("follow_up"), f"{eid}: follow-up {label!r} is not a study of "
                                                                       f"the repository (studies: {', '.join(sorted(labels))})"))
                ok = False
            else:
                resolved.append(labels[label])
        codes = _string_list(item.get("codes"))
        if codes is None:
            problems.append(Problem(str(path), where("codes"), f"{eid}: codes must be a list of code names"))
            ok, codes = False, []
        for code in codes:
            if known is not None and code not in known:
                problems.append(Problem(str(path), where("codes"), f"{eid}: unknown code {code!r}: not in the codebook "
                                                                   "of any study"))
                ok = False
        segment = str(item.get("segment") or "").strip()
        if segment and segment.casefold() not in (segment_values or set()):
            problems.append(Problem(str(path), where("segment"), f"{eid}: no interview in the repository is with a "
                                                                 f"participant of segment {segment!r}", "warning"))
        assumption = str(item.get("assumption") or "").strip()
        if assumption and assumption_ids is not None and assumption not in assumption_ids:
            problems.append(Problem(str(path), where("assumption"), f"{eid}: assumption {assumption!r} is not in "
                                                                    "assumptions.yml"))
            ok = False
        if ok:
            out.append(Experiment(eid, decision, segment, when, resolved, codes, assumption,
                                  str(decisions[decision].get("decision", "")), str(path), at))
    return out, sorted(problems, key=lambda p: (p.line, p.message))


def assumptions_table(assumptions) -> pd.DataFrame:
    rows = [{"id": a.id, "assumption": a.assumption, "opportunity": a.opportunity, "test": a.test,
             "threshold": a.threshold, "segment": a.segment, "codes_for": ", ".join(a.codes_for),
             "codes_against": ", ".join(a.codes_against)} for a in assumptions]
    return pd.DataFrame(rows, columns=["id", "assumption", "opportunity", "test", "threshold", "segment", "codes_for",
                                       "codes_against"])


# -- statistics (their one home is kit.stats) -----------------------------------------------------
def mann_whitney(x, y) -> tuple[float, float]:
    """Two-sided Mann-Whitney U test as (U of ``x``, p): :func:`kit.stats.mann_whitney`
    (exact or permutation p for small samples)."""
    res = _mann_whitney(x, y)
    return res["u"], res["p_value"]


# -- evidence -------------------------------------------------------------------------------------
EVIDENCE_COLUMNS = ASSUMPTION_EVIDENCE_COLUMNS  # kit.schema
NOT_QUOTED = "(not quoted: no consent to quote)"


def _in_segment(frame: pd.DataFrame, segment: str) -> pd.Series:
    if not segment:
        return pd.Series(True, index=frame.index)
    return frame["segment"].astype(str).str.casefold() == segment.casefold()


def evidence(assumptions, studies) -> pd.DataFrame:
    """Coded segments for (``codes_for``) and against (``codes_against``) each assumption,
    across the repository's studies, restricted to the assumption's ``segment`` when it
    has one. The participants' own words (turns, quotes) are shown only when they consented
    to being quoted."""
    from kit.discovery.repository import coded_table

    coded = coded_table(studies)
    parts = []
    for a in assumptions:
        for stance, codes in (("for", a.codes_for), ("against", a.codes_against)):
            rows = coded[coded["code"].isin(codes) & _in_segment(coded, a.segment)]
            if len(rows):
                parts.append(rows.assign(assumption=a.id, stance=stance))
    if not parts:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    table = pd.concat(parts, ignore_index=True)
    own = table["kind"].isin(("turn", "quote")) & ~table["consent_quote"].astype(bool)
    table.loc[own, "text"] = NOT_QUOTED
    return table[EVIDENCE_COLUMNS].reset_index(drop=True)


def _row_people(rows: pd.DataFrame, group: pd.DataFrame) -> list:
    """Who each row of ``rows`` (study, interview_id, participant) counts as among the
    interviews of ``group`` (interviews_table rows: study, interview_id, participant, who):
    its participant; its interview's ``who`` when that interview names no participant;
    nobody (None) for a third speaker of an interview that names one (kit.schema.person), or
    for a row outside ``group``."""
    who = dict(zip(zip(group["study"], group["interview_id"]), group["who"]))
    named = {k for k, p in zip(zip(group["study"], group["interview_id"]), group["participant"]) if p}
    parts = rows["participant"].fillna("").astype(str) if "participant" in rows else [""] * len(rows)
    return [(p or None) if k in named else who.get(k)
            for k, p in zip(zip(rows["study"], rows["interview_id"]), parts)]


def _people(rows: pd.DataFrame, group: pd.DataFrame) -> set:
    """The people (:func:`_row_people`, nobody left out) behind ``rows``."""
    return {w for w in _row_people(rows, group) if w is not None}


def evidence_summary(assumptions, studies) -> pd.DataFrame:
    """Per assumption and sprint: participants interviewed (in its segment), how many gave
    evidence for and against it (participants and segments)."""
    from kit.discovery.repository import interviews_table, load_studies

    studies = load_studies(studies)
    ev = evidence(assumptions, studies)
    iv = interviews_table(studies)
    rows = []
    for a in assumptions:
        for (order, sprint), group in iv[_in_segment(iv, a.segment)].groupby(["order", "sprint"], sort=True):
            mine = ev[(ev["assumption"] == a.id) & (ev["sprint"] == sprint)]
            f = mine[mine["stance"] == "for"]
            g = mine[mine["stance"] == "against"]
            rows.append({"assumption": a.id, "sprint": sprint, "participants": group["who"].nunique(),
                         "for_participants": len(_people(f, group)),
                         "against_participants": len(_people(g, group)),
                         "for_segments": f["segment_id"].nunique(), "against_segments": g["segment_id"].nunique()})
    return pd.DataFrame(rows, columns=["assumption", "sprint", "participants", "for_participants",
                                       "against_participants", "for_segments", "against_segments"])


# -- experiments ----------------------------------------------------------------------------------
COMPARE_COLUMNS = EXPERIMENT_COMPARE_COLUMNS  # kit.schema
ALL_WORDS = "(all participant words)"


def _groups(experiment: Experiment, studies):
    from kit.discovery.repository import interviews_table

    iv = interviews_table(studies)
    iv = iv[_in_segment(iv, experiment.segment) & iv["date"].notna()]
    before = iv[iv["date"].map(lambda d: d < experiment.date)]
    after = iv[iv["study"].isin(experiment.follow_up) & iv["date"].map(lambda d: d >= experiment.date)]
    return before, after


def _per_participant(group: pd.DataFrame, coded: pd.DataFrame, code):
    """(participants mentioning the code, {participant: mean compound of their coded words})."""
    keys = set(zip(group["study"], group["interview_id"]))
    mine = coded[[k in keys for k in zip(coded["study"], coded["interview_id"])]]
    if code is not None:
        mine = mine[mine["code"] == code]
    mentioning = _people(mine, group)  # a third speaker is nobody
    words = mine[mine["kind"].isin(("turn", "quote"))].drop_duplicates(["study", "segment_id"])
    scores: dict[str, list[float]] = {}
    for w, c in zip(_row_people(words, group), words["compound"]):
        if w is not None and not pd.isna(c):
            scores.setdefault(w, []).append(float(c))
    return mentioning, {p: sum(v) / len(v) for p, v in scores.items()}


def _pct(x: float) -> str:
    return f"{x * 100:+.0f}" if not pd.isna(x) else "n/a"


def compare_experiment(experiment: Experiment, studies, seed: int = 0, n_boot: int = 2000) -> pd.DataFrame:
    """Before and after an experiment, per code (and one row for all the participants'
    words): counts, shares, the difference after - before with its 95% Newcombe interval
    and whether it changed (``fell``, ``rose``, ``no clear change``); the mean sentiment
    per participant before and after, the difference with a bootstrap 95% interval and the
    Mann-Whitney p-value; and a one-line ``reading``.

    Participants interviewed both before and after count in both groups; the intervals
    treat the groups as independent, which for the same people makes them, if anything,
    too wide."""
    from kit.discovery.repository import coded_table, load_studies, segments_table

    studies = load_studies(studies)
    before, after = _groups(experiment, studies)
    coded = coded_table(studies)
    coded = _with_compound(coded[coded["counted"].astype(bool)], studies)
    codes = list(experiment.codes) or sorted(set(coded["code"]))
    rows = []
    for code in codes + [None]:
        if code is None:
            words = segments_table(studies)
            words = _with_compound(words.assign(code=ALL_WORDS), studies)
            b_who, b_scores = _per_participant(before, words, None)
            a_who, a_scores = _per_participant(after, words, None)
            b_k = a_k = None
        else:
            b_who, b_scores = _per_participant(before, coded, code)
            a_who, a_scores = _per_participant(after, coded, code)
            b_k, a_k = len(b_who), len(a_who)
        b_n, a_n = before["who"].nunique(), after["who"].nunique()
        row = {"experiment": experiment.id, "decision": experiment.decision, "segment": experiment.segment or "(all)",
               "code": code or ALL_WORDS, "before_n": b_n, "after_n": a_n,
               "follow_up": "; ".join(sorted(set(after["sprint"].astype(str))))}
        if b_k is not None:
            low, high = newcombe_interval(a_k, a_n, b_k, b_n)
            b_share = b_k / b_n if b_n else float("nan")
            a_share = a_k / a_n if a_n else float("nan")
            diff = a_share - b_share
            exact = fisher_p(a_k, a_n, b_k, b_n)
            settled = not pd.isna(low) and (high < 0 or low > 0) and exact < 0.05
            from kit.segments import MIN_TEST_N

            testable = not pd.isna(low) and min(b_n, a_n) >= MIN_TEST_N  # no test on a group of 0 or 1
            change = ("fell" if diff < 0 else "rose") if settled and testable else \
                "inconclusive" if testable else "too few interviews"
            row.update(before_k=b_k, before_share=b_share, after_k=a_k, after_share=a_share, diff=diff,
                       diff_low=low, diff_high=high, change=change, fisher_p=exact,
                       needed_per_group=needed_per_group(b_share, a_share) if change == "inconclusive"
                       else float("nan"))
        else:
            row.update(before_k=float("nan"), before_share=float("nan"), after_k=float("nan"),
                       after_share=float("nan"), diff=float("nan"), diff_low=float("nan"), diff_high=float("nan"),
                       change="", fisher_p=float("nan"), needed_per_group=float("nan"))
        x, y = list(b_scores.values()), list(a_scores.values())
        mean_x = sum(x) / len(x) if x else float("nan")
        mean_y = sum(y) / len(y) if y else float("nan")
        c_low, c_high = bootstrap_mean_difference(x, y, seed=seed, n_boot=n_boot)
        _, p = mann_whitney(x, y) if len(x) and len(y) else (float("nan"), float("nan"))
        shifted = not pd.isna(c_low) and (c_low > 0 or c_high < 0) and p < 0.05
        row.update(before_compound=mean_x, after_compound=mean_y, compound_diff=mean_y - mean_x,
                   compound_low=c_low, compound_high=c_high, mw_p=p,
                   sentiment_change=("" if pd.isna(mean_x) or pd.isna(mean_y) else
                                     "too few participants" if pd.isna(c_low) else
                                     ("rose" if mean_y > mean_x else "fell") if shifted else "inconclusive"))
        row["reading"] = _reading(row)
        rows.append(row)
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)


def _with_compound(frame: pd.DataFrame, studies=()) -> pd.DataFrame:
    """``frame`` (columns study, text) with each text's VADER ``compound`` of the text as
    published (:func:`kit.sentiment.as_published` with its own study's roster): a roster name
    that is also a word (Grant, Joy) never moves a score, as in ``analyze`` and the report."""
    from kit.discovery.repository import study_label
    from kit.privacy import roster
    from kit.sentiment import as_published, compound

    if "compound" in frame:
        return frame
    if not len(frame):
        return frame.assign(compound=[])
    texts = frame["text"].tolist()
    people = {study_label(s): roster(s) for s in studies}
    if people and "study" in frame:
        labels = frame["study"].tolist()
        for label, who in people.items():
            at = [i for i, x in enumerate(labels) if x == label]
            if at:
                for i, t in zip(at, as_published([texts[i] for i in at], who)):
                    texts[i] = t
    return frame.assign(compound=compound(texts))


def _reading(row: dict) -> str:
    parts = []
    if row["change"]:
        if row["change"] == "too few interviews":
            parts.append(f"{row['before_n']} interviews before and {row['after_n']} after: too few to compare")
        else:
            verdict = row["change"]
            if verdict == "inconclusive":
                need = row.get("needed_per_group")
                verdict += (f" (to see a change this size would take about {need:.0f} people per group)"
                            if not pd.isna(need) else " (no difference to detect)")
            parts.append(f"mentioned by {row['before_k']}/{row['before_n']} before and {row['after_k']}/"
                         f"{row['after_n']} after ({_pct(row['diff'])} points, 95% CI {_pct(row['diff_low'])} to "
                         f"{_pct(row['diff_high'])}, Fisher exact p = {row['fisher_p']:.2f}): {verdict}")
    if pd.isna(row["compound_low"]):
        if not pd.isna(row["compound_diff"]):
            parts.append(f"sentiment {row['before_compound']:+.2f} -> {row['after_compound']:+.2f}, too few "
                         "participants for an interval")
    else:
        shift = {"rose": "a clear shift up", "fell": "a clear shift down"}.get(row["sentiment_change"], "inconclusive")
        parts.append(f"sentiment {row['before_compound']:+.2f} -> {row['after_compound']:+.2f} (95% CI of the "
                     f"difference {row['compound_low']:+.2f} to {row['compound_high']:+.2f}, Mann-Whitney p = "
                     f"{row['mw_p']:.2f}): {shift}")
    return "; ".join(parts)


def compare_experiments(experiments, studies, seed: int = 0, n_boot: int = 2000) -> pd.DataFrame:
    from kit.discovery.repository import load_studies

    studies = load_studies(studies)
    parts = [compare_experiment(e, studies, seed=seed, n_boot=n_boot) for e in experiments]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COMPARE_COLUMNS)


# -- settling assumptions ---------------------------------------------------------------------------


def assess(assumptions, studies, experiments=None) -> pd.DataFrame:
    """Each assumption's threshold against the interviews: on the follow-up interviews of
    the experiment that tests it, else on the latest sprint (in the assumption's segment).
    ``verdict``: ``met`` when the whole 95% Wilson interval of the share is on the right
    side of the threshold and the exact binomial test against the threshold agrees
    (``binomial_p`` < 0.05), ``not met`` when both put it on the wrong side, ``inconclusive``
    otherwise (``needed`` people would tell the observed share from the threshold with 80%
    power), ``too few to test`` with fewer than ``kit.segments.MIN_TEST_N`` people,
    ``no interviews`` with none, ``no rule`` when the threshold cannot be read."""
    from kit.discovery.repository import coded_table, interviews_table, load_studies

    studies = load_studies(studies)
    iv = interviews_table(studies)
    coded = coded_table(studies)
    coded = coded[coded["counted"].astype(bool)]  # the one count of a theme (kit.themes)
    by_assumption = {e.assumption: e for e in experiments or [] if e.assumption}
    latest = iv["order"].max() if len(iv) else None
    rows = []
    for a in assumptions:
        rule = a.rule
        row = {"assumption": a.id, "code": rule.code if rule else "", "rule": "", "evaluated_on": "", "n": 0, "k": 0,
               "share": float("nan"), "share_low": float("nan"), "share_high": float("nan"), "verdict": "no rule",
               "binomial_p": float("nan"), "needed": float("nan")}
        if rule is None:
            rows.append(row)
            continue
        row["rule"] = f"share {rule.direction} {rule.value:g}"
        experiment = by_assumption.get(a.id)
        if experiment is not None:
            _, group = _groups(experiment, studies)
            where = f"{experiment.id} follow-up ({', '.join(experiment.follow_up)})"
        else:
            group = iv[(iv["order"] == latest) & _in_segment(iv, a.segment)]
            where = f"latest sprint ({group['sprint'].iloc[0]})" if len(group) else "latest sprint"
        mentioning, _ = _per_participant(group, coded.assign(compound=float("nan")), rule.code)
        n, k = group["who"].nunique(), len(mentioning)
        low, high = wilson_interval(k, n)
        exact = float("nan")
        from kit.segments import MIN_TEST_N, TOO_FEW

        if n == 0:
            verdict = "no interviews"
        elif n < MIN_TEST_N:
            verdict = TOO_FEW  # one person says nothing about a share
        else:
            from scipy.stats import binomtest

            exact = float(binomtest(k, n, rule.value).pvalue) if 0 < rule.value < 1 else float("nan")
            sure = exact < 0.05
            if rule.direction == "below":
                verdict = "met" if high < rule.value and sure else "not met" if low >= rule.value and sure \
                    else "inconclusive"
            else:
                verdict = "met" if low > rule.value and sure else "not met" if high <= rule.value and sure \
                    else "inconclusive"
        need = needed_one_sample(rule.value, k / n) if verdict == "inconclusive" else float("nan")
        row.update(evaluated_on=where, n=n, k=k, share=k / n if n else float("nan"), share_low=low, share_high=high,
                   verdict=verdict, binomial_p=exact, needed=need)
        rows.append(row)
    return pd.DataFrame(rows, columns=ASSESS_COLUMNS)
