"""Attacker session 17: a Word guide or transcript that is a zip bomb or declares a document type
(A9, A10), and the question-craft exercise and lint-guide's `story ok` for story-framed questions that
lead, generalize or are not one usable question (A5-A8)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from kit.errors import TranscriptError
from kit.guide import lint_file
from kit.transcript_docx import docx_text

DATA = Path(__file__).parent / "data" / "attack-s17"


def _bomb(tmp_path: Path, megabytes: int) -> Path:
    """A .docx whose word/document.xml inflates to ``megabytes`` MB of spaces (a few KB on disk each 10 MB)."""
    path = tmp_path / "guide-bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>')
            block = b" " * 2**20
            for _ in range(megabytes):
                member.write(block)
            member.write(b"</w:body></w:document>")
    return path


def test_a9_a_word_guide_bomb_is_refused_unread_and_named_as_given(tmp_path, monkeypatch):
    path = _bomb(tmp_path, 60)
    assert path.stat().st_size < 200_000
    import docx

    def never(*_a, **_k):  # nothing is inflated: python-docx is never asked to open it
        raise AssertionError("python-docx opened a zip bomb")

    monkeypatch.setattr(docx, "Document", never)
    monkeypatch.chdir(tmp_path)
    result, problems = lint_file("guide-bomb.docx")
    assert result is None or not result.get("questions")
    (problem,) = [p for p in problems if "too large" in p.message]
    assert problem.path == "guide-bomb.docx" and "expands to 60 MB" in problem.message


def test_a9_a_transcript_bomb_is_refused_with_its_name(tmp_path, monkeypatch):
    import kit.docx_guard

    monkeypatch.setattr(kit.docx_guard, "TRANSCRIPT_LIMIT", 2 * 2**20)  # the real 200 MB takes seconds to build
    data = _bomb(tmp_path, 3).read_bytes()
    with pytest.raises(TranscriptError) as err:
        docx_text(data, "transcripts/INT-001.docx")
    (problem,) = err.value.problems
    assert problem.path == "transcripts/INT-001.docx" and "too large to be a transcript" in problem.message


@pytest.mark.parametrize("name", ["guide-INT-002.docx", "guide-INT-003.docx"])
def test_a10_a_doctype_in_a_word_guide_is_a_located_error(name):
    given = str(DATA / name)
    result, problems = lint_file(given)
    assert result is None or not result.get("questions")  # no paragraph read with its entity's text dropped
    (problem,) = problems
    assert problem.path == given
    assert problem.message.startswith("word/document.xml, line ") and "document type" in problem.message


def test_a10_a_doctype_in_any_part_of_a_transcript_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="x"/>')
        z.writestr("word/styles.xml", '<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY e "x">]><s>&e;</s>')
    with pytest.raises(TranscriptError) as err:
        docx_text(buffer.getvalue(), "INT-009.docx")
    (problem,) = err.value.problems
    assert problem.path == "INT-009.docx" and problem.message.startswith("word/styles.xml, line 2: ")


# -- A5-A8: a story frame does not launder what follows it -------------------------------------------
from kit.guide import flags_of, lint_question  # noqa: E402
from kit.widgets.guide import PRACTICE_QUESTIONS, practice_table, score_rewrite  # noqa: E402


def _answers(name: str) -> list[str]:
    import yaml

    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["answers"]


@pytest.mark.parametrize("rewrite", [
    "Tell me about the last time the dashboard made reporting so much easier for you.",
    "Tell me about the last time you loved the checkout page.",
    "Tell me about the last time booking a meeting room was really frustrating and annoying for you.",
    "Tell me about the last time the app was so slow and unreliable that you hated it.",
    "Tell me about the last time the new dashboard saved you hours.",
    # phrasings of the same kinds in other domains
    "Walk me through the last time the planner helped you finish on time.",
    "Tell me about the last time you enjoyed our loyalty scheme.",
    "Describe the last time the portal was painfully confusing.",
])
def test_a5_a6_a_feeling_or_outcome_in_the_story_frame_is_leading(rewrite):
    assert "leading" in flags_of(rewrite)


@pytest.mark.parametrize("good", [
    "Tell me about the last time you booked a meeting room.",
    "Describe a time when a customer was unhappy with an arrangement.",
    "Tell me about the last time a parcel was stolen from your porch.",
    "Tell me about the last time you saved a file to the shared drive.",
    "Tell me about the last time you made a payment online.",
])
def test_a5_an_event_or_a_persons_feeling_told_in_the_frame_is_not_leading(good):
    assert "leading" not in flags_of(good)


def test_a7_a_habit_inside_the_story_frame_is_generalizing_and_the_rewrite_drops_it():
    q = lint_question("Tell me about the last time you usually pay your bills.")
    assert "generalizing" in q["flags"]
    assert q["suggestion"] == "Tell me about the last time you paid your bills."
    assert "generalizing" in flags_of("Walk me through the last time you normally checked the rota.")


def test_a6_the_linters_own_rewrite_of_an_outcome_is_neutral_about_it():
    for line in (DATA / "guide-leading.txt").read_text(encoding="utf-8").splitlines()[:4]:
        s = lint_question(line)["suggestion"]
        assert s and not flags_of(s.split(" Then ask separately: ")[0]), (line, s)
    s = lint_question("Tell me about the last time the dashboard made reporting so much easier for you.")["suggestion"]
    assert s == "Tell me about the last time you used the dashboard. What happened?"


def test_a5_a7_a8_question_craft_never_says_clean_of_a_flagged_or_unusable_rewrite():
    tables = {name: practice_table(None, _answers(name)) for name in ("qc-answers.yml", "qc-answers2.yml")}
    for table in tables.values():  # each scored once (the linter on every rewrite: about a second)
        for row in table.itertuples(index=False):
            if not row.rewrite or row.score is pd_na():
                continue
            flagged = flags_of(row.rewrite)
            if flagged:
                assert "clean" not in row.verdict and row.score < 100, row
    second = tables["qc-answers2.yml"].set_index("n")
    assert second.loc[1, "score"] < 100 and "leading" in second.loc[1, "verdict"]  # "so much easier"
    assert second.loc[4, "score"] < 100 and "leading" in second.loc[4, "verdict"]  # "loved"
    assert second.loc[5, "score"] < 100 and "generalizing" in second.loc[5, "verdict"]  # "last time you usually"
    assert second.loc[3, "score"] < 100 and "two story questions" in second.loc[3, "verdict"]
    first = tables["qc-answers.yml"].set_index("n")
    assert first.loc[4, "score"] < 100 and "repeated" in first.loc[4, "verdict"]
    assert first.loc[6, "score"] < 100 and "no verb" in first.loc[6, "verdict"]
    assert first.loc[5, "score"] < 100 and first.loc[7, "score"] < 100


def pd_na():
    import pandas as pd

    return pd.NA


def test_a8_a_clean_story_still_scores_full_marks():
    s = score_rewrite(PRACTICE_QUESTIONS[4], "Tell me about the last time you booked a meeting room.")
    assert s["score"] == 100 and s["verdict"] == "clean and story-based" and s["form"] == []


def test_a8_lint_guide_notes_a_verbless_story_fragment():
    result, _ = lint_file(str(DATA / "guide-leading.txt"))
    by_line = {q["line"]: q for q in result["questions"]}
    assert any("no verb" in n for n in by_line[5].get("notes", []))
    assert "leading" in by_line[1]["flags"] and "generalizing" in by_line[8]["flags"]


@pytest.mark.slow
def test_a6_no_rewrite_the_linter_suggests_is_itself_flagged():
    """Every rewrite the linter suggests for the released blind sets 3..42 and every guide under
    tests/data: not flagged (a separate one-fact follow-up may be closed: :func:`kit.guide.story_claims.flagged`)."""
    import csv

    from kit.guide.story_claims import flagged

    root = Path(__file__).parent / "data"
    questions = []
    for n in range(3, 43):
        with open(root / f"blind-linter-{n}" / "questions.csv", encoding="utf-8", newline="") as handle:
            questions += [row["question"] for row in csv.DictReader(handle)]
    for guide in sorted([*root.rglob("guide*.yml"), *root.rglob("guide*.txt")]):
        result, _ = lint_file(str(guide))
        questions += [q["question"] for q in (result or {}).get("questions", [])]
    assert len(questions) > 7000
    bad = [(q, s) for q in questions if (s := lint_question(q)["suggestion"]) and flagged(s, flags_of)]
    assert bad == []
