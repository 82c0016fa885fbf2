"""Figures for the pilot plan and the program's ROI, drawn from the tables of
``kit.program``. Every figure has a title, labelled axes and a readable size; hatching,
labels and numbers carry the meaning as well as colour."""
from __future__ import annotations

import matplotlib.pyplot as plt
import matplotlib.ticker
from matplotlib.patches import Patch

from kit.viz.base import FIGSIZE, empty_figure, literal_figure

__all__ = [
    "PALETTE", "HATCHES", "STATE_STYLE", "quota_coverage_chart", "funnel_chart",
    "cadence_chart", "roi_chart", "action_status_chart",
]

BLUE, GREY, RED, GREEN = "#2e86c1", "#aab7b8", "#c0392b", "#229954"
PALETTE = ["#2e86c1", "#d68910", "#229954", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d"]
HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "--"]


@literal_figure
def quota_coverage_chart(coverage):
    """Completed interviews per segment against its quota; scheduled ones stacked and
    hatched; segments below half their quota hatched in red and labelled."""
    title = "Quota coverage per segment"
    if not len(coverage):
        return empty_figure(title, "No segments or quotas in study.yml")
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], max(2.8, 0.6 * len(coverage) + 1.5)))
    names = coverage["segment"].tolist()
    done = coverage["completed"].tolist()
    under = coverage["under_represented"].tolist()
    bars = ax.barh(names, done, color=[RED if u else BLUE for u in under], edgecolor="#333333",
                   label="completed")
    for bar, u in zip(bars, under):
        if u:
            bar.set_hatch("xx")
    ax.barh(names, coverage["scheduled"], left=done, color="white", edgecolor=BLUE, hatch="//",
            label="scheduled")
    for i, row in enumerate(coverage.itertuples()):
        if row.quota > 0:
            ax.plot([row.quota, row.quota], [i - 0.4, i + 0.4], color="#111111", linewidth=2.5)
        quota = f"{row.completed} of {row.quota}" if row.quota > 0 else f"{row.completed} (no quota)"
        note = "  under-represented" if row.under_represented else ""
        ax.text(max(row.completed + row.scheduled, row.quota) + 0.15, i, quota + note, va="center", fontsize=9)
    handles = [Patch(facecolor=BLUE, edgecolor="#333333", label="completed"),
               Patch(facecolor="white", edgecolor=BLUE, hatch="//", label="scheduled"),
               plt.Line2D([0], [0], color="#111111", linewidth=2.5, label="quota"),
               Patch(facecolor=RED, edgecolor="#333333", hatch="xx", label="under-represented")]
    ax.legend(handles=handles, loc="lower right", fontsize=8, framealpha=0.9)
    top = max((coverage["completed"] + coverage["scheduled"]).max(), coverage["quota"].max())
    ax.set_xlim(0, top * 1.6 + 1)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.invert_yaxis()
    ax.set_xlabel("Interviews")
    ax.set_ylabel("Segment")
    ax.set_title(title + " (black line: quota)")
    fig.tight_layout()
    return fig


@literal_figure
def funnel_chart(funnel):
    """The recruitment funnel: invited, scheduled, completed as solid bars; drop-offs and
    open invitations hatched; every bar labelled with its count and rate."""
    title = "Recruitment funnel"
    if not len(funnel) or funnel["participants"].iloc[0] == 0:
        return empty_figure(title, "No participants in participants.csv")
    fig, ax = plt.subplots(figsize=FIGSIZE)
    main = funnel["stage"].isin(["invited", "scheduled", "completed"]).tolist()
    bars = ax.barh(funnel["stage"], funnel["participants"], color=[BLUE if m else GREY for m in main],
                   edgecolor="#333333")
    for bar, m in zip(bars, main):
        if not m:
            bar.set_hatch("//")
    for i, row in enumerate(funnel.itertuples()):
        rate = "" if row.base == "" or row.rate != row.rate else f"  ({row.rate:.0%} of {row.base})"
        ax.text(row.participants + 0.2, i, f"{row.participants}{rate}", va="center", fontsize=9)
    ax.set_xlim(0, funnel["participants"].max() * 1.45 + 1)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.invert_yaxis()
    ax.legend(handles=[Patch(facecolor=BLUE, edgecolor="#333333", label="funnel stage"),
                       Patch(facecolor=GREY, edgecolor="#333333", hatch="//", label="drop-off or still open")],
              loc="lower right", fontsize=8)
    ax.set_xlabel("Participants")
    ax.set_ylabel("Stage")
    ax.set_title(title)
    fig.tight_layout()
    return fig


@literal_figure
def cadence_chart(weekly, cadence_days: float | None = None):
    """Interviews per ISO week; weeks without an interview are marked "none". With
    ``cadence_days`` a dashed line shows the least the cadence asks for (7 / cadence_days
    interviews a week)."""
    per_week = 7 / cadence_days if cadence_days else None
    title = "Interviews per week"
    if not len(weekly):
        return empty_figure(title, "No dated interviews yet")
    fig, ax = plt.subplots(figsize=(max(FIGSIZE[0], 0.6 * len(weekly) + 2), FIGSIZE[1]))
    labels = weekly["week"].tolist()
    bars = ax.bar(labels, weekly["interviews"], color=BLUE, edgecolor="#333333")
    for bar, n in zip(bars, weekly["interviews"]):
        ax.text(bar.get_x() + bar.get_width() / 2, n + 0.1, str(n) if n else "none", ha="center",
                va="bottom", fontsize=9, color=RED if not n else "#111111")
    if per_week:
        ax.axhline(per_week, color="#333333", linestyle="--", linewidth=1)
        ax.text(-0.45, per_week, f"cadence: at least one every {cadence_days:g} days", va="bottom", ha="left",
                fontsize=9, bbox={"facecolor": "white", "edgecolor": "none", "pad": 1, "alpha": 0.85})
    ax.set_ylim(0, max(weekly["interviews"].max(), per_week or 0) * 1.25 + 1)
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlabel("ISO week")
    ax.set_ylabel("Interviews")
    ax.set_title(title)
    plt.setp(ax.get_xticklabels(), rotation=45 if len(labels) > 8 else 0, ha="right" if len(labels) > 8 else "center")
    fig.tight_layout()
    return fig


def _words(name) -> str:
    """A ledger's column value as words: ``analysis_time`` -> "Analysis time"."""
    return str(name).replace("_", " ").strip().capitalize()


@literal_figure
def roi_chart(costs, values, currency: str = "", roi=None, credited=None):
    """Left: the cost ledger by category. Right: the total cost against the estimated value
    of the decisions, stacked by value kind, each part hatched and labelled, and (with
    ``credited``, the (low, high) value credited to the research, ``kit.program.roi``'s
    value_low and value_high) the research's share as a bar from low to high. ``roi`` (a
    number, or (low, high)) is in the title. Categories and value kinds are shown in words."""
    title = "What the program cost, and what its decisions are worth"
    if not len(costs) and not len(values):
        return empty_figure(title, "No costs.csv or decisions.csv entries")
    unit = f" ({currency})" if currency else ""
    fig, (left, right) = plt.subplots(1, 2, figsize=(FIGSIZE[0] + 3, FIGSIZE[1] + 0.5),
                                      gridspec_kw={"width_ratios": [1.2, 1]})
    if len(costs):
        bars = left.barh([_words(c) for c in costs["category"]], costs["amount"], color=BLUE, edgecolor="#333333")
        for bar, amount, share in zip(bars, costs["amount"], costs["share"]):
            left.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {amount:,.0f} ({share:.0%})",
                      va="center", fontsize=9)
        left.set_xlim(0, costs["amount"].max() * 1.45)
        left.invert_yaxis()
    else:
        left.text(0.5, 0.5, "No costs.csv entries", ha="center", va="center", transform=left.transAxes)
    left.set_xlabel(f"Cost{unit}")
    left.set_ylabel("Category")
    left.set_title("Cost by category", fontsize=10)

    total_cost = float(costs["amount"].sum()) if len(costs) else 0.0
    right.bar(0, total_cost, color=BLUE, edgecolor="#333333", width=0.6)
    right.text(0, total_cost, f"{total_cost:,.0f}", ha="center", va="bottom", fontsize=10, fontweight="bold")
    bottom, handles = 0.0, [Patch(facecolor=BLUE, edgecolor="#333333", label="cost")]
    for i, row in enumerate(values.itertuples() if len(values) else []):
        amount = float(row.estimated_value)
        if not amount or amount != amount:
            continue
        colour, hatch = PALETTE[(i + 1) % len(PALETTE)], HATCHES[(i + 1) % len(HATCHES)]
        right.bar(1, amount, bottom=bottom, color=colour, hatch=hatch, edgecolor="#333333", width=0.6)
        handles.append(Patch(facecolor=colour, hatch=hatch, edgecolor="#333333",
                             label=f"value: {_words(row.value_kind).lower()}"))
        bottom += amount
    right.text(1, bottom, f"{bottom:,.0f}", ha="center", va="bottom", fontsize=10, fontweight="bold")
    ticks = ["Cost", "Estimated value\nof the decisions"]
    if credited is not None and all(v is not None and v == v for v in credited):
        low, high = (float(v) for v in credited)
        right.bar(2, low, color=GREEN, edgecolor="#333333", width=0.6)
        right.bar(2, high - low, bottom=low, color="#ffffff", hatch="..", edgecolor=GREEN, width=0.6)
        right.text(2, high, f"{low:,.0f} to\n{high:,.0f}", ha="center", va="bottom", fontsize=9, fontweight="bold")
        handles.append(Patch(facecolor=GREEN, edgecolor="#333333", label="credited to the research (at least)"))
        handles.append(Patch(facecolor="#ffffff", hatch="..", edgecolor=GREEN, label="... up to"))
        ticks.append("Credited to\nthe research")
    right.set_xticks(range(len(ticks)), ticks)
    right.set_ylim(0, max(total_cost, bottom) * 1.3 + 1)
    right.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    right.set_ylabel(f"Amount{unit}")
    right.set_xlabel("Ledger")
    # below the axes: inside, it would cover the stacked bars and their totals
    right.legend(handles=handles, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=2, frameon=False)
    right.set_title("Cost against estimated value", fontsize=10)
    if isinstance(roi, (tuple, list)) and all(v is not None and v == v for v in roi):
        span = f"{roi[0]:,.2f}" if f"{roi[0]:,.2f}" == f"{roi[1]:,.2f}" else f"{roi[0]:,.2f} to {roi[1]:,.2f}"
        suffix = f"\nROI = (credited value - cost) / cost = {span}"
    elif roi is not None and not isinstance(roi, (tuple, list)) and roi == roi:
        suffix = f"\nROI = (value - cost) / cost = {roi:,.2f} (full credit)"
    else:
        suffix = ""
    fig.suptitle(title + suffix)
    fig.tight_layout()
    return fig


STATE_STYLE = {"done": (GREEN, ""), "open": (BLUE, ".."), "overdue": (RED, "xx"), "dropped": (GREY, "//"),
               "unknown": ("#ffffff", "\\\\")}


@literal_figure
def action_status_chart(by_owner, as_of=None):
    """Action items per owner, stacked by state (done, open, overdue, dropped), each state
    with its own hatch, and the count written in each part."""
    title = "Action items by owner" + (f" as of {as_of}" if as_of else "")
    if not len(by_owner):
        return empty_figure(title, "No action items in the interview notes")
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], max(2.8, 0.5 * len(by_owner) + 1.6)))
    owners = by_owner["owner"].tolist()
    left = [0] * len(owners)
    for state, (colour, hatch) in STATE_STYLE.items():
        if state not in by_owner or not by_owner[state].sum():
            continue
        counts = by_owner[state].tolist()
        ax.barh(owners, counts, left=left, color=colour, hatch=hatch, edgecolor="#333333", label=state)
        for i, n in enumerate(counts):
            if n:
                ax.text(left[i] + n / 2, i, str(n), ha="center", va="center", fontsize=9,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1, "alpha": 0.8})
        left = [a + b for a, b in zip(left, counts)]
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.invert_yaxis()
    ax.legend(loc="lower right", fontsize=8)
    ax.set_xlabel("Action items")
    ax.set_ylabel("Owner")
    ax.set_title(title)
    fig.tight_layout()
    return fig
