"""kit.feelings: sentiment per turn, participant, segment and week, with the ±0.05 labels."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import kit
from kit import feelings, nltkdata, sentiment


def _scored(values, **columns):
    n = len(values)
    frame = pd.DataFrame({"segment_id": [f"INT-1#t{i + 1}" for i in range(n)], "interview_id": ["INT-1"] * n,
                          "participant": ["P-1"] * n, "kind": ["turn"] * n, "date": [date(2026, 1, 5)] * n,
                          "text": ["x"] * n, "compound": values})
    for name, value in columns.items():
        frame[name] = value
    return frame


def test_labels_use_the_conventional_thresholds():
    scored = _scored([-0.6, -0.05, -0.0499, 0.0, 0.05, 0.7])
    table = feelings.summarize(scored)
    row = table.iloc[0]
    # -0.05 is negative and 0.05 positive (>= / <=), -0.0499 and 0 neutral.
    assert (row.n, row.n_negative, row.n_neutral, row.n_positive) == (6, 2, 2, 2)
    assert row.share_negative == pytest.approx(2 / 6)
    assert (row.strong_negative, row.strong_positive) == (1, 1)
    assert row.mean_abs_compound == pytest.approx((0.6 + 0.05 + 0.0499 + 0 + 0.05 + 0.7) / 6)
    assert row.mean_compound == pytest.approx((-0.6 - 0.05 - 0.0499 + 0.05 + 0.7) / 6)
    assert row.median_compound == pytest.approx((-0.0499 + 0.0) / 2)
    # intensity: how often x how strongly = summed |compound| of the negative ones / n
    assert row.negative_intensity == pytest.approx((0.6 + 0.05) / 6)
    assert row.positive_intensity == pytest.approx((0.05 + 0.7) / 6)


def test_summarize_by_group_and_missing_scores():
    scored = _scored([-0.8, 0.4, float("nan"), 0.9], segment=["a", "a", "a", "b"])
    table = feelings.summarize(scored, by="segment")
    assert list(table["segment"]) == ["a", "b"]
    a = table.iloc[0]
    assert a.n == 2  # the NaN score is left out
    assert a.negative_intensity == pytest.approx(0.8 / 2)
    assert table.iloc[1].share_positive == 1.0


def test_score_takes_participant_turns_only_and_matches_nltk(study_dir):
    study = kit.load_study(study_dir)
    scored = feelings.score(study)
    assert list(scored["segment_id"]) == ["INT-001#t2", "INT-001#t4"]
    assert set(scored["participant"]) == {"P-1"}
    assert list(scored["segment"]) == ["small", "small"]
    assert list(scored["date"]) == [date(2026, 1, 5)] * 2
    analyzer = nltkdata.nltk_analyzer()
    for text, value, label in zip(scored["text"], scored["compound"], scored["label"]):
        assert value == analyzer.polarity_scores(text)["compound"]
        assert label == sentiment.label(value)


def test_score_other_kinds(study_dir):
    scored = feelings.score(study_dir, kinds=("quote", "insight"))
    assert set(scored["kind"]) == {"quote", "insight"}
    assert len(scored) == 5


def test_by_participant_and_by_segment():
    scored = pd.concat([
        _scored([-0.9, -0.7], segment="a"),
        _scored([0.5, 0.3, -0.1], segment="b").assign(participant="P-2"),
        _scored([0.2], segment="b").assign(participant="P-3"),
    ], ignore_index=True)
    people = feelings.by_participant(scored)
    assert list(people["participant"]) == ["P-1", "P-2", "P-3"]  # most negative first
    assert people.iloc[0].negative_intensity == pytest.approx(0.8)
    seg = feelings.by_segment(scored)
    assert list(seg["participants"]) == [1, 2]
    assert list(seg["n"]) == [2, 4]
    with pytest.raises(ValueError, match="region"):
        feelings.by_segment(scored, attribute="region")


def test_trend_by_week_starts_on_monday():
    scored = pd.concat([
        _scored([0.5]).assign(date=date(2026, 1, 5), interview_id="INT-1"),   # Monday
        _scored([-0.5]).assign(date=date(2026, 1, 11), interview_id="INT-2"),  # Sunday, same week
        _scored([0.2]).assign(date=date(2026, 1, 12), interview_id="INT-3"),   # next Monday
        _scored([0.9]).assign(date=None, interview_id="INT-4"),                # undated: left out
    ], ignore_index=True)
    table = feelings.trend(scored)
    assert list(table["period"]) == [date(2026, 1, 5), date(2026, 1, 12)]
    assert list(table["interviews"]) == [2, 1]
    assert table.iloc[0].mean_compound == pytest.approx(0.0)
    by_label = feelings.trend(scored.assign(sprint=["S1", "S1", "S2", "S2"]), by="sprint")
    assert list(by_label["period"]) == ["S1", "S2"] and list(by_label["n"]) == [2, 2]
    with pytest.raises(ValueError):
        feelings.trend(scored, by="quarter")


def test_distribution_counts_every_score_once():
    scored = _scored([-1.0, -0.95, 0.0, 0.049, 1.0])
    table = feelings.distribution(scored, bins=20)
    assert table["count"].sum() == 5
    assert table.iloc[0]["count"] == 2  # [-1.0, -0.9)
    assert table.iloc[-1]["count"] == 1  # 1.0 falls in the last, closed bin
    assert table.iloc[10]["count"] == 2  # [0.0, 0.1)


def test_pilot_figures():
    study = kit.load_study(kit.paths.pilot_path())
    scored = feelings.score(study)
    assert len(scored) == int((study.turns["role"] == "participant").sum())
    total = feelings.summarize(scored).iloc[0]
    assert total.n_negative + total.n_neutral + total.n_positive == total.n == len(scored)
    assert feelings.by_segment(scored)["n"].sum() == len(scored)


@pytest.mark.slow  # draws every figure, about 2 s
def test_figures_have_titles_labels_and_handle_empty_tables():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kit import journey, language, sentiment_plots

    study = kit.load_study(kit.paths.pilot_path())
    scored = feelings.score(study)
    mapped = journey.map_stages(study)
    staged = feelings.score(study, kinds=("turn", "insight"))
    shares, counts = journey.stage_heatmap(mapped, staged, study.stages)
    words = language.participant_words(study)
    figures = [sentiment_plots.distribution_chart(scored), sentiment_plots.segment_chart(scored),
               sentiment_plots.trend_chart(feelings.trend(scored)),
               sentiment_plots.stage_heatmap_chart(shares, counts),
               sentiment_plots.keyness_chart(language.keyness_by(words, "segment"), group="trades")]
    for fig in figures:
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        width, height = fig.get_size_inches()
        assert width >= 6 and height >= 2.5
    # the heatmap writes every share and count in its cells
    texts = [t.get_text() for t in figures[3].axes[0].texts]
    assert f"(n = {int(counts.loc['invoice', 'negative'])})" in " ".join(texts)
    empty = feelings.score(study).iloc[0:0]
    for fig in (sentiment_plots.distribution_chart(empty), sentiment_plots.segment_chart(empty),
                sentiment_plots.trend_chart(feelings.trend(empty))):
        assert fig.axes[0].get_title()
    plt.close("all")
