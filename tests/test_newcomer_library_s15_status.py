"""Newcomer s14 F9: participants.csv's ``status`` has a value for a participant who withdrew
from the study (``withdrawn``, ``Withdrew``, ...) and is folded as consent values are (``No
Show`` is ``no-show``). A withdrawn participant's words are withheld as ``consent_quote: no``
withholds them (published outputs, drafts, the repository's consent), and they count as
withdrawn, not interviewed (sample table, theme counts)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kit
from kit.consent_repository import consent_conflicts, consent_rows
from kit.discovery.loop import thank_you_drafts, you_said_we_did
from kit.outputs import PUBLISHED, Outputs
from kit.sample import not_interviewed, sample_table
from kit.study_columns import fold_status
from kit.themes import n_participants, study_themes

DATA = Path(__file__).parent / "data" / "newcomer-library"


def _with_status(study_dir: Path, status: str) -> Path:
    sheet = study_dir / "participants.csv"
    lines = sheet.read_text().splitlines()
    assert lines[1].startswith("P-1,")  # P-1: completed, consented to quoting, transcribed (INT-001)
    lines[1] = lines[1].replace(",completed,", f",{status},")
    sheet.write_text("\n".join(lines) + "\n")
    return study_dir


@pytest.mark.parametrize("written, read", [
    ("withdrawn", "withdrawn"), ("Withdrew", "withdrawn"), (" WITHDRAWAL ", "withdrawn"),
    ("consent withdrawn", "withdrawn"), ("No Show", "no-show"), ("no_show", "no-show"), ("noshow", "no-show"),
    ("No-Show", "no-show"), ("Completed ", "completed"), ("", ""), ("gone fishing", None)])
def test_status_values_are_folded_as_consent_values_are(written, read):
    assert fold_status(written) == read


def test_the_reporters_sheet_reads_withdrawn_and_no_show(study_dir):
    shutil.copy(DATA / "participants-status.csv", study_dir / "participants.csv")
    study = kit.load_study(study_dir, strict=False)
    sheet = [p for p in study.problems if p.path.endswith("participants.csv")]
    assert not [p for p in sheet if "status" in p.message and p.is_error]  # lines 10 and 13 were errors
    status = dict(zip(study.participants["id"], study.participants["status"]))
    assert status["P-009"] == "withdrawn" and status["P-012"] == "no-show" and status["P-010"] == "completed"
    warned = [p for p in sheet if p.line == 10 and "withdrew from the study" in p.message]
    assert warned and not warned[0].is_error and "Sunday" not in warned[0].message
    assert "P-009" not in study.consenting()  # its consent_quote says yes


def test_an_unknown_status_is_an_error_naming_withdrawn(study_dir):
    study = kit.load_study(_with_status(study_dir, "gone fishing"), strict=False)
    errors = [p for p in study.errors if p.line == 2 and "unknown status" in p.message]
    assert errors and "withdrawn" in errors[0].message


def test_a_withdrawn_participant_is_withheld_and_not_interviewed(study_dir):
    before = kit.load_study(study_dir, strict=False)
    assert "P-1" in before.consenting() and n_participants(before) == 2
    study = kit.load_study(_with_status(study_dir, "Withdrew"), strict=False)
    assert not [p for p in study.errors if p.path.endswith("participants.csv")]
    # no "mark them completed" at the note, no "interviewed_on is set" on the sheet
    assert not [p for p in study.problems if "mark them completed" in p.message or "is the interview" in p.message]
    assert "P-1" not in study.consenting()
    assert not_interviewed(study) == {"P-1"} and n_participants(study) == 1
    counted = study_themes(study)["counted"]
    assert "P-1" not in set(counted["participant"])  # their transcript's codings count for nobody
    sample = sample_table(study).set_index("segment")
    assert sample.loc["small", "withdrawn"] == 1 and sample.loc["small", "completed"] == 0
    assert "withdrawn" not in sample_table(before).columns  # a study nobody withdrew from: as it was
    quotes = Outputs(None, study, PUBLISHED).frame(study.quotes)
    theirs = quotes[quotes["participant"] == "P-1"]
    assert not len(theirs)  # their quotes are in no table the study gives (newcomer s16 F3), let alone published
    drafts = thank_you_drafts(study)
    assert "INT-001" not in set(drafts["interview_id"])
    assert any("withdrew" in n["status"] for n in drafts.attrs["notes"])
    assert "P-1" not in set(you_said_we_did(study)["participant"])  # D-1 cites INT-001
    assert "P-1" in set(you_said_we_did(before)["participant"])


def test_a_withdrawal_is_a_no_across_the_repository(tmp_path, study_dir):
    other = tmp_path / "sprint-2"
    shutil.copytree(study_dir, other)
    _with_status(other, "withdrawn")
    rows = {r.participant: r for r in consent_rows(other)}
    assert rows["P-1"].consent is False
    warnings, withdrawn = consent_conflicts([study_dir, other])
    assert (study_dir, "P-1") in withdrawn  # the first sprint's yes is withheld where the repository is read
    assert any("status withdrawn" in w.message for w in warnings if w.path == str(study_dir / "participants.csv"))


# -- newcomer s14 F11: only participants' own words feed suggested themes ----------------------------
BOILERPLATE = "The patron ran into trouble with the app."


def _notes_with_boilerplate(study_dir: Path, n: int = 6) -> Path:
    """``n`` more interviews (P-1's consenting words and a non-consenting P-2's), each note with
    the same team insight, as the reporter's library notes had."""
    sheet = study_dir / "participants.csv"
    rows = [f"P-{k},,,small,email,completed,2026-01-02,2026-01-04,2026-01-05,yes,{'yes' if k % 2 else 'no'}"
            for k in range(4, 4 + n)]
    sheet.write_text(sheet.read_text().rstrip("\n") + "\n" + "\n".join(rows) + "\n")
    said = ["The holds queue never moves and the holds queue email comes late.",
            "Downloads fail at home so the download stops halfway.",
            "The holds queue is long; the email about the holds queue is late.",
            "My download failed at home twice; downloads are slow.",
            "Zorblax firmware wobbles. Zorblax firmware wobbles again.",
            "Zorblax firmware wobbles every week."]
    for k in range(n):
        pid, iid = f"P-{4 + k}", f"INT-{10 + k:03d}"
        (study_dir / "interviews" / f"{iid}.md").write_text(
            f"---\nid: {iid}\ndate: 2026-01-07\nparticipant: {pid}\ninterviewer: Ana Silva\n---\n\n"
            f"## Key Quotes\n- \"{said[k]}\"\n\n## Insights\n- {BOILERPLATE}\n\n## Opportunities\n- Make holds clearer.\n")
    return study_dir


def test_suggested_themes_are_built_from_participants_words_only(study_dir):
    from kit.theme_discovery import discover_themes, passages

    study = kit.load_study(_notes_with_boilerplate(study_dir), strict=False)
    frame = passages(study)
    assert set(frame["kind"]) <= {"turn", "quote"}  # INT-0xx#i1, the team's boilerplate, fed a theme
    assert not frame["segment_id"].str.contains("#[io]", regex=True).any()
    found = discover_themes(study, n_themes=4)
    assert len(found.themes)
    assert (found.themes["participants"] >= 1).all() and (found.themes["label"] != "").all()
    assert not found.themes["terms"].str.contains("patron|trouble").any()
    listed = set(found.passages["theme"])
    assert listed <= set(found.themes["theme"]) | {"unassigned"}  # an unlisted theme's passages: unassigned
    assert set(found.passages["segment_id"]) == set(frame["segment_id"])  # nothing dropped


def test_a_theme_no_participant_may_be_named_by_is_not_listed(study_dir, monkeypatch):
    import kit.theme_discovery as td

    study = kit.load_study(_notes_with_boilerplate(study_dir), strict=False)
    real = td._sayable_terms
    monkeypatch.setattr(td, "_sayable_terms", lambda s, f, c: real(s, f, c) & False)  # no term may be said
    found = td.discover_themes(study, n_themes=3)
    assert found.themes.empty and found.settings.get("themes_not_listed", 0) >= 1
    assert set(found.passages["theme"]) == {"unassigned"}
    assert set(found.passages["segment_id"]) == set(td.passages(study)["segment_id"])
