"""Newcomer round 5: a text too short to be sure of its language keeps its interview's
language; a short answer in another language that the model is sure of is still detected."""
from __future__ import annotations

from kit.languages import SURE, annotate, detect, passage_languages
from kit.study import load_study
from tests.conftest import write

FILLERS = ["ok", "yes.", "It was fine.", "hmm, right", "Hello/hmm"]
GERMAN = "Ich habe den ganzen Tag auf den Handwerker gewartet."

STUDY = "title: Repairs\nresearch_question: How do tenants get a repair fixed?\nteam: [Priya Shah]\n"


def _note(iid, quotes):
    return (f"---\nid: {iid}\ndate: 2026-11-0{iid[-1]}\nparticipant: P-00{iid[-1]}\ninterviewer: Priya Shah\n---\n\n"
            "## Key Quotes\n" + "".join(f'- "{q}"\n' for q in quotes) + "\n## Insights\n- Waiting is the pain.\n")


def _study(tmp_path, languages=None):
    root = tmp_path / "study"
    write(root / "study.yml", STUDY + (f"languages: {languages}\n" if languages else ""))
    write(root / "participants.csv", "id,segment,consent_quote\nP-001,tenant,yes\nP-002,tenant,yes\n")
    questions = ["Tell me about the last time you reported a repair to the housing office.",
                 "What happened after you called them about the broken boiler?",
                 "How did you find out when the contractor was coming to your home?",
                 "What did you do while you were waiting for them to arrive?",
                 "Is there anything else about that day you would like to tell me?"]
    write(root / "transcripts" / "INT-001.txt",
          "".join(f"Priya Shah: {q}\nDana: {a}\n" for q, a in zip(questions, FILLERS)))
    write(root / "transcripts" / "INT-002.txt",
          f"Priya Shah: {questions[0]}\nJonas: {GERMAN}\nPriya Shah: {questions[1]}\nJonas: ok\n")
    write(root / "interviews" / "INT-001.md", _note("INT-001", ["Hello/hmm", "It was fine."]))
    write(root / "interviews" / "INT-002.md", _note("INT-002", [GERMAN]))
    return load_study(root, strict=False)


def test_the_fillers_are_not_sure_alone_and_the_german_answer_is():
    found = detect([*FILLERS, GERMAN])
    fillers = found.iloc[:len(FILLERS)]
    assert "de" in set(fillers["language"])  # the fault: "Hello/hmm", "ok" alone read as German
    assert (fillers.loc[fillers["language"] != "en", "probability"] < SURE).all()  # every wrong guess is unsure
    assert found["language"].iloc[-1] == "de" and found["probability"].iloc[-1] >= SURE


def test_short_fillers_keep_their_interviews_language_and_german_is_still_german(tmp_path):
    study = _study(tmp_path)
    turns = study.turns.assign(language=passage_languages(study)["language"])
    dana = turns[turns["speaker"] == "Dana"]
    assert dana["text"].tolist() == FILLERS
    assert set(dana["language"]) == {"en"}
    jonas = turns[turns["speaker"] == "Jonas"].set_index("text")["language"]
    assert jonas[GERMAN] == "de"
    _, segments = annotate(study, study.turns, study.segments())
    quotes = segments[segments["kind"] == "quote"].set_index("text")["language"]
    assert quotes["Hello/hmm"] == "en" and quotes["It was fine."] == "en"
    assert quotes[GERMAN] == "de"


def test_without_a_sure_passage_the_studys_declared_language_is_kept(tmp_path):
    study = _study(tmp_path, "[en, de]")
    turns = study.turns[study.turns["role"] == "participant"].head(2)  # "ok", "yes." and nothing else sure
    assert set(passage_languages(study, turns)["language"]) == {"en"}


def test_no_short_english_answer_of_the_real_corpus_is_surely_another_language():
    import re

    import pandas as pd
    import pytest

    from tests.conftest import CORPUS

    if not (CORPUS / "scientists_transcripts.csv").is_file():
        pytest.skip(f"corpus not found at {CORPUS}")
    short = []
    for text in pd.read_csv(CORPUS / "scientists_transcripts.csv")["text"]:
        for turn in re.split(r"\n(?=(?:User|Assistant):)", text):
            if turn.startswith("User:"):
                short += [s for s in re.split(r"(?<=[.!?])\s+", " ".join(turn[5:].split())) if 0 < len(s.split()) <= 8]
    found = detect(short)
    wrong = found[found["language"] != "en"]
    assert len(short) > 300 and len(wrong) > 10  # short sentences do fool the model ...
    assert (wrong["probability"] < SURE).all()  # ... but never surely
    assert (found["probability"] >= SURE).mean() > 0.75  # most English ones are sure
