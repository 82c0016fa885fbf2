"""What ``interview-kit run`` would refuse to publish, found by ``check`` in the study's own text.

The title, objectives and decisions of study.yml and the questions of guide.yml are shown as
written in the report (index.html, guide.html, guide.md, tables/guide_lint.csv, the notebooks),
and ``run``'s final scan (:func:`kit.privacy.find_leaks`) refuses a report that shows a
participant's full name or email, or a run of words of a participant who did not consent to
being quoted (exit 3). :func:`published_secrets` finds them before ``run`` does: one located
error per line of study.yml and guide.yml that holds one (the secret itself is never printed).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from kit.errors import Problem

__all__ = ["STUDY_TEXT_FILES", "code_name_secrets", "published_secrets"]

#: The study's own text files that the report shows as written.
STUDY_TEXT_FILES = ("study.yml", "guide.yml")

_NAME = ("a participant's name or email (participants.csv) is on this line, and the report shows this "
         "file's text: `interview-kit run` would refuse to publish it (exit 3); write the participant's id "
         "or leave the name out")
_WORDS = ("words of a participant who did not consent to being quoted (consent_quote: no) are on this line, "
          "and the report shows this file's text: `interview-kit run` would refuse to publish it (exit 3); "
          "put them in your own words")


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def published_secrets(study) -> list[Problem]:
    """Located errors (``path:line``) for each line of :data:`STUDY_TEXT_FILES` that holds a
    roster full name or email (:attr:`kit.privacy.Roster.secret_matcher`, every written form
    it reads) or a run of a non-consenting participant's words (:func:`kit.privacy.unquotable`)."""
    from kit.privacy import roster, unquotable

    root = Path(study.path)
    texts = {}
    for name in STUDY_TEXT_FILES:
        path = root / name
        try:
            if path.is_file():
                texts[path] = unicodedata.normalize("NFC", path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue  # an unreadable file is the loader's problem, reported already
    if not texts:
        return []
    people = roster(study)
    matcher = people.secret_matcher
    words = unquotable(study)
    problems: list[Problem] = []
    for path, text in texts.items():
        found: dict[int, str] = {}
        if matcher:
            for start, _end, _mark in matcher.find(text):
                found.setdefault(_line_of(text, start), _NAME)
        if words:
            for start, _end in words.spans(text):
                found.setdefault(_line_of(text, start), _WORDS)
        problems += [Problem(str(path), line, message) for line, message in sorted(found.items())]
        problems += _shown_redacted(path, text, people, found)
    return problems


_SHOWN = ("a participant's name, email or phone number (participants.csv) is on this line: the report and the "
          "printed guide (guide.md, guide.html) show it redacted ([name]); write the participant's id instead")


def _shown_redacted(path, text: str, people, found: dict) -> list[Problem]:
    """A warning per line (not already an error) that published outputs would show redacted:
    a first name alone, a declined or transliterated name, a phone number (:func:`kit.outputs.redact_shown`)."""
    from kit.outputs import redact_shown
    from kit.privacy_batch import unredacted

    lines = text.split("\n")
    quiet = unredacted(set(lines), people)  # the lines provably shown as written, found together
    return [Problem(str(path), number, _CONTACT if shown == redact_shown(line, None) else _SHOWN, level="warning")
            for number, line in enumerate(lines, start=1)
            if number not in found and line.strip() and line not in quiet and (shown := redact_shown(line, people)) != line]


# a phone number or email redacted whoever's it is: not said to be participants.csv's (attacker s17 A19)
_CONTACT = ("a phone number, email or identifier is on this line: the report and the printed guide (guide.md, "
            "guide.html) show it redacted ([phone], [email], [id]); leave it out if it is no one's contact detail")


_CODE = ("the name of code {code_no} holds a participant's name, email or phone number (participants.csv): "
         "every published table, figure and page shows it redacted ([name]), so it cannot be told apart "
         "from other codes redacted the same way; rename the code (codebook.yml)")


def code_name_secrets(study) -> list[Problem]:
    """A located warning (``codebook.yml:line``) for each code whose name published outputs
    would show redacted (:func:`kit.outputs.redact_shown` with the study's roster): a code
    named ``okafor`` or ``beata-kowalski`` is drawn ``[name]`` in the report's figures and tables.
    The code's name itself is never printed (it is the secret); its position in the codebook is."""
    from kit.outputs import redact_shown
    from kit.privacy import roster

    codebook = getattr(study, "codebook", None)
    if codebook is None or not len(codebook):
        return []
    people = roster(study)
    path = str(Path(study.path) / "codebook.yml")
    problems = []
    for number, name in enumerate(codebook.names, start=1):
        if redact_shown(name, people) != name:
            code = codebook.get(name)
            problems.append(Problem(path, getattr(code, "line", 0) or 0, _CODE.format(code_no=number), level="warning"))
    return problems
