"""Newcomer session 11, F4 and F13: third speakers (a daughter, an interpreting son: turns with no
participant in an interview that names one) count for nobody in every count of people of the
report, as in ``analyze``, and their words are not the customers' language."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit import feelings, language, segments, themes
from kit.schema import named_interviews
from conftest import REPO

LIBRARY = Path(__file__).parent / "data" / "newcomer-library" / "library-fixed"
# large-print is said by P-001 and P-004, by the interpreting son (INT-007#t4) and by Carol, a
# colleague who speaks once in P-013's interview (INT-012#t3: her own turn since the F16 fix, so
# two participants, not three as before that fix)
SAYERS = {"P-001", "P-004"}


@pytest.fixture(scope="module")
def study():
    return kit.load_study(LIBRARY, strict=False)


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory):
    out = tmp_path_factory.mktemp("analyze")
    from kit.analyze import analyze

    analyze(LIBRARY, out)
    return pd.read_csv(out / "themes.csv").set_index("code")


def _notebook_tables(name: str, skip: tuple, out: Path) -> Path:
    """Run the code cells of a workflow notebook in this process (figures, the widget and
    theme discovery left out): the tables the report publishes."""
    import nbformat
    import matplotlib

    matplotlib.use("Agg")
    nb = nbformat.read(REPO / "notebooks" / name, as_version=4)
    scope: dict = {}
    for cell in nb.cells:
        if cell.cell_type != "code" or any(s in cell.source for s in skip):
            continue
        source = cell.source
        if "parameters" in cell.metadata.get("tags", []):
            source += f"\nstudy_dir = {str(LIBRARY)!r}\nout_dir = {str(out)!r}\n"
        exec(compile(source, name, "exec"), scope)
    return out / "tables"


@pytest.fixture(scope="module")
def coding_tables(tmp_path_factory):
    return _notebook_tables("04-coding.ipynb", ("save(fig", "coding_widget", "discover_themes", "suggested.",
                                                 "result = saturation("), tmp_path_factory.mktemp("nb04"))


@pytest.mark.slow  # runs notebook 04's cells
def test_the_reports_theme_counts_equal_analyzes(analyzed, coding_tables):
    report = pd.read_csv(coding_tables / "themes.csv").set_index("code")
    assert report.loc["large-print", "participants"] == analyzed.loc["large-print", "participants"] == len(SAYERS)
    for column in ("participants", "share", "participants_manual", "participants_rule", "excluded_participants"):
        pd.testing.assert_series_equal(report[column].sort_index(), analyzed[column].sort_index(), check_names=False)
    by_segment = pd.read_csv(coding_tables / "codes_by_segment.csv").set_index("code")
    assert by_segment.loc["large-print"].sum() == len(SAYERS)  # the report's own segment table agrees


@pytest.mark.slow  # runs notebook 04's cells
def test_rule_reach_counts_no_third_speaker(study, coding_tables):
    rules = pd.read_csv(coding_tables / "rule_validation.csv").set_index("code")
    auto = kit.languages.study_autocode(study, study.segments())
    own = auto[auto["kind"].isin(themes.PARTICIPANT_WORDS)]  # participants' own words (session 14: not the team's notes)
    people = {p for p in own.loc[own["code"] == "large-print", "participant"].fillna("") if p}
    assert rules.loc["large-print", "rule_reach"] == pytest.approx(len(people) / themes.n_participants(study))


def test_theme_counts_without_named_read_it_from_the_teams_rows(study):
    found = themes.study_themes(study)
    coded = found["coded"]  # the son's turn has no participant; INT-007's opportunity names P-010
    counts = themes.theme_counts(coded, found["n_participants"], codes=study.codebook.names, rules=found["rules"])
    assert counts.set_index("code").loc["large-print", "participants"] == len(SAYERS)


def test_customer_language_is_the_participants_words_only(study):
    words = language.participant_words(study, "segment")
    third = {"INT-001#t3", "INT-007#t2", "INT-007#t4", "INT-007#t7", "INT-012#t3", "INT-001#q2", "INT-007#q1",
             "INT-012#q1"}
    turns = study.turns
    nobody = turns[(turns["participant"] == "") & ~turns["role"].isin(["interviewer", "participant"])]
    assert third >= {f"{i}#t{n}" for i, n in zip(nobody["interview_id"], nobody["turn"])}
    assert not third & set(words["segment_id"])
    assert (words["participant"] != "").all()
    who = words["participant"].where(words["participant"] != "", words["interview_id"])  # notebook 06
    phrases = language.collocations(words["text"], who, min_freq=2, min_people=2, top=15,
                                    consenting=study.consenting()).set_index("phrase")
    assert phrases.loc["large print", "people"] == len(SAYERS) and phrases.loc["large print", "freq"] == len(SAYERS)
    keyness = language.keyness_by(words, "segment", min_freq=3, top=8, consenting=study.consenting())
    housebound = set(keyness.loc[keyness["segment"] == "housebound", "word"])
    assert not housebound & {"nobody", "number"}  # said only (or mostly) by the daughter and the son
    assert keyness["people"].dtype == "int64"


def test_segment_tests_and_sentiment_count_no_third_speaker(study):
    found = themes.study_themes(study)
    prevalence = segments.prevalence(found["counted"], study.interviews, "segment", codes=["large-print"])
    assert prevalence["with_code"].sum() == len(SAYERS)
    tests = segments.prevalence_tests(found["counted"], study.interviews, "segment", codes=["large-print"])
    assert tests["people_with_code"].tolist() == [len(SAYERS)]
    scored = feelings.score(study, attribute="segment")
    # P-010 (housebound) speaks Punjabi only: unscored; his son's English turns are nobody's
    compared = segments.sentiment_comparison(scored, "segment").set_index("segment")
    assert compared.loc["housebound", "people"] == 1
    assert feelings.by_segment(scored, "segment").set_index("segment").loc["housebound", "participants"] == 1


def test_a_study_without_third_speakers_counts_as_before(tmp_path):
    pilot = kit.load_study(kit.paths.pilot_path(), strict=False)
    found = themes.study_themes(pilot)
    named = named_interviews(pilot.interviews)
    a = themes.theme_counts(found["coded"], found["n_participants"], codes=pilot.codebook.names, rules=found["rules"])
    b = themes.theme_counts(found["coded"], found["n_participants"], codes=pilot.codebook.names, rules=found["rules"],
                            named=named)
    pd.testing.assert_frame_equal(a, b)
    assert len(language.participant_words(pilot)) == (pilot.segments()["kind"] == "turn").sum() + \
        ((pilot.segments()["kind"] == "quote") & ~pilot.segments()["interview_id"].isin(set(pilot.turns["interview_id"]))).sum()


@pytest.mark.slow
def test_run_publishes_the_counts_analyze_writes(tmp_path, analyzed):
    study = tmp_path / "library"
    shutil.copytree(LIBRARY, study)
    from kit.pipeline import run

    run(study, tmp_path / "report")
    report = pd.read_csv(tmp_path / "report" / "tables" / "themes.csv").set_index("code")
    pd.testing.assert_series_equal(report["participants"].sort_index(), analyzed["participants"].sort_index(),
                                   check_names=False)
    phrases = pd.read_csv(tmp_path / "report" / "tables" / "phrases.csv").set_index("phrase")
    assert phrases.loc["large print", "people"] == len(SAYERS)
