"""Claims of the README and docs checked against the kit (helper claims17, session 17)."""
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
