"""A name broken at a line's end with a hyphen ("Wata-" / "nabe"), as captions and copied PDF
text break long words, is a name: an attacker's caption put "Wata- nabe" into analyze's
published table and the index while the leak scan passed. The matcher now also reads the
text with such breaks joined (``kit.privacy_text.rejoined``); a hyphen between words
("pre- and post-launch") is left alone."""
from __future__ import annotations

import pytest

from conftest import PARTICIPANTS, write
from kit.cli import main
from kit.privacy import Roster, _name_parts, find_leaks, redact
from kit.privacy_text import rejoined

NAME = "Kenji Watanabe"
PEOPLE = Roster(names=(NAME,), parts=tuple(_name_parts([NAME])), emails=())


@pytest.mark.parametrize("text, shown", [
    ("I'm Mr Wata-\nnabe, from the depot", "I'm Mr [name], from the depot"),
    ("ok so Wata- nabe rang", "ok so [name] rang"),
    ("Kenji Wata-\n   nabe", "[name]"),
    ("Ke\u200bnji Wata-\r\nnabe and Kenji", "[name] and [name]"),
    ("WATA-\nNABE", "[name]"),
    ("Watánabe-\nsan", "[name]-\nsan"),  # a name followed by a broken line is still the name
])
def test_a_name_broken_at_a_line_end_is_redacted(text, shown):
    assert redact(text, PEOPLE) == shown


@pytest.mark.parametrize("text", ["pre- and post-launch", "the re-\nopening", "Anna-\nshe said", "Wata-\n\nbe"])
def test_other_broken_words_are_left_as_written(text):
    assert redact(text, PEOPLE) == text


def test_rejoined_maps_each_character_back():
    text = "Mr Wata-\n  nabe."
    joined, kept = rejoined(text)
    assert joined == "Mr Watanabe."
    assert "".join(text[i] for i in kept) == joined
    assert rejoined("no break here") is None and rejoined("a - b") is None


def test_the_leak_scan_finds_a_broken_name(tmp_path):
    (tmp_path / "table.csv").write_text("text\n\"said Kenji Wata-\nnabe\"\n", encoding="utf-8")
    (tmp_path / "fine.csv").write_text("text\npre- and post-launch\n", encoding="utf-8")
    assert find_leaks(tmp_path, PEOPLE) == ["table.csv"]


VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Ana Silva>Tell me about the last time you booked a depot slot.

00:00:05.000 --> 00:00:09.000
<v Jo>I rang and said I'm calling for Kenji Wata-
nabe, he runs the yard, and they booked us in.
"""


def test_a_broken_name_in_a_caption_reaches_no_table(study_dir, tmp_path, capsys):
    write(study_dir / "participants.csv", PARTICIPANTS.replace("Sam Ruiz", NAME))
    (study_dir / "transcripts" / "INT-001.txt").unlink()
    write(study_dir / "codings" / "ana.csv", "segment,code,coder,memo\nINT-002#q1,invite-trouble,ana,\n")
    (study_dir / "transcripts" / "INT-001.vtt").write_text(VTT, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["analyze", str(study_dir), "--out", str(out), "--quiet"])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    written = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file()
                        and p.suffix in (".csv", ".json", ".md", ".txt"))
    assert "they booked us in" in written  # the turn is there
    low = written.lower()
    assert "wata" not in low and "nabe" not in low and "kenji" not in low
