"""Reading the study's CSV files with line numbers, and writing outputs safely."""
from __future__ import annotations

import codecs
import csv
import io
import os
import tempfile
import re
from datetime import date, datetime
from pathlib import Path

from kit.errors import Problem


FALLBACK_ENCODING = "cp1252"
"""The encoding tried for a line that is not UTF-8: Windows-1252, what Excel and Word on
Windows save by default (a superset of Latin-1's printable characters)."""

_C1 = re.compile(r"[\x80-\x9f]")


def decode_text(data: bytes, source: str) -> tuple[str | None, list[Problem]]:
    """Decode a user's file line by line; ``(text, problems)``, ``text`` None when it cannot be.

    UTF-16 with a byte-order mark is decoded as such. Otherwise each line is UTF-8 (a UTF-8
    BOM is dropped) and a line that is not valid UTF-8 is decoded as Windows-1252, so one
    pasted line does not turn every ``é`` and ``’`` of the file into mojibake. A warning
    lists the lines decoded as Windows-1252; a byte that is neither (a binary file) is an
    error. Newlines are normalised to ``\\n``.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return None, [Problem(source, data.count(b"\n", 0, exc.start) + 1,
                                  "cannot decode this UTF-16 text: save the file as UTF-8")]
        return text.replace("\r\n", "\n").replace("\r", "\n"), []
    if b"\x00" in data:
        return None, [Problem(source, data.count(b"\n", 0, data.index(b"\x00")) + 1,
                              "this looks like a binary file, not text: save it as UTF-8 text")]
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pieces, fallback = [], []
        for number, line in enumerate(data.split(b"\n"), start=1):
            try:
                pieces.append(line.decode("utf-8"))
                continue
            except UnicodeDecodeError:
                pass
            try:
                piece = line.decode(FALLBACK_ENCODING)
            except UnicodeDecodeError:
                piece = line.decode("latin-1")
            if _C1.search(piece):
                return None, [Problem(source, number, "cannot decode this line: it is neither "
                                      "UTF-8 nor Windows-1252 text; save the file as UTF-8")]
            pieces.append(piece)
            fallback.append(number)
        text = "\n".join(pieces)
        shown = ", ".join(map(str, fallback[:10])) + (f" and {len(fallback) - 10} more"
                                                      if len(fallback) > 10 else "")
        problems = [Problem(source, fallback[0], f"{len(fallback)} line(s) are not UTF-8 and were "
                            f"read as Windows-1252 (line(s) {shown}): check their accented "
                            "letters and quotes, and save the file as UTF-8", "warning")]
        return text.replace("\r\n", "\n").replace("\r", "\n"), problems
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Read a user's text file (see :func:`decode_text`); ``(text, problems)``, ``text`` None
    when it cannot be read. Problems may hold warnings even when ``text`` is returned."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return None, [Problem(str(path), 0, f"cannot read file: {exc.strerror or exc}")]
    return decode_text(raw, str(path))


def read_rows(path: Path, required: tuple[str, ...] = ()):
    """Rows of a CSV file as dicts of stripped strings, each with its ``_line``.

    Returns (rows, columns, problems). A missing required column is one problem on line 1;
    a row with more fields than the header is a problem on its own line.
    """
    text, problems = read_text(path)
    if text is None:
        return [], [], problems
    if not text.strip():
        return [], [], [Problem(str(path), 1, "empty CSV file: it needs at least a header row")]
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        return [], [], [Problem(str(path), 1, f"malformed CSV: {exc}")]
    missing = [c for c in required if c not in header]
    if missing:
        problems.append(Problem(str(path), 1, f"missing column(s): {', '.join(missing)} "
                                f"(the header has: {', '.join(h for h in header if h) or 'nothing'})"))
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    if dupes:
        problems.append(Problem(str(path), 1, f"duplicate column(s): {', '.join(dupes)}"))
    rows = []
    start = reader.line_num + 1
    try:
        for fields in reader:
            line = start
            start = reader.line_num + 1
            if not any(f.strip() for f in fields):
                continue
            if len(fields) > len(header):
                problems.append(Problem(str(path), line, f"{len(fields)} fields but the header has "
                                        f"{len(header)}: check for an unquoted comma"))
                continue
            row = {h: (fields[i].strip() if i < len(fields) else "") for i, h in enumerate(header) if h}
            row["_line"] = line
            rows.append(row)
    except csv.Error as exc:
        problems.append(Problem(str(path), reader.line_num, f"malformed CSV: {exc}"))
    return rows, [h for h in header if h], problems


def parse_date(value) -> date | None:
    """An ISO date (YYYY-MM-DD) from YAML or CSV; None when empty; ValueError when invalid."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not _ISO_DATE.match(text):
        raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD")
    return date.fromisoformat(text[:10])


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+Z-]*)?$")


def atomic_write_text(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_write_csv(path: Path, frame) -> None:
    atomic_write_text(path, frame.to_csv(index=False, lineterminator="\n"))
