"""The compost newcomer's faults of language, themes, review, parent codes and export
(tests/data/newcomer-compost/fixlang/study: their compost-study-v2, English and Spanish)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kit import languages, themes
from kit.discovery.repository import coded_table
from kit.journey import applied_codes
from kit.study import load_study

ROOT = Path(__file__).resolve().parents[1]
STUDY = ROOT / "tests" / "data" / "newcomer-compost" / "fixlang" / "study"


@pytest.fixture(scope="module")
def study():
    return load_study(STUDY, strict=False)


def _analyze_codings(study):
    """What `analyze` codes: the annotated segments, each passage in its own language."""
    segments = languages.annotate(study, study.turns, study.segments())[1]
    return languages.autocode(segments, study.codebook)


# --------------------------------------------------------------- 1. one language gate

def test_every_autocoding_path_applies_the_language_gate(study):
    analyzed = _analyze_codings(study)
    pairs = set(zip(analyzed["segment_id"], analyzed["code"]))
    # the Spanish "el camión no pasó" is not the English code "no"
    assert ("INT-008#t4", "no") not in pairs
    # themes (run's report, notebooks 04 and 06), the index and the journey: the same codings
    found = themes.study_themes(study)
    assert set(zip(found["auto"]["segment_id"], found["auto"]["code"])) == pairs
    index = coded_table([study])
    auto_in_index = index[index["source"].isin({"auto", "both"})]
    assert set(zip(auto_in_index["segment_id"], auto_in_index["code"])) == pairs
    journey = applied_codes(study)
    assert set(zip(journey["segment_id"], journey["code"])) == pairs
    # the theme "no": 3 of 8 participants, as analyze counts it
    counts = found["counts"].set_index("code")
    assert counts.loc["no", "participants"] == 3
    people = set(analyzed.loc[analyzed["code"] == "no", "participant"])
    assert counts.loc["no", "participants"] == len(people)


@pytest.mark.slow  # 1-1.7 s: keeps the fast gate under two minutes
def test_only_the_language_gate_calls_the_english_autocoder():
    """kit.coding.autocode applies English keywords to every passage: only kit.languages
    (the gate, which gives it the English passages) may call it."""
    import ast

    callers = set()
    for path in sorted((ROOT / "kit").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "kit.coding" and \
                    any(a.name == "autocode" for a in node.names):
                callers.add(path.relative_to(ROOT).as_posix())
            if isinstance(node, ast.Attribute) and node.attr == "autocode" and \
                    isinstance(node.value, ast.Name) and node.value.id == "coding":
                callers.add(path.relative_to(ROOT).as_posix())
    assert callers == {"kit/language_coding.py"}  # the language gate, moved out of kit/languages.py (session 18)


def test_notebooks_autocode_through_the_language_gate():
    """Every notebook that auto-codes calls kit.languages.study_autocode (the gate), none
    kit.coding.autocode (English keywords on every passage)."""
    callers = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        source = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        assert "coding.autocode(" not in source, path.name
        if "study_autocode(" in source:
            callers.append(path.name)
    assert {"04-coding.ipynb", "05-sentiment.ipynb", "06-patterns.ipynb"} <= set(callers)


# --------------------------------------------------------------- 4. parent codes roll up

def test_child_code_segments_roll_up_to_the_parent_theme_when_asked(study):
    """`liners` has `parent: bins`. By default every output counts each code on its own (analyze,
    notebook 04 and the report agree: tests/test_theme_counts.py); asked with
    ``descendants=code_descendants(codebook)`` (NVivo's "aggregate"), a segment coded liners
    counts toward bins, once even when coded both; the codings themselves are not duplicated."""
    found = themes.study_themes(study)
    counted = found["counted"]
    family = counted[counted["code"].isin({"bins", "liners"})]
    own = found["counts"].set_index("code")
    assert own.loc["bins", "mentions"] == len(counted[counted["code"] == "bins"].drop_duplicates("segment_id"))
    rolled = themes.theme_counts(found["coded"], found["n_participants"], codes=study.codebook.names,
                                 rules=found["rules"],
                                 descendants=themes.code_descendants(study.codebook)).set_index("code")
    assert rolled.loc["bins", "mentions"] == family["segment_id"].nunique()
    assert rolled.loc["bins", "mentions"] > own.loc["bins", "mentions"]
    assert rolled.loc["bins", "participants"] == family["participant"].nunique()
    # the child keeps its own count either way
    liners = counted[counted["code"] == "liners"]
    assert rolled.loc["liners", "mentions"] == own.loc["liners", "mentions"] == liners["segment_id"].nunique()
    assert themes.code_descendants(study.codebook)["bins"] == {"liners"}


def test_a_child_coded_passage_backs_the_parents_opportunity(study):
    from kit import opportunities

    ev = opportunities.evidence(study)
    row = ev[(ev["opportunity_id"] == "INT-001#o1") & (ev["evidence_id"] == "INT-001#i1")].iloc[0]
    assert "liners" in row["codes"] and bool(row["shares_code"])


# --------------------------------------------------------------- 5. export says what it leaves out

@pytest.mark.slow
def test_export_says_automatic_codes_are_not_exported(tmp_path):
    import subprocess
    import sys
    import zipfile

    out = tmp_path / "compost.qdpx"
    done = subprocess.run([sys.executable, "-m", "kit", "export", str(STUDY), "--qdpx", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as archive:
        project = archive.read("project.qde").decode("utf-8")
    assert project.count("<TextSource") == 8 and "<Coding " not in project
    assert "8 sources" in done.stderr and "no manual codings" in done.stderr
    assert "automatic codes" in done.stderr and "not exported" in done.stderr
    docs = (ROOT / "docs" / "study-format.md").read_text(encoding="utf-8")
    assert "the coders' codings only" in docs


def test_export_summary_counts_manual_codings(study):
    from kit.qdpx import export_summary

    said = export_summary(study)
    assert said.startswith("8 sources, 5 codes, no manual codings")
    assert "automatic codes" in said and "not exported" in said


# --------------------------------------------------------------- 3. review

def test_review_of_a_spanish_interview_leaves_english_rules_unmeasured():
    from kit.review import review_transcript, scorecard

    review = review_transcript(STUDY / "transcripts" / "INT-008.txt")
    assert review["language"] == "es"
    items = {i["item"]: i for i in scorecard(review)["items"]}
    for item in ("question quality", "story first", "probes"):
        assert items[item]["points"] is None and items[item]["met"] is None, item
        assert "Spanish" in items[item]["value"]
    # the language-independent habits are still scored
    assert items["no monologues"]["points"] == 10 and items["listening"]["points"] is not None
    from kit.review import cohort

    assert cohort([review])["probes"].isna().all()


def test_review_keeps_the_good_cues_of_a_file_with_one_bad_timing_line():
    from kit.review import review_transcript, scorecard

    review = review_transcript(STUDY / "transcripts" / "siobhan_oneill.vtt")
    assert review["has_times"]
    inter = review["interruptions"]
    assert inter["measured"] and inter["count"] == 0 and 0 < inter["pairs"] < inter["of_pairs"]
    items = {i["item"]: i for i in scorecard(review)["items"]}
    assert items["no interruptions"]["points"] == 10
    assert items["story first"]["value"].startswith("at 0:07")


def test_review_reads_one_person_under_two_spellings_and_the_studys_aliases():
    from kit.cli.review import review_command
    from kit.review import review_transcript

    review = review_transcript(STUDY / "transcripts" / "siobhan_oneill.vtt")
    assert review["participants"] == ["Siobhán O'Neill"]
    assert review["interviewer"] == ["Priya Raman"]  # "Priya R." is the study's alias
    assert [q["speaker"] for q in review["questions"]] == ["Priya Raman"] * 4
    text, code = review_command([str(STUDY / "transcripts" / "siobhan_oneill.vtt")], as_json=True)
    assert code == 0
    assert json.loads(text)["participants"] == ["P-001"]


# --------------------------------------------------------------- 2. language-aware themes

@pytest.fixture(scope="module")
def suggestions(study):
    from kit.theme_discovery import discover_themes

    return discover_themes(study)


def test_a_spanish_theme_gets_no_english_score_and_no_spanish_stopwords(suggestions):
    from stop_words import get_stop_words

    spanish = suggestions.themes[suggestions.themes["language"] == "es"]
    assert len(spanish) >= 1
    for row in spanish.itertuples(index=False):
        assert row.mean_compound != row.mean_compound  # NaN: VADER is English
        terms = set(row.terms.split(", "))
        assert not terms & set(get_stop_words("es")), terms
    english = suggestions.themes[suggestions.themes["language"] == "en"]
    assert english["mean_compound"].notna().all()
    # the by-segment table: no score for the Spanish theme there either
    by = suggestions.by_segment
    assert by.loc[by["theme"].isin(spanish["theme"]), "mean_compound"].isna().all()


def test_suggested_codebook_keys_a_spanish_theme_by_language_and_counts_its_themes(suggestions, tmp_path):
    import yaml

    from kit.codebook import load_codebook
    from kit.theme_discovery import suggested_codebook

    text = suggested_codebook(suggestions)
    entries = yaml.safe_load(text)["codes"]
    assert f"{len(suggestions.themes)} themes" in text and len(entries) == len(suggestions.themes)
    by_theme = dict(zip(suggestions.themes["theme"], suggestions.themes["language"]))
    for row, entry in zip(suggestions.themes.itertuples(index=False), entries):
        if by_theme[row.theme] == "es":
            assert set(entry["keywords"]) == {"es"}
        else:
            assert isinstance(entry["keywords"], list)
    assert "+nan" not in text and "no sentiment score" in text
    (tmp_path / "codebook.yml").write_text(text, encoding="utf-8")
    book, problems = load_codebook(tmp_path / "codebook.yml")
    assert len(book) == len(entries) and not [p for p in problems if p.is_error]
