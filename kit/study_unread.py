"""Files in a study folder that interview-kit does not read, each a located warning.

A study is the files :data:`kit.scaffold.STUDY_FILES` names: ``study.yml``, ``guide.yml``,
``participants.csv``, ``codebook.yml``, ``costs.csv``, ``decisions.csv`` and the folders
``interviews/`` (``*.md`` notes), ``transcripts/`` (its files reported by the study loader
itself; here a folder inside it and an entry that is no regular file, such as a symbolic link
loop without a transcript suffix) and ``codings/`` (``*.csv``). Anything else the kit never looks at, so work put there (a codebook
saved from Excel as ``codebook.csv``, notes as ``.docx``) would vanish without a word: each
such file, or folder, is a warning at line 0 of its path. A file named like one the kit reads
(``codebook.csv``, ``Study.yaml``) says which file the kit reads instead.

Not reported: hidden files and folders (a leading ``.``: ``.git``, ``.gitkeep``,
``.DS_Store``), README-like files (``README``, ``README.md``, ``LICENSE``, ``CHANGELOG``,
``NOTES`` with any suffix) and what operating systems and office programs leave behind
(``Thumbs.db``, ``desktop.ini``, ``~$`` lock files of open Office documents), and a
``schedule/`` folder (the scheduling files of ``templates/schedule/``, kept beside the study).
"""
from __future__ import annotations

import os
from pathlib import Path

from kit.errors import Problem

__all__ = ["KNOWN_FILES", "KNOWN_FOLDERS", "codes_in_no_codebook", "coding_of_nobody", "empty_transcript_noted", "ignored", "unread_files", "unread_rows"]

KNOWN_FILES = ("study.yml", "guide.yml", "participants.csv", "codebook.yml", "costs.csv", "decisions.csv")
"""The top-level files of a study the kit reads."""
KNOWN_FOLDERS = {"interviews": (".md",), "codings": (".csv",)}
"""Folder -> the suffixes of the files read in it (``transcripts/`` is checked by the loader)."""

_README_LIKE = {"readme", "license", "licence", "changelog", "notes"}
_OS_FILES = {"thumbs.db", "desktop.ini", "icon\r"}


def ignored(name: str) -> bool:
    """Whether a file or folder name is exempt: hidden, README-like or left by the system."""
    lower = name.lower()
    return (name.startswith((".", "~$")) or lower in _OS_FILES
            or lower.split(".", 1)[0] in _README_LIKE)


def _instead(name: str) -> str | None:
    """The file the kit reads for something named like it (``codebook.csv`` -> codebook.yml)."""
    stem = name.lower().rsplit(".", 1)[0] if "." in name else name.lower()
    return next((known for known in KNOWN_FILES if known.rsplit(".", 1)[0] == stem and known != name), None)


def _entries(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError:
        return []


def unread_files(root, top_level_transcripts: bool = False, transcript_suffixes=()) -> list[Problem]:
    """Warnings (line 0) for the files and folders of the study at ``root`` the kit does not
    read. ``top_level_transcripts``: the study is a folder of transcripts (no ``interviews/``
    or ``transcripts/``), so top-level files with ``transcript_suffixes`` are read."""
    root = Path(root)
    problems = []

    def warn(path, message):
        problems.append(Problem(str(path), 0, f"not read by interview-kit: {message}", "warning"))

    for entry in _entries(root):
        name = entry.name
        if ignored(name) or name in KNOWN_FILES or name in ("transcripts", "schedule"):
            if name == "transcripts" and entry.is_dir():
                _transcripts(root / name, transcript_suffixes, warn)
            continue
        path = root / name
        if entry.is_dir():
            if name in KNOWN_FOLDERS:
                _folder(path, KNOWN_FOLDERS[name], warn)
            else:
                warn(path, f"the folder {name}/ is not part of a study (interviews/, transcripts/, codings/)")
            continue
        if top_level_transcripts and Path(name).suffix.lower() in transcript_suffixes:
            continue
        known = _instead(name)
        if known:
            warn(path, f"the {known.rsplit('.', 1)[0]} is {known}" + _how(known))
        else:
            warn(path, f"a study is {', '.join(KNOWN_FILES)} and the folders interviews/, "
                       "transcripts/ and codings/; move the file out of the study or into its place")
    return problems


def _how(known: str) -> str:
    if known == "codebook.yml":
        return (" (a YAML list of codes with name, definition and keywords, docs/study-format.md); "
                "a codebook kept in a spreadsheet is not read, so nothing is coded by it")
    return f" (docs/study-format.md): rename or convert the file to {known}"


def _folder(folder: Path, suffixes, warn) -> None:
    for entry in _entries(folder):
        if ignored(entry.name):
            continue
        if entry.is_dir():
            warn(folder / entry.name, f"{folder.name}/ is read one level deep: a folder inside it is not")
        elif _suffix(entry.name).lower() not in suffixes:
            warn(folder / entry.name, f"{folder.name}/ holds {' and '.join(suffixes)} files")


def _transcripts(folder: Path, suffixes, warn) -> None:
    """What of ``transcripts/`` the study loader passes over without a word: a folder inside
    it, and an entry without a transcript suffix that is no regular file (a symbolic link loop,
    a dangling link, a named pipe). A regular file without a transcript suffix and every file
    with one are the loader's to report."""
    suffixes = tuple(s.lower() for s in suffixes) or (".vtt", ".srt", ".txt", ".docx")
    for entry in _entries(folder):
        name = entry.name
        if name.startswith(".") or name.lower() == "readme.md" or _suffix(name).lower() in suffixes:
            continue
        try:
            if entry.is_dir():
                warn(folder / name, "transcripts/ is read one level deep: a folder inside it is not; "
                                    "move its transcripts up into transcripts/")
                continue
            if entry.is_file():
                continue
        except OSError:  # a link loop: is_dir()/is_file() raise on some systems
            pass
        warn(folder / name, f"{name} is {_what(folder / name)}, not a transcript; replace it with the file itself")


def _what(path: Path) -> str:
    """What a transcripts/ entry that is neither a folder nor a regular file is, in words."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if os.path.islink(path):
            return "a symbolic link loop (it never reaches a file)" if exc.errno == 40 else \
                "a symbolic link to nothing (its target is missing)"
        return "not readable"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    return "a special file (a device or a socket)"


def _suffix(name: str) -> str:
    """``Path(name).suffix`` of a plain file name, without building a Path (a study's folders
    hold thousands of files): from its last dot, unless that dot is first or last."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def codes_in_no_codebook(uncoded: dict) -> list[Problem]:
    """Warnings for manual codings whose codes no codebook defines (the study has no
    ``codebook.yml``). ``uncoded``: code -> (file, first line, [lines]). One warning per code,
    at its first coding's line, naming the code and how many codings use it.

    Such codings are read (they stay in ``Study.codings`` and a QDPX export), but a theme is
    a group of the codebook's codes, so they count in no theme, no saturation figure and no
    quotes per code until the code is defined in ``codebook.yml``: counting them as themes of
    their own would put labels nobody defined beside defined ones in the findings."""
    problems = []
    for code, (path, line, lines) in sorted(uncoded.items(), key=lambda item: (str(item[1][0]), item[1][1])):
        problems.append(Problem(str(path), line, f"code {code!r} ({len(lines)} coding(s)) is in no codebook: "
                                "the study has no codebook.yml, so its codings are read but count in no theme "
                                f"(a theme groups the codebook's codes); define {code!r} in codebook.yml", "warning"))
    return problems


def empty_transcript_noted(problems, front) -> list:
    """``problems`` of a transcript that could not be read, its "empty transcript" error a
    warning when a note names it (``front``: the note's front matter): the interview is known
    from its note (a failed recording, "notes from memory"), so the other interviews' report is
    still built (newcomer s15 F16). Without a note the error stays."""
    from kit.errors import Problem

    if not front:
        return list(problems)
    return [Problem(p.path, p.line, "empty transcript: the interview is read from its note alone (its turns, "
                    "talk ratio and quotes from the recording are missing); add the text or remove the file "
                    "and the note's `transcript:`", "warning")
            if p.is_error and p.message.startswith("empty transcript:") else p for p in problems]


# codings/*.csv rows (newcomer s15): F15, a header without segment/code names the rows it leaves
# unread; F9, a coding of a turn that counts for no participant is warned
def unread_rows(path, rows, columns, problems) -> tuple[list, list]:
    """``(rows, problems)`` of one coding file: no rows when its header lacks ``segment`` or
    ``code``, the header's error then naming the lines not read."""
    if not rows or ("segment" in columns and "code" in columns):
        return rows, problems
    lines = [int(r.get("_line") or 0) for r in rows]
    span = f"line {lines[0]}" if len(lines) == 1 else f"lines {lines[0]}-{lines[-1]}"
    said = []
    for problem in problems:
        if problem.line <= 1 and problem.is_error and problem.message.startswith("missing column(s):"):
            problem = Problem(problem.path, problem.line, f"{problem.message}: its rows ({span}) are not read "
                              "because of it; head the columns segment,code,coder,memo", problem.level)
        said.append(problem)
    return [], said


def _nobody_turns(study) -> dict:
    """``{segment id: whose turn}`` of the turns that count for no participant in interviews
    that name one (an interview no note names is warned about on its own)."""
    turns = study.turns
    if not len(turns) or "participant" not in turns.columns:
        return {}
    named = set(turns.loc[turns["participant"].fillna("").astype(str) != "", "interview_id"].tolist())
    out = {}
    for sid, iid, role, pid in zip(turns["segment_id"].tolist(), turns["interview_id"].tolist(),
                                   turns["role"].tolist(), turns["participant"].tolist()):
        if iid in named and not (isinstance(pid, str) and pid):
            out[sid] = {"interviewer": "the interviewer's turn",
                        "observer": "an observer's turn"}.get(role, "a third speaker's turn")
    return out


def coding_of_nobody(path, line: int, segment: str, study, seen: dict) -> list[Problem]:
    """A warning when the coded ``segment`` is a turn that counts for no participant (``seen``:
    a dict this function fills once per load with :func:`_nobody_turns`)."""
    if "turns" not in seen:
        seen["turns"] = _nobody_turns(study)
    whose = seen["turns"].get(segment)
    if not whose:
        return []
    return [Problem(str(path), line, f"segment {segment!r} is {whose}, not the participant's: this coding counts "
                    "for no participant and is in no theme or table; check the turn number (a third speaker "
                    "shifts the numbering)", "warning")]
