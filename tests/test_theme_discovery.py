"""Theme discovery: suggested themes without a codebook, their evidence and the export."""
from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest
import yaml
from conftest import STUDY_YML, tree_snapshot, write
from sklearn.metrics import adjusted_rand_score, f1_score

from kit import theme_discovery as td
from kit.check import check_study
from kit.cli import main
from kit.codebook import load_codebook
from kit.study import load_study

GARDEN = ["The roses in the garden need compost and fresh soil every spring.",
          "I plant tulips in the garden bed and the soil stays wet.",
          "Compost from the kitchen goes on the roses and the tulips.",
          "Weeding the garden bed takes an hour, the soil is heavy clay.",
          "My tulips and roses came up early, the compost helped the soil.",
          "The garden bed by the fence gets the most compost."]
INVOICE = ["The client paid the invoice late, the bank transfer took a week.",
           "I sent the invoice and the payment came by bank transfer.",
           "The bank fee on the transfer ate into the invoice payment.",
           "Chasing a late invoice payment is the worst part of the week.",
           "The payment for the invoice went to the wrong bank account.",
           "A bank transfer fee on every invoice payment adds up."]
NAMES = {"P-1": "Jo Park", "P-2": "Lee Grant", "P-3": "Kim Adler", "P-4": "Ola Berg"}
CONSENT = {"P-1": "yes", "P-2": "no", "P-3": "yes", "P-4": "no"}


def make_study(root):
    """Four participants, each with three garden and three invoice quotes; P-1 names
    Lee Grant in a quote; P-2 and P-4 did not consent to being quoted; one quote of
    P-3 is only filler words, so no theme can hold it."""
    write(root / "study.yml", STUDY_YML)
    rows = ["id,name,email,segment,status,consent_record,consent_quote"]
    for n, (pid, name) in enumerate(NAMES.items()):
        rows.append(f"{pid},{name},{pid.lower()}@example.com,{'small' if n % 2 else 'large'},completed,yes,"
                    f"{CONSENT[pid]}")
    write(root / "participants.csv", "\n".join(rows) + "\n")
    for n, pid in enumerate(NAMES):
        quotes = GARDEN[n % 2::2][:3] + INVOICE[n % 2::2][:3]
        if pid == "P-1":
            quotes[3] = "Lee Grant said the invoice payment by bank transfer was late again."
        if pid == "P-3":
            quotes.append("Um, yeah, well, you know.")
        body = "\n".join(f'- "{q}"' for q in quotes)
        write(root / "interviews" / f"INT-00{n + 1}.md",
              f"---\nid: INT-00{n + 1}\ndate: 2026-01-0{n + 2}\nparticipant: {pid}\ninterviewer: Ana Silva\n"
              f"---\n\n## Key Quotes\n{body}\n")
    return root


@pytest.fixture
def small_study(tmp_path):
    return make_study(tmp_path / "small" / "study")


@pytest.fixture(scope="module")
def pilot_result():
    from kit.paths import pilot_path

    return load_study(pilot_path()), td.discover_themes(pilot_path(), seed=0)


def primary(result) -> pd.Series:
    table = result.passages.sort_values(["segment_id", "weight"], ascending=[True, False])
    return table.drop_duplicates("segment_id").set_index("segment_id")["theme"]


# --------------------------------------------------------------------------- grouping

def test_two_topics_become_two_themes(small_study):
    result = td.discover_themes(small_study, n_themes=2, seed=0)
    assert len(result.themes) == 2
    labels = primary(result)
    truth = {}
    study_quotes = load_study(small_study).quotes
    for sid, text in zip(study_quotes["segment_id"], study_quotes["text"]):
        truth[sid] = "garden" if any(w in text.lower() for w in ("garden", "roses", "tulips", "compost")) else (
            "invoice" if "invoice" in text.lower() else "none")
    common = [s for s in labels.index if labels[s] != td.UNASSIGNED]
    assert adjusted_rand_score([truth[s] for s in common], [labels[s] for s in common]) == 1.0
    terms = " ".join(result.themes["terms"])
    assert "garden" in terms and "invoice" in terms
    for label, terms_of in zip(result.themes["label"], result.themes["terms"]):
        assert label.split(" / ")[0] == terms_of.split(", ")[0]
    # the names on the roster never become a theme's term
    assert "lee" not in terms.lower() and "grant" not in terms.lower()


def test_same_seed_same_themes(pilot_result):
    study, first = pilot_result
    again = td.discover_themes(study, seed=0)
    pd.testing.assert_frame_equal(first.themes, again.themes)
    pd.testing.assert_frame_equal(first.passages, again.passages)
    pd.testing.assert_frame_equal(first.examples, again.examples)
    assert len(first.themes) == td.default_n_themes(first.settings["n_passages"])


def test_every_passage_is_kept_and_unassigned_ones_are_listed(small_study):
    study = load_study(small_study)
    result = td.discover_themes(study, n_themes=2, seed=0)
    passages = td.passages(study)
    assert set(result.passages["segment_id"]) == set(passages["segment_id"])
    filler = passages.loc[passages["text"].str.startswith("Um, yeah"), "segment_id"].item()
    assert filler in result.unassigned
    row = result.passages[result.passages["segment_id"] == filler]
    assert row["theme"].tolist() == [td.UNASSIGNED] and row["weight"].tolist() == [0.0]
    # a passage sits in a theme or in "unassigned", never both
    both = result.passages.groupby("segment_id")["theme"].apply(lambda t: td.UNASSIGNED in set(t) and len(t) > 1)
    assert not both.any()
    # counts in the themes table are the membership rows
    members = result.passages[result.passages["theme"] != td.UNASSIGNED]
    counted = members.groupby("theme").size()
    assert dict(zip(result.themes["theme"], result.themes["passages"])) == counted.to_dict()


def test_pilot_passages_are_turns_and_quotes_never_the_teams_insights(pilot_result):
    study, result = pilot_result
    kinds = td.passages(study)["kind"].value_counts().to_dict()
    assert set(kinds) == {"turn", "quote"}  # insights were passages until session 15 (newcomer s14 F11)
    assert result.settings["n_passages"] == sum(kinds.values())
    assert result.passages["segment_id"].nunique() == result.settings["n_passages"]
    assert result.unassigned == sorted(result.unassigned, key=list(td.passages(study)["segment_id"]).index)


def test_mean_compound_and_segments_match_the_passages(pilot_result):
    study, result = pilot_result
    frame = td.passages(study).set_index("segment_id")
    theme = result.themes.iloc[0]
    ids = result.passages.loc[result.passages["theme"] == theme["theme"], "segment_id"]
    # scored as published: a roster name, or an acronym VADER knows only as slang (PO), moves no score
    from kit.privacy import roster
    from kit.sentiment import compound_published

    texts = frame.loc[ids, "text"].tolist()
    assert theme["mean_compound"] == pytest.approx(np.mean(compound_published(texts, roster(study))))
    own = frame.loc[ids]
    # participants: people with a turn or key quote in the theme; an insight is the team's
    assert theme["participants"] == own.loc[own["kind"].isin(["turn", "quote"]), "who"].nunique()
    per_segment = result.by_segment[result.by_segment["theme"] == theme["theme"]]
    assert per_segment["passages"].sum() == theme["passages"]
    assert set(per_segment["segment"]) <= set(study.interviews["segment"])


# --------------------------------------------------------------------------- evidence

def test_examples_only_from_consenting_participants_and_redacted(small_study):
    result = td.discover_themes(small_study, n_themes=2, seed=0)
    examples = result.examples
    assert len(examples)
    assert set(examples["participant"]) <= {"P-1", "P-3"}
    assert (examples.groupby("theme")["rank"].max() <= 3).all()
    for text in examples["text"]:
        for name in NAMES.values():
            assert name not in text and name.split()[0] not in text
    lee = examples[examples["text"].str.contains("said the invoice payment")]
    if len(lee):
        assert lee["text"].iloc[0].startswith("[name] said")
    kept = td.discover_themes(small_study, n_themes=2, seed=0, include_names=True).examples
    assert set(kept["participant"]) <= {"P-1", "P-3"}


def test_pilot_examples_respect_consent(pilot_result):
    from kit.privacy import roster

    study, result = pilot_result
    assert len(result.examples)
    assert set(result.examples["participant"]) <= study.consenting()
    secrets = roster(study).secrets
    for text in result.examples["text"]:
        assert not any(s in text for s in secrets)
    # the representatives are members of their theme
    members = set(zip(result.passages["segment_id"], result.passages["theme"]))
    assert all(pair in members for pair in zip(result.examples["segment_id"], result.examples["theme"]))


def test_overlaps_are_jaccard_of_passages(pilot_result):
    study, result = pilot_result
    row = result.overlaps.iloc[0]
    theirs = set(study.codings.loc[study.codings["code"] == row["code"], "segment"])
    mine = set(result.passages.loc[result.passages["theme"] == row["theme"], "segment_id"])
    # overlaps use the coders' codings where they coded and auto-coding elsewhere, so the
    # coders' passages of the code are a subset of what the overlap counts
    assert row["both"] >= len(mine & theirs) and row["jaccard"] == pytest.approx(
        row["both"] / (row["theme_passages"] + row["code_passages"] - row["both"]))


def test_theme_code_f1_against_sklearn(pilot_result):
    from kit.coding import comparison_universe

    study, result = pilot_result
    universe = comparison_universe(study.codings, study.segments())
    table = td.theme_code_f1(result, study.codings, universe, min_passages=5)
    coded = study.codings[study.codings["segment"].isin(universe)].groupby("code")["segment"].nunique()
    assert set(table["code"]) == set(coded[coded >= 5].index)
    for row in table.itertuples():
        truth = [s in set(study.codings.loc[study.codings["code"] == row.code, "segment"]) for s in universe]
        best = 0.0
        for theme in result.themes["theme"]:
            mine = set(result.passages.loc[result.passages["theme"] == theme, "segment_id"])
            best = max(best, f1_score(truth, [s in mine for s in universe], zero_division=0))
        assert row.f1 == pytest.approx(best)


# --------------------------------------------------------------------------- codebook export

def test_suggested_codebook_passes_check(small_study, tmp_path, study_dir):
    result = td.discover_themes(small_study, n_themes=2, seed=0)
    text = td.suggested_codebook(result, existing=["workaround"])
    assert not any(p.is_error for p in check_study(study_dir))
    write(study_dir / "codebook.yml", text)
    shutil.rmtree(study_dir / "codings")  # codings name the old codes
    problems = check_study(study_dir)
    assert not any(p.is_error for p in problems), problems
    assert not any("codebook" in str(p.path) for p in problems), problems
    codebook, _ = load_codebook(study_dir / "codebook.yml")
    assert len(codebook) == len(result.themes)
    entries = yaml.safe_load(text)["codes"]
    for entry, row in zip(entries, result.themes.itertuples()):
        assert entry["name"].startswith("suggested-") and entry["name"] != "workaround"
        assert entry["keywords"] == row.keywords.split(", ")
        assert entry["definition"].startswith("TODO")
    # the study the suggestions came from is untouched
    assert (small_study / "codebook.yml").exists() is False


def test_empty_study_gives_an_empty_but_valid_codebook(tmp_path):
    root = tmp_path / "empty"
    write(root / "study.yml", STUDY_YML)
    write(root / "transcripts" / "a.txt", "Interviewer: Hello?\nJo: Hmm.\n")
    result = td.discover_themes(load_study(root, strict=False))
    assert len(result.themes) == 0
    assert result.unassigned == td.passages(load_study(root, strict=False))["segment_id"].tolist()
    assert yaml.safe_load(td.suggested_codebook(result)) == {"codes": []}


# --------------------------------------------------------------------------- embedding model

def test_local_word_vectors_group_by_meaning(tmp_path):
    """Words of one topic share no passage, so only the vectors tell that they belong together."""
    vectors = tmp_path / "vectors.txt"
    flowers, money = ["roses", "tulips", "daisies", "lilies"], ["invoice", "payment", "transfer", "refund"]
    rng = np.random.default_rng(0)
    lines = ["8 3"]
    for words, axis in ((flowers, 0), (money, 1)):
        for w in words:
            v = np.eye(3)[axis] + rng.normal(0, 0.05, 3)
            lines.append(w + " " + " ".join(f"{x:.4f}" for x in v))
    vectors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    root = tmp_path / "study"
    write(root / "study.yml", STUDY_YML)
    texts = [f"{a} {b}" for a, b in zip(flowers, flowers[1:] + flowers[:1])] + \
            [f"{a} {b}" for a, b in zip(money, money[1:] + money[:1])] + ["zebra crossing"]
    write(root / "transcripts" / "a.txt", "".join(f"Interviewer: And?\nJo: {t}\n" for t in texts))
    result = td.discover_themes(root, n_themes=2, seed=0, embedding_model=vectors)
    labels = primary(result)
    frame = td.passages(load_study(root, strict=False)).set_index("segment_id")
    truth = ["flowers" if any(w in frame.loc[s, "text"] for w in flowers) else "money" for s in labels.index
             if labels[s] != td.UNASSIGNED]
    assert adjusted_rand_score(truth, [t for t in labels if t != td.UNASSIGNED]) == 1.0
    assert labels[frame.index[frame["text"] == "zebra crossing"][0]] == td.UNASSIGNED
    assert result.settings["method"] == "kmeans-embedding"
    again = td.discover_themes(root, n_themes=2, seed=0, embedding_model=vectors)
    pd.testing.assert_frame_equal(result.passages, again.passages)


def test_bad_word_vector_file_names_the_line(tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("roses 1 0\ntulips 1 x\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"v\.txt:2:"):
        td.load_word_vectors(path)
    with pytest.raises(FileNotFoundError):
        td.load_word_vectors(tmp_path / "missing.txt")


# --------------------------------------------------------------------------- command

def test_themes_command_writes_the_tables(small_study, tmp_path, capsys):
    before = tree_snapshot(small_study)
    out = tmp_path / "out"
    assert main(["themes", str(small_study), "--out", str(out), "--n-themes", "2"]) == 0
    assert tree_snapshot(small_study) == before
    themes = pd.read_csv(out / "suggested_themes.csv")
    assert list(themes.columns[:6]) == ["theme", "label", "terms", "participants", "passages", "mean_compound"]
    links = pd.read_csv(out / "suggested_theme_passages.csv")
    assert list(links.columns) == ["segment_id", "theme", "weight"]
    assert set(links["segment_id"]) == set(td.passages(load_study(small_study))["segment_id"])
    assert td.UNASSIGNED in set(links["theme"])
    examples = pd.read_csv(out / "suggested_theme_examples.csv")
    assert set(examples["participant"]) <= {"P-1", "P-3"}
    assert yaml.safe_load((out / "suggested_codebook.yml").read_text())["codes"]
    terms = pd.read_csv(out / "suggested_theme_terms.csv")
    assert list(terms.columns) == ["theme", "rank", "term", "feature", "ctfidf"]
    for theme, row in zip(themes["theme"], themes["terms"]):
        ranked = terms[terms["theme"] == theme].sort_values("rank")
        assert ranked["term"].head(10).tolist() == row.split(", ")
        assert ranked["ctfidf"].is_monotonic_decreasing
    assert not list(out.glob("*.tmp*"))
    printed = capsys.readouterr()
    assert str(out / "suggested_themes.csv") in printed.out


@pytest.mark.parametrize("where", ["study", "inside", "parent"])
def test_themes_command_refuses_to_write_into_the_study(small_study, capsys, where):
    target = {"study": small_study, "inside": small_study / "out", "parent": small_study.parent}[where]
    before = tree_snapshot(small_study.parent)
    assert main(["themes", str(small_study), "--out", str(target)]) == 2
    assert tree_snapshot(small_study.parent) == before
    err = capsys.readouterr().err
    assert "refused" in err and "the study" in err


def test_themes_command_reports_a_missing_vector_file(small_study, tmp_path, capsys):
    code = main(["themes", str(small_study), "--out", str(tmp_path / "o"), "--embedding-model",
                 str(tmp_path / "none.vec")])
    assert code == 2
    assert "none.vec" in capsys.readouterr().err


# --------------------------------------------------------------------------- report and figure

def test_report_appendix_reads_the_suggested_themes(pilot_result, tmp_path):
    from kit.report import build_report

    study, result = pilot_result
    bare = build_report(study, tmp_path / "bare")
    part = bare.outline[bare.outline["part"].str.contains("Themes suggested")]
    assert part["status"].tolist() == ["missing"]
    assert "suggested_themes.csv" in part["source"].iloc[0]
    out = tmp_path / "out"
    td.write_suggestions(result, out / "tables")
    html = build_report(study, out).path.read_text(encoding="utf-8")
    section = html[html.index("Themes suggested by the interviews"):]
    assert "tables/suggested_themes.csv" in section
    for label in result.themes["label"].head(3):
        assert label.split(" / ")[0] in section


def test_suggested_themes_chart_has_a_bar_per_theme(pilot_result):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kit.coding_plots import suggested_themes_chart

    _, result = pilot_result
    fig = suggested_themes_chart(result.themes)
    left, right = fig.axes
    assert [round(p.get_width()) for p in left.patches] == result.themes["passages"].tolist()
    ticks = [t.get_text() for t in left.get_yticklabels()]
    assert ticks[0].startswith(result.themes["theme"].iloc[0])
    assert right.get_xlabel() and left.get_xlabel() and fig._suptitle.get_text()
    plt.close(fig)
    empty = suggested_themes_chart(result.themes.iloc[0:0])
    assert "No suggested themes" in " ".join(t.get_text() for ax in empty.axes for t in ax.texts)
    plt.close(empty)


def test_large_studies_learn_on_a_seeded_sample_and_keep_every_passage(small_study, monkeypatch):
    monkeypatch.setattr(td, "MAX_FIT", 12)
    study = load_study(small_study)
    first = td.discover_themes(study, n_themes=2, seed=3)
    again = td.discover_themes(study, n_themes=2, seed=3)
    pd.testing.assert_frame_equal(first.passages, again.passages)
    assert set(first.passages["segment_id"]) == set(td.passages(study)["segment_id"])
    assert len(first.themes) == 2


@pytest.mark.slow
def test_coding_notebook_records_the_suggested_themes(tmp_path, pilot_result):
    import nbformat
    import papermill as pm
    from conftest import REPO

    from kit.paths import pilot_path
    from kit.pipeline import own_kernel

    _, result = pilot_result
    path = REPO / "notebooks" / "04-coding.ipynb"
    out = tmp_path / "out"
    with own_kernel() as kernel:
        pm.execute_notebook(str(path), str(tmp_path / path.name), kernel_name=kernel, progress_bar=False,
                            cwd=str(path.parent), parameters={"study_dir": str(pilot_path()), "out_dir": str(out)})
    executed = nbformat.read(tmp_path / path.name, as_version=4)
    assert not any(o.get("output_type") == "error" for c in executed.cells for o in c.get("outputs", []))
    themes = pd.read_csv(out / "tables" / "suggested_themes.csv", keep_default_na=False)
    assert themes["label"].tolist() == result.themes["label"].tolist()
    assert themes["passages"].tolist() == result.themes["passages"].tolist()
    examples = pd.read_csv(out / "tables" / "suggested_theme_examples.csv")
    assert examples["segment_id"].tolist() == result.examples["segment_id"].tolist()
    assert yaml.safe_load((out / "tables" / "suggested_codebook.yml").read_text())["codes"]
    assert (out / "figures" / "suggested_themes.png").stat().st_size > 5000


def test_no_theme_mixes_languages():
    """Issue 18: themes are learnt within each language (kit.languages), so a mixed
    English/Spanish/German study gets no theme whose passages span two languages."""
    from kit.paths import PACKAGE_DIR
    from kit.study import as_study
    from kit.theme_discovery import _passage_languages, discover_themes, passages

    study = as_study(PACKAGE_DIR / "data" / "multilingual", strict=False)
    result = discover_themes(study, n_themes=4, seed=0)
    assert result.settings["languages"] == ["de", "en", "es"]
    frame = passages(study)
    language = dict(zip(frame["segment_id"], _passage_languages(study, frame)))
    assigned = result.passages[result.passages["theme"] != "unassigned"]
    spans = assigned.assign(language=assigned["segment_id"].map(language)).groupby("theme")["language"].nunique()
    assert len(spans) >= 3 and spans.max() == 1
    # every passage is still accounted for: in a theme or unassigned
    assert set(frame["segment_id"]) == set(result.passages["segment_id"])
