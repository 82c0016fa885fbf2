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


# -- lint-guide: invisible characters, type names, empty files -----------------------------
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u200e", "\ufeff"]


@pytest.mark.parametrize("mark", INVISIBLE)
def test_invisible_characters_do_not_hide_a_flag(mark, tmp_path):
    from kit.guide import lint_file, lint_question

    usually = lint_question(f"What do you usu{mark}ally do when a client pays late?")
    assert "generalizing" in usually["flags"]
    assert usually["question"] == "What do you usually do when a client pays late?"
    both = lint_question(f"How did you feel about the price an{mark}d the design?")
    assert "double-barreled" in both["flags"]
    # the rewrite is built from the text as read: no word cut in two
    for text in (f"Do you like the price an{mark}d the design?", f"Do you like the price a{mark}nd the design?"):
        got = lint_question(text)
        assert got["flags"] and " a d " not in got["suggestion"] and " a nd " not in got["suggestion"]
        assert mark not in got["suggestion"] and mark not in got["question"]
    guide = tmp_path / "guide.txt"  # read from a file: the same flags, the same line numbers
    guide.write_text(f"Tell me about the last time you sent an invoice.\nWhat do you usu{mark}ally do?\n",
                     encoding="utf-8")
    result, _ = lint_file(guide)
    assert "generalizing" in result["questions"][1]["flags"] and result["questions"][1]["line"] == 2


def test_composed_and_decomposed_accents_lint_alike():
    from kit.guide import lint_question

    assert lint_question("Caf\u00e9 owners: what do you usually do?")["question"] == \
        lint_question("Cafe\u0301 owners: what do you usually do?")["question"]


def test_a_question_that_is_not_text_is_named_in_user_words(tmp_path):
    from kit.guide import lint_file

    guide = tmp_path / "guide.yml"
    guide.write_text('questions:\n  - 5\n  - 1.5e3\n  - [a, b]\n  - ""\n  - text: true\n  - text: {a: b}\n'
                     '  - Tell me about the last time you sent an invoice.\n', encoding="utf-8")
    result, problems = lint_file(guide)
    said = {p.line: p.message for p in problems}
    assert said[2].endswith("not a number") and said[3].endswith("not a number")
    assert said[4].endswith("not a list") and said[5].endswith("not empty")
    assert said[6].endswith("not true/false") and "mapping" in said[7]
    for message in said.values():  # what it got, in words: never a Python type's name
        got = message.rsplit(", not ", 1)[1]
        assert not any(name in got for name in ("int", "float", "SpelledFloat", "str", "bool", "dict", "NoneType"))
    assert len(result["questions"]) == 1


@pytest.mark.parametrize("name", ["guide.txt", "guide.yml", "guide.yaml"])
@pytest.mark.parametrize("content", ["", "\n\n", "# nothing yet\n"])
def test_an_empty_guide_exits_the_same_whatever_its_kind(name, content, tmp_path, capsys):
    from kit.cli import main

    guide = tmp_path / name
    guide.write_text(content, encoding="utf-8")
    code = main(["lint-guide", str(guide)])
    said = capsys.readouterr()
    # readable, with no question: a structure error (exit 1), never "unreadable" (2)
    assert code == 1, said.err
    assert "no questions" in said.out + said.err
    assert "Traceback" not in said.err


# -- transcripts: times going backwards --------------------------------------------------
BACKWARDS = ("WEBVTT\n\n00:05:00.000 --> 00:05:04.000\nAlex Morgan: Tell me about the last time.\n\n"
             "00:01:00.000 --> 00:00:30.000\nJordan: It was late.\n\n"
             "00:00:10.000 --> 00:00:12.000\nJordan: Then it failed.\n\n"
             "00:00:50.000 --> 00:00:55.000\nJordan: And then?\n\n"
             "00:00:20.000 --> 00:00:22.000\nJordan: Back again.\n")


def test_times_going_backwards_never_make_a_turn_end_before_it_starts():
    import math

    from kit.transcripts import parse_transcript

    df = parse_transcript(BACKWARDS, "INT-204.vtt")
    assert list(df["speaker"]) == ["Alex Morgan", "Jordan"]
    # every cue's words are kept, in order
    assert df["text"].iloc[1] == "It was late. Then it failed. And then? Back again."
    for start, end in zip(df["start"], df["end"]):
        assert math.isnan(start) or math.isnan(end) or end >= start, (start, end)
    # the cue that ends before it starts gives its text, not its times; a later cue's end that
    # is before the turn's end so far does not pull the end back
    assert math.isnan(df["start"].iloc[1]) and df["end"].iloc[1] == 55.0
    lines = {p.line: p.message for p in df.attrs["problems"]}
    assert "before it starts" in lines[6] and "without times" in lines[6]
    assert "backwards" in lines[9] and "backwards" in lines[15]  # still warned at its line


def test_a_cue_going_back_within_a_turn_keeps_the_turn_possible():
    from kit.transcripts import parse_transcript

    df = parse_transcript("WEBVTT\n\n00:01:00.000 --> 00:01:05.000\nJordan: First.\n\n"
                          "00:00:10.000 --> 00:00:12.000\nJordan: Earlier.\n", "x.vtt")
    assert (df["start"].iloc[0], df["end"].iloc[0]) == (60.0, 65.0)
    assert df["text"].iloc[0] == "First. Earlier."
