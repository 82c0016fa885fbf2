"""Rewrites keep the question's topic and read as English (issue 16, item 3, round 9), and
lint-guide reads every line of a guide file as a question, a heading or note recorded as
such, or a located problem.

The broken kinds of rewrite were found by reading by hand every rewrite of the flagged
questions of blind-linter-10, -11 and -12; the grammar check (:func:`kit.guide.grammar_problems`)
now fails each kind (:func:`kit.guide.retell9.faults`). The questions and broken rewrites below
were written for this test in other domains and voices."""
from __future__ import annotations

import json

import pytest

from kit.guide import flags_of, grammar_problems, lint_file, lint_question, topic_overlap
from kit.guide.guide_lines import classify, content_problem
from kit.guide.retell9 import faults
from cli_helpers import run_cli  # the command line in-process: no interpreter per case

# (a broken rewrite of the kind, the kind's word in the fault message)
BROKEN = [
    ("Tell me about the last time you did in a week. What happened?", "do without its object"),
    ("Tell me about the last time you did when a tyre goes flat on the round. What happened?", "do without its object"),
    ("Tell me about a recent experience with the there anything. What happened?", "determiner without its noun"),
    ("Tell me about the last time you saved your much. What happened?", "determiner without its noun"),
    ("Tell me about the last time you used the comes to your flat. What happened?", "determiner without its noun"),
    ("Tell me about the last time you dealt with the mould for the long. What happened?", "adjective left dangling"),
    ("Tell me about the last time you got the soil back in autumn good. What happened?", "adjective left dangling"),
    ("Tell me about the last time the mulch was got back in spring. What happened?", "passive of get"),
    ("Tell me about the last time you used times the pool in a month. What happened?", "count left from"),
    ("Tell me about the last time the scan resulted come back late. What did you do?", "verb after a past verb"),
    ("Tell me about the last time you dealt with the rota saves managers hours. What happened?",
     "verb after its noun phrase"),
    ("Tell me about the last time the tasting went. What happened?", "a clause without its complement"),
    ("How was the ferry? Then ask separately: How do passengers?", "a question without its verb"),
    ("Tell me about the last time you had to choose between and did it fade. What did you pick?", "an empty choice"),
    ("Tell me about the last time anything scratched was scratched. What happened?", "the verb said twice"),
    ("Tell me about the last time you had booked of them. What happened?", "a quantity missing before 'of'"),
    ("Tell me about the last time you dealt with the riders'. What happened?", "a possessive without its noun"),
    ("Tell me about the last time you hit. What happened?", "needs an object"),
    ("Tell me about the last time it took you to shear a ewe. What happened?", "an amount is missing"),
    ("Tell me about the last time you did ideally. How did it go?", "needs an object"),
    ("Tell me about the last time you dealt with the barn like for your shearers. What happened?", "like for"),
    ("Tell me about the last time the walkers react to the new trail map. What happened?", "a present tense"),
    ("Tell me about the last time the tenant could not paid. What happened?", "a past verb after a modal"),
    ("Tell me about the last time you entered last cake contest. What happened?", "'last' without its determiner"),
    ("Tell me about the last time you dealt with every Friday. What happened?", "a time where the thing is needed"),
]

# sound sentences of the same shapes the checks must leave alone
SOUND = [
    "Tell me about the last time you kept the kennel clean. What happened?",
    "Tell me about the last time your parcel arrived late. What did you do?",
    "Tell me about the last time a delivery came in short. What did you do?",
    "Tell me about the last time the bread tasted stale. What happened?",
    "Tell me about the last time you helped make the rota. What happened?",
    "Tell me about the last time you did something about the damp. What happened?",
    "Tell me about the last time you ordered spare parts for the mowers. What happened?",
    "Tell me about the last time the floor was wet. What happened?",
    "How did it go?",
]


@pytest.mark.parametrize("text, kind", BROKEN)
def test_each_broken_kind_fails_the_grammar_check(text, kind):
    assert any(kind in f for f in faults(text)), faults(text)
    assert grammar_problems(text), text


@pytest.mark.parametrize("text", SOUND)
def test_sound_sentences_pass(text):
    assert faults(text) == [] and grammar_problems(text) == [], (faults(text), grammar_problems(text))


# (question, words the rewrite must keep): the object noun phrase, the episode, the pitch's thing
KEEPS = [
    ("How often do you order spare parts for the mowers?", ["ordered spare parts for the mowers"]),
    ("What do you normally do when a kayak capsizes on the lake?", ["a kayak capsized on the lake"]),
    ("WHAT DO YOU USUALLY DO WHEN A LOAD COMES IN DAMP?", ["a load came in damp"]),
    ("How long does it typically take you to groom a poodle?", ["you groomed a poodle"]),
    ("How many times did you use the sauna last month?", ["used the sauna"]),
    # a pitch before an open question about one occasion: the question asked alone (rounds 8 and 11)
    ("Our ushers are famously friendly. How was your last matinee?", ["How was your last matinee?"]),
    ("Everyone says the new ferry terminal is stunning. What was your crossing like?", ["What was your crossing like?"]),
    ("How do apprentices tend to use the tool library?", ["apprentices used the tool library"]),
    ("What do tenants tend to complain about at the reception desk?", ["complained at the reception desk"]),
    ("What usually causes a missed bin collection?", ["caused a missed bin collection"]),
    ("How long does a typical sheep shearing take?", ["your last sheep shearing"]),
]


@pytest.mark.slow
@pytest.mark.parametrize("question, words", KEEPS)
def test_the_rewrite_keeps_the_object_and_is_sound(question, words):
    r = lint_question(question)
    sug = r["suggestion"]
    assert r["flags"], question
    for w in words:
        assert w.lower() in sug.lower(), (w, sug)
    assert not grammar_problems(sug), (sug, grammar_problems(sug))
    assert not flags_of(sug.partition(" Then ask separately: ")[0]), sug
    assert topic_overlap(question, sug) >= 0.5, sug
    assert "verybody" not in sug and "stunning" not in sug and "friendly" not in sug  # the pitch's praise is gone


# --------------------------------------------------------------------------------------
# Reading a guide file
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, kind", [
    ("# Warm-up", "heading"), ("## Part B: pricing", "heading"), ("Section 1: Warm-up", "heading"),
    ("Part 2 \u2013 Core questions (3 min)", "heading"), ("Part 2 - Core questions (3 min)", "heading"),
    ("Block C", "heading"), ("Opener:", "heading"), ("Core questions:", "heading"), ("Wrap-up (2 min)", "heading"),
    ("Warm-up", "heading"), ("[Interviewer: thank them, stop the recording]", "note"),
    ("(Interviewer reads the consent script)", "note"), ("Note: keep the whole thing under 15 minutes", "note"),
    ("Thank them for their time.", "note"), ("---", "note"), ("(5 min)", "timing"), ("~10 minutes", "timing"),
    ("# format: full", "format"),
])
def test_guide_lines_that_are_not_questions(line, kind):
    assert classify(line)[0] == kind, classify(line)


@pytest.mark.parametrize("line, text, role", [
    ("Opener: Tell me about the last time you hired a van.", "Tell me about the last time you hired a van.", "opener"),
    ("Probe: Why was that?", "Why was that?", "probe"),
    ("Closer: Looking ahead, what are you planning for the spring?", "Looking ahead, what are you planning for the "
                                                                   "spring?", "future"),
    ("Q3. How did you pay the deposit?", "How did you pay the deposit?", None),
    ("- Walk me through your last order", "Walk me through your last order", None),
    ("2) Do you use the compostable liners", "Do you use the compostable liners", None),
    ("Why: did it stall?", "Why: did it stall?", None),
    ("Go on.", "Go on.", None),
])
def test_guide_lines_that_are_questions(line, text, role):
    assert classify(line) == ("question", text, role)


GUIDE = """# Discussion guide: van hire
Section 1: Warm-up (2 min)
[Interviewer: introduce yourself and ask for consent]
Opener: Tell me about the last time you hired a van.
Part 2 \u2013 Core questions (3 min)
- Walk me through how you picked the hire company.
- How did you pay the deposit?
Probe: What happened next?
(1 min)
Wrap-up:
Closer: What are you planning for your next move?
Thank them and stop the recording.
"""


def test_every_line_of_a_txt_guide_is_a_question_or_recorded(tmp_path):
    path = tmp_path / "guide.txt"
    path.write_text(GUIDE, encoding="utf-8")
    result, problems = lint_file(path)
    assert problems == []
    q_lines = [q["line"] for q in result["questions"]]
    n_lines = [n["line"] for n in result["notes"]]
    assert sorted(q_lines + n_lines) == list(range(1, 13))  # nothing dropped, nothing twice
    assert q_lines == [4, 6, 7, 8, 11]
    assert [q["role"] for q in result["questions"]] == ["opener", "targeted", "targeted", "probe", "future"]
    assert {n["line"]: n["kind"] for n in result["notes"]}[9] == "timing"
    assert not any("Section" in q["question"] or "Part 2" in q["question"] for q in result["questions"])


def test_headings_appear_in_the_text_report_and_the_json(tmp_path):
    path = tmp_path / "guide.txt"
    path.write_text(GUIDE, encoding="utf-8")
    run = ["lint-guide", str(path)]
    text = run_cli(run)
    assert "Section 1: Warm-up" in text.stdout and "heading" in text.stdout and text.returncode == 0, text
    js = run_cli(run + ["--json"])
    items = json.loads(js.stdout)
    headings = [i for i in items if i["kind"] == "heading"]
    assert {h["line"] for h in headings} >= {1, 2, 5, 10} and all(h["question"] is None for h in headings)


def test_a_yaml_item_that_is_a_heading_is_recorded(tmp_path):
    path = tmp_path / "guide.yml"
    path.write_text("format: micro\nquestions:\n  - 'Section 1: Warm-up'\n"
                    "  - Tell me about the last time you hired a van.\n", encoding="utf-8")
    result, problems = lint_file(path)
    assert [q["line"] for q in result["questions"]] == [4]
    assert result["notes"] == [{"line": 3, "kind": "heading", "text": "Section 1: Warm-up"}]


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import io

    import docx
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("name, data, words", [
    ("guide.docx", b"Tell me about the last time you hired a van.\n", ["named .docx", "plain text", ".txt"]),
    ("guide.txt", None, ["named .txt", "Word document"]),
    ("guide.yml", b"%PDF-1.4\n%binary", ["named .yml", "PDF"]),
    ("guide.pdf", b"%PDF-1.4\n%binary", ["PDF", "not read as a guide"]),
    ("guide.pdf", b"Tell me about the last time you hired a van.\n", ["named .pdf", "plain text"]),
    ("guide.md", b"\x89PNG\r\n\x1a\nxxxx", ["image"]),
])
def test_content_that_does_not_match_the_name_is_a_located_error(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data if data is not None else _docx_bytes(["Tell me about the last time you hired a van."]))
    result, problems = lint_file(path)
    assert result is None and len(problems) == 1 and problems[0].line == 0 and problems[0].is_error
    assert all(w in problems[0].message for w in words), problems[0].message
    assert content_problem(path.suffix, path.read_bytes()) == problems[0].message
    cli = run_cli(["lint-guide", str(path)])
    assert cli.returncode == 2 and "Traceback" not in cli.stderr and f"{path}: " in cli.stderr, cli


def test_a_word_guide_is_read_one_paragraph_a_line(tmp_path):
    path = tmp_path / "guide.docx"
    path.write_bytes(_docx_bytes(["Section 1: Warm-up", "Tell me about the last time you hired a van.",
                                  "Do you usually hire on weekends?"]))
    result, problems = lint_file(path)
    assert problems == []
    assert [q["line"] for q in result["questions"]] == [2, 3]
    assert result["questions"][1]["flags"] and result["notes"][0]["kind"] == "heading"
