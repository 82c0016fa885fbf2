"""kit.report: the sprint report is built from whatever tables exist, names the table behind
every figure and table, embeds its figures, says what is missing, and shares nothing private."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.analyze import analyze
from kit.report import UPSTREAM, build_report
from conftest import tree_snapshot, write
from report_helpers import write_method_tables

SECTIONS = ("product", "marketing", "leadership", "appendix")


@pytest.fixture(scope="module")
def pilot():
    return kit.load_study(kit.paths.pilot_path())


@pytest.fixture(scope="module")
def bare(pilot, tmp_path_factory):
    """A report rendered on its own: no notebook has written a table."""
    out = tmp_path_factory.mktemp("bare")
    built = build_report(pilot, out)
    return out, built, built.path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def upstream(pilot, tmp_path_factory):
    """A report over tables such as the coding and program steps write, with a figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kit import program

    out = tmp_path_factory.mktemp("upstream")
    analyze(pilot, out / "tables")  # themes.csv, turns.csv, autocodes.csv
    program.program_json(pilot, out, as_of="2026-11-30")
    fig, ax = plt.subplots()
    ax.bar(["a"], [1])
    (out / "figures").mkdir()
    fig.savefig(out / "figures" / "frequency.png")
    plt.close(fig)
    (out / "notebooks").mkdir()
    shutil.copy(kit.paths.notebooks_path() / "03-capture.ipynb", out / "notebooks" / "04-coding.ipynb")
    built = build_report(pilot, out)
    return out, built, built.path.read_text(encoding="utf-8")


def test_every_section_is_there(bare):
    _, built, html = bare
    for section in SECTIONS:
        assert f'id="{section}"' in html
    assert set(built.outline["section"]) == {"Product", "Marketing", "Leadership", "Method appendix"}
    for part in ("Friction", "Feature requests", "Opportunities", "Customer language", "Quotes you may use",
                 "Top themes", "Trends", "Program ROI", "Decisions", "Sample and recruitment", "Saturation",
                 "Agreement between coders"):
        assert built.outline["part"].str.contains(part).any(), part


def test_missing_tables_are_named_with_the_notebook_that_writes_them(bare):
    _, built, html = bare
    missing = built.outline[built.outline["status"] == "missing"]
    assert len(missing) >= 5
    for source in missing["source"]:
        assert source.startswith(("Not available yet: this part needs tables/",
                                  "Not available yet: this part needs program.json"))
        assert re.search(r"the \d\d-[a-z-]+ notebook", source)
    assert "needs tables/themes.csv" in html or "needs tables/frequency_intensity.csv" in html
    assert "run the 04-coding notebook (or `interview-kit run`) first" in html


def test_a_notebook_that_ran_without_its_table_is_told_apart(upstream):
    _, built, _ = upstream
    agreement = built.outline.set_index("part").loc["Agreement between coders", "source"]
    assert "the 04-coding notebook ran but wrote no such table" in agreement
    assert "was not part of this run" in built.outline.set_index("part").loc["Customer language", "source"]


def test_the_report_writes_no_table_and_says_which_it_lacks(bare):
    out, built, html = bare
    assert not (out / "tables").is_dir() or not any((out / "tables").iterdir())  # it computes nothing
    status = built.outline.set_index("part")
    for part, table, notebook in (("Feature requests", "tables/feature_requests.csv", "06-patterns"),
                                  ("Opportunities", "tables/opportunity_notes.csv", "06-patterns"),
                                  ("Quotes you may use", "tables/shareable_quotes.csv", "04-coding"),
                                  ("Decisions", "tables/decisions.csv", "07-program-roi"),
                                  ("Sample and recruitment", "tables/sample.csv", "02-pilot-plan")):
        row = status[status.index.str.startswith(part)].iloc[0]
        assert table in row["source"] and notebook in row["source"], part


def test_the_report_shows_the_method_tables_the_notebooks_wrote(pilot, tmp_path):
    out = write_method_tables(pilot, tmp_path)
    built = build_report(pilot, out)
    html = built.path.read_text(encoding="utf-8")
    status = built.outline.set_index("part")
    for part, table in (("Quotes you may use", "tables/shareable_quotes.csv"), ("Decisions", "tables/decisions.csv"),
                        ("Sample and recruitment", "tables/sample.csv"),
                        ("Opportunities and their evidence", "tables/opportunity_notes.csv")):
        assert status.loc[part, "status"] == "shown" and table in status.loc[part, "source"], part
    for decision in pilot.decisions["id"]:
        assert decision in html
    sample = pd.read_csv(out / "tables" / "sample.csv")
    for segment in sample["segment"]:
        assert str(segment) in html


def test_every_source_named_exists_and_figures_are_embedded(upstream):
    out, built, html = upstream
    named = set(re.findall(r"<code>((?:tables|figures)/[^<]+|program\.json)</code>", html))
    assert named, "the report names no source"
    for rel in named:
        assert (out / rel).is_file(), rel
    images = re.findall(r'<img src="([^"]+)"', html)
    assert images and all(src.startswith("data:image/png;base64,") for src in images)
    captions = re.findall(r"Figure <code>(figures/[^<]+)</code>, drawn from <code>(tables/[^<]+)</code>", html)
    assert ("figures/frequency.png", "tables/themes.csv") in captions
    shown = built.outline[built.outline["status"] == "shown"]
    assert all(s.startswith(("tables/", "program.json")) for s in shown["source"])


def test_sections_fill_in_from_upstream_tables(upstream):
    out, built, html = upstream
    status = built.outline.set_index("part")["status"]
    assert status["Top themes"] == "shown" and status["Program ROI"] == "shown"
    assert status["Friction: where getting the job done hurts"] == "shown"
    themes = pd.read_csv(out / "tables" / "themes.csv")
    assert str(themes.iloc[0]["code"]) in html
    assert "EUR 4,420" in html  # the pilot's cost ledger, from program.json


@pytest.mark.slow  # 1-1.7 s: keeps the fast gate under two minutes
def test_rebuilding_gives_the_same_bytes(pilot, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        analyze(pilot, out / "tables")
        build_report(pilot, out)
    assert tree_snapshot(first) == tree_snapshot(second)
    again = tree_snapshot(first)
    build_report(pilot, first)
    assert tree_snapshot(first) == again
    html = (first / "index.html").read_text()
    assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d", html)


def test_nothing_private_in_the_report(pilot, tmp_path):
    out = write_method_tables(pilot, tmp_path)
    html = build_report(pilot, out).path.read_text(encoding="utf-8")
    people = pilot.participants
    secrets = [s for s in list(people["name"]) + list(people["email"]) if s]
    firsts = {n.split()[0] for n in people["name"] if n}
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".csv", ".json"):
            text = path.read_text(encoding="utf-8")
            assert not [s for s in secrets if s in text], path.name
            assert "07700 900123" not in text and "accounts@example.com" not in text, path.name
    quotes = pd.read_csv(out / "tables" / "shareable_quotes.csv")
    words = set(re.findall(r"[A-Z][a-z]+", " ".join(quotes["text"])))
    assert not words & firsts
    assert set(quotes["participant"]) <= pilot.consenting()
    assert "[phone]" in html and "[email]" in html


def test_names_in_quotes_redacted_unless_asked_for(study_dir, tmp_path):
    note = study_dir / "interviews" / "INT-001.md"
    note.write_text(note.read_text().replace('"The invite email went to spam twice."',
                                             '"Jo here: the invite email went to Jo Park twice, jo@example.com."'))
    study = kit.load_study(study_dir, strict=False)
    shared = build_report(study, write_method_tables(study, tmp_path / "shared")).path.read_text()
    assert "Jo Park" not in shared and "jo@example.com" not in shared and "Jo here" not in shared
    assert "[name] here: the invite email went to [name] twice, [email]." in shared
    internal = build_report(study, write_method_tables(study, tmp_path / "internal", include_names=True),
                            include_names=True).path.read_text()
    assert "Jo here: the invite email went to Jo Park twice, [email]." in internal
    assert "P-1 (Jo Park)" in internal and "do not share it" in internal
    # Lee (P-2) did not consent: the quote is withheld either way
    assert "IT team blocked" not in shared and "IT team blocked" not in internal


def test_executed_notebooks_are_linked(upstream, bare):
    _, _, html = upstream
    assert 'href="notebooks/04-coding.html"' in html and 'href="notebooks/04-coding.ipynb"' in html
    assert 'href="notebooks/08-sprint-report.html"' in html
    assert "No executed notebooks in this folder" in bare[2]


def test_sprint_parameter_overrides_study_yml(pilot, tmp_path):
    html = build_report(pilot, tmp_path, sprint="2026-S99").path.read_text()
    assert "Sprint report · 2026-S99" in html and "2026-S41" not in html.split("</header>")[0]


def test_a_study_of_transcripts_only_still_gets_a_report(tmp_path):
    write(tmp_path / "study" / "call-1.txt", "Interviewer: Tell me about the last time.\nAna: It broke, ring 07700 900123.\n")
    built = build_report(tmp_path / "study", tmp_path / "out")
    html = built.path.read_text()
    assert "call-1" in html or "1</b>" in html
    assert "07700 900123" not in html


def test_upstream_registry_names_workflow_notebooks():
    for names, notebook in UPSTREAM.values():
        assert names and re.fullmatch(r"\d\d-[a-z-]+", notebook)
        assert all(Path(n).suffix in (".csv", ".json") for n in names)


def test_schedule_templates_are_valid():
    import yaml

    folder = kit.paths.templates_path() / "schedule"
    workflow = yaml.safe_load((folder / "sprint-report.yml").read_text())
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as True
    assert triggers["schedule"][0]["cron"].count(" ") == 4 and "workflow_dispatch" in triggers
    steps = " ".join(str(s.get("run", "")) for s in workflow["jobs"]["report"]["steps"])
    assert "interview-kit run" in steps and "--out" in steps and "--log" in steps
    lines = [line for line in (folder / "crontab").read_text().splitlines() if line and not line.startswith("#")]
    assert len(lines) == 1
    fields = lines[0].split(None, 5)
    assert len(fields) == 6 and "interview-kit run" in fields[5] and "--out" in fields[5]


def test_a_study_without_journey_stages_is_told_so_in_the_report(pilot, tmp_path):
    (tmp_path / "tables").mkdir()
    pd.DataFrame(columns=["stage", "n", "share_negative", "share_positive", "mean_compound"]).to_csv(
        tmp_path / "tables" / "sentiment_by_stage.csv", index=False)
    built = build_report(pilot, tmp_path)
    row = built.outline.set_index("part").loc["Pain along the journey"]
    assert row["status"] == "shown" and row["source"] == "tables/sentiment_by_stage.csv"
    assert "No journey stages are defined" in built.path.read_text(encoding="utf-8")


def test_the_report_code_names_no_product_or_pilot():
    import kit.feature_requests

    folder = Path(kit.report.__file__).parent
    pilot_words = ["Brightbill", "2026-S41", *kit.load_study(kit.paths.pilot_path()).codebook.names]
    texts = [p.read_text(encoding="utf-8") for p in folder.glob("*.py")]
    texts.append(Path(kit.feature_requests.__file__).read_text(encoding="utf-8"))
    for word in pilot_words:
        assert not any(re.search(rf"\b{re.escape(word)}\b", t, re.IGNORECASE) for t in texts), word


def test_every_public_name_is_importable_from_kit_report(tmp_path):
    import kit.report as report

    for name in report.__all__:
        assert getattr(report, name) is not None, name
    for module in ("tables", "formatting", "base", "product", "marketing", "leadership", "appendix", "sections", "page"):
        sub = __import__(f"kit.report.{module}", fromlist=["__all__"])
        assert sub.__all__ and all(hasattr(sub, n) for n in sub.__all__), module
    # a table no notebook wrote reads as an empty table with its registered columns
    assert list(report.read_table(tmp_path, "shareable_quotes").columns)[:2] == ["segment_id", "interview_id"]
    assert report.read_table(tmp_path, "program") == {}
