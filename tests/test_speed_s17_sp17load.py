"""Session 17 (issue 20), the study loader doing less: each checked against the long way it replaced.

* a note's transcript file (its ``transcript:`` line's file, else the one named after its id) was
  worked out when the loader listed the files to parse and again when it read the note, and the
  ``transcript:`` line's file a third time (a stat or two and a realpath each):
  ``StudyPaths._transcript_of`` now finds it once per note;
* the list of parse jobs (each note's transcript and reading arguments) was built for every study
  and thrown away unless worker processes took it (a study of fewer than
  ``PARALLEL_TRANSCRIPTS`` notes and files, or a busy machine): now built only for them;
* ``kit.transcript_once.service_tail`` split every transcript into lines to look at its last
  one: it now takes the last line alone and splits only when that line may be a service's.

The long way is put back with ``monkeypatch``; a study with edge cases (BOM, CRLF, CR,
Windows-1252, VTT cue settings, an empty file, other scripts, a mixed-language turn, notes whose
``transcript:`` names a missing file, a file in other capitals, a file outside the study or the
study's root, two notes of one id) and every transcript and study of tests/data come out the same.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import kit.study as study_mod
import kit.transcripts as transcripts_mod
from kit.errors import Problem, TranscriptError
from kit.study import load_study
from kit.study_paths import StudyPaths, leaves_study
from kit.transcript_labels import LABEL
from kit.transcript_once import _SENTENCE_END, service_tail

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


# --------------------------------------------------------------------------- the long ways

def _old_service_tail(columns: dict, text: str, source: str, problems: list) -> None:  # before this pass
    texts = columns.get("text") or []
    if not texts:
        return
    lines = text.rstrip().split("\n")
    last = " ".join(lines[-1].split())
    said = texts[-1]
    if (not last or len(last) > 200 or len(last.split()) > 12 or _SENTENCE_END.search(last)
            or not said.endswith(" " + last) or LABEL.match(last) is not None):
        return
    names = {sp for sp in columns["speaker"] if len(str(sp).split()) >= 2}
    first = next((" ".join(line.split()) for line in lines if line.strip()), "")
    if LABEL.match(first) is None:
        words = last.split()
        names |= {run for n in (2, 3) for k in range(len(words) - n + 1)
                  if all(w[:1].isupper() for w in words[k:k + n]) and (run := " ".join(words[k:k + n])) in first}
    if not any(re.search(rf"(?<!\w){re.escape(str(sp))}(?!\w)", last) for sp in names):
        return
    texts[-1] = said[:-len(last) - 1].rstrip()
    problems.append(Problem(source, len(lines), "the last line names a person in full and has no sentence end, as "
                            "a meeting service writes that someone stopped the transcription (in any language): "
                            "not part of any turn; if it is someone's words, end it with a full stop", "warning"))


def _old_transcript_of(self, front, iid, by_stem, note=None) -> tuple:  # no memory: found each time asked
    named = self._named_transcript(front)
    if named is not None:
        return named, named
    return (by_stem[iid][0] if iid in by_stem else self._loose_stem(iid, by_stem)), None


def _old_load(monkeypatch) -> None:
    """The jobs listed for every study (as before), the note's transcript found each time."""
    monkeypatch.setattr(StudyPaths, "_transcript_of", _old_transcript_of)
    monkeypatch.setattr(study_mod, "PARALLEL_TRANSCRIPTS", 0)  # the jobs always listed ...
    monkeypatch.setattr(study_mod, "free_cores", lambda most=4: 2)
    monkeypatch.setattr(study_mod, "_parse_in_parallel", lambda jobs, progress: {})  # ... and parsed here
    monkeypatch.setattr(transcripts_mod, "service_tail", _old_service_tail)


def _snapshot(folder: Path) -> tuple:
    study = load_study(folder, strict=False)
    return (study.turns.to_csv(), study.interviews.to_csv(), study.quotes.to_csv(), study.insights.to_csv(),
            [(p.path, p.line, p.message, p.level) for p in study.problems], dict(study.guessed_interviewers))


def _both_ways(folder: Path, monkeypatch) -> tuple:
    fast = _snapshot(folder)
    with monkeypatch.context() as m:
        _old_load(m)
        slow = _snapshot(folder)
    return fast, slow


# --------------------------------------------------------------------------- service_tail

TAILS = [
    "Maya Chen: How was it?\nBeata Karimi: Fine\nBeata Karimi stopped transcription\n",
    "Dechreuodd Rhian Pritchard drawsgrifio\nRhian Pritchard: Bore da.\nSiôn: Bore da\nDaeth Rhian Pritchard â'r trawsgrifio i ben",
    "Maya Chen: How was it?\r\nBeata Karimi: Fine\r\nBeata Karimi stopped transcription\r\n\r\n",
    "Maya Chen: How was it?\rBeata Karimi: Fine\rBeata Karimi stopped transcription\r",
    "\ufeffMaya Chen: How was it?\nBeata Karimi: Fine and\npaid late\n",
    "Maya Chen: How was it?\nBeata Karimi: Fine.\n  \n\t\n",
    "Maya Chen: How was it?\nBeata Karimi: Fine\nBeata Karimi stopped transcription.\n",
    "Maya Chen: How was it?\nBeata Karimi: Fine\nMaya Chen: Thanks\nMaya Chen left the meeting\n",
    "Интервьюер Анна: Как дела?\nИрина Петрова: Хорошо\nИрина Петрова остановила транскрипцию\n",
    "Maya Chen: Hi\nBeata Karimi: " + "word " * 30 + "\n" + "Beata Karimi " * 20 + "\n",
    "Maya Chen: Hi\nBeata Karimi: fine\u2028Beata Karimi stopped transcription\n",
    "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nMaya Chen: Hi\n\n2\n00:00:02.000 --> 00:00:04.000 align:start\n"
    "Beata Karimi: Fine\nBeata Karimi stopped transcription\n",
    "Maya Chen: Hi\nBeata Karimi: Fine\n" + "\n" * 5,
]


@pytest.mark.parametrize("text", TAILS)
def test_service_tail_as_the_long_way(text):
    last = " ".join(text.rstrip().split("\n")[-1].split())
    columns = {"speaker": ["Maya Chen", "Beata Karimi"], "start": [0.0, 1.0], "end": [1.0, 2.0],
               "text": ["How was it?", f"Fine {last}"]}  # the last line continues the last turn
    got, want = {k: list(v) for k, v in columns.items()}, {k: list(v) for k, v in columns.items()}
    found, expected = [], []
    service_tail(got, text, "t.txt", found)
    _old_service_tail(want, text, "t.txt", expected)
    assert (got, found) == (want, expected)


def test_service_tail_still_takes_a_service_line_out():
    columns = {"speaker": ["Maya Chen", "Beata Karimi"], "start": [0.0, 1.0], "end": [1.0, 2.0],
               "text": ["How was it?", "Fine Beata Karimi stopped transcription"]}
    problems: list = []
    service_tail(columns, TAILS[0], "t.txt", problems)
    assert columns["text"][-1] == "Fine" and [(p.line, p.level) for p in problems] == [(3, "warning")]


def _parse(text: str):
    try:
        return transcripts_mod.parse_turns(text, "t")
    except TranscriptError as exc:
        return [str(p) for p in exc.problems]


def test_every_transcript_of_the_tests_parses_as_the_long_way(monkeypatch):
    files = [p for p in DATA.rglob("*") if p.suffix.lower() in (".txt", ".vtt", ".srt") and p.is_file()]
    assert len(files) >= 100
    texts = []
    for path in files:
        data = path.read_bytes()
        try:
            texts.append(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            texts.append(data.decode("cp1252", errors="replace"))
    texts += TAILS
    fast = [_parse(t) for t in texts]
    monkeypatch.setattr(transcripts_mod, "service_tail", _old_service_tail)
    assert fast == [_parse(t) for t in texts]
    assert any(isinstance(f, tuple) and any("stopped the transcription" in p.message for p in f[2]) for f in fast)


# --------------------------------------------------------------------------- whole studies

def _write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def _note(iid: str, pid: str, extra: str = "") -> str:
    return (f"---\nid: {iid}\ndate: 2026-01-05\nparticipant: {pid}\ninterviewer: Maya Chen\n{extra}---\n\n"
            "## Key Quotes\n- \"It was late.\"\n\n## Insights\n- Paid late.\n")


@pytest.fixture
def edge_study(tmp_path) -> Path:
    root = tmp_path / "edge"
    outside = tmp_path / "outside.txt"
    _write(outside, "Maya Chen: Outside?\nBeata Karimi: Yes.\n")
    _write(root / "study.yml", "title: Edge\nresearch_question: How do people get paid?\nteam:\n"
                               "  - {name: Maya Chen, role: researcher}\ninterviewer_labels: [Moderator]\n")
    _write(root / "participants.csv", "id,name,email,consent_quote\nP1,Beata Karimi,b@example.org,yes\n"
                                      "P2,Anna Nowicka,a@example.org,yes\nP3,Ira Petrova,i@example.org,no\n")
    t = root / "transcripts"
    _write(t / "INT-01.txt", "\ufeffMaya Chen: How did it go?\r\nBeata Karimi: Fine, thanks.\r\n"
                             "Maya Chen: And then?\r\nBeata Karimi: They paid late\r\nBeata Karimi stopped transcription\r\n")
    _write(t / "INT-02.txt", "Chen, Maya: Hello there.\nAnna Nowicka: Caf\xe9 owners pay late.\n".encode("cp1252"))
    _write(t / "INT-03.vtt", "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000 align:start position:10%\n"
                             "Maya C.: What happened?\n\n2\n00:00:04.000 --> 00:00:06.000 line:0\n"
                             "Beata Karimi: The invoice bounced.\n")
    _write(t / "INT-04.txt", "")
    _write(t / "INT-05.txt", "Модератор: Как вам платят?\rИрина Петрова: Поздно, всегда поздно.\r")
    _write(t / "INT-06.txt", "Moderator: Any delays?\nBeata Karimi: Always. Сначала платят поздно, потом никогда.\n")
    _write(t / "int-07.TXT", "Maya Chen: Capitals.\nBeata Karimi: Yes.\n")
    _write(root / "INT-08.srt", "1\n00:00:01,000 --> 00:00:02,000\nMaya Chen: Root?\n\n2\n"
                                "00:00:02,000 --> 00:00:03,000\nAnna Nowicka: Yes.\n")
    _write(t / "INT-09.txt", "Speaker 1: Lone.\nSpeaker 2: Nobody's note.\n")
    notes = root / "interviews"
    _write(notes / "INT-01.md", _note("INT-01", "P1", "transcript: INT-01.txt\n"))
    _write(notes / "INT-02.md", _note("INT-02", "P2"))  # found by its id
    _write(notes / "INT-03.md", _note("INT-03", "P1", "transcript: missing.vtt\n"))  # missing: INT-03.vtt instead
    _write(notes / "INT-05.md", _note("INT-05", "P3", f"transcript: {outside}\n"))  # outside the study
    _write(notes / "INT-07.md", _note("INT-07", "P1", "transcript: INT-07.txt\n"))  # the file in other capitals
    _write(notes / "INT-08.md", _note("INT-08", "P2", "transcript: INT-08.srt\n"))  # in the study's root
    _write(notes / "INT-08b.md", _note("INT-08", "P2", "transcript: INT-06.txt\n"))  # a second note of one id
    _write(notes / "INT-10.md", _note("INT-10", "P1", "transcript: ../outside.txt\n"))  # climbing out
    return root


def test_an_edge_case_study_loads_as_the_long_way_loads_it(edge_study, monkeypatch):
    fast, slow = _both_ways(edge_study, monkeypatch)
    assert fast == slow
    study = load_study(edge_study, strict=False)
    assert {"INT-01", "INT-02", "INT-03", "INT-07", "INT-08", "INT-09"} <= set(study.turns["interview_id"])
    said = " ".join(str(p) for p in study.problems)
    assert "missing.vtt" in said and "outside the study" in said and "duplicate interview id 'INT-08'" in said
    assert "differs in capitals" in said


def test_a_note_s_transcript_is_found_once(edge_study, monkeypatch):
    asked: list = []
    original = StudyPaths._named_transcript

    def counted(self, front):
        asked.append(front.get("id"))
        return original(self, front)

    monkeypatch.setattr(StudyPaths, "_named_transcript", counted)
    monkeypatch.setattr(study_mod, "PARALLEL_TRANSCRIPTS", 2)  # the jobs listed too, then the notes read
    monkeypatch.setattr(study_mod, "free_cores", lambda most=4: 2)
    monkeypatch.setattr(study_mod, "_parse_in_parallel", lambda jobs, progress: {})
    load_study(edge_study, strict=False)
    assert sorted(asked, key=str) == sorted(["INT-01", "INT-02", "INT-03", "INT-05", "INT-07", "INT-08", "INT-08",
                                             "INT-10"])


@pytest.mark.parametrize(("files", "cores", "listed"), [(2, 2, True), (100, 2, False), (2, 1, False)])
def test_the_jobs_are_listed_only_for_workers(edge_study, monkeypatch, files, cores, listed):
    calls: list = []
    original = study_mod._Loader._transcript_jobs
    monkeypatch.setattr(study_mod._Loader, "_transcript_jobs",
                        lambda self, *a: calls.append(1) or original(self, *a))
    monkeypatch.setattr(study_mod, "PARALLEL_TRANSCRIPTS", files)
    monkeypatch.setattr(study_mod, "free_cores", lambda most=4: cores)
    monkeypatch.setattr(study_mod, "_parse_in_parallel", lambda jobs, progress: {})  # parsed here either way
    assert _snapshot(edge_study) == _snapshot_plain(edge_study)
    assert bool(calls) is listed


def _snapshot_plain(folder: Path) -> tuple:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(study_mod, "PARALLEL_TRANSCRIPTS", 10 ** 9)
        return _snapshot(folder)


def test_the_parallel_parse_still_gives_the_same_study(edge_study, monkeypatch):
    serial = _snapshot(edge_study)
    monkeypatch.setattr(study_mod, "PARALLEL_TRANSCRIPTS", 2)
    monkeypatch.setattr(study_mod, "free_cores", lambda most=4: 2)
    assert _snapshot(edge_study) == serial


@pytest.mark.parametrize("name", ["/etc/passwd", "C:\\notes.txt", "\\\\server\\share\\t.txt", "t.txt", "../t.txt", ""])
def test_leaves_study_moved_as_it_was(name):
    from pathlib import PurePosixPath, PureWindowsPath

    assert leaves_study(name) is any(p.is_absolute() or bool(p.anchor) for p in (PurePosixPath(name), PureWindowsPath(name)))
    assert study_mod._leaves_study is leaves_study


@pytest.mark.slow
def test_every_study_of_the_tests_loads_as_the_long_way_loads_it(monkeypatch):
    folders = sorted({p.parent for p in DATA.rglob("study.yml") if ".interview-kit" not in p.parts})
    assert len(folders) >= 30
    for folder in folders:
        fast, slow = _both_ways(folder, monkeypatch)
        assert fast == slow, folder
