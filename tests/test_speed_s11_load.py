"""Session 11, loading and writing (issue 20): the cheaper paths of reading a study's files,
the imports of `analyze` and the loader's short cuts give what the longer ones gave, and
report what they reported (no timing here: speed lives in benchmarks/analyze_scale.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit.csvio import _read_all, read_bytes
from kit.speaker_roles import speaker_participants
from kit.study import load_study

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("size", [0, 1, 4095, 65_536, 65_537, 300_001])
def test_read_bytes_gives_every_byte_of_a_file(tmp_path, size):
    data = bytes((i * 7 + 3) % 256 for i in range(size))
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    got, problems = read_bytes(path)
    assert got == data and problems == []


def test_read_all_reads_past_a_size_that_is_too_small(tmp_path):
    """A file that grew after its ``fstat`` (the size hint) is still read to its end."""
    data = b"Maya: hello\n" * 20_000
    path = tmp_path / "grown.txt"
    path.write_bytes(data)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert _read_all(fd, 10) == data
    finally:
        os.close(fd)


def test_read_bytes_still_reports_what_it_cannot_read(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert read_bytes(folder)[0] is None
    assert "a folder" in read_bytes(folder)[1][0].message
    missing = read_bytes(tmp_path / "missing.txt")
    assert missing[0] is None and missing[1][0].message.startswith("cannot read file")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        got, problems = read_bytes(fifo)  # never blocks
        assert got is None and problems[0].message == "not a regular file"


class _Loader:
    names: dict = {}

    def __init__(self):
        self.problems = []

    def problem(self, *args):
        self.problems.append(args)


def test_speaker_participants_of_a_transcript_no_note_names_is_nobody():
    loader = _Loader()
    columns = {"speaker": ["Maya", "Dana"], "text": ["Hi?", "Hello."]}
    assert speaker_participants("t.txt", {}, columns, {"Maya": "interviewer", "Dana": "participant"}, loader) == {}
    assert loader.problems == []
    # a note naming a participant still maps the participant's label to them
    owner = speaker_participants("t.txt", {"participant": "P-001"}, columns,
                                 {"Maya": "interviewer", "Dana": "participant"}, loader)
    assert owner == {"Dana": "P-001"}
    # a participant id written as a number is still a participant (a falsy front only is nobody's)
    assert speaker_participants("t.txt", {"participant": 0}, columns,
                                {"Maya": "interviewer", "Dana": "participant"}, loader) == {"Dana": "0"}


def _study(root: Path, broken: bool = True) -> Path:
    (root / "transcripts").mkdir(parents=True)
    (root / "study.yml").write_text("name: s\nresearch_question: How do invoices get paid?\n"
                                    "interviewer_labels: [Maya]\n")
    (root / "transcripts" / "INT-1.txt").write_text("Maya: How did it go?\nDana: Badly, at first.\n")
    (root / "transcripts" / "INT-2.vtt").write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nMaya: And then?\n\n"
        "2\n00:00:03.000 --> 00:00:04.000\nDana: Then it worked.\n")
    if broken:
        (root / "transcripts" / "INT-3.txt").write_bytes(b"")  # empty: a located problem, not lost
        (root / "transcripts" / "notes.pdf").write_bytes(b"%PDF")  # not a transcript: reported
    return root


def test_a_study_of_lone_transcripts_keeps_every_turn_and_every_problem(tmp_path):
    study = load_study(_study(tmp_path / "s"), strict=False)
    turns = study.turns
    assert turns["text"].tolist() == ["How did it go?", "Badly, at first.", "And then?", "Then it worked."]
    assert turns["segment_id"].tolist() == ["INT-1#t1", "INT-1#t2", "INT-2#t1", "INT-2#t2"]
    assert turns["participant"].tolist() == ["", "", "", ""]
    assert turns["role"].tolist() == ["interviewer", "participant"] * 2
    assert turns["start"].tolist()[2:] == [1.0, 3.0] and turns["end"].tolist()[2:] == [2.5, 4.0]
    messages = {(Path(p.path).name, p.line): p.message for p in study.problems}
    assert "empty transcript" in messages[("INT-3.txt", 0)]
    assert "not a transcript format" in messages[("notes.pdf", 0)]
    assert "no note in interviews/ names this transcript" in messages[("INT-1.txt", 1)]


def _run(code: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow  # a fresh interpreter running `analyze`: over 2 s (tests/README.md)
def test_analyze_does_not_import_the_index(tmp_path):
    """`interview-kit analyze` imports neither the repository index (sqlite3, kit.check) ; its tables are written all the same."""
    study = _study(tmp_path / "s", broken=False)
    out = tmp_path / "out"
    got = _run(
        "import sys\nfrom kit.cli import main\n"
        f"code = main(['analyze', {str(study)!r}, '--out', {str(out)!r}, '--quiet'])\n"
        "print(code, *sorted(m for m in ('kit.cli.discovery', 'kit.discovery.index', 'sqlite3', 'kit.check')\n"
        "                                 if m in sys.modules))\n")
    assert got.split("\n")[-2] == "0"
    assert (out / "turns.csv").read_text().count("\n") == 5


@pytest.mark.slow  # a fresh interpreter importing the CLI: about 1-2 s (tests/README.md)
def test_search_still_reads_a_query_word_starting_with_a_dash(tmp_path):
    got = _run("from kit.cli import main\nimport kit.cli.discovery as d\n"
               "seen = []\nd.search_argv = lambda argv: seen.append(list(argv)) or ['search', '--help']\n"
               "try:\n    main(['search', 'REPO', '-export'])\nexcept SystemExit:\n    pass\nprint(seen)\n")
    assert "['search', 'REPO', '-export']" in got
