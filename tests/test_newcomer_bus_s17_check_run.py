"""Newcomer session 17 (bus operator), fixed in session 17: `check` and `run` agree.
F1: a decision citing an interview held after it is a warning of `check` at decisions.csv:line and a
note `run` prints there. F12: a participant's name or email in study.yml or guide.yml that the report
shows redacted is published so by `run` (exit 0): `check` says that (a warning), never that run
"would refuse"; a phone number's opening parenthesis is kept. Inputs: tests/data/newcomer-bus."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.check import check_study
from kit.privacy_phone import _PHONE_CANDIDATE, _phone

DATA = Path(__file__).parent / "data" / "newcomer-bus"
S8 = Path(__file__).parent / "data" / "attack-s8"


@pytest.fixture()
def gname(tmp_path):
    shutil.copytree(DATA / "bus-fixed", tmp_path / "gname")
    shutil.copy(DATA / "study-gname.yml", tmp_path / "gname" / "study.yml")
    shutil.copy(DATA / "guide-gname.yml", tmp_path / "gname" / "guide.yml")
    return tmp_path / "gname"


def test_f1_check_warns_at_the_decisions_line():
    found = [p for p in check_study(DATA / "bus-fixed") if Path(p.path).name == "decisions.csv"]
    assert [(p.line, p.level) for p in found] == [(3, "warning")]
    assert "D-002 cites INT-010" in found[0].message and "held after the decision" in found[0].message


def test_f1_a_decision_citing_earlier_interviews_is_no_warning(tmp_path):
    shutil.copytree(DATA / "bus-fixed", tmp_path / "bus")
    path = tmp_path / "bus" / "decisions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2026-03-08", "2026-03-28"), encoding="utf-8")
    assert not [p for p in check_study(tmp_path / "bus") if Path(p.path).name == "decisions.csv"]


def test_f12_check_says_run_publishes_the_names_redacted(gname):
    problems = check_study(gname)
    assert not [p for p in problems if p.is_error], [str(p) for p in problems if p.is_error]
    assert not [p for p in problems if "would refuse" in p.message]
    shown = {(Path(p.path).name, p.line) for p in problems if "publishes it so (exit 0)" in p.message}
    assert {("study.yml", 1), ("guide.yml", 14)} <= shown


def test_f12_non_consenting_words_are_published_withheld_and_check_says_so():
    problems = check_study(S8 / "priv-nonconsent-elsewhere")
    assert not [p for p in problems if "would refuse" in p.message]
    shown = {(Path(p.path).name, p.line, p.level) for p in problems if "withheld ([not quoted])" in p.message}
    assert shown == {("study.yml", 16, "warning"), ("guide.yml", 18, "warning")}


@pytest.mark.parametrize("text, shown", [("Ask him (07700 900888) how", "Ask him ([phone]) how"),
                                         ("call (01234) 567890 now", "call [phone] now"),
                                         ("ring 07700 900888.", "ring [phone].")])
def test_f12_a_phone_number_keeps_its_opening_parenthesis(text, shown):
    assert _PHONE_CANDIDATE.sub(_phone, text) == shown


@pytest.mark.slow
def test_f1_f12_run_publishes_redacted_and_notes_the_decision(gname, tmp_path):
    from kit.pipeline import run

    said = []
    run(gname, tmp_path / "rep", progress=False, log=said.append)
    notes = [m for m in said if ": note: " in m]
    assert notes == [m for m in notes if m.startswith(f"{gname / 'decisions.csv'}:3: note: decision D-002 cites INT-010")]
    assert len(notes) == 1
    page = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert "Gwen" not in page and "gwen.pritchard" not in page and "[name] P. and [email]" in page
    guide = (tmp_path / "rep" / "guide.md").read_text(encoding="utf-8")
    assert "Ask [name] ([phone]) how the ramp" in guide and "Dai Hughes" not in guide


@pytest.mark.slow
def test_f12_run_publishes_the_words_withheld_as_check_says(tmp_path):
    from kit.pipeline import run

    shutil.copytree(S8 / "priv-nonconsent-elsewhere", tmp_path / "s")
    run(tmp_path / "s", tmp_path / "rep", progress=False)  # no PrivacyLeak: exit 0
    guide = (tmp_path / "rep" / "guide.md").read_text(encoding="utf-8")
    assert "devour your whole Wednesday afternoon, as in: [not quoted]?" in guide
