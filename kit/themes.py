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

How a theme is counted
----------------------
One definition, used by ``interview-kit analyze`` (themes.csv), the notebooks, the report
and the trends across sprints (:func:`theme_codings`, :func:`theme_counts`, :func:`study_themes`):

* in an interview the coders coded by hand (``kit.coding.comparison_universe``), only the
  coders' codings count (the union of coders); the rules' guesses there are ignored;
* in an interview nobody coded by hand, a rule's codings count unless the rule is
  *rejected*: judged against the coders on the hand-coded segments (:func:`rule_validation`),
  with at least ``RULE_MIN_EXAMPLES`` (3) examples there (codings by the coders or by the
  rule), its precision is below ``RULE_MIN_PRECISION`` (0.5). A rule with fewer examples is
  *unvalidated*: its codings count, but a finding resting on them says so. A rule with
  precision at or above the threshold is *validated*;
* only a participant's own words count: transcript turns and the key quotes of the notes
  (``PARTICIPANT_WORDS``). The team's insights and opportunities in a note are the team's
  reading, often the same sentence copied into every note: they are coded (theme discovery
  and opportunity cards use them) but never make a participant count toward a theme;
* a participant counts once per code, whatever the number of segments;
* each code is counted on its own by default, in every output (analyze, notebook 04, the
  report, the index's trends agree); :func:`theme_counts` with ``descendants``
  (:func:`code_descendants`) rolls a child code's segments up into its parent's count, as
  NVivo's "aggregate" option does, a segment once; opportunity evidence always treats a
  child code as its parent's (:mod:`kit.opportunities`).

A code whose rule fires for at least ``UBIQUITOUS_SHARE`` (80%) of the people interviewed and
is not validated is flagged ``ubiquitous``: such a rule marks the study's topic and nothing
shows it can tell interviews apart, so it is never a headline.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from itertools import compress

import numpy as np
import pandas as pd

from kit.coding import stem, themes, words_and_clauses
from kit.sample import not_interviewed as _not_interviewed
from kit.schema import counts_for_nobody
from kit.schema import (
    CODED_COLUMNS,
    INTENSITY_COLUMNS,
    NONE_LABEL,
    PARTICIPANT_KINDS,
    RULE_COLUMNS,
    THEME_COLUMNS,
    named_interviews,
    person,
    segment_column,
)

__all__ = [
    "CODED_COLUMNS", "PARTICIPANT_WORDS", "coded_segments", "combine_codings", "n_participants",
    "frequency", "emphasis", "emphasis_table", "intensity", "cooccurrence",
    "cooccurrence_coefficient", "cooccurrence_pairs", "code_by_attribute", "rare_intense",
    "quotes_per_code", "codes_per_interview", "segment_scores", "rare_intense_answer",
    "saturation_answer", "RULE_MIN_EXAMPLES", "RULE_MIN_PRECISION", "UBIQUITOUS_SHARE",
    "RULE_COLUMNS", "THEME_COLUMNS", "rule_validation", "theme_codings", "theme_counts", "study_themes",
    "counted_codings", "counted_pairs", "code_descendants",
    "feeling_word", "FEELING_OTHER_SIDE", "rules_answer", "theme_table",
]

#: Segments in the participant's own words; insights and opportunities are the team's
#: (who counts as a person raising something: kit.schema.PARTICIPANT_KINDS).
PARTICIPANT_WORDS = PARTICIPANT_KINDS

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

_segment_column = segment_column  # kit.schema: the one segment-column lookup


def coded_segments(codings: pd.DataFrame, segments: pd.DataFrame, coder=None) -> pd.DataFrame:
    """One row per (segment, code) from manual codings (segment, code, coder: the union of
    the coders, or only ``coder``) or from ``autocode`` (segment_id, code), with the
    segment's interview_id, participant, kind and text from ``segments``
    (``Study.segments()``). Codings of segments not in ``segments`` are left out."""
    if coder is not None:
        codings = codings[codings["coder"] == coder]
    seg = _segment_column(codings)
    pairs = codings[[seg, "code"]].rename(columns={seg: "segment_id"})
    codes = pairs["code"].tolist()
    # each distinct code stripped once (a few codes down hundreds of thousands of rows)
    stripped = {c: c.strip() if isinstance(c, str) else "" for c in dict.fromkeys(codes)}
    keep = [bool(stripped[c]) for c in codes]
    pairs = pairs.loc[pd.Series(keep, index=pairs.index, dtype=bool)]
    codes = [stripped[c] for c in compress(codes, keep)]
    pairs = pairs.assign(code=pd.Series(codes, index=pairs.index, dtype=pairs["code"].dtype))
    pairs = pairs.drop_duplicates(["segment_id", "code"])
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
    order = {s: i for i, s in enumerate(segments["segment_id"].tolist())}
    frame["_order"] = pd.Series(list(map(order.get, frame["segment_id"].tolist())), index=frame.index, dtype=float)
    return frame.sort_values(["_order", "code"]).drop(columns="_order").reset_index(drop=True)


def n_participants(study) -> int:
    """People interviewed: distinct participants of the study's interviews, each participant of
    a group interview included (a note with no participant counts as one person; a transcript no note names counts for nobody,
    :func:`kit.schema.counts_for_nobody`; nor one :func:`kit.sample.not_interviewed`: a no-show's note)."""
    interviews = study.interviews if hasattr(study, "interviews") else study
    interviews = interviews[~counts_for_nobody(interviews)]  # a transcript no note names: nobody
    named = interviews["participant"].fillna("").astype(str)
    # a group interview's other participants (kit.speaker_roles.speaker_participants) speak in its turns
    tables = [getattr(study, name, None) for name in ("turns", "quotes")] if hasattr(study, "interviews") else []
    others = {p for table in tables if isinstance(table, pd.DataFrame) and "participant" in table
              for p in map(str, table["participant"].dropna().unique())} - {""}
    absent = _not_interviewed(study) if hasattr(study, "interviews") else set()
    return int(len((set(named[named != ""]) | others) - absent) + (named == "").sum())


def _counting(coded: pd.DataFrame) -> pd.DataFrame:
    """The rows of a coded table that count toward themes (all rows of a table without a
    ``counted`` column; see :func:`theme_codings`)."""
    if "counted" in coded.columns and len(coded):
        return coded[coded["counted"].astype(bool)]
    return coded


_who = person  # kit.schema: who counts as a person


# --------------------------------------------------------------------------- the count of a theme

RULE_MIN_EXAMPLES = 3
RULE_MIN_PRECISION = 0.5
UBIQUITOUS_SHARE = 0.8
#: VADER's customary cut-offs (Hutto & Gilbert 2014): compound <= -0.05 negative, >= 0.05 positive.
NEGATIVE, POSITIVE = -0.05, 0.05


def rule_validation(versus: pd.DataFrame, auto: pd.DataFrame | None = None, n_participants: int | None = None,
                    min_precision: float = RULE_MIN_PRECISION, min_examples: int = RULE_MIN_EXAMPLES,
                    named=None, absent=()) -> pd.DataFrame:
    """Whether each code's rule may count toward a theme, from ``versus``
    (``kit.coding.compare_auto_manual``: the rule against the coders on hand-coded segments).

    One row per code: manual, auto, tp, fp, precision (from ``versus``); ``examples`` =
    max(manual, auto), the evidence the judgement rests on; ``rule_status``: "validated"
    (examples >= ``min_examples`` and precision >= ``min_precision``), "rejected" (examples >=
    ``min_examples`` and precision below it, or no coding of the rule agreeing), otherwise
    "unvalidated"; ``rule_reach``: share of the ``n_participants`` people interviewed (never ``absent``) whose
    own words (``PARTICIPANT_WORDS``, never the team's notes) the rule matched (``auto``: ``autocode``; NaN without);
    ``ubiquitous``: rule_reach >= ``UBIQUITOUS_SHARE`` and the rule not validated: it fires
    nearly everywhere and nothing shows it tells interviews apart. (A validated rule that
    fires everywhere reports a theme that really is everywhere.)"""
    rows = []
    reach = {}
    if auto is not None and len(auto) and n_participants:
        own = auto[auto["kind"].isin(PARTICIPANT_WORDS)] if "kind" in auto else auto
        who = _who(own, named).where(lambda w: ~w.isin(set(absent)), None)
        reach = (who.groupby(own["code"].to_numpy()).nunique() / n_participants).to_dict()
    for r in versus.itertuples(index=False):
        examples = max(int(r.manual), int(r.auto))
        precision = float(r.precision)
        if examples < min_examples:
            status = "unvalidated"
        elif not math.isnan(precision) and precision >= min_precision:
            status = "validated"
        elif math.isnan(precision):  # the rule never fired where the coders read: nothing to judge
            status = "unvalidated"
        else:
            status = "rejected"
        got = reach.get(r.code, 0.0 if reach or auto is not None else float("nan"))
        rows.append({"code": r.code, "manual": int(r.manual), "auto": int(r.auto), "tp": int(r.tp),
                     "fp": int(r.fp), "precision": precision, "examples": examples, "rule_status": status,
                     "rule_reach": float(got),
                     "ubiquitous": bool(got >= UBIQUITOUS_SHARE - 1e-12 and status != "validated")})
    return pd.DataFrame(rows, columns=RULE_COLUMNS)


def rules_answer(rules: pd.DataFrame) -> str:
    """Which rules count toward themes, in words (for a notebook and the report)."""
    if not len(rules):
        return "No rules to judge."
    parts = [f"Rules judged against the coders' codings (validated: precision at least "
             f"{RULE_MIN_PRECISION:.0%} with at least {RULE_MIN_EXAMPLES} examples on hand-coded segments)."]
    for status, what in (("validated", "validated, counted"),
                         ("rejected", "rejected, not counted"),
                         ("unvalidated", "unvalidated (too few examples), counted but marked")):
        names = rules.loc[rules["rule_status"] == status, "code"].tolist()
        if names:
            parts.append(f"{what}: {', '.join(names)}.")
    everywhere = rules.loc[rules["ubiquitous"].astype(bool), "code"].tolist()
    if everywhere:
        parts.append(f"Rules that match the own words of at least {UBIQUITOUS_SHARE:.0%} of the people interviewed (they mark the "
                     f"study's topic, never a headline): {', '.join(everywhere)}.")
    return " ".join(parts)


def theme_codings(auto: pd.DataFrame, manual: pd.DataFrame, segments: pd.DataFrame,
                  rules: pd.DataFrame | None = None) -> pd.DataFrame:
    """The coded table behind every theme count (see "How a theme is counted" above):
    :func:`combine_codings` (coders where they coded, rules elsewhere) with ``rule_status``
    (from ``rules``, :func:`rule_validation`; "unvalidated" for a code it lacks, "" for a
    manual coding) and ``counted``: False for the codings of a rejected rule, and for the
    team's own passages (insights, opportunities: any kind outside ``PARTICIPANT_WORDS``),
    which stay in the table (to say what they would have added, or for theme discovery)
    but count nowhere: a team's opportunity copied into every note is not every participant
    raising it."""
    frame = combine_codings(auto, manual, segments)
    status = dict(zip(rules["code"], rules["rule_status"])) if rules is not None and len(rules) else {}
    is_rule = frame["source"] == "auto"
    codes, rule = frame["code"].tolist(), is_rule.tolist()
    of_code = {c: status.get(c, "unvalidated") for c in dict.fromkeys(codes)}  # each distinct code once
    statuses = list(map(of_code.__getitem__, codes))
    frame["rule_status"] = statuses if all(rule) else [s if r else "" for s, r in zip(statuses, rule)]
    frame["counted"] = (frame["rule_status"] != "rejected") & frame["kind"].isin(PARTICIPANT_WORDS)
    return frame


#: A theme reads positive only when its negative passages are under this fraction of its
#: positive ones (see :func:`feeling_word`).
FEELING_OTHER_SIDE = 0.25


def feeling_word(share_negative: float, share_positive: float) -> str:
    """Which way a theme's passages lean, from the share of them that read negative
    (compound <= -0.05) and positive (>= 0.05): "negative" when more than half of the
    passages read negative; "positive" when more than half read positive *and* the negative
    ones are under a quarter of them (``FEELING_OTHER_SIDE``); "mixed" when both sides are
    heard otherwise; "neutral" when most passages carry no clear tone; "–" without passages.

    The rule is stricter for "positive" on purpose: a dictionary-based sentiment reads words,
    not situations, and the polite words of a story about a problem ("super nice", "fair
    play, he paid" about an invoice twenty days late) read positive, while negative words
    rarely turn up in a story that went well. On the pilot, late-payment has 57% positive
    and 19% negative passages: "mixed", not "positive". The same rule labels a theme and
    picks the passages shown beside it."""
    if share_negative is None or (isinstance(share_negative, float) and math.isnan(share_negative)):
        return "–"
    neg, pos = float(share_negative), float(share_positive)
    if neg > 0.5:
        return "negative"
    if pos > 0.5 and neg < FEELING_OTHER_SIDE * pos:
        return "positive"
    if neg > 0 and pos > 0:
        return "mixed"
    return "neutral" if max(neg, pos) <= 0.5 else "mixed"


def _source_label(manual: int, rule: int, status: str) -> str:
    parts = []
    if manual:
        parts.append("manual codings")
    if rule:
        parts.append(f"{status} rule" if status else "rule")
    return " + ".join(parts) if parts else "none"


def code_descendants(codebook) -> dict[str, set[str]]:
    """code -> its child codes, their children and so on (``parent:`` in the codebook;
    empty for a code without children). A cycle (reported by the codebook's check) stops
    the walk."""
    parents = {c.name: c.parent for c in codebook}
    below: dict[str, set[str]] = {name: set() for name in parents}
    for name in parents:
        seen, node = set(), parents.get(name)
        while node and node not in seen and node != name:
            below.setdefault(node, set()).add(name)
            seen.add(node)
            node = parents.get(node)
    return below


def theme_counts(coded: pd.DataFrame, n_participants: int | None = None, codes=None,
                 scores: pd.DataFrame | None = None, rules: pd.DataFrame | None = None,
                 kinds=PARTICIPANT_WORDS, descendants: dict | None = None, named=None) -> pd.DataFrame:
    """The count of each theme, by the one definition (module docstring), from
    :func:`theme_codings`' table (a table without ``counted``/``source`` counts every row as
    a manual coding). Only passages in participants' own words (``kinds``: transcript turns
    and key quotes) count; the team's insights and opportunities are left out.

    Columns (``THEME_COLUMNS``): ``participants`` counted, their ``share`` of
    ``n_participants``, ``mentions`` (counted segments), ``participants_manual`` (with a
    coder's coding), ``participants_rule`` (counted through a rule only),
    ``excluded_participants`` (people only a rejected rule found: not counted), ``source``
    ("manual codings", "manual codings + validated rule", "unvalidated rule", ...),
    ``rule_status``, ``precision`` and ``ubiquitous`` (from ``rules``), and the feeling of
    the counted passages in participants' own words (``kinds``; ``scores``: segment_id,
    compound): ``voiced``, ``mean_compound``, ``share_negative`` (compound <= -0.05),
    ``share_positive`` (>= 0.05) and ``feeling`` (:func:`feeling_word`). Sorted by
    participants, then mentions, then code.

    ``descendants`` (:func:`code_descendants`: code -> its child codes) rolls a child's
    segments up into its parent's counts (participants, mentions, feeling), a segment once;
    the rule columns stay the parent's own. ``named``: the interview ids that name a participant
    (:func:`kit.schema.named_interviews`; default: read from ``coded``): a third speaker of one of
    them counts for nobody (:func:`kit.schema.person`)."""
    coded = coded.copy()
    if named is None:  # read from every row, the team's passages included (they name the participant)
        named = named_interviews(coded)
    if "counted" not in coded:
        coded["counted"] = True
    if "source" not in coded:
        coded["source"] = "manual"
    if "kind" in coded:  # the team's passages never count (see "How a theme is counted")
        team = ~coded["kind"].isin(kinds)
        coded["counted"] = coded["counted"].astype(bool) & ~team
        coded = coded[~team]
    coded["who"] = _who(coded, named) if len(coded) else pd.Series(dtype=object)
    names = list(codes) if codes is not None else sorted(set(coded["code"]))
    counted = coded[coded["counted"].astype(bool)]
    people = n_participants or max(coded["who"].nunique(), 1)
    rules_of = rules.set_index("code") if rules is not None and len(rules) else None
    if scores is not None and len(counted):
        score_of = dict(zip(scores["segment_id"].tolist(), scores["compound"].tolist()))
    else:
        score_of = {}
    rows = []
    # each code's rows as positions of plain lists (a sub-frame per code cost 0.6 s at 10k); who is
    # a participant, an interview or None (nobody: kit.schema.person)
    code_l, who_l, sid_l = counted["code"].tolist(), counted["who"].tolist(), counted["segment_id"].tolist()
    by_hand_l = (counted["source"] == "manual").tolist()
    every_rule, every_hand = not any(by_hand_l), all(by_hand_l)
    voiced_l = counted["kind"].isin(kinds).tolist() if names else []
    every_voiced = all(voiced_l)
    sid_missing = bool(counted["segment_id"].isna().any())
    groups: dict = {}
    for i, c in enumerate(code_l):
        groups.setdefault(c, []).append(i)
    off = coded[~coded["counted"].astype(bool)]
    dropped: dict = {}
    for c, w in zip(off["code"].tolist(), off["who"].tolist()):
        if _someone(w):
            dropped.setdefault(c, set()).add(w)
    for code in names:
        family = [code, *sorted((descendants or {}).get(code, ()))]
        mine = [i for c in family for i in groups.get(c, ())]
        who = list(map(who_l.__getitem__, mine))
        sids = list(map(sid_l.__getitem__, mine))
        if every_rule or every_hand:
            by_hand, by_rule = (set(), set(who)) if every_rule else (set(who), set())
        else:
            hand = list(map(by_hand_l.__getitem__, mine))
            by_hand = set(compress(who, hand))
            by_rule = set(compress(who, [not h for h in hand]))
        by_hand, by_rule = {w for w in by_hand if _someone(w)}, {w for w in by_rule if _someone(w)}  # a third speaker: nobody
        by_rule -= by_hand
        lost = set().union(*(dropped[c] for c in family if c in dropped)) - by_hand - by_rule
        status = ""
        precision, ubiquitous = float("nan"), False
        if rules_of is not None and code in rules_of.index:
            status = str(rules_of.loc[code, "rule_status"])
            precision = float(rules_of.loc[code, "precision"])
            ubiquitous = bool(rules_of.loc[code, "ubiquitous"])
        elif by_rule:
            status = "unvalidated"
        # each segment once, in order
        voiced = dict.fromkeys(sids if every_voiced else compress(sids, map(voiced_l.__getitem__, mine)))
        values = pd.Series(list(map(score_of.get, voiced)), dtype=float).dropna()
        neg = float((values <= NEGATIVE).mean()) if len(values) else float("nan")
        pos = float((values >= POSITIVE).mean()) if len(values) else float("nan")
        n = len(by_hand | by_rule)
        rows.append({"code": code, "participants": n, "share": n / people,
                     "mentions": len({x for x in sids if _someone(x)} if sid_missing else set(sids)),
                     "participants_manual": len(by_hand),
                     "participants_rule": len(by_rule), "excluded_participants": len(lost),
                     "source": _source_label(len(by_hand), len(by_rule), status if by_rule else ""),
                     "rule_status": status, "precision": precision, "ubiquitous": ubiquitous,
                     "voiced": int(len(values)),
                     "mean_compound": float(values.mean()) if len(values) else float("nan"),
                     "share_negative": neg, "share_positive": pos, "feeling": feeling_word(neg, pos)})
    table = pd.DataFrame(rows, columns=THEME_COLUMNS)
    return table.sort_values(["participants", "mentions", "code"], ascending=[False, False, True],
                             kind="stable").reset_index(drop=True)


def _someone(value) -> bool:
    """Not missing (None, NaN, NA), as pandas' ``dropna`` and ``nunique`` read a cell."""
    return value is not None and value is not pd.NA and value == value


def _study_codings(study, auto: pd.DataFrame | None = None) -> tuple:
    """(auto, versus, rules, coded, n_participants) of :func:`study_themes`."""
    from kit.coding import compare_auto_manual
    from kit.languages import study_autocode

    segments = study.segments()
    if auto is None:
        auto = study_autocode(study, segments)
    people, absent = n_participants(study), _not_interviewed(study)
    versus = compare_auto_manual(auto, study.codings, segments, codes=study.codebook.names)
    coded = theme_codings(auto, study.codings, segments, rules := rule_validation(
        versus, auto, people, named=named_interviews(study.interviews), absent=absent))
    coded["counted"] = coded["counted"] & ~coded["participant"].isin(absent)  # not interviewed: counts nothing
    return auto, versus, rules, coded, people


def counted_codings(study, auto: pd.DataFrame | None = None) -> pd.DataFrame:
    """``study_themes(study, auto)["counted"]`` without the theme counts: the codings that
    count toward themes (what the repository's index records)."""
    coded = _study_codings(study, auto)[3]
    return coded[coded["counted"]].reset_index(drop=True)


def _coded_pairs(codings: pd.DataFrame, universe: set) -> set:
    """The (segment, code) pairs of ``codings`` inside ``universe``, as ``kit.coding``'s
    comparison reads them (text cells only, codes stripped, empty codes left out)."""
    seg = _segment_column(codings)
    return {(sid, name) for sid, code in zip(codings[seg].tolist(), codings["code"].tolist())
            if isinstance(code, str) and isinstance(sid, str) and sid in universe and (name := code.strip())}


def _rejected_rules(auto: pd.DataFrame, manual: pd.DataFrame, universe: set, codes) -> set:
    """The codes among ``codes`` whose rule :func:`rule_validation` rejects, counted from
    plain sets: per code the ``manual``, ``auto`` and ``tp`` of ``kit.coding.compare_auto_manual``
    on ``universe`` (its comparison universe), then the same rule (at least
    :data:`RULE_MIN_EXAMPLES` examples and a precision below :data:`RULE_MIN_PRECISION`).
    A rule's reach does not decide its status, so it is not computed."""
    if not universe:
        return set()  # nothing coded by hand: no examples, nothing rejected
    reference = _coded_pairs(manual, universe)
    predicted = _coded_pairs(auto, universe)
    n_manual = Counter(c for _, c in reference)
    n_auto = Counter(c for _, c in predicted)
    n_tp = Counter(c for _, c in reference & predicted)
    rejected = set()
    for code in codes:
        made, found = n_auto.get(code, 0), n_manual.get(code, 0)
        if made and max(found, made) >= RULE_MIN_EXAMPLES and not n_tp.get(code, 0) / made >= RULE_MIN_PRECISION:
            rejected.add(code)
    return rejected


def counted_pairs(study, auto: pd.DataFrame | None = None, segments: pd.DataFrame | None = None) -> set:
    """The (segment_id, code) pairs of :func:`counted_codings`, by the same rule, built from
    plain lists instead of the coded table (the repository's index needs only which codings
    count, for every study of a repository; issue 20). ``segments`` is ``study.segments()``
    and ``auto`` ``kit.languages.study_autocode`` over it (computed when omitted). Codes are stripped
    of surrounding spaces, as in the coded table."""
    from kit.coding import comparison_universe
    from kit.languages import study_autocode

    if segments is None:
        segments = study.segments()
    if auto is None:
        auto = study_autocode(study, segments)
    manual = study.codings
    by_hand = set(comparison_universe(manual, segments)) if len(manual) else set()
    rejected = _rejected_rules(auto, manual, by_hand, study.codebook.names)
    kind_of: dict = {}
    for sid, kind in zip(segments["segment_id"].tolist(), segments["kind"].tolist()):
        kind_of.setdefault(sid, kind)  # the first row of a segment id, as coded_segments keeps

    def participant_words(codings):
        seg = _segment_column(codings)
        for sid, code in zip(codings[seg].tolist(), codings["code"].tolist()):
            if isinstance(code, str) and code.strip() and kind_of.get(sid) in PARTICIPANT_WORDS:
                yield sid, code.strip()

    if not len(manual):
        return {(sid, code) for sid, code in participant_words(auto) if code not in rejected}
    return set(participant_words(manual)) | {(sid, code) for sid, code in participant_words(auto)
                                             if sid not in by_hand and code not in rejected}


def study_themes(study, auto: pd.DataFrame | None = None, scores: pd.DataFrame | None = None) -> dict:
    """Everything behind a study's theme counts, computed once: ``auto``
    (``kit.languages.study_autocode``: each passage in its own language, computed when omitted), ``versus``
    (``compare_auto_manual``), ``rules`` (:func:`rule_validation`), ``coded``
    (:func:`theme_codings`), ``counts`` (:func:`theme_counts`, with sentiment when
    ``scores`` is given), ``counted`` (the codings that count toward themes), ``applied``
    (every coding but a rejected rule's, the team's passages included: what an insight or
    an opportunity is about) and ``n_participants``."""
    auto, versus, rules, coded, people = _study_codings(study, auto)
    heard = coded[~coded["participant"].isin(_not_interviewed(study))]  # nobody: not "excluded" people
    counts = theme_counts(heard, people, codes=study.codebook.names, scores=scores, rules=rules,
                          named=named_interviews(study.interviews))
    return {"auto": auto, "versus": versus, "rules": rules, "coded": coded, "counts": counts,
            "counted": coded[coded["counted"]].reset_index(drop=True),
            "applied": coded[coded["rule_status"] != "rejected"].reset_index(drop=True),
            "n_participants": people}


# --------------------------------------------------------------------------- frequency

def frequency(coded: pd.DataFrame, n_participants: int | None = None, codes=None) -> pd.DataFrame:
    """Per code: participants mentioning it, their ``share`` of ``n_participants`` (default:
    the people in ``coded``) and ``mentions`` (coded segments). Sorted by participants, then
    mentions. Built on ``kit.coding.themes``."""
    coded = _counting(coded)
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


def segment_scores(segments: pd.DataFrame, people=None) -> pd.DataFrame:
    """VADER compound of each segment (segment_id, compound), for :func:`intensity`; with the
    study's roster ``people`` (``kit.privacy.roster``) a text naming someone is scored as
    published (:func:`kit.sentiment.compound_published`, as ``analyze`` scores it). Pass the
    study itself as ``people`` for ``analyze``'s whole rule: as published, and NaN where the
    passage's language has no scorer (:func:`kit.languages.study_compound`; newcomer s12 F16)."""
    from kit.sentiment import compound_published

    if hasattr(people, "turns") and hasattr(people, "segments"):  # a Study: analyze's language rule too
        from kit.languages import study_compound

        return pd.DataFrame({"segment_id": segments["segment_id"].tolist(),
                             "compound": study_compound(people, segments).to_numpy(dtype=float)})
    texts = segments["text"].tolist()
    scores = pd.DataFrame({"segment_id": segments["segment_id"].tolist(),
                           "compound": compound_published(texts, people) if texts else []})
    if "language" in segments:  # kit.languages.annotate: NaN where VADER is not valid
        from kit.languages import where_valid

        scores["compound"] = where_valid(scores["compound"], segments["language"].tolist()).to_numpy()
    return scores




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

    A code with no segment in the participant's words has NaN strength columns. Rows of a
    :func:`theme_codings` table that do not count (``counted`` False) are left out.
    """
    coded = _counting(coded)
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


def theme_table(coded: pd.DataFrame, scores: pd.DataFrame | None = None, n_participants: int | None = None,
                codes=None, rules: pd.DataFrame | None = None, named=None) -> pd.DataFrame:
    """:func:`theme_counts` (the count, its source and the feeling of its passages) with the
    strength columns of :func:`intensity` beside it: the themes table of notebook 04 and of
    the report. Same rows, same order as :func:`theme_counts`; ``named`` as there (pass
    :func:`kit.schema.named_interviews` of the study's interviews, as ``analyze`` does)."""
    counts = theme_counts(coded, n_participants, codes=codes, scores=scores, rules=rules, named=named)
    strength = intensity(coded, scores, n_participants=n_participants, codes=list(counts["code"]))
    extra = [c for c in INTENSITY_COLUMNS if c not in counts.columns]
    return counts.merge(strength[["code"] + extra], on="code", how="left")


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


def cooccurrence(coded: pd.DataFrame, by: str = "segment", codes=None, named=None) -> pd.DataFrame:
    """Square table of codes: off the diagonal ``n12``, the number of units (segments,
    interviews or participants, ``by``) where both codes were applied; on the diagonal
    ``n1``, the units with the code. ``codes`` gives rows, columns and their order."""
    coded = _counting(coded)
    if by not in _UNITS:
        raise ValueError(f"by must be one of {', '.join(_UNITS)}, not {by!r}")
    unit = coded[_UNITS[by]] if by != "participant" else _who(coded, named)
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
    coded = _counting(coded)
    if attribute not in interviews.columns:
        raise ValueError(f"no participant attribute {attribute!r} (the interviews have: "
                         f"{', '.join(map(str, interviews.columns))})")
    interviews = interviews[~counts_for_nobody(interviews)]  # neither in "(none)" nor in a size
    value_of = interviews.set_index("interview_id")[attribute].fillna("").astype(str).replace("", NONE_LABEL)
    frame = pd.DataFrame({"who": _who(coded, named_interviews(interviews)).to_numpy(), "code": coded["code"].to_numpy(),
                          "value": coded["interview_id"].map(value_of).fillna(NONE_LABEL).to_numpy()})
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
        people = people.assign(who=_who(people))
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
    coded = _counting(coded)
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
    coded = _counting(coded)
    if len(coded):  # a third speaker's codes are nobody's: not new codes of the interview
        coded = coded[_who(coded, named_interviews(interviews)).notna()]
    order = interviews.assign(_date=pd.to_datetime(interviews["date"], errors="coerce"))
    order = order.sort_values(["_date", "interview_id"], na_position="last")
    codes = coded.groupby("interview_id")["code"].agg(set).to_dict() if len(coded) else {}
    return {iid: set(codes.get(iid, set())) for iid in order["interview_id"]}



# --------------------------------------------------------------------------- saturation answer

def saturation_answer(result: dict, backing=None) -> str:
    """A sentence answering "were the interviews enough?" from a ``kit.saturation``
    result: where saturation was reached (Guest, Namey & Chen 2020), what the interviews
    after it added, and the share of codes found by interviews 6 and 12 (Guest, Bunce &
    Johnson 2006).

    ``backing`` says what the codes rest on: a ``kit.thematic_saturation.saturation_backing``
    dict, or the themes table it is read from (:func:`theme_counts` / :func:`theme_table`).
    When it is not conclusive (codes resting on keyword rules no coder checked, or not
    recorded) a reached point is answered "Inconclusive: rests on unchecked rules (codes
    ...)", never "Yes". Without ``backing`` the answer is from the counts alone."""
    if isinstance(backing, pd.DataFrame):
        from kit.thematic_saturation import saturation_backing

        backing = saturation_backing(backing)
    n = result["n_interviews"]
    rule = f"base {result['base']}, run {result['run']}, at most {result['threshold']:.0%} new codes"
    shares = result.get("guest_2006") or {}
    marks = [f"{shares[key]:.0%} by interview {mark}" for mark, key in ((6, "by_6"), (12, "by_12"))
             if shares.get(key) is not None]
    tail = f" Of the {result['total_codes']} codes, {' and '.join(marks)}." if marks else ""
    point = result.get("saturated_at")
    if not point:
        return f"Not yet: {result.get('reason') or 'no run under the threshold'} ({rule}).{_criteria(result)}{tail}"
    later = sum(result["new_per_interview"][point:])
    after = (f"interviews {point + 1} to {n} added {later} new code{'s' if later != 1 else ''}"
             if point < n else "it was the last interview")
    if backing is not None and not backing.get("conclusive", False):
        if backing.get("unvalidated"):
            why = (f"rests on unchecked rules (codes {', '.join(backing['unvalidated'])}): new codes may be the "
                   "keyword rules firing rather than new things said; code a few interviews by hand")
        else:
            why = backing.get("words") or "what the codes rest on is not recorded"
        return (f"Inconclusive: {why}. By the counts alone saturation would be at interview {point} of {n} "
                f"({rule}); {after}.{_criteria(result)}{tail}")
    rest = f"; {backing['words']}" if backing is not None and backing.get("words") else ""
    return f"Yes: saturation was reached at interview {point} of {n} ({rule}); {after}{rest}.{_criteria(result)}{tail}"


def _criteria(result: dict) -> str:
    """Both thresholds of Guest, Namey & Chen (2020), at most 5% and 0% new codes, in words."""
    parts = []
    for c in result.get("criteria") or []:
        if c["threshold"] == result["threshold"]:
            continue
        where = f"interview {c['saturated_at']}" if c["saturated_at"] else "not reached"
        parts.append(f"at {c['threshold']:.0%} new codes: {where}")
    return f" ({'; '.join(parts)}.)" if parts else ""
