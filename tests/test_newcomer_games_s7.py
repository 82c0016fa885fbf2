"""A newcomer's study of a mobile game's players (tests/data/newcomer-games/study, written by a
tester who never saw the code): teenagers interviewed with a parent on the call, the parent's
name in a ``parent_name`` column and sharing the child's surname.

Faults it found, fixed by kind: a speaker label sharing only the surname ("Maria Dela Cruz"
beside the participant Jasmine Dela Cruz, "Dana Brooks" beside Tyler Brooks) was taken to be
the participant, so a parent's words counted as the child's; a label read from an Otter line
("Mom  0:21") or after a chat log's clock ("[19:02] ana.r:") was warned about without its
line; the parent's first name reached the tables."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from kit.cli import main

STUDY = Path(__file__).parent / "data" / "newcomer-games" / "study"


@pytest.fixture
def study(tmp_path):
    return Path(shutil.copytree(STUDY, tmp_path / "study"))


def test_a_parent_sharing_the_surname_is_not_the_participant(study, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["analyze", str(study), "--out", str(out), "--quiet"]) == 0
    main(["check", str(study)])
    printed = capsys.readouterr()
    err = printed.out + printed.err
    with open(out / "turns.csv", encoding="utf-8") as f:
        turns = list(csv.DictReader(f))
    by_id = {(t["interview_id"], t["turn"]): t for t in turns}
    # the parents' turns (INT-002 turn 3, INT-006 turn 3) belong to no participant
    assert by_id[("INT-002", "3")]["speaker"] != "P-002" and by_id[("INT-006", "3")]["speaker"] != "P-006"
    assert by_id[("INT-002", "2")]["speaker"] == "P-002" and by_id[("INT-006", "2")]["speaker"] == "P-006"
    # each is a warning at the parent's first line
    warned = [line for line in err.splitlines() if "is neither the team nor the participant" in line]
    assert sorted(line.split(".txt:")[1].split(":")[0] for line in warned) == ["7", "7"]
    written = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    for word in ("Dana", "Maria", "Brooks", "Dela Cruz", "dana.brooks", "0917"):
        assert word not in written, word


def test_an_otter_label_is_warned_at_its_line(study, capsys):
    otter = study / "transcripts" / "Jasmine call otter.txt"
    otter.write_text(otter.read_text(encoding="utf-8").replace("Maria Dela Cruz  0:21", "Mom  0:21"),
                     encoding="utf-8")
    main(["check", str(study)])
    err = capsys.readouterr()
    lines = [line for line in (err.out + err.err).splitlines() if "speaker 'Mom'" in line or "speaker '" in line
             and "call otter.txt:" in line and "neither" in line]
    assert lines and all("call otter.txt:7:" in line for line in lines)


def test_a_chat_log_label_is_found_after_its_clock(tmp_path):
    from kit.speaker_lines import first_lines_of

    log = tmp_path / "log.txt"
    log.write_text("[19:02] bot: Recording started\n[19:02] ana.r: hey\n[7:03 PM] xXpuzzlerXx: ok so\n",
                   encoding="utf-8")
    assert first_lines_of(log, ["ana.r", "xXpuzzlerXx", "nobody"]) == {"ana.r": 2, "xXpuzzlerXx": 3, "nobody": 0}


@pytest.mark.parametrize("label, named", [("Dana", True), ("Dana O.", True), ("Okafor", True), ("Mrs Okafor", True),
                                          ("D. Okafor", True), ("dana okafor", True), ("Maria Okafor", False),
                                          ("Mom", False), ("M. Okafor", False)])
def test_which_labels_name_the_participant(label, named):
    from kit.speaker_roles import _is_named

    assert _is_named(label, "Dana Okafor") is named


def test_keywords_by_language_inside_the_list_get_the_mapping_as_the_fix(study, capsys):
    codebook = study / "codebook.yml"
    text = codebook.read_text(encoding="utf-8")
    written = 'keywords: {en: [stuck, "too hard", "can\'t pass", hardstuck], pt: [preso, travado]}'
    assert written in text
    codebook.write_text(text.replace(written, 'keywords: [stuck, hardstuck, {pt: [preso, travado], tl: [natigil]}]'),
                        encoding="utf-8")
    assert main(["check", str(study)]) != 0
    printed = capsys.readouterr()
    line = next(x for x in (printed.out + printed.err).splitlines() if "codebook.yml:4:" in x)
    assert "keywords: {en: [...], pt: [...], tl: [...]}" in line and "quote the item" not in line


def test_a_codebook_syntax_error_does_not_hide_its_other_problems(tmp_path):
    """As in notes and study.yml (load_yaml_around_errors): a tab-indented line is an error at
    its line, no code is applied, and the rest of the codebook is still checked."""
    from kit.codebook import load_codebook

    path = tmp_path / "codebook.yml"
    path.write_text("codes:\n  - name: stuck\n    definition: Cannot pass a level.\n\tkeywords: [stuck]\n"
                    "  - name: spend\n    definition: Spending.\n    keywords: [pay, {pt: [pagar]}]\n"
                    "  - name: stuck\n    definition: again\n", encoding="utf-8")
    codebook, problems = load_codebook(path)
    assert codebook.codes == []
    assert [(p.line, p.message.split(":")[0]) for p in problems][:1] == [(4, "invalid YAML")]
    assert sorted(p.line for p in problems) == [4, 7, 8]
