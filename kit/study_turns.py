"""A transcript's turns as the study loader keeps them (split out of :mod:`kit.study`): the
summary each interview's row carries (transcript path, format, turn count, talk ratio)."""
from __future__ import annotations

import os
from itertools import compress, repeat
from operator import eq
from pathlib import Path

__all__ = ["turn_summary"]


def turn_summary(turns, tpath, root) -> dict:
    """The transcript's path (relative to the study), format, turn count and talk ratio:
    the interviewer's share of all words (NaN when nobody said a word or no turn is the
    interviewer's). ``turns``: the loader's columns (``role``, ``text``, ``format``) or None.

    A turn's text is its words joined by single spaces (kit.transcripts), so its words are its
    spaces and one; a table holding an empty text is counted word by word."""
    path, text, head = "", str(tpath or ""), f"{root}{os.sep}"
    if text.startswith(head) and isinstance(tpath, Path):  # Path.relative_to's answer, without its cost
        path = text[len(head):]
    elif tpath:
        path = str(Path(tpath).relative_to(root)) if Path(tpath).is_relative_to(root) else text
    if turns is None:
        return {"transcript_path": path, "transcript_format": "", "n_turns": 0, "talk_ratio": float("nan")}
    roles, texts = turns["role"], turns["text"]
    if "" in texts:
        words = [len(said.split()) for said in texts]
        total, mine = sum(words), sum(compress(words, map(eq, roles, repeat("interviewer"))))
    else:
        asked = list(compress(texts, map(eq, roles, repeat("interviewer"))))
        total = sum(map(str.count, texts, repeat(" "))) + len(texts)
        mine = sum(map(str.count, asked, repeat(" "))) + len(asked)
    ratio = mine / total if total and "interviewer" in roles else float("nan")
    return {"transcript_path": path, "transcript_format": turns["format"],
            "n_turns": len(texts), "talk_ratio": ratio}
