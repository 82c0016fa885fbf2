"""Customer language: the words and phrases participants use, and which of them are
distinctive of a segment or a theme.

* :func:`participant_words` -- the participants' own words, once: their transcript turns,
  and the key quotes of interviews that have no transcript;
* :func:`collocations` -- two-word phrases that occur together more than chance, found with
  NLTK's ``BigramCollocationFinder`` (a frequency filter, then Dunning's likelihood ratio
  or PMI), with how many people used each;
* :func:`keyness` -- words over- (and under-) used in a target set of texts against a
  reference set, by log-likelihood G2 (Rayson & Garside 2000) with the log ratio effect
  size (Hardie 2014); :func:`keyness_by` does it for every segment value (each against the
  rest) and :func:`theme_words` for every code (its segments against all other segments);
* :func:`phrase_quotes` -- examples of a phrase in use, only from participants who
  consented to being quoted;
* :func:`publishable` / :func:`publishable_terms` -- the one rule for publishing a term
  (a word or phrase): a participant who consented to being quoted used it, or at least
  :data:`MIN_PEOPLE_WITHOUT_CONSENT` people did. Given ``consenting``, collocations,
  keyness_by and theme_words keep only such terms (``kit.theme_discovery`` uses it too).

Tokenization needs no downloaded model: lower-cased words of letters in any script with their
combining marks (:func:`letter_words`: "pełna", "estação", "ıstakoz", "người" whole, decomposed
input composed first, NFC); the stopword list is the kit's own (``kit.themes.STOPWORDS``), and
where :func:`participant_words` knows a text's language (a study declaring ``languages:``, or
interviews declared in another language than English), that language's stop words (the
``stop-words`` package's lists) too, in keyness and phrases alike.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import cache

import numpy as np
import pandas as pd
from nltk.tokenize import RegexpTokenizer

from kit.schema import COLLOCATION_COLUMNS, KEYNESS_COLUMNS
from kit.schema import named_interviews
from kit.schema import person as schema_person
from kit.stats import g2, log_ratio  # keyness statistics: their one home is kit.stats
from kit.study import as_study
from kit.themes import STOPWORDS
from kit.transcript_letters import MARKS

__all__ = ["STOPWORDS", "NUMBER_WORDS", "letter_words", "words", "stop_words_of", "content_words", "participant_words", "g2", "log_ratio",
           "collocations", "keyness", "keyness_by", "theme_words", "phrase_quotes",
           "MIN_PEOPLE_WITHOUT_CONSENT", "publishable", "publishable_terms"]

_TOKENIZER = RegexpTokenizer(r"[a-z]+(?:['’][a-z]+)*")
MIN_LENGTH = 3
#: Numbers spelled out: amounts and durations ("forty five", "three days") are left out of
#: phrases, where they would crowd out the words customers choose.
NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
seventy eighty ninety hundred thousand million billion half""".split())


# Scripts written without spaces between words (Han, kana, Thai, Lao, Myanmar, Khmer): a run of
# their letters is a phrase or a sentence, not a word, so they separate words (and are left out
# of words, as before) rather than making one sentence a "word" of a table.
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# a letter (or digit), then letters with their combining marks: a mark never starts a word
_LETTERS = rf"[^\W\d_{_UNSPACED}](?:[^\W\d_{_UNSPACED}]|[{MARKS}])*"
_ALNUMS = rf"[^\W_{_UNSPACED}](?:[^\W_{_UNSPACED}]|[{MARKS}])*"
_LETTER_WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*")
_ALNUM_WORD = re.compile(rf"{_ALNUMS}(?:['’]{_LETTERS})?")


def letter_words(text: str, digits: bool = False) -> list[str]:
    """The lower-cased words of a text that is not ASCII, in every script written with spaces:
    letters with their combining marks (a decomposed "ã" or Vietnamese "ệ" stays in its word)
    and inner apostrophes; the text is composed (NFC) first, so "estação" typed decomposed is
    the same word. Turkish "İ" lower-cases to "i". With ``digits``, digits join words and one
    apostrophe ending is kept, as ``kit.coding.tokens`` does for ASCII (theme discovery).
    An ASCII text gives the words :func:`words` (or ``kit.coding.tokens``) gives it."""
    text = unicodedata.normalize("NFC", str(text)).replace("İ", "i").lower()
    return (_ALNUM_WORD if digits else _LETTER_WORD).findall(text)


def words(text) -> list[str]:
    """Lower-cased words of a text (letters of any script with their marks, and inner
    apostrophes; digits are dropped; :func:`letter_words` for a text that is not ASCII)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return []
    text = str(text)
    if text.isascii():
        return _TOKENIZER.tokenize(text.lower())
    return [w.replace("’", "'") for w in letter_words(text)]


@cache
def stop_words_of(language: str) -> frozenset[str]:
    """The kit's stopwords and, for a language other than English that the ``stop-words``
    package lists, that language's stop words (lower-cased, NFC; empty additions otherwise)."""
    from stop_words import LANGUAGE_MAPPING, get_stop_words

    if not isinstance(language, str) or language == "en" or language not in LANGUAGE_MAPPING:
        return STOPWORDS
    extra = {unicodedata.normalize("NFC", w.lower()).replace("’", "'") for w in get_stop_words(language)}
    return STOPWORDS | frozenset(extra)


def _is_content(word: str, stopwords=STOPWORDS) -> bool:
    return len(word) >= MIN_LENGTH and word not in stopwords and "'" not in word


def content_words(text, stopwords=STOPWORDS) -> list[str]:
    """:func:`words` without stopwords, contractions and words shorter than 3 letters."""
    return [w for w in words(text) if _is_content(w, stopwords)]


def participant_words(study, attribute: str | None = None) -> pd.DataFrame:
    """The participants' own words, each once: participant turns of transcribed interviews
    and the key quotes of interviews without a transcript (a quote of a transcribed
    interview repeats one of its turns); a third speaker's words (a turn or quote with no
    participant in an interview that names one) are left out: they count for nobody, and so are the
    notes of people not interviewed (:func:`kit.sample.not_interviewed`). Columns segment_id, interview_id, participant,
    kind, the participant ``attribute`` (default the study's segment attribute), text, and for a
    study whose ``languages:`` name one other than English, each text's ``language``
    (``kit.languages.annotate``; :func:`keyness_by` then leaves out that language's stop words)."""
    study = as_study(study)
    attribute = attribute or study.segment_attribute
    segments = study.segments()
    transcribed = set(study.turns["interview_id"])
    keep = (segments["kind"] == "turn") | ((segments["kind"] == "quote") & ~segments["interview_id"].isin(transcribed))
    # a third speaker (an interpreter, a daughter: no participant in an interview that names one)
    # is nobody: their words are not the customers' language (kit.schema.person)
    keep &= schema_person(segments, named_interviews(study.interviews)).notna().to_numpy()
    from kit.sample import not_interviewed  # a no-show's note: nobody interviewed said it (kit.themes.n_participants)

    keep &= ~segments["participant"].isin(not_interviewed(study)).to_numpy()
    frame = segments[keep].reset_index(drop=True)
    frame["participant"] = frame["participant"].fillna("").astype(str)
    columns = ["segment_id", "interview_id", "participant", "kind", "text"]
    if attribute in study.interviews.columns:
        value = study.interviews.set_index("interview_id")[attribute]
        frame[attribute] = frame["interview_id"].map(value).fillna("").astype(str)
        columns.insert(4, attribute)
    if _declares_other_languages(study):
        # each text's language (kit.languages), so keyness leaves out that language's stop words
        from kit import languages

        _, said = languages.annotate(study, study.turns, segments)
        found = dict(zip(said["segment_id"].tolist(), said["language"].tolist()))
        frame["language"] = [found.get(sid, languages.UNDETERMINED) for sid in frame["segment_id"].tolist()]
        columns.append("language")
    return frame[columns]


def _declares_other_languages(study) -> bool:
    """Whether study.yml ``languages:`` names a language other than English, or an interview
    is declared in one (participants.csv ``language``, a note's ``language``:
    ``kit.languages.declared_languages``; newcomer s13 F10: Vietnamese function words were
    published as customer language in a study declaring them only there)."""
    wanted = (getattr(study, "config", None) or {}).get("languages")
    wanted = [wanted] if isinstance(wanted, str) else wanted
    if isinstance(wanted, list) and any(str(w).strip().lower() not in ("", "en") for w in wanted):
        return True
    from kit.languages import declared_languages

    return any(code not in ("", "en") for code in declared_languages(study).values())


# --------------------------------------------------------------------------- consent
#: A term none of whose users consented to being quoted is published only when at least this
#: many people used it: a phrase only one person used is their words, and may identify them.
MIN_PEOPLE_WITHOUT_CONSENT = 2


def publishable(by_consenting, people):
    """The rule for publishing a term (one home; scalars or numpy arrays alike): True when
    ``by_consenting`` (a participant who consented to being quoted used it) or ``people``
    (how many people used it) is at least :data:`MIN_PEOPLE_WITHOUT_CONSENT`."""
    return by_consenting | (people >= MIN_PEOPLE_WITHOUT_CONSENT)


def _users(terms, texts, who) -> dict[str, set]:
    """term -> the people of ``who`` (one per text) whose text holds it (as whole words)."""
    wanted = {t: tuple(words(t)) for t in terms}
    lengths = {len(w) for w in wanted.values() if w}
    found: dict[tuple, set] = {w: set() for w in wanted.values() if w}
    for person, text in zip(who, texts):
        toks = words(text)
        grams = {tuple(toks[i:i + n]) for n in lengths for i in range(len(toks) - n + 1)}
        for gram in grams & found.keys():
            found[gram].add(person)
    return {t: found.get(w, set()) for t, w in wanted.items()}


def publishable_terms(terms, texts, who, consenting) -> list[bool]:
    """Per term of ``terms`` (a word or a phrase of words), whether it may be published
    (:func:`publishable`): ``texts`` are the participants' words, ``who`` the person of each
    text (``kit.schema.person``), ``consenting`` the ids who consented to being quoted
    (``Study.consenting()``)."""
    terms = list(terms)
    consenting = set(consenting)
    users = _users(terms, texts, who)
    return [bool(publishable(bool(users[t] & consenting), len(users[t]))) for t in terms]


# --------------------------------------------------------------------------- phrases



def collocations(texts, who=None, min_freq: int = 3, min_people: int = 1, measure: str = "likelihood_ratio",
                 top: int | None = 20, stopwords=STOPWORDS, numbers: bool = False,
                 consenting=None, languages=None) -> pd.DataFrame:
    """Two-word phrases of ``texts`` (each text is a document: no phrase spans two turns),
    seen at least ``min_freq`` times and used by at least ``min_people`` of ``who`` (one
    person per text; default: each text its own person), ranked by ``measure``
    ("likelihood_ratio" or "pmi"). Phrases with a stopword, a contraction or a word
    shorter than 3 letters are left out, and so are those with a number word
    (:data:`NUMBER_WORDS`) unless ``numbers`` is True. Given ``consenting`` (participant
    ids, ``Study.consenting()``), only :func:`publishable` phrases are kept. Given ``languages``
    (one code per text, :func:`participant_words`' ``language``), a text's words that are stop words
    of its language (:func:`stop_words_of`: "tôi phải", "I must") make no phrase either."""
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    if measure not in ("likelihood_ratio", "pmi"):
        raise ValueError(f"measure must be 'likelihood_ratio' or 'pmi', not {measure!r}")
    texts = list(texts)
    who = list(range(len(texts))) if who is None else list(who)
    docs = [words(t) for t in texts]
    if languages is not None:  # a stop word of the text's language breaks a phrase, as an English one does
        stops = {lang: stop_words_of(lang) for lang in set(languages)}
        docs = [[w if w not in stops[lang] else "" for w in doc] for doc, lang in zip(docs, languages)]
    finder = BigramCollocationFinder.from_documents(docs)
    finder.apply_freq_filter(min_freq)
    skip = frozenset() if numbers else NUMBER_WORDS
    finder.apply_word_filter(lambda w: not _is_content(w, stopwords) or w in skip)
    measures = BigramAssocMeasures()
    lr = dict(finder.score_ngrams(measures.likelihood_ratio))
    pmi = dict(finder.score_ngrams(measures.pmi))
    users: dict[tuple, set] = {}
    wanted = set(lr)
    for person, doc in zip(who, docs):
        for pair in zip(doc, doc[1:]):
            if pair in wanted:
                users.setdefault(pair, set()).add(person)
    if consenting is not None:
        consenting = set(consenting)
        lr = {pair: score for pair, score in lr.items()
              if publishable(bool(users.get(pair, set()) & consenting), len(users.get(pair, ())))}
    rows = [{"phrase": " ".join(pair), "freq": int(finder.ngram_fd[pair]), "people": len(users.get(pair, ())),
             "likelihood_ratio": float(lr[pair]), "pmi": float(pmi[pair])} for pair in lr]
    frame = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)
    frame = frame[frame["people"] >= min_people]
    frame = frame.sort_values([measure, "freq", "phrase"], ascending=[False, False, True])
    if top is not None:
        frame = frame.head(top)
    return frame.reset_index(drop=True)


# --------------------------------------------------------------------------- keyness



def _content_counts(texts, stopwords, languages=None) -> Counter:
    """Content words of ``texts``; given ``languages`` (one per text), each text also without
    its language's stop words (:func:`stop_words_of`)."""
    if languages is None:
        return Counter(w for t in texts for w in content_words(t, stopwords))
    stops: dict = {}
    counts: Counter = Counter()
    for t, lang in zip(texts, languages):
        if lang not in stops:
            extra = stop_words_of(lang)
            stops[lang] = stopwords if extra is STOPWORDS else frozenset(stopwords) | extra
        counts.update(content_words(t, stops[lang]))
    return counts


def keyness(target_texts, reference_texts, min_freq: int = 3, top: int | None = 20, overused_only: bool = True,
            stopwords=STOPWORDS, target_languages=None, reference_languages=None) -> pd.DataFrame:
    """Words that set ``target_texts`` apart from ``reference_texts``: content words seen at
    least ``min_freq`` times in the target, with their frequencies (raw and per 1,000
    words of each corpus), log-likelihood ``g2`` (:func:`g2`), its ``p_value`` (chi-square,
    1 degree of freedom), ``log_ratio`` (:func:`log_ratio`) and ``use`` ("over" when
    relatively more frequent in the target, else "under"). Largest G2 first; with
    ``overused_only`` (default) only the over-used words.

    Corpus sizes count content words only, so stopwords do not dilute the comparison. Given
    ``target_languages`` / ``reference_languages`` (one language code per text), each text
    also leaves out its language's stop words (:func:`stop_words_of`)."""
    from scipy.stats import chi2

    target = _content_counts(target_texts, stopwords, target_languages)
    reference = _content_counts(reference_texts, stopwords, reference_languages)
    c, d = sum(target.values()), sum(reference.values())
    vocab = sorted(w for w, n in target.items() if n >= min_freq)
    if not vocab or c == 0 or d == 0:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    a = np.array([target[w] for w in vocab], dtype=float)
    b = np.array([reference.get(w, 0) for w in vocab], dtype=float)
    scores = np.atleast_1d(g2(a, b, c, d))
    frame = pd.DataFrame({
        "word": vocab, "target_freq": a.astype("int64"), "reference_freq": b.astype("int64"),
        "target_per_1000": 1000 * a / c, "reference_per_1000": 1000 * b / d,
        "g2": scores, "p_value": chi2.sf(scores, 1), "log_ratio": np.atleast_1d(log_ratio(a, b, c, d)),
        "use": np.where(a / c > b / d, "over", "under")})
    if overused_only:
        frame = frame[frame["use"] == "over"]
    frame = frame.sort_values(["g2", "target_freq", "word"], ascending=[False, False, True])
    if top is not None:
        frame = frame.head(top)
    return frame.reset_index(drop=True)


def keyness_by(frame: pd.DataFrame, column: str, text: str = "text", min_freq: int = 3, top: int = 10,
               consenting=None, **kw) -> pd.DataFrame:
    """:func:`keyness` of each value of ``column`` (e.g. the segment) against all the
    other rows of ``frame``: one block of up to ``top`` words per value, with ``column``
    first and the ``people`` (participants) in that value who used the word. Given
    ``consenting`` (``Study.consenting()``), only :func:`publishable_terms` of ``frame``
    are kept (``frame`` has columns participant and interview_id)."""
    parts = []
    for value in sorted(set(frame[column].fillna("").astype(str))):
        mine = frame[column].fillna("").astype(str) == value
        table = keyness(frame.loc[mine, text], frame.loc[~mine, text], min_freq=min_freq,
                        top=None if consenting is not None else top, **_languages_of(frame, mine, kw))
        table = _only_publishable(table, frame[text], frame, consenting, top)
        table.insert(0, column, value)
        table["people"] = pd.Series(_people_using(frame[mine], table["word"], text), index=table.index, dtype="int64")
        parts.append(table)
    if not parts:
        return pd.DataFrame(columns=[column] + KEYNESS_COLUMNS + ["people"])
    return pd.concat(parts, ignore_index=True)


def _languages_of(frame: pd.DataFrame, mine, kw: dict) -> dict:
    """``kw`` with the languages of the target and reference texts when ``frame`` has a
    ``language`` column (:func:`participant_words` of a study with other languages)."""
    if "language" not in frame.columns or "target_languages" in kw:
        return kw
    language = frame["language"]
    return {**kw, "target_languages": language[mine].tolist(), "reference_languages": language[~mine].tolist()}


def _only_publishable(table, texts, frame, consenting, top):
    """``table`` (a :func:`keyness` table, largest first) without the words that are not
    :func:`publishable_terms`, cut to ``top`` rows; unchanged when ``consenting`` is None."""
    if consenting is None:
        return table
    keep = publishable_terms(table["word"], texts, schema_person(frame), consenting)
    table = table[np.array(keep, dtype=bool)] if len(table) else table
    return (table.head(top) if top is not None else table).reset_index(drop=True)


def _people_using(frame: pd.DataFrame, vocab, text: str = "text") -> list[int]:
    who = schema_person(frame)
    users: dict[str, set] = {w: set() for w in vocab}
    for person, t in zip(who, frame[text]):
        for w in set(content_words(t)) & users.keys():
            users[w].add(person)
    return [len(users[w]) for w in vocab]


def theme_words(coded: pd.DataFrame, texts: pd.DataFrame, codes=None, min_freq: int = 2, top: int = 8,
                consenting=None, **kw) -> pd.DataFrame:
    """The words customers use for each theme: :func:`keyness` of the texts coded with a
    code (``coded``: one row per segment_id and code) against every other text of
    ``texts`` (:func:`participant_words`). One block of up to ``top`` words per code, with
    the ``people`` who used the word in that theme's segments. Given ``consenting``
    (``Study.consenting()``), only :func:`publishable_terms` of ``texts`` are kept."""
    names = list(codes) if codes is not None else sorted(set(coded["code"]))
    parts = []
    for code in names:
        ids = set(coded.loc[coded["code"] == code, "segment_id"])
        mine = texts["segment_id"].isin(ids)
        if not mine.any():
            continue
        table = keyness(texts.loc[mine, "text"], texts.loc[~mine, "text"], min_freq=min_freq,
                        top=None if consenting is not None else top, **_languages_of(texts, mine, kw))
        table = _only_publishable(table, texts["text"], texts, consenting, top)
        table.insert(0, "code", code)
        table["people"] = pd.Series(_people_using(texts[mine], table["word"]), index=table.index, dtype="int64")
        parts.append(table)
    if not parts:
        return pd.DataFrame(columns=["code"] + KEYNESS_COLUMNS + ["people"])
    return pd.concat(parts, ignore_index=True)


def phrase_quotes(phrases, texts: pd.DataFrame, consenting, per_phrase: int = 1) -> pd.DataFrame:
    """Up to ``per_phrase`` texts in which each phrase (a word or a two-word phrase) is
    used, only from participants in ``consenting`` (``Study.consenting()``), shortest
    first. Columns phrase, segment_id, participant, text."""
    consenting = set(consenting)
    ok = texts[texts["participant"].isin(consenting)]
    tokenized = [(row.segment_id, row.participant, row.text, words(row.text)) for row in ok.itertuples(index=False)]
    rows = []
    for phrase in phrases:
        target = tuple(words(phrase))
        n = len(target)
        if not n:
            continue
        hits = [(len(str(text)), sid, who, text) for sid, who, text, toks in tokenized
                if any(tuple(toks[i:i + n]) == target for i in range(len(toks) - n + 1))]
        for _, sid, who, text in sorted(hits, key=lambda h: (h[0], h[1]))[:per_phrase]:
            rows.append({"phrase": phrase, "segment_id": sid, "participant": who, "text": text})
    return pd.DataFrame(rows, columns=["phrase", "segment_id", "participant", "text"])
