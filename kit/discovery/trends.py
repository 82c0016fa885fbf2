"""Theme prevalence and sentiment across sprints, from the repository's index."""
from __future__ import annotations

import pandas as pd

from kit.discovery.index import query_index
from kit.discovery.repository import PARTICIPANT_WORDS
from kit.schema import TREND_COLUMNS, person
from kit.stats import wilson_interval

__all__ = ["TREND_COLUMNS", "leading_codes", "trends", "wilson_interval"]



# -- trends across sprints --------------------------------------------------------------------------
def leading_codes(trend: pd.DataFrame, n: int = 4) -> list[str]:
    """The ``n`` codes with the most participants over all sprints of a ``trends`` table
    (columns code, participants), most first and ties by name; ``[]`` for an empty table.
    What notebook 09 follows across sprints when no codes are given."""
    if trend is None or not len(trend) or "code" not in trend:
        return []
    totals = pd.to_numeric(trend["participants"], errors="coerce").fillna(0).groupby(trend["code"]).sum()
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return [str(code) for code, _ in ranked[:n]]


def _same_email(people: pd.DataFrame) -> dict:
    """``{(study, participant id): the first id of the study's sheet with the same email}`` for
    the ids of one person listed twice in one sheet (the index's keyed email hashes): they count
    once (attacker s16 A7: one person under two ids was 2 of 3 people)."""
    first: dict = {}
    out: dict = {}
    for study, pid, digest in zip(people["study"].tolist(), people["id"].tolist(), people["email_hash"].tolist()):
        if digest and pid:
            out[(study, pid)] = first.setdefault((study, digest), pid)
    return {k: v for k, v in out.items() if k[1] != v}


def trends(repo, codes=None, update: bool = True) -> pd.DataFrame:
    """Theme prevalence and sentiment across sprints, from the index: one row per (sprint,
    code). ``participants`` interviewed in the sprint (or interviews where no participant
    is named), ``mentioning`` those with at least one segment carrying the code (manual or
    auto), ``share`` with its 95% Wilson interval, ``mentions`` (coded segments), and
    ``mean_compound``: the mean VADER compound of the coded segments in the participants'
    own words (turns and quotes; ``scored_segments`` of them). Sprints in the order they
    were held; ``codes`` limits and orders the codes (default: every code seen). Two ids of one
    sheet with the same email are one person."""
    def read(con):
        return (pd.read_sql_query("SELECT study, sprint, first_date FROM studies", con),
                pd.read_sql_query("SELECT study, interview_id, participant FROM interviews", con),
                pd.read_sql_query("SELECT d.study, d.id, d.interview_id, d.participant, d.kind, d.compound, c.code "
                                  "FROM doc_codes c JOIN docs d ON d.rowid = c.doc WHERE c.counted = 1", con),
                pd.read_sql_query("SELECT study, id, email_hash FROM people", con))

    studies, interviews, coded, people_rows = query_index(repo, update, read)
    same = _same_email(people_rows)
    studies = studies.assign(first=studies["first_date"].replace("", None)) \
        .sort_values(["first", "sprint", "study"], na_position="last", kind="stable").reset_index(drop=True)
    interviews["who"] = [same.get((s, w), w) for s, w in zip(interviews["study"], person(interviews))]
    who_of = {(s, i): w for s, i, w in zip(interviews["study"], interviews["interview_id"], interviews["who"])}
    # a third speaker (no participant in an interview that names one) is nobody (kit.schema.person)
    named = {(s, i) for s, i, p in zip(interviews["study"], interviews["interview_id"], interviews["participant"]) if p}
    coded["who"] = [same.get((s, p), p) if p else (None if (s, i) in named else who_of.get((s, i), i))
                    for s, i, p in zip(coded["study"], coded["interview_id"], coded["participant"])]
    names = list(codes) if codes is not None else sorted(set(coded["code"]))
    rows = []
    for order, st in enumerate(studies.itertuples(index=False), start=1):
        people = set(interviews.loc[interviews["study"] == st.study, "who"])
        mine = coded[coded["study"] == st.study]
        for code in names:
            c = mine[mine["code"] == code]
            k, n = c["who"].nunique(), len(people)
            low, high = wilson_interval(k, n)
            # participants' own words: a third speaker's turn is nobody's, as in the counts
            words = c[c["kind"].isin(PARTICIPANT_WORDS) & c["who"].notna()].drop_duplicates("id")["compound"].dropna()
            rows.append({"order": order, "sprint": st.sprint, "study": st.study, "code": code, "participants": n,
                         "mentioning": k, "share": k / n if n else float("nan"), "share_low": low,
                         "share_high": high, "mentions": c["id"].nunique(),
                         "mean_compound": float(words.mean()) if len(words) else float("nan"),
                         "scored_segments": len(words)})
    return pd.DataFrame(rows, columns=TREND_COLUMNS)
