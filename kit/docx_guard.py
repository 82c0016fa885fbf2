"""The checks a Word file (.docx) passes before python-docx opens it, for a transcript and a guide alike
(attacker session 17 A9, A10): a ZIP that expands past a size limit (a zip bomb: 300 KB that inflate to
300 MB) is refused before anything is inflated, and an XML part that declares a document type (where an
entity such as a file of this computer, or a billion nested ones, is declared) is refused with its part and
line, never read with the text after the entity dropped in silence. Each XML part is read streamed, in
chunks, with a cap, and only up to its root element (a prolog is all a DOCTYPE may be in), with the
standard library's expat parser and its document type handlers refused (:mod:`kit.qdpx_xml`): defusedxml
is not a dependency of the kit, and this is the one check it would add here."""
from __future__ import annotations

import io
import zipfile
from xml.parsers import expat

from kit.errors import Problem

__all__ = ["GUIDE_LIMIT", "TRANSCRIPT_LIMIT", "docx_problem"]

#: Bytes a Word transcript may expand to (all its parts, as the ZIP declares them).
TRANSCRIPT_LIMIT = 200 * 1024 * 1024
#: Bytes a Word guide may expand to: a guide is a few KB of text, a few MB with pictures.
GUIDE_LIMIT = 50 * 1024 * 1024
_CHUNK = 64 * 1024
_PROLOG_CAP = 1024 * 1024  # bytes of an XML part read to find its root element (a prolog is short)


class _Root(Exception):
    """The root element is reached: no document type can follow."""


def docx_problem(data: bytes, source: str, what: str, limit: int) -> Problem | None:
    """None when the Word file ``data`` may be opened, else the located problem (``source`` as the user
    named the file, line 0; the XML part and its line in the message): not a ZIP, no
    ``word/document.xml``, expanding to more than ``limit`` bytes ("too large to be {what}"), or an XML
    part declaring a document type."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return Problem(source, 0, f"this looks like a damaged ZIP or Word file, not {what}: save {_it(what)} as "
                                  ".docx or text again")
    with archive:
        infos = archive.infolist()
        if "word/document.xml" not in {info.filename for info in infos}:
            return Problem(source, 0, f"this is a ZIP file, not a Word (.docx) {what.split()[-1]}")
        size = sum(info.file_size for info in infos)
        if size > limit:
            return Problem(source, 0, f"this Word file expands to {size // 2**20:,} MB (at most "
                                      f"{limit // 2**20} MB): too large to be {what}; nothing of it was read")
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels")):
                if (line := _doctype_line(archive, info)) == 0:
                    return Problem(source, 0, f"{info.filename}: no element in its first {_PROLOG_CAP // 2**20} MB "
                                              "(a Word file's XML starts with one): refused, nothing of it was read")
                if line is not None:
                    from kit.qdpx_xml import _DOCTYPE_MESSAGE

                    return Problem(source, 0, f"{info.filename}, line {line}: "
                                              + _DOCTYPE_MESSAGE.format(what="a Word file"))
    return None


def _it(what: str) -> str:
    """``the transcript`` for ``a transcript``."""
    return "the " + what.split()[-1]


def _doctype_line(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int | None:
    """The line of a document type declaration in one XML part, read in chunks up to its root
    element, else None; 0 when no root element starts in its first ``_PROLOG_CAP`` bytes."""
    parser = expat.ParserCreate()
    found: list[int] = []

    def refuse(*_):
        found.append(parser.CurrentLineNumber)
        raise _Root

    def root(*_):
        raise _Root

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = root
    read = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                read += len(chunk)
                parser.Parse(chunk, False)
                if read >= _PROLOG_CAP:
                    return 0  # no root element in the first MB (a document type, a comment that long)
            parser.Parse(b"", True)
    except _Root:
        return found[0] if found else None
    except (expat.ExpatError, zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        return None  # broken XML or a damaged member: python-docx, reading it, says so
    return None
