"""Session-9 attacker's faults E of the search index (faults-s9.md E1, E2, E4, E5, E6, D13):
names of any study in any field, names that are not UTF-8, concurrent runs, edits that keep
size and modification time, and CJK words. Inputs in tests/data/attack-s9-index/."""
from __future__ import annotations

import json
import os
import shutil
import re
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kit.cli.discovery import index_command, search_command
from kit.discovery.index import index_path, update_index
from kit.discovery.index_names import IndexBusyError, index_lock
from kit.discovery.search import search
from kit.privacy import roster

DATA = Path(__file__).parent / "data" / "attack-s9-index"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def c09(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(DATA / "c09-repo", repo)
    return repo


def _every_value(path: Path) -> list[str]:
    """Every text cell of every table of the index file, FTS shadow tables included."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        values = []
        for table in tables:
            if table.endswith(("_data", "_idx", "_docsize", "_config")) or table == "meta":
                continue
            cursor = con.execute(f"SELECT * FROM {table}")
            keep = [not d[0].startswith("named_") for d in cursor.description]  # the --include-names copy
            for row in cursor:
                values += [v for v, k in zip(row, keep) if k and isinstance(v, str)]
        return values
    finally:
        con.close()


def _fts_terms(path: Path, table: str) -> set[str]:
    con = sqlite3.connect(path)
    try:
        con.execute(f"CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, {table}, row)")
        return {r[0] for r in con.execute("SELECT term FROM temp.v")}
    finally:
        con.close()


def test_no_name_or_email_of_any_study_in_any_field_of_the_index(c09):
    update_index(c09)
    path = index_path(c09)
    people = roster(sorted(p for p in c09.iterdir() if p.is_dir() and not p.name.startswith(".")))
    assert "Zebedee Farquharson" in people.names and "Oksana Petrenko" in people.names  # both rosters read
    cells = "\n".join(v for v in _every_value(path) if v)
    lowered = cells.casefold()
    for word in ("zebedee", "farquharson", "oksana", "petrenko", "quigley", "bartholomew", "@example.com",
                 "oksana.p"):
        assert word not in lowered, word
    for digits in ("7700", "900123"):  # the phone's digit groups, not digits inside a file's timestamp
        assert re.search(rf"(?<![0-9]){digits}(?![0-9])", lowered) is None, digits
    # what the text index holds (the tokens searched) has none of them either
    terms = _fts_terms(path, "docs_fts")
    for word in ("zebedee", "farquharson", "oksana", "oksana", "petrenko", "quigley", "example"):
        assert not any(t.startswith(word[:5]) for t in terms if word[:5] in ("zebed", "farqu", "oksan", "petre",
                                                                             "quigl")), word
    # the copy with names (--include-names) keeps them: unchanged
    con = sqlite3.connect(path)
    named = " ".join(r[0] for r in con.execute("SELECT named_text FROM docs"))
    con.close()
    assert "Zebedee Farquharson" in named and "Oksana Petrenko" in named
    assert "oksana.p@example.com" not in named  # contact details never stored


def test_a_search_for_a_name_finds_and_confirms_nothing(c09):
    for query in ("Zebedee", "oks*", "Farquharson", "Petrenko", "Quigley", "quig*"):
        hits = search(c09, query)
        assert hits.attrs["total"] == 0 and not len(hits), query
    text, code = search_command(c09, "Zebedee OR late")
    assert code == 0 and "Zebedee" not in text
    with_names = search(c09, "Zebedee", include_names=True)
    assert with_names.attrs["total"] == 2  # the --include-names copy still finds them


def test_filters_match_the_values_as_stored(c09):
    assert search(c09, "call", segment="oksana.p@example.com").attrs["total"] == 0  # the email confirms nothing
    stored = search(c09, "call", segment="[email]")
    assert stored.attrs["total"] == 1 and set(stored["segment"]) == {"[email]"}
    assert search(c09, "call", code="oksana-petrenko-complaint").attrs["total"] == 0
    coded = search(c09, "call", code="[name]-complaint")
    assert coded.attrs["total"] == 1 and coded["codes"].iloc[0] == "[name]-complaint"
    studies = set(search(c09, "invoices")["study"])
    assert studies == {"S1", "S2-[name]"}
    assert set(search(c09, "call")["sprint"]) == {"Sprint [name]"}


def test_a_roster_edit_rebuilds_the_index_with_the_new_names(c09):
    note = c09 / "S1" / "interviews" / "INT-001.md"  # P-001 consents to quoting: their quote is searched
    note.write_text(note.read_text().replace("## Insights", "- \"Quentin Blakemore sends the invoices.\" (0:40)\n\n"
                                             "## Insights"))
    update_index(c09)
    assert search(c09, "Blakemore").attrs["total"] == 1
    people = c09 / "S2-Zebedee" / "participants.csv"
    people.write_text(people.read_text() + "P-010,Quentin Blakemore,qb@example.com,agency,completed,2026-02-06,yes,yes\n")
    report = update_index(c09)
    assert report.rebuilt and "names" in report.reason
    assert search(c09, "Blakemore").attrs["total"] == 0  # a name now, in S1's text too


def _bytes_repo(tmp_path) -> Path:
    """A repository with a study folder and a transcript whose names are Latin-1 bytes."""
    repo = tmp_path / "repo"
    ok = repo / "ok"
    shutil.copytree(DATA / "c09-repo" / "S1", ok)
    os.mkdir(os.path.join(os.fsencode(repo), b"S\xe9tude"))
    bad = Path(os.fsdecode(os.path.join(os.fsencode(repo), b"S\xe9tude")))
    shutil.copytree(DATA / "c09-repo" / "S2-Zebedee", bad, dirs_exist_ok=True)
    (ok / "participants.csv").write_text((ok / "participants.csv").read_text()
                                         + "P-003,Dana Okafor,d@example.com,,x,completed,2026-01-07,yes,yes\n")
    name = os.path.join(os.fsencode(ok / "transcripts"), b"Dana Okaf\xf6r.txt")
    with open(name, "wb") as fh:
        fh.write(b"Interviewer: Tell me about the last time a client paid late?\nParticipant: It was late in May.\n")
    return repo


def test_names_that_are_not_utf8_are_indexed_escaped_and_redacted(tmp_path):
    repo = _bytes_repo(tmp_path)
    text, code = index_command(repo)
    assert code in (0, 1), text
    assert "S\\xe9tude" in text and "internal error" not in text
    cells = _every_value(index_path(repo))
    joined = "\n".join(cells)
    joined.encode("utf-8")  # everything stored is valid UTF-8
    assert "Okaf" not in joined  # the roster surname in Latin-1 bytes, redacted once decoded
    con = sqlite3.connect(index_path(repo))
    studies = {r[0]: json.loads(r[1]) for r in con.execute("SELECT study, problems FROM studies")}
    con.close()
    assert set(studies) == {"ok", "S\\xe9tude"}
    warned = [p for p in studies["ok"] + studies["S\\xe9tude"] if "not valid UTF-8" in p[2]]
    assert {p[0].rsplit("/", 1)[-1] for p in warned} == {"[name].txt", "S\\xe9tude"}
    hits = search(repo, "invoices")
    assert set(hits["study"]) == {"ok", "S\\xe9tude"}  # the rest indexed
    text, code = search_command(repo, "invoices")
    assert code == 0 and "S\\xe9tude" in text


def test_analyze_writes_a_name_that_is_not_utf8_escaped(tmp_path):
    from kit.analyze import analyze
    from kit.study import load_study

    repo = _bytes_repo(tmp_path)
    study = load_study(repo / "ok", strict=False)
    paths = analyze(study, tmp_path / "out", progress=False)
    turns = Path(paths["turns"]).read_text(encoding="utf-8")
    assert "Okaf" not in turns and "\n[name],2,participant" in turns


def test_a_second_index_run_waits_for_the_first_and_a_search_reads_the_last_index(c09, monkeypatch):
    update_index(c09)
    folder = index_path(c09).parent
    release = threading.Event()
    held = threading.Event()

    def hold():
        with index_lock(folder):
            held.set()
            release.wait(10)

    other = threading.Thread(target=hold)
    other.start()
    held.wait(5)
    try:
        note = c09 / "S1" / "interviews" / "INT-002.md"
        note.write_text(note.read_text() + "- \"concur marker\" (0:01)\n")
        started = time.monotonic()
        hits = search(c09, "invoices")  # does not wait: the last complete index
        assert hits.attrs["total"] >= 1 and time.monotonic() - started < 5
        with pytest.raises(IndexBusyError, match="another `interview-kit index` run"):
            update_index(c09, wait=0.3)
        import kit.discovery.index as kit_index

        monkeypatch.setattr(kit_index, "LOCK_WAIT", 0.3)
        text, code = index_command(c09)
        assert code == 2 and "another `interview-kit index` run" in text
        threading.Timer(0.5, release.set).start()
        report = update_index(c09, wait=10)  # waits, then updates
        assert report.indexed == ["S1"]
    finally:
        release.set()
        other.join()


@pytest.mark.slow
def test_concurrent_index_and_search_processes_never_crash(c09):
    subprocess.run([sys.executable, "-m", "kit", "index", str(c09)], check=True, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    for n, study in enumerate(("S1", "S2-Zebedee")):
        note = next((c09 / study / "interviews").glob("*.md"))
        note.write_text(note.read_text() + f"- \"concur{n} marker\" (0:01)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [subprocess.Popen([sys.executable, "-m", "kit", "index", str(c09)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env) for _ in range(3)]
    runs += [subprocess.Popen([sys.executable, "-m", "kit", "search", str(c09), "marker"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env) for _ in range(3)]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode in (0, 1), (out, err)
        assert b"internal error" not in err and b"locked" not in err + out


def test_an_edit_that_keeps_size_and_mtime_is_seen(c09):
    update_index(c09)
    note = c09 / "S1" / "interviews" / "INT-001.md"  # a team note: searched whoever consents (attacker s16 A2)
    before = note.stat()
    text = note.read_text()
    assert "colleague" in text
    note.write_text(text.replace("colleague", "zzzzzzzzz"))
    os.utime(note, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = note.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    report = update_index(c09)
    assert report.indexed == ["S1"]
    assert search(c09, "zzzzzzzzz").attrs["total"] == 1
    assert search(c09, "colleague").attrs["total"] == 0


def test_a_chinese_word_inside_a_sentence_is_found(c09):
    sheet = c09 / "S1" / "participants.csv"  # P-002 consenting: search withholds unconsented words (s13 A1)
    sheet.write_text(sheet.read_text().replace("yes,no", "yes,yes"))
    note = c09 / "S1" / "interviews" / "INT-002.md"
    note.write_text(note.read_text() + "- \"我每天都查看邮件和短信，然后付款。\" (0:30)\n")  # in its Key Quotes
    hits = search(c09, "邮件")
    assert hits.attrs["total"] == 1
    row = hits.iloc[0]
    assert row["text"] == "我每天都查看邮件和短信，然后付款。"  # shown as written
    assert "«邮" in row["snippet"] and "\u200b" not in row["snippet"]
    assert search(c09, "件和短").attrs["total"] == 1
    assert search(c09, "邮短").attrs["total"] == 0  # the characters in that order, side by side
    assert search(c09, "我每天都查看邮件和短信").attrs["total"] == 1  # a whole sentence still matches


def test_undecodable_names_and_cjk_runs_as_stored():
    from kit.discovery.index_names import cjk_plain, cjk_spaced, shown_name
    from kit.outputs import undecodable_shown
    from kit.privacy import Roster

    people = Roster(names=("Dana Okafor",), parts=("Dana", "Okafor"))
    latin1 = os.fsdecode(b"Okaf\xf6r.txt")
    assert undecodable_shown(latin1, people) == "[name].txt"  # decoded as check decodes: Okafor
    assert undecodable_shown(os.fsdecode(b"S\xe9tude"), people) == "S\\xe9tude"
    assert undecodable_shown(os.fsdecode(b"Okafor\xff"), people) == "[name]\\xff"
    assert shown_name("S2-Dana", people) == "S2-[name]" and shown_name("plain") == "plain"
    spaced = cjk_spaced("x邮件和 a 中 Le café")
    assert spaced == "x邮\u200b件\u200b和 a 中 Le café" and cjk_plain(spaced) == "x邮件和 a 中 Le café"
    assert cjk_spaced("ascii only") == "ascii only"
