"""Session 12, newcomer F13/F19: a file that is not UTF-8 is read in the Windows code page its
letters read best in (kit.codepages), decided for the whole file, and the warning names it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.codepages import code_page
from kit.csvio import decode_text, read_rows
from kit.privacy import Roster, redact
from kit.transcripts import read_transcript

DATA = Path(__file__).parent / "data" / "newcomer-bike"

POLISH = ("Marek Nowak: Proszę opowiedzieć, kiedy nie mogła Pani oddać roweru.\n"
          "Łucja Kowalska: W poniedziałek rano. Stacja przy dworcu była pełna, wszystkie miejsca zajęte.\n"
          "Marek Nowak: Co Pani wtedy zrobiła?\n"
          "Łucja Kowalska: Zadzwoniłam do Tomasza, on też ma ten problem. Łódź, mówię.\n")
CZECH = ("Jana Dvořáková: Včera jsem nemohla vrátit kolo, stanice byla plná.\n"
         "Jiří Novák: Šel jste pěšky? Ťuknu si na čelo.\n")
RUSSIAN = ("Интервьюер: Расскажите, пожалуйста, о последней поездке.\n"
           "Ольга Смирнова: В понедельник утром станция была полная. Пришлось идти пешком.\n")
FRENCH = ("René: Il a fallu que j’aille à l’autre gare, à pied, c’était très pénible.\n"
          "Chloé Dubois: Après ça, j’ai arrêté. « Très cher » : 5 € de plus, l’hôpital est loin.\n")
GERMAN = ("Jürgen Weiß: Die Räder waren alle kaputt, das Schloss öffnete sich nicht.\n"
          "Hans-Peter Müller: Größere Stationen wären gut. „Schöne Grüße“ – ¿qué?\n")


@pytest.mark.parametrize("text, page, name", [
    (POLISH, "cp1250", "Windows-1250"), (CZECH, "cp1250", "Windows-1250"), (RUSSIAN, "cp1251", "Windows-1251"),
    (FRENCH, "cp1252", "Windows-1252"), (GERMAN, "cp1252", "Windows-1252"),
    ("Ayşe Yılmaz: Geçen pazartesi istasyon doluydu, bisikleti bırakamadım.\n", "cp1254", "Windows-1254")])
def test_a_legacy_file_is_read_in_its_code_page(text, page, name):
    data = text.encode(page)
    assert code_page(data.split(b"\n")) == page
    got, problems = decode_text(data, "t.txt")
    assert got == text
    assert [(p.line, p.level) for p in problems] == [(1, "warning")]
    assert f"read as {name}" in problems[0].message


def test_windows_1252_warning_reads_as_before():
    _, problems = decode_text(FRENCH.encode("cp1252"), "t.txt")
    assert problems[0].message == ("2 line(s) are not UTF-8 and were read as Windows-1252 (line(s) 1, 2): "
                                   "check their accented letters and quotes, and save the file as UTF-8")


def test_the_code_page_is_decided_for_the_whole_file_with_utf8_lines_kept():
    data = "Intro — ok\n".encode() + POLISH.encode("cp1250") + "Źródło: ‘ok’\n".encode()
    got, problems = decode_text(data, "t.txt")
    assert got == "Intro — ok\n" + POLISH + "Źródło: ‘ok’\n"
    assert [(p.line, p.level) for p in problems] == [(2, "warning")] and "Windows-1250" in problems[0].message


def test_f13_polish_transcript_keeps_the_participants_turns(tmp_path):
    path = tmp_path / "INT-008.txt"
    shutil.copy(DATA / "enc-INT-008-cp1250.txt", path)
    df = read_transcript(path)
    assert list(df["speaker"]) == ["Marek Nowak", "Łucja Kowalska", "Marek Nowak", "Łucja Kowalska"]
    assert "poniedziałek" in df["text"][1] and "Łodzi" in df["text"][3]
    assert any("Windows-1250" in p.message and p.line == 1 for p in df.attrs["problems"])


@pytest.mark.parametrize("delimiter", [";", ","])
@pytest.mark.parametrize("page, names", [
    ("cp1250", ["Łucja Kowalska", "Rafał Zieliński", "Jiří Dvořák"]),
    ("cp1251", ["Ольга Смирнова", "Дмитрий Иванов", "Анна Павлова"]),
    ("cp1252", ["Chloé Dubois", "Hans-Peter Müller", "Zoë Café"])])
def test_participant_sheets_in_a_code_page(tmp_path, page, names, delimiter):
    lines = [delimiter.join(["id", "name", "consent_quote"])]
    lines += [delimiter.join([f"P-00{k}", n, "no"]) for k, n in enumerate(names, start=1)]
    path = tmp_path / "participants.csv"
    path.write_bytes("\r\n".join(lines).encode(page) + b"\r\n")  # as Excel saves it
    rows, columns, problems = read_rows(path)
    assert [r["name"] for r in rows] == names
    assert not [p for p in problems if p.is_error]


def test_f19_polish_excel_roster_redacts_the_polish_names(tmp_path):
    path = tmp_path / "participants.csv"
    shutil.copy(DATA / "enc-participants-cp1250.csv", path)
    rows, _, problems = read_rows(path)
    names = {r["id"]: r["name"] for r in rows}
    assert names["P-008"] == "Łucja Kowalska" and names["P-014"] == "Rafał Zieliński"
    assert any("Windows-1250" in p.message and p.line == 3 for p in problems)
    people = Roster(names=tuple(names.values()), parts=tuple(w for n in names.values() for w in n.split()))
    said = "Łucja Kowalska i Rafał Zieliński też mieli ten problem. Łucja mówi, że zrezygnuje."
    assert redact(said, people) == "[name] i [name] też mieli ten problem. [name] mówi, że zrezygnuje."
