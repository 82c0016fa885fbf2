"""Reading the study's CSV files with line numbers, and writing outputs safely."""
from __future__ import annotations

import codecs
import csv
import errno
import io
import math
import os
import re
import stat
from collections import Counter
from itertools import islice, repeat
from datetime import date, datetime
from pathlib import Path

from kit.atomic import atomic_write_csv, atomic_write_text  # re-exported: the one atomic write
from kit.errors import Problem

__all__ = ["is_link_loop", "FALLBACK_ENCODING", "MAX_COLUMNS", "MAX_FIELD_CHARS", "READ_OBSERVERS", "atomic_write_csv",
           "atomic_write_text", "decode_text",
           "csv_cells", "parse_date", "parse_number", "read_bytes", "read_rows", "read_text", "sniff_delimiter",
           "write_csv_columns", "write_csv_frame"]

#: The longest field a CSV file may hold (characters): Python's csv module stops at 131,072;
#: a long free-text answer may exceed it, a field beyond this is reported at its line.
MAX_FIELD_CHARS = 16 * 1024 * 1024
if csv.field_size_limit() < MAX_FIELD_CHARS:
    csv.field_size_limit(MAX_FIELD_CHARS)

#: The most columns a row of a study's CSV file may have: the kit's files have a dozen; a row
#: with more (a one-line file of 10^6 commas) is reported at its line, not read.
MAX_COLUMNS = 1000


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
    error. Those lines are read in one Windows code page for the whole file, the one whose
    letters they read best in (:func:`kit.codepages.code_page`: Polish Windows-1250, Cyrillic
    1251...; Windows-1252 when in doubt), named in the warning. Newlines are normalised to ``\\n``.
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
        from kit.codepages import NAMES, code_page  # session 12: one code page for the whole file

        lines = data.split(b"\n")
        legacy = [line for line in lines if not _is_utf8(line)]
        encoding = code_page(legacy)
        pieces, fallback = [], []
        for number, line in enumerate(lines, start=1):
            try:
                pieces.append(line.decode("utf-8"))
                continue
            except UnicodeDecodeError:
                pass
            try:
                piece = line.decode(encoding)
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
        why = "" if encoding == FALLBACK_ENCODING else ", the code page whose letters they read best in"
        problems = [Problem(source, fallback[0], f"{len(fallback)} line(s) are not UTF-8 and were "
                            f"read as {NAMES[encoding]}{why} (line(s) {shown}): check their accented "
                            "letters and quotes, and save the file as UTF-8", "warning")]
        return text.replace("\r\n", "\n").replace("\r", "\n"), problems
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def is_link_loop(path) -> bool:
    """True when ``path`` is a symbolic link whose chain of links never ends (a loop)."""
    try:
        Path(path).resolve(strict=True)
    except RuntimeError:  # Python < 3.13: "Symlink loop"
        return True
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


#: Functions called as ``f(info, data)`` with the ``os.fstat`` of each file :func:`read_bytes`
#: read whole and its bytes (the index hashes the files a study's loading reads, instead of
#: reading each again: kit.discovery.index).
READ_OBSERVERS: list = []


def read_bytes(path) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a user's file: the one place the kit opens a study's input files.

    ``(data, problems)``, ``data`` None when the file cannot be read. Only a regular file is
    read: a FIFO, socket or device (``mkfifo study/transcripts/INT-004.txt``) would block a
    reader forever, so it is reported ``path: not a regular file`` (checked with ``os.stat``
    before opening, and opened with ``O_NONBLOCK`` in case it is swapped in between). A link
    that points back at itself is ``a symbolic link loop``; a missing file, a folder and an
    unreadable file are problems too (line 0: the whole file). Never raises ``OSError``.
    """
    source = str(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            return None, [Problem(source, 0, what if what.startswith("not") else
                                  f"{what}, not a file")]
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            opened = os.fstat(fd)
            if not stat.S_ISREG(opened.st_mode):
                return None, [Problem(source, 0, "not a regular file")]
            data = _read_all(fd, opened.st_size)
            for observe in READ_OBSERVERS:
                observe(opened, data)
            return data, []
        finally:
            os.close(fd)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, [Problem(source, 0, "a symbolic link loop: the link points back at itself; "
                                  "replace it with the file")]
        return None, [Problem(source, 0, f"cannot read file: {exc.strerror or exc}")]


def _read_all(fd: int, size: int) -> bytes:
    """Every byte of the open regular file ``fd`` (``size`` from its ``fstat``: read in one
    call, then one more that finds the end; a file that grew meanwhile is read to its end),
    with ``os.read`` rather than a file object around ``fd`` (10,000 transcripts: 0.1 s)."""
    chunks = []
    while chunk := os.read(fd, max(size + 1, 1 << 16)):
        chunks.append(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Read a user's text file (:func:`read_bytes`, then :func:`decode_text`): the one
    decoding home of the kit (UTF-8, UTF-8/UTF-16 byte-order marks, Windows-1252 lines).
    ``(text, problems)``, ``text`` None when it cannot be read. Problems may hold warnings
    even when ``text`` is returned."""
    raw, problems = read_bytes(path)
    if raw is None:
        return None, problems
    return decode_text(raw, str(path))


_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
# Excel's first line declaring the delimiter ("sep=," or "sep=;"), quoted or not.
_SEP_LINE = re.compile(r'\A\ufeff?"?sep=([^\n"])"?[ \t\r]*\n', re.IGNORECASE)


def sniff_delimiter(text: str) -> str:
    """The delimiter of CSV text: comma, semicolon (Excel in much of Europe) or tab.

    Of the three, those that occur in the header line (outside quotes) are tried on the
    first 50 records with the csv module; the one that gives the header's number of fields
    on most records wins (ties: comma, then semicolon, then tab). A one-column header falls
    back to :class:`csv.Sniffer`, then to a comma."""
    lines = text.split("\n", 51)[:51]
    header = re.sub(r'"[^"]*"', "", lines[0])
    candidates = [d for d in _DELIMITERS if d in header]
    if not candidates:
        try:
            return csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t").delimiter
        except csv.Error:
            return ","
    if len(candidates) == 1:
        return candidates[0]

    def score(delimiter):
        try:
            records = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
        except csv.Error:
            return -1.0
        records = [r for r in records if any(f.strip() for f in r)]
        width = len(records[0]) if records else 0
        return sum(len(r) == width for r in records[1:]) / max(len(records) - 1, 1) + (width > 1)

    return max(candidates, key=lambda d: (score(d), -list(_DELIMITERS).index(d)))


def _records(text: str, delimiter: str, path: str, problems: list):
    """(line, fields) of every record; a quote that is never closed is reported at the line
    where it opens and that line is read again without quoting, so the rows after it are kept."""
    lines = text.split("\n")
    offset = 0
    # The limit is process-wide and other libraries raise it (scipy.io.arff sets the maximum):
    # the kit's own limit applies to the kit's files.
    csv.field_size_limit(MAX_FIELD_CHARS)
    while offset < len(lines):
        reader = csv.reader(io.StringIO("\n".join(lines[offset:])), delimiter=delimiter, strict=True)
        start = 1
        try:
            for fields in reader:
                yield offset + start, fields
                start = reader.line_num + 1
            return
        except csv.Error as exc:
            bad = offset + start
            if "field larger than field limit" in str(exc):
                problems.append(Problem(path, bad, f"a field longer than {MAX_FIELD_CHARS:,} characters "
                                        "(a quote never closed?): this line is left out; shorten the field"))
                offset = bad
                continue
            if "end of data" in str(exc) or "EOF" in str(exc):
                problems.append(Problem(path, bad, "a quote (\") opened on this line is never closed: "
                                        "the line is read without quoting; close the quote"))
                fields = next(csv.reader([lines[bad - 1]], delimiter=delimiter, quoting=csv.QUOTE_NONE))
            else:  # a stray quote inside a field, e.g. `"Acme" Inc`: read as spreadsheets do
                fields = next(csv.reader([lines[bad - 1]], delimiter=delimiter))
                # the line's text is not shown: its fields may hold a name, cut anywhere (attacker s16 A10)
                problems.append(Problem(path, bad, f"a quote inside a field ({exc}): read as spreadsheets do, "
                                        f"into {len(fields)} field(s) (not shown: they may hold a name); put the whole "
                                        "field in quotes and double the quotes inside it", "warning"))
            yield bad, fields
            offset = bad


def read_rows(path: Path, required: tuple[str, ...] = ()):
    """Rows of a CSV file as dicts of stripped strings, each with its ``_line``.

    Returns (rows, columns, problems). The delimiter (comma, semicolon, tab) is detected
    (:func:`sniff_delimiter`) and named in a warning when it is not a comma; the encoding is
    read line by line (:func:`decode_text`, Windows-1252 from Excel reported). A missing
    required column is one problem on line 1; a row with more fields than the header (or
    than :data:`MAX_COLUMNS`), and an unterminated quote, are problems on their own line.
    """
    text, problems = read_text(path)
    if text is None:
        return [], [], problems
    if not text.strip():
        return [], [], [Problem(str(path), 1, "empty CSV file: it needs at least a header row")]
    declared = _SEP_LINE.match(text)  # privacy8: Excel's "sep=," line declares the delimiter
    delimiter = declared.group(1) if declared else sniff_delimiter(text)
    if declared:
        problems.append(Problem(str(path), 1, f"{declared.group().strip()!r} is Excel's delimiter declaration: read as "
                                f"{_DELIMITERS.get(delimiter, repr(delimiter))}-separated values, the header "
                                "on line 2", "warning"))
        text = text[declared.end() - 1:]  # the line's end kept: line numbers stay the file's
    elif delimiter != ",":
        problems.append(Problem(str(path), 1, f"read as {_DELIMITERS[delimiter]}-separated values "
                                "(not comma-separated)", "warning"))
    records = _records(text, delimiter, str(path), problems)
    header_line, header = next(records, (1, []))
    if declared and not header:
        header_line, header = next(records, (2, []))
    if len(header) > MAX_COLUMNS:  # no column can be named: every line of the file is left out, said once
        last = header_line
        for line, fields in records:
            last = line if any(f.strip() for f in fields) else last
        problems.append(Problem(str(path), header_line, f"the header has too many columns ({len(header):,}; at most "
                                f"{MAX_COLUMNS:,}): the whole file (lines {header_line}-{last}) is left out; check "
                                "the delimiter or split the file"))
        return [], [], problems
    header = [h.strip().lstrip("\ufeff") for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        problems.append(Problem(str(path), header_line, f"missing column(s): {', '.join(missing)} "
                                f"(the header has: {', '.join(h for h in header if h) or 'nothing'})"))
    counts = Counter(header)
    dupes = sorted(h for h in counts if h and counts[h] > 1)
    if dupes:
        problems.append(Problem(str(path), header_line, f"duplicate column(s): {', '.join(dupes)}"))
    rows = []
    for line, fields in records:
        if not any(f.strip() for f in fields):
            continue
        if len(fields) > MAX_COLUMNS:
            problems.append(_too_wide(path, line, fields))
            continue
        if len(fields) > len(header):
            problems.append(Problem(str(path), line, f"{len(fields)} fields but the header has "
                                    f"{len(header)}: check for an unquoted {_DELIMITERS.get(delimiter, repr(delimiter))}"))
            continue
        row = {h: (fields[i].strip() if i < len(fields) else "") for i, h in enumerate(header) if h}
        row["_line"] = line
        rows.append(row)
    return rows, [h for h in header if h], problems


def _too_wide(path, line: int, fields: list) -> Problem:
    return Problem(str(path), line, f"too many columns ({len(fields):,}; at most {MAX_COLUMNS:,}): "
                   "this line is left out; check the delimiter or split the file")


def parse_number(value: str) -> float | None:
    """A finite number from a CSV cell; None when empty.

    Raises ``ValueError`` for text that is not a number and for ``nan``, ``inf`` and
    ``infinity``, which Python's ``float`` accepts but no cost, value or reading can be.
    A decimal comma (``12,50``) is read as a decimal point.
    """
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"[-+]?\d+,\d+", text):
        text = text.replace(",", ".")
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return number


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


# --------------------------------------------------------------------------- writing tables

def csv_cells(column) -> list | None:
    """The cells of ``column`` (a pandas Series) as ``DataFrame.to_csv`` writes them with its
    default options, as a list for ``csv.writer``: numbers and booleans as numpy's
    ``astype(str)`` spells them (what pandas writes), missing values (NaN, None, NA) as "",
    text and other objects as they are. None for a dtype this does not cover (dates,
    categories, nullable extension types): write such a frame with ``to_csv``."""
    import numpy as np
    import pandas as pd

    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "fiub":
        values = column.to_numpy()
        if dtype.kind == "b" or len(values) < 1000:
            cells = values.astype(str).astype(object)
        else:  # each distinct value spelt once (by its bits: -0.0 is not 0.0, nor one NaN another)
            keys = values.view(f"i{dtype.itemsize}") if dtype.kind == "f" else values
            distinct, where = np.unique(keys, return_inverse=True)
            values = distinct.view(dtype) if dtype.kind == "f" else distinct
            cells = values.astype(str).astype(object)
            if dtype.kind == "f":
                cells[np.isnan(values)] = ""
            return cells[where].tolist()
        if dtype.kind == "f":
            cells[np.isnan(values)] = ""
        return cells.tolist()
    if (isinstance(dtype, np.dtype) and dtype.kind == "O") or isinstance(dtype, pd.StringDtype):
        cells = column.tolist()
        missing = column.isna().to_numpy()
        if missing.any():
            for i in np.flatnonzero(missing).tolist():
                cells[i] = ""
        return cells
    return None


def write_csv_columns(path, header: list, columns: list[list], permissions: int | None = None,
                      neutralise: list[bool] | bool = False) -> Path:
    """Write a CSV file from its ``header`` and its ``columns`` (lists of cells, all as
    long), atomically (:func:`kit.atomic.atomic_open`), as ``csv.writer`` writes it (minimal
    quoting, ``\\n`` line ends: what ``DataFrame.to_csv(index=False, lineterminator="\\n")``
    writes for the same cells). Each distinct text of a column is spelt once (quoted, by the
    rule asked of the csv module, when it holds a comma, a quote or a line break); the rows
    are then joined with commas (a table of one column, whose empty rows csv writes as
    ``""``, goes through ``csv.writer`` row by row). ``neutralise`` (for every column, or a list with one flag a
    column): text cells a spreadsheet would run as a formula get a leading apostrophe
    (:func:`kit.safety.neutralise_cell`)."""
    from kit.atomic import atomic_open

    flags = neutralise if isinstance(neutralise, list) else [bool(neutralise)] * len(columns)
    with atomic_open(path, "w", permissions) as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        if len(columns) < 2:
            writer.writerows(zip(*(_neutralised(c) if f else c for c, f in zip(columns, flags))))
            return Path(path)
        fields = [_fields(cells, flag) for cells, flag in zip(columns, flags)]
        rows = map(",".join, zip(*fields))
        while chunk := list(islice(rows, 20_000)):
            fh.write("\n".join(chunk))
            fh.write("\n")
    return Path(path)


def _quoted_characters() -> str:
    """The ASCII characters that make ``csv.writer`` (minimal quoting, ``\\n`` line ends)
    quote a field: ``,``, ``"`` and ``\\n`` in CPython 3.11; asked of the csv module itself,
    so that another version's rule is followed too."""
    found = []
    for code in range(128):
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow([f"a{chr(code)}b", ""])
        if buffer.getvalue()[:1] == '"':
            found.append(chr(code))
    return "".join(found)


# The characters beyond the comma, the quote and the line break (which every version quotes)
# that make this Python's csv module quote a field: none in CPython 3.11.
_ALSO = "".join(sorted(set(_quoted_characters()) - set(',"\n')))
_QUOTED_ALSO = re.compile(f"[{re.escape(_ALSO)}]") if _ALSO else None


def _needs_quotes(text: str) -> bool:
    return "," in text or '"' in text or "\n" in text or (_QUOTED_ALSO is not None and _QUOTED_ALSO.search(text)
                                                         is not None)


def _field(cell) -> str:
    """One cell as ``csv.writer`` spells it between commas: None as "", a float by
    ``float.__repr__``, anything else by ``str``; quoted (``"`` doubled) when it holds one of
    the characters the csv module quotes."""
    text = cell if isinstance(cell, str) else "" if cell is None else \
        float.__repr__(cell) if isinstance(cell, float) else str(cell)
    if not _needs_quotes(text):
        return text
    return '"' + text.replace('"', '""') + '"'


def _fields(cells: list, neutralise: bool = False) -> list[str]:
    """:func:`_field` of every cell; in a column of text, each distinct text is spelt once
    (only texts are keyed: ``True``, ``1`` and ``1.0`` are equal keys). ``neutralise``:
    texts a spreadsheet would run as a formula first get a leading apostrophe
    (:func:`kit.safety.neutralise_cell`)."""
    if not all(map(isinstance, cells, repeat(str))):  # in C: a column is long
        return [_field(cell) for cell in (_neutralised(cells) if neutralise else cells)]
    distinct = set(cells)
    spelt = {}
    if neutralise:  # a leading apostrophe never changes whether a text is quoted
        from kit.safety import FORMULA_PREFIXES, neutralise_cell

        spelt = {c: new for c in distinct if c.startswith(FORMULA_PREFIXES) and (new := neutralise_cell(c)) is not c}
    quoted = [c for c in distinct if "," in c or '"' in c or "\n" in c]
    if _QUOTED_ALSO is not None:
        quoted += [c for c in distinct if _QUOTED_ALSO.search(c) and not ("," in c or '"' in c or "\n" in c)]
    for c in quoted:
        spelt[c] = '"' + spelt.get(c, c).replace('"', '""') + '"'
    return list(map(spelt.get, cells, cells)) if spelt else cells


def write_csv_frame(path, frame, neutralise: bool = False, permissions: int | None = None) -> Path:
    """``frame`` written as :func:`kit.atomic.atomic_write_csv` writes it (the same bytes),
    from column lists with the csv module instead of pandas' writer (about a third of the
    CPU time for a table of text). ``neutralise``: every text cell a spreadsheet would run
    as a formula gets a leading apostrophe (:func:`kit.safety.neutralise_cell`)."""
    columns = [] if frame.columns.has_duplicates else [csv_cells(frame.iloc[:, k]) for k in range(frame.shape[1])]
    if not columns or any(c is None for c in columns) or frame.columns.nlevels != 1:
        if neutralise:
            from kit.safety import neutralise_cell

            frame = frame.copy()
            for k in range(frame.shape[1]):
                if not _is_number_column(frame.iloc[:, k]):
                    frame.iloc[:, k] = frame.iloc[:, k].map(neutralise_cell)
        return atomic_write_csv(path, frame, permissions)
    formulas = [neutralise and not _is_number_column(frame.iloc[:, k]) for k in range(frame.shape[1])]
    return write_csv_columns(path, list(frame.columns), columns, permissions, neutralise=formulas)


def _is_number_column(column) -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)


def _neutralised(cells: list) -> list:
    """``cells`` with :func:`kit.safety.neutralise_cell` applied (each distinct cell once)."""
    from kit.safety import FORMULA_PREFIXES, neutralise_cell

    first = set(FORMULA_PREFIXES)
    changed = {}
    try:
        distinct = set(cells)
    except TypeError:  # unhashable cells (lists): only the strings
        distinct = {c for c in cells if isinstance(c, str)}
    for cell in distinct:
        if isinstance(cell, str) and cell[:1] in first and (new := neutralise_cell(cell)) is not cell:
            changed[cell] = new
    if not changed:
        return cells
    return [changed.get(c, c) if isinstance(c, str) else c for c in cells]
