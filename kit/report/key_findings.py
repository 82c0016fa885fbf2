"""Which themes a report's key findings may name, and how a tie is said (attacker s16 A6).

A key finding ("Most talked about", "Biggest friction") is a claim about the people
interviewed, so it needs a minimum backing: :data:`MIN_BACKING` (2) people raised the theme.
A theme one person raised is that person's story, not a finding: when no theme reaches the
backing the report says that no theme stands out, instead of picking one out of a tie of
single voices. When the cut of "the top three" or "the biggest" falls inside a tie, the tie is
said (the themes tied at that count are named together), never broken silently.
"""
from __future__ import annotations

import pandas as pd

__all__ = ["MIN_BACKING", "backed", "no_finding", "top_with_ties", "tied_with"]

#: The fewest people who must have raised a theme for a key finding to name it.
MIN_BACKING = 2


def _count(themes: pd.DataFrame) -> pd.Series:
    return pd.to_numeric(themes["participants"], errors="coerce").fillna(0)


def backed(themes: pd.DataFrame) -> pd.DataFrame:
    """The themes raised by at least :data:`MIN_BACKING` people."""
    return themes[_count(themes) >= MIN_BACKING]


def no_finding(ready: pd.DataFrame, total: int) -> str:
    """The key finding when themes were raised but none by :data:`MIN_BACKING` people; ""
    when some theme is backed or none was raised."""
    if not len(ready) or len(backed(ready)):
        return ""
    return (f"No theme stands out: none was raised by {MIN_BACKING} or more of the {total} people interviewed "
            f"({len(ready)} theme{'s' if len(ready) != 1 else ''}, each from one person's account); see the themes "
            "table for what each person said.")


def top_with_ties(themes: pd.DataFrame, n: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the backed themes above the cut of ``n``, the themes tied at the cut) by participants,
    most first: all of the top ``n`` when no tie straddles the cut."""
    ranked = backed(themes).sort_values("participants", ascending=False, kind="stable")
    if len(ranked) <= n:
        return ranked, ranked.iloc[0:0]
    counts = _count(ranked)
    cut = counts.iloc[n - 1]
    if counts.iloc[n] != cut:
        return ranked.head(n), ranked.iloc[0:0]
    return ranked[counts > cut], ranked[counts == cut]


def tied_with(themes: pd.DataFrame, worst) -> int:
    """How many other themes of ``themes`` were raised by as many people as ``worst``."""
    return int((_count(themes) == float(worst["participants"])).sum()) - 1
