"""Reading a study's ``study.yml`` and ``guide.yml`` (moved out of kit.study).

``StudyFileReader`` is the part of the study loader that reads the two YAML files, keeps
the text the researcher wrote as text (``2026.10`` stays ``"2026.10"``) and reports every
value it cannot use as a located problem (``path:line: message``).
"""
from __future__ import annotations

import re

from kit.codebook import misspelt_keys
from kit.csvio import read_text
from kit.yamlio import load_yaml_around_errors
from kit.yamllines import line_of, string_list_problems, value_lines

__all__ = ["NOT_IDENTIFYING", "OTHER_ROLE", "SPEAKER_ROLES", "STUDY_KEYS", "StudyFileReader", "TeamKeys", "alias_hint",
           "note_participants", "role_word", "speaker_owners", "not_identifying", "speaker_role", "team_keys", "team_names",
           "transcript_args"]

# Top-level keys of study.yml that the kit reads (docs/study-format.md).
STUDY_KEYS = ("title", "research_question", "objectives", "decisions", "sprint", "format",
              "segments", "stages", "stage_keywords", "team", "interviewer_labels", "aliases",
              "costs", "survey_baseline_response_rate", "cadence_days", "target_interviews", "not_identifying",
              "not_names")

#: study.yml key: participants.csv columns whose code-like values are no person's identifier (a
#: docking station, a route, a depot: newcomer F20), kept in every output (:func:`not_identifying`).
NOT_IDENTIFYING = "not_identifying"

# Keys of study.yml whose values are text, however YAML would type them unquoted.
_TEXT_KEYS = ("title", "sprint", "research_question", "format")
_TEXT_LISTS = ("stages", "objectives", "decisions", "interviewer_labels")


def _as_text(value, where, line, path, problem):
    """``value`` as the text the researcher wrote: numbers keep their spelling
    (``2026.10``, ``012``; see :class:`kit.yamlio.Spelled`); ``true``/``false`` is reported
    at its line and kept as the word; a list or mapping is an error at its line and read as no
    value (attacker s17 A4: ``sprint: [a, {b: c}]`` was published as a Python repr); anything
    else (None) is left for the checks."""
    if isinstance(value, (list, dict)):
        problem(path, line, f"{where}: a {'list' if isinstance(value, list) else 'mapping'} is not text: write "
                            "one value (in quotes if it has a colon or brackets)", "error")
        return None
    if isinstance(value, bool):
        problem(path, line, f"{where}: {str(value).lower()} is read as yes/no, not text: put it "
                            f"in quotes ('{str(value).lower()}')", "warning")
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    return value


def _text_values(data: dict, lines, path, problem) -> None:
    """Turn values the kit reads as text (title, sprint, list entries, quota and alias keys,
    segment values) into text in place, keeping their spelling."""
    for key in _TEXT_KEYS:
        if key in data and data[key] is not None and not isinstance(data[key], str):
            data[key] = _as_text(data[key], key, line_of(lines, key), path, problem)
    for key in _TEXT_LISTS:
        if isinstance(data.get(key), list):
            data[key] = [v if isinstance(v, (list, dict)) else _as_text(v, key, line_of(lines, key, i), path, problem)
                         for i, v in enumerate(data[key])]  # a mapping entry: the list checks say to quote it
    segments = data.get("segments")
    if isinstance(segments, dict):
        for key in ("attribute",):
            if segments.get(key) is not None:
                segments[key] = _as_text(segments[key], f"segments.{key}",
                                         line_of(lines, "segments", key), path, problem)
        if isinstance(segments.get("attributes"), list):
            segments["attributes"] = [_as_text(v, "segments.attributes", line_of(lines, "segments", "attributes", i),
                                               path, problem) for i, v in enumerate(segments["attributes"])]
        if isinstance(segments.get("quotas"), dict):
            segments["quotas"] = {_as_text(k, "segments.quotas", line_of(lines, "segments", "quotas", k), path, problem): v
                                  for k, v in segments["quotas"].items()}
    if isinstance(data.get("aliases"), dict):
        data["aliases"] = {_as_text(k, "aliases", line_of(lines, "aliases", k), path, problem):
                           _as_text(v, "aliases", line_of(lines, "aliases", k), path, problem)
                           for k, v in data["aliases"].items()}


#: The roles a note's ``speakers:`` may give a transcript label; any other value is a participant
#: id (``{Chloe: P-007}``: a group interview, :func:`speaker_owners`) or a name the label stands
#: for (an alias, ``{S1: Dana}``).
SPEAKER_ROLES = ("interviewer", "participant", "observer")
#: The role of a third speaker (a relative, a carer, an interpreter, a support worker): their turns
#: count for no participant and published outputs withhold their words.
OTHER_ROLE = "other"
_ID_LIKE = re.compile(r"[^\W_][\w.-]*\d[\w.-]*")  # one word holding a digit: P-007, S12, 4711


def not_identifying(source) -> tuple[str, ...]:
    """The participants.csv columns study.yml's ``not_identifying`` declares hold no person's
    identifier (``[home_dock]``), stripped; ``source`` is a study.yml mapping already read or
    a study folder (its study.yml read alone). ``()`` when none is declared or the value is
    not a list of text (``check`` reports it: every column then stays redacted, fail closed).
    :func:`kit.privacy_columns.identifier_columns` leaves these out unless their header names
    an identifier (``membership_number`` always is one)."""
    if not isinstance(source, dict):
        from pathlib import Path

        from kit.yamlio import load_yaml

        path = Path(source) / "study.yml"
        source = load_yaml(path)[0] if path.is_file() else None  # never raises: check reports its problems
    value = source.get(NOT_IDENTIFYING) if isinstance(source, dict) else None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return ()
    return tuple(dict.fromkeys(v.strip() for v in value if v.strip()))


def note_participants(front) -> list[str]:
    """The participant ids a note's front matter names, in order, without repeats: one
    (``participant: P-006``) or several for a group interview (``participant: [P-006, P-007]``,
    docs/study-format.md "Group interviews"). ``[]`` when it names none."""
    value = (front or {}).get("participant")
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        text = "" if item is None or isinstance(item, (dict, list)) else str(item).strip()
        if text and text not in out:
            out.append(text)
    return out


def speaker_role(value) -> str | None:
    """The role a ``speakers:`` value gives its label: ``interviewer``, ``participant`` or
    ``observer`` as written; :data:`OTHER_ROLE` for ``other`` or a value naming someone else's
    role (``interpreter``, ``support worker``, ``daughter``: :func:`kit.speaker_roles.third_role`);
    None for a participant id or a name."""
    from kit.speaker_roles import third_role

    text = " ".join(str(value or "").split()).lower()
    if text in SPEAKER_ROLES:
        return text
    if text == OTHER_ROLE or (text and not _ID_LIKE.fullmatch(text) and third_role(text)):
        return OTHER_ROLE
    return None


_ROLE_WORD = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+){0,3}")


def role_word(value, people=()) -> bool:
    """Whether a ``speakers:`` value is a free role word (``branch manager``, ``head of
    lending``, ``volunteer``): one to four words, all in lower case, no digit, and not a name in
    ``people`` (case-folded names and first names: the team's, the note's interviewer's, the
    note's participants'). Such a label is a third speaker (:data:`OTHER_ROLE`): their words are
    never a participant's. A value with a capital (``Dana``, ``Branch Manager``) is a name."""
    text = " ".join(str(value or "").split())
    return (bool(text) and text == text.lower() and text != text.upper() and _ROLE_WORD.fullmatch(text) is not None
            and text.casefold() not in people and speaker_role(text) is None)


def _people(config, front, names) -> frozenset:
    """The case-folded names (whole and first word) a ``speakers:`` value may be: the team's,
    the note's interviewer's and note_taker's, the roster names of the note's participants."""
    found = team_names(config) + [str((front or {}).get(k) or "") for k in ("interviewer", "note_taker")]
    found += [str((names or {}).get(pid) or "") for pid in note_participants(front)]
    out = set()
    for name in found:
        words = name.casefold().split()
        if words:
            out |= {" ".join(words), words[0]}
    return frozenset(out)


def speaker_owners(front) -> dict[str, str]:
    """``{case-folded label: participant id}`` for the labels the note's ``speakers:`` maps to
    a participant: to one of the note's participants (``{Chloe: P-007}`` with ``participant:
    [P-006, P-007]``), or to a value that reads as an id (one word holding a digit) rather
    than a name. Each such label is a participant's, whose words count for that participant
    and are published only with their consent."""
    speakers = (front or {}).get("speakers")
    if not isinstance(speakers, dict):
        return {}
    listed = set(note_participants(front))
    out = {}
    for label, value in speakers.items():
        text = str(value or "").strip()
        if not text or speaker_role(text) is not None:
            continue
        if text in listed or _ID_LIKE.fullmatch(text):
            out[str(label).casefold()] = text
    return out


def transcript_args(config, front, names=None) -> tuple[dict, dict, list]:
    """How to read one interview's transcript: ``(aliases, roles, known)``.

    ``aliases``: label -> the name it stands for (study.yml ``aliases`` and the note's
    ``speakers:`` entries that name a person); ``roles``: case-folded label -> ``interviewer``,
    ``participant``, ``observer`` or ``other`` (the note's ``speakers:``, :func:`speaker_role`; a
    label mapped to a participant id is ``participant``, :func:`speaker_owners`); ``known``: the labels that are always speakers
    (team, the note's interviewer and note_taker, ``interviewer_labels``, every label the note's
    ``speakers:`` names, and the roster names, whole and first word, of the note's participants,
    ``names``: participant id -> name), so that ``Ravi:`` starting a line is Ravi's turn even
    when Ravi speaks once."""
    aliases = {str(k): str(v) for k, v in (config.get("aliases") or {}).items()}
    speakers = (front or {}).get("speakers") or {}
    owners = speaker_owners(front)
    roles = {}
    if isinstance(speakers, dict):
        for label, value in speakers.items():
            value = str(value)
            if (role := speaker_role(value)) is not None and str(label).casefold() not in owners:
                roles[str(label).casefold()] = role  # `Interpreter: interpreter` is a role, not a name
            elif str(label).casefold() in owners:
                roles[str(label).casefold()] = "participant"
            elif role_word(value, _people(config, front, names)):  # "branch manager": someone else's role
                value = " ".join(value.split())
                aliases[str(label)] = value  # shown as the role the note gives (newcomer s14 F6)
                roles[str(label).casefold()] = roles[value.casefold()] = OTHER_ROLE
            else:
                aliases[str(label)] = value
    known = [m.get("name") if isinstance(m, dict) else m for m in config.get("team") or []]
    known += [str(front.get(k)) for k in ("interviewer", "note_taker") if front and front.get(k)]
    known += list(config.get("interviewer_labels") or [])
    if isinstance(speakers, dict):
        known += [str(label) for label in speakers]
    for pid in note_participants(front) if names else ():
        name = " ".join(str(names.get(pid) or "").split())
        if name and name.lower() != "nan":
            known += [name, name.split()[0]]
    return aliases, roles, list(dict.fromkeys(str(k) for k in known if k))


def team_names(config) -> list[str]:
    """The names of study.yml's ``team``, as written, one space between words, in order."""
    out = []
    for member in (config or {}).get("team") or []:
        name = member.get("name") if isinstance(member, dict) else member
        name = " ".join(str(name or "").split())
        if name and name not in out:
            out.append(name)
    return out


class TeamKeys(frozenset):
    """The case-folded speaker labels that are the team (:func:`team_keys`): ``key in keys`` is
    True for a label written as one of them, and for a display form of a team member's name
    (:func:`kit.speaker_roles.name_form`, the rule the roster's labels are read by: ``nowak, anna``,
    ``anna nowak (central library)``, ``anna nowak | library``, ``anna.nowak``) or their given name
    with the initial of their family name (``anna n.``, ``a. nowak``). A label naming someone else's
    role (``Anna's carer``) is not the team, nor a given name or initials that also name one of the
    note's participants (``anna n.`` beside a participant Anna Nowicka: not surely the team)."""

    people: tuple = ()
    others: tuple = ()
    REMEMBERED = 10_000  # labels whose verdicts one set of keys keeps (then it starts again)

    def __new__(cls, exact=(), people=(), others=()):
        keys = super().__new__(cls, exact)
        keys.people = tuple(dict.fromkeys(p for p in people if p))
        keys.others = tuple(o for o in others if o)
        keys._verdicts = {}  # a label -> whether it names a team member: a study repeats its labels
        return keys

    def __contains__(self, key) -> bool:
        if frozenset.__contains__(self, key):
            return True
        if not self.people:
            return False
        verdicts = self.__dict__.get("_verdicts")
        if verdicts is None or not isinstance(key, str):
            return bool(self.member(key))
        got = verdicts.get(key)
        if got is None:
            if len(verdicts) >= self.REMEMBERED:
                verdicts.clear()
            got = verdicts[key] = bool(self.member(key))
        return got

    def member(self, label) -> str:
        """The team member's name ``label`` is a display form of, else ``""``."""
        from kit.speaker_roles import _POSSESSIVE, _name_rank, label_key, name_form, third_role

        raw = str(label or "")
        if not raw or third_role(raw) or _POSSESSIVE.search(raw):
            return ""
        words = [w for w in (w.strip(".") for w in label_key(name_form(raw)).split()) if w]
        if not words:
            return ""
        for person in self.people:
            full = label_key(person).split()
            if words == full and len(full) > 1:
                return person  # the whole name: surely them
            initial = len(full) > 1 and len(words) == 2 and (
                words[0] == full[0] and len(words[1]) == 1 and full[-1].startswith(words[1])
                or len(words[0]) == 1 and words[1] == full[-1] and full[0].startswith(words[0]))
            if (initial or words == full[:1]) and not any(_name_rank(raw, other) == 2 for other in self.others):
                return person
        return ""


def team_keys(config, front=None, names=None, defaults=()) -> TeamKeys:
    """The labels of one transcript that are the team (:class:`TeamKeys`): study.yml's ``team``
    (each name whole and its first word), the ``aliases`` naming a team member, ``defaults`` (the
    usual interviewer labels), ``interviewer_labels``, and the note's ``interviewer`` and
    ``note_taker`` (whole and first word); ``names`` (participant id -> roster name) gives the
    note's participants, whose names a display form must not also fit."""
    exact, people = set(defaults), []
    for name in team_names(config):
        exact |= {name.casefold(), name.split()[0].casefold()}
        people.append(name)
    for label, target in ((config or {}).get("aliases") or {}).items():
        if str(target).casefold() in exact:
            exact.add(str(label).casefold())
    exact |= {str(x).casefold() for x in (config or {}).get("interviewer_labels") or []}
    for key in ("interviewer", "note_taker"):
        name = " ".join(str((front or {}).get(key) or "").split())
        if name:
            exact |= {name.casefold(), name.split()[0].casefold()}
            people.append(name)
    others = [str((names or {}).get(pid) or "") for pid in note_participants(front)] if names else []
    return TeamKeys(exact, people, [o for o in others if o.lower() != "nan"])


def alias_hint(label, config, front=None) -> str:
    """How to make speaker ``label``, guessed to be the interviewer, the team: for a label that
    looks like a name, the exact study.yml ``aliases:`` line (``"Nowak, Anna": Anna Nowak``)
    naming the note's interviewer when they are on the team, else the team member nearest the
    label (:mod:`difflib`, as close as 0.6); otherwise (``Speaker 1``, a label no team name is
    near) the note's ``speakers:`` entry (``"Speaker 1": interviewer``), which holds for this
    transcript only."""
    import difflib
    import json

    from kit.speaker_roles import name_form
    from kit.transcript_labels import is_role

    quoted = json.dumps(str(label), ensure_ascii=False)
    note = f"name them in the note's `speakers:` ({quoted}: interviewer)"
    team = team_names(config)
    if not team or is_role(str(label)):
        return note
    wanted = " ".join(str((front or {}).get("interviewer") or "").split())
    folded = {t.casefold(): t for t in team}
    member = folded.get(wanted.casefold())
    if member is None:
        near = difflib.get_close_matches(name_form(str(label)).casefold(), list(folded), n=1, cutoff=0.6)
        member = folded[near[0]] if near else None
    if member is None:
        return note
    return f"if they are {member}, add to study.yml `aliases:` the line `{quoted}: {member}`, or {note}"


class StudyFileReader:
    """Mixin of the study loader (needs ``root``, ``problems``, ``problem`` and ``_readable``)."""

    # -- study.yml, guide.yml -------------------------------------------------------------
    def _yaml(self, name):
        path = self.root / name
        if not self._readable(path):
            return None, {}, path
        text, problems = read_text(path)
        self.problems += problems
        if text is None:
            return None, {}, path
        # A syntax error sets its line aside and the rest is read (and checked) all the same;
        # a key given twice is reported and the file read as YAML reads it.
        data, problems, kept, set_aside = load_yaml_around_errors(text, str(path))
        self.problems += problems
        if data is None:
            return None, {}, path
        lines = value_lines(kept) if set_aside else value_lines(text)
        if set_aside and isinstance(data, dict):
            for i, line in sorted(set_aside.items()):
                key = line.strip().split(":", 1)[0]
                if not line[:1].isspace() and key in data:
                    lines.setdefault((key,), i + 1)
        return data, lines, path

    def load_config(self) -> dict:
        before = len(self.problems)
        data, lines, path = self._yaml("study.yml")
        self.config_lines = lines
        if data is None:
            if path.exists() and not any(p.is_error for p in self.problems[before:]):
                self.problem(path, 1, "empty study.yml: missing `research_question`, one sentence "
                                      "that says what the study must learn")
            return {}
        if not isinstance(data, dict):
            self.problem(path, 1, "study.yml must be a mapping of keys such as research_question, segments, stages")
            return {}
        _text_values(data, lines, path, self.problem)
        for key, _meant, message in misspelt_keys(data, STUDY_KEYS, "study.yml"):
            self.problem(path, line_of(lines, key), message)
        if not str(data.get("research_question") or "").strip():
            self.problem(path, 1, "missing `research_question`: one sentence that says what the study must learn")
        fmt = data.get("format", "micro")
        if fmt not in ("micro", "full"):
            self.problem(path, line_of(lines, "format"), f"format must be micro or full, not {fmt!r}")
        segments = data.get("segments") or {}
        if not isinstance(segments, dict):
            self.problem(path, line_of(lines, "segments"), "segments must be a mapping with `attribute` and `quotas`")
            data["segments"] = segments = {}
        quotas = segments.get("quotas") or {}
        if not isinstance(quotas, dict):
            self.problem(path, line_of(lines, "segments", "quotas"), "segments.quotas must map each segment to a number of interviews")
        else:
            for seg, n in quotas.items():
                if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= 100_000:  # no float overflow
                    self.problem(path, line_of(lines, "segments", "quotas", seg),
                                 f"quota for {seg!r} must be a whole number from 0 to 100,000, not {str(n)[:30]}")
        for key in ("stages", "objectives", "decisions", "interviewer_labels", NOT_IDENTIFYING):
            value = data.get(key)
            if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                for line, message in string_list_problems(value, lines, key):
                    self.problem(path, line, message)
                data[key] = []
        team = data.get("team") or []
        if not isinstance(team, list) or not all(isinstance(m, (dict, str)) for m in team):
            self.problem(path, line_of(lines, "team"), "team must be a list of {name, role}")
            data["team"] = []
        aliases = data.get("aliases") or {}
        if not isinstance(aliases, dict):
            self.problem(path, line_of(lines, "aliases"), "aliases must map a transcript label to a speaker name")
            data["aliases"] = {}
        rate = data.get("survey_baseline_response_rate")
        if rate is not None and not (isinstance(rate, (int, float)) and 0 <= rate <= 1):
            self.problem(path, line_of(lines, "survey_baseline_response_rate"),
                         f"survey_baseline_response_rate must be a share between 0 and 1, not {rate!r}")
        target = data.get("target_interviews")
        if target is not None and not (isinstance(target, int) and not isinstance(target, bool)
                                       and 0 < target <= 100_000):  # at most 100,000: no float overflow
            self.problem(path, line_of(lines, "target_interviews"),
                         f"target_interviews must be a whole number of interviews (15-20 for a pilot), "
                         f"not {str(target)[:30]}")
            data.pop("target_interviews")
        attributes = segments.get("attributes")
        if attributes is not None and not (isinstance(attributes, list) and all(isinstance(a, str) for a in attributes)):
            self.problem(path, line_of(lines, "segments", "attributes"),
                         "segments.attributes must be a list of participants.csv columns, e.g. [segment, region]")
            segments.pop("attributes")
        cadence = data.get("cadence_days")
        if cadence is not None and not (isinstance(cadence, (int, float)) and not isinstance(cadence, bool)
                                        and 0 < cadence <= 3660):  # at most ten years; not .inf
            self.problem(path, line_of(lines, "cadence_days"), f"cadence_days must be a positive number of days, at most 3660 (ten years), not {cadence!r}")
        costs = data.get("costs") or {}
        if not isinstance(costs, dict):
            self.problem(path, line_of(lines, "costs"), "costs must be a mapping such as {hourly_rate: 85, currency: EUR}")
            data["costs"] = {}
        elif costs.get("hourly_rate") is not None and not (
                isinstance(costs["hourly_rate"], (int, float)) and 0 <= costs["hourly_rate"] <= 1e12):
            self.problem(path, line_of(lines, "costs", "hourly_rate"), "costs.hourly_rate must be a number >= 0 "
                         "and at most 1,000,000,000,000 (kit.ledger.MAX_MONEY; not .inf or .nan)")
            # unreadable, not absent: costs.csv rows that need it say so instead of asking for it
            data["costs"] = {**costs, "hourly_rate": None}
            self.invalid_config = getattr(self, "invalid_config", set()) | {"costs.hourly_rate"}
        return data

    def load_guide(self):
        before = len(self.problems)
        data, lines, path = self._yaml("guide.yml")
        if data is None:
            if len(self.problems) == before and path.is_file():  # read, and nothing in it (issue atk8 19)
                self.problem(path, 1, "empty guide: add a `questions:` list of {text, kind}, or remove the file; "
                             "the discussion guide is not checked", "warning")
            return None
        if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
            self.problem(path, 1, "guide.yml needs a `questions:` list of {text, kind}")
            return None
        for i, q in enumerate(data["questions"]):
            at = line_of(lines, "questions", i)
            if isinstance(q, str):
                continue
            if not isinstance(q, dict) or not str(q.get("text") or "").strip():
                self.problem(path, at, "each question needs a `text`")
            elif q.get("kind") not in (None, "opener", "targeted", "future", "probe"):
                self.problem(path, at, f"question kind must be opener, targeted, future or probe, not {q.get('kind')!r}")
        return data
