"""Themes from coded segments: how often, how strongly, with what, by whom, in whose words.

Pure functions on tidy tables. Most take a *coded* table, one row per (segment, code) with
segment_id, interview_id, participant, kind, code and text; :func:`coded_segments` builds it
from manual codings (segment, code, coder) or from ``kit.coding.autocode``, and
:func:`combine_codings` takes the coders' codings where they exist and the auto-coder's
elsewhere.

* frequency: participants mentioning a code, their share, mentions (:func:`frequency`);
* intensity: the mean absolute VADER compound of the code's segments in the participant's
  own words, weighted by frequency, with the cues of emphasis (exclamation marks, ALL-CAPS
  words, intensifiers) and repetition beside it (:func:`intensity`, :func:`emphasis`);
* co-occurrence of codes in one segment or one interview: counts ``n12`` and the
  coefficient ``n12 / (n1 + n2 - n12)`` (:func:`cooccurrence`, :func:`cooccurrence_coefficient`);
* codes by a participant attribute such as the segment (:func:`code_by_attribute`);
* rare but intense themes (:func:`rare_intense`);
* quotes per code, only from participants who consented to being quoted (:func:`quotes_per_code`);
* codes per interview in the order they were held, for saturation (:func:`codes_per_interview`).
"""
from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
import pandas as pd

from kit.coding import stem, themes, words_and_clauses

__all__ = [
    "CODED_COLUMNS", "PARTICIPANT_WORDS", "coded_segments", "combine_codings", "n_participants",
    "frequency", "emphasis", "emphasis_table", "intensity", "cooccurrence",
    "cooccurrence_coefficient", "cooccurrence_pairs", "code_by_attribute", "rare_intense",
    "quotes_per_code", "codes_per_interview", "segment_scores", "rare_intense_answer",
    "saturation_answer",
]

CODED_COLUMNS = ["segment_id", "interview_id", "participant", "kind", "code", "text"]
#: Segments in the participant's own words; insights and opportunities are the team's.
PARTICIPANT_WORDS = ("turn", "quote")

INTENSIFIERS = frozenset("""really so absolutely very totally completely extremely incredibly
literally seriously utterly super insanely ridiculously hugely massively terribly awfully
entirely definitely honestly""".split())
# "so" intensifies an adjective ("so slow"), not a clause ("so I rang"): it does not count
# at the start of a clause or before these words.
_SO_NOT_BEFORE = frozenset("""i i'm i've i'd i'll we we're we've they they're he she it it's
you you're that this these those the a an my our their his her your then if when what where
now there here on yeah yes no anyway basically far that's which who as and or but to""".split())
#: ALL-CAPS words that are names, not emphasis.
ACRONYMS = frozenset("""PO POS PDF VAT SMS IT OK CEO CFO HR UK US EU ID PM AM BACS IBAN QR TV
ATM USD EUR GBP API CRM ERP SEPA ACH IOU FAQ CSV SAAS B2B B2C""".split())
_CAPS = re.compile(r"\b[A-Z][A-Z'’]*[A-Z]\b")
STOPWORDS = frozenset("""a about above after again against all am an and any are aren't as at be
because been before being below between both but by can can't cannot could couldn't did didn't
do does doesn't doing don't down during each few for from further had hadn't has hasn't have
haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd
i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor
not of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some such than that that's the their theirs them themselves
then there there's these they they'd they'll they're they've this those through to too under
until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where
where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're
you've your yours yourself yourselves just like yeah yes okay ok um uh erm er oh well also
really actually know mean think thing things get got go going went one two said say says
kind sort lot bit even still much many every will""".split())
REPETITION_MIN = 3


# --------------------------------------------------------------------------- the coded table

def _segment_column(frame: pd.DataFrame) -> str:
    for name in ("segment_id", "segment"):
        if name in frame.columns:
            return name
    raise ValueError("codings need a `segment` (or `segment_id`) column")


def coded_segments(codings: pd.DataFrame, segments: pd.DataFrame, coder=None) -> pd.DataFrame:
    """One row per (segment, code) from manual codings (segment, code, coder: the union of
    the coders, or only ``coder``) or from ``autocode`` (segment_id, code), with the
    segment's interview_id, participant, kind and text from ``segments``
    (``Study.segments()``). Codings of segments not in ``segments`` are left out."""
    if coder is not None:
        codings = codings[codings["coder"] == coder]
    seg = _segment_column(codings)
    pairs = codings[[seg, "code"]].rename(columns={seg: "segment_id"})
    keep = [isinstance(c, str) and bool(c.strip()) for c in pairs["code"]]
    pairs = pairs.loc[pd.Series(keep, index=pairs.index, dtype=bool)]
    pairs = pairs.assign(code=pairs["code"].str.strip()).drop_duplicates(["segment_id", "code"])
    info = segments[["segment_id", "interview_id", "participant", "kind", "text"]].drop_duplicates("segment_id")
    frame = pairs.merge(info, on="segment_id", how="inner")
    frame["participant"] = frame["participant"].fillna("").astype(str)
    return frame[CODED_COLUMNS].reset_index(drop=True)


def combine_codings(auto: pd.DataFrame, manual: pd.DataFrame, segments: pd.DataFrame) -> pd.DataFrame:
    """The coders' codings (union of coders) on the segments they coded, the auto-coder's
    everywhere else, with a ``source`` column ("manual" or "auto").

    What the coders coded is ``kit.coding.comparison_universe``: every segment of a manually
    coded interview of the kinds coded there, so a segment the coders read and left uncoded
    stays uncoded instead of taking the auto-coder's guess."""
    from kit.coding import comparison_universe

    coded_by_hand = set(comparison_universe(manual, segments)) if len(manual) else set()
    by_hand = coded_segments(manual, segments).assign(source="manual") if len(manual) else None
    by_rule = coded_segments(auto, segments)
    by_rule = by_rule[~by_rule["segment_id"].isin(coded_by_hand)].assign(source="auto")
    parts = [p for p in (by_hand, by_rule) if p is not None and len(p)]
    if not parts:
        return pd.DataFrame(columns=CODED_COLUMNS + ["source"])
    frame = pd.concat(parts, ignore_index=True)
    order = {s: i for i, s in enumerate(segments["segment_id"])}
    frame["_order"] = frame["segment_id"].map(order)
    return frame.sort_values(["_order", "code"]).drop(columns="_order").reset_index(drop=True)


def n_participants(study) -> int:
    """People interviewed: distinct participants of the study's interviews (an interview
    with no participant counts as one person)."""
    interviews = study.interviews if hasattr(study, "interviews") else study
    named = interviews["participant"].fillna("").astype(str)
    return int(named[named != ""].nunique() + (named == "").sum())


def _who(coded: pd.DataFrame) -> pd.Series:
    participant = coded["participant"].fillna("").astype(str)
    return participant.where(participant != "", coded["interview_id"])


# --------------------------------------------------------------------------- frequency

def frequency(coded: pd.DataFrame, n_participants: int | None = None, codes=None) -> pd.DataFrame:
    """Per code: participants mentioning it, their ``share`` of ``n_participants`` (default:
    the people in ``coded``) and ``mentions`` (coded segments). Sorted by participants, then
    mentions. Built on ``kit.coding.themes``."""
    table = themes(coded, None, n_participants=n_participants, codes=codes)
    return table[["code", "participants", "share", "mentions"]]


# --------------------------------------------------------------------------- emphasis and intensity

def emphasis(text: str, acronyms=ACRONYMS) -> dict:
    """Cues of emphasis in one text: ``exclamations`` (number of "!"), ``caps_words``
    (ALL-CAPS words of two or more letters that are not acronyms such as PO or VAT),
    ``intensifiers`` ("really", "absolutely", "so" before an adjective, ...), and
    ``repeated`` (content words, compared on their stems, used at least three times)."""
    text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    caps = [w for w in _CAPS.findall(text) if w.replace("’", "'").upper() not in acronyms]
    words, starts = words_and_clauses(text)
    boosts = 0
    for i, word in enumerate(words):
        if word not in INTENSIFIERS:
            continue
        if word == "so":
            following = words[i + 1] if i + 1 < len(words) and starts[i + 1] == starts[i] else None
            if starts[i] == i or following is None or following in _SO_NOT_BEFORE:
                continue
        boosts += 1
    content = Counter(stem(w) for w in words
                      if len(w) >= 3 and w.isalpha() and w not in STOPWORDS)
    repeated = sorted(w for w, n in content.items() if n >= REPETITION_MIN)
    return {"exclamations": text.count("!"), "caps_words": len(caps), "intensifiers": boosts,
            "repeated": repeated}


def emphasis_table(texts) -> pd.DataFrame:
    """:func:`emphasis` of each text, one row per text (``repeated`` as a count, and
    ``repeated_words`` joined with ", ")."""
    rows = []
    for text in texts:
        cues = emphasis(text)
        rows.append({"exclamations": cues["exclamations"], "caps_words": cues["caps_words"],
                     "intensifiers": cues["intensifiers"], "repeated": len(cues["repeated"]),
                     "repeated_words": ", ".join(cues["repeated"])})
    return pd.DataFrame(rows, columns=["exclamations", "caps_words", "intensifiers", "repeated",
                                       "repeated_words"])


def segment_scores(segments: pd.DataFrame) -> pd.DataFrame:
    """VADER compound of each segment (segment_id, compound), for :func:`intensity`."""
    from kit.sentiment import compound

    texts = segments["text"].tolist()
    scores = pd.DataFrame({"segment_id": segments["segment_id"].tolist(),
                           "compound": compound(texts) if texts else []})
    if "language" in segments:  # kit.languages.annotate: NaN where VADER is not valid
        from kit.languages import where_valid

        scores["compound"] = where_valid(scores["compound"], segments["language"].tolist()).to_numpy()
    return scores


INTENSITY_COLUMNS = ["code", "participants", "share", "mentions", "voiced", "mean_compound",
                     "mean_abs_compound", "intensity", "exclamations", "caps_words", "intensifiers",
                     "repetition", "emphasis"]


def intensity(coded: pd.DataFrame, scores: pd.DataFrame | None = None, n_participants: int | None = None,
              codes=None, kinds=PARTICIPANT_WORDS) -> pd.DataFrame:
    """How strongly each code is voiced, beside how often.

    Frequency (``participants``, ``share``, ``mentions``) counts every coded segment; the
    strength columns use only segments in the participant's own words (``kinds``, default
    turns and key quotes; ``voiced`` is how many):

    * ``mean_compound`` and ``mean_abs_compound``: mean VADER compound and mean absolute
      compound of those segments (``scores``: segment_id, compound; computed when omitted);
    * ``intensity`` = ``mean_abs_compound`` x ``share``: strong and widespread themes first;
    * ``exclamations``, ``caps_words``, ``intensifiers``: mean cues per segment (:func:`emphasis`);
    * ``repetition``: share of segments where a content word comes three times or more;
    * ``emphasis``: share of segments with at least one cue of emphasis or repetition.

    A code with no segment in the participant's words has NaN strength columns.
    """
    freq = frequency(coded, n_participants=n_participants, codes=codes)
    voiced = coded[coded["kind"].isin(kinds)][["segment_id", "code", "text"]]
    if scores is None:
        unique = voiced.drop_duplicates("segment_id")
        scores = segment_scores(unique) if len(unique) else pd.DataFrame(columns=["segment_id", "compound"])
    voiced = voiced.merge(scores[["segment_id", "compound"]].drop_duplicates("segment_id"),
                          on="segment_id", how="left")
    cues = emphasis_table(voiced["text"].tolist())
    cues.index = voiced.index
    voiced = pd.concat([voiced, cues.drop(columns="repeated_words")], axis=1)
    voiced["abs_compound"] = voiced["compound"].abs()
    voiced["has_repetition"] = voiced["repeated"] > 0
    voiced["emphasised"] = (voiced[["exclamations", "caps_words", "intensifiers", "repeated"]] > 0).any(axis=1)
    voiced = voiced.astype({"has_repetition": float, "emphasised": float,
                            "exclamations": float, "caps_words": float, "intensifiers": float})
    strength = voiced.groupby("code").agg(
        voiced=("segment_id", "nunique"), mean_compound=("compound", "mean"),
        mean_abs_compound=("abs_compound", "mean"), exclamations=("exclamations", "mean"),
        caps_words=("caps_words", "mean"), intensifiers=("intensifiers", "mean"),
        repetition=("has_repetition", "mean"), emphasis=("emphasised", "mean"))
    table = freq.merge(strength, left_on="code", right_index=True, how="left")
    table["voiced"] = table["voiced"].fillna(0).astype("int64")
    table["intensity"] = table["mean_abs_compound"] * table["share"]
    return table[INTENSITY_COLUMNS].reset_index(drop=True)


def rare_intense(table: pd.DataFrame, max_share: float = 0.20, top: float = 1 / 3,
                 by: str = "mean_abs_compound") -> pd.DataFrame:
    """Themes few people raised but raised strongly: codes mentioned by at most
    ``max_share`` of participants (and by someone) whose ``by`` is in the top ``top`` of the
    codes that have a value (rank <= ceil(top x n), ties kept).

    ``by`` defaults to the strength per mention, ``mean_abs_compound``: ``intensity``
    multiplies it by the share, so a rare code could hardly reach its top third."""
    valued = table[table[by].notna()]
    if not len(valued):
        return table.iloc[0:0].assign(rank=pd.Series(dtype="int64"))
    cutoff = math.ceil(top * len(valued) - 1e-9)
    rank = valued[by].rank(method="min", ascending=False).astype("int64")
    chosen = valued.assign(rank=rank)
    chosen = chosen[(chosen["rank"] <= cutoff) & (chosen["share"] <= max_share + 1e-12)
                    & (chosen["participants"] > 0)]
    return chosen.sort_values(["rank", "code"]).reset_index(drop=True)


def rare_intense_answer(strength: pd.DataFrame, rare: pd.DataFrame, max_share: float = 0.20) -> str:
    """One sentence on the :func:`rare_intense` result, for a notebook."""
    if len(rare):
        names = ", ".join(rare["code"])
        return f"{len(rare)} rare but intense theme{'s' if len(rare) != 1 else ''}: {names}"
    mentioned = strength[strength["participants"] > 0]
    if not len(mentioned):
        return "No rare but intense theme: no code was applied."
    rare_ones = mentioned[mentioned["share"] <= max_share + 1e-12]
    if not len(rare_ones):
        lowest = mentioned.sort_values(["share", "code"]).iloc[0]
        return (f"No rare but intense theme: every code was raised by more than {max_share:.0%} of "
                f"participants (the least common, {lowest['code']}, by {lowest['participants']}).")
    return (f"No rare but intense theme: the {len(rare_ones)} rare code{'s' if len(rare_ones) != 1 else ''} "
            f"({', '.join(rare_ones['code'])}) {'are' if len(rare_ones) != 1 else 'is'} not in the top third by strength.")


# --------------------------------------------------------------------------- co-occurrence

_UNITS = {"segment": "segment_id", "interview": "interview_id", "participant": "participant"}


def cooccurrence(coded: pd.DataFrame, by: str = "segment", codes=None) -> pd.DataFrame:
    """Square table of codes: off the diagonal ``n12``, the number of units (segments,
    interviews or participants, ``by``) where both codes were applied; on the diagonal
    ``n1``, the units with the code. ``codes`` gives rows, columns and their order."""
    if by not in _UNITS:
        raise ValueError(f"by must be one of {', '.join(_UNITS)}, not {by!r}")
    unit = coded[_UNITS[by]] if by != "participant" else _who(coded)
    pairs = pd.DataFrame({"unit": unit.to_numpy(), "code": coded["code"].to_numpy()}).drop_duplicates()
    names = list(codes) if codes is not None else sorted(set(pairs["code"]))
    pairs = pairs[pairs["code"].isin(names)]
    if not len(pairs):
        return pd.DataFrame(0, index=pd.Index(names, name="code"), columns=names, dtype="int64")
    incidence = pd.crosstab(pairs["unit"], pairs["code"]).clip(upper=1)
    incidence = incidence.reindex(columns=names, fill_value=0)
    counts = incidence.T.dot(incidence).astype("int64")
    counts.index.name = "code"
    counts.columns.name = None
    return counts


def cooccurrence_coefficient(counts: pd.DataFrame) -> pd.DataFrame:
    """``n12 / (n1 + n2 - n12)`` for every pair of codes of a :func:`cooccurrence` table:
    0 when the codes never meet, 1 when they are always applied together (1 on the
    diagonal of a code that occurs; 0 where neither code occurs)."""
    n = pd.Series(counts.to_numpy().diagonal(), index=counts.index)
    union = n.to_numpy()[:, None] + n.to_numpy()[None, :] - counts.to_numpy()
    values = np.divide(counts.to_numpy(), union, out=np.zeros(union.shape), where=union != 0)
    return pd.DataFrame(values, index=counts.index, columns=counts.columns)


def cooccurrence_pairs(counts: pd.DataFrame, min_count: int = 1) -> pd.DataFrame:
    """The pairs of a :func:`cooccurrence` table, one row per pair of different codes met at
    least ``min_count`` times: code_a, code_b, n1, n2, n12, coefficient; strongest first."""
    coef = cooccurrence_coefficient(counts)
    names = list(counts.index)
    rows = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            n12 = int(counts.loc[a, b])
            if n12 >= min_count:
                rows.append({"code_a": a, "code_b": b, "n1": int(counts.loc[a, a]),
                             "n2": int(counts.loc[b, b]), "n12": n12,
                             "coefficient": float(coef.loc[a, b])})
    frame = pd.DataFrame(rows, columns=["code_a", "code_b", "n1", "n2", "n12", "coefficient"])
    return frame.sort_values(["coefficient", "n12", "code_a", "code_b"],
                             ascending=[False, False, True, True]).reset_index(drop=True)


# --------------------------------------------------------------------------- by attribute

def code_by_attribute(coded: pd.DataFrame, interviews: pd.DataFrame, attribute: str = "segment",
                      codes=None, share: bool = False) -> pd.DataFrame:
    """Participants mentioning each code (rows) per value of a participant attribute
    (columns), e.g. per segment. The attribute is taken from ``interviews`` (the study's
    interviews table, which carries participants.csv's columns); people without a value are
    under "(none)". With ``share=True`` each count is divided by the number of people
    interviewed with that value."""
    if attribute not in interviews.columns:
        raise ValueError(f"no participant attribute {attribute!r} (the interviews have: "
                         f"{', '.join(map(str, interviews.columns))})")
    value_of = interviews.set_index("interview_id")[attribute].fillna("").astype(str).replace("", "(none)")
    frame = pd.DataFrame({"who": _who(coded).to_numpy(), "code": coded["code"].to_numpy(),
                          "value": coded["interview_id"].map(value_of).fillna("(none)").to_numpy()})
    values = sorted(set(value_of))
    names = list(codes) if codes is not None else sorted(set(frame["code"]))
    if len(frame):
        table = frame.drop_duplicates().pivot_table(index="code", columns="value", values="who",
                                                    aggfunc="nunique", fill_value=0)
    else:
        table = pd.DataFrame()
    table = table.reindex(index=names, columns=values, fill_value=0).fillna(0).astype("int64")
    table.index.name = "code"
    table.columns.name = attribute
    if share:
        people = interviews.assign(value=interviews["interview_id"].map(value_of))
        who = people["participant"].fillna("").astype(str)
        people = people.assign(who=who.where(who != "", people["interview_id"]))
        sizes = people.groupby("value")["who"].nunique().reindex(values)
        table = table / sizes
    return table


# --------------------------------------------------------------------------- quotes

def quotes_per_code(coded: pd.DataFrame, consenting, per_code: int = 3, scores: pd.DataFrame | None = None,
                    codes=None, kinds=("quote", "turn")) -> pd.DataFrame:
    """Up to ``per_code`` quotes for each code, only from participants in ``consenting``
    (``Study.consenting()``) and only in their own words (``kinds``). Key quotes come
    first, then turns; within a kind the strongest (highest absolute compound, when
    ``scores`` are given) first. One text is used once per code.

    Columns: code, segment_id, participant, kind, text."""
    consenting = set(consenting)
    frame = coded[coded["kind"].isin(kinds) & coded["participant"].isin(consenting)].copy()
    if codes is not None:
        frame = frame[frame["code"].isin(list(codes))]
    frame["_kind"] = frame["kind"].map({k: i for i, k in enumerate(kinds)})
    if scores is not None and len(frame):
        frame = frame.merge(scores[["segment_id", "compound"]].drop_duplicates("segment_id"),
                            on="segment_id", how="left")
        frame["_strength"] = -frame["compound"].abs().fillna(0)
    else:
        frame["_strength"] = 0.0
    frame["_order"] = range(len(frame))
    frame = frame.sort_values(["code", "_kind", "_strength", "_order"])
    frame = frame.drop_duplicates(["code", "text"])
    frame = frame.groupby("code", sort=False).head(per_code)
    if codes is not None:
        rank = {c: i for i, c in enumerate(codes)}
        frame = frame.assign(_code=frame["code"].map(rank)).sort_values(["_code", "_kind", "_strength", "_order"])
    return frame[["code", "segment_id", "participant", "kind", "text"]].reset_index(drop=True)


# --------------------------------------------------------------------------- saturation input

def codes_per_interview(coded: pd.DataFrame, interviews: pd.DataFrame) -> dict:
    """``{interview_id: set of codes}`` for every interview of ``interviews``, in the order
    they were held (date, then id; undated last), ready for ``kit.thematic_saturation.saturation``.
    An interview without codings maps to an empty set, which saturation reads as "nothing
    new": pass only the interviews that were coded (all of them, for auto-codings)."""
    order = interviews.assign(_date=pd.to_datetime(interviews["date"], errors="coerce"))
    order = order.sort_values(["_date", "interview_id"], na_position="last")
    codes = coded.groupby("interview_id")["code"].agg(set).to_dict() if len(coded) else {}
    return {iid: set(codes.get(iid, set())) for iid in order["interview_id"]}



# --------------------------------------------------------------------------- saturation answer

def saturation_answer(result: dict) -> str:
    """A sentence answering "were the interviews enough?" from a ``kit.saturation``
    result: where saturation was reached (Guest, Namey & Chen 2020), what the interviews
    after it added, and the share of codes found by interviews 6 and 12 (Guest, Bunce &
    Johnson 2006)."""
    n = result["n_interviews"]
    rule = f"base {result['base']}, run {result['run']}, at most {result['threshold']:.0%} new codes"
    shares = result.get("guest_2006") or {}
    marks = [f"{shares[key]:.0%} by interview {mark}" for mark, key in ((6, "by_6"), (12, "by_12"))
             if shares.get(key) is not None]
    tail = f" Of the {result['total_codes']} codes, {' and '.join(marks)}." if marks else ""
    point = result.get("saturated_at")
    if not point:
        return f"Not yet: {result.get('reason') or 'no run under the threshold'} ({rule}).{tail}"
    later = sum(result["new_per_interview"][point:])
    after = (f"interviews {point + 1} to {n} added {later} new code{'s' if later != 1 else ''}"
             if point < n else "it was the last interview")
    return f"Yes: saturation was reached at interview {point} of {n} ({rule}); {after}.{tail}"
