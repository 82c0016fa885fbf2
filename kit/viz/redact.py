"""Cleaning the texts of a figure before it is written (the figure side of ``kit.outputs``)."""
from __future__ import annotations

from collections.abc import Callable

__all__ = ["clean_figure", "write_figure"]


def clean_figure(fig, clean: Callable[[str], str]) -> None:
    """Replace every text of a matplotlib figure (titles, axis and tick labels, legends,
    annotations) by ``clean(text)`` in place, where it changes."""
    import matplotlib.text

    from kit.viz.base import literal_text

    # Tick labels exist once the figure is laid out; laid out, not rendered: the one
    # rendering is the PNG's (issue 20: every figure was rendered twice).
    draw = getattr(fig, "draw_without_rendering", None)
    draw() if draw is not None else fig.canvas.draw()
    for ax in fig.get_axes():
        for axis in (ax.xaxis, ax.yaxis):
            labels = [t.get_text() for t in axis.get_ticklabels()]
            cleaned = [clean(t) for t in labels]
            if cleaned != labels:
                with literal_text():
                    axis.set_ticks(axis.get_ticklocs(), labels=cleaned)
    for artist in fig.findobj(matplotlib.text.Text):
        label = artist.get_text()
        cleaned = clean(label)
        if cleaned != label:
            artist.set_text(cleaned)
        artist.set_parse_math(False)


def write_figure(out, name, fig):
    """Write a matplotlib figure as PNG through an :class:`kit.outputs.Outputs` writer, after
    cleaning every text in it (titles, labels, tick labels, annotations) by the writer's rules
    for its kind. Returns the path written."""
    from kit.viz.base import save

    clean_figure(fig, out.clean)
    path = out.path(name)
    save(fig, path)
    return out.written_path(path)
