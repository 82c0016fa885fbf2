"""`interview-kit run` writes each executed notebook once, redacted, and leaves nothing in
$TMPDIR (issue 20; speed itself is measured in benchmarks/run_speed.py)."""
from __future__ import annotations

import tempfile

import pytest

import kit
from kit.pipeline import run, workflow_notebooks


@pytest.mark.slow
def test_a_run_writes_each_notebook_once_redacted_and_leaves_nothing_in_tmpdir(tmp_path, monkeypatch):
    import nbformat
    from papermill.iorw import papermill_io

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read $TMPDIR again
    writes = []
    write = papermill_io.write

    def counted(buf, path, *args, **kwargs):
        writes.append((str(path), buf))
        return write(buf, path, *args, **kwargs)

    monkeypatch.setattr(papermill_io, "write", counted)
    # 04 puts the coding widget's demo copy of the study in a temporary folder of the kernel's
    coding = next(nb for nb in workflow_notebooks() if nb.name.startswith("04-"))
    out = tmp_path / "report"
    run(None, out, notebooks=[coding], progress=False, jobs=1)

    executed = out / "notebooks" / coding.name
    assert [path.rsplit("/", 1)[-1] for path, _ in writes] == [coding.name]
    nb = nbformat.reads(writes[0][1], as_version=4)
    assert executed.read_text(encoding="utf-8") == writes[0][1]  # published as written: no later rewrite
    assert "widgets" not in nb.metadata  # saved widget state is dropped before the one write
    names = [n for n in kit.load_study(kit.paths.pilot_path()).participants["name"] if n]
    shown = [str(o) for c in nb.cells for o in c.get("outputs", [])]
    assert len(shown) > 20 and not [n for n in names if any(n in text for text in shown)]
    assert list(tmp.iterdir()) == []
