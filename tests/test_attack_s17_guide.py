"""Attacker session 17: a Word guide or transcript that is a zip bomb or declares a document type
(A9, A10), and the question-craft exercise and lint-guide's `story ok` for story-framed questions that
lead, generalize or are not one usable question (A5-A8)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from kit.errors import TranscriptError
from kit.guide import lint_file
from kit.transcript_docx import docx_text

DATA = Path(__file__).parent / "data" / "attack-s17"


def _bomb(tmp_path: Path, megabytes: int) -> Path:
    """A .docx whose word/document.xml inflates to ``megabytes`` MB of spaces (a few KB on disk each 10 MB)."""
    path = tmp_path / "guide-bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>')
            block = b" " * 2**20
            for _ in range(megabytes):
                member.write(block)
            member.write(b"</w:body></w:document>")
    return path


def test_a9_a_word_guide_bomb_is_refused_unread_and_named_as_given(tmp_path, monkeypatch):
    path = _bomb(tmp_path, 60)
    assert path.stat().st_size < 200_000
    import docx

    def never(*_a, **_k):  # nothing is inflated: python-docx is never asked to open it
        raise AssertionError("python-docx opened a zip bomb")

    monkeypatch.setattr(docx, "Document", never)
    monkeypatch.chdir(tmp_path)
    result, problems = lint_file("guide-bomb.docx")
    assert result is None or not result.get("questions")
    (problem,) = [p for p in problems if "too large" in p.message]
    assert problem.path == "guide-bomb.docx" and "expands to 60 MB" in problem.message


def test_a9_a_transcript_bomb_is_refused_with_its_name(tmp_path, monkeypatch):
    import kit.docx_guard

    monkeypatch.setattr(kit.docx_guard, "TRANSCRIPT_LIMIT", 2 * 2**20)  # the real 200 MB takes seconds to build
    data = _bomb(tmp_path, 3).read_bytes()
    with pytest.raises(TranscriptError) as err:
        docx_text(data, "transcripts/INT-001.docx")
    (problem,) = err.value.problems
    assert problem.path == "transcripts/INT-001.docx" and "too large to be a transcript" in problem.message


@pytest.mark.parametrize("name", ["guide-INT-002.docx", "guide-INT-003.docx"])
def test_a10_a_doctype_in_a_word_guide_is_a_located_error(name):
    given = str(DATA / name)
    result, problems = lint_file(given)
    assert result is None or not result.get("questions")  # no paragraph read with its entity's text dropped
    (problem,) = problems
    assert problem.path == given
    assert problem.message.startswith("word/document.xml, line ") and "document type" in problem.message


def test_a10_a_doctype_in_any_part_of_a_transcript_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="x"/>')
        z.writestr("word/styles.xml", '<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY e "x">]><s>&e;</s>')
    with pytest.raises(TranscriptError) as err:
        docx_text(buffer.getvalue(), "INT-009.docx")
    (problem,) = err.value.problems
    assert problem.path == "INT-009.docx" and problem.message.startswith("word/styles.xml, line 2: ")
