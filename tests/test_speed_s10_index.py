"""Session 10, the index (issue 20 item 4): the shortcuts of the build store what the general
way stores."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kit.discovery.index import index_path, update_index
from kit.discovery.index_names import Redactor, repository_roster
from kit.discovery.repository import _study_rows, find_studies
from kit.study import load_study

DATA = Path(__file__).parent / "data" / "attack-s9-index"


def test_code_names_are_stored_as_each_cell_redacted_alone(tmp_path):
    """The build redacts each distinct code name once and rebuilds the codings only when one
    changes; a code named after a participant (``oksana-petrenko-complaint``) is stored as
    redacting every cell of the codings on its own stores it, in ``doc_codes`` and in
    ``docs.codes``."""
    repo = tmp_path / "repo"
    shutil.copytree(DATA / "c09-repo", repo)
    update_index(repo)
    people, _ = repository_roster(find_studies(repo))
    expected = set()
    joined = {}
    for folder in find_studies(repo):
        codes = _study_rows(load_study(folder, strict=False))["codes"]
        red = Redactor(people)
        for segment, code, source, counted in codes:
            shown = red.column([code])[0]
            expected.add((segment, shown, source, int(counted)))
            joined.setdefault((folder.name, segment), []).append(shown)
    assert any("oksana" in code for _, code, _, _ in
               (c for f in find_studies(repo) for c in _study_rows(load_study(f, strict=False))["codes"]))
    con = sqlite3.connect(index_path(repo))
    try:
        stored = {(sid, code, source, counted) for sid, code, source, counted in con.execute(
            "SELECT d.id, c.code, c.source, c.counted FROM doc_codes c JOIN docs d ON d.rowid = c.doc")}
        columns = {(study, sid): codes for study, sid, codes in con.execute("SELECT study, id, codes FROM docs")}
    finally:
        con.close()
    assert stored == {t for t in expected if t[0] in {s for s, _, _, _ in stored}}
    assert stored and not any("oksana" in code.casefold() for _, code, _, _ in stored)
    checked = [(key, names) for key, names in joined.items() if key in columns]
    assert any("[name]" in " ".join(names) for _, names in checked)
    for key, names in checked:
        assert columns[key] == " ".join(names)
