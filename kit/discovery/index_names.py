"""What the search index (:mod:`kit.discovery.index`) may store of a repository's names,
and how runs of it share the file.

* **One roster for the whole repository.** The index is searched across studies, so a study's
  texts, segment values, sprint label, folder name and code names are pseudonymised with the
  names and emails of *every* study's ``participants.csv`` (:func:`repository_roster`), not
  only its own: a participant of one study mentioned in another is not found by a search for
  their name. The roster's fingerprint (:func:`roster_signature`, a SHA-256 of the whole set,
  never of one name) is kept in the index: when it changes, the index is rebuilt.
* **Names that are not UTF-8.** A folder or file name holding bytes that are not UTF-8
  (``S\\xe9tude``, read by Python as surrogate escapes) is stored and printed in an escaped
  form (:func:`shown_name`): ``S\\xe9tude``; redacted when, decoded as ``check`` decodes file
  contents (UTF-8, else Windows-1252), it holds a roster name (``Okaf\\xf6r.txt`` -> ``[name].txt``).
* **CJK text.** SQLite's ``unicode61`` tokenizer keeps a run of Chinese or Japanese
  characters as one token, so a word inside a sentence is never found. The index stores such
  runs with a zero-width space (U+200B, a separator for ``unicode61``) between characters
  (:func:`cjk_spaced`): each character is a token and a word typed in the query is matched
  as a phrase of its characters (the unigram indexing of Chinese IR, e.g. Nie, Gao, Zhang &
  Zhou, "On the use of words and n-grams for Chinese information retrieval", IRAL 2000).
  What is shown has the marks taken out again (:func:`cjk_plain`).
* **Concurrent runs.** :func:`index_lock` is an exclusive ``flock`` on the folder
  ``REPO/.interview-kit`` itself: a second ``index`` waits for the first (up to
  :data:`LOCK_WAIT` seconds, then :class:`IndexBusyError`), a search that finds an update
  running waits :data:`SEARCH_WAIT` seconds, then reads the last complete index.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from contextlib import contextmanager
from pathlib import Path

__all__ = ["CJK_MARK", "LOCK_WAIT", "SEARCH_WAIT", "IndexBusyError", "Redactor", "cjk_plain", "cjk_spaced",
           "index_lock", "merged_roster", "name_roster", "repository_roster", "roster_signature", "shown_name",
           "study_labels", "study_roster"]

#: How long (seconds) an ``index`` run waits for another one to finish before giving up.
LOCK_WAIT = 600.0
#: How long (seconds) a search waits for an update another run is making before it reads
#: the last complete index instead.
SEARCH_WAIT = 2.0
CJK_MARK = "\u200b"
# Han (with extensions A and compatibility), kana and the CJK symbols block: scripts written
# without spaces between words. Hangul is written with spaces and is left as it is.
_CJK = "\u3005\u3006\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_CJK_RUN = re.compile(f"[{_CJK}]{{2,}}")


class IndexBusyError(OSError):
    """Another ``interview-kit index`` run is updating the index and did not finish in time."""


# -- names ------------------------------------------------------------------------------------------
def repository_roster(folders):
    """One :class:`kit.privacy.Roster` of every study folder's ``participants.csv`` (only
    that file is read; names, parts, emails and the identifiers of its identifier columns,
    which every stored field hides as ``[id]``, and the languages the studies declare, whose
    declined forms of the names are hidden too, as analyze hides them), and the sorted :func:`roster_signature` of each study's roster (the
    index keeps these: a repository whose rosters are all among those it was built with
    needs no rebuild, e.g. once a study is removed or a copy of one is added)."""
    from kit.privacy import Roster, roster

    each = [roster(str(f)) for f in folders]
    people = Roster(names=tuple(dict.fromkeys(n for r in each for n in r.names)),
                    parts=tuple(dict.fromkeys(n for r in each for n in r.parts)),
                    emails=tuple(dict.fromkeys(n for r in each for n in r.emails)),
                    ids=tuple(dict.fromkeys(n for r in each for n in r.ids)),
                    languages=tuple(sorted({n for r in each for n in r.languages})))  # declined names too
    return people, sorted({roster_signature(r) for r in each})


def name_roster(study):
    """The names, their parts and the emails of :func:`kit.privacy.roster` of ``study`` (a
    loaded study, or a study folder: its participants.csv alone read, as ``roster`` reads
    it), without the identifier and category cells, which the index's roster does not carry
    (:func:`repository_roster`, :func:`merged_roster`): a third of the work of ``roster``."""
    import pandas as pd

    from kit.privacy import Roster, _name_parts
    from kit.privacy_columns import person_cells

    if isinstance(study, (str, os.PathLike)):
        path = Path(study) / "participants.csv"
        if not path.is_file():
            return Roster()
        from kit.csvio import read_rows

        rows, _, _ = read_rows(path)
        columns = list(dict.fromkeys(c for r in rows for c in r))
        people = pd.DataFrame({c: [r.get(c, "") for r in rows] for c in columns})
    else:
        people = study.participants
    names, emails = person_cells(people)
    return Roster(names=tuple(dict.fromkeys(names)), parts=tuple(dict.fromkeys(_name_parts(names))),
                  emails=tuple(dict.fromkeys(emails)))


def study_roster(study, people):
    """The roster every stored field of ``study`` (a loaded study) is pseudonymised with:
    :func:`merged_roster` of the study's own roster, with its third speakers' labels (a child,
    a vet nurse: neither the team nor a participant) as names, and ``people`` (the
    repository's). A third speaker's label is a name in the index as in check and the
    published outputs (:mod:`kit.third_speaker_names`, newcomer s15 F8): a search for it finds
    nothing, ``search --include-names`` shows it."""
    from kit.privacy import roster
    from kit.third_speaker_names import with_third_speakers

    return merged_roster(with_third_speakers(roster(study), study), people)


def merged_roster(own, people):
    """``people`` (the repository's roster), with the names of ``own`` (a study's roster as
    loaded) it lacks added; ``people`` itself (its compiled matcher reused) when it has them."""
    from kit.privacy import Roster

    if people is None:
        return own
    if set(own.names) <= set(people.names) and set(own.parts) <= set(people.parts) \
            and set(own.emails) <= set(people.emails) and set(own.ids) <= set(people.ids) \
            and set(own.languages) <= set(people.languages):
        return people
    return Roster(names=tuple(dict.fromkeys(people.names + own.names)),
                  parts=tuple(dict.fromkeys(people.parts + own.parts)),
                  emails=tuple(dict.fromkeys(people.emails + own.emails)),
                  ids=tuple(dict.fromkeys(people.ids + own.ids)),
                  languages=tuple(sorted(set(people.languages) | set(own.languages))))


def roster_signature(people) -> str:
    """A SHA-256 of the whole roster (names, parts, emails, identifiers, sorted; and the
    declared languages, when there are any): it tells whether what to hide changed, without
    the index holding any of it."""
    whole = [sorted(people.names), sorted(people.parts), sorted(people.emails), sorted(people.ids)]
    data = json.dumps(whole + ([sorted(people.languages)] if people.languages else []), ensure_ascii=True)
    return hashlib.sha256(data.encode("ascii")).hexdigest()


def _raw_bytes(name: str) -> bytes:
    return name.encode("utf-8", "surrogateescape")


def shown_name(name: str, people=None) -> str:
    """A folder or file name as the index stores and prints it: roster names, emails and
    phones redacted (:func:`kit.privacy.redact`); a name holding bytes that are not UTF-8 in
    escaped form (``S\\xe9tude``), or redacted as decoded by ``check`` (UTF-8, else
    Windows-1252, else Latin-1) when that decoded form holds a roster name. Always valid
    UTF-8."""
    from kit.outputs import undecodable_shown
    from kit.privacy import redact

    name = str(name)
    return redact(undecodable_shown(name, people), people) if name else name


def study_labels(folders, people) -> dict:
    """folder -> the study's label in the index (:func:`shown_name` of its folder name).
    Two folders whose names read the same once redacted (``S-Ann Lee``, ``S-Bo Ng`` ->
    ``S-[name]``) are told apart by `` (2)``, `` (3)`` in the order of their raw names."""
    labels, taken = {}, {}
    for folder in sorted(folders, key=lambda f: _raw_bytes(f.name)):
        label = shown_name(folder.name, people)
        n = taken.get(label, 0) + 1
        taken[label] = n
        labels[folder] = label if n == 1 else f"{label} ({n})"
    return labels


class Redactor:
    """:func:`kit.privacy.redact` with the repository's roster, each distinct value redacted
    once (segment values, code names, stages repeat over thousands of rows)."""

    def __init__(self, people):
        self.people = people
        self.done: dict = {}

    def prime(self, values) -> Redactor:
        """Mark the values that redaction provably leaves as they are
        (:func:`kit.privacy_batch.unredacted`, found together in C) as done."""
        from kit.privacy_batch import unredacted

        quiet = unredacted([v for v in dict.fromkeys(values) if isinstance(v, str) and v not in self.done],
                           self.people)
        self.done.update(zip(quiet, quiet))
        return self

    def ids(self, segment_ids, interview_ids) -> list:
        """Segment ids (``<interview_id>#...``) as stored: the interview id part redacted
        (an id made of a transcript's file name may hold a name, or bytes that are not
        UTF-8); an id whose interview id redaction leaves is kept as it is."""
        distinct = set(interview_ids)
        self.prime(distinct)  # those redaction provably leaves, found together (as ``column``)
        shown = {i: self(i) for i in distinct}
        if all(shown[i] == i for i in shown):
            return segment_ids
        return [s if shown.get(i, i) == i or not s.startswith(i) else shown[i] + s[len(i):]
                for s, i in zip(segment_ids, interview_ids)]

    def column(self, values) -> list:
        """``values`` redacted (a column's cells; "" for None), each distinct one once, mapped in C."""
        values = values if type(values) is list else list(values)
        distinct = dict.fromkeys(values)
        if None in distinct:
            values = [v if v is not None else "" for v in values]
            distinct = dict.fromkeys(values)
        self.prime(distinct)
        mapping = {v: self(v) for v in distinct}
        if all(k is v for k, v in mapping.items()):  # nothing redacted (the usual case): the cells as they are
            return list(values)
        return list(map(mapping.__getitem__, values))

    @staticmethod
    def memo(people) -> dict:
        """text -> (pseudonymised, named) of the texts already redacted with ``people`` in
        this run (kept on the roster object: a text repeated across studies, redacted once)."""
        return people.__dict__.setdefault("_index_redacted", {})

    def __call__(self, value):
        if not isinstance(value, str) or not value:
            return value
        out = self.done.get(value)
        if out is None:
            out = self.done[value] = shown_name(value, self.people)
        return out


# -- CJK ----------------------------------------------------------------------------------------------
def cjk_spaced(text):
    """``text`` with :data:`CJK_MARK` between adjacent CJK characters (an ASCII text is
    returned at once, untouched)."""
    if not isinstance(text, str) or text.isascii():
        return text
    return _CJK_RUN.sub(_spaced_run, text)


def _spaced_run(match: re.Match) -> str:
    return CJK_MARK.join(match.group())


def cjk_plain(text):
    """``text`` with the marks of :func:`cjk_spaced` taken out."""
    return text.replace(CJK_MARK, "") if isinstance(text, str) and CJK_MARK in text else text


# -- concurrent runs --------------------------------------------------------------------------------
@contextmanager
def index_lock(folder: Path, wait: float | None = LOCK_WAIT, fallback: bool = False):
    """Hold an exclusive ``flock`` on ``folder`` while the body runs. ``wait``: seconds to
    wait for another holder, then :class:`IndexBusyError`, or with ``fallback`` yield False
    (the body then only reads what is there); ``0`` does not wait and yields False. Yields
    True when held."""
    import fcntl

    fd = os.open(folder, os.O_RDONLY)  # the folder itself: no lock file to leave behind
    try:
        deadline = time.monotonic() + (wait or 0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait:
                    yield False
                    return
                if time.monotonic() >= deadline:
                    if fallback:
                        yield False
                        return
                    raise IndexBusyError(f"{folder}: another `interview-kit index` run has been updating "
                                         f"the index for over {wait:g} s: wait for it to finish and run again") \
                        from None
                time.sleep(0.05)
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
