"""Shareable quotes: the key quotes that may be used outside the team, with their codes and tone.

A key quote may be shared when its participant consented to being quoted; it is redacted
(``kit.privacy``). Each carries the codes applied to it (by a coder or a keyword rule whose
matches count) and its VADER compound score (Hutto & Gilbert 2014), NaN where its
language has no validated scorer (``kit.languages.study_compound``).
"""
from __future__ import annotations

import pandas as pd

__all__ = ["QUOTE_COLUMNS", "shareable_quotes"]

QUOTE_COLUMNS = ["segment_id", "interview_id", "participant", "segment", "codes", "hand_codes", "compound",
                 "text"]


def _codes_by_segment(coded: pd.DataFrame | None) -> tuple[dict, dict | None]:
    """Segment id -> its codes joined by "; " (only codings that count), and the same for
    the codes a coder applied by hand (None when the table does not say who coded)."""
    if not isinstance(coded, pd.DataFrame) or "code" not in coded:
        return {}, None
    if "counted" in coded:  # a rejected rule's guess is not what the quote is about
        coded = coded[coded["counted"].astype(str).str.lower().isin(["true", "1"])]
    column = "segment_id" if "segment_id" in coded else "segment" if "segment" in coded else None
    if column is None:
        return {}, None

    def joined(frame):
        return frame.groupby(column)["code"].agg(lambda c: "; ".join(sorted(set(map(str, c))))).to_dict()

    hand = joined(coded[coded["source"].astype(str) == "manual"]) if "source" in coded else None
    return joined(coded), hand


def shareable_quotes(study, coded: pd.DataFrame | None = None, include_names: bool = False) -> pd.DataFrame:
    """The key quotes of consenting participants, redacted (columns :data:`QUOTE_COLUMNS`).

    ``coded``: the coded segments (``kit.themes``/notebook 04's ``coded_segments``: columns
    segment_id or segment, code, and optionally counted and source); ``codes`` are the codes
    that count on each quote, ``hand_codes`` those a coder applied by hand (the same as
    ``codes`` when ``coded`` does not say who coded). ``segment`` is the participant's
    segment value; ``compound`` the VADER compound, rounded to 4 decimals.
    """
    from kit.languages import study_compound
    from kit.privacy import public_quotes
    from kit.sample import cell_text, segment_of
    from kit.study import as_study

    study = as_study(study, strict=False)
    quotes = public_quotes(study, include_names=include_names)
    codes, hand = _codes_by_segment(coded)
    hand = codes if hand is None else hand
    who = segment_of(study)
    frame = quotes.assign(segment=[cell_text(who.get(p)) for p in quotes["participant"]],
                          codes=[codes.get(s, "") for s in quotes["segment_id"]],
                          hand_codes=[hand.get(s, "") for s in quotes["segment_id"]])
    frame["compound"] = study_compound(study, frame).round(4).tolist() if len(frame) else []
    return frame[QUOTE_COLUMNS]
