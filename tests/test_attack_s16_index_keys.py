"""Attacker s16 A14: what the index keeps of a study's file names and rosters is keyed with the
repository's secret, so nobody holding the index file can confirm a guessed name by hashing it."""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

from kit.discovery import index
from kit.discovery.email_key import email_key, keyed_hash
from kit.discovery.index_names import repository_roster, roster_signature
from kit.privacy import roster

PILOT = Path(__file__).resolve().parents[1] / "kit" / "data" / "sprints"


def _studies(repo: Path) -> list[Path]:
    return sorted(p for p in repo.iterdir() if p.is_dir() and not p.name.startswith("."))


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(PILOT, repo)
    study = _studies(repo)[0]
    transcript = sorted((study / "transcripts").iterdir())[0]
    transcript.rename(transcript.with_name("ines_villalobos" + transcript.suffix))  # a name as a file name
    return repo


def _stored(repo: Path):
    con = sqlite3.connect(index.index_path(repo))
    try:
        files = {s: json.loads(f) for s, f in con.execute("SELECT study, files FROM studies")}
        rosters = json.loads(con.execute("SELECT value FROM meta WHERE key = 'rosters'").fetchone()[0])
    finally:
        con.close()
    return files, rosters


def test_file_names_and_rosters_in_the_index_cannot_be_confirmed_by_hashing_a_guess(tmp_path):
    repo = _repo(tmp_path)
    index.update_index(repo)
    files, _ = _stored(repo)
    key = email_key(index.index_path(repo).parent)
    study = _studies(repo)[0]
    named = next(p for p in (study / "transcripts").iterdir() if p.stem == "ines_villalobos")
    rel = named.relative_to(study).as_posix()
    keys = set(files[study.name])
    assert hashlib.sha256(rel.encode()).hexdigest()[:24] not in keys  # the plain hash a guesser computes
    assert keyed_hash(key, rel, 24) in keys  # the key's owner (the kit) still finds it
    # every file of every study is named by its keyed path, none by a plain one
    for folder in _studies(repo):
        stats = index._file_stats(folder)
        assert set(files[folder.name]) == {keyed_hash(key, r, 24) for r in stats}
        assert not set(files[folder.name]) & {hashlib.sha256(r.encode()).hexdigest()[:24] for r in stats}
    # the rosters' fingerprints: keyed too, and an edit of a sheet still rebuilds the index
    _, rosters = _stored(repo)
    folders = index.find_studies(repo)
    _, plain = repository_roster(folders)
    assert plain and not set(plain) & set(rosters)
    assert sorted(keyed_hash(key, s) for s in plain) == rosters
    assert roster_signature(roster(folders[0])) in plain
    report = index.update_index(repo)  # nothing changed: not rebuilt
    assert not report.rebuilt
    sheet = folders[0] / "participants.csv"
    lines = sheet.read_text(encoding="utf-8").splitlines()
    sheet.write_text("\n".join(lines[:1] + [lines[1].replace(lines[1].split(",")[1], "Ines Villalobos", 1)]
                               + lines[2:]) + "\n", encoding="utf-8")
    report = index.update_index(repo)  # a name to hide changed: rebuilt, as with plain fingerprints
    assert report.rebuilt and "names to hide changed" in report.reason
