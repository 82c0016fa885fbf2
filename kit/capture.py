"""Capture at a glance: the interviews, the interviewer's share of talk, quotable quotes and
the follow-up discipline of the customer-interview template."""
from __future__ import annotations

from datetime import date

import pandas as pd

from kit.schema import follow_up_label
from kit.study import Study

__all__ = ["TALK_RATIO_TARGET", "at_a_glance", "follow_up", "problem_table", "quotable", "unnamed_speakers", "save_table", "talk_ratios"]

TALK_RATIO_TARGET = 0.20  # the interviewer listens 80% of the time


def _words(text) -> int:
    return len(str(text).split())


def at_a_glance(study: Study) -> pd.DataFrame:
    """One row per interview: who, when, how long, what was captured."""
    iv = study.interviews
    cols = ["interview_id", "date", "participant", study.segment_attribute, "interviewer", "duration",
            "n_turns", "talk_ratio"]
    table = iv[[c for c in cols if c in iv]].copy()
    for name, frame in (("quotes", study.quotes), ("insights", study.insights),
                        ("opportunities", study.opportunities), ("actions", study.actions)):
        counts = frame.groupby("interview_id").size() if len(frame) else pd.Series(dtype=int)
        table[name] = table["interview_id"].map(counts).fillna(0).astype(int)
    return table.sort_values(["date", "interview_id"], na_position="last").reset_index(drop=True)


def talk_ratios(study: Study, target: float = TALK_RATIO_TARGET) -> pd.DataFrame:
    """Words spoken by interviewer and participant per transcribed interview, and the
    interviewer's share of all words against the 80/20 listening target."""
    turns = study.turns
    columns = ["interview_id", "interviewer_words", "participant_words", "talk_ratio", "over_target"]
    if not len(turns):
        return pd.DataFrame(columns=columns)
    words = turns.assign(words=turns["text"].map(_words))
    table = words.pivot_table(index="interview_id", columns="role", values="words", aggfunc="sum",
                              fill_value=0)
    for role in ("interviewer", "participant"):
        if role not in table:
            table[role] = 0
    table = table.rename(columns={"interviewer": "interviewer_words", "participant": "participant_words"})
    total = table["interviewer_words"] + table["participant_words"]
    table["talk_ratio"] = (table["interviewer_words"] / total.where(total > 0)).round(3)
    table["over_target"] = table["talk_ratio"] > target
    return table.reset_index()[columns]


def quotable(study: Study) -> pd.DataFrame:
    """Key quotes from participants who consented to being quoted (others are left out)."""
    quotes = study.quotes
    ok = quotes[quotes["consent_quote"]]
    return ok[["segment_id", "participant", "text", "time"]].reset_index(drop=True)


def _days(later, earlier):
    if later is None or earlier is None or pd.isna(later) or pd.isna(earlier):
        return None
    return (later - earlier).days


def follow_up(study: Study, as_of: date | str | None = None) -> pd.DataFrame:
    """The template's discipline per interview: thank-you within 24 hours (next day at the
    latest), debrief within 48 hours, notes written the same day; and open or overdue
    action items as of ``as_of`` (default: today)."""
    from kit.csvio import parse_date

    as_of = parse_date(as_of) if as_of else date.today()
    rows = []
    actions = study.actions
    for iv in study.interviews.itertuples(index=False):
        if iv.date is None or pd.isna(iv.date):
            continue
        thank = _days(iv.thank_you_sent, iv.date)
        debrief = _days(iv.debriefed, iv.date)
        notes = _days(iv.notes_written, iv.date)
        mine = actions[actions["interview_id"] == iv.interview_id] if len(actions) else actions
        open_ = mine[mine["status"].isin(["open", "in progress"])] if len(mine) else mine
        overdue = open_[open_["due"].map(lambda d: d is not None and not pd.isna(d) and d < as_of)] if len(open_) else open_
        rows.append({
            "interview_id": iv.interview_id, "date": iv.date,
            "thank_you": follow_up_label("thank_you", thank), "debrief": follow_up_label("debrief", debrief),
            "notes": follow_up_label("notes", notes),
            "open_actions": len(open_), "overdue_actions": len(overdue),
        })
    table = pd.DataFrame(rows, columns=["interview_id", "date", "thank_you", "debrief", "notes",
                                        "open_actions", "overdue_actions"])
    late = (table["thank_you"] != "on time") | (table["debrief"] != "on time") | \
           (table["notes"] != "same day") | (table["overdue_actions"] > 0)
    return table.assign(needs_attention=late)


def unnamed_speakers(study: Study) -> list[str]:
    """The speaker labels of the study's transcripts that belong to no participant and not to
    the team (an interpreter, an accountant, a partner in the room: turns with an empty
    ``participant`` that are not the interviewer's), sorted. They are people whose names the
    roster may not hold, so published problem messages hide them (:func:`problem_table`)."""
    turns = study.turns
    if not len(turns) or "speaker" not in turns.columns:
        return []
    nobody = turns["participant"].fillna("").astype(str) == ""
    if "role" in turns.columns:
        nobody &= turns["role"].fillna("").astype(str) != "interviewer"
    return sorted({str(s).strip() for s in turns.loc[nobody, "speaker"] if str(s).strip()})


def problem_table(study: Study, include_names: bool = False) -> pd.DataFrame:
    """The study's problems as a table (columns file, line, level, message), paths relative to
    the study folder. A notebook shows it, so it is a published output: unless
    ``include_names``, the file and message of every row are redacted
    (:func:`kit.privacy.redact`: emails, phone numbers, the names of the study's roster and
    every speaker label that belongs to no participant, :func:`unnamed_speakers`, and every
    label a warning says looks like a speaker's, :func:`kit.speaker_roles.suspected_labels`: a
    warning that quotes an interpreter's label must not publish their name)."""
    from pathlib import Path

    from kit.privacy import redact, roster, with_names

    from kit.speaker_roles import suspected_labels  # a label read as text ("'Ravi:' looks like...") too

    people = None if include_names else with_names(roster(study), unnamed_speakers(study)
                                                   + suspected_labels(study.problems))

    def shown(text):
        return text if people is None else redact(text, people)

    rows = []
    for p in study.problems:
        try:
            rel = str(Path(p.path).resolve().relative_to(Path(study.path).resolve()))
        except ValueError:
            rel = Path(p.path).name
        rows.append({"file": shown(rel), "line": p.line, "level": p.level, "message": shown(p.message)})
    table = pd.DataFrame(rows, columns=["file", "line", "level", "message"])
    return table if len(table) else pd.DataFrame({"file": [], "line": [], "level": [],
                                                  "message": []}).astype(object)


def save_table(frame: pd.DataFrame, path, study: Study | None = None, include_names: bool = False) -> None:
    """Write a table for the report (a temporary file first, then renamed into place).

    Tables in OUT are published outputs, written by ``kit.outputs.Outputs(kind="published")``:
    every text cell is redacted (email addresses and phone numbers always; given the
    ``study``, or a list of studies, the names on its roster unless ``include_names``) and
    the words of participants who did not consent to being quoted are withheld. Notebooks
    write registered tables by name instead: ``kit.outputs.publish_to(out, study).table(name,
    frame)`` (:mod:`kit.registry`); this path-based form stays for other callers."""
    from kit.outputs import PUBLISHED, Outputs

    Outputs(None, study, PUBLISHED, include_names).table(path, frame)
