"""The same codebook text is parsed once per process (20 sprints of a repository share one
codebook), each study still getting its own codes and problems naming its own file."""
from __future__ import annotations

from kit import codebook as cb
from kit.codebook import load_codebook

TEXT = """codes:
  - name: no-show
    definition: The client does not turn up.
    keywords: [missed appointment]
  - name: rebooking
    keywords: [moved the booking]
    colour: red
"""


def test_an_identical_codebook_is_parsed_once_with_problems_naming_each_file(tmp_path, monkeypatch):
    monkeypatch.setattr(cb, "_PARSED", {})
    parses = []
    original = cb._parse_codebook
    monkeypatch.setattr(cb, "_parse_codebook", lambda *a: parses.append(a[1]) or original(*a))
    books = []
    for sprint in ("s1", "s2", "s3"):
        path = tmp_path / sprint / "codebook.yml"
        path.parent.mkdir()
        path.write_text(TEXT, encoding="utf-8")
        books.append((path, *load_codebook(path)))
    assert len(parses) == 1
    first = books[0][2]
    assert [(p.line, p.message) for p in first] == [(5, "code 'rebooking' has no definition: say what the code means"),
                                                    (7, "code 'rebooking': colour 'red' is not a hex colour like #1f77b4")]
    for path, book, problems in books:
        assert book.path == str(path) and {p.path for p in problems} == {str(path)}
        assert [(p.line, p.message, p.level) for p in problems] == [(p.line, p.message, p.level) for p in first]
        assert book.names == ["no-show", "rebooking"]
    books[0][1].codes[0].keywords.append("changed")  # one study's codes are its own
    assert books[1][1].codes[0].keywords == ["missed appointment"]


def test_an_edited_codebook_or_other_stages_are_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setattr(cb, "_PARSED", {})
    path = tmp_path / "codebook.yml"
    path.write_text(TEXT, encoding="utf-8")
    assert load_codebook(path)[0].names == ["no-show", "rebooking"]
    path.write_text(TEXT.replace("rebooking", "double-booking"), encoding="utf-8")
    assert load_codebook(path)[0].names == ["no-show", "double-booking"]
    staged = TEXT + "    stage: chase\n"
    path.write_text(staged, encoding="utf-8")
    assert not any("stage" in p.message for p in load_codebook(path, ["chase"])[1])
    assert any("stage 'chase' is not one of" in p.message for p in load_codebook(path, ["use"])[1])
    assert len(cb._PARSED) == 4
