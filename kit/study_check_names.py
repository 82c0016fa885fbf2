"""What ``interview-kit run`` does with a participant's name or words in the study's own text, said by ``check``.

The title, objectives and decisions of study.yml and the questions of guide.yml are shown as
written in the report (index.html, guide.html, guide.md, tables/guide_lint.csv, the notebooks),
and ``run``'s final scan (:func:`kit.privacy.find_leaks`) refuses a report that shows a
participant's full name or email, or a run of words of a participant who did not consent to
being quoted (exit 3). :func:`published_secrets` finds them before ``run`` does: one located
error per line of study.yml and guide.yml that holds one the report would still show after its
redaction (the secret itself is never printed); a line the report shows redacted (a name, an
email, a phone number: published as ``[name]``; unconsented words withheld as ``[not quoted]``;
exit 0) is a warning saying so (newcomer s17 F12: check promised a refusal run did not make).
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
        # what run does, not what it might: a line the report shows redacted (a name, an email:
        # kit.outputs.redact_shown) passes run's final scan and is published redacted (exit 0), a
        # warning; only what the redaction leaves is refused (newcomer s17 F12)
        refused = {line: message for line, message in found.items()
                   if _refused(text.split("\n")[line - 1], people, matcher, words)}
        problems += [Problem(str(path), line, message) for line, message in sorted(refused.items())]
        problems += [Problem(str(path), line, _SHOWN_WORDS, level="warning") for line, message in sorted(found.items())
                     if line not in refused and message is _WORDS]
        problems += _shown_redacted(path, text, people, {line: m for line, m in found.items() if m is _WORDS} | refused)
    return problems


def _refused(line: str, people, matcher, words) -> bool:
    """Whether ``line`` as the report shows it (:func:`kit.outputs.redact_shown`: names redacted,
    unconsented words withheld) still holds a
    roster name or email, or a non-consenting participant's words: what run's scan refuses."""
    from kit.outputs import redact_shown

    shown = redact_shown(line, people, words=words or None)
    return bool((matcher and any(True for _ in matcher.find(shown))) or (words and any(True for _ in words.spans(shown))))


_SHOWN = ("a participant's name, email or phone number (participants.csv) is on this line: the report and the "
          "printed guide (guide.md, guide.html) show it redacted ([name], [email], [phone]) and `interview-kit run` "
          "publishes it so (exit 0); write the participant's id instead")

_SHOWN_WORDS = ("words of a participant who did not consent to being quoted (consent_quote: no) are on this line: "
                "the report shows them withheld ([not quoted]) and `interview-kit run` publishes it so (exit 0); put "
                "them in your own words")


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
