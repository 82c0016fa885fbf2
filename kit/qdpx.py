"""REFI-QDA exchange: a study as a ``.qdpx`` project and its codebook as a ``.qdc`` file.

REFI-QDA 1.5 (https://www.qdasoftware.org) is the exchange format of ATLAS.ti, NVivo, MAXQDA,
QualCoder, Quirkos and others. What the kit writes:

- ``project.qde`` plus ``sources/<guid>.txt``: one UTF-8 plain text source per interview,
  built by ``source_text`` (the transcript turns as ``Speaker: text`` lines, then the note's
  key quotes, insights and opportunities under headings). Every segment id (``#t``, ``#q``,
  ``#i``, ``#o``) is a range ``[start, end)`` of that text, counted in Unicode code points
  from 0, the end exclusive. Participants' labels are their pseudonymous ids unless
  ``include_names``.
- the codebook with its hierarchy (nested ``<Code>``), colours and definitions; the coders as
  users; the participants who were interviewed as cases, with the study's segment attributes
  as variables and their interviews as sources; every manual coding as a
  ``<PlainTextSelection>`` with one ``<Coding>`` by its coder (the memo is the selection's
  description). Only the coders' codings are exported, by design: a REFI-QDA coding is a
  coder's judgement, and the codebook's keyword rules (``analyze``'s autocodes.csv) are a
  guess the coders review; the codebook (with its keywords in each code's description)
  travels, so the QDA tool's own auto-coding can apply them. :func:`export_summary` says
  what a project holds, and what it leaves out.
- GUIDs are UUID 5 of stable ids (``code:late-payment``, ``source:INT-003``,
  ``selection:INT-003#t4:late-payment:maya``) and timestamps come from the study's dates, so
  exporting an unchanged study twice gives the same bytes.
- no empty container elements (``<Sets/>``, ``<Variables/>`` ... are invalid) and the
  schema's element order; ``validate`` checks a file against the bundled schemas (it needs
  ``lxml``; the export itself does not).

Import (:mod:`kit.qdpx_import`) reads a ``.qdc`` (or the codebook of a ``.qdpx``) into a ``Codebook`` and the codings
of a ``.qdpx`` into a table; selections in sources named after a study's interviews are
mapped back to segment ids; a selection outside its source's text (``[-5, 99999999)``) is a
located error and is skipped. Files that cannot be read give located problems, never a
traceback. Hostile files are refused the same way: an archive whose declared sizes exceed
``kit.safety``'s limits (a zip bomb) is never decompressed; members are read into memory,
never extracted, so ``../`` names (zip slip) cannot write anywhere; the XML parser (expat)
fetches no external entity (XXE) and stops entity expansion bombs (billion laughs).
"""
from __future__ import annotations

import functools
import io
import os
import re
import uuid
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

import pandas as pd

from kit import __version__
from kit.atomic import atomic_write_bytes
from kit.codebook import Code, Codebook
from kit.errors import Problem, StudyError
from kit.qdpx_xml import (
    _archive_text,
    doctype_problem,
    _clean,
    _clean_tree,
    _hex6,
    _load,
    _norm_guid,
    _serialize,
    _stamp,
    _str,
    _sub,
)
from kit.qdpx_import import import_qdc, import_qdpx
from kit.schema import CODING_COLUMNS

__all__ = ["CODEBOOK_NS", "CODING_COLUMNS", "HEADINGS", "NAMESPACE", "ORIGIN", "PROJECT_NS", "SCHEMA_DIR",
           "describe_code", "distinct_names", "export_qdc", "export_qdpx", "export_summary", "guid", "import_qdc", "import_qdpx", "source_text",
           "validate"]

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"interview-kit {__version__}"
SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "refi-qda"
# Fixed namespace for the kit's GUIDs: uuid5(NAMESPACE, "code:late-payment") never changes.
NAMESPACE = uuid.UUID("6f1c2a9e-5b3d-5e8a-9c47-2d0e8b61f3a4")
HEADINGS = {"turns": "Transcript", "quotes": "Key quotes", "insights": "Insights",
            "opportunities": "Opportunities"}
# Participant columns never exported as case variables, whatever study.yml says.
_PERSONAL = {"id", "name", "email", "line", "consent_record", "consent_quote"}


def guid(kind: str, key: str) -> str:
    """The stable GUID of one thing of the study, e.g. ``guid("code", "late-payment")``."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


# -- the text of a source ----------------------------------------------------------------------
def source_text(study, interview_id: str, include_names: bool = False) -> tuple[str, dict]:
    """The plain text exported for one interview and where each segment sits in it.

    Returns ``(text, {segment_id: (start, end)})`` with positions in Unicode code points,
    ``end`` exclusive, so ``text[start:end]`` is the segment's text. The text is a working
    output (``kit.outputs``): roster names, emails and phone numbers are replaced unless
    ``include_names`` (contact details are replaced anyway), positions are those of the
    redacted text.
    """
    from kit.study import as_study

    study = as_study(study)
    clean = _writer(study, include_names).clean
    if interview_id not in set(study.interviews["interview_id"]):
        raise KeyError(f"no interview {interview_id!r} in the study")
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0

    def add(piece: str, segment: str | None = None):
        nonlocal pos
        if segment is not None:
            spans[segment] = (pos, pos + len(piece))
        parts.append(piece)
        pos += len(piece)

    def heading(key: str):
        if pos:
            add("\n")
        add(HEADINGS[key] + "\n")

    from kit.withdrawn_words import without_withdrawn  # a withdrawn participant's words: nowhere (attacker s16 A15)

    turns = without_withdrawn(study, study.turns[study.turns["interview_id"] == interview_id])
    if len(turns):
        heading("turns")
        for seg, speaker, text in zip(turns["segment_id"], _speakers(turns, include_names),
                                      turns["text"]):
            add(f"{clean(_str(speaker))}: ")
            add(clean(_str(text)), seg)
            add("\n")
    for key, frame in (("quotes", study.quotes), ("insights", study.insights),
                       ("opportunities", study.opportunities)):
        rows = without_withdrawn(study, frame[frame["interview_id"] == interview_id])
        if not len(rows):
            continue
        heading(key)
        for seg, text in zip(rows["segment_id"], rows["text"]):
            add('- "' if key == "quotes" else "- ")
            add(clean(_str(text)), seg)
            add('"\n' if key == "quotes" else "\n")
    return "".join(parts), spans


def _writer(study, include_names: bool):
    """The working-output writer (``kit.outputs``) that cleans every text of the export."""
    from kit.outputs import WORKING, Outputs

    return Outputs(None, study, WORKING, include_names=include_names)


def _speakers(turns: pd.DataFrame, include_names: bool) -> pd.Series:
    """Speaker labels as ``kit.analyze.public_speakers`` gives them (a participant's label is
    their pseudonymous id unless names are asked for), without importing the NLP stack."""
    if include_names:
        return turns["speaker"]
    pseudonym = turns["participant"].where(turns["participant"].astype(bool), "participant")
    pseudonym = pseudonym.where(turns["role"] != "other", "other speaker")  # a third speaker (kit.study_config)
    return turns["speaker"].where(~turns["role"].isin(("participant", "other")), pseudonym)


# -- export --------------------------------------------------------------------------------------
def export_qdpx(study, path, include_names: bool = False) -> Path:
    """Write the study as a REFI-QDA project (``.qdpx``) and return its path.

    Participants appear under their pseudonymous ids; ``include_names`` keeps the transcript
    labels and adds each case's name as its description (for internal copies only).
    """
    from kit.study import as_study

    study = as_study(study)
    path = Path(path)
    codes = _study_codes(study)
    coders = sorted({_str(c) for c in study.codings["coder"] if _str(c)})
    dates = sorted(d for d in study.interviews["date"] if isinstance(d, date))

    attrs = {"xmlns": PROJECT_NS, "name": study.name, "origin": ORIGIN}
    if dates:
        attrs["creationDateTime"] = _stamp(dates[0])
    root = ET.Element("Project", _clean(attrs))
    clean = _writer(study, include_names).clean
    if coders:
        users = _sub(root, "Users")
        shown = distinct_names(coders, clean)
        for coder in coders:
            _sub(users, "User", guid=guid("user", coder), name=shown[coder], id=shown[coder])
    if codes:
        _code_tree(_sub(_sub(root, "CodeBook"), "Codes"), codes, clean)
    cases, variables = _cases(study, include_names)
    if variables:
        holder = _sub(root, "Variables")
        for name in variables:
            _sub(holder, "Variable", guid=guid("variable", name), name=name, typeOfVariable="Text")
    if cases:
        holder = _sub(root, "Cases")
        for case in cases:
            el = _sub(holder, "Case", guid=guid("case", case["id"]), name=case["id"])
            if case.get("description"):
                _sub(el, "Description", text=case["description"])
            for name, value in case["values"]:
                vv = _sub(el, "VariableValue")
                _sub(vv, "VariableRef", targetGUID=guid("variable", name))
                _sub(vv, "TextValue", text=clean(value))
            for iid in case["interviews"]:
                _sub(el, "SourceRef", targetGUID=guid("source", iid))

    files: dict[str, bytes] = {}
    from kit.withdrawn_words import withdrawn_interviews

    gone = withdrawn_interviews(study)  # an interview only withdrawn participants were in: no source (A15)
    rows = [r for r in study.interviews.itertuples(index=False) if r.interview_id not in gone]
    if rows:
        sources = _sub(root, "Sources")
        for row in rows:
            iid = row.interview_id
            text, spans = source_text(study, iid, include_names)
            sguid = guid("source", iid)
            files[f"sources/{sguid}.txt"] = text.encode("utf-8")
            sattrs = {"guid": sguid, "name": iid, "plainTextPath": f"internal://{sguid}.txt"}
            if isinstance(row.date, date):
                sattrs["creationDateTime"] = _stamp(row.date)
            src = _sub(sources, "TextSource", **sattrs)
            _sub(src, "Description", text=clean(_source_description(row)))
            codings = study.codings[study.codings["segment"].isin(list(spans))]
            selections = sorted(
                ((spans[r.segment], r.segment, r.code, _str(r.coder), _str(r.memo))
                 for r in codings.itertuples(index=False)),
                key=lambda s: (s[0][0], s[0][1], s[1], s[2], s[3]))
            for (start, end), seg, code, coder, memo in selections:
                key = f"{seg}:{code}:{coder}"
                sel_attrs = {"guid": guid("selection", key), "name": seg,
                             "startPosition": str(start), "endPosition": str(end)}
                coding_attrs = {"guid": guid("coding", key)}
                if coder:
                    sel_attrs["creatingUser"] = coding_attrs["creatingUser"] = guid("user", coder)
                sel = _sub(src, "PlainTextSelection", **sel_attrs)
                if memo:
                    _sub(sel, "Description", text=clean(memo))
                coding = _sub(sel, "Coding", **coding_attrs)
                _sub(coding, "CodeRef", targetGUID=guid("code", code))
    question = _str(study.config.get("research_question"))
    if question:
        _sub(root, "Description", text=clean(question))
    _clean_tree(root, clean)

    stamp = (dates[-1].year, dates[-1].month, dates[-1].day, 0, 0, 0) if dates else (1980, 1, 1, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in [("project.qde", _serialize(root))] + sorted(files.items()):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    _atomic_write_bytes(path, buffer.getvalue())
    return path


def export_summary(study) -> str:
    """One line on what :func:`export_qdpx` writes for ``study``: its sources, codes and
    manual codings, and that the automatic codes (the codebook's keyword rules) are not
    exported, as codings are a coder's judgement (the module docstring)."""
    from kit.study import as_study

    study = as_study(study)
    codings = study.codings
    coders = sorted({_str(c) for c in codings["coder"] if _str(c)})
    n, k = len(codings), len(coders)
    said = (f"{n} manual coding{'s' if n != 1 else ''} by {k} coder{'s' if k != 1 else ''}" if n
            else "no manual codings (codings/ is empty)")
    from kit.sample import withdrawn
    from kit.withdrawn_words import withdrawn_interviews

    gone = withdrawn(study)
    sources = int((~study.interviews["interview_id"].astype(str).isin(withdrawn_interviews(study))).sum()) \
        if len(study.interviews) else 0
    people = study.participants
    quiet = sorted(set(people.loc[~people["consent_quote"].astype(bool), "id"].astype(str)) - gone) \
        if "consent_quote" in people and len(people) else []
    quiet = [p for p in quiet if p in set(study.interviews["participant"].astype(str))]
    left = (f"; withdrawn: {len(gone)} (their words are left out of every source)" if gone else "")
    unquotable = (f"; {len(quiet)} participant(s) who did not consent to being quoted ({', '.join(quiet[:10])}"
                  f"{' and more' if len(quiet) > 10 else ''}) are in it, pseudonymous: a working file for the "
                  "team's QDA tool, not for publication" if quiet else "")
    return (f"{sources} source{'' if sources == 1 else 's'}, {len(_study_codes(study))} codes, {said}; automatic codes "
            "(the codebook's keyword rules, analyze's autocodes.csv) are not exported: only a coder's "
            "codings are, by design (docs/study-format.md, \"Export to QDA tools\")" + left + unquotable)


def export_qdc(study_or_codebook, path) -> Path:
    """Write a REFI-QDA codebook (``.qdc``) from a study (folder or ``Study``), a
    ``codebook.yml`` file or a ``Codebook``; return its path."""
    source = study_or_codebook
    writer = _writer(None, False)  # a codebook alone: contact details in its examples only
    if isinstance(source, Codebook):
        codes, where = list(source.codes), source.path or "codebook"
    elif isinstance(source, (str, os.PathLike)) and Path(source).is_file():
        from kit.codebook import load_codebook

        codebook, problems = load_codebook(source)
        errors = [p for p in problems if p.is_error]
        if errors:
            raise StudyError(errors)
        codes, where = list(codebook.codes), str(source)
    else:
        from kit.study import as_study

        study = as_study(source)
        codes, where = _study_codes(study), str(study.path / "codebook.yml")
        writer = _writer(study, False)
    if not codes:
        raise StudyError([Problem(where, 0, "no codes to export: a .qdc codebook needs at least one code")])
    root = ET.Element("CodeBook", {"xmlns": CODEBOOK_NS, "origin": ORIGIN})
    _code_tree(_sub(root, "Codes"), codes, writer.clean)
    _clean_tree(root, writer.clean)  # code names too: a code may be named after a participant
    path = Path(path)
    _atomic_write_bytes(path, _serialize(root))
    return path


def _study_codes(study) -> list[Code]:
    """The codebook's codes, plus any code used in codings that the codebook lacks."""
    codes = list(study.codebook.codes)
    known = {c.name for c in codes}
    for name in study.codings["code"]:
        name = _str(name)
        if name and name not in known:
            known.add(name)
            codes.append(Code(name=name))
    return codes


def _code_tree(holder, codes: list[Code], clean=None) -> None:
    """The codes as nested ``Code`` elements; ``clean`` (a working-output writer's) is applied
    to each description, whose examples may quote a participant."""
    names = {c.name for c in codes}
    parent_of = {c.name: c.parent for c in codes}

    def effective_parent(code: Code):
        if not code.parent or code.parent not in names or code.parent == code.name:
            return None
        node, seen = code.parent, {code.name}
        while node:  # a code inside a cycle of parents goes to the top level
            if node in seen:
                return None if node == code.name else code.parent
            seen.add(node)
            node = parent_of.get(node)
        return code.parent

    children: dict[str | None, list[Code]] = {}
    for code in codes:
        children.setdefault(effective_parent(code), []).append(code)

    shown = distinct_names([c.name for c in codes], clean) if clean is not None else {}

    def emit(parent_el, code: Code, depth: int):
        attrs = {"guid": guid("code", code.name), "name": shown.get(code.name, code.name), "isCodable": "true"}
        colour = _hex6(code.colour)
        if colour:
            attrs["color"] = colour
        el = _sub(parent_el, "Code", **attrs)
        description = describe_code(code)
        if description and clean is not None:
            description = clean(description)
        if description:
            _sub(el, "Description", text=description)
        if depth < 100:
            for child in children.get(code.name, []):
                emit(el, child, depth + 1)

    for code in children.get(None, []):
        emit(holder, code, 0)


_MARK = re.compile(r"\[(name|email|phone)\]")


def distinct_names(values, clean) -> dict[str, str]:
    """Each distinct value (a coder, a code name) as the export shows it: ``clean(value)``
    (the working-output redaction), numbered when redaction would make distinct values
    equal, so a re-import still tells coders and codes apart: coders ``siobhan_oneill`` and
    ``jordan_example`` become ``[name 2]`` and ``[name 1]``, codes ``Siobhan zebra`` and
    ``Jordan zebra`` ``[name 2] zebra`` and ``[name 1] zebra`` (numbered in the sorted order
    of the originals, so one export is stable; a value without a mark gets `` (N)``)."""
    groups: dict[str, list[str]] = {}
    for value in sorted(set(values)):
        groups.setdefault(clean(value), []).append(value)
    out, taken = {}, set(groups)
    for cleaned, originals in groups.items():
        if len(originals) == 1:
            out[originals[0]] = cleaned
            continue
        for number, value in enumerate(originals, start=1):
            shown = _MARK.sub(lambda m: f"[{m.group(1)} {number}]", cleaned, count=1)
            shown = shown if shown != cleaned else f"{cleaned} ({number})"
            while shown in taken:
                shown += f" ({number})"
            taken.add(shown)
            out[value] = shown
    return out


def describe_code(code: Code) -> str:
    """A code's ``<Description>``: the definition, then include/exclude guidance and examples
    (read back by ``import_qdc``)."""
    parts = [code.definition.strip()] if code.definition else []
    if code.include:
        parts.append(f"Include: {code.include.strip()}")
    if code.exclude:
        parts.append(f"Exclude: {code.exclude.strip()}")
    if code.examples:
        parts.append("Examples:\n" + "\n".join(f"- {e}" for e in code.examples))
    return "\n\n".join(p for p in parts if p)


def _cases(study, include_names: bool):
    """The interviewed participants as cases, and the names of the variables they carry."""
    from kit.sample import withdrawn
    from kit.withdrawn_words import withdrawn_interviews

    interviews = study.interviews
    gone, gone_interviews = withdrawn(study), withdrawn_interviews(study)
    by_participant: dict[str, list[str]] = {}
    for pid, iid in zip(interviews["participant"], interviews["interview_id"]):
        pid = _str(pid)
        if pid and pid not in gone and iid not in gone_interviews:  # withdrew: no case (attacker s16 A15)
            by_participant.setdefault(pid, []).append(iid)
    people = study.participants
    declared = (study.config.get("segments") or {}).get("attributes") or []
    wanted = [str(a) for a in declared if isinstance(a, str)] or [study.segment_attribute]
    from kit.privacy_columns import identifier_columns, person_columns

    named = {c for group in person_columns(people.columns) for c in group}  # parent_name, guardian, ...
    named |= set(identifier_columns(people))  # student_number, tenancy_ref: a person's identifier
    variables = []
    for name in wanted:
        if name in people.columns and name not in _PERSONAL and name not in named and name not in variables:
            variables.append(name)
    records = {}
    for row in people.to_dict("records"):
        pid = _str(row.get("id"))
        if pid not in by_participant:
            continue
        values = [(v, _str(row.get(v))) for v in variables if _str(row.get(v))]
        case = {"id": pid, "values": values, "interviews": by_participant[pid]}
        if include_names and _str(row.get("name")):
            case["description"] = _str(row.get("name"))
        records[pid] = case
    for pid in sorted(set(by_participant) - set(records)):
        records[pid] = {"id": pid, "values": [], "interviews": by_participant[pid]}
    used = {name for case in records.values() for name, _ in case["values"]}
    return list(records.values()), [v for v in variables if v in used]


def _source_description(row) -> str:
    bits = [f"Interview {row.interview_id}"]
    if isinstance(row.date, date):
        bits.append(f"on {row.date.isoformat()}")
    if _str(row.participant):
        bits.append(f"with {_str(row.participant)}")
    text = " ".join(bits)
    if _str(getattr(row, "stage", "")):
        text += f" (stage: {_str(row.stage)})"
    return text + "."


# -- validation ----------------------------------------------------------------------------------
def validate(path) -> list[str]:
    """Check a ``.qdpx`` (its ``project.qde`` and sources) or a ``.qdc`` against the bundled
    REFI-QDA schemas and the rules the schemas cannot express (unique GUIDs, references
    that resolve, internal sources present, selections inside their text).

    Returns messages ``path:line: message``; an empty list means valid. Needs ``lxml``.
    """
    try:
        from lxml import etree
    except ImportError:
        return [f"{path}: cannot validate: lxml is not installed (pip install lxml)"]
    path = Path(path)
    problems: list[Problem] = []
    doc = _load(path, problems, parse=False)
    if doc is None:
        return [str(p) for p in problems]
    where = doc["where"]
    refused = doctype_problem(doc["data"], where)  # an entity is never read nor dropped in silence (attacker s14 A5)
    if refused is not None:
        return [str(refused)]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        tree = etree.fromstring(doc["data"], parser)
    except etree.XMLSyntaxError as exc:
        return [str(Problem(where, exc.lineno or 0, f"broken XML: {exc.msg}"))]
    kind = etree.QName(tree).localname
    schema_file = {"Project": "Project.xsd", "CodeBook": "Codebook.xsd"}.get(kind)
    if schema_file is None:
        return [str(Problem(where, tree.sourceline or 1, f"root element <{kind}> is neither <Project> nor <CodeBook>"))]
    if doc["archive"] is not None and kind != "Project":
        problems.append(Problem(where, tree.sourceline or 1, "the .qde file of a .qdpx must hold a <Project>"))
    schema = _schema(schema_file)
    if not schema.validate(tree):
        for err in schema.error_log:
            problems.append(Problem(where, err.line, err.message))
    if kind == "Project":
        problems += _project_rules(tree, doc, where)
    return [str(p) for p in problems]


@functools.lru_cache(maxsize=None)
def _schema(name: str):
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / name)))


def _project_rules(tree, doc, where) -> list[Problem]:
    from lxml import etree

    problems: list[Problem] = []
    kinds: dict[str, str] = {}
    for el in tree.iter(etree.Element):
        gid = el.get("guid")
        if gid is None:
            continue
        key = _norm_guid(gid)
        if key in kinds:
            problems.append(Problem(where, el.sourceline, f"GUID {gid} is used twice"))
        kinds[key] = etree.QName(el).localname
    sources = {"TextSource", "PictureSource", "PDFSource", "AudioSource", "VideoSource"}
    selections = {"PlainTextSelection", "PictureSelection", "PDFSelection", "AudioSelection",
                  "VideoSelection", "TranscriptSelection"}
    wanted = {"CodeRef": {"Code"}, "MemberCode": {"Code"}, "VariableRef": {"Variable"},
              "SourceRef": sources, "MemberSource": sources, "NoteRef": {"Note"}, "MemberNote": {"Note"},
              "SelectionRef": selections}
    for el in tree.iter(etree.Element):
        name = etree.QName(el).localname
        if name in wanted:
            target = _norm_guid(el.get("targetGUID"))
            if kinds.get(target) not in wanted[name]:
                problems.append(Problem(where, el.sourceline, f"<{name}> points to {el.get('targetGUID')}, "
                                        f"which is no {' or '.join(sorted(wanted[name]))}"))
        for attr in ("creatingUser", "modifyingUser", "creatingUserGUID", "modifyingUserGUID"):
            value = el.get(attr)
            if value is not None and kinds.get(_norm_guid(value)) != "User":
                problems.append(Problem(where, el.sourceline, f"{attr} {value} is no <User>"))
        if name in ("TextSource", "Note", "Transcript", "Representation", "TextDescription"):
            content = el.find(f"{{{PROJECT_NS}}}PlainTextContent")
            has_path = el.get("plainTextPath") is not None
            if content is not None and has_path:
                problems.append(Problem(where, el.sourceline, f"<{name}> has both PlainTextContent and "
                                        "plainTextPath; the standard allows one"))
            text = None
            if content is not None:
                text = content.text or ""
            elif has_path:
                ref = el.get("plainTextPath")
                if ref.startswith("internal://"):
                    local: list[Problem] = []
                    text = _archive_text(doc, ref, where, el.sourceline, local, level="error")
                    problems += local
            if text is not None:
                for sel in el.iterchildren(f"{{{PROJECT_NS}}}PlainTextSelection"):
                    try:
                        start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
                    except (TypeError, ValueError):
                        continue  # the schema reports it
                    if not 0 <= start <= end <= len(text):
                        problems.append(Problem(where, sel.sourceline, f"selection [{start}, {end}) is outside "
                                                f"its text of {len(text)} characters"))
    return problems


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    atomic_write_bytes(path, data, permissions=0o644)
