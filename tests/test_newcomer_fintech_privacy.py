"""4. Problem tables shown in published notebooks hide the names of people who are not the
interview's participant: the roster's names and every speaker label that belongs to no
participant (an interpreter, an accountant), phones and emails."""
import re
from pathlib import Path

import pytest

from kit import capture
from kit.privacy import roster
from kit.study import load_study

STUDY = Path(__file__).parent / "data" / "newcomer-fintech" / "study"
NOTEBOOKS = Path(__file__).parent.parent / "notebooks"


@pytest.fixture(scope="module")
def study():
    return load_study(STUDY)


def test_third_speakers_are_the_unnamed_speakers(study):
    labels = capture.unnamed_speakers(study)
    turns = study.turns
    third = turns[(turns["participant"].fillna("") == "") & (turns["role"] != "interviewer")]
    assert labels == sorted(set(third["speaker"]))
    assert len(labels) == 2  # an interpreter and an accountant
    team = set(turns.loc[turns["role"] == "interviewer", "speaker"])
    assert not team & set(labels)


def test_problem_messages_hide_third_speakers_and_the_roster(study):
    raw = capture.problem_table(study, include_names=True)
    labels = capture.unnamed_speakers(study)
    quoted = [lab for lab in labels if raw["message"].str.contains(lab, regex=False).any()]
    assert quoted  # the warnings quote them: the case to hide
    shown = capture.problem_table(study)
    assert len(shown) == len(raw) and list(shown["line"]) == list(raw["line"])
    text = " ".join(shown["file"].astype(str)) + " " + " ".join(shown["message"].astype(str))
    for name in labels + list(roster(study).names):
        assert not re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE), name
    assert "[name]" in text


@pytest.mark.slow
@pytest.mark.parametrize("name", ["02-pilot-plan", "03-capture", "07-program-roi"])
def test_published_notebooks_hide_third_speakers(name, study, tmp_path):
    import nbformat
    import papermill as pm

    from kit.pipeline import own_kernel

    path = NOTEBOOKS / f"{name}.ipynb"
    with own_kernel() as kernel:
        pm.execute_notebook(str(path), str(tmp_path / path.name), kernel_name=kernel, progress_bar=False,
                            cwd=str(path.parent), parameters={"study_dir": str(STUDY), "out_dir": str(tmp_path / "o")})
    nb = nbformat.read(tmp_path / path.name, as_version=4)
    shown = " ".join(str(o) for c in nb.cells for o in c.get("outputs", []))
    for label in capture.unnamed_speakers(study):
        assert label not in shown
