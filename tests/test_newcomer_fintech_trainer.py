"""2. Question-craft (the trainee exercise, kit.widgets.guide) gives feedback for every kind the
linter can return, and plain feedback with no score for a rewrite not in English."""
import html
from pathlib import Path

import pytest
import yaml

from kit import guide
from kit.widgets import guide as craft

PARAMS = Path(__file__).parent / "data" / "newcomer-fintech" / "trainer" / "qc_params.yml"
SPANISH = "Cuénteme la última vez que envió una factura por WhatsApp."


@pytest.mark.parametrize("kind", [*guide.KINDS, "unsupported", "a-kind-added-later"])
def test_every_kind_has_feedback(kind, monkeypatch):
    result = {"question": "Q", "flags": [], "kind": kind, "suggestion": "", "reasons": {}}
    assert craft.kind_help(result).strip()
    monkeypatch.setattr(craft, "lint_question", lambda text: dict(result, question=text))
    scored = craft.score_rewrite("How often do you chase?", "Tell me about the last time you chased a payment.")
    assert scored["verdict"].strip()
    assert "<b>Kind:</b>" in craft.editor_feedback("Tell me about the last time.")


def test_a_flag_added_later_has_feedback(monkeypatch):
    monkeypatch.setattr(craft, "lint_question", lambda text: {"question": text, "flags": ["new-flag"],
                                                              "kind": "open", "suggestion": "", "reasons": {}})
    assert "new-flag" in craft.score_rewrite("How often?", "Tell me about the last time.")["verdict"]
    assert "new-flag" in craft.editor_feedback("Tell me about the last time.")


def test_a_spanish_rewrite_gets_plain_feedback_and_no_score():
    assert guide.lint_question(SPANISH)["kind"] not in guide.KINDS  # the linter does not judge it
    s = craft.score_rewrite("Wouldn't WhatsApp invoices be easier?", SPANISH)
    assert s["score"] is None
    assert s["verdict"].startswith(craft.NOT_ENGLISH)
    assert "Spanish" in s["verdict"] and "not scored" in s["verdict"]
    assert html.escape(craft.NOT_ENGLISH) in craft.editor_feedback(SPANISH)


def test_the_newcomers_round_runs_and_scores_the_rest():
    params = yaml.safe_load(PARAMS.read_text(encoding="utf-8"))
    table = craft.practice_table(params["questions"], params["answers"])
    assert len(table) == len(params["questions"])
    spanish = table["rewrite"] == SPANISH
    assert spanish.sum() == 1 and table.loc[spanish, "score"].isna().all()
    others = table.loc[~spanish, "score"].astype(int)
    assert others.between(0, 100).all()
    page = craft.practice_html(params["questions"], params["answers"])
    assert f"Score: {round(others.mean())}/100" in page
    assert "1 not scored" in page and "not scored</td>" in page
