"""A transcript file's bytes as text (split out of kit.transcripts): Word (.docx) files one line
per paragraph, text files decoded by kit.csvio."""
from __future__ import annotations

from kit.errors import Problem, TranscriptError

__all__ = ["decode", "docx_text"]


def _error(source: str, line: int, message: str) -> TranscriptError:
    return TranscriptError([Problem(source, line, message)])


_DOCX_LIMIT = 200 * 1024 * 1024  # bytes of XML a .docx may expand to


def docx_text(data: bytes, source: str) -> tuple[str, list[Problem]]:
    """The text of a Word transcript (Teams, Otter and Rev export to .docx), one line per
    paragraph (and per line break inside one), with python-docx. Line numbers in problems
    count these lines. Tables are read row by row, cells joined with a space."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            size = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise _error(source, 0, "this looks like a damaged ZIP or Word file, not a transcript: "
                                "save the transcript as .docx or text again") from None
    if "word/document.xml" not in names:
        raise _error(source, 0, "this is a ZIP file, not a Word (.docx) transcript")
    if size > _DOCX_LIMIT:
        raise _error(source, 0, f"this Word file expands to {size // 2**20} MB: too large "
                                "to be a transcript")
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise _error(source, 0, "reading .docx transcripts needs python-docx: "
                                "pip install python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for damaged files
        raise _error(source, 0, f"cannot read this Word file ({type(exc).__name__}): save "
                                "the transcript as .docx or text again") from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(docx.text.paragraph.Paragraph(child, document).text.split("\n"))
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells))
                lines.append(" ".join(c for c in cells if c))
    return "\n".join(lines), []


def decode(data: bytes, source: str) -> tuple[str, list[Problem]]:
    """The text of a transcript's bytes and the warnings decoding gave (kit.csvio.decode_text);
    raises :class:`TranscriptError` when they cannot be decoded."""
    from kit.csvio import decode_text

    text, problems = decode_text(data, source)
    if text is None:
        raise TranscriptError(problems)
    return text, problems
