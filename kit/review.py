"""Transcript review for interviewer training.

``review_transcript(path_or_turns)`` reads one interview transcript and measures the habits a
trainer looks for in a story-based micro-interview:

==================  ==========================================================================
what                how it is measured
==================  ==========================================================================
talk ratio          the interviewer's words / all words (0-1); the listening target is 20%
                    or less (the 80/20 rule).
questions           every question the interviewer asked: each interviewer turn is split into
                    sentences; a sentence is a question when it ends with ``?`` or is a
                    polite request ("Tell me about...", "Walk me through...", "Could you
                    describe..."). Each is linted with :func:`kit.guide.lint_question` (kind,
                    flags, suggestion). Housekeeping questions (recording, consent, "Does
                    that sound good?") are listed but not scored.
probes              questions of kind ``probe`` ("What happened next?", "Say more about that").
stacked questions   interviewer turns with two or more questions in a row (ask one at a time).
interruptions       turns that start before the previous turn ended (needs start and end
                    times: WebVTT and SRT have them, Otter, Rev and plain text do not; a cue
                    whose timing line is bad is left out, the others are measured).
monologues          interviewer turns of more than 60 words (pitching, explaining the
                    product, a long preamble).
first story         the first participant turn that answers a story question ("Tell me about
                    your first day ...", "Walk me through ...", "Describe a time when ...",
                    "What happened the last time ...", with or without "your first/last"; at least 10
                    words, after the interviewer's last real question asked for a story) or
                    tells an episode ("last week", "yesterday", "the last time",
                    "when I ..."): its start time, or its turn number when there are no times.
==================  ==========================================================================

A transcript in a study is read as ``analyze`` reads it: with the study's ``aliases``
(``"Priya R.": Priya Raman``), its ``team``, ``interviewer_labels`` and the note's
``interviewer``, ``note_taker`` and ``speakers:`` (a note-taker's single question is theirs,
and an interviewer's turn), and labels that differ only in case or accents ("Siobhán", "Siobhan") are one speaker. When
the interviewer's words are in a language the question rules do not cover
(``kit.languages.LINT_LANGUAGES``), question quality, story first and probes are not scored;
an opener in such a language is listed and story first not measured (kit.review_languages).
Turns are numbered from 1 as in the study's segment ids (``INT-007#t12``). When the
interviewer is not given, every label that asks questions like an interviewer is taken
(:func:`infer_interviewers`), and the review says so (``inferred``, ``message``).

``scorecard(review)`` turns a review into a 0-100 score with one line per habit;
``cohort(reviews)`` is the table a trainer reads across many transcripts (both in
:mod:`kit.review_score`, exported here too);
``review_command(paths, interviewers, as_json, include_names)`` is ``interview-kit review``,
a working output (``kit.outputs``): participants by id, names and contact details redacted.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

from kit.errors import Problem, StudyError
from kit.guide import lint_question
from kit.guide.lint import MAX_QUESTION_CHARS, too_long
from kit.review_languages import asked_in
from kit.review_score import (  # noqa: F401 - kit.review's API: the scorecard and the cohort table
    COHORT_COLUMNS,
    MONOLOGUE_WORDS,
    TALK_RATIO_TARGET,
    WEIGHTS,
    cohort,
    fmt_time,
    per_interviewer,
    questions_table,
    scorecard,
    scorecard_table,
)
from kit.review_study import roster_names, third_speakers
from kit.transcripts import infer_interviewer, read_transcript, talk_ratio

__all__ = [
    "TALK_RATIO_TARGET",
    "MONOLOGUE_WORDS",
    "split_sentences",
    "is_question",
    "is_housekeeping",
    "infer_interviewers",
    "per_interviewer",
    "review_transcript",
    "scorecard",
    "cohort",
    "format_review",
    "review_study",
    "review_many",
    "fmt_time",
]

STORY_ANSWER_WORDS = 10  # an answer to a story question this long counts as the story


# --------------------------------------------------------------------------------------
# Sentences and questions
# --------------------------------------------------------------------------------------
_ABBREVIATIONS = re.compile(
    r"\b(e\.g|i\.e|etc|vs|approx|mr|mrs|ms|dr|prof|st|no|fig|cf|inc|ltd|jr|sr)\.(?=\s)", re.I)
_BOUNDARY = re.compile(r"(?<=[.!?\u2026])([\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]?[^a-z\s])")
_DOT = "\u2024"  # one-dot leader: stands in for an abbreviation's dot while splitting

_LEAD = (r"^(?:(?:so|and|ok|okay|now|well|great|right|alright|first|then|finally|lastly|next|also|just|maybe)[,!.]?\s+)*"
         r"(?:(?:to (?:start|begin|finish|close|wrap up)|before we (?:start|begin|finish|wrap up|close)|"
         r"thinking back|looking back|going back|first of all|last of all|one more thing)[^,.?!]{0,30},\s+)?")
_REQUEST = re.compile(
    _LEAD + r"(?:(?:can|could|would|will) you (?:please |just |maybe |perhaps )?|please )?"
    r"(?:tell (?:me|us)|walk (?:me|us)|talk (?:me|us)|take (?:me|us)|run (?:me|us)|describe|share|"
    r"explain|say (?:a bit |a little )?more|give (?:me|us) an? (?:example|sense|picture)|"
    r"help (?:me|us) understand|think back|go back|go on|paint (?:me|us)|expand|elaborate|"
    r"remind (?:me|us)|recall|show (?:me|us))\b"
    r"|" + _LEAD + r"i(?:'d| would) (?:love|like) to (?:hear|know|understand|learn)\b"
    r"|" + _LEAD + r"i(?:'m| am) (?:curious|interested|wondering) (?:about|to hear|to know|how|what|why|whether|if|when)\b",
    re.I)
_QUESTION_END = re.compile(r"\?[\"'\u201d\u2019)\]]*$")
_HOUSEKEEPING = re.compile(
    r"\b(record(?:ing|ed)?|consent|hear me|sound(?:s)? (?:good|ok|okay|alright)|"
    r"any questions (?:for me|before)|questions before we|(?:ready|okay|ok) to (?:start|begin|get started)|"
    r"is (?:now|this) (?:still )?a good time|still have time|have (?:a few|five|\d+) minutes|"
    r"can i ask (?:you )?(?:one|a|another)? ?(?:quick|last|more|final|small)? ?(?:thing|question)|"
    r"shall we (?:start|begin)|get started|dive in|can you see my screen|on mute|still there)\b",
    re.I)

# Past-tense episode markers in a participant's answer.
EPISODE_MARKERS = re.compile(
    r"\b(last (?:week|month|year|night|weekend|time|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|summer|winter|spring|autumn|quarter|one)|yesterday|the last time|"
    r"the other day|this morning|earlier (?:today|this week)|\w+ (?:days|weeks|months|years) ago|"
    r"a (?:few|couple of) (?:days|weeks|months) ago|recently|the most recent|when i\b)",
    re.I)


def split_sentences(text: str) -> list[str]:
    """Split text into sentences with a regular expression: after ``.``, ``!``, ``?`` or
    ``…`` (and any closing quote or bracket), where the next word does not start in lower
    case. Common abbreviations (e.g., i.e., Dr.) do not end a sentence."""
    if not isinstance(text, str) or not text.strip():
        return []
    text = " ".join(text.split())
    protected = _ABBREVIATIONS.sub(lambda m: m.group(1) + _DOT, text)
    marked = _BOUNDARY.sub(lambda m: m.group(1) + "\n", protected)
    return [s.replace(_DOT, ".").strip() for s in marked.split("\n") if s.strip()]


def is_question(sentence: str) -> bool:
    """A sentence that asks: it ends with ``?`` or is a polite request ("Tell me about...",
    "Walk me through...", "Could you describe...", "I'd love to hear...")."""
    from kit.guide.cues12 import drop_address  # "Tyler, tell me about ...": the request after the name

    s = sentence.strip()
    return bool(s) and (bool(_QUESTION_END.search(s)) or bool(_REQUEST.match(s)) or bool(_REQUEST.match(drop_address(s))))


def is_housekeeping(sentence: str) -> bool:
    """A question about the session rather than the person's experience (recording,
    consent, "Does that sound good?", "Can I ask one quick thing?")."""
    from kit.guide.cues15 import logistics  # session 9: "could you say that in English for the notes?"

    return bool(_HOUSEKEEPING.search(sentence)) or bool(logistics(sentence))


@lru_cache(maxsize=4096)
def _lint(sentence: str) -> tuple:
    # Interviewers repeat themselves ("What happened next?"): lint each wording once.
    r = lint_question(sentence)
    return r["kind"], tuple(r["flags"]), r["suggestion"], tuple(r["reasons"].items())


def _words(text) -> int:
    return len(text.split()) if isinstance(text, str) else 0


def _question_turn(text) -> bool:
    return any(is_question(s) for s in split_sentences(text))


# --------------------------------------------------------------------------------------
# Who is the interviewer
# --------------------------------------------------------------------------------------
def infer_interviewers(turns: pd.DataFrame) -> list[str]:
    """Every label that speaks as an interviewer, in order of first appearance.

    The speaker who asks the most questions (:func:`kit.transcripts.infer_interviewer`),
    plus every other label that only asks questions (each of its turns has one), such as a
    note-taker's single question or an interviewer whose label changes between turns
    (``Assistant`` in the first turn, ``AI`` afterwards). The speaker with the most words
    and at least one other speaker are always left as participants.
    """
    if len(turns) == 0:
        raise ValueError("no turns: cannot tell who the interviewer is")
    from kit.study import DEFAULT_INTERVIEWER_LABELS

    # a label that says it is the interviewer ("Interviewer", "Moderator") is, whoever asks more (session 10)
    named = [s for s in dict.fromkeys(turns["speaker"]) if str(s).strip().casefold() in DEFAULT_INTERVIEWER_LABELS]
    primary = infer_interviewer(turns[turns["speaker"].isin(named)] if named else turns)
    order: list[str] = []
    n_turns: Counter = Counter()
    asking: Counter = Counter()
    words: Counter = Counter()
    for speaker, text in zip(turns["speaker"], turns["text"]):
        if speaker not in n_turns:
            order.append(speaker)
        n_turns[speaker] += 1
        words[speaker] += _words(text)
        if _question_turn(text):
            asking[speaker] += 1
    chosen = {primary}
    talker = max(order, key=lambda s: words[s])
    for label in order:
        if label != primary and label != talker and asking[label] == n_turns[label]:
            chosen.add(label)
    if len(chosen) >= len(order):  # somebody must be answering
        chosen = {primary}
    return [label for label in order if label in chosen]


def _resolve(turns: pd.DataFrame, interviewer, source: str) -> tuple[list[str], bool, str]:
    speakers = list(dict.fromkeys(turns["speaker"]))
    if interviewer:
        wanted = [interviewer] if isinstance(interviewer, str) else list(interviewer)
        aliases = turns.attrs.get("aliases") or {}  # a label the study's aliases renamed
        wanted = list(dict.fromkeys(aliases.get(str(w), w) for w in wanted))
        found = []
        for label in wanted:
            if label in speakers:
                found.append(label)
                continue
            folded = [s for s in speakers if str(s).casefold() == str(label).casefold()]
            found.extend(folded)
        if not found:
            error = StudyError([Problem(source, 0, f"none of the interviewer labels ({', '.join(map(str, wanted))}) "
                                                   f"speaks in this transcript; its speakers are: "
                                                   f"{', '.join(map(str, speakers))}")])
            # who would be the participants had no label been given: the message names them,
            # so a caller redacts them as it redacts a review's participants (issue atk8 6)
            asking = set(infer_interviewers(turns))
            error.participants = [str(s) for s in speakers if s not in asking]
            raise error
        found = set(found)
        return [s for s in speakers if s in found], False, ""
    if "role" in turns.columns and (turns["role"] == "interviewer").any():
        labels = set(turns.loc[turns["role"] == "interviewer", "speaker"])
        return [s for s in speakers if s in labels], False, ""
    labels = infer_interviewers(turns)
    message = (f"interviewer inferred as {', '.join(labels)} (the label(s) asking the questions); "
               "name the interviewer to be sure")
    return labels, True, message


# --------------------------------------------------------------------------------------
# The review
# --------------------------------------------------------------------------------------
def _num(value) -> float | None:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else round(value, 3)


def _load_turns(path_or_turns) -> tuple[pd.DataFrame, str | None, str]:
    if isinstance(path_or_turns, pd.DataFrame):
        turns = path_or_turns
        path = turns.attrs.get("path")
        if "interview_id" in turns.columns and len(turns):
            name = str(turns["interview_id"].iloc[0])
        else:
            name = Path(path).stem if path else "<turns>"
        return turns.reset_index(drop=True), path, name
    path = Path(path_or_turns)
    aliases, roles, known, interviewers = _study_reading(path)
    from kit.review_study import study_turns

    turns = study_turns(path)  # in a study: its turns and warnings, as analyze reads it (newcomer s13 F9)
    if turns is not None:
        turns.attrs["aliases"] = aliases
        turns.attrs["problems"] = _file_problems(path, turns)
        return turns, str(path), path.stem
    turns = read_transcript(path, aliases or None, speakers=known or None)
    turns.attrs["aliases"] = aliases
    if interviewers or roles:  # roles as the study gives them (kit.study, issue nc5)
        turns["role"] = [roles.get(str(s).casefold()) or
                         ("interviewer" if str(s).casefold() in interviewers else "participant")
                         for s in turns["speaker"]]
        if not (turns["role"] == "interviewer").any():
            turns = turns.drop(columns="role")
    turns.attrs["problems"] = _file_problems(path, turns)
    return turns, str(path), path.stem


def _file_problems(path: Path, turns: pd.DataFrame) -> list:
    """The reader's warnings for ``path`` and the timing lines it gave no time or no text
    (:mod:`kit.review_timing`), in line order: what of the file is not in the turns."""
    from kit.csvio import read_bytes
    from kit.review_timing import timing_problems
    from kit.transcripts import _decode

    problems = list(turns.attrs.get("problems") or [])
    data, _ = read_bytes(path)
    if data is not None and data[:4] != b"PK\x03\x04":  # a .docx has no lines to point at
        text, _ = _decode(data, str(path))
        problems += timing_problems(text, turns.attrs.get("format", "plain"), str(path), problems)
    return sorted(problems, key=lambda p: p.line)


def _study_reading(path: Path) -> tuple[dict, dict, list, set]:
    """How the study ``path`` belongs to reads it, as ``analyze`` does
    (:func:`kit.study._transcript_args`): (aliases, roles from the note's ``speakers:``,
    labels that are always speakers, casefolded interviewer labels: team, the note's
    interviewer and note_taker, ``interviewer_labels``). Empty outside a study."""
    from kit.outputs import study_of

    folder = study_of(path)
    if folder is None or not (folder / "study.yml").is_file():
        return {}, {}, [], set()
    from kit.study import DEFAULT_INTERVIEWER_LABELS, _transcript_args
    from kit.study_config import team_keys
    from kit.yamlio import load_yaml

    config, _problems = load_yaml(folder / "study.yml")  # the bounded loader; check reports problems
    config = config if isinstance(config, dict) else {}
    notes = sorted((folder / "interviews").glob("*.md"))
    named, by_id = _note_fronts(str(folder), tuple((str(n), n.stat().st_mtime_ns) for n in notes))
    from kit.study_paths import loose_key

    front = (named.get(str(path.resolve())) or by_id.get(path.stem) or named.get(loose_key(str(path.resolve())))
             or by_id.get(loose_key(path.stem)) or {})
    # the note's participants by their roster names, as analyze reads them (newcomer s13 F9)
    aliases, roles, known = _transcript_args(config, front, roster_names(folder) if front else None)
    aliases = {k: v for k, v in aliases.items() if k and v}
    # the team by the display forms analyze reads (kit.study_config.team_keys: newcomer s14 F5)
    interviewers = team_keys(config, front, roster_names(folder) if front else None, DEFAULT_INTERVIEWER_LABELS)
    return aliases, roles, known, interviewers


@lru_cache(maxsize=4)
def _note_fronts(folder: str, notes: tuple) -> tuple[dict, dict]:
    """The front matter of a study's notes, by the resolved path of the transcript each
    names and by id (for the notes that name none): read once per set of notes
    (``notes``: (path, mtime) pairs), not once per reviewed transcript."""
    from kit.notes import parse_note
    from kit.study_paths import loose_key as _loose_key  # a name in other capitals or Unicode form

    named, by_id = {}, {}
    for note, _mtime in notes:
        front = parse_note(note).front
        transcript = str(front.get("transcript") or "")
        if transcript:
            for base in (Path(folder) / "transcripts", Path(folder)):
                named.setdefault(str((base / transcript).resolve()), front)
                named.setdefault(_loose_key(str((base / transcript.strip()).resolve())), front)
        elif front.get("id"):
            by_id.setdefault(str(front["id"]), front)
            by_id.setdefault(_loose_key(str(front["id"])), front)
    return named, by_id


def _same_person(turns: pd.DataFrame) -> pd.DataFrame:
    """Speaker labels that differ only in case or accents ("Siobhán O'Neill", "Siobhan
    O'Neill") are one speaker, under the label first used: a transcriber's spelling is not a
    second participant."""
    from kit.privacy import fold

    first: dict[str, str] = {}
    labels = [first.setdefault(fold(" ".join(str(s).split())), s) if isinstance(s, str) else s
              for s in turns["speaker"].tolist()]
    if labels == turns["speaker"].tolist():
        return turns
    turns = turns.copy()
    turns["speaker"] = labels
    return turns


def _language(texts) -> tuple[str, str]:
    """(ISO 639-1 code, name) of the interviewer's words, when the guide linter's rules do
    not cover it (``kit.languages.LINT_LANGUAGES``) and the detection is sure
    (``LINT_CONFIDENT``); ("", "") otherwise. Every language the detector knows counts, not
    only the usual candidates (``DEFAULT_CANDIDATES``, which lack Polish, Turkish,
    Vietnamese...): words that are not surely English among those are judged again among all."""
    from kit.languages import (DEFAULT_CANDIDATES, LINT_CONFIDENT, LINT_LANGUAGES, UNDETERMINED, _known_codes,
                               detect_one, language_name)

    joined = " ".join(t for t in texts if t)
    lang, prob = detect_one(joined, DEFAULT_CANDIDATES)
    if prob < LINT_CONFIDENT:
        lang, prob = detect_one(joined, _known_codes())
    if lang in LINT_LANGUAGES or lang == UNDETERMINED or prob < LINT_CONFIDENT:
        return "", ""
    return lang, language_name(lang)


def _in_english(sentence: str, lang: str) -> bool:
    """Whether a question of an interview held in ``lang`` (not English) is in English, so the
    English rules may judge it: English against ``lang`` alone, as the likelier of the two."""
    from kit.languages import detect_one

    got, prob = detect_one(sentence, ("en", lang))
    return got == "en" and prob >= 0.5


_NOT_ENGLISH = ("unsupported", (), "", ())  # kind, flags, suggestion, reasons: not judged


def review_transcript(path_or_turns, interviewer=None, *, monologue_words: int = MONOLOGUE_WORDS,
                      target: float = TALK_RATIO_TARGET) -> dict:
    """Review one transcript (a path, or a DataFrame of turns with ``speaker, start, end,
    text``; a ``role`` column, as in ``Study.turns`` of one interview, names the interviewer).

    ``interviewer`` is a label or a list of labels (matched exactly, else ignoring case);
    when omitted it is inferred and ``inferred`` is True. Raises
    :class:`kit.errors.TranscriptError` for a transcript that cannot be read and
    :class:`kit.errors.StudyError` when none of the given labels speaks in it.

    Returns a dict: ``transcript``, ``path``, ``format``, ``interviewer`` (labels),
    ``inferred``, ``message``, ``n_turns``, ``has_times``, ``words``, ``talk_ratio``,
    ``listening`` (``target``, ``met``), ``questions`` (one dict per question: ``turn``,
    ``start``, ``speaker``, ``text``, ``kind``, ``flags``, ``suggestion``, ``reasons``,
    ``housekeeping``, ``not_linted``: over :data:`kit.guide.lint.MAX_QUESTION_CHARS`, listed
    but, like housekeeping, not scored), ``n_questions``, ``n_flagged``, ``flag_counts``, ``kind_counts``,
    ``probes`` (``count``, ``questions``), ``stacked`` (``count``, ``turns``),
    ``interruptions`` (``measured``, ``count``, ``by_interviewer``, ``turns``),
    ``monologues`` (``threshold``, ``count``, ``turns``), ``interviewer_words`` (label -> their
    words, for :func:`per_interviewer`), ``first_story`` (``turn``,
    ``start``, ``via``, ``cue``; None when no story was found) and ``problems``: the reader's
    warnings and the timing lines that gave no time or no text (:mod:`kit.review_timing`),
    each ``path:line: warning: message``, so that no line of the file is silently lost.
    """
    turns, path, name = _load_turns(path_or_turns)
    turns = _same_person(turns)
    if isinstance(path_or_turns, pd.DataFrame) or "aliases" not in turns.attrs:
        turns.attrs.setdefault("aliases", {})
    source = path or name
    if len(turns) == 0:
        raise StudyError([Problem(source, 0, "the transcript has no turns")])
    labels, inferred, message = _resolve(turns, interviewer, source)
    mine = set(labels)
    starts = [_num(v) for v in turns["start"]] if "start" in turns else [None] * len(turns)
    ends = [_num(v) for v in turns["end"]] if "end" in turns else [None] * len(turns)
    speakers = list(turns["speaker"])
    texts = [t if isinstance(t, str) else "" for t in turns["text"]]
    # One bad timing line does not lose the file's times: the cues that have them are used.
    has_times = any(s is not None for s in starts)
    timed_pairs = [i for i in range(1, len(turns)) if starts[i] is not None and ends[i - 1] is not None]
    has_ends = bool(timed_pairs)

    # the interviewer's language first: in another language, only a question in English is
    # judged by the English rules (no English kind, flag or rewrite for "I co Pan zrobił?")
    lang, lang_name = _language(t for s, t in zip(speakers, texts) if s in mine)
    questions, stacked, monologues = [], [], []
    story_turns: set[int] = set()  # 0-based index of interviewer turns with a story question
    for i, (speaker, text) in enumerate(zip(speakers, texts)):
        if speaker not in mine:
            continue
        asked, foreign = asked_in(split_sentences(text), lang, is_question)  # kit.review_languages
        for sentence in asked:
            kind, flags, suggestion, reasons = _lint(sentence) if sentence not in foreign and \
                (not lang or _in_english(sentence, lang)) else _NOT_ENGLISH
            housekeeping = is_housekeeping(sentence)
            questions.append({
                "turn": i + 1, "start": starts[i], "speaker": speaker, "text": sentence,
                "kind": kind, "flags": list(flags), "suggestion": suggestion,
                "reasons": dict(reasons), "housekeeping": housekeeping,
                "not_linted": too_long(sentence) is not None or sentence in foreign, "language": foreign.get(sentence, lang),
            })
            if kind == "story" and not housekeeping:
                story_turns.add(i)
        real = [s for s in asked if not is_housekeeping(s)]
        if sum(1 for s in real if _QUESTION_END.search(s)) >= 2:
            stacked.append({"turn": i + 1, "start": starts[i], "questions": len(real)})
        n = _words(text)
        if n > monologue_words:
            monologues.append({"turn": i + 1, "start": starts[i], "speaker": speaker, "words": n,
                               "text": _clip(text, 100)})

    interruptions = {"measured": has_ends, "count": None, "by_interviewer": None, "turns": [],
                     "pairs": len(timed_pairs), "of_pairs": max(len(turns) - 1, 0)}
    if has_ends:
        for i in timed_pairs:
            if starts[i] < ends[i - 1]:
                interruptions["turns"].append({
                    "turn": i + 1, "start": starts[i], "previous_end": ends[i - 1],
                    "overlap": round(ends[i - 1] - starts[i], 3),
                    "role": "interviewer" if speakers[i] in mine else "participant",
                    "speaker": speakers[i]})
        interruptions["count"] = len(interruptions["turns"])
        interruptions["by_interviewer"] = sum(t["role"] == "interviewer" for t in interruptions["turns"])

    first_story = None
    asked_turns = {q["turn"] - 1 for q in questions if not q["housekeeping"]}
    pending = None  # the interviewer turn whose story question is still waiting for its story
    for i, (speaker, text) in enumerate(zip(speakers, texts)):
        if speaker in mine:
            if i in asked_turns:  # a turn without a real question ("Take your time.") changes nothing
                pending = i if i in story_turns else None
            continue
        if pending is not None and _words(text) >= STORY_ANSWER_WORDS:
            first_story = {"turn": i + 1, "start": starts[i], "via": "answer to a story question",
                           "cue": next(q["text"] for q in questions
                                       if q["turn"] == pending + 1 and q["kind"] == "story")}
            break
        marker = EPISODE_MARKERS.search(text)
        if marker:
            first_story = {"turn": i + 1, "start": starts[i], "via": "episode marker",
                           "cue": marker.group(0)}
            break

    words_interviewer = sum(_words(t) for s, t in zip(speakers, texts) if s in mine)
    words_all = sum(_words(t) for t in texts)
    ratio = talk_ratio(turns, mine)
    ratio = None if ratio != ratio else round(ratio, 4)
    scored = [q for q in questions if not q["housekeeping"] and not q["not_linted"]]
    probes = [q for q in scored if q["kind"] == "probe"]
    ends_known = [e for e in ends if e is not None]
    starts_known = [x for x in starts if x is not None]
    duration = max(ends_known) if ends_known else (max(starts_known) if starts_known else None)
    return {
        "language": lang, "language_name": lang_name,
        "transcript": name,
        "path": path,
        "format": turns.attrs.get("format", ""),
        "interviewer": labels,
        "participants": [s for s in dict.fromkeys(speakers) if s not in mine],
        "third_speakers": (third := [s for s in third_speakers(turns) if s not in mine]),
        "third_speaker_turns": [i + 1 for i, s in enumerate(speakers) if s in third],
        "inferred": inferred,
        "message": message,
        "n_turns": len(turns),
        "has_times": has_times,
        "duration": duration,
        "words": {"interviewer": words_interviewer, "participant": words_all - words_interviewer},
        "interviewer_words": {lab: sum(_words(t) for s, t in zip(speakers, texts) if s == lab) for lab in labels},
        "talk_ratio": ratio,
        "listening": {"target": target, "met": ratio is not None and ratio <= target},
        "questions": questions,
        "n_questions": len(scored),
        "n_flagged": sum(1 for q in scored if q["flags"]),
        "flag_counts": dict(Counter(f for q in scored for f in q["flags"])),
        "kind_counts": dict(Counter(q["kind"] for q in scored)),
        "probes": {"count": len(probes),
                   "questions": [{"turn": q["turn"], "start": q["start"], "text": q["text"]} for q in probes]},
        "stacked": {"count": len(stacked), "turns": stacked},
        "interruptions": interruptions,
        "monologues": {"threshold": monologue_words, "count": len(monologues), "turns": monologues},
        "first_story": first_story,
        "problems": [str(p) for p in turns.attrs.get("problems") or []],
    }


def _clip(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 3].rstrip() + "..."


# --------------------------------------------------------------------------------------
# Text report and the command line
# --------------------------------------------------------------------------------------
def format_review(review: dict, card: dict | None = None) -> str:
    """A plain-text review of one transcript for the terminal."""
    card = card or scorecard(review)
    name = review.get("path") or review.get("transcript")
    lines = [f"{name}: score {card['score']}/100"]
    who = ", ".join(map(str, review["interviewer"]))
    lines.append(f"  interviewer: {who}" + (" (inferred: name it with --interviewer to be sure)"
                                             if review["inferred"] else ""))
    if len(review["interviewer"]) > 1:  # each interviewer's own score: a trainee's scorecard apart
        for own in per_interviewer(review):
            lines.append(f"  {own['interviewer'][0]}'s own score {scorecard(own)['score']}/100 (their questions, "
                         f"{own['talk_ratio'] or 0:.0%} of the words)")
    for item in card["items"]:
        mark = "n/a " if item["met"] is None else "ok  " if item["met"] else "WORK"
        pts = "  n/a" if item["points"] is None else f"{item['points']:>4g}/{item['weight']}"
        line = f"  {mark} {item['item']:<23} {pts}  {item['value']} (target: {item['target']})"
        if item["advice"]:
            line += f"; {item['advice']}"
        lines.append(line)
    if review["questions"]:
        lines.append("  questions:")
        for q in review["questions"]:
            flags = ", ".join(q["flags"]) if q["flags"] else "not measured" if q["kind"] == "unsupported" else "ok"
            if q["housekeeping"]:
                flags = "housekeeping"
            elif q.get("not_linted") and q["kind"] != "unsupported":
                flags = f"not linted (over {MAX_QUESTION_CHARS:,} characters)"
            text = _clip(q["text"], 90)
            line = f"    t{q['turn']:<3} {fmt_time(q['start']):>7}  {q['kind']:<6} {flags:<22} {text}"
            if q["suggestion"] and not q["housekeeping"]:
                line += f"\n{'':>46}-> try: {q['suggestion']}"
            lines.append(line.rstrip())
    for t in review["monologues"]["turns"]:
        lines.append(f"  monologue: t{t['turn']} at {fmt_time(t['start'])}, {t['words']} words: {t['text']}")
    for t in (review["interruptions"] or {}).get("turns", []):
        lines.append(f"  interruption: t{t['turn']} ({t['role']}) starts {t['overlap']:g} s before "
                     "the previous turn ends")
    if review.get("third_speakers"):  # a parent, an interpreter: not the participant (newcomer s13 F9)
        turns = ", ".join(f"t{t}" for t in review.get("third_speaker_turns") or [])
        lines.append(f"  third speaker(s): {len(review['third_speakers'])}, not the participant (turns {turns}): their "
                     "words count for no participant and published outputs withhold them (the talk ratio counts them "
                     "on the participant's side)")
    lines.extend(review.get("problems") or [])  # path:line: lines of the file not in the turns as written
    return "\n".join(lines)


def _expand_paths(paths) -> tuple[list[Path], list[Problem]]:
    """The transcripts named by ``paths``: a folder stands for every file in it (or in its
    ``transcripts/``) with a suffix the kit reads (:data:`kit.study.TRANSCRIPT_SUFFIXES`, the
    one list, .docx included); every other file of the folder is named in a warning, and a
    file that is not a regular file (a FIFO, a link loop) is kept, to be reported when read."""
    from kit.study import TRANSCRIPT_SUFFIXES

    shown = ", ".join(TRANSCRIPT_SUFFIXES)
    files, problems = [], []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            folder = p / "transcripts" if (p / "transcripts").is_dir() else p
            found = []
            for f in sorted(folder.iterdir()):
                if f.name.startswith("."):
                    continue
                if f.suffix.lower() in TRANSCRIPT_SUFFIXES and not f.is_dir():
                    found.append(f)
                else:
                    what = "a folder" if f.is_dir() else "not a transcript"
                    problems.append(Problem(str(f), 0, f"skipped: {what} (the kit reads {shown})", "warning"))
            if not found:
                problems.append(Problem(str(p), 0, f"no transcripts ({shown}) in this folder"))
            files.extend(found)
        else:
            files.append(p)
    return files, problems


def review_study(study) -> list[dict]:
    """Review every transcribed interview of a study (a path or a loaded Study), using the
    study's speaker roles (so the interviewer is known, not inferred)."""
    from kit.study import as_study

    study = as_study(study, strict=False)
    reviews = []
    turns = study.turns
    info = study.interviews.set_index("interview_id") if len(study.interviews) else None
    for iid in dict.fromkeys(turns["interview_id"]):
        mine = turns[turns["interview_id"] == iid].reset_index(drop=True)
        if info is not None and iid in info.index:
            mine.attrs["path"] = str(info.loc[iid, "transcript_path"]) or None
            mine.attrs["format"] = str(info.loc[iid, "transcript_format"])
        reviews.append(review_transcript(mine))
    return reviews


def review_many(transcripts="", study=None, interviewers=None) -> tuple[list[dict], list[Problem]]:
    """The notebooks' entry point: review ``transcripts`` (a path, a folder, or a list of
    them) or, when it is empty, every transcript of ``study`` (default: the bundled pilot).
    Returns ``(reviews, problems)``; a transcript that cannot be read is a problem, not an
    exception."""
    if not transcripts:
        from kit.paths import pilot_path

        return review_study(study if study is not None else pilot_path()), []
    paths = [transcripts] if isinstance(transcripts, (str, Path)) else list(transcripts)
    files, problems = _expand_paths(paths)
    reviews = []
    for f in files:
        try:
            reviews.append(review_transcript(f, interviewers or None))
        except StudyError as exc:
            problems.extend(exc.problems)
    return reviews, problems


def __getattr__(name):
    """``review_command`` moved to :mod:`kit.cli.review` (the command's front-end); this
    module re-exports it for one release."""
    if name == "review_command":
        from kit.cli.review import review_command

        return review_command
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
