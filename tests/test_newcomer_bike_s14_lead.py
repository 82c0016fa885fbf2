"""Session 14's newcomer, F13: the printed guide (guide.md, guide.html in the published run
folder) carried a participant's first name written in study.yml's objectives, while the
notebooks of the same folder showed [name], and `check` said nothing of a first name alone."""
from __future__ import annotations

import shutil

from kit.report.guide_page import export_guide
from kit.study import load_study

OBJECTIVE = "  - Ask Beata about the holds queue again.\n"


def _study(tmp_path, pilot_dir):
    root = tmp_path / "study"
    shutil.copytree(pilot_dir, root)
    yml = root / "study.yml"
    text = yml.read_text(encoding="utf-8")
    yml.write_text(text.replace("objectives:\n", "objectives:\n" + OBJECTIVE, 1), encoding="utf-8")
    line = text.split("\n").index("objectives:") + 2
    return root, line


def test_f13_printed_guide_redacts_a_first_name_from_study_yml(tmp_path, pilot_dir):
    root, _ = _study(tmp_path, pilot_dir)
    out = tmp_path / "report"
    out.mkdir()
    paths = export_guide(load_study(root), out)
    for path in paths.values():
        text = path.read_text(encoding="utf-8")
        assert "Beata" not in text
        assert "Ask [name] about the holds queue again." in text
    named = export_guide(load_study(root), tmp_path, include_names=True)
    assert "Ask Beata about" in named["markdown"].read_text(encoding="utf-8")


def test_f13_check_warns_at_the_line_that_names_a_participant(tmp_path, pilot_dir):
    from kit.study_check_names import published_secrets

    root, line = _study(tmp_path, pilot_dir)
    found = [p for p in published_secrets(load_study(root)) if p.path.endswith("study.yml")]
    assert [(p.line, p.level) for p in found] == [(line, "warning")]
    assert "Beata" not in str(found[0])
    assert not published_secrets(load_study(pilot_dir))


def test_f4_a_name_column_headed_in_another_language_is_the_roster_for_speakers(tmp_path):
    from pathlib import Path

    from kit.study_columns import read_participant_rows

    src = Path(__file__).parent / "data" / "newcomer-bike" / "s14-polish-header"
    root = tmp_path / "study"
    shutil.copytree(src, root)
    rows, columns, problems = read_participant_rows(root / "participants.csv")
    assert "name" in columns and "imię i nazwisko" not in columns
    assert any("'imię i nazwisko' is read as 'name'" in p.message for p in problems)
    turns = load_study(root).segments()
    turns = turns[turns["interview_id"] == "INT-006"]
    said = dict(zip(turns["text"].str[:20], turns["participant"].fillna("")))
    assert said["The cricket one. I l"] == "P-006"
    assert said["I stopped listening "] == "P-006"
    assert said["He means he needs th"] != "P-006"  # the carer's words are nobody's


def _refusing(tmp_path, pilot_dir, pid="P-002"):
    root = tmp_path / "refused"
    shutil.copytree(pilot_dir, root)
    sheet = root / "participants.csv"
    lines = sheet.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(pid + ","))
    cells = lines[number].split(",")
    cells[-2] = "no"  # consent_record (consent_quote stays yes)
    lines[number] = ",".join(cells)
    sheet.write_text("\n".join(lines), encoding="utf-8")
    return root, number + 1


def test_f2_a_transcript_of_someone_who_refused_recording_is_withheld_and_said(tmp_path, pilot_dir):
    from kit.outputs import PUBLISHED, Outputs

    root, line = _refusing(tmp_path, pilot_dir)
    study = load_study(root)
    said = [p for p in study.problems if "said no to being recorded" in p.message]
    assert [(p.path.endswith("participants.csv"), p.line, p.level) for p in said] == [(True, line, "warning")]
    assert "P-002" not in study.consenting()
    assert "P-002" in load_study(pilot_dir).consenting()
    quotes = study.quotes[study.quotes["participant"] == "P-002"]
    assert len(quotes) and not quotes["consent_quote"].any()
    shown = Outputs(tmp_path / "out", study, PUBLISHED).frame(quotes[["segment_id", "participant", "text"]])
    assert set(shown["text"]) == {"[not quoted]"} or not any(t in set(shown["text"]) for t in quotes["text"])


def test_f2_notes_without_a_transcript_are_no_recording(tmp_path, pilot_dir):
    root, _ = _refusing(tmp_path, pilot_dir)
    study = load_study(root)
    iid = study.interviews.loc[study.interviews["participant"] == "P-002", "interview_id"].iloc[0]
    for f in (root / "transcripts").glob(f"{iid}.*"):
        f.unlink()
    study = load_study(root, strict=False)
    assert not [p for p in study.problems if "said no to being recorded" in p.message]
    assert "P-002" in study.consenting()
