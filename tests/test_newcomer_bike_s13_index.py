"""Session 13, newcomer (session 12) faults F8, F15 and F18: the index and search.

F8: the index scored Polish and Portuguese passages with English VADER (compound 0.0, read as
neutral) and trends averaged them; a passage's score is now analyze's (kit.languages'
valid-language rules: NULL for a language without a validated scorer, of the text as published).
F15: ``search grace`` showed "«[name]» period" (and "In «[name]»") where analyze and the index
keep "Grace period" and "In May": the marks cut the phrase before redaction; a word a cleaning
replaces (or a redaction's own word) is never a hit.
F18: ``search --segment rider`` returned the rider's partner's turn: a third speaker's passage
belongs to no participant, so to no segment.
"""
from __future__ import annotations

import csv
import json
import math
import shutil
import sqlite3
from pathlib import Path

import pytest

from cli_helpers import run_cli
from kit.discovery.index import index_path, update_index
from kit.discovery.search import search, shown_hit

DATA = Path(__file__).parent / "data" / "newcomer-bike"
OTHER_LANGUAGE = ["W44-01#t2", "INT-001#t2", "INT-002#t2", "INT-008#t2", "INT-009#t2"]  # Polish, Portuguese


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """The newcomer's repository (/work/nc12/repo): 2026-W44 (Polish riders), 2026-W48 (study-ok)."""
    root = tmp_path_factory.mktemp("bike") / "repo"
    shutil.copytree(DATA / "repo-W44", root / "2026-W44")
    shutil.copytree(DATA / "study-ok", root / "2026-W48")
    update_index(root)
    return root


def _docs(repo, columns="id, kind, participant, segment, compound"):
    con = sqlite3.connect(index_path(repo))
    try:
        return {row[0]: row for row in con.execute(f"SELECT {columns} FROM docs")}
    finally:
        con.close()


# ------------------------------------------------------------------ F8: other languages unscored
def test_passages_in_other_languages_have_no_score_in_the_index(repo):
    docs = _docs(repo)
    for sid in OTHER_LANGUAGE:
        assert docs[sid][4] is None, sid  # NULL, never 0.0 (which reads as neutral)
    assert docs["INT-010#t2"][4] == pytest.approx(-0.4767)  # English passages keep their score
    assert docs["INT-003#t2"][4] == 0.0


def test_the_index_scores_each_turn_as_analyze_does(repo, tmp_path):
    from kit.analyze import analyze

    paths = analyze(repo / "2026-W48", tmp_path / "an")
    with open(paths["turns"], newline="", encoding="utf-8") as fh:
        theirs = {f"{row['interview_id']}#t{row['turn']}": row["compound"] for row in csv.DictReader(fh)}
    docs = {sid: row for sid, row in _docs(repo, "id, kind, participant, segment, compound, study").items()
            if row[5] == "2026-W48" and row[1] == "turn"}
    assert len(docs) > 20
    for sid, row in docs.items():
        want = theirs[sid]
        if want in ("", "nan", "NaN"):
            assert row[4] is None, sid
        else:
            assert row[4] is not None and math.isclose(row[4], float(want), abs_tol=1e-4), sid


def test_trends_leave_unscored_passages_out_of_the_mean(repo):
    from kit.discovery.trends import trends

    table = trends(repo, update=False).set_index(["sprint", "code"])
    w44 = table.loc[("2026-W44", "dock-full")]
    assert w44["mentions"] == 3 and w44["scored_segments"] == 1  # two of the three are Polish
    overtime = table.loc[("2026-W48", "overtime-charge")]
    assert overtime["scored_segments"] == 0 and math.isnan(overtime["mean_compound"])  # "No fim" is Portuguese
    safety = table.loc[("2026-W48", "safety")]  # only the partner's turn: nobody's words
    assert safety["mentioning"] == 0 and safety["scored_segments"] == 0


# ------------------------------------------------------------------ F15: name rules of analyze, marks aside
def test_a_name_that_is_a_word_in_a_phrase_is_shown_as_analyze_keeps_it(repo):
    grace = run_cli(["search", repo, "grace"])
    assert grace.returncode == 0
    assert "«Grace» period on overtime" in grace.stdout and "«[name]»" not in grace.stdout
    may = run_cli(["search", repo, "may"])
    assert "In «May». We will be adding" in may.stdout and "«[name]»" not in may.stdout
    hits = json.loads(run_cli(["search", repo, "may", "--json"]).stdout)
    assert [h["snippet"].startswith("In «May».") for h in hits] == [True]
    docs = _docs(repo, "id, text")
    assert docs["INT-001#o1"][1].startswith("Grace period") and docs["INT-012#t2"][1].startswith("In May.")


def test_a_hit_the_cleaning_redacts_is_no_hit(repo):
    """Where the output's cleaning replaces a matched word that the index kept (another
    roster, an older index), the segment is no hit: left out, and out of the total."""
    def clean(text):
        return text.replace("Grace", "[name]")

    api = search(repo, "grace", update=False, shown=clean)
    assert len(api) == 0 and api.attrs["total"] == 0
    kept = search(repo, "grace OR overtime", update=False, shown=clean)
    assert len(kept) and all("«Grace»" not in s and "«[name]»" not in s for s in kept["snippet"])
    assert "[name] period on «overtime»" in " ".join(kept["snippet"])
    # the marks of a redaction are searchable, as documented ("search REPO name")
    assert len(search(repo, "name", update=False, shown=lambda t: t))


def _redact_grace(text):
    return text.replace("Grace", "[name]")


@pytest.mark.parametrize("snippet, marked, text, expected, left", [
    # the cleaning replaces the matched word: no marks, no hit
    ("I met «Grace» yesterday", "I met «Grace» yesterday", "I met Grace yesterday", "I met [name] yesterday", 0),
    # another match survives: the hit stays, the replaced word loses its marks
    ("«Grace» was «charged» twice", "«Grace» was «charged» twice", "Grace was charged twice",
     "[name] was «charged» twice", 1),
    # a window cut after the name: redacted in its place, ellipses kept
    (" … was told «Grace» … ", "I was told «Grace» would call back tomorrow", "I was told Grace would call back tomorrow",
     " … was told [name] … ", 0),
    # nothing the cleaning changes: the snippet as it is
    ("a «grace» period", "a «grace» period", "a grace period", "a «grace» period", 1),
])
def test_shown_hit_decides_redaction_on_the_whole_text(snippet, marked, text, expected, left):
    shown, kept = shown_hit(snippet, marked, text, _redact_grace)
    assert shown == expected
    assert bool(kept) == bool(left)


# ------------------------------------------------------------------ F18: a third speaker is in no segment
def test_a_third_speakers_turn_is_in_no_segment(repo):
    docs = _docs(repo)
    for sid in ("INT-003#t3", "INT-003#t6", "INT-003#q2"):  # Dave, the rider's partner
        assert docs[sid][2] == "" and docs[sid][3] == "", sid
    assert docs["INT-003#t2"][3] == "rider"  # the rider's own turn keeps her segment
    out = run_cli(["search", repo, "furious", "--segment", "rider"])
    assert out.returncode == 0 and "INT-003#t3" not in out.stdout and "no matches" in out.stdout
    hits = json.loads(run_cli(["search", repo, "furious", "--json"]).stdout)
    # the rider did not consent to being quoted: her interview's turns are no hit (attacker s16 A2); any hit
    # on the partner's turn would carry no participant and no segment
    assert all((h["participant"], h["segment"]) == ("", "") for h in hits if h["id"] == "INT-003#t3")
    rider = search(repo, "furious OR unsafe OR swear", segment="rider", update=False)
    assert not len(rider)
