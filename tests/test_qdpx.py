"""REFI-QDA exchange: .qdpx projects and .qdc codebooks, checked against the standard's schemas.

The two ATLAS.ti samples in tests/data/refi-qda/ are small public exports (ATLAS.ti for Windows
23.2.3) of a blank project and of a project with a three-code codebook.
"""
from __future__ import annotations

import re
import uuid
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit import qdpx
from kit.codebook import Code, Codebook
from kit.errors import StudyError
from conftest import write

etree = pytest.importorskip("lxml.etree")

NS = {"q": qdpx.PROJECT_NS}
CNS = {"c": qdpx.CODEBOOK_NS}
SAMPLES = Path(__file__).parent / "data" / "refi-qda"
SCHEMAS = Path(qdpx.__file__).parent / "data" / "refi-qda"

TRANSCRIPT_UNICODE = """
Ana Silva: Tell me about the last time you set up a project.
Jo: Ça a été dur 😀 – I gave up on the template and copied last year's spreadsheet.
Ana Silva: What happened next? 🙂
Jo: The invite email went to spam twice, so I texted everyone the link.
"""


# -- helpers -------------------------------------------------------------------------------------
def qde(path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def archived_texts(path) -> dict[str, str]:
    """Source name -> the text of its internal .txt file."""
    root = qde(path)
    out = {}
    with zipfile.ZipFile(path) as archive:
        for src in root.iterfind(".//q:TextSource", NS):
            name = src.get("plainTextPath").removeprefix("internal://")
            out[src.get("name")] = archive.read(f"sources/{name}").decode("utf-8")
    return out


def segment_texts(study) -> dict[str, str]:
    texts = dict(zip(study.turns["segment_id"], study.turns["text"]))
    for frame in (study.quotes, study.insights, study.opportunities):
        texts.update(zip(frame["segment_id"], frame["text"]))
    return texts


def schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def codings_key(frame) -> pd.DataFrame:
    frame = frame[["segment", "code", "coder", "memo"]].fillna("").astype(str)
    return frame.sort_values(["segment", "code", "coder"]).reset_index(drop=True)


def make_qdpx(path: Path, qde_text: str, files: dict[str, str] | None = None, qde_name="project.qde"):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(qde_name, qde_text)
        for name, text in (files or {}).items():
            archive.writestr(name, text)
    return path


@pytest.fixture
def study(study_dir):
    write(study_dir / "transcripts" / "INT-001.txt", TRANSCRIPT_UNICODE)
    return kit.load_study(study_dir)


@pytest.fixture(scope="module")
def pilot():
    from kit.paths import pilot_path

    return kit.load_study(pilot_path())


# -- the text of a source ------------------------------------------------------------------------
def test_source_text_maps_every_segment(study):
    from kit.outputs import Outputs

    texts = segment_texts(study)
    working = Outputs(None, study)  # an export is a working output: roster names replaced
    for iid in study.interviews["interview_id"]:
        text, spans = qdpx.source_text(study, iid)
        ids = {s for s in texts if s.startswith(iid + "#")}
        assert set(spans) == ids
        for seg, (start, end) in spans.items():
            assert text[start:end] == working.clean(texts[seg])
    assert "Jo copied" not in qdpx.source_text(study, "INT-001")[0]
    assert "[name] copied" in qdpx.source_text(study, "INT-001")[0]
    text, spans = qdpx.source_text(study, "INT-001")
    assert "P-1: Ça a été dur 😀" in text and "Jo:" not in text
    assert text.startswith("Transcript\nAna Silva: ")
    assert "\nKey quotes\n- \"" in text and "\nInsights\n- " in text and "\nOpportunities\n- " in text
    named, named_spans = qdpx.source_text(study, "INT-001", include_names=True)
    assert "Jo: Ça a été dur" in named and "P-1:" not in named
    assert named[slice(*named_spans["INT-001#t2"])] == texts["INT-001#t2"]
    with pytest.raises(KeyError):
        qdpx.source_text(study, "INT-999")


def test_speaker_labels_follow_the_shared_outputs(study, pilot):
    from kit.analyze import public_speakers

    for s in (study, pilot):
        for names in (False, True):
            assert qdpx._speakers(s.turns, names).tolist() == public_speakers(s.turns, names).tolist()


def test_positions_are_code_points_with_exclusive_end(study, tmp_path):
    path = qdpx.export_qdpx(study, tmp_path / "s.qdpx")
    texts, segs = archived_texts(path), segment_texts(study)
    root = qde(path)
    selections = root.findall(".//q:PlainTextSelection", NS)
    assert len(selections) == len(study.codings) == 3
    for sel in selections:
        source = sel.getparent().get("name")
        start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
        assert texts[source][start:end] == segs[sel.get("name")]
    t4 = root.find(".//q:PlainTextSelection[@name='INT-001#t4']", NS)
    raw = texts["INT-001"].encode("utf-8")
    # the emoji and accents before t4 make byte offsets differ from code point offsets
    assert len(texts["INT-001"][: int(t4.get("startPosition"))].encode("utf-8")) > int(t4.get("startPosition"))
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM: position 0 is the first character


# -- export --------------------------------------------------------------------------------------
def test_export_is_valid_against_both_schemas(study, tmp_path):
    project = qdpx.export_qdpx(study, tmp_path / "s.qdpx")
    codebook = qdpx.export_qdc(study, tmp_path / "s.qdc")
    assert qdpx.validate(project) == []
    assert qdpx.validate(codebook) == []
    # and straight against the XSDs, independently of validate()
    assert schema("Project.xsd").validate(qde(project))
    assert schema("Codebook.xsd").validate(etree.parse(str(codebook)))


def test_archive_layout(study, tmp_path):
    path = qdpx.export_qdpx(study, tmp_path / "out" / "s.qdpx")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert names[0] == "project.qde"
        assert all(re.fullmatch(r"sources/[0-9a-f-]{36}\.txt", n) for n in names[1:])
        assert archive.read("project.qde").startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = qde(path)
    assert root.tag == f"{{{qdpx.PROJECT_NS}}}Project"
    assert [e.tag.split("}")[1] for e in root] == ["Users", "CodeBook", "Variables", "Cases", "Sources",
                                                  "Description"]
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert [s.get("name") for s in sources] == ["INT-001", "INT-002"]
    for src in sources:
        assert src.get("plainTextPath") == f"internal://{src.get('guid')}.txt"
        assert src.find("q:PlainTextContent", NS) is None
    texts = archived_texts(path)
    for iid in ("INT-001", "INT-002"):
        assert texts[iid] == qdpx.source_text(study, iid)[0]
    # no empty containers, which the schema forbids
    for tag in ("Sets", "Notes", "Links", "Graphs"):
        assert root.find(f"q:{tag}", NS) is None
    assert root.findtext("q:Description", namespaces=NS) == study.config["research_question"]


def test_codebook_hierarchy_colours_and_definitions(pilot, tmp_path):
    path = qdpx.export_qdpx(pilot, tmp_path / "p.qdpx")
    codes = qde(path).find("q:CodeBook/q:Codes", NS)
    found = {}
    for el in codes.iter(f"{{{qdpx.PROJECT_NS}}}Code"):
        parent = el.getparent()
        found[el.get("name")] = (parent.get("name") if parent.tag.endswith("}Code") else None, el)
    assert set(found) == set(pilot.codebook.names)
    for code in pilot.codebook:
        parent, el = found[code.name]
        assert parent == code.parent
        assert el.get("guid") == qdpx.guid("code", code.name)
        assert el.get("isCodable") == "true"
        assert el.get("color") == code.colour
        assert el.findtext("q:Description", namespaces=NS).startswith(code.definition)
    assert len(codes.findall("q:Code", NS)) == len([c for c in pilot.codebook if not c.parent])


def test_odd_codebooks_still_export_valid(tmp_path):
    book = Codebook([
        Code("a", "first", parent="c", colour="#abc"),
        Code("b", "second", parent="a", colour="not a colour"),
        Code("c", "third", parent="a"),          # a and c are each other's parent
        Code("d", "fourth", parent="missing"),
        Code("e & f", "ampersand <and> angle brackets\x0b"),
    ])
    path = qdpx.export_qdc(book, tmp_path / "odd.qdc")
    assert qdpx.validate(path) == []
    root = etree.parse(str(path)).getroot()
    names = [e.get("name") for e in root.iter(f"{{{qdpx.CODEBOOK_NS}}}Code")]
    assert sorted(names) == ["a", "b", "c", "d", "e & f"]
    a = root.find(".//c:Code[@name='a']", CNS)
    assert a.get("color") == "#aabbcc"
    assert root.find(".//c:Code[@name='b']", CNS).get("color") is None
    assert root.find(".//c:Code[@name='b']", CNS).getparent() is a
    back, problems = qdpx.import_qdc(path)
    assert {c.name: c.colour for c in back}["a"] == "#aabbcc"
    assert back.get("e & f").definition == "ampersand <and> angle brackets"


def test_users_are_coders_and_cases_are_participants(study, tmp_path):
    path = qdpx.export_qdpx(study, tmp_path / "s.qdpx")
    root = qde(path)
    users = {u.get("name"): u.get("guid") for u in root.iterfind("q:Users/q:User", NS)}
    assert users == {"ana": qdpx.guid("user", "ana")}
    for coding in root.iterfind(".//q:Coding", NS):
        assert coding.get("creatingUser") == users["ana"]
        assert coding.getparent().get("creatingUser") == users["ana"]
    variables = {v.get("name"): v.get("guid") for v in root.iterfind("q:Variables/q:Variable", NS)}
    assert variables == {"segment": qdpx.guid("variable", "segment")}
    cases = root.findall("q:Cases/q:Case", NS)
    assert [c.get("name") for c in cases] == ["P-1", "P-2"]  # P-3 declined: no interview, no case
    sources = {s.get("guid"): s.get("name") for s in root.iterfind(".//q:TextSource", NS)}
    for case, segment, iid in zip(cases, ["small", "large"], ["INT-001", "INT-002"]):
        value = case.find("q:VariableValue", NS)
        assert value.find("q:VariableRef", NS).get("targetGUID") == variables["segment"]
        assert value.findtext("q:TextValue", namespaces=NS) == segment
        assert [sources[r.get("targetGUID")] for r in case.findall("q:SourceRef", NS)] == [iid]
        assert case.find("q:Description", NS) is None


def _archive_blob(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(n).decode("utf-8") for n in archive.namelist())


def test_no_names_or_emails_in_the_archive(study, pilot, tmp_path):
    for which, s in (("study", study), ("pilot", pilot)):
        blob = _archive_blob(qdpx.export_qdpx(s, tmp_path / f"{which}.qdpx"))
        labels = set(s.turns.loc[s.turns["role"] == "participant", "speaker"])
        for row in s.participants.itertuples():
            for value in (row.name, row.email):
                if isinstance(value, str) and value:
                    assert value not in blob, (which, value)
        for label in labels:
            assert f"\n{label}: " not in blob, (which, label)


def test_include_names_is_for_internal_copies(study, tmp_path):
    path = qdpx.export_qdpx(study, tmp_path / "named.qdpx", include_names=True)
    assert qdpx.validate(path) == []
    root = qde(path)
    descriptions = {c.get("name"): c.findtext("q:Description", namespaces=NS)
                    for c in root.iterfind("q:Cases/q:Case", NS)}
    assert descriptions == {"P-1": "Jo Park", "P-2": "Lee Grant"}
    assert "\nJo: Ça a été dur" in archived_texts(path)["INT-001"]
    assert "jo@example.com" not in _archive_blob(path)


def test_guids_and_bytes_are_stable(study, study_dir, tmp_path):
    first = qdpx.export_qdpx(study, tmp_path / "a.qdpx")
    second = qdpx.export_qdpx(kit.load_study(study_dir), tmp_path / "b.qdpx")
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        assert a.read("project.qde") == b.read("project.qde")
    assert first.read_bytes() == second.read_bytes()
    root = qde(first)
    sel = root.find(".//q:PlainTextSelection[@name='INT-001#t4']", NS)
    assert sel.get("guid") == str(uuid.uuid5(qdpx.NAMESPACE, "selection:INT-001#t4:invite-trouble:ana"))
    assert root.find(".//q:TextSource[@name='INT-002']", NS).get("guid") == qdpx.guid("source", "INT-002")
    # timestamps come from the study's dates, not the clock
    assert root.get("creationDateTime") == "2026-01-05T00:00:00Z"
    assert qdpx.export_qdc(study, tmp_path / "a.qdc").read_bytes() == \
        qdpx.export_qdc(study, tmp_path / "b.qdc").read_bytes()


def test_export_overwrites_atomically(study, tmp_path):
    target = tmp_path / "out" / "s.qdpx"
    target.parent.mkdir()
    target.write_text("old")
    qdpx.export_qdpx(study, target)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in target.parent.iterdir()] == ["s.qdpx"]  # no temporary file left


def test_codings_without_a_codebook(study_dir, tmp_path):
    (study_dir / "codebook.yml").unlink()
    study = kit.load_study(study_dir)
    path = qdpx.export_qdpx(study, tmp_path / "s.qdpx")
    assert qdpx.validate(path) == []
    names = {c.get("name") for c in qde(path).iter(f"{{{qdpx.PROJECT_NS}}}Code")}
    assert names == {"workaround", "invite-trouble"}
    with pytest.raises(StudyError, match="no codes"):
        qdpx.export_qdc(Codebook([]), tmp_path / "empty.qdc")


def test_export_qdc_from_codebook_file(study_dir, tmp_path):
    path = qdpx.export_qdc(study_dir / "codebook.yml", tmp_path / "c.qdc")
    assert qdpx.validate(path) == []
    assert [c.name for c in qdpx.import_qdc(path)[0]] == ["workaround", "invite-trouble"]


# -- import and round trips ----------------------------------------------------------------------
def test_round_trip_codings(study, tmp_path):
    path = qdpx.export_qdpx(study, tmp_path / "s.qdpx")
    frame, problems = qdpx.import_qdpx(path, study)
    assert problems == []
    assert list(frame.columns) == qdpx.CODING_COLUMNS
    assert codings_key(frame).equals(codings_key(study.codings))
    # without a study: source names and positions
    foreign, problems = qdpx.import_qdpx(path)
    assert problems == [] and set(foreign["segment"]) == {""}
    texts = archived_texts(path)
    row = foreign[foreign["memo"] == "spam folder"].iloc[0]
    assert texts[row["source"]][row["start"]:row["end"]].startswith("The invite email went to spam")


def test_round_trip_with_names(study, tmp_path):
    path = qdpx.export_qdpx(study, tmp_path / "named.qdpx", include_names=True)
    frame, problems = qdpx.import_qdpx(path, study)
    assert problems == []
    assert codings_key(frame).equals(codings_key(study.codings))


def test_round_trip_when_another_tool_changed_the_text(study, tmp_path):
    path = qdpx.export_qdpx(study, tmp_path / "s.qdpx")
    header = "Imported from interview-kit\r\n"
    edited = tmp_path / "edited.qdpx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(edited, "w") as dst:
        root = etree.fromstring(src.read("project.qde"))
        for sel in root.iterfind(".//q:PlainTextSelection", NS):
            for attr in ("startPosition", "endPosition"):
                sel.set(attr, str(int(sel.get(attr)) + len(header)))
        dst.writestr("project.qde", etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
        for name in src.namelist()[1:]:
            dst.writestr(name, header + src.read(name).decode("utf-8"))
    frame, problems = qdpx.import_qdpx(edited, study)
    assert codings_key(frame).equals(codings_key(study.codings))
    assert all(p.level == "warning" and "differs from the study's current text" in p.message
               for p in problems) and problems


def test_round_trip_pilot(pilot, tmp_path):
    from kit.outputs import Outputs

    path = qdpx.export_qdpx(pilot, tmp_path / "pilot.qdpx")
    assert qdpx.validate(path) == []
    texts, segs = archived_texts(path), segment_texts(pilot)
    working = Outputs(None, pilot)  # the export's texts are working outputs: redacted
    root = qde(path)
    assert len(root.findall(".//q:PlainTextSelection", NS)) == len(pilot.codings)
    for sel in root.iterfind(".//q:PlainTextSelection", NS):
        text = texts[sel.getparent().get("name")]
        assert text[int(sel.get("startPosition")):int(sel.get("endPosition"))] == working.clean(segs[sel.get("name")])
    assert {u.get("name") for u in root.iterfind("q:Users/q:User", NS)} == set(pilot.codings["coder"])
    variables = [v.get("name") for v in root.iterfind("q:Variables/q:Variable", NS)]
    assert variables == ["segment", "region", "company_size"]
    interviewed = set(pilot.interviews["participant"]) - {""}
    assert {c.get("name") for c in root.iterfind("q:Cases/q:Case", NS)} == interviewed
    frame, problems = qdpx.import_qdpx(path, pilot)
    assert problems == []
    assert codings_key(frame).equals(codings_key(pilot.codings))


def test_qdc_round_trip_pilot(pilot, tmp_path):
    path = qdpx.export_qdc(pilot, tmp_path / "pilot.qdc")
    assert qdpx.validate(path) == []
    book, problems = qdpx.import_qdc(path)
    assert problems == []
    fields = ("name", "parent", "definition", "include", "exclude", "examples", "colour")
    assert [tuple(getattr(c, f) for f in fields) for c in book] == \
           [tuple(getattr(c, f) for f in fields) for c in pilot.codebook]
    # the codebook inside a .qdpx reads the same
    inner, problems = qdpx.import_qdc(qdpx.export_qdpx(pilot, tmp_path / "pilot.qdpx"))
    assert [c.name for c in inner] == [c.name for c in book] and problems == []


# -- other tools' files --------------------------------------------------------------------------
def _count_codes(path) -> int:
    with zipfile.ZipFile(path) as archive:
        return len(re.findall(rb"<Code\s", archive.read("project.qde")))


def test_atlas_samples(tmp_path):
    blank, target = SAMPLES / "blank-atlas-project.qdpx", SAMPLES / "target-atlas-project.qdpx"
    for sample in (blank, target):
        assert sample.stat().st_size < 200_000
        assert qdpx.validate(sample) == []
        frame, problems = qdpx.import_qdpx(sample)
        assert frame.empty and problems == []
    assert _count_codes(blank) == 0
    book, problems = qdpx.import_qdc(blank)
    assert len(book) == 0 and [p.level for p in problems] == ["warning"]
    assert _count_codes(target) == 3
    book, problems = qdpx.import_qdc(target)
    assert problems == []
    assert [(c.name, c.parent) for c in book] == [
        ("Commits", None),
        ("2022-05-10T02:05:59Z 19e4dce", "Commits"),
        ("2022-02-11T10:39:25Z cdbfd92", "Commits"),
    ]
    # and our own export of that codebook is valid again
    assert qdpx.validate(qdpx.export_qdc(book, tmp_path / "atlas.qdc")) == []


FOREIGN_QDE = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Foreign" origin="Some QDA 9">
  <Users>
    <User guid="{0A000000-0000-4000-8000-000000000001}" name="Rita" />
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="0B000000-0000-4000-8000-000000000001" name="Feelings" isCodable="false" color="#FF0000">
        <Description>Emotions.</Description>
        <Code guid="0B000000-0000-4000-8000-000000000002" name="Other" isCodable="true" />
      </Code>
      <Code guid="0B000000-0000-4000-8000-000000000003" name="Money" isCodable="true" color="rgb(0, 128, 255)">
        <Code guid="0B000000-0000-4000-8000-000000000004" name="Other" isCodable="true" color="#12345678" />
      </Code>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="0C000000-0000-4000-8000-000000000001" name="INT-001" plainTextPath="internal://0C000000-0000-4000-8000-000000000001.txt">
      <PlainTextSelection guid="0D000000-0000-4000-8000-000000000001" startPosition="{start}" endPosition="{end}"
                          creatingUser="0a000000-0000-4000-8000-000000000001">
        <Description>a phrase</Description>
        <Coding guid="0E000000-0000-4000-8000-000000000001" creatingUser="0A000000-0000-4000-8000-000000000001">
          <CodeRef targetGUID="0B000000-0000-4000-8000-000000000004" />
        </Coding>
        <Coding guid="0E000000-0000-4000-8000-000000000002">
          <CodeRef targetGUID="0B000000-0000-4000-8000-000000000099" />
        </Coding>
      </PlainTextSelection>
      <Coding guid="0E000000-0000-4000-8000-000000000003">
        <CodeRef targetGUID="0B000000-0000-4000-8000-000000000001" />
      </Coding>
    </TextSource>
    <PictureSource guid="0C000000-0000-4000-8000-000000000002" name="photo" path="internal://x.jpg" />
  </Sources>
</Project>
"""


def test_foreign_project(study, tmp_path):
    text, spans = qdpx.source_text(study, "INT-001")
    start, end = spans["INT-001#t2"]
    start += 5  # a phrase inside the turn, as another tool would code it
    qde_text = FOREIGN_QDE.replace("{start}", str(start)).replace("{end}", str(end - 3))
    path = make_qdpx(tmp_path / "foreign.qdpx", qde_text,
                     {"sources/0C000000-0000-4000-8000-000000000001.txt": text},
                     qde_name="Foreign project.qde")  # ATLAS.ti names the .qde after the project
    book, problems = qdpx.import_qdc(path)
    assert [(c.name, c.parent, c.colour) for c in book] == [
        ("Feelings", None, "#FF0000"), ("Other", "Feelings", None),
        ("Money", None, "#0080ff"), ("Money/Other", "Money", None)]
    assert any("appears more than once" in p.message for p in problems)
    assert any("#12345678" in p.message for p in problems)

    frame, problems = qdpx.import_qdpx(path)
    assert frame[["code", "coder", "memo", "source", "start", "end"]].iloc[0].tolist() == \
        ["Money/Other", "Rita", "a phrase", "INT-001", start, end - 3]
    assert frame.iloc[1]["code"] == "Feelings" and pd.isna(frame.iloc[1]["start"])
    messages = [p.message for p in problems]
    assert any("not in the codebook" in m for m in messages)
    assert any("not imported: 1 picture source" in m for m in messages)
    assert all(p.line > 0 for p in problems if "not in the codebook" in p.message)

    mapped, problems = qdpx.import_qdpx(path, study)
    assert mapped.iloc[0]["segment"] == "INT-001#t2"
    assert any("whole source INT-001" in p.message for p in problems)


# -- broken files ---------------------------------------------------------------------------------
def test_invalid_inputs_give_problems(tmp_path):
    text = write(tmp_path / "notzip.qdpx", "hello\n")
    nozip = make_qdpx(tmp_path / "noqde.qdpx", "", {"sources/a.txt": "x"})
    # make_qdpx always writes a .qde; rebuild without one
    with zipfile.ZipFile(nozip, "w") as archive:
        archive.writestr("sources/a.txt", "x")
    broken = make_qdpx(tmp_path / "broken.qdpx", '<?xml version="1.0"?>\n<Project name="x">\n  <Users>\n</Project>\n')
    wrong = make_qdpx(tmp_path / "wrong.qdpx", '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>')
    missing = tmp_path / "missing.qdpx"
    cases = [(text, 0, "not a ZIP"), (nozip, 0, "no project.qde"), (broken, 4, "broken XML"),
             (wrong, 1, "not a REFI-QDA project"), (missing, 0, "cannot read")]
    for path, line, words in cases:
        frame, problems = qdpx.import_qdpx(path)
        assert frame.empty
        assert len(problems) == 1 and problems[0].is_error
        assert problems[0].line == line and words in problems[0].message, problems
        assert str(problems[0]).startswith(f"{path}:{line}: " if line else f"{path}: ")
        messages = qdpx.validate(path)
        assert messages and all(m.startswith(f"{path}:") for m in messages)
    bad_qdc = write(tmp_path / "bad.qdc", '<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes>\n')
    book, problems = qdpx.import_qdc(bad_qdc)
    assert len(book) == 0 and problems[0].line == 3 and "broken XML" in problems[0].message
    other = write(tmp_path / "other.qdc", "<html><body/></html>\n")
    book, problems = qdpx.import_qdc(other)
    assert "not a REFI-QDA codebook" in problems[0].message
    assert qdpx.import_qdc(text)[1][0].line >= 1  # plain text is broken XML, not a crash


def test_validate_catches_the_known_traps(study, tmp_path):
    path = qdpx.export_qdpx(study, tmp_path / "s.qdpx")
    with zipfile.ZipFile(path) as archive:
        original = archive.read("project.qde").decode("utf-8")
        files = {n: archive.read(n).decode("utf-8") for n in archive.namelist()[1:]}

    def variant(name, qde_text, keep=files):
        return qdpx.validate(make_qdpx(tmp_path / f"{name}.qdpx", qde_text, keep))

    # an empty <Sets/> is invalid
    assert any("Sets" in m for m in variant("sets", original.replace("</Sources>", "</Sources>\n  <Sets/>")))
    # element order matters: Description before Sources
    desc = re.search(r"\s*<Description>How do.*?</Description>", original).group(0)
    reordered = original.replace(desc, "").replace("  <Sources>", desc.strip() + "\n  <Sources>")
    assert variant("order", reordered)
    # rules the schema cannot see
    code_guid = qdpx.guid("code", "workaround")
    assert any("points to" in m for m in variant("ref", original.replace(f'targetGUID="{code_guid}"',
                                                                         f'targetGUID="{uuid.uuid4()}"')))
    assert any("missing from the archive" in m for m in variant("nosrc", original, {}))
    assert any("outside its text" in m for m in variant("range", original.replace('endPosition="', 'endPosition="9')))
    dup = original.replace(qdpx.guid("case", "P-2"), qdpx.guid("case", "P-1"))
    assert any("used twice" in m for m in variant("dup", dup))
