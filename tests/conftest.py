"""Shared fixtures: a small, valid study written fresh for every test that needs one."""
from __future__ import annotations

import fcntl
import os
import shutil
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpora" / "anthropic-interviewer"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


STUDY_YML = """
title: Onboarding
research_question: How do new team leads set up their first project?
format: micro
sprint: 2026-S01
segments:
  attribute: segment
  quotas: {small: 1, large: 1}
stages: [setup, invite, first-use]
team:
  - {name: Ana Silva, role: researcher}
  - {name: Ben Okafor, role: designer}
costs: {hourly_rate: 50, currency: EUR}
survey_baseline_response_rate: 0.05
cadence_days: 7
"""

PARTICIPANTS = """
id,name,email,segment,channel,status,invited_on,scheduled_on,interviewed_on,consent_record,consent_quote
P-1,Jo Park,jo@example.com,small,email,completed,2026-01-02,2026-01-04,2026-01-05,yes,yes
P-2,Lee Grant,lee@example.com,large,in-app,completed,2026-01-02,2026-01-05,2026-01-06,yes,no
P-3,Sam Ruiz,sam@example.com,large,email,declined,2026-01-02,,,no,no
"""

NOTE_1 = """
---
id: INT-001
date: 2026-01-05
participant: P-1
interviewer: Ana Silva
note_taker: Ben Okafor
duration: 5
stage: setup
thank_you_sent: 2026-01-05
debriefed: 2026-01-06
notes_written: 2026-01-05
---

## Goals
- Learn how Jo set up the first project.

## Questions
1. Tell me about the last time you set up a project.

## Key Quotes
- "I gave up on the template and copied last year's spreadsheet." (0:40)
- "The invite email went to spam twice." (1:30)

## Insights
- Jo copied an old spreadsheet instead of using the template.

## Opportunities
- Importing a spreadsheet could replace the template step.

## Action Items
| Owner | Action | Due Date | Status |
|---|---|---|---|
| Ana Silva | Share the spam finding with support | 2026-01-09 | open |

## Follow-up
- Send the thank-you note.
"""

NOTE_2 = """
---
id: INT-002
date: 2026-01-06
participant: P-2
interviewer: Ben Okafor
note_taker: Ana Silva
duration: 4
---

## Key Quotes
- "Our IT team blocked the invite links for a week."

## Insights
- Lee waited a week for IT to allow invite links.

## Opportunities
- Admins could approve invites in advance.
"""

TRANSCRIPT_1 = """
Ana Silva: Tell me about the last time you set up a project.
Jo: It was in March. I gave up on the template and copied last year's spreadsheet.
Jo: It was quicker.
Ana Silva: What happened next?
Jo: The invite email went to spam twice, so I texted everyone the link.
"""

CODEBOOK = """
codes:
  - name: workaround
    definition: The participant routes around the product.
    keywords: [spreadsheet, copied]
    colour: "#1f77b4"
    stage: setup
  - name: invite-trouble
    definition: Invitations do not reach people.
    keywords: [spam, blocked]
    patterns: ['invite (email|link)s?']
    stage: invite
"""

CODINGS = """
segment,code,coder,memo
INT-001#t2,workaround,ana,
INT-001#t4,invite-trouble,ana,spam folder
INT-002#q1,invite-trouble,ana,
"""


@pytest.fixture
def study_dir(tmp_path) -> Path:
    root = tmp_path / "study"
    write(root / "study.yml", STUDY_YML)
    write(root / "participants.csv", PARTICIPANTS)
    write(root / "interviews" / "INT-001.md", NOTE_1)
    write(root / "interviews" / "INT-002.md", NOTE_2)
    write(root / "transcripts" / "INT-001.txt", TRANSCRIPT_1)
    write(root / "codebook.yml", CODEBOOK)
    write(root / "codings" / "ana.csv", CODINGS)
    write(root / "costs.csv", """
        date,category,description,hours,rate,amount
        2026-01-05,interviewer_time,INT-001,0.5,,
        2026-01-06,incentive,gift card,,,25
    """)
    write(root / "decisions.csv", """
        id,date,decision,evidence,estimated_value,value_kind,outcome_metric,outcome_baseline,outcome_reading,reading_date
        D-1,2026-01-20,Add spreadsheet import,INT-001; INT-001#q1,5000,revenue,activation,0.4,,
    """)
    return root


@pytest.fixture
def pilot_dir() -> Path:
    from kit.paths import pilot_path

    return pilot_path()


def tree_snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def pilot_run(tmp_path_factory) -> Path:
    """`interview-kit run` on the bundled pilot, once per test session (slow tier only): the
    report folder with the executed notebooks, ``tables/``, ``figures/``, ``program.json``.

    Under pytest-xdist the workers of one session share it: the first to need it runs the
    pipeline while holding a lock in the session's temp folder, the others wait and use it."""
    from kit.pipeline import run

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        out = tmp_path_factory.mktemp("pilot-run") / "report"
        run(None, out, progress=False)
        return out
    shared = tmp_path_factory.getbasetemp().parent / "pilot-run"  # the session's folder, above each worker's
    shared.mkdir(exist_ok=True)
    out = shared / "report"
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not (shared / "done").exists():
            if out.exists():  # a worker that failed half-way: run again from nothing
                shutil.rmtree(out)
            run(None, out, progress=False)
            (shared / "done").write_text("ok\n", encoding="utf-8")
    return out


def pytest_collection_modifyitems(config, items):
    # nbval's items (every cell of every notebook, executed and compared) are the slow tier, and so
    # is every test that asks for `pilot_run` (the whole pipeline: most of a minute of CPU).
    for item in items:
        if item.path.suffix == ".ipynb" or "pilot_run" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


# Test files that load the same costly state into a worker (the linter's lexicons, rewrite tables
# and model: seconds of CPU the first time in a process) run as one unit on one worker, so only
# that worker pays it; the other files go one file to a worker as before.
SHARED_UNITS = {"linter": ("tests/test_guide", "tests/test_lint")}


def _unit(nodeid: str) -> str:
    path = nodeid.split("::", 1)[0]
    for unit, prefixes in SHARED_UNITS.items():
        if path.startswith(prefixes):
            return unit
    return path


def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class _SharedUnits(LoadFileScheduling):
        """`--dist loadfile`, with the files of a shared unit (SHARED_UNITS) as one file."""

        def _split_scope(self, nodeid: str) -> str:
            return _unit(nodeid)

    return _SharedUnits(config, log)


def _selects_slow(config) -> bool:
    return "slow" in (config.getoption("markexpr") or "").replace("not slow", "")


# nbval's options as .ci/run names them (`--nbval --nbval-current-env --nbval-sanitize-with ...`),
# and the defaults of the others, for a run that loads nbval here instead of on the command line.
NBVAL_OPTIONS = {"nbval": True, "nbval_current_env": True,
                 "nbval_sanitize_with": str(REPO / "tests" / "nbval_sanitize.cfg"),
                 "nbval_lax": False, "nbval_kernel_name": None, "nbval_cell_timeout": 2000,
                 "nbval_kernel_startup_timeout": 60, "sanitize_with": None, "current_env": False,
                 "nbdime": False}


def _load_nbval(config) -> None:
    """`pytest -m slow` checks the notebooks as .ci/run's slow line does: the default's `-p no:nbval`
    keeps nbval's import (seconds in every process) out of the fast gate, so a run that selects the
    slow tier without naming nbval loads it here, in each process, with the same options."""
    pm = config.pluginmanager
    if pm.has_plugin("nbval") or not _selects_slow(config):
        return
    for dest, value in NBVAL_OPTIONS.items():  # none was given: without nbval they are unknown options
        setattr(config.option, dest, value)
    pm.unblock("nbval")
    import nbval.plugin

    pm.register(nbval.plugin, "nbval")  # its pytest_addoption and pytest_configure run now
    config._nbval_by_conftest = True


def pytest_report_header(config):
    if getattr(config, "_nbval_by_conftest", False):
        return ("notebooks: checked by nbval, loaded by tests/conftest.py for -m slow "
                "(--nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg)")
    return None


def pytest_configure(config):
    # Build the kit's NLTK data in a private folder for the test run, not in the user's home
    # (set before pytest-xdist starts its workers, so they share it; kit.nltkdata writes it
    # atomically, the same bytes from any process).
    import tempfile

    os.environ.setdefault("INTERVIEW_KIT_DATA", tempfile.mkdtemp(prefix="interview-kit-nltk-"))
    _load_nbval(config)
