"""Figures for guide design and interviewer training: the guide's structure and time
budget (from :func:`kit.guide.lint_guide`), a transcript's scorecard and a cohort of reviews
(from :mod:`kit.review`). Every figure has a title, labelled axes and a readable size; hatching,
labels and numbers carry the meaning as well as colour."""
from __future__ import annotations

import matplotlib.pyplot as plt
import matplotlib.ticker
from matplotlib.patches import Patch

from kit.viz.base import FIGSIZE, empty_figure, literal_figure

__all__ = [
    "MAX_CHART_QUESTIONS", "ROLE_STYLE", "structure_chart", "scorecard_chart", "cohort_chart",
]

ROLE_STYLE = {  # colour, hatch
    "opener": ("#2e86c1", ""),
    "targeted": ("#d68910", "//"),
    "future": ("#229954", ".."),
    "probe": ("#aab7b8", "xx"),
}
BLUE, RED, GREY, GREEN = "#2e86c1", "#c0392b", "#d5d8dc", "#229954"
#: Above this many questions the structure chart draws one bar per role (with its count and
#: minutes) instead of one per question: a figure stays readable and its cost stays flat; every
#: question is still in the lint table and the printable guide.
MAX_CHART_QUESTIONS = 40


def _clip(text: str, n: int = 48) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


@literal_figure
def structure_chart(result: dict):
    """The guide as a timeline: one bar per question in order, as long as its estimated
    minutes, styled by role; a last bar spans the whole guide's low-high estimate; the
    shaded band is the format's target (3-7 minutes for a micro-interview)."""
    title = "Guide structure and time budget"
    questions = (result or {}).get("questions") or []
    if not questions:
        return empty_figure(title, "The guide has no questions")
    b = result["budget"]
    rows = _chart_rows(questions)
    n = len(rows)
    fig, ax = plt.subplots(figsize=(FIGSIZE[0] + 1.5, max(3.0, 0.42 * (n + 1) + 1.6)))
    ax.axvspan(b["target_low"], b["target_high"], color="#e8f6ef", zorder=0, hatch="", linewidth=0)
    start = 0.0
    labels = []
    for i, (role, minutes, label, note) in enumerate(rows):
        colour, hatch = ROLE_STYLE.get(role, ("#7f8c8d", ""))
        ax.barh(i, minutes, left=start, color=colour, hatch=hatch, edgecolor="#333333", zorder=2)
        ax.text(start + minutes + 0.05, i, f"{round(minutes, 2):g} min{note}", va="center", fontsize=8, zorder=3)
        labels.append(label)
        start += minutes
    ax.barh(n, b["minutes_high"] - b["minutes_low"], left=b["minutes_low"], color="white", edgecolor="#111111",
            hatch="\\\\", zorder=2)
    ax.plot([b["minutes_estimate"]] * 2, [n - 0.4, n + 0.4], color="#111111", linewidth=2.5, zorder=3)
    verdict = "within" if b["within"] else "outside"
    ax.text(b["minutes_high"] + 0.05, n, f"about {round(b['minutes_estimate'], 1):g} min ({b['minutes_low']:g}-"
            f"{b['minutes_high']:g}),\n{verdict} the target", va="center", fontsize=8)
    labels.append("whole guide (low-high, line: estimate)")
    ax.set_yticks(range(n + 1))
    ax.set_yticklabels(labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(b["minutes_high"], b["target_high"]) * 1.6)
    ax.set_xlabel("Minutes into the interview")
    ax.set_ylabel("Question, in order")
    handles = [Patch(facecolor=c, hatch=h, edgecolor="#333333", label=r) for r, (c, h) in ROLE_STYLE.items()
               if any(q["role"] == r for q in questions)]
    handles.append(Patch(facecolor="#e8f6ef", label=f"target: {b['target_low']:g}-{b['target_high']:g} min"))
    ax.legend(handles=handles, loc="upper right", fontsize=8, framealpha=0.9)
    grouped = f", {len(questions):,} questions by role" if len(rows) < len(questions) else ""
    ax.set_title(f"{title} ({result.get('format', 'micro')} guide{grouped})")
    fig.tight_layout()
    return fig


def _chart_rows(questions: list[dict]) -> list[tuple[str, float, str, str]]:
    """(role, minutes, label, note) per bar: one per question, or, above
    :data:`MAX_CHART_QUESTIONS`, one per role in order of first use (count, minutes, flagged)."""
    if len(questions) <= MAX_CHART_QUESTIONS:
        return [(q["role"], q["minutes"], f"{i + 1}. {q['role']}: {_clip(q['question'])}",
                 "  \u26a0 " + ", ".join(q["flags"]) if q["flags"] else "")
                for i, q in enumerate(questions)]
    totals: dict[str, list] = {}
    for q in questions:
        entry = totals.setdefault(q["role"], [0, 0.0, 0])
        entry[0] += 1
        entry[1] += q["minutes"]
        entry[2] += bool(q["flags"])
    return [(role, minutes, f"{role}: {count:,} question(s)", f"  \u26a0 {flagged:,} flagged" if flagged else "")
            for role, (count, minutes, flagged) in totals.items()]


@literal_figure
def scorecard_chart(card: dict):
    """One bar per habit of a transcript's scorecard: points won (solid) out of the
    weight (outline); habits not met are red and hatched, not measured ones labelled."""
    items = card["items"]
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], 0.45 * len(items) + 1.6))
    names = [i["item"] for i in items]
    ax.barh(names, [i["weight"] for i in items], color="white", edgecolor="#555555")
    for k, i in enumerate(items):
        if i["points"] is None:
            ax.text(0.3, k, "not measured", va="center", fontsize=8)
            continue
        bar = ax.barh(k, i["points"], color=BLUE if i["met"] else RED, hatch="" if i["met"] else "//",
                      edgecolor="#333333")[0]
        ax.text(i["weight"] + 0.4, k, f"{i['points']:g} of {i['weight']}: {i['value']}", va="center", fontsize=8)
        del bar
    ax.set_xlim(0, max(i["weight"] for i in items) * 2.6)
    ax.invert_yaxis()
    ax.set_xlabel("Points")
    ax.set_ylabel("Habit")
    ax.legend(handles=[Patch(facecolor=BLUE, edgecolor="#333333", label="met"),
                       Patch(facecolor=RED, hatch="//", edgecolor="#333333", label="to work on"),
                       Patch(facecolor="white", edgecolor="#555555", label="points available")],
              loc="lower right", fontsize=8, framealpha=0.9)
    ax.set_title(f"Scorecard of {card.get('transcript') or 'the transcript'}: {card['score']}/100")
    fig.tight_layout()
    return fig


@literal_figure
def cohort_chart(table, target: float = 0.20):
    """Two panels over a cohort of reviewed transcripts: the score of each, and the
    interviewer's share of words against the listening target (over target: red, hatched)."""
    title = "Interviewer review across transcripts"
    if not len(table):
        return empty_figure(title, "No transcripts reviewed")
    n = len(table)
    fig, (left, right) = plt.subplots(1, 2, figsize=(FIGSIZE[0] + 2, max(2.8, 0.32 * n + 1.6)), sharey=True)
    names = table["transcript"].astype(str).tolist()
    left.barh(names, table["score"], color=BLUE, edgecolor="#333333")
    for k, s in enumerate(table["score"]):
        left.text(s + 1, k, f"{s:g}", va="center", fontsize=8)
    left.set_xlim(0, 110)
    left.set_xlabel("Score (0-100)")
    left.set_ylabel("Transcript")
    left.set_title("Scorecard")
    ratio = table["talk_ratio"].fillna(0).tolist()
    over = [r > target for r in ratio]
    bars = right.barh(names, ratio, color=[RED if o else GREEN for o in over], edgecolor="#333333")
    for bar, o in zip(bars, over):
        if o:
            bar.set_hatch("//")
    line = right.axvline(target, color="#111111", linestyle="--", linewidth=1)
    right.set_xlim(0, max(0.5, max(ratio) + 0.05))
    right.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    right.set_xlabel("Interviewer's share of words")
    right.set_title("Listening (80/20)")
    right.legend([line, Patch(facecolor=GREEN, edgecolor="#333333"), Patch(facecolor=RED, hatch="//", edgecolor="#333333")],
                 [f"target: {target:.0%} or less", "within target", "over target"], loc="lower right",
                 fontsize=8, framealpha=0.9)
    left.invert_yaxis()
    fig.suptitle(title)
    fig.tight_layout()
    return fig
