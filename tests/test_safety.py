"""Safe against mistakes and hostile files (issue 19), the fast cases: write targets that
would overwrite the study, spreadsheet formulas in published tables, zip bombs and XML bombs,
the atomic publish, the sweep of what killed runs left, and the coding widget's file."""
from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from conftest import tree_snapshot, write
from kit import cli, qdpx
from kit.safety import (OUTPUT_MARKER, UnsafeTarget, check_archive, check_output, clean_html, is_kit_output,
                        mark_output, neutralise_cell, neutralise_csv_file, sweep_temp_files)


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def main(capsys, *argv) -> tuple[int, str]:
    code = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# -- 1. outputs never touch inputs ----------------------------------------------------------------
def test_check_output_refuses_the_study_inside_it_and_around_it(tmp_path, study_dir):
    inputs = [(study_dir, "the study")]
    for target, how in [(study_dir, "is"), (study_dir / "transcripts", "lies inside"), (tmp_path, "contains"),
                        (study_dir / "participants.csv", "lies inside")]:
        with pytest.raises(UnsafeTarget, match=f"it {how} the study"):
            check_output(target, inputs, folder=target.is_dir())
    assert check_output(tmp_path / "out", inputs) == (tmp_path / "out").resolve()
    assert check_output(tmp_path / "study-report", inputs)  # a sibling whose name starts alike


def test_a_symlink_into_the_study_is_the_study(tmp_path, study_dir):
    link = tmp_path / "innocent"
    link.symlink_to(study_dir / "transcripts")
    with pytest.raises(UnsafeTarget, match="lies inside the study"):
        check_output(link, [(study_dir, "the study")])
    file_link = tmp_path / "roster.qdpx"
    file_link.symlink_to(study_dir / "participants.csv")
    with pytest.raises(UnsafeTarget, match="lies inside the study"):
        check_output(file_link, [(study_dir, "the study")], option="--qdpx", folder=False)


def test_a_non_empty_folder_the_kit_did_not_write_needs_force(tmp_path):
    busy = write(tmp_path / "thesis" / "chapter1.docx", "mine").parent
    with pytest.raises(UnsafeTarget, match="--force"):
        check_output(busy, [])
    assert check_output(busy, [], force=True) == busy.resolve()
    assert check_output(tmp_path / "empty-or-new", [])
    mark_output(busy)
    assert is_kit_output(busy) and check_output(busy, [])
    old_report = write(tmp_path / "old" / "index.html", "x").parent
    write(old_report / "run.log", "")
    assert check_output(old_report, [], legacy=("index.html", "run.log"))  # a report of an older kit
    with pytest.raises(UnsafeTarget, match="not a folder"):
        check_output(busy / "chapter1.docx", [])
    with pytest.raises(UnsafeTarget, match="is a folder"):
        check_output(busy, [], option="--log", folder=False)


@pytest.mark.parametrize("argv, message", [
    (["run", "{S}", "--out", "{S}"], "--out .*it is the study"),
    (["run", "{S}", "--out", "{S}/transcripts"], "--out .*lies inside the study"),
    (["run", "{S}", "--out", "{T}"], "--out .*contains the study"),
    (["run", "{S}", "--out", "{T}/r", "--log", "{S}/study.yml"], "--log .*lies inside the study"),
    (["run", "{S}", "--out", "{T}/r", "--log", "{T}/r/cron.log"], "--log .*lies inside the report folder"),
    (["analyze", "{S}", "--out", "{S}/tables"], "--out .*lies inside the study"),
    (["export", "{S}", "--qdpx", "{S}/participants.csv", "--qdc", "{S}/codebook.yml"], "--qdpx .*inside the study"),
    (["export", "{S}", "--qdc", "{S}/codebook.yml"], "--qdc .*lies inside the study"),
    (["export", "{S}", "--qdpx", "{T}/a.qdpx", "--qdc", "{T}/a.qdpx"], "--qdc .*is the --qdpx file"),
    (["recruit", "{S}/participants.csv", "--study", "{S}", "--n", "1", "--apply"], "--apply .*is the pool"),
    (["new", "{K}/data/pilot/copy"], "lies inside the interview-kit package"),
])
def test_cli_refuses_write_targets_on_inputs_with_exit_2(capsys, tmp_path, study_dir, argv, message):
    from kit.paths import PACKAGE_DIR

    before = tree_snapshot(study_dir)
    pilot = tree_snapshot(PACKAGE_DIR / "data" / "pilot")
    argv = [a.format(S=study_dir, T=tmp_path, K=PACKAGE_DIR) for a in argv]
    code, text = main(capsys, *argv)
    assert code == 2, text
    import re

    assert re.search(message, text), text
    assert "Traceback" not in text and len(text.strip().splitlines()) == 1
    assert tree_snapshot(study_dir) == before
    assert tree_snapshot(PACKAGE_DIR / "data" / "pilot") == pilot
    assert not (tmp_path / "r").exists() and not (tmp_path / "a.qdpx").exists()


def test_analyze_writes_a_marked_folder_and_needs_force_for_a_foreign_one(capsys, tmp_path, study_dir):
    busy = write(tmp_path / "busy" / "notes.txt", "my own notes").parent
    code, text = main(capsys, "analyze", study_dir, "--out", busy, "--quiet")
    assert code == 2 and "--force" in text and sorted(os.listdir(busy)) == ["notes.txt"]
    code, text = main(capsys, "analyze", study_dir, "--out", busy, "--quiet", "--force")
    assert code == 0 and (busy / "turns.csv").is_file() and (busy / OUTPUT_MARKER).is_file()
    assert (busy / "notes.txt").read_text() == "my own notes"
    code, text = main(capsys, "analyze", study_dir, "--out", busy, "--quiet")  # the kit's folder now
    assert code == 0, text


def test_a_full_disk_is_one_line_and_exit_2(capsys, tmp_path, study_dir, monkeypatch):
    # /dev/full answers every write with ENOSPC: the --log line written before anything else
    code, text = main(capsys, "run", study_dir, "--out", tmp_path / "r", "--log", "/dev/full", "--quiet")
    assert code == 2 and text.strip() == "interview-kit run: no space left on device: free some space and run again"
    import kit.analyze

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "o" / "turns.csv"))

    monkeypatch.setattr(kit.analyze, "analyze", full)
    code, text = main(capsys, "analyze", study_dir, "--out", tmp_path / "o", "--quiet")
    assert code == 2 and len(text.strip().splitlines()) == 1 and "no space left on device writing" in text
    assert "bug" not in text


# -- 5. spreadsheet formulas ------------------------------------------------------------------------
def test_neutralise_cell_follows_the_leading_apostrophe_rule():
    for cell in ['=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0", "-2+3+cmd|x", "@SUM(A1)",
                 "\t=1+1", "\r=1+1", "-", "=", "+ looks fine"]:
        assert neutralise_cell(cell) == "'" + cell
    for cell in ["plain text", "", "-0.42", "+3", "-1e-3", ".5", "it's = fine", 3, None, -2.5, "'=already"]:
        assert neutralise_cell(cell) == cell


def test_neutralise_csv_file_rewrites_only_text_that_would_run(tmp_path):
    path = write(tmp_path / "quotes.csv", 'segment,text,compound\nA#q1,"=HYPERLINK(""http://x"",""y"")",-0.4\n'
                                          "A#q2,fine,0.2\nA#q3,@me,-1\n")
    os.chmod(path, 0o644)
    assert neutralise_csv_file(path) == 2
    import pandas as pd

    table = pd.read_csv(path)
    assert table["text"].tolist() == ["'=HYPERLINK(\"http://x\",\"y\")", "fine", "'@me"]
    assert table["compound"].tolist() == [-0.4, 0.2, -1]
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert neutralise_csv_file(path) == 0  # neutralised once


# -- 2. bounded archives, and the XML attacks that held -------------------------------------------
def _patch_declared_size(path: Path, size: int) -> None:
    """Make the archive's headers declare ``size`` bytes for its member (a zip bomb's
    headers) without writing gigabytes."""
    data = bytearray(path.read_bytes())
    local = data.index(b"PK\x03\x04")
    data[local + 22: local + 26] = size.to_bytes(4, "little")
    central = data.index(b"PK\x01\x02")
    data[central + 24: central + 28] = size.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def test_a_zip_bomb_is_refused_before_decompressing(tmp_path):
    bomb = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", b"\0" * 1000)
    _patch_declared_size(bomb, 3 * 1024 ** 3)  # 3 GiB declared
    assert zipfile.ZipFile(bomb).infolist()[0].file_size == 3 * 1024 ** 3
    frame, problems = qdpx.import_qdpx(bomb)
    assert len(frame) == 0 and len(problems) == 1
    assert problems[0].line == 0 and "refused to unpack" in problems[0].message
    assert "3,221,225,472 bytes" in problems[0].message
    book, problems = qdpx.import_qdc(bomb)
    assert "refused to unpack" in problems[0].message


def test_check_archive_limits_members_ratio_and_total(tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros", b"\0" * (2 * 1024 * 1024))  # 2 MiB of zeros: about 1,000 times smaller
        archive.writestr("a", b"a")
        archive.writestr("b", b"b")
    from kit.safety import ArchiveTooLarge

    with zipfile.ZipFile(path) as archive:
        with pytest.raises(ArchiveTooLarge, match="zip bomb"):
            check_archive(archive)
        check_archive(archive, max_ratio=10_000)
        with pytest.raises(ArchiveTooLarge, match="3 members"):
            check_archive(archive, max_ratio=10_000, max_members=2)
        with pytest.raises(ArchiveTooLarge, match="more than 1,000 bytes"):
            check_archive(archive, max_ratio=10_000, max_total=1000, max_member=10 ** 9)


def test_a_real_export_passes_the_archive_limits(tmp_path, study_dir):
    path = qdpx.export_qdpx(study_dir, tmp_path / "s.qdpx")
    with zipfile.ZipFile(path) as archive:
        check_archive(archive)
    frame, problems = qdpx.import_qdpx(path)
    assert len(frame) and not [p for p in problems if p.is_error]


def test_zip_slip_names_are_never_extracted(tmp_path, study_dir, monkeypatch):
    source = qdpx.export_qdpx(study_dir, tmp_path / "s.qdpx")
    evil = tmp_path / "work" / "evil.qdpx"
    evil.parent.mkdir()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(evil, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("../../slipped.txt", "owned")
        dst.writestr("/tmp/absolute-slip.txt", "owned")
        dst.writestr("sources/../../../../slipped-too.txt", "owned")
    monkeypatch.chdir(evil.parent)
    before = {p for p in tmp_path.rglob("*")}
    frame, problems = qdpx.import_qdpx(evil, study_dir)
    assert len(frame)
    assert {p for p in tmp_path.rglob("*")} == before
    assert not Path("/tmp/absolute-slip.txt").exists()


def test_xxe_is_not_resolved(tmp_path):
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-LINE")
    for body in ['<Code guid="00000000-0000-0000-0000-000000000001" name="a" isCodable="true">'
                 '<Description>&xxe;</Description></Code>',
                 '<Code guid="00000000-0000-0000-0000-000000000001" name="&xxe;" isCodable="true"/>']:
        path = write(tmp_path / "xxe.qdc", f'<?xml version="1.0"?>\n<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM '
                                           f'"file://{secret}">]>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">'
                                           f"<Codes>{body}</Codes></CodeBook>\n")
        book, problems = qdpx.import_qdc(path)
        seen = repr([(c.name, c.definition) for c in book]) + repr([str(p) for p in problems])
        assert "TOP-SECRET" not in seen


def test_billion_laughs_is_a_located_problem(tmp_path):
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE CodeBook [", ' <!ENTITY lol0 "lol">']
    for i in range(1, 10):
        lines.append(f' <!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    lines += ["]>", '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-0000-0000-'
                    '000000000001" name="&lol9;" isCodable="true"/></Codes></CodeBook>']
    path = write(tmp_path / "lol.qdc", "\n".join(lines) + "\n")
    book, problems = qdpx.import_qdc(path)
    assert len(book) == 0 and len(problems) == 1
    assert problems[0].line == 2 and "document type" in problems[0].message  # refused at its DOCTYPE (s15 A5)


# -- YAML tags, binary, empty inputs (attack cases that held) -------------------------------------
def test_yaml_python_tags_do_not_run(capsys, tmp_path, study_dir):
    canary = tmp_path / "ran"
    text = (study_dir / "study.yml").read_text()
    write(study_dir / "study.yml", f'title: !!python/object/apply:os.system ["touch {canary}"]\n' + text)
    code, out = main(capsys, "check", study_dir)
    assert code == 1 and "study.yml:1:" in out and not canary.exists()
    assert "Traceback" not in out


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\xff\xfe binary", b"\xff\xfe\x00W\x00e"])
def test_binary_and_empty_inputs_are_located_problems(capsys, study_dir, content):
    (study_dir / "transcripts" / "INT-001.txt").write_bytes(content)
    (study_dir / "interviews" / "INT-002.md").write_bytes(content)
    code, out = main(capsys, "check", study_dir)
    assert code == 1 and "Traceback" not in out
    assert "INT-001.txt:" in out and "INT-002.md:" in out


def test_inputs_are_never_written_by_check_analyze_export(capsys, tmp_path, study_dir):
    before = tree_snapshot(study_dir)
    stamps = {p: p.stat().st_mtime_ns for p in study_dir.rglob("*")}
    assert main(capsys, "check", study_dir)[0] == 0
    assert main(capsys, "analyze", study_dir, "--out", tmp_path / "a", "--quiet")[0] == 0
    assert main(capsys, "export", study_dir, "--qdpx", tmp_path / "s.qdpx", "--qdc", tmp_path / "s.qdc")[0] == 0
    assert tree_snapshot(study_dir) == before
    assert {p: p.stat().st_mtime_ns for p in study_dir.rglob("*")} == stamps


def test_a_read_only_study_can_be_checked_and_analyzed(capsys, tmp_path, study_dir):
    """The study on a read-only mount (root ignores permissions), else read-only files."""
    before = tree_snapshot(study_dir)
    study = tmp_path / "mounted"
    study.mkdir()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        mounted = subprocess.run(["mount", "--bind", str(study_dir), str(study)], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip(f"cannot bind-mount as root here: {mounted.stderr.decode(errors='replace')}")
        undo = [["umount", str(study)]]
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(study)], capture_output=True).returncode != 0:
            subprocess.run(undo[0])
            pytest.skip("cannot remount read-only here")
    else:
        study.rmdir()
        study = study_dir
        undo = []
        for p in [study] + list(study.rglob("*")):
            p.chmod(p.stat().st_mode & ~0o222)
    try:
        with pytest.raises(OSError):
            (study / "probe.txt").write_text("x")
        code, text = main(capsys, "check", study)
        assert code == 0, text
        code, text = main(capsys, "analyze", study, "--out", tmp_path / "a", "--quiet")
        assert code == 0 and (tmp_path / "a" / "turns.csv").is_file(), text
    finally:
        for command in undo:
            subprocess.run(command)
        for p in [study_dir] + list(study_dir.rglob("*")):
            p.chmod(p.stat().st_mode | 0o200)
    assert tree_snapshot(study_dir) == before


# -- 4. HTML ------------------------------------------------------------------------------------------
PAYLOADS = ["<script>window.pwned=1</script>", "<img src=x onerror=window.pwned=2>", "<svg onload=window.pwned=3>"]


def test_clean_html_keeps_tables_and_drops_scripts():
    dirty = ('<style>body{display:none}</style><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr>'
             '</tbody></table><h2 onclick="x()">T</h2>' + "".join(PAYLOADS) +
             '<a href="javascript:alert(1)">l</a><img src="data:image/png;base64,AAAA">'
             '<a href="data:text/html,x">d</a>')
    clean = clean_html(dirty)
    assert "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>" in clean
    assert "<h2>T</h2>" in clean and 'src="data:image/png;base64,AAAA"' in clean
    for bad in ("script", "onerror", "onload", "onclick", "javascript:", "svg", "display:none", "data:text"):
        assert bad not in clean


def _payload_notebook():
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/markdown": "# Guide\n\n" + " ".join(PAYLOADS)}),
        nbformat.v4.new_output("display_data", data={"text/html": PAYLOADS[1], "text/plain": "x"}),
        nbformat.v4.new_output("display_data", data={"application/javascript": "window.pwned=4",
                                                     "text/plain": "js"}),
    ])])
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return nb


def test_sanitize_notebook_cleans_each_output():
    """The fast twin of the rendered test below: what sanitize_notebook leaves in the outputs,
    without nbconvert's HTML exporter (seconds of templates)."""
    from kit.report.notebook_html import sanitize_notebook

    nb = sanitize_notebook(_payload_notebook())
    markdown, html, js = (o["data"] for o in nb.cells[0]["outputs"])
    assert "<h1" in markdown["text/html"] and "text/markdown" not in markdown
    assert "pwned" not in markdown["text/html"] and "pwned" not in html["text/html"]
    assert js == {"text/plain": "js"}  # the script dropped, its plain form kept
    assert "widgets" not in nb.metadata


@pytest.mark.slow  # nbconvert's HTML exporter: about 5-8 s of CPU (tests/README.md)
def test_sanitize_notebook_renders_markdown_safely():
    import nbformat
    from nbconvert import HTMLExporter

    from kit.report.notebook_html import sanitize_notebook

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/markdown": "# Guide\n\n" + " ".join(PAYLOADS)}),
        nbformat.v4.new_output("display_data", data={"text/html": PAYLOADS[1], "text/plain": "x"}),
        nbformat.v4.new_output("display_data", data={"application/javascript": "window.pwned=4",
                                                     "text/plain": "js"}),
    ])])
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    body, _ = HTMLExporter(exclude_input=True).from_notebook_node(sanitize_notebook(nb))
    main_part = body[body.index("<main>"):]
    assert "<h1" in main_part and "pwned" not in main_part
    assert "widget-state" not in body


def test_guide_markdown_shows_tags_as_text(study_dir):
    from kit.guide_export import export_guide, guide_markdown
    from nbconvert.filters.markdown import markdown2html

    write(study_dir / "guide.yml", "format: micro\nquestions:\n"
                                   f"  - text: 'Tell me about the last time {PAYLOADS[0]} you paid?'\n"
                                   "    kind: opener\n")
    text = (study_dir / "study.yml").read_text().replace("title: Onboarding", f'title: "{PAYLOADS[1]}"')
    write(study_dir / "study.yml", text + f"objectives:\n  - '{PAYLOADS[2]}'\n")
    md = guide_markdown(study_dir)
    rendered = markdown2html(md)
    for payload in PAYLOADS:
        assert payload not in md and payload not in rendered
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in rendered
    html = export_guide(study_dir, study_dir.parent / "g")["html"].read_text()
    assert not any(p in html for p in PAYLOADS) and "&lt;svg onload" in html


# -- 6. publish, sweep, lock ---------------------------------------------------------------------------
def _build(parent: Path, name: str, content: str) -> Path:
    folder = parent / f".out.building-{os.getpid()}-{name}"
    write(folder / "index.html", content)
    write(folder / "tables" / "quotes.csv", "text\n=1+1\n")
    return folder


@pytest.mark.parametrize("exchange", [True, False])
def test_publish_replaces_the_report_in_one_step(tmp_path, monkeypatch, exchange):
    from kit import pipeline

    if not exchange:
        monkeypatch.setattr(pipeline, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    pipeline.publish(_build(tmp_path, "a", "first"), out)
    assert (out / "index.html").read_text() == "first" and is_kit_output(out)
    assert (out / "tables" / "quotes.csv").read_text() == "text\n'=1+1\n"
    seen, stop = set(), threading.Event()

    def watch():
        while not stop.is_set():
            try:
                seen.add((out / "index.html").read_text())
            except FileNotFoundError:
                seen.add("MISSING")

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for i in range(30):
            pipeline.publish(_build(tmp_path, f"n{i}", f"report {i}"), out)
    finally:
        stop.set()
        watcher.join()
    # With the exchange, OUT is never missing; the two-rename fallback has a window that
    # sweep() repairs after a crash (tested below), so only the end state is asserted there.
    assert (out / "index.html").read_text() == "report 29"
    assert "MISSING" not in seen or not exchange
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_overlapping_publishes_on_one_out_are_serialised(tmp_path):
    from kit import pipeline

    out = tmp_path / "out"
    errors = []

    def worker(k):
        try:
            for i in range(15):
                pipeline.publish(_build(tmp_path, f"{k}-{i}", f"{k}-{i}"), out)
        except Exception as exc:  # pragma: no cover - what the test is for
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert (out / "index.html").read_text().endswith("-14")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_sweep_removes_what_killed_runs_left_and_restores_a_report(tmp_path):
    from kit.pipeline import KERNEL_PREFIX, sweep

    dead, alive = dead_pid(), os.getpid()
    out = tmp_path / "report"
    tmp = tmp_path / "tmp"
    left = [write(tmp_path / f".report.building-{dead}-abc" / "index.html", "half").parent,
            write(tmp / f"{KERNEL_PREFIX}{dead}-xyz" / "kernels" / "python3" / "kernel.json", "{}").parents[2]]
    kept = [write(tmp_path / f".report.building-{alive}-def" / "index.html", "running").parent,
            write(tmp / f"{KERNEL_PREFIX}{alive}-uvw" / "pids" / "1", "").parents[1],
            write(tmp / "interview-kit-abc" / "index.html", "a notebook's own output").parent,
            write(tmp_path / ".other.building-1-x" / "a", "").parent]
    moved = write(tmp_path / f".report.old-{dead}" / "index.html", "the last good report").parent
    removed = sweep(out, tmpdir=str(tmp))
    assert set(removed) == set(left)
    assert all(not p.exists() for p in left) and all(p.exists() for p in kept)
    assert not moved.exists() and (out / "index.html").read_text() == "the last good report"
    again = write(tmp_path / f".report.old-{dead}" / "index.html", "older").parent
    sweep(out, tmpdir=str(tmp))  # OUT is there: the copy moved aside is only removed
    assert not again.exists() and (out / "index.html").read_text() == "the last good report"


def test_sweep_removes_legacy_leftovers_only_when_old(tmp_path):
    from kit.pipeline import sweep

    fresh = write(tmp_path / ".report.building-k2j4h5" / "a", "").parent
    stale = write(tmp_path / ".report.building-x8x8x8" / "a", "").parent
    os.utime(stale, (0, 0))
    sweep(tmp_path / "report", tmpdir=str(tmp_path / "none"))
    assert fresh.exists() and not stale.exists()


# -- the coding widget's file ---------------------------------------------------------------------
def test_coding_session_keeps_the_mode_and_leaves_no_temp_files(study_dir):
    from kit.widgets import CodingSession

    path = study_dir / "codings" / "ana.csv"
    path.chmod(0o644)
    stale = write(study_dir / "codings" / f".ana.csv.{dead_pid()}.k3j2h1.tmp", "half a file")
    live = write(study_dir / "codings" / f".ben.csv.{os.getpid()}.a1b2c3.tmp", "another session's write")
    session = CodingSession(study_dir, "ana")
    assert not stale.exists() and live.exists()  # a killed session's file goes, a running one's stays
    live.unlink()
    session.go(0)
    before = path.read_text()
    session.toggle(session.codes[0])
    assert path.read_text() != before
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    path.chmod(0o664)
    session.set_memo("a memo")
    session.toggle(session.codes[0])
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    assert sorted(p.name for p in path.parent.iterdir()) == ["ana.csv"]


def test_sweep_temp_files_only_touches_dead_processes(tmp_path):
    dead = write(tmp_path / f".a.csv.{dead_pid()}.abcd.tmp", "")
    mine = write(tmp_path / f".a.csv.{os.getpid()}.abcd.tmp", "")
    user = write(tmp_path / ".hidden-notes.tmp", "")
    write(tmp_path / "a.csv", "segment,code\n")
    old = write(tmp_path / ".a.csv.k2_j4x9q.tmp", "")  # an older kit's, beside a.csv, a week old
    fresh = write(tmp_path / ".a.csv.m3n4b5v6.tmp", "")  # perhaps being written right now
    lonely = write(tmp_path / ".b.csv.k2_j4x9q.tmp", "")  # beside no b.csv: not the kit's
    for path in (old, lonely):
        os.utime(path, (time.time() - 7 * 86400,) * 2)
    assert sorted(sweep_temp_files(tmp_path)) == sorted([dead, old])
    assert mine.exists() and user.exists() and fresh.exists() and lonely.exists()


def test_sigterm_is_an_interrupt_except_while_publishing():
    import signal

    from kit import pipeline

    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(pipeline.Interrupted) as err:
        with pipeline._terminate_as_interrupt():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
    assert err.value.signal == signal.SIGTERM and "SIGTERM" in str(err.value)
    with pipeline._terminate_as_interrupt():
        with pipeline._critical():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.1)
        assert pipeline._DEFERRED == [signal.SIGTERM]
        pipeline._DEFERRED.clear()
    assert signal.getsignal(signal.SIGTERM) == before


def test_a_notebook_that_fills_the_disk_is_one_line_and_exit_2(capsys, tmp_path, study_dir, monkeypatch):
    import kit.pipeline

    def full(*args, **kwargs):
        raise kit.pipeline.NotebookFailed("04-coding.ipynb", 3, "OSError: [Errno 28] No space left on device",
                                          tmp_path / "x")

    monkeypatch.setattr(kit.pipeline, "run", full)
    code, text = main(capsys, "run", study_dir, "--out", tmp_path / "r", "--quiet")
    assert code == 2 and len(text.strip().splitlines()) == 1 and "no space left on device (04-coding" in text


def test_neutralise_csv_file_keeps_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes(b"name,text\ncaf\xe9,=1+1\n")
    assert neutralise_csv_file(path) == 1
    assert path.read_bytes() == b"name,text\ncaf\xe9,'=1+1\n"
