"""Fast VADER sentiment scores, identical to NLTK's.

:func:`compound` returns exactly what
``nltk.sentiment.vader.SentimentIntensityAnalyzer().polarity_scores(t)["compound"]``
returns (NLTK 3.10, with the lexicon built by :mod:`kit.nltkdata`), for every
text, several times faster. It is a faithful port of NLTK's algorithm, quirks
included -- the booster, negation and idiom tables, ALL-CAPS emphasis when only
some words are capitalised, ``but``, ``least``, ``kind of``, ``never so``,
``!``/``?`` amplification, alpha = 15 normalisation, rounding to 4 decimals and
the use of a repeated word's *first* position for its context -- computed with
precomputed per-token lookups instead of NLTK's word x punctuation dictionary
per sentence.

* :func:`compound` -- list of compound scores (``None``/NaN in, NaN out).
* :func:`compound_published` -- the same for a study's texts as published: a text that
  names someone of the roster is scored with the names redacted (:func:`as_published`), so
  a name that is also a word ("Grant", "Joy", "Hope") never moves a score.
* :func:`polarity` -- DataFrame with ``neg``, ``neu``, ``pos``, ``compound``.
* :func:`label` -- ``"positive"`` / ``"negative"`` / ``"neutral"`` at +-0.05.

Interview turns repeat ("yes", "okay", "that's fine"), so scores of whole texts
are cached (``cache=False`` turns that off). Importing this module does not
import NLTK.
"""
from __future__ import annotations

import math
import string
from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat

from kit.schema import is_missing

__all__ = [
    "compound",
    "compound_published",
    "as_published",
    "polarity",
    "polarity_scores",
    "label",
    "clear_cache",
    "POSITIVE_THRESHOLD",
]

#: Conventional VADER threshold: compound >= 0.05 is positive, <= -0.05 negative.
POSITIVE_THRESHOLD = 0.05

# --------------------------------------------------------------------------- NLTK constants
# Copied from nltk.sentiment.vader.VaderConstants (NLTK 3.10); the tests check
# that they still equal NLTK's.

B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74
ALPHA = 15

NEGATE = frozenset(
    """aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't
    daren't didn't doesn't dont hadnt hasnt havent isnt mightnt mustnt neither don't
    hadn't hasn't haven't isn't mightn't mustn't neednt needn't never none nope nor not
    nothing nowhere oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't
    uh-uh wasn't weren't without wont wouldnt won't wouldn't rarely seldom despite""".split()
)

_INCR_WORDS = """absolutely amazingly awfully completely considerably decidedly deeply
effing enormously entirely especially exceptionally extremely fabulously flipping
flippin fricking frickin frigging friggin fully fucking greatly hella highly hugely
incredibly intensely majorly more most particularly purely quite really remarkably so
substantially thoroughly totally tremendously uber unbelievably unusually utterly
very""".split()
_DECR_WORDS = """almost barely hardly kinda kindof kind-of less little marginally
occasionally partly scarcely slightly somewhat sorta sortof sort-of""".split()
_DECR_PHRASES = ["just enough", "kind of", "sort of"]

BOOSTER_DICT = {w: B_INCR for w in _INCR_WORDS}
BOOSTER_DICT.update({w: B_DECR for w in _DECR_WORDS + _DECR_PHRASES})

SPECIAL_CASE_IDIOMS = {
    "the shit": 3,
    "the bomb": 3,
    "bad ass": 1.5,
    "yeah right": -2,
    "cut the mustard": 2,
    "kiss of death": -1.5,
    "hand to mouth": -2,
}

PUNC_LIST = [
    ".", "!", "?", ",", ";", ":", "-", "'", '"',
    "!!", "!!!", "??", "???", "?!?", "!?!", "?!?!", "!?!?",
]

# Tokens never contain whitespace, so "a b" matches a two-token window exactly
# when (a, b) does: look the windows up as tuples instead of formatting strings.
_IDIOM_PAIRS = {tuple(k.split()): v for k, v in SPECIAL_CASE_IDIOMS.items() if k.count(" ") == 1}
_IDIOM_TRIPLES = {tuple(k.split()): v for k, v in SPECIAL_CASE_IDIOMS.items() if k.count(" ") == 2}
_BOOSTER_PAIRS = frozenset(tuple(k.split()) for k in BOOSTER_DICT if k.count(" ") == 1)
# Every token of an idiom or booster phrase: a window with none of them matches nothing.
_IDIOM_WORDS = frozenset(
    w for k in list(SPECIAL_CASE_IDIOMS) + list(BOOSTER_DICT) if " " in k for w in k.split()
)
_PUNC_SET = frozenset(PUNC_LIST)
_DEL_PUNCT = str.maketrans("", "", string.punctuation)
_SO_THIS = ("so", "this")

# --------------------------------------------------------------------------- lexicon and token lookups

_lexicon: dict[str, float] | None = None

# raw whitespace token -> info tuple, or None for a token NLTK drops (length <= 1).
# info = (word, lower, lexicon valence or None, word.isupper(), booster or None,
#         negation, part of an idiom or booster phrase)
_W, _LOWER, _LEX, _UPPER, _BOOST, _NEG, _IDIOM = range(7)
_token_info: dict[str, tuple | None] = {}
_TOKEN_CACHE_MAX = 500_000


def _make_lex_dict(text: str) -> dict[str, float]:
    """NLTK's ``SentimentIntensityAnalyzer.make_lex_dict``, line for line."""
    lex = {}
    for line in text.split("\n"):
        (word, measure) = line.strip().split("\t")[0:2]
        lex[word] = float(measure)
    return lex


def _get_lexicon() -> dict[str, float]:
    global _lexicon
    if _lexicon is None:
        from kit import nltkdata

        _lexicon = _make_lex_dict(nltkdata.lexicon_text())
    return _lexicon


def _word(raw: str) -> str:
    """The token NLTK's ``SentiText`` keeps for a raw whitespace token of length > 1:
    one PUNC_LIST entry before or after a word of 2+ characters is stripped."""
    core = raw.translate(_DEL_PUNCT)
    lc = len(core)
    if 1 < lc < len(raw):
        if raw.startswith(core) and raw[lc:] in _PUNC_SET:
            return core
        if raw.endswith(core) and raw[: len(raw) - lc] in _PUNC_SET:
            return core
    return raw


def _info(raw: str):
    if len(_token_info) >= _TOKEN_CACHE_MAX:
        _token_info.clear()
    if len(raw) <= 1:
        info = None
    else:
        w = _word(raw)
        lower = w.lower()
        info = (
            w,
            lower,
            _get_lexicon().get(lower),
            w.isupper(),
            BOOSTER_DICT.get(lower),
            lower in NEGATE or "n't" in lower,
            w in _IDIOM_WORDS,
        )
    _token_info[raw] = info
    return info


def _tokens(text: str) -> list:
    """NLTK's ``SentiText.words_and_emoticons`` for *text*, as info tuples."""
    raws = text.split()
    try:
        return list(filter(None, map(_token_info.__getitem__, raws)))
    except KeyError:  # a token not seen before
        out = []
        for raw in raws:
            info = _token_info.get(raw, _MISSING)
            if info is _MISSING:
                info = _info(raw)
            if info is not None:
                out.append(info)
        return out


_MISSING = object()


# --------------------------------------------------------------------------- the algorithm


def _scalar(p, valence, cap_diff):
    """``VaderConstants.scalar_inc_dec`` for the token info *p*."""
    scalar = 0.0
    b = p[_BOOST]
    if b is not None:
        scalar = b
        if valence < 0:
            scalar *= -1
        if p[_UPPER] and cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _idioms(valence, toks, i, n):
    """``SentimentIntensityAnalyzer._idioms_check`` (called only when i >= 3)."""
    w0 = toks[i][_W]
    w1 = toks[i - 1][_W]
    w2 = toks[i - 2][_W]
    w3 = toks[i - 3][_W]
    v = _IDIOM_PAIRS.get((w1, w0))
    if v is None:
        v = _IDIOM_TRIPLES.get((w2, w1, w0))
        if v is None:
            v = _IDIOM_PAIRS.get((w2, w1))
            if v is None:
                v = _IDIOM_TRIPLES.get((w3, w2, w1))
                if v is None:
                    v = _IDIOM_PAIRS.get((w3, w2))
    if v is not None:
        valence = v
    if n - 1 > i:
        w_1 = toks[i + 1][_W]
        v = _IDIOM_PAIRS.get((w0, w_1))
        if v is not None:
            valence = v
        if n - 1 > i + 1:
            v = _IDIOM_TRIPLES.get((w0, w_1, toks[i + 2][_W]))
            if v is not None:
                valence = v
    if (w3, w2) in _BOOSTER_PAIRS or (w2, w1) in _BOOSTER_PAIRS:
        valence = valence + B_DECR
    return valence


def _valence(toks, i, n, cap_diff):
    """``SentimentIntensityAnalyzer.sentiment_valence`` for a lexicon word at *i*."""
    t = toks[i]
    valence = t[_LEX]
    if t[_UPPER] and cap_diff:
        if valence > 0:
            valence += C_INCR
        else:
            valence -= C_INCR
    if i > 0:
        p = toks[i - 1]
        if p[_LEX] is None:  # start_i == 0
            s = _scalar(p, valence, cap_diff) if p[_BOOST] is not None else 0.0
            valence = valence + s
            if p[_NEG]:
                valence = valence * N_SCALAR
        if i > 1:
            p = toks[i - 2]
            if p[_LEX] is None:  # start_i == 1
                s = _scalar(p, valence, cap_diff) if p[_BOOST] is not None else 0.0
                if s != 0:
                    s = s * 0.95
                valence = valence + s
                if p[_W] == "never" and toks[i - 1][_W] in _SO_THIS:
                    valence = valence * 1.5
                elif p[_NEG]:
                    valence = valence * N_SCALAR
            if i > 2:
                p = toks[i - 3]
                if p[_LEX] is None:  # start_i == 2
                    s = _scalar(p, valence, cap_diff) if p[_BOOST] is not None else 0.0
                    if s != 0:
                        s = s * 0.9
                    valence = valence + s
                    if (p[_W] == "never" and toks[i - 2][_W] in _SO_THIS) or toks[i - 1][
                        _W
                    ] in _SO_THIS:
                        valence = valence * 1.25
                    elif p[_NEG]:
                        valence = valence * N_SCALAR
                    if t[_IDIOM] or p[_IDIOM] or toks[i - 1][_IDIOM] or toks[i - 2][_IDIOM]:
                        valence = _idioms(valence, toks, i, n)
        # _least_check
        p = toks[i - 1]
        if i > 1 and p[_LEX] is None and p[_LOWER] == "least":
            lower2 = toks[i - 2][_LOWER]
            if lower2 != "at" and lower2 != "very":
                valence = valence * N_SCALAR
        elif p[_LEX] is None and p[_LOWER] == "least":
            valence = valence * N_SCALAR
    return valence


def _sentiments(toks):
    """The non-zero entries of NLTK's ``sentiments`` list (after the ``but`` check),
    in order. Zeros add nothing to any of the sums NLTK takes over that list, so
    leaving them out gives bit-identical results."""
    n = len(toks)
    cap_diff = None
    memo = {}
    found = []
    for j in range(n):
        t = toks[j]
        if t[_LEX] is None or t[_BOOST] is not None:
            continue
        w = t[_W]
        v = memo.get(w)
        if v is None:
            # First occurrence: NLTK scores every occurrence at the first index.
            if t[_LOWER] == "kind" and j < n - 1 and toks[j + 1][_LOWER] == "of":
                v = 0
            else:
                if cap_diff is None:
                    caps = 0
                    for x in toks:
                        if x[_UPPER]:
                            caps += 1
                    cap_diff = 0 < caps < n
                v = _valence(toks, j, n, cap_diff)
            memo[w] = v
        if v:
            found.append((j, v))
    if not found:
        return found
    bi = -1
    for k in range(n):
        if toks[k][_LOWER] == "but":
            bi = k
            break
    if bi < 0:
        return [v for _, v in found]
    out = []
    for j, v in found:
        if j < bi:
            out.append(v * 0.5)
        elif j > bi:
            out.append(v * 1.5)
        else:
            out.append(v)
    return out


def _amplifier(text: str):
    """``_amplify_ep`` + ``_amplify_qm``."""
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        if qm_count <= 3:
            qm_amplifier = qm_count * 0.18
        else:
            qm_amplifier = 0.96
    return ep_amplifier + qm_amplifier


def _compound_of(text: str) -> float:
    vals = _sentiments(_tokens(text))
    if not vals:
        return 0.0
    sum_s = float(sum(vals))
    if sum_s > 0:
        sum_s += _amplifier(text)
    elif sum_s < 0:
        sum_s -= _amplifier(text)
    return round(sum_s / math.sqrt((sum_s * sum_s) + ALPHA), 4)


def _scores_of(text: str) -> dict:
    """NLTK's ``polarity_scores`` (neg, neu, pos, compound)."""
    toks = _tokens(text)
    n = len(toks)
    if not n:
        return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    vals = _sentiments(toks)
    sum_s = float(sum(vals))
    amp = _amplifier(text)
    if sum_s > 0:
        sum_s += amp
    elif sum_s < 0:
        sum_s -= amp
    comp = sum_s / math.sqrt((sum_s * sum_s) + ALPHA)
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = n
    for s in vals:
        if s > 0:
            pos_sum += float(s) + 1
            neu_count -= 1
        elif s < 0:
            neg_sum += float(s) - 1
            neu_count -= 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amp
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amp
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {
        "neg": round(math.fabs(neg_sum / total), 3),
        "neu": round(math.fabs(neu_count / total), 3),
        "pos": round(math.fabs(pos_sum / total), 3),
        "compound": round(comp, 4),
    }


# --------------------------------------------------------------------------- many texts at once

_BATCH_MAX = 20_000  # texts scored together at most (memory; each text is scored alone)
_BATCH_MIN = 256  # fewer distinct texts than this: one at a time (arrays cost more than they save)


def _flags(infos: list) -> dict:
    """Per distinct token (its info tuple, ``None`` for one NLTK drops), the arrays
    :func:`_compound_many` reads: each a token's property as ``_valence`` tests it."""
    import numpy as np

    real = [i if i is not None else ("", "", None, False, None, False, False) for i in infos]
    words = {}
    return {
        "kept": np.fromiter((i is not None for i in infos), dtype=bool, count=len(infos)),
        "lex": np.array([math.nan if i[_LEX] is None else i[_LEX] for i in real], dtype=np.float64),
        "has_lex": np.fromiter((i[_LEX] is not None for i in real), dtype=bool, count=len(real)),
        "boost": np.array([0.0 if i[_BOOST] is None else i[_BOOST] for i in real], dtype=np.float64),
        "has_boost": np.fromiter((i[_BOOST] is not None for i in real), dtype=bool, count=len(real)),
        "upper": np.fromiter((i[_UPPER] for i in real), dtype=bool, count=len(real)),
        "neg": np.fromiter((i[_NEG] for i in real), dtype=bool, count=len(real)),
        "idiom": np.fromiter((i[_IDIOM] for i in real), dtype=bool, count=len(real)),
        "never": np.fromiter((i[_W] == "never" for i in real), dtype=bool, count=len(real)),
        "so_this": np.fromiter((i[_W] in _SO_THIS for i in real), dtype=bool, count=len(real)),
        "least": np.fromiter((i[_LOWER] == "least" for i in real), dtype=bool, count=len(real)),
        "at_very": np.fromiter((i[_LOWER] in ("at", "very") for i in real), dtype=bool, count=len(real)),
        "kind": np.fromiter((i[_LOWER] == "kind" for i in real), dtype=bool, count=len(real)),
        "of": np.fromiter((i[_LOWER] == "of" for i in real), dtype=bool, count=len(real)),
        "but": np.fromiter((i[_LOWER] == "but" for i in real), dtype=bool, count=len(real)),
        "word": np.fromiter((words.setdefault(i[_W], len(words)) for i in real), dtype=np.int64, count=len(real)),
        "words": words,
    }


def _scalars(f, p, valence, cap_diff):
    """``_scalar`` of the tokens ``p`` (flat positions) for the valences ``valence``; 0.0
    where the token is not a booster."""
    import numpy as np

    scalar = np.where(valence < 0, f["boost"][p] * -1, f["boost"][p])
    scalar = np.where(f["upper"][p] & cap_diff, np.where(valence > 0, scalar + C_INCR, scalar - C_INCR), scalar)
    return np.where(f["has_boost"][p], scalar, 0.0)


def _compound_many(texts: list[str]) -> list[float]:
    """``[_compound_of(t) for t in texts]`` (distinct strings), computed as arrays over all
    the texts' tokens: ``_valence`` of every lexicon word at once, the first occurrence's
    value for a repeated word, ``but``, the sums in the order NLTK adds, and ``_valence``
    itself where an idiom or booster phrase may apply."""
    import numpy as np

    joined = " \x00 ".join(texts)  # a lone NUL (one character: a token NLTK drops) between texts
    if joined.count("\x00") == len(texts) - 1:
        raws = joined.split()
        vocab = list(set(raws))
        id_of = dict(zip(vocab, range(len(vocab))))
        ids = np.fromiter(map(id_of.__getitem__, raws), dtype=np.int64, count=len(raws))
        text_of = np.cumsum(ids == id_of.get("\x00", -1))
    else:
        split = [t.split() for t in texts]
        raws = [r for words in split for r in words]
        vocab = list(set(raws))
        id_of = dict(zip(vocab, range(len(vocab))))
        ids = np.fromiter(map(id_of.__getitem__, raws), dtype=np.int64, count=len(raws))
        text_of = np.repeat(np.arange(len(texts)), [len(words) for words in split])
    infos = [_token_info[r] if r in _token_info else _info(r) for r in vocab]
    f = _flags(infos)
    kept = f["kept"][ids]
    ids, text_of = ids[kept], text_of[kept]
    n = np.bincount(text_of, minlength=len(texts))
    first = np.cumsum(n) - n
    at = np.arange(len(ids)) - first[text_of]  # each token's index in its text
    caps = np.bincount(text_of, weights=f["upper"][ids], minlength=len(texts))
    cap_diff_t = (caps > 0) & (caps < n)
    g = {k: v[ids] for k, v in f.items() if k not in ("kept", "words")}  # per token
    j = np.flatnonzero(g["has_lex"] & ~g["has_boost"])  # the words scored
    i, t = at[j], text_of[j]
    cap_diff = cap_diff_t[t]
    valence = g["lex"][j]
    valence = np.where(g["upper"][j] & cap_diff, np.where(valence > 0, valence + C_INCR, valence - C_INCR), valence)
    p1, p2, p3 = np.maximum(j - 1, 0), np.maximum(j - 2, 0), np.maximum(j - 3, 0)
    step = (i > 0) & ~g["has_lex"][p1]
    valence = np.where(step, valence + _scalars(g, p1, valence, cap_diff), valence)
    valence = np.where(step & g["neg"][p1], valence * N_SCALAR, valence)
    step = (i > 1) & ~g["has_lex"][p2]
    s = _scalars(g, p2, valence, cap_diff)
    valence = np.where(step, valence + np.where(s != 0, s * 0.95, s), valence)
    never = g["never"][p2] & g["so_this"][p1]
    valence = np.where(step & never, valence * 1.5, np.where(step & ~never & g["neg"][p2], valence * N_SCALAR, valence))
    step = (i > 2) & ~g["has_lex"][p3]
    s = _scalars(g, p3, valence, cap_diff)
    valence = np.where(step, valence + np.where(s != 0, s * 0.9, s), valence)
    so = (g["never"][p3] & g["so_this"][p2]) | g["so_this"][p1]
    valence = np.where(step & so, valence * 1.25, np.where(step & ~so & g["neg"][p3], valence * N_SCALAR, valence))
    phrase = np.flatnonzero(step & (g["idiom"][j] | g["idiom"][p3] | g["idiom"][p1] | g["idiom"][p2]))
    if len(phrase):
        valence[phrase] = _idioms_many(g["word"], f["words"], j[phrase], i[phrase], n[t[phrase]], valence[phrase])
    least = (i > 0) & ~g["has_lex"][p1] & g["least"][p1] & ((i == 1) | ~g["at_very"][p2])
    valence = np.where(least, valence * N_SCALAR, valence)
    following = np.minimum(j + 1, len(ids) - 1)
    valence = np.where(g["kind"][j] & (i < n[t] - 1) & g["of"][following], 0.0, valence)
    # a repeated word is scored at its first place in the text (memo in _sentiments)
    key = t * (int(g["word"].max(initial=0)) + 1) + g["word"][j]
    _, firsts, back = np.unique(key, return_index=True, return_inverse=True)
    valence = valence[firsts][back]
    # but: halved before the first "but" of the text, times 1.5 after it
    buts = np.flatnonzero(g["but"])
    first_but = np.full(len(texts), -1, dtype=np.int64)
    with_but, where = np.unique(text_of[buts], return_index=True)
    first_but[with_but] = at[buts[where]]
    bi = first_but[t]
    valence = np.where(bi < 0, valence, np.where(i < bi, valence * 0.5, np.where(i > bi, valence * 1.5, valence)))
    nonzero = valence != 0
    valence, t = valence[nonzero], t[nonzero]
    count = np.bincount(t, minlength=len(texts))
    start = np.cumsum(count) - count
    total = np.zeros(len(texts), dtype=np.float64)
    for c in range(int(count.max(initial=0))):  # added left to right, as sum() does
        live = np.flatnonzero(count > c)
        total[live] = total[live] + valence[start[live] + c]
    scored = np.flatnonzero(count)
    sum_s = total[scored]
    marks = [texts[k] for k in scored.tolist()]
    ep = np.minimum(np.fromiter(map(str.count, marks, repeat("!")), dtype=np.int64, count=len(marks)), 4) * 0.292
    qm = np.fromiter(map(str.count, marks, repeat("?")), dtype=np.int64, count=len(marks))
    amp = ep + np.where(qm > 1, np.where(qm <= 3, qm * 0.18, 0.96), 0.0)  # _amplifier
    sum_s = np.where(sum_s > 0, sum_s + amp, np.where(sum_s < 0, sum_s - amp, sum_s))
    out = [0.0] * len(texts)
    for k, value in zip(scored.tolist(), (sum_s / np.sqrt((sum_s * sum_s) + ALPHA)).tolist()):
        out[k] = round(value, 4)
    return out


def _idioms_many(word, ids_of: dict, j, i, n, valence):
    """``_idioms`` at the flat token positions ``j`` (each ``i``-th of its text of ``n``
    tokens, ``i`` >= 3) for the valences ``valence``; ``word`` holds each token's word id,
    ``ids_of`` the ids of the words."""
    import numpy as np

    last = len(word) - 1
    w = [word[j - 3], word[j - 2], word[j - 1], word[j], word[np.minimum(j + 1, last)], word[np.minimum(j + 2, last)]]
    none = np.full(len(j), np.nan)

    def look(table, *at):  # the value of the phrase of words w[at[0]], w[at[1]]... (NaN: none)
        got = none
        for phrase, v in table.items():
            known = [ids_of.get(x) for x in phrase]
            if None not in known:
                hit = np.logical_and.reduce([w[a] == k for a, k in zip(at, known)])
                got = np.where(hit, float(v), got)
        return got

    v = look(_IDIOM_PAIRS, 2, 3)
    for more in (look(_IDIOM_TRIPLES, 1, 2, 3), look(_IDIOM_PAIRS, 1, 2), look(_IDIOM_TRIPLES, 0, 1, 2),
                 look(_IDIOM_PAIRS, 0, 1)):
        v = np.where(np.isnan(v), more, v)
    valence = np.where(np.isnan(v), valence, v)
    v = look(_IDIOM_PAIRS, 3, 4)
    valence = np.where((n - 1 > i) & ~np.isnan(v), v, valence)
    v = look(_IDIOM_TRIPLES, 3, 4, 5)
    valence = np.where((n - 1 > i + 1) & ~np.isnan(v), v, valence)
    boosted = ~np.isnan(look(dict.fromkeys(_BOOSTER_PAIRS, 0), 0, 1)) | ~np.isnan(look(dict.fromkeys(_BOOSTER_PAIRS, 0), 1, 2))
    return np.where(boosted, valence + B_DECR, valence)

_cached_compound = lru_cache(maxsize=100_000)(_compound_of)
_cached_scores = lru_cache(maxsize=100_000)(_scores_of)


def clear_cache(tokens: bool = False) -> None:
    """Forget cached scores of whole texts (and, with ``tokens=True``, the
    per-token lookups too)."""
    _cached_compound.cache_clear()
    _cached_scores.cache_clear()
    if tokens:
        _token_info.clear()


# --------------------------------------------------------------------------- public API


_is_missing = is_missing  # what counts as missing: kit.schema


def _iter_texts(texts):
    if isinstance(texts, (str, bytes)):
        raise TypeError(
            "compound() takes a list, iterable or Series of strings, not a single string; "
            "wrap it: compound([text])"
        )
    if not isinstance(texts, Iterable):
        raise TypeError(f"expected an iterable of strings, got {type(texts).__name__}")
    return texts


def _bad_type(t):
    return TypeError(f"expected a string (or None/NaN), got {type(t).__name__}: {t!r}")


def compound(texts, *, cache: bool = True) -> list[float]:
    """VADER compound score of each text, identical to NLTK's
    ``SentimentIntensityAnalyzer.polarity_scores(t)["compound"]``.

    ``texts`` is a list, any iterable or a pandas Series of strings; ``None`` and
    NaN give NaN. ``cache=False`` skips the cache of repeated texts.
    """
    fn = _cached_compound if cache else _compound_of
    if _lexicon is None:
        _get_lexicon()
    texts = _iter_texts(texts)
    if isinstance(texts, list) and len(texts) >= _BATCH_MIN:
        distinct = dict.fromkeys(t for t in texts if type(t) is str)
        if len(distinct) >= _BATCH_MIN:  # many texts: scored together, each distinct one once
            distinct = list(distinct)  # scored in slices: the arrays of all texts at once are large
            got = dict(zip(distinct, (score for i in range(0, len(distinct), _BATCH_MAX)
                                      for score in _compound_many(distinct[i:i + _BATCH_MAX]))))

            if set(map(type, texts)) == {str}:  # checked in C
                return list(map(got.__getitem__, texts))  # every text is one of ``got``'s

            def fn(text, got=got):
                return got[text] if text in got else _compound_of(text)
    out = []
    append = out.append
    nan = math.nan
    for t in texts:
        if type(t) is str:
            append(fn(t))
        elif isinstance(t, str):
            append(fn(str(t)))
        elif _is_missing(t):
            append(nan)
        else:
            raise _bad_type(t)
    return out


def as_published(texts, people) -> list:
    """``texts`` as a score should read them: a text in which :func:`kit.privacy.redact`
    replaces a roster name of ``people`` (a ``kit.privacy.Roster``; or an identifier said
    aloud) is replaced by that redacted text, the one the kit publishes; every other text is
    returned as it is (the same object), so its score cannot change. The texts that provably
    hold nothing to redact are found together (:func:`kit.privacy_batch.unredacted`); only
    the rest are redacted, each distinct text once. An acronym in capitals that VADER knows
    only as slang ("PO") is masked too (:func:`kit.sentiment_terms.as_terms`)."""
    from kit.sentiment_terms import as_terms  # a purchase order (PO) is not "pissed off"

    texts = _iter_texts(texts)
    texts = texts if isinstance(texts, list) else list(texts)
    if people is None or not people.matcher:
        return as_terms(texts)  # no roster: no name to hide
    from kit.privacy import redact_both
    from kit.privacy_batch import unredacted

    quiet = unredacted([t for t in texts if type(t) is str], people)
    seen: dict = {}
    out = []
    for t in texts:
        if type(t) is not str or t in quiet:
            out.append(t)
            continue
        shown = seen.get(t)
        if shown is None:
            named, unnamed = redact_both(t, people)  # the same text unless it names someone
            shown = seen[t] = named if named != unnamed else t
        out.append(shown)
    return as_terms(out)


def compound_published(texts, people, *, cache: bool = True) -> list[float]:
    """:func:`compound` of ``texts`` :func:`as_published` with the roster ``people``: a name
    the kit redacts (a participant called Grant Rich, Joy or Hope) never moves a score, and two
    texts that read the same once redacted get the same score (attack s11 A2)."""
    return compound(as_published(texts, people), cache=cache)


def polarity_scores(text: str, *, cache: bool = True) -> dict:
    """NLTK's ``polarity_scores`` for one string: ``{"neg", "neu", "pos", "compound"}``."""
    if not isinstance(text, str):
        raise _bad_type(text)
    if _lexicon is None:
        _get_lexicon()
    d = (_cached_scores if cache else _scores_of)(str(text))
    return dict(d)


def polarity(texts, *, cache: bool = True):
    """A DataFrame with columns ``neg``, ``neu``, ``pos``, ``compound``, one row per
    text (NaN for ``None``/NaN); a Series keeps its index."""
    import pandas as pd

    fn = _cached_scores if cache else _scores_of
    if _lexicon is None:
        _get_lexicon()
    index = texts.index if isinstance(texts, pd.Series) else None
    rows = []
    nan_row = {"neg": math.nan, "neu": math.nan, "pos": math.nan, "compound": math.nan}
    for t in _iter_texts(texts):
        if isinstance(t, str):
            rows.append(fn(str(t)))
        elif _is_missing(t):
            rows.append(nan_row)
        else:
            raise _bad_type(t)
    return pd.DataFrame(rows, index=index, columns=["neg", "neu", "pos", "compound"], dtype=float)


def _label_one(value, threshold):
    if value is None or _is_missing(value):
        return None
    if value >= threshold:
        return "positive"
    if value <= -threshold:
        return "negative"
    return "neutral"


def label(compound, threshold: float = POSITIVE_THRESHOLD):
    """``"positive"`` if compound >= threshold, ``"negative"`` if <= -threshold,
    else ``"neutral"`` (``None`` for a missing score). Takes one number, or a
    list/array (returns a list) or a Series (returns a Series)."""
    if isinstance(compound, (int, float)) and not isinstance(compound, bool) or compound is None:
        return _label_one(compound, threshold)
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        pd = None
    if pd is not None and isinstance(compound, pd.Series):
        return compound.map(lambda v: _label_one(v, threshold))
    if isinstance(compound, Iterable) and not isinstance(compound, (str, bytes)):
        return [_label_one(v, threshold) for v in compound]
    return _label_one(compound, threshold)
