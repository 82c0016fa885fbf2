"""The faults a newcomer (a dental-clinic researcher) met on a first study, by kind: the
index summary that under-counted, a recruit that capped silently, and the report's claims
that its own tables did not back (valence, ROI, saturation, theme labels). The study under
tests/data/newcomer-dental/ was written for these tests (no real interviews)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import write

DENTAL = Path(__file__).parent / "data" / "newcomer-dental"


@pytest.fixture
def dental(tmp_path):
    """A writable copy of the newcomer's (corrected) dental study."""
    return Path(shutil.copytree(DENTAL / "study", tmp_path / "dental"))


# -- 5. the index summary counts errors and warnings ---------------------------------------------
def test_index_summary_counts_the_errors_it_lists(tmp_path):
    from kit.cli.discovery import index_command
    from kit.discovery.repository import example_repository

    repo = example_repository(tmp_path / "repo")
    study = repo / "2026-S49"
    write(study / "decisions.csv", "id,date,decision\nD-8,someday,Ship it\nD-9,later,Ship more\n")
    text, code = index_command(repo)
    assert code == 1
    for label in ("2026-S41", "2026-S45", "2026-S49"):
        listed = sum(1 for line in text.splitlines() if line.startswith(str(repo / label) + "/"))
        summary = [line for line in text.splitlines() if line.startswith(f"{label}: ")]
        if listed:  # a study whose errors are listed gets a summary that counts them
            assert summary and summary[0].startswith(f"{label}: {listed} error(s), "), (label, summary)
        for line in summary:
            assert re.match(rf"{label}: \d+ error\(s\), \d+ warning\(s\) in reading its files; interview-kit check ", line)
    assert any(line.startswith("2026-S49: 2 error(s)") for line in text.splitlines())


# -- 6. recruit says when it picked fewer than asked ---------------------------------------------
def test_recruit_says_it_was_capped_by_the_open_places(dental):
    from kit.cli.recruit import recruit_command
    from kit.recruit import open_quotas
    from kit.study import load_study

    open_places = int(open_quotas(load_study(dental))["open"].sum())
    assert open_places == 1  # the newcomer's study: one place left
    text, code = recruit_command(DENTAL / "pool-fixed.csv", dental, 3, today="2026-03-20")
    assert code == 0
    picked = [line for line in text.splitlines() if "pool line" in line]
    assert len(picked) == 1
    assert "picked 1 of the 3 asked for (--n 3): capped because the study has only 1 open place" in text
    text, _ = recruit_command(DENTAL / "pool-fixed.csv", dental, 1, today="2026-03-20")
    assert "capped" not in text  # asked for no more than it could pick: nothing to say


def test_recruit_says_when_the_pool_runs_out(dental):
    from kit.recruit import recruit

    pool = write(dental.parent / "pool.csv", "id,name,email,segment,channel\n,Ann Oak,ann@example.org,front-desk,email\n")
    write(dental / "study.yml", (dental / "study.yml").read_text(encoding="utf-8").replace(
        "quotas: {front-desk: 5, patient: 5}", "quotas: {front-desk: 9, patient: 9}"))
    table = recruit(pool, dental, 4, today="2026-03-20")
    assert len(table) <= 1
    assert table.attrs["capped"].startswith(f"picked {len(table)} of the 4 asked for (--n 4): capped because "
                                            "the pool has nobody eligible left")


# -- 1. one rule for a theme's valence, in every section -----------------------------------------
def _valence_claims(context: dict, codes: list[str]) -> dict[str, set[str]]:
    """Every place the report calls a theme negative/positive/mixed/neutral, per theme:
    "negative" from a Friction row or "Biggest friction", "not negative" from "No theme
    reads negative", the word of a table's Feeling column, the "(negative)" beside a quote."""
    claims: dict[str, set[str]] = {c: set() for c in codes}
    for section in context["sections"]:
        for block in section["blocks"]:
            table = block.get("table") or {}
            headings = table.get("headings") or []
            if "Theme" in headings:
                at = headings.index("Theme")
                for row in table["rows"]:
                    if block["title"].startswith("Friction"):
                        claims[row[at]].add("negative")
                    if "Feeling" in headings:
                        claims[row[at]].add(row[headings.index("Feeling")])
            if any("No theme reads negative" in b for b in block.get("bullets") or []):
                for c in codes:
                    claims[c].add("not negative")
            for q in (block.get("quotes") or []) + [q for card in block.get("cards") or []
                                                    for q in (card.get("quotes") or [])]:
                m = re.match(r"theme: (\S+) \((negative|positive)\)", str(q.get("theme", "")))
                if m:
                    claims[m.group(1)].add(m.group(2))
    for finding in context["findings"]:
        m = re.match(r"Biggest friction: (\S+),", finding)
        if m:
            claims[m.group(1)].add("negative")
    return claims


@pytest.mark.parametrize("rule", ["feeling", "mean compound only"])
def test_no_two_sections_disagree_on_a_themes_valence(tmp_path, rule):
    import pandas as pd

    from kit.report.page import Report
    from kit.study import load_study

    study = load_study(DENTAL / "study")
    themes = pd.read_csv(DENTAL / "tables" / "themes.csv")  # as the newcomer's notebook 04 wrote it
    if rule != "feeling":
        themes = themes.drop(columns=["feeling", "share_negative", "share_positive"])
    (tmp_path / "tables").mkdir()
    themes.to_csv(tmp_path / "tables" / "themes.csv", index=False)
    context = Report(study, tmp_path).context()
    claims = _valence_claims(context, list(themes["code"]))
    words = {"negative", "positive", "mixed", "neutral"}
    for code, said in claims.items():
        named = said & words
        assert len(named) <= 1, (code, said)
        assert not ({"negative", "not negative"} <= said), (code, said)
    negative = {c for c, said in claims.items() if "negative" in said}
    assert "cancellation-fee" in negative  # mean -0.18, 80% of its passages negative
    friction = next(b for s in context["sections"] for b in s["blocks"] if b["title"].startswith("Friction"))
    listed = {row[0] for row in (friction.get("table") or {}).get("rows", [])}
    assert listed == negative  # Friction lists exactly the themes the report elsewhere calls negative


# -- 2. ROI: later evidence left out, estimated values worded as estimates --------------------------
def _decisions(study: Path, date: str, reading: str = "") -> None:
    write(study / "decisions.csv",
          "id,date,decision,evidence,estimated_value,value_kind,outcome_metric,outcome_baseline,outcome_reading,"
          f"reading_date,attribution\nD-001,{date},Build two-way SMS rescheduling,INT-001; INT-005; INT-003#q1,40000,"
          f"revenue,no-shows per week,12,{reading},{'2026-06-01' if reading else ''},\n")


def _report(study: Path, out: Path) -> dict:
    from kit import program
    from kit.report.page import Report
    from kit.study import load_study

    loaded = load_study(study)
    program.program_json(loaded, out, as_of="2026-11-30")
    return Report(loaded, out).context()


def _roi_words(context: dict) -> str:
    leadership = next(s for s in context["sections"] if s["id"] == "leadership")
    block = next(b for b in leadership["blocks"] if b["title"] == "Program ROI")
    return "\n".join([*context["findings"], *(m["label"] + " " + m["value"] for m in context["metrics"]),
                      *(m["label"] + " " + m["value"] for m in block["metrics"]), *block["bullets"]])


def test_a_decision_citing_a_later_interview_is_left_out_of_roi(dental, tmp_path):
    from kit.roi import later_evidence, roi
    from kit.study import load_study

    study = load_study(dental)  # D-001 (2026-03-08) cites INT-005, held 2026-03-09
    assert list(later_evidence(study)["decision_id"]) == ["D-001"]
    money = roi(study)
    assert money["decisions_left_out"] == 1 and money["left_out_ids"] == ["D-001"]
    assert money["total_value"] == 0 and money["roi_low"] is None and money["roi"] is None
    from kit.roi import value_breakdown

    assert value_breakdown(study)["estimated_value"].sum() == 0  # the ROI figure's value bar agrees
    words = _roi_words(_report(dental, tmp_path / "out"))
    assert "returned" not in words and "would return" not in words
    assert "left out of the value and the ROI (D-001)" in words
    assert "program ROI" not in " ".join(m["label"] for m in _report(dental, tmp_path / "o2")["metrics"])


def test_roi_on_estimated_values_is_worded_as_an_estimate(dental, tmp_path):
    from kit.roi import roi, value_basis
    from kit.study import load_study

    _decisions(dental, "2026-03-20")  # after every interview it cites: counted
    study = load_study(dental)
    assert list(value_basis(study)["basis"]) == ["estimated"]
    money = roi(study)
    assert money["value_basis"] == "estimated" and money["roi_low"] is not None
    words = _roi_words(_report(dental, tmp_path / "out"))
    assert "estimated, no outcome measured yet" in words
    roi_lines = [line for line in words.splitlines() if "ROI" in line or "return on investment" in line]
    assert roi_lines and all("estimated, no outcome measured yet" in line for line in roi_lines), roi_lines
    assert "it returned" not in words

    _decisions(dental, "2026-03-20", reading="7")  # an outcome read against the baseline
    assert roi(load_study(dental))["value_basis"] == "measured"
    words = _roi_words(_report(dental, tmp_path / "read"))
    assert "it returned" in words and "no outcome measured yet" not in words


# -- 3. saturation says what backs it --------------------------------------------------------------
def _saturation_bullets(tmp_path, themes) -> list[str]:
    from kit.report.page import Report
    from kit.study import load_study

    (tmp_path / "tables").mkdir(parents=True)
    shutil.copy(DENTAL / "tables" / "saturation.json", tmp_path / "tables" / "saturation.json")
    themes.to_csv(tmp_path / "tables" / "themes.csv", index=False)
    context = Report(load_study(DENTAL / "study"), tmp_path).context()
    block = next(b for s in context["sections"] for b in s["blocks"] if b["title"] == "Saturation")
    return block["bullets"]


@pytest.mark.slow  # 1-1.7 s: keeps the fast gate under two minutes
def test_saturation_on_unchecked_rules_is_inconclusive(tmp_path):
    import pandas as pd

    from kit.thematic_saturation import saturation_backing

    themes = pd.read_csv(DENTAL / "tables" / "themes.csv")  # every code from an unvalidated rule
    backing = saturation_backing(themes)
    assert backing["backing"] == "unvalidated rules" and not backing["conclusive"]
    assert set(backing["unvalidated"]) == set(themes["code"])
    bullets = _saturation_bullets(tmp_path / "rules", themes)
    assert not any("Saturation was reached" in b for b in bullets)
    assert bullets[0].startswith("Saturation is inconclusive") and "keyword rules no coder has checked" in bullets[0]
    assert all("inconclusive" in b for b in bullets if "at interview" in b)

    by_hand = themes.assign(participants_manual=themes["participants"], participants_rule=0)
    assert saturation_backing(by_hand)["backing"] == "manual codes"
    bullets = _saturation_bullets(tmp_path / "hand", by_hand)
    assert bullets[0].startswith("Saturation was reached at interview 8 (INT-008) of 10")
    assert "counted from the coders' codes" in bullets[0] and "inconclusive" not in " ".join(bullets)

    checked = themes.assign(rule_status="validated")
    assert saturation_backing(checked)["backing"] == "manual codes and validated rules"
    assert not saturation_backing(None)["conclusive"]
    bullets = _saturation_bullets(tmp_path / "bare", themes.drop(columns=["participants_manual"]))
    assert bullets[0].startswith("Saturation is inconclusive") and "not recorded" in bullets[0]


# -- 4. suggested theme labels use no term only a non-consenting participant said ---------------------
def test_theme_labels_use_no_words_only_a_non_consenting_participant_said():
    from kit import theme_discovery as td
    from kit.study import load_study

    study = load_study(DENTAL / "study")
    ok = study.consenting()
    assert "P-003" not in ok  # the newcomer's P-003 said "cleaning date" and did not consent to quoting
    frame = td.passages(study)
    result = td.discover_themes(study)
    published = set()
    for row in result.themes.itertuples():
        published |= set(row.label.split(" / ")) | set(row.terms.split(", ")) | set(row.keywords.split(", "))
    published |= set(result.terms["term"]) if len(result.terms) else set()
    assert "cleaning date" not in published
    from nltk.stem.snowball import SnowballStemmer  # the stems the terms are counted by

    stem = SnowballStemmer("english").stem
    stems = frame["text"].map(lambda t: " " + " ".join(stem(w) for w in re.findall(r"[a-z]+", t.lower())) + " ")
    for term in sorted(published - {""}):
        wanted = " " + " ".join(stem(w) for w in re.findall(r"[a-z]+", term.lower())) + " "
        users = frame[stems.map(lambda t: wanted in t)]
        assert users["participant"].isin(ok).any() or users["who"].nunique() >= 2, (term, set(users["who"]))


# -- 7. one list of what writes into a study, the same in every doc ---------------------------------
def _writers(path: Path) -> list[tuple[str, ...]]:
    """The backticked items of every sentence saying the kit never writes into a study except ..."""
    text = " ".join(path.read_text(encoding="utf-8").split())
    found = []
    for m in re.finditer(r"never writes into (?:it|a study folder|the study),? except through (.*?[^.])\.(?:\s|$)", text):
        found.append(tuple(re.findall(r"`([^`]+)`", m.group(1))))
    return found


def test_every_doc_gives_the_same_list_of_what_writes_into_a_study():
    import inspect

    from kit.cli import parsing
    from kit.widgets import coding

    root = Path(__file__).resolve().parents[1]
    docs = [root / "README.md", root / "docs" / "study-format.md", root / "docs" / "continuous-discovery.md"]
    lists = {p.name: _writers(p) for p in docs}
    assert all(len(v) == 1 for v in lists.values()), lists
    assert len({v[0] for v in lists.values()}) == 1, lists
    listed = next(iter(lists.values()))[0]
    assert any(w.startswith("interview-kit new") for w in listed)
    assert any(w.startswith("interview-kit recruit") and w.endswith("--apply") for w in listed)
    assert "codings/<coder>.csv" in listed
    # the writers named are the ones the code has: recruit --apply, new, the coding widget's file
    source = inspect.getsource(parsing)
    assert '"--apply"' in source and 'add_parser("new"' in source
    assert '"codings"' in inspect.getsource(coding)
