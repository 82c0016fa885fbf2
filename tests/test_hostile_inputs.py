"""Regression tests for faults a black-box tester found (one test or more per fault, named
after it). Each builds its own hostile input from the bundled pilot or a few lines written
here; only the theme-discovery ones (several seconds each) are in the slow tier."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from kit.cli import main
from kit.paths import PACKAGE_DIR, pilot_path

from conftest import tree_snapshot, write

PHRASE = "purple elephants dance quietly beneath crooked lanterns at midnight"
ZOE = "P-031,Zoë Ångström,zoe.angstrom@example.org,agency,east,1,email,completed,2026-10-01,2026-10-05,2026-10-05,yes,no\n"
JOSE = ("P-030,José Müller-García,jose.muller@example.com,freelancer,west,1,email,completed,2026-10-01,"
        "2026-10-05,2026-10-05,yes,yes\n")


@pytest.fixture
def pilot_copy(tmp_path) -> Path:
    root = tmp_path / "S"
    shutil.copytree(pilot_path(), root)
    return root


@pytest.fixture
def hostile(pilot_copy) -> Path:
    """The pilot plus José (consents) whose note's insight repeats what Zoë (no consent to
    quote) said, verbatim, and names him in several spellings."""
    with open(pilot_copy / "participants.csv", "a", encoding="utf-8") as fh:
        fh.write(JOSE + ZOE)
    write(pilot_copy / "interviews" / "INT-030.md", f"""
        ---
        id: INT-030
        date: 2026-10-05
        participant: P-030
        interviewer: Maya Chen
        ---

        ## Key Quotes
        - "My name is jose muller, invoices from jose mueller keep bouncing" (0:10)

        ## Insights
        - Jose said Zoe told him: {PHRASE}.
    """)
    write(pilot_copy / "interviews" / "INT-031.md", f"""
        ---
        id: INT-031
        date: 2026-10-05
        participant: P-031
        interviewer: Maya Chen
        ---

        ## Key Quotes
        - "{PHRASE.capitalize()}, every single invoice." (0:10)
    """)
    write(pilot_copy / "transcripts" / "INT-031.txt", f"""
        Maya Chen: Tell me about the last time a client paid late.
        Zoë Ångström: {PHRASE.capitalize()}, every single invoice.
    """)
    return pilot_copy


# -- nonconsent-words-in-theme-examples ---------------------------------------------------
def test_a_note_repeating_unconsented_words_holds_their_words(hostile, tmp_path):
    from kit.outputs import PUBLISHED, Outputs
    from kit.privacy import WITHHELD_MARK, find_leaks, roster, unquotable

    words = unquotable(hostile)
    insight = f"Jose said Zoe told him: {PHRASE}."
    assert words.holds(insight)  # the team's note does not make their words common
    published = Outputs(None, hostile, PUBLISHED).clean(insight)
    assert WITHHELD_MARK in published and "crooked lanterns" not in published
    out = tmp_path / "R"
    write(out / "tables" / "suggested_theme_examples.csv", f"theme,text\nT1,{PHRASE}\n")
    assert find_leaks(out, roster(hostile), words=words) == ["tables/suggested_theme_examples.csv"]


def test_a_phrase_another_participant_said_stays_common(hostile):
    from kit.privacy import unquotable

    with open(hostile / "transcripts" / "INT-031.txt", "a", encoding="utf-8") as fh:
        fh.write("Zoë Ångström: I just send a reminder every single week.\n")
    assert unquotable(hostile).holds("send a reminder every single week")  # only she said it
    write(hostile / "transcripts" / "INT-030.txt", """
        Maya Chen: Tell me about the last time.
        José Müller-García: I send a reminder every single week, like everyone.
    """)
    assert not unquotable(hostile).holds("a reminder every single week")


@pytest.mark.slow
def test_theme_examples_never_repeat_unconsented_words(hostile, tmp_path):
    from kit.privacy import unquotable
    from kit.theme_discovery import discover_themes, write_suggestions

    result = discover_themes(hostile)
    assert not result.examples["text"].str.contains("crooked lanterns", case=False).any()
    paths = write_suggestions(result, tmp_path / "T")
    words = unquotable(hostile)
    # single words and word pairs may be a theme's terms; no run of five of her words is
    assert [name for name, path in paths.items() if words.holds(path.read_text(encoding="utf-8"))] == []
    text = "".join(p.read_text(encoding="utf-8").lower() for p in paths.values())
    # names-in-suggested-codebook: no roster name, in any spelling, in any table it writes
    for name in ("jose", "muller", "mueller", "garcia"):
        assert name not in text


# -- names-in-suggested-codebook ------------------------------------------------------------
def test_roster_names_in_every_spelling_are_stop_words(hostile):
    from kit.study import load_study
    from kit.theme_discovery import _stop_words

    stop = _stop_words(load_study(hostile))
    assert {"jose", "josé", "muller", "müller", "mueller", "garcia", "zoe", "angstrom"} <= stop


def test_the_leak_scan_reads_term_lists(hostile, tmp_path):
    from kit.privacy import find_leaks, roster

    people = roster(hostile)
    out = tmp_path / "R"
    write(out / "tables" / "suggested_theme_terms.csv", "theme,rank,term,feature,ctfidf\nT1,1,jose muller,jos mull,0.2\n")
    write(out / "tables" / "suggested_codebook.yml", "codes:\n  - name: suggested-x\n    keywords: [invoice, mueller]\n")
    write(out / "tables" / "fine.csv", "theme,rank,term\nT1,1,invoice\n")
    write(out / "tables" / "fine.yml", "codes:\n  - name: x\n    keywords: [invoice, reminder]\n")
    assert find_leaks(out, people) == ["tables/suggested_codebook.yml", "tables/suggested_theme_terms.csv"]


# -- transliterated names ("mueller" for Müller) --------------------------------------------
def test_transliterated_names_are_redacted_and_found():
    from kit.privacy import Roster, redact

    people = Roster(names=("José Müller-García", "Heinz Strauß"), parts=("José", "Müller-García", "Müller", "García",
                                                                        "Heinz", "Strauß"))
    assert redact("ask jose mueller or Mr Mueller, or Strauss", people) == "ask [name] or Mr [name], or [name]"
    assert redact("a muller and a mueller", people) == "a [name] and a [name]"
    secrets = people.secret_matcher
    assert list(secrets.find("from jose mueller-garcia")) and list(secrets.find("heinz strauss"))
    assert not list(secrets.find("we use a mill"))


# -- analyze-into-published-report -----------------------------------------------------------
def test_analyze_refuses_a_published_run_report(pilot_copy, tmp_path, capsys):
    from kit.safety import mark_output, output_kind

    report = tmp_path / "R"
    write(report / "index.html", "<p>report</p>")
    mark_output(report, kind="run")
    before = tree_snapshot(report)
    for force in ([], ["--force"]):
        assert main(["analyze", str(pilot_copy), "--out", str(report), "--quiet"] + force) == 2
        assert "interview-kit run" in capsys.readouterr().err
    assert tree_snapshot(report) == before
    # an older kit's marker without a kind, beside index.html, is a run report too
    (report / ".interview-kit-output").write_text("written by interview-kit\n", encoding="utf-8")
    assert output_kind(report) == "run"
    assert main(["analyze", str(pilot_copy), "--out", str(report), "--quiet"]) == 2
    # analyze replaces its own output; themes may not write into it
    tables = tmp_path / "A"
    assert main(["analyze", str(pilot_copy), "--out", str(tables), "--quiet"]) == 0
    assert output_kind(tables) == "analyze"
    assert main(["analyze", str(pilot_copy), "--out", str(tables), "--quiet"]) == 0
    assert main(["themes", str(pilot_copy), "--out", str(tables)]) == 2


# -- qdpx-filename-name-leak ------------------------------------------------------------------
def test_export_redacts_names_taken_from_file_names(pilot_copy, tmp_path):
    with open(pilot_copy / "participants.csv", "a", encoding="utf-8") as fh:
        fh.write(ZOE)
    write(pilot_copy / "transcripts" / "zoe_angstrom.txt",
          "Interviewer: hi\nSPEAKER_01: tangerine submarines whistle loudly over frozen harbours again\n")
    target = tmp_path / "e.qdpx"
    assert main(["export", str(pilot_copy), "--qdpx", str(target)]) == 0
    with zipfile.ZipFile(target) as archive:
        project = archive.read("project.qde").decode("utf-8").lower()
    assert "zoe" not in project and "angstrom" not in project
    assert 'name="[name]"' in project


# -- export-overwrites-file, export-qdc-overwrites-file ---------------------------------------------
@pytest.mark.parametrize("option", ["--qdpx", "--qdc"])
def test_export_refuses_a_file_it_did_not_write(pilot_copy, tmp_path, capsys, option):
    precious = tmp_path / "mine" / "precious.txt"
    write(precious, "my precious notes\n")
    assert main(["export", str(pilot_copy), option, str(precious)]) == 2
    assert "--force" in capsys.readouterr().err
    assert precious.read_text(encoding="utf-8") == "my precious notes\n"
    assert main(["export", str(pilot_copy), option, str(precious), "--force"]) == 0
    assert precious.read_text(encoding="utf-8", errors="replace") != "my precious notes\n"


def test_export_replaces_its_own_files(pilot_copy, tmp_path):
    qdpx, qdc = tmp_path / "e.qdpx", tmp_path / "e.qdc"
    for _ in range(2):
        assert main(["export", str(pilot_copy), "--qdpx", str(qdpx), "--qdc", str(qdc)]) == 0
    assert zipfile.is_zipfile(qdpx)


# -- themes-lab-into-package, themes-lab-nonempty-folder, themes-out-file-exit4 --------------------
@pytest.mark.parametrize("command", ["themes", "lab"])
def test_themes_and_lab_refuse_unsafe_targets(pilot_copy, tmp_path, capsys, command):
    extra = ["--dry-run", "--no-browser"] if command == "lab" else []
    mine = tmp_path / "mine"
    write(mine / "precious.txt", "keep\n")
    afile = write(tmp_path / "afile.txt", "keep\n")
    package = tree_snapshot(PACKAGE_DIR)
    for target in (PACKAGE_DIR / "t", mine, afile):
        assert main([command, str(pilot_copy), "--out", str(target)] + extra) == 2
        assert "refused" in capsys.readouterr().err
    assert tree_snapshot(PACKAGE_DIR) == package
    assert sorted(p.name for p in mine.iterdir()) == ["precious.txt"]
    assert afile.read_text(encoding="utf-8") == "keep\n"


# -- bigint-study-exit4, csv-huge-field-exit4, new-dangling-symlink-exit4 -----------------------
def test_a_huge_integer_is_a_located_problem(pilot_copy, capsys):
    text = (pilot_copy / "study.yml").read_text(encoding="utf-8")
    (pilot_copy / "study.yml").write_text(text + "target_interviews: " + "9" * 5000 + "\n", encoding="utf-8")
    line = text.count("\n") + 1
    assert main(["check", str(pilot_copy)]) == 1
    out = capsys.readouterr().out
    assert f"study.yml:{line}: invalid YAML" in out and "5,000 digits" in out


@pytest.mark.slow  # `check` of the pilot with a 300,000-character field: over 2 s (tests/README.md)
def test_a_field_over_the_csv_module_limit_is_read(pilot_copy, capsys):
    with open(pilot_copy / "participants.csv", "a", encoding="utf-8") as fh:
        fh.write("P-099," + "x" * 300_000 + ",x@example.com,trades,south,1,email,completed,"
                 "2026-10-01,2026-10-05,2026-10-05,yes,yes\n")
    assert main(["check", str(pilot_copy)]) in (0, 1)
    from kit.csvio import read_rows

    rows, _, problems = read_rows(pilot_copy / "participants.csv")
    assert rows[-1]["id"] == "P-099" and len(rows[-1]["name"]) == 300_000


def test_a_field_beyond_the_kit_limit_is_reported_at_its_line():
    import csv
    import sys

    from kit.csvio import MAX_FIELD_CHARS, _records

    csv.field_size_limit(sys.maxsize)  # as scipy.io.arff leaves it: the kit's own limit still applies
    problems = []
    text = 'a,b\n1,"' + "x" * (MAX_FIELD_CHARS + 10) + "\n2,3\n"
    assert [line for line, _ in _records(text, ",", "f.csv", problems)] == [1, 3]
    assert [(p.line, p.is_error) for p in problems] == [(2, True)]


def test_new_refuses_a_dangling_symlink(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "S2").mkdir()
    (tmp_path / "dangnew").symlink_to("S2/newstudy")
    assert main(["new", "dangnew"]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["S2", "dangnew"]
    assert not any((tmp_path / "S2").iterdir())


# -- srt-broken-timing-silent, vtt-huge-hours-silent ----------------------------------------------
def test_unreadable_srt_timing_and_number_lines_are_reported():
    from kit.transcripts import parse_turns

    text = ("1\n00:00:01,000 --> 00:00:02,000\nAlice: one\n\nx\n-->\nBob: two\n\n7\nx -->\nAlice: three\n\n"
            "3\n00:00:05,000 --> 00:00:06,000\n\n\nBob: four after blanks\n")
    turns, fmt, problems = parse_turns(text, "t.srt")
    assert fmt == "srt"
    assert turns["text"] == ["one", "two", "three", "four after blanks"]
    assert turns["start"][0] == 1.0 and turns["start"][3] == 5.0
    assert all(t != t for t in turns["start"][1:3])  # NaN: no times inherited
    assert sorted(p.line for p in problems) == [5, 6, 10]


def test_impossible_hours_are_a_warning_and_no_time():
    from kit.transcripts import MAX_SECONDS, parse_time, parse_turns

    with pytest.raises(ValueError):
        parse_time("99999999999999999999:00:00.000")
    assert parse_time(f"{MAX_SECONDS // 3600}:00:00.000") == MAX_SECONDS
    text = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAlice: first\n\n"
            "2\n99999999999999999999:00:00.000 --> 99999999999999999999:00:01.000\nBob: huge\n")
    turns, _, problems = parse_turns(text, "t.vtt")
    assert turns["text"] == ["first", "huge"] and turns["start"][1] != turns["start"][1]
    assert [(p.line, p.level) for p in problems] == [(8, "warning")]


# -- lint-guide reads YAML as check does -----------------------------------------------------
def test_lint_guide_refuses_aliases_like_check(tmp_path, capsys):
    guide = write(tmp_path / "guide.yml", """
        format: micro
        questions:
          - &a "Tell me about the last time you sent an invoice."
          - *a
    """)
    assert main(["lint-guide", str(guide)]) == 2
    assert f"{guide}:4: YAML alias" in capsys.readouterr().err


def test_no_module_reads_yaml_around_the_bounded_loader():
    offenders = [str(p.relative_to(PACKAGE_DIR)) for p in PACKAGE_DIR.rglob("*.py")
                 if p.name != "yamlio.py" and any(call in p.read_text(encoding="utf-8")
                                                  for call in ("yaml.safe_load(", "yaml.load(", "yaml.full_load("))]
    assert offenders == []
