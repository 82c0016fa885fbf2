"""Passages in more than one language: detection, sentiment, coding, linter (kit.languages)."""
from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd
import pytest

from kit import languages
from kit.analyze import analyze
from kit.check import check_study
from kit.study import load_study

ROOT = Path(__file__).resolve().parents[1]
MULTI = ROOT / "kit" / "data" / "multilingual"
# What the example study's interviews are in (written for the kit, see its transcripts).
TRUTH = {"INT-101": {"interviewer": "en", "participant": "en"},
         "INT-102": {"interviewer": "es", "participant": "es"},
         "INT-103": {"interviewer": "es", "participant": "es"},
         "INT-104": {"interviewer": "de", "participant": "de"},
         "INT-105": {"interviewer": "en", "participant": "de"}}


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory):
    out = tmp_path_factory.mktemp("multi")
    warnings = []
    study = load_study(MULTI)
    paths = analyze(study, out)
    turns = pd.read_csv(paths["turns"])
    return {"study": study, "paths": paths, "turns": turns, "warnings": warnings}


def test_every_passage_gets_its_language(analyzed):
    turns = analyzed["turns"]
    expected = [TRUTH[i][r] for i, r in zip(turns["interview_id"], turns["role"])]
    assert turns["language"].tolist() == expected


def test_declared_language_wins_over_detection():
    study = load_study(MULTI)
    found = languages.passage_languages(study)
    source = dict(zip(study.turns["interview_id"], found["language_source"]))
    assert source["INT-102"] == "declared"  # participants.csv language column
    assert source["INT-104"] == "declared"  # note front matter `language: de`
    assert source["INT-101"] == "speaker"
    # A declaration is the participant's default (session 7, D2): declared es, the English
    # interview's interviewer is still detected, and its clearly English answers stay English;
    # only the answers too short to be sure take the declaration.
    study.interviews.loc[study.interviews["interview_id"] == "INT-101", "declared_language"] = "es"
    again = languages.passage_languages(study)
    mine = study.turns["interview_id"] == "INT-101"
    asker = mine & (study.turns["role"] == "interviewer")
    assert set(again.loc[asker, "language"]) == {"en"}
    assert set(again.loc[asker, "language_source"]) == {"speaker"}
    said = study.turns[mine & (study.turns["role"] == "participant")]
    alone = languages.detect(said["text"])
    clear = (alone["language"].eq("en") & alone["probability"].ge(languages.CONFIDENT)
             & said["text"].str.split().str.len().ge(languages.SHORT_TURN).to_numpy()).to_numpy()
    got = again.loc[said.index, "language"].to_numpy()
    assert clear.any() and (got[clear] == "en").all() and (got[~clear] == "es").all()


def test_mixed_interview_turns_in_doubt_are_judged_alone():
    study = load_study(MULTI)
    turns = study.turns[study.turns["interview_id"] == "INT-101"].copy()
    # The participant switches to Spanish for the last two turns: the halves disagree.
    rows = turns.index[turns["role"] == "participant"]
    turns.loc[rows[-2], "text"] = "Luego tuve que llamarles por teléfono, y eso no me gusta nada."
    turns.loc[rows[-1], "text"] = "La verdad es que me alegro de haberlo contado."
    found = languages.passage_languages(study, turns)
    assert found.loc[rows, "language"].tolist() == ["en", "en", "es", "es"]
    assert set(found.loc[rows, "language_source"]) == {"turn"}


def test_no_zero_sentiment_for_passages_vader_cannot_score(analyzed):
    turns = analyzed["turns"]
    english = turns["language"] == "en"
    assert turns.loc[~english, "compound"].isna().all()
    assert turns.loc[english, "compound"].notna().all()
    # "Me sentí muy frustrada y enfadada" reads as 0.0 to VADER: it must not appear as 0.0.
    rosa = turns[turns["text"].str.contains("frustrada")]
    assert len(rosa) == 1 and math.isnan(rosa["compound"].iloc[0])


def test_unscored_mentions_are_counted_beside_the_mean(analyzed):
    themes = pd.read_csv(analyzed["paths"]["themes"])
    codes = pd.read_csv(analyzed["paths"]["autocodes"])
    study = analyzed["study"]
    _, segments = languages.annotate(study, study.turns, study.segments())
    lang = dict(zip(segments["segment_id"], segments["language"]))
    for row in themes.itertuples():
        coded = codes.loc[codes["code"] == row.code, "segment_id"].unique()
        assert row.unscored == sum(lang[s] != "en" for s in coded)
    assert list(themes.columns).index("unscored") == list(themes.columns).index("mean_compound") + 1


def test_keywords_per_language_match_inflected_forms(analyzed):
    codes = pd.read_csv(analyzed["paths"]["autocodes"])
    evidence = set(zip(codes["segment_id"], codes["code"], codes["evidence"]))
    # codebook: es recordatorio, de Mahnung -> plural forms in the transcripts
    assert ("INT-102#t4", "reminders", "recordatorios") in evidence
    assert ("INT-104#t4", "reminders", "mahnungen") in evidence
    assert ("INT-103#t4", "reminders", "reclamé") in evidence  # reclamar -> reclamé
    # The English-only code is not applied to Spanish or German passages ...
    foreign = codes["segment_id"].str.startswith(("INT-102#t", "INT-103#t", "INT-104#t"))
    assert "reconciliation" not in set(codes.loc[foreign, "code"])
    # ... and says so, rather than being silently absent.
    coverage = pd.read_csv(analyzed["paths"]["coding_languages"])
    missing = coverage[~coverage["applied"]]
    assert set(zip(missing["code"], missing["language"])) == {("reconciliation", "es"), ("reconciliation", "de")}


def test_negation_in_the_passage_language():
    study = load_study(MULTI)
    segments = pd.DataFrame({"segment_id": ["A#t1", "A#t2", "A#t3"], "interview_id": "A", "participant": "P",
                             "kind": "turn", "language": ["es", "es", "de"],
                             "text": ["No me gusta reclamar dinero.", "Tuve que reclamar dos veces.",
                                      "Wir haben keine Mahnung geschickt."]})
    coded = languages.autocode(segments, study.codebook)
    assert coded["segment_id"].tolist() == ["A#t2"]
    assert coded["evidence"].tolist() == ["reclamar"]


def test_english_segments_code_as_before():
    from kit.coding import autocode as english_autocode

    study = load_study(ROOT / "kit" / "data" / "pilot")
    segments = study.segments().head(60)
    plain = english_autocode(segments, study.codebook)
    tagged = languages.autocode(segments.assign(language="en"), study.codebook)
    pd.testing.assert_frame_equal(plain, tagged)


def test_one_warning_per_interview_and_per_language(analyzed, tmp_path, capsys):
    analyze(load_study(MULTI), tmp_path / "out")
    err = capsys.readouterr().err.splitlines()
    unscored = [line for line in err if "no sentiment score" in line]
    assert sorted(line.split("interview ")[1].split(":")[0] for line in unscored) == \
        ["INT-102", "INT-103", "INT-104", "INT-105"]
    assert all(line.split(":")[0].endswith(".md") for line in unscored)
    not_applied = [line for line in err if "were not applied" in line]
    assert len(not_applied) == 2 and all("reconciliation" in line for line in not_applied)


def test_check_shows_the_language_mix_per_segment():
    problems = check_study(MULTI)
    mix = [p for p in problems if "by language and segment" in p.message]
    assert len(mix) == 1 and mix[0].level == "warning"
    assert "Spanish (es) 7 (agency 3, trades 4)" in mix[0].message
    assert "German (de) 6 (agency 3, trades 3)" in mix[0].message
    assert not any(p.is_error for p in problems)


def test_language_mix_table():
    study = load_study(MULTI)
    turns, _ = languages.annotate(study, study.turns, study.segments())
    mix = languages.language_mix(study, turns)
    participant = turns[turns["role"] == "participant"]
    assert mix["passages"].sum() == len(participant)
    assert set(mix["language"]) == {"en", "es", "de"}


def test_linter_says_language_not_supported():
    from kit.guide import format_report, lint_guide, lint_question

    spanish = lint_question("¿Te gustaría usar una función de recordatorios automáticos?")
    assert spanish["flags"] == [] and spanish["verdict"].startswith("language not supported")
    assert spanish["language"] == "es"
    english = lint_question("Would you use automatic reminders?")
    assert "hypothetical" in english["flags"] and "verdict" not in english
    report = format_report(lint_guide(MULTI / "guide.yml"))
    line = next(x for x in report.splitlines() if "recordatorios" in x)
    assert "language not supported" in line


@pytest.mark.slow  # over 2 s (tests/README.md)
def test_linter_keeps_judging_english_questions():
    from kit.guide import lint_question

    with open(ROOT / "tests" / "data" / "questions.csv", encoding="utf-8", newline="") as handle:
        questions = [row["question"] for row in csv.DictReader(handle)]
    assert len(questions) > 50
    unsupported = [q for q in questions if "verdict" in lint_question(q)]
    assert unsupported == []


def test_review_of_a_spanish_transcript_still_measures_talk():
    from kit.review import review_transcript

    review = review_transcript(MULTI / "transcripts" / "INT-102.txt", interviewer="Lucía Romero")
    assert review["talk_ratio"] is not None and 0 < review["talk_ratio"] < 0.5
    assert {q["kind"] for q in review["questions"]} == {"unsupported"}


def test_feelings_leave_out_unscored_and_count_them():
    from kit import feelings

    study = load_study(MULTI)
    scored = feelings.score(study)
    assert scored["compound"].notna().sum() == 4  # INT-101's English participant turns
    overall = feelings.summarize(scored)
    assert overall["n"].iloc[0] == 4 and overall["unscored"].iloc[0] == len(scored) - 4
    per = feelings.summarize(scored, by="segment").set_index("segment")
    assert per.loc["trades", "n"] == 0 and per.loc["trades", "unscored"] == 7


def test_codebook_language_keys_are_checked(tmp_path):
    from kit.codebook import load_codebook

    path = tmp_path / "codebook.yml"
    path.write_text("codes:\n  - name: a\n    definition: x\n    keywords:\n      es: [pago]\n      xx: [foo]\n"
                    "  - name: b\n    definition: y\n    keywords: {de: 5}\n", encoding="utf-8")
    book, problems = load_codebook(path)
    assert book.get("a").keywords_by_language == {"es": ["pago"]}
    assert book.get("a").keywords == []
    messages = [p.message for p in problems]
    assert any("'xx'" in m and "Snowball" in m for m in messages)
    assert any("keywords.de must be a list" in m for m in messages)
    assert all(p.line > 0 for p in problems)


def test_detector_on_short_dev_passages():
    with open(ROOT / "benchmarks" / "data" / "language_passages.tsv", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["split"] == "dev"]
    short = [r for r in rows if len(r["text"].split()) <= 3]
    right = sum(languages.detect_one(r["text"])[0] == r["language"] for r in short)
    assert len(short) >= 20 and right / len(short) >= 0.9
    assert languages.detect_one("...")[0] == languages.UNDETERMINED


def test_by_language_never_mixes():
    frame = pd.DataFrame({"text": ["a", "b", "c"], "language": ["en", "es", "en"]})
    parts = languages.by_language(frame)
    assert {k: len(v) for k, v in parts.items()} == {"en": 2, "es": 1}
    with pytest.raises(ValueError):
        languages.by_language(frame.drop(columns="language"))


def test_language_tables_count_the_mix_and_what_sentiment_leaves_out():
    study = load_study(MULTI)
    mix, coverage = languages.language_tables(study)
    assert set(mix["language"]) == {"en", "es", "de"}
    _, segments = languages.annotate(study, study.turns, study.segments())
    # every passage outside VADER's language is counted once, in its segment and language
    assert int(mix["unscored"].sum()) == int((~segments["language"].isin({"en", languages.UNDETERMINED})).sum())
    assert (mix.loc[mix["language"] == "en", "unscored"] == 0).all()
    assert "de" in set(coverage["language"]) and not coverage["applied"].astype(bool).any()
    english = languages.language_tables(load_study(ROOT / "kit" / "data" / "pilot"))
    assert not len(english[0]) and not len(english[1])


def test_report_shows_the_language_mix_notebook_05_wrote(tmp_path):
    from kit.outputs import publish_to
    from kit.report import build_report

    study = load_study(MULTI)
    mix, coverage = languages.language_tables(study)
    published = publish_to(tmp_path, study)
    published.table("language_mix", mix)
    published.table("language_coverage", coverage)
    built = build_report(MULTI, tmp_path)  # the report only reads the tables
    parts = built.outline
    row = parts[parts["part"] == "Languages"]
    assert len(row) == 1 and row["status"].iloc[0] == "shown"
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "Spanish (es)" in html and f"{int(mix['unscored'].sum())} passage(s) in languages" in html
    assert "Not applied to German (de) passages" in html
    assert not (tmp_path / "tables" / "report_languages.csv").exists()


def test_report_of_an_english_study_has_no_languages_part(tmp_path):
    from kit.report import build_report

    built = build_report(ROOT / "kit" / "data" / "pilot", tmp_path)
    parts = built.outline
    assert "Languages" not in set(parts["part"])


def test_other_sentiment_figures_leave_out_unscored_passages():
    from kit.themes import segment_scores

    study = load_study(MULTI)
    _, segments = languages.annotate(study, study.turns, study.segments())
    scores = segment_scores(segments)
    foreign = (segments["language"] != "en").to_numpy()
    assert scores["compound"][foreign].isna().all() and scores["compound"][~foreign].notna().all()
    mine = languages.study_compound(study, study.segments())
    assert mine.isna().tolist() == list(foreign)


def test_batch_detection_equals_py3langid_one_by_one():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    oracle = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    oracle.set_languages(list(languages.DEFAULT_CANDIDATES))
    with open(ROOT / "benchmarks" / "data" / "language_passages.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    texts = [r["text"] for r in rows] + ["ÉCRIT EN MAJUSCULES", "ok", "¿Qué?", "a" * 700, "—"]
    batch = languages._classify_many(texts, languages.DEFAULT_CANDIDATES)
    for text, (code, prob) in zip(texts, batch):
        want_code, want_prob = oracle.classify(text)
        assert code == want_code and prob == pytest.approx(want_prob, abs=1e-4), text


def test_an_english_study_is_all_english_and_scored():
    study = load_study(ROOT / "kit" / "data" / "pilot")
    found = languages.passage_languages(study)
    assert set(found["language"]) == {"en"}
    assert languages.check_languages(study) == []


def test_a_long_text_is_judged_on_its_start():
    """A 50 MB transcript made one turn once cost memory in proportion to its length times
    the batch (the slow tier's 50 MB test used 16 GiB): detection reads DETECT_CHARS."""
    from kit.languages import DETECT_CHARS, detect

    long = "Ich habe die Rechnung zweimal geschickt und nie eine Antwort bekommen. " * 20_000
    assert len(long) > 100 * DETECT_CHARS
    got = detect([long, "short English text about an invoice that was late"])
    assert got["language"].tolist() == ["de", "en"]
    assert got.iloc[0].tolist() == detect([long[:DETECT_CHARS]]).iloc[0].tolist()
