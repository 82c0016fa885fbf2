"""Where each speaker of a transcript first speaks, in one pass over the file.

:func:`first_lines_of` replaces one scan of the transcript per label (quadratic in the number
of speakers: 5,000 labels of a 10,000-line transcript made 50 million comparisons) with one
scan that looks each line's possible labels up in a set: linear in the file's length.
"""
from __future__ import annotations

import re
from pathlib import Path

from kit.errors import TranscriptError

from kit.transcript_marks import STAMP, strip_colour, undecorate

__all__ = ["first_lines_of", "label_candidates", "speaker_places"]

_LEADING_STAMP = re.compile(rf"^{STAMP}\s+")
_TRAILING_STAMP = re.compile(rf"^(.+?)\s+{STAMP}$")


def label_candidates(text: str) -> list[str]:
    """The speaker labels a stripped transcript line could start with, as
    :func:`kit.speaker_roles.first_line_of` matches them: ``label:``, ``<v label>`` or
    ``<v label ...``, ``label (``, the whole line alone, ``label  0:21`` (Otter's label and
    time) and any of these after a chat log's ``[19:02]``, and read past decoration (colour codes,
    invisible characters, Markdown emphasis, ``- ``: kit.transcript_marks)."""
    if "\x1b" in text or "[0m" in text:
        text = strip_colour(text, "", []).strip()
    if text[:1] in "*_-–—>" or not text[:1].isascii():
        text = undecorate(text) or text
    stamped = _LEADING_STAMP.match(text)
    if stamped:  # "[19:02] ana.r: words" (a chat log's clock time before the label)
        text = text[stamped.end():]
    out = [text]
    trailing = _TRAILING_STAMP.match(text)
    if trailing:  # "Mom  0:21" (Otter: the label, then the time, alone on a line)
        out.append(trailing.group(1))
    start = 0
    while (i := text.find(":", start)) >= 0:  # "label: words" (a label may hold a colon)
        out.append(text[:i])
        start = i + 1
    for bracket in (" (", " ["):
        start = 0
        while (i := text.find(bracket, start)) >= 0:  # "label (00:01:02) words", "label [00:20]:"
            out.append(text[:i])
            start = i + 1
    if text.startswith(("<v ", "<V ")):
        rest = text[3:]
        end = rest.find(">")
        if end >= 0:
            out.append(rest[:end])
        start = 0
        while (i := rest.find(" ", start)) >= 0:  # "<v label class>"
            out.append(rest[:i])
            start = i + 1
    return out


def first_lines_of(path, labels) -> dict:
    """``{label: 1-based line}`` of the first line of ``path`` where each of ``labels`` speaks
    (``label:``, ``<v label>``, ``<v label ...``, ``label (`` or the label alone); a label not
    found, or a file that cannot be read, gives 0. One pass over the file, each line's
    candidate labels looked up in a set."""
    wanted = {str(label): label for label in labels}
    found = dict.fromkeys(labels, 0)
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            if str(path).lower().endswith(".docx"):  # a Word file: the lines kit.transcript_docx numbers
                from kit.transcript_docx import docx_text

                handle = docx_text(Path(path).read_bytes(), str(path))[0].splitlines()
            for n, line in enumerate(handle, start=1):
                if not wanted:
                    break
                for candidate in label_candidates(line.strip()):
                    label = wanted.pop(candidate, None)
                    if label is not None:
                        found[label] = n
    except (OSError, TranscriptError):
        return dict.fromkeys(labels, 0)
    return found


def speaker_places(path, labels, loader) -> dict:
    """``{label: (path, line)}``: where each speaker of one transcript is first heard, for a
    warning's ``path:line``. A label an alias renamed (study.yml ``aliases``, the note's
    ``speakers:``: ``loader.written_labels``, shown label -> labels as written) is looked up as
    it is written too; one found nowhere in the file is located at the note's ``speakers:``
    line when the note has one (``loader.speakers_at``: (note path, line)), else line 0 of the
    transcript."""
    written = getattr(loader, "written_labels", None) or {}
    also = [w for label in labels for w in written.get(str(label), ())]
    found = first_lines_of(path, [*labels, *also])
    fallback = getattr(loader, "speakers_at", None)
    out = {}
    for label in labels:
        lines = [n for n in (found.get(label, 0), *(found.get(w, 0) for w in written.get(str(label), ()))) if n]
        out[label] = (path, min(lines)) if lines else fallback or (path, 0)
    return out
