"""Study text that an attacker (or an ordinary price) makes awkward: every figure draws it as
written, never as mathtext (``$5 plan``, ``\\badmacro``)."""
from __future__ import annotations

import importlib
import inspect

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.text  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from kit.thematic_saturation import saturation  # noqa: E402
from kit.viz import base  # noqa: E402

# two dollars make matplotlib read the text between them as math; a backslash macro it does
# not know makes it fail ("Unknown symbol") when the figure is drawn
NASTY = ["Study $\\badmacro{$ title", "$5 plan", "$10 plan", "a \\alpha $x^2$ b"]
MODULES = ["base", "coding", "discovery", "guide", "program", "report", "sentiment"]


def _figure_functions():
    for name in MODULES:
        module = importlib.import_module(f"kit.viz.{name}")
        for attr in module.__all__:
            value = getattr(module, attr)
            if inspect.isfunction(value) and attr not in {"save", "place_labels", "literal_text",
                                                          "literal_figure"}:
                yield f"{name}.{attr}", value


@pytest.mark.parametrize("name,function", list(_figure_functions()))
def test_every_figure_function_draws_its_text_literally(name, function):
    assert getattr(function, "literal_text", False), f"{name} is not wrapped by literal_figure"


def _drawn_literally(fig, tmp_path, expected):
    path = tmp_path / "figure.png"
    base.save(fig, path)  # draws every text: raises on mathtext it cannot parse
    assert path.stat().st_size > 0
    texts = fig.findobj(matplotlib.text.Text)
    drawn = [t.get_text() for t in texts]
    for text in texts:
        assert not text.get_parse_math(), text.get_text()
        # what the renderer is given is the text itself, not mathtext
        assert text._preprocess_math(text.get_text()) == (text.get_text(), False)
    joined = "\n".join(drawn)
    for value in expected:
        assert value in joined, (value, drawn)
    plt.close(fig)


def test_saturation_curve_with_a_title_matplotlib_cannot_parse(tmp_path):
    from kit.viz import coding as cp

    result = saturation([{"$5 plan", "c1"}, {"$10 plan"}, set(), set()], base=1, run=2)
    _drawn_literally(cp.saturation_curve(result, title=NASTY[0]), tmp_path, [NASTY[0]])


def test_coding_figures_with_dollar_code_names(tmp_path):
    from kit.viz import coding as cp

    codes = NASTY[1:]
    table = pd.DataFrame({"code": codes, "share": [0.5, 0.3, 0.2], "participants": [3, 2, 1],
                          "mentions": [4, 3, 1], "mean_abs_compound": [0.4, 0.2, 0.1]})
    _drawn_literally(cp.frequency_bars(table, title=NASTY[0]), tmp_path, codes + [NASTY[0]])
    counts = pd.DataFrame([[3, 1, 0], [1, 2, 1], [0, 1, 1]], index=codes, columns=codes)
    _drawn_literally(cp.cooccurrence_heatmap(counts, title=NASTY[0]), tmp_path, codes)
    _drawn_literally(cp.cooccurrence_network(counts, title=NASTY[0]), tmp_path, [NASTY[0]])


def test_segment_and_quota_figures_with_dollar_segments(tmp_path):
    from kit.viz import program, report, sentiment

    scored = pd.DataFrame({"compound": [0.5, -0.4, 0.1, 0.0], "segment": ["$5 plan", "$10 plan"] * 2,
                           "participant": ["P1", "P2", "P3", "P4"]})
    _drawn_literally(sentiment.segment_chart(scored, title=NASTY[3]), tmp_path, ["$5 plan", NASTY[3]])
    coverage = pd.DataFrame({"segment": ["$5 plan", "$10 plan"], "completed": [2, 1], "scheduled": [1, 0],
                             "quota": [3, 3], "under_represented": [False, True]})
    _drawn_literally(program.quota_coverage_chart(coverage), tmp_path, ["$5 plan", "$10 plan"])
    themes = pd.DataFrame({"code": ["$5 plan", "$10 plan"], "participants": [3, 2],
                           "mean_compound": [-0.3, 0.2]})
    _drawn_literally(report.report_theme_chart(themes), tmp_path, ["$5 plan", "$10 plan"])
    _drawn_literally(base.empty_figure(NASTY[0], NASTY[3]), tmp_path, [NASTY[0], NASTY[3]])
