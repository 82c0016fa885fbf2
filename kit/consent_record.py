"""A transcript of someone who said no to being recorded (``consent_record: no``).

participants.csv's ``consent_record`` says whether the participant agreed to the call being
recorded. A transcript in the study for an interview of a participant who said ``no`` is a
recording's transcript (or the sheet is wrong): the first thing an ethics review asks about.
The kit fails closed: their words are treated as not consented to quoting (withheld from
every published output, as ``consent_quote: no`` does), and ``check``, ``analyze`` and ``run``
say so at the participant's line of participants.csv. Notes written by hand (no transcript) are
not a recording and change nothing.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kit.errors import Problem

__all__ = ["withdraw", "withhold_unrecorded"]

_MESSAGE = ("{pid} said no to being recorded (consent_record: no), yet the study holds a transcript of "
            "their interview ({transcripts}): their words are withheld from published outputs, as if they "
            "had not consented to being quoted; delete the transcript and keep notes only, or correct the sheet")


def withhold_unrecorded(path: Path, participants: pd.DataFrame, interviews: pd.DataFrame) -> list[Problem]:
    """For each participant in ``participants.attrs["recording_refused"]`` (``{id: line}``, set
    by the study loader for a ``consent_record`` written no) with a transcript among
    ``interviews`` (column ``transcript_path`` not empty): ``consent_quote`` set to False in
    both frames, in place, and a located warning at their line. Returns the warnings."""
    refused = participants.attrs.get("recording_refused") or {}
    if not refused or "transcript_path" not in interviews or "participant" not in interviews:
        return []
    recorded: dict[str, list[str]] = {}
    for pid, transcript in zip(interviews["participant"].tolist(), interviews["transcript_path"].tolist()):
        if pid in refused and isinstance(transcript, str) and transcript:
            recorded.setdefault(pid, []).append(transcript)
    problems = []
    for pid, transcripts in recorded.items():
        participants.loc[participants["id"] == pid, "consent_quote"] = False
        if "consent_quote" in interviews:
            interviews.loc[interviews["participant"] == pid, "consent_quote"] = False
        problems.append(Problem(str(path), refused[pid], _MESSAGE.format(pid=pid, transcripts=", ".join(transcripts)),
                                "warning"))
    return problems


_WITHDRAWN = ("{pid} withdrew from the study (status {written!r}): their words are withheld from every output "
              "(tables, figures, drafts, the index and search), as consent_quote: no "
              "withholds them, and they are counted as withdrawn, not interviewed")


def withdraw(path: Path, row: dict, problems: list, written: str) -> None:
    """A participants.csv row (read in place by the study loader) whose status is ``withdrawn``
    (newcomer s14 F9): ``consent_quote`` read as no whatever it says, and a located warning at
    its line, so their words are withheld everywhere a withdrawn consent withholds them
    (:func:`kit.consent_repository.consent_rows` reads the status too, so the repository's
    index remembers the withdrawal); :func:`kit.sample.withdrawn` counts them as not interviewed."""
    row["consent_quote"] = False
    problems.append(Problem(str(path), int(row["_line"]), _WITHDRAWN.format(
        pid=row.get("id", ""), written=written), "warning"))
