"""Names written with invisible characters (Unicode category Cf: zero-width spaces and
joiners, U+FEFF, U+2060, bidi marks, overrides and isolates) are names: redacted, and found
by the final leak scan; printed problems are cleaned whole, hints included."""
from __future__ import annotations

from pathlib import Path

import pytest

from kit.errors import Problem
from kit.outputs import Outputs
from kit.privacy import Roster, _name_parts, find_leaks, redact

NAMES = ("José Müller", "Jordan Example")
PEOPLE = Roster(names=NAMES, parts=tuple(_name_parts(NAMES)), emails=("jose@example.com",))
INVISIBLE = ["\u200b", "\u200d", "\ufeff", "\u2060", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
             "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u00ad"]


@pytest.mark.parametrize("mark", INVISIBLE)
def test_a_name_with_an_invisible_character_in_it_is_redacted(mark):
    assert redact(f"Jo{mark}sé_Mü{mark}ller-2", PEOPLE) == "[name]-2"
    assert redact(f"hi {mark}jordan example{mark}, bye", PEOPLE) == f"hi {mark}[name]{mark}, bye"
    assert redact(f"call Jor{mark}dan", PEOPLE) == "call [name]"


def test_invisible_characters_elsewhere_are_kept():
    text = "a\u200db \u202eright\u202c to left"
    assert redact(text, PEOPLE) == text


@pytest.mark.parametrize("mark", ["\u200b", "\u202e", "\u2066"])
def test_the_leak_scan_finds_a_name_with_invisible_characters(tmp_path, mark):
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "interviews.csv").write_text(f"interview_id\nJo{mark}sé_Mü{mark}ller-2\n", encoding="utf-8")
    (tmp_path / f"{mark}JOSE MULLER.txt").write_text("nothing", encoding="utf-8")
    (tmp_path / "fine.csv").write_text("interview_id\nINT-001\n", encoding="utf-8")
    assert find_leaks(tmp_path, PEOPLE) == sorted([f"{mark}JOSE MULLER.txt", "tables/interviews.csv"])


def test_an_interview_id_that_is_a_name_is_redacted_in_every_cell():
    import pandas as pd

    frame = pd.DataFrame({"interview_id": ["Jo\u200bsé_Mü\u200dller-2", "INT-001"], "words": [3, 4]})
    out = Outputs(None, None, people=PEOPLE).frame(frame)
    assert out["interview_id"].tolist() == ["[name]-2", "INT-001"]


def test_a_printed_problem_is_cleaned_whole_with_its_hint(tmp_path):
    path = str(tmp_path / "transcripts" / "jose_mueller.vtt")
    problem = Problem(path, 3, "cannot read this timing line")
    roles = {str(Path(path).resolve()): "the transcript of \u202eJOSE MULLER"}
    line = Outputs(None, None, people=PEOPLE).problem(problem, lambda: roles)
    assert "jose" not in line.lower() and "muller" not in line.lower() and "mueller" not in line.lower()
    assert "--include-names shows the file name" in line
    shown = Outputs(None, None, people=PEOPLE, include_names=True).problem(problem, lambda: roles)
    assert shown == str(problem)


def test_a_message_that_lost_names_says_include_names_shows_them():
    out = Outputs(None, None, people=PEOPLE)
    line = out.problem(Problem("transcripts/INT-007.txt", 4, "speaker label 'Jordan' read as 'José'"))
    assert line.endswith("(--include-names shows the names)") and "Jordan" not in line
    plain = Problem("transcripts/INT-007.txt", 4, "write to jose@example.com")
    assert out.problem(plain) == "transcripts/INT-007.txt:4: write to [email]"
    untouched = Problem("transcripts/INT-007.txt", 4, "nothing here")
    assert out.problem(untouched) == str(untouched)


# -- names that are also everyday words (README: replaced only when capitalised) ----------------
WORDY = ("Email Date", "Quote Will", "May Hope", "Line Break")
WORDY_PEOPLE = Roster(names=WORDY, parts=tuple(_name_parts(WORDY)))


@pytest.mark.parametrize("text", [
    "a person needs an id or an email",
    "last_contacted '2026-02-30' is not a date (YYYY-MM-DD)",
    "a quote (\") opened on this line is never closed: close the quote",
    "consent_quote must be yes or no, not 'maybe'",
    "we will hope it may work: see line 3",
    "email '[phone]' is not an email address",
])
def test_everyday_words_in_lower_case_are_not_names(text):
    assert redact(text, WORDY_PEOPLE) == text


@pytest.mark.parametrize("text, expected", [
    ("Thanks, Will.", "Thanks, [name]."),
    ("Hope said no; May agreed", "[name] said no; [name] agreed"),
    ("Date joined late", "[name] joined late"),
    ("ask quote will about it", "ask [name] about it"),  # a full name is a name in any case
])
def test_everyday_words_capitalised_as_names_are_names(text, expected):
    assert redact(text, WORDY_PEOPLE) == expected


def test_a_name_that_is_no_everyday_word_is_a_name_in_any_case():
    people = Roster(names=("Dana Okafor",), parts=("Dana", "Okafor"))
    assert redact("thanks, dana; okafor agreed", people) == "thanks, [name]; [name] agreed"


def test_a_file_whose_interview_id_is_its_name_is_not_named_by_that_id(study_dir):
    from kit.outputs import file_roles
    from kit.privacy import roster

    path = study_dir / "transcripts" / "sam_ruiz.txt"
    path.write_text("Interviewer: hi\nSam: hello there\n", encoding="utf-8")
    roles = file_roles(study_dir)
    assert str(path.resolve()) not in roles  # "the transcript of sam_ruiz" would say the name
    assert roles[str((study_dir / "transcripts" / "INT-001.txt").resolve())] == "the transcript of INT-001"
    line = Outputs(None, None, people=roster(study_dir)).problem(Problem(str(path), 2, "odd line"), lambda: roles)
    assert "ruiz" not in line.lower() and "its file name holds a participant's name" in line
