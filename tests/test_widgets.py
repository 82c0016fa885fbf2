"""The manual coding session (no browser needed) and the widget on top of it."""
from __future__ import annotations

import os

import pandas as pd
import pytest

import kit
from kit.check import check_study
from kit.widgets import CodingSession, CodingWidget, coding_widget, demo_copy
from conftest import tree_snapshot, write

# The fixture study's segments in coding order: INT-001 (held first) turns, quotes, insight,
# then INT-002. codings/ana.csv already codes INT-001#t2, INT-001#t4 and INT-002#q1.
ORDER = ["INT-001#t2", "INT-001#t4", "INT-001#q1", "INT-001#q2", "INT-001#i1", "INT-002#q1", "INT-002#i1"]


def read(study_dir, coder="ana") -> pd.DataFrame:
    return pd.read_csv(study_dir / "codings" / f"{coder}.csv", dtype=str, keep_default_na=False)


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".tmp")


def test_segments_in_order_with_context(study_dir):
    session = CodingSession(study_dir, "ana")
    assert session.segments["segment_id"].tolist() == ORDER
    first = session.segments.iloc[0]
    assert first["context"] == "Ana Silva: Tell me about the last time you set up a project."
    assert "Jo" not in " ".join(session.segments["context"])  # participants appear by id only
    assert session.codes == ["workaround", "invite-trouble"]


def test_starts_at_the_first_uncoded_segment(study_dir):
    session = CodingSession(study_dir, "ana")
    assert session.segment_id == "INT-001#q1"
    assert session.progress() == (3, 7)
    assert CodingSession(study_dir, "newcomer").segment_id == "INT-001#t2"


def test_toggling_saves_at_once(study_dir):
    session = CodingSession(study_dir, "ana")
    assert session.toggle("workaround") is True
    rows = read(study_dir)
    assert ((rows["segment"] == "INT-001#q1") & (rows["code"] == "workaround") & (rows["coder"] == "ana")).sum() == 1
    assert session.toggle("workaround") is False
    rows = read(study_dir)
    assert not ((rows["segment"] == "INT-001#q1") & (rows["code"] == "workaround")).any()
    assert len(rows) == 3  # the three codings the file had are still there


def test_new_rows_keep_reading_order_without_moving_old_ones(study_dir):
    session = CodingSession(study_dir, "ana")
    session.toggle("invite-trouble")  # INT-001#q1: after INT-001#t4, before INT-002#q1
    assert read(study_dir)["segment"].tolist() == ["INT-001#t2", "INT-001#t4", "INT-001#q1", "INT-002#q1"]


def test_a_killed_kernel_loses_nothing_and_resumes(study_dir):
    first = CodingSession(study_dir, "ana")
    first.toggle("workaround")                    # INT-001#q1
    first.set_memo("template  abandoned")
    first.next()
    first.toggle("invite-trouble")                # INT-001#q2
    first.toggle("workaround")
    del first  # no close, no flush: the kernel died here

    second = CodingSession(study_dir, "ana")
    assert second.segment_id == "INT-001#i1"
    assert second.codes_of("INT-001#q1") == ["workaround"]
    assert second.memo_of("INT-001#q1") == "template abandoned"
    assert second.codes_of("INT-001#q2") == ["invite-trouble", "workaround"]
    assert second.codes_of("INT-001#t4") == ["invite-trouble"]
    assert second.memo_of("INT-001#t4") == "spam folder"   # the memo already in the file
    assert second.progress() == (5, 7)


def test_the_temp_file_never_remains(study_dir):
    folder = study_dir / "codings"
    session = CodingSession(study_dir, "ana")
    for code in ("workaround", "invite-trouble", "workaround"):
        session.toggle(code)
    session.set_memo("checked twice")
    session.next_uncoded()
    session.toggle("invite-trouble")
    assert leftovers(folder) == []
    assert sorted(p.name for p in folder.iterdir()) == ["ana.csv"]


def test_a_failed_save_leaves_the_file_as_it_was(study_dir, monkeypatch):
    folder = study_dir / "codings"
    before = (folder / "ana.csv").read_bytes()
    session = CodingSession(study_dir, "ana")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        session.toggle("workaround")
    assert (folder / "ana.csv").read_bytes() == before
    assert leftovers(folder) == []


def test_the_saved_file_passes_check(study_dir):
    session = CodingSession(study_dir, "ana")
    session.toggle("workaround")
    session.set_memo('a memo, with "quotes" and a comma')
    session.next_uncoded()
    session.toggle("invite-trouble")
    CodingSession(study_dir, "ben").toggle("workaround")
    assert check_study(study_dir) == []
    study = kit.load_study(study_dir)
    ben = study.codings[study.codings["coder"] == "ben"]
    assert ben[["segment", "code"]].values.tolist() == [["INT-001#t2", "workaround"]]
    memo = study.codings[(study.codings["segment"] == "INT-001#q1")]["memo"].tolist()
    assert memo == ['a memo, with "quotes" and a comma']


def test_a_memo_waits_for_a_code(study_dir):
    session = CodingSession(study_dir, "ana")
    before = read(study_dir)
    session.set_memo("not sure yet")
    assert "saved with the first code" in session.message
    assert read(study_dir).equals(before)          # a codings row needs a code
    session.toggle("workaround")
    rows = read(study_dir)
    assert rows[rows["segment"] == "INT-001#q1"]["memo"].tolist() == ["not sure yet"]
    session.toggle("invite-trouble")                # a second code carries the memo too
    rows = read(study_dir)
    assert rows[rows["segment"] == "INT-001#q1"]["memo"].tolist() == ["not sure yet", "not sure yet"]


def test_navigation(study_dir):
    session = CodingSession(study_dir, "ana")
    session.previous()
    assert session.segment_id == "INT-001#t4"
    session.go(0)
    session.previous()
    assert session.segment_id == "INT-001#t2"       # stays at the start
    assert session.next_uncoded() is True
    assert session.segment_id == "INT-001#q1"
    session.go(99)
    assert session.segment_id == "INT-002#i1"
    assert session.next_uncoded() is True           # wraps round to the first uncoded
    assert session.segment_id == "INT-001#q1"


def test_next_uncoded_when_everything_is_coded(study_dir):
    session = CodingSession(study_dir, "ana")
    while session.first_uncoded() is not None:
        session.go(session.first_uncoded())
        session.toggle("workaround")
    position = session.position
    assert session.next_uncoded() is False
    assert session.position == position
    assert session.message == "every segment is coded"


def test_keyboard_commands(study_dir):
    session = CodingSession(study_dir, "ana")
    session.command("1 2")
    assert session.codes_of() == ["workaround", "invite-trouble"]
    session.command("n")
    assert session.segment_id == "INT-001#q2"
    session.command("p")
    assert session.segment_id == "INT-001#q1"
    session.command("s")
    assert session.segment_id == "INT-001#q2"
    assert "numbered 1 to 2" in session.command("9")
    assert "type code numbers" in session.command("late")
    assert session.codes_of() == []


def test_two_sessions_on_one_file_do_not_undo_each_other(study_dir):
    one = CodingSession(study_dir, "ana")
    two = CodingSession(study_dir, "ana")
    one.toggle("workaround")
    two.next()
    two.toggle("invite-trouble")
    rows = read(study_dir)
    assert {("INT-001#q1", "workaround"), ("INT-001#q2", "invite-trouble")} <= set(zip(rows["segment"], rows["code"]))


def test_other_coders_rows_and_extra_columns_are_kept(study_dir):
    write(study_dir / "codings" / "ana.csv", """
        segment,code,coder,memo,confidence
        INT-001#t2,workaround,ana,,high
        INT-001#t4,invite-trouble,ben,,low
    """)
    session = CodingSession(study_dir, "ana")
    assert session.segment_id == "INT-001#t4"       # ben's row is not ana's
    session.toggle("workaround")
    rows = read(study_dir)
    assert list(rows.columns) == ["segment", "code", "coder", "memo", "confidence"]
    assert rows.values.tolist() == [["INT-001#t2", "workaround", "ana", "", "high"],
                                    ["INT-001#t4", "invite-trouble", "ben", "", "low"],
                                    ["INT-001#t4", "workaround", "ana", "", ""]]


def test_a_file_with_problems_is_never_overwritten(study_dir):
    path = write(study_dir / "codings" / "ana.csv", """
        segment,code,coder,memo
        INT-001#t2,workaround,ana,,one,field,too,many
        INT-001#t4,invite-trouble,ana,
    """)
    before = path.read_bytes()
    session = CodingSession(study_dir, "ana")
    assert session.read_only
    assert "has problems" in session.message
    session.toggle("workaround")
    assert path.read_bytes() == before


def test_a_file_broken_while_coding_is_left_alone(study_dir):
    session = CodingSession(study_dir, "ana")
    path = study_dir / "codings" / "ana.csv"
    path.write_text(path.read_text() + "INT-001#q1,workaround,ana,,extra,fields\n")
    before = path.read_bytes()
    session.toggle("invite-trouble")
    session.set_memo("lost?")
    assert path.read_bytes() == before
    assert session.read_only and "has problems" in session.message


def test_read_only_writes_nothing(study_dir):
    before = tree_snapshot(study_dir)
    session = CodingSession(study_dir, "ana", read_only=True)
    session.toggle("workaround")
    session.set_memo("demo")
    assert session.codes_of() == ["workaround"]     # shown, not saved
    assert tree_snapshot(study_dir) == before


def test_bad_coder_names_are_refused(study_dir):
    for name in ("", "../ana", "a b", ".hidden"):
        with pytest.raises(ValueError, match="cannot name a file"):
            CodingSession(study_dir, name)
    with pytest.raises(ValueError, match="unknown code"):
        CodingSession(study_dir, "ana").toggle("nope")


def test_the_bundled_pilot_is_never_written(pilot_dir):
    before = tree_snapshot(pilot_dir)
    with pytest.raises(PermissionError, match="read-only"):
        CodingSession(pilot_dir, "maya")
    demo = coding_widget(pilot_dir, "")
    assert demo.session.read_only and demo.session.coder == "demo"
    demo.session.toggle(demo.session.codes[0])
    mine = coding_widget(pilot_dir, "maya")
    assert not str(mine.session.path.resolve()).startswith(str(pilot_dir.resolve()))
    mine.session.toggle(mine.session.codes[0])
    assert mine.session.path.exists()
    assert tree_snapshot(pilot_dir) == before


def test_demo_copy_is_a_separate_folder(study_dir):
    copy = demo_copy(study_dir)
    assert copy != study_dir and (copy / "codings" / "ana.csv").exists()
    CodingSession(copy, "ana").toggle("workaround")
    assert len(read(study_dir)) == 3


# --------------------------------------------------------------------------- the widget

def test_the_widget_builds_and_wires_the_session(study_dir, capsys):
    widget = CodingWidget(study_dir, "ana")
    assert "INT-001#q1" in widget.header.value
    assert "Ana Silva" not in widget.text.value
    assert list(widget.toggles) == ["workaround", "invite-trouble"]
    assert widget.toggles["workaround"].description == "1 workaround"
    widget.toggles["workaround"].value = True       # a click
    assert ("INT-001#q1", "workaround") in set(zip(read(study_dir)["segment"], read(study_dir)["code"]))
    widget.memo.value = "clicked"
    assert read(study_dir).set_index("segment").loc["INT-001#q1", "memo"] == "clicked"
    widget.keys.value = "n"                          # typed n + Enter
    assert widget.session.segment_id == "INT-001#q2"
    assert widget.keys.value == ""
    assert widget.toggles["workaround"].value is False
    assert widget.memo.value == ""
    widget.keys.value = "2"
    assert widget.toggles["invite-trouble"].value is True
    widget.previous_button.click()
    assert widget.session.segment_id == "INT-001#q1" and widget.toggles["workaround"].value
    widget.skip_button.click()
    assert widget.session.segment_id == "INT-001#i1"
    widget.next_button.click()
    assert widget.session.segment_id == "INT-002#q1"
    widget._ipython_display_()
    assert capsys.readouterr().out.startswith("Coding as ana: 5 of 7 segments coded")
    assert check_study(study_dir) == []


def test_the_widget_on_a_study_without_codings(study_dir):
    (study_dir / "codings" / "ana.csv").unlink()
    (study_dir / "codings").rmdir()
    widget = CodingWidget(study_dir, "zoe")
    widget.toggles["invite-trouble"].value = True
    assert read(study_dir, "zoe")[["segment", "code", "coder"]].values.tolist() == [
        ["INT-001#t2", "invite-trouble", "zoe"]]
