"""Labels a transcript uses once, and header lines a name test refused, split out of
:mod:`kit.transcripts` (rules 2f and 2g of its module doc):

* a ``Label:`` used once that shares a name with a speaker (``MJ Hope:`` beside ``Mary-Jane
  Hope:``) is that speaker's turn; another name-like label used once stays in the turn above;
  either way a warning names its line (:func:`once_used`);
* a ``Label:`` used once that names someone else's role or a relative (``Daughter:``, ``My
  son:``, ``Support worker:``; :func:`kit.speaker_roles.third_role`) is a third speaker's turn,
  whose words count for no participant and are never quoted, with a warning at its line: in
  doubt, nobody else's words are published as the participant's (:func:`once_used`);
* a ``Name: text`` line without a time inside an Otter or Rev transcript is read by these same
  rules, the timed headers' speakers established (:mod:`kit.transcript_timed`);
* an Otter or Rev header whose name the name test refuses (``The Boss  0:05``) is still a
  header when the same header recurs, with a warning; used once it stays text, with a warning
  (:func:`recurring_headers`): a header is never folded into the text above unreported.
"""
from __future__ import annotations

import re

from kit.errors import Problem
from kit.transcript_labels import LABEL, ROLE_LABEL, is_heading, label_key, lone_roles
from kit.transcript_letters import NOT_WORD, starts_like_name

__all__ = ["label_words", "once_used", "recurring_headers", "service_tail", "unnamed_labels"]

_NAN = float("nan")
# an Otter or Rev header whose speaker is an email address or a dial-in caller's number
_CONTACT = r"[^\s@()\[\]]+@[^\s@()\[\]]+\.[^\s@()\[\]]+|\+?\d[\d \-().]{5,24}\d"
_CONTACT_OTTER = re.compile(rf"^({_CONTACT})[ \t]+(\d{{1,2}}:\d{{2}}(?::\d{{2}}){{0,2}})[ \t]*$")
_CONTACT_REV = re.compile(rf"^({_CONTACT})[ \t]*[(\[](\d{{1,2}}:\d{{2}}(?::\d{{2}}){{0,2}}(?:[.,]\d{{1,3}})?)[)\]]"
                          r"[ \t]*:?[ \t]*(.*)$")


def label_words(key: str) -> set:
    """The words of a label key that may be a name (two letters or more, not a role label)."""
    return {w for w in NOT_WORD.split(key) if len(w) >= 2 and not ROLE_LABEL.fullmatch(w)}


def _first_uses(labels, wanted: set) -> dict:
    first_use: dict = {}
    for j, lab in enumerate(labels):
        if lab is not None and lab[1] and lab[2] in wanted and lab[2] not in first_use:
            first_use[lab[2]] = j
    return first_use


def once_used(items, labels, with_text, speakers, spelling, notes, forced=()) -> None:
    """Rule 2f: a name-like label used once, not a heading, is a speaker: the same speaker when it
    shares a name with a speaker (``MJ Hope`` beside ``Mary-Jane Hope``), else one of its own
    (fail closed: never words of the turn above); either way the line is reported
    (``notes`` receives ``(line, None, message)``). Rule 2g: a label used once that names someone
    else's role (already a speaker, :func:`kit.transcript_labels.choose_speakers`) is reported."""
    roles = [k for k in lone_roles(with_text, spelling, forced) if k in speakers]
    once = [k for k, n in with_text.items() if n == 1 and k not in speakers and not is_heading(spelling[k])]
    if not once and not roles:
        return
    # the speakers before this rule: a label it adds has no words to share (linear, not quadratic,
    # in the labels: an attacker's 5,000 one-off labels took 44 s)
    named = [(s, words) for s in sorted(speakers) if (words := label_words(s))]
    first_use = _first_uses(labels, set(once) | set(roles))
    for key in roles:
        if notes is not None:
            notes.append((items[first_use[key]][0], None, (
                f"{spelling[key] + ':'!r} is used only once and names someone else's role (a relative, carer, "
                "interpreter, friend...): read as a turn of a third speaker, whose words count for no participant "
                "and are never quoted; if these are the participant's own words, map the label in the note's "
                "`speakers:` (to participant or their id)")))
    for key in once:
        label, line = spelling[key], items[first_use[key]][0]
        own = label_words(key)
        same = [spelling[s] for s, words in named if words & own]
        if same:
            speakers.add(key)
            message = (f"speaker label {label!r} is used only once: read as a new turn (not part of the turn "
                       f"above), as it shares a name with {' and '.join(map(repr, same))}: the participant's when it "
                       "shares their roster name, the interviewer's when it is a team member's first name; if it "
                       "is someone else, name them in the note's `speakers:` or in study.yml `aliases`")
        else:  # fail closed: never folded into the turn above (the participant's or the interviewer's)
            speakers.add(key)
            message = (f"{label + ':'!r} looks like a speaker label but is used only once: read as a turn of a "
                       "speaker of its own, not part of the turn above: unless it is the participant's name, their "
                       "words count for no participant and are withheld; if it is text or someone's turn, say so in "
                       "the note's `speakers:` or in study.yml `aliases`")
        if notes is not None:
            notes.append((line, None, message))


def recurring_headers(items: list, header: re.Pattern, stamp, source: str, problems: list) -> list:
    """``items`` of an Otter or Rev transcript (``(line, text, speaker or None, start, end)``)
    with each text line that is a header in form (``header``: groups name, time and for Rev the
    text after the colon) but whose name the name test refused read as a header when the same
    name heads two lines or more (a warning lists them), else kept as text with a warning at its
    line. ``stamp(value, line, source, problems)`` reads a header's time."""
    found: dict = {}
    contact = _CONTACT_REV if header.groups >= 3 else _CONTACT_OTTER
    for k, (i, s, sp, _st, _en) in enumerate(items):
        if sp is None and (s[-1:].isdigit() or "):" in s or s[-1:] in ")]") and \
                ((m := header.match(s)) is not None or (m := contact.match(s)) is not None):
            found.setdefault(label_key(" ".join(m.group(1).split())), []).append((k, m))
    if not found:
        return items
    out = list(items)
    for uses in found.values():
        lines = [items[k][0] for k, _m in uses]
        name = " ".join(uses[0][1].group(1).split())
        if uses[0][1].re is contact:  # an email or a dial-in number: a header however often (attacker s17 A16)
            for k, m in uses:
                i = items[k][0]
                out[k] = (i, (m.group(3) or "").strip() if m.re.groups >= 3 else "", name,
                          stamp(m.group(2), i, source, problems), _NAN)
            problems.append(Problem(source, lines[0], "a speaker's header names an email address or a phone number "
                                    f"instead of a person (line(s) {', '.join(map(str, lines[:10]))}): read as a speaker "
                                    "(shown redacted); name them in the note's `speakers:`", "warning"))
            continue
        if len(uses) < 2:
            problems.append(Problem(source, lines[0], f"{items[uses[0][0]][1]!r} looks like a speaker's header but "
                                    f"{name!r} does not look like a name and heads no other line: kept as text of the "
                                    "turn above; if someone speaks here, name them in the note's `speakers:`",
                                    "warning"))
            continue
        for k, m in uses:
            i = items[k][0]
            rest = (m.group(m.re.groups) or "").strip() if m.re.groups >= 3 else ""  # Rev: the text, the last group
            out[k] = (i, rest, name, stamp(m.group(2), i, source, problems), _NAN)
        shown = ", ".join(map(str, lines[:10])) + (" ..." if len(lines) > 10 else "")
        problems.append(Problem(source, lines[0], f"{name!r} heads {len(lines)} lines as a speaker's header (line(s) "
                                f"{shown}) though it does not look like a name: read as a speaker; if it is text, "
                                "write it otherwise", "warning"))
    return out


def unnamed_labels(items, labels, notes) -> None:
    """A ``Label:`` whose every word starts with a capital (``The Boss:``) that starts two lines
    or more but does not look like a name (rule 1) stays text of the turn above, with a warning
    at its first line (``notes`` receives ``(line, None, message)``): a recurring label is never
    folded into the text above unreported."""
    if notes is None:
        return
    seen: dict = {}
    for k, (i, s, sp, _st, _en) in enumerate(items):
        if sp is not None or labels[k] is not None or ":" not in s[:41] or not starts_like_name(s):
            continue
        m = LABEL.match(s)
        if m is None or not m.group(2).strip() or m.group(2).lstrip()[:1].isdigit():
            continue
        label = " ".join(m.group(1).split())
        words = label.split()
        if len(words) <= 4 and all(map(starts_like_name, words)) and not is_heading(label):
            seen.setdefault(label_key(label), []).append((i, label))
    for uses in seen.values():
        if len(uses) >= 2:
            lines = ", ".join(str(i) for i, _ in uses[:10]) + (" ..." if len(uses) > 10 else "")
            notes.append((uses[0][0], None, (
                f"{uses[0][1] + ':'!r} starts {len(uses)} lines (line(s) {lines}) like a speaker label but does not look "
                "like a name: read as text of the turn above; if someone speaks there, name them in the note's "
                "`speakers:` or in study.yml `aliases`")))


_SENTENCE_END = re.compile(r"""[.?!…"'”’)\]]$""")


def service_tail(columns: dict, text: str, source: str, problems: list) -> None:
    """The file's last line, when it continues the last turn, names one of the transcript's
    speakers in full (two words or more, or words that the file's first line, no turn, holds too:
    the service's start and stop lines), has at most 12 words and no sentence end, is a
    service's line in the meeting's language (Teams: ``Daeth Rhian Pritchard â'r trawsgrifio i
    ben``, "... stopped transcription" in Welsh), not the speaker's words: taken out of the last
    turn, with a warning at its line (which does not repeat it: it holds a name)."""
    texts = columns.get("text") or []
    if not texts:
        return
    kept = text.rstrip()
    last = " ".join(kept.rpartition("\n")[2].split())  # the last line alone: most files stop here
    said = texts[-1]
    if (not last or len(last) > 200 or len(last.split()) > 12 or _SENTENCE_END.search(last)
            or not said.endswith(" " + last) or LABEL.match(last) is not None):
        return
    lines = kept.split("\n")
    names = {sp for sp in columns["speaker"] if len(str(sp).split()) >= 2}
    first = next((" ".join(line.split()) for line in lines if line.strip()), "")
    if LABEL.match(first) is None:  # a first line that is no turn ("Dechreuodd Rhian Pritchard drawsgrifio")
        words = last.split()
        names |= {run for n in (2, 3) for k in range(len(words) - n + 1)
                  if all(w[:1].isupper() for w in words[k:k + n]) and (run := " ".join(words[k:k + n])) in first}
    if not any(re.search(rf"(?<!\w){re.escape(str(sp))}(?!\w)", last) for sp in names):
        return
    texts[-1] = said[:-len(last) - 1].rstrip()
    problems.append(Problem(source, len(lines), "the last line names a person in full and has no sentence end, as "
                            "a meeting service writes that someone stopped the transcription (in any language): "
                            "not part of any turn; if it is someone's words, end it with a full stop", "warning"))
