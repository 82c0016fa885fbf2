"""The customer journey: each participant turn and insight placed on a stage of study.yml's
``stages``, sentiment per stage and the pain points of each stage.

A segment's stage comes from the first of these that gives one, and ``source`` says which:

1. ``code``: the codes applied to it (manual codings of every coder and the auto-coder's
   codes from ``kit.coding.autocode``) whose codebook entry has a ``stage`` (a code without
   one takes its nearest ancestor's). When its codes point to several stages, the stage
   most of them name wins; a tie goes to the interview's note stage if it is among them,
   else to the earliest stage of the journey;
2. ``note``: the note's front matter ``stage`` for the interview;
3. ``keyword``: stage keywords found in the text (on word stems, as the auto-coder matches
   keywords): study.yml ``stage_keywords: {stage: [word, ...]}``, else the words of the
   stage's own name. Most hits win; ties go to the earlier stage. The kit carries no
   vocabulary of its own: a study's stages and their words are the study's.

Segments none of these place have ``stage`` empty and ``source`` "none". A study that
defines no stages (none in study.yml, none named by a code or a note) places nothing:
:func:`journey_stages` is empty and :data:`NO_STAGES` says what to add.
"""
from __future__ import annotations

import re
import warnings

import pandas as pd

from kit.coding import stem, tokens
from kit.schema import NO_CONSENT, STAGE_COLUMNS
from kit.sentiment import POSITIVE_THRESHOLD
from kit.study import as_study

__all__ = [
    "NO_STAGES",
    "STAGE_COLUMNS",
    "applied_codes",
    "code_stages",
    "journey_stages",
    "map_stages",
    "pain_points",
    "stage_by",
    "stage_counts",
    "stage_heatmap",
    "stage_keywords",
    "stage_sentiment",
]

#: What a study without journey stages is told (no stages in study.yml, and no code or note names one).
NO_STAGES = ("No journey stages are defined: add `stages:` (in journey order) and, for passages no "
             "code or note places, `stage_keywords:` to study.yml.")

_SPLIT = re.compile(r"[-_\s/]+")


def journey_stages(study) -> list[str]:
    """The journey's stages in order: study.yml ``stages``; without them, the stages named
    by codes and notes, in the order first met; empty when the study names none
    (:data:`NO_STAGES`)."""
    study = as_study(study)
    if study.stages:
        return list(study.stages)
    found = [c.stage for c in study.codebook if c.stage]
    found += [s for s in study.interviews.get("stage", pd.Series(dtype=str)).fillna("") if s]
    return list(dict.fromkeys(found))


def stage_keywords(study, stages=None) -> dict[str, list[str]]:
    """Keywords per stage: study.yml ``stage_keywords`` where given, else the words of the
    stage's own name ("data-export": data, export)."""
    study = as_study(study)
    stages = journey_stages(study) if stages is None else list(stages)
    custom = study.config.get("stage_keywords") or {}
    if not isinstance(custom, dict):
        warnings.warn("study.yml stage_keywords must map each stage to a list of words; "
                      "using each stage's own name", stacklevel=2)
        custom = {}
    out = {}
    for stage in stages:
        words = custom.get(stage)
        if isinstance(words, str):
            words = [words]
        if isinstance(words, list) and all(isinstance(w, (str, int, float)) for w in words):
            out[stage] = [str(w) for w in words]
        else:
            if words is not None:
                warnings.warn(f"study.yml stage_keywords: {stage!r} must be a list of words; "
                              "using the stage's own name", stacklevel=2)
            out[stage] = [w for w in _SPLIT.split(str(stage).strip().lower()) if w]
    return out


def code_stages(codebook) -> dict[str, str]:
    """The stage of each code that has one, its own or its nearest ancestor's."""
    parents = {c.name: c.parent for c in codebook}
    own = {c.name: c.stage for c in codebook if c.stage}
    out = {}
    for name in parents:
        seen, node = set(), name
        while node and node not in seen:
            if node in own:
                out[name] = own[node]
                break
            seen.add(node)
            node = parents.get(node)
    return out


def applied_codes(study, segments: pd.DataFrame | None = None, auto: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every code applied to a segment, by a coder or by the auto-coder: one row per
    (segment_id, code) with ``source`` "manual", "auto" or "both". ``auto`` is
    ``kit.languages.study_autocode(study, segments)`` (each passage in its own language), computed
    when omitted."""
    from kit.languages import study_autocode

    study = as_study(study)
    segments = study.segments() if segments is None else segments
    if auto is None:
        auto = study_autocode(study, segments)
    manual = study.codings.rename(columns={"segment": "segment_id"})[["segment_id", "code"]]
    manual = manual.drop_duplicates().assign(source="manual")
    machine = auto[["segment_id", "code"]].drop_duplicates().assign(source="auto")
    both = pd.concat([manual, machine], ignore_index=True)
    if not len(both):
        return pd.DataFrame(columns=["segment_id", "code", "source"])
    both = both[both["segment_id"].isin(set(segments["segment_id"]))]
    merged = both.groupby(["segment_id", "code"], sort=False)["source"].agg(
        lambda s: "both" if len(set(s)) > 1 else s.iloc[0]).reset_index()
    return merged


def _keyword_index(keywords: dict[str, list[str]]):
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for stage, words in keywords.items():
        for word in words:
            key = tuple(stem(t) for t in tokens(word))
            if key:
                index.setdefault(key[0], []).append((key, stage, word))
    return index


def _keyword_stage(text, index, order):
    stems = [stem(t) for t in tokens(text)]
    hits: dict[str, list[str]] = {}
    for i, s in enumerate(stems):
        for key, stage, word in index.get(s, ()):
            if tuple(stems[i:i + len(key)]) == key:
                hits.setdefault(stage, []).append(word)
    if not hits:
        return None, ""
    best = max(hits, key=lambda st: (len(hits[st]), -order.get(st, len(order))))
    return best, ", ".join(dict.fromkeys(hits[best]))


def map_stages(study, kinds=("turn", "insight"), codes: pd.DataFrame | None = None,
               auto: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per segment of ``kinds`` (default participant turns and insights): its
    ``stage``, the ``source`` of it ("code", "note", "keyword" or "none") and the
    ``evidence`` (the codes or the keywords that placed it, or the note's stage).

    ``codes`` is :func:`applied_codes` (computed when omitted; ``auto`` is passed on to it)."""
    study = as_study(study)
    stages = journey_stages(study)
    order = {s: i for i, s in enumerate(stages)}
    segments = study.segments()
    if codes is None:
        codes = applied_codes(study, segments, auto=auto)
    chosen = segments[segments["kind"].isin(list(kinds))]
    # a third speaker's turn or quote is no participant's (kit.speaker_words; newcomer s13 F3's kind)
    from kit.schema import named_interviews
    from kit.speaker_words import own_words

    said = chosen["kind"].isin(("turn", "quote")).to_numpy()
    chosen = chosen[~said | own_words(chosen, named_interviews(study.interviews))].reset_index(drop=True)
    stage_of_code = {c: s for c, s in code_stages(study.codebook).items() if not stages or s in order}
    staged = codes[codes["code"].isin(set(stage_of_code))]
    codes_of = staged.groupby("segment_id")["code"].agg(list).to_dict() if len(staged) else {}
    note_stage = {}
    if "stage" in study.interviews:
        for iid, st in zip(study.interviews["interview_id"], study.interviews["stage"].fillna("")):
            if st and (not stages or st in order):
                note_stage[iid] = st
    index = _keyword_index(stage_keywords(study, stages))
    rows = []
    for seg in chosen.itertuples(index=False):
        applied = codes_of.get(seg.segment_id)
        note = note_stage.get(seg.interview_id)
        if applied:
            votes: dict[str, list[str]] = {}
            for code in applied:
                votes.setdefault(stage_of_code[code], []).append(code)
            top = max(len(v) for v in votes.values())
            tied = [s for s, v in votes.items() if len(v) == top]
            stage = note if note in tied else min(tied, key=lambda s: order.get(s, len(order)))
            rows.append((stage, "code", ", ".join(sorted(votes[stage]))))
        elif note:
            rows.append((note, "note", f"stage: {note}"))
        else:
            stage, words = _keyword_stage(seg.text, index, order)
            rows.append((stage, "keyword", words) if stage else ("", "none", ""))
    frame = chosen[["segment_id", "interview_id", "participant", "kind"]].copy()
    frame["participant"] = frame["participant"].fillna("").astype(str)
    frame["stage"] = [r[0] for r in rows]
    frame["source"] = [r[1] for r in rows]
    frame["evidence"] = [r[2] for r in rows]
    return frame[STAGE_COLUMNS]


def stage_counts(mapped: pd.DataFrame, stages=None) -> pd.DataFrame:
    """Segments per stage (rows, in journey order, then "(none)" for the unplaced) and per
    source (columns code, note, keyword, none, those that occur)."""
    order = list(stages) if stages is not None else sorted(set(mapped["stage"]) - {""})
    stage = mapped["stage"].replace("", "(none)")
    table = pd.crosstab(stage, mapped["source"])
    rows = order + (["(none)"] if "(none)" in set(stage) else [])
    columns = [c for c in ("code", "note", "keyword", "none") if c in table.columns]
    table = table.reindex(index=rows, columns=columns, fill_value=0).astype("int64")
    table.index.name, table.columns.name = "stage", "source"
    table["segments"] = table.sum(axis=1)
    return table


def _with_scores(mapped: pd.DataFrame, scored: pd.DataFrame) -> pd.DataFrame:
    extra = [c for c in scored.columns if c not in mapped.columns or c == "segment_id"]
    return mapped.merge(scored[extra].drop_duplicates("segment_id"), on="segment_id", how="inner")


def stage_sentiment(mapped: pd.DataFrame, scored: pd.DataFrame, stages=None, **kw) -> pd.DataFrame:
    """``kit.feelings.summarize`` per stage, in journey order (``stages``), of the mapped
    segments that have a score in ``scored`` (``kit.feelings.score``)."""
    from kit.feelings import summarize

    frame = _with_scores(mapped[mapped["stage"] != ""], scored)
    table = summarize(frame, by="stage", **kw)
    order = list(stages) if stages is not None else sorted(set(table["stage"]))
    table = table.set_index("stage").reindex(order)
    table["n"] = table["n"].fillna(0)
    ints = [c for c in table.columns if c == "n" or c.startswith(("n_", "strong_"))]
    table[ints] = table[ints].fillna(0).astype("int64")
    return table.reset_index()


def stage_heatmap(mapped: pd.DataFrame, scored: pd.DataFrame, stages=None,
                  threshold: float = POSITIVE_THRESHOLD) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Heatmap data: ``(shares, counts)``, two stage x label tables (rows: ``stages`` in
    journey order; columns negative, neutral, positive). ``shares`` are each stage's
    share of segments with that label; ``counts`` the segments."""
    from kit.feelings import LABELS, _labels

    frame = _with_scores(mapped[mapped["stage"] != ""], scored)
    frame = frame[frame["compound"].notna()]
    labels = _labels(frame["compound"].astype(float).to_numpy(), threshold)
    order = list(stages) if stages is not None else sorted(set(frame["stage"]))
    counts = pd.crosstab(pd.Categorical(frame["stage"], categories=order),
                         pd.Categorical(labels, categories=list(LABELS)), dropna=False)
    counts = counts.reindex(index=order, columns=list(LABELS), fill_value=0).astype("int64")
    counts.index.name, counts.columns.name = "stage", "label"
    total = counts.sum(axis=1)
    shares = counts.div(total.where(total > 0), axis=0)
    return shares, counts


def stage_by(mapped: pd.DataFrame, scored: pd.DataFrame, column: str, stages=None,
             value: str = "mean_compound") -> pd.DataFrame:
    """Stage x ``column`` (e.g. the participant segment) table of a :func:`summarize`
    column (default the mean compound)."""
    from kit.feelings import summarize

    frame = _with_scores(mapped[mapped["stage"] != ""], scored)
    if column not in frame.columns:
        raise ValueError(f"the scored table has no column {column!r}")
    table = summarize(frame, by=["stage", column]).pivot(index="stage", columns=column, values=value)
    order = list(stages) if stages is not None else sorted(table.index)
    return table.reindex(order)


def pain_points(mapped: pd.DataFrame, scored: pd.DataFrame, consenting, per_stage: int = 3,
                stages=None, threshold: float = POSITIVE_THRESHOLD) -> pd.DataFrame:
    """The most negative segments of each stage (compound <= -``threshold``), up to
    ``per_stage`` per stage, most negative first.

    A participant's own words (turns, quotes) are shown only if they consented to being
    quoted (``consenting``: ``Study.consenting()``); otherwise ``text`` says so and
    ``quotable`` is False. Insights are the team's words and are always shown."""
    consenting = set(consenting)
    frame = _with_scores(mapped[mapped["stage"] != ""], scored)
    frame = frame[frame["compound"] <= -threshold]
    order = list(stages) if stages is not None else sorted(set(frame["stage"]))
    rank = {s: i for i, s in enumerate(order)}
    frame = frame[frame["stage"].isin(rank)].assign(_stage=lambda f: f["stage"].map(rank))
    frame = frame.sort_values(["_stage", "compound", "segment_id"]).groupby("stage", sort=False).head(per_stage)
    own_words = frame["kind"].isin(["turn", "quote"])
    quotable = ~own_words | frame["participant"].isin(consenting)
    text = frame["text"].where(quotable, NO_CONSENT)
    out = frame.assign(text=text, quotable=quotable)
    return out[["stage", "segment_id", "participant", "kind", "compound", "source", "text",
                "quotable"]].reset_index(drop=True)
