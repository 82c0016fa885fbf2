"""Closing the loop with participants: draft thank-you messages and "you said, we did" notes.

The customer-interview template asks for a thank-you within 24 hours of the interview and
for telling participants what changed because of them. This module writes *drafts* for the
team to review and send themselves; nothing is ever sent.

* :func:`thank_you_drafts`: one draft per interview note, acknowledging what was heard. It
  reflects the note's insights back in the participant's own terms: for each insight it
  picks the participant's own sentence (a key quote, else a transcript turn of theirs) that
  says the same thing, so the message quotes the person to themselves and never paraphrases
  them in the team's words.
* :func:`you_said_we_did`: one draft per participant whose interview a decision
  (decisions.csv) cites as evidence: what they said (their own cited words), what the team
  decided, and what has been seen since (the decision's outcome reading). A decision the report
  leaves out of the value and the ROI (:func:`kit.roi.value_basis`: it cites an interview held
  after it was taken) credits nobody: drafts.csv lists it as ``no draft`` with the reason.

A draft only ever contains the words of the participant it is addressed to: it is built from
their own interview(s), and every draft is checked against the words of every other
participant before it is returned (a leak would be a bug, and raises ``RuntimeError``).
Names stay out unless ``include_names=True``: the greeting is then ``Hi [first name],``.
"""
from __future__ import annotations

from itertools import chain

import re
import warnings
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from kit.coding import stem, tokens
from kit.schema import THANK_YOU_COLUMNS, YOU_SAID_COLUMNS, follow_up_due, named_interviews
from kit.speaker_words import own_words, words_of

__all__ = ["DRAFT_HEADER", "GUARD_MIN_WORDS", "MAX_LINES", "MIN_OVERLAP", "THANK_YOU_COLUMNS",
           "YOU_SAID_COLUMNS", "thank_you_drafts", "write_drafts", "you_said_we_did"]

MAX_LINES = 3
MIN_OVERLAP = 2
GUARD_MIN_WORDS = 5
DRAFT_HEADER = "<!-- DRAFT written by interview-kit: not sent. Review it, then send it yourself. -->"
_STOP = frozenset("""a an the and or but so of to in on at for with from by as is was were be been it its this
that these those i you he she they we my your his her their our me him them us not no do did does have has had
about into than then there here what when where which who how all any some just very really also one two""".split())
NOT_HELD = ("no-show", "declined", "withdrawn")  # statuses of someone not to thank for an interview (withdrawn: s14 F9)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'])")


def _long_date(d) -> str:
    return f"{d.day} {d:%B %Y}" if d is not None and not pd.isna(d) else "(date unknown)"


def _content_stems(text: str) -> set[str]:
    return {stem(t) for t in tokens(text) if t not in _STOP and len(t) > 2}


def _first_name(study, participant: str, include_names: bool) -> str:
    if include_names and "name" in study.participants and len(study.participants):
        names = study.participants.set_index("id")["name"]
        name = names.get(participant)
        if isinstance(name, str) and name.strip():
            return name.split()[0]
    return "[first name]"


class _ByInterview:
    """A study's interviews' participants and its quotes, turns and insights split by interview
    once: a study of thousands of interviews was filtered whole for each one (issue 20 F10)."""

    def __init__(self, study):
        frame = study.interviews
        self.participant: dict = {}
        for iid, participant in zip(frame["interview_id"].tolist(), frame["participant"].tolist()):
            self.participant.setdefault(iid, participant)  # the first row, as .loc[...].iloc[0]
        self.quotes, self.turns = _split(study.quotes), _split(study.turns)
        self.insights = _split(study.insights)
        self._empty = {"quotes": study.quotes.iloc[0:0], "turns": study.turns.iloc[0:0],
                       "insights": study.insights.iloc[0:0]}

    def rows(self, kind: str, interview_id):
        return getattr(self, kind).get(interview_id, self._empty[kind])


def _split(frame: pd.DataFrame) -> dict:
    """``{interview_id: its rows}``, each in the frame's order."""
    if not len(frame) or "interview_id" not in frame.columns:
        return {}
    return {iid: rows for iid, rows in frame.groupby("interview_id", sort=False, dropna=True)}


_SPLIT: dict = {}  # id(study): (study, _ByInterview) while drafts are made for it (_split_once)


@contextmanager
def _split_once(studies):
    """While the block runs, :func:`_own_words` finds ``studies`` split by interview."""
    added = [id(s) for s in studies if id(s) not in _SPLIT]
    for s in studies:
        if id(s) in added:
            _SPLIT[id(s)] = (s, _ByInterview(s))
    try:
        yield
    finally:
        for key in added:
            _SPLIT.pop(key, None)


def _split_of(study) -> _ByInterview:
    held = _SPLIT.get(id(study))
    return held[1] if held is not None and held[0] is study else _ByInterview(study)


def _own_words(study, interview_id: str) -> list[tuple[str, str]]:
    """(kind, text) of the participant's own words in one interview: key quotes first,
    then the sentences of their transcript turns. Only the words of the note's participant
    (:func:`kit.speaker_words.words_of`): a third speaker's key quote or turn (a parent, an
    interpreter) or another participant's of a group interview is never theirs (newcomer s13 F11)."""
    parts = _split_of(study)
    participant = str(parts.participant[interview_id] or "") if interview_id in parts.participant else ""
    words = [("quote", t) for t in words_of(parts.rows("quotes", interview_id), interview_id, participant)["text"]]
    for text in words_of(parts.rows("turns", interview_id), interview_id, participant)["text"]:
        for sentence in _SENTENCE.split(str(text)):
            if len(sentence.split()) >= 5:
                words.append(("turn", sentence.strip()))
    return words


def _echo(insights, own, limit: int = MAX_LINES) -> list[str]:
    """For each insight, the participant's own sentence sharing most content words with it
    (at least ``MIN_OVERLAP``; a key quote counts one word more, since the note taker chose
    it); at most ``limit``, no repeats. Without any match: the first two key quotes."""
    chosen: list[str] = []
    stems_of = [(kind, text, _content_stems(text)) for kind, text in own]
    for insight in insights:
        target = _content_stems(insight)
        best, best_score = None, (0, 0)
        for kind, text, s in stems_of:
            if text in chosen:
                continue
            overlap = len(target & s)
            score = (overlap + (1 if kind == "quote" else 0), 1 if kind == "quote" else 0)
            if overlap >= MIN_OVERLAP and score > best_score:
                best, best_score = text, score
        if best is not None:
            chosen.append(best)
        if len(chosen) >= limit:
            break
    if not chosen:
        chosen = [text for kind, text in own if kind == "quote"][:2]
    return chosen


def _quote(text: str) -> str:
    """A participant's words as a quotation, without contact details (a draft is shared
    within the team before anyone sends it)."""
    from kit.privacy import redact

    return "“" + redact(str(text).strip().strip('"“”'), names=False) + "”"


# -- the privacy guard ---------------------------------------------------------------------------
class _Guard:
    """Every participant's words in some studies (turns, quotes, insights, opportunities) long
    enough to recognise, and each of their sentences as long, folded as a draft would quote
    them (:func:`_as_quoted`), keyed by the rarest pair of inner words of each.

    A folded text found in a folded draft holds each of its inner words (all but the first and
    the last, which may be parts of longer words) as whole words of the draft, one after the
    other: only the texts keyed by a pair of neighbouring words of the draft are compared
    whole. The same answer as comparing every text with every draft, which made the drafts of
    a 620-interview study take minutes (issue 20)."""

    def __init__(self, segments):
        entries = []
        for seg in segments:
            for participant, text in zip(seg["participant"].tolist(), seg["text"].tolist()):
                text = str(text).strip()
                if len(text.split()) < GUARD_MIN_WORDS:
                    continue
                pieces = [text] + [p.strip() for p in _SENTENCE.split(text) if len(p.split()) >= GUARD_MIN_WORDS]
                entries.extend((participant, text, _as_quoted(piece)) for piece in pieces)
        # The same sentence said by many participants (a study of thousands) is one entry:
        # its mark with, for each text it comes from, who said it; every draft was compared
        # with each of them (issue 20 F10: quadratic in the interviews).
        merged: dict = {}
        for participant, text, mark in entries:
            merged.setdefault(mark, {}).setdefault(text, set()).add(participant)
        inner = [m.split(" ")[1:-1] for m in merged]
        count: dict = {}
        for words in inner:
            for pair in zip(words, words[1:]):
                count[pair] = count.get(pair, 0) + 1
        self._by_pair: dict = {}
        self._by_word: dict = {}
        self._always = []
        for entry, words in zip(merged.items(), inner):
            if len(words) >= 2:
                key = min(zip(words, words[1:]), key=count.__getitem__)
                self._by_pair.setdefault(key, []).append(entry)
            elif words:
                self._by_word.setdefault(words[0], []).append(entry)
            else:
                self._always.append(entry)

    def others(self, participant, own) -> _Others:
        return _Others(self, participant, own)

    def candidates(self, body: str):
        """``(mark, {text: who said it})`` of the texts that ``body`` may hold."""
        words = body.split(" ")
        found = list(self._always)
        for word in set(words):
            found.extend(self._by_word.get(word, ()))
        for pair in set(zip(words, words[1:])):
            found.extend(self._by_pair.get(pair, ()))
        return found


class _Others:
    """The texts of a :class:`_Guard` that are not ``participant``'s (a segment of nobody counts
    as somebody else's) minus any text in ``own`` (what this participant also said)."""

    def __init__(self, guard: _Guard, participant, own):
        self.guard, self.participant, self.own = guard, participant, own

    def found(self, body: str) -> str | None:
        """One of these texts, folded, that ``body`` (folded by :func:`_normalise`) holds, or None."""
        for mark, texts in self.guard.candidates(body):
            if mark in body and any(text not in self.own and _someone_else(whos, self.participant)
                                    for text, whos in texts.items()):
                return mark
        return None


def _someone_else(whos: set, participant) -> bool:
    """Whether ``whos`` (who said a text) holds anyone but ``participant`` (nobody, a segment
    without a participant, counts as somebody else)."""
    return len(whos) > 1 or any(not isinstance(who, str) or who != participant for who in whos)


def _others_words(segments, participant: str, own: set[str]) -> _Others:
    """Every text of every other participant (turns, quotes, insights, opportunities) long
    enough to recognise, minus anything this participant also said. ``segments``: each
    study's ``segments()``, or a :class:`_Guard` made of them once for many drafts."""
    guard = segments if isinstance(segments, _Guard) else _Guard(segments)
    return guard.others(participant, own)


def _normalise(text: str) -> str:
    return " ".join(str(text).replace("“", '"').replace("”", '"').split()).casefold()


@lru_cache(maxsize=1 << 16)
def _as_quoted(text: str) -> str:
    """``text`` as a draft would quote it: contact details replaced, words normalised (each
    text of a study is checked against every draft: worked out once)."""
    from kit.privacy import redact

    return _normalise(redact(text, names=False))


def _unleaked(lines: list[str], others: _Others) -> list[str]:
    """``lines`` (texts a draft would quote) less those holding another participant's words as
    :func:`_check_no_leak` finds them (the same folding: case, spaces, quotation marks,
    contact details): a note that repeats someone else's sentence is left out of the draft,
    never sent to the wrong person nor a reason to stop the run."""
    return [line for line in lines if others.found(_normalise(_quote(line))) is None]


def _check_no_leak(draft: str, others: _Others, what: str) -> None:
    # quotes in drafts lose their contact details, so the words are compared as quoted
    mark = others.found(_normalise(draft))
    if mark is not None:
        raise RuntimeError(f"{what}: the draft contains another participant's words (not shown: they are "
                           f"private, {len(mark.split())} words); this is a bug in interview-kit")


# -- thank-you drafts -------------------------------------------------------------------------------


def thank_you_drafts(study, include_names: bool = False, others_from=None) -> pd.DataFrame:
    """One thank-you draft per interview note (transcripts without a note get none).
    ``status`` says whether a thank-you is already recorded (``thank_you_sent`` in the note)
    and whether it went within 24 hours; ``send_by`` is the day after the interview.
    ``others_from``: further studies whose participants' words must not appear either
    (by default only the study's own)."""
    from kit.study import as_study

    study = as_study(study)
    pool = _Guard([s.segments() for s in [study] + [s for s in (others_from or []) if s is not study]])
    people = study.participants
    status_of = dict(zip(people["id"], people["status"])) if "status" in people and len(people) else {}
    with _split_once([study]):
        rows, notes = _thank_you_rows(study, pool, status_of, include_names)
    table = pd.DataFrame(rows, columns=THANK_YOU_COLUMNS)
    table.attrs["notes"] = notes
    return table


def _thank_you_rows(study, pool, status_of, include_names):
    rows, notes = [], []
    parts = _split_of(study)
    left_out = getattr(study, "withdrawn_rows", None)  # an interview only withdrawn people were in: noted too
    for iv in chain(study.interviews.itertuples(index=False),
                    left_out.itertuples(index=False) if left_out is not None else ()):
        if not iv.note_path:
            continue
        participant = iv.participant or ""
        if status_of.get(participant) in NOT_HELD:  # nobody to thank "for taking the time" (newcomer s13 F11)
            why = (f"no thank-you draft: {participant} has status {status_of[participant]!r} in participants.csv "
                   + ("(they withdrew from the study: nothing of theirs is drafted)" if status_of[participant] == "withdrawn"
                      else "(mark them completed if the interview took place)"))
            notes.append({"id": iv.interview_id, "participant": participant, "status": why,
                          "note": f"{iv.note_path}:{_participant_line(iv.note_path)}: note: {why}"})
            continue
        own = _own_words(study, iv.interview_id)
        insights = parts.rows("insights", iv.interview_id)["text"].tolist()
        others = _others_words(pool, participant, {t for _, t in own} | set(insights))
        lines = _unleaked(_echo(insights, own), others)
        when = iv.date if iv.date is not None and not pd.isna(iv.date) else None
        send_by = follow_up_due(when, "thank_you") if when else None
        sent = iv.thank_you_sent if iv.thank_you_sent is not None and not pd.isna(iv.thank_you_sent) else None
        if sent is None:
            status = "to send"
        elif send_by is not None and sent <= send_by:
            status = f"sent {sent.isoformat()} (within 24 hours)"
        else:
            status = f"sent {sent.isoformat()} (late)"
        signer = iv.interviewer or "The research team"
        heard = ""
        if lines:
            heard = "What stayed with us from our conversation:\n\n" + "\n".join(f"- {_quote(t)}" for t in lines) + "\n\n"
        text = (f"{DRAFT_HEADER}\n"
                f"To: {participant or 'the participant'} (address in participants.csv)\n"
                f"Interview: {iv.interview_id}, {when.isoformat() if when else 'date unknown'}\n"
                f"Send by: {send_by.isoformat() if send_by else 'as soon as possible'} (within 24 hours of the interview)\n"
                f"Status: {status}\n"
                f"Subject: Thank you for talking with us\n\n"
                f"Hi {_first_name(study, participant, include_names)},\n\n"
                f"Thank you for taking the time to talk with us on {_long_date(when)}. Hearing how it really "
                f"works for you, in your own words, helps us more than any survey could.\n\n"
                f"{heard}"
                f"We are sharing what we learned with the team, and we will let you know what changes because of it.\n\n"
                f"With thanks,\n{signer}\n")
        _check_no_leak(text, others, iv.interview_id)
        rows.append({"interview_id": iv.interview_id, "participant": participant, "date": when, "send_by": send_by,
                     "thank_you_sent": sent, "status": status, "lines": len(lines), "text": text})
    return rows, notes


def _participant_line(path) -> int:
    """The line of a note's ``participant:`` (1 when it cannot be read)."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, 1) if re.match(r"^participant\s*:", line)), 1)


# -- you said, we did ---------------------------------------------------------------------------------


def _number(value) -> str:
    if value is None or pd.isna(value):
        return ""
    return f"{value:g}"


def you_said_we_did(studies, include_names: bool = False) -> pd.DataFrame:
    """One "you said, we did" draft per participant whose interview a decision cites, across
    ``studies`` (a repository path, a list of studies, or one study). For each decision:
    the participant's own cited words (a cited key quote or transcript turn of theirs;
    when only the interview or the team's notes are cited, their key quote closest to the
    decision), the decision, and the outcome reading when there is one."""
    from kit.discovery.repository import load_studies
    from kit.study import Study

    studies = [studies] if isinstance(studies, Study) else load_studies(studies)
    with _split_once(studies):
        return _you_said_we_did(studies, include_names)


def _left_out(study) -> dict:
    """decision id -> why the report leaves it out of the value and the ROI
    (:func:`kit.roi.value_basis` counts no decision :func:`kit.roi.later_evidence` finds: one
    citing an interview held after it was taken), for the decisions no draft may credit either
    (newcomer s15 F6: one rule for the report and the drafts)."""
    from kit.roi import later_evidence

    if not len(study.decisions):
        return {}
    later = later_evidence(study)
    cited: dict = {}
    for decision, interview in zip(later["decision_id"], later["interview_id"]):
        cited.setdefault(decision, []).append(interview)
    return {d: f"cites {', '.join(ids)}, held after the decision was taken" for d, ids in cited.items()}


def _not_drafted(study, d: dict, why: str, participant: str) -> dict:
    """A drafts.csv row (and located warning) for a participant a left-out decision cites."""
    status = (f"no you-said-we-did draft for {d.get('id')}: it {why}, so the report leaves it out of the value "
              "and the ROI and no draft credits it; check its date and evidence in decisions.csv")
    line = d.get("line")
    line = int(line) if line is not None and not pd.isna(line) else 1
    return {"id": str(d.get("id")), "participant": participant, "status": status,
            "note": f"{Path(study.path) / 'decisions.csv'}:{line}: note: {status}"}


def _you_said_we_did(studies, include_names: bool) -> pd.DataFrame:
    segments = _Guard([s.segments() for s in studies])
    entries: dict[str, list[dict]] = {}
    where: dict[str, object] = {}
    skipped: list[dict] = []
    for s in studies:
        from kit.sample import withdrawn  # withdrew from the study: no draft quotes them (newcomer s14 F9)

        gone = withdrawn(s)
        participant_of = {i: p for i, p in zip(s.interviews["interview_id"], s.interviews["participant"])
                          if p not in gone}
        date_of = dict(zip(s.interviews["interview_id"], s.interviews["date"]))
        own_segments = {}
        for frame, kind in ((s.quotes, "quote"), (s.turns, "turn")):
            frame = frame[own_words(frame, named_interviews(s.interviews))]  # never a third speaker's (F11)
            for seg, text in zip(frame["segment_id"], frame["text"]):
                own_segments[seg] = text
        left_out = _left_out(s)
        for d in s.decisions.to_dict("records"):
            cited: dict[str, list[str]] = {}
            for ref in d.get("evidence") or []:
                cited.setdefault(ref.split("#")[0], []).append(ref)
            n_interviews = len(cited)
            for interview_id, refs in cited.items():
                participant = participant_of.get(interview_id) or ""
                if not participant:
                    continue
                if d.get("id") in left_out:
                    skipped.append(_not_drafted(s, d, left_out[d.get("id")], participant))
                    continue
                said = [own_segments[r] for r in refs if r in own_segments]
                if not said:
                    own = [(k, t) for k, t in _own_words(s, interview_id) if k == "quote"]
                    notes = [d.get("decision", "")] + [t for r, t in _team_notes(s, refs)]
                    said = _echo([" ".join(notes)], own, limit=1)
                entries.setdefault(participant, []).append({
                    "decision": d, "interview_id": interview_id, "interview_date": date_of.get(interview_id),
                    "said": list(dict.fromkeys(said))[:2], "n_interviews": n_interviews})
                where.setdefault(participant, s)
    rows = []
    interviews_of = []  # per study, {participant: the ids of their interviews}
    for s in studies:
        ids: dict = {}
        for iid, who in zip(s.interviews["interview_id"].tolist(), s.interviews["participant"].tolist()):
            ids.setdefault(who, set()).add(iid)
        interviews_of.append(ids)
    for participant, items in sorted(entries.items()):
        items.sort(key=lambda e: (e["decision"].get("date") or date.min, str(e["decision"].get("id"))))
        own_texts = set()
        for s, ids in zip(studies, interviews_of):
            for i in ids.get(participant, ()):
                own_texts |= {t for _, t in _own_words(s, i)}
        not_theirs = _others_words(segments, participant, own_texts)
        parts = [f"{DRAFT_HEADER}\nTo: {participant} (address in participants.csv)\n"
                 f"Subject: You said, we did\n\n"
                 f"Hi {_first_name(where[participant], participant, include_names)},\n\n"
                 f"Thank you again for talking with us. Here is what changed because of what you told us.\n"]
        for e in items:
            d = e["decision"]
            parts.append(f"\n## {_long_date(d.get('date'))} (from our conversation on {_long_date(e['interview_date'])})\n")
            if said := _unleaked(e["said"], not_theirs):
                parts.append("You said: " + " … ".join(_quote(t) for t in said) + "\n")
            parts.append(f"We did: {str(d.get('decision', '')).rstrip('.')}.\n")
            reading, baseline = _number(d.get("outcome_reading")), _number(d.get("outcome_baseline"))
            if reading and d.get("outcome_metric"):
                since = f" ({_long_date(d.get('reading_date'))})" if d.get("reading_date") else ""
                start = f"went from {baseline} to {reading}" if baseline else f"is now {reading}"
                parts.append(f"What we have seen since: {d['outcome_metric']} {start}{since}.\n")
            else:
                parts.append("We will tell you what we see once it has been running for a while.\n")
            others = e["n_interviews"] - 1
            if others > 0:
                parts.append(f"Your interview was one of {e['n_interviews']} that shaped this decision.\n")
        parts.append("\nWith thanks,\nThe research team\n")
        text = "".join(parts)
        _check_no_leak(text, not_theirs, participant)
        rows.append({"participant": participant,
                     "decisions": "; ".join(str(e["decision"].get("id")) for e in items),
                     "interviews": "; ".join(dict.fromkeys(e["interview_id"] for e in items)), "text": text})
    table = pd.DataFrame(rows, columns=YOU_SAID_COLUMNS)
    table.attrs["notes"] = list({(n["id"], n["participant"]): n for n in skipped}.values())
    return table


def _team_notes(study, refs):
    texts = {}
    for frame in (study.insights, study.opportunities):
        texts.update(zip(frame["segment_id"], frame["text"]))
    return [(r, texts[r]) for r in refs if r in texts]


# -- writing the drafts ---------------------------------------------------------------------------------
def write_drafts(studies, out_dir, include_names: bool = False, only=None) -> pd.DataFrame:
    """Write every draft to ``out_dir``: ``thank-you/<interview>.md`` for each note,
    ``you-said-we-did/<participant>.md`` for each participant a decision cites, and
    ``drafts.csv`` listing them (kind, id, participant, status, path). Each file is
    written to a temporary name and renamed. Returns the listing.

    ``only`` (a study or a list of them, e.g. the sprint's studies a run reports on): drafts for
    those studies' interviews and decisions alone, ``studies`` (the repository) still guarding
    against other participants' words; a run of one sprint writes no drafts for another
    (attacker s16 A9). Default: every study of ``studies``.

    Drafts are private outputs (``kit.outputs``): each holds one participant's own words, so
    ``out_dir`` must not be a published folder (``kit.outputs.private_folder`` gives the
    folder beside it); contact details are replaced, names unless ``include_names``."""
    from kit.discovery.repository import load_studies
    from kit.outputs import PRIVATE, Outputs
    from kit.study import Study

    studies = [studies] if isinstance(studies, Study) else load_studies(studies)
    out = Path(out_dir)
    pool = studies  # every study's participants' words are guarded; drafts for ``only``'s (attacker s16 A9)
    studies = studies if only is None else [only] if isinstance(only, Study) else list(only)
    writer = Outputs(out, pool + [s for s in studies if all(s is not t for t in pool)], PRIVATE, include_names=include_names)
    rows = []
    notes = []
    for s in studies:
        drafts = thank_you_drafts(s, include_names=include_names, others_from=pool)
        for r in drafts.itertuples(index=False):
            path = writer.text(Path("thank-you") / f"{r.interview_id}.md", r.text)
            rows.append({"kind": "thank-you", "id": r.interview_id, "participant": r.participant,
                         "status": r.status, "path": str(path)})
        for note in drafts.attrs.get("notes", []):  # a note drafted for nobody: listed, never silently
            rows.append({"kind": "no draft", "id": note["id"], "participant": note["participant"],
                         "status": note["status"], "path": ""})
            notes.append(note["note"])
            warnings.warn(note["note"], stacklevel=2)
    said = you_said_we_did(studies, include_names=include_names)
    for r in said.itertuples(index=False):
        path = writer.text(Path("you-said-we-did") / f"{r.participant}.md", r.text)
        rows.append({"kind": "you-said-we-did", "id": r.decisions, "participant": r.participant,
                     "status": "to send", "path": str(path)})
    for note in said.attrs.get("notes", []):  # a decision the report leaves out credits nobody (newcomer s15 F6)
        rows.append({"kind": "no draft", "id": note["id"], "participant": note["participant"],
                     "status": note["status"], "path": ""})
        if note["note"] not in notes:  # one note per decision, a drafts.csv row per participant
            notes.append(note["note"])
            warnings.warn(note["note"], stacklevel=2)
    table = pd.DataFrame(rows, columns=["kind", "id", "participant", "status", "path"])
    table.attrs["notes"] = notes
    writer.table("drafts.csv", table)
    return table
