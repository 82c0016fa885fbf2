"""Every notebook runs end to end on the bundled pilot and records tables that agree with
independent figures (the study's own files, VADER, scipy). The workflow notebooks are run once
per test session by `interview-kit run` (the ``pilot_run`` fixture); the training notebooks
under papermill. nbval checks the stored outputs separately. All but the first test are slow."""
from __future__ import annotations

import json

import pandas as pd
import pytest
import yaml

import kit
from kit.pipeline import own_kernel, workflow_notebooks
from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").rglob("*.ipynb"))
NOTEBOOKS = [p for p in NOTEBOOKS if ".ipynb_checkpoints" not in p.parts]
TRAINING = [p for p in NOTEBOOKS if p.parent.name == "training"]
PILOT = kit.paths.pilot_path()


def test_every_notebook_is_thin_and_parameterized():
    import nbformat
    assert NOTEBOOKS and TRAINING
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, path.name
        params = {}
        exec(tagged[0].source, {}, params)  # plain values only
        assert {"study_dir", "out_dir"} <= set(params), path.name
        assert all(isinstance(v, (str, int, float, bool, list, dict, type(None))) for v in params.values())
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not any(line.lstrip().startswith(("def ", "class ")) for line in cell.source.splitlines()), path.name
                outputs = cell.get("outputs", [])
                assert not any(o.get("output_type") == "error" for o in outputs), path.name
                # the stored form: no images (tools/store_notebooks.py), nothing backend-specific
                assert not any(k.startswith("image/") for o in outputs for k in o.get("data", {})), path.name
                assert not any("<Figure size" in str(o.get("data", {}).get("text/plain", "")) for o in outputs), path.name
    assert {p.name for p in workflow_notebooks()} == {p.name for p in NOTEBOOKS if p not in TRAINING}


# --- what each workflow notebook records, checked against independent figures ------------------

def _guide(out):
    lint = pd.read_csv(out / "tables" / "guide_lint.csv")
    questions = yaml.safe_load((PILOT / "guide.yml").read_text())["questions"]
    assert list(lint["question"]) == [q["text"] for q in questions]
    assert (out / "guide.md").is_file() and (out / "guide.html").is_file()


def _plan(out):
    people = pd.read_csv(PILOT / "participants.csv", dtype=str)
    funnel = pd.read_csv(out / "tables" / "recruitment_funnel.csv").set_index("stage")["participants"]
    assert funnel["invited"] == people["invited_on"].notna().sum()
    assert funnel["scheduled"] == people["scheduled_on"].notna().sum()
    assert funnel["completed"] == (people["status"] == "completed").sum()
    coverage = pd.read_csv(out / "tables" / "quota_coverage.csv").set_index("segment")
    done = people[people["status"] == "completed"]["segment"].value_counts()
    for segment, row in coverage.iterrows():
        assert row["completed"] == done.get(segment, 0)


def _capture(out):
    study = kit.load_study(PILOT)
    glance = pd.read_csv(out / "tables" / "interviews.csv")
    assert len(glance) == len(study.interviews) == len(list((PILOT / "interviews").glob("*.md")))
    ratios = pd.read_csv(out / "tables" / "talk_ratio.csv")
    transcribed = study.interviews[study.interviews["n_turns"] > 0]
    assert sorted(ratios["interview_id"]) == sorted(transcribed["interview_id"])
    expected = transcribed.set_index("interview_id")["talk_ratio"]
    for row in ratios.itertuples():
        assert row.talk_ratio == pytest.approx(expected[row.interview_id], abs=5e-4)
    assert (out / "figures" / "talk_ratio.png").stat().st_size > 5000


def _coding(out):
    summary = json.loads((out / "tables" / "agreement.json").read_text())
    assert summary["coders"] == sorted(p.stem for p in (PILOT / "codings").glob("*.csv"))
    codes = yaml.safe_load((PILOT / "codebook.yml").read_text())["codes"]
    assert summary["n_codes"] == len(codes)
    assert summary["n_units"] == summary["n_segments"] * summary["n_codes"]
    assert 0 < summary["alpha"] <= summary["percent_agreement"] <= 1
    themes = pd.read_csv(out / "tables" / "themes.csv")
    n = len(kit.load_study(PILOT).interviews)
    assert set(themes["code"]) <= {c["name"] for c in codes}
    for row in themes.itertuples():
        assert row.share == pytest.approx(row.participants / n) and row.mentions >= row.participants


def _sentiment(out):
    from kit import nltkdata

    scored = pd.read_csv(out / "tables" / "turn_sentiment.csv")
    segments = kit.load_study(PILOT).segments()
    text = dict(zip(segments["segment_id"], segments["text"]))
    sample = scored[scored["kind"] == "turn"]
    assert len(sample) >= 40
    from kit.sentiment_terms import as_terms

    vader = nltkdata.nltk_analyzer()  # NLTK's own SentimentIntensityAnalyzer: the oracle
    for row in sample.itertuples():  # on the text as the kit scores it: "PO" (a purchase order) is no slang
        said = as_terms([text[row.segment_id]])[0]
        assert row.compound == pytest.approx(vader.polarity_scores(said)["compound"], abs=1e-4)


def _patterns(out):
    import itertools
    from math import comb

    from scipy.stats import chi2_contingency

    prevalence = pd.read_csv(out / "tables" / "theme_prevalence_by_segment.csv")
    tests = pd.read_csv(out / "tables" / "theme_tests.csv").set_index("code")
    checked = 0
    for code, rows in prevalence.groupby("code"):
        if code not in tests.index or tests.loc[code, "test"] not in ("chi-square", "fisher-freeman-halton"):
            continue
        table = [list(rows["with_code"]), list(rows["n"] - rows["with_code"])]
        statistic, p, dof, _ = chi2_contingency(table, correction=False)
        assert tests.loc[code, "statistic"] == pytest.approx(statistic) and tests.loc[code, "dof"] == dof
        if tests.loc[code, "test"] == "fisher-freeman-halton":
            # the exact test by enumeration: every 2 x k table with the same margins, weighted by
            # its multivariate hypergeometric probability; p sums those no likelier than observed
            sizes, first = list(rows["n"]), list(rows["with_code"])
            total, ones = sum(sizes), sum(first)

            def prob(cells):
                out_ = 1
                for n_j, a_j in zip(sizes, cells):
                    out_ *= comb(n_j, a_j)
                return out_ / comb(total, ones)

            observed = prob(first)
            p = sum(prob(c) for c in itertools.product(*(range(n_j + 1) for n_j in sizes))
                    if sum(c) == ones and prob(c) <= observed * (1 + 1e-7))
        assert tests.loc[code, "p_value"] == pytest.approx(p)
        checked += 1
    assert checked >= 3


def _program(out):
    summary = json.loads((out / "program.json").read_text())
    costs = pd.read_csv(out / "tables" / "costs_by_category.csv")
    assert summary["total_cost"] == pytest.approx(costs["amount"].sum(), abs=0.01)
    assert summary["interviews_completed"] == len(list((PILOT / "interviews").glob("*.md")))
    assert summary["cost_per_interview"] == pytest.approx(summary["total_cost"] / summary["interviews_completed"], abs=0.01)
    people = pd.read_csv(PILOT / "participants.csv", dtype=str)
    assert summary["invited"] == people["invited_on"].notna().sum()


def _report(out):
    html = (out / "index.html").read_text(encoding="utf-8")
    study = yaml.safe_load((PILOT / "study.yml").read_text())
    assert study["title"] in html
    people = pd.read_csv(PILOT / "participants.csv", dtype=str).set_index("id")
    quotes = pd.read_csv(out / "tables" / "shareable_quotes.csv")
    assert len(quotes) > 0 and (people.loc[quotes["participant"], "consent_quote"] == "yes").all()


def _discovery(out):
    trends = pd.read_csv(out / "tables" / "trends.csv")
    assert len(trends) > 0
    for row in trends.itertuples():
        assert row.share == pytest.approx(row.mentioning / row.participants)
        assert row.share_low <= row.share <= row.share_high
    hits = pd.read_csv(out / "tables" / "search.csv")
    assert list(hits["rank"]) == list(range(1, len(hits) + 1))


RECORDS = {"01-guide-design": _guide, "02-pilot-plan": _plan, "03-capture": _capture, "04-coding": _coding,
           "05-sentiment": _sentiment, "06-patterns": _patterns, "07-program-roi": _program,
           "08-sprint-report": _report, "09-continuous-discovery": _discovery}
WORKFLOW = [p for p in NOTEBOOKS if p not in TRAINING]


@pytest.mark.slow
@pytest.mark.parametrize("path", WORKFLOW, ids=[p.stem for p in WORKFLOW])
def test_workflow_notebook_records_what_the_study_says(path, pilot_run):
    import nbformat
    executed = nbformat.read(pilot_run / "notebooks" / path.name, as_version=4)
    assert not any(o.get("output_type") == "error" for c in executed.cells for o in c.get("outputs", []))
    RECORDS[path.stem](pilot_run)


@pytest.mark.slow
@pytest.mark.parametrize("path", TRAINING, ids=[p.stem for p in TRAINING])
def test_training_notebook_runs_with_papermill(path, tmp_path):
    import papermill as pm
    import nbformat
    out = tmp_path / "out"
    with own_kernel() as kernel:
        pm.execute_notebook(str(path), str(tmp_path / path.name), kernel_name=kernel, progress_bar=False,
                            cwd=str(path.parent), parameters={"study_dir": str(PILOT), "out_dir": str(out)})
    executed = nbformat.read(tmp_path / path.name, as_version=4)
    assert not any(o.get("output_type") == "error" for c in executed.cells for o in c.get("outputs", []))
    TRAINING_RECORDS[path.stem](out)


def _observation(out):
    study = kit.load_study(PILOT)
    cues = pd.read_csv(out / "tables" / "insight_cues.csv")
    assert list(cues["segment_id"]) == list(study.insights["segment_id"])
    checked = pd.read_csv(out / "tables" / "quote_check.csv")
    assert set(checked["segment_id"]) <= set(study.quotes["segment_id"]) and len(checked) > 0


def _question_craft(out):
    exercise = pd.read_csv(out / "question-craft.csv")
    assert len(exercise) > 0 and exercise["problems"].notna().all()  # every exercise question is flawed
    assert (exercise["score"] == 0).all() and exercise["rewrite"].isna().all()  # nobody has rewritten yet


def _transcript_review(out):
    cohort = pd.read_csv(out / "tables" / "review_cohort.csv")
    assert sorted(set(cohort["transcript"])) == sorted(p.stem for p in (PILOT / "transcripts").iterdir())
    study = kit.load_study(PILOT).interviews.set_index("interview_id")
    # a row per interviewer: the talk ratios of a transcript's interviewers add up to the interview's
    for transcript, ratio in cohort.groupby("transcript")["talk_ratio"].sum().items():
        assert ratio == pytest.approx(study.loc[transcript, "talk_ratio"], abs=1e-3)
    assert cohort["score"].between(0, 100).all()


TRAINING_RECORDS = {"observation-vs-interpretation": _observation, "question-craft": _question_craft,
                    "transcript-review": _transcript_review}
