"""Cleaning the texts of a figure before it is written (the figure side of ``kit.outputs``)."""
from __future__ import annotations

import textwrap
from collections.abc import Callable

__all__ = ["clean_figure", "figure_texts", "keep_source", "write_figure"]


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
        source = getattr(artist, "kit_source", None)  # keep_source: the text before wrapping
        if source is not None and isinstance(source[0], str):
            raw, shown = source
            whole = clean(raw)
            cleaned = label if whole == raw else shown(whole)
        else:
            cleaned = _cleaned(label, clean)
        if cleaned != label:
            artist.set_text(cleaned)
        artist.set_parse_math(False)


def keep_source(artist, raw: str, shown) -> None:
    """Record that ``artist`` draws ``shown(raw)`` (a quote wrapped and cut to a sticky note):
    a figure cleaned for publishing (:func:`clean_figure`) cleans ``raw``, the
    whole text, and draws ``shown`` of that, so a phone number, email or name that the wrapping
    split over two lines, or that the cut left half of, is found whole."""
    artist.kit_source = (raw, shown)


def _cleaned(label, clean: Callable[[str], str]):
    """``clean(label)``; a text wrapped over lines (a quote card) is cleaned as one line and
    wrapped again to its widest line when that finds more (``07700`` / ``900123``, a first
    name at the end of one line and the surname on the next)."""
    cleaned = clean(label)
    if not isinstance(label, str) or "\n" not in label:
        return cleaned
    lines = label.split("\n")
    joined = " ".join(line.strip() for line in lines)
    flat = clean(joined)
    if flat == joined or flat == " ".join(line.strip() for line in cleaned.split("\n")):
        return cleaned
    return textwrap.fill(flat, width=max(len(line) for line in lines))


def figure_texts(fig) -> str:
    """Every non-empty text of a figure (titles, labels, tick labels, legends, annotations,
    quote cards), one per line, in drawing order: what a reader of the PNG can read."""
    import matplotlib.text

    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_visible()]
    for ax in fig.get_axes():
        for axis in (ax.xaxis, ax.yaxis):
            texts += [t.get_text() for t in axis.get_ticklabels()]
    seen = dict.fromkeys(t.strip() for t in texts if isinstance(t, str) and t.strip())
    return "\n".join(seen)


def write_figure(out, name, fig):
    """Write a matplotlib figure as PNG through an :class:`kit.outputs.Outputs` writer, after
    cleaning every text in it (titles, labels, tick labels, annotations) by the writer's rules
    for its kind. Returns the path written."""
    from kit.viz.base import save

    clean_figure(fig, out.clean)
    path = out.path(name)
    save(fig, path)
    return out.written_path(path)
