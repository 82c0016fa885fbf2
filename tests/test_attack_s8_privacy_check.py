"""Attack s8, fault 15: ``check`` said ok on a study whose study.yml title held a roster name
(``Interviews with Casey Brightwater and friends``) and whose guide/objectives held a
non-consenting participant's words; ``run`` then refused to publish (exit 3). ``check`` now
reports, located, every line of study.yml and guide.yml that ``run``'s final scan would
refuse. Newcomer s17 F12: a name or email the report shows redacted is published so by ``run``
(exit 0), a warning saying so, not a refusal promised. Studies: tests/data/attack-s8/priv-names-in-attributes (the title variant) and
priv-nonconsent-elsewhere (a guide question and an objective quoting P-001, consent_quote no)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.check import check_study
from kit.privacy import find_leaks, roster, unquotable
from kit.study import load_study

DATA = Path(__file__).parent / "data" / "attack-s8"


def _ours(problems):
    return [p for p in problems if "would refuse to publish" in p.message]


def _shown(problems):
    return [p for p in problems if "publishes it so (exit 0)" in p.message]


def _copy(tmp_path, name):
    shutil.copytree(DATA / name, tmp_path / name)
    return tmp_path / name


def test_roster_name_in_the_title_is_a_warning_at_its_line(tmp_path):
    study = _copy(tmp_path, "priv-names-in-attributes")
    problems = check_study(study)
    assert _ours(problems) == []  # run publishes it redacted (newcomer s17 F12)
    found = _shown(problems)
    assert ("study.yml", 6, "warning") in [(Path(p.path).name, p.line, p.level) for p in found]
    assert not [p for p in problems if p.line == 6 and p.is_error]
    assert "Brightwater" not in found[0].message  # the name itself is never printed
    lines = (study / "study.yml").read_text(encoding="utf-8").splitlines()
    assert "Casey Brightwater" in lines[5]


def test_non_consenting_words_in_guide_and_objectives(tmp_path):
    study = _copy(tmp_path, "priv-nonconsent-elsewhere")
    problems = check_study(study)
    found = {(Path(p.path).name, p.line, p.level) for p in _shown(problems) if "[not quoted]" in p.message}
    assert found == {("study.yml", 16, "warning"), ("guide.yml", 18, "warning")} and _ours(problems) == []


def test_check_agrees_with_runs_final_scan(tmp_path):
    # what check reports is what find_leaks (run's scan) refuses in a page showing that line as
    # the report shows it (redacted: kit.outputs.redact_shown)
    from kit.outputs import redact_shown

    for name in ("priv-names-in-attributes", "priv-nonconsent-elsewhere"):
        study = _copy(tmp_path, name)
        loaded = load_study(study, strict=False)
        people, words = roster(loaded), unquotable(loaded)
        flagged = {(Path(p.path).name, p.line) for p in _ours(check_study(study))}
        for file in ("study.yml", "guide.yml"):
            for n, line in enumerate((study / file).read_text(encoding="utf-8").splitlines(), start=1):
                page = tmp_path / f"page-{name}-{file}-{n}"
                page.mkdir()
                (page / "guide.html").write_text(f"<p>{redact_shown(line, people, words=words)}</p>", encoding="utf-8")
                assert bool(find_leaks(page, people, words=words)) == ((file, n) in flagged), (name, file, n)


@pytest.mark.parametrize("title", ["Interviews with casey brightwater", "Casey\u200bBrightwater study",
                                   "Study of casey@example.org", "Casey Brightw&aacute;ter notes"])
def test_written_forms_of_the_name(tmp_path, title):
    study = _copy(tmp_path, "priv-names-in-attributes")
    text = (study / "study.yml").read_text(encoding="utf-8")
    (study / "study.yml").write_text(text.replace("Interviews with Casey Brightwater and friends", title),
                                     encoding="utf-8")
    problems = check_study(study)
    assert _ours(problems) == [] and any(p.line == 6 and p.level == "warning" and "redacted" in p.message for p in problems)


def test_a_clean_study_has_none(tmp_path):
    study = _copy(tmp_path, "priv-names-in-attributes")
    text = (study / "study.yml").read_text(encoding="utf-8")
    (study / "study.yml").write_text(text.replace("Interviews with Casey Brightwater and friends", "Invoicing"),
                                     encoding="utf-8")
    assert _ours(check_study(study)) == [] and 6 not in [p.line for p in _shown(check_study(study))]
