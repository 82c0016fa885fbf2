"""Session 7's speed paths of `analyze` give what the general paths give (issue 20)."""
from __future__ import annotations

import io
import zipfile

import pytest

from kit.errors import Problem
from kit.guide import guide_lines
from kit.transcript_lines import _FIX, TEXT_SUFFIXES, content_mismatch


def _general(source: str, suffix: str, data: bytes) -> list[Problem]:
    """content_mismatch as it was before its shortcut: content_problem asked of every file."""
    message = guide_lines.content_problem(suffix, data, _FIX)
    if message is None or not (data[:4] == b"PK\x03\x04" or "holds plain text" in message):
        return []
    return [Problem(source, 0 if data[:4] == b"PK\x03\x04" else 1, message)]


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


SAMPLES = [b"Maya: hello\nDana: hi\n", b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMaya: hi\n", b"",
           b"%PDF-1.7 ...", b"\x89PNG\r\n\x1a\n....", b"\xff\xd8\xff\xe0", b"GIF89a", b"\x1f\x8b\x08\x00",
           b"{\\rtf1\\ansi Maya: hi}", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x05\x06" + bytes(18),
           b"PK\x03\x04 not a real zip", _docx_bytes()]


def test_text_suffixes_are_not_named_kinds():
    assert not TEXT_SUFFIXES & set(guide_lines._NAMES)


@pytest.mark.parametrize("suffix", sorted(TEXT_SUFFIXES | {".TXT", ".Vtt", ".docx", ".pdf", ".md", ""}))
@pytest.mark.parametrize("data", SAMPLES)
def test_content_mismatch_shortcut_matches_content_problem(suffix, data):
    got = content_mismatch("t" + suffix, suffix, data)
    assert got == _general("t" + suffix, suffix, data)
    if data[:4] == b"PK\x03\x04":  # a Word document or a damaged ZIP named as text is reported
        assert got or suffix.lower() == ".docx"
