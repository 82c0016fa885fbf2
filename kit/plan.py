"""The pilot plan in numbers (notebook 02; moved out of kit.program, which re-exports it).

The target size, quota coverage per segment, the recruitment funnel and the participation
rate against the team's survey response rate, channels, how diverse the completed
interviews are (normalised Shannon entropy, :func:`kit.stats.normalised_entropy`) and the
weekly cadence (study.yml ``cadence_days``, :func:`kit.schema.cadence_days`).

Every function takes a loaded ``Study`` or a study folder and returns DataFrames or plain
values.
"""
from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd

from kit.csvio import parse_date
from kit.schema import (
    DEFAULT_CADENCE_DAYS,
    NONE_LABEL,
    PENDING_STATUSES,
    SCHEDULED_STATUSES,
    is_missing,
)
from kit.schema import cadence_days as schema_cadence_days
from kit.stats import normalised_entropy, shannon_entropy
from kit.study import Study, as_study

__all__ = ["DEFAULT_CADENCE_DAYS", "DEFAULT_TARGET", "NONE_LABEL", "PARTICIPATION_DEFINITION", "PENDING_STATUSES",
           "QUOTA_FLOOR", "SCHEDULED_STATUSES", "SHARE_FLOOR", "TARGET_RANGE", "cadence_days", "cadence_gaps",
           "channel_performance", "completed_participants", "composition", "diversity", "diversity_attributes",
           "normalised_entropy", "participation", "pilot_target", "plan_warnings", "quota_coverage",
           "recruitment_funnel", "representativeness", "resolve_as_of", "shannon_entropy", "weekly_cadence"]

DEFAULT_TARGET = 18
TARGET_RANGE = (15, 20)          # a micro-interview pilot: 15-20 interviews
QUOTA_FLOOR = 0.5                # below half its quota, a segment is under-represented
SHARE_FLOOR = 0.5                # below half its expected share, a category is under-represented


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


_missing = is_missing  # what counts as missing: kit.schema.is_missing


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
    """study.yml ``cadence_days``: interviews are expected at least this often (default 7);
    the rule lives in :func:`kit.schema.cadence_days`."""
    return schema_cadence_days(as_study(study))


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
