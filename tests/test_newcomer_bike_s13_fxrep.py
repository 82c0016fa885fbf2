"""Session 12 newcomer faults F6 and F16: the report's sentiment says only what the words carry.

F6: "PO" (a purchase order) scored as VADER's slang "po" (pissed off, -2.6), and the report showed
that plan ("Next time I will send the PO a month early ...") as the renew stage's most negative
passage. An acronym in capitals that the lexicon holds only as slang now moves no score (as a
roster name never does), and the report shows a stage's most negative passage only when it reads
clearly negative, else says "none".
F16: notebook 04 (the published themes, rare-intense themes and the "Biggest friction" finding)
scored Portuguese and Polish passages with English VADER, while analyze leaves them unscored.
Every sentiment figure of `run` now applies analyze's language rule, with the count left out."""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit import feelings, journey
from kit import themes as th
from kit.sentiment import as_published, compound, compound_published
from kit.sentiment_terms import ENGLISH_WORDS, MASK, as_terms, slang_only

ROOT = Path(__file__).resolve().parents[1]
STUDY = ROOT / "tests" / "data" / "newcomer-bike" / "study-ok"
PLAN = "Next time I will send the PO a month early and ask for the invoice draft first."


@pytest.fixture(scope="module")
def study():
    return kit.load_study(STUDY, strict=False)


@pytest.fixture(scope="module")
def analyzed(study, tmp_path_factory):
    from kit.analyze import analyze

    return analyze(study, tmp_path_factory.mktemp("an"))


# ------------------------------------------------------------------ F6: an acronym is a term
@pytest.mark.parametrize("text, plain", [
    (PLAN, "Next time I will send the QZ a month early and ask for the invoice draft first."),
    ("No PO, no work.", "No QZ, no work."),
    ("The PO was for twenty-two thousand, so the extra day did not exist.",
     "The QZ was for twenty-two thousand, so the extra day did not exist."),
    ("I HATE chasing the PO!", "I HATE chasing the QZ!"),  # capitals still emphasise a real word
    ("We post it to the GL and the TX id goes in the memo.", "We post it to the QZ and the QZ id goes in the memo."),
    ("WTF. J/K.", "QZ. QZ."),
])
def test_an_acronym_that_vader_knows_only_as_slang_moves_no_score(text, plain):
    """Scored as a word in capitals VADER does not know (QZ): the rest of the text as before."""
    assert compound_published([text], None) == compound([plain])
    assert as_published([text], None) != [text] or text == plain


def test_the_reporters_sentence_was_strongly_negative_and_is_now_neutral():
    assert compound([PLAN]) == [-0.6523]  # NLTK's VADER, unchanged: po = "pissed off"
    assert compound_published([PLAN], None) == [0.0]


@pytest.mark.parametrize("text", ["po is what he was, totally po", "OK, that was fine.", "NO. It was BAD.",
                                  "LOL that was fun", "SOB, that hurt", "I TRUE love it", "The P.O. was late."])
def test_words_lower_case_slang_and_words_the_lexicon_also_holds_keep_vader_s_score(text):
    assert compound_published([text], None) == compound([text])
    assert as_published([text], None) == [text]


def test_slang_only_is_the_lexicons_slang_section_less_its_words():
    from kit.sentiment import _get_lexicon

    slang = slang_only()
    assert {"po", "gl", "tx", "wtf", "fyi", "awol", "j/k", "r&r"} <= slang
    assert not {"ok", "lol", "sob", "xd"} & slang  # the word list holds them too
    assert not ENGLISH_WORDS & slang
    assert not any(k[0] in ":;=(<>[]\\^" for k in slang)  # no emoticon
    lexicon = _get_lexicon()
    assert all(k in lexicon for k in slang)
    assert not any((k.upper() + MASK).lower() in lexicon for k in slang)  # a masked token scores nothing


def test_as_terms_returns_untouched_texts_as_the_same_objects():
    texts = ["nothing here", None, float("nan"), "send the PO", "OK"]
    out = as_terms(texts)
    assert out[0] is texts[0] and out[1] is None and math.isnan(out[2]) and out[4] is texts[4]
    assert out[3] == "send the PO" + MASK
    assert as_terms([]) == []


def test_published_text_keeps_the_acronym(analyzed):
    """Masking is for scoring only: analyze's turns keep "PO" as said, with the neutral score."""
    turns = pd.read_csv(analyzed["turns"]).set_index(["interview_id", "turn"])
    assert turns.loc[("INT-007", 6), "text"] == PLAN
    assert turns.loc[("INT-007", 6), "compound"] == 0.0
    assert MASK not in "".join(turns["text"].astype(str))


def test_the_plan_is_no_pain_point_of_the_renew_stage(study):
    scored = feelings.score(study, kinds=("turn", "insight"))
    mapped = journey.map_stages(study)
    pains = journey.pain_points(mapped, scored, study.consenting(), stages=journey.journey_stages(study))
    assert "INT-007#t6" not in set(pains["segment_id"])
    assert scored.set_index("segment_id").loc["INT-007#t6", "label"] == "neutral"


# ------------------------------------------------------------------ F6: the report's threshold
def _report(study, out: Path, stages: pd.DataFrame, pains: pd.DataFrame):
    from kit.report import Report

    (out / "tables").mkdir(parents=True, exist_ok=True)
    stages.to_csv(out / "tables" / "sentiment_by_stage.csv", index=False)
    pains.to_csv(out / "tables" / "pain_points.csv", index=False)
    context = Report(study, out).context()
    for section in context["sections"]:
        for block in section["blocks"]:
            if block["title"] == "Pain along the journey":
                return block
    raise AssertionError("no journey block")


STAGES = pd.DataFrame({"stage": ["unlock", "ride", "repair", "renew"], "n": [1, 0, 3, 2],
                       "share_negative": [1.0, None, 0.67, 0.5], "share_positive": [0.0, None, 0.0, 0.5],
                       "mean_compound": [-0.2, None, -0.4, -0.05]})


def test_a_near_neutral_passage_is_no_stages_most_negative(study, tmp_path):
    pains = pd.DataFrame([
        ("unlock", "INT-011#t4", "P-011", "turn", -0.2023, "code", "I got charged for overtime again.", True),
        ("repair", "INT-005#t4", "P-005", "turn", -0.4767, "code", "Three weeks, and every report opened a new job.",
         True),
        ("renew", "INT-007#t6", "P-007", "turn", -0.0516, "code", "I will send it a month early.", True),
    ], columns=["stage", "segment_id", "participant", "kind", "compound", "source", "text", "quotable"])
    block = _report(study, tmp_path, STAGES, pains)
    shown = [q["text"] for q in block["quotes"]]
    assert shown == ["Three weeks, and every report opened a new job."]
    assert any("Most negative passage at stages unlock and renew: none." in b for b in block["bullets"])
    assert not any("ride" in b for b in block["bullets"])  # no scored passage there: the table says so


def test_no_pain_point_at_all_says_none_for_every_scored_stage(study, tmp_path):
    pains = pd.DataFrame(columns=["stage", "segment_id", "participant", "kind", "compound", "source", "text",
                                  "quotable"])
    block = _report(study, tmp_path, STAGES, pains)
    assert not block["quotes"] and not block["note"]
    assert any("stages unlock, repair and renew: none." in b for b in block["bullets"])


# ------------------------------------------------------------------ F16: analyze's language rule everywhere
def test_segment_scores_of_the_study_leave_other_languages_unscored(study):
    segments = study.segments()
    mine = th.segment_scores(segments, study).set_index("segment_id")["compound"]
    assert math.isnan(mine["INT-001#t4"])  # "No fim cobraram-me uma multa" (Portuguese)
    assert math.isnan(mine["INT-002#t2"])  # Polish
    assert not math.isnan(mine["INT-011#t4"])  # English
    english = th.segment_scores(segments, kit.privacy.roster(study)).set_index("segment_id")["compound"]
    assert english["INT-001#t4"] == -0.296  # what the report published: the English "no"


def _notebook_themes(study):
    """Notebook 04's themes table, as its cells compute it."""
    segments = study.segments()
    auto = kit.languages.study_autocode(study, segments)
    found = th.study_themes(study, auto=auto)
    scores = th.segment_scores(segments, study)
    table = th.theme_table(found["coded"], scores, n_participants=found["n_participants"],
                           codes=study.codebook.names, rules=found["rules"],
                           named=kit.schema.named_interviews(study.interviews))
    return kit.languages.with_unscored(table, auto, scores)


def test_published_themes_agree_with_analyze(study, analyzed):
    mine = _notebook_themes(study).set_index("code")
    theirs = pd.read_csv(analyzed["themes"]).set_index("code")
    columns = ["participants", "mentions", "mean_compound", "unscored", "voiced", "share_negative", "feeling"]
    pd.testing.assert_frame_equal(mine.loc[theirs.index, columns].reset_index(drop=True),
                                  theirs[columns].reset_index(drop=True), check_dtype=False)
    row = mine.loc["overtime-charge"]
    assert math.isnan(row["mean_compound"]) and row["unscored"] == 4 and row["feeling"] == "–"
    assert math.isnan(row["mean_abs_compound"])
    assert "overtime-charge" not in set(th.rare_intense(_notebook_themes(study))["code"])


def test_the_report_does_not_call_a_portuguese_passage_the_biggest_friction(study, tmp_path):
    from kit.report import Report

    (tmp_path / "tables").mkdir()
    _notebook_themes(study).to_csv(tmp_path / "tables" / "themes.csv", index=False)
    context = Report(study, tmp_path).context()
    text = json.dumps(context, ensure_ascii=False)
    assert "Biggest friction: overtime-charge" not in text
    assert re.search(r"Tone not read for \d+ coded passages in languages", text)
    assert "overtime-charge (4)" in text


def test_every_notebook_scores_as_analyze_does():
    """No notebook scores text itself: segment_scores gets the study (its language rule), and no
    cell calls VADER directly."""
    for path in sorted((ROOT / "notebooks").glob("0*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        for call in re.findall(r"segment_scores\(([^()]*(?:\([^()]*\))?[^()]*)\)", code):
            assert call.split(",")[-1].strip() == "study", (path.name, call)
        assert not re.search(r"\bsentiment\.(compound|polarity)\w*\(|\bcompound_published\(", code), path.name
