"""Figures of the sprint report."""
from __future__ import annotations

import pandas as pd

from kit.viz.base import literal_figure

__all__ = ["report_theme_chart"]


@literal_figure
def report_theme_chart(themes: pd.DataFrame):
    """Horizontal bars: participants per theme; negative themes hatched and labelled."""
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    from kit.plots import FIGSIZE

    frame = themes.iloc[::-1]
    tone = pd.to_numeric(frame.get("mean_compound", pd.Series([float("nan")] * len(frame))), errors="coerce")
    negative = (tone <= -0.05).tolist()
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], max(2.5, 0.38 * len(frame) + 1.3)))
    bars = ax.barh(frame["code"].astype(str), frame["participants"],
                   color=["#c0392b" if n else "#2e86c1" for n in negative])
    for bar, neg, value in zip(bars, negative, frame["participants"]):
        if neg:
            bar.set_hatch("//")
        ax.annotate(f"{int(value)}" + ("  negative" if neg else ""), (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlabel("Participants who raised the theme")
    ax.set_ylabel("Theme")
    ax.set_xlim(0, float(frame["participants"].max()) * 1.3 + 0.5)
    ax.set_title("Top themes by participants (hatched: negative in tone)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


# -- entry points ------------------------------------------------------------------------------------
