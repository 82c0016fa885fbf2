"""Loading a study folder into tidy tables.

``load_study(path)`` reads every file of a study (see docs/study-format.md) and returns a
``Study`` whose tables have one row per observation: one row per participant, per interview,
per transcript turn, per quote, insight, opportunity, action item and coding. Every problem
found on the way is a located ``Problem``; with ``strict=True`` (the default) errors raise
``StudyError`` so nothing is analysed from a study that is known to be wrong.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

import numpy as np
import pandas as pd

from kit.codebook import Codebook, load_codebook
from kit.study_unread import codes_in_no_codebook, coding_of_nobody, empty_transcript_noted, unread_files, unread_rows
from kit.collector import cyclic_gc_paused
from kit.csvio import is_link_loop, parse_date
from kit.errors import Problem, StudyError, TranscriptError
from kit.ledger import LedgerReader
from kit.schema import (
    ACTION_COLUMNS,
    COST_CATEGORIES,
    FOLLOWUP_COLUMNS,
    ITEM_COLUMNS,
    MANUAL_CODING_COLUMNS,
    NO,
    STUDY_CODING_COLUMNS,
    TURN_COLUMNS,
    VALUE_KINDS,
    YES,
    SegmentIdError,
    make_segment_id,
    parse_segment_id,
)
from kit.schema import PARTICIPANT_STATUSES as STATUSES
from kit.schema import counts_for_nobody
from kit.consent_record import one_answer_per_person, withdraw
from kit.withdrawn_words import leave_out_withdrawn
from kit.cores import free_cores  # kit.study.free_cores, as before
from kit.coder_ids import CoderIds
from kit.study_columns import WITHDRAWN, fold_status, read_participant_rows, read_rows_folded
from kit.study_config import (OTHER_ROLE, STUDY_KEYS, StudyFileReader, alias_hint, note_participants, speaker_owners,
                               team_keys, transcript_args)
from kit.study_paths import StudyPaths, leaves_study as _leaves_study
from kit.study_turns import quote_participants, turn_summary
from kit.yamllines import line_of
from kit.speaker_roles import lone_transcript

__all__ = [
    "COST_CATEGORIES",
    "DEFAULT_INTERVIEWER_LABELS",
    "ITEM_COLUMNS",
    "NO",
    "PARALLEL_TRANSCRIPTS",
    "STATUSES",
    "STUDY_KEYS",
    "TRANSCRIPT_SUFFIXES",
    "TURN_COLUMNS",
    "VALUE_KINDS",
    "YES",
    "Study",
    "as_study",
    "free_cores",
    "load_study",
]

TRANSCRIPT_SUFFIXES = (".vtt", ".srt", ".txt", ".docx")
DEFAULT_INTERVIEWER_LABELS = ("interviewer", "moderator", "researcher", "ai", "assistant", "host")


@dataclass
class Study:
    """A study folder loaded into tidy tables. Build it with ``load_study``."""

    path: Path
    config: dict
    guide: dict | None
    participants: pd.DataFrame
    interviews: pd.DataFrame
    turns: pd.DataFrame
    quotes: pd.DataFrame
    insights: pd.DataFrame
    opportunities: pd.DataFrame
    actions: pd.DataFrame
    followups: pd.DataFrame
    codings: pd.DataFrame
    codebook: Codebook
    costs: pd.DataFrame
    decisions: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    guessed_interviewers: dict = field(default_factory=dict)  # interview id -> label guessed as interviewer
    withdrawn_rows: pd.DataFrame | None = None  # interviews only withdrawn participants were in (left out)

    @property
    def name(self) -> str:
        return str(self.config.get("title") or self.path.name)

    @property
    def sprint(self) -> str:
        return str(self.config.get("sprint") or "")

    @property
    def stages(self) -> list[str]:
        return list(self.config.get("stages") or [])

    @property
    def segment_attribute(self) -> str:
        return str((self.config.get("segments") or {}).get("attribute") or "segment")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def segments(self) -> pd.DataFrame:
        """Every analysable text segment with its stable id: participant turns, key quotes,
        insights and opportunities (columns segment_id, interview_id, participant, kind, text).
        The turns of a transcript no note names are left out when the study has notes: they
        count for no participant (:func:`kit.schema.counts_for_nobody`)."""
        parts = []
        turns = self.turns[self.turns["role"].isin(("participant", OTHER_ROLE))]  # a third speaker's too: nobody's
        nobody = set(self.interviews["interview_id"][counts_for_nobody(self.interviews)])
        if nobody:  # a transcript no note names: its words count for no participant
            turns = turns[~turns["interview_id"].isin(nobody)]
        parts.append(turns.assign(kind="turn")[["segment_id", "interview_id", "participant", "kind", "text"]])
        for kind, frame in (("quote", self.quotes), ("insight", self.insights),
                            ("opportunity", self.opportunities)):
            parts.append(frame.assign(kind=kind)[["segment_id", "interview_id", "participant", "kind", "text"]])
        parts = [p for p in parts if len(p)]
        if not parts:
            return pd.DataFrame(columns=["segment_id", "interview_id", "participant", "kind", "text"])
        return pd.concat(parts, ignore_index=True)

    def segment_ids(self) -> set[str]:
        ids = set(self.turns["segment_id"].tolist())  # lists: pandas element by element is slow
        for frame in (self.quotes, self.insights, self.opportunities):
            ids.update(frame["segment_id"].tolist())
        return ids

    def lacks(self) -> list[str]:
        """What this study does not have and what the analysis does without it, one sentence
        each, for the report (a study may be as small as a folder of transcripts)."""
        root = Path(self.path)
        said = []
        attribute = self.segment_attribute
        if not (root / "study.yml").is_file():
            said.append("No study.yml: there is no research question, quotas or journey stages.")
        if not (root / "participants.csv").is_file():
            said.append("No participants.csv: results by segment put every interview under "
                        "\u201c(none)\u201d, recruitment figures are empty, and no participant's words "
                        "are quoted, since no consent to quoting is recorded.")
        elif attribute not in self.participants.columns:
            said.append(f"participants.csv has no {attribute!r} column: results by segment put "
                        "every interview under \u201c(none)\u201d.")
        if not (root / "interviews").is_dir():
            said.append("No interview notes: key quotes, insights, opportunities and action "
                        "items are empty; the analysis rests on the transcripts alone.")
        if not (root / "codebook.yml").is_file():
            said.append("No codebook.yml: nothing is coded, so themes, saturation and quotes "
                        "per code are empty.")
        if not (root / "guide.yml").is_file():
            said.append("No guide.yml: the discussion guide is not checked.")
        if not (root / "costs.csv").is_file() and not (root / "decisions.csv").is_file():
            said.append("No costs.csv or decisions.csv: the program's cost and value are not computed.")
        return said

    def consenting(self) -> set[str]:
        """Participant ids who consented to being quoted."""
        if "consent_quote" not in self.participants:
            return set()
        ok = self.participants[self.participants["consent_quote"] == True]  # noqa: E712
        return set(ok["id"])


def as_study(study, strict: bool = True) -> Study:
    """Accept a loaded ``Study`` or a path, so notebooks load once and pass the study on."""
    return study if isinstance(study, Study) else load_study(study, strict=strict)


@cyclic_gc_paused()  # its passes over a large study's objects cost CPU (kit.collector)
def load_study(path, strict: bool = True, progress: bool = False) -> Study:
    """Load a study folder. With ``strict`` (default) any error raises ``StudyError``.
    ``progress`` shows a progress bar on standard error for large studies."""
    loader = _Loader(Path(path), progress=progress)
    study = loader.load()
    if strict and study.errors:
        raise StudyError(study.errors)
    return study


class _Loader(StudyFileReader, LedgerReader, StudyPaths):
    def __init__(self, root: Path, progress: bool = False):
        self.root = root
        self.progress = progress
        self.parsed: dict = {}
        self.problems: list[Problem] = []
        self.guessed: dict = {}

    def problem(self, path, line, message, level="error"):
        self.problems.append(Problem(str(path), int(line), message, level))

    def _readable(self, path: Path) -> bool:
        """Whether an input file exists and lies inside the study; a file that is a link
        out of the study is reported (once) and treated as absent."""
        if not path.exists():
            if path.is_symlink():
                self.problem(path, 0, f"{path.name} is a link to a file that does not exist")
            return False
        if self._inside(path):
            return True
        reported = getattr(self, "_outside_reported", set())
        if path not in reported:
            reported.add(path)
            self._outside_reported = reported
            self._outside_problem(path)
        return False

    # -- participants.csv ------------------------------------------------------------------
    def load_participants(self) -> pd.DataFrame:
        path = self.root / "participants.csv"
        if not self._readable(path):
            return pd.DataFrame(columns=["id", "status", "consent_record", "consent_quote"])
        rows, columns, problems = read_participant_rows(path)
        self.problems += problems
        seen: dict[str, int] = {}
        refused: dict[str, int] = {}
        kept = []
        for row in rows:
            line = row["_line"]
            pid = row.get("id", "")
            if not pid:
                self.problem(path, line, "participant without an id")
                continue
            if pid in seen:
                self.problem(path, line, f"duplicate participant id {pid!r}: line {seen[pid]} is the one read, "
                                         "this line is ignored: give it its own id or remove it")
                continue
            seen[pid] = line
            if str(row.get("consent_record") or "").strip().lower() in NO - {""}:
                refused[pid] = line  # said no to being recorded (kit.consent_record)
            self._participant_row(path, row)
            kept.append(row)
        frame = pd.DataFrame(one_answer_per_person(path, kept, self.problems))  # attacker s16 A8
        for col in ("id", "status", "consent_record", "consent_quote", "_line"):
            if col not in frame:
                frame[col] = pd.Series(dtype=object)
        frame = frame.rename(columns={"_line": "line"})
        frame.attrs["recording_refused"] = refused
        return frame

    def _participant_row(self, path, row) -> None:
        """Read one participants.csv row in place (status, dates, yes/no cells) and report it.

        A value reported as invalid is kept apart from a missing one: the rules that follow
        (dates in order, completed without an interview date, ...) skip an unreadable cell
        instead of reading it as empty, so one mistake gives one message."""
        line = row["_line"]
        invalid = set()
        status = fold_status(written := row.get("status", ""))  # `No Show`, `Withdrew` (newcomer s14 F9)
        if status is None:
            status = written.lower()
            self.problem(path, line, f"unknown status {written!r}: use one of {', '.join(STATUSES)} (withdrawn: they "
                         "withdrew from the study, their words withheld everywhere)")
            invalid.add("status")
        row["status"] = status
        for col in ("invited_on", "scheduled_on", "interviewed_on"):
            try:
                row[col] = parse_date(row.get(col))
            except ValueError:
                self.problem(path, line, f"{col} {row[col]!r} is not a date (YYYY-MM-DD)")
                row[col] = None
                invalid.add(col)
        for col in ("consent_record", "consent_quote"):
            value = row.get(col, "").strip().lower()
            if value not in YES | NO:
                self.problem(path, line, f"{col} must be yes or no, not {row[col]!r}")
                invalid.add(col)
            elif col == "consent_quote" and col in row and not value and status not in ("declined", WITHDRAWN):
                # the docs read an empty cell as no: say so, since it withholds their words
                self.problem(path, line, f"consent_quote is empty: read as no; {row['id']}'s words "
                                         "will not be quoted", "warning")
            row[col] = value in YES
        if status == WITHDRAWN:
            withdraw(path, row, self.problems, written)
        if status == "completed" and row.get("invited_on") and row.get("interviewed_on") \
                and row["interviewed_on"] < row["invited_on"]:
            self.problem(path, line, "interviewed_on is before invited_on")
        if row.get("invited_on") and row.get("scheduled_on") and row["scheduled_on"] < row["invited_on"]:
            self.problem(path, line, "scheduled_on is before invited_on")
        if status == "completed" and "interviewed_on" in row and not row.get("interviewed_on") \
                and "interviewed_on" not in invalid:
            self.problem(path, line, "status is completed but interviewed_on is empty", "warning")
        if status and "status" not in invalid and status not in ("completed", WITHDRAWN) \
                and (row.get("interviewed_on") or "interviewed_on" in invalid):
            self.problem(path, line, f"interviewed_on is set but the status is {status!r}: "
                                     "is the interview completed?", "warning")

    def _check_segment_columns(self, config, participants):
        segments = config.get("segments") or {}
        path = self.root / "study.yml"
        lines = getattr(self, "config_lines", {})
        attribute = segments.get("attribute")
        if attribute and str(attribute) not in participants.columns:
            self.problem(path, line_of(lines, "segments", "attribute"),
                         f"segments.attribute {attribute!r} is not a column of participants.csv", "warning")
        for i, column in enumerate(segments.get("attributes") or []):
            if column not in participants.columns:
                self.problem(path, line_of(lines, "segments", "attributes", i),
                             f"diversity attribute {column!r} is not a column of participants.csv", "warning")

    # -- interviews and transcripts --------------------------------------------------------
    def _transcript_files(self):
        folder = self.root / "transcripts"
        if folder.is_dir():
            self._scanned(folder)
            inside = list(folder.iterdir())
            files = [p for p in inside if p.suffix.lower() in TRANSCRIPT_SUFFIXES]
            for other in sorted(inside, key=attrgetter("name")):
                if (other.suffix.lower() not in TRANSCRIPT_SUFFIXES and other.is_file()  # a stat only when needed
                        and not other.name.startswith(".") and other.name.lower() != "readme.md"):
                    self.problem(other, 0, f"not read: {other.name} is not a transcript format the "
                                 "kit reads (.vtt, .srt, .txt, .docx)", "warning")
        elif not (self.root / "interviews").is_dir():  # a study that is only a folder of transcripts
            files = [p for p in self.root.iterdir() if p.suffix.lower() in TRANSCRIPT_SUFFIXES and p.is_file()]
        else:
            files = []
        files = sorted((f for f in files if not f.name.startswith(".")), key=attrgetter("name"))
        inside = []
        for f in files:
            if self._inside(f):
                inside.append(f)
            else:
                self._outside_problem(f)
        by_stem: dict[str, list] = {}
        for f in inside:
            by_stem.setdefault(f.stem, []).append(f)
        for stem, group in by_stem.items():
            if len(group) > 1:
                self.problem(group[0], 0, f"{len(group)} transcript files for interview {stem!r} "
                             f"({', '.join(g.name for g in group)}): only one is read (the one "
                             f"the note's `transcript:` names, else {group[0].name}); remove "
                             "the others")
        return inside

    def load_notes(self):
        from kit.notes import parse_note

        folder = self.root / "interviews"
        notes = []
        if folder.is_dir():
            self._scanned(folder)
            for path in sorted(folder.glob("*.md"), key=attrgetter("name")):  # one folder: as sorting Paths
                if path.name.startswith(".") or path.name.lower() == "readme.md":
                    continue
                if not self._inside(path):
                    self._outside_problem(path)
                    continue
                note = parse_note(path)
                self.problems += note.problems
                notes.append(note)
        return notes

    def _outside_problem(self, path: Path, where=None, line=0):
        if is_link_loop(path):
            self.problem(where or path, line, f"{path.name} is a symbolic link loop (it never reaches a file): "
                         "replace it with the file itself")
            return
        self.problem(where or path, line, f"{path.name} lies outside the study folder (a link "
                     "out of it): the kit reads only files inside the study; copy the file in instead")

    def _transcript_jobs(self, notes, transcripts, by_stem, config) -> list:
        """(path, aliases, speakers) for every transcript the study will read."""
        jobs, claimed = [], set()
        for note in notes:
            front = note.front or {}
            iid = str(front.get("id") or "").strip()
            tpath = self._transcript_of(front, iid, by_stem, note)[0] if iid else None
            if tpath is not None and str(tpath) not in claimed:
                claimed.add(str(tpath))
                aliases, _, known = _transcript_args(config, front, self.names)
                jobs.append((str(tpath), aliases, known))
        aliases, _, known = _transcript_args(config, {})
        jobs += [(str(t), aliases, known) for t in transcripts if str(t) not in claimed]
        return jobs

    def load(self) -> Study:
        config = self.load_config()
        guide = self.load_guide()
        participants = self.load_participants()
        from kit.study_config import not_identifying  # newcomer F20: columns study.yml says identify nobody

        participants.attrs["not_identifying"] = not_identifying(config)
        known_participants = set(participants["id"]) if self._readable(self.root / "participants.csv") else None
        self.names = dict(zip(participants["id"], participants["name"])) if "name" in participants else {}
        if known_participants is not None and len(participants):
            self._check_segment_columns(config, participants)
        from kit.notes import read_first

        notes = read_first(self.load_notes())
        transcripts = self._transcript_files()
        self.problems += unread_files(self.root, not any((self.root / d).is_dir() for d in ("interviews", "transcripts")),
                                      TRANSCRIPT_SUFFIXES)
        by_stem = {}
        for t in transcripts:
            by_stem.setdefault(t.stem, []).append(t)
        # the jobs (each note's transcript and reading arguments) only when workers will take them: no
        # more jobs than notes and files, and _parse_in_parallel parses here on a busy machine
        if len(notes) + len(transcripts) >= PARALLEL_TRANSCRIPTS and free_cores(4) >= 2:
            self.parsed = _parse_in_parallel(self._transcript_jobs(notes, transcripts, by_stem, config), self.progress)
        acc = _Tables(team=_team_names(config))
        bar = _progress_bar(len(notes) + len(transcripts), self.progress and not self.parsed)
        status_of = dict(zip(participants["id"], participants["status"])) if len(participants) else {}
        for note in notes:
            bar.update(1)
            self._read_note(note, acc, config, by_stem, known_participants, status_of)
        # Transcripts without a note are interviews of their own, named after the file.
        for tpath in transcripts:
            bar.update(1)
            self._read_lone_transcript(tpath, acc, config, by_stem)
        bar.close()
        if not acc.interview_rows:
            self.problem(self.root, 0, "no interviews found: add notes to interviews/ or transcripts to transcripts/")
        return self._assemble(config, guide, participants, acc)

    def _note_problems(self, note, iid, participant, known_participants, status_of) -> None:
        """The note's participant unknown or not completed; follow-up dates before the interview."""
        if known_participants is not None:
            if not participant:
                self.problem(note.path, _front_line(note, "id"), "note names no `participant`", "warning")
            elif participant not in known_participants:
                self.problem(note.path, _front_line(note, "participant"),
                             f"participant {participant!r} is not in participants.csv")
            elif status_of.get(participant) in STATUSES and status_of[participant] not in ("completed", WITHDRAWN):
                # an unknown status is reported on its participants.csv line, not read here
                self.problem(note.path, _front_line(note, "participant"),
                             f"participant {participant!r} has status {status_of[participant]!r} in "
                             "participants.csv: mark them completed", "warning")
        front = note.front or {}
        day = _date_or_none(front.get("date"))
        for key in ("thank_you_sent", "debriefed", "notes_written"):
            done = _date_or_none(front.get(key))
            if day is not None and done is not None and done < day:
                self.problem(note.path, _front_line(note, key), f"{key} {done} is before the interview ({day})")

    def _duplicate_note(self, note, iid, acc) -> bool:
        """Report a second note with an interview id already read (True when it is one).

        Which note is read is decided by :func:`kit.notes.read_first`: the one whose file is named
        after the id, else the first by file name; the other is reported at its `id` line."""
        if iid not in acc.ids_seen:
            acc.ids_seen[iid] = note.path
            acc.first_note[iid] = note
            return False
        from kit.notes import why_read

        first = acc.first_note[iid]
        used, ignored = self._study_name(first.path), self._study_name(note.path)
        # reported where it is; the note's other problems are still reported
        self.problem(note.path, _front_line(note, "id"),
                     f"duplicate interview id {iid!r}: {used} is read and {ignored} is ignored "
                     f"({why_read(first.path, iid)}): give this note its own id or remove it")
        self.problem(first.path, _front_line(first, "id"),
                     f"interview id {iid!r} is also the id of {ignored} (line "
                     f"{_front_line(note, 'id')}), which is ignored: this note is the one read", "warning")
        return True

    def _study_name(self, path) -> str:
        """``path`` relative to the study folder (as written in messages), else as given."""
        try:
            return Path(path).relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def _missing_transcript(self, note, front, tpath, duplicate) -> None:
        """Report a ``transcript:`` line naming no readable file inside the study."""
        name = str(front["transcript"])
        instead = ""
        if tpath is not None and not duplicate:
            instead = (f"; {tpath.relative_to(self.root).as_posix()} (named after the interview id) "
                       "is read instead: correct or remove the `transcript:` line")
        if _leaves_study(name) or any(c.exists() for c in (self.root / "transcripts" / name,
                                                           self.root / name)):
            self.problem(note.path, _front_line(note, "transcript"),
                         f"transcript {name!r} lies outside the study folder (an absolute "
                         "path, '..' or a link out of the study): the kit reads only files "
                         "inside the study; copy the transcript into transcripts/" + instead)
        else:
            self.problem(note.path, _front_line(note, "transcript"),
                         f"transcript {name!r} not found (looked for transcripts/{name} and {name} "
                         "in the study folder)" + self._near_names(name) + instead)

    def _read_note(self, note, acc, config, by_stem, known_participants, status_of) -> None:
        front = note.front or {}
        iid = str(front.get("id") or "").strip()
        if not iid:
            return  # parse_note reported the missing id
        duplicate = self._duplicate_note(note, iid, acc)
        participants = note_participants(front)  # several for a group interview; the first is the row's
        participant = participants[0] if participants else ""
        for pid in dict.fromkeys([participant, *participants[1:], *speaker_owners(front).values()]):
            self._note_problems(note, iid, pid, known_participants, status_of)
        tpath, named = self._transcript_of(front, iid, by_stem, note)  # found once: _transcript_jobs looked too
        if front.get("transcript") and named is None:
            self._missing_transcript(note, front, tpath, duplicate)
        if duplicate:
            return
        self._loose_problems(note.path, lambda key: _front_line(note, key), front, iid, tpath, acc.used_transcripts)
        row = _interview_row(iid, front, note.path, participant)
        turns = None
        if tpath is not None:
            acc.used_transcripts.add(self._real(tpath))
            self.speakers_at = (note.path, _front_line(note, "speakers")) if front.get("speakers") else None
            turns = self._read_turns(tpath, iid, participant, config, acc.team, front)
        row.update(turn_summary(turns, tpath, self.root))
        acc.add_interview(row, turns)
        sections = note.sections or {}
        # rows in the order of ITEM_COLUMNS (+ time for quotes): tuples, not dicts, for the frames
        whose = quote_participants(sections.get("quotes", []), turns, participants, note.path, tpath, self)
        acc.quotes += [(iid, make_segment_id(iid, "q", n), n, whose[n - 1], item.text, item.line,
                        getattr(item, "time", None)) for n, item in enumerate(sections.get("quotes", []), start=1)]
        for kind, store in (("insights", acc.insights), ("opportunities", acc.opportunities)):
            store += [(iid, make_segment_id(iid, kind[0], n), n, participant, item.text, item.line)
                      for n, item in enumerate(sections.get(kind, []), start=1)]
        for item in sections.get("followup", []):
            acc.followups.append({"interview_id": iid, "text": item.text, "line": item.line})
        for action in note.actions or []:
            acc.actions.append({"interview_id": iid, "owner": action.owner, "action": action.action,
                                "due": action.due, "status": action.status, "line": action.line,
                                "note_path": note.path})

    def _read_lone_transcript(self, tpath, acc, config, by_stem) -> None:
        if self._real(tpath) in acc.used_transcripts:
            return
        iid = tpath.stem
        if iid in acc.ids_seen:
            if len(by_stem.get(iid, [])) < 2:  # several files of one stem are reported above
                self.problem(tpath, 1, f"not read: interview {iid!r} already has a transcript "
                             f"(the `transcript:` line of {acc.ids_seen[iid]}): remove this file or rename it")
            return
        acc.ids_seen[iid] = str(tpath)
        self.speakers_at = None
        turns = self._read_turns(tpath, iid, "", config, acc.team, {})
        acc.add_interview(_interview_row(iid, {}, "", "") | turn_summary(turns, tpath, self.root), turns)
        lone_transcript(self, tpath, turns, noted=acc.noted)

    def _interviews_frame(self, config, participants, acc) -> pd.DataFrame:
        interviews = pd.DataFrame(acc.interview_rows, columns=list(_interview_row("", {}, "", "")) +
                                  ["transcript_path", "transcript_format", "n_turns", "talk_ratio"])
        # every column but the contact, status and consent ones describes the person ("channel" too)
        attribute_cols = [c for c in participants.columns
                          if c not in ("id", "name", "email", "line", "status", "invited_on",
                                       "scheduled_on", "interviewed_on", "consent_record", "consent_quote")]
        if len(participants) and len(interviews):
            extra = participants[["id"] + attribute_cols + ["consent_quote"]].rename(columns={"id": "participant"})
            interviews = interviews.merge(extra, on="participant", how="left")
        attribute = str((config.get("segments") or {}).get("attribute") or "segment")
        if attribute not in interviews.columns:
            # A study without participants.csv (or without this column): every step that
            # compares segments still runs, with everyone under "(none)", and says why.
            interviews[attribute] = pd.Series([None] * len(interviews), dtype=object)
            if len(interviews):
                where = next((self.root / n for n in ("participants.csv", "study.yml")
                              if (self.root / n).is_file()), self.root)
                self.problem(where, 0, f"no participant attribute {attribute!r} (no participants.csv, "
                                       "or no such column): results by segment put every "
                                       "interview under '(none)'", "warning")
        return interviews

    def _assemble(self, config, guide, participants, acc) -> Study:
        interviews = self._interviews_frame(config, participants, acc)
        if participants.attrs.get("recording_refused"):  # newcomer s14 F2: fail closed, and say so
            from kit.consent_record import withhold_unrecorded
            self.problems += withhold_unrecorded(self.root / "participants.csv", participants, interviews)
        columns = dict(acc.turn_columns)  # numbers as numpy arrays: pandas infers no type from 240,000 objects
        columns.update(turn=np.array(columns["turn"], dtype="int64"), start=np.array(columns["start"], dtype="float64"),
                       end=np.array(columns["end"], dtype="float64"))
        turns = pd.DataFrame(columns, columns=TURN_COLUMNS)
        turns["turn"] = turns["turn"].astype("int64")
        for column in ("start", "end"):
            turns[column] = turns[column].astype("float64")
        quotes_df = pd.DataFrame(acc.quotes, columns=ITEM_COLUMNS + ["time"])
        consent = dict(zip(participants["id"], participants["consent_quote"])) if len(participants) else {}
        quotes_df["consent_quote"] = quotes_df["participant"].map(
            lambda p: bool(consent.get(p, False))).astype(bool)  # bool even with no quotes
        codebook, problems = (load_codebook(self.root / "codebook.yml", config.get("stages"))
                              if self._readable(self.root / "codebook.yml") else (Codebook([]), []))
        self.problems += problems
        study = Study(
            path=self.root,
            config=config,
            guide=guide,
            participants=participants,
            interviews=interviews,
            turns=turns,
            quotes=quotes_df,
            insights=pd.DataFrame(acc.insights, columns=ITEM_COLUMNS),
            opportunities=pd.DataFrame(acc.opportunities, columns=ITEM_COLUMNS),
            actions=pd.DataFrame(acc.actions, columns=ACTION_COLUMNS),
            followups=pd.DataFrame(acc.followups, columns=FOLLOWUP_COLUMNS),
            codings=pd.DataFrame(columns=STUDY_CODING_COLUMNS),
            codebook=codebook,
            costs=pd.DataFrame(),
            decisions=pd.DataFrame(),
        )
        self.withdrawn_segments = leave_out_withdrawn(study)  # their words used nowhere (newcomer s16 F3)
        study.codings = self.load_codings(study)
        study.costs = self.load_costs(config)
        study.decisions = self.load_decisions(study)
        study.problems = sorted(set(self.problems), key=lambda p: (p.path, p.line, p.message))
        study.guessed_interviewers = dict(self.guessed)
        return study

    def _read_turns(self, tpath, iid, participant, config, team, front):
        """The transcript's turns as columns (plain lists), with roles and stable ids."""
        from kit.speaker_roles import speaker_participants
        from kit.transcripts import infer_interviewer, read_turns

        aliases, roles, known = self._transcript_args(config, front)
        self.written_labels = {}  # shown label -> labels as written, for warnings' lines (kit.speaker_lines)
        for written, shown in (aliases or {}).items():
            self.written_labels.setdefault(str(shown), []).append(str(written))
        parsed = self.parsed.pop(str(tpath), None)
        try:
            if isinstance(parsed, TranscriptError):
                raise parsed
            columns, fmt, warnings = parsed or read_turns(tpath, aliases=aliases or None, speakers=known or None)
        except TranscriptError as exc:
            self.problems += empty_transcript_noted(exc.problems, front)  # a failed recording (s15 F16)
            return None
        self.problems += warnings
        # the team, also by the display forms roster labels are read by ("Nowak, Anna": newcomer s14 F5)
        interviewers = self._team_keys(config, front)
        role_of = {}
        for label in dict.fromkeys(columns["speaker"]):
            key = str(label).casefold()
            if key in roles:
                role_of[label] = roles[key]
            elif key in interviewers:
                role_of[label] = "interviewer"
            else:
                role_of[label] = "participant"
        if "interviewer" not in role_of.values() and len(role_of) > 1:
            guess = infer_interviewer(pd.DataFrame(columns))
            role_of[guess] = "interviewer"
            self.guessed[iid] = guess  # a guess: kit.privacy withholds their words (fail closed)
            from kit.speaker_lines import speaker_places  # the guess is located at their first turn

            self.problem(*speaker_places(tpath, [guess], self)[guess], f"no speaker is a known interviewer; took "
                         f"{guess!r} as the interviewer, whose words published outputs withhold until you name "
                         f"the interviewer in the note or in study.yml interviewer_labels; {alias_hint(guess, config, front)}",
                         "warning")
        n = len(columns["speaker"])
        role = list(map(role_of.__getitem__, columns["speaker"]))
        owner = speaker_participants(tpath, front, columns, role_of, self)  # label -> participant id
        if note_participants(front):  # a third speaker (no participant of the note's): role says so
            role = [OTHER_ROLE if r == "participant" and s not in owner else r for r, s in zip(role, columns["speaker"])]
        columns.update({
            "interview_id": [iid] * n,
            "turn": list(range(1, n + 1)),
            # make_segment_id(iid, "t", i) for i = 1..n
            "segment_id": list(map(f"{iid}#t".__add__, map(str, range(1, n + 1)))),
            "role": role,
            "participant": [owner.get(s, "") for s in columns["speaker"]] if owner else [""] * n,
            "format": fmt,
        })
        return columns

    def _team_keys(self, config, front):
        """:func:`team_keys` of a transcript, worked out once for those no note names (whose
        team is the study's alone): the same keys, and :class:`TeamKeys` remembers its verdicts."""
        if front:
            return team_keys(config, front, self.names, DEFAULT_INTERVIEWER_LABELS)
        if (keys := self.__dict__.get("_lone_team")) is None:
            keys = self._lone_team = team_keys(config, front, self.names, DEFAULT_INTERVIEWER_LABELS)
        return keys

    def _transcript_args(self, config, front) -> tuple[dict, dict, list]:
        """:func:`_transcript_args`, worked out once for the transcripts no note names."""
        if front:
            return _transcript_args(config, front, self.names)
        if (args := self.__dict__.get("_lone_args")) is None:
            args = self._lone_args = _transcript_args(config, {})
        return args

    # -- codings, costs, decisions -----------------------------------------------------------
    def load_codings(self, study: Study) -> pd.DataFrame:
        folder = self.root / "codings"
        columns = STUDY_CODING_COLUMNS
        if not folder.is_dir():
            return pd.DataFrame(columns=columns)
        codes = set(study.codebook.names)
        segment_ids = study.segment_ids()
        has_codebook = (self.root / "codebook.yml").exists()
        records, uncoded, turns_seen, coders = [], {}, {}, CoderIds()  # s16 A3: one coder however spelt
        nobody = set(study.interviews["interview_id"][counts_for_nobody(study.interviews)])
        for path in sorted(folder.glob("*.csv")):
            if not self._readable(path):
                continue
            rows, problems = unread_rows(path, *read_rows_folded(path, MANUAL_CODING_COLUMNS, ("segment", "code")))
            self.problems += problems
            for row in rows:
                line, segment, code = row["_line"], row.get("segment", ""), row.get("code", "")
                if not segment or not code:
                    self.problem(path, line, "a coding needs both a segment and a code")
                    continue
                try:
                    parsed = parse_segment_id(segment)
                except SegmentIdError as exc:
                    self.problem(path, line, f"segment {exc}")
                    continue
                if segment in getattr(self, "withdrawn_segments", ()):  # newcomer s16 F3: a withdrawn participant's words
                    self.problem(path, line, f"segment {segment!r} is a withdrawn participant's: the coding is left out "
                                 "(their words are used nowhere)", "warning")
                    continue
                if segment not in segment_ids:
                    self.problem(path, line, f"unknown segment {segment!r}: no such turn, quote, insight or opportunity")
                    continue
                if has_codebook and code not in codes:
                    self.problem(path, line, f"unknown code {code!r}: not in codebook.yml")
                    continue
                if parsed.interview in nobody:
                    self.problem(path, line, f"segment {segment!r} is a turn of a transcript no note names: its "
                                 "speakers count for no participant, so this coding counts in no theme; add a "
                                 "note with `transcript:` naming the file", "warning")
                self.problems += coding_of_nobody(path, line, segment, study, turns_seen)  # s15 F9
                if not has_codebook:
                    uncoded.setdefault(code, (path, line, []))[2].append(line)
                records.append({"segment": segment, "code": code, "coder": coders.fold(row.get("coder") or path.stem, path,
                                line), "memo": row.get("memo", ""), "interview_id": parsed.interview})
        self.problems += codes_in_no_codebook(uncoded) + coders.problems
        frame = pd.DataFrame(records, columns=columns)
        return frame.drop_duplicates(["segment", "code", "coder"]).reset_index(drop=True)


@dataclass
class _Tables:
    """What the loader gathers from notes and transcripts before the tables are built."""

    team: set
    interview_rows: list = field(default_factory=list)
    turn_columns: dict = field(default_factory=lambda: {c: [] for c in TURN_COLUMNS})
    quotes: list = field(default_factory=list)
    insights: list = field(default_factory=list)
    opportunities: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    followups: list = field(default_factory=list)
    ids_seen: dict = field(default_factory=dict)
    first_note: dict = field(default_factory=dict)
    used_transcripts: set = field(default_factory=set)
    noted: bool = False  # a row read from a note: kept as rows come (not searched per lone transcript)

    def add_interview(self, row: dict, turns) -> None:
        self.interview_rows.append(row)
        self.noted = self.noted or bool(row.get("note_path"))
        if turns is not None:
            for column, values in self.turn_columns.items():
                values.extend(turns[column])


class _NoBar:
    def update(self, n):
        pass

    def close(self):
        pass


def _progress_bar(total: int, wanted: bool, threshold: int = 200):
    """A progress bar on standard error for long loads; nothing for small studies."""
    if not wanted or total < threshold:
        return _NoBar()
    import sys

    from tqdm.auto import tqdm

    return tqdm(total=total, desc="reading interviews", unit="file", file=sys.stderr, leave=False)


def _transcript_args(config, front, names=None) -> tuple[dict, dict, list]:
    """How to read one interview's transcript: :func:`kit.study_config.transcript_args`."""
    return transcript_args(config, front, names)


def _parse_job(job):
    """Parse one transcript in a worker process; errors travel back as values."""
    from kit.transcripts import read_turns

    path, aliases, known = job
    try:
        return path, read_turns(path, aliases=aliases or None, speakers=known or None)
    except TranscriptError as exc:
        return path, exc


PARALLEL_TRANSCRIPTS = 400  # below this, starting worker processes costs more than it saves


def _parse_in_parallel(jobs, progress: bool) -> dict:
    """Parse many transcripts on every core; {path: (columns, format, warnings) or error}."""
    if len(jobs) < PARALLEL_TRANSCRIPTS or (workers := free_cores(4)) < 2:
        return {}
    from concurrent.futures import ProcessPoolExecutor  # its processes' modules only when used

    bar = _progress_bar(len(jobs), progress, threshold=0)
    results = {}
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for path, result in pool.map(_parse_job, jobs, chunksize=100):
                results[path] = result
                bar.update(1)
    except (OSError, RuntimeError):
        return {}  # no worker processes here (a sandbox, a frozen app): parse one by one
    finally:
        bar.close()
    return results


def _team_names(config) -> set[str]:
    names = set()
    for member in config.get("team") or []:
        name = member.get("name") if isinstance(member, dict) else member
        if name:
            names |= {str(name).casefold(), str(name).split()[0].casefold()}
    for label, target in (config.get("aliases") or {}).items():
        if str(target).casefold() in names:
            names.add(str(label).casefold())
    return names


def _front_line(note, key: str) -> int:
    """The line of a front-matter key in a note (1 when it cannot be found)."""
    lines = getattr(note, "front_lines", None)
    if isinstance(lines, dict) and key in lines:
        return lines[key]
    try:
        text = Path(note.path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 1
    for n, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return n
    return 1


def _date_or_none(value):
    try:
        return parse_date(value)
    except ValueError:
        return None


def _interview_row(iid, front, note_path, participant) -> dict:
    return {
        "interview_id": iid,
        "date": _date_or_none(front.get("date")),
        "participant": participant,
        "interviewer": str(front.get("interviewer") or ""),
        "note_taker": str(front.get("note_taker") or ""),
        "duration": front.get("duration"),
        "stage": str(front.get("stage") or ""),
        "thank_you_sent": _date_or_none(front.get("thank_you_sent")),
        "debriefed": _date_or_none(front.get("debriefed")),
        "notes_written": _date_or_none(front.get("notes_written")),
        "note_path": str(note_path),
        "declared_language": str(front.get("language") or "").strip().lower(),  # kit.languages
    }
