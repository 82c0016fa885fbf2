"""Which natural language each passage of a study is in, and what the kit can do with it.

Not to be confused with :mod:`kit.language` (the *customer's* language: their words and
phrases). This module answers "is this turn English, Spanish, German ...?" and keeps the
English-only methods honest:

* :func:`detect` -- ISO 639-1 code and probability of each text, offline, with
  ``py3langid`` (the langid.py naive Bayes model, Lui & Baldwin 2012, shipped inside the
  package). Chosen over ``lingua-language-detector`` and ``langdetect`` by measured accuracy
  on short interview turns and speed: see ``benchmarks/language_detection.py``.
* :func:`passage_languages` -- a ``language`` per turn of a study: a declared language
  (note front matter ``language:``, then the ``language`` column of participants.csv) is
  the participant's default; other speakers' turns are detected together (two halves, which
  must agree with probability >= :data:`CONFIDENT`), only where that is in doubt turn by
  turn (a turn of fewer than :data:`SHORT_TURN` words then takes its speaker's nearest sure
  turn's language); and every turn is judged alone (:func:`kit.language_passages.judge`),
  so that one clearly in another language, outside the candidates (``tl``), in none the kit
  can name (``und``) or in several (``mul``) is marked so. Detection is batched (:func:`detect`).
* :func:`annotate` -- adds ``language`` to the turns and segments tables.
* :func:`where_valid` -- VADER compound only for :data:`SENTIMENT_LANGUAGES` (English);
  other passages get NaN, never 0. :func:`sentiment_problems` -- one warning per interview.
* :func:`autocode` -- the codebook's keywords matched in each passage's own language, on
  the stems of that language's Snowball stemmer (``nltk.stem.SnowballStemmer``; Porter 2001).
  :func:`coding_coverage` -- which codes could not be applied to which language.
* :func:`unsupported_question` -- the guide linter's verdict for a question in a language its
  rules do not cover ("language not supported").
* :func:`language_mix` -- passages per language and participant segment (``check``, report).
* :func:`by_language` -- split a segments table by language, for theme discovery and search,
  so that no theme or search result mixes languages by accident.

Language codes are ISO 639-1 (``en``, ``es``, ``de``, ``tl``); ``und`` marks a passage with no
letters or in a language the kit cannot name, ``mul`` one in several (ISO 639-2); both are
kept out of sentiment and keyword coding like any language other than English.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd

from kit.errors import Problem
from kit.language_coding import (  # noqa: F401 - kit.languages' API (moved out in session 18)
    NEGATIONS,
    _coder,
    _keywords,
    _stemmer,
    autocode,
    coding_coverage,
    coverage_problems,
    keywords_by_language,
    stem,
    study_autocode,
)
from kit.language_scores import unscored_counts, with_unscored  # noqa: F401 - kit.languages' API
from kit.object_memo import ObjectMemo

__all__ = [
    "CONFIDENT",
    "DEFAULT_CANDIDATES",
    "LINT_LANGUAGES",
    "SENTIMENT_LANGUAGES",
    "STEMMER_NAMES",
    "SURE",
    "UNDETERMINED",
    "annotate",
    "autocode",
    "by_language",
    "study_autocode",
    "candidates",
    "check_languages",
    "coding_coverage",
    "coverage_problems",
    "declared_languages",
    "detect",
    "detect_one",
    "keywords_by_language",
    "language_mix",
    "language_name",
    "mix_problems",
    "passage_languages",
    "LANGUAGE_COVERAGE_COLUMNS",
    "LANGUAGE_MIX_COLUMNS",
    "language_tables",
    "segment_languages",
    "sentiment_problems",
    "stem",
    "study_compound",
    "summary_unscored",
    "unscored_counts",
    "unsupported_question",
    "where_valid",
    "with_unscored",
]

#: Languages the detector chooses among unless study.yml lists its own (``languages: [en, es]``).
#: Fewer candidates make short turns more accurate; every one has a Snowball stemmer.
DEFAULT_CANDIDATES = ("en", "es", "de", "fr", "it", "pt", "nl")
#: Probability (py3langid, normalised over the candidates) at or above which an interview
#: speaker's language is taken for all of their turns.
CONFIDENT = 0.99
#: Probability below which a text alone is too short, or has too few distinctive words, to
#: be sure of its language: it keeps its interview's language (:func:`passage_languages`,
#: :func:`annotate`). Measured on short sentences (<= 8 words) of the anthropic-interviewer
#: corpus's English answers: the highest wrong guess was 0.77 ("None." as Italian).
SURE = 0.9
#: Languages with a validated sentiment scorer: VADER (Hutto & Gilbert 2014) is English.
SENTIMENT_LANGUAGES = frozenset({"en"})
#: Languages the guide linter's rules (kit.guide) are written for.
LINT_LANGUAGES = frozenset({"en"})
#: A question is judged "not supported" only when detected this surely as another language.
LINT_CONFIDENT = 0.9
UNDETERMINED = "und"
#: In a speaker's turns judged one by one, a turn with fewer words than this takes the
#: language of their nearest longer turn (short turns are where detectors err).
SHORT_TURN = 4
#: ISO 639-1 -> the name of NLTK's Snowball stemmer.
STEMMER_NAMES = {
    "ar": "arabic", "da": "danish", "nl": "dutch", "en": "english", "fi": "finnish", "fr": "french",
    "de": "german", "hu": "hungarian", "it": "italian", "no": "norwegian", "nb": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "es": "spanish", "sv": "swedish",
}
_NAMES = {"en": "English", "es": "Spanish", "de": "German", "fr": "French", "it": "Italian",
          "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
          "nb": "Norwegian", "fi": "Finnish", "pl": "Polish", "ru": "Russian", "ar": "Arabic",
          "hu": "Hungarian", "ro": "Romanian", "tr": "Turkish", "ja": "Japanese", "zh": "Chinese",
          UNDETERMINED: "undetermined"}
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W_]+")
_CLAUSE = re.compile(r"[.!?;:,()\u2013\u2014\"“”¿¡]")
_HALF_CHARS = 160  # characters of each half an interview speaker's language is judged on


def language_name(code: str) -> str:
    """``"Spanish (es)"`` for ``"es"``; ``"Tagalog (tl)"``, ``"a language the kit cannot
    name (und)"``, ``"several languages (mul)"``."""
    if code in _NAMES and code != UNDETERMINED:
        return f"{_NAMES[code]} ({code})"
    from kit.language_passages import language_label

    return f"{language_label(code)} ({code})"


# --------------------------------------------------------------------------- detection

@lru_cache(maxsize=1)
def _whole_identifier():
    """py3langid's identifier over all its languages, read once per process."""
    from kit.langid_model import load_identifier  # the model without decompressing it each time

    return load_identifier(norm_probs=True)


@lru_cache(maxsize=8)
def _identifier(languages: tuple[str, ...]):
    import copy

    # set_languages replaces the copy's arrays by slices of the shared whole model
    identifier = copy.copy(_whole_identifier())
    identifier.set_languages(list(languages))
    return identifier


def candidates(study=None) -> tuple[str, ...]:
    """The languages to choose among: study.yml ``languages`` when given, else
    :data:`DEFAULT_CANDIDATES`. Unknown codes are left out (``check`` reports them)."""
    wanted = (getattr(study, "config", None) or {}).get("languages") if study is not None else None
    if isinstance(wanted, str):
        wanted = [wanted]
    if not isinstance(wanted, list) or not wanted:
        return DEFAULT_CANDIDATES
    known = set(_known_codes())
    chosen = tuple(dict.fromkeys(str(w).strip().lower() for w in wanted if str(w).strip().lower() in known))
    return chosen or DEFAULT_CANDIDATES


@lru_cache(maxsize=1)
def _known_codes() -> tuple[str, ...]:
    return tuple(dict.fromkeys(_whole_identifier()._full_model[2]))


_cache: dict[tuple[str, ...], dict[str, tuple[str, float]]] = {}  # per candidate languages, per text
_CACHED_TEXTS = 200_000  # a language set's cache is emptied beyond this many texts


def detect_one(text: str, languages=DEFAULT_CANDIDATES) -> tuple[str, float]:
    """(ISO 639-1 code, probability in [0, 1]) of one text among ``languages``;
    (``"und"``, 0.0) for a text without letters. Cached per text."""
    text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    languages = tuple(languages)
    cache = _cache.setdefault(languages, {})
    got = cache.get(text)
    if got is None:
        if not _LETTER.search(text):
            got = (UNDETERMINED, 0.0)
        else:
            code, prob = _identifier(languages).classify(text)
            got = (str(code), float(prob))
        if len(cache) > _CACHED_TEXTS:
            cache.clear()
        cache[text] = got
    return got


@lru_cache(maxsize=8)
def _tables(languages: tuple[str, ...]):
    """The automaton (:func:`_automaton`, shared by every language set), the naive Bayes
    table of ``languages`` (one row per feature, one column per language, as
    ``set_languages`` slices the whole model's) and their priors, as numpy arrays, with the
    labels of the columns. A few candidates' table is converted to float32 once; the whole
    model's (142 columns of float16) is used as it is, only the rows of the features a batch
    has being converted (:func:`_classify_many`): the same values, without converting and
    copying the 57 MB table in a process that asks it of a few doubtful passages."""
    import numpy as np

    nb_ptc, nb_pc, nb_classes = _whole_identifier()._full_model
    wanted = set(languages)
    unknown = wanted - set(nb_classes)
    if unknown:
        raise ValueError(f"Unknown language code(s): {unknown}")
    columns = [i for i, c in enumerate(nb_classes) if c in wanted]
    ptc = nb_ptc if len(columns) == len(nb_classes) else nb_ptc[:, columns]
    if len(columns) <= 16:
        ptc = np.asarray(ptc, dtype=np.float32)
    labels = [str(nb_classes[i]) for i in columns]
    return (*_automaton(), ptc, np.asarray(nb_pc[columns], dtype=np.float32), labels)


@lru_cache(maxsize=1)
def _automaton():
    """py3langid's byte automaton as numpy arrays, converted once for every language set
    (its states, transitions and features do not depend on the candidates)."""
    from kit.langid_model import automaton

    return automaton(_whole_identifier())


def _classify_many(texts: list[str], languages: tuple[str, ...]) -> list[tuple[str, float]]:
    """py3langid's ``classify`` (normalised probabilities) of many texts at once among
    ``languages`` (:func:`kit.langid_model.classify_many`)."""
    from kit.langid_model import classify_many

    return classify_many(texts, _tables(languages))


#: Characters of a text that language detection reads (a longer turn is judged on its start).
DETECT_CHARS = 2000


def detect(texts, languages=DEFAULT_CANDIDATES) -> pd.DataFrame:
    """Columns ``language`` (ISO 639-1, ``und`` without letters) and ``probability``, one row
    per text, in order; the same as :func:`detect_one` for each (on the first
    :data:`DETECT_CHARS` characters), computed together."""
    return pd.DataFrame(list(zip(*detected(texts, languages))), columns=["language", "probability"])


def detected(texts, languages=DEFAULT_CANDIDATES) -> tuple[list[str], list[float]]:
    """:func:`detect`'s two columns as lists (the language codes, the probabilities)."""
    languages = tuple(languages)
    # The first DETECT_CHARS characters decide: more adds nothing to the naive Bayes sum's
    # verdict but costs memory in proportion to the longest text of a batch.
    texts = texts if isinstance(texts, list) else list(texts)
    if not all(map(str.__instancecheck__, texts)) or max(map(len, texts), default=0) > DETECT_CHARS:
        texts = [t[:DETECT_CHARS] if type(t) is str else
                 "" if t is None or (isinstance(t, float) and math.isnan(t)) else str(t)[:DETECT_CHARS] for t in texts]
    cache = _cache.setdefault(languages, {})
    todo = []
    for t in [t for t in dict.fromkeys(texts) if t not in cache]:  # each distinct text not known yet
        if _LETTER.search(t):
            todo.append(t)
        else:
            cache[t] = (UNDETERMINED, 0.0)
    for start in range(0, len(todo), 5000):
        chunk = todo[start:start + 5000]
        cache.update(zip(chunk, _classify_many(chunk, languages)))
    if not texts:
        return [], []
    codes, probs = map(list, zip(*map(cache.__getitem__, texts)))
    if len(cache) > _CACHED_TEXTS:
        cache.clear()
    return codes, probs


# --------------------------------------------------------------------------- a study's passages

def declared_languages(study) -> dict[str, str]:
    """{interview_id: language} declared by the study: the note's ``language`` front matter
    (column ``declared_language`` of the interviews table), else the participant's
    ``language`` in participants.csv. Interviews without a declaration are absent."""
    interviews = study.interviews
    out: dict[str, str] = {}
    for column in ("language", "declared_language"):  # the later, more specific one wins
        if column in interviews.columns:
            for iid, value in zip(interviews["interview_id"].tolist(), interviews[column].tolist()):
                if isinstance(value, str) and value.strip():
                    out[iid] = value.strip().lower()
    return out


def _sample(texts: list[str]) -> str:
    """About :data:`_HALF_CHARS` characters drawn from every one of ``texts`` (the start of
    each), so that a switch of language anywhere in them weighs on the result."""
    k = max(24, _HALF_CHARS // len(texts))
    # the first _HALF_CHARS + k characters of the texts' starts joined: only as many texts as
    # reach that far are joined (a speaker's half may hold hundreds of turns)
    want, got, parts = _HALF_CHARS + k, -1, []
    for t in texts:
        parts.append(t[:k])
        got += len(parts[-1]) + 1
        if got >= want:
            break
    return " ".join(parts)[:want]


def passage_languages(study, turns: pd.DataFrame | None = None) -> pd.DataFrame:
    """``language`` and ``language_source`` (``declared``: the participant's declared
    language, ``speaker``: all of an interview speaker's turns judged together, ``turn``:
    judged alone, because the speaker's language was in doubt or the turn is clearly in
    another) for every row of ``turns`` (default ``study.turns``; needs interview_id, role
    and text), with its index.

    A declared language (:func:`declared_languages`) is the *participant's* default: other
    speakers (the interviewer) are detected, and a participant's turn that is clearly in
    another language (:func:`kit.language_passages.judge`: sure with probability >=
    :data:`CONFIDENT`, a named language outside the candidates, or ``mul``) takes it. A
    detected speaker's turn takes its own language on the same terms, or ``und`` when it is
    in a language the kit cannot name. A turn nothing can be said of takes the speaker's
    nearest sure turn, else the interview's main language, else the study's, else ``und``."""
    from kit.language_passages import judged, named

    turns = study.turns if turns is None else turns
    languages = candidates(study)
    declared = declared_languages(study)
    lang = pd.Series(UNDETERMINED, index=turns.index, dtype=object)
    source = pd.Series("", index=turns.index, dtype=object)
    if not len(turns):
        return pd.DataFrame({"language": lang, "language_source": source})
    iids = turns["interview_id"].tolist()
    keys = list(zip(iids, turns["role"].tolist()))
    texts = turns["text"].tolist()
    if not all(map(str.__instancecheck__, texts)):  # in C: a column is long
        texts = turns["text"].fillna("").astype(str).tolist()
    alone = judged(texts, languages)  # every turn judged alone, in one batch
    v_lang, v_prob, verdict = map(list, zip(*alone))
    groups: dict[tuple, list[int]] = {}
    for pos, key in enumerate(keys):
        got = groups.get(key)
        if got is None:
            groups[key] = [pos]
        else:
            got.append(pos)
    out_lang = [UNDETERMINED] * len(turns)
    out_src = [""] * len(turns)
    judged = []  # (positions, texts) of the speakers whose language is detected
    for (iid, role), positions in groups.items():
        if iid in declared and role == "participant":
            for p in positions:
                out_lang[p], out_src[p] = declared[iid], "declared"
        else:
            judged.append((positions, [texts[p] for p in positions]))
    # Two samples per speaker, one from each half of their turns, all detected together.
    samples = []
    for positions, said in judged:
        mid = len(said) // 2
        samples += [_sample(said[:mid]) if mid else "", _sample(said[mid:])]
    codes, probs = detected(samples, languages)
    doubt = []
    for k, (positions, said) in enumerate(judged):
        a, b = codes[2 * k], codes[2 * k + 1]
        if len(said) >= 2 and a == b and a != UNDETERMINED and min(probs[2 * k], probs[2 * k + 1]) >= CONFIDENT:
            for p in positions:
                out_lang[p], out_src[p] = a, "speaker"
        else:
            doubt.append(positions)
    # A turn clearly in another language than its speaker's (or the declaration) is that.
    for p, (given, src) in enumerate(zip(out_lang, out_src)):
        if src and v_lang[p] != given and (
                (verdict[p] == "sure" and v_prob[p] >= CONFIDENT) or verdict[p] == "mixed"
                or (verdict[p] == "foreign" and (src == "speaker" or named(v_lang[p])))):
            out_lang[p], out_src[p] = v_lang[p], "turn"
    # Only where the speaker is in doubt, each turn alone. A turn nothing sure can be said of
    # ("Yeah.", "Genau.") takes the language of the speaker's nearest sure turn before it
    # (after it, for the first), else the interview's or the study's language, else und.
    unsure = []
    for positions in doubt:
        ok = [verdict[p] in ("sure", "foreign", "mixed") for p in positions]
        after = next((v_lang[p] for p, good in zip(positions, ok) if good and named(v_lang[p])), None)
        last = None
        for p, good in zip(positions, ok):
            out_src[p] = "turn"
            if good:
                out_lang[p] = v_lang[p]
                last = v_lang[p] if named(v_lang[p]) else last
            elif last or after:
                out_lang[p] = last or after
            else:
                unsure.append(p)  # nothing this speaker said is sure: the interview's language
    if unsure:  # (the interviews' main languages are asked for nothing else)
        main = _main_languages(study, iids, out_lang, set(unsure))
        for p in unsure:
            out_lang[p] = main.get(keys[p][0], UNDETERMINED)
    return pd.DataFrame({"language": pd.Series(out_lang, index=turns.index, dtype=object),
                         "language_source": pd.Series(out_src, index=turns.index, dtype=object)})


def _main_languages(study, interview_ids, codes, skip=frozenset()) -> dict[str, str]:
    """{interview_id: its main language}: the most common named language of its passages
    (other than the positions in ``skip``, not surely detected; never ``und`` or ``mul``),
    else the study's declared language (the first of study.yml ``languages``) or, when it
    declares none, the most common named language of all the study's passages counted."""
    from collections import Counter
    from itertools import compress
    from operator import itemgetter

    from kit.language_passages import MIXED

    pairs = zip(interview_ids, codes)
    if skip:
        pairs = compress(pairs, [pos not in skip for pos in range(len(codes))])
    # each (interview, language) counted in C; a language's place among an interview's is its
    # first passage's, as Counter.most_common breaks ties by it (and max keeps the first of equals)
    counts: dict[str, dict] = {}
    for (iid, code), n in Counter(pairs).items():
        if code not in (UNDETERMINED, MIXED):
            c = counts.get(iid)
            if c is None:
                counts[iid] = {code: n}
            else:
                c[code] = n
    declared = (getattr(study, "config", None) or {}).get("languages")
    declared = ([declared] if isinstance(declared, str) else declared) or []
    study_language = candidates(study)[0] if declared else None
    first = itemgetter(1)
    main = {iid: next(iter(c)) if len(c) == 1 else max(c.items(), key=first)[0] for iid, c in counts.items()}
    if not study_language and counts:  # undeclared: the study's most common named language
        total: dict = {}  # summed in the order Counter's sum would keep (each language's first interview)
        for c in counts.values():
            for code, n in c.items():
                total[code] = total.get(code, 0) + n
        study_language = max(total.items(), key=first)[0]
    if study_language:
        main.update({iid: study_language for iid in set(interview_ids) - set(main)})
    return main


def annotate(study, turns: pd.DataFrame, segments: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``turns`` and ``segments`` (``study.segments()``) with a ``language`` column each.
    A segment that is a turn takes the turn's language; a quote takes the interview's
    declared language unless it is clearly in another (as a turn, :func:`passage_languages`);
    insights and opportunities (the researcher's words) and undeclared quotes are judged
    alone (:func:`kit.language_passages.judge`), and where nothing sure can be said take
    the main language of their interview's participant turns (a quote) or of the whole
    interview, else ``und``."""
    from kit.language_passages import judge, named

    turns = turns.copy()
    turns["language"] = passage_languages(study, turns)["language"]
    segments = segments.copy()
    known = dict(zip(turns["segment_id"].tolist(), turns["language"].tolist())) if "segment_id" in turns else {}
    declared = declared_languages(study)
    out = [known.get(sid) for sid in segments["segment_id"].tolist()]
    rest = [i for i, got in enumerate(out) if got is None]
    if rest:
        texts = segments["text"].tolist()
        kinds = segments["kind"].tolist()
        ids = segments["interview_id"].tolist()
        found = judge([texts[i] if isinstance(texts[i], str) else "" for i in rest], candidates(study))
        surely = list(out)  # the segments judged sure alone count toward their interview's language
        for i, code, verdict in zip(rest, found["language"].tolist(), found["verdict"].tolist()):
            surely[i] = code if verdict in ("sure", "foreign", "mixed") else None
        main = _main_languages(study, turns["interview_id"].tolist() + ids, turns["language"].tolist() + surely,
                               {len(turns) + i for i in rest if surely[i] is None})
        said = turns[turns["role"] == "participant"]  # a quote is the participant's words
        theirs = _main_languages(study, said["interview_id"].tolist(), said["language"].tolist())
        for i, code, prob, verdict in zip(rest, found["language"].tolist(), found["probability"].tolist(),
                                          found["verdict"].tolist()):
            if kinds[i] == "quote" and ids[i] in declared:
                clear = (verdict == "sure" and prob >= CONFIDENT) or verdict == "mixed" or (
                    verdict == "foreign" and named(code))
                out[i] = code if clear else declared[ids[i]]
            elif verdict in ("sure", "foreign", "mixed"):
                out[i] = code
            else:  # too short to be sure alone
                out[i] = (theirs.get(ids[i]) if kinds[i] == "quote" else None) or main.get(ids[i], UNDETERMINED)
    segments["language"] = pd.Series(out, index=segments.index, dtype=object)
    return turns, segments


# --------------------------------------------------------------------------- sentiment

def where_valid(scores, languages) -> pd.Series:
    """``scores`` (VADER compound) where the passage's language has a validated scorer
    (:data:`SENTIMENT_LANGUAGES`), NaN elsewhere -- ``und`` (a language the kit cannot name)
    and ``mul`` (several) included: an unscored passage must not read as neutral."""
    scores = pd.Series(scores, dtype="float64")
    valid = pd.Series(list(languages), index=scores.index).isin(SENTIMENT_LANGUAGES)
    return scores.where(valid)


def _interview_paths(study, wanted=None) -> dict[str, str]:
    """{interview id: its note, else its transcript, else the study's folder} for the interviews
    ``wanted`` (default: all); only those have their path made (a 10k study's 10,000 paths
    joined for the few interviews a warning names cost 0.2 s)."""
    interviews = study.interviews
    n = len(interviews)
    # columns as lists (itertuples read a string column one cell at a time: 250,000 at 10k)
    notes = interviews["note_path"].tolist() if "note_path" in interviews else [""] * n
    transcripts = interviews["transcript_path"].tolist() if "transcript_path" in interviews else [""] * n
    paths = {}
    for iid, note, transcript in zip(interviews["interview_id"].tolist(), notes, transcripts):
        if wanted is not None and iid not in wanted:
            continue
        where = note or ""
        if not where and transcript:
            where = str(study.path / transcript)
        paths[iid] = where or str(study.path)
    return paths


def sentiment_problems(study, segments: pd.DataFrame) -> list[Problem]:
    """One warning per interview with passages in a language without a sentiment scorer
    (``segments`` with interview_id and language), at the interview's note or transcript."""
    if "language" not in segments or not len(segments):
        return []
    out = []
    unscored = segments[~segments["language"].isin(SENTIMENT_LANGUAGES)]
    if not len(unscored):
        return []
    paths = _interview_paths(study, set(unscored["interview_id"].tolist()))
    for iid, group in unscored.groupby("interview_id", sort=True):
        counts = group["language"].value_counts()
        said = ", ".join(f"{n} in {language_name(code)}" for code, n in sorted(counts.items()))
        out.append(Problem(paths.get(iid, str(study.path)), 1,
                           f"interview {iid}: {len(group)} passage(s) have no sentiment score ({said}): "
                           "VADER is validated for English only; they are left out of every sentiment "
                           "figure", "warning"))
    return out


def summary_unscored(scored: pd.DataFrame, table: pd.DataFrame, keys) -> pd.DataFrame:
    """A sentiment summary (``kit.feelings.summarize``) with ``unscored``: the rows of
    ``scored`` in each group that have no score and were left out."""
    table = table.copy()
    missing = scored["compound"].isna()
    if not keys:
        table["unscored"] = int(missing.sum())
        return table
    counts = missing.groupby([scored[k] for k in keys], dropna=False).sum().rename("unscored").reset_index()
    # A group whose passages are all unscored still gets its row: n = 0, unscored = k.
    out = table.merge(counts, on=keys, how="outer", sort=True)
    ints = [c for c in out.columns if c in ("n", "n_negative", "n_neutral", "n_positive",
                                             "strong_negative", "strong_positive", "unscored")]
    out[ints] = out[ints].fillna(0).astype("int64")
    return out[list(table.columns) + ["unscored"]]


# --------------------------------------------------------------------------- linter

def unsupported_question(text: str) -> dict | None:
    """The linter's answer for a question its English rules cannot judge, or None when they
    can: ``{question, flags: [], kind: "unsupported", suggestion: "", reasons: {},
    language, verdict: "language not supported (Spanish (es))"}``. Only questions detected
    as another language with probability >= 0.9 get it."""
    question = "" if text is None else str(text).strip()
    if len(_WORD.findall(question)) < 2:
        return None
    lang, prob = detect_one(question)
    if question[:1] in "¿¡":  # Spanish punctuation: no English question starts so
        prob = 1.0
    if lang in LINT_LANGUAGES or lang == UNDETERMINED or prob < LINT_CONFIDENT:
        return None
    return {"question": question, "flags": [], "kind": "unsupported", "suggestion": "", "reasons": {},
            "language": lang, "verdict": f"language not supported ({language_name(lang)})"}


# --------------------------------------------------------------------------- mix, check, themes

def _segment_of(study, frame: pd.DataFrame) -> pd.Series:
    """The participant segment (the study's segment attribute) of each row of ``frame`` (a
    column interview_id), ``""`` when its interview has none."""
    interviews = study.interviews.set_index("interview_id")
    attribute = study.segment_attribute
    if attribute in interviews.columns and len(frame):
        return frame["interview_id"].map(interviews[attribute]).fillna("").astype(str)
    return pd.Series("", index=frame.index, dtype=object)


def language_mix(study, turns: pd.DataFrame) -> pd.DataFrame:
    """Participant passages per participant segment and language: columns segment (the
    study's segment attribute; ``""`` when a participant has none), language, passages,
    interviews."""
    part = turns[turns["role"] == "participant"]
    seg = _segment_of(study, part)
    frame = pd.DataFrame({"segment": seg, "language": part["language"], "interview_id": part["interview_id"]})
    if not len(frame):
        return pd.DataFrame(columns=["segment", "language", "passages", "interviews"])
    table = frame.groupby(["segment", "language"], sort=True).agg(
        passages=("language", "size"), interviews=("interview_id", "nunique")).reset_index()
    return table


def mix_problems(study, mix: pd.DataFrame) -> list[Problem]:
    """A warning with the language mix per segment when the study is not all English
    (``und``, a language the kit cannot name, and ``mul``, several, counted as such)."""
    langs = set(mix["language"]) if len(mix) else set()
    if langs <= {"en"}:
        return []
    parts = []
    for lang, group in mix.groupby("language", sort=True):
        segs = ", ".join(f"{s or 'no segment'} {n}" for s, n in zip(group["segment"], group["passages"]))
        parts.append(f"{language_name(lang)} {int(group['passages'].sum())} ({segs})")
    return [Problem(str(study.path / "study.yml"), 1,
                    "participant turns by language and segment: " + "; ".join(parts) +
                    ". Sentiment and the guide linter cover English only; codes need keywords per language",
                    "warning")]


def check_languages(study) -> list[Problem]:
    """``check``'s language findings: unknown codes in study.yml ``languages``, the language
    mix per segment, unscored sentiment per interview and codes not applied per language."""
    out = []
    wanted = (study.config or {}).get("languages")
    if wanted is not None:
        known = set(_known_codes())
        for w in ([wanted] if isinstance(wanted, str) else wanted if isinstance(wanted, list) else [wanted]):
            if str(w).strip().lower() not in known:
                out.append(Problem(str(study.path / "study.yml"), 1,
                                   f"languages: {w!r} is not an ISO 639-1 code the detector knows"))
    if not len(study.turns) and not len(study.quotes):
        return out
    turns, segments = annotate(study, study.turns, study.segments())
    out += mix_problems(study, language_mix(study, turns))
    from kit.language_mixed import passage_segments  # a turn in several languages: its passages

    segments = passage_segments(study, segments)
    out += sentiment_problems(study, segments)
    out += coverage_problems(study.codebook, coding_coverage(study.codebook, segments))
    return out


def by_language(segments: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """{language: its segments} (column ``language`` required): theme discovery and search
    run once per language so that no theme mixes languages by accident. Segments in no
    language the kit can name (``und``) or in several (``mul``) are left out."""
    if "language" not in segments:
        raise ValueError("the segments table has no `language` column: use kit.languages.annotate first")
    from kit.language_passages import named

    return {lang: group for lang, group in segments.groupby("language", sort=True) if named(lang)}


LANGUAGE_MIX_COLUMNS = ["segment", "language", "passages", "interviews", "unscored"]
LANGUAGE_COVERAGE_COLUMNS = ["code", "language", "passages", "keywords", "applied"]


def language_tables(study) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the report's "Languages" part shows, as two tables (notebook 05 writes them):

    ``language_mix``: participant turns per segment and language (columns segment, language,
    passages, interviews) with ``unscored``, the passages of every kind (turns, quotes,
    insights) in that segment and language left out of sentiment because no validated scorer
    exists for the language (VADER is English).
    ``language_coverage``: the codes whose keywords could not be applied to some language's
    passages (:func:`coding_coverage` rows with ``applied`` False).

    Both are empty when the study is all English (or has no turns)."""
    empty = (pd.DataFrame(columns=LANGUAGE_MIX_COLUMNS), pd.DataFrame(columns=LANGUAGE_COVERAGE_COLUMNS))
    if not len(study.turns):
        return empty
    turns, segments = annotate(study, study.turns, study.segments())
    mix = language_mix(study, turns)
    if not len(mix) or set(mix["language"]) <= {"en"}:
        return empty
    from kit.language_mixed import passage_segments  # a turn in several languages: its passages

    segments = passage_segments(study, segments)
    seg = _segment_of(study, segments)
    left_out = ~segments["language"].isin(SENTIMENT_LANGUAGES)
    unscored = left_out.groupby([seg, segments["language"]]).sum()
    mix["unscored"] = [int(unscored.get((s, lang), 0)) for s, lang in zip(mix["segment"], mix["language"])]
    coverage = coding_coverage(study.codebook, segments)
    missing = coverage[~coverage["applied"]] if len(coverage) else coverage
    return mix[LANGUAGE_MIX_COLUMNS], missing.reindex(columns=LANGUAGE_COVERAGE_COLUMNS).reset_index(drop=True)


_STUDY_LANGUAGES = ObjectMemo(most=1)  # never keeps a study alive (kit.object_memo)


def segment_languages(study, segments: pd.DataFrame) -> pd.Series:
    """The language of each row of ``segments`` (a slice of ``study.segments()``), by
    segment_id, annotated once per study object (the same as :func:`annotate`)."""
    if "language" in segments:
        return segments["language"]
    known = _STUDY_LANGUAGES.get(id(study), study)
    if known is None:
        _, annotated = annotate(study, study.turns, study.segments())
        known = dict(zip(annotated["segment_id"], annotated["language"]))
        _STUDY_LANGUAGES.put(id(study), study, known)
    out = [known.get(s) for s in segments["segment_id"]]
    rest = [i for i, code in enumerate(out) if code is None]
    if rest:  # not a segment of the study: judged alone, ``und`` where nothing sure can be said
        from kit.language_passages import judge

        texts = segments["text"].tolist()
        found = judge([texts[i] if isinstance(texts[i], str) else "" for i in rest], candidates(study))
        for i, code, verdict in zip(rest, found["language"].tolist(), found["verdict"].tolist()):
            out[i] = code if verdict in ("sure", "foreign", "mixed") else UNDETERMINED
    return pd.Series(out, index=segments.index, dtype=object)


def study_compound(study, segments: pd.DataFrame) -> pd.Series:
    """VADER compound of each row of ``segments`` where its language has a validated
    scorer, NaN elsewhere (:func:`where_valid`), indexed like ``segments``."""
    from kit.privacy import roster
    from kit.sentiment import compound_published  # a roster name never moves a score

    from kit.language_mixed import scored_view  # a turn in several languages: its English passage

    texts, codes = scored_view(study, segments["text"].tolist(), segment_languages(study, segments).tolist())
    values = pd.Series(compound_published(texts, roster(study)) if len(segments) else [],
                       index=segments.index,
                       dtype="float64")
    return where_valid(values, codes)
