"""One participant's consent to be quoted, compared across the studies of a repository.

A tenant who said yes in sprint 1 and no in sprints 2-4 withdrew their consent; the sprint 1
sheet still says yes. :func:`consent_conflicts` finds every participant whose ``consent_quote``
differs between the studies of a repository (the same email, or the same participant id, compared as
the consent rules compare ids, AND the same name or email where both rows have one: every study made
by ``new`` numbers its people P-001, P-002..., so an id alone says nothing across studies; rows with
the same id and another name and email are other people, not compared, and each sheet says so once
without names), with a located warning at each of their rows naming the
others (``path:line``). Where the repository is read (``interview-kit index`` and ``search``)
the most restrictive answer wins: :func:`apply_to_index` marks their passages in every study
of the index as not consented (``docs.consent_quote = 0``), and restores a passage once its
study's sheets agree again. ``check`` of a study inside a repository gives the warnings about
its own rows (:func:`study_consent_conflicts`). A withdrawal outlives the study that recorded
it (:func:`remembered_withdrawals`: ``REPO/.interview-kit/consent-withdrawn.csv``): archiving or
deleting the sprint that said no does not give the consent back.

Cost: each study's participants.csv is read once by :func:`apply_to_index` (about 25 ms a 1,200-row sheet: 0.1 s CPU for the
newcomer's four sprints, at every index update and search), and the
index gets one UPDATE a withdrawn participant.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kit.errors import Problem

__all__ = ["WITHDRAWN_FILE", "ConsentRow", "apply_to_index", "consent_conflicts", "consent_rows",
           "remembered_withdrawals", "study_consent_conflicts"]

_WITHDREW = "(status withdrawn)"  # ConsentRow.written of a participant who withdrew from the study
_META_KEY = "consent_withdrawn_across_studies"  # the (study, participant) pairs apply_to_index set to 0


@dataclass(frozen=True)
class ConsentRow:
    """One row of a study's participants.csv: where it is, whose it is, what it says."""

    folder: Path
    path: str
    line: int
    participant: str  # the id as written (stripped)
    key: str          # the id as the consent rules compare it (kit.study_check_ids.id_key)
    email: str        # kit.consent_record.person_email ("" when none)
    name: str         # folded (lower case, no accents), its words sorted ("QUIGLEY Siobhán" = "Siobhán Quigley")
    consent: bool     # consent_quote is yes
    written: str = "" # consent_quote as written (stripped): what a warning quotes


def consent_rows(folder) -> list[ConsentRow]:
    """The rows of ``folder``'s participants.csv that have an id and a ``consent_quote``
    column (any header that folds to it or names it: :mod:`kit.column_roles`), their name and
    email those of the columns read as ``name`` and ``email`` whatever their headers, the first row of an id only (the one the study reads);
    [] without the file or the column. Problems of the
    file are the study's own (``check`` reports them) and are not repeated here."""
    from kit.consent_record import person_email, sorted_name
    from kit.schema import YES
    from kit.study_check_ids import id_key
    from kit.study_columns import WITHDRAWN, fold_status, read_participant_rows

    folder = Path(folder)
    path = folder / "participants.csv"
    if not path.is_file():
        return []
    # the rows the study reads, its columns read by their role whatever their headers (`Member Full Name`,
    # `Primary Email`: newcomer s16 F8), without the problems (the study's own)
    rows, columns, _ = read_participant_rows(path)
    if "consent_quote" not in columns:
        return []
    out, seen = [], set()
    where = str(path)
    for row in rows:
        pid = str(row.get("id") or "").strip()
        if not pid or pid in seen:  # a later row of the same id is ignored by the study, so here too (attacker s15 A11)
            continue
        seen.add(pid)
        email = person_email(row.get("email"))  # mailto:, case and a trailing dot aside (attacker s16 A13)
        name = sorted_name(row.get("name"))  # any order
        written = str(row.get("consent_quote") or "").strip()
        if fold_status(row.get("status")) == WITHDRAWN:  # withdrew from the study: a no (newcomer s14 F9)
            written = _WITHDREW
        out.append(ConsentRow(folder, where, int(row.get("_line", 0)), pid, id_key(pid), email, name,
                              written.lower() in YES, written))
    return out


def same_person(a: ConsentRow, b: ConsentRow) -> bool | None:
    """Whether two rows with the same id key are one person: in one sheet always (the study's
    own id); across studies when their emails are one address or their names have the same
    words (any order or case), compared only where both rows have one; ``None`` when neither can
    be compared (no name or email on one side) or a name may be the other's short form with no
    email to tell them apart: the id alone then joins them (fail closed: the most restrictive
    consent is used) unless that would join two rows known to be other people."""
    if a.folder == b.folder:
        return True
    if a.email and b.email and a.email == b.email:
        return True
    names = _names_agree(a.name, b.name) if a.name and b.name else None
    if names:
        return True
    if (a.email and b.email) or names is False:
        return False
    return None  # neither compared, or names that may be one person ("S. Quigley"): the id joins them


def _names_agree(a: str, b: str) -> bool | None:
    """Two folded names with sorted words: ``True`` when their words are the same, ``None`` when
    one could be the other written short (``s quigley`` / ``quigley siobhan``: every word of the
    shorter is a word or the initial of a word of the longer; attacker s16 A13: unsure is not
    "another person"), ``False`` otherwise."""
    if a == b:
        return True
    short, long_ = sorted((a.replace(".", " ").split(), b.replace(".", " ").split()), key=len)
    rest = list(long_)
    for word in short:
        match = next((w for w in rest if w == word or (len(word) == 1 and w.startswith(word))), None)
        if match is None:
            return False
        rest.remove(match)
    return None


def _groups(rows: list[ConsentRow], others: list | None = None) -> list[list[ConsentRow]]:
    """The rows of one person: the same email, or the same id key and :func:`same_person`
    (joined transitively). ``others`` gets the pairs with the same id key that are not."""
    parent = list(range(len(rows)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict = {}
    by_id: dict = {}
    unsure, apart = [], {}
    for i, row in enumerate(rows):
        if row.email:
            if row.email in first:
                parent[find(i)] = find(first[row.email])
            else:
                first[row.email] = i
        for j in by_id.setdefault(row.key, []):
            same = same_person(rows[j], row)
            if same:
                parent[find(i)] = find(j)
            elif same is None:
                unsure.append((j, i))
            else:
                apart.setdefault(row.key, []).append((j, i))
                if others is not None:
                    others.append((rows[j], row))
        by_id[row.key].append(i)
    for j, i in unsure:  # the id alone, unless it joins two rows known to be other people
        a, b = find(j), find(i)
        if a != b and not any({find(x), find(y)} == {a, b} for x, y in apart.get(rows[i].key, ())):
            parent[b] = a
    groups: dict = {}
    for i in range(len(rows)):
        groups.setdefault(find(i), []).append(rows[i])
    return list(groups.values())


def _where(row: ConsentRow) -> str:
    return f"{row.path}:{row.line}"


def _said(row: ConsentRow) -> str:
    """``row``'s consent_quote as a warning shows it: ``yes`` / ``no`` for a yes/no value, else
    the value as written and how it is read (newcomer F12: ``yes - but not my name`` is not "no")."""
    from kit.schema import NO, YES

    value = row.written
    if value == _WITHDREW:
        return "no (status withdrawn)"
    if value.lower() in YES:
        return "yes"
    if not value:
        return "empty (read as no)"
    if value.lower() in NO:
        return "no"
    shown = value if len(value) <= 40 else value[:39] + "…"
    return f"{shown!r} (not a yes/no value, read as no)"


def consent_conflicts(folders) -> tuple[list[Problem], set[tuple[Path, str]]]:
    """``(warnings, withdrawn)`` for the study folders of one repository: a located warning at
    each row of a participant whose consent to be quoted differs between the studies (or
    within one sheet), naming the other rows; ``withdrawn`` the ``(folder, participant id)``
    pairs whose own sheet says yes while another says no (their words are withheld where
    the repository is read)."""
    return _conflicts([r for folder in folders for r in consent_rows(folder)])


def _conflicts(rows: list[ConsentRow]) -> tuple[list[Problem], set[tuple[Path, str]]]:
    """:func:`consent_conflicts` of the rows already read (every study's, in the studies' order)."""
    warnings, withdrawn, others = [], set(), []
    groups = _groups(rows, others)
    group_of = {id(r): k for k, group in enumerate(groups) for r in group}
    warnings += _other_people(others, group_of)
    for group in groups:
        if len({r.consent for r in group}) < 2:
            continue
        for row in group:
            others = [r for r in group if r.consent != row.consent]
            said = {}  # the others' values, each with where it is written and how it is linked to this row
            for o in others:
                said.setdefault(_said(o), []).append(o)
            shown = "; ".join(f"{value} at " + ", ".join(f"{_where(o)} ({_link(row, o)})" for o in them[:3])
                              + (f" and {len(them) - 3} more" if len(them) > 3 else "") for value, them in said.items())
            if row.consent:
                withdrawn.add((row.folder, row.participant))
                own = any(o.folder == row.folder and o.email and o.email == row.email for o in others)
                advice = ("the most restrictive (no) is used where the repository is read (index, search); this "
                          + ("study's own report withholds them too (the same email in one sheet)" if own else
                             "study's own report still quotes them until consent_quote says no here too"))
            else:
                advice = ("their words are withheld in every study where the repository is read (index, search); "
                          "the other studies' reports still quote them until their sheets say no")
            warnings.append(Problem(row.path, row.line, f"{row.participant}'s consent to be quoted differs across "
                                    f"the repository's studies: {_said(row)} here, {shown}: {advice}",
                                    "warning"))
    return sorted(warnings), withdrawn


def _link(row: ConsentRow, other: ConsentRow) -> str:
    """How ``other`` is linked to ``row`` in a consent warning (attacker s16 A17: a row linked
    only by its email was said to have "the same participant id")."""
    if other.email and other.email == row.email:
        return "the same participant id and email" if other.key == row.key else "the same email"
    if other.key == row.key:
        return "the same participant id"
    return "linked through another row of theirs"


def _other_people(pairs, group_of) -> list[Problem]:
    """One warning for each sheet with rows that share an id with a row of another study whose
    name and email differ (:func:`same_person`) and whose consent differs: not compared (no
    name in the message, only the ids and the other sheets)."""
    mine: dict = {}
    for a, b in pairs:
        if a.consent != b.consent and group_of[id(a)] != group_of[id(b)]:
            mine.setdefault(a.path, {}).setdefault(a.participant, (a, set()))[1].add(b.path)
            mine.setdefault(b.path, {}).setdefault(b.participant, (b, set()))[1].add(a.path)
    out = []
    for path, found in mine.items():
        rows = sorted(found.values(), key=lambda x: x[0].line)
        ids = [r.participant for r, _ in rows]
        shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        sheets = sorted({p for _, where in rows for p in where})
        out.append(Problem(path, rows[0][0].line, f"{len(ids)} participant id(s) here ({shown}) are also used at "
                           f"{', '.join(sheets[:3])}{' and more' if len(sheets) > 3 else ''} for another person (the "
                           "name and email differ) whose consent to be quoted differs: they are not compared (each "
                           "study's own answer is used); if they are one person, write the same email in both "
                           "sheets", "warning"))
    return out


def study_consent_conflicts(study) -> list[Problem]:
    """The warnings of :func:`consent_conflicts` about ``study``'s own rows when it is one of
    the studies of a repository (the folder that holds it holds other studies), and those of
    the withdrawals the repository's index remembers (:func:`remembered_withdrawals`, read
    only: ``check`` warns as ``index`` does); [] otherwise."""
    from kit.discovery.repository import INDEX_DIR, find_studies

    folder = Path(study.path)
    try:
        siblings = find_studies(folder.resolve().parent)
    except Exception:  # noqa: BLE001 - an unreadable parent: no repository to compare with
        return []
    saved = folder.parent / INDEX_DIR / WITHDRAWN_FILE  # withdrawals the index remembers (attacker s13 A13)
    if not (folder / "participants.csv").is_file() or (len(siblings) < 2 and not saved.is_file()) \
            or folder.resolve() not in {s.resolve() for s in siblings}:
        return []
    mine = (folder / "participants.csv").resolve()
    folders = [folder.parent / s.name for s in siblings]  # paths shown as the study's was given
    rows = [r for f in folders for r in consent_rows(f)]
    problems, withdrawn = _conflicts(rows)
    if saved.is_file():  # as the index warns, without writing the file (check changes nothing)
        from kit.discovery.index_names import repository_roster, study_labels

        labels = study_labels(folders, repository_roster(folders)[0])
        problems += remembered_withdrawals(saved.parent, rows, withdrawn, labels, write=False)[1]
    return [p for p in problems if Path(p.path).resolve() == mine]


def apply_to_index(path, folders, labels) -> list[Problem]:
    """Make the index at ``path`` (``docs.study`` the ``labels[folder]`` of each folder) say no
    for every passage of a participant whose consent differs across the studies (the most
    restrictive wins), restore the passages this function withheld before once the sheets
    agree, and return the warnings of :func:`consent_conflicts`."""
    each = {folder: consent_rows(folder) for folder in dict.fromkeys(folders)}  # each sheet read once
    rows = [r for folder in folders for r in each[folder]]
    warnings, withdrawn = _conflicts(rows)
    pairs = {(labels[folder], pid) for folder, pid in withdrawn if folder in labels}
    kept, more = remembered_withdrawals(Path(path).parent, rows, withdrawn, labels)
    pairs |= kept
    warnings = sorted(warnings + more)
    con = sqlite3.connect(path, timeout=60)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = ?", (_META_KEY,)).fetchone()
        before = {tuple(p) for p in json.loads(row[0])} if row else set()
        again = before - pairs  # withheld before, not now: restored where the study's own sheet says yes
        own_yes = {(labels[f], r.participant) for f in each if f in labels for r in each[f] if r.consent} \
            if again else set()
        with con:
            for study, pid in sorted(again & own_yes):  # the sheets agree again
                con.execute("UPDATE docs SET consent_quote = 1 WHERE study = ? AND participant = ?", (study, pid))
            for study, pid in sorted(pairs):
                con.execute("UPDATE docs SET consent_quote = 0 WHERE study = ? AND participant = ?", (study, pid))
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                        (_META_KEY, json.dumps(sorted(pairs))))
    finally:
        con.close()
    return warnings


# -- a withdrawal outlives the study that recorded it (attacker s13 A13) ----------------------------
#: Where the withdrawals seen across studies are remembered (``REPO/.interview-kit/``): not a
#: cache like the index beside it; a participant id and study labels only, no name or email.
WITHDRAWN_FILE = "consent-withdrawn.csv"
_WITHDRAWN_COLUMNS = ("study", "participant", "withdrawn_in", "person")


def _person(row: ConsentRow, key: bytes) -> str:
    """What a remembered withdrawal keeps to find the person again when the study's folder is
    renamed or moved (attacker s16 A1): keyed hashes (the repository's secret,
    :func:`kit.discovery.email_key.keyed_hash`) of their email and of their name's words, never
    the email or the name; "" without a key."""
    from kit.discovery.email_key import keyed_hash

    if not key:
        return ""
    parts = [f"e:{keyed_hash(key, row.email, 32)}"] if row.email else []
    if len(row.name.split()) > 1:
        parts.append(f"n:{keyed_hash(key, row.name, 32)}")
    return " ".join(parts)


def _repository_key(folder: Path, write: bool) -> bytes:
    """The repository's key (``folder/email-key``): made when ``write``, read only otherwise
    (``check`` writes nothing); b"" when there is none."""
    from kit.discovery.email_key import KEY_FILE, email_key

    if write or (folder / KEY_FILE).is_file():
        try:
            return email_key(folder)
        except OSError:
            return b""
    return b""


def _read_withdrawn(folder: Path) -> list[dict]:
    import csv

    path = folder / WITHDRAWN_FILE
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return [r for r in csv.DictReader(fh) if r.get("study") and r.get("participant")]
    except FileNotFoundError:
        return []


def _write_withdrawn(folder: Path, records: list[dict]) -> None:
    import csv
    import io
    import os
    import tempfile

    out = io.StringIO()
    writer = csv.DictWriter(out, _WITHDRAWN_COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(records)
    path = folder / WITHDRAWN_FILE
    if path.is_file() and path.read_text(encoding="utf-8", errors="replace") == out.getvalue():
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{WITHDRAWN_FILE}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(out.getvalue())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def remembered_withdrawals(folder, rows: list[ConsentRow], withdrawn, labels,
                           write: bool = True) -> tuple[set, list[Problem]]:
    """``(pairs, warnings)``: the withdrawals of consent to be quoted that the repository's
    sheets no longer show but that still hold, kept in ``folder/consent-withdrawn.csv``
    (``folder``: ``REPO/.interview-kit``).

    The rule: once a participant said no in one study and yes in another (``withdrawn``,
    :func:`consent_conflicts`), each ``(study, participant)`` pair that said yes is remembered
    with the study that said no. It stays withheld where the repository is read (``pairs``:
    ``(label, participant)``) when that study is archived (``_`` prefix), moved out or
    deleted, or no longer lists them, with a warning at the participant's row, until
    either the study that said no is in the repository and every row of theirs says yes
    (consent given again where it was withdrawn), or the study's own sheet says no (then its
    own answer withholds them and the entry is dropped). Deleting the entry (a line of the
    file) gives the consent back by hand. ``write=False`` (``check``): the file is read, not updated."""
    folder = Path(folder)
    by_label = {labels[f]: f for f in labels}
    groups = _groups(rows)
    group_of = {id(r): g for g in groups for r in g}
    row_of = {(labels.get(r.folder), r.participant): r for r in rows if r.folder in labels}
    key = _repository_key(folder, write)
    records = {(r["study"], r["participant"]): r for r in _read_withdrawn(folder)}
    for f, pid in sorted(withdrawn, key=lambda x: (str(x[0]), x[1])):
        if f not in labels:
            continue
        row = row_of.get((labels[f], pid))
        said_no = sorted({labels.get(o.folder, "") for o in group_of.get(id(row), []) if not o.consent} - {""})
        records[(labels[f], pid)] = {"study": labels[f], "participant": pid, "withdrawn_in": " ".join(said_no),
                                     "person": _person(row, key) if row is not None else ""}
    records = _follow_renamed(records, rows, row_of, labels, key)
    now = {(labels[f], pid) for f, pid in withdrawn if f in labels}
    pairs, warnings, keep = set(), [], []
    for key, record in sorted(records.items()):
        row = row_of.get(key)
        if key in now:
            keep.append(record)
            continue
        if row is not None and not row.consent:
            continue  # its own sheet says no now: the entry is no longer needed
        group = group_of.get(id(row), []) if row is not None else []
        sources = [s for s in record.get("withdrawn_in", "").split(" ") if s]
        if row is not None and any(by_label.get(s) in {o.folder for o in group} for s in sources) \
                and all(o.consent for o in group):
            continue  # consent given again where it was withdrawn: the sheets agree on yes
        keep.append(record)
        if row is None:
            continue  # the study (or their row) is not in the repository now: nothing of theirs is indexed
        pairs.add(key)
        shown = ", ".join(sources) or "another study"
        warnings.append(Problem(row.path, row.line, f"{row.participant} withdrew their consent to be quoted in "
                                f"{shown}, which is no longer in the repository or no longer lists them: the "
                                "withdrawal stays, so their words are withheld where the repository is read (index, "
                                "search); set consent_quote to no here too, or, if they consented again, say yes "
                                f"in that study or delete the line from .interview-kit/{WITHDRAWN_FILE}", "warning"))
    if write and (keep or records):
        _write_withdrawn(folder, keep)
    return pairs, warnings


def _follow_renamed(records: dict, rows: list[ConsentRow], row_of: dict, labels: dict, key: bytes) -> dict:
    """``records`` with each withdrawal whose study and participant are not in the repository now
    moved to the row of the same person (:func:`_person`: the same keyed email or name) in a study
    that is (a study folder renamed or moved: attacker s16 A1, the withdrawal was forgotten and
    their words printed in full); a record that matches no row, or several people, stays as it is."""
    if not key:
        return records
    out = {}
    whose: dict | None = None  # keyed person part -> the rows' (label, participant), made once when needed
    for (study, pid), record in records.items():
        mine = set(str(record.get("person") or "").split())
        if (study, pid) in row_of:  # still there: an older record learns who it is
            out[(study, pid)] = record if mine else dict(record, person=_person(row_of[(study, pid)], key))
            continue
        if not mine:
            out[(study, pid)] = record
            continue
        if whose is None:
            whose = {}
            for r in rows:
                if r.folder in labels:
                    for part in _person(r, key).split():
                        whose.setdefault(part, set()).add((labels[r.folder], r.participant))
        found = set().union(*(whose.get(part, set()) for part in mine))
        found -= set(records)
        if len(found) == 1:
            label, participant = found.pop()
            out.setdefault((label, participant), dict(record, study=label, participant=participant))
        else:
            out[(study, pid)] = record
    return out
