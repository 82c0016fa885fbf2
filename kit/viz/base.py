"""Figures for the notebooks and the report. Every figure has a title, labelled axes and a
readable size, and never relies on colour alone (hatching or labels carry the meaning too)."""
from __future__ import annotations

import functools

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.text
import matplotlib.ticker

__all__ = [
    "BARS_UP_TO", "FIGSIZE", "literal_text", "literal_figure", "talk_ratio_chart", "save", "empty_figure",
]

FIGSIZE = (8, 4.5)
#: Up to this many interviews the talk-ratio chart has a bar for each (labelled by its id).
BARS_UP_TO = 60


def literal_text():
    """A context in which every text matplotlib creates is drawn as written: a study's
    ``$5 plan`` or ``\\badmacro`` is never read as mathtext (``text.parse_math`` off)."""
    return matplotlib.rc_context({"text.parse_math": False})


def literal_figure(draw):
    """Decorator of every figure function of :mod:`kit.viz`: the figure is built inside
    :func:`literal_text` and every text in it (titles, labels, tick labels, annotations,
    legends) is then set to be drawn literally, so study text never reaches mathtext."""
    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        with literal_text():
            fig = draw(*args, **kwargs)
        if fig is not None and hasattr(fig, "findobj"):
            for text in fig.findobj(matplotlib.text.Text):
                text.set_parse_math(False)
        return fig

    wrapper.literal_text = True
    return wrapper


@literal_figure
def talk_ratio_chart(table, target: float = 0.20):
    """Horizontal bars of the interviewer's share of words per interview, with the target.
    Beyond :data:`BARS_UP_TO` interviews, how many interviews had each share (a histogram in
    steps of 2.5 points, those over the target hatched): a bar per interview would make a
    figure hundreds of inches tall whose labels nobody can read (the table lists each one)."""
    if len(table) > BARS_UP_TO:
        return _talk_ratio_histogram(table, target)
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


def _talk_ratio_histogram(table, target: float):
    import numpy as np
    from matplotlib.patches import Patch

    ratios = table["talk_ratio"].astype(float).to_numpy()
    top = max(0.5, float(np.nanmax(ratios)) if len(ratios) else 0.0) + 0.05
    step = 0.025
    edges = np.arange(0.0, top + step, step)
    flagged = table["over_target"].astype(bool).to_numpy()
    shown = ~np.isnan(ratios)
    within, _ = np.histogram(ratios[shown & ~flagged], bins=edges)  # coloured by the table's own flag
    over, _ = np.histogram(ratios[shown & flagged], bins=edges)
    fig, ax = plt.subplots(figsize=FIGSIZE)
    ax.bar(edges[:-1], within, width=step, align="edge", edgecolor="white", linewidth=0.5, color="#2e86c1")
    ax.bar(edges[:-1], over, bottom=within, width=step, align="edge", edgecolor="white", linewidth=0.5,
           color="#c0392b", hatch="//")
    line = ax.axvline(target, color="#333333", linestyle="--", linewidth=1)
    n_over = int(table["over_target"].sum())
    ax.legend([line, Patch(facecolor="#2e86c1"), Patch(facecolor="#c0392b", hatch="//")],
              [f"target: {target:.0%} or less", "within target", f"over target ({n_over} interviews)"],
              loc="upper right", fontsize=9, framealpha=0.9)
    ax.set_xlabel("Interviewer's share of words")
    ax.set_ylabel("Interviews")
    ax.set_xlim(0, top)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_title(f"Interviewer's share of talk in {len(table)} interviews (each one in the table)")
    fig.tight_layout()
    return fig


def save(fig, path) -> None:
    """Save a figure as PNG, writing to a temporary file first.

    Saved into a folder a notebook publishes to (:func:`kit.outputs.publish_to`), every text
    of the figure is first cleaned by that writer (:func:`kit.outputs.published_writer`), so a
    quote card, a code's name or a tick label shows ``[name]``, ``[phone]`` where a table
    would; the texts drawn are then kept in the PNG's ``Description`` text chunk, where
    ``run``'s final privacy scan (:func:`kit.privacy.find_leaks`) reads them.

    In a notebook the saved PNG is shown and the figure closed, so what a notebook shows is
    the file the report uses and does not depend on matplotlib's backend (inline or Agg)."""
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    from kit.atomic import atomic_open
    from kit.outputs import published_writer
    from kit.viz.redact import clean_figure, figure_texts

    writer = published_writer(path)
    metadata = {}
    if writer is not None:  # a published folder: the figure's texts follow the tables' rules
        clean_figure(fig, writer.clean)  # lays the figure out: its tick labels are there now
        metadata["Description"] = figure_texts(fig)

    # After fig.tight_layout() the figure keeps a placeholder layout engine that lays out
    # nothing, yet makes savefig draw the whole figure once more without rendering before it
    # renders the PNG: put away while saving, the same pixels cost one draw (issue 20).
    engine = fig.get_layout_engine()
    placeholder = isinstance(engine, PlaceHolderLayoutEngine)
    if placeholder:
        fig.set_layout_engine(None)
    try:
        with literal_text(), atomic_open(path, "wb") as fh:
            fig.savefig(fh, dpi=110, format="png", metadata=metadata)
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


@literal_figure
def empty_figure(title: str, message: str):
    """A small figure that says why there is nothing to draw (a notebook never fails on it)."""
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], 2.5))
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, transform=ax.transAxes)
    ax.set_axis_off()
    ax.set_title(title)
    fig.tight_layout()
    return fig
