"""Figures for sentiment, the journey and customer language, drawn from the tables of
``kit.feelings``, ``kit.journey`` and ``kit.language``. Every figure has a title, labelled
axes and a readable size; labels, hatching, marker shapes and written numbers carry the
meaning as well as colour."""
from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
from matplotlib.patches import Patch

from kit.viz.base import FIGSIZE, empty_figure, literal_figure
from kit.schema import named_interviews, person  # who counts as a person: a third speaker is nobody
from kit.sentiment import POSITIVE_THRESHOLD

__all__ = [
    "distribution_chart", "segment_chart", "trend_chart", "stage_heatmap_chart",
    "keyness_chart",
]

RED, GREY, BLUE = "#c0392b", "#aab7b8", "#2e86c1"
#: label -> (colour, hatch, marker): negative, neutral, positive differ by more than colour.
STYLE = {"negative": (RED, "//", "v"), "neutral": (GREY, "", "o"), "positive": (BLUE, "..", "^")}


def _label_of(value: float, threshold: float) -> str:
    return "positive" if value >= threshold else "negative" if value <= -threshold else "neutral"


@literal_figure
def distribution_chart(scored, bins: int = 20, threshold: float = POSITIVE_THRESHOLD,
                       title: str = "How participants' turns feel (VADER compound)"):
    """Histogram of the compound scores: bars left of -threshold are negative (red,
    hatched //), right of +threshold positive (blue, dotted), the rest neutral (grey);
    the counts of each label are written in the legend."""
    values = scored["compound"].dropna().astype(float).to_numpy()
    if not len(values):
        return empty_figure(title, "No scored turns")
    edges = np.linspace(-1, 1, bins + 1)
    # Put the thresholds on bin edges so no bar mixes two labels.
    edges = np.unique(np.concatenate([edges, [-threshold, threshold]]))
    counts, edges = np.histogram(values, bins=edges)
    fig, ax = plt.subplots(figsize=FIGSIZE)
    for left, right, count in zip(edges[:-1], edges[1:], counts):
        label = _label_of((left + right) / 2, threshold)
        colour, hatch, _ = STYLE[label]
        ax.bar(left, count, width=right - left, align="edge", color=colour, hatch=hatch,
               edgecolor="#333333", linewidth=0.6)
    n = {"negative": int((values <= -threshold).sum()), "positive": int((values >= threshold).sum())}
    n["neutral"] = len(values) - n["negative"] - n["positive"]
    for x in (-threshold, threshold):
        ax.axvline(x, color="#333333", linestyle="--", linewidth=0.8)
    handles = [Patch(facecolor=STYLE[lab][0], hatch=STYLE[lab][1], edgecolor="#333333",
                     label=f"{lab}: {n[lab]} ({n[lab] / len(values):.0%})")
               for lab in ("negative", "neutral", "positive")]
    ax.legend(handles=handles, loc="upper left", fontsize=9, framealpha=0.9)
    ax.set_xlim(-1.02, 1.02)
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlabel(f"VADER compound score (dashed lines: ±{threshold:g})")
    ax.set_ylabel("Turns")
    ax.set_title(f"{title}, n = {len(values)}")
    fig.tight_layout()
    return fig


@literal_figure
def segment_chart(scored, attribute: str = "segment", threshold: float = POSITIVE_THRESHOLD,
                  title: str | None = None):
    """Box plot of compound scores per ``attribute`` value with every turn drawn on top
    (jittered; marker shape gives its label: ▼ negative, ● neutral, ▲ positive) and the
    number of turns and people under each box."""
    title = title or f"Sentiment of participants' turns by {attribute}"
    frame = scored[scored["compound"].notna()]
    if attribute not in frame.columns or not len(frame):
        return empty_figure(title, f"No scored turns with a {attribute}")
    values = sorted(set(frame[attribute].fillna("").astype(str)))
    groups = [frame.loc[frame[attribute].fillna("").astype(str) == v, "compound"].astype(float).to_numpy()
              for v in values]
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], max(FIGSIZE[1], 0.9 * len(values) + 2)))
    horizontal = {"orientation": "horizontal"} if matplotlib.__version_info__ >= (3, 10) else {"vert": False}
    ax.boxplot(groups, **horizontal, widths=0.5, showfliers=False,
               medianprops={"color": "#111111", "linewidth": 2}, boxprops={"color": "#555555"})
    rng = np.random.default_rng(0)
    for i, g in enumerate(groups, start=1):
        jitter = rng.uniform(-0.18, 0.18, size=len(g))
        for lab in STYLE:
            colour, _, marker = STYLE[lab]
            mask = np.array([_label_of(v, threshold) == lab for v in g], dtype=bool)
            if mask.any():
                ax.scatter(g[mask], i + jitter[mask], marker=marker, s=28, color=colour, alpha=0.8,
                           edgecolor="#333333", linewidth=0.4, zorder=3)
    people = frame.assign(_v=frame[attribute].fillna("").astype(str), _who=person(frame, named_interviews(scored))).groupby("_v")["_who"].nunique()
    ax.set_yticks(range(1, len(values) + 1))
    ax.set_yticklabels([f"{v or '(none)'}\n{len(g)} turns, {int(people.get(v, 0))} people"
                        for v, g in zip(values, groups)], fontsize=9)
    for x in (-threshold, threshold):
        ax.axvline(x, color="#333333", linestyle="--", linewidth=0.8)
    handles = [plt.Line2D([0], [0], marker=STYLE[lab][2], color="w", markerfacecolor=STYLE[lab][0],
                          markeredgecolor="#333333", markersize=7, label=lab) for lab in STYLE]
    handles.append(plt.Line2D([0], [0], color="#111111", linewidth=2, label="median"))
    ax.legend(handles=handles, loc="lower left", fontsize=8, framealpha=0.9, ncol=4)
    ax.set_xlim(-1.05, 1.05)
    ax.invert_yaxis()
    ax.set_xlabel(f"VADER compound score (dashed lines: ±{threshold:g})")
    ax.set_ylabel(attribute.capitalize())
    ax.set_title(title)
    fig.tight_layout()
    return fig


@literal_figure
def trend_chart(trend, title: str = "Sentiment week by week"):
    """Mean compound per period (solid line, circles) and the share of negative turns
    (dashed line, triangles, right axis), with the number of interviews and turns written
    under each point. ``trend`` is ``kit.feelings.trend``."""
    if not len(trend):
        return empty_figure(title, "No dated interviews")
    fig, ax = plt.subplots(figsize=FIGSIZE)
    x = np.arange(len(trend))
    ax.plot(x, trend["mean_compound"], marker="o", color=BLUE, linewidth=2, label="mean compound (left)")
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_ylim(-1, 1)
    ax2 = ax.twinx()
    ax2.plot(x, trend["share_negative"], marker="v", linestyle="--", color=RED, linewidth=1.5,
             label="share of negative turns (right)")
    ax2.set_ylim(0, 1)
    ax2.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax2.set_ylabel("Share of negative turns")
    for xi, row in zip(x, trend.itertuples()):
        ax.annotate(f"{row.interviews} int.\n{row.n} turns", (xi, -0.95), ha="center", va="bottom", fontsize=8)
    ax.set_xticks(x)
    ax.set_xticklabels([str(p) for p in trend["period"]], rotation=0 if len(trend) <= 6 else 45, fontsize=9)
    lines = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(lines, [h.get_label() for h in lines], loc="upper left", fontsize=8, framealpha=0.9)
    ax.set_xlabel("Week starting" if "week" in title.lower() else "Period")
    ax.set_ylabel("Mean VADER compound")
    ax.set_title(title)
    fig.tight_layout()
    return fig


@literal_figure
def stage_heatmap_chart(shares, counts, title: str = "Sentiment along the journey"):
    """Stage x label heatmap (``kit.journey.stage_heatmap``): the shade is the stage's
    share of segments with that label; each cell shows the share and the count, so the
    figure reads without colour."""
    if not len(shares):
        return empty_figure(title, "No stages in study.yml, the codebook or the notes")
    data = shares.fillna(0).to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], max(3, 0.7 * len(shares) + 1.8)))
    image = ax.imshow(data, cmap="Greys", vmin=0, vmax=1, aspect="auto")
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            value = shares.iloc[i, j]
            text = "–" if value != value else f"{value:.0%}\n(n = {int(counts.iloc[i, j])})"
            ax.text(j, i, text, ha="center", va="center", fontsize=10,
                    color="white" if data[i, j] > 0.55 else "#111111")
    ax.set_xticks(range(data.shape[1]))
    ax.set_xticklabels(list(shares.columns))
    totals = counts.sum(axis=1)
    ax.set_yticks(range(data.shape[0]))
    ax.set_yticklabels([f"{s} ({int(totals[s])})" for s in shares.index])
    bar = fig.colorbar(image, ax=ax)
    bar.set_label("Share of the stage's segments")
    bar.ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel("Sentiment label (VADER compound, ±0.05)")
    ax.set_ylabel("Journey stage (segments)")
    ax.set_title(title)
    fig.tight_layout()
    return fig


@literal_figure
def keyness_chart(table, group: str | None = None, top: int = 10, title: str | None = None):
    """Horizontal bars of log-likelihood G2 for the ``top`` words of a
    ``kit.language.keyness`` table (or of one ``group`` value of a ``keyness_by`` /
    ``theme_words`` table, whose first column names the groups), each labelled with its
    count and log ratio."""
    frame = table
    label = ""
    if group is not None:
        column = table.columns[0]
        frame = table[table[column] == group]
        label = f" ({column}: {group})"
    frame = frame.sort_values("g2", ascending=False).head(top)
    title = title or f"Distinctive words{label}"
    if not len(frame):
        return empty_figure(title, "No word passes the frequency filter")
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], max(2.8, 0.4 * len(frame) + 1.4)))
    bars = ax.barh(frame["word"], frame["g2"], color=BLUE, edgecolor="#333333", hatch="..")
    for bar, row in zip(bars, frame.itertuples()):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2,
                f"  {row.target_freq}×, log ratio {row.log_ratio:+.1f}", va="center", fontsize=8)
    ax.axvline(3.84, color="#333333", linestyle="--", linewidth=0.8)
    ax.text(3.84, -0.6, " p = .05", fontsize=8, va="bottom")
    ax.set_xlim(0, float(frame["g2"].max()) * 1.45 + 1)
    ax.invert_yaxis()
    ax.set_xlabel("Log-likelihood G2 (keyness; dashed line: 3.84, p = .05)")
    ax.set_ylabel("Word")
    ax.set_title(title)
    fig.tight_layout()
    return fig
