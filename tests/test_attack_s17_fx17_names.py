"""Attacker s16 A12 (remainder): a coder or code named by a participant's name, email or phone.

``check`` warns at the row of each such coder id, never printing it; ``kit.qdpx.import_qdpx``
hands back no contact detail in any field (coder, code, memo, source name), with or without a
study, and with a study a coder or code named after a participant is ``coder-N``/``code-N``,
reported at its line."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "attack-s16"
SECRETS = ("Siobh", "Quigley", "siobhan", "example.com", "7700", "Zebedee", "Marchetti", "zeb@", "900123")


@pytest.fixture
def study(tmp_path):
    root = tmp_path / "S1"
    shutil.copytree(DATA / "cd-S1", root)
    (root / "codings").mkdir()
    for path in (DATA / "codings_leak").glob("*.csv"):
        shutil.copy(path, root / "codings" / path.name)
    return root


def _no_secret(text: str) -> bool:
    return not any(s.casefold() in str(text).casefold() for s in SECRETS)


def test_check_warns_at_each_coder_named_after_a_participant_and_prints_none(study, capsys):
    from kit.cli import main

    main(["check", str(study)])
    out = capsys.readouterr()
    text = out.out + out.err
    lines = [line for line in text.splitlines() if "coder id of this row" in line]
    assert len(lines) == 2
    assert any(line.split(": warning")[0].endswith("bob.csv:2") for line in lines)
    assert any(line.split(": warning")[0].endswith(".csv:2") and "bob.csv" not in line for line in lines)
    assert _no_secret(text)


def _project(tmp_path, name: str, replace: dict) -> Path:
    """names_in.qdpx with strings of its project.qde replaced."""
    source = zipfile.ZipFile(DATA / "names_in.qdpx")
    qde = source.read("project.qde").decode("utf-8")
    for old, new in replace.items():
        assert old in qde
        qde = qde.replace(old, new)
    out = tmp_path / name
    with zipfile.ZipFile(out, "w") as z:
        for member in source.namelist():
            z.writestr(member, qde if member == "project.qde" else source.read(member))
    return out


CONTACTS = {
    '<Description>[name] called [email]</Description>':
        '<Description>rang zeb@marchetti.it on +44 7700 900123</Description>',
    'name="pain-point"': 'name="ask siobhan.quigley@example.com"',
    'name="INT-002"': 'name="INT-002 +44 7700 900123"',
}


@pytest.mark.parametrize("with_study", [False, True])
def test_import_hands_back_no_contact_detail_in_any_field(tmp_path, study, with_study):
    from kit.qdpx import import_qdpx

    path = _project(tmp_path, "contacts.qdpx", CONTACTS)
    frame, problems = import_qdpx(path, study=study if with_study else None)
    assert len(frame) == 2
    for column in ("coder", "code", "memo", "source"):
        for value in frame[column]:
            assert "@" not in str(value) and "7700" not in str(value), (column, value)
    assert set(frame["coder"]) == {"coder-1"}
    assert "code-1" in set(frame["code"])  # the code named by an email, first in the codebook
    assert "[email]" in frame["memo"].iloc[0] and "[phone]" in frame["memo"].iloc[0]
    warned = {p.line for p in problems if p.level == "warning" and "name, email or phone" in p.message}
    assert {4, 8} <= warned  # the <User>, the <Code>
    assert any("memo of this selection" in p.message for p in problems)
    assert all(_no_secret(p.message) for p in problems)


def test_a_source_named_with_a_phone_is_imported_redacted_at_its_line(tmp_path):
    from kit.qdpx import import_qdpx

    path = _project(tmp_path, "source.qdpx", {
        'name="INT-001" plainTextPath': 'name="call 07700 900456" plainTextPath'})
    frame, problems = import_qdpx(path)
    assert "call [phone]" in set(frame["source"]) and not frame["source"].str.contains("900456").any()
    assert [p.line for p in problems if "name of this source" in p.message] == [46]


def test_a_code_named_after_a_participant_is_pseudonymised_with_a_study_only(study):
    from kit.qdpx import import_qdpx

    alone, _ = import_qdpx(DATA / "names_in.qdpx")
    assert "Zebedee Marchetti" in set(alone["code"])  # without a roster, a name cannot be told from a word
    frame, problems = import_qdpx(DATA / "names_in.qdpx", study=study)
    assert set(frame["code"]) == {"pain-point", "code-3"}
    assert set(frame["coder"]) == {"coder-1"}
    assert [p.line for p in problems if "<Code>" in p.message] == [14]
    assert all(_no_secret(p.message) for p in problems)
    assert all(_no_secret(v) for column in ("code", "coder", "memo", "source") for v in frame[column])


def test_a_code_of_an_ordinary_name_is_kept(study):
    from kit.qdpx import import_qdc, import_qdpx

    frame, problems = import_qdpx(DATA / "names_in.qdpx", study=study)
    assert "pain-point" in set(frame["code"])
    book, _ = import_qdc(DATA / "names_in.qdpx")
    assert {"pain-point", "workaround"} <= set(book.names)
