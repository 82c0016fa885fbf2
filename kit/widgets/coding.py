"""Manual coding, segment by segment, saved at once to ``<study>/codings/<coder>.csv``.

:class:`CodingSession` holds all the logic without any widget: the segments in order, where
the coder is, which codes they applied, the memo, and saving. Every change is written to the
codings file straight away (a temporary file in the same folder, then ``os.replace``), after
re-reading the file, so a killed kernel loses nothing, two sessions on one file do not undo
each other, and a new session resumes at the first segment the coder has not coded. The file
keeps its permissions, and the next session removes a temporary file a killed one left.

:class:`CodingWidget` only wires ipywidgets to a session. This is the one part of the kit
that writes into a study; it never writes into the bundled pilot (use a copy).
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pandas as pd

from kit.csvio import read_rows
from kit.safety import atomic_write_text, sweep_temp_files
from kit.schema import MANUAL_CODING_COLUMNS
from kit.study import Study, as_study

__all__ = ["CodingSession", "CodingWidget", "demo_copy", "coding_widget", "CODING_COLUMNS", "KINDS"]

CODING_COLUMNS = MANUAL_CODING_COLUMNS  # kit.schema: codings.csv
#: What a coder codes by default: the participant's turns, the key quotes and the insights.
KINDS = ("turn", "quote", "insight")
_KIND_ORDER = {"turn": 0, "quote": 1, "insight": 2, "opportunity": 3}
_CODER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SEGMENT_NUMBER = re.compile(r"#[tqio](\d+)$")


def _is_pilot(path: Path) -> bool:
    from kit.paths import pilot_path

    try:
        Path(path).resolve().relative_to(pilot_path().resolve())
        return True
    except ValueError:
        return False


def demo_copy(study) -> Path:
    """A copy of the study folder in a new temporary folder, for trying the widget without
    touching the study. Returns the copy's path."""
    source = Path(study.path if isinstance(study, Study) else study)
    from kit.paths import scratch_folder

    target = scratch_folder("interview-kit-coding-") / source.name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".*"))
    return target


class CodingSession:
    """One coder's pass over a study's segments, saved to a codings file after every change.

    ``study`` is a loaded ``Study`` or a path; ``coder`` names the file
    (``<study>/codings/<coder>.csv``, or ``path``). ``kinds`` are the segments to code, in
    order: interviews as they were held (date, then id), within one its participant turns,
    then key quotes, then insights. The session starts at the first segment the coder has
    not coded. With ``read_only`` nothing is written (a demo). The bundled pilot is never
    written: copy it first (``interview-kit new DIR --example pilot``).

    A file that has problems (an unreadable row, say) is opened read-only, since writing it
    back would lose the rows that could not be read; ``problems`` lists them.
    """

    def __init__(self, study, coder: str, path=None, kinds=KINDS, read_only: bool = False):
        coder = str(coder or "").strip()
        if not _CODER.match(coder):
            raise ValueError(f"coder {coder!r} cannot name a file: use letters, digits, '-', '_' or '.', "
                             "e.g. your first name")
        self.study = as_study(study, strict=False)
        self.coder = coder
        self.path = Path(path) if path is not None else Path(self.study.path) / "codings" / f"{coder}.csv"
        self.read_only = bool(read_only)
        if not self.read_only and _is_pilot(self.path):
            raise PermissionError(
                "the bundled pilot is read-only: copy it first (interview-kit new DIR --example pilot) "
                "and code the copy, or use read_only=True")
        self.kinds = tuple(kinds)
        self.codes = _ordered_codes(self.study.codebook)
        self.segments = _ordered_segments(self.study, self.kinds)
        self._order = {s: i for i, s in enumerate(self.segments["segment_id"])}
        self._pending_memo: dict[str, str] = {}
        self.columns = list(CODING_COLUMNS)
        self.rows: list[dict] = []
        self.problems = []
        if not self.read_only:
            sweep_temp_files(self.path.parent)  # what a killed session left beside the file
        self._reload()
        if self.problems and not self.read_only:
            self.read_only = True
        self.message = self._opening_message()
        first = self.first_uncoded()
        self.position = first if first is not None else 0

    # -- the file ------------------------------------------------------------------------
    def _reload(self) -> None:
        if not self.path.exists():
            self.rows = []
            self.problems = []
            return
        rows, columns, problems = read_rows(self.path, required=("segment", "code"))
        self.problems = problems
        self.columns = list(dict.fromkeys(list(columns) + CODING_COLUMNS))
        self.rows = [{c: row.get(c, "") for c in self.columns} for row in rows]

    def _refresh_from_disk(self) -> bool:
        """Re-read the file before a change (another session may have written it). False,
        and the session turns read-only, when the file now has problems: writing it back
        would drop the rows that cannot be read."""
        if self.read_only:
            return True
        self._reload()
        if self.problems:
            self.read_only = True
            self.message = self._opening_message()
            return False
        return True

    def _save(self) -> None:
        if self.read_only:
            return
        frame = pd.DataFrame(self.rows, columns=self.columns).fillna("")
        # kit.safety: the file keeps its mode; the temporary file is named after this process
        atomic_write_text(self.path, frame.to_csv(index=False, lineterminator="\n"))

    def _opening_message(self) -> str:
        if self.problems:
            first = self.problems[0]
            return (f"read-only: {self.path.name} has problems ({first.message}, line {first.line}); "
                    "fix them (interview-kit check) before coding")
        if self.read_only:
            return "read-only demo: codes and memos are not saved"
        return f"saving to {self.path}"

    def _outcome(self, done: str) -> str:
        """The message after an action: what was done, or why nothing was written."""
        if self.problems:
            return self._opening_message()
        if self.read_only:
            return done.replace(", saved", "").replace("memo saved", "memo noted") + " (read-only: not saved)"
        return done

    def _mine(self, row: dict) -> bool:
        return (row.get("coder") or self.path.stem) == self.coder

    # -- what the coder did --------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self.segments)

    @property
    def current(self) -> dict:
        """The current segment: segment_id, interview_id, participant, kind, text, context."""
        if not self.total:
            return {}
        return self.segments.iloc[self.position].to_dict()

    @property
    def segment_id(self) -> str | None:
        return self.current.get("segment_id")

    def codes_of(self, segment_id: str | None = None) -> list[str]:
        """Codes this coder applied to a segment (default: the current one), in file order."""
        segment_id = segment_id or self.segment_id
        return [r["code"] for r in self.rows if r["segment"] == segment_id and self._mine(r) and r["code"]]

    def memo_of(self, segment_id: str | None = None) -> str:
        segment_id = segment_id or self.segment_id
        if segment_id in self._pending_memo:
            return self._pending_memo[segment_id]
        memos = [r["memo"] for r in self.rows if r["segment"] == segment_id and self._mine(r) and r["memo"]]
        return " / ".join(dict.fromkeys(memos))

    def coded_segments(self) -> set[str]:
        return {r["segment"] for r in self.rows if self._mine(r) and r["code"]}

    def first_uncoded(self, start: int = 0, wrap: bool = True) -> int | None:
        """Index of the first segment at or after ``start`` this coder has not coded (from the
        beginning again with ``wrap``); None when every segment is coded."""
        coded = self.coded_segments()
        ids = list(self.segments["segment_id"])
        order = list(range(start, len(ids))) + (list(range(0, min(start, len(ids)))) if wrap else [])
        return next((i for i in order if ids[i] not in coded), None)

    def progress(self) -> tuple[int, int]:
        """(segments coded, segments to code)."""
        coded = self.coded_segments()
        return sum(1 for s in self.segments["segment_id"] if s in coded), self.total

    def summary(self) -> str:
        """One line: who codes what, how far, where."""
        done, total = self.progress()
        where = f"at {self.segment_id} ({self.position + 1} of {total})" if total else "no segments to code"
        mode = " [read-only]" if self.read_only else ""
        return f"Coding as {self.coder}{mode}: {done} of {total} segments coded, {where}; {self.message}"

    # -- actions: each one saved at once ------------------------------------------------------
    def toggle(self, code: str) -> bool:
        """Apply ``code`` to the current segment, or remove it if applied; saved at once.
        Returns True when the code is now applied."""
        if code not in self.codes:
            raise ValueError(f"unknown code {code!r}: not in codebook.yml")
        segment = self.segment_id
        if segment is None:
            raise ValueError("there is no segment to code")
        if not self._refresh_from_disk():
            return code in self.codes_of(segment)
        mine = [i for i, r in enumerate(self.rows)
                if r["segment"] == segment and r["code"] == code and self._mine(r)]
        if mine:
            memo = self.memo_of(segment)
            for i in reversed(mine):
                del self.rows[i]
            if memo and not self.codes_of(segment):
                self._pending_memo[segment] = memo  # kept for the next code on this segment
            applied = False
        else:
            memo = self._pending_memo.pop(segment, None)
            if memo is None:
                memo = self.memo_of(segment)
            row = {c: "" for c in self.columns}
            row.update({"segment": segment, "code": code, "coder": self.coder, "memo": memo})
            self.rows.insert(self._insert_at(segment), row)
            applied = True
        self._save()
        verb = "applied" if applied else "removed"
        self.message = self._outcome(f"{code} {verb} on {segment}, saved")
        return applied

    def toggle_number(self, number: int) -> bool:
        """Toggle the code numbered ``number`` (1-based, as the widget shows them)."""
        if not 1 <= int(number) <= len(self.codes):
            raise ValueError(f"no code number {number}: the codes are numbered 1 to {len(self.codes)}")
        return self.toggle(self.codes[int(number) - 1])

    def set_memo(self, text: str) -> None:
        """The memo of the current segment, saved with its codes (on every row of the
        segment). A segment without codes keeps the memo until a code is applied: a codings
        row needs a code."""
        segment = self.segment_id
        text = " ".join(str(text or "").split())
        if segment is None or text == self.memo_of(segment):
            return
        if not self._refresh_from_disk():
            return
        rows = [r for r in self.rows if r["segment"] == segment and self._mine(r) and r["code"]]
        if not rows:
            self._pending_memo[segment] = text
            self.message = self._outcome("memo kept: it is saved with the first code you apply to this segment")
            return
        self._pending_memo.pop(segment, None)
        for row in rows:
            row["memo"] = text
        self._save()
        self.message = self._outcome(f"memo saved on {segment}")

    def go(self, index: int) -> None:
        if self.total:
            self.position = max(0, min(int(index), self.total - 1))
            self.message = ""

    def next(self) -> None:
        self.go(self.position + 1)

    def previous(self) -> None:
        self.go(self.position - 1)

    def next_uncoded(self) -> bool:
        """Move to the next segment this coder has not coded (after the current one, then
        from the start). False, staying put, when every segment is coded."""
        found = self.first_uncoded(self.position + 1)
        if found is None:
            self.message = "every segment is coded"
            return False
        self.go(found)
        return True

    def command(self, text: str) -> str:
        """Keyboard entry: code numbers ("3", "3 7") toggle codes; "n" next, "p" previous,
        "s" skip to the next uncoded segment. Returns the message to show."""
        text = str(text or "").strip().lower()
        if not text:
            return self.message
        try:
            if text in ("n", "next"):
                self.next()
            elif text in ("p", "prev", "previous"):
                self.previous()
            elif text in ("s", "skip"):
                self.next_uncoded()
            else:
                numbers = re.split(r"[\s,;]+", text)
                if not all(n.isdigit() for n in numbers):
                    self.message = "type code numbers (e.g. 3 or 3 7), n, p or s, then Enter"
                    return self.message
                for n in numbers:
                    self.toggle_number(int(n))
        except ValueError as exc:
            self.message = str(exc)
        return self.message

    def _insert_at(self, segment: str) -> int:
        """Where a new row goes: after the rows of this or earlier segments, so the file
        stays in reading order without reordering rows already there."""
        mine = self._order.get(segment, len(self._order))
        at = 0
        for i, row in enumerate(self.rows):
            order = self._order.get(row["segment"])
            if order is not None and order <= mine:
                at = i + 1
        return at


def _ordered_codes(codebook) -> list[str]:
    """Codes in display order: each top-level code followed by its descendants."""
    names = codebook.names
    children: dict = {}
    for code in codebook:
        parent = code.parent if code.parent in names and code.parent != code.name else None
        children.setdefault(parent, []).append(code.name)
    ordered, seen = [], set()

    def walk(name):
        if name in seen:
            return
        seen.add(name)
        ordered.append(name)
        for child in children.get(name, []):
            walk(child)

    for top in children.get(None, []):
        walk(top)
    ordered += [n for n in names if n not in seen]  # codes caught in a parent cycle
    return ordered


def _ordered_segments(study: Study, kinds) -> pd.DataFrame:
    segments = study.segments()
    segments = segments[segments["kind"].isin(kinds)].copy()
    dates = study.interviews.set_index("interview_id")["date"] if len(study.interviews) else pd.Series(dtype=object)
    segments["_date"] = pd.to_datetime(segments["interview_id"].map(dates), errors="coerce")
    segments["_kind"] = segments["kind"].map(_KIND_ORDER)
    segments["_n"] = segments["segment_id"].map(lambda s: int(_SEGMENT_NUMBER.search(s).group(1)))
    segments = segments.sort_values(["_date", "interview_id", "_kind", "_n"], na_position="last")
    before = _turns_by_number(study.turns)
    segments["context"] = [_context(row, before) for row in segments.itertuples(index=False)]
    columns = ["segment_id", "interview_id", "participant", "kind", "text", "context"]
    return segments[columns].reset_index(drop=True)


def _turns_by_number(turns: pd.DataFrame) -> dict:
    """(interview_id, turn) -> the first such turn's (speaker, role, participant, text), made
    once for all segments (session 10: a filter of the whole table per segment took 16 s
    for a 620-interview study)."""
    found: dict = {}
    for key in zip(turns["interview_id"].tolist(), turns["turn"].tolist(), turns["speaker"].tolist(),
                   turns["role"].tolist(), turns["participant"].tolist(), turns["text"].tolist()):
        found.setdefault(key[:2], key[2:])
    return found


def _context(row, before: dict) -> str:
    """What came just before a turn (usually the interviewer's question), with the speaker
    as a role or participant id, never a participant's name. ``before``: the study's
    :func:`_turns_by_number`, made once for all segments."""
    if row.kind != "turn":
        label = {"quote": "Key quote", "insight": "Insight", "opportunity": "Opportunity"}[row.kind]
        return f"{label} from the note of {row.interview_id}"
    n = int(_SEGMENT_NUMBER.search(row.segment_id).group(1))
    prev = before.get((row.interview_id, n - 1))
    if prev is None:
        return "(start of the interview)"
    speaker, role, participant, text = prev
    who = speaker if role == "interviewer" else (participant or ("participant" if role == "participant" else
                                                                 "other speaker"))  # a third speaker is no participant
    return f"{who}: {text}"


# --------------------------------------------------------------------------- the widget

class CodingWidget:
    """ipywidgets on top of a :class:`CodingSession`: the segment with the turn before it,
    one toggle per code (numbered, grouped under their parent), a memo box, Previous / Next
    / Skip-to-next-uncoded buttons and a box where typing code numbers, n, p or s and Enter
    does the same from the keyboard. Every action is saved at once by the session.

    Displayed where there is no widget frontend (papermill, nbconvert), it also prints a
    one-line summary, so a run never shows a bare widget model."""

    def __init__(self, study, coder: str, out=None, read_only: bool = False, kinds=KINDS,
                 include_names: bool = False):
        import ipywidgets as w

        from kit.privacy import roster

        self.session = CodingSession(study, coder, path=out, kinds=kinds, read_only=read_only)
        self._people = roster(self.session.study)
        self._include_names = include_names
        self._refreshing = False
        s = self.session
        self.header = w.HTML()
        self.context = w.HTML()
        self.text = w.HTML()
        self.keys = w.Text(placeholder="code numbers, or n / p / s, then Enter", continuous_update=False,
                           description="Type:", layout=w.Layout(width="420px"))
        self.keys.observe(self._on_keys, names="value")
        self.toggles: dict[str, w.ToggleButton] = {}
        groups: dict[str, list] = {}
        for number, code in enumerate(s.codes, start=1):
            definition = s.study.codebook.get(code).definition if s.study.codebook.get(code) else ""
            button = w.ToggleButton(description=f"{number} {code}", tooltip=f"{number}: {definition}",
                                    layout=w.Layout(width="210px"))
            button.observe(self._on_toggle(code), names="value")
            self.toggles[code] = button
            groups.setdefault(_top(s.study.codebook, code), []).append(button)
        self.code_box = w.HBox([w.VBox([w.HTML(f"<b>{html.escape(top)}</b>")] + buttons)
                                for top, buttons in groups.items()])
        self.memo = w.Textarea(placeholder="memo (why this code, doubts, ideas)", continuous_update=False,
                               description="Memo:", layout=w.Layout(width="640px", height="60px"))
        self.memo.observe(self._on_memo, names="value")
        self.previous_button = w.Button(description="\u25c0 Previous (p)", tooltip="previous segment (type p)")
        self.next_button = w.Button(description="Next (n) \u25b6", tooltip="next segment (type n)")
        self.skip_button = w.Button(description="Next uncoded (s) \u23ed", tooltip="next segment without a code (type s)",
                                    layout=w.Layout(width="200px"))
        self.previous_button.on_click(lambda _: self._act(s.previous))
        self.next_button.on_click(lambda _: self._act(s.next))
        self.skip_button.on_click(lambda _: self._act(s.next_uncoded))
        self.status = w.HTML()
        self.box = w.VBox([self.header, self.context, self.text, self.keys, self.code_box, self.memo,
                           w.HBox([self.previous_button, self.next_button, self.skip_button]), self.status])
        self.refresh()

    def _shown(self, text) -> str:
        """Text as the widget shows it: an executed notebook is shared, so contact details
        and (unless names are asked for) the roster's names are redacted."""
        from kit.privacy import redact

        return redact(str(text or ""), self._people, names=not self._include_names)

    def _act(self, action) -> None:
        action()
        self.refresh()

    def _on_keys(self, change) -> None:
        if self._refreshing or not change["new"]:
            return
        self.session.command(change["new"])
        self.refresh()

    def _on_toggle(self, code):
        def handler(change):
            if self._refreshing:
                return
            if (code in self.session.codes_of()) != bool(change["new"]):
                try:
                    self.session.toggle(code)
                except (ValueError, OSError) as exc:
                    self.session.message = f"not saved: {exc}"
            self.refresh()
        return handler

    def _on_memo(self, change) -> None:
        if self._refreshing:
            return
        try:
            self.session.set_memo(change["new"])
        except OSError as exc:
            self.session.message = f"not saved: {exc}"
        self.refresh()

    def refresh(self) -> None:
        """Show the session's current segment, codes, memo and message."""
        s = self.session
        self._refreshing = True
        try:
            seg = s.current
            done, total = s.progress()
            if not seg:
                self.header.value = "<b>No segments to code.</b>"
                return
            who = seg["participant"] or "participant"
            self.header.value = (f"<b>{html.escape(seg['segment_id'])}</b> &middot; {seg['kind']} &middot; "
                                 f"{html.escape(who)} &middot; segment {s.position + 1} of {total} &middot; "
                                 f"{done} coded by {html.escape(s.coder)}")
            context, text = self._shown(seg["context"]), self._shown(seg["text"])
            self.context.value = f"<div style='color:#555;font-style:italic'>{html.escape(context)}</div>"
            self.text.value = f"<div style='font-size:1.15em;margin:6px 0'>{html.escape(text)}</div>"
            applied = set(s.codes_of())
            for code, button in self.toggles.items():
                button.value = code in applied
                button.icon = "check" if code in applied else ""
            self.memo.value = s.memo_of()
            self.keys.value = ""
            self.status.value = f"<small>{html.escape(s.message)}</small>"
        finally:
            self._refreshing = False

    def summary(self) -> str:
        return self.session.summary()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        print(self.summary())
        display(self.box)


def _top(codebook, code: str) -> str:
    seen, node = set(), code
    while True:
        entry = codebook.get(node)
        parent = entry.parent if entry else None
        if not parent or parent in seen or codebook.get(parent) is None:
            return node
        seen.add(node)
        node = parent


def coding_widget(study, coder: str = "", include_names: bool = False) -> CodingWidget:
    """The widget a notebook shows: for ``coder`` on the study, except that with no coder it
    is a read-only demo (of the study as loaded: a read-only session writes nothing; copying
    and loading a study of thousands of interviews again took seconds, issue 20 F10), and on
    the bundled pilot it codes a temporary copy (the pilot itself is never written)."""
    study = as_study(study, strict=False)
    coder = str(coder or "").strip()
    if not coder:
        return CodingWidget(study, "demo", read_only=True, include_names=include_names)
    if _is_pilot(study.path):
        copy = demo_copy(study)
        widget = CodingWidget(copy, coder, include_names=include_names)
        widget.session.message = f"the bundled pilot is read-only: saving to a copy, {widget.session.path}"
        return widget
    return CodingWidget(study, coder, include_names=include_names)
