"""`interview-kit review` on one transcript with bad timing lines: every line of the file is
in the reviewed turns or in a located problem (``path:line: warning: message``), in the text
and in the JSON; the exit code stays 0 for warnings."""
from __future__ import annotations

import json
import re

import pytest

from kit.cli.review import review_command
from kit.review import review_transcript
from kit.review_timing import timing_problems

PLAIN = """\
[00:00:05] Ana: Tell me about the last time you set up a project?
[00:61:00] Jo: It was in March and I copied a spreadsheet.
[1:2:3:4] Ana: What happened next?
[00:01:10] Jo: The invite went to spam.
[00:01:20]
[00:01:30] Ana: Why do you think that was?
[00:01:40] Jo: Because IT blocks links.
"""

VTT = """\
WEBVTT

00:00:05.000 --> 00:00:08.000
<v Ana>Tell me about the last time you set up a project?

00:61:00.000 --> 00:61:05.000
<v Jo>It was in March.

1:2:3:4 --> 1:2:3:5
<v Ana>What happened next?

00:01:30.000 --> 00:01:40.000

00:01:50.000 --> 00:02:00.000
<v Jo>Because IT blocks links.
"""

SRT = """\
1
00:00:05,000 --> 00:00:08,000
Ana: Tell me about the last time you set up a project?

2
00:00:10,000 --> 00:00:20,000

3
00:00:30,000 --> 00:00:40,000
Jo: Because IT blocks links and the invite went to spam.
"""

OTTER = """\
Ana  0:05
Tell me about the last time you set up a project?

Jo  0:61
It was in March.

Ana  1:2:3:4
What happened next?

Jo  1:10

Ana  1:30
Why do you think that was?
"""

# (file name, text, {line: words the problem on that line says})
CASES = [
    ("plain.txt", PLAIN, {2: "'00:61:00' is not a possible time", 3: "'1:2:3:4' is not a time", 5: "00:01:20"}),
    ("captions.vtt", VTT, {6: "'00:61:00.000' is not a possible time", 9: "read as 1:02:03.400",
                           12: "a cue with no text"}),
    ("captions.srt", SRT, {6: "a cue with no text"}),
    ("otter.txt", OTTER, {4: "'0:61' is not a possible time", 7: "'1:2:3:4' is not a time",
                          10: "a speaker line with no text"}),
]


def _located(problems, name):
    out = {}
    for line in problems:
        m = re.match(rf".*{re.escape(name)}:(\d+): warning: (.*)$", line)
        assert m, f"not located as path:line: warning: message: {line!r}"
        out.setdefault(int(m.group(1)), []).append(m.group(2))
    return out


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_every_bad_timing_line_is_a_located_problem(tmp_path, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    review = review_transcript(path)
    located = _located(review["problems"], name)
    for line, words in expected.items():
        assert any(words in message for message in located.get(line, [])), (line, located)


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_every_line_is_in_the_turns_or_in_a_problem(tmp_path, name, text, expected):
    from kit.review import _load_turns

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    turns, _, _ = _load_turns(path)
    said = " ".join(turns["text"]) + " " + " ".join(turns["speaker"])  # words and speaker labels
    located = _located([str(p) for p in turns.attrs["problems"]], name)
    for number, line in enumerate(text.splitlines(), 1):
        words = re.findall(r"[A-Za-z]{3,}", re.sub(r"<v [^>]*>", "", line))
        if not line.strip() or line.strip() == "WEBVTT":
            continue
        if words and all(w in said for w in words):
            continue
        if not words and "-->" in line and number not in located:
            # a cue's timing line: its times are in the turns when the cue has text
            assert any(t == t for t in turns["start"]), line
            continue
        if not words and line.strip().isdigit():
            continue  # a SubRip cue number
        assert number in located or not words and _speaker_time_read(line), (number, line, located)


def _speaker_time_read(line: str) -> bool:
    return bool(re.fullmatch(r"\s*\S+\s+\d{1,2}:\d{2}\s*", line))


def test_the_cli_prints_the_problems_after_the_review_and_exits_0(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(PLAIN, encoding="utf-8")
    text, code = review_command([str(path)], include_names=True)
    assert code == 0
    # an impossible time keeps its turn, without a time (session 7); an unreadable one glues
    assert f"{path}:2: warning: impossible time '00:61:00'" in text
    assert f"{path}:3: warning: cannot read the time" in text
    assert f"{path}:5: warning:" in text
    data, code = review_command([str(path)], as_json=True, include_names=True)
    problems = json.loads(data)["problems"]
    assert [p.split(": warning:")[0] for p in problems] == [f"{path}:2", f"{path}:3", f"{path}:5"]


def test_an_otter_speaker_line_with_an_impossible_time_is_no_internal_error(tmp_path):
    path = tmp_path / "otter.txt"
    path.write_text(OTTER, encoding="utf-8")
    text, code = review_command([str(path)])
    assert code == 0 and "internal error" not in text
    assert f"{path}:4: warning: impossible time '0:61'" in text
    assert f"{path}:7: warning: cannot read the time of this speaker line" in text


def test_a_clean_transcript_has_no_problems(pilot_dir):
    for path in sorted((pilot_dir / "transcripts").iterdir()):
        assert review_transcript(path)["problems"] == [], path


def test_a_line_the_reader_reported_is_not_reported_twice():
    from kit.errors import Problem

    text = "Ana: Hello?\n[00:01:20]\nJo: Hi.\n"
    already = [Problem("t.txt", 2, "1 line(s) ... (line(s) 2, such as '[00:01:20]') are not part of any turn",
                       "warning")]
    assert timing_problems(text, "plain", "t.txt", already) == []
    assert [p.line for p in timing_problems(text, "plain", "t.txt")] == [2]
