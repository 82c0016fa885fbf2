"""A withdrawn participant's words are used nowhere (newcomer s15 F7; session 16).

participants.csv's ``status: withdrawn`` (:func:`kit.sample.withdrawn`) already withheld their
words from published outputs, drafts and search results, as ``consent_quote: no`` does, and
counted them as not interviewed; but their turns, key quotes and the notes about them stayed in
the working outputs (analyze's turns.csv and autocodes.csv, the repository's tables and the
search index) under their id. A withdrawal means the person's words are used nowhere, so
:func:`without_withdrawn` leaves out of those tables every row of a withdrawn participant (their
turns, quotes, the note's insights and opportunities about them) and every row of an interview
that names only withdrawn participants (the interviewer's questions, a third speaker's turns);
in a group interview the others' rows stay. What is left out is counted, never silent
(:func:`withdrawn_note`: ``withdrawn: N``); the sample table counts them in its ``withdrawn`` column.
"""
from __future__ import annotations

import pandas as pd

__all__ = ["leave_out_withdrawn", "withdrawn_interviews", "withdrawn_note", "without_withdrawn"]


def _split(value) -> list[str]:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


def withdrawn_interviews(study) -> set:
    """The ids of the interviews whose participants (one, or a group's) all withdrew, with
    those the study left out when it was loaded (``Study.withdrawn_rows``)."""
    from kit.sample import withdrawn

    gone = withdrawn(study)
    left_out = getattr(study, "withdrawn_rows", None)
    found = set(left_out["interview_id"].astype(str)) if left_out is not None and len(left_out) else set()
    interviews = getattr(study, "interviews", None)
    if not gone or interviews is None or not len(interviews) or "participant" not in interviews.columns:
        return found
    whose: dict[str, set] = {}
    for iid, who in zip(interviews["interview_id"].astype(str), interviews["participant"].tolist()):
        whose.setdefault(iid, set()).update(_split(who))
    turns = getattr(study, "turns", None)  # a group interview's participants also speak in its transcript
    if turns is not None and len(turns) and {"interview_id", "participant"} <= set(turns.columns):
        for iid, who in zip(turns["interview_id"].astype(str), turns["participant"].tolist()):
            if iid in whose:
                whose[iid].update(_split(who))
    return found | {iid for iid, who in whose.items() if who and who <= gone}


def without_withdrawn(study, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (turns, segments, quotes: a table with ``interview_id`` and ``participant``)
    without the rows of a withdrawn participant or of an interview only they were in
    (:func:`withdrawn_interviews`); ``frame`` itself when nobody withdrew."""
    from kit.sample import withdrawn

    gone = withdrawn(study)
    if not gone or frame is None or not len(frame) or "interview_id" not in frame.columns:
        return frame
    drop = frame["interview_id"].astype(str).isin(withdrawn_interviews(study))
    if "participant" in frame.columns:
        drop |= frame["participant"].fillna("").astype(str).isin(gone)
    return frame[~drop] if drop.any() else frame


def withdrawn_note(study) -> str:
    """``withdrawn: N`` and what that means for the tables, or "" when nobody withdrew."""
    from kit.sample import withdrawn

    n = len(withdrawn(study))
    if not n:
        return ""
    return (f"withdrawn: {n} (participants.csv status withdrawn: their words, and the interviews only they "
            "were in, are in no table and not indexed)")


def leave_out_withdrawn(study) -> set:
    """Take a withdrawn participant's rows (and every row of an interview only they were in) out
    of the study's turns, key quotes, insights and opportunities, in place, when the study is
    loaded, so that no table, count, figure or report built from the study holds their words
    (newcomer s16 F3: `run`'s report counted a withdrawn participant in its themes, 3 people /
    30%, while `analyze` said 2 / 20%, and ranked their opportunity). Their interview rows stay,
    so they are counted as withdrawn (:func:`kit.sample.withdrawn`). Returns the segment ids
    left out (a coding of one is a located warning: ``kit.study``)."""
    from kit.sample import withdrawn

    if not withdrawn(study):
        return set()
    only_theirs = withdrawn_interviews(study)  # before their turns go: a group's members speak in them
    gone: set = set()
    for name in ("turns", "quotes", "insights", "opportunities"):
        frame = getattr(study, name)
        kept = without_withdrawn(study, frame)
        if len(kept) != len(frame):
            gone.update(frame.loc[frame.index.difference(kept.index), "segment_id"].tolist())
            setattr(study, name, kept.reset_index(drop=True))
    # an interview only they were in is no row of any table either, nor a count (newcomer s17 F13:
    # the report said "12 interviews" and measured its turns, talk ratio and saturation step),
    # nor its action items and follow-ups; its rows are kept aside (``Study.withdrawn_rows``) so
    # that `review` of its transcript can say why it is not reviewed (attacker s17 A14)
    interviews = study.interviews
    if only_theirs and len(interviews):
        out = interviews["interview_id"].astype(str).isin(only_theirs)
        study.withdrawn_rows = interviews[out].reset_index(drop=True)
        study.interviews = interviews[~out].reset_index(drop=True)
        for name in ("actions", "followups"):
            frame = getattr(study, name)
            if len(frame) and "interview_id" in frame.columns:
                setattr(study, name, frame[~frame["interview_id"].astype(str).isin(only_theirs)]
                        .reset_index(drop=True))
    return gone
