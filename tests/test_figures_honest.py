"""The figures of the coding and program steps: what they draw is the right value (worked by
hand) and their labels stay readable (inside the figure, not on top of each other)."""
from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from kit.viz import coding as cp  # noqa: E402
from kit.viz import program as program_plots  # noqa: E402
from kit.thematic_saturation import saturation  # noqa: E402


def _boxes(fig, texts):
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    # the words only: an annotation's own extent includes its leader line
    return [Text.get_window_extent(t, renderer) for t in texts if t.get_text().strip()]


def test_agreement_bars_draw_only_codes_with_enough_uses_and_keep_labels_inside():
    table = pd.DataFrame([
        {"code": "late", "kappa": 1.0, "band": "almost perfect", "uses": 8},
        {"code": "fees", "kappa": 0.5, "band": "moderate", "uses": 4},
        {"code": "tools", "kappa": 0.0, "band": "too few to tell", "uses": 1},
        {"code": "cash", "kappa": math.nan, "band": "undefined", "uses": 5},
    ])
    fig = cp.agreement_bars(table, coders=("ana", "ben"))
    ax = fig.axes[0]
    widths = sorted(bar.get_width() for container in ax.containers for bar in container)
    assert widths == [0.5, 1.0]  # no bar for the code used once, none for the undefined kappa
    texts = [t.get_text() for t in ax.texts]
    assert "too few to tell (1 use(s))" in texts and "undefined (one category only)" in texts
    assert "1.00 almost perfect" in texts
    figure_box = fig.bbox
    for box in _boxes(fig, ax.texts):
        assert figure_box.x0 <= box.x0 and box.x1 <= figure_box.x1
    plt.close(fig)


def test_agreement_bars_without_a_band_column_draw_every_kappa():
    # a table without "band" (kappas computed elsewhere): every defined kappa gets a bar
    table = pd.DataFrame({"code": ["late", "fees"], "kappa": [0.8, 0.3], "uses": [6, 5]})
    fig = cp.agreement_bars(table)
    widths = sorted(bar.get_width() for container in fig.axes[0].containers for bar in container)
    assert widths == [0.3, 0.8]
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "0.80 substantial" in texts and "0.30 fair" in texts  # Landis & Koch, upper bounds inclusive
    plt.close(fig)


def test_intensity_labels_of_the_pilot_do_not_overlap(pilot_dir):
    import kit
    from kit import themes

    study = kit.load_study(pilot_dir, strict=False)
    made = themes.study_themes(study)
    table = themes.theme_table(made["coded"], themes.segment_scores(study.segments()), made["n_participants"],
                               codes=study.codebook.names, rules=made["rules"])
    fig = cp.intensity_chart(table)
    labels = [t for t in fig.axes[0].texts if t.get_text() in set(table["code"])]
    boxes = _boxes(fig, labels)
    assert len(boxes) == int(table["mean_abs_compound"].notna().sum())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    plt.close(fig)


def test_intensity_labels_do_not_overlap():
    # six codes crowded around one point, as in the pilot's 44% cluster
    table = pd.DataFrame({"code": [f"code-number-{i}" for i in range(6)],
                          "share": [0.44, 0.445, 0.44, 0.45, 0.435, 0.61],
                          "mean_abs_compound": [0.41, 0.39, 0.37, 0.40, 0.38, 0.39],
                          "mentions": [10, 12, 8, 9, 11, 20]})
    fig = cp.intensity_chart(table)
    ax = fig.axes[0]
    labels = [t for t in ax.texts if t.get_text().startswith("code-number")]
    assert sorted(t.get_text() for t in labels) == sorted(table["code"])
    boxes = _boxes(fig, labels)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    plt.close(fig)


def test_saturation_legend_is_outside_and_both_criteria_are_marked():
    # 20 codes in the base; interviews 2-3 add 1 (5%: saturated at 3); 3-4 add none (0%: at 4)
    result = saturation([{f"c{i}" for i in range(20)}, {"new"}, set(), set()], base=1, run=2)
    fig = cp.saturation_curve(result)
    ax = fig.axes[0]
    fig.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    assert legend.y1 <= ax.get_window_extent().y0  # below the axes, over nothing
    zero = [line for line in ax.lines if line.get_label() == "no new code at all (0%)"]
    assert len(zero) == 1 and list(zero[0].get_xdata()) == [4]
    assert "saturation at 3 interviews" in " ".join(t.get_text() for t in ax.texts)
    plt.close(fig)
    # every label inside the figure, and the 6-interview mark's label clear of the others
    result = saturation([{f"c{i}" for i in range(20)}, {"new"}, set(), set(), {"x"}, set(), set()], base=1, run=2)
    fig = cp.saturation_curve(result)
    boxes = _boxes(fig, fig.axes[0].texts)
    for box in boxes:
        assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    plt.close(fig)


def test_roi_chart_in_words_with_the_credited_range():
    costs = pd.DataFrame({"category": ["analysis_time", "interviewer_time"], "entries": [1, 1],
                          "hours": [2.0, 3.0], "amount": [200.0, 300.0], "share": [0.4, 0.6]})
    values = pd.DataFrame({"value_kind": ["risk_avoided"], "decisions": [1], "valued": [1],
                           "estimated_value": [3000.0]})
    # 3000 credited at 10% to 50%: 300 to 1500; ROI (300 - 500) / 500 = -0.4 to 2.0
    fig = program_plots.roi_chart(costs, values, "EUR", (-0.4, 2.0), credited=(300.0, 1500.0))
    left, right = fig.axes
    assert [t.get_text() for t in left.get_yticklabels()] == ["Analysis time", "Interviewer time"]
    assert "_" not in " ".join(t.get_text() for t in right.get_legend().get_texts())
    at_two = sorted((bar.get_y(), bar.get_height()) for bar in right.patches
                    if abs(bar.get_x() + bar.get_width() / 2 - 2) < 1e-9)
    assert at_two == [(0.0, 300.0), (300.0, 1200.0)]
    assert "-0.40 to 2.00" in fig._suptitle.get_text()
    plt.close(fig)
