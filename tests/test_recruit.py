"""Recruiting from a pool: quotas, cooldown across the repository, declines and opt-outs,
reproducible picks with reasons, dry runs that write nothing, and an append that keeps every
existing line of participants.csv."""
from __future__ import annotations

from datetime import date

import pytest

import kit
from kit.recruit import RecruitError, open_quotas, read_pool, recruit, recruit_command, screen_pool
from kit.repository import example_repository
from conftest import tree_snapshot, write

TODAY = "2026-12-14"


@pytest.fixture
def repo(tmp_path):
    return example_repository(tmp_path / "repo")


@pytest.fixture
def small(tmp_path):
    """A new study with quotas {a: 3, b: 1} and no participants yet, and a pool."""
    root = tmp_path / "small"
    write(root / "study.yml", """
        research_question: Who pays late?
        segments:
          attribute: segment
          quotas: {a: 3, b: 1}
    """)
    write(root / "participants.csv", "id,name,email,segment,channel,status,invited_on,scheduled_on,interviewed_on,"
                                     "consent_record,consent_quote\n")
    pool = write(tmp_path / "pool.csv", """
        email,name,segment,region
        a1@example.com,Ann One,a,north
        a2@example.com,Ann Two,a,south
        a3@example.com,Ann Three,a,east
        a4@example.com,Ann Four,a,west
        a5@example.com,Ann Five,a,north
        b1@example.com,Bob One,b,north
        b2@example.com,Bob Two,b,south
        c1@example.com,Cat One,c,south
    """)
    return root, pool


# -- eligibility ------------------------------------------------------------------------------
def test_screening_gives_every_reason(repo):
    table = screen_pool(repo / "pool.csv", repo / "2026-S49", repo=repo, today=TODAY)
    rules = dict(zip(table["pool_line"], table["rule"]))
    assert rules == {2: "interviewed recently", 3: "eligible", 4: "eligible", 5: "eligible", 6: "eligible",
                     7: "opted out", 8: "declined before", 9: "interviewed recently", 10: "invited elsewhere",
                     11: "eligible", 12: "eligible", 13: "eligible", 14: "already listed",
                     15: "declined before", 16: "eligible", 17: "eligible", 18: "eligible",
                     19: "contacted recently"}
    reasons = dict(zip(table["pool_line"], table["reason"]))
    assert reasons[2] == "interviewed on 2026-11-04, 40 days ago (cooldown 90 days)"  # Dana, in 2026-S45
    assert reasons[8] == "declined an invitation to 2026-S45"
    assert reasons[9] == "interviewed on 2026-10-06, 69 days ago (cooldown 90 days)"  # Beata, in the pilot
    assert reasons[10] == "already invited to 2026-S41"
    assert reasons[14] == "already in participants.csv (invited)"
    assert reasons[19] == "contacted on 2026-12-01, 13 days ago (cooldown 90 days)"
    # people the repository knows keep their id; Lucy Tran was a no-show in the pilot
    assert dict(zip(table["pool_line"], table["known_as"]))[3] == "P-010"


def test_cooldown_boundary(repo):
    # Beata Kowalski was interviewed on 2026-10-06 (pilot)
    def rule(today, cooldown=90):
        table = screen_pool(repo / "pool.csv", repo / "2026-S49", cooldown_days=cooldown, repo=repo, today=today)
        return table.loc[table["pool_line"] == 9, "rule"].item()

    assert rule(date(2027, 1, 3)) == "interviewed recently"   # 89 days
    assert rule(date(2027, 1, 4)) == "eligible"               # 90 days: the cooldown is over
    assert rule(date(2026, 12, 14), cooldown=60) == "eligible"
    assert rule(date(2026, 12, 14), cooldown=70) == "interviewed recently"


def test_without_a_repository_only_the_study_itself_counts(repo):
    table = screen_pool(repo / "pool.csv", repo / "2026-S49", today=TODAY)
    rules = dict(zip(table["pool_line"], table["rule"]))
    assert rules[9] == "eligible"  # Beata was interviewed in the pilot, not in this study
    assert rules[14] == "already listed" and rules[7] == "opted out" and rules[19] == "contacted recently"


def test_open_quotas_subtract_completed_scheduled_and_invited(repo):
    study = kit.load_study(repo / "2026-S49")
    assert open_quotas(study).values.tolist() == [["freelancer", 4, 3, 1], ["trades", 3, 2, 1],
                                                  ["agency", 3, 2, 1]]


# -- picking ----------------------------------------------------------------------------------------
def test_quotas_are_filled_largest_gap_first_with_reasons(small):
    root, pool = small
    table = recruit(pool, root, 10, seed=3, today=TODAY)
    assert table["reason"].tolist() == ["fills quota a (1 of 3 open)", "fills quota a (2 of 3 open)",
                                        "fills quota a (3 of 3 open)", "fills quota b (1 of 1 open)"]
    assert table["segment"].tolist() == ["a", "a", "a", "b"]
    assert table["id"].tolist() == ["P-001", "P-002", "P-003", "P-004"]
    assert (table["status"] == "invited").all() and (table["invited_on"] == TODAY).all()
    assert table["channel"].eq("pool").all()
    assert len(recruit(pool, root, 2, seed=3, today=TODAY)) == 2


def test_picks_are_random_but_reproducible(small):
    root, pool = small
    picks = [tuple(recruit(pool, root, 4, seed=s, today=TODAY)["email"]) for s in range(8)]
    assert picks[0] == tuple(recruit(pool, root, 4, seed=0, today=TODAY)["email"])
    assert len(set(picks)) > 1  # different seeds pick different people
    for p in picks:
        assert {e[0] for e in p} == {"a", "b"} and "c1@example.com" not in p


def test_dry_run_writes_nothing_and_apply_writes_the_same_picks(repo):
    before = tree_snapshot(repo)
    dry = recruit(repo / "pool.csv", repo / "2026-S49", 3, seed=7, repo=repo, today=TODAY)
    assert dry.attrs["written"] is None
    assert tree_snapshot(repo) == before
    path = repo / "2026-S49" / "participants.csv"
    original = path.read_text(encoding="utf-8")
    applied = recruit(repo / "pool.csv", repo / "2026-S49", 3, seed=7, repo=repo, today=TODAY, dry_run=False)
    assert applied.attrs["written"] == path
    assert applied.drop(columns=[]).values.tolist() == dry.values.tolist()
    text = path.read_text(encoding="utf-8")
    assert text.startswith(original)  # every existing line kept, byte for byte
    added = text[len(original):].splitlines()
    assert len(added) == 3
    ids = applied["id"].tolist()
    assert ids == ["P-039", "P-040", "P-041"]  # the next free ids of the repository
    for line, row in zip(added, applied.to_dict("records")):
        fields = line.split(",")
        assert fields[0] == row["id"] and fields[3] == row["segment"]
        assert fields[6:] == ["pool", "invited", TODAY, "", "", "no", "no"]
    study = kit.load_study(repo / "2026-S49")
    assert not study.errors
    new = study.participants[study.participants["id"].isin(ids)]
    assert new["status"].tolist() == ["invited"] * 3
    assert [d.isoformat() for d in new["invited_on"]] == [TODAY] * 3
    # every place is now taken: a second run finds nobody to invite
    assert recruit(repo / "pool.csv", repo / "2026-S49", 3, repo=repo, today=TODAY, dry_run=False).empty
    assert path.read_text(encoding="utf-8") == text
    # nothing else in the repository changed
    after = tree_snapshot(repo)
    assert {k for k in after if after[k] != before.get(k)} == {"2026-S49/participants.csv"}


def test_known_people_keep_their_id(repo):
    write(repo / "lucy.csv", "email,name,segment\nlucy.tran@example.org,Lucy Tran,freelancer\n")
    table = recruit(repo / "lucy.csv", repo / "2026-S49", 1, repo=repo, today=TODAY)
    assert table["id"].tolist() == ["P-010"]  # her id from the pilot
    write(repo / "ids.csv", "id,segment\nC-77,trades\n")
    assert recruit(repo / "ids.csv", repo / "2026-S49", 1, repo=repo, today=TODAY)["id"].tolist() == ["C-77"]


def test_append_keeps_crlf_and_bom(small):
    root, pool = small
    path = root / "participants.csv"
    header = "id,segment,status,invited_on\r\nP-007,a,completed,2026-01-02\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + header.encode())
    recruit(pool, root, 1, seed=1, today=TODAY, dry_run=False)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + header.encode())
    assert data.endswith(f"P-008,a,invited,{TODAY}\r\n".encode())


def test_participants_file_without_status_columns_gets_them(small):
    root, pool = small
    path = root / "participants.csv"
    path.write_text("id,segment\nP-001,b\n", encoding="utf-8")
    table = recruit(pool, root, 1, seed=0, today=TODAY, dry_run=False)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,segment,status,invited_on"
    assert lines[1] == "P-001,b"
    assert lines[2] == f"{table['id'][0]},a,invited,{TODAY}"
    study = kit.load_study(root, strict=False)
    assert study.participants["status"].tolist() == ["", "invited"]


# -- problems ------------------------------------------------------------------------------------------
def test_bad_pool_rows_are_located_and_nothing_is_written(repo):
    pool = write(repo / "bad.csv", """
        email,name,segment,last_contacted,opted_out
        ok@example.com,Ok,trades,,no
        ,Nobody,trades,,no
        not-an-email,Bad,trades,,no
        late@example.com,Late,trades,last week,no
        maybe@example.com,Maybe,trades,,perhaps
    """)
    before = tree_snapshot(repo)
    with pytest.raises(RecruitError) as err:
        recruit(pool, repo / "2026-S49", 2, repo=repo, today=TODAY, dry_run=False)
    assert [(p.line, p.message) for p in err.value.problems] == [
        (3, "a person needs an id or an email"),
        (4, "email 'not-an-email' is not an email address"),
        (5, "last_contacted 'last week' is not a date (YYYY-MM-DD)"),
        (6, "opted_out must be yes or no, not 'perhaps'"),
    ]
    text, code = recruit_command(str(pool), str(repo / "2026-S49"), 2, repo=str(repo), dry_run=False)
    assert code == 1
    assert text.splitlines()[0] == f"{pool}:3: a person needs an id or an email"
    assert tree_snapshot(repo) == before


def test_pool_without_the_segment_column(repo):
    pool = write(repo / "nosegment.csv", "email,name\na@example.com,A\n")
    with pytest.raises(RecruitError) as err:
        recruit(pool, repo / "2026-S49", 1, today=TODAY)
    assert [(p.line, p.message.split(":")[0]) for p in err.value.problems] == [(1, "no `segment` column")]
    pool = write(repo / "noid.csv", "name,segment\nA,trades\n")
    with pytest.raises(RecruitError, match="needs an `id` or an `email` column"):
        recruit(pool, repo / "2026-S49", 1, today=TODAY)


def test_an_id_that_belongs_to_someone_else(repo):
    pool = write(repo / "clash.csv", "id,email,segment\nP-002,someone.else@example.com,freelancer\n")
    with pytest.raises(RecruitError) as err:
        recruit(pool, repo / "2026-S49", 1, repo=repo, today=TODAY)
    assert err.value.problems[0].line == 2 and "belongs to another email" in err.value.problems[0].message


def test_repeated_people_are_kept_once_with_a_warning(small):
    root, pool = small
    pool.write_text(pool.read_text() + "A1@Example.com,Ann Again,a,north\n", encoding="utf-8")
    people, problems = read_pool(pool, "segment")
    assert len(people) == 8
    assert [(p.line, p.level) for p in problems] == [(10, "warning")]
    table = recruit(pool, root, 4, today=TODAY)
    assert [str(w) for w in table.attrs["warnings"]] == [
        f"{pool}:10: warning: the same person as on line 2 (same id or email): kept once"]


def test_a_study_without_quotas(tmp_path, small):
    _, pool = small
    write(tmp_path / "noquota" / "study.yml", "research_question: Why?\n")
    with pytest.raises(RecruitError, match="no segments.quotas"):
        recruit(pool, tmp_path / "noquota", 1, today=TODAY)
    text, code = recruit_command(str(pool), str(tmp_path / "noquota"), 1)
    assert code == 1 and text.startswith(str(tmp_path / "noquota" / "study.yml") + ":1: no segments.quotas")


def test_command_usage_errors(repo, small):
    _, pool = small
    assert recruit_command(str(pool), str(repo / "nowhere"), 1)[1] == 2
    assert recruit_command(str(repo / "missing.csv"), str(repo / "2026-S49"), 1)[1] == 2
    assert recruit_command(str(pool), str(repo / "2026-S49"), 0)[1] == 2
    assert recruit_command(str(pool), str(repo / "2026-S49"), 1, cooldown=-1)[1] == 2
    with pytest.raises(ValueError, match="today"):
        recruit(pool, repo / "2026-S49", 1, today="soon")


def test_command_dry_run_then_apply(repo):
    before = tree_snapshot(repo)
    text, code = recruit_command(str(repo / "pool.csv"), str(repo / "2026-S49"), 3, seed=7, repo=str(repo),
                                 today=TODAY)
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == "open places: freelancer 1 of 4, trades 1 of 3, agency 1 of 3"
    assert lines[1] == ("skipped 8 of 18 in the pool: interviewed recently (2), declined before (2), opted out (1), "
                        "invited elsewhere (1), already listed (1), contacted recently (1)")
    assert [line.split("pool line")[1].split(": ")[1] for line in lines[2:5]] == [
        "fills quota freelancer (1 of 1 open)", "fills quota trades (1 of 1 open)", "fills quota agency (1 of 1 open)"]
    assert lines[-1].startswith("dry run: nothing written; add --apply")
    assert "@" not in text and "Rao" not in text  # ids, never names or emails
    assert tree_snapshot(repo) == before
    text, code = recruit_command(str(repo / "pool.csv"), str(repo / "2026-S49"), 3, seed=7, repo=str(repo),
                                 today=TODAY, dry_run=False)
    assert code == 0 and text.splitlines()[-1].startswith("added 3 people to ")
    text, code = recruit_command(str(repo / "pool.csv"), str(repo / "2026-S49"), 3, repo=str(repo), today=TODAY)
    assert code == 0 and text.splitlines()[-1] == "nobody to invite: no open place can be filled from this pool"


def test_a_study_without_participants_csv_gets_one(small):
    root, pool = small
    (root / "participants.csv").unlink()
    table = recruit(pool, root, 2, seed=0, today=TODAY, dry_run=False)
    lines = (root / "participants.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,name,email,segment,channel,status,invited_on,scheduled_on,interviewed_on,consent_record,consent_quote"
    assert [line.split(",")[0] for line in lines[1:]] == table["id"].tolist() == ["P-001", "P-002"]
    assert not kit.load_study(root, strict=False).errors or all(
        "no interviews" in p.message for p in kit.load_study(root, strict=False).errors)


def test_a_pool_exported_from_a_spreadsheet_is_read_whatever_its_headers_case(small):
    """``Email``, ``Opted Out``, ``SEGMENT``: a pool's headers are read as its standard columns
    (as participants.csv's are), so nobody is refused for a header's case and an opted-out
    person stays out."""
    root, pool = small
    pool.write_text("Email,Name,SEGMENT,Opted Out,Region\n"
                    "a1@example.com,Ann One,a,no,north\n"
                    "a2@example.com,Ann Two,a,YES,south\n"
                    "b1@example.com,Bob One,b,,north\n", encoding="utf-8")
    people, problems = read_pool(pool, "segment")
    assert problems == []
    assert [(p.email, p.attrs["segment"], p.opted_out) for p in people] == [
        ("a1@example.com", "a", False), ("a2@example.com", "a", True), ("b1@example.com", "b", False)]
    assert people[0].attrs["Region"] == "north"
    table = recruit(pool, root, 2, today=TODAY)
    assert sorted(table["email"]) == ["a1@example.com", "b1@example.com"]
    people, problems = read_pool(pool, "Segment")  # study.yml spelling its attribute with a capital
    assert problems == [] and [p.attrs["Segment"] for p in people] == ["a", "a", "b"]
