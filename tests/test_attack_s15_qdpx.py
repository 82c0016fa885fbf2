"""Attacker s14 A5: a document type declaration (where an external entity is declared) in XML
the kit reads is a located error, never an entity dropped in silence: a .qdpx's project.qde (in
an element or in an attribute, import, codebook import and validation) and a Word transcript's
word/document.xml."""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from kit.errors import TranscriptError
from kit.qdpx import import_qdc, import_qdpx, validate
from kit.transcript_docx import docx_text

DATA = Path(__file__).parent / "data" / "attack-s14"


@pytest.mark.parametrize("name", ["xxe2.qdpx", "xxe.qdpx"])
def test_an_entity_in_a_project_is_a_located_error_and_nothing_is_read(name, tmp_path):
    path = tmp_path / name
    shutil.copy(DATA / name, path)
    codings, problems = import_qdpx(path)
    assert codings.empty  # xxe2: 125 codings were imported, the entity removed in silence
    errors = [p for p in problems if p.level == "error"]
    assert errors and errors[0].path == str(path) and errors[0].line == 2
    assert "document type" in errors[0].message and "passwd" not in errors[0].message
    codebook, problems = import_qdc(path)
    assert [p.line for p in problems if p.level == "error"] == [2]
    assert validate(path) and validate(path)[0].startswith(f"{path}:2: ")  # xxe2: lxml's schema check crashed


def _docx(tmp_path, doctype: bool) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Interviewer: how was it?")
    document.add_paragraph("P-001: it was SECRET fine")
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if doctype and info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]>', 1)
                data = data.replace(b"SECRET", b"&x;")
            dst.writestr(info, data)
    return out.getvalue()


def test_a_word_transcript_with_an_entity_is_refused_not_read_without_it(tmp_path):
    text, problems = docx_text(_docx(tmp_path, False), "INT-001.docx")
    assert "SECRET" in text and not problems
    with pytest.raises(TranscriptError) as caught:
        docx_text(_docx(tmp_path, True), "INT-001.docx")  # was: "it was  fine", no problem
    problem = caught.value.problems[0]
    assert problem.path == "INT-001.docx" and "word/document.xml, line 2" in problem.message
    assert "document type" in problem.message
