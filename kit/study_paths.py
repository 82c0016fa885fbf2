"""Where a study's files really are: the study loader's ``realpath`` with cached folders and
the directory reads it already made, and whether a file lies inside the study (a symbolic
link out of it, or a loop, is never followed).

A note's ``transcript:`` written as Windows or macOS find it is found on Linux too (newcomer
s14 F12, :meth:`StudyPaths._loose_transcript`): a name that differs from the file's only in
capitals (``INT-007.docx`` for ``int-007.DOCX``), in Unicode normalisation (NFC against the
NFD names macOS writes), in spaces around it or in ``\\`` for ``/``, or only in its transcript
extension (``.txt`` for ``.vtt``), is read with a warning naming the file used; two such
files are an error naming both, and neither is read as an interview of its own."""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path

__all__ = ["StudyPaths", "leaves_study", "loose_key"]


def loose_key(name: str) -> str:
    """A file name as a note may write it otherwise, as a key: in any capitals and Unicode form,
    without spaces around it (``kit.review`` finds a transcript's note by it)."""
    return "\0" + unicodedata.normalize("NFC", str(name).strip()).casefold()


def leaves_study(name: str) -> bool:
    """Whether a path written in a note (``transcript:``) is absolute (``/etc/passwd``,
    ``C:\\notes.txt``); a relative path climbing out with ``..`` is caught when resolved."""
    from pathlib import PurePosixPath, PureWindowsPath

    return any(pure.is_absolute() or bool(pure.anchor)
               for pure in (PurePosixPath(name), PureWindowsPath(name)))


class StudyPaths:
    """Mixin of the study loader (needs ``root``)."""

    def _named_transcript(self, front):
        """The file a note's `transcript:` key names, if it exists inside the study, else None."""
        name = front.get("transcript")
        if not name or leaves_study(str(name)):
            return None
        candidates = [self.root / "transcripts" / str(name), self.root / str(name)]
        found = next((c for c in candidates if c.is_file() and self._inside(c)), None)
        return found if found is not None else self._loose_transcript(str(name))[0]  # newcomer s14 F12

    def _transcript_of(self, front, iid, by_stem, note=None) -> tuple:
        """``(file, named)``: the transcript file of a note, its `transcript:` key's file
        (``named``, None when it names none that is readable) or else transcripts/<id>.*;
        worked out once per ``note`` (the loader asks when it lists the files to parse and
        again when it reads the note: each a stat or two and a realpath).

        A `transcript:` key naming a file that is missing (or outside the study) is reported at
        its line by the loader; the file matching the note's id, if any, is read instead (and
        the report says so), so that file is never refused as "a second transcript"."""
        found = self.__dict__.setdefault("_note_transcripts", {})
        if note is not None and (got := found.get(id(note))) is not None and got[0] is note:
            return got[1]
        named = self._named_transcript(front)
        if named is not None:
            got = named, named
        else:
            got = (by_stem[iid][0] if iid in by_stem else self._loose_stem(iid, by_stem)), None
        if note is not None:
            found[id(note)] = (note, got)  # the note kept with it: its id is not reused meanwhile
        return got

    def _scanned(self, folder) -> None:
        """Remember the real path of every entry of ``folder`` that is not a symbolic link,
        from one directory read (``os.scandir`` tells links apart by the entry's type,
        without an ``lstat`` each): what :meth:`_real` would work out for it. A folder that
        cannot be read is left to :meth:`_real`."""
        known = self.__dict__.setdefault("_real_entries", {})
        where = os.fspath(folder)
        try:
            real = self._real_folder(where)
            with os.scandir(where) as entries:
                for entry in entries:
                    if not entry.is_symlink():
                        known[entry.path] = os.path.join(real, entry.name)
        except (OSError, RuntimeError):
            return

    def _real_folder(self, folder: str) -> str:
        folders = self.__dict__.setdefault("_real_folders", {})
        real = folders.get(folder)
        if real is None:
            real = folders[folder] = str(Path(folder or ".").resolve())
        return real

    def _real(self, path) -> str:
        """``os.path.realpath(path)`` (every symbolic link followed), with the folders'
        real paths cached: a file that is not itself a link costs one ``lstat``, not one
        per component of its path (a study reads thousands of files from a few folders),
        and none when its folder was read by :meth:`_scanned`."""
        path = os.fspath(path)
        known = self.__dict__.get("_real_entries")
        if known:
            real = known.get(path)
            if real is not None:
                return real
        folder, name = os.path.split(path)
        if name in ("", ".", "..") or os.path.islink(path):
            return str(Path(path).resolve())  # a link loop raises RuntimeError, as before
        return os.path.join(self._real_folder(folder), name)

    def _inside(self, path: Path) -> bool:
        """Whether ``path``, with every symbolic link followed, lies inside the study."""
        root = self.__dict__.get("_resolved_root")
        if root is None:
            root = self.__dict__["_resolved_root"] = str(self.root.resolve())
        try:
            real = self._real(path)
        except (ValueError, OSError, RuntimeError):
            return False
        return real == root or real.startswith(root.rstrip(os.sep) + os.sep)

    # -- a transcript: name written otherwise (newcomer s14 F12) ------------------------------
    def _listing(self, folder: Path) -> list[str]:
        """The names in ``folder`` (read once), ``[]`` when it cannot be read."""
        cache = self.__dict__.setdefault("_listings", {})
        key = os.fspath(folder)
        if key not in cache:
            try:
                cache[key] = sorted(os.listdir(key))
            except OSError:
                cache[key] = []
        return cache[key]

    def _loose_transcript(self, name: str) -> tuple:
        """``(path, how, near)`` for a ``transcript:`` value ``name`` no file has exactly: the
        one file inside the study whose name differs only as the module doc says (``how`` says
        in what), or ``(None, "", near)`` with ``near`` the files that all fit equally (none or
        several)."""
        from kit.study import TRANSCRIPT_SUFFIXES

        written = str(name).replace("\\", "/").strip()
        if not written or written.endswith("/"):
            return None, "", []
        bases = [self.root / "transcripts", self.root]
        target = Path(written)

        def nfc(text):
            return unicodedata.normalize("NFC", text.strip())

        tiers = (
            ("spaces, Unicode form (NFC, NFD) or a backslash", lambda e: nfc(e) == nfc(target.name)),
            ("capitals", lambda e: nfc(e).casefold() == nfc(target.name).casefold()),
            ("extension", lambda e: (nfc(Path(e).stem).casefold() == nfc(target.stem).casefold()
                                     and Path(e).suffix.strip().lower() in TRANSCRIPT_SUFFIXES)),
        )
        for how, fits in tiers:
            found = []
            for base in bases:
                folder = (base / target).parent
                found += [folder / e for e in self._listing(folder) if fits(e)]
            found = [f for f in dict.fromkeys(found) if f.is_file() and self._inside(f)]
            if len(found) == 1:
                return found[0], how, found
            if found:
                return None, "", found
        return None, "", []

    def _loose_stem(self, iid: str, by_stem: dict):
        """The transcript named after interview ``iid`` in other capitals or Unicode form
        (``int-007.DOCX`` for a note ``INT-007`` with no ``transcript:`` line), when exactly
        one file is; else None."""
        key = unicodedata.normalize("NFC", iid.strip()).casefold()
        found = self._stems_by_key(by_stem).get(key, ())
        return found[0] if len(found) == 1 else None

    def _stems_by_key(self, by_stem: dict) -> dict:
        """The files of ``by_stem`` under their stems' keys as :meth:`_loose_stem` compares them
        (in ``by_stem``'s order), worked out once per ``by_stem``: not once per note."""
        cached = self.__dict__.get("_stem_keys")
        if cached is not None and cached[0] is by_stem and cached[1] == len(by_stem):
            return cached[2]
        keyed: dict = {}
        for stem, files in by_stem.items():
            keyed.setdefault(unicodedata.normalize("NFC", stem.strip()).casefold(), []).extend(files)
        self._stem_keys = (by_stem, len(by_stem), keyed)
        return keyed

    def _loose_problems(self, note_path, line_of, front, iid, tpath, used: set) -> None:
        """Say which file a note's transcript was read from when its name was written
        otherwise (a warning at the note's ``transcript:`` line, or its ``id:`` line when it
        has none); with several files that fit, keep them from being read as interviews of
        their own (the note's error names them)."""
        name = str(front.get("transcript") or "")
        if name and not _exact(self.root, name):
            path, how, near = self._loose_transcript(name)
            if path is None:
                used.update(self._real(f) for f in near)
            elif tpath is not None and os.fspath(path) == os.fspath(tpath):
                shown = Path(path).relative_to(self.root).as_posix()
                self.problem(note_path, line_of("transcript"),
                             f"transcript {name!r} is read from {shown}, whose name differs in {how}: write the "
                             "file's name as it is (a case-sensitive system such as Linux or CI finds only that)",
                             "warning")
        elif not name and tpath is not None and Path(tpath).stem != iid:
            self.problem(note_path, line_of("id"),
                         f"no `transcript:` line: read {Path(tpath).relative_to(self.root).as_posix()}, named after "
                         f"the interview id {iid!r} in other capitals or Unicode form: name the file as the id, or "
                         "add a `transcript:` line", "warning")

    def _near_names(self, name: str) -> str:
        """The files a missing ``transcript:`` value may mean, for its error (``""`` for none)."""
        _path, _how, near = self._loose_transcript(name)
        if not near:
            return ""
        return ("; files whose names differ from it only in capitals, Unicode form or extension: "
                + ", ".join(Path(f).relative_to(self.root).as_posix() for f in near)
                + " (none is read: write the one meant)")


def _exact(root: Path, name: str) -> bool:
    """Whether a ``transcript:`` value names a file exactly (as :meth:`_named_transcript` looks)."""
    return any((base / name).is_file() for base in (root / "transcripts", root))
