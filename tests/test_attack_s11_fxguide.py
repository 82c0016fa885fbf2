"""Attacker session 11, A1 (fxguide): lint-guide was quadratic in the length of one unbroken word
(a 128 KB word 10 s, 250 KB never finished) and echoed the whole word. A question too long to lint
gets no notes and no near-duplicate check and is shown cut; the spelling check reads a word of more
than 45 letters once; the guide-line regexes read runs of digits, spaces and emphasis marks once."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kit.guide import spelling
from kit.guide.guide_lines import _TIMING, _unemphasised, classify, wrong_kind
from kit.guide.structure import format_report, lint_file, to_json

DATA = Path(__file__).parent / "data" / "attack-s11"


def _counting(monkeypatch):
    """Count the look-ups in pyspellchecker's word list (the work the spelling check does)."""
    checker = spelling._checker()
    calls = {"n": 0}
    frequency = type(checker.word_frequency)
    original = frequency.__contains__

    def contains(self, key):
        calls["n"] += 1
        return original(self, key)

    monkeypatch.setattr(frequency, "__contains__", contains)
    return calls


def test_a_too_long_question_is_reported_not_noted_and_shown_cut():
    result, problems = lint_file(DATA / "long-token-guide.txt")
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(2, "question 2")]
    assert "too long to lint" in problems[0].message
    q = result["questions"][1]
    assert q["too_long"] and "notes" not in q and len(q["question"]) <= 200 and q["question"].endswith("...")
    shown = format_report(result) + json.dumps(to_json(result)) + "".join(map(str, problems))
    assert "a" * 300 not in shown and len(shown) < 5000  # the 20,000-letter word is not echoed


def test_a_too_long_question_is_no_near_duplicate(tmp_path):
    line = "Tell me about the last time you " + "paid an invoice and " * 80 + "chased it?"
    guide = tmp_path / "dup.txt"
    guide.write_text(f"{line}\n{line}\n", encoding="utf-8")
    result, problems = lint_file(guide)
    assert [p.line for p in problems] == [1, 2]
    assert not any("near-duplicate" in s["message"] for s in result["structure"])


@pytest.mark.parametrize("word", ["a" * 100_000, "re" * 50_000, "ll" * 50_000, "our" * 30_000, "a's" * 30_000,
                                  "qz-" * 30_000])
def test_the_spelling_check_reads_a_long_word_once(monkeypatch, word):
    calls = _counting(monkeypatch)
    found = spelling.misspellings(f"Tell me about {word} today")
    assert calls["n"] < 200  # a look-up per word part of at most 45 letters, never one per position
    assert all(len(m["word"]) <= spelling.LONGEST_WORD + 3 for m in found)
    assert spelling.sure_corrections(word) == word


def test_the_spelling_check_still_names_and_corrects_ordinary_words():
    found = spelling.misspellings("Tell me abot the last time you rebooked the clinet")
    assert [m["word"] for m in found] == ["abot", "clinet"] and found[1]["suggestion"] == "client"
    long = spelling.misspellings("Tell me about " + "x" * 60)
    assert long == [{"word": "x" * 45 + "...", "suggestion": ""}]
    assert spelling.misspellings("A pneumonoultramicroscopicsilicovolcanoconiosis case") == []


@pytest.mark.parametrize("line", ["1" * 200_000, "(" + "1" * 200_000, "5" + " " * 200_000 + "x", "**a " * 50_000,
                                  "*" * 100_000 + "a" + "*" * 100_000, "__a " * 50_000 + "**b**",
                                  "A" + " " * 200_000 + "x", "why " * 50_000, "!" * 200_000])
def test_guide_lines_of_long_runs_are_read(line):
    kind, text, _ = classify(line)  # each run read once (these took minutes: "1" * 16,000 over 30 s)
    assert kind in {"question", "heading", "note", "timing"} and text
    assert wrong_kind("\n".join([line] * 4)) is None or "transcript" in wrong_kind("\n".join([line] * 4))


def test_the_linear_readings_give_the_same_answers():
    assert _TIMING.match("(5-10 min)") and _TIMING.match("5 to 10 mins") and _TIMING.match("510min")
    assert _TIMING.match("5 10 min") and not _TIMING.match("5 x min")
    assert _unemphasised("**Opener:** Tell me about it") == "Opener: Tell me about it"
    assert _unemphasised("*_Tell me about it_*") == "Tell me about it"
    assert _unemphasised("**a **b") == "**a **b" and _unemphasised("*a\nb*") == "*a\nb*"
    assert _unemphasised("******x y**") == "x y"  # as the regex read it


@pytest.mark.parametrize("body", ["ab" * 60_000, "!" * 120_000, "why " * 30_000, "a'" * 60_000, "a-" * 60_000])
def test_a_guide_with_a_long_token_is_linted(tmp_path, body):
    guide = tmp_path / "g.txt"
    guide.write_text(f"Tell me about the last time you printed something.\nTell me about {body}?\n"
                     "What happened next?\n", encoding="utf-8")
    result, problems = lint_file(guide)
    assert [p.line for p in problems] == [2] and "too long to lint" in problems[0].message
    assert len(format_report(result)) + len(json.dumps(to_json(result))) < 10_000
