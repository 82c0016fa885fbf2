"""Figures of continuous discovery: theme prevalence across sprints (from
:func:`kit.discovery.trends.trends`) and the opportunity solution tree (from
:func:`kit.discovery.ost.load_ost`)."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import matplotlib.ticker
import pandas as pd

from kit.discovery.ost import LEVEL_NAMES, Node, _layout
from kit.viz.base import literal_figure

__all__ = ["COLOURS", "TEXT_COLOURS", "draw_ost", "trends_chart"]

COLOURS = {"outcome": "#1b4f72", "opportunity": "#d4e6f1", "solution": "#fdebd0", "test": "#e8f8f5"}
TEXT_COLOURS = {"outcome": "white", "opportunity": "black", "solution": "black", "test": "black"}


@literal_figure
def trends_chart(table: pd.DataFrame, codes=None, title: str = "Theme prevalence across sprints"):
    """Share of participants mentioning each code per sprint, with its Wilson interval as
    error bars; each code has its own marker and line style (colour is never the only
    cue), and each sprint shows how many participants it had. ``codes`` picks the codes (default: the five most prevalent)."""
    if codes is None:
        codes = (table.groupby("code")["share"].mean().sort_values(ascending=False).head(5).index.tolist()
                 if len(table) else [])
    firsts = table.drop_duplicates("order").sort_values("order")
    sprints = [f"{s}\n(n = {n})" for s, n in zip(firsts["sprint"], firsts["participants"])]
    fig, ax = plt.subplots(figsize=(8, 4.8))
    markers = "osD^v<>PX*"
    styles = ["-", "--", "-.", ":"]
    for i, code in enumerate(codes):
        t = table[table["code"] == code].sort_values("order")
        x = [v + (i - (len(codes) - 1) / 2) * 0.06 for v in range(len(t))]
        err = [(t["share"] - t["share_low"]).clip(lower=0), (t["share_high"] - t["share"]).clip(lower=0)]
        ax.errorbar(x, t["share"], yerr=err, marker=markers[i % len(markers)], capsize=3, linewidth=1.5,
                    linestyle=styles[i % len(styles)], label=code)
    ax.set_xticks(range(len(sprints)))
    ax.set_xticklabels(sprints)
    ax.set_xlim(-0.4, len(sprints) - 0.6)
    ax.set_ylim(0, 1.05)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel("Sprint")
    ax.set_ylabel("Participants mentioning the theme")
    ax.set_title(title)
    ax.legend(fontsize=8, loc="upper left", framealpha=0.9)
    fig.tight_layout()
    return fig


def _label(node: Node, width: int, max_lines: int) -> str:
    head = node.id if node.kind != "outcome" else "Outcome"
    if node.status:
        head += f" · {node.status}"
    body = node.text
    if node.kind == "opportunity" and node.evidence:
        n_iv = len({e.split("#")[0] for e in node.evidence})
        body += f" [{len(node.evidence)} evidence, {n_iv} interview{'s' if n_iv != 1 else ''}]"
    if node.decision:
        body += f" [{node.decision}]"
    lines = textwrap.wrap(body, width=width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(0, width - 1)].rstrip() + "…"
    return head + "\n" + "\n".join(lines)


@literal_figure
def draw_ost(root: Node, title: str = "Opportunity solution tree", verdicts: dict | None = None,
             wrap: int = 24, max_lines: int = 7):
    """Draw the tree top-down: outcome, opportunities (with how much evidence), solutions,
    assumption tests (with their ``verdicts``, e.g. from :func:`kit.discovery.assumptions.assess`,
    as {assumption id: verdict}). Each level is named on the left and drawn in its own box
    style, so the figure reads without colour."""
    if root is None:
        raise ValueError("no tree to draw")
    for node, _, _ in root.walk():
        if node.kind == "test" and verdicts and node.id in verdicts:
            node.status = str(verdicts[node.id])
    pos = _layout(root)
    slots = max(x for x, _ in pos.values()) + 1
    levels = max(level for _, level in pos.values()) + 1
    fig_w = min(max(8.0, 2.3 * slots + 1.6), 40.0)
    fig_h = 1.0 + 2.1 * levels
    fig, ax = plt.subplots(figsize=(fig_w, fig_h))
    ax.set_xlim(-1.6, slots - 0.4)
    ax.set_ylim(-(levels - 1) - 0.65, 0.65)
    ax.axis("off")
    styles = {"outcome": "round,pad=0.5", "opportunity": "round,pad=0.4", "solution": "square,pad=0.4",
              "test": "round4,pad=0.4"}
    for node, parent, level in root.walk():
        if parent is not None:
            (px, pl), (cx, cl) = pos[id(parent)], pos[id(node)]
            ax.plot([px, px, cx, cx], [-pl, -(pl + 0.5), -(pl + 0.5), -cl], color="#566573", linewidth=1, zorder=1)
    for node, _, level in root.walk():
        x, _ = pos[id(node)]
        ax.text(x, -level, _label(node, wrap, max_lines), ha="center", va="center", fontsize=7.5,
                color=TEXT_COLOURS[node.kind], zorder=3, wrap=False, linespacing=1.15,
                bbox={"boxstyle": styles[node.kind], "facecolor": COLOURS[node.kind], "edgecolor": "#1c2833",
                      "linewidth": 1.2 if node.kind != "test" else 0.8,
                      "linestyle": "-" if node.kind != "test" else "--"})
    present = []
    for node, _, level in root.walk():
        if (level, node.kind) not in present:
            present.append((level, node.kind))
    for level, kind in present:
        ax.text(-1.5, -level, LEVEL_NAMES[kind], ha="left", va="center", fontsize=9, fontweight="bold",
                color="#1c2833")
    ax.set_title(title, fontsize=12)
    fig.tight_layout()
    return fig
