"""Every working output goes through the one redaction (kit.outputs): a code named after a
participant, a study titled with a name, an interview id made of a file's name."""
from __future__ import annotations

import json

import pytest

from kit import qdpx
from kit.program import program_json

NAMED_CODES = """
  - name: sam-ruiz-pain
    definition: named after a participant
    keywords: [spreadsheet]
  - name: "Jo"
    definition: named by a first name
    keywords: [template]
"""


@pytest.fixture
def named_study(study_dir):
    with open(study_dir / "codebook.yml", "a", encoding="utf-8") as fh:
        fh.write(NAMED_CODES)
    text = (study_dir / "study.yml").read_text(encoding="utf-8").replace("title: Onboarding", "title: Sam Ruiz study")
    (study_dir / "study.yml").write_text(text, encoding="utf-8")
    return study_dir


def test_qdc_code_names_holding_a_name_are_redacted(named_study, tmp_path):
    text = qdpx.export_qdc(named_study, tmp_path / "book.qdc").read_text(encoding="utf-8")
    assert 'name="[name]-pain"' in text and 'name="[name]"' in text
    assert "ruiz" not in text.lower() and 'name="Jo"' not in text


def test_program_json_title_is_redacted(named_study, tmp_path):
    summary = json.loads(program_json(named_study, tmp_path / "out", as_of="2026-02-01").read_text(encoding="utf-8"))
    assert summary["title"] == "[name] study"
    kept = json.loads(program_json(named_study, tmp_path / "kept", as_of="2026-02-01", include_names=True)
                      .read_text(encoding="utf-8"))
    assert kept["title"] == "Sam Ruiz study"


@pytest.mark.slow
def test_analyze_coding_languages_redacts_code_names(named_study, tmp_path, capsys):
    from kit.analyze import analyze

    paths = analyze(named_study, tmp_path / "out")
    for path in paths.values():
        text = path.read_text(encoding="utf-8")
        assert "sam-ruiz" not in text.lower() and "Ruiz" not in text, path.name
    assert "[name]-pain" in paths["coding_languages"].read_text(encoding="utf-8")
