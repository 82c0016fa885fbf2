"""An attacker's fault (session 11, A4): one transcript turn of a long unbroken word (a pasted
blob, a long URL) made ``analyze`` and ``check`` superlinear in the word's length: 12 s for
16 KB, hours for 5 MB. The turn is now read, coded and written like any other."""
from __future__ import annotations

import csv
import re

import pytest

from kit.cli import main
from kit.language_passages import _at_least
from kit.scaffold import new_study


def _study(tmp_path, body: str):
    root = tmp_path / "study"
    new_study(root)
    path = root / "transcripts" / "INT-001.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = "Jordan: " + body
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("body", ["x" * 400_000, "é" * 100_000 + " then " + "ab" * 50_000,
                                  "-" * 200_000, "http://example.com/" + "a1" * 100_000])
def test_a_long_unbroken_word_is_analysed_and_kept(tmp_path, body, capsys):
    root = _study(tmp_path, body)
    out = tmp_path / "out"
    assert main(["analyze", str(root), "--out", str(out), "--quiet"]) == 0
    with open(out / "turns.csv", encoding="utf-8", newline="") as fh:
        texts = [row["text"] for row in csv.DictReader(fh)]
    assert any(len(t) >= len(body) for t in texts)  # the turn is there, whole


def test_the_words_test_is_the_same_as_the_plain_pattern():
    plain = re.compile(r"[^\W_]+(?:[\W_]+[^\W_]+){2}")
    fast = _at_least(3)
    for text in ["", "one", "one two", "one two three", "  one, two; three!", "a_b_c", "é à ü", "x-y-z",
                 "one\ntwo\nthree", "__one__two__three__", "1 2 3", "word " * 5, "a" * 50]:
        assert (plain.search(text) is None) == (fast.search(text) is None), text
