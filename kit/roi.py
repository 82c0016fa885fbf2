"""The research program and its ROI (notebook 07; moved out of kit.program, which re-exports it).

The follow-up discipline of the interview template (windows: :data:`kit.schema.FOLLOW_UP_WINDOWS`),
action items as of a date, the lead time from an interview to the decision that cites it,
the cost ledger against the value of decisions, leading and lagging indicators, and trends
across sprints. ``program_summary`` gathers the headline numbers as plain JSON values.

Every function takes a loaded ``Study`` or a study folder and returns DataFrames or plain
values; ``as_of`` (a date, an ISO string, or empty for today) makes date-dependent numbers
reproducible.
"""
from __future__ import annotations

import math
from datetime import timedelta
from pathlib import Path

import pandas as pd

from kit.capture import follow_up
from kit.plan import (
    PARTICIPATION_DEFINITION,
    _label,
    _missing,
    _num,
    _ratio,
    diversity,
    participation,
    pilot_target,
    quota_coverage,
    representativeness,
    resolve_as_of,
)
from kit.schema import FOLLOW_UP_TASKS, FOLLOW_UP_WINDOWS, ON_TIME_LABELS
from kit.schema import OPEN_ACTION_STATUSES as OPEN_STATUSES
from kit.study import as_study

__all__ = ["DEFAULT_ATTRIBUTION", "FOLLOW_UP_TASKS", "FOLLOW_UP_WINDOWS", "ON_TIME_LABELS", "OPEN_STATUSES",
           "action_counts", "action_items", "actions_by_owner", "attributed_values", "attribution",
           "cost_breakdown", "currency", "follow_up_discipline", "follow_up_overdue", "insight_to_action",
           "lagging_indicators", "later_evidence", "leading_indicators", "median_insight_to_action",
           "program_json", "program_summary", "program_trends", "program_warnings", "roi", "value_basis",
           "value_basis_words", "value_breakdown"]

#: The research's share of a decision's value when decisions.csv gives none: research is one
#: input among several (the team's judgement, data, the market), so it is credited with between
#: a tenth and a half of the value. A convention of this kit, stated wherever ROI is shown;
#: give each decision its own share (a number, or a range such as 0.3-0.6) in decisions.csv.
DEFAULT_ATTRIBUTION = (0.1, 0.5)


# -- discipline and action items ---------------------------------------------------------------
def follow_up_overdue(study, as_of=None) -> pd.DataFrame:
    """Follow-up steps of the template that were late or are overdue, one row per
    (interview, step), from ``kit.capture.follow_up``. A step not recorded yet whose window
    is still open as of ``as_of`` is not listed."""
    study = as_study(study)
    as_of = resolve_as_of(as_of)
    table = follow_up(study, as_of)
    rows = []
    for rec in table.itertuples(index=False):
        for key, window in FOLLOW_UP_WINDOWS.items():
            label = getattr(rec, key)
            due = rec.date + timedelta(days=window)
            if label in ON_TIME_LABELS:
                continue
            if label == "missing":
                if due >= as_of:
                    continue
                state = "overdue"
            else:
                state = "late"
            rows.append({"interview_id": rec.interview_id, "date": rec.date, "step": FOLLOW_UP_TASKS[key],
                         "due": due, "recorded": label, "state": state})
    return pd.DataFrame(rows, columns=["interview_id", "date", "step", "due", "recorded", "state"])


def follow_up_discipline(study, as_of=None) -> pd.DataFrame:
    """Per follow-up step: interviews, on time, late, overdue (not recorded, window closed),
    pending (not recorded, window still open) and the share on time among those due."""
    study = as_study(study)
    as_of = resolve_as_of(as_of)
    table = follow_up(study, as_of)
    rows = []
    for key, window in FOLLOW_UP_WINDOWS.items():
        labels = table[key] if len(table) else pd.Series([], dtype=object)
        due = table["date"].map(lambda d: d + timedelta(days=window)) if len(table) else pd.Series([], dtype=object)
        on_time = int(labels.isin(ON_TIME_LABELS).sum())
        missing = labels == "missing"
        overdue = int((missing & (due < as_of)).sum())
        pending = int((missing & (due >= as_of)).sum())
        late = int(len(labels) - on_time - overdue - pending)
        rows.append({"step": FOLLOW_UP_TASKS[key], "within_days": window, "interviews": int(len(labels)),
                     "on_time": on_time, "late": late, "overdue": overdue, "pending": pending,
                     "on_time_share": _ratio(on_time, on_time + late + overdue)})
    out = pd.DataFrame(rows, columns=["step", "within_days", "interviews", "on_time", "late", "overdue",
                                      "pending", "on_time_share"])
    out["on_time_share"] = out["on_time_share"].astype(float)
    return out


def action_items(study, as_of=None) -> pd.DataFrame:
    """Every action item with its state as of ``as_of``: ``done``, ``dropped``, ``overdue``
    (open or in progress, due before ``as_of``), ``open`` (open or in progress, not yet due)
    or ``unknown`` (a status the loader did not understand); ``days_overdue`` for overdue ones.
    An owner that names a team member (their first name, an alias: :func:`kit.check_team.owner_member`)
    is shown as that member's name, so one person is one owner."""
    study = as_study(study)
    as_of = resolve_as_of(as_of)
    actions = study.actions
    columns = ["interview_id", "owner", "action", "due", "status", "state", "days_overdue"]
    if not len(actions):
        return pd.DataFrame(columns=columns)

    def state(row):
        if row.status in OPEN_STATUSES:
            return "overdue" if not _missing(row.due) and row.due < as_of else "open"
        return row.status if row.status in ("done", "dropped") else "unknown"

    table = actions[["interview_id", "owner", "action", "due", "status"]].copy()
    table["state"] = [state(r) for r in table.itertuples(index=False)]
    table["days_overdue"] = [(as_of - r.due).days if r.state == "overdue" else None
                             for r in table.itertuples(index=False)]
    table["days_overdue"] = table["days_overdue"].astype("Int64")
    from kit.check_team import owner_member  # a team member's first name or alias: that member (newcomer s15 F12)

    table["owner"] = [_label(owner_member(o, study.config) or o) for o in table["owner"]]
    return table.reset_index(drop=True)[columns]


def action_counts(study, as_of=None) -> dict:
    """Action items as of ``as_of``: total, open (open or in progress, overdue ones
    included), overdue, done and dropped."""
    table = action_items(study, as_of)
    states = table["state"].value_counts() if len(table) else pd.Series(dtype=int)
    overdue = int(states.get("overdue", 0))
    return {"total": int(len(table)), "open": int(states.get("open", 0)) + overdue, "overdue": overdue,
            "done": int(states.get("done", 0)), "dropped": int(states.get("dropped", 0))}


def actions_by_owner(study, as_of=None) -> pd.DataFrame:
    """Action items per owner and state (columns done, open, overdue, dropped, unknown)."""
    table = action_items(study, as_of)
    states = ["done", "open", "overdue", "dropped", "unknown"]
    if not len(table):
        return pd.DataFrame(columns=["owner"] + states + ["total"])
    pivot = table.pivot_table(index="owner", columns="state", values="action", aggfunc="count", fill_value=0)
    for s in states:
        if s not in pivot:
            pivot[s] = 0
    pivot = pivot[states].astype(int)
    pivot["total"] = pivot.sum(axis=1)
    return pivot.reset_index().rename_axis(columns=None).sort_values(["total", "owner"], ascending=[False, True]) \
        .reset_index(drop=True)


def insight_to_action(study) -> pd.DataFrame:
    """Per decision: the earliest interview it cites as evidence (``INT-003`` or a segment
    such as ``INT-003#q1``), that interview's date and the days from it to the decision."""
    study = as_study(study)
    dates = dict(zip(study.interviews["interview_id"], study.interviews["date"])) if len(study.interviews) else {}
    rows = []
    for d in study.decisions.itertuples(index=False):
        cited = list(dict.fromkeys(str(e).split("#", 1)[0] for e in (d.evidence or [])))
        dated = [(dates[i], i) for i in cited if not _missing(dates.get(i))]
        first_date, first = min(dated) if dated else (None, "")
        days = (d.date - first_date).days if first_date is not None and not _missing(d.date) else None
        rows.append({"decision_id": d.id, "decision_date": d.date, "interviews_cited": len(cited),
                     "first_interview": first, "first_interview_date": first_date, "days": days})
    table = pd.DataFrame(rows, columns=["decision_id", "decision_date", "interviews_cited", "first_interview",
                                        "first_interview_date", "days"])
    table["days"] = table["days"].astype("Int64")
    return table


def later_evidence(study) -> pd.DataFrame:
    """Evidence a decision cites that was gathered after it: one row per (decision, cited
    interview) where the interview is dated after the decision (decision_id, decision_date,
    interview_id, interview_date, days_after)."""
    study = as_study(study)
    dates = dict(zip(study.interviews["interview_id"], study.interviews["date"])) if len(study.interviews) else {}
    rows = []
    for d in study.decisions.itertuples(index=False):
        if _missing(d.date):
            continue
        for iid in dict.fromkeys(str(e).split("#", 1)[0] for e in (d.evidence or [])):
            when = dates.get(iid)
            if not _missing(when) and when > d.date:
                rows.append({"decision_id": d.id, "decision_date": d.date, "interview_id": iid,
                             "interview_date": when, "days_after": (when - d.date).days})
    return pd.DataFrame(rows, columns=["decision_id", "decision_date", "interview_id", "interview_date",
                                       "days_after"])


def median_insight_to_action(study) -> float | None:
    """Median days from the earliest interview a decision cites to the decision, over the
    decisions the ROI counts: one citing an interview held after it (:func:`later_evidence`,
    a negative or misleading lead time) is left out here as it is from the value."""
    table = insight_to_action(study)
    days = table.loc[~table["decision_id"].isin(set(later_evidence(study)["decision_id"])), "days"].dropna()
    return float(days.astype(float).median()) if len(days) else None


# -- costs, value, ROI ---------------------------------------------------------------------------
def currency(study) -> str:
    study = as_study(study)
    return str((study.config.get("costs") or {}).get("currency") or "")


def cost_breakdown(study) -> pd.DataFrame:
    """The cost ledger per category: entries, hours, amount and share of the total, largest
    first."""
    study = as_study(study)
    costs = study.costs
    columns = ["category", "entries", "hours", "amount", "share"]
    if not len(costs):
        return pd.DataFrame(columns=columns)
    frame = costs.assign(hours=pd.to_numeric(costs["hours"], errors="coerce").fillna(0.0),
                         amount=pd.to_numeric(costs["amount"]))
    table = frame.groupby("category").agg(entries=("amount", "size"), hours=("hours", "sum"),
                                          amount=("amount", "sum")).reset_index()
    total = table["amount"].sum()
    table["share"] = table["amount"] / total if total else float("nan")
    return table.sort_values(["amount", "category"], ascending=[False, True]).reset_index(drop=True)[columns]


def value_breakdown(study) -> pd.DataFrame:
    """The decisions' estimated value per value kind (decisions without an estimate count
    as decisions, not as zero value). A decision citing an interview held after it is left
    out, as in :func:`roi` (:func:`value_basis`), so the figure drawn from it agrees."""
    study = as_study(study)
    dec = study.decisions
    if len(dec):
        dec = dec[dec["id"].isin(value_basis(study).query("counted")["decision_id"])]
    columns = ["value_kind", "decisions", "valued", "estimated_value"]
    if not len(dec):
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame({"value_kind": dec["value_kind"].map(_label),
                          "estimated_value": pd.to_numeric(dec["estimated_value"], errors="coerce")})
    table = frame.groupby("value_kind").agg(decisions=("estimated_value", "size"),
                                            valued=("estimated_value", "count"),
                                            estimated_value=("estimated_value", "sum")).reset_index()
    return table.sort_values(["estimated_value", "value_kind"], ascending=[False, True]).reset_index(drop=True)


def attribution(value) -> tuple[float, float] | None:
    """The research's share of a decision's value from decisions.csv's ``attribution``: a
    share (``0.4`` or ``40%``) or a range (``0.2-0.5``), as (low, high) within 0..1;
    ``DEFAULT_ATTRIBUTION`` when empty; None when it cannot be read."""
    text = "" if _missing(value) else str(value).strip()
    if not text:
        return DEFAULT_ATTRIBUTION

    def share(part: str) -> float:
        part = part.strip()
        return float(part[:-1]) / 100 if part.endswith("%") else float(part)

    try:
        parts = [share(p) for p in text.replace("–", "-").split("-", 1)] if "-" in text[1:] else [share(text)]
    except ValueError:
        return None
    low, high = parts[0], parts[-1]
    if not (0 <= low <= high <= 1):
        return None
    return low, high


def attributed_values(study) -> pd.DataFrame:
    """Per decision: estimated_value, the research's share of it (``attribution_low``,
    ``attribution_high``, from decisions.csv or ``DEFAULT_ATTRIBUTION``; ``attribution_source``
    "decisions.csv", "default" or "unreadable", which counts as the default) and the value
    credited to the research (``value_low``, ``value_high``)."""
    study = as_study(study)
    rows = []
    for d in study.decisions.itertuples(index=False):
        raw = getattr(d, "attribution", "")
        got = attribution(raw)
        source = "default" if _missing(raw) or not str(raw).strip() else "decisions.csv" if got else "unreadable"
        low, high = got or DEFAULT_ATTRIBUTION
        value = float(d.estimated_value) if not _missing(d.estimated_value) else float("nan")
        rows.append({"decision_id": d.id, "estimated_value": value, "attribution_low": low,
                     "attribution_high": high, "attribution_source": source,
                     "value_low": value * low, "value_high": value * high})
    return pd.DataFrame(rows, columns=["decision_id", "estimated_value", "attribution_low", "attribution_high",
                                       "attribution_source", "value_low", "value_high"])


def value_basis(study) -> pd.DataFrame:
    """Per decision, what its value rests on and whether it counts towards ROI: decision_id,
    estimated_value, ``basis`` ("measured" when decisions.csv has an outcome reading against a
    baseline, else "estimated": a value typed in before any outcome was read), ``counted``
    (False for a decision that cites an interview held after it was taken: the interview
    cannot have informed it, so it is left out of the value and the ROI) and ``left_out``
    (why, or "")."""
    study = as_study(study)
    later = later_evidence(study)
    read = set(lagging_indicators(study)["decision_id"])
    rows = []
    for d in study.decisions.itertuples(index=False):
        cited = later.loc[later["decision_id"] == d.id, "interview_id"].tolist()
        rows.append({"decision_id": d.id,
                     "estimated_value": float(d.estimated_value) if not _missing(d.estimated_value) else float("nan"),
                     "basis": "measured" if d.id in read else "estimated", "counted": not cited,
                     "left_out": (f"cites {', '.join(cited)}, held after the decision was taken" if cited else "")})
    return pd.DataFrame(rows, columns=["decision_id", "estimated_value", "basis", "counted", "left_out"])


def value_basis_words(basis) -> str:
    """How a value or ROI resting on ``basis`` (:func:`roi`'s ``value_basis``) must be worded:
    "estimated, no outcome measured yet", "estimated; outcomes measured for some decisions",
    "outcomes measured", or "no decision valued yet" when no valued decision is counted (an ROI of
    the cost alone: the report's parenthesis said nothing, "()", newcomer s16 F15)."""
    return {"estimated": "estimated, no outcome measured yet",
            "mixed": "estimated; outcomes measured for some decisions",
            "measured": "outcomes measured"}.get(str(basis or ""), "no decision valued yet")


def roi(study) -> dict:
    """Cost (the ledger), value and ROI = (value - cost) / cost, with the cost per
    completed interview and per insight. None where undefined.

    ``total_value`` is the decisions' full estimated value; the research is credited only
    with its share of each (``attributed_values``), so the return is a range:
    ``value_low``..``value_high`` and ``roi_low``..``roi_high``. ``roi`` is kept as the
    full-credit figure of earlier versions and is not the research's return.

    Only decisions :func:`value_basis` counts enter the value and the ROI: one that cites an
    interview held after it was taken is left out (``decisions_left_out``, ``left_out_ids``).
    ``value_basis`` says what the counted values rest on: "estimated" (no outcome reading
    yet), "measured", "mixed", or None when no valued decision is counted, in which case
    the value and ROI figures are None too (there is nothing to return)."""
    study = as_study(study)
    cost = float(pd.to_numeric(study.costs["amount"]).sum()) if len(study.costs) else 0.0
    basis = value_basis(study)
    counted = basis[basis["counted"].astype(bool)]
    values = counted["estimated_value"].dropna()
    value = float(values.sum())
    shares = attributed_values(study)
    shares = shares[shares["decision_id"].isin(counted["decision_id"])] if len(shares) else shares
    low = float(shares["value_low"].sum(min_count=1)) if len(shares) else 0.0
    high = float(shares["value_high"].sum(min_count=1)) if len(shares) else 0.0
    low, high = (0.0 if math.isnan(low) else low), (0.0 if math.isnan(high) else high)
    kinds = set(counted.loc[counted["estimated_value"].notna(), "basis"])
    kind = None if not kinds else kinds.pop() if len(kinds) == 1 else "mixed"
    left_out = basis.loc[~basis["counted"].astype(bool), "decision_id"].tolist()
    nothing = kind is None and bool(left_out)  # every valued decision left out: no return to state
    interviews, insights = len(study.interviews), len(study.insights)
    return {"currency": currency(study), "total_cost": _num(cost, 2), "interviews_completed": interviews,
            "cost_per_interview": _num(_ratio(cost, interviews), 2), "insights": insights,
            "cost_per_insight": _num(_ratio(cost, insights), 2), "decisions": int(len(study.decisions)),
            "decisions_valued": int(len(values)), "total_value": _num(value, 2),
            "net_value": _num(value - cost, 2),
            "roi": None if nothing else _num(_ratio(value - cost, cost)),
            "value_low": None if nothing else _num(low, 2), "value_high": None if nothing else _num(high, 2),
            "roi_low": None if nothing else _num(_ratio(low - cost, cost)),
            "roi_high": None if nothing else _num(_ratio(high - cost, cost)),
            "attribution_default": list(DEFAULT_ATTRIBUTION),
            "decisions_with_attribution": int((shares["attribution_source"] == "decisions.csv").sum())
            if len(shares) else 0,
            "value_basis": kind, "decisions_measured": int((counted["basis"] == "measured").sum()),
            "decisions_left_out": len(left_out), "left_out_ids": [str(i) for i in left_out]}


def lagging_indicators(study) -> pd.DataFrame:
    """Decisions whose outcome has been read: baseline, reading, change = reading -
    baseline, and the change relative to the baseline."""
    study = as_study(study)
    dec = study.decisions
    columns = ["decision_id", "decision", "outcome_metric", "outcome_baseline", "outcome_reading", "change",
               "relative_change", "reading_date", "days_after_decision"]
    rows = []
    for d in dec.itertuples(index=False):
        if _missing(d.outcome_baseline) or _missing(d.outcome_reading):
            continue
        change = d.outcome_reading - d.outcome_baseline
        after = (d.reading_date - d.date).days if not _missing(d.reading_date) and not _missing(d.date) else None
        rows.append({"decision_id": d.id, "decision": d.decision, "outcome_metric": d.outcome_metric,
                     "outcome_baseline": d.outcome_baseline, "outcome_reading": d.outcome_reading,
                     "change": change, "relative_change": _ratio(change, d.outcome_baseline),
                     "reading_date": d.reading_date, "days_after_decision": after})
    table = pd.DataFrame(rows, columns=columns)
    table["relative_change"] = table["relative_change"].astype(float)
    table["days_after_decision"] = table["days_after_decision"].astype("Int64")
    return table


def leading_indicators(study, as_of=None) -> pd.DataFrame:
    """The numbers that move before outcomes do: participation, diversity, the follow-up
    discipline, time from interview to decision and overdue action items."""
    study = as_study(study)
    summary = program_summary(study, as_of)
    rows = [
        ("participation rate", summary["participation_rate"], PARTICIPATION_DEFINITION),
        ("times the survey response rate", summary["times_survey_rate"],
         "participation rate / study.yml survey_baseline_response_rate"),
        ("diversity", summary["diversity"], "mean H/ln(k) over the diversity attributes (1 = evenly spread)"),
        ("follow-up on time", summary["follow_up_on_time"], "share of due follow-up steps done on time"),
        ("median days insight to action", summary["median_days_insight_to_action"],
         "earliest interview cited to the decision"),
        ("overdue action items", summary["overdue_actions"], f"open past their due date on {summary['as_of']}"),
    ]
    return pd.DataFrame(rows, columns=["indicator", "value", "how"])


def program_warnings(study, as_of=None) -> list[str]:
    """What stands between the ledger and a trustworthy ROI: decisions dated before the
    interviews they cite, decisions without a date, evidence or estimated value, an empty
    cost ledger, and overdue follow-up steps and action items."""
    study = as_study(study)
    as_of = resolve_as_of(as_of)
    out = []
    if not len(study.costs):
        out.append("costs.csv is missing or empty: the program's cost, and so its ROI, is unknown")
    if not len(study.decisions):
        out.append("decisions.csv is missing or empty: no decision records the value of the program")
    for row in insight_to_action(study).itertuples():
        if _missing(row.decision_date):
            out.append(f"decision {row.decision_id or '(no id)'} has no date: its lead time is unknown")
        elif not row.first_interview:
            out.append(f"decision {row.decision_id or '(no id)'} cites no dated interview as evidence")
        elif row.days < 0:
            out.append(f"decision {row.decision_id} is dated {row.decision_date}, before {row.first_interview} "
                       f"({row.first_interview_date}) which it cites as evidence: check both dates")
    for row in later_evidence(study).itertuples():
        out.append(f"decision {row.decision_id} ({row.decision_date}) cites {row.interview_id}, held later "
                   f"({row.interview_date}): an interview cannot have informed a decision taken before it")
    for row in attributed_values(study).itertuples():
        if row.attribution_source == "unreadable":
            out.append(f"decision {row.decision_id}: attribution is not a share or a range of shares between 0 "
                       f"and 1 (such as 0.4 or 0.2-0.5); the default {DEFAULT_ATTRIBUTION[0]:g}-"
                       f"{DEFAULT_ATTRIBUTION[1]:g} is used")
    for d in study.decisions.itertuples(index=False):
        if _missing(d.estimated_value):
            out.append(f"decision {d.id or '(no id)'} has no estimated_value: it adds nothing to the value total")
    overdue = follow_up_overdue(study, as_of)
    if (overdue["state"] == "overdue").any():
        out.append(f"{int((overdue['state'] == 'overdue').sum())} follow-up step(s) not recorded past their window")
    n = action_counts(study, as_of)["overdue"]
    if n:
        out.append(f"{n} action item(s) open past their due date as of {as_of}")
    return out


# -- the summary ---------------------------------------------------------------------------------
def program_summary(study, as_of=None) -> dict:
    """The headline numbers of the program as plain JSON values (None where undefined)."""
    study = as_study(study)
    as_of = resolve_as_of(as_of)
    part = participation(study)
    money = roi(study)
    actions = action_counts(study, as_of)
    discipline = follow_up_discipline(study, as_of)
    due = int(discipline[["on_time", "late", "overdue"]].to_numpy().sum())
    reps = representativeness(study)
    lagging = lagging_indicators(study)
    target = pilot_target(study)
    return {
        "title": study.name,
        "sprint": study.sprint,
        "as_of": as_of.isoformat(),
        "target_interviews": target["target"],
        "interviews_completed": int(len(study.interviews)),
        "invited": part["invited"],
        "participants_completed": part["completed"],
        "pending_invitations": part["pending"],
        "invitations_with_outcome": part["with_outcome"],
        "participation_rate": part["participation_rate"],
        "participation_definition": part["definition"],
        "survey_baseline_response_rate": part["survey_baseline_response_rate"],
        "times_survey_rate": part["times_survey_rate"],
        "diversity": _num(diversity(study)),
        "diversity_by_attribute": {r.attribute: _num(r.diversity) for r in reps.itertuples()},
        "under_represented_segments": [r.segment for r in quota_coverage(study).itertuples() if r.under_represented],
        "currency": money["currency"],
        "total_cost": money["total_cost"],
        "cost_per_interview": money["cost_per_interview"],
        "insights": money["insights"],
        "cost_per_insight": money["cost_per_insight"],
        "decisions": money["decisions"],
        "total_value": money["total_value"],
        "net_value": money["net_value"],
        "roi": money["roi"],
        "value_low": money["value_low"],
        "value_high": money["value_high"],
        "roi_low": money["roi_low"],
        "roi_high": money["roi_high"],
        "attribution_default": money["attribution_default"],
        "decisions_with_attribution": money["decisions_with_attribution"],
        "value_basis": money["value_basis"],
        "decisions_measured": money["decisions_measured"],
        "decisions_left_out": money["decisions_left_out"],
        "left_out_ids": money["left_out_ids"],
        "decisions_citing_later_interviews": int(later_evidence(study)["decision_id"].nunique()),
        "median_days_insight_to_action": _num(median_insight_to_action(study), 1),
        "follow_up_on_time": _num(_ratio(int(discipline["on_time"].sum()), due)),
        "open_actions": actions["open"],
        "overdue_actions": actions["overdue"],
        "done_actions": actions["done"],
        "decisions_with_readings": int(len(lagging)),
    }


def program_trends(studies, as_of=None) -> pd.DataFrame:
    """One row per study (a sprint each) with its headline numbers, in sprint order, so a
    program can see whether participation, diversity, cost and ROI improve."""
    columns = ["sprint", "title", "interviews_completed", "participation_rate", "pending_invitations", "diversity",
               "total_cost", "cost_per_interview", "total_value", "roi", "roi_low", "roi_high",
               "median_days_insight_to_action", "overdue_actions"]
    rows = []
    for s in studies:
        summary = program_summary(s, as_of)
        rows.append({c: summary[c] for c in columns})
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["sprint", "title"], kind="stable").reset_index(drop=True)


def program_json(study, out_dir, as_of=None, include_names: bool = False) -> Path:
    """Write ``out_dir/program.json``: the program summary, as a working output
    (``kit.outputs``: roster names in any text, the title included, become ``[name]``
    unless ``include_names``; contact details always). Returns its path."""
    from kit.outputs import WORKING, Outputs

    summary = program_summary(study, as_of)
    return Outputs(out_dir, study, WORKING, include_names=include_names).json("program.json", summary)
