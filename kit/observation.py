"""Observation versus interpretation in interview notes.

A note's **Insights** record what the participant said and did; what the team makes of it
(what people want or need, what the product should do) belongs in **Opportunities**. And a
**Key Quote** is the participant's own words, verbatim.

``interpretation_cues(text)`` finds the language of interpretation in an insight: "they
want", "needs", "should", "would like", "feels that", "probably", "clearly", "because they
think", "opportunity", "we could" and their close relatives. Words the participant said
(inside double quotes) are not judged.

``find_quote(quote, turns)`` looks for a key quote in the participant's turns of the
transcript: both are normalised (case, curly quotes, punctuation, spacing) and compared
with :class:`difflib.SequenceMatcher` over sliding windows of the turn's words, a little
shorter to a little longer than the quote (the windows are slid around the places where the
quote's words line up with the turn, so long transcripts stay fast). The closest window is reported with its turn,
the turn's start time and the similarity (0-1): ``verbatim`` at 1, ``close`` from
:data:`FOUND_AT` (0.8), ``not found`` below. An ellipsis or a bracketed insertion in a quote
(``...``, ``…``, ``[the client]``) splits it into fragments that are matched one by one.

``review_note`` does both for one note; ``insight_table`` and ``quote_table`` do them for a
whole study, one row per insight or quote.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import pandas as pd

from kit.schema import INSIGHT_COLUMNS, QUOTE_COLUMNS, make_segment_id

__all__ = [
    "FOUND_AT",
    "CUES",
    "interpretation_cues",
    "check_insights",
    "normalise",
    "find_quote",
    "check_quotes",
    "review_note",
    "insight_table",
    "quote_table",
]

FOUND_AT = 0.8
WINDOW_SLACK = 3  # windows from len(quote) - 3 to len(quote) + 3 words

_WHO = (r"(?:they|he|she|users?|customers?|clients?|owners?|people|participants?|everyone|"
        r"freelancers?|agencies|trades(?:people)?|teams?|we)")

CUES: list[tuple[str, re.Pattern]] = [
    ("they want", re.compile(rf"\b{_WHO}\s+(?:really\s+|clearly\s+|all\s+|just\s+|probably\s+|also\s+)?wants?\b", re.I)),
    ("needs", re.compile(rf"\bneeds\b|\bneeds? to\b|\b{_WHO}\s+(?:really\s+|clearly\s+|all\s+|just\s+)?need\b", re.I)),
    ("should", re.compile(r"\bshould(?:n't| not)?\b|\bought to\b", re.I)),
    ("would like", re.compile(r"\bwould (?:really |much )?(?:like|love|prefer|want|welcome|appreciate|"
                              r"benefit|value|pay|use|switch|buy)\b|\b(?:they|he|she|we)'d (?:like|love|prefer)\b", re.I)),
    ("feels that", re.compile(r"\b(?:feels?|felt|thinks?|believes?|assumes?|knows?) that\b", re.I)),
    ("probably", re.compile(r"\b(?:probably|likely|unlikely|presumably|perhaps|maybe|possibly|"
                            r"seems? to|appears? to|must be|must have|is bound to)\b", re.I)),
    ("clearly", re.compile(r"\b(?:clearly|obviously|surely|evidently|undoubtedly|of course)\b", re.I)),
    ("because they think", re.compile(rf"\bbecause {_WHO} (?:think|thinks|believe|believes|feel|feels|"
                                      r"want|wants|need|needs|don't trust|do not trust|prefer|prefers)\b", re.I)),
    ("opportunity", re.compile(r"\bopportunit(?:y|ies)\b", re.I)),
    ("we could", re.compile(r"\b(?:we|our (?:product|app|team|tool)|the (?:product|app|team|tool)) "
                            r"(?:could|should|must|might|need to|ought to)\b", re.I)),
    ("would help", re.compile(r"\bwould (?:help|solve|fix|save|reduce|increase|improve|make it easier)\b", re.I)),
    ("pain point", re.compile(r"\bpain ?points?\b", re.I)),
]
"""(cue, pattern): the language of interpretation, with the cue each pattern reports."""

_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")


def interpretation_cues(text: str) -> list[dict]:
    """The interpretation cues in ``text``: ``[{cue, match, start}]`` in text order.

    Words inside double quotes are the participant's and are skipped."""
    if not isinstance(text, str):
        return []
    masked = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    found = []
    for cue, pattern in CUES:
        for m in pattern.finditer(masked):
            found.append({"cue": cue, "match": text[m.start():m.end()], "start": m.start()})
    found.sort(key=lambda f: (f["start"], f["cue"]))
    out, taken = [], set()
    for f in found:  # one report per stretch of text
        if f["start"] in taken:
            continue
        taken.add(f["start"])
        out.append(f)
    return out


def _advice(cues: list[dict]) -> str:
    if not cues:
        return ""
    return ("interpretation (" + ", ".join(dict.fromkeys(c["match"] for c in cues)) + "): move it to "
            "Opportunities, or rewrite it as what the participant said or did")


def check_insights(note) -> list[dict]:
    """Each insight of a note (a :class:`kit.notes.Note` or a path) with its cues:
    ``[{segment, n, line, text, cues, interpretation, advice}]``."""
    note = _as_note(note)
    base = note.id or Path(note.path).stem
    rows = []
    for n, item in enumerate(note.sections.get("insights", []), start=1):
        cues = interpretation_cues(item.text)
        rows.append({"segment": make_segment_id(base, "insight", n), "n": n, "line": item.line, "text": item.text,
                     "cues": [c["cue"] for c in cues], "interpretation": bool(cues),
                     "advice": _advice(cues)})
    return rows


# --------------------------------------------------------------------------------------
# Quotes
# --------------------------------------------------------------------------------------
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                         "\u2013": " ", "\u2014": " ", "\u2212": " "})
_NOT_WORD = re.compile(r"[^\w']+")
_BREAKS = re.compile(r"\.{3,}|\u2026|\[[^\]]*\]")


def normalise(text: str) -> str:
    """Lower case, straight quotes, no punctuation, single spaces: the form compared."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).lower()
    words = [w.strip("'") for w in _NOT_WORD.sub(" ", text).split()]
    return " ".join(w for w in words if w)


def _best_window(fragment: str, turn_words: list[list[str]]) -> tuple[float, int, int, int]:
    """(ratio, turn index, first word, last word) of the closest window over the turns.

    A fragment found word for word is returned at once. Otherwise the windows tried in a
    turn start near where the fragment's longest runs of shared words line up with it
    (up to three anchors, each moved up to WINDOW_SLACK words either way), and are from
    WINDOW_SLACK words shorter to WINDOW_SLACK words longer than the fragment."""
    q = fragment.split()
    n = len(q)
    padded = f" {fragment} "
    for t, words in enumerate(turn_words):
        text = " " + " ".join(words) + " "
        at = text.find(padded)
        if at >= 0:
            first = text[:at].count(" ")
            return 1.0, t, first, first + n
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(fragment)
    best = (0.0, -1, 0, 0)
    for t, words in enumerate(turn_words):
        if not words:
            continue
        blocks = difflib.SequenceMatcher(None, words, q, autojunk=False).get_matching_blocks()[:-1]
        if not blocks:
            continue
        anchors = sorted(blocks, key=lambda b: -b.size)[:3]
        starts = {min(max(0, b.a - b.b + d), len(words) - 1) for b in anchors
                  for d in range(-WINDOW_SLACK, WINDOW_SLACK + 1)}
        for i in sorted(starts):
            for size in range(max(1, n - WINDOW_SLACK), n + WINDOW_SLACK + 1):
                if i + size > len(words):
                    break
                matcher.set_seq1(" ".join(words[i:i + size]))
                if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                    continue
                r = matcher.ratio()
                if r > best[0]:
                    best = (r, t, i, i + size)
    return best


def find_quote(quote: str, turns: pd.DataFrame, speakers=None, *, found_at: float = FOUND_AT) -> dict:
    """Find a key quote in the transcript's participant turns.

    ``turns`` has ``speaker, start, text`` (and ``role`` when it comes from a study);
    ``speakers`` limits the search to these labels (default: the turns whose ``role`` is
    participant, else every speaker but the inferred interviewer(s)). Returns ``{quote,
    found, status, similarity, turn, time, match}``: ``turn`` is 1-based in ``turns``,
    ``time`` the turn's start in seconds (None without times), ``match`` the closest
    stretch of the turn (normalised).
    """
    fragments = [normalise(f) for f in _BREAKS.split(str(quote))]
    fragments = [f for f in fragments if f]
    result = {"quote": quote, "found": False, "status": "not found", "similarity": 0.0,
              "turn": None, "time": None, "match": ""}
    if not fragments or turns is None or not len(turns):
        return result
    turns = turns.reset_index(drop=True)
    allowed = _participant_rows(turns, speakers)
    turn_words = [normalise(t).split() if k in allowed else [] for k, t in enumerate(turns["text"])]
    total = sum(len(f) for f in fragments)
    score, first = 0.0, None
    matches = []
    for f in fragments:
        r, t, i, j = _best_window(f, turn_words)
        score += r * len(f) / total
        if t >= 0:
            first = t if first is None else first
            matches.append(" ".join(turn_words[t][i:j]))
    if first is None:
        return result
    score = round(score, 3)
    start = turns["start"].iloc[first] if "start" in turns else None
    start = None if start is None or pd.isna(start) else float(start)
    status = "verbatim" if score >= 0.999 else ("close" if score >= found_at else "not found")
    result.update({"found": score >= found_at, "status": status, "similarity": score,
                   "turn": first + 1, "time": start, "match": " ... ".join(matches)})
    return result


def _participant_rows(turns: pd.DataFrame, speakers) -> set[int]:
    if speakers:
        wanted = {speakers} if isinstance(speakers, str) else set(speakers)
        return {k for k, s in enumerate(turns["speaker"]) if s in wanted}
    if "role" in turns.columns and (turns["role"] == "participant").any():
        return {k for k, r in enumerate(turns["role"]) if r == "participant"}
    from kit.review import infer_interviewers

    interviewers = set(infer_interviewers(turns)) if len(set(turns["speaker"])) > 1 else set()
    return {k for k, s in enumerate(turns["speaker"]) if s not in interviewers}


def check_quotes(note, turns: pd.DataFrame | None, speakers=None) -> list[dict]:
    """Each key quote of a note with its :func:`find_quote` result, plus ``segment``, ``n``,
    ``line`` and ``note_time`` (the time written in the note, seconds or None). Without a
    transcript, ``status`` is ``no transcript``."""
    note = _as_note(note)
    base = note.id or Path(note.path).stem
    rows = []
    for n, q in enumerate(note.sections.get("quotes", []), start=1):
        if turns is None or not len(turns):
            found = {"quote": q.text, "found": None, "status": "no transcript", "similarity": None,
                     "turn": None, "time": None, "match": ""}
        else:
            found = find_quote(q.text, turns, speakers)
        rows.append({"segment": make_segment_id(base, "quote", n), "n": n, "line": q.line,
                     "note_time": getattr(q, "time", None), **found})
    return rows


def review_note(note, transcript=None, speakers=None) -> dict:
    """Observation check of one note: ``{note, insights, quotes}``.

    ``note`` is a path or a :class:`kit.notes.Note`; ``transcript`` a path or a DataFrame of
    turns. With no transcript given, the note's ``transcript:`` (or ``transcripts/<id>.*``
    beside its folder) is used when it exists."""
    note = _as_note(note)
    turns = None
    if isinstance(transcript, pd.DataFrame):
        turns = transcript
    else:
        path = Path(transcript) if transcript else _transcript_of(note)
        if path is not None:
            from kit.transcripts import read_transcript

            turns = read_transcript(path)
    return {"note": note.id or Path(note.path).stem, "path": note.path,
            "insights": check_insights(note), "quotes": check_quotes(note, turns, speakers)}


def _transcript_of(note) -> Path | None:
    folder = Path(note.path).resolve().parent.parent / "transcripts"
    if note.transcript:
        candidate = folder / note.transcript
        return candidate if candidate.is_file() else None
    if note.id and folder.is_dir():
        for suffix in (".vtt", ".srt", ".txt"):
            candidate = folder / f"{note.id}{suffix}"
            if candidate.is_file():
                return candidate
    return None


def _as_note(note):
    from kit.notes import Note, parse_note

    return note if isinstance(note, Note) else parse_note(note)


# --------------------------------------------------------------------------------------
# A whole study
# --------------------------------------------------------------------------------------


def insight_table(study) -> pd.DataFrame:
    """One row per insight of the study, with its interpretation cues."""
    from kit.study import as_study

    study = as_study(study)
    rows = []
    for r in study.insights.itertuples(index=False):
        cues = interpretation_cues(r.text)
        rows.append({"segment_id": r.segment_id, "interview_id": r.interview_id, "line": r.line,
                     "text": r.text, "cues": ", ".join(dict.fromkeys(c["cue"] for c in cues)),
                     "interpretation": bool(cues), "advice": _advice(cues)})
    return pd.DataFrame(rows, columns=INSIGHT_COLUMNS)


def quote_table(study, mask_unconsented: bool = True) -> pd.DataFrame:
    """One row per key quote of the study, found (or not) in its interview's transcript.

    ``status`` is verbatim, close, not found, or no transcript. With ``mask_unconsented``
    the words of participants who did not consent to being quoted are replaced by
    "(not shared: no consent to quote)"; the check itself still runs."""
    from kit.study import as_study

    study = as_study(study)
    rows = []
    for r in study.quotes.itertuples(index=False):
        turns = study.turns[study.turns["interview_id"] == r.interview_id]
        if len(turns):
            found = find_quote(r.text, turns)
        else:
            found = {"status": "no transcript", "similarity": None, "turn": None, "time": None, "match": ""}
        text, match = r.text, found["match"]
        if mask_unconsented and not bool(getattr(r, "consent_quote", False)):
            text = match = "(not shared: no consent to quote)"
        note_time = None if r.time is None or pd.isna(r.time) else float(r.time)
        rows.append({"segment_id": r.segment_id, "interview_id": r.interview_id,
                     "participant": r.participant, "status": found["status"],
                     "similarity": found["similarity"], "note_time": note_time, "turn": found["turn"],
                     "time": found["time"], "text": text, "match": match})
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    frame["turn"] = frame["turn"].astype("Int64")
    for col in ("similarity", "note_time", "time"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce")
    return frame
