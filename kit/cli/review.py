"""``interview-kit review``: the front-end of :mod:`kit.review` (the text or JSON it prints
and its exit code)."""
from __future__ import annotations

import json
from pathlib import Path

from kit.errors import StudyError
from kit.review import _expand_paths, cohort, format_review, per_interviewer, review_transcript, scorecard

__all__ = ["review_command"]


def _jsonable(review: dict, card: dict) -> dict:
    out = dict(review)
    out["score"] = card["score"]
    out["scorecard"] = card["items"]
    if len(review.get("interviewer") or []) > 1:  # each interviewer's own scorecard
        out["by_interviewer"] = [{"interviewer": own["interviewer"][0], "talk_ratio": own["talk_ratio"],
                                  "score": (c := scorecard(own))["score"], "scorecard": c["items"]}
                                 for own in per_interviewer(review)]
    return out


def _located(problem) -> str:
    """``path:line: message``; ``path: message`` for a problem with the whole file (line 0)."""
    return str(problem)  # (Problem prints a whole-file problem without a line)


def review_command(paths, interviewers=None, as_json: bool = False, include_names: bool = False) -> tuple[str, int]:
    """``interview-kit review TRANSCRIPT... [--interviewer LABEL ...] [--json]``.

    ``paths``: transcript files (a folder stands for its transcripts, or those in its
    ``transcripts/``). ``interviewers``: labels of the interviewer (None or empty: inferred
    per transcript). Returns ``(text, exit_code)``: the text is printed to standard output
    as it is. With ``as_json`` it is one JSON object for one transcript, an array for
    several; a transcript that cannot be reviewed is ``{"path", "problems"}`` there, and
    ``path:line: message`` lines in the plain text. Exit code 0 when every transcript was
    reviewed, 2 when one could not be read or none of the given labels speaks in it (an empty
    transcript a note of its study names is a warning, as ``check`` reads it).

    The text is a working output (``kit.outputs``): a participant appears by their id when
    the transcript belongs to a study that knows it (else as ``[name]``), and their names,
    the names on the study's roster, emails and phones are replaced everywhere, in file
    names too, unless ``include_names`` (contact details are replaced anyway).
    """
    text, code = _review_text(paths, interviewers, as_json, include_names)
    return text, code


def _review_text(paths, interviewers, as_json: bool, include_names: bool) -> tuple[str, int]:
    files, problems = _expand_paths(paths)
    results: list[dict] = []  # review + card, or {"path", "problems"}
    blocks: list[str] = [_located(p) for p in problems]
    reviews = []
    unreviewed: list[str] = []  # the participant labels a failed transcript's message names
    code = 2 if any(p.is_error for p in problems) else 0  # a skipped file is a warning
    for f in files:
        try:
            review = review_transcript(f, interviewers or None)
        except StudyError as exc:
            found = _as_the_study_reads(f, exc.problems)
            code = 2 if any(p.is_error for p in found) else code
            unreviewed += list(getattr(exc, "participants", None) or [])
            results.append({"path": str(f), "problems": [_located(p) for p in found]})
            blocks.extend(_located(p) for p in found)
            continue
        card = scorecard(review)
        reviews.append(review)
        results.append(_jsonable(review, card))
        blocks.append(format_review(review, card))
    writer, ids = _review_writer(files, reviews, include_names, unreviewed)
    if not include_names:
        # each transcript's participants by their id where the study knows it, and a transcript
        # whose file name holds a name by its interview id ("maria_lopez" -> "INT-002")
        for result in [*results, *reviews]:
            pid, iid, shown = ids.get(_resolved(result.get("path")), (None, None, {}))
            if pid and result.get("participants"):  # by role and participant id (kit.speaker_roles.speaker_listing)
                result["participants"] = list(dict.fromkeys(shown.get(s, "other speaker (no participant)")
                                                            for s in result["participants"]))
            if pid and result.get("third_speakers"):
                result["third_speakers"] = [shown.get(s, "other speaker (no participant)") for s in result["third_speakers"]]
            name = result.get("transcript")
            if iid and isinstance(name, str) and writer.clean(name) != name:
                result["transcript"] = iid
    if as_json:
        if not problems and len(files) == 1:
            return json.dumps(writer.clean_value(results[0]), indent=2, ensure_ascii=False), code
        extra = [{"path": p.path, "problems": [str(p)]} for p in problems]
        return json.dumps(writer.clean_value(extra + results), indent=2, ensure_ascii=False), code
    if len(reviews) > 1:
        table = cohort(reviews)
        summary = table[["transcript", "talk_ratio", "questions", "flagged", "probes", "first_story_turn", "score"]]
        blocks.append("cohort:\n" + summary.to_string(index=False))
    return writer.clean("\n\n".join(blocks)), code


def _as_the_study_reads(path, problems) -> list:
    """``problems`` of a transcript that could not be reviewed, as ``check`` reads them: an empty
    transcript that a note of its study names (a failed recording) is a warning, so the other
    transcripts' review exits 0 (newcomer s17 F16: a weekly ``review transcripts/`` failed on it)."""
    from kit.outputs import study_of
    from kit.review_study import loaded_study
    from kit.study_unread import empty_transcript_noted

    folder = study_of(path)
    study = loaded_study(folder) if folder is not None else None
    frame = getattr(study, "interviews", None)
    if frame is None or "transcript_path" not in frame:
        return list(problems)
    notes = frame["note_path"].tolist() if "note_path" in frame else [None] * len(frame)
    noted = {_resolved(Path(folder) / p) for p, note in zip(frame["transcript_path"].tolist(), notes)
             if isinstance(p, str) and p and isinstance(note, str) and note}  # a note names it
    return empty_transcript_noted(problems, front=_resolved(path) in noted)


def _resolved(path) -> str:
    try:
        return str(Path(path).expanduser().resolve()) if path else ""
    except (OSError, RuntimeError):
        return str(path)


def _review_writer(files, reviews, include_names: bool, unreviewed=()):
    """The working-output writer for a review of ``files``: the rosters of the studies the
    files belong to plus every reviewed transcript's participant labels (names whether or not
    a roster lists them) and those of a transcript that could not be reviewed
    (``unreviewed``: its error message names them, and is redacted like a review); and
    {resolved transcript path: (participant id, interview id, {speaker label: role and id})}."""
    from kit.outputs import WORKING, Outputs, study_of
    from kit.privacy import roster, with_names

    studies = list(dict.fromkeys(s for s in (study_of(f) for f in files) if s is not None))
    people = roster(studies) if studies else None
    labels = [label for r in reviews for label in r.get("participants", [])] + list(unreviewed)
    people = with_names(people, labels)
    ids: dict[str, tuple[str, str]] = {}
    for folder in studies:
        from kit.review_study import loaded_study

        study = loaded_study(folder)  # loaded once for the review and its ids (kit.review_study)
        if study is None:  # ids are a nicety: without them participants are [name]
            continue
        frame = study.interviews
        if {"transcript_path", "participant", "interview_id"} <= set(frame.columns):
            from kit.speaker_roles import speaker_listing

            turns = study.turns
            for path, pid, iid in zip(frame["transcript_path"].tolist(), frame["participant"].tolist(),
                                      frame["interview_id"].tolist()):
                if isinstance(path, str) and path and isinstance(pid, str) and pid:
                    ids[_resolved(folder / path)] = (pid, str(iid), speaker_listing(turns[turns["interview_id"] == iid]))
    return Outputs(None, None, WORKING, include_names=include_names, people=people), ids
