"""The research repository: a SQLite FTS5 index of three sprints, search, prior interactions,
trends, incremental re-indexing and recovery from a damaged index."""
from __future__ import annotations

import json
import re
from pathlib import Path
import os
import shutil
import sqlite3

import pandas as pd
import pytest

import kit
from kit.cli.discovery import index_command, search_command
from kit.discovery import index as kit_index
from kit.discovery import repository
from kit.discovery.index import build_index, email_hash, index_path, update_index
from kit.discovery.repository import example_repository, find_studies
from kit.discovery.search import SEARCH_COLUMNS, fts_query, prior_interactions, search
from kit.privacy_ids import name_word_note
from kit.discovery.trends import TREND_COLUMNS, trends, wilson_interval
from conftest import tree_snapshot, write

SPRINTS = ["2026-S41", "2026-S45", "2026-S49"]


@pytest.fixture(scope="module")
def shared_repo(tmp_path_factory):
    """A read-only example repository shared by the tests that do not change it."""
    return example_repository(tmp_path_factory.mktemp("shared") / "repo")


@pytest.fixture
def repo(tmp_path):
    return example_repository(tmp_path / "repo")


@pytest.fixture(scope="module")
def _indexed_repo(tmp_path_factory):
    repo = example_repository(tmp_path_factory.mktemp("indexed") / "repo")
    build_index(repo)
    return repo


@pytest.fixture
def indexed_repo(_indexed_repo, tmp_path):
    """A fresh copy of an example repository with its index built: the index is built once a
    module and copied (the copy is up to date: ``update_index`` finds nothing to do)."""
    repo = Path(shutil.copytree(_indexed_repo, tmp_path / "repo", symlinks=True))
    assert update_index(repo).indexed == []
    return repo


def studies_snapshot(root):
    return {name: tree_snapshot(root / name) for name in SPRINTS}


# -- the repository -----------------------------------------------------------------------------
def test_example_repository_has_three_sprints_and_repository_files(repo):
    assert [p.name for p in find_studies(repo)] == SPRINTS
    for name in ("assumptions.yml", "experiments.yml", "ost.yml", "pool.csv"):
        assert (repo / name).is_file()
    studies = repository.load_studies(repo)
    assert [s.sprint for s in studies] == SPRINTS
    assert [len(s.interviews) for s in studies] == [18, 6, 5]
    assert all(not s.errors for s in studies)
    # the same codebook in every sprint
    assert studies[0].codebook.names == studies[1].codebook.names == studies[2].codebook.names


def test_example_repository_refuses_a_folder_with_files(tmp_path):
    write(tmp_path / "busy" / "keep.txt", "mine")
    with pytest.raises(repository.RepositoryError, match="not empty"):
        example_repository(tmp_path / "busy")


def test_cache_folder_and_hidden_folders_are_not_studies(indexed_repo):
    repo = indexed_repo  # an index built once a module, copied: its cache folder is there
    (repo / ".git" / "interviews").mkdir(parents=True)
    (repo / "notes-for-later").mkdir()  # no study.yml, interviews/ or transcripts/
    assert (repo / ".interview-kit" / "index.sqlite").is_file()
    assert [p.name for p in find_studies(repo)] == SPRINTS


def test_pick_study_by_folder_sprint_or_latest(shared_repo):
    studies = repository.load_studies(shared_repo)
    assert repository.pick_study(studies).sprint == "2026-S49"
    assert repository.pick_study(studies, sprint="2026-S45").path.name == "2026-S45"
    assert repository.pick_study(studies, study_dir=str(shared_repo / "2026-S41")) is studies[0]
    assert repository.pick_study(studies, study_dir=str(kit.paths.pilot_path())) is studies[0]
    with pytest.raises(repository.RepositoryError, match="no study with sprint"):
        repository.pick_study(studies, sprint="2027-S01")


def test_resolve_repository_never_writes_into_a_lone_study(study_dir):
    before = tree_snapshot(study_dir)
    root = repository.resolve_repository("", str(study_dir))
    assert root != study_dir.parent
    assert [p.name for p in find_studies(root)] == ["study"]
    build_index(root)
    assert tree_snapshot(study_dir) == before
    assert not (study_dir / ".interview-kit").exists()


# -- the index ------------------------------------------------------------------------------------
def test_index_holds_every_segment_with_its_metadata(shared_repo):
    path = build_index(shared_repo)
    assert path == shared_repo / ".interview-kit" / "index.sqlite"
    studies = repository.load_studies(shared_repo)
    con = sqlite3.connect(path)
    try:
        counts = dict(con.execute("SELECT study, count(*) FROM docs GROUP BY study").fetchall())
        kinds = dict(con.execute("SELECT kind, count(*) FROM docs GROUP BY kind").fetchall())
        row = con.execute("SELECT study, interview_id, kind, participant, date, segment, codes, text FROM docs "
                          "WHERE id = 'INT-001#q3'").fetchone()
        codes = {c for (c,) in con.execute(
            "SELECT code FROM doc_codes JOIN docs ON docs.rowid = doc_codes.doc WHERE docs.id = 'INT-001#q3'")}
    finally:
        con.close()
    assert counts == {s.path.name: len(s.segments()) for s in studies} == {"2026-S41": 283, "2026-S45": 52,
                                                                             "2026-S49": 36}
    expected_kinds = pd.concat([s.segments() for s in studies])["kind"].value_counts().to_dict()
    assert kinds == expected_kinds
    assert row == ("2026-S41", "INT-001", "quote", "P-002", "2026-10-05", "freelancer",
                   "chasing-awkward reminders-automation", "They felt too cold, like a debt collector.")
    # manual codings (maya.csv codes INT-001#q3 as reminders-automation) and auto-codes together
    assert codes == {"chasing-awkward", "reminders-automation"}


def test_index_keeps_no_names_or_emails(shared_repo):
    path = build_index(shared_repo)
    data = path.read_bytes()
    for study in repository.load_studies(shared_repo):
        for email in study.participants["email"]:
            assert email.encode() not in data
    assert email_hash("Dana.Okafor@Example.com ", b"k" * 32) == email_hash("dana.okafor@example.com", b"k" * 32)


def test_indexing_and_searching_leave_the_study_files_alone(repo):
    before = studies_snapshot(repo)
    build_index(repo)
    search(repo, "late payment", code="late-payment")
    prior_interactions(repo, "P-002")
    trends(repo)
    assert studies_snapshot(repo) == before


def test_second_build_changes_nothing(repo):
    first = update_index(repo)
    assert first.rebuilt and first.reason == "no index yet" and first.indexed == SPRINTS
    assert first.documents == 371
    again = update_index(repo)
    assert not again.rebuilt and again.indexed == [] and sorted(again.unchanged) == SPRINTS


def test_only_the_changed_study_is_reindexed(repo):
    build_index(repo)
    note = repo / "2026-S45" / "interviews" / "INT-102.md"
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("## Opportunities\n",
                                 "- She keeps a paper ledger of zeppelin deliveries.\n\n## Opportunities\n"),
                    encoding="utf-8")
    report = update_index(repo)
    assert not report.rebuilt
    assert report.indexed == ["2026-S45"]
    assert sorted(report.unchanged) == ["2026-S41", "2026-S49"]
    assert report.documents == 53
    hits = search(repo, "zeppelin")
    assert hits["id"].tolist() == ["INT-102#i5"]
    assert hits["kind"].tolist() == ["insight"] and hits["study"].tolist() == ["2026-S45"]


def test_a_touched_but_unchanged_study_is_not_reindexed(repo):
    build_index(repo)
    path = repo / "2026-S49" / "participants.csv"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    report = update_index(repo)
    assert report.indexed == [] and report.touched == ["2026-S49"]
    # the new time is stored: the next update does not even hash the file again
    assert update_index(repo).touched == []


def test_a_removed_study_leaves_the_index(repo):
    import shutil

    build_index(repo)
    shutil.rmtree(repo / "2026-S45")
    report = update_index(repo)
    assert report.removed == ["2026-S45"] and report.indexed == []
    assert search(repo, "friendly", limit=50)["study"].isin(["2026-S41", "2026-S49"]).all()
    con = sqlite3.connect(index_path(repo))
    try:
        assert con.execute("SELECT count(*) FROM docs WHERE study = '2026-S45'").fetchone() == (0,)
        con.execute("INSERT INTO docs_fts(docs_fts) VALUES ('integrity-check')")  # raises if out of step
    finally:
        con.close()
    assert search(repo, "Jana").empty  # only INT-103 (2026-S45) mentions her


def test_a_new_study_is_added(repo, study_dir):
    import shutil

    build_index(repo)
    shutil.copytree(study_dir, repo / "2027-S01")
    report = update_index(repo)
    # its roster brings names the other studies must hide too (faults-s9 E1): all written again
    assert report.rebuilt and "names" in report.reason and "2027-S01" in report.indexed
    assert search(repo, "spreadsheet", since="2026-01-01")["study"].tolist().count("2027-S01") >= 1
    shutil.copytree(repo / "2026-S41", repo / "2027-S02")  # no name the index lacks: that study alone
    assert update_index(repo).indexed == ["2027-S02"]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "deleted", "old-schema"])
def test_a_damaged_index_is_rebuilt(indexed_repo, damage):
    repo = indexed_repo
    path = index_path(repo)
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    elif damage == "deleted":
        path.unlink()
    else:
        con = sqlite3.connect(path)
        con.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
        con.commit()
        con.close()
    report = update_index(repo)
    assert report.rebuilt and report.indexed == SPRINTS and report.documents == 371
    assert {"garbage": "unreadable", "truncated": "unreadable", "deleted": "no index yet",
            "old-schema": "another version"}[damage] in report.reason
    assert search(repo, "debt collector")["id"].tolist() == ["INT-001#q3", "INT-001#t12"]
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
@pytest.mark.parametrize("update", [True, False])
def test_a_search_on_a_damaged_index_rebuilds_it(indexed_repo, damage, update):
    repo = indexed_repo
    path = index_path(repo)
    data = path.read_bytes()
    path.write_bytes(b"not a database" * 100 if damage == "garbage" else data[: len(data) // 2])
    assert search(repo, "debt collector", update=update)["id"].tolist() == ["INT-001#q3", "INT-001#t12"]
    assert prior_interactions(repo, "P-003", update=update)["kind"].tolist() == ["declined"]
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()


def test_a_failed_rebuild_keeps_the_previous_index(indexed_repo, monkeypatch):
    repo = indexed_repo
    path = index_path(repo)
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")  # forces a full rebuild
    con.commit()
    con.close()
    before = path.read_bytes()
    calls = []

    def broken(con, study, fingerprint, *options):
        calls.append(study.path.name)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(con, study, fingerprint, *options)

    original = kit_index._insert_study
    monkeypatch.setattr(kit_index, "_insert_study", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        update_index(repo)
    assert path.read_bytes() == before  # never half-written
    assert sorted(p.name for p in path.parent.iterdir()) == ["email-key", "index.sqlite"]  # no temporary file left


@pytest.mark.parametrize("enabled", [True, False])
def test_a_build_pauses_the_cyclic_collector_and_restores_it(repo, monkeypatch, enabled):
    """The build runs with Python's cyclic collector paused (issue 20: its passes over a large
    build's objects cost a fifth of the CPU) and leaves it as it found it, on success and when
    the build fails."""
    import gc

    seen = []
    original = kit_index._insert_study

    def watched(con, study, fingerprint, *options):
        seen.append(gc.isenabled())
        if failing:
            raise RuntimeError("disk full")
        return original(con, study, fingerprint, *options)

    was, failing = gc.isenabled(), True
    try:
        (gc.enable if enabled else gc.disable)()
        monkeypatch.setattr(kit_index, "_insert_study", watched)
        with pytest.raises(RuntimeError, match="disk full"):
            update_index(repo)
        assert gc.isenabled() is enabled
        failing = False
        assert update_index(repo).indexed == SPRINTS
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False] * (1 + len(SPRINTS))


def test_each_distinct_text_is_redacted_once_per_study(repo, monkeypatch):
    """The build redacts each distinct text (a turn, a quote, an interviewer's question used
    as the context of many turns) once (one roster, every study's names: faults-s9 E1), and every row of the
    index still holds what redact_both gives for its text and context."""
    import kit.privacy
    from kit.discovery.repository import segments_table

    calls = []
    original = kit.privacy.redact_both

    def counted(text, people=None):
        calls.append((id(people), text))
        return original(text, people)

    monkeypatch.setattr(kit.privacy, "redact_both", counted)
    update_index(repo)
    monkeypatch.setattr(kit.privacy, "redact_both", original)
    assert len(calls) == len(set(calls)) and len({people for people, _ in calls}) == 1
    con = sqlite3.connect(index_path(repo))
    try:
        stored = {(study, sid): rest for study, sid, *rest in con.execute(
            "SELECT study, id, text, named_text, context, named_context FROM docs")}
    finally:
        con.close()
    segments = segments_table(repo)
    assert len(calls) < 2 * len(segments)  # the questions repeat as contexts
    rosters = {s.path.name: kit.privacy.roster(s) for s in repository.load_studies(repo)}
    for study, sid, text, context in zip(segments["study"], segments["segment_id"], segments["text"],
                                         segments["context"]):
        assert stored[(study, sid)] == [*original(text, rosters[study]), *original(context, rosters[study])]


def test_counted_pairs_are_the_counted_codings_of_kit_themes(tmp_path, shared_repo):
    """The index's fast list of the codings that count is kit.themes' counted_codings, on the
    example sprints, the makerspace and newcomer studies, and a study whose codings have
    spaces around codes, empty codes and a segment of an insight (coded, never counted)."""
    import shutil

    from kit.coding import autocode
    from kit.study import load_study
    from kit.themes import counted_codings, counted_pairs

    data = Path(__file__).resolve().parent / "data"
    odd = tmp_path / "odd"
    shutil.copytree(shared_repo / "2026-S45", odd)
    coded = sorted((odd / "codings").glob("*.csv"))[0]
    lines = coded.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = dict(zip(header, lines[1].split(",")))
    iid = row["segment"].split("#")[0]
    extra = [dict(row, segment=f"{iid}#i1"), dict(row, code=f"  {row['code']} "), dict(row, code=" ")]
    coded.write_text("\n".join(lines + [",".join(r[h] for h in header) for r in extra]) + "\n", encoding="utf-8")
    folders = [shared_repo / name for name in SPRINTS] + [data / "makerspace", NEWCOMER, odd]
    checked = 0
    for folder in folders:
        study = load_study(folder, strict=False)
        segments = study.segments()
        auto = autocode(segments, study.codebook)
        kept = counted_codings(study, auto=auto)
        expected = set(zip(kept["segment_id"].tolist(), kept["code"].tolist()))
        assert counted_pairs(study, auto=auto, segments=segments) == expected, folder.name
        assert counted_pairs(study) == expected
        checked += len(expected)
    assert checked > 100


# -- search ---------------------------------------------------------------------------------------
def test_fts_query_is_always_valid():
    assert fts_query("late payment") == '"late" "payment"'
    assert fts_query('"debt collector" OR robot*') == '"debt collector" OR "robot"*'
    assert fts_query("late-payment: (overdue)") == '"late payment" "overdue"'
    assert fts_query('AND OR "" ***') == ""
    assert fts_query("pay OR") == '"pay"'
    with pytest.raises(ValueError, match="cannot start with NOT"):  # dropped, it found what was to be left out
        fts_query("NOT pay OR")


def test_search_ranks_stemmed_matches(shared_repo):
    hits = search(shared_repo, "late payment")
    assert hits["id"].tolist() == ["INT-017#i2", "INT-003#i5", "INT-011#t14", "INT-006#t2"]
    assert hits["rank"].tolist() == [1, 2, 3, 4]
    assert hits["score"].is_monotonic_decreasing
    assert list(hits.columns) == SEARCH_COLUMNS
    first = hits.iloc[0]
    assert (first["study"], first["sprint"], first["date"], first["kind"], first["segment"]) == \
        ("2026-S41", "2026-S41", "2026-10-28", "insight", "trades")
    assert "«late»" in first["snippet"] and "«payments»" in first["snippet"]  # "payments" stems to "payment"


def test_search_phrases_prefixes_and_punctuation(shared_repo):
    assert search(shared_repo, '"debt collector"')["id"].tolist() == ["INT-001#q3", "INT-001#t12"]
    robots = search(shared_repo, "robot*")["id"].tolist()  # robot, robots
    assert robots[0] == "INT-011#q3" and sorted(robots) == ["INT-011#q3", "INT-011#t12", "INT-014#q3"]
    assert search(shared_repo, "debt collector!?")["id"].tolist() == ["INT-001#q3", "INT-001#t12"]
    assert search(shared_repo, "zzzunheardof").empty
    with pytest.raises(ValueError, match="some words"):
        search(shared_repo, " :: ")


def test_search_filters(shared_repo):
    hits = search(shared_repo, "reminder", code="reminders-automation", segment="Freelancer", since="2026-11-01",
                  limit=50)
    coded = repository.coded_table(repository.load_studies(shared_repo))
    expected = coded[(coded["code"] == "reminders-automation") & (coded["segment"] == "freelancer")
                     & (coded["date"].astype(str) >= "2026-11-01")
                     & coded["text"].str.contains(r"\breminders?\b", case=False)]
    assert sorted(hits["id"]) == sorted(expected["segment_id"]) and len(hits) == 24
    assert hits["segment"].eq("freelancer").all()
    assert (hits["date"] >= "2026-11-01").all()
    assert hits["codes"].str.split().map(lambda c: "reminders-automation" in c).all()
    assert set(hits["sprint"]) == {"2026-S45", "2026-S49"}
    assert search(shared_repo, "text message", segment="trades")["id"].tolist() == ["INT-003#o1"]
    assert len(search(shared_repo, "reminder", limit=3)) == 3
    turn = hits[hits["id"] == "INT-101#t2"].iloc[0]
    # the interviewer's turn before Dana's answer, pseudonymised like everything searched
    assert turn["context"] == ("Thanks for talking to us again, [name]. Tell me about the last invoice you sent since "
                               "we last spoke.")
    named = search(shared_repo, "reminder", code="reminders-automation", segment="Freelancer", since="2026-11-01",
                   limit=50, include_names=True)
    assert sorted(named["id"]) == sorted(hits["id"])
    assert named[named["id"] == "INT-101#t2"].iloc[0]["context"].startswith("Thanks for talking to us again, Dana.")
    with pytest.raises(ValueError, match="not a date"):
        search(shared_repo, "reminder", since="last week")


def test_search_command_text_and_json(shared_repo):
    text, code = search_command(shared_repo, "debt collector")
    assert code == 0
    assert text.splitlines()[0].startswith(" 1. INT-001#q3  quote  2026-S41  2026-10-05  freelancer")
    assert text.splitlines()[-1] == "2 match(es)"
    text, code = search_command(shared_repo, "debt collector", as_json=True)
    data = json.loads(text)
    assert code == 0 and [d["id"] for d in data] == ["INT-001#q3", "INT-001#t12"]
    assert data[0]["codes"] == ["chasing-awkward", "reminders-automation"]
    assert {"id", "study", "date", "kind", "snippet", "context", "score"} <= set(data[0])
    assert search_command(shared_repo, "zzzunheardof") == ("no matches for 'zzzunheardof'", 0)
    assert search_command(shared_repo, "late", since="soon")[1] == 2
    assert search_command(shared_repo / "2026-S41" / "interviews", "late")[1] == 2
    assert search_command(shared_repo / "nowhere", "late")[1] == 2


def test_index_command_reports_and_exits(repo, tmp_path):
    text, code = index_command(repo)
    assert code == 0
    assert "indexed   2026-S41" in text and text.splitlines()[-1].endswith("3 studies, 371 segments")
    assert "2026-S45: 0 error(s), 1 warning(s)" in text  # INT-106 has an empty Key Quotes section
    text, code = index_command(repo)
    assert code == 0 and "unchanged 2026-S49" in text
    write(repo / "2026-S49" / "decisions.csv", "id,date,decision\nD-9,someday,Ship it\n")
    text, code = index_command(repo)
    assert code == 1
    assert f"{repo / '2026-S49' / 'decisions.csv'}:2: date 'someday' is not a date (YYYY-MM-DD)" in text
    (tmp_path / "empty").mkdir()
    text, code = index_command(tmp_path / "empty")
    assert code == 2 and "no studies here" in text


# -- prior interactions -----------------------------------------------------------------------------
def test_prior_interactions_by_id_and_by_email(shared_repo):
    by_id = prior_interactions(shared_repo, "P-002")
    assert by_id[["sprint", "date", "kind", "interview_id", "participant", "interviewer", "quotes"]] \
        .values.tolist() == [["2026-S41", "2026-10-05", "interview", "INT-001", "P-002", "Maya Chen", 3],
                             ["2026-S45", "2026-11-04", "interview", "INT-101", "P-002", "Maya Chen", 3]]
    assert by_id["summary"].iloc[1].startswith("She switched automatic reminders back on the day the tones shipped")
    by_email = prior_interactions(shared_repo, " Dana.Okafor@Example.COM")
    pd.testing.assert_frame_equal(by_id, by_email)
    # Sven has a new id in 2026-S49 (P-036): the email links him to the pilot's P-008
    sven = prior_interactions(shared_repo, "P-036")
    assert sven[["interview_id", "participant"]].values.tolist() == [["INT-006", "P-008"], ["INT-201", "P-036"]]
    text = sven.to_csv()  # the notes call him by first name; his full name and email stay out
    assert "Lindqvist" not in text and "@" not in text


def test_prior_interactions_without_an_interview(shared_repo):
    assert prior_interactions(shared_repo, "P-003")[["sprint", "date", "kind", "summary"]].values.tolist() == \
        [["2026-S41", "2026-09-29", "declined", "declined the invitation"]]
    assert prior_interactions(shared_repo, "P-010")[["date", "kind"]].values.tolist() == [["2026-10-14", "no-show"]]
    assert prior_interactions(shared_repo, "P-999").empty
    with pytest.raises(ValueError):
        prior_interactions(shared_repo, " ")


# -- trends ------------------------------------------------------------------------------------------
def test_trends_counts_and_intervals(shared_repo):
    table = trends(shared_repo, codes=["chasing-awkward", "reminders-automation"])
    assert list(table.columns) == TREND_COLUMNS
    got = table[["sprint", "code", "participants", "mentioning"]].values.tolist()
    assert got == [["2026-S41", "chasing-awkward", 18, 6], ["2026-S41", "reminders-automation", 18, 8],
                   ["2026-S45", "chasing-awkward", 6, 1], ["2026-S45", "reminders-automation", 6, 3],
                   ["2026-S49", "chasing-awkward", 5, 0], ["2026-S49", "reminders-automation", 5, 2]]
    row = table.iloc[0]
    assert row["share"] == pytest.approx(6 / 18)
    assert (row["share_low"], row["share_high"]) == pytest.approx(wilson_interval(6, 18))
    assert table.iloc[4][["share", "share_low"]].tolist() == [0.0, 0.0]


def test_trends_sentiment_is_the_mean_of_the_coded_participant_words(shared_repo):
    from kit.themes import study_themes

    studies = repository.load_studies(shared_repo)
    s45 = next(s for s in studies if repository.sprint_label(s) == "2026-S45")
    # The same codings as every other count of a theme (kit.themes), worked out from the study
    # itself rather than from the index.
    coded = study_themes(s45)["counted"]
    mine = coded[(coded["code"] == "reminders-automation")
                 & coded["kind"].isin(["turn", "quote"])].drop_duplicates("segment_id")
    expected = sum(kit.compound(mine["text"].tolist())) / len(mine)
    table = trends(shared_repo, codes=["reminders-automation"])
    row = table[table["sprint"] == "2026-S45"].iloc[0]
    assert row["scored_segments"] == len(mine) > 0
    counts = study_themes(s45)["counts"].set_index("code")
    assert row["mentioning"] == counts.loc["reminders-automation", "participants"]
    assert row["mean_compound"] == pytest.approx(expected)


def test_wilson_interval_published_values():
    # Newcombe (1998), Statistics in Medicine 17:857-872, Table I
    assert wilson_interval(81, 263) == pytest.approx((0.2553, 0.3662), abs=5e-5)
    assert wilson_interval(15, 148) == pytest.approx((0.0624, 0.1605), abs=5e-5)
    assert wilson_interval(0, 20) == pytest.approx((0.0, 0.1611), abs=5e-5)
    assert wilson_interval(1, 29) == pytest.approx((0.0061, 0.1718), abs=5e-5)


def test_trends_chart_has_a_title_and_every_sprint(shared_repo):
    import matplotlib

    matplotlib.use("Agg")
    table = trends(shared_repo)
    from kit.viz.discovery import trends_chart

    fig = trends_chart(table, codes=["chasing-awkward", "late-payment"])
    ax = fig.axes[0]
    assert ax.get_title() == "Theme prevalence across sprints"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2026-S41\n(n = 18)", "2026-S45\n(n = 6)",
                                                             "2026-S49\n(n = 5)"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["chasing-awkward", "late-payment"]


def test_a_segment_attribute_that_is_not_an_identifier(tmp_path, study_dir):
    import shutil

    root = tmp_path / "repo"
    shutil.copytree(study_dir, root / "s1")
    yml = root / "s1" / "study.yml"
    yml.write_text(yml.read_text().replace("attribute: segment", "attribute: plan tier"), encoding="utf-8")
    csv_path = root / "s1" / "participants.csv"
    csv_path.write_text(csv_path.read_text().replace(",segment,", ",plan tier,"), encoding="utf-8")
    hits = search(root, "spreadsheet", segment="small")
    assert set(hits["segment"]) == {"small"} and "INT-001#q1" in set(hits["id"])
    assert repository.interviews_table(root)["segment"].tolist() == ["small", "large"]


# -- search is a working output all the way down (newcomer report #4) ------------------------------
NEWCOMER = Path(__file__).resolve().parent / "data" / "newcomer" / "library-holds"


@pytest.fixture(scope="module")
def newcomer_repo(tmp_path_factory):
    import shutil

    repo = tmp_path_factory.mktemp("newcomer") / "repo"
    shutil.copytree(NEWCOMER, repo / "2026-S47")
    return repo


def test_search_highlights_matches_with_a_marker_no_redaction_looks_like(newcomer_repo, tmp_path):
    import shutil

    text, code = search_command(newcomer_repo, "wednesday")
    assert code == 0 and "«Wednesday»" in text and "[Wednesday]" not in text
    # L-01 (consent_quote No) is withheld in search (attacker s13 A1): with their consent, as shown
    repo = tmp_path / "repo"
    shutil.copytree(NEWCOMER, repo / "2026-S47")
    sheet = repo / "2026-S47" / "participants.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8-sig").replace("yes;No", "yes;yes"), encoding="utf-8")
    data = json.loads(search_command(repo, "write", as_json=True)[0])
    snippet = next(d["snippet"] for d in data if d["id"] == "LIB-1#t2")
    assert "«Write» to me at [email]" in snippet
    for hit in data:  # no stray bracket: every [ closes, only around a redaction marker
        assert re.sub(r"\[(?:name|email|phone)\]", "", hit["snippet"]).count("[") == 0
        assert re.sub(r"\[(?:name|email|phone)\]", "", hit["snippet"]).count("]") == 0


@pytest.mark.parametrize("query", ["jo", "Bell", "Jo Bell", "Amy", "example dot com", "jo dot bell", "555", "2299"])
def test_searching_a_name_or_contact_detail_confirms_nothing(newcomer_repo, query):
    for as_json in (False, True):
        text, code = search_command(newcomer_repo, query, as_json=as_json)
        assert code == 0
        text = text.replace("\n" + name_word_note(query), "")  # the same for any roster (attacker s13 A12)
        assert text in ("[]", f"no matches for {query!r}") or "no matches for '[name]'" in text \
            or "no matches for '[" in text, text


def test_include_names_shows_names_but_never_part_of_an_email(tmp_path):
    import shutil

    newcomer_repo = tmp_path / "repo"  # L-01 consenting: search withholds the words of one who does not
    shutil.copytree(NEWCOMER, newcomer_repo / "2026-S47")
    sheet = newcomer_repo / "2026-S47" / "participants.csv"
    sheet.write_text(sheet.read_text(encoding="utf-8-sig").replace("yes;No", "yes;yes"), encoding="utf-8")
    text, _ = search_command(newcomer_repo, "bell", include_names=True, as_json=True)
    data = json.loads(text)
    assert data and any("«Bell»" in d["snippet"] for d in data)
    text, _ = search_command(newcomer_repo, "jo", include_names=True, as_json=True)
    assert "[email]" in text
    for hit in json.loads(text):
        assert "dot bell" not in hit["snippet"].lower() and "example" not in hit["text"].lower()


def test_the_index_stores_no_contact_details_and_no_name_where_it_is_searched(newcomer_repo):
    import sqlite3

    build_index(newcomer_repo)
    con = sqlite3.connect(index_path(newcomer_repo))
    try:  # every text value of every table, the full-text indexes' own tables included (not the
        # raw file, nor the studies' file fingerprints: a stored modification time or a hash may
        # hold the digits of a phone number; those are checked to be only numbers and hashes)
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        raw = " ".join(str(v) for t in tables for row in con.execute(f'SELECT * FROM "{t}"')
                       for v in (row[:4] + row[5:] if t == "studies" else row[:2] + row[3:] if t == "people"
                                 else row)
                       if isinstance(v, (str, bytes))).lower()
        files = [json.loads(r[0]) for r in con.execute("SELECT files FROM studies")]
        # an email's keyed hash is random hex that may hold any four digits (CI s15: "2299" in one)
        hashes = [r[0] for r in con.execute("SELECT email_hash FROM people")]
    finally:
        con.close()
    assert files and all(re.fullmatch(r"[0-9a-f]{24}", key) and type(mtime) is int and type(size) is int
                         and re.fullmatch(r"[0-9a-f]{64}", digest)
                         for fingerprint in files for key, (mtime, size, digest, _ctime) in fingerprint.items())
    assert hashes and all(h is None or re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes)
    assert "[name]" in raw
    for secret in ("example.com", "example dot com", "dot bell", "555", "2299", "jo_bell", "jo bell"):
        assert secret not in raw, secret
    con = sqlite3.connect(index_path(newcomer_repo))
    try:
        searched = " ".join(r[0] or "" for r in con.execute("SELECT text || ' ' || coalesce(context, '') FROM docs"))
        paths = " ".join(r[0] or "" for r in con.execute("SELECT note_path FROM interviews"))
    finally:
        con.close()
    assert "[name]" in searched and "amy" not in searched.lower() and "bell" not in searched.lower()
    assert "LIB-1.md" in paths


def test_leading_codes_ranks_by_participants_and_handles_empty_tables():
    import pandas as pd

    from kit.discovery.trends import leading_codes

    trend = pd.DataFrame({"sprint": ["S1", "S2", "S1", "S2", "S1"], "code": ["b", "b", "a", "a", "c"],
                          "participants": [1, 2, 3, "", 3]})
    assert leading_codes(trend, 2) == ["a", "b"]  # a: 3, b: 3, c: 3 -> ties by name
    assert leading_codes(trend.iloc[:0]) == [] and leading_codes(pd.DataFrame(columns=["code", "participants"])) == []
    assert leading_codes(pd.DataFrame({"code": ["x"], "participants": ["2"]}).astype(object)) == ["x"]


@pytest.mark.slow  # over 2 s (tests/README.md)
def test_the_old_import_paths_still_work_and_import_no_figures():
    """kit.repository, kit.ost, kit.assumptions, kit.loop and kit.discipline re-export the
    modules moved to kit.discovery (and the figures of kit.viz), without importing matplotlib."""
    import subprocess
    import sys

    code = ("import sys; import kit.repository as r, kit.ost as o, kit.assumptions, kit.loop, kit.discipline; "
            "import kit.discovery.index, kit.discovery.search, kit.discovery.trends, kit.discovery.ost; "
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'; "
            "assert r.search is kit.discovery.search.search and r.update_index is kit.discovery.index.update_index; "
            "assert r.wilson_interval is kit.discovery.trends.wilson_interval and o.load_ost is kit.discovery.ost.load_ost; "
            "import kit.viz.discovery as v; assert r.trends_chart is v.trends_chart and o.draw_ost is v.draw_ost; "
            "assert all(hasattr(m, n) for m in (r, o, kit.assumptions, kit.loop, kit.discipline) for n in m.__all__)")
    env = dict(os.environ, PYTHONPATH=str(Path(kit.__file__).resolve().parents[1]))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr


def test_each_text_is_redacted_once_for_both_versions_exactly_as_redact_would(newcomer_repo):
    """The index reads each text once for its searched and its --include-names version
    (kit.privacy.redact_both): the same as redact() with and without names, on the texts of a
    study whose roster has names, accents, emails and phones, and on hand-made edge cases."""
    from kit.discovery.repository import segments_table
    from kit.privacy import Roster, redact, redact_both, roster
    from kit.study import load_study

    study = load_study(newcomer_repo / "2026-S47", strict=False)
    people = roster(study)
    assert people.names and people.emails
    texts = segments_table([study])["text"].tolist()
    texts += ["Jo Bell (jo.bell@example.com) said call 020 7946 0958", "write to jo dot bell at example dot com",
              "José Müller-García met MARIA LOPEZ", "Grant me that, we grant a discount", "", None, float("nan")]
    for roster_ in (people, Roster(names=("José Müller-García", "Maria Lopez"), parts=("José", "Maria")), None):
        for text in texts:
            both = redact_both(text, roster_)
            expected = (redact(text, roster_), redact(text, roster_, names=False))
            assert both == expected or (text != text and both[0] != both[0]), (text, both, expected)


@pytest.mark.parametrize("size", [0, 5, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 << 20])
def test_a_file_fingerprint_is_its_sha256_whatever_its_size(tmp_path, size):
    """Small files are hashed in one read, large ones in blocks: the same SHA-256 either way,
    also when the file grew or shrank after its size was taken."""
    import hashlib

    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    expected = hashlib.sha256(data).hexdigest()
    assert kit_index._sha256(path, size) == expected
    assert kit_index._sha256(path) == expected
    assert kit_index._sha256(str(path), max(size - 3, 0)) == expected  # grew since its stat
    assert kit_index._sha256(path, size + 3) == expected  # shrank since its stat


def _fts_contents(path):
    """Every (term, segment id, column, offset) of both full-text tables, by segment id (rowids
    differ between a full build and an incremental one)."""
    con = sqlite3.connect(path)
    try:
        out = {}
        for fts in ("docs_fts", "named_fts"):
            con.execute(f"CREATE VIRTUAL TABLE temp.{fts}_v USING fts5vocab(main, {fts}, instance)")
            out[fts] = sorted(con.execute(f"SELECT v.term, d.id, v.col, v.offset FROM temp.{fts}_v v "
                                          "JOIN docs d ON d.rowid = v.doc"))
        return out
    finally:
        con.close()


def test_a_full_build_fills_the_full_text_tables_as_row_by_row_inserts_do(repo):
    """A full build fills the FTS5 tables once from ``docs`` (issue 20); re-indexing every
    study incrementally inserts them row by row: the same terms at the same places."""
    path = build_index(repo)
    full = _fts_contents(path)
    assert len(full["docs_fts"]) > 1000 and full["docs_fts"] != full["named_fts"]  # names are kept apart
    con = sqlite3.connect(path)
    con.execute("UPDATE studies SET files = '{}'")  # every study looks changed: re-indexed row by row
    con.commit()
    con.close()
    assert update_index(repo).indexed == SPRINTS
    assert _fts_contents(path) == full


def test_the_rows_the_index_writes_are_the_cross_sprint_tables_rows(shared_repo):
    """The index writes its rows from plain lists (issue 20); ``segments_table`` and
    ``coded_table`` build DataFrames from the same parts: the same values, row by row."""
    from kit.discovery.repository import SEGMENT_COLUMNS, _study_frames, _study_rows

    for study in repository.load_studies(shared_repo):
        rows, frames = _study_rows(study), _study_frames(study)
        assert len(frames["segments"]) > 0 and len(frames["codes"]) > 0
        for column in SEGMENT_COLUMNS[2:]:
            assert rows["columns"][column] == frames["segments"][column].tolist(), column
        codes = frames["codes"]
        assert rows["codes"] == list(zip(codes["segment_id"].tolist(), codes["code"].tolist(),
                                         codes["source"].tolist(), codes["counted"].tolist()))
        assert {source for _, _, source, _ in rows["codes"]} >= {"auto", "manual"}
