"""Safety rules every command shares: where outputs may go, what a published table may hold,
how big an archive may be, and how files are replaced without leaving anything behind.

- :func:`check_output` is the one rule for every write target (``--out``, ``--qdpx``,
  ``--qdc``, ``--log``, ...): it may not be, contain or lie inside the study or any other
  input, nor lie inside a folder the kit wrote (a published ``run`` report above all),
  and an existing non-empty folder the kit did not write (no :data:`OUTPUT_MARKER`)
  is refused unless ``force``. A folder records the ``kind`` of output in its marker
  (``run``, ``analyze``, ``themes``, ``lab``): outputs of different kinds never mix, so a
  published ``run`` report may only be replaced by ``run``. An existing file is replaced
  only when it is a file of the same kind (a REFI-QDA ``.qdpx`` project, a ``.qdc``
  codebook) or with ``force``; a target that is neither a folder nor a regular file (a named
  pipe, a device such as ``/dev/null``, a socket) is refused even with ``force``. Raises
  :class:`UnsafeTarget` (the CLI exits 2).
- :func:`neutralise_cell` applies the usual leading-apostrophe rule (OWASP, "CSV
  Injection") to a cell a spreadsheet would execute; :func:`neutralise_csv_file` rewrites a
  published CSV with it; ``analyze`` applies it to its tables as it writes them. Other working
  outputs keep the original text.
- :func:`check_archive` bounds a ZIP archive before anything is decompressed
  (:data:`MAX_ARCHIVE_BYTES` in all, :data:`MAX_MEMBER_BYTES` a member,
  :data:`MAX_RATIO` expansion, :data:`MAX_MEMBERS` members).
- :func:`clean_html` (nh3, the Ammonia sanitizer) keeps the markup of a table or a
  rendered Markdown text and drops scripts, event handlers and ``javascript:`` links;
  :func:`sanitize_notebook` applies it to every HTML and Markdown output of an executed
  notebook before it is published as HTML.
- :func:`atomic_write_bytes` replaces a file through a temporary file named after this
  process, keeping the file's mode; :func:`sweep_temp_files` removes the temporary files of
  processes that were killed.
"""
from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from kit.atomic import (  # the one atomic write, re-exported
    atomic_write_bytes,
    atomic_write_text,
)

__all__ = ["UnsafeTarget", "OUTPUT_MARKER", "check_output", "mark_output", "shell_path", "is_kit_output", "output_kind",
           "file_is_kind", "escape_controls", "one_line_path",
           "neutralise_cell", "neutralise_csv_file", "FORMULA_PREFIXES",
           "ArchiveTooLarge", "check_archive",
           "MAX_ARCHIVE_BYTES", "MAX_MEMBER_BYTES", "MAX_RATIO", "MAX_MEMBERS",
           "clean_html",
           "atomic_write_bytes", "atomic_write_text", "sweep_temp_files", "pid_alive", "is_disk_full"]

#: The file the kit writes into every output folder it creates.
OUTPUT_MARKER = ".interview-kit-output"


class UnsafeTarget(Exception):
    """A write target that would overwrite an input, or a folder the kit did not write."""


def _real(path) -> Path:
    return Path(path).expanduser().resolve()


def _relation(target: Path, source: Path) -> str | None:
    if target == source:
        return "is"
    if source in target.parents:
        return "lies inside"
    if target in source.parents:
        return "contains"
    return None


def is_kit_output(folder, legacy: tuple[str, ...] = ()) -> bool:
    """True when ``folder`` holds :data:`OUTPUT_MARKER`, or every file named in ``legacy``
    (what an older version of the kit wrote there)."""
    folder = Path(folder)
    if (folder / OUTPUT_MARKER).is_file():
        return True
    return bool(legacy) and all((folder / name).exists() for name in legacy)


_KIND_LINE = re.compile(r"^kind:\s*(?P<kind>[a-z0-9_-]+)\s*$", re.M)


def output_kind(folder) -> str | None:
    """The kind of output recorded in ``folder``'s :data:`OUTPUT_MARKER` (``"run"``,
    ``"analyze"``, ...); for an older kit's marker without a kind, ``"run"`` when the folder
    holds ``index.html`` (a published report), else None. None without a marker."""
    try:
        text = (Path(folder) / OUTPUT_MARKER).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = _KIND_LINE.search(text)
    if match:
        return match["kind"]
    return "run" if (Path(folder) / "index.html").is_file() else None  # an older kit's published report


def file_is_kind(path, kind: str) -> bool:
    """True when the existing file ``path`` is an output of ``kind``: ``"qdpx"`` a ZIP archive
    holding ``project.qde``, ``"qdc"`` an XML REFI-QDA codebook (``<CodeBook``). Any other
    kind, or a file that cannot be read, is False."""
    path = Path(path)
    try:
        if kind == "qdpx":
            import zipfile

            if not zipfile.is_zipfile(path):
                return False
            with zipfile.ZipFile(path) as archive:
                return "project.qde" in archive.namelist()
        if kind == "qdc":
            with open(path, "rb") as fh:
                head = fh.read(4096)
            return head.lstrip().startswith(b"<?xml") and b"<CodeBook" in head
    except (OSError, ValueError, RuntimeError, EOFError):
        return False
    return False


def check_output(target, inputs, option: str = "--out", folder: bool = True, force: bool = False,
                 legacy: tuple[str, ...] = (), kind: str | None = None, append: bool = False,
                 studies: bool = True) -> Path:
    """The resolved write target, after checking it is safe to write.

    ``inputs`` is an iterable of ``(path, what)`` pairs (or plain paths): the study, the
    kit's notebooks, an input file, another output of the same command. Symlinks are
    followed, so a link into the study is the study. ``folder`` says the target is a folder
    the command fills; an existing non-empty folder must then be a kit output (see
    :func:`is_kit_output`) unless ``force``. With ``kind``, a kit output folder whose marker
    records another kind (:func:`output_kind`) is refused even with ``force`` (a published
    ``run`` report is replaced only by ``run``). For a file target (``folder=False``) with
    ``kind``, an existing file is refused unless :func:`file_is_kind` or ``force``. A file
    target that exists and is not a regular file (a FIFO, a device, a socket) is refused even
    with ``force``, since the output would replace it, unless ``append`` (a log the command
    appends lines to, which replaces nothing: ``--log /dev/stderr`` stays possible). Raises
    :class:`UnsafeTarget` with a message naming the option, the target and the input.
    With ``studies`` (the default) the target may not be, or lie inside, any study folder (a
    folder holding ``study.yml``), whichever study the command reads: a study is edited by
    people and kept in git, and only the commands made for that write into it."""
    real = _real(target)
    for item in inputs:
        path, what = (item if isinstance(item, tuple) else (item, "an input"))
        if path is None:
            continue
        source = _real(path)
        how = _relation(real, source)
        if how:
            raise UnsafeTarget(f"{option} {target}: refused: it {how} {what} ({source}); "
                               "choose a path outside the study and the kit's own files")
    if studies:  # any other study too (the study the command reads is named above)
        _not_inside_a_study(real, target, option)
    if folder:
        if real.exists() and not real.is_dir():
            raise UnsafeTarget(f"{option} {target}: refused: it exists and is not a folder")
        recorded = output_kind(real) if kind is not None and real.is_dir() else None
        if recorded is not None and recorded != kind:
            raise UnsafeTarget(f"{option} {target}: refused: it holds the output of `interview-kit {recorded}`, "
                               "which only that command may replace; choose another folder")
        # the rules --force cannot lift come before those it can, so a refusal never suggests
        # --force for a target that is then refused for another reason (newcomer F21)
        _not_inside_output(real, target, option)
        if real.is_dir() and not force and not is_kit_output(real, legacy):
            try:
                busy = next(iter(real.iterdir()), None) is not None
            except OSError as exc:
                raise UnsafeTarget(f"{option} {target}: cannot read the folder: {exc.strerror or exc}") from None
            if busy:
                raise UnsafeTarget(f"{option} {target}: refused: the folder already holds files interview-kit did "
                                   "not write; choose a new or empty folder, or add --force to write into it")
    elif real.is_dir():
        raise UnsafeTarget(f"{option} {target}: refused: it is a folder; give a file name")
    elif real.exists() and not real.is_file() and not append:
        raise UnsafeTarget(f"{option} {target}: refused: it is {_special_kind(real)}, not a regular file; "
                           "interview-kit replaces only files (even with --force); give a file name")
    if not folder:
        _not_inside_output(real, target, option)  # (a folder target's was checked above)
    if not folder and kind is not None and not force and (real.exists() or os.path.lexists(real)) \
            and not file_is_kind(real, kind):
        raise UnsafeTarget(f"{option} {target}: refused: the file exists and is not a .{kind} file interview-kit "
                           "wrote; choose a new file name, or add --force to replace it")
    if append and not real.exists() and os.path.exists(target):
        # `--log /dev/stderr` on a pipe resolves to /proc/PID/fd/pipe:[N], which is no path to open:
        # append through the name given (claims17 C3)
        return Path(os.path.abspath(target))
    return real


def _not_inside_a_study(real: Path, target, option: str) -> None:
    """Refuse a target that is a study folder or lies inside one (attacker s14 A4)."""
    for folder in (real, *real.parents):
        try:
            found = (folder / "study.yml").is_file()
        except OSError:
            found = False
        if found:
            raise UnsafeTarget(f"{option} {target}: refused: it lies inside the study {folder}, a folder edited by "
                               "people and kept in git; choose a path outside every study")


def _not_inside_output(real: Path, target, option: str) -> None:
    """Refuse a target lying inside a folder the kit wrote (one holding :data:`OUTPUT_MARKER`):
    a ``run`` report is meant for publishing, so another output there (a ``.qdpx`` project,
    ``analyze`` tables) would put the words of participants who did not consent to being
    quoted into it; and outputs of different kinds never mix (a ``run`` replaces its folder
    whole, losing what was written inside it)."""
    for parent in real.parents:
        if not (parent / OUTPUT_MARKER).is_file():
            continue
        recorded = output_kind(parent)
        if recorded == "run":
            why = ("a report folder meant for publishing, where working outputs (participants' own words, "
                   "names) must never go")
        else:
            why = f"the output of `interview-kit {recorded or 'an earlier version'}`; outputs never mix"
        raise UnsafeTarget(f"{option} {target}: refused: it lies inside {parent}, {why}; "
                           "choose a path outside it")


def _special_kind(path: Path) -> str:
    """What a path that is neither a folder nor a regular file is, in words."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return "not readable"
    for test, words in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                        (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return words
    return "a special file"


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def escape_controls(text, backslash: bool = True) -> str:
    """``text`` with every control character (Unicode categories Cc, Zl, Zp: newline, tab,
    carriage return, escape, NUL, U+2028, …) written as a backslash escape (``\\n``, ``\\t``,
    ``\\r``, ``\\x1b``, ``\\u2028``) and a backslash doubled, so a path or a message stays on one
    line of a tab-separated log and cannot forge another entry; other text is kept as is.
    ``backslash=False`` leaves backslashes single (text for people, not for parsing)."""
    import unicodedata

    out = []
    for char in str(text):
        if char == "\\" and not backslash:
            out.append(char)
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def one_line_path(path) -> str:
    """``path`` as printed for the user: as is when it holds no control character, else
    quoted for the shell in ANSI-C form (``$'/tmp/a\\nb/index.html'``, which bash and zsh read
    back as the same path), so the printed path is always one line."""
    import unicodedata

    text = str(path)
    if not any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in text):
        return text
    return "$'" + escape_controls(text).replace("'", "\\'") + "'"


def shell_path(path) -> str:
    """``path`` as written in a command the kit suggests: quoted for the shell when it holds
    anything the shell reads specially (``'repo/-rf S1'``, ``'repo/[*?] glob'``), in ANSI-C form
    when it holds a control character (:func:`one_line_path`), so it pastes back as one argument."""
    import shlex

    text = str(path)
    shown = one_line_path(text)
    if shown != text:
        return shown
    return shlex.quote(text)


def mark_output(folder, kind: str | None = None) -> Path:
    """Write :data:`OUTPUT_MARKER` into ``folder`` (an output the kit wrote), recording
    ``kind`` (the command that wrote it: ``run``, ``analyze``, ``themes``, ``lab``), and
    return it. A marker that already records a kind keeps it."""
    path = Path(folder) / OUTPUT_MARKER
    if path.exists() and (kind is None or output_kind(folder) is not None):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "written by interview-kit: the kit may replace this folder\n"
    if kind is not None:
        text += f"kind: {kind}\n"
    path.write_text(text, encoding="utf-8")
    return path


# -- spreadsheet formulas ---------------------------------------------------------------------------
#: First characters that make a spreadsheet read a cell as a formula (or a DDE call).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def neutralise_cell(value):
    """``value`` with a leading apostrophe when a spreadsheet would execute it: a string
    starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (OWASP, "CSV
    Injection"). Plain numbers (``-0.42``) and non-strings are returned unchanged."""
    if not isinstance(value, str) or not value or not value.startswith(FORMULA_PREFIXES):
        return value
    if _NUMBER.match(value):
        return value
    return "'" + value


def neutralise_csv_file(path) -> int:
    """Rewrite a published CSV file with every cell passed through :func:`neutralise_cell`
    (atomically, keeping its mode); returns how many cells changed (0: file untouched)."""
    import csv
    import io

    path = Path(path)
    text = path.read_bytes().decode("utf-8", errors="surrogateescape")  # bytes that are not UTF-8 stay as they are
    rows = list(csv.reader(io.StringIO(text, newline="")))
    changed = 0
    for row in rows:
        for i, cell in enumerate(row):
            new = neutralise_cell(cell)
            if new is not cell:
                row[i] = new
                changed += 1
    if changed:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        atomic_write_bytes(path, buffer.getvalue().encode("utf-8", errors="surrogateescape"))
    return changed


# -- archives -------------------------------------------------------------------------------------
MAX_ARCHIVE_BYTES = 512 * 1024 * 1024  # all members together, uncompressed
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members above 1 MiB
MAX_MEMBERS = 100_000


class ArchiveTooLarge(ValueError):
    """An archive whose members would unpack to more than the limits allow."""


def check_archive(archive, max_total: int = MAX_ARCHIVE_BYTES, max_member: int = MAX_MEMBER_BYTES,
                  max_ratio: float = MAX_RATIO, max_members: int = MAX_MEMBERS) -> None:
    """Raise :class:`ArchiveTooLarge` when a ``zipfile.ZipFile`` declares more than
    ``max_members`` members, a member above ``max_member`` bytes or expanding more than
    ``max_ratio`` times (members above 1 MiB), or more than ``max_total`` bytes in all.
    Only the central directory is read; ``zipfile`` stops a member at its declared size, so
    the declared sizes bound what can be decompressed."""
    infos = archive.infolist()
    if len(infos) > max_members:
        raise ArchiveTooLarge(f"the archive has {len(infos):,} members (at most {max_members:,})")
    total = 0
    for info in infos:
        size = info.file_size
        if size > max_member:
            raise ArchiveTooLarge(f"{info.filename} would unpack to {size:,} bytes (at most {max_member:,} a file)")
        if size > 1024 * 1024 and size > max_ratio * max(info.compress_size, 1):
            raise ArchiveTooLarge(f"{info.filename} would unpack to {size:,} bytes from {info.compress_size:,} "
                                  f"(more than {max_ratio:g} times: a zip bomb?)")
        total += size
        if total > max_total:
            raise ArchiveTooLarge(f"the archive would unpack to more than {max_total:,} bytes")


# -- HTML --------------------------------------------------------------------------------------------
def _url_filter(tag: str, attribute: str, value: str):
    if attribute in ("href", "src", "cite") and value.strip().lower().startswith("data:"):
        # an embedded figure may stay; a data: page behind a link may not
        return value if tag == "img" and value.strip().lower().startswith("data:image/") else None
    return value


def clean_html(html: str) -> str:
    """``html`` with only harmless markup: Ammonia's allow-list of tags (headings, lists,
    tables, images, links, ...) and attributes plus ``class`` and ``title``; no ``<script>``
    or ``<style>`` (content removed), no event handler, no ``javascript:`` URL, ``data:``
    URLs only for images."""
    import nh3

    attributes = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
    attributes["*"] = {"class", "title"}
    attributes["input"] = {"type", "checked", "disabled"}
    return nh3.clean(str(html), tags=set(nh3.ALLOWED_TAGS) | {"input"},
                     attributes=attributes, url_schemes={"http", "https", "mailto", "data"},
                     attribute_filter=_url_filter)


# -- replacing files ----------------------------------------------------------------------------
def pid_alive(pid: int) -> bool:
    """True when a process with this id exists (ours or another user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")
_LEGACY_TEMP = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")


def sweep_temp_files(folder, legacy_age: float = 24 * 3600) -> list[Path]:
    """Remove the temporary files :func:`atomic_write_bytes` left in ``folder`` when its
    process was killed (their process id no longer runs), and those an older kit left beside
    a file (``.<name>.<8 characters>.tmp``, no process id) once ``legacy_age`` seconds old;
    returns what was removed."""
    import time

    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match:
            stale = not pid_alive(int(match["pid"]))
        else:
            match = _LEGACY_TEMP.match(entry.name)
            try:
                stale = bool(match) and (entry.parent / match["name"]).exists() and \
                    time.time() - entry.stat().st_mtime > legacy_age
            except OSError:
                stale = False
        if stale and entry.is_file() and not entry.is_symlink():
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass
    return removed


def is_disk_full(exc: BaseException) -> bool:
    """True for an ``OSError`` saying the disk (or the user's quota) is full."""
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)
