"""Claims of the README and docs checked against the kit (helper claims17, session 17)."""
import os
from pathlib import Path

import pytest

import kit
from kit.cli import main

__all__: list[str] = []


def _catalogue_entry(command: str) -> set[str]:
    rows = [out for out, by, _ in kit.outputs.CATALOGUE if by == command]
    assert len(rows) == 1, rows
    return {name.strip().removeprefix("OUT/") for name in rows[0].split(",")}


@pytest.mark.slow  # runs analyze and themes (about 5-13 s)
def test_catalogue_names_every_file_analyze_and_themes_write(tmp_path: Path):
    """kit.outputs.CATALOGUE (and the README's table, "the same list") names every file
    `analyze` and `themes` write: languages.csv, coding_languages.csv and the themes' examples,
    by-segment and terms tables were missing (claims17 C1)."""
    study = tmp_path / "study"
    assert main(["new", str(study)]) == 0
    assert main(["analyze", str(study), "--out", str(tmp_path / "an"), "--quiet"]) == 0
    assert main(["themes", str(study), "--out", str(tmp_path / "th")]) == 0
    for command, out in (("interview-kit analyze", "an"), ("interview-kit themes", "th")):
        written = sorted(p.name for p in (tmp_path / out).iterdir() if not p.name.startswith("."))
        assert written, out
        entry = _catalogue_entry(command)
        missing = [name for name in written if name not in entry]
        assert not missing, (command, missing)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_log_to_a_pipe_by_its_fd_name_is_appendable(tmp_path: Path):
    """README: "`--log` only appends, so `--log /dev/stderr` works". With standard error a pipe
    (CI, `2>&1 | tee`), /dev/stderr resolves to /proc/PID/fd/pipe:[N], which is no path: `run`
    exited 2 "No such file or directory" (claims17 C3). The checked target must open for append."""
    from kit.safety import check_output

    read_end, write_end = os.pipe()
    try:
        target = check_output(f"/proc/self/fd/{write_end}", [(tmp_path, "the study")], option="--log",
                              folder=False, append=True)
        from kit.run_log import RunLog

        RunLog(target).write("start", "study=x")
        assert os.read(read_end, 200).decode().endswith("\tstart\tstudy=x\n")
    finally:
        os.close(read_end)
        os.close(write_end)


def test_lone_transcript_warning_matches_how_it_is_counted(tmp_path: Path):
    """docs/study-format.md: "in a study of transcripts alone (no note at all) each transcript is
    one person" (kit.schema.counts_for_nobody); `check` said there "their words count for nobody"
    (claims17 C4). With notes, a transcript no note names still counts for nobody."""
    text = "Interviewer: Tell me about the last time you were paid late.\nDana: In March a client paid me late.\n"
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "INT-900.txt").write_text(text, encoding="utf-8")
    study = tmp_path / "noted"
    assert main(["new", str(study)]) == 0
    (study / "transcripts" / "INT-900.txt").write_text(text, encoding="utf-8")
    for folder, says, never in ((alone, "counts as one person", "count for nobody"),
                                (study, "count for nobody", "counts as one person")):
        found = [p.message for p in kit.load_study(folder, strict=False).problems
                 if "names this transcript" in p.message]
        assert len(found) == 1 and says in found[0] and never not in found[0], (folder.name, found)
