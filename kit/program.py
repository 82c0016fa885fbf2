"""The research program in numbers: plan the pilot, follow recruitment and the team's
discipline, and weigh what the program costs against what its decisions are worth.

Pilot plan (notebook 02): the target size, quota coverage per segment, the recruitment
funnel and the participation rate against the team's survey response rate, channels, how
diverse the completed interviews are (normalised Shannon entropy) and the weekly cadence.

Program and ROI (notebook 07): the follow-up discipline of the interview template, action
items as of a date, the lead time from an interview to the decision that cites it, the cost
ledger against the value of decisions, leading and lagging indicators, and trends across
sprints. ``program_summary`` gathers the headline numbers as plain JSON values.

Every function takes a loaded ``Study`` or a study folder and returns DataFrames or plain
values; ``as_of`` (a date, an ISO string, or empty for today) makes date-dependent numbers
reproducible.
"""
from __future__ import annotations

import json
import math
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from kit.capture import follow_up
from kit.csvio import parse_date
from kit.study import Study, as_study

DEFAULT_TARGET = 18
TARGET_RANGE = (15, 20)          # a micro-interview pilot: 15-20 interviews
QUOTA_FLOOR = 0.5                # below half its quota, a segment is under-represented
SHARE_FLOOR = 0.5                # below half its expected share, a category is under-represented
DEFAULT_CADENCE_DAYS = 7
# The template's follow-up windows, in days after the interview, as kit.capture.follow_up
# judges them; used here only to tell a missing step that is already overdue from one
# whose window is still open.
FOLLOW_UP_WINDOWS = {"thank_you": 1, "debrief": 2, "notes": 0}
FOLLOW_UP_TASKS = {"thank_you": "thank-you within 24 hours", "debrief": "team debrief within 48 hours",
                   "notes": "notes written the same day"}
ON_TIME_LABELS = {"on time", "same day"}
OPEN_STATUSES = ("open", "in progress")
SCHEDULED_STATUSES = ("scheduled", "completed", "no-show")   # reached a booked slot
NONE_LABEL = "(none)"
#: Invitations still open: the person has not answered yet, or the interview is booked but not held.
PENDING_STATUSES = ("invited", "scheduled")
#: The research's share of a decision's value when decisions.csv gives none: research is one
#: input among several (the team's judgement, data, the market), so it is credited with between
#: a tenth and a half of the value. A convention of this kit, stated wherever ROI is shown;
#: give each decision its own share (a number, or a range such as 0.3-0.6) in decisions.csv.
DEFAULT_ATTRIBUTION = (0.1, 0.5)


# -- small helpers ------------------------------------------------------------------------
def resolve_as_of(as_of=None) -> date:
    """``as_of`` as a date: empty or None is today; a date or an ISO string is taken as is."""
    if as_of is None or (isinstance(as_of, str) and not as_of.strip()):
        return date.today()
    try:
        day = parse_date(as_of)
    except ValueError:
        raise ValueError(f"as_of {as_of!r} is not a date: write it as YYYY-MM-DD, or leave it empty for today") from None
    return day


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _num(value, digits: int = 4):
    """A JSON-friendly float (None for missing or not finite)."""
    if _missing(value):
        return None
    value = float(value)
    return round(value, digits) if math.isfinite(value) else None


def _ratio(part, whole):
    return None if _missing(part) or _missing(whole) or whole == 0 else part / whole


def _label(value) -> str:
    return NONE_LABEL if _missing(value) or str(value).strip() == "" else str(value)


def _quotas(study: Study) -> dict[str, int]:
    quotas = (study.config.get("segments") or {}).get("quotas") or {}
    if not isinstance(quotas, dict):
        return {}
    return {str(k): int(v) for k, v in quotas.items()
            if isinstance(v, int) and not isinstance(v, bool) and v >= 0}


def _statuses(study: Study) -> pd.Series:
    p = study.participants
    if "status" not in p:
        return pd.Series([""] * len(p), index=p.index, dtype=object)
    return p["status"].map(lambda s: "" if _missing(s) else str(s).strip().lower())


def completed_participants(study) -> pd.DataFrame:
    """Participants who were interviewed: status ``completed`` in participants.csv, or,
    when participants.csv records no statuses, the participants the interview notes name."""
    study = as_study(study)
    p = study.participants
    status = _statuses(study)
    if (status != "").any():
        return p[status == "completed"]
    named = set(study.interviews["participant"]) if len(study.interviews) else set()
    return p[p["id"].isin(named)] if len(p) else p


# -- the pilot plan -----------------------------------------------------------------------
def pilot_target(study) -> dict:
    """The target number of interviews (study.yml ``target_interviews``, default 18), how
    many are done and left, and a warning when the target is outside the 15-20 range."""
    study = as_study(study)
    raw = study.config.get("target_interviews", DEFAULT_TARGET)
    warning = None
    if isinstance(raw, int) and not isinstance(raw, bool) and raw > 0:
        target = raw
        low, high = TARGET_RANGE
        if not low <= target <= high:
            warning = (f"target_interviews is {target}: a micro-interview pilot is {low}-{high} interviews; "
                       f"fewer rarely shows patterns, more rarely adds new ones")
    else:
        target = DEFAULT_TARGET
        warning = f"target_interviews {raw!r} is not a whole number of interviews; planning for {DEFAULT_TARGET}"
    done = len(study.interviews)
    return {"target": target, "completed": done, "remaining": max(target - done, 0),
            "progress": _num(done / target), "within_range": TARGET_RANGE[0] <= target <= TARGET_RANGE[1],
            "warning": warning}


def _under_represented(n: int, total: int, expected_share, quota=None) -> bool:
    """Below half its quota, or a share of the completed interviews below half the share
    expected of it."""
    if quota is not None and quota > 0 and n < QUOTA_FLOOR * quota:
        return True
    if expected_share is None or _missing(expected_share) or expected_share <= 0:
        return False
    return (n / total if total else 0.0) < SHARE_FLOOR * expected_share


def quota_coverage(study) -> pd.DataFrame:
    """One row per segment (study.yml ``segments.quotas``, plus any segment met without a
    quota): quota, completed and still scheduled interviews, the gap to the quota, the share
    of the quota covered, and whether the segment is under-represented (below half its quota,
    or its share of the completed interviews below half its quota's share)."""
    study = as_study(study)
    attribute = study.segment_attribute
    quotas = _quotas(study)
    p = study.participants
    status = _statuses(study)
    done = completed_participants(study)
    if attribute in p and len(p):
        completed = done[attribute].map(_label).value_counts()
        upcoming = p.loc[status == "scheduled", attribute].map(_label).value_counts()
    else:
        completed = upcoming = pd.Series(dtype=int)
    segments = list(quotas) + sorted(s for s in set(completed.index) | set(upcoming.index) if s not in quotas)
    total = int(completed.drop(NONE_LABEL, errors="ignore").sum())
    quota_total = sum(quotas.values())
    rows = []
    for seg in segments:
        quota = quotas.get(seg, 0)
        n = int(completed.get(seg, 0))
        rows.append({"segment": seg, "quota": quota, "completed": n, "scheduled": int(upcoming.get(seg, 0)),
                     "gap": max(quota - n, 0), "coverage": _ratio(n, quota),
                     "under_represented": _under_represented(n, total, _ratio(quota, quota_total), quota)})
    table = pd.DataFrame(rows, columns=["segment", "quota", "completed", "scheduled", "gap", "coverage",
                                        "under_represented"])
    table["coverage"] = table["coverage"].astype(float)
    return table


def recruitment_funnel(study) -> pd.DataFrame:
    """The recruitment funnel from participants.csv. Everyone listed was invited; a person
    was scheduled when they reached a booked slot (status scheduled, completed or no-show).
    ``rate`` is the count over ``base`` (the stage it is measured against)."""
    study = as_study(study)
    status = _statuses(study)
    invited = len(status)
    if not (status != "").any():
        status = pd.Series([], dtype=object)  # no statuses recorded: no funnel beyond the invitations
    counts = status.value_counts()
    scheduled = int(status.isin(SCHEDULED_STATUSES).sum())
    rows = [
        ("invited", invited, "", None),
        ("scheduled", scheduled, "invited", _ratio(scheduled, invited)),
        ("completed", int(counts.get("completed", 0)), "scheduled", _ratio(int(counts.get("completed", 0)), scheduled)),
        ("declined", int(counts.get("declined", 0)), "invited", _ratio(int(counts.get("declined", 0)), invited)),
        ("no-show", int(counts.get("no-show", 0)), "scheduled", _ratio(int(counts.get("no-show", 0)), scheduled)),
        ("awaiting reply", int(counts.get("invited", 0)), "invited", _ratio(int(counts.get("invited", 0)), invited)),
        ("upcoming", int(counts.get("scheduled", 0)), "scheduled", _ratio(int(counts.get("scheduled", 0)), scheduled)),
    ]
    table = pd.DataFrame(rows, columns=["stage", "participants", "base", "rate"])
    table["rate"] = table["rate"].astype(float)
    table["share_of_invited"] = [float(_ratio(n, invited)) if invited else float("nan") for n in table["participants"]]
    return table


PARTICIPATION_DEFINITION = ("completed / invitations with an outcome (completed, declined, no-show); "
                            "invitations still awaiting a reply or scheduled are counted apart as pending")


def participation(study) -> dict:
    """Participation rate = completed / invitations with an outcome (completed, declined,
    no-show, or any other final status), against the survey response rate the team usually
    gets (study.yml ``survey_baseline_response_rate``). People still awaiting a reply or
    booked but not yet interviewed (``PENDING_STATUSES``) are ``pending`` and left out of the
    denominator: their answer is not known yet. ``invited`` counts everyone listed;
    ``definition`` says all this in words."""
    study = as_study(study)
    status = _statuses(study)
    invited = int(len(status))
    completed = int((status == "completed").sum())
    pending = int(status.isin(PENDING_STATUSES).sum())
    settled = int(((status != "") & ~status.isin(PENDING_STATUSES)).sum())
    # Without recorded statuses nobody is known to have completed: unknown, not zero.
    rate = _ratio(completed, settled) if (status != "").any() else None
    baseline = study.config.get("survey_baseline_response_rate")
    baseline = float(baseline) if isinstance(baseline, (int, float)) and not isinstance(baseline, bool) else None
    return {"invited": invited, "completed": completed, "pending": pending, "with_outcome": settled,
            "participation_rate": _num(rate), "definition": PARTICIPATION_DEFINITION,
            "survey_baseline_response_rate": baseline,
            "times_survey_rate": _num(_ratio(rate, baseline), 2)}


def channel_performance(study) -> pd.DataFrame:
    """Per recruitment channel: invited, scheduled, completed, declined, no-shows and the
    participation rate (completed / invited), best channel first."""
    study = as_study(study)
    p = study.participants
    columns = ["channel", "invited", "scheduled", "completed", "declined", "no_show", "participation_rate"]
    if not len(p):
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame({"channel": p["channel"].map(_label) if "channel" in p else NONE_LABEL,
                          "status": _statuses(study)})
    rows = []
    for channel, group in frame.groupby("channel", sort=True):
        s = group["status"]
        invited = len(s)
        rows.append({"channel": channel, "invited": invited, "scheduled": int(s.isin(SCHEDULED_STATUSES).sum()),
                     "completed": int((s == "completed").sum()), "declined": int((s == "declined").sum()),
                     "no_show": int((s == "no-show").sum()),
                     "participation_rate": (s == "completed").sum() / invited})
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["participation_rate", "invited", "channel"], ascending=[False, False, True]) \
        .reset_index(drop=True)


# -- representativeness --------------------------------------------------------------------
def shannon_entropy(counts) -> float:
    """Shannon entropy H = -sum(p ln p) of category counts, in nats (zeros are skipped)."""
    counts = [float(c) for c in counts if c and c > 0]
    total = sum(counts)
    if total <= 0:
        return 0.0
    return -sum((c / total) * math.log(c / total) for c in counts)


def normalised_entropy(counts, k: int | None = None) -> float | None:
    """H / ln(k): 1 when the completed interviews are spread evenly over all k categories,
    0 when they all fall in one. ``k`` defaults to the number of non-zero counts. None when
    undefined (no interviews, or fewer than two categories)."""
    counts = [c for c in counts if c and c > 0]
    k = len(counts) if k is None else int(k)
    if not counts or k < 2:
        return None
    if len(counts) > k:
        raise ValueError(f"{len(counts)} categories observed but k = {k}")
    return shannon_entropy(counts) / math.log(k)


def diversity_attributes(study) -> list[str]:
    """The participant columns the diversity index is computed over: study.yml
    ``segments.attributes``, else the segment attribute alone."""
    study = as_study(study)
    attrs = (study.config.get("segments") or {}).get("attributes")
    if isinstance(attrs, str) and attrs.strip():
        return [attrs.strip()]
    if isinstance(attrs, list) and attrs:
        return [str(a) for a in attrs]
    return [study.segment_attribute]


def _expected_categories(study: Study, attribute: str) -> list[str]:
    """Categories a completed interview could fall into: every value in participants.csv
    (the recruited pool), plus the segments that have a quota."""
    p = study.participants
    cats = [s for s, q in _quotas(study).items() if q > 0] if attribute == study.segment_attribute else []
    if attribute in p:
        cats += [v for v in p[attribute].map(_label) if v != NONE_LABEL]
    return list(dict.fromkeys(cats))


def composition(study) -> pd.DataFrame:
    """One row per (attribute, category) among the completed interviews: count, share, the
    share to expect (the quota's share for the segment attribute, else the category's share
    of everyone recruited) and whether it falls below half of that (or, for a segment, below
    half its quota)."""
    study = as_study(study)
    p = study.participants
    done = completed_participants(study)
    quotas = _quotas(study)
    rows = []
    for attribute in diversity_attributes(study):
        if attribute not in p:
            continue
        cats = _expected_categories(study, attribute)
        values = done[attribute].map(_label) if len(done) else pd.Series([], dtype=object)
        values = values[values != NONE_LABEL]
        counts = values.value_counts()
        total = int(counts.sum())
        use_quota = attribute == study.segment_attribute and sum(quotas.values()) > 0
        pool = p[attribute].map(_label)
        pool = pool[pool != NONE_LABEL].value_counts()
        for cat in cats:
            n = int(counts.get(cat, 0))
            if use_quota:
                expected = _ratio(quotas.get(cat, 0), sum(quotas.values()))
            else:
                expected = _ratio(int(pool.get(cat, 0)), int(pool.sum()))
            share = _ratio(n, total)
            quota = quotas.get(cat, 0) if use_quota else None
            rows.append({"attribute": attribute, "category": cat, "completed": n,
                         "share": float("nan") if share is None else share,
                         "expected_share": float("nan") if expected is None else expected,
                         "quota": quota, "under_represented": _under_represented(n, total, expected, quota)})
    table = pd.DataFrame(rows, columns=["attribute", "category", "completed", "share", "expected_share",
                                        "quota", "under_represented"])
    table["quota"] = table["quota"].astype("Int64")
    return table


def representativeness(study) -> pd.DataFrame:
    """Per diversity attribute: the categories expected (k), the ones met among completed
    interviews, Shannon entropy H (nats), its maximum ln(k) and the diversity index H/ln(k)."""
    study = as_study(study)
    p = study.participants
    done = completed_participants(study)
    rows = []
    for attribute in diversity_attributes(study):
        if attribute not in p:
            rows.append({"attribute": attribute, "interviews": 0, "categories": 0, "observed": 0,
                         "entropy": float("nan"), "max_entropy": float("nan"), "diversity": float("nan"),
                         "note": "not a column of participants.csv"})
            continue
        k = len(_expected_categories(study, attribute))
        values = done[attribute].map(_label) if len(done) else pd.Series([], dtype=object)
        counts = values[values != NONE_LABEL].value_counts()
        index = normalised_entropy(counts.tolist(), k) if len(counts) else None
        note = "" if index is not None else ("no completed interviews" if not len(counts)
                                              else "fewer than two categories")
        rows.append({"attribute": attribute, "interviews": int(counts.sum()), "categories": k,
                     "observed": int(len(counts)), "entropy": shannon_entropy(counts.tolist()),
                     "max_entropy": math.log(k) if k > 1 else float("nan"),
                     "diversity": float("nan") if index is None else index, "note": note})
    return pd.DataFrame(rows, columns=["attribute", "interviews", "categories", "observed", "entropy",
                                       "max_entropy", "diversity", "note"])


def diversity(study) -> float | None:
    """The diversity index of the study: the mean of H/ln(k) over the diversity attributes
    that have one (None when none has)."""
    table = representativeness(study)
    values = table["diversity"].dropna()
    return float(values.mean()) if len(values) else None


# -- cadence ---------------------------------------------------------------------------------
def _interview_dates(study: Study) -> list[date]:
    dates = study.interviews["date"] if len(study.interviews) else []
    return sorted(d for d in dates if not _missing(d))


def cadence_days(study) -> float:
    """study.yml ``cadence_days``: interviews are expected at least this often (default 7)."""
    study = as_study(study)
    value = study.config.get("cadence_days")
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0 \
        else DEFAULT_CADENCE_DAYS


def weekly_cadence(study) -> pd.DataFrame:
    """Interviews per ISO week, every week from the first interview to the last (weeks
    without an interview have 0)."""
    study = as_study(study)
    dates = _interview_dates(study)
    columns = ["week", "week_start", "interviews"]
    if not dates:
        return pd.DataFrame(columns=columns)
    monday = lambda d: d - timedelta(days=d.weekday())  # noqa: E731
    counts: dict[date, int] = {}
    for d in dates:
        counts[monday(d)] = counts.get(monday(d), 0) + 1
    rows, week = [], monday(dates[0])
    while week <= monday(dates[-1]):
        iso = week.isocalendar()
        rows.append({"week": f"{iso[0]}-W{iso[1]:02d}", "week_start": week, "interviews": counts.get(week, 0)})
        week += timedelta(days=7)
    return pd.DataFrame(rows, columns=columns)


def cadence_gaps(study) -> pd.DataFrame:
    """Stretches between consecutive interviews longer than study.yml ``cadence_days``."""
    study = as_study(study)
    limit = cadence_days(study)
    dates = sorted(set(_interview_dates(study)))
    rows = [{"after": a, "before": b, "days": (b - a).days, "over_by": (b - a).days - limit}
            for a, b in zip(dates, dates[1:]) if (b - a).days > limit]
    return pd.DataFrame(rows, columns=["after", "before", "days", "over_by"])


def plan_warnings(study) -> list[str]:
    """What a researcher should act on while recruiting: a target outside 15-20, segments
    below half their quota or their share, attributes missing from participants.csv, and
    gaps in the interview cadence."""
    study = as_study(study)
    out = []
    target = pilot_target(study)
    if target["warning"]:
        out.append(target["warning"])
    if study.segment_attribute not in study.participants and _quotas(study):
        out.append(f"participants.csv has no {study.segment_attribute!r} column, so quotas cannot be counted")
    for row in composition(study).itertuples():
        if not row.under_represented:
            continue
        quota = "" if _missing(row.quota) else f", quota {row.quota}"
        out.append(f"{row.attribute} {row.category!r} is under-represented: {row.completed} completed "
                   f"interviews{quota}, {0 if _missing(row.share) else row.share:.0%} of completed "
                   f"against {row.expected_share:.0%} expected")
    for row in representativeness(study).itertuples():
        if row.note == "not a column of participants.csv":
            out.append(f"diversity attribute {row.attribute!r} is not a column of participants.csv")
    for row in cadence_gaps(study).itertuples():
        out.append(f"no interview for {row.days} days between {row.after} and {row.before} "
                   f"(cadence: every {cadence_days(study):g} days)")
    return out


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
    or ``unknown`` (a status the loader did not understand); ``days_overdue`` for overdue ones."""
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
    table["owner"] = table["owner"].map(_label)
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
    """Median days from the earliest interview a decision cites to the decision."""
    days = insight_to_action(study)["days"].dropna()
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
    as decisions, not as zero value)."""
    study = as_study(study)
    dec = study.decisions
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


def roi(study) -> dict:
    """Cost (the ledger), value and ROI = (value - cost) / cost, with the cost per
    completed interview and per insight. None where undefined.

    ``total_value`` is the decisions' full estimated value; the research is credited only
    with its share of each (``attributed_values``), so the return is a range:
    ``value_low``..``value_high`` and ``roi_low``..``roi_high``. ``roi`` is kept as the
    full-credit figure of earlier versions and is not the research's return."""
    study = as_study(study)
    cost = float(pd.to_numeric(study.costs["amount"]).sum()) if len(study.costs) else 0.0
    values = pd.to_numeric(study.decisions["estimated_value"], errors="coerce").dropna() \
        if len(study.decisions) else pd.Series(dtype=float)
    value = float(values.sum())
    shares = attributed_values(study)
    low = float(shares["value_low"].sum(min_count=1)) if len(shares) else 0.0
    high = float(shares["value_high"].sum(min_count=1)) if len(shares) else 0.0
    low, high = (0.0 if math.isnan(low) else low), (0.0 if math.isnan(high) else high)
    interviews, insights = len(study.interviews), len(study.insights)
    return {"currency": currency(study), "total_cost": _num(cost, 2), "interviews_completed": interviews,
            "cost_per_interview": _num(_ratio(cost, interviews), 2), "insights": insights,
            "cost_per_insight": _num(_ratio(cost, insights), 2), "decisions": int(len(study.decisions)),
            "decisions_valued": int(len(values)), "total_value": _num(value, 2),
            "net_value": _num(value - cost, 2),
            "roi": _num(_ratio(value - cost, cost)),
            "value_low": _num(low, 2), "value_high": _num(high, 2),
            "roi_low": _num(_ratio(low - cost, cost)), "roi_high": _num(_ratio(high - cost, cost)),
            "attribution_default": list(DEFAULT_ATTRIBUTION),
            "decisions_with_attribution": int((shares["attribution_source"] == "decisions.csv").sum())
            if len(shares) else 0}


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


def program_json(study, out_dir, as_of=None) -> Path:
    """Write ``out_dir/program.json``: the program summary. Returns its path."""
    from kit.csvio import atomic_write_text

    path = Path(out_dir) / "program.json"
    summary = program_summary(study, as_of)
    atomic_write_text(path, json.dumps(summary, indent=2, default=str) + "\n")
    return path
