"""The privacy faults a newcomer (a user researcher at a community composting service) met
on a first study, by kind: a participant's label written another way read as the
interviewer's words (and published though they refused quoting), a surname leaking through
a name written without its apostrophe, a date repaired without a word, and a service line
read as a caption number. The inputs under tests/data/newcomer-compost/fixpriv/ are minimal
copies of the newcomer's study (written for the kit, no real interviews)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import write

DATA = Path(__file__).parent / "data" / "newcomer-compost" / "fixpriv"
SENTENCE = "I was furious, honestly I almost cancelled the whole service."


@pytest.fixture
def compost(tmp_path):
    """A writable copy of the newcomer's compost study (the interviews these faults need)."""
    return Path(shutil.copytree(DATA / "study", tmp_path / "compost"))


# -- 1. a label written another way is a speaker turn, or a located problem ------------------------
def test_a_label_used_once_that_shares_a_name_is_a_speaker_turn_and_reported():
    import kit

    df = kit.read_transcript(DATA / "relabel.txt")
    assert list(df["speaker"]) == ["Interviewer", "Mary-Jane Hope", "Interviewer", "MJ Hope",
                                   "Interviewer", "Mary-Jane Hope"]
    assert not df["text"][df["speaker"] == "Interviewer"].str.contains("crew").any()
    (problem,) = df.attrs["problems"]
    assert (problem.line, problem.level) == (4, "warning") and "'MJ Hope'" in problem.message


def test_a_label_without_accents_is_the_same_speaker_and_reported():
    import kit

    df = kit.read_transcript(DATA / "study" / "transcripts" / "INT-008.txt")
    assert set(df["speaker"]) == {"Entrevistadora", "José Peña"}
    assert not df["text"][df["speaker"] == "Entrevistadora"].str.contains("bolsas").any()
    assert [(p.line, "'Jose Pena' read as 'José Peña'" in p.message) for p in df.attrs["problems"]] == [(6, True)]


def test_a_once_used_label_is_a_turn_of_its_own_and_a_located_problem():
    from kit.transcripts import parse_transcript

    df = parse_transcript("Maya: Why?\nDana: Cost.\nTom: Can I add one thing?\nMaya: Sure.\nDana: Yes.\n",
                          source="t.txt")
    assert list(df["speaker"]) == ["Maya", "Dana", "Tom", "Maya", "Dana"]  # session 11: never glued to Dana's
    (problem,) = df.attrs["problems"]
    assert (problem.path, problem.line) == ("t.txt", 3) and "'Tom:' looks like a speaker label" in problem.message


def test_the_refusing_participants_words_are_withheld_and_check_reports_the_label(compost):
    from kit.check import check_study
    from kit.outputs import PUBLISHED, Outputs
    from kit.study import load_study

    study = load_study(compost)
    turns = study.turns[study.turns["interview_id"] == "INT-006"]
    theirs = turns[turns["text"].str.contains("almost cancelled")]
    assert theirs["role"].tolist() == ["participant"] and theirs["participant"].tolist() == ["P-006"]
    insight = study.insights[study.insights["interview_id"] == "INT-006"]["text"].iloc[0]
    published = Outputs(None, study, PUBLISHED).clean(insight)
    assert "almost cancelled" not in published and "[not quoted]" in published
    assert "cancelled the whole service" not in Outputs(None, study, PUBLISHED).clean(SENTENCE)
    problems = [p for p in check_study(compost) if p.path.endswith("INT-006.txt")]
    assert any(p.line == 11 and "'MJ Hope'" in p.message for p in problems)


def test_an_interviewer_reading_an_answer_back_never_makes_it_common(compost):
    from kit.outputs import PUBLISHED, Outputs
    from kit.privacy import unquotable
    from kit.study import load_study

    path = compost / "transcripts" / "INT-006.txt"
    text = path.read_text(encoding="utf-8").replace("MJ Hope:", "Mary-Jane Hope:")
    text = text.replace("Interviewer: What are you already planning",
                        f"Interviewer: So you said: {SENTENCE}\nInterviewer: What are you already planning")
    write(path, text)
    words = unquotable(load_study(compost))
    assert words.holds(SENTENCE)
    assert "almost cancelled" not in Outputs(None, compost, PUBLISHED).clean(SENTENCE)


def test_only_a_short_phrase_said_earlier_by_the_interviewer_is_common():
    from kit.privacy import Unquotable, _shingles, _words

    sentence = "the crew left a bright sticker on my caddy lid last week"
    earlier = {}
    for run in _shingles(_words(f"Did the crew leave a sticker? {sentence}?")):
        earlier.setdefault(run, 0)
    # the whole sentence said before by someone else is still theirs (longer than a phrase)
    assert Unquotable([(sentence, earlier, 1)], [], {"P-1"}).holds(sentence)
    # a short phrase said before is common; the rest of their sentence is theirs
    short = {run: 0 for run in _shingles(_words("a bright sticker on my caddy"))}
    words = Unquotable([(sentence, short, 1)], [], {"P-1"})
    assert not words.holds("a bright sticker on my caddy") and words.holds("on my caddy lid last week")
    # said only after them: never common
    assert Unquotable([(sentence, {run: 2 for run in short}, 1)], [], {"P-1"}).holds("a bright sticker on my caddy")


# -- 2. name parts joined or split another way are the name ---------------------------------------
def test_check_never_shows_a_surname_written_without_its_apostrophe(compost, capsys):
    from kit.cli import main

    main(["check", str(compost)])
    out = capsys.readouterr()
    shown = (out.out + out.err).lower()
    assert "siobhan_oneill.vtt" not in shown
    assert "oneill" not in shown and "o'neill" not in shown and "siobh" not in shown
    assert "transcripts/[name].vtt" in shown


@pytest.mark.parametrize("text", ["siobhan_oneill.vtt", "Siobhan ONeill", "O Neill", "o-neill", "oneill",
                                  "O’Neill", "maryjane_hope.txt", "mary_jane", "MaryJane", "Mary Jane",
                                  "Mac Donald", "MacDonald", "macdonald", "Ellen MacDonald", "Zoe Fairweather"])
def test_name_parts_joined_or_split_are_redacted(text):
    from kit.privacy import Roster, _name_parts, redact

    names = ("Siobhán O'Neill", "Mary-Jane Hope", "Ellen Mac Donald", "Zoë Fairweather")
    people = Roster(names=names, parts=tuple(_name_parts(names)))
    redacted = redact(text, people)
    assert "[name]" in redacted and not any(c.isalpha() for c in redacted.replace("[name]", "").replace(".txt", "")
                                            .replace(".vtt", "")), redacted


def test_joined_name_parts_do_not_redact_ordinary_words():
    from kit.privacy import Roster, _name_parts, redact

    names = ("Siobhán O'Neill", "Mary-Jane Hope", "Ellen Mac Donald", "Will Power")
    people = Roster(names=names, parts=tuple(_name_parts(names)))
    text = "I hope the neighbour will take it; no willpower; we donate and mend."
    assert redact(text, people) == text


def test_the_leak_scan_finds_a_file_named_with_the_joined_surname(tmp_path):
    from kit.privacy import Roster, find_leaks

    write(tmp_path / "out" / "notebooks" / "02.html", "<p>transcripts/siobhan_oneill.vtt</p>")
    assert find_leaks(tmp_path / "out", Roster(names=("Siobhán O'Neill",))) == ["notebooks/02.html"]


# -- 3. a date written another way is read, with a warning at its line ---------------------------
def test_a_date_without_leading_zeros_is_a_warning_at_its_line(compost):
    from kit.check import check_study
    from kit.study import load_study

    problems = [p for p in check_study(compost) if p.path.endswith("INT-004.md")]
    dated = [p for p in problems if "'date' is '2026-11-9'" in p.message]
    assert [(p.line, p.level) for p in dated] == [(3, "warning")] and "YYYY-MM-DD" in dated[0].message
    study = load_study(compost)
    assert str(study.interviews.set_index("interview_id").loc["INT-004", "date"])[:10] == "2026-11-09"


@pytest.mark.parametrize("written", ["2026-1-09", "2026-01-9"])
def test_every_date_key_written_without_zeros_is_reported(written):
    from kit.notes import parse_note_text

    note = parse_note_text(f"---\nid: INT-1\ndate: 2026-01-09\nnotes_written: {written}\n---\n", "n.md")
    assert [(p.line, p.level) for p in note.problems if "notes_written" in p.message] == [(4, "warning")]
    assert not [p for p in note.problems if "'date'" in p.message]


# -- 4. service lines of Teams and Zoom, wherever they stand, in every reader ---------------------
def test_a_service_line_above_the_first_timing_line_is_a_service_line():
    import kit

    df = kit.read_transcript(DATA / "study" / "transcripts" / "INT-005.docx")
    assert not any("cue number" in p.message for p in df.attrs["problems"])
    (service,) = [p for p in df.attrs["problems"] if "transcription service" in p.message]
    assert service.line == 1 and "line(s) 1, 14, 27" in service.message
    assert list(df["speaker"][:2]) == ["Priya Raman", "Ahmed Khan"] and df["start"][0] == 1.2


@pytest.mark.parametrize("text", [
    "WEBVTT\n\nMaya Chen started transcription\n00:00:01.000 --> 00:00:02.000\nMaya: Hi.\n\n"
    "Recording stopped\n00:00:02.000 --> 00:00:03.000\nDana: Hello.\n",
    "1\n00:00:01,000 --> 00:00:02,000\nMaya: Hi.\n\nMaya Chen paused transcription\n2\n"
    "00:00:02,000 --> 00:00:03,000\nDana: Hello.\n",
    "Maya: Hi.\nMaya Chen stopped the recording\nDana: Hello.\n",
    "Maya  0:01\nHi.\n\nRecording in progress\n\nDana  0:04\nHello.\n",
    "0:0:1.0 --> 0:0:2.0\nMaya Chen\nHi.\n0:0:2.0 --> 0:0:3.0\nMaya Chen started transcription\nDana Ortiz\nHello.\n"
    "0:0:3.0 --> 0:0:4.0\nDana Ortiz\nBye.\n",
])
def test_service_lines_are_reported_in_every_reader(text):
    from kit.transcripts import parse_transcript

    df = parse_transcript(text, source="t")
    said = " ".join(df["text"])
    assert "transcription" not in said and "recording" not in said.lower(), df.values.tolist()
    assert [m for m in (p.message for p in df.attrs["problems"]) if "transcription service" in m]
    assert not any("cue number" in p.message for p in df.attrs["problems"])


def test_a_speaker_only_guessed_to_be_the_interviewer_is_withheld(compost):
    from kit.outputs import PUBLISHED, Outputs
    from kit.study import load_study

    question = "Cuéntame la última vez que vaciaste el cubo de compost de la cocina."
    study = load_study(compost)  # INT-008: nobody is a known interviewer; "Entrevistadora" is a guess
    assert study.guessed_interviewers == {"INT-008": "Entrevistadora"}
    assert "vaciaste el cubo" not in Outputs(None, study, PUBLISHED).clean(question)
    write(compost / "study.yml", (compost / "study.yml").read_text(encoding="utf-8").replace(
        "interviewer_labels: [Interviewer, Moderator]", "interviewer_labels: [Interviewer, Moderator, Entrevistadora]"))
    study = load_study(compost)
    assert study.guessed_interviewers == {}
    assert Outputs(None, study, PUBLISHED).clean(question) == question


def test_review_never_shows_the_joined_surname_in_text_or_json(compost, capsys):
    from kit.cli import main

    path = compost / "transcripts" / "siobhan_oneill.vtt"
    main(["review", str(path)])
    main(["review", str(path), "--json"])
    shown = capsys.readouterr().out.lower()
    assert "oneill" not in shown and "siobh" not in shown
    assert shown.count("transcripts/[name].vtt") >= 2
