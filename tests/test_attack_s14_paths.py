"""Session 14's attacker, A4, A6, A7: outputs written into another study's folder; OUT-private
followed a symbolic link (to the study itself) or filled a folder of the user's own and
chmod-ed it; a refused build was kept world-readable beside the published folder."""
from __future__ import annotations

import os
import shutil
import stat

import pytest

from kit.outputs import private_folder
from kit.safety import UnsafeTarget, check_output


@pytest.fixture
def two_studies(tmp_path, pilot_dir):
    for name in ("s1", "s2"):
        shutil.copytree(pilot_dir, tmp_path / name)
    return tmp_path / "s1", tmp_path / "s2"


def test_a4_no_output_inside_another_study(two_studies, tmp_path):
    s1, s2 = two_studies
    for target in (s2 / "analysis", s2, s2 / "transcripts" / "deep" / "out"):
        with pytest.raises(UnsafeTarget, match="inside the study"):
            check_output(target, [(s1, "the study")])
    with pytest.raises(UnsafeTarget, match="inside the study"):
        check_output(s2 / "project.qdpx", [(s1, "the study")], folder=False, kind="qdpx")
    assert check_output(tmp_path / "report", [(s1, "the study")]) == (tmp_path / "report").resolve()
    link = tmp_path / "innocent"
    link.symlink_to(s2)
    with pytest.raises(UnsafeTarget, match="inside the study"):
        check_output(link / "out", [(s1, "the study")])


def test_a4_analyze_refuses_another_study_as_out(two_studies):
    from kit.cli import main

    s1, s2 = two_studies
    assert main(["analyze", str(s1), "--out", str(s2 / "analysis"), "--quiet"]) == 2
    assert not (s2 / "analysis").exists()


def test_a6_private_folder_never_follows_a_link_nor_fills_a_users_folder(two_studies, tmp_path):
    s1, s2 = two_studies
    out = tmp_path / "r12"
    (tmp_path / "r12-private").symlink_to(s2)
    with pytest.raises(ValueError, match="symbolic link"):
        private_folder(out, study=None)
    (tmp_path / "r12-private").unlink()
    (tmp_path / "r12-private").mkdir()
    (tmp_path / "r12-private" / "mine.txt").write_text("my own notes\n", encoding="utf-8")
    mode = stat.S_IMODE(os.stat(tmp_path / "r12-private").st_mode)
    with pytest.raises(ValueError, match="did not write"):
        private_folder(out, study=s1)
    assert stat.S_IMODE(os.stat(tmp_path / "r12-private").st_mode) == mode
    kit_made = tmp_path / "r13-private"
    kit_made.mkdir()
    (kit_made / ".gitignore").write_text("*\n", encoding="utf-8")
    (kit_made / "drafts").mkdir()
    assert private_folder(tmp_path / "r13", study=s1) == kit_made.resolve()
    with pytest.raises(ValueError, match="inside the study"):
        private_folder(tmp_path / "r14", private_dir=s2 / "drafts", study=s1)


def test_a7_failed_build_is_the_owners_alone(tmp_path):
    from kit.pipeline import _keep_failed

    build = tmp_path / ".report.building-1-x"
    (build / "tables").mkdir(parents=True)
    (build / "guide.md").write_text("refused\n", encoding="utf-8")
    os.chmod(build, 0o755)
    failed = _keep_failed(build, tmp_path / "report")
    assert failed == tmp_path / "report.failed"
    for folder in (failed, failed / "tables"):
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
