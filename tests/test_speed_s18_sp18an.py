"""Session 18 (issue 20), analyze doing less: each cut checked against the long way it replaced.

* the loader told each transcript no note names whether the study has notes at all
  (``kit.speaker_roles.lone_transcript``'s ``noted``: which warning it gets) by searching every
  interview row read so far, once per lone transcript: 50 million steps for a study of 10,000
  transcripts alone (quadratic, since session 17's claims pass). ``_Tables.noted`` is now kept as
  the rows come.

The long way is put back with ``monkeypatch`` (the rows recorded as they are added, and searched
at each lone transcript) and compared, on studies of transcripts alone, with notes, with files in
other capitals, BOMs, CRLF, an empty file, other scripts and, in the slow tier, every study of
tests/data.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import kit.study as study_mod
from kit.study import load_study

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

TEXT = "Interviewer: Tell me about the last time you were paid late.\nDana: In March a client paid me late.\n"


def _write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def _transcripts(root: Path) -> None:
    _write(root / "transcripts" / "INT-001.txt", TEXT)
    _write(root / "transcripts" / "INT-002.txt", "\ufeff" + TEXT.replace("\n", "\r\n"))  # BOM, CRLF
    _write(root / "transcripts" / "int-003.TXT", "Interviewer: Как вы платите?\nDana: Картой, обычно.\n")
    _write(root / "transcripts" / "INT-004.txt", b"")  # empty
    _write(root / "transcripts" / "INT-005.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dana>Late again.\n")


@pytest.fixture
def alone(tmp_path) -> Path:
    root = tmp_path / "alone"
    _transcripts(root)
    return root


@pytest.fixture
def noted(tmp_path) -> Path:
    root = tmp_path / "noted"
    _transcripts(root)
    _write(root / "participants.csv", "id,name,status\nP01,Dana Reyes,completed\n")
    _write(root / "interviews" / "INT-001.md",
           "---\nid: INT-001\nparticipant: P01\ntranscript: INT-001.txt\n---\n\n## Key quotes\n\n- paid late\n")
    return root


def _long_way(monkeypatch) -> list:
    """Record each lone transcript's ``noted`` next to the long way's: any row read so far from a note."""
    now, told = {"tables": None, "rows": []}, []  # the rows of the load under way (each load has its own tables)
    add = study_mod._Tables.add_interview
    lone = study_mod.lone_transcript

    def adding(self, row, turns):
        if now["tables"] is not self:
            now["tables"], now["rows"] = self, []
        now["rows"].append(row)
        return add(self, row, turns)

    def telling(loader, path, columns, noted=True):  # called after its own row is added
        told.append((Path(path).name, noted, any(row.get("note_path") for row in now["rows"])))
        return lone(loader, path, columns, noted=noted)

    monkeypatch.setattr(study_mod._Tables, "add_interview", adding)
    monkeypatch.setattr(study_mod, "lone_transcript", telling)
    return told


def test_noted_follows_the_rows_as_they_come():
    tables = study_mod._Tables(team=set())
    assert tables.noted is False
    tables.add_interview({"interview_id": "INT-1", "note_path": ""}, None)  # a lone transcript's row
    assert tables.noted is False
    tables.add_interview({"interview_id": "INT-2", "note_path": "interviews/INT-2.md"}, None)
    assert tables.noted is True
    tables.add_interview({"interview_id": "INT-3", "note_path": ""}, None)
    assert tables.noted is True  # stays: the study has a note


@pytest.mark.parametrize("which, expected", [("alone", False), ("noted", True)])
def test_lone_transcripts_are_told_as_the_long_way_tells_them(which, expected, request, monkeypatch):
    told = _long_way(monkeypatch)
    study = load_study(request.getfixturevalue(which), strict=False)
    assert told, "no lone transcript was read"
    assert all(fast == slow == expected for _, fast, slow in told), told
    says = "count for nobody" if expected else "counts as one person"
    warned = [p.message for p in study.problems if "names this transcript" in p.message]
    assert warned and all(says in m for m in warned), warned


@pytest.mark.slow
def test_every_study_of_the_tests_tells_its_lone_transcripts_as_the_long_way(monkeypatch):
    told = _long_way(monkeypatch)
    folders = sorted({p.parent for p in DATA.rglob("study.yml")} | {p.parent.parent for p in DATA.rglob("transcripts")
                                                                    if p.is_dir()})
    for folder in folders:
        try:
            load_study(folder, strict=False)
        except Exception:  # noqa: BLE001 - a study a test expects to fail: nothing told
            continue
    assert told
    assert all(fast == slow for _, fast, slow in told), [t for t in told if t[1] != t[2]]
