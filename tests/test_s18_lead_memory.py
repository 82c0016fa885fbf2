"""A notebook's study is not kept alive once the notebook is done (session 18's newcomer F8:
`run` at 2,000 interviews reached 1.09 GB, the reused kernel growing by a study a notebook).

The kit's caches by study hold a weak reference (kit.object_memo), the reused kernel closes a
notebook's widgets and forgets its published writers between notebooks (kit.kernel_reuse)."""
from __future__ import annotations

import gc
import os
import weakref
from pathlib import Path

import pytest

from kit.object_memo import ObjectMemo

ROOT = Path(__file__).resolve().parents[1]
PILOT = ROOT / "kit" / "data" / "pilot"


class _Thing:
    pass


def test_an_entry_goes_with_its_object():
    memo, thing = ObjectMemo(), _Thing()
    memo.put(id(thing), thing, "value")
    assert memo.get(id(thing), thing) == "value"
    other = _Thing()
    assert memo.get(id(thing), other) is None  # another object under the key is no hit
    ref = weakref.ref(thing)
    del thing
    gc.collect()
    assert ref() is None and len(memo) == 0


def test_a_list_entry_goes_when_any_of_its_objects_goes():
    memo, a, b = ObjectMemo(), _Thing(), _Thing()
    memo.put("both", [a, b], 1)
    assert memo.get("both", [a, b]) == 1
    assert memo.get("both", [a]) is None and memo.get("both", [b, a]) is None
    del b
    gc.collect()
    assert len(memo) == 0


def test_the_oldest_entry_goes_past_most_and_a_path_is_held():
    memo = ObjectMemo(most=2)
    things = [_Thing() for _ in range(3)]
    for i, t in enumerate(things):
        memo.put(i, t, i)
    assert len(memo) == 2 and memo.get(0, things[0]) is None and memo.get(2, things[2]) == 2
    path = "a/study"
    memo.put("p", path, "x")
    assert memo.get("p", path) == "x"
    with pytest.raises(ValueError):
        ObjectMemo(most=0)


def test_the_rules_of_a_study_do_not_keep_it_alive():
    from kit.outputs import _rules
    from kit.study import load_study

    study = load_study(PILOT)
    people, _ = _rules(study, True)
    assert _rules(study, True)[0] is people  # still remembered while it lives
    ref = weakref.ref(study)
    del study
    gc.collect()
    assert ref() is None


def test_the_languages_of_a_study_do_not_keep_it_alive():
    from kit.languages import segment_languages
    from kit.study import load_study

    study = load_study(PILOT)
    segments = study.segments()
    first = segment_languages(study, segments.drop(columns=["language"], errors="ignore"))
    assert len(first) == len(segments)
    ref = weakref.ref(study)
    del study, segments
    gc.collect()
    assert ref() is None


def test_forgetting_a_notebook_closes_its_widgets_and_writers(tmp_path):
    import ipywidgets

    from kit.kernel_reuse import forget_notebook_state
    from kit.outputs import publish_to, published_writer
    from kit.study import load_study

    study = load_study(PILOT)
    publish_to(tmp_path / "out", study)
    assert published_writer(tmp_path / "out" / "figure.png") is not None
    box = ipywidgets.Text(value="a widget of the notebook")
    assert box.comm is not None or box.model_id
    ref = weakref.ref(study)
    forget_notebook_state()
    assert published_writer(tmp_path / "out" / "figure.png") is None
    assert box.comm is None  # closed
    del study, box
    gc.collect()
    assert ref() is None


@pytest.mark.slow
def test_no_study_outlives_its_notebook(tmp_path, monkeypatch):
    """Each workflow notebook's code run in this process as a reused kernel runs it: once its
    names are gone and the kernel's reset has run, no Study of it is left."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import nbformat
    from IPython.display import display

    from kit.kernel_reuse import forget_notebook_state
    from kit.study import Study

    out, private = tmp_path / "out", tmp_path / "private"
    out.mkdir()
    private.mkdir()
    notebooks = sorted((ROOT / "notebooks").glob("0*.ipynb"))
    assert len(notebooks) >= 9
    # Under xdist other tests share this process and may still hold studies of their own (module
    # fixtures, a failed test's traceback): only the studies the notebooks make are counted.
    gc.collect()
    earlier = [weakref.ref(o) for o in gc.get_objects() if isinstance(o, Study)]
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        names = {"__name__": "__main__", "display": display}
        monkeypatch.chdir(path.parent)
        for cell in nb.cells:
            if cell.cell_type != "code" or cell.source.lstrip().startswith(("%", "!")):
                continue
            exec(compile(cell.source, path.name, "exec"), names)  # noqa: S102 - the kit's own notebooks
            if "parameters" in cell.metadata.get("tags", []):
                names.update(study_dir=str(PILOT), out_dir=str(out), sprint="", include_names=False,
                             private_dir=str(private))
        names.clear()
        forget_notebook_state()
        plt.close("all")
        gc.collect()
        held = {id(r()) for r in earlier if r() is not None}
        alive = sum(isinstance(o, Study) and id(o) not in held for o in gc.get_objects())
        assert alive == 0, f"{path.name} left {alive} studies alive"


def _resident_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs Linux's /proc")
def test_reading_word_transcripts_does_not_grow_the_process():
    """python-docx's parts free their lxml trees only when collected, and glibc kept the pages:
    100 Teams .docx transcripts grew `check`, `analyze` and `run` by 464 MB (newcomer s18 F8)."""
    from kit.heap import trim
    from kit.transcript_docx import docx_text

    if not trim():
        pytest.skip("no malloc_trim in this C library")
    files = sorted((ROOT / "tests" / "data").rglob("*.docx"))
    data = [f.read_bytes() for f in files if 20_000 < f.stat().st_size < 200_000][:4]
    assert len(data) >= 3
    for blob in data:  # the first reads: imports, caches
        try:
            docx_text(blob, "warm.docx")
        except Exception:  # noqa: BLE001 - a test input that is meant to be refused
            pass
    before = _resident_mb()
    for _ in range(20):
        for blob in data:
            try:
                docx_text(blob, "again.docx")
            except Exception:  # noqa: BLE001
                pass
    assert _resident_mb() - before < 8, f"{len(data) * 20} reads grew the process by {_resident_mb() - before:.0f} MB"
