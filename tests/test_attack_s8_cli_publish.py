"""Session 8 attacker, fault 7: working outputs written inside a published report folder.

`export --qdpx OUT/x.qdpx` and `analyze --out OUT/an` were accepted inside a folder `run`
wrote (exit 0), putting the words of participants who did not consent to being quoted (the
QDPX sources, analyze's turns.csv) into the folder meant for publishing. A target lying
inside any folder the kit wrote is refused: exit 2, one line saying why, nothing written."""
from pathlib import Path

import pytest

from kit.cli import main
from kit.safety import UnsafeTarget, check_output, mark_output


def _report(tmp_path) -> Path:
    out = tmp_path / "OUT"
    out.mkdir()
    (out / "index.html").write_text("<html></html>", encoding="utf-8")
    mark_output(out, "run")  # what `run --out OUT` leaves
    return out


@pytest.mark.parametrize("argv, target", [
    (["export", "{study}", "--qdpx", "{out}/interviews.qdpx"], "interviews.qdpx"),
    (["export", "{study}", "--qdc", "{out}/codebook.qdc"], "codebook.qdc"),
    (["analyze", "{study}", "--out", "{out}/an"], "an"),
    (["analyze", "{study}", "--out", "{out}/deeper/an"], "deeper"),
])
def test_a_working_output_inside_a_published_report_is_refused(study_dir, tmp_path, capsys, argv, target):
    out = _report(tmp_path)
    before = sorted(p.name for p in out.iterdir())
    argv = [a.format(study=study_dir, out=out) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "refused" in err and "publishing" in err
    assert sorted(p.name for p in out.iterdir()) == before and not (out / target).exists()


def test_outputs_of_other_kinds_never_nest(tmp_path):
    tables = tmp_path / "tables"
    mark_output(tables, "analyze")
    with pytest.raises(UnsafeTarget, match="outputs never mix"):
        check_output(tables / "x.qdpx", [], option="--qdpx", folder=False, kind="qdpx")
    with pytest.raises(UnsafeTarget, match="lies inside"):
        check_output(tables / "report", [], kind="run")
    # beside it, not inside: accepted
    assert check_output(tmp_path / "x.qdpx", [], option="--qdpx", folder=False, kind="qdpx")
    assert check_output(tables, [], kind="analyze") == tables.resolve()  # replacing it whole stays possible


def test_a_link_into_the_report_is_the_report(tmp_path):
    out = _report(tmp_path)
    link = tmp_path / "shortcut"
    link.symlink_to(out, target_is_directory=True)
    with pytest.raises(UnsafeTarget, match="publishing"):
        check_output(link / "x.qdpx", [], option="--qdpx", folder=False, kind="qdpx")
