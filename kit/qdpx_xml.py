"""The XML and archive layer of REFI-QDA exchange (moved out of kit.qdpx).

Reading a ``.qdpx`` or ``.qdc`` safely (``load``: size limits of ``kit.safety`` checked
before anything is decompressed, members read into memory, never extracted; expat with no
external entities) and the small element helpers the export and import share.
"""
from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET
from xml.parsers import expat

import pandas as pd

from kit.errors import Problem

# shared with kit.qdpx only
__all__ = ["doctype_problem", "_archive_text", "_children", "_clean", "_clean_tree", "_first", "_hex6", "_iter", "_load", "_local",
           "_norm_guid", "_parse_xml", "_serialize", "_stamp", "_str", "_sub"]

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


# -- reading files ------------------------------------------------------------------------------
def _load(path: Path, problems: list[Problem], archive_only: bool = False, parse: bool = True):
    """Read a .qdpx (its .qde file) or a .qdc. Returns a dict with data, root, lines, where
    and the archive's members, or None after adding a problem."""
    where = str(path)
    from kit.safety import MAX_ARCHIVE_BYTES, ArchiveTooLarge, check_archive

    try:
        size = path.stat().st_size
        if size > MAX_ARCHIVE_BYTES:
            problems.append(Problem(where, 0, f"the file has {size:,} bytes, more than the {MAX_ARCHIVE_BYTES:,} "
                                              "a REFI-QDA file may have here; nothing was read"))
            return None
    except OSError as exc:
        problems.append(Problem(where, 0, f"cannot read file: {exc.strerror or exc}"))
        return None
    from kit.csvio import read_bytes  # the one home for opening a user's file (no FIFO hangs)

    raw, unreadable = read_bytes(path)
    if raw is None:
        problems.extend(Problem(where, p.line, p.message, p.level) for p in unreadable)
        return None
    members = None
    if zipfile.is_zipfile(io.BytesIO(raw)):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                check_archive(archive)  # sizes from the central directory, before any decompression
                names = [n for n in archive.namelist() if not n.endswith("/")]
                qde = "project.qde" if "project.qde" in names else None
                if qde is None:
                    found = [n for n in names if n.lower().endswith(".qde") and "__MACOSX" not in n]
                    if len(found) == 1:
                        qde = found[0]  # ATLAS.ti names it after the project
                    elif len(found) > 1:
                        problems.append(Problem(where, 0, "the archive holds several .qde files and no "
                                                f"project.qde: {', '.join(sorted(found))}"))
                        return None
                if qde is None:
                    problems.append(Problem(where, 0, "not a REFI-QDA project: the archive has no project.qde"))
                    return None
                data = archive.read(qde)
                base = str(PurePosixPath(qde).parent)
                prefix = "" if base == "." else base + "/"
                members = {n[len(prefix):].lower(): n for n in names if n.startswith(prefix)}
                doc = {"raw_archive": raw, "members": members}
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, NotImplementedError,
                EOFError) as exc:
            problems.append(Problem(where, 0, f"cannot read the .qdpx archive: {exc}"))
            return None
        except ArchiveTooLarge as exc:
            problems.append(Problem(where, 0, f"refused to unpack the .qdpx archive: {exc}; nothing was read"))
            return None
    else:
        if archive_only:
            problems.append(Problem(where, 0, "not a REFI-QDA project (.qdpx): the file is not a ZIP archive"))
            return None
        data, doc = raw, {}
    doc.update({"data": data, "where": where, "archive": members})
    if not parse:
        return doc
    root, lines = _parse_xml(data, where, problems)
    if root is None:
        return None
    doc.update({"root": root, "lines": lines})
    return doc


def _archive_text(doc, ref, where, line, problems, level="warning"):
    """The text of an ``internal://`` source, or None (with a problem)."""
    if not ref:
        return None
    if not ref.startswith("internal://"):
        problems.append(Problem(where, line or 0, f"external source {ref} is not in the archive", level))
        return None
    name = ref[len("internal://"):].lstrip("/")
    members = doc.get("archive") or {}
    member = members.get(f"sources/{name}".lower())
    if member is None:
        problems.append(Problem(where, line or 0, f"source file sources/{name} is missing from the archive", level))
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(doc["raw_archive"])) as archive:
            raw = archive.read(member)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as exc:
        problems.append(Problem(where, line or 0, f"cannot read {member}: {exc}", level))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(where, line or 0, f"{member} is not UTF-8 text", level))
        return None


class _Doctype(Exception):
    """A document type declaration met by the parser (its line)."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


_DOCTYPE_MESSAGE = ("the XML declares a document type (<!DOCTYPE ...>, where entities such as a file of this "
                    "computer are declared): refused, nothing of it was read; {what} never holds one, so the "
                    "file was made or changed by hand: export it again")


def _refuse_doctype(parser) -> None:
    """Make ``parser`` (expat) raise :class:`_Doctype` at a document type declaration: an entity
    it declares (``<!ENTITY x SYSTEM "file:///etc/passwd">``) is never resolved, and an
    entity reference is never dropped in silence (attacker s14 A5: in an element it was)."""
    def refuse(*_):
        raise _Doctype(parser.CurrentLineNumber)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse


def doctype_problem(data: bytes, where: str, what: str = "a REFI-QDA project") -> Problem | None:
    """A located error when the XML ``data`` declares a document type (``where:line``), else
    None; ``data`` is read only up to its root element (a prolog is all a DOCTYPE may be in), so
    a long document costs nothing more. Used for the XML the kit reads that its parser would
    otherwise take without a word (a Word transcript's ``word/document.xml``)."""
    parser = expat.ParserCreate()
    _refuse_doctype(parser)

    def root(*_):
        raise StopIteration

    parser.StartElementHandler = root
    try:
        parser.Parse(data, True)
    except _Doctype as exc:
        return Problem(where, exc.line, _DOCTYPE_MESSAGE.format(what=what))
    except (StopIteration, expat.ExpatError):
        return None  # the root element reached (or broken XML: the parser that reads it says so)
    return None


def _parse_xml(data: bytes, where: str, problems: list[Problem]):
    """Parse XML into ElementTree elements, keeping each element's line number. A document
    type declaration is a located error (:func:`_refuse_doctype`): nothing is read."""
    builder = ET.TreeBuilder()
    lines: dict[int, int] = {}
    parser = expat.ParserCreate(namespace_separator=" ")
    _refuse_doctype(parser)

    def clark(name: str) -> str:
        uri, _, local = name.rpartition(" ")
        return f"{{{uri}}}{local}" if uri else local

    def start(tag, attrs):
        el = builder.start(clark(tag), {clark(k): v for k, v in attrs.items()})
        lines[id(el)] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: builder.end(clark(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
        root = builder.close()
    except _Doctype as exc:
        problems.append(Problem(where, exc.line, _DOCTYPE_MESSAGE.format(what="a REFI-QDA project")))
        return None, {}
    except expat.ExpatError as exc:
        problems.append(Problem(where, exc.lineno or 0, f"broken XML: {expat.ErrorString(exc.code)}"))
        return None, {}
    except (AssertionError, ValueError) as exc:  # an unbalanced tree from the builder
        problems.append(Problem(where, 0, f"broken XML: {exc}"))
        return None, {}
    return root, lines


# -- small helpers ---------------------------------------------------------------------------------
def _local(tag) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _children(el, name: str) -> list:
    return [c for c in el if _local(c.tag) == name] if el is not None else []


def _first(el, name: str):
    found = _children(el, name)
    return found[0] if found else None


def _iter(el, name: str) -> list:
    return [c for c in el.iter() if _local(c.tag) == name] if el is not None else []


def _norm_guid(value) -> str:
    return str(value or "").strip().strip("{}").lower()


def _str(value) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


#: Attributes of an exported project that carry words (the rest are GUIDs, positions, dates, paths).
_WORDY_ATTRIBUTES = ("name", "id")


def _clean_tree(root, clean) -> None:
    """Every wording of an exported project passed through ``clean`` (the working-output
    writer's): names of the project, sources, cases, selections and users, and every text.
    An interview id taken from a transcript's file name (``zoe_angstrom``) is redacted like
    any other text, wherever it appears."""
    for el in root.iter():
        for key in _WORDY_ATTRIBUTES:
            value = el.get(key)
            if value:
                el.set(key, clean(value))
        if el.text:
            el.text = clean(el.text)


def _clean(attrs: dict) -> dict:
    return {k: _XML_INVALID.sub("", str(v)) for k, v in attrs.items()}


def _sub(parent, tag: str, text: str | None = None, **attrs):
    el = ET.SubElement(parent, tag, _clean(attrs))
    if text is not None:
        el.text = _XML_INVALID.sub("", text)
    return el


def _hex6(colour) -> str | None:
    colour = (colour or "").strip()
    if not _HEX.match(colour):
        return None
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits


def _stamp(day) -> str:
    if isinstance(day, datetime):
        day = day.date()
    return f"{day.isoformat()}T00:00:00Z"


def _serialize(root) -> bytes:
    ET.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")
