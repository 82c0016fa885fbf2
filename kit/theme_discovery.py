"""Theme discovery: let the interviews suggest the codebook, offline and reproducibly.

``discover_themes(study)`` groups the participants' passages (their own words: transcript turns
of participants and key quotes, :func:`kit.speaker_words.own_words`; never the team's insights
or opportunities, a third speaker's words or those of someone not interviewed, newcomer s14 F11)
into suggested themes without looking at the codebook, then describes each theme with the
evidence a researcher needs to judge it (a theme with no participant or label is not listed):

* a short **label** and ten **terms**: the theme's most distinctive words by class-based
  TF-IDF (c-TF-IDF, Grootendorst 2022, BERTopic, eq. 1: ``W(t, c) = tf(t, c) · log(1 + A / f(t))``
  with ``tf`` normalised per theme, ``A`` the mean number of words per theme and ``f(t)`` the
  frequency of the term over all themes);
* how many **participants** (people with a passage in the theme)
  and **passages**, per segment of the study's segment attribute,
  and the mean VADER **compound** of its passages (``kit.compound``; English passages only:
  a theme in another language has none, NaN) and its **language** (themes are learnt within
  one language);
* labels, terms and keywords only from words a consenting participant used or at least two
  people used (a term only a non-consenting participant said is their words);
* its three most representative passages: only from participants who consented to being
  quoted, names and contact details redacted (``kit.privacy``), participants by id;
* the **existing codes it overlaps** (coders' codings where they coded, the codebook's
  auto-coding elsewhere), with the Jaccard index of the two sets of passages.

Method (the default): the passages become sublinear TF-IDF vectors of Snowball-stemmed words
and word pairs (English stop words, those of the passages' other languages (``stop-words``),
interview fillers and the roster's names left out; terms
in at least 2 passages and at most half of them); non-negative matrix factorisation
(scikit-learn's ``NMF``, NNDSVDa initialisation, Frobenius loss; Lee & Seung 1999, Boutsidis &
Gallopoulos 2008) factors them into ``n_themes`` themes. A passage belongs to every theme
holding at least half of its strongest theme's weight; a passage with no known term, or one
the themes explain poorly (cosine between the passage and its reconstruction below
``min_fit``), is **unassigned**: kept, listed, never dropped. Without ``n_themes`` the number
of themes follows the rule of thumb ``k = sqrt(n / 2)`` (Mardia, Kent & Bibby 1979) for ``n``
passages, between 2 and 30.

With ``embedding_model`` (a path to word vectors the user already has, in word2vec/GloVe
text format: an optional ``count dimensions`` header, then ``word v1 … vd`` lines) passages
are embedded as the TF-IDF-weighted mean of their words' vectors and grouped by k-means
(``KMeans``, ``n_init=10``); the theme descriptions are the same. Nothing is downloaded.

The same study, settings and ``seed`` give the same themes.

``suggested_codebook(result)`` turns the suggestions into ``codebook.yml`` entries (name,
definition stub, keywords) for a researcher to review and merge: the kit never edits the
study's codebook. ``write_suggestions(result, out)`` writes the command's files.
"""
from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd

from kit.privacy_batch import published_words
from kit.schema import named_interviews, person
from kit.themes import PARTICIPANT_WORDS
from kit.word_vectors import load_word_vectors  # re-exported: the documented home

__all__ = ["PASSAGE_KINDS", "UNASSIGNED", "TargetInsideStudy", "ThemeSuggestions", "check_target", "default_n_themes",
           "discover_themes", "load_word_vectors", "passages", "suggested_codebook", "theme_code_f1", "write_suggestions"]

PASSAGE_KINDS = PARTICIPANT_WORDS  # turns and key quotes: the team's insights are no one's words (s14 F11)
UNASSIGNED = "unassigned"
MIN_DF = 2
MAX_DF = 0.5
MEMBERSHIP = 0.5           # a passage joins every theme with >= this share of its strongest weight
MIN_FIT = 0.15             # cosine between a passage and its reconstruction; below: unassigned
MAX_THEMES = 30
MAX_FIT = 20_000           # above this many passages the themes are learnt on a seeded sample
N_TERMS = 10
N_EXAMPLES = 3
N_RANKED = 30
TERM_COLUMNS = ["theme", "rank", "term", "feature", "ctfidf"]

# Words of talk that carry no theme: fillers, hedges and contraction stubs ("don" of "don't").
FILLERS = frozenset([
    "um", "uh", "er", "erm", "ah", "oh", "hmm", "mm", "mhm", "yeah", "yep", "yes", "ok", "okay", "like",
    "just", "really", "actually", "basically", "literally", "honestly", "kind", "sort", "lot", "lots", "bit",
    "thing", "things", "stuff", "know", "think", "mean", "guess", "right", "well", "gonna", "wanna", "got",
    "get", "gets", "getting", "say", "said", "says", "tell", "told", "going", "go", "goes", "went", "come",
    "came", "want", "wanted", "need", "needed", "make", "made", "let", "maybe", "probably", "pretty", "quite",
    "definitely", "don", "didn", "doesn", "isn", "wasn", "aren", "weren", "won", "wouldn", "couldn",
    "shouldn", "haven", "hasn", "hadn", "ve", "ll", "re", "im", "ive", "id", "youre", "thats", "theres",
    "whats", "dont", "didnt", "doesnt", "cant", "wont", "isnt", "wasnt",
])


# --------------------------------------------------------------------------- passages

def passages(study) -> pd.DataFrame:
    """The passages theme discovery works on: the participants' own words, turns and key quotes
    (:func:`kit.speaker_words.own_words`). The team's insights and opportunities (often one
    sentence copied into every note: newcomer s14 F11), a third speaker's words and the words of
    someone not interviewed (:func:`kit.sample.not_interviewed`: a no-show's note, a participant
    who withdrew) are left out; ``attrs["third_speakers"]`` counts the third speaker's passages.

    Returns one row per passage with columns segment_id, interview_id, participant, kind,
    text, who (the participant id, or the interview id when the interview names no
    participant) and segment (the value of the study's segment attribute, "" if none)."""
    from kit.study import as_study

    study = as_study(study, strict=False)
    frame = study.segments()
    from kit.sample import not_interviewed
    from kit.speaker_words import own_words

    frame = frame[frame["kind"].isin(PASSAGE_KINDS)].reset_index(drop=True)
    frame["text"] = frame["text"].fillna("").astype(str)
    named = named_interviews(study.interviews)
    # A third speaker's turn or key quote is no participant passage (kit.speaker_words): their
    # words shape no theme (newcomer s13 F3, s14 F11).
    third = ~own_words(frame, named)
    frame["participant"] = frame["participant"].fillna("").astype(str)
    frame = frame[~third & ~frame["participant"].isin(not_interviewed(study)).to_numpy()].reset_index(drop=True)
    frame["who"] = person(frame, named)
    frame.attrs["third_speakers"] = int(third.sum())
    attribute = study.segment_attribute
    interviews = study.interviews
    if attribute in interviews:
        by_interview = dict(zip(interviews["interview_id"], interviews[attribute].fillna("").astype(str)))
        frame["segment"] = frame["interview_id"].map(by_interview).fillna("")
    else:
        frame["segment"] = ""
    return frame


# --------------------------------------------------------------------------- features

class _Analyzer:
    """Stemmed words and adjacent word pairs of a passage, with the surface form seen most
    often for each stem (so labels read as words, not stems)."""

    def __init__(self, stop_words):
        self.stop = frozenset(stop_words)
        self.memo: dict[str, str | None] = {}   # token -> its stem, None for a word left out
        self.seen: Counter = Counter()           # tokens as written, for readable labels
        self._surface: dict[str, Counter] | None = None

    def _stem(self, token: str) -> str | None:
        from kit.coding import stem

        word = token.split("'", 1)[0].split("’", 1)[0]
        got = None if len(word) < 2 or word.isdigit() or word in self.stop else stem(word)
        self.memo[token] = got
        return got

    def words(self, text: str) -> list[str | None]:
        found = _tokens(text)
        self.seen.update(found)
        memo = self.memo
        return [memo[t] if t in memo else self._stem(t) for t in found]

    def __call__(self, text: str) -> list[str]:
        words = self.words(text)
        features = [w for w in words if w is not None]
        features += [f"{a} {b}" for a, b in pairwise(words) if a is not None and b is not None and a != b]
        return features

    @property
    def surface(self) -> dict[str, Counter]:
        """{stem: Counter of the words (apostrophe endings cut) seen for it}."""
        if self._surface is None:
            self._surface = {}
            for token, n in self.seen.items():
                s = self.memo.get(token)
                if s is not None:
                    word = token.split("'", 1)[0].split("’", 1)[0]
                    self._surface.setdefault(s, Counter())[word] += n
        return self._surface

    def readable(self, feature: str) -> str:
        surface = self.surface
        return " ".join(surface[s].most_common(1)[0][0] if s in surface else s for s in feature.split(" "))


def _stop_words(study, languages=()) -> set[str]:
    """English stop words, interview fillers, the roster's names, and the stop words of every
    other language of the passages (``languages``, ISO 639-1; the ``stop-words`` package's
    lists), so that a Spanish theme is not "el, dos, en, lo"."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
    from stop_words import LANGUAGE_MAPPING, get_stop_words

    from kit.privacy import name_variants, roster

    def add(name: str) -> None:
        # every way the name is written: as written, accent-folded (josé, jose) and
        # transliterated (müller, muller, mueller), each word on its own
        stop.update(w.lower() for w in re.findall(r"[^\W\d_]+", name))
        if not name.isascii():  # whole, with its marks and composed, as passages' words are
            stop.update(w.split("'", 1)[0].split("’", 1)[0] for w in _tokens(name))
        for words in name_variants(name):
            stop.update(words)

    stop = set(ENGLISH_STOP_WORDS) | set(FILLERS)
    for lang in sorted(set(languages) - {"en"}):
        if lang in LANGUAGE_MAPPING:
            for word in get_stop_words(lang):
                stop.add(word.lower())
                add(word)  # and accent-folded ("también", "tambien")
    people = roster(study)
    for name in people.parts + people.names:
        add(name)
    for email in people.emails:
        add(email.split("@", 1)[0])
    for member in study.config.get("team") or []:
        if isinstance(member, dict) and isinstance(member.get("name"), str):
            add(member["name"])
    speakers = study.turns["speaker"].dropna().astype(str).unique() if len(study.turns) else []
    for speaker in speakers:
        add(speaker)
    return stop


def default_n_themes(n_passages: int) -> int:
    """``round(sqrt(n / 2))`` themes for ``n`` passages (Mardia, Kent & Bibby 1979), 2 to 30."""
    return int(min(MAX_THEMES, max(2, round(math.sqrt(max(n_passages, 0) / 2)))))


# --------------------------------------------------------------------------- result

@dataclass
class ThemeSuggestions:
    """What ``discover_themes`` found.

    * ``themes``: one row per suggested theme, largest first: theme (T01, T02, …), label,
      terms (ten, comma-separated), participants, passages, mean_compound, overlapping_codes
      (code and Jaccard index of the passages, best first), keywords (the five leading
      single words, for the codebook export).
    * ``passages``: one row per (passage, theme) membership: segment_id, theme, weight (the
      passage's share of its theme weights, or the cosine to the cluster centre with an
      embedding model); unassigned passages have theme "unassigned" and weight 0.
    * ``examples``: up to three representative passages per theme (theme, rank, segment_id,
      participant, text), consenting participants only, redacted.
    * ``by_segment``: theme, segment, participants, passages, mean_compound.
    * ``overlaps``: theme, code, both, theme_passages, code_passages, jaccard.
    * ``settings``: the method and its settings, for the record.
    * ``terms``: the 30 best terms of each theme by c-TF-IDF: theme, rank, term (as written),
      feature (the stem or stem pair), ctfidf.
    """

    themes: pd.DataFrame
    passages: pd.DataFrame
    examples: pd.DataFrame
    by_segment: pd.DataFrame
    overlaps: pd.DataFrame
    settings: dict = field(default_factory=dict)
    study_path: Path | None = None
    terms: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TERM_COLUMNS))

    @property
    def unassigned(self) -> list[str]:
        """Segment ids of the passages no theme explains."""
        rows = self.passages[self.passages["theme"] == UNASSIGNED]
        return rows["segment_id"].tolist()


# --------------------------------------------------------------------------- discovery

def discover_themes(study, n_themes: int | None = None, seed: int = 0, embedding_model=None,
                    min_fit: float = MIN_FIT, include_names: bool = False, codings=None) -> ThemeSuggestions:
    """Suggest themes from the participants' passages without a codebook.

    ``study``: a loaded ``Study`` or a study folder. ``n_themes``: how many themes (default:
    ``default_n_themes`` of the number of passages). ``seed``: the random state (the same
    seed, the same themes). ``embedding_model``: a path to local word vectors (see
    ``load_word_vectors``) to group passages by k-means over embeddings instead of NMF over
    TF-IDF. ``min_fit``: passages whose cosine to their reconstruction (or to their cluster
    centre) is below it stay unassigned. ``include_names``: keep roster names in the
    example passages (internal copies only; consent still applies). ``codings``: the codings
    the overlaps are measured against (columns segment_id or segment, and code); default: the
    coders' codings where they coded and the codebook's auto-coding elsewhere.

    Returns a ``ThemeSuggestions``. A study without passages gives no themes (every table
    empty, with its columns); passages without any term that occurs twice are unassigned.
    """
    from kit.study import as_study

    study = as_study(study, strict=False)
    frame = passages(study)
    third = frame.attrs.get("third_speakers", 0)
    language = _passage_languages(study, frame) if len(frame) else []
    frame = frame.assign(language=pd.Series(language, index=frame.index, dtype=object))
    analyzer = _Analyzer(_stop_words(study, set(language)))
    k_wanted = n_themes if n_themes is not None else default_n_themes(len(frame))
    if k_wanted < 1:
        raise ValueError(f"n_themes must be at least 1, got {n_themes}")
    settings = {"method": "nmf-tfidf" if embedding_model is None else "kmeans-embedding",
                "n_themes": int(k_wanted), "seed": int(seed), "min_fit": float(min_fit),
                "min_df": MIN_DF, "max_df": MAX_DF, "membership": MEMBERSHIP,
                "n_passages": len(frame)}
    if third:
        settings["third_speaker_passages"] = third
    if include_names:
        settings["include_names"] = True
    if embedding_model is not None:
        settings["embedding_model"] = str(embedding_model)

    counts, vocab = _term_counts(texts := published_words(frame["text"].tolist(), study), analyzer)  # s17 A21
    if embedding_model is None and counts is None:
        weights, fit = np.zeros((len(frame), 0)), np.zeros(len(frame))
    elif embedding_model is None:
        settings["languages"] = sorted(set(language))
        weights, fit = _nmf_by_language(counts, language, k_wanted, seed)
    else:
        vectors = load_word_vectors(embedding_model)
        _check_coverage(embedding_model, texts, analyzer, vectors)
        weights, fit = _embedding_themes(texts, counts, vocab, analyzer, vectors, k_wanted, seed)
    settings["n_themes_fitted"] = int(weights.shape[1])  # at most the passages (and the distinct terms)
    membership = _membership(frame, weights, fit, min_fit)
    scores, coded = _scores_and_codings(study, frame, codings)
    scored = frame.assign(compound=scores)
    result = _describe(study, scored, membership, counts, vocab, analyzer, settings, include_names, coded)
    for _ in range(3):  # a theme with no participant or no label is no theme: its passages unassigned (s14 F11)
        empty = result.themes.loc[(result.themes["participants"] < 1) | (result.themes["label"] == ""), "theme"]
        if not len(empty):
            break
        membership = _unlisted(membership, result, set(empty))
        settings["themes_not_listed"] = settings.get("themes_not_listed", 0) + len(empty)
        result = _describe(study, scored, membership, counts, vocab, analyzer, settings, include_names, coded)
    result.themes["language"] = _theme_languages(result, frame)
    return result


def _unlisted(membership: pd.DataFrame, result: ThemeSuggestions, themes: set) -> pd.DataFrame:
    """``membership`` without ``themes`` (no participant or no label): a passage left in no
    theme is unassigned (kept, listed), never dropped."""
    gone = result.passages["theme"].isin(themes).to_numpy()  # its rows, in membership's order
    kept, rest = membership[~gone], membership[gone].drop_duplicates("index")
    rest = rest[~rest["index"].isin(kept["index"])].assign(k=-1, weight=0.0)
    return pd.concat([kept, rest]).sort_values(["index", "k"], kind="stable").reset_index(drop=True)


def _theme_languages(result, frame) -> list[str]:
    """The language of each theme: that of most of its passages (themes are learnt within one
    language, ``_nmf_by_language``)."""
    of = dict(zip(frame["segment_id"].tolist(), frame["language"].tolist()))
    links = result.passages
    found = []
    for theme in result.themes["theme"].tolist():
        langs = Counter(of.get(sid, "") for sid in links.loc[links["theme"] == theme, "segment_id"].tolist())
        found.append(langs.most_common(1)[0][0] if langs else "")
    return found


def _scores_and_codings(study, frame, codings):
    """The VADER compound of every passage and the codings the overlaps are measured
    against: ``codings`` when given, else the coders' codings where they coded and the
    codebook's auto-coding elsewhere (None without codebook and codings). Both are computed
    by ``kit.analyze``'s helper, which spreads large studies over the machine's cores."""
    from kit.analyze import _score_and_code
    from kit.sentiment import compound
    from kit.themes import combine_codings

    from kit.languages import where_valid

    from kit.privacy import roster
    from kit.sentiment import as_published

    texts = frame["text"].tolist()
    scored = as_published(texts, roster(study))  # a roster name never moves a score (attack s11 A2)
    # VADER is English: a passage in another language gets no score (NaN), never a wrong one;
    # the codebook's keywords code each passage in its own language (kit.languages).
    language = frame["language"].tolist() if "language" in frame else ["en"] * len(frame)
    if codings is not None or not len(study.codebook):
        scores = compound(scored) if texts else []
        if codings is None and len(study.codings):
            codings = study.codings
        return where_valid(pd.Series(scores, dtype=float), language).to_numpy(dtype=float), codings
    segments = frame[["segment_id", "interview_id", "participant", "kind", "text"]].assign(
        language=pd.Series(language, index=frame.index, dtype=object))
    scores, auto = _score_and_code(scored, segments, study.codebook)
    scores = where_valid(pd.Series(scores, dtype=float), language).to_numpy(dtype=float)
    manual = study.codings
    if len(manual):
        auto = combine_codings(auto, manual, segments)
    return np.asarray(scores, dtype=float), auto


def _term_counts(texts, analyzer):
    from sklearn.feature_extraction.text import CountVectorizer

    n = len(texts)
    if n == 0:
        return None, np.array([], dtype=object)
    max_df = MAX_DF if n >= 2 * MIN_DF else 1.0
    vectorizer = CountVectorizer(analyzer=analyzer, min_df=min(MIN_DF, n), max_df=max_df, dtype=np.float64)
    try:
        counts = vectorizer.fit_transform(texts)
    except ValueError:  # no term in two passages: nothing to group
        return None, np.array([], dtype=object)
    return counts.tocsr(), vectorizer.get_feature_names_out()


def _tfidf(counts):
    from sklearn.feature_extraction.text import TfidfTransformer

    return TfidfTransformer(sublinear_tf=True).fit_transform(counts)


def _nmf_themes(counts, k, seed):
    """Passage-by-theme weights and each passage's fit (cosine to its reconstruction)."""
    from sklearn.decomposition import NMF

    x = _tfidf(counts)
    k = int(min(k, x.shape[0], x.shape[1]))
    model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=400, tol=1e-4)
    if x.shape[0] <= MAX_FIT:
        w = model.fit_transform(x)
    else:  # a large study: learn the themes on a seeded sample, then place every passage
        sample = np.sort(np.random.default_rng(seed).choice(x.shape[0], MAX_FIT, replace=False))
        model.fit(x[sample])
        w = model.transform(x)
    return w, _reconstruction_cosine(x.tocsr(), w, model.components_)


def _passage_languages(study, frame) -> list[str]:
    """Each passage's language (``kit.languages``: declared, else detected)."""
    from kit import languages

    _, segments = languages.annotate(study, study.turns, study.segments())
    found = dict(zip(segments["segment_id"].tolist(), segments["language"].tolist()))
    return [found.get(sid, languages.UNDETERMINED) for sid in frame["segment_id"].tolist()]


def _nmf_by_language(counts, language: list[str], k: int, seed: int):
    """NMF themes learnt within each language, so no theme mixes languages by accident
    (``kit.languages.by_language``): the ``k`` themes are shared out in proportion to each
    language's passages (at least one each); weights are zero across languages."""
    language = np.asarray(language, dtype=object)
    kinds = sorted(set(language.tolist()))
    if len(kinds) == 1:
        return _nmf_themes(counts, k, seed)
    n = len(language)
    rows = {lang: np.flatnonzero(language == lang) for lang in kinds}
    share = {lang: max(1, round(k * len(idx) / n)) for lang, idx in rows.items()}
    weights = np.zeros((n, sum(share.values())))
    fit = np.zeros(n)
    at = 0
    for lang in kinds:
        idx = rows[lang]
        part = counts[idx]
        if part.nnz == 0:
            at += share[lang]
            continue
        w, f = _nmf_themes(part, share[lang], seed)
        weights[np.ix_(idx, np.arange(at, at + w.shape[1]))] = w
        fit[idx] = f
        at += share[lang]
    return weights[:, :at], fit


def _reconstruction_cosine(x, w, h, chunk: int = 200_000) -> np.ndarray:
    """cos(x_i, w_i H) for every row, without forming the dense n × terms product: the dot
    product needs W H only where x is non-zero, and |w_i H|² = w_i (H Hᵀ) w_iᵀ."""
    norm = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    dot = np.zeros(x.shape[0])
    for start in range(0, len(rows), chunk):
        r, c = rows[start:start + chunk], x.indices[start:start + chunk]
        values = np.einsum("ij,ji->i", w[r], h[:, c]) * x.data[start:start + chunk]
        np.add.at(dot, r, values)
    rnorm = np.sqrt(np.maximum(np.einsum("ij,jk,ik->i", w, h @ h.T, w), 0))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where((norm > 0) & (rnorm > 0), dot / (norm * rnorm), 0.0)


def _check_coverage(path, texts, analyzer, vectors) -> None:
    """ValueError (located at the file) when the word vectors know none of the study's words,
    or when every known word has the same vector (k-means has nothing to group)."""
    words = {w for text in texts for w in _surface_words(text, analyzer)}
    if not words:
        return
    known = sorted(words & vectors.keys())
    if not known:
        raise ValueError(f"{path}:1: the word vectors cover none of the study's {len(words)} distinct words; "
                         "give a model in the interviews' language")


def _embedding_themes(texts, counts, vocab, analyzer, vectors, k, seed):
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(texts)
    size = len(next(iter(vectors.values())))
    tfidf = TfidfVectorizer(analyzer=lambda t: [w for w in _surface_words(t, analyzer) if w in vectors])
    emb = np.zeros((n, size))
    try:
        x = tfidf.fit_transform(texts)
        words = tfidf.get_feature_names_out()
        matrix = np.vstack([vectors[w] for w in words])
        emb = np.asarray(x @ matrix)
    except ValueError:  # no passage has a word the model knows
        pass
    norms = np.linalg.norm(emb, axis=1)
    known = norms > 0
    emb[known] /= norms[known, None]
    k = int(min(k, max(known.sum(), 1)))
    weights = np.zeros((n, k))
    fit = np.zeros(n)
    if known.sum() == 0:
        return weights, fit
    with warnings.catch_warnings():  # fewer distinct points than clusters: k-means says so; the themes show it
        warnings.simplefilter("ignore")
        model = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(emb[known])
    centres = model.cluster_centers_ / np.maximum(np.linalg.norm(model.cluster_centers_, axis=1), 1e-12)[:, None]
    cos = emb[known] @ centres.T
    rows = np.flatnonzero(known)
    weights[rows, model.labels_] = np.maximum(cos[np.arange(len(rows)), model.labels_], 1e-9)
    fit[rows] = cos[np.arange(len(rows)), model.labels_]
    return weights, fit


def _tokens(text) -> list[str]:
    """The words of a passage: ``kit.coding.tokens`` for ASCII text; otherwise letters of every
    script with their combining marks, composed (NFC), so that "pełna" or "estação" is one word,
    not "pe" or "esta" (``kit.language.letter_words``)."""
    from kit.coding import tokens

    text = str(text)
    if text.isascii():
        return tokens(text)
    from kit.language import letter_words

    return letter_words(text, digits=True)


def _surface_words(text, analyzer):
    out = []
    for token in _tokens(text):
        word = token.split("'", 1)[0].split("’", 1)[0]
        if len(word) >= 2 and not word.isdigit() and word not in analyzer.stop:
            out.append(word)
    return out


def _membership(frame, weights, fit, min_fit) -> pd.DataFrame:
    """(passage index, theme index, weight) rows; theme index -1 for unassigned passages."""
    n = len(frame)
    top = weights.max(axis=1) if weights.shape[1] else np.zeros(n)
    unassigned = (top <= 0) | (fit < min_fit)
    member = (weights >= MEMBERSHIP * top[:, None]) & ~unassigned[:, None] & (weights > 0)
    index, k = np.nonzero(member)  # row-major: passages in order, themes in order within each
    total = weights.sum(axis=1)
    members = pd.DataFrame({"index": index, "k": k, "weight": weights[index, k] / np.where(total > 0, total, 1)[index],
                            "fit": fit[index]})
    alone = np.flatnonzero(unassigned)
    rest = pd.DataFrame({"index": alone, "k": -1, "weight": 0.0, "fit": fit[alone]})
    frames = [f for f in (members, rest) if len(f)]
    if not frames:
        return pd.DataFrame({"index": np.zeros(0, dtype=int), "k": np.zeros(0, dtype=int), "weight": [], "fit": []})
    table = pd.concat(frames, ignore_index=True)
    return table.sort_values(["index", "k"], kind="stable").reset_index(drop=True)


def _ctfidf(counts, groups: list[np.ndarray]) -> np.ndarray:
    """Class-based TF-IDF (Grootendorst 2022, eq. 1) of each group of passages: themes × terms."""
    per_class = np.vstack([np.asarray(counts[g].sum(axis=0)).ravel() if len(g) else np.zeros(counts.shape[1])
                           for g in groups])
    words = per_class.sum(axis=1)
    tf = per_class / np.maximum(words, 1)[:, None]
    avg = words.mean() if len(words) else 0.0
    freq = per_class.sum(axis=0)
    idf = np.log1p(avg / np.maximum(freq, 1))
    return tf * idf[None, :]


def _describe(study, frame, membership, counts, vocab, analyzer, settings, include_names, coded):
    assigned = membership[membership["k"] >= 0]
    ks = sorted(assigned["k"].unique().tolist())
    groups = {k: assigned.loc[assigned["k"] == k, "index"].to_numpy() for k in ks}
    # Terms are read from each passage's strongest theme only (hard clusters, as c-TF-IDF
    # assumes), so that a word shared by overlapping themes does not label all of them.
    primary = assigned.sort_values(["index", "weight", "k"], ascending=[True, False, True]).drop_duplicates("index")
    cores = {k: primary.loc[primary["k"] == k, "index"].to_numpy() for k in ks}
    # Largest theme first; ties by the first passage in study order, so names are stable.
    ks.sort(key=lambda k: (-len(groups[k]), int(groups[k].min())))
    name_of = {k: f"T{n:02d}" for n, k in enumerate(ks, start=1)}

    ctf = _ctfidf(counts, [cores[k] for k in ks]) if ks and counts is not None else np.zeros((len(ks), 0))
    sayable = _sayable_terms(study, frame, counts)
    theme_rows, term_rows = [], []
    for row, k in enumerate(ks):
        order = [j for j in np.argsort(-ctf[row], kind="stable") if ctf[row, j] > 0 and sayable[j]]
        term_rows += [{"theme": name_of[k], "rank": rank, "term": analyzer.readable(vocab[j]), "feature": vocab[j],
                       "ctfidf": float(ctf[row, j])} for rank, j in enumerate(order[:N_RANKED], start=1)]
        top = [vocab[j] for j in order[:N_TERMS]]
        words = [analyzer.readable(t) for t in top]
        singles = [analyzer.readable(t) for t in top if " " not in t]
        members = frame.iloc[groups[k]]
        theme_rows.append({
            "theme": name_of[k], "label": " / ".join(_label_terms(words)), "terms": ", ".join(words),
            "participants": _voices(members), "passages": len(members),
            "mean_compound": float(members["compound"].mean()), "keywords": ", ".join(singles[:5]),
        })
    themes = pd.DataFrame(theme_rows, columns=["theme", "label", "terms", "participants", "passages",
                                               "mean_compound", "keywords"])

    links = membership.assign(segment_id=frame["segment_id"].to_numpy()[membership["index"].to_numpy()]
                              if len(membership) else [],
                              theme=membership["k"].map(lambda k: name_of.get(k, UNASSIGNED)))
    table = links[["segment_id", "theme", "weight"]].reset_index(drop=True)

    overlaps = _overlaps(frame, table, coded)
    best = {}
    for theme, sub in overlaps.groupby("theme", sort=False):
        sub = sub.sort_values(["jaccard", "code"], ascending=[False, True]).head(3)
        best[theme] = "; ".join(f"{c} ({j:.2f})" for c, j in zip(sub["code"], sub["jaccard"]))
    themes.insert(6, "overlapping_codes", themes["theme"].map(lambda t: best.get(t, "")))

    examples = _examples(study, frame, links, name_of, include_names)
    by_segment = _by_segment(frame, links)
    # Labels, terms and keywords are working outputs too: a roster name that slipped past
    # the stop words (a spelling the roster does not hold) becomes [name] in every table.
    from kit.outputs import WORKING, Outputs

    clean = Outputs(None, study, WORKING, include_names)
    terms = clean.frame(pd.DataFrame(term_rows, columns=TERM_COLUMNS))
    return ThemeSuggestions(themes=clean.frame(themes), passages=table, examples=examples, by_segment=by_segment,
                            overlaps=overlaps, settings=settings, study_path=Path(study.path),
                            terms=terms)


def _sayable_terms(study, frame, counts) -> np.ndarray:
    """Per term (column of ``counts``), whether it may name a theme in a published output
    (label, terms, keywords, theme_words): it was used by a participant who consented to
    being quoted, or by at least two people. A term only a non-consenting participant used
    is their words, so it never labels a theme (nobody's words are published without their
    consent). A passage's person is its ``who``."""
    if counts is None or not counts.shape[1]:
        return np.zeros(0 if counts is None else counts.shape[1], dtype=bool)
    from scipy import sparse

    from kit.language import publishable  # the rule's one home

    used = (counts > 0).astype(np.int64)
    ok = frame["participant"].isin(study.consenting()).to_numpy()
    by_consenting = np.asarray(used[ok].sum(axis=0)).ravel() > 0 if ok.any() else np.zeros(used.shape[1], bool)
    # a third speaker's passage is nobody's (``who`` None): it makes no person (pandas 3 keeps
    # None missing through astype(str), which factorize codes -1)
    who, people = pd.factorize(frame["who"].where(frame["who"].notna(), None).to_numpy(dtype=object))
    rows = np.flatnonzero(who >= 0)
    person_of = sparse.csr_matrix((np.ones(len(rows)), (who[rows], rows)), shape=(len(people), len(who)))
    by_people = np.asarray(((person_of @ used) > 0).sum(axis=0)).ravel()
    return publishable(by_consenting, by_people)


def _voices(members: pd.DataFrame) -> int:
    """Participants behind a theme: people with a passage in their own words (``kit.themes``)."""
    return int(members.loc[members["kind"].isin(PARTICIPANT_WORDS), "who"].nunique())


def _label_terms(words: list[str]) -> list[str]:
    """The first three terms, skipping a word already inside a chosen word pair."""
    chosen: list[str] = []
    for word in words:
        if any(word in c.split(" ") or c in word.split(" ") for c in chosen if " " in c or " " in word):
            continue
        chosen.append(word)
        if len(chosen) == 3:
            break
    return chosen


def _examples(study, frame, links, name_of, include_names) -> pd.DataFrame:
    from kit.privacy import redact, roster, unquotable

    columns = ["theme", "rank", "segment_id", "participant", "text"]
    ok = study.consenting()
    people = roster(study)
    members = links[links["k"] >= 0]
    participant = frame["participant"].to_numpy()[members["index"].to_numpy()]
    members = members[np.isin(participant, list(ok))]
    if not len(members):
        return pd.DataFrame(columns=columns)
    # Most representative: the largest share of the passage's weight in the theme times how
    # well the themes explain the passage.
    members = members.assign(score=members["weight"] * members["fit"], order=members["k"].map(
        {k: n for n, k in enumerate(name_of)}))
    ranked = members.sort_values(["order", "score", "index"], ascending=[True, False, True], kind="stable")
    # A passage of a consenting participant (or the team's note) may still repeat the
    # verbatim words of someone who did not consent: it is never an example. Passages are
    # looked at best first, only until each theme has its examples (not every member of every
    # theme: tens of thousands on one long transcript).
    words = unquotable(study)
    if words:
        texts = frame["text"].to_numpy()
        taken: Counter = Counter()
        keep = []
        for row, (order, index) in enumerate(zip(ranked["order"].tolist(), ranked["index"].tolist())):
            if order != order or taken[order] >= N_EXAMPLES:  # NaN: no named theme
                continue
            if not words.holds(texts[index]):
                taken[order] += 1
                keep.append(row)
        top = ranked.iloc[keep]
    else:
        top = ranked.groupby("order", sort=True).head(N_EXAMPLES)
    if not len(top):
        return pd.DataFrame(columns=columns)
    chosen = frame.iloc[top["index"].to_numpy()]
    return pd.DataFrame({
        "theme": top["theme"].to_numpy(),
        "rank": top.groupby("order").cumcount().to_numpy() + 1,
        "segment_id": chosen["segment_id"].to_numpy(),
        "participant": chosen["participant"].to_numpy(),
        "text": [redact(t, people, names=not include_names) for t in chosen["text"]],
    }, columns=columns)


def _by_segment(frame, links) -> pd.DataFrame:
    columns = ["theme", "segment", "participants", "passages", "mean_compound"]
    members = links[links["k"] >= 0]
    if not len(members):
        return pd.DataFrame(columns=columns)
    joined = members.join(frame[["who", "segment", "compound", "kind"]], on="index")
    joined["voice"] = joined["who"].where(joined["kind"].isin(PARTICIPANT_WORDS))  # insights: no one's voice
    table = joined.groupby(["theme", "segment"], sort=True).agg(
        participants=("voice", "nunique"), passages=("index", "size"), mean_compound=("compound", "mean"))
    return table.reset_index()[columns]


def _overlaps(frame, table, coded) -> pd.DataFrame:
    columns = ["theme", "code", "both", "theme_passages", "code_passages", "jaccard"]
    if coded is None or not len(coded):
        return pd.DataFrame(columns=columns)
    seg = "segment_id" if "segment_id" in coded else "segment"
    ours = set(frame["segment_id"])
    coded = coded[coded[seg].isin(ours)]
    by_code = {c: set(s) for c, s in coded.groupby("code")[seg]}
    rows = []
    for theme, sub in table[table["theme"] != UNASSIGNED].groupby("theme", sort=True):
        mine = set(sub["segment_id"])
        for code, theirs in sorted(by_code.items()):
            both = len(mine & theirs)
            if both:
                rows.append({"theme": theme, "code": code, "both": both, "theme_passages": len(mine),
                             "code_passages": len(theirs), "jaccard": both / len(mine | theirs)})
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- evaluation

def theme_code_f1(result: ThemeSuggestions, codings: pd.DataFrame, universe=None, min_passages: int = 5) -> pd.DataFrame:
    """For every code with at least ``min_passages`` coded passages, the suggested theme whose
    passages match the code's best, by F1 over passages (precision: share of the theme's
    passages with the code; recall: share of the code's passages in the theme).

    ``codings``: columns segment (or segment_id) and code, any number of coders (a passage
    counts as coded when any coder applied the code). ``universe``: the segment ids to score
    on (default: every passage of the result). Returns columns code, coded, theme, label,
    theme_passages, both, precision, recall, f1, sorted by code."""
    columns = ["code", "coded", "theme", "label", "theme_passages", "both", "precision", "recall", "f1"]
    seg = "segment_id" if "segment_id" in codings else "segment"
    universe = set(result.passages["segment_id"]) if universe is None else set(universe)
    coded = codings[codings[seg].isin(universe)]
    members = result.passages[(result.passages["theme"] != UNASSIGNED) & result.passages["segment_id"].isin(universe)]
    theme_sets = {t: set(s) for t, s in members.groupby("theme")["segment_id"]}
    labels = dict(zip(result.themes["theme"], result.themes["label"]))
    rows = []
    for code, segs in coded.groupby("code")[seg]:
        truth = set(segs)
        if len(truth) < min_passages:
            continue
        best = {"code": code, "coded": len(truth), "theme": "", "label": "", "theme_passages": 0, "both": 0,
                "precision": 0.0, "recall": 0.0, "f1": 0.0}
        for theme, mine in sorted(theme_sets.items()):
            both = len(truth & mine)
            if not both:
                continue
            p, r = both / len(mine), both / len(truth)
            f1 = 2 * p * r / (p + r)
            if f1 > best["f1"]:
                best.update(theme=theme, label=labels.get(theme, ""), theme_passages=len(mine), both=both,
                            precision=p, recall=r, f1=f1)
        rows.append(best)
    return pd.DataFrame(rows, columns=columns).sort_values("code").reset_index(drop=True)


# --------------------------------------------------------------------------- export

def _code_name(label_terms: list[str], taken: set[str]) -> str:
    base = "-".join(re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-") for t in label_terms[:2]) or "theme"
    name = f"suggested-{base}"
    n = 2
    while name in taken:
        name = f"suggested-{base}-{n}"
        n += 1
    taken.add(name)
    return name


def _roster_of(result: ThemeSuggestions):
    from kit.privacy import Roster, roster

    try:
        return roster(result.study_path) if result.study_path is not None else Roster()
    except (OSError, ValueError, KeyError):
        return Roster()


def suggested_codebook(result: ThemeSuggestions, existing=()) -> str:
    """The suggestions as codebook.yml text: one code per theme with a name
    (``suggested-<term>-<term>``, unique and distinct from ``existing`` code names), a
    definition stub to rewrite, the theme's keywords, and a comment with its evidence.
    Valid as a study's codebook.yml (``interview-kit check``); the kit never writes it into a
    study: a researcher reviews the entries and merges the ones worth keeping."""
    import yaml

    from kit.privacy import redact

    taken = set(existing)
    lines = ["# Suggested codes from `interview-kit themes` (theme discovery, no codebook used).",
             "# Review each entry: rename it, rewrite the definition, add include/exclude guidance,",
             "# drop the ones that are not themes, then merge the rest into the study's codebook.yml by hand.",
             (f"# Method: {result.settings.get('method')}, {len(result.themes)} themes"
              + (f" ({result.settings.get('n_themes')} asked for: at least one per language)"
                 if result.settings.get("n_themes") not in (None, len(result.themes)) else "")
              + f", seed {result.settings.get('seed')}."),
             "codes:"]
    people = _roster_of(result)
    for row in result.themes.itertuples(index=False):
        name = _code_name(row.label.split(" / "), taken)
        keywords = [k for k in str(row.keywords).split(", ") if k]
        lang = str(getattr(row, "language", "") or "en")
        if lang not in ("en", "und"):
            keywords = {lang: keywords}  # a plain list is English (docs/study-format.md)
        entry = {"name": name,
                 "definition": f"TODO: say what this code means. Suggested theme {row.theme}: passages about "
                               f"{row.terms}.",
                 "keywords": keywords}
        lines.append(f"  # {row.theme}: {row.passages} passages from {row.participants} participants; "
                     + (f"mean compound {row.mean_compound:+.2f}" if row.mean_compound == row.mean_compound
                        else f"no sentiment score ({lang}: VADER is English)")
                     + (f"; overlaps {row.overlapping_codes}" if row.overlapping_codes else ""))
        block = yaml.safe_dump([{k: v for k, v in entry.items() if k != "keywords"}], sort_keys=False,
                               allow_unicode=True, width=100)
        lines.extend("  " + line for line in block.rstrip("\n").split("\n"))
        lines.append("    keywords: " + yaml.safe_dump(keywords, default_flow_style=True, width=1000, allow_unicode=True).strip())
    if not len(result.themes):
        lines[-1] = "codes: []"
    return redact("\n".join(lines) + "\n", people, names=not result.settings.get("include_names", False))


class TargetInsideStudy(ValueError):
    """A write target that is, contains or lies inside the study folder."""


def check_target(out, study_path) -> Path:
    """``out`` resolved; raises ``TargetInsideStudy`` when it is the study folder, lies inside
    it or contains it (the kit never writes into a study except through commands made for it)."""
    out = Path(out).resolve()
    study = Path(study_path).resolve()
    if out == study or study in out.parents:
        raise TargetInsideStudy(f"{out}: the output folder may not be or lie inside the study {study}")
    if out in study.parents:
        raise TargetInsideStudy(f"{out}: the output folder may not contain the study {study}")
    return out


def write_suggestions(result: ThemeSuggestions, out) -> dict[str, Path]:
    """Write OUT/suggested_themes.csv (theme, label, terms, participants, passages,
    mean_compound, overlapping_codes, keywords, language), OUT/suggested_theme_passages.csv
    (segment_id, theme, weight), OUT/suggested_theme_examples.csv,
    OUT/suggested_themes_by_segment.csv, OUT/suggested_theme_terms.csv (theme, rank, term,
    feature, ctfidf) and OUT/suggested_codebook.yml, each to a temporary file first and then moved into place. Raises ``TargetInsideStudy`` for a target inside
    (or containing) the study. Returns {name: path}."""
    from kit.csvio import atomic_write_text
    from kit.outputs import WORKING, Outputs

    out = check_target(out, result.study_path) if result.study_path is not None else Path(out)
    existing = []
    if result.study_path is not None and (result.study_path / "codebook.yml").exists():
        from kit.codebook import load_codebook

        existing = load_codebook(result.study_path / "codebook.yml")[0].names
    paths = {
        "themes": out / "suggested_themes.csv",
        "passages": out / "suggested_theme_passages.csv",
        "examples": out / "suggested_theme_examples.csv",
        "by_segment": out / "suggested_themes_by_segment.csv",
        "terms": out / "suggested_theme_terms.csv",
        "codebook": out / "suggested_codebook.yml",
    }
    themes = result.themes.assign(mean_compound=result.themes["mean_compound"].round(4))
    # working outputs (kit.outputs): an interview id made of a file's name may hold a name
    writer = Outputs(None, result.study_path, WORKING, include_names=bool(result.settings.get("include_names")))
    writer.table(paths["themes"], themes)
    writer.table(paths["passages"], result.passages.assign(weight=result.passages["weight"].round(4)))
    writer.table(paths["examples"], result.examples)
    writer.table(paths["by_segment"], result.by_segment.round({"mean_compound": 4}))
    writer.table(paths["terms"], result.terms.round({"ctfidf": 6}))
    atomic_write_text(paths["codebook"], suggested_codebook(result, existing))
    return paths
