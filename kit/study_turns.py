"""A transcript's turns as the study loader keeps them (split out of :mod:`kit.study`): the
summary each interview's row carries (transcript path, format, turn count, talk ratio), and
whose words each of a note's key quotes is (:func:`quote_participants`)."""
from __future__ import annotations

import os
import re
from itertools import compress, repeat
from operator import eq, ne
from pathlib import Path

from kit.transcript_letters import BMP_MARKS, MARKS, NOT_WORD, beyond_bmp

__all__ = ["quote_participants", "turn_summary"]


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


# a combining mark is part of its word (kit.transcript_letters: ``राहुल`` is one word); the marks
# beyond U+FFFF only for a text holding such characters (a class of the others is a table lookup)
_NOT_WORD = re.compile(rf"[^\w{BMP_MARKS}]+|_+")
_ELLIPSIS = re.compile(r"\.\.\.|\u2026|\[\.\.\.\]")


_NOT_WORD_KEEP_SEP = re.compile(rf"[^\w{BMP_MARKS}\x01]+|_+")
_NOT_WORD_KEEP_SEP_ALL = re.compile(rf"[^\w{MARKS}\x01]+|_+")


def _plain(text) -> str:
    text = str(text)
    return " " + (NOT_WORD if beyond_bmp(text) else _NOT_WORD).sub(" ", text.casefold()).strip() + " "


def _plain_transcript(texts) -> str:
    """:func:`_plain` of the whole transcript in one regex call, the turns separated by ``\x01``
    (each turn's words between single spaces, so that ``" words "`` matches inside a turn only)."""
    joined = " \x01 ".join(texts)
    if "\x01" in joined.replace(" \x01 ", ""):  # a turn holding the separator itself
        joined = " \x01 ".join(str(t).replace("\x01", " ") for t in texts)
    return " " + (_NOT_WORD_KEEP_SEP_ALL if beyond_bmp(joined) else _NOT_WORD_KEEP_SEP).sub(" ", joined.casefold()) + " "


def quote_participants(quotes, turns, participants, note_path, tpath, loader) -> list[str]:
    """The participant id each key quote of a note counts for (``""``: nobody), one per item of
    ``quotes`` (items with ``text`` and ``line``).

    A quote is the words of whoever said it: it is looked up in the transcript's turns
    (``turns``: the loader's columns ``speaker``, ``role``, ``participant``, ``text``; case,
    punctuation and an ellipsis's gap ignored). Found only in turns of a speaker who is no
    participant (an observer, the interviewer, a parent in the room), it counts for nobody
    and published outputs withhold it (consent unknown): a warning at the quote's line says
    whose turn it is. Found in one participant's turns, it is theirs (in a group interview,
    that speaker's own participant and consent). Not found, it is the note's participant's
    when the note names one (as the kit always read it), and nobody's in a group interview
    (``participants`` holds several ids), with a warning: the kit cannot tell whose it is. In an
    interview of one participant where nobody but the team and the participant speaks, every
    quote is the participant's without a look-up."""
    default = participants[0] if len(participants) == 1 else ""
    if not quotes or not participants:
        return [default] * len(quotes)
    if default and (turns is None or "" not in set(compress(turns["participant"], map(ne, turns["role"],
                                                                                         repeat("interviewer"))))):
        return [default] * len(quotes)  # only the team and the participant speak: every quote is theirs
    whole = _plain_transcript(turns["text"]) if turns is not None and len(turns["text"]) else ""
    said = None  # each turn's plain words, split out only when a quote is somewhere in the transcript
    out = []
    for item in quotes:
        parts = [p for p in map(_plain, _ELLIPSIS.split(str(item.text))) if p.strip()]
        hits = []
        if parts and all(p in whole for p in parts):
            said = whole.split("\x01") if said is None else said
            hits = [i for i, text in enumerate(said) if all(p in text for p in parts)]
        owners = {turns["participant"][i] for i in hits} - {""}
        if hits and len(owners) == 1:
            out.append(owners.pop())
        elif hits and default in owners:
            out.append(default)
        elif hits and not owners:
            i = hits[0]
            out.append("")
            role = "a third speaker" if turns["role"][i] in ("participant", "other") else turns["role"][i]
            loader.problem(note_path, item.line, f"this key quote is the words of {turns['speaker'][i]!r} "
                           f"({role}, turn {i + 1} of {os.path.basename(str(tpath))}), who is not a "
                           "participant of this interview: it counts for no participant and published outputs "
                           "withhold it; if they are one, map them in the note's `speakers:` to their participant id",
                           "warning")
        elif default and not hits:
            out.append(default)
        else:
            out.append("")
            where = "said by several participants" if hits else "not found in the transcript"
            loader.problem(note_path, item.line, f"this key quote is {where}, so the kit cannot tell whose words "
                           "it is in this group interview: it counts for no participant and published outputs "
                           "withhold it; quote it as the transcript has it, from one speaker's turn", "warning")
    return out
