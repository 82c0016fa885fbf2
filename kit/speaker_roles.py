"""Which speaker of a transcript is the interview's participant (:mod:`kit.study`).

A note names one participant, but a transcript may hold more than one speaker who is not on
the team: a colleague who joins the call, a partner in the room, a second "Speaker 3" of an
automatic transcript. Their consent is not the participant's, so their turns must not count
as the participant's words (which would publish them if the participant consented to being
quoted). :func:`participant_label` picks the label that is the participant; the turns of the
others belong to no participant (``participant`` empty), which every published output
withholds (:func:`kit.privacy.unquotable`: consent unknown) and which no participant count
includes. A label the note's ``speakers:`` names is never re-judged here.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from kit.errors import Problem
from kit.look_alikes import latin_look_alike
from kit.speaker_names import near_name
from kit.transcript_letters import WORD

__all__ = ["label_key", "label_differences", "name_form", "participant_label", "participant_labels", "plain_label",
           "speaker_participants", "speaker_listing", "suspected_labels", "third_role",
           "first_line_of", "lone_transcript", "variants_problem"]

_WORD = WORD  # a word's letters with their combining marks (``प्रिया``)

# Characters a reader does not see (kit.privacy_text.invisible_pattern: zero-width spaces and
# joiners, soft hyphens, bidi marks, word joiners, variation selectors, Hangul fillers, format
# characters): a label written with them in it ("Sa\u200bm Doe:") is the label without them.
def _invisible():
    from kit.privacy_text import invisible_pattern

    return invisible_pattern()


def _look_alike(ch: str) -> str:
    """The Latin letter that ``ch``, a letter of another script, looks like (Unicode TR39
    confusables, :mod:`kit.look_alikes`), in ``ch``'s case; ``ch`` itself when it looks like no
    Latin letter or is Latin."""
    if ch.isascii() or not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN"):
        return ch
    return latin_look_alike(ch) or ch


@lru_cache(maxsize=8192)
def plain_label(written: str) -> str:
    """A speaker label as it reads: without invisible characters (Unicode
    Default_Ignorable_Code_Point: ``Sa\u200bm Doe`` is ``Sam Doe``), in Unicode NFKC (full-width
    letters are letters), a letter of another script that looks like a Latin letter written as
    that letter when the label mixes it with Latin letters (``Аlex`` with a Cyrillic А is
    ``Alex``; a label wholly in one script keeps its letters), one space between words."""
    text = str(written)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", _invisible().sub("", text))
        if not text.isascii() and any("a" <= c <= "z" for c in text.lower()):
            text = "".join(_look_alike(c) for c in text)
    return " ".join(text.split())


@lru_cache(maxsize=8192)
def label_key(label: str) -> str:
    """What two speaker labels are compared by: :func:`plain_label`, in lower case, without
    accents, every look-alike letter (Unicode TR39 confusables) as the Latin letter, so that
    ``José Peña``, ``jose pena``, ``Jo\u200bsé Peña`` and ``Јоsе Реñа`` (Cyrillic) are one speaker."""
    key = plain_label(label).casefold()
    if not key.isascii():
        key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
        key = "".join(_look_alike(c) for c in key).lower()
    return key


_AFFILIATION = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\]|[|｜].*)\s*$")  # "(Central Library)", "[Guest]", "| Library"
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"}  # "Smith, Jr." is no "Jr. Smith"
_LOGIN = re.compile(r"([^\W\d_]{2,}(?:[._][^\W\d_]{2,})+)(?:@[\w.-]+)?")  # "anna.nowak", "grant_bell@library.org"


@lru_cache(maxsize=8192)
def name_form(label: str) -> str:
    """The person's name a display label holds, as a roster or study.yml writes it (given name
    first), by the forms meeting tools write (Teams, Zoom): ``"Nowak, Anna"`` (family name, comma,
    given names) is ``"Anna Nowak"``; an affiliation after the name in brackets or after a bar
    (``"Anna Nowak (Central Library)"``, ``"Anna Nowak [Guest]"``, ``"Anna Nowak | Library"``) is
    dropped; an email-like login (``"anna.nowak"``, ``"anna_nowak@library.org"``) is its words
    (``"anna nowak"``). One rule for the team (:func:`kit.study_config.team_keys`) and the
    roster (:func:`participant_label`). A label in none of these forms is returned as it is."""
    text = " ".join(str(label or "").split())
    while (cut := _AFFILIATION.sub("", text)) != text and cut:
        text = cut
    if (login := _LOGIN.fullmatch(text)) is not None:
        return " ".join(re.split(r"[._]", login.group(1)))
    family, comma, given = text.partition(",")
    if (comma and family.strip() and given.strip() and "," not in given and _WORD.search(family) and _WORD.search(given)
            and given.strip(" .").casefold() not in _SUFFIXES):
        return f"{given.strip()} {family.strip()}"
    return text


# How two spellings of one speaker's label differ, as a message says it without the label.
_STEPS = (
    ("invisible characters", lambda t: _invisible().sub("", t)),
    ("spaces", lambda t: " ".join(t.split())),
    ("look-alike letters", lambda t: "".join(_look_alike(c) for c in unicodedata.normalize("NFKC", t))),
    ("accents", lambda t: "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))),
    ("capitals", str.casefold),
)


def label_differences(label: str, read_as: str) -> list[str]:
    """How ``label`` differs from ``read_as``, the spelling it was read as (one speaker: the
    same :func:`label_key`): some of ``"invisible characters"``, ``"spaces"``, ``"look-alike
    letters"``, ``"accents"``, ``"capitals"``, in that order."""
    kinds, a, b = [], str(label), str(read_as)
    for kind, step in _STEPS:
        if a == b:
            break
        a2, b2 = step(a), step(b)
        if (a2, b2) != (a, b):
            kinds.append(kind)
        a, b = a2, b2
    return kinds


def variants_problem(source: str, variants: list, where: dict | None = None) -> Problem:
    """The warning for the lines whose speaker label was read as another spelling of a
    speaker's label (``variants``: ``(line, label, read_as)``, at least one): it names the
    first label and what it was read as, and says how they differ and on which lines
    ("capitals on line(s) 15; accents on line(s) 22"), so that it still says what differs
    when a printed output hides the names (``[name]``)."""
    lines_of: dict[str, list[int]] = {}
    for line, label, read_as in variants:
        for kind in label_differences(label, read_as) or ["spelling"]:
            lines_of.setdefault(kind, []).append(line)

    def shown(lines):
        return ", ".join(map(str, lines[:10])) + (" ..." if len(lines) > 10 else "")

    how = "; ".join(f"{kind} on line(s) {shown(lines)}" for kind, lines in lines_of.items())
    first_line, label, read_as = variants[0]
    # where the spelling it was read as is written (``where``: spelling -> line)
    at = f"as on line {line}; " if where and (line := where.get(read_as)) else ""
    return Problem(source, first_line, f"speaker label {label!r} read as {read_as!r} ({at}the same name in other "
                   f"{how}): write it the same way everywhere, or name two people differently", "warning")


# A possessive before another word: "Jordan's wife", "Dana’s carer" names someone of Jordan's or Dana's.
_POSSESSIVE = re.compile(r"[^\W\d_]['’`ʼ]s\s+[^\W\d_]", re.IGNORECASE)
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"}


def _name_rank(label, name) -> int:
    """How surely a speaker label names the participant of roster name ``name``: 0 not at all;
    it must share a word with the name and its first word (after a title) must be one of the
    name's words or the initials of its given names. 2 when that first word is the given name
    or the initials ("Dana", "Dana O.", "D. Okafor" for Dana Okafor; "MJ Hope" for Mary-Jane
    Hope); 1 when it is another word of the name ("Okafor", "Mrs Okafor": the family name, which
    a relative in the room shares). "Maria Okafor" (a parent sharing the surname), "Dana's wife"
    and "Dana (interpreter)" (a possessive, someone else's role: :func:`third_role`) are 0. The full
    name with one letter mistyped or written in an Indic script is 2 (:func:`kit.speaker_names.near_name`), and so is
    the given name cut short to a word of three letters or more ("Dan" for Dana)."""
    from kit.privacy_text import fold

    if _POSSESSIVE.search(str(label or "")) or third_role(label):  # "Jordan's wife": someone else (session 13)
        return 0
    label = name_form(str(label or ""))  # "Bell, Grant" is Grant Bell, given name first (newcomer s14 F5)
    wanted = [w for w in _WORD.findall(fold(str(name or ""))) if len(w) > 1]
    words = [w for w in _WORD.findall(fold(str(label or ""))) if w not in _TITLES]
    if not wanted or not words or not ({w for w in words if len(w) > 1} & set(wanted)):
        if (written := _written_rank(label, wanted)):
            return written
        if wanted and len(words) == 1 and len(words[0]) >= 3 and wanted[0].startswith(words[0]):
            return 2  # "Kev" for Kevin: the given name cut short (attacker s17 A18: a withdrawn man's turns kept)
        return 2 if near_name(label, name) else 0  # "Margret Jones", "ਗੁਰਪ੍ਰੀਤ ਕੌਰ": surely the name
    first = words[0]
    initials = "".join(w[0] for w in wanted[:-1] or wanted)  # "MJ Hope" for Mary-Jane Hope
    if first == wanted[0] or (len(first) <= 3 and initials.startswith(first)):
        return 2
    return 1 if first in wanted else 2 if near_name(label, name) else 0


def _written_rank(label: str, wanted: list[str]) -> int:
    """:func:`_name_rank` of a label written in another script: 2 when its first word is the roster's
    given name as that script writes it (``فاطمة`` for Fatima: :func:`kit.speaker_names.written_as`, the
    rule redaction uses too), 1 when it is another word of the name, else 0 (newcomer session 14 F1)."""
    from kit.speaker_names import written_as

    written = [w for w in _WORD.findall(unicodedata.normalize("NFC", label)) if not w.isascii()]
    if not wanted or not written or not written[0].isalpha():  # no roster name (an empty cell): no rank
        return 0
    if written_as(written[0], wanted[0]):
        return 2
    return 1 if any(written_as(written[0], w) for w in wanted[1:]) else 0


def _is_named(label, name) -> bool:
    """Whether a speaker label names the participant of roster name ``name`` (:func:`_name_rank`)."""
    return _name_rank(label, name) > 0


def _shown(label, loader) -> str:
    """``label`` as a warning shows it: not at all when it is one letter from a roster name (a
    printed output hides roster names, not their misspellings: "did you mean" says which)."""
    for pid, name in (getattr(loader, "names", {}) or {}).items():
        if near_name(label, name):
            return f"label (not shown: one letter from {pid}'s roster name, did you mean {pid}?)"
    return repr(label)


def participant_label(words_by_label: dict, name: str = "") -> tuple[set, str]:
    """``(labels, how)``: the labels among ``words_by_label`` (label -> words spoken, the
    labels not on the team and not fixed by the note) that are the participant, and how they
    were chosen: ``"name"`` (every label sharing a word of the participant's roster ``name``,
    accent- and case-folded: "Dana" and "Dana O." for Dana Okafor), else ``"most words"`` (the
    one label that spoke the most words; ties go to the first label), ``"only"`` for a single
    label; a label naming another person's role (:func:`third_role`: "Parent", "Interpreter")
    is never picked by words spoken (``(set(), "roles")`` when every label is one). When some
    labels name the participant by their given name ("Ben Carter"), a label naming them only by
    family name ("Mrs Carter": a parent) is not theirs. ``(set(), "")`` for no label.
    """
    labels = list(words_by_label)
    if len(labels) < 2:
        return set(labels), "only" if labels else ""
    rank = {label: _name_rank(label, name) for label in labels}
    best = max(rank.values())
    if best:  # "Ben Carter" over "Mrs Carter": the given name over the family name a parent shares
        return _exact_first({label for label in labels if rank[label] == best}, name), "name"
    # "Parent:", "Interpreter:" name someone else's role: never the participant by words spoken
    labels = [label for label in labels if not third_role(label) and not _POSSESSIVE.search(str(label))]
    if not labels:
        return set(), "roles"
    return {max(labels, key=lambda label: words_by_label[label])}, "most words"


def _is_roster_name(label, name) -> bool:
    """Whether a speaker label is exactly the roster name ``name`` (:func:`name_form`, accent- and
    case-folded word for word: ``Grace Okafor``, ``OKAFOR, Grace``), not a part or a misspelling of it."""
    from kit.privacy_text import fold

    wanted = [w for w in _WORD.findall(fold(str(name or ""))) if len(w) > 1]
    words = [w for w in _WORD.findall(fold(name_form(str(label or "")))) if len(w) > 1]
    return bool(wanted) and words == wanted and not third_role(label)


def _exact_first(chosen: set, name) -> set:
    """``chosen`` (labels naming the participant) narrowed, when one of them is exactly the
    roster name (accent- and case-folded), to it, the labels one letter from it (the same person
    misspelt: warned) and those written only with words of the name ("Elif"): "Elif Kaya", who
    shares the given name, is another person then (newcomer s15 F1)."""
    from kit.privacy_text import fold

    def words(text) -> list:
        return [w for w in _WORD.findall(fold(str(text or ""))) if len(w) > 1]

    wanted = words(name)
    if not wanted or not any(words(label) == wanted for label in chosen):
        return chosen
    initials = "".join(w[0] for w in wanted[:-1] or wanted)  # "MJ Hope" for Mary-Jane Hope

    def own(word) -> bool:
        return word in wanted or (len(word) <= 3 and initials.startswith(word))
    return {label for label in chosen if all(own(w) for w in words(label)) or near_name(label, name)}


_THIRD_ROLES = re.compile(
    r"\b(?:parent|mum|mom|mummy|mommy|dad|daddy|mother|father|guardian|carer|caregiver|care giver|"
    r"interpreter|translator|adviser|advisor|advocate|observer|chaperone|note[ -]?taker|partner|spouse|husband|wife|"
    r"(?:grand|step|great[ -]grand)?(?:daughter|son|child|mother|father|parent)|grandma|grandpa|granny|grandad|"
    r"brother|sister|sibling|aunt|auntie|uncle|niece|nephew|cousin|child|children|kid|relative|family member|"
    r"boyfriend|girlfriend|fianc[eé]e?|friend|neighbou?r|flatmate|housemate|roommate|lodger|"
    r"(?:support|social|key|case|care|youth|housing support)[ -]?worker|caseworker|keyworker|personal assistant|"
    r"helper|befriender|solicitor|lawyer|representative|nurse)(?:s|'s|’s)?\b", re.I)


def third_role(label) -> bool:
    """Whether a speaker label names the role of someone who is not the participant ("Parent",
    "Interpreter", "Student's mum", "Observer 2", "Note taker"), a relative ("Daughter", "My son",
    "Grandson", "Aunt") or a helper ("Support worker", "Social worker", "Neighbour", "Friend",
    "Advocate"): such a label is a third speaker unless the note says otherwise."""
    return _THIRD_ROLES.search(plain_label(str(label or ""))) is not None


def first_line_of(path, label: str) -> int:
    """The 1-based line of ``path`` where ``label`` first appears as a speaker (``label:``,
    ``<v label>`` or the label alone on a line), or 0 when it cannot be read or found."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for n, line in enumerate(handle, start=1):
                text = plain_label(line) if not line.isascii() else line.strip()
                if (text.startswith((label + ":", f"<v {label}>", f"<v {label} "))
                        or text == label or text.startswith(label + " (")):
                    return n
    except OSError:
        return 0
    return 0


def _read_as(participant: str, chosen, name: str, how: str) -> str:
    """Which label was read as ``participant`` and why, as the third-speaker warning says it
    (newcomer F11: "taken to be a misspelt roster name" read as if the third speaker were the
    participant). A label one letter from the roster name is not shown (:func:`_shown`)."""
    if not how or not chosen:
        return f"no label was read as {participant}: the others name someone else's role"
    why = {"name": "the label that names them by their roster name",
           "most words spoken": "the label that spoke the most words",
           "the note's speakers:": "the label the note's `speakers:` names"}.get(how, how)
    shown = [repr(x) for x in sorted(chosen, key=str) if not near_name(x, name)]
    if shown:
        return f"{participant} is read as {', '.join(shown)}, {why}"
    script = any(near_name(x, name) == "script" for x in chosen)
    return (f"{participant} is read as the label that is their roster name "
            f"{'written in another script' if script else 'with one letter different'}, not shown")


def participant_labels(path, participant: str, columns: dict, role_of: dict, fixed_roles: dict, loader) -> set:
    """The labels of one transcript whose turns are the participant's.

    ``columns``: the parsed turns (speaker, text); ``role_of``: label -> role as the loader
    judged it; ``fixed_roles``: the note's ``speakers:`` (case-folded label -> role);
    ``loader``: gives ``names`` (participant id -> roster name) and ``problem(path, line,
    message, level)``. Labels the note calls participant are the participant; otherwise the
    one :func:`participant_label` picks among the labels judged participant. Every other such
    label is reported (a warning at its first line) and belongs to no participant. Without a
    participant id (a transcript with no note) every such label is returned.
    """
    loose = [label for label, role in role_of.items() if role == "participant"]
    fixed = {label for label in loose if str(label).casefold() in fixed_roles}
    loose = [label for label in loose if label not in fixed]
    if not participant or (not fixed and len(loose) < 2):
        return fixed | set(loose)
    if fixed:
        chosen, how = fixed, "the note's speakers:"
    else:
        words = dict.fromkeys(loose, 0)
        for label, text in zip(columns["speaker"], columns["text"]):
            if label in words:
                words[label] += len(str(text).split())
        chosen, how = participant_label(words, getattr(loader, "names", {}).get(participant, ""))
        how = {"name": "name", "roles": ""}.get(how, "most words spoken")
    name = getattr(loader, "names", {}).get(participant, "")
    taken = _read_as(participant, chosen, name, how)
    from kit.speaker_lines import speaker_places  # one pass for every label (issue s6 notes)

    near = [label for label in chosen if label in loose and near_name(label, name)]
    first = speaker_places(path, [label for label in loose if label not in chosen or label in near], loader)
    for label in near:  # said without the label: it is a roster name, misspelt or in another script
        how_near = "written in another script" if near_name(label, name) == "script" else "with one letter different"
        loader.problem(*first[label],
                       f"a speaker label here is the participant {participant}'s roster name {how_near}: read as "
                       f"{participant}'s words; if it is someone else, name their role in the note's `speakers:`",
                       "warning")
    for label in loose:
        if label not in chosen:
            loader.problem(*first[label],
                           f"speaker {_shown(label, loader)} is neither the team nor the participant {participant} "
                           f"({taken}): their turns count for no participant "
                           "and published outputs withhold their words; name their role in the "
                           "note's `speakers:` (interviewer, participant, observer, other, a role word in lower case such as "
                           "carer or branch manager, or their participant id)", "warning")
    return chosen


def speaker_participants(path, front, columns, role_of, loader) -> dict:
    """``{label: participant id}``: whose words each speaker of one transcript is.

    ``front``: the note's front matter (``participant``: one id or a list of them for a group
    interview; ``speakers:``: label -> role, or -> a participant id); ``columns``: the parsed
    turns (speaker, text); ``role_of``: label -> role as the loader judged it; ``loader``: gives
    ``names`` (participant id -> roster name) and ``problem(path, line, message, level)``.

    A label ``speakers:`` maps to an id counts for that participant. With one participant the
    rest is :func:`participant_labels` (the note's ``participant`` labels, else one label by
    roster name or most words). In a group interview each other label the loader judged a
    participant counts for the participant whose roster name it names (:func:`_name_rank`: the
    given name over a family name another speaker shares). Every label left (a parent, an
    adviser, an interpreter, a speaker no roster name fits) counts for no participant, with a
    warning at its first line. A label missing from the result counts for no participant;
    ``{}`` for a transcript whose note names no participant."""
    if not front:  # a transcript no note names (the most of a large study): nobody's
        return {}
    from kit.study_config import SPEAKER_ROLES, note_participants, speaker_owners

    participants = note_participants(front)
    if not participants:
        return {}
    owners = speaker_owners(front)
    speakers = front.get("speakers") if isinstance(front.get("speakers"), dict) else {}
    fixed = {str(k).casefold(): str(v).lower() for k, v in speakers.items() if str(v).lower() in SPEAKER_ROLES}
    loose = [label for label, role in role_of.items() if role == "participant"]
    owner = {label: owners[str(label).casefold()] for label in loose if str(label).casefold() in owners}
    loose = [label for label in loose if label not in owner]
    if len(participants) == 1:
        pid = participants[0]
        mine = [label for label, p in owner.items() if p == pid]
        if mine:  # an interpreter voicing the participant (`{"ASL Interpreter": P-003}`) beside their own label
            mine += _own_label(path, pid, [label for label in loose if label not in mine], loader)
        fixed.update((str(label).casefold(), "participant") for label in mine)
        theirs = participant_labels(path, pid, columns, dict.fromkeys([*mine, *loose], "participant"), fixed, loader)
        return owner | dict.fromkeys(theirs, pid)
    names = getattr(loader, "names", {}) or {}
    rank = {}
    for label in loose:
        ranks = {pid: _name_rank(label, names.get(pid, "")) for pid in participants}
        best = max(ranks.values())
        hits = [pid for pid in participants if ranks[pid] == best]
        if best and len(hits) == 1:
            owner[label], rank[label] = hits[0], best
    for label in list(rank):  # "Mrs Carter" beside "Ben Carter": the family name is a relative's
        if rank[label] == 1 and any(rank.get(o) == 2 and owner[o] == owner[label] for o in rank):
            del owner[label]
    left = [label for label in loose if label not in owner]
    if left:
        from kit.speaker_lines import speaker_places

        first = speaker_places(path, left, loader)
        listed = ", ".join(participants)
        for label in left:
            loader.problem(*first[label],
                           f"speaker {_shown(label, loader)} is neither the team nor one of the participants {listed} (no "
                           "roster name fits, or another speaker has it): their turns count for no participant "
                           "and published outputs withhold their words; map them in the note's `speakers:` "
                           f"to a participant id ({label}: {participants[0]}) or a role (observer, other)", "warning")
    return owner


def _own_label(path, pid: str, loose: list, loader) -> list:
    """The labels of ``loose`` that are exactly ``pid``'s roster name (:func:`_is_roster_name`) in a
    transcript whose note maps another label to ``pid``: the same participant, theirs too, with a
    warning at each one's first line (newcomer s16 F4: a Deaf member's own "[signs] thank you" beside
    her interpreter's turns was a third speaker's)."""
    name = (getattr(loader, "names", {}) or {}).get(pid, "")
    own = [label for label in loose if _is_roster_name(label, name)]
    if own:
        from kit.speaker_lines import speaker_places

        at = speaker_places(path, own, loader)
        for label in own:
            loader.problem(*at[label],
                           f"a speaker label here is the participant {pid}'s roster name while the note's `speakers:` "
                           f"maps another label to {pid} (an interpreter voicing them): both are read as {pid}'s "
                           "words; if it is someone else, name their role in `speakers:`", "warning")
    return own


def speaker_listing(turns) -> dict:
    """``{label: how a review lists the speaker}`` for the turns of one transcript (columns
    ``speaker``, ``role``, ``participant``): the participant id (``"P-008"``) for a speaker who
    counts for a participant, ``"observer"``, and ``"other speaker (no participant)"`` for a third
    person whose words count for nobody (numbered ``observer 2``... when there are several);
    ``"interviewer"`` for the team. Shows no name."""
    shown, seen = {}, {}
    for label, role, pid in zip(turns["speaker"], turns["role"], turns["participant"]):
        if label in shown:
            continue
        pid = "" if pid is None or str(pid) == "nan" else str(pid)
        if pid:
            kind = pid
        else:
            kind = role if role in ("interviewer", "observer") else "other speaker (no participant)"
        seen[kind] = seen.get(kind, 0) + 1
        shown[label] = kind if pid or seen[kind] == 1 else f"{kind} {seen[kind]}"
    return shown


_SUSPECTED = re.compile(r"^'(.{1,40}?):' looks like a speaker label but is used only once")


def suspected_labels(problems) -> list[str]:
    """The labels that a transcript's problems say look like a speaker's but were read as text
    (kit.transcripts: "'Ravi:' looks like a speaker label but is used only once"): most are a
    person's name the roster may not hold, so a published problem table hides them like a third
    speaker's label (:func:`kit.capture.problem_table`). Sorted, without repeats."""
    found = {m.group(1).strip() for p in problems if (m := _SUSPECTED.match(str(getattr(p, "message", ""))))}
    return sorted(label for label in found if label)


def lone_transcript(loader, path, columns) -> None:
    """Report a transcript no note claims (an interview of its own, named after the file):
    nobody is its participant, so its words count for no participant and published outputs
    withhold them (consent unknown); a warning at line 1 says so and how to name them."""
    if columns and "participant" in columns.get("role", ()):
        loader.problem(path, 1, "no note in interviews/ names this transcript, so its speakers belong to no "
                       "participant: their words count for nobody and published outputs withhold them "
                       "(consent unknown); add a note with `participant:` and `transcript: "
                       f"{path.name if isinstance(path, Path) else Path(path).name}`", "warning")
