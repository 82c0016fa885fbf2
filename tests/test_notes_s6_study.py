"""A study's files the kit does not read, and codings whose codes no codebook defines, are
located warnings (a newcomer's Excel codebook.csv and manual codings vanished without a word)."""
from __future__ import annotations

from kit.scaffold import new_study
from kit.study import load_study
from kit.study_unread import ignored

NOT_READ = "not read by interview-kit"


def _study(tmp_path):
    root = new_study(tmp_path / "vet")
    (root / "codebook.yml").unlink()
    return root


def _warnings(root, words):
    study = load_study(root, strict=False)
    return {(p.path.replace(str(root), "").lstrip("/"), p.line): p for p in study.problems if words in p.message}


def test_a_codebook_saved_from_excel_is_named_and_says_which_file_is_read(tmp_path):
    root = _study(tmp_path)
    (root / "codebook.csv").write_bytes("\ufeffname;definition;keywords\r\nno-show;Client does not turn up;missed\r\n"
                                        .encode("utf-8"))
    (root / "codebook.xlsx").write_bytes(b"PK\x03\x04")
    found = _warnings(root, NOT_READ)
    for name in ("codebook.csv", "codebook.xlsx"):
        problem = found.pop((name, 0))
        assert problem.level == "warning" and "the codebook is codebook.yml" in problem.message
    assert found == {}


def test_every_other_unread_file_or_folder_is_a_warning_and_the_exempt_are_not(tmp_path):
    root = _study(tmp_path)
    for name in ("summary.docx", "Study.yaml", "interviews/INT-009.docx", "codings/extra.xlsx", "old/x.txt",
                 "interviews/archive/INT-000.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    for name in (".DS_Store", "README.md", "readme.txt", "LICENSE", "Thumbs.db", "~$codebook.xlsx",
                 "codings/.gitkeep", "interviews/README.md", ".git/config", "schedule/crontab"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    found = _warnings(root, NOT_READ)
    assert set(found) == {("summary.docx", 0), ("Study.yaml", 0), ("interviews/INT-009.docx", 0),
                          ("codings/extra.xlsx", 0), ("old", 0), ("interviews/archive", 0)}
    assert "the study is study.yml" in found[("Study.yaml", 0)].message
    assert "interviews/ holds .md files" in found[("interviews/INT-009.docx", 0)].message
    assert all(p.level == "warning" for p in found.values())


def test_a_study_of_transcripts_alone_reads_its_top_level_transcripts(tmp_path):
    root = tmp_path / "only"
    root.mkdir()
    (root / "INT-001.txt").write_text("Alex: Tell me about the last time?\nDana: I paid late.\n", encoding="utf-8")
    (root / "notes.docx").write_bytes(b"PK")
    (root / "plan.pdf").write_bytes(b"%PDF")
    assert set(_warnings(root, NOT_READ)) == {("plan.pdf", 0)}  # notes.* is README-like


def test_ignored_names():
    assert ignored(".gitkeep") and ignored("README") and ignored("Readme.MD") and ignored("desktop.ini")
    assert not ignored("codebook.csv") and not ignored("INT-001.md")


def test_codings_with_no_codebook_name_their_codes_at_their_first_line(tmp_path):
    root = _study(tmp_path)
    (root / "codings" / "rosa.csv").write_text(
        "segment,code,coder,memo\nINT-001#t2,rebooking,rosa,moved a booster\n"
        "INT-001#t2,no-show,rosa,x\nINT-001#t4,no-show,rosa,y\n", encoding="utf-8")
    study = load_study(root, strict=False)
    assert sorted(study.codings["code"]) == ["no-show", "no-show", "rebooking"]  # read, not dropped
    found = _warnings(root, "is in no codebook")
    assert set(found) == {("codings/rosa.csv", 2), ("codings/rosa.csv", 3)}
    assert "'rebooking' (1 coding(s))" in found[("codings/rosa.csv", 2)].message
    assert "'no-show' (2 coding(s))" in found[("codings/rosa.csv", 3)].message
    assert "count in no theme" in found[("codings/rosa.csv", 3)].message


def test_with_a_codebook_an_unknown_code_stays_an_error_and_no_codebook_warning(tmp_path):
    root = new_study(tmp_path / "vet")
    (root / "codings" / "rosa.csv").write_text("segment,code\nINT-001#t2,rebooking\n", encoding="utf-8")
    assert _warnings(root, "is in no codebook") == {}
    (problem,) = _warnings(root, "unknown code").values()
    assert problem.level == "error" and problem.line == 2


# --- a transcript no note names counts for no participant --------------------------------

LONE = "Alex Morgan: Tell me about the last time?\nLena: I rebooked the dog twice, a no-show cost us.\n"


def test_a_transcript_no_note_names_counts_for_no_participant(tmp_path):
    from kit.themes import code_by_attribute, coded_segments, n_participants

    root = new_study(tmp_path / "vet")
    before = load_study(root, strict=False)
    (root / "transcripts" / "lena_otter.txt").write_text(LONE, encoding="utf-8")
    (root / "codings" / "rosa.csv").write_text("segment,code\nlena_otter#t2,pain-point\n", encoding="utf-8")
    study = load_study(root, strict=False)
    assert len(study.interviews) == len(before.interviews) + 1  # still an interview (talk ratio, ...)
    assert any("count for nobody" in p.message for p in study.problems)
    assert n_participants(study) == n_participants(before)  # the warning and the count agree
    assert "lena_otter" not in set(study.segments()["interview_id"])
    (problem,) = [p for p in study.problems if "is a turn of a transcript no note names" in p.message]
    assert (problem.line, problem.level) == (2, "warning")
    coded = coded_segments(study.codings, study.segments())
    assert "lena_otter" not in set(coded["interview_id"])
    attribute = study.segment_attribute
    shares = code_by_attribute(coded, study.interviews, attribute, share=True)
    assert before.interviews[attribute].notna().all()  # the template's interviews all have a segment
    assert "(none)" not in shares.columns  # the lone transcript is in no segment's count


def test_a_study_of_transcripts_alone_counts_each_transcript_as_one_person(tmp_path):
    from kit.themes import n_participants

    root = tmp_path / "only"
    root.mkdir()
    for name in ("a.txt", "b.txt"):
        (root / name).write_text(LONE, encoding="utf-8")
    study = load_study(root, strict=False)
    assert n_participants(study) == 2 and set(study.segments()["interview_id"]) == {"a", "b"}
