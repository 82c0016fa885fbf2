"""REFI-QDA: a selection outside its source's text is a located problem and is skipped (an
attacker's [-5, 99999999) coded every segment silently), and redaction keeps distinct coders
and codes distinct (siobhan_oneill and jordan_example both became User "[name]")."""
from __future__ import annotations

import re
import zipfile

import pytest

import kit
from kit.qdpx import distinct_names, export_qdc, export_qdpx, import_qdc, import_qdpx, validate
from conftest import write


def _rewrite(src, dst, change):
    with zipfile.ZipFile(src) as archive, zipfile.ZipFile(dst, "w") as out:
        for name in archive.namelist():
            data = archive.read(name)
            out.writestr(name, change(data.decode()) if name == "project.qde" else data)
    return dst


@pytest.mark.parametrize("start,end", [("-5", "99999999"), ("0", "99999999"), ("-1", "3"), ("9", "2")])
def test_a_selection_outside_its_text_is_located_and_skipped(study_dir, tmp_path, start, end):
    good = export_qdpx(study_dir, tmp_path / "good.qdpx")
    codings, problems = import_qdpx(good, study_dir)
    assert len(codings) == 3 and not problems

    def change(text):
        # only the first selection goes out of range; the others stay as exported
        return re.sub(r'startPosition="\d+" endPosition="\d+"',
                      f'startPosition="{start}" endPosition="{end}"', text, count=1)

    bad = _rewrite(good, tmp_path / "bad.qdpx", change)
    line = next(i for i, t in enumerate(zipfile.ZipFile(bad).read("project.qde").decode().split("\n"), 1)
                if f'startPosition="{start}"' in t)
    codings, problems = import_qdpx(bad, study_dir)
    assert [(p.path, p.line, p.is_error) for p in problems] == [(str(bad), line, True)]
    assert f"[{start}, {end})" in problems[0].message and "skipped" in problems[0].message
    assert len(codings) == 2  # the bad selection codes no segment at all, let alone every one
    assert any(f"selection [{start}, {end})" in m for m in validate(bad)) or int(start) > int(end)


def test_a_selection_out_of_range_in_a_source_of_no_interview_is_also_skipped(study_dir, tmp_path):
    good = export_qdpx(study_dir, tmp_path / "good.qdpx")
    bad = _rewrite(good, tmp_path / "bad.qdpx", lambda t: re.sub(
        r'(<TextSource [^>]*name=")INT-001"', r'\1OTHER-1"', t).replace('startPosition="', 'startPosition="-', 1))
    codings, problems = import_qdpx(bad)  # no study: nothing is mapped, ranges still checked
    assert sum("outside its text" in p.message for p in problems) == 1
    assert len(codings) == 2


@pytest.fixture
def named_coders(study_dir):
    """Two coders and two codes named after participants of the roster (Jo Park, Lee Grant; "Lee" is an everyday
    word, so that code names him in full: "Lee zebra" would read as a thing since newcomer s16 F10)."""
    write(study_dir / "codings" / "ana.csv", "segment,code,coder,memo\n")
    book = study_dir / "codebook.yml"
    book.write_text(book.read_text(encoding="utf-8") + "  - name: Jo zebra\n    definition: One.\n"
                    "  - name: Lee Grant zebra\n    definition: Two.\n", encoding="utf-8")
    write(study_dir / "codings" / "jo_park.csv", """
        segment,code,coder,memo
        INT-001#t2,Jo zebra,jo_park,
        INT-001#t4,invite-trouble,jo_park,
    """)
    write(study_dir / "codings" / "lee_grant.csv", """
        segment,code,coder,memo
        INT-001#t2,Lee Grant zebra,lee_grant,
        INT-001#t4,invite-trouble,lee_grant,
    """)
    return study_dir


def test_redacted_coders_and_codes_stay_distinct_and_reimport_apart(named_coders, tmp_path):
    study = kit.load_study(named_coders, strict=False)
    path = export_qdpx(study, tmp_path / "p.qdpx")
    qde = zipfile.ZipFile(path).read("project.qde").decode()
    assert "Jo" not in re.findall(r'name="([^"]*)"', qde) and "jo_park" not in qde and "Lee Grant zebra" not in qde
    users = re.findall(r'<User [^>]*name="([^"]*)"', qde)
    assert sorted(users) == ["[name 1]", "[name 2]"]
    assert not validate(path)
    codings, problems = import_qdpx(path, named_coders)
    assert not [p for p in problems if p.is_error]
    assert codings["coder"].nunique() == 2  # agreement can still tell the coders apart
    pairs = set(zip(codings["coder"], codings["code"]))
    zebras = {code for _, code in pairs if code.endswith("zebra")}
    assert zebras == {"[name 1] zebra", "[name 2] zebra"}
    # each coder keeps their own code: the two zebras were coded by different coders
    assert len({coder for coder, code in pairs if code in zebras}) == 2
    # the stand-alone codebook keeps them apart too
    book, _ = import_qdc(export_qdc(study, tmp_path / "c.qdc"))
    assert {"[name 1] zebra", "[name 2] zebra"} <= {c.name for c in book.codes}


def test_an_export_is_stable_and_names_are_kept_when_asked(named_coders, tmp_path):
    one = export_qdpx(named_coders, tmp_path / "a.qdpx").read_bytes()
    two = export_qdpx(named_coders, tmp_path / "b.qdpx").read_bytes()
    assert one == two
    qde = zipfile.ZipFile(export_qdpx(named_coders, tmp_path / "n.qdpx", include_names=True)).read(
        "project.qde").decode()
    assert sorted(re.findall(r'<User [^>]*name="([^"]*)"', qde)) == ["jo_park", "lee_grant"]


def test_distinct_names_numbers_only_what_redaction_merged():
    def clean(text):
        return re.sub(r"\b(Jo|Lee)\b", "[name]", text)

    shown = distinct_names(["Jo zebra", "Lee zebra", "Jo", "plain", "[name 1] zebra"], clean)
    assert shown["plain"] == "plain" and shown["Jo"] == "[name]"
    assert len(set(shown.values())) == 5
    assert shown["Jo zebra"] != "[name 1] zebra" or shown["[name 1] zebra"] != "[name 1] zebra"
