"""Fault B12 measured on real interviews (``../shared/corpora``, read at test time, skipped when
absent): a roster of people whose names are everyday words (Peter Law, Mark Price, May Bill, ...)
none of whom is in the corpus. Before, every capitalised occurrence of such a word was redacted
("Will all media...", "Delta Green", "Summer Blockbuster"); now only those where a person is named
(:func:`kit.privacy_text.names_a_person`). Every redaction here is of someone else or of no one:
the figures are the false redactions (docs/privacy.md, "Names that are also words")."""
import re

import pandas as pd
import pytest

from kit.privacy import NAME_MARK, Roster, _name_parts, redact
from kit.privacy_text import _everyday
from tests.conftest import CORPUS

PEOPLE = ["Peter Law", "Mark Price", "Grace Hope", "Rose Page", "May Bill", "Will Cook", "Frank Young", "Joy King",
          "Faith Green", "Drew Walker", "Summer Brown", "Chase White", "Art Black", "Dawn Hunter", "Miles Baker",
          "June Mason", "April Parker", "Sky Bell", "River Hall", "Rich Wood", "Ray Stone", "Lane Hill", "Guy Long",
          "Amber Fisher", "Hazel Miller", "Olive Turner", "Penny Porter", "Ruby Ward", "Jack Cooper", "Bill Carter"]


def _lines() -> list[str]:
    files = sorted(CORPUS.glob("*_transcripts.csv")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"the real corpus is not here: {CORPUS}")
    texts = [t for f in files for t in pd.read_csv(f)["text"].tolist() if isinstance(t, str)]
    return [line for t in texts for line in t.splitlines() if line.strip()]


def test_everyday_names_are_redacted_far_less_often_where_no_one_is_named():
    people = Roster(names=tuple(PEOPLE), parts=tuple(dict.fromkeys(_name_parts(PEOPLE))))
    everyday = _everyday()
    parts = sorted({p for p in people.parts if p.lower() in everyday})
    assert len(parts) >= 40  # the roster is one of words
    word = re.compile(r"\b(?:" + "|".join(parts) + r")\b")
    before = after = 0
    for line in _lines():
        found = len(word.findall(line))  # the rule before: each capitalised occurrence redacted
        if found:
            before += found
            after += redact(line, people).count(NAME_MARK)
    if not before:
        pytest.skip("no capitalised everyday name word in the corpus")
    # measured (session 9, 250 interviews, 8,490 lines): 23 before, 10 now, of which 4 name
    # someone ("Steven King", "Rose's gullibility": a person's context, so redacted)
    assert after * 2 <= before, (after, before)


def test_no_identifier_is_announced_in_interviews_that_say_none():
    """The corpus's interviews give no one's number: a ``[id]`` there is a false redaction
    (measured, session 9: none in 8,490 lines)."""
    lines = _lines()
    digits = [line for line in lines if len(re.findall(r"\d", line)) >= 3]
    assert digits  # numbers are there to be mistaken
    assert [line for line in digits if "[id]" in redact(line, None)] == []
