"""REFI-QDA import: a ``.qdc`` codebook and a ``.qdpx`` project's codings read back.

Split out of :mod:`kit.qdpx` (which still exports :func:`import_qdc` and :func:`import_qdpx`).
Selections in sources named after a study's interviews are mapped back to segment ids; a
selection outside its source's text is a located error and is skipped; files that cannot be
read give located problems, never a traceback (:mod:`kit.qdpx_xml` refuses hostile files).
What the import hands back never holds contact details (attacker s16 A12): an email or phone
number in a coder, code, memo or source name is redacted, and with a study a coder or code
named after a participant is given as ``coder-N``/``code-N``, each at its line
(:mod:`kit.qdpx_guids`).
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from kit.codebook import Code, Codebook
from kit.errors import Problem
from kit.qdpx_guids import SHARED, coder_names, pseudonym, shared_guids, shown_text, study_roster, where_shared
from kit.qdpx_xml import _archive_text, _children, _first, _hex6, _iter, _load, _local, _norm_guid
from kit.schema import CODING_COLUMNS

__all__ = ["import_qdc", "import_qdpx"]

_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_RGB = re.compile(r"^(?:rgb)?\(?\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)?$", re.I)


def import_qdc(path) -> tuple[Codebook, list[Problem]]:
    """Read a REFI-QDA codebook (``.qdc``, or the codebook inside a ``.qdpx``).

    Returns ``(Codebook, problems)``: codes with name, parent, definition (plus include,
    exclude and examples when the description carries them) and colour. Code names that
    repeat under different parents become ``parent/name``.
    """
    path = Path(path)
    problems: list[Problem] = []
    doc = _load(path, problems)
    if doc is None:
        return Codebook([], str(path)), problems
    root, lines, where = doc["root"], doc["lines"], doc["where"]
    kind = _local(root.tag)
    if kind == "CodeBook":
        book = root
    elif kind == "Project":
        book = _first(root, "CodeBook")
    else:
        problems.append(Problem(where, lines.get(id(root), 1),
                                f"not a REFI-QDA codebook: the root element is <{kind}>, not <CodeBook>"))
        return Codebook([], str(path)), problems
    codes: list[Code] = []
    if book is not None:
        codes_el = _first(book, "Codes")
        if codes_el is not None:
            codes, _ = _read_codes(codes_el, lines, where, problems)
        sets = _children(book, "Sets")
        if kind == "CodeBook" and sets and any(_children(s, "Set") for s in sets):
            problems.append(Problem(where, lines.get(id(sets[0]), 0),
                                    "code sets are not imported: the kit's codebook has no sets", "warning"))
    if not codes:
        problems.append(Problem(where, lines.get(id(book if book is not None else root), 1),
                                "the codebook has no codes", "warning"))
    return Codebook(codes, str(path)), problems


def import_qdpx(path, study=None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read the codings of a REFI-QDA project (``.qdpx``).

    Returns ``(codings, problems)``; ``codings`` has the columns segment, code, coder, memo,
    source, start, end (one row per coding of a text selection). With ``study`` (a folder
    or ``Study``), selections in sources named after the study's interviews are mapped back
    to segment ids (a selection inside a segment maps to that segment; one spanning several
    maps to each); ``segment`` is empty for codings that map to no segment.
    """
    path = Path(path)
    problems: list[Problem] = []
    empty = pd.DataFrame(columns=CODING_COLUMNS)
    doc = _load(path, problems, archive_only=True)
    if doc is None:
        return empty, problems
    root, lines, where = doc["root"], doc["lines"], doc["where"]
    if _local(root.tag) != "Project":
        problems.append(Problem(where, lines.get(id(root), 1),
                                f"not a REFI-QDA project: the root element is <{_local(root.tag)}>, not <Project>"))
        return empty, problems
    if study is not None:
        from kit.study import as_study

        study = as_study(study)
        interview_ids = set(study.interviews["interview_id"])
    else:
        interview_ids = set()

    shared = shared_guids(root, lines)  # attacker s16 A11: a GUID two elements carry names neither
    people = study_roster(study)  # attacker s16 A12: no contact details (nor, with a study, names) handed back
    users = coder_names(root, lines, where, people, shared, problems) | dict.fromkeys(shared)  # None: shared
    codes_by_guid = {}
    book = _first(root, "CodeBook")
    codes_el = _first(book, "Codes") if book is not None else None
    if codes_el is not None:
        _, codes_by_guid = _read_codes(codes_el, lines, where, problems, shared, people)
    notes = {}
    for note in _iter(_first(root, "Notes"), "Note"):
        if _norm_guid(note.get("guid")) in shared:
            problems.append(Problem(where, lines.get(id(note), 0), SHARED.format(
                what="this <Note>", lost="it is no memo", **where_shared(shared, _norm_guid(note.get("guid"))))))
            continue
        content = _first(note, "PlainTextContent")
        text = content.text if content is not None and content.text else \
            _archive_text(doc, note.get("plainTextPath"), where, lines.get(id(note), 0), problems)
        notes[_norm_guid(note.get("guid"))] = (text or "").strip()

    rows = []
    sources = _first(root, "Sources")
    for src in _children(sources, "TextSource") if sources is not None else []:
        line = lines.get(id(src), 0)
        raw = src.get("name") or ""
        name = raw if raw in interview_ids else shown_text(raw, people, "the name of this source", where, line,
                                                                  problems)
        if _norm_guid(src.get("guid")) in shared:  # its text file (internal://<guid>.txt) is another's too
            problems.append(Problem(where, line, SHARED.format(what=f"source {name!r}", lost="its text and its "
                                    "codings are not imported", **where_shared(shared, _norm_guid(src.get("guid"))))))
            continue
        mapping = None
        content = _first(src, "PlainTextContent")
        read: list[Problem] = []  # a source that maps to no interview was not read before: no new warnings
        text = content.text or "" if content is not None else \
            _archive_text(doc, src.get("plainTextPath"), where, line, read)
        if raw in interview_ids:
            problems += read
            mapping = _segment_map(study, name, text, where, line, problems)
        for sel in _children(src, "PlainTextSelection"):
            sline = lines.get(id(sel), 0)
            try:
                start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            except (TypeError, ValueError):
                problems.append(Problem(where, sline, f"selection in source {name!r} has no valid "
                                        "startPosition/endPosition; skipped"))
                continue
            if not 0 <= start <= end <= (len(text) if text is not None else end):
                size = f"its text of {len(text)} characters" if text is not None else "its text"
                problems.append(Problem(where, sline, f"selection [{start}, {end}) in source {name!r} is outside "
                                        f"{size} (REFI-QDA positions run from 0 to the text's length, start "
                                        "<= end); skipped, its codings not imported"))
                continue
            memo = shown_text(_memo(sel, notes), people, "the memo of this selection", where, sline, problems)
            segments = [""]
            if mapping is not None:
                segments = _locate(mapping, start, end)
                if not segments:
                    problems.append(Problem(where, sline, f"selection [{start}, {end}) in {name} lies outside "
                                            "every segment (a speaker label or heading); not mapped", "warning"))
                    segments = [""]
            for coding in _children(sel, "Coding"):
                code = _coding_code(coding, codes_by_guid, where, lines, problems)
                if code is None:
                    continue
                coder = _coder(users, coding.get("creatingUser") or sel.get("creatingUser"), where, lines, coding, problems)
                if coder is None:
                    continue
                memo_here = "\n\n".join(m for m in (memo, _coding_memo(coding, notes, people, where, lines,
                                                                       problems)) if m)
                for seg in segments:
                    rows.append({"segment": seg, "code": code, "coder": coder, "memo": memo_here,
                                 "source": name, "start": start, "end": end})
        for coding in _children(src, "Coding"):
            code = _coding_code(coding, codes_by_guid, where, lines, problems)
            if code is None:
                continue
            coder = _coder(users, coding.get("creatingUser"), where, lines, coding, problems)
            if coder is None:
                continue
            if mapping is not None:
                problems.append(Problem(where, lines.get(id(coding), 0), f"code {code!r} is applied to the "
                                        f"whole source {name}, which is no segment; not mapped", "warning"))
            rows.append({"segment": "", "code": code, "coder": coder,
                         "memo": _coding_memo(coding, notes, people, where, lines, problems), "source": name, "start": None, "end": None})
    # The kit's own cases and variables come from participants.csv: nothing is lost.
    own = (root.get("origin") or "").startswith("interview-kit")
    skipped = _skipped(root, ignore={"Case"} if own else set())
    if skipped:
        problems.append(Problem(where, 0, f"not imported: {skipped}", "warning"))
    frame = pd.DataFrame(rows, columns=CODING_COLUMNS)
    frame["start"] = frame["start"].astype("Int64")
    frame["end"] = frame["end"].astype("Int64")
    if study is not None and len(frame):
        mapped = frame["segment"] != ""
        frame = pd.concat([frame[mapped].drop_duplicates(["segment", "code", "coder"]), frame[~mapped]],
                          ignore_index=True)
    return frame, problems


def _coder(users: dict, value, where, lines, coding, problems):
    """The coder id of a coding's ``creatingUser`` ("" for none or an unknown user); None, with
    an error at the coding, when several elements share the user's GUID (attacker s16 A11)."""
    key = _norm_guid(value)
    if key in users and users[key] is None:
        problems.append(Problem(where, lines.get(id(coding), 0), "this coding's creatingUser is a GUID several "
                                "elements share: whose coding it is cannot be told; not imported"))
    return users.get(key, "")


def _read_codes(codes_el, lines, where, problems, shared=frozenset(), people=None) -> tuple[list[Code], dict[str, str]]:
    """The codes of ``codes_el`` and their GUIDs -> the name imported; a code whose name holds an
    email or phone number (or, with ``people``, a participant's name) is ``code-N`` (its
    position in the codebook) with a located warning, the name never printed (attacker s16 A12)."""
    codes: list[Code] = []
    numbers = iter(range(1, 1_000_000_000))
    by_guid: dict[str, str] = {}
    taken: set[str] = set()

    def walk(el, parent: str | None, depth: int):
        for node in _children(el, "Code"):
            line = lines.get(id(node), 0)
            name = (node.get("name") or "").strip()
            number = next(numbers)
            if name:
                name = pseudonym(name, people, "code", number, where, line, problems)
            if not name:
                problems.append(Problem(where, line, "a code without a name was skipped; its sub-codes "
                                        "are kept under its parent", "warning"))
                if depth < 100:
                    walk(node, parent, depth + 1)
                continue
            unique = name
            if unique in taken:
                unique = f"{parent}/{name}" if parent else name
                n = 2
                while unique in taken:
                    unique = f"{parent + '/' if parent else ''}{name} ({n})"
                    n += 1
                problems.append(Problem(where, line, f"code name {name!r} appears more than once; "
                                        f"this one is imported as {unique!r}", "warning"))
            taken.add(unique)
            gid = _norm_guid(node.get("guid"))
            if gid in shared:  # attacker s16 A11: no coding is attributed to whichever code came first
                problems.append(Problem(where, line, SHARED.format(what=f"code {name!r}", lost="the codings that "
                                        "refer to it are not imported", **where_shared(shared, gid))))
                by_guid[gid] = None
            elif gid in by_guid:
                problems.append(Problem(where, line, f"code {name!r} repeats the GUID of code "
                                        f"{by_guid[gid]!r}", "warning"))
            else:
                by_guid[gid] = unique
            desc = _first(node, "Description")
            parsed = _parse_description(desc.text or "" if desc is not None else "")
            codes.append(Code(name=unique, parent=parent, colour=_import_colour(node.get("color"), where,
                                                                              line, problems),
                              line=line, **parsed))
            if depth < 100:
                walk(node, unique, depth + 1)

    walk(codes_el, None, 0)
    return codes, by_guid


def _import_colour(value, where, line, problems):
    value = (value or "").strip()
    if not value:
        return None
    if _HEX.match(value):
        return _hex6(value)
    match = _RGB.match(value)
    if match and all(int(g) <= 255 for g in match.groups()):
        return "#" + "".join(f"{int(g):02x}" for g in match.groups())
    problems.append(Problem(where, line, f"colour {value!r} is not a colour like #1f77b4; left out", "warning"))
    return None


def _coding_code(coding, codes_by_guid, where, lines, problems):
    ref = _first(coding, "CodeRef")
    target = _norm_guid(ref.get("targetGUID")) if ref is not None else ""
    if target in codes_by_guid and codes_by_guid[target] is None:
        problems.append(Problem(where, lines.get(id(coding), 0), f"coding refers to GUID {target}, which several "
                                "elements share (a code among them): which code is meant cannot be told; not imported"))
    if target in codes_by_guid:
        return codes_by_guid[target]
    problems.append(Problem(where, lines.get(id(coding), 0),
                            f"coding refers to a code that is not in the codebook ({target or 'no CodeRef'}); skipped"))
    return None


def _coding_memo(coding, notes, people, where, lines, problems) -> str:
    return shown_text(_memo(coding, notes), people, "the memo of this coding", where, lines.get(id(coding), 0),
                      problems)


def _memo(el, notes) -> str:
    desc = _first(el, "Description")
    parts = [desc.text.strip()] if desc is not None and desc.text and desc.text.strip() else []
    for ref in _children(el, "NoteRef"):
        text = notes.get(_norm_guid(ref.get("targetGUID")))
        if text:
            parts.append(text)
    return "\n\n".join(parts)


def _segment_map(study, iid, text, where, line, problems) -> dict:
    """Segment spans for an archived source: exact when the text is the study's own, else
    found by searching each segment's text."""
    from kit.qdpx import source_text

    candidates = [source_text(study, iid, include_names=flag) for flag in (False, True)]
    if text is None:
        problems.append(Problem(where, line, f"source {iid} has no readable text; its positions are taken "
                                "as those of the study's current text", "warning"))
        return candidates[0][1]
    for expected, spans in candidates:
        if text == expected:
            return spans
    expected, base = candidates[0]
    spans, pos, missing = {}, 0, 0
    for seg, (s, e) in sorted(base.items(), key=lambda kv: kv[1]):
        needle = expected[s:e]
        at = text.find(needle, pos)
        if at < 0:
            at = text.find(needle)
        if at < 0 or not needle:
            missing += bool(needle)
            continue
        spans[seg] = (at, at + len(needle))
        pos = at + len(needle)
    note = f" ({missing} segments not found)" if missing else ""
    problems.append(Problem(where, line, f"source {iid} differs from the study's current text; its codings "
                            f"were matched to segments by their text{note}", "warning"))
    return spans


def _locate(spans: dict, start: int, end: int) -> list[str]:
    exact = [seg for seg, (s, e) in spans.items() if (s, e) == (start, end)]
    if exact:
        return exact
    if start == end:
        return [seg for seg, (s, e) in spans.items() if s <= start <= e]
    return [seg for seg, (s, e) in sorted(spans.items(), key=lambda kv: kv[1]) if s < end and start < e]


def _skipped(root, ignore=frozenset()) -> str:
    labels = {"PDFSource": "PDF source", "PictureSource": "picture source", "AudioSource": "audio source",
              "VideoSource": "video source", "Case": "case", "Set": "set", "Link": "link", "Graph": "graph"}
    counts = {}
    for el in root.iter():
        name = _local(el.tag)
        if name in labels and name not in ignore:
            counts[name] = counts.get(name, 0) + 1
    return ", ".join(f"{n} {labels[k]}{'s' if n > 1 else ''}" for k, n in counts.items())


def _parse_description(text: str) -> dict:
    out = {"definition": "", "include": "", "exclude": "", "examples": []}
    rest = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        if block.startswith("Include: "):
            out["include"] = block[len("Include: "):].strip()
        elif block.startswith("Exclude: "):
            out["exclude"] = block[len("Exclude: "):].strip()
        elif block.startswith("Examples:\n"):
            out["examples"] = [line.strip()[2:].strip() if line.strip().startswith("- ") else line.strip()
                               for line in block.split("\n")[1:] if line.strip()]
        else:
            rest.append(block)
    out["definition"] = "\n\n".join(rest).strip()
    return out
