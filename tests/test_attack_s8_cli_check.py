"""Session 8 attacker, fault 19: what `check` passed over without a word.

A symbolic link loop without a transcript suffix in transcripts/ (``loop1 -> loop1``), a
sub-folder of transcripts/ and an empty guide.yml were silent (a loop named ``.vtt`` and a
plain file without a suffix were already reported). Each is a located warning now."""
import os

import pytest

from kit.cli import main
from kit.study import load_study


def _messages(study_dir):
    study = load_study(study_dir, strict=False)
    return {(os.path.relpath(p.path, study_dir), p.line, p.level): p.message for p in study.problems}


def test_a_link_loop_without_a_suffix_is_a_warning(study_dir):
    loop = study_dir / "transcripts" / "loop1"
    loop.symlink_to("loop1")
    got = _messages(study_dir)
    message = got.get((os.path.join("transcripts", "loop1"), 0, "warning"))
    assert message and "symbolic link loop" in message


def test_a_dangling_link_without_a_suffix_is_a_warning(study_dir):
    (study_dir / "transcripts" / "INT-003").symlink_to("nowhere")
    message = _messages(study_dir).get((os.path.join("transcripts", "INT-003"), 0, "warning"))
    assert message and "its target is missing" in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_without_a_suffix_is_a_warning(study_dir):
    os.mkfifo(study_dir / "transcripts" / "pipe")
    message = _messages(study_dir).get((os.path.join("transcripts", "pipe"), 0, "warning"))
    assert message and "named pipe" in message


def test_a_folder_inside_transcripts_is_a_warning(study_dir):
    sub = study_dir / "transcripts" / "sub"
    sub.mkdir()
    (sub / "INT-002.txt").write_text("Ana: Tell me about it.\nBo: It was late.\n", encoding="utf-8")
    message = _messages(study_dir).get((os.path.join("transcripts", "sub"), 0, "warning"))
    assert message and "one level deep" in message


def test_an_empty_guide_is_a_warning(study_dir, capsys):
    (study_dir / "guide.yml").write_text("", encoding="utf-8")
    message = _messages(study_dir).get(("guide.yml", 1, "warning"))
    assert message and "empty guide" in message
    (study_dir / "guide.yml").write_text("# only a comment\n\n", encoding="utf-8")
    assert "empty guide" in (_messages(study_dir).get(("guide.yml", 1, "warning")) or "")
    assert main(["check", str(study_dir)]) in (0, 1)
    out = capsys.readouterr()
    assert "guide.yml:1: warning: empty guide" in out.out + out.err


def test_what_was_already_reported_is_not_reported_twice(study_dir):
    (study_dir / "transcripts" / "loop2.vtt").symlink_to("loop2.vtt")
    (study_dir / "transcripts" / "plainnoext").write_text("hello\n", encoding="utf-8")
    got = _messages(study_dir)
    assert sum(k[0] == os.path.join("transcripts", "loop2.vtt") for k in got) == 1
    assert sum(k[0] == os.path.join("transcripts", "plainnoext") for k in got) == 1
