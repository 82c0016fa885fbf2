"""Feature requests: the passages where a participant asks for something, in their own words.

A request ("I'd love…", "I'd pay for…", "if it could…", "why can't…") is a clue to the job
behind it, not a specification (Torres 2021, *Continuous Discovery Habits*, ch. 5: treat a
feature request as an opportunity in disguise and ask what it would let them do). The
cue phrases are :data:`REQUEST`; they name no product, so they fit any study.
"""
from __future__ import annotations

import re

import pandas as pd

__all__ = ["REQUEST", "REQUEST_COLUMNS", "feature_requests"]

# A participant asking for something, in their own words.
REQUEST = re.compile(
    r"\b(i wish|i'd love|i would love|would love|if only|i'd pay|i would pay|i'd happily pay|"
    r"it would be (great|nice|good|brilliant|amazing|handy|useful)|would be (great|nice|brilliant|handy)|"
    r"if (it|you|the app|the tool|the software|the product|the system) could|why can't|"
    r"what i (want|need) is|all i want|i just want|i'd want|i'd like (it|a|an|to be able)|"
    r"should (just )?(be able to|let me)|i need (it|something) to|give me a)\b",
    re.IGNORECASE)

REQUEST_COLUMNS = ["segment_id", "interview_id", "participant", "segment", "kind", "consented", "text"]


def _covered(asks: pd.DataFrame) -> pd.Series:
    """True for a turn whose words a key quote of the same interview already holds."""
    quoted = asks[asks["kind"] == "quote"]
    by_interview = quoted.groupby("interview_id")["text"].agg(list).to_dict() if len(quoted) else {}
    flags = []
    for row in asks.itertuples():
        same = by_interview.get(row.interview_id, []) if row.kind == "turn" else []
        flags.append(any(str(q).strip(" .\"“”") in str(row.text) for q in same))
    return pd.Series(flags, index=asks.index, dtype=bool)


def feature_requests(study, include_names: bool = False) -> pd.DataFrame:
    """What participants asked for: their turns and key quotes matching :data:`REQUEST`.

    One row per request (columns :data:`REQUEST_COLUMNS`): ``kind`` is ``quote`` or ``turn``
    (a turn whose words a key quote of the same interview holds is left out: it is the same
    request), ``segment`` the participant's value of the study's segment attribute,
    ``consented`` whether they consented to being quoted. ``text`` is redacted
    (``kit.privacy.redact``; names kept with ``include_names``) and empty for a participant
    who did not consent: such a request is counted, never shown. Key quotes first, then by
    segment id.
    """
    from kit.privacy import redact, roster
    from kit.sample import cell_text, segment_of
    from kit.study import as_study

    study = as_study(study, strict=False)
    segments = study.segments()
    own = segments[segments["kind"].isin(["turn", "quote"])]
    asks = own[own["text"].map(lambda t: bool(REQUEST.search(str(t))))].copy()
    asks = asks[~_covered(asks)]
    asks = asks.assign(_k=asks["kind"].map({"quote": 0, "turn": 1})).sort_values(["_k", "segment_id"]) \
        .drop(columns="_k")
    who = segment_of(study)
    asks["consented"] = asks["participant"].isin(study.consenting())
    asks["segment"] = [cell_text(who.get(p)) for p in asks["participant"]]
    names = roster(study)
    asks["text"] = [redact(cell_text(t), names, names=not include_names) if ok else ""
                    for t, ok in zip(asks["text"], asks["consented"])]
    return asks[REQUEST_COLUMNS].reset_index(drop=True)

