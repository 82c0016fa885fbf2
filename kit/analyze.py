"""`interview-kit analyze`: the study's tables, computed without any notebook."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from kit.collector import cyclic_gc_paused
from kit.languages import autocode  # each passage in its own language
from kit.outputs import WORKING, Outputs
from kit.schema import TURNS_COLUMNS
from kit.study import Study, as_study, free_cores
from kit.themes import study_themes

__all__ = [
    "PARALLEL_TEXTS",
    "TURNS_COLUMNS",
    "analyze",
    "public_speakers",
    "score_turns",
]



PARALLEL_TEXTS = 50_000  # below this many texts, worker processes cost more than they save


def score_turns(study: Study) -> pd.DataFrame:
    """The study's turns with a VADER compound score per turn (of the text as published:
    :func:`kit.sentiment.compound_published`)."""
    from kit.privacy import roster
    from kit.sentiment import compound_published

    turns = study.turns.copy()
    turns["compound"] = compound_published(turns["text"].tolist(), roster(study)) if len(turns) \
        else pd.Series(dtype=float)
    return turns


def _compound_chunk(texts):
    from kit.sentiment import compound

    return compound(texts)


def _autocode_chunk(segments, codebook):
    return autocode(segments, codebook)


def _score_and_code(texts: list, segments: pd.DataFrame, codebook) -> tuple[list, pd.DataFrame]:
    """VADER scores of ``texts`` and the auto-codes of ``segments``, the same as computing
    them one after the other, but spread over the machine's cores for large studies.

    In parallel each distinct text is scored once, the workers get only the columns that
    auto-coding reads (:data:`kit.analyze_memory.CODED_COLUMNS`), and chunks of
    :data:`kit.analyze_memory.CHUNK_ITEMS` are made and
    sent one at a time, at most one more than the workers in flight, so neither this process
    nor a worker ever holds a pickled copy of the whole study (issue 20: two workers at 20k
    transcripts were 1,031 MiB of PSS)."""
    from kit.analyze_memory import CHUNK_ITEMS, CODED_COLUMNS, in_flight
    from kit.sentiment import compound

    workers = free_cores(4)
    if len(texts) + len(segments) < PARALLEL_TEXTS or workers < 2:
        return compound(texts), autocode(segments, codebook)
    distinct = list(dict.fromkeys(texts))
    columns = [c for c in CODED_COLUMNS if c in segments.columns]
    jobs = [(_compound_chunk, distinct, i) for i in range(0, len(distinct), CHUNK_ITEMS)]
    jobs += [(_autocode_chunk, segments, i) for i in range(0, len(segments), CHUNK_ITEMS)]

    def chunk(job):  # made only when it is sent
        fn, items, i = job
        if fn is _compound_chunk:
            return (items[i:i + CHUNK_ITEMS],)
        return items.iloc[i:i + CHUNK_ITEMS][columns], codebook

    try:
        results = in_flight(jobs, chunk, workers)
    except (OSError, RuntimeError):  # no worker processes here: do it in this one
        return compound(texts), autocode(segments, codebook)
    n_scored = -(-len(distinct) // CHUNK_ITEMS)
    score = dict(zip(distinct, (x for part in results[:n_scored] for x in part)))
    coded = results[n_scored:]
    codes = pd.concat(coded, ignore_index=True) if coded else autocode(segments, codebook)
    return [score[t] for t in texts], codes


def public_speakers(turns: pd.DataFrame, include_names: bool = False) -> pd.Series:
    """Speaker labels fit for a shared output: a participant's label is replaced by their
    pseudonymous id (or `participant`) unless names are asked for."""
    if include_names:
        return turns["speaker"]
    pseudonym = turns["participant"].where(turns["participant"].astype(bool), "participant")
    pseudonym = pseudonym.where(turns["role"] != "other", "other speaker")  # a third speaker (kit.study_config)
    return turns["speaker"].where(~turns["role"].isin(("participant", "other")), pseudonym)


@cyclic_gc_paused()  # its passes over the study's and the tables' objects cost CPU (kit.collector)
def analyze(study, out_dir, include_names: bool = False, progress: bool = False,
            as_of=None) -> dict[str, Path]:
    """Write turns.csv, themes.csv, autocodes.csv and program.json to ``out_dir``; return
    their paths. These are working outputs (``kit.outputs``): participants' speaker labels
    become their ids and roster names, emails and phone numbers in any text are replaced
    unless ``include_names`` (which keeps names; contact details are replaced anyway). ``as_of`` dates the program figures (default: today); ``progress`` shows
    the steps on standard error when the study is large. A withdrawn participant's words are in
    no table (:mod:`kit.withdrawn_words`; standard error says ``withdrawn: N``)."""
    from kit.program import program_json
    from kit.sentiment import as_published, compound

    study = as_study(study)
    steps = _Steps(len(study.turns) > 20_000 and progress)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    steps.next("scoring sentiment and coding themes")
    from kit import languages

    from kit.withdrawn_words import withdrawn_note, without_withdrawn  # their words in no table (s15 F7)

    turns, segments = languages.annotate(study, without_withdrawn(study, study.turns),
                                         without_withdrawn(study, study.segments()))
    # Working outputs: pseudonymous unless include_names (kit.outputs applies the rules).
    writer = Outputs(out, study, WORKING, include_names=include_names)
    # A score reads the text as published: a roster name that is also a word (Grant, Joy) never
    # moves it (kit.sentiment.as_published; texts naming nobody are scored as they are).
    # A turn in several languages (``mul``) is read as its passages: coded in each passage's language,
    # scored on its English one (kit.language_mixed).
    from kit.language_mixed import coded_once, passage_segments, scored_view

    coded = passage_segments(study, segments)
    turn_texts, turn_languages = scored_view(study, turns["text"].tolist(), turns["language"].tolist())
    turn_scores, codes = _score_and_code(as_published(turn_texts, writer.people), coded, study.codebook)
    codes = coded_once(codes, coded is not segments)
    turns["compound"] = languages.where_valid(pd.Series(turn_scores, index=turns.index), turn_languages)
    public = turns.assign(speaker=public_speakers(turns, include_names))[TURNS_COLUMNS]
    # Participant turns are scored once, with the turns; only the notes' texts are new.
    known = dict(zip(turns["segment_id"].tolist(), turns["compound"].tolist()))
    ids = segments["segment_id"].tolist()
    todo = [i for i, sid in enumerate(ids) if sid not in known]
    texts, scored_languages = scored_view(study, segments["text"].tolist(), segments["language"].tolist())
    if todo:
        known.update(zip([ids[i] for i in todo], compound(as_published([texts[i] for i in todo], writer.people))))
    score = pd.Series([known[sid] for sid in ids], index=segments.index, dtype="float64")
    scores = pd.DataFrame({"segment_id": segments["segment_id"],
                           "compound": languages.where_valid(score, scored_languages)})
    # One count per theme, the same as the notebooks and the report (kit.themes.study_themes).
    table = languages.with_unscored(study_themes(study, auto=codes, scores=scores)["counts"], codes, scores)
    steps.next("writing tables")
    paths = {"turns": _table(writer, "turns.csv", public), "themes": _table(writer, "themes.csv", table),
             "autocodes": _table(writer, "autocodes.csv", codes)}
    paths["program"] = program_json(study, out, as_of=as_of, include_names=include_names)
    # languages.csv and coding_languages.csv through the same writer (code names may hold a name)
    coverage = languages.coding_coverage(study.codebook, coded)  # passages counted in their languages
    paths["languages"] = _table(writer, "languages.csv", languages.language_mix(study, turns))
    paths["coding_languages"] = _table(writer, "coding_languages.csv", coverage)
    for problem in languages.sentiment_problems(study, coded) + languages.coverage_problems(study.codebook, coverage):
        print(writer.problem(problem), file=sys.stderr)
    if note := withdrawn_note(study):
        print(f"interview-kit analyze: {note}", file=sys.stderr)
    steps.close()
    return paths


def _table(writer: Outputs, name: str, frame: pd.DataFrame) -> Path:
    """Write ``frame`` as ``writer.table`` does (the same cleaning, the same bytes), with
    the csv module, and every text cell a spreadsheet would run as a formula (starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) neutralised with a leading
    apostrophe (:func:`kit.safety.neutralise_cell`, the rule of the published tables): a
    working table is opened in a spreadsheet too."""
    from kit.csvio import write_csv_frame

    return writer.written_path(write_csv_frame(writer.path(name), writer.frame(frame), neutralise=True))


class _Steps:
    """A progress bar over the steps of a long analysis (silent for small studies)."""

    def __init__(self, show: bool, total: int = 2):
        self.bar = None
        if show:
            import sys

            from tqdm.auto import tqdm

            self.bar = tqdm(total=total, desc="analyze", unit="step", file=sys.stderr, leave=False)
        self.started = False

    def next(self, what: str) -> None:
        if self.bar is not None:
            if self.started:
                self.bar.update(1)
            self.started = True
            self.bar.set_postfix_str(what)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.update(1)
            self.bar.close()
