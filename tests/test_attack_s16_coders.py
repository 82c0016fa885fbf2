"""Attacker session 16: coder identity (A3, A5, A12), the minimum evidence of an agreement
verdict (A4), duplicate GUIDs in a .qdpx (A11), drafts of one sprint (A9) and a query of
repeated prefixes (A16)."""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pandas as pd
import pytest

from kit import agreement
from kit.coder_ids import CoderIds, coder_key

DATA = Path(__file__).parent / "data" / "attack-s16"


def _df(rows):
    return pd.DataFrame(rows, columns=["segment", "code", "coder"])


def make_study(tmp_path, kind: str) -> Path:
    """The attacker's generator (gen_report.py) run into ``tmp_path/kind``."""
    root = tmp_path / kind
    argv = sys.argv
    try:
        sys.argv = ["gen_report.py", str(root), kind]
        runpy.run_path(str(DATA / "gen_report.py.txt"), run_name="__main__")
    finally:
        sys.argv = argv
    return root


# -- A3: one coder however spelt --------------------------------------------------------------
def test_coder_key_folds_case_space_and_unicode_form():
    assert coder_key("alice") == coder_key("Alice ") == coder_key("ALICE") == coder_key("ａｌｉｃｅ")
    assert coder_key("Mary  Ann") == coder_key(" mary ann")
    assert coder_key("alice") != coder_key("alicia")


def test_one_person_under_three_spellings_is_one_coder_not_reliable_agreement():
    d = _df([("s1", "x", "alice"), ("s1", "x", "Alice "), ("s2", "y", "alice"), ("s2", "y", "ALICE")])
    r = agreement.overall_agreement(d)
    assert r["n_coders"] == 1 and r["coders"] == ["alice"]
    assert r["band"] == agreement.ONE_CODER and r["band"] != "reliable"


def test_code_agreement_takes_any_spelling_of_a_coder():
    d = _df([("s1", "x", "alice"), ("s1", "x", "bob"), ("s2", "y", "alice"), ("s2", "", "Bob ")])
    frame = agreement.code_agreement(d, "Alice ", "BOB")  # raised "coder 'Alice ' has no codings"
    assert set(frame["code"]) == {"x", "y"}
    with pytest.raises(ValueError, match="one coder"):
        agreement.code_agreement(d, "alice", "ALICE ")


def test_loader_folds_spellings_with_a_located_warning(tmp_path):
    from kit.study import load_study

    root = make_study(tmp_path, "two")
    study = load_study(root, strict=False)
    assert set(study.codings["coder"]) == {"ALICE"}  # sorted files: ALICE.csv is read first
    assert len(study.codings) == 6  # the same coder twice on a segment is one coding, not agreement
    folded = [p for p in study.problems if "only in case, spaces or Unicode form" in p.message]
    assert len(folded) == 1 and folded[0].path.endswith("alice.csv") and folded[0].line == 2
    assert "alice" not in folded[0].message.split("at ")[0]  # the ids themselves are not printed


def test_coder_ids_one_warning_per_spelling():
    ids = CoderIds()
    assert ids.fold("alice", "a.csv", 2) == "alice"
    assert ids.fold("ALICE ", "b.csv", 2) == "alice"
    assert ids.fold("ALICE", "b.csv", 3) == "alice"
    assert ids.fold("bob", "b.csv", 4) == "bob"
    assert [(p.path, p.line) for p in ids.problems] == [("b.csv", 2)]


# -- A12: a coder named after a participant ----------------------------------------------------
def test_check_warns_at_a_coder_that_is_a_participants_email_without_printing_it(tmp_path):
    from kit.check import cross_checks
    from kit.study import load_study

    root = make_study(tmp_path, "none")
    (root / "codings" / "bob.csv").write_text(
        "segment,code,coder,memo\nINT-001#t2,tax-forms,aoife@example.com,\n", encoding="utf-8")
    (root / "codings" / "Henrik Dahl.csv").write_text(  # no coder column: the file's name is the coder id
        "segment,code,memo\nINT-002#t2,couriers,\n", encoding="utf-8")
    found = [p for p in cross_checks(load_study(root, strict=False)) if "coder id of this row" in p.message]
    assert sorted((Path(p.path).name, p.line) for p in found) == [("Henrik Dahl.csv", 2), ("bob.csv", 2)]
    assert not any("aoife" in p.message or "Henrik" in p.message for p in found)


def test_qdpx_import_never_returns_contact_details_as_a_coder():
    from kit.qdpx import import_qdpx

    frame, problems = import_qdpx(DATA / "names_in.qdpx")
    assert len(frame) and set(frame["coder"]) == {"coder-1"}
    assert not any("@" in c or "7700" in c for c in frame["coder"])
    assert any(p.line == 4 and "<User>" in p.message and "example.com" not in p.message for p in problems)


# -- A4: one minimum-evidence rule ------------------------------------------------------------
@pytest.mark.parametrize("rows", [
    [("s1", "x", "A"), ("s1", "y", "B"), ("s2", "y", "A"), ("s2", "x", "B")],  # alpha -0.75
    [("s1", "x", "A"), ("s1", "x", "B"), ("s2", "x", "A"), ("s2", "", "B")],  # alpha 0.0
])
def test_two_segments_get_no_overall_verdict(rows):
    d = _df(rows)
    r = agreement.overall_agreement(d)
    per_code = agreement.code_agreement(d, "A", "B")
    assert set(per_code["band"]) == {agreement.TOO_FEW}
    assert r["band"] == agreement.TOO_FEW and r["kappa_band"] == agreement.TOO_FEW
    assert not pd.isna(r["alpha"])  # the number is still there, its verdict is not


def test_enough_uses_still_get_a_verdict():
    d = _df([(f"s{i}", "x" if i % 2 else "y", c) for i in range(10) for c in "AB"])
    r = agreement.overall_agreement(d)
    assert r["band"] == "reliable" and r["kappa_band"] == "almost perfect"


# -- A11: a GUID two elements share ------------------------------------------------------------
def test_duplicate_guid_is_a_located_error_and_nothing_is_re_pointed():
    from kit.qdpx import import_qdpx

    frame, problems = import_qdpx(DATA / "dup_guid.qdpx")
    errors = [p for p in problems if p.level == "error" and "GUID that 2 elements" in p.message]
    assert sorted(p.line for p in errors) == [8, 14, 46, 58]
    assert "pain-point" not in set(frame["code"])  # the coding made with 'emotion' is not relabelled
    assert "INT-003" not in set(frame["source"]) and "INT-001" not in set(frame["source"])


# -- A9: drafts of the sprint's studies only -----------------------------------------------------
def test_write_drafts_only_for_the_given_studies(tmp_path):
    from kit.discovery.loop import write_drafts
    from kit.study import load_study

    repo = tmp_path / "repo"
    repo.mkdir()
    first = make_study(repo, "none")
    later = make_study(repo, "two")
    text = (later / "study.yml").read_text(encoding="utf-8").replace("2026-S09", "2026-S11")
    (later / "study.yml").write_text(text, encoding="utf-8")
    studies = [load_study(first, strict=False), load_study(later, strict=False)]
    listing = write_drafts(studies, tmp_path / "drafts", only=[studies[0]])
    thanks = listing[listing["kind"] == "thank-you"]
    assert len(thanks) == 6  # was 12: the later sprint's interviews too
    everything = write_drafts(studies, tmp_path / "all")
    assert len(everything[everything["kind"] == "thank-you"]) == 12


# -- A16: repeated query terms ---------------------------------------------------------------------
def test_repeated_prefixes_are_expanded_once_and_read_once():
    from kit.discovery.search import fts_query, query_terms

    calls = []

    def expand(prefix):
        calls.append(prefix)
        return {prefix + "x", prefix + "y"}

    long = fts_query("a* e* i* " * 1500, expand=expand)
    assert long == fts_query("a* e* i*", expand=lambda p: {p + "x", p + "y"})
    assert calls == ["a", "e", "i"]
    assert query_terms("invoice " * 1500)[0] == ["invoice"]
    assert fts_query("pay OR pay OR pay") == '"pay"'
    assert fts_query("a NOT b NOT b c") == '"a" NOT "b" "c"'
    assert fts_query("x OR y x") == '"x" OR "y" "x"'  # not the same query without the second x


def test_too_many_different_terms_is_a_usage_error():
    from kit.discovery.search import MAX_TERMS, QueryError, fts_query

    fts_query(" ".join(f"w{i}" for i in range(MAX_TERMS)))
    with pytest.raises(QueryError, match="at most"):
        fts_query(" ".join(f"w{i}" for i in range(MAX_TERMS + 1)))


def test_agreement_report_reads_one_coder_however_spelt():
    from kit.coding import agreement_report

    manual = _df([("s1", "x", "alice"), ("s1", "x", "ALICE "), ("s2", "y", "alice"), ("s2", "y", "Alice")])
    segments = pd.DataFrame({"segment_id": ["s1", "s2"], "interview_id": ["I", "I"], "kind": ["turn", "turn"],
                             "role": ["participant", "participant"]})
    for coders in (None, ["alice", "ALICE"]):
        summary = agreement_report(manual, segments, coders=coders)["summary"]
        assert summary["coders"] == ["alice"] and "needs two coders" in summary["reason"]
