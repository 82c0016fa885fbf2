"""7. A search of several words that matches nothing says which words match alone and how to
search for any of them. 8. Indexing a folder inside a study names the study and the repository."""
import shutil
from pathlib import Path

import pytest

from kit.cli import main
from kit.discovery.search import search

STUDY = Path(__file__).parent / "data" / "newcomer-fintech" / "study"


@pytest.fixture(scope="module")
def research(tmp_path_factory):
    root = tmp_path_factory.mktemp("repo") / "research"
    shutil.copytree(STUDY, root / "2026-S48")
    assert main(["index", str(root)]) == 0
    return root


def _total(repo, query):
    return int(search(repo, query, limit=1, update=False).attrs["total"])


def test_words_found_alone_are_named(research, capsys):
    # "wedding" is said only by P-003, who did not consent to quoting: no hit (attacker s17 A15)
    together, alone, nowhere = "late cash", "cash", "late"
    assert _total(research, together) == 0 and _total(research, alone) > 0 and _total(research, nowhere) == 0
    capsys.readouterr()
    assert main(["search", str(research), together]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"no matches for {together!r}")
    assert f"{alone} matches {_total(research, alone)}" in out
    assert f"{nowhere} matches none" in out and f"`{nowhere}*`" in out
    assert "`late OR cash`" in out and '"late cash"' in out
    assert main(["search", str(research), "late OR cash"]) == 0
    assert f"{_total(research, alone)} match(es)" in capsys.readouterr().out


def test_one_word_or_an_operator_gets_no_hint(research, capsys):
    capsys.readouterr()
    main(["search", str(research), "zebra"])
    assert capsys.readouterr().out.strip() == "no matches for 'zebra'"
    main(["search", str(research), "zebra giraffe"])  # no word matches alone: nothing to add
    assert capsys.readouterr().out.strip() == "no matches for 'zebra giraffe'"
    main(["search", str(research), "zebra NOT giraffe"])
    assert capsys.readouterr().out.strip() == "no matches for 'zebra NOT giraffe'"


def test_indexing_a_transcripts_folder_names_its_study(research, capsys, monkeypatch):
    monkeypatch.chdir(research.parent)
    capsys.readouterr()
    assert main(["index", "research/2026-S48/transcripts"]) == 2
    err = capsys.readouterr().err
    assert "this is the transcripts folder of study research/2026-S48" in err
    assert "`interview-kit index research`" in err
    assert "no studies here" not in err
