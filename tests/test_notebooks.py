"""Every notebook runs end to end under papermill on the bundled pilot, and records tables
that agree with the kit's own figures. (nbval checks the stored outputs separately.)"""
from __future__ import annotations

import nbformat
import pandas as pd
import papermill as pm
import pytest

import kit
from kit.pipeline import own_kernel
from conftest import REPO

pytestmark = pytest.mark.slow
NOTEBOOKS = sorted((REPO / "notebooks").rglob("*.ipynb"))
NOTEBOOKS = [p for p in NOTEBOOKS if ".ipynb_checkpoints" not in p.parts]


def test_every_notebook_is_thin_and_parameterized():
    assert NOTEBOOKS
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, path.name
        params = {}
        exec(tagged[0].source, {}, params)  # plain values only
        assert {"study_dir", "out_dir"} <= set(params), path.name
        assert all(isinstance(v, (str, int, float, bool, list, dict, type(None))) for v in params.values())
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not any(line.lstrip().startswith(("def ", "class ")) for line in cell.source.splitlines()), path.name
                assert not any(o.get("output_type") == "error" for o in cell.get("outputs", [])), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_with_papermill(path, tmp_path):
    out = tmp_path / "out"
    with own_kernel() as kernel:
        pm.execute_notebook(str(path), str(tmp_path / path.name), kernel_name=kernel, progress_bar=False,
                            cwd=str(path.parent), parameters={"study_dir": str(kit.paths.pilot_path()),
                                                              "out_dir": str(out)})
    executed = nbformat.read(tmp_path / path.name, as_version=4)
    assert not any(o.get("output_type") == "error" for c in executed.cells for o in c.get("outputs", []))
    if path.stem == "03-capture":
        study = kit.load_study(kit.paths.pilot_path())
        glance = pd.read_csv(out / "tables" / "interviews.csv")
        assert len(glance) == len(study.interviews) == 18
        ratios = pd.read_csv(out / "tables" / "talk_ratio.csv")
        transcribed = study.interviews[study.interviews["n_turns"] > 0]
        assert sorted(ratios["interview_id"]) == sorted(transcribed["interview_id"])
        expected = transcribed.set_index("interview_id")["talk_ratio"]
        for row in ratios.itertuples():
            assert row.talk_ratio == pytest.approx(expected[row.interview_id], abs=5e-4)
        assert (out / "figures" / "talk_ratio.png").stat().st_size > 5000
