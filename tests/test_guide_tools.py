"""Tests for the guide tools: the printable guide (kit.guide_export), the editor and
training widgets' pure functions and wiring (kit.guide_widgets, no browser needed), and the
figures (kit.guide_plots)."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

import kit  # noqa: E402
from kit import guide_plots, guide_widgets  # noqa: E402
from kit.errors import StudyError  # noqa: E402
from kit.guide import lint_guide, lint_question  # noqa: E402
from kit.guide_export import checklist, export_guide, guide_data, guide_html, guide_markdown, lint_study_guide  # noqa: E402
from kit.paths import pilot_path  # noqa: E402
from kit.review import cohort, review_transcript, scorecard  # noqa: E402

PILOT = pilot_path()


def copy_pilot(tmp_path: Path) -> Path:
    target = tmp_path / "study"
    shutil.copytree(PILOT, target)
    return target


# --------------------------------------------------------------------------- export
def test_guide_data_of_the_pilot():
    d = guide_data(PILOT)
    assert d["title"] == "Getting paid" and d["sprint"] == "2026-S41" and d["format"] == "micro"
    assert d["research_question"].startswith("How do owners of small service businesses get paid")
    assert [q["role"] for q in d["questions"]] == ["opener", "targeted", "targeted", "future"]
    assert [q["n"] for q in d["questions"]] == [1, 2, 3, 4]
    assert [p["text"] for p in d["probes"]] == ["What happened next?", "Say more about that.",
                                                "How did that feel at the time?"]
    assert d["budget"]["minutes_low"] == 4.75 and d["budget"]["minutes_high"] == 8.0
    assert [(r["role"], r["count"], r["low"], r["high"]) for r in d["budget_rows"]] == [
        ("Opener", 1, 1.5, 2.5), ("Targeted", 2, 2.0, 3.0), ("Closer (future)", 1, 0.5, 1.0), ("Probe", 3, 0.75, 1.5)]
    assert d["warnings"] == []


def test_checklist_has_the_templates_items():
    items = [c["item"] for c in checklist("micro", "How do people get paid?", 4)]
    text = " ".join(items).lower()
    for needle in ("research question", "core questions", "guide, not a script", "note-taker briefed",
                   "permission to record", "prior interactions", "15 minutes", "debrief"):
        assert needle in text, needle
    assert checklist("micro", "RQ?", 4)[0]["detail"] == "RQ?"
    assert "4 core questions" in checklist("micro", "RQ?", 4)[1]["detail"]


def test_export_writes_markdown_and_html(tmp_path):
    paths = export_guide(PILOT, tmp_path / "out")
    assert set(paths) == {"markdown", "html"}
    assert paths["markdown"].name == "guide.md" and paths["html"].name == "guide.html"
    md = paths["markdown"].read_text(encoding="utf-8")
    assert md.startswith("# Interview guide: Getting paid")
    assert "## Before the meeting" in md and md.count("- [ ] ") == 6 + 4
    assert "| 1 | Opener | 2 | Tell me about the last time a client paid you later than you expected. |" in md
    assert "### Probes: use whenever an answer is thin" in md
    assert "About 6.4 minutes, within the 3-7 minutes of a micro-interview." in md
    assert "Check before printing" not in md
    page = paths["html"].read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert "Tell me about the last time a client paid you later than you expected." in page
    assert "15 minutes blocked right after the call for the debrief" in page
    assert not list((tmp_path / "out").glob(".*.tmp"))  # atomic writes leave nothing behind


def test_export_warns_about_flagged_questions_and_escapes_html(tmp_path):
    study = copy_pilot(tmp_path)
    (study / "guide.yml").write_text(textwrap.dedent("""
        format: micro
        questions:
          - {text: "Tell me about the last time a client paid you late.", kind: opener}
          - {text: "Would you use <b>auto-chase</b> if we built it?", kind: targeted}
          - {text: "Walk me through what you did next.", kind: targeted}
          - {text: "Looking ahead, what are you already planning to do differently?", kind: future}
    """).lstrip(), encoding="utf-8")
    d = guide_data(study)
    assert any("hypothetical" in w for w in d["warnings"])
    md = guide_markdown(d)
    assert "## Check before printing" in md and "**(flagged: closed, hypothetical)**" in md
    page = guide_html(d)
    assert "&lt;b&gt;auto-chase&lt;/b&gt;" in page and "<b>auto-chase</b>" not in page
    assert 'class="flag"' in page


def test_export_without_a_guide_is_a_located_problem(tmp_path):
    study = copy_pilot(tmp_path)
    (study / "guide.yml").unlink()
    with pytest.raises(StudyError) as exc:
        export_guide(study, tmp_path / "out")
    assert exc.value.problems[0].path.endswith("guide.yml")
    result, message = lint_study_guide(study)
    assert result is None and "not found" in message


def test_lint_study_guide_message():
    result, message = lint_study_guide(PILOT)
    assert result["format"] == "micro" and result["path"] == "guide.yml"
    assert message == "guide.yml: a micro guide with 7 questions, 0 flagged, 0 structure error(s)"


def test_export_accepts_a_loaded_study(tmp_path):
    study = kit.load_study(PILOT)
    assert export_guide(study, tmp_path)["markdown"].is_file()


# --------------------------------------------------------------------------- widgets: pure
def test_editor_feedback_for_a_flagged_question():
    text = "Would you use a reminder that chases late payments for you?"
    html = guide_widgets.editor_feedback(text)
    lint = lint_question(text)
    for flag in lint["flags"]:
        assert f"\u2717 {flag}" in html  # a mark and a word, not colour alone
    assert f"<b>Kind:</b> {lint['kind']}" in html
    assert "<b>Try:</b>" in html


def test_editor_feedback_for_a_clean_question_and_empty_text():
    html = guide_widgets.editor_feedback("Tell me about the last time a client paid you late.")
    assert "\u2713 none" in html and "<b>Kind:</b> story" in html and "Try:" not in html
    assert "Type a question" in guide_widgets.editor_feedback("")
    assert "<script" not in guide_widgets.editor_feedback("Do you like <script>alert(1)</script> and <b>it</b>?")


def test_lint_table_from_a_guide_and_from_strings():
    table = guide_widgets.lint_table(lint_guide(PILOT / "guide.yml"))
    assert list(table.columns) == ["n", "role", "kind", "flags", "question", "suggestion"]
    assert list(table["role"]) == ["opener", "targeted", "targeted", "probe", "probe", "probe", "future"]
    table = guide_widgets.lint_table(["Do you like it?", "Tell me about the last time you paid."])
    assert list(table["flags"]) == ["closed", ""] and list(table["role"]) == ["", ""]
    assert len(guide_widgets.lint_table(None)) == 0
    html = guide_widgets.lint_table_html(["Do you like it?"])
    assert "<table" in html and "\u2717 closed" in html


def test_score_rewrite():
    q = "Do you like the checkout page?"
    assert guide_widgets.score_rewrite(q, "")["score"] == 0
    assert guide_widgets.score_rewrite(q, "do you like the checkout page")["verdict"].startswith("unchanged")
    good = guide_widgets.score_rewrite(q, "Tell me about the last time you paid on the checkout page.")
    assert good["score"] == 100 and good["kind"] == "story" and good["verdict"] == "clean and story-based"
    bad = guide_widgets.score_rewrite(q, "Do you find the checkout page easy?")
    assert bad["flags"] and bad["score"] == 100 - 30 * len(bad["flags"]) - guide_widgets.KIND_PENALTY[bad["kind"]]
    assert bad["verdict"].startswith("still ")
    habit = guide_widgets.score_rewrite(q, "What do you usually do at the checkout page?")
    assert habit["flags"] == ["generalizing"] and habit["kind"] == "open"
    assert habit["score"] == 100 - 30 - guide_widgets.KIND_PENALTY["open"]
    # an unrelated rewrite cannot score full marks, however clean it is (issue 16)
    off = guide_widgets.score_rewrite(q, "Tell me about the last time you went to the dentist.")
    assert off["flags"] == [] and off["kind"] == "story" and off["topic"] == 0.0
    assert off["score"] == 100 - guide_widgets.TOPIC_PENALTY and "off the question's topic" in off["verdict"]
    half = guide_widgets.score_rewrite("How do you feel about the price and the delivery?",
                                       "Tell me about the last time you paid for a delivery.")
    assert 0.0 < half["topic"] <= 1.0 and half["score"] > off["score"]
    broken = guide_widgets.score_rewrite(q, "Tell me about the last time you use the checkout page for.")
    assert broken["grammar"] and broken["score"] < 100


def test_practice_questions_are_all_worth_rewriting():
    for q in guide_widgets.PRACTICE_QUESTIONS:
        lint = lint_question(q)
        assert lint["flags"] or lint["kind"] != "story", q
    flagged = {f for q in guide_widgets.PRACTICE_QUESTIONS for f in lint_question(q)["flags"]}
    assert flagged == {"leading", "closed", "hypothetical", "double-barreled", "generalizing"}


def test_practice_table_and_html():
    answers = ["Tell me about the last time you made a report."]
    table = guide_widgets.practice_table(answers=answers)
    assert len(table) == len(guide_widgets.PRACTICE_QUESTIONS)
    assert table["score"].iloc[0] == 100 and (table["score"].iloc[1:] == 0).all()
    html = guide_widgets.practice_html(answers=answers)
    assert f"Score: {round(100 / len(table))}/100" in html and "(no rewrite yet)" in html


def test_insight_feedback_and_sorting():
    assert "\u2713 observation" in guide_widgets.insight_feedback("She chases by phone.")
    html = guide_widgets.insight_feedback("They clearly want reminders.")
    assert "\u2717 interpretation" in html and "clearly" in html
    for text, answer in guide_widgets.INSIGHT_PRACTICE:
        assert guide_widgets.insight_verdict(text) == answer, text
    html = guide_widgets.insight_table_html(choices=[a for _, a in guide_widgets.INSIGHT_PRACTICE])
    assert f"{len(guide_widgets.INSIGHT_PRACTICE)} of {len(guide_widgets.INSIGHT_PRACTICE)} sorted right" in html


# --------------------------------------------------------------------------- widgets: wiring
def test_question_editor_updates_as_you_type():
    view = guide_widgets.question_editor("Do you like it?")
    box, feedback = view.parts["box"], view.parts["feedback"]
    assert box.continuous_update is True
    assert "\u2717 closed" in feedback.value
    box.value = "Tell me about the last time you used it."
    assert "\u2713 none" in feedback.value
    assert view.static_html() == guide_widgets.editor_feedback(box.value)


def test_live_view_bundle_has_a_static_fallback():
    view = guide_widgets.question_editor("Do you like it?")
    bundle = view._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"] == guide_widgets.editor_feedback("Do you like it?")
    assert "JupyterLab" in bundle["text/plain"]


def test_practice_widget_scores_as_you_type():
    view = guide_widgets.practice(["Do you like it?", "Would you pay for it?"])
    boxes, total = view.parts["boxes"], view.parts["total"]
    assert "Score: 0/100" in total.value and "0 of 2 rewritten" in total.value
    boxes[0].value = "Tell me about the last time you used it."
    assert "Score: 50/100" in total.value and "1 of 2 rewritten" in total.value
    results = view.parts["results"]()
    assert list(results["score"]) == [100, 0]
    assert "Score: 50/100" in view.static_html()


def test_insight_widgets():
    view = guide_widgets.insight_editor("They need it.")
    assert "interpretation" in view.parts["feedback"].value
    view.parts["box"].value = "She uses a spreadsheet."
    assert "observation" in view.parts["feedback"].value
    sorter = guide_widgets.insight_sorter()
    first_answer = guide_widgets.INSIGHT_PRACTICE[0][1]
    sorter.parts["toggles"][0].value = first_answer
    assert "1 of 8 sorted right" in sorter.widget.children[0].value
    assert "1 of 8 sorted right" in sorter.static_html()


# --------------------------------------------------------------------------- figures
def _labelled(fig):
    axes = fig.axes
    assert axes
    title = axes[0].get_title() or (fig._suptitle.get_text() if fig._suptitle else "")
    assert title
    assert axes[0].get_xlabel() and axes[0].get_ylabel()


def test_structure_chart():
    fig = guide_plots.structure_chart(lint_guide(PILOT / "guide.yml"))
    _labelled(fig)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == 8  # 7 questions and the whole guide
    assert ax.get_title() == "Guide structure and time budget (micro guide)"
    empty = guide_plots.structure_chart(None)
    assert "no questions" in empty.axes[0].texts[0].get_text()


def test_scorecard_and_cohort_charts(tmp_path):
    paths = sorted((PILOT / "transcripts").iterdir())
    reviews = [review_transcript(p) for p in paths]
    fig = guide_plots.scorecard_chart(scorecard(reviews[0]))
    _labelled(fig)
    assert fig.axes[0].get_title().startswith("Scorecard of INT-001")
    fig = guide_plots.cohort_chart(cohort(reviews))
    assert fig._suptitle.get_text() == "Interviewer review across transcripts"
    assert fig.axes[0].get_xlabel() == "Score (0-100)" and fig.axes[1].get_xlabel() == "Interviewer's share of words"
    kit.plots.save(fig, tmp_path / "cohort.png")
    assert (tmp_path / "cohort.png").stat().st_size > 5000
    empty = guide_plots.cohort_chart(cohort([]))
    assert empty.axes[0].texts
