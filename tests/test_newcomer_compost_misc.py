"""Newcomer 2 (a user researcher at a community composting service): search, index counts,
lab's child process, lint-guide's output, the formats each command's help lists.
Inputs (minimal copies): tests/data/newcomer-compost/fixmisc/."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit.cli import main
from kit.discovery.search import fts_query, search

DATA = Path(__file__).parent / "data" / "newcomer-compost" / "fixmisc"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo(tmp_path) -> Path:
    """The newcomer's two-sprint repository (2026-S47, 2026-S49), copied."""
    return Path(shutil.copytree(DATA / "repo", tmp_path / "repo"))


@pytest.fixture
def sprint49(tmp_path) -> Path:
    """The follow-up sprint alone (3 interviews): enough for the search faults."""
    root = tmp_path / "repo49"
    shutil.copytree(DATA / "repo" / "2026-S49", root / "2026-S49")
    return root


# -- 1. every documented query form -----------------------------------------------------------------
def _ids(repo, query, **kw):
    return list(search(repo, query, **kw)["id"])


def test_a_prefix_finds_the_words_it_begins_on_a_stemmed_index(sprint49, capsys):
    """`pay*` was matched as the stem of "pay" ("pai*") among stems: "payment" never matched."""
    assert _ids(sprint49, "payment") == ["INT-103#t2"]
    assert _ids(sprint49, "pay*") == ["INT-103#t2"]
    assert _ids(sprint49, "paym*") == ["INT-103#t2"]
    assert _ids(sprint49, "PAY*") == ["INT-103#t2"]
    assert main(["search", str(sprint49), "pay*"]) == 0
    assert "INT-103#t2" in capsys.readouterr().out
    assert main(["search", str(sprint49), "pay*", "--json"]) == 0
    assert [hit["id"] for hit in json.loads(capsys.readouterr().out)] == ["INT-103#t2"]


def test_a_prefix_matches_no_word_that_only_shares_its_stem(sprint49):
    """"pai*" (the stem of pay) would find "paint"; a prefix nothing starts with finds nothing."""
    assert _ids(sprint49, "payz*") == []
    texts = " ".join(search(sprint49, "pa*", limit=100)["text"]).lower()
    assert "payment" in texts
    for hit in search(sprint49, "pa*", limit=100)["text"]:
        assert any(w.lower().startswith("pa") for w in hit.replace("«", " ").split())


@pytest.mark.parametrize("query, expected", [
    ("late payment", ["INT-103#t2"]),            # all words, on their stems
    ("payments", ["INT-103#t2"]),                # a stem
    ('"late payment"', ["INT-103#t2"]),          # a phrase
    ('"payment late"', []),                      # ... in that order
    ("late pay*", ["INT-103#t2"]),               # a word and a prefix
    ("pay* late", ["INT-103#t2"]),
    ("fox NOT pay*", []),                        # the only fox passage talks of payment
    ("pay* NOT fox", []),
])
def test_every_documented_query_form(sprint49, query, expected):
    assert _ids(sprint49, query) == expected


def test_or_and_codes_with_a_prefix(repo):
    either = set(_ids(repo, "fox OR pay*", limit=50))
    assert either == set(_ids(repo, "fox", limit=50)) | set(_ids(repo, "pay*", limit=50))
    assert "INT-103#t2" in either and len(either) > 1
    assert _ids(repo, "pay*", code="bins") == ["INT-103#t2"]
    assert _ids(repo, "pay*", code="smell") == []


def test_a_prefix_on_a_word_with_diacritics(repo):
    """The index folds diacritics (pasó = paso): a prefix does too."""
    assert "INT-008#t4" in _ids(repo, "pas*", limit=50)
    assert "INT-008#t4" in _ids(repo, "camio*", limit=50)


def test_fts_query_expands_a_prefix_into_the_words_it_begins():
    words = {"pay": {"payment", "paying"}}
    assert fts_query("late pay*", expand=words.get) == '"late" AND ("paying" OR "payment")'
    assert fts_query("nothing*", expand=lambda p: set()) == '""'
    assert fts_query("pay*") == '"pay"*'  # without the index: FTS5's own prefix


# -- 2. index and check count the same problems -----------------------------------------------------
@pytest.mark.slow
def test_index_says_which_warnings_it_counts(repo, capsys):
    """index said 12 and 4 warnings where check says 16 and 5: it counts the problems in
    reading the files; check adds the cross-checks, and index's message says so."""
    from kit.check import CROSS_CHECKS, check_study
    from kit.study import load_study

    assert main(["index", str(repo)]) == 0
    out = capsys.readouterr().out
    for sprint in ("2026-S47", "2026-S49"):
        read = load_study(repo / sprint, strict=False).problems
        checked = check_study(repo / sprint)
        assert len(checked) > len(read)  # the newcomer's case: the counts differ
        line = next(x for x in out.splitlines() if x.startswith(f"{sprint}:"))
        assert f"{len(read)} warning(s) in reading its files" in line
        assert f"interview-kit check {repo / sprint}" in line and CROSS_CHECKS in line
        assert [str(p) for p in checked[:len(read)]] == [str(p) for p in read]  # check lists them all


# -- 3. lab stops JupyterLab when it is stopped -----------------------------------------------------
_CHILD = "import time, sys; print('child up', file=sys.stderr, flush=True); time.sleep(120)"


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_lab_stops_its_server_on_a_signal(signum):
    script = (f"import sys; from kit.cli.lab import serve_lab; "
              f"code, tail = serve_lab([sys.executable, '-c', {_CHILD!r}], '.'); print(code); sys.exit(0)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    lab = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert "child up" in lab.stderr.readline()
        (child,) = _children(lab.pid)
        lab.send_signal(signum)
        out, _ = lab.communicate(timeout=30)
        assert out.strip() == str(-signum)
        deadline = time.monotonic() + 10
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child), "the server outlived interview-kit lab"
    finally:
        if lab.poll() is None:
            lab.kill()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_lab_killed_outright_takes_its_server_along():
    script = (f"import sys; from kit.cli.lab import serve_lab; "
              f"serve_lab([sys.executable, '-c', {_CHILD!r}], '.')")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    lab = subprocess.Popen([sys.executable, "-c", script], env=env, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    assert "child up" in lab.stderr.readline()
    (child,) = _children(lab.pid)
    lab.kill()
    lab.wait(timeout=10)
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_lab_no_browser_leaves_no_jupyterlab_behind(tmp_path):
    """The newcomer's case with the real JupyterLab: SIGTERM to `interview-kit lab`."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), JUPYTER_RUNTIME_DIR=str(tmp_path / "rt"))
    lab = subprocess.Popen([sys.executable, "-m", "kit", "lab", "--no-browser", "--out", str(tmp_path / "copy")],
                           env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        for line in lab.stderr:
            if "http://" in line or time.monotonic() > deadline:
                break
        (server,) = _children(lab.pid)
        lab.send_signal(signal.SIGTERM)
        lab.stderr.read()
        assert lab.wait(timeout=30) == 0
        deadline = time.monotonic() + 20
        while _alive(server) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(server), "JupyterLab outlived interview-kit lab"
    finally:
        if lab.poll() is None:
            os.killpg(lab.pid, signal.SIGKILL)


# -- 5. every command's help lists the formats it reads, from one place ------------------------------
def _help(command: str) -> str:
    from kit.cli.parsing import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if getattr(a, "choices", None) and command in a.choices)
    return " ".join(sub.choices[command].format_help().split())


def test_every_command_lists_the_transcript_formats_it_reads():
    """review --help said ".vtt .srt .txt" while .docx works."""
    from kit.cli.formats import TRANSCRIPT_SUFFIXES

    assert ".docx" in TRANSCRIPT_SUFFIXES
    for command in ("review", "check", "analyze", "export", "themes", "run", "lab"):
        text = _help(command)
        assert all(suffix in text for suffix in TRANSCRIPT_SUFFIXES), command


@pytest.mark.slow
def test_review_reads_the_newcomers_docx(tmp_path, capsys):
    shutil.copy(DATA / "repo" / "2026-S47" / "transcripts" / "INT-005.docx", tmp_path / "INT-005.docx")
    assert main(["review", str(tmp_path / "INT-005.docx"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_lint_guide_help_lists_what_it_reads_as_yaml(tmp_path):
    """Each suffix the help names as YAML is read as YAML; a .txt is read one question a line."""
    from kit.cli.formats import GUIDE_YAML_SUFFIXES
    from kit.guide import lint_file

    text = _help("lint-guide")
    assert all(suffix in text for suffix in GUIDE_YAML_SUFFIXES) and ".txt" in text
    yaml_text = "format: micro\nquestions:\n  - text: Tell me about the last time you put the caddy out.\n" \
                "    kind: opener\n"
    for suffix in GUIDE_YAML_SUFFIXES + (".txt",):
        path = tmp_path / f"guide{suffix}"
        path.write_text(yaml_text, encoding="utf-8")
        result, _ = lint_file(path)
        questions = [q["question"] for q in result["questions"]]
        if suffix == ".txt":  # one line at a time: each line a question or a note, and a warning
            assert len(questions) + len(result["notes"]) == 4 and any("YAML" in p.message for p in _)
        else:
            assert questions == ["Tell me about the last time you put the caddy out."]


# -- 4. lint-guide: --json carries every finding the text shows; one rounding; exit codes ----------
def _lint(capsys, name, *extra):
    code = main(["lint-guide", str(DATA / name), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_lint_guide_json_carries_the_structure_problems(capsys):
    """--json dropped the time budget, the targeted questions and the two closers, yet exited 1."""
    code, text, _ = _lint(capsys, "guide.yml")
    json_code, out, _ = _lint(capsys, "guide.yml", "--json")
    assert code == json_code == 1
    data = json.loads(out)
    questions = [d for d in data if d["question"] is not None]
    assert len(questions) == 13 and all({"question", "flags", "kind", "suggestion"} <= set(d) for d in data)
    structure = [d for d in data if d["kind"] == "structure"]
    messages = " | ".join(d["message"] for d in structure)
    assert "time budget" in messages and "too many targeted questions" in messages and "closer" in messages
    assert all(d["level"] == "error" for d in structure)
    for d in structure:  # the text report shows each of them as path:line: message
        where = "guide.yml" + (f":{d['line']}" if d["line"] else "")
        assert f"{where}: {d['message']}" in text
    (budget,) = [d for d in data if d["kind"] == "budget"]
    assert budget["minutes_estimate"] == 14.25 and budget["within"] is False and budget["message"] in text


def test_lint_guide_time_budget_has_one_rounding(capsys):
    """23.125 in the structure line, 23.13 in the time line."""
    import re

    _, text, _ = _lint(capsys, "guide-questions.txt")
    figures = set(re.findall(r"about (\d+(?:\.\d+)?) minutes", text))
    assert figures == {"23.13"}
    _, out, _ = _lint(capsys, "guide-questions.txt", "--json")
    data = json.loads(out)
    assert {m for d in data if d["question"] is None for m in re.findall(r"about (\S+) minutes", d["message"])} \
        == {"23.13"}


def test_lint_guide_table_stays_aligned_with_long_flags(capsys):
    _, text, _ = _lint(capsys, "guide-questions.txt")
    rows = [line for line in text.splitlines() if line[:6].strip().isdigit()]
    assert len(rows) > 10
    from kit.guide import lint_file

    result, _ = lint_file(DATA / "guide-questions.txt")
    columns = {line.index(q["question"][:40]) for line, q in zip(rows, result["questions"])}
    assert len(columns) == 1, "the question column moves with the flags' length"


def test_an_error_in_the_guide_file_still_lints_what_it_can(capsys):
    """A `kind:` given twice stopped the whole lint (exit 2) while `kind: opner` lints (exit 1):
    both are errors in a file that can be read, exit 1, in the text and in the JSON."""
    for name, message in (("guide-typos.yml", "given twice"), ("guide-typos2.yml", "opner")):
        code, text, err = _lint(capsys, name)
        assert code == 1 and message in err and "questions)" in text, name
        json_code, out, err = _lint(capsys, name, "--json")
        files = [d for d in json.loads(out) if d["kind"] == "file"]
        assert json_code == 1 and any(message in d["message"] and d["level"] == "error" for d in files), name
    code, _, err = _lint(capsys, "no-such-guide.yml")
    assert code == 2 and "no-such-guide.yml" in err
