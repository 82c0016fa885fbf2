"""The sample: who was recruited, interviewed and may be quoted, by segment, against the quotas.

Recruitment against quotas per segment is how a small qualitative sample is made to cover
the population's variety (purposive quota sampling: Guest, Namey & Mitchell 2013,
*Collecting Qualitative Data*, ch. 2). The quotas come from study.yml
(``segments: {attribute, quotas}``); the people and their status and consent from
participants.csv.
"""
from __future__ import annotations

import pandas as pd

from kit.study_columns import WITHDRAWN

__all__ = ["NOT_INTERVIEWED_STATUSES", "SAMPLE_COLUMNS", "absent_interviews", "cell_text", "not_interviewed",
           "sample_table", "segment_of", "withdrawn"]

SAMPLE_COLUMNS = ["segment", "quota", "recruited", "completed", "scheduled", "declined_or_no_show",
                  "consented_to_quote"]


def cell_text(value) -> str:
    """A table cell as text: empty for a missing or blank value, ``3`` for ``3.0``."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value) if str(value).strip() else ""


#: participants.csv statuses that say the interview did not take place though a note was written
#: (a note of a ``declined`` participant is read as the interview, its status as stale: ``check``
#: says "mark them completed").
NOT_INTERVIEWED_STATUSES = ("no-show",)


def absent_interviews(study) -> pd.Series:
    """Whether each row of ``study.interviews`` is of someone not interviewed: a note whose
    participant has status ``no-show`` in participants.csv and no words in the study (no
    transcript, or an empty one: a note written for a slot nobody came to). Such a person is not one of the people interviewed
    (:func:`kit.themes.n_participants`), as the sample table (:func:`sample_table`) lists them under
    "Declined or no-show": one denominator in one report. A transcript with turns is proof of an interview, so a
    note with one counts whatever the status says (``check`` warns about the status), except status
    ``withdrawn``: whoever withdrew from the study is not interviewed, transcript or not. A boolean
    Series aligned with ``study.interviews`` (all False without a participants table)."""
    interviews = study.interviews
    people = getattr(study, "participants", None)
    if not len(interviews) or not isinstance(people, pd.DataFrame) or not {"id", "status"} <= set(people.columns):
        return pd.Series(False, index=interviews.index, dtype=bool)
    status = dict(zip(people["id"].astype(str), people["status"].fillna("").astype(str).str.strip().str.lower()))
    who = interviews["participant"].fillna("").astype(str)
    heard = pd.Series(False, index=interviews.index, dtype=bool)
    if "n_turns" in interviews:  # words read from anywhere (a transcript in the note itself); an empty
        # transcript holds none (newcomer s17 F2: a no-show's empty .vtt counted them as interviewed)
        heard |= pd.to_numeric(interviews["n_turns"], errors="coerce").fillna(0).gt(0)
    elif "transcript_path" in interviews:
        heard |= interviews["transcript_path"].fillna("").astype(str).ne("")
    gone = who.map(lambda p: status.get(p, "") == WITHDRAWN).astype(bool)  # a transcript or not (newcomer s14 F9)
    return (who.map(lambda p: status.get(p, "") in NOT_INTERVIEWED_STATUSES).astype(bool) & ~heard) | gone


def withdrawn(study) -> set:
    """The ids of participants whose participants.csv status is ``withdrawn`` (they withdrew
    from the study, :data:`kit.study_columns.WITHDRAWN`): not interviewed whatever their notes
    and transcripts hold (:func:`not_interviewed`), their words withheld (the loader reads
    their consent_quote as no)."""
    people = getattr(study, "participants", None)
    if not isinstance(people, pd.DataFrame) or not {"id", "status"} <= set(people.columns) or not len(people):
        return set()
    return set(people.loc[people["status"].astype(str) == WITHDRAWN, "id"].astype(str))


def not_interviewed(study) -> set:
    """The participant ids of :func:`absent_interviews` that no other interview of the study
    (with a transcript, or a note without such a status) counts as interviewed, nor a transcript's
    turns (a group interview's other participant)."""
    absent = absent_interviews(study)
    gone = withdrawn(study)
    if not absent.any():
        return gone
    who = study.interviews["participant"].fillna("").astype(str)
    turns = getattr(study, "turns", None)
    spoke = set(turns["participant"].dropna().astype(str)) if isinstance(turns, pd.DataFrame) and "participant" in turns \
        else set()
    return (set(who[absent]) - set(who[~absent]) - spoke - {""}) | gone


def segment_of(study) -> dict:
    """Participant id -> their value of the study's segment attribute (empty when the
    participants table has no such column)."""
    people = study.participants
    attribute = study.segment_attribute
    return dict(zip(people["id"], people[attribute])) if attribute in people else {}


def sample_table(study) -> pd.DataFrame:
    """Recruitment by segment (columns :data:`SAMPLE_COLUMNS`), one row per segment value in
    participants.csv or in the quotas, sorted by name: ``quota`` (NaN where none is set),
    ``recruited`` (rows of participants.csv), ``completed``, ``scheduled``,
    ``declined_or_no_show`` (status ``declined`` or ``no-show``) and ``consented_to_quote``
    (completed and ``consent_quote`` yes), and when anyone withdrew from the study ``withdrawn``
    (status ``withdrawn``: not interviewed, not completed, whatever was recorded of them). Without a segment attribute column every
    quota's row counts nobody."""
    from kit.study import as_study

    study = as_study(study, strict=False)
    people = study.participants
    quotas = (study.config.get("segments") or {}).get("quotas") or {}
    attr = study.segment_attribute
    groups = sorted(set(map(str, people[attr].dropna())) | set(map(str, quotas))) if attr in people \
        else sorted(map(str, quotas))
    rows = []
    for g in groups:
        mine = people[people[attr].astype(str) == g] if attr in people else people.iloc[0:0]
        status = mine["status"] if "status" in mine else pd.Series(dtype=str)
        consent = mine["consent_quote"].eq(True) if "consent_quote" in mine else False
        rows.append({"segment": g, "quota": quotas.get(g), "recruited": len(mine),
                     "completed": int((status == "completed").sum()),
                     "scheduled": int((status == "scheduled").sum()),
                     "declined_or_no_show": int(status.isin(["declined", "no-show"]).sum()),
                     "consented_to_quote": int(((status == "completed") & consent).sum()),
                     "withdrawn": int((status == WITHDRAWN).sum())})
    columns = SAMPLE_COLUMNS + (["withdrawn"] if any(r["withdrawn"] for r in rows) else [])
    return pd.DataFrame(rows, columns=columns)  # a study nobody withdrew from: the table as it was
