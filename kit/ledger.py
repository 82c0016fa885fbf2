"""Reading a study's ROI ledger: ``costs.csv`` and ``decisions.csv`` (moved out of kit.study).

``LedgerReader`` is the part of the study loader that reads the two files into tidy tables,
reporting every line it cannot read as a located problem (``path:line: message``).
"""
from __future__ import annotations

import math
import re

import pandas as pd

from kit.csvio import parse_date, parse_number, read_rows
from kit.schema import COST_CATEGORIES, VALUE_KINDS

__all__ = ["COST_COLUMNS", "DECISION_COLUMNS", "LedgerReader", "MAX_HOURS", "MAX_METRIC", "MAX_MONEY", "MIN_FIGURE"]

#: The largest amount of money one line may hold (an amount, an hourly rate, hours x rate, a
#: decision's estimated_value): 10^12 in the study's currency. Larger is a typo or a stray
#: exponent (``1e300``), and its sums and products overflow to infinity in notebook 07.
MAX_MONEY = 1e12
#: The smallest non-zero hours, rate or amount of a cost line (a cent; 36 seconds): smaller
#: (``1e-300``) makes every ratio to the cost, ROI included, overflow.
MIN_FIGURE = 0.01
#: The most hours one cost line may hold: about five working years of one person.
MAX_HOURS = 10_000
#: The largest magnitude of an outcome reading or baseline (a count, a rate, a duration).
MAX_METRIC = 1e15

COST_COLUMNS = ["date", "category", "description", "hours", "rate", "amount", "line"]
DECISION_COLUMNS = ["id", "date", "decision", "evidence", "estimated_value", "value_kind", "outcome_metric",
                    "outcome_baseline", "outcome_reading", "reading_date", "attribution", "line"]


class LedgerReader:
    """Mixin of the study loader (needs ``root``, ``problems``, ``problem`` and ``_readable``)."""

    def _ledger_rows(self, name: str, required: str):
        """``(path, rows)`` of the study's ``name`` (its problems added to the loader's); rows
        None when the file is not there or cannot be read."""
        path = self.root / name
        if not self._readable(path):
            return path, None
        rows, _, problems = read_rows(path, required=(required,))
        self.problems += problems
        return path, rows

    def load_costs(self, config) -> pd.DataFrame:
        columns = COST_COLUMNS
        path, rows = self._ledger_rows("costs.csv", "category")
        if rows is None:
            return pd.DataFrame(columns=columns)
        default_rate = (config.get("costs") or {}).get("hourly_rate")
        records = []
        for row in rows:  # every problem of a line at once: a fixed date must not reveal an amount's
            line = row["_line"]
            bad = False
            try:
                day = parse_date(row.get("date"))
            except ValueError:
                self.problem(path, line, f"date {row.get('date')!r} is not a date (YYYY-MM-DD)")
                bad = True
            category = row.get("category", "").lower()
            if category not in COST_CATEGORIES:
                self.problem(path, line, f"unknown cost category {row.get('category')!r}: use one of {', '.join(COST_CATEGORIES)}")
                bad = True
            numbers = {}
            bad_number = False
            for col in ("hours", "rate", "amount"):
                value = row.get(col, "")
                if value == "":
                    numbers[col] = None
                    continue
                try:
                    numbers[col] = parse_number(value)
                except ValueError:
                    self.problem(path, line, f"{col} {value!r} is not a number: write a finite "
                                             "amount such as 120 or 85.50")
                    bad_number = True
                    continue
                if numbers[col] < 0:
                    self.problem(path, line, f"{col} is negative ({value}): costs are positive amounts")
                    bad_number = True
                elif numbers[col] > (limit := MAX_HOURS if col == "hours" else MAX_MONEY):
                    self.problem(path, line, f"{col} {value} is absurdly large (more than {limit:,.0f}): "
                                             "a typo or a stray exponent? Write the real figure")
                    bad_number = True
                elif 0 < numbers[col] < MIN_FIGURE:
                    self.problem(path, line, f"{col} {value} is absurdly small (above 0 but under {MIN_FIGURE}): "
                                             "a typo or a stray exponent? Write the real figure, or 0")
                    bad_number = True
            if bad_number:
                continue
            amount = numbers["amount"]
            if amount is not None and numbers["hours"] is not None and numbers["rate"] is not None \
                    and abs(amount - numbers["hours"] * numbers["rate"]) > 0.005:
                self.problem(path, line, f"amount {amount:g} is not hours x rate "
                                         f"({numbers['hours']:g} x {numbers['rate']:g} = "
                                         f"{numbers['hours'] * numbers['rate']:g})", "warning")
            if amount is None:
                rate = numbers["rate"] if numbers["rate"] is not None else default_rate
                if numbers["hours"] is not None and rate is None \
                        and "costs.hourly_rate" in getattr(self, "invalid_config", ()):
                    self.problem(path, line, "not counted: `hours` without a `rate`, and costs.hourly_rate "
                                             "in study.yml is not a number (reported there)", "warning")
                    continue
                if numbers["hours"] is None or rate is None:
                    self.problem(path, line, "no amount: give `amount`, or `hours` with a `rate` "
                                             "(or costs.hourly_rate in study.yml)")
                    continue
                amount = numbers["hours"] * float(rate)
                numbers["rate"] = float(rate)
                if not (math.isfinite(amount) and amount <= MAX_MONEY):
                    self.problem(path, line, f"hours x rate ({numbers['hours']:g} x {float(rate):g} = {amount:g}) is "
                                             f"{'not a finite number' if not math.isfinite(amount) else 'absurdly large'}"
                                             f" (at most {MAX_MONEY:,.0f}): write the real hours and rate")
                    continue
            if bad:
                continue
            records.append({"date": day, "category": category, "description": row.get("description", ""),
                            "hours": numbers["hours"], "rate": numbers["rate"], "amount": amount, "line": line})
        return pd.DataFrame(records, columns=columns)

    def load_decisions(self, study) -> pd.DataFrame:
        columns = DECISION_COLUMNS
        path, rows = self._ledger_rows("decisions.csv", "decision")
        if rows is None:
            return pd.DataFrame(columns=columns)
        interview_ids = set(study.interviews["interview_id"])
        left_out = getattr(study, "withdrawn_rows", None)  # a withdrawn participant's interview (and segments)
        withdrawn = (set(left_out["interview_id"]) if left_out is not None and len(left_out) else set()) \
            | set(getattr(self, "withdrawn_segments", None) or ())
        interview_dates = dict(zip(study.interviews["interview_id"], study.interviews["date"]))
        segment_ids = study.segment_ids()
        seen_ids: dict[str, int] = {}
        records = []
        for row in rows:
            line = row["_line"]
            rec = {"id": row.get("id", ""), "decision": row.get("decision", ""), "line": line,
                   "value_kind": row.get("value_kind", "").lower(),
                   "outcome_metric": row.get("outcome_metric", ""),
                   # the research's share of the decision's value, read by kit.program.attribution
                   "attribution": row.get("attribution", "")}
            ok = True
            unread = set()  # columns that could not be read: the checks that need them are skipped
            for col in ("date", "reading_date"):
                try:
                    rec[col] = parse_date(row.get(col))
                except ValueError:
                    self.problem(path, line, f"{col} {row.get(col)!r} is not a date (YYYY-MM-DD)")
                    ok = False
                    unread.add(col)
            for col in ("estimated_value", "outcome_baseline", "outcome_reading"):
                value = row.get(col, "")
                try:
                    rec[col] = parse_number(value)
                except ValueError:
                    self.problem(path, line, f"{col} {value!r} is not a number: write a finite "
                                             "value such as 1200 or 0.35")
                    ok = False
                    unread.add(col)
            if rec.get("estimated_value") is not None and rec["estimated_value"] < 0:
                self.problem(path, line, "estimated_value is negative: record the value a decision is expected to bring")
                ok = False
            ok = self._magnitudes(path, line, row, rec) and ok
            if rec["value_kind"] and rec["value_kind"] not in VALUE_KINDS:
                self.problem(path, line, f"unknown value_kind {row.get('value_kind')!r}: use one of {', '.join(VALUE_KINDS)}")
                ok = False
            evidence = [e.strip() for e in re.split(r"[;,]", row.get("evidence", "")) if e.strip()]
            for ref in [e for e in evidence if e in withdrawn]:  # claims17 C2: not unknown, but not cited either
                self.problem(path, line, f"evidence {ref!r} is a withdrawn participant's interview "
                                         "or words: they are used nowhere, so it is left out (the decision keeps "
                                         "its other evidence)", "warning")
            evidence = [e for e in evidence if e not in withdrawn]
            for ref in evidence:
                if ref not in interview_ids and ref not in segment_ids:
                    self.problem(path, line, f"evidence {ref!r} is not an interview or segment of this study")
                    ok = False
            rec["evidence"] = evidence
            if rec["id"] and rec["id"] in seen_ids:
                self.problem(path, line, f"duplicate decision id {rec['id']!r} (first on line {seen_ids[rec['id']]})")
                ok = False
            elif not rec["id"]:
                self.problem(path, line, "decision without an id: give it one such as D-001", "warning")
            else:
                seen_ids[rec["id"]] = line
            # every problem of the line at once: each check below needs only its own columns read
            if "date" not in unread and rec.get("date") is None:
                self.problem(path, line, "decision without a date: the time from interview to decision is unknown",
                             "warning")
            if not unread & {"outcome_baseline", "outcome_reading"} and rec.get("outcome_reading") is not None \
                    and rec.get("outcome_baseline") is None:
                self.problem(path, line, "outcome_reading without an outcome_baseline to compare it with")
                ok = False
            if not unread & {"outcome_reading", "reading_date"} and rec.get("outcome_reading") is not None \
                    and rec.get("reading_date") is None:
                self.problem(path, line, "outcome_reading without a reading_date", "warning")
            if rec.get("date") and rec.get("reading_date") and rec["reading_date"] < rec["date"]:
                self.problem(path, line, f"reading_date {rec['reading_date']} is before the decision ({rec['date']})")
                ok = False
            cited = [interview_dates.get(ref.split("#", 1)[0]) for ref in evidence]
            cited = [d for d in cited if d is not None and not pd.isna(d)]
            if rec.get("date") and cited and rec["date"] < min(cited):
                self.problem(path, line, f"decision dated {rec['date']}, before the earliest interview it cites "
                                         f"({min(cited)})", "warning")
            if ok:
                records.append(rec)
        return pd.DataFrame(records, columns=columns)

    def _magnitudes(self, path, line: int, row: dict, rec: dict) -> bool:
        """Located errors for a decision's numbers no ROI can rest on: an estimated_value above
        :data:`MAX_MONEY`, a baseline or reading above :data:`MAX_METRIC`, a relative change
        that is not finite, and an attribution that is not a share or a range of shares
        between 0 and 1 (``150%``, ``0.9-0.1``, ``-0.5``, ``banana``), which would otherwise be
        replaced by the default share. False when one is found."""
        from kit.roi import attribution

        ok = True
        value = rec.get("estimated_value")
        if value is not None and value > MAX_MONEY:
            self.problem(path, line, f"estimated_value {row.get('estimated_value')} is absurdly large (more than "
                                     f"{MAX_MONEY:,.0f}): a typo or a stray exponent? Write the real figure")
            ok = False
        for col in ("outcome_baseline", "outcome_reading"):
            if rec.get(col) is not None and abs(rec[col]) > MAX_METRIC:
                self.problem(path, line, f"{col} {row.get(col)} is absurdly large (more than {MAX_METRIC:,.0f}): "
                                         "write the real reading")
                ok = False
        base, reading = rec.get("outcome_baseline"), rec.get("outcome_reading")
        if ok and base and reading is not None and not math.isfinite((reading - base) / base):
            self.problem(path, line, f"outcome_reading {row.get('outcome_reading')} against outcome_baseline "
                                     f"{row.get('outcome_baseline')} is not a finite relative change: check the baseline")
            ok = False
        raw = rec.get("attribution", "")
        if raw and attribution(raw) is None:
            self.problem(path, line, f"attribution {raw!r} is not a share or a range of shares between 0 and 1 "
                                     "(such as 0.4, 40% or 0.2-0.5): write the research's share of this "
                                     "decision's value, or leave it empty for the default")
            ok = False
        return ok
