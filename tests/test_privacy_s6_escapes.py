"""A printed problem quotes a value with ``repr`` (``unknown code 'Jo\\u200bsé'``): the escape
of an invisible character glued onto the name (``u200bsé``) and hid it from redaction, so
``check`` printed roster names that analyze's tables redacted. Every printed line is now
redacted first and escaped after (``kit.outputs.Outputs.clean``); each command that prints
problems is run here on a study whose roster holds ``José Ñúñez``, with the name written
with a zero-width space and joiner, a soft hyphen, bidi marks and a no-break space."""
from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import PARTICIPANTS, write
from kit.cli import main
from kit.errors import Problem
from kit.outputs import Outputs, _escaped, _unescaped
from kit.privacy import Roster, _name_parts

NAME = "José Ñúñez"
# the attacker's codes: the name with invisible characters, as written in a codings file
WRITTEN = ["zw Jo\u200bsé Ñú\u200dñez", "soft Jo\u00adsé", "rtl \u202eJosé\u202c", "nbsp José\u00a0Ñúñez"]
PEOPLE = Roster(names=(NAME,), parts=tuple(_name_parts([NAME])), emails=())


def _seen(text: str) -> str:
    """What a reader makes of printed text: escapes read as their characters, invisible
    characters gone, in lower case without accents (an independent reading, not the kit's)."""
    text = re.sub(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})",
                  lambda m: chr(int(m.group(1)[1:], 16)), text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf").replace("\u00a0", " ")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower()


def _no_name(text: str) -> None:
    seen = _seen(text)
    assert "jose" not in seen and "nunez" not in seen, text


@pytest.fixture
def named_study(study_dir):
    """The conftest study with P-1 named José Ñúñez and a coder's file of four codes, each
    the name written with invisible characters (four errors: unknown codes)."""
    write(study_dir / "participants.csv", PARTICIPANTS.replace("Jo Park", NAME))
    rows = "".join(f"INT-001#t2,{code},ana,\n" for code in WRITTEN)
    (study_dir / "codings" / "eve.csv").write_text("segment,code,coder,memo\n" + rows, encoding="utf-8")
    return study_dir


def _four_unknown_codes(text: str) -> None:
    lines = [line for line in text.splitlines() if "unknown code" in line]
    assert sorted(int(line.split("eve.csv:")[1].split(":")[0]) for line in lines) == [2, 3, 4, 5]  # none lost
    assert all("[name]" in line and "--include-names shows the names" in line for line in lines)
    _no_name(text)


def test_the_escape_of_an_invisible_character_no_longer_hides_a_name():
    say = Outputs(None, None, people=PEOPLE)
    for code in WRITTEN:
        line = say.problem(Problem("codings/eve.csv", 2, f"unknown code {code!r}: not in codebook.yml"))
        _no_name(line)
        assert "[name]" in line and line.endswith("(--include-names shows the names)")
    # the invisible characters outside the name are still shown escaped
    shown = say.clean(repr("rtl \u202eJosé\u202c"))
    assert shown == "'rtl \\u202e[name]\\u202c'"


def test_with_include_names_the_line_is_printed_as_repr_wrote_it():
    say = Outputs(None, None, people=PEOPLE, include_names=True)
    for code in WRITTEN:
        message = f"unknown code {code!r}: not in codebook.yml"
        assert say.clean(message) == message


@pytest.mark.parametrize("text", [
    "a literal \\\\u200b stays a backslash and letters", "C:\\x41 and \\u0041 (printable ASCII) stay",
    "two lines\nand a written \\n", "\\ud83d\\ude00 surrogates stay", "tab\\tand \\xe9 \\U0001f600 done"])
def test_reading_escapes_back_and_writing_them_again_gives_the_text(text):
    back, forms = _unescaped(text)
    assert _escaped(back, forms) == text


def test_escapes_are_read_as_their_characters():
    back, forms = _unescaped("Jo\\u200bsé \\xa0 \\\\xad \\t")
    assert back == "Jo\u200bsé \u00a0 \\\\xad \t"
    assert forms == {"\u200b": "\\u200b", "\u00a0": "\\xa0", "\t": "\\t"}


def test_check(named_study, capsys):
    assert main(["check", str(named_study)]) == 1
    out = capsys.readouterr().out
    _four_unknown_codes(out)


@pytest.mark.slow  # a second run of check (1-2 s)
def test_check_with_include_names_prints_them_escaped_as_before(named_study, capsys):
    assert main(["check", str(named_study), "--include-names"]) == 1
    shown = capsys.readouterr().out
    assert all(repr(code) in shown for code in WRITTEN)  # asked for: the names, escaped as before


def test_analyze(named_study, tmp_path, capsys):
    assert main(["analyze", str(named_study), "--out", str(tmp_path / "out"), "--quiet"]) != 0
    _four_unknown_codes(capsys.readouterr().err)


def test_export(named_study, tmp_path, capsys):
    assert main(["export", str(named_study), "--qdpx", str(tmp_path / "study.qdpx")]) != 0
    captured = capsys.readouterr()
    _four_unknown_codes(captured.err + captured.out)


def test_run_stops_on_the_study_errors(named_study, tmp_path, capsys):
    assert main(["run", str(named_study), "--out", str(tmp_path / "report"), "--quiet"]) != 0
    _four_unknown_codes(capsys.readouterr().err)
    assert not (tmp_path / "report").exists()


def test_index(named_study, tmp_path, capsys):
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(named_study, repo / "onboarding")
    main(["index", str(repo)])
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert len([line for line in text.splitlines() if "unknown code" in line]) == 4
    _no_name(text)
    # the problems kept in the (pseudonymised) index hold no name either
    import json
    import sqlite3

    with sqlite3.connect(repo / ".interview-kit" / "index.sqlite") as con:
        kept = [m for (stored,) in con.execute("SELECT problems FROM studies") for _, _, m, _ in json.loads(stored)]
    assert len([m for m in kept if m.startswith("unknown code '")]) == 4
    _no_name("\n".join(kept))


def test_lint_guide(named_study, capsys):
    guide = write(named_study / "guide.yml", """
        format: micro
        questions:
          - text: Tell me about the last time you set up a project.
            kind: opener
          - text: What happened next?
            kind: "Jo\u200bsé Ñú\u200dñez"
          - text: What did you do then?
            kind: "José\u00a0Ñúñez"
    """)
    main(["lint-guide", str(guide)])
    captured = capsys.readouterr()
    text = captured.out + captured.err
    kinds = [line for line in text.splitlines() if "question kind must be one of" in line]
    assert len(kinds) == 2 and all("(not '[name]')" in line for line in kinds)
    _no_name(text)


def test_review(named_study, capsys):
    vtt = write(named_study / "transcripts" / "INT-009.vtt", """
        WEBVTT

        00:00:01.000 --> 00:00:04.000
        <v Ana Silva>Tell me about the last time you set up a project.

        00:00:05.000 --> 00:00:09.000 Jo\u200bsé Ñú\u200dñez
        <v Jo>I copied last year's spreadsheet.

        00:00:10.000 --> 00:00:12.000
        <v Ana Silva>What happened next?

        00:00:13.000 --> 00:00:16.000
        <v Jo>I texted everyone the link.
    """)
    assert main(["review", str(vtt), "--interviewer", "Ana Silva"]) == 0
    _no_name(capsys.readouterr().out)
    assert main(["review", str(vtt), "--interviewer", "Jo\u200bsé Ñú\u200dñez"]) == 2
    text = capsys.readouterr()
    assert "[name]" in text.out + text.err
    _no_name(text.out + text.err)


@pytest.mark.parametrize("text, shown", [
    ("call 020\u200b7946\u200b0958 today", "call [phone] today"),
    ("mail bob\u200b@example.org", "mail [email]"),
    ("mail jor\u00addan@exam\u200dple.com", "mail [email]"),
    (repr("020\u20607946\u20600958"), "'[phone]'"),
    ("a date 2026\u200b-01-05 \u202estays\u202c", "a date 2026\u200b-01-05 \u202estays\u202c"),
])
def test_invisible_characters_do_not_hide_a_phone_or_an_email(text, shown):
    assert Outputs(None, None, people=PEOPLE).clean(text) == shown
    assert Outputs(None, None, people=PEOPLE, include_names=True).clean(text) == shown  # contacts always go


@pytest.mark.parametrize("name, content", [("josé_ñúñez_guide.yml", "format: micro\nquestions: [\n"),
                                           ("Jo\u200bsé Ñúñez.yml", None)], ids=["invalid-yaml", "missing"])
def test_lint_guide_of_an_unreadable_guide_named_after_a_participant(named_study, capsys, name, content):
    guide = named_study / name
    if content is not None:
        guide.write_text(content, encoding="utf-8")
    assert main(["lint-guide", str(guide)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("interview-kit lint-guide: ") and "[name]" in err
    _no_name(err)
