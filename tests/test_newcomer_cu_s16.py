"""Newcomer session 16 (credit union), faults F4, F10, F12 (and F15, F16, F17, A10 below).

F4: an interpreter mapped to the Deaf member (``speakers: {"ASL Interpreter": P-003}``) made the
member's own exact-roster-name label a third speaker. F10: "Bill pay" (roster: Bill Hart) became
"[name] pay" in a team note while "Bill payment" was kept. F12: the interviewer Tom Reyes was shown
as "Tom [name]" (members surnamed Reyes) and check told the team to write a participant's id.
Inputs: tests/data/newcomer-credit-union (README.md there).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.check import check_study
from kit.privacy import Roster, redact, roster
from kit.privacy_compounds import names_a_thing
from kit.study import load_study

DATA = Path(__file__).parent / "data" / "newcomer-credit-union"
SMALL = DATA / "cu-small"


@pytest.fixture(scope="module")
def study():
    return load_study(SMALL)


# -- F4: an interpreter voicing the participant, and the participant's own label ---------------

def test_the_members_own_label_counts_for_her_beside_the_interpreter_mapped_to_her(study):
    turns = study.turns[study.turns["interview_id"] == "INT-003"]
    signed = turns[turns["text"] == "[signs] thank you"]
    assert len(signed) == 1
    assert signed["participant"].tolist() == ["P-003"] and signed["role"].tolist() == ["participant"]
    voiced = turns[turns["text"].str.startswith("I waited until Monday")]
    assert voiced["participant"].tolist() == ["P-003"]
    said = [p for p in study.problems if str(p.path).endswith("INT-003.txt")]
    assert [p.line for p in said] == [6]
    assert "both are read as P-003's words" in said[0].message
    assert "neither the team nor the participant" not in said[0].message
    assert "Grace" not in said[0].message and "Okafor" not in said[0].message


def test_another_persons_label_beside_the_mapped_interpreter_is_still_a_third_speaker(tmp_path):
    root = tmp_path / "cu"
    shutil.copytree(SMALL, root)
    path = root / "transcripts" / "INT-003.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Grace Okafor: [signs]", "Grace Okafor Jr: [signs]"),
                    encoding="utf-8")
    turns = load_study(root).turns
    signed = turns[turns["text"] == "[signs] thank you"]
    assert signed["participant"].isna().all() or (signed["participant"].fillna("") == "").all()


def test_the_docs_say_how_to_record_an_interpreter_voicing_a_participant():
    root = Path(__file__).parents[1]
    for doc in ("README.md", "docs/study-format.md"):
        text = " ".join((root / doc).read_text(encoding="utf-8").split())
        assert '`speakers: {"ASL Interpreter": P-003}`' in text, doc


# -- F10: a word-like first name before a noun ---------------------------------------------------

BILL = Roster(names=("Bill Hart", "Mark Lee", "Will Ng", "Grace Okafor", "Rose Li"),
              parts=("Bill", "Hart", "Mark", "Lee", "Will", "Ng", "Grace", "Okafor", "Rose", "Li"))


@pytest.mark.parametrize("text", [
    "Bill pay payee disappeared; 25 min hold.", "Bill payment day", "Our Bill pay page", "mobile Bill pay",
    "Bill pay", "Mark as read.", "Will you call?", "Grace period ends.", "Rose garden", "bill pay", "bill payment"])
def test_a_word_like_first_name_before_a_noun_is_the_word(text):
    assert redact(text, BILL) == text


@pytest.mark.parametrize("text, expected", [
    ("Did Bill pay the rent?", "Did [name] pay the rent?"), ("Let Bill pay.", "Let [name] pay."),
    ("You and Bill pay rent.", "You and [name] pay rent."), ("Bill pays rent.", "[name] pays rent."),
    ("Bill paid me.", "[name] paid me."), ("Bill saw it.", "[name] saw it."), ("Mark read it.", "[name] read it."),
    ("Mark works here.", "[name] works here."), ("Grace can help", "[name] can help"),
    ("I saw Bill yesterday", "I saw [name] yesterday"), ("I gave Bill money", "I gave [name] money"),
    ("Bill today said", "[name] today said"), ("I use Bill pay daily.", "I use [name] pay daily."),
    ("Mark as the boss", "[name] as the boss"), ("Thanks Bill.", "Thanks [name]."), ("Bill Hart pay", "[name] pay")])
def test_where_the_name_may_be_the_person_it_is_redacted(text, expected):
    assert redact(text, BILL) == expected


def test_the_note_of_the_reporter_reads_as_its_transcript():
    people = roster(SMALL)
    note = (SMALL / "interviews" / "INT-005.md").read_text(encoding="utf-8")
    insight = next(line[2:] for line in note.splitlines() if line.startswith("- Bill pay"))
    assert redact(insight, people) == insight
    assert redact("Bill payment day", people) == "Bill payment day"
    assert redact("Thanks Bill. Tell me", people) == "Thanks [name]. Tell me"


def test_names_a_thing_fails_closed_without_a_noun():
    assert not names_a_thing(None, "")
    assert not names_a_thing(None, "and")
    assert not names_a_thing(None, "the")
    assert names_a_thing(None, "pay") and not names_a_thing("did", "pay")


# -- F12: a team member who shares a surname with a member ---------------------------------------

def test_the_team_members_full_name_is_kept_and_check_gives_no_participant_advice(study):
    people = roster(SMALL)
    assert "Tom Reyes" in people.team
    assert redact("Tom Reyes: Thanks.", people) == "Tom Reyes: Thanks."
    assert redact("José Reyes called Mr Reyes", people) == "[name] called Mr [name]"
    assert redact("Tom Reyes and Reyes", people) == "Tom Reyes and [name]"
    turns = study.turns
    assert "Tom Reyes" in set(turns["speaker"])
    problems = check_study(SMALL)
    assert not [p for p in problems if str(p.path).endswith("study.yml") and "participant's id" in p.message]


def test_a_team_name_that_is_a_participants_full_name_stays_redacted():
    people = Roster(names=("Tom Reyes",), parts=("Tom", "Reyes"))
    from kit.privacy_team import team_of

    assert team_of({"team": [{"name": "Tom Reyes"}, {"name": "Reyes"}, "Ana Cruz"]}, people.names) == ("Ana Cruz",)


# -- F15: an ROI with no decision valued --------------------------------------------------------

def test_an_roi_with_no_decision_valued_says_so_not_an_empty_parenthesis(tmp_path):
    from kit import program
    from kit.report.page import Report
    from kit.roi import value_basis_words

    assert value_basis_words(None) == "no decision valued yet"
    root = tmp_path / "cu"
    shutil.copytree(SMALL, root)
    shutil.copy(DATA / "costs-one-row.csv", root / "costs.csv")
    shutil.copy(DATA / "decisions-header-only.csv", root / "decisions.csv")
    loaded = load_study(root)
    program.program_json(loaded, tmp_path / "out", as_of="2026-11-30")
    context = Report(loaded, tmp_path / "out").context()
    words = "\n".join([*context["findings"], *(m["label"] + " " + m["value"] for m in context["metrics"])])
    assert "()" not in words and "; )" not in words
    assert "program ROI (research's share of each decision; no decision valued yet)" in words
    assert "(no decision valued yet)." in words


# -- F16: a withheld run ending inside a redaction mark -------------------------------------------

TURN = "The bill pay payee vanished from my list. My member number is [id] and my cell is [phone]."


@pytest.mark.parametrize("text, expected", [
    ("… My member number is [id] and my cell is [phone].", "… [not quoted]."),
    ("[id] and my cell is [phone] today", "[not quoted] today"),
    ("my member number is [id] and my cell", "[not quoted]"),
])
def test_a_withheld_run_covers_a_redaction_mark_whole(text, expected):
    from kit.privacy import Unquotable

    theirs = Unquotable(own_texts=[TURN])
    shown = theirs.withhold(text)
    assert shown == expected
    assert "]]" not in shown and "[[" not in shown


def test_a_search_hit_whose_match_is_withheld_says_why():
    from kit.discovery.search import _withhold

    record = {"kind": "turn", "consent_quote": True, "text": "Hi. " + TURN, "context": "",
              "snippet": "… My «member number» is [id] and my cell is [phone]."}
    _withhold([record], [TURN])
    assert record["snippet"] == "… [not quoted]. (the match is inside words withheld: not shown)"
    assert "]]" not in record["text"]


# -- F17: words of another language in a plain keyword list --------------------------------------

def test_check_names_the_other_languages_words_of_a_plain_keyword_list():
    import pandas as pd

    from kit.codebook import load_codebook
    from kit.languages import coding_coverage, coverage_problems

    codebook = load_codebook(DATA / "cu-keywords" / "codebook.yml")[0]
    lines = (DATA / "cu-keywords" / "INT-010-es.txt").read_text(encoding="utf-8").splitlines()
    said = [line.split(": ", 1)[1] for line in lines if line.startswith("Rosa")]
    segments = pd.DataFrame({"segment_id": [f"INT-010#t{i}" for i in range(len(said))] + ["INT-001#t1"],
                             "text": said + ["Hindi tinanggap ang tseke ko sa app."], "language": ["es"] * len(said) + ["tl"]})
    problems = coverage_problems(codebook, coding_coverage(codebook, segments))
    es = next(p.message for p in problems if "(es)" in p.message)
    assert "have no keywords in Spanish" not in es
    assert "a plain keyword list applies to English only" in es
    assert "depósito" in es and "sucursal" in es and "tseke" not in es
    assert "move them under `keywords: {es: [...]}`" in es
    tl = next(p.message for p in problems if "(tl)" in p.message)
    assert "tseke" in tl and "sucursal" not in tl


def test_a_language_with_none_of_the_plain_words_keeps_the_old_warning():
    import pandas as pd

    from kit.codebook import load_codebook
    from kit.languages import coding_coverage, coverage_problems

    codebook = load_codebook(DATA / "cu-keywords" / "codebook.yml")[0]
    segments = pd.DataFrame({"segment_id": ["a"], "text": ["Je suis allé à la banque."], "language": ["fr"]})
    (problem,) = coverage_problems(codebook, coding_coverage(codebook, segments))
    assert "have no keywords in French (fr)" in problem.message


# -- attacker A10: a stray quote in participants.csv ----------------------------------------------

def test_the_stray_quote_warning_shows_no_cell_of_the_row():
    from kit.csvio import read_rows

    rows, _columns, problems = read_rows(DATA / "participants-stray-quote.csv")
    (said,) = [p for p in problems if "a quote inside a field" in p.message]
    assert said.line == 2 and said.level == "warning"
    for value in ("Adeyemi", "Ngozi", "Nigi", "ngozi@example.net", "agency", "P-004"):
        assert value not in said.message
    assert "into 2 field(s)" in said.message
    assert rows and rows[0]["id"] == "P-004"  # the row is still read, not lost


def test_f3_a_withdrawn_participants_words_are_in_no_table_the_study_gives(tmp_path):
    """Newcomer s16 F3: `run`'s report counted a withdrawn member in its themes (3 people / 30%)
    while `analyze` said 2 / 20%: their words leave the study's tables when it is loaded."""
    root = tmp_path / "s"
    shutil.copytree(Path(__file__).resolve().parents[1] / "kit" / "data" / "pilot", root)
    before = load_study(root, strict=False)
    sheet = root / "participants.csv"
    pid = sorted(p for p in set(before.turns["participant"]) if p)[0]  # someone with a transcript
    lines = sheet.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    at = next(i for i, line in enumerate(lines) if line.split(",")[0] == pid)
    row = lines[at].split(",")
    row[header.index("status")] = "withdrawn"
    sheet.write_text("\n".join(lines[:at] + [",".join(row)] + lines[at + 1:]) + "\n", encoding="utf-8")
    study = load_study(root, strict=False)
    iids = set(study.withdrawn_rows.loc[study.withdrawn_rows["participant"] == pid, "interview_id"])
    assert iids  # their interview is kept aside, in no table or count (newcomer s17 F13)
    assert not set(study.interviews["interview_id"]) & iids
    for frame in (study.turns, study.quotes, study.insights, study.opportunities, study.segments()):
        assert not set(frame["interview_id"]) & iids and pid not in set(frame["participant"])
    coding = root / "codings" / "extra.csv"
    coding.parent.mkdir(exist_ok=True)
    theirs = before.turns.loc[before.turns["participant"] == pid, "segment_id"].iloc[0]
    coding.write_text(f"segment,code,coder\n{theirs},getting-paid,ana\n", encoding="utf-8")
    study = load_study(root, strict=False)
    warned = [p for p in study.problems if p.path.endswith("extra.csv") and p.line == 2]
    assert len(warned) == 1 and warned[0].level == "warning" and "withdrawn participant" in warned[0].message
