"""Figures for the notebooks and the report. Every figure has a title, labelled axes and a
readable size, and never relies on colour alone (hatching or labels carry the meaning too)."""
from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.ticker

__all__ = [
    "FIGSIZE", "talk_ratio_chart", "save", "empty_figure",
]

FIGSIZE = (8, 4.5)


def talk_ratio_chart(table, target: float = 0.20):
    """Horizontal bars of the interviewer's share of words per interview, with the target."""
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], max(2.5, 0.35 * len(table) + 1.2)))
    over = table["over_target"].tolist()
    bars = ax.barh(table["interview_id"], table["talk_ratio"],
                   color=["#c0392b" if o else "#2e86c1" for o in over])
    for bar, o in zip(bars, over):
        if o:
            bar.set_hatch("//")
    from matplotlib.patches import Patch

    line = ax.axvline(target, color="#333333", linestyle="--", linewidth=1)
    ax.legend([line, Patch(facecolor="#2e86c1"), Patch(facecolor="#c0392b", hatch="//")],
              [f"target: {target:.0%} or less", "within target", "over target"],
              loc="lower right", fontsize=9, framealpha=0.9)
    ax.set_xlabel("Interviewer's share of words")
    ax.set_ylabel("Interview")
    ax.set_xlim(0, max(0.5, float(table["talk_ratio"].max() or 0) + 0.05))
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.invert_yaxis()
    ax.set_title("Interviewer's share of talk per interview")
    fig.tight_layout()
    return fig


def save(fig, path) -> None:
    """Save a figure as PNG, writing to a temporary file first.

    In a notebook the saved PNG is shown and the figure closed, so what a notebook shows is
    the file the report uses and does not depend on matplotlib's backend (inline or Agg)."""
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    from kit.atomic import atomic_open

    # After fig.tight_layout() the figure keeps a placeholder layout engine that lays out
    # nothing, yet makes savefig draw the whole figure once more without rendering before it
    # renders the PNG: put away while saving, the same pixels cost one draw (issue 20).
    engine = fig.get_layout_engine()
    placeholder = isinstance(engine, PlaceHolderLayoutEngine)
    if placeholder:
        fig.set_layout_engine(None)
    try:
        with atomic_open(path, "wb") as fh:
            fig.savefig(fh, dpi=110, format="png")
    finally:
        if placeholder:
            fig.set_layout_engine(engine)
    _show_saved(fig, path)


def _show_saved(fig, path) -> None:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return
    from IPython.display import Image, display

    display(Image(data=path.read_bytes(), format="png"))
    plt.close(fig)


def empty_figure(title: str, message: str):
    """A small figure that says why there is nothing to draw (a notebook never fails on it)."""
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], 2.5))
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, transform=ax.transAxes)
    ax.set_axis_off()
    ax.set_title(title)
    fig.tight_layout()
    return fig
