"""One home for the kit's shared rules: table columns, the segment-id grammar, vocabularies.

Every module that writes or reads one of these tables, ids or values imports it from here,
so two steps cannot disagree on a column name or on what a valid id is.

* **Segment ids** (a public contract, docs/design.md): ``<interview_id>#<letter><n>``, with
  ``t`` the n-th transcript turn, ``q`` a key quote, ``i`` an insight and ``o`` an
  opportunity of the interview's note; ``n`` counts from 1 (``INT-007#t12``; ``#t0`` is not
  an id). :func:`make_segment_id` builds one, :func:`parse_segment_id` splits one and raises
  :class:`SegmentIdError` (a ``ValueError``) on anything else.
* **Vocabularies**: segment kinds, which kinds are a participant's own words, participant
  statuses, yes/no values (consent), cost categories, value kinds, action-item statuses.
* **Study rules**: the interview cadence (:func:`cadence_days`), the follow-up windows
  (:data:`FOLLOW_UP_WINDOWS`), what counts as missing (:func:`is_missing`, :func:`is_blank`)
  and which column of a codings table names the segment (:func:`segment_column`).
* **Columns** of every tidy table the kit writes (``*_COLUMNS``).
"""
from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "counts_for_nobody",
    "ACTION_COLUMNS",
    "ACTION_STATUSES",
    "ASSESS_COLUMNS",
    "ASSUMPTION_EVIDENCE_COLUMNS",
    "AUTOCODE_COMPARE_COLUMNS",
    "CODED_COLUMNS",
    "CODE_AGREEMENT_COLUMNS",
    "CODING_COLUMNS",
    "COHORT_COLUMNS",
    "COLLOCATION_COLUMNS",
    "COST_CATEGORIES",
    "DEFAULT_CADENCE_DAYS",
    "DISAGREEMENT_COLUMNS",
    "EXPERIMENT_COMPARE_COLUMNS",
    "FOLLOWUP_COLUMNS",
    "FOLLOW_UP_TASKS",
    "FOLLOW_UP_WINDOWS",
    "INSIGHT_COLUMNS",
    "INTENSITY_COLUMNS",
    "ITEM_COLUMNS",
    "KEYNESS_COLUMNS",
    "KIND_OF_LETTER",
    "LETTER_OF_KIND",
    "MANUAL_CODING_COLUMNS",
    "NO",
    "NONE_LABEL",
    "NO_CONSENT",
    "ON_TIME_LABELS",
    "OPEN_ACTION_STATUSES",
    "OPPORTUNITY_EVIDENCE_COLUMNS",
    "PARTICIPANT_COLUMNS",
    "PARTICIPANT_KINDS",
    "PARTICIPANT_STATUSES",
    "PENDING_STATUSES",
    "PREVALENCE_COLUMNS",
    "PRIOR_COLUMNS",
    "QUOTE_COLUMNS",
    "RANK_COLUMNS",
    "REPOSITORY_CODE_COLUMNS",
    "REPOSITORY_SEGMENT_COLUMNS",
    "RULE_COLUMNS",
    "SCHEDULED_STATUSES",
    "SCORED_COLUMNS",
    "SCREEN_COLUMNS",
    "SEARCH_COLUMNS",
    "SEGMENT_COLUMNS_OF_CODINGS",
    "SEGMENT_ID",
    "SEGMENT_ID_PATTERN",
    "SEGMENT_KINDS",
    "SENTIMENT_COLUMNS",
    "STAGE_COLUMNS",
    "STUDY_CODING_COLUMNS",
    "SUMMARY_COLUMNS",
    "TEAM_KINDS",
    "TERM_COLUMNS",
    "TEST_COLUMNS",
    "THANK_YOU_COLUMNS",
    "THEME_COLUMNS",
    "TREND_COLUMNS",
    "TURNS_COLUMNS",
    "TURN_COLUMNS",
    "VALUE_KINDS",
    "VERBATIM_COLUMNS",
    "YES",
    "YOU_SAID_COLUMNS",
    "SegmentId",
    "SegmentIdError",
    "cadence_days",
    "follow_up_due",
    "follow_up_label",
    "is_blank",
    "is_missing",
    "is_participant_kind",
    "is_segment_id",
    "make_segment_id",
    "parse_segment_id",
    "person", "named_interviews",
    "segment_column",
    "segment_kind",
    "segment_number",
]

# --------------------------------------------------------------------------- segment ids
KIND_OF_LETTER = {"t": "turn", "q": "quote", "i": "insight", "o": "opportunity"}
LETTER_OF_KIND = {kind: letter for letter, kind in KIND_OF_LETTER.items()}
SEGMENT_KINDS = tuple(KIND_OF_LETTER.values())
#: The grammar as a regular expression (anchored): interview id without ``#`` or whitespace,
#: ``#``, one kind letter, a number from 1 without leading zeros.
SEGMENT_ID_PATTERN = r"^(?P<interview>[^#\s]+)#(?P<letter>[tqio])(?P<n>[1-9]\d*)$"
SEGMENT_ID = re.compile(SEGMENT_ID_PATTERN)


class SegmentIdError(ValueError):
    """A string that is not a segment id such as ``INT-003#t4``."""


@dataclass(frozen=True)
class SegmentId:
    """A parsed segment id: the interview, the kind (``turn``, ``quote``, ``insight``,
    ``opportunity``) and the number (from 1)."""

    interview: str
    kind: str
    n: int

    def __str__(self) -> str:
        return make_segment_id(self.interview, self.kind, self.n)


def make_segment_id(interview_id: str, kind: str, n: int) -> str:
    """The stable id of the ``n``-th (from 1) segment of ``kind`` in an interview.

    ``kind`` is a kind (``"turn"``) or its letter (``"t"``); a kind that is not one, or an
    ``n`` that is not a whole number from 1, raises :class:`SegmentIdError`. The interview
    id is taken as the study names it: one with whitespace or ``#`` (a transcript file named
    ``Call with Kim.txt``) still gets ids, which :func:`parse_segment_id` will not accept
    (``check`` reports a ``#`` in a note's id).

    >>> make_segment_id("INT-007", "turn", 12)
    'INT-007#t12'
    >>> make_segment_id("INT-007", "q", 1)
    'INT-007#q1'
    """
    letter = kind if kind in KIND_OF_LETTER else LETTER_OF_KIND.get(kind)
    if letter is None:
        raise SegmentIdError(f"segment kind {kind!r} is not one of {', '.join(SEGMENT_KINDS)}")
    if type(n) is not int and (isinstance(n, bool) or not isinstance(n, numbers.Integral)) or n < 1:
        raise SegmentIdError(f"segment number {n!r} must be a whole number from 1")
    return f"{interview_id}#{letter}{n}"


def parse_segment_id(segment_id: str) -> SegmentId:
    """Split ``INT-007#t12`` into ``SegmentId("INT-007", "turn", 12)``.

    Raises :class:`SegmentIdError` (a ``ValueError``) naming the expected form for anything
    else, including ``#t0`` and a number with a leading zero.

    >>> parse_segment_id("INT-007#t12")
    SegmentId(interview='INT-007', kind='turn', n=12)
    >>> try:
    ...     parse_segment_id("INT-007#t0")
    ... except SegmentIdError as exc:
    ...     print(exc)
    'INT-007#t0' is not a segment id such as INT-003#t4 or INT-003#q1 (interview id, '#', t/q/i/o, a number from 1)
    """
    match = SEGMENT_ID.match(segment_id) if isinstance(segment_id, str) else None
    if not match:
        raise SegmentIdError(f"{segment_id!r} is not a segment id such as INT-003#t4 or INT-003#q1 "
                             "(interview id, '#', t/q/i/o, a number from 1)")
    return SegmentId(match["interview"], KIND_OF_LETTER[match["letter"]], int(match["n"]))


def is_segment_id(value) -> bool:
    """True when ``value`` is a string that :func:`parse_segment_id` accepts."""
    return isinstance(value, str) and SEGMENT_ID.match(value) is not None


def segment_kind(segment_id) -> str:
    """``"turn"``, ``"quote"``, ``"insight"`` or ``"opportunity"`` from a segment id, ``""``
    for anything that is not one."""
    match = SEGMENT_ID.match(segment_id) if isinstance(segment_id, str) else None
    return KIND_OF_LETTER[match["letter"]] if match else ""


def segment_number(segment_id: str) -> int:
    """The number of a segment id (``INT-007#t12`` → 12); raises :class:`SegmentIdError`."""
    return parse_segment_id(segment_id).n


# --------------------------------------------------------------------------- vocabularies
#: Kinds of segment whose text is a participant's own words (a transcript turn, a key quote);
#: insights and opportunities are the team's words. Only these count a participant as
#: having raised something ("who counts as a person" for prevalence and voice).
PARTICIPANT_KINDS = ("turn", "quote")
TEAM_KINDS = ("insight", "opportunity")


def is_participant_kind(kind) -> bool:
    """True for the kinds of segment that are a participant's own words (``PARTICIPANT_KINDS``)."""
    return kind in PARTICIPANT_KINDS


def named_interviews(table) -> set:
    """The interview ids that name a participant: those with a non-empty ``participant`` on
    at least one row of ``table`` (the study's interviews table, its segments, or any table
    with columns ``participant`` and ``interview_id``). Returns a set of text."""
    if "participant" not in table.columns or "interview_id" not in table.columns:
        return set()  # a table that names no participant (only ids and dates, say)
    participant = table["participant"].fillna("").astype(str)
    return set(table["interview_id"].astype(str)[participant != ""])


def person(frame, named=None):
    """Who counts as a person, one value per row of ``frame`` (columns ``participant`` and
    ``interview_id``): the participant's id; the interview id when the interview names no
    participant (an unnamed interview is one person, never merged with another); and nobody
    (``None``) for a row with no participant in an interview that names one: a third speaker
    (an interpreter, an accountant, a partner in the room: :mod:`kit.speaker_roles`) is not a
    participant and is not one more person either.

    ``named`` is the set of interview ids that name a participant (:func:`named_interviews`
    of the study's interviews or segments); without it, the interviews of ``frame`` with a
    participant on any row. Pass it whenever ``frame`` is a part of the study (the coded
    segments of one code), which may hold a third speaker's row without its participant's.
    Returns a pandas Series of text (``None`` for nobody) aligned with ``frame``: pandas'
    ``nunique`` and ``groupby`` leave nobody out; a caller building a set drops ``None``. A
    ``frame`` without ``interview_id`` (rows of people only) counts its participants, and a
    row with none as nobody."""
    participant = frame["participant"].fillna("").astype(str)
    if "interview_id" not in frame.columns:  # rows of people only: a row with no participant is nobody
        return participant.where(participant != "", None).astype(object)
    interview = frame["interview_id"].astype(str)
    if named is None:
        named = named_interviews(frame)
    who = participant.where(participant != "", interview).astype(object)
    return who.mask((participant == "") & interview.isin(set(map(str, named))), None)


def counts_for_nobody(interviews):
    """Whether each interview (rows of ``Study.interviews``: columns ``participant`` and
    ``note_path``) counts for no participant: a transcript no note names (no note, no
    participant), which :func:`kit.speaker_roles.lone_transcript` warns counts for nobody, in a
    study that has notes. In a study of transcripts alone (no note at all) each transcript is
    one person, as :func:`person` counts it. Returns a boolean pandas Series aligned with
    ``interviews`` (all False without a ``note_path`` column)."""
    import pandas as pd

    if "note_path" not in interviews.columns or not len(interviews):
        return pd.Series(False, index=interviews.index, dtype=bool)
    noted = interviews["note_path"].fillna("").astype(str) != ""
    named = interviews["participant"].fillna("").astype(str) != ""
    return ~noted & ~named & bool(noted.any())


PARTICIPANT_STATUSES = ("invited", "scheduled", "completed", "declined", "no-show", "withdrawn")
SCHEDULED_STATUSES = ("scheduled", "completed", "no-show")   # reached a booked slot
PENDING_STATUSES = ("invited", "scheduled")                  # not answered yet, or booked but not held
#: Yes/no cells (``consent_record``, ``consent_quote``), compared lower-cased and stripped.
YES = frozenset({"yes", "y", "true", "1"})
NO = frozenset({"no", "n", "false", "0", ""})
COST_CATEGORIES = ("interviewer_time", "note_taker_time", "analysis_time", "incentive", "tool",
                   "recruiting", "other")
VALUE_KINDS = ("revenue", "cost_saving", "risk_avoided", "time_saved")
ACTION_STATUSES = ("open", "in progress", "done", "dropped")
OPEN_ACTION_STATUSES = ("open", "in progress")
#: The label of a segment value that is missing (a participant without the attribute).
NONE_LABEL = "(none)"
#: What a published table shows instead of the words of a participant who did not consent to
#: being quoted (``consent_quote`` not yes in participants.csv).
NO_CONSENT = "(not quoted: no consent to quote)"

# --------------------------------------------------------------------------- study rules
DEFAULT_CADENCE_DAYS = 7


def cadence_days(study_or_config) -> float:
    """study.yml ``cadence_days``: interviews are expected at least this often, in days
    (default :data:`DEFAULT_CADENCE_DAYS`). Takes a ``Study`` or its config dict; a value
    that is not a positive number falls back to the default (``check`` reports it)."""
    config = getattr(study_or_config, "config", study_or_config) or {}
    value = config.get("cadence_days") if isinstance(config, dict) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    return float(DEFAULT_CADENCE_DAYS)


#: The template's follow-up windows, in days after the interview: a thank-you within 24 hours
#: (the next day at the latest), the team debrief within 48 hours, notes written the same day.
FOLLOW_UP_WINDOWS = {"thank_you": 1, "debrief": 2, "notes": 0}
FOLLOW_UP_TASKS = {"thank_you": "thank-you within 24 hours", "debrief": "team debrief within 48 hours",
                   "notes": "notes written the same day"}


def follow_up_due(interview_day: date, step: str) -> date:
    """The last day on time for a follow-up ``step`` (a key of :data:`FOLLOW_UP_WINDOWS`).

    >>> follow_up_due(date(2026, 3, 2), "thank_you")
    datetime.date(2026, 3, 3)
    """
    from datetime import timedelta

    return interview_day + timedelta(days=FOLLOW_UP_WINDOWS[step])


#: The labels :func:`follow_up_label` gives a step done within its window.
ON_TIME_LABELS = frozenset({"on time", "same day"})


def follow_up_label(step: str, days) -> str:
    """How a follow-up ``step`` done ``days`` after the interview is labelled: ``missing``
    (not recorded, ``days`` None), ``on time`` within its window (``N days`` otherwise); for
    notes, ``same day`` or ``N days later``. The labels of ``kit.capture.follow_up``.

    >>> follow_up_label("thank_you", 1), follow_up_label("debrief", 3), follow_up_label("notes", 0)
    ('on time', '3 days', 'same day')
    """
    if days is None:
        return "missing"
    if step == "notes":
        return "same day" if days == FOLLOW_UP_WINDOWS["notes"] else f"{days} days later"
    return "on time" if days <= FOLLOW_UP_WINDOWS[step] else f"{days} days"


def is_missing(value) -> bool:
    """True for a missing scalar: None, NaN (float or numpy), ``pd.NA``, ``pd.NaT`` and numpy
    NaT. Never raises (a tuple, list or other object is not missing); an empty string is not
    missing here (see :func:`is_blank`)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, (str, bytes, bool, int)):
        return False
    try:
        import pandas as pd

        res = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return getattr(res, "ndim", 0) == 0 and bool(res)


def is_blank(value) -> bool:
    """:func:`is_missing`, or a string of only whitespace (an empty CSV or YAML cell)."""
    return is_missing(value) or (isinstance(value, str) and not value.strip())


#: A codings table names its segment in ``segment_id`` (auto-coding, tidy tables) or
#: ``segment`` (codings/*.csv, QDPX); the first present is used.
SEGMENT_COLUMNS_OF_CODINGS = ("segment_id", "segment")


def segment_column(frame) -> str:
    """The column of ``frame`` holding segment ids: ``segment_id`` or else ``segment``.
    Raises ``ValueError`` when there is neither."""
    for name in SEGMENT_COLUMNS_OF_CODINGS:
        if name in frame.columns:
            return name
    raise ValueError("codings need a `segment` (or `segment_id`) column")


# --------------------------------------------------------------------------- columns
# Study tables (kit.study)
TURN_COLUMNS = ["interview_id", "turn", "segment_id", "speaker", "role", "participant",
                "start", "end", "text"]
ITEM_COLUMNS = ["interview_id", "segment_id", "n", "participant", "text", "line"]
ACTION_COLUMNS = ["interview_id", "owner", "action", "due", "status", "line", "note_path"]
FOLLOWUP_COLUMNS = ["interview_id", "text", "line"]
STUDY_CODING_COLUMNS = ["segment", "code", "coder", "memo", "interview_id"]
#: participants.csv's standard columns; any other column is an attribute (segment, role ...).
PARTICIPANT_COLUMNS = ["id", "name", "email", "channel", "status", "invited_on", "scheduled_on",
                       "interviewed_on", "consent_record", "consent_quote"]
# Codings (codings/*.csv, kit.qdpx, kit.widgets)
MANUAL_CODING_COLUMNS = ["segment", "code", "coder", "memo"]
CODING_COLUMNS = MANUAL_CODING_COLUMNS + ["source", "start", "end"]
# Themes (kit.themes)
CODED_COLUMNS = ["segment_id", "interview_id", "participant", "kind", "code", "text"]
RULE_COLUMNS = ["code", "manual", "auto", "tp", "fp", "precision", "examples", "rule_status",
                "rule_reach", "ubiquitous"]
THEME_COLUMNS = ["code", "participants", "share", "mentions", "mean_compound", "participants_manual",
                 "participants_rule", "excluded_participants", "source", "rule_status", "precision",
                 "ubiquitous", "voiced", "share_negative", "share_positive", "feeling"]
INTENSITY_COLUMNS = ["code", "participants", "share", "mentions", "voiced", "mean_compound",
                     "mean_abs_compound", "intensity", "exclamations", "caps_words", "intensifiers",
                     "repetition", "emphasis"]
# Agreement (kit.agreement) and auto- against manual coding (kit.coding)
CODE_AGREEMENT_COLUMNS = ["code", "n_segments", "a_only", "b_only", "both", "neither", "kappa",
                          "percent_agreement", "band", "uses", "positive_agreement",
                          "agreement_when_applied"]
DISAGREEMENT_COLUMNS = ["segment", "code", "applied_by", "not_applied_by", "memo"]
AUTOCODE_COMPARE_COLUMNS = ["code", "manual", "auto", "tp", "fp", "fn", "precision", "recall", "f1",
                            "verdict"]
# Turns with language and sentiment (kit.analyze), feelings (kit.feelings), stages (kit.journey)
TURNS_COLUMNS = ["interview_id", "turn", "speaker", "role", "start", "end", "text", "language", "compound"]
SCORED_COLUMNS = ["segment_id", "interview_id", "participant", "kind", "date", "text", "compound", "label"]
SUMMARY_COLUMNS = ["n", "n_negative", "n_neutral", "n_positive", "share_negative", "share_neutral",
                   "share_positive", "mean_compound", "median_compound", "mean_abs_compound",
                   "strong_negative", "strong_positive", "negative_intensity", "positive_intensity"]
STAGE_COLUMNS = ["segment_id", "interview_id", "participant", "kind", "stage", "source", "evidence"]
# Language (kit.language)
COLLOCATION_COLUMNS = ["phrase", "freq", "people", "likelihood_ratio", "pmi"]
KEYNESS_COLUMNS = ["word", "target_freq", "reference_freq", "target_per_1000", "reference_per_1000",
                   "g2", "p_value", "log_ratio", "use"]
# Closing the loop (kit.loop)
THANK_YOU_COLUMNS = ["interview_id", "participant", "date", "send_by", "thank_you_sent", "status",
                     "lines", "text"]
YOU_SAID_COLUMNS = ["participant", "decisions", "interviews", "text"]
# Observation (kit.observation)
INSIGHT_COLUMNS = ["segment_id", "interview_id", "line", "text", "cues", "interpretation", "advice"]
QUOTE_COLUMNS = ["segment_id", "interview_id", "participant", "status", "similarity", "note_time",
                 "turn", "time", "text", "match"]
# Opportunities (kit.opportunities)
OPPORTUNITY_EVIDENCE_COLUMNS = ["opportunity_id", "evidence_id", "kind", "participant", "codes",
                                "shares_code", "text"]
RANK_COLUMNS = ["rank", "opportunity_id", "interview_id", "participant", "text", "codes", "coded_as",
                "evidence", "participants", "share", "voiced", "mean_abs_compound", "share_negative",
                "intensity"]
# Recruiting (kit.recruit)
SCREEN_COLUMNS = ["pool_line", "id", "known_as", "segment", "eligible", "rule", "reason"]
# Repository (kit.repository / kit.discovery)
SEARCH_COLUMNS = ["rank", "score", "id", "study", "sprint", "date", "kind", "interview_id", "participant",
                  "segment", "codes", "snippet", "context", "text", "consent_quote"]
PRIOR_COLUMNS = ["study", "sprint", "date", "kind", "interview_id", "participant", "interviewer", "stage",
                 "quotes", "summary", "note_path"]
TREND_COLUMNS = ["order", "sprint", "study", "code", "participants", "mentioning", "share", "share_low",
                 "share_high", "mentions", "mean_compound", "scored_segments"]
REPOSITORY_SEGMENT_COLUMNS = ["study", "sprint", "segment_id", "interview_id", "participant", "kind",
                              "date", "segment", "consent_quote", "context", "text"]
REPOSITORY_CODE_COLUMNS = ["study", "segment_id", "code", "source", "counted"]
# Interviewer review (kit.review)
COHORT_COLUMNS = ["transcript", "interviewer", "inferred", "n_turns", "talk_ratio", "listening_met",
                  "questions", "flagged", "flagged_share", "probes", "stacked", "interruptions",
                  "monologues", "first_story_turn", "first_story_start", "score"]
# Segments compared (kit.segments)
PREVALENCE_COLUMNS = ["code", "value", "with_code", "n", "share", "rest_with_code", "rest_n",
                      "rest_share", "odds_ratio", "p_value", "q_value", "warning"]
TEST_COLUMNS = ["code", "people_with_code", "n", "test", "statistic", "dof", "p_value", "q_value",
                "effect", "effect_size", "min_expected", "small_expected", "warning"]
SENTIMENT_COLUMNS = ["value", "n", "people", "median_compound", "mean_compound", "rest_n", "rest_people",
                     "rest_median_compound", "u", "p_value", "rank_biserial", "warning"]
# Theme discovery (kit.theme_discovery)
TERM_COLUMNS = ["theme", "rank", "term", "feature", "ctfidf"]
# Assumptions (kit.assumptions / kit.discovery)
ASSUMPTION_EVIDENCE_COLUMNS = ["assumption", "stance", "code", "study", "sprint", "date", "segment_id",
                               "interview_id", "participant", "segment", "kind", "text"]
EXPERIMENT_COMPARE_COLUMNS = ["experiment", "decision", "segment", "code", "before_n", "before_k",
                              "before_share", "after_n", "after_k", "after_share", "diff", "diff_low",
                              "diff_high", "change", "before_compound", "after_compound",
                              "compound_diff", "compound_low", "compound_high", "mw_p", "reading",
                              "fisher_p", "needed_per_group", "sentiment_change", "follow_up"]
ASSESS_COLUMNS = ["assumption", "code", "rule", "evaluated_on", "n", "k", "share", "share_low",
                  "share_high", "verdict", "binomial_p", "needed"]
#: Columns that carry someone's words verbatim (kit.outputs redacts and checks consent on them).
VERBATIM_COLUMNS = frozenset({"text", "snippet", "quote", "match", "excerpt", "example", "passage",
                              "said", "words_used"})
