"""The question linter (kit.guide.lint_question) and the guide check (lint_guide / lint_file)."""
from __future__ import annotations

import csv
import importlib.util
import json
import textwrap
from pathlib import Path

import pytest

from kit.errors import Problem, StudyError
from kit.guide import (FLAGS, KINDS, MINUTES, flags_of, format_report, has_errors, lint_file,
                       lint_guide, lint_question, past_tense, to_json)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
LABELLED = DATA / "questions.csv"
HOLDOUT = DATA / "questions_holdout.csv"


def _benchmark():
    spec = importlib.util.spec_from_file_location("lint_benchmark", REPO / "benchmarks" / "lint_benchmark.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------
# The labelled set
# --------------------------------------------------------------------------------------
def test_labelled_set_shape():
    rows = _rows(LABELLED)
    assert len(rows) >= 200
    assert list(rows[0]) == ["question", "domain", "kind", "leading", "closed", "hypothetical", "double_barreled"]
    domains = {r["domain"] for r in rows}
    assert {"software", "retail", "health", "HR", "education", "finance"} <= domains
    assert {r["kind"] for r in rows} == set(KINDS)
    for col in ("leading", "closed", "hypothetical", "double_barreled"):
        values = [r[col] for r in rows]
        assert set(values) == {"0", "1"}, col
        assert values.count("1") >= 20, col
    assert len({r["question"] for r in rows}) == len(rows), "duplicate questions"


@pytest.mark.slow  # over 2 s (tests/README.md)
def test_benchmark_floors_on_labelled_set():
    bench = _benchmark()
    result = bench.evaluate(bench.load(LABELLED))
    for flag, s in result["flags"].items():
        assert s["recall"] >= 0.90, (flag, s)
        assert s["false_flag_rate"] <= 0.05, (flag, s)
    assert result["kind_accuracy"] >= 0.85
    assert bench.passes(result)


@pytest.mark.slow  # lints the whole hold-out set: over 2 s (tests/README.md)
@pytest.mark.skipif(not HOLDOUT.exists(), reason="no hold-out set")
def test_holdout_is_reported_and_not_far_below_the_floor():
    bench = _benchmark()
    result = bench.evaluate(bench.load(HOLDOUT))
    assert result["n"] >= 60
    for flag, s in result["flags"].items():
        # written after the linter and never tuned on: allowed a little below the floor
        assert s["recall"] >= 0.75, (flag, s)
        assert s["false_flag_rate"] <= 0.10, (flag, s)


@pytest.mark.slow  # over 2 s (tests/README.md)
def test_benchmark_script_exit_code(capsys):
    bench = _benchmark()
    assert bench.main([str(DATA / "questions_dev.csv")]) == 0
    out = capsys.readouterr().out
    for flag in FLAGS:
        assert flag in out
    assert "kind accuracy" in out and "precision" in out and "false-flag" in out


# --------------------------------------------------------------------------------------
# lint_question: result shape
# --------------------------------------------------------------------------------------
def test_result_shape_and_flag_order():
    r = lint_question("Wouldn't it be great if the app reminded you to take your medication?")
    assert set(r) >= {"question", "flags", "kind", "suggestion", "reasons"}
    assert r["flags"] == ["leading", "closed", "hypothetical"]
    assert set(r["reasons"]) == set(r["flags"])
    assert all(isinstance(v, str) and v for v in r["reasons"].values())
    assert r["kind"] == "closed"
    assert r["suggestion"]


def test_clean_question_has_no_suggestion():
    r = lint_question("Tell me about the last time you split a bill with friends.")
    assert r == {"question": "Tell me about the last time you split a bill with friends.", "flags": [],
                 "kind": "story", "suggestion": "", "reasons": {}}


@pytest.mark.parametrize("text", ["", "   ", "?", "hmm"])
def test_degenerate_input_does_not_crash(text):
    r = lint_question(text)
    assert r["kind"] in KINDS
    assert isinstance(r["flags"], list)


# --------------------------------------------------------------------------------------
# Each flag and its exceptions
# --------------------------------------------------------------------------------------
LEADING = [
    "Don't you think the new dashboard is easier to read?",
    "Isn't it annoying when the app logs you out?",
    "Wouldn't you agree that our checkout is faster than other shops?",
    "The new layout is much cleaner, right?",
    "You check your bank balance every day, don't you?",
    "How much did you enjoy the onboarding workshop?",
    "What did you love about the new booking flow?",
    "How frustrating was it to file your expenses?",
    "How great was the support you got?",
    "Most people find budgeting apps hard to set up. Do you?",
    "Our customers love the new loyalty card. What do you think?",
    "Obviously the old system was too slow. How did you cope?",
    "Clearly the waiting times are too long. How do you handle that?",
    "How easy was it to find the right form?",
    "What was the most frustrating part of switching banks?",
]
NOT_LEADING = [
    "What was the hardest part about running payroll?",
    "How long did it take to get your refund?",
    "How much did you spend on software last year?",
    "Why didn't you renew your membership?",
    "What do you like about your current scheduling tool?",
    "Tell me about the last time you felt stressed about money.",
    "What did you mean when you said it was 'a nightmare'?",
    "We're redesigning the checkout. Tell me about the last time you bought something online.",
    "How do you feel about the current check-in process?",
    "What worries you about next quarter?",
]


@pytest.mark.parametrize("text", LEADING)
def test_leading(text):
    assert "leading" in lint_question(text)["flags"]


@pytest.mark.parametrize("text", NOT_LEADING)
def test_not_leading(text):
    assert "leading" not in lint_question(text)["flags"]


CLOSED = [
    "Do you use a spreadsheet to track your expenses?",
    "Did you read the welcome email?",
    "Have you ever returned an item you bought online?",
    "Is the pharmacy close to where you live?",
    "Can students submit homework through the portal?",
    "Can you log in without asking anyone for help?",
    "So, did you end up switching providers?",
    "Which is harder for you, quoting or invoicing?",
    "How do you usually pay for groceries, cash or card?",
    "What's your preferred channel: email, phone or chat?",
    "Did you renew your subscription or not?",
    "Surely you compare prices before buying?",
    "Would you say the process is faster now?",
    "Which app do you use to pay for parking?",  # one pick (issue 16, fifth round)
]
POLITE_OR_OPEN = [
    "Can you walk me through the last time you returned an order?",
    "Could you tell me about your role on the team?",
    "Would you describe the last time you paid a contractor?",
    "Can you share how your team handles on-call rotations?",
    "Would you mind telling me how you plan your lessons?",
    "Can you give me an example?",
    "Could you say a bit more about the spreadsheet you mentioned?",
    "What tools or spreadsheets do you use to track inventory?",
    "Tell me about a time you had to cancel or reschedule a class.",
]


@pytest.mark.parametrize("text", CLOSED)
def test_closed(text):
    r = lint_question(text)
    assert "closed" in r["flags"], r
    assert r["kind"] == "closed"


@pytest.mark.parametrize("text", POLITE_OR_OPEN)
def test_polite_requests_and_open_questions_are_not_closed(text):
    r = lint_question(text)
    assert "closed" not in r["flags"], r
    assert r["kind"] != "closed"


HYPOTHETICAL = [
    "Would you use an app to split bills?",
    "How much would you pay for a bookkeeping service?",
    "If we built a tool that reconciles invoices automatically, would you use it?",
    "Imagine you could book appointments by text. How would that change your week?",
    "Suppose we offered free delivery. How often would you order?",
    "How likely are you to recommend our app to a colleague?",
    "Will you renew your gym membership next year?",
    "Do you think you would switch banks for a lower fee?",
    "What would make you switch to a different payroll provider?",
    "What would you do if your main supplier went out of business?",
    "Could you see yourself using a budgeting app every day?",
    "How much would a tool like that be worth to you?",
    # wishes and ideal worlds ask about something that does not exist either (issue 16)
    "If you could change one thing about how you get paid, what would it be?",
    "If you had a magic wand, what would you fix about your onboarding?",
    "What's one thing you'd change about the way you book travel?",
    "In an ideal world, how would your team handle code reviews?",
    "What would your ideal checkout look like?",
    "What features would you want in a patient portal?",
    "How much time do you think a new rota app would save you?",
    "So if the app showed your upcoming bills, what would you do?",
]
NOT_HYPOTHETICAL = [
    ("What worries you about next quarter?", "future"),
    ("Looking ahead to your next big invoice, what are you already planning to do differently?", "future"),
    ("What are you most looking forward to this school year?", "future"),
    ("What would you normally do when a client pays late?", "open"),
    ("How would you describe your current budgeting process?", "open"),
    ("What would you say is the hardest part of scheduling shifts?", "open"),
    ("What did you think would happen when you clicked submit?", "open"),
    ("Would you mind telling me how you plan your lessons?", "open"),
]


@pytest.mark.parametrize("text", HYPOTHETICAL)
def test_hypothetical(text):
    assert "hypothetical" in lint_question(text)["flags"]


@pytest.mark.parametrize("text,kind", NOT_HYPOTHETICAL)
def test_not_hypothetical(text, kind):
    r = lint_question(text)
    # habitual "would ... normally" is a generalization (issue 16), never a hypothetical; so is an
    # overall description of a current process (round 9: a present overall opinion is generalizing)
    assert r["flags"] == (["generalizing"] if "normally" in text or "current" in text else []), r
    assert r["kind"] == kind


DOUBLE = [
    "How do you plan sprints and track bugs?",
    "What do you like and dislike about your current bank?",
    "Why did you switch suppliers and how long did the move take?",
    "How do you find and vet new contractors?",
    "What tools do you use, and why?",
    "When and where do you usually do your banking?",
    "Do you use Jira and do you like it?",
    "Was the nurse friendly and helpful?",
    "Tell me about the last time you hired someone. How long did it take? Who was involved?",
    "Can you walk me through how you hire and onboard new staff?",
]
NOT_DOUBLE = [
    "Tell me about the last time you and your co-founder disagreed about pricing.",
    "What are the pros and cons of your current payroll provider?",
    "How do you split household chores between you and your partner?",
    "Tell me about the last time you went back and forth with a landlord about repairs.",
    "Did you read the terms and conditions before signing up?",
    "How do your team and your manager agree on priorities?",
    "What tools do you use for invoices and receipts?",
    "How do you handle refunds and returns?",
    "What do you do when a client is late or disputes an invoice?",
    "How did you decide between renting and buying?",
    "Do you put salt and pepper on your chips?",
]


@pytest.mark.parametrize("text", DOUBLE)
def test_double_barreled(text):
    r = lint_question(text)
    assert "double-barreled" in r["flags"], r
    assert "split" in r["reasons"]["double-barreled"]


@pytest.mark.parametrize("text", NOT_DOUBLE)
def test_not_double_barreled(text):
    assert "double-barreled" not in lint_question(text)["flags"]


# --------------------------------------------------------------------------------------
# Kinds
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,kind", [
    ("Tell me about the last time you split a bill with friends.", "story"),
    ("Walk me through the last time you deployed a hotfix.", "story"),
    ("Describe a time when a customer asked for a refund.", "story"),
    ("Think back to your last night shift. What did you do first?", "story"),
    ("What happened the last time a client disputed an invoice?", "story"),
    ("How do you keep track of your monthly spending?", "open"),
    ("Could you tell me about your role on the team?", "open"),
    ("Walk me through your usual process for closing the books each month.", "open"),
    ("Say more about that.", "probe"),
    ("What happened next?", "probe"),
    ("Why was that?", "probe"),
    ("How so?", "probe"),
    ("What do you mean by messy?", "probe"),
    ("Can you give me an example?", "probe"),
    ("If you could change one thing about your bank, what would it be?", "future"),
    ("What worries you about next quarter?", "future"),
    ("What are your plans for the clinic over the next year?", "future"),
    ("Do you use a spreadsheet?", "closed"),
    ("Do you prefer email or phone?", "closed"),
])
def test_kinds(text, kind):
    assert lint_question(text)["kind"] == kind


# --------------------------------------------------------------------------------------
# Suggestions
# --------------------------------------------------------------------------------------
def _all_questions() -> list[str]:
    rows = _rows(LABELLED) + (_rows(HOLDOUT) if HOLDOUT.exists() else [])
    return [r["question"] for r in rows]


@pytest.mark.slow  # over 2 s (tests/README.md)
def test_every_flagged_question_gets_a_clean_story_rewrite():
    bad = []
    for q in _all_questions():
        r = lint_question(q)
        if not r["flags"]:
            assert r["suggestion"] == ""
            continue
        s = r["suggestion"]
        assert isinstance(s, str) and s.strip(), q
        again = lint_question(s)
        if again["flags"]:
            bad.append((q, s, again["flags"]))
    assert not bad, bad


@pytest.mark.parametrize("question,words", [
    ("Would you use an app to split bills?", ["last time", "split bills"]),
    ("How much would you pay for a bookkeeping service?", ["last time", "paid", "bookkeeping service"]),
    ("If we built a tool that reconciles invoices automatically, would you use it?", ["reconciled invoices"]),
    ("How do you plan sprints and track bugs?", ["planned sprints"]),
    ("Do you use a spreadsheet to track your expenses?", ["last time", "expenses"]),
    ("How frustrating is it to file your expenses?", ["filed your expenses"]),
    ("Does your manager review your timesheets?", ["your manager reviewed your timesheets"]),
    ("What do you hate most about doing your taxes?", ["did your taxes"]),
    ("Isn't it annoying when the app logs you out?", ["the app logged you out"]),
])
def test_suggestion_reuses_the_topic(question, words):
    s = lint_question(question)["suggestion"]
    assert lint_question(s)["kind"] == "story", s
    for w in words:
        assert w in s, (s, w)


@pytest.mark.parametrize("verb,past", [
    ("plan", "planned"), ("split", "split"), ("pay", "paid"), ("reconcile", "reconciled"),
    ("carry", "carried"), ("cancel", "cancelled"), ("track", "tracked"), ("buy", "bought"),
    ("panic", "panicked"), ("open", "opened"), ("ship", "shipped"), ("visit", "visited"),
])
def test_past_tense(verb, past):
    assert past_tense(verb) == past


def test_flags_of_matches_lint_question():
    q = "Would you use an app to split bills?"
    assert flags_of(q) == lint_question(q)["flags"]


# --------------------------------------------------------------------------------------
# Guides
# --------------------------------------------------------------------------------------
GOOD_MICRO = """
format: micro
questions:
  - text: "Tell me about the last time a client paid you late."
    kind: opener
  - text: "Walk me through everything you did after the invoice went out."
    kind: targeted
  - text: "How did you match the payment to the invoice once it arrived?"
    kind: targeted
  - text: "What happened next?"
    kind: probe
  - text: "Looking ahead to your next invoice, what are you planning to do differently?"
    kind: future
"""


def _errors(result):
    return [s for s in result["structure"] if s["level"] == "error"]


def test_good_micro_guide(tmp_path):
    result, problems = lint_file(write(tmp_path / "guide.yml", GOOD_MICRO))
    assert problems == []
    assert result["format"] == "micro"
    assert [q["role"] for q in result["questions"]] == ["opener", "targeted", "targeted", "probe", "future"]
    assert [q["line"] for q in result["questions"]] == [3, 5, 7, 9, 11]
    assert not any(q["flags"] for q in result["questions"])
    assert result["structure"] == []
    b = result["budget"]
    assert b["within"] and b["target_low"] == 3 and b["target_high"] == 7
    assert b["minutes_low"] <= b["minutes_estimate"] <= b["minutes_high"]
    assert not has_errors(result)


def test_shipped_pilot_guide_is_clean():
    result, problems = lint_file(REPO / "kit" / "data" / "pilot" / "guide.yml")
    assert problems == []
    assert not has_errors(result), format_report(result)


def test_missing_closer(tmp_path):
    text = GOOD_MICRO.replace('    kind: future', '    kind: targeted')
    result = lint_guide(write(tmp_path / "guide.yml", text))
    assert any("missing closer" in s["message"] for s in _errors(result))
    assert has_errors(result)


def test_closer_not_last(tmp_path):
    guide = write(tmp_path / "guide.yml", """
        format: micro
        questions:
          - {text: "Tell me about the last time a client paid you late.", kind: opener}
          - {text: "If you could change one thing about getting paid, what would it be?", kind: future}
          - {text: "Walk me through what you did after the invoice went out.", kind: targeted}
          - {text: "How did you match the payment to the invoice?", kind: targeted}
        """)
    result = lint_guide(guide)
    msgs = [(s["line"], s["message"]) for s in _errors(result)]
    assert any(line == 4 and "closer is not last" in m for line, m in msgs), msgs


def test_five_targeted_in_micro(tmp_path):
    targeted = "\n".join(f'  - {{text: "How did you handle step {n} of the invoice?", kind: targeted}}'
                         for n in "ABCDE")
    guide = write(tmp_path / "guide.yml",
                  'format: micro\nquestions:\n  - {text: "Tell me about the last time a client paid late.", kind: opener}\n'
                  + targeted + '\n  - {text: "What worries you about next quarter?", kind: future}\n')
    result = lint_guide(guide)
    errs = _errors(result)
    assert any("too many targeted questions: 5" in s["message"] and s["line"] == 7 for s in errs), errs
    # near-duplicates are warnings on the later question
    dups = [s for s in result["structure"] if "near-duplicate" in s["message"]]
    assert dups and all(s["level"] == "warning" for s in dups)
    assert dups[0]["line"] == 5 and "line 4" in dups[0]["message"]


def test_too_few_targeted_and_missing_opener():
    result = lint_guide(["How often do you check your bank balance?", "What worries you about next year?"])
    msgs = " | ".join(s["message"] for s in result["structure"])
    assert "too few targeted" in msgs
    result = lint_guide(["Do you use a spreadsheet?", "What happened next?", "What worries you about next year?"])
    assert any("missing opener" in s["message"] for s in _errors(result))


def test_opener_not_narrative(tmp_path):
    text = GOOD_MICRO.replace("Tell me about the last time a client paid you late.",
                              "Do you get paid late?")
    result = lint_guide(write(tmp_path / "guide.yml", text))
    assert any("not narrative" in s["message"] and s["line"] == 3 for s in _errors(result))


def test_over_budget(tmp_path):
    probes = "\n".join(f'  - {{text: "{p}", kind: probe}}' for p in
                       ["What happened next?", "Say more about that.", "Why was that?", "How so?",
                        "Can you give me an example?", "What do you mean by late?", "Who else was involved?",
                        "What did you do after that?"])
    text = GOOD_MICRO.replace("  - text: \"Looking ahead", probes + "\n  - text: \"Looking ahead")
    result = lint_guide(write(tmp_path / "guide.yml", text))
    assert not result["budget"]["within"]
    assert result["budget"]["minutes_estimate"] > 7
    assert any("time budget" in s["message"] and "over" in s["message"] for s in result["structure"])


def test_full_format_budget(tmp_path):
    core = [
        "Tell me about the last time you hired a contractor.",
        "How did you find the people you talked to?",
        "Walk me through how you checked their references.",
        "How did you agree on the price?",
        "What happened on the first day of the job?",
        "How did you pay them at the end?",
        "What are your plans for the next hire?",
    ]
    guide = write(tmp_path / "guide.txt", "# format: full\n" + "\n".join(core) + "\n")
    result = lint_guide(guide)
    assert result["format"] == "full"
    assert result["budget"]["target_low"] == 45 and result["budget"]["target_high"] == 60
    assert result["budget"]["within"], result["budget"]
    assert _errors(result) == [], result["structure"]
    full_minutes = MINUTES["full"]["targeted"]
    assert result["questions"][1]["minutes"] == sum(full_minutes) / 2


def test_txt_guide_infers_roles_and_lines(tmp_path):
    guide = write(tmp_path / "guide.txt", """
        # A micro guide about getting paid

        Tell me about the last time a client paid you late.
        Walk me through what you did after the invoice went out.
        What happened next?

        How did you match the payment to the invoice?
        What are you planning to change about getting paid next month?
        """)
    result, problems = lint_file(guide)
    assert problems == []
    qs = result["questions"]
    assert [q["line"] for q in qs] == [3, 4, 5, 7, 8]
    assert [q["role"] for q in qs] == ["opener", "targeted", "probe", "targeted", "future"]
    assert result["roles_inferred"] is True
    assert not has_errors(result)


def test_list_of_strings_and_flags_make_it_fail():
    result = lint_guide([
        "Tell me about the last time you booked a table.",
        "Would you use an app to book tables?",
        "How did you pick the restaurant?",
        "What worries you about eating out next month?",
    ])
    assert result["questions"][1]["flags"] == ["closed", "hypothetical"]
    assert [q["line"] for q in result["questions"]] == [1, 2, 3, 4]
    assert has_errors(result)


def test_json_output_shape(tmp_path):
    result = lint_guide(write(tmp_path / "guide.yml", GOOD_MICRO.replace(
        "How did you match the payment to the invoice once it arrived?", "Would you use an app to match payments?")))
    data = to_json(result)
    assert json.loads(json.dumps(data)) == data
    assert isinstance(data, list) and len(data) == 5
    assert [d["question"] for d in data] == [q["question"] for q in result["questions"]]
    for d in data:
        assert {"question", "flags", "kind", "suggestion", "line", "role", "minutes"} <= set(d)
        assert d["kind"] in KINDS
        assert isinstance(d["flags"], list)
    assert data[2]["flags"] == ["closed", "hypothetical"] and data[2]["suggestion"]
    assert data[0]["suggestion"] == ""


def test_format_report(tmp_path):
    path = write(tmp_path / "guide.yml", GOOD_MICRO.replace('    kind: future', '    kind: targeted'))
    result = lint_guide(path)
    text = format_report(result)
    lines = text.splitlines()
    assert any("Tell me about the last time a client paid you late." in line for line in lines)
    assert f"{path}:" in text and "missing closer" in text
    assert "minutes" in lines[-2] or "minutes" in text
    question_lines = [line for line in lines if "Walk me through" in line or "What happened next?" in line]
    assert len(question_lines) == 2


# --------------------------------------------------------------------------------------
# File problems
# --------------------------------------------------------------------------------------
def test_missing_file(tmp_path):
    result, problems = lint_file(tmp_path / "nope.yml")
    assert result is None
    assert problems == [Problem(str(tmp_path / "nope.yml"), 0, "file not found")]
    with pytest.raises(StudyError):
        lint_guide(tmp_path / "nope.yml")


def test_yaml_error_has_a_line(tmp_path):
    path = write(tmp_path / "guide.yml", "format: micro\nquestions:\n  - {text: \"unclosed, kind: opener\n  - x\n")
    result, problems = lint_file(path)
    assert result is None
    assert len(problems) == 1 and problems[0].line >= 3 and "YAML" in problems[0].message


def test_question_that_is_not_a_string(tmp_path):
    path = write(tmp_path / "guide.yml", """
        format: micro
        questions:
          - {text: "Tell me about the last time a client paid you late.", kind: opener}
          - {text: [1, 2], kind: targeted}
          - 42
        """)
    result, problems = lint_file(path)
    assert [(p.line, "must be a string" in p.message) for p in problems] == [(4, True), (5, True)]
    assert len(result["questions"]) == 1
    with pytest.raises(StudyError) as err:
        lint_guide(path)
    assert "guide.yml:4:" in str(err.value)


def test_unknown_kind(tmp_path):
    path = write(tmp_path / "guide.yml", "format: micro\nquestions:\n  - {text: Tell me about it, kind: warmup}\n")
    result, problems = lint_file(path)
    assert len(problems) == 1
    assert problems[0].line == 3 and "question kind must be" in problems[0].message
    assert str(problems[0]).startswith(f"{path}:3: ")
    assert result is not None and len(result["questions"]) == 1


def test_block_style_kind_line(tmp_path):
    path = write(tmp_path / "guide.yml", """
        format: micro
        questions:
          - text: "Tell me about the last time a client paid you late."
            kind: openr
        """)
    _, problems = lint_file(path)
    assert [p.line for p in problems] == [4]


def test_bad_format(tmp_path):
    path = write(tmp_path / "guide.yml", "format: mini\nquestions:\n  - Tell me about the last time you moved.\n")
    result, problems = lint_file(path)
    assert problems[0].line == 1 and "format" in problems[0].message
    assert result["format"] == "micro"


def test_binary_txt(tmp_path):
    path = tmp_path / "guide.txt"
    path.write_bytes(b"\x00\x01binary")
    result, problems = lint_file(path)
    assert result is None and problems[0].line == 1 and "binary" in problems[0].message  # located at the NUL


def test_kit_never_downloads():
    for py in (REPO / "kit").rglob("*.py"):
        assert "nltk.download" not in py.read_text(encoding="utf-8"), py


def test_judge_question_gives_lint_questions_flags_and_kind():
    # the benchmark and the floor tests measure the rules through judge_question (no rewrite)
    from kit.guide.lint import judge_question

    texts = [r["question"] for r in csv.DictReader(open(LABELLED, encoding="utf-8"))][:60]
    texts += ["¿Cuándo fue la última vez que pagaste tarde?", "x" * 5000, "", "How often do you and your team meet?"]
    for text in texts:
        full, judged = lint_question(text), judge_question(text)
        assert (judged["flags"], judged["kind"]) == (full["flags"], full["kind"]), text


def test_at_the_last_minute_is_no_past_occasion():
    # a newcomer's "how often ... at the last minute" passed unflagged: "the last" read as an occasion
    assert "generalizing" in lint_question("How often do you usually cancel a shift at the last minute?")["flags"]
    assert "generalizing" in lint_question("How often do clients drop out at the last minute?")["flags"]
    assert "generalizing" not in lint_question("Tell me about the last time a client cancelled at the last minute.")["flags"]
