"""kit.schema: the segment-id grammar, the shared rules and the one atomic write."""
import os
from datetime import date

import numpy as np
import pandas as pd
import pytest

from kit.atomic import atomic_open, atomic_write_bytes, atomic_write_text
from kit.schema import (
    FOLLOW_UP_WINDOWS,
    SegmentId,
    SegmentIdError,
    cadence_days,
    follow_up_due,
    is_blank,
    is_missing,
    is_segment_id,
    make_segment_id,
    parse_segment_id,
    segment_column,
    segment_kind,
)


@pytest.mark.parametrize("text,parsed", [
    ("INT-007#t12", SegmentId("INT-007", "turn", 12)),
    ("INT-003#q1", SegmentId("INT-003", "quote", 1)),
    ("a.b_c#i3", SegmentId("a.b_c", "insight", 3)),
    ("P9#o10", SegmentId("P9", "opportunity", 10)),
])
def test_segment_ids_parse_and_round_trip(text, parsed):
    assert parse_segment_id(text) == parsed
    assert str(parsed) == text
    assert make_segment_id(parsed.interview, parsed.kind, parsed.n) == text
    assert is_segment_id(text) and segment_kind(text) == parsed.kind


@pytest.mark.parametrize("bad", ["INT-007#t0", "INT-007#t01", "INT-007#x3", "INT 007#t1", "#t1", "INT-007#t",
                                 "INT-007t1", "INT#007#t1", "INT-007#t1 ", None, 7])
def test_anything_else_is_refused_with_a_clear_error(bad):
    with pytest.raises(SegmentIdError, match="is not a segment id such as INT-003#t4"):
        parse_segment_id(bad)
    assert not is_segment_id(bad) and segment_kind(bad) == ""


def test_make_refuses_a_bad_kind_or_number():
    with pytest.raises(SegmentIdError):
        make_segment_id("INT-007", "turn", 0)
    assert make_segment_id("Call with Kim", "turn", 1) == "Call with Kim#t1"  # as the study names it
    with pytest.raises(SegmentIdError):
        make_segment_id("INT-007", "theme", 1)
    assert issubclass(SegmentIdError, ValueError)


def test_the_kit_uses_one_grammar():
    """The study loader, auto-coding and the export agree with kit.schema on #t0."""
    from kit.coding import segment_kind as coding_kind

    assert coding_kind("INT-007#t0") == "" and coding_kind("INT-007#t3") == "turn"


def test_codings_naming_a_turn_zero_are_located_problems(study_dir):
    import kit

    (study_dir / "codings" / "zoe.csv").write_text("segment,code\nINT-001#t0,pricing\n", encoding="utf-8")
    study = kit.load_study(study_dir, strict=False)
    hits = [p for p in study.problems if p.path.endswith("zoe.csv")]
    assert hits and hits[0].line == 2 and "INT-001#t0" in hits[0].message


def test_what_counts_as_missing():
    for value in (None, float("nan"), np.nan, pd.NA, pd.NaT, np.datetime64("NaT"), np.float32("nan")):
        assert is_missing(value), value
    for value in ("", "x", 0, False, (1, 2), [1], date(2026, 1, 1), pd.Timestamp("2026-01-01"), np.array([np.nan])):
        assert not is_missing(value), value
    assert is_blank("  ") and is_blank(None) and not is_blank("0")


def test_cadence_and_follow_up_windows():
    assert cadence_days({}) == 7.0
    assert cadence_days({"cadence_days": 3}) == 3.0
    for bad in (0, -2, True, "weekly"):
        assert cadence_days({"cadence_days": bad}) == 7.0
    assert FOLLOW_UP_WINDOWS == {"thank_you": 1, "debrief": 2, "notes": 0}
    assert follow_up_due(date(2026, 2, 27), "debrief") == date(2026, 3, 1)


def test_segment_column_lookup():
    assert segment_column(pd.DataFrame(columns=["segment", "segment_id"])) == "segment_id"
    assert segment_column(pd.DataFrame(columns=["segment", "code"])) == "segment"
    with pytest.raises(ValueError, match="segment"):
        segment_column(pd.DataFrame(columns=["code"]))


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path):
    target = tmp_path / "deep" / "out.txt"
    atomic_write_text(target, "first\r\nline\n")
    assert target.read_bytes() == b"first\r\nline\n"
    with pytest.raises(RuntimeError), atomic_open(target, "w") as fh:
        fh.write("half")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"first\r\nline\n"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]  # no temporary file left
    atomic_write_bytes(target, b"\x00\x01", permissions=0o644)
    assert target.read_bytes() == b"\x00\x01" and (os.stat(target).st_mode & 0o777) == 0o644


def test_the_csv_writers_are_the_atomic_ones():
    import kit.atomic
    import kit.csvio

    assert kit.csvio.atomic_write_text is kit.atomic.atomic_write_text
    assert kit.csvio.atomic_write_csv is kit.atomic.atomic_write_csv


def test_who_counts_as_a_person():
    from kit.schema import person

    frame = pd.DataFrame({"participant": ["P1", "", None, "P1"], "interview_id": ["INT-1", "INT-2", "INT-3", "INT-4"]})
    assert person(frame).tolist() == ["P1", "INT-2", "INT-3", "P1"]


# (module, its name, the name of the one home in kit.schema): every column list of the kit.
COLUMN_HOMES = [
    ("agreement", "CODE_AGREEMENT_COLUMNS", "CODE_AGREEMENT_COLUMNS"),
    ("agreement", "DISAGREEMENT_COLUMNS", "DISAGREEMENT_COLUMNS"),
    ("analyze", "TURNS_COLUMNS", "TURNS_COLUMNS"),
    ("assumptions", "EVIDENCE_COLUMNS", "ASSUMPTION_EVIDENCE_COLUMNS"),
    ("assumptions", "COMPARE_COLUMNS", "EXPERIMENT_COMPARE_COLUMNS"),
    ("assumptions", "ASSESS_COLUMNS", "ASSESS_COLUMNS"),
    ("coding", "COMPARE_COLUMNS", "AUTOCODE_COMPARE_COLUMNS"),
    ("feelings", "SCORED_COLUMNS", "SCORED_COLUMNS"),
    ("feelings", "SUMMARY_COLUMNS", "SUMMARY_COLUMNS"),
    ("journey", "STAGE_COLUMNS", "STAGE_COLUMNS"),
    ("language", "COLLOCATION_COLUMNS", "COLLOCATION_COLUMNS"),
    ("language", "KEYNESS_COLUMNS", "KEYNESS_COLUMNS"),
    ("loop", "THANK_YOU_COLUMNS", "THANK_YOU_COLUMNS"),
    ("loop", "YOU_SAID_COLUMNS", "YOU_SAID_COLUMNS"),
    ("observation", "INSIGHT_COLUMNS", "INSIGHT_COLUMNS"),
    ("observation", "QUOTE_COLUMNS", "QUOTE_COLUMNS"),
    ("opportunities", "EVIDENCE_COLUMNS", "OPPORTUNITY_EVIDENCE_COLUMNS"),
    ("opportunities", "RANK_COLUMNS", "RANK_COLUMNS"),
    ("outputs", "VERBATIM_COLUMNS", "VERBATIM_COLUMNS"),
    ("qdpx", "CODING_COLUMNS", "CODING_COLUMNS"),
    ("recruit", "STANDARD_COLUMNS", "PARTICIPANT_COLUMNS"),
    ("recruit", "SCREEN_COLUMNS", "SCREEN_COLUMNS"),
    ("repository", "SEARCH_COLUMNS", "SEARCH_COLUMNS"),
    ("repository", "PRIOR_COLUMNS", "PRIOR_COLUMNS"),
    ("repository", "TREND_COLUMNS", "TREND_COLUMNS"),
    ("repository", "SEGMENT_COLUMNS", "REPOSITORY_SEGMENT_COLUMNS"),
    ("repository", "CODE_COLUMNS", "REPOSITORY_CODE_COLUMNS"),
    ("review", "COHORT_COLUMNS", "COHORT_COLUMNS"),
    ("segments", "PREVALENCE_COLUMNS", "PREVALENCE_COLUMNS"),
    ("segments", "TEST_COLUMNS", "TEST_COLUMNS"),
    ("segments", "SENTIMENT_COLUMNS", "SENTIMENT_COLUMNS"),
    ("study", "TURN_COLUMNS", "TURN_COLUMNS"),
    ("study", "ITEM_COLUMNS", "ITEM_COLUMNS"),
    ("theme_discovery", "TERM_COLUMNS", "TERM_COLUMNS"),
    ("themes", "CODED_COLUMNS", "CODED_COLUMNS"),
    ("themes", "RULE_COLUMNS", "RULE_COLUMNS"),
    ("themes", "THEME_COLUMNS", "THEME_COLUMNS"),
    ("themes", "INTENSITY_COLUMNS", "INTENSITY_COLUMNS"),
]


@pytest.mark.parametrize("module,name,home", COLUMN_HOMES)
def test_every_column_list_agrees_with_its_home(module, name, home):
    """Where a module still spells its columns (files of other issues, swapped by the lead),
    they must not drift from kit.schema; where it imports them, this is the same list."""
    import importlib

    import kit.schema

    module = importlib.import_module(f"kit.{module}")
    assert getattr(module, name, None) is not None, f"kit.{module.__name__}.{name} moved: update COLUMN_HOMES"
    mine, theirs = getattr(module, name), getattr(kit.schema, home)
    if isinstance(theirs, frozenset):
        assert set(mine) == set(theirs)
    else:
        assert list(mine) == list(theirs)


def test_a_yes_no_cadence_is_reported_not_silently_replaced(study_dir):
    import kit

    yml = study_dir / "study.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "cadence_days: yes\n", encoding="utf-8")
    study = kit.load_study(study_dir, strict=False)
    assert any("cadence_days must be a positive number" in p.message for p in study.errors)
    assert cadence_days(study) == 7.0


def test_follow_up_labels_agree_with_the_capture_table():
    """kit.capture.follow_up (report's file) still spells the windows; they must agree."""
    from pathlib import Path

    import kit
    from kit.capture import follow_up
    from kit.schema import follow_up_label

    study = kit.load_study(Path(kit.__file__).parent / "data" / "pilot")
    table = follow_up(study, "2026-11-30").set_index("interview_id")
    checked = 0
    for iv in study.interviews.itertuples(index=False):
        if iv.interview_id not in table.index:
            continue
        for step, done in (("thank_you", iv.thank_you_sent), ("debrief", iv.debriefed), ("notes", iv.notes_written)):
            days = None if done is None or pd.isna(done) else (done - iv.date).days
            assert follow_up_label(step, days) == table.loc[iv.interview_id, step]
            checked += 1
    assert checked >= 30
    labels = {follow_up_label(s, d) for s in FOLLOW_UP_WINDOWS for d in (None, 0, 1, 2, 5)}
    assert {"missing", "on time", "same day", "5 days", "5 days later"} <= labels
