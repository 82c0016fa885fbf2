"""Attack s8, fault 13: participants.csv ids differing only by case, a look-alike letter or a
zero-width space (``p-001``, Cyrillic ``Р-001``, ``P-00\\u200b4``) were accepted silently as
different people, while the consent rules (``kit.privacy``) read them as one. The attacker's
file is tests/data/attack-s8/participants-odd/participants.csv."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import write
from kit.study import load_study
from kit.study_check_ids import id_key, id_problems

DATA = Path(__file__).parent / "data" / "attack-s8" / "participants-odd"
HEADER = "id,name,email,segment,status,consent_record,consent_quote\n"


def _rows(*ids):
    return [{"id": pid, "_line": i + 2} for i, pid in enumerate(ids)]


def test_ids_one_person_written_differently_are_located():
    problems = id_problems("participants.csv", _rows("P-001", "p-001", "\u0420-001", "P-0\u200b01", "P-002"))
    assert [p.line for p in problems] == [3, 4, 5]
    assert all(p.level == "error" and "line 2" in p.message for p in problems)
    assert "U+0420" in problems[1].message and "U+200B" in problems[2].message


def test_invisible_or_look_alike_id_without_twin():
    problems = id_problems("participants.csv", _rows("P-001", "P-00\u200b4", "\u0420-009"))
    assert [(p.line, p.level) for p in problems] == [(3, "error"), (4, "error")]
    assert "U+200B (invisible)" in problems[0].message and "look-alike of the letter P" in problems[1].message


def test_plain_and_exactly_repeated_ids_are_left_alone():
    # exact repeats are the loader's "duplicate participant id" (reported once, not twice)
    assert id_problems("participants.csv", _rows("P-001", "P-002", "P-001", "Ü-3", "p-10")) == []


def test_key_matches_the_consent_rules():
    from kit.privacy import _id_key

    for pid in ("p-001", "\u0420-001", "P-0\u200b01", " P-001 "):
        assert id_key(pid) == _id_key(pid) == _id_key("P-001")


def test_the_attackers_participants_file(tmp_path):
    study = tmp_path / "s"
    shutil.copytree(Path(__file__).parent / "data" / "attack-s8" / "repo-priv" / "s1", study)
    shutil.copy(DATA / "participants.csv", study / "participants.csv")
    problems = [p for p in load_study(study, strict=False).problems if p.path.endswith("participants.csv")]
    by_line = {p.line: p.message for p in problems}
    assert "written differently" in by_line[7]  # p-001
    assert "duplicate participant id" in by_line[8]  # " P-001 " (caught before too)
    assert "written differently" in by_line[9] and "U+0420" in by_line[9]  # Cyrillic Р-001
    assert "U+200B" in by_line[10]  # P-00\u200b4


def test_check_reports_them(tmp_path, capsys):
    from kit.cli import main

    study = tmp_path / "s"
    shutil.copytree(Path(__file__).parent / "data" / "attack-s8" / "repo-priv" / "s1", study)
    write(study / "participants.csv", HEADER + "P-001,Jo Park,jo@example.com,new,completed,yes,yes\n"
          "p-001,Lee Grant,lee@example.com,new,invited,no,no\n")
    code = main(["check", str(study)])
    out = capsys.readouterr()
    assert code != 0
    assert "participants.csv:3:" in out.out + out.err and "written differently" in out.out + out.err
