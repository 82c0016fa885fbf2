"""A transcript file's bytes as text (split out of kit.transcripts): Word (.docx) files one line
per paragraph, text files decoded by kit.csvio."""
from __future__ import annotations

import re

from kit.errors import Problem, TranscriptError

__all__ = ["decode", "docx_text"]


def _error(source: str, line: int, message: str) -> TranscriptError:
    return TranscriptError([Problem(source, line, message)])


def docx_text(data: bytes, source: str) -> tuple[str, list[Problem]]:
    """The text of a Word transcript (Teams, Otter and Rev export to .docx), one line per
    paragraph (and per line, page or column break inside one), with python-docx. Line numbers in
    problems count these lines. Tables are read row by row: a row whose first cell is a speaker's
    name as ``Name: the other cells`` (a time cell, ``0:05``, as the turn's start: ``Name (0:05):
    text``, unless other lines of the file are ``Name: text`` lines without times), a heading row
    (``Speaker | Text``, or one of that shape in any language) skipped with a warning, any other row
    its cells joined with a space, with a warning."""
    import io

    from kit.docx_guard import TRANSCRIPT_LIMIT, docx_problem

    # a zip bomb refused before anything is inflated, a document type in any XML part refused with its
    # part and line, each part read streamed with a cap (attacker s17 A9, A10; s14 A5's kind)
    if (refused := docx_problem(data, source, "a transcript", TRANSCRIPT_LIMIT)) is not None:
        raise TranscriptError([refused])
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise _error(source, 0, "reading .docx transcripts needs python-docx: "
                                "pip install python-docx") from None
    try:
        return _document_text(docx, io.BytesIO(data), source)
    finally:
        # python-docx's document is a web of cycles (parts and their package): only a collection
        # frees its lxml trees, and glibc keeps the pages they were in. A young-generation
        # collection (a few ms) and the pages handed back: 100 Teams .docx files grew a process
        # by 464 MB without them (session 18's newcomer F8).
        import gc

        from kit.heap import trim

        gc.collect(1)
        trim()


def _document_text(docx, stream, source: str) -> tuple[str, list[Problem]]:
    try:
        document = docx.Document(stream)
    except Exception as exc:  # python-docx raises many kinds for damaged files
        raise _error(source, 0, f"cannot read this Word file ({type(exc).__name__}): save "
                                "the transcript as .docx or text again") from None
    lines: list[str] = []
    problems: list[Problem] = []
    timed: dict[int, str] = {}  # index of a line read as `Name (0:05): text` -> the line without its time
    body = document.element.body
    anchor = None  # the line of the first comment's anchor
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if anchor is None and next(child.iter(f"{_W}commentRangeStart", f"{_W}commentReference"), None) is not None:
            anchor = len(lines) + 1
        if tag == "p":
            lines.extend(_paragraph_text(child).split("\n"))
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            rows = [[" ".join(c.split()) for c in dict.fromkeys("\n".join(map(_paragraph_text, c._tc.iter(_P))).strip()
                                                                 for c in row.cells) if c] for row in table.rows]
            lines.extend(_table_lines(rows, len(lines) + 1, source, problems, timed))
    _unread_parts(document, anchor or 1, lines, source, problems)
    if timed and any(k not in timed and _label_line(line) for k, line in enumerate(lines)):
        for k, untimed in timed.items():  # `Name: text` lines besides: one form, the times in the text (warned)
            lines[k] = untimed
        problems.append(Problem(source, min(timed) + 1, "a table's time column was not read as the turns' "
                                "start times, as other lines of the file have no times: kept in the text", "warning"))
    return "\n".join(lines), problems


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _R = f"{_W}p", f"{_W}r"
_PARTS = {"comments": "comment", "footnotes": "footnote", "endnotes": "endnote"}


def _unread_parts(document, anchor: int, lines: list, source: str, problems: list) -> None:
    """A warning for each part of the document that is not read as the transcript's lines and
    holds words: comments (at the line of the first one's anchor), footnotes, endnotes,
    page headers and footers (at line 1)."""
    part = document.part
    found: dict[str, int] = {}
    for rel in part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if rel.is_external or kind not in (*_PARTS, "header", "footer"):
            continue
        from lxml import etree

        try:
            root = etree.fromstring(rel.target_part.blob)
        except Exception:  # noqa: BLE001 - a damaged part: said as not read all the same
            root = None
        if kind in _PARTS:
            notes = [] if root is None else [n for n in root.iter(f"{_W}{_PARTS[kind]}")
                                             if n.get(f"{_W}type") in (None, "normal") and "".join(n.itertext()).strip()]
            count = len(notes)
        else:
            count = int(root is None or bool("".join(t.text or "" for t in root.iter(f"{_W}t")).strip()))
        if count:
            found[kind] = found.get(kind, 0) + count
    if not found:
        return
    line = anchor if "comments" in found else 1
    said = ", ".join(f"{n} {'page ' if k in ('header', 'footer') else ''}{_PARTS.get(k, k)}(s)"
                     for k, n in found.items())
    problems.append(Problem(source, min(line, max(len(lines), 1)), f"this Word file's {said} are not read as "
                            "the transcript (only its body is): if they hold anyone's words, put them in the text",
                            "warning"))


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


_TIME_CELL = re.compile(r"[\[(]?(\d{1,2}:\d{2}(?::\d{2})?)(?:[.,]\d{1,3})?[\])]?")
_SENTENCE = re.compile(r"[.?!,;:\d]")


def _label_line(line: str) -> bool:
    from kit.transcript_labels import LABEL

    m = LABEL.match(line)
    return m is not None and bool(m.group(2).strip()) and not m.group(2).lstrip()[:1].isdigit()


def _time_column(rows: list) -> int:
    """The column (after the first) holding a time (``0:05``, ``[00:01:02]``) in every row of
    ``rows`` that has cells after its first, or 0 when there is none."""
    rows = [r for r in rows if len(r) >= 3]
    if not rows:
        return 0
    width = min(map(len, rows))
    return next((k for k in range(1, width) if all(_TIME_CELL.fullmatch(r[k]) for r in rows)), 0)


def _heading_by_shape(rows: list) -> bool:
    """Whether a table's first row is a heading row by its shape, in any language (``Siaradwr |
    Amser | Testun``): two cells or more of at most three words, no time, digit or sentence
    punctuation; every later row starts with a name that the first row's first cell is not;
    and the later rows have a time column, or each of their first cells heads two rows or more."""
    from kit.transcript_labels import is_name

    head, rest = rows[0], rows[1:]
    if len(head) < 2 or not rest or any(len(c.split()) > 3 or _SENTENCE.search(c) for c in head):
        return False
    firsts = [r[0] for r in rest if r]
    if len(firsts) != len(rest) or head[0] in firsts or not all(":" not in f and is_name(f) for f in firsts):
        return False
    return bool(_time_column(rest)) or (len(rest) >= 2 and all(firsts.count(f) >= 2 for f in firsts))


def _table_lines(rows: list, line: int, source: str, problems: list, timed: dict) -> list[str]:
    """A table's rows as transcript lines (``line``: the first row's line number): a heading row
    skipped with a warning (its words are headings: :data:`_HEADINGS`; or its shape says so:
    :func:`_heading_by_shape`, warned without its cells), a time cell of a ``Speaker | time |
    text`` row read as the turn's start (``Name (0:05): text``, as Rev writes it; ``timed`` receives
    each such line's index and the line without the time), other rows as :func:`_row_line`."""
    out = []
    if rows and rows[0] and not all(c.lower() in _HEADINGS for c in rows[0]) and _heading_by_shape(rows):
        problems.append(Problem(source, line, f"the table's first row ({len(rows[0])} cells, no time, its first "
                                "cell heading no other row) looks like a heading row, not anyone's words: skipped",
                                "warning"))
        rows, line, out = rows[1:], line + 1, [""]
    column = _time_column([r for r in rows if not all(c.lower() in _HEADINGS for c in r)])
    at = line  # a row of `Name: text` cells is a line per cell: the rows below move down
    for cells in rows:
        if _labelled_cells(cells):  # `Alex: question` | `Jordan: answer`: each cell a turn, in reading order
            out.extend(cells)
            at += len(cells)
            continue
        text = _row_line(cells, at, source, problems)
        if column and len(cells) > column and text.startswith(f"{cells[0]}: ") \
                and (m := _TIME_CELL.fullmatch(cells[column])) is not None:
            said = " ".join(cells[1:column] + cells[column + 1:])
            timed[at - 1] = f"{cells[0]}: {said}"
            text = f"{cells[0]} ({m.group(1)}): {said}"
        out.append(text)
        at += 1
    return out


def _labelled_cells(cells: list[str]) -> bool:
    """Whether a row has two cells or more, each a speaker's ``Name: text`` line."""
    from kit.transcript_labels import LABEL, is_name

    return len(cells) >= 2 and all((m := LABEL.match(c)) is not None and is_name(" ".join(m.group(1).split()))
                                   and _label_line(c) for c in cells)


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
