"""How the report writes numbers, shares and words, and the blocks of its page."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kit.schema import is_blank

__all__ = ["Block", "agreement_words", "fmt_money", "fmt_num", "fmt_range", "fmt_ratio", "fmt_ratio_range", "fmt_share",
           "fmt_signed", "fmt_text", "on_time_share", "plural", "sentiment_word", "table_of"]


# -- formatting ------------------------------------------------------------------------------------
def _missing(value) -> bool:
    """A blank cell: :func:`kit.schema.is_blank` (the one "what is missing")."""
    return is_blank(value)


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


def fmt_range(low: str, high: str) -> str:
    """``"low to high"``, or the one value when both read the same (a range that collapses,
    as with a single attribution share, is printed once: "789%", not "789% to 789%")."""
    return low if low == high else f"{low} to {high}"


def fmt_ratio_range(low, high) -> str:
    """Two ROIs in one format: shares (151% to 480%) when both are below 10, else multiples
    with one decimal (1.5× to 11.6×); one value when they read the same (:func:`fmt_range`)."""
    if _missing(low) or _missing(high):
        return "–"
    low, high = float(low), float(high)
    if max(abs(low), abs(high)) < 10:
        return fmt_range(f"{low:.0%}", f"{high:.0%}")
    return fmt_range(f"{low:,.1f}×", f"{high:,.1f}×")


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
