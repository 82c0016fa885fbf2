"""Session 14 attacker A3 (remainder): two codes whose names redact to the same text (``beata-kowalski``
and ``Okafor``, both participants' names) became two identical ``[name]`` rows in the published tables,
index.html and figures. Every output that shows a code name through the writer now shows them apart,
numbered by their place in the codebook: ``[name] (code 1)``, ``[name] (code 2)``, the same in every
table, figure and run."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from kit.codebook import distinct_shown
from kit.outputs import PUBLISHED, WORKING, Outputs

INPUT = Path(__file__).parent / "data" / "attack-s14" / "s2-codes"


@pytest.fixture()
def study(tmp_path):
    folder = tmp_path / "s2"
    shutil.copytree(INPUT, folder)
    return folder


def test_codes_that_redact_alike_are_numbered_in_every_table(study, tmp_path):
    out = Outputs(tmp_path / "out", study=study, kind=PUBLISHED)
    frame = pd.DataFrame({"code": ["getting-paid", "beata-kowalski", "Okafor"], "mentions": [3, 1, 1]})
    shown = out.frame(frame)["code"].tolist()
    assert shown == ["getting-paid", "[name] (code 1)", "[name] (code 2)"]
    # another table with the codes in another order, one of them alone: the same label for the same code
    other = out.frame(pd.DataFrame({"code_a": ["Okafor"], "code_b": ["getting-paid"]}))
    assert other.iloc[0].tolist() == ["[name] (code 2)", "getting-paid"]
    # a JSON value and a line of text that is a code name, as a figure's tick label or legend is
    assert out.clean_value({"codes": ["Okafor", "beata-kowalski"]}) == {"codes": ["[name] (code 2)", "[name] (code 1)"]}
    assert out.clean("OKAFOR") == "[NAME] (CODE 2)"  # the affinity map's upper-case heading
    # elsewhere in a text the name is just a name
    assert out.clean("Dana Okafor said so") == "[name] said so"


def test_include_names_and_a_writer_without_the_study_keep_their_ways(study, tmp_path):
    # a working output (and the export, which numbers its own: [name 1], kit.qdpx.distinct_names) as before
    assert Outputs(tmp_path / "w", study=study, kind=WORKING).clean("Okafor") == "[name]"
    assert Outputs(tmp_path / "a", study=study, include_names=True).clean("Okafor") == "Okafor"
    assert Outputs(tmp_path / "b").clean("Okafor") == "Okafor"  # no roster: nothing to number


def test_a_figure_shows_them_apart(study, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kit.viz.redact import figure_texts, write_figure

    out = Outputs(tmp_path / "out", study=study, kind=PUBLISHED)
    fig, ax = plt.subplots()
    ax.barh(["getting-paid", "beata-kowalski", "Okafor"], [3, 1, 1], label="Okafor")
    ax.legend()
    path = write_figure(out, "figures/frequency.png", fig)
    texts = figure_texts(fig).splitlines()
    plt.close(fig)
    assert path.is_file()
    assert "[name] (code 1)" in texts and "[name] (code 2)" in texts
    assert not any("Okafor" in t or "kowalski" in t.lower() for t in texts)


def test_numbering_follows_the_codebook_and_leaves_distinct_names_alone():
    def clean(name):
        return "[name]" if name in ("Okafor", "beata-kowalski", "Lee") else name

    assert distinct_shown(["getting-paid", "beata-kowalski", "Okafor"], clean) == {
        "beata-kowalski": "[name] (code 1)", "okafor": "[name] (code 2)"}
    assert distinct_shown(["getting-paid", "Lee"], clean) == {}  # one code reads [name]: nothing to tell apart
