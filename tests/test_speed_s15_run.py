"""`run` at thousands of interviews (session 14 newcomer F10): the faster paths of notebooks 03,
04 and 09 give what the plain ones gave. No timings here (benchmarks/run_scale.py measures)."""
from __future__ import annotations

import math
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from kit.viz import coding as cp  # noqa: E402
from kit import plots  # noqa: E402
from kit.discovery import loop  # noqa: E402
from kit.speaker_words import words_of  # noqa: E402
from kit.thematic_saturation import saturation  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from run_scale import generate  # noqa: E402

SENTENCE = "The download got stuck and I lost my place in the audiobook."
OTHER = "My loan expired before I finished so I had to wait again for weeks."


def _segments(rows):
    return pd.DataFrame(rows, columns=["participant", "text"])


def _plain_found(segments, participant, own, body):
    """The guard as it was: every text of every other participant compared with the draft."""
    for seg in segments:
        for who, text in zip(seg["participant"].tolist(), seg["text"].tolist()):
            text = str(text).strip()
            if len(text.split()) < loop.GUARD_MIN_WORDS:
                continue
            pieces = [text] + [p.strip() for p in loop._SENTENCE.split(text) if len(p.split()) >= loop.GUARD_MIN_WORDS]
            for piece in pieces:
                mark = loop._as_quoted(piece)
                if (not isinstance(who, str) or who != participant) and text not in own and mark in body:
                    return mark
    return None


CASES = [
    # (segments rows, participant, own texts, draft body)
    ([("P-1", SENTENCE)], "P-1", set(), SENTENCE),  # only they said it
    ([("P-1", SENTENCE), ("P-2", SENTENCE)], "P-1", set(), SENTENCE),  # someone else too
    ([("P-1", SENTENCE), ("P-2", SENTENCE)], "P-1", {SENTENCE}, SENTENCE),  # theirs too: own
    ([("P-2", SENTENCE)] * 50, "P-1", set(), "Hi. " + SENTENCE),  # fifty others, one entry
    ([("P-2", SENTENCE)] * 50, "P-2", set(), SENTENCE),  # fifty times the same person
    ([(None, SENTENCE)], "P-1", set(), SENTENCE),  # a third speaker's: nobody's, somebody else
    ([(float("nan"), SENTENCE), ("P-1", SENTENCE)], "P-1", set(), SENTENCE),
    ([("P-1", SENTENCE + " " + OTHER), ("P-2", OTHER)], "P-1", set(), OTHER),  # a sentence of a turn
    ([("P-1", SENTENCE + " " + OTHER), ("P-2", OTHER)], "P-1", {OTHER}, OTHER),
    ([("P-2", "  " + SENTENCE.upper() + "  ")], "P-1", set(), SENTENCE),  # folded
    ([("P-2", "too short to tell")], "P-1", set(), "too short to tell"),
    ([("P-2", OTHER)], "P-1", set(), SENTENCE),  # not in the draft
]


@pytest.mark.parametrize("rows, participant, own, body", CASES)
def test_the_guard_finds_what_comparing_every_text_found(rows, participant, own, body):
    segments = [_segments(rows)]
    body = loop._normalise(body)
    guard = loop._Guard(segments)
    got = guard.others(participant, own).found(body)
    expected = _plain_found(segments, participant, own, body)
    assert (got is None) == (expected is None)
    if expected is not None:
        assert got in body and loop._as_quoted(SENTENCE) in body or loop._as_quoted(OTHER) in body


def test_the_guard_keeps_a_sentence_said_by_many_once():
    guard = loop._Guard([_segments([(f"P-{i}", SENTENCE) for i in range(300)])])
    entries = [e for bucket in guard._by_pair.values() for e in bucket]
    assert len(entries) == 1
    mark, texts = entries[0]
    assert texts == {SENTENCE: {f"P-{i}" for i in range(300)}}


@pytest.mark.parametrize("which", ["pilot", "generated"])
def test_own_words_split_once_is_the_whole_frames_filtered(which, pilot_dir, tmp_path):
    """_own_words with the study split by interview (as the drafts now use it) against the
    rule applied to the whole frames, for every interview of the pilot and of a generated study."""
    from kit.study import load_study

    study = load_study(pilot_dir if which == "pilot" else generate(tmp_path / "s", 20), strict=False)
    with loop._split_once([study]):
        split = {iid: loop._own_words(study, iid) for iid in study.interviews["interview_id"]}
    for iid in study.interviews["interview_id"]:
        participant = study.interviews.loc[study.interviews["interview_id"] == iid, "participant"]
        participant = str(participant.iloc[0] or "") if len(participant) else ""
        expected = [("quote", t) for t in words_of(study.quotes, iid, participant)["text"]]
        for text in words_of(study.turns, iid, participant)["text"]:
            expected += [("turn", s.strip()) for s in loop._SENTENCE.split(str(text)) if len(s.split()) >= 5]
        assert split[iid] == expected
        assert loop._own_words(study, iid) == expected  # outside the block: the same, split on the spot
    assert not loop._SPLIT  # nothing held once the drafts are made
    assert loop._own_words(study, "INT-NOPE") == []


def test_drafts_of_a_study_where_everyone_says_the_same(tmp_path, monkeypatch):
    """Thank-you drafts and "you said, we did" of a study where many say the same sentences:
    the same tables as with the guard comparing every text of every other participant."""
    from kit.study import load_study

    study = load_study(generate(tmp_path / "s", 16), strict=False)
    fast = loop.thank_you_drafts(study)
    segments = [study.segments()]

    found = []

    def plain(self, body):
        found.append(_plain_found(segments, self.participant, self.own, body))
        return found[-1]

    monkeypatch.setattr(loop._Others, "found", plain)
    monkeypatch.setattr(loop, "_split_of", loop._ByInterview)  # and the study filtered for each interview
    plain_drafts = loop.thank_you_drafts(study)
    pd.testing.assert_frame_equal(fast, plain_drafts)
    assert len(fast) == 16 and fast["lines"].sum() > 0
    assert len(found) >= 16  # every draft was checked by the plain guard


def _ratios(n, seed=0):
    r = np.random.default_rng(seed).beta(2, 6, n)
    r[0] = 0.20  # on the target: within it
    return pd.DataFrame({"interview_id": [f"INT-{i:04d}" for i in range(n)], "talk_ratio": r, "over_target": r > 0.20})


def test_talk_ratio_chart_a_bar_per_interview_up_to_the_limit():
    table = _ratios(plots.BARS_UP_TO)
    fig = plots.talk_ratio_chart(table)
    ax = fig.axes[0]
    assert len(ax.patches) == len(table)
    assert [t.get_text() for t in ax.get_yticklabels()] == table["interview_id"].tolist()
    plt.close(fig)


@pytest.mark.parametrize("n", [plots.BARS_UP_TO + 1, 2000])
def test_talk_ratio_chart_beyond_the_limit_counts_every_interview_once(n):
    table = _ratios(n)
    fig = plots.talk_ratio_chart(table)
    ax = fig.axes[0]
    within = [p for p in ax.patches if not p.get_hatch()]
    over = [p for p in ax.patches if p.get_hatch()]
    assert round(sum(p.get_height() for p in within)) == int((~table["over_target"]).sum())
    assert round(sum(p.get_height() for p in over)) == int(table["over_target"].sum())
    assert len(ax.patches) < 100  # not one per interview
    texts = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    assert f"{n} interviews" in texts and f"over target ({int(table['over_target'].sum())} interviews)" in texts
    plt.close(fig)


def _result(n):
    rng = np.random.default_rng(1)
    return saturation([{f"c{k}" for k in rng.integers(0, 30, 3)} for _ in range(n)], base=6, run=2, threshold=0.05)


def test_saturation_curve_every_interview_up_to_the_limit():
    n = cp.EVERY_TICK
    result = _result(n)
    fig = cp.saturation_curve(result)
    ax = fig.axes[0]
    assert list(ax.get_xticks()) == list(range(1, n + 1))
    bars = [p for p in ax.patches if p.get_label() != "_nolegend_" or p.get_hatch() == "//"]
    assert sum(1 for p in ax.patches if p.get_hatch() == "//") == n
    assert bars
    plt.close(fig)


def test_saturation_curve_beyond_the_limit_one_patch_same_heights():
    n = 2000
    result = _result(n)
    fig = cp.saturation_curve(result)
    ax = fig.axes[0]
    assert len(ax.get_xticks()) <= 12
    steps = [p for p in ax.patches if p.get_hatch() == "//"]
    assert len(steps) == 1
    # the step patch reaches each interview's number of new codes over that interview
    verts = steps[0].get_path().vertices
    heights = {}
    for x, y in verts:
        if not math.isnan(x):
            heights.setdefault(round(x - 0.5), set()).add(round(y))
    for i, count in enumerate(result["new_per_interview"][:50]):
        assert count in heights.get(i, set()) | heights.get(i + 1, set())
    plt.close(fig)
