"""kit.viz.base.save: a figure is rendered once, and the PNG is the one savefig would write."""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from kit.viz.base import save  # noqa: E402


def _figure():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar(["late payment", "invoicing", "tax"], [5, 3, 1])
    ax.set_title("Codes")
    fig.tight_layout()  # leaves a placeholder layout engine on the figure
    return fig


def test_a_laid_out_figure_is_drawn_once_and_saved_as_savefig_would(tmp_path):
    fig = _figure()
    engine = fig.get_layout_engine()
    assert engine is not None  # what made savefig draw the figure twice
    plain = io.BytesIO()
    fig.savefig(plain, dpi=110, format="png")
    draws = []
    fig.canvas.mpl_connect("draw_event", lambda event: draws.append(event))
    save(fig, tmp_path / "codes.png")
    assert len(draws) == 1
    assert (tmp_path / "codes.png").read_bytes() == plain.getvalue()
    assert fig.get_layout_engine() is engine  # the figure is left as it was
    plt.close(fig)


def test_a_constrained_layout_figure_is_still_laid_out_when_saved(tmp_path):
    fig, ax = plt.subplots(figsize=(4, 3), layout="constrained")
    ax.plot([0, 1], [0, 1])
    ax.set_ylabel("a long label that needs room")
    plain = io.BytesIO()
    fig.savefig(plain, dpi=110, format="png")
    save(fig, tmp_path / "line.png")
    assert (tmp_path / "line.png").read_bytes() == plain.getvalue()
    plt.close(fig)
