"""A transcript of a study, reviewed as ``analyze`` reads it (newcomer s13 F9).

``interview-kit review TRANSCRIPT`` of a file in a study used to read the file alone, with the
note's aliases and roles: the participant's roster first name (``Mia:`` speaking once) was then
an unknown one-off speaker, and a third speaker the note maps (``speakers: {Mom: other}``) went
unmentioned, while ``check`` and ``analyze`` read the same file otherwise. :func:`study_turns`
gives the study's own turns of the file (speakers, roles, participants, as analyze attributes
them) and the study's warnings located in it, so a review says what ``check`` says.

The study is loaded once per state of its files (:func:`loaded_study`, also the review's writer's
roster and ids), not once per reviewed transcript.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from kit.errors import Problem

__all__ = ["loaded_study", "roster_names", "study_turns", "third_speakers"]


def _resolved(path) -> str:
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError):
        return str(path)


def _stamp(folder: Path) -> tuple:
    """The state of a study's files (name, size, mtime) where a study keeps them."""
    found = []
    for sub in (folder, folder / "interviews", folder / "transcripts"):
        try:
            with os.scandir(sub) as entries:
                for e in entries:
                    try:
                        st = e.stat()
                    except OSError:
                        continue
                    found.append((e.path, st.st_size, st.st_mtime_ns))
        except OSError:
            continue
    return tuple(sorted(found))


@lru_cache(maxsize=2)
def _load(folder: str, stamp: tuple):
    from kit.study import load_study

    try:
        return load_study(folder, strict=False)
    except Exception:  # noqa: BLE001 - a study that cannot be loaded: the file is reviewed alone
        return None


def loaded_study(folder):
    """The study at ``folder`` loaded leniently (None when it cannot be), once per state of its files."""
    folder = Path(_resolved(folder))
    return _load(str(folder), _stamp(folder))


def study_turns(path) -> pd.DataFrame | None:
    """The turns of the transcript ``path`` as its study reads them (``Study.turns`` of its
    interview: speaker, role, participant, ...), ``attrs`` path (as given), format, aliases and
    problems (the study's warnings located in the file, given at ``path``); None outside a study
    (a folder with ``study.yml``) or for a file the study does not read."""
    from kit.outputs import study_of

    folder = study_of(path)
    if folder is None or not (folder / "study.yml").is_file():
        return None
    study = loaded_study(folder)
    if study is None or not len(study.interviews) or "transcript_path" not in study.interviews:
        return None
    target = _resolved(path)
    _refuse_withdrawn(study, folder, target, path)
    iv = study.interviews
    for iid, tpath, fmt in zip(iv["interview_id"].tolist(), iv["transcript_path"].tolist(),
                               iv["transcript_format"].tolist() if "transcript_format" in iv else [""] * len(iv)):
        if isinstance(tpath, str) and tpath and _resolved(folder / tpath) == target:
            break
    else:
        return None
    turns = study.turns[study.turns["interview_id"] == iid].reset_index(drop=True)
    if not len(turns):
        return None
    if iid in study.guessed_interviewers:  # the study guessed the interviewer: the review infers it and says so
        turns = turns.drop(columns="role")
    turns.attrs.update(path=str(path), format=str(fmt or ""), interview_id=str(iid))
    turns.attrs["problems"] = [Problem(str(path), p.line, p.message, p.level) for p in study.problems
                               if p.path and _resolved(p.path) == target]
    return turns


def _refuse_withdrawn(study, folder: Path, target: str, path) -> None:
    """Raise :class:`kit.errors.TranscriptError` (a warning: `review` exits 0, as for a noted empty
    transcript) when ``target`` is the transcript of an
    interview only withdrawn participants were in (``Study.withdrawn_rows``): their words are
    used nowhere, so no talk ratio, story or score is measured from them (attacker s17 A14,
    newcomer s17 F17: `review` scored the interview from their words and showed the withdrawn
    participant as an anonymous "other speaker")."""
    from kit.errors import TranscriptError

    rows = getattr(study, "withdrawn_rows", None)
    if rows is None or not len(rows) or "transcript_path" not in rows:
        return
    for pid, tpath in zip(rows["participant"].tolist(), rows["transcript_path"].tolist()):
        if isinstance(tpath, str) and tpath and _resolved(folder / tpath) == target:
            raise TranscriptError([Problem(str(path), 0, f"{pid} withdrew from the study (participants.csv status "
                                           "withdrawn): their words are used nowhere, so this interview is not "
                                           "reviewed", "warning")])  # as check reads it: not a failure


def third_speakers(turns: pd.DataFrame) -> list:
    """The labels of ``turns`` whose words count for no participant in an interview that names
    one (a parent, an interpreter: role ``other``, or no participant), in order of speaking."""
    if "role" not in turns.columns or "participant" not in turns.columns:
        return []
    named = turns["participant"].fillna("").astype(str) != ""
    if not named.any():
        return []
    other = (turns["role"] == "other") | ((turns["role"] == "participant") & ~named)
    return list(dict.fromkeys(turns.loc[other, "speaker"].tolist()))


def roster_names(folder: Path) -> dict:
    """participants.csv's ``{id: name}`` as the study reads it (folded headers), {} without one."""
    from kit.study_columns import read_participant_rows

    sheet = Path(folder) / "participants.csv"
    rows = read_participant_rows(sheet)[0] if sheet.is_file() else []
    return {r["id"]: r.get("name") or "" for r in rows if r.get("id")}
