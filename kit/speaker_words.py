"""Whose words a row holds: the one rule for "a participant's turns", "a participant's quote"
and "the question asked" (newcomer s13 F2, F3, F11).

A transcript may hold a third speaker (a parent, an interpreter, a partner in the room: role
``other``, or a label the note's ``speakers:`` maps to ``other``/``interpreter``): their turns
and the key quotes that are their words have no ``participant`` in an interview that names one
(:func:`kit.schema.person` reads them as nobody). Every output that picks "the participant's
words" or "the question before an answer" asks these functions, so none of them takes a third
speaker's words for a participant's or an interviewer's:

* :func:`own_words` -- which rows (turns, key quotes, segments) are a participant's own words;
* :func:`words_of` -- the rows of one interview that are one participant's own words;
* :func:`questions_asked` -- for each participant turn, the interviewer's last turn before it
  (a third speaker's or an observer's turn in between is never "the question asked").
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["own_words", "words_of", "questions_asked"]


def own_words(frame: pd.DataFrame, named=None) -> np.ndarray:
    """A boolean array, one value per row of ``frame``: whether the row is a participant's own
    words. A row with a ``role`` column must have role ``participant`` (an interviewer's,
    observer's or third speaker's turn is not); a row must belong to a person
    (:func:`kit.schema.person`: a row with no participant in an interview that names one is a
    third speaker's, nobody's). ``named``: the interview ids that name a participant
    (:func:`kit.schema.named_interviews` of the study's interviews); pass it for a part of a
    study. A frame without ``participant`` holds nobody's words."""
    from kit.schema import person

    if not len(frame) or "participant" not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    keep = person(frame, named).notna().to_numpy(dtype=bool, copy=True)
    if "role" in frame.columns:
        keep &= (frame["role"].astype(str) == "participant").to_numpy()
    return keep


def words_of(frame: pd.DataFrame, interview_id: str, participant: str) -> pd.DataFrame:
    """The rows of ``frame`` (turns or key quotes) in ``interview_id`` that are ``participant``'s
    own words: not a third speaker's (no participant), not another participant's of a group
    interview, not the team's. Without a participant id, none."""
    if not participant or not len(frame):
        return frame.iloc[0:0]
    mask = (frame["interview_id"] == interview_id).to_numpy(dtype=bool, copy=True)
    mask &= (frame["participant"].fillna("").astype(str) == str(participant)).to_numpy()
    if "role" in frame.columns:
        mask &= (frame["role"].astype(str) == "participant").to_numpy()
    return frame[mask]


def questions_asked(turns: pd.DataFrame) -> dict:
    """``{segment_id: text}``: for each participant turn (:func:`own_words`), the last turn of
    an interviewer before it in the same interview ("" when none came before). Only an
    interviewer asks: a third speaker's turn (a parent answering for a child, an interpreter's
    rendering) or an observer's is never the question asked. ``turns``: ``Study.turns`` in
    transcript order (columns interview_id, segment_id, role, participant, text)."""
    asked: dict = {}
    if not len(turns):
        return asked
    last: dict = {}
    mine = own_words(turns)
    for iid, sid, role, text, own in zip(turns["interview_id"].tolist(), turns["segment_id"].tolist(),
                                         turns["role"].tolist(), turns["text"].tolist(), mine.tolist()):
        if role == "interviewer":
            last[iid] = text
        elif own:
            asked[sid] = last.get(iid, "")
    return asked
