"""kit.registry: every published table is registered, written by exactly one notebook (by
name, through the published writer) and read by name; the report reads only registered tables."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.outputs import publish_to
from kit.privacy import NO_CONSENT
from kit.registry import REPORT, TABLES, entry, names_read_by, names_written_by
from kit.report.sections import SECTIONS, tables_read

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
WRITE = re.compile(r"""\.(?:table|json)\(\s*["'](\w+)["']""")
READ_ONE = re.compile(r"""(?:tables\.(?:get|path|source|figure)\(|read_table\(out, )\s*["'](\w+)["']""")
READ_ALL = re.compile(r"""(?:needs\(|also=\()\s*((?:["']\w+["'],?\s*)+)""")


def _code(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def _written() -> dict[str, list[str]]:
    """Registry name -> the notebooks whose code writes it by name."""
    by = {}
    for path in NOTEBOOKS:
        for name in WRITE.findall(_code(path)):
            by.setdefault(name, []).append(path.stem)
    return by


def _read_by_report() -> set[str]:
    names = set()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "kit" / "report").glob("*.py"))]
    for text in texts + [_code(ROOT / "notebooks" / f"{REPORT}.ipynb")]:
        names |= set(READ_ONE.findall(text))
        for group in READ_ALL.findall(text):
            names |= set(re.findall(r"\w+", group))
    return names


def test_every_registered_table_is_written_by_exactly_its_one_notebook():
    written = _written()
    for name, e in TABLES.items():
        assert written.get(name) == [e.step], (name, written.get(name))


def test_every_name_a_notebook_writes_is_registered():
    unknown = set(_written()) - set(TABLES)
    assert not unknown


def test_notebooks_write_tables_only_by_name():
    for path in NOTEBOOKS:
        code = _code(path)
        assert "save_table(" not in code, path.name
        assert not re.search(r"""atomic_write_\w+\([^)\n]*\.(?:csv|json)["']""", code), path.name
        assert not re.search(r"""to_csv\(""", code), path.name


def test_every_name_the_report_reads_is_registered_and_says_so():
    read = _read_by_report()
    assert read, "the scan found no read"
    assert read <= set(TABLES), read - set(TABLES)
    assert read == set(names_read_by(REPORT)), (read ^ set(names_read_by(REPORT)))
    assert set(tables_read()) <= read
    for section in SECTIONS:
        assert section.reads and set(section.reads) <= set(TABLES), section.id


def test_registry_paths_and_steps_are_well_formed():
    paths = [e.path for e in TABLES.values()]
    assert len(paths) == len(set(paths))  # no two names share a file
    steps = {p.stem for p in NOTEBOOKS}
    for e in TABLES.values():
        assert e.step in steps and e.step != REPORT, e.name
        assert re.fullmatch(r"(tables/)?\w+\.(csv|json)", e.path), e.path
    assert sum(len(names_written_by(s)) for s in steps) == len(TABLES)
    with pytest.raises(KeyError, match="not a registered table"):
        entry("report_quotes")


def test_writing_by_name_is_the_published_writer(tmp_path):
    study = kit.load_study(kit.paths.pilot_path())
    out = publish_to(tmp_path, study)
    quotes = study.quotes[["segment_id", "interview_id", "participant", "text"]]
    path = out.table("quotes", quotes)
    assert path == tmp_path / "tables" / "quotes.csv"
    by_path = publish_to(tmp_path, study).table("tables/by_path.csv", quotes)
    assert path.read_bytes() == by_path.read_bytes()  # the same rules whichever way it is named
    written = pd.read_csv(path, keep_default_na=False)
    withheld = written[~written["participant"].isin(study.consenting())]
    assert len(withheld) and set(withheld["text"]) == {NO_CONSENT}
    assert out.json("program", {"roi": 2.5}) == tmp_path / "program.json"
    with pytest.raises(KeyError):
        out.table("no_such_table", quotes)


@pytest.mark.slow
def test_a_run_writes_every_registered_table_with_its_columns(pilot_run):
    for name, e in TABLES.items():
        if e.step == "09-continuous-discovery" and not (pilot_run / "notebooks" / f"{e.step}.ipynb").exists():
            continue
        path = pilot_run / e.path
        assert path.is_file(), name
        if e.columns and path.suffix == ".csv":
            assert set(e.columns) <= set(pd.read_csv(path, nrows=0).columns), name
