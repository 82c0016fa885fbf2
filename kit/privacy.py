"""Private by default: what may leave the team in a shared output.

Participants appear by their pseudonymous id; quotes come only from participants who
consented to being quoted; inside a quote, email addresses, phone numbers and the names on
the study's roster (participants.csv: full names, first names and surnames) are replaced by
``[email]``, ``[phone]`` and ``[name]``. ``include_names=True`` is for internal copies: it keeps
names, but consent still decides which quotes are shown and contact details are still
redacted.

The functions are pure: a study (or a roster) and DataFrames or strings in, the same out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
# A phone number: an optional +country code, then digits in groups separated by single
# spaces, dots, dashes or parentheses; 9 to 15 digits in all (E.164 allows 15). Dates
# (8 digits), times, amounts and years stay below the floor.
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{6,}\d(?![\w])")
_PHONE_MIN_DIGITS, _PHONE_MAX_DIGITS = 9, 15
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

EMAIL_MARK, PHONE_MARK, NAME_MARK = "[email]", "[phone]", "[name]"


@dataclass(frozen=True)
class Roster:
    """The names and emails the study's participants.csv holds (the study's own PII)."""

    names: tuple[str, ...] = ()      # full names as written
    parts: tuple[str, ...] = ()      # first names and surnames, each at least 2 letters
    emails: tuple[str, ...] = ()

    @property
    def secrets(self) -> tuple[str, ...]:
        """What must never appear in a shared output: full names and emails."""
        return self.names + self.emails

    def name_pattern(self) -> re.Pattern | None:
        words = sorted(set(self.names) | set(self.parts), key=len, reverse=True)
        if not words:
            return None
        # Names are matched as written (case-sensitive, whole words), so that a surname
        # such as "Bell" is redacted and the word "bell" is not.
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        return re.compile(rf"(?<![\w@.])(?:{alternatives})(?![\w@])")


def _cells(frame: pd.DataFrame, column: str) -> list[str]:
    if column not in frame:
        return []
    return [str(v).strip() for v in frame[column].tolist() if isinstance(v, str) and str(v).strip()]


def roster(study) -> Roster:
    """The roster of a study (a loaded ``Study`` or a path)."""
    from kit.study import as_study

    study = as_study(study, strict=False)
    people = study.participants
    names = _cells(people, "name")
    parts = []
    for name in names:
        for word in re.split(r"[\s]+", name):
            word = word.strip(".,()\"'")
            if len(word) >= 2 and word[0].isupper():
                parts.append(word)
                if "-" in word:  # a double-barrelled name: each half is a name too
                    parts += [w for w in word.split("-") if len(w) >= 2]
    return Roster(names=tuple(dict.fromkeys(names)), parts=tuple(dict.fromkeys(parts)),
                  emails=tuple(dict.fromkeys(_cells(people, "email"))))


def _phone(match: re.Match) -> str:
    text = match.group(0)
    digits = sum(ch.isdigit() for ch in text)
    if not _PHONE_MIN_DIGITS <= digits <= _PHONE_MAX_DIGITS or _ISO_DATE.match(text.strip()):
        return text
    if re.search(r"\s{2,}|[.]{2,}|--", text):  # two numbers side by side, not one phone number
        return text
    groups = re.findall(r"\d+", text)
    if all(len(g) == 4 and g[:2] in ("19", "20") for g in groups):  # a run of years
        return text
    trailing = text[len(text.rstrip(" .-")):]
    return PHONE_MARK + trailing


def redact(text, people: Roster | None = None, names: bool = True):
    """``text`` with emails, phone numbers and (unless ``names`` is False) roster names
    replaced by ``[email]``, ``[phone]`` and ``[name]``. Non-strings are returned as they are."""
    if not isinstance(text, str) or not text:
        return text
    if people is not None:
        for email in sorted(people.emails, key=len, reverse=True):
            text = re.sub(re.escape(email), EMAIL_MARK, text, flags=re.IGNORECASE)
    text = EMAIL.sub(EMAIL_MARK, text)
    text = _PHONE_CANDIDATE.sub(_phone, text)
    if names and people is not None:
        pattern = people.name_pattern()
        if pattern is not None:
            text = pattern.sub(NAME_MARK, text)
    return text


def redact_column(frame: pd.DataFrame, column: str = "text", people: Roster | None = None,
                  names: bool = True) -> pd.DataFrame:
    """A copy of ``frame`` with ``column`` redacted."""
    frame = frame.copy()
    if column in frame and len(frame):
        frame[column] = [redact(v, people, names) for v in frame[column].tolist()]
    return frame


def consented(frame: pd.DataFrame, study, column: str = "participant") -> pd.DataFrame:
    """The rows of ``frame`` whose participant consented to being quoted."""
    from kit.study import as_study

    ok = as_study(study, strict=False).consenting()
    if column not in frame:
        return frame.iloc[0:0]
    return frame[frame[column].isin(ok)].reset_index(drop=True)


def shareable(frame: pd.DataFrame, study, column: str = "text", include_names: bool = False,
              people: Roster | None = None) -> pd.DataFrame:
    """Consented rows only, with ``column`` redacted: what a quote table in a shared report
    may hold. ``include_names`` keeps roster names (contact details are redacted anyway)."""
    people = people if people is not None else roster(study)
    return redact_column(consented(frame, study), column, people, names=not include_names)


def public_quotes(study, include_names: bool = False) -> pd.DataFrame:
    """The study's key quotes fit for a shared output: consenting participants only,
    redacted (columns segment_id, interview_id, participant, text, time)."""
    from kit.study import as_study

    study = as_study(study, strict=False)
    quotes = study.quotes
    cols = [c for c in ("segment_id", "interview_id", "participant", "text", "time") if c in quotes]
    return shareable(quotes[cols], study, include_names=include_names)


def find_leaks(root, people: Roster, suffixes=(".html", ".csv", ".json", ".ipynb", ".txt", ".md", ".log")):
    """The files under ``root`` (relative paths) that show a participant's full name or
    email. The secret itself is never returned, so the answer can be logged."""
    root = Path(root)
    leaks = []
    # Case-insensitive substring search: lower-case each file once, then let str.find (fast,
    # in C) look for every secret; a regex alternation over megabytes of embedded images is
    # ten times slower.
    secrets = sorted({s.lower() for s in people.secrets if len(s) >= 3})
    if not secrets:
        return leaks
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in suffixes:
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace").lower()
        except OSError:
            continue
        if any(secret in text for secret in secrets):
            leaks.append(path.relative_to(root).as_posix())
    return leaks


_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+")


def redact_markup(text: str, people: Roster | None = None, names: bool = True) -> str:
    """``redact`` for HTML or Markdown output: embedded images (data URIs) are left whole."""
    if not isinstance(text, str) or not text:
        return text
    pieces, last = [], 0
    for match in _DATA_URI.finditer(text):
        pieces.append(redact(text[last:match.start()], people, names))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(redact(text[last:], people, names))
    return "".join(pieces)


def redact_notebook(nb, people: Roster | None = None, names: bool = True) -> int:
    """Redact the text outputs of an executed notebook in place (streams, plain text, HTML,
    Markdown; images are left alone). Returns how many outputs changed."""
    changed = 0

    def fix(value):
        joined = "".join(value) if isinstance(value, list) else value
        new = redact_markup(joined, people, names)
        return new, new != joined

    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"], diff = fix(output["text"])
                changed += diff
            data = output.get("data", {})
            for key in [k for k in data if k.startswith("text/")]:
                data[key], diff = fix(data[key])
                changed += diff
    return changed
