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
    paragraph (and per line, page or column break inside one), with python-docx. Line numbers in
    problems count these lines. Tables are read row by row: a row whose first cell is a speaker's
    name as ``Name: the other cells``, a heading row (``Speaker | Text``) skipped with a warning,
    any other row its cells joined with a space, with a warning."""
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
    problems: list[Problem] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(_paragraph_text(child).split("\n"))
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                cells = [c for c in dict.fromkeys("\n".join(map(_paragraph_text, c._tc.iter(_P))).strip()
                                                  for c in row.cells) if c]
                lines.append(_row_line(cells, len(lines) + 1, source, problems))
    return "\n".join(lines), problems


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _R = f"{_W}p", f"{_W}r"


def _paragraph_text(paragraph) -> str:
    """A paragraph's text (``w:p`` element): its runs' text, a tab for ``w:tab``, and a line break for
    every ``w:br`` (a page or column break too: python-docx's ``text`` drops those, joining the
    line before one to the line after it) and ``w:cr``."""
    parts = []
    for run in paragraph.iter(_R):
        for part in run:
            tag = part.tag[len(_W):] if part.tag.startswith(_W) else ""
            if tag == "t":
                parts.append(part.text or "")
            elif tag == "tab":
                parts.append("\t")
            elif tag in ("br", "cr"):
                parts.append("\n")
            elif tag == "noBreakHyphen":
                parts.append("-")
    return "".join(parts)


def _row_line(cells: list[str], line: int, source: str, problems: list) -> str:
    """A table row as a transcript line: ``Speaker | text`` rows (Word exports that put the speaker in
    a column) as ``Speaker: text``; any other row its cells joined by a space, with a warning at its
    line that it is read as words of the turn above."""
    from kit.transcript_labels import is_name

    from kit.transcript_labels import LABEL

    cells = [" ".join(c.split()) for c in cells]
    if cells and all(c.lower() in _HEADINGS for c in cells):
        problems.append(Problem(source, line, f"a table's heading row ({', '.join(cells)}) is not anyone's words: "
                                "skipped", "warning"))
        return ""
    if len(cells) >= 2 and ":" not in cells[0] and is_name(cells[0]):
        return f"{cells[0]}: {' '.join(cells[1:])}"
    if cells and LABEL.match(cells[0]) is None:
        problems.append(Problem(source, line, "a table row with no speaker in its first cell: read as a line of "
                                "the turn above", "warning"))
    return " ".join(cells)


_HEADINGS = frozenset({"speaker", "speakers", "name", "text", "transcript", "time", "timestamp", "start", "end",
                       "words", "utterance", "said", "what was said"})


def decode(data: bytes, source: str) -> tuple[str, list[Problem]]:
    """The text of a transcript's bytes and the warnings decoding gave (kit.csvio.decode_text);
    raises :class:`TranscriptError` when they cannot be decoded."""
    from kit.csvio import decode_text

    text, problems = decode_text(data, source)
    if text is None:
        raise TranscriptError(problems)
    return text, problems
