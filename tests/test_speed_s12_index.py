"""Session 12 (issue 20), the index's own work: each shortcut gives what the long way gives.

* kit.discovery.repository.autocode_pairs: the (segment, code) columns of kit.languages.autocode,
  row for row, on every language path (all English, several languages, rows without one).
* kit.discovery.index_names.name_roster: kit.privacy.roster's names, parts and emails, from a
  folder and from a loaded study (names found by header, by first and last name, by value).
* a full build hashes the files its loading read (kit.csvio.READ_OBSERVERS) instead of
  reading them again: the same fingerprints, and no study file read for its hash alone.
* kit.consent_repository.consent_rows reads the rows read_participant_rows gives.
"""
from __future__ import annotations

import glob
import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

import kit.discovery.index as index
from kit import languages
from kit.consent_repository import consent_rows
from kit.discovery.index_names import name_roster
from kit.discovery.repository import autocode_pairs, example_repository
from kit.privacy import roster
from kit.study import load_study
from kit.study_columns import read_participant_rows

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
LANGUAGE_STUDIES = [ROOT / "kit" / "data" / "multilingual", ROOT / "kit" / "data" / "pilot",
                    DATA / "langs_s7" / "study", DATA / "newcomer-housing" / "privacy" / "tenants-s1",
                    DATA / "newcomer-edu" / "privacy" / "study", DATA / "newcomer-library" / "library-fixed"]


def _columns(frame: pd.DataFrame) -> tuple[list, list]:
    return frame["segment_id"].tolist(), frame["code"].tolist()


@pytest.mark.parametrize("folder", LANGUAGE_STUDIES, ids=lambda p: p.name)
def test_autocode_pairs_are_autocodes_columns(folder):
    study = load_study(folder, strict=False)
    segments = languages.annotate(study, study.turns, study.segments())[1]
    want = _columns(languages.autocode(segments, study.codebook))
    assert autocode_pairs(segments, study.codebook) == want
    assert want[0], "the study is auto-coded"
    english = segments.drop(columns="language")  # no language column: all English
    assert autocode_pairs(english, study.codebook) == _columns(languages.autocode(english, study.codebook))


def test_autocode_pairs_in_several_languages_and_none():
    """Rows of several languages (a coder each, sorted back into the segments' order), repeated
    texts in two languages, a row without a language (autocode leaves it out)."""
    study = load_study(ROOT / "kit" / "data" / "multilingual", strict=False)
    segments = languages.annotate(study, study.turns, study.segments())[1]
    assert segments["language"].nunique() >= 3
    doubled = pd.concat([segments, segments.assign(language="es")], ignore_index=True)
    doubled.loc[3, "language"] = None
    want = _columns(languages.autocode(doubled, study.codebook))
    got = autocode_pairs(doubled, study.codebook)
    assert got == want


NAME_SHEETS = sorted({Path(p).parent for p in glob.glob(str(DATA / "**" / "participants.csv"), recursive=True)})


@pytest.mark.parametrize("folder", NAME_SHEETS[:40], ids=lambda p: str(p.relative_to(DATA)))
def test_name_roster_is_rosters_names(folder):
    full = roster(str(folder))
    mine = name_roster(folder)
    assert (mine.names, mine.parts, mine.emails) == (full.names, full.parts, full.emails)
    assert mine.ids == () and mine.categories == ()


@pytest.mark.slow  # loads 40 studies: over 1.5 s (tests/README.md)
def test_name_roster_of_a_loaded_study():
    named = 0
    for folder in NAME_SHEETS[:40]:
        study = load_study(folder, strict=False)
        full, mine = roster(study), name_roster(study)
        assert (mine.names, mine.parts, mine.emails) == (full.names, full.parts, full.emails), folder
        named += bool(mine.names)
    assert named >= 5
    assert name_roster(DATA / "no-such-folder").names == ()


def test_full_build_hashes_what_loading_read(tmp_path, monkeypatch):
    """Every fingerprint of a full build is the SHA-256 of the file, and no study file is read
    again for it (every one the loading read whole)."""
    repo = example_repository(tmp_path / "repo")
    fallback = []
    real = index._sha256
    monkeypatch.setattr(index, "_sha256", lambda path, size=-1: fallback.append(path) or real(path, size))
    index.update_index(repo)
    assert fallback == []
    con = sqlite3.connect(index.index_path(repo))
    stored = {study: json.loads(files) for study, files in con.execute("SELECT study, files FROM studies")}
    con.close()
    assert len(stored) == 3
    key = index.email_key(index.index_path(repo).parent)
    for folder in index.find_studies(repo):
        stats = index._file_stats(folder)
        assert stored[folder.name] == index._fingerprint(folder, stats, None, key=key)  # each file hashed from disk
    from kit.csvio import READ_OBSERVERS

    assert READ_OBSERVERS == []  # the build's observer is gone


def test_a_file_changed_after_its_stat_is_hashed_from_disk(tmp_path, monkeypatch):
    """A file edited between the walk's stat and the loading's read: the bytes read are not
    those of the stat, so the file is hashed again (the hash, size and times stored agree
    with each other as a walk then a hash would have them)."""
    repo = example_repository(tmp_path / "repo")
    note = sorted((repo / "2026-S45" / "interviews").glob("*.md"))[0]
    real = index.load_study

    def edited_first(folder, strict=False):
        if folder.name == "2026-S45":
            note.write_text(note.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        return real(folder, strict=strict)

    fallback = []
    real_sha = index._sha256
    monkeypatch.setattr(index, "load_study", edited_first)
    monkeypatch.setattr(index, "_sha256", lambda path, size=-1: fallback.append(Path(path)) or real_sha(path, size))
    index.update_index(repo)
    assert fallback == [note]


def test_consent_rows_are_the_participant_rows():
    sheets = [f for f in NAME_SHEETS if "consent_quote" in (f / "participants.csv").read_text(encoding="utf-8",
                                                                                            errors="replace")]
    assert len(sheets) >= 10
    for folder in sheets:
        rows, columns, _ = read_participant_rows(folder / "participants.csv")
        got = consent_rows(folder)
        if "consent_quote" not in columns:
            assert got == []
            continue
        want = [(int(r.get("_line", 0)), str(r.get("id") or "").strip()) for r in rows if str(r.get("id") or "").strip()]
        want = [w for i, w in enumerate(want) if w[1] not in {x[1] for x in want[:i]}]  # an id's first row (A11)
        assert [(r.line, r.participant) for r in got] == want
        assert all(r.folder == folder for r in got)

