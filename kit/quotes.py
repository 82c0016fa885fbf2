"""Shareable quotes: the key quotes that may be used outside the team, with their codes and tone.

A key quote may be shared when its participant consented to being quoted; it is redacted
(``kit.privacy``). Each carries the codes applied to it (by a coder or a keyword rule whose
matches count) and its VADER compound score (Hutto & Gilbert 2014), NaN where its
language has no validated scorer (``kit.languages.study_compound``).

A passage whose words are mostly withheld or redacted is not a quote to share
(:func:`mostly_withheld`): "“[not quoted] 853 pounds.”" tells a reader nothing the participant
said, and a pick of the "most negative" passage should not be a row of marks. Such a passage is
left out of the shareable quotes and counted with the withheld ones.
"""
from __future__ import annotations

import re

import pandas as pd

__all__ = ["MOSTLY_WITHHELD", "QUOTE_COLUMNS", "WITHHELD_REASONS", "mostly_withheld", "shareable_quotes",
           "withheld_reasons", "withheld_share"]

#: The share of a passage's words withheld or redacted above which it is not shareable: more
#: than half ("mostly"). At that point the words left are fewer than the words hidden, so the
#: reader sees mainly marks and the passage no longer reads as the participant's own words.
MOSTLY_WITHHELD = 0.5
_MARK = re.compile(r"\[[^\[\]\n]{1,40}\]")  # [not quoted], [name], [phone], [email]: only marks use brackets
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def withheld_share(text) -> float:
    """The share (0-1) of the words of a published passage that are withheld or redacted.
    Each ``[not quoted]`` stands for at least :data:`kit.privacy.SHINGLE` words (the shortest
    run of a non-consenting participant's words it replaces), each other mark (``[name]``,
    ``[phone]``, ``[email]``) for one; the words left are the words outside the marks. 0 for
    a passage without marks or a non-string."""
    from kit.privacy import SHINGLE, WITHHELD_MARK

    if not isinstance(text, str) or "[" not in text:
        return 0.0
    marks = _MARK.findall(text)
    hidden = sum(SHINGLE if m == WITHHELD_MARK else 1 for m in marks)
    kept = len(_WORD.findall(_MARK.sub(" ", text)))
    return hidden / (hidden + kept) if hidden + kept else 0.0


def mostly_withheld(text) -> bool:
    """True when more than :data:`MOSTLY_WITHHELD` of the passage's words are withheld or
    redacted (:func:`withheld_share`): not a quote to share."""
    return withheld_share(text) > MOSTLY_WITHHELD

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
    segment value; ``compound`` the VADER compound, rounded to 4 decimals. A quote whose
    words are mostly withheld or redacted once published (:func:`mostly_withheld` of the text
    with the words of participants who did not consent withheld, :func:`kit.privacy.unquotable`)
    is left out: it counts as withheld.
    """
    from kit.languages import study_compound
    from kit.privacy import public_quotes, unquotable
    from kit.sample import cell_text, segment_of
    from kit.study import as_study

    study = as_study(study, strict=False)
    quotes = public_quotes(study, include_names=include_names)
    if len(quotes):  # judged as published: with the words of those who did not consent withheld
        words = unquotable(study)
        quotes = quotes[[not mostly_withheld(words.withhold(t)) for t in quotes["text"]]]
    codes, hand = _codes_by_segment(coded)
    hand = codes if hand is None else hand
    who = segment_of(study)
    frame = quotes.assign(segment=[cell_text(who.get(p)) for p in quotes["participant"]],
                          codes=[codes.get(s, "") for s in quotes["segment_id"]],
                          hand_codes=[hand.get(s, "") for s in quotes["segment_id"]])
    frame["compound"] = study_compound(study, frame).round(4).tolist() if len(frame) else []
    return frame[QUOTE_COLUMNS]


#: Why a consenting participant's key quote is not shared, as tables/quotes.csv's ``withheld``
#: column says it ("" for a quote that may be shared whole).
WITHHELD_REASONS = {
    "redacted": "not shared: it is mostly names or contact details, redacted",
    "same words": "not shared: the same words were said by a participant who did not consent to being quoted",
    "partly": "shared in part: some of its words were also said by a participant who did not consent to being quoted",
}


def withheld_reasons(study, quotes: pd.DataFrame) -> list[str]:
    """Why each row of ``quotes`` (key quotes of consenting participants: ``segment_id`` and
    ``text``, e.g. ``kit.capture.quotable``) is withheld once published, one of
    :data:`WITHHELD_REASONS`' texts or "" (shared whole): judged as :func:`shareable_quotes`
    judges it, on the redacted text (:func:`kit.privacy.public_quotes`) with the words of
    participants who did not consent withheld (:func:`kit.privacy.unquotable`, the five-word rule).
    A quote the redaction does not return is withheld as redacted (fail closed)."""
    from kit.privacy import public_quotes, unquotable
    from kit.study import as_study

    if not len(quotes):
        return []
    study = as_study(study, strict=False)
    public = public_quotes(study)
    redacted = dict(zip(public["segment_id"], public["text"]))
    words = unquotable(study)
    out = []
    for sid in quotes["segment_id"]:
        text = redacted.get(sid)
        if not isinstance(text, str) or mostly_withheld(text):
            out.append(WITHHELD_REASONS["redacted"])
        elif mostly_withheld(kept := words.withhold(text)):
            out.append(WITHHELD_REASONS["same words"])
        else:
            out.append(WITHHELD_REASONS["partly"] if kept != text else "")
    return out
