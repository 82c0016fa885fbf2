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

__all__ = ["one_answer_per_person", "person_email", "sorted_name", "withdraw", "withhold_unrecorded"]

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


def person_email(value) -> str:
    """An email as the consent rules compare it: trimmed, case-folded, without a ``mailto:``
    prefix, angle brackets or a trailing full stop (attacker s16 A13: ``mailto:a@x.org`` and
    ``A@X.ORG.`` are one address); "" for a cell without an ``@``."""
    text = str(value or "").strip().rstrip(".").strip().strip("<>").strip().casefold()
    if text.startswith("mailto:"):
        text = text[7:].strip()
    text = text.rstrip(".").strip()
    return text if "@" in text else ""


def sorted_name(value) -> str:
    """A name as the consent rules compare it: folded (:func:`kit.privacy_text.fold`), commas as
    spaces, its words sorted (``QUIGLEY, Siobhán`` is ``Siobhán Quigley``); "" for none."""
    from kit.privacy_text import fold

    return " ".join(sorted(fold(str(value or "")).replace(",", " ").split()))


def _person_name(value) -> str:
    """A name as the sheet's own rows are compared (:func:`sorted_name`); "" for fewer than two
    words (a first name alone may be two people)."""
    name = sorted_name(value)
    return name if " " in name else ""


_SAME_SHEET = ("{pid} is the same person as {others} in this sheet ({how}), whose {what}: the most restrictive "
               "answer is used for every row of theirs, so their words are {effect}; give each person one row")


def one_answer_per_person(path, rows: list[dict], problems: list) -> list[dict]:
    """The rows of one participants.csv (read in place by the study loader: ``status`` folded,
    ``consent_quote`` a bool), with one answer per person (attacker s16 A8: one person under two
    ids, consent_quote no on one row and yes on the other, was quoted in the published report).

    Rows are one person when their emails are one address (:func:`person_email`) or, for the
    consent to be quoted only, when their names have the same words (two or more, any order or
    case) and their emails do not differ (two emails are two people; fail closed: two rows of one
    full name without emails to tell them apart are both withheld). Within a
    person, a row that withdrew (status ``withdrawn``, linked by email) makes every row of theirs
    withdrawn, and a row that says no to being quoted makes every row no. Each row changed gets
    a located warning naming only ids and lines. Returns ``rows`` (changed in place)."""
    from kit.study_columns import WITHDRAWN

    by_email: dict = {}
    by_name: dict = {}
    for row in rows:
        if email := person_email(row.get("email")):
            by_email.setdefault(email, []).append(row)
        if name := _person_name(row.get("name")):
            by_name.setdefault(name, []).append(row)
    for group in by_email.values():  # a withdrawal is the person's, whichever id it is under
        gone = [r for r in group if r.get("status") == WITHDRAWN]
        for row in (r for r in group if gone and r.get("status") != WITHDRAWN):
            row["status"], row["consent_quote"] = WITHDRAWN, False
            problems.append(Problem(str(path), int(row["_line"]), _SAME_SHEET.format(
                pid=row.get("id", ""), others=_ids(gone), how="the same email", what="status is withdrawn",
                effect="withheld from every output and they are counted as withdrawn"), "warning"))
    for how, groups in (("the same email", by_email), ("the same name", by_name)):
        for group in groups.values():
            said_no = [r for r in group if r.get("consent_quote") is False]
            for row in (r for r in group if said_no and r.get("consent_quote") is True):
                theirs = [r for r in said_no if not _two_emails(r, row)]  # one name, two emails: two people
                if not theirs:
                    continue
                row["consent_quote"] = False
                problems.append(Problem(str(path), int(row["_line"]), _SAME_SHEET.format(
                    pid=row.get("id", ""), others=_ids(theirs), how=how, what="consent_quote is no",
                    effect="not quoted"), "warning"))
    return rows


def _two_emails(one: dict, other: dict) -> bool:
    """Whether two rows give two different email addresses: two people, whatever their names
    (newcomer s17 F8: a regional sheet's many Gareth Joneses, each with their own email, were
    merged and one's no silenced the others)."""
    first, second = person_email(one.get("email")), person_email(other.get("email"))
    return bool(first and second and first != second)


def _ids(rows: list[dict]) -> str:
    shown = [f"{r.get('id', '')} (line {r['_line']})" for r in rows[:3]]
    return ", ".join(shown) + (f" and {len(rows) - 3} more" if len(rows) > 3 else "")
