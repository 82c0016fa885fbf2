"""Smaller faults an attacker found in session 9: commands the kit suggests paste back as one
argument whatever the folder's name, and a guide item of binary data is named in words."""
from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from kit.cli import main
from kit.safety import shell_path

DATA = Path(__file__).parent / "data" / "attack-s9"


@pytest.mark.parametrize("name", ["plain", "-rf S1", "[*?] glob", "it's", "a;b", "$HOME", "new\nline"])
def test_a_suggested_path_pastes_back_as_one_argument(name):
    shown = shell_path(Path("repo") / name)
    if "\n" in name:
        assert shown.startswith("$'") and "\n" not in shown
        return
    assert shlex.split(shown) == [f"repo/{name}"]
    out = subprocess.run(["bash", "-c", f"printf '%s|' {shown}"], capture_output=True, text=True).stdout
    assert out == f"repo/{name}|"


def test_new_suggests_check_with_a_quoted_path(tmp_path, capsys):
    target = tmp_path / "my study [draft]"
    assert main(["new", str(target)]) == 0
    said = capsys.readouterr().out
    assert f"next: interview-kit check {shlex.quote(str(target))}" in said


def test_a_binary_guide_item_is_named_in_words(capsys):
    code = main(["lint-guide", str(DATA / "odd-guide.yml")])
    out = capsys.readouterr()
    text = out.out + out.err
    assert code != 0
    assert "not not text" not in text
    assert "question 14: the text must be a string, not binary data" in text


def test_codes_differing_only_in_capitals_are_reported(tmp_path):
    from kit.codebook import load_codebook

    path = tmp_path / "codebook.yml"
    path.write_text("codes:\n- name: late-payment\n  definition: Money that arrived after the due date.\n"
                    "- name: Late-Payment\n  definition: The same, spelt again.\n- name: chasing\n"
                    "  definition: Asking a client for money.\n", encoding="utf-8")
    codebook, problems = load_codebook(path)
    said = [p for p in problems if "only in capitals" in p.message]
    assert len(said) == 1 and said[0].line == 4 and said[0].level == "warning"
    assert "'late-payment' (line 2)" in said[0].message
    assert not [p for p in problems if "chasing" in p.message]


def _bytes_named_study(tmp_path):
    import os

    root = tmp_path / "leak"
    (root / "transcripts").mkdir(parents=True)
    (root / "study.yml").write_text("research_question: Who pays late?\n", encoding="utf-8")
    (root / "participants.csv").write_text("id,name,email,consent_record,consent_quote\n"
                                           "P-001,Dana Okafor,d@example.com,yes,yes\n", encoding="utf-8")
    folder = os.fsencode(root / "transcripts")
    for name in (b"Okaf\xf6r.txt", b"Okafor\xff.txt", b"Caf\xe9 notes.txt"):
        with open(folder + b"/" + name, "wb") as f:
            f.write(b"Interviewer: Tell me about the last time a client paid late.\nDana: In March, it took weeks.\n")
    return root


def test_a_file_name_in_latin1_bytes_never_prints_a_name_or_raw_bytes(tmp_path, capsysbinary):
    """A transcript named Okaf\\xf6r.txt (Latin-1 bytes; the roster has Dana Okafor) printed the
    surname; a 0xFF byte in a file name reached the terminal as a raw byte."""
    root = _bytes_named_study(tmp_path)
    main(["check", str(root)])
    out = capsysbinary.readouterr()
    shown = out.out + out.err
    shown.decode("utf-8")  # valid UTF-8: no raw byte of a file name
    assert b"Okaf" not in shown and shown.count(b"[name]") >= 2
    assert b"Caf\\xe9 notes.txt" in shown  # no name in it: the byte shown as an escape


def test_one_off_speaker_labels_are_judged_in_linear_work(monkeypatch):
    """An attacker's transcript of 5,000 labels each used once took 44 s to check (2,500: 10 s):
    each label's words were computed again against every speaker added before it."""
    import kit.transcript_once as transcript_once
    import kit.transcripts as transcripts

    calls = []
    real = transcript_once.label_words  # rule 2f's home since session 10 (kit.transcript_once)
    monkeypatch.setattr(transcript_once, "label_words", lambda key: calls.append(key) or real(key))
    lines = ["Interviewer: Tell me about the last time a client paid late.", "Dana Okafor: In March."]
    lines += [f"Speaker{k} Person: line {k}" for k in range(400)]
    lines += ["Interviewer: What happened next?", "Dana Okafor: They paid."]
    _turns, _format, problems = transcripts.parse_turns("\n".join(lines) + "\n", "many.txt")
    assert len(calls) < 450  # once per label (and per speaker), not once per pair
    once = [p for p in problems if "used only once" in str(p)]
    assert len(once) == 400 and str(once[0]).startswith("many.txt:3:")


@pytest.mark.parametrize("wrapped", ["**{}**", "*{}*", "__{}__", "_{}_", "`{}`", "- **{}**", "1. *{}*"])
@pytest.mark.parametrize("question", ["Would you use a feature that reminds clients automatically?",
                                      "Tell me about the last time a client paid you late."])
def test_markdown_emphasis_asks_the_same_question(tmp_path, wrapped, question):
    """A guide kept in Markdown: `**Tell me about…**` was read as an `open` question where the
    plain line was a `story`, and got another rewrite."""
    import json

    guide = tmp_path / "guide.txt"
    guide.write_text(f"{question}\n{wrapped.format(question)}\n", encoding="utf-8")
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        main(["lint-guide", str(guide), "--json"])
    result = json.loads(buffer.getvalue())
    rows = result["questions"] if isinstance(result, dict) else result
    plain, marked = [r for r in rows if r.get("question")]
    assert marked["question"] == plain["question"] == question
    assert marked["flags"] == plain["flags"] and marked["kind"] == plain["kind"]
    assert marked.get("suggestion") == plain.get("suggestion")


def test_a_pitch_about_a_gerund_keeps_its_topic():
    from kit.guide.lint import lint_question

    found = lint_question("Don't you think our invoicing is too slow and expensive?")
    assert "leading" in found["flags"]
    assert "invoicing" in found["suggestion"] and "this came up" not in found["suggestion"]
