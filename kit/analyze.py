"""`interview-kit analyze`: the study's tables, computed without any notebook."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kit.coding import autocode, themes
from kit.csvio import atomic_write_csv
from kit.study import Study, as_study

TURNS_COLUMNS = ["interview_id", "turn", "speaker", "role", "start", "end", "text", "compound"]


def score_turns(study: Study) -> pd.DataFrame:
    """The study's turns with a VADER compound score per turn."""
    from kit.sentiment import compound

    turns = study.turns.copy()
    turns["compound"] = compound(turns["text"].tolist()) if len(turns) else pd.Series(dtype=float)
    return turns


def public_speakers(turns: pd.DataFrame, include_names: bool = False) -> pd.Series:
    """Speaker labels fit for a shared output: a participant's label is replaced by their
    pseudonymous id (or `participant`) unless names are asked for."""
    if include_names:
        return turns["speaker"]
    pseudonym = turns["participant"].where(turns["participant"].astype(bool), "participant")
    return turns["speaker"].where(turns["role"] != "participant", pseudonym)


def analyze(study, out_dir, include_names: bool = False) -> dict[str, Path]:
    """Write turns.csv, themes.csv and autocodes.csv to ``out_dir``; return their paths."""
    from kit.sentiment import compound

    study = as_study(study)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    turns = score_turns(study)
    public = turns.assign(speaker=public_speakers(turns, include_names))[TURNS_COLUMNS]
    segments = study.segments()
    codes = autocode(segments, study.codebook)
    scores = pd.DataFrame({"segment_id": segments["segment_id"],
                           "compound": compound(segments["text"].tolist()) if len(segments) else []})
    participants = set(study.interviews["participant"].replace("", pd.NA).dropna())
    n = len(participants) or len(study.interviews)
    table = themes(codes, scores, n_participants=n, codes=study.codebook.names)
    paths = {"turns": out / "turns.csv", "themes": out / "themes.csv", "autocodes": out / "autocodes.csv"}
    atomic_write_csv(paths["turns"], public)
    atomic_write_csv(paths["themes"], table)
    atomic_write_csv(paths["autocodes"], codes)
    return paths
